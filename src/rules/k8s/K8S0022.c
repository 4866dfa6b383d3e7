/*
 * K8S0022.c -- pod mounts a service account token it may not need.
 *
 * Not reported: a pod whose ServiceAccount, defined in the same file, sets
 * automountServiceAccountToken: false.
 */
#include "rules/k8s/util.h"

#include <stdlib.h>
#include <string.h>

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The names of the file's ServiceAccounts that turn automounting off, sorted, in *N. */
static const char **
accounts_off(const struct pl_k8s *k, size_t *n)
{
	const char **names = pl_arena_alloc(k->arena, (k->nobjects + 1) * sizeof(*names));

	*n = 0;
	for (size_t i = 0; i < k->nobjects; i++) {
		const struct pl_k8s_object *o = &k->objects[i];

		if (strcmp(o->kind, "ServiceAccount") == 0 && o->name != NULL &&
		    pl_k8s_bool(k, pl_k8s_get(o->node, "automountServiceAccountToken", NULL)) == 0) {
			names[(*n)++] = o->name;
		}
	}
	qsort(names, *n, sizeof(*names), cmp_str);
	return names;
}

static void
check(struct pl_check *ck, const struct pl_k8s *k)
{
	size_t noff = 0;
	const char **off = k->npods > 0 ? accounts_off(k, &noff) : NULL;

	for (size_t i = 0; i < k->npods; i++) {
		const struct pl_k8s_pod *p = &k->pods[i];
		const struct pl_k8s_object *o = pl_k8s_pod_obj(k, p);
		struct fy_node *key, *v = pl_k8s_get(p->spec, "automountServiceAccountToken", &key);
		const char *sa = pl_k8s_str(k, pl_k8s_get(p->spec, "serviceAccountName", NULL));
		int on = pl_k8s_bool(k, v);

		if (sa == NULL) {
			sa = pl_k8s_str(k, pl_k8s_get(p->spec, "serviceAccount", NULL));
		}
		if (sa == NULL) {
			sa = "default";
		}
		if (on == 0 || (v != NULL && on < 0) ||
		    (on < 0 && noff > 0 && bsearch(&sa, off, noff, sizeof(*off), cmp_str) != NULL)) {
			continue;
		}
		pl_k8s_report(ck, v, key, o->at, "%s mounts the token of service account '%s'",
			      pl_k8s_obj_desc(k, o), sa);
	}
}

const struct pl_rule rule_k8s0022 = {
	.id = "K8S0022",
	.name = "service-account-token-mounted",
	.title = "Pod mounts a service account token it may not need",
	.severity = PL_SEV_LOW,
	.category = "privilege",
	.why = "By default every pod gets a token for its ServiceAccount mounted at "
	       "`/var/run/secrets/kubernetes.io/serviceaccount`. Most applications never "
	       "call the Kubernetes API; for them the token only helps an intruder, who "
	       "can use it to list, read or change whatever the account is allowed to.",
	.fix = "Set `automountServiceAccountToken: false` in the pod spec (or on its "
	       "ServiceAccount), and mount a projected token only in pods that talk to the "
	       "API server.",
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
	       "  automountServiceAccountToken: false\n"
	       "  containers:\n"
	       "    - name: web\n"
	       "      image: nginx:1.27\n",
	.refs = (const char *const[]){
		"https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting",
		"https://kubernetes.io/docs/concepts/security/service-accounts/",
		NULL },
	.peers = (const char *const[]){ "checkov:CKV_K8S_38", "trivy:KSV036", NULL },
	.inputs = PL_IN_K8S,
	.check_k8s = check,
};
