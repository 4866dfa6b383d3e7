/*
 * compose_interp.h -- Compose variable interpolation: expanding a value, and listing the
 * references it holds.
 *
 * Compose interpolates every string value of a Compose file, and the unquoted and
 * double-quoted values of .env files, with a small Bash-like syntax (Compose
 * Specification, "Interpolation"; compose-go's template package):
 *
 *   $$                 a literal "$" (no interpolation)
 *   $NAME  ${NAME}     the value of NAME; "" when it is unset (Compose warns)
 *   ${NAME:-word}      NAME if set and non-empty, otherwise WORD
 *   ${NAME-word}       NAME if set (even empty), otherwise WORD
 *   ${NAME:?word}      NAME if set and non-empty, otherwise an error with message WORD
 *   ${NAME?word}       NAME if set (even empty), otherwise an error with message WORD
 *   ${NAME:+word}      WORD if NAME is set and non-empty, otherwise ""
 *   ${NAME+word}       WORD if NAME is set (even empty), otherwise ""
 *
 * NAME is [_A-Za-z][_A-Za-z0-9]*. WORD is itself interpolated, so references nest:
 * ${A:-${B:-x}}. A "$" that starts none of the above ("$1", "$-", "$ ", "$" at the end)
 * is kept as written. A "${" that does not read as one of the braced forms ("${}",
 * "${ A}", "${A }", "${A!}", "${1}", "${A:x}") is an error, and so is a "${" with no
 * closing "}": Compose refuses such files. Values of variables are inserted as they are,
 * never interpolated again.
 *
 * Inside WORD, "{" and "}" must balance (as compose-go counts them to find the end of
 * the reference): ${A:-{x}} has the default "{x}". Where compose-go would accept an
 * unbalanced "{" by reading up to the last "}" of the value, this is an unterminated
 * "${" here. Like compose-go, WORD is interpolated whether or not it is used, so an
 * error inside it (${A:-${B:?}}) fails the whole value even when A is set.
 *
 * Both functions are bounded: nesting by PL_MAX_INTERP_DEPTH, the result by
 * PL_MAX_INTERP_BYTES and the reference list by PL_MAX_INTERP_REFS (src/core/limits.h).
 * Time is linear in the input plus the output.
 */
#ifndef PL_PARSE_COMPOSE_INTERP_H
#define PL_PARSE_COMPOSE_INTERP_H

#include <stdbool.h>
#include <stddef.h>

#include "core/arena.h"

/*
 * Supplies variables. NAME[0..n) is the variable's name (not NUL-terminated). Returns
 * true and sets *VALUE and *LEN when the variable is set (possibly to ""), false when it
 * is not set. *VALUE must stay valid until the expansion returns; it may hold NUL bytes.
 */
typedef bool (*pl_interp_lookup)(void *ctx, const char *name, size_t n, const char **value,
				 size_t *len);

/* The operator of a reference, in the order of the header comment. */
enum pl_interp_op {
	PL_INTERP_PLAIN = 0,         /* $NAME or ${NAME} */
	PL_INTERP_DEFAULT,           /* ${NAME:-word} */
	PL_INTERP_DEFAULT_UNSET,     /* ${NAME-word} */
	PL_INTERP_REQUIRED,          /* ${NAME:?word} */
	PL_INTERP_REQUIRED_UNSET,    /* ${NAME?word} */
	PL_INTERP_ALTERNATIVE,       /* ${NAME:+word} */
	PL_INTERP_ALTERNATIVE_SET,   /* ${NAME+word} */
};

/* The operator as written: "", ":-", "-", ":?", "?", ":+" or "+". */
const char *pl_interp_op_str(enum pl_interp_op op);

enum pl_interp_errkind {
	PL_INTERP_ESYNTAX = 1, /* a malformed or unterminated "${" */
	PL_INTERP_EREQUIRED,   /* ${NAME:?word} or ${NAME?word} with NAME missing */
	PL_INTERP_ELIMIT,      /* PL_MAX_INTERP_DEPTH, _BYTES or _REFS exceeded */
};

struct pl_interp_error {
	enum pl_interp_errkind kind;
	size_t off;          /* byte offset in the input of the "$" of the reference at fault */
	const char *name;    /* EREQUIRED: the variable's name (arena); NULL otherwise */
	const char *message; /* arena string, e.g. `required variable DB_PASSWORD is missing a
			      * value: set it in .env` (Compose's wording) or `unterminated "${"` */
};

struct pl_interp_result {
	char *s;          /* the interpolated value, NUL-terminated, in the arena */
	size_t n;         /* its length (S may hold NUL bytes taken from variables) */
	size_t nrefs;     /* references expanded, nested ones in words included */
	size_t nunset;    /* references that took "" because their variable was unset and had
			   * no default ($X, ${X}): what Compose warns about. A rule that cannot
			   * know the environment should stay silent about a value with these. */
};

/*
 * Interpolates IN[0..n) with variables from LOOKUP (called with CTX; a NULL LOOKUP
 * knows no variable). Returns 0 with *OUT filled (strings in arena A), or -1 with *ERR
 * filled: a syntax error, a required variable that is missing (the message is WORD
 * interpolated, as Compose prints it), or a limit. *OUT is untouched on error.
 */
int pl_interp_expand(const char *in, size_t n, pl_interp_lookup lookup, void *ctx,
		     struct pl_arena *a, struct pl_interp_result *out,
		     struct pl_interp_error *err);

/*
 * One reference found by pl_interp_refs. Offsets are bytes into the value given to
 * pl_interp_refs; "end" offsets are one past the last byte.
 *
 * For `image: "db:${DB_TAG:-latest}"` the reference has name "DB_TAG", op
 * PL_INTERP_DEFAULT, word "latest", off..end covering `${DB_TAG:-latest}` and
 * word_off..word_end covering `latest`.
 */
struct pl_interp_ref {
	const char *name;      /* NUL-terminated, in the arena */
	enum pl_interp_op op;
	bool braced;           /* ${NAME...} rather than $NAME */
	const char *word;      /* the default / error / alternative text exactly as written
				* (references in it not expanded), NUL-terminated, in the arena;
				* "" when OP is PL_INTERP_PLAIN. Its length is word_end - word_off
				* (it may hold a NUL byte if the value does). */
	size_t off, end;       /* the whole reference: from "$" to after "}" (or the name) */
	size_t name_off, name_end;
	size_t word_off, word_end; /* WORD; both equal name_end when OP is PL_INTERP_PLAIN */
	int parent;            /* index of the reference whose WORD holds this one; -1 */
	unsigned depth;        /* 0 at top level, parent's depth + 1 inside a WORD */
};

/*
 * Lists every reference in IN[0..n) without expanding anything, in source order, a
 * reference before the ones nested in its WORD. "$$" is no reference; text that is kept
 * as written ("$1") is none either. Returns 0 with *REFS (arena array, NULL when
 * *NREFS is 0) and *NREFS, or -1 with *ERR (PL_INTERP_ESYNTAX or PL_INTERP_ELIMIT); on
 * error *REFS and *NREFS hold the complete references that come before the one the fault
 * is in (or before the reference whose WORD holds it).
 */
int pl_interp_refs(const char *in, size_t n, struct pl_arena *a, struct pl_interp_ref **refs,
		   size_t *nrefs, struct pl_interp_error *err);

#endif
