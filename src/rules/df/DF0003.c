/*
 * DF0003 -- a secret-looking ENV or ARG.
 *
 * Reported: ENV with a secret-looking name and a non-empty value (it is stored in the
 * image configuration for anyone who pulls it), and ARG with a secret-looking name (build
 * arguments are recorded in the image history and build metadata).
 * Not reported: names that only point at a secret (`*_FILE`, `*_PATH`, `*_DIR`, `*_NAME`,
 * `*_ID` ...), names where the secret word is not the last part (`PASSWORD_MIN_LENGTH`,
 * `TOKEN_TTL`), empty values, and well-known public values such as `GPG_KEY` release
 * fingerprints.
 *
 * With the secrets detectors (engine/secrets_scan.c): a provider-specific detector that
 * matches the value (a GitHub token, an AWS key) reports it instead, at the secret, and
 * this rule stays silent on that variable; a generic password or token match on the
 * value yields to this rule.
 */
#include "rules/df/util.h"
#include "core/str.h"

#include <string.h>

/* Secret words a name may end with ("DB_PASSWORD", "GITHUB_TOKEN", "PGPASSWORD"). */
static const char *const secret_tails[] = {
	"PASSWORD", "PASSWD", "PASS", "PWD", "SECRET", "TOKEN", "APIKEY", "API_KEY",
	"ACCESS_KEY", "SECRET_KEY", "PRIVATE_KEY", "AUTH_KEY", "SIGNING_KEY", "ENCRYPTION_KEY",
	"MASTER_KEY", "CLIENT_SECRET", "SECRET_KEY_BASE", "CREDENTIALS", "CREDS",
	"ACCESS_KEY_ID_SECRET", "AUTH", "CONNECTION_STRING", NULL,
};

/* Names that match a tail but are well known not to hold a secret; Google's client
 * libraries read GOOGLE_APPLICATION_CREDENTIALS as the path of a key file. */
static const char *const not_secret[] = {
	"PWD", "OLDPWD", "AUTH", "NODE_AUTH", "GOOGLE_APPLICATION_CREDENTIALS", NULL,
};

static bool
upper_eq_tail(const char *name, size_t n, const char *tail)
{
	size_t t = strlen(tail), i;

	if (t > n) {
		return false;
	}
	for (i = 0; i < t; i++) {
		char c = name[n - t + i];

		if (c == '-' || c == '.') {
			c = '_';
		}
		if (c >= 'a' && c <= 'z') {
			c = (char)(c - 32);
		}
		if (c != tail[i]) {
			return false;
		}
	}
	/* The tail must start the name or follow a separator, or be a word glued to a
	 * product name ("PGPASSWORD", "MYSQLPASSWORD"); short tails need a separator. */
	if (t == n) {
		return true;
	}
	if (name[n - t - 1] == '_' || name[n - t - 1] == '-' || name[n - t - 1] == '.') {
		return true;
	}
	return t >= 8;
}

bool
pl_df_secret_name(const char *name)
{
	size_t n = strlen(name);
	const char *const *p;

	for (p = not_secret; *p != NULL; p++) {
		if (pl_streq_ci(name, *p)) {
			return false;
		}
	}
	for (p = secret_tails; *p != NULL; p++) {
		if (upper_eq_tail(name, n, *p)) {
			return true;
		}
	}
	return false;
}

/*
 * Reports must not spread the secret they report: the evidence names the variable and
 * the source line shown under the finding has the value cut to its first four characters
 * and its length.
 */
static void
redact(struct pl_check *ck, struct pl_finding *f, const struct pl_df_word *val)
{
	const struct pl_source *src = ck->src;
	struct pl_pos a = pl_source_pos(src, val->off), b = pl_source_pos(src, val->end);
	size_t len, keep = val->n < 4 ? val->n : 4, vb, ve;
	const char *line = pl_source_line(src, a.line, &len);
	uint32_t line_off = (uint32_t)(line - src->text);

	f->evidence = pl_check_printf(ck, "%s=%.*s… (%zu characters, redacted)",
				      f->evidence, (int)keep, val->s, val->n);
	if (a.line != f->line || val->off < line_off) {
		return;
	}
	vb = val->off - line_off;
	ve = b.line == a.line ? val->end - line_off : len;
	if (ve > len) {
		ve = len;
	}
	f->src_line = pl_check_printf(ck, "%.*s%.*s…%.*s", (int)vb, line, (int)keep, val->s,
				      (int)(len - ve), line + ve);
}

static void
check(struct pl_check *ck, const struct pl_df_model *m, size_t i)
{
	const struct pl_df_instr *in = &m->file->instrs[i];
	struct pl_finding *f;
	size_t k;

	if (in->kind == PL_DF_ENV) {
		for (k = 0; k + 2 < in->nargs; k += 3) {
			const struct pl_df_word *key = &in->args[k], *val = &in->args[k + 1];
			const char *v = val->s;

			if (!pl_df_secret_name(key->s) || v[0] == '\0' || pl_streq(v, "\"\"") ||
			    pl_streq(v, "''")) {
				continue;
			}
			/* The span is the name only: evidence never repeats the value. */
			f = pl_check_report(ck, key->off, key->end,
					    "ENV %s puts a secret into the image configuration, "
					    "readable by anyone who can pull the image", key->s);
			if (f != NULL) {
				f->fix = pl_check_printf(ck, "Remove %s from the Dockerfile and pass "
							 "it at run time from a secret store (Compose "
							 "or Kubernetes secrets, `%s_FILE` pointing at a "
							 "mounted file); for build steps that need it use "
							 "`RUN --mount=type=secret,id=...`.",
							 key->s, key->s);
				redact(ck, f, val);
			}
		}
		return;
	}
	for (k = 0; k < in->nargs; k++) {
		const struct pl_df_word *w = &in->args[k];
		size_t n = strcspn(w->s, "=");
		char name[256];

		if (n == 0 || n >= sizeof(name)) {
			continue;
		}
		memcpy(name, w->s, n);
		name[n] = '\0';
		if (!pl_df_secret_name(name)) {
			continue;
		}
		f = pl_check_report(ck, w->off, w->end, "ARG %s passes a secret as a build "
				    "argument: its value is kept in the image history and build "
				    "metadata", name);
		if (f != NULL) {
			f->fix = pl_check_printf(ck, "Use a build secret instead: `RUN "
						 "--mount=type=secret,id=%s ...` in the Dockerfile and "
						 "`docker build --secret id=%s,env=%s` on the command "
						 "line.", name, name, name);
		}
	}
}

const struct pl_rule rule_df0003 = {
	.id = "DF0003",
	.name = "secret-in-env-or-arg",
	.title = "Secret-looking ENV or ARG",
	.severity = PL_SEV_HIGH,
	.category = "secrets",
	.why = "ENV values are stored in the image configuration and shown by `docker inspect` "
	       "to anyone who can pull the image; ARG values are recorded in the image history "
	       "and in build provenance. A password, token or key placed there leaks with every "
	       "copy of the image, including public registries and CI caches, and cannot be "
	       "rotated by rebuilding alone.",
	.fix = "Keep secrets out of the Dockerfile. Give them to the running container from a "
	       "secret store (Compose `secrets:`, Kubernetes Secrets, or a `*_FILE` variable "
	       "pointing at a mounted file). For a build step that needs a credential, use "
	       "`RUN --mount=type=secret,id=name` and `docker build --secret id=name,...`.",
	.bad = "FROM python:3.12-slim\nENV DB_PASSWORD=hunter2\nARG NPM_TOKEN\n",
	.good = "FROM python:3.12-slim\nENV DB_PASSWORD_FILE=/run/secrets/db_password\n"
		"RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/build/building/secrets/",
		"https://docs.docker.com/reference/build-checks/secrets-used-in-arg-or-env/",
		"https://docs.docker.com/reference/dockerfile/#arg",
		"CIS Docker Benchmark 4.10: Ensure secrets are not stored in Dockerfiles",
		NULL },
	.peers = (const char *const[]){ "trivy:DS-0031", NULL },
	.inputs = PL_IN_DOCKERFILE,
	.on_instr = PL_ON(PL_DF_ENV) | PL_ON(PL_DF_ARG),
	.check_instr = check,
};
