/*
 * K8S0009.c -- pod shares the host IPC namespace.
 */
#include "rules/k8s/util.h"

#include <string.h>

static void
check(struct pl_check *ck, const struct pl_k8s *k)
{
	pl_k8s_check_host_ns(ck, k, "hostIPC", "IPC");
}

const struct pl_rule rule_k8s0009 = {
	.id = "K8S0009",
	.name = "host-ipc",
	.title = "Pod shares the host IPC namespace",
	.severity = PL_SEV_HIGH,
	.category = "privilege",
	.why = "With `hostIPC: true` the pod shares System V shared memory and message "
	       "queues with every process on the node: it can read and corrupt other "
	       "processes' shared memory segments.",
	.fix = "Remove `hostIPC: true`. Share memory between the containers of one pod "
	       "through an `emptyDir` volume with `medium: Memory` instead.",
	.bad = "apiVersion: v1\n"
	       "kind: Pod\n"
	       "metadata:\n"
	       "  name: web\n"
	       "spec:\n"
	       "  hostIPC: true\n"
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
	.peers = (const char *const[]){ "checkov:CKV_K8S_18", "trivy:KSV008", NULL },
	.inputs = PL_IN_K8S,
	.check_k8s = check,
};
