/*
 * history.h -- scanning every blob of a git repository's history for secrets.
 */
#ifndef PL_SECRETS_HISTORY_H
#define PL_SECRETS_HISTORY_H

#include <stdint.h>

#include "secrets/secrets.h"

/* One secret found in a blob of the history. Everything is borrowed for the call. */
struct pl_secrets_history_hit {
	const struct pl_secret_match *m; /* offsets into BLOB */
	const char *commit;              /* full hex id of the first commit holding the blob */
	int64_t author_time;             /* that commit's author date, seconds since the epoch */
	const char *path;                /* the blob's path in that commit's tree */
	const char *blob;
	size_t blob_len;
};

/* Returns 0 to go on, non-zero to stop. */
typedef int (*pl_secrets_history_cb)(void *ctx, const struct pl_secrets_history_hit *h);

/*
 * Scans every blob reachable from every ref (and HEAD) of the repository that contains
 * PATH, each blob once, reported with the oldest commit that holds it. Binary blobs and
 * blobs over PL_SECRETS_MAX_FILE_BYTES are skipped. Returns 0, 1 when CB stopped, or -1
 * with a heap message in *ERR (libgit2 cannot be loaded, not a repository, a corrupt
 * object database).
 */
int pl_secrets_history(struct pl_secrets_scanner *sc, const char *path,
		       pl_secrets_history_cb cb, void *ctx, char **err);

#endif
