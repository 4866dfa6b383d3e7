/*
 * DF0058 -- both wget and curl are run in the final image's stages.
 *
 * Reported: once, at the first wget, when RUN commands of the final stage (or of a stage
 * it builds FROM) run both wget and curl.
 * Not reported: build stages whose layers are not shipped; a file that runs only one of
 * them; packages named wget or curl in an install line without the tool being run (the
 * base image may need one, which is a packaging choice, not a duplicate download path).
 */
#include "rules/df/hygiene_util.h"
#include "rules/df/util.h"

static void
check(struct pl_check *ck, const struct pl_df_model *m)
{
	const struct pl_sh_cmd *wget = NULL;
	size_t curl_line = 0;
	struct pl_finding *f;

	for (size_t i = 0; i < m->file->ninstrs; i++) {
		const struct pl_sh_script *sc = pl_df_script(m, i);

		if (!pl_hyg_shipped(m, i)) {
			continue;
		}
		for (size_t k = 0; k < sc->ncmds; k++) {
			if (wget == NULL && pl_sh_is(&sc->cmds[k], "wget")) {
				wget = &sc->cmds[k];
			}
			if (curl_line == 0 && pl_sh_is(&sc->cmds[k], "curl")) {
				curl_line = m->file->instrs[i].start_line;
			}
		}
	}
	if (wget == NULL || curl_line == 0) {
		return;
	}
	f = pl_check_report(ck, wget->off, wget->end, "wget is run here and curl on line %zu: "
			    "the image carries two download tools", curl_line);
	if (f != NULL) {
		f->fix = "Use one tool for every download (curl -fsSL, or wget -q) and install "
			 "only that one, or download in a build stage and copy the files.";
	}
}

const struct pl_rule rule_df0058 = {
	.id = "DF0058",
	.name = "wget-and-curl",
	.title = "Both wget and curl are used",
	.severity = PL_SEV_INFO,
	.category = "hygiene",
	.why = "Two tools that do the same job mean two packages and their libraries in the "
	       "image: more size, more vulnerabilities for scanners to report and for the team "
	       "to triage, and two ways for an attacker with a shell to fetch more tools. "
	       "Mixed tools also mix conventions for failing on HTTP errors and verifying "
	       "TLS, which makes download steps harder to review.",
	.fix = "Pick one (curl or wget) for every download in the Dockerfile and install only "
	       "that one, or download in a build stage and copy the results into the final "
	       "image.",
	.bad = "FROM debian:12.6-slim\n"
	       "RUN wget -q https://example.com/a && curl -fsSLO https://example.com/b\n",
	.good = "FROM debian:12.6-slim\n"
		"RUN curl -fsSLO https://example.com/a && curl -fsSLO https://example.com/b\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/build/building/best-practices/#dont-install-unnecessary-packages",
		NULL },
	.peers = (const char *const[]){ "hadolint:DL4001", "trivy:DS-0014",
					 "kics:Run Using 'wget' and 'curl'", NULL },
	.inputs = PL_IN_DOCKERFILE,
	.check_doc = check,
};
