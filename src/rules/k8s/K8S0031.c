/*
 * K8S0031.c -- Service is exposed outside the cluster.
 *
 * Not reported: a LoadBalancer restricted by loadBalancerSourceRanges or marked internal
 * by its cloud provider's annotation.
 */
#include "rules/k8s/util.h"
#include "core/str.h"

#include <string.h>

/* Annotations that make a cloud load balancer internal. */
static const char *const internal[] = {
	"networking.gke.io/load-balancer-type", "cloud.google.com/load-balancer-type",
	"service.beta.kubernetes.io/aws-load-balancer-internal",
	"service.beta.kubernetes.io/azure-load-balancer-internal",
	"service.beta.kubernetes.io/aws-load-balancer-scheme", NULL,
};

static bool
is_internal(const struct pl_k8s *k, const struct pl_k8s_object *o)
{
	struct fy_node *ann = o->metadata ? pl_k8s_get(o->metadata, "annotations", NULL) : NULL;

	for (const char *const *a = internal; ann != NULL && *a != NULL; a++) {
		const char *v = pl_k8s_str(k, pl_k8s_get(ann, *a, NULL));

		if (v != NULL && (pl_streq_ci(v, "internal") || pl_streq_ci(v, "true"))) {
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
		struct fy_node *spec = pl_k8s_get(o->node, "spec", NULL), *key, *type;
		const char *t;

		if (strcmp(o->kind, "Service") != 0 || spec == NULL || !fy_node_is_mapping(spec)) {
			continue;
		}
		type = pl_k8s_get(spec, "type", &key);
		t = pl_k8s_str(k, type);
		if (t == NULL) {
			continue;
		}
		if (strcmp(t, "NodePort") == 0) {
			pl_k8s_report(ck, type, key, o->at, "%s opens a port on every node",
				      pl_k8s_obj_desc(k, o));
		} else if (strcmp(t, "LoadBalancer") == 0 &&
			   pl_k8s_get(spec, "loadBalancerSourceRanges", NULL) == NULL &&
			   !is_internal(k, o)) {
			pl_k8s_report(ck, type, key, o->at, "%s asks for a load balancer open to "
				      "any address", pl_k8s_obj_desc(k, o));
		}
	}
}

const struct pl_rule rule_k8s0031 = {
	.id = "K8S0031",
	.name = "service-exposed",
	.title = "Service is exposed outside the cluster",
	.severity = PL_SEV_LOW,
	.category = "network",
	.why = "A NodePort Service opens its port on every node of the cluster, and a "
	       "LoadBalancer one asks the cloud for a public address: the pods behind it "
	       "are reachable from outside, bypassing the Ingress controller's TLS, "
	       "authentication and rate limits. Often the exposure is a leftover from "
	       "testing.",
	.fix = "Use `type: ClusterIP` and publish through an Ingress or Gateway, or "
	       "restrict a LoadBalancer with `loadBalancerSourceRanges` or your provider's "
	       "internal load balancer annotation.",
	.bad = "apiVersion: v1\n"
	       "kind: Service\n"
	       "metadata:\n"
	       "  name: web\n"
	       "spec:\n"
	       "  type: NodePort\n"
	       "  selector:\n"
	       "    app: web\n"
	       "  ports:\n"
	       "    - port: 80\n",
	.good = "apiVersion: v1\n"
	       "kind: Service\n"
	       "metadata:\n"
	       "  name: web\n"
	       "spec:\n"
	       "  type: ClusterIP\n"
	       "  selector:\n"
	       "    app: web\n"
	       "  ports:\n"
	       "    - port: 80\n",
	.refs = (const char *const[]){
		"https://kubernetes.io/docs/concepts/services-networking/service/#publishing-services-service-types",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_K8S,
	.check_k8s = check,
};
