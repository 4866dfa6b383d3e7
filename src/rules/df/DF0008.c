/*
 * DF0008 -- apt-get install without --no-install-recommends.
 *
 * Reported: `apt-get install` (or `apt install`) without `--no-install-recommends` or
 * `-o APT::Install-Recommends=false`.
 * Not reported: when an earlier instruction configures APT::Install-Recommends for the
 * whole image (official images write it to /etc/apt/apt.conf.d).
 */
#include "rules/df/util.h"

#include <string.h>

static const char *const apt_value_opts[] = { "-o", "-c", "-t", "--target-release",
					      "--option", "--config-file", NULL };

/* An instruction that configures APT::Install-Recommends for the whole image. */
static bool
configures(const struct pl_df_instr *in)
{
	size_t h;

	if (strstr(in->original, "Install-Recommends") != NULL) {
		return true;
	}
	for (h = 0; h < in->nheredocs; h++) {
		if (strstr(in->heredocs[h].content, "Install-Recommends") != NULL) {
			return true;
		}
	}
	return false;
}

static void
check_run(struct pl_check *ck, const struct pl_df_model *m, size_t i)
{
	const struct pl_sh_script *sc = pl_df_script(m, i);
	size_t k, sub;
	struct pl_finding *f;

	for (k = 0; k < sc->ncmds; k++) {
		const struct pl_sh_cmd *c = &sc->cmds[k];

		if (!pl_sh_is(c, "apt-get") && !pl_sh_is(c, "apt")) {
			continue;
		}
		sub = pl_sh_subcommand(c, apt_value_opts);
		if (sub >= c->argc || strcmp(c->argv[sub].text, "install") != 0 ||
		    pl_sh_has_opt(c, "--no-install-recommends")) {
			continue;
		}
		f = pl_check_report(ck, c->off, c->end, "apt-get install without "
				    "--no-install-recommends pulls in recommended packages "
				    "the image does not need");
		if (f != NULL) {
			struct pl_edit *e = pl_arena_alloc(&ck->r->arena, sizeof(*e));

			e->off = e->end = c->argv[sub].end;
			e->replacement = " --no-install-recommends";
			f->edit = e;
			f->fix = "Add --no-install-recommends after `install`.";
		}
	}
}

/* One pass in file order: once an instruction configures the setting, later installs
 * follow it. */
static void
check(struct pl_check *ck, const struct pl_df_model *m)
{
	size_t i;

	for (i = 0; i < m->file->ninstrs; i++) {
		const struct pl_df_instr *in = &m->file->instrs[i];

		if (configures(in)) {
			return;
		}
		if (in->kind == PL_DF_RUN) {
			check_run(ck, m, i);
		}
	}
}

const struct pl_rule rule_df0008 = {
	.id = "DF0008",
	.name = "apt-install-recommends",
	.title = "apt-get install also installs recommended packages",
	.severity = PL_SEV_LOW,
	.category = "hygiene",
	.why = "By default APT installs every 'recommended' package too, often dozens of "
	       "libraries and tools the application never uses. Each one enlarges the image, "
	       "slows pulls and adds code that vulnerability scanners report and attackers can "
	       "use.",
	.fix = "Install with `apt-get install -y --no-install-recommends <packages>`, and add "
	       "any recommended package that is really needed by name.",
	.bad = "FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl \\\n"
	       " && rm -rf /var/lib/apt/lists/*\n",
	.good = "FROM debian:12-slim\nRUN apt-get update \\\n"
		" && apt-get install -y --no-install-recommends curl \\\n"
		" && rm -rf /var/lib/apt/lists/*\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/build/building/best-practices/#apt-get",
		NULL },
	.peers = (const char *const[]){ "hadolint:DL3015", "trivy:DS-0029",
					 "kics:APT-GET Not Avoiding Additional Packages", NULL },
	.inputs = PL_IN_DOCKERFILE,
	.check_doc = check,
};
