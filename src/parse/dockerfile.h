/*
 * dockerfile.h -- the Dockerfile syntax tree, as BuildKit's frontend parser builds it.
 *
 * The parser follows BuildKit (frontend/dockerfile/parser) so that plimsoll reads a file
 * exactly as `docker build` does: parser directives only before the first instruction,
 * the escape token, continuation lines with comments and blank lines inside, heredocs,
 * JSON (exec) form versus shell form, and leading --flags on every instruction. On top of
 * what BuildKit keeps, every instruction, flag and argument carries its source span, so
 * that findings point at the exact line and column.
 *
 * All memory of a parsed file lives in the arena passed to pl_df_parse.
 */
#ifndef PL_PARSE_DOCKERFILE_H
#define PL_PARSE_DOCKERFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/source.h"

enum pl_df_kind {
	PL_DF_UNKNOWN = 0,
	PL_DF_ADD,
	PL_DF_ARG,
	PL_DF_CMD,
	PL_DF_COPY,
	PL_DF_ENTRYPOINT,
	PL_DF_ENV,
	PL_DF_EXPOSE,
	PL_DF_FROM,
	PL_DF_HEALTHCHECK,
	PL_DF_LABEL,
	PL_DF_MAINTAINER,
	PL_DF_ONBUILD,
	PL_DF_RUN,
	PL_DF_SHELL,
	PL_DF_STOPSIGNAL,
	PL_DF_USER,
	PL_DF_VOLUME,
	PL_DF_WORKDIR,
	PL_DF_KIND_COUNT
};

/* Lowercase keyword of a kind ("from"); "" for PL_DF_UNKNOWN. */
const char *pl_df_kind_name(enum pl_df_kind kind);

/*
 * A word of an instruction: a flag (text without quotes, "--from=build") or an argument
 * node as BuildKit produces it. OFF..END are byte offsets into the source text of the
 * word's first and one-past-last byte; for a word built from several source lines, END is
 * on the last line it came from. For JSON-form arguments the span is the JSON string
 * including its quotes.
 */
struct pl_df_word {
	const char *s; /* NUL-terminated */
	size_t n;
	uint32_t off, end;
};

struct pl_df_heredoc {
	const char *name;    /* delimiter after quote removal */
	const char *content; /* the body, raw, with its final newline */
	bool expand;         /* false when the delimiter was quoted */
	bool chomp;          /* <<- : leading tabs are removed from the body and delimiter */
	unsigned fd;         /* the digits before <<, as in 3<<EOF; 0 when none */
	uint32_t off, end;   /* the body's span in the source (terminator line excluded) */
	uint32_t word_off;   /* where the <<WORD marker is */
};

struct pl_df_instr {
	enum pl_df_kind kind;
	const char *keyword; /* as written: "From" */
	struct pl_df_word *flags;
	size_t nflags;
	struct pl_df_word *args;
	size_t nargs;
	/* true when the arguments came from a JSON array (exec form, or JSON sources for
	 * COPY/ADD/VOLUME). */
	bool json;
	/*
	 * The text after the keyword and the flags, continuation lines joined as BuildKit
	 * joins them (escape and newline removed, next line appended). For RUN, CMD,
	 * ENTRYPOINT and SHELL in shell form this is the command; ORIGINAL is the whole
	 * logical line.
	 */
	const char *rest;
	uint32_t rest_off; /* source offset of REST's first byte */
	const char *original;
	struct pl_df_heredoc *heredocs;
	size_t nheredocs;
	struct pl_df_instr *sub; /* ONBUILD's instruction; NULL otherwise */
	uint32_t off, end;       /* span of the instruction: keyword to last byte of its last line */
	uint32_t start_line, end_line; /* 1-based; heredoc bodies and comments inside included */
	/*
	 * Maps a byte of REST (or ORIGINAL via original_off) to its source offset, for
	 * positions inside shell-form commands. rest_map[i] is the source offset of rest[i].
	 */
	const uint32_t *rest_map;
	size_t rest_len;
};

struct pl_df_directive {
	const char *name;  /* lowercase: "syntax", "escape", "check" or another word */
	const char *value; /* trimmed */
	uint32_t line;
	uint32_t off, end; /* the whole comment line */
	bool honoured;     /* false when BuildKit would treat it as a plain comment */
};

struct pl_df_comment {
	const char *text; /* after '#', not trimmed */
	uint32_t line;
	uint32_t off;
};

/* A problem that BuildKit reports as a warning and still builds, or that plimsoll notes. */
struct pl_df_warning {
	const char *message;
	uint32_t off;
};

struct pl_df_file {
	const struct pl_source *src;
	char escape; /* '\\' or '`' */
	struct pl_df_directive *directives;
	size_t ndirectives;
	struct pl_df_instr *instrs;
	size_t ninstrs;
	struct pl_df_comment *comments; /* every comment line, directives included */
	size_t ncomments;
	struct pl_df_warning *warnings;
	size_t nwarnings;
};

/* A parse error: the file is rejected with this message at this offset. */
struct pl_df_error {
	const char *message;
	uint32_t off;
};

/*
 * Parses SRC into FILE, allocating from ARENA. Returns 0, or -1 and fills ERR when BuildKit
 * would refuse the file (no instructions, a malformed instruction, an unterminated heredoc)
 * or when a limit of core/limits.h is exceeded. Never crashes on any byte sequence.
 */
int pl_df_parse(const struct pl_source *src, struct pl_arena *arena, struct pl_df_file *file,
		struct pl_df_error *err);

/*
 * Writes the tree in the format of BuildKit's Node.Dump(), one line per instruction,
 * each ending in a newline: the `result` files of BuildKit's parser tests.
 */
struct pl_buf;
void pl_df_dump(const struct pl_df_file *file, struct pl_buf *out);

/*
 * BuildKit's ParseHeredoc on one shell word such as "<<-'EOF'": returns 1 and fills OUT's
 * name, expand, chomp and fd (name allocated from A); 0 when the word is not a heredoc;
 * -1 when its delimiter has an unterminated quote.
 */
int pl_df_heredoc_word(const char *word, struct pl_arena *a, struct pl_df_heredoc *out);

/* Looks up a flag by name ("from" for --from=x or --from x). Returns its value (after
 * '=') or "" for a flag without value; NULL when absent. */
const char *pl_df_flag(const struct pl_df_instr *in, const char *name, const struct pl_df_word **word);

#endif
