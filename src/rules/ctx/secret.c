/*
 * secret.c -- secret files taken from the build context (see secret.h).
 *
 * Each secret file is reported once per source that takes it, by exactly one rule: an
 * exception that re-included it (CTX0004) explains the finding best; otherwise the
 * final image (CTX0002) or a build stage (CTX0003).
 */
#include "rules/ctx/secret.h"
#include "core/str.h"

#include <stdio.h>
#include <string.h>

/* Findings per COPY source: a copied .git or key folder would otherwise list every file. */
enum { MAX_PER_SOURCE = 5 };

extern const struct pl_rule rule_ctx0002, rule_ctx0003, rule_ctx0004;

static bool
use(struct pl_check *ck, const struct pl_df_model *m, const struct pl_ctx_use *u, void *arg)
{
	size_t shown = 0, more = 0;

	(void)m;
	(void)arg;
	for (size_t i = 0; i < u->res.nentries; i++) {
		const struct pl_ctx_entry *e = u->res.entries[i];
		const struct pl_rule *which;

		if (e->sensitive == NULL || e->sensitive->kind != PL_CTX_SECRET || !e->sent) {
			continue;
		}
		if (e->rule != NULL && e->rule->exclusion && ck->bctx->ignore != NULL) {
			which = &rule_ctx0004;
		} else {
			which = u->final ? &rule_ctx0002 : &rule_ctx0003;
		}
		if (which != ck->rule) {
			continue;
		}
		if (shown == MAX_PER_SOURCE) {
			more++;
			continue;
		}
		shown++;
		if (which == &rule_ctx0004) {
			pl_ctx_report(ck, u, "'%s' takes %s, which the exception '%s' at %s brings "
				      "back. %s", u->word->s, e->path, e->rule->text,
				      pl_ctx_pattern_at(ck, e->rule), e->sensitive->reason);
		} else {
			pl_ctx_report(ck, u, "'%s' takes %s into %s: %s does not exclude it. %s",
				      u->word->s, e->path,
				      u->final ? "the final image" : "a build stage",
				      pl_ctx_ignore_name(ck), e->sensitive->reason);
		}
	}
	if (more > 0) {
		pl_ctx_report(ck, u, "'%s' takes %zu more secret files", u->word->s, more);
	}
	return true;
}

void
pl_ctx_check_secrets(struct pl_check *ck, const struct pl_df_model *m)
{
	pl_ctx_each_use(ck, m, use, NULL);
}
