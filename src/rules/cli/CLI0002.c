/*
 * CLI0002 -- docker run --cap-add with a capability that amounts to root on the host.
 *
 * Reported on every docker run and create. A value may list several capabilities with
 * commas; CAP_ prefixes and case do not matter, as for Docker.
 */
#include "core/str.h"
#include "rules/cli/util.h"

#include <strings.h>

static const char *const dangerous[] = {
	"ALL", "SYS_ADMIN", "SYS_MODULE", "SYS_PTRACE", "SYS_RAWIO", "SYS_BOOT", "SYS_TIME",
	"DAC_READ_SEARCH", "NET_ADMIN", "BPF", "PERFMON", "MAC_ADMIN", "MAC_OVERRIDE", NULL,
};

static void
check(struct pl_check *ck, const struct pl_script *s)
{
	for (size_t i = 0; i < s->ncmds; i++) {
		const struct pl_docker_cmd *c = &s->cmds[i];

		for (size_t k = 0; pl_cli_runs(c) && k < c->nflags; k++) {
			const struct pl_docker_flag *f = &c->flags[k];
			const char *v = f->value;

			if (strcmp(f->name, "cap-add") != 0 || v == NULL) {
				continue;
			}
			while (*v != '\0') {
				size_t n = strcspn(v, ",");
				const char *cap = v;

				if (n > 4 && strncasecmp(cap, "CAP_", 4) == 0) {
					cap += 4;
				}
				for (const char *const *d = dangerous; *d != NULL; d++) {
					if (strlen(*d) == (size_t)(v + n - cap) &&
					    strncasecmp(cap, *d, strlen(*d)) == 0) {
						pl_cli_report_value(ck, f, "capability %s added to "
								    "%s: it is close to root on "
								    "the host", *d, pl_cli_image(c));
						break;
					}
				}
				v += n + (v[n] == ',');
			}
		}
	}
}

const struct pl_rule rule_cli0002 = {
	.id = "CLI0002",
	.name = "cli-dangerous-capability",
	.title = "docker run adds a capability that amounts to root on the host",
	.severity = PL_SEV_HIGH,
	.category = "privilege",
	.why = "SYS_ADMIN mounts file systems and leaves most namespaces, SYS_MODULE loads "
	       "kernel modules, SYS_PTRACE reads other processes' memory, NET_ADMIN rewrites "
	       "the network, DAC_READ_SEARCH opens any file by handle and `ALL` is all of "
	       "them: each is a known way out of a container.",
	.fix = "Drop the capability; find the narrower one the program needs (often "
	       "NET_BIND_SERVICE or CHOWN), or move the privileged step out of the container.",
	.bad = "docker run -d --cap-add SYS_ADMIN app:1.4\n",
	.good = "docker run -d --cap-drop ALL --cap-add NET_BIND_SERVICE app:1.4\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/engine/containers/run/#runtime-privilege-and-linux-capabilities",
		"https://man7.org/linux/man-pages/man7/capabilities.7.html",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_SCRIPT,
	.check_script = check,
};
