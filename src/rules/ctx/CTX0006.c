/*
 * CTX0006.c -- a COPY source is excluded by the .dockerignore: the build fails.
 */
#include "rules/ctx/util.h"

#include <stdio.h>
#include <string.h>

static bool
use(struct pl_check *ck, const struct pl_df_model *m, const struct pl_ctx_use *u, void *arg)
{
	(void)m;
	(void)arg;
	if (u->res.status != PL_CTX_SRC_EXCLUDED) {
		return true;
	}
	if (u->res.excluded_by != NULL) {
		pl_ctx_report(ck, u, "'%s' is excluded by '%s' at %s: the build fails with "
			      "\"not found\"", u->source, u->res.excluded_by->text,
			      pl_ctx_pattern_at(ck, u->res.excluded_by));
	} else {
		pl_ctx_report(ck, u, "'%s' is excluded by %s: the build fails with \"not "
			      "found\"", u->source, pl_ctx_ignore_name(ck));
	}
	return true;
}

static void
check(struct pl_check *ck, const struct pl_df_model *m)
{
	pl_ctx_each_use(ck, m, use, NULL);
}

const struct pl_rule rule_ctx0006 = {
	.id = "CTX0006",
	.name = "copy-source-ignored",
	.title = "A COPY source is excluded by the .dockerignore",
	.severity = PL_SEV_HIGH,
	.category = "syntax",
	.why = "Files that .dockerignore excludes are never sent to the builder, so a COPY "
	       "that names one fails with \"not found\" although the file is right there "
	       "in the folder. The usual cause is a broad pattern (`*.json`, `config`) "
	       "added later for another reason.",
	.fix = "Add an exception after the pattern (`!package.json`), or narrow the "
	       "pattern so that it no longer covers the file the image needs.",
	.bad = "FROM node:22-alpine\n"
	       "WORKDIR /app\n"
	       "COPY package.json ./\n",
	.good = "FROM node:22-alpine\n"
		"WORKDIR /app\n"
		"COPY server.js ./\n",
	.example_context = "package.json\nserver.js\n.dockerignore: *.json\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/build/concepts/context/#dockerignore-files",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_DOCKERFILE,
	.check_doc = check,
};
