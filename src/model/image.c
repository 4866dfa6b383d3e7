/*
 * image.c -- the Dockerfiles of a scan by the repository they build, and their facts
 * (see image.h).
 */
#include "model/image.h"
#include "core/xalloc.h"
#include "model/dockerfile.h"
#include "parse/dockerfile.h"

#include <stdlib.h>
#include <string.h>

void
pl_image_facts_of(const struct pl_source *src, const char *name, const char *target,
		  struct pl_arena *a, struct pl_image_facts *out)
{
	struct pl_df_model_opts o = { .target = target };
	struct pl_df_error err;
	struct pl_df_file file;
	struct pl_df_model m;
	const struct pl_stage *st;

	memset(out, 0, sizeof(*out));
	out->dockerfile = pl_arena_strdup(a, name);
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
	out->user = st->end.user != NULL ? pl_arena_strdup(a, st->end.user) : NULL;
	out->root = st->end.user == NULL || pl_user_is_root(st->end.user);
	for (size_t i = st->from; i <= st->last && i < file.ninstrs; i++) {
		if (file.instrs[i].kind == PL_DF_HEALTHCHECK) {
			out->healthcheck = true;
		}
	}
}

static bool
ends_with(const char *s, size_t n, const char *suffix)
{
	size_t k = strlen(suffix);

	return n > k && strcmp(s + n - k, suffix) == 0;
}

void
pl_image_index_add(struct pl_image_index *ix, const char *path)
{
	const char *slash = strrchr(path, '/');
	const char *base = slash != NULL ? slash + 1 : path;
	size_t n = strlen(base);
	struct pl_image_entry e = { .path = path };

	if (strcmp(base, "Dockerfile") == 0) {
		/* DIR/Dockerfile builds DIR: the folder's own name */
		const char *end = slash, *start;

		while (end != NULL && end > path && end[-1] == '/') {
			end--;
		}
		if (end == NULL || end == path) {
			return;
		}
		start = end;
		while (start > path && start[-1] != '/') {
			start--;
		}
		if ((end - start == 1 && start[0] == '.') ||
		    (end - start == 2 && start[0] == '.' && start[1] == '.')) {
			return;
		}
		e.name = start;
		e.len = (size_t)(end - start);
	} else if (ends_with(base, n, ".Dockerfile") || ends_with(base, n, ".dockerfile")) {
		e.name = base;
		e.len = n - strlen(".Dockerfile");
	} else {
		return;
	}
	ix->entries = pl_xrealloc(ix->entries, (ix->n + 1) * sizeof(*ix->entries));
	ix->entries[ix->n++] = e;
}

void
pl_image_index_finish(struct pl_image_index *ix)
{
	free(ix->entries);
	ix->entries = NULL;
	ix->n = 0;
}

const char *
pl_image_index_find(const struct pl_image_index *ix, const char *repository)
{
	const char *name, *found = NULL;
	size_t len;

	if (ix == NULL || repository == NULL) {
		return NULL;
	}
	name = strrchr(repository, '/') != NULL ? strrchr(repository, '/') + 1 : repository;
	len = strlen(name);
	for (size_t i = 0; i < ix->n; i++) {
		const struct pl_image_entry *e = &ix->entries[i];

		if (e->len == len && memcmp(e->name, name, len) == 0) {
			if (found != NULL) {
				return NULL; /* two Dockerfiles build that name: neither is sure */
			}
			found = e->path;
		}
	}
	return found;
}
