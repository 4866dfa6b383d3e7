/*
 * CLI0007 -- the Docker (or Podman) socket mounted into a container.
 *
 * Reported on every docker run and create, one-off tool runs included: a tool that
 * talks to the socket can start a privileged container on the host, whatever its
 * lifetime. `--use-api-socket` is reported too.
 */
#include "core/str.h"
#include "rules/cli/util.h"

static void
check(struct pl_check *ck, const struct pl_script *s)
{
	for (size_t i = 0; i < s->ncmds; i++) {
		const struct pl_docker_cmd *c = &s->cmds[i];

		for (size_t k = 0; pl_cli_runs(c) && k < c->nflags; k++) {
			const struct pl_docker_flag *f = &c->flags[k];
			const char *src;
			bool ro;

			if (strcmp(f->name, "use-api-socket") == 0 && pl_cli_flag_on(f)) {
				pl_check_report(ck, f->off, f->end, "%s is given the Docker API "
						"socket", pl_cli_image(c));
			} else if (pl_cli_bind_source(ck, f, &src, &ro) &&
				   (pl_ends_with(src, "docker.sock") ||
				    pl_ends_with(src, "podman.sock"))) {
				pl_cli_report_value(ck, f, "%s is mounted into %s%s: control of "
						    "the container engine is root on the host", src,
						    pl_cli_image(c), ro ? " (read-only does not "
						    "help: the API still answers)" : "");
			}
		}
	}
}

const struct pl_rule rule_cli0007 = {
	.id = "CLI0007",
	.name = "cli-docker-socket-mounted",
	.title = "Docker socket mounted into a container",
	.severity = PL_SEV_CRITICAL,
	.category = "privilege",
	.why = "Whoever can talk to /var/run/docker.sock can start a privileged container "
	       "with the host's root file system mounted: the socket is root on the host. "
	       "Mounting it read-only changes nothing, as the API is used over it, not "
	       "written to. One-off tool runs are reported too: the tool image gets the "
	       "same power.",
	.fix = "Do not mount the socket. If a tool must start containers, give it a "
	       "socket proxy that allows only the calls it needs, or rootless Docker.",
	.bad = "docker run -d -v /var/run/docker.sock:/var/run/docker.sock agent:2.1\n",
	.good = "docker run -d -v agent-data:/data agent:2.1\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/engine/security/#docker-daemon-attack-surface",
		"https://owasp.org/www-project-docker-top-10/",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_SCRIPT,
	.check_script = check,
};
