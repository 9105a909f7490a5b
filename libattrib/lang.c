/* Language stage: which enabled language the text is in.
 *
 * A caller's hint wins. Otherwise each language scores the share of the
 * text's words that are its function words (lexicons/LANG/function.txt),
 * over the first words of the text: function words are the most frequent
 * and the most language-specific words of running text, so a few hundred
 * characters decide. Adding a language adds its function words, and
 * nothing here changes.
 *
 * Takes: d->tokens with keys. Gives: d->lang, d->lang_known. */
#include <string.h>

#include "internal.h"

/* Enough words to decide on any news text, few enough to cost nothing. */
#define LANG_SAMPLE_WORDS 2000

attrib_status lang_identify(const attrib_extractor *ex, doc *d, const char *hint)
{
    if (hint && *hint) {
        for (size_t i = 0; i < ex->nlangs; i++)
            if (strcmp(ex->langs[i].code, hint) == 0) {
                d->lang = &ex->langs[i];
                d->lang_known = true;
                return language_ready(ex, d->lang);
            }
        return ATTRIB_ELANG;
    }
    /* One pass: each word's languages from one table of all their
     * function words. */
    size_t hits[32] = {0}, words = 0;
    for (size_t i = 0; i < DOC_NTOK(d) && words < LANG_SAMPLE_WORDS; i++) {
        const token *t = DOC_TOK(d, i);
        if (!(t->flags & TOK_WORD))
            continue;
        words++;
        /* "l'agence" is still one token here: its elision decides. */
        const char *apo = memchr(t->key, '\'', t->keylen);
        size_t len = apo ? (size_t)(apo - t->key) + 1 : t->keylen;
        uint32_t hash = apo ? lexicon_hash(t->key, len) : t->hash;
        for (uint32_t m = lexicon_fwset_mask(ex->function_words, t->key, len, hash); m; m &= m - 1)
            hits[__builtin_ctz(m)]++;
    }
    size_t best = 0, best_hits = 0;
    for (size_t l = 0; l < ex->nlangs; l++)
        if (hits[l] > best_hits) {
            best = l;
            best_hits = hits[l];
        }
    d->lang = &ex->langs[best];
    d->lang_known = best_hits > 0;
    return language_ready(ex, d->lang);
}
