/*
 * CLI0001 -- docker run --privileged.
 *
 * Reported on every docker run and create, one-off runs included: --privileged=false is
 * not.
 */
#include "rules/cli/util.h"

static void
check(struct pl_check *ck, const struct pl_script *s)
{
	for (size_t i = 0; i < s->ncmds; i++) {
		const struct pl_docker_cmd *c = &s->cmds[i];

		for (size_t k = 0; pl_cli_runs(c) && k < c->nflags; k++) {
			const struct pl_docker_flag *f = &c->flags[k];

			if (strcmp(f->name, "privileged") == 0 && pl_cli_flag_on(f)) {
				pl_check_report(ck, f->off, f->end, "%s runs privileged: it gets "
						"every capability and device of the host",
						pl_cli_image(c));
			}
		}
	}
}

const struct pl_rule rule_cli0001 = {
	.id = "CLI0001",
	.name = "cli-privileged",
	.title = "docker run with --privileged",
	.severity = PL_SEV_CRITICAL,
	.category = "privilege",
	.why = "`--privileged` gives the container every Linux capability, every host "
	       "device and no seccomp or AppArmor confinement: a process that escapes the "
	       "application owns the host. Commands copied from a README into deployment "
	       "scripts keep the flag long after the reason for it is gone.",
	.fix = "Remove `--privileged`. Grant only the capability the program needs with "
	       "`--cap-add`, and only the device it needs with `--device`.",
	.bad = "docker run -d --privileged nginx:1.27\n",
	.good = "docker run -d --cap-add NET_BIND_SERVICE nginx:1.27\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/reference/cli/docker/container/run/#privileged",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_SCRIPT,
	.check_script = check,
};
