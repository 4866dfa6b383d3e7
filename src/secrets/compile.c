/*
 * compile.c -- the detectors compiled into one Vectorscan database.
 *
 * Used at build time by gen_db.c, which serializes the database into the library, and at
 * run time when the serialized one cannot run on this processor.
 */
#include "secrets/compile.h"
#include "core/limits.h"
#include "core/xalloc.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *
pl_secrets_fmt_err(const char *id, const char *lib, const char *msg)
{
	size_t n = strlen(id) + strlen(lib) + strlen(msg) + 5;
	char *s = pl_xmalloc(n);

	snprintf(s, n, "%s: %s: %s", id, lib, msg);
	return s;
}

/* Compiles the Vectorscan database; an expression that Vectorscan cannot take as it is
 * (none in the table today) is compiled in prefilter mode, which may report more
 * candidates but never fewer. */
int
pl_secrets_compile_hs(hs_database_t **dbp, size_t *back, char **err)
{
	size_t n = pl_secret_ndetectors, i;
	const char **exprs = pl_xcalloc(n, sizeof(*exprs));
	unsigned *flags = pl_xcalloc(n, sizeof(*flags));
	unsigned *ids = pl_xcalloc(n, sizeof(*ids));
	hs_compile_error_t *ce = NULL;
	int rc = -1, tries;

	for (i = 0; i < n; i++) {
		exprs[i] = pl_secrets_hs_pattern(&pl_secret_detectors[i]);
		flags[i] = PL_SECRETS_HS_FLAGS;
		ids[i] = (unsigned)i;
	}
	for (tries = 0; tries <= (int)n; tries++) {
		if (hs_compile_multi(exprs, flags, ids, (unsigned)n, HS_MODE_BLOCK, NULL, dbp,
				     &ce) == HS_SUCCESS) {
			rc = 0;
			break;
		}
		if (ce->expression < 0 || (flags[ce->expression] & HS_FLAG_PREFILTER)) {
			*err = pl_secrets_fmt_err(
				       ce->expression >= 0 ? pl_secret_detectors[ce->expression].id
							   : "database",
				       "Vectorscan", ce->message);
			hs_free_compile_error(ce);
			break;
		}
		flags[ce->expression] |= HS_FLAG_PREFILTER;
		hs_free_compile_error(ce);
		ce = NULL;
	}
	for (i = 0; rc == 0 && i < n; i++) {
		hs_expr_info_t *info = NULL;

		back[i] = PL_SECRETS_MAX_MATCH_BYTES;
		if (hs_expression_info(exprs[i], flags[i], &info, &ce) == HS_SUCCESS) {
			if (info->max_width != UINT_MAX && info->max_width < back[i]) {
				back[i] = info->max_width;
			}
			free(info);
		} else {
			hs_free_compile_error(ce);
		}
	}
	free(exprs);
	free(flags);
	free(ids);
	return rc;
}

