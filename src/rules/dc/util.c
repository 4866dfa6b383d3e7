/*
 * util.c -- shared helpers of the Compose rules (see util.h).
 */
#include "rules/dc/util.h"

#include <stdarg.h>
#include <string.h>

struct pl_finding *
pl_dc_report(struct pl_check *ck, const struct pl_compose_service *s, struct fy_node *node,
	     struct fy_node *key, const char *fmt, ...)
{
	struct pl_finding *f;
	uint32_t off, end;
	va_list ap;

	pl_compose_span(ck->compose, s, node, key, &off, &end);
	va_start(ap, fmt);
	f = pl_check_vreport(ck, off, end, fmt, ap);
	va_end(ap);
	return f;
}

const char *
pl_dc_str(const struct pl_compose *c, const struct pl_compose_service *s, const char *key,
	  struct fy_node **node, struct fy_node **key_node)
{
	struct fy_node *n = pl_compose_get(s, key, key_node);

	if (node != NULL) {
		*node = n;
	}
	return pl_compose_str(c, n);
}

void
pl_dc_each(struct fy_node *n, bool (*fn)(struct fy_node *item, void *ctx), void *ctx)
{
	struct fy_node *item;
	void *it = NULL;

	n = pl_yaml_deref(n);
	if (n == NULL) {
		return;
	}
	if (!fy_node_is_sequence(n)) {
		fn(n, ctx);
		return;
	}
	while ((item = fy_node_sequence_iterate(n, &it)) != NULL) {
		if (!fn(pl_yaml_deref(item), ctx)) {
			return;
		}
	}
}

struct fy_node *
pl_dc_limit(const struct pl_compose_service *s, const char *key, const char *legacy)
{
	struct fy_node *deploy = pl_compose_get(s, "deploy", NULL);
	struct fy_node *res = deploy ? pl_yaml_get(deploy, "resources", NULL) : NULL;
	struct fy_node *lim = res ? pl_yaml_get(res, "limits", NULL) : NULL;
	struct fy_node *v = lim ? pl_yaml_get(lim, key, NULL) : NULL;

	if (v == NULL && legacy != NULL) {
		v = pl_compose_get(s, legacy, NULL);
	}
	return v;
}

const char *
pl_dc_image(const struct pl_compose *c, const struct pl_compose_service *s,
	    struct fy_node **node)
{
	if (pl_compose_get(s, "build", NULL) != NULL) {
		return NULL;
	}
	return pl_dc_str(c, s, "image", node, NULL);
}

/* A volume source that names a host path rather than a named volume. */
static bool
host_path(const char *src)
{
	return src[0] == '/' || src[0] == '.' || src[0] == '~';
}

const char *
pl_dc_volume_source(const struct pl_compose *c, struct fy_node *item, struct fy_node **at)
{
	const char *t, *colon;

	*at = item;
	if (item != NULL && fy_node_is_mapping(item)) {
		struct fy_node *src = pl_yaml_get(item, "source", NULL);
		const char *type = pl_compose_str(c, pl_yaml_get(item, "type", NULL));

		t = pl_compose_str(c, src);
		if (t == NULL || strchr(t, '$') != NULL ||
		    (type != NULL && strcmp(type, "bind") != 0) || !host_path(t)) {
			return NULL;
		}
		*at = src;
		return t;
	}
	t = pl_compose_str(c, item);
	if (t == NULL || strchr(t, '$') != NULL || (colon = strchr(t, ':')) == NULL) {
		return NULL;
	}
	t = pl_arena_strndup(c->arena, t, (size_t)(colon - t));
	return host_path(t) ? t : NULL;
}
