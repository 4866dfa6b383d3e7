/*
 * dotenv.c -- .env files as Docker Compose reads them (see dotenv.h).
 *
 * The reader follows compose-go's statement loop: skip white space and comment lines,
 * read a key up to "=", ":" or the end of the line, then a value that is single-quoted,
 * double-quoted or runs to the end of the line. White space is classified rune by rune
 * with Go's two sets: Unicode white space between statements and at the end of an
 * unquoted value, and a narrower "blank" set (no line feed) inside a statement.
 *
 * Double-quoted values go through two passes, as in compose-go: the quote scan turns \"
 * into " and keeps every other backslash pair, then the escape pass decodes the pairs it
 * knows. Each pass keeps, for every byte it outputs, the file offset it came from, so
 * that an interpolation error deep inside a value still points at the right column.
 */
#include "parse/dotenv.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/buf.h"
#include "core/limits.h"
#include "core/source.h"

/* The hash index behind pl_dotenv_get: slots hold entry index + 1, 0 is empty. */
struct dotenv_index {
	uint32_t *slots;
	size_t cap, used;
};

struct parser {
	const char *t;
	size_t n, i;
	pl_interp_lookup lookup;
	void *ctx;
	struct pl_arena *a;
	struct pl_dotenv *env;
	struct pl_dotenv_error *err;
	size_t cap;            /* of env->entries */
	size_t expanded;       /* bytes of interpolated values so far */
	/* Line tracking for positions: offsets are asked for mostly in increasing order. */
	size_t cur_off, cur_line_start;
	uint32_t cur_line;
	/* Offset maps of the double-quote passes (file offset of each output byte). */
	struct pl_buf b1, b2;
	uint32_t *map1, *map2;
	size_t mapcap;
};

/* ---- runes ----------------------------------------------------------------------- */

/* Decodes the UTF-8 rune at S[0..n) (n > 0) into *LEN bytes; an invalid sequence is
 * U+FFFD of length 1, as Go's range loop reads it. */
static uint32_t
rune_at(const char *s, size_t n, size_t *len)
{
	const unsigned char *p = (const unsigned char *)s;
	uint32_t r, min;
	size_t k;

	if (p[0] < 0x80) {
		*len = 1;
		return p[0];
	}
	if (p[0] >= 0xC2 && p[0] <= 0xDF) {
		k = 2, r = p[0] & 0x1Fu, min = 0x80;
	} else if (p[0] >= 0xE0 && p[0] <= 0xEF) {
		k = 3, r = p[0] & 0x0Fu, min = 0x800;
	} else if (p[0] >= 0xF0 && p[0] <= 0xF4) {
		k = 4, r = p[0] & 0x07u, min = 0x10000;
	} else {
		*len = 1;
		return 0xFFFD;
	}
	if (n < k) {
		*len = 1;
		return 0xFFFD;
	}
	for (size_t j = 1; j < k; j++) {
		if ((p[j] & 0xC0) != 0x80) {
			*len = 1;
			return 0xFFFD;
		}
		r = (r << 6) | (p[j] & 0x3Fu);
	}
	if (r < min || r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF)) {
		*len = 1;
		return 0xFFFD;
	}
	*len = k;
	return r;
}

/* compose-go's isSpace: white space that is not a line break. */
static bool
is_blank(uint32_t r)
{
	return r == '\t' || r == '\v' || r == '\f' || r == '\r' || r == ' ' || r == 0x85 ||
	       r == 0xA0;
}

/* Go's unicode.IsSpace. */
static bool
is_space(uint32_t r)
{
	return (r >= '\t' && r <= '\r') || r == ' ' || r == 0x85 || r == 0xA0 || r == 0x1680 ||
	       (r >= 0x2000 && r <= 0x200A) || r == 0x2028 || r == 0x2029 || r == 0x202F ||
	       r == 0x205F || r == 0x3000;
}

/*
 * A rune that may be in a key: compose-go takes Unicode letters and digits and "_" "."
 * "-" "[" "]". Outside ASCII every valid non-space, non-control rune is taken as a
 * letter: telling letters from symbols would need Unicode's tables, and a symbol in a
 * key is as unlikely as it is harmless.
 */
static bool
is_key_rune(uint32_t r)
{
	if (r < 0x80) {
		return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9') ||
		       r == '_' || r == '.' || r == '-' || r == '[' || r == ']';
	}
	return r != 0xFFFD && r >= 0xA0 && !is_space(r);
}

/* ---- positions and errors ---------------------------------------------------------- */

static void
position(struct parser *ps, size_t off, uint32_t *line, uint32_t *col)
{
	if (off < ps->cur_off) {
		ps->cur_off = 0;
		ps->cur_line_start = 0;
		ps->cur_line = 1;
	}
	while (ps->cur_off < off) {
		const char *nl = memchr(ps->t + ps->cur_off, '\n', off - ps->cur_off);

		if (nl == NULL) {
			ps->cur_off = off;
			break;
		}
		ps->cur_line++;
		ps->cur_off = (size_t)(nl - ps->t) + 1;
		ps->cur_line_start = ps->cur_off;
	}
	*line = ps->cur_line;
	*col = 1 + pl_utf8_count(ps->t + ps->cur_line_start, off - ps->cur_line_start);
}

static int
fail(struct parser *ps, size_t off, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static int
fail(struct parser *ps, size_t off, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	ps->err->off = off;
	position(ps, off, &ps->err->line, &ps->err->col);
	ps->err->message = pl_arena_vprintf(ps->a, fmt, ap);
	va_end(ap);
	return -1;
}

/* A character for a message: itself when printable ASCII, else its code point or byte. */
static const char *
show_char(struct parser *ps, size_t off)
{
	size_t len;
	uint32_t r = rune_at(ps->t + off, ps->n - off, &len);

	if (r >= 0x21 && r < 0x7F && r != '"' && r != '\\') {
		return pl_arena_printf(ps->a, "\"%c\"", (char)r);
	}
	if (r == 0xFFFD && len == 1) {
		return pl_arena_printf(ps->a, "byte 0x%02X", (unsigned char)ps->t[off]);
	}
	return pl_arena_printf(ps->a, "U+%04X", (unsigned)r);
}

/* ---- the index ------------------------------------------------------------------- */

static uint64_t
hash(const char *s, size_t n)
{
	uint64_t h = 14695981039346656037u; /* FNV-1a 64 */

	for (size_t k = 0; k < n; k++) {
		h = (h ^ (unsigned char)s[k]) * 1099511628211u;
	}
	return h;
}

/* The slot of KEY[0..n): the one holding it, or the empty one where it belongs. */
static uint32_t *
slot(const struct pl_dotenv *env, const char *key, size_t n)
{
	struct dotenv_index *ix = env->index;
	size_t mask = ix->cap - 1, k = (size_t)hash(key, n) & mask;

	for (;;) {
		uint32_t *s = &ix->slots[k];

		if (*s == 0) {
			return s;
		}
		const char *have = env->entries[*s - 1].key;
		if (strncmp(have, key, n) == 0 && have[n] == '\0') {
			return s;
		}
		k = (k + 1) & mask;
	}
}

/* Makes entry E (which has a value) the one its key resolves to. */
static void
index_put(struct parser *ps, size_t e)
{
	struct pl_dotenv *env = ps->env;
	struct dotenv_index *ix = env->index;
	const char *key = env->entries[e].key;
	uint32_t *s;

	if ((ix->used + 1) * 2 > ix->cap) {
		uint32_t *old = ix->slots;
		size_t oldcap = ix->cap;

		ix->cap = ix->cap ? ix->cap * 2 : 64;
		ix->slots = pl_arena_alloc(ps->a, ix->cap * sizeof(*ix->slots));
		for (size_t k = 0; k < oldcap; k++) {
			if (old[k] != 0) {
				const char *kk = env->entries[old[k] - 1].key;

				*slot(env, kk, strlen(kk)) = old[k];
			}
		}
	}
	s = slot(env, key, strlen(key));
	if (*s == 0) {
		ix->used++;
	}
	*s = (uint32_t)e + 1;
}

static const struct pl_dotenv_entry *
index_get(const struct pl_dotenv *env, const char *key, size_t n)
{
	const struct dotenv_index *ix = env->index;
	uint32_t *s;

	if (ix == NULL || ix->cap == 0 || memchr(key, '\0', n) != NULL) {
		return NULL;
	}
	s = slot(env, key, n);
	return *s != 0 ? &env->entries[*s - 1] : NULL;
}

const struct pl_dotenv_entry *
pl_dotenv_get(const struct pl_dotenv *env, const char *key)
{
	/* ReadWithLookup in compose-go drops keys that start with a digit. */
	if (env == NULL || key[0] == '\0' || (key[0] >= '0' && key[0] <= '9')) {
		return NULL;
	}
	return index_get(env, key, strlen(key));
}

bool
pl_dotenv_lookup(void *ctx, const char *name, size_t n, const char **value, size_t *len)
{
	const struct pl_dotenv *env = ctx;
	const struct pl_dotenv_entry *e;

	if (env == NULL || n == 0 || (name[0] >= '0' && name[0] <= '9')) {
		return false;
	}
	e = index_get(env, name, n);
	if (e == NULL) {
		return false;
	}
	*value = e->value;
	*len = e->value_len;
	return true;
}

/* Interpolation inside the file: the caller's lookup first, then the entries above. */
static bool
file_lookup(void *ctx, const char *name, size_t n, const char **value, size_t *len)
{
	struct parser *ps = ctx;
	const struct pl_dotenv_entry *e;

	if (ps->lookup != NULL && ps->lookup(ps->ctx, name, n, value, len)) {
		return true;
	}
	e = index_get(ps->env, name, n);
	if (e == NULL) {
		return false;
	}
	*value = e->value;
	*len = e->value_len;
	return true;
}

/* ---- values ---------------------------------------------------------------------- */

/* Room for N bytes in both offset maps. They are scratch, reused for every value; when
 * they grow the old ones stay behind in the arena, at most twice the largest value. */
static void
map_reserve(struct parser *ps, size_t n)
{
	if (n > ps->mapcap) {
		size_t cap = ps->mapcap ? ps->mapcap : 256;

		while (cap < n) {
			cap *= 2;
		}
		ps->map1 = pl_arena_alloc_raw(ps->a, cap * sizeof(uint32_t));
		ps->map2 = pl_arena_alloc_raw(ps->a, cap * sizeof(uint32_t));
		ps->mapcap = cap;
	}
}

/*
 * Interpolates S[0..n) into entry E. MAP gives the file offset of each byte of S (NULL:
 * S starts at file offset BASE and maps one to one). Returns 0, or -1 with the error.
 */
static int
interpolate(struct parser *ps, struct pl_dotenv_entry *e, const char *s, size_t n,
	    const uint32_t *map, size_t base)
{
	struct pl_interp_result r;
	struct pl_interp_error ie;

	if (pl_interp_expand(s, n, file_lookup, ps, ps->a, &r, &ie) < 0) {
		size_t off = map != NULL ? (ie.off < n ? map[ie.off] : base) : base + ie.off;

		if (ie.kind == PL_INTERP_EREQUIRED) {
			e->error = ie.message;
			e->has_refs = true;
			return 0;
		}
		return fail(ps, off, "%s", ie.message);
	}
	if (r.n > PL_MAX_DOTENV_EXPANDED_BYTES - ps->expanded) {
		return fail(ps, e->value_off, "interpolated values are larger than %u MiB in all",
			    PL_MAX_DOTENV_EXPANDED_BYTES / (1024u * 1024u));
	}
	ps->expanded += r.n;
	e->value = r.s;
	e->value_len = r.n;
	e->has_refs = r.nrefs > 0;
	e->has_unset = r.nunset > 0;
	return 0;
}

/*
 * compose-go's escape pass over a double-quoted value (after the quote scan): \a \b \f
 * \n \r \t \v \\ \" decode, \$ becomes $$ so that interpolation leaves a "$", \0 with
 * three octal digits is that byte; any other backslash stays as written. The output is
 * never longer than S, so the maps reserved for S suffice.
 */
static void
unescape(struct parser *ps, const char *s, size_t n, const uint32_t *map)
{
	struct pl_buf *o = &ps->b2;

	pl_buf_reset(o);
	for (size_t k = 0; k < n;) {
		uint32_t at = map[k];
		char c = s[k], d;
		const char *rep = NULL;
		size_t take = 1;

		if (c == '\\' && k + 1 < n) {
			d = s[k + 1];
			switch (d) {
			case 'a': rep = "\a"; break;
			case 'b': rep = "\b"; break;
			case 'f': rep = "\f"; break;
			case 'n': rep = "\n"; break;
			case 'r': rep = "\r"; break;
			case 't': rep = "\t"; break;
			case 'v': rep = "\v"; break;
			case '\\': rep = "\\"; break;
			case '"': rep = "\""; break;
			case '$': rep = "$$"; break;
			default: break;
			}
			if (rep != NULL) {
				take = 2;
			} else if (d == '0') {
				/* Go's regexp takes \0 and up to three digits; strconv then
				 * needs exactly three octal ones worth at most 0377. */
				size_t dn = 0;
				unsigned v = 0;
				bool octal = true;

				while (dn < 3 && k + 2 + dn < n && s[k + 2 + dn] >= '0' &&
				       s[k + 2 + dn] <= '9') {
					char x = s[k + 2 + dn];

					octal = octal && x <= '7';
					v = v * 8 + (unsigned)(x - '0');
					dn++;
				}
				take = 2 + dn;
				if (dn == 3 && octal && v <= 0377) {
					char byte = (char)v;

					ps->map2[o->n] = at;
					pl_buf_add(o, &byte, 1);
					k += take;
					continue;
				}
				rep = NULL;
			}
		}
		if (rep != NULL) {
			size_t rn = strlen(rep);

			for (size_t j = 0; j < rn; j++) {
				ps->map2[o->n + j] = at;
			}
			pl_buf_add(o, rep, rn);
		} else {
			for (size_t j = 0; j < take; j++) {
				ps->map2[o->n + j] = map[k + j];
			}
			pl_buf_add(o, s + k, take);
		}
		k += take;
	}
}

/*
 * A quoted value at ps->i (the opening quote). Fills the value of E, leaves ps->i after
 * the closing quote.
 */
static int
quoted(struct parser *ps, struct pl_dotenv_entry *e)
{
	char q = ps->t[ps->i];
	size_t open = ps->i, close, k;
	struct pl_buf *o = &ps->b1;

	e->quote = q == '\'' ? PL_DOTENV_SINGLE : PL_DOTENV_DOUBLE;
	e->value_off = open + 1;
	/* The closing quote: the first one no backslash escapes. */
	for (close = open + 1; close < ps->n && ps->t[close] != q; close++) {
		if (ps->t[close] == '\\' && close + 1 < ps->n) {
			close++;
		}
	}
	if (close >= ps->n) {
		return fail(ps, open, "unterminated quoted value");
	}
	e->value_end = close;
	ps->i = close + 1;

	/* The quote scan: an escaped quote drops its backslash, other pairs stay whole. */
	pl_buf_reset(o);
	map_reserve(ps, close - open);
	for (k = open + 1; k < close; k++) {
		char c = ps->t[k];

		if (c == '\\' && ps->t[k + 1] == q) {
			k++;
			c = q;
		} else if (c == '\\') {
			ps->map1[o->n] = (uint32_t)k;
			pl_buf_addc(o, c);
			k++;
			c = ps->t[k];
		}
		ps->map1[o->n] = (uint32_t)k;
		pl_buf_addc(o, c);
	}
	if (q == '\'') {
		e->value = pl_arena_strndup(ps->a, o->p != NULL ? o->p : "", o->n);
		e->value_len = o->n;
		return 0;
	}
	unescape(ps, o->p != NULL ? o->p : "", o->n, ps->map1);
	return interpolate(ps, e, ps->b2.p != NULL ? ps->b2.p : "", ps->b2.n, ps->map2,
			   e->value_off);
}

/* An unquoted value at ps->i: to the end of the line, cut at " #", blanks trimmed. */
static int
unquoted(struct parser *ps, struct pl_dotenv_entry *e)
{
	const char *t = ps->t;
	const char *nl = memchr(t + ps->i, '\n', ps->n - ps->i);
	size_t eol = nl != NULL ? (size_t)(nl - t) : ps->n, end = eol, last = ps->i;

	for (size_t k = ps->i; k + 1 < eol; k++) {
		if (t[k] == ' ' && t[k + 1] == '#') {
			end = k;
			break;
		}
	}
	/* Trailing Unicode white space goes (the "\r" of a CRLF line end among it). */
	for (size_t k = ps->i; k < end;) {
		size_t len;
		uint32_t r = rune_at(t + k, end - k, &len);

		k += len;
		if (!is_space(r)) {
			last = k;
		}
	}
	e->quote = PL_DOTENV_UNQUOTED;
	e->value_off = ps->i;
	e->value_end = last;
	ps->i = eol;
	return interpolate(ps, e, t + e->value_off, e->value_end - e->value_off, NULL,
			   e->value_off);
}

/* ---- statements ------------------------------------------------------------------ */

static size_t
skip_blanks(struct parser *ps, size_t k)
{
	while (k < ps->n) {
		size_t len;

		if (!is_blank(rune_at(ps->t + k, ps->n - k, &len))) {
			break;
		}
		k += len;
	}
	return k;
}

/* White space but line feeds: what may follow a closing quote on its line. */
static size_t
skip_line_space(struct parser *ps, size_t k)
{
	while (k < ps->n && ps->t[k] != '\n') {
		size_t len;

		if (!is_space(rune_at(ps->t + k, ps->n - k, &len))) {
			break;
		}
		k += len;
	}
	return k;
}

static struct pl_dotenv_entry *
new_entry(struct parser *ps)
{
	struct pl_dotenv *env = ps->env;

	if (env->nentries == ps->cap) {
		size_t cap = ps->cap ? ps->cap * 2 : 16;

		env->entries = pl_arena_grow(ps->a, env->entries, ps->cap, cap,
					     sizeof(*env->entries));
		ps->cap = cap;
	}
	memset(&env->entries[env->nentries], 0, sizeof(env->entries[0]));
	return &env->entries[env->nentries];
}

/* One statement at ps->i, which is neither white space nor a comment. */
static int
statement(struct parser *ps)
{
	const char *t = ps->t;
	struct pl_dotenv_entry *e;
	bool exported = false, inherited = false;
	size_t key_off, key_end, k, blank = 0;
	uint32_t r = 0;

	/* "export" and white space (Go's \s), as compose-go's ^export\s+ */
	if (ps->n - ps->i > 6 && memcmp(t + ps->i, "export", 6) == 0 &&
	    memchr(" \t\n\f\r", t[ps->i + 6], 5) != NULL) {
		k = skip_blanks(ps, ps->i + 6);
		if (k == ps->n || t[k] == '\n') {
			/* "export" alone: compose-go reads an empty inherited key, that is
			 * nothing. */
			ps->i = k;
			return 0;
		}
		exported = true;
		ps->i = k;
	}
	if (ps->env->nentries == PL_MAX_DOTENV_ENTRIES) {
		return fail(ps, ps->i, "more than %u entries", PL_MAX_DOTENV_ENTRIES);
	}

	/* The key: key runes with blanks skipped, up to "=", ":", a line end or the end. */
	key_off = key_end = ps->i;
	for (k = ps->i; k < ps->n;) {
		size_t len;

		r = rune_at(t + k, ps->n - k, &len);
		if (r == '=' || r == ':' || r == '\n') {
			break;
		}
		if (is_blank(r)) {
			if (blank == 0) {
				blank = k;
			}
		} else if (is_key_rune(r)) {
			if (blank != 0) {
				return fail(ps, blank, "variable name cannot contain a space");
			}
			key_end = k + len;
		} else {
			return fail(ps, k, "unexpected character %s in variable name",
				    show_char(ps, k));
		}
		k += len;
	}
	if (key_end == key_off) {
		return fail(ps, k, "empty variable name");
	}
	inherited = k == ps->n || r == '\n';

	e = new_entry(ps);
	e->key = pl_arena_strndup(ps->a, t + key_off, key_end - key_off);
	e->exported = exported;
	e->key_off = key_off;
	e->key_end = key_end;
	position(ps, key_off, &e->key_line, &e->key_col);

	if (inherited) {
		const char *v;
		size_t vn;

		e->quote = PL_DOTENV_INHERITED;
		e->value_off = e->value_end = key_end;
		if (ps->lookup != NULL && ps->lookup(ps->ctx, t + key_off, key_end - key_off, &v, &vn)) {
			e->value = pl_arena_strndup(ps->a, v != NULL ? v : "", v != NULL ? vn : 0);
			e->value_len = v != NULL ? vn : 0;
		}
		ps->i = k;
	} else {
		ps->i = skip_blanks(ps, k + 1);
		if (ps->i < ps->n && (t[ps->i] == '"' || t[ps->i] == '\'')) {
			if (quoted(ps, e) < 0) {
				return -1;
			}
			k = skip_line_space(ps, ps->i);
			if (k < ps->n && t[k] != '\n' && t[k] != '#') {
				return fail(ps, k, "unexpected text after the closing quote");
			}
		} else if (unquoted(ps, e) < 0) {
			return -1;
		}
	}
	position(ps, e->value_off, &e->value_line, &e->value_col);
	{
		uint32_t col;

		position(ps, e->value_end, &e->end_line, &col);
	}
	ps->env->nentries++;
	if (e->value != NULL) {
		index_put(ps, ps->env->nentries - 1);
	}
	return 0;
}

int
pl_dotenv_parse(const char *text, size_t len, pl_interp_lookup lookup, void *ctx,
		struct pl_arena *a, struct pl_dotenv *out, struct pl_dotenv_error *err)
{
	struct parser ps = {
		.t = text, .n = len, .lookup = lookup, .ctx = ctx, .a = a, .env = out, .err = err,
		.cur_line = 1,
	};
	int rc = 0;

	memset(out, 0, sizeof(*out));
	out->index = pl_arena_alloc(a, sizeof(struct dotenv_index));
	if (len > PL_MAX_DOTENV_BYTES) {
		err->off = 0;
		err->line = err->col = 1;
		err->message = pl_arena_printf(a, "file is larger than %u MiB",
					       PL_MAX_DOTENV_BYTES / (1024u * 1024u));
		return -1;
	}
	pl_buf_init(&ps.b1);
	pl_buf_init(&ps.b2);
	/* compose-go skips a UTF-8 byte order mark. */
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
		ps.i = 3;
	}
	while (rc == 0) {
		/* Statement start: white space of any kind, and comment lines. */
		while (ps.i < len) {
			size_t rl;

			if (!is_space(rune_at(text + ps.i, len - ps.i, &rl))) {
				break;
			}
			ps.i += rl;
		}
		if (ps.i == len) {
			break;
		}
		if (text[ps.i] == '#') {
			const char *nl = memchr(text + ps.i, '\n', len - ps.i);

			ps.i = nl != NULL ? (size_t)(nl - text) : len;
			continue;
		}
		rc = statement(&ps);
	}
	pl_buf_finish(&ps.b1);
	pl_buf_finish(&ps.b2);
	return rc;
}
