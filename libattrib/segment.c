/* Segmentation stage: words and sentences through ICU's break iterators,
 * reading the caller's UTF-8 in place through a UText (no copy of the
 * document), so ICU's boundaries are byte offsets into the caller's text.
 *
 * Takes: d->text. Gives: d->tokens (words and punctuation, with folded
 * keys and case flags), then d->sentences and each token's sentence. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <utf8proc.h>

#include "internal.h"

void *vec_push(vec *v, size_t elem_size)
{
    if (v->len == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 64;
        void *data = realloc(v->data, cap * elem_size);
        if (!data)
            return NULL;
        v->data = data;
        v->cap = cap;
    }
    void *slot = (char *)v->data + v->len++ * elem_size;
    memset(slot, 0, elem_size);
    return slot;
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

/* A clone of TEMPLATE reading d->text in place through a UText; close
 * both with ubrk_close() and utext_close(). */
static attrib_status open_iterator(const UBreakIterator *template, const doc *d,
                                   UBreakIterator **bi, UText **ut)
{
    UErrorCode err = U_ZERO_ERROR;
    *bi = ubrk_clone(template, &err);
    *ut = utext_openUTF8(NULL, d->text, (int64_t)d->len, &err);
    if (U_SUCCESS(err))
        ubrk_setUText(*bi, *ut, &err);
    if (U_FAILURE(err)) {
        ubrk_close(*bi);
        utext_close(*ut);
        return err == U_MEMORY_ALLOCATION_ERROR ? ATTRIB_ENOMEM : ATTRIB_EICU;
    }
    return ATTRIB_OK;
}

attrib_status segment_walk_words(const attrib_extractor *ex, doc *d)
{
    UBreakIterator *bi;
    UText *ut;
    attrib_status st = open_iterator(ex->words, d, &bi, &ut);
    if (st != ATTRIB_OK)
        return st;
    int newlines = 2; /* the text starts a paragraph */
    int32_t a = ubrk_first(bi);
    for (int32_t b = ubrk_next(bi); b != UBRK_DONE; a = b, b = ubrk_next(bi)) {
        const char *s = d->text + a;
        size_t len = (size_t)(b - a);
        /* A NUL is binary junk, not text: it ends the paragraph, and no
         * token (so no span a result copies as a C string) holds one. */
        if (memchr(s, '\0', len)) {
            newlines = 2;
            continue;
        }
        if (is_space_run(s, len, &newlines))
            continue;
        token *t = vec_push(&d->tokens, sizeof(token));
        if (!t) {
            st = ATTRIB_ENOMEM;
            break;
        }
        t->start = (size_t)a;
        t->end = (size_t)b;
        if (ubrk_getRuleStatus(bi) >= UBRK_WORD_NONE_LIMIT)
            t->flags |= TOK_WORD;
        if (newlines >= 2)
            t->flags |= TOK_PARA;
        newlines = 0;
    }
    ubrk_close(bi);
    utext_close(ut);
    return st;
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

attrib_status segment_sentences(doc *d)
{
    UBreakIterator *bi;
    UText *ut;
    attrib_status st = open_iterator(d->lang->sentences, d, &bi, &ut);
    if (st != ATTRIB_OK)
        return st;
    size_t ti = 0, n = DOC_NTOK(d);
    ubrk_first(bi);
    for (int32_t b = ubrk_next(bi); b != UBRK_DONE && st == ATTRIB_OK; b = ubrk_next(bi)) {
        /* A paragraph break inside ICU's sentence (a headline without a
         * full stop) also ends a sentence; a wrapped line does not. */
        while (ti < n && DOC_TOK(d, ti)->start < (size_t)b && st == ATTRIB_OK) {
            size_t first = ti++;
            while (ti < n && DOC_TOK(d, ti)->start < (size_t)b && !(DOC_TOK(d, ti)->flags & TOK_PARA))
                ti++;
            if (d->sentences.len && wrapped_line(d, first)) {
                DOC_SENT(d, d->sentences.len - 1)->tok_end = ti;
                continue;
            }
            /* « ... rien. » Moscou ...: ICU starts the next sentence with
             * the closing mark; it ends the quotation and its sentence. */
            while (d->sentences.len && first < ti && closing_mark(d, first) &&
                   !(DOC_TOK(d, first)->flags & TOK_PARA))
                DOC_SENT(d, d->sentences.len - 1)->tok_end = ++first;
            if (first < ti)
                st = add_sentence(d, first, ti);
        }
    }
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
    ubrk_close(bi);
    utext_close(ut);
    return st;
}
