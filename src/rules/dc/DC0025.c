/*
 * DC0025.c -- secret is passed as a build argument.
 */
#include "core/str.h"
#include "rules/dc/util.h"
#include "rules/df/util.h"

#include <stdio.h>
#include <string.h>

static void
arg(struct pl_check *ck, const struct pl_compose_service *s, const char *name,
    struct fy_node *at)
{
	size_t n = strlen(name);

	if (pl_df_secret_name(name) && !(n > 5 && pl_streq_ci(name + n - 5, "_FILE"))) {
		pl_dc_report(ck, s, at, NULL, "service '%s' passes %s as a build argument: its "
			     "value is kept in the image's history", s->name, name);
	}
}

struct arg_ctx {
	struct pl_check *ck;
	const struct pl_compose_service *s;
};

static void
entry(const char *name, struct fy_node *key, struct fy_node *value, const char *text,
      void *ctx)
{
	struct arg_ctx *x = ctx;

	(void)value;
	(void)text;
	arg(x->ck, x->s, name, key);
}

static void
check(struct pl_check *ck, const struct pl_compose *c)
{
	for (size_t i = 0; i < c->nservices; i++) {
		struct arg_ctx x = { ck, &c->services[i] };

		/* build.args of every file of the project, each name once. */
		pl_compose_each_entry(c, &c->services[i], "build", "args", entry, &x);
	}
}

const struct pl_rule rule_dc0025 = {
	.id = "DC0025",
	.name = "secret-build-arg",
	.title = "Secret is passed as a build argument",
	.severity = PL_SEV_HIGH,
	.category = "secrets",
	.why = "Build arguments are recorded in the image: `docker history` shows the value "
	       "of every ARG that a RUN instruction used, and anyone who pulls the image "
	       "can read it, long after the token was meant to be gone. A registry token "
	       "or private package password passed this way leaks with every copy of the "
	       "image.",
	.fix = "Pass the secret as a build secret: `build: {secrets: [npm_token]}` with a "
	       "top-level `secrets: {npm_token: {environment: NPM_TOKEN}}`, and read it in "
	       "the Dockerfile with `RUN --mount=type=secret,id=npm_token ...`.",
	.bad = "services:\n"
	       "  api:\n"
	       "    build:\n"
	       "      context: .\n"
	       "      args:\n"
	       "        NPM_TOKEN: ${NPM_TOKEN}\n",
	.good = "services:\n"
		"  api:\n"
		"    build:\n"
		"      context: .\n"
		"      secrets:\n"
		"        - npm_token\n"
		"secrets:\n"
		"  npm_token:\n"
		"    environment: NPM_TOKEN\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/reference/compose-file/build/#secrets",
		"https://docs.docker.com/build/building/secrets/",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_COMPOSE,
	.check_compose = check,
};
