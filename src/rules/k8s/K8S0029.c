/*
 * K8S0029.c -- object goes to the default namespace.
 *
 * Reported for namespaced kinds only; the default ServiceAccount and the kubernetes
 * Service, which always live there, are not.
 */
#include "rules/k8s/util.h"

#include <string.h>

/* Kinds that live in a namespace: those a manifest usually holds. */
static bool
namespaced(const char *kind)
{
	static const char *const kinds[] = {
		"Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet",
		"ReplicationController", "Job", "CronJob", "PodTemplate", "Service", "Secret",
		"ConfigMap", "ServiceAccount", "Role", "RoleBinding", "Ingress", "NetworkPolicy",
		"PersistentVolumeClaim", "HorizontalPodAutoscaler", "PodDisruptionBudget",
		"LimitRange", "ResourceQuota", "Endpoints", "EndpointSlice", NULL,
	};

	for (const char *const *k = kinds; *k != NULL; k++) {
		if (strcmp(kind, *k) == 0) {
			return true;
		}
	}
	return false;
}

static void
check(struct pl_check *ck, const struct pl_k8s *k)
{
	for (size_t i = 0; i < k->nobjects; i++) {
		const struct pl_k8s_object *o = &k->objects[i];
		const char *ns = pl_k8s_str(k, o->ns);

		if (!namespaced(o->kind) || (ns != NULL && strcmp(ns, "default") != 0) ||
		    (o->ns != NULL && ns == NULL) || pl_k8s_unknown(ns) ||
		    (o->name != NULL && strcmp(o->kind, "ServiceAccount") == 0 &&
		     strcmp(o->name, "default") == 0) ||
		    (o->name != NULL && strcmp(o->kind, "Service") == 0 &&
		     strcmp(o->name, "kubernetes") == 0)) {
			continue;
		}
		if (ns != NULL) {
			pl_k8s_report(ck, o->ns, o->ns_key, o->at, "%s is placed in the default "
				      "namespace", pl_k8s_obj_desc(k, o));
		} else {
			pl_k8s_report(ck, NULL, NULL, o->at, "%s has no namespace: it goes to the "
				      "current one, usually default", pl_k8s_obj_desc(k, o));
		}
	}
}

const struct pl_rule rule_k8s0029 = {
	.id = "K8S0029",
	.name = "default-namespace",
	.title = "Object goes to the default namespace",
	.severity = PL_SEV_INFO,
	.category = "hygiene",
	.why = "Objects without a namespace land in whatever namespace the person applying "
	       "them has selected, usually `default`, where RBAC, NetworkPolicies, "
	       "ResourceQuotas and Pod Security admission are seldom set up, and where "
	       "unrelated applications see each other's Secrets and ServiceAccounts.",
	.fix = "Create a namespace per application or team and set `metadata.namespace` in "
	       "the manifest (or in the kustomization that applies it).",
	.bad = "apiVersion: v1\n"
	       "kind: ConfigMap\n"
	       "metadata:\n"
	       "  name: web\n"
	       "  namespace: default\n"
	       "data:\n"
	       "  mode: production\n",
	.good = "apiVersion: v1\n"
	       "kind: ConfigMap\n"
	       "metadata:\n"
	       "  name: web\n"
	       "  namespace: shop\n"
	       "data:\n"
	       "  mode: production\n",
	.refs = (const char *const[]){
		"https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/",
		"https://kubernetes.io/docs/concepts/security/rbac-good-practices/",
		NULL },
	.peers = (const char *const[]){ "checkov:CKV_K8S_21", NULL },
	.inputs = PL_IN_K8S,
	.check_k8s = check,
};
