/*
 * DF0009 -- pip install keeps its download cache in the image.
 *
 * Reported: `pip install` (pip, pip3, pip3.X, `python -m pip`) without `--no-cache-dir`.
 * Not reported: when PIP_NO_CACHE_DIR is set by ENV or on the command; when the RUN has a
 * cache mount (`--mount=type=cache`), which keeps the cache out of the layer; when the
 * same RUN removes the cache directory (`rm -rf ~/.cache/pip` or `/root/.cache`).
 */
#include "rules/df/util.h"
#include "core/str.h"

#include <string.h>

static bool
is_pip(const struct pl_sh_cmd *c, size_t *sub)
{
	size_t p = pl_sh_cmd_prog(c);
	const char *b;

	if (p >= c->argc) {
		return false;
	}
	b = pl_sh_basename(&c->argv[p]);
	if (pl_streq(b, "pip") || pl_streq(b, "pip2") || pl_streq(b, "pip3") ||
	    (pl_starts_with(b, "pip3.") && strlen(b) <= 7)) {
		*sub = pl_sh_subcommand(c, (const char *const[]){ "--proxy", "--log", NULL });
		return true;
	}
	if ((pl_starts_with(b, "python") && strspn(b + 6, "0123456789.") == strlen(b + 6)) &&
	    p + 2 < c->argc && pl_streq(c->argv[p + 1].text, "-m") &&
	    pl_streq(c->argv[p + 2].text, "pip")) {
		*sub = p + 3;
		while (*sub < c->argc && c->argv[*sub].text[0] == '-') {
			(*sub)++;
		}
		return true;
	}
	return false;
}

static bool
cache_disabled(const struct pl_df_model *m, size_t i, const struct pl_sh_script *sc)
{
	const char *v;
	size_t k;

	if (pl_df_lookup(&m->states[i], "PIP_NO_CACHE_DIR", 16, &v) != PL_VAR_UNSET) {
		return true;
	}
	for (k = 0; k < m->file->instrs[i].nflags; k++) {
		const char *f = m->file->instrs[i].flags[k].s;

		if (pl_starts_with(f, "--mount=") && strstr(f, "type=cache") != NULL) {
			return true;
		}
	}
	for (k = 0; k < sc->ncmds; k++) {
		const struct pl_sh_cmd *c = &sc->cmds[k];

		for (size_t a = 0; a < c->nassigns; a++) {
			if (pl_starts_with(c->assigns[a].text, "PIP_NO_CACHE_DIR=")) {
				return true;
			}
		}
		/* export PIP_NO_CACHE_DIR=1 && pip install ... */
		if (pl_sh_is(c, "export")) {
			for (size_t a = 1; a < c->argc; a++) {
				if (pl_starts_with(c->argv[a].text, "PIP_NO_CACHE_DIR=")) {
					return true;
				}
			}
		}
		if (pl_sh_is(c, "rm")) {
			for (size_t a = 1; a < c->argc; a++) {
				if (strstr(c->argv[a].text, ".cache/pip") != NULL ||
				    pl_streq(c->argv[a].text, "/root/.cache") ||
				    pl_streq(c->argv[a].text, "~/.cache")) {
					return true;
				}
			}
		}
		if (pl_sh_is(c, "pip") || pl_sh_is(c, "pip3")) {
			size_t s = pl_sh_subcommand(c, NULL);

			if (s + 1 < c->argc && pl_streq(c->argv[s].text, "cache") &&
			    pl_streq(c->argv[s + 1].text, "purge")) {
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
	size_t k, sub;
	int disabled = -1; /* computed once per RUN, when a pip install is seen */

	for (k = 0; k < sc->ncmds; k++) {
		const struct pl_sh_cmd *c = &sc->cmds[k];

		if (!is_pip(c, &sub) || sub >= c->argc || strcmp(c->argv[sub].text, "install") != 0) {
			continue;
		}
		if (disabled < 0) {
			disabled = cache_disabled(m, i, sc);
		}
		if (pl_sh_has_opt(c, "--no-cache-dir") || disabled) {
			continue;
		}
		f = pl_check_report(ck, c->off, c->end, "pip install without --no-cache-dir "
				    "leaves its download cache in the image layer");
		if (f != NULL) {
			struct pl_edit *e = pl_arena_alloc(&ck->r->arena, sizeof(*e));

			e->off = e->end = c->argv[sub].end;
			e->replacement = " --no-cache-dir";
			f->edit = e;
			f->fix = "Add --no-cache-dir after `install`, set `ENV PIP_NO_CACHE_DIR=1`, "
				 "or use `RUN --mount=type=cache,target=/root/.cache/pip`.";
		}
	}
}

const struct pl_rule rule_df0009 = {
	.id = "DF0009",
	.name = "pip-cache-kept",
	.title = "pip install keeps its cache in the image",
	.severity = PL_SEV_LOW,
	.category = "hygiene",
	.why = "pip stores every downloaded wheel and source archive under ~/.cache/pip. In a "
	       "Docker layer that cache is never used again but is shipped with every pull, "
	       "often doubling the size of the Python dependencies.",
	.fix = "Use `pip install --no-cache-dir ...`, set `ENV PIP_NO_CACHE_DIR=1`, or keep the "
	       "cache outside the layer with `RUN --mount=type=cache,target=/root/.cache/pip`.",
	.bad = "FROM python:3.12-slim\nRUN pip install -r requirements.txt\n",
	.good = "FROM python:3.12-slim\nRUN pip install --no-cache-dir -r requirements.txt\n",
	.refs = (const char *const[]){
		"https://pip.pypa.io/en/stable/topics/caching/",
		NULL },
	.peers = (const char *const[]){ "hadolint:DL3042", "kics:Pip install Keeping Cached Packages",
					 NULL },
	.inputs = PL_IN_DOCKERFILE,
	.on_instr = PL_ON(PL_DF_RUN),
	.check_instr = check,
};
