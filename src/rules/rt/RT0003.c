/*
 * RT0003.c -- container has a capability added beyond Docker's default set.
 *
 * Not reported: the capabilities of Docker's default set (adding one back after dropping
 * ALL is the recommended pattern) and the dangerous ones, which are RT0002's.
 */
#include "rules/rt/util.h"

/* Docker's default capability set (moby's oci/caps defaults). */
static const char *const defaults[] = { "AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER",
					"FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE", "NET_RAW",
					"SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT",
					NULL };

static bool
is_default(const char *v)
{
	for (const char *const *d = defaults; *d != NULL; d++) {
		if (pl_rt_cap_is(v, *d)) {
			return true;
		}
	}
	return false;
}

static void
check(struct pl_check *ck, const struct pl_inspect *in)
{
	for (size_t i = 0; i < in->ncontainers; i++) {
		const struct pl_inspect_container *ct = &in->containers[i];

		for (size_t k = 0; k < ct->cap_add.n; k++) {
			const struct pl_inspect_value *v = &ct->cap_add.items[k];

			if (v->kind == PL_JV_STR && !is_default(v->s) && !pl_rt_dangerous_cap(v->s)) {
				pl_rt_report(ck, ct, v, "has %s added, beyond Docker's default "
					     "capabilities", v->s);
			}
		}
	}
}

const struct pl_rule rule_rt0003 = {
	.id = "RT0003",
	.name = "container-capability-added",
	.title = "Container has a capability added beyond Docker's default set",
	.severity = PL_SEV_LOW,
	.category = "privilege",
	.why = "Every capability beyond Docker's default set widens what a "
	       "compromised process can do to the kernel and the host: IPC_LOCK pins "
	       "memory, SYS_NICE starves other workloads, SYS_RESOURCE lifts the "
	       "limits that contain a runaway process, LINUX_IMMUTABLE and "
	       "AUDIT_CONTROL tamper with files and audit trails. Each one should "
	       "have a reason that someone can name.",
	.fix = "Recreate the container without the `--cap-add`, or write down why "
	       "the application needs it. Capabilities of the default set "
	       "(NET_BIND_SERVICE, CHOWN ...) may be added back after `--cap-drop "
	       "ALL` and are not reported.",
	.bad = "[\n"
	       "  {\n"
	       "    \"Id\": \"3f2a1b4c5d6e7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b\",\n"
	       "    \"Name\": \"/web\",\n"
	       "    \"Config\": {\n"
	       "      \"Image\": \"nginx:1.27\"\n"
	       "    },\n"
	       "    \"HostConfig\": {\n"
	       "      \"CapAdd\": [\n"
	       "        \"SYS_NICE\"\n"
	       "      ],\n"
	       "      \"CapDrop\": [\n"
	       "        \"ALL\"\n"
	       "      ]\n"
	       "    }\n"
	       "  }\n"
	       "]\n",
	.good = "[\n"
	       "  {\n"
	       "    \"Id\": \"3f2a1b4c5d6e7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b\",\n"
	       "    \"Name\": \"/web\",\n"
	       "    \"Config\": {\n"
	       "      \"Image\": \"nginx:1.27\"\n"
	       "    },\n"
	       "    \"HostConfig\": {\n"
	       "      \"CapAdd\": [\n"
	       "        \"CHOWN\"\n"
	       "      ],\n"
	       "      \"CapDrop\": [\n"
	       "        \"ALL\"\n"
	       "      ]\n"
	       "    }\n"
	       "  }\n"
	       "]\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/engine/containers/run/#runtime-privilege-and-linux-capabilities",
		"https://man7.org/linux/man-pages/man7/capabilities.7.html",
		"CIS Docker Benchmark v1.6.0 5.4",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_INSPECT,
	.check_inspect = check,
};
