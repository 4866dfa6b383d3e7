/*
 * DF0060 -- FROM with a constant --platform.
 *
 * Reported: `FROM --platform=linux/amd64 ...` with a literal platform.
 * Not reported: `$BUILDPLATFORM`, `$TARGETPLATFORM` or other variables, which is how
 * cross-building stages are meant to be written.
 */
#include "rules/df/util.h"

#include <string.h>

static void
check(struct pl_check *ck, const struct pl_df_model *m, size_t i)
{
	const struct pl_df_instr *in = &m->file->instrs[i];
	const struct pl_df_word *w = NULL;
	const char *plat = pl_df_flag(in, "platform", &w);
	struct pl_finding *f;

	if (plat == NULL || plat[0] == '\0' || strchr(plat, '$') != NULL) {
		return;
	}
	f = pl_check_report(ck, w->off, w->end, "FROM pins the platform to '%s': builds for "
			    "other platforms get this one", plat);
	if (f != NULL) {
		f->fix = "Drop --platform, or use --platform=$BUILDPLATFORM for a stage that "
			 "only builds and --platform=$TARGETPLATFORM where the target matters.";
	}
}

const struct pl_rule rule_df0060 = {
	.id = "DF0060",
	.name = "from-platform-hardcoded",
	.title = "FROM names a fixed --platform",
	.severity = PL_SEV_INFO,
	.category = "runtime",
	.why = "A literal --platform in FROM overrides the platform the build was asked for: "
	       "an arm64 build silently ships amd64 binaries that run only under emulation, "
	       "slowly, or not at all.",
	.fix = "Let the builder choose: remove --platform, or write "
	       "--platform=$BUILDPLATFORM / $TARGETPLATFORM.",
	.bad = "FROM --platform=linux/amd64 node:20.11.1\n",
	.good = "FROM --platform=$BUILDPLATFORM node:20.11.1\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/build/building/multi-platform/", NULL },
	.peers = (const char *const[]){ "hadolint:DL3029", NULL },
	.inputs = PL_IN_DOCKERFILE,
	.on_instr = PL_ON(PL_DF_FROM),
	.check_instr = check,
};
