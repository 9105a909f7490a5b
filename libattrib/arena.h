/* A bump allocator: many small allocations that die together.
 *
 * Each document's keys and names come from one arena, so the per-token
 * path costs a pointer bump rather than a malloc, and freeing a document
 * is freeing a few blocks. arena_reset() keeps the first block for reuse. */
#ifndef ATTRIB_ARENA_H
#define ATTRIB_ARENA_H

#include <stddef.h>

typedef struct arena_block arena_block;

typedef struct arena {
    arena_block *head;
    arena_block *spare;  /* emptied by arena_reset(), used before malloc */
} arena;

/* N bytes aligned for any type, or NULL when out of memory. */
void *arena_alloc(arena *a, size_t n);
/* A NUL-terminated copy of S[0..N), or NULL when out of memory. */
char *arena_strndup(arena *a, const char *s, size_t n);
/* Forgets every allocation but keeps the blocks for the next ones: a
 * document reuses the memory of the one before it. */
void arena_reset(arena *a);
void arena_free(arena *a);

#endif
