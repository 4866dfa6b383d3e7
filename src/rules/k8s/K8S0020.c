/*
 * K8S0020.c -- container has no seccomp profile.
 *
 * An explicit Unconfined profile is K8S0019's, not reported here too.
 */
#include "rules/k8s/util.h"

#include <string.h>

/* An annotation value that confines: runtime/default, docker/default, localhost/... */
static bool
confining(const char *v)
{
	return v != NULL && (strcmp(v, "runtime/default") == 0 ||
			     strcmp(v, "docker/default") == 0 || strncmp(v, "localhost/", 10) == 0 ||
			     pl_k8s_unknown(v));
}

static void
check(struct pl_check *ck, const struct pl_k8s *k)
{
	for (size_t i = 0; i < k->ncontainers; i++) {
		const struct pl_k8s_container *c = &k->containers[i];
		const struct pl_k8s_pod *p = pl_k8s_pod_of(k, c);
		const struct pl_k8s_setting *s = pl_k8s_sc(c, PL_K8S_SECCOMP_PROFILE);
		const char *ann;

		if (s->value != NULL) {
			continue; /* set: confining, or K8S0019's */
		}
		ann = pl_arena_printf(k->arena, "container.seccomp.security.alpha.kubernetes.io/%s",
				      c->name);
		if (pl_k8s_annotation(p, ann, NULL) != NULL ||
		    confining(pl_k8s_str(k, pl_k8s_annotation(p, "seccomp.security.alpha."
							      "kubernetes.io/pod", NULL)))) {
			continue;
		}
		pl_k8s_report(ck, NULL, NULL, c->at, "%s has no seccomp profile: it runs "
			      "Unconfined unless the node defaults to RuntimeDefault",
			      pl_k8s_desc(k, c));
	}
}

const struct pl_rule rule_k8s0020 = {
	.id = "K8S0020",
	.name = "seccomp-profile-unset",
	.title = "Container has no seccomp profile",
	.severity = PL_SEV_LOW,
	.category = "privilege",
	.why = "Unless the cluster enables the kubelet's `--seccomp-default`, a pod "
	       "without a seccomp profile runs Unconfined: every system call is allowed, "
	       "including those behind most kernel-level container escapes. The runtime's "
	       "default profile costs ordinary programs nothing.",
	.fix = "Set `securityContext.seccompProfile: {type: RuntimeDefault}` on the pod, "
	       "so that every container inherits it.",
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
	       "    seccompProfile:\n"
	       "      type: RuntimeDefault\n"
	       "  containers:\n"
	       "    - name: web\n"
	       "      image: nginx:1.27\n",
	.refs = (const char *const[]){
		"https://kubernetes.io/docs/tutorials/security/seccomp/",
		"https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted",
		NULL },
	.peers = (const char *const[]){ "checkov:CKV_K8S_31", "trivy:KSV030", NULL },
	.inputs = PL_IN_K8S,
	.check_k8s = check,
};
