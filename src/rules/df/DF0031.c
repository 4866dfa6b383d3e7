/*
 * DF0031 -- package signature checks are turned off.
 *
 * Reported, in every stage:
 * - apt-get/apt `--allow-unauthenticated`, `--allow-insecure-repositories` and the
 *   deprecated `--force-yes`;
 * - APT settings, as `-o` words or written to files (also in heredocs):
 *   `APT::Get::AllowUnauthenticated`, `Acquire::AllowInsecureRepositories` and
 *   `Acquire::AllowDowngradeToInsecureRepositories` set to true, and `[trusted=yes]` or
 *   `[allow-insecure=yes]` in a source line;
 * - `apk --allow-untrusted`;
 * - yum, dnf, microdnf, tdnf and rpm `--nogpgcheck`, zypper `--no-gpg-checks` and
 *   `--allow-unsigned-rpm`, rpm `--nosignature` and `--nodigest`;
 * - `gpgcheck=0` (or false/no) as a `--setopt` value or written to a repository file.
 * Not reported: flags on commands whose package operands are all local files
 * (`apk add --allow-untrusted /tmp/packages/x.apk`, `dnf install --nogpgcheck ./x.rpm`)
 * and `[trusted=yes]` on a `file:` or `copy:` source: packages built in an earlier step or
 * stage carry no repository signature, and the official images install them this way;
 * `repo_gpgcheck` and `localpkg_gpgcheck` (other settings, off by default);
 * settings that turn checks on; words in grep and test commands; the search part of a
 * `sed s/../../` expression; comment lines of heredocs.
 */
#include "core/str.h"
#include "rules/df/pkg_util.h"
#include "rules/df/util.h"

#include <stdarg.h>
#include <string.h>

static const char *const truthy[] = { "true", "1", "yes", "on", NULL };
static const char *const falsy[] = { "false", "0", "no", "off", NULL };

struct setting {
	const char *key;
	const char *const *values;
};

/* Settings that turn a check off, written as one word or one line. */
static const struct setting settings[] = {
	{ "AllowUnauthenticated", truthy },
	{ "AllowInsecureRepositories", truthy },
	{ "AllowDowngradeToInsecureRepositories", truthy },
	{ "gpgcheck", falsy },
	/* from here on, sources: accepted for local repositories */
	{ "trusted", (const char *const[]){ "yes", NULL } },
	{ "allow-insecure", (const char *const[]){ "yes", NULL } },
};

/* The index in settings[] of the first source option. */
enum { LOCAL_OK = 4 };

struct flag {
	const char *const *progs;
	const char *word;
};

static const char *const apt_progs[] = { "apt-get", "apt", "aptitude", NULL };
static const char *const rpm_progs[] = { "yum", "dnf", "microdnf", "tdnf", "rpm", NULL };

/* Command-line flags that turn a check off, per program. */
static const struct flag flags[] = {
	{ apt_progs, "--allow-unauthenticated" },
	{ apt_progs, "--allow-insecure-repositories" },
	{ apt_progs, "--force-yes" },
	{ (const char *const[]){ "apk", NULL }, "--allow-untrusted" },
	{ rpm_progs, "--nogpgcheck" },
	{ (const char *const[]){ "rpm", NULL }, "--nosignature" },
	{ (const char *const[]){ "rpm", NULL }, "--nodigest" },
	{ (const char *const[]){ "zypper", NULL }, "--no-gpg-checks" },
	{ (const char *const[]){ "zypper", NULL }, "--allow-unsigned-rpm" },
};

static void report(struct pl_check *ck, uint32_t off, uint32_t end, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void
report(struct pl_check *ck, uint32_t off, uint32_t end, const char *fmt, ...)
{
	struct pl_finding *f;
	va_list ap;

	va_start(ap, fmt);
	f = pl_check_vreport(ck, off, end, fmt, ap);
	va_end(ap);
	if (f != NULL) {
		f->fix = "Remove the option or setting and make the signature check pass: import "
			 "the repository's signing key (`signed-by=` keyring for APT, `rpm "
			 "--import` or `gpgkey=` for yum/dnf, the key in /etc/apk/keys for apk) "
			 "and verify its fingerprint.";
	}
}

static bool
in_list(const char *s, const char *const *list)
{
	for (; *list != NULL; list++) {
		if (pl_streq(s, *list)) {
			return true;
		}
	}
	return false;
}

static bool
runs(const struct pl_sh_cmd *c, const char *const *progs)
{
	for (; *progs != NULL; progs++) {
		if (pl_sh_is(c, *progs)) {
			return true;
		}
	}
	return false;
}

/* Whether the package operands of C (words after the program that are not options or
 * subcommands) are all local files, and there is at least one. */
static bool
local_operands(const struct pl_sh_cmd *c)
{
	static const char *const subs[] = { "install", "add", "localinstall", "reinstall",
					    "upgrade", "update", "in", "i", NULL };
	size_t n = 0;

	for (size_t a = c->prog + 1; a < c->argc; a++) {
		const char *t = c->argv[a].text;

		if (t[0] == '-' || in_list(t, subs)) {
			continue;
		}
		if (strstr(t, "://") != NULL || !(t[0] == '/' || t[0] == '~' ||
						   strncmp(t, "./", 2) == 0 ||
						   strncmp(t, "../", 3) == 0)) {
			return false;
		}
		n++;
	}
	return n > 0;
}

/* A source line for a local repository: "deb [trusted=yes] file:/tmp/repo ./". */
static bool
local_source(const char *rest)
{
	return strstr(rest, "file:") != NULL || strstr(rest, "copy:") != NULL;
}

/* Whether word T of command C is a flag that turns a check off for C's program. */
static bool
is_flag(const struct pl_sh_cmd *c, const char *t)
{
	for (size_t k = 0; k < sizeof(flags) / sizeof(flags[0]); k++) {
		if (pl_streq(t, flags[k].word) && runs(c, flags[k].progs)) {
			return !local_operands(c);
		}
	}
	return false;
}

/* A setting that turns a check off in TEXT[0..n): its offset and *LEN, or -1. */
static long
find_setting(const char *text, size_t n, size_t *len)
{
	struct pl_pkg_pairs pairs;

	if (!pl_pkg_has_separator(text, n)) {
		return -1;
	}
	pl_pkg_pairs_of(&pairs, text, n);
	for (size_t k = 0; k < sizeof(settings) / sizeof(settings[0]); k++) {
		long pos = pl_pkg_pairs_may_hold(&pairs, settings[k].key)
				   ? pl_pkg_find_setting(text, n, settings[k].key, settings[k].values,
							 len)
				   : -1;

		if (pos >= 0 && !(k >= LOCAL_OK && local_source(text + pos))) {
			return pos;
		}
	}
	return -1;
}

static void
check_command(struct pl_check *ck, const struct pl_sh_cmd *c)
{
	struct pl_pkg_writer wr;

	pl_pkg_writer_init(&wr, c);
	for (size_t a = c->prog + 1; a < c->argc; a++) {
		const struct pl_sh_word *w = &c->argv[a];
		const char *t = pl_pkg_written_text(&wr, a);
		size_t len;
		long pos;

		if (t == NULL) {
			continue;
		}
		if (is_flag(c, t)) {
			report(ck, w->off, w->end, "%s %s installs packages without checking their "
			       "signatures", c->prog_name, t);
		} else if ((pos = find_setting(t, strlen(t), &len)) >= 0) {
			report(ck, w->off, w->end, "'%.*s' turns off package signature checks",
			       (int)len, t + pos);
		}
	}
}

static void
check(struct pl_check *ck, const struct pl_df_model *m, size_t i)
{
	const struct pl_sh_script *sc = pl_df_script(m, i);
	const struct pl_df_instr *in = &m->file->instrs[i];

	for (size_t k = 0; k < sc->ncmds; k++) {
		check_command(ck, &sc->cmds[k]);
	}
	for (size_t h = 0; h < in->nheredocs; h++) {
		const char *line = in->heredocs[h].content;

		if (pl_pkg_heredocs_are_script(m, i)) {
			continue;
		}
		/* line by line: a source line and its options are on one line */
		while (*line != '\0') {
			size_t n = strcspn(line, "\n"), lead = strspn(line, " \t"), len;
			const char *one = pl_arena_strndup(m->arena, line, n);
			long pos = line[lead] == '#' || line[lead] == ';'
					   ? -1
					   : find_setting(one, n, &len);

			if (pos >= 0) {
				uint32_t off = in->heredocs[h].off +
					       (uint32_t)(line - in->heredocs[h].content + pos);

				report(ck, off, off + (uint32_t)len, "'%.*s' turns off package "
				       "signature checks", (int)len, one + pos);
			}
			line += n + (line[n] == '\n');
		}
	}
}

const struct pl_rule rule_df0031 = {
	.id = "DF0031",
	.name = "package-signature-check-disabled",
	.title = "Package signature checks are turned off",
	.severity = PL_SEV_HIGH,
	.category = "supply-chain",
	.why = "Package managers verify that packages and repository metadata are signed by "
	       "the distribution or vendor key; that check is what makes a mirror, a proxy or "
	       "plain HTTP safe to use. With it off, whoever can answer the package requests "
	       "(a compromised mirror, a network attacker, a typo in a repository URL) can "
	       "install any code in the image, running as root during the build.",
	.fix = "Remove the option or setting. For a third-party repository, download its "
	       "signing key, check the fingerprint, and reference it (`deb [signed-by=/usr/"
	       "share/keyrings/vendor.gpg] ...`, `gpgkey=` with `gpgcheck=1`, a key in "
	       "/etc/apk/keys); for a local package, verify its checksum before installing.",
	.bad = "FROM alpine:3.20\nRUN apk add --no-cache --allow-untrusted "
	       "--repository https://packages.example.com/alpine tool\n",
	.good = "FROM alpine:3.20\nCOPY vendor.rsa.pub /etc/apk/keys/\n"
		"RUN apk add --no-cache --repository https://packages.example.com/alpine tool\n",
	.refs = (const char *const[]){
		"https://wiki.debian.org/SecureApt",
		"https://wiki.alpinelinux.org/wiki/Alpine_Package_Keeper",
		"https://cwe.mitre.org/data/definitions/494.html",
		NULL },
	.peers = (const char *const[]){ "checkov:CKV2_DOCKER_7", "checkov:CKV2_DOCKER_8",
					 "checkov:CKV2_DOCKER_9", "checkov:CKV2_DOCKER_10",
					 "checkov:CKV2_DOCKER_11", NULL },
	.inputs = PL_IN_DOCKERFILE,
	.on_instr = PL_ON(PL_DF_RUN),
	.check_instr = check,
};
