/*
 * CTX0005.c -- a heavy folder of the build context is copied into the image.
 */
#include "rules/ctx/util.h"

#include <stdio.h>
#include <string.h>

static bool
use(struct pl_check *ck, const struct pl_df_model *m, const struct pl_ctx_use *u, void *arg)
{
	(void)m;
	(void)arg;
	for (size_t i = 0; i < u->res.nentries; i++) {
		const struct pl_ctx_entry *e = u->res.entries[i];

		if (e->type == PL_CTX_DIR && e->sent && e->sensitive != NULL &&
		    e->sensitive->kind == PL_CTX_HEAVY) {
			pl_ctx_report(ck, u, "'%s' takes the folder %s: %s does not exclude it. %s",
				      u->word->s, e->path, pl_ctx_ignore_name(ck),
				      e->sensitive->reason);
		}
	}
	return true;
}

static void
check(struct pl_check *ck, const struct pl_df_model *m)
{
	pl_ctx_each_use(ck, m, use, NULL);
}

const struct pl_rule rule_ctx0005 = {
	.id = "CTX0005",
	.name = "heavy-folder-copied",
	.title = "A dependency or build-output folder of the context is copied",
	.severity = PL_SEV_LOW,
	.category = "hygiene",
	.why = "node_modules, virtualenvs, caches and build output are made for the "
	       "developer's machine: copied into the image they add hundreds of megabytes, "
	       "bring native modules built for another system, and overwrite or mix with "
	       "what the Dockerfile installs. Sending them also slows every build and "
	       "busts the layer cache whenever they change.",
	.fix = "Exclude the folder in .dockerignore (`node_modules`, `.venv`, "
	       "`__pycache__`, `dist`) and let the Dockerfile install dependencies from the "
	       "lock file.",
	.bad = "FROM node:22-alpine\n"
	       "WORKDIR /app\n"
	       "COPY . .\n"
	       "RUN npm ci\n",
	.good = "FROM node:22-alpine\n"
		"WORKDIR /app\n"
		"COPY package.json package-lock.json server.js ./\n"
		"RUN npm ci\n",
	.example_context = "package.json\npackage-lock.json\nserver.js\n"
			   "node_modules/express/index.js\n.dockerignore: .git\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/build/concepts/context/#dockerignore-files",
		"https://docs.docker.com/build/cache/optimize/",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_DOCKERFILE,
	.check_doc = check,
};
