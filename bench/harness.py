"""Side-by-side benchmark of plimsoll and peer tools on the same files, in one run.

bench/run installs the peer tools and builds plimsoll, then calls this module. It
prepares the corpora under bench/work/, checks that every tool runs correctly on
them (an untimed warm-up run that doubles as a correctness guard), times the tools
in alternation (tool A run 1, tool B run 1, ..., tool A run 2, ...), and prints a
Markdown table of medians, which it also writes to bench/results/latest.md (raw
samples in bench/results/latest.json).

Standard library only. Exit status: 0 when plimsoll ran correctly (whatever the
peers did), 2 when plimsoll failed or its output did not parse, 3 on bad usage or a
missing corpus.
"""

import argparse
import datetime
import hashlib
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from typing import Callable, Optional

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
TOOLS = os.path.join(BENCH, ".tools")
WORK = os.path.join(BENCH, "work")
RESULTS = os.path.join(BENCH, "results")
FIXTURES = os.path.join(BENCH, "fixtures")
CORPUS = os.path.normpath(os.path.join(ROOT, "..", "shared", "corpus"))

REPLICAS = 19                      # copies of real-dockerfiles in the replicated set
LAYOUT_VERSION = "1"               # bump when the layout of bench/work/ changes
SKIP_NAMES = {"README.md", "MANIFEST.tsv"}
PROCESS_TIMEOUT = 900.0            # seconds before one process is killed
GNU_TIME = "/usr/bin/time"         # measures peak RSS from a small parent process
# What a secret scanner would look for first: key=value credentials and AWS key ids.
SECRET_PATTERN = (r"(?i)(aws_secret_access_key|api[_-]?key|secret|passw(or)?d|token)"
                  r"\s*[=:]\s*\S+|AKIA[0-9A-Z]{16}")


class PlimsollFailure(Exception):
    """plimsoll exited with an error status or printed something that is not JSON."""


class ProcessTimeout(Exception):
    """A measured process ran longer than PROCESS_TIMEOUT."""


# ---------------------------------------------------------------------------
# Corpora


@dataclass
class Corpus:
    key: str           # dockerfiles, replicated, compose, k8s, single-df, single-compose
    label: str         # name in the table
    kind: str          # dockerfile, compose or k8s
    path: str          # directory (or file) relative to WORK
    files: list        # every file, relative to WORK, sorted


def corpus_fingerprint():
    """A digest of the source corpora and the fixtures, to know when to copy again."""
    h = hashlib.sha256(LAYOUT_VERSION.encode())
    h.update(str(REPLICAS).encode())
    for sub in ("real-dockerfiles", "real-compose", "real-k8s"):
        d = os.path.join(CORPUS, sub)
        for name in sorted(os.listdir(d)):
            st = os.stat(os.path.join(d, name))
            h.update(f"{sub}/{name}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    for name in sorted(os.listdir(FIXTURES)):
        st = os.stat(os.path.join(FIXTURES, name))
        h.update(f"fixtures/{name}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


def source_files(sub):
    """The corpus files of one shared folder, sorted, without its README and manifest."""
    d = os.path.join(CORPUS, sub)
    return [n for n in sorted(os.listdir(d))
            if n not in SKIP_NAMES and os.path.isfile(os.path.join(d, n))]


def prepare_work():
    """Copy the corpora into bench/work/ under names plimsoll's walk recognizes.

    Dockerfiles become dockerfiles/NNNN.Dockerfile, Compose and Kubernetes files keep
    their extension (compose/NNNN.yaml, k8s/NNNN.yaml), and replicated/NN/ holds
    REPLICAS copies of the Dockerfiles. MAP.tsv maps every copy to its original name.
    Nothing is copied when the sources have not changed since the last run.
    """
    stamp_path = os.path.join(WORK, ".stamp")
    fingerprint = corpus_fingerprint()
    try:
        with open(stamp_path) as f:
            if f.read().strip() == fingerprint:
                return
    except FileNotFoundError:
        pass
    print("bench: preparing corpora in bench/work/", file=sys.stderr)
    for sub in ("dockerfiles", "compose", "k8s", "replicated", "single"):
        shutil.rmtree(os.path.join(WORK, sub), ignore_errors=True)
    os.makedirs(WORK, exist_ok=True)
    mapping = ["copy\toriginal"]

    def copy_set(sub, dest, name_of):
        os.makedirs(os.path.join(WORK, dest), exist_ok=True)
        for i, name in enumerate(source_files(sub), 1):
            rel = os.path.join(dest, name_of(i, name))
            shutil.copyfile(os.path.join(CORPUS, sub, name), os.path.join(WORK, rel))
            mapping.append(f"{rel}\t{sub}/{name}")

    def keep_ext(i, name):
        ext = os.path.splitext(name)[1] or ".yaml"
        return f"{i:04d}{ext}"

    copy_set("real-dockerfiles", "dockerfiles", lambda i, _n: f"{i:04d}.Dockerfile")
    copy_set("real-compose", "compose", keep_ext)
    copy_set("real-k8s", "k8s", keep_ext)
    names = sorted(os.listdir(os.path.join(WORK, "dockerfiles")))
    for r in range(1, REPLICAS + 1):
        dest = os.path.join(WORK, "replicated", f"{r:02d}")
        os.makedirs(dest)
        for name in names:
            shutil.copyfile(os.path.join(WORK, "dockerfiles", name), os.path.join(dest, name))
    os.makedirs(os.path.join(WORK, "single"))
    for name in ("small.Dockerfile", "small-compose.yaml"):
        shutil.copyfile(os.path.join(FIXTURES, name), os.path.join(WORK, "single", name))
    with open(os.path.join(WORK, "MAP.tsv"), "w") as f:
        f.write("\n".join(mapping) + "\n")
    with open(stamp_path, "w") as f:
        f.write(fingerprint + "\n")


def list_files(rel_dir):
    """Every regular file below a directory of WORK, relative to WORK, sorted."""
    out = []
    for dirpath, _dirs, names in os.walk(os.path.join(WORK, rel_dir)):
        for n in names:
            out.append(os.path.relpath(os.path.join(dirpath, n), WORK))
    return sorted(out)


def load_corpora():
    """The corpora of the benchmark, keyed by Corpus.key, in table order."""
    corpora = {}
    for key, label, kind, path in (
            ("dockerfiles", "real-dockerfiles", "dockerfile", "dockerfiles"),
            ("replicated", f"replicated ×{REPLICAS}", "dockerfile", "replicated"),
            ("compose", "real-compose", "compose", "compose"),
            ("k8s", "real-k8s", "k8s", "k8s")):
        corpora[key] = Corpus(key, label, kind, path, list_files(path))
    corpora["single-df"] = Corpus("single-df", "small.Dockerfile", "dockerfile",
                                  "single/small.Dockerfile", ["single/small.Dockerfile"])
    corpora["single-compose"] = Corpus("single-compose", "small-compose.yaml", "compose",
                                       "single/small-compose.yaml",
                                       ["single/small-compose.yaml"])
    return corpora


# ---------------------------------------------------------------------------
# Measuring one process


@dataclass
class Proc:
    wall: float                # seconds
    rc: int                    # exit status, or -signal
    maxrss_kb: Optional[int]   # peak resident set, when measured


def _alarm(_signum, _frame):
    raise ProcessTimeout()


def have_gnu_time():
    try:
        out = subprocess.run([GNU_TIME, "--version"], capture_output=True, text=True,
                             timeout=30)
    except (OSError, subprocess.SubprocessError):
        return False
    return "GNU" in out.stdout + out.stderr


def spawn(argv, out_path, err_path, rss_path=None, timeout=PROCESS_TIMEOUT):
    """Run argv in WORK with stdout and stderr to files; return wall time, status, RSS.

    Timed runs start the command directly with posix_spawn and reap it with wait4, so
    the harness adds next to nothing to the wall time. The peak resident set cannot
    come from that wait4: a child spawned by this interpreter inherits the
    interpreter's own high-water mark across exec. So with rss_path, the command runs
    under GNU time instead, whose small process forks it and writes its true peak.
    """
    if rss_path:
        argv = [GNU_TIME, "-f", "%M", "-o", rss_path] + list(argv)
    actions = [
        (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
        (os.POSIX_SPAWN_OPEN, 1, out_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644),
        (os.POSIX_SPAWN_OPEN, 2, err_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644),
    ]
    old = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    pid = None
    try:
        t0 = time.perf_counter()
        pid = os.posix_spawn(argv[0], argv, os.environ, file_actions=actions)
        _, status, _ru = os.wait4(pid, 0)
        t1 = time.perf_counter()
    except ProcessTimeout:
        if pid is not None:
            os.kill(pid, signal.SIGKILL)
            os.wait4(pid, 0)
        raise
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
    rc = os.waitstatus_to_exitcode(status)
    rss = None
    if rss_path:
        with open(rss_path) as f:
            report = f.read().split()
        if "signal" in report:                 # "Command terminated by signal N"
            rc = -int(report[report.index("signal") + 1])
        if report and report[-1].isdigit():
            rss = int(report[-1])
    return Proc(t1 - t0, rc, rss)


# ---------------------------------------------------------------------------
# Tools and how each runs on a corpus


@dataclass
class Plan:
    """How one tool runs over one corpus."""
    argvs: list                      # one argv per process
    mode: str                        # "1 process", "1 process per file", ...
    scale: float = 1.0               # factor from the timed sample to the whole corpus
    timed_files: int = 0             # files actually processed in one timed run
    # Called after each process of the warm-up run: (rc, stdout path) -> error or None.
    check: Optional[Callable] = None
    # Whether an exit status of a timed run is acceptable (peers: anything but a signal).
    rc_ok: Callable = field(default=lambda rc: rc >= 0)


@dataclass
class Tool:
    name: str
    version: str = ""
    missing: str = ""                # why it cannot run; empty when it can
    is_plimsoll: bool = False
    kinds: tuple = ("dockerfile",)   # the kinds of file it reads
    plans: Callable = None           # (corpus, options) -> Plan or a reason string


def check_json(expect=None):
    """A warm-up check: stdout is JSON, and expect(doc) (if given) returns an error or None."""
    def check(rc, out_path):
        try:
            with open(out_path, "rb") as f:
                doc = json.load(f)
        except (OSError, ValueError) as e:
            return f"output is not JSON ({e})"
        return expect(doc) if expect else None
    return check


def peer_check(inner):
    """A warm-up check for a peer: not killed by a signal, then inner.

    Peers' exit statuses mean different things (dockerfilelint's and dockerfile_lint's
    count the issues found), so a peer is judged on its output, not its status.
    """
    def check(rc, out_path):
        if rc < 0:
            return f"killed by signal {-rc}"
        return inner(rc, out_path) if inner else None
    return check


def sample_of(files, k):
    """k files spread evenly over the sorted corpus (all of them when k >= len)."""
    n = len(files)
    if k >= n:
        return list(files)
    return [files[i * n // k] for i in range(k)]


def per_file_plan(argv_of, corpus, opts, check):
    files = sample_of(corpus.files, opts.sample)
    scale = len(corpus.files) / len(files)
    mode = "1 process per file"
    if len(files) < len(corpus.files):
        mode += f"; {len(files)} of {len(corpus.files)} timed, ×{scale:.2f}"
    return Plan([argv_of(f) for f in files], mode, scale, len(files), peer_check(check))


def npm_bin(pkg, preferred):
    """The path of an npm package's command in bench/.tools, or None when not installed."""
    try:
        with open(os.path.join(TOOLS, "node_modules", pkg, "package.json")) as f:
            meta = json.load(f)
    except (OSError, ValueError):
        return None, ""
    bins = meta.get("bin") or {}
    if isinstance(bins, str):
        name = pkg
    else:
        name = preferred if preferred in bins else next(iter(bins), None)
    path = os.path.join(TOOLS, "node_modules", ".bin", name) if name else None
    if not path or not os.access(path, os.X_OK):
        return None, meta.get("version", "")
    return path, meta.get("version", "")


def make_plimsoll(binary):
    tool = Tool("plimsoll", is_plimsoll=True)
    if binary is None:
        tool.missing = "not run (--peers-only)"
        return tool
    try:
        tool.version = subprocess.run([binary, "--version"], capture_output=True, text=True,
                                      timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError) as e:
        raise PlimsollFailure(f"{binary} --version failed: {e}")

    def plans(corpus, opts):
        argv = [binary, "scan", "--format", "json", "--fail-on", "never"]
        if corpus.kind == "compose":
            # The copies are named NNNN.yaml, which a directory walk does not take for
            # Compose files: name each one, as a user names a project's file.
            argv += corpus.files
        else:
            argv.append(corpus.path)
        n = len(corpus.files)

        def scanned_all(doc):
            # The JSON report's summary counts the files scanned: all of them, or the
            # walk missed some and the figure would flatter plimsoll.
            got = doc.get("summary", {}).get("files_scanned") if isinstance(doc, dict) else None
            return None if got in (None, n) else f"scanned {got} files of {n}"

        def expect(rc, out_path):
            if rc not in (0, 1):
                return f"exit status {rc} (expected 0 or 1)"
            return check_json(scanned_all)(rc, out_path)
        return Plan([argv], "1 process", 1.0, n, expect, lambda rc: rc in (0, 1))
    tool.plans = plans
    return tool


def make_dockerfilelint():
    path, version = npm_bin("dockerfilelint", "dockerfilelint")
    tool = Tool("dockerfilelint", version)
    if not path:
        tool.missing = "not installed (see bench/.tools/install.log)"
        return tool

    def plans(corpus, opts):
        if corpus.kind != "dockerfile":
            return "n/a"
        n = len(corpus.files)

        def expect(doc):
            got = len(doc.get("files", [])) if isinstance(doc, dict) else -1
            return None if got == n else f"reported {got} files of {n}"
        # Its exit status is the number of issues (modulo 256), so it is not checked.
        return Plan([[path, "-j"] + corpus.files], "1 process", 1.0, n,
                    peer_check(check_json(expect)))
    tool.plans = plans
    return tool


def make_dockerfile_lint():
    path, version = npm_bin("dockerfile_lint", "dockerfile_lint")
    tool = Tool("dockerfile_lint", version)
    if not path:
        tool.missing = "not installed (see bench/.tools/install.log)"
        return tool

    def plans(corpus, opts):
        if corpus.kind != "dockerfile":
            return "n/a"
        # One file per process (-f FILE); the exit status counts the errors found.
        return per_file_plan(lambda f: [path, "-j", "-f", f], corpus, opts, check_json())
    tool.plans = plans
    return tool


def make_dockerfile_utils():
    path, version = npm_bin("dockerfile-utils", "dockerfile-utils")
    tool = Tool("dockerfile-utils", version)
    if not path:
        tool.missing = "not installed (see bench/.tools/install.log)"
        return tool

    def plans(corpus, opts):
        if corpus.kind != "dockerfile":
            return "n/a"
        # `lint` reads exactly one file per process.
        return per_file_plan(lambda f: [path, "lint", "-j", f], corpus, opts, check_json())
    tool.plans = plans
    return tool


def make_dclint():
    path, version = npm_bin("dclint", "dclint")
    tool = Tool("dclint", version, kinds=("compose",))
    if not path:
        tool.missing = "not installed (see bench/.tools/install.log)"
        return tool

    def plans(corpus, opts):
        if corpus.kind != "compose":
            return "n/a"
        n = len(corpus.files)

        def expect(doc):
            got = len(doc) if isinstance(doc, list) else -1
            return None if got == n else f"reported {got} files of {n}"
        # Exit status 1 means problems were found; only a crash is a failure.
        return Plan([[path, "-f", "json", "--color", "false"] + corpus.files], "1 process",
                    1.0, n, peer_check(check_json(expect)))
    tool.plans = plans
    return tool


def make_ripgrep():
    path = shutil.which("rg")
    tool = Tool("ripgrep (rg)", kinds=("dockerfile", "compose", "k8s"))
    if not path:
        tool.missing = "not installed (apt-get install ripgrep failed)"
        return tool
    try:
        tool.version = subprocess.run([path, "--version"], capture_output=True, text=True,
                                      timeout=30).stdout.splitlines()[0]
    except (OSError, subprocess.SubprocessError, IndexError):
        tool.version = "?"

    def rc_ok(rc):
        return rc in (0, 1)          # 1: no match

    def expect(rc, out_path):
        return None if rc_ok(rc) else f"exit status {rc}"

    def plans(corpus, opts):
        # -uu: search ignored and hidden files too (bench/work/ is git-ignored).
        argv = [path, "--no-config", "-uu", "-c", "-e", SECRET_PATTERN, corpus.path]
        return Plan([argv], f"1 process, {os.cpu_count()} threads", 1.0,
                    len(corpus.files), expect, rc_ok)
    tool.plans = plans
    return tool


def node_version():
    try:
        return subprocess.run(["node", "--version"], capture_output=True, text=True,
                              timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "not found"


# ---------------------------------------------------------------------------
# Running


@dataclass
class Job:
    tool: Tool
    corpus: Corpus
    plan: Optional[Plan] = None
    note: str = ""                   # why there is no figure
    walls: list = field(default_factory=list)    # scaled to the whole corpus
    rss_kb: Optional[int] = None     # peak of any one process, from the warm-up run

    @property
    def median(self):
        return statistics.median(self.walls) if self.walls else None

    @property
    def peak_mb(self):
        return self.rss_kb / 1024 if self.rss_kb is not None else None


def run_plan(job, warmup, rss):
    """Run every process of a job's plan once; record the time unless warming up.

    The warm-up run checks each process's output (the correctness guard) and, when rss
    is set, measures the peak resident set. A failure of plimsoll raises
    PlimsollFailure; a failure of a peer puts a note on the job.
    """
    plan = job.plan
    tag = f"{job.tool.name}-{job.corpus.key}".replace(" ", "_").replace("(", "").replace(")", "")
    out_path = os.path.join(WORK, "out", tag + ".out")
    err_path = os.path.join(WORK, "out", tag + ".err")
    rss_path = os.path.join(WORK, "out", tag + ".rss") if warmup and rss else None
    wall = 0.0
    peak = None
    for argv in plan.argvs:
        try:
            p = spawn(argv, out_path, err_path, rss_path)
        except ProcessTimeout:
            msg = f"timed out after {PROCESS_TIMEOUT:.0f} s"
            if job.tool.is_plimsoll:
                raise PlimsollFailure(f"{job.corpus.label}: {msg}")
            job.note, job.plan = f"failed: {msg}", None
            return
        wall += p.wall
        if p.maxrss_kb is not None:
            peak = max(peak or 0, p.maxrss_kb)
        error = None
        if warmup and plan.check:
            error = plan.check(p.rc, out_path)
        elif not plan.rc_ok(p.rc):
            error = f"exit status {p.rc}"
        if error:
            if job.tool.is_plimsoll:
                raise PlimsollFailure(f"{' '.join(argv[:6])} ... in bench/work: {error}; "
                                      f"stderr: {tail(err_path)}")
            job.note, job.plan = f"failed: {error}", None
            return
    if warmup:
        job.rss_kb = peak
    else:
        job.walls.append(wall * plan.scale)


def tail(path, limit=400):
    try:
        with open(path, errors="replace") as f:
            text = f.read().strip()
    except OSError:
        return "(none)"
    return (text[-limit:] if text else "(empty)").replace("\n", " | ")


def measure(jobs, runs, label, rss):
    """Warm up (check, measure RSS) every job, then time them in alternation, runs times."""
    live = [j for j in jobs if j.plan]
    for j in live:
        print(f"bench: {label}: checking {j.tool.name} on {j.corpus.label}", file=sys.stderr)
        run_plan(j, warmup=True, rss=rss)
    for r in range(runs):
        print(f"bench: {label}: run {r + 1}/{runs}", file=sys.stderr)
        for j in jobs:
            if j.plan:
                run_plan(j, warmup=False, rss=rss)


def plan_jobs(tools, corpus, opts):
    jobs = []
    for t in tools:
        if corpus.kind not in t.kinds and not t.is_plimsoll:
            continue                   # a peer that does not read this kind of file
        job = Job(t, corpus)
        if t.missing:
            job.note = t.missing
        else:
            got = t.plans(corpus, opts)
            if isinstance(got, Plan):
                job.plan = got
            else:
                job.note = got
        jobs.append(job)
    return jobs


def estimate_skip(job, small_job, corpus, max_seconds):
    """Skip a peer on a large corpus when its rate on the smaller one predicts > max_seconds."""
    if job.tool.is_plimsoll or not job.plan or not small_job or small_job.median is None:
        return
    rate = small_job.median / len(small_job.corpus.files)
    est = rate * len(corpus.files)
    if est > max_seconds:
        job.note = f"skipped (est. {est:.0f} s per run)"
        job.plan = None


# ---------------------------------------------------------------------------
# Report


def fmt_time(s):
    if s is None:
        return "—"
    if s < 1:
        return f"{s * 1000:.0f} ms" if s >= 0.01 else f"{s * 1000:.1f} ms"
    if s < 10:
        return f"{s:.2f} s"
    return f"{s:.1f} s" if s < 100 else f"{s:.0f} s"


def fmt_ratio(peer, base):
    if peer is None or base is None or base <= 0:
        return "—"
    r = peer / base
    if r >= 100:
        return f"{r:.0f}×"
    return f"{r:.1f}×" if r >= 10 else f"{r:.2f}×"


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown"


def version_label(t):
    """'dclint 3.1.0', or what `--version` printed when it already names the tool."""
    if t.missing and not t.version:
        return f"{t.name}: {t.missing}"
    v = t.version or "?"
    label = v if v.lower().startswith(t.name.split()[0].lower()) else f"{t.name} {v}"
    return label + (f" ({t.missing})" if t.missing else "")


def report(tools, corpus_jobs, single_jobs, opts):
    """The Markdown report: environment, versions, the table, and how to read it."""
    u = os.uname()
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:
        cores = os.cpu_count()
    lines = [
        "# plimsoll benchmark",
        "",
        f"- date: {now}",
        f"- system: {u.sysname} {u.release} {u.machine}",
        f"- CPU: {cpu_model()}, {cores} cores available",
        f"- runs: median of {opts.runs} (corpora), {opts.single_runs} (single file); "
        f"tools alternated within each run",
        f"- node {node_version()}, Python {sys.version.split()[0]}",
        "- versions: " + "; ".join(version_label(t) for t in tools),
        "",
        "| tool | corpus | files | how it runs | median wall | single file | peak RSS "
        "| vs plimsoll |",
        "|---|---|---:|---|---:|---:|---:|---:|",
    ]
    base = {j.corpus.key: j.median for j in corpus_jobs if j.tool.is_plimsoll}
    single = {(j.tool.name, j.corpus.kind): j for j in single_jobs}
    single_base = {j.corpus.kind: j.median for j in single_jobs if j.tool.is_plimsoll}
    shown_single = set()
    for j in corpus_jobs:
        files = str(len(j.corpus.files))
        if j.plan and j.plan.timed_files and j.plan.timed_files != len(j.corpus.files):
            files += f" ({j.plan.timed_files} timed)"
        sj = single.get((j.tool.name, j.corpus.kind))
        cell = "—"
        key = (j.tool.name, j.corpus.kind)
        if sj and key not in shown_single and j.corpus.key in ("dockerfiles", "compose"):
            shown_single.add(key)
            if sj.median is not None:
                cell = fmt_time(sj.median)
                if not sj.tool.is_plimsoll and single_base.get(j.corpus.kind):
                    cell += f" ({fmt_ratio(sj.median, single_base[j.corpus.kind])})"
            elif sj.note:
                cell = sj.note
        if j.walls:
            wall = fmt_time(j.median)
            rss = f"{j.peak_mb:.1f} MB" if j.peak_mb is not None else "—"
            ratio = "1.00×" if j.tool.is_plimsoll else fmt_ratio(j.median, base.get(j.corpus.key))
            how = j.plan.mode if j.plan else ""
        else:
            wall, rss, ratio, how = j.note or "—", "—", "—", "—"
        lines.append(f"| {j.tool.name} | {j.corpus.label} | {files} | {how} | {wall} | {cell} "
                     f"| {rss} | {ratio} |")
    lines += [
        "",
        "Median wall is the time for the whole corpus, including process start-up; "
        "\"1 process per file\" rows with a sample time that many files spread evenly over "
        "the corpus and scale the total to the full count. Single file: "
        "`small.Dockerfile` (or `small-compose.yaml` for Compose) from bench/fixtures, "
        "one process, in parentheses its ratio to plimsoll. Peak RSS: the largest resident "
        "set of any one process, measured by GNU time in the untimed first run. vs plimsoll: the tool's median / plimsoll's median on "
        "the same corpus (above 1 means slower than plimsoll). ripgrep is a reference for "
        "raw reading speed, not a peer: it only matches a secret-like regular expression, "
        "on all cores.",
        "",
    ]
    return "\n".join(lines)


def write_results(text, tools, corpus_jobs, single_jobs, opts):
    os.makedirs(RESULTS, exist_ok=True)
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    for name in ("latest.md", f"{stamp}.md"):
        with open(os.path.join(RESULTS, name), "w") as f:
            f.write(text)
    raw = {
        "runs": opts.runs, "single_runs": opts.single_runs, "sample": opts.sample,
        "versions": {t.name: t.version for t in tools},
        "jobs": [{"tool": j.tool.name, "corpus": j.corpus.key, "files": len(j.corpus.files),
                  "mode": j.plan.mode if j.plan else None, "note": j.note,
                  "wall_s": j.walls, "maxrss_kb": j.rss_kb}
                 for j in corpus_jobs + single_jobs],
    }
    with open(os.path.join(RESULTS, "latest.json"), "w") as f:
        json.dump(raw, f, indent=1)


# ---------------------------------------------------------------------------


def parse_args(argv):
    ap = argparse.ArgumentParser(prog="bench/run", description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=None, help="timed runs per corpus (default 5)")
    ap.add_argument("--quick", action="store_true",
                    help="3 runs, 10 single-file runs, 20-file samples")
    ap.add_argument("--single-runs", type=int, default=None,
                    help="timed runs of the single-file case (default 20)")
    ap.add_argument("--sample", type=int, default=None,
                    help="files timed for tools that take one file per process (default 50)")
    ap.add_argument("--max-seconds", type=float, default=120.0,
                    help="skip a peer on the replicated set when estimated above this")
    ap.add_argument("--plimsoll", default=None,
                    help="path of the plimsoll binary; omitted: only the peers run")
    opts = ap.parse_args(argv)
    opts.runs = opts.runs or (3 if opts.quick else 5)
    opts.single_runs = opts.single_runs or (10 if opts.quick else 20)
    opts.sample = opts.sample or (20 if opts.quick else 50)
    if opts.runs < 1 or opts.single_runs < 1 or opts.sample < 1:
        ap.error("--runs, --single-runs and --sample must be at least 1")
    return opts


def main(argv):
    opts = parse_args(argv)
    if not os.path.isdir(CORPUS) or not all(
            os.path.isdir(os.path.join(CORPUS, s))
            for s in ("real-dockerfiles", "real-compose", "real-k8s")):
        print(f"bench: the shared corpus is missing: expected {CORPUS}/real-dockerfiles, "
              "real-compose and real-k8s (../shared/corpus from the repository root)",
              file=sys.stderr)
        return 3
    prepare_work()
    os.makedirs(os.path.join(WORK, "out"), exist_ok=True)
    os.chdir(WORK)
    corpora = load_corpora()
    binary = os.path.abspath(opts.plimsoll) if opts.plimsoll else None
    try:
        tools = [make_plimsoll(binary), make_dockerfilelint(), make_dockerfile_lint(),
                 make_dockerfile_utils(), make_dclint(), make_ripgrep()]

        # Phase 1: the real corpora, every tool that reads them.
        corpus_jobs = []
        for key in ("dockerfiles", "compose", "k8s"):
            corpus_jobs += plan_jobs(tools, corpora[key], opts)
        rss = have_gnu_time()
        if not rss:
            print(f"bench: {GNU_TIME} (GNU time) not found: peak RSS is not measured",
                  file=sys.stderr)
        measure(corpus_jobs, opts.runs, "real corpora", rss)

        # Phase 2: the replicated set; slow peers are skipped on their measured rate.
        small = {j.tool.name: j for j in corpus_jobs if j.corpus.key == "dockerfiles"}
        rep_jobs = plan_jobs(tools, corpora["replicated"], opts)
        for j in rep_jobs:
            estimate_skip(j, small.get(j.tool.name), corpora["replicated"], opts.max_seconds)
        measure(rep_jobs, opts.runs, "replicated set", rss)

        # Phase 3: one small file, start-up included.
        single_jobs = []
        for key in ("single-df", "single-compose"):
            single_jobs += [j for j in plan_jobs(tools, corpora[key], opts) if j.plan]
        measure(single_jobs, opts.single_runs, "single file", rss)
    except PlimsollFailure as e:
        print(f"bench: plimsoll failed, nothing is timed from a failing run: {e}",
              file=sys.stderr)
        return 2

    ordered = []
    for key in ("dockerfiles", "replicated", "compose", "k8s"):
        ordered += [j for j in corpus_jobs + rep_jobs if j.corpus.key == key]
    text = report(tools, ordered, single_jobs, opts)
    write_results(text, tools, ordered, single_jobs, opts)
    print(text)
    print(f"bench: written to {os.path.relpath(os.path.join(RESULTS, 'latest.md'), ROOT)}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
