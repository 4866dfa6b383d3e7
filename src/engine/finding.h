/*
 * finding.h -- one finding, and the report that collects a run's findings and errors.
 *
 * A finding is everything an output needs to say about one problem: which rule, how
 * severe, where (file, start and end line:column), the message, the evidence (source
 * excerpt), a fix hint and optionally a machine-applicable edit. All strings of a report
 * live in its arena. Findings are sorted by pl_report_sort into a deterministic order:
 * file, line, column, rule id, message.
 */
#ifndef PL_ENGINE_FINDING_H
#define PL_ENGINE_FINDING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "engine/rule.h"
#include "engine/severity.h"

struct pl_secrets_state;

/* Replace bytes OFF..END of the file with REPLACEMENT; for the auto-fixer. */
struct pl_edit {
	uint32_t off, end;
	const char *replacement;
};

struct pl_finding {
	const struct pl_rule *rule;
	enum pl_severity severity; /* the rule's, unless configuration overrides it */
	const char *file;          /* as displayed: the path given, relative when possible */
	uint32_t line, col;        /* 1-based start */
	uint32_t end_line, end_col; /* 1-based, exclusive end column on END_LINE */
	const char *message;       /* specific to this finding: "image 'node' has no tag" */
	const char *evidence;      /* the source excerpt (may span lines), at most
				    * PL_MAX_EVIDENCE_BYTES */
	const char *src_line;      /* the whole text of LINE, for the caret display */
	const char *fix;           /* a fix hint for this finding; the rule's when NULL */
	const struct pl_edit *edit; /* optional */
	/* Hash of rule id and the trimmed text of LINE, stable when lines move; with
	 * OCCURRENCE (1-based count of equal hashes earlier in the same file) it forms
	 * SARIF's partialFingerprints.primaryLocationLineHash "hex:occurrence". */
	/* A finding in a file that several inputs share (a build-context or env file):
	 * findings of one rule at the same place are one, whatever input they came from;
	 * the report keeps the first by message. */
	bool by_place;
	uint64_t line_hash;
	uint32_t occurrence;
};

/* An input that could not be read or parsed: exit code 2. */
struct pl_file_error {
	const char *file;
	uint32_t line, col; /* 0 when the error is not at a place in the file */
	const char *message;
};

struct pl_report {
	struct pl_arena arena;
	struct pl_finding *findings;
	size_t nfindings, findings_cap;
	struct pl_file_error *errors;
	size_t nerrors, errors_cap;
	struct pl_file_error *notes; /* inputs skipped on purpose, with why (not errors) */
	size_t nnotes, notes_cap;
	size_t files_scanned;
	size_t dropped; /* findings not kept because of PL_MAX_FINDINGS_PER_FILE */
	size_t suppressed; /* findings removed by inline ignore comments */
	size_t baselined;  /* findings removed because the baseline already has them */
	struct ctx_cache *ctx_cache; /* build contexts walked for this report (engine/run.c) */
	/* The secrets scan's state for the thread that fills this report: its scanner and
	 * the files outside the inputs already scanned (engine/secrets_scan.c). Created on
	 * first use and freed by pl_report_finish. */
	struct pl_secrets_state *secrets;
};

void pl_report_init(struct pl_report *r);
void pl_report_finish(struct pl_report *r);
/* Appends a zeroed finding owned by R; the caller fills it. */
struct pl_finding *pl_report_add(struct pl_report *r);
void pl_report_error(struct pl_report *r, const char *file, uint32_t line, uint32_t col,
		     const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* Records that FILE was skipped on purpose (a template, YAML that is not a manifest). */
void pl_report_note(struct pl_report *r, const char *file, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Sorts findings, errors and notes, and computes occurrence numbers. */
void pl_report_sort(struct pl_report *r);
/* Counts of findings per severity. */
void pl_report_counts(const struct pl_report *r, size_t counts[PL_SEV_COUNT]);
/* The highest severity among findings, or -1 when there are none. */
int pl_report_max_severity(const struct pl_report *r);

/* FNV-1a 64-bit, for fingerprints. */
uint64_t pl_hash64(const void *p, size_t n, uint64_t seed);

#endif
