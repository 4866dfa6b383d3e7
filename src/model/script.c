/*
 * script.c -- the docker commands of a shell script, a Makefile or a Markdown file.
 *
 * The host file's shell text is copied out with a map from each copied byte back to its
 * offset in the file (prompts, recipe tabs and make's `$$` are dropped on the way), split
 * into regions that the shell parser reads one at a time (a README's code blocks, a
 * Makefile's recipe lines), and each simple command whose program is docker or podman is
 * read as the Docker CLI reads its arguments.
 */
#include "model/script.h"
#include "core/limits.h"
#include "core/str.h"
#include "core/xalloc.h"
#include "parse/shell.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* ---- The shell text of a file, with its map back to the file ------------------------ */

struct extract {
	char *t;
	uint32_t *map;
	size_t n, cap;
	size_t *regions; /* pairs of start, end in T */
	size_t nregions, rcap;
};

static void
put(struct extract *e, char c, size_t off)
{
	if (e->n == e->cap) {
		e->cap = e->cap ? e->cap * 2 : 1024;
		e->t = pl_xrealloc(e->t, e->cap + 1);
		e->map = pl_xrealloc(e->map, (e->cap + 1) * sizeof(*e->map));
	}
	e->t[e->n] = c;
	e->map[e->n++] = (uint32_t)off;
}

static void
region(struct extract *e, size_t start)
{
	if (e->n == start) {
		return;
	}
	if (e->nregions + 2 > e->rcap) {
		e->rcap = e->rcap ? e->rcap * 2 : 16;
		e->regions = pl_xrealloc(e->regions, e->rcap * sizeof(*e->regions));
	}
	e->regions[e->nregions++] = start;
	e->regions[e->nregions++] = e->n;
}

/* The end of the line that starts at I (its '\n' or LEN). */
static size_t
line_end(const char *s, size_t len, size_t i)
{
	const char *nl = memchr(s + i, '\n', len - i);

	return nl != NULL ? (size_t)(nl - s) : len;
}

/* Whether the line S[i..e) ends with a backslash (before a '\r'). */
static bool
continues(const char *s, size_t i, size_t e)
{
	if (e > i && s[e - 1] == '\r') {
		e--;
	}
	return e > i && s[e - 1] == '\\';
}

static void
extract_shell(const struct pl_source *src, struct extract *e)
{
	for (size_t i = 0; i < src->len; i++) {
		put(e, src->text[i], i);
	}
	region(e, 0);
}

/* Recipe lines start with a tab; a backslash at the end continues the line, and the tab
 * of the next line is not part of the command. Make turns `$$` into `$` and leaves `$(X)`
 * for the shell parser to see as an expansion, which is what its value is here. */
static void
extract_make(const struct pl_source *src, struct extract *e)
{
	const char *s = src->text;
	size_t i = 0, len = src->len;

	while (i < len) {
		size_t end = line_end(s, len, i), start = e->n;
		bool first = true;

		if (s[i] != '\t') {
			i = end + 1;
			continue;
		}
		for (;;) {
			size_t j = i;

			if (j < end && s[j] == '\t') {
				j++;
			}
			while (first && j < end && (s[j] == '@' || s[j] == '-' || s[j] == '+' ||
						    s[j] == ' ')) {
				j++;
			}
			for (; j < end; j++) {
				put(e, s[j], j);
				if (s[j] == '$' && j + 1 < end && s[j + 1] == '$') {
					j++;
				}
			}
			put(e, '\n', end);
			first = false;
			if (!continues(s, i, end) || end >= len) {
				i = end + 1;
				break;
			}
			i = end + 1;
			end = line_end(s, len, i);
		}
		region(e, start);
	}
}

/* The info string of a fence names a shell language. */
static bool
shell_lang(const char *s, size_t n, bool *prompts)
{
	static const char *const shells[] = { "bash", "sh", "shell", "zsh", "console",
					      "shell-session", "shellsession", "terminal", NULL };
	char w[32];
	size_t k = 0;

	while (k < n && k + 1 < sizeof(w) && !isspace((unsigned char)s[k]) && s[k] != '{' &&
	       s[k] != ',') {
		w[k] = (char)tolower((unsigned char)s[k]);
		k++;
	}
	w[k] = '\0';
	for (const char *const *p = shells; *p != NULL; p++) {
		if (strcmp(w, *p) == 0) {
			*prompts = strcmp(w, "console") == 0 || strcmp(w, "shell-session") == 0 ||
				   strcmp(w, "shellsession") == 0 || strcmp(w, "terminal") == 0;
			return true;
		}
	}
	return false;
}

/* A prompt at S[i..e): "$ " after blanks. Returns the offset after it, or 0. */
static size_t
prompt(const char *s, size_t i, size_t e)
{
	while (i < e && (s[i] == ' ' || s[i] == '\t')) {
		i++;
	}
	if (i + 1 < e && s[i] == '$' && s[i + 1] == ' ') {
		return i + 2;
	}
	return 0;
}

/* A fence line: up to three... or more blanks (fences in list items are indented), then
 * three or more backticks or tildes. Returns the count and sets *CH, *INDENT, *INFO. */
static size_t
fence(const char *s, size_t i, size_t e, char *ch, size_t *indent, size_t *info)
{
	size_t j = i, k;

	while (j < e && j - i < 16 && s[j] == ' ') {
		j++;
	}
	if (j >= e || (s[j] != '`' && s[j] != '~')) {
		return 0;
	}
	for (k = j; k < e && s[k] == s[j]; k++) {
	}
	if (k - j < 3) {
		return 0;
	}
	*ch = s[j];
	*indent = j - i;
	while (k < e && (s[k] == ' ' || s[k] == '\t')) {
		k++;
	}
	*info = k;
	return k - j;
}

static void
extract_markdown(const struct pl_source *src, struct extract *e)
{
	const char *s = src->text;
	size_t i = 0, len = src->len;

	while (i < len) {
		size_t end = line_end(s, len, i), count, indent, info, b, start;
		bool prompts = false, any_prompt = false, cont = false;
		char ch;

		count = fence(s, i, end, &ch, &indent, &info);
		if (count == 0 || !shell_lang(s + info, end - info, &prompts)) {
			i = end + 1;
			if (count > 0) {
				/* Another language's block: skip to its closing fence, so that
				 * its lines are not read as fences. */
				while (i < len) {
					size_t e2 = line_end(s, len, i), c2, in2, inf2;
					char ch2;

					c2 = fence(s, i, e2, &ch2, &in2, &inf2);
					i = e2 + 1;
					if (c2 >= count && ch2 == ch && inf2 == e2) {
						break;
					}
				}
			}
			continue;
		}
		/* The block's lines: with prompts anywhere in it, only prompted lines and their
		 * continuations are commands; the rest is output. */
		b = end + 1;
		for (size_t j = b; j < len;) {
			size_t e2 = line_end(s, len, j), c2, in2, inf2;
			char ch2;

			c2 = fence(s, j, e2, &ch2, &in2, &inf2);
			if (c2 >= count && ch2 == ch) {
				break;
			}
			any_prompt = any_prompt || prompt(s, j, e2) != 0;
			j = e2 + 1;
		}
		prompts = prompts || any_prompt;
		start = e->n;
		for (i = b; i < len;) {
			size_t e2 = line_end(s, len, i), c2, in2, inf2, j = i, p;
			char ch2;

			c2 = fence(s, i, e2, &ch2, &in2, &inf2);
			if (c2 >= count && ch2 == ch) {
				i = e2 + 1;
				break;
			}
			while (j < e2 && j - i < indent && s[j] == ' ') {
				j++;
			}
			if (prompts && !cont) {
				p = prompt(s, i, e2);
				if (p == 0) {
					i = e2 + 1;
					continue;
				}
				j = p;
			} else if (prompts && j + 1 < e2 && s[j] == '>' && s[j + 1] == ' ') {
				j += 2; /* the shell's secondary prompt */
			}
			for (; j < e2; j++) {
				put(e, s[j], j);
			}
			put(e, '\n', e2);
			cont = continues(s, i, e2);
			i = e2 + 1;
		}
		region(e, start);
	}
}

/* ---- Docker's arguments ------------------------------------------------------------- */

struct flag_def {
	const char *name;
	char shorthand;
	bool value;
};

/* docker run and docker create (and podman's, which accepts the same). */
static const struct flag_def run_flags[] = {
	{ "add-host", 0, true }, { "annotation", 0, true }, { "attach", 'a', true },
	{ "blkio-weight", 0, true }, { "blkio-weight-device", 0, true },
	{ "cap-add", 0, true }, { "cap-drop", 0, true }, { "cgroup-parent", 0, true },
	{ "cgroupns", 0, true }, { "cidfile", 0, true }, { "cpu-period", 0, true },
	{ "cpu-quota", 0, true }, { "cpu-rt-period", 0, true }, { "cpu-rt-runtime", 0, true },
	{ "cpu-shares", 'c', true }, { "cpus", 0, true }, { "cpuset-cpus", 0, true },
	{ "cpuset-mems", 0, true }, { "detach", 'd', false }, { "detach-keys", 0, true },
	{ "device", 0, true }, { "device-cgroup-rule", 0, true },
	{ "device-read-bps", 0, true }, { "device-read-iops", 0, true },
	{ "device-write-bps", 0, true }, { "device-write-iops", 0, true },
	{ "disable-content-trust", 0, false }, { "dns", 0, true }, { "dns-option", 0, true },
	{ "dns-opt", 0, true }, { "dns-search", 0, true }, { "domainname", 0, true },
	{ "entrypoint", 0, true }, { "env", 'e', true }, { "env-file", 0, true },
	{ "expose", 0, true }, { "gpus", 0, true }, { "group-add", 0, true },
	{ "health-cmd", 0, true }, { "health-interval", 0, true },
	{ "health-retries", 0, true }, { "health-start-interval", 0, true },
	{ "health-start-period", 0, true }, { "health-timeout", 0, true },
	{ "help", 0, false }, { "hostname", 'h', true }, { "init", 0, false },
	{ "interactive", 'i', false }, { "ip", 0, true }, { "ip6", 0, true },
	{ "ipc", 0, true }, { "isolation", 0, true }, { "kernel-memory", 0, true },
	{ "label", 'l', true }, { "label-file", 0, true }, { "link", 0, true },
	{ "link-local-ip", 0, true }, { "log-driver", 0, true }, { "log-opt", 0, true },
	{ "mac-address", 0, true }, { "memory", 'm', true }, { "memory-reservation", 0, true },
	{ "memory-swap", 0, true }, { "memory-swappiness", 0, true }, { "mount", 0, true },
	{ "name", 0, true }, { "network", 0, true }, { "network-alias", 0, true },
	{ "no-healthcheck", 0, false }, { "oom-kill-disable", 0, false },
	{ "oom-score-adj", 0, true }, { "pid", 0, true }, { "pids-limit", 0, true },
	{ "platform", 0, true }, { "pod", 0, true }, { "privileged", 0, false },
	{ "publish", 'p', true }, { "publish-all", 'P', false }, { "pull", 0, true },
	{ "quiet", 'q', false }, { "read-only", 0, false }, { "replace", 0, false },
	{ "restart", 0, true }, { "rm", 0, false }, { "runtime", 0, true },
	{ "security-opt", 0, true }, { "shm-size", 0, true }, { "sig-proxy", 0, false },
	{ "stop-signal", 0, true }, { "stop-timeout", 0, true }, { "storage-opt", 0, true },
	{ "sysctl", 0, true }, { "tmpfs", 0, true }, { "tty", 't', false },
	{ "ulimit", 0, true }, { "use-api-socket", 0, false }, { "user", 'u', true },
	{ "userns", 0, true }, { "uts", 0, true }, { "volume", 'v', true },
	{ "volume-driver", 0, true }, { "volumes-from", 0, true }, { "workdir", 'w', true },
	{ NULL, 0, false },
};

static const struct flag_def build_flags[] = {
	{ "add-host", 0, true }, { "allow", 0, true }, { "annotation", 0, true },
	{ "attest", 0, true }, { "build-arg", 0, true }, { "build-context", 0, true },
	{ "builder", 0, true }, { "cache-from", 0, true }, { "cache-to", 0, true },
	{ "call", 0, true }, { "cgroup-parent", 0, true }, { "compress", 0, false },
	{ "cpu-period", 0, true }, { "cpu-quota", 0, true }, { "cpu-shares", 'c', true },
	{ "cpuset-cpus", 0, true }, { "cpuset-mems", 0, true }, { "file", 'f', true },
	{ "force-rm", 0, false }, { "iidfile", 0, true }, { "isolation", 0, true },
	{ "label", 0, true }, { "load", 0, false }, { "memory", 'm', true },
	{ "memory-swap", 0, true }, { "metadata-file", 0, true }, { "network", 0, true },
	{ "no-cache", 0, false }, { "no-cache-filter", 0, true }, { "output", 'o', true },
	{ "platform", 0, true }, { "progress", 0, true }, { "provenance", 0, true },
	{ "pull", 0, false }, { "push", 0, false }, { "quiet", 'q', false },
	{ "rm", 0, false }, { "sbom", 0, true }, { "secret", 0, true },
	{ "security-opt", 0, true }, { "shm-size", 0, true }, { "squash", 0, false },
	{ "ssh", 0, true }, { "tag", 't', true }, { "target", 0, true },
	{ "ulimit", 0, true }, { NULL, 0, false },
};

static const struct flag_def pull_flags[] = {
	{ "all-tags", 'a', false }, { "disable-content-trust", 0, false },
	{ "platform", 0, true }, { "quiet", 'q', false }, { NULL, 0, false },
};

/* Options of the docker command itself, before its subcommand. */
static const struct flag_def global_flags[] = {
	{ "config", 0, true }, { "context", 'c', true }, { "debug", 'D', false },
	{ "host", 'H', true }, { "log-level", 'l', true }, { "tls", 0, false },
	{ "tlscacert", 0, true }, { "tlscert", 0, true }, { "tlskey", 0, true },
	{ "tlsverify", 0, false }, { NULL, 0, false },
};

static const struct flag_def *
find_long(const struct flag_def *t, const char *name, size_t n)
{
	/* Spellings the Docker CLI also accepts. */
	if (n == 3 && strncmp(name, "net", 3) == 0) {
		name = "network", n = 7;
	} else if (n == 9 && strncmp(name, "net-alias", 9) == 0) {
		name = "network-alias", n = 13;
	}
	for (; t->name != NULL; t++) {
		if (strlen(t->name) == n && strncmp(t->name, name, n) == 0) {
			return t;
		}
	}
	return NULL;
}

static const struct flag_def *
find_short(const struct flag_def *t, char c)
{
	for (; t->name != NULL; t++) {
		if (t->shorthand == c) {
			return t;
		}
	}
	return NULL;
}

/* The offset in the file of byte K of word W's text, as near as quotes allow: the same
 * byte of the raw word when it has no quotes, the whole word otherwise. */
static uint32_t
text_off(const struct pl_script_word *w, const char *raw, size_t k)
{
	size_t rn = strlen(raw);

	if (strcmp(raw, w->text) == 0 && w->off + k <= w->end) {
		return w->off + (uint32_t)k;
	}
	/* --env="A=b": the text after the first '=' starts after it (and a quote) in RAW. */
	for (size_t j = 0; j < rn; j++) {
		if (raw[j] == '=') {
			j++;
			if (j < rn && (raw[j] == '"' || raw[j] == '\'')) {
				j++;
			}
			return w->off + (uint32_t)j <= w->end ? w->off + (uint32_t)j : w->off;
		}
	}
	return w->off;
}

static bool
looks_placeholder(const struct pl_script_word *w)
{
	const char *t = w->text;
	bool upper = true;

	if (w->expansion || t[0] == '\0' || strchr(t, '<') != NULL || strchr(t, '>') != NULL ||
	    strstr(t, "{{") != NULL || strstr(t, "...") != NULL || t[0] == '[' ||
	    t[0] == '$' || t[0] == '%') {
		return true;
	}
	/* IMAGE, IMAGE_NAME: a synopsis rather than an image (images are lower case). */
	for (const char *p = t; *p != '\0'; p++) {
		upper = upper && (isupper((unsigned char)*p) || *p == '_' || *p == '-' ||
				  isdigit((unsigned char)*p) || *p == ':');
	}
	return upper;
}

/* Whether S is one expansion and nothing else: $NAME, ${...}, $(...) or `...`. */
static bool
pure_expansion(const char *s)
{
	size_t n = strlen(s), i;

	if (n >= 2 && s[0] == '`') {
		return s[n - 1] == '`' && strchr(s + 1, '`') == s + n - 1;
	}
	if (n < 2 || s[0] != '$') {
		return false;
	}
	if (s[1] == '{') {
		return strchr(s, '}') == s + n - 1;
	}
	if (s[1] == '(') {
		return s[n - 1] == ')';
	}
	for (i = 1; i < n && (isalnum((unsigned char)s[i]) || s[i] == '_' || s[i] == '@' ||
			      s[i] == '*'); i++) {
	}
	return i == n;
}

struct dbuild {
	struct pl_arena *a;
	struct pl_docker_flag *flags;
	size_t n, cap;
};

static struct pl_docker_flag *
add_flag(struct dbuild *b)
{
	if (b->n == b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 8;

		b->flags = pl_arena_grow(b->a, b->flags, b->n, cap, sizeof(*b->flags));
		b->cap = cap;
	}
	memset(&b->flags[b->n], 0, sizeof(b->flags[0]));
	return &b->flags[b->n++];
}

/* Reads W[0..n) (the words after the subcommand) with flag table T into CMD. */
static void
read_args(struct pl_docker_cmd *cmd, const struct flag_def *t, struct pl_script_word *w,
	  const char **raw, size_t n, struct pl_arena *a)
{
	struct dbuild b = { .a = a };
	size_t k;

	cmd->args = w;
	cmd->nargs = n;
	cmd->image_arg = n;
	for (k = 0; k < n; k++) {
		const char *s = w[k].text;

		if (strcmp(s, "--") == 0) {
			k++;
			break;
		}
		if (s[0] == '-' && s[1] == '-' && s[2] != '\0') {
			const char *eq = strchr(s + 2, '=');
			size_t nl = eq ? (size_t)(eq - s - 2) : strlen(s + 2);
			const struct flag_def *d = find_long(t, s + 2, nl);
			struct pl_docker_flag *f = add_flag(&b);

			f->name = d ? d->name : pl_arena_strndup(a, s + 2, nl);
			f->off = w[k].off;
			f->end = f->voff = f->vend = w[k].end;
			f->voff = f->off;
			if (eq != NULL) {
				f->value = eq + 1;
				f->voff = text_off(&w[k], raw[k], (size_t)(eq + 1 - s));
				f->vexpansion = w[k].expansion;
			} else if (d != NULL && d->value && k + 1 < n) {
				k++;
				f->value = w[k].text;
				f->voff = w[k].off;
				f->vend = w[k].end;
				f->vexpansion = w[k].expansion;
			}
			continue;
		}
		if (s[0] == '-' && s[1] != '\0') {
			for (size_t j = 1; s[j] != '\0'; j++) {
				const struct flag_def *d = find_short(t, s[j]);
				struct pl_docker_flag *f = add_flag(&b);

				f->name = d ? d->name : pl_arena_strndup(a, s + j, 1);
				f->off = w[k].off;
				f->end = f->vend = w[k].end;
				f->voff = f->off;
				if (d == NULL || !d->value) {
					if (s[j + 1] == '=') {
						f->value = s + j + 2;
						break;
					}
					continue;
				}
				if (s[j + 1] != '\0') {
					size_t v = j + 1 + (s[j + 1] == '=');

					f->value = s + v;
					f->voff = text_off(&w[k], raw[k], v);
					f->vexpansion = w[k].expansion;
				} else if (k + 1 < n) {
					k++;
					f->value = w[k].text;
					f->voff = w[k].off;
					f->vend = w[k].end;
					f->vexpansion = w[k].expansion;
				}
				break;
			}
			continue;
		}
		/* "$DOCKER_OPTS" or "${args[@]}" where a flag or the image may be: both are
		 * unknown. */
		if (w[k].expansion && k + 1 < n && pure_expansion(s)) {
			cmd->opaque = true;
		}
		break;
	}
	if (k < n) {
		cmd->image = &w[k];
		cmd->image_arg = k;
		cmd->placeholder = looks_placeholder(&w[k]);
	} else {
		cmd->placeholder = true; /* nothing to say about an image that is not there */
	}
	cmd->flags = b.flags;
	cmd->nflags = b.n;
}

const struct pl_docker_flag *
pl_docker_flag(const struct pl_docker_cmd *cmd, const char *name)
{
	for (size_t i = cmd->nflags; i-- > 0;) {
		if (strcmp(cmd->flags[i].name, name) == 0) {
			return &cmd->flags[i];
		}
	}
	return NULL;
}

static bool
flag_on(const struct pl_docker_flag *f)
{
	return f != NULL && (f->value == NULL || pl_streq_ci(f->value, "true") ||
			     strcmp(f->value, "1") == 0);
}

/* The words of C from I on, with their offsets mapped back into the file. */
static struct pl_script_word *
map_words(const struct pl_sh_cmd *c, size_t i, const struct extract *e, size_t rs, size_t rn,
	  struct pl_arena *a, const char ***raw)
{
	struct pl_script_word *w = pl_arena_alloc(a, (c->argc - i + 1) * sizeof(*w));
	const char **r = pl_arena_alloc(a, (c->argc - i + 1) * sizeof(*r));

	for (size_t k = i; k < c->argc; k++) {
		const struct pl_sh_word *sw = &c->argv[k];
		uint32_t off = sw->off < rn ? sw->off : (uint32_t)(rn - 1);
		uint32_t end = sw->end <= rn ? sw->end : (uint32_t)rn;

		w[k - i].text = sw->text;
		w[k - i].off = e->map[rs + off];
		w[k - i].end = end > off ? e->map[rs + end - 1] + 1 : w[k - i].off;
		w[k - i].expansion = (sw->flags & PL_SHW_EXPANSION) != 0;
		r[k - i] = sw->raw;
	}
	*raw = r;
	return w;
}

/* Index of the subcommand's first argument after docker's own options and the words
 * that name the subcommand; sets *VERB. Returns 0 when C is no command of the model. */
static size_t
subcommand(const struct pl_sh_cmd *c, size_t i, enum pl_docker_verb *verb)
{
	const char *s;

	while (i < c->argc && c->argv[i].text[0] == '-') {
		const char *g = c->argv[i].text;
		const struct flag_def *d = g[1] == '-' ? find_long(global_flags, g + 2,
								   strcspn(g + 2, "="))
						       : find_short(global_flags, g[1]);

		i += d != NULL && d->value && strchr(g, '=') == NULL && g[1] != '\0' &&
		     (g[1] == '-' || g[2] == '\0') ? 2 : 1;
	}
	if (i >= c->argc) {
		return 0;
	}
	s = c->argv[i].text;
	if (strcmp(s, "container") == 0 || strcmp(s, "image") == 0 ||
	    strcmp(s, "buildx") == 0 || strcmp(s, "builder") == 0) {
		bool img = strcmp(s, "image") == 0, ctr = strcmp(s, "container") == 0;

		if (++i >= c->argc) {
			return 0;
		}
		s = c->argv[i].text;
		if (ctr && (strcmp(s, "run") == 0 || strcmp(s, "create") == 0)) {
			*verb = PL_DK_RUN;
		} else if (!ctr && strcmp(s, "build") == 0) {
			*verb = PL_DK_BUILD;
		} else if (img && strcmp(s, "pull") == 0) {
			*verb = PL_DK_PULL;
		} else {
			return 0;
		}
		return i + 1;
	}
	if (strcmp(s, "run") == 0 || strcmp(s, "create") == 0) {
		*verb = PL_DK_RUN;
	} else if (strcmp(s, "build") == 0) {
		*verb = PL_DK_BUILD;
	} else if (strcmp(s, "pull") == 0) {
		*verb = PL_DK_PULL;
	} else {
		return 0;
	}
	return i + 1;
}

static void
add_cmd(struct pl_script *out, size_t *cap, const struct pl_sh_cmd *c, const struct extract *e,
	size_t rs, size_t rn, struct pl_arena *a)
{
	static const struct flag_def *const tables[] = { run_flags, build_flags, pull_flags };
	size_t prog = pl_sh_cmd_prog(c), i;
	enum pl_docker_verb verb = PL_DK_RUN;
	struct pl_docker_cmd *cmd;
	struct pl_script_word *w, *all;
	const char *tool, **raw, **allraw;
	const struct pl_docker_flag *f;

	if (prog >= c->argc) {
		return;
	}
	tool = pl_sh_basename(&c->argv[prog]);
	if (strcmp(tool, "docker") != 0 && strcmp(tool, "podman") != 0) {
		return;
	}
	i = subcommand(c, prog + 1, &verb);
	if (i == 0) {
		return;
	}
	if (out->ncmds >= PL_MAX_SCRIPT_COMMANDS) {
		out->truncated = true;
		return;
	}
	if (out->ncmds == *cap) {
		size_t ncap = *cap ? *cap * 2 : 8;

		out->cmds = pl_arena_grow(a, out->cmds, out->ncmds, ncap, sizeof(*out->cmds));
		*cap = ncap;
	}
	cmd = &out->cmds[out->ncmds++];
	memset(cmd, 0, sizeof(*cmd));
	cmd->verb = verb;
	cmd->tool = strcmp(tool, "docker") == 0 ? "docker" : "podman";
	all = map_words(c, prog, e, rs, rn, a, &allraw);
	cmd->off = all[0].off;
	cmd->end = all[c->argc - prog - 1].end;
	cmd->verb_off = all[0].off;
	cmd->verb_end = all[i - 1 - prog].end;
	w = all + (i - prog);
	raw = allraw + (i - prog);
	read_args(cmd, tables[verb], w, raw, c->argc - i, a);
	f = pl_docker_flag(cmd, "restart");
	/* In Markdown, -d alone is how quick starts keep the terminal free; a restart policy
	 * is what says the container is meant to stay. */
	cmd->service = (verb == PL_DK_RUN) &&
		       ((out->lang != PL_SCRIPT_MARKDOWN &&
			 flag_on(pl_docker_flag(cmd, "detach"))) ||
			(f != NULL && f->value != NULL && strcmp(f->value, "no") != 0));
}

enum pl_script_lang
pl_script_lang_of(const char *name)
{
	const char *base = strrchr(name, '/') ? strrchr(name, '/') + 1 : name;
	size_t n = strlen(base);

	if ((n > 3 && pl_streq_ci(base + n - 3, ".md")) ||
	    (n > 9 && pl_streq_ci(base + n - 9, ".markdown"))) {
		return PL_SCRIPT_MARKDOWN;
	}
	if (strcmp(base, "Makefile") == 0 || strcmp(base, "makefile") == 0 ||
	    strcmp(base, "GNUmakefile") == 0 || (n > 3 && strcmp(base + n - 3, ".mk") == 0)) {
		return PL_SCRIPT_MAKE;
	}
	return PL_SCRIPT_SHELL;
}

bool
pl_script_sniff(const char *text, size_t n)
{
	static const char *const words[] = { "docker ", "podman ", "docker\t", "podman\t" };

	for (size_t i = 0; i + 7 <= n; i++) {
		if (text[i] != 'd' && text[i] != 'p') {
			continue;
		}
		for (size_t k = 0; k < sizeof(words) / sizeof(words[0]); k++) {
			if (memcmp(text + i, words[k], 7) == 0) {
				return true;
			}
		}
	}
	return false;
}

bool
pl_script_shebang(const char *text, size_t n)
{
	static const char *const shells[] = { "sh", "bash", "dash", "ksh", "zsh", NULL };
	size_t e, i, k;

	if (n < 3 || text[0] != '#' || text[1] != '!') {
		return false;
	}
	e = 2;
	while (e < n && text[e] != '\n') {
		e++;
	}
	/* The interpreter's base name, or the program `env` runs. */
	for (i = 2; i < e;) {
		while (i < e && (text[i] == ' ' || text[i] == '\t')) {
			i++;
		}
		k = i;
		while (k < e && text[k] != ' ' && text[k] != '\t' && text[k] != '\r') {
			k++;
		}
		for (size_t j = k; j > i; j--) {
			if (text[j - 1] == '/') {
				i = j;
				break;
			}
		}
		for (const char *const *s = shells; *s != NULL; s++) {
			if (k - i == strlen(*s) && strncmp(text + i, *s, k - i) == 0) {
				return true;
			}
		}
		if (!(k - i == 3 && strncmp(text + i, "env", 3) == 0)) {
			return false;
		}
		i = k;
	}
	return false;
}

void
pl_script_build(const struct pl_source *src, enum pl_script_lang lang, struct pl_arena *a,
		struct pl_script *out)
{
	struct extract e = { 0 };
	size_t cap = 0;

	memset(out, 0, sizeof(*out));
	out->src = src;
	out->lang = lang;
	if (lang == PL_SCRIPT_MAKE) {
		extract_make(src, &e);
	} else if (lang == PL_SCRIPT_MARKDOWN) {
		extract_markdown(src, &e);
	} else {
		extract_shell(src, &e);
	}
	for (size_t r = 0; r + 1 < e.nregions && !out->truncated; r += 2) {
		size_t rs = e.regions[r], rn = e.regions[r + 1] - rs;
		struct pl_sh_script sh;

		if (!pl_script_sniff(e.t + rs, rn)) {
			continue; /* most code blocks and recipes run no container */
		}
		pl_sh_parse(e.t + rs, rn, a, &sh);
		for (size_t k = 0; k < sh.ncmds && !out->truncated; k++) {
			add_cmd(out, &cap, &sh.cmds[k], &e, rs, rn, a);
		}
	}
	free(e.t);
	free(e.map);
	free(e.regions);
}
