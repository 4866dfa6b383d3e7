/*
 * inspect.c -- building the `docker inspect` model (see inspect.h).
 *
 * Two passes over the text: the position index (parse/jsonpos.h) first, which also
 * enforces the depth and value-count limits before anything large is allocated, then
 * jansson, which judges validity and decodes values. The model is built by walking both
 * trees side by side: a cursor holds a jansson value and its index node. jansson keeps
 * object members in insertion order and duplicate keys are refused, so both trees list
 * members in text order and are walked in step.
 */
#include "model/inspect.h"
#include "core/limits.h"
#include "parse/jsonpos.h"

#include <jansson.h>
#include <string.h>

/* A jansson value and its node in the position index. */
struct cur {
	json_t *j;     /* NULL when absent */
	uint32_t node; /* meaningful only when J is set */
};

struct build {
	struct pl_arena *a;
	const struct pl_jpos *ix;
	json_t *root;
};

/* Whether C has a node in the index: only the root is node 0, so PL_JPOS_NONE anywhere
 * else means the index lost the value (it never does; this keeps such a value without a
 * position rather than misplaced). */
static bool
placed(const struct build *b, struct cur c)
{
	return c.node != PL_JPOS_NONE || c.j == b->root;
}

static struct cur
member(const struct build *b, struct cur c, const char *key)
{
	struct cur r = { NULL, PL_JPOS_NONE };

	if (c.j == NULL || !json_is_object(c.j)) {
		return r;
	}
	r.j = json_object_get(c.j, key);
	if (r.j != NULL && placed(b, c)) {
		r.node = pl_jpos_member(b->ix, c.node, key);
	}
	return r;
}

static struct pl_inspect_value
value(const struct build *b, struct cur c)
{
	struct pl_inspect_value v = { .s = "" };

	if (c.j == NULL) {
		return v;
	}
	if (c.node < b->ix->n && placed(b, c)) {
		v.off = b->ix->nodes[c.node].off;
		v.end = b->ix->nodes[c.node].end;
	}
	switch (json_typeof(c.j)) {
	case JSON_NULL:
		v.kind = PL_JV_NULL;
		break;
	case JSON_TRUE:
	case JSON_FALSE:
		v.kind = PL_JV_BOOL;
		v.b = json_is_true(c.j);
		break;
	case JSON_INTEGER:
		v.kind = PL_JV_INT;
		v.i = (int64_t)json_integer_value(c.j);
		break;
	case JSON_REAL:
		v.kind = PL_JV_REAL;
		break;
	case JSON_STRING:
		v.kind = PL_JV_STR;
		v.s = pl_arena_strndup(b->a, json_string_value(c.j), json_string_length(c.j));
		break;
	case JSON_ARRAY:
		v.kind = PL_JV_ARRAY;
		break;
	case JSON_OBJECT:
		v.kind = PL_JV_OBJECT;
		break;
	}
	return v;
}

static struct pl_inspect_value
get(const struct build *b, struct cur c, const char *key)
{
	return value(b, member(b, c, key));
}

/* Calls FN for each item of array C, with its cursor, in order. */
static void
each_item(const struct build *b, struct cur c, void (*fn)(const struct build *, struct cur,
							   void *), void *ctx)
{
	uint32_t node;
	size_t i;

	if (c.j == NULL || !json_is_array(c.j)) {
		return;
	}
	node = placed(b, c) ? b->ix->nodes[c.node].first : PL_JPOS_NONE;
	for (i = 0; i < json_array_size(c.j); i++) {
		struct cur item = { json_array_get(c.j, i), node };

		fn(b, item, ctx);
		if (node != PL_JPOS_NONE) {
			node = b->ix->nodes[node].next;
		}
	}
}

/* Calls FN for each member of object C, with its key and cursor, in text order. */
static void
each_member(const struct build *b, struct cur c,
	    void (*fn)(const struct build *, const char *, struct cur, void *), void *ctx)
{
	uint32_t node;
	void *it;

	if (c.j == NULL || !json_is_object(c.j)) {
		return;
	}
	node = placed(b, c) ? b->ix->nodes[c.node].first : PL_JPOS_NONE;
	for (it = json_object_iter(c.j); it != NULL; it = json_object_iter_next(c.j, it)) {
		const char *key = json_object_iter_key(it);
		struct cur m = { json_object_iter_value(it), node };
		const struct pl_jpos_node *n = node != PL_JPOS_NONE ? &b->ix->nodes[node] : NULL;

		/* In step by construction; a lookup keeps positions right if it ever is not. */
		if ((n == NULL || !pl_jpos_key_eq(b->ix->text + n->key_off, n->key_len, key)) &&
		    placed(b, c)) {
			m.node = pl_jpos_member(b->ix, c.node, key);
		}
		fn(b, key, m, ctx);
		if (node != PL_JPOS_NONE) {
			node = b->ix->nodes[node].next;
		}
	}
}

/* Growable arrays in the arena: *P holds *N items of SIZE, *CAP allocated. */
static void *
push(struct pl_arena *a, void *pp, size_t *n, size_t *cap, size_t size)
{
	void **p = pp;

	if (*n == *cap) {
		size_t c = *cap ? *cap * 2 : 8;

		*p = pl_arena_grow(a, *p, *cap, c, size);
		*cap = c;
	}
	return (char *)*p + (*n)++ * size;
}

struct list_ctx {
	struct pl_inspect_list *l;
	size_t cap;
};

static void
list_item(const struct build *b, struct cur c, void *ctx)
{
	struct list_ctx *x = ctx;

	*(struct pl_inspect_value *)push(b->a, &x->l->items, &x->l->n, &x->cap,
					 sizeof(*x->l->items)) = value(b, c);
}

static struct pl_inspect_list
list(const struct build *b, struct cur c)
{
	struct pl_inspect_list l = { .at = value(b, c) };
	struct list_ctx x = { &l, 0 };

	each_item(b, c, list_item, &x);
	return l;
}

struct ports_ctx {
	struct pl_inspect_port **p;
	size_t *n, cap;
	const char *key;
};

static void
port_item(const struct build *b, struct cur c, void *ctx)
{
	struct ports_ctx *x = ctx;
	struct pl_inspect_port *p;
	struct pl_inspect_value at = value(b, c);

	if (at.kind != PL_JV_OBJECT) {
		return;
	}
	p = push(b->a, x->p, x->n, &x->cap, sizeof(**x->p));
	p->port = x->key;
	p->host_ip = get(b, c, "HostIp");
	p->host_port = get(b, c, "HostPort");
	p->off = at.off;
	p->end = at.end;
}

static void
port_member(const struct build *b, const char *key, struct cur c, void *ctx)
{
	struct ports_ctx *x = ctx;

	x->key = pl_arena_strdup(b->a, key);
	each_item(b, c, port_item, x);
}

/* "80/tcp": [{HostIp, HostPort}, ...] maps (null entries have no bindings). */
static void
ports(const struct build *b, struct cur c, struct pl_inspect_port **p, size_t *n)
{
	struct ports_ctx x = { p, n, 0, NULL };

	each_member(b, c, port_member, &x);
}

struct pairs_ctx {
	struct pl_inspect_pair **p;
	size_t *n, cap;
};

static void
pair_member(const struct build *b, const char *key, struct cur c, void *ctx)
{
	struct pairs_ctx *x = ctx;
	struct pl_inspect_pair *p = push(b->a, x->p, x->n, &x->cap, sizeof(**x->p));

	p->key = pl_arena_strdup(b->a, key);
	p->value = value(b, c);
}

static void
pairs(const struct build *b, struct cur c, struct pl_inspect_pair **p, size_t *n)
{
	struct pairs_ctx x = { p, n, 0 };

	each_member(b, c, pair_member, &x);
}

/* The container whose list an item callback appends to, and that list's capacity. */
struct grow_ctx {
	struct pl_inspect_container *ct;
	size_t cap;
};

static void
env_item(const struct build *b, struct cur c, void *ctx)
{
	struct grow_ctx *x = ctx;
	struct pl_inspect_value v = value(b, c);
	struct pl_inspect_env *e;
	const char *eq;

	if (v.kind != PL_JV_STR) {
		return;
	}
	e = push(b->a, &x->ct->env, &x->ct->nenv, &x->cap, sizeof(*e));
	e->at = v;
	eq = strchr(v.s, '=');
	e->name = eq != NULL ? pl_arena_strndup(b->a, v.s, (size_t)(eq - v.s)) : v.s;
	e->value = eq != NULL ? eq + 1 : NULL;
}

static void
mount_item(const struct build *b, struct cur c, void *ctx)
{
	struct grow_ctx *x = ctx;
	struct pl_inspect_value at = value(b, c);
	struct pl_inspect_mount *m;

	if (at.kind != PL_JV_OBJECT) {
		return;
	}
	m = push(b->a, &x->ct->mounts, &x->ct->nmounts, &x->cap, sizeof(*m));
	m->type = get(b, c, "Type");
	m->source = get(b, c, "Source");
	m->destination = get(b, c, "Destination");
	m->mode = get(b, c, "Mode");
	m->rw = get(b, c, "RW");
	m->propagation = get(b, c, "Propagation");
	m->off = at.off;
	m->end = at.end;
}

/* A string value S taken from the text of V (same position). */
static struct pl_inspect_value
part(const struct pl_inspect_value *v, const char *s)
{
	struct pl_inspect_value p = *v;

	p.s = s;
	return p;
}

/* HostConfig.Binds item "SRC:DST[:OPTS]" as a mount, for output without Mounts. */
static void
bind_item(const struct build *b, struct cur c, void *ctx)
{
	struct grow_ctx *x = ctx;
	struct pl_inspect_value v = value(b, c);
	struct pl_inspect_mount *m;
	const char *c1, *c2;

	if (v.kind != PL_JV_STR || (c1 = strchr(v.s, ':')) == NULL) {
		return; /* an anonymous volume: nothing of the host */
	}
	c2 = strchr(c1 + 1, ':');
	m = push(b->a, &x->ct->mounts, &x->ct->nmounts, &x->cap, sizeof(*m));
	m->from_bind = true;
	m->source = part(&v, pl_arena_strndup(b->a, v.s, (size_t)(c1 - v.s)));
	m->type = part(&v, v.s[0] == '/' ? "bind" : "volume");
	m->destination = part(&v, c2 != NULL ? pl_arena_strndup(b->a, c1 + 1,
							       (size_t)(c2 - c1 - 1))
					     : c1 + 1);
	m->mode = part(&v, c2 != NULL ? c2 + 1 : "");
	m->rw = v;
	m->rw.kind = PL_JV_BOOL;
	m->rw.b = c2 == NULL || strstr(c2 + 1, "ro") == NULL;
	m->propagation = part(&v, c2 != NULL && strstr(c2 + 1, "shared") != NULL
					  ? (strstr(c2 + 1, "rshared") ? "rshared" : "shared")
					  : "");
	m->off = v.off;
	m->end = v.end;
}

static void
device_item(const struct build *b, struct cur c, void *ctx)
{
	struct grow_ctx *x = ctx;
	struct pl_inspect_value at = value(b, c);
	struct pl_inspect_device *d;

	if (at.kind != PL_JV_OBJECT) {
		return;
	}
	d = push(b->a, &x->ct->devices, &x->ct->ndevices, &x->cap, sizeof(*d));
	d->path_on_host = get(b, c, "PathOnHost");
	d->path_in_container = get(b, c, "PathInContainer");
	d->permissions = get(b, c, "CgroupPermissions");
	d->off = at.off;
	d->end = at.end;
}

static void
ulimit_item(const struct build *b, struct cur c, void *ctx)
{
	struct grow_ctx *x = ctx;
	struct pl_inspect_value at = value(b, c);
	struct pl_inspect_ulimit *u;

	if (at.kind != PL_JV_OBJECT) {
		return;
	}
	u = push(b->a, &x->ct->ulimits, &x->ct->nulimits, &x->cap, sizeof(*u));
	u->name = get(b, c, "Name");
	u->soft = get(b, c, "Soft");
	u->hard = get(b, c, "Hard");
	u->off = at.off;
	u->end = at.end;
}

/* What another kind of inspect output is, by the members only it has; NULL when it
 * looks like none. */
static const char *
other_kind(json_t *o)
{
	if (!json_is_object(o)) {
		return "a JSON value that is not an object";
	}
	if (json_object_get(o, "RepoTags") != NULL || json_object_get(o, "RootFS") != NULL) {
		return "an image (docker image inspect)";
	}
	if (json_object_get(o, "IPAM") != NULL) {
		return "a network (docker network inspect)";
	}
	if (json_object_get(o, "Mountpoint") != NULL) {
		return "a volume (docker volume inspect)";
	}
	if (json_object_get(o, "Spec") != NULL) {
		return "a swarm object (service, node, task, secret or config)";
	}
	return NULL;
}

static void
container(const struct build *b, struct cur c, size_t index, struct pl_inspect_container *ct)
{
	struct cur cfg = member(b, c, "Config"), hc = member(b, c, "HostConfig");
	struct cur hck = member(b, cfg, "Healthcheck"), rp = member(b, hc, "RestartPolicy");
	struct cur st = member(b, c, "State"), mounts = member(b, c, "Mounts");
	struct pl_inspect_value name = get(b, c, "Name"), id = get(b, c, "Id");
	struct pl_inspect_value at = value(b, c);
	struct grow_ctx ex = { ct, 0 };
	struct grow_ctx mx = { ct, 0 };
	struct grow_ctx dx = { ct, 0 }, ux = { ct, 0 };

	ct->id = id.s;
	ct->short_id = pl_arena_strndup(b->a, id.s, strnlen(id.s, 12));
	ct->name = name.s[0] == '/' ? name.s + 1 : name.s;
	if (ct->name[0] == '\0') {
		ct->name = ct->short_id[0] != '\0' ? ct->short_id
						    : pl_arena_printf(b->a, "#%zu", index + 1);
	}
	if (name.kind == PL_JV_STR) {
		ct->off = name.off;
		ct->end = name.end;
	} else if (id.kind == PL_JV_STR) {
		ct->off = id.off;
		ct->end = id.end;
	} else {
		ct->off = at.off;
		ct->end = at.off + 1;
	}

	ct->config = value(b, cfg);
	ct->user = get(b, cfg, "User");
	ct->image = get(b, cfg, "Image");
	ct->healthcheck = value(b, hck);
	ct->health_test = list(b, member(b, hck, "Test"));
	each_item(b, member(b, cfg, "Env"), env_item, &ex);
	pairs(b, member(b, cfg, "Labels"), &ct->labels, &ct->nlabels);
	pairs(b, member(b, cfg, "ExposedPorts"), &ct->exposed, &ct->nexposed);

	ct->host_config = value(b, hc);
	ct->privileged = get(b, hc, "Privileged");
	ct->readonly_rootfs = get(b, hc, "ReadonlyRootfs");
	ct->memory = get(b, hc, "Memory");
	ct->nano_cpus = get(b, hc, "NanoCpus");
	ct->cpu_shares = get(b, hc, "CpuShares");
	ct->cpu_quota = get(b, hc, "CpuQuota");
	ct->pids_limit = get(b, hc, "PidsLimit");
	ct->network_mode = get(b, hc, "NetworkMode");
	ct->pid_mode = get(b, hc, "PidMode");
	ct->ipc_mode = get(b, hc, "IpcMode");
	ct->uts_mode = get(b, hc, "UTSMode");
	ct->userns_mode = get(b, hc, "UsernsMode");
	ct->cgroupns_mode = get(b, hc, "CgroupnsMode");
	ct->publish_all = get(b, hc, "PublishAllPorts");
	ct->restart_name = get(b, rp, "Name");
	ct->restart_max = get(b, rp, "MaximumRetryCount");
	ct->cap_add = list(b, member(b, hc, "CapAdd"));
	ct->cap_drop = list(b, member(b, hc, "CapDrop"));
	ct->security_opt = list(b, member(b, hc, "SecurityOpt"));
	ct->binds = list(b, member(b, hc, "Binds"));
	ports(b, member(b, hc, "PortBindings"), &ct->bindings, &ct->nbindings);
	each_item(b, member(b, hc, "Devices"), device_item, &dx);
	each_item(b, member(b, hc, "Ulimits"), ulimit_item, &ux);

	ct->running = get(b, st, "Running");
	ct->health_status = get(b, member(b, st, "Health"), "Status");
	ct->apparmor = get(b, c, "AppArmorProfile");
	/* Mounts lists every mount in effect; without it, Binds has the -v ones. */
	if (mounts.j != NULL) {
		each_item(b, mounts, mount_item, &mx);
	} else {
		each_item(b, member(b, hc, "Binds"), bind_item, &mx);
	}
	ports(b, member(b, member(b, c, "NetworkSettings"), "Ports"), &ct->ports, &ct->nports);
}

static int
fail_at(const struct pl_source *src, struct pl_inspect_error *err, size_t off,
	const char *message)
{
	struct pl_pos p = pl_source_pos(src, off);

	err->line = p.line;
	err->col = p.col;
	err->message = message;
	return -1;
}

int
pl_inspect_build(const struct pl_source *src, struct pl_arena *a, struct pl_inspect *out,
		 struct pl_inspect_error *err)
{
	struct pl_jpos ix;
	struct build b = { a, &ix, NULL };
	json_error_t jerr;
	json_t *root;
	size_t off, i, n;
	struct cur rc;
	enum pl_jpos_status st;
	const char *nul;

	memset(out, 0, sizeof(*out));
	out->src = src;
	out->arena = a;
	for (off = 0; off < src->len && strchr(" \t\r\n", src->text[off]) != NULL; off++) {
	}
	if (off == src->len) {
		return fail_at(src, err, 0, "empty input: expected the JSON array that `docker "
				"inspect` prints (are any containers running?)");
	}
	/* JSON text has no NUL byte (RFC 8259 allows it only escaped), and jansson drops one
	 * after a number instead of refusing it: refused here, so that both passes agree. */
	nul = memchr(src->text, '\0', src->len);
	if (nul != NULL) {
		return fail_at(src, err, (size_t)(nul - src->text), "a NUL byte: not JSON text");
	}
	st = pl_jpos_build(&ix, src->text, src->len, PL_MAX_INSPECT_DEPTH, PL_MAX_INSPECT_VALUES,
			   a, &off);
	if (st == PL_JPOS_TOO_DEEP) {
		return fail_at(src, err, off, pl_arena_printf(a, "JSON nested deeper than %u "
							       "levels; docker inspect output "
							       "nests about eight",
							       PL_MAX_INSPECT_DEPTH));
	}
	if (st == PL_JPOS_TOO_MANY) {
		return fail_at(src, err, off, pl_arena_printf(a, "more than %u JSON values; "
							       "inspect fewer containers at once",
							       PL_MAX_INSPECT_VALUES));
	}
	/* jansson judges validity; JSON_DECODE_ANY is off, so the root is an array or an
	 * object. Duplicate keys are refused: which one Docker meant is unknowable. */
	root = json_loadb(src->text, src->len, JSON_REJECT_DUPLICATES, &jerr);
	if (root == NULL) {
		/* jansson's column is the last character it read: the end of the token that
		 * does not fit, counted in code points like ours. */
		err->line = jerr.line > 0 ? (uint32_t)jerr.line : 1;
		err->col = jerr.column > 0 ? (uint32_t)jerr.column : 1;
		err->message = pl_arena_printf(a, "invalid JSON: %s", jerr.text);
		return -1;
	}
	if (st != PL_JPOS_OK) {
		/* The index refused JSON that jansson accepts: a bug, reported, not hidden. */
		json_decref(root);
		return fail_at(src, err, off, "cannot index this JSON text");
	}
	rc.j = b.root = root;
	rc.node = 0;
	n = json_is_array(root) ? json_array_size(root) : 1;
	if (n > PL_MAX_INSPECT_CONTAINERS) {
		json_decref(root);
		return fail_at(src, err, 0, pl_arena_printf(a, "more than %u containers; inspect "
							     "them in batches",
							     PL_MAX_INSPECT_CONTAINERS));
	}
	/* Every element is checked before any model is built, so that mixed output
	 * (`docker inspect web nginx`) fails as a whole with the first stranger named. */
	for (i = 0; i < n; i++) {
		json_t *e = json_is_array(root) ? json_array_get(root, i) : root;

		if (!json_is_object(e) || !json_is_object(json_object_get(e, "HostConfig"))) {
			const char *what = other_kind(e);
			uint32_t node = json_is_array(root) ? pl_jpos_item(&ix, 0, i) : 0;

			off = node < ix.n ? ix.nodes[node].off : 0;
			json_decref(root);
			return fail_at(src, err, off, pl_arena_printf(
				a, "not `docker inspect` output for a container: %s%s; plimsoll "
				"reads `docker inspect $(docker ps -q)`",
				what != NULL ? "this is " : "no HostConfig",
				what != NULL ? what : ""));
		}
	}
	out->containers = pl_arena_alloc(a, (n + 1) * sizeof(*out->containers));
	if (json_is_array(root)) {
		uint32_t node = ix.nodes[0].first;

		for (i = 0; i < n; i++) {
			struct cur e = { json_array_get(root, i), node };

			container(&b, e, i, &out->containers[out->ncontainers++]);
			node = node != PL_JPOS_NONE ? ix.nodes[node].next : PL_JPOS_NONE;
		}
	} else {
		container(&b, rc, 0, &out->containers[out->ncontainers++]);
	}
	json_decref(root);
	return 0;
}

bool
pl_inspect_is(const struct pl_inspect_value *v, const char *s)
{
	size_t i;

	if (v->kind != PL_JV_STR) {
		return false;
	}
	for (i = 0; v->s[i] != '\0' && s[i] != '\0'; i++) {
		char x = v->s[i], y = s[i];

		if (x >= 'A' && x <= 'Z') {
			x = (char)(x - 'A' + 'a');
		}
		if (y >= 'A' && y <= 'Z') {
			y = (char)(y - 'A' + 'a');
		}
		if (x != y) {
			return false;
		}
	}
	return v->s[i] == s[i];
}
