/*
 * jsonpos.c -- the JSON position index (see jsonpos.h).
 *
 * A recursive descent over the structure only: the depth is bounded by the caller's
 * limit, so the recursion is too. Strings are skipped escape by escape without decoding;
 * keys are decoded only when compared, and only when they contain a backslash.
 */
#include "parse/jsonpos.h"
#include "core/xalloc.h"

#include <stdlib.h>
#include <string.h>

struct pass {
	struct pl_jpos *ix;
	struct pl_arena *a;
	size_t pos, cap, max_values;
	unsigned max_depth;
	enum pl_jpos_status status;
	size_t err_off;
};

static bool
fail(struct pass *p, enum pl_jpos_status st, size_t off)
{
	if (p->status == PL_JPOS_OK) {
		p->status = st;
		p->err_off = off;
	}
	return false;
}

/* RFC 8259, section 2: the four whitespace characters, nothing else. */
static void
skip_ws(struct pass *p)
{
	const char *t = p->ix->text;

	while (p->pos < p->ix->len &&
	       (t[p->pos] == ' ' || t[p->pos] == '\t' || t[p->pos] == '\n' || t[p->pos] == '\r')) {
		p->pos++;
	}
}

/* Skips the string that starts at the '"' at p->pos; false when it does not end. */
static bool
skip_string(struct pass *p)
{
	const char *t = p->ix->text;
	size_t start = p->pos;

	for (p->pos++; p->pos < p->ix->len; p->pos++) {
		if (t[p->pos] == '\\') {
			p->pos++;
		} else if (t[p->pos] == '"') {
			p->pos++;
			return true;
		}
	}
	return fail(p, PL_JPOS_SYNTAX, start);
}

static bool
scalar_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '+' || c == '-' || c == '.';
}

/* A new node for the value at p->pos; PL_JPOS_NONE (with the status set) past the limit. */
static uint32_t
new_node(struct pass *p)
{
	struct pl_jpos *ix = p->ix;

	if (ix->n >= p->max_values || ix->n >= UINT32_MAX - 1) {
		fail(p, PL_JPOS_TOO_MANY, p->pos);
		return PL_JPOS_NONE;
	}
	if (ix->n == p->cap) {
		size_t cap = p->cap ? p->cap * 2 : 64;

		ix->nodes = pl_arena_grow(p->a, ix->nodes, p->cap, cap, sizeof(*ix->nodes));
		p->cap = cap;
	}
	memset(&ix->nodes[ix->n], 0, sizeof(ix->nodes[0]));
	ix->nodes[ix->n].off = (uint32_t)p->pos;
	return (uint32_t)ix->n++;
}

static bool value(struct pass *p, unsigned depth, uint32_t *out);

/* The members or items of the object or array whose bracket is at p->pos. */
static bool
container(struct pass *p, unsigned depth, uint32_t self)
{
	const char *t = p->ix->text;
	char close = t[p->pos] == '{' ? '}' : ']';
	bool object = close == '}';
	uint32_t last = PL_JPOS_NONE, child;

	if (depth >= p->max_depth) {
		return fail(p, PL_JPOS_TOO_DEEP, p->pos);
	}
	p->pos++;
	skip_ws(p);
	if (p->pos < p->ix->len && t[p->pos] == close) {
		p->pos++;
		return true;
	}
	for (;;) {
		size_t key_off = 0, key_end = 0;

		skip_ws(p);
		if (object) {
			if (p->pos >= p->ix->len || t[p->pos] != '"') {
				return fail(p, PL_JPOS_SYNTAX, p->pos);
			}
			key_off = p->pos + 1;
			if (!skip_string(p)) {
				return false;
			}
			key_end = p->pos - 1;
			skip_ws(p);
			if (p->pos >= p->ix->len || t[p->pos] != ':') {
				return fail(p, PL_JPOS_SYNTAX, p->pos);
			}
			p->pos++;
			skip_ws(p);
		}
		if (!value(p, depth + 1, &child)) {
			return false;
		}
		if (object) {
			p->ix->nodes[child].is_member = true;
			p->ix->nodes[child].key_off = (uint32_t)key_off;
			p->ix->nodes[child].key_len = (uint32_t)(key_end - key_off);
		}
		if (last == PL_JPOS_NONE) {
			p->ix->nodes[self].first = child;
		} else {
			p->ix->nodes[last].next = child;
		}
		last = child;
		skip_ws(p);
		if (p->pos < p->ix->len && t[p->pos] == ',') {
			p->pos++;
			continue;
		}
		if (p->pos < p->ix->len && t[p->pos] == close) {
			p->pos++;
			return true;
		}
		return fail(p, PL_JPOS_SYNTAX, p->pos);
	}
}

/* The value at p->pos (whitespace skipped before it), its node in *OUT. */
static bool
value(struct pass *p, unsigned depth, uint32_t *out)
{
	const char *t = p->ix->text;
	uint32_t self;
	bool ok;

	skip_ws(p);
	if (p->pos >= p->ix->len) {
		return fail(p, PL_JPOS_SYNTAX, p->pos);
	}
	/* Checked before anything is allocated for the value. */
	if (t[p->pos] != '{' && t[p->pos] != '[' && t[p->pos] != '"' && !scalar_char(t[p->pos])) {
		return fail(p, PL_JPOS_SYNTAX, p->pos);
	}
	self = new_node(p);
	if (p->status != PL_JPOS_OK) {
		return false;
	}
	if (t[p->pos] == '{' || t[p->pos] == '[') {
		ok = container(p, depth, self);
	} else if (t[p->pos] == '"') {
		ok = skip_string(p);
	} else {
		while (p->pos < p->ix->len && scalar_char(t[p->pos])) {
			p->pos++;
		}
		ok = true;
	}
	p->ix->nodes[self].end = (uint32_t)p->pos;
	*out = self;
	return ok;
}

enum pl_jpos_status
pl_jpos_build(struct pl_jpos *ix, const char *text, size_t len, unsigned max_depth,
	      size_t max_values, struct pl_arena *a, size_t *err_off)
{
	struct pass p = { .ix = ix, .a = a, .max_values = max_values, .max_depth = max_depth };
	uint32_t root;

	memset(ix, 0, sizeof(*ix));
	ix->text = text;
	ix->len = len;
	/* Offsets are 32-bit, like every source offset in plimsoll. */
	if (len >= UINT32_MAX) {
		*err_off = 0;
		return PL_JPOS_TOO_MANY;
	}
	value(&p, 0, &root);
	*err_off = p.err_off;
	return p.status;
}

static int
hex(char c)
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

/* The four hex digits at S (N bytes left), or -1. */
static long
hex4(const char *s, size_t n)
{
	long v = 0;

	if (n < 4) {
		return -1;
	}
	for (int i = 0; i < 4; i++) {
		int h = hex(s[i]);

		if (h < 0) {
			return -1;
		}
		v = v * 16 + h;
	}
	return v;
}

/* Appends code point CP as UTF-8 to OUT (at least 4 bytes); returns the length. */
static size_t
utf8(unsigned long cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

bool
pl_jpos_key_eq(const char *raw, size_t n, const char *key)
{
	size_t i = 0, k = 0, klen = strlen(key);

	if (memchr(raw, '\\', n) == NULL) {
		return n == klen && memcmp(raw, key, n) == 0;
	}
	while (i < n) {
		char buf[4];
		size_t m = 1;

		if (raw[i] != '\\') {
			buf[0] = raw[i++];
		} else if (i + 1 >= n) {
			return false;
		} else {
			char e = raw[i + 1];

			i += 2;
			switch (e) {
			case 'b': buf[0] = '\b'; break;
			case 'f': buf[0] = '\f'; break;
			case 'n': buf[0] = '\n'; break;
			case 'r': buf[0] = '\r'; break;
			case 't': buf[0] = '\t'; break;
			case 'u': {
				long cp = hex4(raw + i, n - i), lo;

				if (cp < 0) {
					return false;
				}
				i += 4;
				/* A surrogate pair is one code point (RFC 8259, section 7). */
				if (cp >= 0xD800 && cp <= 0xDBFF && i + 6 <= n && raw[i] == '\\' &&
				    raw[i + 1] == 'u' && (lo = hex4(raw + i + 2, n - i - 2)) >= 0xDC00 &&
				    lo <= 0xDFFF) {
					cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
					i += 6;
				}
				m = utf8((unsigned long)cp, buf);
				break;
			}
			default: buf[0] = e; break;
			}
		}
		if (k + m > klen || memcmp(key + k, buf, m) != 0) {
			return false;
		}
		k += m;
	}
	return k == klen;
}

uint32_t
pl_jpos_member(const struct pl_jpos *ix, uint32_t node, const char *key)
{
	uint32_t c;

	if (node >= ix->n) {
		return PL_JPOS_NONE;
	}
	for (c = ix->nodes[node].first; c != PL_JPOS_NONE; c = ix->nodes[c].next) {
		const struct pl_jpos_node *m = &ix->nodes[c];

		if (m->is_member && pl_jpos_key_eq(ix->text + m->key_off, m->key_len, key)) {
			return c;
		}
	}
	return PL_JPOS_NONE;
}

uint32_t
pl_jpos_item(const struct pl_jpos *ix, uint32_t node, size_t i)
{
	uint32_t c;

	if (node >= ix->n) {
		return PL_JPOS_NONE;
	}
	for (c = ix->nodes[node].first; c != PL_JPOS_NONE && i > 0; c = ix->nodes[c].next) {
		i--;
	}
	return c;
}

bool
pl_jpos_find(const struct pl_jpos *ix, const char *ptr, uint32_t *node)
{
	uint32_t cur = 0;
	char *tok;
	size_t cap = strlen(ptr) + 1;

	if (ix->n == 0 || (ptr[0] != '\0' && ptr[0] != '/')) {
		return false;
	}
	tok = pl_xmalloc(cap);
	while (*ptr == '/') {
		size_t n = 0;
		const char *s;

		/* RFC 6901, section 4: "~1" is '/', "~0" is '~'. */
		for (s = ptr + 1; *s != '\0' && *s != '/'; s++) {
			if (s[0] == '~' && (s[1] == '0' || s[1] == '1')) {
				tok[n++] = s[1] == '0' ? '~' : '/';
				s++;
			} else {
				tok[n++] = *s;
			}
		}
		tok[n] = '\0';
		ptr = s;
		if (ix->nodes[cur].off < ix->len && ix->text[ix->nodes[cur].off] == '[') {
			char *end;
			unsigned long i = strtoul(tok, &end, 10);

			cur = n > 0 && *end == '\0' && tok[0] >= '0' && tok[0] <= '9'
				      ? pl_jpos_item(ix, cur, i)
				      : PL_JPOS_NONE;
		} else {
			cur = pl_jpos_member(ix, cur, tok);
		}
		if (cur == PL_JPOS_NONE) {
			free(tok);
			return false;
		}
	}
	free(tok);
	*node = cur;
	return true;
}
