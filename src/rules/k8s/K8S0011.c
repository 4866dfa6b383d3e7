/*
 * K8S0011.c -- pod mounts a directory of the node.
 *
 * Container runtime sockets are K8S0012's, not reported here too.
 */
#include "rules/k8s/util.h"

#include <string.h>

/* What some host paths give a pod: PATH itself, or with SUB also what is below it. */
static const struct {
	const char *path;
	bool sub;
	const char *what;
} known[] = {
	{ "/", false, ": the node's whole file system" },
	{ "/etc", false, ": the node's configuration" },
	{ "/root", true, ": the node's administrator's files" },
	{ "/home", false, ": the users' files on the node" },
	{ "/proc", false, ": the node's kernel interfaces" },
	{ "/sys", false, ": the node's kernel interfaces" },
	{ "/dev", false, ": every device of the node" },
	{ "/boot", true, ": the node's kernel and boot files" },
	{ "/var/lib/kubelet", true, ": the kubelet's credentials and every pod's volumes" },
	{ "/etc/kubernetes", true, ": the node's Kubernetes credentials" },
	{ "/var/lib/docker", false, ": the container runtime's state" },
	{ "/var/lib/containerd", false, ": the container runtime's state" },
};

/* What mounting host path P gives the pod, for the message; "" when nothing is known. */
static const char *
what(const char *p)
{
	size_t n = strlen(p);

	while (n > 1 && p[n - 1] == '/') {
		n--;
	}
	for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++) {
		size_t m = strlen(known[i].path);

		if (strncmp(p, known[i].path, m) == 0 &&
		    (n == m || (known[i].sub && p[m] == '/'))) {
			return known[i].what;
		}
	}
	return "";
}

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

			if (s == NULL || pl_k8s_unknown(s) || pl_k8s_runtime_socket(s)) {
				continue;
			}
			pl_k8s_report(ck, path, key, pl_k8s_pod_obj(k, p)->at, "%s mounts %s of the "
				      "node%s", pl_k8s_obj_desc(k, pl_k8s_pod_obj(k, p)), s, what(s));
		}
	}
}

const struct pl_rule rule_k8s0011 = {
	.id = "K8S0011",
	.name = "host-path-volume",
	.title = "Pod mounts a directory of the node",
	.severity = PL_SEV_MEDIUM,
	.category = "privilege",
	.why = "A `hostPath` volume gives the pod the node's own files: with write access "
	       "to `/etc`, `/var/lib/kubelet` or `/` a container can take over the node, "
	       "and even read-only it can read other pods' secrets and the kubelet's "
	       "credentials. It also ties the pod to what happens to be on one node.",
	.fix = "Use a PersistentVolumeClaim, a ConfigMap, a Secret or an `emptyDir` "
	       "instead. A node agent that really needs host files should mount the "
	       "narrowest path, read-only, in a dedicated DaemonSet.",
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
	       "        path: /etc\n",
	.good = "apiVersion: v1\n"
	       "kind: Pod\n"
	       "metadata:\n"
	       "  name: web\n"
	       "spec:\n"
	       "  containers:\n"
	       "    - name: web\n"
	       "      image: nginx:1.27\n"
	       "  volumes:\n"
	       "    - name: cache\n"
	       "      emptyDir: {}\n",
	.refs = (const char *const[]){
		"https://kubernetes.io/docs/concepts/storage/volumes/#hostpath",
		"https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline",
		NULL },
	.peers = (const char *const[]){ "trivy:KSV023", NULL },
	.inputs = PL_IN_K8S,
	.check_k8s = check,
};
