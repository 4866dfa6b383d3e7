/*
 * jsonw.h -- a streaming JSON writer for reports.
 *
 * Reports can hold tens of thousands of findings; building them as a jansson tree and
 * dumping it cost more than the scan itself. This writer appends straight to a buffer in
 * the layout jansson writes with JSON_INDENT(2) | JSON_PRESERVE_ORDER -- two-space
 * indentation, "key": value, keys in the order written -- so documents stay byte-for-byte
 * the same as the tree-built ones (tests/out compares the two). Invalid UTF-8 in strings
 * becomes U+FFFD, one per invalid byte.
 */
#ifndef PL_OUT_JSONW_H
#define PL_OUT_JSONW_H

#include <stdbool.h>
#include <stdint.h>

#include "core/buf.h"

/* Deeper nesting than any report needs; deeper containers are a programming error. */
#define PL_JW_MAX_DEPTH 32

struct pl_jw {
	struct pl_buf *b;
	int depth;
	bool has_items[PL_JW_MAX_DEPTH]; /* per open container: something written in it */
	bool after_key;                  /* the next value completes a "key": pair */
};

void pl_jw_init(struct pl_jw *w, struct pl_buf *b);
void pl_jw_object(struct pl_jw *w);
void pl_jw_array(struct pl_jw *w);
/* Closes the innermost object or array (C is '}' or ']'). */
void pl_jw_close(struct pl_jw *w, char c);
void pl_jw_key(struct pl_jw *w, const char *key);
/* A string value; NULL writes null. */
void pl_jw_str(struct pl_jw *w, const char *s);
void pl_jw_int(struct pl_jw *w, long long v);
void pl_jw_bool(struct pl_jw *w, bool v);
void pl_jw_null(struct pl_jw *w);

/* "key": value shorthands. */
void pl_jw_kstr(struct pl_jw *w, const char *key, const char *s);
void pl_jw_kint(struct pl_jw *w, const char *key, long long v);

#endif
