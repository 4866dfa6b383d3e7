/*
 * K8S0013.c -- container has no CPU limit.
 *
 * Ephemeral containers, which cannot have resources, are not reported.
 */
#include "rules/k8s/util.h"

#include <string.h>

static void
check(struct pl_check *ck, const struct pl_k8s *k)
{
	for (size_t i = 0; i < k->ncontainers; i++) {
		const struct pl_k8s_container *c = &k->containers[i];

		if (c->kind != PL_K8S_EPHEMERAL_CONTAINER &&
		    pl_k8s_resource(c, "limits", "cpu") == NULL) {
			pl_k8s_report(ck, NULL, NULL, c->at, "%s has no CPU limit",
				      pl_k8s_desc(k, c));
		}
	}
}

const struct pl_rule rule_k8s0013 = {
	.id = "K8S0013",
	.name = "cpu-limit-missing",
	.title = "Container has no CPU limit",
	.severity = PL_SEV_LOW,
	.category = "runtime",
	.why = "Without `resources.limits.cpu` a container can use every idle core of its "
	       "node: a busy loop, a crypto miner or a traffic spike slows every other pod "
	       "there, and capacity planning has nothing to go by.",
	.fix = "Set `resources.limits.cpu` to what the container needs at peak (`500m`, "
	       "`2`). Where throttling hurts latency, set at least `requests.cpu` and a "
	       "LimitRange default for the namespace.",
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
	       "        limits:\n"
	       "          cpu: 500m\n",
	.refs = (const char *const[]){
		"https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/",
		NULL },
	.peers = (const char *const[]){ "checkov:CKV_K8S_11", "trivy:KSV011", NULL },
	.inputs = PL_IN_K8S,
	.check_k8s = check,
};
