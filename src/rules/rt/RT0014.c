/*
 * RT0014.c -- container mounts a sensitive host path.
 *
 * Reported for bind mounts of the host's /, /boot, /dev, /etc, /lib, /proc, /sys, /usr,
 * /root, /run, /var/run, /var/lib/docker and more (and of folders inside /etc, /proc,
 * /sys, /boot, /dev, /root, /var/lib/docker), and of .ssh, .aws, .kube and .docker
 * folders, read-only or not. Not reported: container runtime sockets (RT0013's), named
 * volumes, and /etc/localtime and /etc/timezone mounted read-only.
 */
#include "rules/rt/util.h"
#include "core/str.h"

#include <string.h>

/* Host paths whose contents or interfaces belong to the host itself; a mount of any of
 * them, or of a folder inside one of the second group, is reported. */
static const char *const exact[] = { "/", "/etc", "/root", "/proc", "/sys", "/dev", "/boot",
				     "/lib", "/usr", "/var/lib/docker", "/var/run", "/run",
				     "/home", "/lib/modules", "/var/lib/kubelet", NULL };
static const char *const below[] = { "/etc/", "/root/", "/proc/", "/sys/", "/boot/", "/dev/",
				     "/var/lib/docker/", "/lib/modules/", NULL };

/* Host files that containers commonly mount read-only to share the host's clock
 * settings; reading them tells nothing worth protecting. */
static const char *const harmless_ro[] = { "/etc/localtime", "/etc/timezone", NULL };

static bool
harmless(const struct pl_inspect_mount *m)
{
	if (m->rw.kind != PL_JV_BOOL || m->rw.b) {
		return false;
	}
	for (const char *const *h = harmless_ro; *h != NULL; h++) {
		if (strcmp(m->source.s, *h) == 0) {
			return true;
		}
	}
	return false;
}

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

static void
check(struct pl_check *ck, const struct pl_inspect *in)
{
	for (size_t i = 0; i < in->ncontainers; i++) {
		const struct pl_inspect_container *ct = &in->containers[i];

		for (size_t k = 0; k < ct->nmounts; k++) {
			const struct pl_inspect_mount *m = &ct->mounts[k];

			if (!pl_inspect_is(&m->type, "bind") || m->source.kind != PL_JV_STR ||
			    pl_rt_runtime_socket(m->source.s) || !sensitive(m->source.s) ||
			    harmless(m)) {
				continue;
			}
			pl_rt_report(ck, ct, &m->source, "mounts the host's %s%s", m->source.s,
				     m->rw.kind == PL_JV_BOOL && !m->rw.b ? " (read-only)" : "");
		}
	}
}

const struct pl_rule rule_rt0014 = {
	.id = "RT0014",
	.name = "container-sensitive-host-path",
	.title = "Container mounts a sensitive host path",
	.severity = PL_SEV_HIGH,
	.category = "privilege",
	.why = "A bind mount of a host system directory gives the container the "
	       "host's own files: /etc holds password hashes and the configuration "
	       "of every service, /proc and /sys reach into the kernel, / and "
	       "/var/lib/docker hold everything else. Read-only mounts still leak "
	       "secrets; writable ones let the container change the host.",
	.fix = "Mount only the file or folder the container needs, read-only where "
	       "possible (`-v /srv/app/config.yaml:/app/config.yaml:ro`), or use a "
	       "named volume for data.",
	.bad = "[\n"
	       "  {\n"
	       "    \"Id\": \"3f2a1b4c5d6e7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b\",\n"
	       "    \"Name\": \"/web\",\n"
	       "    \"Config\": {\n"
	       "      \"Image\": \"nginx:1.27\"\n"
	       "    },\n"
	       "    \"HostConfig\": {},\n"
	       "    \"Mounts\": [\n"
	       "      {\n"
	       "        \"Type\": \"bind\",\n"
	       "        \"Source\": \"/etc\",\n"
	       "        \"Destination\": \"/host/etc\",\n"
	       "        \"Mode\": \"\",\n"
	       "        \"RW\": true,\n"
	       "        \"Propagation\": \"rprivate\"\n"
	       "      }\n"
	       "    ]\n"
	       "  }\n"
	       "]\n",
	.good = "[\n"
	       "  {\n"
	       "    \"Id\": \"3f2a1b4c5d6e7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b\",\n"
	       "    \"Name\": \"/web\",\n"
	       "    \"Config\": {\n"
	       "      \"Image\": \"nginx:1.27\"\n"
	       "    },\n"
	       "    \"HostConfig\": {},\n"
	       "    \"Mounts\": [\n"
	       "      {\n"
	       "        \"Type\": \"bind\",\n"
	       "        \"Source\": \"/srv/web/nginx.conf\",\n"
	       "        \"Destination\": \"/etc/nginx/nginx.conf\",\n"
	       "        \"Mode\": \"ro\",\n"
	       "        \"RW\": false,\n"
	       "        \"Propagation\": \"rprivate\"\n"
	       "      }\n"
	       "    ]\n"
	       "  }\n"
	       "]\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/engine/storage/bind-mounts/",
		"CIS Docker Benchmark v1.6.0 5.6",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_INSPECT,
	.check_inspect = check,
};
