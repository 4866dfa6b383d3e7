/*
 * xalloc.c -- allocation that aborts with a message instead of returning NULL.
 */
#include "core/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
oom(size_t n)
{
	fprintf(stderr, "plimsoll: out of memory (%zu bytes)\n", n);
	abort();
}

void *
pl_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL) {
		oom(n);
	}
	return p;
}

void *
pl_xcalloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);

	if (p == NULL) {
		oom(count * size);
	}
	return p;
}

void *
pl_xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (q == NULL) {
		oom(n);
	}
	return q;
}

char *
pl_xstrdup(const char *s)
{
	return pl_xstrndup(s, strlen(s));
}

char *
pl_xstrndup(const char *s, size_t n)
{
	char *p = pl_xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}
