/*
 * K8S0008.c -- pod shares the host process namespace.
 */
#include "rules/k8s/util.h"

#include <string.h>

static void
check(struct pl_check *ck, const struct pl_k8s *k)
{
	pl_k8s_check_host_ns(ck, k, "hostPID", "process");
}

const struct pl_rule rule_k8s0008 = {
	.id = "K8S0008",
	.name = "host-pid",
	.title = "Pod shares the host process namespace",
	.severity = PL_SEV_HIGH,
	.category = "privilege",
	.why = "With `hostPID: true` the pod sees every process on the node, reads their "
	       "command lines and environments (secrets included), and with the right "
	       "capability can signal or ptrace them, including other pods' processes and "
	       "the kubelet.",
	.fix = "Remove `hostPID: true`. Use `shareProcessNamespace` to share processes "
	       "between the containers of one pod only, or ephemeral debug containers for "
	       "troubleshooting.",
	.bad = "apiVersion: v1\n"
	       "kind: Pod\n"
	       "metadata:\n"
	       "  name: web\n"
	       "spec:\n"
	       "  hostPID: true\n"
	       "  containers:\n"
	       "    - name: web\n"
	       "      image: nginx:1.27\n",
	.good = "apiVersion: v1\n"
	       "kind: Pod\n"
	       "metadata:\n"
	       "  name: web\n"
	       "spec:\n"
	       "  containers:\n"
	       "    - name: web\n"
	       "      image: nginx:1.27\n",
	.refs = (const char *const[]){
		"https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline",
		"https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/",
		NULL },
	.peers = (const char *const[]){ "checkov:CKV_K8S_17", "trivy:KSV010", NULL },
	.inputs = PL_IN_K8S,
	.check_k8s = check,
};
