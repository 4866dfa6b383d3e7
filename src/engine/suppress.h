/*
 * suppress.h -- inline suppression comments in Dockerfiles and YAML files.
 *
 *   # plimsoll ignore=DF0001,DF0007 reason="runs as root to bind port 80 in CI only"
 *   FROM ...
 *
 * An ignore comment applies to the instruction right below it (comment lines directly
 * above an instruction, with no blank line between, form its block). A global comment,
 * `# plimsoll global ignore=DF0007`, applies to the whole file wherever it is. Rule ids or
 * names may be listed; the reason is optional but recommended, and kept for reviewers.
 */
#ifndef PL_ENGINE_SUPPRESS_H
#define PL_ENGINE_SUPPRESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "engine/finding.h"
#include "engine/rule.h"
#include "core/source.h"
#include "parse/dockerfile.h"

/* Most rules one comment may list; a longer list is reported as invalid. */
#define PL_IGNORE_MAX_RULES 64

struct pl_ignore {
	uint32_t line;      /* the comment's line */
	uint32_t off;       /* the comment's '#' */
	bool global;
	const struct pl_rule *rules[PL_IGNORE_MAX_RULES];
	size_t nrules;
	const char *reason; /* NULL when none was given */
	const char *error;  /* why the comment is invalid, or NULL */
	uint32_t error_off; /* where the problem is */
};

/*
 * Parses the comment text C (after '#') as an ignore comment. Returns false when C is not
 * addressed to plimsoll at all (it does not start with the word "plimsoll"); otherwise
 * fills IG, with IG->error set when the comment is malformed or names an unknown rule.
 * BASE_OFF is the source offset of C's first byte, for error positions.
 */
bool pl_ignore_parse(const char *c, uint32_t base_off, struct pl_arena *a, struct pl_ignore *ig);

/*
 * Removes from R the findings FIRST..R->nfindings-1 of FILE that its ignore comments
 * suppress; returns how many were removed.
 */
size_t pl_suppress_apply(struct pl_report *r, size_t first, const struct pl_df_file *file,
			 struct pl_arena *a);

/*
 * The same for a YAML file (Compose, Kubernetes), where comments are found in SRC's text:
 * an ignore comment on its own line applies to the next line that is not a comment (lines
 * of comments directly above it form one block), one at the end of a line applies to
 * that line, and a global one to the whole file.
 */
size_t pl_suppress_apply_yaml(struct pl_report *r, size_t first, const struct pl_source *src,
			      struct pl_arena *a);

#endif
