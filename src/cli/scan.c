/*
 * scan.c -- `plimsoll scan`: find Dockerfiles, run every rule, write the report, and
 * turn the result into an exit code for CI.
 */
#include "cli/cli.h"
#include "core/limits.h"
#include "core/xalloc.h"
#include "engine/baseline.h"
#include "engine/config.h"
#include "engine/output.h"
#include "engine/run.h"
#include "model/image.h"

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int run(int argc, char **argv);
static int run_baseline(int argc, char **argv);

const struct pl_cmd pl_cmd_scan = {
	.name = "scan",
	.args = "[options] [PATH|-]...",
	.about = "Audit Dockerfiles, Compose files and Kubernetes manifests: a file, every one "
		 "below a directory, or standard input (-); and running containers from "
		 "`docker inspect` output.",
	.help = "options:\n"
		"  --format FORMAT        text (default), json, sarif or markdown (an audit report)\n"
		"  --output FILE          write the report to FILE instead of standard output\n"
		"  --fail-on SEVERITY     exit 1 when a finding is at least SEVERITY: info, low,\n"
		"                         medium, high (default), critical, or never\n"
		"  --stdin-filename NAME  the name to report for standard input (default: "
		"Dockerfile)\n"
		"  --target STAGE         the stage that is built (default: the last one)\n"
		"  --context DIR          the build context of the Dockerfiles (default: each\n"
		"                         Dockerfile's folder), read to judge what COPY takes\n"
		"  --build-arg NAME=VALUE a build argument, as for docker build (repeatable)\n"
		"  --config FILE          settings (default: .plimsoll.yaml found upward from the\n"
		"                         first path; --config none for the built-in defaults)\n"
		"  --baseline FILE        report only findings that FILE does not list (written by\n"
		"                         plimsoll baseline)\n"
		"  --inspect FILE|-       audit the containers described by FILE, the JSON that\n"
		"                         `docker inspect` prints (repeatable; without PATHs,\n"
		"                         only these are scanned)\n"
		"  -f, --file FILE        a Compose file of one project, as for docker compose -f\n"
		"                         (repeatable: later files override earlier ones; without\n"
		"                         PATHs, only this project is scanned)\n"
		"  --no-color             no colour (also when NO_COLOR is set)\n"
		"  --quiet                findings only, no summary\n"
		"  --help                 this help\n"
		"\n"
		"Directories are searched for Dockerfile, Containerfile, *.Dockerfile,\n"
		"Dockerfile.* and *.dockerfile (or with - or _ for the dot), for Compose files\n"
		"(compose.yaml, docker-compose.yml, ...) and for *.yaml, *.yml and *.json files\n"
		"that hold Kubernetes objects (apiVersion and kind), skipping .git and\n"
		"node_modules. Any other .yaml/.yml/.json file named on the command line is read\n"
		"by its content: Kubernetes, Compose, `docker inspect` output (as --inspect), or\n"
		"skipped with a note (Helm templates too). A folder's compose.yaml (or\n"
		"docker-compose.yml) and compose.override.yaml (or docker-compose.override.yml)\n"
		"are scanned together as the project Compose runs there: services merged, each\n"
		"finding in the file that sets the value. Services with profiles are scanned too.\n"
		"\n"
		"docker and podman command lines are audited in *.sh files, Makefile and *.mk\n"
		"recipes and the shell code blocks of *.md files (README.md, docs) that mention\n"
		"\"docker \" or \"podman \"; a script without an extension is read as one when\n"
		"named on the command line with a sh or bash shebang.\n"
		"\n"
		"Containers are audited without access to the Docker socket:\n"
		"  docker inspect $(docker ps -q) | plimsoll scan --inspect -\n"
		"\n"
		"exit status: 0 clean or below the threshold, 1 findings at or above it,\n"
		"2 an input could not be read or parsed, 3 usage error.\n",
	.run = run,
};

const struct pl_cmd pl_cmd_baseline = {
	.name = "baseline",
	.args = "[options] [PATH|-]...",
	.about = "Record the current findings in a baseline file, so that later scans with "
		 "--baseline report only new ones.",
	.help = "options:\n"
		"  --output FILE          the baseline to write (default: .plimsoll-baseline.json)\n"
		"  --config FILE, --target STAGE, --build-arg NAME=VALUE, --stdin-filename NAME,\n"
		"  --inspect FILE|-       as for scan\n"
		"  --help                 this help\n"
		"\n"
		"Findings are recorded by rule, file and the text of their line, so they stay\n"
		"known when lines move. Commit the file; review its changes like code.\n",
	.run = run_baseline,
};

/* Files per worker below which threads cost more than they save. */
enum { MIN_FILES_PER_WORKER = 16, MAX_WORKERS = 8 };

struct worker {
	pthread_t thread;
	struct pl_report r;
	char **files;
	size_t nfiles;
	atomic_size_t *next; /* the next file to take, shared by the workers */
	const char *stdin_name;
	const struct pl_scan_opts *so;
	char ***projects; /* per file: NULL, or the files of the Compose project it heads */
	const bool *skip; /* per file: scanned as part of another file's project */
};

/* PATH as shown: "./Dockerfile" reads as "Dockerfile". */
static const char *
shown(const char *path)
{
	while (path[0] == '.' && path[1] == '/' && path[2] != '\0') {
		path += 2;
	}
	return path;
}

/* Scans the Compose project made of FILES (NULL-terminated, the base first). */
static void
scan_project(struct worker *w, char **files)
{
	const char *display[PL_MAX_COMPOSE_FILES + 1];
	size_t n = 0;

	while (files[n] != NULL && n < PL_MAX_COMPOSE_FILES + 1) {
		display[n] = shown(files[n]);
		if (strcmp(files[n], "-") == 0) {
			display[n] = pl_cli_input_kind(w->stdin_name) == PL_IN_COMPOSE ?
					     w->stdin_name : "compose.yaml";
		}
		n++;
	}
	pl_scan_compose_files(&w->r, (const char *const *)files, display, n, w->so);
}

/* Takes files from the shared counter until none is left, into the worker's own report:
 * files differ in cost by a hundred times, so workers that take the next free file finish
 * together where fixed shares would not. */
static void *
work(void *arg)
{
	struct worker *w = arg;
	size_t i;

	while ((i = atomic_fetch_add_explicit(w->next, 1, memory_order_relaxed)) < w->nfiles) {
		const char *display = strcmp(w->files[i], "-") == 0 ? w->stdin_name : w->files[i];

		if (w->skip[i]) {
			continue;
		}
		if (w->projects[i] != NULL) {
			scan_project(w, w->projects[i]);
			continue;
		}

		/* "./Dockerfile" reads as "Dockerfile": drop a leading "./" for display. */
		while (display[0] == '.' && display[1] == '/' && display[2] != '\0') {
			display += 2;
		}
		/* Standard input is a Dockerfile unless --stdin-filename names a YAML file. */
		if (pl_cli_input_kind(display) == PL_IN_COMPOSE) {
			pl_scan_compose(&w->r, w->files[i], display, w->so);
		} else if (pl_cli_input_kind(display) == PL_IN_INSPECT) {
			pl_scan_inspect(&w->r, w->files[i], display, w->so);
		} else if (pl_cli_input_kind(display) == PL_IN_K8S) {
			pl_scan_k8s(&w->r, w->files[i], display, w->so);
		} else if (pl_cli_input_kind(display) == PL_IN_SCRIPT) {
			pl_scan_script(&w->r, w->files[i], display, w->so);
		} else {
			pl_scan_dockerfile(&w->r, w->files[i], display, w->so);
		}
	}
	return NULL;
}

/* Moves the findings and errors of a worker's report into R; their strings stay in the
 * worker's arena, which must outlive R's use. */
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
	for (i = 0; i < from->nnotes; i++) {
		pl_report_note(r, from->notes[i].file, "%s", from->notes[i].message);
	}
	r->files_scanned += from->files_scanned;
	r->dropped += from->dropped;
	r->suppressed += from->suppressed;
}

/* Scans FILES with up to one worker per processor, merging into R. W holds the workers,
 * whose reports the caller finishes after writing R. */
static size_t
scan_all(struct pl_report *r, struct worker *w, char **files, size_t nfiles,
	 const char *stdin_name, const struct pl_scan_opts *so, char ***projects, const bool *skip)
{
	long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	atomic_size_t next = 0;
	size_t n = ncpu > 1 ? (size_t)ncpu : 1, k;

	if (n > MAX_WORKERS) {
		n = MAX_WORKERS;
	}
	if (n > nfiles / MIN_FILES_PER_WORKER) {
		n = nfiles / MIN_FILES_PER_WORKER;
	}
	if (n < 1) {
		n = 1;
	}
	pl_engine_init();
	for (k = 0; k < n; k++) {
		pl_report_init(&w[k].r);
		w[k].files = files;
		w[k].nfiles = nfiles;
		w[k].next = &next;
		w[k].stdin_name = stdin_name;
		w[k].so = so;
		w[k].projects = projects;
		w[k].skip = skip;
	}
	/* Worker 0 is this thread; a thread that cannot start leaves its share to it. */
	for (k = 1; k < n; k++) {
		if (pthread_create(&w[k].thread, NULL, work, &w[k]) != 0) {
			break;
		}
	}
	work(&w[0]);
	for (size_t j = 1; j < k; j++) {
		pthread_join(w[j].thread, NULL);
	}
	for (size_t j = k; j < n; j++) {
		work(&w[j]);
	}
	for (k = 0; k < n; k++) {
		merge(r, &w[k].r);
	}
	return n;
}

/* The file names Compose reads from a folder by default, in its order of preference: the
 * first base file found, then the first override file found. */
static const char *const base_names[] = {
	"compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml", NULL
};
static const char *const override_names[] = {
	"compose.override.yml", "compose.override.yaml", "docker-compose.override.yml",
	"docker-compose.override.yaml", NULL
};

/* The rank of PATH's file name in NAMES, or -1. */
static int
rank(const char *path, const char *const *names)
{
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;

	for (int i = 0; names[i] != NULL; i++) {
		if (strcmp(base, names[i]) == 0) {
			return i;
		}
	}
	return -1;
}

static size_t
dir_len(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash != NULL ? (size_t)(slash - path) : 0;
}

static char **sort_files; /* for cmp_by_dir: qsort has no context argument */

static int
cmp_by_dir(const void *a, const void *b)
{
	const char *x = sort_files[*(const size_t *)a], *y = sort_files[*(const size_t *)b];
	size_t n = dir_len(x), m = dir_len(y);
	int c = memcmp(x, y, n < m ? n : m);

	return c != 0 ? c : n < m ? -1 : n > m ? 1 : 0;
}

/* Groups each folder's default Compose file with its override file, as `docker compose`
 * run in that folder reads them: PROJECTS[i] gets the pair for the base file, SKIP[k]
 * is set for the override. Other Compose files are scanned alone. */
static void
group_projects(char **files, size_t nfiles, char ***projects, bool *skip)
{
	size_t *idx = pl_xcalloc(nfiles + 1, sizeof(*idx)), n = 0, i, j;

	for (i = 0; i < nfiles; i++) {
		if (rank(files[i], base_names) >= 0 || rank(files[i], override_names) >= 0) {
			idx[n++] = i;
		}
	}
	sort_files = files;
	qsort(idx, n, sizeof(*idx), cmp_by_dir);
	for (i = 0; i < n; i = j) {
		long base = -1, over = -1;
		int br = 99, orank = 99;

		for (j = i; j < n && cmp_by_dir(&idx[i], &idx[j]) == 0; j++) {
			int b = rank(files[idx[j]], base_names), o = rank(files[idx[j]], override_names);

			if (b >= 0 && b < br) {
				br = b;
				base = (long)idx[j];
			}
			if (o >= 0 && o < orank) {
				orank = o;
				over = (long)idx[j];
			}
		}
		if (base >= 0 && over >= 0) {
			projects[base] = pl_xcalloc(3, sizeof(char *));
			projects[base][0] = files[base];
			projects[base][1] = files[over];
			skip[over] = true;
		}
	}
	free(idx);
}

static char *
cwd(void)
{
	size_t n = 256;
	char *p = pl_xmalloc(n);

	while (getcwd(p, n) == NULL) {
		if (errno != ERANGE || n > 65536) {
			strcpy(p, ".");
			return p;
		}
		n *= 2;
		p = pl_xrealloc(p, n);
	}
	return p;
}

static int
scan_main(int argc, char **argv, bool baseline_mode)
{
	const struct pl_cmd *cmd = baseline_mode ? &pl_cmd_baseline : &pl_cmd_scan;
	const struct pl_format *fmt = &pl_format_text;
	struct pl_out_opts oo = { .fail_on = PL_SEV_HIGH, .version = PL_VERSION };
	struct pl_cli_report ro = { .fmt = &pl_format_text, .oo = &oo };
	struct pl_scan_opts so = { 0 };
	struct pl_image_index images = { 0 };
	const char *output = NULL, *stdin_name = "Dockerfile", *v, *config_path = NULL;
	const char *baseline_path = NULL;
	struct pl_config cfg;
	struct pl_baseline *baseline = NULL;
	char *found = NULL;
	const char **build_args = pl_xcalloc((size_t)argc + 1, sizeof(char *));
	char **paths = pl_xcalloc((size_t)argc + 1, sizeof(char *));
	const char **inspects = pl_xcalloc((size_t)argc + 1, sizeof(char *));
	char **project = pl_xcalloc((size_t)argc + 1, sizeof(char *));
	char ***projects = NULL;
	bool *skip = NULL;
	size_t ninspects = 0, nstdin = 0, nproject = 0;
	bool stdin_named = false;
	char **files = NULL;
	size_t nfiles = 0, cap = 0, nbuild = 0, npaths = 0, i, nworkers = 0;
	struct worker workers[MAX_WORKERS];
	bool no_color = false, only_paths = false;
	struct pl_report r;
	FILE *out = stdout;
	int rc = PL_EXIT_OK, o;

	for (int k = 1; k < argc; k++) {
		const char *a = argv[k];

		if (only_paths || a[0] != '-' || strcmp(a, "-") == 0) {
			paths[npaths++] = argv[k];
			continue;
		}
		if (strcmp(a, "--") == 0) {
			only_paths = true;
		} else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			pl_cli_help(cmd, stdout);
			rc = PL_EXIT_OK;
			goto done_early;
		} else if ((o = pl_cli_report_opt(cmd, argc, argv, &k, &ro)) != 0) {
			if (o < 0) {
				rc = -o;
				goto done_early;
			}
		} else if ((o = pl_cli_opt_value(argc, argv, &k, "--stdin-filename", &v)) != 0) {
			if (o < 0 || v[0] == '\0') {
				rc = pl_cli_usage_error(cmd, "--stdin-filename needs a name");
				goto done_early;
			}
			stdin_name = v;
			stdin_named = true;
		} else if ((o = pl_cli_opt_value(argc, argv, &k, "--inspect", &v)) != 0) {
			if (o < 0 || v[0] == '\0') {
				rc = pl_cli_usage_error(cmd, "--inspect needs a file (or - for "
							"standard input)");
				goto done_early;
			}
			inspects[ninspects++] = v;
		} else if ((o = pl_cli_opt_value(argc, argv, &k, "--file", &v)) != 0 ||
			   (o = pl_cli_opt_value(argc, argv, &k, "-f", &v)) != 0) {
			if (o < 0 || v[0] == '\0') {
				rc = pl_cli_usage_error(cmd, "-f needs a Compose file (or - for "
							"standard input)");
				goto done_early;
			}
			if (nproject >= PL_MAX_COMPOSE_FILES) {
				rc = pl_cli_usage_error(cmd, "at most %u Compose files make a "
							"project", PL_MAX_COMPOSE_FILES);
				goto done_early;
			}
			project[nproject++] = (char *)v;
		} else if ((o = pl_cli_opt_value(argc, argv, &k, "--target", &v)) != 0) {
			if (o < 0) {
				rc = pl_cli_usage_error(cmd, "--target needs a stage name");
				goto done_early;
			}
			so.target = v;
		} else if ((o = pl_cli_opt_value(argc, argv, &k, "--context", &v)) != 0) {
			if (o < 0 || v[0] == '\0') {
				rc = pl_cli_usage_error(cmd, "--context needs a folder");
				goto done_early;
			}
			so.context = v;
		} else if ((o = pl_cli_opt_value(argc, argv, &k, "--config", &v)) != 0) {
			if (o < 0) {
				rc = pl_cli_usage_error(cmd, "--config needs a file (or none)");
				goto done_early;
			}
			config_path = v;
		} else if (!baseline_mode &&
			   (o = pl_cli_opt_value(argc, argv, &k, "--baseline", &v)) != 0) {
			if (o < 0) {
				rc = pl_cli_usage_error(cmd, "--baseline needs a file");
				goto done_early;
			}
			baseline_path = v;
		} else if ((o = pl_cli_opt_value(argc, argv, &k, "--build-arg", &v)) != 0) {
			if (o < 0 || strchr(v, '=') == NULL) {
				rc = pl_cli_usage_error(cmd, "--build-arg takes NAME=VALUE");
				goto done_early;
			}
			build_args[nbuild++] = v;
		} else {
			rc = pl_cli_usage_error(cmd, "unknown option '%s'", a);
			goto done_early;
		}
	}
	fmt = ro.fmt;
	output = ro.output;
	no_color = ro.no_color;
	if (npaths == 0 && ninspects == 0 && nproject == 0) {
		paths[npaths++] = ".";
	}
	for (i = 0; i < npaths; i++) {
		nstdin += strcmp(paths[i], "-") == 0;
	}
	for (i = 0; i < nproject; i++) {
		nstdin += strcmp(project[i], "-") == 0;
	}
	for (i = 0; i < ninspects; i++) {
		nstdin += strcmp(inspects[i], "-") == 0;
	}
	if (nstdin > 1) {
		rc = pl_cli_usage_error(cmd, "standard input (-) can be read only once");
		goto done_early;
	}
	if (baseline_mode && output == NULL) {
		output = ".plimsoll-baseline.json";
	}
	so.build_args = build_args;
	pl_config_init(&cfg);
	pl_report_init(&r);
	v = npaths > 0 ? paths[0] : nproject > 0 ? project[0] : inspects[0];
	if (config_path == NULL && strcmp(v, "-") != 0) {
		config_path = found = pl_config_find(v);
	}
	if (config_path != NULL && strcmp(config_path, "none") != 0) {
		if (pl_config_load(&cfg, config_path, &r) != 0) {
			rc = PL_EXIT_INPUT;
			goto done_report;
		}
		so.config = &cfg;
	}
	if (baseline_path != NULL && pl_baseline_load(baseline_path, &baseline, &r) != 0) {
		rc = PL_EXIT_INPUT;
		goto done_report;
	}
	for (i = 0; i < npaths; i++) {
		if (pl_cli_find_dockerfiles(paths[i], &files, &nfiles, &cap) != 0) {
			rc = PL_EXIT_INPUT;
		}
	}
	/* Manifests judge an image built here with its Dockerfile's facts. */
	for (i = 0; i < nfiles; i++) {
		if (strcmp(files[i], "-") != 0 &&
		    pl_cli_input_kind(files[i]) == PL_IN_DOCKERFILE) {
			pl_image_index_add(&images, files[i]);
		}
	}
	so.images = &images;
	if (nproject > 0) {
		/* -f files make one project, scanned as one more input. */
		files = pl_xrealloc(files, (nfiles + 1) * sizeof(*files));
		files[nfiles++] = pl_xstrdup(project[0]);
	}
	projects = pl_xcalloc(nfiles + 1, sizeof(*projects));
	skip = pl_xcalloc(nfiles + 1, sizeof(*skip));
	group_projects(files, nproject > 0 ? nfiles - 1 : nfiles, projects, skip);
	if (nproject > 0) {
		projects[nfiles - 1] = pl_xcalloc(nproject + 1, sizeof(char *));
		memcpy(projects[nfiles - 1], project, nproject * sizeof(char *));
	}
	if (output != NULL) {
		out = fopen(output, "w");
		if (out == NULL) {
			fprintf(stderr, "plimsoll: cannot write %s: %s\n", output, strerror(errno));
			rc = PL_EXIT_INPUT;
			goto done_files;
		}
	}
	oo.color = fmt == &pl_format_text && pl_cli_use_color(out, no_color);
	oo.base_dir = cwd();
	nworkers = scan_all(&r, workers, files, nfiles, stdin_name, &so, projects, skip);
	for (i = 0; i < ninspects; i++) {
		const char *display = inspects[i];

		if (strcmp(display, "-") == 0) {
			display = stdin_named ? stdin_name : "docker-inspect.json";
		}
		while (display[0] == '.' && display[1] == '/' && display[2] != '\0') {
			display += 2;
		}
		pl_scan_inspect(&r, inspects[i], display, &so);
	}
	pl_report_sort(&r);
	if (baseline != NULL) {
		pl_baseline_filter(baseline, &r);
	}
	for (i = 0; i < r.nerrors; i++) {
		const struct pl_file_error *e = &r.errors[i];

		if (e->line > 0) {
			fprintf(stderr, "%s:%u:%u: error: %s\n", e->file, e->line, e->col, e->message);
		} else {
			fprintf(stderr, "%s: error: %s\n", e->file, e->message);
		}
	}
	for (i = 0; i < r.nnotes; i++) {
		fprintf(stderr, "%s: note: %s\n", r.notes[i].file, r.notes[i].message);
	}
	if (baseline_mode) {
		if (pl_baseline_write(out, &r, PL_VERSION) != 0 || fflush(out) != 0) {
			fprintf(stderr, "plimsoll: writing %s failed: %s\n", output, strerror(errno));
			rc = PL_EXIT_INPUT;
		} else if (!oo.quiet) {
			fprintf(stderr, "plimsoll: %zu findings recorded in %s\n", r.nfindings, output);
		}
	} else if (fmt->write(out, &r, &oo) != 0 || fflush(out) != 0) {
		fprintf(stderr, "plimsoll: writing the report failed: %s\n", strerror(errno));
		rc = PL_EXIT_INPUT;
	}
	if (rc == PL_EXIT_OK && r.nerrors > 0) {
		rc = PL_EXIT_INPUT;
	}
	if (rc == PL_EXIT_OK && !baseline_mode && oo.fail_on != PL_SEV_NEVER &&
	    pl_report_max_severity(&r) >= (int)oo.fail_on) {
		rc = PL_EXIT_FINDINGS;
	}
	if (out != stdout) {
		fclose(out);
	}
	for (i = 0; i < nworkers; i++) {
		pl_report_finish(&workers[i].r);
	}
	free((char *)oo.base_dir);
done_files:
	pl_image_index_finish(&images);
	for (i = 0; i < nfiles; i++) {
		free(files[i]);
		free(projects != NULL ? projects[i] : NULL);
	}
	free(projects);
	free(skip);
	free(files);
done_report:
	/* Errors found before the scan (configuration, baseline) go to stderr here. */
	if (nworkers == 0) {
		for (i = 0; i < r.nerrors; i++) {
			const struct pl_file_error *e = &r.errors[i];

			if (e->line > 0) {
				fprintf(stderr, "%s:%u:%u: error: %s\n", e->file, e->line, e->col,
					e->message);
			} else {
				fprintf(stderr, "%s: error: %s\n", e->file, e->message);
			}
		}
	}
	pl_report_finish(&r);
	pl_baseline_destroy(baseline);
	pl_config_finish(&cfg);
	free(found);
done_early:
	free(project);
	free(inspects);
	free(paths);
	free(build_args);
	return rc;
}

static int
run(int argc, char **argv)
{
	return scan_main(argc, argv, false);
}

static int
run_baseline(int argc, char **argv)
{
	return scan_main(argc, argv, true);
}
