/*
 * PL0001 -- an inline `# plimsoll ...` comment that plimsoll cannot honour.
 *
 * Reported: comments that start with the word "plimsoll" but are malformed, list an
 * unknown rule id or name, or leave the reason unquoted; a typo there would otherwise
 * silently suppress nothing (or the wrong thing).
 */
#include "engine/run.h"
#include "engine/suppress.h"

#include <string.h>

static void
check(struct pl_check *ck, const struct pl_df_model *m)
{
	const struct pl_df_file *file = m->file;
	struct pl_ignore ig;
	struct pl_finding *f;
	size_t i;

	for (i = 0; i < file->ncomments; i++) {
		const struct pl_df_comment *c = &file->comments[i];
		uint32_t end;

		if (!pl_ignore_parse(c->text, c->off + 1, m->arena, &ig) || ig.error == NULL) {
			continue;
		}
		end = c->off + 1 + (uint32_t)strlen(c->text);
		f = pl_check_report(ck, ig.error_off, end, "%s", ig.error);
		if (f != NULL) {
			f->fix = "Write `# plimsoll ignore=DF0001,DF0007 reason=\"why\"` on the line "
				 "above the instruction, or `# plimsoll global ignore=...` for the "
				 "whole file, with ids from `plimsoll rules`.";
		}
	}
}

const struct pl_rule rule_pl0001 = {
	.id = "PL0001",
	.name = "invalid-ignore-comment",
	.title = "An inline ignore comment cannot be honoured",
	.severity = PL_SEV_MEDIUM,
	.category = "syntax",
	.why = "An ignore comment with a typo in a rule id, or in its own syntax, suppresses "
	       "nothing: the finding it was meant to accept keeps failing the build, or worse, "
	       "the team believes a reviewed exception is in place when it is not. Reviewers "
	       "also rely on these comments to find every accepted risk in a repository.",
	.fix = "Use `# plimsoll ignore=ID[,ID...] reason=\"...\"` directly above the "
	       "instruction, or `# plimsoll global ignore=ID[,ID...]` for the whole file, with "
	       "ids or names from `plimsoll rules`.",
	.bad = "# plimsoll ignore=DF9999 reason=\"legacy base image\"\nFROM debian:12-slim\n",
	.good = "# plimsoll ignore=DF0007 reason=\"probed by Kubernetes\"\nFROM debian:12-slim\n",
	.refs = (const char *const[]){ "docs/suppressions.md", NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_DOCKERFILE,
	.check_doc = check,
};
