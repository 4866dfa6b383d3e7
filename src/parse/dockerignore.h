/*
 * dockerignore.h -- .dockerignore files, read and matched exactly as `docker build` does.
 *
 * Docker (BuildKit, through moby/patternmatcher and tonistiigi/fsutil) reads the file in
 * two passes, and plimsoll repeats both so that it agrees with Docker on odd input too:
 *
 *  1. Lines (ignorefile.ReadAll). Lines end at '\n'; one '\r' before it is dropped. A UTF-8
 *     byte order mark is dropped from the first line. A line whose first byte is '#' is a
 *     comment -- only in column 1: "  # x" is the pattern "# x". Surrounding white space
 *     (Unicode, as Go's strings.TrimSpace) is trimmed and blank lines are skipped. A leading
 *     '!' marks an exception; the rest is trimmed again, cleaned like Go's filepath.Clean
 *     ("a//b/./c/.." is "a/b", "./x" is "x", "x/" is "x") and one leading '/' is dropped:
 *     patterns are relative to the context root, "/foo" and "foo" are the same.
 *  2. Patterns (patternmatcher.New). Each is trimmed and cleaned once more; "!" alone is an
 *     error; the syntax is checked with Go's filepath.Match rules.
 *
 * Matching a path (patternmatcher's MatchesUsingParentResults, as BuildKit's walk calls it):
 * the last pattern that matches the path or one of its parent directories decides; an
 * exception ('!') re-includes, any other pattern excludes. So "docs" excludes docs/a.md,
 * and "*.md" then "!README.md" keeps only README.md of the top-level Markdown files.
 * Within a pattern, '*' matches any run of characters but '/', '?' one character but '/',
 * "[a-z]" and "[^a-z]" a class (Go syntax: '^' negates; '!' is an ordinary character),
 * '\' escapes the next character, and "**" any number of directories, zero included:
 * "**" alone matches everything, "**" followed by "/x" matches x at any depth, and "a/"
 * followed by "**" everything below a but not a itself. Unlike .gitignore, a pattern without "**" is
 * anchored at the root: "foo" is only the top-level foo.
 *
 * Docker turns each pattern into a Go regular expression, and a few strange patterns
 * compile to something other than the glob they look like ("[*]" is not a class of '*',
 * "\d" is a digit) or fail to compile at all ("[z-a]"): plimsoll builds the same expression
 * and evaluates it the same way. A pattern that fails to compile passes Docker's syntax
 * check, then fails the build when a path is tested against it; plimsoll marks it
 * PL_DI_INVALID with the reason.
 *
 * Docker reads the file "<Dockerfile>.dockerignore" next to the Dockerfile in preference to
 * the context's .dockerignore (BuildKit only; see pl_dockerignore_file_for).
 *
 * All memory lives in the arena passed to pl_dockerignore_parse; matching allocates
 * nothing that outlives the call and may run from several threads at once.
 */
#ifndef PL_PARSE_DOCKERIGNORE_H
#define PL_PARSE_DOCKERIGNORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"

/* How Docker tests a path against a pattern (patternmatcher's matchType). */
enum pl_di_kind {
	PL_DI_EXACT,  /* no wildcard: path == pattern */
	PL_DI_PREFIX, /* literal text then a final "**": the path starts with the text */
	PL_DI_SUFFIX, /* "**" then literal text: the path ends with the text */
	PL_DI_REGEXP, /* anything else: a regular expression */
	PL_DI_INVALID /* the expression does not compile: Docker fails when it tests this one */
};

struct pl_di_prog; /* a compiled expression, private to dockerignore.c */

struct pl_di_pattern {
	const char *text;    /* the line as written, trimmed: what a finding quotes */
	const char *pattern; /* what Docker matches: cleaned, without the '!' */
	size_t len;          /* bytes of PATTERN (it may hold a NUL byte from the file) */
	bool exclusion;      /* written with '!': an exception that re-includes */
	enum pl_di_kind kind;
	const char *invalid; /* for PL_DI_INVALID: why Go's regexp package refuses it */
	/* True when the expression uses \p{...} Unicode classes: plimsoll does not carry
	 * Unicode tables, so such a pattern never matches here. Docker evaluates it. */
	bool unsupported;
	uint32_t index;      /* position among the file's patterns, from 0 */
	uint32_t line, col;  /* 1-based; col is that of the first non-blank character ('!') */
	uint32_t off;        /* byte offset of that character in the file */
	/* For an exception: its pattern without a final '/' followed by "*" or "**"; what
	 * BuildKit compares with a directory's path to decide whether the exception may
	 * reach into it. NULL for other patterns. */
	const char *stem;
	const struct pl_di_prog *prog; /* for PL_DI_REGEXP */
};

/* A reason Docker refuses the whole file: the build stops before anything is sent. */
struct pl_di_error {
	const char *message;
	uint32_t line, col, off;
	bool limit; /* a plimsoll limit (core/limits.h) was exceeded, not a Docker error */
};

struct pl_dockerignore {
	struct pl_di_pattern *patterns; /* in file order */
	size_t npatterns;
	bool has_exclusions; /* some pattern is an exception */
	/*
	 * BuildKit's onlyPrefixExcludeExceptions: no exception has a wildcard ("*[]?^\")
	 * outside its stem (see pl_di_pattern.stem). Only then may an excluded directory be
	 * skipped without looking inside (see pl_dockerignore_skip_dir).
	 */
	bool prefix_exceptions_only;
	/* Every reason Docker refuses the file, in line order (the first is also returned by
	 * pl_dockerignore_parse). A refused line adds no pattern; the others are kept. */
	struct pl_di_error *errors;
	size_t nerrors;
};

/*
 * Parses the .dockerignore text TEXT[0..LEN) into OUT, allocating from A. Any byte
 * sequence is accepted as input. Returns 0, or -1 when Docker would refuse the file (a line
 * of 64 KiB or more, "!" alone, a pattern that filepath.Match calls a syntax error) or a
 * limit of core/limits.h is exceeded; *ERR (when ERR is not NULL) then holds the first
 * problem and OUT still holds every pattern that was read, usable for further findings.
 */
int pl_dockerignore_parse(const char *text, size_t len, struct pl_arena *a,
			  struct pl_dockerignore *out, struct pl_di_error *err);

/* The verdict on one path. */
struct pl_di_result {
	bool excluded; /* not sent to the builder */
	/* The pattern that decided: the last one matching the path or a parent directory;
	 * NULL when none matched (the path is sent). */
	const struct pl_di_pattern *by;
	/* pl_dockerignore_match only: the path lies in a directory that BuildKit skips
	 * whole (pl_dockerignore_skip_dir), so it is not sent whatever the later patterns
	 * say; BY is then the pattern that excluded that directory. */
	bool pruned;
	/* A PL_DI_INVALID pattern was tested: Docker stops the build with "syntax error in
	 * pattern". EXCLUDED and BY are then meaningless. */
	const struct pl_di_pattern *error;
	/* An unsupported pattern was tested (see pl_di_pattern.unsupported): the verdict
	 * took it as not matching and may differ from Docker's. */
	const struct pl_di_pattern *uncertain;
	uint64_t work; /* matching steps spent, for callers that keep a budget */
};

/*
 * Is RELPATH sent? RELPATH is a path relative to the context root ("src/app.py"); it is
 * cleaned first ("./src//app.py/" is the same), and the root itself ("." or "") is never
 * excluded. The verdict follows BuildKit's walk: each parent directory is decided first,
 * and a path under a directory that the walk skips is excluded (PRUNED). Whether the path
 * is a directory does not matter: Docker's patterns cannot tell ("dir/" is cleaned to
 * "dir"). Returns true when the path is excluded (RES->excluded), false otherwise; RES may
 * be NULL.
 */
bool pl_dockerignore_match(const struct pl_dockerignore *di, const char *relpath,
			   struct pl_di_result *res);

/*
 * One step of a walk, for walkers that visit parents before children: decides PATH[0..LEN)
 * (clean, relative) from its parent directory's per-pattern state PARENT (NULL for an
 * entry of the context root), writes PATH's own state to SELF (di->npatterns bytes; keep it
 * when PATH is a directory, to pass as PARENT for its entries) and fills RES (never NULL).
 * Returns 0, or -1 when RES->error is set (Docker fails the build). Does not apply
 * pl_dockerignore_skip_dir: the caller does.
 */
int pl_dockerignore_step(const struct pl_dockerignore *di, const char *path, size_t len,
			 const unsigned char *parent, unsigned char *self,
			 struct pl_di_result *res);

/*
 * For a directory DIR (clean, relative) that the patterns exclude: true when BuildKit does
 * not look inside it, so that nothing below it is sent even if an exception would match
 * it. That is the case when prefix_exceptions_only holds and no exception's stem starts
 * with "DIR/" (fsutil's filter). Without exceptions every excluded directory is skipped.
 */
bool pl_dockerignore_skip_dir(const struct pl_dockerignore *di, const char *dir);

/* Which ignore file a build reads. */
enum pl_di_source {
	PL_DI_NONE,     /* neither exists: nothing is excluded */
	PL_DI_CONTEXT,  /* <context>/.dockerignore */
	PL_DI_SPECIFIC  /* <Dockerfile>.dockerignore, next to the Dockerfile */
};

/*
 * The ignore file `docker build -f DOCKERFILE CONTEXT_DIR` reads with BuildKit: the
 * Dockerfile's own "<DOCKERFILE>.dockerignore" when it is a regular file (symbolic links
 * followed), else CONTEXT_DIR/.dockerignore when that is one, else none. DOCKERFILE NULL
 * means the default CONTEXT_DIR/Dockerfile; "-" (read from standard input) has no file of
 * its own. Its path (allocated from A) goes to *PATH, NULL for PL_DI_NONE. The classic
 * builder (DOCKER_BUILDKIT=0) knows only the context's file.
 */
enum pl_di_source pl_dockerignore_file_for(const char *dockerfile, const char *context_dir,
					   struct pl_arena *a, const char **path);

/*
 * Go's path/filepath helpers as Docker uses them, for code that must agree with Docker
 * about paths in a build context.
 *
 * pl_di_clean: filepath.Clean of S[0..N) into OUT (N + 2 bytes), NUL-terminated; returns
 * the length. Repeated '/', "." and "dir/.." are removed, ".." at the root is dropped;
 * "" becomes ".".
 *
 * pl_di_filepath_match: filepath.Match(PATTERN, NAME) on Unix. Returns 1 on a match, 0
 * otherwise, -1 when PATTERN is malformed (ErrBadPattern), which Go reports whatever NAME
 * is.
 */
size_t pl_di_clean(const char *s, size_t n, char *out);
int pl_di_filepath_match(const char *pattern, size_t plen, const char *name, size_t nlen);

#endif
