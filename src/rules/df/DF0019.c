/*
 * DF0019 -- several HEALTHCHECK instructions in one stage.
 *
 * Reported: every HEALTHCHECK of a stage but the last, which is the only one that takes effect.
 * Not reported: one HEALTHCHECK per stage (build stages may each have their own).
 */
#include "rules/df/util.h"

static void
check(struct pl_check *ck, const struct pl_df_model *m)
{
	pl_df_report_overridden(ck, m, PL_DF_HEALTHCHECK);
}

const struct pl_rule rule_df0019 = {
	.id = "DF0019",
	.name = "multiple-healthcheck",
	.title = "Several HEALTHCHECK instructions in one stage",
	.severity = PL_SEV_LOW,
	.category = "runtime",
	.why = "Only the last HEALTHCHECK of a stage takes effect. An earlier one gives a false sense of what is probed; a later HEALTHCHECK NONE silently turns checking off.",
	.fix = "Keep a single HEALTHCHECK in each stage; when a base stage's HEALTHCHECK must change, write "
	       "the new one once in the stage that builds on it.",
	.bad = "FROM nginx:1.27.0\nHEALTHCHECK CMD [\"curl\", \"-f\", \"http://127.0.0.1/\"]\nHEALTHCHECK NONE\n",
	.good = "FROM nginx:1.27.0\nHEALTHCHECK CMD [\"curl\", \"-f\", \"http://127.0.0.1/\"]\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/reference/dockerfile/#healthcheck",
		NULL },
	.peers = (const char *const[]){ "hadolint:DL3012", NULL },
	.inputs = PL_IN_DOCKERFILE,
	.check_doc = check,
};
