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
#include <stdlib.h>
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

/* Multi-word names by their first and by their last word, sorted, so a
 * shorter name finds the longer names it may belong to without comparing
 * every pair (a long document has thousands of names). */
typedef struct name_key {
    const char *word;
    size_t mention;
} name_key;

static int cmp_name_key(const void *a, const void *b)
{
    return strcmp(((const name_key *)a)->word, ((const name_key *)b)->word);
}

/* How many longer names a short name is compared with at most: enough for
 * any real text, a bound for a hostile one. */
#define NAME_CANDIDATES 16

static const mention *longest_containing(const doc *d, const name_key *keys, size_t nkeys,
                                         const mention *m, const char *word)
{
    size_t lo = 0, hi = nkeys;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (strcmp(keys[mid].word, word) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    const mention *best = NULL;
    for (size_t k = lo; k < nkeys && k < lo + NAME_CANDIDATES && strcmp(keys[k].word, word) == 0; k++) {
        const mention *l = DOC_MEN(d, keys[k].mention);
        if (part_of(d, m, l) && (!best || l->te - l->head > best->te - best->head))
            best = l;
    }
    return best;
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
    name_key *keys = malloc((2 * n + 1) * sizeof *keys);
    if (!keys)
        return ATTRIB_ENOMEM;
    size_t nkeys = 0;
    for (size_t i = 0; i < n; i++) {
        const mention *l = DOC_MEN(d, i);
        if ((l->flags & MEN_NAME) && l->te - l->head >= 2) {
            keys[nkeys++] = (name_key){DOC_TOK(d, l->head)->key, i};
            keys[nkeys++] = (name_key){DOC_TOK(d, l->te - 1)->key, i};
        }
    }
    qsort(keys, nkeys, sizeof *keys, cmp_name_key);
    for (size_t i = 0; i < n; i++) {
        mention *m = DOC_MEN(d, i);
        if (!(m->flags & MEN_NAME))
            continue;
        const mention *best = longest_containing(d, keys, nkeys, m, DOC_TOK(d, m->head)->key);
        const mention *other = longest_containing(d, keys, nkeys, m, DOC_TOK(d, m->te - 1)->key);
        if (other && (!best || other->te - other->head > best->te - best->head))
            best = other;
        if (best) {
            m->canonical = best->canonical;
            if (m->kind == ATTRIB_KIND_UNKNOWN)
                m->kind = best->kind;
        }
    }
    free(keys);
    /* "The country denied ...", « le régime a démenti »: a bare state or
     * government noun after a determiner stands for the state named last. */
    for (size_t i = 0; i < n; i++) {
        mention *p = DOC_MEN(d, i);
        if (!(p->flags & MEN_DESCRIBED) || p->head == p->tb || p->te != p->head + 1 ||
            (p->kind != ATTRIB_KIND_STATE && p->kind != ATTRIB_KIND_GOVERNMENT))
            continue;
        for (size_t k = p->tb; k-- > 0 && p->tb - k <= 2 * PRONOUN_REACH;) {
            const mention *m = d->mention_at[k] >= 0 ? DOC_MEN(d, d->mention_at[k]) : NULL;
            if (m && (m->flags & MEN_GAZETTEER) && m->kind == ATTRIB_KIND_STATE) {
                p->canonical = m->canonical;
                break;
            }
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
