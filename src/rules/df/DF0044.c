/*
 * DF0044 -- apt package lists are left in the image.
 *
 * Reported: in a stage whose layers are shipped (the final stage or a stage it builds
 * FROM), a RUN that runs `apt-get update` (or `apt update`) and does not remove
 * /var/lib/apt/lists after it in the same RUN (rm -rf of the directory or of its
 * contents, or `find /var/lib/apt/lists ... -delete`), at the first update of the RUN.
 * Not reported: build stages whose layers are not shipped; RUNs with a cache or tmpfs
 * mount on /var/lib/apt or /var/lib/apt/lists; `apt-get dist-clean` (apt 2.7 and later),
 * which removes the lists too. Removal in a later RUN does not help and does not silence
 * the rule: the lists stay in the earlier layer. `apt-get clean` does not count either:
 * it empties /var/cache/apt, not the lists.
 */
#include "rules/df/hygiene_util.h"
#include "rules/df/util.h"

#include <string.h>

#define LISTS "/var/lib/apt/lists"

static const char *const apt[] = { "apt-get", "apt", NULL };

static void
check(struct pl_check *ck, const struct pl_df_model *m, size_t i)
{
	static const char *const update[] = { "update", NULL };
	static const char *const dist_clean[] = { "dist-clean", NULL };
	const struct pl_sh_script *sc = pl_df_script(m, i);
	const struct pl_sh_cmd *first = NULL;
	size_t k, sub, last = 0;
	struct pl_finding *f;

	if (!pl_hyg_shipped(m, i)) {
		return;
	}
	for (k = 0; k < sc->ncmds; k++) {
		if (pl_hyg_runs(&sc->cmds[k], apt, update, &sub)) {
			first = first != NULL ? first : &sc->cmds[k];
			last = k;
		}
	}
	if (first == NULL || pl_hyg_mount_covers(m, i, LISTS) ||
	    pl_hyg_removed_after(m, i, last, LISTS)) {
		return;
	}
	for (k = last + 1; k < sc->ncmds; k++) {
		if (pl_hyg_runs(&sc->cmds[k], apt, dist_clean, &sub)) {
			return;
		}
	}
	f = pl_check_report(ck, first->off, first->end, "%s update leaves the package lists in "
			    "this layer: the same RUN does not remove " LISTS, first->prog_name);
	if (f != NULL) {
		f->fix = "End the same RUN with `&& rm -rf /var/lib/apt/lists/*` (after the last "
			 "apt-get command), or mount them as a cache "
			 "(`RUN --mount=type=cache,target=/var/lib/apt ...`).";
	}
}

const struct pl_rule rule_df0044 = {
	.id = "DF0044",
	.name = "apt-lists-kept",
	.title = "apt package lists are left in the image",
	.severity = PL_SEV_LOW,
	.category = "hygiene",
	.why = "apt-get update downloads the package indexes of every configured repository "
	       "into /var/lib/apt/lists, often tens of megabytes. Unless the same RUN deletes "
	       "them, they are committed to that layer and shipped with every pull of the "
	       "image, although nothing uses them at run time; deleting them in a later RUN "
	       "only hides them, the earlier layer still carries them. They also describe the "
	       "repositories as they were on the build day, so a later `apt-get install` in a "
	       "derived image or a running container works from stale data.",
	.fix = "Update, install and clean up in one RUN: `apt-get update && apt-get install -y "
	       "--no-install-recommends <packages> && rm -rf /var/lib/apt/lists/*`. With "
	       "BuildKit, a cache mount on /var/lib/apt keeps the lists out of the image "
	       "altogether and reuses them between builds.",
	.bad = "FROM debian:12.6-slim\n"
	       "RUN apt-get update && apt-get install -y --no-install-recommends "
	       "curl=7.88.1-10+deb12u8\n",
	.good = "FROM debian:12.6-slim\n"
		"RUN apt-get update && apt-get install -y --no-install-recommends "
		"curl=7.88.1-10+deb12u8 \\\n"
		" && rm -rf /var/lib/apt/lists/*\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/build/building/best-practices/#apt-get",
		"https://docs.docker.com/build/cache/optimize/#use-cache-mounts",
		NULL },
	.peers = (const char *const[]){ "hadolint:DL3009",
					 "kics:Apt Get Install Lists Were Not Deleted", NULL },
	.inputs = PL_IN_DOCKERFILE,
	.on_instr = PL_ON(PL_DF_RUN),
	.check_instr = check,
};
