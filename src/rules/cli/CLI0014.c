/*
 * CLI0014 -- --security-opt that turns confinement off: seccomp=unconfined,
 * apparmor=unconfined, label=disable (SELinux), systempaths=unconfined.
 *
 * Reported on every docker run and create; the old `seccomp:unconfined` spelling too.
 */
#include "rules/cli/util.h"

static void
check(struct pl_check *ck, const struct pl_script *s)
{
	static const char *const off[] = { "seccomp", "unconfined", "apparmor", "unconfined",
					   "label", "disable", "systempaths", "unconfined",
					   NULL };

	for (size_t i = 0; i < s->ncmds; i++) {
		const struct pl_docker_cmd *c = &s->cmds[i];

		for (size_t k = 0; pl_cli_runs(c) && k < c->nflags; k++) {
			const struct pl_docker_flag *f = &c->flags[k];
			const char *v = f->value;

			if (strcmp(f->name, "security-opt") != 0 || v == NULL) {
				continue;
			}
			for (const char *const *o = off; *o != NULL; o += 2) {
				size_t n = strlen(o[0]);

				if (strncmp(v, o[0], n) == 0 && (v[n] == '=' || v[n] == ':') &&
				    strcmp(v + n + 1, o[1]) == 0) {
					pl_cli_report_value(ck, f, "%s runs without %s confinement "
							    "(--security-opt %s)", pl_cli_image(c),
							    o[0], v);
				}
			}
		}
	}
}

const struct pl_rule rule_cli0014 = {
	.id = "CLI0014",
	.name = "cli-confinement-disabled",
	.title = "Seccomp, AppArmor or SELinux confinement turned off",
	.severity = PL_SEV_HIGH,
	.category = "privilege",
	.why = "Docker's default seccomp profile blocks some forty system calls that "
	       "containers do not need and that most kernel escapes use (keyctl, bpf, "
	       "userfaultfd, unshare); its AppArmor and SELinux profiles keep the container "
	       "away from /proc and /sys files and from the host's files. "
	       "`seccomp=unconfined`, `apparmor=unconfined` and `label=disable` remove "
	       "these walls for the whole container.",
	.fix = "Remove the option. If one system call is missing, start from Docker's "
	       "default profile and allow only that call with `--security-opt "
	       "seccomp=profile.json`.",
	.bad = "docker run -d --security-opt seccomp=unconfined app:1.4\n",
	.good = "docker run -d --security-opt seccomp=./seccomp-app.json app:1.4\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/engine/security/seccomp/",
		"https://docs.docker.com/engine/security/apparmor/",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_SCRIPT,
	.check_script = check,
};
