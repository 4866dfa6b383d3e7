/*
 * DF0029 -- FROM depends on a global ARG that has no default.
 *
 * Reported: a FROM whose image reference uses a global ARG declared without a default
 * (`ARG BASE_IMAGE` then `FROM ${BASE_IMAGE}`, `FROM python:${VERSION}-slim`) when the
 * reference is not a valid image name with that ARG empty: the base image is then chosen
 * only by `--build-arg`, and a plain `docker build` fails. Reported once per FROM, even
 * when a value is passed to plimsoll with --build-arg, since the file itself has none.
 * Not reported: ARGs with a default; `${VAR:-default}` forms; ARGs whose empty value still
 * gives a valid name (`FROM busybox:stable${VARIANT}`), as BuildKit accepts them; the
 * automatic platform ARGs (TARGETARCH, BUILDPLATFORM, ...) that the builder always sets;
 * references that also use an ARG whose default is itself unknown.
 */
#include "rules/df/util.h"
#include "core/buf.h"
#include "core/str.h"

#include <string.h>

/* Values the builder gives the automatic platform ARGs, to judge the rest of a name. */
static const char *const platform_values[][2] = {
	{ "TARGETPLATFORM", "linux/amd64" }, { "TARGETOS", "linux" }, { "TARGETARCH", "amd64" },
	{ "TARGETVARIANT", "" },             { "BUILDPLATFORM", "linux/amd64" },
	{ "BUILDOS", "linux" },              { "BUILDARCH", "amd64" }, { "BUILDVARIANT", "" },
};

struct probe {
	const struct pl_df_model *m;
	struct pl_buf names; /* "'A', 'B'": the ARGs without default that were used */
	size_t nnames;
	const char *first;   /* the first of them */
};

static const struct pl_kv *
find_global(const struct pl_df_model *m, const char *name, size_t n)
{
	for (const struct pl_kv *kv = m->global_args; kv != NULL; kv = kv->next) {
		if (strlen(kv->key) == n && strncmp(kv->key, name, n) == 0) {
			return kv;
		}
	}
	return NULL;
}

static enum pl_var_state
lookup(void *ud, const char *name, size_t n, const char **value)
{
	struct probe *p = ud;
	const struct pl_kv *kv = find_global(p->m, name, n);

	if (kv == NULL) {
		return PL_VAR_UNSET;
	}
	if (kv->word == NULL) {
		for (size_t k = 0; k < sizeof(platform_values) / sizeof(platform_values[0]); k++) {
			if (strlen(platform_values[k][0]) == n &&
			    strncmp(platform_values[k][0], name, n) == 0) {
				*value = platform_values[k][1];
				return PL_VAR_SET;
			}
		}
		return PL_VAR_UNKNOWN;
	}
	if (strchr(kv->word->s, '=') == NULL) {
		/* no default in the file: a plain build gives it the empty value */
		const char *quoted = pl_arena_printf(p->m->arena, "'%s'", kv->key);

		if (strstr(p->names.p != NULL ? p->names.p : "", quoted) == NULL) {
			pl_buf_printf(&p->names, "%s'%s'", p->nnames > 0 ? ", " : "", kv->key);
			p->nnames++;
			p->first = p->first != NULL ? p->first : kv->key;
		}
		*value = "";
		return PL_VAR_SET;
	}
	if (kv->value == NULL) {
		return PL_VAR_UNKNOWN;
	}
	*value = kv->value;
	return PL_VAR_SET;
}

static bool
alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/* A path component of a repository: lowercase alphanumerics joined by . _ or -. */
static bool
valid_component(const char *s, size_t n)
{
	if (n == 0 || !alnum(s[0]) || !alnum(s[n - 1])) {
		return false;
	}
	for (size_t k = 0; k < n; k++) {
		if (!alnum(s[k]) && strchr("._-", s[k]) == NULL) {
			return false;
		}
	}
	return true;
}

static bool
valid_tag(const char *s, size_t n)
{
	/* 128 bytes at most, the first a word character (Docker reference grammar) */
	if (n == 0 || n > 128 || s[0] == '.' || s[0] == '-') {
		return false;
	}
	for (size_t k = 0; k < n; k++) {
		char c = s[k];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      c == '_' || c == '.' || c == '-')) {
			return false;
		}
	}
	return true;
}

/* Whether REF is a valid image reference: [registry/]path[:tag][@algo:hex]. */
static bool
valid_reference(const char *ref)
{
	const char *at = strchr(ref, '@'), *end = at != NULL ? at : ref + strlen(ref);
	const char *p = ref, *colon = NULL, *slash = memchr(ref, '/', (size_t)(end - ref));

	if (at != NULL) {
		const char *d = at + 1, *c = strchr(d, ':');

		if (c == NULL || c == d || c[1] == '\0' || strspn(c + 1, "0123456789abcdef") !=
		    strlen(c + 1)) {
			return false;
		}
	}
	for (const char *q = ref; q < end; q++) {
		if (*q == '/') {
			colon = NULL;
		} else if (*q == ':') {
			colon = q;
		}
	}
	if (colon != NULL) {
		if (!valid_tag(colon + 1, (size_t)(end - colon - 1))) {
			return false;
		}
		end = colon;
	}
	/* a registry host may have dots, a port and upper case: only require it non-empty */
	if (slash != NULL && slash < end) {
		size_t n = (size_t)(slash - ref);

		if (n == 0) {
			return false;
		}
		if (memchr(ref, '.', n) || memchr(ref, ':', n) ||
		    (n == 9 && memcmp(ref, "localhost", 9) == 0)) {
			p = slash + 1;
		}
	}
	while (p <= end) {
		size_t n = strcspn(p, "/");

		if (p + n > end) {
			n = (size_t)(end - p);
		}
		if (!valid_component(p, n)) {
			return false;
		}
		p += n + 1;
	}
	return true;
}

static void
check(struct pl_check *ck, const struct pl_df_model *m, size_t i)
{
	const struct pl_df_instr *in = &m->file->instrs[i];
	struct probe p = { .m = m };
	struct pl_shlex_opts o = { .escape = m->file->escape, .lookup = lookup, .ud = &p };
	const struct pl_df_word *w;
	struct pl_finding *f;
	const char *err;
	bool unknown = false;
	char *out;

	if (in->nargs == 0 || strchr(in->args[0].s, '$') == NULL) {
		return;
	}
	w = &in->args[0];
	pl_buf_init(&p.names);
	if (pl_shlex_word(w->s, w->n, &o, &ck->r->arena, &out, &unknown, &err) == 0 &&
	    !unknown && p.nnames > 0 && !valid_reference(out)) {
		f = pl_check_report(ck, w->off, w->end, "the base image depends on ARG %s, which "
				    "has no default: it is chosen only by --build-arg, and a plain "
				    "build fails", p.names.p);
		if (f != NULL) {
			f->fix = pl_check_printf(ck, "Give the ARG a default before the first FROM "
						 "(`ARG %s=<value>`), or write one in place "
						 "(`${%s:-<value>}`).", p.first, p.first);
		}
	}
	pl_buf_finish(&p.names);
}

const struct pl_rule rule_df0029 = {
	.id = "DF0029",
	.name = "from-arg-without-default",
	.title = "FROM uses an ARG that has no default",
	.severity = PL_SEV_INFO,
	.category = "supply-chain",
	.why = "When the base image name comes from an ARG without a default, the Dockerfile "
	       "alone does not say what it builds on: every build script or CI job must pass "
	       "`--build-arg`, different callers can silently build on different images, and "
	       "a plain `docker build .` fails. Reviewers and scanners reading the file cannot "
	       "tell which base image ships.",
	.fix = "Declare the ARG with the default the project is tested with, before the first "
	       "FROM (`ARG PYTHON_VERSION=3.12.4`), so that `--build-arg` stays an explicit "
	       "override; or write the default in place with `${PYTHON_VERSION:-3.12.4}`.",
	.bad = "ARG PYTHON_VERSION\nFROM python:${PYTHON_VERSION}-slim\n",
	.good = "ARG PYTHON_VERSION=3.12.4\nFROM python:${PYTHON_VERSION}-slim\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/reference/dockerfile/"
		"#understand-how-arg-and-from-interact",
		"https://docs.docker.com/reference/build-checks/invalid-default-arg-in-from/",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_DOCKERFILE,
	.on_instr = PL_ON(PL_DF_FROM),
	.check_instr = check,
};
