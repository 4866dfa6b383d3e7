/*
 * yaml.c -- the libfyaml adapter (see yaml.h).
 */
#include "parse/yaml.h"
#include "core/limits.h"
#include "core/str.h"

#include <stdio.h>
#include <string.h>

/* Refuses text that is not UTF-8, with its position: libfyaml 0.7 can loop forever on
 * some invalid byte sequences. */
static bool
utf8_ok(const struct pl_source *src, struct pl_yaml_error *err)
{
	struct pl_pos at;

	if (pl_utf8_valid(src->text, src->len)) {
		return true;
	}
	at = pl_source_pos(src, pl_utf8_first_invalid(src->text, src->len));
	err->line = at.line;
	err->col = at.col;
	err->message = "not UTF-8 text: YAML must be UTF-8";
	return false;
}

/* Where libfyaml's own printing goes: nowhere. */
static void
discard(struct fy_diag *diag, void *user, const char *buf, size_t len)
{
	(void)diag;
	(void)user;
	(void)buf;
	(void)len;
}

/* A diagnostic object that collects libfyaml's errors instead of printing them (*DEVNULL,
 * which the caller closes when set, stays NULL: nothing is opened per file); NULL when it
 * cannot be made. */
static struct fy_diag *
quiet_diag(FILE **devnull)
{
	struct fy_diag_cfg dcfg;
	struct fy_diag *diag;

	*devnull = NULL;
	fy_diag_cfg_default(&dcfg);
	dcfg.fp = NULL;
	dcfg.output_fn = discard;
	diag = fy_diag_create(&dcfg);
	if (diag != NULL) {
		fy_diag_set_collect_errors(diag, true);
	}
	return diag;
}

static void
parse_cfg(struct fy_parse_cfg *pcfg, struct fy_diag *diag)
{
	memset(pcfg, 0, sizeof(*pcfg));
	pcfg->flags = FYPCF_QUIET | FYPCF_DEFAULT_VERSION_1_2 | FYPCF_JSON_NONE;
	pcfg->diag = diag;
}

/* The first error DIAG collected, as *ERR: at its token when libfyaml names one (columns
 * then count characters as everywhere else), else at the line and column it gives, which
 * are 1-based. */
static void
first_error(const struct pl_source *src, struct fy_diag *diag, struct pl_arena *a,
	    struct pl_yaml_error *err)
{
	struct fy_diag_error *e;
	const struct fy_mark *m;
	void *it = NULL;

	err->message = "invalid YAML";
	if (diag != NULL && (e = fy_diag_errors_iterate(diag, &it)) != NULL) {
		m = e->fyt != NULL ? fy_token_start_mark(e->fyt) : NULL;
		if (m != NULL && m->input_pos <= src->len) {
			struct pl_pos p = pl_source_pos(src, m->input_pos);

			err->line = p.line;
			err->col = p.col;
		} else {
			err->line = e->line > 0 ? (uint32_t)e->line : 1;
			err->col = e->column > 0 ? (uint32_t)e->column : 1;
		}
		err->message = pl_arena_printf(a, "invalid YAML: %s",
					       e->msg ? e->msg : "syntax error");
	}
}

int
pl_yaml_load(const struct pl_source *src, struct pl_arena *a, struct pl_yaml *out,
	     struct pl_yaml_error *err)
{
	struct fy_parse_cfg pcfg;
	struct fy_diag *diag;
	FILE *devnull;

	memset(out, 0, sizeof(*out));
	memset(err, 0, sizeof(*err));
	if (!utf8_ok(src, err)) {
		return -1;
	}
	/* Diagnostics are collected, not printed: the first becomes the error. */
	diag = quiet_diag(&devnull);
	parse_cfg(&pcfg, diag);
	out->doc = fy_document_build_from_string(&pcfg, src->text, src->len);
	if (out->doc == NULL) {
		first_error(src, diag, a, err);
	} else {
		out->root = fy_document_root(out->doc);
	}
	if (diag != NULL) {
		fy_diag_destroy(diag);
	}
	if (devnull != NULL) {
		fclose(devnull);
	}
	return out->doc != NULL ? 0 : -1;
}

int
pl_yaml_load_all(const struct pl_source *src, struct pl_arena *a, size_t max_docs,
		 struct pl_yaml_stream *out, struct pl_yaml_error *err)
{
	struct fy_parse_cfg pcfg;
	struct fy_document *doc;
	size_t cap = 0;
	FILE *devnull;

	memset(out, 0, sizeof(*out));
	memset(err, 0, sizeof(*err));
	if (!utf8_ok(src, err)) {
		return -1;
	}
	out->diag = quiet_diag(&devnull);
	out->devnull = devnull;
	parse_cfg(&pcfg, out->diag);
	/* kubectl accepts a key twice in a mapping (real manifests do it by mistake). */
	pcfg.flags |= FYPCF_ALLOW_DUPLICATE_KEYS;
	out->parser = fy_parser_create(&pcfg);
	if (out->parser == NULL || fy_parser_set_string(out->parser, src->text, src->len) != 0) {
		err->message = "cannot start the YAML parser";
		return -1;
	}
	while ((doc = fy_parse_load_document(out->parser)) != NULL) {
		if (out->ndocs == max_docs) {
			struct pl_pos p = pl_source_pos(src, 0);

			fy_parse_document_destroy(out->parser, doc);
			err->line = p.line;
			err->col = p.col;
			err->message = pl_arena_printf(a, "more than %zu YAML documents in one "
						       "file", max_docs);
			return -1;
		}
		if (out->ndocs == cap) {
			size_t ncap = cap ? cap * 2 : 8;

			out->docs = pl_arena_grow(a, out->docs, cap, ncap, sizeof(*out->docs));
			cap = ncap;
		}
		out->docs[out->ndocs++] = doc;
	}
	if (fy_parser_get_stream_error(out->parser)) {
		first_error(src, out->diag, a, err);
		return -1;
	}
	return 0;
}

void
pl_yaml_stream_finish(struct pl_yaml_stream *s)
{
	for (size_t i = 0; i < s->ndocs; i++) {
		fy_parse_document_destroy(s->parser, s->docs[i]);
	}
	if (s->parser != NULL) {
		fy_parser_destroy(s->parser);
	}
	if (s->diag != NULL) {
		fy_diag_destroy(s->diag);
	}
	if (s->devnull != NULL) {
		fclose(s->devnull);
	}
	memset(s, 0, sizeof(*s));
}

void
pl_yaml_finish(struct pl_yaml *y)
{
	if (y->doc != NULL) {
		fy_document_destroy(y->doc);
	}
	memset(y, 0, sizeof(*y));
}

struct fy_node *
pl_yaml_deref(struct fy_node *n)
{
	/* fy_node_resolve_alias detects cycles and bounds the chain itself. */
	return n != NULL && fy_node_is_alias(n) ? fy_node_resolve_alias(n) : n;
}

/* Appends to MAPS the mappings that MAP merges (`<<: *a` or `<<: [*a, *b]`), depth
 * first, up to the array's size. */
/* The pair of mapping MAP whose key is the scalar KEY[0..len): a walk over the pairs.
 * libfyaml's own lookup by string parses the key as a YAML document first, which costs
 * more than the whole walk for the small mappings of Compose files and manifests. */
static struct fy_node_pair *
lookup_pair(struct fy_node *map, const char *key, size_t len)
{
	struct fy_node_pair *p;
	void *it = NULL;

	while ((p = fy_node_mapping_iterate(map, &it)) != NULL) {
		struct fy_node *k = fy_node_pair_key(p);
		const char *ks;
		size_t kn;

		if (k != NULL && fy_node_is_scalar(k) && (ks = fy_node_get_scalar(k, &kn)) != NULL &&
		    kn == len && memcmp(ks, key, len) == 0) {
			return p;
		}
	}
	return NULL;
}

static void
merged(struct fy_node *map, struct fy_node **maps, int *n, int cap, int depth)
{
	struct fy_node *m = pl_yaml_deref(map), *v, *item;
	struct fy_node_pair *mp;
	void *it = NULL;

	if (m == NULL || !fy_node_is_mapping(m) || depth > PL_MAX_YAML_MERGE_DEPTH) {
		return;
	}
	if (*n >= cap) {
		return;
	}
	maps[(*n)++] = m;
	mp = lookup_pair(m, "<<", 2);
	v = mp != NULL ? pl_yaml_deref(fy_node_pair_value(mp)) : NULL;
	if (v == NULL) {
		return;
	}
	if (fy_node_is_mapping(v)) {
		merged(v, maps, n, cap, depth + 1);
	} else if (fy_node_is_sequence(v)) {
		while ((item = fy_node_sequence_iterate(v, &it)) != NULL) {
			merged(item, maps, n, cap, depth + 1);
		}
	}
}

struct fy_node *
pl_yaml_get(struct fy_node *map, const char *key, struct fy_node **key_node)
{
	struct fy_node *maps[16];
	int n = 0;

	if (key_node != NULL) {
		*key_node = NULL;
	}
	merged(map, maps, &n, 16, 0);
	for (int i = 0; i < n; i++) {
		struct fy_node_pair *p = lookup_pair(maps[i], key, strlen(key));

		if (p != NULL) {
			if (key_node != NULL && i == 0) {
				*key_node = fy_node_pair_key(p);
			}
			return pl_yaml_deref(fy_node_pair_value(p));
		}
	}
	return NULL;
}

const char *
pl_yaml_str(struct fy_node *n, struct pl_arena *a)
{
	const char *s;
	size_t len;

	n = pl_yaml_deref(n);
	if (n == NULL || !fy_node_is_scalar(n)) {
		return NULL;
	}
	s = fy_node_get_scalar(n, &len);
	return s != NULL ? pl_arena_strndup(a, s, len) : NULL;
}

bool
pl_yaml_span(const struct pl_source *src, struct fy_node *n, uint32_t *off, uint32_t *end)
{
	struct fy_token *t = n != NULL && fy_node_is_scalar(n) ? fy_node_get_scalar_token(n) : NULL;
	const struct fy_mark *s = t ? fy_token_start_mark(t) : NULL;
	const struct fy_mark *e = t ? fy_token_end_mark(t) : NULL;

	*off = *end = 0;
	if (s == NULL) {
		return false;
	}
	*off = (uint32_t)s->input_pos;
	*end = e != NULL && e->input_pos >= s->input_pos ? (uint32_t)e->input_pos : *off;
	/* The marks of a quoted scalar hold only its content: take the quotes too, so that a
	 * finding starts where the value is written. */
	if (src != NULL && (fy_node_get_style(n) == FYNS_DOUBLE_QUOTED ||
			    fy_node_get_style(n) == FYNS_SINGLE_QUOTED)) {
		char q = fy_node_get_style(n) == FYNS_DOUBLE_QUOTED ? '"' : '\'';

		if (*off > 0 && *off <= src->len && src->text[*off - 1] == q) {
			(*off)--;
		}
		if (*end < src->len && src->text[*end] == q) {
			(*end)++;
		}
	}
	return true;
}

bool
pl_yaml_true(const char *s)
{
	return s != NULL && (pl_streq_ci(s, "true") || pl_streq_ci(s, "yes") ||
			     pl_streq_ci(s, "on") || pl_streq_ci(s, "y"));
}

bool
pl_yaml_false(const char *s)
{
	return s != NULL && (pl_streq_ci(s, "false") || pl_streq_ci(s, "no") ||
			     pl_streq_ci(s, "off") || pl_streq_ci(s, "n"));
}

void
pl_yaml_iter_init(struct pl_yaml_iter *it, struct fy_node *map)
{
	memset(it, 0, sizeof(*it));
	merged(map, it->maps, &it->nmaps, 16, 0);
}

/* KEY appears in one of the mappings before index I: shadowed by an earlier one. */
static bool
seen_before(struct pl_yaml_iter *it, int i, struct fy_node *key)
{
	const char *k;
	size_t len;

	if (key == NULL || !fy_node_is_scalar(key)) {
		return false;
	}
	k = fy_node_get_scalar(key, &len);
	for (int j = 0; j < i; j++) {
		if (lookup_pair(it->maps[j], k, len) != NULL) {
			return true;
		}
	}
	return false;
}

bool
pl_yaml_next(struct pl_yaml_iter *it, struct fy_node **key, struct fy_node **value)
{
	while (it->cur < it->nmaps) {
		struct fy_node_pair *p = fy_node_mapping_iterate(it->maps[it->cur], &it->it);
		struct fy_node *k;
		const char *ks;
		size_t len;

		if (p == NULL) {
			it->cur++;
			it->it = NULL;
			continue;
		}
		k = fy_node_pair_key(p);
		ks = k != NULL && fy_node_is_scalar(k) ? fy_node_get_scalar(k, &len) : NULL;
		if (ks != NULL && len == 2 && memcmp(ks, "<<", 2) == 0) {
			continue;
		}
		if (seen_before(it, it->cur, k)) {
			continue;
		}
		*key = k;
		*value = pl_yaml_deref(fy_node_pair_value(p));
		return true;
	}
	return false;
}
