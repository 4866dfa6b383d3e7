/*
 * DF0027 -- the default shell is changed by relinking /bin/sh.
 *
 * Reported: `ln -s...` whose target is /bin/sh (or /usr/bin/sh), such as
 * `ln -sf /bin/bash /bin/sh`.
 * Not reported: other links.
 */
#include "rules/df/util.h"

#include <string.h>

static void
check(struct pl_check *ck, const struct pl_df_model *m, size_t i)
{
	const struct pl_sh_script *sc = pl_df_script(m, i);
	struct pl_finding *f;
	size_t k;

	for (k = 0; k < sc->ncmds; k++) {
		const struct pl_sh_cmd *c = &sc->cmds[k];
		const char *last;

		if (!pl_sh_is(c, "ln") || c->argc < c->prog + 3) {
			continue;
		}
		last = c->argv[c->argc - 1].text;
		if (strcmp(last, "/bin/sh") != 0 && strcmp(last, "/usr/bin/sh") != 0) {
			continue;
		}
		f = pl_check_report(ck, c->off, c->end, "replacing /bin/sh changes the shell of "
				    "every later RUN and of every script in the image");
		if (f != NULL) {
			f->fix = "Set the shell of the Dockerfile's own RUN steps with `SHELL "
				 "[\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]` and leave /bin/sh "
				 "alone.";
		}
	}
}

const struct pl_rule rule_df0027 = {
	.id = "DF0027",
	.name = "shell-relinked",
	.title = "/bin/sh is replaced to change the shell",
	.severity = PL_SEV_LOW,
	.category = "runtime",
	.why = "Relinking /bin/sh changes the shell not only for the Dockerfile's RUN steps but "
	       "for every script and program in the image that calls /bin/sh, including the "
	       "distribution's own maintainer scripts, which are written for the original "
	       "shell.",
	.fix = "Use the SHELL instruction: `SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]`.",
	.bad = "FROM debian:12.6-slim\nRUN ln -sf /bin/bash /bin/sh\n",
	.good = "FROM debian:12.6-slim\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\n",
	.refs = (const char *const[]){ "https://docs.docker.com/reference/dockerfile/#shell",
				       NULL },
	.peers = (const char *const[]){ "hadolint:DL4005", NULL },
	.inputs = PL_IN_DOCKERFILE,
	.on_instr = PL_ON(PL_DF_RUN),
	.check_instr = check,
};
