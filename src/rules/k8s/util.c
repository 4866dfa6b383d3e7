/*
 * util.c -- shared helpers of the Kubernetes rules (see util.h).
 */
#include "rules/k8s/util.h"
#include "core/str.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

struct pl_finding *
pl_k8s_report(struct pl_check *ck, struct fy_node *n, struct fy_node *key, struct fy_node *at,
	      const char *fmt, ...)
{
	struct pl_finding *f;
	uint32_t off, end;
	va_list ap;

	pl_k8s_span(ck->k8s, n, key, at, &off, &end);
	va_start(ap, fmt);
	f = pl_check_vreport(ck, off, end, fmt, ap);
	va_end(ap);
	return f;
}

const char *
pl_k8s_obj_desc(const struct pl_k8s *k, const struct pl_k8s_object *o)
{
	if (o->name == NULL) {
		return pl_arena_printf(k->arena, "a %s", o->kind);
	}
	return pl_arena_printf(k->arena, "%s '%s'", o->kind, o->name);
}

const struct pl_k8s_object *
pl_k8s_pod_obj(const struct pl_k8s *k, const struct pl_k8s_pod *p)
{
	return &k->objects[p->object];
}

const struct pl_k8s_pod *
pl_k8s_pod_of(const struct pl_k8s *k, const struct pl_k8s_container *c)
{
	return &k->pods[c->pod];
}

const char *
pl_k8s_desc(const struct pl_k8s *k, const struct pl_k8s_container *c)
{
	static const char *const kinds[] = {
		[PL_K8S_CONTAINER] = "container",
		[PL_K8S_INIT_CONTAINER] = "init container",
		[PL_K8S_EPHEMERAL_CONTAINER] = "ephemeral container",
	};
	const struct pl_k8s_object *o = pl_k8s_pod_obj(k, pl_k8s_pod_of(k, c));

	return pl_arena_printf(k->arena, "%s '%s' of %s", kinds[c->kind], c->name,
			       pl_k8s_obj_desc(k, o));
}

bool
pl_k8s_unknown(const char *s)
{
	return s != NULL && (strstr(s, "{{") != NULL || strstr(s, "$(") != NULL ||
			     strstr(s, "${") != NULL);
}

int
pl_k8s_bool(const struct pl_k8s *k, struct fy_node *n)
{
	const char *s = pl_k8s_str(k, n);

	/* Kubernetes reads YAML 1.1 booleans: yes/no and on/off are booleans too. */
	if (pl_yaml_true(s)) {
		return 1;
	}
	return pl_yaml_false(s) ? 0 : -1;
}

bool
pl_k8s_int(const struct pl_k8s *k, struct fy_node *n, long long *v)
{
	const char *s = pl_k8s_str(k, n);
	char *end;

	if (s == NULL || s[0] == '\0' || (s[0] != '-' && (s[0] < '0' || s[0] > '9'))) {
		return false;
	}
	*v = strtoll(s, &end, 10);
	return *end == '\0';
}

struct fy_node *
pl_k8s_next(struct fy_node *seq, void **it)
{
	struct fy_node *item;

	seq = pl_yaml_deref(seq);
	if (seq == NULL || !fy_node_is_sequence(seq)) {
		return NULL;
	}
	while ((item = fy_node_sequence_iterate(seq, it)) != NULL) {
		if ((item = pl_yaml_deref(item)) != NULL) {
			return item;
		}
	}
	return NULL;
}

struct fy_node *
pl_k8s_annotation(const struct pl_k8s_pod *p, const char *key, struct fy_node **key_node)
{
	struct fy_node *ann = p->meta != NULL ? pl_yaml_get(p->meta, "annotations", NULL) : NULL;

	if (key_node != NULL) {
		*key_node = NULL;
	}
	return ann != NULL ? pl_yaml_get(ann, key, key_node) : NULL;
}

struct fy_node *
pl_k8s_resource(const struct pl_k8s_container *c, const char *kind, const char *name)
{
	struct fy_node *res = pl_yaml_get(c->node, "resources", NULL);
	struct fy_node *m = res != NULL ? pl_yaml_get(res, kind, NULL) : NULL;

	return m != NULL ? pl_yaml_get(m, name, NULL) : NULL;
}

bool
pl_k8s_image(const struct pl_k8s *k, const struct pl_k8s_container *c, struct pl_image_ref *ref,
	     struct fy_node **node)
{
	struct fy_node *n = pl_yaml_get(c->node, "image", NULL);
	const char *s = pl_k8s_str(k, n);

	*node = n;
	memset(ref, 0, sizeof(*ref));
	if (s == NULL || s[0] == '\0' || pl_k8s_unknown(s) || strchr(s, ' ') != NULL) {
		return false;
	}
	pl_image_ref_split(s, k->arena, ref);
	ref->raw = s;
	return true;
}

bool
pl_k8s_pod_seen(const struct pl_k8s *k, const struct pl_k8s_container *c, enum pl_k8s_sc_field f)
{
	(void)k;
	return c->sc[f].from_pod && !c->sc[f].pod_first;
}

bool
pl_k8s_runtime_socket(const char *p)
{
	static const char *const paths[] = {
		"/var/run/docker.sock", "/run/docker.sock", "/var/run/containerd/containerd.sock",
		"/run/containerd/containerd.sock", "/var/run/crio/crio.sock", "/run/crio/crio.sock",
		"/var/run/cri-dockerd.sock", "/run/cri-dockerd.sock", "/run/podman/podman.sock",
		"/var/run/podman/podman.sock", "/var/run", "/run", "/var/run/docker",
		"/run/docker", "/var/run/containerd", "/run/containerd", "/var/run/crio",
		"/run/crio", NULL,
	};
	size_t n = strlen(p);

	while (n > 1 && p[n - 1] == '/') {
		n--;
	}
	for (const char *const *s = paths; *s != NULL; s++) {
		if (strlen(*s) == n && strncmp(p, *s, n) == 0) {
			return true;
		}
	}
	return false;
}

void
pl_k8s_check_host_ns(struct pl_check *ck, const struct pl_k8s *k, const char *key,
		     const char *what)
{
	for (size_t i = 0; i < k->npods; i++) {
		const struct pl_k8s_pod *p = &k->pods[i];
		struct fy_node *kn, *v = pl_k8s_get(p->spec, key, &kn);

		if (pl_k8s_bool(k, v) == 1) {
			pl_k8s_report(ck, v, kn, pl_k8s_pod_obj(k, p)->at, "%s shares the node's %s "
				      "namespace", pl_k8s_obj_desc(k, pl_k8s_pod_obj(k, p)), what);
		}
	}
}
