/*
 * shell.h -- shell words: BuildKit's word expansion, and a POSIX-shell-aware split of
 * RUN scripts into simple commands.
 *
 * Two different jobs live here because both read shell quoting:
 *
 * 1. pl_shlex_word / pl_shlex_words: the lexer BuildKit applies to instruction arguments
 *    (frontend/dockerfile/shell): quote removal, the escape token, and variable
 *    expansion ($v ${v} ${v:-w} ${v-w} ${v:+w} ${v+w} ${v:?e} ${v?e} ${v#p} ${v##p}
 *    ${v%p} ${v%%p} ${v/p/r} ${v//p/r}). Variables are looked up through a callback so
 *    that ARG/ENV scoping stays in the model.
 *
 * 2. pl_sh_parse: RUN commands and heredoc bodies as the shell will run them: quotes,
 *    escapes, `&& || ; | &`, newlines, subshells and groups, $( ) and backticks,
 *    reserved words (if/then/fi, for/do/done, while, case), leading assignments, and
 *    `sh -c '...'` parsed again. Rules ask it questions such as "every apt-get install
 *    with its flags" or "is curl piped into a shell".
 */
#ifndef PL_PARSE_SHELL_H
#define PL_PARSE_SHELL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"

/* ---- 1. BuildKit word expansion ---------------------------------------------------- */

enum pl_var_state {
	PL_VAR_UNSET = 0, /* not defined: expands to "" (or the default in ${v:-d}) */
	PL_VAR_SET,       /* defined with *VALUE */
	PL_VAR_UNKNOWN,   /* defined but its value is not known here (an ARG with no default
			   * and no --build-arg): the expansion result is marked unknown */
};

/* Looks up NAME[0..n). Sets *VALUE when returning PL_VAR_SET. */
typedef enum pl_var_state (*pl_var_lookup)(void *ud, const char *name, size_t n,
					   const char **value);

struct pl_shlex_opts {
	char escape;        /* '\\' or '`' */
	pl_var_lookup lookup;
	void *ud;
	bool no_expand;     /* only quote removal, as BuildKit does for heredoc-less words */
};

/*
 * Expands one word (BuildKit ProcessWord): the result is one string, quotes removed,
 * variables expanded, no field splitting. *UNKNOWN is set true when any PL_VAR_UNKNOWN
 * variable took part. Returns 0 and *OUT (arena string), or -1 with *ERR (arena or static
 * message) where BuildKit fails: an unterminated quote or ${, a bad substitution, ${v:?e}
 * on an unset variable, or a result over PL_MAX_EXPANSION_BYTES.
 */
int pl_shlex_word(const char *in, size_t n, const struct pl_shlex_opts *o, struct pl_arena *a,
		  char **out, bool *unknown, const char **err);

/*
 * Expands and splits into words (BuildKit ProcessWords), as for the words of ENV/ARG or
 * the wordsTest table: unquoted whitespace separates words, including whitespace that
 * comes from an unquoted expansion. Returns 0 with *WORDS (arena array of arena strings)
 * and *NWORDS, or -1 with *ERR.
 */
int pl_shlex_words(const char *in, size_t n, const struct pl_shlex_opts *o, struct pl_arena *a,
		   char ***words, size_t *nwords, bool *unknown, const char **err);

/* ---- 2. Shell command model --------------------------------------------------------- */

enum pl_sh_wflag {
	PL_SHW_QUOTED = 1u << 0,    /* some part was in quotes or escaped */
	PL_SHW_EXPANSION = 1u << 1, /* contains $var, ${..}, $( ) or `..` outside single quotes:
				     * TEXT keeps them as written */
	PL_SHW_GLOB = 1u << 2,      /* contains unquoted * ? or [ */
};

struct pl_sh_word {
	const char *text; /* quotes and escapes removed; expansions kept as written */
	const char *raw;  /* exactly as written */
	uint32_t off, end; /* byte offsets into the script given to pl_sh_parse */
	unsigned flags;
};

enum pl_sh_op {
	PL_SH_OP_START = 0, /* first command of the script or of its nesting level */
	PL_SH_OP_SEQ,       /* ; or newline */
	PL_SH_OP_AND,       /* && */
	PL_SH_OP_OR,        /* || */
	PL_SH_OP_PIPE,      /* | or |& */
	PL_SH_OP_BG,        /* & */
};

struct pl_sh_cmd {
	struct pl_sh_word *argv; /* the command words: assignments and redirections removed */
	size_t argc;
	struct pl_sh_word *assigns; /* leading NAME=value words */
	size_t nassigns;
	struct pl_sh_word *redirs;  /* redirections as written: ">/dev/null", "2>&1", "<<EOF" */
	size_t nredirs;
	enum pl_sh_op op_before; /* how this command joins the one before it at its level */
	int pipeline;  /* commands of one pipeline share this number (unique per script) */
	int pipe_pos;  /* 0 for the first command of a pipeline, 1 for the next, ... */
	int pipe_len;  /* number of commands in this command's pipeline */
	int depth;     /* 0 at top level; +1 inside ( ), { }, $( ), backticks and sh -c */
	int parent;    /* index of the command whose $( ), backticks or sh -c argument this
			* command came from; -1 otherwise */
	bool negated;  /* preceded by ! */
	uint32_t off, end;
	/* Filled by the Dockerfile model for every command it keeps: pl_sh_cmd_prog(c) and
	 * the basename of that word ("" when there is none), so rules do not recompute them. */
	size_t prog;
	const char *prog_name;
};

struct pl_sh_script {
	struct pl_sh_cmd *cmds;
	size_t ncmds;
	bool truncated;   /* PL_MAX_SHELL_COMMANDS or PL_MAX_SHELL_DEPTH reached */
	bool incomplete;  /* unterminated quote, $( or heredoc: what was read is kept */
};

/*
 * Splits SCRIPT[0..n) into simple commands in source order, nested ones after the
 * command that contains them. Never fails: malformed input gives the commands that could
 * be read, with INCOMPLETE set. ESCAPE is always the shell's backslash here (Dockerfile
 * continuation lines are already joined).
 */
void pl_sh_parse(const char *script, size_t n, struct pl_arena *a, struct pl_sh_script *out);

/*
 * The index in C->argv of the program that really runs, skipping the wrappers `env`
 * (with its options and NAME=value words), `sudo` (with its options), `exec`, `command`,
 * `nohup`, `time`, `nice`, `stdbuf`, `xargs` and `timeout`; C->argc when nothing is left.
 */
size_t pl_sh_cmd_prog(const struct pl_sh_cmd *c);
/* The basename of the word at I: "apt-get" for "/usr/bin/apt-get". */
const char *pl_sh_basename(const struct pl_sh_word *w);

#endif
