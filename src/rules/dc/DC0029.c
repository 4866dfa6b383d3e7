/*
 * DC0029.c -- service image is pinned by tag but not by digest.
 */
#include "core/str.h"
#include "rules/dc/util.h"

#include <stdio.h>
#include <string.h>

static void
check(struct pl_check *ck, const struct pl_compose *c)
{
	for (size_t i = 0; i < c->nservices; i++) {
		const struct pl_compose_service *s = &c->services[i];
		struct fy_node *n;
		const char *img = pl_dc_image(c, s, &n), *slash, *colon;

		if (img == NULL || strchr(img, '$') != NULL || strchr(img, '@') != NULL) {
			continue;
		}
		slash = strrchr(img, '/');
		colon = strrchr(slash != NULL ? slash : img, ':');
		/* No tag or :latest is DC0013's. */
		if (colon == NULL || strcmp(colon + 1, "latest") == 0) {
			continue;
		}
		pl_dc_report(ck, s, n, NULL, "service '%s' runs image '%s' by tag only: the tag "
			     "can be moved to different content", s->name, img);
	}
}

const struct pl_rule rule_dc0029 = {
	.id = "DC0029",
	.name = "image-not-digest-pinned",
	.title = "Service image is pinned by tag but not by digest",
	.severity = PL_SEV_INFO,
	.category = "supply-chain",
	.why = "A tag is a name that its owner, or anyone who takes over the account or "
	       "the registry path, can point at new content; `postgres:16.4` is rebuilt "
	       "for every Debian update. A digest names the exact bytes: the same image "
	       "runs in review, in CI and in production, and a replaced image is refused.",
	.fix = "Add the digest after the tag: `postgres:16.4@sha256:<digest>` (from "
	       "`docker buildx imagetools inspect postgres:16.4`), and let an update bot "
	       "such as Renovate or Dependabot refresh it.",
	.bad = "services:\n"
	       "  db:\n"
	       "    image: postgres:16.4\n",
	.good = "services:\n"
		"  db:\n"
		"    image: postgres:16.4@sha256:"
		"4c9d8e7b0a1f2e3d4c5b6a79881726354453627180f9e8d7c6b5a4938271605f\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/reference/compose-file/services/#image",
		"https://docs.docker.com/dhi/core-concepts/digests/",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_COMPOSE,
	.check_compose = check,
};
