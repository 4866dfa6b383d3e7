/*
 * DF0021 -- WORKDIR with a relative path.
 *
 * Reported: a WORKDIR whose expanded value is relative and that no earlier WORKDIR of the
 * stage (or its base stages) anchors, so it depends on the base image's directory.
 * Not reported: values from variables whose value is not known, Windows paths (C:\...).
 */
#include "rules/df/util.h"

#include <ctype.h>
#include <string.h>

static void
check(struct pl_check *ck, const struct pl_df_model *m, size_t i)
{
	const struct pl_df_instr *in = &m->file->instrs[i];
	const struct pl_df_state *s = &m->states[i];
	const char *v;
	struct pl_finding *f;

	if (in->nargs == 0 || s->stage < 0 || s->workdir != NULL) {
		return;
	}
	v = pl_df_expand(m, s, in->args[0].s);
	if (v == NULL || v[0] == '/' || v[0] == '$' || v[0] == '\0' ||
	    (isalpha((unsigned char)v[0]) && v[1] == ':')) {
		return;
	}
	f = pl_check_report(ck, in->args[0].off, in->args[0].end, "WORKDIR '%s' is relative: "
			    "it lands wherever the base image's working directory is", v);
	if (f != NULL) {
		f->fix = pl_check_printf(ck, "Use an absolute path, such as `WORKDIR /%s`.", v);
	}
}

const struct pl_rule rule_df0021 = {
	.id = "DF0021",
	.name = "relative-workdir",
	.title = "WORKDIR uses a relative path",
	.severity = PL_SEV_LOW,
	.category = "runtime",
	.why = "A relative WORKDIR is resolved against the previous working directory, which "
	       "for the first WORKDIR of a stage is whatever the base image set. A base image "
	       "update can then move the application, its files and the paths the CMD uses "
	       "without any change in the Dockerfile.",
	.fix = "Give WORKDIR an absolute path (`WORKDIR /app`); later relative WORKDIRs then "
	       "resolve against it predictably.",
	.bad = "FROM node:20.11.1\nWORKDIR app\n",
	.good = "FROM node:20.11.1\nWORKDIR /app\n",
	.refs = (const char *const[]){ "https://docs.docker.com/reference/dockerfile/#workdir",
				       NULL },
	.peers = (const char *const[]){ "hadolint:DL3000", "trivy:DS-0009", "checkov:CKV_DOCKER_10",
					 NULL },
	.inputs = PL_IN_DOCKERFILE,
	.on_instr = PL_ON(PL_DF_WORKDIR),
	.check_instr = check,
};
