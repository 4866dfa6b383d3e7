/*
 * fuzz_ctxsrc.c -- libFuzzer target: COPY/ADD source resolution in a build context.
 *
 * The context is a fixed listing built in memory (files, directories, an excluded and a
 * skipped directory, links inside, outside and in a loop), so no file system is touched.
 * The input's first line is resolved as a source, plainly and with --parents; its second
 * line, when there is one, serves as the ignore file's pattern for the excluded entries.
 */
#include "model/context.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Sorted by path, as pl_ctx_walk leaves them. */
static const struct {
	const char *path;
	enum pl_ctx_type type;
	const char *link;
	bool excluded, pruned;
} listing[] = {
	{ ".env", PL_CTX_FILE, NULL, true, false },
	{ "a-b", PL_CTX_DIR, NULL, false, false },
	{ "a-b/c", PL_CTX_FILE, NULL, false, false },
	{ "abs", PL_CTX_SYMLINK, "/src/app.py", false, false },
	{ "dirlink", PL_CTX_SYMLINK, "src", false, false },
	{ "loop1", PL_CTX_SYMLINK, "loop2/x", false, false },
	{ "loop2", PL_CTX_SYMLINK, "./loop1/", false, false },
	{ "node_modules", PL_CTX_DIR, NULL, true, true },
	{ "out", PL_CTX_SYMLINK, "../../../etc/passwd", false, false },
	{ "src", PL_CTX_DIR, NULL, false, false },
	{ "src/app.py", PL_CTX_FILE, NULL, false, false },
	{ "src/lib", PL_CTX_DIR, NULL, false, false },
	{ "src/lib/data.json", PL_CTX_FILE, NULL, true, false },
	{ "src/lib/up", PL_CTX_SYMLINK, "../..", false, false },
	{ "src/lib/util.py", PL_CTX_FILE, NULL, false, false },
};

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	enum { N = sizeof(listing) / sizeof(listing[0]) };
	struct pl_ctx_entry entries[N];
	struct pl_dockerignore di;
	struct pl_ctx_source s;
	struct pl_ctx ctx;
	struct pl_arena a;
	const char *nl = memchr(data, '\n', size);
	size_t first = nl != NULL ? (size_t)(nl - (const char *)data) : size;
	char *src;

	if (first > 4096) {
		return 0;
	}
	pl_arena_init(&a);
	memset(&ctx, 0, sizeof(ctx));
	memset(entries, 0, sizeof(entries));
	if (nl != NULL) {
		const char *p2 = nl + 1, *e2 = memchr(p2, '\n', size - first - 1);
		size_t n2 = e2 != NULL ? (size_t)(e2 - p2) : size - first - 1;

		if (pl_dockerignore_parse(p2, n2, &a, &di, NULL) == 0 && di.npatterns > 0) {
			ctx.ignore = &di;
		}
	}
	for (size_t i = 0; i < N; i++) {
		entries[i].path = listing[i].path;
		entries[i].len = (uint32_t)strlen(listing[i].path);
		entries[i].type = listing[i].type;
		entries[i].link = listing[i].link;
		entries[i].excluded = listing[i].excluded;
		entries[i].pruned = listing[i].pruned;
		entries[i].sent = !listing[i].excluded;
		entries[i].rule = ctx.ignore != NULL && listing[i].excluded ? &di.patterns[0] : NULL;
	}
	ctx.entries = entries;
	ctx.n = N;
	src = malloc(first + 1);
	memcpy(src, data, first);
	src[first] = '\0';
	pl_ctx_resolve(&ctx, src, 0, &a, &s);
	pl_ctx_resolve(&ctx, src, PL_CTX_COPY_PARENTS, &a, &s);
	(void)pl_ctx_classify(src, false);
	(void)pl_ctx_classify(src, true);
	free(src);
	pl_arena_finish(&a);
	return 0;
}
