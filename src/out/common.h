/*
 * common.h -- what the output formats and the catalog printers share.
 *
 * Formats read untrusted text (paths, source lines, values quoted in messages), so every
 * helper here either repairs it (invalid UTF-8 becomes U+FFFD before it reaches jansson)
 * or measures it the same way the engine counts columns. Defined in formats.c, except the
 * rule-page helpers, which live with the catalog printers in catalog.c.
 */
#ifndef PL_OUT_COMMON_H
#define PL_OUT_COMMON_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "core/buf.h"
#include "engine/finding.h"
#include "engine/output.h"
#include "engine/rule.h"

/* ANSI SGR sequences; only written when colour was asked for. */
#define PL_OUT_RESET "\033[0m"
#define PL_OUT_BOLD "\033[1m"
#define PL_OUT_BLUE "\033[1;34m"
#define PL_OUT_GREEN "\033[1;32m"
#define PL_OUT_RED "\033[1;31m"

/* "0123456789abcdef:4294967295" and its NUL fit in 32 bytes. */
#define PL_OUT_FINGERPRINT_SIZE 32

/*
 * Decodes the UTF-8 sequence at S[0..n): stores the code point in *CP and returns its
 * length (1 to 4), or returns 0 when S does not start with a valid, shortest-form
 * sequence of a scalar value.
 */
size_t pl_out_utf8_decode(const char *s, size_t n, uint32_t *cp);

/* Terminal cells taken by CP: 0 for combining marks, 2 for East Asian wide and emoji
 * ranges, 1 otherwise. Built in, not wcwidth(), so that output never depends on locale. */
unsigned pl_out_cp_width(uint32_t cp);

/* A JSON string of S with every invalid UTF-8 byte replaced by U+FFFD, or JSON null when
 * S is NULL. Never NULL itself (jansson only fails when memory is exhausted, and then
 * this aborts like pl_xmalloc). */
json_t *pl_out_json_str(const char *s);

/* An empty JSON object or array; aborts when jansson cannot allocate. */
json_t *pl_out_json_object(void);
json_t *pl_out_json_array(void);
/* Sets KEY of OBJ to VALUE, consuming VALUE; aborts when jansson cannot allocate. */
void pl_out_json_set(json_t *obj, const char *key, json_t *value);
/* Appends VALUE to ARR, consuming VALUE; aborts when jansson cannot allocate. */
void pl_out_json_push(json_t *arr, json_t *value);
/* A JSON array of the strings of the NULL-terminated list V (empty when V is NULL). */
json_t *pl_out_json_strv(const char *const *v);

/* Writes ROOT indented by two spaces, keys in insertion order, then a newline; releases
 * ROOT. Returns 0, or -1 when writing failed. */
int pl_out_json_write(FILE *out, json_t *root);

/* Whether the run fails at O->fail_on: some finding is at least that severe. */
bool pl_out_failed(const struct pl_report *r, const struct pl_out_opts *o);

/* "<16 hex digits of line_hash>:<occurrence>" into BUF. */
void pl_out_fingerprint(const struct pl_finding *f, char buf[PL_OUT_FINGERPRINT_SIZE]);

/* The finding's own fix hint, else its rule's fix paragraph. */
const char *pl_out_fix(const struct pl_finding *f);

/* The ANSI colour of a severity: magenta critical, red high, yellow medium, cyan low,
 * blue info. */
const char *pl_out_sev_color(enum pl_severity s);

/* Index of the rule with R's id in pl_rules, or -1 when the catalog does not have it. */
long pl_out_rule_index(const struct pl_rule *r);

/* Names of the input kinds in BITS ("dockerfile"), in bit order. NAMES receives at most
 * MAX entries; returns how many it holds. Defined in catalog.c. */
size_t pl_out_input_names(unsigned bits, const char **names, size_t max);

/* Appends S as a fenced code block with info string LANG, the fence made longer than any
 * run of backticks inside S. Defined in catalog.c. */
void pl_out_md_fence(struct pl_buf *b, const char *lang, const char *s);

/* Appends the body of a rule's documentation in Markdown: Why, Fix, examples, peers and
 * references, with headings of LEVEL '#' characters. Shared by the rule pages and the
 * SARIF help.markdown so that both say the same. Defined in catalog.c. */
void pl_out_md_rule_body(struct pl_buf *b, const struct pl_rule *r, int level);

#endif
