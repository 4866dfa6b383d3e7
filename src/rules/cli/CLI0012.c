/*
 * CLI0012 -- an image used without a tag, or with :latest, by docker run, create or
 * pull.
 *
 * A digest (@sha256:...) pins it whatever the tag. Placeholders (<image>, $IMAGE,
 * {{ .Image }}, IMAGE) are not judged, nor an image that a `docker build -t` of the same
 * file tags (a local image). Reported for one-off tool runs too: the tool that runs is
 * whatever was last pushed.
 */
#include "core/str.h"
#include "rules/cli/util.h"

/* Whether IMAGE is tagged by a docker build of the same file ("docker build -t app ."
 * then "docker run app"): a local image, not one pulled from a registry. */
static bool
built_here(const struct pl_script *s, const char *image)
{
	size_t n = strlen(image);

	if (n > 7 && strcmp(image + n - 7, ":latest") == 0) {
		n -= 7;
	}
	for (size_t i = 0; i < s->ncmds; i++) {
		const struct pl_docker_cmd *c = &s->cmds[i];

		for (size_t k = 0; c->verb == PL_DK_BUILD && k < c->nflags; k++) {
			const char *t = c->flags[k].value;
			size_t tn;

			if (strcmp(c->flags[k].name, "tag") != 0 || t == NULL) {
				continue;
			}
			tn = strlen(t);
			if (tn > 7 && strcmp(t + tn - 7, ":latest") == 0) {
				tn -= 7;
			}
			if (tn == n && strncmp(t, image, n) == 0) {
				return true;
			}
		}
	}
	return false;
}

static void
check(struct pl_check *ck, const struct pl_script *s)
{
	for (size_t i = 0; i < s->ncmds; i++) {
		const struct pl_docker_cmd *c = &s->cmds[i];
		const struct pl_script_word *w = c->image;
		const char *t, *slash, *colon;

		if (c->verb == PL_DK_BUILD || w == NULL || c->placeholder ||
		    pl_cli_flag_on(pl_docker_flag(c, "all-tags"))) {
			continue;
		}
		t = w->text;
		if (strchr(t, '@') != NULL || built_here(s, t)) {
			continue;
		}
		slash = strrchr(t, '/');
		colon = strrchr(slash != NULL ? slash : t, ':');
		if (colon == NULL) {
			pl_check_report(ck, w->off, w->end, "image '%s' has no tag: it is whatever "
					"'latest' is when pulled", t);
		} else if (strcmp(colon + 1, "latest") == 0) {
			pl_check_report(ck, w->off, w->end, "image '%s' is pinned to 'latest', "
					"which moves with every release", t);
		}
	}
}

const struct pl_rule rule_cli0012 = {
	.id = "CLI0012",
	.name = "cli-image-unpinned",
	.title = "Image without a tag or with :latest",
	.severity = PL_SEV_MEDIUM,
	.category = "supply-chain",
	.why = "An untagged image is `latest`, and `latest` is whatever was pushed last: the "
	       "same script runs different software from one day to the next, a breaking "
	       "release or a compromised push arrives without review, and a failure cannot "
	       "be reproduced.",
	.fix = "Name a version tag (`nginx:1.27.3`), and for the strongest pin add the "
	       "digest (`nginx:1.27.3@sha256:...`) and update it on purpose.",
	.bad = "docker run -d nginx\n",
	.good = "docker run -d nginx:1.27.3\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/reference/cli/docker/image/pull/#pull-an-image-by-digest-immutable-identifier",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_SCRIPT,
	.check_script = check,
};
