/*
 * fuzz_compose.c -- libFuzzer target: a Compose project of one or two files (the input
 * split at the first line "---8<---"), merged by the Compose model, `extends` followed,
 * and every Compose rule run over it.
 *
 * The second file overrides the first, as compose.override.yaml does, so that the merge
 * lookups meet services, settings and sequences of any shape in both. Any input must end
 * in an error or a report; a crash, a sanitizer report, a leak or a hang is a bug. Kept
 * crashers live in fuzz/corpus/compose and are replayed by the test suite.
 */
#include "core/source.h"
#include "engine/finding.h"
#include "engine/run.h"
#include "model/compose.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char cut[] = "\n---8<---\n";

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data, *mid = NULL;
	struct pl_source src[2];
	struct pl_yaml_error err;
	struct pl_compose c;
	struct pl_arena a;
	struct pl_report r;
	size_t n = 1, len = size;
	int rc;

	for (size_t i = 0; i + sizeof(cut) - 1 <= size; i++) {
		if (memcmp(text + i, cut, sizeof(cut) - 1) == 0) {
			mid = text + i + sizeof(cut) - 1;
			len = i;
			n = 2;
			break;
		}
	}
	pl_source_from_mem(&src[0], "compose.yaml", text, len);
	if (n == 2) {
		pl_source_from_mem(&src[1], "compose.override.yaml", mid,
				   size - (size_t)(mid - text));
	}
	pl_arena_init(&a);
	pl_report_init(&r);
	pl_compose_init(&c, &a);
	rc = pl_compose_add(&c, &src[0], "compose.yaml", &err);
	if (rc == 0 && n == 2) {
		rc = pl_compose_add(&c, &src[1], "compose.override.yaml", &err);
	}
	if (rc == 0) {
		pl_compose_resolve(&c);
		pl_run_compose_rules(&r, &c, "compose.yaml", NULL);
		pl_report_sort(&r);
	}
	pl_compose_finish(&c);
	pl_report_finish(&r);
	pl_arena_finish(&a);
	for (size_t i = 0; i < n; i++) {
		pl_source_finish(&src[i]);
	}
	return 0;
}
