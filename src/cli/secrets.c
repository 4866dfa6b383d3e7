/*
 * secrets.c -- `plimsoll secrets`: find credentials in a tree of files (or in a git
 * repository's history) and report them like `plimsoll scan` reports findings.
 *
 * The walk honours .gitignore (through libgit2, when the tree is inside a git work tree)
 * unless --all, skips .git, symbolic links, binary files (a NUL byte in the first 8 KiB)
 * and files over PL_SECRETS_MAX_FILE_BYTES. libgit2 is loaded only here, on first use
 * (secrets/git_dl.h); without it the walk takes every file and says so, and --history
 * fails. Files are read by a few worker threads, each with its own scanner and report;
 * the reports are merged, sorted and written by the same output formats as `plimsoll
 * scan`, each detector appearing as a rule (SEC0001...).
 * No output ever holds a whole secret: messages show it redacted, source lines masked.
 */
#define _GNU_SOURCE /* memmem */
#include "cli/cli.h"
#include "core/limits.h"
#include "core/source.h"
#include "core/str.h"
#include "core/xalloc.h"
#include "engine/output.h"
#include "secrets/git_dl.h"
#include "secrets/history.h"
#include "secrets/secrets.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static int run(int argc, char **argv);

const struct pl_cmd pl_cmd_secrets = {
	.name = "secrets",
	.args = "[options] [PATH]...",
	.about = "Find credentials (tokens, keys, passwords) in files or in git history.",
	.help = "options:\n"
		"  --format FORMAT        text (default), json, sarif or markdown\n"
		"  --output FILE          write the report to FILE instead of standard output\n"
		"  --fail-on SEVERITY     exit 1 when a finding is at least SEVERITY: info, low,\n"
		"                         medium, high (default), critical, or never\n"
		"  --all                  also scan files that .gitignore excludes\n"
		"  --history              scan every blob of the git history instead of the\n"
		"                         work tree (PATH is inside the repository)\n"
		"  --print-patterns       print the detectors' regular expressions, one a line\n"
		"  --list                 print the detectors: id, severity, name and title\n"
		"  --no-color             no colour (also when NO_COLOR is set)\n"
		"  --quiet                findings only, no summary\n"
		"  --help                 this help\n"
		"\n"
		"Directories are walked without following symbolic links, skipping .git,\n"
		"binary files and files over 64 MiB. Secrets are shown redacted: their first\n"
		"characters and their length.\n"
		"\n"
		"libgit2 (for .gitignore and --history) is loaded when needed; set\n"
		"PLIMSOLL_LIBGIT2 to the file to load if it is not found.\n"
		"\n"
		"exit status: 0 clean or below the threshold, 1 findings at or above it,\n"
		"2 an input could not be read, 3 usage error.\n",
	.run = run,
};

/* Worker threads that read and scan files; more than the processors only adds
 * contention, and memory use grows with each (one scratch space and buffer apiece). */
enum { MAX_WORKERS = 8 };

/* Files up to this size are read into a reused buffer; larger ones are mapped. */
enum { READ_LIMIT = 1024 * 1024 };

struct file {
	char *path;
};

struct walker {
	struct file *files;
	size_t n, cap;
	const struct pl_git *git;
	git_repository *repo; /* NULL with --all or outside a work tree */
	const char *workdir;  /* the repository's work tree, absolute, ending in '/' */
	size_t skipped_links;
	int rc;
};

static void
push_file(struct walker *w, char *path)
{
	if (w->n == w->cap) {
		w->cap = w->cap ? w->cap * 2 : 256;
		w->files = pl_xrealloc(w->files, w->cap * sizeof(*w->files));
	}
	w->files[w->n++].path = path;
}

/* Whether libgit2's ignore rules exclude PATH (relative to the current directory). */
static bool
ignored(struct walker *w, const char *path)
{
	char *abs;
	int ign = 0;
	size_t n;

	if (w->repo == NULL || (abs = realpath(path, NULL)) == NULL) {
		return false;
	}
	n = strlen(w->workdir);
	if (strncmp(abs, w->workdir, n) == 0 && abs[n] != '\0') {
		(void)w->git->ignore_path_is_ignored(&ign, w->repo, abs + n);
	}
	free(abs);
	return ign == 1;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
walk(struct walker *w, const char *dir, unsigned depth)
{
	struct dirent *de;
	char **names = NULL;
	size_t nn = 0, cap = 0, k, len = strlen(dir);
	DIR *d;

	if (depth > PL_MAX_WALK_DEPTH) {
		fprintf(stderr, "%s: warning: not descending further than %u directories\n", dir,
			PL_MAX_WALK_DEPTH);
		return;
	}
	d = opendir(dir);
	if (d == NULL) {
		fprintf(stderr, "%s: error: %s\n", dir, strerror(errno));
		w->rc = -1;
		return;
	}
	while ((de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0 ||
		    strcmp(de->d_name, ".git") == 0) {
			continue;
		}
		if (nn == cap) {
			cap = cap ? cap * 2 : 64;
			names = pl_xrealloc(names, cap * sizeof(*names));
		}
		names[nn++] = pl_xstrdup(de->d_name);
	}
	closedir(d);
	/* Sorted so that the order of files does not depend on the file system. */
	if (nn > 1) {
		qsort(names, nn, sizeof(*names), cmp_str);
	}
	for (k = 0; k < nn; k++) {
		char *path = pl_xmalloc(len + strlen(names[k]) + 2);
		struct stat st;

		if (len > 0 && dir[len - 1] == '/') {
			sprintf(path, "%s%s", dir, names[k]);
		} else {
			sprintf(path, "%s/%s", dir, names[k]);
		}
		free(names[k]);
		if (lstat(path, &st) != 0 || S_ISLNK(st.st_mode) ||
		    (!S_ISDIR(st.st_mode) && !S_ISREG(st.st_mode)) || ignored(w, path)) {
			w->skipped_links += S_ISLNK(st.st_mode) ? 1 : 0;
			free(path);
			continue;
		}
		if (S_ISDIR(st.st_mode)) {
			walk(w, path, depth + 1);
			free(path);
		} else if (w->n < PL_MAX_WALK_FILES) {
			push_file(w, path);
		} else {
			free(path);
		}
	}
	free(names);
}

/* Whether DIR or one of its parents holds a .git entry: what tells, without libgit2,
 * that its ignore rules would have mattered. */
static bool
in_git_tree(const char *dir)
{
	char *p = realpath(dir, NULL), *slash;
	bool found = false;
	struct stat st;

	while (p != NULL) {
		char *git = pl_xmalloc(strlen(p) + sizeof("/.git"));

		sprintf(git, "%s/.git", strcmp(p, "/") == 0 ? "" : p);
		found = lstat(git, &st) == 0;
		free(git);
		if (found || (slash = strrchr(p, '/')) == NULL || strcmp(p, "/") == 0) {
			break;
		}
		slash[slash == p ? 1 : 0] = '\0'; /* "/a" becomes "/", "/a/b" "/a" */
	}
	free(p);
	return found;
}

/* Opens the repository around PATH for its ignore rules; nothing when there is none.
 * Without libgit2 the tree is walked whole, with a warning when it is a git work tree. */
static void
open_repo(struct walker *w, const char *path)
{
	static bool warned;
	const char *why;

	if ((w->git = pl_git_load(&why)) == NULL) {
		if (!warned && in_git_tree(path)) {
			fprintf(stderr,
				"%s: warning: .gitignore is not honoured, every file is scanned: "
				"%s\n",
				path, why);
			warned = true;
		}
		return;
	}
	w->git->libgit2_init();
	if (w->git->repository_open_ext(&w->repo, path, 0, NULL) != 0 ||
	    w->git->repository_is_bare(w->repo)) {
		w->git->repository_free(w->repo);
		w->repo = NULL;
		w->git->libgit2_shutdown();
		return;
	}
	w->workdir = w->git->repository_workdir(w->repo);
}

struct worker {
	pthread_t thread;
	struct pl_report r;
	struct pl_secrets_scanner *sc;
	struct file *files;
	size_t nfiles;
	size_t *next; /* shared: index of the next file to take */
	char *buf;
	size_t cap;
	size_t binary, huge;
	/* Matches of the current file. */
	struct pl_secret_match *m;
	size_t nm, mcap, dropped;
};

static int
collect(void *arg, const struct pl_secret_match *m)
{
	struct worker *w = arg;

	if (w->nm == w->mcap) {
		w->mcap = w->mcap ? w->mcap * 2 : 16;
		w->m = pl_xrealloc(w->m, w->mcap * sizeof(*w->m));
	}
	w->m[w->nm++] = *m;
	return 0;
}

/* The text of the line that holds OFF, with every secret of MS on it masked: its first
 * characters kept as the redaction keeps them, the rest '*', one per code point so that
 * columns stay where they are. NULL when the line is too long to show. *LS receives the
 * line's start, so that findings on the same line share the result. */
static char *
masked_line(struct pl_arena *a, const char *buf, size_t len, size_t off,
	    const struct pl_secret_match *ms, size_t nm, size_t *ls_out)
{
	size_t ls = off, le = off, i, o, k, nov = 0;
	size_t from[64], to[64];
	char *out;

	while (ls > 0 && buf[ls - 1] != '\n') {
		ls--;
	}
	*ls_out = ls;
	while (le < len && buf[le] != '\n') {
		le++;
	}
	if (le > ls && buf[le - 1] == '\r') {
		le--;
	}
	if (le - ls > PL_SECRETS_MAX_SRC_LINE) {
		return NULL;
	}
	/* The secrets that touch this line; a line with more than fit is not shown. */
	for (k = 0; k < nm; k++) {
		size_t so = ms[k].secret_off, se = ms[k].secret_end;

		if (so < le && se > ls) {
			if (nov == sizeof(from) / sizeof(from[0])) {
				return NULL;
			}
			from[nov] = so + pl_secrets_visible(buf + so, se - so);
			to[nov++] = se;
		}
	}
	out = pl_arena_alloc_raw(a, le - ls + 1);
	for (i = ls, o = 0; i < le; i++) {
		bool hidden = false;

		for (k = 0; k < nov && !hidden; k++) {
			hidden = i >= from[k] && i < to[k];
		}
		if (!hidden) {
			out[o++] = buf[i];
		} else if (((unsigned char)buf[i] & 0xC0) != 0x80) {
			out[o++] = '*';
		}
	}
	out[o] = '\0';
	return out;
}

/* Turns the matches of one file (or blob) into findings of report R. PREFIX goes before
 * each message (the commit, for history). */
static void
add_findings(struct pl_report *r, const char *display, const char *buf, size_t len,
	     const struct pl_secret_match *ms, size_t nm, const char *suffix)
{
	size_t k, last_ls = SIZE_MAX, ls, cur_ls = 0, scanned = 0;
	const char *nl;
	char *last_line = NULL;

	for (k = 0; k < nm; k++) {
		const struct pl_secret_match *m = &ms[k];
		const struct pl_secret_detector *d = m->det;
		char red[PL_SECRETS_REDACT_SIZE];
		struct pl_finding *f;
		const char *line;
		uint64_t h;

		if (k >= PL_MAX_FINDINGS_PER_FILE) {
			r->dropped += nm - k;
			break;
		}
		pl_secrets_redact(buf + m->secret_off, m->secret_end - m->secret_off, red);
		f = pl_report_add(r);
		f->rule = pl_secrets_rule(d);
		f->severity = d->severity;
		f->file = pl_arena_strdup(&r->arena, display);
		f->line = m->line;
		f->col = m->col;
		f->end_line = m->end_line;
		f->end_col = m->end_col;
		f->message = pl_arena_printf(&r->arena, "%s: %s%s", d->title, red,
					     suffix != NULL ? suffix : "");
		f->evidence = pl_arena_strdup(&r->arena, red);
		/* The line's start, found forward from the previous match (matches come in
		 * order), so that a long line is not walked once per finding. */
		nl = memrchr(buf + scanned, '\n', m->secret_off - scanned);
		if (nl != NULL) {
			cur_ls = (size_t)(nl - buf) + 1;
		}
		scanned = m->secret_off;
		if (cur_ls != last_ls) {
			last_line = masked_line(&r->arena, buf, len, m->secret_off, ms, nm, &ls);
			last_ls = cur_ls;
		}
		f->src_line = last_line;
		/* The fingerprint hashes what is shown, never the secret itself. */
		line = f->src_line != NULL ? f->src_line : red;
		h = pl_hash64(d->id, strlen(d->id), 0);
		while (*line == ' ' || *line == '\t') {
			line++;
		}
		f->line_hash = pl_hash64(line, strlen(line), h);
	}
}

/* Reads PATH whole: into the worker's buffer, or mapped when large. Sets *DATA and *LEN;
 * *MAPPED tells the caller to munmap. Returns 0, 1 to skip the file, or -1 on error. */
static int
load(struct worker *w, const char *path, const char **data, size_t *len, bool *mapped)
{
	struct stat st;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	size_t n, got = 0;

	*mapped = false;
	if (fd < 0) {
		pl_report_error(&w->r, path, 0, 0, "cannot open: %s", strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return 1;
	}
	if ((uint64_t)st.st_size > PL_SECRETS_MAX_FILE_BYTES) {
		w->huge++;
		close(fd);
		return 1;
	}
	n = (size_t)st.st_size;
	if (n > READ_LIMIT) {
		void *p = mmap(NULL, n, PROT_READ, MAP_PRIVATE, fd, 0);

		close(fd);
		if (p == MAP_FAILED) {
			pl_report_error(&w->r, path, 0, 0, "cannot read: %s", strerror(errno));
			return -1;
		}
		(void)madvise(p, n, MADV_SEQUENTIAL);
		*data = p;
		*len = n;
		*mapped = true;
		return 0;
	}
	if (w->cap < n + 1) {
		w->cap = n + 1 > 65536 ? n + 1 : 65536;
		w->buf = pl_xrealloc(w->buf, w->cap);
	}
	while (got < n) {
		ssize_t k = read(fd, w->buf + got, n - got);

		if (k < 0 && errno == EINTR) {
			continue;
		}
		if (k < 0) {
			pl_report_error(&w->r, path, 0, 0, "cannot read: %s", strerror(errno));
			close(fd);
			return -1;
		}
		if (k == 0) {
			break; /* the file shrank while being read */
		}
		got += (size_t)k;
	}
	close(fd);
	*data = w->buf;
	*len = got;
	return 0;
}

static void
scan_file(struct worker *w, const char *path)
{
	const char *data = NULL, *display = path;
	size_t len = 0, probe;
	bool mapped;

	if (load(w, path, &data, &len, &mapped) != 0) {
		return;
	}
	probe = len < PL_SECRETS_BINARY_PROBE_BYTES ? len : PL_SECRETS_BINARY_PROBE_BYTES;
	if (memchr(data, '\0', probe) != NULL) {
		w->binary++;
	} else {
		w->r.files_scanned++;
		w->nm = 0;
		pl_secrets_scan(w->sc, data, len, collect, w, &w->dropped);
		w->r.dropped += w->dropped;
		/* "./config.env" reads as "config.env". */
		while (display[0] == '.' && display[1] == '/' && display[2] != '\0') {
			display += 2;
		}
		add_findings(&w->r, display, data, len, w->m, w->nm, NULL);
	}
	if (mapped) {
		munmap((void *)data, len);
	}
}

static void *
work(void *arg)
{
	struct worker *w = arg;
	size_t i;

	while ((i = __atomic_fetch_add(w->next, 1, __ATOMIC_RELAXED)) < w->nfiles) {
		scan_file(w, w->files[i].path);
	}
	return NULL;
}

static void
merge(struct pl_report *r, struct pl_report *from)
{
	size_t i;

	for (i = 0; i < from->nfindings; i++) {
		*pl_report_add(r) = from->findings[i];
	}
	for (i = 0; i < from->nerrors; i++) {
		const struct pl_file_error *e = &from->errors[i];

		pl_report_error(r, e->file, e->line, e->col, "%s", e->message);
	}
	r->files_scanned += from->files_scanned;
	r->dropped += from->dropped;
}

/* ---- history ---- */

struct history {
	struct pl_report *r;
	const char *root; /* the work tree, to tell whether a secret is still there */
	const struct pl_secret_match *m;
	size_t nm;
	/* Secrets already reported: detector, path and a hash of the value. */
	uint64_t *seen;
	size_t nseen, seencap;
};

/* Whether the secret S[0..n) is still in the work tree's file at PATH. */
static bool
in_work_tree(const char *root, const char *path, const char *s, size_t n)
{
	char *full = pl_xmalloc(strlen(root) + strlen(path) + 2);
	bool found = false;
	struct stat st;
	int fd;

	sprintf(full, "%s%s", root, path);
	fd = open(full, O_RDONLY | O_CLOEXEC);
	if (fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
	    (uint64_t)st.st_size <= PL_SECRETS_MAX_FILE_BYTES) {
		void *p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);

		if (p != MAP_FAILED) {
			found = memmem(p, (size_t)st.st_size, s, n) != NULL;
			munmap(p, (size_t)st.st_size);
		}
	}
	if (fd >= 0) {
		close(fd);
	}
	free(full);
	return found;
}

static int
on_history(void *arg, const struct pl_secrets_history_hit *h)
{
	struct history *hs = arg;
	const struct pl_secret_match *m = h->m;
	const char *s = h->blob + m->secret_off;
	size_t n = m->secret_end - m->secret_off, i;
	uint64_t key = pl_hash64(s, n, pl_hash64(h->path, strlen(h->path),
						 pl_hash64(m->det->id, 7, 0)));
	char date[32], suffix[160];
	time_t t = (time_t)h->author_time;
	struct tm tm;

	/* The oldest commit comes first; later revisions of the same secret add nothing. */
	for (i = 0; i < hs->nseen; i++) {
		if (hs->seen[i] == key) {
			return 0;
		}
	}
	if (hs->nseen == hs->seencap) {
		hs->seencap = hs->seencap ? hs->seencap * 2 : 64;
		hs->seen = pl_xrealloc(hs->seen, hs->seencap * sizeof(*hs->seen));
	}
	hs->seen[hs->nseen++] = key;
	gmtime_r(&t, &tm);
	strftime(date, sizeof(date), "%Y-%m-%d", &tm);
	snprintf(suffix, sizeof(suffix), " (commit %.12s, %s%s)", h->commit, date,
		 hs->root != NULL && in_work_tree(hs->root, h->path, s, n)
			 ? ""
			 : ", not in the work tree");
	add_findings(hs->r, h->path, h->blob, h->blob_len, m, 1, suffix);
	return 0;
}

static int
scan_history(struct pl_report *r, const char *path)
{
	struct pl_secrets_scanner *sc = pl_secrets_scanner_create(pl_secrets_default());
	struct history hs = { .r = r };
	git_repository *repo = NULL;
	const struct pl_git *git;
	const char *why;
	char *err = NULL;
	int rc;

	if ((git = pl_git_load(&why)) == NULL) {
		pl_report_error(r, path, 0, 0, "--history needs libgit2: %s", why);
		pl_secrets_scanner_destroy(sc);
		return -1;
	}
	git->libgit2_init();
	if (git->repository_open_ext(&repo, path, 0, NULL) == 0 && !git->repository_is_bare(repo)) {
		hs.root = git->repository_workdir(repo);
	}
	rc = pl_secrets_history(sc, path, on_history, &hs, &err);
	if (rc < 0) {
		pl_report_error(r, path, 0, 0, "%s", err);
		free(err);
	}
	r->files_scanned++;
	free(hs.seen);
	git->repository_free(repo);
	git->libgit2_shutdown();
	pl_secrets_scanner_destroy(sc);
	return rc < 0 ? -1 : 0;
}

static void
print_errors(const struct pl_report *r)
{
	for (size_t i = 0; i < r->nerrors; i++) {
		const struct pl_file_error *e = &r->errors[i];

		if (e->line > 0) {
			fprintf(stderr, "%s:%u:%u: error: %s\n", e->file, e->line, e->col, e->message);
		} else {
			fprintf(stderr, "%s: error: %s\n", e->file, e->message);
		}
	}
}

static char *
cwd(void)
{
	char *p = getcwd(NULL, 0);

	return p != NULL ? p : pl_xstrdup(".");
}

static int
run(int argc, char **argv)
{
	const struct pl_cmd *cmd = &pl_cmd_secrets;
	const struct pl_format *fmt = &pl_format_text;
	struct pl_out_opts oo = { .fail_on = PL_SEV_HIGH, .version = PL_VERSION };
	struct pl_cli_report ro = { .fmt = &pl_format_text, .oo = &oo };
	const char *output = NULL;
	char **paths = pl_xcalloc((size_t)argc + 1, sizeof(char *));
	size_t npaths = 0, i, nworkers = 0, next = 0, binary = 0, huge = 0;
	bool no_color = false, all = false, history = false, only_paths = false;
	struct worker workers[MAX_WORKERS];
	struct walker wk = { 0 };
	struct pl_report r;
	FILE *out = stdout;
	int rc = PL_EXIT_OK, o;

	for (int k = 1; k < argc; k++) {
		const char *a = argv[k];

		if (only_paths || a[0] != '-') {
			paths[npaths++] = argv[k];
		} else if (strcmp(a, "--") == 0) {
			only_paths = true;
		} else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			pl_cli_help(cmd, stdout);
			goto done_early;
		} else if (strcmp(a, "--print-patterns") == 0) {
			for (i = 0; i < pl_secret_ndetectors; i++) {
				puts(pl_secrets_hs_pattern(&pl_secret_detectors[i]));
			}
			goto done_early;
		} else if (strcmp(a, "--list") == 0) {
			for (i = 0; i < pl_secret_ndetectors; i++) {
				const struct pl_secret_detector *d = &pl_secret_detectors[i];

				printf("%s  %-8s  %-36s  %s\n", d->id, pl_severity_name(d->severity),
				       d->name, d->title);
			}
			goto done_early;
		} else if (strcmp(a, "--all") == 0) {
			all = true;
		} else if (strcmp(a, "--history") == 0) {
			history = true;
		} else if ((o = pl_cli_report_opt(cmd, argc, argv, &k, &ro)) != 0) {
			if (o < 0) {
				rc = -o;
				goto done_early;
			}
		} else {
			rc = pl_cli_usage_error(cmd, "unknown option '%s'", a);
			goto done_early;
		}
	}
	fmt = ro.fmt;
	output = ro.output;
	no_color = ro.no_color;
	if (npaths == 0) {
		paths[npaths++] = ".";
	}
	pl_report_init(&r);
	if (history) {
		for (i = 0; i < npaths; i++) {
			if (scan_history(&r, paths[i]) != 0) {
				rc = PL_EXIT_INPUT;
			}
		}
	} else {
		long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
		pthread_t started[MAX_WORKERS];
		size_t nstarted = 0;

		for (i = 0; i < npaths; i++) {
			struct stat st;

			if (stat(paths[i], &st) != 0) {
				pl_report_error(&r, paths[i], 0, 0, "%s", strerror(errno));
				continue;
			}
			if (!S_ISDIR(st.st_mode)) {
				push_file(&wk, pl_xstrdup(paths[i]));
				continue;
			}
			if (!all) {
				open_repo(&wk, paths[i]);
			}
			walk(&wk, paths[i], 0);
			if (wk.repo != NULL) {
				wk.git->repository_free(wk.repo);
				wk.repo = NULL;
				wk.git->libgit2_shutdown();
			}
		}
		if (wk.rc != 0) {
			rc = PL_EXIT_INPUT;
		}
		nworkers = ncpu > 1 ? (size_t)ncpu : 1;
		if (nworkers > MAX_WORKERS) {
			nworkers = MAX_WORKERS;
		}
		if (nworkers > wk.n) {
			nworkers = wk.n > 0 ? wk.n : 1;
		}
		for (i = 0; i < nworkers; i++) {
			memset(&workers[i], 0, sizeof(workers[i]));
			pl_report_init(&workers[i].r);
			workers[i].sc = pl_secrets_scanner_create(pl_secrets_default());
			workers[i].files = wk.files;
			workers[i].nfiles = wk.n;
			workers[i].next = &next;
		}
		/* Worker 0 is this thread; a thread that cannot start leaves its share to the
		 * others, which take files from the same counter. */
		for (i = 1; i < nworkers; i++) {
			if (pthread_create(&workers[i].thread, NULL, work, &workers[i]) == 0) {
				started[nstarted++] = workers[i].thread;
			}
		}
		work(&workers[0]);
		for (i = 0; i < nstarted; i++) {
			pthread_join(started[i], NULL);
		}
		for (i = 0; i < nworkers; i++) {
			merge(&r, &workers[i].r);
			binary += workers[i].binary;
			huge += workers[i].huge;
		}
	}
	pl_report_sort(&r);
	print_errors(&r);
	if (!oo.quiet && (binary > 0 || huge > 0)) {
		fprintf(stderr, "plimsoll: skipped %zu binary file%s and %zu file%s over %u MiB\n",
			binary, binary == 1 ? "" : "s", huge, huge == 1 ? "" : "s",
			PL_SECRETS_MAX_FILE_BYTES >> 20);
	}
	if (output != NULL && (out = fopen(output, "w")) == NULL) {
		fprintf(stderr, "plimsoll: cannot write %s: %s\n", output, strerror(errno));
		rc = PL_EXIT_INPUT;
		goto done;
	}
	oo.color = fmt == &pl_format_text && pl_cli_use_color(out, no_color);
	oo.base_dir = cwd();
	if (fmt->write(out, &r, &oo) != 0 || fflush(out) != 0) {
		fprintf(stderr, "plimsoll: writing the report failed: %s\n", strerror(errno));
		rc = PL_EXIT_INPUT;
	}
	free((char *)oo.base_dir);
	if (out != stdout) {
		fclose(out);
	}
	if (rc == PL_EXIT_OK && r.nerrors > 0) {
		rc = PL_EXIT_INPUT;
	}
	if (rc == PL_EXIT_OK && oo.fail_on != PL_SEV_NEVER &&
	    pl_report_max_severity(&r) >= (int)oo.fail_on) {
		rc = PL_EXIT_FINDINGS;
	}
done:
	for (i = 0; i < nworkers; i++) {
		pl_secrets_scanner_destroy(workers[i].sc);
		free(workers[i].buf);
		free(workers[i].m);
		pl_report_finish(&workers[i].r);
	}
	for (i = 0; i < wk.n; i++) {
		free(wk.files[i].path);
	}
	free(wk.files);
	pl_report_finish(&r);
done_early:
	free(paths);
	return rc;
}
