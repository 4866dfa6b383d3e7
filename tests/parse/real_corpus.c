/*
 * real_corpus.c -- every Dockerfile of $PL_SHARED/corpus/real-dockerfiles parses, builds
 * a model without problems, and runs through every rule without a crash.
 *
 * These are official images and sample applications written by other projects; a parse
 * error here means plimsoll would refuse a file that `docker build` accepts. Exits 77
 * (skipped) when the corpus is absent.
 */
#include "core/source.h"
#include "engine/finding.h"
#include "engine/run.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int
main(void)
{
	const char *shared = getenv("PL_SHARED");
	char dir[4096], path[8192];
	struct dirent **names;
	struct pl_report r;
	int n, i, files = 0, fail = 0;

	if (shared == NULL) {
		printf("PL_SHARED is not set: skipped\n");
		return 77;
	}
	snprintf(dir, sizeof(dir), "%s/corpus/real-dockerfiles", shared);
	n = scandir(dir, &names, NULL, alphasort);
	if (n < 0) {
		printf("%s is absent: skipped\n", dir);
		return 77;
	}
	pl_report_init(&r);
	for (i = 0; i < n; i++) {
		const char *d = names[i]->d_name;

		if (d[0] != '.' && strcmp(d, "README.md") != 0 && strcmp(d, "MANIFEST.tsv") != 0) {
			snprintf(path, sizeof(path), "%s/%s", dir, d);
			files++;
			pl_scan_dockerfile(&r, path, d, NULL);
		}
		free(names[i]);
	}
	free(names);
	for (size_t k = 0; k < r.nerrors; k++) {
		printf("FAIL %s:%u:%u: %s\n", r.errors[k].file, r.errors[k].line, r.errors[k].col,
		       r.errors[k].message);
		fail++;
	}
	printf("real-dockerfiles: %d files, %zu findings, %d passed, %d failed\n", files,
	       r.nfindings, files - fail, fail);
	pl_report_finish(&r);
	return fail == 0 && files > 500 ? 0 : 1;
}
