/* Fuzz target: the corpus comparison over any documents, added as JSON or
 * as results.
 *
 * The input is lines. A line that starts with '{' is given to
 * attrib_corpus_add_json(); any other is "ID<TAB>TEXT" (or just TEXT, with
 * an id made from its line number), extracted and given to
 * attrib_corpus_add(). Then:
 *   - a refused add leaves the corpus as it was (same JSON);
 *   - the corpus's JSON parses, and its getters agree with one another;
 *   - the accepted documents added in the reverse order, and the corpus
 *     merged into an empty one, give the same JSON bytes (attrib.h: the
 *     order documents come in does not matter);
 *   - merging it again is refused (every id is held) and changes nothing. */
#include <jansson.h>

#include "fuzz.h"

enum { MAX_LINES = 48 };

typedef struct added {
    const uint8_t *line; /* JSON: the line; else NULL */
    size_t len;
    char id[64];
    attrib_result *result;
} added;

static char *corpus_json(const attrib_corpus *c)
{
    char *json = NULL;
    size_t len = 0;
    FUZZ_CHECK(attrib_corpus_to_json(c, &json, &len) == ATTRIB_OK);
    FUZZ_CHECK(json && strlen(json) == len);
    return json;
}

static void check_string(const char *s)
{
    FUZZ_CHECK(s != NULL);
    FUZZ_CHECK(fuzz_utf8_valid((const uint8_t *)s, strlen(s)));
}

static void check_getters(const attrib_corpus *c)
{
    size_t ndocs = attrib_corpus_document_count(c);
    for (size_t i = 0; i < ndocs; i++) {
        check_string(attrib_corpus_document(c, i));
        if (i)
            FUZZ_CHECK(strcmp(attrib_corpus_document(c, i - 1), attrib_corpus_document(c, i)) < 0);
    }
    FUZZ_CHECK(attrib_corpus_document(c, ndocs) == NULL);
    size_t nactors = attrib_corpus_actor_count(c), ncontested = 0;
    FUZZ_CHECK(attrib_corpus_actor(c, nactors) == NULL);
    for (size_t i = 0; i < nactors; i++) {
        check_string(attrib_corpus_actor(c, i));
        FUZZ_CHECK(attrib_kind_name(attrib_corpus_actor_kind(c, i)) != NULL);
        bool contested = attrib_corpus_actor_contested(c, i);
        ncontested += contested;
        bool pos = false, neg = false;
        size_t np = attrib_corpus_position_count(c, i);
        FUZZ_CHECK(np > 0);
        for (size_t j = 0; j < np; j++) {
            const attrib_position *p = attrib_corpus_position(c, i, j);
            FUZZ_CHECK(p != NULL);
            FUZZ_CHECK(strcmp(attrib_position_actor(p), attrib_corpus_actor(c, i)) == 0);
            const char *src = attrib_position_source(p);
            if (src)
                check_string(src);
            if (attrib_position_affiliation(p))
                check_string(attrib_position_affiliation(p));
            int pol = attrib_stance_polarity(attrib_position_stance(p));
            pos |= src && pol > 0;
            neg |= src && pol < 0;
            size_t ne = attrib_position_evidence_count(p);
            FUZZ_CHECK(ne > 0);
            FUZZ_CHECK(attrib_position_document_count(p) >= 1);
            FUZZ_CHECK(attrib_position_document_count(p) <= ne);
            FUZZ_CHECK(attrib_position_document_count(p) <= ndocs);
            for (size_t k = 0; k < ne; k++) {
                const attrib_evidence *e = attrib_position_evidence(p, k);
                FUZZ_CHECK(e != NULL);
                check_string(attrib_evidence_document(e));
                if (attrib_evidence_sentence(e))
                    check_string(attrib_evidence_sentence(e));
                if (attrib_evidence_source_text(e))
                    check_string(attrib_evidence_source_text(e));
                if (attrib_evidence_actor_text(e))
                    check_string(attrib_evidence_actor_text(e));
                if (attrib_evidence_cue(e))
                    check_string(attrib_evidence_cue(e));
                if (attrib_evidence_event(e))
                    check_string(attrib_evidence_event(e));
            }
        }
        FUZZ_CHECK(contested == (pos && neg));
    }
    FUZZ_CHECK(attrib_corpus_contested_count(c) == ncontested);
    for (size_t k = 0; k < ncontested; k++) {
        size_t i = attrib_corpus_contested(c, k);
        FUZZ_CHECK(i < nactors && attrib_corpus_actor_contested(c, i));
    }
    for (size_t g = 0; g < attrib_corpus_affiliation_count(c); g++) {
        check_string(attrib_corpus_affiliation(c, g));
        for (size_t k = 0; k < attrib_corpus_affiliation_source_count(c, g); k++)
            check_string(attrib_corpus_affiliation_source(c, g, k));
    }
    for (size_t r = 0; r < attrib_corpus_rival_count(c); r++) {
        if (attrib_corpus_rival_event(c, r))
            check_string(attrib_corpus_rival_event(c, r));
        FUZZ_CHECK(attrib_corpus_rival_position_count(c, r) >= 2);
        for (size_t j = 0; j < attrib_corpus_rival_position_count(c, r); j++)
            FUZZ_CHECK(attrib_corpus_rival_position(c, r, j) != NULL);
    }
}

/* Adds item A to C; the status. */
static attrib_status add(attrib_corpus *c, const added *a)
{
    return a->line ? attrib_corpus_add_json(c, (const char *)a->line, a->len)
                   : attrib_corpus_add(c, a->id, a->result);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const attrib_extractor *ex = fuzz_extractor();
    added items[MAX_LINES];
    size_t nitems = 0;
    attrib_corpus *c = NULL;
    FUZZ_CHECK(attrib_corpus_new(&c) == ATTRIB_OK);
    char *before = corpus_json(c);

    const uint8_t *p = data, *end = data + size;
    for (size_t lineno = 1; p < end && nitems < MAX_LINES; lineno++) {
        const uint8_t *nl = memchr(p, '\n', (size_t)(end - p));
        const uint8_t *line = p, *lend = nl ? nl : end;
        p = nl ? nl + 1 : end;
        added *a = &items[nitems];
        memset(a, 0, sizeof *a);
        if (lend > line && line[0] == '{') {
            a->line = line;
            a->len = (size_t)(lend - line);
        } else {
            const uint8_t *tab = memchr(line, '\t', (size_t)(lend - line));
            const uint8_t *text = tab ? tab + 1 : line;
            if (tab) {
                size_t n = (size_t)(tab - line) < sizeof a->id - 1 ? (size_t)(tab - line)
                                                                   : sizeof a->id - 1;
                memcpy(a->id, line, n);
                a->id[n] = '\0';
            } else {
                snprintf(a->id, sizeof a->id, "line %zu", lineno);
            }
            FUZZ_CHECK(attrib_extract(ex, (const char *)text, (size_t)(lend - text), NULL,
                                      &a->result) != ATTRIB_ENOMEM);
            FUZZ_CHECK(a->result != NULL);
        }
        size_t ndocs = attrib_corpus_document_count(c);
        attrib_status st = add(c, a);
        char *after = corpus_json(c);
        if (st == ATTRIB_OK) {
            FUZZ_CHECK(attrib_corpus_document_count(c) == ndocs + 1);
            FUZZ_CHECK(attrib_corpus_error(c)[0] == '\0');
            nitems++;
        } else {
            FUZZ_CHECK(st == ATTRIB_EINVAL || st == ATTRIB_EUTF8);
            FUZZ_CHECK(attrib_corpus_document_count(c) == ndocs);
            FUZZ_CHECK(strcmp(before, after) == 0);
            if (a->line)
                FUZZ_CHECK(attrib_corpus_error(c)[0] != '\0');
            attrib_result_free(a->result);
        }
        attrib_free(before);
        before = after;
    }

    json_error_t err;
    json_t *root = json_loads(before, 0, &err);
    if (!root)
        fprintf(stderr, "unparsable corpus JSON (%s): %s\n", err.text, before);
    FUZZ_CHECK(root != NULL && json_is_object(root));
    json_decref(root);
    check_getters(c);

    /* The same documents the other way round. */
    attrib_corpus *rev = NULL;
    FUZZ_CHECK(attrib_corpus_new(&rev) == ATTRIB_OK);
    for (size_t i = nitems; i-- > 0;)
        FUZZ_CHECK(add(rev, &items[i]) == ATTRIB_OK);
    char *reversed = corpus_json(rev);
    FUZZ_CHECK(strcmp(reversed, before) == 0);

    /* Merged into an empty corpus; then again, which every id refuses. */
    attrib_corpus *merged = NULL;
    FUZZ_CHECK(attrib_corpus_new(&merged) == ATTRIB_OK);
    FUZZ_CHECK(attrib_corpus_merge(merged, c) == ATTRIB_OK);
    char *mjson = corpus_json(merged);
    FUZZ_CHECK(strcmp(mjson, before) == 0);
    attrib_status again = attrib_corpus_merge(merged, c);
    FUZZ_CHECK(nitems == 0 ? again == ATTRIB_OK : again == ATTRIB_EINVAL);
    char *mjson2 = corpus_json(merged);
    FUZZ_CHECK(strcmp(mjson2, before) == 0);

    attrib_free(mjson2);
    attrib_free(mjson);
    attrib_free(reversed);
    attrib_free(before);
    attrib_corpus_free(merged);
    attrib_corpus_free(rev);
    attrib_corpus_free(c);
    for (size_t i = 0; i < nitems; i++)
        attrib_result_free(items[i].result);
    return 0;
}
