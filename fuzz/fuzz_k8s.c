/*
 * fuzz_k8s.c -- libFuzzer target: the multi-document YAML loader, the Kubernetes model and
 * every Kubernetes rule, on arbitrary bytes.
 *
 * The content sniff is fuzzed on the same bytes, then the model is built whatever it
 * says, so that YAML of any shape reaches the rules. Any input must end in an error, a
 * note or a report; a crash, a sanitizer report, a leak or a hang is a bug. Kept crashers
 * live in fuzz/corpus/k8s and are replayed by the test suite.
 */
#include "core/source.h"
#include "engine/finding.h"
#include "engine/run.h"
#include "model/k8s.h"

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pl_source src;
	struct pl_yaml_error err;
	struct pl_k8s k;
	struct pl_arena a;
	struct pl_report r;

	(void)pl_k8s_sniff((const char *)data, size);
	pl_source_from_mem(&src, "manifest.yaml", (const char *)data, size);
	pl_arena_init(&a);
	pl_report_init(&r);
	if (pl_k8s_build(&src, &a, &k, &err) == 0 && k.skipped == NULL) {
		pl_run_k8s_rules(&r, &k, "manifest.yaml", NULL);
		pl_report_sort(&r);
	}
	pl_k8s_finish(&k);
	pl_report_finish(&r);
	pl_arena_finish(&a);
	pl_source_finish(&src);
	return 0;
}
