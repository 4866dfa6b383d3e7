/*
 * fuzz_dotenv.c -- libFuzzer target: the .env reader on arbitrary bytes.
 *
 * The input is parsed as a .env file with a small environment, then every entry is
 * checked against the text: offsets in bounds and in order, the key where its offsets
 * say, positions 1-based, and pl_dotenv_get agreeing with the entry list. The unquoted
 * values are listed again with pl_interp_refs, as a rule would. A failed check aborts,
 * so the fuzzer keeps the input.
 */
#include "core/arena.h"
#include "parse/dotenv.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool
lookup(void *ctx, const char *name, size_t n, const char **value, size_t *len)
{
	static const char *const env[][2] = {
		{ "HOME", "/root" }, { "EMPTY", "" }, { "A", "$B ${C:-x}" },
	};

	(void)ctx;
	for (size_t i = 0; i < sizeof(env) / sizeof(env[0]); i++) {
		if (strlen(env[i][0]) == n && memcmp(env[i][0], name, n) == 0) {
			*value = env[i][1];
			*len = strlen(env[i][1]);
			return true;
		}
	}
	return false;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	struct pl_arena a;
	struct pl_dotenv env;
	struct pl_dotenv_error err;
	size_t prev_end = 0;
	int rc;

	pl_arena_init(&a);
	rc = pl_dotenv_parse(text, size, lookup, NULL, &a, &env, &err);
	if (rc < 0 && (err.line == 0 || err.col == 0 || err.off > size || err.message == NULL)) {
		abort();
	}
	for (size_t i = 0; i < env.nentries; i++) {
		const struct pl_dotenv_entry *e = &env.entries[i];
		size_t kl = strlen(e->key);
		const struct pl_dotenv_entry *g;

		if (e->key_off < prev_end || e->key_off >= e->key_end || e->key_end > e->value_off ||
		    e->value_off > e->value_end || e->value_end > size) {
			abort();
		}
		prev_end = e->value_end;
		if (kl == 0 || kl != e->key_end - e->key_off ||
		    memcmp(text + e->key_off, e->key, kl) != 0) {
			abort();
		}
		if (e->key_line == 0 || e->key_col == 0 || e->value_line < e->key_line ||
		    e->end_line < e->value_line || e->value_col == 0) {
			abort();
		}
		/* No value only for an error or an inherited key the environment lacks. */
		if ((e->error != NULL && e->value != NULL) ||
		    (e->value == NULL && e->error == NULL && e->quote != PL_DOTENV_INHERITED)) {
			abort();
		}
		if (e->value != NULL && e->value[e->value_len] != '\0') {
			abort();
		}
		g = pl_dotenv_get(&env, e->key);
		if (g != NULL && (strcmp(g->key, e->key) != 0 || g->value == NULL)) {
			abort();
		}
		if (g == NULL && e->value != NULL && !(e->key[0] >= '0' && e->key[0] <= '9')) {
			abort();
		}
		if (e->quote == PL_DOTENV_UNQUOTED) {
			struct pl_interp_ref *refs;
			size_t nrefs;
			struct pl_interp_error ie;

			(void)pl_interp_refs(text + e->value_off, e->value_end - e->value_off, &a,
					     &refs, &nrefs, &ie);
		}
	}
	pl_arena_finish(&a);
	return 0;
}
