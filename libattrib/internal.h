/* Types shared by the stages of the pipeline.
 *
 * A document goes through the stages in this order, each adding to the
 * `doc` below: text (validation) -> segment (tokens, sentences) -> lang ->
 * text (elision splitting and folding of the tokens) -> lexicon (phrase
 * matches per token) -> mentions -> claims (frames, stance) -> resolve
 * (canonical names) -> result (the public object) -> json.
 *
 * Everything a document needs lives in its arenas and its vectors, freed
 * together when the document is done, or kept empty for the next document
 * (doc_take(), doc_give()); nothing here is global. */
#ifndef ATTRIB_INTERNAL_H
#define ATTRIB_INTERNAL_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "attrib.h"
#include "arena.h"
#include "lexicon.h"

/* ---- Tokens and sentences (segment.c, text.c) ---- */

enum token_flag {
    TOK_WORD = 1u << 0,      /* letters or digits, not punctuation        */
    TOK_UPPER = 1u << 1,     /* starts with an upper-case letter          */
    TOK_ALLCAPS = 1u << 2,   /* every letter is upper case (FBI)          */
    TOK_PARA = 1u << 3,      /* a blank line stands before it             */
    TOK_SENT_START = 1u << 4 /* first token of its sentence               */
};

typedef struct token {
    uint32_t start, end; /* bytes in the caller's text (at most INT32_MAX) */
    const char *key;   /* folded form, NUL-terminated (doc arena)    */
    uint32_t hash;     /* lexicon_hash(key, keylen)                  */
    uint32_t sent;     /* index of its sentence                      */
    uint16_t flags;
    uint16_t keylen;
} token;

typedef struct sentence {
    size_t start, end;   /* bytes in the caller's text                */
    size_t tok_begin;    /* its tokens are [tok_begin, tok_end)       */
    size_t tok_end;
    bool question;       /* ends with a question mark                 */
} sentence;

/* ---- Lexicon matches per token (lexicon.c) ---- */

/* The longest entry of each class that starts at a token (tok_lex()).
 * Most tokens start no entry and the others one or two, so a token keeps
 * a bit per class that has one and where they start in d->lex_entries,
 * which holds them in class order: 8 bytes a token, not a pointer per
 * class (88), which a long document paid in memory traffic. */
typedef struct token_lex {
    uint32_t first;   /* index of its first entry in d->lex_entries     */
    uint16_t classes; /* LEX_BIT()s of the classes that start here      */
} token_lex;

/* ---- Mentions (mentions.c) ---- */

enum mention_flag {
    MEN_GAZETTEER = 1u << 0, /* from the entities lexicon                  */
    MEN_NAME = 1u << 1,      /* capitalised proper name                    */
    MEN_DESCRIBED = 1u << 2, /* a described party ("security experts")     */
    MEN_PRONOUN = 1u << 3,   /* he, she, it, they, il, elle ...            */
    MEN_DEMONYM = 1u << 4    /* a demonym alone: "the Russian trail"       */
};

typedef struct mention {
    size_t tb, te;          /* tokens [tb, te), determiner included       */
    size_t head;            /* first token after the determiner           */
    const char *canonical;  /* from the lexicon, or NULL: made by resolve */
    int antecedent;         /* pronoun: index of the mention it stands for, or -1 */
    int affiliation;        /* person: the mention it speaks for, or -1 (resolve) */
    attrib_kind kind;
    uint8_t flags;
} mention;

/* ---- Claims (claims.c) ---- */

typedef struct draft_claim {
    int source;           /* mention index, or -1 when unattributed       */
    int actor;            /* mention index                                */
    int via[4];           /* mention indices, outermost first             */
    int nvia;
    attrib_stance stance;
    double confidence;
    size_t cue_tb, cue_te; /* tokens of the cue                           */
    size_t event_tb, event_te; /* tokens of the event; equal when none    */
    uint32_t sent;
    bool self;
    const char *rule;     /* static string: which rule made it            */
} draft_claim;

/* ---- The extractor (extractor.c) ---- */

struct UBreakIterator;
typedef struct stem_index stem_index;

#define SPARE_DOCS 8

/* One enabled language: its lexicon and its sentence rules. */
typedef struct language {
    char code[16];
    /* From its manifest line (attrib_language_settings). */
    bool adjectives_follow;           /* adjectives=after              */
    bool nouns_capital;               /* nouns=capital                 */
    bool verb_second;                 /* order=v2                      */
    bool compounds;                   /* compounds                     */
    const char *stem;                 /* stem: Snowball algorithm, or NULL */
    /* The lexicon and stems, built by language_ready() on the first
     * document read in the language (an extractor of seven languages
     * is made in a few milliseconds, and a process reading one language
     * builds one), or at creation when the caller adds lexicon files (so
     * that their errors are reported there). Set once, before `ready`. */
    atomic_bool ready;
    lexicon *lx;
    stem_index *stems;                /* NULL: no stemmer for the language */
    lexicon *function_words;          /* function words alone (for the
                                         extractor's fwset) until lx is built */
    struct UBreakIterator *sentences; /* template, cloned per document */
} language;

struct attrib_extractor {
    language *langs;
    size_t nlangs;
    size_t max_size;                  /* 0: no limit                   */
    struct UBreakIterator *words;     /* template, cloned per document */
    /* Word break class and flags of the code points segment.c reads
     * without ICU (segment_init_classes()): [0, 0x800) then the general
     * punctuation and currency blocks [0x2000, 0x2100). */
    uint8_t word_classes[0x900];
    lexicon_fwset *function_words;    /* of every language, for lang.c */
    /* Serialises the builds of language_ready(), and what they share. */
    pthread_mutex_t build_lock;
    bool build_lock_made;
    struct territory_names *territories; /* ICU's names, collected once */
    /* Documents done with, whose memory (arena blocks, vectors) the next
     * documents reuse, so that a stream of documents stops allocating.
     * Taken and given back by atomic exchange: a thread takes one for
     * itself, so that the extractor stays shareable; its settings never
     * change. */
    _Atomic(struct doc *) spare[SPARE_DOCS];
};

/* ---- A document in the pipeline ---- */

typedef struct vec {
    void *data;
    size_t len, cap;
} vec;

/* Room for N elements of ELEM_SIZE bytes in all (the room doubles, so
 * that a vector grown one element at a time copies little); false when
 * out of memory or when the size overflows. Inline while there is room,
 * as per-token loops call it; vec_enlarge() reallocates. */
bool vec_enlarge(vec *v, size_t n, size_t elem_size);
static inline bool vec_grow(vec *v, size_t n, size_t elem_size)
{
    return n <= v->cap || vec_enlarge(v, n, elem_size);
}
/* Pointer to a new zeroed element at the end, or NULL when out of memory. */
void *vec_push(vec *v, size_t elem_size);
/* Room for N elements of ELEM_SIZE bytes, not zeroed, as V's whole
 * content (len = N); NULL when out of memory or when the product
 * overflows. */
void *vec_reserve(vec *v, size_t n, size_t elem_size);
void vec_free(vec *v);

#define VEC_AT(v, type, i) (((type *)(v).data)[i])

typedef struct doc {
    const char *text;
    size_t len;
    const struct language *lang; /* the language the text is read as  */
    bool lang_known;             /* false when nothing identified it   */
    arena mem;                   /* keys, names, per-token arrays      */
    arena scratch;               /* a stage's temporaries: the stage
                                    resets it when done              */
    vec tokens;                  /* token                              */
    vec sentences;               /* sentence                           */
    vec sketch;                  /* segment.c's sketch of the text for
                                    ICU's sentence rules (bytes)       */
    /* ICU's word iterator for the lines segment.c leaves to it, and the
     * UText it reads them through: cloned on first use and kept, with
     * the document, for the next documents. */
    struct UBreakIterator *word_iter;
    struct UText *word_text;
    token_lex *lex;              /* one per token (d->mem)             */
    vec lex_entries;             /* const lex_entry *: see token_lex   */
    int *mention_at;             /* one per token (d->mem): mention index or -1 */
    vec mentions;                /* mention                            */
    vec claims;                  /* draft_claim                        */
} doc;

#define DOC_TOK(d, i) (&VEC_AT((d)->tokens, token, (i)))
#define DOC_SENT(d, i) (&VEC_AT((d)->sentences, sentence, (i)))
#define DOC_MEN(d, i) (&VEC_AT((d)->mentions, mention, (i)))
#define DOC_NTOK(d) ((d)->tokens.len)

/* vec_push() of a token, without a call while there is room: the
 * per-token loops of segmentation use it. */
static inline token *tokens_push(vec *v)
{
    if (v->len < v->cap) {
        token *t = (token *)v->data + v->len++;
        *t = (token){0};
        return t;
    }
    return vec_push(v, sizeof(token));
}

/* ---- Stages ---- */

struct attrib_extractor;

/* text.c */
/* Offset of the first byte that is not valid UTF-8, or LEN when all is. */
size_t text_utf8_invalid_at(const char *s, size_t len);
/* Folds S (LEN bytes of valid UTF-8) to its lexicon key: NFKC case
 * folding, with typographic apostrophes and hyphens made ASCII. Writes at
 * most CAP-1 bytes and a NUL to OUT; returns the key's length, or
 * (size_t)-1 when it does not fit (such a token has no key). No
 * allocation. */
size_t text_fold(const char *s, size_t len, char *out, size_t cap);
/* TOK_UPPER and TOK_ALLCAPS of a word, from its code points. */
uint16_t text_case_flags(const char *s, size_t len);
/* Gives every token its case flags and its folded key (text_fold). */
attrib_status text_normalise_tokens(doc *d);
/* Splits tokens at the language's elisions (l'affaire -> l' affaire) and
 * clitic suffixes (FBI's -> FBI 's), now that the language is known. */
attrib_status text_prepare_tokens(doc *d);

/* segment.c: fills ex->word_classes from ICU's character properties. */
void segment_init_classes(struct attrib_extractor *ex);
/* segment.c: the words of d->text as ICU's word break iterator gives
 * them (spans, TOK_WORD and TOK_PARA only), in one pass. Lines of common
 * scripts are read by segment.c's own scanner, the others by ICU; ICU
 * alone in segment_walk_words_icu(), which the tests compare it with. */
attrib_status segment_walk_words(const struct attrib_extractor *ex, doc *d);
attrib_status segment_walk_words_icu(const struct attrib_extractor *ex, doc *d);
/* segment_walk_words(), then text_normalise_tokens(). */
attrib_status segment_words(const struct attrib_extractor *ex, doc *d);
/* segment.c: sentences through the language's sentence break iterator;
 * gives every token its sentence. Run after text_prepare_tokens(). */
attrib_status segment_sentences(const struct attrib_extractor *ex, doc *d);
/* segment.c: gives TAKE each of ICU's sentence breaks (byte offsets, in
 * order), as segment_sentences() reads them: ICU reads a shorter sketch
 * of the text; in segment_sentence_breaks_icu(), which the tests compare
 * it with, it reads the whole text. */
typedef attrib_status (*sentence_break_fn)(doc *d, size_t b, void *data);
attrib_status segment_sentence_breaks(const struct attrib_extractor *ex, doc *d,
                                      sentence_break_fn take, void *data);
attrib_status segment_sentence_breaks_icu(doc *d, sentence_break_fn take, void *data);

/* lang.c: sets d->lang from HINT, or from the tokens' function words,
 * and makes sure its lexicon is built (language_ready()); ATTRIB_ELANG
 * when HINT names no enabled language. */
attrib_status lang_identify(const struct attrib_extractor *ex, doc *d, const char *hint);


/* stem.c: the stems of LX's single-word entries of inflecting classes,
 * with Snowball's ALGORITHM ("de"); ATTRIB_ELANG when Snowball has no
 * such algorithm (or no memory to open it). */
attrib_status stem_index_build(const char *algorithm, const lexicon *lx, stem_index **out);
void stem_index_free(stem_index *si);
/* lexicon.c: makes BY_CLASS[c], for each class c in CLASSES (LEX_BIT()s),
 * the entries of token I (tok_lex()), in place of those it had. */
attrib_status lexicon_set_token(doc *d, size_t i, const lex_entry *const *by_class,
                                unsigned classes);
/* stem.c: adds to d->lex the entries whose stem is a token's stem, where
 * no exact entry of the class matched. Run after lexicon_match_document(). */
attrib_status stem_match_document(const stem_index *si, doc *d);

/* mentions.c */
attrib_status mentions_find(doc *d);

/* territories.c: ICU's names of states and territories in the ENABLED
 * languages and the major other scripts, gathered once per extractor;
 * then, for the lexicon of LANG, those its built-in entities do not list,
 * as the text of a caller's lexicon file (class= on each line; freed with
 * free()). */
typedef struct territory_names territory_names;
attrib_status territories_collect(const char *const *enabled, size_t nenabled,
                                  territory_names **out);
attrib_status territories_lexicon(const territory_names *tn, const char *lang, char **out);
void territories_free(territory_names *tn);

/* claims.c */
attrib_status claims_assemble(doc *d);

/* resolve.c: canonical names for mentions without one; pronoun antecedents. */
attrib_status resolve_mentions(doc *d);

/* extractor.c: builds L's lexicon and stems unless done (thread-safe:
 * the first thread builds, the others wait); ATTRIB_ENOMEM or
 * ATTRIB_EICU when that fails, and a later call tries again. */
attrib_status language_ready(const struct attrib_extractor *ex, const language *l);

/* extractor.c: runs every stage on D (text and len set, the rest zero),
 * as attrib_extract() does before it builds the result; doc_free() frees
 * what the stages made. For tests and tools/attrib-debug. */
attrib_status doc_analyse(const struct attrib_extractor *ex, doc *d, const char *lang);
void doc_free(doc *d);
/* An empty document from EX's spares (with the memory of one done
 * before), or a new one; NULL when out of memory. doc_give() hands it
 * back when done, or frees it when KEEP is false (after a failure, so
 * that a failed call keeps nothing) or when the document was large. */
doc *doc_take(const struct attrib_extractor *ex);
void doc_give(const struct attrib_extractor *ex, doc *d, bool keep);

/* The stages in order, ended by a NULL row: doc_analyse() runs them all,
 * doc_analyse_steps() the first N (for bench/attrib-bench.c, which times
 * each stage as the difference between N and N-1 of them). */
typedef struct doc_step {
    const char *stage; /* "segmentation: words", "normalisation", ... */
    attrib_status (*run)(const struct attrib_extractor *ex, doc *d, const char *lang);
} doc_step;
extern const doc_step doc_steps[];
attrib_status doc_analyse_steps(const struct attrib_extractor *ex, doc *d, const char *lang,
                                size_t n);

/* Helpers on tokens shared by the stages. */
#define LEX_BIT(c) (1u << (c))
/* The classes of cues: phrases that make frames and claims. */
#define LEX_CUES (LEX_BIT(LEX_REPORT) | LEX_BIT(LEX_BLAME) | LEX_BIT(LEX_RESP) | LEX_BIT(LEX_SELF))
#define LEX_ALL (LEX_BIT(LEX_NCLASSES) - 1u)

/* Does an entry of any class in MASK (LEX_BIT()s) match at token I? */
static inline bool tok_has_class(const doc *d, size_t i, unsigned mask)
{
    return (d->lex[i].classes & mask) != 0;
}
/* How many bits a set of classes has: where in a token's entries the
 * entry of a class is (a table, as the build targets no particular CPU
 * and libgcc's popcount is a call). */
extern const uint8_t lex_class_rank[LEX_BIT(LEX_NCLASSES)];
/* The longest entry of class C that starts at token I, or NULL. */
static inline const lex_entry *tok_lex(const doc *d, size_t i, lex_class c)
{
    token_lex tl = d->lex[i];
    if (!(tl.classes & LEX_BIT(c)))
        return NULL;
    return VEC_AT(d->lex_entries, const lex_entry *,
                  tl.first + lex_class_rank[tl.classes & (LEX_BIT(c) - 1u)]);
}
/* Role of token i in function.txt, or ROLE_NONE. */
static inline lex_role tok_role(const doc *d, size_t i)
{
    const lex_entry *e = tok_lex(d, i, LEX_FUNCTION);
    return e ? (lex_role)e->role : ROLE_NONE;
}
bool tok_is(const doc *d, size_t i, const char *key);
/* Is token I one of the punctuation marks CHARS? Inline, and no strchr():
 * the stages ask it of most tokens, with a literal, which the compiler
 * then turns into a comparison or a few. */
static inline bool tok_is_punct(const doc *d, size_t i, const char *chars)
{
    const token *t = DOC_TOK(d, i);
    if ((t->flags & TOK_WORD) || t->keylen != 1)
        return false;
    for (; *chars; chars++)
        if (*chars == t->key[0])
            return true;
    return false;
}
/* Is token I a hyphen written between two words ("state-sponsored"),
 * both in [0, SE)? */
bool tok_attached_hyphen(const doc *d, size_t i, size_t se);

#endif
