/*
 * str.h -- string slices and small helpers that every module needs.
 */
#ifndef PL_CORE_STR_H
#define PL_CORE_STR_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

/* A view into memory owned elsewhere (usually the source text); not NUL-terminated. */
struct pl_str {
	const char *p;
	size_t n;
};

#define PL_STR(lit) ((struct pl_str){ (lit), sizeof(lit) - 1 })

/* strcmp(a, b) == 0, settling most unequal pairs on the first byte without a call. */
static inline bool
pl_streq(const char *a, const char *b)
{
	return a[0] == b[0] && strcmp(a, b) == 0;
}

bool pl_str_eq(struct pl_str a, const char *s);
bool pl_str_ieq(struct pl_str a, const char *s);
bool pl_streq_ci(const char *a, const char *b);
/* S begins with PREFIX; the first byte settles most calls without one to strncmp. */
static inline bool
pl_starts_with(const char *s, const char *prefix)
{
	return prefix[0] == '\0' ||
	       (s[0] == prefix[0] && strncmp(s + 1, prefix + 1, strlen(prefix + 1)) == 0);
}
bool pl_ends_with(const char *s, const char *suffix);
bool pl_starts_with_ci(const char *s, const char *prefix);
/* Case-insensitive substring search; NULL when absent. */
const char *pl_strcasestr(const char *hay, const char *needle);

#endif
