/*
 * K8S0018.c -- container pulls a mutable tag only once per node.
 *
 * Kubernetes already defaults to Always for untagged and :latest images; only an
 * explicit IfNotPresent or Never is reported.
 */
#include "rules/k8s/util.h"

#include <string.h>

static void
check(struct pl_check *ck, const struct pl_k8s *k)
{
	for (size_t i = 0; i < k->ncontainers; i++) {
		const struct pl_k8s_container *c = &k->containers[i];
		struct fy_node *key, *policy = pl_k8s_get(c->node, "imagePullPolicy", &key), *n;
		const char *p = pl_k8s_str(k, policy);
		struct pl_image_ref ref;

		if (p == NULL || (strcmp(p, "IfNotPresent") != 0 && strcmp(p, "Never") != 0) ||
		    !pl_k8s_image(k, c, &ref, &n) || ref.digest != NULL ||
		    (ref.tag != NULL && strcmp(ref.tag, "latest") != 0)) {
			continue;
		}
		pl_k8s_report(ck, policy, key, c->at, "%s pulls '%s' with imagePullPolicy %s: "
			      "each node keeps the version it pulled first", pl_k8s_desc(k, c),
			      ref.raw, p);
	}
}

const struct pl_rule rule_k8s0018 = {
	.id = "K8S0018",
	.name = "pull-policy-mutable-tag",
	.title = "Container pulls a mutable tag only once per node",
	.severity = PL_SEV_LOW,
	.category = "supply-chain",
	.why = "With `imagePullPolicy: IfNotPresent` (or `Never`) a node keeps the first "
	       "image it pulled under a tag; for `latest` or an untagged image that means "
	       "each node runs whichever version was current when it first pulled, and "
	       "replicas of one Deployment disagree about what they run.",
	.fix = "Pin a version tag or a digest; or, if the tag must move, remove "
	       "`imagePullPolicy` (it then defaults to Always for such images) or set it "
	       "to Always.",
	.bad = "apiVersion: v1\n"
	       "kind: Pod\n"
	       "metadata:\n"
	       "  name: web\n"
	       "spec:\n"
	       "  containers:\n"
	       "    - name: web\n"
	       "      image: nginx:latest\n"
	       "      imagePullPolicy: IfNotPresent\n",
	.good = "apiVersion: v1\n"
	       "kind: Pod\n"
	       "metadata:\n"
	       "  name: web\n"
	       "spec:\n"
	       "  containers:\n"
	       "    - name: web\n"
	       "      image: nginx:1.27.2\n"
	       "      imagePullPolicy: IfNotPresent\n",
	.refs = (const char *const[]){
		"https://kubernetes.io/docs/concepts/containers/images/#image-pull-policy",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_K8S,
	.check_k8s = check,
};
