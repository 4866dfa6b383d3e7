/*
 * CLI0011 -- a literal secret on the command line: `-e NAME=value`, `--env NAME=value`
 * on docker run and create, `--build-arg NAME=value` on docker build.
 *
 * A name is secret-like when it holds PASSWORD, PASSWD, SECRET, TOKEN, API_KEY, APIKEY,
 * ACCESS_KEY, PRIVATE_KEY or CREDENTIAL and does not end in _FILE, _PATH, _DIR, _ID,
 * _NAME, _USER, _URL (a reference to the secret, not the secret) or _TTL, _EXPIRY,
 * _LENGTH, _TIMEOUT, _TYPE, _ENABLED, _HEADER (a setting about it). Values that are an
 * expansion ($DB_PASSWORD), a placeholder (<password>, {{ }}, ..., xxx, ***), empty, or
 * `-e NAME` alone (passed from the environment) are not reported. The message never shows
 * the value: at most its first four characters and its length.
 */
#include "core/str.h"
#include "rules/cli/util.h"

#include <stdio.h>

static bool
secret_name(const char *name, size_t n)
{
	static const char *const words[] = { "PASSWORD", "PASSWD", "SECRET", "TOKEN", "API_KEY",
					     "APIKEY", "ACCESS_KEY", "PRIVATE_KEY", "CREDENTIAL",
					     NULL };
	static const char *const refs[] = { "_FILE", "_PATH", "_DIR", "_ID", "_NAME", "_USER",
					    "_URL", "_TTL", "_EXPIRY", "_LENGTH", "_TIMEOUT",
					    "_TYPE", "_ENABLED", "_HEADER", NULL };
	char up[128];
	bool hit = false;

	if (n == 0 || n >= sizeof(up)) {
		return false;
	}
	for (size_t i = 0; i < n; i++) {
		char c = name[i];

		up[i] = c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c == '-' ? '_' : c;
	}
	up[n] = '\0';
	for (const char *const *w = words; *w != NULL && !hit; w++) {
		hit = strstr(up, *w) != NULL;
	}
	for (const char *const *r = refs; *r != NULL && hit; r++) {
		hit = !pl_ends_with(up, *r);
	}
	return hit;
}

static bool
placeholder(const char *v)
{
	size_t n = strlen(v);

	if (n == 0 || strchr(v, '<') != NULL || strstr(v, "{{") != NULL ||
	    strstr(v, "...") != NULL || strspn(v, "xX") == n || strspn(v, "*") == n ||
	    pl_streq_ci(v, "true") || pl_streq_ci(v, "false")) {
		return true;
	}
	return false;
}

static void
check(struct pl_check *ck, const struct pl_script *s)
{
	for (size_t i = 0; i < s->ncmds; i++) {
		const struct pl_docker_cmd *c = &s->cmds[i];
		const char *want = c->verb == PL_DK_BUILD ? "build-arg" : "env";

		if (c->verb == PL_DK_PULL) {
			continue;
		}
		for (size_t k = 0; k < c->nflags; k++) {
			const struct pl_docker_flag *f = &c->flags[k];
			const char *v = f->value, *eq;
			size_t len, show;

			if (strcmp(f->name, want) != 0 || v == NULL || f->vexpansion ||
			    (eq = strchr(v, '=')) == NULL || !secret_name(v, (size_t)(eq - v)) ||
			    placeholder(eq + 1)) {
				continue;
			}
			len = strlen(eq + 1);
			show = len >= 16 ? 4 : len >= 8 ? 2 : 0;
			pl_cli_report_value(ck, f, "%.*s is given a literal value ('%.*s%s', %zu "
					    "characters) on the command line: it is kept in shell "
					    "history, ps output and %s",
					    (int)(eq - v), v, (int)show, eq + 1,
					    show > 0 ? "..." : "", len,
					    c->verb == PL_DK_BUILD ? "the image's history"
								   : "docker inspect");
		}
	}
}

const struct pl_rule rule_cli0011 = {
	.id = "CLI0011",
	.name = "cli-literal-secret",
	.title = "Literal secret in -e, --env or --build-arg",
	.severity = PL_SEV_HIGH,
	.category = "secrets",
	.why = "A password or token written into `docker run -e NAME=value` is in the script "
	       "or README for everyone who can read the repository, in shell history, in "
	       "`ps` output on the host while the client runs, and in `docker inspect` for "
	       "the container's life. A `--build-arg` value is kept in the image's history "
	       "for anyone who pulls it.",
	.fix = "Pass the name alone (`-e DB_PASSWORD`, taken from the environment), use "
	       "`--env-file` with a file kept out of version control, a `_FILE` variable "
	       "pointing at a mounted secret, or `docker build --secret` for build-time "
	       "credentials.",
	.bad = "docker run -d -e DB_PASSWORD=hunter2hunter2 app:1.4\n",
	.good = "docker run -d -e DB_PASSWORD app:1.4\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/reference/cli/docker/container/run/#env",
		"https://docs.docker.com/build/building/secrets/",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_SCRIPT,
	.check_script = check,
};
