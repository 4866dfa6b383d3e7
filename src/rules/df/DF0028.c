/*
 * DF0028 -- the base image tag is a moving name or an imprecise version.
 *
 * Reported, under the default "patch" policy: FROM images whose tag is a moving name
 * (`lts`, `stable`, `current`, `edge`, `mainline`, `nightly`, `rolling`, a variant alone
 * such as `alpine`, `slim` or `bookworm` on an application image) or a version without its
 * patch level (`node:20`, `python:3.12-slim`, `alpine:3`).
 * Not reported: images pinned by digest; untagged images and `latest` (DF0002 reports
 * those); `scratch`; earlier stages; references with an ARG whose value is unknown; tags
 * this rule cannot read (`8u402-b06`, `ltsc2022`, `python3.9-slim`, custom names), since
 * a guess would be a false positive.
 *
 * Policy for operating-system images: the release lines of Debian (`debian:12`,
 * `debian:bookworm-slim`), Ubuntu (`ubuntu:24.04`, `ubuntu:noble`), Alpine (`alpine:3.20`),
 * Fedora, CentOS, Rocky, Alma, Oracle and Amazon Linux, openSUSE Leap and Red Hat UBI are
 * accepted: their publishers update a release line only with security and bug fixes, and
 * they publish no finer tag that stays patched. Their moving names (`debian:stable`,
 * `debian:sid`, `alpine:edge`, `ubuntu:rolling`, `fedora:rawhide`) and tags coarser than a
 * release line (`alpine:3`) are reported. buildpack-deps, whose tags are Debian and Ubuntu
 * release names, follows the same policy.
 */
#include "rules/df/util.h"
#include "engine/config.h"
#include "core/str.h"

#include <string.h>

/* How precisely a tag names what it points at. */
enum tag_kind {
	TAG_UNKNOWN,      /* not a scheme this rule reads */
	TAG_MOVING,       /* a channel or a variant alone: lts, stable, alpine, bookworm */
	TAG_MAJOR,        /* 20, 20-alpine, alpine:3 */
	TAG_MINOR,        /* 3.12, 3.12-slim */
	TAG_RELEASE_LINE, /* an OS release line: debian:12, alpine:3.20, ubuntu:noble */
	TAG_PRECISE,      /* 3.12.4, 20.11.1-alpine3.19, a date stamp */
};

/* What a team accepts without a digest: `base_image_pin` of .plimsoll.yaml, "patch" by
 * default (engine/config.h). */
enum pin_policy {
	POLICY_TAG = PL_PIN_TAG,       /* any tag but a moving name */
	POLICY_PATCH = PL_PIN_PATCH,   /* a full version, or an OS release line */
	POLICY_DIGEST = PL_PIN_DIGEST, /* nothing without a digest */
};

struct distro {
	const char *name;
	int line_parts; /* numeric components of a release line: debian 12, alpine 3.20 */
};

static const struct distro distros[] = {
	{ "alpine", 2 },      { "debian", 1 },     { "ubuntu", 2 },      { "fedora", 1 },
	{ "centos", 1 },      { "rockylinux", 1 }, { "almalinux", 1 },   { "amazonlinux", 1 },
	{ "oraclelinux", 1 }, { "leap", 2 },       { "buildpack-deps", 1 },
};

static const char *const moving_words[] = {
	"latest", "lts", "stable", "current", "edge", "nightly", "rolling", "mainline",
	"testing", "unstable", "sid", "oldstable", "oldoldstable", "devel", "canary", "master",
	"main", "develop", "rawhide", "experimental", NULL,
};

/* Variant and distribution words that select a flavour, not a version. */
static const char *const variant_words[] = {
	"alpine", "slim", "bookworm", "bullseye", "buster", "stretch", "jessie", "trixie",
	"forky", "jammy", "noble", "focal", "bionic", "xenial", "jdk", "jre", "windowsservercore",
	"nanoserver", "fpm", "apache", "cli", "zts", "perl", "otel", "management", "full",
	"minimal", "headless", "musl", "glibc", "uclibc", "scm", "curl", "onbuild", NULL,
};

static bool
word_in(const char *w, size_t n, const char *const *list)
{
	for (; *list != NULL; list++) {
		if (strlen(*list) == n && strncmp(w, *list, n) == 0) {
			return true;
		}
	}
	return false;
}

static const struct distro *
find_distro(const char *repository)
{
	const char *last = strrchr(repository, '/');

	last = last != NULL ? last + 1 : repository;
	for (size_t k = 0; k < sizeof(distros) / sizeof(distros[0]); k++) {
		if (pl_streq(last, distros[k].name)) {
			return &distros[k];
		}
	}
	/* Red Hat UBI: ubi9, ubi9/ubi-minimal, ubi10-minimal; release lines are 9.4 */
	if (pl_starts_with(last, "ubi")) {
		static const struct distro ubi = { "ubi", 2 };

		return &ubi;
	}
	return NULL;
}

/* A tag that starts with a version: 3.12.4-slim, v1.2, 20240110. */
static enum tag_kind
classify_version(const char *t, const struct distro *d)
{
	int parts = 0;
	size_t first = strspn(t, "0123456789");

	/* six or more digits: a date or build stamp, not a semantic version */
	if (first >= 6) {
		return TAG_PRECISE;
	}
	while (*t >= '0' && *t <= '9') {
		t += strspn(t, "0123456789");
		parts++;
		if (t[0] == '.' && t[1] >= '0' && t[1] <= '9') {
			t++;
		} else {
			break;
		}
	}
	if (parts >= 3) {
		return TAG_PRECISE;
	}
	/* 1.22rc1, 8u402: a pre-release or a scheme of its own */
	if (*t != '\0' && *t != '-' && *t != '_') {
		return TAG_UNKNOWN;
	}
	if (d != NULL) {
		return parts >= d->line_parts ? TAG_RELEASE_LINE : TAG_MAJOR;
	}
	return parts == 1 ? TAG_MAJOR : TAG_MINOR;
}

/* A tag made of words: lts-alpine, bookworm-slim, stable-perl. */
static enum tag_kind
classify_words(const char *t, const struct distro *d)
{
	bool moving = false, all_variants = true, all_letters = true;

	while (*t != '\0') {
		size_t n = strcspn(t, "-_"), base = n, digits = 0;

		for (size_t k = 0; k < n; k++) {
			digits += t[k] >= '0' && t[k] <= '9';
		}
		/* a date stamp such as jammy-20240212 */
		if (digits == n && n >= 6) {
			return TAG_PRECISE;
		}
		/* alpine3.20: the variant with its own release */
		while (base > 0 && ((t[base - 1] >= '0' && t[base - 1] <= '9') ||
				    t[base - 1] == '.')) {
			base--;
		}
		all_letters = all_letters && digits == 0;
		if (word_in(t, n, moving_words)) {
			moving = true;
		} else if (base == 0 || !word_in(t, base, variant_words)) {
			all_variants = false;
		}
		t += n;
		t += *t != '\0';
	}
	if (moving) {
		return TAG_MOVING;
	}
	/* on an OS image a plain word is a release name: debian:bookworm, ubuntu:noble */
	if (d != NULL) {
		return all_letters ? TAG_RELEASE_LINE : TAG_UNKNOWN;
	}
	return all_variants ? TAG_MOVING : TAG_UNKNOWN;
}

static enum tag_kind
classify_tag(const char *repository, const char *tag)
{
	const struct distro *d = find_distro(repository);

	if (tag[0] == '\0') {
		return TAG_UNKNOWN;
	}
	if (tag[0] == 'v' && tag[1] >= '0' && tag[1] <= '9') {
		tag++;
	}
	if (tag[0] >= '0' && tag[0] <= '9') {
		return classify_version(tag, d);
	}
	return classify_words(tag, d);
}

/* Whether a tag of kind K, without a digest, breaks POLICY. */
static bool
floating_under(enum pin_policy p, enum tag_kind k)
{
	switch (p) {
	case POLICY_TAG:
		return k == TAG_MOVING;
	case POLICY_PATCH:
		return k == TAG_MOVING || k == TAG_MAJOR || k == TAG_MINOR;
	case POLICY_DIGEST:
		return true;
	}
	return false;
}

static const char *
explain(enum tag_kind k, bool os)
{
	switch (k) {
	case TAG_MOVING:
		return "is a moving name that points at a different release over time";
	case TAG_MAJOR:
		return os ? "names only a major release, which moves to each new release line"
			  : "names only a major version, which moves to every new minor and patch "
			    "release";
	case TAG_MINOR:
		return "names only major.minor, which moves to every new patch release";
	default:
		return "has no digest";
	}
}

static void
check(struct pl_check *ck, const struct pl_df_model *m, size_t i)
{
	const struct pl_df_instr *in = &m->file->instrs[i];
	const struct pl_stage *st = pl_df_stage_of(m, i);
	const struct pl_image_ref *b;
	const struct pl_df_word *w;
	struct pl_finding *f;
	enum tag_kind k;

	if (st == NULL || in->nargs == 0) {
		return;
	}
	b = &st->base;
	if (b->resolved == NULL || b->scratch || b->stage >= 0 || b->digest != NULL ||
	    b->tag == NULL || pl_streq(b->tag, "latest")) {
		return;
	}
	k = classify_tag(b->repository, b->tag);
	if (!floating_under((enum pin_policy)ck->cfg->pin_policy, k)) {
		return;
	}
	w = &in->args[0];
	f = pl_check_report(ck, w->off, w->end, "base image '%s': tag '%s' %s", b->resolved,
			    b->tag, explain(k, find_distro(b->repository) != NULL));
	if (f != NULL) {
		f->fix = pl_check_printf(ck, "Name the full version the image was tested with "
					 "(%s:<major.minor.patch>%s), or pin the digest "
					 "(%s:%s@sha256:...), and let a bot such as Renovate "
					 "propose updates.", b->repository,
					 k == TAG_MOVING ? "-<variant>" : "", b->repository,
					 b->tag);
	}
}

const struct pl_rule rule_df0028 = {
	.id = "DF0028",
	.name = "base-image-floating-tag",
	.title = "Base image tag is a moving name or an imprecise version",
	.severity = PL_SEV_LOW,
	.category = "supply-chain",
	.why = "A tag such as `node:20`, `python:3.12-slim` or `node:lts` is re-pointed by its "
	       "publisher at every release, so the same Dockerfile builds on different base "
	       "images from one week to the next: rebuilds are not reproducible, a new minor "
	       "version can change behaviour without any change in the repository, and "
	       "scanners cannot tell which image was audited. Operating-system release lines "
	       "(`debian:12`, `alpine:3.20`, `ubuntu:24.04`) are accepted, since their "
	       "publishers only add fixes to them.",
	.fix = "Name the full version (`node:20.11.1-alpine3.19`, `python:3.12.4-slim-bookworm`) "
	       "or, better, pin the digest as well (`python:3.12.4-slim@sha256:...`), and let "
	       "a bot such as Renovate or Dependabot propose updates so that patches still "
	       "arrive, through review.",
	.bad = "FROM python:3.12-slim\nCOPY app.py /app/\n",
	.good = "FROM python:3.12.4-slim\nCOPY app.py /app/\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/build/building/best-practices/#pin-base-image-versions",
		"https://docs.docker.com/reference/dockerfile/#from",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_DOCKERFILE,
	.on_instr = PL_ON(PL_DF_FROM),
	.check_instr = check,
};
