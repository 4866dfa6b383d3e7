/*
 * dockerfile.c -- a Dockerfile parser that reads files exactly as BuildKit does.
 *
 * The algorithm mirrors BuildKit's frontend/dockerfile/parser step by step, because a
 * linter that parses differently from the builder reports on a file that is not the one
 * being built:
 *
 *   1. Physical lines are split on '\n' with their endings kept; a UTF-8 BOM on the first
 *      line is dropped. While no instruction has been seen, `# name=value` comments are
 *      parser directives (syntax, escape, check); the first other line ends them.
 *   2. A line whose first non-blank character is '#' is a comment, also in the middle of
 *      a continued instruction. The escape token as last non-blank character (and not
 *      itself escaped) continues the instruction: it is removed and the next line is
 *      appended directly. Blank continuation lines are skipped with a warning.
 *   3. The logical line is split into keyword, leading --flags and the rest, and the rest
 *      is cut into arguments by the keyword's rule (JSON or whitespace, name=value pairs,
 *      one string, ...).
 *   4. RUN, COPY and ADD (also under ONBUILD) in shell form may carry heredocs: their
 *      bodies are the physical lines that follow, up to each terminator.
 *
 * On top of BuildKit, every logical line keeps a map from each of its bytes to the source
 * offset it came from, so flags and arguments get exact source spans even when they were
 * joined from several lines.
 */
#include "parse/dockerfile.h"
#include "core/buf.h"
#include "core/limits.h"
#include "core/str.h"
#include "core/xalloc.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static const char *const kind_names[PL_DF_KIND_COUNT] = {
	[PL_DF_UNKNOWN] = "",
	[PL_DF_ADD] = "add",
	[PL_DF_ARG] = "arg",
	[PL_DF_CMD] = "cmd",
	[PL_DF_COPY] = "copy",
	[PL_DF_ENTRYPOINT] = "entrypoint",
	[PL_DF_ENV] = "env",
	[PL_DF_EXPOSE] = "expose",
	[PL_DF_FROM] = "from",
	[PL_DF_HEALTHCHECK] = "healthcheck",
	[PL_DF_LABEL] = "label",
	[PL_DF_MAINTAINER] = "maintainer",
	[PL_DF_ONBUILD] = "onbuild",
	[PL_DF_RUN] = "run",
	[PL_DF_SHELL] = "shell",
	[PL_DF_STOPSIGNAL] = "stopsignal",
	[PL_DF_USER] = "user",
	[PL_DF_VOLUME] = "volume",
	[PL_DF_WORKDIR] = "workdir",
};

const char *
pl_df_kind_name(enum pl_df_kind kind)
{
	return (unsigned)kind < PL_DF_KIND_COUNT ? kind_names[kind] : "";
}

static enum pl_df_kind
kind_of(const char *s, size_t n)
{
	int k;

	for (k = 1; k < PL_DF_KIND_COUNT; k++) {
		if (pl_str_ieq((struct pl_str){ s, n }, kind_names[k])) {
			return (enum pl_df_kind)k;
		}
	}
	return PL_DF_UNKNOWN;
}

/* ---- character classes ------------------------------------------------------------- */

/* BuildKit's reWhitespace: [\t\v\f\r ] (no newline: a logical line has none). */
static bool
is_split_space(char c)
{
	return c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r';
}

static bool
is_ascii_space(char c)
{
	return is_split_space(c) || c == '\n';
}

/*
 * Length of the Unicode white space character (Go's unicode.IsSpace) at S, or 0. The
 * input is valid UTF-8 (checked before parsing), so multi-byte sequences are complete.
 */
static size_t
uspace_len(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;

	if (n == 0) {
		return 0;
	}
	if (u[0] < 0x80) {
		return is_ascii_space((char)u[0]) ? 1 : 0;
	}
	if (n >= 2 && u[0] == 0xC2 && (u[1] == 0x85 || u[1] == 0xA0)) {
		return 2;
	}
	if (n >= 3 && u[0] == 0xE1 && u[1] == 0x9A && u[2] == 0x80) {
		return 3; /* U+1680 */
	}
	if (n >= 3 && u[0] == 0xE2 && u[1] == 0x80 &&
	    ((u[2] >= 0x80 && u[2] <= 0x8A) || u[2] == 0xA8 || u[2] == 0xA9 || u[2] == 0xAF)) {
		return 3; /* U+2000..U+200A, U+2028, U+2029, U+202F */
	}
	if (n >= 3 && u[0] == 0xE2 && u[1] == 0x81 && u[2] == 0x9F) {
		return 3; /* U+205F */
	}
	if (n >= 3 && u[0] == 0xE3 && u[1] == 0x80 && u[2] == 0x80) {
		return 3; /* U+3000 */
	}
	return 0;
}

/* Length of the UTF-8 sequence starting at S (1 for ASCII and for stray bytes). */
static size_t
rune_len(const char *s, size_t n)
{
	unsigned char c = (unsigned char)s[0];
	size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;

	return len <= n ? len : 1;
}

/* ---- the logical line: bytes plus the source offset of each byte -------------------- */

struct lline {
	char *s;
	uint32_t *map;
	size_t n, cap;
};

static void
ll_add(struct lline *ll, const char *s, size_t n, uint32_t off)
{
	size_t i;

	if (ll->n + n + 1 > ll->cap) {
		while (ll->n + n + 1 > ll->cap) {
			ll->cap = ll->cap ? ll->cap * 2 : 256;
		}
		ll->s = pl_xrealloc(ll->s, ll->cap);
		ll->map = pl_xrealloc(ll->map, ll->cap * sizeof(uint32_t));
	}
	memcpy(ll->s + ll->n, s, n);
	for (i = 0; i < n; i++) {
		ll->map[ll->n + i] = off + (uint32_t)i;
	}
	ll->n += n;
	ll->s[ll->n] = '\0';
}

/* ---- parser state -------------------------------------------------------------------- */

struct parser {
	const struct pl_source *src;
	struct pl_arena *a;
	struct pl_df_file *f;
	struct pl_df_error *err;
	size_t pos;    /* start of the next physical line */
	char escape;
	bool dir_done; /* no more parser directives: the first non-directive line was seen */
	bool seen_syntax, seen_escape, seen_check;
	struct lline ll;
	size_t ins_cap, dir_cap, com_cap, warn_cap;
	uint32_t last_off; /* one past the last byte consumed by the current instruction */
};

/* A half-open range [b, e) of the logical line. */
struct span {
	size_t b, e;
};

static int fail(struct parser *p, uint32_t off, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int
fail(struct parser *p, uint32_t off, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	p->err->message = pl_arena_vprintf(p->a, fmt, ap);
	va_end(ap);
	p->err->off = off;
	return -1;
}

/* Source offset of logical-line byte I (I may be one past the end). */
static uint32_t
src_off(const struct parser *p, size_t i)
{
	if (i < p->ll.n) {
		return p->ll.map[i];
	}
	return p->ll.n ? p->ll.map[p->ll.n - 1] + 1 : 0;
}

/* Reads the next physical line: [*b, *e) with its line ending. False at end of input. */
static bool
next_line(struct parser *p, size_t *b, size_t *e)
{
	const char *nl;

	if (p->pos >= p->src->len) {
		return false;
	}
	*b = p->pos;
	nl = memchr(p->src->text + p->pos, '\n', p->src->len - p->pos);
	*e = nl ? (size_t)(nl - p->src->text) + 1 : p->src->len;
	p->pos = *e;
	return true;
}

/* BuildKit's trimNewline: every trailing '\r' and '\n'. */
static size_t
trim_newline(const char *s, size_t n)
{
	while (n > 0 && (s[n - 1] == '\r' || s[n - 1] == '\n')) {
		n--;
	}
	return n;
}

static size_t
skip_uspace(const char *s, size_t n)
{
	size_t i = 0, k;

	while (i < n && (k = uspace_len(s + i, n - i)) > 0) {
		i += k;
	}
	return i;
}

/*
 * If the line ends in a continuation (the escape token, optionally followed by spaces or
 * tabs, and not preceded by another escape token), returns true and shortens *N to drop
 * the token and what follows it.
 */
static bool
trim_continuation(const char *s, size_t *n, char esc)
{
	size_t i = *n;

	while (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '\t')) {
		i--;
	}
	if (i == 0 || s[i - 1] != esc) {
		return false;
	}
	if (i >= 2 && s[i - 2] == esc) {
		return false;
	}
	*n = i - 1;
	return true;
}

static void *
grow(struct parser *p, void *arr, size_t n, size_t *cap, size_t size)
{
	if (n < *cap) {
		return arr;
	}
	/* Instructions have a few words each: start small, double. */
	*cap = *cap ? *cap * 2 : 4;
	return pl_arena_grow(p->a, arr, n, *cap, size);
}

static void
add_comment(struct parser *p, const char *s, size_t n, size_t off)
{
	struct pl_df_comment *c;
	const char *hash = memchr(s, '#', n);
	size_t k = hash ? (size_t)(hash - s) + 1 : 0;

	p->f->comments = grow(p, p->f->comments, p->f->ncomments, &p->com_cap, sizeof(*c));
	c = &p->f->comments[p->f->ncomments++];
	c->text = pl_arena_strndup(p->a, s + k, n - k);
	c->off = (uint32_t)(off + k - (k ? 1 : 0));
	c->line = pl_source_pos(p->src, off).line;
}

static void
add_warning(struct parser *p, uint32_t off, const char *msg)
{
	struct pl_df_warning *w;

	p->f->warnings = grow(p, p->f->warnings, p->f->nwarnings, &p->warn_cap, sizeof(*w));
	w = &p->f->warnings[p->f->nwarnings++];
	w->message = msg;
	w->off = off;
}

/*
 * Matches BuildKit's directive pattern `^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$` on
 * S[0..n). Fills NAME and VALUE spans (relative to S) and returns true on a match.
 */
static bool
match_directive(const char *s, size_t n, struct span *name, struct span *value)
{
	size_t i = 0;

	if (n == 0 || s[0] != '#') {
		return false;
	}
	i = 1;
	while (i < n && (is_ascii_space(s[i]) && s[i] != '\v')) {
		i++;
	}
	if (i >= n || !((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z'))) {
		return false;
	}
	name->b = i;
	while (i < n && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
			 (s[i] >= '0' && s[i] <= '9'))) {
		i++;
	}
	name->e = i;
	while (i < n && is_ascii_space(s[i]) && s[i] != '\v') {
		i++;
	}
	if (i >= n || s[i] != '=') {
		return false;
	}
	i++;
	while (i < n && is_ascii_space(s[i]) && s[i] != '\v') {
		i++;
	}
	value->b = i;
	value->e = n;
	while (value->e > value->b && is_ascii_space(s[value->e - 1]) && s[value->e - 1] != '\v') {
		value->e--;
	}
	return value->e > value->b;
}

/*
 * BuildKit's directive parser on one line (left-trimmed, newline-trimmed). While
 * directives are still allowed, a matching line with a known name is honoured; anything
 * else ends the directive section. A directive-shaped comment seen later is recorded as
 * not honoured, for the rule that reports misplaced directives.
 */
static int
directive_line(struct parser *p, const char *s, size_t n, size_t off)
{
	struct span name, value;
	struct pl_df_directive *d;
	char lname[16];
	size_t ln;
	bool known;

	if (!match_directive(s, n, &name, &value)) {
		p->dir_done = true;
		return 0;
	}
	ln = name.e - name.b;
	if (ln >= sizeof(lname)) {
		p->dir_done = true;
		return 0;
	}
	for (size_t i = 0; i < ln; i++) {
		char c = s[name.b + i];

		lname[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	lname[ln] = '\0';
	known = strcmp(lname, "syntax") == 0 || strcmp(lname, "escape") == 0 ||
		strcmp(lname, "check") == 0;
	if (!known) {
		p->dir_done = true;
		return 0;
	}
	p->f->directives = grow(p, p->f->directives, p->f->ndirectives, &p->dir_cap, sizeof(*d));
	d = &p->f->directives[p->f->ndirectives++];
	d->name = pl_arena_strdup(p->a, lname);
	d->value = pl_arena_strndup(p->a, s + value.b, value.e - value.b);
	d->off = (uint32_t)off;
	d->end = (uint32_t)(off + n);
	d->line = pl_source_pos(p->src, off).line;
	d->honoured = !p->dir_done;
	if (p->dir_done) {
		return 0;
	}
	if (strcmp(lname, "syntax") == 0) {
		if (p->seen_syntax) {
			return fail(p, d->off, "only one %s parser directive can be used", lname);
		}
		p->seen_syntax = true;
	} else if (strcmp(lname, "check") == 0) {
		if (p->seen_check) {
			return fail(p, d->off, "only one %s parser directive can be used", lname);
		}
		p->seen_check = true;
	} else {
		if (p->seen_escape) {
			return fail(p, d->off, "only one %s parser directive can be used", lname);
		}
		p->seen_escape = true;
		if (strcmp(d->value, "`") != 0 && strcmp(d->value, "\\") != 0) {
			return fail(p, d->off, "invalid escape token '%s' does not match ` or \\",
				    d->value);
		}
		p->escape = d->value[0];
	}
	return 0;
}

/* ---- words -------------------------------------------------------------------------- */

struct words {
	struct pl_df_word *w;
	size_t n, cap;
};

static int
word_add(struct parser *p, struct words *ws, const char *s, size_t n, size_t b, size_t e)
{
	struct pl_df_word *w;

	if (ws->n >= PL_MAX_WORDS) {
		return fail(p, src_off(p, b), "instruction has more than the 65536 words allowed");
	}
	ws->w = grow(p, ws->w, ws->n, &ws->cap, sizeof(*w));
	w = &ws->w[ws->n++];
	w->s = pl_arena_strndup(p->a, s, n);
	w->n = n;
	w->off = src_off(p, b);
	w->end = e > b ? src_off(p, e - 1) + 1 : w->off;
	return 0;
}

/*
 * BuildKit's extractBuilderFlags on LINE[b, e): leading words starting with "--" are
 * flags, quotes inside them are removed and a backslash escapes the next byte; a bare
 * "--" ends the flags and is dropped. Sets *REST to where the remaining text begins.
 *
 * BuildKit tests white space here byte by byte (so bytes 0x85 and 0xA0 inside UTF-8
 * sequences would split a word); plimsoll treats only ASCII white space as separators so
 * that a flag value with non-ASCII text stays valid UTF-8.
 */
static int
extract_flags(struct parser *p, size_t b, size_t e, struct words *flags, size_t *rest)
{
	const char *s = p->ll.s;
	struct pl_buf w;
	size_t pos = b, wb = 0;
	bool blank_ok = false;
	enum { SPACES, WORD, QUOTE } phase = SPACES;
	char quote = 0;
	int rc = 0;

	pl_buf_init(&w);
	*rest = e;
	for (; pos <= e; pos++) {
		char ch = pos < e ? s[pos] : 0;

		if (phase == SPACES) {
			if (pos == e) {
				break;
			}
			if (is_ascii_space(ch)) {
				continue;
			}
			if (ch != '-' || pos + 1 == e || s[pos + 1] != '-') {
				*rest = pos;
				goto done;
			}
			phase = WORD;
			wb = pos;
		}
		if (pos == e) {
			if (!(w.n == 2 && memcmp(w.p, "--", 2) == 0) && (blank_ok || w.n > 0)) {
				rc = word_add(p, flags, w.p, w.n, wb, pos);
			}
			break;
		}
		if (phase == WORD) {
			if (is_ascii_space(ch)) {
				phase = SPACES;
				if (w.n == 2 && memcmp(w.p, "--", 2) == 0) {
					*rest = pos;
					goto done;
				}
				if (blank_ok || w.n > 0) {
					if ((rc = word_add(p, flags, w.p, w.n, wb, pos)) != 0) {
						goto done;
					}
				}
				pl_buf_reset(&w);
				blank_ok = false;
				continue;
			}
			if (ch == '\'' || ch == '"') {
				quote = ch;
				blank_ok = true;
				phase = QUOTE;
				continue;
			}
			if (ch == '\\') {
				if (pos + 1 == e) {
					continue;
				}
				ch = s[++pos];
			}
			pl_buf_addc(&w, ch);
			continue;
		}
		/* QUOTE */
		if (ch == quote) {
			phase = WORD;
			continue;
		}
		if (ch == '\\') {
			if (pos + 1 == e) {
				phase = WORD;
				continue;
			}
			ch = s[++pos];
		}
		pl_buf_addc(&w, ch);
	}
	*rest = e;
done:
	pl_buf_finish(&w);
	return rc;
}

/* Go's strings.TrimSpace on LINE[*b, *e). */
static void
trim_span(const struct parser *p, size_t *b, size_t *e)
{
	const char *s = p->ll.s;
	size_t k;

	while (*b < *e && (k = uspace_len(s + *b, *e - *b)) > 0) {
		*b += k;
	}
	for (;;) {
		size_t i = *e, found = 0;

		/* Step back over one white space character, ASCII or multi-byte. */
		for (k = 1; k <= 3 && k <= i - *b; k++) {
			if (uspace_len(s + i - k, k) == k) {
				found = k;
				break;
			}
		}
		if (found == 0) {
			break;
		}
		*e -= found;
	}
}

/* BuildKit's parseStringsWhitespaceDelimited: split on runs of [\t\v\f\r ]. */
static int
split_whitespace(struct parser *p, size_t b, size_t e, struct words *out)
{
	const char *s = p->ll.s;
	size_t i = b, wb;

	if (b == e) {
		return 0;
	}
	for (;;) {
		wb = i;
		while (i < e && !is_split_space(s[i])) {
			i++;
		}
		if (word_add(p, out, s + wb, i - wb, wb, i) != 0) {
			return -1;
		}
		if (i >= e) {
			return 0;
		}
		while (i < e && is_split_space(s[i])) {
			i++;
		}
		if (i >= e) {
			/* regexp.Split leaves an empty last field after trailing separators */
			return word_add(p, out, s + e, 0, e, e);
		}
	}
}

/*
 * BuildKit's parseWords: quote-aware words where quotes and escape tokens are kept as
 * written (unquoting happens later, at build time). The escape token is literal inside
 * single quotes; an escape token at the very end is dropped.
 */
static int
parse_words(struct parser *p, size_t b, size_t e, struct words *out)
{
	const char *s = p->ll.s;
	char esc = p->escape, quote = 0;
	struct pl_buf w;
	enum { SPACES, WORD, QUOTE } phase = SPACES;
	bool blank_ok = false;
	size_t pos = b, wb = b, k, cl = 0;
	int rc = 0;

	pl_buf_init(&w);
	for (; pos <= e; pos += cl) {
		cl = pos < e ? rune_len(s + pos, e - pos) : 1;
		if (phase == SPACES) {
			if (pos == e) {
				break;
			}
			if ((k = uspace_len(s + pos, e - pos)) > 0) {
				cl = k;
				continue;
			}
			phase = WORD;
			wb = pos;
		}
		if (pos == e) {
			if (blank_ok || w.n > 0) {
				rc = word_add(p, out, w.p, w.n, wb, e);
			}
			break;
		}
		if (phase == WORD) {
			if ((k = uspace_len(s + pos, e - pos)) > 0) {
				cl = k;
				phase = SPACES;
				if (blank_ok || w.n > 0) {
					if ((rc = word_add(p, out, w.p, w.n, wb, pos)) != 0) {
						break;
					}
				}
				pl_buf_reset(&w);
				blank_ok = false;
				continue;
			}
			if (s[pos] == '\'' || s[pos] == '"') {
				quote = s[pos];
				blank_ok = true;
				phase = QUOTE;
			}
			if (s[pos] == esc) {
				if (pos + 1 == e) {
					continue;
				}
				pl_buf_addc(&w, esc);
				pos++;
				cl = rune_len(s + pos, e - pos);
			}
			pl_buf_add(&w, s + pos, cl);
			continue;
		}
		/* QUOTE */
		if (s[pos] == quote) {
			phase = WORD;
		}
		if (s[pos] == esc && quote != '\'') {
			if (pos + 1 == e) {
				phase = WORD;
				continue;
			}
			pl_buf_addc(&w, esc);
			pos++;
			cl = rune_len(s + pos, e - pos);
		}
		pl_buf_add(&w, s + pos, cl);
	}
	pl_buf_finish(&w);
	return rc;
}

/* ---- JSON arrays of strings ------------------------------------------------------ */

enum json_result { JSON_OK, JSON_NOT_STRINGS, JSON_INVALID };

/* Go's encoding/json refuses nesting deeper than 10000; so does plimsoll, and such input
 * falls back to shell form exactly as in BuildKit. */
enum { JSON_MAX_DEPTH = 10000 };

static size_t
json_ws(const char *s, size_t i, size_t e)
{
	while (i < e && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) {
		i++;
	}
	return i;
}

static int
hexval(char c)
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
json_hex4(const char *s, size_t i, size_t e, unsigned *out)
{
	unsigned v = 0;
	int k, h;

	if (i + 4 > e) {
		return false;
	}
	for (k = 0; k < 4; k++) {
		if ((h = hexval(s[i + k])) < 0) {
			return false;
		}
		v = v * 16 + (unsigned)h;
	}
	*out = v;
	return true;
}

static void
put_utf8(struct pl_buf *b, unsigned cp)
{
	char u[4];

	if (cp < 0x80) {
		pl_buf_addc(b, (char)cp);
	} else if (cp < 0x800) {
		u[0] = (char)(0xC0 | (cp >> 6));
		u[1] = (char)(0x80 | (cp & 0x3F));
		pl_buf_add(b, u, 2);
	} else if (cp < 0x10000) {
		u[0] = (char)(0xE0 | (cp >> 12));
		u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F));
		pl_buf_add(b, u, 3);
	} else {
		u[0] = (char)(0xF0 | (cp >> 18));
		u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[3] = (char)(0x80 | (cp & 0x3F));
		pl_buf_add(b, u, 4);
	}
}

/*
 * Scans a JSON string starting at the quote S[i]; returns the index after the closing
 * quote, or 0 when invalid. Decodes into OUT when not NULL. Lone surrogates become
 * U+FFFD as in Go.
 */
static size_t
json_string(const char *s, size_t i, size_t e, struct pl_buf *out)
{
	unsigned cp, lo;

	for (i++; i < e; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '"') {
			return i + 1;
		}
		if (c < 0x20) {
			return 0;
		}
		if (c != '\\') {
			if (out) {
				pl_buf_addc(out, (char)c);
			}
			continue;
		}
		if (++i >= e) {
			return 0;
		}
		switch (s[i]) {
		case '"': cp = '"'; break;
		case '\\': cp = '\\'; break;
		case '/': cp = '/'; break;
		case 'b': cp = '\b'; break;
		case 'f': cp = '\f'; break;
		case 'n': cp = '\n'; break;
		case 'r': cp = '\r'; break;
		case 't': cp = '\t'; break;
		case 'u':
			if (!json_hex4(s, i + 1, e, &cp)) {
				return 0;
			}
			i += 4;
			if (cp >= 0xD800 && cp < 0xDC00) {
				if (i + 2 < e && s[i + 1] == '\\' && s[i + 2] == 'u' &&
				    json_hex4(s, i + 3, e, &lo) && lo >= 0xDC00 && lo < 0xE000) {
					cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
					i += 6;
				} else {
					cp = 0xFFFD;
				}
			} else if (cp >= 0xDC00 && cp < 0xE000) {
				cp = 0xFFFD;
			}
			break;
		default:
			return 0;
		}
		if (out) {
			put_utf8(out, cp);
		}
	}
	return 0;
}

static size_t
json_number(const char *s, size_t i, size_t e)
{
	size_t start;

	if (i < e && s[i] == '-') {
		i++;
	}
	if (i >= e) {
		return 0;
	}
	if (s[i] == '0') {
		i++;
	} else if (s[i] >= '1' && s[i] <= '9') {
		while (i < e && s[i] >= '0' && s[i] <= '9') {
			i++;
		}
	} else {
		return 0;
	}
	if (i < e && s[i] == '.') {
		start = ++i;
		while (i < e && s[i] >= '0' && s[i] <= '9') {
			i++;
		}
		if (i == start) {
			return 0;
		}
	}
	if (i < e && (s[i] == 'e' || s[i] == 'E')) {
		i++;
		if (i < e && (s[i] == '+' || s[i] == '-')) {
			i++;
		}
		start = i;
		while (i < e && s[i] >= '0' && s[i] <= '9') {
			i++;
		}
		if (i == start) {
			return 0;
		}
	}
	return i;
}

/*
 * Parses LINE[b, e) as Go's json.Unmarshal into []interface{} would, after BuildKit's
 * left trim and '[' check. On JSON_OK, the strings are added to OUT with their spans
 * (the quoted token in the source).
 */
static enum json_result
parse_json(struct parser *p, size_t b, size_t e, struct words *out)
{
	const char *s = p->ll.s;
	char *stack;
	size_t depth = 0, i, j;
	bool all_strings = true, after = false, just_opened = false, want_key = false;
	struct pl_buf str;
	enum json_result res = JSON_INVALID;
	size_t first_word = out->n;

	b += skip_uspace(s + b, e - b);
	if (b >= e || s[b] != '[') {
		return JSON_INVALID;
	}
	stack = pl_xmalloc(JSON_MAX_DEPTH);
	pl_buf_init(&str);
	i = b;
	/* An explicit stack instead of recursion keeps hostile nesting off the C stack. */
	for (;;) {
		char c;

		i = json_ws(s, i, e);
		if (i >= e) {
			goto out;
		}
		c = s[i];
		if (after || just_opened) {
			char top = depth > 0 ? stack[depth - 1] : 0;

			if ((c == ']' && top == '[') || (c == '}' && top == '{')) {
				depth--;
				i++;
				after = true;
				just_opened = false;
				if (depth == 0) {
					break;
				}
				continue;
			}
			if (after) {
				if (c != ',') {
					goto out;
				}
				i++;
				after = false;
				want_key = top == '{';
				continue;
			}
		}
		just_opened = false;
		if (want_key) {
			if (c != '"' || (j = json_string(s, i, e, NULL)) == 0) {
				goto out;
			}
			i = json_ws(s, j, e);
			if (i >= e || s[i] != ':') {
				goto out;
			}
			i++;
			want_key = false;
			continue;
		}
		/* A value. */
		if (depth == 1 && stack[0] == '[' && c != '"') {
			all_strings = false;
		}
		if (c == '[' || c == '{') {
			if (depth >= JSON_MAX_DEPTH) {
				goto out;
			}
			stack[depth++] = c;
			just_opened = true;
			want_key = c == '{';
			i++;
			continue;
		}
		if (c == '"') {
			bool top = depth == 1;

			pl_buf_reset(&str);
			if ((j = json_string(s, i, e, top ? &str : NULL)) == 0) {
				goto out;
			}
			if (top && all_strings &&
			    word_add(p, out, str.p ? str.p : "", str.n, i, j) != 0) {
				goto out;
			}
			i = j;
		} else if (c == 't' && e - i >= 4 && memcmp(s + i, "true", 4) == 0) {
			i += 4;
		} else if (c == 'f' && e - i >= 5 && memcmp(s + i, "false", 5) == 0) {
			i += 5;
		} else if (c == 'n' && e - i >= 4 && memcmp(s + i, "null", 4) == 0) {
			i += 4;
		} else if ((j = json_number(s, i, e)) != 0) {
			i = j;
		} else {
			goto out;
		}
		after = true;
	}
	i = json_ws(s, i, e);
	if (i != e) {
		goto out;
	}
	res = all_strings ? JSON_OK : JSON_NOT_STRINGS;
out:
	if (res != JSON_OK) {
		out->n = first_word;
	}
	free(stack);
	pl_buf_finish(&str);
	return res;
}

/* ---- instructions ----------------------------------------------------------------- */

static void
set_words(struct pl_df_instr *in, const struct words *ws)
{
	in->args = ws->w;
	in->nargs = ws->n;
}

/* BuildKit's parseMaybeJSON: JSON array of strings, or the whole text as one argument. */
static int
parse_maybe_json(struct parser *p, struct pl_df_instr *in, size_t b, size_t e, struct words *ws)
{
	enum json_result r;

	if (b == e) {
		return 0;
	}
	r = parse_json(p, b, e, ws);
	if (r == JSON_OK) {
		in->json = true;
		return 0;
	}
	if (r == JSON_NOT_STRINGS) {
		return fail(p, src_off(p, b), "%s requires the arguments to be a JSON array of "
			    "strings", in->keyword);
	}
	return word_add(p, ws, p->ll.s + b, e - b, b, e);
}

/* BuildKit's parseNameVal for ENV and LABEL: key, value, separator triples. */
static int
parse_name_val(struct parser *p, struct pl_df_instr *in, size_t b, size_t e, struct words *ws)
{
	struct words raw = { 0 };
	const char *s = p->ll.s;
	size_t i, k, wb = b;

	if (parse_words(p, b, e, &raw) != 0) {
		return -1;
	}
	if (raw.n == 0) {
		return 0;
	}
	if (memchr(raw.w[0].s, '=', raw.w[0].n) == NULL) {
		/* Legacy form: KEY name value, split at the first run of white space. */
		i = b;
		while (i < e && !is_split_space(s[i])) {
			i++;
		}
		if (i >= e) {
			return fail(p, src_off(p, b), "%s must have two arguments", in->keyword);
		}
		k = i;
		while (k < e && is_split_space(s[k])) {
			k++;
		}
		if (word_add(p, ws, s + b, i - b, b, i) != 0 ||
		    word_add(p, ws, s + k, e - k, k, e) != 0 || word_add(p, ws, "", 0, e, e) != 0) {
			return -1;
		}
		ws->w[ws->n - 1].off = ws->w[ws->n - 1].end = src_off(p, e);
		return 0;
	}
	for (i = 0; i < raw.n; i++) {
		const struct pl_df_word *w = &raw.w[i];
		const char *eq = memchr(w->s, '=', w->n);
		size_t kn;
		uint32_t eq_off;

		if (eq == NULL) {
			return fail(p, w->off, "Syntax error - can't find = in \"%s\". Must be of "
				    "the form: name=value", w->s);
		}
		kn = (size_t)(eq - w->s);
		/* The key is never quoted or escaped before its '=' in real files; map the
		 * spans through the source by byte counts from the word's start. */
		while (wb < e && src_off(p, wb) < w->off) {
			wb++;
		}
		eq_off = src_off(p, wb + kn);
		if (word_add(p, ws, w->s, kn, wb, wb + kn) != 0 ||
		    word_add(p, ws, eq + 1, w->n - kn - 1, wb + kn + 1, wb + kn + 1) != 0 ||
		    word_add(p, ws, "=", 1, wb + kn, wb + kn + 1) != 0) {
			return -1;
		}
		ws->w[ws->n - 2].end = w->end > eq_off + 1 ? w->end : eq_off + 1;
		ws->w[ws->n - 2].off = eq_off + 1;
	}
	return 0;
}

static int build_instr(struct parser *p, struct pl_df_instr *in, size_t b, size_t e);

/* The arguments after the keyword and flags, by the keyword's rule. */
static int
parse_args(struct parser *p, struct pl_df_instr *in, size_t b, size_t e)
{
	struct words ws = { 0 };
	const char *s = p->ll.s;
	size_t sep, next;
	int rc = 0;

	switch (in->kind) {
	case PL_DF_ADD:
	case PL_DF_COPY:
	case PL_DF_VOLUME:
		switch (parse_json(p, b, e, &ws)) {
		case JSON_OK:
			in->json = true;
			break;
		case JSON_NOT_STRINGS:
			rc = fail(p, src_off(p, b), "%s requires the arguments to be a JSON array "
				  "of strings", in->keyword);
			break;
		case JSON_INVALID:
			rc = split_whitespace(p, b, e, &ws);
			break;
		}
		break;
	case PL_DF_ARG:
		rc = parse_words(p, b, e, &ws);
		break;
	case PL_DF_CMD:
	case PL_DF_ENTRYPOINT:
	case PL_DF_RUN:
	case PL_DF_SHELL:
		rc = parse_maybe_json(p, in, b, e, &ws);
		break;
	case PL_DF_ENV:
	case PL_DF_LABEL:
		rc = parse_name_val(p, in, b, e, &ws);
		break;
	case PL_DF_EXPOSE:
	case PL_DF_FROM:
		rc = split_whitespace(p, b, e, &ws);
		break;
	case PL_DF_HEALTHCHECK:
		/* The first word is the type (CMD, NONE, ...), the rest is parsed like CMD. */
		for (sep = b; sep < e && !is_ascii_space(s[sep]); sep++) {
		}
		for (next = sep; next < e && is_ascii_space(s[next]); next++) {
		}
		if (sep == b) {
			break;
		}
		rc = word_add(p, &ws, s + b, sep - b, b, sep);
		if (rc == 0) {
			rc = parse_maybe_json(p, in, next, e, &ws);
		}
		break;
	case PL_DF_MAINTAINER:
	case PL_DF_STOPSIGNAL:
	case PL_DF_USER:
	case PL_DF_WORKDIR:
		if (b < e) {
			rc = word_add(p, &ws, s + b, e - b, b, e);
		}
		break;
	case PL_DF_ONBUILD:
		if (b < e) {
			in->sub = pl_arena_alloc(p->a, sizeof(*in->sub));
			rc = build_instr(p, in->sub, b, e);
		}
		break;
	case PL_DF_UNKNOWN:
	case PL_DF_KIND_COUNT:
		/* BuildKit accepts unknown instructions here and ignores their arguments; the
		 * build fails later, which the model reports. */
		break;
	}
	set_words(in, &ws);
	return rc;
}

/*
 * BuildKit's newNodeFromLine on LINE[b, e): keyword, flags, arguments. Fills IN's spans
 * and text fields.
 */
static int
build_instr(struct parser *p, struct pl_df_instr *in, size_t b, size_t e)
{
	struct words flags = { 0 };
	const char *s = p->ll.s;
	size_t kb, ke, rb, re;

	trim_span(p, &b, &e);
	kb = b;
	for (ke = kb; ke < e && !is_split_space(s[ke]); ke++) {
	}
	in->keyword = pl_arena_strndup(p->a, s + kb, ke - kb);
	in->kind = kind_of(s + kb, ke - kb);
	in->off = src_off(p, kb);
	in->original = pl_arena_strndup(p->a, s + b, e - b);
	rb = re = e;
	if (ke < e) {
		size_t ab = ke;

		while (ab < e && is_split_space(s[ab])) {
			ab++;
		}
		if (extract_flags(p, ab, e, &flags, &rb) != 0) {
			return -1;
		}
		re = e;
		trim_span(p, &rb, &re);
	}
	in->flags = flags.w;
	in->nflags = flags.n;
	in->rest = pl_arena_strndup(p->a, s + rb, re - rb);
	in->rest_off = src_off(p, rb);
	in->rest_len = re - rb;
	in->rest_map = pl_arena_alloc(p->a, (re - rb + 1) * sizeof(uint32_t));
	memcpy((uint32_t *)in->rest_map, p->ll.map + rb, (re - rb) * sizeof(uint32_t));
	((uint32_t *)in->rest_map)[re - rb] = src_off(p, re);
	return parse_args(p, in, rb, re);
}

/* ---- heredocs ---------------------------------------------------------------------- */

/* The instruction, or ONBUILD's, is RUN, COPY or ADD in shell form. */
static bool
can_contain_heredoc(const struct pl_df_instr *in)
{
	if (in->kind == PL_DF_ONBUILD && in->sub != NULL) {
		in = in->sub;
	}
	return (in->kind == PL_DF_RUN || in->kind == PL_DF_COPY || in->kind == PL_DF_ADD) &&
	       !in->json;
}

struct rawword {
	size_t b, e; /* span in the logical line */
};

/*
 * Splits LINE[b, e) into shell words with quotes and backslashes kept (BuildKit's lexer
 * with raw quotes and raw escapes), joining "<<" or "<<-" with the word after it when
 * white space follows directly. Returns the number of words, or -1 on an unterminated
 * quote (then BuildKit finds no heredocs at all).
 */
static long
raw_words(const char *s, size_t b, size_t e, struct rawword *out, size_t max)
{
	size_t n = 0, i = b;

	while (i < e) {
		size_t wb;

		while (i < e && is_ascii_space(s[i])) {
			i++;
		}
		if (i >= e) {
			break;
		}
		wb = i;
	again:
		while (i < e && !is_ascii_space(s[i])) {
			if (s[i] == '\\') {
				i += i + 1 < e ? 2 : 1;
			} else if (s[i] == '\'' || s[i] == '"') {
				char q = s[i++];

				while (i < e && s[i] != q) {
					if (q == '"' && s[i] == '\\' && i + 1 < e) {
						i++;
					}
					i++;
				}
				if (i >= e) {
					return -1;
				}
				i++;
			} else {
				i++;
			}
		}
		/* "<<" or "<<-" (with optional fd digits) directly followed by blanks. */
		{
			size_t k = wb;

			while (k < i && s[k] >= '0' && s[k] <= '9') {
				k++;
			}
			if (i - k >= 2 && s[k] == '<' && s[k + 1] == '<' &&
			    (i - k == 2 || (i - k == 3 && s[k + 2] == '-')) && i < e) {
				while (i < e && is_ascii_space(s[i])) {
					i++;
				}
				if (i < e) {
					goto again;
				}
			}
		}
		if (n < max) {
			out[n].b = wb;
			out[n].e = i;
		}
		n++;
	}
	return (long)n;
}

/*
 * BuildKit's ParseHeredoc on one raw word: `^(\d*)<<(-?)\s*([^<]*)$` whose rest is a
 * single shell word. Returns 1 and fills H, 0 when the word is not a heredoc, -1 on an
 * unterminated quote in the delimiter.
 */
static int
heredoc_word(struct pl_arena *a, const char *s, size_t b, size_t e, struct pl_df_heredoc *h)
{
	size_t i = b, r;
	unsigned fd = 0;
	struct pl_buf name;
	bool quoted = false, split = false;
	char q;

	while (i < e && s[i] >= '0' && s[i] <= '9') {
		if (fd < 100000000u) {
			fd = fd * 10 + (unsigned)(s[i] - '0');
		}
		i++;
	}
	if (e - i < 2 || s[i] != '<' || s[i + 1] != '<') {
		return 0;
	}
	i += 2;
	h->chomp = i < e && s[i] == '-';
	if (h->chomp) {
		i++;
	}
	while (i < e && is_ascii_space(s[i])) {
		i++;
	}
	if (i >= e || memchr(s + i, '<', e - i) != NULL) {
		return 0;
	}
	/* Quote removal and escapes on the rest; it must stay one word. */
	pl_buf_init(&name);
	for (r = i; r < e; r++) {
		if (is_ascii_space(s[r])) {
			split = true;
			break;
		}
		if (s[r] == '\\') {
			if (r + 1 < e) {
				pl_buf_addc(&name, s[++r]);
			}
			continue;
		}
		if (s[r] == '\'' || s[r] == '"') {
			q = s[r];
			quoted = true;
			for (r++; r < e && s[r] != q; r++) {
				if (q == '"' && s[r] == '\\' && r + 1 < e &&
				    (s[r + 1] == '"' || s[r + 1] == '\\' || s[r + 1] == '$')) {
					r++;
				}
				pl_buf_addc(&name, s[r]);
			}
			if (r >= e) {
				pl_buf_finish(&name);
				return -1;
			}
			continue;
		}
		pl_buf_addc(&name, s[r]);
	}
	if (split || name.n == 0) {
		pl_buf_finish(&name);
		return 0;
	}
	h->name = pl_arena_strndup(a, name.p, name.n);
	h->expand = !quoted;
	h->fd = fd;
	pl_buf_finish(&name);
	return 1;
}

int
pl_df_heredoc_word(const char *word, struct pl_arena *a, struct pl_df_heredoc *out)
{
	memset(out, 0, sizeof(*out));
	return heredoc_word(a, word, 0, strlen(word), out);
}

/* Finds the heredocs of the logical line and reads their bodies from the source. */
static int
read_heredocs(struct parser *p, struct pl_df_instr *in, size_t lb, size_t le)
{
	struct rawword words[PL_MAX_HEREDOCS * 4];
	long nw = raw_words(p->ll.s, lb, le, words, sizeof(words) / sizeof(words[0]));
	struct pl_df_heredoc *hs = NULL;
	size_t n = 0, cap = 0;
	long wi;

	if (nw > (long)(sizeof(words) / sizeof(words[0]))) {
		nw = (long)(sizeof(words) / sizeof(words[0]));
	}
	for (wi = 0; wi < nw; wi++) {
		struct pl_df_heredoc h = { 0 };
		int r = heredoc_word(p->a, p->ll.s, words[wi].b, words[wi].e, &h);

		if (r < 0) {
			return fail(p, src_off(p, words[wi].b), "unterminated quote in heredoc "
				    "delimiter");
		}
		if (r == 0) {
			continue;
		}
		if (n >= PL_MAX_HEREDOCS) {
			return fail(p, src_off(p, words[wi].b), "more than 64 heredocs in one "
				    "instruction");
		}
		h.word_off = src_off(p, words[wi].b);
		if (n == cap) {
			cap = cap ? cap * 2 : 4;
			hs = pl_arena_grow(p->a, hs, n, cap, sizeof(*hs));
		}
		hs[n++] = h;
	}
	for (size_t k = 0; k < n; k++) {
		struct pl_df_heredoc *h = &hs[k];
		size_t lb2, le2, body = p->pos, nlen = strlen(h->name);
		bool done = false;

		while (next_line(p, &lb2, &le2)) {
			const char *t = p->src->text + lb2;
			size_t tn = trim_newline(t, le2 - lb2);

			if (h->chomp) {
				while (tn > 0 && *t == '\t') {
					t++;
					tn--;
				}
			}
			if (tn == nlen && memcmp(t, h->name, nlen) == 0) {
				h->off = (uint32_t)body;
				h->end = (uint32_t)lb2;
				h->content = pl_arena_strndup(p->a, p->src->text + body, lb2 - body);
				p->last_off = (uint32_t)le2;
				done = true;
				break;
			}
		}
		if (!done) {
			return fail(p, h->word_off, "unterminated heredoc: no line \"%s\" ends it",
				    h->name);
		}
	}
	in->heredocs = hs;
	in->nheredocs = n;
	if (in->sub != NULL) {
		in->sub->heredocs = hs;
		in->sub->nheredocs = n;
	}
	return 0;
}

/* ---- the file ---------------------------------------------------------------------- */

static int
check_text(struct parser *p)
{
	const char *s = p->src->text;
	size_t n = p->src->len, bad;
	const char *nul = memchr(s, '\0', n);

	if (nul != NULL) {
		return fail(p, (uint32_t)(nul - s), "NUL byte: this is a binary file, not a "
			    "Dockerfile");
	}
	if (!pl_utf8_valid(s, n)) {
		bad = pl_utf8_first_invalid(s, n);
		return fail(p, (uint32_t)bad, "invalid UTF-8: a Dockerfile must be UTF-8 text");
	}
	return 0;
}

static int
add_instr(struct parser *p, size_t start, uint32_t start_line)
{
	struct pl_df_instr *in;

	if (p->f->ninstrs >= PL_MAX_INSTRUCTIONS) {
		return fail(p, (uint32_t)start, "more than 100000 instructions in one file");
	}
	p->f->instrs = grow(p, p->f->instrs, p->f->ninstrs, &p->ins_cap, sizeof(*in));
	in = &p->f->instrs[p->f->ninstrs];
	memset(in, 0, sizeof(*in));
	p->last_off = (uint32_t)p->pos;
	if (build_instr(p, in, 0, p->ll.n) != 0) {
		return -1;
	}
	if (can_contain_heredoc(in) && strstr(p->ll.s, "<<") != NULL &&
	    read_heredocs(p, in, 0, p->ll.n) != 0) {
		return -1;
	}
	in->start_line = start_line;
	in->end = p->last_off;
	while (in->end > in->off && (p->src->text[in->end - 1] == '\n' ||
				     p->src->text[in->end - 1] == '\r')) {
		in->end--;
	}
	in->end_line = pl_source_pos(p->src, in->end > in->off ? in->end - 1 : in->off).line;
	if (in->sub != NULL) {
		in->sub->start_line = in->start_line;
		in->sub->end_line = in->end_line;
		in->sub->end = in->end;
	}
	p->f->ninstrs++;
	return 0;
}

int
pl_df_parse(const struct pl_source *src, struct pl_arena *arena, struct pl_df_file *file,
	    struct pl_df_error *err)
{
	struct parser p = { 0 };
	size_t lb, le;
	int rc = -1;

	memset(file, 0, sizeof(*file));
	memset(err, 0, sizeof(*err));
	p.src = src;
	p.a = arena;
	p.f = file;
	p.err = err;
	p.escape = '\\';
	file->src = src;
	if (check_text(&p) != 0) {
		goto out;
	}
	while (next_line(&p, &lb, &le)) {
		const char *t = src->text + lb;
		size_t tn = trim_newline(t, le - lb), k;
		uint32_t start_line;
		bool cont;

		if (lb == 0 && tn >= 3 && memcmp(t, "\xEF\xBB\xBF", 3) == 0) {
			t += 3;
			tn -= 3;
		}
		k = skip_uspace(t, tn);
		t += k;
		tn -= k;
		if (!p.dir_done && directive_line(&p, t, tn, (size_t)(t - src->text)) != 0) {
			goto out;
		}
		if (tn > 0 && t[0] == '#') {
			add_comment(&p, t, tn, (size_t)(t - src->text));
			if (p.dir_done) {
				directive_line(&p, t, tn, (size_t)(t - src->text));
			}
			continue;
		}
		cont = trim_continuation(t, &tn, p.escape);
		if (!cont && tn == 0) {
			continue;
		}
		start_line = pl_source_pos(src, lb).line;
		if (tn > PL_MAX_LINE_BYTES) {
			fail(&p, (uint32_t)lb, "line is longer than the 1 MiB limit");
			goto out;
		}
		p.ll.n = 0;
		ll_add(&p.ll, t, tn, (uint32_t)(t - src->text));
		while (cont && next_line(&p, &lb, &le)) {
			const char *c = src->text + lb;
			size_t cn = trim_newline(c, le - lb), ck = skip_uspace(c, cn);

			if (ck < cn && c[ck] == '#') {
				add_comment(&p, c + ck, cn - ck, lb + ck);
				continue;
			}
			if (ck == cn) {
				add_warning(&p, (uint32_t)lb, "empty continuation line");
				continue;
			}
			if (cn > PL_MAX_LINE_BYTES) {
				fail(&p, (uint32_t)lb, "line is longer than the 1 MiB limit");
				goto out;
			}
			cont = trim_continuation(c, &cn, p.escape);
			ll_add(&p.ll, c, cn, (uint32_t)lb);
			if (p.ll.n > PL_MAX_LINE_BYTES) {
				break;
			}
		}
		if (p.ll.n > PL_MAX_LINE_BYTES) {
			fail(&p, p.ll.map[0], "instruction is longer than the 1 MiB limit");
			goto out;
		}
		if (add_instr(&p, p.ll.map[0], start_line) != 0) {
			goto out;
		}
	}
	if (file->ninstrs == 0) {
		fail(&p, (uint32_t)src->len, "file with no instructions");
		goto out;
	}
	rc = 0;
out:
	file->escape = p.escape;
	free(p.ll.s);
	free(p.ll.map);
	return rc;
}

const char *
pl_df_flag(const struct pl_df_instr *in, const char *name, const struct pl_df_word **word)
{
	size_t i, n = strlen(name);

	for (i = 0; i < in->nflags; i++) {
		const char *f = in->flags[i].s;

		if (strncmp(f, "--", 2) != 0 || strncmp(f + 2, name, n) != 0) {
			continue;
		}
		if (f[2 + n] == '=' || f[2 + n] == '\0') {
			if (word != NULL) {
				*word = &in->flags[i];
			}
			return f[2 + n] == '=' ? f + 3 + n : "";
		}
	}
	return NULL;
}
