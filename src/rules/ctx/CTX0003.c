/*
 * CTX0003.c -- a secret file of the build context is copied into a build stage.
 */
#include "rules/ctx/secret.h"

const struct pl_rule rule_ctx0003 = {
	.id = "CTX0003",
	.name = "secret-copied-into-build-stage",
	.title = "A secret file of the build context is copied into a build stage",
	.severity = PL_SEV_MEDIUM,
	.category = "secrets",
	.why = "A stage that the final image does not build on keeps its files out of the "
	       "shipped image, but not out of the build: the layer sits in the build cache "
	       "and in any cache exported to a registry (`--cache-to`), and a later "
	       "`COPY --from` of a whole folder can carry the file over.",
	.fix = "Exclude the file in .dockerignore, or copy only the sources the stage "
	       "needs. Credentials the build needs go through `RUN --mount=type=secret`.",
	.bad = "FROM node:22-alpine AS build\n"
	       "WORKDIR /src\n"
	       "COPY . .\n"
	       "RUN npm ci && npm run build\n"
	       "FROM nginx:1.27-alpine\n"
	       "COPY --from=build /src/dist /usr/share/nginx/html\n",
	.good = "FROM node:22-alpine AS build\n"
		"WORKDIR /src\n"
		"COPY package.json ./\n"
		"COPY src/ ./src/\n"
		"RUN npm ci && npm run build\n"
		"FROM nginx:1.27-alpine\n"
		"COPY --from=build /src/dist /usr/share/nginx/html\n",
	.example_context = "package.json\nsrc/index.js\nid_rsa: key\n"
			   ".dockerignore: node_modules\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/build/cache/",
		"https://docs.docker.com/build/building/secrets/",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_DOCKERFILE,
	.check_doc = pl_ctx_check_secrets,
};
