/*
 * output.h -- the output formats behind one small table.
 *
 * Each format is one file in src/out/ exporting a struct pl_format. Formats only read the
 * report and rule metadata; they never decide what is a finding.
 */
#ifndef PL_ENGINE_OUTPUT_H
#define PL_ENGINE_OUTPUT_H

#include <stdbool.h>
#include <stdio.h>

#include "engine/finding.h"

struct pl_out_opts {
	bool color;           /* ANSI colour (text only) */
	bool quiet;           /* text: findings only, no summary */
	enum pl_severity fail_on;
	const char *version;  /* plimsoll's version string */
	const char *base_dir; /* absolute path that relative URIs are relative to (SARIF
			       * %SRCROOT%): the current directory */
};

struct pl_format {
	const char *name; /* "text", "json", "sarif" */
	const char *description;
	/* Writes the whole report to OUT. Returns 0, or -1 when writing failed. */
	int (*write)(FILE *out, const struct pl_report *r, const struct pl_out_opts *o);
};

extern const struct pl_format pl_format_text;
extern const struct pl_format pl_format_json;
extern const struct pl_format pl_format_sarif;
extern const struct pl_format pl_format_markdown;

/* NULL-terminated list of the formats above, and lookup by name. */
extern const struct pl_format *const pl_formats[];
const struct pl_format *pl_format_find(const char *name);

#endif
