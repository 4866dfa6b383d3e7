/*
 * buf.h -- a growable byte buffer that is always NUL-terminated.
 *
 * Used to build output and expanded strings whose size is not known in advance. The
 * buffer owns heap memory: pl_buf_finish frees it, pl_buf_take hands it to the caller.
 */
#ifndef PL_CORE_BUF_H
#define PL_CORE_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct pl_buf {
	char *p;
	size_t n, cap;
};

void pl_buf_init(struct pl_buf *b);
void pl_buf_finish(struct pl_buf *b);
void pl_buf_reset(struct pl_buf *b);
void pl_buf_add(struct pl_buf *b, const void *s, size_t n);
void pl_buf_adds(struct pl_buf *b, const char *s);
void pl_buf_addc_slow(struct pl_buf *b, char c);
/* Appends one byte; inline because output is built byte by byte. */
static inline void
pl_buf_addc(struct pl_buf *b, char c)
{
	if (b->n + 2 <= b->cap) {
		b->p[b->n++] = c;
		b->p[b->n] = '\0';
	} else {
		pl_buf_addc_slow(b, c);
	}
}
void pl_buf_printf(struct pl_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void pl_buf_vprintf(struct pl_buf *b, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
/* Appends V in decimal, right-aligned in WIDTH columns (0: no padding). */
void pl_buf_addu(struct pl_buf *b, unsigned long v, unsigned width);
/* Appends N blanks. */
void pl_buf_addspaces(struct pl_buf *b, size_t n);
/* Returns the heap string and leaves the buffer empty. */
char *pl_buf_take(struct pl_buf *b);

#endif
