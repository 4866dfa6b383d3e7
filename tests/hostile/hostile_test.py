#!/usr/bin/python3
"""hostile_test.py -- adversarial inputs: plimsoll must end every one with a clear message,
the right exit code, within a time and memory bound, and never crash.

The inputs are generated at test time (some are tens of megabytes) in a temporary folder:
binary data, NUL bytes and invalid UTF-8, huge lines and files, deep nesting in JSON,
shell and variables, expansion bombs, millions of tiny instructions, unterminated
heredocs, quotes and JSON, symbolic link loops and links out of a tree, devices, FIFOs and
directories where files are expected. Each case states the exit code it expects and a
piece of the message, and a bound on peak memory: 256 MB (RSS, measured with wait4).

Time: in the test suite the bound only catches hangs (20 s), because the suite runs in
parallel on busy machines and timing assertions there would be noise; the slowest case is
printed. `PL_HOSTILE_STRICT=1` (as `make hostile` sets it, on a quiet machine) applies
the real bound, 2 seconds per input (10 under sanitizers, which slow everything down).

Needs PL_BIN. Prints one line per failure and ends with "N passed, N failed".
"""

import os
import resource
import stat
import subprocess
import sys
import tempfile
import time

BIN = os.environ["PL_BIN"]
SANITIZED = os.environ.get("PL_SANITIZED") == "1"
STRICT = os.environ.get("PL_HOSTILE_STRICT") == "1"
TIME_LIMIT = (10.0 if SANITIZED else 2.0) if STRICT else 20.0
# Sanitizers keep shadow memory and quarantine: a larger bound under them.
MEM_LIMIT_KB = (1024 if SANITIZED else 256) * 1024

passed = 0
failed = 0
slowest = (0.0, "")


def run(args, stdin=None):
    """Runs plimsoll; returns (exit code, stdout, stderr, seconds, peak RSS in KB)."""
    start = time.monotonic()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen([BIN] + args, stdin=stdin if stdin is not None else subprocess.DEVNULL,
                                stdout=out, stderr=err)
        deadline = start + TIME_LIMIT * 5
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid != 0:
                break
            if time.monotonic() > deadline:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.005)
        elapsed = time.monotonic() - start
        out.seek(0)
        err.seek(0)
        code = os.waitstatus_to_exitcode(status)
        return code, out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"), elapsed, usage.ru_maxrss


def case(name, args, want_code, want_err=None, stdin=None):
    """One hostile input: exit code in WANT_CODE, WANT_ERR in stderr, within the bounds."""
    global passed, failed, slowest
    codes = want_code if isinstance(want_code, tuple) else (want_code,)
    code, out, err, secs, rss = run(args, stdin)
    problems = []
    if code not in codes:
        problems.append(f"exit {code}, want {' or '.join(map(str, codes))}")
    if code < 0 or code > 3:
        problems.append("crashed or was killed")
    if want_err is not None and want_err not in err:
        problems.append(f"stderr lacks {want_err!r}: {err[:300]!r}")
    if "ERROR: AddressSanitizer" in err or "runtime error:" in err or "LeakSanitizer" in err:
        problems.append("sanitizer report: " + err[:300])
    if secs > TIME_LIMIT:
        problems.append(f"took {secs:.2f} s (limit {TIME_LIMIT} s)")
    if rss > MEM_LIMIT_KB:
        problems.append(f"peak memory {rss // 1024} MB (limit {MEM_LIMIT_KB // 1024} MB)")
    if secs > slowest[0]:
        slowest = (secs, name)
    if problems:
        failed += 1
        print(f"FAIL {name}: " + "; ".join(problems))
    else:
        passed += 1


def write(path, data):
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())
    return path


def main():
    d = tempfile.mkdtemp(prefix="plimsoll-hostile-")
    p = lambda name: os.path.join(d, name)
    scan = lambda path: ["scan", "--no-color", "--fail-on", "never", path]

    # Sizes and counts.
    with open(p("huge-line.Dockerfile"), "wb") as f:
        f.write(b"FROM a\nRUN ")
        f.write(b"x" * (100 * 1024 * 1024))
    case("100 MB single line", scan(p("huge-line.Dockerfile")), 2, "32 MiB limit")
    write(p("ten-mb-line.Dockerfile"), b"FROM a\nRUN " + b"y" * (10 * 1024 * 1024) + b"\n")
    case("10 MB line", scan(p("ten-mb-line.Dockerfile")), 2, "1 MiB limit")
    write(p("many.Dockerfile"), b"FROM a\n" + b"RUN a\n" * 3_000_000)
    case("3 million tiny instructions", scan(p("many.Dockerfile")), 2, "more than 100000 instructions")
    write(p("just-under.Dockerfile"), b"FROM a\n" + b"RUN curl -fsSL https://x | sh\n" * 99_990)
    case("99,990 instructions with findings", scan(p("just-under.Dockerfile")), 0)
    write(p("words.Dockerfile"), b"FROM a\nEXPOSE " + b"1 " * 70_000 + b"\n")
    case("70,000 words in one instruction", scan(p("words.Dockerfile")), 2, "65536 words")
    write(p("comments.Dockerfile"), b"# c\n" * 2_000_000)
    case("2 million comment lines", scan(p("comments.Dockerfile")), 2, "file with no instructions")
    write(p("stages.Dockerfile"), "".join(f"FROM s{i - 1} AS s{i}\nCOPY --from=s{i // 2} /a /a\n"
                                          for i in range(1, 45_000)))
    case("45,000 chained stages", scan(p("stages.Dockerfile")), 0)
    write(p("cont.Dockerfile"), b"FROM a\nRUN a \\\n" + b"\\\n" * 500_000 + b"b\n")
    case("500,000 empty continuation lines", scan(p("cont.Dockerfile")), 0)
    write(p("cont-comments.Dockerfile"), b"FROM a\nRUN a \\\n" + b"# x\n" * 500_000 + b"b\n")
    case("500,000 comments inside one instruction", scan(p("cont-comments.Dockerfile")), 0)

    # Nesting.
    write(p("json-deep.Dockerfile"), b"FROM a\nCMD " + b"[" * 100_000 + b"]" * 100_000 + b"\n")
    case("JSON nested 100,000 deep", scan(p("json-deep.Dockerfile")), (0, 2))
    write(p("json-wide.Dockerfile"), b"FROM a\nCMD [" + b'"a",' * 200_000 + b'"b"]\n')
    case("JSON array of 200,000 strings", scan(p("json-wide.Dockerfile")), 0)
    write(p("subshell.Dockerfile"), b"FROM a\nRUN " + b"(" * 100_000 + b"true" + b")" * 100_000 + b"\n")
    case("100,000 nested subshells", scan(p("subshell.Dockerfile")), 0)
    write(p("cmdsubst.Dockerfile"), b"FROM a\nRUN echo " + b"$(" * 100_000 + b"x" + b")" * 100_000 + b"\n")
    case("100,000 nested $( )", scan(p("cmdsubst.Dockerfile")), 0)
    write(p("backticks.Dockerfile"), b"FROM a\nRUN echo " + b"`" * 200_001 + b"\n")
    case("200,001 backticks", scan(p("backticks.Dockerfile")), 0)
    write(p("shc.Dockerfile"), b"FROM a\nRUN " + b"sh -c '" * 20_000 + b"x" + b"'" * 20_000 + b"\n")
    case("20,000 nested sh -c", scan(p("shc.Dockerfile")), 0)
    write(p("var-deep.Dockerfile"), b"FROM a\nENV X=" + b"${a:-" * 100_000 + b"b" + b"}" * 100_000 + b"\n")
    case("variable defaults nested 100,000 deep", scan(p("var-deep.Dockerfile")), 0)
    bomb = "FROM a\nARG A0=xxxxxxxxxxxxxxxx\n" + "".join(
        f"ARG A{i}=${{A{i - 1}}}${{A{i - 1}}}\n" for i in range(1, 40)) + "USER ${A39}\n"
    write(p("expansion-bomb.Dockerfile"), bomb)
    case("ARG expansion doubling 40 times", scan(p("expansion-bomb.Dockerfile")), 0)
    write(p("if-deep.Dockerfile"), b"FROM a\nRUN " + b"if true; then " * 50_000 + b"x" + b"; fi" * 50_000 + b"\n")
    case("50,000 nested if", scan(p("if-deep.Dockerfile")), 0)
    write(p("case.Dockerfile"), b"FROM a\nRUN " + b"case x in x) " * 30_000 + b"y" + b";; esac" * 30_000 + b"\n")
    case("30,000 nested case", scan(p("case.Dockerfile")), 0)
    write(p("pipes.Dockerfile"), b"FROM a\nRUN curl -s u " + b"| cat " * 100_000 + b"| sh\n")
    case("pipeline of 100,000 commands", scan(p("pipes.Dockerfile")), 0)

    # Bytes.
    write(p("nul-first.Dockerfile"), b"\x00FROM a\n")
    case("NUL byte first", scan(p("nul-first.Dockerfile")), 2, ":1:1: error: NUL byte")
    write(p("nul-late.Dockerfile"), b"FROM a\nRUN echo hi\nLABEL a=b\x00\n")
    case("NUL byte in the last line", scan(p("nul-late.Dockerfile")), 2, ":3:10: error: NUL byte")
    write(p("latin1.Dockerfile"), b"FROM a\n# caf\xe9\n")
    case("Latin-1 byte in a comment", scan(p("latin1.Dockerfile")), 2, ":2:6: error: invalid UTF-8")
    write(p("overlong.Dockerfile"), b"FROM a\nRUN \xc0\xaf\n")
    case("overlong UTF-8", scan(p("overlong.Dockerfile")), 2, "invalid UTF-8")
    write(p("surrogate.Dockerfile"), b"FROM a\nRUN \xed\xa0\x80\n")
    case("UTF-8 encoded surrogate", scan(p("surrogate.Dockerfile")), 2, "invalid UTF-8")
    write(p("truncated-utf8.Dockerfile"), b"FROM a\nRUN \xe2\x82")
    case("UTF-8 sequence cut at the end", scan(p("truncated-utf8.Dockerfile")), 2, "invalid UTF-8")
    write(p("utf16.Dockerfile"), "FROM a\n".encode("utf-16"))
    case("UTF-16 file", scan(p("utf16.Dockerfile")), 2, "error:")
    write(p("random.Dockerfile"), os.urandom(1024 * 1024))
    case("1 MB of random bytes", scan(p("random.Dockerfile")), 2, "error:")
    write(p("bom-only.Dockerfile"), b"\xef\xbb\xbf")
    case("only a BOM", scan(p("bom-only.Dockerfile")), 2, "file with no instructions")
    write(p("empty.Dockerfile"), b"")
    case("empty file", scan(p("empty.Dockerfile")), 2, "file with no instructions")
    write(p("controls.Dockerfile"), b"FROM a\nRUN echo \x1b[2J\x1b]0;owned\x07 \xe2\x80\xae\n")
    case("terminal escapes and bidi controls", scan(p("controls.Dockerfile")), 0)

    # Unterminated constructs.
    write(p("heredoc.Dockerfile"), b"FROM a\nRUN <<EOF\n" + b"echo\n" * 1_000_000)
    case("heredoc never terminated", scan(p("heredoc.Dockerfile")), 2, ":2:5: error: unterminated heredoc")
    write(p("heredocs65.Dockerfile"), b"FROM a\nRUN " + b" ".join(b"<<E%d" % i for i in range(65)) + b"\n")
    case("65 heredocs in one RUN", scan(p("heredocs65.Dockerfile")), 2, "more than 64 heredocs")
    write(p("quote.Dockerfile"), b"FROM a\nRUN echo 'never closed\nUSER x\n")
    case("unterminated quote", scan(p("quote.Dockerfile")), 0)
    write(p("json-open.Dockerfile"), b'FROM a\nENTRYPOINT ["a", "b"\n')
    case("unterminated JSON array", scan(p("json-open.Dockerfile")), 0)
    write(p("eof-cont.Dockerfile"), b"FROM a\nRUN a \\")
    case("continuation at end of file", scan(p("eof-cont.Dockerfile")), 0)
    write(p("bad-escape.Dockerfile"), b"# escape=x\nFROM a\n")
    case("invalid escape directive", scan(p("bad-escape.Dockerfile")), 2, ":1:1: error: invalid escape token")

    # The file system.
    os.mkdir(p("dir-named-Dockerfile"))
    os.mkdir(p("dir-named-Dockerfile/Dockerfile"))
    case("directory named Dockerfile", ["parse", "--dump", p("dir-named-Dockerfile/Dockerfile")], 2, "is a directory")
    case("directory named Dockerfile in a walk", scan(p("dir-named-Dockerfile")), 0)
    os.mkfifo(p("fifo.Dockerfile"))
    case("FIFO given as a file", scan(p("fifo.Dockerfile")), 2, "not a regular file")
    tree = p("tree")
    os.makedirs(os.path.join(tree, "a/b"))
    write(os.path.join(tree, "a/b/Dockerfile"), "FROM debian\n")
    os.symlink("..", os.path.join(tree, "a/b/loop"))
    os.symlink("/", os.path.join(tree, "a/root"))
    os.symlink("/dev/zero", os.path.join(tree, "a/Dockerfile"))
    os.mkfifo(os.path.join(tree, "Dockerfile.fifo"))
    case("symlink loops, links out of the tree, devices and FIFOs in a walk", scan(tree), 0)
    case("/dev/zero given as a file", scan("/dev/zero"), 2, "not a regular file")
    case("/dev/urandom on stdin", ["scan", "--stdin-filename", "x", "-"], 2, "error:",
         stdin=open("/dev/urandom", "rb"))
    deep = p("deep")
    cur = deep
    for i in range(100):
        cur = os.path.join(cur, "d")
    os.makedirs(cur)
    write(os.path.join(cur, "Dockerfile"), "FROM debian\n")
    case("directories 100 deep", scan(deep), 0, "not descending further")
    if os.geteuid() != 0:
        write(p("unreadable.Dockerfile"), "FROM a\n")
        os.chmod(p("unreadable.Dockerfile"), 0)
        case("unreadable file", scan(p("unreadable.Dockerfile")), 2, "Permission denied")

    # Lots of configuration of the wrong kind.
    write(p("baseline.json"), b"[" * 100_000)
    case("baseline nested 100,000 deep", ["scan", "--baseline", p("baseline.json"), p("empty.Dockerfile")], 2, "baseline")

    # docker inspect output (scan --inspect).
    inspect = lambda path: ["scan", "--no-color", "--fail-on", "never", "--inspect", path]
    write(p("huge.json"), b"[" + b" " * (20 * 1024 * 1024) + b"]")
    case("inspect output of 20 MB", inspect(p("huge.json")), 2, "16 MiB limit")
    write(p("deep.json"), b"[" * 100_000 + b"]" * 100_000)
    case("inspect JSON nested 100,000 deep", inspect(p("deep.json")), 2, "nested deeper than 32")
    write(p("values.json"), b"[" + b"0," * 300_000 + b"0]")
    case("inspect JSON of 300,000 values", inspect(p("values.json")), 2, "JSON values")
    write(p("objects.json"), b"[" + b"{}," * 260_000 + b"{}]")
    case("inspect JSON of 260,000 empty objects", inspect(p("objects.json")), 2, "more than 4096 containers")
    write(p("containers.json"), b"[" + b'{"HostConfig":{}},' * 5000 + b'{"HostConfig":{}}]')
    case("5,000 containers", inspect(p("containers.json")), 2, "more than 4096 containers")
    bad_one = (b'{"Id":"0123456789abcdef","Name":"/x","Config":{"User":"","Env":["DB_PASSWORD=abcdefgh"]},'
               b'"HostConfig":{"Privileged":true,"CapAdd":["SYS_ADMIN"],"CapDrop":null,"Memory":0,'
               b'"PidsLimit":null,"NetworkMode":"host","PortBindings":{"80/tcp":[{"HostIp":"","HostPort":"80"}]}},'
               b'"Mounts":[{"Type":"bind","Source":"/var/run/docker.sock","Destination":"/s","RW":true}]}')
    write(p("findings.json"), b"[" + b",".join([bad_one] * 4096) + b"]")
    case("4,096 careless containers", inspect(p("findings.json")), 0)
    write(p("labels.json"), b'[{"HostConfig":{},"Config":{"Labels":{' +
          b",".join(b'"l%d":"v"' % i for i in range(200_000)) + b"}}}]")
    case("a container with 200,000 labels", inspect(p("labels.json")), 0)
    write(p("env.json"), b'[{"HostConfig":{},"Config":{"Env":["API_TOKEN=' + b"x" * (15 * 1024 * 1024) + b'"]}}]')
    case("a 15 MB secret in the environment", inspect(p("env.json")), 0)
    write(p("binary.json"), b'[{"HostConfig":{"Privileged":"\xff\xfe"}}]')
    case("inspect JSON that is not UTF-8", inspect(p("binary.json")), 2, "invalid JSON")

    print(f"slowest input: {slowest[1]} ({slowest[0]:.2f} s; bound {TIME_LIMIT:.0f} s)")
    print(f"hostile: {passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
