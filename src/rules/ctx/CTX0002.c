/*
 * CTX0002.c, CTX0003.c and CTX0004.c share this file's logic through secret_uses():
 * CTX0002 -- a secret file of the build context is copied into the final image.
 */
#include "rules/ctx/secret.h"

const struct pl_rule rule_ctx0002 = {
	.id = "CTX0002",
	.name = "secret-copied-into-image",
	.title = "A secret file of the build context is copied into the final image",
	.severity = PL_SEV_CRITICAL,
	.category = "secrets",
	.why = "A COPY takes every file its source names from the build context, and "
	       "nothing in the Dockerfile shows which. Private keys, .env files, cloud "
	       "and registry credentials and .git folders sitting in the project folder "
	       "end up in a layer of the image: anyone who can pull it reads them with "
	       "`docker save` or `docker cp`, even if a later RUN deletes them.",
	.fix = "Exclude the file in .dockerignore (`.env*`, `*.pem`, `.git`, ...), or copy "
	       "only what the image needs (`COPY src/ ./src/`). A secret the build needs "
	       "goes through `RUN --mount=type=secret`; one the container needs is mounted "
	       "at run time.",
	.bad = "FROM node:22-alpine\n"
	       "WORKDIR /app\n"
	       "COPY . .\n"
	       "USER node\n",
	.good = "FROM node:22-alpine\n"
		"WORKDIR /app\n"
		"COPY package.json server.js ./\n"
		"USER node\n",
	.example_context = "package.json\nserver.js\n.env: API_KEY=example\n"
			   ".dockerignore: node_modules\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/build/concepts/context/#dockerignore-files",
		"https://docs.docker.com/build/building/secrets/",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_DOCKERFILE,
	.check_doc = pl_ctx_check_secrets,
};
