/*
 * DF0012 -- sudo in a RUN command.
 *
 * Reported: sudo as a command (also after `env`, inside `sh -c` and heredoc scripts).
 * Not reported: installing the sudo package (`apt-get install sudo` names it as an
 * operand, not a command), and text that mentions it (echo "sudo ...").
 */
#include "rules/df/util.h"

#include <string.h>

static void
check(struct pl_check *ck, const struct pl_df_model *m, size_t i)
{
	const struct pl_sh_script *sc = pl_df_script(m, i);
	struct pl_finding *f;
	size_t k, w;

	for (k = 0; k < sc->ncmds; k++) {
		const struct pl_sh_cmd *c = &sc->cmds[k];

		/* sudo may sit behind env or another wrapper: look at the words before the
		 * program the command really runs. */
		for (w = 0; w < c->argc && w <= c->prog; w++) {
			if (strcmp(pl_sh_basename(&c->argv[w]), "sudo") != 0) {
				continue;
			}
			f = pl_check_report(ck, c->argv[w].off, c->argv[w].end, "sudo in a RUN "
					    "step: build steps already run as the current USER");
			if (f != NULL) {
				f->fix = "Drop sudo: run the step while USER is root (switch with `USER "
					 "root` and back), and do not install sudo in the image.";
			}
			break;
		}
	}
}

const struct pl_rule rule_df0012 = {
	.id = "DF0012",
	.name = "sudo-in-run",
	.title = "RUN uses sudo",
	.severity = PL_SEV_MEDIUM,
	.category = "privilege",
	.why = "sudo in a Dockerfile means the image ships sudo and, usually, a sudoers entry "
	       "that lets the runtime user become root: any code execution in the container "
	       "is then one command away from root. It also has unpredictable TTY and signal "
	       "behaviour in builds, and is never needed: each RUN executes as the USER in "
	       "effect, which the Dockerfile controls.",
	.fix = "Switch to root for the steps that need it (`USER root`), run them without sudo, "
	       "then switch back to the unprivileged user; remove sudo from the image.",
	.bad = "FROM debian:12.6-slim\nUSER app\nRUN sudo apt-get update\n",
	.good = "FROM debian:12.6-slim\nUSER root\nRUN apt-get update\nUSER app\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/build/building/best-practices/#user",
		NULL },
	.peers = (const char *const[]){ "hadolint:DL3004", "checkov:CKV2_DOCKER_1",
					 "kics:Run Using Sudo", NULL },
	.inputs = PL_IN_DOCKERFILE,
	.on_instr = PL_ON(PL_DF_RUN),
	.check_instr = check,
};
