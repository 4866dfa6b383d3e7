/*
 * DF0047 -- dnf or microdnf keeps its package cache in the image.
 *
 * Reported: in a stage whose layers are shipped, the first `dnf install` (or `microdnf
 * install`; also in, groupinstall, localinstall, reinstall, update, upgrade,
 * distro-sync) of a RUN that neither runs `dnf clean` / `microdnf clean` nor removes the
 * cache directory after its last install, once per RUN.
 * Not reported: build stages whose layers are not shipped; cache or tmpfs mounts on the
 * cache directory. The cache directory is /var/cache/dnf, /var/cache/libdnf5 for dnf5, or
 * /var/cache/yum, which microdnf shares with yum on older releases; removing any of them
 * counts. Any `clean` subcommand counts, not only `clean all`.
 */
#include "rules/df/hygiene_util.h"
#include "rules/df/util.h"

static const struct pl_hyg_cache pm = {
	.progs = (const char *const[]){ "dnf", "microdnf", NULL },
	.installs = (const char *const[]){ "install", "in", "groupinstall", "localinstall",
					   "reinstall", "update", "upgrade", "distro-sync",
					   NULL },
	.cleans = (const char *const[]){ "clean", NULL },
	.dirs = (const char *const[]){ "/var/cache/dnf", "/var/cache/libdnf5", "/var/cache/yum",
				       NULL },
	.clean = "dnf clean all",
};

static void
check(struct pl_check *ck, const struct pl_df_model *m, size_t i)
{
	pl_hyg_check_cache(ck, m, i, &pm);
}

const struct pl_rule rule_df0047 = {
	.id = "DF0047",
	.name = "dnf-cache-kept",
	.title = "dnf keeps its package cache in the image",
	.severity = PL_SEV_LOW,
	.category = "hygiene",
	.why = "dnf and microdnf store repository metadata, and sometimes the downloaded "
	       "packages, under /var/cache/dnf (or /var/cache/yum, /var/cache/libdnf5): tens "
	       "to hundreds of megabytes. Unless the same RUN cleans it, it is committed to "
	       "the layer and shipped with every pull of the image for no use at run time; a "
	       "clean in a later RUN cannot shrink the earlier layer.",
	.fix = "Install and clean in the same RUN: `dnf install -y <packages> && dnf clean all` "
	       "(`microdnf clean all` for microdnf), or use a BuildKit cache mount on "
	       "/var/cache/dnf.",
	.bad = "FROM fedora:40\nRUN dnf install -y httpd-2.4.62\n",
	.good = "FROM fedora:40\nRUN dnf install -y httpd-2.4.62 && dnf clean all\n",
	.refs = (const char *const[]){
		"https://dnf.readthedocs.io/en/latest/command_ref.html#clean-command",
		"https://docs.docker.com/build/building/best-practices/#run",
		NULL },
	.peers = (const char *const[]){ "hadolint:DL3040", "trivy:DS-0019", "trivy:DS-0027",
					 "kics:Missing Dnf Clean All", NULL },
	.inputs = PL_IN_DOCKERFILE,
	.on_instr = PL_ON(PL_DF_RUN),
	.check_instr = check,
};
