/*
 * DC0012.c -- secret is written into the Compose file.
 *
 * With the secrets detectors (engine/secrets_scan.c): a provider-specific detector that
 * matches the value reports it instead, at the secret, and this rule stays silent on that
 * variable; a generic password or token match on the value yields to this rule.
 */
#include "core/str.h"
#include "rules/dc/util.h"
#include "rules/df/util.h"

#include <stdio.h>
#include <string.h>

/* Values that are not secrets even under a secret-looking name. */
static bool
not_a_secret(const char *v)
{
	static const char *const words[] = { "true", "false", "yes", "no", "on", "off", "null",
					     "none", "disabled", "enabled", NULL };

	if (v[0] == '\0' || strchr(v, '$') != NULL || v[0] == '/' || strncmp(v, "./", 2) == 0) {
		return true;
	}
	for (const char *const *w = words; *w != NULL; w++) {
		if (pl_streq_ci(v, *w)) {
			return true;
		}
	}
	return false;
}

static void
check_var(struct pl_check *ck, const struct pl_compose *c, const struct pl_compose_service *s,
	  const char *name, struct fy_node *key, struct fy_node *node, const char *value)
{
	size_t n = strlen(name);

	(void)c;
	if (value == NULL || not_a_secret(value) || !pl_df_secret_name(name) ||
	    (n > 5 && pl_streq_ci(name + n - 5, "_FILE"))) {
		return;
	}
	/* Point at the name only: the value is not repeated in the report. */
	pl_dc_report(ck, s, key, NULL, "service '%s' sets %s to a literal value in the "
		     "Compose file", s->name, name);
	(void)node;
}

struct item_ctx {
	struct pl_check *ck;
	const struct pl_compose *c;
	const struct pl_compose_service *s;
};

/* Each entry of environment:, mapping or NAME=value list, across the project's files. */
static void
entry(const char *name, struct fy_node *key, struct fy_node *value, const char *text,
      void *ctx)
{
	struct item_ctx *x = ctx;

	if (name[0] != '\0') {
		check_var(x->ck, x->c, x->s, name, key, value, text);
	}
}

static void
check(struct pl_check *ck, const struct pl_compose *c)
{
	for (size_t i = 0; i < c->nservices; i++) {
		struct item_ctx x = { ck, c, &c->services[i] };

		pl_compose_each_entry(c, &c->services[i], NULL, "environment", entry, &x);
	}
}

const struct pl_rule rule_dc0012 = {
	.id = "DC0012",
	.name = "literal-secret-in-environment",
	.title = "Secret is written into the Compose file",
	.severity = PL_SEV_HIGH,
	.category = "secrets",
	.why = "A password, token or key written as a literal in `environment:` is in "
	       "version control for good, visible to everyone who can read the "
	       "repository, and shown by `docker inspect` to anyone with access to the "
	       "daemon. Rotating it means rewriting history.",
	.fix = "Read it from the environment (`${API_TOKEN:?}`) or an untracked "
	       "`env_file`, or better, declare it under `secrets:` and point the "
	       "application at the file with a `*_FILE` variable.",
	.bad = "services:\n"
	       "  api:\n"
	       "    image: ghcr.io/acme/api:1.4.2\n"
	       "    environment:\n"
	       "      API_TOKEN: s3cr3t-t0ken-value\n",
	.good = "services:\n"
	       "  api:\n"
	       "    image: ghcr.io/acme/api:1.4.2\n"
	       "    environment:\n"
	       "      API_TOKEN_FILE: /run/secrets/api_token\n"
	       "    secrets:\n"
	       "      - api_token\n"
	       "secrets:\n"
	       "  api_token:\n"
	       "    file: ./api_token.txt\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/compose/how-tos/use-secrets/",
		"https://docs.docker.com/reference/compose-file/services/#environment",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_COMPOSE,
	.check_compose = check,
};
