/*
 * DF0046 -- yum keeps its package cache in the image.
 *
 * Reported: `yum install` in a shipped stage without `yum clean all` (or removing /var/cache/yum) in
 * the same RUN.
 * Not reported: build stages that are not shipped, cache mounts on /var/cache/yum.
 */
#include "rules/df/hygiene_util.h"
#include "rules/df/util.h"

static const struct pl_hyg_cache pm = {
	.progs = (const char *const[]){ "yum", NULL },
	.installs = (const char *const[]){ "install", "groupinstall", NULL },
	.dir = "/var/cache/yum",
	.clean = "yum clean all",
};

static void
check(struct pl_check *ck, const struct pl_df_model *m, size_t i)
{
	pl_hyg_check_cache(ck, m, i, &pm);
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
