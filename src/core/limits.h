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

/* Longest source line copied into a finding for the caret display. Real lines are far
 * shorter; a longer one (a minified JSON file is a single line) would be copied once per
 * finding, so its findings show the evidence excerpt without the line, and are
 * fingerprinted by that excerpt instead of the line. */
#define PL_MAX_SNIPPET_BYTES (64u * 1024u)

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

/* Most files in one Compose project: the -f files plus the files that `extends` names.
 * Real projects have two to five; the bound keeps a project's memory a small multiple of
 * PL_MAX_COMPOSE_BYTES' worth of trees. */
#define PL_MAX_COMPOSE_FILES 16u

/* Longest `extends` chain followed (a service extending one extending another ...).
 * Real chains are one or two deep; a longer one is reported as an error, as is a cycle. */
#define PL_MAX_COMPOSE_EXTENDS 8u

/* Most definitions of one service (the files that define it and the services it
 * extends): PL_MAX_COMPOSE_FILES files, each adding at most a chain. */
#define PL_MAX_COMPOSE_LAYERS 64u

/* Most items of one service setting (ports, volumes, environment ...) compared pairwise
 * when files merge: real settings have tens. Past this the items are all visited, as if
 * none repeated, so that a hostile file costs linear time. */
#define PL_MAX_COMPOSE_MERGE_ITEMS 1024u

/* Longest .dockerignore line Docker reads: its line scanner (Go's bufio.Scanner) stops
 * with "token too long" at 64 KiB, and the build fails. Not a plimsoll choice. */
#define PL_MAX_IGNORE_LINE_BYTES 65535u

/* Most patterns taken from one .dockerignore, and the longest pattern. Real files have a
 * few dozen patterns of a few dozen bytes; matching costs patterns x pattern length per
 * path, so both bounds keep a hostile file from making a context walk take hours. */
#define PL_MAX_IGNORE_PATTERNS 10000u
#define PL_MAX_IGNORE_PATTERN_BYTES 4096u

/* Most entries (files, directories, links) listed from one build context, and the most
 * path bytes they may hold together. A large monorepo has a few hundred thousand files;
 * the bounds keep the listing (about 100 bytes an entry) under a few hundred MiB. */
#define PL_MAX_CTX_ENTRIES 1000000u
#define PL_MAX_CTX_PATH_BYTES (128u * 1024u * 1024u)

/* Deepest directory level listed in a build context, and the longest relative path:
 * PATH_MAX on Linux, which is what the tools that send the context can open. */
#define PL_MAX_CTX_DEPTH 128u
#define PL_MAX_CTX_PATH 4096u

/* Most pattern-matching steps spent on one context walk: about a minute of work. A real
 * context needs far less (files x patterns x a few dozen steps); a hostile .dockerignore
 * could need far more, and then the walk stops with a limit message. */
#define PL_MAX_CTX_MATCH_WORK (16ull * 1024u * 1024u * 1024u)

/* Most symbolic links followed while resolving one COPY source inside the context: the
 * Linux kernel's own limit (MAXSYMLINKS), so loops end the way they end for the builder. */
#define PL_MAX_SYMLINK_HOPS 40u
/* Deepest nesting of ${a:-${b:-...}} in one Compose value or .env value. compose-go
 * recurses without a bound; real files nest two or three levels, and the bound keeps a
 * hostile value of a million "${x:-" off the stack. */
#define PL_MAX_INTERP_DEPTH 32u

/* Largest result of interpolating one value: $A$A$A... with a large A grows as fast as
 * the input, so the result is bounded. 4 MiB is the largest Compose file, so that a value
 * written out in full always fits. */
#define PL_MAX_INTERP_BYTES (4u * 1024u * 1024u)

/* Most variable references listed for one value by pl_interp_refs: real values hold one
 * or two; a 4 MiB value of "$a$a$a..." would otherwise cost tens of MiB of records. */
#define PL_MAX_INTERP_REFS 10000u

/* Largest .env or env_file read: real ones are a few KiB of KEY=value lines; 1 MiB leaves
 * room for embedded certificates and keeps the entry table small. */
#define PL_MAX_DOTENV_BYTES (1024u * 1024u)

/* Most entries kept from one .env file; bounds the entry table (about 100 bytes each)
 * whatever the line lengths. Real files have tens of entries. */
#define PL_MAX_DOTENV_ENTRIES 100000u

/* Most bytes of interpolated values produced for one .env file in total. Each value is
 * bounded by PL_MAX_INTERP_BYTES, but A=$B$B$B$B on every line can make each value four
 * times the one before; this bounds the whole file's output. */
#define PL_MAX_DOTENV_EXPANDED_BYTES (16u * 1024u * 1024u)

/* Largest `docker inspect` output read: one container prints 10 to 30 KiB, so 16 MiB
 * holds the inspect output of several hundred containers at once. */
#define PL_MAX_INSPECT_BYTES (16u * 1024u * 1024u)

/* Deepest JSON nesting in inspect output. Docker's own output nests about eight levels
 * (array, container, HostConfig, LogConfig, Config, ...); the bound keeps hostile input
 * off jansson's recursion and ours. */
#define PL_MAX_INSPECT_DEPTH 32u

/* Most JSON values in one inspect input. A container has a few hundred values; jansson
 * spends some 50 to 200 bytes on each, so this bounds its tree near 50 MiB whatever the
 * text looks like, while leaving room for about a thousand containers. */
#define PL_MAX_INSPECT_VALUES (256u * 1024u)

/* Most containers in one inspect input. Real output of 16 MiB holds about a thousand; the
 * bound keeps the model (about 2 KiB per container) small when the containers are tiny
 * hostile objects rather than real ones. */
#define PL_MAX_INSPECT_CONTAINERS 4096u

/* Largest Kubernetes manifest read: one file may hold a whole application or a rendered
 * chart of a few hundred objects (around 1 MiB), and bundles with CustomResourceDefinitions
 * reach a few MiB. libfyaml reads about 5 MiB a second, so 8 MiB keeps a scan of the
 * largest file within a couple of seconds and its tree bounded. */
#define PL_MAX_K8S_BYTES (8u * 1024u * 1024u)

/* Most YAML documents in one stream: rendered charts hold hundreds; a file of `---` lines
 * would otherwise cost one libfyaml document each. */
#define PL_MAX_YAML_DOCUMENTS 10000u

/* Most nodes of a Kubernetes manifest reached through aliases (`*name`), counted as often
 * as they are reached. Rules walk the tree with aliases followed, so without a bound a
 * small file of aliases to aliases costs them exponential time; nodes written out are
 * bounded by PL_MAX_K8S_BYTES already. Manifests that use anchors at all repeat a
 * resources block or an env list: a few hundred nodes. */
#define PL_MAX_YAML_ALIAS_NODES 100000u

/* Deepest YAML nesting walked, aliases included. Kubernetes objects nest about fifteen
 * levels (CronJob to a container's securityContext); the bound keeps the walk's recursion
 * off the stack limit and stops alias cycles. */
#define PL_MAX_YAML_DEPTH 256u

/* Deepest `kind: List` inside a List followed; real lists are flat. */
#define PL_MAX_K8S_LIST_DEPTH 4u

/* Bytes of a .yaml/.yml/.json file read to decide whether it is a Kubernetes manifest
 * before a directory walk takes it: `apiVersion` and `kind` open a manifest, so the first
 * 64 KiB are plenty even after a long licence header. */
#define PL_K8S_SNIFF_BYTES (64u * 1024u)

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

/* Largest shell script, Makefile or Markdown file read for docker command lines. Scripts
 * and READMEs are a few KiB; bigger files are generated, and skipped with an error. */
#define PL_MAX_SCRIPT_BYTES (8u * 1024u * 1024u)

/* Bytes of a *.sh, Makefile, *.mk or *.md file read while walking a directory to decide
 * whether it mentions "docker " or "podman " at all; files that do not are not scanned.
 * A file is read whole up to this size, so a README's last code block is seen too. */
#define PL_SCRIPT_SNIFF_BYTES (1024u * 1024u)

/* Most docker commands kept from one file; a generated file with more is truncated. */
#define PL_MAX_SCRIPT_COMMANDS 10000u

/* Bytes of build context files `plimsoll scan` reads per Dockerfile to look for secrets
 * that a COPY or ADD takes into the image: a context of this size is a data set, not a
 * service, and reading all of it would make a scan as slow as the build. */
#define PL_SECRETS_MAX_CONTEXT_BYTES (256u * 1024u * 1024u)

#endif
