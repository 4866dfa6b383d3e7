/*
 * arena.c -- bump allocation in blocks that double in size up to a ceiling.
 */
#include "core/arena.h"
#include "core/xalloc.h"

#include <stdalign.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct pl_arena_block {
	struct pl_arena_block *next;
	size_t size, used;
	alignas(max_align_t) unsigned char data[];
};

/* First block small so that parsing a 200-byte Dockerfile stays cheap; later blocks grow
 * to 1 MiB so that large inputs cost few mallocs. */
enum { FIRST_BLOCK = 16 * 1024, MAX_BLOCK = 1024 * 1024 };

void
pl_arena_init(struct pl_arena *a)
{
	a->head = NULL;
	a->total = 0;
}

void
pl_arena_finish(struct pl_arena *a)
{
	struct pl_arena_block *b = a->head, *next;

	for (; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	a->head = NULL;
	a->total = 0;
}

void *
pl_arena_alloc_raw(struct pl_arena *a, size_t n)
{
	const size_t align = alignof(max_align_t);
	struct pl_arena_block *b = a->head;
	size_t size;
	void *p;

	n = (n + align - 1) & ~(align - 1);
	if (n == 0) {
		n = align;
	}
	if (b == NULL || b->size - b->used < n) {
		size = b == NULL ? FIRST_BLOCK : b->size * 2;
		if (size > MAX_BLOCK) {
			size = MAX_BLOCK;
		}
		if (size < n) {
			size = n;
		}
		b = pl_xmalloc(sizeof(*b) + size);
		b->size = size;
		b->used = 0;
		b->next = a->head;
		a->head = b;
	}
	p = b->data + b->used;
	b->used += n;
	a->total += n;
	return p;
}

void *
pl_arena_alloc(struct pl_arena *a, size_t n)
{
	void *p = pl_arena_alloc_raw(a, n);

	memset(p, 0, n);
	return p;
}

void *
pl_arena_grow(struct pl_arena *a, void *old, size_t old_n, size_t new_n, size_t size)
{
	void *p = pl_arena_alloc_raw(a, new_n * size);
	size_t keep = old != NULL ? (old_n < new_n ? old_n : new_n) * size : 0;

	if (keep > 0) {
		memcpy(p, old, keep);
	}
	memset((unsigned char *)p + keep, 0, new_n * size - keep);
	return p;
}

char *
pl_arena_strndup(struct pl_arena *a, const char *s, size_t n)
{
	char *p = pl_arena_alloc_raw(a, n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
pl_arena_strdup(struct pl_arena *a, const char *s)
{
	return pl_arena_strndup(a, s, strlen(s));
}

char *
pl_arena_vprintf(struct pl_arena *a, const char *fmt, va_list ap)
{
	/* Most strings fit in a small buffer: one formatting pass instead of two. */
	char small[256];
	va_list ap2;
	int n;
	char *p;

	va_copy(ap2, ap);
	n = vsnprintf(small, sizeof(small), fmt, ap2);
	va_end(ap2);
	if (n < 0) {
		n = 0;
		small[0] = '\0';
	}
	if ((size_t)n < sizeof(small)) {
		return pl_arena_strndup(a, small, (size_t)n);
	}
	p = pl_arena_alloc(a, (size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *
pl_arena_printf(struct pl_arena *a, const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	p = pl_arena_vprintf(a, fmt, ap);
	va_end(ap);
	return p;
}
