/*
 * run_compose.c -- scanning a Compose file: load, build the model, run every Compose rule
 * once over it, apply the file's ignore comments.
 */
#include "engine/run.h"
#include "core/limits.h"
#include "engine/secrets_scan.h"
#include "engine/suppress.h"
#include "model/compose.h"

#include <string.h>
#include <unistd.h>

void
pl_run_compose_rules(struct pl_report *r, const struct pl_compose *c, const char *file,
		     const struct pl_config *cfg)
{
	static const struct pl_config defaults = { .pin_policy = PL_PIN_PATCH };
	struct pl_check ck = { .src = c->src, .compose = c, .r = r, .file = file,
				.cfg = cfg ? cfg : &defaults };
	size_t i, first = r->nfindings;

	for (i = 0; i < pl_nrules; i++) {
		const struct pl_rule *rule = pl_rules[i];
		int sev;

		if (!(rule->inputs & PL_IN_COMPOSE) || rule->check_compose == NULL) {
			continue;
		}
		sev = cfg != NULL ? pl_config_severity(cfg, rule, file) : (int)rule->severity;
		if (sev < 0) {
			continue;
		}
		ck.rule = rule;
		ck.severity = (enum pl_severity)sev;
		rule->check_compose(&ck, c);
	}
	pl_secrets_check_compose(&ck, c, first);
	r->suppressed += pl_suppress_apply_yaml(r, first, c->src, c->arena);
	/* Findings in the .env and env_file files: the Compose file's ignore comments do
	 * not apply. */
	pl_secrets_check_compose_files(&ck, c);
}

/* Reads DIR/.env, the variables Compose interpolates the file with. Returns 0 with *ENV,
 * or -1 when there is no .env or it cannot be used (the error is then in R: Compose
 * refuses a project whose .env it cannot read). */
static int
load_dotenv(struct pl_report *r, const char *dir, struct pl_arena *a, struct pl_dotenv *env)
{
	char *path = pl_arena_printf(a, "%s/.env", dir);
	struct pl_dotenv_error err;
	struct pl_source src;
	const char *why, *name;
	int rc = 0;

	if (access(path, F_OK) != 0) {
		return -1;
	}
	name = pl_arena_strdup(&r->arena, strcmp(dir, ".") == 0 ? ".env" : path);
	if (pl_source_read(&src, path, name, &why) != 0) {
		pl_report_error(r, name, 0, 0, "%s", why);
		return -1;
	}
	if (pl_dotenv_parse(src.text, src.len, NULL, NULL, a, env, &err) != 0) {
		pl_report_error(r, name, err.line, err.col, "%s", err.message);
		rc = -1;
	}
	pl_source_finish(&src);
	return rc;
}

/* Scans SRC; DIR is the folder of the file on disk (NULL when unknown). */
static int
scan_source(struct pl_report *r, const struct pl_source *src, const char *name, const char *dir,
	    const struct pl_scan_opts *o)
{
	struct pl_yaml_error err;
	struct pl_compose c;
	struct pl_dotenv env;
	struct pl_arena a;
	int rc = 0;

	pl_arena_init(&a);
	if (src->len > PL_MAX_COMPOSE_BYTES) {
		pl_report_error(r, name, 0, 0, "file is larger than the %u MiB limit for Compose "
				"files", PL_MAX_COMPOSE_BYTES / (1024u * 1024u));
		rc = -1;
	} else if (pl_compose_build(src, &a, &c, &err) != 0) {
		pl_report_error(r, name, err.line, err.col, "%s", err.message);
		pl_compose_finish(&c);
		rc = -1;
	} else {
		c.dir = dir;
		if (dir != NULL && load_dotenv(r, dir, &a, &env) == 0) {
			c.env = &env;
		}
		pl_run_compose_rules(r, &c, name, o != NULL ? o->config : NULL);
		pl_compose_finish(&c);
	}
	pl_arena_finish(&a);
	return rc;
}

int
pl_scan_compose_source(struct pl_report *r, const struct pl_source *src, const char *name,
		       const struct pl_scan_opts *o)
{
	return scan_source(r, src, name, NULL, o);
}

int
pl_scan_compose(struct pl_report *r, const char *path, const char *display,
		const struct pl_scan_opts *o)
{
	struct pl_source src;
	const char *why, *name, *slash = strrchr(path, '/');
	char *dir = NULL;
	int rc;

	if (pl_source_read(&src, path, display, &why) != 0) {
		pl_report_error(r, display ? display : path, 0, 0, "%s", why);
		return -1;
	}
	name = pl_arena_strdup(&r->arena, src.name);
	r->files_scanned++;
	if (strcmp(path, "-") != 0) {
		dir = slash == NULL ? pl_arena_strdup(&r->arena, ".")
				    : pl_arena_strndup(&r->arena, path, slash == path ? 1 : (size_t)(slash - path));
	}
	rc = scan_source(r, &src, name, dir, o);
	pl_source_finish(&src);
	return rc;
}
