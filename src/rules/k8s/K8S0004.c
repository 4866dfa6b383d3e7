/*
 * K8S0004.c -- container root file system is writable.
 */
#include "rules/k8s/util.h"

#include <string.h>

static void
check(struct pl_check *ck, const struct pl_k8s *k)
{
	for (size_t i = 0; i < k->ncontainers; i++) {
		const struct pl_k8s_container *c = &k->containers[i];
		const struct pl_k8s_setting *s = pl_k8s_sc(c, PL_K8S_READ_ONLY_ROOT_FILESYSTEM);

		if (pl_k8s_bool(k, s->value) != 1 && !pl_k8s_unknown(pl_k8s_str(k, s->value))) {
			pl_k8s_report(ck, s->value, s->key, c->at, "%s has a writable root file "
				      "system", pl_k8s_desc(k, c));
		}
	}
}

const struct pl_rule rule_k8s0004 = {
	.id = "K8S0004",
	.name = "root-filesystem-writable",
	.title = "Container root file system is writable",
	.severity = PL_SEV_LOW,
	.category = "runtime",
	.why = "A writable root file system lets an intruder drop tools, rewrite the "
	       "application's code or configuration and persist until the pod is replaced. "
	       "A read-only one limits writes to the volumes the pod declares, which also "
	       "documents where the application keeps state.",
	.fix = "Set `securityContext.readOnlyRootFilesystem: true` and mount an `emptyDir` "
	       "volume at the few paths the application writes to (`/tmp`, a cache "
	       "directory).",
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
	       "      securityContext:\n"
	       "        readOnlyRootFilesystem: true\n",
	.refs = (const char *const[]){
		"https://kubernetes.io/docs/tasks/configure-pod-container/security-context/",
		NULL },
	.peers = (const char *const[]){ "checkov:CKV_K8S_22", "trivy:KSV014", NULL },
	.inputs = PL_IN_K8S,
	.check_k8s = check,
};
