/*
 * DC0017.c -- service runs as root: no `user:` and its Dockerfile sets no non-root USER.
 *
 * Decided with the image's facts: only services that build from a Dockerfile on disk are
 * judged, since the default user of a pulled image is not known before pulling it; and
 * when that Dockerfile is one of the scan's inputs, DF0001 reports it there, where the
 * USER belongs, instead.
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
		const struct pl_compose_image *img;
		struct fy_node *user = pl_compose_get(s, "user", NULL);

		if (user != NULL) {
			const char *u = pl_compose_str(c, user);

			if (u != NULL && (pl_streq(u, "root") || pl_streq(u, "0") ||
					  pl_starts_with(u, "0:") || pl_starts_with(u, "root:"))) {
				pl_dc_report(ck, s, user, NULL, "service '%s' runs as root (user: %s)",
					     s->name, u);
			}
			continue;
		}
		img = pl_compose_image(c, s);
		/* A Dockerfile of the same scan reports its root user itself (DF0001). */
		if (img != NULL && img->known && img->user_known && img->root && !img->in_scan) {
			struct fy_node *key, *build = pl_compose_get(s, "build", &key);

			pl_dc_report(ck, s, build, key,
				     "service '%s' sets no user and its image runs as root: %s sets "
				     "no non-root USER", s->name, img->dockerfile);
		}
	}
}

const struct pl_rule rule_dc0017 = {
	.id = "DC0017",
	.name = "service-runs-as-root",
	.title = "Service runs as root",
	.severity = PL_SEV_MEDIUM,
	.category = "privilege",
	.why = "A process that runs as root in the container is root on the host as soon "
	       "as it escapes: through a kernel bug, a mounted socket or a writable host "
	       "path. It can also rewrite its own binaries and install tools an attacker "
	       "needs. `user: root` says so explicitly; a service with no `user:` runs as "
	       "its image's user, and the Dockerfile of this service sets no non-root "
	       "USER.",
	.fix = "Create a user in the Dockerfile and end its final stage with `USER 10001`, "
	       "or set `user: \"10001:10001\"` on the service (its files must then be "
	       "readable by that user).",
	.bad = "services:\n"
	       "  api:\n"
	       "    image: ghcr.io/acme/api:1.4.2\n"
	       "    user: root\n",
	.good = "services:\n"
		"  api:\n"
		"    image: ghcr.io/acme/api:1.4.2\n"
		"    user: \"10001:10001\"\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/reference/compose-file/services/#user",
		"https://docs.docker.com/reference/dockerfile/#user",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_COMPOSE,
	.check_compose = check,
};
