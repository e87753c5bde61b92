#ifndef TANDEM_CMARK_ARENA_H
#define TANDEM_CMARK_ARENA_H

#include <cmark.h>
#include <stddef.h>

/*
 * A per-thread arena for libcmark's trees (`arena.c` says how it works).
 * Defined in a C file of its own, not inline in a header: a header's inline
 * function with a static variable is copied into every object file that
 * calls it, and Swift's files compile to several, so a node made from one
 * file's copy went to an arena that no parse ever emptied (10,000 pages
 * kept about 25 MB of it). Tandem's Swift side uses it through `CmarkArena`.
 */

/* The allocator of the calling thread's arena. */
cmark_mem *tandem_arena_mem(void);
/* Begins a use of the arena. */
void tandem_arena_begin(void);
/* Ends a use of the arena; the outermost end empties it. */
void tandem_arena_end(void);
/* Parses `length` bytes of Markdown into a tree in this thread's arena. */
cmark_node *tandem_arena_parse(const char *text, size_t length, int options);

/* The bytes the calling thread's arena holds (its blocks, used or kept). */
size_t tandem_arena_size(void);

#endif
