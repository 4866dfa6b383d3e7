/*
 * DF0001 -- the final image runs as root.
 *
 * Reported: the last USER of the final stage (or of the stages it builds FROM) is root or
 * 0, or no USER is set at all, at that USER or at the final FROM.
 * Not reported: root in build stages that do not reach the final image's configuration;
 * a USER whose value is an ARG with no known value; base images that are published to run
 * as a non-root user (a "nonroot" tag, Chainguard images); and, when no USER is set,
 * images that install a privilege-dropping tool (gosu, su-exec, setpriv) for their
 * entrypoint, the pattern of official database images that start as root only to fix
 * volume ownership and then run the server as its own user.
 */
#include "core/str.h"
#include "rules/df/util.h"

#include <string.h>

/* Images documented to default to a non-root user. */
static bool
base_is_nonroot(const struct pl_image_ref *b)
{
	if (b->tag != NULL && strstr(b->tag, "nonroot") != NULL) {
		return true;
	}
	return b->registry != NULL && pl_streq(b->registry, "cgr.dev");
}

/* The final chain installs or calls a tool that switches user at start-up. */
static bool
drops_privileges(const struct pl_df_model *m)
{
	static const char *const tools[] = { "gosu", "su-exec", "setpriv", NULL };
	size_t i;

	for (i = 0; i < m->file->ninstrs; i++) {
		const struct pl_stage *st = pl_df_stage_of(m, i);
		const struct pl_df_instr *in = &m->file->instrs[i];

		if (st == NULL || !pl_df_in_final_chain(m, st->index) ||
		    (in->kind != PL_DF_RUN && in->kind != PL_DF_ENTRYPOINT)) {
			continue;
		}
		/* ENTRYPOINT ["gosu"] alone names no user to switch to */
		if (in->kind == PL_DF_ENTRYPOINT && in->json && in->nargs < 2) {
			continue;
		}
		for (const char *const *t = tools; *t != NULL; t++) {
			if (strstr(in->original, *t) != NULL) {
				return true;
			}
		}
	}
	return false;
}

static void
check(struct pl_check *ck, const struct pl_df_model *m)
{
	const struct pl_stage *st, *root;
	const struct pl_df_instr *in;
	struct pl_finding *f;

	if (m->final_stage < 0) {
		return;
	}
	st = &m->stages[m->final_stage];
	if (st->end.user != NULL) {
		if (!st->end.user_known || !pl_user_is_root(st->end.user)) {
			return;
		}
		in = &m->file->instrs[st->end.user_instr];
		f = pl_check_report(ck, in->off, in->end, "the final image runs as root "
				    "(USER %s)", st->end.user);
		if (f != NULL) {
			f->fix = "Create an unprivileged user and end the final stage with "
				 "`USER <name>` (or a numeric UID such as `USER 10001`); switch to "
				 "root only for the steps that need it, and back.";
		}
		return;
	}
	/* No USER anywhere in the chain: the base image decides. */
	root = st;
	while (root->base.stage >= 0) {
		root = &m->stages[root->base.stage];
	}
	if (root->base.resolved == NULL || base_is_nonroot(&root->base) || drops_privileges(m)) {
		return;
	}
	in = &m->file->instrs[st->from];
	pl_check_report(ck, in->off, in->end, "no USER in the final stage: the container runs "
			"as the base image's user, root for '%s'",
			root->base.scratch ? "scratch" : root->base.raw);
}

const struct pl_rule rule_df0001 = {
	.id = "DF0001",
	.name = "final-user-root",
	.title = "The final image runs as root",
	.severity = PL_SEV_HIGH,
	.category = "privilege",
	.why = "A process running as root inside the container is root on the host's kernel: "
	       "any code execution bug in the application becomes full control of the "
	       "container, and with a kernel or runtime escape, of the host. Root can also "
	       "rewrite the application's own files, install tools and read every secret "
	       "mounted into the container.",
	.fix = "Create a dedicated user in the final stage and switch to it with USER as the "
	       "last user change, for example `RUN useradd --uid 10001 --no-create-home app` "
	       "then `USER 10001`. Build stages may stay root; only the final stage matters.",
	.bad = "FROM node:20.11-alpine\nCOPY . /app\nCMD [\"node\", \"/app/server.js\"]\n",
	.good = "FROM node:20.11-alpine\nCOPY --chown=node:node . /app\nUSER node\n"
		"CMD [\"node\", \"/app/server.js\"]\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/reference/dockerfile/#user",
		"https://docs.docker.com/build/building/best-practices/#user",
		"CIS Docker Benchmark 4.1: Ensure that a user for the container has been created",
		NULL },
	.peers = (const char *const[]){ "hadolint:DL3002", "trivy:DS-0002", "checkov:CKV_DOCKER_3",
					 "checkov:CKV_DOCKER_8", "kics:Missing User Instruction",
					 NULL },
	.inputs = PL_IN_DOCKERFILE,
	.check_doc = check,
};
