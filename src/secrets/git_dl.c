/*
 * git_dl.c -- finds libgit2 at run time and resolves the functions plimsoll calls.
 *
 * See git_dl.h. The library is opened with RTLD_LOCAL, so its own dependencies (and its
 * copy of PCRE2) stay out of the global symbol namespace, and it is never closed: it
 * keeps thread-local state and exit handlers of its own.
 */
#include "secrets/git_dl.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The sonames tried after the one plimsoll was built against, newest first: the calls
 * plimsoll makes have kept their signatures through the 1.x series. */
static const char *const sonames[] = {
	"libgit2.so.1.9", "libgit2.so.1.8", "libgit2.so.1.7", "libgit2.so.1.6",
	"libgit2.so.1.5", "libgit2.so.1.4", "libgit2.so.1.3", "libgit2.so.1.2",
	"libgit2.so.1.1", "libgit2.so.1.0", "libgit2.so",
};

static pthread_once_t once = PTHREAD_ONCE_INIT;
static struct pl_git git;
static const struct pl_git *loaded;
static char why_buf[512];

static void *
open_lib(void)
{
	const char *env = getenv("PLIMSOLL_LIBGIT2");
	const char *first = "libgit2.so." LIBGIT2_SOVERSION;
	void *h;

	if (env != NULL && env[0] != '\0') {
		h = dlopen(env, RTLD_NOW | RTLD_LOCAL);
		if (h == NULL) {
			snprintf(why_buf, sizeof(why_buf), "cannot load %s (PLIMSOLL_LIBGIT2): %s",
				 env, dlerror());
		}
		return h;
	}
	h = dlopen(first, RTLD_NOW | RTLD_LOCAL);
	for (size_t i = 0; h == NULL && i < sizeof(sonames) / sizeof(sonames[0]); i++) {
		if (strcmp(sonames[i], first) != 0) {
			h = dlopen(sonames[i], RTLD_NOW | RTLD_LOCAL);
		}
	}
	if (h == NULL) {
		snprintf(why_buf, sizeof(why_buf),
			 "libgit2 is not installed (no %s nor another libgit2.so.1.x was found; "
			 "on Debian and Ubuntu: apt install libgit2-%s)",
			 first, LIBGIT2_SOVERSION);
	}
	return h;
}

static void
load(void)
{
	void *h = open_lib();
	int major = 0, minor = 0, rev = 0;

	if (h == NULL) {
		return;
	}
	/* Object to function pointer through memcpy: ISO C has no cast between the two,
	 * POSIX guarantees that they have the same representation. */
#define PL_GIT_RESOLVE(name)                                                               \
	{                                                                                  \
		void *p = dlsym(h, "git_" #name);                                          \
		if (p == NULL) {                                                           \
			snprintf(why_buf, sizeof(why_buf),                                 \
				 "the libgit2 found has no git_" #name "()");              \
			return;                                                            \
		}                                                                          \
		memcpy(&git.name, &p, sizeof(p));                                          \
	}
	PL_GIT_FUNCTIONS(PL_GIT_RESOLVE)
#undef PL_GIT_RESOLVE
	if (git.libgit2_version(&major, &minor, &rev) != 0 || major != LIBGIT2_VER_MAJOR) {
		snprintf(why_buf, sizeof(why_buf),
			 "the libgit2 found is version %d.%d.%d; plimsoll needs %d.x", major, minor,
			 rev, LIBGIT2_VER_MAJOR);
		return;
	}
	loaded = &git;
}

const struct pl_git *
pl_git_load(const char **why)
{
	pthread_once(&once, load);
	*why = loaded != NULL ? NULL : why_buf;
	return loaded;
}
