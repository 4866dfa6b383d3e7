/*
 * test_context.c -- unit tests of the build-context model: the walk over real temporary
 * trees (symbolic links out of the context, odd names, deep and long paths), the ignore
 * file applied as BuildKit applies it, COPY source resolution, and the sensitive names.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/limits.h"
#include "model/context.h"
#include "parse/dockerignore.h"

struct tree {
	char root[64];
};

/* Creates ROOT/REL with its parent directories; a REL ending in '/' is a directory. */
static void
put(struct tree *t, const char *rel, const char *content)
{
	char path[1024], *p;
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", t->root, rel);
	for (p = path + strlen(t->root) + 1; *p != '\0'; p++) {
		if (*p == '/') {
			*p = '\0';
			if (mkdir(path, 0755) != 0 && errno != EEXIST) {
				fail_msg("mkdir %s: %s", path, strerror(errno));
			}
			*p = '/';
		}
	}
	if (rel[strlen(rel) - 1] == '/') {
		return;
	}
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(content, f);
	fclose(f);
}

static void
link_to(struct tree *t, const char *rel, const char *target)
{
	char path[1024];

	snprintf(path, sizeof(path), "%s/%s", t->root, rel);
	assert_int_equal(symlink(target, path), 0);
}

static void
make_tree(struct tree *t)
{
	strcpy(t->root, "/tmp/plimsoll-ctx-XXXXXX");
	assert_non_null(mkdtemp(t->root));
}

static void
remove_tree(struct tree *t)
{
	char cmd[256];

	/* Restores permissions first so that unreadable test directories go too. */
	snprintf(cmd, sizeof(cmd), "chmod -R u+rwx '%s' 2>/dev/null; rm -rf '%s'", t->root,
		 t->root);
	assert_int_equal(system(cmd), 0);
}

struct fixture {
	struct tree t;
	struct pl_arena a;
	struct pl_dockerignore di;
	struct pl_ctx ctx;
};

/* Walks F's tree with the ignore file IGNORE (NULL: none). */
static void
walk(struct fixture *f, const char *ignore)
{
	const char *err = NULL;

	if (ignore != NULL) {
		assert_int_equal(pl_dockerignore_parse(ignore, strlen(ignore), &f->a, &f->di, NULL),
				 0);
	}
	assert_int_equal(pl_ctx_walk(f->t.root, ignore != NULL ? &f->di : NULL, &f->a, &f->ctx,
				     &err),
			 0);
}

static const struct pl_ctx_entry *
must_find(struct fixture *f, const char *path)
{
	const struct pl_ctx_entry *e = pl_ctx_find(&f->ctx, path);

	if (e == NULL) {
		fail_msg("%s is not listed", path);
	}
	return e;
}

static void
app_tree(struct tree *t)
{
	put(t, "Dockerfile", "FROM scratch\n");
	put(t, "README.md", "# app\n");
	put(t, "CHANGES.md", "1.0\n");
	put(t, "a.txt", "hello\n");
	put(t, "src/app.py", "print(1)\n");
	put(t, "src/lib/util.py", "x = 1\n");
	put(t, "src/lib/data.json", "{}\n");
	put(t, ".env", "TOKEN=x\n");
	put(t, ".env.example", "TOKEN=\n");
	put(t, "node_modules/left-pad/index.js", "module.exports = 1\n");
	put(t, ".git/config", "[core]\n");
	put(t, "vendor/keep.txt", "k\n");
	put(t, "vendor/other.txt", "o\n");
	put(t, "a-b/c", "odd order\n");
	link_to(t, "in", "src/app.py");
	link_to(t, "dirlink", "src");
	link_to(t, "out", "../../etc/passwd");
	link_to(t, "abs", "/etc/passwd");
	link_to(t, "loop1", "loop2");
	link_to(t, "loop2", "loop1");
}

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));

	make_tree(&f->t);
	pl_arena_init(&f->a);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	remove_tree(&f->t);
	pl_arena_finish(&f->a);
	free(f);
	return 0;
}

static void
test_walk_plain(void **state)
{
	struct fixture *f = *state;
	const struct pl_ctx_entry *e;

	app_tree(&f->t);
	walk(f, NULL);
	assert_false(f->ctx.truncated);
	assert_int_equal(f->ctx.nsent, f->ctx.n);
	/* Sorted by path bytes: "a-b" before "a-b/c" before "a.txt". */
	for (size_t i = 1; i < f->ctx.n; i++) {
		assert_true(strcmp(f->ctx.entries[i - 1].path, f->ctx.entries[i].path) < 0);
	}
	e = must_find(f, "src/app.py");
	assert_int_equal(e->type, PL_CTX_FILE);
	assert_int_equal(e->size, 9);
	assert_int_equal(e->depth, 2);
	assert_true(S_ISREG(e->mode));
	e = must_find(f, "src/lib");
	assert_int_equal(e->type, PL_CTX_DIR);
	/* Links are entries, never followed. */
	e = must_find(f, "dirlink");
	assert_int_equal(e->type, PL_CTX_SYMLINK);
	assert_string_equal(e->link, "src");
	assert_int_equal(e->link_kind, PL_CTX_LINK_INSIDE);
	assert_null(pl_ctx_find(&f->ctx, "dirlink/app.py"));
	assert_int_equal(must_find(f, "out")->link_kind, PL_CTX_LINK_OUTSIDE);
	assert_int_equal(must_find(f, "abs")->link_kind, PL_CTX_LINK_ABSOLUTE);
	assert_int_equal(must_find(f, "in")->link_kind, PL_CTX_LINK_INSIDE);
	/* Sensitive names. */
	assert_string_equal(must_find(f, ".env")->sensitive->name, "dotenv");
	assert_null(must_find(f, ".env.example")->sensitive);
	assert_string_equal(must_find(f, ".git")->sensitive->name, "git-dir");
	assert_string_equal(must_find(f, "node_modules")->sensitive->name, "node-modules");
	assert_int_equal(must_find(f, "node_modules")->sensitive->kind, PL_CTX_HEAVY);
	must_find(f, "node_modules/left-pad/index.js");
	assert_null(pl_ctx_find(&f->ctx, "nope"));
}

static void
test_walk_ignore(void **state)
{
	struct fixture *f = *state;
	const struct pl_ctx_entry *e;

	app_tree(&f->t);
	walk(f, "node_modules\n.git\n*.md\n!README.md\nvendor\n!vendor/keep.txt\n.env\n");
	/* Skipped whole: listed once, nothing below. */
	e = must_find(f, "node_modules");
	assert_true(e->excluded);
	assert_true(e->pruned);
	assert_false(e->sent);
	assert_string_equal(e->rule->pattern, "node_modules");
	assert_null(pl_ctx_find(&f->ctx, "node_modules/left-pad"));
	assert_true(must_find(f, ".git")->pruned);
	/* Exceptions. */
	assert_true(must_find(f, "README.md")->sent);
	assert_true(must_find(f, "README.md")->rule->exclusion);
	e = must_find(f, "CHANGES.md");
	assert_true(e->excluded);
	assert_false(e->sent);
	assert_string_equal(e->rule->pattern, "*.md");
	assert_null(must_find(f, "a.txt")->rule);
	/* An excluded directory with an exception inside is entered, and created because
	 * something below it is sent. */
	e = must_find(f, "vendor");
	assert_true(e->excluded);
	assert_false(e->pruned);
	assert_true(e->sent);
	assert_true(must_find(f, "vendor/keep.txt")->sent);
	assert_false(must_find(f, "vendor/other.txt")->sent);
	assert_false(must_find(f, ".env")->sent);
	assert_int_equal(f->ctx.nsent + 5, f->ctx.n);
}

static void
test_walk_odd_names(void **state)
{
	struct fixture *f = *state;

	put(&f->t, "..foo", "");
	put(&f->t, "a..b/...", "");
	put(&f->t, "sp ace/new\nline", "");
	put(&f->t, "\xff\xfe", "");
	put(&f->t, "-rf", "");
	walk(f, "\xff*\n");
	must_find(f, "..foo");
	must_find(f, "a..b/...");
	must_find(f, "sp ace/new\nline");
	assert_true(must_find(f, "\xff\xfe")->excluded);
	assert_false(must_find(f, "-rf")->excluded);
}

static void
test_walk_deep(void **state)
{
	struct fixture *f = *state;
	char rel[1024] = "";

	for (unsigned i = 0; i < PL_MAX_CTX_DEPTH + 5; i++) {
		strcat(rel, "d/");
	}
	put(&f->t, rel, "");
	walk(f, NULL);
	assert_true(f->ctx.truncated);
	assert_string_equal(f->ctx.limit, "PL_MAX_CTX_DEPTH");
	assert_int_equal(f->ctx.n, PL_MAX_CTX_DEPTH);
	for (size_t i = 0; i < f->ctx.n; i++) {
		assert_true(f->ctx.entries[i].depth <= PL_MAX_CTX_DEPTH);
	}
}

/* Paths longer than PATH_MAX, built with *at() calls since no absolute path reaches them. */
static void
test_walk_long_paths(void **state)
{
	struct fixture *f = *state;
	char name[201];
	int fd = open(f->t.root, O_RDONLY | O_DIRECTORY), next;

	memset(name, 'n', 200);
	name[200] = '\0';
	for (int i = 0; i < 25; i++) {
		assert_int_equal(mkdirat(fd, name, 0755), 0);
		next = openat(fd, name, O_RDONLY | O_DIRECTORY);
		close(fd);
		fd = next;
		assert_true(fd >= 0);
	}
	close(fd);
	walk(f, NULL);
	assert_true(f->ctx.truncated);
	assert_string_equal(f->ctx.limit, "PL_MAX_CTX_PATH");
	for (size_t i = 0; i < f->ctx.n; i++) {
		assert_true(f->ctx.entries[i].len <= PL_MAX_CTX_PATH);
	}
	/* rm -rf cannot reach that deep by absolute path either; it recurses with *at(). */
}

static void
test_walk_errors(void **state)
{
	struct fixture *f = *state;
	const char *err = NULL;
	char path[128];

	put(&f->t, "file", "x");
	snprintf(path, sizeof(path), "%s/file", f->t.root);
	assert_int_equal(pl_ctx_walk(path, NULL, &f->a, &f->ctx, &err), -1);
	assert_non_null(err);
	assert_int_equal(pl_ctx_walk("/nonexistent/plimsoll", NULL, &f->a, &f->ctx, &err), -1);
	if (geteuid() != 0) {
		put(&f->t, "locked/inner", "x");
		snprintf(path, sizeof(path), "%s/locked", f->t.root);
		chmod(path, 0);
		walk(f, NULL);
		assert_true(must_find(f, "locked")->unreadable);
		chmod(path, 0755);
	}
}

static void
test_walk_invalid_pattern(void **state)
{
	struct fixture *f = *state;

	put(&f->t, "a", "");
	walk(f, "[z-a]\n");
	assert_non_null(f->ctx.ignore_error);
	assert_true(must_find(f, "a")->sent);
}

static void
test_resolve(void **state)
{
	struct fixture *f = *state;
	struct pl_ctx_source s;

	app_tree(&f->t);
	walk(f, "node_modules\n*.md\n!README.md\n.env\n");

	pl_ctx_resolve(&f->ctx, ".", 0, &f->a, &s);
	assert_int_equal(s.status, PL_CTX_SRC_FOUND);
	assert_string_equal(s.path, ".");
	assert_int_equal(s.nmatched, 0);
	assert_int_equal(s.nentries, f->ctx.nsent);
	assert_true(s.nexcluded >= 3);

	pl_ctx_resolve(&f->ctx, "src/*.py", 0, &f->a, &s);
	assert_int_equal(s.status, PL_CTX_SRC_FOUND);
	assert_true(s.wildcard);
	assert_int_equal(s.nmatched, 1);
	assert_string_equal(s.matched[0]->path, "src/app.py");

	pl_ctx_resolve(&f->ctx, "./src/", 0, &f->a, &s);
	assert_int_equal(s.status, PL_CTX_SRC_FOUND);
	assert_string_equal(s.path, "src");
	assert_int_equal(s.nmatched, 1);
	assert_int_equal(s.nentries, 5); /* src, app.py, lib, lib/data.json, lib/util.py */
	assert_string_equal(s.entries[0]->path, "src");

	pl_ctx_resolve(&f->ctx, "missing.txt", 0, &f->a, &s);
	assert_int_equal(s.status, PL_CTX_SRC_MISSING);

	pl_ctx_resolve(&f->ctx, "CHANGES.md", 0, &f->a, &s);
	assert_int_equal(s.status, PL_CTX_SRC_EXCLUDED);
	assert_string_equal(s.excluded->path, "CHANGES.md");
	assert_string_equal(s.excluded_by->pattern, "*.md");

	pl_ctx_resolve(&f->ctx, "node_modules/left-pad/index.js", 0, &f->a, &s);
	assert_int_equal(s.status, PL_CTX_SRC_EXCLUDED);
	assert_string_equal(s.excluded->path, "node_modules");

	pl_ctx_resolve(&f->ctx, "*.md", 0, &f->a, &s);
	assert_int_equal(s.status, PL_CTX_SRC_FOUND);
	assert_int_equal(s.nmatched, 1);
	assert_int_equal(s.nexcluded, 1);

	pl_ctx_resolve(&f->ctx, ".env*", 0, &f->a, &s);
	assert_int_equal(s.status, PL_CTX_SRC_FOUND); /* .env.example */
	assert_int_equal(s.nexcluded, 1);

	pl_ctx_resolve(&f->ctx, "*.zzz", 0, &f->a, &s);
	assert_int_equal(s.status, PL_CTX_SRC_EMPTY);
	assert_int_equal(s.nexcluded, 0);

	pl_ctx_resolve(&f->ctx, "CHANGES.m?", 0, &f->a, &s);
	assert_int_equal(s.status, PL_CTX_SRC_EMPTY);
	assert_int_equal(s.nexcluded, 1);

	pl_ctx_resolve(&f->ctx, "node_modules/*", 0, &f->a, &s);
	assert_int_equal(s.status, PL_CTX_SRC_EMPTY);
	assert_int_equal(s.nexcluded, 1);

	/* ".." stops at the root, a leading '/' means the root. */
	pl_ctx_resolve(&f->ctx, "../../a.txt", 0, &f->a, &s);
	assert_int_equal(s.status, PL_CTX_SRC_FOUND);
	assert_string_equal(s.matched[0]->path, "a.txt");
	pl_ctx_resolve(&f->ctx, "/src/app.py", 0, &f->a, &s);
	assert_int_equal(s.status, PL_CTX_SRC_FOUND);

	/* Wildcards in directories, and a matched directory brings its contents. */
	pl_ctx_resolve(&f->ctx, "*/app.py", 0, &f->a, &s);
	assert_int_equal(s.nmatched, 1);
	assert_string_equal(s.matched[0]->path, "src/app.py");
	pl_ctx_resolve(&f->ctx, "sr[a-c]", 0, &f->a, &s);
	assert_int_equal(s.nmatched, 1);
	assert_int_equal(s.nentries, 5);
	/* A malformed wildcard matches nothing, and Docker goes on. */
	pl_ctx_resolve(&f->ctx, "src/[", 0, &f->a, &s);
	assert_int_equal(s.status, PL_CTX_SRC_EMPTY);
	/* An escaped wildcard is a plain name, and a missing one. */
	pl_ctx_resolve(&f->ctx, "a\\*.txt", 0, &f->a, &s);
	assert_false(s.wildcard);
	assert_int_equal(s.status, PL_CTX_SRC_MISSING);
}

static void
test_resolve_links(void **state)
{
	struct fixture *f = *state;
	struct pl_ctx_source s;

	app_tree(&f->t);
	walk(f, NULL);
	pl_ctx_resolve(&f->ctx, "in", 0, &f->a, &s);
	assert_int_equal(s.status, PL_CTX_SRC_FOUND);
	assert_string_equal(s.matched[0]->path, "src/app.py");
	pl_ctx_resolve(&f->ctx, "dirlink/lib/util.py", 0, &f->a, &s);
	assert_int_equal(s.status, PL_CTX_SRC_FOUND);
	assert_string_equal(s.matched[0]->path, "src/lib/util.py");
	pl_ctx_resolve(&f->ctx, "dirlink", 0, &f->a, &s);
	assert_string_equal(s.matched[0]->path, "src");
	assert_int_equal(s.nentries, 5);
	/* A link out of the context resolves inside it: here to nothing. */
	pl_ctx_resolve(&f->ctx, "out", 0, &f->a, &s);
	assert_int_equal(s.status, PL_CTX_SRC_MISSING);
	pl_ctx_resolve(&f->ctx, "abs", 0, &f->a, &s);
	assert_int_equal(s.status, PL_CTX_SRC_MISSING);
	pl_ctx_resolve(&f->ctx, "loop1", 0, &f->a, &s);
	assert_int_equal(s.status, PL_CTX_SRC_MISSING);
	/* A wildcard match that is a link brings its target. */
	pl_ctx_resolve(&f->ctx, "dirl*", 0, &f->a, &s);
	assert_int_equal(s.nmatched, 1);
	assert_string_equal(s.matched[0]->path, "dirlink");
	assert_int_equal(s.nentries, 5);
}

static void
test_resolve_parents(void **state)
{
	struct fixture *f = *state;
	struct pl_ctx_source s;

	app_tree(&f->t);
	walk(f, "src/lib/data.json\n");
	pl_ctx_resolve(&f->ctx, "src/**/*.py", PL_CTX_COPY_PARENTS, &f->a, &s);
	assert_int_equal(s.status, PL_CTX_SRC_FOUND);
	assert_int_equal(s.nentries, 2);
	assert_string_equal(s.entries[0]->path, "src/app.py");
	assert_string_equal(s.entries[1]->path, "src/lib/util.py");
	assert_int_equal(s.nmatched, 2);

	pl_ctx_resolve(&f->ctx, "./src/./lib/*.py", PL_CTX_COPY_PARENTS, &f->a, &s);
	assert_int_equal(s.status, PL_CTX_SRC_FOUND);
	assert_int_equal(s.nentries, 1);
	assert_string_equal(s.entries[0]->path, "src/lib/util.py");

	pl_ctx_resolve(&f->ctx, "src/lib", PL_CTX_COPY_PARENTS, &f->a, &s);
	assert_int_equal(s.status, PL_CTX_SRC_FOUND);
	assert_int_equal(s.nmatched, 1);
	assert_int_equal(s.nentries, 2); /* lib and util.py; data.json is excluded */
	assert_int_equal(s.nexcluded, 1);

	pl_ctx_resolve(&f->ctx, "nonexistent", PL_CTX_COPY_PARENTS, &f->a, &s);
	assert_int_equal(s.status, PL_CTX_SRC_MISSING);
	pl_ctx_resolve(&f->ctx, "src/lib/data.json", PL_CTX_COPY_PARENTS, &f->a, &s);
	assert_int_equal(s.status, PL_CTX_SRC_EXCLUDED);
	pl_ctx_resolve(&f->ctx, "nonexist*", PL_CTX_COPY_PARENTS, &f->a, &s);
	assert_int_equal(s.status, PL_CTX_SRC_EMPTY);
	pl_ctx_resolve(&f->ctx, ".", PL_CTX_COPY_PARENTS, &f->a, &s);
	assert_int_equal(s.nentries, f->ctx.nsent);
}

static void
test_classify(void **state)
{
	static const struct {
		const char *path;
		bool dir;
		const char *cls; /* NULL: nothing to say */
	} t[] = {
		{ ".env", false, "dotenv" },
		{ "app/.env.production", false, "dotenv" },
		{ ".env.local", false, "dotenv" },
		{ ".env.example", false, NULL },
		{ ".env.sample", false, NULL },
		{ ".env.template", false, NULL },
		{ ".env.production.example", false, NULL },
		{ ".env", true, NULL }, /* a virtual environment directory */
		{ "certs/server.pem", false, "pem" },
		{ "tls/server.KEY", false, "private-key" },
		{ "id_rsa", false, "ssh-private-key" },
		{ "home/.ssh/id_ed25519", false, "ssh-private-key" },
		{ "id_rsa.pub", false, NULL },
		{ "id_ed25519.pub", false, NULL },
		{ ".npmrc", false, "npmrc" },
		{ ".pypirc", false, "pypirc" },
		{ ".netrc", false, "netrc" },
		{ ".git", true, "git-dir" },
		{ ".git", false, NULL }, /* a worktree's pointer file */
		{ ".aws/credentials", false, "aws-credentials" },
		{ "credentials", false, NULL },
		{ "x/.docker/config.json", false, "docker-config" },
		{ "config.json", false, NULL },
		{ "terraform.tfstate", false, "terraform-state" },
		{ "terraform.tfstate.backup", false, "terraform-state" },
		{ "kubeconfig", false, "kubeconfig" },
		{ ".kube/config", false, "kubeconfig" },
		{ "config", false, NULL },
		{ "credentials.json", false, "cloud-credentials" },
		{ "service-account-prod.json", false, "cloud-credentials" },
		{ "cert.p12", false, "pkcs12" },
		{ "cert.pfx", false, "pkcs12" },
		{ "release.keystore", false, "java-keystore" },
		{ ".htpasswd", false, "htpasswd" },
		{ "config/secrets.yaml", false, "secrets-file" },
		{ "secrets.example.yaml", false, NULL },
		{ "secrets", true, NULL },
		{ ".terraform", true, "terraform-dir" },
		{ "web/node_modules", true, "node-modules" },
		{ "node_modules", false, NULL },
		{ "README.md", false, NULL },
		{ "src/app.py", false, NULL },
		{ "", false, NULL },
		{ "dir/", false, NULL },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		const struct pl_ctx_class *c = pl_ctx_classify(t[i].path, t[i].dir);

		if ((c == NULL) != (t[i].cls == NULL) ||
		    (c != NULL && strcmp(c->name, t[i].cls) != 0)) {
			fail_msg("%s: %s, expected %s", t[i].path, c ? c->name : "(none)",
				 t[i].cls ? t[i].cls : "(none)");
		}
	}
	/* The table is complete and named. */
	for (size_t i = 0; pl_ctx_classes[i].name != NULL; i++) {
		assert_non_null(pl_ctx_classes[i].reason);
		assert_true(strlen(pl_ctx_classes[i].name) > 0);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_walk_plain, setup, teardown),
		cmocka_unit_test_setup_teardown(test_walk_ignore, setup, teardown),
		cmocka_unit_test_setup_teardown(test_walk_odd_names, setup, teardown),
		cmocka_unit_test_setup_teardown(test_walk_deep, setup, teardown),
		cmocka_unit_test_setup_teardown(test_walk_long_paths, setup, teardown),
		cmocka_unit_test_setup_teardown(test_walk_errors, setup, teardown),
		cmocka_unit_test_setup_teardown(test_walk_invalid_pattern, setup, teardown),
		cmocka_unit_test_setup_teardown(test_resolve, setup, teardown),
		cmocka_unit_test_setup_teardown(test_resolve_links, setup, teardown),
		cmocka_unit_test_setup_teardown(test_resolve_parents, setup, teardown),
		cmocka_unit_test(test_classify),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
