/*
 * DF0060 -- FROM pins a constant --platform.
 *
 * Reported: `FROM --platform=linux/amd64 ...` with a literal platform.
 * Not reported: platforms from variables (`$BUILDPLATFORM`, `$TARGETPLATFORM`, or an ARG
 * the builder can set), which is how cross-building stages are written; stages whose
 * name mentions the platform's OS or architecture (`AS build-arm64`), which are
 * per-platform on purpose.
 */
#include "rules/df/util.h"

#include <string.h>

/* The OS or architecture part of PLAT ("linux/arm64/v8") appears in stage NAME. */
static bool
name_mentions(const char *name, const char *plat)
{
	char part[64];

	if (name == NULL) {
		return false;
	}
	for (int field = 0; field < 2 && *plat != '\0'; field++) {
		size_t n = strcspn(plat, "/");

		if (n > 0 && n < sizeof(part)) {
			memcpy(part, plat, n);
			part[n] = '\0';
			if (strstr(name, part) != NULL) {
				return true;
			}
		}
		plat += n + (plat[n] == '/');
	}
	return false;
}

static void
check(struct pl_check *ck, const struct pl_df_model *m, size_t i)
{
	const struct pl_df_instr *in = &m->file->instrs[i];
	const struct pl_stage *st = pl_df_stage_of(m, i);
	const struct pl_df_word *w = NULL;
	const char *plat = pl_df_flag(in, "platform", &w);
	struct pl_finding *f;

	if (st == NULL || plat == NULL || w == NULL || plat[0] == '\0' ||
	    strchr(plat, '$') != NULL || name_mentions(st->name, plat)) {
		return;
	}
	f = pl_check_report(ck, w->off, w->end, "FROM pins the platform to '%s': a build for "
			    "any other platform still gets this one", plat);
	if (f != NULL) {
		f->fix = "Drop --platform, or use --platform=$BUILDPLATFORM for a stage that only "
			 "builds (and cross-compiles for $TARGETPLATFORM).";
	}
}

const struct pl_rule rule_df0060 = {
	.id = "DF0060",
	.name = "from-platform-hardcoded",
	.title = "FROM names a fixed --platform",
	.severity = PL_SEV_INFO,
	.category = "runtime",
	.why = "A literal --platform in FROM overrides the platform the build was asked for. A "
	       "multi-platform build then ships the same architecture under every platform of "
	       "the manifest, and an arm64 host runs amd64 binaries under emulation, slowly, "
	       "or not at all; nothing in the build output says so.",
	.fix = "Let the builder choose: remove --platform, or write --platform=$BUILDPLATFORM "
	       "for stages that only compile and cross-compile for $TARGETPLATFORM. If a stage "
	       "must run on one architecture, name it after it (`AS tools-amd64`).",
	.bad = "FROM --platform=linux/amd64 node:20.11.1\n",
	.good = "FROM --platform=$BUILDPLATFORM node:20.11.1\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/build/building/multi-platform/",
		"https://docs.docker.com/reference/build-checks/from-platform-flag-const-disallowed/",
		NULL },
	.peers = (const char *const[]){ "hadolint:DL3029",
					 "kics:Using Platform Flag with FROM Command", NULL },
	.inputs = PL_IN_DOCKERFILE,
	.on_instr = PL_ON(PL_DF_FROM),
	.check_instr = check,
};
