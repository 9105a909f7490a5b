/* Stance stage: the algebra that composes cues, negation and modality.
 *
 * A stance is a polarity (+, 0, -) and, for + and -, a firmness (asserts
 * and denies are firm; suggests and doubts are not). The operators:
 *   neg:    flips polarity. Negating a firm positive gives a firm negative
 *           ("was not behind": denies), negating a weak one a weak one
 *           ("not likely": doubts); negating a negative gives back a
 *           positive, firm from doubt ("never questioned": asserts) and
 *           weak from denial ("did not deny": suggests), as the spec says.
 *   hedge:  weakens ("may have been behind": suggests; "may not": doubts).
 *   doubt:  questions: any positive or neutral content becomes doubts.
 *   deny:   rejects: positive or neutral content becomes denies.
 *   ask:    takes no side: uncommitted.
 *   say, assert: pass the content on.
 * Operators apply innermost first, so composition follows the syntax. */
#include "stance.h"

static attrib_stance weaken(attrib_stance s)
{
    return s == ATTRIB_ASSERTS ? ATTRIB_SUGGESTS : s == ATTRIB_DENIES ? ATTRIB_DOUBTS : s;
}

static attrib_stance negate(attrib_stance s)
{
    switch (s) {
    case ATTRIB_ASSERTS: return ATTRIB_DENIES;
    case ATTRIB_SUGGESTS: return ATTRIB_DOUBTS;
    case ATTRIB_DOUBTS: return ATTRIB_ASSERTS;
    case ATTRIB_DENIES: return ATTRIB_SUGGESTS;
    default: return s;
    }
}

attrib_stance stance_apply_op(lex_op op, attrib_stance s)
{
    switch (op) {
    case OP_SUGGEST:
        return weaken(s);
    case OP_DOUBT:
        return s == ATTRIB_DENIES || s == ATTRIB_DOUBTS ? ATTRIB_SUGGESTS : ATTRIB_DOUBTS;
    case OP_DENY:
        return s == ATTRIB_DENIES || s == ATTRIB_DOUBTS ? ATTRIB_SUGGESTS : ATTRIB_DENIES;
    case OP_ASK:
        return ATTRIB_UNCOMMITTED;
    default:
        return s;
    }
}

attrib_stance stance_apply_mod(lex_mod m, attrib_stance s)
{
    switch (m) {
    case MOD_NEG: return negate(s);
    case MOD_HEDGE: return weaken(s);
    case MOD_DOUBT: return stance_apply_op(OP_DOUBT, s);
    case MOD_ASK: return ATTRIB_UNCOMMITTED;
    default: return s;
    }
}
