/*
 * severity.h -- the five severities, their names and their SARIF mappings.
 */
#ifndef PL_ENGINE_SEVERITY_H
#define PL_ENGINE_SEVERITY_H

enum pl_severity {
	PL_SEV_INFO = 0,
	PL_SEV_LOW,
	PL_SEV_MEDIUM,
	PL_SEV_HIGH,
	PL_SEV_CRITICAL,
	PL_SEV_COUNT,
	PL_SEV_NEVER = PL_SEV_COUNT /* --fail-on never: above every severity */
};

/* "info", "low", "medium", "high", "critical" ("never" for PL_SEV_NEVER). */
const char *pl_severity_name(enum pl_severity s);
/* Parses a name as above; returns -1 when unknown. */
int pl_severity_parse(const char *name);
/* GitHub code scanning's security-severity score: critical >= 9.0, high 7.0-8.9, ... */
const char *pl_severity_score(enum pl_severity s);
/* SARIF result level: "error" for high and critical, "warning" for medium, "note" below. */
const char *pl_severity_sarif_level(enum pl_severity s);

#endif
