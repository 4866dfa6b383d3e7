/*
 * dockerignore.c -- .dockerignore reading and matching, step for step as Docker does it.
 *
 * Docker's code path is short but full of corners, and a linter that disagrees with the
 * builder about which files are sent is worse than none. So this file repeats it closely:
 * Go's UTF-8 decoding, strings.TrimSpace, filepath.Clean and filepath.Match (the syntax
 * check), moby/patternmatcher's translation of a pattern to an exact, prefix, suffix or
 * regular-expression test, the subset of Go's regexp syntax that translation can produce
 * (parsed the way Go parses it, errors included), and BuildKit's walk that carries each
 * directory's per-pattern results down to its entries.
 *
 * The regular expressions run on a small Pike VM over Go runes: linear in the path length
 * times the program size, with no backtracking, like Go's own engine.
 */
#include "parse/dockerignore.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/buf.h"
#include "core/limits.h"
#include "core/source.h"
#include "core/xalloc.h"

#define RUNE_ERROR 0xFFFD
#define MAX_RUNE 0x10FFFF

/* ------------------------------------------------------------------------------------ */
/* Go's UTF-8 and white space                                                             */

/* utf8.DecodeRune: an invalid or truncated sequence is U+FFFD one byte wide. N > 0. */
static int32_t
decode(const unsigned char *s, size_t n, size_t *w)
{
	unsigned c = s[0], lo = 0x80, hi = 0xBF;
	size_t need, i;
	int32_t r;

	if (c < 0x80) {
		*w = 1;
		return (int32_t)c;
	}
	if (c < 0xC2 || c > 0xF4) {
		goto bad;
	}
	if (c < 0xE0) {
		need = 1;
		r = c & 0x1F;
	} else if (c < 0xF0) {
		need = 2;
		r = c & 0x0F;
		lo = c == 0xE0 ? 0xA0 : 0x80;
		hi = c == 0xED ? 0x9F : 0xBF;
	} else {
		need = 3;
		r = c & 0x07;
		lo = c == 0xF0 ? 0x90 : 0x80;
		hi = c == 0xF4 ? 0x8F : 0xBF;
	}
	if (n <= need || s[1] < lo || s[1] > hi) {
		goto bad;
	}
	r = r << 6 | (s[1] & 0x3F);
	for (i = 2; i <= need; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			goto bad;
		}
		r = r << 6 | (s[i] & 0x3F);
	}
	*w = need + 1;
	return r;
bad:
	*w = 1;
	return RUNE_ERROR;
}

static void
put_rune(struct pl_buf *b, int32_t r)
{
	char s[4];

	if (r < 0x80) {
		pl_buf_addc(b, (char)r);
	} else if (r < 0x800) {
		s[0] = (char)(0xC0 | r >> 6);
		s[1] = (char)(0x80 | (r & 0x3F));
		pl_buf_add(b, s, 2);
	} else if (r < 0x10000) {
		s[0] = (char)(0xE0 | r >> 12);
		s[1] = (char)(0x80 | (r >> 6 & 0x3F));
		s[2] = (char)(0x80 | (r & 0x3F));
		pl_buf_add(b, s, 3);
	} else {
		s[0] = (char)(0xF0 | r >> 18);
		s[1] = (char)(0x80 | (r >> 12 & 0x3F));
		s[2] = (char)(0x80 | (r >> 6 & 0x3F));
		s[3] = (char)(0x80 | (r & 0x3F));
		pl_buf_add(b, s, 4);
	}
}

/* unicode.IsSpace. */
static bool
go_space(int32_t r)
{
	switch (r) {
	case '\t': case '\n': case '\v': case '\f': case '\r': case ' ': case 0x85: case 0xA0:
	case 0x1680: case 0x2028: case 0x2029: case 0x202F: case 0x205F: case 0x3000:
		return true;
	}
	return r >= 0x2000 && r <= 0x200A;
}

/* Length of the white-space rune that ends S[0..n), 0 when none. Each space encoding
 * starts with a lead byte followed by continuation bytes, so this is what Go's
 * utf8.DecodeLastRune finds. */
static size_t
space_at_end(const unsigned char *s, size_t n)
{
	size_t w, k;

	for (k = 1; k <= 3 && k <= n; k++) {
		if ((s[n - k] & 0xC0) == 0x80) {
			continue;
		}
		if (go_space(decode(s + n - k, k, &w)) && w == k) {
			return k;
		}
		return 0;
	}
	return 0;
}

/* strings.TrimSpace on the slice *P[0..*N). */
static void
trim_space(const char **p, size_t *n)
{
	const unsigned char *s = (const unsigned char *)*p;
	size_t len = *n, w, k;

	while (len > 0 && go_space(decode(s, len, &w))) {
		s += w;
		len -= w;
	}
	while (len > 0 && (k = space_at_end(s, len)) > 0) {
		len -= k;
	}
	*p = (const char *)s;
	*n = len;
}

/* ------------------------------------------------------------------------------------ */
/* filepath.Clean and filepath.Match                                                      */

size_t
pl_di_clean(const char *s, size_t n, char *out)
{
	bool rooted = n > 0 && s[0] == '/';
	size_t r = 0, w = 0, dotdot = 0;

	if (n == 0) {
		out[0] = '.';
		out[1] = '\0';
		return 1;
	}
	if (rooted) {
		out[w++] = '/';
		r = dotdot = 1;
	}
	while (r < n) {
		if (s[r] == '/') {
			r++;
		} else if (s[r] == '.' && (r + 1 == n || s[r + 1] == '/')) {
			r++;
		} else if (s[r] == '.' && s[r + 1] == '.' && (r + 2 == n || s[r + 2] == '/')) {
			r += 2;
			if (w > dotdot) {
				w--;
				while (w > dotdot && out[w] != '/') {
					w--;
				}
			} else if (!rooted) {
				if (w > 0) {
					out[w++] = '/';
				}
				out[w++] = '.';
				out[w++] = '.';
				dotdot = w;
			}
		} else {
			if ((rooted && w != 1) || (!rooted && w != 0)) {
				out[w++] = '/';
			}
			for (; r < n && s[r] != '/'; r++) {
				out[w++] = s[r];
			}
		}
	}
	if (w == 0) {
		out[w++] = '.';
	}
	out[w] = '\0';
	return w;
}

/* filepath's scanChunk: an optional run of '*', then text up to the next '*' that is not
 * inside brackets. */
static void
scan_chunk(const unsigned char **pat, size_t *plen, bool *star, const unsigned char **chunk,
	   size_t *clen)
{
	const unsigned char *p = *pat;
	size_t n = *plen, i;
	bool inrange = false;

	*star = false;
	while (n > 0 && *p == '*') {
		p++;
		n--;
		*star = true;
	}
	for (i = 0; i < n; i++) {
		if (p[i] == '\\') {
			if (i + 1 < n) {
				i++;
			}
		} else if (p[i] == '[') {
			inrange = true;
		} else if (p[i] == ']') {
			inrange = false;
		} else if (p[i] == '*' && !inrange) {
			break;
		}
	}
	*chunk = p;
	*clen = i;
	*pat = p + i;
	*plen = n - i;
}

/* filepath's getEsc: one possibly escaped character of a class. 0, or -1 on bad syntax. */
static int
get_esc(const unsigned char **c, size_t *n, int32_t *r)
{
	const unsigned char *p = *c;
	size_t m = *n, w;

	if (m == 0 || *p == '-' || *p == ']') {
		return -1;
	}
	if (*p == '\\') {
		p++;
		m--;
		if (m == 0) {
			return -1;
		}
	}
	*r = decode(p, m, &w);
	if (*r == RUNE_ERROR && w == 1) {
		return -1;
	}
	p += w;
	m -= w;
	if (m == 0) {
		return -1;
	}
	*c = p;
	*n = m;
	return 0;
}

/* filepath's matchChunk: 1 when CHUNK matches a prefix of S (the rest in *REST, *RN),
 * 0 when not, -1 on bad syntax. After a mismatch the chunk is still parsed to the end, so
 * that syntax errors are found whatever S is (Go 1.16 and later). */
static int
match_chunk(const unsigned char *chunk, size_t cn, const unsigned char *s, size_t sn,
	    const unsigned char **rest, size_t *rn)
{
	bool failed = false;
	size_t w;

	while (cn > 0) {
		if (!failed && sn == 0) {
			failed = true;
		}
		if (*chunk == '[') {
			int32_t r = 0, lo, hi;
			bool neg = false, match = false;
			int nrange = 0;

			if (!failed) {
				r = decode(s, sn, &w);
				s += w;
				sn -= w;
			}
			chunk++;
			cn--;
			if (cn > 0 && *chunk == '^') {
				neg = true;
				chunk++;
				cn--;
			}
			for (;;) {
				if (cn > 0 && *chunk == ']' && nrange > 0) {
					chunk++;
					cn--;
					break;
				}
				if (get_esc(&chunk, &cn, &lo) < 0) {
					return -1;
				}
				hi = lo;
				if (*chunk == '-') {
					chunk++;
					cn--;
					if (get_esc(&chunk, &cn, &hi) < 0) {
						return -1;
					}
				}
				if (lo <= r && r <= hi) {
					match = true;
				}
				nrange++;
			}
			if (match == neg) {
				failed = true;
			}
			continue;
		}
		if (*chunk == '?') {
			if (!failed) {
				if (*s == '/') {
					failed = true;
				}
				decode(s, sn, &w);
				s += w;
				sn -= w;
			}
			chunk++;
			cn--;
			continue;
		}
		if (*chunk == '\\') {
			chunk++;
			cn--;
			if (cn == 0) {
				return -1;
			}
		}
		if (!failed) {
			if (*chunk != *s) {
				failed = true;
			}
			s++;
			sn--;
		}
		chunk++;
		cn--;
	}
	if (failed) {
		return 0;
	}
	*rest = s;
	*rn = sn;
	return 1;
}

int
pl_di_filepath_match(const char *pattern, size_t plen, const char *name, size_t nlen)
{
	const unsigned char *p = (const unsigned char *)pattern, *nm = (const unsigned char *)name;
	const unsigned char *chunk, *t;
	size_t pn = plen, nn = nlen, cn, tn, i;
	bool star, advanced;
	int rc;

	while (pn > 0) {
		scan_chunk(&p, &pn, &star, &chunk, &cn);
		if (star && cn == 0) {
			return memchr(nm, '/', nn) == NULL;
		}
		rc = match_chunk(chunk, cn, nm, nn, &t, &tn);
		if (rc == 1 && (tn == 0 || pn > 0)) {
			nm = t;
			nn = tn;
			continue;
		}
		if (rc < 0) {
			return -1;
		}
		advanced = false;
		if (star) {
			for (i = 0; i < nn && nm[i] != '/'; i++) {
				rc = match_chunk(chunk, cn, nm + i + 1, nn - i - 1, &t, &tn);
				if (rc == 1) {
					if (pn == 0 && tn > 0) {
						continue;
					}
					nm = t;
					nn = tn;
					advanced = true;
					break;
				}
				if (rc < 0) {
					return -1;
				}
			}
		}
		if (advanced) {
			continue;
		}
		while (pn > 0) {
			scan_chunk(&p, &pn, &star, &chunk, &cn);
			if (match_chunk(chunk, cn, (const unsigned char *)"", 0, &t, &tn) < 0) {
				return -1;
			}
		}
		return 0;
	}
	return nn == 0;
}

/* ------------------------------------------------------------------------------------ */
/* Pattern to regular expression, as patternmatcher's compile()                           */

/* Characters patternmatcher escapes because they mean something to regexp but nothing to
 * filepath.Match. */
static bool
regexp_meta(int32_t c)
{
	return c != 0 && c < 0x80 && strchr(".+()|{}$", (int)c) != NULL;
}

/*
 * Decides how Docker tests paths against the cleaned pattern P[0..n) and, for
 * PL_DI_REGEXP, writes the expression to RE. Runes are read as Go's text/scanner reads
 * them: a byte order mark at the very start is skipped and an invalid byte is U+FFFD.
 */
static enum pl_di_kind
translate(const char *p, size_t n, struct pl_buf *re)
{
	const unsigned char *s = (const unsigned char *)p;
	enum pl_di_kind kind = PL_DI_EXACT;
	size_t pos = 0, w;
	unsigned i;
	int32_t ch;

	pl_buf_addc(re, '^');
	if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
		pos = 3;
	}
	for (i = 0; pos < n; i++) {
		ch = decode(s + pos, n - pos, &w);
		pos += w;
		if (ch == '*') {
			if (pos < n && s[pos] == '*') {
				pos++;
				if (pos < n && s[pos] == '/') {
					pos++;
				}
				if (pos == n) {
					if (kind == PL_DI_EXACT) {
						kind = PL_DI_PREFIX;
					} else {
						pl_buf_adds(re, ".*");
						kind = PL_DI_REGEXP;
					}
				} else {
					pl_buf_adds(re, "(.*/)?");
					kind = PL_DI_REGEXP;
				}
				if (i == 0) {
					kind = PL_DI_SUFFIX;
				}
			} else {
				pl_buf_adds(re, "[^/]*");
				kind = PL_DI_REGEXP;
			}
		} else if (ch == '?') {
			pl_buf_adds(re, "[^/]");
			kind = PL_DI_REGEXP;
		} else if (regexp_meta(ch)) {
			pl_buf_addc(re, '\\');
			pl_buf_addc(re, (char)ch);
		} else if (ch == '\\') {
			if (pos < n) {
				pl_buf_addc(re, '\\');
				put_rune(re, decode(s + pos, n - pos, &w));
				pos += w;
				kind = PL_DI_REGEXP;
			} else {
				pl_buf_addc(re, '\\');
			}
		} else if (ch == '[' || ch == ']') {
			pl_buf_addc(re, (char)ch);
			kind = PL_DI_REGEXP;
		} else {
			put_rune(re, ch);
		}
	}
	if (kind == PL_DI_REGEXP) {
		pl_buf_addc(re, '$');
	}
	return kind;
}

/* ------------------------------------------------------------------------------------ */
/* The regular expression: Go's regexp/syntax with the Perl flags, for what translate()   */
/* can produce                                                                            */

enum {
	R_LIT,   /* one rune */
	R_CLASS, /* a set of runes */
	R_ANY,   /* any rune but '\n' (Go's '.' without the s flag) */
	R_BOT,   /* ^ or \A: beginning of text */
	R_EOT,   /* $ or \z: end of text */
	R_WB,    /* \b: ASCII word boundary */
	R_NWB,   /* \B */
	R_GROUP, /* ( ... ) */
};

struct rnode {
	unsigned char kind, rep; /* rep: 0, '*', '+' or '?' */
	int32_t rune;            /* R_LIT */
	uint32_t cls;            /* R_CLASS: index of its first range; nranges follow */
	uint32_t nranges;
	struct rnode *kids;      /* R_GROUP: its concatenation */
	size_t nkids;
};

enum { I_RUNE, I_CLASS, I_ANY, I_BOT, I_EOT, I_WB, I_NWB, I_SPLIT, I_JMP, I_MATCH };

struct inst {
	unsigned char op;
	int32_t x;  /* I_RUNE: the rune; I_CLASS: first range; I_SPLIT, I_JMP: target */
	uint32_t y; /* I_CLASS: number of ranges; I_SPLIT: second target */
};

struct pl_di_prog {
	struct inst *inst;
	uint32_t ninst;
	int32_t *ranges; /* lo, hi pairs, sorted and disjoint per class */
	bool anchored;   /* the program starts with R_BOT: only a match from 0 is possible */
};

struct rparser {
	const unsigned char *s, *end;
	struct pl_arena *a;
	int32_t *ranges; /* all classes' ranges */
	size_t nranges, cap;
	const char *err;      /* Go's error code text */
	bool unsupported;
	unsigned depth;
};

static void
add_range(struct rparser *p, int32_t lo, int32_t hi)
{
	if (p->nranges + 2 > p->cap) {
		size_t ncap = p->cap ? p->cap * 2 : 64;

		p->ranges = pl_arena_grow(p->a, p->ranges, p->nranges, ncap, sizeof(*p->ranges));
		p->cap = ncap;
	}
	p->ranges[p->nranges++] = lo;
	p->ranges[p->nranges++] = hi;
}

static int
cmp_range(const void *a, const void *b)
{
	int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;

	return x < y ? -1 : x > y;
}

/* Sorts and merges the ranges from FIRST on, negating them when NEG; returns the number of
 * pairs left. */
static uint32_t
finish_class(struct rparser *p, size_t first, bool neg)
{
	int32_t *r = p->ranges + first;
	size_t n = (p->nranges - first) / 2, i, k = 0;
	int32_t next;

	qsort(r, n, 2 * sizeof(*r), cmp_range);
	for (i = 0; i < n; i++) {
		if (k > 0 && r[i * 2] <= r[(k - 1) * 2 + 1] + 1) {
			if (r[i * 2 + 1] > r[(k - 1) * 2 + 1]) {
				r[(k - 1) * 2 + 1] = r[i * 2 + 1];
			}
			continue;
		}
		r[k * 2] = r[i * 2];
		r[k * 2 + 1] = r[i * 2 + 1];
		k++;
	}
	p->nranges = first + k * 2;
	if (neg) {
		int32_t *copy = pl_xmalloc((k * 2 + 1) * sizeof(*copy));

		memcpy(copy, r, k * 2 * sizeof(*copy));
		p->nranges = first;
		next = 0;
		for (i = 0; i < k; i++) {
			if (copy[i * 2] > next) {
				add_range(p, next, copy[i * 2] - 1);
			}
			next = copy[i * 2 + 1] + 1;
		}
		if (next <= MAX_RUNE) {
			add_range(p, next, MAX_RUNE);
		}
		free(copy);
	}
	return (uint32_t)((p->nranges - first) / 2);
}

/* Go's nextRune: the regular expression is valid UTF-8 by construction. */
static int32_t
next_rune(struct rparser *p)
{
	size_t w;
	int32_t r = decode(p->s, (size_t)(p->end - p->s), &w);

	p->s += w;
	return r;
}

static int
unhex(int32_t c)
{
	if (c >= '0' && c <= '9') {
		return c - '0';
	}
	if (c >= 'a' && c <= 'f') {
		return c - 'a' + 10;
	}
	if (c >= 'A' && c <= 'F') {
		return c - 'A' + 10;
	}
	return -1;
}

static bool
isalnum_ascii(int32_t c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Go's parseEscape, at a backslash: one rune, or -1 with p->err set. */
static int32_t
parse_escape(struct rparser *p)
{
	int32_t c, r, x, y;
	int i, nhex;

	p->s++;
	if (p->s >= p->end) {
		p->err = "trailing backslash at end of expression";
		return -1;
	}
	c = next_rune(p);
	if (c < 0x80 && !isalnum_ascii(c)) {
		return c;
	}
	switch (c) {
	case '1': case '2': case '3': case '4': case '5': case '6': case '7':
		if (p->s >= p->end || *p->s < '0' || *p->s > '7') {
			break; /* a back reference: Go has none */
		}
		/* fallthrough */
	case '0':
		r = c - '0';
		for (i = 1; i < 3 && p->s < p->end && *p->s >= '0' && *p->s <= '7'; i++) {
			r = r * 8 + (*p->s++ - '0');
		}
		return r;
	case 'x':
		if (p->s >= p->end) {
			break;
		}
		c = next_rune(p);
		if (c == '{') {
			nhex = 0;
			r = 0;
			for (;;) {
				if (p->s >= p->end) {
					goto bad;
				}
				c = next_rune(p);
				if (c == '}') {
					break;
				}
				if (unhex(c) < 0) {
					goto bad;
				}
				r = r * 16 + unhex(c);
				if (r > MAX_RUNE) {
					goto bad;
				}
				nhex++;
			}
			if (nhex == 0) {
				goto bad;
			}
			return r;
		}
		x = unhex(c);
		y = p->s < p->end ? unhex(next_rune(p)) : -1;
		if (x < 0 || y < 0) {
			break;
		}
		return x * 16 + y;
	case 'a':
		return '\a';
	case 'f':
		return '\f';
	case 'n':
		return '\n';
	case 'r':
		return '\r';
	case 't':
		return '\t';
	case 'v':
		return '\v';
	}
bad:
	p->err = "invalid escape sequence";
	return -1;
}

struct group {
	const char *name;
	const char *ranges; /* lo, hi byte pairs */
	bool perl_negated;
};

/* POSIX classes as Go defines them (ASCII). */
static const struct group posix_groups[] = {
	{ "alnum", "09AZaz", false },
	{ "alpha", "AZaz", false },
	{ "ascii", "\x01\x7f", false }, /* plus NUL, added below */
	{ "blank", "\t\t  ", false },
	{ "cntrl", "\x01\x1f\x7f\x7f", false }, /* plus NUL */
	{ "digit", "09", false },
	{ "graph", "!~", false },
	{ "lower", "az", false },
	{ "print", " ~", false },
	{ "punct", "!/:@[`{~", false },
	{ "space", "\t\r  ", false },
	{ "upper", "AZ", false },
	{ "word", "09AZ__az", false },
	{ "xdigit", "09AFaf", false },
};

static void
add_group(struct rparser *p, const struct group *g, bool with_nul)
{
	const char *r;

	if (with_nul) {
		add_range(p, 0, 0);
	}
	for (r = g->ranges; r[0] != '\0'; r += 2) {
		add_range(p, (unsigned char)r[0], (unsigned char)r[1]);
	}
}

/* \d \s \w and their negations (Go's perlGroup), added to the class being built when
 * the expression continues with one (then true). A negated group is added as the ranges
 * of its complement. */
static bool
perl_class(struct rparser *p)
{
	static const struct group d = { "d", "09", false }, s = { "s", "\t\n\f\r  ", false },
				  w = { "w", "09AZ__az", false };
	const struct group *g;
	size_t start;
	bool neg;

	if (p->end - p->s < 2 || p->s[0] != '\\') {
		return false;
	}
	switch (p->s[1]) {
	case 'd': case 'D':
		g = &d;
		break;
	case 's': case 'S':
		g = &s;
		break;
	case 'w': case 'W':
		g = &w;
		break;
	default:
		return false;
	}
	neg = p->s[1] >= 'A' && p->s[1] <= 'Z';
	p->s += 2;
	start = p->nranges;
	add_group(p, g, false);
	if (neg) {
		finish_class(p, start, true);
	}
	return true;
}

/* Go's parseClass, at '['. Returns 0 and fills N, or -1 with p->err. */
static int
parse_class(struct rparser *p, struct rnode *n)
{
	size_t first = p->nranges, gstart;
	bool neg = false, firstc = true;
	int32_t lo, hi;

	p->s++;
	if (p->s < p->end && *p->s == '^') {
		neg = true;
		p->s++;
	}
	while (p->s >= p->end || *p->s != ']' || firstc) {
		firstc = false;
		/* POSIX [:name:], found by searching ":]" anywhere after "[:" as Go does. */
		if (p->end - p->s > 2 && p->s[0] == '[' && p->s[1] == ':') {
			const unsigned char *q = p->s + 2;
			const unsigned char *close = NULL;

			for (; q + 1 < p->end; q++) {
				if (q[0] == ':' && q[1] == ']') {
					close = q;
					break;
				}
			}
			if (close != NULL) {
				const char *name = (const char *)p->s + 2;
				size_t len = (size_t)(close - (p->s + 2)), i;
				bool gneg = len > 0 && name[0] == '^';
				const struct group *g = NULL;

				if (gneg) {
					name++;
					len--;
				}
				for (i = 0; i < sizeof(posix_groups) / sizeof(posix_groups[0]); i++) {
					if (strlen(posix_groups[i].name) == len &&
					    memcmp(posix_groups[i].name, name, len) == 0) {
						g = &posix_groups[i];
					}
				}
				if (g == NULL) {
					p->err = "invalid character class range";
					return -1;
				}
				gstart = p->nranges;
				add_group(p, g, strcmp(g->name, "ascii") == 0 ||
						       strcmp(g->name, "cntrl") == 0);
				if (gneg) {
					finish_class(p, gstart, true);
				}
				p->s = close + 2;
				continue;
			}
		}
		if (p->end - p->s >= 2 && p->s[0] == '\\' && (p->s[1] == 'p' || p->s[1] == 'P')) {
			/* Unicode classes need Unicode tables. Taken as matching nothing. */
			p->unsupported = true;
			p->s += 2;
			if (p->s < p->end && *p->s == '{') {
				while (p->s < p->end && *p->s != '}') {
					p->s++;
				}
			}
			if (p->s < p->end) {
				p->s++;
			}
			continue;
		}
		if (perl_class(p)) {
			continue;
		}
		if (p->s >= p->end) {
			p->err = "missing closing ]";
			return -1;
		}
		lo = *p->s == '\\' ? parse_escape(p) : next_rune(p);
		if (lo < 0) {
			return -1;
		}
		hi = lo;
		if (p->end - p->s >= 2 && p->s[0] == '-' && p->s[1] != ']') {
			p->s++;
			if (p->s >= p->end) {
				p->err = "missing closing ]";
				return -1;
			}
			hi = *p->s == '\\' ? parse_escape(p) : next_rune(p);
			if (hi < 0) {
				return -1;
			}
			if (hi < lo) {
				p->err = "invalid character class range";
				return -1;
			}
		}
		add_range(p, lo, hi);
	}
	p->s++; /* ] */
	n->kind = R_CLASS;
	n->cls = (uint32_t)first;
	n->nranges = finish_class(p, first, neg);
	return 0;
}

struct nodes {
	struct rnode *v;
	size_t n, cap;
};

static struct rnode *
push(struct rparser *p, struct nodes *ns)
{
	if (ns->n == ns->cap) {
		size_t ncap = ns->cap ? ns->cap * 2 : 16;

		ns->v = pl_arena_grow(p->a, ns->v, ns->n, ncap, sizeof(*ns->v));
		ns->cap = ncap;
	}
	memset(&ns->v[ns->n], 0, sizeof(ns->v[0]));
	return &ns->v[ns->n++];
}

static void
lit(struct rparser *p, struct nodes *ns, int32_t r)
{
	struct rnode *n = push(p, ns);

	n->kind = R_LIT;
	n->rune = r;
}

/* Parses a concatenation up to ')' (when IN_GROUP) or the end. */
static int
parse_concat(struct rparser *p, struct nodes *ns, bool in_group)
{
	bool last_repeat = false, repeat;
	struct rnode *n;
	int32_t r;

	while (p->s < p->end) {
		repeat = false;
		switch (*p->s) {
		case '(':
			if (p->end - p->s >= 2 && p->s[1] == '?') {
				p->unsupported = true; /* flags: translate() never writes them */
				return -1;
			}
			if (++p->depth > 1000) {
				p->err = "expression nests too deeply";
				return -1;
			}
			p->s++;
			n = push(p, ns);
			n->kind = R_GROUP;
			{
				struct nodes kids = { 0 };
				size_t idx = ns->n - 1;

				if (parse_concat(p, &kids, true) < 0) {
					return -1;
				}
				ns->v[idx].kids = kids.v;
				ns->v[idx].nkids = kids.n;
			}
			p->depth--;
			break;
		case ')':
			if (!in_group) {
				p->err = "unexpected )";
				return -1;
			}
			p->s++;
			return 0;
		case '|':
			p->unsupported = true; /* alternation: translate() never writes it */
			return -1;
		case '^':
			p->s++;
			push(p, ns)->kind = R_BOT;
			break;
		case '$':
			p->s++;
			push(p, ns)->kind = R_EOT;
			break;
		case '.':
			p->s++;
			push(p, ns)->kind = R_ANY;
			break;
		case '[':
			n = push(p, ns);
			if (parse_class(p, n) < 0) {
				return -1;
			}
			break;
		case '*': case '+': case '?':
			r = *p->s++;
			if (p->s < p->end && *p->s == '?') {
				p->s++; /* non-greedy: the same set of matches */
			}
			if (last_repeat) {
				p->err = "invalid nested repetition operator";
				return -1;
			}
			if (ns->n == 0) {
				p->err = "missing argument to repetition operator";
				return -1;
			}
			if (ns->v[ns->n - 1].rep != 0) {
				/* x* then an empty \Q\E then ?: wrap the repeated node. */
				struct rnode *inner = pl_arena_alloc(p->a, sizeof(*inner));

				*inner = ns->v[ns->n - 1];
				memset(&ns->v[ns->n - 1], 0, sizeof(*inner));
				ns->v[ns->n - 1].kind = R_GROUP;
				ns->v[ns->n - 1].kids = inner;
				ns->v[ns->n - 1].nkids = 1;
			}
			ns->v[ns->n - 1].rep = (unsigned char)r;
			repeat = true;
			break;
		case '\\':
			if (p->end - p->s >= 2) {
				switch (p->s[1]) {
				case 'A':
					p->s += 2;
					push(p, ns)->kind = R_BOT;
					goto next;
				case 'z':
					p->s += 2;
					push(p, ns)->kind = R_EOT;
					goto next;
				case 'b':
					p->s += 2;
					push(p, ns)->kind = R_WB;
					goto next;
				case 'B':
					p->s += 2;
					push(p, ns)->kind = R_NWB;
					goto next;
				case 'C':
					p->err = "invalid escape sequence";
					return -1;
				case 'Q': {
					const unsigned char *q = p->s + 2, *e = q;

					while (e < p->end && !(e + 1 < p->end && e[0] == '\\' && e[1] == 'E')) {
						e++;
					}
					p->s = q;
					while (p->s < e) {
						lit(p, ns, next_rune(p));
					}
					p->s = e < p->end ? e + 2 : e;
					goto next;
				}
				case 'p': case 'P':
					p->unsupported = true;
					return -1;
				}
			}
			{
				size_t first = p->nranges;

				if (perl_class(p)) {
					n = push(p, ns);
					n->kind = R_CLASS;
					n->cls = (uint32_t)first;
					n->nranges = finish_class(p, first, false);
					break;
				}
			}
			r = parse_escape(p);
			if (r < 0) {
				return -1;
			}
			lit(p, ns, r);
			break;
		default:
			lit(p, ns, next_rune(p));
			break;
		}
next:
		last_repeat = repeat;
	}
	if (in_group) {
		p->err = "missing closing )";
		return -1;
	}
	return 0;
}

struct emitter {
	struct pl_arena *a;
	struct inst *v;
	uint32_t n, cap;
};

static uint32_t
emit(struct emitter *e, unsigned char op, int32_t x, uint32_t y)
{
	if (e->n == e->cap) {
		uint32_t ncap = e->cap ? e->cap * 2 : 32;

		e->v = pl_arena_grow(e->a, e->v, e->n, ncap, sizeof(*e->v));
		e->cap = ncap;
	}
	e->v[e->n].op = op;
	e->v[e->n].x = x;
	e->v[e->n].y = y;
	return e->n++;
}

static void emit_seq(struct emitter *e, const struct rnode *v, size_t n);

static void
emit_atom(struct emitter *e, const struct rnode *n)
{
	switch (n->kind) {
	case R_LIT:
		emit(e, I_RUNE, n->rune, 0);
		break;
	case R_CLASS:
		emit(e, I_CLASS, (int32_t)n->cls, n->nranges);
		break;
	case R_ANY:
		emit(e, I_ANY, 0, 0);
		break;
	case R_BOT:
		emit(e, I_BOT, 0, 0);
		break;
	case R_EOT:
		emit(e, I_EOT, 0, 0);
		break;
	case R_WB:
		emit(e, I_WB, 0, 0);
		break;
	case R_NWB:
		emit(e, I_NWB, 0, 0);
		break;
	case R_GROUP:
		emit_seq(e, n->kids, n->nkids);
		break;
	}
}

static void
emit_seq(struct emitter *e, const struct rnode *v, size_t n)
{
	size_t i;
	uint32_t split, top;

	for (i = 0; i < n; i++) {
		switch (v[i].rep) {
		case '*':
			split = emit(e, I_SPLIT, 0, 0);
			emit_atom(e, &v[i]);
			emit(e, I_JMP, (int32_t)split, 0);
			e->v[split].x = (int32_t)split + 1;
			e->v[split].y = e->n;
			break;
		case '+':
			top = e->n;
			emit_atom(e, &v[i]);
			emit(e, I_SPLIT, (int32_t)top, e->n + 1);
			break;
		case '?':
			split = emit(e, I_SPLIT, 0, 0);
			emit_atom(e, &v[i]);
			e->v[split].x = (int32_t)split + 1;
			e->v[split].y = e->n;
			break;
		default:
			emit_atom(e, &v[i]);
		}
	}
}

/*
 * Compiles the expression RE[0..n) into a program, or explains in *WHY why Go refuses it
 * (NULL return, *UNSUPPORTED false) or that it needs what plimsoll does not evaluate
 * (NULL return, *UNSUPPORTED true).
 */
static struct pl_di_prog *
compile_regexp(const char *re, size_t n, struct pl_arena *a, const char **why, bool *unsupported)
{
	struct rparser p = { 0 };
	struct nodes top = { 0 };
	struct emitter e = { 0 };
	struct pl_di_prog *prog;

	p.s = (const unsigned char *)re;
	p.end = p.s + n;
	p.a = a;
	e.a = a;
	*why = NULL;
	*unsupported = false;
	if (parse_concat(&p, &top, false) < 0 || p.unsupported) {
		*unsupported = p.unsupported && p.err == NULL;
		*why = p.err;
		return NULL;
	}
	emit_seq(&e, top.v, top.n);
	emit(&e, I_MATCH, 0, 0);
	prog = pl_arena_alloc(a, sizeof(*prog));
	prog->inst = e.v;
	prog->ninst = e.n;
	prog->ranges = p.ranges;
	prog->anchored = top.n > 0 && top.v[0].kind == R_BOT && top.v[0].rep == 0;
	return prog;
}

/* ------------------------------------------------------------------------------------ */
/* The Pike VM                                                                            */

static bool
word_rune(int32_t r)
{
	return r == '_' || isalnum_ascii(r);
}

struct threads {
	uint32_t *dense, *sparse;
	uint32_t n;
};

static bool
has(const struct threads *t, uint32_t pc)
{
	return t->sparse[pc] < t->n && t->dense[t->sparse[pc]] == pc;
}

/* Adds PC and everything reachable from it without reading a rune at a position whose
 * previous and next runes are PREV and NEXT (-1 at the ends). STACK holds ninst entries. */
static void
add_thread(const struct pl_di_prog *prog, struct threads *t, uint32_t pc, int32_t prev,
	   int32_t next, uint32_t *stack)
{
	uint32_t sp = 0;
	const struct inst *in;

	stack[sp++] = pc;
	while (sp > 0) {
		pc = stack[--sp];
		if (has(t, pc)) {
			continue;
		}
		t->sparse[pc] = t->n;
		t->dense[t->n++] = pc;
		in = &prog->inst[pc];
		switch (in->op) {
		case I_JMP:
			stack[sp++] = (uint32_t)in->x;
			break;
		case I_SPLIT:
			stack[sp++] = in->y;
			stack[sp++] = (uint32_t)in->x;
			break;
		case I_BOT:
			if (prev < 0) {
				stack[sp++] = pc + 1;
			}
			break;
		case I_EOT:
			if (next < 0) {
				stack[sp++] = pc + 1;
			}
			break;
		case I_WB:
		case I_NWB:
			if ((word_rune(prev) != word_rune(next)) == (in->op == I_WB)) {
				stack[sp++] = pc + 1;
			}
			break;
		}
	}
}

static bool
class_has(const struct pl_di_prog *prog, const struct inst *in, int32_t r)
{
	const int32_t *rg;
	uint32_t i;

	if (in->y == 0) {
		return false;
	}
	rg = prog->ranges + in->x;
	for (i = 0; i < in->y; i++) {
		if (r >= rg[i * 2] && r <= rg[i * 2 + 1]) {
			return true;
		}
	}
	return false;
}

/* Go's regexp MatchString: does the program match somewhere in S[0..n)? *WORK grows by the
 * number of thread steps taken. */
static bool
run_prog(const struct pl_di_prog *prog, const char *str, size_t n, uint64_t *work)
{
	enum { SMALL = 256 };
	uint32_t small[SMALL * 6 + 1];
	uint32_t *mem = small, *stack;
	struct threads cur, nxt, tmp;
	const unsigned char *s = (const unsigned char *)str;
	size_t pos = 0, w = 0, nw;
	int32_t prev = -1, r = -1, rn;
	uint32_t i, ni = prog->ninst;
	bool matched = false;

	if (ni > SMALL) {
		mem = pl_xmalloc(((size_t)ni * 6 + 1) * sizeof(*mem));
	}
	/* The sparse sets are read before they are written; start them defined. */
	memset(mem, 0, ((size_t)ni * 4) * sizeof(*mem));
	cur.dense = mem;
	cur.sparse = mem + ni;
	nxt.dense = mem + 2 * (size_t)ni;
	nxt.sparse = mem + 3 * (size_t)ni;
	stack = mem + 4 * (size_t)ni;
	cur.n = nxt.n = 0;
	if (n > 0) {
		r = decode(s, n, &w);
	}
	for (;;) {
		if (pos == 0 || !prog->anchored) {
			add_thread(prog, &cur, 0, prev, pos < n ? r : -1, stack);
		}
		if (cur.n == 0 && prog->anchored) {
			break;
		}
		*work += cur.n + 1;
		nxt.n = 0;
		rn = -1;
		nw = 0;
		if (pos + w < n) {
			rn = decode(s + pos + w, n - pos - w, &nw);
		}
		for (i = 0; i < cur.n; i++) {
			const struct inst *in = &prog->inst[cur.dense[i]];
			bool ok = false;

			if (in->op == I_MATCH) {
				matched = true;
				goto done;
			}
			if (pos >= n) {
				continue;
			}
			switch (in->op) {
			case I_RUNE:
				ok = r == in->x;
				break;
			case I_CLASS:
				ok = class_has(prog, in, r);
				break;
			case I_ANY:
				ok = r != '\n';
				break;
			}
			if (ok) {
				add_thread(prog, &nxt, cur.dense[i] + 1, r, rn, stack);
			}
		}
		if (pos >= n) {
			break;
		}
		tmp = cur;
		cur = nxt;
		nxt = tmp;
		prev = r;
		pos += w;
		r = rn;
		w = nw;
	}
done:
	if (mem != small) {
		free(mem);
	}
	return matched;
}

/* ------------------------------------------------------------------------------------ */
/* Reading the file                                                                       */

static void
add_error(struct pl_dockerignore *di, struct pl_arena *a, size_t *cap, const char *msg,
	  uint32_t line, uint32_t col, uint32_t off, bool limit)
{
	struct pl_di_error *e;

	if (di->nerrors == *cap) {
		size_t ncap = *cap ? *cap * 2 : 4;

		di->errors = pl_arena_grow(a, di->errors, di->nerrors, ncap, sizeof(*di->errors));
		*cap = ncap;
	}
	e = &di->errors[di->nerrors++];
	e->message = msg;
	e->line = line;
	e->col = col;
	e->off = off;
	e->limit = limit;
}

/* patternWithoutTrailingGlob in fsutil. */
static const char *
stem_of(const char *p, size_t n, struct pl_arena *a)
{
	if (n >= 3 && memcmp(p + n - 3, "/**", 3) == 0) {
		n -= 3;
	}
	if (n >= 2 && memcmp(p + n - 2, "/*", 2) == 0) {
		n -= 2;
	}
	return pl_arena_strndup(a, p, n);
}

/* Compiles the cleaned pattern of PAT. */
static void
compile_pattern(struct pl_di_pattern *pat, struct pl_arena *a)
{
	struct pl_buf re;
	const char *why;
	bool unsupported;

	pl_buf_init(&re);
	pat->kind = translate(pat->pattern, pat->len, &re);
	if (pat->kind == PL_DI_REGEXP) {
		pat->prog = compile_regexp(re.p, re.n, a, &why, &unsupported);
		if (pat->prog == NULL && !unsupported) {
			pat->kind = PL_DI_INVALID;
			pat->invalid = pl_arena_printf(a, "Go's regexp package refuses `%s`: %s",
						       re.p, why);
		}
		pat->unsupported = unsupported;
	}
	pl_buf_finish(&re);
}

/* Appends the pattern CLEAN[0..n) to OUT. */
static struct pl_di_pattern *
add_pattern(struct pl_dockerignore *out, struct pl_arena *a, size_t *cap)
{
	struct pl_di_pattern *pat;

	if (out->npatterns == *cap) {
		size_t ncap = *cap ? *cap * 2 : 16;

		out->patterns = pl_arena_grow(a, out->patterns, out->npatterns, ncap,
					      sizeof(*out->patterns));
		*cap = ncap;
	}
	pat = &out->patterns[out->npatterns];
	memset(pat, 0, sizeof(*pat));
	pat->index = (uint32_t)out->npatterns++;
	return pat;
}

/*
 * ignorefile.ReadAll on one trimmed, non-empty line P[0..n): the exception mark, the
 * cleaning and the leading '/'. Writes the result to OUT (n + 3 bytes); returns its length.
 */
static size_t
read_line(const char *p, size_t n, char *out)
{
	size_t len = 0, k;

	if (p[0] == '!') {
		out[len++] = '!';
		p++;
		n--;
		trim_space(&p, &n);
	}
	if (n > 0) {
		k = pl_di_clean(p, n, out + len);
		if (k > 1 && out[len] == '/') {
			memmove(out + len, out + len + 1, k);
			k--;
		}
		len += k;
	}
	return len;
}

int
pl_dockerignore_parse(const char *text, size_t len, struct pl_arena *a,
		      struct pl_dockerignore *out, struct pl_di_error *err)
{
	size_t off = 0, pcap = 0, ecap = 0, ls, le, n, qn, tmpcap = 0;
	uint32_t lineno = 0, col, at;
	const char *nl, *p, *q;
	char *tmp = NULL, *clean;
	bool bom, excl;

	memset(out, 0, sizeof(*out));
	out->prefix_exceptions_only = true;
	while (off < len) {
		struct pl_di_pattern *pat;

		/* bufio.ScanLines: up to '\n', without one '\r' before it. */
		nl = memchr(text + off, '\n', len - off);
		ls = off;
		le = nl != NULL ? (size_t)(nl - text) : len;
		off = nl != NULL ? le + 1 : len;
		lineno++;
		if (le - ls > PL_MAX_IGNORE_LINE_BYTES) {
			/* Docker then reads no pattern at all; plimsoll keeps the earlier
			 * ones for further findings. */
			add_error(out, a, &ecap, "line of 64 KiB or more: Docker stops with "
				  "\"bufio.Scanner: token too long\"", lineno, 1, (uint32_t)ls, false);
			break;
		}
		if (le > ls && text[le - 1] == '\r') {
			le--;
		}
		bom = lineno == 1 && le - ls >= 3 && memcmp(text + ls, "\xEF\xBB\xBF", 3) == 0;
		if (bom) {
			ls += 3;
		}
		if (le > ls && text[ls] == '#') {
			continue;
		}
		p = text + ls;
		n = le - ls;
		trim_space(&p, &n);
		if (n == 0) {
			continue;
		}
		/* The byte order mark counts as a column of its line. */
		col = pl_utf8_count(text + ls, (size_t)(p - (text + ls))) + 1 + (bom ? 1 : 0);
		at = (uint32_t)(p - text);
		if (out->npatterns >= PL_MAX_IGNORE_PATTERNS) {
			add_error(out, a, &ecap, "more patterns than plimsoll reads "
				  "(PL_MAX_IGNORE_PATTERNS)", lineno, col, at, true);
			break;
		}
		if (tmpcap < n + 3) {
			tmpcap = n + 3;
			tmp = pl_xrealloc(tmp, tmpcap);
		}
		/* patternmatcher.New on what ReadAll returned: trimmed and cleaned again,
		 * then the exception mark. */
		q = tmp;
		qn = read_line(p, n, tmp);
		trim_space(&q, &qn);
		if (qn == 0) {
			continue;
		}
		clean = pl_arena_alloc_raw(a, qn + 2);
		qn = pl_di_clean(q, qn, clean);
		excl = clean[0] == '!';
		if (excl && qn == 1) {
			add_error(out, a, &ecap, "illegal exclusion pattern: \"!\"", lineno, col,
				  at, false);
			continue;
		}
		if (excl) {
			clean++;
			qn--;
		}
		if (qn > PL_MAX_IGNORE_PATTERN_BYTES) {
			add_error(out, a, &ecap, "pattern longer than plimsoll reads "
				  "(PL_MAX_IGNORE_PATTERN_BYTES)", lineno, col, at, true);
			continue;
		}
		/* filepath.Match(pattern, ".") for its syntax check. */
		if (pl_di_filepath_match(clean, qn, ".", 1) < 0) {
			add_error(out, a, &ecap, "syntax error in pattern", lineno, col, at, false);
			continue;
		}
		pat = add_pattern(out, a, &pcap);
		pat->text = pl_arena_strndup(a, p, n);
		pat->pattern = clean;
		pat->len = qn;
		pat->exclusion = excl;
		pat->line = lineno;
		pat->col = col;
		pat->off = at;
		compile_pattern(pat, a);
		if (excl) {
			out->has_exclusions = true;
			pat->stem = stem_of(pat->pattern, pat->len, a);
			if (strpbrk(pat->stem, "*[]?^\\") != NULL) {
				out->prefix_exceptions_only = false;
			}
		}
	}
	free(tmp);
	if (out->nerrors > 0) {
		if (err != NULL) {
			*err = out->errors[0];
		}
		return -1;
	}
	return 0;
}

/* ------------------------------------------------------------------------------------ */
/* Matching                                                                               */

/* patternmatcher's Pattern.match: 1, 0, or -1 for a pattern Docker cannot evaluate. */
static int
pattern_match(const struct pl_di_pattern *p, const char *path, size_t n, uint64_t *work)
{
	size_t k;

	*work += 1;
	switch (p->kind) {
	case PL_DI_EXACT:
		*work += n;
		return n == p->len && memcmp(path, p->pattern, n) == 0;
	case PL_DI_PREFIX:
		k = p->len - 2;
		*work += k;
		return n >= k && memcmp(path, p->pattern, k) == 0;
	case PL_DI_SUFFIX:
		k = p->len - 2;
		*work += k;
		if (n >= k && memcmp(path + n - k, p->pattern + 2, k) == 0) {
			return 1;
		}
		return k > 0 && p->pattern[2] == '/' && n == k - 1 &&
		       memcmp(path, p->pattern + 3, n) == 0;
	case PL_DI_REGEXP:
		if (p->unsupported) {
			return 0;
		}
		return run_prog(p->prog, path, n, work);
	case PL_DI_INVALID:
		break;
	}
	return -1;
}

int
pl_dockerignore_step(const struct pl_dockerignore *di, const char *path, size_t len,
		     const unsigned char *parent, unsigned char *self, struct pl_di_result *res)
{
	bool matched = false;
	size_t i, k;
	int m;

	memset(res, 0, sizeof(*res));
	for (i = 0; i < di->npatterns; i++) {
		const struct pl_di_pattern *p = &di->patterns[i];

		m = parent != NULL ? parent[i] : 0;
		if (!m) {
			if (p->exclusion != matched) {
				self[i] = 0;
				continue;
			}
			m = pattern_match(p, path, len, &res->work);
			if (m < 0) {
				res->error = p;
				return -1;
			}
			if (p->unsupported) {
				res->uncertain = p;
			}
			/* Without the parent's results, patternmatcher tests every parent
			 * directory ("a", "a/b" for "a/b/c"); errors are ignored there. */
			if (!m && parent == NULL) {
				for (k = 0; k < len && !m; k++) {
					if (path[k] == '/') {
						m = pattern_match(p, path, k, &res->work) == 1;
					}
				}
			}
		}
		self[i] = (unsigned char)m;
		if (m) {
			matched = !p->exclusion;
			res->by = p;
		}
	}
	res->excluded = matched;
	return 0;
}

bool
pl_dockerignore_skip_dir(const struct pl_dockerignore *di, const char *dir)
{
	size_t i, n = strlen(dir), sn;

	if (!di->prefix_exceptions_only) {
		return false;
	}
	if (!di->has_exclusions) {
		return true;
	}
	for (i = 0; i < di->npatterns; i++) {
		const struct pl_di_pattern *p = &di->patterns[i];

		if (!p->exclusion) {
			continue;
		}
		/* strings.HasPrefix(stem + "/", dir + "/") */
		sn = strlen(p->stem);
		if (sn + 1 >= n + 1 && memcmp(p->stem, dir, n) == 0 &&
		    (sn == n || p->stem[n] == '/')) {
			return false;
		}
	}
	return true;
}

bool
pl_dockerignore_match(const struct pl_dockerignore *di, const char *relpath,
		      struct pl_di_result *res)
{
	struct pl_di_result local, step;
	size_t n = strlen(relpath), k, np = di->npatterns;
	char *path = pl_xmalloc(n + 2);
	unsigned char *state = pl_xmalloc(2 * np + 1), *parent = NULL, *self = state;
	const char *q;

	if (res == NULL) {
		res = &local;
	}
	memset(res, 0, sizeof(*res));
	n = pl_di_clean(relpath, n, path);
	q = path;
	if (q[0] == '/') {
		q++;
		n--;
	}
	if (n == 0 || (n == 1 && q[0] == '.')) {
		goto out;
	}
	for (k = 0; k <= n; k++) {
		if (k < n && q[k] != '/') {
			continue;
		}
		if (pl_dockerignore_step(di, q, k, parent, self, &step) < 0) {
			res->error = step.error;
			res->uncertain = step.uncertain;
			goto out;
		}
		if (step.uncertain != NULL) {
			res->uncertain = step.uncertain;
		}
		if (k == n) {
			res->excluded = step.excluded;
			res->by = step.by;
			break;
		}
		if (step.excluded) {
			char save = path[(size_t)(q - path) + k];

			path[(size_t)(q - path) + k] = '\0';
			if (pl_dockerignore_skip_dir(di, q)) {
				path[(size_t)(q - path) + k] = save;
				res->excluded = true;
				res->pruned = true;
				res->by = step.by;
				break;
			}
			path[(size_t)(q - path) + k] = save;
		}
		parent = self;
		self = self == state ? state + np : state;
	}
out:
	free(path);
	free(state);
	return res->excluded;
}

/* ------------------------------------------------------------------------------------ */
/* Which file                                                                             */

static bool
regular_file(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

enum pl_di_source
pl_dockerignore_file_for(const char *dockerfile, const char *context_dir, struct pl_arena *a,
			 const char **path)
{
	const char *p;

	*path = NULL;
	if (dockerfile == NULL) {
		dockerfile = pl_arena_printf(a, "%s/Dockerfile", context_dir);
	}
	if (strcmp(dockerfile, "-") != 0) {
		p = pl_arena_printf(a, "%s.dockerignore", dockerfile);
		if (regular_file(p)) {
			*path = p;
			return PL_DI_SPECIFIC;
		}
	}
	p = pl_arena_printf(a, "%s/.dockerignore", context_dir);
	if (regular_file(p)) {
		*path = p;
		return PL_DI_CONTEXT;
	}
	return PL_DI_NONE;
}
