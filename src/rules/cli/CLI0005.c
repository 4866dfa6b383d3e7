/*
 * CLI0005 -- a service whose root file system is writable.
 *
 * Only services (-d/--detach or a --restart policy); silent when an unknown expansion
 * sits where flags are.
 */
#include "rules/cli/util.h"

static void
check(struct pl_check *ck, const struct pl_script *s)
{
	for (size_t i = 0; i < s->ncmds; i++) {
		const struct pl_docker_cmd *c = &s->cmds[i];
		const struct pl_docker_flag *f;

		if (!pl_cli_service(c)) {
			continue;
		}
		f = pl_docker_flag(c, "read-only");
		if (f == NULL || (!pl_cli_flag_on(f) && !f->vexpansion)) {
			pl_cli_report_cmd(ck, c, "%s can write to its root file system: add "
					  "--read-only and --tmpfs for the paths it writes",
					  pl_cli_image(c));
		}
	}
}

const struct pl_rule rule_cli0005 = {
	.id = "CLI0005",
	.name = "cli-root-filesystem-writable",
	.title = "Service started without --read-only",
	.severity = PL_SEV_LOW,
	.category = "runtime",
	.why = "A writable root file system lets an attacker who takes over the service "
	       "replace its programs, drop tools and persist until the container is "
	       "recreated. A read-only one also shows early what the service writes. Only "
	       "long-running services are judged (`-d` or `--restart` in scripts, "
	       "`--restart` in Markdown).",
	.fix = "Add `--read-only`, and give the paths the service writes a `--tmpfs` "
	       "(/tmp, /run) or a volume.",
	.bad = "docker run -d --name api app:1.4\n",
	.good = "docker run -d --name api --read-only --tmpfs /tmp app:1.4\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/reference/cli/docker/container/run/#read-only",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_SCRIPT,
	.check_script = check,
};
