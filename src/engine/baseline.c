/*
 * baseline.c -- baseline files: JSON written and read with jansson, looked up through a
 * sorted array of (file, line hash) keys with a count each.
 */
#include "engine/baseline.h"
#include "core/limits.h"
#include "core/xalloc.h"

#include <inttypes.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

/* The file format's version; a reader refuses versions it does not know. */
enum { BASELINE_VERSION = 1 };

struct key {
	char *file;
	uint64_t hash;
	unsigned count;
};

struct pl_baseline {
	struct key *keys;
	size_t n;
};

static int
cmp_key(const void *pa, const void *pb)
{
	const struct key *a = pa, *b = pb;
	int c = strcmp(a->file, b->file);

	if (c != 0) {
		return c;
	}
	return a->hash < b->hash ? -1 : a->hash > b->hash;
}

void
pl_baseline_destroy(struct pl_baseline *b)
{
	size_t i;

	if (b == NULL) {
		return;
	}
	for (i = 0; i < b->n; i++) {
		free(b->keys[i].file);
	}
	free(b->keys);
	free(b);
}

int
pl_baseline_load(const char *path, struct pl_baseline **out, struct pl_report *r)
{
	struct pl_baseline *b;
	json_error_t err;
	json_t *root, *list, *item;
	size_t i, k;

	*out = NULL;
	root = json_load_file(path, JSON_REJECT_DUPLICATES, &err);
	if (root == NULL) {
		pl_report_error(r, path, (uint32_t)(err.line > 0 ? err.line : 0),
				(uint32_t)(err.column > 0 ? err.column : 0), "not a baseline file: %s",
				err.text);
		return -1;
	}
	if (json_integer_value(json_object_get(root, "schema_version")) != BASELINE_VERSION ||
	    !json_is_array(list = json_object_get(root, "findings"))) {
		pl_report_error(r, path, 0, 0, "not a plimsoll baseline (schema_version 1 with a "
				"findings array); write one with `plimsoll baseline`");
		json_decref(root);
		return -1;
	}
	b = pl_xcalloc(1, sizeof(*b));
	b->keys = pl_xcalloc(json_array_size(list) + 1, sizeof(*b->keys));
	json_array_foreach(list, i, item) {
		const char *file = json_string_value(json_object_get(item, "file"));
		const char *fp = json_string_value(json_object_get(item, "fingerprint"));
		char *end;
		uint64_t h;

		if (file == NULL || fp == NULL || strlen(fp) < 16) {
			pl_report_error(r, path, 0, 0, "baseline entry %zu has no file or "
					"fingerprint", i + 1);
			json_decref(root);
			pl_baseline_destroy(b);
			return -1;
		}
		h = strtoull(fp, &end, 16);
		if (end != fp + 16) {
			pl_report_error(r, path, 0, 0, "baseline entry %zu: bad fingerprint '%.40s'",
					i + 1, fp);
			json_decref(root);
			pl_baseline_destroy(b);
			return -1;
		}
		b->keys[b->n].file = pl_xstrdup(file);
		b->keys[b->n].hash = h;
		b->keys[b->n].count = 1;
		b->n++;
	}
	json_decref(root);
	/* Equal keys become one key with a count. */
	if (b->n > 1) {
		qsort(b->keys, b->n, sizeof(*b->keys), cmp_key);
	}
	for (i = 0, k = 0; i < b->n; i++) {
		if (k > 0 && cmp_key(&b->keys[k - 1], &b->keys[i]) == 0) {
			b->keys[k - 1].count++;
			free(b->keys[i].file);
		} else {
			b->keys[k++] = b->keys[i];
		}
	}
	b->n = k;
	*out = b;
	return 0;
}

void
pl_baseline_filter(const struct pl_baseline *b, struct pl_report *r)
{
	size_t i, kept = 0;

	for (i = 0; i < r->nfindings; i++) {
		const struct pl_finding *f = &r->findings[i];
		struct key want = { (char *)f->file, f->line_hash, 0 }, *hit;

		hit = bsearch(&want, b->keys, b->n, sizeof(*b->keys), cmp_key);
		if (hit != NULL && f->occurrence <= hit->count) {
			r->baselined++;
			continue;
		}
		r->findings[kept++] = *f;
	}
	r->nfindings = kept;
}

int
pl_baseline_write(FILE *out, const struct pl_report *r, const char *version)
{
	json_t *root = json_object(), *list = json_array();
	size_t i;
	int rc;

	json_object_set_new(root, "schema_version", json_integer(BASELINE_VERSION));
	json_object_set_new(root, "tool", json_string("plimsoll"));
	json_object_set_new(root, "tool_version", json_string(version));
	for (i = 0; i < r->nfindings; i++) {
		const struct pl_finding *f = &r->findings[i];
		json_t *item, *msg, *file = json_string(f->file);
		char fp[32];

		/* jansson refuses a path that is not UTF-8; such a file cannot be named in a
		 * JSON baseline, and its findings stay reported. */
		if (file == NULL) {
			continue;
		}
		item = json_object();
		snprintf(fp, sizeof(fp), "%016" PRIx64, f->line_hash);
		json_object_set_new(item, "rule_id", json_string(f->rule->id));
		json_object_set_new(item, "file", file);
		json_object_set_new(item, "line", json_integer(f->line));
		json_object_set_new(item, "fingerprint", json_string(fp));
		msg = json_string(f->message);
		json_object_set_new(item, "message", msg != NULL ? msg : json_string(""));
		json_array_append_new(list, item);
	}
	json_object_set_new(root, "findings", list);
	rc = json_dumpf(root, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	if (rc == 0 && fputc('\n', out) == EOF) {
		rc = -1;
	}
	json_decref(root);
	return rc == 0 ? 0 : -1;
}
