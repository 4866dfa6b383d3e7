/*
 * fuzz_dockerfile.c -- libFuzzer target: the Dockerfile parser, the BuildKit dump, the
 * model and every rule, on arbitrary bytes.
 *
 * Any input must end in a parse error or a report; a crash, a sanitizer report, a leak or
 * a hang is a bug. Kept crashers live in fuzz/corpus/dockerfile and are replayed by the
 * test suite.
 */
#include "core/buf.h"
#include "core/source.h"
#include "engine/finding.h"
#include "engine/run.h"
#include "model/dockerfile.h"
#include "parse/dockerfile.h"

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pl_source src;
	struct pl_df_file file;
	struct pl_df_error err;
	struct pl_df_model m;
	struct pl_arena a;
	struct pl_report r;
	struct pl_buf dump;

	pl_source_from_mem(&src, "Dockerfile", (const char *)data, size);
	pl_arena_init(&a);
	if (pl_df_parse(&src, &a, &file, &err) == 0) {
		pl_buf_init(&dump);
		pl_df_dump(&file, &dump);
		pl_buf_finish(&dump);
		pl_df_model_build(&file, NULL, &a, &m);
		pl_report_init(&r);
		pl_run_dockerfile_rules(&r, &m, "Dockerfile", NULL);
		pl_report_sort(&r);
		pl_report_finish(&r);
	}
	pl_arena_finish(&a);
	pl_source_finish(&src);
	return 0;
}
