/*
 * engine.c -- compiles the detectors once and scans buffers with them.
 *
 * One Vectorscan database holds every detector's expression and scans a buffer in one
 * pass, reporting (detector, end offset) for each candidate. A candidate is confirmed by
 * running the detector's PCRE2 expression (JIT-compiled) from a little before that end:
 * no further back than the longest match Vectorscan's expression can have, and never
 * over bytes already confirmed for the same detector, so each byte is examined a bounded
 * number of times whatever the input. The match's group 1 is the secret, which then goes
 * through the detector's check (checksum, JWT header, placeholder list, entropy).
 *
 * Confirmed matches of one buffer are collected, a match inside another's secret is
 * dropped (an AWS key id inside a private key body), a generic match yields to a
 * provider-specific one on the same bytes, and the rest are given line and column and
 * passed to the caller in order.
 */
#define _GNU_SOURCE /* memmem */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "secrets/secrets.h"
#include "secrets/compile.h"
#include "core/limits.h"
#include "core/source.h"
#include "core/xalloc.h"

#include <hs.h>
#include <limits.h>
#include <math.h>
#include <pcre2.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct pl_secrets {
	hs_database_t *db;
	hs_scratch_t *proto; /* cloned for each scanner */
	pcre2_code **re;
	size_t *back; /* how far before a candidate's end its match may start */
};

struct hit {
	size_t det, off, end, soff, send;
};

struct pl_secrets_scanner {
	const struct pl_secrets *s;
	hs_scratch_t *scratch;
	pcre2_match_data *md;
	pcre2_match_context *mctx;
	/* State of one scan. */
	const char *buf;
	size_t len;
	size_t *last_end; /* per detector: candidates ending at or before this are done */
	struct hit *hits;
	size_t nhits, cap, dropped;
};


/* Loads the database that the build compiled and serialized (secrets_db.c), so that a
 * run does not spend a second compiling. Returns -1 when there is none or when this
 * processor cannot run it; the caller then compiles. */
static int
load_embedded(struct pl_secrets *s)
{
	static const char probe[] = "probe";

	if (pl_secrets_db_size == 0 ||
	    hs_deserialize_database((const char *)pl_secrets_db_blob, pl_secrets_db_size,
				    &s->db) != HS_SUCCESS) {
		return -1;
	}
	if (hs_alloc_scratch(s->db, &s->proto) != HS_SUCCESS ||
	    hs_scan(s->db, probe, sizeof(probe) - 1, 0, s->proto, NULL, NULL) != HS_SUCCESS) {
		if (s->proto != NULL) {
			hs_free_scratch(s->proto);
			s->proto = NULL;
		}
		hs_free_database(s->db);
		s->db = NULL;
		return -1;
	}
	memcpy(s->back, pl_secrets_db_back, pl_secret_ndetectors * sizeof(*s->back));
	return 0;
}

static int
compile_hs(struct pl_secrets *s, char **err)
{
	if (load_embedded(s) == 0) {
		return 0;
	}
	if (pl_secrets_compile_hs(&s->db, s->back, err) != 0) {
		return -1;
	}
	if (hs_alloc_scratch(s->db, &s->proto) != HS_SUCCESS) {
		*err = pl_xstrdup("Vectorscan: cannot allocate scratch space");
		return -1;
	}
	return 0;
}

struct pl_secrets *
pl_secrets_create(char **err)
{
	struct pl_secrets *s = pl_xcalloc(1, sizeof(*s));
	size_t i;

	*err = NULL;
	s->re = pl_xcalloc(pl_secret_ndetectors, sizeof(*s->re));
	s->back = pl_xcalloc(pl_secret_ndetectors, sizeof(*s->back));
	for (i = 0; i < pl_secret_ndetectors; i++) {
		const struct pl_secret_detector *d = &pl_secret_detectors[i];
		int code;
		PCRE2_SIZE at;
		PCRE2_UCHAR msg[256];

		s->re[i] = pcre2_compile((PCRE2_SPTR)d->re, PCRE2_ZERO_TERMINATED, PCRE2_MULTILINE,
					 &code, &at, NULL);
		if (s->re[i] == NULL) {
			pcre2_get_error_message(code, msg, sizeof(msg));
			*err = pl_secrets_fmt_err(d->id, "PCRE2", (const char *)msg);
			pl_secrets_destroy(s);
			return NULL;
		}
		/* JIT is an optimisation: without it (an unsupported CPU) matching still works. */
		(void)pcre2_jit_compile(s->re[i], PCRE2_JIT_COMPLETE);
	}
	if (compile_hs(s, err) != 0) {
		pl_secrets_destroy(s);
		return NULL;
	}
	return s;
}

void
pl_secrets_destroy(struct pl_secrets *s)
{
	size_t i;

	if (s == NULL) {
		return;
	}
	for (i = 0; s->re != NULL && i < pl_secret_ndetectors; i++) {
		pcre2_code_free(s->re[i]);
	}
	free(s->re);
	free(s->back);
	if (s->proto != NULL) {
		hs_free_scratch(s->proto);
	}
	if (s->db != NULL) {
		hs_free_database(s->db);
	}
	free(s);
}

static pthread_once_t default_once = PTHREAD_ONCE_INIT;
static struct pl_secrets *default_db;

static void
default_init(void)
{
	char *err = NULL;

	default_db = pl_secrets_create(&err);
	if (default_db == NULL) {
		fprintf(stderr, "plimsoll: cannot compile the secrets detectors: %s\n", err);
		abort();
	}
}

const struct pl_secrets *
pl_secrets_default(void)
{
	pthread_once(&default_once, default_init);
	return default_db;
}

struct pl_secrets_scanner *
pl_secrets_scanner_create(const struct pl_secrets *s)
{
	struct pl_secrets_scanner *sc = pl_xcalloc(1, sizeof(*sc));

	sc->s = s;
	if (hs_clone_scratch(s->proto, &sc->scratch) != HS_SUCCESS) {
		fputs("plimsoll: out of memory\n", stderr);
		abort();
	}
	sc->md = pcre2_match_data_create(16, NULL);
	sc->mctx = pcre2_match_context_create(NULL);
	if (sc->md == NULL || sc->mctx == NULL) {
		fputs("plimsoll: out of memory\n", stderr);
		abort();
	}
	pcre2_set_match_limit(sc->mctx, PL_SECRETS_PCRE_MATCH_LIMIT);
	sc->last_end = pl_xcalloc(pl_secret_ndetectors, sizeof(*sc->last_end));
	return sc;
}

void
pl_secrets_scanner_destroy(struct pl_secrets_scanner *sc)
{
	if (sc == NULL) {
		return;
	}
	hs_free_scratch(sc->scratch);
	pcre2_match_data_free(sc->md);
	pcre2_match_context_free(sc->mctx);
	free(sc->last_end);
	free(sc->hits);
	free(sc);
}

/* ---- checks ---- */

static uint32_t crc_table[256];
static pthread_once_t crc_once = PTHREAD_ONCE_INIT;

/* CRC-32 as in zlib and PNG: reflected polynomial 0xEDB88320. */
static void
crc_init(void)
{
	for (uint32_t i = 0; i < 256; i++) {
		uint32_t c = i;

		for (int k = 0; k < 8; k++) {
			c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
		}
		crc_table[i] = c;
	}
}

static uint32_t
crc32_of(const char *s, size_t n)
{
	uint32_t c = 0xFFFFFFFFu;

	pthread_once(&crc_once, crc_init);
	for (size_t i = 0; i < n; i++) {
		c = crc_table[(c ^ (unsigned char)s[i]) & 0xFF] ^ (c >> 8);
	}
	return c ^ 0xFFFFFFFFu;
}

/* Base62 digits in the order the token formats use: 0-9, A-Z, a-z. */
static const char base62[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

static int
base62_value(char c)
{
	const char *p = c != '\0' ? strchr(base62, c) : NULL;

	return p != NULL ? (int)(p - base62) : -1;
}

/*
 * GitHub's and npm's tokens: a 4-character prefix, 30 random base62 characters and six
 * more that are the CRC32 of those 30, as a base62 number ("Behind GitHub's new
 * authentication token formats", 2021; npm adopted the same format).
 */
bool
pl_secrets_crc32_base62_ok(const char *token, size_t n)
{
	uint64_t v = 0;
	size_t i;

	if (n != 40) {
		return false;
	}
	for (i = 34; i < 40; i++) {
		int d = base62_value(token[i]);

		if (d < 0) {
			return false;
		}
		v = v * 62 + (uint64_t)d;
	}
	return v == crc32_of(token + 4, 30);
}

double
pl_secrets_entropy(const char *s, size_t n)
{
	size_t count[256] = { 0 }, i;
	double h = 0;

	if (n == 0) {
		return 0;
	}
	for (i = 0; i < n; i++) {
		count[(unsigned char)s[i]]++;
	}
	for (i = 0; i < 256; i++) {
		if (count[i] > 0) {
			double p = (double)count[i] / (double)n;

			h -= p * log2(p);
		}
	}
	return h;
}

/* Lower-cases S[0..n) into OUT (at most CAP-1 bytes); returns the length kept. */
static size_t
lower(const char *s, size_t n, char *out, size_t cap)
{
	size_t i;

	if (n >= cap) {
		n = cap - 1;
	}
	for (i = 0; i < n; i++) {
		char c = s[i];

		out[i] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
	}
	out[n] = '\0';
	return n;
}

/* Upper case letters, digits and underscores only, naming what the value is (TOKEN,
 * SECRET, PASSWORD, KEY): a constant's name written where its value belongs. */
static bool
constant_name(const char *s, size_t n)
{
	static const char *const words[] = { "TOKEN", "SECRET", "PASSW", "KEY", NULL };

	for (size_t i = 0; i < n; i++) {
		if (!((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_')) {
			return false;
		}
	}
	for (const char *const *w = words; *w != NULL; w++) {
		if (memmem(s, n, *w, strlen(*w)) != NULL) {
			return true;
		}
	}
	return false;
}

bool
pl_secrets_is_placeholder(const char *value, size_t n)
{
	/* Values that stand for a secret without being one. */
	static const char *const exact[] = {
		"changeme", "change_me", "change-me", "password", "passwd", "secret", "token",
		"test", "testing", "dummy", "example", "sample", "placeholder", "redacted", "none",
		"null", "nil", "undefined", "true", "false", "empty", "todo", "fixme", "pass",
		"pwd", "foo", "bar", "foobar", "secret123", "password123", "mysecret",
		"mypassword", "your-api-key", "your_api_key", "yourapikey", "apikey", "api_key",
		/* default accounts' passwords in local-development files and documentation */
		"admin", "root", "postgres", "mysql", "guest", "s3cret", "passw0rd",
		NULL,
	};
	static const char *const contains[] = {
		"changeme", "change_me", "change-me", "example", "xxxx", "****", "dummy",
		"placeholder", "redacted", "your-", "your_", "yourpass", "yoursecret", "yourtoken",
		"<", ">", "${", "{{", "}}", "%(", "$(", "...", "####", "\xE2\x80\xA6", "replace_me",
		"replace-me", "insert_", "insert-", "fake", NULL,
	};
	static const char *const prefixes[] = {
		"test", "fake", "dummy", "sample", "example", "process.env", "os.environ",
		"os.getenv", "env.", "env(", "env[", "secrets.", "vars.", "var.", "settings.",
		"config.", "getenv", "!vault", NULL,
	};
	char v[160];
	size_t m;

	while (n > 0 && (*value == '"' || *value == '\'' || *value == '`')) {
		value++;
		n--;
	}
	while (n > 0 && (value[n - 1] == '"' || value[n - 1] == '\'' || value[n - 1] == '`')) {
		n--;
	}
	if (n == 0) {
		return true;
	}
	m = lower(value, n, v, sizeof(v));
	for (const char *const *e = exact; *e != NULL; e++) {
		if (strcmp(v, *e) == 0) {
			return true;
		}
	}
	for (const char *const *c = contains; *c != NULL; c++) {
		if (strstr(v, *c) != NULL) {
			return true;
		}
	}
	for (const char *const *p = prefixes; *p != NULL; p++) {
		if (strncmp(v, *p, strlen(*p)) == 0) {
			return true;
		}
	}
	/* MYTOKEN2, CUSTOM_TOKEN_123: the name of a constant that stands for the value. */
	if (constant_name(value, n)) {
		return true;
	}
	/* {name}: a format-string or template field. */
	if (v[0] == '{' && v[m - 1] == '}') {
		return true;
	}
	/* $VAR, %VAR%: a variable reference. */
	if (v[0] == '$' && m > 1 && (v[1] == '_' || (v[1] >= 'a' && v[1] <= 'z'))) {
		return true;
	}
	if (v[0] == '%' && m > 2 && v[m - 1] == '%') {
		return true;
	}
	return false;
}

/* A generic value that reads as code rather than as a secret: a call, an index, a URL,
 * or a dotted or plain identifier ("config.db_password", "DEFAULT_TOKEN"). */
static bool
looks_like_code(const char *s, size_t n)
{
	bool ident = true;
	size_t i;

	for (i = 0; i < n; i++) {
		char c = s[i];

		if (c == '(' || c == ')' || c == '[' || c == ']' || c == '{' || c == '}') {
			return true;
		}
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '.' ||
		      c == '-')) {
			ident = false;
		}
	}
	if (n >= 3 && memmem(s, n, "://", 3) != NULL) {
		return true;
	}
	return ident;
}

static int
b64url_value(char c)
{
	if (c >= 'A' && c <= 'Z') {
		return c - 'A';
	}
	if (c >= 'a' && c <= 'z') {
		return c - 'a' + 26;
	}
	if (c >= '0' && c <= '9') {
		return c - '0' + 52;
	}
	if (c == '-' || c == '+') {
		return 62;
	}
	if (c == '_' || c == '/') {
		return 63;
	}
	return -1;
}

/* Decodes base64url from S up to the first '.' or N bytes into OUT (at most CAP - 1
 * bytes, NUL-terminated); returns the length, or -1 on a byte outside the alphabet. */
static long
b64url_part(const char *s, size_t n, char *out, size_t cap)
{
	size_t len = 0, i, k = 0;
	uint32_t acc = 0;

	/* Room for a whole group, the partial group at the end and the NUL. */
	for (i = 0; i < n && s[i] != '.' && len + 6 < cap; i++) {
		int v = b64url_value(s[i]);

		if (v < 0) {
			return -1;
		}
		acc = (acc << 6) | (uint32_t)v;
		if (++k == 4) {
			out[len++] = (char)(acc >> 16);
			out[len++] = (char)(acc >> 8);
			out[len++] = (char)acc;
			acc = 0;
			k = 0;
		}
	}
	if (k == 2) {
		out[len++] = (char)(acc >> 4);
	} else if (k == 3) {
		out[len++] = (char)(acc >> 10);
		out[len++] = (char)(acc >> 2);
	}
	out[len] = '\0';
	return (long)len;
}

/* Whether the first part of a JWT decodes to a JSON object naming its "alg" (RFC 7515,
 * 4.1.1: the header must have one), and the claims are not those of the sample token
 * that jwt.io and most tutorials print (subject "1234567890"). */
static bool
jwt_ok(const char *s, size_t n)
{
	char out[800];
	const char *dot;
	long len = b64url_part(s, n, out, sizeof(out));
	size_t i;

	if (len < 0) {
		return false;
	}
	for (i = 0; i < (size_t)len && (out[i] == ' ' || out[i] == '\t' || out[i] == '\r' ||
					out[i] == '\n'); i++) {
	}
	if (i >= (size_t)len || out[i] != '{' || memmem(out, (size_t)len, "\"alg\"", 5) == NULL) {
		return false;
	}
	dot = memchr(s, '.', n);
	if (dot == NULL) {
		return true;
	}
	len = b64url_part(dot + 1, n - (size_t)(dot + 1 - s), out, sizeof(out));
	return len < 0 || memmem(out, (size_t)len, "\"1234567890\"", 12) == NULL;
}

/* Whether a key body is mostly base64: a run of at least 40 base64 characters (PEM lines
 * have 64), and at most one byte in ten that is neither base64, a blank nor a dash (PEM
 * headers such as "Proc-Type: 4,ENCRYPTED" stay under that; prose and code do not).
 * Escaped line breaks count as blanks, for keys inside JSON strings. */
static bool
pem_body_ok(const char *s, size_t n)
{
	size_t b64 = 0, other = 0, run = 0, longest = 0, i;

	for (i = 0; i < n; i++) {
		char c = s[i];

		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    c == '+' || c == '/' || c == '=') {
			b64++;
			if (++run > longest) {
				longest = run;
			}
			continue;
		}
		run = 0;
		if (c == '\\' && i + 1 < n && (s[i + 1] == 'n' || s[i + 1] == 'r')) {
			i++;
		} else if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '-') {
			other++;
		}
	}
	return longest >= 40 && other * 10 <= b64 + other;
}

/* Default entropy floor: "xxxxxxxx" and "abababab" are placeholders, real secrets of
 * any format have several bits per character. */
#define MIN_ENTROPY 2.0
/* Passwords in URLs are chosen by people and may be short: only a repeated character or
 * two is refused. */
#define MIN_ENTROPY_URL 1.0

/* S holds "EXAMPLE": providers' documentation marks its sample keys so
 * (AKIAIOSFODNN7EXAMPLE), and no issued key contains the word. */
static bool
documented_example(const char *s, size_t n)
{
	for (size_t i = 0; i + 7 <= n; i++) {
		if (s[i] == 'E' && memcmp(s + i, "EXAMPLE", 7) == 0) {
			return true;
		}
	}
	return false;
}

/* Lower case of an ASCII letter; other bytes as they are. */
static char
lower_ascii(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/*
 * S holds PLACEHOLDER_RUN or more characters in alphabetical or counting order
 * ("abcdef", "klmnopqr", "3456789"), the way a placeholder is typed by hand. In a
 * random base62 string the chance is about one in 30 million a position.
 */
#define PLACEHOLDER_RUN 6
static bool
typed_run(const char *s, size_t n)
{
	size_t run = 1;

	for (size_t i = 1; i < n; i++) {
		char a = lower_ascii(s[i - 1]), b = lower_ascii(s[i]);
		bool next = ((a >= 'a' && a < 'z') || (a >= '0' && a < '9')) && b == a + 1;

		run = next ? run + 1 : 1;
		if (run >= PLACEHOLDER_RUN) {
			return true;
		}
	}
	return false;
}

/*
 * S holds PLACEHOLDER_PERIODIC characters or more that repeat a unit of at most 4
 * ("xxxxxxxxxxxx", "123123123123", "abababababab"). Not applied to key blocks, whose
 * encodings hold long runs of 'A'.
 */
#define PLACEHOLDER_PERIODIC 12
static bool
periodic_run(const char *s, size_t n)
{
	for (size_t p = 1; p <= 4; p++) {
		size_t run = 0;

		for (size_t i = p; i < n; i++) {
			run = s[i] == s[i - p] ? run + 1 : 0;
			if (run + p >= PLACEHOLDER_PERIODIC) {
				return true;
			}
		}
	}
	return false;
}

/* The last part of S (after its last '-', '_', '.', '$' or ':') spells "token" in any case
 * ("xoxb-50014434-slacktokenx29U9X1bQ"): typed by hand, not issued; about one chance in
 * 30 million a position in random base62. Earlier parts may be a format's own words
 * (Braintree's "access_token$production$..."). */
static bool
spells_token(const char *s, size_t n)
{
	size_t start = 0;

	for (size_t i = 0; i < n; i++) {
		if (s[i] == '-' || s[i] == '_' || s[i] == '.' || s[i] == '$' || s[i] == ':') {
			start = i + 1;
		}
	}
	for (size_t i = start; i + 5 <= n; i++) {
		if (lower_ascii(s[i]) == 't' && lower_ascii(s[i + 1]) == 'o' &&
		    lower_ascii(s[i + 2]) == 'k' && lower_ascii(s[i + 3]) == 'e' &&
		    lower_ascii(s[i + 4]) == 'n') {
			return true;
		}
	}
	return false;
}

/*
 * Sample values that providers' documentation prints and that are copied into code as
 * they are (the Telegram Bot API's sample bot token). Kept as length and CRC-32 so that
 * this file holds no token.
 */
static const struct {
	size_t len;
	uint32_t crc;
} documented_samples[] = {
	{ 45, 0x7A354BA1u }, /* core.telegram.org/bots/api, "Authorizing your bot" */
	{ 59, 0x72024BFFu }, /* discord.com/developers/docs/reference, "Authentication" */
};

static bool
documented_sample(const char *s, size_t n)
{
	for (size_t i = 0; i < sizeof(documented_samples) / sizeof(documented_samples[0]); i++) {
		if (documented_samples[i].len == n && documented_samples[i].crc == crc32_of(s, n)) {
			return true;
		}
	}
	return false;
}

static bool
check(const struct pl_secret_detector *d, const char *s, size_t n)
{
	double floor = d->min_entropy > 0 ? d->min_entropy : MIN_ENTROPY;

	if (documented_example(s, n) || documented_sample(s, n) || typed_run(s, n)) {
		return false;
	}
	if (d->check != PL_SECRET_CHECK_PEM && (periodic_run(s, n) || spells_token(s, n))) {
		return false;
	}
	switch (d->check) {
	case PL_SECRET_CHECK_CRC32_BASE62:
		if (!pl_secrets_crc32_base62_ok(s, n)) {
			return false;
		}
		break;
	case PL_SECRET_CHECK_JWT:
		if (!jwt_ok(s, n)) {
			return false;
		}
		break;
	case PL_SECRET_CHECK_GENERIC:
		if (pl_secrets_is_placeholder(s, n) || looks_like_code(s, n)) {
			return false;
		}
		break;
	case PL_SECRET_CHECK_PEM:
		if (!pem_body_ok(s, n)) {
			return false;
		}
		break;
	case PL_SECRET_CHECK_URL_PASSWORD:
		if (pl_secrets_is_placeholder(s, n)) {
			return false;
		}
		if (d->min_entropy <= 0) {
			floor = MIN_ENTROPY_URL;
		}
		break;
	case PL_SECRET_CHECK_NONE:
		break;
	}
	return pl_secrets_entropy(s, n) >= floor;
}

/* ---- scanning ---- */

static bool
is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static void
add_hit(struct pl_secrets_scanner *sc, size_t det, size_t off, size_t end, size_t soff,
	size_t send)
{
	struct hit *h;

	if (sc->nhits == sc->cap) {
		sc->cap = sc->cap ? sc->cap * 2 : 64;
		sc->hits = pl_xrealloc(sc->hits, sc->cap * sizeof(*sc->hits));
	}
	h = &sc->hits[sc->nhits++];
	h->det = det;
	h->off = off;
	h->end = end;
	h->soff = soff;
	h->send = send;
}

/* Confirms the candidates of detector ID that end at TO: runs its PCRE2 expression on
 * every start from max(TO - back, what is done) up to TO. */
static void
confirm(struct pl_secrets_scanner *sc, unsigned id, size_t to)
{
	const struct pl_secrets *s = sc->s;
	const struct pl_secret_detector *d = &pl_secret_detectors[id];
	size_t start = to > s->back[id] ? to - s->back[id] : 0;
	size_t cut = sc->len - to > PL_SECRETS_MAX_MATCH_BYTES ? to + PL_SECRETS_MAX_MATCH_BYTES
								 : sc->len;
	size_t pos, done = to;

	if (start < sc->last_end[id]) {
		start = sc->last_end[id];
	}
	for (pos = start; pos <= to && sc->nhits < PL_SECRETS_MAX_MATCHES;) {
		PCRE2_SIZE *ov;
		size_t ms, me, so, se;
		int rc = pcre2_match(s->re[id], (PCRE2_SPTR)sc->buf, cut, pos, 0, sc->md, sc->mctx);

		if (rc < 0) {
			break;
		}
		ov = pcre2_get_ovector_pointer(sc->md);
		ms = ov[0];
		me = ov[1];
		if (ms > to) {
			break;
		}
		/* A match that reaches the window's end might go on past it: not taken. */
		if (me == cut && cut < sc->len) {
			break;
		}
		if (rc >= 2 && ov[2] != PCRE2_UNSET) {
			so = ov[2];
			se = ov[3];
		} else {
			so = ms;
			se = me;
		}
		/* Blanks around a secret (the line break after a PEM header) are not part of
		 * it: the finding points at its first character. */
		while (se > so && is_blank(sc->buf[so])) {
			so++;
		}
		while (se > so && is_blank(sc->buf[se - 1])) {
			se--;
		}
		if (se > so && check(d, sc->buf + so, se - so)) {
			add_hit(sc, id, ms, me, so, se);
		}
		if (me > done) {
			done = me;
		}
		pos = me > ms ? me : ms + 1;
	}
	if (sc->nhits >= PL_SECRETS_MAX_MATCHES) {
		sc->dropped++;
	}
	sc->last_end[id] = done;
}

static int
on_candidate(unsigned int id, unsigned long long from, unsigned long long to,
	     unsigned int flags, void *ctx)
{
	struct pl_secrets_scanner *sc = ctx;

	(void)from;
	(void)flags;
	if (to <= sc->last_end[id]) {
		return 0;
	}
	confirm(sc, id, (size_t)to);
	/* Non-zero stops the scan: the buffer has given all the matches it may. */
	return sc->nhits >= PL_SECRETS_MAX_MATCHES;
}

static int
cmp_hit(const void *pa, const void *pb)
{
	const struct hit *a = pa, *b = pb;

	if (a->soff != b->soff) {
		return a->soff < b->soff ? -1 : 1;
	}
	if (a->send != b->send) {
		return a->send > b->send ? -1 : 1;
	}
	/* On the same bytes a provider-specific match comes first, and is the one kept. */
	if (pl_secret_detectors[a->det].generic != pl_secret_detectors[b->det].generic) {
		return pl_secret_detectors[a->det].generic ? 1 : -1;
	}
	return a->det < b->det ? -1 : a->det > b->det;
}

/* Drops matches whose secret lies inside an earlier, larger (or equal, lower-id) one,
 * and generic matches that overlap a provider-specific one. Keeps the order. */
static size_t
prune(struct hit *h, size_t n)
{
	size_t i, k, max_end = 0, ng_end = 0;
	size_t *next_ng;
	bool *drop;

	if (n == 0) {
		return 0;
	}
	qsort(h, n, sizeof(*h), cmp_hit);
	drop = pl_xcalloc(n, sizeof(*drop));
	next_ng = pl_xcalloc(n + 1, sizeof(*next_ng));
	for (i = 0; i < n; i++) {
		if (i > 0 && h[i].send <= max_end) {
			drop[i] = true;
		}
		if (h[i].send > max_end) {
			max_end = h[i].send;
		}
	}
	/* next_ng[i]: the first provider-specific match at or after i (N when none). */
	next_ng[n] = n;
	for (i = n; i-- > 0;) {
		next_ng[i] = !pl_secret_detectors[h[i].det].generic && !drop[i] ? i : next_ng[i + 1];
	}
	for (i = 0; i < n; i++) {
		const struct pl_secret_detector *d = &pl_secret_detectors[h[i].det];
		size_t j = next_ng[i + 1 <= n ? i + 1 : n];

		if (drop[i]) {
			continue;
		}
		if (!d->generic) {
			if (h[i].send > ng_end) {
				ng_end = h[i].send;
			}
			continue;
		}
		if (ng_end > h[i].soff || (j < n && h[j].soff < h[i].send)) {
			drop[i] = true;
		}
	}
	for (i = 0, k = 0; i < n; i++) {
		if (!drop[i]) {
			h[k++] = h[i];
		}
	}
	free(drop);
	free(next_ng);
	return k;
}

/* A place in the buffer with its line and column, moved forward only. */
struct cursor {
	size_t off;
	uint32_t line, col;
};

static void
advance(struct cursor *c, const char *buf, size_t to)
{
	const char *p = buf + c->off, *end = buf + to, *nl;
	size_t line_start = SIZE_MAX;

	while ((nl = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		c->line++;
		p = nl + 1;
		line_start = (size_t)(p - buf);
	}
	if (line_start != SIZE_MAX) {
		c->col = 1 + pl_utf8_count(buf + line_start, to - line_start);
	} else {
		c->col += pl_utf8_count(buf + c->off, to - c->off);
	}
	c->off = to;
}

int
pl_secrets_scan(struct pl_secrets_scanner *sc, const char *buf, size_t len, pl_secret_cb cb,
		void *ctx, size_t *dropped)
{
	struct cursor cur = { 0, 1, 1 };
	size_t i, n;
	int rc = 0;
	hs_error_t e;

	if (dropped != NULL) {
		*dropped = 0;
	}
	if (len > UINT_MAX) {
		return -1;
	}
	sc->buf = buf != NULL ? buf : "";
	sc->len = len;
	sc->nhits = 0;
	sc->dropped = 0;
	memset(sc->last_end, 0, pl_secret_ndetectors * sizeof(*sc->last_end));
	e = hs_scan(sc->s->db, sc->buf, (unsigned)len, 0, sc->scratch, on_candidate, sc);
	if (e != HS_SUCCESS && e != HS_SCAN_TERMINATED) {
		return -1;
	}
	n = prune(sc->hits, sc->nhits);
	for (i = 0; i < n && rc == 0; i++) {
		const struct hit *h = &sc->hits[i];
		struct pl_secret_match m = {
			.det = &pl_secret_detectors[h->det],
			.off = h->off,
			.end = h->end,
			.secret_off = h->soff,
			.secret_end = h->send,
		};
		struct cursor endc;

		advance(&cur, sc->buf, h->soff);
		m.line = cur.line;
		m.col = cur.col;
		endc = cur;
		advance(&endc, sc->buf, h->send);
		m.end_line = endc.line;
		m.end_col = endc.col;
		rc = cb(ctx, &m) != 0 ? 1 : 0;
	}
	if (dropped != NULL) {
		*dropped = sc->dropped;
	}
	return rc;
}

const struct pl_secret_detector *
pl_secrets_find(const char *id_or_name)
{
	for (size_t i = 0; i < pl_secret_ndetectors; i++) {
		const struct pl_secret_detector *d = &pl_secret_detectors[i];

		if (strcasecmp(d->id, id_or_name) == 0 || strcmp(d->name, id_or_name) == 0) {
			return d;
		}
	}
	return NULL;
}

size_t
pl_secrets_visible(const char *s, size_t n)
{
	size_t keep = pl_utf8_count(s, n) / 4, i = 0;

	if (keep > 4) {
		keep = 4;
	}
	while (keep > 0 && i < n) {
		i++;
		while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80) {
			i++;
		}
		keep--;
	}
	return i;
}

char *
pl_secrets_redact(const char *s, size_t n, char out[PL_SECRETS_REDACT_SIZE])
{
	uint32_t chars = pl_utf8_count(s, n);
	uint32_t show = chars / 4 < 4 ? chars / 4 : 4;
	size_t i = 0, k;

	/* The first SHOW characters, whole UTF-8 sequences only; control bytes become '?'. */
	for (k = 0; k < show && i < n; k++) {
		size_t j = i + 1;

		while (j < n && j - i < 4 && ((unsigned char)s[j] & 0xC0) == 0x80) {
			j++;
		}
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7F) {
			out[i] = '?';
			j = i + 1;
		} else {
			memcpy(out + i, s + i, j - i);
		}
		i = j;
	}
	snprintf(out + i, PL_SECRETS_REDACT_SIZE - i, "\xE2\x80\xA6(%u chars)", chars);
	return out;
}
