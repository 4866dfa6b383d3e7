/*
 * K8S0010.c -- container binds a port of the node.
 */
#include "rules/k8s/util.h"

#include <string.h>

static void
check(struct pl_check *ck, const struct pl_k8s *k)
{
	for (size_t i = 0; i < k->ncontainers; i++) {
		const struct pl_k8s_container *c = &k->containers[i];
		struct fy_node *item;
		void *it = NULL;

		while ((item = pl_k8s_next(pl_k8s_get(c->node, "ports", NULL), &it)) != NULL) {
			struct fy_node *key, *v = fy_node_is_mapping(item) ?
						  pl_k8s_get(item, "hostPort", &key) : NULL;
			long long port;

			if (v != NULL && pl_k8s_int(k, v, &port) && port > 0) {
				pl_k8s_report(ck, v, key, c->at, "%s binds port %lld of the node",
					      pl_k8s_desc(k, c), port);
			}
		}
	}
}

const struct pl_rule rule_k8s0010 = {
	.id = "K8S0010",
	.name = "host-port",
	.title = "Container binds a port of the node",
	.severity = PL_SEV_MEDIUM,
	.category = "network",
	.why = "A `hostPort` opens the port on the node's own addresses, outside Services "
	       "and most NetworkPolicy implementations, and pins the pod to nodes where "
	       "the port is free. Anything that can reach the node reaches the container "
	       "directly.",
	.fix = "Remove `hostPort` and expose the container through a Service (ClusterIP, "
	       "or an Ingress or LoadBalancer for outside traffic).",
	.bad = "apiVersion: v1\n"
	       "kind: Pod\n"
	       "metadata:\n"
	       "  name: web\n"
	       "spec:\n"
	       "  containers:\n"
	       "    - name: web\n"
	       "      image: nginx:1.27\n"
	       "      ports:\n"
	       "        - containerPort: 80\n"
	       "          hostPort: 80\n",
	.good = "apiVersion: v1\n"
	       "kind: Pod\n"
	       "metadata:\n"
	       "  name: web\n"
	       "spec:\n"
	       "  containers:\n"
	       "    - name: web\n"
	       "      image: nginx:1.27\n"
	       "      ports:\n"
	       "        - containerPort: 80\n",
	.refs = (const char *const[]){
		"https://kubernetes.io/docs/concepts/configuration/overview/#services",
		"https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline",
		NULL },
	.peers = (const char *const[]){ "checkov:CKV_K8S_26", "trivy:KSV024", NULL },
	.inputs = PL_IN_K8S,
	.check_k8s = check,
};
