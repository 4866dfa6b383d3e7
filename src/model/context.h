/*
 * context.h -- a build context as `docker build` sends it.
 *
 * pl_ctx_walk lists a context directory the way BuildKit's file sender walks it: every
 * entry relative to the root, symbolic links as links (never followed, so nothing outside
 * the root is read), the ignore file's verdict on each path with the pattern that decided
 * it, and excluded directories that BuildKit skips whole listed once and not entered. The
 * listing keeps excluded entries too, marked, so that rules can say "this file exists but
 * is not sent". It is sorted by path (byte order), so it is the same on every machine.
 *
 * pl_ctx_resolve answers what one COPY or ADD source brings from that context: Go's
 * filepath.Match wildcards as BuildKit's copy resolves them, directories with everything
 * below them, --parents patterns, symbolic links followed inside the context, and the
 * cases Docker turns into build errors (a named path that is missing or excluded).
 *
 * pl_ctx_classify names the files that should not reach an image (keys, credentials,
 * .env files, .git) and the directories that only make a context heavy (node_modules).
 *
 * Everything lives in the arena passed in; the walk reads the file system and nothing else.
 */
#ifndef PL_MODEL_CONTEXT_H
#define PL_MODEL_CONTEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "parse/dockerignore.h"

enum pl_ctx_type {
	PL_CTX_FILE,
	PL_CTX_DIR,
	PL_CTX_SYMLINK,
	PL_CTX_OTHER /* a device, socket or pipe: sent as such */
};

/* Where a symbolic link points, judged from its text alone (it is never followed). */
enum pl_ctx_link {
	PL_CTX_LINK_NONE,     /* not a link */
	PL_CTX_LINK_INSIDE,   /* a relative target that stays in the context */
	PL_CTX_LINK_ABSOLUTE, /* "/etc/passwd": means the image's path, not the host's */
	PL_CTX_LINK_OUTSIDE   /* "../../x": climbs out of the context root */
};

enum pl_ctx_kind {
	PL_CTX_SECRET, /* credentials or keys: must not reach an image */
	PL_CTX_HEAVY   /* not secret, but large and rebuilt in the image anyway */
};

/* A kind of file that deserves a finding when it is sent. */
struct pl_ctx_class {
	const char *name;   /* short and stable: "dotenv", "ssh-private-key", "node-modules" */
	const char *reason; /* one sentence for the finding */
	enum pl_ctx_kind kind;
};

struct pl_ctx_entry {
	const char *path; /* relative to the root, '/'-separated: "src/app.py" */
	uint32_t len;     /* strlen(path) */
	uint32_t depth;   /* 1 for an entry of the root */
	enum pl_ctx_type type;
	uint32_t mode;    /* st_mode: type and permission bits */
	uint64_t size;    /* st_size; for a link, the length of its target */
	const char *link; /* a link's target as stored; NULL otherwise */
	enum pl_ctx_link link_kind;
	bool excluded;    /* the ignore file's patterns exclude it */
	/* It is in the context the builder receives: not excluded, or an excluded directory
	 * that BuildKit still creates because something below it is sent. */
	bool sent;
	/* An excluded directory BuildKit does not enter (pl_dockerignore_skip_dir): nothing
	 * below it is listed, and nothing below it is sent. */
	bool pruned;
	bool unreadable;  /* a directory that could not be read (Docker fails if it is sent) */
	/* The pattern that decided: the one that excluded it, or the exception that kept it;
	 * NULL when no pattern matched. */
	const struct pl_di_pattern *rule;
	const struct pl_ctx_class *sensitive; /* NULL when nothing to say */
};

struct pl_ctx {
	const char *root;                     /* as given to pl_ctx_walk */
	const struct pl_dockerignore *ignore; /* NULL: no ignore file */
	struct pl_ctx_entry *entries;         /* sorted by path */
	size_t n;
	size_t nsent;         /* entries with sent set */
	uint64_t sent_bytes;  /* sizes of sent regular files */
	/* The walk stopped early or left parts out because a limit of core/limits.h was
	 * reached; LIMIT says which. Answers about paths not listed are then PL_CTX_SRC_UNKNOWN. */
	bool truncated;
	const char *limit;
	/* A PL_DI_INVALID pattern was tested during the walk: Docker fails the build. The
	 * walk went on taking it as not matching. */
	const struct pl_di_pattern *ignore_error;
	/* An unsupported pattern was tested: some verdicts may differ from Docker's. */
	const struct pl_di_pattern *uncertain;
};

/*
 * Lists the context directory ROOT into OUT, applying DI (NULL for none), allocating from
 * A. Returns 0 -- also when a limit cut the listing short (OUT->truncated) -- or -1 when
 * ROOT cannot be opened as a directory, with a message in *ERR (allocated from A).
 * Unreadable subdirectories are listed with `unreadable` set and the walk goes on.
 */
int pl_ctx_walk(const char *root, const struct pl_dockerignore *di, struct pl_arena *a,
		struct pl_ctx *out, const char **err);

/* The entry for PATH (clean, relative: "src/app.py"), sent or not; NULL when not listed.
 * Binary search. */
const struct pl_ctx_entry *pl_ctx_find(const struct pl_ctx *ctx, const char *path);

/*
 * The sensitive or heavy class of the entry at RELPATH, judged from its name and its
 * parent directory's name (".aws/credentials"); IS_DIR tells directories (".git",
 * "node_modules") from files (".env"). NULL when the name says nothing. Examples, names
 * and templates such as ".env.example" or "id_rsa.pub" are not sensitive.
 */
const struct pl_ctx_class *pl_ctx_classify(const char *relpath, bool is_dir);

/* The whole table, for documentation and tests; ends with a zeroed entry. */
extern const struct pl_ctx_class pl_ctx_classes[];

enum pl_ctx_src_status {
	PL_CTX_SRC_FOUND,    /* the source brings at least one sent entry (or is the root) */
	/* A wildcard or --parents source that matches no sent entry: Docker copies nothing
	 * and goes on. NEXCLUDED tells whether the ignore file is the reason. */
	PL_CTX_SRC_EMPTY,
	/* The named path exists but the ignore file keeps it out (or it lies in a skipped
	 * directory): Docker fails with "not found". */
	PL_CTX_SRC_EXCLUDED,
	PL_CTX_SRC_MISSING,  /* nothing by that name in the context: Docker fails */
	PL_CTX_SRC_UNKNOWN   /* the listing was truncated where the answer lies */
};

/* What one source of a COPY or ADD brings. */
struct pl_ctx_source {
	enum pl_ctx_src_status status;
	const char *path;  /* the source as BuildKit reads it: cleaned, relative to the root */
	bool wildcard;     /* the source has '*', '?' or '[' (or --parents was given) */
	/* The entries the source names: the file or directory itself (symbolic links followed
	 * to their target), the wildcard's matches, or --parents' topmost matches. Empty for
	 * the root ("COPY . ."). */
	const struct pl_ctx_entry **matched;
	size_t nmatched;
	/* Everything the source brings: the matches and every sent entry below matched
	 * directories, in path order. */
	const struct pl_ctx_entry **entries;
	size_t nentries;
	/* Entries the source would have named or brought but the ignore file keeps out:
	 * their number, the first of them and the pattern that excluded it. For a pruned
	 * directory only the directory itself counts. */
	size_t nexcluded;
	const struct pl_ctx_entry *excluded;
	const struct pl_di_pattern *excluded_by;
};

/* COPY --parents: keep the source's directories below the root (or below a "/./" in the
 * source), matching the source as a .dockerignore-style pattern ("**" allowed). */
#define PL_CTX_COPY_PARENTS 1u

/*
 * Resolves the COPY/ADD source SRC (as written after variable expansion: "*.py", ".",
 * "./app/", "/etc/x" which means "etc/x" of the context) against CTX into OUT, allocating
 * from A. FLAGS is 0 or PL_CTX_COPY_PARENTS. Returns 0; the answer is in OUT->status.
 * URLs and git sources (ADD https://...) are not context paths: callers filter them.
 */
int pl_ctx_resolve(const struct pl_ctx *ctx, const char *src, unsigned flags,
		   struct pl_arena *a, struct pl_ctx_source *out);

#endif
