/*
 * repo_clean.c -- no file of the repository holds a whole secret.
 *
 * Scans every file under the source tree (but .git, build directories and bench/work)
 * with every provider-specific detector and fails on any match: tests and docs build their
 * secrets at run time from pieces, and the detector table writes examples as templates.
 * Generic detectors (password=...) are left out: the Dockerfile rule tests hold such
 * assignments on purpose, and they are not provider credentials.
 *
 * KNOWN lists the files that still hold a whole fake token on purpose (a rule's example
 * must show a token to be reported); each entry should go once its file builds or
 * describes the value otherwise.
 */
#define _GNU_SOURCE /* FTW_ACTIONRETVAL */
#include "secrets/secrets.h"
#include "core/limits.h"

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Path below the source root, and the detector that matches in it. */
static const char *const known[][2] = {
	{ "src/rules/df/DF0015.c", "SEC0017" },
	{ "tests/rules/DF0015.test", "SEC0017" },
	{ "docs/rules/DF0015.md", "SEC0017" },
};

static struct pl_secrets_scanner *sc;
static size_t root_len;
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
	for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++) {
		if (strcmp(current + root_len, known[i][0]) == 0 &&
		    strcmp(m->det->id, known[i][1]) == 0) {
			return 0;
		}
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
	root_len = strlen(root) + (root[strlen(root) - 1] == '/' ? 0 : 1);
	sc = pl_secrets_scanner_create(pl_secrets_default());
	nftw(root, visit, 32, FTW_PHYS | FTW_ACTIONRETVAL);
	pl_secrets_scanner_destroy(sc);
	if (found > 0) {
		printf("%d secrets in the repository: build them at run time instead\n", found);
		return 1;
	}
	return 0;
}
