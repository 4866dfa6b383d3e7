/*
 * rule_test.c -- runs one rule's test file (tests/rules/<ID>.test).
 *
 * A test file is a list of cases a reviewer can read without running anything:
 *
 *   === untagged image [bad]
 *   --- dockerfile
 *   FROM debian
 *   --- expect
 *   1:1 DF0002 base-image-unpinned
 *
 * Each case is parsed and scanned with every rule; the findings of the file's rule
 * ("line:col ID name", in report order) must equal the expect block, where "(none)"
 * means no finding. A `--- compose` block instead of `--- dockerfile` is a Compose file.
 * A `--- files` block lists files of a build context made for the case (one per line:
 * "PATH", "PATH: TEXT" with \n for line breaks, "PATH/" for a folder); the Dockerfile is
 * then scanned from disk with that context. An optional `--- config` block is a .plimsoll.yaml for the case.
 * An `--- inspect` block is `docker inspect` output (JSON), a `--- k8s` block a Kubernetes
 * manifest (read as a .yaml file named on the command line). A `--- script NAME` block is a
 * shell script, Makefile or Markdown file named NAME (run.sh, Makefile, README.md), read
 * for its docker command lines.
 * Every file needs at least one [bad] and one [good] case.
 * Usage: rule_test FILE.test   (the rule id is the file's base name; a file named after
 * no rule, such as suppress.test, expects the findings of every rule)
 */
#include "support.h"
#include "core/buf.h"
#include "core/source.h"
#include "engine/config.h"
#include "engine/finding.h"
#include "engine/run.h"
#include "model/dockerfile.h"
#include "parse/dockerfile.h"

#include <stdbool.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct tcase {
	char *title;
	char *kind;
	struct pl_buf dockerfile, compose, k8s, expect, config, inspect, files, script;
	char *script_name;
	int line;
};

static int
run_case(struct tcase *c, const char *id, const char *path)
{
	bool all = pl_rule_find(id) == NULL;
	struct pl_source src;
	struct pl_df_file file;
	struct pl_df_error err;
	struct pl_df_model m;
	struct pl_arena a;
	struct pl_report r;
	struct pl_config cfg;
	struct pl_buf got;
	char *want = c->expect.p ? c->expect.p : "";
	size_t i, wn = strlen(want);
	int ok;

	/* Blank lines separate cases; they are not part of the expectation. */
	while (wn >= 2 && want[wn - 1] == '\n' && want[wn - 2] == '\n') {
		want[--wn] = '\0';
	}

	pl_config_init(&cfg);
	pl_source_from_mem(&src, "Dockerfile", c->dockerfile.p ? c->dockerfile.p : "",
			   c->dockerfile.n);
	pl_arena_init(&a);
	pl_report_init(&r);
	pl_buf_init(&got);
	if (c->config.n > 0 && pl_test_load_config(c->config.p, &cfg, &r) != 0) {
		pl_buf_printf(&got, "config error: %s\n", r.nerrors ? r.errors[0].message : "?");
	} else if (c->script_name != NULL) {
		struct pl_scan_opts so = { .config = c->config.n > 0 ? &cfg : NULL };
		struct pl_source ssrc;

		pl_source_from_mem(&ssrc, c->script_name, c->script.p ? c->script.p : "",
				   c->script.n);
		if (pl_scan_script_source(&r, &ssrc, c->script_name, &so) != 0) {
			pl_buf_printf(&got, "error %s\n", r.errors[0].message);
		}
		for (i = 0; i < r.nnotes; i++) {
			pl_buf_printf(&got, "note %s\n", r.notes[i].message);
		}
		pl_report_sort(&r);
		for (i = 0; i < r.nfindings; i++) {
			const struct pl_finding *f = &r.findings[i];

			if (all || strcmp(f->rule->id, id) == 0) {
				pl_buf_printf(&got, "%u:%u %s %s\n", f->line, f->col, f->rule->id,
					      f->rule->name);
			}
		}
		pl_source_finish(&ssrc);
	} else if (c->inspect.n > 0) {
		struct pl_scan_opts so = { .config = c->config.n > 0 ? &cfg : NULL };
		struct pl_source jsrc;

		pl_source_from_mem(&jsrc, "inspect.json", c->inspect.p, c->inspect.n);
		if (pl_scan_inspect_source(&r, &jsrc, "inspect.json", &so) != 0) {
			pl_buf_printf(&got, "error %u:%u %s\n", r.errors[0].line, r.errors[0].col,
				      r.errors[0].message);
		}
		pl_report_sort(&r);
		for (i = 0; i < r.nfindings; i++) {
			const struct pl_finding *f = &r.findings[i];

			if (all || strcmp(f->rule->id, id) == 0) {
				pl_buf_printf(&got, "%u:%u %s %s\n", f->line, f->col, f->rule->id,
					      f->rule->name);
			}
		}
		pl_source_finish(&jsrc);
	} else if (c->compose.n > 0 || c->k8s.n > 0) {
		struct pl_scan_opts so = { .config = c->config.n > 0 ? &cfg : NULL };
		struct pl_source ysrc;
		bool k8s = c->k8s.n > 0;
		const char *yname = k8s ? "manifest.yaml" : "compose.yaml";

		pl_source_from_mem(&ysrc, yname, k8s ? c->k8s.p : c->compose.p,
				   k8s ? c->k8s.n : c->compose.n);
		if ((k8s ? pl_scan_k8s_source(&r, &ysrc, yname, &so) :
			   pl_scan_compose_source(&r, &ysrc, yname, &so)) != 0) {
			pl_buf_printf(&got, "error %u:%u %s\n", r.errors[0].line, r.errors[0].col,
				      r.errors[0].message);
		}
		for (i = 0; i < r.nnotes; i++) {
			pl_buf_printf(&got, "note %s\n", r.notes[i].message);
		}
		pl_report_sort(&r);
		for (i = 0; i < r.nfindings; i++) {
			const struct pl_finding *f = &r.findings[i];

			if (all || strcmp(f->rule->id, id) == 0) {
				pl_buf_printf(&got, "%u:%u %s %s\n", f->line, f->col, f->rule->id,
					      f->rule->name);
			}
		}
		pl_source_finish(&ysrc);
	} else if (c->files.n > 0) {
		/* A build context: the Dockerfile scanned from disk, beside these files. */
		struct pl_scan_opts so = { .config = c->config.n > 0 ? &cfg : NULL };
		char *dir = pl_test_make_context(c->dockerfile.p ? c->dockerfile.p : "", c->files.p);
		char dpath[4096];

		if (dir == NULL) {
			pl_buf_adds(&got, "cannot make the build context\n");
		} else {
			snprintf(dpath, sizeof(dpath), "%s/Dockerfile", dir);
			if (pl_scan_dockerfile(&r, dpath, "Dockerfile", &so) != 0 && r.nerrors > 0) {
				pl_buf_printf(&got, "error %u:%u %s\n", r.errors[0].line,
					      r.errors[0].col, r.errors[0].message);
			}
			pl_report_sort(&r);
			for (i = 0; i < r.nfindings; i++) {
				const struct pl_finding *f = &r.findings[i];

				if (all || strcmp(f->rule->id, id) == 0) {
					pl_buf_printf(&got, "%u:%u %s %s\n", f->line, f->col,
						      f->rule->id, f->rule->name);
				}
			}
			pl_test_remove_tree(dir);
			free(dir);
		}
	} else if (pl_df_parse(&src, &a, &file, &err) != 0) {
		struct pl_pos p = pl_source_pos(&src, err.off);

		pl_buf_printf(&got, "error %u:%u %s\n", p.line, p.col, err.message);
	} else {
		pl_df_model_build(&file, NULL, &a, &m);
		pl_run_dockerfile_rules(&r, &m, "Dockerfile", c->config.n > 0 ? &cfg : NULL);
		pl_report_sort(&r);
		for (i = 0; i < r.nfindings; i++) {
			const struct pl_finding *f = &r.findings[i];

			if (all || strcmp(f->rule->id, id) == 0) {
				pl_buf_printf(&got, "%u:%u %s %s\n", f->line, f->col, f->rule->id,
					      f->rule->name);
			}
		}
	}
	if (got.n == 0) {
		pl_buf_adds(&got, "(none)\n");
	}
	ok = strcmp(got.p, want) == 0;
	if (!ok) {
		printf("FAIL %s:%d: %s [%s]\n--- expected\n%s--- got\n%s", path, c->line, c->title,
		       c->kind, want, got.p);
		for (i = 0; i < r.nfindings; i++) {
			if (strcmp(r.findings[i].rule->id, id) == 0) {
				printf("    (%s)\n", r.findings[i].message);
			}
		}
	}
	pl_buf_finish(&got);
	pl_report_finish(&r);
	pl_config_finish(&cfg);
	pl_arena_finish(&a);
	pl_source_finish(&src);
	return ok;
}

int
main(int argc, char **argv)
{
	const char *path, *base, *dot;
	char id[32], *text, *line, *next;
	struct tcase c = { 0 };
	struct pl_buf *section = NULL;
	int lineno = 0, pass = 0, fail = 0, bad = 0, good = 0, in_case = 0;

	if (argc != 2) {
		fprintf(stderr, "usage: rule_test FILE.test\n");
		return 2;
	}
	path = argv[1];
	base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	dot = strchr(base, '.');
	snprintf(id, sizeof(id), "%.*s", (int)(dot ? dot - base : (long)strlen(base)), base);
	if ((text = pl_test_slurp(path, NULL)) == NULL) {
		fprintf(stderr, "%s: cannot read\n", path);
		return 2;
	}
	for (line = text; line != NULL; line = next) {
		next = strchr(line, '\n');
		if (next != NULL) {
			*next++ = '\0';
		}
		lineno++;
		if (strncmp(line, "=== ", 4) == 0 || (next == NULL && line[0] == '\0')) {
			if (in_case) {
				if (run_case(&c, id, path)) {
					pass++;
				} else {
					fail++;
				}
				bad += strcmp(c.kind, "bad") == 0;
				good += strcmp(c.kind, "good") == 0;
				pl_buf_finish(&c.dockerfile);
				pl_buf_finish(&c.compose);
				pl_buf_finish(&c.k8s);
				pl_buf_finish(&c.expect);
				pl_buf_finish(&c.config);
				pl_buf_finish(&c.inspect);
				pl_buf_finish(&c.files);
				pl_buf_finish(&c.script);
				free(c.script_name);
				free(c.title);
				free(c.kind);
				memset(&c, 0, sizeof(c));
			}
			if (next == NULL && line[0] == '\0') {
				break;
			}
			in_case = 1;
			c.line = lineno;
			{
				char *lb = strrchr(line, '['), *rb = strrchr(line, ']');

				if (lb == NULL || rb == NULL || rb < lb) {
					fprintf(stderr, "%s:%d: case title needs [bad], [good] or "
						"[edge]\n", path, lineno);
					return 2;
				}
				c.kind = strndup(lb + 1, (size_t)(rb - lb - 1));
				while (lb > line + 4 && lb[-1] == ' ') {
					lb--;
				}
				c.title = strndup(line + 4, (size_t)(lb - line - 4));
			}
			section = NULL;
			continue;
		}
		if (strcmp(line, "--- dockerfile") == 0) {
			section = &c.dockerfile;
			continue;
		}
		if (strcmp(line, "--- compose") == 0) {
			section = &c.compose;
			continue;
		}
		if (strcmp(line, "--- inspect") == 0) {
			section = &c.inspect;
			continue;
		}
		if (strncmp(line, "--- script ", 11) == 0 && line[11] != '\0') {
			free(c.script_name);
			c.script_name = strdup(line + 11);
			section = &c.script;
			continue;
		}
		if (strcmp(line, "--- k8s") == 0) {
			section = &c.k8s;
			continue;
		}
		if (strcmp(line, "--- expect") == 0) {
			section = &c.expect;
			continue;
		}
		if (strcmp(line, "--- config") == 0) {
			section = &c.config;
			continue;
		}
		if (strcmp(line, "--- files") == 0) {
			section = &c.files;
			continue;
		}
		if (section != NULL) {
			pl_buf_adds(section, line);
			pl_buf_addc(section, '\n');
		}
	}
	free(text);
	if (bad == 0 || good == 0) {
		printf("FAIL %s: needs at least one [bad] and one [good] case\n", path);
		fail++;
	}
	printf("%s: %d passed, %d failed\n", id, pass, fail);
	return fail == 0 ? 0 : 1;
}
