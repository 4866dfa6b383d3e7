/*
 * DF0046 -- yum keeps its package cache in the image.
 *
 * Reported: in a stage whose layers are shipped, the first `yum install` (groupinstall,
 * localinstall, reinstall, update, upgrade) of a RUN that neither runs `yum clean` nor
 * removes /var/cache/yum after its last install, once per RUN.
 * Not reported: build stages whose layers are not shipped; cache or tmpfs mounts on
 * /var/cache/yum. Any `yum clean` counts, not only `clean all`: which parts to drop is
 * the author's choice.
 */
#include "rules/df/hygiene_util.h"
#include "rules/df/util.h"

static const struct pl_hyg_cache pm = {
	.progs = (const char *const[]){ "yum", NULL },
	.installs = (const char *const[]){ "install", "groupinstall", "localinstall",
					   "reinstall", "update", "upgrade", NULL },
	.cleans = (const char *const[]){ "clean", NULL },
	.dirs = (const char *const[]){ "/var/cache/yum", NULL },
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
	.why = "yum stores repository metadata, and often the downloaded packages, under "
	       "/var/cache/yum: tens to hundreds of megabytes. Unless the same RUN cleans it, "
	       "it is committed to the layer and shipped with every pull of the image for no "
	       "use at run time; a `yum clean all` in a later RUN cannot shrink the earlier "
	       "layer.",
	.fix = "Install and clean in the same RUN: `yum install -y <packages> && yum clean all "
	       "&& rm -rf /var/cache/yum`, or use a BuildKit cache mount on /var/cache/yum.",
	.bad = "FROM rockylinux:9.3\nRUN yum install -y httpd-2.4.57\n",
	.good = "FROM rockylinux:9.3\nRUN yum install -y httpd-2.4.57 && yum clean all\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/build/building/best-practices/#run",
		"https://man7.org/linux/man-pages/man8/yum.8.html",
		NULL },
	.peers = (const char *const[]){ "hadolint:DL3032", "trivy:DS-0015",
					 "kics:Yum Clean All Missing", NULL },
	.inputs = PL_IN_DOCKERFILE,
	.on_instr = PL_ON(PL_DF_RUN),
	.check_instr = check,
};
