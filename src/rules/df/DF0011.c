/*
 * DF0011 -- a parser directive that is ignored or not written canonically.
 *
 * Reported: a `# syntax=`, `# escape=` or `# check=` comment that BuildKit ignores because
 * an instruction, a comment or a blank line comes before it; and an honoured directive
 * written with blanks around '=' or an upper-case name, fixed to `# name=value`.
 */
#include "rules/df/util.h"

#include <string.h>

static void
check(struct pl_check *ck, const struct pl_df_model *m)
{
	const struct pl_df_file *file = m->file;
	struct pl_finding *f;
	size_t i;

	for (i = 0; i < file->ndirectives; i++) {
		const struct pl_df_directive *d = &file->directives[i];
		const char *text = m->src->text + d->off;
		size_t n = d->end - d->off;
		char *canon;

		if (!d->honoured) {
			f = pl_check_report(ck, d->off, d->end, "'%s' parser directive is ignored: "
					    "directives must come before any instruction, comment or "
					    "blank line", d->name);
			if (f != NULL) {
				f->fix = "Move the directive to the very top of the file, above every "
					 "comment and blank line.";
			}
			continue;
		}
		canon = pl_check_printf(ck, "# %s=%s", d->name, d->value);
		if (strlen(canon) == n && memcmp(canon, text, n) == 0) {
			continue;
		}
		/* "#syntax=x" without the blank is as canonical as "# syntax=x". */
		if (n + 1 == strlen(canon) && text[0] == '#' && memcmp(canon + 2, text + 1, n - 1) == 0) {
			continue;
		}
		f = pl_check_report(ck, d->off, d->end, "parser directive is not in canonical form: "
				    "write '%s'", canon);
		if (f != NULL) {
			struct pl_edit *e = pl_arena_alloc(&ck->r->arena, sizeof(*e));

			e->off = d->off;
			e->end = d->end;
			e->replacement = canon;
			f->edit = e;
			f->fix = pl_check_printf(ck, "Write the directive as `%s`.", canon);
		}
	}
}

const struct pl_rule rule_df0011 = {
	.id = "DF0011",
	.name = "parser-directive",
	.title = "Parser directive is ignored or not canonical",
	.severity = PL_SEV_LOW,
	.category = "syntax",
	.why = "Parser directives (`syntax`, `escape`, `check`) are honoured only at the very top "
	       "of a Dockerfile, before any instruction, comment or blank line. Anywhere else "
	       "they are plain comments: the pinned frontend version, the escape character or "
	       "the build checks silently do not apply, and the file builds differently from "
	       "what it says. Non-canonical spelling (`# syntax = ...`, upper case) works but is "
	       "easy to misread and is not what tools search for.",
	.fix = "Put directives on the first lines of the file, lower case, written "
	       "`# syntax=docker/dockerfile:1`.",
	.bad = "FROM alpine:3.20\n# syntax=docker/dockerfile:1\n",
	.good = "# syntax=docker/dockerfile:1\nFROM alpine:3.20\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/reference/dockerfile/#parser-directives",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_DOCKERFILE,
	.check_doc = check,
};
