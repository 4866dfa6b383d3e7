/*
 * compose.c -- building the Compose model (see compose.h).
 */
#include "model/compose.h"
#include "model/dockerfile.h"
#include "parse/dockerfile.h"

#include <stdio.h>
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
	out->images = pl_arena_alloc(a, (cap + 1) * sizeof(*out->images));
	out->images_done = pl_arena_alloc(a, (cap + 1) * sizeof(*out->images_done));
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
pl_compose_raw(const struct pl_compose *c, struct fy_node *n)
{
	return pl_yaml_str(n, c->arena);
}

const char *
pl_compose_str(const struct pl_compose *c, struct fy_node *n)
{
	const char *raw = pl_yaml_str(n, c->arena);
	struct pl_interp_result res;
	struct pl_interp_error err;

	if (raw == NULL || strchr(raw, '$') == NULL) {
		return raw;
	}
	if (pl_interp_expand(raw, strlen(raw), c->env != NULL ? pl_dotenv_lookup : NULL,
			     (void *)c->env, c->arena, &res, &err) != 0 ||
	    res.nunset > 0) {
		return raw;
	}
	return res.s;
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

/* PATH joined to DIR unless absolute; NULL for text that is not a plain local path. */
static const char *
local_path(struct pl_arena *a, const char *dir, const char *path)
{
	if (path == NULL || path[0] == '\0' || strchr(path, '$') != NULL ||
	    strstr(path, "://") != NULL || strncmp(path, "git@", 4) == 0) {
		return NULL;
	}
	if (path[0] == '/' || dir == NULL) {
		return path[0] == '/' ? path : NULL;
	}
	while (path[0] == '.' && path[1] == '/') {
		path += 2;
	}
	if (strcmp(path, ".") == 0 || path[0] == '\0') {
		return dir;
	}
	if (strcmp(dir, ".") == 0) {
		return path;
	}
	return pl_arena_printf(a, "%s/%s", dir, path);
}

/* Facts of the stage TARGET (the last one when NULL) of the Dockerfile in SRC. */
static void
image_facts(const struct pl_source *src, const char *target, struct pl_arena *a,
	    struct pl_compose_image *out)
{
	struct pl_df_model_opts o = { .target = target };
	struct pl_df_error err;
	struct pl_df_file file;
	struct pl_df_model m;
	const struct pl_stage *st;

	if (pl_df_parse(src, a, &file, &err) != 0) {
		return;
	}
	pl_df_model_build(&file, &o, a, &m);
	if (m.final_stage < 0) {
		return;
	}
	st = &m.stages[m.final_stage];
	out->known = true;
	out->user_known = st->end.user_known;
	out->root = st->end.user == NULL || pl_user_is_root(st->end.user);
	for (size_t i = st->from; i <= st->last && i < file.ninstrs; i++) {
		if (file.instrs[i].kind == PL_DF_HEALTHCHECK) {
			out->healthcheck = true;
		}
	}
}

const struct pl_compose_image *
pl_compose_image(const struct pl_compose *c, const struct pl_compose_service *s)
{
	size_t i = (size_t)(s - c->services);
	struct pl_compose_image *img;
	struct fy_node *build;
	const char *context = NULL, *dockerfile = "Dockerfile", *inline_text = NULL;
	const char *target = NULL, *dir, *path, *why;
	struct pl_source src;

	if (c->images == NULL || i >= c->nservices) {
		return NULL;
	}
	img = &c->images[i];
	if (c->images_done[i]) {
		return img->dockerfile != NULL ? img : NULL;
	}
	c->images_done[i] = true;
	build = pl_compose_get(s, "build", NULL);
	if (build == NULL || c->dir == NULL) {
		return NULL;
	}
	if (fy_node_is_scalar(build)) {
		context = pl_compose_str(c, build);
	} else if (fy_node_is_mapping(build)) {
		const char *t;

		context = pl_compose_str(c, pl_yaml_get(build, "context", NULL));
		if (context == NULL) {
			context = ".";
		}
		if ((t = pl_compose_str(c, pl_yaml_get(build, "dockerfile", NULL))) != NULL) {
			dockerfile = t;
		}
		inline_text = pl_compose_str(c, pl_yaml_get(build, "dockerfile_inline", NULL));
		target = pl_compose_str(c, pl_yaml_get(build, "target", NULL));
	}
	if (inline_text != NULL) {
		img->dockerfile = pl_arena_printf(c->arena, "the dockerfile_inline of service '%s'",
						  s->name);
		pl_source_from_mem(&src, img->dockerfile, inline_text, strlen(inline_text));
		image_facts(&src, target, c->arena, img);
		return img;
	}
	if ((dir = local_path(c->arena, c->dir, context)) == NULL ||
	    (path = local_path(c->arena, dir, dockerfile)) == NULL) {
		return NULL;
	}
	img->dockerfile = path;
	if (pl_source_read(&src, path, path, &why) == 0) {
		image_facts(&src, target, c->arena, img);
		pl_source_finish(&src);
	}
	return img;
}
