/*
 * K8S0005.c -- container keeps the default capabilities.
 */
#include "rules/k8s/util.h"
#include "core/str.h"

#include <string.h>

static bool
drops_all(const struct pl_k8s *k, struct fy_node *drop)
{
	struct fy_node *item;
	void *it = NULL;

	while ((item = pl_k8s_next(drop, &it)) != NULL) {
		const char *s = pl_k8s_str(k, item);

		if (s != NULL && (pl_streq_ci(s, "ALL") || pl_k8s_unknown(s))) {
			return true;
		}
	}
	return false;
}

static void
check(struct pl_check *ck, const struct pl_k8s *k)
{
	for (size_t i = 0; i < k->ncontainers; i++) {
		const struct pl_k8s_container *c = &k->containers[i];
		const struct pl_k8s_setting *s = pl_k8s_sc(c, PL_K8S_CAPABILITIES);
		struct fy_node *drop_key = NULL;
		struct fy_node *drop = s->value != NULL ? pl_k8s_get(s->value, "drop", &drop_key) : NULL;

		if (!drops_all(k, drop)) {
			pl_k8s_report(ck, drop_key, s->key, c->at, "%s does not drop ALL "
				      "capabilities", pl_k8s_desc(k, c));
		}
	}
}

const struct pl_rule rule_k8s0005 = {
	.id = "K8S0005",
	.name = "default-capabilities-kept",
	.title = "Container keeps the default capabilities",
	.severity = PL_SEV_MEDIUM,
	.category = "privilege",
	.why = "Container runtimes grant a default set of capabilities (CHOWN, "
	       "DAC_OVERRIDE, FOWNER, NET_RAW, SETUID, SETGID and more). Most services "
	       "need none of them; NET_RAW alone allows ARP and DNS spoofing on the node's "
	       "network, and the others ease the step from a foothold to root.",
	.fix = "Set `securityContext.capabilities.drop: [ALL]` and add back only what the "
	       "process needs, typically nothing or `NET_BIND_SERVICE`.",
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
	       "        capabilities:\n"
	       "          drop: [ALL]\n",
	.refs = (const char *const[]){
		"https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#set-capabilities-for-a-container",
		"https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted",
		NULL },
	.peers = (const char *const[]){ "checkov:CKV_K8S_37", "trivy:KSV003", NULL },
	.inputs = PL_IN_K8S,
	.check_k8s = check,
};
