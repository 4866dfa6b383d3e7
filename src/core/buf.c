/*
 * buf.c -- growable NUL-terminated byte buffer.
 */
#include "core/buf.h"
#include "core/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void
pl_buf_init(struct pl_buf *b)
{
	b->p = NULL;
	b->n = 0;
	b->cap = 0;
}

void
pl_buf_finish(struct pl_buf *b)
{
	free(b->p);
	pl_buf_init(b);
}

void
pl_buf_reset(struct pl_buf *b)
{
	b->n = 0;
	if (b->p != NULL) {
		b->p[0] = '\0';
	}
}

static void
reserve(struct pl_buf *b, size_t extra)
{
	size_t need = b->n + extra + 1;

	if (need <= b->cap) {
		return;
	}
	if (b->cap == 0) {
		b->cap = 64;
	}
	while (b->cap < need) {
		b->cap *= 2;
	}
	b->p = pl_xrealloc(b->p, b->cap);
}

void
pl_buf_add(struct pl_buf *b, const void *s, size_t n)
{
	reserve(b, n);
	if (n > 0) {
		memcpy(b->p + b->n, s, n);
	}
	b->n += n;
	b->p[b->n] = '\0';
}

void
pl_buf_adds(struct pl_buf *b, const char *s)
{
	pl_buf_add(b, s, strlen(s));
}

void
pl_buf_addc_slow(struct pl_buf *b, char c)
{
	reserve(b, 1);
	b->p[b->n++] = c;
	b->p[b->n] = '\0';
}

void
pl_buf_vprintf(struct pl_buf *b, const char *fmt, va_list ap)
{
	va_list ap2;
	int n;

	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n <= 0) {
		reserve(b, 0);
		return;
	}
	reserve(b, (size_t)n);
	vsnprintf(b->p + b->n, (size_t)n + 1, fmt, ap);
	b->n += (size_t)n;
}

void
pl_buf_printf(struct pl_buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	pl_buf_vprintf(b, fmt, ap);
	va_end(ap);
}

char *
pl_buf_take(struct pl_buf *b)
{
	char *p;

	reserve(b, 0);
	p = b->p;
	pl_buf_init(b);
	return p;
}

void
pl_buf_addu(struct pl_buf *b, unsigned long v, unsigned width)
{
	char tmp[24];
	size_t n = 0;

	do {
		tmp[sizeof(tmp) - 1 - n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v > 0);
	if (width > n) {
		pl_buf_addspaces(b, width - n);
	}
	pl_buf_add(b, tmp + sizeof(tmp) - n, n);
}

void
pl_buf_addspaces(struct pl_buf *b, size_t n)
{
	static const char blanks[] = "                                ";

	while (n > 0) {
		size_t k = n < sizeof(blanks) - 1 ? n : sizeof(blanks) - 1;

		pl_buf_add(b, blanks, k);
		n -= k;
	}
}
