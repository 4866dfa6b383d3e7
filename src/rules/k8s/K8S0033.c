/*
 * K8S0033.c -- container runs with the root group.
 */
#include "rules/k8s/util.h"

#include <string.h>

static void
check(struct pl_check *ck, const struct pl_k8s *k)
{
	long long gid;

	for (size_t i = 0; i < k->ncontainers; i++) {
		const struct pl_k8s_container *c = &k->containers[i];
		const struct pl_k8s_setting *s = pl_k8s_sc(c, PL_K8S_RUN_AS_GROUP);

		if (pl_k8s_int(k, s->value, &gid) && gid == 0 &&
		    !pl_k8s_pod_seen(k, c, PL_K8S_RUN_AS_GROUP)) {
			pl_k8s_report(ck, s->value, s->key, c->at, "%s runs with group 0",
				      s->from_pod ?
				      pl_k8s_obj_desc(k, pl_k8s_pod_obj(k, pl_k8s_pod_of(k, c))) :
				      pl_k8s_desc(k, c));
		}
	}
	for (size_t i = 0; i < k->npods; i++) {
		const struct pl_k8s_pod *p = &k->pods[i];
		struct fy_node *key, *v = p->sc != NULL ? pl_k8s_get(p->sc, "fsGroup", &key) : NULL;
		struct fy_node *item;
		void *it = NULL;

		if (pl_k8s_int(k, v, &gid) && gid == 0) {
			pl_k8s_report(ck, v, key, pl_k8s_pod_obj(k, p)->at, "%s gives its volumes "
				      "to group 0 (fsGroup)", pl_k8s_obj_desc(k, pl_k8s_pod_obj(k, p)));
		}
		while ((item = pl_k8s_next(p->sc != NULL ? pl_k8s_get(p->sc, "supplementalGroups",
								       NULL) : NULL, &it)) != NULL) {
			if (pl_k8s_int(k, item, &gid) && gid == 0) {
				pl_k8s_report(ck, item, NULL, pl_k8s_pod_obj(k, p)->at, "%s adds group "
					      "0 to its processes",
					      pl_k8s_obj_desc(k, pl_k8s_pod_obj(k, p)));
			}
		}
	}
}

const struct pl_rule rule_k8s0033 = {
	.id = "K8S0033",
	.name = "root-group",
	.title = "Container runs with the root group",
	.severity = PL_SEV_LOW,
	.category = "privilege",
	.why = "Group 0 owns much of a system's files: a process in the root group can "
	       "read and often write what the image and any host path leave group-readable "
	       "or group-writable, even when its user is not root.",
	.fix = "Set `runAsGroup` and `fsGroup` to a non-zero group (`10001`), and leave 0 "
	       "out of `supplementalGroups`.",
	.bad = "apiVersion: v1\n"
	       "kind: Pod\n"
	       "metadata:\n"
	       "  name: web\n"
	       "spec:\n"
	       "  securityContext:\n"
	       "    runAsUser: 10001\n"
	       "    runAsGroup: 0\n"
	       "  containers:\n"
	       "    - name: web\n"
	       "      image: nginx:1.27\n",
	.good = "apiVersion: v1\n"
	       "kind: Pod\n"
	       "metadata:\n"
	       "  name: web\n"
	       "spec:\n"
	       "  securityContext:\n"
	       "    runAsUser: 10001\n"
	       "    runAsGroup: 10001\n"
	       "  containers:\n"
	       "    - name: web\n"
	       "      image: nginx:1.27\n",
	.refs = (const char *const[]){
		"https://kubernetes.io/docs/tasks/configure-pod-container/security-context/",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_K8S,
	.check_k8s = check,
};
