/*
 * limits.h -- every ceiling plimsoll puts on its input, in one place.
 *
 * Input may come from an untrusted pull request, so each size, count and depth that an
 * input controls is bounded here, with the reason for the number beside it. A value over
 * its limit is a diagnostic with file:line:col and exit code 2, never a crash or a hang.
 */
#ifndef PL_CORE_LIMITS_H
#define PL_CORE_LIMITS_H

/* Largest file read at all. The largest real Dockerfiles are a few hundred KiB; 32 MiB
 * leaves room for generated files while bounding what one input can make us allocate. */
#define PL_MAX_FILE_BYTES (32u * 1024u * 1024u)

/* Longest logical Dockerfile line (an instruction with its continuations). BuildKit reads
 * lines with a 1 MiB-scale scanner buffer; anything longer is not a real Dockerfile. */
#define PL_MAX_LINE_BYTES (1024u * 1024u)

/* Most instructions in one Dockerfile. Real files have at most a few hundred. */
#define PL_MAX_INSTRUCTIONS 100000u

/* Most heredocs in one instruction; BuildKit has no limit but real files use one or two. */
#define PL_MAX_HEREDOCS 64u

/* Most words (flags plus arguments) in one instruction. */
#define PL_MAX_WORDS 65536u

/* Deepest nesting of subshells, $( ) and `sh -c` re-parses in a RUN script. Real scripts
 * nest two or three levels; recursion deeper than this is refused, not followed. */
#define PL_MAX_SHELL_DEPTH 32u

/* Most simple commands taken from one RUN script. */
#define PL_MAX_SHELL_COMMANDS 100000u

/* Largest result of expanding one word with variables: ${a}${a}... can grow
 * quadratically, so the expansion stops with an error past this size. */
#define PL_MAX_EXPANSION_BYTES (1024u * 1024u)

/* Deepest directory recursion when walking a scan path, and most files taken from one
 * walk. Symlinked directories are never followed, so depth only guards real trees. */
#define PL_MAX_WALK_DEPTH 64u
#define PL_MAX_WALK_FILES 1000000u

/* Most findings reported for one file: a generated file could otherwise produce millions
 * of identical findings. Further findings are counted but not kept. */
#define PL_MAX_FINDINGS_PER_FILE 10000u

/* Longest evidence excerpt kept in a finding; longer excerpts end in "...". */
#define PL_MAX_EVIDENCE_BYTES 240u

/* Most stages in one Dockerfile. */
#define PL_MAX_STAGES 4096u

/* Deepest nesting of ${v:-${w:-...}} in one word. BuildKit recurses without a bound; real
 * Dockerfiles nest two or three levels, and the bound keeps hostile input off the stack. */
#define PL_MAX_EXPANSION_DEPTH 64u

/* Most matcher steps (value characters times live pattern states) spent on the
 * ${v#p} ${v%p} ${v/p/r} patterns of one word. A long pattern against a 1 MiB value could
 * otherwise cost 10^12 steps; real patterns against real values need a few thousand, and
 * this still lets a dozen-state pattern scan a whole 1 MiB value (tens of milliseconds). */
#define PL_MAX_PATTERN_WORK (16u * 1024u * 1024u)

/* Deepest chain of YAML merge keys (`<<: *a` where a merges b ...) followed when looking a
 * key up; real files merge one or two levels, and the bound stops merge cycles. */
#define PL_MAX_YAML_MERGE_DEPTH 8

/* Largest Compose file read: real ones are a few KiB; 4 MiB leaves room for generated
 * ones and keeps libfyaml's tree (several times the text) bounded. */
#define PL_MAX_COMPOSE_BYTES (4u * 1024u * 1024u)

/* Longest secret match, from the start of a match to its end. The longest credentials
 * detected are PGP private key blocks and base64 PKCS #12 keystores (tens of KiB);
 * Vectorscan reports where a candidate ends and PCRE2 confirms it in a window this wide,
 * so the bound also caps the work spent on one candidate. */
#define PL_SECRETS_MAX_MATCH_BYTES (32u * 1024u)

/* Most secrets reported for one buffer. A generated file full of tokens (test fixtures,
 * a dump) would otherwise produce millions; the scan stops at this many. */
#define PL_SECRETS_MAX_MATCHES 10000u

/* Largest file `plimsoll secrets` reads. Credentials live in configuration and source
 * files; bigger files are logs, dumps and data, which are skipped with a note. */
#define PL_SECRETS_MAX_FILE_BYTES (64u * 1024u * 1024u)

/* A file with a NUL byte in its first 8 KiB is binary and not scanned, the test git and
 * ripgrep use. */
#define PL_SECRETS_BINARY_PROBE_BYTES 8192u

/* Backtracking steps PCRE2 may spend confirming one candidate; every expression is
 * bounded, so real inputs need a few thousand. */
#define PL_SECRETS_PCRE_MATCH_LIMIT 1000000u

/* Longest source line a secrets finding keeps for the caret display; longer lines
 * (minified code) are shown by location only. */
#define PL_SECRETS_MAX_SRC_LINE 4096u

#endif
