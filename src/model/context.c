/*
 * context.c -- listing a build context, resolving COPY sources in it, naming secrets.
 *
 * The walk mirrors BuildKit's sender (tonistiigi/fsutil): lstat only, entries of a
 * directory in name order, each path decided by pl_dockerignore_step from its parent's
 * per-pattern state, excluded directories skipped whole when BuildKit skips them. Paths
 * are built in one buffer and opened relative to their directory's descriptor with
 * O_NOFOLLOW, so a symbolic link never leads the walk out of the root.
 *
 * Resolution mirrors BuildKit's copy: the source is cleaned under "/" (so "../x" is "x"),
 * symbolic links are followed inside the context and ".." stops at its root (as
 * containerd's RootPath), wildcards are Go's filepath.Match applied below the last
 * directory without wildcards, and a matched directory is not searched further.
 */
#include "model/context.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/limits.h"
#include "core/xalloc.h"

/* ------------------------------------------------------------------------------------ */
/* Sensitive and heavy names                                                              */

enum {
	C_DOTENV, C_PEM, C_KEY, C_SSH_KEY, C_NPMRC, C_PYPIRC, C_NETRC, C_GIT_CREDENTIALS,
	C_AWS, C_DOCKER_CONFIG, C_KUBECONFIG, C_TFSTATE, C_TFVARS, C_GCP, C_PKCS12,
	C_KEYSTORE, C_HTPASSWD, C_SECRETS_FILE, C_PGPASS, C_VAULT_TOKEN, C_GIT_DIR,
	C_TERRAFORM_DIR, C_SSH_DIR, C_NODE_MODULES, C_BOWER, C_VENV, C_PYCACHE, C_COUNT
};

const struct pl_ctx_class pl_ctx_classes[] = {
	[C_DOTENV] = { "dotenv", "An environment file usually holds passwords, tokens and "
		       "API keys.", PL_CTX_SECRET },
	[C_PEM] = { "pem", "A PEM file holds a private key or a certificate chain.",
		    PL_CTX_SECRET },
	[C_KEY] = { "private-key", "A .key file is usually a TLS or signing private key.",
		    PL_CTX_SECRET },
	[C_SSH_KEY] = { "ssh-private-key", "An SSH private key gives access to every host "
			"that trusts it.", PL_CTX_SECRET },
	[C_NPMRC] = { "npmrc", ".npmrc may hold npm registry auth tokens.", PL_CTX_SECRET },
	[C_PYPIRC] = { "pypirc", ".pypirc may hold PyPI upload credentials.", PL_CTX_SECRET },
	[C_NETRC] = { "netrc", ".netrc holds login names and passwords for remote hosts.",
		      PL_CTX_SECRET },
	[C_GIT_CREDENTIALS] = { "git-credentials", ".git-credentials stores Git passwords "
				"and tokens in clear text.", PL_CTX_SECRET },
	[C_AWS] = { "aws-credentials", ".aws/credentials holds AWS access keys.",
		    PL_CTX_SECRET },
	[C_DOCKER_CONFIG] = { "docker-config", ".docker/config.json holds registry "
			      "credentials.", PL_CTX_SECRET },
	[C_KUBECONFIG] = { "kubeconfig", "A kubeconfig holds cluster credentials.",
			   PL_CTX_SECRET },
	[C_TFSTATE] = { "terraform-state", "Terraform state records every managed "
			"resource's attributes, secrets included, in clear text.", PL_CTX_SECRET },
	[C_TFVARS] = { "terraform-vars", "Terraform variable files often carry secrets.",
		       PL_CTX_SECRET },
	[C_GCP] = { "cloud-credentials", "A credentials or service-account JSON file holds "
		    "a cloud service account's private key.", PL_CTX_SECRET },
	[C_PKCS12] = { "pkcs12", "A PKCS#12 bundle holds a private key with its "
		       "certificate.", PL_CTX_SECRET },
	[C_KEYSTORE] = { "java-keystore", "A Java keystore holds private keys.",
			 PL_CTX_SECRET },
	[C_HTPASSWD] = { "htpasswd", ".htpasswd holds password hashes.", PL_CTX_SECRET },
	[C_SECRETS_FILE] = { "secrets-file", "A file named secrets.* is meant to hold "
			     "secrets.", PL_CTX_SECRET },
	[C_PGPASS] = { "pgpass", ".pgpass holds PostgreSQL passwords.", PL_CTX_SECRET },
	[C_VAULT_TOKEN] = { "vault-token", ".vault-token is a HashiCorp Vault token.",
			    PL_CTX_SECRET },
	[C_GIT_DIR] = { "git-dir", "The .git directory carries the whole history (with any "
			"secret ever committed) and remote credentials, and changes on every "
			"commit, which defeats the build cache.", PL_CTX_SECRET },
	[C_TERRAFORM_DIR] = { "terraform-dir", "The .terraform directory holds provider "
			      "binaries and may hold state and credentials.", PL_CTX_SECRET },
	[C_SSH_DIR] = { "ssh-dir", "A .ssh directory holds keys and known hosts.",
			PL_CTX_SECRET },
	[C_NODE_MODULES] = { "node-modules", "node_modules is large, platform-specific and "
			     "reinstalled in the image anyway.", PL_CTX_HEAVY },
	[C_BOWER] = { "bower-components", "bower_components is reinstalled in the image "
		      "anyway.", PL_CTX_HEAVY },
	[C_VENV] = { "python-venv", "A virtual environment is tied to the host's Python and "
		     "rebuilt in the image anyway.", PL_CTX_HEAVY },
	[C_PYCACHE] = { "python-cache", "__pycache__ holds compiled files of the host's "
			"Python.", PL_CTX_HEAVY },
	[C_COUNT] = { NULL, NULL, PL_CTX_SECRET },
};

enum { FILES = 1, DIRS = 2 };

/* One naming rule: a filepath.Match glob on the lowercased name, optionally the name of
 * the parent directory, and globs that make an exception. */
static const struct {
	unsigned cls, what;
	const char *glob, *parent;
	const char *const *unless;
} rules[] = {
	{ C_DOTENV, FILES, ".env", NULL, NULL },
	{ C_DOTENV, FILES, ".env.*", NULL,
	  (const char *const[]){ ".env.example", ".env.sample", ".env.template", ".env.dist",
				 ".env.*.example", ".env.*.sample", ".env.*.template", NULL } },
	{ C_PEM, FILES, "*.pem", NULL, NULL },
	{ C_KEY, FILES, "*.key", NULL, NULL },
	{ C_SSH_KEY, FILES, "id_rsa*", NULL, (const char *const[]){ "*.pub", NULL } },
	{ C_SSH_KEY, FILES, "id_dsa*", NULL, (const char *const[]){ "*.pub", NULL } },
	{ C_SSH_KEY, FILES, "id_ecdsa*", NULL, (const char *const[]){ "*.pub", NULL } },
	{ C_SSH_KEY, FILES, "id_ed25519*", NULL, (const char *const[]){ "*.pub", NULL } },
	{ C_NPMRC, FILES, ".npmrc", NULL, NULL },
	{ C_PYPIRC, FILES, ".pypirc", NULL, NULL },
	{ C_NETRC, FILES, ".netrc", NULL, NULL },
	{ C_NETRC, FILES, "_netrc", NULL, NULL },
	{ C_GIT_CREDENTIALS, FILES, ".git-credentials", NULL, NULL },
	{ C_AWS, FILES, "credentials", ".aws", NULL },
	{ C_DOCKER_CONFIG, FILES, "config.json", ".docker", NULL },
	{ C_KUBECONFIG, FILES, "kubeconfig", NULL, NULL },
	{ C_KUBECONFIG, FILES, "*.kubeconfig", NULL, NULL },
	{ C_KUBECONFIG, FILES, "config", ".kube", NULL },
	{ C_TFSTATE, FILES, "*.tfstate", NULL, NULL },
	{ C_TFSTATE, FILES, "*.tfstate.backup", NULL, NULL },
	{ C_TFVARS, FILES, "*.tfvars", NULL, NULL },
	{ C_GCP, FILES, "credentials.json", NULL, NULL },
	{ C_GCP, FILES, "service-account*.json", NULL, NULL },
	{ C_PKCS12, FILES, "*.p12", NULL, NULL },
	{ C_PKCS12, FILES, "*.pfx", NULL, NULL },
	{ C_KEYSTORE, FILES, "*.keystore", NULL, NULL },
	{ C_KEYSTORE, FILES, "*.jks", NULL, NULL },
	{ C_HTPASSWD, FILES, ".htpasswd", NULL, NULL },
	{ C_SECRETS_FILE, FILES, "secrets.*", NULL,
	  (const char *const[]){ "secrets.example*", "secrets.sample*", "secrets.template*",
				 NULL } },
	{ C_PGPASS, FILES, ".pgpass", NULL, NULL },
	{ C_VAULT_TOKEN, FILES, ".vault-token", NULL, NULL },
	{ C_GIT_DIR, DIRS, ".git", NULL, NULL },
	{ C_TERRAFORM_DIR, DIRS, ".terraform", NULL, NULL },
	{ C_SSH_DIR, DIRS, ".ssh", NULL, NULL },
	{ C_NODE_MODULES, DIRS, "node_modules", NULL, NULL },
	{ C_BOWER, DIRS, "bower_components", NULL, NULL },
	{ C_VENV, DIRS, ".venv", NULL, NULL },
	{ C_PYCACHE, DIRS, "__pycache__", NULL, NULL },
};

static bool
glob(const char *pattern, const char *name, size_t n)
{
	return pl_di_filepath_match(pattern, strlen(pattern), name, n) == 1;
}

const struct pl_ctx_class *
pl_ctx_classify(const char *relpath, bool is_dir)
{
	const char *base = strrchr(relpath, '/'), *parent = NULL;
	char lower[256], plower[256];
	size_t n, pn = 0, i, k;

	if (base != NULL) {
		const char *ps = base;

		while (ps > relpath && ps[-1] != '/') {
			ps--;
		}
		parent = ps;
		pn = (size_t)(base - ps);
		base++;
	} else {
		base = relpath;
	}
	n = strlen(base);
	if (n == 0 || n >= sizeof(lower) || pn >= sizeof(plower)) {
		return NULL;
	}
	/* Names are compared without case: "ID_RSA" and "Secrets.yml" are still what they
	 * say, and case-insensitive file systems make no difference between them. */
	for (i = 0; i < n; i++) {
		lower[i] = (char)((base[i] >= 'A' && base[i] <= 'Z') ? base[i] + 32 : base[i]);
	}
	lower[n] = '\0';
	for (i = 0; i < pn; i++) {
		plower[i] = (char)((parent[i] >= 'A' && parent[i] <= 'Z') ? parent[i] + 32
									    : parent[i]);
	}
	plower[pn] = '\0';
	for (i = 0; i < sizeof(rules) / sizeof(rules[0]); i++) {
		bool skip = false;

		if (!(rules[i].what & (is_dir ? DIRS : FILES)) || !glob(rules[i].glob, lower, n)) {
			continue;
		}
		if (rules[i].parent != NULL && (parent == NULL || strcmp(rules[i].parent, plower))) {
			continue;
		}
		for (k = 0; rules[i].unless != NULL && rules[i].unless[k] != NULL; k++) {
			if (glob(rules[i].unless[k], lower, n)) {
				skip = true;
			}
		}
		if (!skip) {
			return &pl_ctx_classes[rules[i].cls];
		}
	}
	return NULL;
}

/* ------------------------------------------------------------------------------------ */
/* The walk                                                                               */

struct walker {
	struct pl_arena *a;
	const struct pl_dockerignore *di;
	struct pl_ctx *ctx;
	size_t cap;
	uint64_t path_bytes, work;
	unsigned char *states; /* one row of npatterns bytes per depth */
	bool stop;
	char path[PL_MAX_CTX_PATH + 512];
};

static void
cut(struct walker *w, const char *limit, bool stop)
{
	if (!w->ctx->truncated) {
		w->ctx->truncated = true;
		w->ctx->limit = limit;
	}
	if (stop) {
		w->stop = true;
	}
}

static int
cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Where a link's TARGET leads from a link at DEPTH (1: an entry of the root). */
static enum pl_ctx_link
link_kind(const char *target, uint32_t depth)
{
	long level = (long)depth - 1;
	const char *p = target, *e;

	if (target[0] == '/') {
		return PL_CTX_LINK_ABSOLUTE;
	}
	while (*p != '\0') {
		e = strchr(p, '/');
		if (e == NULL) {
			e = p + strlen(p);
		}
		if (e - p == 2 && p[0] == '.' && p[1] == '.') {
			if (--level < 0) {
				return PL_CTX_LINK_OUTSIDE;
			}
		} else if (e - p > 0 && !(e - p == 1 && p[0] == '.')) {
			level++;
		}
		p = *e == '/' ? e + 1 : e;
	}
	return PL_CTX_LINK_INSIDE;
}

static size_t
add_entry(struct walker *w)
{
	struct pl_ctx *c = w->ctx;

	if (c->n == w->cap) {
		size_t ncap = w->cap ? w->cap * 2 : 256;

		c->entries = pl_arena_grow(w->a, c->entries, c->n, ncap, sizeof(*c->entries));
		w->cap = ncap;
	}
	memset(&c->entries[c->n], 0, sizeof(c->entries[0]));
	return c->n++;
}

/* Decides the entry IDX (its path in w->path) with the ignore file. */
static void
decide(struct walker *w, size_t idx, const unsigned char *parent, unsigned char *self)
{
	struct pl_ctx_entry *e = &w->ctx->entries[idx];
	struct pl_di_result res;

	if (w->di == NULL) {
		return;
	}
	if (pl_dockerignore_step(w->di, e->path, e->len, parent, self, &res) < 0) {
		if (w->ctx->ignore_error == NULL) {
			w->ctx->ignore_error = res.error;
		}
		memset(self, 0, w->di->npatterns);
	} else {
		e->excluded = res.excluded;
		e->rule = res.by;
	}
	if (res.uncertain != NULL && w->ctx->uncertain == NULL) {
		w->ctx->uncertain = res.uncertain;
	}
	w->work += res.work;
	if (w->work > PL_MAX_CTX_MATCH_WORK) {
		cut(w, "PL_MAX_CTX_MATCH_WORK", true);
	}
}

/*
 * Lists the directory open as FD (consumed), whose path is w->path[0..plen) ("" for the
 * root) and whose entries are at DEPTH. PARENT is the directory's per-pattern state (NULL
 * for the root). Returns true when something below it is sent.
 */
static bool
walk_dir(struct walker *w, int fd, size_t plen, uint32_t depth, const unsigned char *parent)
{
	DIR *d = fdopendir(fd);
	char **names = NULL;
	size_t nn = 0, cap = 0, i, np = w->di != NULL ? w->di->npatterns : 0;
	unsigned char *self = w->states != NULL ? w->states + (size_t)depth * np : NULL;
	struct dirent *de;
	bool any = false;
	int dfd;

	if (d == NULL) {
		close(fd);
		return false;
	}
	while ((de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0) {
			continue;
		}
		if (nn == cap) {
			cap = cap ? cap * 2 : 32;
			names = pl_xrealloc(names, cap * sizeof(*names));
		}
		names[nn++] = pl_xstrdup(de->d_name);
	}
	qsort(names, nn, sizeof(*names), cmp_name);
	dfd = dirfd(d);
	for (i = 0; i < nn && !w->stop; i++) {
		size_t nlen = strlen(names[i]), len = plen + (plen > 0) + nlen, idx;
		struct pl_ctx_entry *e;
		struct stat st;
		bool below = false;

		if (len > PL_MAX_CTX_PATH) {
			cut(w, "PL_MAX_CTX_PATH", false);
			continue;
		}
		if (w->ctx->n >= PL_MAX_CTX_ENTRIES) {
			cut(w, "PL_MAX_CTX_ENTRIES", true);
			break;
		}
		if (w->path_bytes + len + 1 > PL_MAX_CTX_PATH_BYTES) {
			cut(w, "PL_MAX_CTX_PATH_BYTES", true);
			break;
		}
		if (fstatat(dfd, names[i], &st, AT_SYMLINK_NOFOLLOW) != 0) {
			continue; /* gone since readdir */
		}
		if (plen > 0) {
			w->path[plen] = '/';
		}
		memcpy(w->path + plen + (plen > 0), names[i], nlen + 1);
		w->path_bytes += len + 1;
		idx = add_entry(w);
		e = &w->ctx->entries[idx];
		e->path = pl_arena_strndup(w->a, w->path, len);
		e->len = (uint32_t)len;
		e->depth = depth;
		e->mode = (uint32_t)st.st_mode;
		e->size = (uint64_t)st.st_size;
		if (S_ISREG(st.st_mode)) {
			e->type = PL_CTX_FILE;
		} else if (S_ISDIR(st.st_mode)) {
			e->type = PL_CTX_DIR;
		} else if (S_ISLNK(st.st_mode)) {
			char target[PL_MAX_CTX_PATH + 1];
			ssize_t k = readlinkat(dfd, names[i], target, sizeof(target) - 1);

			e->type = PL_CTX_SYMLINK;
			target[k < 0 ? 0 : k] = '\0';
			e->link = pl_arena_strdup(w->a, target);
			e->link_kind = link_kind(target, depth);
		} else {
			e->type = PL_CTX_OTHER;
		}
		decide(w, idx, parent, self);
		e = &w->ctx->entries[idx];
		e->sensitive = pl_ctx_classify(e->path, e->type == PL_CTX_DIR);
		if (e->type == PL_CTX_DIR) {
			if (e->excluded && pl_dockerignore_skip_dir(w->di, e->path)) {
				e->pruned = true;
			} else if (depth >= PL_MAX_CTX_DEPTH) {
				cut(w, "PL_MAX_CTX_DEPTH", false);
			} else {
				int cfd = openat(dfd, names[i],
						 O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);

				if (cfd < 0) {
					e->unreadable = true;
				} else {
					below = walk_dir(w, cfd, len, depth + 1, self);
				}
			}
		}
		e = &w->ctx->entries[idx];
		/* BuildKit creates an excluded directory when it sends something below. */
		e->sent = !e->excluded || below;
		if (e->sent) {
			any = true;
			w->ctx->nsent++;
			if (e->type == PL_CTX_FILE) {
				w->ctx->sent_bytes += e->size;
			}
		}
	}
	for (i = 0; i < nn; i++) {
		free(names[i]);
	}
	free(names);
	closedir(d);
	return any;
}

static int
cmp_entry(const void *a, const void *b)
{
	const struct pl_ctx_entry *x = a, *y = b;

	return strcmp(x->path, y->path);
}

int
pl_ctx_walk(const char *root, const struct pl_dockerignore *di, struct pl_arena *a,
	    struct pl_ctx *out, const char **err)
{
	struct walker *w;
	int fd;

	memset(out, 0, sizeof(*out));
	out->root = pl_arena_strdup(a, root);
	out->ignore = di;
	fd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0) {
		*err = pl_arena_printf(a, "%s: %s", root, strerror(errno));
		return -1;
	}
	w = pl_xcalloc(1, sizeof(*w));
	w->a = a;
	w->di = di;
	w->ctx = out;
	if (di != NULL && di->npatterns > 0) {
		w->states = pl_xcalloc((size_t)PL_MAX_CTX_DEPTH + 2, di->npatterns);
	}
	walk_dir(w, fd, 0, 1, NULL);
	qsort(out->entries, out->n, sizeof(*out->entries), cmp_entry);
	free(w->states);
	free(w);
	return 0;
}

/* ------------------------------------------------------------------------------------ */
/* Lookups                                                                                */

static int
cmp_path(const struct pl_ctx_entry *e, const char *p, size_t n)
{
	size_t m = e->len < n ? e->len : n;
	int c = memcmp(e->path, p, m);

	if (c != 0) {
		return c;
	}
	return e->len < n ? -1 : e->len > n;
}

/* Index of the first entry not before P[0..n). */
static size_t
lower_bound(const struct pl_ctx *ctx, const char *p, size_t n)
{
	size_t lo = 0, hi = ctx->n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (cmp_path(&ctx->entries[mid], p, n) < 0) {
			lo = mid + 1;
		} else {
			hi = mid;
		}
	}
	return lo;
}

static const struct pl_ctx_entry *
lookup(const struct pl_ctx *ctx, const char *p, size_t n)
{
	size_t i = lower_bound(ctx, p, n);

	if (i < ctx->n && cmp_path(&ctx->entries[i], p, n) == 0) {
		return &ctx->entries[i];
	}
	return NULL;
}

const struct pl_ctx_entry *
pl_ctx_find(const struct pl_ctx *ctx, const char *path)
{
	return lookup(ctx, path, strlen(path));
}

/* The range of entries strictly below DIR (all entries for the root, DIR ""). */
static void
subtree(const struct pl_ctx *ctx, const char *dir, size_t n, size_t *from, size_t *to)
{
	char *key;
	size_t i;

	if (n == 0) {
		*from = 0;
		*to = ctx->n;
		return;
	}
	key = pl_xmalloc(n + 2);
	memcpy(key, dir, n);
	key[n] = '/';
	i = *from = lower_bound(ctx, key, n + 1);
	while (i < ctx->n && ctx->entries[i].len > n &&
	       memcmp(ctx->entries[i].path, key, n + 1) == 0) {
		i++;
	}
	*to = i;
	free(key);
}

enum { RP_FOUND, RP_ROOT, RP_NOTFOUND, RP_PRUNED, RP_LOOP };

/*
 * Resolves REL inside the context as the builder's scoped resolution does: ".." stops at
 * the root, symbolic links are followed (the last one only when FOLLOW_FINAL), an
 * absolute target starts again at the root. SENT_ONLY: only entries that are sent exist.
 * *OUT is the entry found, or for RP_PRUNED the skipped directory in the way, or for
 * RP_NOTFOUND the last entry that existed (NULL at the root).
 */
static int
resolve_path(const struct pl_ctx *ctx, const char *rel, bool sent_only, bool follow_final,
	     const struct pl_ctx_entry **out)
{
	char *rest = pl_xstrdup(rel), *cur = pl_xmalloc(PL_MAX_CTX_PATH + 2);
	const struct pl_ctx_entry *e = NULL, *last = NULL;
	size_t pos = 0, curn = 0, clen, k;
	unsigned hops = 0;
	int rc;

	for (;;) {
		const char *comp;
		bool more;

		while (rest[pos] == '/') {
			pos++;
		}
		if (rest[pos] == '\0') {
			rc = curn == 0 ? RP_ROOT : RP_FOUND;
			*out = last;
			break;
		}
		comp = rest + pos;
		for (clen = 0; comp[clen] != '\0' && comp[clen] != '/'; clen++) {
		}
		pos += clen;
		if (clen == 1 && comp[0] == '.') {
			continue;
		}
		if (clen == 2 && comp[0] == '.' && comp[1] == '.') {
			while (curn > 0 && cur[curn - 1] != '/') {
				curn--;
			}
			if (curn > 0) {
				curn--;
			}
			last = curn > 0 ? lookup(ctx, cur, curn) : NULL;
			continue;
		}
		if (curn + 1 + clen > PL_MAX_CTX_PATH) {
			rc = RP_NOTFOUND;
			*out = last;
			break;
		}
		if (curn > 0) {
			cur[curn++] = '/';
		}
		memcpy(cur + curn, comp, clen);
		curn += clen;
		e = lookup(ctx, cur, curn);
		if (e != NULL && sent_only && !e->sent) {
			e = NULL;
		}
		if (e == NULL) {
			rc = last != NULL && last->pruned ? RP_PRUNED : RP_NOTFOUND;
			*out = last;
			break;
		}
		for (k = pos; rest[k] == '/' || (rest[k] == '.' && (rest[k + 1] == '/' ||
								   rest[k + 1] == '\0'));
		     k++) {
		}
		more = rest[k] != '\0';
		if (e->type == PL_CTX_SYMLINK && (more || follow_final)) {
			char *next;
			size_t tl = strlen(e->link), base = curn - clen;

			if (++hops > PL_MAX_SYMLINK_HOPS) {
				rc = RP_LOOP;
				*out = e;
				break;
			}
			/* A relative target is read from the link's directory. */
			next = pl_xmalloc(base + tl + strlen(rest + pos) + 3);
			if (e->link[0] == '/') {
				memcpy(next, e->link, tl + 1);
			} else {
				memcpy(next, cur, base);
				memcpy(next + base, e->link, tl + 1);
			}
			strcat(next, "/");
			strcat(next, rest + pos);
			free(rest);
			rest = next;
			pos = 0;
			curn = 0;
			last = NULL;
			continue;
		}
		if (more && e->pruned) {
			rc = RP_PRUNED;
			*out = e;
			break;
		}
		if (more && e->type != PL_CTX_DIR) {
			rc = RP_NOTFOUND;
			*out = e;
			break;
		}
		last = e;
	}
	free(rest);
	free(cur);
	return rc;
}

/* ------------------------------------------------------------------------------------ */
/* Resolving sources                                                                      */

struct list {
	const struct pl_ctx_entry **v;
	size_t n, cap;
};

static void
list_add(struct list *l, const struct pl_ctx_entry *e)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->v = pl_xrealloc(l->v, l->cap * sizeof(*l->v));
	}
	l->v[l->n++] = e;
}

static int
cmp_ptr(const void *a, const void *b)
{
	const struct pl_ctx_entry *x = *(const struct pl_ctx_entry *const *)a;
	const struct pl_ctx_entry *y = *(const struct pl_ctx_entry *const *)b;

	return x < y ? -1 : x > y;
}

/* Copies L into the arena, sorted by path (entries are in path order in memory) and
 * without duplicates; frees L. */
static const struct pl_ctx_entry **
list_take(struct list *l, struct pl_arena *a, size_t *n)
{
	const struct pl_ctx_entry **v;
	size_t i, k = 0;

	qsort(l->v, l->n, sizeof(*l->v), cmp_ptr);
	for (i = 0; i < l->n; i++) {
		if (k == 0 || l->v[k - 1] != l->v[i]) {
			l->v[k++] = l->v[i];
		}
	}
	v = pl_arena_alloc(a, (k + 1) * sizeof(*v));
	if (k > 0) {
		memcpy(v, l->v, k * sizeof(*v));
	}
	*n = k;
	free(l->v);
	memset(l, 0, sizeof(*l));
	return v;
}

static void
note_excluded(struct pl_ctx_source *out, const struct pl_ctx_entry *e)
{
	if (out->nexcluded++ == 0) {
		out->excluded = e;
		out->excluded_by = e->rule;
	}
}

/* Adds E and, for a directory, every sent entry below it to ENTRIES; counts the excluded
 * entries below it. */
static void
bring(const struct pl_ctx *ctx, const struct pl_ctx_entry *e, struct list *entries,
      struct pl_ctx_source *out)
{
	size_t from, to, i;

	list_add(entries, e);
	if (e->type != PL_CTX_DIR) {
		return;
	}
	subtree(ctx, e->path, e->len, &from, &to);
	for (i = from; i < to; i++) {
		if (ctx->entries[i].sent) {
			list_add(entries, &ctx->entries[i]);
		} else if (ctx->entries[i].excluded) {
			note_excluded(out, &ctx->entries[i]);
		}
	}
}

/* fsutil's containsWildcards: '*', '?' or '[' not escaped by '\'. */
static bool
has_wildcards(const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == '\\' && s[1] != '\0') {
			s++;
		} else if (*s == '*' || *s == '?' || *s == '[') {
			return true;
		}
	}
	return false;
}

/* filepath.Join("/", src) without the leading '/': "" for the root. Allocated from A. */
static char *
under_root(const char *src, struct pl_arena *a)
{
	size_t n = strlen(src);
	char *in = pl_xmalloc(n + 2), *out = pl_arena_alloc_raw(a, n + 4);
	size_t k;

	in[0] = '/';
	memcpy(in + 1, src, n + 1);
	k = pl_di_clean(in, n + 1, out);
	free(in);
	if (k == 1) {
		out[0] = '\0';
		return out;
	}
	return out + 1;
}

/* The status of a named path that is not sent: excluded, missing or unknown. */
static void
absent(const struct pl_ctx *ctx, const char *rel, struct pl_ctx_source *out)
{
	const struct pl_ctx_entry *e;
	int rc = resolve_path(ctx, rel, false, true, &e);

	if ((rc == RP_FOUND && !e->sent) || rc == RP_PRUNED) {
		out->status = PL_CTX_SRC_EXCLUDED;
		note_excluded(out, e);
	} else if (ctx->truncated) {
		out->status = PL_CTX_SRC_UNKNOWN;
	} else {
		out->status = PL_CTX_SRC_MISSING;
	}
}

static void
resolve_plain(const struct pl_ctx *ctx, const char *rel, struct pl_arena *a,
	      struct pl_ctx_source *out)
{
	struct list matched = { 0 }, entries = { 0 };
	const struct pl_ctx_entry *e;
	size_t i;
	int rc = resolve_path(ctx, rel, true, true, &e);

	if (rc == RP_ROOT) {
		for (i = 0; i < ctx->n; i++) {
			if (ctx->entries[i].sent) {
				list_add(&entries, &ctx->entries[i]);
			} else if (ctx->entries[i].excluded) {
				note_excluded(out, &ctx->entries[i]);
			}
		}
		out->status = PL_CTX_SRC_FOUND;
	} else if (rc == RP_FOUND) {
		list_add(&matched, e);
		bring(ctx, e, &entries, out);
		out->status = PL_CTX_SRC_FOUND;
	} else {
		absent(ctx, rel, out);
	}
	out->matched = list_take(&matched, a, &out->nmatched);
	out->entries = list_take(&entries, a, &out->nentries);
}

/* Is an ancestor of E, below BASE (length BN), in the sorted list DIRS? */
static bool
below_any(const struct list *dirs, const struct pl_ctx_entry *e, size_t bn)
{
	size_t k, i;

	for (k = bn + 1; k < e->len; k++) {
		if (e->path[k] != '/') {
			continue;
		}
		for (i = dirs->n; i-- > 0;) {
			if (dirs->v[i]->len == k && memcmp(dirs->v[i]->path, e->path, k) == 0) {
				return true;
			}
		}
	}
	return false;
}

/* fsutil's ResolveWildcards: D1 is the part without wildcards, D2 the rest matched with
 * filepath.Match against paths below D1; a matched directory is not searched further. */
static void
resolve_wildcard(const struct pl_ctx *ctx, const char *rel, struct pl_arena *a,
		 struct pl_ctx_source *out)
{
	struct list matched = { 0 }, entries = { 0 }, dirs = { 0 }, xdirs = { 0 };
	const struct pl_ctx_entry *base = NULL;
	const char *p = rel, *d2 = rel;
	char *d1;
	size_t from, to, i, bn;
	int rc;

	/* splitWildcards: whole components before the first one with a wildcard. */
	while (*p != '\0') {
		const char *e = strchr(p, '/');
		char comp[PL_MAX_CTX_PATH + 1];
		size_t cn = e != NULL ? (size_t)(e - p) : strlen(p);

		if (cn > PL_MAX_CTX_PATH) {
			break;
		}
		memcpy(comp, p, cn);
		comp[cn] = '\0';
		if (has_wildcards(comp)) {
			break;
		}
		p += cn;
		if (*p == '/') {
			p++;
		}
		d2 = p;
	}
	d1 = pl_arena_strndup(a, rel, d2 > rel ? (size_t)(d2 - rel) - (d2[-1] == '/') : 0);
	rc = resolve_path(ctx, d1, true, true, &base);
	out->status = PL_CTX_SRC_EMPTY;
	if (rc == RP_FOUND && base->type != PL_CTX_DIR) {
		rc = RP_NOTFOUND;
	}
	if (rc != RP_FOUND && rc != RP_ROOT) {
		const struct pl_ctx_entry *x;

		if (resolve_path(ctx, d1, false, true, &x) == RP_PRUNED ||
		    (x != NULL && !x->sent && x->type == PL_CTX_DIR)) {
			note_excluded(out, x);
		}
		goto done;
	}
	bn = rc == RP_ROOT ? 0 : base->len;
	subtree(ctx, rc == RP_ROOT ? "" : base->path, bn, &from, &to);
	for (i = from; i < to; i++) {
		const struct pl_ctx_entry *e = &ctx->entries[i];
		size_t off = bn > 0 ? bn + 1 : 0;
		struct list *seen = e->sent ? &dirs : &xdirs;

		if (below_any(&dirs, e, off > 0 ? off - 1 : 0) ||
		    below_any(&xdirs, e, off > 0 ? off - 1 : 0)) {
			continue;
		}
		if (pl_di_filepath_match(d2, strlen(d2), e->path + off, e->len - off) != 1) {
			continue;
		}
		if (e->type == PL_CTX_DIR) {
			list_add(seen, e);
		}
		if (!e->sent) {
			note_excluded(out, e);
			continue;
		}
		if (e->type == PL_CTX_SYMLINK) {
			const struct pl_ctx_entry *t;
			int trc = resolve_path(ctx, e->path, true, true, &t);

			list_add(&matched, e);
			if (trc == RP_FOUND) {
				bring(ctx, t, &entries, out);
			}
			continue;
		}
		list_add(&matched, e);
		bring(ctx, e, &entries, out);
	}
	if (matched.n > 0) {
		out->status = PL_CTX_SRC_FOUND;
	}
done:
	free(dirs.v);
	free(xdirs.v);
	out->matched = list_take(&matched, a, &out->nmatched);
	out->entries = list_take(&entries, a, &out->nentries);
}

/* COPY --parents: the pivot before "/./" (or the root) copied through the include pattern
 * that follows it, with patternmatcher's semantics. */
static void
resolve_parents(const struct pl_ctx *ctx, const char *src, struct pl_arena *a,
		struct pl_ctx_source *out)
{
	struct list matched = { 0 }, entries = { 0 };
	const char *cutp = strstr(src, "/./");
	const char *pivot, *pat;
	const struct pl_ctx_entry *base = NULL;
	struct pl_dockerignore inc;
	char *line;
	size_t from, to, i, bn, off;
	bool everything;
	int rc;

	if (cutp == NULL) {
		pivot = "";
		pat = under_root(src, a);
	} else {
		pivot = under_root(pl_arena_strndup(a, src, (size_t)(cutp - src)), a);
		pat = under_root(cutp + 3, a);
	}
	out->status = PL_CTX_SRC_EMPTY;
	/* plimsoll's choice: "." (the whole pivot) brings everything below it. */
	everything = pat[0] == '\0';
	line = pl_arena_printf(a, "%s%s", pat[0] == '!' || pat[0] == '\0' ? "" : "./", pat);
	if (strchr(pat, '\n') != NULL ||
	    (!everything && pl_dockerignore_parse(line, strlen(line), a, &inc, NULL) < 0)) {
		goto done;
	}
	rc = resolve_path(ctx, pivot, true, true, &base);
	if (rc == RP_FOUND && base->type != PL_CTX_DIR) {
		rc = RP_NOTFOUND;
	}
	if (rc == RP_FOUND || rc == RP_ROOT) {
		bn = rc == RP_ROOT ? 0 : base->len;
		off = bn > 0 ? bn + 1 : 0;
		subtree(ctx, rc == RP_ROOT ? "" : base->path, bn, &from, &to);
		for (i = from; i < to; i++) {
			const struct pl_ctx_entry *e = &ctx->entries[i];
			const char *rel = e->path + off, *slash = strrchr(rel, '/');
			bool top;

			if (!everything && !pl_dockerignore_match(&inc, rel, NULL)) {
				continue;
			}
			if (!e->sent) {
				if (e->excluded) {
					note_excluded(out, e);
				}
				continue;
			}
			list_add(&entries, e);
			/* Topmost: its parent is the pivot, or is not included itself. */
			top = slash == NULL;
			if (!top && !everything) {
				char *parent = pl_xstrndup(rel, (size_t)(slash - rel));

				top = !pl_dockerignore_match(&inc, parent, NULL);
				free(parent);
			}
			if (top) {
				list_add(&matched, e);
			}
		}
	}
	if (entries.n > 0) {
		out->status = PL_CTX_SRC_FOUND;
	} else if (!has_wildcards(pivot) && !has_wildcards(pat)) {
		/* Newer BuildKit requires a --parents source without wildcards to exist. */
		const char *req = pivot[0] == '\0' ? pat
				  : pat[0] == '\0' ? pivot
						   : pl_arena_printf(a, "%s/%s", pivot, pat);
		const struct pl_ctx_entry *e;

		if (resolve_path(ctx, req, true, true, &e) != RP_FOUND) {
			absent(ctx, req, out);
		}
	}
done:
	out->matched = list_take(&matched, a, &out->nmatched);
	out->entries = list_take(&entries, a, &out->nentries);
}

int
pl_ctx_resolve(const struct pl_ctx *ctx, const char *src, unsigned flags, struct pl_arena *a,
	       struct pl_ctx_source *out)
{
	memset(out, 0, sizeof(*out));
	out->path = under_root(src, a);
	if (flags & PL_CTX_COPY_PARENTS) {
		out->wildcard = true;
		resolve_parents(ctx, src, a, out);
	} else if (has_wildcards(out->path)) {
		out->wildcard = true;
		resolve_wildcard(ctx, out->path, a, out);
	} else {
		resolve_plain(ctx, out->path, a, out);
	}
	if (out->path[0] == '\0') {
		out->path = ".";
	}
	return 0;
}
