/* A bump allocator: many small allocations that die together.
 *
 * Each document's keys, names and per-token arrays come from one arena,
 * so the per-token path costs a pointer bump rather than a malloc, and
 * freeing a document is freeing a few blocks. arena_reset() forgets every
 * allocation but keeps the blocks, so that the next document writes into
 * memory already mapped (a stream of documents stops allocating). */
#ifndef ATTRIB_ARENA_H
#define ATTRIB_ARENA_H

#include <stddef.h>

typedef struct arena_block arena_block;

typedef struct arena {
    arena_block *head;  /* the blocks in use, the newest first        */
    arena_block *spare; /* emptied by arena_reset(), used before malloc */
} arena;

/* N bytes aligned for any type, or NULL when out of memory. */
void *arena_alloc(arena *a, size_t n);
/* N elements of SIZE bytes, zeroed; NULL when out of memory or when the
 * product overflows. */
void *arena_calloc(arena *a, size_t n, size_t size);
/* A NUL-terminated copy of S[0..N), or NULL when out of memory. */
char *arena_strndup(arena *a, const char *s, size_t n);
/* Forgets every allocation. The blocks in use are kept for the next
 * allocations; spare blocks that nothing used since the last reset are
 * freed, so that what an arena keeps follows what its last use needed.
 * A reset after a reset, with nothing allocated between, does nothing. */
void arena_reset(arena *a);
void arena_free(arena *a);

#endif
