/*
 * real_k8s.c -- every manifest of $PL_SHARED/corpus/real-k8s loads, builds a model and runs
 * through every rule without an error or a crash.
 *
 * The files are Kubernetes' own examples and sample applications: flow-style YAML,
 * batch/v1beta1 CronJobs, JSON, multi-document files with Services and ServiceAccounts,
 * templates with placeholders in their values. An error here means plimsoll would refuse
 * a manifest that kubectl accepts. Exits 77 (skipped) when the corpus is absent.
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
	size_t workloads = 0;
	int n, i, files = 0, fail = 0;

	if (shared == NULL) {
		printf("PL_SHARED is not set: skipped\n");
		return 77;
	}
	snprintf(dir, sizeof(dir), "%s/corpus/real-k8s", shared);
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
			pl_scan_k8s(&r, path, d, NULL);
		}
		free(names[i]);
	}
	free(names);
	for (size_t k = 0; k < r.nerrors; k++) {
		printf("FAIL %s:%u:%u: %s\n", r.errors[k].file, r.errors[k].line, r.errors[k].col,
		       r.errors[k].message);
		fail++;
	}
	/* Every file holds a workload: each is scanned, none skipped as a template. */
	for (size_t k = 0; k < r.nnotes; k++) {
		printf("FAIL %s: skipped: %s\n", r.notes[k].file, r.notes[k].message);
		fail++;
	}
	for (size_t k = 0; k < r.nfindings; k++) {
		workloads += strcmp(r.findings[k].rule->id, "K8S0022") == 0;
	}
	printf("real-k8s: %d files, %zu findings, %zu pods without a token opt-out, %d passed, "
	       "%d failed\n", files, r.nfindings, workloads, files - fail, fail);
	pl_report_finish(&r);
	return fail == 0 && files >= 140 ? 0 : 1;
}
