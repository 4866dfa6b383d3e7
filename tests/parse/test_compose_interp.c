/*
 * test_compose_interp.c -- unit tests of Compose variable interpolation: the examples of
 * the Compose Specification and of compose-go's template tests, the "$" that Compose keeps
 * as written, malformed "${", required variables, the reference listing with its offsets,
 * and the limits.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/limits.h"
#include "parse/compose_interp.h"

/* The environment of compose-go's template tests, and a few more. */
static const char *const env[][2] = {
	{ "FOO", "first" },
	{ "BAR", "" },
	{ "SPACE", "a b" },
	{ "DOLLAR", "$FOO ${BAR:?x}" }, /* values are never interpolated again */
	{ "UNI", "ünï" },
};

static const char *big; /* 1 MiB, set up by test_limits */

static bool
lookup(void *ctx, const char *name, size_t n, const char **value, size_t *len)
{
	(void)ctx;
	for (size_t i = 0; i < sizeof(env) / sizeof(env[0]); i++) {
		if (strlen(env[i][0]) == n && memcmp(env[i][0], name, n) == 0) {
			*value = env[i][1];
			*len = strlen(env[i][1]);
			return true;
		}
	}
	if (n == 3 && memcmp(name, "NUL", 3) == 0) {
		*value = "a\0b";
		*len = 3;
		return true;
	}
	if (n == 3 && memcmp(name, "BIG", 3) == 0 && big != NULL) {
		*value = big;
		*len = PL_MAX_INTERP_BYTES / 4;
		return true;
	}
	return false;
}

struct run {
	int rc;
	struct pl_interp_result r;
	struct pl_interp_error e;
};

static struct pl_arena arena;

static int
setup(void **state)
{
	(void)state;
	pl_arena_init(&arena);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	pl_arena_finish(&arena);
	return 0;
}

static struct run
expand(const char *in)
{
	struct run x;

	memset(&x, 0, sizeof(x));
	x.rc = pl_interp_expand(in, strlen(in), lookup, NULL, &arena, &x.r, &x.e);
	return x;
}

/* Expands IN and checks the result is WANT. */
static void
check(const char *in, const char *want)
{
	struct run x = expand(in);

	if (x.rc != 0) {
		fail_msg("%s: unexpected error at %zu: %s", in, x.e.off, x.e.message);
	}
	if (strcmp(x.r.s, want) != 0 || x.r.n != strlen(want)) {
		fail_msg("%s: got \"%s\", want \"%s\"", in, x.r.s, want);
	}
}

/* Expands IN and checks it fails with KIND at OFF, its message containing MSG. */
static void
check_error(const char *in, enum pl_interp_errkind kind, size_t off, const char *msg)
{
	struct run x = expand(in);

	if (x.rc != -1) {
		fail_msg("%s: expected an error, got \"%s\"", in, x.r.s);
	}
	if (x.e.kind != kind || x.e.off != off || strstr(x.e.message, msg) == NULL) {
		fail_msg("%s: got error %d at %zu \"%s\", want %d at %zu \"%s\"", in, (int)x.e.kind,
			 x.e.off, x.e.message, (int)kind, off, msg);
	}
}

static void
test_plain(void **state)
{
	(void)state;
	check("", "");
	check("foo", "foo");
	check("$FOO", "first");
	check("${FOO}", "first");
	check("This $FOO var", "This first var");
	check("This ${FOO} var", "This first var");
	/* docker/compose#8601: the name ends at the first non-name character */
	check("$FOO-bar", "first-bar");
	check("$FOO.bar", "first.bar");
	check("${FOO}${FOO}$FOO", "firstfirstfirst");
	check("$FOObar", "");
	check("This ${missing} var", "This  var");
	check("This $missing var", "This  var");
	check("This ${BAR} var", "This  var");
	check("${SPACE}", "a b");
	check("$DOLLAR", "$FOO ${BAR:?x}");
	check("${_}", "");
	check("$_FOO", "");
}

static void
test_escapes_and_kept_dollars(void **state)
{
	(void)state;
	check("$$", "$");
	check("$${foo}", "${foo}");
	check("$$FOO", "$FOO");
	check("$$$FOO", "$first");
	check("$$$$", "$$");
	check("$$VAR_NOT_INTERPOLATED_BY_COMPOSE", "$VAR_NOT_INTERPOLATED_BY_COMPOSE");
	/* A "$" that starts no reference is kept as written. */
	check("$", "$");
	check("cost: 5$", "cost: 5$");
	check("$1", "$1");
	check("$1FOO", "$1FOO");
	check("$}", "$}");
	check("$-", "$-");
	check("$ FOO", "$ FOO");
	check("$.", "$.");
	check("a$$", "a$");
	check("{}", "{}");
	check("}", "}");
	check("{$FOO}", "{first}");
}

static void
test_defaults(void **state)
{
	(void)state;
	check("ok ${missing:-def}", "ok def");
	check("ok ${missing-def}", "ok def");
	check("ok ${BAR:-def}", "ok def");
	check("ok ${FOO:-def}", "ok first");
	check("ok ${BAR-def}", "ok ");
	check("ok ${FOO-def}", "ok first");
	check("ok ${BAR:-/non:-alphanumeric}", "ok /non:-alphanumeric");
	check("${A:-}", "");
	check("${A-}", "");
	check("${FOO:-}", "first");
	check("${A:-a b  c}", "a b  c");
	check("${A:-x}y${B:-z}", "xyz");
	check("${A:-}}", "}");
	check("${A:-{x}}", "{x}");
	check("${A:-{}}", "{}");
	check("${A:-$}", "$");
	check("${A:-$$}", "$");
	check("${A:-$1}", "$1");
	check("${A:-a\nb}", "a\nb");
	/* The precedence tests of compose-go: the first operator after the name wins. */
	check("${UNSET_VAR-myerror?msg}", "myerror?msg");
	check("${FOO?bar-baz}", "first");
	check("${BAR:-default_value_for_empty_var}", "default_value_for_empty_var");
	check("${UNSET_VAR-default_value_for_unset_var}", "default_value_for_unset_var");
	check("${A-x:-y}", "x:-y");
	check("${A:+x-y}", "");
}

static void
test_nested(void **state)
{
	(void)state;
	check("ok ${UNSET_VAR-$FOO}", "ok first");
	check("ok ${UNSET_VAR-${FOO}}", "ok first");
	check("ok ${UNSET_VAR-${FOO} ${FOO}}", "ok first first");
	check("ok ${BAR:-$FOO}", "ok first");
	check("ok ${BAR:-${FOO}}", "ok first");
	check("ok ${BAR:-${FOO} ${FOO}}", "ok first first");
	check("${A:-${B:-x}}", "x");
	check("${A:-${FOO:-x}}", "first");
	check("${VARIABLE:-${FOO:-default}}", "first");
	check("${A:-${B:-${C:-${D:-deep}}}}", "deep");
	check("${FOO:+[${FOO}]}", "[first]");
	check("${A:-$${B}}", "${B}");
	check("${A:-x}$FOO${B:-y}", "xfirsty");
}

static void
test_alternatives(void **state)
{
	(void)state;
	check("${FOO:+alt}", "alt");
	check("${BAR:+alt}", "");
	check("${missing:+alt}", "");
	check("${FOO+alt}", "alt");
	check("${BAR+alt}", "alt");
	check("${missing+alt}", "");
	check("${FOO:+}", "");
}

static void
test_required(void **state)
{
	struct run x;

	(void)state;
	check("ok ${FOO:?err}", "ok first");
	check("ok ${FOO?err}", "ok first");
	check("ok ${BAR?err}", "ok ");
	check("${BAR?}", "");
	check_error("not ok ${UNSET_VAR:?Mandatory Variable Unset}", PL_INTERP_EREQUIRED, 7,
		    "required variable UNSET_VAR is missing a value: Mandatory Variable Unset");
	check_error("not ok ${BAR:?Mandatory Variable Empty}", PL_INTERP_EREQUIRED, 7,
		    "required variable BAR is missing a value: Mandatory Variable Empty");
	check_error("not ok ${UNSET_VAR?Mandatory Variable Unset}", PL_INTERP_EREQUIRED, 7,
		    "required variable UNSET_VAR is missing a value: Mandatory Variable Unset");
	check_error("not ok ${UNSET_VAR:?Mandatory Variable ${FOO}}", PL_INTERP_EREQUIRED, 7,
		    "required variable UNSET_VAR is missing a value: Mandatory Variable first");
	check_error("${UNSET_VAR?bar-baz}", PL_INTERP_EREQUIRED, 0,
		    "required variable UNSET_VAR is missing a value: bar-baz");
	/* Like compose-go, a word is interpolated even when it is not used. */
	check_error("${FOO:-${X:?boom}}", PL_INTERP_EREQUIRED, 7,
		    "required variable X is missing a value: boom");

	x = expand("${UNSET_VAR:?}");
	assert_int_equal(x.rc, -1);
	assert_string_equal(x.e.message, "required variable UNSET_VAR is missing a value");
	assert_string_equal(x.e.name, "UNSET_VAR");
	x = expand("${UNSET_VAR?}");
	assert_int_equal(x.rc, -1);
	assert_string_equal(x.e.message, "required variable UNSET_VAR is missing a value");

	/* A long message is cut to an excerpt. */
	{
		char in[1100];

		memcpy(in, "${X:?", 5);
		memset(in + 5, 'm', 1000);
		memcpy(in + 1005, "}", 2);
		x = expand(in);
		assert_int_equal(x.rc, -1);
		assert_true(strlen(x.e.message) < 2 * PL_MAX_EVIDENCE_BYTES);
		assert_non_null(strstr(x.e.message, "mmm..."));
	}
}

static void
test_syntax_errors(void **state)
{
	static const char *const invalid[] = {
		"${}", "${ }", "${ foo}", "${foo }", "${foo!}", "${1}", "${foo:}", "${foo:x}",
		"${-x}", "${é}", "${foo bar}", "${FOO:=x}", "${FOO/a/b}", "${#FOO}",
	};

	(void)state;
	for (size_t i = 0; i < sizeof(invalid) / sizeof(invalid[0]); i++) {
		check_error(invalid[i], PL_INTERP_ESYNTAX, 0, "invalid interpolation");
	}
	check_error("${foo!}", PL_INTERP_ESYNTAX, 0, "\"${foo!\"");
	check_error("${foo }", PL_INTERP_ESYNTAX, 0, "\"${foo\"");
	check_error("${", PL_INTERP_ESYNTAX, 0, "unterminated \"${\"");
	check_error("ab${", PL_INTERP_ESYNTAX, 2, "unterminated");
	check_error("${FOO", PL_INTERP_ESYNTAX, 0, "unterminated");
	check_error("${FOO:", PL_INTERP_ESYNTAX, 0, "unterminated");
	check_error("${FOO:-", PL_INTERP_ESYNTAX, 0, "unterminated");
	check_error("${FOO:-x", PL_INTERP_ESYNTAX, 0, "unterminated");
	check_error("x ${A:-${B}", PL_INTERP_ESYNTAX, 2, "unterminated");
	check_error("x ${A:-${B", PL_INTERP_ESYNTAX, 7, "unterminated");
	/* Unbalanced "{" in a word: compose-go would read to the last "}" (our choice). */
	check_error("${A:-{x}", PL_INTERP_ESYNTAX, 0, "unterminated");
	/* An error in a nested word points at the nested reference. */
	check_error("${A:-ok ${}}", PL_INTERP_ESYNTAX, 8, "invalid");
	check_error("$FOO ${1}", PL_INTERP_ESYNTAX, 5, "invalid");
}

static void
test_unicode_and_bytes(void **state)
{
	struct run x;

	(void)state;
	check("héllo ${FOO}é", "héllo firsté");
	check("$é", "$é");
	check("${A:-日本}", "日本");
	check("${UNI}/$UNI", "ünï/ünï");
	check("\xff$FOO\xfe", "\xff" "first" "\xfe");
	x = expand("x${NUL}y");
	assert_int_equal(x.rc, 0);
	assert_int_equal(x.r.n, 5);
	assert_memory_equal(x.r.s, "xa\0by", 6);
	/* NUL bytes in the input are text like any other. */
	x.rc = pl_interp_expand("a\0$FOO", 6, lookup, NULL, &arena, &x.r, &x.e);
	assert_int_equal(x.rc, 0);
	assert_int_equal(x.r.n, 7);
	assert_memory_equal(x.r.s, "a\0first", 8);
	/* Lower-case and mixed names are names. */
	check("$foo_Bar9", "");
}

static void
test_counts(void **state)
{
	struct run x;

	(void)state;
	x = expand("${FOO} $missing ${X:-d} ${Y:+a} $$Z");
	assert_int_equal(x.rc, 0);
	assert_int_equal(x.r.nrefs, 4);
	assert_int_equal(x.r.nunset, 1);
	/* A word that is not used does not count. */
	x = expand("${FOO:-$missing}");
	assert_int_equal(x.r.nrefs, 1);
	assert_int_equal(x.r.nunset, 0);
	x = expand("${A:-$missing}");
	assert_int_equal(x.r.nrefs, 2);
	assert_int_equal(x.r.nunset, 1);
	x = expand("no references $1 $$");
	assert_int_equal(x.r.nrefs, 0);
	/* A NULL lookup knows no variable. */
	assert_int_equal(pl_interp_expand("$FOO${B:-d}", 11, NULL, NULL, &arena, &x.r, &x.e), 0);
	assert_string_equal(x.r.s, "d");
	assert_int_equal(x.r.nunset, 1);
}

static void
test_op_str(void **state)
{
	(void)state;
	assert_string_equal(pl_interp_op_str(PL_INTERP_PLAIN), "");
	assert_string_equal(pl_interp_op_str(PL_INTERP_DEFAULT), ":-");
	assert_string_equal(pl_interp_op_str(PL_INTERP_DEFAULT_UNSET), "-");
	assert_string_equal(pl_interp_op_str(PL_INTERP_REQUIRED), ":?");
	assert_string_equal(pl_interp_op_str(PL_INTERP_REQUIRED_UNSET), "?");
	assert_string_equal(pl_interp_op_str(PL_INTERP_ALTERNATIVE), ":+");
	assert_string_equal(pl_interp_op_str(PL_INTERP_ALTERNATIVE_SET), "+");
}

struct refs {
	int rc;
	struct pl_interp_ref *r;
	size_t n;
	struct pl_interp_error e;
};

static struct refs
refs(const char *in)
{
	struct refs x;

	memset(&x, 0, sizeof(x));
	x.rc = pl_interp_refs(in, strlen(in), &arena, &x.r, &x.n, &x.e);
	return x;
}

/* The text of IN from OFF to END. */
static const char *
span(const char *in, size_t off, size_t end)
{
	return pl_arena_strndup(&arena, in + off, end - off);
}

static void
test_refs_offsets(void **state)
{
	const char *in = "postgres://app:${DB_PASSWORD:-admin}@db/app";
	struct refs x = refs(in);

	(void)state;
	assert_int_equal(x.rc, 0);
	assert_int_equal(x.n, 1);
	assert_string_equal(x.r[0].name, "DB_PASSWORD");
	assert_int_equal(x.r[0].op, PL_INTERP_DEFAULT);
	assert_true(x.r[0].braced);
	assert_string_equal(x.r[0].word, "admin");
	assert_string_equal(span(in, x.r[0].off, x.r[0].end), "${DB_PASSWORD:-admin}");
	assert_string_equal(span(in, x.r[0].name_off, x.r[0].name_end), "DB_PASSWORD");
	assert_string_equal(span(in, x.r[0].word_off, x.r[0].word_end), "admin");
	assert_int_equal(x.r[0].off, 15);
	assert_int_equal(x.r[0].word_off, 30);
	assert_int_equal(x.r[0].parent, -1);
	assert_int_equal(x.r[0].depth, 0);

	in = "db:${DB_TAG:-latest}";
	x = refs(in);
	assert_int_equal(x.n, 1);
	assert_int_equal(x.r[0].off, 3);
	assert_int_equal(x.r[0].end, 20);
	assert_int_equal(x.r[0].name_off, 5);
	assert_int_equal(x.r[0].name_end, 11);
	assert_int_equal(x.r[0].word_off, 13);
	assert_int_equal(x.r[0].word_end, 19);
}

static void
test_refs_all_forms(void **state)
{
	static const struct {
		const char *in;
		enum pl_interp_op op;
		const char *word;
	} forms[] = {
		{ "${V}", PL_INTERP_PLAIN, "" },
		{ "${V:-d}", PL_INTERP_DEFAULT, "d" },
		{ "${V-d}", PL_INTERP_DEFAULT_UNSET, "d" },
		{ "${V:?e r}", PL_INTERP_REQUIRED, "e r" },
		{ "${V?e}", PL_INTERP_REQUIRED_UNSET, "e" },
		{ "${V:+a}", PL_INTERP_ALTERNATIVE, "a" },
		{ "${V+a}", PL_INTERP_ALTERNATIVE_SET, "a" },
		{ "${V:-}", PL_INTERP_DEFAULT, "" },
		{ "${V-:-x}", PL_INTERP_DEFAULT_UNSET, ":-x" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(forms) / sizeof(forms[0]); i++) {
		struct refs x = refs(forms[i].in);

		assert_int_equal(x.rc, 0);
		assert_int_equal(x.n, 1);
		assert_string_equal(x.r[0].name, "V");
		assert_int_equal(x.r[0].op, forms[i].op);
		assert_string_equal(x.r[0].word, forms[i].word);
		assert_int_equal(x.r[0].off, 0);
		assert_int_equal(x.r[0].end, strlen(forms[i].in));
		assert_string_equal(span(forms[i].in, x.r[0].word_off, x.r[0].word_end),
				    forms[i].word);
	}
}

static void
test_refs_nested_and_plain(void **state)
{
	const char *in = "$A ${B} $$C ${D:?need ${E:-x} $F} $1 $";
	struct refs x = refs(in);

	(void)state;
	assert_int_equal(x.rc, 0);
	assert_int_equal(x.n, 5);
	assert_string_equal(x.r[0].name, "A");
	assert_false(x.r[0].braced);
	assert_int_equal(x.r[0].op, PL_INTERP_PLAIN);
	assert_string_equal(span(in, x.r[0].off, x.r[0].end), "$A");
	assert_int_equal(x.r[0].word_off, x.r[0].name_end);
	assert_int_equal(x.r[0].word_end, x.r[0].name_end);
	assert_string_equal(x.r[1].name, "B");
	assert_true(x.r[1].braced);
	assert_string_equal(span(in, x.r[1].off, x.r[1].end), "${B}");
	assert_string_equal(x.r[2].name, "D");
	assert_int_equal(x.r[2].op, PL_INTERP_REQUIRED);
	assert_string_equal(x.r[2].word, "need ${E:-x} $F");
	assert_string_equal(span(in, x.r[2].off, x.r[2].end), "${D:?need ${E:-x} $F}");
	assert_string_equal(x.r[3].name, "E");
	assert_int_equal(x.r[3].parent, 2);
	assert_int_equal(x.r[3].depth, 1);
	assert_string_equal(x.r[3].word, "x");
	assert_string_equal(span(in, x.r[3].off, x.r[3].end), "${E:-x}");
	assert_string_equal(x.r[4].name, "F");
	assert_int_equal(x.r[4].parent, 2);
	assert_false(x.r[4].braced);

	x = refs("no references here $$ $1 $");
	assert_int_equal(x.rc, 0);
	assert_int_equal(x.n, 0);
	assert_null(x.r);
	x = refs("");
	assert_int_equal(x.rc, 0);
	assert_int_equal(x.n, 0);
}

static void
test_refs_errors(void **state)
{
	struct refs x;

	(void)state;
	x = refs("$A ${B:-x");
	assert_int_equal(x.rc, -1);
	assert_int_equal(x.e.kind, PL_INTERP_ESYNTAX);
	assert_int_equal(x.e.off, 3);
	/* The complete references before the fault are kept, the unfinished one is not. */
	assert_int_equal(x.n, 1);
	assert_string_equal(x.r[0].name, "A");
	x = refs("$A ${B:-${C} ${D:-${}}} $E");
	assert_int_equal(x.rc, -1);
	assert_int_equal(x.e.off, 18);
	assert_int_equal(x.n, 1);
	x = refs("${}");
	assert_int_equal(x.rc, -1);
	assert_int_equal(x.n, 0);
	x = refs("${A!}");
	assert_int_equal(x.rc, -1);
	assert_int_equal(x.e.kind, PL_INTERP_ESYNTAX);
	/* Listing never fails for a missing variable. */
	x = refs("${A:?required}");
	assert_int_equal(x.rc, 0);
	assert_int_equal(x.n, 1);
}

/* N nested defaults around "x". */
static char *
nest(unsigned n)
{
	char *s = malloc(8 * (size_t)n + 2);
	size_t k = 0;

	for (unsigned i = 0; i < n; i++) {
		memcpy(s + k, "${A:-", 5);
		k += 5;
	}
	s[k++] = 'x';
	for (unsigned i = 0; i < n; i++) {
		s[k++] = '}';
	}
	s[k] = '\0';
	return s;
}

static void
test_limits(void **state)
{
	char *s, *b;
	struct run x;
	struct refs y;
	size_t n;

	(void)state;
	s = nest(PL_MAX_INTERP_DEPTH);
	check(s, "x");
	y = refs(s);
	assert_int_equal(y.rc, 0);
	assert_int_equal(y.n, PL_MAX_INTERP_DEPTH);
	assert_int_equal(y.r[PL_MAX_INTERP_DEPTH - 1].depth, PL_MAX_INTERP_DEPTH - 1);
	free(s);
	s = nest(PL_MAX_INTERP_DEPTH + 1);
	check_error(s, PL_INTERP_ELIMIT, 5 * PL_MAX_INTERP_DEPTH, "nested deeper");
	y = refs(s);
	assert_int_equal(y.rc, -1);
	assert_int_equal(y.e.kind, PL_INTERP_ELIMIT);
	free(s);
	/* A hostile nesting far past the bound fails fast, without deep recursion. */
	s = nest(100000);
	check_error(s, PL_INTERP_ELIMIT, 5 * PL_MAX_INTERP_DEPTH, "nested deeper");
	free(s);

	/* The result may reach PL_MAX_INTERP_BYTES, not one byte more. */
	b = malloc(PL_MAX_INTERP_BYTES / 4);
	memset(b, 'b', PL_MAX_INTERP_BYTES / 4);
	big = b;
	x = expand("$BIG$BIG$BIG$BIG");
	assert_int_equal(x.rc, 0);
	assert_int_equal(x.r.n, PL_MAX_INTERP_BYTES);
	x = expand("$BIG$BIG$BIG$BIG!");
	assert_int_equal(x.rc, -1);
	assert_int_equal(x.e.kind, PL_INTERP_ELIMIT);
	assert_int_equal(x.e.off, 16);
	x = expand("$BIG$BIG$BIG${BIG}${BIG}");
	assert_int_equal(x.rc, -1);
	assert_int_equal(x.e.kind, PL_INTERP_ELIMIT);
	assert_int_equal(x.e.off, 18);
	/* A default that is cut off still counts while it is built. */
	x = expand("${FOO:-$BIG$BIG$BIG$BIG$BIG}");
	assert_int_equal(x.rc, -1);
	big = NULL;
	free(b);

	/* PL_MAX_INTERP_REFS references, then one more. */
	n = 2 * (size_t)PL_MAX_INTERP_REFS;
	s = malloc(n + 3);
	for (size_t i = 0; i < n; i += 2) {
		memcpy(s + i, "$a", 2);
	}
	s[n] = '\0';
	y = refs(s);
	assert_int_equal(y.rc, 0);
	assert_int_equal(y.n, PL_MAX_INTERP_REFS);
	memcpy(s + n, "$a", 3);
	y = refs(s);
	assert_int_equal(y.rc, -1);
	assert_int_equal(y.e.kind, PL_INTERP_ELIMIT);
	assert_int_equal(y.e.off, n);
	free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_plain, setup, teardown),
		cmocka_unit_test_setup_teardown(test_escapes_and_kept_dollars, setup, teardown),
		cmocka_unit_test_setup_teardown(test_defaults, setup, teardown),
		cmocka_unit_test_setup_teardown(test_nested, setup, teardown),
		cmocka_unit_test_setup_teardown(test_alternatives, setup, teardown),
		cmocka_unit_test_setup_teardown(test_required, setup, teardown),
		cmocka_unit_test_setup_teardown(test_syntax_errors, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unicode_and_bytes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_counts, setup, teardown),
		cmocka_unit_test_setup_teardown(test_op_str, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refs_offsets, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refs_all_forms, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refs_nested_and_plain, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refs_errors, setup, teardown),
		cmocka_unit_test_setup_teardown(test_limits, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
