/*
 * DF0050 -- a package index update in a RUN of its own.
 *
 * Reported: a RUN whose commands only refresh a package index -- `apt-get update`,
 * `apt update`, `apk update`, `yum makecache`, `dnf makecache`, `zypper refresh` / `ref`
 * -- when a later RUN of the same stage, or of a stage built FROM it, installs packages
 * with the same package manager. `set`, `echo`, `true` and `:` around the update do not
 * count as other work.
 * Not reported: an update followed by an install in the same RUN; an update that no
 * later RUN uses (pointless, but not stale); a RUN that also does anything else.
 */
#include "rules/df/hygiene_util.h"
#include "rules/df/util.h"

#include <string.h>

enum family { NONE, APT, APK, RPM, ZYPP, NFAMILIES };

/* The package manager whose index command C refreshes, or NONE; *SUB gets the index of
 * its subcommand. */
static enum family
refreshes(const struct pl_sh_cmd *c, size_t *sub)
{
	static const char *const apt[] = { "apt-get", "apt", NULL };
	static const char *const apk[] = { "apk", NULL };
	static const char *const rpm[] = { "yum", "dnf", "microdnf", NULL };
	static const char *const zypp[] = { "zypper", NULL };
	static const char *const update[] = { "update", NULL };
	static const char *const makecache[] = { "makecache", NULL };
	static const char *const refresh[] = { "refresh", "ref", NULL };

	if (pl_hyg_runs(c, apt, update, sub)) {
		return APT;
	}
	if (pl_hyg_runs(c, apk, update, sub)) {
		return APK;
	}
	if (pl_hyg_runs(c, rpm, makecache, sub)) {
		return RPM;
	}
	return pl_hyg_runs(c, zypp, refresh, sub) ? ZYPP : NONE;
}

/* The package manager that command C installs packages with, or NONE. */
static enum family
installs(const struct pl_sh_cmd *c)
{
	static const char *const apt[] = { "apt-get", "apt", NULL };
	static const char *const apt_subs[] = { "install", "upgrade", "dist-upgrade",
						"full-upgrade", "reinstall", NULL };
	static const char *const apk[] = { "apk", NULL };
	static const char *const apk_subs[] = { "add", "upgrade", NULL };
	static const char *const rpm[] = { "yum", "dnf", "microdnf", NULL };
	static const char *const rpm_subs[] = { "install", "in", "groupinstall", "reinstall",
						"update", "upgrade", NULL };
	static const char *const zypp[] = { "zypper", NULL };
	static const char *const zypp_subs[] = { "install", "in", "update", "up",
						 "dist-upgrade", "dup", "patch", NULL };
	size_t sub;

	if (pl_hyg_runs(c, apt, apt_subs, &sub)) {
		return APT;
	}
	if (pl_hyg_runs(c, apk, apk_subs, &sub)) {
		return APK;
	}
	if (pl_hyg_runs(c, rpm, rpm_subs, &sub)) {
		return RPM;
	}
	return pl_hyg_runs(c, zypp, zypp_subs, &sub) ? ZYPP : NONE;
}

/* Commands that do no work of their own next to an update. */
static bool
neutral(const struct pl_sh_cmd *c)
{
	static const char *const progs[] = { "set", "echo", "true", ":", NULL };

	if (c->argc == 0) {
		return true;
	}
	for (const char *const *p = progs; *p != NULL; p++) {
		if (pl_sh_is(c, *p)) {
			return true;
		}
	}
	return false;
}

/* The package-manager families that RUN I installs with, as bits. */
static unsigned
install_bits(const struct pl_df_model *m, size_t i)
{
	const struct pl_sh_script *sc = pl_df_script(m, i);
	unsigned bits = 0;

	for (size_t k = 0; k < sc->ncmds; k++) {
		bits |= 1u << installs(&sc->cmds[k]);
	}
	return bits & ~(1u << NONE);
}

/* When RUN I only refreshes an index, its family and the refresh command. */
static enum family
alone_update(const struct pl_df_model *m, size_t i, const struct pl_sh_cmd **update,
	     size_t *update_sub)
{
	const struct pl_sh_script *sc = pl_df_script(m, i);
	enum family fam = NONE;
	size_t sub;

	*update = NULL;
	for (size_t k = 0; k < sc->ncmds; k++) {
		const struct pl_sh_cmd *c = &sc->cmds[k];
		enum family r = refreshes(c, &sub);

		if (r == NONE && neutral(c)) {
			continue;
		}
		if (r == NONE || (fam != NONE && r != fam)) {
			return NONE;
		}
		fam = r;
		if (*update == NULL) {
			*update = c;
			*update_sub = sub;
		}
	}
	return fam;
}

static void
report(struct pl_check *ck, const struct pl_df_model *m, const struct pl_sh_cmd *update,
       size_t update_sub, long at)
{
	struct pl_finding *f;

	f = pl_check_report(ck, update->off, update->end, "%s %s in a RUN of its own: the install "
			    "on line %u reuses this cached layer and its index, however old",
			    update->prog_name, update->argv[update_sub].text,
			    m->file->instrs[at].start_line);
	if (f != NULL) {
		f->fix = "Refresh the index in the same RUN as the install, for example `RUN "
			 "apt-get update && apt-get install -y ... && rm -rf "
			 "/var/lib/apt/lists/*`, and delete this RUN.";
	}
}

/*
 * Linear in the file. LATER[s][f] is the first install with family F in a stage built
 * FROM stage S, directly or not: each stage's first install is folded into its base,
 * from the last stage to the first (a base always comes before the stages built on it).
 * Then, walking backwards, NEXT[s][f] is the next install of stage S after the current
 * instruction.
 */
static void
check(struct pl_check *ck, const struct pl_df_model *m)
{
	size_t ns = m->nstages, n = m->file->ninstrs;
	long (*next)[NFAMILIES], (*later)[NFAMILIES];

	if (ns == 0) {
		return;
	}
	next = pl_arena_alloc(m->arena, ns * sizeof(*next));
	later = pl_arena_alloc(m->arena, ns * sizeof(*later));
	for (size_t s = 0; s < ns; s++) {
		for (int fam = 0; fam < NFAMILIES; fam++) {
			next[s][fam] = later[s][fam] = -1;
		}
	}
	for (size_t i = n; i-- > 0;) {
		const struct pl_stage *st = pl_df_stage_of(m, i);
		unsigned bits;

		if (st == NULL || m->file->instrs[i].kind != PL_DF_RUN) {
			continue;
		}
		bits = install_bits(m, i);
		for (int fam = 0; fam < NFAMILIES; fam++) {
			if (bits & (1u << fam)) {
				next[st->index][fam] = (long)i;
			}
		}
	}
	/* NEXT now holds each stage's first install; fold it into the bases' LATER. */
	for (size_t s = ns; s-- > 0;) {
		int base = m->stages[s].base.stage;

		if (base < 0 || (size_t)base >= s) {
			continue;
		}
		for (int fam = 0; fam < NFAMILIES; fam++) {
			long own = next[s][fam], sub = later[s][fam];
			long first = own < 0 ? sub : (sub < 0 || own < sub ? own : sub);

			if (first >= 0 && (later[base][fam] < 0 || first < later[base][fam])) {
				later[base][fam] = first;
			}
		}
	}
	for (size_t s = 0; s < ns; s++) {
		for (int fam = 0; fam < NFAMILIES; fam++) {
			next[s][fam] = -1;
		}
	}
	for (size_t i = n; i-- > 0;) {
		const struct pl_stage *st = pl_df_stage_of(m, i);
		const struct pl_sh_cmd *update;
		size_t update_sub = 0;
		enum family fam;
		unsigned bits;
		long at;

		if (st == NULL || m->file->instrs[i].kind != PL_DF_RUN) {
			continue;
		}
		fam = alone_update(m, i, &update, &update_sub);
		if (fam != NONE && update != NULL) {
			at = next[st->index][fam];
			at = at >= 0 ? at : later[st->index][fam];
			if (at >= 0) {
				report(ck, m, update, update_sub, at);
			}
		}
		bits = install_bits(m, i);
		for (int g = 0; g < NFAMILIES; g++) {
			if (bits & (1u << g)) {
				next[st->index][g] = (long)i;
			}
		}
	}
}

const struct pl_rule rule_df0050 = {
	.id = "DF0050",
	.name = "update-alone",
	.title = "Package index update runs in a RUN of its own",
	.severity = PL_SEV_MEDIUM,
	.category = "hygiene",
	.why = "Docker caches each RUN as a layer, keyed on its text. An index update alone in "
	       "its RUN never changes, so it is taken from the cache on every build, and a "
	       "later RUN that installs packages works from an index as old as that cache "
	       "entry: packages the mirrors have since removed fail the build, and security "
	       "updates published after it are silently missed.",
	.fix = "Refresh the index in the same RUN as the install and clean up there too: `RUN "
	       "apt-get update && apt-get install -y --no-install-recommends <packages> && rm "
	       "-rf /var/lib/apt/lists/*`; with apk, `apk add --no-cache` needs no separate "
	       "update at all.",
	.bad = "FROM debian:12.6-slim\nRUN apt-get update\n"
	       "RUN apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8 "
	       "&& rm -rf /var/lib/apt/lists/*\n",
	.good = "FROM debian:12.6-slim\n"
		"RUN apt-get update && apt-get install -y --no-install-recommends "
		"curl=7.88.1-10+deb12u8 && rm -rf /var/lib/apt/lists/*\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/build/building/best-practices/#apt-get",
		"CIS Docker Benchmark 4.7: Ensure update instructions are not used alone in "
		"Dockerfiles",
		NULL },
	.peers = (const char *const[]){ "trivy:DS-0017", "checkov:CKV_DOCKER_5",
					 "kics:Update Instruction Alone", NULL },
	.inputs = PL_IN_DOCKERFILE,
	.check_doc = check,
};
