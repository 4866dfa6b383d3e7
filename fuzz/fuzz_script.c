/*
 * fuzz_script.c -- libFuzzer target: docker command lines in shell scripts, Makefiles and
 * Markdown files, through the model and every CLI rule, on arbitrary bytes.
 *
 * The first byte chooses how the rest is read (0 a shell script, 1 a Makefile, 2 a
 * Markdown file), so that one corpus reaches all three extractors. Any input must end in
 * a report; a crash, a sanitizer report, a leak or a hang is a bug. Kept crashers live
 * in fuzz/corpus/script and are replayed by the test suite.
 */
#include "core/source.h"
#include "engine/finding.h"
#include "engine/run.h"
#include "model/script.h"

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const names[] = { "run.sh", "Makefile", "README.md" };
	struct pl_source src;
	struct pl_report r;
	const char *name;

	if (size == 0) {
		return 0;
	}
	name = names[data[0] % 3];
	(void)pl_script_shebang((const char *)data + 1, size - 1);
	pl_source_from_mem(&src, name, (const char *)data + 1, size - 1);
	pl_report_init(&r);
	pl_scan_script_source(&r, &src, name, NULL);
	pl_report_sort(&r);
	pl_report_finish(&r);
	pl_source_finish(&src);
	return 0;
}
