/*
 * history.c -- secrets in a git repository's history: every blob reachable from every
 * ref, scanned once.
 *
 * Commits are walked oldest first (topological, then by time), so the commit that
 * introduced a blob is the one it is reported with. Trees already walked are skipped
 * whole, and a blob already scanned is not scanned again, so the work is proportional
 * to the distinct trees and blobs of the repository, not to commits times files.
 */
#include "secrets/history.h"
#include "core/limits.h"
#include "core/xalloc.h"
#include "secrets/git_dl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A set of object ids: open addressing over the ids' first bytes, which are uniformly
 * distributed. */
struct oidset {
	git_oid *keys;
	unsigned char *used;
	size_t n, cap;
};

static uint64_t
oid_hash(const git_oid *id)
{
	uint64_t h;

	memcpy(&h, id->id, sizeof(h));
	return h;
}

static void
oidset_grow(struct oidset *s)
{
	struct oidset t = { 0 };
	size_t i;

	t.cap = s->cap ? s->cap * 2 : 1024;
	t.keys = pl_xcalloc(t.cap, sizeof(*t.keys));
	t.used = pl_xcalloc(t.cap, 1);
	for (i = 0; i < s->cap; i++) {
		if (s->used[i]) {
			size_t j = oid_hash(&s->keys[i]) & (t.cap - 1);

			while (t.used[j]) {
				j = (j + 1) & (t.cap - 1);
			}
			t.used[j] = 1;
			t.keys[j] = s->keys[i];
			t.n++;
		}
	}
	free(s->keys);
	free(s->used);
	*s = t;
}

/* Adds ID; returns false when it was already there. */
static bool
oidset_add(struct oidset *s, const git_oid *id)
{
	size_t j;

	if ((s->n + 1) * 2 > s->cap) {
		oidset_grow(s);
	}
	for (j = oid_hash(id) & (s->cap - 1); s->used[j]; j = (j + 1) & (s->cap - 1)) {
		if (memcmp(s->keys[j].id, id->id, sizeof(id->id)) == 0) {
			return false;
		}
	}
	s->used[j] = 1;
	s->keys[j] = *id;
	s->n++;
	return true;
}

static void
oidset_finish(struct oidset *s)
{
	free(s->keys);
	free(s->used);
}

struct walk {
	const struct pl_git *git;
	git_repository *repo;
	struct pl_secrets_scanner *sc;
	struct oidset trees, blobs;
	struct pl_secrets_history_hit hit;
	pl_secrets_history_cb cb;
	void *ctx;
	int stop;
	size_t blobs_scanned;
};

static int
on_match(void *arg, const struct pl_secret_match *m)
{
	struct walk *w = arg;

	w->hit.m = m;
	if (w->cb(w->ctx, &w->hit) != 0) {
		w->stop = 1;
		return 1;
	}
	return 0;
}

/* Scans a blob not seen before. Large and binary blobs are skipped as in a work tree. */
static void
scan_blob(struct walk *w, const git_oid *id, const char *path)
{
	git_blob *blob;
	const char *data;
	size_t n, probe;

	if (!oidset_add(&w->blobs, id) || w->git->blob_lookup(&blob, w->repo, id) != 0) {
		return;
	}
	n = (size_t)w->git->blob_rawsize(blob);
	data = w->git->blob_rawcontent(blob);
	probe = n < PL_SECRETS_BINARY_PROBE_BYTES ? n : PL_SECRETS_BINARY_PROBE_BYTES;
	if (n <= PL_SECRETS_MAX_FILE_BYTES && memchr(data, '\0', probe) == NULL) {
		w->hit.path = path;
		w->hit.blob = data;
		w->hit.blob_len = n;
		w->blobs_scanned++;
		pl_secrets_scan(w->sc, data, n, on_match, w, NULL);
	}
	w->git->blob_free(blob);
}

static int
on_entry(const char *root, const git_tree_entry *e, void *arg)
{
	struct walk *w = arg;
	char *path;

	if (w->stop) {
		return -1;
	}
	if (w->git->tree_entry_type(e) == GIT_OBJECT_TREE) {
		/* 1 skips a subtree: everything below a tree seen before was scanned then. */
		return oidset_add(&w->trees, w->git->tree_entry_id(e)) ? 0 : 1;
	}
	if (w->git->tree_entry_type(e) != GIT_OBJECT_BLOB ||
	    w->git->tree_entry_filemode(e) == GIT_FILEMODE_LINK) {
		return 0;
	}
	path = pl_xmalloc(strlen(root) + strlen(w->git->tree_entry_name(e)) + 1);
	strcpy(path, root);
	strcat(path, w->git->tree_entry_name(e));
	scan_blob(w, w->git->tree_entry_id(e), path);
	free(path);
	return w->stop ? -1 : 0;
}

static char *
error_text(const struct pl_git *git, const char *what)
{
	const git_error *e = git->error_last();
	const char *msg = e != NULL && e->message != NULL ? e->message : "unknown error";
	size_t n = strlen(what) + strlen(msg) + 3;
	char *s = pl_xmalloc(n);

	snprintf(s, n, "%s: %s", what, msg);
	return s;
}

int
pl_secrets_history(struct pl_secrets_scanner *sc, const char *path, pl_secrets_history_cb cb,
		   void *ctx, char **err)
{
	struct walk w = { .sc = sc, .cb = cb, .ctx = ctx };
	const struct pl_git *git;
	const char *why;
	git_revwalk *rw = NULL;
	git_oid oid;
	char hex[GIT_OID_HEXSZ + 1];
	int rc = -1;

	*err = NULL;
	if ((git = pl_git_load(&why)) == NULL) {
		*err = pl_xstrdup(why);
		return -1;
	}
	w.git = git;
	git->libgit2_init();
	if (git->repository_open_ext(&w.repo, path, 0, NULL) != 0) {
		*err = error_text(git, "not a git repository");
		goto done;
	}
	if (git->revwalk_new(&rw, w.repo) != 0 ||
	    git->revwalk_sorting(rw, GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME | GIT_SORT_REVERSE) != 0 ||
	    git->revwalk_push_glob(rw, "refs/*") != 0) {
		*err = error_text(git, "cannot walk the history");
		goto done;
	}
	/* A repository with no commit yet has no history to scan; HEAD may be detached. */
	(void)git->revwalk_push_head(rw);
	while (!w.stop && git->revwalk_next(&oid, rw) == 0) {
		git_commit *c;
		git_tree *t;

		if (git->commit_lookup(&c, w.repo, &oid) != 0) {
			continue;
		}
		git->oid_tostr(hex, sizeof(hex), &oid);
		w.hit.commit = hex;
		w.hit.author_time = (int64_t)git->commit_author(c)->when.time;
		if (git->commit_tree(&t, c) == 0) {
			if (oidset_add(&w.trees, git->tree_id(t))) {
				git->tree_walk(t, GIT_TREEWALK_PRE, on_entry, &w);
			}
			git->tree_free(t);
		}
		git->commit_free(c);
	}
	rc = w.stop ? 1 : 0;
done:
	git->revwalk_free(rw);
	git->repository_free(w.repo);
	oidset_finish(&w.trees);
	oidset_finish(&w.blobs);
	git->libgit2_shutdown();
	return rc;
}
