/*
 * DF0045 -- apk keeps its package index in the image.
 *
 * Reported: in a stage whose layers are shipped, the first command of a RUN that makes
 * apk download the repository index into /var/cache/apk: `apk update`, or `apk add` /
 * `apk upgrade` without --no-cache, when the same RUN does not remove /var/cache/apk
 * afterwards. One finding per RUN; the edit adds --no-cache to a reported `apk add`.
 * Not reported: build stages whose layers are not shipped; cache or tmpfs mounts on
 * /var/cache/apk; `--no-network`, which reads only what is already there.
 */
#include "core/str.h"
#include "rules/df/hygiene_util.h"
#include "rules/df/util.h"

#include <string.h>

#define CACHE "/var/cache/apk"

static void
check(struct pl_check *ck, const struct pl_df_model *m, size_t i)
{
	static const char *const apk[] = { "apk", NULL };
	static const char *const subs[] = { "add", "update", "upgrade", NULL };
	const struct pl_df_instr *in = &m->file->instrs[i];
	const struct pl_sh_script *sc = pl_df_script(m, i);
	const struct pl_sh_cmd *first = NULL;
	size_t k, sub, first_sub = 0, last = 0;
	struct pl_finding *f;
	const char *verb;

	if (!pl_hyg_shipped(m, i) || pl_hyg_mount_covers(m, i, CACHE)) {
		return;
	}
	for (k = 0; k < sc->ncmds; k++) {
		const struct pl_sh_cmd *c = &sc->cmds[k];

		if (!pl_hyg_runs(c, apk, subs, &sub) || pl_sh_has_opt(c, "--no-network") ||
		    (strcmp(c->argv[sub].text, "update") != 0 && pl_sh_has_opt(c, "--no-cache"))) {
			continue;
		}
		if (first == NULL) {
			first = c;
			first_sub = sub;
		}
		last = k;
	}
	if (first == NULL || pl_hyg_removed_after(m, i, last, CACHE)) {
		return;
	}
	verb = first->argv[first_sub].text;
	if (pl_streq(verb, "update")) {
		f = pl_check_report(ck, first->off, first->end, "apk update stores the package "
				    "index in " CACHE ", which this layer keeps");
		if (f != NULL) {
			f->fix = "Drop `apk update` and install with `apk add --no-cache ...`, "
				 "which fetches a fresh index and keeps none.";
		}
		return;
	}
	f = pl_check_report(ck, first->off, first->end, "apk %s without --no-cache stores the "
			    "package index in " CACHE ", which this layer keeps", verb);
	if (f == NULL) {
		return;
	}
	f->fix = pl_check_printf(ck, "Use `apk %s --no-cache ...`.", verb);
	if (pl_hyg_can_edit(in, first)) {
		struct pl_edit *e = pl_arena_alloc(&ck->r->arena, sizeof(*e));

		e->off = e->end = first->argv[first_sub].end;
		e->replacement = " --no-cache";
		f->edit = e;
	}
}

const struct pl_rule rule_df0045 = {
	.id = "DF0045",
	.name = "apk-cache-kept",
	.title = "apk keeps its package index in the image",
	.severity = PL_SEV_LOW,
	.category = "hygiene",
	.why = "Without --no-cache, apk downloads the repository index (APKINDEX files, "
	       "several megabytes per repository) into /var/cache/apk and leaves it there. "
	       "Committed to the layer, it is shipped with every pull of the image for no use "
	       "at run time, and it describes the repositories as they were on the build day.",
	.fix = "Use `apk add --no-cache <packages>`: it fetches a fresh index, installs and "
	       "keeps nothing. Drop separate `apk update` steps; if one is needed, end the "
	       "same RUN with `rm -rf /var/cache/apk/*`, or use a BuildKit cache mount on "
	       "/var/cache/apk.",
	.bad = "FROM alpine:3.20.3\nRUN apk add curl=8.9.1-r1\n",
	.good = "FROM alpine:3.20.3\nRUN apk add --no-cache curl=8.9.1-r1\n",
	.refs = (const char *const[]){
		"https://wiki.alpinelinux.org/wiki/Alpine_Package_Keeper",
		"https://docs.docker.com/build/building/best-practices/#run",
		NULL },
	.peers = (const char *const[]){ "hadolint:DL3019", "trivy:DS-0025",
					 "kics:Apk Add Using Local Cache Path", NULL },
	.inputs = PL_IN_DOCKERFILE,
	.on_instr = PL_ON(PL_DF_RUN),
	.check_instr = check,
};
