/* Allocation failures: every allocation the library makes may fail, and
 * each failure must come back as ATTRIB_ENOMEM with nothing kept and the
 * extractor as good as before.
 *
 * The test is linked with -Wl,--wrap for malloc, calloc, realloc and free,
 * so that every call the library's own code makes goes through the
 * wrappers below (ICU's and utf8proc's internal allocations, in their own
 * shared libraries, do not). For N = 0, 1, 2, ... the allocation after the
 * first N fails, until a run needs no more than N: every allocation a
 * representative extraction reaches fails once. The call must then return
 * ATTRIB_ENOMEM and no result, or succeed if the failed allocation had a
 * fallback, and never crash. The wrappers keep the set of live blocks, so
 * that a failed call that keeps any block is a failure here; leaks of
 * ICU's memory are LeakSanitizer's (tools/check) and valgrind's to find. */
#include "testutil.h" /* first: it sets the feature macros */



void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t n);
void __real_free(void *p);

static long countdown = -1; /* allocations left before one fails; -1: never */
static long calls;

/* The live blocks: an open-addressing set of pointers (linear probing,
 * deletion by backward shift), in static memory so that keeping it
 * allocates nothing. */
enum { LIVE_BITS = 18, LIVE_CAP = 1 << LIVE_BITS };
static void *live[LIVE_CAP];
static size_t nlive;

static size_t slot_of(const void *p)
{
    uint64_t h = (uint64_t)(uintptr_t)p * 0x9E3779B97F4A7C15u;
    return (size_t)(h >> (64 - LIVE_BITS));
}

static void live_add(void *p)
{
    if (!p)
        return;
    if (nlive >= LIVE_CAP / 2) {
        fprintf(stderr, "test_alloc: more live blocks than the set holds\n");
        abort();
    }
    size_t i = slot_of(p);
    while (live[i])
        i = (i + 1) & (LIVE_CAP - 1);
    live[i] = p;
    nlive++;
}

/* Forgets P; a pointer the set does not hold (ICU's or libc's own
 * allocation freed by the library) is left alone. */
static void live_remove(void *p)
{
    if (!p)
        return;
    size_t i = slot_of(p);
    while (live[i] != p) {
        if (!live[i])
            return;
        i = (i + 1) & (LIVE_CAP - 1);
    }
    live[i] = NULL;
    nlive--;
    /* Moves back the entries of the run after the hole that hash at or
     * before it, so that every entry stays reachable from its slot. */
    for (size_t j = (i + 1) & (LIVE_CAP - 1); live[j]; j = (j + 1) & (LIVE_CAP - 1)) {
        size_t k = slot_of(live[j]);
        if ((j > i && (k <= i || k > j)) || (j < i && k <= i && k > j)) {
            live[i] = live[j];
            live[j] = NULL;
            i = j;
        }
    }
}

static int take(void)
{
    calls++;
    if (countdown < 0)
        return 1;
    return countdown-- > 0;
}

void *__wrap_malloc(size_t n)
{
    void *p = take() ? __real_malloc(n) : NULL;
    live_add(p);
    return p;
}

void *__wrap_calloc(size_t n, size_t size)
{
    void *p = take() ? __real_calloc(n, size) : NULL;
    live_add(p);
    return p;
}

void *__wrap_realloc(void *p, size_t n)
{
    if (!take())
        return NULL; /* P stays as it was */
    void *q = __real_realloc(p, n);
    if (q || n == 0) {
        live_remove(p);
        live_add(q);
    }
    return q;
}

void __wrap_free(void *p)
{
    live_remove(p);
    __real_free(p);
}

/* Fails the allocation after the first N that succeed. */
static void fail_after(long n)
{
    countdown = n;
    calls = 0;
}

/* The documents: a text of the test's own, read as English, and the
 * sample articles named on the command line, through language
 * identification. */
static const char own_text[] =
    "The FBI said on Friday that North Korea was behind the attack on the bank, "
    "but Kestrel Labs, a security firm, doubted it. \"We had no part in it,\" a "
    "spokesman for Pyongyang said. Moscow denied any involvement.";

enum { MAX_DOCS = 8 };
static struct {
    const char *name;
    char *text;
    size_t len;
    const char *hint;
} docs[MAX_DOCS];
static size_t ndocs;

/* Building an extractor makes tens of thousands of allocations, each of
 * them a full build to try: the first 128 all, then 128 spread evenly over
 * the rest (every kind of allocation recurs throughout the build, one
 * lexicon file after another), so that the test's time does not grow with
 * the lexicons. */
static void test_extractor_new_fails_cleanly(void **state)
{
    (void)state;
    size_t before = nlive;
    attrib_extractor *ex = NULL;
    fail_after(-1);
    assert_int_equal(attrib_extractor_new(NULL, &ex), ATTRIB_OK);
    long total = calls;
    attrib_extractor_free(ex);
    long step = total > 128 * 2 ? (total - 128) / 128 | 1 : 1;
    for (long n = 0;; n = n < 128 ? n + 1 : n + step) {
        ex = (attrib_extractor *)1;
        fail_after(n);
        attrib_status st = attrib_extractor_new(NULL, &ex);
        long made = calls;
        fail_after(-1);
        if (st == ATTRIB_OK) {
            assert_non_null(ex);
            attrib_extractor_free(ex);
            assert_int_equal(nlive, before);
            assert_true(made <= n); /* it succeeded with every allocation served */
            break;
        }
        assert_int_equal(st, ATTRIB_ENOMEM);
        assert_null(ex);
        assert_int_equal(nlive, before);
    }
    print_message("attrib_extractor_new: %ld allocations, the first 128 and every %ld-th "
                  "failed once\n", total, step);
}

/* The JSON of a document, with no allocation failing. */
static char *json_of(const attrib_extractor *ex, size_t d)
{
    attrib_result *r = NULL;
    assert_int_equal(attrib_extract(ex, docs[d].text, docs[d].len, docs[d].hint, &r), ATTRIB_OK);
    char *json = NULL;
    assert_int_equal(attrib_result_to_json(r, docs[d].name, &json, NULL), ATTRIB_OK);
    attrib_result_free(r);
    return json;
}

/* The extractor keeps the memory of a document done for the next one (a
 * spare document, whose buffers follow what the last document needed). An
 * empty document leaves it next to nothing: after it, a document makes
 * every allocation it needs again, so that each can be made to fail, and
 * the blocks the extractor keeps are the same after every call. */
static void settle(const attrib_extractor *ex)
{
    attrib_result *r = NULL;
    assert_int_equal(attrib_extract(ex, "", 0, "en", &r), ATTRIB_OK);
    attrib_result_free(r);
}

static void test_extract_fails_cleanly(void **state)
{
    (void)state;
    attrib_extractor *ex = NULL;
    assert_int_equal(attrib_extractor_new(NULL, &ex), ATTRIB_OK);
    for (size_t d = 0; d < ndocs; d++) {
        char *expected = json_of(ex, d);
        assert_non_null(strstr(expected, "\"claims\": [{")); /* it has claims to lose */
        settle(ex);
        size_t before = nlive;
        long failures = 0, n;
        for (n = 0;; n++) {
            attrib_result *r = (attrib_result *)1;
            char *json = (char *)1;
            fail_after(n);
            attrib_status st = attrib_extract(ex, docs[d].text, docs[d].len, docs[d].hint, &r);
            attrib_status stj =
                st == ATTRIB_OK ? attrib_result_to_json(r, docs[d].name, &json, NULL) : st;
            long made = calls;
            fail_after(-1);
            if (st != ATTRIB_OK || stj != ATTRIB_OK) {
                assert_int_equal(st != ATTRIB_OK ? st : stj, ATTRIB_ENOMEM);
                if (st != ATTRIB_OK) {
                    assert_null(r);
                } else {
                    assert_null(json);
                    attrib_result_free(r);
                }
                /* Nothing kept, and the extractor works as before. */
                settle(ex);
                assert_int_equal(nlive, before);
                char *again = json_of(ex, d);
                assert_string_equal(again, expected);
                attrib_free(again);
                settle(ex);
                failures++;
                continue;
            }
            /* An allocation that failed had a fallback: the same result. */
            assert_string_equal(json, expected);
            attrib_free(json);
            attrib_result_free(r);
            settle(ex);
            assert_int_equal(nlive, before);
            if (made <= n)
                break; /* no allocation failed: every one has been tried */
        }
        print_message("%s: %ld allocations, each failed once (%ld failed calls)\n",
                      docs[d].name, n, failures);
        assert_true(failures > 0);
        attrib_free(expected);
    }
    attrib_extractor_free(ex);
}

/* A language's lexicon is built on the first document read in it: each
 * allocation of that build may fail too (the first 64, then 64 spread
 * over the rest), and the call then fails with ATTRIB_ENOMEM, the next
 * one builds it and gives the same result, and freeing the extractor
 * frees everything. */
static void test_language_build_fails_cleanly(void **state)
{
    (void)state;
    size_t before = nlive;
    attrib_extractor *ex = NULL;
    assert_int_equal(attrib_extractor_new(NULL, &ex), ATTRIB_OK);
    fail_after(-1);
    char *expected = json_of(ex, 0);
    long total = calls;
    attrib_extractor_free(ex);
    long step = total > 64 * 2 ? (total - 64) / 64 | 1 : 1;
    long failures = 0;
    for (long n = 0;; n = n < 64 ? n + 1 : n + step) {
        assert_int_equal(attrib_extractor_new(NULL, &ex), ATTRIB_OK);
        attrib_result *r = (attrib_result *)1;
        fail_after(n);
        attrib_status st = attrib_extract(ex, docs[0].text, docs[0].len, docs[0].hint, &r);
        long made = calls;
        fail_after(-1);
        if (st != ATTRIB_OK) {
            assert_int_equal(st, ATTRIB_ENOMEM);
            assert_null(r);
            failures++;
        } else {
            attrib_result_free(r);
        }
        char *again = json_of(ex, 0);
        assert_string_equal(again, expected);
        attrib_free(again);
        attrib_extractor_free(ex);
        assert_int_equal(nlive, before + 1); /* "expected" alone */
        if (st == ATTRIB_OK && made <= n)
            break;
    }
    print_message("first document: %ld allocations, the first 64 and every %ld-th failed "
                  "once (%ld failed calls)\n", total, step, failures);
    assert_true(failures > 0);
    attrib_free(expected);
}

int main(int argc, char **argv)
{
    docs[ndocs].name = "own";
    docs[ndocs].text = (char *)own_text;
    docs[ndocs].len = sizeof own_text - 1;
    docs[ndocs++].hint = "en";
    for (int i = 1; i < argc && ndocs < MAX_DOCS; i++, ndocs++) {
        docs[ndocs].name = argv[i];
        if (!(docs[ndocs].text = read_file(argv[i], &docs[ndocs].len))) {
            perror(argv[i]);
            return 1;
        }
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_extractor_new_fails_cleanly),
        cmocka_unit_test(test_language_build_fails_cleanly),
        cmocka_unit_test(test_extract_fails_cleanly),
    };
    int rc = cmocka_run_group_tests_name("alloc", tests, NULL, NULL);
    for (size_t d = 1; d < ndocs; d++)
        free(docs[d].text);
    return rc;
}
