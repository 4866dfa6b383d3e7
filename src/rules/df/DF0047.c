/*
 * DF0047 -- dnf keeps its package cache in the image.
 *
 * Reported: `dnf install` in a shipped stage without `dnf clean all` (or removing /var/cache/dnf) in
 * the same RUN.
 * Not reported: build stages that are not shipped, cache mounts on /var/cache/dnf.
 */
#include "rules/df/hygiene_util.h"
#include "rules/df/util.h"

static const struct pl_hyg_cache pm = {
	.progs = (const char *const[]){ "dnf", "microdnf", NULL },
	.installs = (const char *const[]){ "install", NULL },
	.dir = "/var/cache/dnf",
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
