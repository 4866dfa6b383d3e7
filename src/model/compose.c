/*
 * compose.c -- building the Compose model (see compose.h).
 */
#include "model/compose.h"
#include "model/image.h"
#include "model/dockerfile.h"
#include "parse/dockerfile.h"

#include "core/limits.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* A diagnostic about node AT (or no position) of file F. */
static void
diag(struct pl_compose *c, size_t f, struct fy_node *at, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void
diag(struct pl_compose *c, size_t f, struct fy_node *at, const char *fmt, ...)
{
	struct pl_compose_diag *d;
	uint32_t off, end;
	va_list ap;

	if (c->ndiags == c->diags_cap) {
		size_t cap = c->diags_cap ? c->diags_cap * 2 : 4;

		c->diags = pl_arena_grow(c->arena, c->diags, c->ndiags, cap, sizeof(*c->diags));
		c->diags_cap = cap;
	}
	d = &c->diags[c->ndiags++];
	memset(d, 0, sizeof(*d));
	d->file = c->files[f].name;
	if (pl_yaml_span(c->files[f].src, at, &off, &end)) {
		struct pl_pos p = pl_source_pos(c->files[f].src, off);

		d->line = p.line;
		d->col = p.col;
	}
	va_start(ap, fmt);
	d->message = pl_arena_vprintf(c->arena, fmt, ap);
	va_end(ap);
}

void
pl_compose_init(struct pl_compose *c, struct pl_arena *a)
{
	memset(c, 0, sizeof(*c));
	c->arena = a;
}

/* A service's name and its index in the project, for finding it by name. */
struct by_name {
	const char *name;
	size_t index;
};

static int
cmp_by_name(const void *a, const void *b)
{
	return strcmp(((const struct by_name *)a)->name, ((const struct by_name *)b)->name);
}

/* The services of C sorted by name; NULL when there are none. */
static struct by_name *
sorted_services(struct pl_compose *c)
{
	struct by_name *v;

	if (c->nservices == 0) {
		return NULL;
	}
	v = pl_arena_alloc(c->arena, c->nservices * sizeof(*v));
	for (size_t i = 0; i < c->nservices; i++) {
		v[i].name = c->services[i].name;
		v[i].index = i;
	}
	qsort(v, c->nservices, sizeof(*v), cmp_by_name);
	return v;
}

/* The service named NAME among the N of SORTED, or NULL. */
static struct pl_compose_service *
find_service(struct pl_compose *c, const struct by_name *sorted, size_t n, const char *name)
{
	struct by_name key = { .name = name };
	const struct by_name *hit;

	if (sorted == NULL) {
		return NULL;
	}
	hit = bsearch(&key, sorted, n, sizeof(*sorted), cmp_by_name);
	return hit != NULL ? &c->services[hit->index] : NULL;
}

static void
add_layer(struct pl_compose *c, struct pl_compose_service *s, struct fy_node *key,
	  struct fy_node *node, size_t file)
{
	if (s->nlayers >= PL_MAX_COMPOSE_LAYERS) {
		return;
	}
	if (s->nlayers == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 2;

		s->layers = pl_arena_grow(c->arena, s->layers, s->nlayers, cap, sizeof(*s->layers));
		s->cap = cap;
	}
	s->layers[s->nlayers].key = key;
	s->layers[s->nlayers].node = node;
	s->layers[s->nlayers].file = file;
	s->nlayers++;
}

/* Loads SRC into a new entry of C's files; its index in *F. */
static int
load_file(struct pl_compose *c, const struct pl_source *src, const char *name, size_t *f,
	  struct pl_yaml_error *err)
{
	struct pl_compose_file *cf;

	memset(err, 0, sizeof(*err));
	if (c->nfiles >= PL_MAX_COMPOSE_FILES) {
		err->message = pl_arena_printf(c->arena, "a Compose project of more than %u "
					       "files is not read", PL_MAX_COMPOSE_FILES);
		return -1;
	}
	if (c->nfiles == c->files_cap) {
		size_t cap = c->files_cap ? c->files_cap * 2 : 4;

		c->files = pl_arena_grow(c->arena, c->files, c->nfiles, cap, sizeof(*c->files));
		c->files_cap = cap;
	}
	*f = c->nfiles++;
	cf = &c->files[*f];
	memset(cf, 0, sizeof(*cf));
	cf->src = src;
	cf->name = name;
	if (pl_yaml_load(src, c->arena, &cf->yaml, err) != 0) {
		return -1;
	}
	if (cf->yaml.root != NULL && !fy_node_is_mapping(pl_yaml_deref(cf->yaml.root))) {
		err->line = 1;
		err->col = 1;
		err->message = "a Compose file is a mapping (services:, networks:, ...)";
		return -1;
	}
	return 0;
}

/* The `services:` mapping of file F, NULL when absent; -1 in *BAD with *ERR when it is
 * not a mapping. */
static struct fy_node *
services_of(struct pl_compose *c, size_t f, struct fy_node **key, struct pl_yaml_error *err,
	    int *bad)
{
	const struct pl_compose_file *cf = &c->files[f];
	struct fy_node *services;

	*bad = 0;
	*key = NULL;
	if (cf->yaml.root == NULL ||
	    (services = pl_yaml_get(cf->yaml.root, "services", key)) == NULL) {
		return NULL;
	}
	if (!fy_node_is_mapping(services)) {
		uint32_t off = 0, end;
		struct pl_pos p;

		pl_yaml_span(cf->src, *key, &off, &end);
		p = pl_source_pos(cf->src, off);
		err->line = p.line;
		err->col = p.col;
		err->message = "services must be a mapping of service names to settings";
		*bad = -1;
		return NULL;
	}
	return services;
}

int
pl_compose_add(struct pl_compose *c, const struct pl_source *src, const char *name,
	       struct pl_yaml_error *err)
{
	struct fy_node *services, *skey, *key, *value;
	struct by_name *sorted;
	struct pl_yaml_iter it;
	size_t f, nsorted;
	int bad;

	if (load_file(c, src, name, &f, err) != 0) {
		return -1;
	}
	if (f == 0) {
		c->src = src;
		c->yaml = c->files[0].yaml;
	}
	services = services_of(c, f, &skey, err, &bad);
	if (bad != 0) {
		return -1;
	}
	if (f == 0) {
		c->services_key = skey;
	}
	if (services == NULL) {
		return 0;
	}
	/* Names are unique within a file: only the services of earlier files can match. */
	nsorted = c->nservices;
	sorted = sorted_services(c);
	pl_yaml_iter_init(&it, services);
	while (pl_yaml_next(&it, &key, &value)) {
		const char *sname = pl_yaml_str(key, c->arena);
		struct pl_compose_service *s;

		if (sname == NULL) {
			continue;
		}
		value = value != NULL && fy_node_is_mapping(value) ? value : NULL;
		if ((s = find_service(c, sorted, nsorted, sname)) == NULL) {
			if (c->nservices == c->cap) {
				size_t cap = c->cap ? c->cap * 2 : 8;

				c->services = pl_arena_grow(c->arena, c->services, c->nservices,
							    cap, sizeof(*c->services));
				c->cap = cap;
			}
			s = &c->services[c->nservices++];
			memset(s, 0, sizeof(*s));
			s->name = sname;
			s->key = key;
			s->node = value;
		}
		add_layer(c, s, key, value, f);
	}
	return 0;
}

/* The index of the file named NAME (a path), loading it when new; -1 with a diagnostic at
 * AT of file F when it cannot be read. */
static long
extends_file(struct pl_compose *c, size_t f, struct fy_node *at, const char *file)
{
	const char *dir = c->files[f].dir, *path, *why;
	struct pl_source *src;
	struct pl_yaml_error err;
	size_t nf;

	if (file[0] == '/' || dir == NULL || strcmp(dir, ".") == 0) {
		path = file;
	} else {
		path = pl_arena_printf(c->arena, "%s/%s", dir, file);
	}
	if (file[0] != '/' && dir == NULL) {
		diag(c, f, at, "extends names file '%s', which cannot be found for a file that "
		     "is not on disk", file);
		c->diags[c->ndiags - 1].note = true;
		return -1;
	}
	for (size_t i = 0; i < c->nfiles; i++) {
		if (strcmp(c->files[i].name, path) == 0) {
			return (long)i;
		}
	}
	src = pl_arena_alloc(c->arena, sizeof(*src));
	if (pl_source_read(src, path, path, &why) != 0) {
		diag(c, f, at, "extends names file '%s': %s; the services extending it are "
		     "scanned without it", path, why);
		c->diags[c->ndiags - 1].note = access(path, F_OK) != 0;
		return -1;
	}
	if (src->len > PL_MAX_COMPOSE_BYTES) {
		diag(c, f, at, "extends names file '%s', larger than the Compose file limit", path);
		pl_source_finish(src);
		return -1;
	}
	if (load_file(c, src, path, &nf, &err) != 0) {
		if (c->nfiles == 0 || c->files[c->nfiles - 1].src != src) {
			/* Not entered: too many files. */
			pl_source_finish(src);
		} else {
			c->files[c->nfiles - 1].owned = true;
		}
		diag(c, f, at, "extends names file '%s': %s%s", path,
		     err.line > 0 ? pl_arena_printf(c->arena, "line %u: ", err.line) : "",
		     err.message != NULL ? err.message : "cannot be read");
		return -1;
	}
	c->files[nf].owned = true;
	{
		const char *slash = strrchr(path, '/');

		c->files[nf].dir = slash == NULL ? "." :
			pl_arena_strndup(c->arena, path, slash == path ? 1 : (size_t)(slash - path));
	}
	return (long)nf;
}

/* A step of an `extends` chain, for cycles and messages. */
struct chain {
	size_t file[PL_MAX_COMPOSE_EXTENDS + 1];
	const char *name[PL_MAX_COMPOSE_EXTENDS + 1];
	size_t n;
};

/* The service definitions of one file sorted by name, built on first use, so that a
 * file of many services that extend one another is resolved in n log n. */
struct def {
	const char *name;
	struct fy_node *key, *node;
};
struct defs {
	struct def *v;
	size_t n;
	bool built;
};

static int
cmp_def(const void *a, const void *b)
{
	return strcmp(((const struct def *)a)->name, ((const struct def *)b)->name);
}

/* The definition of service NAME in file F: its key in *KEY and value in *NODE; false when
 * F does not define it. */
static bool
find_def(struct pl_compose *c, struct defs *idx, size_t f, const char *name,
	 struct fy_node **key, struct fy_node **node)
{
	struct defs *d = &idx[f];
	struct def k = { .name = name }, *hit;

	if (!d->built) {
		struct pl_yaml_error err;
		struct fy_node *services, *skey, *kn, *vn;
		struct pl_yaml_iter it;
		int bad;

		d->built = true;
		services = services_of(c, f, &skey, &err, &bad);
		if (services != NULL) {
			size_t cap = (size_t)fy_node_mapping_item_count(services);

			d->v = pl_arena_alloc(c->arena, (cap + 1) * sizeof(*d->v));
			pl_yaml_iter_init(&it, services);
			while (d->n < cap && pl_yaml_next(&it, &kn, &vn)) {
				const char *sname = pl_yaml_str(kn, c->arena);

				if (sname != NULL) {
					d->v[d->n].name = sname;
					d->v[d->n].key = kn;
					d->v[d->n++].node = vn;
				}
			}
			qsort(d->v, d->n, sizeof(*d->v), cmp_def);
		}
	}
	if (d->n == 0 || (hit = bsearch(&k, d->v, d->n, sizeof(*d->v), cmp_def)) == NULL) {
		return false;
	}
	*key = hit->key;
	*node = hit->node;
	return true;
}

/* Adds to S the layers that definition NODE (named by KEY in file F) brings through its
 * `extends`, lowest first, then the definition itself. */
static void
expand(struct pl_compose *c, struct defs *idx, struct pl_compose_service *s, size_t f,
       struct fy_node *key, struct fy_node *node, struct chain *ch)
{
	struct fy_node *ext = node != NULL ? pl_yaml_get(node, "extends", NULL) : NULL;
	struct fy_node *at = ext, *bkey = NULL, *bnode = NULL;
	const char *base = NULL, *file = NULL;
	long tf = (long)f;

	if (ext != NULL && fy_node_is_scalar(ext)) {
		base = pl_compose_str(c, ext);
	} else if (ext != NULL && fy_node_is_mapping(ext)) {
		at = pl_yaml_get(ext, "service", NULL);
		base = pl_compose_str(c, at);
		file = pl_compose_str(c, pl_yaml_get(ext, "file", NULL));
		if (at == NULL) {
			at = key;
		}
	}
	if (ext != NULL && base == NULL) {
		diag(c, f, key, "extends of service '%s' names no service", ch->name[ch->n - 1]);
	}
	if (base != NULL && file != NULL) {
		tf = extends_file(c, f, at, file);
	}
	if (base != NULL && tf >= 0) {
		if (!find_def(c, idx, (size_t)tf, base, &bkey, &bnode)) {
			diag(c, f, at, "extends names service '%s', which %s does not define",
			     base, c->files[tf].name);
			tf = -1;
		}
	}
	if (base != NULL && tf >= 0) {
		bool cycle = false;

		for (size_t i = 0; i < ch->n; i++) {
			cycle |= ch->file[i] == (size_t)tf && strcmp(ch->name[i], base) == 0;
		}
		if (cycle) {
			const char *path = ch->name[0];

			for (size_t i = 1; i < ch->n; i++) {
				path = pl_arena_printf(c->arena, "%s -> %s", path, ch->name[i]);
			}
			diag(c, f, at, "extends makes a cycle: %s -> %s", path, base);
		} else if (ch->n > PL_MAX_COMPOSE_EXTENDS) {
			diag(c, f, at, "extends of service '%s' is a chain longer than %u services",
			     ch->name[0], PL_MAX_COMPOSE_EXTENDS);
		} else {
			ch->file[ch->n] = (size_t)tf;
			ch->name[ch->n] = base;
			ch->n++;
			expand(c, idx, s, (size_t)tf, bkey,
			       bnode != NULL && fy_node_is_mapping(bnode) ? bnode : NULL, ch);
			ch->n--;
		}
	}
	add_layer(c, s, key, node, f);
}

void
pl_compose_resolve(struct pl_compose *c)
{
	struct defs idx[PL_MAX_COMPOSE_FILES] = { { 0 } };

	for (size_t i = 0; i < c->nfiles; i++) {
		if (c->files[i].dir == NULL) {
			c->files[i].dir = c->dir;
		}
	}
	for (size_t i = 0; i < c->nservices; i++) {
		struct pl_compose_service *s = &c->services[i];
		struct pl_compose_layer *old = s->layers;
		size_t n = s->nlayers;
		bool ext = false;

		for (size_t k = 0; k < n; k++) {
			ext |= s->layers[k].node != NULL &&
			       pl_yaml_get(s->layers[k].node, "extends", NULL) != NULL;
		}
		if (ext) {
			s->layers = NULL;
			s->nlayers = s->cap = 0;
			for (size_t k = 0; k < n; k++) {
				struct chain ch = { .n = 1 };

				ch.file[0] = old[k].file;
				ch.name[0] = s->name;
				expand(c, idx, s, old[k].file, old[k].key, old[k].node, &ch);
			}
		}
		for (size_t k = 0; k < s->nlayers; k++) {
			s->has_profiles |= s->layers[k].node != NULL &&
					   pl_yaml_get(s->layers[k].node, "profiles", NULL) != NULL;
		}
	}
	c->images = pl_arena_alloc(c->arena, (c->nservices + 1) * sizeof(*c->images));
	c->images_done = pl_arena_alloc(c->arena, (c->nservices + 1) * sizeof(*c->images_done));
}

int
pl_compose_build(const struct pl_source *src, struct pl_arena *a, struct pl_compose *out,
		 struct pl_yaml_error *err)
{
	pl_compose_init(out, a);
	if (pl_compose_add(out, src, src->name, err) != 0) {
		return -1;
	}
	pl_compose_resolve(out);
	return 0;
}

void
pl_compose_finish(struct pl_compose *c)
{
	for (size_t i = 0; i < c->nfiles; i++) {
		pl_yaml_finish(&c->files[i].yaml);
		if (c->files[i].owned) {
			pl_source_finish((struct pl_source *)c->files[i].src);
		}
	}
	c->nfiles = 0;
}

size_t
pl_compose_file_of(const struct pl_compose *c, struct fy_node *n)
{
	struct fy_document *d = n != NULL ? fy_node_document(n) : NULL;

	for (size_t i = 0; d != NULL && i < c->nfiles; i++) {
		if (c->files[i].yaml.doc == d) {
			return i;
		}
	}
	return 0;
}

/* Whether N carries the YAML tag TAG (`!reset`, `!override`). */
static bool
tagged(struct fy_node *n, const char *tag)
{
	size_t len = 0;
	const char *t = n != NULL ? fy_node_get_tag(n, &len) : NULL;

	return t != NULL && len == strlen(tag) && memcmp(t, tag, len) == 0;
}

/* The layers of S, or S's own node as one layer when the service was made by hand. */
static size_t
layers(const struct pl_compose_service *s, struct pl_compose_layer *one,
       const struct pl_compose_layer **out)
{
	if (s->nlayers > 0) {
		*out = s->layers;
		return s->nlayers;
	}
	one->key = s->key;
	one->node = s->node;
	one->file = 0;
	*out = one;
	return 1;
}

struct fy_node *
pl_compose_get(const struct pl_compose_service *s, const char *key, struct fy_node **key_node)
{
	return pl_compose_getp(s, key_node, key, (const char *)NULL);
}

struct fy_node *
pl_compose_getp(const struct pl_compose_service *s, struct fy_node **key_node, ...)
{
	struct pl_compose_layer one;
	const struct pl_compose_layer *l;
	size_t n = layers(s, &one, &l);

	if (key_node != NULL) {
		*key_node = NULL;
	}
	while (n-- > 0) {
		struct fy_node *v = l[n].node, *k = NULL;
		const char *key;
		bool reset = false, found = v != NULL;
		va_list ap;

		va_start(ap, key_node);
		while (found && (key = va_arg(ap, const char *)) != NULL) {
			found = v != NULL && fy_node_is_mapping(v);
			v = found ? pl_yaml_get(v, key, &k) : NULL;
			found = found && (v != NULL || k != NULL);
			reset |= tagged(v, "!reset");
		}
		va_end(ap);
		if (reset) {
			return NULL;
		}
		if (found) {
			if (key_node != NULL) {
				*key_node = k;
			}
			return v;
		}
	}
	return NULL;
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
pl_compose_place(const struct pl_compose *c, const struct pl_compose_service *s,
		 struct fy_node *node, struct fy_node *key, size_t *file, uint32_t *off,
		 uint32_t *end)
{
	struct fy_node *at[3] = { node, key, s->key };

	for (size_t i = 0; i < 3; i++) {
		size_t f = pl_compose_file_of(c, at[i]);
		const struct pl_source *src = f < c->nfiles ? c->files[f].src : c->src;

		if (pl_yaml_span(src, at[i], off, end)) {
			*file = f;
			return;
		}
	}
	*file = 0;
}

void
pl_compose_span(const struct pl_compose *c, const struct pl_compose_service *s,
		struct fy_node *node, struct fy_node *key, uint32_t *off, uint32_t *end)
{
	size_t f;

	pl_compose_place(c, s, node, key, &f, off, end);
}

/* Short syntax of a volume, "SRC:DST[:MODE]" or "DST": the target. */
static const char *
volume_target(struct pl_arena *a, const char *t)
{
	const char *colon = strchr(t, ':'), *end;

	if (colon == NULL) {
		return t;
	}
	end = strchr(colon + 1, ':');
	return end != NULL ? pl_arena_strndup(a, colon + 1, (size_t)(end - colon - 1)) : colon + 1;
}

/* Where secret (SECRET) or config item ITEM appears in the container: its target, or
 * /run/secrets/SOURCE for a secret and /SOURCE for a config when not given; a relative
 * secret target is a file name under /run/secrets. *SOURCE gets the source. */
static const char *
ref_target(const struct pl_compose *c, bool secret, struct fy_node *item, const char **source)
{
	const char *target = NULL;

	if (fy_node_is_mapping(item)) {
		*source = pl_compose_str(c, pl_yaml_get(item, "source", NULL));
		target = pl_compose_str(c, pl_yaml_get(item, "target", NULL));
	} else {
		*source = pl_compose_str(c, item);
	}
	if (*source == NULL) {
		return NULL;
	}
	if (target == NULL) {
		return pl_arena_printf(c->arena, secret ? "/run/secrets/%s" : "/%s", *source);
	}
	if (secret && target[0] != '/') {
		return pl_arena_printf(c->arena, "/run/secrets/%s", target);
	}
	return target;
}

/* The key that makes ITEM of setting KEY unique in the merged sequence: the text of a
 * scalar, the specification's unique key for ports, volumes, secrets and configs; NULL
 * when ITEM is not compared. */
static const char *
unique_key(const struct pl_compose *c, const char *key, struct fy_node *item)
{
	const char *t;

	if (item == NULL) {
		return NULL;
	}
	if (strcmp(key, "secrets") == 0 || strcmp(key, "configs") == 0) {
		return ref_target(c, strcmp(key, "secrets") == 0, item, &t);
	}
	if (fy_node_is_mapping(item)) {
		if (strcmp(key, "volumes") == 0) {
			return pl_compose_str(c, pl_yaml_get(item, "target", NULL));
		}
		if (strcmp(key, "ports") == 0) {
			const char *f[4] = { "host_ip", "target", "published", "protocol" };
			const char *v[4];

			for (size_t i = 0; i < 4; i++) {
				v[i] = pl_compose_str(c, pl_yaml_get(item, f[i], NULL));
			}
			return pl_arena_printf(c->arena, "%s:%s:%s/%s", v[0] ? v[0] : "",
					       v[2] ? v[2] : "", v[1] ? v[1] : "",
					       v[3] ? v[3] : "tcp");
		}
		return NULL;
	}
	if ((t = pl_compose_str(c, item)) == NULL) {
		return NULL;
	}
	if (strcmp(key, "volumes") == 0) {
		return volume_target(c->arena, t);
	}
	return t;
}

/* The value of setting KEY in layer L, NULL when unset; *TAG_OVERRIDE when the value
 * replaces lower ones, *RESET when it clears them. */
static struct fy_node *
layer_value(const struct pl_compose_layer *l, const char *parent, const char *key,
	    bool *replace, bool *reset)
{
	struct fy_node *v = l->node;

	*replace = *reset = false;
	if (v != NULL && parent != NULL) {
		v = pl_yaml_get(v, parent, NULL);
		*reset = tagged(v, "!reset");
		*replace = tagged(v, "!override");
		v = v != NULL && fy_node_is_mapping(v) ? v : NULL;
	}
	v = v != NULL ? pl_yaml_get(v, key, NULL) : NULL;
	*reset |= tagged(v, "!reset");
	*replace |= tagged(v, "!override");
	return pl_yaml_deref(v);
}

/* The number of items of value V (a scalar counts as one). */
static size_t
count_items(struct fy_node *v)
{
	return v == NULL ? 0 : fy_node_is_sequence(v) ? (size_t)fy_node_sequence_item_count(v) : 1;
}

/* One item's unique key and the layer it is in, for pl_compose_each. */
struct ukey {
	const char *key;
	size_t layer;
};

/* Whether an entry of K (N of them) in a layer above I has key U. */
static bool
repeated_above(const struct ukey *k, size_t n, size_t i, const char *u)
{
	for (size_t j = 0; j < n; j++) {
		if (k[j].layer > i && k[j].key != NULL && strcmp(k[j].key, u) == 0) {
			return true;
		}
	}
	return false;
}

void
pl_compose_each(const struct pl_compose *c, const struct pl_compose_service *s,
		const char *key, bool (*fn)(struct fy_node *item, void *ctx), void *ctx)
{
	struct pl_compose_layer one;
	const struct pl_compose_layer *l;
	size_t n = layers(s, &one, &l), from = 0, nkeys = 0;
	bool replaces = strcmp(key, "command") == 0 || strcmp(key, "entrypoint") == 0;
	struct ukey *keys = NULL;

	/* The lowest layer that counts: above the highest reset or replacing value. */
	for (size_t i = n; i-- > 0;) {
		bool replace, reset;
		struct fy_node *v = layer_value(&l[i], NULL, key, &replace, &reset);

		if (reset) {
			from = i + 1;
			break;
		}
		if (v != NULL && (replace || replaces)) {
			from = i;
			break;
		}
	}
	/* The unique keys of every item, when more than one layer counts and the items are
	 * few enough to compare pairwise. */
	for (size_t i = from; i < n && from + 1 < n; i++) {
		bool replace, reset;

		nkeys += count_items(layer_value(&l[i], NULL, key, &replace, &reset));
	}
	if (from + 1 < n && nkeys > 0 && nkeys <= PL_MAX_COMPOSE_MERGE_ITEMS) {
		size_t k = 0;

		keys = pl_arena_alloc(c->arena, nkeys * sizeof(*keys));
		for (size_t i = from; i < n; i++) {
			bool replace, reset;
			struct fy_node *v = layer_value(&l[i], NULL, key, &replace, &reset), *item;
			void *it = NULL;

			if (v != NULL && !fy_node_is_sequence(v) && k < nkeys) {
				keys[k].layer = i;
				keys[k++].key = unique_key(c, key, v);
			}
			while (v != NULL && fy_node_is_sequence(v) && k < nkeys &&
			       (item = fy_node_sequence_iterate(v, &it)) != NULL) {
				keys[k].layer = i;
				keys[k++].key = unique_key(c, key, pl_yaml_deref(item));
			}
		}
		nkeys = k;
	} else {
		nkeys = 0;
	}
	for (size_t i = from, k = 0; i < n; i++) {
		bool replace, reset;
		struct fy_node *v = layer_value(&l[i], NULL, key, &replace, &reset), *item;
		void *it = NULL;

		if (v == NULL) {
			continue;
		}
		if (!fy_node_is_sequence(v)) {
			const char *u = k < nkeys ? keys[k++].key : NULL;

			if ((u == NULL || !repeated_above(keys, nkeys, i, u)) && !fn(v, ctx)) {
				return;
			}
			continue;
		}
		while ((item = fy_node_sequence_iterate(v, &it)) != NULL) {
			const char *u = k < nkeys ? keys[k++].key : NULL;

			if (u != NULL && repeated_above(keys, nkeys, i, u)) {
				continue;
			}
			if (!fn(pl_yaml_deref(item), ctx)) {
				return;
			}
		}
	}
}

/* Names already visited by pl_compose_each_entry. */
struct seen {
	const char **names;
	size_t n, cap;
};

static bool
seen_add(struct pl_arena *a, struct seen *sn, const char *name)
{
	for (size_t i = 0; i < sn->n; i++) {
		if (strcmp(sn->names[i], name) == 0) {
			return false;
		}
	}
	if (sn->n == sn->cap) {
		size_t cap = sn->cap ? sn->cap * 2 : 16;

		sn->names = pl_arena_grow(a, sn->names, sn->n, cap, sizeof(*sn->names));
		sn->cap = cap;
	}
	sn->names[sn->n++] = name;
	return true;
}

void
pl_compose_each_entry(const struct pl_compose *c, const struct pl_compose_service *s,
		      const char *parent, const char *key,
		      void (*fn)(const char *name, struct fy_node *key, struct fy_node *value,
				 const char *text, void *ctx),
		      void *ctx)
{
	struct pl_compose_layer one;
	const struct pl_compose_layer *l;
	size_t n = layers(s, &one, &l), total = 0;
	struct seen sn = { 0 };
	bool dedupe;

	/* Names are compared only across files, and only when they are few enough. */
	for (size_t i = 0; i < n && n > 1; i++) {
		bool replace, reset;
		struct fy_node *v = layer_value(&l[i], parent, key, &replace, &reset);

		total += v != NULL && fy_node_is_mapping(v) ? (size_t)fy_node_mapping_item_count(v)
							    : count_items(v);
	}
	dedupe = n > 1 && total <= PL_MAX_COMPOSE_MERGE_ITEMS;
	while (n-- > 0) {
		bool replace, reset;
		struct fy_node *v = layer_value(&l[n], parent, key, &replace, &reset), *k, *e;

		if (reset) {
			return;
		}
		if (v != NULL && fy_node_is_mapping(v)) {
			struct pl_yaml_iter it;

			pl_yaml_iter_init(&it, v);
			while (pl_yaml_next(&it, &k, &e)) {
				const char *name = pl_compose_raw(c, k);

				if (name != NULL && (!dedupe || seen_add(c->arena, &sn, name))) {
					fn(name, k, e, pl_compose_raw(c, e), ctx);
				}
			}
		} else if (v != NULL && fy_node_is_sequence(v)) {
			void *it = NULL;

			while ((e = fy_node_sequence_iterate(v, &it)) != NULL) {
				const char *t = pl_compose_raw(c, pl_yaml_deref(e)), *eq;
				const char *name;

				if (t == NULL || t[0] == '\0') {
					continue;
				}
				eq = strchr(t, '=');
				name = eq ? pl_arena_strndup(c->arena, t, (size_t)(eq - t)) : t;
				if (!dedupe || seen_add(c->arena, &sn, name)) {
					fn(name, e, e, eq ? eq + 1 : NULL, ctx);
				}
			}
		}
		if (replace) {
			return;
		}
	}
}

struct ref_ctx {
	const struct pl_compose *c;
	const char *key;
	bool (*fn)(const struct pl_compose_ref *ref, void *ctx);
	void *ctx;
};

static bool
ref_item(struct fy_node *item, void *ctx)
{
	struct ref_ctx *x = ctx;
	struct pl_compose_ref r = { .node = item };

	r.target = ref_target(x->c, strcmp(x->key, "secrets") == 0, item, &r.source);
	if (r.target == NULL) {
		return true;
	}
	if (fy_node_is_mapping(item)) {
		r.mode = pl_yaml_get(item, "mode", NULL);
	}
	return x->fn(&r, x->ctx);
}

void
pl_compose_each_ref(const struct pl_compose *c, const struct pl_compose_service *s,
		    const char *key, bool (*fn)(const struct pl_compose_ref *ref, void *ctx),
		    void *ctx)
{
	struct ref_ctx x = { c, key, fn, ctx };

	pl_compose_each(c, s, key, ref_item, &x);
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
	struct pl_image_facts f;

	pl_image_facts_of(src, src->name, target, a, &f);
	out->known = f.known;
	out->user_known = f.user_known;
	out->root = f.root;
	out->healthcheck = f.healthcheck;
}

/* Whether the Dockerfile at PATH is one of the scan's inputs. */
static bool
in_index(const struct pl_image_index *ix, const char *path)
{
	for (size_t i = 0; ix != NULL && i < ix->n; i++) {
		const char *p = ix->entries[i].path, *q = path;

		while (p[0] == '.' && p[1] == '/') {
			p += 2;
		}
		while (q[0] == '.' && q[1] == '/') {
			q += 2;
		}
		if (strcmp(p, q) == 0) {
			return true;
		}
	}
	return false;
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

		/* Merged: each key from the highest file that sets it. */
		context = pl_compose_str(c, pl_compose_getp(s, NULL, "build", "context", NULL));
		if (context == NULL) {
			context = ".";
		}
		t = pl_compose_str(c, pl_compose_getp(s, NULL, "build", "dockerfile", NULL));
		if (t != NULL) {
			dockerfile = t;
		}
		inline_text = pl_compose_str(c, pl_compose_getp(s, NULL, "build",
								"dockerfile_inline", NULL));
		target = pl_compose_str(c, pl_compose_getp(s, NULL, "build", "target", NULL));
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
	img->in_scan = in_index(c->scanned, path);
	if (pl_source_read(&src, path, path, &why) == 0) {
		image_facts(&src, target, c->arena, img);
		pl_source_finish(&src);
	}
	return img;
}
