/*
 * compose.c -- building the Compose model (see compose.h).
 */
#include "model/compose.h"

#include <string.h>

int
pl_compose_build(const struct pl_source *src, struct pl_arena *a, struct pl_compose *out,
		 struct pl_yaml_error *err)
{
	struct fy_node *services, *key, *value;
	struct pl_yaml_iter it;
	size_t cap;

	memset(out, 0, sizeof(*out));
	out->src = src;
	out->arena = a;
	if (pl_yaml_load(src, a, &out->yaml, err) != 0) {
		return -1;
	}
	if (out->yaml.root == NULL) {
		return 0;
	}
	if (!fy_node_is_mapping(pl_yaml_deref(out->yaml.root))) {
		err->line = 1;
		err->col = 1;
		err->message = "a Compose file is a mapping (services:, networks:, ...)";
		return -1;
	}
	services = pl_yaml_get(out->yaml.root, "services", &out->services_key);
	if (services == NULL) {
		return 0;
	}
	if (!fy_node_is_mapping(services)) {
		uint32_t off = 0, end;
		struct pl_pos p;

		pl_yaml_span(src, out->services_key, &off, &end);
		p = pl_source_pos(src, off);
		err->line = p.line;
		err->col = p.col;
		err->message = "services must be a mapping of service names to settings";
		return -1;
	}
	cap = (size_t)fy_node_mapping_item_count(services);
	out->services = pl_arena_alloc(a, (cap + 1) * sizeof(*out->services));
	pl_yaml_iter_init(&it, services);
	while (out->nservices < cap && pl_yaml_next(&it, &key, &value)) {
		struct pl_compose_service *s = &out->services[out->nservices];
		const char *name = pl_yaml_str(key, a);

		if (name == NULL) {
			continue;
		}
		s->name = name;
		s->key = key;
		s->node = value != NULL && fy_node_is_mapping(value) ? value : NULL;
		out->nservices++;
	}
	return 0;
}

void
pl_compose_finish(struct pl_compose *c)
{
	pl_yaml_finish(&c->yaml);
}

struct fy_node *
pl_compose_get(const struct pl_compose_service *s, const char *key, struct fy_node **key_node)
{
	if (s->node == NULL) {
		if (key_node != NULL) {
			*key_node = NULL;
		}
		return NULL;
	}
	return pl_yaml_get(s->node, key, key_node);
}

const char *
pl_compose_str(const struct pl_compose *c, struct fy_node *n)
{
	return pl_yaml_str(n, c->arena);
}

void
pl_compose_span(const struct pl_compose *c, const struct pl_compose_service *s,
		struct fy_node *node, struct fy_node *key, uint32_t *off, uint32_t *end)
{
	if (pl_yaml_span(c->src, node, off, end) || pl_yaml_span(c->src, key, off, end)) {
		return;
	}
	pl_yaml_span(c->src, s->key, off, end);
}
