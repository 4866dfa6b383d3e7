/*
 * K8S0024.c -- environment value has the shape of a credential.
 *
 * Variables with a secret-looking name are K8S0023's, not reported here too.
 *
 * With the secrets detectors (engine/secrets_scan.c): a provider-specific detector that
 * matches the value reports it instead, at the secret, and this rule stays silent on that
 * variable; a generic password or token match on the value yields to this rule.
 */
#include "rules/k8s/util.h"
#include "core/str.h"
#include "rules/df/util.h"

#include <string.h>

/* Whether S starts with PREFIX followed by at least N characters of [A-Za-z0-9_-]. */
static bool
token(const char *s, const char *prefix, size_t n)
{
	size_t m = strlen(prefix), i = 0;

	if (strncmp(s, prefix, m) != 0) {
		return false;
	}
	for (s += m; (s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z') ||
		     (s[i] >= '0' && s[i] <= '9') || s[i] == '_' || s[i] == '-'; i++) {
	}
	return i >= n;
}

/* What kind of credential V looks like, or NULL. */
static const char *
credential(const char *v)
{
	const char *scheme = strstr(v, "://"), *at, *colon;

	if (scheme != NULL && (at = strchr(scheme + 3, '@')) != NULL &&
	    (colon = memchr(scheme + 3, ':', (size_t)(at - scheme - 3))) != NULL &&
	    colon + 1 < at && memchr(scheme + 3, '/', (size_t)(at - scheme - 3)) == NULL) {
		return "a URL with a password";
	}
	if ((token(v, "AKIA", 16) || token(v, "ASIA", 16)) && strlen(v) == 20) {
		return "an AWS access key id";
	}
	if (token(v, "ghp_", 30) || token(v, "gho_", 30) || token(v, "ghs_", 30) ||
	    token(v, "github_pat_", 30)) {
		return "a GitHub token";
	}
	if (token(v, "glpat-", 20)) {
		return "a GitLab token";
	}
	if (token(v, "xoxb-", 10) || token(v, "xoxp-", 10)) {
		return "a Slack token";
	}
	if (token(v, "sk_live_", 16)) {
		return "a Stripe secret key";
	}
	if (strstr(v, "-----BEGIN") != NULL && strstr(v, "PRIVATE KEY") != NULL) {
		return "a private key";
	}
	return NULL;
}

static void
check(struct pl_check *ck, const struct pl_k8s *k)
{
	for (size_t i = 0; i < k->ncontainers; i++) {
		const struct pl_k8s_container *c = &k->containers[i];
		struct fy_node *item;
		void *it = NULL;

		while ((item = pl_k8s_next(pl_k8s_get(c->node, "env", NULL), &it)) != NULL) {
			struct fy_node *name;
			const char *n, *v, *what;

			if (!fy_node_is_mapping(item)) {
				continue;
			}
			name = pl_k8s_get(item, "name", NULL);
			n = pl_k8s_str(k, name);
			v = pl_k8s_str(k, pl_k8s_get(item, "value", NULL));
			if (n == NULL || v == NULL || pl_k8s_unknown(v) || pl_df_secret_name(n) ||
			    (what = credential(v)) == NULL) {
				continue;
			}
			pl_k8s_report(ck, name, NULL, c->at, "%s sets %s to %s", pl_k8s_desc(k, c),
				      n, what);
		}
	}
}

const struct pl_rule rule_k8s0024 = {
	.id = "K8S0024",
	.name = "credential-in-env-value",
	.title = "Environment value has the shape of a credential",
	.severity = PL_SEV_HIGH,
	.category = "secrets",
	.why = "Some values are credentials whatever the variable is called: a URL with a "
	       "password (`postgres://app:s3cret@db/app`), an AWS access key id, a GitHub, "
	       "GitLab or Slack token, a private key. Written in a manifest they are in "
	       "the repository's history and readable by anyone who can read the workload.",
	.fix = "Put the credential in a Secret and reference it with "
	       "`valueFrom.secretKeyRef`; for URLs, keep the password out of the URL and "
	       "pass it separately. Rotate the credential that was committed.",
	.bad = "apiVersion: v1\n"
	       "kind: Pod\n"
	       "metadata:\n"
	       "  name: web\n"
	       "spec:\n"
	       "  containers:\n"
	       "    - name: web\n"
	       "      image: nginx:1.27\n"
	       "      env:\n"
	       "        - name: DATABASE_URL\n"
	       "          value: postgres://app:s3cret@db:5432/app\n",
	.good = "apiVersion: v1\n"
	       "kind: Pod\n"
	       "metadata:\n"
	       "  name: web\n"
	       "spec:\n"
	       "  containers:\n"
	       "    - name: web\n"
	       "      image: nginx:1.27\n"
	       "      env:\n"
	       "        - name: DATABASE_URL\n"
	       "          value: postgres://app@db:5432/app\n",
	.refs = (const char *const[]){
		"https://kubernetes.io/docs/tasks/inject-data-application/distribute-credentials-secure/",
		"https://kubernetes.io/docs/concepts/security/secrets-good-practices/",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_K8S,
	.check_k8s = check,
};
