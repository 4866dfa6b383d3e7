/*
 * rules.c -- detectors seen as rules, and their examples expanded.
 *
 * Findings carry a struct pl_rule, which every output format reads (the text writer's
 * title and fix, SARIF's rules[] with its help). Each detector gets one, built once from
 * its table row: category "secrets", the provider's reference, and as its "bad" example
 * the detector's example with the secret shown redacted, so that no report, rule page or
 * SARIF log ever carries a whole secret, not even a fake one.
 *
 * Example templates ("GITHUB_TOKEN=ghp_{a:30}{crc}") are expanded here: each {C:N} is N
 * characters of class C, beginning with a word such as FAKE where the class
 * allows and continuing with a fixed pseudo-random sequence; {crc} is the base62 CRC32 of
 * the 30 characters before it.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "secrets/secrets.h"
#include "core/buf.h"
#include "core/xalloc.h"

#include <pcre2.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* Character classes of example templates: alphabet, and the word a value starts with. */
static const struct {
	char cls;
	const char *alphabet;
	const char *word;
} classes[] = {
	{ 'a', "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "FAKEexample" },
	{ 'u', "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-", "FAKEexample" },
	{ 'b', "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", "FAKEexample" },
	{ 'A', "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", "FAKEFAKE" },
	{ 'U', "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", "FAKEFAKE" },
	{ 'l', "abcdefghijklmnopqrstuvwxyz0123456789", "fakeexample" },
	{ 'L', "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", "FakeExample" },
	{ 'h', "0123456789abcdef", "deadbeef" },
	{ 'H', "0123456789ABCDEF", "DEADBEEF" },
	{ 'd', "0123456789", "" },
	{ 'r', "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "" },
	{ '3', "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L", "" },
};

static const char base62[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/* The CRC32 of S[0..n) (zlib's), for {crc}. */
static uint32_t
crc32_of(const char *s, size_t n)
{
	uint32_t c = 0xFFFFFFFFu;

	for (size_t i = 0; i < n; i++) {
		c ^= (unsigned char)s[i];
		for (int k = 0; k < 8; k++) {
			c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
		}
	}
	return c ^ 0xFFFFFFFFu;
}

char *
pl_secrets_expand(const char *tmpl, uint32_t seed)
{
	struct pl_buf b;
	uint32_t state = seed * 2654435761u + 12345u;
	const char *p = tmpl;

	pl_buf_init(&b);
	while (*p != '\0') {
		char cls;
		unsigned long n;
		char *end;
		size_t k;

		if (strncmp(p, "{crc}", 5) == 0 && b.n >= 30) {
			uint32_t v = crc32_of(b.p + b.n - 30, 30);
			char digits[6];

			for (int i = 5; i >= 0; i--) {
				digits[i] = base62[v % 62];
				v /= 62;
			}
			pl_buf_add(&b, digits, 6);
			p += 5;
			continue;
		}
		if (p[0] != '{' || p[1] == '\0' || p[2] != ':') {
			pl_buf_addc(&b, *p++);
			continue;
		}
		cls = p[1];
		n = strtoul(p + 3, &end, 10);
		for (k = 0; k < sizeof(classes) / sizeof(classes[0]) && classes[k].cls != cls; k++) {
		}
		if (*end != '}' || k == sizeof(classes) / sizeof(classes[0]) || n > 100000) {
			pl_buf_addc(&b, *p++);
			continue;
		}
		for (unsigned long i = 0; i < n; i++) {
			const char *w = classes[k].word, *a = classes[k].alphabet;

			if (i < strlen(w)) {
				pl_buf_addc(&b, w[i]);
			} else {
				/* A linear congruential sequence: deterministic, good enough to look
				 * random and to have the entropy of a real token. */
				state = state * 1103515245u + 12345u;
				pl_buf_addc(&b, a[(state >> 16) % strlen(a)]);
			}
		}
		p = end + 1;
	}
	return b.p != NULL ? pl_buf_take(&b) : pl_xstrdup("");
}

char *
pl_secrets_example(const struct pl_secret_detector *d)
{
	return pl_secrets_expand(d->example, (uint32_t)(d - pl_secret_detectors) + 1);
}

static struct pl_rule *rules;
static const char *(*refs)[2];
static pthread_once_t rules_once = PTHREAD_ONCE_INIT;

/* The example with its secret replaced by the redaction: "GITHUB_TOKEN=ghp_…(40 chars)". */
static char *
redacted_example(const struct pl_secret_detector *d)
{
	char *ex = pl_secrets_example(d), red[PL_SECRETS_REDACT_SIZE];
	int code;
	PCRE2_SIZE at, *ov, so, se;
	pcre2_code *re = pcre2_compile((PCRE2_SPTR)d->re, PCRE2_ZERO_TERMINATED, PCRE2_MULTILINE,
				       &code, &at, NULL);
	pcre2_match_data *md = re != NULL ? pcre2_match_data_create_from_pattern(re, NULL) : NULL;
	struct pl_buf b;
	int rc;

	pl_buf_init(&b);
	rc = md != NULL ? pcre2_match(re, (PCRE2_SPTR)ex, strlen(ex), 0, 0, md, NULL) : -1;
	if (rc > 0) {
		ov = pcre2_get_ovector_pointer(md);
		so = rc >= 2 && ov[2] != PCRE2_UNSET ? ov[2] : ov[0];
		se = rc >= 2 && ov[2] != PCRE2_UNSET ? ov[3] : ov[1];
		pl_buf_add(&b, ex, so);
		pl_buf_adds(&b, pl_secrets_redact(ex + so, se - so, red));
		pl_buf_adds(&b, ex + se);
	} else {
		/* Cannot happen for a table the tests accept; show nothing of the value. */
		pl_buf_adds(&b, "(example withheld)");
	}
	pcre2_match_data_free(md);
	pcre2_code_free(re);
	free(ex);
	return pl_buf_take(&b);
}

static void
rules_init(void)
{
	size_t i;

	rules = pl_xcalloc(pl_secret_ndetectors, sizeof(*rules));
	refs = pl_xcalloc(pl_secret_ndetectors, sizeof(*refs));
	for (i = 0; i < pl_secret_ndetectors; i++) {
		const struct pl_secret_detector *d = &pl_secret_detectors[i];

		refs[i][0] = d->ref;
		refs[i][1] = NULL;
		rules[i] = (struct pl_rule){
			.id = d->id,
			.name = d->name,
			.title = d->title,
			.severity = d->severity,
			.category = "secrets",
			.why = d->why,
			.fix = d->fix,
			.bad = redacted_example(d),
			.good = "The value is read at run time from the environment or a secret "
				"store, and the file names only where it comes from.",
			.refs = refs[i],
		};
	}
}

const struct pl_rule *
pl_secrets_rule(const struct pl_secret_detector *d)
{
	pthread_once(&rules_once, rules_init);
	return &rules[d - pl_secret_detectors];
}
