/*
 * K8S0023.c -- secret written into the manifest as an environment value.
 *
 * Not reported: references ($(VAR)), paths, empty values, words such as true or
 * disabled, and placeholders (INSERT_..., <your token>, a value that repeats the
 * variable's name).
 *
 * With the secrets detectors (engine/secrets_scan.c): a provider-specific detector that
 * matches the value reports it instead, at the secret, and this rule stays silent on that
 * variable; a generic password or token match on the value yields to this rule.
 */
#include "rules/k8s/util.h"
#include "core/str.h"
#include "rules/df/util.h"

#include <string.h>

/* Values that are not secrets even under a secret-looking name. */
static bool
not_a_secret(const char *v)
{
	static const char *const words[] = { "true", "false", "yes", "no", "on", "off", "null",
					     "none", "disabled", "enabled", "changeme", NULL };

	if (v[0] == '\0' || pl_k8s_unknown(v) || v[0] == '/' || strncmp(v, "./", 2) == 0) {
		return true;
	}
	for (const char *const *w = words; *w != NULL; w++) {
		if (pl_streq_ci(v, *w)) {
			return true;
		}
	}
	return false;
}

/* Whether S contains WORD, in any case. */
static bool
has_ci(const char *s, const char *word)
{
	for (; *s != '\0'; s++) {
		if (pl_starts_with_ci(s, word)) {
			return true;
		}
	}
	return false;
}

/* A value left for the user to fill in: "INSERT_DB_PASSWORD", "<your token>",
 * "DB_PASSWORD_VALUE" (the variable's own name), "changeme". */
static bool
placeholder(const char *name, const char *v)
{
	static const char *const words[] = { "insert", "replace", "your_", "your-", "<your",
					     "change_me", "change-me", "placeholder", "todo", "xxxx",
					     NULL };
	size_t n = strlen(v);

	if (has_ci(v, name) || (n > 1 && v[0] == '<' && v[n - 1] == '>')) {
		return true;
	}
	for (const char *const *w = words; *w != NULL; w++) {
		if (has_ci(v, *w)) {
			return true;
		}
	}
	return false;
}

static void
check(struct pl_check *ck, const struct pl_k8s *k)
{
	for (size_t i = 0; i < k->ncontainers; i++) {
		const struct pl_k8s_container *c = &k->containers[i];
		struct fy_node *item;
		void *it = NULL;

		while ((item = pl_k8s_next(pl_k8s_get(c->node, "env", NULL), &it)) != NULL) {
			struct fy_node *name, *value;
			const char *n, *v;
			size_t len;

			if (!fy_node_is_mapping(item)) {
				continue;
			}
			name = pl_k8s_get(item, "name", NULL);
			value = pl_k8s_get(item, "value", NULL);
			n = pl_k8s_str(k, name);
			v = pl_k8s_str(k, value);
			if (n == NULL || v == NULL || not_a_secret(v) || !pl_df_secret_name(n) ||
			    placeholder(n, v)) {
				continue;
			}
			len = strlen(n);
			if ((len > 5 && pl_streq_ci(n + len - 5, "_FILE")) ||
			    (len > 5 && pl_streq_ci(n + len - 5, "_PATH"))) {
				continue; /* a path to the secret, not the secret */
			}
			/* Point at the name: the report does not repeat the value. */
			pl_k8s_report(ck, name, NULL, c->at, "%s sets %s to a literal value in the "
				      "manifest", pl_k8s_desc(k, c), n);
		}
	}
}

const struct pl_rule rule_k8s0023 = {
	.id = "K8S0023",
	.name = "literal-secret-in-env",
	.title = "Secret written into the manifest as an environment value",
	.severity = PL_SEV_HIGH,
	.category = "secrets",
	.why = "A password or token written as `value:` in a manifest is in the "
	       "repository's history for good, in every clone and CI log, and visible to "
	       "anyone who can read the Deployment (`kubectl get -o yaml`), a much wider "
	       "group than those who can read Secrets.",
	.fix = "Move the value into a Secret (created outside the repository, or encrypted "
	       "with Sealed Secrets or SOPS) and reference it with "
	       "`valueFrom.secretKeyRef`, or mount it as a file. Rotate the value that was "
	       "committed.",
	.bad = "apiVersion: v1\n"
	       "kind: Pod\n"
	       "metadata:\n"
	       "  name: web\n"
	       "spec:\n"
	       "  containers:\n"
	       "    - name: web\n"
	       "      image: nginx:1.27\n"
	       "      env:\n"
	       "        - name: DB_PASSWORD\n"
	       "          value: hunter2\n",
	.good = "apiVersion: v1\n"
	       "kind: Pod\n"
	       "metadata:\n"
	       "  name: web\n"
	       "spec:\n"
	       "  containers:\n"
	       "    - name: web\n"
	       "      image: nginx:1.27\n"
	       "      env:\n"
	       "        - name: DB_PASSWORD\n"
	       "          valueFrom:\n"
	       "            secretKeyRef:\n"
	       "              name: db\n"
	       "              key: password\n",
	.refs = (const char *const[]){
		"https://kubernetes.io/docs/tasks/inject-data-application/distribute-credentials-secure/",
		"https://kubernetes.io/docs/concepts/security/secrets-good-practices/",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_K8S,
	.check_k8s = check,
};
