/*
 * DF0042 -- pip is given an extra package index.
 *
 * Reported: `--extra-index-url` on a pip command, `pip config set
 * global.extra-index-url`, `extra-index-url = URL` written to a pip configuration file
 * (by echo, printf or sed, or in a heredoc), and PIP_EXTRA_INDEX_URL set by ENV, by a
 * stage ARG default (ARG values reach RUN commands as environment variables) or on a RUN
 * command. Only the index host is shown: index URLs often carry credentials.
 * Not reported: pip commands with `--no-index` or `--require-hashes` (hashes pin the
 * exact files, whichever index serves them); uv, whose default index strategy takes each
 * package from the first index that has it; `--index-url` alone, which replaces PyPI
 * instead of adding to it; empty values and values from an ARG whose value is unknown.
 */
#include "rules/df/pkg_util.h"
#include "rules/df/util.h"
#include "core/str.h"

#include <string.h>

static const char *const url_values[] = { "https", "http", NULL };

/* The host of URL, without user information or port; "an extra index" when unknown. */
static const char *
host_of(struct pl_check *ck, const char *url)
{
	const char *h = strstr(url, "://"), *at;
	size_t n;

	if (h == NULL || strchr(url, '$') != NULL) {
		return "an extra index";
	}
	h += 3;
	n = strcspn(h, "/?# \t\n\"'");
	at = memchr(h, '@', n);
	if (at != NULL) {
		n -= (size_t)(at + 1 - h);
		h = at + 1;
	}
	n = strcspn(h, ":/?# \t\n\"'") < n ? strcspn(h, ":/?# \t\n\"'") : n;
	return pl_check_printf(ck, "%.*s", (int)n, h);
}

static void
report(struct pl_check *ck, uint32_t off, uint32_t end, const char *how, const char *url)
{
	struct pl_finding *f = pl_check_report(ck, off, end, "%s adds the index %s next to "
					       "PyPI: a package name on both is installed from "
					       "whichever has the higher version", how,
					       host_of(ck, url));

	if (f != NULL) {
		f->fix = "Serve private packages from one index that proxies PyPI and use it "
			 "alone (`--index-url`), reserve the private names on PyPI, or pin hashes "
			 "with `--require-hashes`; uv's default first-index strategy also avoids "
			 "the mix.";
	}
}

static bool
is_var(const char *t, const char **value)
{
	static const char name[] = "PIP_EXTRA_INDEX_URL=";

	if (!pl_starts_with(t, name) || t[sizeof(name) - 1] == '\0') {
		return false;
	}
	*value = t + sizeof(name) - 1;
	return true;
}

static void
check_pip(struct pl_check *ck, const struct pl_sh_cmd *c, size_t sub)
{
	if (pl_sh_has_opt(c, "--no-index") || pl_sh_has_opt(c, "--require-hashes")) {
		return;
	}
	for (size_t a = sub; a < c->argc; a++) {
		const char *t = c->argv[a].text;

		if (pl_streq(t, "--extra-index-url") && a + 1 < c->argc) {
			report(ck, c->argv[a].off, c->argv[a + 1].end, "pip --extra-index-url",
			       c->argv[a + 1].text);
		} else if (pl_starts_with(t, "--extra-index-url=")) {
			report(ck, c->argv[a].off, c->argv[a].end, "pip --extra-index-url", t + 18);
		} else if (a == sub + 2 && a + 1 < c->argc &&
			   pl_streq(c->argv[sub].text, "config") &&
			   pl_streq(c->argv[sub + 1].text, "set") &&
			   pl_ends_with(t, "extra-index-url")) {
			report(ck, c->argv[a].off, c->argv[a + 1].end, "pip config set",
			       c->argv[a + 1].text);
		}
	}
}

/* export PIP_EXTRA_INDEX_URL=..., and pip.conf lines written by echo, printf or sed. */
static void
check_words(struct pl_check *ck, const struct pl_sh_cmd *c)
{
	bool writer = pl_sh_is(c, "echo") || pl_sh_is(c, "printf") || pl_sh_is(c, "sed");
	struct pl_pkg_writer wr;

	pl_pkg_writer_init(&wr, c);
	for (size_t a = c->prog + 1; a < c->argc; a++) {
		const char *t = pl_pkg_written_text(&wr, a), *v;
		size_t len;
		long pos;

		if (t == NULL) {
			continue;
		}
		if (is_var(t, &v)) {
			report(ck, c->argv[a].off, c->argv[a].end, "PIP_EXTRA_INDEX_URL", v);
		} else if (writer && (pos = pl_pkg_find_setting(t, strlen(t), "extra-index-url",
								url_values, &len)) >= 0) {
			report(ck, c->argv[a].off, c->argv[a].end, "extra-index-url in a pip "
			       "configuration", t + pos);
		}
	}
}

static void
check_run(struct pl_check *ck, const struct pl_df_model *m, size_t i)
{
	const struct pl_sh_script *sc = pl_df_script(m, i);
	const struct pl_df_instr *in = &m->file->instrs[i];
	const char *v;
	size_t len;

	for (size_t k = 0; k < sc->ncmds; k++) {
		const struct pl_sh_cmd *c = &sc->cmds[k];
		size_t sub = pl_pkg_pip_sub(c);

		for (size_t a = 0; a < c->nassigns; a++) {
			if (is_var(c->assigns[a].text, &v)) {
				report(ck, c->assigns[a].off, c->assigns[a].end,
				       "PIP_EXTRA_INDEX_URL", v);
			}
		}
		if (sub < c->argc) {
			check_pip(ck, c, sub);
			continue;
		}
		if (!pl_sh_is(c, "uv")) {
			check_words(ck, c);
		}
	}
	for (size_t h = 0; h < in->nheredocs; h++) {
		long off;

		if (pl_pkg_heredocs_are_script(m, i)) {
			continue;
		}
		off = pl_pkg_heredoc_find(&in->heredocs[h], "extra-index-url", url_values, &len);
		if (off >= 0) {
			const char *line = m->src->text + off;

			report(ck, (uint32_t)off, (uint32_t)(off + (long)strcspn(line, "\n")),
			       "extra-index-url in a pip configuration", line);
		}
	}
}

static void
check(struct pl_check *ck, const struct pl_df_model *m, size_t i)
{
	const struct pl_df_instr *in = &m->file->instrs[i];

	if (in->kind == PL_DF_RUN) {
		check_run(ck, m, i);
		return;
	}
	if (in->kind == PL_DF_ENV) {
		for (size_t k = 0; k + 2 < in->nargs; k += 3) {
			const char *v;

			if (!pl_streq(in->args[k].s, "PIP_EXTRA_INDEX_URL")) {
				continue;
			}
			v = pl_df_expand(m, &m->states[i], in->args[k + 1].s);
			if (v != NULL && v[0] != '\0') {
				report(ck, in->args[k].off, in->args[k + 1].end,
				       "ENV PIP_EXTRA_INDEX_URL", v);
			}
		}
		return;
	}
	/* ARG: only a stage's ARG reaches RUN commands */
	for (size_t k = 0; k < in->nargs && m->states[i].stage >= 0; k++) {
		const char *w = in->args[k].s, *v;

		if (pl_starts_with(w, "PIP_EXTRA_INDEX_URL=") &&
		    (v = pl_df_expand(m, &m->states[i], w + 20)) != NULL && v[0] != '\0') {
			report(ck, in->args[k].off, in->args[k].end, "ARG PIP_EXTRA_INDEX_URL", v);
		}
	}
}

const struct pl_rule rule_df0042 = {
	.id = "DF0042",
	.name = "pip-extra-index-url",
	.title = "pip is given an extra package index",
	.severity = PL_SEV_MEDIUM,
	.category = "supply-chain",
	.why = "pip treats `--extra-index-url` as more of the same index: for every package it "
	       "collects the versions offered by PyPI and by the extra index and installs the "
	       "highest. Anyone who publishes a private package's name on PyPI with a higher "
	       "version number gets their code installed instead (dependency confusion), "
	       "which is how several companies' build systems were compromised.",
	.fix = "Use a single index that serves the private packages and proxies PyPI "
	       "(`--index-url`), register the private names on PyPI, or pin every file with "
	       "`--require-hashes`. uv's default index strategy, which takes a package from the "
	       "first index that has it, also avoids the mix.",
	.bad = "FROM python:3.12.4-slim\nRUN pip install --no-cache-dir "
	       "--extra-index-url https://pypi.example.com/simple acme-client==1.4.0\n",
	.good = "FROM python:3.12.4-slim\nRUN pip install --no-cache-dir "
		"--index-url https://pypi.example.com/simple acme-client==1.4.0\n",
	.refs = (const char *const[]){
		"https://pip.pypa.io/en/stable/cli/pip_install/#finding-packages",
		"https://docs.astral.sh/uv/concepts/indexes/#searching-across-multiple-indexes",
		"https://cwe.mitre.org/data/definitions/427.html",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_DOCKERFILE,
	.on_instr = PL_ON(PL_DF_RUN) | PL_ON(PL_DF_ENV) | PL_ON(PL_DF_ARG),
	.check_instr = check,
};
