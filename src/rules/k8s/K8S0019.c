/*
 * K8S0019.c -- container runs without seccomp.
 */
#include "rules/k8s/util.h"

#include <string.h>

static void
check(struct pl_check *ck, const struct pl_k8s *k)
{
	for (size_t i = 0; i < k->ncontainers; i++) {
		const struct pl_k8s_container *c = &k->containers[i];
		const struct pl_k8s_pod *p = pl_k8s_pod_of(k, c);
		const struct pl_k8s_setting *s = pl_k8s_sc(c, PL_K8S_SECCOMP_PROFILE);
		struct fy_node *key = NULL;
		struct fy_node *type = s->value != NULL ? pl_k8s_get(s->value, "type", &key) : NULL;
		const char *t = pl_k8s_str(k, type), *ann;
		struct fy_node *akey, *a;

		if (t != NULL) {
			if (strcmp(t, "Unconfined") == 0 && !pl_k8s_pod_seen(k, c, PL_K8S_SECCOMP_PROFILE)) {
				pl_k8s_report(ck, type, key, c->at, "%s turns seccomp off",
					      s->from_pod ? pl_k8s_obj_desc(k, pl_k8s_pod_obj(k, p)) :
					      pl_k8s_desc(k, c));
			}
			continue; /* the field overrides the annotations */
		}
		/* Before Kubernetes 1.19: annotations, per container or for the pod. */
		ann = pl_arena_printf(k->arena, "container.seccomp.security.alpha.kubernetes.io/%s",
				      c->name);
		a = pl_k8s_annotation(p, ann, &akey);
		if (a == NULL && c == &k->containers[p->first]) {
			a = pl_k8s_annotation(p, "seccomp.security.alpha.kubernetes.io/pod", &akey);
		}
		if (pl_k8s_str(k, a) != NULL && strcmp(pl_k8s_str(k, a), "unconfined") == 0) {
			pl_k8s_report(ck, a, akey, c->at, "%s turns seccomp off", pl_k8s_desc(k, c));
		}
	}
}

const struct pl_rule rule_k8s0019 = {
	.id = "K8S0019",
	.name = "seccomp-unconfined",
	.title = "Container runs without seccomp",
	.severity = PL_SEV_HIGH,
	.category = "privilege",
	.why = "`seccompProfile: {type: Unconfined}` (or the older `unconfined` "
	       "annotation) lets the container make every system call, including the "
	       "rarely used ones where most container escapes through kernel bugs start: "
	       "the runtime's default profile blocks them at no cost to ordinary programs.",
	.fix = "Use `seccompProfile: {type: RuntimeDefault}`, or a `Localhost` profile "
	       "written for the workload when the default one blocks a call it needs.",
	.bad = "apiVersion: v1\n"
	       "kind: Pod\n"
	       "metadata:\n"
	       "  name: web\n"
	       "spec:\n"
	       "  securityContext:\n"
	       "    seccompProfile:\n"
	       "      type: Unconfined\n"
	       "  containers:\n"
	       "    - name: web\n"
	       "      image: nginx:1.27\n",
	.good = "apiVersion: v1\n"
	       "kind: Pod\n"
	       "metadata:\n"
	       "  name: web\n"
	       "spec:\n"
	       "  securityContext:\n"
	       "    seccompProfile:\n"
	       "      type: RuntimeDefault\n"
	       "  containers:\n"
	       "    - name: web\n"
	       "      image: nginx:1.27\n",
	.refs = (const char *const[]){
		"https://kubernetes.io/docs/tutorials/security/seccomp/",
		"https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_K8S,
	.check_k8s = check,
};
