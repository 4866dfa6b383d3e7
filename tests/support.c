/*
 * support.c -- helpers shared by the test programs: reading files, loading settings.
 */
#include "support.h"
#include "core/buf.h"

#include <stdio.h>
#include <stdlib.h>
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
