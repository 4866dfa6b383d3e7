/*
 * DF0054 -- yum, dnf or zypper install that waits for a confirmation.
 *
 * Reported: `yum install` / `dnf install` / `microdnf install` without -y or
 * --assumeyes, and `zypper install` without -n / --non-interactive / -y / --no-confirm.
 * Not reported: microdnf, which does not prompt.
 */
#include "rules/df/util.h"

#include <string.h>

static void
check(struct pl_check *ck, const struct pl_df_model *m, size_t i)
{
	const struct pl_sh_script *sc = pl_df_script(m, i);
	struct pl_finding *f;
	size_t k, sub;

	for (k = 0; k < sc->ncmds; k++) {
		const struct pl_sh_cmd *c = &sc->cmds[k];
		bool rpm = pl_sh_is(c, "yum") || pl_sh_is(c, "dnf");
		bool zyp = pl_sh_is(c, "zypper");

		if (!rpm && !zyp) {
			continue;
		}
		sub = pl_sh_subcommand(c, (const char *const[]){ "--setopt", "-c", "--config",
								 "--installroot", NULL });
		if (sub >= c->argc || (strcmp(c->argv[sub].text, "install") != 0 &&
				       !(zyp && strcmp(c->argv[sub].text, "in") == 0))) {
			continue;
		}
		if (rpm && (pl_sh_has_opt(c, "-y") || pl_sh_has_opt(c, "--assumeyes"))) {
			continue;
		}
		if (zyp && (pl_sh_has_opt(c, "-n") || pl_sh_has_opt(c, "--non-interactive") ||
			    pl_sh_has_opt(c, "-y") || pl_sh_has_opt(c, "--no-confirm"))) {
			continue;
		}
		f = pl_check_report(ck, c->off, c->end, "%s install without %s waits for a "
				    "confirmation that a build cannot give", c->prog_name,
				    zyp ? "-n" : "-y");
		if (f != NULL) {
			f->fix = zyp ? "Use `zypper --non-interactive install ...`."
				     : "Use `install -y ...`.";
		}
	}
}

const struct pl_rule rule_df0054 = {
	.id = "DF0054",
	.name = "rpm-install-missing-yes",
	.title = "yum, dnf or zypper install asks for a confirmation",
	.severity = PL_SEV_MEDIUM,
	.category = "runtime",
	.why = "Without -y (zypper: -n), the package manager asks before installing; a build "
	       "has no terminal to answer, so the step aborts or hangs depending on the tool "
	       "version.",
	.fix = "Use `yum install -y`, `dnf install -y` or `zypper --non-interactive install`.",
	.bad = "FROM rockylinux:9.3\nRUN yum install httpd-2.4.57 && yum clean all\n",
	.good = "FROM rockylinux:9.3\nRUN yum install -y httpd-2.4.57 && yum clean all\n",
	.refs = (const char *const[]){ "https://dnf.readthedocs.io/en/latest/command_ref.html",
				       NULL },
	.peers = (const char *const[]){ "hadolint:DL3030", "hadolint:DL3038", "hadolint:DL3034",
					 NULL },
	.inputs = PL_IN_DOCKERFILE,
	.on_instr = PL_ON(PL_DF_RUN),
	.check_instr = check,
};
