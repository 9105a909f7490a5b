/* Text stage: UTF-8 validation, and the folding that turns a word into
 * the key it is looked up by.
 *
 * Offsets never change: the pipeline works on the caller's bytes, and
 * every token keeps the span of its original bytes, so folding (which may
 * change lengths) only ever produces lookup keys, and every span in the
 * output points into the caller's text. Most words of western European
 * news (ASCII, Latin-1 letters, typographic apostrophes and hyphens) are
 * folded, hashed and given their case in one pass, in place into one
 * block of keys per document; the others go through utf8proc, per token,
 * into a stack buffer. */
#include <string.h>

#include <unicode/uchar.h>
#include <utf8proc.h>

#include "internal.h"

size_t text_utf8_invalid_at(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        unsigned char c = p[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t n;
        uint32_t min, cp;
        if (c >= 0xC2 && c <= 0xDF) {
            n = 2; min = 0x80; cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 3; min = 0x800; cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 4; min = 0x10000; cp = c & 0x07;
        } else {
            return i;
        }
        if (len - i < n)
            return i;
        for (size_t k = 1; k < n; k++) {
            if ((p[i + k] & 0xC0) != 0x80)
                return i;
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += n;
    }
    return len;
}

/* Typographic apostrophes and hyphens fold to ASCII, so that "l’FBI" and
 * "l'FBI", "pro‑Russian" and "pro-Russian" look the same to the lexicon. */
static utf8proc_int32_t fold_punct(utf8proc_int32_t c, void *data)
{
    (void)data;
    switch (c) {
    case 0x2019: case 0x2018: case 0x02BC: case 0x00B4: case 0x2032:
        return '\'';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013:
        return '-';
    default:
        return c;
    }
}

#define FOLD_MAX_CODEPOINTS 128

size_t text_fold(const char *s, size_t len, char *out, size_t cap)
{
    size_t i;
    for (i = 0; i < len && !((unsigned char)s[i] & 0x80); i++)
        ;
    if (i == len) { /* ASCII */
        if (len + 1 > cap)
            return (size_t)-1;
        for (i = 0; i < len; i++) {
            char c = s[i];
            out[i] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
        }
        out[len] = '\0';
        return len;
    }
    utf8proc_int32_t buf[FOLD_MAX_CODEPOINTS];
    const utf8proc_option_t opts = UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD |
                                   UTF8PROC_IGNORE | UTF8PROC_DECOMPOSE;
    utf8proc_ssize_t n = utf8proc_decompose_custom((const utf8proc_uint8_t *)s,
                                                   (utf8proc_ssize_t)len, buf,
                                                   FOLD_MAX_CODEPOINTS, opts, fold_punct, NULL);
    if (n < 0 || n > FOLD_MAX_CODEPOINTS)
        return (size_t)-1;
    n = utf8proc_normalize_utf32(buf, n, (opts & ~UTF8PROC_DECOMPOSE) | UTF8PROC_COMPOSE);
    if (n < 0)
        return (size_t)-1;
    size_t o = 0;
    for (utf8proc_ssize_t k = 0; k < n; k++) {
        utf8proc_uint8_t enc[4];
        utf8proc_ssize_t m = utf8proc_encode_char(buf[k], enc);
        if (o + (size_t)m + 1 > cap)
            return (size_t)-1;
        memcpy(out + o, enc, (size_t)m);
        o += (size_t)m;
    }
    out[o] = '\0';
    return o;
}

/* Case flags of a word, from its code points. ASCII, most of Latin-script
 * news, is read without asking ICU: its letters are A-Z and a-z, its
 * digits 0-9. */
uint16_t text_case_flags(const char *s, size_t len)
{
    utf8proc_ssize_t i = 0;
    bool first = true, upper_first = false, any_lower = false;
    int letters = 0;
    while ((size_t)i < len) {
        utf8proc_int32_t cp = (unsigned char)s[i];
        bool alpha, upper;
        if (cp < 0x80) {
            i++;
            upper = cp >= 'A' && cp <= 'Z';
            alpha = upper || (cp >= 'a' && cp <= 'z');
            if (!alpha && first && !(cp >= '0' && cp <= '9'))
                continue;
        } else {
            utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                                  (utf8proc_ssize_t)len - i, &cp);
            if (n <= 0)
                break;
            i += n;
            alpha = u_isUAlphabetic(cp);
            upper = alpha && (u_isupper(cp) || u_istitle(cp));
            if (!alpha && first && !u_isdigit(cp))
                continue;
        }
        if (alpha) {
            letters++;
            if (upper)
                upper_first |= first;
            else
                any_lower = true;
        }
        first = false;
    }
    uint16_t f = 0;
    if (upper_first)
        f |= TOK_UPPER;
    if (upper_first && !any_lower && letters >= 2)
        f |= TOK_ALLCAPS;
    return f;
}

#define KEY_MAX 256

/* A Latin-1 word's key, hash and case flags in one pass, as text_fold(),
 * lexicon_hash() and text_case_flags() would give them: the key's length,
 * or (size_t)-1, with nothing reliable written, for any other word. ASCII
 * and U+00C0..U+00FF cover most words of western European news, and the
 * typographic apostrophes and hyphens of U+2010..U+2019 most of the rest.
 * Their folding does not lengthen a word: capitals A-Z and U+00C0..U+00DE
 * (but the multiplication sign) take their small letter, precomposed
 * letters are already NFC, the typographic marks become ' and -, and the
 * one letter whose folding grows, ß, is left to utf8proc. */
static size_t latin_key(const char *s, size_t len, char *out, uint32_t *hash, uint16_t *flags)
{
    uint32_t h = LEXICON_HASH_BASIS; /* lexicon_hash(), a byte at a time */
    bool first = true, upper_first = false, any_lower = false;
    int letters = 0;
    size_t o = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        bool upper = false, lower = false;
        if (c < 0x80) {
            upper = c >= 'A' && c <= 'Z';
            lower = c >= 'a' && c <= 'z';
            if (upper)
                c = (unsigned char)(c + 32);
        } else if (c == 0xC3 && i + 1 < len) { /* C3 80..BF: U+00C0..U+00FF */
            unsigned char c2 = (unsigned char)s[++i];
            if (c2 == 0x9F) /* ß */
                return (size_t)-1;
            upper = c2 < 0x9F && c2 != 0x97;
            lower = c2 > 0x9F && c2 != 0xB7;
            out[o++] = (char)c;
            h = lexicon_hash_byte(h, c);
            c = upper ? (unsigned char)(c2 + 0x20) : c2;
        } else if (c == 0xE2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 &&
                   (((unsigned char)s[i + 2] >= 0x90 && (unsigned char)s[i + 2] <= 0x93) ||
                    (unsigned char)s[i + 2] == 0x98 || (unsigned char)s[i + 2] == 0x99)) {
            /* U+2010..U+2013 are hyphens and dashes, U+2018 and U+2019
             * apostrophes, as fold_punct() has them. */
            c = (unsigned char)s[i + 2] >= 0x98 ? '\'' : '-';
            i += 2;
        } else {
            return (size_t)-1;
        }
        out[o++] = (char)c;
        h = lexicon_hash_byte(h, c);
        if (upper || lower) {
            letters++;
            upper_first |= first && upper;
            any_lower |= lower;
            first = false;
        } else if (c >= '0' && c <= '9') {
            first = false;
        }
    }
    out[o] = '\0';
    *hash = h;
    *flags = (uint16_t)((upper_first ? TOK_UPPER : 0) |
                        (upper_first && !any_lower && letters >= 2 ? TOK_ALLCAPS : 0));
    return o;
}

attrib_status text_normalise_tokens(doc *d)
{
    /* The keys of the fast path are no longer than their words: they are
     * written in place into one block for all of them, room for a word
     * and a NUL each. */
    size_t room = d->len + DOC_NTOK(d), used = 0;
    char *keys = arena_alloc(&d->mem, room ? room : 1);
    if (!keys)
        return ATTRIB_ENOMEM;
    char key[KEY_MAX];
    for (size_t i = 0; i < DOC_NTOK(d); i++) {
        token *t = DOC_TOK(d, i);
        const char *s = d->text + t->start;
        size_t len = t->end - t->start;
        uint16_t flags;
        size_t k = len < KEY_MAX ? latin_key(s, len, keys + used, &t->hash, &flags) : (size_t)-1;
        if (k != (size_t)-1) {
            t->flags |= flags;
            t->key = keys + used;
            t->keylen = (uint16_t)k;
            used += k + 1;
            continue;
        }
        t->flags |= text_case_flags(s, len);
        k = text_fold(s, len, key, sizeof key);
        if (k == (size_t)-1 || k > UINT16_MAX) {
            t->key = ""; /* too long to be any lexicon word */
            t->hash = lexicon_hash("", 0);
            continue;
        }
        t->hash = lexicon_hash(key, k);
        if (!(t->key = arena_strndup(&d->mem, key, k)))
            return ATTRIB_ENOMEM;
        t->keylen = (uint16_t)k;
    }
    return ATTRIB_OK;
}

/* Byte length of an apostrophe (ASCII or typographic) at P, or 0. */
static size_t apostrophe_at(const char *p, const char *end)
{
    if (*p == '\'')
        return 1;
    if (end - p >= 3 && (unsigned char)p[0] == 0xE2 && (unsigned char)p[1] == 0x80 &&
        ((unsigned char)p[2] == 0x99 || (unsigned char)p[2] == 0x98))
        return 3;
    if (end - p >= 2 && (unsigned char)p[0] == 0xCA && (unsigned char)p[1] == 0xBC)
        return 2;
    return 0;
}

/* The first apostrophe of token T's key, where an elision or a clitic
 * may split it, or NULL: most tokens have none. */
static const char *split_apostrophe(const token *t)
{
    return (t->flags & TOK_WORD) && t->keylen > 1 ? memchr(t->key, '\'', t->keylen) : NULL;
}

/* The parts token T splits into at the language's elision (l'affaire ->
 * l' affaire) and clitic suffix (FBI's -> FBI 's): their number, written
 * to PARTS when it is not NULL (keys in d->mem); 0 when out of memory. */
static size_t split_token(doc *d, const lexicon *lx, token t, token *parts)
{
    size_t np = 0;
    const char *kapo = split_apostrophe(&t);
    if (kapo) {
        /* Elision: the prefix up to the first apostrophe. */
        size_t pre = (size_t)(kapo - t.key) + 1;
        if (pre < t.keylen && lexicon_is_elision(lx, t.key, pre)) {
            const char *p = d->text + t.start, *end = d->text + t.end;
            size_t alen = 0;
            while (p < end && !(alen = apostrophe_at(p, end)))
                p++;
            if (parts) {
                token *a = &parts[np];
                *a = t;
                a->end = (uint32_t)(p + alen - d->text);
                a->keylen = (uint16_t)pre;
                if (!(a->key = arena_strndup(&d->mem, t.key, pre)))
                    return 0;
                a->hash = lexicon_hash(a->key, a->keylen);
            }
            np++;
            t.start = (uint32_t)(p + alen - d->text);
            t.key += pre;
            t.keylen = (uint16_t)(t.keylen - pre);
            t.hash = lexicon_hash(t.key, t.keylen);
            /* "L'Agence": the rest has its own case. */
            t.flags = (uint16_t)((t.flags & TOK_WORD) | text_case_flags(d->text + t.start, t.end - t.start));
        }
        /* Clitic suffix: from the last apostrophe ("'s"). */
        const char *last = NULL;
        for (const char *q = t.key; (q = memchr(q, '\'', t.keylen - (size_t)(q - t.key))); q++)
            last = q;
        if (last && last > t.key &&
            lexicon_is_clitic_suffix(lx, last, t.keylen - (size_t)(last - t.key))) {
            size_t suf = t.keylen - (size_t)(last - t.key);
            const char *end = d->text + t.end, *p = end - 1;
            while (p > d->text + t.start && !apostrophe_at(p, end))
                p--;
            if (parts) {
                token *a = &parts[np];
                *a = t;
                a->end = (uint32_t)(p - d->text);
                a->keylen = (uint16_t)(t.keylen - suf);
                if (!(a->key = arena_strndup(&d->mem, t.key, a->keylen)))
                    return 0;
                a->hash = lexicon_hash(a->key, a->keylen);
                a->flags = (uint16_t)((a->flags & ~(TOK_UPPER | TOK_ALLCAPS)) |
                                      text_case_flags(d->text + a->start, a->end - a->start));
            }
            np++;
            t.start = (uint32_t)(p - d->text);
            t.key = last;
            t.keylen = (uint16_t)suf;
            t.hash = lexicon_hash(t.key, t.keylen);
            t.flags = TOK_WORD;
        }
    }
    if (parts)
        parts[np] = t;
    return np + 1;
}

attrib_status text_prepare_tokens(doc *d)
{
    const lexicon *lx = d->lang->lx;
    /* Most tokens do not split (English has no elisions): count the new
     * ones, make room for them once, and split in place from the end,
     * where each token's parts land at or after its own slot. */
    size_t n = DOC_NTOK(d), extra = 0;
    for (size_t i = 0; i < n; i++)
        if (split_apostrophe(DOC_TOK(d, i)))
            extra += split_token(d, lx, *DOC_TOK(d, i), NULL) - 1;
    if (!extra)
        return ATTRIB_OK;
    if (!vec_reserve(&d->tokens, n + extra, sizeof(token)))
        return ATTRIB_ENOMEM;
    for (size_t i = n, w = n + extra; i-- > 0 && w > i + 1;) {
        const token *t = DOC_TOK(d, i);
        if (!split_apostrophe(t)) {
            *DOC_TOK(d, --w) = *t;
            continue;
        }
        token parts[3];
        size_t np = split_token(d, lx, *t, parts);
        if (!np)
            return ATTRIB_ENOMEM;
        w -= np;
        memcpy(DOC_TOK(d, w), parts, np * sizeof *parts);
    }
    return ATTRIB_OK;
}
