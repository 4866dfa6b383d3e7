/*
 * config.c -- reading .plimsoll.yaml with libfyaml, and answering the engine's questions
 * about it: is this rule on for this file, at which severity, is this registry trusted.
 *
 * The file is small and read once per run, so it is loaded into a libfyaml document tree
 * and walked; every scalar keeps its line and column for error messages. Aliases are
 * refused: a configuration has no use for them and they are the door to "billion laughs"
 * documents.
 */
#include "engine/config.h"
#include "core/source.h"
#include "core/str.h"
#include "core/xalloc.h"

#include <errno.h>
#include <libfyaml.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* A configuration is a page of YAML; anything over 1 MiB is not one. */
enum { MAX_CONFIG_BYTES = 1024 * 1024 };

static const char *const top_keys[] = {
	"ignore", "severity", "paths", "trusted_registries", "base_image_pin", "required_labels",
	NULL,
};
static const char *const path_keys[] = { "path", "ignore", "severity", NULL };

struct loader {
	struct pl_config *cfg;
	struct pl_report *r;
	const char *file;
	int errors;
};

void
pl_config_init(struct pl_config *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	pl_arena_init(&cfg->arena);
	cfg->pin_policy = PL_PIN_PATCH;
}

void
pl_config_finish(struct pl_config *cfg)
{
	pl_arena_finish(&cfg->arena);
	memset(cfg, 0, sizeof(*cfg));
}

/* Line and column (1-based) of a node: its scalar token's, else the nearest known. */
static void
node_pos(struct fy_node *n, uint32_t *line, uint32_t *col)
{
	struct fy_token *t = n ? fy_node_get_scalar_token(n) : NULL;
	const struct fy_mark *m = t ? fy_token_start_mark(t) : NULL;

	*line = m ? (uint32_t)m->line + 1 : 0;
	*col = m ? (uint32_t)m->column + 1 : 0;
}

static void error_at(struct loader *l, struct fy_node *at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void
error_at(struct loader *l, struct fy_node *at, const char *fmt, ...)
{
	char msg[512];
	uint32_t line, col;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	node_pos(at, &line, &col);
	pl_report_error(l->r, l->file, line, col, "%s", msg);
	l->errors++;
}

/* The scalar text of N, NUL-terminated in the config's arena; NULL when N is no scalar. */
static const char *
scalar(struct loader *l, struct fy_node *n)
{
	const char *s;
	size_t len;

	if (n == NULL || !fy_node_is_scalar(n) || fy_node_is_alias(n)) {
		return NULL;
	}
	s = fy_node_get_scalar(n, &len);
	return s ? pl_arena_strndup(&l->cfg->arena, s, len) : NULL;
}

/* Levenshtein distance, for "did you mean" on unknown keys; keys are short. */
static size_t
distance(const char *a, const char *b)
{
	size_t n = strlen(a), m = strlen(b), i, j, prev, cur, tmp;
	size_t row[64];

	if (n >= 63 || m >= 63) {
		return 99;
	}
	for (j = 0; j <= m; j++) {
		row[j] = j;
	}
	for (i = 1; i <= n; i++) {
		prev = row[0];
		row[0] = i;
		for (j = 1; j <= m; j++) {
			cur = prev + (a[i - 1] != b[j - 1]);
			tmp = row[j];
			if (row[j] + 1 < cur) {
				cur = row[j] + 1;
			}
			if (row[j - 1] + 1 < cur) {
				cur = row[j - 1] + 1;
			}
			row[j] = cur;
			prev = tmp;
		}
	}
	return row[m];
}

static bool
known_key(struct loader *l, struct fy_node *key, const char *k, const char *const *keys,
	  const char *where)
{
	const char *best = NULL;
	size_t bd = 99;

	for (const char *const *p = keys; *p != NULL; p++) {
		size_t d;

		if (strcmp(*p, k) == 0) {
			return true;
		}
		d = distance(*p, k);
		if (d < bd) {
			bd = d;
			best = *p;
		}
	}
	/* Two edits catch transpositions and a dropped letter without suggesting nonsense. */
	if (best != NULL && bd <= 2) {
		error_at(l, key, "unknown key '%s'%s; did you mean '%s'?", k, where, best);
	} else {
		error_at(l, key, "unknown key '%s'%s", k, where);
	}
	return false;
}

/* Refuses aliases anywhere below N (the tree is small: a plain recursive walk, bounded by
 * libfyaml's own depth limit). */
static void
refuse_aliases(struct loader *l, struct fy_node *n)
{
	void *it = NULL;
	struct fy_node *c;
	struct fy_node_pair *p;

	if (n == NULL) {
		return;
	}
	if (fy_node_is_alias(n)) {
		error_at(l, n, "YAML aliases are not allowed in a plimsoll configuration");
		return;
	}
	if (fy_node_is_sequence(n)) {
		while ((c = fy_node_sequence_iterate(n, &it)) != NULL) {
			refuse_aliases(l, c);
		}
	} else if (fy_node_is_mapping(n)) {
		while ((p = fy_node_mapping_iterate(n, &it)) != NULL) {
			refuse_aliases(l, fy_node_pair_key(p));
			refuse_aliases(l, fy_node_pair_value(p));
		}
	}
}

/* A sequence of strings into an arena array. KEY is for error positions. */
static const char **
strings(struct loader *l, struct fy_node *key, struct fy_node *v, const char *name, size_t *n)
{
	const char **out;
	void *it = NULL;
	struct fy_node *c;

	*n = 0;
	if (v == NULL || !fy_node_is_sequence(v)) {
		error_at(l, key, "'%s' must be a list", name);
		return NULL;
	}
	out = pl_arena_alloc(&l->cfg->arena, ((size_t)fy_node_sequence_item_count(v) + 1) *
						   sizeof(char *));
	while ((c = fy_node_sequence_iterate(v, &it)) != NULL) {
		const char *s = scalar(l, c);

		if (s == NULL || s[0] == '\0') {
			error_at(l, c != NULL && fy_node_is_scalar(c) ? c : key,
				 "'%s' entries must be non-empty strings", name);
			continue;
		}
		out[(*n)++] = s;
	}
	return out;
}

static const struct pl_rule **
rules(struct loader *l, struct fy_node *key, struct fy_node *v, size_t *n)
{
	const struct pl_rule **out;
	void *it = NULL;
	struct fy_node *c;

	*n = 0;
	if (v == NULL || !fy_node_is_sequence(v)) {
		error_at(l, key, "'ignore' must be a list of rule ids or names");
		return NULL;
	}
	out = pl_arena_alloc(&l->cfg->arena, ((size_t)fy_node_sequence_item_count(v) + 1) *
						   sizeof(*out));
	while ((c = fy_node_sequence_iterate(v, &it)) != NULL) {
		const char *s = scalar(l, c);
		const struct pl_rule *r = s ? pl_rule_find(s) : NULL;

		if (r == NULL) {
			error_at(l, c, "unknown rule '%s': 'plimsoll rules' lists them",
				 s ? s : "(not a string)");
			continue;
		}
		out[(*n)++] = r;
	}
	return out;
}

static struct pl_sev_override *
severities(struct loader *l, struct fy_node *key, struct fy_node *v, size_t *n)
{
	struct pl_sev_override *out;
	void *it = NULL;
	struct fy_node_pair *p;

	*n = 0;
	if (v == NULL || !fy_node_is_mapping(v)) {
		error_at(l, key, "'severity' must map rule ids to severities");
		return NULL;
	}
	out = pl_arena_alloc(&l->cfg->arena, ((size_t)fy_node_mapping_item_count(v) + 1) *
						   sizeof(*out));
	while ((p = fy_node_mapping_iterate(v, &it)) != NULL) {
		const char *k = scalar(l, fy_node_pair_key(p)), *s = scalar(l, fy_node_pair_value(p));
		const struct pl_rule *r = k ? pl_rule_find(k) : NULL;
		int sev = s ? pl_severity_parse(s) : -1;

		if (r == NULL) {
			error_at(l, fy_node_pair_key(p), "unknown rule '%s': 'plimsoll rules' lists "
				 "them", k ? k : "(not a string)");
			continue;
		}
		if (sev < 0 || sev == PL_SEV_NEVER) {
			error_at(l, fy_node_pair_value(p) ? fy_node_pair_value(p) : fy_node_pair_key(p),
				 "severity of %s must be info, low, medium, high or critical", r->id);
			continue;
		}
		out[*n].rule = r;
		out[*n].severity = (enum pl_severity)sev;
		(*n)++;
	}
	return out;
}

static void
load_paths(struct loader *l, struct fy_node *key, struct fy_node *v)
{
	struct pl_config *cfg = l->cfg;
	void *it = NULL;
	struct fy_node *c;

	if (v == NULL || !fy_node_is_sequence(v)) {
		error_at(l, key, "'paths' must be a list of {path, ignore, severity}");
		return;
	}
	cfg->paths = pl_arena_alloc(&cfg->arena, ((size_t)fy_node_sequence_item_count(v) + 1) *
						       sizeof(*cfg->paths));
	while ((c = fy_node_sequence_iterate(v, &it)) != NULL) {
		struct pl_path_override *po = &cfg->paths[cfg->npaths];
		void *it2 = NULL;
		struct fy_node_pair *p;
		struct fy_node *first = NULL;

		memset(po, 0, sizeof(*po));
		if (!fy_node_is_mapping(c)) {
			error_at(l, key, "each 'paths' entry must be a mapping with a 'path'");
			continue;
		}
		while ((p = fy_node_mapping_iterate(c, &it2)) != NULL) {
			struct fy_node *k = fy_node_pair_key(p), *val = fy_node_pair_value(p);
			const char *name = scalar(l, k);

			first = first ? first : k;
			if (name == NULL || !known_key(l, k, name, path_keys, " in a 'paths' entry")) {
				continue;
			}
			if (strcmp(name, "path") == 0) {
				po->glob = scalar(l, val);
				if (po->glob == NULL || po->glob[0] == '\0') {
					error_at(l, k, "'path' must be a non-empty pattern");
				}
			} else if (strcmp(name, "ignore") == 0) {
				po->ignore = rules(l, k, val, &po->nignore);
			} else {
				po->severity = severities(l, k, val, &po->nseverity);
			}
		}
		if (po->glob == NULL) {
			error_at(l, first ? first : key, "a 'paths' entry needs a 'path'");
			continue;
		}
		cfg->npaths++;
	}
}

static void
load_root(struct loader *l, struct fy_node *root)
{
	struct pl_config *cfg = l->cfg;
	void *it = NULL;
	struct fy_node_pair *p;

	if (root == NULL) {
		return; /* an empty file: the defaults */
	}
	if (!fy_node_is_mapping(root)) {
		error_at(l, root, "a plimsoll configuration is a mapping of settings");
		return;
	}
	while ((p = fy_node_mapping_iterate(root, &it)) != NULL) {
		struct fy_node *k = fy_node_pair_key(p), *v = fy_node_pair_value(p);
		const char *name = scalar(l, k), *s;

		if (name == NULL) {
			error_at(l, k, "setting names must be strings");
			continue;
		}
		if (!known_key(l, k, name, top_keys, "")) {
			continue;
		}
		if (strcmp(name, "ignore") == 0) {
			cfg->ignore = rules(l, k, v, &cfg->nignore);
		} else if (strcmp(name, "severity") == 0) {
			cfg->severity = severities(l, k, v, &cfg->nseverity);
		} else if (strcmp(name, "paths") == 0) {
			load_paths(l, k, v);
		} else if (strcmp(name, "trusted_registries") == 0) {
			cfg->trusted_registries = strings(l, k, v, name, &cfg->ntrusted);
		} else if (strcmp(name, "required_labels") == 0) {
			cfg->required_labels = strings(l, k, v, name, &cfg->nrequired);
		} else {
			s = scalar(l, v);
			if (s != NULL && strcmp(s, "tag") == 0) {
				cfg->pin_policy = PL_PIN_TAG;
			} else if (s != NULL && strcmp(s, "patch") == 0) {
				cfg->pin_policy = PL_PIN_PATCH;
			} else if (s != NULL && strcmp(s, "digest") == 0) {
				cfg->pin_policy = PL_PIN_DIGEST;
			} else {
				error_at(l, v && fy_node_is_scalar(v) ? v : k,
					 "base_image_pin must be tag, patch or digest");
			}
		}
	}
}

int
pl_config_load(struct pl_config *cfg, const char *path, struct pl_report *r)
{
	struct loader l = { .cfg = cfg, .r = r, .file = path };
	struct fy_diag_cfg dcfg;
	struct fy_parse_cfg pcfg;
	struct fy_diag *diag;
	struct fy_document *doc;
	struct stat st;
	struct pl_source src;
	const char *why;
	char *dir, *slash;
	FILE *devnull;

	if (stat(path, &st) != 0) {
		pl_report_error(r, path, 0, 0, "cannot read the configuration: %s", strerror(errno));
		return -1;
	}
	if (!S_ISREG(st.st_mode) || st.st_size > MAX_CONFIG_BYTES) {
		pl_report_error(r, path, 0, 0, "not a configuration file (a regular file of at "
				"most 1 MiB)");
		return -1;
	}
	/* The text is checked before libfyaml sees it: YAML is UTF-8, and libfyaml 0.7 can
	 * loop forever on some invalid byte sequences (a directive line with a stray
	 * continuation byte), which a configuration from a pull request must not cause. */
	if (pl_source_read(&src, path, path, &why) != 0) {
		pl_report_error(r, path, 0, 0, "cannot read the configuration: %s", why);
		return -1;
	}
	if (!pl_utf8_valid(src.text, src.len)) {
		struct pl_pos at = pl_source_pos(&src, pl_utf8_first_invalid(src.text, src.len));

		pl_report_error(r, path, at.line, at.col, "not UTF-8 text: a configuration must be "
				"UTF-8 YAML");
		pl_source_finish(&src);
		return -1;
	}
	cfg->path = pl_arena_strdup(&cfg->arena, path);
	dir = realpath(path, NULL);
	if (dir != NULL && (slash = strrchr(dir, '/')) != NULL) {
		*(slash == dir ? slash + 1 : slash) = '\0';
		cfg->dir = pl_arena_strdup(&cfg->arena, dir);
	}
	free(dir);
	/* Diagnostics are collected, not printed: they become file errors with positions. */
	devnull = fopen("/dev/null", "w");
	fy_diag_cfg_default(&dcfg);
	dcfg.fp = devnull;
	diag = fy_diag_create(&dcfg);
	if (diag != NULL) {
		fy_diag_set_collect_errors(diag, true);
	}
	memset(&pcfg, 0, sizeof(pcfg));
	pcfg.flags = FYPCF_QUIET | FYPCF_DEFAULT_VERSION_1_2 | FYPCF_JSON_NONE;
	pcfg.diag = diag;
	doc = fy_document_build_from_string(&pcfg, src.text, src.len);
	if (doc == NULL) {
		struct fy_diag_error *e;
		void *it = NULL;
		int n = 0;

		while (diag != NULL && (e = fy_diag_errors_iterate(diag, &it)) != NULL) {
			pl_report_error(r, path, (uint32_t)(e->line + 1), (uint32_t)(e->column + 1),
					"invalid YAML: %s", e->msg ? e->msg : "syntax error");
			n++;
		}
		if (n == 0) {
			pl_report_error(r, path, 0, 0, "invalid YAML");
		}
		l.errors = 1;
	} else {
		refuse_aliases(&l, fy_document_root(doc));
		if (l.errors == 0) {
			load_root(&l, fy_document_root(doc));
		}
		fy_document_destroy(doc);
	}
	if (diag != NULL) {
		fy_diag_destroy(diag);
	}
	if (devnull != NULL) {
		fclose(devnull);
	}
	pl_source_finish(&src);
	return l.errors == 0 ? 0 : -1;
}

char *
pl_config_find(const char *start)
{
	static const char *const names[] = { ".plimsoll.yaml", ".plimsoll.yml", NULL };
	char *dir = realpath(start, NULL), *slash;
	struct stat st;

	if (dir == NULL) {
		return NULL;
	}
	if (stat(dir, &st) == 0 && !S_ISDIR(st.st_mode) && (slash = strrchr(dir, '/')) != NULL) {
		*(slash == dir ? slash + 1 : slash) = '\0';
	}
	for (;;) {
		for (const char *const *n = names; *n != NULL; n++) {
			size_t len = strlen(dir) + strlen(*n) + 2;
			char *cand = pl_xmalloc(len);

			snprintf(cand, len, "%s%s%s", dir, strcmp(dir, "/") == 0 ? "" : "/", *n);
			if (stat(cand, &st) == 0 && S_ISREG(st.st_mode)) {
				free(dir);
				return cand;
			}
			free(cand);
		}
		if (strcmp(dir, "/") == 0) {
			break;
		}
		slash = strrchr(dir, '/');
		if (slash == NULL) {
			break;
		}
		*(slash == dir ? slash + 1 : slash) = '\0';
	}
	free(dir);
	return NULL;
}

/*
 * .dockerignore-style matching of PATTERN against PATH (both '/'-separated, relative):
 * `*` and `?` within a segment, `[...]` classes, `**` for any number of segments. A
 * pattern also matches everything below a matching directory.
 */
static bool
match_here(const char *p, const char *s, int depth)
{
	/* Patterns are short; the depth guard bounds backtracking on hostile ones. */
	if (depth > 64) {
		return false;
	}
	for (; *p; p++, s++) {
		if (p[0] == '*' && p[1] == '*') {
			const char *rest = p + 2;

			if (*rest == '/') {
				rest++;
			}
			for (const char *t = s;; t++) {
				if (match_here(rest, t, depth + 1)) {
					return true;
				}
				if (*t == '\0') {
					return false;
				}
			}
		}
		if (*p == '*') {
			for (const char *t = s;; t++) {
				if (match_here(p + 1, t, depth + 1)) {
					return true;
				}
				if (*t == '\0' || *t == '/') {
					return false;
				}
			}
		}
		if (*s == '\0') {
			return false;
		}
		if (*p == '?') {
			if (*s == '/') {
				return false;
			}
			continue;
		}
		if (*p == '[') {
			const char *q = p + 1;
			bool neg = *q == '!' || *q == '^', hit = false;

			q += neg;
			for (; *q && *q != ']'; q++) {
				if (q[1] == '-' && q[2] && q[2] != ']') {
					hit |= *s >= q[0] && *s <= q[2];
					q += 2;
				} else {
					hit |= *s == *q;
				}
			}
			if (*q != ']' || hit == neg || *s == '/') {
				return false;
			}
			p = q;
			continue;
		}
		if (*p == '\\' && p[1]) {
			p++;
		}
		if (*p != *s) {
			return false;
		}
	}
	return *s == '\0' || *s == '/';
}

/* FILE relative to the configuration's directory, or NULL when it is outside. */
static char *
relative(const struct pl_config *cfg, const char *file)
{
	char *abs = realpath(file, NULL), *out = NULL;
	size_t n;

	if (abs == NULL || cfg->dir == NULL) {
		free(abs);
		return NULL;
	}
	n = strlen(cfg->dir);
	if (strcmp(cfg->dir, "/") == 0) {
		out = pl_xstrdup(abs + 1);
	} else if (strncmp(abs, cfg->dir, n) == 0 && abs[n] == '/') {
		out = pl_xstrdup(abs + n + 1);
	}
	free(abs);
	return out;
}

int
pl_config_severity(const struct pl_config *cfg, const struct pl_rule *r, const char *file)
{
	int sev = (int)r->severity;
	char *rel = NULL;
	size_t i, k;

	for (i = 0; i < cfg->nignore; i++) {
		if (cfg->ignore[i] == r) {
			return -1;
		}
	}
	for (i = 0; i < cfg->nseverity; i++) {
		if (cfg->severity[i].rule == r) {
			sev = (int)cfg->severity[i].severity;
		}
	}
	if (cfg->npaths == 0) {
		return sev;
	}
	rel = relative(cfg, file);
	for (i = 0; rel != NULL && i < cfg->npaths; i++) {
		const struct pl_path_override *po = &cfg->paths[i];
		const char *g = po->glob[0] == '/' ? po->glob + 1 : po->glob;

		if (!match_here(g, rel, 0)) {
			continue;
		}
		for (k = 0; k < po->nignore; k++) {
			if (po->ignore[k] == r) {
				free(rel);
				return -1;
			}
		}
		for (k = 0; k < po->nseverity; k++) {
			if (po->severity[k].rule == r) {
				sev = (int)po->severity[k].severity;
			}
		}
	}
	free(rel);
	return sev;
}

bool
pl_config_trusted(const struct pl_config *cfg, const char *image)
{
	char full[1024];
	const char *slash = strchr(image, '/');
	size_t i, n;

	if (cfg->ntrusted == 0) {
		return true;
	}
	/* Docker's rule: the first component is a registry when it has a '.' or ':' or is
	 * localhost; otherwise the image is on Docker Hub, official ones under library/. */
	if (slash != NULL && (memchr(image, '.', (size_t)(slash - image)) != NULL ||
			      memchr(image, ':', (size_t)(slash - image)) != NULL ||
			      strncmp(image, "localhost/", 10) == 0)) {
		snprintf(full, sizeof(full), "%s", image);
	} else if (slash != NULL) {
		snprintf(full, sizeof(full), "docker.io/%s", image);
	} else {
		snprintf(full, sizeof(full), "docker.io/library/%s", image);
	}
	for (i = 0; i < cfg->ntrusted; i++) {
		const char *t = cfg->trusted_registries[i];

		n = strlen(t);
		while (n > 0 && t[n - 1] == '/') {
			n--;
		}
		if (strncmp(full, t, n) == 0 &&
		    (full[n] == '/' || full[n] == ':' || full[n] == '@' || full[n] == '\0')) {
			return true;
		}
	}
	return false;
}
