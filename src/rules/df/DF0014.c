/*
 * DF0014 -- credentials written on a RUN command line.
 *
 * Reported: literal credentials in RUN commands: URLs with user:password@ (git clone,
 * pip --index-url, curl), `curl -u user:password` / `--user`, `wget --password=` /
 * `--http-password=`, `--password`/`-p` values of docker/podman login, `mysql -pSECRET`,
 * and `npm config set //registry/:_authToken <token>`.
 * Not reported: values that are variables ($TOKEN) or command substitutions: whether
 * those leak depends on where the variable comes from (DF0003 reports build arguments).
 * Messages keep at most the first four characters of a secret.
 */
#include "rules/df/util.h"
#include "core/str.h"

#include <string.h>

/* A literal: not empty and with no expansion in it. */
static bool
literal(const char *v)
{
	return v != NULL && v[0] != '\0' && strchr(v, '$') == NULL && strchr(v, '`') == NULL;
}

/* The password of a URL with user:password@host, or NULL. */
static const char *
url_password(const char *w, size_t *len)
{
	const char *p = strstr(w, "://"), *at, *colon;

	if (p == NULL) {
		return NULL;
	}
	p += 3;
	at = strchr(p, '@');
	if (at == NULL || memchr(p, '/', (size_t)(at - p)) != NULL) {
		return NULL;
	}
	colon = memchr(p, ':', (size_t)(at - p));
	if (colon == NULL || colon + 1 == at || colon[1] == '$') {
		return NULL;
	}
	*len = (size_t)(at - colon - 1);
	return colon + 1;
}

static void
report(struct pl_check *ck, const struct pl_sh_word *w, const char *what, const char *secret,
       size_t n)
{
	struct pl_finding *f = pl_check_report(ck, w->off, w->end, "%s on the command line "
					       "(%.4s…, %zu characters): it is stored in the image "
					       "history", what, secret, n);

	if (f != NULL) {
		f->evidence = pl_check_printf(ck, "%s (redacted)", what);
		f->src_line = f->evidence;
		f->fix = "Pass it as a build secret: `RUN --mount=type=secret,id=token,env=TOKEN "
			 "...` and `docker build --secret id=token,env=TOKEN`.";
	}
}

static void
check(struct pl_check *ck, const struct pl_df_model *m, size_t i)
{
	const struct pl_sh_script *sc = pl_df_script(m, i);
	size_t k, a, n;

	for (k = 0; k < sc->ncmds; k++) {
		const struct pl_sh_cmd *c = &sc->cmds[k];
		bool curl = pl_sh_is(c, "curl"), wget = pl_sh_is(c, "wget");
		bool login = (pl_sh_is(c, "docker") || pl_sh_is(c, "podman")) &&
			     c->prog + 1 < c->argc && pl_streq(c->argv[c->prog + 1].text, "login");
		bool mysql = pl_sh_is(c, "mysql") || pl_sh_is(c, "mysqldump") ||
			     pl_sh_is(c, "mariadb");
		bool npm = pl_sh_is(c, "npm") || pl_sh_is(c, "yarn");

		for (a = c->prog + 1; a < c->argc; a++) {
			const struct pl_sh_word *w = &c->argv[a];
			const char *t = w->text, *v = NULL, *pw;

			if ((pw = url_password(t, &n)) != NULL && literal(pw)) {
				report(ck, w, "a URL with a password", pw, n);
				continue;
			}
			if (curl && (pl_streq(t, "-u") || pl_streq(t, "--user")) &&
			    a + 1 < c->argc) {
				v = strchr(c->argv[a + 1].text, ':');
				if (v != NULL && literal(v + 1)) {
					report(ck, &c->argv[a + 1], "curl credentials", v + 1,
					       strlen(v + 1));
				}
				a++;
				continue;
			}
			if (wget && (pl_starts_with(t, "--password=") ||
				     pl_starts_with(t, "--http-password=") ||
				     pl_starts_with(t, "--ftp-password="))) {
				v = strchr(t, '=') + 1;
				if (literal(v)) {
					report(ck, w, "a wget password", v, strlen(v));
				}
				continue;
			}
			if (login && (pl_streq(t, "-p") || pl_streq(t, "--password")) &&
			    a + 1 < c->argc) {
				if (literal(c->argv[a + 1].text)) {
					report(ck, &c->argv[a + 1], "a registry password",
					       c->argv[a + 1].text, strlen(c->argv[a + 1].text));
				}
				a++;
				continue;
			}
			if (mysql && pl_starts_with(t, "-p") && t[2] != '\0' && literal(t + 2)) {
				report(ck, w, "a database password", t + 2, strlen(t + 2));
				continue;
			}
			if (npm && (strstr(t, ":_authToken") != NULL || strstr(t, ":_auth") != NULL)) {
				v = strchr(t, '=');
				if (v == NULL && a + 1 < c->argc) {
					v = c->argv[a + 1].text - 1;
				}
				if (v != NULL && literal(v + 1)) {
					report(ck, w, "an npm registry token", v + 1, strlen(v + 1));
				}
			}
		}
	}
}

const struct pl_rule rule_df0014 = {
	.id = "DF0014",
	.name = "secret-on-command-line",
	.title = "Credentials are written on a RUN command line",
	.severity = PL_SEV_HIGH,
	.category = "secrets",
	.why = "Every RUN command line is kept in the image history (`docker history "
	       "--no-trunc`) and in build logs and provenance. A password, token or URL with "
	       "credentials typed there is published with the image and cannot be removed "
	       "without rebuilding; rotating it is the only remedy.",
	.fix = "Use a build secret for the step that needs it: `RUN "
	       "--mount=type=secret,id=token,env=TOKEN git clone "
	       "https://oauth2:$TOKEN@host/repo.git`, built with `--secret id=token,env=TOKEN`.",
	.bad = "FROM alpine:3.20.3\nRUN git clone https://deploy:glpat-aB3dE5fG7hJ9kL1m@gitlab.example.com/acme/app.git\n",
	.good = "FROM alpine:3.20.3\nRUN --mount=type=secret,id=token,env=TOKEN git clone "
		"https://deploy:$TOKEN@gitlab.example.com/acme/app.git\n",
	.refs = (const char *const[]){ "https://docs.docker.com/build/building/secrets/", NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_DOCKERFILE,
	.on_instr = PL_ON(PL_DF_RUN),
	.check_instr = check,
};
