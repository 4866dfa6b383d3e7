/*
 * shell_lex.c -- BuildKit's word expansion for Dockerfile instruction arguments.
 *
 * BuildKit (frontend/dockerfile/shell) reads a word left to right with a one-rune look
 * ahead. Single quotes keep everything literally; double quotes keep everything but `$`
 * and the escape token, which there only escapes `"`, `$` and itself; outside quotes the
 * escape token takes the next rune literally (and vanishes at the end of the word). `$`
 * starts an expansion: `$name`, `${name}` or `${name<op>word}`, where WORD is read by
 * the same loop up to `}` (or `/` for the pattern of `${v/p/r}`), so expansions nest.
 *
 * Behaviours kept on purpose because `docker build` has them:
 *   - a name is a run of letters, digits and `_`; a leading digit takes the whole digit
 *     run (`$001`), a special character (@ * # ? - $ ! 0) is a one-character name;
 *     `$` followed by anything else is a literal `$`;
 *   - `${v:#p}` and `${v:%p}` are errors, as is any other modifier after `:`;
 *   - the words of `${v#p}`, `${v%p}` and `${v/p/r}` keep their escape tokens, and the
 *     pattern language is `*` and `?` only: `[` is a literal, and a backslash escapes
 *     only `*`, `?` and itself (anything else is an error) but is dropped before `}`
 *     and `/`; this backslash is the pattern's own, whatever the escape token is;
 *   - `*` and `?` never match a newline (BuildKit matches with Go regular expressions);
 *   - `${v//p/r}` expands `$0`, `${0}` and `$$` in R like Go's ReplaceAllString, while
 *     `${v/p/r}` inserts R as written;
 *   - `%` trims by reversing value and pattern, so its result is re-encoded rune by rune;
 *   - malformed UTF-8 in the input reads as U+FFFD, one per byte;
 *   - in word splitting, the text of an expansion is split on Unicode white space (also
 *     the default of `${v:-a b}`), quoted text and escaped runes never are.
 *
 * A variable reported PL_VAR_UNKNOWN behaves as set and not empty, with no text of its
 * own; the word is then flagged unknown so that callers do not trust its value.
 */
#include "parse/shell.h"
#include "core/buf.h"
#include "core/limits.h"
#include "core/xalloc.h"

#include <stdlib.h>
#include <string.h>

/* U+FFFD, what Go's decoder yields for every byte of a malformed sequence. */
#define RUNE_ERROR 0xFFFDu

/* "no rune": the end of the input, and the state marker of the pattern matcher. */
#define NONE ((size_t)-1)

struct lexer {
	const unsigned char *s;
	size_t n, pos;
	uint32_t esc;
	bool expand;
	pl_var_lookup lookup;
	void *ud;
	bool unknown;
	unsigned depth;
	size_t work;
	struct pl_arena *a;
	const char *err;
};

/* The words of ProcessWords, built beside the expanded string. */
struct words {
	struct pl_buf cur;
	bool in_word;
	char **v;
	size_t n, cap;
	struct pl_arena *a;
};

/* ---- UTF-8 ----------------------------------------------------------------------- */

/* Decodes one rune as Go does: a malformed or truncated sequence, an overlong form, a
 * surrogate or a value past U+10FFFF is RUNE_ERROR of width 1. */
static uint32_t
utf8_decode(const unsigned char *s, size_t n, size_t *w)
{
	uint32_t c = s[0], min;
	size_t len, i;

	*w = 1;
	if (c < 0x80) {
		return c;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		len = 2;
		c &= 0x1F;
		min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3;
		c &= 0x0F;
		min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4;
		c &= 0x07;
		min = 0x10000;
	} else {
		return RUNE_ERROR;
	}
	if (n < len) {
		return RUNE_ERROR;
	}
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			return RUNE_ERROR;
		}
		c = (c << 6) | (s[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
		return RUNE_ERROR;
	}
	*w = len;
	return c;
}

static size_t
utf8_encode(uint32_t c, char out[4])
{
	if (c < 0x80) {
		out[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		out[0] = (char)(0xC0 | (c >> 6));
		out[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		out[0] = (char)(0xE0 | (c >> 12));
		out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		out[2] = (char)(0x80 | (c & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (c >> 18));
	out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
	out[3] = (char)(0x80 | (c & 0x3F));
	return 4;
}

/* Decodes S[0..N) into runes, with the byte offset of each rune and one past the end. */
static size_t
utf8_runes(const char *s, size_t n, uint32_t **runes, size_t **offs)
{
	size_t i = 0, k = 0, w;

	*runes = pl_xmalloc((n + 1) * sizeof(**runes));
	*offs = pl_xmalloc((n + 1) * sizeof(**offs));
	while (i < n) {
		(*offs)[k] = i;
		(*runes)[k++] = utf8_decode((const unsigned char *)s + i, n - i, &w);
		i += w;
	}
	(*offs)[k] = n;
	return k;
}

/* ---- character classes ------------------------------------------------------------ */

/* Go's unicode.IsSpace: ASCII white space, NEL, NBSP and the Unicode space separators. */
static bool
is_space(uint32_t c)
{
	switch (c) {
	case '\t': case '\n': case '\v': case '\f': case '\r': case ' ':
	case 0x85: case 0xA0: case 0x1680: case 0x2028: case 0x2029: case 0x202F:
	case 0x205F: case 0x3000:
		return true;
	default:
		return c >= 0x2000 && c <= 0x200A;
	}
}

/*
 * Blocks of non-ASCII code points that are neither letters nor decimal digits. BuildKit
 * reads names with Go's unicode.IsLetter/IsDigit; instead of the full Unicode tables,
 * every other non-ASCII rune counts as a letter. The ranges cover punctuation, symbols,
 * spaces, common combining marks, emoji and private use, which is what can plausibly
 * follow `$NAME` in a Dockerfile; a rare mark or symbol elsewhere is read into the name.
 */
static const uint32_t non_letters[][2] = {
	{ 0x0080, 0x00A9 }, { 0x00AB, 0x00B4 }, { 0x00B6, 0x00B9 }, { 0x00BB, 0x00BF },
	{ 0x00D7, 0x00D7 }, { 0x00F7, 0x00F7 }, { 0x02C2, 0x02C5 }, { 0x02D2, 0x02DF },
	{ 0x02E5, 0x02EB }, { 0x02ED, 0x02ED }, { 0x02EF, 0x036F }, { 0x0483, 0x0489 },
	{ 0x0591, 0x05C7 }, { 0x0600, 0x061F }, { 0x064B, 0x065F }, { 0x1680, 0x1680 },
	{ 0x2000, 0x2070 }, { 0x2072, 0x207E }, { 0x2080, 0x208F }, { 0x20A0, 0x20FF },
	{ 0x2190, 0x2BFF }, { 0x2E00, 0x2E7F }, { 0x3000, 0x3004 }, { 0x3007, 0x3020 },
	{ 0x3030, 0x3030 }, { 0x303D, 0x303F }, { 0x3099, 0x309C }, { 0x30A0, 0x30A0 },
	{ 0x30FB, 0x30FB }, { 0xD800, 0xF8FF }, { 0xFE00, 0xFE6F }, { 0xFEFF, 0xFEFF },
	{ 0xFF01, 0xFF0F }, { 0xFF1A, 0xFF20 }, { 0xFF3B, 0xFF40 }, { 0xFF5B, 0xFF65 },
	{ 0xFFF0, 0xFFFF }, { 0x1F000, 0x1FAFF }, { 0xE0000, 0xE01EF }, { 0xF0000, 0x10FFFF },
};

static bool
is_ascii_digit(uint32_t c)
{
	return c >= '0' && c <= '9';
}

static bool
is_name_rune(uint32_t c)
{
	size_t lo = 0, hi = sizeof(non_letters) / sizeof(non_letters[0]);

	if (c < 0x80) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_ascii_digit(c) ||
		       c == '_';
	}
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (c < non_letters[mid][0]) {
			hi = mid;
		} else if (c > non_letters[mid][1]) {
			lo = mid + 1;
		} else {
			return false;
		}
	}
	return true;
}

/* The special parameters of POSIX sh 2.5.2, each a one-character name. */
static bool
is_special_param(uint32_t c)
{
	return c == '@' || c == '*' || c == '#' || c == '?' || c == '-' || c == '$' ||
	       c == '!' || c == '0';
}

/* ---- reading and writing ---------------------------------------------------------- */

static int
fail(struct lexer *lx, const char *msg)
{
	if (lx->err == NULL) {
		lx->err = msg;
	}
	return -1;
}

/* The rune at the read position, or NONE at the end; *W is its width in bytes. */
static size_t
peek(const struct lexer *lx, size_t *w)
{
	if (lx->pos >= lx->n) {
		*w = 0;
		return NONE;
	}
	return utf8_decode(lx->s + lx->pos, lx->n - lx->pos, w);
}

static int
put(struct lexer *lx, struct pl_buf *out, const char *s, size_t n)
{
	if (out->n + n > PL_MAX_EXPANSION_BYTES) {
		return fail(lx, "expansion result is larger than 1 MiB");
	}
	pl_buf_add(out, s, n);
	return 0;
}

static int
put_rune(struct lexer *lx, struct pl_buf *out, uint32_t c)
{
	char u[4];

	return put(lx, out, u, utf8_encode(c, u));
}

static void
words_push(struct words *w)
{
	if (w->n + 1 >= w->cap) {
		size_t cap = w->cap ? w->cap * 2 : 8;

		w->v = pl_arena_grow(w->a, w->v, w->n, cap, sizeof(*w->v));
		w->cap = cap;
	}
	w->v[w->n++] = pl_arena_strndup(w->a, w->cur.p ? w->cur.p : "", w->cur.n);
	pl_buf_reset(&w->cur);
	w->in_word = false;
}

static void
words_raw_rune(struct words *w, uint32_t c)
{
	char u[4];

	if (w == NULL) {
		return;
	}
	pl_buf_add(&w->cur, u, utf8_encode(c, u));
	w->in_word = true;
}

/* An unquoted rune: white space ends the word being built. */
static void
words_rune(struct words *w, uint32_t c)
{
	if (w == NULL) {
		return;
	}
	if (is_space(c)) {
		if (w->in_word && w->cur.n != 0) {
			words_push(w);
		}
		return;
	}
	words_raw_rune(w, c);
}

/* The text of an expansion: split on white space rune by rune. */
static void
words_expansion(struct words *w, const char *s, size_t n)
{
	size_t i = 0, k;

	if (w == NULL) {
		return;
	}
	while (i < n) {
		uint32_t c = utf8_decode((const unsigned char *)s + i, n - i, &k);

		words_rune(w, c);
		i += k;
	}
}

/* Quoted text: glued to the current word even when empty. */
static void
words_quoted(struct words *w, const char *s, size_t n)
{
	if (w == NULL) {
		return;
	}
	pl_buf_add(&w->cur, s, n);
	w->in_word = true;
}

/* Looks NAME up; an unknown value reads as "" and marks the word. */
static enum pl_var_state
get_var(struct lexer *lx, const char *name, size_t n, const char **value)
{
	enum pl_var_state st = PL_VAR_UNSET;

	*value = NULL;
	if (lx->lookup != NULL) {
		st = lx->lookup(lx->ud, name, n, value);
	}
	if (st == PL_VAR_UNKNOWN) {
		lx->unknown = true;
	} else if (st != PL_VAR_SET) {
		st = PL_VAR_UNSET;
	}
	if (st != PL_VAR_SET || *value == NULL) {
		*value = "";
	}
	return st;
}

/* Reads a name at the read position; returns its length (0: no name). */
static size_t
read_name(struct lexer *lx)
{
	size_t start = lx->pos, w, c;

	while ((c = peek(lx, &w)) != NONE) {
		if (lx->pos == start && is_ascii_digit((uint32_t)c)) {
			while ((c = peek(lx, &w)) != NONE && is_ascii_digit((uint32_t)c)) {
				lx->pos += w;
			}
			break;
		}
		if (lx->pos == start && is_special_param((uint32_t)c)) {
			lx->pos += w;
			break;
		}
		if (c == RUNE_ERROR || !is_name_rune((uint32_t)c)) {
			break;
		}
		lx->pos += w;
	}
	return lx->pos - start;
}

/* ---- patterns ---------------------------------------------------------------------- */

enum tok_kind { TOK_LIT, TOK_ANY, TOK_STAR };

struct tok {
	uint32_t c;
	enum tok_kind kind;
};

struct glob {
	struct tok *t;
	size_t m;
};

/* Compiles a pattern (runes): `*`, `?`, `\*` `\?` `\\` literals, `\}` `\/` as `}` `/`. */
static int
glob_compile(struct lexer *lx, const uint32_t *p, size_t np, struct glob *g)
{
	size_t i = 0;

	g->t = pl_xmalloc((np + 1) * sizeof(*g->t));
	g->m = 0;
	while (i < np) {
		uint32_t c = p[i++];
		struct tok t = { c, TOK_LIT };

		if (c == '*') {
			t.kind = TOK_STAR;
		} else if (c == '?') {
			t.kind = TOK_ANY;
		} else if (c == '\\') {
			if (i < np && (p[i] == '}' || p[i] == '/')) {
				continue;
			}
			if (i >= np || (p[i] != '*' && p[i] != '?' && p[i] != '\\')) {
				free(g->t);
				g->t = NULL;
				return fail(lx, "invalid escape in substitution pattern");
			}
			t.c = p[i++];
		}
		g->t[g->m++] = t;
	}
	return 0;
}

/* A set of matcher states (pattern positions), each with the earliest start reaching it. */
struct states {
	size_t *start; /* per state; NONE when not live */
	size_t *live;
	size_t nlive;
};

static void
states_add(struct states *s, const struct glob *g, size_t j, size_t start)
{
	for (;;) {
		if (s->start[j] != NONE && s->start[j] <= start) {
			return;
		}
		if (s->start[j] == NONE) {
			s->live[s->nlive++] = j;
		}
		s->start[j] = start;
		if (j < g->m && g->t[j].kind == TOK_STAR) {
			j++;
			continue;
		}
		return;
	}
}

static void
states_clear(struct states *s)
{
	for (size_t k = 0; k < s->nlive; k++) {
		s->start[s->live[k]] = NONE;
	}
	s->nlive = 0;
}

/*
 * Finds a match of G in V[FROM..NV). ANCHORED: only at FROM, the shortest match or
 * (GREEDY) the longest. Otherwise the leftmost start and the longest match from it, which
 * is what Go's leftmost-first search finds for a pattern of literals, `.` and `.*`.
 * Returns 1 with [*MS, *ME) in runes, 0 when nothing matches, -1 past the work limit.
 */
static int
glob_find(struct lexer *lx, const struct glob *g, const uint32_t *v, size_t nv, size_t from,
	  bool anchored, bool greedy, size_t *ms, size_t *me)
{
	struct states cur, next, tmp;
	size_t best_s = NONE, best_e = 0, i, k;
	int rc = 0;

	cur.start = pl_xmalloc((g->m + 1) * sizeof(size_t));
	next.start = pl_xmalloc((g->m + 1) * sizeof(size_t));
	cur.live = pl_xmalloc((g->m + 1) * sizeof(size_t));
	next.live = pl_xmalloc((g->m + 1) * sizeof(size_t));
	for (k = 0; k <= g->m; k++) {
		cur.start[k] = next.start[k] = NONE;
	}
	cur.nlive = next.nlive = 0;
	for (i = from;; i++) {
		if (anchored ? i == from : best_s == NONE) {
			states_add(&cur, g, 0, i);
		}
		if (cur.start[g->m] != NONE) {
			size_t s = cur.start[g->m];

			if (best_s == NONE || s < best_s || (s == best_s && i > best_e)) {
				best_s = s;
				best_e = i;
			}
			if (anchored && !greedy) {
				break;
			}
		}
		if (i >= nv || (cur.nlive == 0 && (anchored || best_s != NONE))) {
			break;
		}
		for (k = 0; k < cur.nlive; k++) {
			size_t j = cur.live[k], st = cur.start[j];
			const struct tok *t;

			if (j == g->m || (best_s != NONE && st > best_s)) {
				continue;
			}
			t = &g->t[j];
			if (t->kind == TOK_STAR) {
				if (v[i] != '\n') {
					states_add(&next, g, j, st);
				}
			} else if (t->kind == TOK_ANY ? v[i] != '\n' : v[i] == t->c) {
				states_add(&next, g, j + 1, st);
			}
		}
		lx->work += cur.nlive + 1;
		if (lx->work > PL_MAX_PATTERN_WORK) {
			rc = fail(lx, "substitution pattern is too costly to match");
			break;
		}
		states_clear(&cur);
		tmp = cur;
		cur = next;
		next = tmp;
	}
	if (rc == 0 && best_s != NONE) {
		*ms = best_s;
		*me = best_e;
		rc = 1;
	}
	free(cur.start);
	free(next.start);
	free(cur.live);
	free(next.live);
	return rc;
}

/* Reverses a pattern rune by rune, keeping each `\x` pair in order. */
static void
reverse_pattern(const uint32_t *p, size_t np, uint32_t *out)
{
	size_t i = 0;

	while (i < np) {
		size_t o = np - 1 - i;

		if (p[i] == '\\' && i + 1 < np) {
			out[o - 1] = p[i];
			out[o] = p[i + 1];
			i += 2;
		} else {
			out[o] = p[i];
			i++;
		}
	}
}

/* ${v#p} ${v##p} (SUFFIX false) and ${v%p} ${v%%p}: appends the trimmed value to OUT. */
static int
trim(struct lexer *lx, const char *pat, size_t npat, const char *val, bool greedy, bool suffix,
     struct pl_buf *out)
{
	uint32_t *p, *v, *rp = NULL, *rv = NULL;
	size_t *voff = NULL, *poff = NULL, np, nv, ms, me, k;
	struct glob g = { NULL, 0 };
	int rc;

	np = utf8_runes(pat, npat, &p, &poff);
	nv = utf8_runes(val, strlen(val), &v, &voff);
	if (suffix) {
		rp = pl_xmalloc((np + 1) * sizeof(*rp));
		rv = pl_xmalloc((nv + 1) * sizeof(*rv));
		reverse_pattern(p, np, rp);
		for (k = 0; k < nv; k++) {
			rv[k] = v[nv - 1 - k];
		}
	}
	rc = glob_compile(lx, suffix ? rp : p, np, &g);
	if (rc == 0) {
		rc = glob_find(lx, &g, suffix ? rv : v, nv, 0, true, greedy, &ms, &me);
		if (rc == 0) {
			me = 0;
		}
		if (rc >= 0 && suffix) {
			rc = 0;
			for (k = 0; k < nv - me && rc == 0; k++) {
				rc = put_rune(lx, out, v[k]);
			}
		} else if (rc >= 0) {
			rc = put(lx, out, val + voff[me], voff[nv] - voff[me]);
		}
	}
	free(g.t);
	free(p);
	free(v);
	free(poff);
	free(voff);
	free(rp);
	free(rv);
	return rc;
}

/*
 * Go's regexp template expansion for ReplaceAllString: `$$` is `$`, `$name` / `${name}`
 * is a submatch, where only group 0 (the whole match) exists; any other name is empty;
 * a `$` not followed by a valid reference stays literal.
 */
static int
expand_template(struct lexer *lx, const char *r, size_t nr, const char *match, size_t nmatch,
		struct pl_buf *out)
{
	size_t i = 0;

	while (i < nr) {
		const char *d = memchr(r + i, '$', nr - i);
		size_t j, name, nname, w;
		bool brace = false, num = true;

		if (d == NULL) {
			return put(lx, out, r + i, nr - i);
		}
		if (put(lx, out, r + i, (size_t)(d - r) - i) != 0) {
			return -1;
		}
		i = (size_t)(d - r) + 1;
		if (i < nr && r[i] == '$') {
			if (put(lx, out, "$", 1) != 0) {
				return -1;
			}
			i++;
			continue;
		}
		j = i;
		if (j < nr && r[j] == '{') {
			brace = true;
			j++;
		}
		name = j;
		while (j < nr) {
			uint32_t c = utf8_decode((const unsigned char *)r + j, nr - j, &w);

			if (c == RUNE_ERROR || !is_name_rune(c)) {
				break;
			}
			j += w;
		}
		nname = j - name;
		if (nname == 0 || (brace && (j >= nr || r[j] != '}'))) {
			if (put(lx, out, "$", 1) != 0) {
				return -1;
			}
			continue;
		}
		i = brace ? j + 1 : j;
		for (size_t k = 0; k < nname; k++) {
			num = num && is_ascii_digit((unsigned char)r[name + k]);
		}
		/* Group numbers have no leading zeros: "$00" names a group that is absent. */
		if (num && r[name] == '0' && nname == 1 && put(lx, out, match, nmatch) != 0) {
			return -1;
		}
	}
	return 0;
}

/* ${v/p/r} and ${v//p/r} (ALL): appends the result to OUT. */
static int
replace(struct lexer *lx, const char *pat, size_t npat, const char *rep, size_t nrep,
	const char *val, bool all, struct pl_buf *out)
{
	uint32_t *p, *v;
	size_t *off, np, nv, ms, me, search = 0, last = 0, nval = strlen(val);
	struct glob g = { NULL, 0 };
	size_t *poff = NULL;
	int rc;

	np = utf8_runes(pat, npat, &p, &poff);
	nv = utf8_runes(val, nval, &v, &off);
	rc = glob_compile(lx, p, np, &g);
	while (rc == 0 && search <= nv) {
		int found = glob_find(lx, &g, v, nv, search, false, true, &ms, &me);

		if (found <= 0) {
			rc = found;
			break;
		}
		if (!all) {
			rc = put(lx, out, val, off[ms]);
			if (rc == 0) {
				rc = put(lx, out, rep, nrep);
			}
			last = me;
			break;
		}
		rc = put(lx, out, val + off[last], off[ms] - off[last]);
		/* Like Go: no replacement for an empty match right after the previous match. */
		if (rc == 0 && (me > last || ms == 0)) {
			rc = expand_template(lx, rep, nrep, val + off[ms], off[me] - off[ms], out);
		}
		last = me;
		if (search + 1 > me) {
			search++;
		} else {
			search = me;
		}
	}
	if (rc == 0) {
		rc = put(lx, out, val + off[last], nval - off[last]);
	}
	free(g.t);
	free(p);
	free(v);
	free(off);
	free(poff);
	return rc;
}

/* ---- the lexer ------------------------------------------------------------------- */

static int stop_on(struct lexer *lx, size_t stop, bool raw, struct pl_buf *out,
		   struct words *w);

static int
single_quote(struct lexer *lx, struct pl_buf *out)
{
	size_t c, w;

	lx->pos++;
	for (;;) {
		c = peek(lx, &w);
		if (c == NONE) {
			return fail(lx, "unexpected end of statement while looking for matching "
					"single-quote");
		}
		lx->pos += w;
		if (c == '\'') {
			return 0;
		}
		if (put_rune(lx, out, (uint32_t)c) != 0) {
			return -1;
		}
	}
}

static int dollar(struct lexer *lx, struct pl_buf *out);

static int
double_quote(struct lexer *lx, bool raw, struct pl_buf *out)
{
	size_t c, w;

	lx->pos++;
	for (;;) {
		c = peek(lx, &w);
		if (c == NONE) {
			return fail(lx, "unexpected end of statement while looking for matching "
					"double-quote");
		}
		if (c == '"') {
			lx->pos++;
			return 0;
		}
		if (c == '$' && lx->expand) {
			if (dollar(lx, out) != 0) {
				return -1;
			}
			continue;
		}
		lx->pos += w;
		if (c == lx->esc) {
			size_t c2, w2;

			if (raw && put_rune(lx, out, (uint32_t)c) != 0) {
				return -1;
			}
			c2 = peek(lx, &w2);
			if (c2 == NONE) {
				continue;
			}
			if (c2 == '"' || c2 == '$' || c2 == lx->esc) {
				c = c2;
				lx->pos += w2;
			}
		}
		if (put_rune(lx, out, (uint32_t)c) != 0) {
			return -1;
		}
	}
}

/* Reads the word of ${v<op>word} up to the closing STOP into a fresh buffer. */
static int
sub_word(struct lexer *lx, size_t stop, bool raw, struct pl_buf *word)
{
	pl_buf_init(word);
	if (stop_on(lx, stop, raw, word, NULL) != 0) {
		pl_buf_finish(word);
		return -1;
	}
	if (word->p == NULL) {
		pl_buf_add(word, "", 0);
	}
	return 0;
}

/* ${name<op>word} after the name: OP is the rune that follows it. */
static int
modifier(struct lexer *lx, const char *name, size_t nname, size_t op, struct pl_buf *out)
{
	struct pl_buf word;
	enum pl_var_state st;
	const char *value;
	bool colon = false, empty;
	int rc = 0;

	if (op == ':') {
		size_t w;

		colon = true;
		op = peek(lx, &w);
		lx->pos += w;
		if (op != '-' && op != '+' && op != '?') {
			return fail(lx, "unsupported modifier in substitution");
		}
	}
	if (sub_word(lx, '}', op == '#' || op == '%', &word) != 0) {
		return -1;
	}
	st = get_var(lx, name, nname, &value);
	empty = st == PL_VAR_UNSET || (colon && st == PL_VAR_SET && value[0] == '\0');
	switch (op) {
	case '-':
		rc = empty ? put(lx, out, word.p, word.n) : put(lx, out, value, strlen(value));
		break;
	case '+':
		rc = empty ? 0 : put(lx, out, word.p, word.n);
		break;
	case '?':
		if (empty) {
			const char *why = word.n > 0 ? word.p
					  : st == PL_VAR_UNSET ? "is not allowed to be unset"
							       : "is not allowed to be empty";

			lx->err = pl_arena_printf(lx->a, "%.*s: %s", (int)nname, name, why);
			rc = -1;
			break;
		}
		rc = put(lx, out, value, strlen(value));
		break;
	default: {
		/* A doubled operator (## %%) asks for the longest match. */
		bool greedy = word.n > 0 && (unsigned char)word.p[0] == op;
		size_t skip = greedy ? 1 : 0;

		rc = trim(lx, word.p + skip, word.n - skip, value, greedy, op == '%', out);
		break;
	}
	}
	pl_buf_finish(&word);
	return rc;
}

/* ${name/pattern/replacement} and ${name//pattern/replacement}. */
static int
substitute(struct lexer *lx, const char *name, size_t nname, struct pl_buf *out)
{
	struct pl_buf pat, rep;
	const char *value;
	bool all = false;
	int rc;

	if (lx->pos < lx->n && lx->s[lx->pos] == '/') {
		all = true;
		lx->pos++;
	}
	if (sub_word(lx, '/', true, &pat) != 0) {
		return -1;
	}
	if (sub_word(lx, '}', true, &rep) != 0) {
		pl_buf_finish(&pat);
		return -1;
	}
	get_var(lx, name, nname, &value);
	rc = replace(lx, pat.p, pat.n, rep.p, rep.n, value, all, out);
	pl_buf_finish(&pat);
	pl_buf_finish(&rep);
	return rc;
}

/* An expansion at '$': appends its text to OUT. */
static int
dollar(struct lexer *lx, struct pl_buf *out)
{
	const char *name, *value;
	size_t nname, c, w;

	lx->pos++;
	if (lx->pos >= lx->n || lx->s[lx->pos] != '{') {
		name = (const char *)lx->s + lx->pos;
		nname = read_name(lx);
		if (nname == 0) {
			return put(lx, out, "$", 1);
		}
		get_var(lx, name, nname, &value);
		return put(lx, out, value, strlen(value));
	}
	lx->pos++;
	if (lx->pos >= lx->n) {
		return fail(lx, "syntax error: missing '}'");
	}
	c = lx->s[lx->pos];
	if (c == '{' || c == '}' || c == ':') {
		return fail(lx, "syntax error: bad substitution");
	}
	name = (const char *)lx->s + lx->pos;
	nname = read_name(lx);
	c = peek(lx, &w);
	lx->pos += w;
	switch (c) {
	case '}':
		get_var(lx, name, nname, &value);
		return put(lx, out, value, strlen(value));
	case ':': case '+': case '-': case '?': case '#': case '%':
		return modifier(lx, name, nname, c, out);
	case '/':
		return substitute(lx, name, nname, out);
	case NONE:
		return fail(lx, "syntax error: missing '}'");
	default:
		return fail(lx, "unsupported modifier in substitution");
	}
}

/*
 * Reads up to STOP (NONE: the end of the input), appending the expanded text to OUT and,
 * when W is given, building the split words. RAW keeps escape tokens in the text, as for
 * the pattern words of ${v#p} and ${v/p/r}.
 */
static int
stop_on(struct lexer *lx, size_t stop, bool raw, struct pl_buf *out, struct words *w)
{
	size_t c, wd, mark;
	int rc = 0;

	if (++lx->depth > PL_MAX_EXPANSION_DEPTH) {
		return fail(lx, "variable substitutions are nested too deeply");
	}
	while (rc == 0 && (c = peek(lx, &wd)) != NONE) {
		if (stop != NONE && c == stop) {
			lx->pos += wd;
			lx->depth--;
			return 0;
		}
		mark = out->n;
		if (c == '$' && lx->expand) {
			rc = dollar(lx, out);
			if (rc == 0) {
				words_expansion(w, out->p ? out->p + mark : "", out->n - mark);
			}
		} else if (c == '\'' || c == '"') {
			rc = c == '\'' ? single_quote(lx, out) : double_quote(lx, raw, out);
			if (rc == 0) {
				words_quoted(w, out->p ? out->p + mark : "", out->n - mark);
			}
		} else {
			lx->pos += wd;
			if (c == lx->esc) {
				if (raw) {
					words_raw_rune(w, (uint32_t)c);
					rc = put_rune(lx, out, (uint32_t)c);
				}
				c = peek(lx, &wd);
				if (c == NONE) {
					break;
				}
				lx->pos += wd;
				words_raw_rune(w, (uint32_t)c);
			} else {
				words_rune(w, (uint32_t)c);
			}
			if (rc == 0) {
				rc = put_rune(lx, out, (uint32_t)c);
			}
		}
	}
	if (rc != 0) {
		return -1;
	}
	lx->depth--;
	if (stop != NONE) {
		return fail(lx, stop == '}' ? "unexpected end of statement while looking for "
					      "matching }"
					    : "unexpected end of statement while looking for "
					      "matching /");
	}
	return 0;
}

static void
lexer_init(struct lexer *lx, const char *in, size_t n, const struct pl_shlex_opts *o,
	   struct pl_arena *a)
{
	memset(lx, 0, sizeof(*lx));
	lx->s = (const unsigned char *)in;
	lx->n = n;
	lx->esc = o != NULL && o->escape == '`' ? '`' : '\\';
	lx->expand = o == NULL || !o->no_expand;
	lx->lookup = o != NULL ? o->lookup : NULL;
	lx->ud = o != NULL ? o->ud : NULL;
	lx->a = a;
}

static int
finish(struct lexer *lx, int rc, bool *unknown, const char **err)
{
	if (lx->unknown && unknown != NULL) {
		*unknown = true;
	}
	if (rc != 0 && err != NULL) {
		*err = lx->err ? lx->err : "invalid word";
	}
	return rc != 0 ? -1 : 0;
}

int
pl_shlex_word(const char *in, size_t n, const struct pl_shlex_opts *o, struct pl_arena *a,
	      char **out, bool *unknown, const char **err)
{
	struct lexer lx;
	struct pl_buf b;
	int rc;

	lexer_init(&lx, in, n, o, a);
	pl_buf_init(&b);
	rc = stop_on(&lx, NONE, false, &b, NULL);
	if (rc == 0) {
		*out = pl_arena_strndup(a, b.p ? b.p : "", b.n);
	}
	pl_buf_finish(&b);
	return finish(&lx, rc, unknown, err);
}

int
pl_shlex_words(const char *in, size_t n, const struct pl_shlex_opts *o, struct pl_arena *a,
	       char ***words, size_t *nwords, bool *unknown, const char **err)
{
	struct lexer lx;
	struct words w = { .a = a };
	struct pl_buf b;
	int rc;

	lexer_init(&lx, in, n, o, a);
	pl_buf_init(&b);
	pl_buf_init(&w.cur);
	rc = stop_on(&lx, NONE, false, &b, &w);
	if (rc == 0) {
		if (w.cur.n > 0) {
			words_push(&w);
		}
		if (w.v == NULL) {
			w.v = pl_arena_alloc(a, sizeof(*w.v));
		}
		w.v[w.n] = NULL;
		*words = w.v;
		*nwords = w.n;
	}
	pl_buf_finish(&b);
	pl_buf_finish(&w.cur);
	return finish(&lx, rc, unknown, err);
}
