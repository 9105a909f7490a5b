/* A growing string buffer for writing JSON (json.c, corpus.c). A failed
 * allocation sets `failed` and makes every later write a no-op, so a
 * writer checks once at the end. */
#ifndef ATTRIB_JSONBUF_H
#define ATTRIB_JSONBUF_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "attrib.h"

typedef struct jbuf {
    char *s; /* NUL-terminated; the caller frees it */
    size_t len, cap; /* cap >= len; cap == len once a write failed */
    bool failed;
} jbuf;

/* jb_put() when the buffer must grow first (or a write failed). */
void jb_put_grow(jbuf *b, const char *s, size_t n);
/* Inline: a JSON text is a few hundred short writes, most of literals,
 * whose copy the compiler makes a move or two. */
static inline void jb_put(jbuf *b, const char *s, size_t n)
{
    if (n >= b->cap - b->len) { /* no room for N bytes and the NUL */
        jb_put_grow(b, s, n);
        return;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}
/* Inline, so that the length of a literal is known at compile time. */
static inline void jb_puts(jbuf *b, const char *s) { jb_put(b, s, strlen(s)); }
/* V in decimal, without printf (spans are most of a result's numbers). */
void jb_size(jbuf *b, size_t v);
/* V, in [0, 1], with two decimals ("0.85"), whatever the locale. */
void jb_hundredths(jbuf *b, double v);
/* printf into the buffer; one write is at most 63 bytes. */
void jb_putf(jbuf *b, const char *fmt, ...);
/* S as a JSON string, or null for NULL. S is valid UTF-8. */
void jb_string(jbuf *b, const char *s);
/* Hands the buffer over: *OUT is the text (LEN, if not NULL, its length)
 * and ATTRIB_OK, or ATTRIB_ENOMEM and nothing when a write failed. */
attrib_status jb_finish(jbuf *b, char **out, size_t *len);

#endif
