/*
 * secret.h -- the one pass behind CTX0002, CTX0003 and CTX0004: secret files that a COPY
 * takes from the build context, told apart by where they land and why they are sent.
 */
#ifndef PL_RULES_CTX_SECRET_H
#define PL_RULES_CTX_SECRET_H

#include "engine/rule.h"
#include "rules/ctx/util.h"

/* The check of CTX0002, CTX0003 and CTX0004: reports for CK's rule only. */
void pl_ctx_check_secrets(struct pl_check *ck, const struct pl_df_model *m);

#endif
