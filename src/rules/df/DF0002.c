/*
 * DF0002 -- the base image is untagged or uses :latest.
 *
 * Reported: FROM images with no tag and no digest, or with the tag "latest".
 * Not reported: "scratch"; earlier stage names; references whose ARG value is unknown;
 * images pinned by digest (the tag is then informational).
 */
#include "core/str.h"
#include "rules/df/util.h"

#include <string.h>

static void
check(struct pl_check *ck, const struct pl_df_model *m, size_t i)
{
	const struct pl_df_instr *in = &m->file->instrs[i];
	const struct pl_stage *st = pl_df_stage_of(m, i);
	const struct pl_image_ref *b;
	const struct pl_df_word *w;
	struct pl_finding *f;

	if (st == NULL || in->nargs == 0) {
		return;
	}
	b = &st->base;
	if (b->resolved == NULL || b->scratch || b->stage >= 0 || b->digest != NULL) {
		return;
	}
	w = &in->args[0];
	if (b->tag == NULL) {
		f = pl_check_report(ck, w->off, w->end, "base image '%s' has no tag: every build "
				    "may get a different image", b->resolved);
	} else if (pl_streq(b->tag, "latest")) {
		f = pl_check_report(ck, w->off, w->end, "base image '%s' uses the mutable "
				    "'latest' tag", b->resolved);
	} else {
		return;
	}
	if (f != NULL) {
		f->fix = pl_check_printf(ck, "Pin '%s' to a specific version tag (for example "
					 "%s:<major.minor.patch>-<variant>), or better to a digest "
					 "(%s:<tag>@sha256:...).", b->repository, b->repository,
					 b->repository);
	}
}

const struct pl_rule rule_df0002 = {
	.id = "DF0002",
	.name = "base-image-unpinned",
	.title = "Base image is untagged or uses the latest tag",
	.severity = PL_SEV_MEDIUM,
	.category = "supply-chain",
	.why = "An untagged image means `latest`, which moves whenever the publisher pushes. "
	       "Builds stop being reproducible, a new major version can break the application "
	       "without any change in the repository, and a compromised or faulty push reaches "
	       "production on the next build. Scanners and reviewers cannot tell which image "
	       "was audited.",
	.fix = "Name an explicit version tag, as precise as the team can maintain "
	       "(`python:3.12.4-slim-bookworm`), and for production pin the digest as well "
	       "(`python:3.12.4-slim-bookworm@sha256:...`), updated by a bot such as Renovate "
	       "or Dependabot.",
	.bad = "FROM node:latest\n",
	.good = "FROM node:20.11.1-alpine3.19\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/reference/dockerfile/#from",
		"https://docs.docker.com/build/building/best-practices/#pin-base-image-versions",
		NULL },
	.peers = (const char *const[]){ "hadolint:DL3006", "hadolint:DL3007", "trivy:DS-0001",
					 "checkov:CKV_DOCKER_7", "kics:Image Version Using 'latest'",
					 "kics:Image Version Not Explicit", NULL },
	.inputs = PL_IN_DOCKERFILE,
	.on_instr = PL_ON(PL_DF_FROM),
	.check_instr = check,
};
