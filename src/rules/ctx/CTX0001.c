/*
 * CTX0001.c -- the whole build context is copied and there is no .dockerignore.
 */
#include "rules/ctx/util.h"

#include <stdio.h>
#include <string.h>

static bool
use(struct pl_check *ck, const struct pl_df_model *m, const struct pl_ctx_use *u, void *arg)
{
	(void)m;
	(void)arg;
	/* "." or "./" resolves to the root: it names no entry and takes everything. */
	if (u->res.status != PL_CTX_SRC_FOUND || u->res.nmatched != 0) {
		return true;
	}
	pl_ctx_report(ck, u, "'%s' copies the whole build context (%zu files and folders) and "
		      "there is no .dockerignore: .git, .env files and local build output go "
		      "into the image", u->word->s, ck->bctx->ctx->nsent);
	return false; /* once per Dockerfile */
}

static void
check(struct pl_check *ck, const struct pl_df_model *m)
{
	if (ck->bctx != NULL && ck->bctx->ignore == NULL) {
		pl_ctx_each_use(ck, m, use, NULL);
	}
}

const struct pl_rule rule_ctx0001 = {
	.id = "CTX0001",
	.name = "no-dockerignore",
	.title = "The whole build context is copied and there is no .dockerignore",
	.severity = PL_SEV_MEDIUM,
	.category = "secrets",
	.why = "`COPY . .` takes everything `docker build` sends, and without a "
	       ".dockerignore that is the whole folder: the .git history (with every "
	       "secret ever committed), .env files, local virtualenvs and node_modules, "
	       "test data and editor files. Secrets reach the image and every registry it "
	       "is pushed to; the image grows, and every edit anywhere busts the layer "
	       "cache.",
	.fix = "Add a .dockerignore beside the Dockerfile that excludes at least `.git`, "
	       "`.env*`, `*.pem`, `*.key`, `node_modules` and build output; better, start "
	       "with `*` and re-include only what the image needs (`!src/`, "
	       "`!requirements.txt`).",
	.bad = "FROM python:3.12-slim\n"
	       "WORKDIR /app\n"
	       "COPY . .\n",
	.good = "FROM python:3.12-slim\n"
		"WORKDIR /app\n"
		"COPY app.py requirements.txt ./\n",
	.example_context = "app.py\nrequirements.txt\n.git/config\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/build/concepts/context/#dockerignore-files",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_DOCKERFILE,
	.check_doc = check,
};
