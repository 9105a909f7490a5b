/* Segmentation stage: words and sentences as ICU's break iterators give
 * them (UAX #29 with ICU's root tailoring, and the languages' lists of
 * abbreviations that do not end a sentence), at a fraction of their cost:
 * words by a scanner of our own for the lines of common scripts, ICU for
 * the others; sentences by ICU over a short sketch of the text. Every
 * boundary is a byte offset into the caller's text. tests/test_segment.c
 * checks both against ICU alone.
 *
 * Takes: d->text. Gives: d->tokens (words and punctuation: spans, word
 * and paragraph flags), then d->sentences and each token's sentence. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <utf8proc.h>

#include "internal.h"

bool vec_enlarge(vec *v, size_t n, size_t elem_size)
{
    size_t cap = v->cap ? v->cap : 64;
    while (cap < n && cap <= SIZE_MAX / 2)
        cap *= 2;
    if (cap < n || (elem_size && cap > SIZE_MAX / elem_size))
        return false;
    void *data = realloc(v->data, cap * elem_size);
    if (!data)
        return false;
    v->data = data;
    v->cap = cap;
    return true;
}

void *vec_push(vec *v, size_t elem_size)
{
    if (!vec_grow(v, v->len + 1, elem_size))
        return NULL;
    void *slot = (char *)v->data + v->len++ * elem_size;
    memset(slot, 0, elem_size);
    return slot;
}

void *vec_reserve(vec *v, size_t n, size_t elem_size)
{
    if (!vec_grow(v, n, elem_size))
        return NULL;
    v->len = n;
    return v->data;
}

void vec_free(vec *v)
{
    free(v->data);
    v->data = NULL;
    v->len = v->cap = 0;
}

static bool is_space_run(const char *s, size_t len, int *newlines)
{
    size_t i = 0;
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) { /* ASCII: white space and controls are these */
            if (c > 0x20 && c != 0x7F)
                return false;
            if (c == '\n')
                (*newlines)++;
            i++;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                              (utf8proc_ssize_t)(len - i), &cp);
        if (n <= 0 || !(u_isUWhiteSpace(cp) || cp == 0 || u_iscntrl(cp)))
            return false;
        if (cp == '\n' || cp == 0x2029)
            (*newlines)++;
        i += (size_t)n;
    }
    return true;
}

/* A clone of TEMPLATE reading LEN bytes at TEXT in place through a UText;
 * close both with ubrk_close() and utext_close(). */
static attrib_status open_iterator(const UBreakIterator *template, const char *text, size_t len,
                                   UBreakIterator **bi, UText **ut)
{
    UErrorCode err = U_ZERO_ERROR;
    *bi = ubrk_clone(template, &err);
    *ut = utext_openUTF8(NULL, text, (int64_t)len, &err);
    if (U_SUCCESS(err))
        ubrk_setUText(*bi, *ut, &err);
    if (U_FAILURE(err)) {
        ubrk_close(*bi);
        utext_close(*ut);
        return err == U_MEMORY_ALLOCATION_ERROR ? ATTRIB_ENOMEM : ATTRIB_EICU;
    }
    return ATTRIB_OK;
}

/* What the word walk keeps between segments: the document it adds tokens
 * to, and the line breaks seen since the last token (two or more: a
 * paragraph). */
typedef struct walk {
    doc *d;
    int newlines;
} walk;

/* Adds the segment [A, B) as a token unless it is white space or binary
 * junk; WORD: ICU would give it a word's rule status. Only a segment
 * without letters or digits (MAYBE_BLANK) can be junk. */
static inline attrib_status add_segment(walk *w, size_t a, size_t b, bool word, bool maybe_blank)
{
    const char *s = w->d->text + a;
    size_t len = b - a;
    /* A NUL is binary junk, not text: it ends the paragraph, and no token
     * (so no span a result copies as a C string) holds one. One printable
     * ASCII byte, the usual punctuation, is neither junk nor space. */
    bool printable = len == 1 && (unsigned char)s[0] > 0x20 && (unsigned char)s[0] < 0x7F;
    if (maybe_blank && !printable) {
        if (memchr(s, '\0', len)) {
            w->newlines = 2;
            return ATTRIB_OK;
        }
        if (is_space_run(s, len, &w->newlines))
            return ATTRIB_OK;
    }
    token *t = tokens_push(&w->d->tokens);
    if (!t)
        return ATTRIB_ENOMEM;
    t->start = (uint32_t)a;
    t->end = (uint32_t)b;
    if (word)
        t->flags |= TOK_WORD;
    if (w->newlines >= 2)
        t->flags |= TOK_PARA;
    w->newlines = 0;
    return ATTRIB_OK;
}

/* The words of [FROM, TO) by ICU's iterator (the document's own, cloned
 * on first use). */
static attrib_status icu_words(const attrib_extractor *ex, walk *w, size_t from, size_t to)
{
    doc *d = w->d;
    UErrorCode err = U_ZERO_ERROR;
    if (!d->word_iter) {
        UBreakIterator *clone = ubrk_clone(ex->words, &err);
        if (U_FAILURE(err)) {
            ubrk_close(clone);
            return err == U_MEMORY_ALLOCATION_ERROR ? ATTRIB_ENOMEM : ATTRIB_EICU;
        }
        d->word_iter = clone;
    }
    d->word_text = utext_openUTF8(d->word_text, d->text + from, (int64_t)(to - from), &err);
    if (U_SUCCESS(err))
        ubrk_setUText(d->word_iter, d->word_text, &err);
    if (U_FAILURE(err))
        return err == U_MEMORY_ALLOCATION_ERROR ? ATTRIB_ENOMEM : ATTRIB_EICU;
    UBreakIterator *bi = d->word_iter;
    int32_t a = ubrk_first(bi);
    for (int32_t b = ubrk_next(bi); b != UBRK_DONE; a = b, b = ubrk_next(bi)) {
        bool word = ubrk_getRuleStatus(bi) >= UBRK_WORD_NONE_LIMIT;
        attrib_status st = add_segment(w, from + (size_t)a, from + (size_t)b, word, true);
        if (st != ATTRIB_OK)
            return st;
    }
    return ATTRIB_OK;
}

/* ---- The scanner for common scripts ----
 *
 * ICU's word break iterator is the slowest stage of the pipeline, and
 * news in Latin, Greek or Cyrillic script needs few of its rules (UAX #29
 * as ICU's root rules tailor it). Every code point of [0, 0x800) and of
 * U+2000..U+20FF whose word break class is one of those below is read
 * here; any other (combining marks, format controls, Hebrew letters, kana,
 * ideographs, emoji, regional indicators ...) sends its line to ICU.
 * Lines are independent: UAX #29 breaks before and after every line break
 * (WB3a, WB3b). tests/test_segment.c checks the scanner against ICU. */
enum {
    WB_ICU,         /* not read here                                  */
    WB_OTHER,       /* a segment of its own                           */
    WB_LETTER,      /* ALetter                                        */
    WB_NUMERIC,     /* Numeric                                        */
    WB_MIDLETTER,   /* MidLetter: "a·b"                               */
    WB_MIDNUM,      /* MidNum: "1,000"                                */
    WB_MIDNUMLET,   /* MidNumLet or Single_Quote: "U.S", "don't", "1.5" */
    WB_EXTENDNUM,   /* ExtendNumLet: "_", U+202F                      */
    WB_SPACE,       /* WSegSpace: its runs stay one segment (WB3d)    */
    WB_CR,          /* CR, kept with a following LF (WB3)             */
    WB_NEWLINE,     /* LF and Newline: a segment of its own           */
    WB_CLASS = 0x0F,
    /* Sentence break classes the sentence sketch needs (below). */
    SB_LETTER = 0x10, /* Upper, Lower, OLetter                        */
    SB_KEEP = 0x20    /* ATerm, STerm, Extend, Format: the word before
                         one is copied whole                          */
};

void segment_init_classes(attrib_extractor *ex)
{
    for (size_t i = 0; i < sizeof ex->word_classes; i++) {
        UChar32 cp = (UChar32)(i < 0x800 ? i : 0x2000 + (i - 0x800));
        uint8_t c;
        switch (u_getIntPropertyValue(cp, UCHAR_WORD_BREAK)) {
        case U_WB_OTHER:
        case U_WB_DOUBLE_QUOTE: /* joins Hebrew letters only (WB7b, WB7c) */
            c = WB_OTHER;
            break;
        case U_WB_ALETTER: c = WB_LETTER; break;
        case U_WB_NUMERIC: c = WB_NUMERIC; break;
        case U_WB_MIDLETTER:
            /* ICU's root rules take the colon out of MidLetter ("a:b" is
             * three segments; Swedish puts it back). */
            c = cp == ':' ? WB_OTHER : WB_MIDLETTER;
            break;
        case U_WB_MIDNUM: c = WB_MIDNUM; break;
        case U_WB_MIDNUMLET:
        case U_WB_SINGLE_QUOTE: c = WB_MIDNUMLET; break;
        case U_WB_EXTENDNUMLET: c = WB_EXTENDNUM; break;
        case U_WB_WSEGSPACE: c = WB_SPACE; break;
        case U_WB_CR: c = WB_CR; break;
        case U_WB_LF:
        case U_WB_NEWLINE: c = WB_NEWLINE; break;
        default: c = WB_ICU; break;
        }
        /* ICU's root rules make "@" a letter, so "@user" and "a@b" hold
         * together. */
        if (cp == '@')
            c = WB_LETTER;
        switch (u_getIntPropertyValue(cp, UCHAR_SENTENCE_BREAK)) {
        case U_SB_UPPER:
        case U_SB_LOWER:
        case U_SB_OLETTER: c |= SB_LETTER; break;
        case U_SB_ATERM:
        case U_SB_STERM:
        case U_SB_EXTEND:
        case U_SB_FORMAT: c |= SB_KEEP; break;
        default: break;
        }
        ex->word_classes[i] = c;
    }
}

/* The classes of the code point at *I, moving *I past it. The text is
 * valid UTF-8 (validation comes first) and *I is below its end. */
static inline unsigned class_bits(const attrib_extractor *ex, const unsigned char *s, size_t *i)
{
    size_t k = *i;
    unsigned c = s[k];
    if (c < 0x80) {
        *i = k + 1;
        return ex->word_classes[c];
    }
    if (c < 0xE0) { /* two bytes: below 0x800 */
        *i = k + 2;
        return ex->word_classes[((c & 0x1F) << 6) | (s[k + 1] & 0x3F)];
    }
    *i = k + (c < 0xF0 ? 3 : 4);
    if (c == 0xE2 && (s[k + 1] & 0xFC) == 0x80) /* U+2000..U+20FF */
        return ex->word_classes[0x800 + (((s[k + 1] & 0x03u) << 6) | (s[k + 2] & 0x3F))];
    return WB_ICU | SB_KEEP; /* unknown here: nothing is taken for granted */
}

static inline unsigned class_at(const attrib_extractor *ex, const unsigned char *s, size_t *i)
{
    return class_bits(ex, s, i) & WB_CLASS;
}

/* Does the word that ends at *I with class *PREV go on? Moves *I past
 * what joins it and sets *PREV to the class it now ends with. Sets *ICU
 * when a code point the scanner does not read decides it. */
static bool word_goes_on(const attrib_extractor *ex, const unsigned char *s, size_t end,
                         size_t *i, unsigned *prev, bool *icu)
{
    if (*i >= end)
        return false;
    size_t j = *i;
    unsigned c = class_at(ex, s, &j);
    if (c == WB_LETTER || c == WB_NUMERIC || c == WB_EXTENDNUM) { /* WB5, 8-10, 13a-b */
        *i = j;
        *prev = c;
        return true;
    }
    /* WB6-7 (letter, mid, letter) and WB11-12 (number, mid, number). */
    bool mid = (*prev == WB_LETTER && (c == WB_MIDLETTER || c == WB_MIDNUMLET)) ||
               (*prev == WB_NUMERIC && (c == WB_MIDNUM || c == WB_MIDNUMLET));
    if (!mid || j >= end) {
        *icu = c == WB_ICU;
        return false;
    }
    size_t k = j;
    unsigned after = class_at(ex, s, &k);
    if (after != *prev) {
        *icu = after == WB_ICU;
        return false;
    }
    *i = k;
    return true;
}

attrib_status segment_walk_words(const attrib_extractor *ex, doc *d)
{
    const unsigned char *s = (const unsigned char *)d->text;
    size_t end = d->len;
    walk w = {d, 2}; /* the text starts a paragraph */
    attrib_status st = ATTRIB_OK;
    /* Where the current line starts, and the walk's state there: a line
     * the scanner cannot read is read again by ICU from its start. */
    size_t line = 0, line_tokens = 0;
    int line_newlines = w.newlines;
    size_t i = 0;
    while (i < end && st == ATTRIB_OK) {
        size_t a = i;
        unsigned cls = class_at(ex, s, &i);
        bool letters = false, word = false, icu = cls == WB_ICU;
        switch (cls) {
        case WB_LETTER:
        case WB_NUMERIC:
        case WB_EXTENDNUM: {
            /* A lone ExtendNumLet has no word status; two or more have. */
            unsigned prev = cls;
            size_t n = 1;
            letters = cls != WB_EXTENDNUM;
            while (word_goes_on(ex, s, end, &i, &prev, &icu)) {
                letters |= prev != WB_EXTENDNUM;
                n++;
            }
            word = letters || n > 1;
            break;
        }
        case WB_SPACE: /* white space: no token */
            for (size_t j = i; j < end && class_at(ex, s, &j) == WB_SPACE; i = j)
                ;
            continue;
        case WB_CR:
            if (i < end && s[i] == '\n')
                i++;
            /* fall through */
        case WB_NEWLINE:
            /* Line breaks are white space; LF and U+2029 count towards a
             * paragraph, as in is_space_run(). */
            if (s[i - 1] == '\n' || (i - a == 3 && s[a + 2] == 0xA9))
                w.newlines++;
            line = i;
            line_tokens = d->tokens.len;
            line_newlines = w.newlines;
            continue;
        default:
            break;
        }
        if (icu) {
            /* From the line's start to just after its line break. */
            size_t le = a;
            while (le < end) {
                unsigned k = class_at(ex, s, &le);
                if (k == WB_NEWLINE || k == WB_CR) {
                    if (k == WB_CR && le < end && s[le] == '\n')
                        le++;
                    break;
                }
            }
            d->tokens.len = line_tokens;
            w.newlines = line_newlines;
            st = icu_words(ex, &w, line, le);
            i = line = le;
            line_tokens = d->tokens.len;
            line_newlines = w.newlines;
            continue;
        }
        st = add_segment(&w, a, i, word, !letters);
    }
    return st;
}

attrib_status segment_walk_words_icu(const attrib_extractor *ex, doc *d)
{
    walk w = {d, 2};
    return icu_words(ex, &w, 0, d->len);
}

attrib_status segment_words(const attrib_extractor *ex, doc *d)
{
    attrib_status st = segment_walk_words(ex, d);
    return st == ATTRIB_OK ? text_normalise_tokens(d) : st;
}

/* Does the line break between tokens I-1 and I fall inside a sentence?
 * ICU ends a sentence at every line break; hard-wrapped text breaks lines
 * mid-sentence. A single break counts as wrapping when the line does not
 * end with final punctuation and either the next line starts in lower
 * case or the line ends on a function word ("the", "de"). A heading on
 * its own line, followed by a capitalised line, stays a sentence. */
static bool wrapped_line(const doc *d, size_t i)
{
    const token *prev = DOC_TOK(d, i - 1), *next = DOC_TOK(d, i);
    if (next->flags & TOK_PARA || !memchr(d->text + prev->end, '\n', next->start - prev->end))
        return false;
    if (!(prev->flags & TOK_WORD) && prev->keylen == 1 && strchr(".!?:;", prev->key[0]))
        return false;
    if (!(prev->flags & TOK_WORD) && strcmp(prev->key, "\xe2\x80\xa6") == 0)
        return false;
    return !(next->flags & TOK_UPPER) ||
           lexicon_is_function_word(d->lang->lx, prev->key, prev->keylen);
}

/* Is token I one closing quotation mark or bracket (», ”, ’, ))? */
static bool closing_mark(const doc *d, size_t i)
{
    const token *t = DOC_TOK(d, i);
    if (t->flags & TOK_WORD)
        return false;
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)d->text + t->start,
                                          (utf8proc_ssize_t)(t->end - t->start), &cp);
    if (n <= 0 || (size_t)n != t->end - t->start)
        return false;
    int8_t type = u_charType(cp);
    return type == U_FINAL_PUNCTUATION || type == U_END_PUNCTUATION;
}

static attrib_status add_sentence(doc *d, size_t first, size_t end)
{
    sentence *s = vec_push(&d->sentences, sizeof(sentence));
    if (!s)
        return ATTRIB_ENOMEM;
    s->tok_begin = first;
    s->tok_end = end;
    return ATTRIB_OK;
}

/* Takes ICU's sentence break at byte B: the tokens before it that are in
 * no sentence yet make one, or more, or join the last. *TI is the first
 * such token. */
static attrib_status take_break(doc *d, size_t b, void *data)
{
    size_t *ti = data, n = DOC_NTOK(d);
    attrib_status st = ATTRIB_OK;
    /* A paragraph break inside ICU's sentence (a headline without a full
     * stop) also ends a sentence; a wrapped line does not. */
    while (*ti < n && DOC_TOK(d, *ti)->start < b && st == ATTRIB_OK) {
        size_t first = (*ti)++;
        while (*ti < n && DOC_TOK(d, *ti)->start < b && !(DOC_TOK(d, *ti)->flags & TOK_PARA))
            (*ti)++;
        if (d->sentences.len && wrapped_line(d, first)) {
            DOC_SENT(d, d->sentences.len - 1)->tok_end = *ti;
            continue;
        }
        /* « ... rien. » Moscou ...: ICU starts the next sentence with the
         * closing mark; it ends the quotation and its sentence. */
        while (d->sentences.len && first < *ti && closing_mark(d, first) &&
               !(DOC_TOK(d, first)->flags & TOK_PARA))
            DOC_SENT(d, d->sentences.len - 1)->tok_end = ++first;
        if (first < *ti)
            st = add_sentence(d, first, *ti);
    }
    return st;
}

attrib_status segment_sentence_breaks_icu(doc *d, sentence_break_fn take, void *data)
{
    UBreakIterator *bi;
    UText *ut;
    attrib_status st = open_iterator(d->lang->sentences, d->text, d->len, &bi, &ut);
    if (st != ATTRIB_OK)
        return st;
    ubrk_first(bi);
    for (int32_t b = ubrk_next(bi); b != UBRK_DONE && st == ATTRIB_OK; b = ubrk_next(bi))
        st = take(d, (size_t)b, data);
    ubrk_close(bi);
    utext_close(ut);
    return st;
}

/* ---- Sentences through a sketch of the text ----
 *
 * ICU's sentence break iterator reads every code point, and through the
 * filter that keeps "Mr." from ending a sentence, it reads them slowly
 * (UTF-8 through a UText). Its rules (UAX #29) break only after a full
 * stop or a paragraph separator, and read around a full stop: the letter
 * before it (SB7), the first letter after it (SB8), and the filter the
 * abbreviation it ends. Words of letters between full stops are read by
 * their class alone. So ICU reads a sketch of the text in UTF-16: a run
 * of words of letters, none followed by a full stop (nor by a mark or
 * format control, which the rules pass over), with the spaces between
 * them, is reduced to the run's first letter, and every other code point
 * is copied. A table maps each unit of the sketch back to its byte in
 * the text.
 *
 * The sketch is made a chunk at a time, each chunk ending with a
 * paragraph separator (after which ICU always breaks, SB4), so that its
 * memory stays small and in cache. tests/test_segment.c checks that the
 * breaks are those of ICU over the whole text. */
enum { SKETCH_CHUNK = 1 << 15 };

/* The end of the chunk that starts at FROM: just after the first
 * paragraph separator (CR, LF, CR LF, NEL, LS, PS) from FROM +
 * SKETCH_CHUNK on, or LEN. */
static size_t chunk_end(const unsigned char *s, size_t len, size_t from)
{
    for (size_t i = from + SKETCH_CHUNK; i < len; i++) {
        if (s[i] == '\n')
            return i + 1;
        if (s[i] == '\r')
            return i + 1 < len && s[i + 1] == '\n' ? i + 2 : i + 1;
        if (s[i] == 0xC2 && i + 1 < len && s[i + 1] == 0x85)
            return i + 2;
        if (s[i] == 0xE2 && i + 2 < len && s[i + 1] == 0x80 && (s[i + 2] == 0xA8 || s[i + 2] == 0xA9))
            return i + 3;
    }
    return len;
}

/* The code point at *I of valid UTF-8, moving *I past it. */
static inline UChar32 decode(const unsigned char *s, size_t *i)
{
    size_t k = *i;
    unsigned c = s[k];
    if (c < 0x80) {
        *i = k + 1;
        return (UChar32)c;
    }
    if (c < 0xE0) {
        *i = k + 2;
        return (UChar32)(((c & 0x1F) << 6) | (s[k + 1] & 0x3F));
    }
    if (c < 0xF0) {
        *i = k + 3;
        return (UChar32)(((c & 0x0F) << 12) | ((s[k + 1] & 0x3Fu) << 6) | (s[k + 2] & 0x3F));
    }
    *i = k + 4;
    return (UChar32)(((c & 0x07) << 18) | ((s[k + 1] & 0x3Fu) << 12) | ((s[k + 2] & 0x3Fu) << 6) |
                     (s[k + 3] & 0x3F));
}

/* Is token T a word of letters that ICU reads by its first letter only:
 * nothing right after it that makes ICU read more (a full stop, a mark
 * or format control the rules pass over)? */
static bool sketched(const attrib_extractor *ex, const doc *d, const token *t)
{
    const unsigned char *s = (const unsigned char *)d->text;
    if (!(t->flags & TOK_WORD))
        return false;
    size_t i = t->start;
    while (i < t->end)
        if (!(class_bits(ex, s, &i) & SB_LETTER))
            return false;
    return i == d->len || !(class_bits(ex, s, &i) & SB_KEEP);
}

/* Is [FROM, TO) only spaces and tabs? */
static bool blank_gap(const char *s, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++)
        if (s[i] != ' ' && s[i] != '\t')
            return false;
    return true;
}

/* Appends the code point at *I to the sketch (U, AT, *N), moving *I past
 * it. */
static inline void copy_code_point(const unsigned char *s, size_t *i, UChar *u, uint32_t *at,
                                   size_t *n)
{
    size_t from = *i;
    UChar32 cp = decode(s, i);
    if (cp < 0x10000) {
        u[*n] = (UChar)cp;
        at[(*n)++] = (uint32_t)from;
    } else {
        u[*n] = U16_LEAD(cp);
        at[(*n)++] = (uint32_t)from;
        u[*n] = U16_TRAIL(cp);
        at[(*n)++] = (uint32_t)from;
    }
}

/* Writes the sketch of [FROM, TO) to U, and to AT the byte of each of
 * its units and TO after the last; returns its length. *TI: the first
 * token that does not start before FROM, moved on. */
static size_t sketch_chunk(const attrib_extractor *ex, const doc *d, size_t from, size_t to,
                           size_t *ti, UChar *u, uint32_t *at)
{
    const unsigned char *s = (const unsigned char *)d->text;
    size_t n = 0, i = from, ntok = DOC_NTOK(d);
    while (*ti < ntok && DOC_TOK(d, *ti)->start < from)
        (*ti)++;
    /* A run of such words, with the spaces between them, is one letter:
     * no rule reads inside it, and the first letter is what SB8 reads
     * after a full stop. */
    bool run = false;
    for (; *ti < ntok && DOC_TOK(d, *ti)->end <= to; (*ti)++) {
        const token *t = DOC_TOK(d, *ti);
        bool word = sketched(ex, d, t);
        if (word && run && blank_gap(d->text, i, t->start)) {
            i = t->end;
            continue;
        }
        while (i < t->start) /* the white space before it */
            copy_code_point(s, &i, u, at, &n);
        if (word) {
            copy_code_point(s, &i, u, at, &n);
            i = t->end;
        }
        while (i < t->end)
            copy_code_point(s, &i, u, at, &n);
        run = word;
    }
    while (i < to)
        copy_code_point(s, &i, u, at, &n);
    at[n] = (uint32_t)to;
    return n;
}

attrib_status segment_sentence_breaks(const attrib_extractor *ex, doc *d, sentence_break_fn take,
                                      void *data)
{
    /* ICU reads UTF-16 of at most INT32_MAX units, and AT holds 32 bits. */
    if (d->len >= INT32_MAX)
        return segment_sentence_breaks_icu(d, take, data);
    UErrorCode err = U_ZERO_ERROR;
    UBreakIterator *bi = ubrk_clone(d->lang->sentences, &err);
    if (U_FAILURE(err))
        return err == U_MEMORY_ALLOCATION_ERROR ? ATTRIB_ENOMEM : ATTRIB_EICU;
    attrib_status st = ATTRIB_OK;
    size_t ti = 0;
    for (size_t from = 0, to; from < d->len && st == ATTRIB_OK; from = to) {
        to = chunk_end((const unsigned char *)d->text, d->len, from);
        /* A code point of N bytes makes at most N units: room for the
         * units and their bytes, in memory the document keeps. */
        size_t room = to - from + 1;
        uint32_t *at = vec_reserve(&d->sketch, room, sizeof *at + sizeof(UChar));
        if (!at) {
            st = ATTRIB_ENOMEM;
            break;
        }
        UChar *u = (UChar *)(at + room);
        size_t n = sketch_chunk(ex, d, from, to, &ti, u, at);
        ubrk_setText(bi, u, (int32_t)n, &err);
        if (U_FAILURE(err)) {
            st = err == U_MEMORY_ALLOCATION_ERROR ? ATTRIB_ENOMEM : ATTRIB_EICU;
            break;
        }
        ubrk_first(bi);
        for (int32_t b = ubrk_next(bi); b != UBRK_DONE && st == ATTRIB_OK; b = ubrk_next(bi))
            st = take(d, at[b], data);
    }
    ubrk_close(bi);
    return st;
}

attrib_status segment_sentences(const attrib_extractor *ex, doc *d)
{
    size_t ti = 0;
    attrib_status st = segment_sentence_breaks(ex, d, take_break, &ti);
    for (size_t si = 0; si < d->sentences.len; si++) {
        sentence *s = DOC_SENT(d, si);
        s->start = DOC_TOK(d, s->tok_begin)->start;
        s->end = DOC_TOK(d, s->tok_end - 1)->end;
        for (size_t k = s->tok_begin; k < s->tok_end; k++)
            DOC_TOK(d, k)->sent = (uint32_t)si;
        DOC_TOK(d, s->tok_begin)->flags |= TOK_SENT_START;
        for (size_t k = s->tok_end; k-- > s->tok_begin;) {
            const token *t = DOC_TOK(d, k);
            if (t->flags & TOK_WORD)
                break;
            if (strcmp(t->key, "?") == 0) {
                s->question = true;
                break;
            }
        }
    }
    return st;
}
