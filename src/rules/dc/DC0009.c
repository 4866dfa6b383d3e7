/*
 * DC0009.c -- service mounts a sensitive host path.
 */
#include "core/str.h"
#include "rules/dc/util.h"
#include "rules/df/util.h"

#include <stdio.h>
#include <string.h>

/* Host paths whose contents or interfaces belong to the host itself; a mount of any of
 * them, or of a folder inside one of the first group, is reported. */
static const char *const exact[] = { "/", "/etc", "/root", "/proc", "/sys", "/dev", "/boot",
				     "/var/lib/docker", "/var/run", "/run", "/home", "/usr",
				     "/lib/modules", "/var/lib/kubelet", NULL };
static const char *const below[] = { "/etc/", "/root/", "/proc/", "/sys/", "/boot/",
				     "/var/lib/docker/", "/lib/modules/", NULL };

struct item_ctx {
	struct pl_check *ck;
	const struct pl_compose *c;
	const struct pl_compose_service *s;
};

static bool
sensitive(const char *p)
{
	size_t n = strlen(p);

	/* "/etc/" is "/etc"; a trailing slash changes nothing. */
	while (n > 1 && p[n - 1] == '/') {
		n--;
	}
	for (const char *const *e = exact; *e != NULL; e++) {
		if (strlen(*e) == n && strncmp(p, *e, n) == 0) {
			return true;
		}
	}
	for (const char *const *b = below; *b != NULL; b++) {
		if (pl_starts_with(p, *b)) {
			return true;
		}
	}
	return strstr(p, "/.ssh") != NULL || strstr(p, "/.aws") != NULL ||
	       strstr(p, "/.kube") != NULL || strstr(p, "/.docker") != NULL;
}

static bool
item(struct fy_node *n, void *ctx)
{
	struct item_ctx *x = ctx;
	struct fy_node *at;
	const char *src = pl_dc_volume_source(x->c, n, &at);

	if (src == NULL || strstr(src, "docker.sock") != NULL) {
		return true; /* DC0008 */
	}
	if (sensitive(src)) {
		pl_dc_report(x->ck, x->s, at, NULL, "service '%s' mounts the host's %s",
			     x->s->name, src);
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

const struct pl_rule rule_dc0009 = {
	.id = "DC0009",
	.name = "sensitive-host-path",
	.title = "Service mounts a sensitive host path",
	.severity = PL_SEV_HIGH,
	.category = "privilege",
	.why = "Bind-mounting the host's root, /etc, /root, /proc, /sys, /dev, /boot, "
	       "the Docker data directory or an SSH folder gives the container the "
	       "host's credentials, configuration or kernel interfaces. A read-write "
	       "mount lets a compromised service change the host; even read-only, it "
	       "leaks secrets such as /etc/shadow or private keys.",
	.fix = "Mount only the specific file or folder the service needs, read-only "
	       "(`:ro`), or use a named volume.",
	.bad = "services:\n"
	       "  agent:\n"
	       "    image: busybox:1.36\n"
	       "    volumes:\n"
	       "      - /etc:/host/etc\n",
	.good = "services:\n"
	       "  agent:\n"
	       "    image: busybox:1.36\n"
	       "    volumes:\n"
	       "      - ./config/agent.conf:/etc/agent.conf:ro\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/reference/compose-file/services/#volumes",
		"https://docs.docker.com/engine/storage/bind-mounts/",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_COMPOSE,
	.check_compose = check,
};
