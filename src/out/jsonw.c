/*
 * jsonw.c -- the streaming JSON writer (see jsonw.h for the layout it keeps).
 */
#include "out/jsonw.h"

#include <assert.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "out/common.h"

void
pl_jw_init(struct pl_jw *w, struct pl_buf *b)
{
	memset(w, 0, sizeof(*w));
	w->b = b;
}

static void
newline(struct pl_jw *w, int depth)
{
	static const char spaces[] = "                                                                ";
	size_t n = (size_t)depth * 2;

	pl_buf_addc(w->b, '\n');
	while (n > 0) {
		size_t k = n < sizeof(spaces) - 1 ? n : sizeof(spaces) - 1;

		pl_buf_add(w->b, spaces, k);
		n -= k;
	}
}

/* Before any value: the separator and indentation an array item needs. */
static void
value_start(struct pl_jw *w)
{
	if (w->after_key) {
		w->after_key = false;
		return;
	}
	if (w->depth > 0) {
		if (w->has_items[w->depth - 1]) {
			pl_buf_addc(w->b, ',');
		}
		w->has_items[w->depth - 1] = true;
		newline(w, w->depth);
	}
}

static void
open_container(struct pl_jw *w, char c)
{
	value_start(w);
	assert(w->depth < PL_JW_MAX_DEPTH);
	pl_buf_addc(w->b, c);
	w->has_items[w->depth++] = false;
}

void
pl_jw_object(struct pl_jw *w)
{
	open_container(w, '{');
}

void
pl_jw_array(struct pl_jw *w)
{
	open_container(w, '[');
}

void
pl_jw_close(struct pl_jw *w, char c)
{
	assert(w->depth > 0);
	w->depth--;
	if (w->has_items[w->depth]) {
		newline(w, w->depth);
	}
	pl_buf_addc(w->b, c);
}

static void
string(struct pl_buf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t n = strlen(s), i = 0, run = 0, len;
	uint32_t cp;

	pl_buf_addc(b, '"');
	while (i < n) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
			/* Plain ASCII is copied in runs. */
			run = i;
			while (i < n && (unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x80 &&
			       s[i] != '"' && s[i] != '\\') {
				i++;
			}
			pl_buf_add(b, s + run, i - run);
			continue;
		}
		if (c >= 0x80) {
			len = pl_out_utf8_decode(s + i, n - i, &cp);
			if (len == 0) {
				pl_buf_add(b, "\xEF\xBF\xBD", 3);
				len = 1;
			} else {
				pl_buf_add(b, s + i, len);
			}
			i += len;
			continue;
		}
		switch (c) {
		case '"': pl_buf_add(b, "\\\"", 2); break;
		case '\\': pl_buf_add(b, "\\\\", 2); break;
		case '\b': pl_buf_add(b, "\\b", 2); break;
		case '\f': pl_buf_add(b, "\\f", 2); break;
		case '\n': pl_buf_add(b, "\\n", 2); break;
		case '\r': pl_buf_add(b, "\\r", 2); break;
		case '\t': pl_buf_add(b, "\\t", 2); break;
		default: {
			char u[6] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 15] };

			pl_buf_add(b, u, sizeof(u));
			break;
		}
		}
		i++;
	}
	pl_buf_addc(b, '"');
}

void
pl_jw_key(struct pl_jw *w, const char *key)
{
	value_start(w);
	string(w->b, key);
	pl_buf_add(w->b, ": ", 2);
	w->after_key = true;
}

void
pl_jw_str(struct pl_jw *w, const char *s)
{
	if (s == NULL) {
		pl_jw_null(w);
		return;
	}
	value_start(w);
	string(w->b, s);
}

void
pl_jw_int(struct pl_jw *w, long long v)
{
	char tmp[24];
	int n = snprintf(tmp, sizeof(tmp), "%lld", v);

	value_start(w);
	pl_buf_add(w->b, tmp, (size_t)n);
}

void
pl_jw_bool(struct pl_jw *w, bool v)
{
	value_start(w);
	pl_buf_adds(w->b, v ? "true" : "false");
}

void
pl_jw_null(struct pl_jw *w)
{
	value_start(w);
	pl_buf_add(w->b, "null", 4);
}

void
pl_jw_kstr(struct pl_jw *w, const char *key, const char *s)
{
	pl_jw_key(w, key);
	pl_jw_str(w, s);
}

void
pl_jw_kint(struct pl_jw *w, const char *key, long long v)
{
	pl_jw_key(w, key);
	pl_jw_int(w, v);
}
