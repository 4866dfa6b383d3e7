/*
 * common.c -- option helpers, colour detection and the walk that finds Dockerfiles.
 */
#include "cli/cli.h"
#include "engine/rule.h"
#include "core/limits.h"
#include "core/str.h"
#include "core/xalloc.h"
#include "model/k8s.h"
#include "model/script.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int
pl_cli_usage_error(const struct pl_cmd *cmd, const char *fmt, ...)
{
	va_list ap;

	fputs("plimsoll: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	if (cmd != NULL) {
		fprintf(stderr, "usage: plimsoll %s %s\nTry 'plimsoll %s --help'.\n", cmd->name,
			cmd->args, cmd->name);
	} else {
		fputs("Try 'plimsoll --help'.\n", stderr);
	}
	return PL_EXIT_USAGE;
}

void
pl_cli_help(const struct pl_cmd *cmd, FILE *out)
{
	fprintf(out, "usage: plimsoll %s %s\n\n%s\n\n%s", cmd->name, cmd->args, cmd->about,
		cmd->help);
}

int
pl_cli_opt_value(int argc, char **argv, int *i, const char *name, const char **value)
{
	const char *a = argv[*i];
	size_t n = strlen(name);

	if (strncmp(a, name, n) != 0) {
		return 0;
	}
	if (a[n] == '=') {
		*value = a + n + 1;
		return 1;
	}
	if (a[n] != '\0') {
		return 0;
	}
	if (*i + 1 >= argc) {
		return -1;
	}
	*value = argv[++*i];
	return 1;
}

int
pl_cli_report_opt(const struct pl_cmd *cmd, int argc, char **argv, int *i,
		  struct pl_cli_report *ro)
{
	const char *a = argv[*i], *v;
	int o, sev;

	if (strcmp(a, "--no-color") == 0) {
		ro->no_color = true;
	} else if (strcmp(a, "--quiet") == 0 || strcmp(a, "-q") == 0) {
		ro->oo->quiet = true;
	} else if ((o = pl_cli_opt_value(argc, argv, i, "--format", &v)) != 0) {
		if (o < 0 || (ro->fmt = pl_format_find(v)) == NULL) {
			return -pl_cli_usage_error(cmd, "--format takes text, json, sarif or "
						   "markdown");
		}
	} else if ((o = pl_cli_opt_value(argc, argv, i, "--output", &v)) != 0) {
		if (o < 0) {
			return -pl_cli_usage_error(cmd, "--output needs a file name");
		}
		ro->output = v;
	} else if ((o = pl_cli_opt_value(argc, argv, i, "--fail-on", &v)) != 0) {
		if (o < 0 || (sev = pl_severity_parse(v)) < 0) {
			return -pl_cli_usage_error(cmd, "--fail-on takes info, low, medium, high, "
						   "critical or never");
		}
		ro->oo->fail_on = (enum pl_severity)sev;
	} else {
		return 0;
	}
	return 1;
}

bool
pl_cli_use_color(FILE *out, bool no_color_flag)
{
	const char *nc = getenv("NO_COLOR");

	if (no_color_flag || (nc != NULL && nc[0] != '\0')) {
		return false;
	}
	return isatty(fileno(out)) != 0;
}

static bool
is_name_sep(char c)
{
	return c == '.' || c == '_' || c == '-';
}

/* WORD appears in NAME as a whole part, between the ends of NAME and the separators . _ -:
 * "api.Dockerfile", "Dockerfile-dev", "svc__Dockerfile.alpine"; not "Dockerfiles". */
static bool
has_name_part(const char *name, const char *word)
{
	size_t m = strlen(word);

	for (const char *p = name; *p != '\0'; p++) {
		if ((p == name || is_name_sep(p[-1])) && pl_starts_with_ci(p, word) &&
		    (p[m] == '\0' || is_name_sep(p[m]))) {
			return true;
		}
	}
	return false;
}

bool
pl_cli_is_dockerfile_name(const char *name)
{
	/* Names of other files that sit next to Dockerfiles and share their name. */
	static const char *const not_dockerfile[] = {
		".dockerignore", ".md", ".txt", ".json", ".yml", ".yaml", ".sh", ".swp", ".orig",
		".bak", ".js", ".ts", ".py", ".go", ".rb", ".rs", ".java", ".toml", ".lock",
		".html", ".patch", ".diff", NULL };

	if (pl_streq_ci(name, "Dockerfile") || pl_streq_ci(name, "Containerfile")) {
		return true;
	}
	if (!has_name_part(name, "Dockerfile") && !has_name_part(name, "Containerfile")) {
		return false;
	}
	for (const char *const *s = not_dockerfile; *s != NULL; s++) {
		size_t n = strlen(name), m = strlen(*s);

		if (n > m && pl_streq_ci(name + n - m, *s)) {
			return false;
		}
	}
	return true;
}

bool
pl_cli_is_compose_name(const char *name)
{
	static const char *const exts[] = { ".yaml", ".yml", NULL };
	size_t n = strlen(name);

	for (const char *const *e = exts; *e != NULL; e++) {
		size_t m = strlen(*e);

		if (n <= m || !pl_streq_ci(name + n - m, *e)) {
			continue;
		}
		/* compose.yaml, compose.<anything>.yaml, docker-compose[.<anything>].yaml */
		if ((pl_starts_with_ci(name, "compose") &&
		     (name[7] == '.' || name + 7 == name + n - m)) ||
		    (pl_starts_with_ci(name, "docker-compose") &&
		     (name[14] == '.' || name + 14 == name + n - m))) {
			return true;
		}
		/* NAME.compose.yaml */
		return n > m + 8 && pl_starts_with_ci(name + n - m - 8, ".compose");
	}
	return false;
}

/* A .yaml, .yml or .json file name. */
static bool
is_yaml_name(const char *name)
{
	size_t n = strlen(name);

	return (n > 4 && pl_streq_ci(name + n - 4, ".yml")) ||
	       (n > 5 && pl_streq_ci(name + n - 5, ".yaml")) ||
	       (n > 5 && pl_streq_ci(name + n - 5, ".json"));
}

/* A shell script, Makefile or Markdown file name: where docker command lines are
 * looked for. */
static bool
is_script_name(const char *name)
{
	size_t n = strlen(name);

	return (n > 3 && pl_streq_ci(name + n - 3, ".sh")) ||
	       (n > 5 && pl_streq_ci(name + n - 5, ".bash")) ||
	       (n > 3 && pl_streq_ci(name + n - 3, ".md")) ||
	       (n > 3 && strcmp(name + n - 3, ".mk") == 0) || strcmp(name, "Makefile") == 0 ||
	       strcmp(name, "makefile") == 0 || strcmp(name, "GNUmakefile") == 0;
}

/* Reads up to MAX bytes of PATH and applies TEST to them. */
static bool
sniff_file(const char *path, size_t max, bool (*test)(const char *, size_t))
{
	char *buf;
	size_t n;
	bool yes;
	FILE *f = fopen(path, "rb");

	if (f == NULL) {
		return false;
	}
	buf = pl_xmalloc(max);
	n = fread(buf, 1, max, f);
	fclose(f);
	yes = test(buf, n);
	free(buf);
	return yes;
}

unsigned
pl_cli_input_kind(const char *path)
{
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;

	if (pl_cli_is_compose_name(base)) {
		return PL_IN_COMPOSE;
	}
	if (is_yaml_name(base)) {
		return PL_IN_K8S; /* by content: see pl_scan_k8s */
	}
	if (is_script_name(base)) {
		return PL_IN_SCRIPT;
	}
	/* A script without an extension, named on the command line: by its shebang. */
	if (!pl_cli_is_dockerfile_name(base) && strchr(base, '.') == NULL &&
	    sniff_file(path, 256, pl_script_shebang)) {
		return PL_IN_SCRIPT;
	}
	return PL_IN_DOCKERFILE;
}

/* Whether the file at PATH starts like a Kubernetes manifest: a directory holds many
 * YAML and JSON files that are not, and only the first bytes are read to tell. */
static bool
looks_k8s(const char *path)
{
	char *buf;
	size_t n;
	bool yes;
	FILE *f = fopen(path, "rb");

	if (f == NULL) {
		return false;
	}
	buf = pl_xmalloc(PL_K8S_SNIFF_BYTES);
	n = fread(buf, 1, PL_K8S_SNIFF_BYTES, f);
	fclose(f);
	yes = pl_k8s_sniff(buf, n) == PL_YAML_K8S;
	free(buf);
	return yes;
}

static void
push(char ***files, size_t *n, size_t *cap, char *path)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		*files = pl_xrealloc(*files, *cap * sizeof(char *));
	}
	(*files)[(*n)++] = path;
}

/* A directory entry and its type as readdir reports it (DT_UNKNOWN on some file
 * systems, which then costs an lstat). */
struct entry {
	char *name;
	unsigned char type;
};

static int
cmp_entry(const void *a, const void *b)
{
	return strcmp(((const struct entry *)a)->name, ((const struct entry *)b)->name);
}

static int
walk(const char *dir, unsigned depth, char ***files, size_t *n, size_t *cap)
{
	struct dirent *de;
	struct entry *ents = NULL;
	size_t ne = 0, ecap = 0, k, len = strlen(dir);
	DIR *d;

	if (depth > PL_MAX_WALK_DEPTH) {
		fprintf(stderr, "%s: warning: not descending further than %u directories\n", dir,
			PL_MAX_WALK_DEPTH);
		return 0;
	}
	d = opendir(dir);
	if (d == NULL) {
		fprintf(stderr, "%s: error: %s\n", dir, strerror(errno));
		return -1;
	}
	while ((de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0) {
			continue;
		}
		/* Only directories and files named like Dockerfiles, Compose files or
		 * manifests matter. */
		if (de->d_type != DT_DIR && de->d_type != DT_UNKNOWN &&
		    !(de->d_type == DT_REG && (pl_cli_is_dockerfile_name(de->d_name) ||
					       pl_cli_is_compose_name(de->d_name) ||
					       is_yaml_name(de->d_name) ||
					       is_script_name(de->d_name)))) {
			continue;
		}
		if (ne == ecap) {
			ecap = ecap ? ecap * 2 : 64;
			ents = pl_xrealloc(ents, ecap * sizeof(*ents));
		}
		ents[ne].name = pl_xstrdup(de->d_name);
		ents[ne++].type = de->d_type;
	}
	closedir(d);
	/* Sorted so that the order of findings does not depend on the file system. */
	if (ne > 1) {
		qsort(ents, ne, sizeof(*ents), cmp_entry);
	}
	for (k = 0; k < ne; k++) {
		const char *name = ents[k].name;
		char *path = pl_xmalloc(len + strlen(name) + 2);
		bool is_dir = ents[k].type == DT_DIR, is_reg = ents[k].type == DT_REG;

		if (len > 0 && dir[len - 1] == '/') {
			sprintf(path, "%s%s", dir, name);
		} else {
			sprintf(path, "%s/%s", dir, name);
		}
		if (ents[k].type == DT_UNKNOWN) {
			struct stat st;

			if (lstat(path, &st) == 0) {
				is_dir = S_ISDIR(st.st_mode);
				is_reg = S_ISREG(st.st_mode);
			}
		}
		if (is_dir) {
			if (strcmp(name, ".git") != 0 && strcmp(name, "node_modules") != 0) {
				walk(path, depth + 1, files, n, cap);
			}
			free(path);
		} else if (is_reg && (pl_cli_is_dockerfile_name(name) || pl_cli_is_compose_name(name) ||
				      (is_yaml_name(name) && looks_k8s(path)) ||
				      (is_script_name(name) &&
				       sniff_file(path, PL_SCRIPT_SNIFF_BYTES, pl_script_sniff))) &&
			   *n < PL_MAX_WALK_FILES) {
			push(files, n, cap, path);
		} else {
			free(path);
		}
		free(ents[k].name);
	}
	free(ents);
	return 0;
}

int
pl_cli_find_dockerfiles(const char *path, char ***files, size_t *n, size_t *cap)
{
	struct stat st;

	if (strcmp(path, "-") == 0) {
		push(files, n, cap, pl_xstrdup(path));
		return 0;
	}
	if (stat(path, &st) != 0) {
		/* Let the reader report it with the usual file:line:col form. */
		push(files, n, cap, pl_xstrdup(path));
		return 0;
	}
	if (S_ISDIR(st.st_mode)) {
		return walk(path, 0, files, n, cap);
	}
	push(files, n, cap, pl_xstrdup(path));
	return 0;
}
