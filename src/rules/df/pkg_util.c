/*
 * pkg_util.c -- package-manager commands: install subcommands, package operands and their
 * version pins, and settings written as text.
 */
#include "rules/df/pkg_util.h"
#include "rules/df/util.h"
#include "core/buf.h"
#include "core/str.h"

#include <string.h>
#include <strings.h>

/* Options whose value is the next word when written apart ("-o X", "--virtual .deps"). */
static const char *const apt_value_opts[] = {
	"-o", "-c", "-t", "-a", "--option", "--config-file", "--target-release",
	"--default-release", "--host-architecture", NULL,
};
static const char *const apk_value_opts[] = {
	"-X", "-p", "-t", "--repository", "--root", "--virtual", "--arch", "--keys-dir",
	"--cache-dir", "--repositories-file", "--progress-fd", "--cache-max-age", "--timeout",
	NULL,
};
static const char *const pip_value_opts[] = {
	"-r", "-c", "-e", "-i", "-f", "-t", "-C", "--requirement", "--constraint", "--editable",
	"--index-url", "--extra-index-url", "--find-links", "--trusted-host", "--target",
	"--prefix", "--root", "--src", "--upgrade-strategy", "--progress-bar", "--platform",
	"--python-version", "--implementation", "--abi", "--only-binary", "--no-binary",
	"--global-option", "--install-option", "--config-settings", "--log", "--proxy",
	"--retries", "--timeout", "--exists-action", "--cert", "--client-cert", "--cache-dir",
	"--report", "--python", "--root-user-action", "--use-feature", "--use-deprecated",
	"--keyring-provider", "--group", NULL,
};
static const char *const npm_value_opts[] = {
	"-w", "-C", "-F", "--prefix", "--registry", "--tag", "--cache", "--userconfig",
	"--globalconfig", "--workspace", "--omit", "--include", "--only", "--loglevel",
	"--install-strategy", "--save-prefix", "--before", "--fetch-retries", "--cwd",
	"--modules-folder", "--cache-folder", "--network-timeout", "--mutex", "--dir",
	"--filter", "--store-dir", NULL,
};
static const char *const gem_value_opts[] = {
	"-v", "-s", "-i", "-n", "-P", "-g", "--version", "--source", "--install-dir", "--bindir",
	"--platform", "--trust-policy", "--file", "--build-root", NULL,
};
/* Go build flags, written with one dash here; "--flag" is accepted too. */
static const char *const go_value_opts[] = {
	"-ldflags", "-gcflags", "-asmflags", "-tags", "-o", "-mod", "-modfile", "-p", "-pkgdir",
	"-toolexec", "-buildmode", "-compiler", "-gccgoflags", "-installsuffix", "-overlay",
	"-pgo", "-exec", "-C", "-covermode", "-coverpkg", NULL,
};

static const char *const *
value_opts(enum pl_pkg_mgr mgr)
{
	switch (mgr) {
	case PL_PKG_APT:
		return apt_value_opts;
	case PL_PKG_APK:
		return apk_value_opts;
	case PL_PKG_PIP:
		return pip_value_opts;
	case PL_PKG_NPM:
		return npm_value_opts;
	case PL_PKG_GEM:
		return gem_value_opts;
	case PL_PKG_GO:
		return go_value_opts;
	}
	return NULL;
}

static bool
in_list(const char *s, const char *const *list)
{
	for (; list != NULL && *list != NULL; list++) {
		if (pl_streq(s, *list)) {
			return true;
		}
	}
	return false;
}

/* True when option word W takes the next word as its value. */
static bool
takes_value(const char *w, enum pl_pkg_mgr mgr)
{
	if (strchr(w, '=') != NULL) {
		return false;
	}
	if (mgr == PL_PKG_GO && w[0] == '-' && w[1] == '-') {
		w++;
	}
	return in_list(w, value_opts(mgr));
}

static size_t
prog_of(const struct pl_sh_cmd *c)
{
	return c->prog_name != NULL ? c->prog : pl_sh_cmd_prog(c);
}

static const char *
prog_name(const struct pl_sh_cmd *c)
{
	size_t p;

	/* The model fills prog_name for every command it keeps: no need to recompute. */
	if (c->prog_name != NULL) {
		return c->prog_name;
	}
	p = prog_of(c);
	return p < c->argc ? pl_sh_basename(&c->argv[p]) : "";
}

/* The first word at index FROM or later that is not an option or an option's value. */
static size_t
next_operand(const struct pl_sh_cmd *c, size_t from, enum pl_pkg_mgr mgr)
{
	size_t i;

	for (i = from; i < c->argc; i++) {
		const char *w = c->argv[i].text;

		if (pl_streq(w, "--")) {
			return i + 1;
		}
		if (w[0] != '-' || w[1] == '\0') {
			return i;
		}
		if (takes_value(w, mgr)) {
			i++;
		}
	}
	return c->argc;
}

static bool
is_pip_name(const char *b)
{
	if (b[0] != 'p' || b[1] != 'i') {
		return false;
	}
	if (pl_streq(b, "pip") || pl_streq(b, "pip2") || pl_streq(b, "pip3")) {
		return true;
	}
	/* pip3.12: a version suffix of digits and dots only */
	return pl_starts_with(b, "pip3.") && b[5] != '\0' && strspn(b + 5, "0123456789.") ==
	       strlen(b + 5);
}

static bool
is_python_name(const char *b)
{
	return b[0] == 'p' && b[1] == 'y' && pl_starts_with(b, "python") && strspn(b + 6, "0123456789.") == strlen(b + 6);
}

size_t
pl_pkg_pip_sub(const struct pl_sh_cmd *c)
{
	size_t p = prog_of(c);
	const char *b = prog_name(c);

	if (p >= c->argc) {
		return c->argc;
	}
	if (is_pip_name(b)) {
		return next_operand(c, p + 1, PL_PKG_PIP);
	}
	if (is_python_name(b) && p + 2 < c->argc && pl_streq(c->argv[p + 1].text, "-m") &&
	    pl_streq(c->argv[p + 2].text, "pip")) {
		return next_operand(c, p + 3, PL_PKG_PIP);
	}
	return c->argc;
}

static bool
sub_is(const struct pl_sh_cmd *c, size_t sub, const char *const *names)
{
	return sub < c->argc && in_list(c->argv[sub].text, names);
}

size_t
pl_pkg_install_sub(const struct pl_sh_cmd *c, enum pl_pkg_mgr mgr)
{
	static const char *const npm_install[] = { "install", "i", "in", "ins", "inst", "insta",
						   "instal", "isnt", "isnta", "isntal", "isntall",
						   "add", NULL };
	const char *b = prog_name(c);
	size_t p = prog_of(c), sub;

	if (p >= c->argc) {
		return c->argc;
	}
	switch (mgr) {
	case PL_PKG_APT:
		if (strcmp(b, "apt-get") != 0 && strcmp(b, "apt") != 0) {
			return c->argc;
		}
		sub = next_operand(c, p + 1, mgr);
		return sub_is(c, sub, (const char *const[]){ "install", NULL }) ? sub : c->argc;
	case PL_PKG_APK:
		if (strcmp(b, "apk") != 0) {
			return c->argc;
		}
		sub = next_operand(c, p + 1, mgr);
		return sub_is(c, sub, (const char *const[]){ "add", NULL }) ? sub : c->argc;
	case PL_PKG_PIP:
		sub = pl_pkg_pip_sub(c);
		return sub_is(c, sub, (const char *const[]){ "install", NULL }) ? sub : c->argc;
	case PL_PKG_NPM:
		if (!pl_streq(b, "npm") && !pl_streq(b, "yarn") && !pl_streq(b, "pnpm")) {
			return c->argc;
		}
		sub = next_operand(c, p + 1, mgr);
		if (pl_streq(b, "npm")) {
			return sub_is(c, sub, npm_install) ? sub : c->argc;
		}
		if (pl_streq(b, "yarn") && sub_is(c, sub, (const char *const[]){ "global",
										   NULL })) {
			sub = next_operand(c, sub + 1, mgr);
		}
		if (pl_streq(b, "yarn") || pl_streq(b, "pnpm")) {
			return sub_is(c, sub, (const char *const[]){ "add", NULL }) ? sub : c->argc;
		}
		return c->argc;
	case PL_PKG_GEM:
		if (strcmp(b, "gem") != 0) {
			return c->argc;
		}
		sub = next_operand(c, p + 1, mgr);
		return sub_is(c, sub, (const char *const[]){ "install", "i", NULL }) ? sub
										       : c->argc;
	case PL_PKG_GO:
		if (strcmp(b, "go") != 0) {
			return c->argc;
		}
		sub = next_operand(c, p + 1, mgr);
		return sub_is(c, sub, (const char *const[]){ "install", "get", "run", NULL })
			       ? sub
			       : c->argc;
	}
	return c->argc;
}

/* A "--" among words FROM..K-1. */
static bool
after_dashes(const struct pl_sh_cmd *c, size_t from, size_t k)
{
	for (size_t i = from; i < k; i++) {
		if (pl_streq(c->argv[i].text, "--")) {
			return true;
		}
	}
	return false;
}

static bool
has_word(const struct pl_sh_cmd *c, size_t from, const char *const *names)
{
	for (size_t i = from; i < c->argc; i++) {
		const char *w = c->argv[i].text;

		for (const char *const *n = names; *n != NULL; n++) {
			size_t len = strlen(*n);

			if (pl_streq(w, *n) || (len > 2 && strncmp(w, *n, len) == 0 &&
						   w[len] == '=')) {
				return true;
			}
		}
	}
	return false;
}

static bool
is_local_path(const char *t)
{
	return t[0] == '.' || t[0] == '/' || t[0] == '~' || pl_starts_with(t, "file:");
}

static bool
is_archive(const char *t)
{
	static const char *const ext[] = { ".deb", ".apk", ".whl", ".tar.gz", ".tgz", ".tar.bz2",
					   ".tar.xz", ".tar", ".zip", ".gem", ".rpm", NULL };

	for (const char *const *e = ext; *e != NULL; e++) {
		if (pl_ends_with(t, *e)) {
			return true;
		}
	}
	return false;
}

/* The name part of a pip requirement: "Flask[async]" of "Flask[async]>=2". */
static size_t
pip_name_len(const char *t)
{
	return strcspn(t, "[=<>~!@; ");
}

static bool
pip_is_bootstrap(const char *t)
{
	static const char *const tools[] = { "pip", "setuptools", "wheel", NULL };
	size_t n = pip_name_len(t);

	for (const char *const *p = tools; *p != NULL; p++) {
		if (strlen(*p) == n && strncmp(t, *p, n) == 0) {
			return true;
		}
	}
	return false;
}

/* A version after '@' in npm: a semver, a range or an exact version. */
static enum pl_pkg_pin
npm_spec(const char *spec)
{
	if (spec[0] == '\0' || pl_streq(spec, "latest") || pl_streq(spec, "*") ||
	    pl_streq(spec, "x")) {
		return PL_PIN_NONE;
	}
	if ((spec[0] >= '0' && spec[0] <= '9') || strchr("^~=<>", spec[0]) != NULL ||
	    (spec[0] == 'v' && spec[1] >= '0' && spec[1] <= '9')) {
		return PL_PIN_VERSION;
	}
	/* a dist-tag such as "next" or an alias "npm:other@1": the registry decides */
	return PL_PIN_UNKNOWN;
}

/* -1: not a registry package; otherwise an enum pl_pkg_pin. */
static int
classify_npm(const char *t)
{
	const char *at;

	if (is_local_path(t) || is_archive(t) || pl_starts_with(t, "http://") ||
	    pl_starts_with(t, "https://")) {
		return -1;
	}
	if (pl_starts_with(t, "git+") || pl_starts_with(t, "git://") ||
	    pl_starts_with(t, "git@") || pl_starts_with(t, "github:") ||
	    pl_starts_with(t, "gitlab:") || pl_starts_with(t, "bitbucket:") ||
	    pl_starts_with(t, "gist:") || (t[0] != '@' && strchr(t, '/') != NULL)) {
		/* a repository: "#commit" or "#semver:..." chooses the revision, else the
		 * default branch moves */
		return strchr(t, '#') != NULL ? PL_PIN_UNKNOWN : PL_PIN_NONE;
	}
	at = strchr(t + 1, '@');
	return at == NULL ? PL_PIN_NONE : (int)npm_spec(at + 1);
}

static int
classify_go(const char *t, const char *sub)
{
	const char *at = strchr(t, '@'), *v;
	size_t first = strcspn(t, "/@");

	if (is_local_path(t) || pl_ends_with(t, ".go") || pl_streq(t, "all") ||
	    pl_streq(t, "std") || pl_streq(t, "cmd") || pl_streq(t, "tool")) {
		return -1;
	}
	/* a remote module path starts with a domain name ("github.com/..."); other paths
	 * belong to the main module, whose go.mod fixes the versions */
	if (memchr(t, '.', first) == NULL) {
		return -1;
	}
	if (at == NULL) {
		/* go get resolves the newest version; go install and go run without a version
		 * use the main module's go.mod (or fail outside a module) */
		return pl_streq(sub, "get") ? PL_PIN_NONE : -1;
	}
	v = at + 1;
	if (pl_streq(v, "none")) {
		return -1;
	}
	if (pl_streq(v, "latest") || pl_streq(v, "upgrade") || pl_streq(v, "patch") ||
	    pl_streq(v, "master") || pl_streq(v, "main") || pl_streq(v, "HEAD") ||
	    v[0] == '\0') {
		return PL_PIN_NONE;
	}
	if (v[0] == 'v' && v[1] >= '0' && v[1] <= '9') {
		return PL_PIN_VERSION;
	}
	/* a commit hash or another branch name */
	return PL_PIN_UNKNOWN;
}

/* -1: not a registry package; otherwise an enum pl_pkg_pin. */
static int
classify(const struct pl_sh_cmd *c, size_t k, enum pl_pkg_mgr mgr, size_t sub)
{
	const struct pl_sh_word *w = &c->argv[k];
	const char *t = w->text;

	if (t[0] == '\0') {
		return -1;
	}
	if (w->flags & (PL_SHW_EXPANSION | PL_SHW_GLOB)) {
		return PL_PIN_UNKNOWN;
	}
	switch (mgr) {
	case PL_PKG_APT:
		if (is_archive(t) || is_local_path(t)) {
			return -1;
		}
		if (strchr(t, '=') != NULL) {
			return PL_PIN_VERSION;
		}
		/* a quoted pattern that apt matches against package names */
		if (strpbrk(t, "*?[^$") != NULL) {
			return PL_PIN_UNKNOWN;
		}
		/* pkg/suite picks a release, not a version */
		return strchr(t, '/') != NULL ? PL_PIN_UNKNOWN : PL_PIN_NONE;
	case PL_PKG_APK:
		if (is_archive(t) || is_local_path(t) || strchr(t, '/') != NULL) {
			return -1;
		}
		return strpbrk(t, "=~<>") != NULL ? PL_PIN_VERSION : PL_PIN_NONE;
	case PL_PKG_PIP:
		/* git+https://host/repo.git@ref: without @ref the default branch moves */
		if (pl_starts_with(t, "git+") && strstr(t, "://") != NULL) {
			const char *path = strchr(strstr(t, "://") + 3, '/');

			return path != NULL && strchr(path, '@') != NULL ? PL_PIN_UNKNOWN
									 : PL_PIN_NONE;
		}
		if (is_local_path(t) || is_archive(t) || strstr(t, "://") != NULL ||
		    strchr(t, '/') != NULL) {
			return -1;
		}
		/* "name @ url": a direct reference */
		if (k + 1 < c->argc && pl_streq(c->argv[k + 1].text, "@")) {
			return PL_PIN_VERSION;
		}
		return strpbrk(t, "=<>~!@") != NULL ? PL_PIN_VERSION : PL_PIN_NONE;
	case PL_PKG_NPM:
		return classify_npm(t);
	case PL_PKG_GEM:
		if (is_local_path(t) || is_archive(t) || strchr(t, '/') != NULL) {
			return -1;
		}
		return strchr(t, ':') != NULL ? PL_PIN_VERSION : PL_PIN_NONE;
	case PL_PKG_GO:
		return classify_go(t, c->argv[sub].text);
	}
	return -1;
}

size_t
pl_pkg_operands(const struct pl_sh_cmd *c, enum pl_pkg_mgr mgr, size_t sub, struct pl_arena *a,
		struct pl_pkg_operand **out)
{
	size_t k, n = 0;
	bool all_pinned = false, all_unknown = false, upgrade = false, global = false;
	struct pl_pkg_operand *ops;

	*out = NULL;
	if (sub >= c->argc) {
		return 0;
	}
	ops = pl_arena_alloc(a, (c->argc + 1) * sizeof(*ops));
	switch (mgr) {
	case PL_PKG_PIP:
		/* a constraints file may pin every package named here */
		all_unknown = has_word(c, sub + 1, (const char *const[]){ "-c", "--constraint",
									   NULL });
		upgrade = has_word(c, sub + 1, (const char *const[]){ "-U", "--upgrade", NULL });
		break;
	case PL_PKG_NPM:
		global = has_word(c, sub + 1, (const char *const[]){ "-g", "--global", NULL });
		break;
	case PL_PKG_GEM:
		all_pinned = has_word(c, sub + 1, (const char *const[]){ "-v", "--version", NULL });
		break;
	default:
		break;
	}
	for (k = next_operand(c, sub + 1, mgr); k < c->argc; k = next_operand(c, k + 1, mgr)) {
		const char *t = c->argv[k].text;
		int pin;

		/* gem install NAME -- BUILD-FLAGS: the rest goes to the extension's build */
		if (mgr == PL_PKG_GEM && after_dashes(c, sub + 1, k)) {
			break;
		}
		pin = classify(c, k, mgr, sub);

		if (pin < 0) {
			continue;
		}
		if (mgr == PL_PKG_PIP && upgrade && pip_is_bootstrap(t)) {
			continue;
		}
		if (mgr == PL_PKG_NPM && global && strncmp(t, "npm", 3) == 0 &&
		    (t[3] == '\0' || t[3] == '@')) {
			continue;
		}
		if (mgr == PL_PKG_PIP && k + 2 < c->argc && pl_streq(c->argv[k + 1].text, "@")) {
			/* skip the "@ url" of a direct reference */
			ops[n].word = &c->argv[k];
			ops[n++].pin = PL_PIN_VERSION;
			k += 2;
			continue;
		}
		ops[n].word = &c->argv[k];
		ops[n++].pin = all_pinned ? PL_PIN_VERSION : all_unknown ? PL_PIN_UNKNOWN
									 : (enum pl_pkg_pin)pin;
		/* go run: the words after the package are the program's arguments */
		if (mgr == PL_PKG_GO && pl_streq(c->argv[sub].text, "run")) {
			break;
		}
	}
	if (mgr == PL_PKG_GO && pl_streq(c->argv[sub].text, "run") && n == 1 &&
	    ops[0].pin != PL_PIN_NONE) {
		n = 0;
	}
	*out = ops;
	return n;
}

/* Writes T with the user information of a URL ("user:token@") replaced, so that a
 * credential in a package URL never reaches a report. */
static void
add_redacted(struct pl_buf *b, const char *t)
{
	const char *scheme = strstr(t, "://"), *host, *at, *slash;

	if (scheme == NULL) {
		pl_buf_adds(b, t);
		return;
	}
	host = scheme + 3;
	slash = host + strcspn(host, "/?#");
	at = memchr(host, '@', (size_t)(slash - host));
	if (at == NULL) {
		pl_buf_adds(b, t);
		return;
	}
	pl_buf_add(b, t, (size_t)(host - t));
	pl_buf_adds(b, "***");
	pl_buf_adds(b, at);
}

/* The package name of operand T without its version part, for fix hints. */
static const char *
base_name(struct pl_check *ck, enum pl_pkg_mgr mgr, const char *t)
{
	size_t n;

	switch (mgr) {
	case PL_PKG_NPM:
		n = t[0] == '@' ? 1 + strcspn(t + 1, "@") : strcspn(t, "@");
		break;
	case PL_PKG_GO:
		n = strcspn(t, "@");
		break;
	case PL_PKG_PIP:
		n = pip_name_len(t);
		break;
	default:
		n = strlen(t);
		break;
	}
	return pl_check_printf(ck, "%.*s", (int)n, t);
}

void
pl_pkg_report_unpinned(struct pl_check *ck, const struct pl_df_model *m, size_t i,
		       enum pl_pkg_mgr mgr, const char *hint_pre, const char *hint_post)
{
	/* name three packages at most; the span shows the rest */
	enum { SHOWN = 3 };
	const struct pl_sh_script *sc = pl_df_script(m, i);

	for (size_t k = 0; k < sc->ncmds; k++) {
		const struct pl_sh_cmd *c = &sc->cmds[k];
		size_t sub = pl_pkg_install_sub(c, mgr), nops, nfloat = 0;
		const struct pl_sh_word *floating[SHOWN], *last = NULL;
		struct pl_pkg_operand *ops;
		struct pl_finding *f;
		struct pl_buf names, one;

		if (sub >= c->argc) {
			continue;
		}
		nops = pl_pkg_operands(c, mgr, sub, &ck->r->arena, &ops);
		for (size_t o = 0; o < nops; o++) {
			if (ops[o].pin == PL_PIN_NONE) {
				if (nfloat < SHOWN) {
					floating[nfloat] = ops[o].word;
				}
				last = ops[o].word;
				nfloat++;
			}
		}
		if (nfloat == 0) {
			continue;
		}
		pl_buf_init(&names);
		pl_buf_init(&one);
		for (size_t o = 0; o < nfloat && o < SHOWN; o++) {
			if (o > 0) {
				pl_buf_adds(&names, o + 1 == nfloat ? " and " : ", ");
			}
			pl_buf_addc(&names, '\'');
			add_redacted(&names, floating[o]->text);
			pl_buf_addc(&names, '\'');
		}
		if (nfloat > SHOWN) {
			pl_buf_printf(&names, " and %zu more", nfloat - SHOWN);
		}
		add_redacted(&one, base_name(ck, mgr, floating[0]->text));
		f = pl_check_report(ck, floating[0]->off, last->end, "%s %s of %s without a "
				    "version pin", mgr == PL_PKG_PIP ? "pip" : prog_name(c),
				    c->argv[sub].text, names.p);
		if (f != NULL) {
			f->fix = pl_check_printf(ck, "%s%s%s", hint_pre, one.p, hint_post);
		}
		pl_buf_finish(&names);
		pl_buf_finish(&one);
	}
}

size_t
pl_pkg_shell_script_word(const struct pl_sh_cmd *c)
{
	static const char *const shells[] = { "sh", "bash", "dash", "ash", "zsh", "ksh", NULL };
	size_t p = prog_of(c), i;
	bool dash_c = false;

	if (p >= c->argc || !in_list(prog_name(c), shells)) {
		return c->argc;
	}
	for (i = p + 1; i < c->argc; i++) {
		const char *t = c->argv[i].text;

		if (pl_streq(t, "--")) {
			i++;
			break;
		}
		if ((t[0] != '-' && t[0] != '+') || t[1] == '\0') {
			break;
		}
		if (t[1] == '-') {
			continue;
		}
		dash_c = dash_c || (t[0] == '-' && strchr(t + 1, 'c') != NULL);
		/* -o OPTION and -O SHOPT take the next word */
		if (strchr(t + 1, 'o') != NULL || strchr(t + 1, 'O') != NULL) {
			i++;
		}
	}
	return dash_c && i < c->argc ? i : c->argc;
}

bool
pl_pkg_falsy(const char *t)
{
	return pl_streq_ci(t, "false") || pl_streq(t, "0") || pl_streq_ci(t, "no") ||
	       pl_streq_ci(t, "off");
}

static bool
is_word_byte(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
	       ch == '_';
}

bool
pl_pkg_has_separator(const char *text, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		switch (text[i]) {
		case ' ': case '\t': case '"': case '\'': case '=': case ':':
			return true;
		default:
			break;
		}
	}
	return false;
}

static unsigned
pair_hash(char a, char b)
{
	unsigned x = (unsigned char)(a >= 'A' && a <= 'Z' ? a + 32 : a);
	unsigned y = (unsigned char)(b >= 'A' && b <= 'Z' ? b + 32 : b);

	return (x * 31u + y * 7u) & 255u;
}

void
pl_pkg_pairs_of(struct pl_pkg_pairs *p, const char *text, size_t n)
{
	memset(p, 0, sizeof(*p));
	for (size_t i = 0; i + 1 < n; i++) {
		unsigned h = pair_hash(text[i], text[i + 1]);

		p->bits[h >> 6] |= 1ull << (h & 63);
	}
}

bool
pl_pkg_pairs_may_hold(const struct pl_pkg_pairs *p, const char *key)
{
	for (size_t i = 0; key[i] != '\0' && key[i + 1] != '\0'; i++) {
		unsigned h = pair_hash(key[i], key[i + 1]);

		if (!(p->bits[h >> 6] & (1ull << (h & 63)))) {
			return false;
		}
	}
	return true;
}

long
pl_pkg_find_setting(const char *text, size_t n, const char *key, const char *const *values,
		    size_t *len)
{
	size_t klen = strlen(key), pos;
	/* Candidates start with the key's first byte in either case: found with memchr, which
	 * scans many bytes per step, before the full comparison. */
	char lo = (char)(key[0] >= 'A' && key[0] <= 'Z' ? key[0] + 32 : key[0]);
	char up = (char)(lo >= 'a' && lo <= 'z' ? lo - 32 : lo);

	/* The next occurrence of each case at or after pos (n when there is none), kept so
	 * that every byte is scanned once per case: linear even when one case is frequent
	 * and the other rare. */
	size_t na = 0, nb = up == lo ? n : 0;
	bool fresh_a = false, fresh_b = up == lo;

	if (klen == 0 || klen >= n) {
		return -1;
	}
	for (pos = 0; pos + klen <= n; pos++) {
		const char *hit;
		size_t v;

		if (!fresh_a || (na < n && na < pos)) {
			hit = memchr(text + pos, lo, n - pos);
			na = hit ? (size_t)(hit - text) : n;
			fresh_a = true;
		}
		if (!fresh_b || (nb < n && nb < pos)) {
			hit = memchr(text + pos, up, n - pos);
			nb = hit ? (size_t)(hit - text) : n;
			fresh_b = true;
		}
		pos = na < nb ? na : nb;
		if (pos >= n) {
			break;
		}
		if (pos + klen > n || strncasecmp(text + pos, key, klen) != 0) {
			continue;
		}
		/* "repo_gpgcheck" is another key; "\ngpgcheck" in printf text is not */
		if (pos > 0 && is_word_byte(key[0]) && is_word_byte(text[pos - 1]) &&
		    !(pos > 1 && text[pos - 2] == '\\' && strchr("nt", text[pos - 1]) != NULL)) {
			continue;
		}
		v = pos + klen;
		/* at least one separator: "gpgcheck=0", "Verify-Peer \"false\"" */
		if (v >= n || strchr(" \t\"'=:", text[v]) == NULL) {
			continue;
		}
		while (v < n && strchr(" \t\"'=:", text[v]) != NULL && text[v] != '\0') {
			v++;
		}
		for (const char *const *val = values; *val != NULL; val++) {
			size_t vl = strlen(*val);

			if (v + vl <= n && strncasecmp(text + v, *val, vl) == 0 &&
			    (v + vl == n || !is_word_byte(text[v + vl]))) {
				*len = v + vl - pos;
				return (long)pos;
			}
		}
	}
	return -1;
}

void
pl_pkg_writer_init(struct pl_pkg_writer *wr, const struct pl_sh_cmd *c)
{
	static const char *const readers[] = { "grep", "egrep", "fgrep", "test", "[", "[[",
					       NULL };
	const char *b = prog_name(c);

	wr->c = c;
	wr->reader = in_list(b, readers);
	wr->sed = pl_streq(b, "sed");
	wr->script_word = wr->reader ? c->argc : pl_pkg_shell_script_word(c);
}

const char *
pl_pkg_written_text(const struct pl_pkg_writer *wr, size_t w)
{
	const char *t = wr->c->argv[w].text;

	if (wr->reader || w == wr->script_word) {
		return NULL;
	}
	/* sed 's/gpgcheck=0/gpgcheck=1/': only the replacement is written */
	if (wr->sed && t[0] == 's' && t[1] != '\0' && !is_word_byte(t[1]) && t[1] != ' ' &&
	    t[1] != '\\') {
		char d = t[1];
		const char *mid = t + 2;

		while (*mid != '\0' && *mid != d) {
			mid += mid[0] == '\\' && mid[1] != '\0' ? 2 : 1;
		}
		return *mid == d ? mid + 1 : t;
	}
	return t;
}

/* curl's short options that take a value: -o FILE, -H HEADER, -u USER ... */
static const char curl_short_values[] = "AbcCdDEeFHhKmoPQrTtUuwXxYyz";

static bool
is_null_device(const char *t)
{
	return pl_streq(t, "/dev/null");
}

void
pl_pkg_curl_opts(const struct pl_sh_cmd *c, struct pl_pkg_curl *out)
{
	size_t i;

	memset(out, 0, sizeof(*out));
	for (i = prog_of(c) + 1; i < c->argc; i++) {
		const struct pl_sh_word *w = &c->argv[i];
		const char *t = w->text;

		if (pl_streq(t, "--")) {
			break;
		}
		if (t[0] != '-' || t[1] == '\0') {
			continue;
		}
		if (t[1] == '-') {
			const char *eq = strchr(t, '=');
			size_t n = eq != NULL ? (size_t)(eq - t) : strlen(t);

			if ((n == 6 && strncmp(t, "--fail", n) == 0) ||
			    (n == 16 && strncmp(t, "--fail-with-body", n) == 0)) {
				out->fail = true;
			} else if (n == 10 && strncmp(t, "--insecure", n) == 0) {
				out->insecure = w;
			} else if (n == 11 && strncmp(t, "--write-out", n) == 0) {
				out->write_out = true;
			} else if ((n == 13 && strncmp(t, "--remote-name", n) == 0) ||
				   (n == 17 && strncmp(t, "--remote-name-all", n) == 0)) {
				out->to_file = true;
			} else if (n == 8 && strncmp(t, "--output", n) == 0) {
				const char *v = eq != NULL ? eq + 1
					      : i + 1 < c->argc ? c->argv[i + 1].text : "";

				out->to_file = out->to_file || (v[0] != '\0' && !is_null_device(v));
			}
			continue;
		}
		for (size_t j = 1; t[j] != '\0'; j++) {
			if (t[j] == 'f') {
				out->fail = true;
			} else if (t[j] == 'k') {
				out->insecure = w;
			} else if (t[j] == 'O') {
				out->to_file = true;
			} else if (strchr(curl_short_values, t[j]) != NULL) {
				const char *v = t[j + 1] != '\0' ? t + j + 1
					      : i + 1 < c->argc ? c->argv[i + 1].text : "";

				if (t[j] == 'o') {
					out->to_file = out->to_file ||
						       (v[0] != '\0' && !is_null_device(v));
				} else if (t[j] == 'w') {
					out->write_out = true;
				}
				/* the value is the rest of the word or the next word */
				i += t[j + 1] == '\0';
				break;
			}
		}
	}
	/* > FILE, 1> FILE, >> FILE: standard output saved to a file */
	for (i = 0; i < c->nredirs; i++) {
		const char *r = c->redirs[i].text;

		r += r[0] == '1';
		if (r[0] != '>' || r[1] == '&') {
			continue;
		}
		r += 1 + (r[1] == '>' || r[1] == '|');
		r += strspn(r, " \t");
		if (*r != '\0' && !is_null_device(r)) {
			out->to_file = true;
		}
	}
}

bool
pl_pkg_heredocs_are_script(const struct pl_df_model *m, size_t i)
{
	static const char *const shells[] = { "sh", "bash", "dash", "ash", "zsh", "ksh", NULL };
	const char *p = m->file->instrs[i].rest;

	/* The first word that is not a heredoc marker (<<EOT, <<-'EOT', 3<<EOT) decides:
	 * none, or a shell, runs the body; any other command reads it as data. */
	for (;;) {
		const char *marker;
		size_t n;

		p += strspn(p, " \t");
		n = strcspn(p, " \t");
		if (n == 0) {
			return true;
		}
		marker = strstr(p, "<<");
		if (marker != NULL && (size_t)(marker - p) < n &&
		    strspn(p, "0123456789") == (size_t)(marker - p)) {
			p += n;
			continue;
		}
		for (const char *const *sh = shells; *sh != NULL; sh++) {
			const char *base = p, *slash;

			while ((slash = memchr(base, '/', n - (size_t)(base - p))) != NULL) {
				base = slash + 1;
			}
			if (strlen(*sh) == n - (size_t)(base - p) &&
			    strncmp(base, *sh, strlen(*sh)) == 0) {
				return true;
			}
		}
		return false;
	}
}

long
pl_pkg_heredoc_find(const struct pl_df_heredoc *h, const char *key, const char *const *values,
		    size_t *len)
{
	const char *line = h->content;

	while (*line != '\0') {
		size_t n = strcspn(line, "\n"), lead = strspn(line, " \t");
		long pos;

		if (line[lead] != '#' && line[lead] != ';' &&
		    (pos = pl_pkg_find_setting(line, n, key, values, len)) >= 0) {
			return (long)h->off + (long)(line - h->content) + pos;
		}
		line += n + (line[n] == '\n');
	}
	return -1;
}
