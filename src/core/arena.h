/*
 * arena.h -- region allocation with named lifetimes.
 *
 * A document's tokens, tree and model live in one arena that is freed at once when the
 * document is done; the run's findings live in another. Nothing allocated from an arena is
 * freed on its own, which keeps parsers free of ownership bookkeeping.
 */
#ifndef PL_CORE_ARENA_H
#define PL_CORE_ARENA_H

#include <stdarg.h>
#include <stddef.h>

struct pl_arena_block;

struct pl_arena {
	struct pl_arena_block *head;
	size_t total; /* bytes handed out, for tests and limits */
};

void pl_arena_init(struct pl_arena *a);
void pl_arena_finish(struct pl_arena *a);

/* Zeroed memory aligned for any type; never NULL. */
void *pl_arena_alloc(struct pl_arena *a, size_t n);
/* The same without zeroing, for memory the caller fills at once. */
void *pl_arena_alloc_raw(struct pl_arena *a, size_t n);
/* Grows an array allocated from the arena: copies the old elements into a new block. */
void *pl_arena_grow(struct pl_arena *a, void *old, size_t old_n, size_t new_n, size_t size);
char *pl_arena_strdup(struct pl_arena *a, const char *s);
char *pl_arena_strndup(struct pl_arena *a, const char *s, size_t n);
char *pl_arena_printf(struct pl_arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
char *pl_arena_vprintf(struct pl_arena *a, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));

#endif
