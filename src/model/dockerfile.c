/*
 * dockerfile.c -- builds the Dockerfile model: stages, base images, the state at each
 * instruction, and RUN commands.
 *
 * Variable scoping follows the Dockerfile reference ("ARG", "Scope" and "Using ARG
 * variables"): ARGs before the first FROM are global and visible only in FROM lines
 * unless a stage declares them again without a value; a stage ARG takes its --build-arg
 * value, else its default, else the global default; ENV wins over ARG of the same name.
 * A stage that builds FROM an earlier stage inherits its ENV, USER, WORKDIR and SHELL.
 */
#include "model/dockerfile.h"
#include "core/buf.h"
#include "core/str.h"

#include <stdlib.h>
#include <string.h>

static const char *const default_shell[] = { "/bin/sh", "-c" };

/* Automatic platform ARGs: defined in the global scope, values depend on the builder. */
static const char *const platform_args[] = {
	"TARGETPLATFORM", "TARGETOS", "TARGETARCH", "TARGETVARIANT",
	"BUILDPLATFORM", "BUILDOS", "BUILDARCH", "BUILDVARIANT", NULL,
};

struct builder {
	struct pl_df_model *m;
	struct pl_arena *a;
	const struct pl_df_model_opts *o;
	size_t issues_cap;
	int *dep_mark;     /* per stage: 1 + the stage that last recorded it as a dependency */
	size_t *deps_cap;  /* per stage: capacity of its deps array */
};

static void
issue(struct builder *b, uint32_t off, const char *msg)
{
	struct pl_df_model *m = b->m;

	if (m->nissues == b->issues_cap) {
		b->issues_cap = b->issues_cap ? b->issues_cap * 2 : 8;
		m->issues = pl_arena_grow(b->a, m->issues, m->nissues, b->issues_cap,
					  sizeof(*m->issues));
	}
	m->issues[m->nissues].message = msg;
	m->issues[m->nissues].off = off;
	m->nissues++;
}

static const struct pl_kv *
kv_find(const struct pl_kv *kv, const char *name, size_t n)
{
	for (; kv != NULL; kv = kv->next) {
		if (strlen(kv->key) == n && memcmp(kv->key, name, n) == 0) {
			return kv;
		}
	}
	return NULL;
}

enum pl_var_state
pl_df_lookup(const struct pl_df_state *s, const char *name, size_t n, const char **value)
{
	const struct pl_kv *kv = kv_find(s->env, name, n);

	if (kv == NULL) {
		kv = kv_find(s->args, name, n);
	}
	if (kv == NULL) {
		return PL_VAR_UNSET;
	}
	if (kv->value == NULL) {
		return PL_VAR_UNKNOWN;
	}
	*value = kv->value;
	return PL_VAR_SET;
}

static enum pl_var_state
lookup_cb(void *ud, const char *name, size_t n, const char **value)
{
	return pl_df_lookup(ud, name, n, value);
}

static const char *
expand(struct pl_arena *a, const struct pl_df_state *s, char escape, const char *word)
{
	struct pl_shlex_opts o = { .escape = escape, .lookup = lookup_cb, .ud = (void *)s };
	const char *err;
	bool unknown = false;
	char *out;

	if (pl_shlex_word(word, strlen(word), &o, a, &out, &unknown, &err) != 0 || unknown) {
		return NULL;
	}
	return out;
}

const char *
pl_df_expand(const struct pl_df_model *m, const struct pl_df_state *s, const char *word)
{
	return expand(m->arena, s, m->file->escape, word);
}

const struct pl_stage *
pl_df_stage_of(const struct pl_df_model *m, size_t i)
{
	int st = m->states[i].stage;

	return st >= 0 ? &m->stages[st] : NULL;
}

bool
pl_user_is_root(const char *u)
{
	size_t n = strcspn(u, ":");

	return (n == 4 && strncmp(u, "root", 4) == 0) || (n == 1 && u[0] == '0');
}

void
pl_image_ref_split(const char *ref, struct pl_arena *a, struct pl_image_ref *out)
{
	const char *at = strchr(ref, '@'), *name = ref, *slash, *colon, *end;

	out->registry = NULL;
	out->tag = NULL;
	out->digest = NULL;
	end = at ? at : ref + strlen(ref);
	if (at != NULL) {
		out->digest = pl_arena_strdup(a, at + 1);
	}
	/* Docker's reference grammar: the first component is a registry when it has a '.'
	 * or ':' or is "localhost". */
	slash = memchr(ref, '/', (size_t)(end - ref));
	if (slash != NULL) {
		size_t n = (size_t)(slash - ref);

		if (memchr(ref, '.', n) || memchr(ref, ':', n) ||
		    (n == 9 && memcmp(ref, "localhost", 9) == 0)) {
			out->registry = pl_arena_strndup(a, ref, n);
			name = slash + 1;
		}
	}
	/* The tag is after the last ':' that follows the last '/'. */
	colon = NULL;
	for (const char *p = name; p < end; p++) {
		if (*p == '/') {
			colon = NULL;
		} else if (*p == ':') {
			colon = p;
		}
	}
	if (colon != NULL) {
		out->tag = pl_arena_strndup(a, colon + 1, (size_t)(end - colon - 1));
		end = colon;
	}
	out->repository = pl_arena_strndup(a, name, (size_t)(end - name));
}

static struct pl_kv *
kv_new(struct builder *b, const char *key, const char *value, const struct pl_kv *next,
       size_t instr, const struct pl_df_word *w)
{
	struct pl_kv *kv = pl_arena_alloc(b->a, sizeof(*kv));

	kv->key = key;
	kv->value = value;
	kv->next = next;
	kv->instr = instr;
	kv->word = w;
	return kv;
}

/* The --build-arg value for NAME, or NULL. */
static const char *
build_arg(const struct builder *b, const char *name, size_t n)
{
	const char *const *p;

	if (b->o == NULL || b->o->build_args == NULL) {
		return NULL;
	}
	for (p = b->o->build_args; *p != NULL; p++) {
		if (strncmp(*p, name, n) == 0 && (*p)[n] == '=') {
			return *p + n + 1;
		}
	}
	return NULL;
}

/*
 * ARG: each word is NAME or NAME=default (quotes in the default removed by expansion).
 * GLOBAL is the scope of global ARGs that a stage ARG without value inherits from.
 */
static const struct pl_kv *
do_arg(struct builder *b, const struct pl_df_instr *in, size_t i, struct pl_df_state *s,
       const struct pl_kv *scope, const struct pl_kv *global)
{
	size_t k;

	for (k = 0; k < in->nargs; k++) {
		const char *w = in->args[k].s, *eq = strchr(w, '=');
		size_t n = eq ? (size_t)(eq - w) : strlen(w);
		const char *key = pl_arena_strndup(b->a, w, n), *val = build_arg(b, w, n);

		if (val == NULL && eq != NULL) {
			struct pl_df_state tmp = *s;

			tmp.args = scope;
			val = expand(b->a, &tmp, b->m->file->escape, eq + 1);
		} else if (val == NULL) {
			const struct pl_kv *g = kv_find(global, w, n);

			val = g ? g->value : NULL;
		}
		scope = kv_new(b, key, val, scope, i, &in->args[k]);
	}
	return scope;
}

/* ENV: key/value/separator triples; values are expanded with the state so far. */
static const struct pl_kv *
do_env(struct builder *b, const struct pl_df_instr *in, size_t i, const struct pl_df_state *s)
{
	struct pl_df_state tmp = *s;
	size_t k;

	for (k = 0; k + 2 < in->nargs; k += 3) {
		const char *val = expand(b->a, &tmp, b->m->file->escape, in->args[k + 1].s);

		tmp.env = kv_new(b, in->args[k].s, val, tmp.env, i, &in->args[k + 1]);
	}
	return tmp.env;
}

/* FNV-1a of the lower-cased NAME, for the stage-name table. */
static uint64_t
name_hash(const char *name)
{
	uint64_t h = 0xcbf29ce484222325ull;

	for (; *name; name++) {
		char c = *name >= 'A' && *name <= 'Z' ? (char)(*name + 32) : *name;

		h = (h ^ (unsigned char)c) * 0x100000001b3ull;
	}
	return h;
}

/*
 * The first stage named NAME (case-insensitively) among the stages defined so far, or -1.
 * Names live in an open-addressing table sized for every FROM of the file, so a file with
 * thousands of stages costs no quadratic search.
 */
int
pl_df_stage_named(const struct pl_df_model *m, const char *name)
{
	size_t mask = m->stage_names_cap - 1, i;

	if (m->stage_names_cap == 0) {
		return -1;
	}
	for (i = name_hash(name) & mask;; i = (i + 1) & mask) {
		int st = m->stage_names[i];

		if (st < 0) {
			return -1;
		}
		if (pl_streq_ci(m->stages[st].name, name)) {
			return st;
		}
	}
}

static int
find_stage(const struct builder *b, const char *name)
{
	return pl_df_stage_named(b->m, name);
}

static void
add_stage_name(struct builder *b, int st)
{
	struct pl_df_model *m = b->m;
	size_t mask = m->stage_names_cap - 1, i;
	const char *name = m->stages[st].name;

	if (find_stage(b, name) >= 0) {
		return;
	}
	for (i = name_hash(name) & mask; m->stage_names[i] >= 0; i = (i + 1) & mask) {
	}
	m->stage_names[i] = st;
}

/* Records DEP as a dependency of ST once; linear in the number of COPY --from, since a
 * stage's dependencies are all recorded while it is the current stage. */
static void
add_dep(struct builder *b, struct pl_stage *st, int dep)
{
	size_t *cap = &b->deps_cap[st->index];

	if (b->dep_mark[dep] == st->index + 1) {
		return;
	}
	b->dep_mark[dep] = st->index + 1;
	if (st->ndeps == *cap) {
		*cap = *cap ? *cap * 2 : 4;
		st->deps = pl_arena_grow(b->a, st->deps, st->ndeps, *cap, sizeof(int));
	}
	st->deps[st->ndeps++] = dep;
}

static void
do_from(struct builder *b, const struct pl_df_instr *in, size_t i, struct pl_df_state *s)
{
	struct pl_df_model *m = b->m;
	struct pl_stage *st = &m->stages[m->nstages];
	struct pl_df_state g = { .stage = -1, .args = m->global_args };
	const char *plat;

	memset(st, 0, sizeof(*st));
	st->index = (int)m->nstages;
	st->from = i;
	st->last = i;
	st->base.stage = -1;
	if (in->nargs == 0) {
		issue(b, in->off, "FROM requires an image");
		st->base.raw = "";
	} else {
		st->base.raw = in->args[0].s;
		if (in->nargs >= 3 && pl_streq_ci(in->args[1].s, "as")) {
			char *name = pl_arena_strdup(b->a, in->args[2].s);

			for (char *p = name; *p; p++) {
				*p = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
			}
			st->name = name;
		} else if (in->nargs != 1) {
			issue(b, in->args[1].off, "FROM requires either one or three arguments");
		}
	}
	if ((plat = pl_df_flag(in, "platform", NULL)) != NULL) {
		st->platform = plat;
	}
	st->base.resolved = expand(b->a, &g, m->file->escape, st->base.raw);
	if (st->base.resolved != NULL) {
		st->base.stage = find_stage(b, st->base.resolved);
		st->base.scratch = pl_streq(st->base.resolved, "scratch");
		if (st->base.stage < 0 && !st->base.scratch) {
			pl_image_ref_split(st->base.resolved, b->a, &st->base);
		}
	}
	m->nstages++;
	if (st->name != NULL) {
		add_stage_name(b, st->index);
	}
	if (st->base.stage >= 0) {
		add_dep(b, st, st->base.stage);
		*s = m->stages[st->base.stage].end;
		s->args = NULL;
	} else {
		memset(s, 0, sizeof(*s));
		s->user_instr = -1;
		s->shell = default_shell;
		s->nshell = 2;
	}
	s->stage = st->index;
	s->user_known = true;
	s->args = NULL;
}

/* A "COPY --from=NAME" source: an earlier stage by name or index, else an image. */
static void
do_copy_from(struct builder *b, const struct pl_df_instr *in, int stage)
{
	const char *from = pl_df_flag(in, "from", NULL);
	struct pl_df_model *m = b->m;
	int dep;
	char *end;
	long idx;

	if (from == NULL || stage < 0) {
		return;
	}
	dep = find_stage(b, from);
	if (dep == stage) {
		dep = -1; /* its own name: not a dependency (and not valid Dockerfile) */
	}
	if (dep < 0) {
		idx = strtol(from, &end, 10);
		if (*from != '\0' && *end == '\0' && idx >= 0 && idx < stage) {
			dep = (int)idx;
		}
	}
	if (dep >= 0) {
		add_dep(b, &m->stages[stage], dep);
	}
}

/*
 * Marks every stage the final one depends on, directly or not, and the chain of stages
 * it builds FROM. A dependency always names an earlier stage, so one sweep from the final
 * stage down to the first visits each stage once, with no recursion.
 */
static void
mark_reach(struct pl_df_model *m, int target)
{
	int st, cur;
	size_t k;

	m->stages[target].reaches_final = true;
	for (st = target; st >= 0; st--) {
		if (!m->stages[st].reaches_final) {
			continue;
		}
		for (k = 0; k < m->stages[st].ndeps; k++) {
			m->stages[m->stages[st].deps[k]].reaches_final = true;
		}
	}
	for (cur = target; cur >= 0; cur = m->stages[cur].base.stage) {
		m->stages[cur].in_final_chain = true;
	}
}

/* Shifts every offset of a parsed script by a source mapping. */
struct script_map {
	const uint32_t *map; /* shell form: rest_map */
	size_t map_len;
	uint32_t base;       /* heredoc or exec form: fixed base */
};

static uint32_t
map_off(const struct script_map *sm, uint32_t off)
{
	if (sm->map != NULL) {
		return sm->map[off < sm->map_len ? off : sm->map_len];
	}
	return sm->base + off;
}

static void
append_script(struct builder *b, struct pl_sh_script *dst, const struct pl_sh_script *src,
	      const struct script_map *sm)
{
	size_t k, w, base = dst->ncmds;
	int pipeline_base = 0;

	for (k = 0; k < dst->ncmds; k++) {
		if (dst->cmds[k].pipeline >= pipeline_base) {
			pipeline_base = dst->cmds[k].pipeline + 1;
		}
	}
	if (src->ncmds == 0) {
		return;
	}
	if (dst->ncmds == 0) {
		/* The usual case, one script per RUN: adopt its array instead of copying. */
		dst->cmds = src->cmds;
	} else {
		dst->cmds = pl_arena_grow(b->a, dst->cmds, dst->ncmds, dst->ncmds + src->ncmds,
					  sizeof(*dst->cmds));
	}
	for (k = 0; k < src->ncmds; k++) {
		struct pl_sh_cmd *c = &dst->cmds[base + k];
		struct pl_sh_word *lists[3];
		size_t counts[3];

		*c = src->cmds[k];
		c->prog = pl_sh_cmd_prog(c);
		c->prog_name = c->prog < c->argc ? pl_sh_basename(&c->argv[c->prog]) : "";
		c->off = map_off(sm, c->off);
		c->end = c->end > 0 ? map_off(sm, c->end - 1) + 1 : c->off;
		c->pipeline += pipeline_base;
		if (c->parent >= 0) {
			c->parent += (int)base;
		}
		lists[0] = c->argv;
		counts[0] = c->argc;
		lists[1] = c->assigns;
		counts[1] = c->nassigns;
		lists[2] = c->redirs;
		counts[2] = c->nredirs;
		for (int l = 0; l < 3; l++) {
			for (w = 0; w < counts[l]; w++) {
				struct pl_sh_word *wd = &lists[l][w];

				wd->off = map_off(sm, wd->off);
				wd->end = wd->end > 0 ? map_off(sm, wd->end - 1) + 1 : wd->off;
			}
		}
	}
	dst->ncmds += src->ncmds;
	dst->truncated |= src->truncated;
	dst->incomplete |= src->incomplete;
}

/* Quotes S for a POSIX shell with single quotes. */
static void
shell_quote(struct pl_buf *out, const char *s)
{
	pl_buf_addc(out, '\'');
	for (; *s; s++) {
		if (*s == '\'') {
			pl_buf_adds(out, "'\\''");
		} else {
			pl_buf_addc(out, *s);
		}
	}
	pl_buf_addc(out, '\'');
}

static bool
is_shell_name(const char *s)
{
	const char *base = strrchr(s, '/');

	base = base ? base + 1 : s;
	return pl_streq(base, "sh") || pl_streq(base, "bash") || pl_streq(base, "ash") ||
	       pl_streq(base, "dash") || pl_streq(base, "zsh") || pl_streq(base, "ksh");
}

/*
 * Whether RUN's heredocs are the script the shell runs: `RUN <<EOF` alone (BuildKit then
 * runs the body as the script), or a shell reading the body on standard input
 * (`RUN bash <<EOF`, `RUN sh -e <<EOF`). In `RUN <<EOF cat > /etc/conf` or
 * `RUN python3 <<EOF` the body is data or another language, not shell commands.
 */
static bool
heredoc_is_script(struct builder *b, const struct pl_df_instr *in)
{
	const char *p = in->rest;

	/* The first word that is not a heredoc marker decides: none, or a shell, runs the
	 * body; any other command reads it as data. */
	for (;;) {
		size_t n;
		struct pl_df_heredoc h;
		char *word;

		while (*p == ' ' || *p == '\t') {
			p++;
		}
		n = strcspn(p, " \t");
		if (n == 0) {
			return true;
		}
		word = pl_arena_strndup(b->a, p, n);
		if (pl_df_heredoc_word(word, b->a, &h) != 1) {
			return is_shell_name(word);
		}
		p += n;
	}
}

/*
 * The commands of a RUN: the shell-form command line; an exec-form argv (re-quoted so
 * that `["sh", "-c", "..."]` is parsed like the shell would); and heredoc bodies that
 * the shell runs as the script (`RUN <<EOF`, `RUN bash <<EOF`).
 */
static void
build_script(struct builder *b, const struct pl_df_instr *in, struct pl_sh_script *out)
{
	struct pl_sh_script part;
	struct script_map sm;
	size_t k;

	memset(out, 0, sizeof(*out));
	if (in->json) {
		struct pl_buf q;

		pl_buf_init(&q);
		for (k = 0; k < in->nargs; k++) {
			if (k > 0) {
				pl_buf_addc(&q, ' ');
			}
			shell_quote(&q, in->args[k].s);
		}
		pl_sh_parse(q.p ? q.p : "", q.n, b->a, &part);
		/* Offsets inside the re-quoted text have no exact source position; point
		 * every command at the instruction's arguments. */
		sm = (struct script_map){ .base = in->args ? in->args[0].off : in->off };
		for (k = 0; k < part.ncmds; k++) {
			part.cmds[k].off = part.cmds[k].end = 0;
			for (size_t w = 0; w < part.cmds[k].argc; w++) {
				part.cmds[k].argv[w].off = 0;
				part.cmds[k].argv[w].end = 0;
			}
		}
		append_script(b, out, &part, &sm);
		pl_buf_finish(&q);
		return;
	}
	pl_sh_parse(in->rest, in->rest_len, b->a, &part);
	sm = (struct script_map){ .map = in->rest_map, .map_len = in->rest_len };
	append_script(b, out, &part, &sm);
	for (k = 0; k < in->nheredocs && heredoc_is_script(b, in); k++) {
		const struct pl_df_heredoc *h = &in->heredocs[k];

		pl_sh_parse(h->content, strlen(h->content), b->a, &part);
		sm = (struct script_map){ .base = h->off };
		append_script(b, out, &part, &sm);
	}
}

void
pl_df_model_build(const struct pl_df_file *file, const struct pl_df_model_opts *o,
		  struct pl_arena *a, struct pl_df_model *m)
{
	struct builder b = { .m = m, .a = a, .o = o };
	struct pl_df_state s = { .stage = -1, .user_instr = -1, .shell = default_shell,
				 .nshell = 2, .user_known = true };
	size_t i, nfrom = 0;
	int target = -1;

	memset(m, 0, sizeof(*m));
	m->file = file;
	m->src = file->src;
	m->arena = a;
	m->final_stage = -1;
	m->states = pl_arena_alloc(a, (file->ninstrs + 1) * sizeof(*m->states));
	m->scripts = pl_arena_alloc(a, (file->ninstrs + 1) * sizeof(*m->scripts));
	for (i = 0; i < file->ninstrs; i++) {
		nfrom += file->instrs[i].kind == PL_DF_FROM;
	}
	m->stages = pl_arena_alloc(a, (nfrom + 1) * sizeof(*m->stages));
	b.dep_mark = pl_arena_alloc(a, (nfrom + 1) * sizeof(*b.dep_mark));
	for (m->stage_names_cap = 16; m->stage_names_cap < 2 * (nfrom + 1);
	     m->stage_names_cap *= 2) {
	}
	m->stage_names = pl_arena_alloc(a, m->stage_names_cap * sizeof(*m->stage_names));
	memset(m->stage_names, 0xff, m->stage_names_cap * sizeof(*m->stage_names));
	b.deps_cap = pl_arena_alloc(a, (nfrom + 1) * sizeof(*b.deps_cap));
	for (const char *const *p = platform_args; *p != NULL; p++) {
		m->global_args = kv_new(&b, *p, build_arg(&b, *p, strlen(*p)), m->global_args,
					0, NULL);
	}
	for (i = 0; i < file->ninstrs; i++) {
		const struct pl_df_instr *in = &file->instrs[i];

		if (in->kind == PL_DF_FROM) {
			if (s.stage >= 0) {
				m->stages[s.stage].end = s;
			}
			do_from(&b, in, i, &s);
			m->states[i] = s;
			continue;
		}
		m->states[i] = s;
		if (s.stage < 0) {
			if (in->kind == PL_DF_ARG) {
				s.args = m->global_args = do_arg(&b, in, i, &s, m->global_args, NULL);
			} else {
				issue(&b, in->off, "instruction before the first FROM: only ARG may "
				      "come before FROM");
			}
			continue;
		}
		m->stages[s.stage].last = i;
		switch (in->kind) {
		case PL_DF_ARG:
			s.args = do_arg(&b, in, i, &s, s.args, m->global_args);
			break;
		case PL_DF_ENV:
			s.env = do_env(&b, in, i, &s);
			break;
		case PL_DF_USER:
			if (in->nargs > 0) {
				const char *u = expand(a, &s, file->escape, in->args[0].s);

				s.user = u ? u : in->args[0].s;
				s.user_known = u != NULL;
				s.user_instr = (long)i;
			}
			break;
		case PL_DF_WORKDIR:
			if (in->nargs > 0) {
				const char *w = expand(a, &s, file->escape, in->args[0].s);

				if (w != NULL && w[0] != '/' && s.workdir != NULL) {
					w = pl_arena_printf(a, "%s/%s", s.workdir, w);
				}
				s.workdir = w ? w : in->args[0].s;
			}
			break;
		case PL_DF_SHELL:
			if (in->json && in->nargs > 0) {
				const char **sh = pl_arena_alloc(a, in->nargs * sizeof(char *));

				for (size_t k = 0; k < in->nargs; k++) {
					sh[k] = in->args[k].s;
				}
				s.shell = sh;
				s.nshell = in->nargs;
			}
			break;
		case PL_DF_RUN:
			build_script(&b, in, &m->scripts[i]);
			break;
		case PL_DF_COPY:
		case PL_DF_ADD:
			do_copy_from(&b, in, s.stage);
			break;
		case PL_DF_UNKNOWN:
			issue(&b, in->off, pl_arena_printf(a, "unknown instruction: %s",
							   in->keyword));
			break;
		default:
			break;
		}
	}
	if (s.stage >= 0) {
		m->stages[s.stage].end = s;
	}
	if (m->nstages == 0) {
		issue(&b, 0, "no FROM instruction: a Dockerfile must start a stage with FROM");
		return;
	}
	target = (int)m->nstages - 1;
	if (o != NULL && o->target != NULL) {
		target = find_stage(&b, o->target);
		if (target < 0) {
			issue(&b, 0, pl_arena_printf(a, "target stage \"%s\" not found", o->target));
			target = (int)m->nstages - 1;
		}
	}
	m->final_stage = target;
	m->stages[target].is_final = true;
	mark_reach(m, target);
}
