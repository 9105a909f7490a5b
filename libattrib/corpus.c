/* Corpus stage: the claims of many documents, compared.
 *
 * Takes results (attrib_corpus_add), their JSON (attrib_corpus_add_json,
 * so that results made in other processes can be gathered) or other
 * corpora (attrib_corpus_merge). Keeps one flat record per claim, with
 * copies of its strings; gives positions (source, actor, stance) grouped
 * by actor, contested actors, affiliations, rival attributions and their
 * JSON.
 *
 * The views are one index built from the records by sorting them, on the
 * first read after a change, so adding n documents costs n appends and
 * one sort rather than a sort per document. Every order is a total order
 * on the records' contents, which is what makes the views and the JSON
 * independent of the order documents came in. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "arena.h"
#include "internal.h"
#include "jsonbuf.h"

/* One claim of one document. Strings live in the corpus arena. */
typedef struct record {
    const char *doc;
    /* Names as the corpus gives them: the document's (own_*), or the
     * longer name a short one stands for in the corpus (short_names()). */
    const char *source;      /* canonical; NULL: unattributed              */
    const char *affiliation; /* NULL when none                             */
    const char *actor;       /* canonical                                  */
    const char *own_source, *own_affiliation, *own_actor; /* the document's */
    const char *source_text, *actor_text, *cue, *event, *sentence;
    const char *victim;      /* the name in the event, or NULL (see below) */
    attrib_kind source_kind, actor_kind;
    attrib_stance stance;
    double confidence;
    attrib_span sentence_span;
    size_t cue_start, event_start;
} record;

struct attrib_evidence {
    const record *r;
};

struct attrib_position {
    const char *source, *affiliation, *actor;
    attrib_kind source_kind;
    attrib_stance stance;
    attrib_evidence *evidence; /* into the index's evidence array */
    size_t nevidence, ndocs;
};

typedef struct actor_view {
    const char *name;
    attrib_kind kind;
    size_t pos_begin, pos_end; /* into positions */
    size_t sources[3];         /* distinct sources by polarity + 1      */
    size_t nsources;           /* distinct sources, unattributed as one */
} actor_view;

typedef struct group_view {
    const char *name;
    const char **sources;
    size_t nsources;
} group_view;

typedef struct rival_view {
    const char *victim;
    const attrib_position **positions;
    size_t npositions;
} rival_view;

/* Everything derived from the records; rebuilt whole after a change. */
typedef struct corpus_index {
    const char **docs;        /* sorted ids                        */
    attrib_evidence *evidence; /* records in position order        */
    attrib_position *positions;
    size_t npositions;
    actor_view *actors;
    size_t nactors;
    size_t *contested;
    size_t ncontested;
    group_view *groups;
    size_t ngroups;
    rival_view *rivals;
    size_t nrivals;
    arena mem;                /* the arrays of groups and rivals   */
} corpus_index;

struct attrib_corpus {
    arena mem;           /* the records' strings           */
    vec records;         /* record                          */
    vec docs;            /* const char *, in arrival order  */
    const char **doc_set; /* open addressing over docs, for duplicates */
    size_t doc_set_cap;
    corpus_index ix;
    bool fresh;          /* ix matches the records          */
    char error[160];
};

/* ---- Documents ---- */

static uint64_t hash_str(const char *s)
{
    uint64_t h = 1469598103934665603u; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211u;
    return h;
}

static bool has_doc(const attrib_corpus *c, const char *id)
{
    if (!c->doc_set_cap)
        return false;
    for (size_t i = hash_str(id) & (c->doc_set_cap - 1);; i = (i + 1) & (c->doc_set_cap - 1)) {
        if (!c->doc_set[i])
            return false;
        if (strcmp(c->doc_set[i], id) == 0)
            return true;
    }
}

static void doc_set_put(const char **set, size_t cap, const char *id)
{
    size_t i = hash_str(id) & (cap - 1);
    while (set[i])
        i = (i + 1) & (cap - 1);
    set[i] = id;
}

/* Room in the set for N more ids, kept under half full. */
static bool doc_set_reserve(attrib_corpus *c, size_t n)
{
    size_t want = c->docs.len + n;
    if (2 * want < c->doc_set_cap)
        return true;
    size_t cap = c->doc_set_cap ? c->doc_set_cap : 64;
    while (2 * want >= cap)
        cap *= 2;
    const char **set = calloc(cap, sizeof *set);
    if (!set)
        return false;
    for (size_t i = 0; i < c->docs.len; i++)
        doc_set_put(set, cap, VEC_AT(c->docs, const char *, i));
    free(c->doc_set);
    c->doc_set = set;
    c->doc_set_cap = cap;
    return true;
}

/* ---- Records ---- */

static const char *dup(attrib_corpus *c, const char *s, bool *ok)
{
    if (!s)
        return NULL;
    char *p = arena_strndup(&c->mem, s, strlen(s));
    if (!p)
        *ok = false;
    return p;
}

/* The victim an event names, so that claims about "the Sony hack" and
 * « le piratage de Sony » are about one event: the first capitalised word
 * of the event's words, skipping a capitalised article that opens them,
 * and their first word when they open the sentence (its capital may be
 * the sentence's: "Similar attacks ..."). The articles of the built-in
 * languages are listed here because the corpus has no lexicon: it
 * compares results from any extractor. */
static const char *victim_of(attrib_corpus *c, const char *event, bool opens_sentence, bool *ok)
{
    static const char *const articles[] = {"The", "A", "An", "Le", "La", "Les", "L", "Un", "Une",
                                           "Der", "Die", "Das", "Ein", "Eine", "El", "Los", "Las",
                                           "Il", "Lo", "Gli", "O", "Os", "As", "De", "Het", "Een",
                                           "This", "That", "Ce", "Cette"};
    if (!event)
        return NULL;
    const char *p = event;
    bool first = true;
    while (*p) {
        while (*p && !(((unsigned char)*p >= 'A' && (unsigned char)*p <= 'Z') ||
                       ((unsigned char)*p >= 'a' && (unsigned char)*p <= 'z') ||
                       (unsigned char)*p >= 0x80))
            p++, first = false;
        const char *w = p;
        while (*p && (((unsigned char)*p >= 'A' && (unsigned char)*p <= 'Z') ||
                      ((unsigned char)*p >= 'a' && (unsigned char)*p <= 'z') ||
                      ((unsigned char)*p >= '0' && (unsigned char)*p <= '9') ||
                      (unsigned char)*p >= 0x80 || *p == '-'))
            p++;
        size_t n = (size_t)(p - w);
        if (!n)
            continue;
        bool upper = *w >= 'A' && *w <= 'Z';
        bool article = false;
        for (size_t k = 0; first && k < sizeof articles / sizeof *articles; k++)
            article |= strlen(articles[k]) == n && strncmp(articles[k], w, n) == 0;
        article |= first && opens_sentence;
        first = false;
        if (upper && !article) {
            char *v = arena_strndup(&c->mem, w, n);
            if (!v)
                *ok = false;
            return v;
        }
    }
    return NULL;
}

/* Appends R (its strings still the caller's) as a record of the corpus. */
/* The last sentence text a loop of push_record() was given, and the
 * corpus's copy of it: claims of one sentence share one text in a result
 * (and in a corpus), and copying it for each would cost claims times
 * sentence length, quadratic in a text without full stops. */
typedef struct shared_sentence {
    const char *in, *copy;
} shared_sentence;

static bool push_record(attrib_corpus *c, const record *r, shared_sentence *sh)
{
    bool ok = true;
    record *n = vec_push(&c->records, sizeof *n);
    if (!n)
        return false;
    *n = *r;
    n->doc = r->doc; /* already the corpus's copy */
    /* A record of another corpus (merge) brings its document's names. */
    n->own_source = n->source = dup(c, r->own_actor ? r->own_source : r->source, &ok);
    n->own_affiliation = n->affiliation =
        dup(c, r->own_actor ? r->own_affiliation : r->affiliation, &ok);
    n->own_actor = n->actor = dup(c, r->own_actor ? r->own_actor : r->actor, &ok);
    n->source_text = dup(c, r->source_text, &ok);
    n->actor_text = dup(c, r->actor_text, &ok);
    n->cue = dup(c, r->cue, &ok);
    n->event = dup(c, r->event, &ok);
    if (r->sentence && r->sentence == sh->in) {
        n->sentence = sh->copy;
    } else {
        n->sentence = dup(c, r->sentence, &ok);
        sh->in = r->sentence;
        sh->copy = n->sentence;
    }
    n->victim = victim_of(c, r->event, r->event_start == r->sentence_span.start, &ok);
    return ok;
}

/* Starts a document: its id copied, checked against those held. */
static const char *begin_doc(attrib_corpus *c, const char *id)
{
    if (has_doc(c, id)) {
        snprintf(c->error, sizeof c->error, "document \"%.100s\" is already in the corpus", id);
        return NULL;
    }
    return arena_strndup(&c->mem, id, strlen(id));
}

/* Makes the records from OLD_RECORDS on, and document ID, part of the
 * corpus; or, when OK is false, drops them. */
static attrib_status end_doc(attrib_corpus *c, size_t old_records, const char *id, bool ok)
{
    const char **slot = ok && doc_set_reserve(c, 1) ? vec_push(&c->docs, sizeof *slot) : NULL;
    if (!slot) {
        c->records.len = old_records;
        return ATTRIB_ENOMEM;
    }
    *slot = id;
    doc_set_put(c->doc_set, c->doc_set_cap, id);
    c->fresh = false;
    return ATTRIB_OK;
}

attrib_status attrib_corpus_new(attrib_corpus **out)
{
    if (!out)
        return ATTRIB_EINVAL;
    *out = calloc(1, sizeof **out);
    return *out ? ATTRIB_OK : ATTRIB_ENOMEM;
}

static void index_free(corpus_index *ix)
{
    free(ix->docs);
    free(ix->evidence);
    free(ix->positions);
    free(ix->actors);
    free(ix->contested);
    arena_free(&ix->mem);
    memset(ix, 0, sizeof *ix);
}

void attrib_corpus_free(attrib_corpus *c)
{
    if (!c)
        return;
    index_free(&c->ix);
    vec_free(&c->records);
    vec_free(&c->docs);
    free(c->doc_set);
    arena_free(&c->mem);
    free(c);
}

const char *attrib_corpus_error(const attrib_corpus *c)
{
    return c ? c->error : "";
}

attrib_status attrib_corpus_add(attrib_corpus *c, const char *doc_id, const attrib_result *res)
{
    if (!c || !doc_id || !*doc_id || !res)
        return ATTRIB_EINVAL;
    c->error[0] = '\0';
    /* The id goes into the corpus's JSON as it is: it must be UTF-8. */
    if (text_utf8_invalid_at(doc_id, strlen(doc_id)) != strlen(doc_id)) {
        snprintf(c->error, sizeof c->error, "the document id is not UTF-8");
        return ATTRIB_EUTF8;
    }
    const char *id = begin_doc(c, doc_id);
    if (!id)
        return c->error[0] ? ATTRIB_EINVAL : ATTRIB_ENOMEM;
    size_t old = c->records.len;
    bool ok = true;
    size_t n = attrib_result_status(res) == ATTRIB_OK ? attrib_result_claim_count(res) : 0;
    shared_sentence sh = {NULL, NULL};
    for (size_t i = 0; ok && i < n; i++) {
        const attrib_claim *cl = attrib_result_claim(res, i);
        const attrib_entity *src = attrib_claim_source(cl), *act = attrib_claim_actor(cl);
        record r = {
            .doc = id,
            .source = src ? attrib_entity_canonical(src) : NULL,
            .affiliation = src ? attrib_entity_affiliation(src) : NULL,
            .actor = attrib_entity_canonical(act),
            .source_text = src ? attrib_entity_text(src) : NULL,
            .actor_text = attrib_entity_text(act),
            .cue = attrib_claim_cue_text(cl),
            .event = attrib_claim_event_text(cl),
            .sentence = attrib_claim_sentence_text(cl),
            .source_kind = src ? attrib_entity_kind(src) : ATTRIB_KIND_UNKNOWN,
            .actor_kind = attrib_entity_kind(act),
            .stance = attrib_claim_stance(cl),
            .confidence = attrib_claim_confidence(cl),
            .sentence_span = attrib_claim_sentence(cl),
            .cue_start = attrib_claim_cue(cl).start,
            .event_start = attrib_claim_event(cl).start,
        };
        ok = push_record(c, &r, &sh);
    }
    return end_doc(c, old, id, ok);
}

/* ---- JSON in ---- */

static const char *jstr(const json_t *obj, const char *key)
{
    return json_string_value(json_object_get(obj, key));
}

static attrib_kind kind_of(const char *name)
{
    for (int k = ATTRIB_KIND_PERSON; name && k <= ATTRIB_KIND_DESCRIBED; k++)
        if (strcmp(name, attrib_kind_name((attrib_kind)k)) == 0)
            return (attrib_kind)k;
    return ATTRIB_KIND_UNKNOWN;
}

static size_t jsize(const json_t *obj, const char *key)
{
    json_int_t v = json_integer_value(json_object_get(obj, key));
    return v > 0 ? (size_t)v : 0;
}

/* Reads claim I of the JSON into R; false, with the corpus error set, when
 * a required part is missing. The strings stay the JSON's. */
static bool read_claim(attrib_corpus *c, const json_t *cl, size_t i, record *r)
{
    const json_t *src = json_object_get(cl, "source"), *act = json_object_get(cl, "actor");
    const char *stance = jstr(cl, "stance");
    if (!json_is_object(cl) || !json_is_object(act) || !stance) {
        snprintf(c->error, sizeof c->error, "claim %zu: no actor object or stance", i);
        return false;
    }
    r->stance = (attrib_stance)-1;
    for (int s = ATTRIB_ASSERTS; s <= ATTRIB_DENIES; s++)
        if (strcmp(stance, attrib_stance_name((attrib_stance)s)) == 0)
            r->stance = (attrib_stance)s;
    if ((int)r->stance < 0) {
        snprintf(c->error, sizeof c->error, "claim %zu: unknown stance \"%.40s\"", i, stance);
        return false;
    }
    r->actor_text = jstr(act, "text");
    r->actor = jstr(act, "canonical") ? jstr(act, "canonical") : r->actor_text;
    if (!r->actor) {
        snprintf(c->error, sizeof c->error, "claim %zu: the actor has no name", i);
        return false;
    }
    r->actor_kind = kind_of(jstr(act, "kind"));
    if (json_is_object(src) && !(jstr(src, "kind") && strcmp(jstr(src, "kind"), "unattributed") == 0)) {
        r->source_text = jstr(src, "text");
        r->source = jstr(src, "canonical") ? jstr(src, "canonical") : r->source_text;
        r->affiliation = jstr(src, "affiliation");
        r->source_kind = kind_of(jstr(src, "kind"));
    }
    const json_t *v = json_object_get(cl, "confidence");
    r->confidence = json_is_number(v) ? json_number_value(v) : 0.0;
    /* A confidence is from 0 to 1 (attrib.h); anything else in the JSON is
     * brought back in range, which also keeps the output's arithmetic on
     * it defined. */
    r->confidence = r->confidence > 0.0 ? (r->confidence < 1.0 ? r->confidence : 1.0) : 0.0;
    const json_t *cue = json_object_get(cl, "cue"), *ev = json_object_get(cl, "event"),
                 *sent = json_object_get(cl, "sentence");
    r->cue = jstr(cue, "text");
    r->cue_start = jsize(cue, "start");
    r->event = jstr(ev, "text");
    r->event_start = jsize(ev, "start");
    r->sentence = jstr(sent, "text");
    r->sentence_span.start = jsize(sent, "start");
    r->sentence_span.end = jsize(sent, "end");
    return true;
}

attrib_status attrib_corpus_add_json(attrib_corpus *c, const char *json, size_t len)
{
    if (!c || !json)
        return ATTRIB_EINVAL;
    c->error[0] = '\0';
    json_error_t jerr;
    json_t *root = json_loadb(json, len, JSON_REJECT_DUPLICATES, &jerr);
    if (!root) {
        snprintf(c->error, sizeof c->error, "column %d: %.100s", jerr.column, jerr.text);
        return ATTRIB_EINVAL;
    }
    attrib_status st = ATTRIB_EINVAL;
    const char *doc_id = jstr(root, "id");
    const json_t *claims = json_object_get(root, "claims");
    if (!doc_id || !*doc_id)
        snprintf(c->error, sizeof c->error, "no \"id\" string");
    else if (!json_is_array(claims) && !jstr(root, "error"))
        snprintf(c->error, sizeof c->error, "no \"claims\" array nor \"error\"");
    else {
        const char *id = begin_doc(c, doc_id);
        if (id) {
            size_t old = c->records.len;
            bool ok = true, valid = true;
            shared_sentence sh = {NULL, NULL}; /* JSON strings are never shared */
            for (size_t i = 0; ok && valid && i < json_array_size(claims); i++) {
                record r = {.doc = id};
                valid = read_claim(c, json_array_get(claims, i), i, &r);
                ok = !valid || push_record(c, &r, &sh);
            }
            if (!valid)
                c->records.len = old;
            else
                st = end_doc(c, old, id, ok);
        } else if (!c->error[0]) {
            st = ATTRIB_ENOMEM;
        }
    }
    json_decref(root);
    return st;
}

attrib_status attrib_corpus_merge(attrib_corpus *c, const attrib_corpus *from)
{
    if (!c || !from || c == from)
        return ATTRIB_EINVAL;
    c->error[0] = '\0';
    for (size_t i = 0; i < from->docs.len; i++)
        if (has_doc(c, VEC_AT(from->docs, const char *, i))) {
            begin_doc(c, VEC_AT(from->docs, const char *, i)); /* sets the error */
            return ATTRIB_EINVAL;
        }
    size_t old_records = c->records.len, old_docs = c->docs.len;
    if (!doc_set_reserve(c, from->docs.len))
        return ATTRIB_ENOMEM;
    /* FROM's ids copied in C's arena, in FROM's order, which is also the
     * order of its records: a document's records are added before it. */
    bool ok = true;
    for (size_t i = 0; ok && i < from->docs.len; i++) {
        const char **slot = vec_push(&c->docs, sizeof *slot);
        ok = slot && (*slot = dup(c, VEC_AT(from->docs, const char *, i), &ok)) != NULL;
    }
    shared_sentence sh = {NULL, NULL};
    for (size_t i = 0, k = 0; ok && i < from->records.len; i++) {
        record r = VEC_AT(from->records, record, i);
        while (VEC_AT(from->docs, const char *, k) != r.doc)
            k++;
        r.doc = VEC_AT(c->docs, const char *, old_docs + k);
        ok = push_record(c, &r, &sh);
    }
    if (!ok) {
        c->records.len = old_records;
        c->docs.len = old_docs;
        return ATTRIB_ENOMEM;
    }
    for (size_t i = old_docs; i < c->docs.len; i++)
        doc_set_put(c->doc_set, c->doc_set_cap, VEC_AT(c->docs, const char *, i));
    c->fresh = false;
    return ATTRIB_OK;
}

/* ---- The index ---- */

/* NULL sorts after every string: unattributed sources come last. */
static int cmp_null_last(const char *a, const char *b)
{
    if (!a || !b)
        return (a == NULL) - (b == NULL);
    return strcmp(a, b);
}

static int cmp_size(size_t a, size_t b)
{
    return (a > b) - (a < b);
}

/* The total order of records: the position they belong to, then where
 * they stand, then everything else they hold, so that equal keys are
 * equal records and any input order sorts the same. */
static int cmp_record(const void *pa, const void *pb)
{
    const record *a = ((const attrib_evidence *)pa)->r, *b = ((const attrib_evidence *)pb)->r;
    int d;
    if ((d = strcmp(a->actor, b->actor)) || (d = (int)a->stance - (int)b->stance) ||
        (d = cmp_null_last(a->source, b->source)) || (d = strcmp(a->doc, b->doc)) ||
        (d = cmp_size(a->sentence_span.start, b->sentence_span.start)) ||
        (d = cmp_size(a->cue_start, b->cue_start)) ||
        (d = cmp_null_last(a->affiliation, b->affiliation)) ||
        (d = cmp_null_last(a->source_text, b->source_text)) ||
        (d = cmp_null_last(a->actor_text, b->actor_text)) ||
        (d = cmp_null_last(a->cue, b->cue)) || (d = cmp_null_last(a->event, b->event)) ||
        (d = (int)a->source_kind - (int)b->source_kind) ||
        (d = (int)a->actor_kind - (int)b->actor_kind))
        return d;
    return (a->confidence > b->confidence) - (a->confidence < b->confidence);
}

static int cmp_str_ptr(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int cmp_actor(const void *pa, const void *pb)
{
    const actor_view *a = pa, *b = pb;
    if (a->nsources != b->nsources)
        return a->nsources > b->nsources ? -1 : 1;
    return strcmp(a->name, b->name);
}

/* Distinct non-NULL strings among N sorted-or-not pointers, sorted in
 * place and made unique; returns how many remain. */
static size_t sort_unique(const char **v, size_t n)
{
    qsort(v, n, sizeof *v, cmp_str_ptr);
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (!m || strcmp(v[m - 1], v[i]) != 0)
            v[m++] = v[i];
    return m;
}

typedef struct pair {
    const char *group, *member;
} pair;

static int cmp_pair(const void *pa, const void *pb)
{
    const pair *a = pa, *b = pb;
    int d = strcmp(a->group, b->group);
    return d ? d : strcmp(a->member, b->member);
}

static bool build_actors(corpus_index *ix, const char **scratch)
{
    size_t na = 0;
    for (size_t p = 0; p < ix->npositions; p++)
        na += !p || strcmp(ix->positions[p].actor, ix->positions[p - 1].actor) != 0;
    ix->actors = calloc(na ? na : 1, sizeof *ix->actors);
    if (!ix->actors)
        return false;
    for (size_t p = 0, a = 0; p < ix->npositions; a++) {
        actor_view *v = &ix->actors[a];
        v->name = ix->positions[p].actor;
        v->pos_begin = p;
        while (p < ix->npositions && strcmp(ix->positions[p].actor, v->name) == 0)
            p++;
        v->pos_end = p;
        for (int pol = -1; pol <= 1; pol++) {
            size_t n = 0;
            for (size_t k = v->pos_begin; k < v->pos_end; k++)
                if (ix->positions[k].source &&
                    attrib_stance_polarity(ix->positions[k].stance) == pol)
                    scratch[n++] = ix->positions[k].source;
            v->sources[pol + 1] = sort_unique(scratch, n);
        }
        size_t n = 0;
        bool unattributed = false;
        for (size_t k = v->pos_begin; k < v->pos_end; k++) {
            if (ix->positions[k].source)
                scratch[n++] = ix->positions[k].source;
            else
                unattributed = true;
        }
        v->nsources = sort_unique(scratch, n) + unattributed;
        /* The kind most of its evidence gives; ties to the lower kind. */
        size_t votes[ATTRIB_KIND_DESCRIBED + 1] = {0};
        for (size_t k = v->pos_begin; k < v->pos_end; k++)
            for (size_t e = 0; e < ix->positions[k].nevidence; e++) {
                attrib_kind kd = ix->positions[k].evidence[e].r->actor_kind;
                if (kd > ATTRIB_KIND_UNKNOWN && kd <= ATTRIB_KIND_DESCRIBED)
                    votes[kd]++;
            }
        for (int kd = ATTRIB_KIND_PERSON; kd <= ATTRIB_KIND_DESCRIBED; kd++)
            if (votes[kd] > votes[v->kind])
                v->kind = (attrib_kind)kd;
    }
    ix->nactors = na;
    qsort(ix->actors, na, sizeof *ix->actors, cmp_actor);
    ix->contested = malloc((na ? na : 1) * sizeof *ix->contested);
    if (!ix->contested)
        return false;
    for (size_t a = 0; a < na; a++)
        if (ix->actors[a].sources[0] && ix->actors[a].sources[2])
            ix->contested[ix->ncontested++] = a;
    return true;
}

static bool build_groups(corpus_index *ix, const char **scratch)
{
    /* The sources, to look an organisation up among them. */
    size_t ns = 0;
    for (size_t p = 0; p < ix->npositions; p++)
        if (ix->positions[p].source)
            scratch[ns++] = ix->positions[p].source;
    ns = sort_unique(scratch, ns);
    size_t n = 0;
    pair *pairs = malloc((2 * ix->npositions + 1) * sizeof *pairs);
    if (!pairs)
        return false;
    for (size_t p = 0; p < ix->npositions; p++) {
        const attrib_position *pos = &ix->positions[p];
        if (!pos->source || !pos->affiliation)
            continue;
        pairs[n++] = (pair){pos->affiliation, pos->source};
        /* The organisation is in its own group where it speaks. */
        if (bsearch(&pos->affiliation, scratch, ns, sizeof *scratch, cmp_str_ptr))
            pairs[n++] = (pair){pos->affiliation, pos->affiliation};
    }
    qsort(pairs, n, sizeof *pairs, cmp_pair);
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (!m || cmp_pair(&pairs[m - 1], &pairs[i]) != 0)
            pairs[m++] = pairs[i];
    size_t ng = 0;
    for (size_t i = 0; i < m; i++)
        ng += !i || strcmp(pairs[i].group, pairs[i - 1].group) != 0;
    ix->groups = arena_alloc(&ix->mem, (ng ? ng : 1) * sizeof *ix->groups);
    const char **members = arena_alloc(&ix->mem, (m ? m : 1) * sizeof *members);
    if (!ix->groups || !members) {
        free(pairs);
        return false;
    }
    for (size_t i = 0; i < m; i++) {
        if (!i || strcmp(pairs[i].group, pairs[i - 1].group) != 0)
            ix->groups[ix->ngroups++] = (group_view){pairs[i].group, members + i, 0};
        ix->groups[ix->ngroups - 1].nsources++;
        members[i] = pairs[i].member;
    }
    free(pairs);
    return true;
}

/* Positive positions by the victim their evidence names; a victim with
 * two actors and two sources among them is a rival attribution. A claim
 * that names no victim may be about any of them (most claims leave the
 * event implicit), so it joins every victim's group; where no victim is
 * named at all, there is one group, the story (NULL). */
static bool build_rivals(corpus_index *ix, const char **scratch)
{
    size_t ne = 0;
    for (size_t p = 0; p < ix->npositions; p++)
        ne += ix->positions[p].nevidence;
    /* The distinct victims. */
    size_t nv = 0;
    for (size_t e = 0; e < ne; e++)
        if (ix->evidence[e].r->victim)
            scratch[nv++] = ix->evidence[e].r->victim;
    nv = sort_unique(scratch, nv);
    const char **victims = arena_alloc(&ix->mem, (nv + 1) * sizeof *victims);
    const attrib_position **buf = malloc((ix->npositions + 1) * sizeof *buf);
    ix->rivals = arena_alloc(&ix->mem, (nv + 1) * sizeof *ix->rivals);
    if (!victims || !buf || !ix->rivals) {
        free(buf);
        return false;
    }
    memcpy(victims, scratch, nv * sizeof *victims);
    if (!nv)
        victims[nv++] = NULL;
    for (size_t v = 0; v < nv; v++) {
        size_t n = 0;
        for (size_t a = 0; a < ix->nactors; a++)
            for (size_t p = ix->actors[a].pos_begin; p < ix->actors[a].pos_end; p++) {
                const attrib_position *pos = &ix->positions[p];
                if (!pos->source || attrib_stance_polarity(pos->stance) <= 0)
                    continue;
                for (size_t e = 0; e < pos->nevidence; e++)
                    if (!pos->evidence[e].r->victim ||
                        cmp_null_last(pos->evidence[e].r->victim, victims[v]) == 0) {
                        buf[n++] = pos;
                        break;
                    }
            }
        size_t nsrc = 0, nact = 0;
        for (size_t k = 0; k < n; k++)
            scratch[nsrc++] = buf[k]->source;
        nsrc = sort_unique(scratch, nsrc);
        for (size_t k = 0; k < n; k++)
            scratch[nact++] = buf[k]->actor;
        nact = sort_unique(scratch, nact);
        if (nsrc < 2 || nact < 2)
            continue;
        const attrib_position **keep = arena_alloc(&ix->mem, n * sizeof *keep);
        if (!keep) {
            free(buf);
            return false;
        }
        memcpy(keep, buf, n * sizeof *keep);
        ix->rivals[ix->nrivals++] = (rival_view){victims[v], keep, n};
    }
    free(buf);
    return true;
}

/* ---- Short names ----
 *
 * One document says "Corvane Security", another "Corvane"; one "Lena
 * Varga", another "Varga". Within a document resolve.c makes them one;
 * across documents the corpus does: a name whose words are the first
 * words of exactly one longer name in the corpus (an organisation's: its
 * first words) or the last words of exactly one longer person's name
 * stands for it. Where two longer names fit ("Corvane Security" and
 * "Corvane Labs") the short name stays as it is. Descriptions, states and
 * governments keep their names (their canonical names come from the
 * lexicons already). */

/* How many longer names a short one is compared with. */
#define SHORT_NAME_CANDIDATES 64

typedef struct name_info {
    const char *name;
    const char *target; /* the longer name it stands for, else itself */
    bool person, org;    /* some record gives it the kind of a person, of an organisation */
    bool fixed;          /* a kind whose names are not shortened      */
} name_info;

typedef struct suffix_key {
    const char *suffix, *name;
} suffix_key;

static int cmp_name_info(const void *a, const void *b)
{
    return strcmp(((const name_info *)a)->name, ((const name_info *)b)->name);
}

static int cmp_suffix_key(const void *pa, const void *pb)
{
    const suffix_key *a = pa, *b = pb;
    int d = strcmp(a->suffix, b->suffix);
    return d ? d : strcmp(a->name, b->name);
}

static bool fixed_kind(attrib_kind k)
{
    return k == ATTRIB_KIND_DESCRIBED || k == ATTRIB_KIND_STATE || k == ATTRIB_KIND_GOVERNMENT;
}

static void add_name(name_info *v, size_t *n, const char *name, attrib_kind kind)
{
    if (name)
        v[(*n)++] = (name_info){name, name, kind == ATTRIB_KIND_PERSON,
                                kind == ATTRIB_KIND_ORGANIZATION || kind == ATTRIB_KIND_AGENCY ||
                                    kind == ATTRIB_KIND_MEDIA || kind == ATTRIB_KIND_GROUP,
                                fixed_kind(kind)};
}

/* The corpus's name for NAME: its target in the sorted, unique V. */
static const char *target_of(const name_info *v, size_t n, const char *name)
{
    if (!name)
        return NULL;
    name_info key = {name, NULL, false, false, false};
    const name_info *hit = bsearch(&key, v, n, sizeof *v, cmp_name_info);
    return hit ? hit->target : name;
}

static bool short_names(attrib_corpus *c)
{
    size_t nr = c->records.len;
    name_info *v = malloc((3 * nr + 1) * sizeof *v);
    suffix_key *sk = NULL;
    if (!v)
        return false;
    size_t n = 0;
    for (size_t i = 0; i < nr; i++) {
        const record *r = &VEC_AT(c->records, record, i);
        add_name(v, &n, r->own_source, r->source_kind);
        add_name(v, &n, r->own_actor, r->actor_kind);
        add_name(v, &n, r->own_affiliation, ATTRIB_KIND_ORGANIZATION);
    }
    qsort(v, n, sizeof *v, cmp_name_info);
    /* Unique. A two-word name is a person's by its shape only
     * (mentions.c), so one record that knows it as an organisation
     * outweighs any that guess a person; fixed if any record says so. */
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (m && strcmp(v[m - 1].name, v[i].name) == 0) {
            v[m - 1].person |= v[i].person;
            v[m - 1].org |= v[i].org;
            v[m - 1].fixed |= v[i].fixed;
        } else {
            v[m++] = v[i];
        }
    }
    for (size_t i = 0; i < m; i++)
        v[i].person &= !v[i].org;
    /* Every word-final part of each person's name ("Varga", "Maria
     * Varga" of "Anna Maria Varga"). */
    size_t ns = 0, cap = 0;
    for (size_t i = 0; i < m; i++)
        if (v[i].person && !v[i].fixed)
            for (const char *p = v[i].name; (p = strchr(p, ' ')); p++)
                cap++;
    sk = malloc((cap + 1) * sizeof *sk);
    if (!sk) {
        free(v);
        return false;
    }
    for (size_t i = 0; i < m; i++)
        if (v[i].person && !v[i].fixed)
            for (const char *p = v[i].name; (p = strchr(p, ' ')); p++)
                sk[ns++] = (suffix_key){p + 1, v[i].name};
    qsort(sk, ns, sizeof *sk, cmp_suffix_key);
    for (size_t i = 0; i < m; i++) {
        if (v[i].fixed)
            continue;
        const char *found = NULL;
        bool ambiguous = false;
        size_t len = strlen(v[i].name);
        /* Longer names that start with it and a space follow it in order,
         * before any that go on with a character above the space; among
         * more than a few candidates it is ambiguous anyway. */
        for (size_t j = i + 1, seen = 0; j < m && !ambiguous && strncmp(v[j].name, v[i].name, len) == 0;
             j++) {
            if ((unsigned char)v[j].name[len] > ' ')
                break;
            if (v[j].name[len] != ' ' || v[j].person || v[j].fixed)
                continue;
            ambiguous = found != NULL || ++seen > SHORT_NAME_CANDIDATES;
            found = v[j].name;
        }
        size_t lo = 0, hi = ns;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (strcmp(sk[mid].suffix, v[i].name) < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        for (size_t j = lo; j < ns && !ambiguous && strcmp(sk[j].suffix, v[i].name) == 0; j++) {
            if (found && strcmp(found, sk[j].name) == 0)
                continue;
            ambiguous = found != NULL;
            found = sk[j].name;
        }
        if (found && !ambiguous)
            v[i].target = found;
    }
    for (size_t i = 0; i < nr; i++) {
        record *r = &VEC_AT(c->records, record, i);
        r->source = target_of(v, m, r->own_source);
        r->actor = target_of(v, m, r->own_actor);
        r->affiliation = target_of(v, m, r->own_affiliation);
        /* "Corvane's Lena Varga" in the document that calls it Corvane. */
        if (r->affiliation && r->source && strcmp(r->affiliation, r->source) == 0)
            r->affiliation = NULL;
    }
    free(sk);
    free(v);
    return true;
}

static bool build_index(attrib_corpus *c)
{
    corpus_index *ix = &c->ix;
    index_free(ix);
    if (!short_names(c))
        return false;
    size_t n = c->records.len, nd = c->docs.len;
    const char **scratch = malloc((n + 1) * sizeof *scratch);
    ix->docs = malloc((nd + 1) * sizeof *ix->docs);
    ix->evidence = malloc((n + 1) * sizeof *ix->evidence);
    if (!scratch || !ix->docs || !ix->evidence)
        goto fail;
    if (nd) /* an empty corpus has no docs.data, and memcpy takes no NULL */
        memcpy(ix->docs, c->docs.data, nd * sizeof *ix->docs);
    qsort(ix->docs, nd, sizeof *ix->docs, cmp_str_ptr);
    for (size_t i = 0; i < n; i++)
        ix->evidence[i].r = &VEC_AT(c->records, record, i);
    qsort(ix->evidence, n, sizeof *ix->evidence, cmp_record);
    size_t np = 0;
    for (size_t i = 0; i < n; i++) {
        const record *a = ix->evidence[i].r, *b = i ? ix->evidence[i - 1].r : NULL;
        np += !b || strcmp(a->actor, b->actor) || a->stance != b->stance ||
              cmp_null_last(a->source, b->source);
    }
    ix->positions = calloc(np ? np : 1, sizeof *ix->positions);
    if (!ix->positions)
        goto fail;
    for (size_t i = 0; i < n;) {
        attrib_position *p = &ix->positions[ix->npositions++];
        const record *r = ix->evidence[i].r;
        p->source = r->source;
        p->actor = r->actor;
        p->stance = r->stance;
        p->source_kind = r->source_kind;
        p->evidence = &ix->evidence[i];
        for (; i < n; i++) {
            const record *q = ix->evidence[i].r;
            if (strcmp(q->actor, r->actor) || q->stance != r->stance ||
                cmp_null_last(q->source, r->source))
                break;
            if (!p->affiliation)
                p->affiliation = q->affiliation;
            if (!p->source_kind)
                p->source_kind = q->source_kind;
            p->ndocs += !p->nevidence || strcmp(q->doc, p->evidence[p->nevidence - 1].r->doc);
            p->nevidence++;
        }
    }
    if (!build_actors(ix, scratch) || !build_groups(ix, scratch) || !build_rivals(ix, scratch))
        goto fail;
    free(scratch);
    c->fresh = true;
    return true;
fail:
    free(scratch);
    index_free(ix);
    return false;
}

/* The index for reading, built if a change made it stale; NULL when out
 * of memory. The corpus is logically const: the index is a cache. */
static const corpus_index *index_of(const attrib_corpus *c)
{
    if (!c)
        return NULL;
    if (!c->fresh && !build_index((attrib_corpus *)c))
        return NULL;
    return &c->ix;
}

/* ---- Getters ---- */

size_t attrib_corpus_document_count(const attrib_corpus *c)
{
    return c ? c->docs.len : 0;
}

const char *attrib_corpus_document(const attrib_corpus *c, size_t i)
{
    const corpus_index *ix = index_of(c);
    return ix && i < c->docs.len ? ix->docs[i] : NULL;
}

size_t attrib_corpus_actor_count(const attrib_corpus *c)
{
    const corpus_index *ix = index_of(c);
    return ix ? ix->nactors : 0;
}

static const actor_view *actor_at(const attrib_corpus *c, size_t i)
{
    const corpus_index *ix = index_of(c);
    return ix && i < ix->nactors ? &ix->actors[i] : NULL;
}

const char *attrib_corpus_actor(const attrib_corpus *c, size_t i)
{
    const actor_view *a = actor_at(c, i);
    return a ? a->name : NULL;
}

attrib_kind attrib_corpus_actor_kind(const attrib_corpus *c, size_t i)
{
    const actor_view *a = actor_at(c, i);
    return a ? a->kind : ATTRIB_KIND_UNKNOWN;
}

size_t attrib_corpus_actor_sources(const attrib_corpus *c, size_t i, int polarity)
{
    const actor_view *a = actor_at(c, i);
    return a && polarity >= -1 && polarity <= 1 ? a->sources[polarity + 1] : 0;
}

bool attrib_corpus_actor_contested(const attrib_corpus *c, size_t i)
{
    const actor_view *a = actor_at(c, i);
    return a && a->sources[0] && a->sources[2];
}

size_t attrib_corpus_position_count(const attrib_corpus *c, size_t i)
{
    const actor_view *a = actor_at(c, i);
    return a ? a->pos_end - a->pos_begin : 0;
}

const attrib_position *attrib_corpus_position(const attrib_corpus *c, size_t i, size_t j)
{
    const actor_view *a = actor_at(c, i);
    return a && j < a->pos_end - a->pos_begin ? &c->ix.positions[a->pos_begin + j] : NULL;
}

size_t attrib_corpus_contested_count(const attrib_corpus *c)
{
    const corpus_index *ix = index_of(c);
    return ix ? ix->ncontested : 0;
}

size_t attrib_corpus_contested(const attrib_corpus *c, size_t k)
{
    const corpus_index *ix = index_of(c);
    return ix && k < ix->ncontested ? ix->contested[k] : SIZE_MAX;
}

const char *attrib_position_source(const attrib_position *p) { return p ? p->source : NULL; }
attrib_kind attrib_position_source_kind(const attrib_position *p)
{
    return p ? p->source_kind : ATTRIB_KIND_UNKNOWN;
}
const char *attrib_position_affiliation(const attrib_position *p) { return p ? p->affiliation : NULL; }
const char *attrib_position_actor(const attrib_position *p) { return p ? p->actor : NULL; }
attrib_stance attrib_position_stance(const attrib_position *p)
{
    return p ? p->stance : ATTRIB_UNCOMMITTED;
}
size_t attrib_position_document_count(const attrib_position *p) { return p ? p->ndocs : 0; }
size_t attrib_position_evidence_count(const attrib_position *p) { return p ? p->nevidence : 0; }

const attrib_evidence *attrib_position_evidence(const attrib_position *p, size_t k)
{
    return p && k < p->nevidence ? &p->evidence[k] : NULL;
}

const char *attrib_evidence_document(const attrib_evidence *e) { return e ? e->r->doc : NULL; }
const char *attrib_evidence_sentence(const attrib_evidence *e) { return e ? e->r->sentence : NULL; }
attrib_span attrib_evidence_sentence_span(const attrib_evidence *e)
{
    attrib_span none = {0, 0};
    return e ? e->r->sentence_span : none;
}
const char *attrib_evidence_source_text(const attrib_evidence *e) { return e ? e->r->source_text : NULL; }
const char *attrib_evidence_actor_text(const attrib_evidence *e) { return e ? e->r->actor_text : NULL; }
const char *attrib_evidence_cue(const attrib_evidence *e) { return e ? e->r->cue : NULL; }
const char *attrib_evidence_event(const attrib_evidence *e) { return e ? e->r->event : NULL; }
double attrib_evidence_confidence(const attrib_evidence *e) { return e ? e->r->confidence : 0.0; }

size_t attrib_corpus_affiliation_count(const attrib_corpus *c)
{
    const corpus_index *ix = index_of(c);
    return ix ? ix->ngroups : 0;
}

static const group_view *group_at(const attrib_corpus *c, size_t g)
{
    const corpus_index *ix = index_of(c);
    return ix && g < ix->ngroups ? &ix->groups[g] : NULL;
}

const char *attrib_corpus_affiliation(const attrib_corpus *c, size_t g)
{
    const group_view *v = group_at(c, g);
    return v ? v->name : NULL;
}

size_t attrib_corpus_affiliation_source_count(const attrib_corpus *c, size_t g)
{
    const group_view *v = group_at(c, g);
    return v ? v->nsources : 0;
}

const char *attrib_corpus_affiliation_source(const attrib_corpus *c, size_t g, size_t k)
{
    const group_view *v = group_at(c, g);
    return v && k < v->nsources ? v->sources[k] : NULL;
}

size_t attrib_corpus_rival_count(const attrib_corpus *c)
{
    const corpus_index *ix = index_of(c);
    return ix ? ix->nrivals : 0;
}

static const rival_view *rival_at(const attrib_corpus *c, size_t r)
{
    const corpus_index *ix = index_of(c);
    return ix && r < ix->nrivals ? &ix->rivals[r] : NULL;
}

const char *attrib_corpus_rival_event(const attrib_corpus *c, size_t r)
{
    const rival_view *v = rival_at(c, r);
    return v ? v->victim : NULL;
}

size_t attrib_corpus_rival_position_count(const attrib_corpus *c, size_t r)
{
    const rival_view *v = rival_at(c, r);
    return v ? v->npositions : 0;
}

const attrib_position *attrib_corpus_rival_position(const attrib_corpus *c, size_t r, size_t j)
{
    const rival_view *v = rival_at(c, r);
    return v && j < v->npositions ? v->positions[j] : NULL;
}

/* ---- JSON out ---- */

static void put_kind(jbuf *b, attrib_kind k)
{
    jb_string(b, k == ATTRIB_KIND_UNKNOWN ? NULL : attrib_kind_name(k));
}

static void put_position_head(jbuf *b, const attrib_position *p)
{
    jb_puts(b, "{\"source\": ");
    jb_string(b, p->source);
    jb_puts(b, ", \"source_kind\": ");
    put_kind(b, p->source_kind);
    jb_puts(b, ", \"affiliation\": ");
    jb_string(b, p->affiliation);
    jb_puts(b, ", \"actor\": ");
    jb_string(b, p->actor);
    jb_puts(b, ", \"stance\": ");
    jb_string(b, attrib_stance_name(p->stance));
}

static void put_evidence(jbuf *b, const record *r)
{
    jb_puts(b, "{\"document\": ");
    jb_string(b, r->doc);
    jb_putf(b, ", \"sentence\": {\"start\": %zu, \"end\": %zu, \"text\": ", r->sentence_span.start,
            r->sentence_span.end);
    jb_string(b, r->sentence);
    jb_puts(b, "}, \"source_text\": ");
    jb_string(b, r->source_text);
    jb_puts(b, ", \"actor_text\": ");
    jb_string(b, r->actor_text);
    jb_puts(b, ", \"cue\": ");
    jb_string(b, r->cue);
    jb_puts(b, ", \"event\": ");
    jb_string(b, r->event);
    jb_puts(b, ", \"confidence\": ");
    jb_hundredths(b, r->confidence);
    jb_puts(b, "}");
}

attrib_status attrib_corpus_to_json(const attrib_corpus *c, char **json, size_t *len)
{
    if (!json)
        return ATTRIB_EINVAL;
    *json = NULL;
    if (len)
        *len = 0;
    if (!c)
        return ATTRIB_EINVAL;
    const corpus_index *ix = index_of(c);
    if (!ix)
        return ATTRIB_ENOMEM;
    jbuf b = {0};
    jb_puts(&b, "{\"documents\": [");
    for (size_t i = 0; i < c->docs.len; i++) {
        jb_puts(&b, i ? ", " : "");
        jb_string(&b, ix->docs[i]);
    }
    jb_puts(&b, "], \"actors\": [");
    for (size_t a = 0; a < ix->nactors; a++) {
        const actor_view *v = &ix->actors[a];
        jb_puts(&b, a ? ", {\"name\": " : "{\"name\": ");
        jb_string(&b, v->name);
        jb_puts(&b, ", \"kind\": ");
        put_kind(&b, v->kind);
        jb_putf(&b, ", \"sources\": {\"positive\": %zu, ", v->sources[2]);
        jb_putf(&b, "\"neutral\": %zu, \"negative\": %zu}", v->sources[1], v->sources[0]);
        jb_puts(&b, v->sources[0] && v->sources[2] ? ", \"contested\": true" : ", \"contested\": false");
        jb_puts(&b, ", \"positions\": [");
        for (size_t p = v->pos_begin; p < v->pos_end; p++) {
            const attrib_position *pos = &ix->positions[p];
            jb_puts(&b, p > v->pos_begin ? ", " : "");
            put_position_head(&b, pos);
            jb_putf(&b, ", \"documents\": %zu, \"evidence\": [", pos->ndocs);
            for (size_t e = 0; e < pos->nevidence; e++) {
                jb_puts(&b, e ? ", " : "");
                put_evidence(&b, pos->evidence[e].r);
            }
            jb_puts(&b, "]}");
        }
        jb_puts(&b, "]}");
    }
    jb_puts(&b, "], \"contested\": [");
    for (size_t k = 0; k < ix->ncontested; k++) {
        jb_puts(&b, k ? ", " : "");
        jb_string(&b, ix->actors[ix->contested[k]].name);
    }
    jb_puts(&b, "], \"affiliations\": [");
    for (size_t g = 0; g < ix->ngroups; g++) {
        jb_puts(&b, g ? ", {\"name\": " : "{\"name\": ");
        jb_string(&b, ix->groups[g].name);
        jb_puts(&b, ", \"sources\": [");
        for (size_t k = 0; k < ix->groups[g].nsources; k++) {
            jb_puts(&b, k ? ", " : "");
            jb_string(&b, ix->groups[g].sources[k]);
        }
        jb_puts(&b, "]}");
    }
    jb_puts(&b, "], \"rivals\": [");
    for (size_t r = 0; r < ix->nrivals; r++) {
        jb_puts(&b, r ? ", {\"event\": " : "{\"event\": ");
        jb_string(&b, ix->rivals[r].victim);
        jb_puts(&b, ", \"positions\": [");
        for (size_t k = 0; k < ix->rivals[r].npositions; k++) {
            jb_puts(&b, k ? ", " : "");
            put_position_head(&b, ix->rivals[r].positions[k]);
            jb_puts(&b, "}");
        }
        jb_puts(&b, "]}");
    }
    jb_puts(&b, "]}");
    return jb_finish(&b, json, len);
}
