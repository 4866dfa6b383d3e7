/*
 * CLI0013 -- a service started without memory, CPU or process limits.
 *
 * Only services (-d/--detach or a --restart policy); silent when an unknown expansion
 * sits where flags are. One finding per command names what is missing: --memory (-m),
 * a CPU limit (--cpus, --cpu-quota, --cpu-shares or --cpuset-cpus) and --pids-limit.
 */
#include "rules/cli/util.h"

#include <stdio.h>

static void
check(struct pl_check *ck, const struct pl_script *s)
{
	for (size_t i = 0; i < s->ncmds; i++) {
		const struct pl_docker_cmd *c = &s->cmds[i];
		char missing[128] = "";

		if (!pl_cli_service(c)) {
			continue;
		}
		if (pl_docker_flag(c, "memory") == NULL) {
			strcat(missing, ", --memory");
		}
		if (pl_docker_flag(c, "cpus") == NULL && pl_docker_flag(c, "cpu-quota") == NULL &&
		    pl_docker_flag(c, "cpu-shares") == NULL &&
		    pl_docker_flag(c, "cpuset-cpus") == NULL) {
			strcat(missing, ", --cpus");
		}
		if (pl_docker_flag(c, "pids-limit") == NULL) {
			strcat(missing, ", --pids-limit");
		}
		if (missing[0] != '\0') {
			pl_cli_report_cmd(ck, c, "%s is started without %s: one runaway process "
					  "can starve the host", pl_cli_image(c), missing + 2);
		}
	}
}

const struct pl_rule rule_cli0013 = {
	.id = "CLI0013",
	.name = "cli-resource-limits-missing",
	.title = "Service started without memory, CPU or process limits",
	.severity = PL_SEV_LOW,
	.category = "runtime",
	.why = "Without limits a container may take all memory, every CPU and any number "
	       "of processes on the host: a leak, a fork bomb or a denial of service against "
	       "one service takes down every other service beside it, and the kernel's OOM "
	       "killer may choose a process of the host. Only long-running services are "
	       "judged (`-d` or `--restart` in scripts, `--restart` in Markdown).",
	.fix = "Give each service `--memory`, `--cpus` and `--pids-limit` sized from what "
	       "it uses under load, with room to spare.",
	.bad = "docker run -d --name api app:1.4\n",
	.good = "docker run -d --name api --memory 512m --cpus 1 --pids-limit 200 app:1.4\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/engine/containers/resource_constraints/",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_SCRIPT,
	.check_script = check,
};
