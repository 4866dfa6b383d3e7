/*
 * DF0061 -- a base image from a registry the project does not trust.
 *
 * Reported only when .plimsoll.yaml lists `trusted_registries`: FROM images, and images
 * named by COPY --from, whose registry and repository do not start with a trusted entry
 * (Docker Hub images are "docker.io/library/name" or "docker.io/org/name").
 * Not reported: scratch, earlier stages, references with an unknown ARG value.
 */
#include "rules/df/util.h"
#include "engine/config.h"

#include <string.h>

static void
check_ref(struct pl_check *ck, const char *ref, uint32_t off, uint32_t end)
{
	struct pl_finding *f;

	if (pl_config_trusted(ck->cfg, ref)) {
		return;
	}
	f = pl_check_report(ck, off, end, "image '%s' does not come from a trusted registry",
			    ref);
	if (f != NULL) {
		f->fix = pl_check_printf(ck, "Use an image from one of the registries listed in "
					 "trusted_registries of %s, or mirror '%s' there after "
					 "review.", ck->cfg->path ? ck->cfg->path : ".plimsoll.yaml",
					 ref);
	}
}

static void
check(struct pl_check *ck, const struct pl_df_model *m, size_t i)
{
	const struct pl_df_instr *in = &m->file->instrs[i];
	const struct pl_stage *st = pl_df_stage_of(m, i);
	const struct pl_df_word *w = NULL;
	const char *from;

	if (ck->cfg->ntrusted == 0 || st == NULL) {
		return;
	}
	if (in->kind == PL_DF_FROM) {
		if (in->nargs > 0 && st->base.resolved != NULL && !st->base.scratch &&
		    st->base.stage < 0) {
			check_ref(ck, st->base.resolved, in->args[0].off, in->args[0].end);
		}
		return;
	}
	from = pl_df_flag(in, "from", &w);
	/* A stage name or index is not an image; an image reference has a '/', ':' or '@'
	 * or is not the name of any stage. */
	if (from == NULL || from[0] == '\0' || strchr(from, '$') != NULL ||
	    strspn(from, "0123456789") == strlen(from)) {
		return;
	}
	if (pl_df_stage_named(m, from) >= 0) {
		return;
	}
	check_ref(ck, from, w->off, w->end);
}

const struct pl_rule rule_df0061 = {
	.id = "DF0061",
	.name = "untrusted-registry",
	.title = "Image from a registry the project does not trust",
	.severity = PL_SEV_HIGH,
	.category = "supply-chain",
	.why = "Teams that mirror and scan approved base images in their own registry lose that "
	       "control the moment a Dockerfile pulls from anywhere else: a typo-squatted or "
	       "abandoned image on a public registry runs with the build's and the runtime's "
	       "privileges, and vulnerability scanning of the approved images says nothing "
	       "about it.",
	.fix = "Build from an image of a trusted registry (as listed in `trusted_registries` "
	       "of .plimsoll.yaml), or have the image reviewed and mirrored there first.",
	.bad = "FROM docker.io/someone/node-base:20.11.1\n",
	.good = "FROM registry.acme.dev/base/node:20.11.1\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/docker-hub/image-library/mirror/",
		"docs/configuration.md",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_DOCKERFILE,
	.on_instr = PL_ON(PL_DF_FROM) | PL_ON(PL_DF_COPY) | PL_ON(PL_DF_ADD),
	.check_instr = check,
	.example_config = "trusted_registries: [registry.acme.dev]\n",
};
