/*
 * run_compose.c -- scanning a Compose project: load its files (one, or a base file and
 * its overrides), build the model, run every Compose rule once over it, apply each file's
 * ignore comments to the findings placed in it.
 */
#include "engine/run.h"
#include "core/limits.h"
#include "engine/secrets_scan.h"
#include "engine/suppress.h"
#include "model/compose.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Applies each file's ignore comments to the findings from FIRST on that lie in it: the
 * findings are put back file by file, each group then filtered by its file's comments. */
static void
apply_ignores(struct pl_report *r, const struct pl_compose *c, size_t first, const char *file)
{
	struct pl_finding *all;
	size_t n = r->nfindings - first;

	if (c->nfiles <= 1) {
		if (c->src != NULL) {
			r->suppressed += pl_suppress_apply_yaml(r, first, c->src, c->arena);
		}
		return;
	}
	if (n == 0 || (all = malloc(n * sizeof(*all))) == NULL) {
		return;
	}
	memcpy(all, r->findings + first, n * sizeof(*all));
	r->nfindings = first;
	for (size_t f = 0; f < c->nfiles; f++) {
		size_t from = r->nfindings;

		for (size_t i = 0; i < n; i++) {
			if (all[i].file == c->files[f].name || (f == 0 && all[i].file == file)) {
				*pl_report_add(r) = all[i];
			}
		}
		r->suppressed += pl_suppress_apply_yaml(r, from, c->files[f].src, c->arena);
	}
	free(all);
}

void
pl_run_compose_rules(struct pl_report *r, const struct pl_compose *c, const char *file,
		     const struct pl_config *cfg)
{
	struct pl_check ck;
	size_t first = r->nfindings;

	pl_check_init(&ck, r, c->src, file, cfg);
	ck.compose = c;
	for (size_t i = 0; pl_check_next_rule(&ck, PL_IN_COMPOSE, &i);) {
		if (ck.rule->check_compose != NULL) {
			ck.rule->check_compose(&ck, c);
		}
	}
	pl_secrets_check_compose(&ck, c, first);
	apply_ignores(r, c, first, file);
	/* Findings in the .env and env_file files: the Compose file's ignore comments do
	 * not apply. */
	pl_secrets_check_compose_files(&ck, c);
}

/* Reads DIR/.env, the variables Compose interpolates the file with. Returns 0 with *ENV,
 * or -1 when there is no .env or it cannot be used (the error is then in R: Compose
 * refuses a project whose .env it cannot read). */
static int
load_dotenv(struct pl_report *r, const char *dir, struct pl_arena *a, struct pl_dotenv *env)
{
	char *path = pl_arena_printf(a, "%s/.env", dir);
	struct pl_dotenv_error err;
	struct pl_source src;
	const char *why, *name;
	int rc = 0;

	if (access(path, F_OK) != 0) {
		return -1;
	}
	name = pl_arena_strdup(&r->arena, strcmp(dir, ".") == 0 ? ".env" : path);
	if (pl_source_read(&src, path, name, &why) != 0) {
		pl_report_error(r, name, 0, 0, "%s", why);
		return -1;
	}
	if (pl_dotenv_parse(src.text, src.len, NULL, NULL, a, env, &err) != 0) {
		pl_report_error(r, name, err.line, err.col, "%s", err.message);
		rc = -1;
	}
	pl_source_finish(&src);
	return rc;
}

/* Scans the project made of the N files SRCS (named NAMES, in folders DIRS, NULL when
 * not on disk); the first is the base file. */
static int
scan_sources(struct pl_report *r, const struct pl_source *const *srcs, const char *const *names,
	     const char *const *dirs, size_t n, const struct pl_scan_opts *o)
{
	struct pl_yaml_error err;
	struct pl_compose c;
	struct pl_dotenv env;
	struct pl_arena a;
	int rc = 0;

	pl_arena_init(&a);
	pl_compose_init(&c, &a);
	for (size_t i = 0; i < n && rc == 0; i++) {
		if (srcs[i]->len > PL_MAX_COMPOSE_BYTES) {
			pl_report_error(r, names[i], 0, 0, "file is larger than the %u MiB limit "
					"for Compose files", PL_MAX_COMPOSE_BYTES / (1024u * 1024u));
			rc = -1;
		} else if (pl_compose_add(&c, srcs[i], names[i], &err) != 0) {
			pl_report_error(r, names[i], err.line, err.col, "%s", err.message);
			rc = -1;
		} else {
			c.files[c.nfiles - 1].dir = dirs[i];
		}
	}
	if (rc == 0) {
		/* The project's folder is the base file's: its .env and build contexts. */
		c.dir = dirs[0];
		c.scanned = o != NULL ? o->images : NULL;
		if (dirs[0] != NULL && load_dotenv(r, dirs[0], &a, &env) == 0) {
			c.env = &env;
		}
		pl_compose_resolve(&c);
		for (size_t i = 0; i < c.ndiags; i++) {
			const struct pl_compose_diag *d = &c.diags[i];

			if (d->note) {
				pl_report_note(r, pl_arena_strdup(&r->arena, d->file), "%u:%u: %s",
					       d->line, d->col, d->message);
			} else {
				pl_report_error(r, pl_arena_strdup(&r->arena, d->file), d->line,
						d->col, "%s", d->message);
			}
		}
		pl_run_compose_rules(r, &c, names[0], o != NULL ? o->config : NULL);
		/* Files that `extends` brought in are named in findings: keep their names. */
		for (size_t i = n; i < c.nfiles; i++) {
			const char *kept = pl_arena_strdup(&r->arena, c.files[i].name);

			for (size_t k = 0; k < r->nfindings; k++) {
				if (r->findings[k].file == c.files[i].name) {
					r->findings[k].file = kept;
				}
			}
		}
	}
	pl_compose_finish(&c);
	pl_arena_finish(&a);
	return rc;
}

/* Scans SRC; DIR is the folder of the file on disk (NULL when unknown). */
static int
scan_source(struct pl_report *r, const struct pl_source *src, const char *name, const char *dir,
	    const struct pl_scan_opts *o)
{
	return scan_sources(r, &src, &name, &dir, 1, o);
}

int
pl_scan_compose_source(struct pl_report *r, const struct pl_source *src, const char *name,
		       const struct pl_scan_opts *o)
{
	return scan_source(r, src, name, NULL, o);
}

int
pl_scan_compose(struct pl_report *r, const char *path, const char *display,
		const struct pl_scan_opts *o)
{
	return pl_scan_compose_files(r, &path, &display, 1, o);
}

int
pl_scan_compose_files(struct pl_report *r, const char *const *paths,
		      const char *const *displays, size_t n, const struct pl_scan_opts *o)
{
	struct pl_source srcs[PL_MAX_COMPOSE_FILES];
	const struct pl_source *sp[PL_MAX_COMPOSE_FILES];
	const char *names[PL_MAX_COMPOSE_FILES], *dirs[PL_MAX_COMPOSE_FILES];
	size_t nread = 0;
	int rc = 0;

	if (n == 0) {
		return 0;
	}
	if (n > PL_MAX_COMPOSE_FILES) {
		pl_report_error(r, displays[0] ? displays[0] : paths[0], 0, 0, "a Compose project "
				"of more than %u files is not read", PL_MAX_COMPOSE_FILES);
		return -1;
	}
	for (size_t i = 0; i < n; i++) {
		const char *why, *path = paths[i], *slash = strrchr(path, '/');

		if (pl_source_read(&srcs[i], path, displays[i], &why) != 0) {
			pl_report_error(r, displays[i] ? displays[i] : path, 0, 0, "%s", why);
			rc = -1;
			break;
		}
		nread++;
		sp[i] = &srcs[i];
		names[i] = pl_arena_strdup(&r->arena, srcs[i].name);
		dirs[i] = NULL;
		r->files_scanned++;
		if (strcmp(path, "-") != 0) {
			dirs[i] = slash == NULL ? pl_arena_strdup(&r->arena, ".")
						: pl_arena_strndup(&r->arena, path, slash == path ? 1 :
								   (size_t)(slash - path));
		}
	}
	if (rc == 0) {
		rc = scan_sources(r, sp, names, dirs, n, o);
	}
	for (size_t i = 0; i < nread; i++) {
		pl_source_finish(&srcs[i]);
	}
	return rc;
}
