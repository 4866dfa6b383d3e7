/*
 * DF0046 -- yum keeps its package cache in the image.
 *
 * Reported: `yum install` in a shipped stage without `yum clean all` (or removing /var/cache/yum) in
 * the same RUN.
 * Not reported: build stages that are not shipped, cache mounts on /var/cache/yum.
 */
#include "rules/df/hygiene_util.h"
#include "rules/df/util.h"

#include <string.h>

/* The same RUN runs `yum clean all` (yum's own cleaning). */
static bool
cleans(const struct pl_sh_script *sc)
{
	size_t k, sub;

	for (k = 0; k < sc->ncmds; k++) {
		const struct pl_sh_cmd *c = &sc->cmds[k];

		if (!pl_sh_is(c, "yum")) {
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

	if (!pl_hyg_shipped(m, i) || pl_hyg_cache_mount(m, i, "/var/cache/yum") ||
	    pl_hyg_removes(m, i, "/var/cache/yum") || cleans(sc)) {
		return;
	}
	for (k = 0; k < sc->ncmds; k++) {
		const struct pl_sh_cmd *c = &sc->cmds[k];

		if (!pl_sh_is(c, "yum")) {
			continue;
		}
		sub = pl_sh_subcommand(c, (const char *const[]){ "--setopt", "-c", "--config",
								 "--installroot", NULL });
		if (sub >= c->argc || (strcmp(c->argv[sub].text, "install") != 0 && strcmp(c->argv[sub].text, "groupinstall") != 0)) {
			continue;
		}
		f = pl_check_report(ck, c->off, c->end, "yum %s leaves its package cache in this "
				    "layer", c->argv[sub].text);
		if (f != NULL) {
			f->fix = "End the same RUN with `&& yum clean all`.";
		}
		return;
	}
}

const struct pl_rule rule_df0046 = {
	.id = "DF0046",
	.name = "yum-cache-kept",
	.title = "yum keeps its package cache in the image",
	.severity = PL_SEV_LOW,
	.category = "hygiene",
	.why = "yum keeps downloaded packages and repository metadata under /var/cache/yum. Left in "
	       "the layer, they are shipped with every pull and describe repositories as they "
	       "were on the build day, for no use at run time.",
	.fix = "Install and clean in the same RUN: `yum install -y <packages> && yum clean all`.",
	.bad = "FROM rockylinux:9.3\nRUN yum install -y httpd-2.4.57\n",
	.good = "FROM rockylinux:9.3\nRUN yum install -y httpd-2.4.57 && yum clean all\n",
	.refs = (const char *const[]){ "https://docs.docker.com/build/building/best-practices/#run", NULL },
	.peers = (const char *const[]){ "hadolint:DL3032", NULL },
	.inputs = PL_IN_DOCKERFILE,
	.on_instr = PL_ON(PL_DF_RUN),
	.check_instr = check,
};
