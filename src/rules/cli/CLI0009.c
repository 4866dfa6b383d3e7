/*
 * CLI0009 -- a port published on every interface of the host.
 *
 * `-p 8080:80`, `-p 80` and `-P` publish on 0.0.0.0 (and ::); `-p 127.0.0.1:8080:80` does
 * not. Reported on every docker run and create, one-off runs included: a database
 * started for a quick test is reachable from the network while it runs. A host address
 * that is an expansion is not judged.
 */
#include "rules/cli/util.h"

/* Whether -p VALUE binds every interface: no host address, or 0.0.0.0 / ::. */
static bool
all_interfaces(const char *v)
{
	size_t colons = 0, n;

	if (v[0] == '[') {
		const char *close = strchr(v, ']');

		n = close != NULL ? (size_t)(close - v - 1) : 0;
		return (n == 2 && strncmp(v + 1, "::", 2) == 0) || n == 0;
	}
	for (const char *p = v; *p != '\0'; p++) {
		colons += *p == ':';
	}
	if (colons < 2) {
		return true;
	}
	n = strcspn(v, ":");
	return n == 0 || (n == 7 && strncmp(v, "0.0.0.0", 7) == 0);
}

/* Whether the value of -p says where it binds: not one expansion ("$PORTS"), nor an
 * address that is one ("$BIND_ADDR:8080:80"). */
static bool
known(const char *v, bool expansion)
{
	size_t n = strcspn(v, ":");

	if (!expansion) {
		return true;
	}
	if (v[n] == '\0') {
		return false;
	}
	return strchr(v + n + 1, ':') == NULL || memchr(v, '$', n) == NULL;
}

/* The same -p value bound to the loopback address. */
static const char *
loopback(struct pl_check *ck, const char *v)
{
	if (strncmp(v, "0.0.0.0:", 8) == 0) {
		return pl_check_printf(ck, "127.0.0.1:%s", v + 8);
	}
	if (strncmp(v, "[::]:", 5) == 0) {
		return pl_check_printf(ck, "[::1]:%s", v + 5);
	}
	if (strchr(v, ':') == NULL) {
		return pl_check_printf(ck, "127.0.0.1::%s", v); /* a random host port */
	}
	return pl_check_printf(ck, "127.0.0.1:%s", v);
}

static void
check(struct pl_check *ck, const struct pl_script *s)
{
	for (size_t i = 0; i < s->ncmds; i++) {
		const struct pl_docker_cmd *c = &s->cmds[i];

		for (size_t k = 0; pl_cli_runs(c) && k < c->nflags; k++) {
			const struct pl_docker_flag *f = &c->flags[k];

			if (strcmp(f->name, "publish-all") == 0 && pl_cli_flag_on(f)) {
				pl_check_report(ck, f->off, f->end, "every port %s exposes is "
						"published on all interfaces of the host",
						pl_cli_image(c));
			} else if (strcmp(f->name, "publish") == 0 && f->value != NULL &&
				   known(f->value, f->vexpansion) && all_interfaces(f->value)) {
				pl_cli_report_value(ck, f, "port %s of %s is published on all "
						    "interfaces of the host: bind it to an address, "
						    "as in -p %s", f->value, pl_cli_image(c),
						    loopback(ck, f->value));
			}
		}
	}
}

const struct pl_rule rule_cli0009 = {
	.id = "CLI0009",
	.name = "cli-port-on-all-interfaces",
	.title = "Port published on all interfaces of the host",
	.severity = PL_SEV_MEDIUM,
	.category = "network",
	.why = "`-p 8080:80` listens on every address of the host, and Docker opens its own "
	       "firewall rules for it, ahead of ufw or firewalld: a database or an admin "
	       "page started for local use is reachable from the whole network, and from "
	       "the internet on a cloud machine.",
	.fix = "Bind the port to the address that should reach it: `-p 127.0.0.1:8080:80` "
	       "for the machine itself, or a private interface's address. Use `-p` with an "
	       "address instead of `-P`.",
	.bad = "docker run -d -p 5432:5432 postgres:16\n",
	.good = "docker run -d -p 127.0.0.1:5432:5432 postgres:16\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/engine/network/port-publishing/",
		"https://docs.docker.com/engine/network/packet-filtering-firewalls/",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_SCRIPT,
	.check_script = check,
};
