/*
 * common.c -- option helpers, colour detection and the walk that finds Dockerfiles.
 */
#include "cli/cli.h"
#include "core/limits.h"
#include "core/str.h"
#include "core/xalloc.h"

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

bool
pl_cli_use_color(FILE *out, bool no_color_flag)
{
	const char *nc = getenv("NO_COLOR");

	if (no_color_flag || (nc != NULL && nc[0] != '\0')) {
		return false;
	}
	return isatty(fileno(out)) != 0;
}

bool
pl_cli_is_dockerfile_name(const char *name)
{
	/* Names of other files that sit next to Dockerfiles and share their prefix. */
	static const char *const not_dockerfile[] = { ".dockerignore", ".md", ".txt", ".json",
						      ".yml", ".yaml", ".sh", ".swp", NULL };

	if (pl_streq_ci(name, "Dockerfile") || pl_streq_ci(name, "Containerfile")) {
		return true;
	}
	if (!pl_starts_with_ci(name, "Dockerfile.") && !pl_starts_with_ci(name, "Containerfile.") &&
	    !(strlen(name) > 11 && pl_streq_ci(name + strlen(name) - 11, ".dockerfile")) &&
	    !(strlen(name) > 14 && pl_streq_ci(name + strlen(name) - 14, ".containerfile"))) {
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

static void
push(char ***files, size_t *n, size_t *cap, char *path)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		*files = pl_xrealloc(*files, *cap * sizeof(char *));
	}
	(*files)[(*n)++] = path;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
walk(const char *dir, unsigned depth, char ***files, size_t *n, size_t *cap)
{
	struct dirent *de;
	char **names = NULL;
	size_t nn = 0, ncap = 0, k;
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
		push(&names, &nn, &ncap, pl_xstrdup(de->d_name));
	}
	closedir(d);
	/* Sorted so that the order of findings does not depend on the file system. */
	if (nn > 1) {
		qsort(names, nn, sizeof(char *), cmp_str);
	}
	for (k = 0; k < nn; k++) {
		struct stat st;
		size_t len = strlen(dir);
		char *path = pl_xmalloc(len + strlen(names[k]) + 2);

		if (len > 0 && dir[len - 1] == '/') {
			sprintf(path, "%s%s", dir, names[k]);
		} else {
			sprintf(path, "%s/%s", dir, names[k]);
		}
		if (lstat(path, &st) != 0) {
			free(path);
			free(names[k]);
			continue;
		}
		if (S_ISDIR(st.st_mode)) {
			if (strcmp(names[k], ".git") != 0 && strcmp(names[k], "node_modules") != 0) {
				walk(path, depth + 1, files, n, cap);
			}
			free(path);
		} else if (S_ISREG(st.st_mode) && pl_cli_is_dockerfile_name(names[k]) &&
			   *n < PL_MAX_WALK_FILES) {
			push(files, n, cap, path);
		} else {
			free(path);
		}
		free(names[k]);
	}
	free(names);
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
