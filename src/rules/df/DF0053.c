/*
 * DF0053 -- apt-get asks for a confirmation that a build cannot give.
 *
 * Reported: `apt-get` or `apt` `install`, `reinstall`, `remove`, `purge`, `autoremove`,
 * `upgrade`, `dist-upgrade` or `full-upgrade` without an answer to the prompt: none of
 * -y, --yes, --assume-yes, a quiet level of 2 (-qq, -q -q, -q=2, which implies -y), or
 * `-o APT::Get::Assume-Yes=true`.
 * Not reported: simulations and downloads only (-s, --simulate, --dry-run, --just-print,
 * --no-act, --recon, -d, --download-only, --print-uris), which never ask; commands that
 * read from a pipe (`yes | apt-get install ...`); commands with an unquoted expansion as
 * a whole word (`apt-get install $APT_OPTS curl`), which may hold -y; and commands after
 * a RUN that writes APT::Get::Assume-Yes into an apt configuration file, or a COPY of a
 * file into one (whose content is not known), in that stage and the stages built FROM
 * it.
 */
#include "rules/df/hygiene_util.h"
#include "rules/df/util.h"
#include "core/str.h"

#include <stdlib.h>
#include <string.h>

/* The quiet level that C's options add up to: -q counts one, -qq two, -q=N N. */
static long
quiet_level(const struct pl_sh_cmd *c)
{
	long level = 0;

	for (size_t a = c->prog + 1; a < c->argc; a++) {
		const char *w = c->argv[a].text;

		if (strncmp(w, "-q=", 3) == 0 || strncmp(w, "--quiet=", 8) == 0) {
			level = strtol(strchr(w, '=') + 1, NULL, 10);
		} else if (pl_streq(w, "--quiet")) {
			level++;
		} else if (w[0] == '-' && w[1] != '-' && strspn(w + 1, "qyVsdfmubh") ==
			   strlen(w + 1)) {
			/* A cluster of short flags such as -qq or -qqy. */
			for (const char *p = w + 1; *p; p++) {
				level += *p == 'q';
			}
		}
	}
	return level;
}

/* Quiet level 2 makes apt-get assume yes (apt-get(8), -q). */
#define QUIET_ASSUMES_YES 2

static bool
answered(const struct pl_sh_cmd *c)
{
	static const char *const opts[] = { "-y", "--yes", "--assume-yes", "-s", "--simulate",
					    "--dry-run", "--just-print", "--no-act", "--recon",
					    "-d", "--download-only", "--print-uris", NULL };

	for (const char *const *o = opts; *o != NULL; o++) {
		if (pl_sh_has_opt(c, *o)) {
			return true;
		}
	}
	if (quiet_level(c) >= QUIET_ASSUMES_YES || c->pipe_pos > 0) {
		return true;
	}
	for (size_t a = c->prog + 1; a < c->argc; a++) {
		const struct pl_sh_word *w = &c->argv[a];

		if (pl_strcasestr(w->text, "Assume-Yes") != NULL ||
		    ((w->flags & PL_SHW_EXPANSION) != 0 && (w->flags & PL_SHW_QUOTED) == 0 &&
		     w->raw[0] == '$')) {
			return true;
		}
	}
	return false;
}

/* Some text of RUN I -- its command line, a word or redirection of its script, or a
 * heredoc body -- contains NEEDLE (case-insensitive). */
static bool
run_mentions(const struct pl_df_model *m, size_t i, const char *needle)
{
	const struct pl_df_instr *in = &m->file->instrs[i];
	const struct pl_sh_script *sc = pl_df_script(m, i);

	if (pl_strcasestr(in->original, needle) != NULL) {
		return true;
	}
	for (size_t h = 0; h < in->nheredocs; h++) {
		if (pl_strcasestr(in->heredocs[h].content, needle) != NULL) {
			return true;
		}
	}
	for (size_t k = 0; k < sc->ncmds; k++) {
		const struct pl_sh_cmd *c = &sc->cmds[k];

		for (size_t a = 0; a < c->argc; a++) {
			if (pl_strcasestr(c->argv[a].text, needle) != NULL) {
				return true;
			}
		}
		for (size_t r = 0; r < c->nredirs; r++) {
			if (pl_strcasestr(c->redirs[r].text, needle) != NULL) {
				return true;
			}
		}
	}
	return false;
}

/* RUN I writes APT::Get::Assume-Yes into an apt configuration file, for every later
 * apt-get of the stage and the stages built FROM it. */
static bool
configures_yes(const struct pl_df_model *m, size_t i)
{
	return run_mentions(m, i, "Assume-Yes") && run_mentions(m, i, "apt.conf");
}

static void
check(struct pl_check *ck, const struct pl_df_model *m)
{
	static const char *const apt[] = { "apt-get", "apt", NULL };
	static const char *const subs[] = { "install", "reinstall", "remove", "purge",
					    "autoremove", "upgrade", "dist-upgrade", "full-upgrade",
					    NULL };
	/* Per stage: an apt configuration with assume-yes is in effect, written by the
	 * stage or inherited from the stage it builds FROM (always an earlier one). */
	bool *yes;

	if (!pl_df_runs_any(m, apt)) {
		return;
	}
	yes = pl_arena_alloc(m->arena, (m->nstages + 1) * sizeof(*yes));
	for (size_t i = 0; i < m->file->ninstrs; i++) {
		const struct pl_df_instr *in = &m->file->instrs[i];
		const struct pl_stage *st = pl_df_stage_of(m, i);
		const struct pl_sh_script *sc = pl_df_script(m, i);

		if (st != NULL && in->kind == PL_DF_FROM) {
			int base = st->base.stage;

			yes[st->index] = base >= 0 && base < st->index && yes[base];
			continue;
		}
		/* A configuration file copied in may assume yes: its content is not known. */
		if (st != NULL && (in->kind == PL_DF_COPY || in->kind == PL_DF_ADD) &&
		    in->nargs > 0 && strstr(in->args[in->nargs - 1].s, "apt.conf") != NULL) {
			yes[st->index] = true;
		}
		if (st == NULL || in->kind != PL_DF_RUN) {
			continue;
		}
		yes[st->index] |= configures_yes(m, i);
		for (size_t k = 0; !yes[st->index] && k < sc->ncmds; k++) {
			const struct pl_sh_cmd *c = &sc->cmds[k];
			struct pl_finding *f;
			size_t sub;

			if (!pl_hyg_runs(c, apt, subs, &sub) || answered(c)) {
				continue;
			}
			f = pl_check_report(ck, c->off, c->end, "%s %s without -y waits for a "
					    "confirmation that the build cannot give", c->prog_name,
					    c->argv[sub].text);
			if (f == NULL) {
				continue;
			}
			f->fix = pl_check_printf(ck, "Add -y: `%s %s -y ...`.", c->prog_name,
						 c->argv[sub].text);
			if (pl_hyg_can_edit(in, c)) {
				struct pl_edit *e = pl_arena_alloc(&ck->r->arena, sizeof(*e));

				e->off = e->end = c->argv[sub].end;
				e->replacement = " -y";
				f->edit = e;
			}
		}
	}
}

const struct pl_rule rule_df0053 = {
	.id = "DF0053",
	.name = "apt-missing-yes",
	.title = "apt-get asks for a confirmation that the build cannot give",
	.severity = PL_SEV_MEDIUM,
	.category = "runtime",
	.why = "Without -y, apt-get asks \"Do you want to continue?\" whenever an install pulls "
	       "in packages beyond those named, or a command removes any. A build has no "
	       "terminal to answer: apt-get reads end of input and aborts, and the build fails. "
	       "Whether it asks depends on what the package archive holds on the day, so the "
	       "same Dockerfile that built yesterday breaks today.",
	.fix = "Pass -y to every apt-get command that changes packages: `apt-get install -y "
	       "--no-install-recommends <packages>`, `apt-get purge -y --auto-remove ...`.",
	.bad = "FROM debian:12.6-slim\nRUN apt-get update && apt-get install curl\n",
	.good = "FROM debian:12.6-slim\nRUN apt-get update && apt-get install -y curl\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/build/building/best-practices/#apt-get",
		"https://manpages.debian.org/bookworm/apt/apt-get.8.en.html",
		NULL },
	.peers = (const char *const[]){ "hadolint:DL3014", "trivy:DS-0021",
					 "kics:APT-GET Missing Flags To Avoid Manual Input", NULL },
	.inputs = PL_IN_DOCKERFILE,
	.check_doc = check,
};
