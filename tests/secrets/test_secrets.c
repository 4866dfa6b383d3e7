/*
 * test_secrets.c -- the secrets engine: the detector table, every detector's example and
 * near misses, checksums, placeholders, redaction, positions and concurrent scanning.
 *
 * No secret is written in this file: positives are the detectors' example templates
 * expanded at run time, and variants are made from them by changing bytes.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "secrets/secrets.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct pl_secrets *db;

struct found {
	struct pl_secret_match m[64];
	size_t n;
};

static int
collect(void *ctx, const struct pl_secret_match *m)
{
	struct found *f = ctx;

	if (f->n < 64) {
		f->m[f->n++] = *m;
	}
	return 0;
}

static struct found
scan(const char *text)
{
	struct pl_secrets_scanner *sc = pl_secrets_scanner_create(db);
	struct found f = { .n = 0 };

	assert_int_equal(pl_secrets_scan(sc, text, strlen(text), collect, &f, NULL), 0);
	pl_secrets_scanner_destroy(sc);
	return f;
}

static const struct pl_secret_match *
find(const struct found *f, const struct pl_secret_detector *d)
{
	for (size_t i = 0; i < f->n; i++) {
		if (f->m[i].det == d) {
			return &f->m[i];
		}
	}
	return NULL;
}

static void
test_compiles(void **state)
{
	char *err = NULL;
	struct pl_secrets *s = pl_secrets_create(&err);

	(void)state;
	if (s == NULL) {
		fail_msg("%s", err);
	}
	pl_secrets_destroy(s);
	assert_true(pl_secret_ndetectors >= 100);
}

/* Ids SEC0001... in order without gaps, names unique and kebab-case, metadata present. */
static void
test_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < pl_secret_ndetectors; i++) {
		const struct pl_secret_detector *d = &pl_secret_detectors[i];
		char id[32];

		snprintf(id, sizeof(id), "SEC%04zu", i + 1);
		assert_string_equal(d->id, id);
		assert_non_null(d->name);
		assert_non_null(d->provider);
		assert_non_null(d->title);
		assert_non_null(d->why);
		assert_non_null(d->fix);
		assert_non_null(d->ref);
		assert_non_null(d->re);
		assert_non_null(d->example);
		for (const char *c = d->name; *c != '\0'; c++) {
			assert_true((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '-');
		}
		for (size_t j = 0; j < i; j++) {
			assert_string_not_equal(d->name, pl_secret_detectors[j].name);
		}
		assert_ptr_equal(pl_secrets_find(d->id), d);
		assert_ptr_equal(pl_secrets_find(d->name), d);
	}
}

/* Every detector finds its own example, and the secret part is not empty. */
static void
test_examples_match(void **state)
{
	(void)state;
	for (size_t i = 0; i < pl_secret_ndetectors; i++) {
		const struct pl_secret_detector *d = &pl_secret_detectors[i];
		char *ex = pl_secrets_example(d);
		struct found f = scan(ex);
		const struct pl_secret_match *m = find(&f, d);

		if (m == NULL) {
			fail_msg("%s (%s) does not match its example", d->id, d->name);
		}
		assert_true(m->secret_end > m->secret_off);
		assert_true(m->off <= m->secret_off && m->secret_end <= m->end);
		assert_true(m->line >= 1 && m->col >= 1);
		free(ex);
	}
}

/* The example with its secret replaced by a run of 'x' (a placeholder of the right shape)
 * is not reported by that detector. */
static void
test_examples_placeholder_negative(void **state)
{
	(void)state;
	for (size_t i = 0; i < pl_secret_ndetectors; i++) {
		const struct pl_secret_detector *d = &pl_secret_detectors[i];
		char *ex = pl_secrets_example(d);
		struct found f = scan(ex);
		const struct pl_secret_match *m = find(&f, d);

		assert_non_null(m);
		memset(ex + m->secret_off, 'x', m->secret_end - m->secret_off);
		f = scan(ex);
		if (find(&f, d) != NULL) {
			fail_msg("%s (%s) reports a run of x", d->id, d->name);
		}
		free(ex);
	}
}

/* Changing one character of a checksummed token makes it invalid. */
static void
test_checksums(void **state)
{
	(void)state;
	for (size_t i = 0; i < pl_secret_ndetectors; i++) {
		const struct pl_secret_detector *d = &pl_secret_detectors[i];
		char *ex;
		struct found f;
		const struct pl_secret_match *m;
		char *tok;

		if (d->check != PL_SECRET_CHECK_CRC32_BASE62) {
			continue;
		}
		ex = pl_secrets_example(d);
		f = scan(ex);
		m = find(&f, d);
		assert_non_null(m);
		tok = ex + m->secret_off;
		assert_true(pl_secrets_crc32_base62_ok(tok, 40));
		/* Last checksum digit, then a body character. */
		tok[39] = tok[39] == 'A' ? 'B' : 'A';
		assert_false(pl_secrets_crc32_base62_ok(tok, 40));
		f = scan(ex);
		assert_null(find(&f, d));
		tok[39] = ex[m->secret_off + 39] == 'A' ? 'B' : 'A';
		free(ex);
		ex = pl_secrets_example(d);
		f = scan(ex);
		m = find(&f, d);
		ex[m->secret_off + 10] = ex[m->secret_off + 10] == 'q' ? 'r' : 'q';
		f = scan(ex);
		assert_null(find(&f, d));
		free(ex);
	}
}

/* Near misses: a wrong prefix, one character short, a JWT whose header is not JSON, a
 * PEM block whose body is prose. */
static void
test_near_misses(void **state)
{
	const struct pl_secret_detector *gh = pl_secrets_find("github-classic-pat");
	const struct pl_secret_detector *aws = pl_secrets_find("aws-access-key-id");
	const struct pl_secret_detector *jwt = pl_secrets_find("jwt");
	const struct pl_secret_detector *rsa = pl_secrets_find("rsa-private-key");
	char *ex;
	struct found f;

	(void)state;
	ex = pl_secrets_example(gh);
	*strstr(ex, "ghp_") = 'x';
	f = scan(ex);
	assert_null(find(&f, gh));
	free(ex);

	ex = pl_secrets_example(aws);
	ex[strlen(ex) - 1] = '\0';
	f = scan(ex);
	assert_null(find(&f, aws));
	free(ex);

	/* "eyJub3RhbGciOjF9" is {"notalg":1}: JSON, but no "alg". */
	ex = pl_secrets_expand("Bearer eyJub3RhbGciOjF9.eyJ{u:40}.{u:43}", 7);
	f = scan(ex);
	assert_null(find(&f, jwt));
	free(ex);

	f = scan("-----BEGIN RSA PRIVATE KEY-----\nThis is where the key goes, see the README for "
		 "how to create one; never commit it (really, never).\n-----END RSA PRIVATE KEY-----\n");
	assert_null(find(&f, rsa));
}

/* Generic assignments: placeholders and code are not secrets, a random value is. */
static void
test_generic_allow_list(void **state)
{
	static const char *const quiet[] = {
		"password = \"changeme\"\n", "password: ${DB_PASSWORD}\n", "PASSWORD=$DB_PASSWORD\n",
		"token: <token>\n", "api_key = \"your-api-key\"\n", "secret = dummy-secret-1\n",
		"password: testtesttest\n", "password = \"password\"\n", "password: ************\n",
		"api_key: xxxxxxxxxxxxxxxx\n", "token = os.environ[\"TOKEN\"]\n",
		"secret: {{ .Values.secret }}\n", "password = config.database_password\n",
		"token_url = https://auth.example.com/token\n", "password: %DB_PASSWORD%\n",
		NULL,
	};
	(void)state;
	for (const char *const *q = quiet; *q != NULL; q++) {
		struct found f = scan(*q);

		for (size_t i = 0; i < f.n; i++) {
			if (f.m[i].det->generic) {
				fail_msg("reported %s in: %s", f.m[i].det->id, *q);
			}
		}
	}
	{
		char *t = pl_secrets_expand("db_password = \"{r:24}\"\n", 99);
		struct found f = scan(t);

		assert_non_null(find(&f, pl_secrets_find("generic-password")));
		free(t);
	}
}

/* Expands TMPL, scans it and says whether the detector NAME reports it. */
static bool
reports(const char *name, const char *tmpl)
{
	const struct pl_secret_detector *d = pl_secrets_find(name);
	char *t = pl_secrets_expand(tmpl, 11);
	struct found f = scan(t);
	bool hit;

	assert_non_null(d);
	hit = find(&f, d) != NULL;
	free(t);
	return hit;
}

/* Forms and placements that other scanners' test vectors hold (tests/secrets/vectors). */
static void
test_other_forms(void **state)
{
	(void)state;
	/* Azure account keys quoted, or as a JSON member. */
	assert_true(reports("azure-storage-account-key", "AccountKey=\"{b:86}==\"\n"));
	assert_true(reports("azure-storage-account-key", "AccountKey='{b:86}=='\n"));
	assert_true(reports("azure-storage-account-key", "\"AccountKey\": \"{b:86}==\"\n"));
	/* Slack legacy tokens in their numeric form; IDs of 4 digits are made up. */
	assert_true(reports("slack-legacy-token", "t = xoxs-{d:10}-{d:10}-{d:10}-{h:10}\n"));
	assert_true(reports("slack-legacy-token", "t = xoxa-2-{d:9}-{d:11}-{d:13}-{h:18}\n"));
	assert_true(reports("slack-legacy-token", "t = xoxp-{d:6}-{d:6}-{d:6}-{h:18}\n"));
	assert_false(reports("slack-legacy-token", "t = xoxp-{d:4}-{d:4}-{d:4}-{h:32}\n"));
	/* A workspace token is not only digits ("xoxa-08532509747?..."). */
	assert_false(reports("slack-legacy-token", "t = xoxa-{d:11}?{d:11}c\n"));
	/* xoxe- user tokens have the xoxp- form. */
	assert_true(reports("slack-user-token", "?t=xoxe-{d:13}-{d:13}-{d:13}-{h:32}\n"));
	/* Telegram tokens in the Bot API's URLs. */
	assert_true(reports("telegram-bot-token",
			    "https://api.telegram.org/bot{d:10}:AA{u:33}/getMe\n"));
	/* Discord bot tokens: the first part must be the base64 of a user ID. */
	assert_true(reports("discord-bot-token-bare", "MTk4NjIyNDgzNDcxOTI1MjQ4.{u:6}.{u:27}\n"));
	assert_false(reports("discord-bot-token-bare", "MZ1yGvKTjE0rY0cV8i47CjAa.{u:6}.{u:27}\n"));
	/* Vault tokens glued to the name before them. */
	assert_true(reports("vault-service-token", "HideMyTokenhvs.{u:36}\n"));
	/* PyPI tokens too short to hold a macaroon's identifier and signature. */
	assert_false(reports("pypi-api-token", "password = pypi-AgEIcHlwaS5vcmc{u:70}\n"));
}

/* Placeholders of every detector: documented samples, typed runs, repeated units. */
static void
test_placeholder_shapes(void **state)
{
	const struct pl_secret_detector *tg = pl_secrets_find("telegram-bot-token");
	const struct pl_secret_detector *ant = pl_secrets_find("anthropic-api-key");
	const struct pl_secret_detector *jwt = pl_secrets_find("jwt");
	/* The Bot API documentation's sample, split so that this file does not hold it. */
	char sample[64];
	char *ex;
	const struct pl_secret_match *m;
	struct found f;
	size_t off, end;
	char tail[6];

	(void)state;
	snprintf(sample, sizeof(sample), "TOKEN=%s%s\n", "110201543:AAHdqTcvCH1vGW",
		 "JxfSe1ofSAs0K5PALDsaw");
	f = scan(sample);
	assert_null(find(&f, tg));
	sample[12] = '4';
	f = scan(sample);
	assert_non_null(find(&f, tg));

	/* An alphabet run of six, then of five. */
	ex = pl_secrets_example(ant);
	f = scan(ex);
	m = find(&f, ant);
	assert_non_null(m);
	off = m->secret_off;
	end = m->secret_end;
	memcpy(ex + off + 30, "kLmNoP", 6);
	f = scan(ex);
	assert_null(find(&f, ant));
	memcpy(ex + off + 30, "kLmNo_", 6);
	f = scan(ex);
	assert_non_null(find(&f, ant));
	/* A value whose last part spells "token". */
	memcpy(tail, ex + end - 8, 6);
	memcpy(ex + end - 8, "xTOKen", 6);
	f = scan(ex);
	assert_null(find(&f, ant));
	memcpy(ex + end - 8, tail, 6);
	/* A unit repeated over 12 characters. */
	memcpy(ex + off + 40, "x9Qx9Qx9Qx9Q", 12);
	f = scan(ex);
	assert_null(find(&f, ant));
	free(ex);

	/* The claims of jwt.io's sample ({"sub":"1234567890",...}), and others. */
	ex = pl_secrets_expand("Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
			       "eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkEifQ.{u:43}\n", 5);
	f = scan(ex);
	assert_null(find(&f, jwt));
	free(ex);
	ex = pl_secrets_expand("Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
			       "eyJzdWIiOiI4MzI3NjE5NDUwIiwibmFtZSI6IkEifQ.{u:43}\n", 5);
	f = scan(ex);
	assert_non_null(find(&f, jwt));
	free(ex);

	/* Values that name themselves or are marked fake. */
	assert_true(pl_secrets_is_placeholder("MYTOKEN2", 8));
	assert_true(pl_secrets_is_placeholder("CUSTOM_TOKEN_123", 16));
	assert_true(pl_secrets_is_placeholder("x7fakeQ2w9", 10));
	assert_true(pl_secrets_is_placeholder("572331691188-####", 17));
	assert_false(pl_secrets_is_placeholder("Q7W2X9TK3M", 10));
}

/* A provider-specific match wins over a generic one on the same bytes. */
static void
test_specific_wins(void **state)
{
	char *t = pl_secrets_expand("token = ghp_{a:30}{crc}\n", 3);
	struct found f = scan(t);

	(void)state;
	assert_int_equal(f.n, 1);
	assert_string_equal(f.m[0].det->id, "SEC0011");
	free(t);
}

static void
test_positions(void **state)
{
	char *t = pl_secrets_expand("a\nbb\n  \xC3\xA9 ghp_{a:30}{crc}\n", 5);
	struct found f = scan(t);

	(void)state;
	assert_int_equal(f.n, 1);
	assert_int_equal(f.m[0].line, 3);
	assert_int_equal(f.m[0].col, 5); /* two blanks, é (one code point), a blank */
	assert_int_equal(f.m[0].end_line, 3);
	assert_int_equal(f.m[0].end_col, 45);
	free(t);
}

static void
test_redact(void **state)
{
	char out[PL_SECRETS_REDACT_SIZE];
	char *t = pl_secrets_expand("ghp_{a:36}", 1);

	(void)state;
	assert_string_equal(pl_secrets_redact(t, 40, out), "ghp_\xE2\x80\xA6(40 chars)");
	assert_string_equal(pl_secrets_redact("hunter22", 8, out), "hu\xE2\x80\xA6(8 chars)");
	assert_string_equal(pl_secrets_redact("abc", 3, out), "\xE2\x80\xA6(3 chars)");
	free(t);
}

static void
test_entropy(void **state)
{
	(void)state;
	assert_true(pl_secrets_entropy("aaaaaaaa", 8) < 0.01);
	assert_true(pl_secrets_entropy("abcdefgh", 8) > 2.99);
	assert_true(pl_secrets_is_placeholder("${TOKEN}", 8));
	assert_true(pl_secrets_is_placeholder("'changeme'", 10));
	assert_false(pl_secrets_is_placeholder("q8Zt3LmW", 8));
}

struct job {
	const char *text;
	size_t found;
};

static void *
thread_scan(void *arg)
{
	struct job *j = arg;
	struct pl_secrets_scanner *sc = pl_secrets_scanner_create(db);

	for (int k = 0; k < 50; k++) {
		struct found f = { .n = 0 };

		pl_secrets_scan(sc, j->text, strlen(j->text), collect, &f, NULL);
		j->found += f.n;
	}
	pl_secrets_scanner_destroy(sc);
	return NULL;
}

/* Scanners in parallel threads share the database and agree. */
static void
test_threads(void **state)
{
	char *t = pl_secrets_expand("ghp_{a:30}{crc}\nAKIA{U:16}\nsk_live_{a:24}\n", 11);
	struct job jobs[4];
	pthread_t th[4];

	(void)state;
	for (int i = 0; i < 4; i++) {
		jobs[i] = (struct job){ .text = t };
		assert_int_equal(pthread_create(&th[i], NULL, thread_scan, &jobs[i]), 0);
	}
	for (int i = 0; i < 4; i++) {
		pthread_join(th[i], NULL);
		assert_int_equal(jobs[i].found, 150);
	}
	free(t);
}

/* A buffer full of candidates stops at the limit instead of growing without bound. */
static void
test_limit(void **state)
{
	size_t n = 20000, i;
	char *big = malloc(n * 24 + 1), *p = big, *one = pl_secrets_expand("AKIA{U:16} ", 4);
	struct pl_secrets_scanner *sc = pl_secrets_scanner_create(db);
	struct found f = { .n = 0 };
	size_t dropped = 0;

	(void)state;
	for (i = 0; i < n; i++) {
		memcpy(p, one, strlen(one));
		p += strlen(one);
	}
	*p = '\0';
	assert_int_equal(pl_secrets_scan(sc, big, strlen(big), collect, &f, &dropped), 0);
	assert_true(dropped > 0);
	pl_secrets_scanner_destroy(sc);
	free(one);
	free(big);
}

static void
test_rules(void **state)
{
	(void)state;
	for (size_t i = 0; i < pl_secret_ndetectors; i++) {
		const struct pl_rule *r = pl_secrets_rule(&pl_secret_detectors[i]);

		assert_string_equal(r->id, pl_secret_detectors[i].id);
		assert_string_equal(r->category, "secrets");
		assert_non_null(strstr(r->bad, "\xE2\x80\xA6("));
		/* The rendered example reports nothing: the secret is redacted. */
		if (scan(r->bad).n != 0) {
			fail_msg("%s: the redacted example still matches", r->id);
		}
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_compiles),
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_examples_match),
		cmocka_unit_test(test_examples_placeholder_negative),
		cmocka_unit_test(test_checksums),
		cmocka_unit_test(test_near_misses),
		cmocka_unit_test(test_generic_allow_list),
		cmocka_unit_test(test_other_forms),
		cmocka_unit_test(test_placeholder_shapes),
		cmocka_unit_test(test_specific_wins),
		cmocka_unit_test(test_positions),
		cmocka_unit_test(test_redact),
		cmocka_unit_test(test_entropy),
		cmocka_unit_test(test_threads),
		cmocka_unit_test(test_limit),
		cmocka_unit_test(test_rules),
	};

	db = pl_secrets_default();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
