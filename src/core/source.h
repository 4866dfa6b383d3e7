/*
 * source.h -- one input file in memory, and byte offset to line:column mapping.
 *
 * Every parser works on a pl_source: the bytes, their display name, and an index of line
 * starts built once so that any byte offset becomes a 1-based line and column. Columns
 * count Unicode code points (a UTF-8 lead byte or an invalid byte each count one), which
 * is what SARIF calls "unicodeCodePoints" and what editors show.
 */
#ifndef PL_CORE_SOURCE_H
#define PL_CORE_SOURCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct pl_source {
	const char *name; /* as given on the command line, or --stdin-filename */
	char *text;       /* NUL-terminated; may contain NUL bytes before len */
	size_t len;
	uint32_t *line_starts; /* byte offset of each line's first byte */
	uint32_t nlines;
};

struct pl_pos {
	uint32_t line, col; /* both 1-based; 0 means unknown */
};

/*
 * Reads PATH (or standard input when PATH is "-") into SRC, refusing files over
 * PL_MAX_FILE_BYTES, directories and anything not a regular file or pipe.
 * Returns 0, or -1 with a message in ERR (a static or heap string owned by SRC).
 */
int pl_source_read(struct pl_source *src, const char *path, const char *display_name,
		   const char **err);
/* Takes a copy of TEXT; for tests, fuzzing and stdin. */
void pl_source_from_mem(struct pl_source *src, const char *name, const char *text, size_t len);
void pl_source_finish(struct pl_source *src);

struct pl_pos pl_source_pos(const struct pl_source *src, size_t off);
/* The text of line LINE (1-based) without its line ending. */
const char *pl_source_line(const struct pl_source *src, uint32_t line, size_t *len);

/* Number of code points in S[0..n): the display width used for columns. */
uint32_t pl_utf8_count(const char *s, size_t n);
/* True when S[0..n) is valid UTF-8 with no NUL byte. */
bool pl_utf8_valid(const char *s, size_t n);
/* Offset of the first byte of S[0..n) that starts no valid UTF-8 sequence (a NUL byte
 * included); N when all is valid. Linear in N. */
size_t pl_utf8_first_invalid(const char *s, size_t n);

#endif
