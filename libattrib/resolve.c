/* Resolution stage: one name per entity, and what pronouns stand for.
 *
 * Lexicon entities already carry their canonical name. Others take their
 * own words (without the determiner), except that within a document a
 * shorter name that is the first or last part of a longer one takes the
 * longer one's name ("Obama" after "Barack Obama"; "Norse" beside "Norse
 * Corporation"), so one party is one name. A pronoun stands for the
 * nearest compatible mention before it, a few sentences back at most.
 *
 * Takes: d->mentions. Gives: every mention a canonical name; pronoun
 * antecedents. Runs before claims, which name antecedents, not pronouns. */
#include <string.h>

#include "internal.h"

/* How far back a pronoun looks, in tokens: about three sentences. */
#define PRONOUN_REACH 80

static const char *own_words(doc *d, const mention *m)
{
    size_t a = DOC_TOK(d, m->head)->start, b = DOC_TOK(d, m->te - 1)->end;
    char *out = arena_alloc(&d->mem, b - a + 1);
    if (!out)
        return NULL;
    /* Runs of white space, line breaks included, become one space. */
    size_t o = 0;
    bool space = false;
    for (size_t i = a; i < b; i++) {
        char ch = d->text[i];
        if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r') {
            space = true;
            continue;
        }
        if (space && o)
            out[o++] = ' ';
        space = false;
        out[o++] = ch;
    }
    out[o] = '\0';
    return out;
}

/* Do the words of SHORT stand first or last among the words of LONG? */
static bool part_of(const doc *d, const mention *s, const mention *l)
{
    size_t ns = s->te - s->head, nl = l->te - l->head;
    if (ns >= nl)
        return false;
    bool first = true, last = true;
    for (size_t k = 0; k < ns; k++) {
        const char *w = DOC_TOK(d, s->head + k)->key;
        first &= strcmp(w, DOC_TOK(d, l->head + k)->key) == 0;
        last &= strcmp(w, DOC_TOK(d, l->te - ns + k)->key) == 0;
    }
    /* A person is called by the last name; an organisation by the first. */
    return l->kind == ATTRIB_KIND_PERSON ? last : first;
}

static bool compatible(const mention *pron, const mention *m)
{
    if (m->flags & MEN_PRONOUN)
        return false;
    bool person = m->kind == ATTRIB_KIND_PERSON;
    return pron->kind == ATTRIB_KIND_PERSON ? person : !person;
}

attrib_status resolve_mentions(doc *d)
{
    size_t n = d->mentions.len;
    for (size_t i = 0; i < n; i++) {
        mention *m = DOC_MEN(d, i);
        if (m->canonical || (m->flags & MEN_PRONOUN))
            continue;
        if (!(m->canonical = own_words(d, m)))
            return ATTRIB_ENOMEM;
    }
    for (size_t i = 0; i < n; i++) {
        mention *m = DOC_MEN(d, i);
        if (!(m->flags & MEN_NAME))
            continue;
        const mention *best = NULL;
        for (size_t k = 0; k < n; k++) {
            const mention *l = DOC_MEN(d, k);
            if ((l->flags & MEN_NAME) && part_of(d, m, l) &&
                (!best || l->te - l->head > best->te - best->head))
                best = l;
        }
        if (best) {
            m->canonical = best->canonical;
            if (m->kind == ATTRIB_KIND_UNKNOWN)
                m->kind = best->kind;
        }
    }
    for (size_t i = 0; i < n; i++) {
        mention *p = DOC_MEN(d, i);
        if (!(p->flags & MEN_PRONOUN))
            continue;
        for (size_t k = p->tb; k-- > 0 && p->tb - k <= PRONOUN_REACH;) {
            int m = d->mention_at[k];
            if (m >= 0 && compatible(p, DOC_MEN(d, m))) {
                p->antecedent = m;
                p->canonical = DOC_MEN(d, m)->canonical;
                break;
            }
        }
    }
    return ATTRIB_OK;
}
