/*
 * DF0020 -- an exec-form array that BuildKit runs as a shell string.
 *
 * Reported: RUN, CMD, ENTRYPOINT and SHELL whose arguments start with '[' but are not a
 * valid JSON array of strings (single quotes, a trailing comma, unescaped backslashes):
 * BuildKit then falls back to shell form and runs the brackets and quotes as text.
 * Not reported: shell-form commands that do not start with '['.
 */
#include "rules/df/util.h"

#include <string.h>

static void
check(struct pl_check *ck, const struct pl_df_model *m, size_t i)
{
	const struct pl_df_instr *in = &m->file->instrs[i];
	const char *s;
	struct pl_finding *f;

	if (in->json || in->nargs != 1) {
		return;
	}
	s = in->args[0].s;
	if (s[0] != '[' || strchr(s, ']') == NULL) {
		return;
	}
	f = pl_check_report(ck, in->args[0].off, in->args[0].end, "this is not a valid JSON "
			    "array, so %s runs it as a shell command string", in->keyword);
	if (f != NULL) {
		f->fix = strchr(s, '\'') != NULL
			 ? "Use double quotes: JSON strings cannot use single quotes."
			 : "Make it valid JSON: double-quoted strings, no trailing comma, "
			   "backslashes written as \\\\.";
	}
}

const struct pl_rule rule_df0020 = {
	.id = "DF0020",
	.name = "json-form-invalid",
	.title = "An exec-form array is not valid JSON",
	.severity = PL_SEV_MEDIUM,
	.category = "runtime",
	.why = "A bracketed command that is not valid JSON is silently run as a shell string: "
	       "the shell tries to execute `['node',` as a program, so the container fails to "
	       "start, or runs under /bin/sh -c without PID 1 signals, while the Dockerfile "
	       "looks like exec form.",
	.fix = "Write a JSON array of double-quoted strings: `CMD [\"node\", \"server.js\"]`.",
	.bad = "FROM node:20.11.1\nCMD ['node', 'server.js']\n",
	.good = "FROM node:20.11.1\nCMD [\"node\", \"server.js\"]\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/reference/dockerfile/#shell-and-exec-form",
		"https://docs.docker.com/reference/build-checks/json-args-recommended/", NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_DOCKERFILE,
	.on_instr = PL_ON(PL_DF_RUN) | PL_ON(PL_DF_CMD) | PL_ON(PL_DF_ENTRYPOINT) |
		    PL_ON(PL_DF_SHELL),
	.check_instr = check,
};
