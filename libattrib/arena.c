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

/* The smallest spare block of at least N bytes, taken off the spare
 * list; NULL when none. Best fit, so that a small request does not take
 * the block a document's per-token array needs next. */
static arena_block *take_spare(arena *a, size_t n)
{
    arena_block **best = NULL;
    for (arena_block **p = &a->spare; *p; p = &(*p)->next)
        if ((*p)->cap >= n && (!best || (*p)->cap < (*best)->cap))
            best = p;
    if (!best)
        return NULL;
    arena_block *b = *best;
    *best = b->next;
    return b;
}

/* N bytes at a multiple of ALIGN (a power of two) in the first block. */
static void *bump(arena *a, size_t n, size_t align)
{
    arena_block *b = a->head;
    size_t at = b ? (b->used + align - 1) & ~(align - 1) : 0;
    if (!b || at > b->cap || b->cap - at < n) {
        size_t cap = n > ARENA_BLOCK_MIN ? n : ARENA_BLOCK_MIN;
        b = take_spare(a, n);
        if (!b) {
            if (cap > SIZE_MAX - sizeof(arena_block))
                return NULL;
            b = malloc(sizeof(arena_block) + cap);
            if (!b)
                return NULL;
            b->cap = cap;
        }
        b->next = a->head;
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

void *arena_calloc(arena *a, size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size)
        return NULL;
    void *p = bump(a, n * size, sizeof(max_align_t));
    if (p)
        memset(p, 0, n * size);
    return p;
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

static void free_list(arena_block *b)
{
    while (b) {
        arena_block *next = b->next;
        free(b);
        b = next;
    }
}

void arena_reset(arena *a)
{
    /* Nothing allocated since the last reset (a stage reset its scratch,
     * then the document is put by): no use to learn from, keep all. */
    if (!a->head)
        return;
    free_list(a->spare);
    a->spare = a->head;
    a->head = NULL;
}

void arena_free(arena *a)
{
    free_list(a->head);
    free_list(a->spare);
    a->head = a->spare = NULL;
}
