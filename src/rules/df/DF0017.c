/*
 * DF0017 -- several CMD instructions in one stage.
 *
 * Reported: every CMD of a stage but the last, which is the only one that takes effect.
 * Not reported: one CMD per stage (build stages may each have their own).
 */
#include "rules/df/util.h"

static void
check(struct pl_check *ck, const struct pl_df_model *m)
{
	pl_df_report_overridden(ck, m, PL_DF_CMD);
}

const struct pl_rule rule_df0017 = {
	.id = "DF0017",
	.name = "multiple-cmd",
	.title = "Several CMD instructions in one stage",
	.severity = PL_SEV_LOW,
	.category = "runtime",
	.why = "Only the last CMD of a stage takes effect. An earlier one is dead code that tells readers and reviewers the container starts something it does not, and it often hides an edit that went wrong.",
	.fix = "Keep a single CMD in each stage; when a base stage's CMD must change, write "
	       "the new one once in the stage that builds on it.",
	.bad = "FROM node:20.11.1\nCMD [\"node\", \"server.js\"]\nCMD [\"npm\", \"start\"]\n",
	.good = "FROM node:20.11.1\nCMD [\"node\", \"server.js\"]\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/reference/dockerfile/#cmd",
		NULL },
	.peers = (const char *const[]){ "hadolint:DL4003", NULL },
	.inputs = PL_IN_DOCKERFILE,
	.check_doc = check,
};
