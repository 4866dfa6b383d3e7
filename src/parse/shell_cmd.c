/*
 * shell_cmd.c -- RUN scripts split into the simple commands a POSIX shell would run.
 *
 * Rules ask questions about commands ("apt-get install without --no-install-recommends",
 * "curl piped into sh"), so this reads a script the way sh and bash tokenize it and
 * keeps only what identifies commands: words with quotes removed, operators, nesting.
 * It is not a full grammar. Compound commands are tracked flatly: reserved words only
 * mark where commands begin and end, and a stack of frames remembers open subshells,
 * groups and case statements. Recursion happens only for text that is itself a script
 * ($( ), backticks, <( ), `sh -c` arguments), each time one nesting level deeper, and
 * stops at PL_MAX_SHELL_DEPTH: deeper text is skipped by counting parentheses.
 *
 * Deliberate simplifications, none of which matter for the commands found:
 *   - `((` at the start of a command is arithmetic up to the matching `))` (bash would
 *     fall back to two subshells when the text is not an expression);
 *   - `${...}` is scanned for its end without being interpreted, though $( ) and
 *     backticks inside it are still parsed as commands;
 *   - redirections after a compound command (`done < file`) are read and dropped;
 *   - a `$( )` or backtick in a `sh -c` argument that the outer shell already expanded
 *     (outside single quotes) is not parsed a second time.
 */
#include "core/str.h"
#include "parse/shell.h"
#include "core/buf.h"
#include "core/limits.h"
#include "core/xalloc.h"

#include <stdlib.h>
#include <string.h>

/* ---- shared state and scratch buffers ---------------------------------------------- */

struct shared {
	struct pl_arena *a;
	struct pl_sh_cmd *cmds;
	size_t n, cap;
	int next_pipeline;
	bool truncated, incomplete, stop;
	size_t *members; /* commands of the open pipelines, innermost last */
	size_t nmembers, capmembers;
};

struct heredoc {
	char *delim;
	size_t n;
	bool strip_tabs;
};

/* One string being read: the script itself, or a backtick body or `sh -c` argument. */
struct parser {
	struct shared *sh;
	const char *s;
	size_t n, pos;
	const uint8_t *outer; /* per byte: already expanded by an enclosing shell */
	struct heredoc *hd;   /* heredocs whose bodies start at the next newline */
	size_t nhd, caphd;
};

/* A word being read: its text, and for each text byte the source offset and whether it
 * is part of an expansion (which a shell running the text would not expand again). */
struct lexed {
	struct {
		char *p; /* NUL-terminated, in the script's arena; NULL while empty */
		size_t n;
	} text;
	uint32_t *map;
	uint8_t *prov;
	size_t cap;
	unsigned flags;
	uint32_t off, end;
};

struct bword {
	struct pl_sh_word w;
	uint32_t *map;
	uint8_t *prov;
	size_t ntext;
};

/* The simple command being collected. */
struct builder {
	struct bword *argv;
	size_t argc, capv;
	struct pl_sh_word *assigns;
	size_t nassigns, capa;
	struct pl_sh_word *redirs;
	size_t nredirs, capr;
	long slot; /* index in the output once reserved, else -1 */
	uint32_t off, end;
	bool started, negated, dbracket;
	enum pl_sh_op op;
	int depth, parent;
};

enum frame_kind { FR_SUBSHELL, FR_GROUP, FR_CASE };

/* An open compound command, with the state of the level around it. */
struct frame {
	enum frame_kind kind;
	bool case_body; /* FR_CASE: reading commands, not patterns */
	size_t pipe_start;
	bool joining;
	int pipeline;
	enum pl_sh_op op;
};

/* What the next word means while a for/case/function header is read. */
enum header {
	HD_NONE,
	HD_FOR_NAME,  /* after for/select */
	HD_FOR_IN,    /* after the loop variable: `in`, `do` or a separator */
	HD_FOR_WORDS, /* the words after `in` */
	HD_FOR_DO,    /* after the separator: `do` */
	HD_CASE_WORD, /* after case */
	HD_CASE_IN,   /* after the case word: `in` */
	HD_FUNC_NAME, /* after function */
};

/* One list of commands: the script, or the body of a $( ) or <( ). */
struct level {
	struct parser *p;
	int depth, parent;
	struct frame *fr;
	size_t nfr, capfr;
	size_t pipe_start;
	bool joining;
	int pipeline;
	enum pl_sh_op op;
	bool negate, after_compound, func_parens;
	enum header hdr;
	size_t word_start; /* where the word or redirection being read began */
	struct builder b;
};

static void parse_list(struct parser *p, int depth, int parent, char stop);

static bool
is_blank(char c)
{
	return c == ' ' || c == '\t';
}

static bool
is_name_start(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static bool
is_name_char(char c)
{
	return is_name_start(c) || (c >= '0' && c <= '9');
}

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Characters that end an unquoted word; inside [[ ]] only blanks, `;` and newlines do. */
static bool
is_meta(char c, bool dbracket)
{
	switch (c) {
	case ' ': case '\t': case '\n': case ';':
		return true;
	case '&': case '|': case '(': case ')': case '<': case '>':
		return !dbracket;
	default:
		return false;
	}
}

/* A byte that lex_word takes as it is, whatever comes before or after it. */
static bool
ordinary(char c)
{
	switch (c) {
	case '\\': case '\'': case '"': case '$': case '`': case '<': case '>': case '(':
	case ')': case '&': case '|': case ';': case ' ': case '\t': case '\n':
		return false;
	default:
		return true;
	}
}

/* Grows a heap array of SIZE-byte elements so that index N is valid. */
static void *
grow(void *v, size_t *cap, size_t n, size_t size)
{
	if (n < *cap) {
		return v;
	}
	*cap = *cap ? *cap * 2 : 8;
	while (*cap <= n) {
		*cap *= 2;
	}
	return pl_xrealloc(v, *cap * size);
}

/* ---- words --------------------------------------------------------------------------- */

static void
lx_init(struct lexed *w, size_t off)
{
	memset(w, 0, sizeof(*w));
	w->off = w->end = (uint32_t)off;
}

static void
lx_free(struct lexed *w)
{
	/* text, map and prov live in the script's arena, with the commands that keep them. */
	(void)w;
}

/* Appends N bytes from source offset SRC (each byte its own offset when SPAN). */
static void
lx_add(const struct parser *p, struct lexed *w, const char *s, size_t n, size_t src, bool span,
       bool expansion)
{
	size_t i, at = w->text.n;

	if (n == 0) {
		return;
	}
	if (at + n > w->cap) {
		/* Words are short: a small first block, doubling; the arena keeps the old
		 * blocks until the script is done, which costs less than malloc and free. */
		size_t cap = w->cap ? w->cap : 16;
		uint32_t *map;
		uint8_t *prov;
		char *text;

		while (cap < at + n) {
			cap *= 2;
		}
		map = pl_arena_alloc_raw(p->sh->a, cap * sizeof(*map));
		prov = pl_arena_alloc_raw(p->sh->a, cap);
		text = pl_arena_alloc_raw(p->sh->a, cap + 1);
		if (at > 0) {
			memcpy(map, w->map, at * sizeof(*map));
			memcpy(prov, w->prov, at);
			memcpy(text, w->text.p, at);
		}
		w->map = map;
		w->prov = prov;
		w->text.p = text;
		w->cap = cap;
	}
	if (p->outer == NULL) {
		memset(w->prov + at, expansion, n);
		for (i = 0; i < n; i++) {
			w->map[at + i] = (uint32_t)(span ? src + i : src);
		}
	} else {
		for (i = 0; i < n; i++) {
			size_t o = span ? src + i : src;

			w->map[at + i] = (uint32_t)o;
			w->prov[at + i] = expansion || (o < p->n && p->outer[o]);
		}
	}
	memcpy(w->text.p + at, s, n);
	w->text.n = at + n;
	w->text.p[w->text.n] = '\0';
}

static void
lx_addc(const struct parser *p, struct lexed *w, char c, size_t src)
{
	lx_add(p, w, &c, 1, src, false, false);
}

/* Skips `((...))` or `$((...))` from I, just after the opening parentheses, to after
 * the closing `))`, counting parentheses and skipping quotes. */
static size_t
skip_arith(struct parser *p, size_t i)
{
	size_t depth = 0;

	while (i < p->n) {
		char c = p->s[i];

		if (c == '\\') {
			i += 2;
			continue;
		}
		if (c == '\'' || c == '"') {
			const char *q = memchr(p->s + i + 1, c, p->n - i - 1);

			i = q ? (size_t)(q - p->s) + 1 : p->n;
			continue;
		}
		if (c == '(') {
			depth++;
		} else if (c == ')') {
			if (depth == 0) {
				return i + 1 < p->n && p->s[i + 1] == ')' ? i + 2 : i + 1;
			}
			depth--;
		}
		i++;
	}
	p->sh->incomplete = true;
	return p->n;
}

/* Skips the body of a $( ) or <( ) that is not parsed, from I after `(` to after `)`. */
static size_t
skip_parens(struct parser *p, size_t i)
{
	size_t depth = 1;

	while (i < p->n) {
		char c = p->s[i];

		if (c == '\\') {
			i += 2;
			continue;
		}
		if (c == '\'') {
			const char *q = memchr(p->s + i + 1, '\'', p->n - i - 1);

			i = q ? (size_t)(q - p->s) + 1 : p->n;
			continue;
		}
		if (c == '"') {
			for (i++; i < p->n && p->s[i] != '"'; i++) {
				if (p->s[i] == '\\') {
					i++;
				}
			}
			i++;
			continue;
		}
		if (c == '(') {
			depth++;
		} else if (c == ')' && --depth == 0) {
			return i + 1;
		}
		i++;
	}
	p->sh->incomplete = true;
	return p->n;
}

static void builder_start(struct level *lv, struct builder *b, size_t off);
static long ensure_slot(struct level *lv, struct builder *b);

/* The parent for commands nested in a word of OWNER (NULL: a word of no command). */
static int
nested_parent(struct level *lv, struct builder *owner)
{
	if (owner == NULL) {
		return lv->parent;
	}
	return (int)ensure_slot(lv, owner);
}

/*
 * Whether text at source offset AT that starts a nested script is parsed: not when an
 * enclosing shell already expanded it, and not past the depth limit.
 */
static bool
may_nest(struct level *lv, size_t at)
{
	struct parser *p = lv->p;

	if (p->outer != NULL && at < p->n && p->outer[at]) {
		return false;
	}
	if (lv->depth + 1 > (int)PL_MAX_SHELL_DEPTH) {
		p->sh->truncated = true;
		return false;
	}
	return true;
}

/* A $( ) or <( ) body at p->pos (after the `(`): parsed, or skipped. */
static void
subst(struct level *lv, struct builder *owner, size_t start)
{
	struct parser *p = lv->p;

	if (!may_nest(lv, start)) {
		p->pos = skip_parens(p, p->pos);
		return;
	}
	parse_list(p, lv->depth + 1, nested_parent(lv, owner), ')');
}

static void sub_parse(struct level *lv, const char *s, size_t n, const uint32_t *map,
		      const uint8_t *outer, int depth, int parent);

/* A backtick substitution at p->pos: its body with `\` `$` and backtick unescaped is a
 * script of its own. Leaves p->pos after the closing backtick. */
static void
backtick(struct level *lv, struct builder *owner, bool in_dq)
{
	struct parser *p = lv->p;
	size_t start = p->pos, i = start + 1;
	struct lexed body;
	bool closed = false;

	lx_init(&body, start);
	while (i < p->n) {
		char c = p->s[i];

		if (c == '\\' && i + 1 < p->n) {
			char d = p->s[i + 1];

			if (d == '`' || d == '\\' || d == '$' || (in_dq && d == '"')) {
				lx_addc(p, &body, d, i + 1);
				i += 2;
				continue;
			}
		}
		if (c == '`') {
			closed = true;
			i++;
			break;
		}
		lx_addc(p, &body, c, i);
		i++;
	}
	if (!closed) {
		p->sh->incomplete = true;
	}
	p->pos = i;
	if (may_nest(lv, start)) {
		sub_parse(lv, body.text.p ? body.text.p : "", body.text.n, body.map, NULL,
			  lv->depth + 1, nested_parent(lv, owner));
	}
	lx_free(&body);
}

/* ${...} from p->pos (at `$`): to after the matching `}`; $( ) and backticks inside are
 * parsed as commands. */
static void
param(struct level *lv, struct builder *owner, bool in_dq)
{
	struct parser *p = lv->p;
	size_t depth = 1;

	p->pos += 2;
	while (p->pos < p->n && !p->sh->stop) {
		char c = p->s[p->pos];
		char d = p->pos + 1 < p->n ? p->s[p->pos + 1] : '\0';

		if (c == '\\') {
			p->pos += 2;
		} else if (c == '}') {
			p->pos++;
			if (--depth == 0) {
				return;
			}
		} else if (c == '$' && d == '{') {
			depth++;
			p->pos += 2;
		} else if (c == '$' && d == '(') {
			size_t at = p->pos;

			if (p->pos + 2 < p->n && p->s[p->pos + 2] == '(') {
				p->pos = skip_arith(p, p->pos + 3);
			} else {
				p->pos += 2;
				subst(lv, owner, at);
			}
		} else if (c == '`') {
			backtick(lv, owner, in_dq);
		} else if (c == '\'' && !in_dq) {
			const char *q = memchr(p->s + p->pos + 1, '\'', p->n - p->pos - 1);

			p->pos = q ? (size_t)(q - p->s) + 1 : p->n;
		} else if (c == '"') {
			for (p->pos++; p->pos < p->n && p->s[p->pos] != '"'; p->pos++) {
				if (p->s[p->pos] == '\\') {
					p->pos++;
				}
			}
			p->pos++;
		} else {
			p->pos++;
		}
	}
	if (p->pos > p->n) {
		p->pos = p->n;
	}
	p->sh->incomplete = true;
}

static size_t
hex_value(const char *s, size_t n, size_t max, uint32_t *v)
{
	size_t k;

	*v = 0;
	for (k = 0; k < n && k < max; k++) {
		char c = s[k];
		uint32_t d;

		if (c >= '0' && c <= '9') {
			d = (uint32_t)(c - '0');
		} else if (c >= 'a' && c <= 'f') {
			d = (uint32_t)(c - 'a' + 10);
		} else if (c >= 'A' && c <= 'F') {
			d = (uint32_t)(c - 'A' + 10);
		} else {
			break;
		}
		*v = *v * 16 + d;
	}
	return k;
}

static void
add_codepoint(const struct parser *p, struct lexed *w, uint32_t c, size_t src)
{
	char u[4];
	size_t n;

	if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
		c = 0xFFFD;
	}
	if (c < 0x80) {
		u[0] = (char)c;
		n = 1;
	} else if (c < 0x800) {
		u[0] = (char)(0xC0 | (c >> 6));
		u[1] = (char)(0x80 | (c & 0x3F));
		n = 2;
	} else if (c < 0x10000) {
		u[0] = (char)(0xE0 | (c >> 12));
		u[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		u[2] = (char)(0x80 | (c & 0x3F));
		n = 3;
	} else {
		u[0] = (char)(0xF0 | (c >> 18));
		u[1] = (char)(0x80 | ((c >> 12) & 0x3F));
		u[2] = (char)(0x80 | ((c >> 6) & 0x3F));
		u[3] = (char)(0x80 | (c & 0x3F));
		n = 4;
	}
	lx_add(p, w, u, n, src, false, false);
}

/* $'...' at p->pos: bash's ANSI-C quoting, escapes decoded. */
static void
ansi_c(struct parser *p, struct lexed *w)
{
	size_t i = p->pos + 2;

	w->flags |= PL_SHW_QUOTED;
	while (i < p->n && p->s[i] != '\'') {
		size_t at = i, k;
		uint32_t v;
		char d;

		if (p->s[i] != '\\' || i + 1 >= p->n) {
			lx_addc(p, w, p->s[i], i);
			i++;
			continue;
		}
		d = p->s[i + 1];
		i += 2;
		switch (d) {
		case 'a': lx_addc(p, w, '\a', at); break;
		case 'b': lx_addc(p, w, '\b', at); break;
		case 'e': case 'E': lx_addc(p, w, '\033', at); break;
		case 'f': lx_addc(p, w, '\f', at); break;
		case 'n': lx_addc(p, w, '\n', at); break;
		case 'r': lx_addc(p, w, '\r', at); break;
		case 't': lx_addc(p, w, '\t', at); break;
		case 'v': lx_addc(p, w, '\v', at); break;
		case '\\': case '\'': case '"': case '?': lx_addc(p, w, d, at); break;
		case 'c':
			if (i < p->n) {
				lx_addc(p, w, (char)(p->s[i] & 0x1F), at);
				i++;
			}
			break;
		case 'x': case 'u': case 'U':
			/* \xHH takes up to 2 hex digits, \uHHHH 4 and \UHHHHHHHH 8. */
			k = hex_value(p->s + i, p->n - i, d == 'x' ? 2 : d == 'u' ? 4 : 8, &v);
			if (k == 0) {
				lx_add(p, w, p->s + at, 2, at, true, false);
			} else if (d == 'x') {
				lx_addc(p, w, (char)v, at);
			} else {
				add_codepoint(p, w, v, at);
			}
			i += k;
			break;
		default:
			if (d >= '0' && d <= '7') {
				/* \nnn: one to three octal digits. */
				v = (uint32_t)(d - '0');
				for (k = 0; k < 2 && i < p->n && p->s[i] >= '0' && p->s[i] <= '7';
				     k++) {
					v = v * 8 + (uint32_t)(p->s[i++] - '0');
				}
				lx_addc(p, w, (char)v, at);
			} else {
				lx_add(p, w, p->s + at, 2, at, true, false);
			}
			break;
		}
	}
	if (i >= p->n) {
		p->sh->incomplete = true;
		p->pos = p->n;
		return;
	}
	p->pos = i + 1;
}

static void double_quote(struct level *lv, struct builder *owner, struct lexed *w);

/* An expansion at p->pos (a `$`): kept as written in the text. */
static void
dollar(struct level *lv, struct builder *owner, struct lexed *w, bool in_dq)
{
	struct parser *p = lv->p;
	size_t start = p->pos;
	char d = start + 1 < p->n ? p->s[start + 1] : '\0';

	if (d == '(') {
		if (start + 2 < p->n && p->s[start + 2] == '(') {
			p->pos = skip_arith(p, start + 3);
		} else {
			p->pos = start + 2;
			subst(lv, owner, start);
		}
	} else if (d == '{') {
		param(lv, owner, in_dq);
	} else if (d == '\'' && !in_dq) {
		ansi_c(p, w);
		return;
	} else if (d == '"' && !in_dq) {
		/* $"..." is a translated string: read like "..." */
		p->pos++;
		double_quote(lv, owner, w);
		return;
	} else if (is_name_start(d)) {
		p->pos = start + 1;
		while (p->pos < p->n && is_name_char(p->s[p->pos])) {
			p->pos++;
		}
	} else if (is_digit(d) || (d != '\0' && strchr("@*#?-$!", d) != NULL)) {
		p->pos = start + 2;
	} else {
		lx_addc(p, w, '$', start);
		p->pos = start + 1;
		return;
	}
	if (p->pos > p->n) {
		p->pos = p->n;
	}
	w->flags |= PL_SHW_EXPANSION;
	lx_add(p, w, p->s + start, p->pos - start, start, true, true);
}

static void
double_quote(struct level *lv, struct builder *owner, struct lexed *w)
{
	struct parser *p = lv->p;

	w->flags |= PL_SHW_QUOTED;
	p->pos++;
	while (p->pos < p->n) {
		char c = p->s[p->pos];

		if (c == '"') {
			p->pos++;
			return;
		}
		if (c == '\\' && p->pos + 1 < p->n) {
			char d = p->s[p->pos + 1];

			if (d == '\n') {
				p->pos += 2;
				continue;
			}
			if (d == '$' || d == '`' || d == '"' || d == '\\') {
				lx_addc(p, w, d, p->pos + 1);
				p->pos += 2;
				continue;
			}
		}
		if (c == '$') {
			dollar(lv, owner, w, true);
			continue;
		}
		if (c == '`') {
			size_t start = p->pos;

			backtick(lv, owner, true);
			w->flags |= PL_SHW_EXPANSION;
			lx_add(p, w, p->s + start, p->pos - start, start, true, true);
			continue;
		}
		lx_addc(p, w, c, p->pos);
		p->pos++;
	}
	p->sh->incomplete = true;
}

/* NAME= or NAME+= (NAME[i]= too) at the start of RAW: an assignment word. */
static size_t
assignment_prefix(const char *raw, size_t n)
{
	size_t i = 0;

	if (n == 0 || !is_name_start(raw[0])) {
		return 0;
	}
	while (i < n && is_name_char(raw[i])) {
		i++;
	}
	if (i < n && raw[i] == '[') {
		const char *q = memchr(raw + i, ']', n - i);

		if (q == NULL) {
			return 0;
		}
		i = (size_t)(q - raw) + 1;
	}
	if (i < n && raw[i] == '+') {
		i++;
	}
	return i < n && raw[i] == '=' ? i + 1 : 0;
}

/* Reads one word at p->pos into W. OWNER is the command the word belongs to, if any. */
static void
lex_word(struct level *lv, struct builder *owner, struct lexed *w, bool dbracket)
{
	struct parser *p = lv->p;
	size_t start = p->pos;

	while (p->pos < p->n && !p->sh->stop) {
		char c = p->s[p->pos];

		if (c == '\\') {
			if (p->pos + 1 >= p->n) {
				lx_addc(p, w, c, p->pos);
				p->pos++;
				break;
			}
			if (p->s[p->pos + 1] != '\n') {
				w->flags |= PL_SHW_QUOTED;
				lx_addc(p, w, p->s[p->pos + 1], p->pos + 1);
			}
			p->pos += 2;
		} else if (c == '\'') {
			const char *q = memchr(p->s + p->pos + 1, '\'', p->n - p->pos - 1);
			size_t end = q ? (size_t)(q - p->s) : p->n;

			w->flags |= PL_SHW_QUOTED;
			lx_add(p, w, p->s + p->pos + 1, end - p->pos - 1, p->pos + 1, true, false);
			if (q == NULL) {
				p->sh->incomplete = true;
			}
			p->pos = q ? end + 1 : end;
		} else if (c == '"') {
			double_quote(lv, owner, w);
		} else if (c == '$') {
			dollar(lv, owner, w, false);
		} else if (c == '`') {
			size_t at = p->pos;

			backtick(lv, owner, false);
			w->flags |= PL_SHW_EXPANSION;
			lx_add(p, w, p->s + at, p->pos - at, at, true, true);
		} else if ((c == '<' || c == '>') && p->pos == start && p->pos + 1 < p->n &&
			   p->s[p->pos + 1] == '(') {
			/* Process substitution: <(cmd) and >(cmd) run a command list. */
			size_t at = p->pos;

			p->pos += 2;
			subst(lv, owner, at);
			w->flags |= PL_SHW_EXPANSION;
			lx_add(p, w, p->s + at, p->pos - at, at, true, true);
		} else if (c == '(' && w->text.n > 0 &&
			   assignment_prefix(p->s + start, p->pos - start) == p->pos - start) {
			/* A bash array assignment, NAME=(a b c): kept whole. */
			size_t at = p->pos;

			p->pos = skip_parens(p, p->pos + 1);
			lx_add(p, w, p->s + at, p->pos - at, at, true, false);
		} else if (is_meta(c, dbracket)) {
			break;
		} else {
			/* A run of ordinary bytes goes in at once. */
			size_t q = p->pos;

			do {
				char d = p->s[q];

				if (d == '*' || d == '?' || d == '[') {
					w->flags |= PL_SHW_GLOB;
				}
				q++;
			} while (q < p->n && ordinary(p->s[q]));
			lx_add(p, w, p->s + p->pos, q - p->pos, p->pos, true, false);
			p->pos = q;
		}
	}
	w->end = (uint32_t)p->pos;
}

/* ---- commands ------------------------------------------------------------------------ */

static void
builder_reset(struct builder *b)
{
	b->argc = b->nassigns = b->nredirs = 0;
	b->slot = -1;
	b->started = b->negated = b->dbracket = false;
}

static void
builder_free(struct builder *b)
{
	builder_reset(b);
	free(b->argv);
	free(b->assigns);
	free(b->redirs);
}

static void
builder_start(struct level *lv, struct builder *b, size_t off)
{
	if (b->started) {
		return;
	}
	b->started = true;
	b->off = b->end = (uint32_t)off;
	b->op = lv->op;
	b->depth = lv->depth;
	b->parent = lv->parent;
	b->negated = lv->negate;
	lv->negate = false;
	lv->after_compound = false;
}

/* Reserves the output slot of B so that commands nested in its words come after it. */
static long
ensure_slot(struct level *lv, struct builder *b)
{
	struct shared *sh = lv->p->sh;
	struct pl_sh_cmd *c;

	builder_start(lv, b, lv->word_start);
	if (b->slot >= 0) {
		return b->slot;
	}
	if (b->depth > (int)PL_MAX_SHELL_DEPTH) {
		sh->truncated = true;
		return -1;
	}
	if (sh->n >= PL_MAX_SHELL_COMMANDS) {
		sh->truncated = true;
		sh->stop = true;
		return -1;
	}
	if (sh->n == sh->cap) {
		/* Most RUN scripts hold a handful of commands: start small, double. */
		size_t cap = sh->cap ? sh->cap * 2 : 4;

		sh->cmds = pl_arena_grow(sh->a, sh->cmds, sh->n, cap, sizeof(*sh->cmds));
		sh->cap = cap;
	}
	c = &sh->cmds[sh->n];
	memset(c, 0, sizeof(*c));
	c->depth = b->depth;
	c->parent = b->parent;
	c->pipeline = -1;
	b->slot = (long)sh->n++;
	return b->slot;
}

static struct pl_sh_word
make_word(const struct parser *p, const struct lexed *w)
{
	struct pl_sh_word out;
	struct pl_arena *a = p->sh->a;

	out.text = w->text.p ? w->text.p : "";
	out.raw = pl_arena_strndup(a, p->s + w->off, w->end - w->off);
	out.off = w->off;
	out.end = w->end;
	out.flags = w->flags;
	return out;
}

static void
add_redir(struct builder *b, struct pl_sh_word wd)
{
	b->redirs = grow(b->redirs, &b->capr, b->nredirs, sizeof(*b->redirs));
	b->redirs[b->nredirs++] = wd;
	if (wd.end > b->end) {
		b->end = wd.end;
	}
}

static void
finish_pipeline(struct level *lv)
{
	struct shared *sh = lv->p->sh;
	size_t i, len = sh->nmembers - lv->pipe_start;

	for (i = lv->pipe_start; i < sh->nmembers; i++) {
		sh->cmds[sh->members[i]].pipe_len = (int)len;
	}
	sh->nmembers = lv->pipe_start;
	lv->joining = false;
}

static struct pl_sh_word *
copy_words(struct pl_arena *a, const struct pl_sh_word *v, size_t n)
{
	struct pl_sh_word *out;

	if (n == 0) {
		return NULL;
	}
	out = pl_arena_alloc(a, n * sizeof(*out));
	memcpy(out, v, n * sizeof(*out));
	return out;
}

static bool
is_shell(const char *name)
{
	static const char *const shells[] = { "sh", "bash", "dash", "ash", "zsh", "ksh" };

	for (size_t i = 0; i < sizeof(shells) / sizeof(shells[0]); i++) {
		if (pl_streq(name, shells[i])) {
			return true;
		}
	}
	return false;
}

/* `sh -c SCRIPT`, `bash -ec "..."`, `sudo -u x sh -xc '...'`: the script's commands. */
static void
shell_c(struct level *lv, struct builder *b, size_t slot)
{
	const struct pl_sh_cmd *c = &lv->p->sh->cmds[slot];
	size_t prog = pl_sh_cmd_prog(c), i;
	bool dash_c = false;
	int depth = c->depth + 1;

	if (prog >= b->argc || !is_shell(pl_sh_basename(&c->argv[prog]))) {
		return;
	}
	for (i = prog + 1; i < b->argc; i++) {
		const char *t = b->argv[i].w.text;

		if (pl_streq(t, "--")) {
			i++;
			break;
		}
		if ((t[0] != '-' && t[0] != '+') || t[1] == '\0') {
			break;
		}
		if (t[1] == '-') {
			/* bash's long options; these two take a file name. */
			if (pl_streq(t, "--rcfile") || pl_streq(t, "--init-file")) {
				i++;
			}
			continue;
		}
		dash_c = dash_c || (t[0] == '-' && strchr(t + 1, 'c') != NULL);
		/* -o OPTION and bash's -O SHOPT take the next word. */
		if (strchr(t + 1, 'o') != NULL || strchr(t + 1, 'O') != NULL) {
			i++;
		}
	}
	if (!dash_c || i >= b->argc) {
		return;
	}
	if (depth > (int)PL_MAX_SHELL_DEPTH) {
		lv->p->sh->truncated = true;
		return;
	}
	sub_parse(lv, b->argv[i].w.text, b->argv[i].ntext, b->argv[i].map, b->argv[i].prov,
		  depth, (int)slot);
}

/* Ends the command being collected: fills its slot and reads `sh -c` arguments. */
static void
emit(struct level *lv)
{
	struct builder *b = &lv->b;
	struct shared *sh = lv->p->sh;
	struct pl_sh_cmd *c;
	struct pl_sh_word *argv;
	long slot;
	size_t i;

	if (!b->started) {
		return;
	}
	slot = ensure_slot(lv, b);
	if (slot < 0) {
		builder_reset(b);
		return;
	}
	argv = b->argc ? pl_arena_alloc(sh->a, b->argc * sizeof(*argv)) : NULL;
	for (i = 0; i < b->argc; i++) {
		argv[i] = b->argv[i].w;
	}
	c = &sh->cmds[slot];
	c->argv = argv;
	c->argc = b->argc;
	c->assigns = copy_words(sh->a, b->assigns, b->nassigns);
	c->nassigns = b->nassigns;
	c->redirs = copy_words(sh->a, b->redirs, b->nredirs);
	c->nredirs = b->nredirs;
	c->op_before = b->op;
	c->negated = b->negated;
	c->off = b->off;
	c->end = b->end;
	/* A pipeline continues only when `|` came after a command of this level. */
	if (!lv->joining || sh->nmembers == lv->pipe_start) {
		finish_pipeline(lv);
		lv->pipeline = sh->next_pipeline++;
	}
	c->pipeline = lv->pipeline;
	c->pipe_pos = (int)(sh->nmembers - lv->pipe_start);
	c->pipe_len = c->pipe_pos + 1;
	sh->members = grow(sh->members, &sh->capmembers, sh->nmembers, sizeof(*sh->members));
	sh->members[sh->nmembers++] = (size_t)slot;
	lv->joining = false;
	shell_c(lv, b, (size_t)slot);
	builder_reset(b);
}

/* An operator that ends a command: `;` `&&` `||` `&` or a newline. */
static void
end_command(struct level *lv, enum pl_sh_op op)
{
	bool had = lv->b.started || lv->after_compound;

	emit(lv);
	finish_pipeline(lv);
	lv->after_compound = false;
	if (had || op == PL_SH_OP_AND || op == PL_SH_OP_OR || op == PL_SH_OP_BG) {
		lv->op = op;
	}
}

static void
push_frame(struct level *lv, enum frame_kind kind)
{
	struct frame *f;

	lv->fr = grow(lv->fr, &lv->capfr, lv->nfr, sizeof(*lv->fr));
	f = &lv->fr[lv->nfr++];
	f->kind = kind;
	f->case_body = false;
	f->pipe_start = lv->pipe_start;
	f->joining = lv->joining;
	f->pipeline = lv->pipeline;
	f->op = lv->op;
	lv->pipe_start = lv->p->sh->nmembers;
	lv->joining = false;
	lv->op = PL_SH_OP_START;
	if (kind != FR_CASE && ++lv->depth > (int)PL_MAX_SHELL_DEPTH) {
		lv->p->sh->truncated = true;
	}
}

static void
pop_frame(struct level *lv)
{
	struct frame *f = &lv->fr[--lv->nfr];

	emit(lv);
	finish_pipeline(lv);
	lv->pipe_start = f->pipe_start;
	lv->joining = f->joining;
	lv->pipeline = f->pipeline;
	lv->op = f->op;
	if (f->kind != FR_CASE) {
		lv->depth--;
	}
	lv->after_compound = true;
}

static struct frame *
top_frame(struct level *lv)
{
	return lv->nfr > 0 ? &lv->fr[lv->nfr - 1] : NULL;
}

static bool
in_patterns(struct level *lv)
{
	struct frame *f = top_frame(lv);

	return f != NULL && f->kind == FR_CASE && !f->case_body;
}

/* Heredoc bodies start after the newline at p->pos: skipped up to their delimiters. */
static void
read_heredocs(struct parser *p)
{
	for (size_t k = 0; k < p->nhd; k++) {
		const struct heredoc *h = &p->hd[k];
		bool found = false;

		while (p->pos < p->n && !found) {
			const char *nl = memchr(p->s + p->pos, '\n', p->n - p->pos);
			size_t end = nl ? (size_t)(nl - p->s) : p->n, i = p->pos;

			if (h->strip_tabs) {
				while (i < end && p->s[i] == '\t') {
					i++;
				}
			}
			found = end - i == h->n && memcmp(p->s + i, h->delim, h->n) == 0;
			p->pos = nl ? end + 1 : end;
		}
		if (!found) {
			p->sh->incomplete = true;
		}
		free(p->hd[k].delim);
	}
	p->nhd = 0;
}

static void
skip_blanks(struct parser *p)
{
	while (p->pos < p->n) {
		if (is_blank(p->s[p->pos])) {
			p->pos++;
		} else if (p->s[p->pos] == '\\' && p->pos + 1 < p->n && p->s[p->pos + 1] == '\n') {
			p->pos += 2;
		} else {
			break;
		}
	}
}

/* A redirection at p->pos (its operator), FD the io number before it (may be empty). B
 * is the command it belongs to, NULL when it is read and dropped. */
static void
redirection(struct level *lv, struct builder *b, size_t start, const char *fd, size_t nfd)
{
	static const char *const ops[] = { "<<<", "<<-", "&>>", "<<", "<>", "<&", ">>", ">|",
					   ">&", "&>", "<", ">" };
	struct parser *p = lv->p;
	struct lexed target;
	struct pl_buf text;
	const char *op = "";
	size_t i, nop = 0;

	for (i = 0; i < sizeof(ops) / sizeof(ops[0]) && nop == 0; i++) {
		size_t k = strlen(ops[i]);

		if (p->n - p->pos >= k && memcmp(p->s + p->pos, ops[i], k) == 0) {
			op = ops[i];
			nop = k;
		}
	}
	lv->word_start = start;
	/* Callers stop here only at `<`, `>` or `&>`, so an operator always matches. */
	p->pos += nop > 0 ? nop : 1;
	skip_blanks(p);
	lx_init(&target, p->pos);
	if (p->pos < p->n && (!is_meta(p->s[p->pos], false) ||
			      ((p->s[p->pos] == '<' || p->s[p->pos] == '>') &&
			       p->pos + 1 < p->n && p->s[p->pos + 1] == '('))) {
		lex_word(lv, b, &target, false);
	}
	if (pl_streq(op, "<<") || pl_streq(op, "<<-")) {
		struct heredoc *h;

		p->hd = grow(p->hd, &p->caphd, p->nhd, sizeof(*p->hd));
		h = &p->hd[p->nhd++];
		h->n = target.text.n;
		h->delim = pl_xstrndup(target.text.p ? target.text.p : "", target.text.n);
		h->strip_tabs = op[2] == '-';
	}
	if (b != NULL) {
		struct pl_sh_word wd;

		builder_start(lv, b, start);
		pl_buf_init(&text);
		pl_buf_add(&text, fd, nfd);
		pl_buf_adds(&text, op);
		pl_buf_add(&text, target.text.p ? target.text.p : "", target.text.n);
		wd.text = pl_arena_strndup(p->sh->a, text.p, text.n);
		wd.raw = pl_arena_strndup(p->sh->a, p->s + start, target.end - start);
		wd.off = (uint32_t)start;
		wd.end = target.end > start ? target.end : (uint32_t)p->pos;
		wd.flags = target.flags;
		add_redir(b, wd);
		pl_buf_finish(&text);
	}
	lx_free(&target);
}

/* The builder a redirection at this point belongs to, NULL when none does. */
static struct builder *
redir_owner(struct level *lv)
{
	if (lv->hdr != HD_NONE || in_patterns(lv) || (!lv->b.started && lv->after_compound)) {
		return NULL;
	}
	return &lv->b;
}

enum keyword {
	KW_NONE, KW_IF, KW_THEN, KW_ELIF, KW_ELSE, KW_FI, KW_WHILE, KW_UNTIL, KW_DO, KW_DONE,
	KW_FOR, KW_SELECT, KW_IN, KW_CASE, KW_ESAC, KW_BANG, KW_LBRACE, KW_RBRACE, KW_FUNCTION,
};

static enum keyword
keyword(const char *s, size_t n)
{
	static const struct {
		const char *w;
		enum keyword k;
	} kws[] = {
		{ "if", KW_IF }, { "then", KW_THEN }, { "elif", KW_ELIF }, { "else", KW_ELSE },
		{ "fi", KW_FI }, { "while", KW_WHILE }, { "until", KW_UNTIL }, { "do", KW_DO },
		{ "done", KW_DONE }, { "for", KW_FOR }, { "select", KW_SELECT }, { "in", KW_IN },
		{ "case", KW_CASE }, { "esac", KW_ESAC }, { "!", KW_BANG }, { "{", KW_LBRACE },
		{ "}", KW_RBRACE }, { "function", KW_FUNCTION },
	};

	if (n == 0 || n > 8) {
		return KW_NONE;
	}
	for (size_t i = 0; i < sizeof(kws) / sizeof(kws[0]); i++) {
		if (kws[i].w[0] == s[0] && strlen(kws[i].w) == n && memcmp(kws[i].w, s, n) == 0) {
			return kws[i].k;
		}
	}
	return KW_NONE;
}

/* A word read while a for/case/function header is open; true when it was consumed. */
static bool
header_word(struct level *lv, enum keyword kw)
{
	switch (lv->hdr) {
	case HD_NONE:
		return false;
	case HD_FOR_NAME:
		lv->hdr = HD_FOR_IN;
		return true;
	case HD_FOR_IN:
		lv->hdr = kw == KW_DO ? HD_NONE : HD_FOR_WORDS;
		return true;
	case HD_FOR_WORDS:
		return true;
	case HD_FOR_DO:
		lv->hdr = HD_NONE;
		return kw == KW_DO;
	case HD_CASE_WORD:
		lv->hdr = HD_CASE_IN;
		return true;
	case HD_CASE_IN:
		lv->hdr = HD_NONE;
		push_frame(lv, FR_CASE);
		return kw == KW_IN;
	case HD_FUNC_NAME:
		lv->hdr = HD_NONE;
		lv->func_parens = true;
		return true;
	}
	return false;
}

/* A reserved word at the start of a command; false when KW is not one here. */
static bool
reserved(struct level *lv, enum keyword kw)
{
	struct frame *f = top_frame(lv);

	switch (kw) {
	case KW_IF: case KW_THEN: case KW_ELIF: case KW_ELSE: case KW_WHILE: case KW_UNTIL:
	case KW_DO:
		lv->after_compound = false;
		return true;
	case KW_FI: case KW_DONE:
		lv->after_compound = true;
		return true;
	case KW_FOR: case KW_SELECT:
		lv->hdr = HD_FOR_NAME;
		return true;
	case KW_CASE:
		lv->hdr = HD_CASE_WORD;
		return true;
	case KW_FUNCTION:
		lv->hdr = HD_FUNC_NAME;
		return true;
	case KW_BANG:
		lv->negate = true;
		return true;
	case KW_LBRACE:
		push_frame(lv, FR_GROUP);
		return true;
	case KW_RBRACE:
		if (f != NULL && f->kind == FR_GROUP) {
			pop_frame(lv);
			return true;
		}
		return false;
	case KW_ESAC:
		if (f != NULL && f->kind == FR_CASE) {
			pop_frame(lv);
			return true;
		}
		return false;
	case KW_IN: case KW_NONE:
		return false;
	}
	return false;
}

static bool
all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (!is_digit(s[i])) {
			return false;
		}
	}
	return n > 0;
}

/* A word at p->pos: a command word, an assignment, a reserved word or a header word. */
static void
word(struct level *lv)
{
	struct parser *p = lv->p;
	struct builder *b = &lv->b;
	bool free_word = lv->hdr == HD_NONE && !in_patterns(lv);
	size_t start = p->pos;
	const char *raw;
	struct lexed w;
	size_t n;
	enum keyword kw;

	lx_init(&w, start);
	lv->word_start = start;
	lex_word(lv, free_word ? b : NULL, &w, b->dbracket);
	if (p->pos == start) {
		/* A character no rule consumed (a stray operator inside [[ ]]): keep going. */
		p->pos++;
		lx_free(&w);
		return;
	}
	raw = p->s + w.off;
	n = w.end - w.off;
	/* An io number: 2>file, 1>&2. */
	if (free_word && w.flags == 0 && all_digits(raw, n) && p->pos < p->n &&
	    (p->s[p->pos] == '<' || p->s[p->pos] == '>')) {
		redirection(lv, redir_owner(lv), start, raw, n);
		lx_free(&w);
		return;
	}
	kw = w.flags == 0 ? keyword(raw, n) : KW_NONE;
	if (header_word(lv, kw)) {
		lx_free(&w);
		return;
	}
	if (in_patterns(lv)) {
		if (kw == KW_ESAC) {
			pop_frame(lv);
		}
		lx_free(&w);
		return;
	}
	if (!b->started && kw != KW_NONE && reserved(lv, kw)) {
		lx_free(&w);
		return;
	}
	builder_start(lv, b, start);
	if (b->argc == 0 && assignment_prefix(raw, n) > 0) {
		b->assigns = grow(b->assigns, &b->capa, b->nassigns, sizeof(*b->assigns));
		b->assigns[b->nassigns++] = make_word(p, &w);
	} else {
		struct bword *bw;

		b->argv = grow(b->argv, &b->capv, b->argc, sizeof(*b->argv));
		bw = &b->argv[b->argc++];
		bw->w = make_word(p, &w);
		bw->map = w.map;
		bw->prov = w.prov;
		bw->ntext = w.text.n;
		w.map = NULL;
		w.prov = NULL;
		if (b->argc == 1 && n == 2 && memcmp(raw, "[[", 2) == 0) {
			b->dbracket = true;
		} else if (b->dbracket && n == 2 && memcmp(raw, "]]", 2) == 0) {
			b->dbracket = false;
		}
	}
	if (w.end > b->end) {
		b->end = w.end;
	}
	lx_free(&w);
}

/* `(` at p->pos. */
static void
open_paren(struct level *lv)
{
	struct parser *p = lv->p;
	struct builder *b = &lv->b;
	size_t after = p->pos + 1;

	while (after < p->n && is_blank(p->s[after])) {
		after++;
	}
	if (lv->hdr == HD_FOR_NAME && p->pos + 1 < p->n && p->s[p->pos + 1] == '(') {
		/* for ((i = 0; i < n; i++)) */
		p->pos = skip_arith(p, p->pos + 2);
		lv->hdr = HD_FOR_IN;
		return;
	}
	if (in_patterns(lv) || lv->hdr != HD_NONE) {
		p->pos++;
		return;
	}
	if (after < p->n && p->s[after] == ')' &&
	    (lv->func_parens ||
	     (b->started && b->argc == 1 && b->nassigns == 0 && b->nredirs == 0))) {
		/* name() or function name(): a function definition, its body follows. */
		p->pos = after + 1;
		lv->func_parens = false;
		if (b->slot >= 0 && b->slot == (long)p->sh->n - 1) {
			/* Reserved for a $( ) in the name that produced no command. */
			p->sh->n--;
			b->slot = -1;
		}
		if (b->slot < 0) {
			builder_reset(b);
		} else {
			emit(lv);
		}
		return;
	}
	lv->func_parens = false;
	if (b->started) {
		/* `(` inside a command is a syntax error to the shell: skip it. */
		p->pos++;
		return;
	}
	if (p->pos + 1 < p->n && p->s[p->pos + 1] == '(') {
		p->pos = skip_arith(p, p->pos + 2);
		lv->after_compound = true;
		return;
	}
	p->pos++;
	push_frame(lv, FR_SUBSHELL);
}

/* `)` at p->pos; true when it closes the $( ) this level reads. */
static bool
close_paren(struct level *lv, char stop)
{
	struct frame *f = top_frame(lv);

	lv->p->pos++;
	if (f != NULL && f->kind == FR_CASE && !f->case_body) {
		f->case_body = true;
		lv->op = PL_SH_OP_START;
		return false;
	}
	if (f != NULL && f->kind == FR_SUBSHELL) {
		pop_frame(lv);
		return false;
	}
	if (f == NULL && stop == ')') {
		return true;
	}
	return false;
}

/* `;` at p->pos: `;`, or a case branch end `;;` `;&` `;;&`. */
static void
semicolon(struct level *lv)
{
	struct parser *p = lv->p;
	struct frame *f = top_frame(lv);
	bool branch_end = false;

	p->pos++;
	if (p->pos < p->n && (p->s[p->pos] == ';' || p->s[p->pos] == '&')) {
		branch_end = true;
		p->pos++;
		if (p->s[p->pos - 1] == ';' && p->pos < p->n && p->s[p->pos] == '&') {
			p->pos++;
		}
	}
	if (lv->hdr == HD_FOR_IN || lv->hdr == HD_FOR_WORDS) {
		lv->hdr = HD_FOR_DO;
		return;
	}
	if (lv->hdr != HD_NONE || in_patterns(lv)) {
		return;
	}
	end_command(lv, PL_SH_OP_SEQ);
	if (branch_end && f != NULL && f->kind == FR_CASE) {
		f->case_body = false;
	}
}

static void
newline(struct level *lv)
{
	struct parser *p = lv->p;

	p->pos++;
	if (lv->hdr == HD_FOR_IN || lv->hdr == HD_FOR_WORDS) {
		lv->hdr = HD_FOR_DO;
	} else if (lv->hdr == HD_NONE && !in_patterns(lv)) {
		end_command(lv, PL_SH_OP_SEQ);
	}
	read_heredocs(p);
}

static void
level_init(struct level *lv, struct parser *p, int depth, int parent)
{
	memset(lv, 0, sizeof(*lv));
	lv->p = p;
	lv->depth = depth;
	lv->parent = parent;
	lv->pipe_start = p->sh->nmembers;
	lv->pipeline = -1;
	lv->op = PL_SH_OP_START;
	lv->hdr = HD_NONE;
	lv->b.slot = -1;
}

/*
 * Reads commands from p->pos up to the end of the string or, when STOP is ')', the `)`
 * that closes a $( ) or <( ). Commands get DEPTH (more inside subshells and groups) and
 * PARENT.
 */
static void
parse_list(struct parser *p, int depth, int parent, char stop)
{
	struct shared *sh = p->sh;
	struct level lv;
	bool closed = false;

	level_init(&lv, p, depth, parent);
	while (!sh->stop && !closed) {
		char c, d;

		skip_blanks(p);
		if (p->pos >= p->n) {
			break;
		}
		c = p->s[p->pos];
		d = p->pos + 1 < p->n ? p->s[p->pos + 1] : '\0';
		if (c == '#') {
			const char *nl = memchr(p->s + p->pos, '\n', p->n - p->pos);

			p->pos = nl ? (size_t)(nl - p->s) : p->n;
		} else if (c == '\n') {
			newline(&lv);
		} else if (lv.b.dbracket && c != ';') {
			word(&lv);
		} else if (c == ';') {
			semicolon(&lv);
		} else if (c == '&' && d == '&') {
			p->pos += 2;
			end_command(&lv, PL_SH_OP_AND);
		} else if (c == '&' && d == '>') {
			redirection(&lv, redir_owner(&lv), p->pos, "", 0);
		} else if (c == '&') {
			p->pos++;
			end_command(&lv, PL_SH_OP_BG);
		} else if (c == '|' && d == '|') {
			p->pos += 2;
			end_command(&lv, PL_SH_OP_OR);
		} else if (c == '|') {
			p->pos += d == '&' ? 2 : 1;
			if (in_patterns(&lv) || lv.hdr != HD_NONE) {
				continue;
			}
			emit(&lv);
			lv.after_compound = false;
			lv.joining = true;
			lv.op = PL_SH_OP_PIPE;
		} else if (c == '(') {
			open_paren(&lv);
		} else if (c == ')') {
			closed = close_paren(&lv, stop);
		} else if ((c == '<' || c == '>') && d != '(') {
			redirection(&lv, redir_owner(&lv), p->pos, "", 0);
		} else {
			word(&lv);
		}
	}
	emit(&lv);
	finish_pipeline(&lv);
	if (!sh->stop && (lv.nfr > 0 || (stop == ')' && !closed) || lv.hdr != HD_NONE)) {
		sh->incomplete = true;
	}
	while (lv.nfr > 0) {
		pop_frame(&lv);
	}
	free(lv.fr);
	builder_free(&lv.b);
}

/* Maps the span [*OFF, *END) of a string of N bytes through MAP (the source offset of each
 * byte); an empty string maps to FALLBACK. */
static void
map_span(const uint32_t *map, size_t n, uint32_t fallback, uint32_t *off, uint32_t *end)
{
	if (n == 0) {
		*off = *end = fallback;
		return;
	}
	*end = *end > 0 ? map[(*end <= n ? *end : n) - 1] + 1 : map[0];
	*off = map[*off < n ? *off : n - 1];
	if (*end < *off) {
		*end = *off;
	}
}

/* Parses S[0..N) as a script of its own (a backtick body, a `sh -c` argument) and maps
 * the offsets of its commands back through MAP (source offset of each byte of S). */
static void
sub_parse(struct level *lv, const char *s, size_t n, const uint32_t *map, const uint8_t *outer,
	  int depth, int parent)
{
	struct shared *sh = lv->p->sh;
	struct parser q = { .sh = sh, .s = s, .n = n, .outer = outer };
	uint32_t fallback = (uint32_t)lv->p->pos;
	size_t k0 = sh->n, k, l, w;

	parse_list(&q, depth, parent, '\0');
	for (k = 0; k < q.nhd; k++) {
		free(q.hd[k].delim);
	}
	free(q.hd);
	if (q.nhd > 0) {
		sh->incomplete = true;
	}
	for (k = k0; k < sh->n; k++) {
		struct pl_sh_cmd *c = &sh->cmds[k];
		struct pl_sh_word *lists[3] = { c->argv, c->assigns, c->redirs };
		size_t counts[3] = { c->argc, c->nassigns, c->nredirs };

		map_span(map, n, fallback, &c->off, &c->end);
		for (l = 0; l < 3; l++) {
			for (w = 0; w < counts[l]; w++) {
				map_span(map, n, fallback, &lists[l][w].off, &lists[l][w].end);
			}
		}
	}
}

void
pl_sh_parse(const char *script, size_t n, struct pl_arena *a, struct pl_sh_script *out)
{
	struct shared sh = { .a = a };
	struct parser p = { .sh = &sh, .s = script ? script : "" };

	/* Offsets are 32-bit; inputs are far smaller (PL_MAX_FILE_BYTES), so this only
	 * guards the type. */
	if (n > UINT32_MAX - 1) {
		n = UINT32_MAX - 1;
		sh.truncated = true;
	}
	p.n = script ? n : 0;
	parse_list(&p, 0, -1, '\0');
	if (p.nhd > 0) {
		sh.incomplete = true;
	}
	for (size_t k = 0; k < p.nhd; k++) {
		free(p.hd[k].delim);
	}
	free(p.hd);
	free(sh.members);
	out->cmds = sh.cmds;
	out->ncmds = sh.n;
	out->truncated = sh.truncated;
	out->incomplete = sh.incomplete;
}

/* ---- questions about commands -------------------------------------------------------- */

const char *
pl_sh_basename(const struct pl_sh_word *w)
{
	const char *slash;

	if (w == NULL || w->text == NULL) {
		return "";
	}
	slash = strrchr(w->text, '/');
	return slash ? slash + 1 : w->text;
}

/* How a wrapper command's options are read. */
struct wrapper {
	const char *name;
	const char *short_args; /* short options that take the next word */
	const char *const *long_args; /* long options that take the next word (no `=`) */
	bool assigns;   /* NAME=value words may follow the options */
	bool operand;   /* one operand before the command (timeout's duration) */
};

static const char *const sudo_long[] = { "--user", "--group", "--host", "--prompt",
					 "--close-from", "--chdir", "--role", "--type",
					 "--other-user", "--command-timeout", NULL };
static const char *const env_long[] = { "--unset", "--chdir", "--split-string", NULL };
static const char *const nice_long[] = { "--adjustment", NULL };
static const char *const stdbuf_long[] = { "--input", "--output", "--error", NULL };
static const char *const xargs_long[] = { "--arg-file", "--delimiter", "--max-args",
					  "--max-procs", "--max-chars", "--max-lines",
					  "--process-slot-var", NULL };
static const char *const timeout_long[] = { "--signal", "--kill-after", NULL };
static const char *const no_long[] = { NULL };

static const struct wrapper wrappers[] = {
	{ "env", "uCS", env_long, true, false },
	{ "sudo", "ughpCDrtUT", sudo_long, true, false },
	{ "exec", "a", no_long, false, false },
	{ "command", "", no_long, false, false },
	{ "nohup", "", no_long, false, false },
	{ "time", "fo", no_long, false, false },
	{ "nice", "n", nice_long, false, false },
	{ "stdbuf", "ioe", stdbuf_long, false, false },
	{ "xargs", "aEIdnPLs", xargs_long, false, false },
	{ "timeout", "sk", timeout_long, false, true },
};

static bool
takes_long_arg(const struct wrapper *wr, const char *t)
{
	for (const char *const *l = wr->long_args; *l != NULL; l++) {
		if (pl_streq(t, *l)) {
			return true;
		}
	}
	return false;
}

/* Skips the options of wrapper WR from I; returns the index of its command. */
static size_t
skip_wrapper(const struct pl_sh_cmd *c, const struct wrapper *wr, size_t i)
{
	bool operand = wr->operand;

	while (i < c->argc) {
		const char *t = c->argv[i].text;

		if (pl_streq(t, "--")) {
			i++;
			break;
		}
		if (t[0] == '-' && t[1] != '\0') {
			const char *opt = t + 1;

			i++;
			if (t[1] == '-') {
				if (strchr(t, '=') == NULL && takes_long_arg(wr, t)) {
					i++;
				}
				continue;
			}
			/* A cluster like -Eu: the first option taking a value ends it, and takes
			 * the rest of the word or the next word. */
			for (; *opt; opt++) {
				if (strchr(wr->short_args, *opt) != NULL) {
					if (opt[1] == '\0') {
						i++;
					}
					break;
				}
			}
			continue;
		}
		if (wr->assigns && assignment_prefix(t, strlen(t)) > 0) {
			i++;
			continue;
		}
		if (operand) {
			operand = false;
			i++;
			continue;
		}
		break;
	}
	return i;
}

size_t
pl_sh_cmd_prog(const struct pl_sh_cmd *c)
{
	size_t i = 0;

	while (i < c->argc) {
		const char *name = pl_sh_basename(&c->argv[i]);
		const struct wrapper *wr = NULL;

		for (size_t k = 0; k < sizeof(wrappers) / sizeof(wrappers[0]); k++) {
			if (pl_streq(name, wrappers[k].name)) {
				wr = &wrappers[k];
				break;
			}
		}
		if (wr == NULL) {
			return i;
		}
		/* `command -v x` looks x up without running it: command is the program. */
		if (pl_streq(wr->name, "command") && i + 1 < c->argc &&
		    (pl_streq(c->argv[i + 1].text, "-v") ||
		     pl_streq(c->argv[i + 1].text, "-V"))) {
			return i;
		}
		i = skip_wrapper(c, wr, i + 1);
	}
	return c->argc;
}
