/*
 * K8S0015.c -- container requests no CPU or memory.
 *
 * A limit without a request counts as a request: Kubernetes then requests the limit.
 * Ephemeral containers, which cannot have resources, are not reported.
 */
#include "rules/k8s/util.h"

#include <string.h>

static bool
requested(const struct pl_k8s_container *c, const char *res)
{
	return pl_k8s_resource(c, "requests", res) != NULL ||
	       pl_k8s_resource(c, "limits", res) != NULL;
}

static void
check(struct pl_check *ck, const struct pl_k8s *k)
{
	for (size_t i = 0; i < k->ncontainers; i++) {
		const struct pl_k8s_container *c = &k->containers[i];
		bool cpu = requested(c, "cpu"), mem = requested(c, "memory");

		if (c->kind == PL_K8S_EPHEMERAL_CONTAINER || (cpu && mem)) {
			continue;
		}
		pl_k8s_report(ck, NULL, NULL, c->at, "%s requests no %s", pl_k8s_desc(k, c),
			      !cpu && !mem ? "CPU or memory" : !cpu ? "CPU" : "memory");
	}
}

const struct pl_rule rule_k8s0015 = {
	.id = "K8S0015",
	.name = "resource-requests-missing",
	.title = "Container requests no CPU or memory",
	.severity = PL_SEV_LOW,
	.category = "runtime",
	.why = "The scheduler places pods by their requests. A container that requests "
	       "nothing can land on a node that is already full, and under memory pressure "
	       "it is the first to be evicted (BestEffort quality of service).",
	.fix = "Set `resources.requests.cpu` and `resources.requests.memory` to what the "
	       "container uses in normal operation.",
	.bad = "apiVersion: v1\n"
	       "kind: Pod\n"
	       "metadata:\n"
	       "  name: web\n"
	       "spec:\n"
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
	       "      image: nginx:1.27\n"
	       "      resources:\n"
	       "        requests:\n"
	       "          cpu: 100m\n"
	       "          memory: 128Mi\n",
	.refs = (const char *const[]){
		"https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/",
		"https://kubernetes.io/docs/concepts/workloads/pods/pod-qos/",
		NULL },
	.peers = (const char *const[]){ "checkov:CKV_K8S_10", "checkov:CKV_K8S_12", "trivy:KSV015", "trivy:KSV016", NULL },
	.inputs = PL_IN_K8S,
	.check_k8s = check,
};
