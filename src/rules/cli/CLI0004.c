/*
 * CLI0004 -- a service started without --security-opt no-new-privileges.
 *
 * Only services (-d/--detach or a --restart policy); silent when an unknown expansion
 * sits where flags are.
 */
#include "core/str.h"
#include "rules/cli/util.h"

static bool
nnp(const char *v)
{
	return strcmp(v, "no-new-privileges") == 0 || strcmp(v, "no-new-privileges:true") == 0 ||
	       strcmp(v, "no-new-privileges=true") == 0;
}

static void
check(struct pl_check *ck, const struct pl_script *s)
{
	for (size_t i = 0; i < s->ncmds; i++) {
		const struct pl_docker_cmd *c = &s->cmds[i];
		bool set = false;

		if (!pl_cli_service(c)) {
			continue;
		}
		for (size_t k = 0; k < c->nflags; k++) {
			const struct pl_docker_flag *f = &c->flags[k];

			set = set || (strcmp(f->name, "security-opt") == 0 && f->value != NULL &&
				      (nnp(f->value) || f->vexpansion));
		}
		if (!set) {
			pl_cli_report_cmd(ck, c, "%s may gain privileges through setuid programs: "
					  "add --security-opt no-new-privileges",
					  pl_cli_image(c));
		}
	}
}

const struct pl_rule rule_cli0004 = {
	.id = "CLI0004",
	.name = "cli-no-new-privileges-missing",
	.title = "Service started without no-new-privileges",
	.severity = PL_SEV_MEDIUM,
	.category = "privilege",
	.why = "Without `no-new-privileges`, a process in the container can raise its "
	       "privileges by running a setuid or setcap program (su, sudo, ping, a planted "
	       "binary). The flag costs nothing for a service that does not need to. Only "
	       "long-running services are judged (`-d` or `--restart` in scripts, "
	       "`--restart` in Markdown).",
	.fix = "Add `--security-opt no-new-privileges` to the `docker run` command.",
	.bad = "docker run -d --name api app:1.4\n",
	.good = "docker run -d --name api --security-opt no-new-privileges app:1.4\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/reference/cli/docker/container/run/#security-opt",
		"https://docs.kernel.org/userspace-api/no_new_privs.html",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_SCRIPT,
	.check_script = check,
};
