/*
 * K8S0026.c -- container has no readiness probe.
 *
 * Not reported: init and ephemeral containers, and pods that run to completion (Jobs,
 * CronJobs, restartPolicy other than Always).
 */
#include "rules/k8s/util.h"

#include <string.h>

static void
check(struct pl_check *ck, const struct pl_k8s *k)
{
	for (size_t i = 0; i < k->ncontainers; i++) {
		const struct pl_k8s_container *c = &k->containers[i];
		const struct pl_image_facts *img;

		if (c->kind != PL_K8S_CONTAINER || pl_k8s_pod_of(k, c)->runs_to_completion ||
		    pl_k8s_get(c->node, "readinessProbe", NULL) != NULL) {
			continue;
		}
		img = pl_k8s_image_facts(k, c);
		pl_k8s_report(ck, NULL, NULL, c->at, "%s has no readinessProbe%s", pl_k8s_desc(k, c),
			      img != NULL && img->healthcheck ?
			      pl_arena_printf(k->arena, " (the HEALTHCHECK of its image's %s does "
					      "not replace it: Kubernetes ignores HEALTHCHECK)",
					      img->dockerfile) : "");
	}
}

const struct pl_rule rule_k8s0026 = {
	.id = "K8S0026",
	.name = "no-readiness-probe",
	.title = "Container has no readiness probe",
	.severity = PL_SEV_LOW,
	.category = "runtime",
	.why = "Without a readiness probe a pod receives traffic as soon as its process "
	       "starts, before it has loaded its configuration or warmed its caches, and "
	       "keeps receiving it while it is overloaded: rollouts and restarts turn into "
	       "errors for users.",
	.fix = "Add a `readinessProbe` that answers only when the container can serve "
	       "requests.",
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
	       "      readinessProbe:\n"
	       "        httpGet:\n"
	       "          path: /healthz\n"
	       "          port: 80\n",
	.refs = (const char *const[]){
		"https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/",
		NULL },
	.peers = (const char *const[]){ "checkov:CKV_K8S_9", "kics:Readiness Probe Is Not Configured", NULL },
	.inputs = PL_IN_K8S,
	.check_k8s = check,
};
