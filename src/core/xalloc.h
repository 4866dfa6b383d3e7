/*
 * xalloc.h -- allocation that never returns NULL.
 *
 * Running out of memory is not an input error: every input is bounded by limits.h, so an
 * allocation failure means the machine is exhausted and the only honest answer is to stop.
 */
#ifndef PL_CORE_XALLOC_H
#define PL_CORE_XALLOC_H

#include <stddef.h>

void *pl_xmalloc(size_t n);
void *pl_xcalloc(size_t count, size_t size);
void *pl_xrealloc(void *p, size_t n);
char *pl_xstrdup(const char *s);
char *pl_xstrndup(const char *s, size_t n);

#endif
