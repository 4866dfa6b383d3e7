/*
 * str.c -- slice comparisons and ASCII case-insensitive helpers.
 *
 * Case folding is ASCII only on purpose: Dockerfile keywords, flags and the names rules
 * look for are ASCII, and locale-dependent folding would make results machine-dependent.
 */
#include "core/str.h"

#include <string.h>

static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

bool
pl_str_eq(struct pl_str a, const char *s)
{
	size_t n = strlen(s);

	return a.n == n && memcmp(a.p, s, n) == 0;
}

bool
pl_str_ieq(struct pl_str a, const char *s)
{
	size_t i, n = strlen(s);

	if (a.n != n) {
		return false;
	}
	for (i = 0; i < n; i++) {
		if (lower((unsigned char)a.p[i]) != lower((unsigned char)s[i])) {
			return false;
		}
	}
	return true;
}

bool
pl_streq_ci(const char *a, const char *b)
{
	for (; *a && *b; a++, b++) {
		if (lower((unsigned char)*a) != lower((unsigned char)*b)) {
			return false;
		}
	}
	return *a == *b;
}

bool
pl_starts_with_ci(const char *s, const char *prefix)
{
	for (; *prefix; s++, prefix++) {
		if (*s == '\0' || lower((unsigned char)*s) != lower((unsigned char)*prefix)) {
			return false;
		}
	}
	return true;
}

bool
pl_ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && memcmp(s + n - m, suffix, m) == 0;
}

const char *
pl_strcasestr(const char *hay, const char *needle)
{
	/* Candidates start with the needle's first byte in either case; strpbrk finds them
	 * many bytes at a time before the full comparison. */
	char first[3] = { (char)lower((unsigned char)needle[0]), 0, 0 };

	if (needle[0] == '\0') {
		return hay;
	}
	if (first[0] >= 'a' && first[0] <= 'z') {
		first[1] = (char)(first[0] - 32);
	}
	while ((hay = strpbrk(hay, first)) != NULL) {
		if (pl_starts_with_ci(hay + 1, needle + 1)) {
			return hay;
		}
		hay++;
	}
	return NULL;
}
