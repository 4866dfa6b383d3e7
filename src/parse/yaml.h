/*
 * yaml.h -- YAML documents through libfyaml, with positions as source offsets.
 *
 * Compose files and Kubernetes manifests come from pull requests: the text is checked to
 * be UTF-8 before libfyaml sees it, libfyaml's diagnostics become one error with a line
 * and column, and aliases are followed only on demand with a bound, so that an alias
 * bomb costs nothing unless a rule walks into it (and then a bounded amount).
 */
#ifndef PL_PARSE_YAML_H
#define PL_PARSE_YAML_H

#include <libfyaml.h>
#include <stdbool.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/source.h"

struct pl_yaml {
	struct fy_document *doc; /* the first document of the stream */
	struct fy_node *root;    /* NULL for an empty document */
};

struct pl_yaml_error {
	uint32_t line, col; /* 0 when unknown */
	const char *message; /* in the arena */
};

/* Parses SRC. Returns 0, or -1 with *ERR. */
int pl_yaml_load(const struct pl_source *src, struct pl_arena *a, struct pl_yaml *out,
		 struct pl_yaml_error *err);
void pl_yaml_finish(struct pl_yaml *y);

/* Every document of a stream (`---` separated), as Kubernetes manifests are written. The
 * documents' nodes keep positions in the whole of SRC. */
struct pl_yaml_stream {
	struct fy_document **docs; /* in the arena; an empty document has a NULL root */
	size_t ndocs;
	struct fy_parser *parser;  /* owns the documents */
	struct fy_diag *diag;
	void *devnull;             /* where libfyaml's own printing goes */
};

/* Parses every document of SRC, at most MAX_DOCS of them. Returns 0, or -1 with *ERR
 * (invalid YAML in any document, or more than MAX_DOCS documents). A key repeated in a
 * mapping is accepted, as kubectl accepts it; lookups find its first value. OUT is to be
 * finished either way. */
int pl_yaml_load_all(const struct pl_source *src, struct pl_arena *a, size_t max_docs,
		     struct pl_yaml_stream *out, struct pl_yaml_error *err);
void pl_yaml_stream_finish(struct pl_yaml_stream *s);

/* N with aliases followed (NULL stays NULL; a broken alias gives NULL). */
struct fy_node *pl_yaml_deref(struct fy_node *n);

/* The value of KEY in mapping MAP, aliases and merge keys (`<<: *base`) followed; NULL
 * when MAP is not a mapping or has no such key. *KEY_NODE, when not NULL, receives the
 * key's node (NULL when the value came through a merge key). */
struct fy_node *pl_yaml_get(struct fy_node *map, const char *key, struct fy_node **key_node);

/* The scalar text of N (aliases followed), NUL-terminated, or NULL when N is not a
 * scalar. The text is libfyaml's own (valid while the document lives) or the arena's. */
const char *pl_yaml_str(struct fy_node *n, struct pl_arena *a);

/* Source bytes of scalar node N of SRC in *OFF..*END, quotes included; false (and zeros)
 * for collections, whose positions libfyaml does not keep: callers point at the key. */
bool pl_yaml_span(const struct pl_source *src, struct fy_node *n, uint32_t *off, uint32_t *end);

/* YAML 1.1/1.2 booleans as Compose reads them: true/false, yes/no, on/off, any case. */
bool pl_yaml_true(const char *s);
bool pl_yaml_false(const char *s);

/* Iteration over a mapping's pairs with merge keys expanded: keys are visited once,
 * the mapping's own before merged ones. Returns false at the end. */
struct pl_yaml_iter {
	struct fy_node *maps[16]; /* the mapping and the mappings it merges, in order */
	int nmaps, cur;
	void *it;
};
void pl_yaml_iter_init(struct pl_yaml_iter *it, struct fy_node *map);
bool pl_yaml_next(struct pl_yaml_iter *it, struct fy_node **key, struct fy_node **value);

#endif
