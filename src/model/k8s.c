/*
 * k8s.c -- building the Kubernetes model (see k8s.h).
 *
 * The stream is loaded whole, then walked once with aliases followed to bound what rules
 * may later walk (an alias bomb is an error) and to recognise templates: a `{{ ... }}`
 * action where YAML expects a value or a line either breaks the YAML or parses as a
 * mapping used as a key. Placeholders inside values (`name: app-{{id}}`) leave a valid
 * manifest, which is scanned; rules stay silent on the values they cannot know.
 */
#include "model/k8s.h"
#include "core/limits.h"
#include "core/str.h"
#include "model/dockerfile.h"

#include <string.h>

/* Kubernetes sniffing: whether KEY (a plain or quoted key) starts at P, followed by a
 * colon. */
static bool
key_at(const char *p, const char *end, const char *key)
{
	size_t n = strlen(key);
	bool quoted = p < end && (*p == '"' || *p == '\'');

	if (quoted) {
		p++;
	}
	if ((size_t)(end - p) < n || memcmp(p, key, n) != 0) {
		return false;
	}
	p += n;
	if (quoted) {
		if (p >= end || (*p != '"' && *p != '\'')) {
			return false;
		}
		p++;
	}
	while (p < end && (*p == ' ' || *p == '\t')) {
		p++;
	}
	return p < end && *p == ':';
}

enum pl_yaml_content
pl_k8s_sniff(const char *text, size_t n)
{
	const char *end = text + n;
	bool api = false, kind = false, services = false;

	for (const char *p = text; p < end; p++) {
		/* A key starts a line (after indentation or a `- `) or follows `{` or `,`. */
		bool start = p == text || p[-1] == '\n' || p[-1] == ' ' || p[-1] == '\t' ||
			     p[-1] == '{' || p[-1] == ',';

		if (!start) {
			continue;
		}
		if (*p == 'a' || *p == '"' || *p == '\'') {
			api = api || key_at(p, end, "apiVersion");
		}
		if (*p == 'k' || *p == '"' || *p == '\'') {
			kind = kind || key_at(p, end, "kind");
		}
		if (*p == 's' && (p == text || p[-1] == '\n')) {
			services = services || key_at(p, end, "services");
		}
	}
	/* A Kubernetes object never has a top-level `services`; a Compose file never has
	 * apiVersion, but a top-level `services:` is what makes one. */
	if (services) {
		return PL_YAML_COMPOSE;
	}
	return api && kind ? PL_YAML_K8S : PL_YAML_OTHER;
}

/* What walking the tree found. */
struct walk {
	size_t aliased; /* nodes reached through an alias */
	bool template, deep;
};

/* Walks N with aliases followed, counting the nodes reached through them (IN_ALIAS) up
 * to PL_MAX_YAML_ALIAS_NODES, and the depth up to PL_MAX_YAML_DEPTH; looks for template
 * syntax. */
static void
walk(struct fy_node *n, unsigned depth, bool in_alias, struct walk *w)
{
	struct fy_node_pair *p;
	struct fy_node *item;
	void *it = NULL;

	if (n == NULL || w->aliased > PL_MAX_YAML_ALIAS_NODES || w->deep) {
		return;
	}
	if (depth > PL_MAX_YAML_DEPTH) {
		w->deep = true;
		return;
	}
	w->aliased += in_alias;
	if (fy_node_is_alias(n)) {
		walk(pl_yaml_deref(n), depth + 1, true, w);
	} else if (fy_node_is_sequence(n)) {
		while ((item = fy_node_sequence_iterate(n, &it)) != NULL) {
			walk(item, depth + 1, in_alias, w);
		}
	} else if (fy_node_is_mapping(n)) {
		while ((p = fy_node_mapping_iterate(n, &it)) != NULL) {
			struct fy_node *k = fy_node_pair_key(p);

			/* `{{ x }}` as a line of its own parses as a mapping whose key is a
			 * mapping; no Kubernetes object has a collection as a key. */
			if (k != NULL && fy_node_is_mapping(k)) {
				w->template = true;
			}
			walk(k, depth + 1, in_alias, w);
			walk(fy_node_pair_value(p), depth + 1, in_alias, w);
		}
	}
}

const char *
pl_k8s_str(const struct pl_k8s *k, struct fy_node *n)
{
	return pl_yaml_str(n, k->arena);
}

struct fy_node *
pl_k8s_get(struct fy_node *map, const char *key, struct fy_node **key_node)
{
	return pl_yaml_get(map, key, key_node);
}

/* Mapping N, or NULL when N is absent or not a mapping. */
static struct fy_node *
mapping(struct fy_node *n)
{
	n = pl_yaml_deref(n);
	return n != NULL && fy_node_is_mapping(n) ? n : NULL;
}

static struct fy_node *
get_map(struct fy_node *map, const char *key)
{
	return map != NULL ? mapping(pl_yaml_get(map, key, NULL)) : NULL;
}

/* Growth of the model's arrays. */
static void *
grow(struct pl_arena *a, void *p, size_t n, size_t *cap, size_t size)
{
	size_t ncap;

	if (n < *cap) {
		return p;
	}
	ncap = *cap ? *cap * 2 : 8;
	p = pl_arena_grow(a, p, *cap, ncap, size);
	*cap = ncap;
	return p;
}

struct builder {
	struct pl_k8s *k;
	size_t objects_cap, pods_cap, containers_cap;
};

static const char *const sc_names[PL_K8S_SC_COUNT] = {
	[PL_K8S_RUN_AS_USER] = "runAsUser",
	[PL_K8S_RUN_AS_GROUP] = "runAsGroup",
	[PL_K8S_RUN_AS_NON_ROOT] = "runAsNonRoot",
	[PL_K8S_SECCOMP_PROFILE] = "seccompProfile",
	[PL_K8S_APPARMOR_PROFILE] = "appArmorProfile",
	[PL_K8S_SELINUX_OPTIONS] = "seLinuxOptions",
	[PL_K8S_PRIVILEGED] = "privileged",
	[PL_K8S_ALLOW_PRIVILEGE_ESCALATION] = "allowPrivilegeEscalation",
	[PL_K8S_CAPABILITIES] = "capabilities",
	[PL_K8S_READ_ONLY_ROOT_FILESYSTEM] = "readOnlyRootFilesystem",
	[PL_K8S_PROC_MOUNT] = "procMount",
};

/* Adds the containers of LIST (spec.containers, ...) of pod P. */
static void
add_containers(struct builder *b, size_t pod, struct fy_node *list,
	       enum pl_k8s_container_kind kind)
{
	struct pl_k8s *k = b->k;
	struct pl_k8s_pod *p = &k->pods[pod];
	struct fy_node *item;
	void *it = NULL;

	list = pl_yaml_deref(list);
	if (list == NULL || !fy_node_is_sequence(list)) {
		return;
	}
	while ((item = fy_node_sequence_iterate(list, &it)) != NULL) {
		struct pl_k8s_container *c;
		struct fy_node *m = mapping(item), *csc, *name, *image;

		/* The same container twice, through an alias, is one container: its node
		 * is marked with the pod it was taken for. */
		if (m == NULL || fy_node_get_meta(m) == (void *)(uintptr_t)(pod + 1)) {
			continue;
		}
		fy_node_set_meta(m, (void *)(uintptr_t)(pod + 1));
		k->containers = grow(k->arena, k->containers, k->ncontainers, &b->containers_cap,
				     sizeof(*k->containers));
		c = &k->containers[k->ncontainers++];
		memset(c, 0, sizeof(*c));
		c->node = m;
		c->kind = kind;
		c->pod = pod;
		name = pl_yaml_get(m, "name", NULL);
		image = pl_yaml_get(m, "image", NULL);
		c->name = pl_k8s_str(k, name);
		if (c->name == NULL) {
			c->name = "";
		}
		c->at = name != NULL && fy_node_is_scalar(name) ? name :
			image != NULL && fy_node_is_scalar(image) ? image :
			k->objects[p->object].at;
		csc = get_map(m, "securityContext");
		for (int f = 0; f < PL_K8S_SC_COUNT; f++) {
			struct pl_k8s_setting *s = &c->sc[f];

			s->value = csc != NULL ? pl_yaml_get(csc, sc_names[f], &s->key) : NULL;
			if (s->value == NULL && f < PL_K8S_SC_POD_FIELDS && p->sc != NULL) {
				s->value = pl_yaml_get(p->sc, sc_names[f], &s->key);
				s->from_pod = s->value != NULL;
				s->pod_first = s->from_pod && !(p->inherited & (1u << f));
				p->inherited |= s->from_pod ? 1u << f : 0;
			}
			if (s->value == NULL) {
				s->key = NULL;
			}
		}
		p->n++;
	}
}

/* Adds the pod whose metadata is META and spec SPEC, of object OBJ. */
static void
add_pod(struct builder *b, size_t obj, struct fy_node *meta, struct fy_node *spec,
	bool batch)
{
	struct pl_k8s *k = b->k;
	struct pl_k8s_pod *p;
	size_t i;
	const char *restart;

	if (spec == NULL) {
		return;
	}
	k->pods = grow(k->arena, k->pods, k->npods, &b->pods_cap, sizeof(*k->pods));
	i = k->npods++;
	p = &k->pods[i];
	memset(p, 0, sizeof(*p));
	p->object = obj;
	p->meta = meta;
	p->spec = spec;
	p->sc = get_map(spec, "securityContext");
	restart = pl_k8s_str(k, pl_yaml_get(spec, "restartPolicy", NULL));
	/* A pod that is not restarted runs to completion, whatever owns it. */
	p->runs_to_completion = batch || (restart != NULL && strcmp(restart, "Always") != 0);
	p->first = k->ncontainers;
	add_containers(b, i, pl_yaml_get(spec, "initContainers", NULL), PL_K8S_INIT_CONTAINER);
	add_containers(b, i, pl_yaml_get(spec, "containers", NULL), PL_K8S_CONTAINER);
	add_containers(b, i, pl_yaml_get(spec, "ephemeralContainers", NULL),
		       PL_K8S_EPHEMERAL_CONTAINER);
}

/* Kinds whose spec.template is a PodTemplateSpec. */
static bool
has_template(const char *kind)
{
	static const char *const kinds[] = { "Deployment", "StatefulSet", "DaemonSet",
					     "ReplicaSet", "ReplicationController", "Job",
					     "DeploymentConfig", NULL };

	for (const char *const *p = kinds; *p != NULL; p++) {
		if (strcmp(kind, *p) == 0) {
			return true;
		}
	}
	return false;
}

/* Adds object N (a mapping), or the items of a list; LIST_KIND is the kind of the list N
 * is an item of ("PodList" gives items without a kind the kind "Pod"), NULL at the top. */
static void
add_object(struct builder *b, struct fy_node *n, const char *list_kind, unsigned depth)
{
	struct pl_k8s *k = b->k;
	struct pl_k8s_object *o;
	struct fy_node *kind_node, *name, *spec, *tmpl;
	const char *kind, *api;
	size_t len, i;

	n = mapping(n);
	if (n == NULL) {
		return;
	}
	kind_node = pl_yaml_get(n, "kind", NULL);
	kind = pl_k8s_str(k, kind_node);
	api = pl_k8s_str(k, pl_yaml_get(n, "apiVersion", NULL));
	if (kind == NULL && list_kind != NULL && (len = strlen(list_kind)) > 4) {
		kind = pl_arena_strndup(k->arena, list_kind, len - 4);
	}
	if (kind == NULL || (api == NULL && list_kind == NULL)) {
		return; /* not a Kubernetes object */
	}
	len = strlen(kind);
	if (len >= 4 && strcmp(kind + len - 4, "List") == 0) {
		struct fy_node *items = pl_yaml_deref(pl_yaml_get(n, "items", NULL)), *item;
		void *it = NULL;

		if (items != NULL && fy_node_is_sequence(items) && depth < PL_MAX_K8S_LIST_DEPTH) {
			while ((item = fy_node_sequence_iterate(items, &it)) != NULL) {
				add_object(b, item, strcmp(kind, "List") == 0 ? NULL : kind,
					   depth + 1);
			}
			return;
		}
	}
	k->objects = grow(k->arena, k->objects, k->nobjects, &b->objects_cap, sizeof(*k->objects));
	i = k->nobjects++;
	o = &k->objects[i];
	memset(o, 0, sizeof(*o));
	o->node = n;
	o->kind = kind;
	o->api_version = api != NULL ? api : "";
	o->metadata = get_map(n, "metadata");
	name = o->metadata != NULL ? pl_yaml_get(o->metadata, "name", NULL) : NULL;
	o->name = pl_k8s_str(k, name);
	o->at = name != NULL && fy_node_is_scalar(name) ? name : kind_node;
	if (o->metadata != NULL) {
		o->ns = pl_yaml_get(o->metadata, "namespace", &o->ns_key);
	}
	spec = get_map(n, "spec");
	if (strcmp(kind, "Pod") == 0) {
		add_pod(b, i, o->metadata, spec, false);
	} else if (has_template(kind)) {
		tmpl = get_map(spec, "template");
		add_pod(b, i, get_map(tmpl, "metadata"), get_map(tmpl, "spec"),
			strcmp(kind, "Job") == 0);
	} else if (strcmp(kind, "CronJob") == 0) {
		/* CronJob: spec.jobTemplate.spec.template.spec */
		tmpl = get_map(get_map(get_map(spec, "jobTemplate"), "spec"), "template");
		add_pod(b, i, get_map(tmpl, "metadata"), get_map(tmpl, "spec"), true);
	} else if (strcmp(kind, "PodTemplate") == 0) {
		tmpl = get_map(n, "template");
		add_pod(b, i, get_map(tmpl, "metadata"), get_map(tmpl, "spec"), false);
	} else if (strncmp(o->api_version, "serving.knative.dev/", 20) == 0 &&
		   (strcmp(kind, "Service") == 0 || strcmp(kind, "Configuration") == 0)) {
		/* Knative Serving: spec.template is a revision template whose spec is a
		 * PodSpec subset */
		tmpl = get_map(spec, "template");
		add_pod(b, i, get_map(tmpl, "metadata"), get_map(tmpl, "spec"), false);
	}
}

/* Node marks (see add_containers) are plain numbers: nothing to free. */
static void
no_meta_cleanup(struct fy_node *n, void *meta, void *user)
{
	(void)n;
	(void)meta;
	(void)user;
}

#define TEMPLATE_NOTE "a template with {{ }} actions, not a manifest: not scanned; render " \
		      "it (helm template) and scan the output"

/* Whether SRC has a template action outside quotes: "{{" with no quote before it on its
 * line. Only asked of text that is not valid YAML, to tell a template from a mistake. */
static bool
has_action(const struct pl_source *src)
{
	bool quoted = false;

	for (size_t i = 0; i + 1 < src->len; i++) {
		char c = src->text[i];

		if (c == '\n') {
			quoted = false;
		} else if (c == '"' || c == '\'') {
			quoted = true;
		} else if (c == '{' && src->text[i + 1] == '{' && !quoted) {
			return true;
		}
	}
	return false;
}

int
pl_k8s_build(const struct pl_source *src, struct pl_arena *a, struct pl_k8s *out,
	     struct pl_yaml_error *err)
{
	struct builder b = { .k = out };
	struct walk w = { 0 };

	memset(out, 0, sizeof(*out));
	out->src = src;
	out->arena = a;
	if (pl_yaml_load_all(src, a, PL_MAX_YAML_DOCUMENTS, &out->yaml, err) != 0) {
		/* Go template actions outside strings are rarely valid YAML. */
		if (strncmp(err->message, "invalid YAML", 12) == 0 && has_action(src)) {
			out->skipped = TEMPLATE_NOTE;
			memset(err, 0, sizeof(*err));
			return 0;
		}
		return -1;
	}
	for (size_t i = 0; i < out->yaml.ndocs; i++) {
		walk(fy_document_root(out->yaml.docs[i]), 0, false, &w);
	}
	if (w.deep || w.aliased > PL_MAX_YAML_ALIAS_NODES) {
		err->line = 1;
		err->col = 1;
		err->message = w.deep ? pl_arena_printf(a, "YAML nested deeper than %u levels "
							"(aliases followed)", PL_MAX_YAML_DEPTH)
				      : pl_arena_printf(a, "YAML aliases repeat more than %u "
							"nodes", PL_MAX_YAML_ALIAS_NODES);
		return -1;
	}
	if (w.template) {
		out->skipped = TEMPLATE_NOTE;
		return 0;
	}
	for (size_t i = 0; i < out->yaml.ndocs; i++) {
		fy_document_register_meta(out->yaml.docs[i], no_meta_cleanup, NULL);
		add_object(&b, fy_document_root(out->yaml.docs[i]), NULL, 0);
	}
	return 0;
}

void
pl_k8s_finish(struct pl_k8s *k)
{
	pl_yaml_stream_finish(&k->yaml);
}

const struct pl_k8s_setting *
pl_k8s_sc(const struct pl_k8s_container *c, enum pl_k8s_sc_field f)
{
	return &c->sc[f];
}

void
pl_k8s_span(const struct pl_k8s *k, struct fy_node *n, struct fy_node *key, struct fy_node *at,
	    uint32_t *off, uint32_t *end)
{
	if (pl_yaml_span(k->src, n, off, end) || pl_yaml_span(k->src, key, off, end)) {
		return;
	}
	pl_yaml_span(k->src, at, off, end);
}

void
pl_k8s_use_images(struct pl_k8s *k, const struct pl_image_index *ix)
{
	if (ix == NULL || ix->n == 0 || k->ncontainers == 0) {
		return;
	}
	k->images = ix;
	k->facts = pl_arena_alloc(k->arena, k->ncontainers * sizeof(*k->facts));
	k->facts_state = pl_arena_alloc(k->arena, k->ncontainers);
}

const struct pl_image_facts *
pl_k8s_image_facts(const struct pl_k8s *k, const struct pl_k8s_container *c)
{
	size_t i = (size_t)(c - k->containers);
	const char *image, *path, *shown, *why;
	struct pl_image_ref ref;
	struct pl_source src;

	if (k->facts == NULL || i >= k->ncontainers) {
		return NULL;
	}
	if (k->facts_state[i] != 0) {
		return k->facts_state[i] == 2 ? &k->facts[i] : NULL;
	}
	k->facts_state[i] = 1;
	image = pl_k8s_str(k, pl_k8s_get(c->node, "image", NULL));
	if (image == NULL || image[0] == '\0' || strpbrk(image, " ${}") != NULL) {
		return NULL;
	}
	pl_image_ref_split(image, k->arena, &ref);
	if ((path = pl_image_index_find(k->images, ref.repository)) == NULL) {
		return NULL;
	}
	shown = path;
	while (shown[0] == '.' && shown[1] == '/' && shown[2] != '\0') {
		shown += 2;
	}
	/* containers of one file often run the same image: read its Dockerfile once */
	for (size_t j = 0; j < k->ncontainers; j++) {
		if (k->facts_state[j] == 2 && strcmp(k->facts[j].dockerfile, shown) == 0) {
			k->facts[i] = k->facts[j];
			k->facts_state[i] = 2;
			return &k->facts[i];
		}
	}
	if (pl_source_read(&src, path, shown, &why) != 0) {
		return NULL;
	}
	pl_image_facts_of(&src, shown, NULL, k->arena, &k->facts[i]);
	pl_source_finish(&src);
	if (!k->facts[i].known) {
		return NULL;
	}
	k->facts_state[i] = 2;
	return &k->facts[i];
}
