/*
 * K8S0027.c -- container sees the node's /proc unmasked.
 */
#include "rules/k8s/util.h"

#include <string.h>

static void
check(struct pl_check *ck, const struct pl_k8s *k)
{
	for (size_t i = 0; i < k->ncontainers; i++) {
		const struct pl_k8s_container *c = &k->containers[i];
		const struct pl_k8s_setting *s = pl_k8s_sc(c, PL_K8S_PROC_MOUNT);
		const char *v = pl_k8s_str(k, s->value);

		if (v != NULL && strcmp(v, "Unmasked") == 0) {
			pl_k8s_report(ck, s->value, s->key, c->at, "%s mounts /proc unmasked",
				      pl_k8s_desc(k, c));
		}
	}
}

const struct pl_rule rule_k8s0027 = {
	.id = "K8S0027",
	.name = "proc-mount-unmasked",
	.title = "Container sees the node's /proc unmasked",
	.severity = PL_SEV_HIGH,
	.category = "privilege",
	.why = "By default the runtime masks and makes read-only the parts of `/proc` that "
	       "expose or control the host kernel (`/proc/kcore`, `/proc/sys`, "
	       "`/proc/sysrq-trigger`). `procMount: Unmasked` removes that protection, "
	       "which is only meant for nested container runtimes in user namespaces.",
	.fix = "Remove `procMount` (the default is `Default`).",
	.bad = "apiVersion: v1\n"
	       "kind: Pod\n"
	       "metadata:\n"
	       "  name: web\n"
	       "spec:\n"
	       "  containers:\n"
	       "    - name: web\n"
	       "      image: nginx:1.27\n"
	       "      securityContext:\n"
	       "        procMount: Unmasked\n",
	.good = "apiVersion: v1\n"
	       "kind: Pod\n"
	       "metadata:\n"
	       "  name: web\n"
	       "spec:\n"
	       "  containers:\n"
	       "    - name: web\n"
	       "      image: nginx:1.27\n"
	       "      securityContext:\n"
	       "        procMount: Default\n",
	.refs = (const char *const[]){
		"https://kubernetes.io/docs/tasks/configure-pod-container/security-context/",
		"https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline",
		NULL },
	.peers = (const char *const[]){ "trivy:KSV027", NULL },
	.inputs = PL_IN_K8S,
	.check_k8s = check,
};
