/*
 * hygiene_util.c -- shared helpers for the image-hygiene rules: shipped layers, cache
 * mounts and removals in a RUN, package-manager subcommands, whole-context copies.
 */
#include "core/str.h"
#include "rules/df/hygiene_util.h"
#include "rules/df/util.h"

#include <string.h>

bool
pl_hyg_shipped(const struct pl_df_model *m, size_t i)
{
	const struct pl_stage *st = pl_df_stage_of(m, i);

	return st != NULL && pl_df_in_final_chain(m, st->index);
}

/* DIR[0..n) (a literal directory, trailing slashes allowed) is PATH or a directory above
 * it. The root does not count: `find / -name '*.pyc' -delete` is no clean-up of PATH. */
static bool
dir_covers(const char *dir, size_t n, const char *path)
{
	while (n > 1 && dir[n - 1] == '/') {
		n--;
	}
	if (n == 0 || (n == 1 && dir[0] == '/')) {
		return false;
	}
	return strncmp(path, dir, n) == 0 && (path[n] == '\0' || path[n] == '/');
}

/* The text of word W after expansion with the variables in effect at instruction I, or
 * NULL when a variable is not known. */
static const char *
word_value(const struct pl_df_model *m, size_t i, const struct pl_sh_word *w)
{
	if ((w->flags & PL_SHW_EXPANSION) == 0) {
		return w->text;
	}
	return pl_df_expand(m, &m->states[i], w->raw);
}

/* Operand V of rm or find deletes PATH or a directory above it. A glob ends the literal
 * part, so the contents of PATH ("/var/lib/apt/lists/" then a star) count, and so does a
 * pattern that matches PATH itself ("/var/lib/apt/l" then a star). */
static bool
operand_covers(const char *v, const char *path)
{
	size_t lit = strcspn(v, "*?[");

	if (v[lit] == '\0') {
		return dir_covers(v, lit, path);
	}
	return lit > 1 && (strncmp(path, v, lit) == 0 || dir_covers(v, lit, path));
}

/* `find DIR... -delete` or `find DIR... -exec rm ...`: the starting points come before
 * the first expression word. A name or path test (-name, -path, -regex) deletes only
 * some files, which is not a clean-up of PATH. */
static bool
find_deletes(const struct pl_df_model *m, size_t i, const struct pl_sh_cmd *c,
	     const char *path)
{
	static const char *const filters[] = { "-name", "-iname", "-path", "-ipath", "-regex",
					       "-iregex", "-wholename", NULL };
	bool del = false, covered = false, paths = true;
	size_t a;

	for (a = c->prog + 1; a < c->argc; a++) {
		const char *t = c->argv[a].text;

		if (t[0] == '-' || t[0] == '(' || t[0] == '!') {
			paths = false;
		}
		for (const char *const *fl = filters; *fl != NULL; fl++) {
			if (pl_streq(t, *fl)) {
				return false;
			}
		}
		if (pl_streq(t, "-delete") ||
		    ((pl_streq(t, "-exec") || pl_streq(t, "-execdir")) && a + 1 < c->argc &&
		     pl_streq(pl_sh_basename(&c->argv[a + 1]), "rm"))) {
			del = true;
		}
		if (paths) {
			const char *v = word_value(m, i, &c->argv[a]);

			covered |= v != NULL && operand_covers(v, path);
		}
	}
	return del && covered;
}

bool
pl_hyg_removed_after(const struct pl_df_model *m, size_t i, size_t after, const char *path)
{
	const struct pl_sh_script *sc = pl_df_script(m, i);
	for (size_t k = after + 1; k < sc->ncmds; k++) {
		const struct pl_sh_cmd *c = &sc->cmds[k];

		if (pl_sh_is(c, "find") && find_deletes(m, i, c, path)) {
			return true;
		}
		if (!pl_sh_is(c, "rm")) {
			continue;
		}
		for (size_t a = c->prog + 1; a < c->argc; a++) {
			const char *v = word_value(m, i, &c->argv[a]);

			if (v != NULL && v[0] != '-' && operand_covers(v, path)) {
				return true;
			}
		}
	}
	return false;
}

/* The value of KEY in a comma-separated mount spec, or NULL. */
static const char *
mount_field(struct pl_arena *a, const char *spec, const char *key)
{
	size_t n = strlen(key);

	for (const char *p = spec; *p != '\0';) {
		size_t len = strcspn(p, ",");

		if (len > n && strncmp(p, key, n) == 0 && p[n] == '=') {
			return pl_arena_strndup(a, p + n + 1, len - n - 1);
		}
		p += len;
		if (*p == ',') {
			p++;
		}
	}
	return NULL;
}

bool
pl_hyg_mount_covers(const struct pl_df_model *m, size_t i, const char *path)
{
	static const char *const targets[] = { "target", "dst", "destination", NULL };
	const struct pl_df_instr *in = &m->file->instrs[i];

	for (size_t k = 0; k < in->nflags; k++) {
		const char *spec = in->flags[k].s, *type, *target = NULL;

		if (strncmp(spec, "--mount=", 8) != 0) {
			continue;
		}
		spec += 8;
		type = mount_field(m->arena, spec, "type");
		if (type == NULL || (strcmp(type, "cache") != 0 && strcmp(type, "tmpfs") != 0)) {
			continue;
		}
		for (const char *const *t = targets; target == NULL && *t != NULL; t++) {
			target = mount_field(m->arena, spec, *t);
		}
		if (target == NULL) {
			continue;
		}
		if (strchr(target, '$') != NULL) {
			target = pl_df_expand(m, &m->states[i], target);
			if (target == NULL) {
				return true;
			}
		}
		if (dir_covers(target, strlen(target), path)) {
			return true;
		}
	}
	return false;
}

/* Global options of each package manager that take the next word as their value; long
 * options written `--name=value` are one word and need no entry. */
static const char *const apt_opts[] = { "-o", "-c", "-t", "-a", "--option", "--config-file",
					"--target-release", "--host-architecture", NULL };
static const char *const apk_opts[] = { "-X", "-p", "--repository", "--root", "--arch",
					"--cache-dir", "--keys-dir", "--repositories-file",
					"--cache-max-age", "--timeout", NULL };
static const char *const rpm_opts[] = { "-c", "-d", "-e", "-x", "--config", "--installroot",
					"--releasever", "--setopt", "--enablerepo",
					"--disablerepo", "--exclude", "--debuglevel",
					"--errorlevel", "--repo", "--repoid", "--forcearch",
					"--downloaddir", "--destdir", NULL };
static const char *const zypper_opts[] = { "-c", "-R", "-D", "-C", "--config", "--root",
					   "--reposd-dir", "--cache-dir", "--raw-cache-dir",
					   "--solv-cache-dir", "--pkg-cache-dir", "--userdata",
					   NULL };

size_t
pl_hyg_sub(const struct pl_sh_cmd *c)
{
	const char *p = c->prog_name != NULL ? c->prog_name : "";
	const char *const *opts = NULL;

	if (pl_streq(p, "apt-get") || pl_streq(p, "apt")) {
		opts = apt_opts;
	} else if (pl_streq(p, "apk")) {
		opts = apk_opts;
	} else if (pl_streq(p, "yum") || pl_streq(p, "dnf") || pl_streq(p, "microdnf")) {
		opts = rpm_opts;
	} else if (pl_streq(p, "zypper")) {
		opts = zypper_opts;
	}
	return pl_sh_subcommand(c, opts);
}

bool
pl_hyg_runs(const struct pl_sh_cmd *c, const char *const *progs, const char *const *subs,
	    size_t *sub)
{
	bool prog = false;

	for (const char *const *p = progs; *p != NULL && !prog; p++) {
		prog = pl_sh_is(c, *p);
	}
	if (!prog) {
		return false;
	}
	*sub = pl_hyg_sub(c);
	if (*sub >= c->argc) {
		return false;
	}
	for (const char *const *s = subs; *s != NULL; s++) {
		if (pl_streq(c->argv[*sub].text, *s)) {
			return true;
		}
	}
	return false;
}

bool
pl_hyg_can_edit(const struct pl_df_instr *in, const struct pl_sh_cmd *c)
{
	return !in->json && c->parent < 0 && c->end > c->off;
}

bool
pl_hyg_copies_context(const struct pl_df_instr *in)
{
	if ((in->kind != PL_DF_COPY && in->kind != PL_DF_ADD) || in->nargs < 2 ||
	    in->nheredocs > 0 || pl_df_flag(in, "from", NULL) != NULL) {
		return false;
	}
	for (size_t k = 0; k + 1 < in->nargs; k++) {
		const char *s = in->args[k].s;

		if (pl_streq(s, ".") || pl_streq(s, "./") || pl_streq(s, "./.")) {
			return true;
		}
	}
	return false;
}

void
pl_hyg_check_cache(struct pl_check *ck, const struct pl_df_model *m, size_t i,
		   const struct pl_hyg_cache *pm)
{
	const struct pl_sh_script *sc = pl_df_script(m, i);
	const struct pl_sh_cmd *first = NULL;
	size_t k, sub, first_sub = 0, last = 0;
	struct pl_finding *f;

	if (!pl_hyg_shipped(m, i)) {
		return;
	}
	for (k = 0; k < sc->ncmds; k++) {
		if (pl_hyg_runs(&sc->cmds[k], pm->progs, pm->installs, &sub)) {
			if (first == NULL) {
				first = &sc->cmds[k];
				first_sub = sub;
			}
			last = k;
		}
	}
	if (first == NULL) {
		return;
	}
	for (k = last + 1; k < sc->ncmds; k++) {
		if (pl_hyg_runs(&sc->cmds[k], pm->progs, pm->cleans, &sub)) {
			return;
		}
	}
	for (const char *const *d = pm->dirs; *d != NULL; d++) {
		if (pl_hyg_mount_covers(m, i, *d) || pl_hyg_removed_after(m, i, last, *d)) {
			return;
		}
	}
	f = pl_check_report(ck, first->off, first->end, "%s %s leaves its package cache in this "
			    "layer: the same RUN does not clean it", first->prog_name,
			    first->argv[first_sub].text);
	if (f != NULL) {
		f->fix = pl_check_printf(ck, "End the same RUN with `&& %s`, or mount the cache "
					 "(`RUN --mount=type=cache,target=%s ...`).", pm->clean,
					 pm->dirs[0]);
	}
}
