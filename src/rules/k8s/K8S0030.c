/*
 * K8S0030.c -- Secret manifest carries its data.
 *
 * Empty values and values filled in by a template are not reported.
 */
#include "rules/k8s/util.h"

#include <string.h>

static void
check(struct pl_check *ck, const struct pl_k8s *k)
{
	static const char *const fields[] = { "data", "stringData", NULL };

	for (size_t i = 0; i < k->nobjects; i++) {
		const struct pl_k8s_object *o = &k->objects[i];

		if (strcmp(o->kind, "Secret") != 0) {
			continue;
		}
		for (const char *const *f = fields; *f != NULL; f++) {
			struct fy_node *m = pl_k8s_get(o->node, *f, NULL), *key, *value;
			struct pl_yaml_iter it;

			if (m == NULL || !fy_node_is_mapping(m)) {
				continue;
			}
			pl_yaml_iter_init(&it, m);
			while (pl_yaml_next(&it, &key, &value)) {
				const char *v = pl_k8s_str(k, value);

				if (v != NULL && v[0] != '\0' && !pl_k8s_unknown(v)) {
					pl_k8s_report(ck, key, NULL, o->at, "%s carries the value of "
						      "'%s' in the manifest", pl_k8s_obj_desc(k, o),
						      pl_k8s_str(k, key) ? pl_k8s_str(k, key) : "?");
				}
			}
		}
	}
}

const struct pl_rule rule_k8s0030 = {
	.id = "K8S0030",
	.name = "secret-data-in-manifest",
	.title = "Secret manifest carries its data",
	.severity = PL_SEV_INFO,
	.category = "secrets",
	.why = "`data` in a Secret is base64, an encoding, not encryption: a Secret "
	       "committed with its `data` or `stringData` puts the credentials in the "
	       "repository's history, readable by everyone with access to the repository "
	       "or any of its clones. It may be a placeholder for local use; it is worth "
	       "checking that it is.",
	.fix = "Keep Secret values out of the repository: create the Secret from a secret "
	       "manager (External Secrets Operator, the Secrets Store CSI driver), or "
	       "commit it encrypted (Sealed Secrets, SOPS). Rotate any real value that was "
	       "committed.",
	.bad = "apiVersion: v1\n"
	       "kind: Secret\n"
	       "metadata:\n"
	       "  name: db\n"
	       "type: Opaque\n"
	       "stringData:\n"
	       "  password: hunter2\n",
	.good = "apiVersion: bitnami.com/v1alpha1\n"
	       "kind: SealedSecret\n"
	       "metadata:\n"
	       "  name: db\n"
	       "spec:\n"
	       "  encryptedData:\n"
	       "    password: AgBy3i4OJSWK+PiTySYZZA==\n",
	.refs = (const char *const[]){
		"https://kubernetes.io/docs/concepts/configuration/secret/",
		"https://kubernetes.io/docs/concepts/security/secrets-good-practices/",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_K8S,
	.check_k8s = check,
};
