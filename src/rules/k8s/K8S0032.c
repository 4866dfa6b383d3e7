/*
 * K8S0032.c -- container runs with a UID below 10000.
 *
 * UID 0 is K8S0001's, not reported here too.
 */
#include "rules/k8s/util.h"

#include <string.h>

static void
check(struct pl_check *ck, const struct pl_k8s *k)
{
	for (size_t i = 0; i < k->ncontainers; i++) {
		const struct pl_k8s_container *c = &k->containers[i];
		const struct pl_k8s_setting *s = pl_k8s_sc(c, PL_K8S_RUN_AS_USER);
		long long uid;

		if (pl_k8s_int(k, s->value, &uid) && uid > 0 && uid < 10000 &&
		    !pl_k8s_pod_seen(k, c, PL_K8S_RUN_AS_USER)) {
			pl_k8s_report(ck, s->value, s->key, c->at, "%s runs as UID %lld, which may "
				      "exist on the node", s->from_pod ?
				      pl_k8s_obj_desc(k, pl_k8s_pod_obj(k, pl_k8s_pod_of(k, c))) :
				      pl_k8s_desc(k, c), uid);
		}
	}
}

const struct pl_rule rule_k8s0032 = {
	.id = "K8S0032",
	.name = "low-uid",
	.title = "Container runs with a UID below 10000",
	.severity = PL_SEV_LOW,
	.category = "privilege",
	.why = "Low user ids are the ones that exist on the node: a container running as "
	       "UID 1000 is, to the node's kernel and any host path it reaches, the node's "
	       "first user. If it escapes, it owns that user's files. UIDs above 10000 "
	       "match no account on a typical node.",
	.fix = "Run as a UID above 10000 (`runAsUser: 10001`) and build the image so that "
	       "its files are readable by that user.",
	.bad = "apiVersion: v1\n"
	       "kind: Pod\n"
	       "metadata:\n"
	       "  name: web\n"
	       "spec:\n"
	       "  containers:\n"
	       "    - name: web\n"
	       "      image: nginx:1.27\n"
	       "      securityContext:\n"
	       "        runAsUser: 1000\n",
	.good = "apiVersion: v1\n"
	       "kind: Pod\n"
	       "metadata:\n"
	       "  name: web\n"
	       "spec:\n"
	       "  containers:\n"
	       "    - name: web\n"
	       "      image: nginx:1.27\n"
	       "      securityContext:\n"
	       "        runAsUser: 10001\n",
	.refs = (const char *const[]){
		"https://kubernetes.io/docs/tasks/configure-pod-container/security-context/",
		"https://kubernetes.io/docs/concepts/security/linux-kernel-security-constraints/",
		NULL },
	.peers = (const char *const[]){ "checkov:CKV_K8S_40", "trivy:KSV020", NULL },
	.inputs = PL_IN_K8S,
	.check_k8s = check,
};
