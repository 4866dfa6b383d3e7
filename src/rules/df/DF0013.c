/*
 * DF0013 -- files or directories made writable by everyone.
 *
 * Reported: `chmod` with a mode that gives others write access (777, 666, 0777, o+w,
 * a+w, +w alone keeps umask and is not reported), and `COPY/ADD --chmod=` likewise.
 * Not reported: modes with the sticky bit (1777, 3777 on /tmp-like directories), which
 * is the safe way to share a directory; a temporary directory that the same RUN removes.
 */
#include "core/str.h"
#include "rules/df/util.h"

#include <stdlib.h>
#include <string.h>

/* Whether MODE (octal or symbolic) gives others write access without the sticky bit. */
static bool
world_writable(const char *mode)
{
	char *end;
	long v;

	if (mode[0] >= '0' && mode[0] <= '7') {
		v = strtol(mode, &end, 8);
		if (*end != '\0' || strlen(mode) > 5) {
			return false;
		}
		return (v & 02) != 0 && (v & 01000) == 0;
	}
	/* Symbolic: a clause like o+w, a+w, go+rwx, o=rwx; commas separate clauses. */
	for (const char *c = mode; *c != '\0';) {
		size_t n = strcspn(c, ",");
		const char *op = c + strcspn(c, "+=");
		bool others = false;

		if (op < c + n) {
			for (const char *w = c; w < op; w++) {
				others |= *w == 'o' || *w == 'a';
			}
			if (others && *op != '\0' && memchr(op, 'w', (size_t)(c + n - op)) != NULL &&
			    memchr(op, 't', (size_t)(c + n - op)) == NULL) {
				return true;
			}
		}
		c += n + (c[n] == ',');
	}
	return false;
}

static void
report(struct pl_check *ck, uint32_t off, uint32_t end, const char *mode)
{
	struct pl_finding *f = pl_check_report(ck, off, end, "mode %s lets every user of the "
					       "container write there", mode);

	if (f != NULL) {
		f->fix = "Give ownership to the user that needs it (`chown app:app`, `COPY "
			 "--chown=app:app`) and keep modes like 755/644; use a sticky bit "
			 "(1777) for a shared scratch directory.";
	}
}

/* A later command of the same RUN removes PATH: a temporary directory, not shipped. */
static bool
removed_later(const struct pl_sh_script *sc, size_t k, const char *path)
{
	for (size_t j = k + 1; j < sc->ncmds; j++) {
		const struct pl_sh_cmd *c = &sc->cmds[j];

		if (!pl_sh_is(c, "rm")) {
			continue;
		}
		for (size_t a = c->prog + 1; a < c->argc; a++) {
			if (pl_streq(c->argv[a].text, path)) {
				return true;
			}
		}
	}
	return false;
}

static void
check(struct pl_check *ck, const struct pl_df_model *m, size_t i)
{
	const struct pl_df_instr *in = &m->file->instrs[i];
	const struct pl_sh_script *sc;
	const struct pl_df_word *w = NULL;
	const char *mode;
	size_t k, a;

	if (in->kind != PL_DF_RUN) {
		mode = pl_df_flag(in, "chmod", &w);
		if (mode != NULL && world_writable(mode)) {
			report(ck, w->off, w->end, mode);
		}
		return;
	}
	sc = pl_df_script(m, i);
	for (k = 0; k < sc->ncmds; k++) {
		const struct pl_sh_cmd *c = &sc->cmds[k];

		if (!pl_sh_is(c, "chmod")) {
			continue;
		}
		for (a = c->prog + 1; a < c->argc; a++) {
			const char *t = c->argv[a].text;

			if (t[0] == '-' && strchr("Rcfv", t[1]) != NULL) {
				continue; /* -R, -c, -f, -v, and their long forms */
			}
			if (world_writable(t) &&
			    !(a + 1 < c->argc && removed_later(sc, k, c->argv[a + 1].text))) {
				report(ck, c->argv[a].off, c->argv[a].end, t);
			}
			break; /* the first operand is the mode */
		}
	}
}

const struct pl_rule rule_df0013 = {
	.id = "DF0013",
	.name = "world-writable",
	.title = "Files are made writable by every user",
	.severity = PL_SEV_MEDIUM,
	.category = "privilege",
	.why = "A world-writable file or directory lets any process in the container, whatever "
	       "user it runs as, replace code, configuration or binaries the application "
	       "trusts: a compromise of one low-privilege process becomes a way to change what "
	       "the main process executes.",
	.fix = "Give ownership to the one user that must write (`chown`, `COPY --chown`) and "
	       "keep 755 for directories and 644 for files; a shared scratch directory gets the "
	       "sticky bit (1777).",
	.bad = "FROM node:20.11.1\nRUN chmod -R 777 /app\n",
	.good = "FROM node:20.11.1\nRUN chown -R node:node /app && chmod -R 755 /app\n",
	.refs = (const char *const[]){ "https://cwe.mitre.org/data/definitions/732.html", NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_DOCKERFILE,
	.on_instr = PL_ON(PL_DF_RUN) | PL_ON(PL_DF_COPY) | PL_ON(PL_DF_ADD),
	.check_instr = check,
};
