/*
 * DF0059 -- useradd with a large UID and without -l.
 *
 * Reported: `useradd -u N` (`--uid N`, `--uid=N`, `-uN`) with N of 65536 or more and
 * without -l / --no-log-init. N may come from an ENV or ARG whose value is known.
 * Not reported: UIDs below 65536, whose log records stay small; UIDs whose value is not
 * known; `adduser` (busybox and Debian's wrapper keep no such records for the new user).
 */
#include "core/str.h"
#include "rules/df/util.h"

#include <stdlib.h>
#include <string.h>

/* useradd initialises the user's record in /var/log/lastlog, a sparse file indexed by
 * UID; Docker stores its holes as data. One record is 292 bytes with glibc on 64-bit
 * systems; faillog adds 32 bytes per UID. */
#define RECORD_BYTES 324ULL
#define LARGE_UID 65536ULL

/* The UID operand of useradd command C, or NULL. */
static const struct pl_sh_word *
uid_word(const struct pl_sh_cmd *c, size_t *skip)
{
	*skip = 0;
	for (size_t a = c->prog + 1; a < c->argc; a++) {
		const char *t = c->argv[a].text;

		if ((pl_streq(t, "-u") || pl_streq(t, "--uid")) && a + 1 < c->argc) {
			return &c->argv[a + 1];
		}
		if (strncmp(t, "--uid=", 6) == 0) {
			*skip = 6;
			return &c->argv[a];
		}
		if (strncmp(t, "-u", 2) == 0 && t[2] >= '0' && t[2] <= '9') {
			*skip = 2;
			return &c->argv[a];
		}
	}
	return NULL;
}

static void
check(struct pl_check *ck, const struct pl_df_model *m, size_t i)
{
	const struct pl_sh_script *sc = pl_df_script(m, i);
	struct pl_finding *f;

	for (size_t k = 0; k < sc->ncmds; k++) {
		const struct pl_sh_cmd *c = &sc->cmds[k];
		const struct pl_sh_word *w;
		const char *uid;
		unsigned long long n, mb;
		size_t skip;

		if (!pl_sh_is(c, "useradd") || pl_sh_has_opt(c, "-l") ||
		    pl_sh_has_opt(c, "--no-log-init") || (w = uid_word(c, &skip)) == NULL) {
			continue;
		}
		uid = (w->flags & PL_SHW_EXPANSION) != 0 ? pl_df_expand(m, &m->states[i], w->raw)
							 : w->text;
		if (uid == NULL || strlen(uid) <= skip) {
			continue;
		}
		uid += skip;
		if (strspn(uid, "0123456789") != strlen(uid) || strlen(uid) > 10 ||
		    (n = strtoull(uid, NULL, 10)) < LARGE_UID) {
			continue;
		}
		mb = n * RECORD_BYTES / 1000000ULL;
		f = pl_check_report(ck, c->off, c->end, "useradd with UID %llu and without -l: the "
				    "lastlog and faillog records add about %llu %s to the layer", n,
				    mb >= 1000 ? mb / 1000 : mb, mb >= 1000 ? "GB" : "MB");
		if (f != NULL) {
			f->fix = "Add -l (--no-log-init): `useradd -l -u <uid> ...`.";
		}
	}
}

const struct pl_rule rule_df0059 = {
	.id = "DF0059",
	.name = "useradd-without-l",
	.title = "useradd with a large UID bloats the layer",
	.severity = PL_SEV_LOW,
	.category = "hygiene",
	.why = "useradd writes the new user's records into /var/log/lastlog and "
	       "/var/log/faillog, sparse files indexed by UID. A layer stores the file's holes "
	       "as data, so a UID in the millions, as OpenShift-style ranges use, adds hundreds "
	       "of megabytes or more of zeros to the image, slows every push and pull, and can "
	       "fill the build host's disk.",
	.fix = "Use `useradd -l -u <uid> ...` (--no-log-init), or pick a UID below 65536.",
	.bad = "FROM debian:12.6-slim\nRUN useradd -u 1000000 app\n",
	.good = "FROM debian:12.6-slim\nRUN useradd -l -u 1000000 app\n",
	.refs = (const char *const[]){
		"https://github.com/moby/moby/issues/5419",
		"https://man7.org/linux/man-pages/man8/useradd.8.html",
		NULL },
	.peers = (const char *const[]){ "hadolint:DL3046", NULL },
	.inputs = PL_IN_DOCKERFILE,
	.on_instr = PL_ON(PL_DF_RUN),
	.check_instr = check,
};
