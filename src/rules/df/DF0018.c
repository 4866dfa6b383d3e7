/*
 * DF0018 -- several ENTRYPOINT instructions in one stage.
 *
 * Reported: every ENTRYPOINT of a stage but the last, which is the only one that takes effect.
 * Not reported: one ENTRYPOINT per stage (build stages may each have their own).
 */
#include "rules/df/util.h"

static void
check(struct pl_check *ck, const struct pl_df_model *m)
{
	pl_df_report_overridden(ck, m, PL_DF_ENTRYPOINT);
}

const struct pl_rule rule_df0018 = {
	.id = "DF0018",
	.name = "multiple-entrypoint",
	.title = "Several ENTRYPOINT instructions in one stage",
	.severity = PL_SEV_LOW,
	.category = "runtime",
	.why = "Only the last ENTRYPOINT of a stage takes effect. An earlier one is dead code: the process that really starts, and so what must be hardened and reviewed, is not the one a reader sees first.",
	.fix = "Keep a single ENTRYPOINT in each stage; when a base stage's ENTRYPOINT must change, write "
	       "the new one once in the stage that builds on it.",
	.bad = "FROM node:20.11.1\nENTRYPOINT [\"node\"]\nENTRYPOINT [\"docker-entrypoint.sh\"]\n",
	.good = "FROM node:20.11.1\nENTRYPOINT [\"docker-entrypoint.sh\"]\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/reference/dockerfile/#entrypoint",
		NULL },
	.peers = (const char *const[]){ "hadolint:DL4004", NULL },
	.inputs = PL_IN_DOCKERFILE,
	.check_doc = check,
};
