/*
 * severity.c -- severity names and their mappings to SARIF and GitHub code scanning.
 */
#include "engine/severity.h"

#include <string.h>

static const char *const names[] = {
	[PL_SEV_INFO] = "info",
	[PL_SEV_LOW] = "low",
	[PL_SEV_MEDIUM] = "medium",
	[PL_SEV_HIGH] = "high",
	[PL_SEV_CRITICAL] = "critical",
	[PL_SEV_NEVER] = "never",
};

/* GitHub maps security-severity > 9.0 to critical, 7.0-8.9 high, 4.0-6.9 medium,
 * 0.1-3.9 low; the scores sit inside those bands. Info is 0.0 on purpose: below every
 * band, so code scanning does not present an informational note as a security issue. */
static const char *const scores[] = {
	[PL_SEV_INFO] = "0.0",
	[PL_SEV_LOW] = "3.0",
	[PL_SEV_MEDIUM] = "5.5",
	[PL_SEV_HIGH] = "8.0",
	[PL_SEV_CRITICAL] = "9.5",
};

const char *
pl_severity_name(enum pl_severity s)
{
	return (unsigned)s <= PL_SEV_NEVER ? names[s] : "unknown";
}

int
pl_severity_parse(const char *name)
{
	int i;

	for (i = 0; i <= (int)PL_SEV_NEVER; i++) {
		if (strcmp(names[i], name) == 0) {
			return i;
		}
	}
	return -1;
}

const char *
pl_severity_score(enum pl_severity s)
{
	return (unsigned)s < PL_SEV_COUNT ? scores[s] : "0.0";
}

const char *
pl_severity_sarif_level(enum pl_severity s)
{
	switch (s) {
	case PL_SEV_CRITICAL:
	case PL_SEV_HIGH:
		return "error";
	case PL_SEV_MEDIUM:
		return "warning";
	default:
		return "note";
	}
}
