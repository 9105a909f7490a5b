/* What the unit tests share: a fixture that owns every handle a test
 * makes, and a lexicon of the tests' own.
 *
 * A failed cmocka assertion leaves the test at once, so handles are not
 * freed by the test but by the fixture's teardown, which then asserts that
 * no error was left unread on the options (a test that expects an error
 * reads it with fx_error()). Leaks of the library's own memory are the
 * sanitizer build's to find (tools/check). */
#ifndef ATTRIB_TESTUTIL_H
#define ATTRIB_TESTUTIL_H

#define _POSIX_C_SOURCE 200809L

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "attrib.h"
#include "../examples/readfile.h" /* read_file() */

/* A string literal and its length in bytes (NUL bytes inside count). */
#define S(lit) (lit), (sizeof(lit) - 1)

enum { FX_MAX = 32 };

typedef struct fixture {
    attrib_options *options;
    attrib_extractor *extractor;
    attrib_result *results[FX_MAX];
    size_t nresults;
    char *json[FX_MAX];
    size_t njson;
    char paths[FX_MAX][64];
    size_t npaths;
    struct {
        void *ptr;
        void (*release)(void *);
    } owned[FX_MAX];
    size_t nowned;
    bool error_read;
} fixture;

static inline int fx_setup(void **state)
{
    fixture *fx = calloc(1, sizeof *fx);
    if (!fx || attrib_options_new(&fx->options) != ATTRIB_OK) {
        free(fx);
        return -1;
    }
    *state = fx;
    return 0;
}

static inline int fx_teardown(void **state)
{
    fixture *fx = *state;
    char pending[512] = "";
    if (!fx->error_read)
        snprintf(pending, sizeof pending, "%s", attrib_options_error(fx->options));
    for (size_t i = 0; i < fx->nresults; i++)
        attrib_result_free(fx->results[i]);
    for (size_t i = 0; i < fx->njson; i++)
        attrib_free(fx->json[i]);
    for (size_t i = 0; i < fx->npaths; i++)
        unlink(fx->paths[i]);
    for (size_t i = 0; i < fx->nowned; i++)
        fx->owned[i].release(fx->owned[i].ptr);
    attrib_extractor_free(fx->extractor);
    attrib_options_free(fx->options);
    free(fx);
    if (pending[0]) {
        print_error("error left unread on the options: %s\n", pending);
        return -1;
    }
    return 0;
}

/* Hands PTR to the fixture, which releases it at teardown. */
static inline void *fx_own(fixture *fx, void *ptr, void (*release)(void *))
{
    assert_true(fx->nowned < FX_MAX);
    fx->owned[fx->nowned].ptr = ptr;
    fx->owned[fx->nowned].release = release;
    fx->nowned++;
    return ptr;
}

/* The options' error, marked as read. */
static inline const char *fx_error(fixture *fx)
{
    fx->error_read = true;
    return attrib_options_error(fx->options);
}

/* Builds the fixture's extractor from its options (replacing any). */
static inline attrib_status fx_build(fixture *fx)
{
    attrib_extractor_free(fx->extractor);
    fx->extractor = NULL;
    return attrib_extractor_new(fx->options, &fx->extractor);
}

static inline void fx_build_ok(fixture *fx)
{
    attrib_status st = fx_build(fx);
    if (st != ATTRIB_OK)
        fail_msg("attrib_extractor_new: %s: %s", attrib_strerror(st), fx_error(fx));
    assert_non_null(fx->extractor);
}

/* Extracts with the fixture's extractor; the result (which may be NULL)
 * is the fixture's. *ST, if given, receives the status. */
static inline attrib_result *fx_extract(fixture *fx, const char *text, size_t len, const char *lang,
                                 attrib_status *st)
{
    assert_true(fx->nresults < FX_MAX);
    attrib_result *r = NULL;
    attrib_status s = attrib_extract(fx->extractor, text, len, lang, &r);
    fx->results[fx->nresults++] = r;
    if (st)
        *st = s;
    return r;
}

/* Like fx_extract, and asserts success. */
static inline attrib_result *fx_extract_ok(fixture *fx, const char *text, size_t len, const char *lang)
{
    attrib_status st;
    attrib_result *r = fx_extract(fx, text, len, lang, &st);
    assert_int_equal(st, ATTRIB_OK);
    assert_non_null(r);
    assert_int_equal(attrib_result_status(r), ATTRIB_OK);
    return r;
}

/* Like fx_extract, and asserts the failure WANT, which a result reports
 * with no claims and a message. */
static inline attrib_result *fx_extract_fails(fixture *fx, const char *text, size_t len,
                                              const char *lang, attrib_status want)
{
    attrib_status st;
    attrib_result *r = fx_extract(fx, text, len, lang, &st);
    assert_int_equal(st, want);
    assert_non_null(r);
    assert_int_equal(attrib_result_status(r), want);
    assert_int_equal(attrib_result_claim_count(r), 0);
    assert_true(attrib_result_error(r)[0] != '\0');
    return r;
}

/* The result's JSON, owned by the fixture; *LEN if given. */
static inline char *fx_json(fixture *fx, const attrib_result *r, const char *id, size_t *len)
{
    assert_true(fx->njson < FX_MAX);
    char *json = NULL;
    size_t n = 0;
    assert_int_equal(attrib_result_to_json(r, id, &json, &n), ATTRIB_OK);
    assert_non_null(json);
    fx->json[fx->njson++] = json;
    assert_int_equal(n, strlen(json));
    if (len)
        *len = n;
    return json;
}

/* Writes CONTENTS to a new temporary file, removed at teardown. */
static inline const char *fx_temp_file(fixture *fx, const char *contents)
{
    assert_true(fx->npaths < FX_MAX);
    char *path = fx->paths[fx->npaths];
    const char *dir = getenv("TMPDIR");
    snprintf(path, sizeof fx->paths[0], "%s/attrib-test-XXXXXX",
             dir && *dir && strlen(dir) < 32 ? dir : "/tmp");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    fx->npaths++;
    size_t len = strlen(contents);
    assert_int_equal(write(fd, contents, len), (ssize_t)len);
    assert_int_equal(close(fd), 0);
    return path;
}

/* The tests' own words, so that what a test checks does not hang on
 * the built-in lexicons: two names, a reporting cue and a responsibility
 * predicate. The names are written composed ("Héron"); documents may
 * write them decomposed. */
static const char test_lexicon[] =
    "# the unit tests' lexicon\n"
    "Grey H\xC3\xA9ron Collective\tclass=entities\tcanonical=Grey Heron\tkind=group\n"
    "St\xC3\xA4ndige Kommission\tclass=entities\tcanonical=Standing Commission\tkind=agency\n"
    "said\tclass=report\top=say\n"
    "was behind\tclass=resp\n";

/* Builds the fixture's extractor with test_lexicon added for English. */
static inline void fx_build_test_lexicon(fixture *fx)
{
    const char *path = fx_temp_file(fx, test_lexicon);
    assert_int_equal(attrib_options_add_lexicon_file(fx->options, "en", path), ATTRIB_OK);
    fx_build_ok(fx);
}

/* A sentence that test_lexicon reads as one claim: Standing Commission
 * asserts Grey Heron was behind the attack. */
#define TEST_CLAIM "The St\xC3\xA4ndige Kommission said the Grey H\xC3\xA9ron Collective " \
                   "was behind the attack."

/* The first claim whose actor's canonical name is CANONICAL, or NULL. */
static inline const attrib_claim *find_actor(const attrib_result *r, const char *canonical)
{
    for (size_t i = 0; i < attrib_result_claim_count(r); i++) {
        const attrib_claim *c = attrib_result_claim(r, i);
        if (strcmp(attrib_entity_canonical(attrib_claim_actor(c)), canonical) == 0)
            return c;
    }
    return NULL;
}

/* Like find_actor, and fails, listing the claims there are, when there
 * is no such claim. */
static inline const attrib_claim *must_find_actor(const attrib_result *r, const char *canonical)
{
    const attrib_claim *c = find_actor(r, canonical);
    if (c)
        return c;
    print_error("no claim with actor \"%s\" among %zu:\n", canonical,
                attrib_result_claim_count(r));
    for (size_t i = 0; i < attrib_result_claim_count(r); i++) {
        const attrib_claim *k = attrib_result_claim(r, i);
        const attrib_entity *src = attrib_claim_source(k);
        print_error("  %s | %s (%s) | %s | rule %s\n",
                    src ? attrib_entity_canonical(src) : "-",
                    attrib_entity_text(attrib_claim_actor(k)),
                    attrib_entity_canonical(attrib_claim_actor(k)),
                    attrib_stance_name(attrib_claim_stance(k)), attrib_claim_rule(k));
    }
    fail();
    return NULL;
}

/* A group state holding an extractor with the default options, for the
 * tests of the library's internal stages, which need no fixture. */
static inline int extractor_setup(void **state)
{
    attrib_extractor *ex = NULL;
    if (attrib_extractor_new(NULL, &ex) != ATTRIB_OK)
        return -1;
    *state = ex;
    return 0;
}

static inline int extractor_teardown(void **state)
{
    attrib_extractor_free(*state);
    return 0;
}

/* Writes code point CP to OUT as UTF-8; its length in bytes. */
static inline size_t put_utf8(char *out, uint32_t cp)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

#endif
