/*
 * RT0019.c -- secret is set in the container's environment.
 *
 * Reported: a secret-looking variable name (the same names as DF0003) with a literal
 * value. Not reported: empty values, paths, and names that only point at a secret
 * (*_FILE). The finding spans the name only, and its evidence and source line show at
 * most the first four characters of the value and its length.
 */
#include "rules/rt/util.h"
#include "core/str.h"
#include "rules/df/util.h"

#include <string.h>

/* Values that are not secrets even under a secret-looking name. */
static bool
not_a_secret(const char *v)
{
	static const char *const words[] = { "true", "false", "yes", "no", "on", "off", "null",
					     "none", "disabled", "enabled", NULL };

	if (v[0] == '\0' || v[0] == '/' || strncmp(v, "./", 2) == 0) {
		return true;
	}
	for (const char *const *w = words; *w != NULL; w++) {
		if (pl_streq_ci(v, *w)) {
			return true;
		}
	}
	return false;
}

/* Bytes of the first K code points of S. */
static size_t
prefix(const char *s, size_t k)
{
	size_t i = 0;

	while (s[i] != '\0' && k > 0) {
		i++;
		while (((unsigned char)s[i] & 0xC0) == 0x80) {
			i++;
		}
		k--;
	}
	return i;
}

/*
 * Reports must not spread the secret they report: the evidence and the source line shown
 * under the finding keep a quarter of the value, at most four characters, and its length.
 */
static void
report(struct pl_check *ck, const struct pl_inspect_container *ct, const struct pl_inspect_env *e)
{
	const char *text = ck->src->text;
	size_t nlen = strlen(e->name), vlen = pl_utf8_count(e->value, strlen(e->value));
	size_t keep = prefix(e->value, vlen / 4 < 4 ? vlen / 4 : 4), len;
	struct pl_inspect_value at = e->at;
	struct pl_finding *f;
	const char *line;

	/* The span is the name inside the string when the text spells it plainly. */
	if (at.off + 1 + nlen < at.end && memcmp(text + at.off + 1, e->name, nlen) == 0 &&
	    text[at.off + 1 + nlen] == '=') {
		at.off += 1;
		at.end = at.off + (uint32_t)nlen;
	} else {
		at.end = at.off + 1;
	}
	f = pl_rt_report(ck, ct, &at, "has %s set in its environment, readable by anyone who "
			 "can inspect the container", e->name);
	if (f == NULL) {
		return;
	}
	f->evidence = pl_check_printf(ck, "%s=%.*s… (%zu characters, redacted)", e->name,
				      (int)keep, e->value, vlen);
	if (f->src_line == NULL) {
		return; /* a line too long to show is not shown at all */
	}
	line = pl_source_line(ck->src, f->line, &len);
	if (e->at.off >= (uint32_t)(line - text) && e->at.end <= (uint32_t)(line - text + len)) {
		size_t b = e->at.off - (size_t)(line - text), ve = e->at.end - (size_t)(line - text);

		f->src_line = pl_check_printf(ck, "%.*s\"%s=%.*s…\"%.*s", (int)b, line, e->name,
					      (int)keep, e->value, (int)(len - ve), line + ve);
	} else {
		f->src_line = f->evidence;
	}
}

static void
check(struct pl_check *ck, const struct pl_inspect *in)
{
	for (size_t i = 0; i < in->ncontainers; i++) {
		const struct pl_inspect_container *ct = &in->containers[i];

		for (size_t k = 0; k < ct->nenv; k++) {
			const struct pl_inspect_env *e = &ct->env[k];

			if (e->value != NULL && !not_a_secret(e->value) &&
			    pl_df_secret_name(e->name)) {
				report(ck, ct, e);
			}
		}
	}
}

const struct pl_rule rule_rt0019 = {
	.id = "RT0019",
	.name = "container-secret-in-environment",
	.title = "Secret is set in the container's environment",
	.severity = PL_SEV_HIGH,
	.category = "secrets",
	.why = "Environment variables of a container are not secret: `docker "
	       "inspect` prints them to anyone with access to the daemon, they are "
	       "inherited by every child process, and crash reporters, debug pages "
	       "and log lines dump them. A password or token passed with `-e` also "
	       "stays in shell history and in the scripts that start the container.",
	.fix = "Pass the secret as a file: a Docker or Compose secret mounted under "
	       "/run/secrets, read by the application from a `*_FILE` variable (`-e "
	       "DB_PASSWORD_FILE=/run/secrets/db_password`). Then rotate the exposed "
	       "value.",
	.bad = "[\n"
	       "  {\n"
	       "    \"Id\": \"3f2a1b4c5d6e7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b\",\n"
	       "    \"Name\": \"/api\",\n"
	       "    \"Config\": {\n"
	       "      \"Image\": \"ghcr.io/acme/api:1.4.2\",\n"
	       "      \"Env\": [\n"
	       "        \"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\",\n"
	       "        \"DB_PASSWORD=hunter2-correct-horse\"\n"
	       "      ]\n"
	       "    },\n"
	       "    \"HostConfig\": {}\n"
	       "  }\n"
	       "]\n",
	.good = "[\n"
	       "  {\n"
	       "    \"Id\": \"3f2a1b4c5d6e7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b\",\n"
	       "    \"Name\": \"/api\",\n"
	       "    \"Config\": {\n"
	       "      \"Image\": \"ghcr.io/acme/api:1.4.2\",\n"
	       "      \"Env\": [\n"
	       "        \"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\",\n"
	       "        \"DB_PASSWORD_FILE=/run/secrets/db_password\"\n"
	       "      ]\n"
	       "    },\n"
	       "    \"HostConfig\": {}\n"
	       "  }\n"
	       "]\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/engine/swarm/secrets/",
		"https://docs.docker.com/compose/how-tos/use-secrets/",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_INSPECT,
	.check_inspect = check,
};
