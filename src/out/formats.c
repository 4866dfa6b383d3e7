/*
 * formats.c -- the table of output formats, and the helpers every format shares.
 *
 * A format is a struct pl_format in its own file; this table is the only place that lists
 * them, so `--format` and its help stay in step with what exists. The helpers below keep
 * untrusted text safe for JSON and measure it the way the engine counts columns.
 */
#include "out/common.h"
#include "core/source.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

const struct pl_format *const pl_formats[] = {
	&pl_format_text,
	&pl_format_json,
	&pl_format_sarif,
	&pl_format_markdown,
	NULL,
};

const struct pl_format *
pl_format_find(const char *name)
{
	size_t i;

	for (i = 0; pl_formats[i] != NULL; i++) {
		if (strcmp(pl_formats[i]->name, name) == 0) {
			return pl_formats[i];
		}
	}
	return NULL;
}

static bool
is_cont(unsigned char c)
{
	return (c & 0xC0) == 0x80;
}

size_t
pl_out_utf8_decode(const char *s, size_t n, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned char lo = 0x80, hi = 0xBF;
	size_t len, i;
	uint32_t c;

	if (n == 0) {
		return 0;
	}
	/* RFC 3629, section 4: the lead byte fixes the length, and the second byte's range
	 * excludes overlong forms (E0, F0), surrogates (ED) and values past U+10FFFF (F4). */
	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	} else if (u[0] >= 0xC2 && u[0] <= 0xDF) {
		len = 2;
		c = u[0] & 0x1F;
	} else if (u[0] >= 0xE0 && u[0] <= 0xEF) {
		len = 3;
		c = u[0] & 0x0F;
		lo = u[0] == 0xE0 ? 0xA0 : 0x80;
		hi = u[0] == 0xED ? 0x9F : 0xBF;
	} else if (u[0] >= 0xF0 && u[0] <= 0xF4) {
		len = 4;
		c = u[0] & 0x07;
		lo = u[0] == 0xF0 ? 0x90 : 0x80;
		hi = u[0] == 0xF4 ? 0x8F : 0xBF;
	} else {
		return 0;
	}
	if (n < len || u[1] < lo || u[1] > hi) {
		return 0;
	}
	for (i = 1; i < len; i++) {
		if (!is_cont(u[i])) {
			return 0;
		}
		c = (c << 6) | (u[i] & 0x3F);
	}
	*cp = c;
	return len;
}

struct cp_range {
	uint32_t lo, hi;
};

/* Combining marks and zero-width format characters: they draw on the previous cell. The
 * common blocks only; a rare mark outside them shifts a caret by one cell, never a
 * reported column. */
static const struct cp_range zero_width[] = {
	{ 0x0300, 0x036F }, { 0x0483, 0x0489 }, { 0x0591, 0x05BD }, { 0x0610, 0x061A },
	{ 0x064B, 0x065F }, { 0x1AB0, 0x1AFF }, { 0x1DC0, 0x1DFF }, { 0x200B, 0x200F },
	{ 0x20D0, 0x20FF }, { 0xFE00, 0xFE0F }, { 0xFE20, 0xFE2F },
};

/* Unicode East Asian Width "W" and "F" blocks and the emoji pictographs that terminals
 * draw two cells wide. */
static const struct cp_range wide[] = {
	{ 0x1100, 0x115F },   { 0x2E80, 0x303E },   { 0x3041, 0x33FF },   { 0x3400, 0x4DBF },
	{ 0x4E00, 0x9FFF },   { 0xA000, 0xA4CF },   { 0xAC00, 0xD7A3 },   { 0xF900, 0xFAFF },
	{ 0xFE30, 0xFE4F },   { 0xFF00, 0xFF60 },   { 0xFFE0, 0xFFE6 },   { 0x1F300, 0x1F64F },
	{ 0x1F900, 0x1F9FF }, { 0x20000, 0x2FFFD }, { 0x30000, 0x3FFFD },
};

static bool
in_ranges(uint32_t cp, const struct cp_range *r, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (cp >= r[i].lo && cp <= r[i].hi) {
			return true;
		}
	}
	return false;
}

unsigned
pl_out_cp_width(uint32_t cp)
{
	if (cp < zero_width[0].lo) {
		return 1;
	}
	if (in_ranges(cp, zero_width, sizeof(zero_width) / sizeof(zero_width[0]))) {
		return 0;
	}
	if (in_ranges(cp, wide, sizeof(wide) / sizeof(wide[0]))) {
		return 2;
	}
	return 1;
}

static void
json_oom(void)
{
	fprintf(stderr, "plimsoll: out of memory building JSON\n");
	abort();
}

json_t *
pl_out_json_str(const char *s)
{
	struct pl_buf b;
	json_t *j;
	size_t i, n, len;
	uint32_t cp;

	if (s == NULL) {
		return json_null();
	}
	n = strlen(s);
	if (pl_utf8_valid(s, n)) {
		j = json_stringn(s, n);
	} else {
		pl_buf_init(&b);
		for (i = 0; i < n; i += len) {
			len = pl_out_utf8_decode(s + i, n - i, &cp);
			if (len == 0) {
				/* U+FFFD REPLACEMENT CHARACTER, one per invalid byte. */
				pl_buf_adds(&b, "\xEF\xBF\xBD");
				len = 1;
			} else {
				pl_buf_add(&b, s + i, len);
			}
		}
		j = json_stringn(b.p != NULL ? b.p : "", b.n);
		pl_buf_finish(&b);
	}
	if (j == NULL) {
		json_oom();
	}
	return j;
}

json_t *
pl_out_json_object(void)
{
	json_t *o = json_object();

	if (o == NULL) {
		json_oom();
	}
	return o;
}

json_t *
pl_out_json_array(void)
{
	json_t *a = json_array();

	if (a == NULL) {
		json_oom();
	}
	return a;
}

void
pl_out_json_set(json_t *obj, const char *key, json_t *value)
{
	if (value == NULL || json_object_set_new(obj, key, value) != 0) {
		json_oom();
	}
}

void
pl_out_json_push(json_t *arr, json_t *value)
{
	if (value == NULL || json_array_append_new(arr, value) != 0) {
		json_oom();
	}
}

json_t *
pl_out_json_strv(const char *const *v)
{
	json_t *a = pl_out_json_array();

	for (; v != NULL && *v != NULL; v++) {
		pl_out_json_push(a, pl_out_json_str(*v));
	}
	return a;
}

static int
json_to_buf(const char *s, size_t n, void *data)
{
	pl_buf_add(data, s, n);
	return 0;
}

int
pl_out_json_write(FILE *out, json_t *root)
{
	/* Dumped into memory first: jansson emits one token per callback, and one fwrite
	 * per token costs more than the formatting. */
	struct pl_buf b;
	int rc;

	pl_buf_init(&b);
	rc = json_dump_callback(root, json_to_buf, &b, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	json_decref(root);
	if (rc == 0) {
		pl_buf_addc(&b, '\n');
		rc = fwrite(b.p, 1, b.n, out) == b.n ? 0 : -1;
	}
	pl_buf_finish(&b);
	return rc != 0 || ferror(out) ? -1 : 0;
}

bool
pl_out_failed(const struct pl_report *r, const struct pl_out_opts *o)
{
	return o->fail_on < PL_SEV_NEVER && pl_report_max_severity(r) >= (int)o->fail_on;
}

void
pl_out_fingerprint(const struct pl_finding *f, char buf[PL_OUT_FINGERPRINT_SIZE])
{
	snprintf(buf, PL_OUT_FINGERPRINT_SIZE, "%016" PRIx64 ":%" PRIu32, f->line_hash,
		 f->occurrence);
}

const char *
pl_out_fix(const struct pl_finding *f)
{
	return f->fix != NULL ? f->fix : f->rule->fix;
}

const char *
pl_out_sev_color(enum pl_severity s)
{
	switch (s) {
	case PL_SEV_CRITICAL:
		return "\033[1;35m";
	case PL_SEV_HIGH:
		return PL_OUT_RED;
	case PL_SEV_MEDIUM:
		return "\033[1;33m";
	case PL_SEV_LOW:
		return "\033[1;36m";
	default:
		return PL_OUT_BLUE;
	}
}

long
pl_out_rule_index(const struct pl_rule *r)
{
	size_t i;

	for (i = 0; i < pl_nrules; i++) {
		if (pl_rules[i] == r || strcmp(pl_rules[i]->id, r->id) == 0) {
			return (long)i;
		}
	}
	return -1;
}
