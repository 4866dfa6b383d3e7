/*
 * DC0011.c -- secret falls back to a built-in default.
 */
#include "core/str.h"
#include "rules/dc/util.h"
#include "rules/df/util.h"

#include <stdio.h>
#include <string.h>

/* Reports each ${NAME:-word} or ${NAME-word} in VALUE with a literal WORD, when the
 * variable (the environment key KEYNAME or NAME itself) names a secret. */
static void
check_var(struct pl_check *ck, const struct pl_compose *c, const struct pl_compose_service *s,
	  const char *keyname, struct fy_node *key, struct fy_node *node, const char *value)
{
	const char *p = value;

	(void)c;
	(void)key;
	while (p != NULL && (p = strstr(p, "${")) != NULL) {
		const char *name = p + 2, *q = name, *word, *end;

		while ((*q >= 'A' && *q <= 'Z') || (*q >= 'a' && *q <= 'z') ||
		       (*q >= '0' && *q <= '9') || *q == '_') {
			q++;
		}
		word = q[0] == ':' && q[1] == '-' ? q + 2 : q[0] == '-' ? q + 1 : NULL;
		end = strchr(q, '}');
		if (word != NULL && end != NULL && end > word && word[0] != '$' && q > name) {
			char *var = pl_arena_strndup(c->arena, name, (size_t)(q - name));

			if (pl_df_secret_name(var) || pl_df_secret_name(keyname)) {
				pl_dc_report(ck, s, node, key, "service '%s': %s falls back to a "
					     "built-in value when %s is unset", s->name, keyname,
					     var);
			}
		}
		p = end;
	}
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

const struct pl_rule rule_dc0011 = {
	.id = "DC0011",
	.name = "default-password-fallback",
	.title = "Secret falls back to a built-in default",
	.severity = PL_SEV_HIGH,
	.category = "secrets",
	.why = "`${DB_PASSWORD:-admin}` works on every machine where nobody set "
	       "DB_PASSWORD, which is exactly the machine that ends up on the internet "
	       "with the default password. The fallback also puts a credential in "
	       "version control, and Compose never warns that it was used.",
	.fix = "Require the variable instead: `${DB_PASSWORD:?set DB_PASSWORD}` stops "
	       "`docker compose up` with a message when it is missing. Better, pass "
	       "the secret through `secrets:` and a `*_FILE` variable.",
	.bad = "services:\n"
	       "  db:\n"
	       "    image: postgres:16.4\n"
	       "    environment:\n"
	       "      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:-postgres}\n",
	.good = "services:\n"
	       "  db:\n"
	       "    image: postgres:16.4\n"
	       "    environment:\n"
	       "      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD}\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/reference/compose-file/interpolation/",
		"https://docs.docker.com/compose/how-tos/use-secrets/",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_COMPOSE,
	.check_compose = check,
};
