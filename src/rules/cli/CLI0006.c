/*
 * CLI0006 -- a container that runs as root.
 *
 * `-u 0`, `--user root`, `root:root`, `0:0` are reported on every docker run and create.
 * A missing --user is reported only for docker services (-d/--detach or --restart), and
 * not when an unknown expansion sits where flags are: the image may set a USER, which is
 * the better place for it, but a script cannot tell. Podman is not asked for --user: it
 * runs rootless by default, where root in the container is the user who started it.
 */
#include "rules/cli/util.h"

static bool
root_user(const char *v)
{
	size_t n = strcspn(v, ":");

	return (n == 1 && v[0] == '0') || (n == 4 && strncmp(v, "root", 4) == 0);
}

static void
check(struct pl_check *ck, const struct pl_script *s)
{
	for (size_t i = 0; i < s->ncmds; i++) {
		const struct pl_docker_cmd *c = &s->cmds[i];
		const struct pl_docker_flag *u;

		if (!pl_cli_runs(c)) {
			continue;
		}
		u = pl_docker_flag(c, "user");
		if (u != NULL && u->value != NULL && !u->vexpansion && root_user(u->value)) {
			pl_cli_report_value(ck, u, "%s runs as root (--user %s)", pl_cli_image(c),
					    u->value);
		} else if (u == NULL && pl_cli_service(c) && strcmp(c->tool, "docker") == 0) {
			pl_cli_report_cmd(ck, c, "%s is started without --user: it runs as root "
					  "unless its image sets a USER", pl_cli_image(c));
		}
	}
}

const struct pl_rule rule_cli0006 = {
	.id = "CLI0006",
	.name = "cli-runs-as-root",
	.title = "Container runs as root",
	.severity = PL_SEV_MEDIUM,
	.category = "privilege",
	.why = "Root in a container is root on the host as far as the kernel is concerned, "
	       "unless user namespaces are set up: a kernel or runtime bug, a mounted host "
	       "path or a granted capability is then enough to own the host. `--user 0` asks "
	       "for root explicitly (reported for every command); a service started without "
	       "`--user` (`-d` or `--restart` in scripts, `--restart` in Markdown) runs as "
	       "whatever its image says, often root.",
	.fix = "Run as an unprivileged user: `--user 10001:10001`, or a USER in the image "
	       "and no `--user` that overrides it.",
	.bad = "docker run --rm -u 0 app:1.4 migrate\n",
	.good = "docker run --rm -u 10001:10001 app:1.4 migrate\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/reference/cli/docker/container/run/#user",
		"https://docs.docker.com/engine/security/userns-remap/",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_SCRIPT,
	.check_script = check,
};
