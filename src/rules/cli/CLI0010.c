/*
 * CLI0010 -- a host namespace shared with the container: --network host, --pid host,
 * --ipc host, --uts host, --userns host.
 *
 * Reported on every docker run and create.
 */
#include "rules/cli/util.h"

static void
check(struct pl_check *ck, const struct pl_script *s)
{
	static const char *const ns[] = { "network", "pid", "ipc", "uts", "userns", NULL };

	for (size_t i = 0; i < s->ncmds; i++) {
		const struct pl_docker_cmd *c = &s->cmds[i];

		for (size_t k = 0; pl_cli_runs(c) && k < c->nflags; k++) {
			const struct pl_docker_flag *f = &c->flags[k];

			for (const char *const *n = ns; *n != NULL; n++) {
				if (strcmp(f->name, *n) == 0 && f->value != NULL &&
				    strcmp(f->value, "host") == 0) {
					pl_cli_report_value(ck, f, "%s shares the host's %s "
							    "namespace (--%s host)",
							    pl_cli_image(c), *n, *n);
				}
			}
		}
	}
}

const struct pl_rule rule_cli0010 = {
	.id = "CLI0010",
	.name = "cli-host-namespace",
	.title = "Container shares a namespace with the host",
	.severity = PL_SEV_HIGH,
	.category = "privilege",
	.why = "With the host's network namespace the container binds any host port and "
	       "reaches services that listen only on localhost; with its PID namespace it "
	       "sees and signals every host process and reads their environment; with its "
	       "IPC namespace it reads shared memory of host programs; with --userns host "
	       "it leaves user-namespace remapping. Each removes a wall between container "
	       "and host.",
	.fix = "Remove `--network host` (publish the ports the service needs with "
	       "`-p ADDRESS:PORT:PORT`), `--pid host`, `--ipc host`, `--uts host` and "
	       "`--userns host`.",
	.bad = "docker run -d --network host app:1.4\n",
	.good = "docker run -d -p 127.0.0.1:8080:8080 app:1.4\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/engine/network/drivers/host/",
		"https://docs.docker.com/reference/cli/docker/container/run/#pid",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_SCRIPT,
	.check_script = check,
};
