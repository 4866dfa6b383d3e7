/*
 * test_shell_cmd.c -- unit tests for splitting RUN scripts into simple commands
 * (pl_sh_parse), the wrappers skipped by pl_sh_cmd_prog, and hostile input.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/limits.h"
#include "parse/shell.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct pl_arena arena;
static struct pl_sh_script sc;
static const char *script;

static int
setup(void **state)
{
	(void)state;
	pl_arena_init(&arena);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	pl_arena_finish(&arena);
	return 0;
}

static void
parse(const char *s)
{
	script = s;
	pl_sh_parse(s, strlen(s), &arena, &sc);
}

/* The argv texts of command K joined with single spaces. */
static const char *
argv_of(size_t k)
{
	static char out[4096];
	size_t i, n = 0;

	assert_true(k < sc.ncmds);
	out[0] = '\0';
	for (i = 0; i < sc.cmds[k].argc; i++) {
		n += (size_t)snprintf(out + n, sizeof(out) - n, "%s%s", i ? " " : "",
				      sc.cmds[k].argv[i].text);
	}
	return out;
}

/* The program word that really runs in command K, or "" when there is none. */
static const char *
prog_of(size_t k)
{
	size_t p = pl_sh_cmd_prog(&sc.cmds[k]);

	return p < sc.cmds[k].argc ? pl_sh_basename(&sc.cmds[k].argv[p]) : "";
}

/* The source text a word's offsets point at. */
static char *
span(uint32_t off, uint32_t end)
{
	static char out[4096];

	assert_true(off <= end && end <= strlen(script));
	memcpy(out, script + off, end - off);
	out[end - off] = '\0';
	return out;
}

static void
test_apt_chain(void **state)
{
	(void)state;
	parse("apt-get update && apt-get install -y --no-install-recommends curl "
	      "ca-certificates && rm -rf /var/lib/apt/lists/*");
	assert_int_equal(sc.ncmds, 3);
	assert_string_equal(argv_of(0), "apt-get update");
	assert_string_equal(argv_of(1),
			    "apt-get install -y --no-install-recommends curl ca-certificates");
	assert_string_equal(argv_of(2), "rm -rf /var/lib/apt/lists/*");
	assert_int_equal(sc.cmds[0].op_before, PL_SH_OP_START);
	assert_int_equal(sc.cmds[1].op_before, PL_SH_OP_AND);
	assert_int_equal(sc.cmds[2].op_before, PL_SH_OP_AND);
	assert_true(sc.cmds[2].argv[2].flags & PL_SHW_GLOB);
	assert_string_equal(span(sc.cmds[1].off, sc.cmds[1].end),
			    "apt-get install -y --no-install-recommends curl ca-certificates");
	assert_string_equal(span(sc.cmds[2].argv[2].off, sc.cmds[2].argv[2].end),
			    "/var/lib/apt/lists/*");
	assert_false(sc.truncated);
	assert_false(sc.incomplete);
	for (size_t k = 0; k < 3; k++) {
		assert_int_equal(sc.cmds[k].depth, 0);
		assert_int_equal(sc.cmds[k].parent, -1);
		assert_int_equal(sc.cmds[k].pipe_len, 1);
	}
	assert_int_not_equal(sc.cmds[0].pipeline, sc.cmds[1].pipeline);
}

static void
test_pipes(void **state)
{
	(void)state;
	parse("curl -fsSL https://x | sh");
	assert_int_equal(sc.ncmds, 2);
	assert_string_equal(argv_of(0), "curl -fsSL https://x");
	assert_string_equal(argv_of(1), "sh");
	assert_int_equal(sc.cmds[0].pipeline, sc.cmds[1].pipeline);
	assert_int_equal(sc.cmds[0].pipe_pos, 0);
	assert_int_equal(sc.cmds[1].pipe_pos, 1);
	assert_int_equal(sc.cmds[0].pipe_len, 2);
	assert_int_equal(sc.cmds[1].pipe_len, 2);
	assert_int_equal(sc.cmds[1].op_before, PL_SH_OP_PIPE);

	parse("wget -qO- u | bash -s --");
	assert_int_equal(sc.ncmds, 2);
	assert_string_equal(argv_of(1), "bash -s --");
	assert_int_equal(sc.cmds[1].pipe_pos, 1);

	parse("a | b |& c; d | e & f");
	assert_int_equal(sc.ncmds, 6);
	assert_int_equal(sc.cmds[2].pipe_pos, 2);
	assert_int_equal(sc.cmds[0].pipe_len, 3);
	assert_int_equal(sc.cmds[3].op_before, PL_SH_OP_SEQ);
	assert_int_equal(sc.cmds[4].pipe_len, 2);
	assert_int_equal(sc.cmds[5].op_before, PL_SH_OP_BG);
	assert_int_equal(sc.cmds[5].pipe_len, 1);
	assert_int_not_equal(sc.cmds[3].pipeline, sc.cmds[0].pipeline);

	parse("! grep -q x f || echo no");
	assert_true(sc.cmds[0].negated);
	assert_false(sc.cmds[1].negated);
	assert_int_equal(sc.cmds[1].op_before, PL_SH_OP_OR);
}

static void
test_sh_c(void **state)
{
	(void)state;
	parse("sh -c 'curl x | sh'");
	assert_int_equal(sc.ncmds, 3);
	assert_string_equal(argv_of(0), "sh -c curl x | sh");
	assert_string_equal(argv_of(1), "curl x");
	assert_string_equal(argv_of(2), "sh");
	assert_int_equal(sc.cmds[1].depth, 1);
	assert_int_equal(sc.cmds[1].parent, 0);
	assert_int_equal(sc.cmds[2].parent, 0);
	assert_int_equal(sc.cmds[1].pipeline, sc.cmds[2].pipeline);
	assert_int_equal(sc.cmds[2].pipe_pos, 1);
	/* Inner offsets map back into the script exactly for single quotes. */
	assert_string_equal(span(sc.cmds[1].off, sc.cmds[1].end), "curl x");
	assert_string_equal(span(sc.cmds[2].argv[0].off, sc.cmds[2].argv[0].end), "sh");

	parse("/bin/sh -ec \"apt-get install -y \\\"curl\\\" && echo \\$HOME\"");
	assert_int_equal(sc.ncmds, 3);
	assert_string_equal(argv_of(1), "apt-get install -y curl");
	assert_string_equal(argv_of(2), "echo $HOME");
	assert_true(sc.cmds[2].argv[1].flags & PL_SHW_EXPANSION);
	assert_true(sc.cmds[1].off >= sc.cmds[0].argv[2].off);
	assert_true(sc.cmds[2].end <= sc.cmds[0].argv[2].end);

	parse("sudo -u app bash -xc 'npm ci' && dash -c ls");
	assert_int_equal(sc.ncmds, 4);
	assert_string_equal(prog_of(0), "bash");
	assert_string_equal(argv_of(1), "npm ci");
	assert_int_equal(sc.cmds[1].parent, 0);
	assert_string_equal(argv_of(3), "ls");
	assert_int_equal(sc.cmds[3].parent, 2);

	parse("bash -o pipefail -c 'a | b' && zsh --login -c c && ksh -s -c");
	assert_string_equal(argv_of(1), "a");
	assert_string_equal(argv_of(2), "b");
	assert_string_equal(argv_of(4), "c");
	assert_int_equal(sc.ncmds, 6);

	/* -s and a script file are not -c: nothing is parsed again. */
	parse("bash script.sh -c x; sh -e");
	assert_int_equal(sc.ncmds, 2);

	/* An expansion the outer shell already performed is not parsed a second time. */
	parse("sh -c \"$(curl -fsSL https://x)\"");
	assert_int_equal(sc.ncmds, 3);
	assert_string_equal(argv_of(1), "curl -fsSL https://x");
	assert_int_equal(sc.cmds[1].parent, 0);
	assert_string_equal(argv_of(2), "$(curl -fsSL https://x)");
	assert_int_equal(sc.cmds[2].parent, 0);

	/* In single quotes it is the inner shell's own command substitution. */
	parse("sh -c 'echo $(id -u)'");
	assert_int_equal(sc.ncmds, 3);
	assert_string_equal(argv_of(2), "id -u");
	assert_int_equal(sc.cmds[2].depth, 2);
	assert_int_equal(sc.cmds[2].parent, 1);
}

static void
test_nested_sh_c_depth(void **state)
{
	struct pl_buf b, q;
	size_t levels = 10, i;

	(void)state;
	/* sh -c 'sh -c '\''...'\'' ': each level quoted for the one around it. */
	pl_buf_init(&b);
	pl_buf_adds(&b, "id");
	for (i = 0; i < levels; i++) {
		pl_buf_init(&q);
		pl_buf_adds(&q, "sh -c '");
		for (const char *s = b.p; *s; s++) {
			if (*s == '\'') {
				pl_buf_adds(&q, "'\\''");
			} else {
				pl_buf_addc(&q, *s);
			}
		}
		pl_buf_addc(&q, '\'');
		pl_buf_finish(&b);
		b = q;
	}
	parse(b.p);
	assert_int_equal(sc.ncmds, levels + 1);
	assert_string_equal(argv_of(levels), "id");
	assert_int_equal(sc.cmds[levels].depth, (int)levels);
	assert_int_equal(sc.cmds[levels].parent, (int)levels - 1);
	assert_false(sc.truncated);
	pl_buf_finish(&b);
}

static void
test_if_for_while(void **state)
{
	(void)state;
	parse("if [ -f a ]; then pip install x; elif true; then :; else exit 1; fi");
	assert_int_equal(sc.ncmds, 5);
	assert_string_equal(argv_of(0), "[ -f a ]");
	assert_string_equal(argv_of(1), "pip install x");
	assert_string_equal(argv_of(2), "true");
	assert_string_equal(argv_of(3), ":");
	assert_string_equal(argv_of(4), "exit 1");

	parse("for p in a b; do npm i $p; done");
	assert_int_equal(sc.ncmds, 1);
	assert_string_equal(argv_of(0), "npm i $p");
	assert_true(sc.cmds[0].argv[2].flags & PL_SHW_EXPANSION);

	parse("for f in $(ls /x)\ndo\n  rm \"$f\"\ndone; echo end");
	assert_int_equal(sc.ncmds, 3);
	assert_string_equal(argv_of(0), "ls /x");
	assert_int_equal(sc.cmds[0].depth, 1);
	assert_int_equal(sc.cmds[0].parent, -1);
	assert_string_equal(argv_of(1), "rm $f");
	assert_string_equal(argv_of(2), "echo end");

	parse("for ((i = 0; i < 3; i++)); do echo $i; done; for x; do y; done");
	assert_int_equal(sc.ncmds, 2);
	assert_string_equal(argv_of(0), "echo $i");
	assert_string_equal(argv_of(1), "y");

	parse("while read -r l; do echo \"$l\"; done < list.txt | sort");
	assert_int_equal(sc.ncmds, 3);
	assert_string_equal(argv_of(0), "read -r l");
	assert_int_equal(sc.cmds[1].nredirs, 0);
	assert_string_equal(argv_of(2), "sort");
	assert_int_equal(sc.cmds[2].op_before, PL_SH_OP_PIPE);

	parse("until curl -f u; do sleep 1; done");
	assert_int_equal(sc.ncmds, 2);
	assert_string_equal(argv_of(0), "curl -f u");

	/* Reserved words are words when they are not first. */
	parse("echo if then fi done");
	assert_int_equal(sc.ncmds, 1);
	assert_string_equal(argv_of(0), "echo if then fi done");
}

static void
test_case(void **state)
{
	(void)state;
	parse("case \"$(uname -m)\" in\n  x86_64|amd64) arch=amd64 ;;\n  (aarch64) "
	      "apt-get install -y qemu;;\n  *) echo \"unknown)\"; exit 1 ;;\nesac\necho done");
	assert_int_equal(sc.ncmds, 6);
	assert_string_equal(argv_of(0), "uname -m");
	assert_int_equal(sc.cmds[0].depth, 1);
	assert_int_equal(sc.cmds[1].argc, 0);
	assert_int_equal(sc.cmds[1].nassigns, 1);
	assert_string_equal(sc.cmds[1].assigns[0].text, "arch=amd64");
	assert_string_equal(argv_of(2), "apt-get install -y qemu");
	assert_string_equal(argv_of(3), "echo unknown)");
	assert_string_equal(argv_of(4), "exit 1");
	assert_string_equal(argv_of(5), "echo done");
	assert_int_equal(sc.cmds[5].op_before, PL_SH_OP_SEQ);
	parse("x=$(case a in a) echo in;; esac) && ls");
	assert_int_equal(sc.ncmds, 3);
	assert_string_equal(argv_of(1), "echo in");
	assert_int_equal(sc.cmds[1].parent, 0);
	assert_string_equal(argv_of(2), "ls");
	assert_false(sc.incomplete);
}

static void
test_subshells_and_groups(void **state)
{
	(void)state;
	parse("(cd /app && make)");
	assert_int_equal(sc.ncmds, 2);
	assert_string_equal(argv_of(0), "cd /app");
	assert_string_equal(argv_of(1), "make");
	assert_int_equal(sc.cmds[0].depth, 1);
	assert_int_equal(sc.cmds[0].parent, -1);
	assert_int_equal(sc.cmds[0].op_before, PL_SH_OP_START);
	assert_int_equal(sc.cmds[1].op_before, PL_SH_OP_AND);

	parse("a && { b; c; } || (d; (e)) ; f");
	assert_int_equal(sc.ncmds, 6);
	assert_int_equal(sc.cmds[1].depth, 1);
	assert_int_equal(sc.cmds[1].op_before, PL_SH_OP_START);
	assert_int_equal(sc.cmds[2].op_before, PL_SH_OP_SEQ);
	assert_int_equal(sc.cmds[4].depth, 2);
	assert_string_equal(argv_of(5), "f");
	assert_int_equal(sc.cmds[5].depth, 0);
	assert_int_equal(sc.cmds[5].op_before, PL_SH_OP_SEQ);

	parse("install() { curl -o x u; }; install; function up { apt-get upgrade; }");
	assert_int_equal(sc.ncmds, 3);
	assert_string_equal(argv_of(0), "curl -o x u");
	assert_int_equal(sc.cmds[0].depth, 1);
	assert_string_equal(argv_of(1), "install");
	assert_string_equal(argv_of(2), "apt-get upgrade");

	parse("(( x = 1 + 2 )) && echo ok");
	assert_int_equal(sc.ncmds, 1);
	assert_string_equal(argv_of(0), "echo ok");
	assert_int_equal(sc.cmds[0].op_before, PL_SH_OP_AND);

	parse("[[ -f a && ( -n \"$b\" || $c =~ ^(x|y)$ ) ]] && echo ok");
	assert_int_equal(sc.ncmds, 2);
	assert_int_equal(sc.cmds[0].argc, 13);
	assert_string_equal(sc.cmds[0].argv[10].text, "^(x|y)$");
	assert_string_equal(argv_of(1), "echo ok");
}

static void
test_substitutions(void **state)
{
	(void)state;
	parse("echo $(curl -s u)");
	assert_int_equal(sc.ncmds, 2);
	assert_string_equal(argv_of(0), "echo $(curl -s u)");
	assert_true(sc.cmds[0].argv[1].flags & PL_SHW_EXPANSION);
	assert_string_equal(sc.cmds[0].argv[1].raw, "$(curl -s u)");
	assert_string_equal(argv_of(1), "curl -s u");
	assert_int_equal(sc.cmds[1].depth, 1);
	assert_int_equal(sc.cmds[1].parent, 0);
	assert_string_equal(span(sc.cmds[1].off, sc.cmds[1].end), "curl -s u");

	parse("v=\"$(cat f | grep x)\" `id -u` $((1 + $(nproc))) <(wget -O- u)");
	assert_int_equal(sc.ncmds, 5);
	assert_string_equal(sc.cmds[0].assigns[0].text, "v=$(cat f | grep x)");
	assert_string_equal(argv_of(0), "`id -u` $((1 + $(nproc))) <(wget -O- u)");
	assert_string_equal(argv_of(1), "cat f");
	assert_string_equal(argv_of(2), "grep x");
	assert_int_equal(sc.cmds[2].pipe_pos, 1);
	assert_string_equal(argv_of(3), "id -u");
	assert_string_equal(span(sc.cmds[3].off, sc.cmds[3].end), "id -u");
	assert_string_equal(argv_of(4), "wget -O- u");
	for (size_t k = 1; k < 5; k++) {
		assert_int_equal(sc.cmds[k].parent, 0);
	}

	parse("echo `echo \\`id\\``");
	assert_int_equal(sc.ncmds, 3);
	assert_string_equal(argv_of(1), "echo `id`");
	assert_string_equal(argv_of(2), "id");
	assert_int_equal(sc.cmds[2].depth, 2);
	assert_int_equal(sc.cmds[2].parent, 1);

	parse("echo ${X:-$(curl u)} \"${Y/a/b}\"");
	assert_int_equal(sc.ncmds, 2);
	assert_string_equal(argv_of(0), "echo ${X:-$(curl u)} ${Y/a/b}");
	assert_string_equal(argv_of(1), "curl u");
	assert_int_equal(sc.cmds[1].parent, 0);

	parse("$(which python3) -m pip install x");
	assert_int_equal(sc.ncmds, 2);
	assert_string_equal(argv_of(1), "which python3");
	assert_int_equal(sc.cmds[0].off, 0);
}

static void
test_words_and_quotes(void **state)
{
	(void)state;
	parse("echo 'a b'\"c $d\"e\\ f $'x\\ty\\u00e9' $\"t\" a#b \"\" # comment && rm -rf /");
	assert_int_equal(sc.ncmds, 1);
	assert_int_equal(sc.cmds[0].argc, 6);
	assert_string_equal(sc.cmds[0].argv[1].text, "a bc $de f");
	assert_string_equal(sc.cmds[0].argv[1].raw, "'a b'\"c $d\"e\\ f");
	assert_int_equal(sc.cmds[0].argv[1].flags, PL_SHW_QUOTED | PL_SHW_EXPANSION);
	assert_string_equal(sc.cmds[0].argv[2].text, "x\ty\xc3\xa9");
	assert_string_equal(sc.cmds[0].argv[3].text, "t");
	assert_string_equal(sc.cmds[0].argv[4].text, "a#b");
	assert_string_equal(sc.cmds[0].argv[5].text, "");
	assert_string_equal(sc.cmds[0].argv[5].raw, "\"\"");

	parse("echo \"a \\$b \\\"c\\\" \\\\d \\e\" x\\\ny");
	assert_string_equal(sc.cmds[0].argv[1].text, "a $b \"c\" \\d \\e");
	assert_false(sc.cmds[0].argv[1].flags & PL_SHW_EXPANSION);
	assert_string_equal(sc.cmds[0].argv[2].text, "xy");

	parse("echo a \\\n  && b");
	assert_int_equal(sc.ncmds, 2);
	assert_int_equal(sc.cmds[1].op_before, PL_SH_OP_AND);

	parse("a &&\n\n  b ||\n c\n\nd");
	assert_int_equal(sc.ncmds, 4);
	assert_int_equal(sc.cmds[1].op_before, PL_SH_OP_AND);
	assert_int_equal(sc.cmds[2].op_before, PL_SH_OP_OR);
	assert_int_equal(sc.cmds[3].op_before, PL_SH_OP_SEQ);
}

static void
test_assignments_and_redirections(void **state)
{
	(void)state;
	parse("DEBIAN_FRONTEND=noninteractive A+=1 B[2]=x apt-get install -y x Y=1 "
	      "2>&1 >/dev/null > out.log &>all <in 3<>/dev/tcp/h/80 >&2 <<<\"$w\"");
	assert_int_equal(sc.ncmds, 1);
	assert_int_equal(sc.cmds[0].nassigns, 3);
	assert_string_equal(sc.cmds[0].assigns[0].text, "DEBIAN_FRONTEND=noninteractive");
	assert_string_equal(sc.cmds[0].assigns[2].text, "B[2]=x");
	assert_string_equal(argv_of(0), "apt-get install -y x Y=1");
	assert_int_equal(sc.cmds[0].nredirs, 8);
	assert_string_equal(sc.cmds[0].redirs[0].text, "2>&1");
	assert_string_equal(sc.cmds[0].redirs[1].text, ">/dev/null");
	assert_string_equal(sc.cmds[0].redirs[2].text, ">out.log");
	assert_string_equal(sc.cmds[0].redirs[2].raw, "> out.log");
	assert_string_equal(span(sc.cmds[0].redirs[2].off, sc.cmds[0].redirs[2].end),
			    "> out.log");
	assert_string_equal(sc.cmds[0].redirs[3].text, "&>all");
	assert_string_equal(sc.cmds[0].redirs[4].text, "<in");
	assert_string_equal(sc.cmds[0].redirs[5].text, "3<>/dev/tcp/h/80");
	assert_string_equal(sc.cmds[0].redirs[6].text, ">&2");
	assert_string_equal(sc.cmds[0].redirs[7].text, "<<<$w");

	parse("env DEBIAN_FRONTEND=noninteractive apt-get install -y x");
	assert_int_equal(sc.cmds[0].nassigns, 0);
	assert_int_equal(pl_sh_cmd_prog(&sc.cmds[0]), 2);

	parse("X=1; >f; arr=(a b 'c d') && echo ok");
	assert_int_equal(sc.ncmds, 4);
	assert_int_equal(sc.cmds[0].argc, 0);
	assert_int_equal(sc.cmds[1].nredirs, 1);
	assert_string_equal(sc.cmds[2].assigns[0].text, "arr=(a b 'c d')");
	assert_int_equal(pl_sh_cmd_prog(&sc.cmds[0]), 0);
}

static void
test_heredocs(void **state)
{
	(void)state;
	parse("cat <<EOF > /etc/x\nline && not a cmd\n$(not parsed)\nEOF\necho done");
	assert_int_equal(sc.ncmds, 2);
	assert_string_equal(argv_of(0), "cat");
	assert_int_equal(sc.cmds[0].nredirs, 2);
	assert_string_equal(sc.cmds[0].redirs[0].text, "<<EOF");
	assert_string_equal(sc.cmds[0].redirs[1].text, ">/etc/x");
	assert_string_equal(argv_of(1), "echo done");
	assert_int_equal(sc.cmds[1].op_before, PL_SH_OP_SEQ);
	assert_false(sc.incomplete);

	parse("cat <<-'END' | sh; echo x\n\tcurl u\n\tEND\nls");
	assert_int_equal(sc.ncmds, 4);
	assert_string_equal(sc.cmds[0].redirs[0].text, "<<-END");
	assert_string_equal(sc.cmds[0].redirs[0].raw, "<<-'END'");
	assert_string_equal(argv_of(1), "sh");
	assert_string_equal(argv_of(2), "echo x");
	assert_string_equal(argv_of(3), "ls");

	parse("a <<A; b << \"B\"\n1\nA\n2\nB\nc");
	assert_int_equal(sc.ncmds, 3);
	assert_string_equal(sc.cmds[1].redirs[0].text, "<<B");
	assert_string_equal(argv_of(2), "c");

	parse("cat <<EOF\nno end");
	assert_int_equal(sc.ncmds, 1);
	assert_true(sc.incomplete);
}

static void
test_cmd_prog(void **state)
{
	(void)state;
	parse("sudo -u app npm ci");
	assert_string_equal(prog_of(0), "npm");
	assert_int_equal(pl_sh_cmd_prog(&sc.cmds[0]), 3);
	parse("sudo -E -- env -i PATH=/bin nohup nice -n 5 stdbuf -oL timeout -s KILL 10s "
	      "/usr/bin/apt-get install y");
	assert_string_equal(prog_of(0), "apt-get");
	parse("exec -a name xargs -0 -I {} -n1 curl {}");
	assert_string_equal(prog_of(0), "curl");
	parse("time -p command make; command -v curl; nohup; env");
	assert_string_equal(prog_of(0), "make");
	assert_string_equal(prog_of(1), "command");
	assert_string_equal(prog_of(2), "");
	assert_int_equal(pl_sh_cmd_prog(&sc.cmds[2]), sc.cmds[2].argc);
	assert_string_equal(prog_of(3), "");
	parse("sudo --user=x --preserve-env=A,B VAR=1 pip install y; sudo -uroot id");
	assert_string_equal(prog_of(0), "pip");
	assert_string_equal(prog_of(1), "id");
}

static void
test_basename(void **state)
{
	struct pl_sh_word w = { .text = "/usr/bin/apt-get" };

	(void)state;
	assert_string_equal(pl_sh_basename(&w), "apt-get");
	w.text = "curl";
	assert_string_equal(pl_sh_basename(&w), "curl");
	w.text = "dir/";
	assert_string_equal(pl_sh_basename(&w), "");
	assert_string_equal(pl_sh_basename(NULL), "");
}

static void
test_incomplete(void **state)
{
	(void)state;
	parse("echo 'open && rm -rf /");
	assert_true(sc.incomplete);
	assert_int_equal(sc.ncmds, 1);
	assert_string_equal(argv_of(0), "echo open && rm -rf /");

	parse("echo \"$(curl u");
	assert_true(sc.incomplete);
	assert_int_equal(sc.ncmds, 2);
	assert_string_equal(argv_of(1), "curl u");

	parse("(a; b");
	assert_true(sc.incomplete);
	assert_int_equal(sc.ncmds, 2);

	parse("echo ${x");
	assert_true(sc.incomplete);

	parse("if a; then");
	assert_false(sc.truncated);
	assert_int_equal(sc.ncmds, 1);

	parse("");
	assert_int_equal(sc.ncmds, 0);
	assert_false(sc.incomplete);
	pl_sh_parse(NULL, 0, &arena, &sc);
	assert_int_equal(sc.ncmds, 0);
}

static char *
repeat(const char *unit, size_t k, const char *tail)
{
	size_t u = strlen(unit), t = strlen(tail);
	char *s = malloc(u * k + t + 1);

	for (size_t i = 0; i < k; i++) {
		memcpy(s + i * u, unit, u);
	}
	memcpy(s + u * k, tail, t + 1);
	return s;
}

static void
test_hostile(void **state)
{
	char *s;
	int max;

	(void)state;
	s = repeat("( ", 100000, "a");
	parse(s);
	assert_true(sc.truncated);
	assert_true(sc.incomplete);
	free(s);

	s = repeat("(a; ", 100000, "");
	parse(s);
	assert_true(sc.truncated);
	assert_int_equal(sc.ncmds, PL_MAX_SHELL_DEPTH);
	max = 0;
	for (size_t k = 0; k < sc.ncmds; k++) {
		max = sc.cmds[k].depth > max ? sc.cmds[k].depth : max;
	}
	assert_int_equal(max, PL_MAX_SHELL_DEPTH);
	free(s);

	s = repeat("$(a ", 100000, "");
	parse(s);
	assert_true(sc.truncated);
	assert_int_equal(sc.ncmds, PL_MAX_SHELL_DEPTH + 1);
	free(s);

	s = repeat("((((", 25000, "");
	parse(s);
	assert_true(sc.incomplete);
	free(s);

	s = repeat("a;", PL_MAX_SHELL_COMMANDS + 10, "");
	parse(s);
	assert_true(sc.truncated);
	assert_int_equal(sc.ncmds, PL_MAX_SHELL_COMMANDS);
	free(s);

	s = repeat("`", 99999, "");
	parse(s);
	assert_true(sc.incomplete);
	free(s);

	s = repeat("${", 100000, "");
	parse(s);
	assert_true(sc.incomplete);
	free(s);

	s = repeat("case a in ", 50000, "");
	parse(s);
	assert_true(sc.incomplete);
	free(s);

	s = repeat("<<a ", 50000, "\n");
	parse(s);
	assert_true(sc.incomplete);
	assert_int_equal(sc.ncmds, 1);
	free(s);

	s = repeat("\\", 100001, "");
	parse(s);
	assert_int_equal(sc.ncmds, 1);
	free(s);

	s = repeat("bash -c \"$(", 2000, "");
	parse(s);
	assert_true(sc.truncated);
	free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_apt_chain, setup, teardown),
		cmocka_unit_test_setup_teardown(test_pipes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_sh_c, setup, teardown),
		cmocka_unit_test_setup_teardown(test_nested_sh_c_depth, setup, teardown),
		cmocka_unit_test_setup_teardown(test_if_for_while, setup, teardown),
		cmocka_unit_test_setup_teardown(test_case, setup, teardown),
		cmocka_unit_test_setup_teardown(test_subshells_and_groups, setup, teardown),
		cmocka_unit_test_setup_teardown(test_substitutions, setup, teardown),
		cmocka_unit_test_setup_teardown(test_words_and_quotes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_assignments_and_redirections, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_heredocs, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cmd_prog, setup, teardown),
		cmocka_unit_test_setup_teardown(test_basename, setup, teardown),
		cmocka_unit_test_setup_teardown(test_incomplete, setup, teardown),
		cmocka_unit_test_setup_teardown(test_hostile, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
