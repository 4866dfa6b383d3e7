/*
 * K8S0025.c -- container has no liveness probe.
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
		    pl_k8s_get(c->node, "livenessProbe", NULL) != NULL) {
			continue;
		}
		img = pl_k8s_image_facts(k, c);
		pl_k8s_report(ck, NULL, NULL, c->at, "%s has no livenessProbe%s", pl_k8s_desc(k, c),
			      img != NULL && img->healthcheck ?
			      pl_arena_printf(k->arena, " (the HEALTHCHECK of its image's %s does "
					      "not replace it: Kubernetes ignores HEALTHCHECK)",
					      img->dockerfile) : "");
	}
}

const struct pl_rule rule_k8s0025 = {
	.id = "K8S0025",
	.name = "no-liveness-probe",
	.title = "Container has no liveness probe",
	.severity = PL_SEV_LOW,
	.category = "runtime",
	.why = "Without a liveness probe Kubernetes restarts a container only when its "
	       "process exits: a server that deadlocks, or loops while holding its port, "
	       "stays in service, broken, until someone notices.",
	.fix = "Add a `livenessProbe` that checks the process can still make progress (an "
	       "HTTP endpoint that does no external calls), with thresholds loose enough "
	       "not to kill a slow but healthy container.",
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
	       "      livenessProbe:\n"
	       "        httpGet:\n"
	       "          path: /healthz\n"
	       "          port: 80\n",
	.refs = (const char *const[]){
		"https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/",
		NULL },
	.peers = (const char *const[]){ "checkov:CKV_K8S_8", NULL },
	.inputs = PL_IN_K8S,
	.check_k8s = check,
};
