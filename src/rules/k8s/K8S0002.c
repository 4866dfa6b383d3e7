/*
 * K8S0002.c -- container runs privileged.
 */
#include "rules/k8s/util.h"

#include <string.h>

static void
check(struct pl_check *ck, const struct pl_k8s *k)
{
	for (size_t i = 0; i < k->ncontainers; i++) {
		const struct pl_k8s_container *c = &k->containers[i];
		const struct pl_k8s_setting *s = pl_k8s_sc(c, PL_K8S_PRIVILEGED);

		if (pl_k8s_bool(k, s->value) == 1) {
			pl_k8s_report(ck, s->value, s->key, c->at, "%s runs privileged: it has "
				      "every capability and the host's devices", pl_k8s_desc(k, c));
		}
	}
}

const struct pl_rule rule_k8s0002 = {
	.id = "K8S0002",
	.name = "privileged-pod-container",
	.title = "Container runs privileged",
	.severity = PL_SEV_CRITICAL,
	.category = "privilege",
	.why = "A privileged container has every capability, sees every host device and "
	       "runs without seccomp or AppArmor confinement: it can mount the host's "
	       "disks, load kernel modules and take over the node, and from the node every "
	       "pod on it. It is the one setting that turns any bug in the container into "
	       "a node compromise.",
	.fix = "Remove `privileged: true`. Grant the specific capability the workload "
	       "needs with `capabilities.add`, mount the one device it uses, or move node "
	       "administration into a dedicated, reviewed DaemonSet.",
	.bad = "apiVersion: v1\n"
	       "kind: Pod\n"
	       "metadata:\n"
	       "  name: web\n"
	       "spec:\n"
	       "  containers:\n"
	       "    - name: web\n"
	       "      image: nginx:1.27\n"
	       "      securityContext:\n"
	       "        privileged: true\n",
	.good = "apiVersion: v1\n"
	       "kind: Pod\n"
	       "metadata:\n"
	       "  name: web\n"
	       "spec:\n"
	       "  containers:\n"
	       "    - name: web\n"
	       "      image: nginx:1.27\n"
	       "      securityContext:\n"
	       "        privileged: false\n",
	.refs = (const char *const[]){
		"https://kubernetes.io/docs/tasks/configure-pod-container/security-context/",
		"https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline",
		NULL },
	.peers = (const char *const[]){ "checkov:CKV_K8S_16", "kics:Container Is Privileged", "trivy:KSV017", NULL },
	.inputs = PL_IN_K8S,
	.check_k8s = check,
};
