/*
 * DF0053 -- apt-get install that waits for a confirmation.
 *
 * Reported: `apt-get install` / `apt install` without -y, --yes, --assume-yes or -qq
 * (which implies -y), and without `-o APT::Get::Assume-Yes=true`.
 * Not reported: simulations (-s, --dry-run), which never ask; after an instruction that writes APT::Get::Assume-Yes into an apt.conf
 * file for the whole image.
 */
#include "rules/df/util.h"

#include <string.h>

static const char *const apt_value_opts[] = { "-o", "-c", "-t", "--target-release",
					      "--option", "--config-file", NULL };

static bool
assumes_yes(const struct pl_sh_cmd *c)
{
	size_t a;

	/* Simulations (-s, --dry-run, ...) install nothing and never ask. */
	if (pl_sh_has_opt(c, "-y") || pl_sh_has_opt(c, "--yes") ||
	    pl_sh_has_opt(c, "--assume-yes") || pl_sh_has_opt(c, "-qq") ||
	    pl_sh_has_opt(c, "-s") || pl_sh_has_opt(c, "--simulate") ||
	    pl_sh_has_opt(c, "--dry-run") || pl_sh_has_opt(c, "--just-print") ||
	    pl_sh_has_opt(c, "--no-act") || pl_sh_has_opt(c, "--recon")) {
		return true;
	}
	for (a = 0; a < c->argc; a++) {
		if (strstr(c->argv[a].text, "Assume-Yes") != NULL) {
			return true;
		}
	}
	return false;
}

static void
check(struct pl_check *ck, const struct pl_df_model *m)
{
	size_t i, k, sub;

	for (i = 0; i < m->file->ninstrs; i++) {
		const struct pl_df_instr *in = &m->file->instrs[i];
		const struct pl_sh_script *sc;

		/* An image-wide setting (apt.conf.d) covers every later install. */
		if (strstr(in->original, "Assume-Yes") != NULL && in->kind == PL_DF_RUN &&
		    strstr(in->original, "apt.conf") != NULL) {
			return;
		}
		if (in->kind != PL_DF_RUN) {
			continue;
		}
		sc = pl_df_script(m, i);
		for (k = 0; k < sc->ncmds; k++) {
			const struct pl_sh_cmd *c = &sc->cmds[k];
			struct pl_finding *f;

			if (!pl_sh_is(c, "apt-get") && !pl_sh_is(c, "apt")) {
				continue;
			}
			sub = pl_sh_subcommand(c, apt_value_opts);
			if (sub >= c->argc || strcmp(c->argv[sub].text, "install") != 0 ||
			    assumes_yes(c)) {
				continue;
			}
			f = pl_check_report(ck, c->off, c->end, "apt-get install without -y waits "
					    "for a confirmation that a build cannot give");
			if (f != NULL) {
				struct pl_edit *e = pl_arena_alloc(&ck->r->arena, sizeof(*e));

				e->off = e->end = c->argv[sub].end;
				e->replacement = " -y";
				f->edit = e;
				f->fix = "Add -y after `install`.";
			}
		}
	}
}

const struct pl_rule rule_df0053 = {
	.id = "DF0053",
	.name = "apt-missing-yes",
	.title = "apt-get install asks for a confirmation",
	.severity = PL_SEV_MEDIUM,
	.category = "runtime",
	.why = "Without -y, apt-get asks for confirmation whenever an install pulls in "
	       "additional packages; a build has no terminal to answer, so the step aborts. "
	       "Whether it happens depends on the package versions of the day, so the build "
	       "breaks at a random moment.",
	.fix = "Use `apt-get install -y --no-install-recommends <packages>`.",
	.bad = "FROM debian:12.6-slim\nRUN apt-get update && apt-get install curl\n",
	.good = "FROM debian:12.6-slim\nRUN apt-get update && apt-get install -y curl\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/build/building/best-practices/#apt-get", NULL },
	.peers = (const char *const[]){ "hadolint:DL3014", "trivy:DS-0021", NULL },
	.inputs = PL_IN_DOCKERFILE,
	.check_doc = check,
};
