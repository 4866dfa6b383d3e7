/*
 * DF0026 -- the deprecated MAINTAINER instruction.
 *
 * Reported: every MAINTAINER; the edit replaces it with the OCI authors label when the
 * value has no double quote that would need escaping.
 */
#include "rules/df/util.h"

#include <string.h>

static void
check(struct pl_check *ck, const struct pl_df_model *m, size_t i)
{
	const struct pl_df_instr *in = &m->file->instrs[i];
	const char *who = in->nargs > 0 ? in->args[0].s : "";
	struct pl_finding *f;

	f = pl_check_report(ck, in->off, in->off + (uint32_t)strlen(in->keyword),
			    "MAINTAINER is deprecated: its value is not kept as a label");
	if (f == NULL) {
		return;
	}
	f->fix = "Use `LABEL org.opencontainers.image.authors=\"...\"` instead.";
	if (strchr(who, '"') == NULL && strchr(who, '\\') == NULL && in->end_line == in->start_line) {
		struct pl_edit *e = pl_arena_alloc(&ck->r->arena, sizeof(*e));

		e->off = in->off;
		e->end = in->end;
		e->replacement = pl_check_printf(ck, "LABEL org.opencontainers.image.authors=\"%s\"",
						 who);
		f->edit = e;
	}
}

const struct pl_rule rule_df0026 = {
	.id = "DF0026",
	.name = "maintainer-deprecated",
	.title = "MAINTAINER is deprecated",
	.severity = PL_SEV_INFO,
	.category = "syntax",
	.why = "MAINTAINER has been deprecated since Docker 1.13: the value is stored in a "
	       "legacy field that registries, scanners and `docker inspect` users do not read, "
	       "so the image looks ownerless where ownership is looked up.",
	.fix = "Replace it with the OCI label: `LABEL "
	       "org.opencontainers.image.authors=\"team@example.com\"`.",
	.bad = "FROM alpine:3.20.3\nMAINTAINER team@example.com\n",
	.good = "FROM alpine:3.20.3\nLABEL org.opencontainers.image.authors=\"team@example.com\"\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/reference/dockerfile/#maintainer-deprecated",
		"https://github.com/opencontainers/image-spec/blob/main/annotations.md",
		NULL },
	.peers = (const char *const[]){ "hadolint:DL4000", "trivy:DS-0022", NULL },
	.inputs = PL_IN_DOCKERFILE,
	.on_instr = PL_ON(PL_DF_MAINTAINER),
	.check_instr = check,
};
