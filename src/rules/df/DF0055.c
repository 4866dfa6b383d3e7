/*
 * DF0055 -- two stages with the same name.
 *
 * Reported: a FROM ... AS NAME whose name (compared without case, as BuildKit does) an
 * earlier stage already has, at the second one.
 */
#include "rules/df/util.h"
#include "core/str.h"

static void
check(struct pl_check *ck, const struct pl_df_model *m)
{
	size_t s, t;

	for (s = 1; s < m->nstages; s++) {
		const struct pl_df_instr *in = &m->file->instrs[m->stages[s].from];

		if (m->stages[s].name == NULL || in->nargs < 3) {
			continue;
		}
		/* Stage names are few; a file with thousands of stages is refused by no one,
		 * but one comparison per earlier stage stays cheap next to parsing them. */
		for (t = 0; t < s; t++) {
			if (m->stages[t].name != NULL &&
			    pl_streq_ci(m->stages[t].name, m->stages[s].name)) {
				pl_check_report(ck, in->args[2].off, in->args[2].end, "stage name '%s' "
						"is already used on line %u",
						m->stages[s].name,
						m->file->instrs[m->stages[t].from].start_line);
				break;
			}
		}
	}
}

const struct pl_rule rule_df0055 = {
	.id = "DF0055",
	.name = "duplicate-stage-name",
	.title = "Two stages have the same name",
	.severity = PL_SEV_HIGH,
	.category = "syntax",
	.why = "BuildKit refuses a Dockerfile whose stages share a name, and older builders "
	       "resolved `COPY --from` and `FROM` to whichever came first: either the build "
	       "breaks, or artefacts come from a stage other than the one the author meant.",
	.fix = "Give every stage a unique name (`AS build`, `AS test`, `AS runtime`).",
	.bad = "FROM golang:1.22.5 AS build\nFROM alpine:3.20.3 AS build\n",
	.good = "FROM golang:1.22.5 AS build\nFROM alpine:3.20.3 AS runtime\n",
	.refs = (const char *const[]){ "https://docs.docker.com/build/building/multi-stage/",
				       NULL },
	.peers = (const char *const[]){ "hadolint:DL3024", "trivy:DS-0012", "checkov:CKV_DOCKER_11",
					 NULL },
	.inputs = PL_IN_DOCKERFILE,
	.check_doc = check,
};
