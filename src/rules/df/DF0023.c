/*
 * DF0023 -- a pipe in RUN without pipefail.
 *
 * Reported: a shell-form RUN with a pipeline whose shell is /bin/sh (the default) or bash
 * without `-o pipefail` in SHELL, when no `set -o pipefail` (or `set -eo pipefail`,
 * `set -euxo pipefail`) comes before the pipe in the same RUN.
 * Not reported: SHELL with -o pipefail (or -eo pipefail); SHELL set to PowerShell or
 * cmd, where a pipe is not a POSIX pipeline; exec-form RUN; pipes inside subshells and
 * command substitutions; pipelines that start with echo, printf, yes or true, which do
 * not fail, or with a local query whose failure only empties the output that the rest of
 * the pipeline then handles (find, ldd, scanelf, grep, locale, package listings such as
 * `dpkg-query`, `apk info`, `apt-mark showmanual`, `rpm -q`, `pip freeze`): the image's own build scripts use
 * these to collect library lists, and a failure there does not fetch or install
 * anything wrong.
 */
#include "core/str.h"
#include "rules/df/util.h"

#include <string.h>

/* SHELL sets pipefail ("-o pipefail", or bundled as "-eo pipefail"), or is not a POSIX
 * shell at all (PowerShell, cmd), where a pipe means something else. */
static bool
shell_has_pipefail(const struct pl_df_state *s)
{
	static const char *const other[] = { "pwsh", "pwsh.exe", "powershell",
					     "powershell.exe", "cmd", "cmd.exe", NULL };

	if (s->nshell > 0) {
		const char *b = strrchr(s->shell[0], '/');

		b = b != NULL ? b + 1 : s->shell[0];
		for (const char *const *o = other; *o != NULL; o++) {
			if (pl_streq_ci(b, *o)) {
				return true;
			}
		}
	}
	for (size_t k = 0; k + 1 < s->nshell; k++) {
		const char *o = s->shell[k];

		if (o[0] == '-' && o[1] != '-' && o[strlen(o) - 1] == 'o' &&
		    pl_streq(s->shell[k + 1], "pipefail")) {
			return true;
		}
	}
	return false;
}

/* `set ... pipefail` (set -o pipefail, set -euo pipefail). */
static bool
sets_pipefail(const struct pl_sh_cmd *c)
{
	if (!pl_sh_is(c, "set")) {
		return false;
	}
	for (size_t a = c->prog + 1; a < c->argc; a++) {
		if (pl_streq(c->argv[a].text, "pipefail")) {
			return true;
		}
	}
	return false;
}

/* A first command whose failure cannot hide a broken download or install. */
static bool
harmless_producer(const struct pl_sh_cmd *c)
{
	static const char *const progs[] = { "echo", "printf", "yes", "true", "find", "ldd",
					     "scanelf", "readelf", "grep", "egrep", "fgrep",
					     "locale", "dpkg-query", "ls", "env", "uname", "id",
					     "cat", NULL };

	for (const char *const *p = progs; *p != NULL; p++) {
		if (pl_sh_is(c, *p)) {
			return true;
		}
	}
	if (c->prog + 1 < c->argc) {
		const char *sub = c->argv[c->prog + 1].text;

		if ((pl_sh_is(c, "apk") && (pl_streq(sub, "info") || pl_streq(sub, "list") ||
					     pl_starts_with(sub, "--no-network"))) ||
		    (pl_sh_is(c, "rpm") && pl_starts_with(sub, "-q")) ||
		    (pl_sh_is(c, "apt-mark") && pl_starts_with(sub, "show")) ||
		    (pl_sh_is(c, "dpkg") && (pl_streq(sub, "-l") || pl_streq(sub, "-L") ||
					      pl_streq(sub, "--print-architecture"))) ||
		    ((pl_sh_is(c, "pip") || pl_sh_is(c, "pip3")) &&
		     (pl_streq(sub, "freeze") || pl_streq(sub, "list")))) {
			return true;
		}
	}
	return false;
}

static void
check(struct pl_check *ck, const struct pl_df_model *m, size_t i)
{
	const struct pl_df_instr *in = &m->file->instrs[i];
	const struct pl_sh_script *sc = pl_df_script(m, i);
	struct pl_finding *f;
	size_t k;

	if (in->json || shell_has_pipefail(&m->states[i])) {
		return;
	}
	for (k = 0; k < sc->ncmds; k++) {
		const struct pl_sh_cmd *c = &sc->cmds[k];

		if (sets_pipefail(c)) {
			return;
		}
		/* Only a producer that can fail matters: echo and printf of a literal cannot
		 * (`echo "$sum  file" | sha256sum -c -` is the usual checksum idiom). */
		if (c->pipe_len > 1 && c->pipe_pos == 1 && c->depth == 0 && k > 0 &&
		    !harmless_producer(&sc->cmds[k - 1])) {
			f = pl_check_report(ck, sc->cmds[k - 1].off, c->end, "the pipe hides failures "
					    "of its first command: only the last command's status "
					    "counts");
			if (f != NULL) {
				f->fix = "Add `SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]` before "
					 "the RUN (or start the RUN with `set -o pipefail &&` where the "
					 "shell supports it).";
			}
			return;
		}
	}
}

const struct pl_rule rule_df0023 = {
	.id = "DF0023",
	.name = "pipefail-missing",
	.title = "A pipe in RUN hides failures",
	.severity = PL_SEV_LOW,
	.category = "runtime",
	.why = "A pipeline's exit status is its last command's. In `curl -fsSL url | tar x` a "
	       "failed download still gives tar empty input and a successful step: the build "
	       "goes on and ships an image without the files, or with half of them.",
	.fix = "Make pipelines fail when any command fails: `SHELL [\"/bin/bash\", \"-o\", "
	       "\"pipefail\", \"-c\"]` before the RUN steps, or `set -o pipefail` at the start "
	       "of the RUN.",
	.bad = "FROM debian:12.6-slim\nRUN curl -fsSL https://example.com/a.tgz | tar xz -C /opt\n",
	.good = "FROM debian:12.6-slim\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\n"
		"RUN curl -fsSL https://example.com/a.tgz | tar xz -C /opt\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/build/building/best-practices/#using-pipes", NULL },
	.peers = (const char *const[]){ "hadolint:DL4006", NULL },
	.inputs = PL_IN_DOCKERFILE,
	.on_instr = PL_ON(PL_DF_RUN),
	.check_instr = check,
};
