/*
 * test_shell_lex.c -- unit tests for BuildKit word expansion (pl_shlex_word/words):
 * quoting, every ${} form, pattern removal and substitution, errors, unknown values,
 * word splitting and the limits on size, nesting and matching work.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "core/arena.h"
#include "core/limits.h"
#include "parse/shell.h"

#include <stdlib.h>
#include <string.h>

/* The environment of a test: "NAME=value" is set, a bare "NAME" is known to exist with
 * an unknown value (an ARG without default). */
static enum pl_var_state
lookup(void *ud, const char *name, size_t n, const char **value)
{
	const char *const *env = ud;

	for (; env != NULL && *env != NULL; env++) {
		const char *eq = strchr(*env, '=');
		size_t kn = eq ? (size_t)(eq - *env) : strlen(*env);

		if (kn == n && memcmp(*env, name, n) == 0) {
			if (eq == NULL) {
				return PL_VAR_UNKNOWN;
			}
			*value = eq + 1;
			return PL_VAR_SET;
		}
	}
	return PL_VAR_UNSET;
}

static const char *const base_env[] = {
	"PWD=/home", "EMPTY=", "FOO=xxyy", "PATHV=/usr/local/bin", "SPACE=a  b", "ARGU",
	"KOREAN=\xed\x95\x9c\xea\xb5\xad\xec\x96\xb4", "NL=a\nb", NULL,
};

struct result {
	int rc;
	char *out;
	const char *err;
	bool unknown;
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

static struct result
expand_env(const char *in, const char *const *env)
{
	struct pl_shlex_opts o = { .escape = '\\', .lookup = lookup, .ud = (void *)env };
	struct result r = { 0, NULL, NULL, false };

	r.rc = pl_shlex_word(in, strlen(in), &o, &arena, &r.out, &r.unknown, &r.err);
	return r;
}

static struct result
expand(const char *in)
{
	return expand_env(in, base_env);
}

#define EXPECT(in, want)                                                                   \
	do {                                                                               \
		struct result r_ = expand(in);                                             \
		assert_int_equal(r_.rc, 0);                                                \
		assert_string_equal(r_.out, want);                                         \
	} while (0)

#define EXPECT_ENV(in, env, want)                                                          \
	do {                                                                               \
		struct result r_ = expand_env(in, env);                                    \
		assert_int_equal(r_.rc, 0);                                                \
		assert_string_equal(r_.out, want);                                         \
	} while (0)

#define EXPECT_ERROR(in)                                                                   \
	do {                                                                               \
		struct result r_ = expand(in);                                             \
		assert_int_equal(r_.rc, -1);                                               \
		assert_non_null(r_.err);                                                   \
	} while (0)

static void
test_quotes(void **state)
{
	(void)state;
	EXPECT("hello", "hello");
	EXPECT("'a b'c", "a bc");
	EXPECT("\"a'b\"", "a'b");
	EXPECT("'$PWD'", "$PWD");
	EXPECT("\"$PWD\"", "/home");
	EXPECT("a\\ b", "a b");
	EXPECT("\\$PWD", "$PWD");
	EXPECT("\"\\$PWD\"", "$PWD");
	EXPECT("\"a\\tb\"", "a\\tb");
	EXPECT("\"a\\\\b\"", "a\\b");
	EXPECT("\"a\\\"b\"", "a\"b");
	EXPECT("'a\\'", "a\\");
	EXPECT("end\\", "end");
	EXPECT("", "");
	EXPECT_ERROR("'open");
	EXPECT_ERROR("\"open");
	EXPECT_ERROR("\"open\\\"");
}

static void
test_backtick_escape(void **state)
{
	struct pl_shlex_opts o = { .escape = '`', .lookup = lookup, .ud = (void *)base_env };
	const char *in = "a`$PWD\\b\"c`\"d\"";
	char *out;
	bool unknown = false;
	const char *err;

	(void)state;
	assert_int_equal(pl_shlex_word(in, strlen(in), &o, &arena, &out, &unknown, &err), 0);
	assert_string_equal(out, "a$PWD\\bc\"d");
}

static void
test_plain_variables(void **state)
{
	(void)state;
	EXPECT("$PWD/x", "/home/x");
	EXPECT("${PWD}x", "/homex");
	EXPECT("$NOPE.", ".");
	EXPECT("$.", "$.");
	EXPECT("a$", "a$");
	EXPECT("$1x", "x");
	EXPECT("$001abc", "abc");
	EXPECT("$@@", "@");
	EXPECT("${#}", "");
	EXPECT("$KOREAN!", "\xed\x95\x9c\xea\xb5\xad\xec\x96\xb4!");
	EXPECT_ERROR("${}");
	EXPECT_ERROR("${PWD");
	EXPECT_ERROR("${:-x}");
	EXPECT_ERROR("${{x}");
	EXPECT_ERROR("${.}");
}

static void
test_defaults_and_alternates(void **state)
{
	(void)state;
	EXPECT("${NOPE:-d}", "d");
	EXPECT("${EMPTY:-d}", "d");
	EXPECT("${PWD:-d}", "/home");
	EXPECT("${NOPE-d}", "d");
	EXPECT("${EMPTY-d}", "");
	EXPECT("${NOPE:+a}", "");
	EXPECT("${EMPTY:+a}", "");
	EXPECT("${EMPTY+a}", "a");
	EXPECT("${PWD:+a}", "a");
	EXPECT("${NOPE:-${NADA:-$PWD}}", "/home");
	EXPECT("${NOPE:-'a}b'}", "a}b");
	EXPECT("${NOPE:-\\}}", "}");
	EXPECT("${PWD:?}", "/home");
	EXPECT("${EMPTY?}", "");
	EXPECT_ERROR("${PWD:=x}");
	EXPECT_ERROR("${PWD:x}");
	EXPECT_ERROR("${NOPE:-a");
}

static void
test_required_messages(void **state)
{
	const char *const set[] = { "VAR=plain", "ARG=x", NULL };
	const char *const empty[] = { "VAR=", "ARG=x", NULL };
	const char *const unset[] = { "ARG=x", NULL };
	struct result r;

	(void)state;
	EXPECT_ENV("${VAR:?message here$ARG}", set, "plain");
	r = expand_env("${VAR:?message here$ARG}", empty);
	assert_int_equal(r.rc, -1);
	assert_non_null(strstr(r.err, "message herex"));
	r = expand_env("${VAR?message here$ARG}", unset);
	assert_int_equal(r.rc, -1);
	assert_non_null(strstr(r.err, "message herex"));
	EXPECT_ENV("${VAR?message}", empty, "");
	r = expand_env("${VAR?}", unset);
	assert_int_equal(r.rc, -1);
	assert_non_null(strstr(r.err, "VAR: is not allowed to be unset"));
	r = expand_env("${VAR:?}", empty);
	assert_non_null(strstr(r.err, "VAR: is not allowed to be empty"));
}

static void
test_pattern_removal(void **state)
{
	const char *const specials[] = { "FOO=()[]{}^$.*?|\\x", NULL };
	const char *const stars[] = { "FOO=xx**", NULL };
	const char *const many[] = { "FOO=a***yy*", NULL };
	const char *const quest[] = { "FOO=???y", NULL };
	const char *const bar[] = { "FOO=xxyy", "BAR=x", "EMPTY=", NULL };

	(void)state;
	EXPECT("${PATHV#*/}", "usr/local/bin");
	EXPECT("${PATHV##*/}", "bin");
	EXPECT("${PATHV%/*}", "/usr/local");
	EXPECT("${PATHV%%/*}", "");
	EXPECT("${FOO#*x*y}", "y");
	EXPECT("${FOO#*}", "xxyy");
	EXPECT("${FOO#}", "xxyy");
	EXPECT("${FOO##*x}", "yy");
	EXPECT("${FOO##}", "xxyy");
	EXPECT("${FOO%}", "xxyy");
	EXPECT("${FOO%y}", "xxy");
	EXPECT("${FOO%x}", "xxyy");
	EXPECT("${FOO%?y}", "xx");
	EXPECT("${NOPE#x}", "");
	EXPECT("${KOREAN#?}", "\xea\xb5\xad\xec\x96\xb4");
	EXPECT("${KOREAN%\xec\x96\xb4}", "\xed\x95\x9c\xea\xb5\xad");
	/* `*` never crosses a newline, as in Go's regular expressions. */
	EXPECT("${NL#*b}", "a\nb");
	EXPECT("${NL%a*}", "a\nb");
	EXPECT_ENV("${FOO#()[]{\\}^$.\\*\\?|\\\\}", specials, "x");
	EXPECT_ENV("${FOO%%\\**}", stars, "xx");
	EXPECT_ENV("${FOO%%\\**\\*}", many, "a");
	EXPECT_ENV("${FOO#?\\?}", quest, "?y");
	EXPECT_ENV("${FOO#$BAR}", bar, "xyy");
	EXPECT_ENV("${FOO%%$EMPTY}", bar, "xxyy");
	EXPECT_ENV("${ABC:-.}${FOO%x}${ABC:-.}", bar, ".xxyy.");
	/* Brackets are literal: BuildKit has no bracket expressions. */
	EXPECT_ENV("${FOO#()[]}", specials, "{}^$.*?|\\x");
	EXPECT_ERROR("${FOO:#x}");
	EXPECT_ERROR("${FOO:%%x}");
	EXPECT_ERROR("${FOO#\\x}");
	EXPECT_ERROR("${FOO#x");
}

static void
test_substitution(void **state)
{
	const char *const wild[] = { "FOO=/foo*/*/*.txt", "NEEDLE=\\*/", NULL };
	const char *const slash[] = { "FOO=/tmp/tmp/bar.txt", "NEEDLE=/tmp", NULL };
	const char *const q[] = { "FOO=/a/foo/b/c.txt", "NEEDLE=/?/", "REPLACEMENT=/", NULL };
	const char *const url[] = { "FOO=http://google.de", "NEEDLE=http://",
				    "REPLACEMENT=https://", NULL };
	const char *const tmp[] = { "FOO=/tmp/foo.txt", NULL };
	const char *const xy[] = { "FOO=xxyy", "BAR=", NULL };
	const char *const abc[] = { "V=abc", "R=$$", NULL };

	(void)state;
	EXPECT_ENV("${FOO/$NEEDLE/.} - ${FOO//$NEEDLE/.}", wild, "/foo.*/*.txt - /foo..*.txt");
	EXPECT_ENV("${FOO/$NEEDLE/} - ${FOO//$NEEDLE/}", slash, "/tmp/bar.txt - /bar.txt");
	EXPECT_ENV("${FOO/$NEEDLE/$REPLACEMENT} - ${FOO//$NEEDLE/$REPLACEMENT}", q,
		   "/foo/b/c.txt - /foo/c.txt");
	EXPECT_ENV("${FOO/$NEEDLE/$REPLACEMENT}", url, "https://google.de");
	EXPECT_ENV("${FOO//\\//\\/}", tmp, "\\/tmp\\/foo.txt");
	EXPECT_ENV("${FOO/$BAR/ww}", xy, "wwxxyy");
	EXPECT_ENV("${FOO///}", xy, "xxyy");
	EXPECT_ENV("${NOPE///}", xy, "");
	/* An empty pattern matches between every character, as with ReplaceAllString. */
	EXPECT_ENV("${V///-}", abc, "-a-b-c-");
	/* Leftmost, then longest. */
	EXPECT_ENV("${V/b*/X}", abc, "aX");
	EXPECT_ENV("${V//?/X}", abc, "XXX");
	/* ${v//p/r} expands $0 in R like Go's templates; ${v/p/r} inserts R as written. */
	EXPECT_ENV("${V//b/<\\$0>}", abc, "a<\\b>c");
	EXPECT_ENV("${V/b/<\\$0>}", abc, "a<\\$0>c");
	EXPECT_ENV("${V//b/\\$\\$}", abc, "a\\$\\$c");
	EXPECT_ENV("${V//b/$R}", abc, "a$c");
	EXPECT_ENV("${V/b/$R}", abc, "a$$c");
	EXPECT_ERROR("${FOO//ww}");
	EXPECT_ERROR("${FOO//}");
	EXPECT_ERROR("${FOO/\\q/x}");
}

static void
test_unknown(void **state)
{
	struct result r;

	(void)state;
	r = expand("x$ARGU");
	assert_int_equal(r.rc, 0);
	assert_true(r.unknown);
	assert_string_equal(r.out, "x");
	r = expand("${ARGU:-default}");
	assert_true(r.unknown);
	assert_string_equal(r.out, "");
	r = expand("${ARGU:+alt}");
	assert_true(r.unknown);
	assert_string_equal(r.out, "alt");
	r = expand("${ARGU:?must be set}");
	assert_int_equal(r.rc, 0);
	assert_true(r.unknown);
	r = expand("$PWD ${NOPE}");
	assert_false(r.unknown);
	r = expand("'$ARGU'");
	assert_false(r.unknown);
	r = expand("${NOPE:-$ARGU}");
	assert_true(r.unknown);
}

static void
test_no_expand_and_no_lookup(void **state)
{
	struct pl_shlex_opts o = { .escape = '\\', .lookup = lookup, .ud = (void *)base_env,
				   .no_expand = true };
	struct pl_shlex_opts bare = { .escape = '\\' };
	bool unknown = false;
	const char *err, *in;
	char *out;

	(void)state;
	in = "'a'$PWD\"${X}\"";
	assert_int_equal(pl_shlex_word(in, strlen(in), &o, &arena, &out, &unknown, &err), 0);
	assert_string_equal(out, "a$PWD${X}");
	assert_int_equal(pl_shlex_word("a${PWD:-d}", 10, &bare, &arena, &out, NULL, NULL), 0);
	assert_string_equal(out, "ad");
	assert_int_equal(pl_shlex_word("${", 2, &bare, &arena, &out, NULL, NULL), -1);
}

static void
test_words(void **state)
{
	struct pl_shlex_opts o = { .escape = '\\', .lookup = lookup, .ud = (void *)base_env };
	const char *in = "one \"two three\" x$SPACE'' ${NOPE:-a b} \"\" 'q'\\ r";
	char **w;
	size_t n;
	bool unknown = false;
	const char *err;

	(void)state;
	assert_int_equal(pl_shlex_words(in, strlen(in), &o, &arena, &w, &n, &unknown, &err), 0);
	assert_int_equal(n, 7);
	assert_string_equal(w[0], "one");
	assert_string_equal(w[1], "two three");
	assert_string_equal(w[2], "xa");
	assert_string_equal(w[3], "b");
	assert_string_equal(w[4], "a");
	assert_string_equal(w[5], "b");
	assert_string_equal(w[6], "q r");
	assert_null(w[7]);
	assert_int_equal(pl_shlex_words("  ", 2, &o, &arena, &w, &n, &unknown, &err), 0);
	assert_int_equal(n, 0);
	assert_int_equal(pl_shlex_words("a 'b", 4, &o, &arena, &w, &n, &unknown, &err), -1);
	assert_int_equal(pl_shlex_words("$ARGU x", 7, &o, &arena, &w, &n, &unknown, &err), 0);
	assert_true(unknown);
	assert_int_equal(n, 1);
}

static void
test_malformed_utf8(void **state)
{
	(void)state;
	/* Like Go's scanner: each byte of a malformed sequence reads as U+FFFD. */
	EXPECT("a\xff" "b", "a\xef\xbf\xbd" "b");
	EXPECT("'\xe4\xb8'", "\xef\xbf\xbd\xef\xbf\xbd");
}

static void
test_limits(void **state)
{
	size_t big = PL_MAX_EXPANSION_BYTES / 2 + 16, i;
	char *val = malloc(big + 8), *in;
	const char *env[3] = { NULL, NULL, NULL };
	struct result r;

	(void)state;
	memcpy(val, "BIG=", 4);
	memset(val + 4, 'a', big);
	val[4 + big] = '\0';
	env[0] = val;
	r = expand_env("$BIG", env);
	assert_int_equal(r.rc, 0);
	r = expand_env("$BIG$BIG", env);
	assert_int_equal(r.rc, -1);
	r = expand_env("${NOPE:-$BIG$BIG}", env);
	assert_int_equal(r.rc, -1);
	/* Pattern matching has a work budget: many stars over a large value stop. */
	in = malloc(4096);
	strcpy(in, "${BIG#");
	for (i = 0; i < 200; i++) {
		strcat(in, "*a");
	}
	strcat(in, "b}");
	r = expand_env(in, env);
	assert_int_equal(r.rc, -1);
	/* Nesting is bounded. */
	in[0] = '\0';
	for (i = 0; i < PL_MAX_EXPANSION_DEPTH + 4; i++) {
		strcat(in, "${A:-");
	}
	strcat(in, "x");
	for (i = 0; i < PL_MAX_EXPANSION_DEPTH + 4; i++) {
		strcat(in, "}");
	}
	r = expand_env(in, env);
	assert_int_equal(r.rc, -1);
	in[0] = '\0';
	for (i = 0; i < 8; i++) {
		strcat(in, "${A:-");
	}
	strcat(in, "x");
	for (i = 0; i < 8; i++) {
		strcat(in, "}");
	}
	r = expand_env(in, env);
	assert_int_equal(r.rc, 0);
	assert_string_equal(r.out, "x");
	free(in);
	free(val);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_quotes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_backtick_escape, setup, teardown),
		cmocka_unit_test_setup_teardown(test_plain_variables, setup, teardown),
		cmocka_unit_test_setup_teardown(test_defaults_and_alternates, setup, teardown),
		cmocka_unit_test_setup_teardown(test_required_messages, setup, teardown),
		cmocka_unit_test_setup_teardown(test_pattern_removal, setup, teardown),
		cmocka_unit_test_setup_teardown(test_substitution, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unknown, setup, teardown),
		cmocka_unit_test_setup_teardown(test_no_expand_and_no_lookup, setup, teardown),
		cmocka_unit_test_setup_teardown(test_words, setup, teardown),
		cmocka_unit_test_setup_teardown(test_malformed_utf8, setup, teardown),
		cmocka_unit_test_setup_teardown(test_limits, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
