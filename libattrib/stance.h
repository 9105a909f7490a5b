/* Stance composition: how cues and modifiers change a stance. */
#ifndef ATTRIB_STANCE_H
#define ATTRIB_STANCE_H

#include "attrib.h"
#include "lexicon.h"

/* The stance after operator OP governs content of stance S. */
attrib_stance stance_apply_op(lex_op op, attrib_stance s);
/* The stance after modifier M stands over content of stance S. */
attrib_stance stance_apply_mod(lex_mod m, attrib_stance s);

#endif
