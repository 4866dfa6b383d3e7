/*
 * K8S0007.c -- pod shares the host network.
 */
#include "rules/k8s/util.h"

#include <string.h>

static void
check(struct pl_check *ck, const struct pl_k8s *k)
{
	pl_k8s_check_host_ns(ck, k, "hostNetwork", "network");
}

const struct pl_rule rule_k8s0007 = {
	.id = "K8S0007",
	.name = "host-network",
	.title = "Pod shares the host network",
	.severity = PL_SEV_HIGH,
	.category = "privilege",
	.why = "With `hostNetwork: true` the pod uses the node's network stack: it can "
	       "bind any port of the node, reach services listening on the node's loopback "
	       "(the kubelet, cloud metadata proxies), sniff traffic with NET_RAW, and "
	       "bypasses every NetworkPolicy.",
	.fix = "Remove `hostNetwork: true`. Expose the pod through a Service; only "
	       "node-level network agents belong on the host network, in their own "
	       "reviewed DaemonSet.",
	.bad = "apiVersion: v1\n"
	       "kind: Pod\n"
	       "metadata:\n"
	       "  name: web\n"
	       "spec:\n"
	       "  hostNetwork: true\n"
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
	.peers = (const char *const[]){ "checkov:CKV_K8S_19", "kics:Shared Host Network Namespace", "trivy:KSV009", NULL },
	.inputs = PL_IN_K8S,
	.check_k8s = check,
};
