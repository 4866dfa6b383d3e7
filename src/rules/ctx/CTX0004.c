/*
 * CTX0004.c -- a .dockerignore exception re-includes a secret file.
 */
#include "rules/ctx/secret.h"

const struct pl_rule rule_ctx0004 = {
	.id = "CTX0004",
	.name = "ignore-exception-reincludes-secret",
	.title = "A .dockerignore exception re-includes a secret file",
	.severity = PL_SEV_HIGH,
	.category = "secrets",
	.why = "Exceptions (`!pattern`) are matched after the exclusions above them, so a "
	       "broad one such as `!config/*` or `!**/*.json` brings back files that an earlier "
	       "line excluded on purpose: the key or credentials file is sent to the "
	       "builder and copied into the image although the ignore file seems to keep "
	       "it out.",
	.fix = "Narrow the exception to the files the image needs (`!config/app.yaml`), or "
	       "exclude the secret again after it (`config/*.key`): the last matching line "
	       "wins.",
	.bad = "FROM python:3.12-slim\n"
	       "WORKDIR /app\n"
	       "COPY . .\n"
	       "USER 10001\n",
	.good = "FROM python:3.12-slim\n"
		"WORKDIR /app\n"
		"COPY app.py ./\n"
		"USER 10001\n",
	.example_context = "app.py\nconfig/app.yaml\nconfig/server.key: key\n"
			   ".dockerignore: **/*.key\\n!config/*\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/build/concepts/context/#dockerignore-files",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_DOCKERFILE,
	.check_doc = pl_ctx_check_secrets,
};
