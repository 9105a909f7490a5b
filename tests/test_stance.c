/* Stance composition (stance.c): the operator algebra of the spec, one
 * row per composition. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "stance.h"

typedef struct row {
    const char *why;
    int kind; /* 0: operator, 1: modifier */
    int what;
    attrib_stance in, out;
} row;

static const row rows[] = {
    {"neg: was not behind", 1, MOD_NEG, ATTRIB_ASSERTS, ATTRIB_DENIES},
    {"neg: not likely", 1, MOD_NEG, ATTRIB_SUGGESTS, ATTRIB_DOUBTS},
    {"neg: never questioned", 1, MOD_NEG, ATTRIB_DOUBTS, ATTRIB_ASSERTS},
    {"neg: did not deny", 1, MOD_NEG, ATTRIB_DENIES, ATTRIB_SUGGESTS},
    {"neg leaves uncommitted", 1, MOD_NEG, ATTRIB_UNCOMMITTED, ATTRIB_UNCOMMITTED},
    {"hedge: may have been behind", 1, MOD_HEDGE, ATTRIB_ASSERTS, ATTRIB_SUGGESTS},
    {"hedge: may not have been", 1, MOD_HEDGE, ATTRIB_DENIES, ATTRIB_DOUBTS},
    {"hedge leaves doubts", 1, MOD_HEDGE, ATTRIB_DOUBTS, ATTRIB_DOUBTS},
    {"doubt mod: no evidence that", 1, MOD_DOUBT, ATTRIB_ASSERTS, ATTRIB_DOUBTS},
    {"ask mod: whether", 1, MOD_ASK, ATTRIB_DENIES, ATTRIB_UNCOMMITTED},
    {"say passes on", 0, OP_SAY, ATTRIB_SUGGESTS, ATTRIB_SUGGESTS},
    {"assert passes on", 0, OP_ASSERT, ATTRIB_DENIES, ATTRIB_DENIES},
    {"suggest weakens", 0, OP_SUGGEST, ATTRIB_ASSERTS, ATTRIB_SUGGESTS},
    {"doubt questions a positive", 0, OP_DOUBT, ATTRIB_ASSERTS, ATTRIB_DOUBTS},
    {"doubt questions a neutral", 0, OP_DOUBT, ATTRIB_UNCOMMITTED, ATTRIB_DOUBTS},
    {"doubting a denial leans positive", 0, OP_DOUBT, ATTRIB_DENIES, ATTRIB_SUGGESTS},
    {"deny rejects", 0, OP_DENY, ATTRIB_ASSERTS, ATTRIB_DENIES},
    {"deny rejects a suggestion", 0, OP_DENY, ATTRIB_SUGGESTS, ATTRIB_DENIES},
    {"ask takes no side", 0, OP_ASK, ATTRIB_ASSERTS, ATTRIB_UNCOMMITTED},
};

static void test_rows(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        const row *r = &rows[i];
        attrib_stance got = r->kind ? stance_apply_mod((lex_mod)r->what, r->in)
                                    : stance_apply_op((lex_op)r->what, r->in);
        if (got != r->out)
            fail_msg("%s: got %s, want %s", r->why, attrib_stance_name(got),
                     attrib_stance_name(r->out));
    }
}

/* Composition is ordered: innermost first. */
static void test_order(void **state)
{
    (void)state;
    /* "may not": not applies first, then may. */
    assert_int_equal(stance_apply_mod(MOD_HEDGE, stance_apply_mod(MOD_NEG, ATTRIB_ASSERTS)),
                     ATTRIB_DOUBTS);
    /* "not likely": likely first, then not. */
    assert_int_equal(stance_apply_mod(MOD_NEG, stance_apply_mod(MOD_HEDGE, ATTRIB_ASSERTS)),
                     ATTRIB_DOUBTS);
    /* Double negation of a firm claim: not (not behind) leans positive. */
    assert_int_equal(stance_apply_mod(MOD_NEG, stance_apply_mod(MOD_NEG, ATTRIB_ASSERTS)),
                     ATTRIB_SUGGESTS);
    /* "never questioned X's responsibility": a negated doubt cue (its neg
     * op is assert) over asserted content. */
    assert_int_equal(stance_apply_op(OP_ASSERT, ATTRIB_ASSERTS), ATTRIB_ASSERTS);
}

static void test_polarity(void **state)
{
    (void)state;
    assert_int_equal(attrib_stance_polarity(ATTRIB_ASSERTS), 1);
    assert_int_equal(attrib_stance_polarity(ATTRIB_SUGGESTS), 1);
    assert_int_equal(attrib_stance_polarity(ATTRIB_UNCOMMITTED), 0);
    assert_int_equal(attrib_stance_polarity(ATTRIB_DOUBTS), -1);
    assert_int_equal(attrib_stance_polarity(ATTRIB_DENIES), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rows),
        cmocka_unit_test(test_order),
        cmocka_unit_test(test_polarity),
    };
    return cmocka_run_group_tests_name("stance", tests, NULL, NULL);
}
