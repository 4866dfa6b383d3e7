/*
 * meta.c -- checks on the rule catalog itself.
 *
 * Every rule: an id of its family's form, unique and in order; a kebab-case name; every
 * metadata field filled; its own bad example reported by it and its good example not; a
 * test file tests/rules/<ID>.test; and a committed docs/rules page equal to what
 * `plimsoll rules --docs` generates now.
 */
#include "support.h"
#include "core/buf.h"
#include "core/source.h"
#include "engine/config.h"
#include "engine/finding.h"
#include "engine/rule.h"
#include "engine/run.h"
#include "out/catalog.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int pass, fail;

static void
check(int ok, const char *id, const char *what)
{
	if (ok) {
		pass++;
	} else {
		fail++;
		printf("FAIL %s: %s\n", id, what);
	}
}

static bool
filled(const char *s)
{
	return s != NULL && s[0] != '\0';
}

/* ID is a family's prefix and four digits. */
static bool
family_id(const char *id)
{
	static const char *const families[] = { "CLI", "CTX", "DC", "DF", "K8S", "PL", "RT", NULL };

	for (const char *const *f = families; *f != NULL; f++) {
		size_t n = strlen(*f);

		if (strncmp(id, *f, n) == 0 && strlen(id) == n + 4 &&
		    strspn(id + n, "0123456789") == 4) {
			return true;
		}
	}
	return false;
}

/* Number of findings of rule R when scanning TEXT (under R's example configuration). */
static size_t
findings_of(const struct pl_rule *r, const char *text)
{
	struct pl_config cfg;
	bool use_cfg = false;
	struct pl_source src;
	struct pl_df_file file;
	struct pl_df_error err;
	struct pl_df_model m;
	struct pl_arena a;
	struct pl_report rep;
	size_t i, n = 0;

	pl_source_from_mem(&src, "Dockerfile", text, strlen(text));
	pl_arena_init(&a);
	pl_report_init(&rep);
	pl_config_init(&cfg);
	if (r->example_config != NULL) {
		use_cfg = pl_test_load_config(r->example_config, &cfg, &rep) == 0;
		if (!use_cfg) {
			n = (size_t)-1;
		}
	}
	if (n == 0 && (r->inputs & PL_IN_SCRIPT) != 0) {
		struct pl_scan_opts so = { .config = use_cfg ? &cfg : NULL };

		pl_source_finish(&src);
		pl_source_from_mem(&src, "run.sh", text, strlen(text));
		if (pl_scan_script_source(&rep, &src, "run.sh", &so) == 0) {
			for (i = 0; i < rep.nfindings; i++) {
				n += rep.findings[i].rule == r;
			}
		} else {
			n = (size_t)-1;
		}
	} else if (n == 0 && (r->inputs & PL_IN_INSPECT) != 0) {
		struct pl_scan_opts so = { .config = use_cfg ? &cfg : NULL };

		pl_source_finish(&src);
		pl_source_from_mem(&src, "inspect.json", text, strlen(text));
		if (pl_scan_inspect_source(&rep, &src, "inspect.json", &so) == 0) {
			for (i = 0; i < rep.nfindings; i++) {
				n += rep.findings[i].rule == r;
			}
		} else {
			n = (size_t)-1;
		}
	} else if (n == 0 && (r->inputs & (PL_IN_COMPOSE | PL_IN_K8S)) != 0) {
		struct pl_scan_opts so = { .config = use_cfg ? &cfg : NULL };
		bool k8s = (r->inputs & PL_IN_K8S) != 0;
		const char *name = k8s ? "manifest.yaml" : "compose.yaml";

		pl_source_finish(&src);
		pl_source_from_mem(&src, name, text, strlen(text));
		if ((k8s ? pl_scan_k8s_source(&rep, &src, name, &so) :
			   pl_scan_compose_source(&rep, &src, name, &so)) == 0 && rep.nnotes == 0) {
			for (i = 0; i < rep.nfindings; i++) {
				n += rep.findings[i].rule == r;
			}
		} else {
			n = (size_t)-1;
		}
	} else if (n == 0 && r->example_context != NULL) {
		struct pl_scan_opts so = { .config = use_cfg ? &cfg : NULL };
		char *dir = pl_test_make_context(text, r->example_context), dpath[4096];

		if (dir == NULL) {
			n = (size_t)-1;
		} else {
			snprintf(dpath, sizeof(dpath), "%s/Dockerfile", dir);
			if (pl_scan_dockerfile(&rep, dpath, "Dockerfile", &so) == 0) {
				for (i = 0; i < rep.nfindings; i++) {
					n += rep.findings[i].rule == r;
				}
			} else {
				n = (size_t)-1;
			}
			pl_test_remove_tree(dir);
			free(dir);
		}
	} else if (n == 0 && pl_df_parse(&src, &a, &file, &err) == 0) {
		pl_df_model_build(&file, NULL, &a, &m);
		pl_run_dockerfile_rules(&rep, &m, "Dockerfile", use_cfg ? &cfg : NULL);
		for (i = 0; i < rep.nfindings; i++) {
			n += rep.findings[i].rule == r;
		}
	} else if (n == 0) {
		n = (size_t)-1;
	}
	pl_report_finish(&rep);
	pl_config_finish(&cfg);
	pl_arena_finish(&a);
	pl_source_finish(&src);
	return n;
}

static void
same_file(const char *a, const char *b, const char *id)
{
	char *x = pl_test_slurp(a, NULL), *y = pl_test_slurp(b, NULL);

	check(x != NULL && y != NULL && strcmp(x, y) == 0, id,
	      "docs/rules page differs from the rule metadata: run `make docs`");
	free(x);
	free(y);
}

int
main(void)
{
	const char *root = getenv("PL_SOURCE_ROOT");
	char tmpl[] = "/tmp/plimsoll-docs-XXXXXX", path[4096], gen[4096];
	const char *tmp;
	size_t i;
	struct stat st;

	if (root == NULL) {
		fprintf(stderr, "PL_SOURCE_ROOT is not set\n");
		return 2;
	}
	check(pl_nrules >= 10, "catalog", "fewer than 10 rules");
	tmp = mkdtemp(tmpl);
	check(tmp != NULL && pl_docs_write(tmp) == 0, "catalog", "docs generation failed");
	for (i = 0; i < pl_nrules; i++) {
		const struct pl_rule *r = pl_rules[i];
		const char *id = r->id;
		bool kebab = filled(r->name);

		check(family_id(id), id, "id is not of a family's form (CLI0000, CTX0000, DC0000, DF0000, "
		      "K8S0000, PL0000, RT0000)");
		check(i == 0 || strcmp(pl_rules[i - 1]->id, id) < 0, id,
		      "ids are not unique and in order in rules.def");
		for (const char *p = r->name; kebab && *p; p++) {
			kebab = (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-';
		}
		check(kebab, id, "name is not kebab-case");
		check(pl_rule_find(r->name) == r, id, "name is not unique");
		check(filled(r->title) && filled(r->category) && filled(r->why) && filled(r->fix) &&
			      filled(r->bad) && filled(r->good) && r->refs != NULL &&
			      filled(r->refs[0]) && r->peers != NULL,
		      id, "a metadata field is empty");
		check(r->check_instr != NULL || r->check_doc != NULL || r->check_compose != NULL ||
			      r->check_inspect != NULL || r->check_k8s != NULL ||
			      r->check_script != NULL,
		      id,
		      "rule has no check");
		check(r->check_instr == NULL || r->on_instr != 0, id,
		      "check_instr without instruction kinds");
		check(findings_of(r, r->bad) >= 1 && findings_of(r, r->bad) != (size_t)-1, id,
		      "its bad example is not reported");
		check(findings_of(r, r->good) == 0, id, "its good example is reported");
		for (const char *const *p = r->peers; *p != NULL; p++) {
			check(strncmp(*p, "hadolint:", 9) == 0 || strncmp(*p, "trivy:", 6) == 0 ||
				      strncmp(*p, "checkov:", 8) == 0 || strncmp(*p, "kics:", 5) == 0,
			      id, "peer id is not tool:ID");
		}
		snprintf(path, sizeof(path), "%s/tests/rules/%s.test", root, id);
		check(stat(path, &st) == 0, id, "no tests/rules/<ID>.test");
		if (tmp != NULL) {
			snprintf(path, sizeof(path), "%s/docs/rules/%s.md", root, id);
			snprintf(gen, sizeof(gen), "%s/%s.md", tmp, id);
			same_file(path, gen, id);
			unlink(gen);
		}
	}
	if (tmp != NULL) {
		snprintf(path, sizeof(path), "%s/docs/rules/README.md", root);
		snprintf(gen, sizeof(gen), "%s/README.md", tmp);
		same_file(path, gen, "README");
		unlink(gen);
		rmdir(tmp);
	}
	printf("meta: %d passed, %d failed\n", pass, fail);
	return fail == 0 ? 0 : 1;
}
