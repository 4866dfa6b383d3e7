/*
 * CLI0008 -- a sensitive host path mounted into a container.
 *
 * Reported on every docker run and create, with -v/--volume and --mount type=bind.
 * /etc/localtime and /etc/timezone are not reported; the sockets are CLI0007's.
 * Expansions such as $(pwd) are not judged, except $HOME and ~ followed by a known
 * credentials folder.
 */
#include "core/str.h"
#include "rules/cli/util.h"

/* Paths reported with everything below them. */
static const char *const trees[] = {
	"/etc", "/proc", "/sys", "/dev", "/boot", "/root", "/var/lib/docker",
	"/var/lib/containerd", "/var/lib/kubelet", "/lib/modules", "/usr/lib/modules", NULL,
};

/* Paths reported only as themselves: below them are ordinary data folders. */
static const char *const exact[] = {
	"/", "/home", "/var", "/var/run", "/run", "/usr", "/var/log", "/lib", "/bin", "/sbin",
	NULL,
};

/* Credentials below the home folder. */
static const char *const home_dirs[] = {
	"/.ssh", "/.aws", "/.kube", "/.docker", "/.gnupg", "/.config/gcloud", "/.azure", NULL,
};

static const char *const harmless[] = { "/etc/localtime", "/etc/timezone", NULL };

static bool
under(const char *p, const char *dir)
{
	size_t n = strlen(dir);

	return strncmp(p, dir, n) == 0 && (p[n] == '\0' || p[n] == '/');
}

static bool
sensitive(const char *src)
{
	char path[4096];
	size_t n = strlen(src);
	static const char *const homes[] = { "~", "$HOME", "${HOME}", NULL };

	if (n == 0 || n >= sizeof(path)) {
		return false;
	}
	memcpy(path, src, n + 1);
	while (n > 1 && path[n - 1] == '/') {
		path[--n] = '\0';
	}
	for (const char *const *h = homes; *h != NULL; h++) {
		size_t hn = strlen(*h);

		if (strncmp(path, *h, hn) == 0) {
			for (const char *const *d = home_dirs; *d != NULL; d++) {
				if (under(path + hn, *d)) {
					return true;
				}
			}
			return false;
		}
	}
	if (path[0] != '/' || pl_ends_with(path, ".sock")) {
		return false;
	}
	for (const char *const *p = harmless; *p != NULL; p++) {
		if (strcmp(path, *p) == 0) {
			return false;
		}
	}
	for (const char *const *p = exact; *p != NULL; p++) {
		if (strcmp(path, *p) == 0) {
			return true;
		}
	}
	for (const char *const *p = trees; *p != NULL; p++) {
		if (under(path, *p)) {
			return true;
		}
	}
	return false;
}

static void
check(struct pl_check *ck, const struct pl_script *s)
{
	for (size_t i = 0; i < s->ncmds; i++) {
		const struct pl_docker_cmd *c = &s->cmds[i];

		for (size_t k = 0; pl_cli_runs(c) && k < c->nflags; k++) {
			const struct pl_docker_flag *f = &c->flags[k];
			const char *src;
			bool ro;

			if (pl_cli_bind_source(ck, f, &src, &ro) && sensitive(src)) {
				pl_cli_report_value(ck, f, "host path %s is mounted into %s%s", src,
						    pl_cli_image(c), ro ? " (read-only)" : "");
			}
		}
	}
}

const struct pl_rule rule_cli0008 = {
	.id = "CLI0008",
	.name = "cli-sensitive-host-path",
	.title = "Sensitive host path mounted into a container",
	.severity = PL_SEV_HIGH,
	.category = "privilege",
	.why = "A bind mount of /, /etc, /proc, /sys, /dev, /root, /boot, Docker's or the "
	       "kubelet's state, or the user's ~/.ssh, ~/.aws or ~/.kube hands the container "
	       "the host's configuration, devices or credentials: written, they take over the "
	       "host; read, they leak its secrets. Read-only mounts are reported too.",
	.fix = "Mount only the file or folder the program needs, read-only where it can "
	       "(`:ro`, or `readonly` with --mount), or copy the data into a volume.",
	.bad = "docker run -d -v /etc:/host/etc monitor:3.0\n",
	.good = "docker run -d -v /srv/monitor/monitor.conf:/etc/monitor.conf:ro monitor:3.0\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/engine/storage/bind-mounts/",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_SCRIPT,
	.check_script = check,
};
