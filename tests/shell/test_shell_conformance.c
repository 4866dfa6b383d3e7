/*
 * test_shell_conformance.c -- plimsoll's word expansion against BuildKit's own lexer tables.
 *
 * Reads $PL_SHARED/corpus/buildkit-parser/shell/envVarTest (one word, expanded) and
 * wordsTest (expanded and split), runs every line that applies to Unix (platforms A and U)
 * and prints each failure with its line number. Exits 0 when all pass, 1 on a failure,
 * 77 (skipped) when the shared corpus is absent.
 */
#include "core/arena.h"
#include "core/buf.h"
#include "parse/shell.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Test environments are small: envVarTest sets four variables, wordsTest five. */
enum { MAX_ENV = 64 };

struct env {
	char *name[MAX_ENV];
	char *value[MAX_ENV];
	size_t n;
};

static int pass, failed;

static enum pl_var_state
lookup(void *ud, const char *name, size_t n, const char **value)
{
	const struct env *e = ud;

	/* The last definition wins, as when the Go test appends to its environment. */
	for (size_t i = e->n; i-- > 0;) {
		if (strlen(e->name[i]) == n && memcmp(e->name[i], name, n) == 0) {
			*value = e->value[i];
			return PL_VAR_SET;
		}
	}
	return PL_VAR_UNSET;
}

static void
env_set(struct env *e, const char *kv)
{
	const char *eq = strchr(kv, '=');
	size_t kn = eq ? (size_t)(eq - kv) : strlen(kv);

	if (e->n == MAX_ENV) {
		return;
	}
	e->name[e->n] = strndup(kv, kn);
	e->value[e->n] = strdup(eq ? eq + 1 : "");
	e->n++;
}

static void
env_free(struct env *e)
{
	for (size_t i = 0; i < e->n; i++) {
		free(e->name[i]);
		free(e->value[i]);
	}
	e->n = 0;
}

static char *
slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	struct pl_buf b;
	char chunk[4096];
	size_t n;

	if (f == NULL) {
		return NULL;
	}
	pl_buf_init(&b);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		pl_buf_add(&b, chunk, n);
	}
	fclose(f);
	pl_buf_add(&b, "", 0);
	return pl_buf_take(&b);
}

/* Go's strings.TrimSpace for the ASCII white space the tables use. */
static char *
trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n' || *s == '\v' || *s == '\f') {
		s++;
	}
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' || e[-1] == '\n' ||
			 e[-1] == '\v' || e[-1] == '\f')) {
		*--e = '\0';
	}
	return s;
}

static void
report(const char *file, int line, const char *input, const char *want, const char *got)
{
	failed++;
	printf("FAIL %s:%d: input [%s]: want [%s], got [%s]\n", file, line, input, want, got);
}

static void
run_env_var_test(char *text)
{
	struct env e = { .n = 0 };
	struct pl_shlex_opts o = { .escape = '\\', .lookup = lookup, .ud = &e };
	char *line, *next;
	int lineno = 0;

	env_set(&e, "PWD=/home");
	env_set(&e, "SHELL=bash");
	env_set(&e, "KOREAN=\xed\x95\x9c\xea\xb5\xad\xec\x96\xb4");
	env_set(&e, "NULL=");
	for (line = text; line != NULL; line = next) {
		char *f[4], *p, *out = NULL;
		const char *err = NULL;
		bool unknown = false;
		struct pl_arena a;
		int nf = 0, rc;

		lineno++;
		next = strchr(line, '\n');
		if (next != NULL) {
			*next++ = '\0';
		}
		if (*trim(line) == '\0' || line[0] == '#') {
			continue;
		}
		for (p = line; nf < 4;) {
			char *bar = strchr(p, '|');

			f[nf++] = p;
			if (bar == NULL) {
				break;
			}
			*bar = '\0';
			p = bar + 1;
		}
		if (nf != 3) {
			report("envVarTest", lineno, line, "3 fields", "malformed line");
			continue;
		}
		f[0] = trim(f[0]);
		f[1] = trim(f[1]);
		f[2] = trim(f[2]);
		if (strcmp(f[0], "W") == 0) {
			continue;
		}
		pl_arena_init(&a);
		rc = pl_shlex_word(f[1], strlen(f[1]), &o, &a, &out, &unknown, &err);
		if (strcmp(f[2], "error") == 0) {
			if (rc == 0) {
				report("envVarTest", lineno, f[1], "error", out);
			} else {
				pass++;
			}
		} else if (rc != 0) {
			report("envVarTest", lineno, f[1], f[2], err);
		} else if (strcmp(out, f[2]) != 0) {
			report("envVarTest", lineno, f[1], f[2], out);
		} else {
			pass++;
		}
		pl_arena_finish(&a);
	}
	env_free(&e);
}

static void
run_words_test(char *text)
{
	struct env e = { .n = 0 };
	struct pl_shlex_opts o = { .escape = '\\', .lookup = lookup, .ud = &e };
	char *line, *next;
	int lineno = 0;

	for (line = text; line != NULL; line = next) {
		char *bar, *input, *want, **words = NULL;
		struct pl_buf got;
		const char *err = NULL;
		size_t nwords = 0;
		bool unknown = false;
		struct pl_arena a;
		int rc;

		lineno++;
		next = strchr(line, '\n');
		if (next != NULL) {
			*next++ = '\0';
		}
		if (line[0] == '#' || line[0] == '\0') {
			continue;
		}
		if (strncmp(line, "ENV ", 4) == 0) {
			char *kv = line + 3;

			while (*kv == ' ') {
				kv++;
			}
			env_set(&e, kv);
			continue;
		}
		bar = strchr(line, '|');
		if (bar == NULL || strchr(bar + 1, '|') != NULL) {
			report("wordsTest", lineno, line, "2 fields", "malformed line");
			continue;
		}
		*bar = '\0';
		input = trim(line);
		want = bar + 1;
		while (*want == ' ') {
			want++;
		}
		pl_arena_init(&a);
		pl_buf_init(&got);
		rc = pl_shlex_words(input, strlen(input), &o, &a, &words, &nwords, &unknown, &err);
		if (rc != 0) {
			pl_buf_adds(&got, "error");
		}
		for (size_t i = 0; rc == 0 && i < nwords; i++) {
			if (i > 0) {
				pl_buf_addc(&got, ',');
			}
			pl_buf_adds(&got, words[i]);
		}
		pl_buf_add(&got, "", 0);
		/* Joining with ',' is unambiguous: no expected word of the table has a comma. */
		if (strcmp(got.p, want) != 0) {
			report("wordsTest", lineno, input, want, got.p);
		} else {
			pass++;
		}
		pl_buf_finish(&got);
		pl_arena_finish(&a);
	}
	env_free(&e);
}

int
main(void)
{
	const char *shared = getenv("PL_SHARED");
	struct pl_buf path;
	char *env_var, *words;

	if (shared == NULL || *shared == '\0') {
		printf("PL_SHARED is not set: skipped\n");
		return 77;
	}
	pl_buf_init(&path);
	pl_buf_printf(&path, "%s/corpus/buildkit-parser/shell/envVarTest", shared);
	env_var = slurp(path.p);
	pl_buf_reset(&path);
	pl_buf_printf(&path, "%s/corpus/buildkit-parser/shell/wordsTest", shared);
	words = slurp(path.p);
	pl_buf_finish(&path);
	if (env_var == NULL || words == NULL) {
		printf("shell tables not found under %s: skipped\n", shared);
		free(env_var);
		free(words);
		return 77;
	}
	run_env_var_test(env_var);
	run_words_test(words);
	free(env_var);
	free(words);
	printf("shell conformance: %d passed, %d failed\n", pass, failed);
	return failed == 0 ? 0 : 1;
}
