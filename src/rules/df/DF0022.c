/*
 * DF0022 -- cd in RUN where WORKDIR belongs.
 *
 * Reported: `cd DIR` as a command of a RUN at its top level.
 * Not reported: `cd` inside a subshell or group (`(cd sub && make)`), which is scoped on
 * purpose; `cd -`; cd inside command substitutions; and the build-from-source pattern that
 * WORKDIR cannot express: into a scratch folder (/tmp, /var/tmp, /usr/src, /usr/local/src,
 * a folder named by a variable or `$(mktemp -d)`), back out (`cd /`, `cd ..`, `cd ~`),
 * into a folder the same RUN made or unpacked (mkdir, tar, unzip, git clone before it),
 * or further down relative to an earlier cd of the same RUN.
 */
#include "core/str.h"
#include "rules/df/util.h"

#include <string.h>

/* A folder a build works in and leaves: scratch space, a variable's value, the way out. */
static bool
scratch(const char *t)
{
	static const char *const roots[] = { "/tmp", "/var/tmp", "/usr/src", "/usr/local/src",
					     NULL };

	if (strchr(t, '$') != NULL || pl_streq(t, "/") || pl_streq(t, "..") ||
	    pl_starts_with(t, "../") || t[0] == '~') {
		return true;
	}
	for (const char *const *r = roots; *r != NULL; r++) {
		size_t n = strlen(*r);

		if (strncmp(t, *r, n) == 0 && (t[n] == '\0' || t[n] == '/')) {
			return true;
		}
	}
	return false;
}

/* Whether a command of SC before K makes or unpacks folders, or changes directory. */
static bool
prepared(const struct pl_sh_script *sc, size_t k, const char *target)
{
	static const char *const makers[] = { "mkdir", "tar", "unzip", "git", "bsdtar", NULL };

	for (size_t j = 0; j < k; j++) {
		const struct pl_sh_cmd *c = &sc->cmds[j];

		if (pl_sh_is(c, "cd") && target[0] != '/') {
			return true; /* further down from an earlier cd */
		}
		for (const char *const *mk = makers; *mk != NULL; mk++) {
			if (pl_sh_is(c, *mk)) {
				return true;
			}
		}
	}
	return false;
}

static void
check(struct pl_check *ck, const struct pl_df_model *m, size_t i)
{
	const struct pl_sh_script *sc = pl_df_script(m, i);
	struct pl_finding *f;
	size_t k;

	for (k = 0; k < sc->ncmds; k++) {
		const struct pl_sh_cmd *c = &sc->cmds[k];

		if (c->depth != 0 || !pl_sh_is(c, "cd") || c->argc < c->prog + 2 ||
		    pl_streq(c->argv[c->prog + 1].text, "-")) {
			continue;
		}
		if (scratch(c->argv[c->prog + 1].text) ||
		    (c->argv[c->prog + 1].flags & PL_SHW_EXPANSION) != 0 ||
		    prepared(sc, k, c->argv[c->prog + 1].text)) {
			continue;
		}
		f = pl_check_report(ck, c->off, c->end, "cd in RUN changes the directory for this "
				    "step only; WORKDIR makes it explicit for every later one");
		if (f != NULL) {
			f->fix = pl_check_printf(ck, "Use `WORKDIR %s` before the RUN, or scope the "
						 "change in a subshell: `(cd %s && ...)`.",
						 c->argv[c->prog + 1].text,
						 c->argv[c->prog + 1].text);
		}
	}
}

const struct pl_rule rule_df0022 = {
	.id = "DF0022",
	.name = "run-cd",
	.title = "RUN uses cd where WORKDIR belongs",
	.severity = PL_SEV_INFO,
	.category = "runtime",
	.why = "A cd lasts only until the end of its RUN, so the next instruction silently runs "
	       "in the previous directory again; chains of `cd` are a common source of files "
	       "written to the wrong place and of steps that work only in one order. WORKDIR "
	       "states the directory once, for every later instruction and for the container.",
	.fix = "Set the directory with WORKDIR (`WORKDIR /app`), or keep a temporary change "
	       "inside a subshell: `(cd vendor && make)`.",
	.bad = "FROM golang:1.22.5\nRUN cd /src && go build ./...\n",
	.good = "FROM golang:1.22.5\nWORKDIR /src\nRUN go build ./...\n",
	.refs = (const char *const[]){ "https://docs.docker.com/reference/dockerfile/#workdir",
				       NULL },
	.peers = (const char *const[]){ "hadolint:DL3003", "trivy:DS-0013", NULL },
	.inputs = PL_IN_DOCKERFILE,
	.on_instr = PL_ON(PL_DF_RUN),
	.check_instr = check,
};
