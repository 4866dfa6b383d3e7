/*
 * pkg_util.h -- package-manager commands in RUN scripts: which command installs packages,
 * which of its words name packages, and whether each names a version.
 *
 * Shared by the version-pinning rules (DF0032..DF0037) and by the rules that read pip,
 * npm and curl options or configuration text written by RUN (DF0030, DF0031, DF0038..
 * DF0043).
 */
#ifndef PL_RULES_DF_PKG_UTIL_H
#define PL_RULES_DF_PKG_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "engine/run.h"
#include "model/dockerfile.h"
#include "parse/shell.h"

enum pl_pkg_mgr {
	PL_PKG_APT,  /* apt-get install, apt install */
	PL_PKG_APK,  /* apk add */
	PL_PKG_PIP,  /* pip install, pip3 install, python -m pip install */
	PL_PKG_NPM,  /* npm install <pkg>, yarn add, yarn global add, pnpm add */
	PL_PKG_GEM,  /* gem install */
	PL_PKG_GO,   /* go install, go get, go run */
};

/* What a package operand says about its version. */
enum pl_pkg_pin {
	PL_PIN_NONE,    /* no version: the newest one is installed */
	PL_PIN_VERSION, /* a version, a range or a commit */
	PL_PIN_UNKNOWN, /* cannot tell: an expansion, a glob, a release name, a dist-tag */
};

struct pl_pkg_operand {
	const struct pl_sh_word *word;
	enum pl_pkg_pin pin;
};

/* The index of the word after the program that names pip's subcommand ("install") when C
 * runs pip (pip, pip3, pip3.12, a path to one, or `pythonX -m pip`); C->argc otherwise. */
size_t pl_pkg_pip_sub(const struct pl_sh_cmd *c);

/* When C installs packages with MGR, the index of its subcommand word ("install", "add",
 * "get"); C->argc otherwise. */
size_t pl_pkg_install_sub(const struct pl_sh_cmd *c, enum pl_pkg_mgr mgr);

/*
 * The package operands of the install command C (SUB from pl_pkg_install_sub), in order,
 * in an array from A. Words that do not name a registry package are left out: option
 * values, local files and directories, archives, URLs of archives, requirement files, and
 * the package manager upgrading itself (`pip install -U pip`, `npm i -g npm`).
 */
size_t pl_pkg_operands(const struct pl_sh_cmd *c, enum pl_pkg_mgr mgr, size_t sub,
		       struct pl_arena *a, struct pl_pkg_operand **out);

/*
 * Reports, once per install command of MGR in RUN instruction I, the package operands that
 * name no version, spanning the first to the last of them. The finding's fix is HINT_PRE,
 * the first unpinned package, then HINT_POST.
 */
void pl_pkg_report_unpinned(struct pl_check *ck, const struct pl_df_model *m, size_t i,
			    enum pl_pkg_mgr mgr, const char *hint_pre, const char *hint_post);

/* The index of the script word of a shell command such as `sh -c SCRIPT`, whose commands
 * the model already lists on their own; C->argc when C is not one. */
size_t pl_pkg_shell_script_word(const struct pl_sh_cmd *c);

/* True when T (case-insensitive) is "false", "0", "no" or "off". */
bool pl_pkg_falsy(const char *t);

/*
 * Finds KEY (case-insensitive) in TEXT[0..n) followed by separators (blanks, quotes, '=',
 * ':') and then a value that starts with one of VALUES (NULL-terminated, case-insensitive,
 * ending at a non-alphanumeric byte). KEY must not follow a letter, digit or '_' unless
 * KEY starts with a non-alphanumeric byte. Returns the offset of KEY, and *LEN the length
 * through the value, or -1.
 */
/* TEXT[0..n) holds a byte that may separate a setting's key from its value: words with
 * none (package names, paths, options) cannot hold a setting and need no search. */
bool pl_pkg_has_separator(const char *text, size_t n);

/* The pairs of adjacent bytes (case folded) that occur in a text, as a 256-bit set: a key
 * can occur in the text only if each of its pairs does, so most words are ruled out
 * for every key after one pass over them. */
struct pl_pkg_pairs {
	uint64_t bits[4];
};
/* Fills *P from TEXT[0..n). */
void pl_pkg_pairs_of(struct pl_pkg_pairs *p, const char *text, size_t n);
/* False when KEY cannot occur (case-insensitively) in the text *P was filled from. */
bool pl_pkg_pairs_may_hold(const struct pl_pkg_pairs *p, const char *key);

long pl_pkg_find_setting(const char *text, size_t n, const char *key, const char *const *values,
			 size_t *len);

/* What command C may write, worked out once per command for pl_pkg_written_text. */
struct pl_pkg_writer {
	const struct pl_sh_cmd *c;
	bool reader;        /* grep, test, [: only searches or tests */
	bool sed;
	size_t script_word; /* the script of `sh -c`, or c->argc */
};

void pl_pkg_writer_init(struct pl_pkg_writer *wr, const struct pl_sh_cmd *c);

/* The part of word W of the writer's command that may write a setting: the replacement
 * of a `sed` s/../../ expression, the whole text otherwise; NULL for commands that only
 * search or test (grep, test, [) and for the script word of `sh -c`. */
const char *pl_pkg_written_text(const struct pl_pkg_writer *wr, size_t w);

/* What a curl command's options say. */
struct pl_pkg_curl {
	bool fail;        /* -f, --fail, --fail-with-body */
	bool write_out;   /* -w, --write-out: the caller reads the HTTP status */
	bool to_file;     /* -o FILE (not /dev/null), -O, --remote-name(-all), > FILE */
	const struct pl_sh_word *insecure; /* the -k or --insecure word, or NULL */
};

/* Reads the options of curl command C (after its program word) into OUT. */
void pl_pkg_curl_opts(const struct pl_sh_cmd *c, struct pl_pkg_curl *out);

/* Whether the heredocs of RUN instruction I are run as the shell script itself
 * (`RUN <<EOT`, `RUN bash <<EOT`), rather than data that a command reads or writes to a
 * file (`RUN cat > /etc/x.conf <<EOT`, `RUN <<EOT tee /etc/x.conf`). */
bool pl_pkg_heredocs_are_script(const struct pl_df_model *m, size_t i);

/* pl_pkg_find_setting over the lines of a data heredoc, comment lines (#, ;) excluded.
 * Returns the source offset of the first match and *LEN, or -1. */
long pl_pkg_heredoc_find(const struct pl_df_heredoc *h, const char *key,
			 const char *const *values, size_t *len);

#endif
