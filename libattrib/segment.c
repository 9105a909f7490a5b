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

#define KEY_MAX 256

attrib_status segment_words(const attrib_extractor *ex, doc *d)
{
    UErrorCode err = U_ZERO_ERROR;
    UBreakIterator *bi = ubrk_clone(ex->words, &err);
    UText *ut = utext_openUTF8(NULL, d->text, (int64_t)d->len, &err);
    if (U_SUCCESS(err))
        ubrk_setUText(bi, ut, &err);
    if (U_FAILURE(err)) {
        ubrk_close(bi);
        utext_close(ut);
        return err == U_MEMORY_ALLOCATION_ERROR ? ATTRIB_ENOMEM : ATTRIB_EICU;
    }
    attrib_status st = ATTRIB_OK;
    char key[KEY_MAX];
    int newlines = 2; /* the text starts a paragraph */
    int32_t a = ubrk_first(bi);
    for (int32_t b = ubrk_next(bi); b != UBRK_DONE; a = b, b = ubrk_next(bi)) {
        const char *s = d->text + a;
        size_t len = (size_t)(b - a);
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
        t->flags |= text_case_flags(s, len);
        if (newlines >= 2)
            t->flags |= TOK_PARA;
        newlines = 0;
        size_t k = text_fold(s, len, key, sizeof key);
        if (k == (size_t)-1 || k > UINT16_MAX) {
            t->key = ""; /* too long to be any lexicon word */
            continue;
        }
        if (!(t->key = arena_strndup(&d->mem, key, k))) {
            st = ATTRIB_ENOMEM;
            break;
        }
        t->keylen = (uint16_t)k;
    }
    ubrk_close(bi);
    utext_close(ut);
    return st;
}

attrib_status segment_sentences(doc *d)
{
    UErrorCode err = U_ZERO_ERROR;
    UBreakIterator *bi = ubrk_clone(d->lang->sentences, &err);
    UText *ut = utext_openUTF8(NULL, d->text, (int64_t)d->len, &err);
    if (U_SUCCESS(err))
        ubrk_setUText(bi, ut, &err);
    if (U_FAILURE(err)) {
        ubrk_close(bi);
        utext_close(ut);
        return err == U_MEMORY_ALLOCATION_ERROR ? ATTRIB_ENOMEM : ATTRIB_EICU;
    }
    attrib_status st = ATTRIB_OK;
    size_t ti = 0, n = DOC_NTOK(d);
    ubrk_first(bi);
    for (int32_t b = ubrk_next(bi); b != UBRK_DONE; b = ubrk_next(bi)) {
        /* A paragraph break inside ICU's sentence (a headline without a
         * full stop) also ends a sentence. */
        while (ti < n && DOC_TOK(d, ti)->start < (size_t)b) {
            size_t first = ti;
            ti++;
            while (ti < n && DOC_TOK(d, ti)->start < (size_t)b && !(DOC_TOK(d, ti)->flags & TOK_PARA))
                ti++;
            sentence *s = vec_push(&d->sentences, sizeof(sentence));
            if (!s) {
                st = ATTRIB_ENOMEM;
                goto done;
            }
            s->tok_begin = first;
            s->tok_end = ti;
            s->start = DOC_TOK(d, first)->start;
            s->end = DOC_TOK(d, ti - 1)->end;
            uint32_t idx = (uint32_t)(d->sentences.len - 1);
            for (size_t k = first; k < ti; k++)
                DOC_TOK(d, k)->sent = idx;
            DOC_TOK(d, first)->flags |= TOK_SENT_START;
            for (size_t k = ti; k-- > first;) {
                const char *key = DOC_TOK(d, k)->key;
                if (DOC_TOK(d, k)->flags & TOK_WORD)
                    break;
                if (strcmp(key, "?") == 0) {
                    s->question = true;
                    break;
                }
            }
        }
    }
done:
    ubrk_close(bi);
    utext_close(ut);
    return st;
}
