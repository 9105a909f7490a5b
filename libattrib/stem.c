/* Stem stage: inflected forms of single-word cues, through Snowball
 * stemmers (libstemmer), so that a lexicon lists a word once and the
 * text may inflect it ("Angriff" matches "Angriffen", "Experte"
 * "Experten", "kein" "keinen").
 *
 * At build time each single-word entry of an inflecting class is stemmed
 * and indexed by its stem. At document time every word token that has no
 * exact entry of any such class is stemmed and looked up; an exact entry,
 * single- or multi-word, always wins, so stems only add matches and the
 * lexicon's explicit forms keep their meaning.
 *
 * A language asks for stems in lexicons/manifest.txt ("de stem"), under
 * its code or an algorithm's name (Snowball knows "de", "nl", "dutch",
 * ...); one that does not matches its lexicon as written, as English and
 * French do, whose lexicons list their forms. A Snowball stemmer holds state while it
 * stems, so the extractor keeps none: stem_match_document() opens its
 * own for the document and closes it, and the index itself is immutable
 * and shared by every thread.
 *
 * Takes: a built lexicon; a document's folded tokens and d->lex. Gives:
 * an immutable stem index per language; more of d->lex. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>

#include "internal.h"

/* The classes whose words inflect in running text: cue verbs and nouns,
 * stance words, event and described nouns. Not function words, names or
 * entities, whose forms are listed, and not quotation marks. */
#define STEM_CLASSES                                                                         \
    (LEX_CUES | LEX_BIT(LEX_MODIFIER) | LEX_BIT(LEX_EVENT) | LEX_BIT(LEX_DESCRIBED))

/* Shorter stems say too little: "is", "no" and "as" stem to themselves
 * and would match across parts of speech. */
#define STEM_MIN_BYTES 4

typedef struct stem_slot {
    const char *stem;                        /* NULL when empty        */
    const lex_entry *by_class[LEX_NCLASSES];
} stem_slot;

struct stem_index {
    char algorithm[16];                      /* Snowball's name: "de"  */
    stem_slot *table;                        /* open addressing        */
    size_t cap;                              /* power of two           */
    arena mem;                               /* the stems              */
};

static uint64_t hash_stem(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull; /* FNV-1a */
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ull;
    }
    return h;
}

static stem_slot *find_slot(const stem_index *si, const char *s, size_t n)
{
    size_t mask = si->cap - 1;
    for (size_t i = (size_t)hash_stem(s, n) & mask;; i = (i + 1) & mask) {
        stem_slot *slot = &si->table[i];
        if (!slot->stem || (strlen(slot->stem) == n && memcmp(slot->stem, s, n) == 0))
            return slot;
    }
}

/* Is KEY a word whose stem may stand for it (letters, long enough)? */
static bool stemmable(const char *key, size_t len)
{
    if (len < STEM_MIN_BYTES)
        return false;
    for (size_t i = 0; i < len; i++)
        if ((key[i] >= '0' && key[i] <= '9') || key[i] == '\'' || key[i] == '-')
            return false;
    return true;
}

void stem_index_free(stem_index *si)
{
    if (!si)
        return;
    free(si->table);
    arena_free(&si->mem);
    free(si);
}

attrib_status stem_index_build(const char *algorithm, const lexicon *lx, stem_index **out)
{
    *out = NULL;
    /* NULL for an unknown name and for a failed allocation alike. */
    struct sb_stemmer *sb = sb_stemmer_new(algorithm, NULL);
    if (!sb)
        return ATTRIB_ELANG;
    size_t n;
    const lex_entry *entries = lexicon_entries(lx, &n);
    attrib_status st = ATTRIB_OK;
    stem_index *si = calloc(1, sizeof *si);
    size_t cap = 64;
    while (cap < n * 2)
        cap *= 2;
    if (!si || !(si->table = calloc(cap, sizeof *si->table))) {
        st = ATTRIB_ENOMEM;
        goto done;
    }
    si->cap = cap;
    snprintf(si->algorithm, sizeof si->algorithm, "%s", algorithm);
    /* In file order, so that a later line overrides an earlier one with
     * the same stem, as it does for the same phrase. */
    for (size_t i = 0; i < n; i++) {
        const lex_entry *e = &entries[i];
        size_t wl = strlen(e->words[0]);
        if (e->nwords != 1 || e->ntail || !(STEM_CLASSES & LEX_BIT(e->cls)) || !stemmable(e->words[0], wl))
            continue;
        const sb_symbol *s = sb_stemmer_stem(sb, (const sb_symbol *)e->words[0], (int)wl);
        if (!s) {
            st = ATTRIB_ENOMEM;
            goto done;
        }
        size_t sl = (size_t)sb_stemmer_length(sb);
        if (sl < STEM_MIN_BYTES)
            continue;
        stem_slot *slot = find_slot(si, (const char *)s, sl);
        if (!slot->stem && !(slot->stem = arena_strndup(&si->mem, (const char *)s, sl))) {
            st = ATTRIB_ENOMEM;
            goto done;
        }
        slot->by_class[e->cls] = e;
    }
done:
    sb_stemmer_delete(sb);
    if (st != ATTRIB_OK) {
        stem_index_free(si);
        return st;
    }
    *out = si;
    return ATTRIB_OK;
}

/* Compounds (manifest "compounds"): a noun no entry matches whose last
 * part is a described or event noun is that noun ("Sicherheitsexperten"
 * → "Experte", "Giftanschlag" → "Anschlag", "beveiligingsexperts" →
 * "experts"; a hyphen already splits a word into tokens). The head is a
 * suffix of the word's stem of at least COMPOUND_HEAD_MIN bytes after at
 * least COMPOUND_PREFIX_MIN; the longest head wins. Only nouns compound
 * so: cue verbs and stance words do not. */
#define COMPOUND_CLASSES (LEX_BIT(LEX_EVENT) | LEX_BIT(LEX_DESCRIBED))
#define COMPOUND_HEAD_MIN 5
#define COMPOUND_PREFIX_MIN 3
/* Longer "words" are no compounds of news text; the bound keeps a
 * hostile token's cost linear. */
#define COMPOUND_MAX_BYTES 64

static const stem_slot *compound_head(const stem_index *si, const char *s, size_t sl)
{
    if (sl > COMPOUND_MAX_BYTES)
        return NULL;
    for (size_t p = COMPOUND_PREFIX_MIN; p + COMPOUND_HEAD_MIN <= sl; p++) {
        if (((unsigned char)s[p] & 0xC0) == 0x80)
            continue; /* inside a UTF-8 sequence */
        const stem_slot *slot = find_slot(si, s + p, sl - p);
        if (!slot->stem)
            continue;
        for (int c = 0; c < LEX_NCLASSES; c++)
            if ((COMPOUND_CLASSES & LEX_BIT(c)) && slot->by_class[c])
                return slot;
    }
    return NULL;
}

/* Gives BY_CLASS (and CLASSES) the entries of SLOT's classes in TAKE. */
static void take_classes(const lex_entry **by_class, unsigned *classes, const stem_slot *slot,
                         unsigned take)
{
    for (int c = 0; c < LEX_NCLASSES; c++)
        if ((take & LEX_BIT(c)) && slot->by_class[c]) {
            by_class[c] = slot->by_class[c];
            *classes |= LEX_BIT(c);
        }
}

attrib_status stem_match_document(const stem_index *si, doc *d)
{
    if (!si)
        return ATTRIB_OK;
    /* The stemmer is the document's own: Snowball's are not reentrant. */
    struct sb_stemmer *sb = sb_stemmer_new(si->algorithm, NULL);
    if (!sb)
        return ATTRIB_ENOMEM; /* the algorithm was found at build time */
    attrib_status st = ATTRIB_OK;
    bool compounds = d->lang && d->lang->compounds;
    for (size_t i = 0; i < DOC_NTOK(d); i++) {
        const token *t = DOC_TOK(d, i);
        if (!t->key || !(t->flags & TOK_WORD))
            continue;
        /* A word the lexicon lists as it stands is what the lexicon says
         * it is: the event "Hack" is no "Hacker" by its stem. A word of
         * another class (a name, a function word) takes no compound. */
        unsigned classes = d->lex[i].classes;
        bool other = classes != 0;
        if (classes & STEM_CLASSES)
            continue;
        if (!stemmable(t->key, t->keylen))
            continue;
        const sb_symbol *s = sb_stemmer_stem(sb, (const sb_symbol *)t->key, (int)t->keylen);
        if (!s) {
            st = ATTRIB_ENOMEM;
            break;
        }
        size_t sl = (size_t)sb_stemmer_length(sb);
        if (sl < STEM_MIN_BYTES)
            continue;
        const stem_slot *slot = find_slot(si, (const char *)s, sl);
        unsigned take = ~0u;
        if (!slot->stem) {
            if (!compounds || other || !(slot = compound_head(si, (const char *)s, sl)))
                continue;
            take = COMPOUND_CLASSES;
        }
        const lex_entry *by_class[LEX_NCLASSES];
        for (int c = 0; c < LEX_NCLASSES; c++)
            by_class[c] = tok_lex(d, i, (lex_class)c);
        take_classes(by_class, &classes, slot, take);
        if ((st = lexicon_set_token(d, i, by_class, classes)) != ATTRIB_OK)
            break;
    }
    sb_stemmer_delete(sb);
    return st;
}
