/* Lexicon stage: parses lexicon files into entries, indexes them by their
 * folded first word, and marks, for each token of a document, the longest
 * entry of each class that starts there.
 *
 * Takes: the embedded rows of lexicons/ and a caller's files; a document's
 * folded tokens. Gives: an immutable lexicon per language; d->lex. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


#include "internal.h"

/* One folded first word and its entries. A probe compares the hash and
 * the length before any byte, and the classes of the word's one-word
 * entries answer "is this a function word" without walking the list. */
typedef struct bucket {
    const char *key;              /* folded first word; NULL when empty */
    uint32_t hash;                /* lexicon_hash(key)                  */
    uint16_t keylen;
    uint16_t single;              /* LEX_BIT()s of its one-word entries */
    const lex_entry **list;       /* NULL-terminated                    */
    /* The entries again, as a document's tokens read them: a frequent
     * first word ("the", "a") begins a hundred phrases, of which a token
     * reads those whose second word is the next token. The one-word
     * entries first (nsingle of them), then the others by the hash of
     * their second word, each with its place in the list, which breaks
     * a tie between two matches of a class as the list's order would. */
    struct entry_probe {
        const lex_entry *e;
        uint32_t hash1;           /* lexicon_hash() of its second word  */
        uint32_t pos;             /* index in list                      */
        /* The entry's class and length, so that a one-word entry
         * matches, and a match is weighed, without reading the entry
         * (entries lie far apart: each read was a cache miss). */
        uint8_t cls, nwords, ntail;
    } *probe;
    size_t nsingle;
    size_t n, cap;
} bucket;

struct lexicon {
    arena mem;
    lex_entry *entries;           /* in file order                      */
    size_t n, cap;
    bucket *table;                /* open addressing, power of two      */
    size_t tcap;
    /* The table's tags (slot_tag()). A bucket is 56 bytes, a language's
     * table near a megabyte, more than a core's cache: most words of a
     * text are in no lexicon, and their probes read 4 bytes a slot and
     * no bucket. */
    uint32_t *tags;
    const char **elisions, **clitics; /* folded, e.g. "l'" and "'s"     */
    size_t nelisions, nclitics;
};

/* ---- Names of classes and attribute values ---- */

static const char *const class_names[LEX_NCLASSES] = {
    "report", "blame", "resp", "self", "modifiers", "function",
    "described", "events", "names", "entities", "quotes"};

typedef struct name_value {
    const char *name;
    int value;
} name_value;

static const name_value op_names[] = {
    {"say", OP_SAY}, {"assert", OP_ASSERT}, {"suggest", OP_SUGGEST},
    {"doubt", OP_DOUBT}, {"deny", OP_DENY}, {"ask", OP_ASK}, {NULL, 0}};
static const name_value side_names[] = {
    {"left", SIDE_LEFT}, {"right", SIDE_RIGHT}, {"both", SIDE_BOTH},
    {"by", SIDE_BY}, {"none", SIDE_NONE}, {"gen", SIDE_GEN},
    {"prior", SIDE_PRIOR}, {"next", SIDE_NEXT}, {NULL, 0}};
static const name_value mod_names[] = {
    {"neg", MOD_NEG}, {"hedge", MOD_HEDGE}, {"doubt", MOD_DOUBT},
    {"ask", MOD_ASK}, {NULL, 0}};
static const name_value role_names[] = {
    {"det", ROLE_DET}, {"comp", ROLE_COMP}, {"agent", ROLE_AGENT},
    {"gen", ROLE_GEN}, {"poss", ROLE_POSS}, {"be", ROLE_BE},
    {"conj", ROLE_CONJ}, {"prep", ROLE_PREP}, {"pron", ROLE_PRON},
    {"stop", ROLE_STOP}, {"rel", ROLE_REL}, {"speaker", ROLE_SPEAKER},
    {"contrast", ROLE_CONTRAST},    {"title", ROLE_TITLE}, {"org", ROLE_ORG},
    {"media", ROLE_MEDIA}, {"connector", ROLE_CONNECTOR},
    {"alias", ROLE_ALIAS}, {NULL, 0}};
static const name_value kind_names[] = {
    {"person", ATTRIB_KIND_PERSON}, {"organization", ATTRIB_KIND_ORGANIZATION},
    {"state", ATTRIB_KIND_STATE}, {"government", ATTRIB_KIND_GOVERNMENT},
    {"agency", ATTRIB_KIND_AGENCY}, {"media", ATTRIB_KIND_MEDIA},
    {"group", ATTRIB_KIND_GROUP}, {"described", ATTRIB_KIND_DESCRIBED},
    {NULL, 0}};

static int find_name(const name_value *t, const char *s, size_t n)
{
    for (; t->name; t++)
        if (strlen(t->name) == n && memcmp(t->name, s, n) == 0)
            return t->value;
    return -1;
}

/* The op a negated cue applies when its lexicon line does not say. */
static uint8_t default_neg(uint8_t op)
{
    switch (op) {
    case OP_SUGGEST: return OP_DOUBT;
    case OP_DOUBT: return OP_ASSERT;
    case OP_DENY: return OP_SUGGEST;
    default: return OP_ASK;
    }
}

/* ---- Building ---- */

typedef struct parse_ctx {
    lexicon *lx;
    const attrib_extractor *ex;
    doc phrase;             /* a phrase split as a document's words */
    char *err;
    size_t errcap;
    const char *where;      /* "en/report" or a file name */
    size_t line;
} parse_ctx;

static attrib_status fail(parse_ctx *pc, attrib_status st, const char *why, const char *what,
                          size_t whatlen)
{
    snprintf(pc->err, pc->errcap, "%s:%zu: %s%s%.*s", pc->where, pc->line, why,
             what ? ": " : "", (int)(what ? whatlen : 0), what ? what : "");
    return st;
}

static bool list_has(const char **list, size_t n, const char *key, size_t keylen)
{
    for (size_t i = 0; i < n; i++)
        if (strlen(list[i]) == keylen && memcmp(list[i], key, keylen) == 0)
            return true;
    return false;
}

bool lexicon_is_elision(const lexicon *lx, const char *key, size_t keylen)
{
    return list_has(lx->elisions, lx->nelisions, key, keylen);
}

bool lexicon_is_clitic_suffix(const lexicon *lx, const char *key, size_t keylen)
{
    return list_has(lx->clitics, lx->nclitics, key, keylen);
}

/* Splits PHRASE into folded words exactly as a document's tokens would be
 * split (segment.c, text.c): word boundaries, then elisions and clitic
 * suffixes. */
#define MAX_PHRASE_WORDS 16
#define MAX_KEY 256

static attrib_status split_phrase(parse_ctx *pc, const char *phrase, size_t len,
                                  const char **words, size_t *nwords)
{
    lexicon *lx = pc->lx;
    doc *d = &pc->phrase;
    d->text = phrase;
    d->len = len;
    d->tokens.len = 0;
    attrib_status st = segment_walk_words(pc->ex, d);
    if (st != ATTRIB_OK)
        return st == ATTRIB_ENOMEM ? st : fail(pc, st, "ICU could not split the phrase", NULL, 0);
    size_t n = 0;
    char key[MAX_KEY];
    for (size_t ti = 0; ti < DOC_NTOK(d); ti++) {
        size_t a = DOC_TOK(d, ti)->start, b = DOC_TOK(d, ti)->end;
        size_t klen = text_fold(phrase + a, b - a, key, sizeof key);
        if (klen == (size_t)-1) {
            st = fail(pc, ATTRIB_ELEXICON, "word too long", phrase, len);
            break;
        }
        if (klen == 0 || key[0] == ' ' || key[0] == '\t')
            continue;
        /* ICU splits a bare elision "l'" into "l" and "'", and a clitic
         * written alone ("'s role") into "'" and "s"; a document's token
         * never is: the two pieces are one word when together they make
         * a known elision or clitic. */
        if (n > 0) {
            size_t pl = strlen(words[n - 1]);
            char joined[MAX_KEY];
            if (pl + klen < sizeof joined) {
                memcpy(joined, words[n - 1], pl);
                memcpy(joined + pl, key, klen + 1);
                bool elision = strcmp(key, "'") == 0 && phrase[a - 1] != ' ' &&
                               lexicon_is_elision(lx, joined, pl + klen);
                bool clitic = strcmp(words[n - 1], "'") == 0 &&
                              lexicon_is_clitic_suffix(lx, joined, pl + klen);
                if (elision || clitic) {
                    if (!(words[n - 1] = arena_strndup(&lx->mem, joined, pl + klen))) {
                        st = ATTRIB_ENOMEM;
                        break;
                    }
                    continue;
                }
            }
        }
        /* Elision prefix and clitic suffix, as text_prepare_tokens does. */
        size_t parts[3][2];
        size_t np = 0;
        const char *apo = memchr(key, '\'', klen);
        const char *last = apo;
        for (const char *p = apo; p; p = memchr(p + 1, '\'', klen - (size_t)(p + 1 - key)))
            last = p;
        size_t from = 0, to = klen;
        if (apo && (size_t)(apo - key) + 1 < klen &&
            lexicon_is_elision(lx, key, (size_t)(apo - key) + 1)) {
            parts[np][0] = 0;
            parts[np][1] = (size_t)(apo - key) + 1;
            np++;
            from = (size_t)(apo - key) + 1;
        }
        size_t suffix_at = to;
        if (last && (size_t)(last - key) > from && lexicon_is_clitic_suffix(lx, last, klen - (size_t)(last - key)))
            suffix_at = (size_t)(last - key);
        parts[np][0] = from;
        parts[np][1] = suffix_at;
        np++;
        if (suffix_at < to) {
            parts[np][0] = suffix_at;
            parts[np][1] = to;
            np++;
        }
        for (size_t i = 0; i < np; i++) {
            if (n == MAX_PHRASE_WORDS) {
                st = fail(pc, ATTRIB_ELEXICON, "phrase has too many words", phrase, len);
                break;
            }
            words[n] = arena_strndup(&lx->mem, key + parts[i][0], parts[i][1] - parts[i][0]);
            if (!words[n]) {
                st = ATTRIB_ENOMEM;
                break;
            }
            n++;
        }
        if (st != ATTRIB_OK)
            break;
    }
    if (st == ATTRIB_OK && n == 0)
        st = fail(pc, ATTRIB_ELEXICON, "empty phrase", phrase, len);
    *nwords = n;
    return st;
}

/* One parsed line before its phrase is split (phrases are split once all
 * elisions are known). */
typedef struct raw_line {
    lex_entry e;
    const char *phrase;
    size_t phraselen;
    const char *where;
    size_t line;
} raw_line;

typedef struct raw_lines {
    raw_line *v;
    size_t n, cap;
} raw_lines;

static attrib_status set_attr(parse_ctx *pc, lex_entry *e, bool *has_class, const char *k,
                              size_t kl, const char *v, size_t vl)
{
    int x;
#define KEY(s) (kl == sizeof(s) - 1 && memcmp(k, s, kl) == 0)
    if (KEY("class")) {
        for (x = 0; x < LEX_NCLASSES; x++)
            if (strlen(class_names[x]) == vl && memcmp(class_names[x], v, vl) == 0)
                break;
        if (x == LEX_NCLASSES)
            return fail(pc, ATTRIB_ELEXICON, "unknown class", v, vl);
        e->cls = (uint8_t)x;
        *has_class = true;
        return ATTRIB_OK;
    }
    if (KEY("op") || KEY("neg")) {
        if ((x = find_name(op_names, v, vl)) < 0)
            return fail(pc, ATTRIB_ELEXICON, "unknown op", v, vl);
        *(KEY("op") ? &e->op : &e->neg) = (uint8_t)x;
    } else if (KEY("src") || KEY("actor")) {
        if ((x = find_name(side_names, v, vl)) < 0)
            return fail(pc, ATTRIB_ELEXICON, "unknown side", v, vl);
        *(KEY("src") ? &e->src : &e->actor) = (uint8_t)x;
    } else if (KEY("via")) {
        if (!(vl == 5 && memcmp(v, "right", 5) == 0))
            return fail(pc, ATTRIB_ELEXICON, "via takes only right", v, vl);
        e->via_right = true;
    } else if (KEY("voice")) {
        if (!(vl == 6 && memcmp(v, "active", 6) == 0))
            return fail(pc, ATTRIB_ELEXICON, "voice takes only active", v, vl);
        e->active_only = true;
    } else if (KEY("object")) {
        if (vl == 5 && memcmp(v, "event", 5) == 0)
            e->object_event = true;
        else if (vl == 5 && memcmp(v, "claim", 5) == 0)
            e->object_claim = true;
        else
            return fail(pc, ATTRIB_ELEXICON, "object takes event or claim", v, vl);
    } else if (KEY("mod")) {
        if ((x = find_name(mod_names, v, vl)) < 0)
            return fail(pc, ATTRIB_ELEXICON, "unknown mod", v, vl);
        e->mod = (uint8_t)x;
    } else if (KEY("role")) {
        if ((x = find_name(role_names, v, vl)) < 0)
            return fail(pc, ATTRIB_ELEXICON, "unknown role", v, vl);
        e->role = (uint8_t)x;
    } else if (KEY("kind")) {
        if ((x = find_name(kind_names, v, vl)) < 0)
            return fail(pc, ATTRIB_ELEXICON, "unknown kind", v, vl);
        e->kind = (uint8_t)x;
    } else if (KEY("form")) {
        if (!(vl == 3 && memcmp(v, "adj", 3) == 0))
            return fail(pc, ATTRIB_ELEXICON, "form takes only adj", v, vl);
        e->adjective = true;
    } else if (KEY("canonical")) {
        if (!(e->canonical = arena_strndup(&pc->lx->mem, v, vl)))
            return ATTRIB_ENOMEM;
    } else if (KEY("close")) {
        char key[MAX_KEY];
        size_t n = text_fold(v, vl, key, sizeof key);
        if (n == (size_t)-1 || n == 0)
            return fail(pc, ATTRIB_ELEXICON, "bad closing mark", v, vl);
        if (!(e->close = arena_strndup(&pc->lx->mem, key, n)))
            return ATTRIB_ENOMEM;
    } else {
        return fail(pc, ATTRIB_ELEXICON, "unknown attribute", k, kl);
    }
#undef KEY
    return ATTRIB_OK;
}

/* Which attributes each class requires, and its defaults. */
static attrib_status complete_entry(parse_ctx *pc, lex_entry *e)
{
    switch (e->cls) {
    case LEX_REPORT:
        if (!e->op)
            return fail(pc, ATTRIB_ELEXICON, "report needs op", NULL, 0);
        if (!e->src)
            e->src = SIDE_BOTH;
        break;
    case LEX_BLAME:
        if (!e->src)
            e->src = SIDE_LEFT;
        if (!e->actor)
            e->actor = SIDE_RIGHT;
        if (!e->op)
            e->op = OP_ASSERT;
        break;
    case LEX_RESP:
        if (!e->actor)
            e->actor = SIDE_LEFT;
        if (!e->op)
            e->op = OP_ASSERT;
        break;
    case LEX_SELF:
        if (!e->op)
            e->op = OP_ASSERT;
        break;
    case LEX_MODIFIER:
        if (!e->mod)
            return fail(pc, ATTRIB_ELEXICON, "modifier needs mod", NULL, 0);
        break;
    case LEX_FUNCTION:
        if (!e->role)
            return fail(pc, ATTRIB_ELEXICON, "function word needs role", NULL, 0);
        if (e->role == ROLE_PRON && !e->kind)
            return fail(pc, ATTRIB_ELEXICON, "pronoun needs kind", NULL, 0);
        break;
    case LEX_DESCRIBED:
        if (!e->kind)
            e->kind = ATTRIB_KIND_DESCRIBED;
        break;
    case LEX_NAME:
        if (!e->role)
            return fail(pc, ATTRIB_ELEXICON, "name word needs role", NULL, 0);
        break;
    case LEX_ENTITY:
        if (!e->canonical || !e->kind)
            return fail(pc, ATTRIB_ELEXICON, "entity needs canonical and kind", NULL, 0);
        break;
    case LEX_QUOTE:
        if (!e->close)
            return fail(pc, ATTRIB_ELEXICON, "quote needs close", NULL, 0);
        break;
    default:
        break;
    }
    if (e->op && !e->neg)
        e->neg = default_neg(e->op);
    return ATTRIB_OK;
}

static attrib_status parse_text(parse_ctx *pc, const char *text, int cls, raw_lines *out)
{
    const char *p = text;
    pc->line = 0;
    while (*p) {
        const char *eol = strchr(p, '\n');
        size_t len = eol ? (size_t)(eol - p) : strlen(p);
        const char *line = p;
        p = eol ? eol + 1 : p + len;
        pc->line++;
        if (len && line[len - 1] == '\r')
            len--;
        size_t skip = 0;
        while (skip < len && (line[skip] == ' ' || line[skip] == '\t'))
            skip++;
        if (skip == len || line[skip] == '#')
            continue;

        raw_line r;
        memset(&r, 0, sizeof r);
        bool has_class = cls >= 0;
        r.e.cls = (uint8_t)(cls >= 0 ? cls : 0);
        const char *field = line;
        const char *end = line + len;
        const char *tab = memchr(field, '\t', (size_t)(end - field));
        r.phrase = field;
        r.phraselen = (size_t)((tab ? tab : end) - field);
        while (r.phraselen && r.phrase[r.phraselen - 1] == ' ')
            r.phraselen--;
        while (tab) {
            field = tab + 1;
            tab = memchr(field, '\t', (size_t)(end - field));
            const char *fend = tab ? tab : end;
            if (fend == field)
                continue;
            const char *eq = memchr(field, '=', (size_t)(fend - field));
            if (!eq)
                return fail(pc, ATTRIB_ELEXICON, "attribute is not key=value", field,
                            (size_t)(fend - field));
            attrib_status st = set_attr(pc, &r.e, &has_class, field, (size_t)(eq - field),
                                        eq + 1, (size_t)(fend - eq - 1));
            if (st != ATTRIB_OK)
                return st;
        }
        if (!has_class)
            return fail(pc, ATTRIB_ELEXICON, "line names no class (class=...)", NULL, 0);
        attrib_status st = complete_entry(pc, &r.e);
        if (st != ATTRIB_OK)
            return st;
        r.where = pc->where;
        r.line = pc->line;
        if (out->n == out->cap) {
            size_t cap = out->cap ? out->cap * 2 : 512;
            raw_line *v = realloc(out->v, cap * sizeof *v);
            if (!v)
                return ATTRIB_ENOMEM;
            out->v = v;
            out->cap = cap;
        }
        out->v[out->n++] = r;
    }
    return ATTRIB_OK;
}

uint32_t lexicon_hash(const char *s, size_t n)
{
    uint32_t h = LEXICON_HASH_BASIS;
    for (size_t i = 0; i < n; i++)
        h = lexicon_hash_byte(h, (unsigned char)s[i]);
    return h;
}

/* Are the KEYLEN bytes at A and B the same? Keys are a word long: a
 * loop costs less than the call to memcmp(). */
static bool same_key(const char *a, const char *b, size_t keylen)
{
    for (size_t i = 0; i < keylen; i++)
        if (a[i] != b[i])
            return false;
    return true;
}

/* Tags: a table's slots as lookups probe them, 4 bytes a slot, so that a
 * probe reads a slot's key only when its hash is the one looked for. */

/* The tag of a slot: 0 when empty, else its key's hash (0 taken as 1). */
static inline uint32_t slot_tag(const char *key, uint32_t hash)
{
    return !key ? 0 : hash ? hash : 1;
}

/* The first slot from I on (wrapping by MASK) whose tag is HASH's, or
 * SIZE_MAX at an empty slot: the probes of open addressing, through the
 * tags. */
static inline size_t next_tagged(const uint32_t *tags, size_t mask, uint32_t hash, size_t i)
{
    uint32_t tag = slot_tag("", hash);
    for (;; i = (i + 1) & mask) {
        if (!tags[i])
            return SIZE_MAX;
        if (tags[i] == tag)
            return i;
    }
}

static bucket *find_bucket(const lexicon *lx, const char *key, size_t keylen, uint32_t hash)
{
    size_t mask = lx->tcap - 1;
    for (size_t i = (size_t)hash & mask;; i = (i + 1) & mask) {
        bucket *b = &lx->table[i];
        if (!b->key || (b->hash == hash && b->keylen == keylen && same_key(b->key, key, keylen)))
            return b;
    }
}

static bool same_words(const lex_entry *a, const lex_entry *b)
{
    if (a->nwords != b->nwords || a->ntail != b->ntail)
        return false;
    for (size_t i = 0; i < a->nwords; i++)
        if (strcmp(a->words[i], b->words[i]) != 0)
            return false;
    for (size_t i = 0; i < a->ntail; i++)
        if (strcmp(a->tail[i], b->tail[i]) != 0)
            return false;
    return true;
}

static int by_hash1(const void *pa, const void *pb)
{
    const struct entry_probe *a = pa, *b = pb;
    if (a->hash1 != b->hash1)
        return a->hash1 < b->hash1 ? -1 : 1;
    return a->pos < b->pos ? -1 : a->pos > b->pos;
}

static attrib_status index_entries(lexicon *lx)
{
    size_t cap = 64;
    while (cap < lx->n * 2)
        cap *= 2;
    lx->table = calloc(cap, sizeof *lx->table);
    if (!lx->table)
        return ATTRIB_ENOMEM;
    lx->tcap = cap; /* only now: lexicon_free() walks tcap buckets */
    for (size_t i = 0; i < lx->n; i++) {
        lex_entry *e = &lx->entries[i];
        size_t keylen = strlen(e->words[0]);
        uint32_t hash = lexicon_hash(e->words[0], keylen);
        bucket *b = find_bucket(lx, e->words[0], keylen, hash);
        b->key = e->words[0];
        b->hash = hash;
        b->keylen = (uint16_t)keylen;
        if (e->nwords == 1)
            b->single |= (uint16_t)LEX_BIT(e->cls);
        /* A later line of the same class and phrase overrides. */
        size_t j;
        for (j = 0; j < b->n; j++)
            if (b->list[j]->cls == e->cls && same_words(b->list[j], e))
                break;
        if (j < b->n) {
            b->list[j] = e;
            continue;
        }
        if (b->n + 1 >= b->cap) {
            size_t cap = b->cap ? b->cap * 2 : 4;
            const lex_entry **l = realloc(b->list, cap * sizeof *l);
            if (!l)
                return ATTRIB_ENOMEM;
            b->list = l;
            b->cap = cap;
        }
        b->list[b->n++] = e;
        b->list[b->n] = NULL;
    }
    for (size_t i = 0; i < lx->tcap; i++) {
        bucket *b = &lx->table[i];
        if (!b->n)
            continue;
        if (!(b->probe = arena_alloc(&lx->mem, b->n * sizeof *b->probe)))
            return ATTRIB_ENOMEM;
        size_t k = 0;
        for (int multi = 0; multi < 2; multi++) {
            for (size_t j = 0; j < b->n; j++) {
                const lex_entry *e = b->list[j];
                if ((e->nwords > 1) != multi)
                    continue;
                b->probe[k++] = (struct entry_probe){e, multi ? e->hashes[1] : 0, (uint32_t)j,
                                                     e->cls, e->nwords, e->ntail};
            }
            if (!multi)
                b->nsingle = k;
        }
        qsort(b->probe + b->nsingle, b->n - b->nsingle, sizeof *b->probe, by_hash1);
    }
    if (!(lx->tags = arena_alloc(&lx->mem, lx->tcap * sizeof *lx->tags)))
        return ATTRIB_ENOMEM;
    for (size_t i = 0; i < lx->tcap; i++)
        lx->tags[i] = slot_tag(lx->table[i].key, lx->table[i].hash);
    return ATTRIB_OK;
}

void lexicon_free(lexicon *lx)
{
    if (!lx)
        return;
    for (size_t i = 0; i < lx->tcap; i++)
        free(lx->table[i].list);
    free(lx->table);
    free(lx->entries);
    free(lx->elisions);
    free(lx->clitics);
    arena_free(&lx->mem);
    free(lx);
}

static attrib_status collect_affixes(lexicon *lx, const raw_lines *lines)
{
    size_t n = 0;
    for (size_t i = 0; i < lines->n; i++)
        if (lines->v[i].e.cls == LEX_FUNCTION)
            n++;
    lx->elisions = calloc(n + 1, sizeof *lx->elisions);
    lx->clitics = calloc(n + 1, sizeof *lx->clitics);
    if (!lx->elisions || !lx->clitics)
        return ATTRIB_ENOMEM;
    for (size_t i = 0; i < lines->n; i++) {
        const raw_line *r = &lines->v[i];
        if (r->e.cls != LEX_FUNCTION || r->phraselen < 2 || memchr(r->phrase, ' ', r->phraselen))
            continue;
        char key[MAX_KEY];
        size_t k = text_fold(r->phrase, r->phraselen, key, sizeof key);
        if (k == (size_t)-1 || k < 2)
            continue;
        char *copy = arena_strndup(&lx->mem, key, k);
        if (!copy)
            return ATTRIB_ENOMEM;
        if (key[k - 1] == '\'' && !list_has(lx->elisions, lx->nelisions, key, k))
            lx->elisions[lx->nelisions++] = copy;
        else if (key[0] == '\'' && !list_has(lx->clitics, lx->nclitics, key, k))
            lx->clitics[lx->nclitics++] = copy;
    }
    return ATTRIB_OK;
}

/* PHRASE's words, copied into the lexicon's arena. */
static attrib_status split_words(parse_ctx *pc, const char *phrase, size_t len,
                                 const char *const **out, uint8_t *nout)
{
    const char *w[MAX_PHRASE_WORDS];
    size_t nw = 0;
    attrib_status st = split_phrase(pc, phrase, len, w, &nw);
    if (st != ATTRIB_OK)
        return st;
    const char **copy = arena_alloc(&pc->lx->mem, nw * sizeof *copy);
    if (!copy)
        return ATTRIB_ENOMEM;
    memcpy(copy, w, nw * sizeof *w);
    *out = copy;
    *nout = (uint8_t)nw;
    return ATTRIB_OK;
}

static bool class_from_name(const char *name, int *cls)
{
    for (int x = 0; x < LEX_NCLASSES; x++)
        if (strcmp(class_names[x], name) == 0) {
            *cls = x;
            return true;
        }
    return false;
}

/* lexicon_build(), or with FUNCTION_ONLY only its function words. */
static attrib_status build(const char *lang, bool function_only, const attrib_lexicon_file *extra,
                           size_t nextra, const char *const *extra_names,
                           const attrib_extractor *ex, lexicon **out, char *err, size_t errcap)
{
    *out = NULL;
    lexicon *lx = calloc(1, sizeof *lx);
    if (!lx)
        return ATTRIB_ENOMEM;
    raw_lines lines = {0};
    parse_ctx pc = {lx, ex, {0}, err, errcap, "", 0};
    attrib_status st = ATTRIB_OK;
    char where[64];

    /* Built-in "common" first, then the language, then the caller's files
     * in the order given, so that later lines override. */
    for (int pass = 0; pass < 2 && st == ATTRIB_OK; pass++) {
        const char *want = pass == 0 ? "common" : lang;
        for (const attrib_lexicon_file *f = attrib_builtin_lexicons; f->lang && st == ATTRIB_OK; f++) {
            int cls;
            if (strcmp(f->lang, want) != 0)
                continue;
            snprintf(where, sizeof where, "%s/%s.txt", f->lang, f->cls);
            pc.where = where;
            if (!class_from_name(f->cls, &cls)) {
                pc.line = 0;
                st = fail(&pc, ATTRIB_ELEXICON, "unknown class file", f->cls, strlen(f->cls));
                break;
            }
            /* Function words alone: the other files' lines are of their
             * file's class unless one says otherwise. */
            if (function_only && cls != LEX_FUNCTION && !strstr(f->text, "class=function"))
                continue;
            st = parse_text(&pc, f->text, cls, &lines);
        }
    }
    for (size_t i = 0; i < nextra && st == ATTRIB_OK; i++) {
        if (strcmp(extra[i].lang, lang) != 0 && strcmp(extra[i].lang, "common") != 0)
            continue;
        pc.where = extra_names[i];
        st = parse_text(&pc, extra[i].text, -1, &lines);
    }
    if (st == ATTRIB_OK)
        st = collect_affixes(lx, &lines);
    if (st == ATTRIB_OK) {
        lx->entries = calloc(lines.n ? lines.n : 1, sizeof *lx->entries);
        if (!lx->entries)
            st = ATTRIB_ENOMEM;
    }
    for (size_t i = 0; i < lines.n && st == ATTRIB_OK; i++) {
        raw_line *r = &lines.v[i];
        if (function_only && r->e.cls != LEX_FUNCTION)
            continue;
        pc.where = r->where;
        pc.line = r->line;
        /* "teilte … mit": the words before the gap and the tail after. */
        size_t headlen = r->phraselen, taillen = 0;
        const char *tailp = NULL;
        for (size_t k = 0; k + 3 <= r->phraselen; k++) {
            size_t marklen = memcmp(r->phrase + k, "\xe2\x80\xa6", 3) == 0 ? 3
                             : memcmp(r->phrase + k, "...", 3) == 0       ? 3
                                                                          : 0;
            if (marklen) {
                headlen = k;
                tailp = r->phrase + k + marklen;
                taillen = r->phraselen - k - marklen;
                break;
            }
        }
        st = split_words(&pc, r->phrase, headlen, &r->e.words, &r->e.nwords);
        if (st == ATTRIB_OK && tailp)
            st = split_words(&pc, tailp, taillen, &r->e.tail, &r->e.ntail);
        if (st != ATTRIB_OK)
            break;
        uint32_t *hashes = arena_alloc(&lx->mem, r->e.nwords * sizeof *hashes);
        if (!hashes) {
            st = ATTRIB_ENOMEM;
            break;
        }
        for (size_t k = 0; k < r->e.nwords; k++)
            hashes[k] = lexicon_hash(r->e.words[k], strlen(r->e.words[k]));
        r->e.hashes = hashes;
        lx->entries[lx->n++] = r->e;
    }
    free(lines.v);
    doc_free(&pc.phrase);
    if (st == ATTRIB_OK)
        st = index_entries(lx);
    if (st == ATTRIB_ENOMEM)
        snprintf(err, errcap, "out of memory");
    if (st != ATTRIB_OK) {
        lexicon_free(lx);
        return st;
    }
    *out = lx;
    return ATTRIB_OK;
}

attrib_status lexicon_build(const char *lang, const attrib_lexicon_file *extra, size_t nextra,
                            const char *const *extra_names, const attrib_extractor *ex,
                            lexicon **out, char *err, size_t errcap)
{
    return build(lang, false, extra, nextra, extra_names, ex, out, err, errcap);
}

attrib_status lexicon_build_function_words(const char *lang, const attrib_extractor *ex,
                                           lexicon **out, char *err, size_t errcap)
{
    return build(lang, true, NULL, 0, NULL, ex, out, err, errcap);
}

/* ---- Lookup ---- */

static const bucket *lookup_bucket(const lexicon *lx, const char *key, size_t keylen,
                                   uint32_t hash)
{
    if (!lx->tags)
        return NULL;
    size_t mask = lx->tcap - 1;
    for (size_t i = (size_t)hash & mask; (i = next_tagged(lx->tags, mask, hash, i)) != SIZE_MAX;
         i = (i + 1) & mask) {
        const bucket *b = &lx->table[i];
        if (b->keylen == keylen && same_key(b->key, key, keylen))
            return b;
    }
    return NULL;
}

const lex_entry *const *lexicon_lookup(const lexicon *lx, const char *key, size_t keylen)
{
    static const lex_entry *const empty[1] = {NULL};
    const bucket *b = lookup_bucket(lx, key, keylen, lexicon_hash(key, keylen));
    return b ? (const lex_entry *const *)b->list : empty;
}

const lex_entry *lexicon_entries(const lexicon *lx, size_t *n)
{
    *n = lx->n;
    return lx->entries;
}

bool lexicon_is_function_word(const lexicon *lx, const char *key, size_t keylen)
{
    const bucket *b = lookup_bucket(lx, key, keylen, lexicon_hash(key, keylen));
    return b && (b->single & LEX_BIT(LEX_FUNCTION));
}

#define RANK2(n) n, n + 1, n + 1, n + 2
#define RANK4(n) RANK2(n), RANK2(n + 1), RANK2(n + 1), RANK2(n + 2)
#define RANK6(n) RANK4(n), RANK4(n + 1), RANK4(n + 1), RANK4(n + 2)
#define RANK8(n) RANK6(n), RANK6(n + 1), RANK6(n + 1), RANK6(n + 2)
#define RANK10(n) RANK8(n), RANK8(n + 1), RANK8(n + 1), RANK8(n + 2)
_Static_assert(LEX_NCLASSES == 11, "lex_class_rank has 2^11 entries");
const uint8_t lex_class_rank[LEX_BIT(LEX_NCLASSES)] = {RANK10(0), RANK10(1)};

/* lexicon_set_token(), inline in the matching loop: it runs at most
 * tokens of a text. */
static inline attrib_status set_token(doc *d, size_t i, const lex_entry *const *by_class,
                                      unsigned classes)
{
    token_lex *tl = &d->lex[i];
    tl->first = 0;
    tl->classes = (uint16_t)classes;
    if (!classes)
        return ATTRIB_OK;
    vec *v = &d->lex_entries;
    /* token_lex indexes with 32 bits: more entries than that would take
     * 32 GB for this array alone. */
    if (v->len > UINT32_MAX - LEX_NCLASSES)
        return ATTRIB_ENOMEM;
    if (!vec_grow(v, v->len + LEX_NCLASSES, sizeof(const lex_entry *)))
        return ATTRIB_ENOMEM;
    /* A token set again (stem.c) leaves its old entries unused. */
    tl->first = (uint32_t)v->len;
    const lex_entry **out = v->data;
    for (unsigned m = classes; m; m &= m - 1)
        out[v->len++] = by_class[__builtin_ctz(m)];
    return ATTRIB_OK;
}

attrib_status lexicon_set_token(doc *d, size_t i, const lex_entry *const *by_class,
                                unsigned classes)
{
    return set_token(d, i, by_class, classes);
}

/* Does entry E, whose first word is token I's, match there? */
static bool entry_at(const doc *d, size_t i, const lex_entry *e)
{
    if (i + e->nwords > DOC_NTOK(d))
        return false;
    const token *t = DOC_TOK(d, i);
    for (size_t k = 1; k < e->nwords; k++) {
        const token *u = DOC_TOK(d, i + k);
        /* A phrase does not run across sentences. The hash turns most
         * words away before any byte is compared. */
        if (!u->key || u->hash != e->hashes[k] || u->sent != t->sent ||
            strcmp(u->key, e->words[k]) != 0)
            return false;
    }
    return !e->ntail || lexicon_tail_at(d, i, e);
}

/* The first of the N probes (sorted by hash1) whose hash1 is HASH, or
 * of those after it when none is. */
static const struct entry_probe *probe_bound(const struct entry_probe *p, size_t n, uint32_t hash)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (p[mid].hash1 < hash)
            lo = mid + 1;
        else
            hi = mid;
    }
    return p + lo;
}

attrib_status lexicon_match_document(const lexicon *lx, doc *d)
{
    size_t n = DOC_NTOK(d);
    /* One element at least, so that an empty document is no failure. */
    if (!(d->lex = arena_alloc(&d->mem, (n ? n : 1) * sizeof *d->lex)))
        return ATTRIB_ENOMEM;
    d->lex_entries.len = 0;
    for (size_t i = 0; i < n; i++) {
        const token *t = DOC_TOK(d, i);
        const bucket *b = t->key ? lookup_bucket(lx, t->key, t->keylen, t->hash) : NULL;
        if (!b) {
            d->lex[i].first = 0;
            d->lex[i].classes = 0;
            continue;
        }
        /* The one-word entries, then the phrases whose second word has
         * the next token's hash. */
        const struct entry_probe *range[2][2] = {{b->probe, b->probe + b->nsingle}, {NULL, NULL}};
        if (i + 1 < n) {
            const struct entry_probe *p = probe_bound(range[0][1], b->n - b->nsingle,
                                                      DOC_TOK(d, i + 1)->hash);
            range[1][0] = range[1][1] = p;
            while (range[1][1] < b->probe + b->n && range[1][1]->hash1 == DOC_TOK(d, i + 1)->hash)
                range[1][1]++;
        }
        const lex_entry *best[LEX_NCLASSES];
        uint32_t best_pos[LEX_NCLASSES];
        unsigned best_len[LEX_NCLASSES];
        unsigned classes = 0;
        for (int r = 0; r < 2; r++)
            for (const struct entry_probe *p = range[r][0]; p < range[r][1]; p++) {
                /* A one-word entry without a tail is there: this is its word. */
                if ((p->nwords > 1 || p->ntail) && !entry_at(d, i, p->e))
                    continue;
                /* The longest of each class; of two as long, the first
                 * in the lexicon's order. */
                unsigned len = p->nwords + p->ntail;
                if ((classes & LEX_BIT(p->cls)) &&
                    (len < best_len[p->cls] || (len == best_len[p->cls] && p->pos > best_pos[p->cls])))
                    continue;
                best[p->cls] = p->e;
                best_pos[p->cls] = p->pos;
                best_len[p->cls] = len;
                classes |= LEX_BIT(p->cls);
            }
        attrib_status st = set_token(d, i, best, classes);
        if (st != ATTRIB_OK)
            return st;
    }
    return ATTRIB_OK;
}

size_t lexicon_tail_at(const doc *d, size_t i, const lex_entry *e)
{
    if (!e->ntail)
        return 0;
    size_t n = DOC_NTOK(d);
    uint32_t sent = DOC_TOK(d, i)->sent;
    /* The tail stands in the verb's own clause: the gap may hold a clause
     * set off by two commas ("wies die Vorwürfe, die ..., zurück") but not
     * end in another one ("vermutet, dass X hinter ..." is no "vermutet …
     * hinter"), and crosses no semicolon or colon. */
    int commas = 0;
    for (size_t j = i + e->nwords; j < n && j + e->ntail <= n && j < i + e->nwords + LEX_GAP_REACH;
         j++) {
        const token *g = DOC_TOK(d, j);
        if (g->sent != sent || (g->keylen == 1 && strchr(";:", g->key[0])))
            return 0;
        if (g->keylen == 1 && g->key[0] == ',') {
            commas++;
            continue;
        }
        size_t k;
        for (k = 0; k < e->ntail; k++) {
            const token *u = DOC_TOK(d, j + k);
            if (!u->key || u->sent != sent || strcmp(u->key, e->tail[k]) != 0)
                break;
        }
        if (k == e->ntail)
            return commas % 2 == 0 ? j : 0;
    }
    return 0;
}

/* ---- Function words of several lexicons ---- */

typedef struct fw_slot {
    const char *key;  /* in its lexicon's memory; NULL when empty */
    uint32_t hash;
    uint16_t keylen;
    uint32_t mask;
} fw_slot;

struct lexicon_fwset {
    fw_slot *table;   /* open addressing, power of two */
    size_t cap;
    /* The table's tags (slot_tag()): the slots of all languages'
     * function words are some 200 KB, their tags a few ten. */
    uint32_t *tags;
};

static fw_slot *fw_find(const lexicon_fwset *fs, const char *key, size_t keylen, uint32_t hash)
{
    size_t mask = fs->cap - 1;
    for (size_t i = (size_t)hash & mask;; i = (i + 1) & mask) {
        fw_slot *f = &fs->table[i];
        if (!f->key || (f->hash == hash && f->keylen == keylen && same_key(f->key, key, keylen)))
            return f;
    }
}

attrib_status lexicon_fwset_build(const lexicon *const *lxs, size_t n, lexicon_fwset **out)
{
    *out = NULL;
    if (n > 32)
        return ATTRIB_EINVAL;
    size_t words = 0;
    for (size_t l = 0; l < n; l++)
        for (size_t i = 0; i < lxs[l]->tcap; i++)
            words += lxs[l]->table[i].key && (lxs[l]->table[i].single & LEX_BIT(LEX_FUNCTION));
    lexicon_fwset *fs = calloc(1, sizeof *fs);
    size_t cap = 64;
    while (cap < words * 2)
        cap *= 2;
    if (!fs || !(fs->table = calloc(cap, sizeof *fs->table)) ||
        !(fs->tags = malloc(cap * sizeof *fs->tags))) {
        lexicon_fwset_free(fs);
        return ATTRIB_ENOMEM;
    }
    fs->cap = cap;
    for (size_t l = 0; l < n; l++)
        for (size_t i = 0; i < lxs[l]->tcap; i++) {
            const bucket *b = &lxs[l]->table[i];
            if (!b->key || !(b->single & LEX_BIT(LEX_FUNCTION)))
                continue;
            fw_slot *f = fw_find(fs, b->key, b->keylen, b->hash);
            f->key = b->key;
            f->hash = b->hash;
            f->keylen = b->keylen;
            f->mask |= 1u << l;
        }
    for (size_t i = 0; i < cap; i++)
        fs->tags[i] = slot_tag(fs->table[i].key, fs->table[i].hash);
    *out = fs;
    return ATTRIB_OK;
}

uint32_t lexicon_fwset_mask(const lexicon_fwset *fs, const char *key, size_t keylen, uint32_t hash)
{
    size_t mask = fs->cap - 1;
    for (size_t i = (size_t)hash & mask; (i = next_tagged(fs->tags, mask, hash, i)) != SIZE_MAX;
         i = (i + 1) & mask) {
        const fw_slot *f = &fs->table[i];
        if (f->keylen == keylen && same_key(f->key, key, keylen))
            return f->mask;
    }
    return 0;
}

void lexicon_fwset_free(lexicon_fwset *fs)
{
    if (!fs)
        return;
    free(fs->table);
    free(fs->tags);
    free(fs);
}

const char *lexicon_class_name(lex_class cls)
{
    return (unsigned)cls < LEX_NCLASSES ? class_names[cls] : "?";
}
