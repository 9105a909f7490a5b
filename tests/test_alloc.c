/* Allocation failures: every allocation the library makes may fail, and
 * each failure must come back as ATTRIB_ENOMEM with nothing kept.
 *
 * The test is linked with -Wl,--wrap for malloc, calloc and realloc, so
 * that every call the library's own code makes goes through the wrappers
 * below (ICU's and utf8proc's internal allocations, in their own shared
 * libraries, do not). For N = 1, 2, ... the Nth allocation fails; the
 * call must then return ATTRIB_ENOMEM and no result, or succeed if the
 * failed allocation had a fallback, and never crash. Leaks of what a
 * failing call took are LeakSanitizer's to report in the sanitizer build
 * (tools/check). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "attrib.h"

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t n);

static long countdown = -1; /* allocations left before one fails; -1: never */
static long calls;

static int take(void)
{
    calls++;
    if (countdown < 0)
        return 1;
    return countdown-- > 0;
}

void *__wrap_malloc(size_t n)
{
    return take() ? __real_malloc(n) : NULL;
}

void *__wrap_calloc(size_t n, size_t size)
{
    return take() ? __real_calloc(n, size) : NULL;
}

void *__wrap_realloc(void *p, size_t n)
{
    return take() ? __real_realloc(p, n) : NULL;
}

/* Fails the allocation after the first N that succeed. */
static void fail_after(long n)
{
    countdown = n;
    calls = 0;
}

static const char text[] =
    "The FBI said on Friday that North Korea was behind the attack on the bank, "
    "but Kestrel Labs, a security firm, doubted it. \"We had no part in it,\" a "
    "spokesman for Pyongyang said. Moscow denied any involvement.";

/* Building an extractor makes thousands of allocations, each of them a
 * full build to try: the first ones all, then a spread sample (every
 * kind of allocation recurs throughout the build). */
static long next_n(long n)
{
    return n < 256 ? n + 1 : n + 97;
}

static void test_extractor_new_fails_cleanly(void **state)
{
    (void)state;
    for (long n = 0;; n = next_n(n)) {
        attrib_extractor *ex = (attrib_extractor *)1;
        fail_after(n);
        attrib_status st = attrib_extractor_new(NULL, &ex);
        long made = calls;
        fail_after(-1);
        if (st == ATTRIB_OK) {
            assert_non_null(ex);
            attrib_extractor_free(ex);
            assert_true(made <= n); /* it succeeded with every allocation served */
            break;
        }
        assert_int_equal(st, ATTRIB_ENOMEM);
        assert_null(ex);
    }
}

static void test_extract_fails_cleanly(void **state)
{
    (void)state;
    attrib_extractor *ex = NULL;
    assert_int_equal(attrib_extractor_new(NULL, &ex), ATTRIB_OK);
    int failures = 0;
    for (long n = 0;; n++) {
        attrib_result *r = (attrib_result *)1;
        char *json = (char *)1;
        fail_after(n);
        attrib_status st = attrib_extract(ex, text, sizeof text - 1, "en", &r);
        attrib_status stj = st == ATTRIB_OK ? attrib_result_to_json(r, "doc", &json, NULL) : st;
        long made = calls;
        fail_after(-1);
        if (st != ATTRIB_OK) {
            assert_int_equal(st, ATTRIB_ENOMEM);
            assert_null(r);
            failures++;
            continue;
        }
        if (stj != ATTRIB_OK) {
            assert_int_equal(stj, ATTRIB_ENOMEM);
            assert_null(json);
            attrib_result_free(r);
            failures++;
            continue;
        }
        assert_true(attrib_result_claim_count(r) > 0);
        attrib_free(json);
        attrib_result_free(r);
        if (made <= n)
            break; /* no allocation failed: every one has been tried */
    }
    assert_true(failures > 0);
    attrib_extractor_free(ex);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_extractor_new_fails_cleanly),
        cmocka_unit_test(test_extract_fails_cleanly),
    };
    return cmocka_run_group_tests_name("alloc", tests, NULL, NULL);
}
