/*
 * CLI0003 -- a service started without --cap-drop ALL.
 *
 * Only services (-d/--detach or a --restart policy) are judged: a one-off
 * `docker run --rm -it tool` is not. Silent when an unknown expansion sits where flags
 * are ("$DOCKER_OPTS").
 */
#include "core/str.h"
#include "rules/cli/util.h"

static void
check(struct pl_check *ck, const struct pl_script *s)
{
	for (size_t i = 0; i < s->ncmds; i++) {
		const struct pl_docker_cmd *c = &s->cmds[i];
		bool dropped = false;

		if (!pl_cli_service(c)) {
			continue;
		}
		for (size_t k = 0; k < c->nflags; k++) {
			const struct pl_docker_flag *f = &c->flags[k];

			dropped = dropped || (strcmp(f->name, "cap-drop") == 0 && f->value != NULL &&
					      (pl_streq_ci(f->value, "ALL") || f->vexpansion));
		}
		if (!dropped && !pl_cli_flag_on(pl_docker_flag(c, "privileged"))) {
			pl_cli_report_cmd(ck, c, "%s keeps Docker's default capabilities: add "
					  "--cap-drop ALL and --cap-add only what it needs",
					  pl_cli_image(c));
		}
	}
}

const struct pl_rule rule_cli0003 = {
	.id = "CLI0003",
	.name = "cli-capabilities-not-dropped",
	.title = "Service started without --cap-drop ALL",
	.severity = PL_SEV_LOW,
	.category = "privilege",
	.why = "Docker gives every container fourteen capabilities, among them CHOWN, "
	       "DAC_OVERRIDE, FOWNER, SETUID, SETGID and NET_RAW. Most services need none "
	       "of them, and each one widens what an attacker who takes over the process "
	       "can do. Only long-running services are judged (`-d` or `--restart` in scripts, "
	       "`--restart` in Markdown); one-off tool runs are not.",
	.fix = "Start the service with `--cap-drop ALL` and add back, with `--cap-add`, "
	       "only the capabilities it fails without.",
	.bad = "docker run -d --name web nginx:1.27\n",
	.good = "docker run -d --name web --cap-drop ALL --cap-add NET_BIND_SERVICE "
		"nginx:1.27\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/engine/containers/run/#runtime-privilege-and-linux-capabilities",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_SCRIPT,
	.check_script = check,
};
