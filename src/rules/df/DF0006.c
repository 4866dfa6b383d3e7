/*
 * DF0006 -- CMD or ENTRYPOINT in shell form.
 *
 * Reported: shell-form CMD and ENTRYPOINT in the final stage and the stages it builds
 * FROM, whose configuration the image keeps.
 * Not reported: build stages; commands that start with `exec` (the shell replaces itself,
 * so the process is PID 1 and gets signals).
 */
#include "rules/df/util.h"
#include "core/str.h"

#include <string.h>

static void
check(struct pl_check *ck, const struct pl_df_model *m, size_t i)
{
	const struct pl_df_instr *in = &m->file->instrs[i];
	const struct pl_stage *st = pl_df_stage_of(m, i);
	struct pl_finding *f;

	if (st == NULL || in->json || in->nargs == 0 || !pl_df_in_final_chain(m, st->index)) {
		return;
	}
	if (pl_starts_with(in->args[0].s, "exec ")) {
		return;
	}
	f = pl_check_report(ck, in->args[0].off, in->args[0].end, "%s in shell form runs under "
			    "/bin/sh -c: the application is not PID 1 and does not receive "
			    "SIGTERM on `docker stop`", in->kind == PL_DF_CMD ? "CMD" : "ENTRYPOINT");
	if (f != NULL) {
		f->fix = "Write the command as a JSON array, such as `CMD [\"node\", "
			 "\"server.js\"]`; if shell features are needed, use `exec` in a small "
			 "entrypoint script.";
	}
}

const struct pl_rule rule_df0006 = {
	.id = "DF0006",
	.name = "shell-form-cmd",
	.title = "CMD or ENTRYPOINT uses shell form",
	.severity = PL_SEV_LOW,
	.category = "runtime",
	.why = "The shell form wraps the command in `/bin/sh -c`, so the shell is PID 1 and the "
	       "application is its child. Most shells do not forward SIGTERM, so `docker stop` "
	       "and Kubernetes wait for the grace period and then kill the process: no graceful "
	       "shutdown, lost in-flight requests and slow deploys. An ENTRYPOINT in shell form "
	       "also ignores the CMD and `docker run` arguments.",
	.fix = "Use the exec (JSON array) form: `CMD [\"python\", \"-m\", \"app\"]`. When the "
	       "command needs variable expansion, put it in an entrypoint script that ends with "
	       "`exec \"$@\"`, or start it with `exec`.",
	.bad = "FROM python:3.12-slim\nCMD python -m app\n",
	.good = "FROM python:3.12-slim\nCMD [\"python\", \"-m\", \"app\"]\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/reference/dockerfile/#shell-and-exec-form",
		"https://docs.docker.com/reference/dockerfile/#entrypoint",
		NULL },
	.peers = (const char *const[]){ "hadolint:DL3025", NULL },
	.inputs = PL_IN_DOCKERFILE,
	.on_instr = PL_ON(PL_DF_CMD) | PL_ON(PL_DF_ENTRYPOINT),
	.check_instr = check,
};
