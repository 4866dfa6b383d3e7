/*
 * DF0054 -- yum, dnf, microdnf or zypper asks for a confirmation that a build cannot give.
 *
 * Reported: `yum`, `dnf` or `microdnf` `install` (in, groupinstall, localinstall,
 * reinstall, remove, erase, update, upgrade, downgrade, distro-sync, autoremove) without
 * -y or --assumeyes; `zypper` `install` (in, remove, rm, update, up, dist-upgrade, dup,
 * patch, source-install, si) without the global -n / --non-interactive or the command's
 * -y / --no-confirm.
 * Not reported: --assumeno and dry runs (`--downloadonly`, zypper's -D / --dry-run),
 * which do not wait; commands that read from a pipe (`yes | yum install ...`); commands
 * with an unquoted expansion as a whole word (`dnf install $DNF_OPTS ...`); and commands
 * after a RUN that sets `assumeyes` in a dnf or yum configuration file, or a COPY of such
 * a file (whose content is not known), in that stage and the stages built FROM it.
 * microdnf is reported too: older releases never asked, but newer ones (RHEL 9 family
 * and later) do.
 */
#include "rules/df/hygiene_util.h"
#include "rules/df/util.h"
#include "core/str.h"

#include <string.h>

static bool
has_any(const struct pl_sh_cmd *c, const char *const *opts)
{
	for (const char *const *o = opts; *o != NULL; o++) {
		if (pl_sh_has_opt(c, *o)) {
			return true;
		}
	}
	return false;
}

static bool
answered(const struct pl_sh_cmd *c, bool zypper)
{
	static const char *const rpm_yes[] = { "-y", "--assumeyes", "--assumeno",
					       "--downloadonly", NULL };
	static const char *const zypper_yes[] = { "-n", "--non-interactive", "-y",
						  "--no-confirm", "-D", "--dry-run", NULL };

	if (has_any(c, zypper ? zypper_yes : rpm_yes) || c->pipe_pos > 0) {
		return true;
	}
	for (size_t a = c->prog + 1; a < c->argc; a++) {
		const struct pl_sh_word *w = &c->argv[a];

		if ((w->flags & PL_SHW_EXPANSION) != 0 && (w->flags & PL_SHW_QUOTED) == 0 &&
		    w->raw[0] == '$') {
			return true;
		}
	}
	return false;
}

/* RUN I sets assumeyes in dnf.conf or yum.conf. */
static bool
configures_yes(const struct pl_df_model *m, size_t i)
{
	const struct pl_df_instr *in = &m->file->instrs[i];
	const struct pl_sh_script *sc = pl_df_script(m, i);
	bool yes = pl_strcasestr(in->original, "assumeyes") != NULL;
	bool conf = strstr(in->original, "dnf.conf") != NULL ||
		    strstr(in->original, "yum.conf") != NULL;

	for (size_t h = 0; h < in->nheredocs; h++) {
		yes |= pl_strcasestr(in->heredocs[h].content, "assumeyes") != NULL;
		conf |= strstr(in->heredocs[h].content, "dnf.conf") != NULL ||
			strstr(in->heredocs[h].content, "yum.conf") != NULL;
	}
	for (size_t k = 0; k < sc->ncmds && !(yes && conf); k++) {
		const struct pl_sh_cmd *c = &sc->cmds[k];

		for (size_t a = 0; a < c->argc; a++) {
			yes |= pl_strcasestr(c->argv[a].text, "assumeyes") != NULL;
			conf |= strstr(c->argv[a].text, "dnf.conf") != NULL ||
				strstr(c->argv[a].text, "yum.conf") != NULL;
		}
		for (size_t r = 0; r < c->nredirs; r++) {
			conf |= strstr(c->redirs[r].text, "dnf.conf") != NULL ||
				strstr(c->redirs[r].text, "yum.conf") != NULL;
		}
	}
	return yes && conf;
}

static void
check(struct pl_check *ck, const struct pl_df_model *m)
{
	static const char *const rpm[] = { "yum", "dnf", "microdnf", NULL };
	static const char *const rpm_subs[] = { "install", "in", "groupinstall", "localinstall",
						"reinstall", "remove", "erase", "update", "upgrade",
						"downgrade", "distro-sync", "autoremove", NULL };
	static const char *const zypp[] = { "zypper", NULL };
	static const char *const zypp_subs[] = { "install", "in", "remove", "rm", "update", "up",
						 "dist-upgrade", "dup", "patch", "source-install",
						 "si", NULL };
	/* Per stage: a configuration that assumes yes is in effect, written by the
	 * stage or inherited from the stage it builds FROM (always an earlier one). */
	static const char *const progs[] = { "yum", "dnf", "microdnf", "zypper", NULL };
	bool *yes;

	if (!pl_df_runs_any(m, progs)) {
		return;
	}
	yes = pl_arena_alloc(m->arena, (m->nstages + 1) * sizeof(*yes));
	for (size_t i = 0; i < m->file->ninstrs; i++) {
		const struct pl_stage *st = pl_df_stage_of(m, i);
		const struct pl_sh_script *sc = pl_df_script(m, i);
		const struct pl_df_instr *in = &m->file->instrs[i];

		if (st != NULL && in->kind == PL_DF_FROM) {
			int base = st->base.stage;

			yes[st->index] = base >= 0 && base < st->index && yes[base];
			continue;
		}
		/* A configuration file copied in may assume yes: its content is not known. */
		if (st != NULL && (in->kind == PL_DF_COPY || in->kind == PL_DF_ADD) &&
		    in->nargs > 0 && (strstr(in->args[in->nargs - 1].s, "dnf.conf") != NULL ||
				      strstr(in->args[in->nargs - 1].s, "yum.conf") != NULL)) {
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
			bool zypper = pl_hyg_runs(c, zypp, zypp_subs, &sub);

			if ((!zypper && !pl_hyg_runs(c, rpm, rpm_subs, &sub)) ||
			    answered(c, zypper)) {
				continue;
			}
			f = pl_check_report(ck, c->off, c->end, "%s %s without %s waits for a "
					    "confirmation that the build cannot give", c->prog_name,
					    c->argv[sub].text, zypper ? "--non-interactive" : "-y");
			if (f != NULL) {
				f->fix = zypper ? "Use `zypper --non-interactive install ...` (-n)."
						: pl_check_printf(ck, "Add -y: `%s %s -y ...`.",
								  c->prog_name, c->argv[sub].text);
			}
		}
	}
}

const struct pl_rule rule_df0054 = {
	.id = "DF0054",
	.name = "rpm-install-missing-yes",
	.title = "yum, dnf or zypper asks for a confirmation that the build cannot give",
	.severity = PL_SEV_MEDIUM,
	.category = "runtime",
	.why = "Without -y (zypper: --non-interactive), yum, dnf and zypper ask \"Is this "
	       "ok?\" before changing packages. A build has no terminal to answer: the tool "
	       "reads end of input, answers no, and the step fails, or with some versions "
	       "waits until the build times out.",
	.fix = "Use `yum install -y`, `dnf install -y`, `microdnf install -y` or `zypper "
	       "--non-interactive install`.",
	.bad = "FROM rockylinux:9.3\nRUN yum install httpd-2.4.57 && yum clean all\n",
	.good = "FROM rockylinux:9.3\nRUN yum install -y httpd-2.4.57 && yum clean all\n",
	.refs = (const char *const[]){
		"https://dnf.readthedocs.io/en/latest/command_ref.html",
		"https://en.opensuse.org/SDB:Zypper_manual",
		NULL },
	.peers = (const char *const[]){ "hadolint:DL3030", "hadolint:DL3038", "hadolint:DL3034",
					 "kics:Yum Install Allows Manual Input",
					 "kics:Missing Zypper Non-interactive Switch", NULL },
	.inputs = PL_IN_DOCKERFILE,
	.check_doc = check,
};
