/*
 * fuzz_dockerignore.c -- libFuzzer target: .dockerignore parsing and matching.
 *
 * The bytes are read as an ignore file; every pattern that survives is then tested
 * against a few fixed paths and against the input's first line used as a path, the way a
 * context walk would, and that line is also tried as a filepath.Match pattern. Any outcome
 * but a crash, a leak or a hang is fine.
 */
#include "core/arena.h"
#include "parse/dockerignore.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const paths[] = {
	"a", "a/b/c", "node_modules/left-pad/index.js", ".env", "src/app.py", "dir/file.txt",
	"README.md", "util/docker/web/foo", "\xff\xfe/x", "a\nb/c.txt",
};

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	const char *nl = memchr(text, '\n', size);
	size_t first = nl != NULL ? (size_t)(nl - text) : size;
	struct pl_dockerignore di;
	struct pl_di_result r;
	struct pl_arena a;
	char *line;

	pl_arena_init(&a);
	(void)pl_dockerignore_parse(text, size, &a, &di, NULL);
	for (size_t i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
		(void)pl_dockerignore_match(&di, paths[i], &r);
	}
	(void)pl_dockerignore_skip_dir(&di, "node_modules");
	(void)pl_dockerignore_skip_dir(&di, "a/b");
	if (first < 4096) {
		line = malloc(first + 1);
		memcpy(line, text, first);
		line[first] = '\0';
		(void)pl_dockerignore_match(&di, line, &r);
		(void)pl_di_filepath_match(line, first, "a/b.c", 5);
		(void)pl_di_filepath_match("*/[a-c]?.?", 10, line, first);
		free(line);
	}
	pl_arena_finish(&a);
	return 0;
}
