/*
 * fake_catalog.c -- a three-rule catalog for building the output tests without the rule
 * registry: it provides pl_rules, pl_nrules and pl_rule_find as rules/registry.c does.
 * The Meson build never uses it (the tests there link the real catalog); it serves direct
 * compiler builds of tests/out/ while the formats are being worked on.
 */
#include "core/str.h"
#include "engine/rule.h"

#include <string.h>

static const struct pl_rule fake_user = {
	.id = "FK0001",
	.name = "fake-user-root",
	.title = "The final image runs as root",
	.severity = PL_SEV_HIGH,
	.category = "privilege",
	.why = "Root in the container is root on the host kernel.",
	.fix = "Add a USER line. Build stages may stay root.",
	.bad = "FROM alpine:3.19\nCMD [\"sh\"]\n",
	.good = "FROM alpine:3.19\nUSER 10001\nCMD [\"sh\"]\n",
	.refs = (const char *const[]){ "https://docs.docker.com/reference/dockerfile/#user",
				       NULL },
	.peers = (const char *const[]){ "hadolint:DL3002", "trivy:DS-0002", NULL },
	.inputs = PL_IN_DOCKERFILE,
};

static const struct pl_rule fake_secret = {
	.id = "FK0002",
	.name = "fake-secret-env",
	.title = "A secret is set with ENV | ARG",
	.severity = PL_SEV_CRITICAL,
	.category = "secrets",
	.why = "ENV values are stored in the image config for anyone who pulls it.",
	.fix = "Use a build secret: `RUN --mount=type=secret,id=token`.",
	.bad = "FROM alpine:3.19\nENV TOKEN=abc\n",
	.good = "FROM alpine:3.19\nRUN --mount=type=secret,id=token ./build\n",
	.refs = (const char *const[]){ "CIS Docker Benchmark 4.10", NULL },
	.peers = (const char *const[]){ "trivy:DS-0031", NULL },
	.inputs = PL_IN_DOCKERFILE,
};

static const struct pl_rule fake_misc = {
	.id = "FK0003",
	.name = "fake-custom-category",
	.title = "A rule of a category the index does not list",
	.severity = PL_SEV_LOW,
	.category = "zzz-other",
	.why = "It shows where unknown categories go.",
	.fix = "Nothing.",
	.inputs = PL_IN_DOCKERFILE,
};

const struct pl_rule *const pl_rules[] = { &fake_user, &fake_secret, &fake_misc, NULL };

const size_t pl_nrules = sizeof(pl_rules) / sizeof(pl_rules[0]) - 1;

const struct pl_rule *
pl_rule_find(const char *id_or_name)
{
	size_t i;

	for (i = 0; i < pl_nrules; i++) {
		if (pl_streq_ci(pl_rules[i]->id, id_or_name) ||
		    strcmp(pl_rules[i]->name, id_or_name) == 0) {
			return pl_rules[i];
		}
	}
	return NULL;
}
