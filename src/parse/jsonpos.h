/*
 * jsonpos.h -- where each value of a JSON text is: a position index beside jansson.
 *
 * jansson decodes JSON into values but keeps no positions, and findings must point at the
 * exact bytes of the value they are about. One pass over the text records, for every
 * value, its byte range, the raw text of its key (for object members) and its children,
 * as a tree of nodes in an array. The tree is then walked beside jansson's: a member is
 * found by its decoded key, an array item by its index, and a whole path by a JSON
 * pointer (RFC 6901, "/0/HostConfig/Privileged").
 *
 * The pass is lenient about everything but structure (it takes any run of letters,
 * digits, '+', '-' and '.' as a scalar), so it never refuses JSON that jansson accepts;
 * jansson remains the judge of validity and gives the error message. The pass enforces
 * the depth and value-count limits before jansson allocates anything.
 */
#ifndef PL_PARSE_JSONPOS_H
#define PL_PARSE_JSONPOS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"

/* "No such node": node 0 is the root, which is nobody's child. */
#define PL_JPOS_NONE 0u

struct pl_jpos_node {
	uint32_t off, end;         /* the value's bytes, quotes and brackets included */
	uint32_t key_off, key_len; /* an object member's key between its quotes, raw */
	uint32_t first, next;      /* first child and next sibling, PL_JPOS_NONE at the end */
	bool is_member;            /* a value inside an object (key_off/key_len are set) */
};

struct pl_jpos {
	const char *text;
	size_t len;
	struct pl_jpos_node *nodes; /* nodes[0] is the root value */
	size_t n;
};

enum pl_jpos_status {
	PL_JPOS_OK = 0,
	PL_JPOS_SYNTAX,    /* not JSON: let the JSON parser say why */
	PL_JPOS_TOO_DEEP,  /* nesting deeper than MAX_DEPTH */
	PL_JPOS_TOO_MANY,  /* more than MAX_VALUES values */
};

/*
 * Indexes the JSON text TEXT[0..LEN) into IX, whose nodes live in arena A. Returns
 * PL_JPOS_OK, or another status with *ERR_OFF the offset of the problem; IX then holds
 * what was indexed so far and must not be used for lookups.
 */
enum pl_jpos_status pl_jpos_build(struct pl_jpos *ix, const char *text, size_t len,
				  unsigned max_depth, size_t max_values, struct pl_arena *a,
				  size_t *err_off);

/* The member KEY (decoded, NUL-terminated) of object node NODE, or PL_JPOS_NONE. */
uint32_t pl_jpos_member(const struct pl_jpos *ix, uint32_t node, const char *key);
/* Item I of array node NODE (members of an object count too, in text order), or
 * PL_JPOS_NONE. */
uint32_t pl_jpos_item(const struct pl_jpos *ix, uint32_t node, size_t i);
/* The node at JSON pointer PTR ("" is the root, "/0/Name" ...) in *NODE; false when
 * there is none. */
bool pl_jpos_find(const struct pl_jpos *ix, const char *ptr, uint32_t *node);

/* Whether the raw key text RAW[0..N) (escapes undecoded) decodes to KEY. */
bool pl_jpos_key_eq(const char *raw, size_t n, const char *key);

#endif
