/*
 * DF0040 -- pip installs into the system Python after a virtual environment was made.
 *
 * Reported: a `pip install` (pip, pip3, `python -m pip`) that comes after
 * `python -m venv DIR`, `virtualenv DIR` or `uv venv DIR` in the same stage (or a stage
 * it builds FROM) and still runs the system pip: the command is not DIR/bin/pip, no
 * `. DIR/bin/activate` or `export PATH=DIR/bin:...` comes before it in the same RUN, and
 * the PATH set by ENV does not start the lookup in a virtual environment's bin directory.
 * Not reported: pip called by a path (the author chose which one); a virtual environment
 * whose programs an earlier command calls by path (`/opt/certbot/bin/pip install
 * certbot`): it is then a tool's own environment and a plain pip is meant for the system;
 * `--user`, `--target`, `--prefix`, `--root` and `--python`, which choose another
 * destination on purpose; PIP_TARGET, PIP_PREFIX, PIP_USER or PIP_PYTHON set; a PATH whose
 * value is not known; virtual environments made in other stages (copied with COPY --from).
 */
#include "rules/df/pkg_util.h"
#include "rules/df/util.h"
#include "core/str.h"

#include <string.h>

struct venv {
	const char *dir;  /* absolute, or as written when the WORKDIR is not known */
	const char *base; /* its last path component: "venv" */
	uint32_t line;
	bool by_path;     /* an earlier command calls its bin/ programs by path */
};

/* The directory operand of a venv-making command, or NULL. */
static const struct pl_sh_word *
venv_dir(const struct pl_sh_cmd *c)
{
	static const char *const value_opts[] = { "--prompt", "-p", "--python", "--seed", NULL };
	size_t p = c->prog, a;
	const char *b = c->prog_name;

	if (p >= c->argc) {
		return NULL;
	}
	if (strncmp(b, "python", 6) == 0 && p + 2 < c->argc &&
	    pl_streq(c->argv[p + 1].text, "-m") &&
	    (pl_streq(c->argv[p + 2].text, "venv") ||
	     pl_streq(c->argv[p + 2].text, "virtualenv"))) {
		a = p + 3;
	} else if (pl_streq(b, "virtualenv")) {
		a = p + 1;
	} else if (pl_streq(b, "uv") && p + 1 < c->argc &&
		   pl_streq(c->argv[p + 1].text, "venv")) {
		a = p + 2;
	} else {
		return NULL;
	}
	for (; a < c->argc; a++) {
		const char *t = c->argv[a].text;
		bool takes = false;

		if (t[0] != '-') {
			return &c->argv[a];
		}
		for (const char *const *o = value_opts; *o != NULL; o++) {
			takes = takes || pl_streq(t, *o);
		}
		a += takes;
	}
	/* uv venv with no directory makes .venv */
	return NULL;
}

/* Records the directory of word W (RUN K) in OUT; false when it uses a variable whose
 * value is not known. */
static bool
add_venv(const struct pl_df_model *m, size_t k, const struct pl_sh_word *w, struct venv *out)
{
	const char *t = w->text, *wd = m->states[k].workdir, *slash;
	size_t n;

	if ((w->flags & PL_SHW_EXPANSION) != 0 &&
	    (t = pl_df_expand(m, &m->states[k], w->text)) == NULL) {
		return false;
	}
	while (t[0] == '.' && t[1] == '/') {
		t += 2;
	}
	n = strlen(t);
	if (n == 0) {
		return false;
	}
	while (n > 1 && t[n - 1] == '/') {
		n--;
	}
	if (t[0] != '/' && wd != NULL) {
		out->dir = pl_arena_printf(m->arena, "%s%s%.*s", wd,
					   pl_ends_with(wd, "/") ? "" : "/", (int)n, t);
	} else {
		out->dir = pl_arena_strndup(m->arena, t, n);
	}
	slash = strrchr(out->dir, '/');
	out->base = slash != NULL ? slash + 1 : out->dir;
	out->line = m->file->instrs[k].start_line;
	out->by_path = false;
	return true;
}

/* Whether a PATH-like text puts a virtual environment's bin directory in front: one of
 * the VENVS, or any ".../<name>/bin" of theirs when directories are relative. */
static bool
path_has_venv(const char *path, const struct venv *v, size_t nv)
{
	for (size_t k = 0; k < nv; k++) {
		const char *hit = path;
		size_t bl = strlen(v[k].base);

		while ((hit = strstr(hit, v[k].base)) != NULL) {
			if ((hit == path || hit[-1] == '/' || hit[-1] == ':' || hit[-1] == '=' ||
			     hit[-1] == '"') && strncmp(hit + bl, "/bin", 4) == 0) {
				return true;
			}
			hit += bl;
		}
	}
	return false;
}

/* Marks the virtual environments whose bin/ directory C's program word names. */
static void
mark_by_path(const struct pl_sh_cmd *c, struct venv *v, size_t nv)
{
	const char *t;

	if (c->prog >= c->argc || strchr(c->argv[c->prog].text, '/') == NULL) {
		return;
	}
	t = c->argv[c->prog].text;
	for (size_t k = 0; k < nv; k++) {
		const char *hit = strstr(t, v[k].base);
		size_t bl = strlen(v[k].base);

		if (hit != NULL && (hit == t || hit[-1] == '/') &&
		    strncmp(hit + bl, "/bin/", 5) == 0) {
			v[k].by_path = true;
		}
	}
}

static bool
redirected(const struct pl_df_model *m, size_t i, const struct pl_sh_cmd *c, size_t sub)
{
	static const char *const opts[] = { "--user", "--target", "-t", "--prefix", "--root",
					    "--python", NULL };
	static const char *const vars[] = { "PIP_TARGET", "PIP_PREFIX", "PIP_USER", "PIP_PYTHON",
					    NULL };
	const char *v;

	for (const char *const *o = opts; *o != NULL; o++) {
		for (size_t a = sub + 1; a < c->argc; a++) {
			const char *t = c->argv[a].text;
			size_t n = strlen(*o);

			if (strncmp(t, *o, n) == 0 && (t[n] == '\0' || t[n] == '=')) {
				return true;
			}
		}
	}
	for (const char *const *p = vars; *p != NULL; p++) {
		if (pl_df_lookup(&m->states[i], *p, strlen(*p), &v) != PL_VAR_UNSET) {
			return true;
		}
	}
	return false;
}

/* Whether the commands before command J of RUN I activate a venv or set PATH to one. */
static bool
activated_before(const struct pl_sh_script *sc, size_t j, const struct venv *v, size_t nv)
{
	const struct pl_sh_cmd *c = &sc->cmds[j];

	for (size_t a = 0; a < c->nassigns; a++) {
		if (pl_starts_with(c->assigns[a].text, "PATH=") &&
		    path_has_venv(c->assigns[a].text, v, nv)) {
			return true;
		}
	}
	for (size_t k = 0; k < j; k++) {
		const struct pl_sh_cmd *d = &sc->cmds[k];

		if ((pl_sh_is(d, "source") || pl_sh_is(d, ".")) && d->prog + 1 < d->argc &&
		    pl_ends_with(d->argv[d->prog + 1].text, "/bin/activate")) {
			return true;
		}
		for (size_t a = 0; a < d->nassigns; a++) {
			if (pl_starts_with(d->assigns[a].text, "PATH=") &&
			    path_has_venv(d->assigns[a].text, v, nv)) {
				return true;
			}
		}
		for (size_t a = d->prog + 1; pl_sh_is(d, "export") && a < d->argc; a++) {
			if (pl_starts_with(d->argv[a].text, "PATH=") &&
			    path_has_venv(d->argv[a].text, v, nv)) {
				return true;
			}
		}
	}
	return false;
}

static void
report(struct pl_check *ck, const struct pl_sh_cmd *c, size_t sub, const struct venv *v)
{
	struct pl_finding *f = pl_check_report(ck, c->argv[c->prog].off, c->argv[sub].end,
					       "this pip install runs the system pip, not the "
					       "virtual environment %s made at line %u", v->dir,
					       v->line);

	if (f != NULL) {
		f->fix = pl_check_printf(ck, "Run %s/bin/pip (or %s/bin/python -m pip), or put "
					 "the environment first on PATH after making it: "
					 "ENV PATH=\"%s/bin:$PATH\".", v->dir, v->dir, v->dir);
	}
}

/* The virtual environments a stage knows: made in it or in the stages it builds FROM. */
struct stage_venvs {
	struct venv v[8]; /* eight: more virtual environments in one stage is unheard of */
	size_t n;
};

static void
check_run(struct pl_check *ck, const struct pl_df_model *m, size_t i, struct stage_venvs *sv)
{
	const struct pl_sh_script *sc = pl_df_script(m, i);
	const char *path = NULL;
	bool path_unknown;

	/* PATH unknown (an ARG without value): cannot tell which pip runs */
	path_unknown = pl_df_lookup(&m->states[i], "PATH", 4, &path) == PL_VAR_UNKNOWN;
	for (size_t j = 0; j < sc->ncmds; j++) {
		const struct pl_sh_cmd *c = &sc->cmds[j];
		const struct pl_sh_word *dir;
		size_t sub;

		if ((dir = venv_dir(c)) != NULL) {
			sv->n += sv->n < sizeof(sv->v) / sizeof(sv->v[0]) &&
				 add_venv(m, i, dir, &sv->v[sv->n]);
			continue;
		}
		mark_by_path(c, sv->v, sv->n);
		if (path_unknown || sv->n == 0 || sv->v[sv->n - 1].by_path) {
			continue;
		}
		sub = pl_pkg_pip_sub(c);
		if (sub >= c->argc || strcmp(c->argv[sub].text, "install") != 0 ||
		    strchr(c->argv[c->prog].text, '/') != NULL ||
		    (path != NULL && path_has_venv(path, sv->v, sv->n)) ||
		    redirected(m, i, c, sub) || activated_before(sc, j, sv->v, sv->n)) {
			continue;
		}
		report(ck, c, sub, &sv->v[sv->n - 1]);
	}
}

/*
 * One pass in file order with the virtual environments of each stage; a stage built FROM
 * an earlier one starts with that stage's. Linear in the size of the file.
 */
static void
check(struct pl_check *ck, const struct pl_df_model *m)
{
	struct stage_venvs *sv;
	size_t i;

	if (m->nstages == 0) {
		return;
	}
	sv = pl_arena_alloc(m->arena, m->nstages * sizeof(*sv));
	for (i = 0; i < m->file->ninstrs; i++) {
		const struct pl_stage *st = pl_df_stage_of(m, i);

		if (st == NULL) {
			continue;
		}
		if (m->file->instrs[i].kind == PL_DF_FROM && st->base.stage >= 0) {
			sv[st->index] = sv[st->base.stage];
		}
		if (m->file->instrs[i].kind == PL_DF_RUN) {
			check_run(ck, m, i, &sv[st->index]);
		}
	}
}

const struct pl_rule rule_df0040 = {
	.id = "DF0040",
	.name = "pip-outside-venv",
	.title = "pip installs into the system Python after a virtual environment was made",
	.severity = PL_SEV_MEDIUM,
	.category = "runtime",
	.why = "Activating a virtual environment only lasts for the RUN that does it: the next "
	       "RUN starts a new shell, so a plain `pip install` installs into the system "
	       "Python while the application later runs from the virtual environment. The "
	       "packages are missing at runtime, or the image silently mixes two sets of "
	       "versions, and copying the virtual environment to a runtime stage leaves the "
	       "dependencies behind.",
	.fix = "Call the environment's own pip (`/opt/venv/bin/pip install ...`), or put it on "
	       "PATH once for the whole stage with `ENV PATH=\"/opt/venv/bin:$PATH\"` right "
	       "after creating it, as activation would.",
	.bad = "FROM python:3.12.4-slim\nRUN python -m venv /opt/venv\n"
	       "RUN pip install --no-cache-dir -r requirements.txt\n",
	.good = "FROM python:3.12.4-slim\nRUN python -m venv /opt/venv\n"
		"ENV PATH=\"/opt/venv/bin:$PATH\"\n"
		"RUN pip install --no-cache-dir -r requirements.txt\n",
	.refs = (const char *const[]){
		"https://docs.python.org/3/library/venv.html#how-venvs-work",
		"https://docs.docker.com/reference/dockerfile/#env",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_DOCKERFILE,
	.check_doc = check,
};
