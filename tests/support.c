/*
 * support.c -- helpers shared by the test programs: reading files, loading settings,
 * making build contexts.
 */
#define _XOPEN_SOURCE 700
#include "support.h"
#include "core/buf.h"

#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

char *
pl_test_slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	struct pl_buf b;
	char chunk[4096];
	size_t n;

	if (f == NULL) {
		return NULL;
	}
	pl_buf_init(&b);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		pl_buf_add(&b, chunk, n);
	}
	fclose(f);
	if (len != NULL) {
		*len = b.n;
	}
	return b.p != NULL ? pl_buf_take(&b) : calloc(1, 1);
}

int
pl_test_load_config(const char *yaml, struct pl_config *cfg, struct pl_report *r)
{
	char path[] = "/tmp/plimsoll-test-config-XXXXXX";
	int fd = mkstemp(path), rc;
	FILE *f;

	if (fd < 0) {
		return -1;
	}
	if ((f = fdopen(fd, "w")) == NULL) {
		close(fd);
		unlink(path);
		return -1;
	}
	fputs(yaml, f);
	fclose(f);
	rc = pl_config_load(cfg, path, r);
	unlink(path);
	return rc;
}

/* Creates the folders above PATH. */
static int
make_parents(char *path)
{
	for (char *p = strchr(path + 1, '/'); p != NULL; p = strchr(p + 1, '/')) {
		*p = '\0';
		if (mkdir(path, 0755) != 0 && errno != EEXIST) {
			*p = '/';
			return -1;
		}
		*p = '/';
	}
	return 0;
}

static int
write_file(const char *path, const char *text, size_t n)
{
	FILE *f = fopen(path, "wb");
	int rc = 0;

	if (f == NULL) {
		return -1;
	}
	for (size_t i = 0; i < n; i++) {
		if (text[i] == '\\' && i + 1 < n && text[i + 1] == 'n') {
			rc |= fputc('\n', f) == EOF;
			i++;
		} else {
			rc |= fputc(text[i], f) == EOF;
		}
	}
	rc |= fclose(f) != 0;
	return rc ? -1 : 0;
}

char *
pl_test_make_context(const char *dockerfile, const char *files)
{
	char tmpl[] = "/tmp/plimsoll-ctx-XXXXXX", path[4096];
	const char *line = files != NULL ? files : "";

	if (mkdtemp(tmpl) == NULL) {
		return NULL;
	}
	snprintf(path, sizeof(path), "%s/Dockerfile", tmpl);
	if (write_file(path, dockerfile, strlen(dockerfile)) != 0) {
		pl_test_remove_tree(tmpl);
		return NULL;
	}
	while (*line != '\0') {
		size_t n = strcspn(line, "\n");
		const char *colon = memchr(line, ':', n);
		size_t name = colon != NULL ? (size_t)(colon - line) : n;
		int rc;

		if (n == 0) {
			line++;
			continue;
		}
		snprintf(path, sizeof(path), "%s/%.*s", tmpl, (int)name, line);
		rc = make_parents(path);
		if (rc == 0 && path[strlen(path) - 1] == '/') {
			rc = mkdir(path, 0755) != 0 && errno != EEXIST ? -1 : 0;
		} else if (rc == 0) {
			const char *text = colon != NULL ? colon + 1 : "";
			size_t tn = colon != NULL ? n - name - 1 : 0;

			while (tn > 0 && *text == ' ') {
				text++;
				tn--;
			}
			rc = write_file(path, text, tn);
		}
		if (rc != 0) {
			pl_test_remove_tree(tmpl);
			return NULL;
		}
		line += n + (line[n] == '\n');
	}
	return strdup(tmpl);
}

static int
remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

void
pl_test_remove_tree(const char *dir)
{
	if (dir != NULL && strncmp(dir, "/tmp/plimsoll-ctx-", 18) == 0) {
		nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
	}
}
