/*
 * conformance.c -- plimsoll's Dockerfile parser against BuildKit's own parser tests.
 *
 * Reads $PL_SHARED/corpus/buildkit-parser and checks, case by case:
 *   testfiles/<case>      `parse --dump` output equals BuildKit's `result` byte for byte;
 *   testfiles-negative/   every case is rejected;
 *   testfile-line/        instruction line ranges (FROM 5-5, ENV 11-12, RUN 17-31);
 *   heredoc/vectors.json  heredoc names, bodies, expand/chomp flags and descriptors, for
 *                         the vectors that exercise the parser ("parse",
 *                         "parse_heredoc_word", "heredocs_from_line").
 * Exits 77 (skipped) when the shared corpus is absent.
 */
#include "support.h"
#include "core/buf.h"
#include "core/source.h"
#include "parse/dockerfile.h"

#include <dirent.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int pass, fail;

static void
result(int ok, const char *what, const char *detail)
{
	if (ok) {
		pass++;
	} else {
		fail++;
		printf("FAIL %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
	}
}

/* Parses TEXT; returns 0 and fills FILE, or -1. */
static int
parse(const char *name, const char *text, size_t n, struct pl_source *src, struct pl_arena *a,
      struct pl_df_file *file, struct pl_df_error *err)
{
	pl_source_from_mem(src, name, text, n);
	pl_arena_init(a);
	return pl_df_parse(src, a, file, err);
}

static void
positive(const char *root)
{
	char dir[4200], path[4600];
	struct dirent **names;
	int n, i;

	snprintf(dir, sizeof(dir), "%s/testfiles", root);
	n = scandir(dir, &names, NULL, alphasort);
	for (i = 0; i < n; i++) {
		char *text, *want;
		size_t tn, wn;
		struct pl_source src;
		struct pl_arena a;
		struct pl_df_file file;
		struct pl_df_error err;
		struct pl_buf out;

		if (names[i]->d_name[0] == '.') {
			free(names[i]);
			continue;
		}
		snprintf(path, sizeof(path), "%s/%s/Dockerfile", dir, names[i]->d_name);
		text = pl_test_slurp(path, &tn);
		snprintf(path, sizeof(path), "%s/%s/result", dir, names[i]->d_name);
		want = pl_test_slurp(path, &wn);
		if (text == NULL || want == NULL) {
			result(0, names[i]->d_name, "unreadable case");
		} else if (parse(names[i]->d_name, text, tn, &src, &a, &file, &err) != 0) {
			result(0, names[i]->d_name, err.message);
			pl_arena_finish(&a);
			pl_source_finish(&src);
		} else {
			pl_buf_init(&out);
			pl_df_dump(&file, &out);
			result(out.n == wn && memcmp(out.p, want, wn) == 0, names[i]->d_name,
			       "dump differs from BuildKit's result");
			if (out.n != wn || memcmp(out.p, want, wn) != 0) {
				printf("--- want\n%s--- got\n%s", want, out.p ? out.p : "");
			}
			pl_buf_finish(&out);
			pl_arena_finish(&a);
			pl_source_finish(&src);
		}
		free(text);
		free(want);
		free(names[i]);
	}
	free(names);
	result(n > 30, "testfiles", "fewer cases than expected");
}

static void
negative(const char *root)
{
	char dir[4200], path[4600];
	struct dirent **names;
	int n, i;

	snprintf(dir, sizeof(dir), "%s/testfiles-negative", root);
	n = scandir(dir, &names, NULL, alphasort);
	for (i = 0; i < n; i++) {
		char *text;
		size_t tn;
		struct pl_source src;
		struct pl_arena a;
		struct pl_df_file file;
		struct pl_df_error err;

		if (names[i]->d_name[0] == '.') {
			free(names[i]);
			continue;
		}
		snprintf(path, sizeof(path), "%s/%s/Dockerfile", dir, names[i]->d_name);
		text = pl_test_slurp(path, &tn);
		if (text == NULL) {
			result(0, names[i]->d_name, "unreadable case");
		} else {
			result(parse(names[i]->d_name, text, tn, &src, &a, &file, &err) != 0,
			       names[i]->d_name, "accepted, BuildKit rejects it");
			pl_arena_finish(&a);
			pl_source_finish(&src);
		}
		free(text);
		free(names[i]);
	}
	free(names);
	result(n >= 4, "testfiles-negative", "fewer cases than expected");
}

static void
lines(const char *root)
{
	static const unsigned want[3][2] = { { 5, 5 }, { 11, 12 }, { 17, 31 } };
	char path[4200];
	char *text;
	size_t tn;
	struct pl_source src;
	struct pl_arena a;
	struct pl_df_file file;
	struct pl_df_error err;
	int k;

	snprintf(path, sizeof(path), "%s/testfile-line/Dockerfile", root);
	if ((text = pl_test_slurp(path, &tn)) == NULL) {
		result(0, "testfile-line", "unreadable");
		return;
	}
	if (parse("testfile-line", text, tn, &src, &a, &file, &err) != 0 || file.ninstrs != 3) {
		result(0, "testfile-line", "parse failed or wrong instruction count");
	} else {
		for (k = 0; k < 3; k++) {
			char what[64];

			snprintf(what, sizeof(what), "testfile-line instruction %d lines", k);
			result(file.instrs[k].start_line == want[k][0] &&
				       file.instrs[k].end_line == want[k][1],
			       what, "line range differs");
		}
	}
	pl_arena_finish(&a);
	pl_source_finish(&src);
	free(text);
}

static void
check_heredocs(const char *name, const struct pl_df_instr *in, json_t *expect)
{
	size_t k, n = json_array_size(expect);
	char what[256];

	snprintf(what, sizeof(what), "%s instruction %s", name, in->keyword);
	if (in->nheredocs != n) {
		char d[64];

		snprintf(d, sizeof(d), "%zu heredocs, want %zu", in->nheredocs, n);
		result(0, what, d);
		return;
	}
	for (k = 0; k < n; k++) {
		json_t *h = json_array_get(expect, k);
		const struct pl_df_heredoc *g = &in->heredocs[k];

		result(strcmp(g->name, json_string_value(json_object_get(h, "name"))) == 0 &&
			       strcmp(g->content, json_string_value(json_object_get(h, "content"))) ==
				       0 &&
			       g->expand == json_is_true(json_object_get(h, "expand")) &&
			       g->chomp == json_is_true(json_object_get(h, "chomp")) &&
			       g->fd == (unsigned)json_integer_value(json_object_get(h,
										 "fileDescriptor")),
		       what, g->name);
	}
}

static void
heredoc_vectors(const char *root)
{
	char path[4200];
	json_error_t jerr;
	json_t *all, *v;
	size_t i;

	snprintf(path, sizeof(path), "%s/heredoc/vectors.json", root);
	all = json_load_file(path, 0, &jerr);
	if (all == NULL) {
		result(0, "heredoc/vectors.json", jerr.text);
		return;
	}
	json_array_foreach(all, i, v) {
		const char *kind = json_string_value(json_object_get(v, "kind"));
		const char *name = json_string_value(json_object_get(v, "name"));
		bool want_err = json_is_true(json_object_get(v, "expect_error"));
		struct pl_source src;
		struct pl_arena a;
		struct pl_df_file file;
		struct pl_df_error err;
		struct pl_buf doc;

		if (strcmp(kind, "parse") == 0) {
			const char *text = json_string_value(json_object_get(v, "dockerfile"));
			json_t *ex, *e;
			size_t k;

			if (parse(name, text, strlen(text), &src, &a, &file, &err) != 0) {
				result(0, name, err.message);
			} else {
				ex = json_object_get(v, "expect");
				json_array_foreach(ex, k, e) {
					size_t idx = (size_t)json_integer_value(json_object_get(e, "index"));

					if (!json_is_true(json_object_get(e, "asserted"))) {
						continue;
					}
					if (idx >= file.ninstrs) {
						result(0, name, "missing instruction");
						continue;
					}
					check_heredocs(name, &file.instrs[idx], json_object_get(e, "heredocs"));
				}
			}
			pl_arena_finish(&a);
			pl_source_finish(&src);
		} else if (strcmp(kind, "parse_heredoc_word") == 0) {
			const char *input = json_string_value(json_object_get(v, "input"));
			json_t *one = json_object_get(v, "expect_heredoc");
			struct pl_df_heredoc h;
			int rc;

			pl_arena_init(&a);
			rc = pl_df_heredoc_word(input, &a, &h);
			if (want_err) {
				result(rc < 0, name, "accepted a delimiter BuildKit rejects");
			} else if (json_is_object(one)) {
				result(rc == 1 && strcmp(h.name, json_string_value(json_object_get(
									one, "name"))) == 0,
				       name, "heredoc name differs");
			} else {
				result(rc == 0, name, "a word BuildKit does not take as a heredoc");
			}
			pl_arena_finish(&a);
		} else if (strcmp(kind, "heredocs_from_line") == 0) {
			const char *input = json_string_value(json_object_get(v, "input"));
			json_t *want_names = json_object_get(v, "expect_heredoc_names");
			json_t *one = NULL;
			size_t k, nwant;
			int rc;

			/* A RUN line with the word, followed by bodies for every name wanted. */
			pl_buf_init(&doc);
			pl_buf_printf(&doc, "FROM scratch\n%s\n", input);
			nwant = 0;
			if (json_is_array(want_names)) {
				nwant = json_array_size(want_names);
				for (k = 0; k < nwant; k++) {
					pl_buf_printf(&doc, "body\n%s\n",
						      json_string_value(json_array_get(want_names, k)));
				}
			} else if (json_is_object(one)) {
				nwant = 1;
				pl_buf_printf(&doc, "body\n%s\n",
					      json_string_value(json_object_get(one, "name")));
			}
			rc = parse(name, doc.p, doc.n, &src, &a, &file, &err);
			if (want_err) {
				result(rc != 0, name, "accepted a heredoc delimiter BuildKit rejects");
			} else if (rc != 0) {
				result(0, name, err.message);
			} else if (file.ninstrs < 2) {
				result(0, name, "instruction missing");
			} else if (nwant == 0) {
				result(file.instrs[1].nheredocs == 0, name, "found a heredoc");
			} else {
				const struct pl_df_instr *in = &file.instrs[1];
				bool ok = in->nheredocs == nwant;

				for (k = 0; ok && k < nwant; k++) {
					const char *w = json_is_array(want_names)
						? json_string_value(json_array_get(want_names, k))
						: json_string_value(json_object_get(one, "name"));

					ok = strcmp(in->heredocs[k].name, w) == 0;
				}
				result(ok, name, "heredoc names differ");
			}
			pl_arena_finish(&a);
			pl_source_finish(&src);
			pl_buf_finish(&doc);
		}
	}
	json_decref(all);
}

int
main(void)
{
	const char *shared = getenv("PL_SHARED");
	char root[4000];
	struct stat st;

	if (shared == NULL) {
		printf("PL_SHARED is not set: skipped\n");
		return 77;
	}
	snprintf(root, sizeof(root), "%s/corpus/buildkit-parser", shared);
	if (stat(root, &st) != 0) {
		printf("%s is absent: skipped\n", root);
		return 77;
	}
	positive(root);
	negative(root);
	lines(root);
	heredoc_vectors(root);
	printf("buildkit conformance: %d passed, %d failed\n", pass, fail);
	return fail == 0 ? 0 : 1;
}
