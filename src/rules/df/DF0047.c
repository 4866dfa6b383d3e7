/*
 * DF0047 -- dnf keeps its package cache in the image.
 *
 * Reported: `dnf install` in a shipped stage without `dnf clean all` (or removing /var/cache/dnf) in
 * the same RUN.
 * Not reported: build stages that are not shipped, cache mounts on /var/cache/dnf.
 */
#include "rules/df/hygiene_util.h"
#include "rules/df/util.h"

#include <string.h>

/* The same RUN runs `dnf clean all` (dnf's own cleaning). */
static bool
cleans(const struct pl_sh_script *sc)
{
	size_t k, sub;

	for (k = 0; k < sc->ncmds; k++) {
		const struct pl_sh_cmd *c = &sc->cmds[k];

		if (!(pl_sh_is(c, "dnf") || pl_sh_is(c, "microdnf"))) {
			continue;
		}
		sub = pl_sh_subcommand(c, NULL);
		if (sub < c->argc && strcmp(c->argv[sub].text, "clean") == 0) {
			return true;
		}
	}
	return false;
}

static void
check(struct pl_check *ck, const struct pl_df_model *m, size_t i)
{
	const struct pl_sh_script *sc = pl_df_script(m, i);
	struct pl_finding *f;
	size_t k, sub;

	if (!pl_hyg_shipped(m, i) || pl_hyg_cache_mount(m, i, "/var/cache/dnf") ||
	    pl_hyg_removes(m, i, "/var/cache/dnf") || cleans(sc)) {
		return;
	}
	for (k = 0; k < sc->ncmds; k++) {
		const struct pl_sh_cmd *c = &sc->cmds[k];

		if (!(pl_sh_is(c, "dnf") || pl_sh_is(c, "microdnf"))) {
			continue;
		}
		sub = pl_sh_subcommand(c, (const char *const[]){ "--setopt", "-c", "--config",
								 "--installroot", NULL });
		if (sub >= c->argc || (strcmp(c->argv[sub].text, "install") != 0)) {
			continue;
		}
		f = pl_check_report(ck, c->off, c->end, "dnf %s leaves its package cache in this "
				    "layer", c->argv[sub].text);
		if (f != NULL) {
			f->fix = "End the same RUN with `&& dnf clean all`.";
		}
		return;
	}
}

const struct pl_rule rule_df0047 = {
	.id = "DF0047",
	.name = "dnf-cache-kept",
	.title = "dnf keeps its package cache in the image",
	.severity = PL_SEV_LOW,
	.category = "hygiene",
	.why = "dnf keeps downloaded packages and repository metadata under /var/cache/dnf. Left in "
	       "the layer, they are shipped with every pull and describe repositories as they "
	       "were on the build day, for no use at run time.",
	.fix = "Install and clean in the same RUN: `dnf install -y <packages> && dnf clean all`.",
	.bad = "FROM fedora:40\nRUN dnf install -y httpd-2.4.62\n",
	.good = "FROM fedora:40\nRUN dnf install -y httpd-2.4.62 && dnf clean all\n",
	.refs = (const char *const[]){ "https://dnf.readthedocs.io/en/latest/command_ref.html#clean-command", NULL },
	.peers = (const char *const[]){ "hadolint:DL3040", NULL },
	.inputs = PL_IN_DOCKERFILE,
	.on_instr = PL_ON(PL_DF_RUN),
	.check_instr = check,
};
