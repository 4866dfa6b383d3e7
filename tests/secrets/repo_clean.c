/*
 * repo_clean.c -- no file of the repository holds a whole secret.
 *
 * Scans every file under the source tree (but .git, build directories and bench/work)
 * with every provider-specific detector and fails on any match: tests and docs build their
 * secrets at run time from pieces, and the detector table writes examples as templates.
 * Generic detectors (password=...) are left out: the Dockerfile rule tests hold such
 * assignments on purpose, and they are not provider credentials.
 */
#define _GNU_SOURCE /* FTW_ACTIONRETVAL */
#include "secrets/secrets.h"
#include "core/limits.h"

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct pl_secrets_scanner *sc;
static const char *current;
static int found;

static int
report(void *ctx, const struct pl_secret_match *m)
{
	const char *buf = ctx;
	char red[PL_SECRETS_REDACT_SIZE];

	if (m->det->generic) {
		return 0;
	}
	printf("%s:%u:%u: %s %s\n", current, m->line, m->col, m->det->id,
	       pl_secrets_redact(buf + m->secret_off, m->secret_end - m->secret_off, red));
	found++;
	return 0;
}

static int
visit(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	const char *base = path + ftw->base;
	FILE *f;
	char *buf;
	size_t n;

	if (type == FTW_D && (strcmp(base, ".git") == 0 || strncmp(base, "build", 5) == 0 ||
			      strstr(path, "bench/work") != NULL)) {
		return FTW_SKIP_SUBTREE;
	}
	if (type != FTW_F || st->st_size > (off_t)PL_SECRETS_MAX_FILE_BYTES) {
		return FTW_CONTINUE;
	}
	f = fopen(path, "rb");
	if (f == NULL) {
		return FTW_CONTINUE;
	}
	buf = malloc((size_t)st->st_size + 1);
	n = fread(buf, 1, (size_t)st->st_size, f);
	fclose(f);
	current = path;
	pl_secrets_scan(sc, buf, n, report, buf, NULL);
	free(buf);
	return FTW_CONTINUE;
}

int
main(void)
{
	const char *root = getenv("PL_SOURCE_ROOT");

	if (root == NULL) {
		return 77;
	}
	sc = pl_secrets_scanner_create(pl_secrets_default());
	nftw(root, visit, 32, FTW_PHYS | FTW_ACTIONRETVAL);
	pl_secrets_scanner_destroy(sc);
	if (found > 0) {
		printf("%d secrets in the repository: build them at run time instead\n", found);
		return 1;
	}
	return 0;
}
