/*
 * K8S0021.c -- container runs without AppArmor.
 */
#include "rules/k8s/util.h"

#include <string.h>

static void
check(struct pl_check *ck, const struct pl_k8s *k)
{
	for (size_t i = 0; i < k->ncontainers; i++) {
		const struct pl_k8s_container *c = &k->containers[i];
		const struct pl_k8s_pod *p = pl_k8s_pod_of(k, c);
		const struct pl_k8s_setting *s = pl_k8s_sc(c, PL_K8S_APPARMOR_PROFILE);
		struct fy_node *key = NULL, *akey;
		struct fy_node *type = s->value != NULL ? pl_k8s_get(s->value, "type", &key) : NULL;
		const char *t = pl_k8s_str(k, type), *ann;
		struct fy_node *a;

		if (t != NULL) {
			if (strcmp(t, "Unconfined") == 0 &&
			    !pl_k8s_pod_seen(k, c, PL_K8S_APPARMOR_PROFILE)) {
				pl_k8s_report(ck, type, key, c->at, "%s turns AppArmor off",
					      s->from_pod ? pl_k8s_obj_desc(k, pl_k8s_pod_obj(k, p)) :
					      pl_k8s_desc(k, c));
			}
			continue;
		}
		/* Before Kubernetes 1.30: one annotation per container. */
		ann = pl_arena_printf(k->arena, "container.apparmor.security.beta.kubernetes.io/%s",
				      c->name);
		a = pl_k8s_annotation(p, ann, &akey);
		if (pl_k8s_str(k, a) != NULL && strcmp(pl_k8s_str(k, a), "unconfined") == 0) {
			pl_k8s_report(ck, a, akey, c->at, "%s turns AppArmor off", pl_k8s_desc(k, c));
		}
	}
}

const struct pl_rule rule_k8s0021 = {
	.id = "K8S0021",
	.name = "apparmor-unconfined",
	.title = "Container runs without AppArmor",
	.severity = PL_SEV_HIGH,
	.category = "privilege",
	.why = "On nodes with AppArmor, the runtime's default profile stops a container "
	       "from writing to `/proc` and `/sys` files and from mounting file systems. "
	       "`appArmorProfile: {type: Unconfined}`, or the older `unconfined` "
	       "annotation, removes that layer.",
	.fix = "Remove the setting (the runtime default applies), or use `appArmorProfile: "
	       "{type: RuntimeDefault}` or a `Localhost` profile written for the workload.",
	.bad = "apiVersion: v1\n"
	       "kind: Pod\n"
	       "metadata:\n"
	       "  name: web\n"
	       "spec:\n"
	       "  containers:\n"
	       "    - name: web\n"
	       "      image: nginx:1.27\n"
	       "      securityContext:\n"
	       "        appArmorProfile:\n"
	       "          type: Unconfined\n",
	.good = "apiVersion: v1\n"
	       "kind: Pod\n"
	       "metadata:\n"
	       "  name: web\n"
	       "spec:\n"
	       "  containers:\n"
	       "    - name: web\n"
	       "      image: nginx:1.27\n"
	       "      securityContext:\n"
	       "        appArmorProfile:\n"
	       "          type: RuntimeDefault\n",
	.refs = (const char *const[]){
		"https://kubernetes.io/docs/tutorials/security/apparmor/",
		"https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_K8S,
	.check_k8s = check,
};
