/*
 * dotenv.h -- .env and env_file files, read as Docker Compose reads them.
 *
 * The syntax is compose-go's dotenv parser (Docker docs, "Syntax for environment files"):
 *
 *   # comment                  a line whose first non-blank character is "#"
 *   KEY=value                  unquoted: up to the end of the line, cut at the first
 *                              " #" (a "#" with a space before it), trailing white space
 *                              trimmed; then interpolated
 *   KEY="a\tb $OTHER"          double quotes: may span lines; escapes \n \r \t \a \b \f
 *                              \v \\ \" \$ and \0ooo (octal), any other "\x" kept as
 *                              written; then interpolated ("\$" gives a literal "$")
 *   KEY='literal $x'           single quotes: may span lines; only \' is an escape
 *   export KEY=value           "export" and the blanks after it are ignored
 *   KEY: value                 ":" separates like "=" (compose-go accepts YAML style)
 *   KEY                        alone on its line: the value comes from the lookup, and
 *                              the entry is unset when the lookup does not know KEY
 *
 * Blank lines and white space before a key or around "=" are ignored, a UTF-8 byte order
 * mark at the start is skipped, and CRLF line ends read like LF ones ("\r" is a blank).
 * Keys are letters and digits and "_" "." "-" "[" "]" (outside ASCII, any character that
 * is neither white space nor a control is taken as a letter). After "=" a value is
 * quoted only when it starts with a quote; "KEY= # x" has the value "# x" (the blank
 * before "#" was taken before the value started), as in Compose.
 *
 * Interpolation (compose_interp.h) looks a name up first through the caller's lookup
 * (Compose gives the environment precedence), then among the entries above it in the
 * file, the latest first.
 *
 * Errors, each with line:col, where Compose refuses the file too: a character that cannot
 * be in a key, a blank inside a key, an unterminated quote, a malformed "${". Where
 * Compose reads on but the text is almost surely a mistake, this parser reports an error
 * too (our choice): an empty key ("=value"), and text after a closing quote other than a
 * comment (`KEY="a" B=c`, which compose-go would read as two entries).
 *
 * A required variable that is missing (${X:?msg}) does not fail the file: the environment
 * plimsoll runs in is not the one the file will be deployed with. The entry keeps the
 * message in ERROR and has no value.
 *
 * Bounds: PL_MAX_DOTENV_BYTES of input, PL_MAX_DOTENV_ENTRIES entries, and
 * PL_MAX_DOTENV_EXPANDED_BYTES of interpolated values in all (src/core/limits.h).
 */
#ifndef PL_PARSE_DOTENV_H
#define PL_PARSE_DOTENV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "parse/compose_interp.h"

enum pl_dotenv_quote {
	PL_DOTENV_UNQUOTED = 0, /* KEY=value */
	PL_DOTENV_SINGLE,       /* KEY='value' */
	PL_DOTENV_DOUBLE,       /* KEY="value" */
	PL_DOTENV_INHERITED,    /* KEY alone: the value comes from the lookup */
};

/*
 * One KEY=value statement. Offsets are bytes into the text given to pl_dotenv_parse;
 * lines and columns are 1-based, columns in Unicode code points (as pl_source_pos counts
 * them, so that a finding points where an editor does). An end offset is one past the
 * last byte.
 */
struct pl_dotenv_entry {
	const char *key;        /* NUL-terminated, in the arena */
	/* The value after quote removal, escapes and interpolation, NUL-terminated, in the
	 * arena; it may hold NUL bytes, so VALUE_LEN is its length. NULL (and VALUE_LEN 0)
	 * for an inherited KEY the lookup does not know, and when ERROR is set. */
	const char *value;
	size_t value_len;
	enum pl_dotenv_quote quote;
	bool exported;          /* written "export KEY=..." */
	/* Interpolation found at least one variable reference in the value (never for
	 * single-quoted or inherited values). A value without one is a literal: what is
	 * written in the file is what the container gets. */
	bool has_refs;
	/* Some reference took "" because its variable was unset with no default: the value
	 * depends on an environment plimsoll does not know. */
	bool has_unset;
	/* A missing required variable (${X:?msg}): Compose's message, in the arena; the
	 * entry then has no value. NULL otherwise. */
	const char *error;

	size_t key_off, key_end;
	uint32_t key_line, key_col;
	/* The value as written in the file: inside the quotes for a quoted value (quotes
	 * excluded, escapes as written); for an unquoted one without the blanks around it
	 * and without the inline comment. For an inherited KEY, both equal KEY_END. */
	size_t value_off, value_end;
	uint32_t value_line, value_col;
	uint32_t end_line;      /* the line the statement ends on (> VALUE_LINE for a quoted
				 * value that spans lines) */
};

struct pl_dotenv {
	struct pl_dotenv_entry *entries; /* in file order, duplicates kept */
	size_t nentries;
	void *index; /* private: hash index for pl_dotenv_get */
};

struct pl_dotenv_error {
	size_t off;          /* byte offset of the fault in the text */
	uint32_t line, col;  /* its 1-based line and column (code points) */
	const char *message; /* in the arena, without the position */
};

/*
 * Parses TEXT[0..len) (need not be NUL-terminated; may hold any bytes). LOOKUP (may be
 * NULL) with CTX supplies the environment, for inherited keys and interpolation. Entries,
 * strings and messages live in arena A. Returns 0 with *OUT, or -1 with *ERR at the first
 * error; *OUT then holds the entries read before it (and pl_dotenv_get works on them).
 * Text over PL_MAX_DOTENV_BYTES is refused at 1:1 without reading it.
 */
int pl_dotenv_parse(const char *text, size_t len, pl_interp_lookup lookup, void *ctx,
		    struct pl_arena *a, struct pl_dotenv *out, struct pl_dotenv_error *err);

/*
 * The entry that gives KEY its value, as Compose sees the file: the last entry with KEY
 * that has a value. NULL when there is none, and for keys starting with a digit, which
 * Compose drops. Constant time.
 */
const struct pl_dotenv_entry *pl_dotenv_get(const struct pl_dotenv *env, const char *key);

/*
 * A pl_interp_lookup over ENV (pass ENV as ctx): the values pl_dotenv_get gives, for
 * interpolating a Compose file with its project .env.
 */
bool pl_dotenv_lookup(void *env, const char *name, size_t n, const char **value, size_t *len);

#endif
