/*
 * registry.c -- pl_rules[] built from rules.def, and lookup by id or name.
 */
#include "engine/rule.h"
#include "core/str.h"
#include "secrets/secrets.h"

#include <string.h>

#define RULE(x) extern const struct pl_rule rule_##x;
#include "rules/rules.def"
#undef RULE

const struct pl_rule *const pl_rules[] = {
#define RULE(x) &rule_##x,
#include "rules/rules.def"
#undef RULE
	NULL,
};

const size_t pl_nrules = sizeof(pl_rules) / sizeof(pl_rules[0]) - 1;

const struct pl_rule *
pl_rule_find(const char *id_or_name)
{
	size_t i;

	for (i = 0; i < pl_nrules; i++) {
		if (pl_streq_ci(pl_rules[i]->id, id_or_name) ||
		    strcmp(pl_rules[i]->name, id_or_name) == 0) {
			return pl_rules[i];
		}
	}
	/* The secrets detectors (SEC0001...) are rules too: for ignore comments,
	 * configuration and `plimsoll explain`. */
	{
		const struct pl_secret_detector *d = pl_secrets_find(id_or_name);

		return d != NULL ? pl_secrets_rule(d) : NULL;
	}
}
