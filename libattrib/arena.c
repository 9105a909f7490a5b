/* Bump allocation for per-document data (see arena.h). */
#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct arena_block {
    arena_block *next;
    size_t cap, used;
    max_align_t data[];
};

/* Large enough that a news article needs one or two blocks. */
#define ARENA_BLOCK_MIN (64 * 1024)

/* N bytes at a multiple of ALIGN (a power of two) in the first block. */
static void *bump(arena *a, size_t n, size_t align)
{
    arena_block *b = a->head;
    size_t at = b ? (b->used + align - 1) & ~(align - 1) : 0;
    if (!b || at > b->cap || b->cap - at < n) {
        if (a->spare && a->spare->cap >= n) {
            b = a->spare;
            a->spare = b->next;
            b->next = a->head;
            b->used = n;
            a->head = b;
            return b->data;
        }
        size_t cap = n > ARENA_BLOCK_MIN ? n : ARENA_BLOCK_MIN;
        if (cap > SIZE_MAX - sizeof(arena_block))
            return NULL;
        b = malloc(sizeof(arena_block) + cap);
        if (!b)
            return NULL;
        b->next = a->head;
        b->cap = cap;
        b->used = 0;
        a->head = b;
        at = 0;
    }
    b->used = at + n;
    return (char *)b->data + at;
}

void *arena_alloc(arena *a, size_t n)
{
    return bump(a, n, sizeof(max_align_t));
}

char *arena_strndup(arena *a, const char *s, size_t n)
{
    /* Strings need no alignment: a document's many short keys pack. */
    char *p = n < SIZE_MAX ? bump(a, n + 1, 1) : NULL;
    if (!p)
        return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

void arena_reset(arena *a)
{
    while (a->head) {
        arena_block *b = a->head;
        a->head = b->next;
        b->next = a->spare;
        a->spare = b;
    }
}

void arena_free(arena *a)
{
    arena_reset(a);
    arena_block *b = a->spare;
    while (b) {
        arena_block *next = b->next;
        free(b);
        b = next;
    }
    a->spare = NULL;
}
