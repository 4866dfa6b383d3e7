/*
 * DF0024 -- the image exposes SSH (port 22).
 *
 * Reported: EXPOSE 22, 22/tcp, or a range that includes 22.
 * Not reported: values from variables whose value is not known.
 */
#include "rules/df/util.h"

#include <stdlib.h>
#include <string.h>

static void
check(struct pl_check *ck, const struct pl_df_model *m, size_t i)
{
	const struct pl_df_instr *in = &m->file->instrs[i];
	struct pl_finding *f;
	size_t k;

	for (k = 0; k < in->nargs; k++) {
		const char *v = pl_df_expand(m, &m->states[i], in->args[k].s);
		char *end;
		long lo, hi;

		if (v == NULL) {
			continue;
		}
		lo = strtol(v, &end, 10);
		hi = *end == '-' ? strtol(end + 1, &end, 10) : lo;
		if (end == v || (*end != '\0' && *end != '/') || lo > 22 || hi < 22) {
			continue;
		}
		f = pl_check_report(ck, in->args[k].off, in->args[k].end, "EXPOSE %s publishes "
				    "SSH from the container", in->args[k].s);
		if (f != NULL) {
			f->fix = "Remove the SSH server and EXPOSE 22: use `docker exec` or `kubectl "
				 "exec` to get a shell in a running container.";
		}
	}
}

const struct pl_rule rule_df0024 = {
	.id = "DF0024",
	.name = "expose-ssh",
	.title = "The image exposes SSH (port 22)",
	.severity = PL_SEV_MEDIUM,
	.category = "privilege",
	.why = "An SSH server in a container is a second way in that bypasses the orchestrator's "
	       "access control and audit, needs keys or passwords managed inside the image, and "
	       "adds a long-running daemon and its vulnerabilities to every instance.",
	.fix = "Do not run sshd in application images; get a shell with `docker exec` or "
	       "`kubectl exec` when one is needed, and remove EXPOSE 22.",
	.bad = "FROM debian:12.6-slim\nEXPOSE 22\n",
	.good = "FROM debian:12.6-slim\nEXPOSE 8080\n",
	.refs = (const char *const[]){
		"CIS Docker Benchmark 5.6: Ensure sshd is not run within containers", NULL },
	.peers = (const char *const[]){ "trivy:DS-0004", "checkov:CKV_DOCKER_1",
					 "kics:Exposing Port 22 (SSH)", NULL },
	.inputs = PL_IN_DOCKERFILE,
	.on_instr = PL_ON(PL_DF_EXPOSE),
	.check_instr = check,
};
