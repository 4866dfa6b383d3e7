/*
 * dump.c -- the syntax tree in BuildKit's Node.Dump() format.
 *
 * One line per instruction: `(keyword ["--flag" ...] "arg" ...)`, the keyword lowercased,
 * flags and arguments quoted as Go's strconv.Quote does. This is the format of the
 * `result` files of BuildKit's parser tests, so plimsoll's parse can be compared with
 * BuildKit's byte for byte.
 */
#include "parse/dockerfile.h"
#include "core/buf.h"

#include <string.h>

/* Decodes one UTF-8 sequence (input is valid UTF-8); returns its length. */
static size_t
decode(const unsigned char *s, size_t n, unsigned *cp)
{
	if (s[0] < 0x80 || n < 2) {
		*cp = s[0];
		return 1;
	}
	if (s[0] < 0xE0) {
		*cp = ((s[0] & 0x1Fu) << 6) | (s[1] & 0x3Fu);
		return 2;
	}
	if (s[0] < 0xF0 || n < 4) {
		*cp = n >= 3 ? ((s[0] & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu) : 0xFFFD;
		return n >= 3 ? 3 : n;
	}
	*cp = ((s[0] & 0x07u) << 18) | ((s[1] & 0x3Fu) << 12) | ((s[2] & 0x3Fu) << 6) |
	      (s[3] & 0x3Fu);
	return 4;
}

/*
 * Go's unicode.IsPrint for code points above ASCII, reduced to the ranges that occur in
 * text: C1 controls, the non-ASCII spaces, format characters and the BOM are not
 * printable; letters, marks, symbols and punctuation are.
 */
static int
printable(unsigned cp)
{
	if (cp < 0xA1) {
		return cp >= 0x20 && cp < 0x7F;
	}
	if (cp == 0xAD || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200F) ||
	    (cp >= 0x2028 && cp <= 0x202F) || (cp >= 0x205F && cp <= 0x2064) ||
	    cp == 0x3000 || cp == 0xFEFF || (cp >= 0xFFF9 && cp <= 0xFFFB) ||
	    (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF || (cp & 0xFFFE) == 0xFFFE ||
	    (cp >= 0xE000 && cp <= 0xF8FF)) {
		return 0;
	}
	return 1;
}

/* Go's strconv.Quote. */
static void
quote(struct pl_buf *b, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, k;
	unsigned cp;

	pl_buf_addc(b, '"');
	while (i < n) {
		k = decode(u + i, n - i, &cp);
		if (cp == '"' || cp == '\\') {
			pl_buf_addc(b, '\\');
			pl_buf_addc(b, (char)cp);
		} else if (printable(cp)) {
			pl_buf_add(b, s + i, k);
		} else {
			switch (cp) {
			case '\a': pl_buf_adds(b, "\\a"); break;
			case '\b': pl_buf_adds(b, "\\b"); break;
			case '\f': pl_buf_adds(b, "\\f"); break;
			case '\n': pl_buf_adds(b, "\\n"); break;
			case '\r': pl_buf_adds(b, "\\r"); break;
			case '\t': pl_buf_adds(b, "\\t"); break;
			case '\v': pl_buf_adds(b, "\\v"); break;
			default:
				if (cp < 0x80) {
					pl_buf_printf(b, "\\x%02x", cp);
				} else if (cp < 0x10000) {
					pl_buf_printf(b, "\\u%04x", cp);
				} else {
					pl_buf_printf(b, "\\U%08x", cp);
				}
			}
		}
		i += k;
	}
	pl_buf_addc(b, '"');
}

static void
dump_instr(const struct pl_df_instr *in, struct pl_buf *out)
{
	size_t i;

	for (const char *k = in->keyword; *k; k++) {
		pl_buf_addc(out, (char)(*k >= 'A' && *k <= 'Z' ? *k + 32 : *k));
	}
	if (in->nflags > 0) {
		pl_buf_adds(out, " [");
		for (i = 0; i < in->nflags; i++) {
			if (i > 0) {
				pl_buf_addc(out, ' ');
			}
			quote(out, in->flags[i].s, in->flags[i].n);
		}
		pl_buf_addc(out, ']');
	}
	if (in->kind == PL_DF_ONBUILD && in->sub != NULL) {
		pl_buf_adds(out, " (");
		dump_instr(in->sub, out);
		pl_buf_addc(out, ')');
		return;
	}
	if (in->kind == PL_DF_UNKNOWN) {
		/* BuildKit gives an unknown instruction one empty argument node. */
		pl_buf_adds(out, " \"\"");
		return;
	}
	for (i = 0; i < in->nargs; i++) {
		pl_buf_addc(out, ' ');
		quote(out, in->args[i].s, in->args[i].n);
	}
}

void
pl_df_dump(const struct pl_df_file *file, struct pl_buf *out)
{
	size_t i;

	for (i = 0; i < file->ninstrs; i++) {
		pl_buf_addc(out, '(');
		dump_instr(&file->instrs[i], out);
		pl_buf_adds(out, ")\n");
	}
}
