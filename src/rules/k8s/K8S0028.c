/*
 * K8S0028.c -- pod sets a sysctl outside the safe set.
 */
#include "rules/k8s/util.h"

#include <string.h>

/* The safe set of the Kubernetes documentation ("Using sysctls in a Kubernetes
 * Cluster"), as of Kubernetes 1.29. */
static const char *const safe[] = {
	"kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.tcp_syncookies",
	"net.ipv4.ping_group_range", "net.ipv4.ip_unprivileged_port_start",
	"net.ipv4.ip_local_reserved_ports", "net.ipv4.tcp_keepalive_time",
	"net.ipv4.tcp_fin_timeout", "net.ipv4.tcp_keepalive_intvl",
	"net.ipv4.tcp_keepalive_probes", NULL,
};

static void
check(struct pl_check *ck, const struct pl_k8s *k)
{
	for (size_t i = 0; i < k->npods; i++) {
		const struct pl_k8s_pod *p = &k->pods[i];
		struct fy_node *item;
		void *it = NULL;

		while ((item = pl_k8s_next(p->sc != NULL ? pl_k8s_get(p->sc, "sysctls", NULL) : NULL,
					   &it)) != NULL) {
			struct fy_node *name = fy_node_is_mapping(item) ?
					       pl_k8s_get(item, "name", NULL) : NULL;
			const char *n = pl_k8s_str(k, name);
			char *dots;
			bool ok = false;

			if (n == NULL || pl_k8s_unknown(n)) {
				continue;
			}
			/* "net/ipv4/tcp_syncookies" is the same sysctl. */
			dots = pl_arena_strdup(k->arena, n);
			for (char *q = dots; *q != '\0'; q++) {
				*q = *q == '/' ? '.' : *q;
			}
			for (const char *const *s = safe; *s != NULL && !ok; s++) {
				ok = strcmp(dots, *s) == 0;
			}
			if (!ok) {
				pl_k8s_report(ck, name, NULL, pl_k8s_pod_obj(k, p)->at, "%s sets sysctl "
					      "%s, which is not in the safe set",
					      pl_k8s_obj_desc(k, pl_k8s_pod_obj(k, p)), n);
			}
		}
	}
}

const struct pl_rule rule_k8s0028 = {
	.id = "K8S0028",
	.name = "unsafe-sysctl",
	.title = "Pod sets a sysctl outside the safe set",
	.severity = PL_SEV_MEDIUM,
	.category = "privilege",
	.why = "Only a few sysctls are namespaced and isolated per pod; the others change "
	       "the kernel for every pod on the node, or weaken protections (`kernel.*`, "
	       "`vm.*`, most of `net.*`). Clusters reject them unless the kubelet allows "
	       "them explicitly, and where it does, one pod can degrade or attack its "
	       "neighbours.",
	.fix = "Remove the sysctl, or keep to the safe set "
	       "(`net.ipv4.ip_local_port_range`, `net.ipv4.tcp_syncookies`, "
	       "`net.ipv4.ping_group_range`, `net.ipv4.ip_unprivileged_port_start`, "
	       "`kernel.shm_rmid_forced`, ...). Tune node-wide settings on the nodes "
	       "themselves.",
	.bad = "apiVersion: v1\n"
	       "kind: Pod\n"
	       "metadata:\n"
	       "  name: web\n"
	       "spec:\n"
	       "  securityContext:\n"
	       "    sysctls:\n"
	       "      - name: kernel.msgmax\n"
	       "        value: \"65536\"\n"
	       "  containers:\n"
	       "    - name: web\n"
	       "      image: nginx:1.27\n",
	.good = "apiVersion: v1\n"
	       "kind: Pod\n"
	       "metadata:\n"
	       "  name: web\n"
	       "spec:\n"
	       "  securityContext:\n"
	       "    sysctls:\n"
	       "      - name: net.ipv4.ip_local_port_range\n"
	       "        value: \"1024 65535\"\n"
	       "  containers:\n"
	       "    - name: web\n"
	       "      image: nginx:1.27\n",
	.refs = (const char *const[]){
		"https://kubernetes.io/docs/tasks/administer-cluster/sysctl-cluster/",
		"https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline",
		NULL },
	.peers = (const char *const[]){ "trivy:KSV026", NULL },
	.inputs = PL_IN_K8S,
	.check_k8s = check,
};
