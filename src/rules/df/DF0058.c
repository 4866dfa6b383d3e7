/*
 * DF0058 -- both wget and curl are used in the final image's stages.
 *
 * Reported: once, at the first wget, when the final stage (or a stage it builds FROM)
 * runs both wget and curl.
 * Not reported: build stages, which do not ship; a file that uses only one of them.
 */
#include "rules/df/util.h"

static void
check(struct pl_check *ck, const struct pl_df_model *m)
{
	const struct pl_sh_cmd *wget = NULL;
	bool curl = false;
	size_t i, k;

	for (i = 0; i < m->file->ninstrs; i++) {
		const struct pl_stage *st = pl_df_stage_of(m, i);
		const struct pl_sh_script *sc = pl_df_script(m, i);

		if (st == NULL || !pl_df_in_final_chain(m, st->index)) {
			continue;
		}
		for (k = 0; k < sc->ncmds; k++) {
			if (wget == NULL && pl_sh_is(&sc->cmds[k], "wget")) {
				wget = &sc->cmds[k];
			}
			curl |= pl_sh_is(&sc->cmds[k], "curl");
		}
	}
	if (wget != NULL && curl) {
		pl_check_report(ck, wget->off, wget->end, "the image uses both wget and curl: one "
				"download tool is enough");
	}
}

const struct pl_rule rule_df0058 = {
	.id = "DF0058",
	.name = "wget-and-curl",
	.title = "Both wget and curl are used",
	.severity = PL_SEV_INFO,
	.category = "hygiene",
	.why = "Two download tools doing the same job double the packages, the image size and "
	       "the vulnerabilities scanners report, and give an attacker who gets a shell two "
	       "ways to fetch more tools.",
	.fix = "Pick one (curl or wget) for every download in the Dockerfile and install only "
	       "that one, or download in a build stage and copy the results.",
	.bad = "FROM debian:12.6-slim\nRUN wget -q https://example.com/a && curl -fsSLO https://example.com/b\n",
	.good = "FROM debian:12.6-slim\nRUN curl -fsSLO https://example.com/a && curl -fsSLO https://example.com/b\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/build/building/best-practices/#dont-install-unnecessary-packages",
		NULL },
	.peers = (const char *const[]){ "hadolint:DL4001", NULL },
	.inputs = PL_IN_DOCKERFILE,
	.check_doc = check,
};
