#include "CCmarkArena.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * An arena for libcmark's trees, one per thread. A parse allocates a node
 * and a buffer or two for every block and inline of a page, and freeing them
 * one by one cost as much as parsing: here they are carved from blocks of
 * 1 MiB, `free` does nothing, and the whole tree goes at once when the
 * outermost `tandem_arena_end` of the thread is reached. The blocks are kept
 * for the next page (up to 8 MiB; a larger page's are given back).
 * Tandem's Swift side uses it through `CmarkArena`, never directly.
 */

typedef struct tandem_arena_block {
    struct tandem_arena_block *next;
    size_t size;
    size_t used;
    size_t padding; /* keeps the data 16-byte aligned */
} tandem_arena_block;

typedef struct tandem_arena_state {
    tandem_arena_block *first;   /* every block of the thread, in order of use */
    tandem_arena_block *current; /* the block being filled */
    int depth;                   /* uses of the arena begun and not ended */
} tandem_arena_state;

/* The thread's arena: one definition for the whole program. */
static __thread tandem_arena_state state;

static tandem_arena_state *tandem_arena(void) { return &state; }

static void *tandem_arena_allocate(size_t size) {
    tandem_arena_state *arena = tandem_arena();
    size_t rounded = (size + 15) & ~(size_t)15;
    size_t need = rounded + 16;
    if (rounded < size || need < rounded) {
        fprintf(stderr, "[tandem] cmark asked for too much memory, aborting\n");
        abort();
    }
    tandem_arena_block *block = arena->current;
    if (block == NULL || block->size - block->used < need) {
        if (block != NULL && block->next != NULL && block->next->size - block->next->used >= need) {
            block = block->next;
        } else {
            size_t size = need > ((size_t)1 << 20) ? need : ((size_t)1 << 20);
            tandem_arena_block *fresh = malloc(sizeof(tandem_arena_block) + size);
            if (fresh == NULL) {
                fprintf(stderr, "[tandem] out of memory for cmark, aborting\n");
                abort();
            }
            fresh->size = size;
            fresh->used = 0;
            if (block == NULL) {
                fresh->next = arena->first;
                arena->first = fresh;
            } else {
                fresh->next = block->next;
                block->next = fresh;
            }
            block = fresh;
        }
        arena->current = block;
    }
    char *start = (char *)(block + 1) + block->used;
    block->used += need;
    *(size_t *)start = rounded;
    return start + 16;
}

static void *tandem_arena_calloc(size_t count, size_t size) {
    if (size != 0 && count > (size_t)-1 / size) {
        fprintf(stderr, "[tandem] cmark asked for too much memory, aborting\n");
        abort();
    }
    void *pointer = tandem_arena_allocate(count * size);
    memset(pointer, 0, count * size);
    return pointer;
}

static void *tandem_arena_realloc(void *pointer, size_t size) {
    if (pointer == NULL) return tandem_arena_allocate(size);
    size_t old = *(size_t *)((char *)pointer - 16);
    if (size <= old) return pointer;
    tandem_arena_block *block = tandem_arena()->current;
    size_t rounded = (size + 15) & ~(size_t)15;
    /* The last allocation of the block grows where it is. */
    if (block != NULL && (char *)pointer + old == (char *)(block + 1) + block->used
        && rounded >= size && block->size - block->used >= rounded - old) {
        block->used += rounded - old;
        *(size_t *)((char *)pointer - 16) = rounded;
        return pointer;
    }
    void *moved = tandem_arena_allocate(size);
    memcpy(moved, pointer, old);
    return moved;
}

static void tandem_arena_free(void *pointer) { (void)pointer; }

cmark_mem *tandem_arena_mem(void) {
    static cmark_mem mem = {tandem_arena_calloc, tandem_arena_realloc, tandem_arena_free};
    return &mem;
}

void tandem_arena_begin(void) { tandem_arena()->depth += 1; }

/* Ends a use of the arena; the outermost end empties it. */
void tandem_arena_end(void) {
    tandem_arena_state *arena = tandem_arena();
    arena->depth -= 1;
    if (arena->depth > 0) return;
    size_t kept = 0;
    tandem_arena_block **link = &arena->first;
    while (*link != NULL) {
        tandem_arena_block *block = *link;
        if (kept + block->size > ((size_t)8 << 20)) {
            *link = block->next;
            free(block);
        } else {
            kept += block->size;
            block->used = 0;
            link = &block->next;
        }
    }
    arena->current = arena->first;
}

/* Parses `length` bytes of Markdown into a tree in this thread's arena. */
cmark_node *tandem_arena_parse(const char *text, size_t length, int options) {
    cmark_parser *parser = cmark_parser_new_with_mem(options, tandem_arena_mem());
    cmark_parser_feed(parser, text, length);
    cmark_node *document = cmark_parser_finish(parser);
    cmark_parser_free(parser);
    return document;
}

size_t tandem_arena_size(void) {
    size_t size = 0;
    for (tandem_arena_block *block = tandem_arena()->first; block != NULL; block = block->next) size += block->size;
    return size;
}
