/*
 * DC0013.c -- service image is untagged or :latest.
 */
#include "core/str.h"
#include "rules/dc/util.h"
#include "rules/df/util.h"

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
			continue; /* built here, interpolated, or pinned by digest */
		}
		slash = strrchr(img, '/');
		colon = strrchr(slash != NULL ? slash : img, ':');
		if (colon == NULL) {
			pl_dc_report(ck, s, n, NULL, "service '%s' runs image '%s' with no tag: "
				     "it means latest", s->name, img);
		} else if (strcmp(colon + 1, "latest") == 0) {
			pl_dc_report(ck, s, n, NULL, "service '%s' runs image '%s': latest moves "
				     "with every release", s->name, img);
		}
	}
}

const struct pl_rule rule_dc0013 = {
	.id = "DC0013",
	.name = "image-unpinned",
	.title = "Service image is untagged or :latest",
	.severity = PL_SEV_MEDIUM,
	.category = "supply-chain",
	.why = "An image without a tag, or tagged `latest`, is whatever the registry "
	       "serves on the day of the pull: two hosts running the same Compose file "
	       "can run different software, an upstream release can break or "
	       "compromise the service without any change in the repository, and a "
	       "rollback has nothing to roll back to.",
	.fix = "Pin a version tag (`postgres:16.4`), and for production a digest "
	       "(`postgres:16.4@sha256:...`), updated by a tool such as Renovate or "
	       "Dependabot.",
	.bad = "services:\n"
	       "  cache:\n"
	       "    image: redis:latest\n",
	.good = "services:\n"
	       "  cache:\n"
	       "    image: redis:7.4.1\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/reference/compose-file/services/#image",
		"https://docs.docker.com/reference/cli/docker/image/pull/#pull-an-image-by-digest-immutable-identifier",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_COMPOSE,
	.check_compose = check,
};
