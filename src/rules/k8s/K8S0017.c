/*
 * K8S0017.c -- container image is pinned by tag only.
 *
 * Untagged and :latest images are K8S0016's, not reported here too.
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

		if (pl_k8s_image(k, c, &ref, &n) && ref.digest == NULL && ref.tag != NULL &&
		    strcmp(ref.tag, "latest") != 0) {
			pl_k8s_report(ck, n, NULL, c->at, "%s runs image '%s' by tag, not by "
				      "digest", pl_k8s_desc(k, c), ref.raw);
		}
	}
}

const struct pl_rule rule_k8s0017 = {
	.id = "K8S0017",
	.name = "image-without-digest",
	.title = "Container image is pinned by tag only",
	.severity = PL_SEV_INFO,
	.category = "supply-chain",
	.why = "A tag is a name the registry's owner can move: `nginx:1.27.2` can be "
	       "rebuilt or replaced, by the publisher or by whoever takes over their "
	       "account, and nodes that pull later run different bytes. A digest names "
	       "exactly one image.",
	.fix = "Add the digest to the reference (`nginx:1.27.2@sha256:...`); the tag stays "
	       "for readers. Let Renovate or Dependabot update both together.",
	.bad = "apiVersion: v1\n"
	       "kind: Pod\n"
	       "metadata:\n"
	       "  name: web\n"
	       "spec:\n"
	       "  containers:\n"
	       "    - name: web\n"
	       "      image: nginx:1.27.2\n",
	.good = "apiVersion: v1\n"
	       "kind: Pod\n"
	       "metadata:\n"
	       "  name: web\n"
	       "spec:\n"
	       "  containers:\n"
	       "    - name: web\n"
	       "      image: nginx:1.27.2@sha256:0ab6e5a7c5fa8c2ab4fa8b5e4a9e7b44d5e8b32a3e0f3b0c6a0c4e6d2b1f9e8d\n",
	.refs = (const char *const[]){
		"https://kubernetes.io/docs/concepts/containers/images/#image-names",
		"https://kubernetes.io/docs/concepts/configuration/overview/#container-images",
		NULL },
	.peers = (const char *const[]){ "checkov:CKV_K8S_43", NULL },
	.inputs = PL_IN_K8S,
	.check_k8s = check,
};
