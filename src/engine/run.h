/*
 * run.h -- the engine: reads one input, builds its model, runs every rule over it in one
 * pass, and records findings in the report.
 *
 * Rules report through pl_check_report: the engine fills in location, evidence, the
 * source line, the fingerprint and the severity, so a rule only says where and what.
 */
#ifndef PL_ENGINE_RUN_H
#define PL_ENGINE_RUN_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>

#include "engine/config.h"
#include "engine/finding.h"
#include "model/compose.h"
#include "model/dockerfile.h"
#include "model/inspect.h"
#include "model/k8s.h"
#include "model/script.h"

struct pl_image_index;

struct pl_scan_opts {
	const char *target;             /* --target */
	const char *context;            /* --context: the build context of every Dockerfile;
					 * NULL for each Dockerfile's own folder */
	const char *const *build_args;  /* --build-arg NAME=value, NULL-terminated */
	const struct pl_config *config; /* .plimsoll.yaml; NULL for the defaults */
	const struct pl_image_index *images; /* the scan's Dockerfiles by the repository they
					      * build, for manifests; NULL when none */
};

/* The build context of a Dockerfile, for the rules that judge what COPY and ADD take. */
struct pl_build_ctx {
	const struct pl_ctx *ctx;  /* the context as docker build sends it */
	const char *root;          /* its folder, as shown in findings */
	const char *ignore;        /* the ignore file that applies, as shown; NULL when none */
};

/* What a rule's check gets: the rule being run and where to report. */
struct pl_check {
	const struct pl_rule *rule;
	enum pl_severity severity; /* the rule's severity for this file, after configuration */
	const struct pl_source *src; /* the file findings point into */
	const struct pl_df_model *m; /* the Dockerfile model; NULL for other inputs */
	const struct pl_compose *compose; /* the Compose model; NULL for other inputs */
	const struct pl_inspect *inspect; /* the docker inspect model; NULL for other inputs */
	const struct pl_build_ctx *bctx; /* a Dockerfile's build context; NULL when unknown
					  * (standard input, or a folder that cannot be read) */
	struct pl_ctx_uses *ctx_uses;    /* what each COPY takes from it, worked out once for
					  * all the context rules (rules/ctx/util.c) */
	const struct pl_k8s *k8s; /* the Kubernetes model; NULL for other inputs */
	const struct pl_script *script; /* the docker command lines; NULL for other inputs */
	struct pl_report *r;
	const char *file;
	const struct pl_config *cfg; /* never NULL: the defaults when there is no file */
	size_t nfindings; /* findings of this file so far, for PL_MAX_FINDINGS_PER_FILE */
	/* The last position computed, so that findings further right on the same line are
	 * placed from there: a file that is one long line (minified JSON) stays linear. */
	bool pos_known;
	uint32_t pos_off;
	struct pl_pos pos;
};

/*
 * Reports a finding of CK's rule at source bytes OFF..END with a printf-style message.
 * Returns the finding so that the rule can add a specific fix hint or an edit, or NULL
 * when the per-file limit dropped it.
 */
struct pl_finding *pl_check_report(struct pl_check *ck, uint32_t off, uint32_t end,
				   const char *fmt, ...) __attribute__((format(printf, 4, 5)));
struct pl_finding *pl_check_vreport(struct pl_check *ck, uint32_t off, uint32_t end,
				    const char *fmt, va_list ap) __attribute__((format(printf, 4, 0)));
/* A string in the report's arena, for fix hints and edits. */
char *pl_check_printf(struct pl_check *ck, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Prepares CK for the rules of one file: report R, the source SRC findings point into,
 * shown as FILE, and the configuration CFG (NULL for the defaults). Other fields are
 * zero: the caller sets the model. */
void pl_check_init(struct pl_check *ck, struct pl_report *r, const struct pl_source *src,
		   const char *file, const struct pl_config *cfg);

/* Moves CK to the next rule from *I on (start with 0) that reads input INPUT and that the
 * configuration leaves on for CK->file, setting CK->rule and CK->severity. Returns false
 * after the last one. */
bool pl_check_next_rule(struct pl_check *ck, unsigned input, size_t *i);

/* The reader every input kind shares: reads PATH (or standard input for "-"), shown as
 * DISPLAY, counts it as scanned and hands it to SCAN with its name kept in R. Returns what
 * SCAN returns, or -1 when the file could not be read (the error is then in R). */
int pl_scan_path(struct pl_report *r, const char *path, const char *display,
		 const struct pl_scan_opts *o,
		 int (*scan)(struct pl_report *r, const struct pl_source *src, const char *name,
			     const struct pl_scan_opts *o));

/*
 * Scans the Dockerfile at PATH (or standard input for "-"), shown as DISPLAY. Findings and
 * errors go to R. Returns 0, or -1 when the file could not be read or parsed (the error is
 * in R->errors).
 */
int pl_scan_dockerfile(struct pl_report *r, const char *path, const char *display,
		       const struct pl_scan_opts *o);

/* Prepares the rule dispatch table. Called once before scanning from several threads;
 * single-threaded callers may skip it (the first scan prepares the table). */
void pl_engine_init(void);

/*
 * Runs every Dockerfile rule that CFG (NULL for the defaults) leaves on for FILE over a
 * built model, then drops the findings that the file's ignore comments suppress.
 */
void pl_run_dockerfile_rules(struct pl_report *r, const struct pl_df_model *m, const char *file,
			     const struct pl_config *cfg);
/* The same with the Dockerfile's build context BCTX (NULL when unknown). */
void pl_run_dockerfile_rules_ctx(struct pl_report *r, const struct pl_df_model *m,
				 const char *file, const struct pl_config *cfg,
				 const struct pl_build_ctx *bctx);

/*
 * Scans the Compose file at PATH (or standard input for "-"), shown as DISPLAY; and the
 * same for a file already in memory, named NAME (a string that outlives R's use).
 * Returns 0, or -1 when it could not be read or loaded (the error is in R->errors).
 */
int pl_scan_compose(struct pl_report *r, const char *path, const char *display,
		    const struct pl_scan_opts *o);
int pl_scan_compose_source(struct pl_report *r, const struct pl_source *src, const char *name,
			   const struct pl_scan_opts *o);
/* Scans the project made of the N Compose files PATHS (shown as DISPLAYS) as `docker
 * compose -f PATHS[0] -f PATHS[1] ...` reads it: the services merged, each finding in the
 * file where the deciding value is written. */
int pl_scan_compose_files(struct pl_report *r, const char *const *paths,
			  const char *const *displays, size_t n, const struct pl_scan_opts *o);

/* Runs every Compose rule that CFG leaves on for FILE, then applies its ignore comments. */
void pl_run_compose_rules(struct pl_report *r, const struct pl_compose *c, const char *file,
			  const struct pl_config *cfg);

/*
 * Scans the `docker inspect` output at PATH (or standard input for "-"), shown as
 * DISPLAY; and the same for output already in memory, named NAME (a string that outlives
 * R's use). Returns 0, or -1 when it could not be read or loaded (the error is in
 * R->errors).
 */
int pl_scan_inspect(struct pl_report *r, const char *path, const char *display,
		    const struct pl_scan_opts *o);
int pl_scan_inspect_source(struct pl_report *r, const struct pl_source *src, const char *name,
			   const struct pl_scan_opts *o);

/* Runs every runtime rule that CFG leaves on for FILE over the containers of IN. JSON has
 * no comments, so there are no ignore comments to apply: configuration turns rules off. */
void pl_run_inspect_rules(struct pl_report *r, const struct pl_inspect *in, const char *file,
			  const struct pl_config *cfg);

/*
 * Scans the YAML or JSON file at PATH (or standard input for "-"), shown as DISPLAY, that
 * is not named like a Compose file: by its content, a Kubernetes manifest, a Compose file
 * or `docker inspect` output (each scanned as such), or none of them (skipped with a note, as is a Helm template). The second
 * form is for a file already in memory, named NAME. Returns 0, or -1 when it could not be
 * read or loaded (the error is in R->errors).
 */
int pl_scan_k8s(struct pl_report *r, const char *path, const char *display,
		const struct pl_scan_opts *o);
int pl_scan_k8s_source(struct pl_report *r, const struct pl_source *src, const char *name,
		       const struct pl_scan_opts *o);

/* Runs every Kubernetes rule that CFG leaves on for FILE, then applies its ignore
 * comments. */
void pl_run_k8s_rules(struct pl_report *r, const struct pl_k8s *k, const char *file,
		      const struct pl_config *cfg);

/*
 * Scans the shell script, Makefile or Markdown file at PATH (or standard input for "-"),
 * shown as DISPLAY, for docker command lines; the language is told by the name
 * (pl_script_lang_of). The second form is for a file already in memory, named NAME.
 * Returns 0, or -1 when it could not be read (the error is in R->errors).
 */
int pl_scan_script(struct pl_report *r, const char *path, const char *display,
		   const struct pl_scan_opts *o);
int pl_scan_script_source(struct pl_report *r, const struct pl_source *src, const char *name,
			  const struct pl_scan_opts *o);

/* Runs every CLI rule that CFG leaves on for FILE, then applies its ignore comments. */
void pl_run_script_rules(struct pl_report *r, const struct pl_script *s, const char *file,
			 const struct pl_config *cfg);

#endif
