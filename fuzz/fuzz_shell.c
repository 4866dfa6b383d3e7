/*
 * fuzz_shell.c -- libFuzzer target: the RUN script splitter and BuildKit word expansion on
 * arbitrary bytes.
 *
 * The whole input is split into commands, then expanded as one word and as split words,
 * with both escape tokens, against a few variables: set, empty, unknown, one holding
 * white space and one holding shell metacharacters. Any input must end in a result or an
 * expansion error; a crash, a sanitizer report, a leak or a hang is a bug. Kept inputs
 * live in fuzz/corpus/shell and are replayed by the test suite.
 */
#include "core/arena.h"
#include "parse/shell.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static enum pl_var_state
lookup(void *ud, const char *name, size_t n, const char **value)
{
	static const char *const env[][2] = {
		{ "PWD", "/home" }, { "EMPTY", "" }, { "SPACE", " a  b " },
		{ "META", "*?[x]\\}/$a${b}'\"" }, { "NL", "a\nb" }, { "ARG", NULL },
	};

	(void)ud;
	for (size_t i = 0; i < sizeof(env) / sizeof(env[0]); i++) {
		if (strlen(env[i][0]) == n && memcmp(env[i][0], name, n) == 0) {
			if (env[i][1] == NULL) {
				return PL_VAR_UNKNOWN;
			}
			*value = env[i][1];
			return PL_VAR_SET;
		}
	}
	return PL_VAR_UNSET;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *in = (const char *)data;
	struct pl_sh_script sc;
	struct pl_arena a;
	char *word, **words;
	size_t nwords;
	bool unknown = false;
	const char *err;

	pl_arena_init(&a);
	pl_sh_parse(in, size, &a, &sc);
	for (size_t k = 0; k < sc.ncmds; k++) {
		const struct pl_sh_cmd *c = &sc.cmds[k];
		size_t p = pl_sh_cmd_prog(c);

		if (p < c->argc) {
			(void)pl_sh_basename(&c->argv[p]);
		}
	}
	for (int e = 0; e < 2; e++) {
		struct pl_shlex_opts o = { .escape = e ? '`' : '\\', .lookup = lookup };

		(void)pl_shlex_word(in, size, &o, &a, &word, &unknown, &err);
		(void)pl_shlex_words(in, size, &o, &a, &words, &nwords, &unknown, &err);
	}
	pl_arena_finish(&a);
	return 0;
}
