/*
 * fuzz_inspect.c -- libFuzzer target: `docker inspect` output on arbitrary bytes, through
 * the JSON position index, the container model and every runtime rule.
 *
 * Any input must end in an error or a report; a crash, a sanitizer report, a leak or a
 * hang is a bug. The target also holds the position index to its promise: whenever
 * jansson accepts the text within the limits (and without NUL bytes, which the model
 * refuses first), the index accepts it too, with one node per JSON value, each spanning
 * a value's bytes. Kept inputs live in fuzz/corpus/inspect and
 * are replayed by the test suite.
 */
#include "core/limits.h"
#include "core/source.h"
#include "engine/finding.h"
#include "engine/run.h"
#include "parse/jsonpos.h"

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Values in jansson's tree; the depth is bounded by the index's limit. */
static size_t
count(json_t *j)
{
	size_t n = 1, i;
	const char *k;
	json_t *v;

	if (json_is_array(j)) {
		json_array_foreach(j, i, v) {
			n += count(v);
		}
	} else if (json_is_object(j)) {
		json_object_foreach(j, k, v) {
			n += count(v);
		}
	}
	return n;
}

static void
check_index(const char *text, size_t size)
{
	struct pl_arena a;
	struct pl_jpos ix;
	json_error_t jerr;
	json_t *root;
	size_t off, i;
	uint32_t node;
	enum pl_jpos_status st;

	/* The model refuses NUL bytes before either pass (jansson drops one after a number). */
	if (memchr(text, '\0', size) != NULL) {
		return;
	}
	pl_arena_init(&a);
	st = pl_jpos_build(&ix, text, size, PL_MAX_INSPECT_DEPTH, PL_MAX_INSPECT_VALUES, &a, &off);
	if (st == PL_JPOS_OK || st == PL_JPOS_SYNTAX) {
		root = json_loadb(text, size, JSON_REJECT_DUPLICATES, &jerr);
		if (root != NULL) {
			/* jansson accepted: the index must have too, value for value. */
			if (st != PL_JPOS_OK || ix.n != count(root)) {
				abort();
			}
			for (i = 0; i < ix.n; i++) {
				const struct pl_jpos_node *n = &ix.nodes[i];
				char c = text[n->off], e = text[n->end - 1];

				if (n->end <= n->off || n->end > size ||
				    (c == '{' && e != '}') || (c == '[' && e != ']') ||
				    (c == '"' && (e != '"' || n->end - n->off < 2))) {
					abort();
				}
			}
			if (!pl_jpos_find(&ix, "", &node) || node != 0) {
				abort();
			}
			(void)pl_jpos_find(&ix, "/0/HostConfig/Privileged", &node);
			(void)pl_jpos_find(&ix, "/0/Config/Labels/a~1b~0c", &node);
			json_decref(root);
		}
	}
	pl_arena_finish(&a);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pl_source src;
	struct pl_report r;

	pl_source_from_mem(&src, "inspect.json", (const char *)data, size);
	pl_report_init(&r);
	if (pl_scan_inspect_source(&r, &src, "inspect.json", NULL) == 0) {
		pl_report_sort(&r);
	}
	pl_report_finish(&r);
	check_index(src.text, src.len);
	pl_source_finish(&src);
	return 0;
}
