/*
 * K8S0014.c -- container has no memory limit.
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
		    pl_k8s_resource(c, "limits", "memory") == NULL) {
			pl_k8s_report(ck, NULL, NULL, c->at, "%s has no memory limit",
				      pl_k8s_desc(k, c));
		}
	}
}

const struct pl_rule rule_k8s0014 = {
	.id = "K8S0014",
	.name = "memory-limit-missing",
	.title = "Container has no memory limit",
	.severity = PL_SEV_LOW,
	.category = "runtime",
	.why = "Without `resources.limits.memory` a leak or a crafted request can take all "
	       "the node's memory: the kernel's OOM killer then picks victims among every "
	       "pod on the node, not just the one at fault.",
	.fix = "Set `resources.limits.memory` to what the container needs at peak plus a "
	       "margin (`256Mi`, `1Gi`); the container is then restarted alone when it "
	       "exceeds it.",
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
	       "          memory: 256Mi\n",
	.refs = (const char *const[]){
		"https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/",
		NULL },
	.peers = (const char *const[]){ "checkov:CKV_K8S_13", "trivy:KSV018", NULL },
	.inputs = PL_IN_K8S,
	.check_k8s = check,
};
