/*
 * secrets.h -- the secrets engine: finds credentials in byte buffers.
 *
 * Every detector (a provider's token format, a private key, a database URL with a
 * password, a generic `password=` assignment) is one row of the table in detectors.c,
 * with its id (SEC0001...), metadata and regular expression. All expressions are compiled
 * once into one Vectorscan database, which scans a buffer in a single pass and reports
 * where a candidate ends; PCRE2 (JIT) then confirms each candidate in a small window
 * around that place and extracts the exact match and its secret part. Checksums (GitHub,
 * npm), JWT headers, entropy and a placeholder allow-list are checked last.
 *
 * Use:
 *
 *	const struct pl_secrets *db = pl_secrets_default();   // compiled once, shared
 *	struct pl_secrets_scanner *sc = pl_secrets_scanner_create(db);  // one per thread
 *	pl_secrets_scan(sc, buf, len, on_match, ctx);         // any number of buffers
 *	pl_secrets_scanner_destroy(sc);
 *
 * The database is immutable after compilation and may be shared by any number of
 * threads; a scanner holds the per-thread scratch space (Vectorscan scratch, PCRE2 match
 * data) and must not be used by two threads at once.
 *
 * To report findings from another part of plimsoll (a Dockerfile ENV or ARG value, a
 * Compose environment entry), scan the value's bytes, and for each match use
 * pl_secrets_rule(m->det) as the finding's rule and pl_secrets_redact() for anything
 * shown to the user: a finding, a log line or an error message never holds a whole
 * secret. Offsets and line:column are relative to the buffer given, so a caller that
 * scans a slice of a file adds the slice's own position.
 */
#ifndef PL_SECRETS_SECRETS_H
#define PL_SECRETS_SECRETS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "engine/rule.h"
#include "engine/severity.h"

/* Extra checks a detector asks for once its expression matched. */
enum pl_secret_check {
	PL_SECRET_CHECK_NONE = 0,
	PL_SECRET_CHECK_CRC32_BASE62, /* GitHub and npm: last 6 chars = CRC32 of the 30 before */
	PL_SECRET_CHECK_JWT,          /* header decodes to a JSON object with "alg" */
	PL_SECRET_CHECK_GENERIC,      /* placeholder allow-list, identifier-like values */
	PL_SECRET_CHECK_PEM,          /* the key body is mostly base64 */
	PL_SECRET_CHECK_URL_PASSWORD, /* the password of a URL is not a placeholder */
};

struct pl_secret_detector {
	const char *id;       /* "SEC0001": never reused */
	const char *name;     /* kebab-case: "github-classic-pat" */
	const char *provider; /* "GitHub" */
	enum pl_severity severity;
	const char *title; /* one line: "GitHub personal access token (classic)" */
	const char *why;
	const char *fix;
	const char *ref; /* the provider's documentation of the format or of revocation */
	/* The PCRE2 expression. Group 1, when the expression has one, is the secret; the
	 * whole match otherwise. Every repeat is bounded, so that a match is never longer
	 * than PL_SECRETS_MAX_MATCH_BYTES. */
	const char *re;
	/* The Vectorscan expression when it differs from RE (a literal header instead of a
	 * whole PEM block); NULL to use RE. Every match of RE must contain a match of it
	 * that ends within RE's match. */
	const char *hs;
	enum pl_secret_check check;
	/* Shannon entropy, in bits per character, below which a secret is taken for a
	 * placeholder ("xxxxxxxx", "aaaa1111"); 0 for the default. */
	double min_entropy;
	/* Generic detectors yield to a provider-specific match on the same bytes. */
	bool generic;
	/* An example that matches: an obviously fake value, written in pieces in the source
	 * so that no file of this repository holds a whole match. */
	const char *example;
};

/* The table, in id order, and its size. */
extern const struct pl_secret_detector pl_secret_detectors[];
extern const size_t pl_secret_ndetectors;

/* A confirmed secret in a buffer. Offsets are bytes from the buffer's start; lines and
 * columns are 1-based, columns counted in code points as the rest of plimsoll counts. */
struct pl_secret_match {
	const struct pl_secret_detector *det;
	size_t off, end;               /* the whole match */
	size_t secret_off, secret_end; /* the secret part, within the match */
	uint32_t line, col;            /* of secret_off */
	uint32_t end_line, end_col;    /* of secret_end (exclusive column) */
};

/* Called for each match, in buffer order. Returns 0 to go on, non-zero to stop. */
typedef int (*pl_secret_cb)(void *ctx, const struct pl_secret_match *m);

struct pl_secrets;
struct pl_secrets_scanner;

/*
 * Compiles every detector into a new database. Returns NULL with a heap message in *ERR
 * (the caller frees it) when a library refuses an expression, which is a bug in the
 * table; the tests compile it.
 */
struct pl_secrets *pl_secrets_create(char **err);
void pl_secrets_destroy(struct pl_secrets *s);

/* The process-wide database, compiled on first use (thread-safe). Aborts with a message
 * when compilation fails, as pl_xmalloc does on exhausted memory. */
const struct pl_secrets *pl_secrets_default(void);

/* Scratch space for one thread. Never NULL (aborts when memory is exhausted). */
struct pl_secrets_scanner *pl_secrets_scanner_create(const struct pl_secrets *s);
void pl_secrets_scanner_destroy(struct pl_secrets_scanner *sc);

/*
 * Scans BUF[0..LEN) and calls CB for every confirmed match, in order of offset. At most
 * PL_SECRETS_MAX_MATCHES matches are reported per call; *DROPPED (when not NULL) receives
 * how many more were seen. Returns 0, 1 when CB stopped the scan, or -1 when the scan
 * itself failed (a buffer over 4 GiB, which the callers never pass).
 */
int pl_secrets_scan(struct pl_secrets_scanner *sc, const char *buf, size_t len,
		    pl_secret_cb cb, void *ctx, size_t *dropped);

/* The detector by id ("SEC0001", any case) or name; NULL when unknown. */
const struct pl_secret_detector *pl_secrets_find(const char *id_or_name);

/*
 * The rule a finding of detector D carries: metadata from the table, category "secrets",
 * the example rendered redacted. Built once; valid for the life of the process.
 */
const struct pl_rule *pl_secrets_rule(const struct pl_secret_detector *d);

/* Size of a buffer that always holds a redaction: 4 characters of up to 4 bytes each,
 * the ellipsis, and "(4294967295 chars)". */
#define PL_SECRETS_REDACT_SIZE 48

/*
 * Renders a secret for display: its first characters and its length, "ghp_…(40 chars)".
 * At most four characters are shown, and never more than a quarter of the secret, so a
 * short password shows one or two. Writes a NUL-terminated string into OUT and returns it.
 */
char *pl_secrets_redact(const char *s, size_t n, char out[PL_SECRETS_REDACT_SIZE]);

/* Bytes at the start of the secret S[0..n) that a redaction or a mask leaves visible: at
 * most four characters and at most a quarter of them, whole UTF-8 sequences. */
size_t pl_secrets_visible(const char *s, size_t n);

/* Shannon entropy of S[0..n) in bits per byte. */
double pl_secrets_entropy(const char *s, size_t n);

/* Whether VALUE is a placeholder: "changeme", "${VAR}", "<token>", "****", ... */
bool pl_secrets_is_placeholder(const char *value, size_t n);

/* Whether TOKEN (prefix "xxx_" then 36 base62 characters) carries a valid CRC32 checksum
 * in its last six characters, as GitHub and npm tokens do. */
bool pl_secrets_crc32_base62_ok(const char *token, size_t n);

/*
 * Expands an example template: "{C:N}" becomes N characters of class C (a alphanumeric,
 * u base64url, b base64, A upper-case alphanumeric, U base32, l lower-case alphanumeric,
 * L letters, h and H hex, d digits, r alphanumeric without a leading word, 3 bech32),
 * "{crc}" the base62 CRC32 of the 30 characters before it. SEED picks the sequence.
 * Returns a heap string.
 */
char *pl_secrets_expand(const char *tmpl, uint32_t seed);
/* The detector's example, expanded (heap string): the same text for every call. */
char *pl_secrets_example(const struct pl_secret_detector *d);

/* The detector's expression for Vectorscan, as compiled: for `--print-patterns`. */
const char *pl_secrets_hs_pattern(const struct pl_secret_detector *d);

#endif
