/*
 * K8S0003.c -- container allows privilege escalation.
 *
 * allowPrivilegeEscalation defaults to true, so an unset value is reported too.
 */
#include "rules/k8s/util.h"

#include <string.h>

static void
check(struct pl_check *ck, const struct pl_k8s *k)
{
	for (size_t i = 0; i < k->ncontainers; i++) {
		const struct pl_k8s_container *c = &k->containers[i];
		const struct pl_k8s_setting *s = pl_k8s_sc(c, PL_K8S_ALLOW_PRIVILEGE_ESCALATION);
		int v = pl_k8s_bool(k, s->value);

		if (v == 1) {
			pl_k8s_report(ck, s->value, s->key, c->at, "%s allows privilege escalation "
				      "through setuid binaries", pl_k8s_desc(k, c));
		} else if (v < 0 && !pl_k8s_unknown(pl_k8s_str(k, s->value))) {
			pl_k8s_report(ck, s->value, s->key, c->at, "%s does not set "
				      "allowPrivilegeEscalation: false (it defaults to true)",
				      pl_k8s_desc(k, c));
		}
	}
}

const struct pl_rule rule_k8s0003 = {
	.id = "K8S0003",
	.name = "privilege-escalation-allowed",
	.title = "Container allows privilege escalation",
	.severity = PL_SEV_MEDIUM,
	.category = "privilege",
	.why = "Unless `allowPrivilegeEscalation` is false, the kernel's no_new_privs flag "
	       "stays off and a process in the container can gain privileges through "
	       "setuid and setgid binaries or file capabilities: a non-root user becomes "
	       "root again with one `su` or `sudo` left in the image. The field defaults "
	       "to true.",
	.fix = "Set `securityContext.allowPrivilegeEscalation: false` on every container. "
	       "It costs nothing unless the container deliberately runs setuid programs.",
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
	       "        allowPrivilegeEscalation: false\n",
	.refs = (const char *const[]){
		"https://kubernetes.io/docs/tasks/configure-pod-container/security-context/",
		"https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted",
		NULL },
	.peers = (const char *const[]){ "checkov:CKV_K8S_20", "trivy:KSV001", NULL },
	.inputs = PL_IN_K8S,
	.check_k8s = check,
};
