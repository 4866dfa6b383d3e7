/*
 * K8S0001.c -- container may run as root.
 *
 * Not reported: a container with runAsNonRoot: true or a non-zero runAsUser, at its own
 * level or the pod's, and values filled in by a template.
 */
#include "rules/k8s/util.h"

#include <string.h>

static void
check(struct pl_check *ck, const struct pl_k8s *k)
{
	for (size_t i = 0; i < k->ncontainers; i++) {
		const struct pl_k8s_container *c = &k->containers[i];
		const struct pl_k8s_setting *user = pl_k8s_sc(c, PL_K8S_RUN_AS_USER);
		const struct pl_k8s_setting *nonroot = pl_k8s_sc(c, PL_K8S_RUN_AS_NON_ROOT);
		const char *u = pl_k8s_str(k, user->value);
		long long uid;
		int nr = pl_k8s_bool(k, nonroot->value);

		if (pl_k8s_unknown(u) || pl_k8s_unknown(pl_k8s_str(k, nonroot->value))) {
			continue;
		}
		if (pl_k8s_int(k, user->value, &uid) && uid == 0) {
			if (!pl_k8s_pod_seen(k, c, PL_K8S_RUN_AS_USER)) {
				pl_k8s_report(ck, user->value, user->key, c->at, "%s runs as root: "
					      "runAsUser is 0", user->from_pod ?
					      pl_k8s_obj_desc(k, pl_k8s_pod_obj(k, pl_k8s_pod_of(k, c))) :
					      pl_k8s_desc(k, c));
			}
		} else if (nr == 1 || (u != NULL && (!pl_k8s_int(k, user->value, &uid) || uid > 0))) {
			continue;
		} else if (nr == 0) {
			pl_k8s_report(ck, nonroot->value, nonroot->key, c->at, "%s may run as root: "
				      "runAsNonRoot is false and no runAsUser is set",
				      pl_k8s_desc(k, c));
		} else if (nr < 0) {
			pl_k8s_report(ck, NULL, NULL, c->at, "%s may run as root: neither "
				      "runAsNonRoot: true nor a non-zero runAsUser is set",
				      pl_k8s_desc(k, c));
		}
	}
}

const struct pl_rule rule_k8s0001 = {
	.id = "K8S0001",
	.name = "run-as-root",
	.title = "Container may run as root",
	.severity = PL_SEV_MEDIUM,
	.category = "privilege",
	.why = "Without `runAsNonRoot: true` or a non-zero `runAsUser`, a container runs "
	       "as whatever user its image names, which for most images is root. Root in a "
	       "container is root on the host's kernel: one kernel or runtime bug, a "
	       "writable host mount or an added capability away from the node, and a "
	       "compromised process can modify everything the image ships.",
	.fix = "Set `securityContext.runAsNonRoot: true` on the pod (it applies to every "
	       "container) and a `runAsUser` above 10000 that the image supports; the "
	       "kubelet then refuses to start a container whose image would run as root.",
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
	       "  securityContext:\n"
	       "    runAsNonRoot: true\n"
	       "    runAsUser: 10001\n"
	       "  containers:\n"
	       "    - name: web\n"
	       "      image: nginx:1.27\n",
	.refs = (const char *const[]){
		"https://kubernetes.io/docs/tasks/configure-pod-container/security-context/",
		"https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted",
		NULL },
	.peers = (const char *const[]){ "checkov:CKV_K8S_23", "trivy:KSV012", NULL },
	.inputs = PL_IN_K8S,
	.check_k8s = check,
};
