/*
 * DC0016.c -- top-level version is obsolete.
 */
#include "core/str.h"
#include "rules/dc/util.h"
#include "rules/df/util.h"

#include <stdio.h>
#include <string.h>

static void
check(struct pl_check *ck, const struct pl_compose *c)
{
	static const struct pl_compose_service none = { .name = "" };

	/* In every file of the project: each is read by Compose. */
	for (size_t i = 0; i < c->nfiles; i++) {
		struct fy_node *root = c->files[i].yaml.root, *k = NULL;
		struct fy_node *v = root ? pl_yaml_get(root, "version", &k) : NULL;

		if ((v != NULL || k != NULL) && k != NULL && fy_node_is_scalar(k)) {
			pl_dc_report(ck, &none, k, NULL,
				     "the top-level version is obsolete and ignored");
		}
	}
}

const struct pl_rule rule_dc0016 = {
	.id = "DC0016",
	.name = "obsolete-version",
	.title = "Top-level version is obsolete",
	.severity = PL_SEV_INFO,
	.category = "hygiene",
	.why = "The Compose specification ignores the top-level `version:` key: "
	       "current Compose prints a warning for it and validates against the "
	       "latest schema whatever it says. Keeping it suggests that a file format "
	       "version is in force when none is.",
	.fix = "Delete the `version:` line.",
	.bad = "version: \"3.8\"\n"
	       "services:\n"
	       "  app:\n"
	       "    image: nginx:1.27\n",
	.good = "services:\n"
	       "  app:\n"
	       "    image: nginx:1.27\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/reference/compose-file/version-and-name/",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_COMPOSE,
	.check_compose = check,
};
