/*
 * git_dl.h -- libgit2, loaded when a command needs it rather than when plimsoll starts.
 *
 * libgit2 brings a dozen libraries with it (TLS, SSH, Kerberos, HTTP, zlib); linking it
 * would make every run of plimsoll map them, although only `plimsoll secrets` uses git:
 * for .gitignore rules and for --history. It is opened with dlopen() on first use
 * instead, and its functions are called through a table whose types come from git2.h,
 * so that a call with wrong arguments is still a compile error.
 *
 * Use:
 *
 *	const char *why;
 *	const struct pl_git *git = pl_git_load(&why);
 *
 *	if (git == NULL)
 *		... libgit2 is not installed; WHY says what was tried ...
 *	git->libgit2_init();
 *	git->repository_open_ext(&repo, path, 0, NULL);
 *
 * The library is looked up under the soname plimsoll was built against, then under
 * other 1.x sonames and "libgit2.so"; the environment variable PLIMSOLL_LIBGIT2, when
 * set, names the only file tried (a path or a soname). It stays loaded until exit.
 */
#ifndef PL_SECRETS_GIT_DL_H
#define PL_SECRETS_GIT_DL_H

#include <git2.h>

/* Every libgit2 function plimsoll calls, without its git_ prefix. */
#define PL_GIT_FUNCTIONS(X)                                                                \
	X(libgit2_init)                                                                    \
	X(libgit2_shutdown)                                                                \
	X(libgit2_version)                                                                 \
	X(error_last)                                                                      \
	X(repository_open_ext)                                                             \
	X(repository_is_bare)                                                              \
	X(repository_workdir)                                                              \
	X(repository_free)                                                                 \
	X(ignore_path_is_ignored)                                                          \
	X(revwalk_new)                                                                     \
	X(revwalk_sorting)                                                                 \
	X(revwalk_push_glob)                                                               \
	X(revwalk_push_head)                                                               \
	X(revwalk_next)                                                                    \
	X(revwalk_free)                                                                    \
	X(commit_lookup)                                                                   \
	X(commit_author)                                                                   \
	X(commit_tree)                                                                     \
	X(commit_free)                                                                     \
	X(tree_id)                                                                         \
	X(tree_walk)                                                                       \
	X(tree_free)                                                                       \
	X(tree_entry_type)                                                                 \
	X(tree_entry_filemode)                                                             \
	X(tree_entry_id)                                                                   \
	X(tree_entry_name)                                                                 \
	X(blob_lookup)                                                                     \
	X(blob_rawsize)                                                                    \
	X(blob_rawcontent)                                                                 \
	X(blob_free)                                                                       \
	X(oid_tostr)

struct pl_git {
#define PL_GIT_POINTER(name) __typeof__(git_##name) *name;
	PL_GIT_FUNCTIONS(PL_GIT_POINTER)
#undef PL_GIT_POINTER
};

/*
 * Loads libgit2 once (thread-safe) and returns its functions, or NULL with *WHY set to a
 * static message saying what failed (no library found, a symbol missing, another major
 * version). Later calls return the same answer without trying again.
 */
const struct pl_git *pl_git_load(const char **why);

#endif
