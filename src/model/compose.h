/*
 * compose.h -- a Compose file as rules read it.
 *
 * The YAML tree stays libfyaml's; the model lists the services and gives rules one way to
 * read values (pl_compose_str follows aliases and merge keys) and one way to place a
 * finding (pl_compose_span: on the value when it is a scalar, else on its key, else on
 * the service's name).
 */
#ifndef PL_MODEL_COMPOSE_H
#define PL_MODEL_COMPOSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/source.h"
#include "parse/yaml.h"

struct pl_compose_service {
	const char *name;
	struct fy_node *key;  /* the name's key node, for positions */
	struct fy_node *node; /* its mapping; NULL for `name:` with no settings */
};

struct pl_compose {
	const struct pl_source *src;
	struct pl_arena *arena;
	struct pl_yaml yaml;
	struct fy_node *services_key; /* the `services:` key, NULL when absent */
	struct pl_compose_service *services;
	size_t nservices;
};

/* Loads SRC as a Compose file. Returns 0, or -1 with *ERR (invalid YAML, or a shape no
 * Compose implementation accepts: a root or `services` that is not a mapping). */
int pl_compose_build(const struct pl_source *src, struct pl_arena *a, struct pl_compose *out,
		     struct pl_yaml_error *err);
void pl_compose_finish(struct pl_compose *c);

/* Setting KEY of service S (aliases and merge keys followed), NULL when unset; *KEY_NODE
 * gets the key's node when given. */
struct fy_node *pl_compose_get(const struct pl_compose_service *s, const char *key,
			       struct fy_node **key_node);

/* The text of scalar N (NULL for collections and absent nodes). */
const char *pl_compose_str(const struct pl_compose *c, struct fy_node *n);

/* Where a finding about NODE goes: NODE when it is a scalar, else KEY, else service S's
 * name. */
void pl_compose_span(const struct pl_compose *c, const struct pl_compose_service *s,
		     struct fy_node *node, struct fy_node *key, uint32_t *off, uint32_t *end);

#endif
