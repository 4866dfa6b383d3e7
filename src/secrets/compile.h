/*
 * compile.h -- compiling the detectors for Vectorscan, and the database the build made.
 */
#ifndef PL_SECRETS_COMPILE_H
#define PL_SECRETS_COMPILE_H

#include <hs.h>
#include <stddef.h>

#include "secrets/secrets.h"

/* Multi-line: `^` and `$` also match at line breaks, in both engines alike. */
#define PL_SECRETS_HS_FLAGS HS_FLAG_MULTILINE

/*
 * Compiles every detector's Vectorscan expression into *DB, and stores in BACK[i] how far
 * before a candidate's end detector i's match may start. Returns 0, or -1 with a heap
 * message in *ERR.
 */
int pl_secrets_compile_hs(hs_database_t **db, size_t *back, char **err);

/* "ID: LIB: MSG" as a heap string. */
char *pl_secrets_fmt_err(const char *id, const char *lib, const char *msg);

/* The database serialized at build time (secrets_db.c, written by gen_db.c), and the
 * BACK array that goes with it. SIZE is 0 when the build made none. */
extern const unsigned char pl_secrets_db_blob[];
extern const size_t pl_secrets_db_size;
extern const size_t pl_secrets_db_back[];

#endif
