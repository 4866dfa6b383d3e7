/*
 * K8S0016.c -- container image is untagged or :latest.
 */
#include "rules/k8s/util.h"

#include <string.h>

static void
check(struct pl_check *ck, const struct pl_k8s *k)
{
	for (size_t i = 0; i < k->ncontainers; i++) {
		const struct pl_k8s_container *c = &k->containers[i];
		struct pl_image_ref ref;
		struct fy_node *n;

		if (!pl_k8s_image(k, c, &ref, &n) || ref.digest != NULL) {
			continue;
		}
		if (ref.tag == NULL) {
			pl_k8s_report(ck, n, NULL, c->at, "%s runs image '%s' with no tag: it means "
				      "latest", pl_k8s_desc(k, c), ref.raw);
		} else if (strcmp(ref.tag, "latest") == 0) {
			pl_k8s_report(ck, n, NULL, c->at, "%s runs image '%s': latest moves with "
				      "every release", pl_k8s_desc(k, c), ref.raw);
		}
	}
}

const struct pl_rule rule_k8s0016 = {
	.id = "K8S0016",
	.name = "container-image-unpinned",
	.title = "Container image is untagged or :latest",
	.severity = PL_SEV_MEDIUM,
	.category = "supply-chain",
	.why = "An image without a tag, or tagged `latest`, is whatever the registry "
	       "serves when a node pulls it: two replicas can run different software, a "
	       "node replacement silently upgrades the pod, an upstream release can break "
	       "or compromise it without any change in the repository, and a rollback has "
	       "nothing to roll back to.",
	.fix = "Pin a version tag (`nginx:1.27.2`), and for production a digest "
	       "(`nginx:1.27.2@sha256:...`), kept current by a tool such as Renovate or "
	       "Dependabot.",
	.bad = "apiVersion: v1\n"
	       "kind: Pod\n"
	       "metadata:\n"
	       "  name: web\n"
	       "spec:\n"
	       "  containers:\n"
	       "    - name: web\n"
	       "      image: nginx:latest\n",
	.good = "apiVersion: v1\n"
	       "kind: Pod\n"
	       "metadata:\n"
	       "  name: web\n"
	       "spec:\n"
	       "  containers:\n"
	       "    - name: web\n"
	       "      image: nginx:1.27.2\n",
	.refs = (const char *const[]){
		"https://kubernetes.io/docs/concepts/containers/images/",
		"https://kubernetes.io/docs/concepts/configuration/overview/#container-images",
		NULL },
	.peers = (const char *const[]){ "checkov:CKV_K8S_14", "trivy:KSV013", NULL },
	.inputs = PL_IN_K8S,
	.check_k8s = check,
};
