/*
 * RT0020.c -- container runs without seccomp, AppArmor or SELinux confinement.
 *
 * Reported: SecurityOpt seccomp=unconfined, apparmor=unconfined and label=disable (with
 * '=' or ':'), and an AppArmorProfile of unconfined. An empty AppArmorProfile is not
 * reported (hosts without AppArmor), nor is an unconfined profile of a privileged
 * container (RT0001 says more).
 */
#include "rules/rt/util.h"
#include "core/str.h"

#include <string.h>

static bool
off(const char *s, const char *name, const char *value)
{
	size_t n = strlen(name);

	return strncmp(s, name, n) == 0 && (s[n] == '=' || s[n] == ':') &&
	       pl_streq_ci(s + n + 1, value);
}

static void
check(struct pl_check *ck, const struct pl_inspect *in)
{
	for (size_t i = 0; i < in->ncontainers; i++) {
		const struct pl_inspect_container *ct = &in->containers[i];
		bool apparmor = false;

		for (size_t k = 0; k < ct->security_opt.n; k++) {
			const struct pl_inspect_value *o = &ct->security_opt.items[k];

			if (o->kind != PL_JV_STR) {
				continue;
			}
			if (off(o->s, "seccomp", "unconfined")) {
				pl_rt_report(ck, ct, o, "runs without seccomp (%s)", o->s);
			} else if (off(o->s, "apparmor", "unconfined")) {
				pl_rt_report(ck, ct, o, "runs without AppArmor (%s)", o->s);
				apparmor = true;
			} else if (off(o->s, "label", "disable")) {
				pl_rt_report(ck, ct, o, "runs without SELinux labels (%s)", o->s);
			}
		}
		if (!apparmor && pl_inspect_is(&ct->apparmor, "unconfined") &&
		    !(ct->privileged.kind == PL_JV_BOOL && ct->privileged.b)) {
			pl_rt_report(ck, ct, &ct->apparmor, "runs without AppArmor "
				     "(AppArmorProfile unconfined)");
		}
	}
}

const struct pl_rule rule_rt0020 = {
	.id = "RT0020",
	.name = "container-confinement-disabled",
	.title = "Container runs without seccomp, AppArmor or SELinux confinement",
	.severity = PL_SEV_HIGH,
	.category = "privilege",
	.why = "Docker's default seccomp profile blocks several dozen dangerous "
	       "system calls (kernel keyrings, module loading, namespace "
	       "manipulation), and its AppArmor profile or SELinux labels limit what "
	       "the container may touch in /proc, /sys and the host's files. Turning "
	       "them off removes the layer that stops many kernel bugs from becoming "
	       "container escapes; it is usually done to make one debugging tool "
	       "work and then forgotten.",
	.fix = "Recreate the container without the `unconfined` or `label=disable` "
	       "option. If one system call is missing, write a seccomp profile that "
	       "allows only it (`--security-opt seccomp=profile.json`).",
	.bad = "[\n"
	       "  {\n"
	       "    \"Id\": \"3f2a1b4c5d6e7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b\",\n"
	       "    \"Name\": \"/web\",\n"
	       "    \"AppArmorProfile\": \"docker-default\",\n"
	       "    \"Config\": {\n"
	       "      \"Image\": \"nginx:1.27\"\n"
	       "    },\n"
	       "    \"HostConfig\": {\n"
	       "      \"SecurityOpt\": [\n"
	       "        \"seccomp=unconfined\"\n"
	       "      ]\n"
	       "    }\n"
	       "  }\n"
	       "]\n",
	.good = "[\n"
	       "  {\n"
	       "    \"Id\": \"3f2a1b4c5d6e7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b\",\n"
	       "    \"Name\": \"/web\",\n"
	       "    \"AppArmorProfile\": \"docker-default\",\n"
	       "    \"Config\": {\n"
	       "      \"Image\": \"nginx:1.27\"\n"
	       "    },\n"
	       "    \"HostConfig\": {\n"
	       "      \"SecurityOpt\": [\n"
	       "        \"no-new-privileges\"\n"
	       "      ]\n"
	       "    }\n"
	       "  }\n"
	       "]\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/engine/security/seccomp/",
		"https://docs.docker.com/engine/security/apparmor/",
		"CIS Docker Benchmark v1.6.0 5.2",
		"CIS Docker Benchmark v1.6.0 5.3",
		"CIS Docker Benchmark v1.6.0 5.22",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_INSPECT,
	.check_inspect = check,
};
