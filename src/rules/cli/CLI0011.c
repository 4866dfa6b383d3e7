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
 * the value, in the message, the evidence or the source line shown under it: at most a
 * quarter of it, up to four characters, and its length.
 */
#include "core/str.h"
#include "rules/cli/util.h"

#include <stdio.h>
#include <string.h>

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

/* Bytes of V kept for display: at most four characters and a quarter of the value, and
 * only whole ASCII characters. */
static size_t
kept(const char *v, size_t len)
{
	size_t keep = len / 4 < 4 ? len / 4 : 4, k = 0;

	while (k < keep && (unsigned char)v[k] < 0x80) {
		k++;
	}
	return k;
}

/* The finding's evidence and source line without the value: the line is shown under the
 * finding, and the report must not repeat the secret it warns about. */
static void
redact(struct pl_check *ck, struct pl_finding *f, const struct pl_docker_flag *fl,
       const char *name, size_t nlen, const char *value)
{
	size_t len = strlen(value), keep = kept(value, len), n;
	const char *text = ck->src->text, *line, *at;
	uint32_t line_off;

	f->evidence = pl_check_printf(ck, "%.*s=%.*s… (%zu characters, redacted)", (int)nlen,
				      name, (int)keep, value, len);
	if (f->src_line == NULL) {
		return;
	}
	line = pl_source_line(ck->src, f->line, &n);
	line_off = (uint32_t)(line - text);
	at = memchr(text + fl->voff, '=', fl->vend - fl->voff);
	if (at == NULL || fl->vend > line_off + n) {
		f->src_line = f->evidence;
		return;
	}
	at++;
	if (*at == '"' || *at == '\'') {
		at++;
	}
	f->src_line = pl_check_printf(ck, "%.*s%.*s…%.*s", (int)(at - line), line, (int)keep,
				      value, (int)(line + n - (text + fl->vend)),
				      text + fl->vend);
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
			const struct pl_docker_flag *fl = &c->flags[k];
			const char *v = fl->value, *eq;
			struct pl_finding *f;
			size_t len;

			if (strcmp(fl->name, want) != 0 || v == NULL || fl->vexpansion ||
			    (eq = strchr(v, '=')) == NULL || !secret_name(v, (size_t)(eq - v)) ||
			    placeholder(eq + 1)) {
				continue;
			}
			len = strlen(eq + 1);
			f = pl_check_report(ck, fl->voff, fl->vend, "%.*s is given a literal value "
					    "('%.*s…', %zu characters) on the command line: it is "
					    "kept in shell history, ps output and %s",
					    (int)(eq - v), v, (int)kept(eq + 1, len), eq + 1, len,
					    c->verb == PL_DK_BUILD ? "the image's history"
								   : "docker inspect");
			if (f != NULL) {
				redact(ck, f, fl, v, (size_t)(eq - v), eq + 1);
			}
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
