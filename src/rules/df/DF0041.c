/*
 * DF0041 -- COPY --from names an external image that is untagged or :latest.
 *
 * Reported: `COPY --from=<image>` where the image is not a stage of this file, has no
 * digest, and is tagged `latest` or is untagged with a registry or a namespace
 * (`ghcr.io/astral-sh/uv`, `bitnami/kubectl`).
 * Not reported: stage names and indexes; images with any other tag (DF0028 judges base
 * image tags; a COPY source is usually a release image such as `uv:0.4.18`); digests; an
 * untagged single name such as `--from=docs`, which may be a build context passed with
 * `--build-context` rather than an image; values from an ARG whose value is unknown.
 */
#include "rules/df/util.h"
#include "core/str.h"

#include <string.h>

static bool
names_stage(const struct pl_df_model *m, const char *from)
{
	if (from[0] != '\0' && strspn(from, "0123456789") == strlen(from)) {
		return true;
	}
	return pl_df_stage_named(m, from) >= 0;
}

static void
check(struct pl_check *ck, const struct pl_df_model *m, size_t i)
{
	const struct pl_df_instr *in = &m->file->instrs[i];
	const struct pl_df_word *w = NULL;
	const char *raw = pl_df_flag(in, "from", &w), *from;
	struct pl_image_ref ref;
	struct pl_finding *f;

	if (raw == NULL || w == NULL || m->states[i].stage < 0) {
		return;
	}
	from = pl_df_expand(m, &m->states[i], raw);
	if (from == NULL || from[0] == '\0' || names_stage(m, from) ||
	    pl_streq(from, "scratch")) {
		return;
	}
	pl_image_ref_split(from, &ck->r->arena, &ref);
	if (ref.digest != NULL) {
		return;
	}
	if (ref.tag == NULL && ref.registry == NULL && strchr(ref.repository, '/') == NULL) {
		return;
	}
	if (ref.tag != NULL && strcmp(ref.tag, "latest") != 0) {
		return;
	}
	f = pl_check_report(ck, w->off, w->end, "COPY --from=%s%s copies files from whatever "
			    "'latest' points at when the build runs", from,
			    ref.tag != NULL ? "" : " (untagged)");
	if (f != NULL) {
		const char *name = ref.repository;

		if (ref.registry != NULL) {
			name = pl_check_printf(ck, "%s/%s", ref.registry, ref.repository);
		}

		f->fix = pl_check_printf(ck, "Name a release tag (%s:<version>), and preferably "
					 "its digest (%s:<version>@sha256:...), or copy from a "
					 "stage that is itself pinned.", name, name);
	}
}

const struct pl_rule rule_df0041 = {
	.id = "DF0041",
	.name = "copy-from-unpinned-image",
	.title = "COPY --from copies from an untagged or latest image",
	.severity = PL_SEV_MEDIUM,
	.category = "supply-chain",
	.why = "`COPY --from=ghcr.io/astral-sh/uv:latest /uv /bin/` pulls a binary from "
	       "whatever that tag points at on the day of the build. The copied files end up "
	       "in the image like a base image's, but they are easy to overlook: rebuilds of "
	       "the same commit ship different tools, and a compromised or broken release "
	       "reaches the image on the next build.",
	.fix = "Name a release tag (`ghcr.io/astral-sh/uv:0.4.18`) and preferably its digest "
	       "(`...:0.4.18@sha256:...`), updated by a bot such as Renovate; or declare the "
	       "image as a pinned stage (`FROM ghcr.io/astral-sh/uv:0.4.18 AS uv`) and copy "
	       "from that.",
	.bad = "FROM python:3.12.4-slim\nCOPY --from=ghcr.io/astral-sh/uv:latest /uv /bin/\n",
	.good = "FROM python:3.12.4-slim\nCOPY --from=ghcr.io/astral-sh/uv:0.4.18 /uv /bin/\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/reference/dockerfile/#copy---from",
		"https://docs.docker.com/build/building/best-practices/#pin-base-image-versions",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_DOCKERFILE,
	.on_instr = PL_ON(PL_DF_COPY),
	.check_instr = check,
};
