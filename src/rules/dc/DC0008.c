/*
 * DC0008.c -- service mounts the Docker socket.
 */
#include "core/str.h"
#include "rules/dc/util.h"
#include "rules/df/util.h"

#include <stdio.h>
#include <string.h>

struct item_ctx {
	struct pl_check *ck;
	const struct pl_compose *c;
	const struct pl_compose_service *s;
};

static bool
item(struct fy_node *n, void *ctx)
{
	struct item_ctx *x = ctx;
	struct fy_node *at;
	const char *src = pl_dc_volume_source(x->c, n, &at);

	if (src != NULL && strstr(src, "docker.sock") != NULL) {
		pl_dc_report(x->ck, x->s, at, NULL, "service '%s' mounts the Docker socket "
			     "(%s): control of the daemon is root on the host", x->s->name, src);
	}
	return true;
}

static void
check(struct pl_check *ck, const struct pl_compose *c)
{
	for (size_t i = 0; i < c->nservices; i++) {
		struct item_ctx x = { ck, c, &c->services[i] };

		pl_compose_each(c, &c->services[i], "volumes", item, &x);
	}
}

const struct pl_rule rule_dc0008 = {
	.id = "DC0008",
	.name = "docker-socket-mounted",
	.title = "Service mounts the Docker socket",
	.severity = PL_SEV_CRITICAL,
	.category = "privilege",
	.why = "Whoever can write to the Docker socket can start a privileged "
	       "container with the host's root file system mounted: the socket is root "
	       "on the host. Mounting it into a web service, a CI runner or a "
	       "dashboard turns any bug in that service into a host compromise, and "
	       "`:ro` does not help because the API is used over the socket, not by "
	       "writing the file.",
	.fix = "Remove the mount. If the service really must talk to Docker, put a "
	       "filtering proxy in between that allows only the API calls it needs, or "
	       "use rootless Docker for it.",
	.bad = "services:\n"
	       "  ui:\n"
	       "    image: portainer/portainer-ce:2.21.0\n"
	       "    volumes:\n"
	       "      - /var/run/docker.sock:/var/run/docker.sock\n",
	.good = "services:\n"
	       "  ui:\n"
	       "    image: portainer/portainer-ce:2.21.0\n"
	       "    volumes:\n"
	       "      - ui-data:/data\n"
	       "volumes:\n"
	       "  ui-data:\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/reference/compose-file/services/#volumes",
		"https://docs.docker.com/engine/security/#docker-daemon-attack-surface",
		NULL },
	.peers = (const char *const[]){ "kics:Docker Socket Mounted In Container", NULL },
	.inputs = PL_IN_COMPOSE,
	.check_compose = check,
};
