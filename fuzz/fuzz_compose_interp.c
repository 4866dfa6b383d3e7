/*
 * fuzz_compose_interp.c -- libFuzzer target: Compose variable interpolation on arbitrary
 * bytes.
 *
 * The whole input is one value: it is listed with pl_interp_refs and expanded with
 * pl_interp_expand against a few variables (set, empty, holding "$" and "${", holding a
 * NUL byte, and a long one). Beyond "no crash, leak or hang", the target checks that the
 * two functions agree and that every listed offset lies in the value and names what it
 * says; a disagreement aborts, so the fuzzer keeps the input.
 */
#include "core/arena.h"
#include "core/limits.h"
#include "parse/compose_interp.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char long_value[4096];

static bool
lookup(void *ctx, const char *name, size_t n, const char **value, size_t *len)
{
	static const char *const env[][2] = {
		{ "A", "a" }, { "EMPTY", "" }, { "FOO", "first" }, { "D", "$A ${B:?x} $$" },
		{ "U", "\xC3\xBC\xFF" },
	};

	(void)ctx;
	for (size_t i = 0; i < sizeof(env) / sizeof(env[0]); i++) {
		if (strlen(env[i][0]) == n && memcmp(env[i][0], name, n) == 0) {
			*value = env[i][1];
			*len = strlen(env[i][1]);
			return true;
		}
	}
	if (n == 3 && memcmp(name, "NUL", 3) == 0) {
		*value = "x\0y";
		*len = 3;
		return true;
	}
	if (n == 4 && memcmp(name, "LONG", 4) == 0) {
		if (long_value[0] == '\0') {
			memset(long_value, 'L', sizeof(long_value));
		}
		*value = long_value;
		*len = sizeof(long_value);
		return true;
	}
	return false;
}

static void
check_refs(const char *in, size_t n, const struct pl_interp_ref *r, size_t nr)
{
	for (size_t i = 0; i < nr; i++) {
		const struct pl_interp_ref *x = &r[i];
		size_t nl = strlen(x->name), wl = x->word_end - x->word_off;

		if (!(x->off < x->name_off && x->name_off < x->name_end &&
		      x->name_end <= x->word_off && x->word_off <= x->word_end &&
		      x->word_end <= x->end && x->end <= n)) {
			abort();
		}
		if (in[x->off] != '$' || nl != x->name_end - x->name_off ||
		    memcmp(in + x->name_off, x->name, nl) != 0) {
			abort();
		}
		if (memcmp(in + x->word_off, x->word, wl) != 0 || x->word[wl] != '\0') {
			abort();
		}
		if (x->braced != (in[x->off + 1] == '{') || (x->braced && in[x->end - 1] != '}')) {
			abort();
		}
		if (x->op == PL_INTERP_PLAIN && (x->word_off != x->name_end || wl != 0)) {
			abort();
		}
		if (x->parent >= (int)i || (x->parent < 0) != (x->depth == 0)) {
			abort();
		}
		if (x->parent >= 0) {
			const struct pl_interp_ref *p = &r[x->parent];

			if (x->depth != p->depth + 1 || x->off < p->word_off || x->end > p->word_end) {
				abort();
			}
		}
		if (x->depth > PL_MAX_INTERP_DEPTH) {
			abort();
		}
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *in = (const char *)data;
	struct pl_arena a;
	struct pl_interp_ref *refs;
	size_t nrefs;
	struct pl_interp_result r;
	struct pl_interp_error le, ee;
	int lrc, erc;

	pl_arena_init(&a);
	lrc = pl_interp_refs(in, size, &a, &refs, &nrefs, &le);
	check_refs(in, size, refs, nrefs);
	if (lrc < 0 && (le.off >= size || le.message == NULL)) {
		abort();
	}
	erc = pl_interp_expand(in, size, lookup, NULL, &a, &r, &ee);
	if (erc == 0) {
		if (r.n > PL_MAX_INTERP_BYTES || r.s[r.n] != '\0' || r.nunset > r.nrefs) {
			abort();
		}
	} else if (ee.off >= size || ee.message == NULL) {
		abort();
	}
	/* What listing finds malformed, expansion must refuse; what it reads, expansion
	 * must find well formed. */
	if (lrc < 0 && le.kind == PL_INTERP_ESYNTAX && erc == 0) {
		abort();
	}
	if (lrc == 0 && erc < 0 && ee.kind == PL_INTERP_ESYNTAX) {
		abort();
	}
	/* Without variables nothing is inserted: the result is never longer than the value. */
	if (pl_interp_expand(in, size, NULL, NULL, &a, &r, &ee) == 0 && r.n > size) {
		abort();
	}
	pl_arena_finish(&a);
	return 0;
}
