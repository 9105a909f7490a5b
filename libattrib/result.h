/* The public result objects, built from a finished document. */
#ifndef ATTRIB_RESULT_H
#define ATTRIB_RESULT_H

#include "internal.h"

struct attrib_entity {
    const char *text, *canonical, *affiliation;
    attrib_kind kind;
    attrib_span span;
};

struct attrib_claim {
    const attrib_entity *source;   /* NULL: unattributed */
    const attrib_entity *actor;
    const attrib_entity *via;      /* array of nvia       */
    size_t nvia;
    attrib_stance stance;
    double confidence;
    bool self;
    attrib_span cue, sentence, event;
    const char *cue_text, *event_text, *sentence_text, *rule;
};

struct attrib_result {
    attrib_status status;
    char error[160];
    size_t error_offset;
    char lang[16];
    attrib_claim *claims;
    size_t nclaims;
    arena mem;                     /* every string and array above */
};

/* A result holding D's claims, or NULL when out of memory. */
attrib_result *result_from_doc(const doc *d);
/* A result that carries a failure; NULL when out of memory. */
attrib_result *result_failure(attrib_status st, size_t offset, const char *detail);

#endif
