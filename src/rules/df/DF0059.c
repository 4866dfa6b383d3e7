/*
 * DF0059 -- useradd with a large UID and without -l.
 *
 * Reported: `useradd -u N` (or --uid N) with N of 65536 or more, without -l /
 * --no-log-init.
 * Not reported: small UIDs, and UIDs from variables whose value is not known.
 */
#include "rules/df/util.h"

#include <stdlib.h>
#include <string.h>

static void
check(struct pl_check *ck, const struct pl_df_model *m, size_t i)
{
	const struct pl_sh_script *sc = pl_df_script(m, i);
	struct pl_finding *f;
	size_t k, a;

	for (k = 0; k < sc->ncmds; k++) {
		const struct pl_sh_cmd *c = &sc->cmds[k];
		const char *uid = NULL;

		if (!pl_sh_is(c, "useradd") || pl_sh_has_opt(c, "-l") ||
		    pl_sh_has_opt(c, "--no-log-init")) {
			continue;
		}
		for (a = c->prog + 1; a < c->argc; a++) {
			const char *t = c->argv[a].text;

			if ((strcmp(t, "-u") == 0 || strcmp(t, "--uid") == 0) && a + 1 < c->argc) {
				uid = c->argv[a + 1].text;
			} else if (strncmp(t, "--uid=", 6) == 0) {
				uid = t + 6;
			}
		}
		/* Below 65536 the sparse faillog/lastlog files stay small. */
		if (uid == NULL || strspn(uid, "0123456789") != strlen(uid) ||
		    strtoul(uid, NULL, 10) < 65536) {
			continue;
		}
		f = pl_check_report(ck, c->off, c->end, "useradd with UID %s and without -l: the "
				    "lastlog and faillog files grow to gigabytes", uid);
		if (f != NULL) {
			f->fix = "Add -l (--no-log-init) to useradd.";
		}
	}
}

const struct pl_rule rule_df0059 = {
	.id = "DF0059",
	.name = "useradd-without-l",
	.title = "useradd with a large UID fills the log databases",
	.severity = PL_SEV_LOW,
	.category = "hygiene",
	.why = "useradd records the new user in /var/log/lastlog and faillog, sparse files "
	       "indexed by UID. With a large UID they become gigabytes in the layer, which "
	       "export and some storage drivers write out in full, slowing or breaking builds.",
	.fix = "Use `useradd -l -u <uid> ...` (--no-log-init).",
	.bad = "FROM debian:12.6-slim\nRUN useradd -u 1000000 app\n",
	.good = "FROM debian:12.6-slim\nRUN useradd -l -u 1000000 app\n",
	.refs = (const char *const[]){ "https://github.com/moby/moby/issues/5419", NULL },
	.peers = (const char *const[]){ "hadolint:DL3046", NULL },
	.inputs = PL_IN_DOCKERFILE,
	.on_instr = PL_ON(PL_DF_RUN),
	.check_instr = check,
};
