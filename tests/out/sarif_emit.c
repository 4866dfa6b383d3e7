/*
 * sarif_emit.c -- writes a SARIF report of a hand-made run to the file named by its
 * argument, for validate_sarif.py to check against the SARIF 2.1.0 schema and GitHub code
 * scanning's rules.
 *
 * The run holds what tends to break SARIF writers: paths with a space and a non-ASCII
 * character, a path outside the base directory, a multi-line region, an edit, an invalid
 * UTF-8 byte in a message, repeated lines (occurrence numbers) and file errors with and
 * without a place. Its findings use rules of the linked catalog, as real runs do.
 */
#include "engine/output.h"

#include <stdio.h>
#include <string.h>

static struct pl_finding *
add(struct pl_report *r, size_t rule, const char *file, uint32_t line, uint32_t col,
    uint32_t end_line, uint32_t end_col, const char *message, const char *src)
{
	struct pl_finding *f = pl_report_add(r);

	f->rule = pl_rules[rule % pl_nrules];
	f->severity = f->rule->severity;
	f->file = file;
	f->line = line;
	f->col = col;
	f->end_line = end_line;
	f->end_col = end_col;
	f->message = message;
	f->src_line = src;
	f->evidence = src;
	f->line_hash = pl_hash64(src, strlen(src), 0);
	return f;
}

int
main(int argc, char **argv)
{
	static const struct pl_edit edit = { 0, 9, "USER 10001" };
	const struct pl_out_opts o = {
		.fail_on = PL_SEV_HIGH,
		.version = PL_VERSION,
		.base_dir = "/srv/build root/caf\xC3\xA9",
	};
	struct pl_report r;
	FILE *out;
	int rc;

	if (argc != 2 || pl_nrules == 0) {
		fprintf(stderr, "usage: sarif_emit OUTPUT.sarif\n");
		return 2;
	}
	pl_report_init(&r);
	r.files_scanned = 4;
	add(&r, 0, "Dockerfile", 1, 1, 1, 10, "the final image runs as root", "USER root")->edit =
		&edit;
	add(&r, 1, "services/my api/Dockerfile.\xC3\xA9t\xC3\xA9", 4, 5, 6, 2,
	    "curl -k on a line that continues", "RUN curl -k https://example.com/x | sh && \\");
	add(&r, 1, "services/my api/Dockerfile.\xC3\xA9t\xC3\xA9", 9, 5, 9, 12,
	    "the same line again", "RUN curl -k https://example.com/x | sh && \\");
	add(&r, 2, "/opt/elsewhere/Dockerfile", 2, 3, 2, 4, "a value \xFF that is not UTF-8",
	    "ENV A=\xFF");
	pl_report_error(&r, "broken/Dockerfile", 7, 3, "unterminated heredoc <<EOF");
	pl_report_error(&r, "missing/Dockerfile", 0, 0, "No such file or directory");
	pl_report_sort(&r);

	out = fopen(argv[1], "w");
	if (out == NULL) {
		perror(argv[1]);
		pl_report_finish(&r);
		return 2;
	}
	rc = pl_format_sarif.write(out, &r, &o);
	if (fclose(out) != 0) {
		rc = -1;
	}
	pl_report_finish(&r);
	if (rc != 0) {
		fprintf(stderr, "sarif_emit: writing %s failed\n", argv[1]);
		return 1;
	}
	return 0;
}
