/*
 * K8S0006.c -- container adds a capability that opens the host.
 */
#include "rules/k8s/util.h"
#include "core/str.h"

#include <string.h>

static const char *const dangerous[] = { "ALL", "SYS_ADMIN", "SYS_MODULE", "SYS_PTRACE",
					 "SYS_RAWIO", "NET_ADMIN", "DAC_READ_SEARCH", "SYS_BOOT",
					 "SYS_TIME", "MAC_ADMIN", "MAC_OVERRIDE", "BPF", "PERFMON",
					 NULL };

static void
check(struct pl_check *ck, const struct pl_k8s *k)
{
	for (size_t i = 0; i < k->ncontainers; i++) {
		const struct pl_k8s_container *c = &k->containers[i];
		const struct pl_k8s_setting *s = pl_k8s_sc(c, PL_K8S_CAPABILITIES);
		struct fy_node *add = s->value != NULL ? pl_k8s_get(s->value, "add", NULL) : NULL;
		struct fy_node *item;
		void *it = NULL;

		while ((item = pl_k8s_next(add, &it)) != NULL) {
			const char *v = pl_k8s_str(k, item), *name;

			if (v == NULL) {
				continue;
			}
			/* "CAP_SYS_ADMIN" and "sys_admin" name the same capability. */
			name = pl_starts_with_ci(v, "CAP_") ? v + 4 : v;
			for (const char *const *d = dangerous; *d != NULL; d++) {
				if (pl_streq_ci(name, *d)) {
					pl_k8s_report(ck, item, NULL, c->at, "%s adds %s, a capability "
						      "close to root on the node", pl_k8s_desc(k, c), v);
					break;
				}
			}
		}
	}
}

const struct pl_rule rule_k8s0006 = {
	.id = "K8S0006",
	.name = "dangerous-capability-added",
	.title = "Container adds a capability that opens the host",
	.severity = PL_SEV_HIGH,
	.category = "privilege",
	.why = "Some capabilities are nearly root on the node: SYS_ADMIN mounts file "
	       "systems and escapes through cgroups, SYS_MODULE loads kernel modules, "
	       "SYS_PTRACE reads other processes' memory, NET_ADMIN reconfigures the "
	       "network, DAC_READ_SEARCH reads any file by handle, BPF and PERFMON load "
	       "kernel programs, and ALL grants them all.",
	.fix = "Remove the capability from `capabilities.add`. If one tool needs it, run "
	       "that tool in a separate, short-lived pod, or replace it with a narrower "
	       "mechanism (a device plugin, a CSI driver).",
	.bad = "apiVersion: v1\n"
	       "kind: Pod\n"
	       "metadata:\n"
	       "  name: web\n"
	       "spec:\n"
	       "  containers:\n"
	       "    - name: web\n"
	       "      image: nginx:1.27\n"
	       "      securityContext:\n"
	       "        capabilities:\n"
	       "          add: [SYS_ADMIN]\n",
	.good = "apiVersion: v1\n"
	       "kind: Pod\n"
	       "metadata:\n"
	       "  name: web\n"
	       "spec:\n"
	       "  containers:\n"
	       "    - name: web\n"
	       "      image: nginx:1.27\n"
	       "      securityContext:\n"
	       "        capabilities:\n"
	       "          drop: [ALL]\n"
	       "          add: [NET_BIND_SERVICE]\n",
	.refs = (const char *const[]){
		"https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#set-capabilities-for-a-container",
		"https://man7.org/linux/man-pages/man7/capabilities.7.html",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_K8S,
	.check_k8s = check,
};
