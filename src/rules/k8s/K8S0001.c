/*
 * K8S0001.c -- container may run as root.
 *
 * Not reported: a container with runAsNonRoot: true or a non-zero runAsUser, at its own
 * level or the pod's, a container whose image is built by a Dockerfile of the scan that
 * ends with a numeric non-root USER, and values filled in by a template. A Dockerfile
 * that leaves the image running as root, or names its user (which the kubelet cannot
 * check), is named in the message.
 */
#include "rules/k8s/util.h"

#include <string.h>

/* Whether USER (as a Dockerfile's USER gives it, "uid[:gid]") is a numeric uid other
 * than 0. */
static bool
numeric_non_root(const char *user)
{
	size_t n = strcspn(user, ":");
	bool nonzero = false;

	if (n == 0) {
		return false;
	}
	for (size_t i = 0; i < n; i++) {
		if (user[i] < '0' || user[i] > '9') {
			return false;
		}
		nonzero = nonzero || user[i] != '0';
	}
	return nonzero;
}

/* What the Dockerfile building C's image adds to a report, "" when nothing is known. */
static const char *
image_note(const struct pl_k8s *k, const struct pl_image_facts *img)
{
	if (img == NULL || !img->user_known) {
		return "";
	}
	if (img->root) {
		return pl_arena_printf(k->arena, ", and its image runs as root per %s (%s)",
				       img->dockerfile, img->user != NULL ?
				       pl_arena_printf(k->arena, "USER %s", img->user) :
				       "no USER, so the base image's user");
	}
	return pl_arena_printf(k->arena, "; its image's USER %s (%s) is a name, which the "
			       "kubelet cannot check: set runAsUser to its uid", img->user,
			       img->dockerfile);
}

static void
check(struct pl_check *ck, const struct pl_k8s *k)
{
	for (size_t i = 0; i < k->ncontainers; i++) {
		const struct pl_k8s_container *c = &k->containers[i];
		const struct pl_k8s_setting *user = pl_k8s_sc(c, PL_K8S_RUN_AS_USER);
		const struct pl_k8s_setting *nonroot = pl_k8s_sc(c, PL_K8S_RUN_AS_NON_ROOT);
		const char *u = pl_k8s_str(k, user->value);
		long long uid;
		int nr = pl_k8s_bool(k, nonroot->value);
		const struct pl_image_facts *img;

		if (pl_k8s_unknown(u) || pl_k8s_unknown(pl_k8s_str(k, nonroot->value))) {
			continue;
		}
		if (pl_k8s_int(k, user->value, &uid) && uid == 0) {
			if (!pl_k8s_pod_seen(k, c, PL_K8S_RUN_AS_USER)) {
				pl_k8s_report(ck, user->value, user->key, c->at, "%s runs as root: "
					      "runAsUser is 0", user->from_pod ?
					      pl_k8s_obj_desc(k, pl_k8s_pod_obj(k, pl_k8s_pod_of(k, c))) :
					      pl_k8s_desc(k, c));
			}
			continue;
		} else if (nr == 1 || (u != NULL && (!pl_k8s_int(k, user->value, &uid) || uid > 0))) {
			continue;
		}
		img = pl_k8s_image_facts(k, c);
		if (img != NULL && img->user_known && img->user != NULL &&
		    numeric_non_root(img->user)) {
			continue; /* the image's own USER is a non-root uid */
		}
		if (nr == 0) {
			pl_k8s_report(ck, nonroot->value, nonroot->key, c->at, "%s may run as root: "
				      "runAsNonRoot is false and no runAsUser is set%s",
				      pl_k8s_desc(k, c), image_note(k, img));
		} else if (nr < 0) {
			pl_k8s_report(ck, NULL, NULL, c->at, "%s may run as root: neither "
				      "runAsNonRoot: true nor a non-zero runAsUser is set%s",
				      pl_k8s_desc(k, c), image_note(k, img));
		}
	}
}

const struct pl_rule rule_k8s0001 = {
	.id = "K8S0001",
	.name = "run-as-root",
	.title = "Container may run as root",
	.severity = PL_SEV_MEDIUM,
	.category = "privilege",
	.why = "Without `runAsNonRoot: true` or a non-zero `runAsUser`, a container runs "
	       "as whatever user its image names, which for most images is root. Root in a "
	       "container is root on the host's kernel: one kernel or runtime bug, a "
	       "writable host mount or an added capability away from the node, and a "
	       "compromised process can modify everything the image ships.",
	.fix = "Set `securityContext.runAsNonRoot: true` on the pod (it applies to every "
	       "container) and a `runAsUser` above 10000 that the image supports; the "
	       "kubelet then refuses to start a container whose image would run as root.",
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
	       "    runAsNonRoot: true\n"
	       "    runAsUser: 10001\n"
	       "  containers:\n"
	       "    - name: web\n"
	       "      image: nginx:1.27\n",
	.refs = (const char *const[]){
		"https://kubernetes.io/docs/tasks/configure-pod-container/security-context/",
		"https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted",
		NULL },
	.peers = (const char *const[]){ "checkov:CKV_K8S_23", "trivy:KSV012", NULL },
	.inputs = PL_IN_K8S,
	.check_k8s = check,
};
