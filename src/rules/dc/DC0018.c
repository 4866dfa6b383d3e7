/*
 * DC0018.c -- secret is passed to the service as an environment variable.
 *
 * DC0012 reports literal values and DC0011 literal defaults; this rule reports secrets
 * that come from the shell or a .env file (`DB_PASSWORD: ${DB_PASSWORD}`), which still
 * end up in the container's environment.
 */
#include "core/str.h"
#include "rules/dc/util.h"
#include "rules/df/util.h"

#include <stdio.h>
#include <string.h>

struct env_ctx {
	struct pl_check *ck;
	const struct pl_compose_service *s;
};

static void
env(const char *name, struct fy_node *key, struct fy_node *value, const char *text, void *ctx)
{
	struct env_ctx *x = ctx;
	size_t n = strlen(name);

	(void)value;
	/* NAME_FILE points at a mounted secret: the recommended form. */
	if (text == NULL || strchr(text, '$') == NULL || !pl_df_secret_name(name) ||
	    (n > 5 && pl_streq_ci(name + n - 5, "_FILE"))) {
		return;
	}
	pl_dc_report(x->ck, x->s, key, NULL, "service '%s' receives %s as an environment "
		     "variable: every process, `docker inspect` and crash dump can read it",
		     x->s->name, name);
}

static void
check(struct pl_check *ck, const struct pl_compose *c)
{
	for (size_t i = 0; i < c->nservices; i++) {
		struct env_ctx x = { ck, &c->services[i] };

		pl_dc_each_env(c, &c->services[i], env, &x);
	}
}

const struct pl_rule rule_dc0018 = {
	.id = "DC0018",
	.name = "secret-in-environment",
	.title = "Secret is passed as an environment variable",
	.severity = PL_SEV_LOW,
	.category = "secrets",
	.why = "Environment variables are not secret storage: `docker inspect` prints "
	       "them, every child process inherits them, and error reporters, debug pages "
	       "and crash dumps include them. A password taken from `.env` into "
	       "`environment:` stays visible to anyone who can inspect the container. "
	       "Compose `secrets:` mount the value as a file under /run/secrets, readable "
	       "only by the service that declares it.",
	.fix = "Declare the value under top-level `secrets:` (from a file or an "
	       "environment variable), give it to the service with `secrets: [db_password]`, "
	       "and point the application at the file: most official images read "
	       "`POSTGRES_PASSWORD_FILE=/run/secrets/db_password`.",
	.bad = "services:\n"
	       "  db:\n"
	       "    image: postgres:16.4\n"
	       "    environment:\n"
	       "      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n",
	.good = "services:\n"
		"  db:\n"
		"    image: postgres:16.4\n"
		"    environment:\n"
		"      POSTGRES_PASSWORD_FILE: /run/secrets/db_password\n"
		"    secrets:\n"
		"      - db_password\n"
		"secrets:\n"
		"  db_password:\n"
		"    file: ./db_password.txt\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/compose/how-tos/use-secrets/",
		"https://docs.docker.com/reference/compose-file/secrets/",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_COMPOSE,
	.check_compose = check,
};
