/*
 * DF0030 -- TLS certificate verification is turned off.
 *
 * Reported, in every stage:
 * - `curl -k` / `--insecure`, `wget --no-check-certificate`, and `insecure` or
 *   `check_certificate = off` written to .curlrc or .wgetrc;
 * - pip's `--trusted-host` and `pip config set global.trusted-host`;
 * - settings that switch verification off, as command words or written to files (also in
 *   heredocs): `http.sslVerify=false` (`git -c`), `git config http.sslVerify false`,
 *   `npm|yarn|pnpm config set strict-ssl false`, `--strict-ssl=false`, yarn's
 *   `enableStrictSsl false`, conda's `ssl_verify false`, yum/dnf `sslverify=0`, APT's
 *   `Acquire::https::Verify-Peer "false"` and `Verify-Host`;
 * - environment variables set by ENV, by ARG defaults (ARG values reach RUN commands as
 *   environment variables) or in RUN: GIT_SSL_NO_VERIFY (any value), PIP_TRUSTED_HOST,
 *   NODE_TLS_REJECT_UNAUTHORIZED=0, PYTHONHTTPSVERIFY=0, NPM_CONFIG_STRICT_SSL=false and
 *   YARN_ENABLE_STRICT_SSL=false.
 * Not reported: values that turn verification on (`sslVerify=true`, `=1`); values from an
 * ARG whose value is unknown; words in grep and test commands; the search part of a
 * `sed s/../../` expression; comment lines of heredocs.
 */
#include "rules/df/pkg_util.h"
#include "rules/df/util.h"
#include "core/str.h"

#include <stdarg.h>
#include <string.h>

static const char *const falsy[] = { "false", "0", "no", "off", NULL };

/* A setting written as one word or one line: KEY, separators, then a falsy value. */
static const char *const setting_keys[] = {
	"sslverify", "verify-peer", "verify-host", "strict-ssl", "enablestrictssl", "ssl_verify",
	"check_certificate", NULL,
};

/* Variables that turn verification off, and the values that do. NULL: any non-empty
 * value (git and pip only test that the variable is set). */
struct env_rule {
	const char *name;
	const char *const *values;
	const char *what;
};

static const struct env_rule env_rules[] = {
	{ "GIT_SSL_NO_VERIFY", NULL, "git" },
	{ "PIP_TRUSTED_HOST", NULL, "pip" },
	{ "NODE_TLS_REJECT_UNAUTHORIZED", (const char *const[]){ "0", NULL }, "Node.js" },
	{ "PYTHONHTTPSVERIFY", (const char *const[]){ "0", NULL }, "Python" },
	{ "NPM_CONFIG_STRICT_SSL", falsy, "npm" },
	{ "npm_config_strict_ssl", falsy, "npm" },
	{ "YARN_ENABLE_STRICT_SSL", falsy, "Yarn" },
};

/* Whether NAME (N bytes) is one of the variables, before its value is worked out. */
static bool
env_named(const char *name, size_t n)
{
	for (size_t k = 0; k < sizeof(env_rules) / sizeof(env_rules[0]); k++) {
		if (strlen(env_rules[k].name) == n && strncmp(env_rules[k].name, name, n) == 0) {
			return true;
		}
	}
	return false;
}

static const struct env_rule *
env_match(const char *name, size_t n, const char *value)
{
	for (size_t k = 0; k < sizeof(env_rules) / sizeof(env_rules[0]); k++) {
		const struct env_rule *e = &env_rules[k];

		if (strlen(e->name) != n || strncmp(e->name, name, n) != 0) {
			continue;
		}
		if (e->values == NULL) {
			return value[0] != '\0' ? e : NULL;
		}
		for (const char *const *v = e->values; *v != NULL; v++) {
			if (pl_streq_ci(value, *v)) {
				return e;
			}
		}
	}
	return NULL;
}

static void report(struct pl_check *ck, uint32_t off, uint32_t end, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void
report(struct pl_check *ck, uint32_t off, uint32_t end, const char *fmt, ...)
{
	struct pl_finding *f;
	va_list ap;

	va_start(ap, fmt);
	f = pl_check_vreport(ck, off, end, fmt, ap);
	va_end(ap);
	if (f != NULL) {
		f->fix = "Keep verification on and trust the certificate instead: install the "
			 "corporate or private CA in the image's trust store "
			 "(`update-ca-certificates`) or point the tool at it (`curl --cacert`, "
			 "`pip --cert`, `npm config set cafile`, `git config http.sslCAInfo`, "
			 "`NODE_EXTRA_CA_CERTS`).";
	}
}

static void
check_env_word(struct pl_check *ck, const struct pl_sh_word *w, const char *t)
{
	const char *eq = strchr(t, '=');
	const struct env_rule *e;

	if (eq == NULL || eq == t || (w->flags & PL_SHW_EXPANSION) != 0) {
		return;
	}
	e = env_match(t, (size_t)(eq - t), eq + 1);
	if (e != NULL) {
		report(ck, w->off, w->end, "%.*s turns off TLS certificate verification for %s",
		       (int)(eq - t), t, e->what);
	}
}

static bool
redirects_to(const struct pl_sh_cmd *c, const char *suffix)
{
	for (size_t r = 0; r < c->nredirs; r++) {
		if (pl_ends_with(c->redirs[r].text, suffix)) {
			return true;
		}
	}
	return false;
}

/* An argument before word A says that C sets a configuration value ("git config",
 * "npm config set", "conda config --set"), not that it installs a package by that name. */
static bool
sets_config(const struct pl_sh_cmd *c, size_t a)
{
	for (size_t j = c->prog + 1; j < a; j++) {
		const char *t = c->argv[j].text;

		if (pl_streq(t, "config") || pl_streq(t, "set") || pl_streq(t, "--set") ||
		    pl_streq(t, "c")) {
			return true;
		}
	}
	return false;
}

static void
check_command(struct pl_check *ck, const struct pl_sh_cmd *c)
{
	struct pl_pkg_curl curl;
	struct pl_pkg_writer wr;
	size_t sub, a;

	pl_pkg_writer_init(&wr, c);
	/* echo or printf whose output only reaches the build log writes no setting */
	if ((pl_sh_is(c, "echo") || pl_sh_is(c, "printf")) && c->nredirs == 0 &&
	    c->pipe_pos + 1 >= c->pipe_len && c->parent < 0) {
		return;
	}
	if (pl_sh_is(c, "curl")) {
		pl_pkg_curl_opts(c, &curl);
		if (curl.insecure != NULL) {
			report(ck, curl.insecure->off, curl.insecure->end,
			       "curl %s turns off TLS certificate verification: anyone on the "
			       "network path can substitute the download", curl.insecure->text);
		}
	}
	for (a = 0; a < c->nassigns; a++) {
		check_env_word(ck, &c->assigns[a], c->assigns[a].text);
	}
	sub = pl_pkg_pip_sub(c);
	for (a = 0; a < c->argc; a++) {
		const struct pl_sh_word *w = &c->argv[a];
		const char *t = pl_pkg_written_text(&wr, a);
		size_t len, tn;
		struct pl_pkg_pairs pairs;

		if (t == NULL) {
			continue;
		}
		if (pl_sh_is(c, "wget") && pl_streq(t, "--no-check-certificate")) {
			report(ck, w->off, w->end, "wget %s turns off TLS certificate "
			       "verification: anyone on the network path can substitute the "
			       "download", t);
			continue;
		}
		if (sub < c->argc && a > c->prog && pl_starts_with(t, "--trusted-host") &&
		    (t[14] == '\0' || t[14] == '=')) {
			bool apart = t[14] == '\0' && a + 1 < c->argc;

			report(ck, w->off, apart ? c->argv[a + 1].end : w->end, "pip --trusted-host "
			       "accepts that host without a valid certificate, even over plain "
			       "HTTP");
			continue;
		}
		/* pip config set global.trusted-host HOST */
		if (sub < c->argc && a == sub + 2 && pl_streq(c->argv[sub].text, "config") &&
		    pl_streq(c->argv[sub + 1].text, "set") && pl_ends_with(t, "trusted-host")) {
			report(ck, w->off, a + 1 < c->argc ? c->argv[a + 1].end : w->end,
			       "pip config set %s makes pip accept that host without a valid "
			       "certificate", t);
			continue;
		}
		/* echo insecure >> ~/.curlrc */
		if ((pl_streq(t, "insecure") || pl_streq(t, "-k") ||
		     pl_streq(t, "--insecure")) && redirects_to(c, ".curlrc") &&
		    !pl_sh_is(c, "curl")) {
			report(ck, w->off, w->end, "'%s' written to .curlrc turns off TLS "
			       "certificate verification for every later curl", t);
			continue;
		}
		/* git config http.sslVerify false, npm config set strict-ssl false */
		if (a + 1 < c->argc && pl_pkg_falsy(c->argv[a + 1].text) && sets_config(c, a) &&
		    (pl_streq_ci(t, "strict-ssl") || pl_streq_ci(t, "enableStrictSsl") ||
		     pl_streq_ci(t, "ssl_verify") || pl_streq_ci(t, "sslverify") ||
		     (strlen(t) > 10 && pl_streq_ci(t + strlen(t) - 10, ".sslverify")))) {
			report(ck, w->off, c->argv[a + 1].end, "setting %s to %s turns off "
			       "TLS certificate verification", t, c->argv[a + 1].text);
			continue;
		}
		check_env_word(ck, w, t);
		tn = strlen(t);
		if (!pl_pkg_has_separator(t, tn)) {
			continue;
		}
		pl_pkg_pairs_of(&pairs, t, tn);
		for (const char *const *k = setting_keys; *k != NULL; k++) {
			long pos = pl_pkg_pairs_may_hold(&pairs, *k)
					   ? pl_pkg_find_setting(t, tn, *k, falsy, &len)
					   : -1;

			if (pos >= 0) {
				report(ck, w->off, w->end, "'%.*s' turns off TLS certificate "
				       "verification", (int)len, t + pos);
				break;
			}
		}
	}
}

static void
check_heredocs(struct pl_check *ck, const struct pl_df_model *m, size_t i)
{
	const struct pl_df_instr *in = &m->file->instrs[i];

	for (size_t h = 0; h < in->nheredocs; h++) {
		if (pl_pkg_heredocs_are_script(m, i)) {
			continue;
		}
		for (const char *const *k = setting_keys; *k != NULL; k++) {
			size_t len;
			long off = pl_pkg_heredoc_find(&in->heredocs[h], *k, falsy, &len);

			if (off >= 0) {
				report(ck, (uint32_t)off, (uint32_t)(off + (long)len),
				       "'%.*s' turns off TLS certificate verification", (int)len,
				       m->src->text + off);
			}
		}
	}
}

static void
check_env(struct pl_check *ck, const struct pl_df_model *m, size_t i)
{
	const struct pl_df_instr *in = &m->file->instrs[i];

	for (size_t k = 0; k + 2 < in->nargs; k += 3) {
		const char *v;
		const struct env_rule *e;

		if (!env_named(in->args[k].s, in->args[k].n)) {
			continue;
		}
		v = pl_df_expand(m, &m->states[i], in->args[k + 1].s);
		if (v == NULL) {
			continue;
		}
		e = env_match(in->args[k].s, in->args[k].n, v);
		if (e != NULL) {
			report(ck, in->args[k].off, in->args[k + 1].end, "ENV %s turns off "
			       "TLS certificate verification for %s in the image and every "
			       "container started from it", in->args[k].s, e->what);
		}
	}
}

/* A stage ARG: its value reaches the RUN commands that follow as an environment variable.
 * Global ARGs (before the first FROM) do not, unless a stage declares them again. */
static void
check_arg(struct pl_check *ck, const struct pl_df_model *m, size_t i)
{
	const struct pl_df_instr *in = &m->file->instrs[i];

	if (m->states[i].stage < 0) {
		return;
	}
	for (size_t k = 0; k < in->nargs; k++) {
		const char *w = in->args[k].s, *eq = strchr(w, '='), *v = NULL;
		size_t n = eq != NULL ? (size_t)(eq - w) : strlen(w);
		const struct env_rule *e;

		if (!env_named(w, n)) {
			continue;
		}
		if (eq != NULL) {
			v = pl_df_expand(m, &m->states[i], eq + 1);
		} else {
			for (const struct pl_kv *g = m->global_args; g != NULL; g = g->next) {
				if (strlen(g->key) == n && strncmp(g->key, w, n) == 0) {
					v = g->value;
					break;
				}
			}
		}
		if (v == NULL) {
			continue;
		}
		e = env_match(w, n, v);
		if (e != NULL) {
			report(ck, in->args[k].off, in->args[k].end, "ARG %.*s turns off TLS "
			       "certificate verification for %s in the RUN commands that follow",
			       (int)n, w, e->what);
		}
	}
}

static void
check(struct pl_check *ck, const struct pl_df_model *m, size_t i)
{
	const struct pl_sh_script *sc = pl_df_script(m, i);

	switch (m->file->instrs[i].kind) {
	case PL_DF_ENV:
		check_env(ck, m, i);
		return;
	case PL_DF_ARG:
		check_arg(ck, m, i);
		return;
	default:
		break;
	}
	for (size_t k = 0; k < sc->ncmds; k++) {
		check_command(ck, &sc->cmds[k]);
	}
	check_heredocs(ck, m, i);
}

const struct pl_rule rule_df0030 = {
	.id = "DF0030",
	.name = "tls-verification-disabled",
	.title = "TLS certificate verification is turned off",
	.severity = PL_SEV_HIGH,
	.category = "supply-chain",
	.why = "With certificate verification off, HTTPS no longer proves who is on the other "
	       "end: anyone on the network path (a compromised proxy, Wi-Fi or CI network, a "
	       "poisoned DNS answer) can serve modified packages, scripts or source code, and "
	       "the build installs them. A setting left in ENV or in a tool's configuration "
	       "file also weakens every connection the running container makes.",
	.fix = "Remove the option or variable. If a proxy or private registry uses its own "
	       "certificate authority, install that CA in the image's trust store "
	       "(`COPY corp-ca.crt /usr/local/share/ca-certificates/` and "
	       "`update-ca-certificates`) or point the tool at it (`--cacert`, `pip --cert`, "
	       "`npm config set cafile`, `NODE_EXTRA_CA_CERTS`), preferably only in a build "
	       "stage or a secret mount.",
	.bad = "FROM debian:12-slim\nRUN curl -ksSfo /tmp/tool.tgz https://example.com/tool.tgz\n",
	.good = "FROM debian:12-slim\nRUN curl -sSfo /tmp/tool.tgz https://example.com/tool.tgz\n",
	.refs = (const char *const[]){
		"https://curl.se/docs/sslcerts.html",
		"https://cwe.mitre.org/data/definitions/295.html",
		"https://nodejs.org/api/cli.html#node_tls_reject_unauthorizedvalue",
		NULL },
	.peers = (const char *const[]){ "checkov:CKV2_DOCKER_2", "checkov:CKV2_DOCKER_3",
					 "checkov:CKV2_DOCKER_4", "checkov:CKV2_DOCKER_5",
					 "checkov:CKV2_DOCKER_6", "checkov:CKV2_DOCKER_12",
					 "checkov:CKV2_DOCKER_13", "checkov:CKV2_DOCKER_14",
					 "checkov:CKV2_DOCKER_15", "checkov:CKV2_DOCKER_16", NULL },
	.inputs = PL_IN_DOCKERFILE,
	.on_instr = PL_ON(PL_DF_RUN) | PL_ON(PL_DF_ENV) | PL_ON(PL_DF_ARG),
	.check_instr = check,
};
