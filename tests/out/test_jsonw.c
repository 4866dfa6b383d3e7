/*
 * test_jsonw.c -- the streaming JSON writer against jansson.
 *
 * The writer promises the bytes jansson writes with JSON_INDENT(2) | JSON_PRESERVE_ORDER.
 * Each case builds the same document twice, once with the writer and once as a jansson
 * tree, and compares the two; random documents cover nesting, empty containers and every
 * byte that JSON escapes. Invalid UTF-8, which jansson refuses, is checked on its own.
 */
#include <setjmp.h>
#include <stdbool.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "out/jsonw.h"

/* A small deterministic generator: the same documents on every run. */
static uint32_t seed;

static uint32_t
rnd(uint32_t n)
{
	seed = seed * 1103515245u + 12345u;
	return (seed >> 8) % n;
}

/* A valid UTF-8 string with controls, quotes, backslashes, DEL and multibyte text. */
static void
random_string(char *s, size_t cap)
{
	static const char *const pieces[] = { "a", "Z", "0", " ", "\"", "\\", "/", "\n", "\t",
					      "\r", "\b", "\f", "\x01", "\x1f", "\x7f", "é",
					      "漢", "😀", "key", "--flag=1" };
	size_t n = 0, k = rnd(12);

	s[0] = '\0';
	while (k-- > 0) {
		const char *p = pieces[rnd(sizeof(pieces) / sizeof(pieces[0]))];
		size_t len = strlen(p);

		if (n + len + 1 > cap) {
			break;
		}
		memcpy(s + n, p, len + 1);
		n += len;
	}
}

/* Writes a random value both ways; DEPTH bounds the nesting. */
static json_t *
random_value(struct pl_jw *w, int depth)
{
	char s[128];
	uint32_t kind = depth > 3 ? rnd(4) : rnd(6);
	json_t *j;

	switch (kind) {
	case 0:
		random_string(s, sizeof(s));
		pl_jw_str(w, s);
		return json_string(s);
	case 1: {
		long long v = (long long)rnd(2000000) - 1000000;

		pl_jw_int(w, v);
		return json_integer(v);
	}
	case 2: {
		bool v = rnd(2) == 1;

		pl_jw_bool(w, v);
		return json_boolean(v);
	}
	case 3:
		pl_jw_null(w);
		return json_null();
	case 4: {
		size_t n = rnd(4);

		j = json_object();
		pl_jw_object(w);
		for (size_t i = 0; i < n; i++) {
			char key[32];

			snprintf(key, sizeof(key), "k%zu", i);
			pl_jw_key(w, key);
			json_object_set_new(j, key, random_value(w, depth + 1));
		}
		pl_jw_close(w, '}');
		return j;
	}
	default: {
		size_t n = rnd(4);

		j = json_array();
		pl_jw_array(w);
		for (size_t i = 0; i < n; i++) {
			json_array_append_new(j, random_value(w, depth + 1));
		}
		pl_jw_close(w, ']');
		return j;
	}
	}
}

static void
test_same_bytes_as_jansson(void **state)
{
	(void)state;
	seed = 12345;
	for (int round = 0; round < 2000; round++) {
		struct pl_buf b;
		struct pl_jw w;
		json_t *j;
		char *want;

		pl_buf_init(&b);
		pl_jw_init(&w, &b);
		j = random_value(&w, 0);
		want = json_dumps(j, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_ENCODE_ANY);
		assert_non_null(want);
		assert_string_equal(b.p, want);
		free(want);
		json_decref(j);
		pl_buf_finish(&b);
	}
}

static void
test_invalid_utf8_becomes_replacement(void **state)
{
	struct pl_buf b;
	struct pl_jw w;

	(void)state;
	pl_buf_init(&b);
	pl_jw_init(&w, &b);
	pl_jw_array(&w);
	/* A stray continuation byte, a truncated sequence, an overlong '/' and a surrogate. */
	pl_jw_str(&w, "a\x80z");
	pl_jw_str(&w, "\xE6\xBC");
	pl_jw_str(&w, "\xC0\xAF");
	pl_jw_str(&w, "\xED\xA0\x80");
	pl_jw_str(&w, NULL);
	pl_jw_close(&w, ']');
	assert_string_equal(b.p, "[\n  \"a\xEF\xBF\xBDz\",\n  \"\xEF\xBF\xBD\xEF\xBF\xBD\",\n"
			    "  \"\xEF\xBF\xBD\xEF\xBF\xBD\",\n"
			    "  \"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\",\n  null\n]");
	pl_buf_finish(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same_bytes_as_jansson),
		cmocka_unit_test(test_invalid_utf8_becomes_replacement),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
