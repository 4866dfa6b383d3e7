/*
 * K8S0012.c -- pod mounts the container runtime socket.
 */
#include "rules/k8s/util.h"

#include <string.h>

static void
check(struct pl_check *ck, const struct pl_k8s *k)
{
	for (size_t i = 0; i < k->npods; i++) {
		const struct pl_k8s_pod *p = &k->pods[i];
		struct fy_node *item;
		void *it = NULL;

		while ((item = pl_k8s_next(pl_k8s_get(p->spec, "volumes", NULL), &it)) != NULL) {
			struct fy_node *hp = fy_node_is_mapping(item) ?
					     pl_k8s_get(item, "hostPath", NULL) : NULL;
			struct fy_node *key, *path = hp != NULL && fy_node_is_mapping(hp) ?
						     pl_k8s_get(hp, "path", &key) : NULL;
			const char *s = pl_k8s_str(k, path);

			if (s != NULL && pl_k8s_runtime_socket(s)) {
				pl_k8s_report(ck, path, key, pl_k8s_pod_obj(k, p)->at, "%s mounts %s: "
					      "control of the node's container runtime",
					      pl_k8s_obj_desc(k, pl_k8s_pod_obj(k, p)), s);
			}
		}
	}
}

const struct pl_rule rule_k8s0012 = {
	.id = "K8S0012",
	.name = "runtime-socket-mounted",
	.title = "Pod mounts the container runtime socket",
	.severity = PL_SEV_CRITICAL,
	.category = "privilege",
	.why = "The Docker, containerd or CRI-O socket is the API that starts containers "
	       "on the node. A pod that can reach it can start a privileged container with "
	       "the node's root file system mounted: it owns the node and every pod on it, "
	       "without any setting in its own manifest looking privileged.",
	.fix = "Remove the volume. Build images with a rootless builder (BuildKit "
	       "rootless, kaniko, buildah), and give monitoring agents the runtime's "
	       "read-only metrics endpoint instead of its control socket.",
	.bad = "apiVersion: v1\n"
	       "kind: Pod\n"
	       "metadata:\n"
	       "  name: web\n"
	       "spec:\n"
	       "  containers:\n"
	       "    - name: web\n"
	       "      image: nginx:1.27\n"
	       "      volumeMounts:\n"
	       "        - name: host\n"
	       "          mountPath: /host\n"
	       "  volumes:\n"
	       "    - name: host\n"
	       "      hostPath:\n"
	       "        path: /var/run/docker.sock\n",
	.good = "apiVersion: v1\n"
	       "kind: Pod\n"
	       "metadata:\n"
	       "  name: web\n"
	       "spec:\n"
	       "  containers:\n"
	       "    - name: web\n"
	       "      image: nginx:1.27\n",
	.refs = (const char *const[]){
		"https://kubernetes.io/docs/concepts/storage/volumes/#hostpath",
		"https://docs.docker.com/engine/security/#docker-daemon-attack-surface",
		NULL },
	.peers = (const char *const[]){ "checkov:CKV_K8S_27", "trivy:KSV006", NULL },
	.inputs = PL_IN_K8S,
	.check_k8s = check,
};
