/*
 * compose_interp.c -- Compose variable interpolation (see compose_interp.h).
 *
 * One recursive-descent reader serves both jobs. It walks the value once: text is copied,
 * each "$" starts a reference, and the WORD of ${NAME<op>WORD} is read by the same loop
 * up to its closing "}", so references nest. In expansion mode WORD is expanded straight
 * into the output and cut back off when the operator does not use it; in listing mode
 * nothing is output and each reference is recorded with its offsets.
 *
 * compose-go finds a reference with a regular expression and the end of its WORD by
 * counting braces; reading left to right with a brace count gives the same result for
 * every value with balanced braces, in one pass.
 */
#include "parse/compose_interp.h"

#include <stdarg.h>
#include <stdint.h>
#include <string.h>

#include "core/buf.h"
#include "core/limits.h"

struct interp {
	const char *in;
	size_t n, pos;
	pl_interp_lookup lookup;
	void *ctx;
	struct pl_arena *a;
	struct pl_interp_error *err;
	bool listing;            /* pl_interp_refs: record references, output nothing */
	struct pl_buf out;
	size_t nexpanded, nunset;
	struct pl_interp_ref *refs;
	size_t nrefs, cap;
};

const char *
pl_interp_op_str(enum pl_interp_op op)
{
	static const char *const s[] = {
		[PL_INTERP_PLAIN] = "",
		[PL_INTERP_DEFAULT] = ":-",
		[PL_INTERP_DEFAULT_UNSET] = "-",
		[PL_INTERP_REQUIRED] = ":?",
		[PL_INTERP_REQUIRED_UNSET] = "?",
		[PL_INTERP_ALTERNATIVE] = ":+",
		[PL_INTERP_ALTERNATIVE_SET] = "+",
	};

	return (unsigned)op < sizeof(s) / sizeof(s[0]) ? s[op] : "";
}

static int
fail(struct interp *ip, enum pl_interp_errkind kind, size_t off, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static int
fail(struct interp *ip, enum pl_interp_errkind kind, size_t off, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	ip->err->kind = kind;
	ip->err->off = off;
	ip->err->name = NULL;
	ip->err->message = pl_arena_vprintf(ip->a, fmt, ap);
	va_end(ap);
	return -1;
}

static bool
name_start(char c)
{
	return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool
name_char(char c)
{
	return name_start(c) || (c >= '0' && c <= '9');
}

/* Appends S[0..k) to the output; OFF is where in the input it comes from, for the error. */
static int
emit(struct interp *ip, const char *s, size_t k, size_t off)
{
	if (ip->listing || k == 0) {
		return 0;
	}
	if (k > PL_MAX_INTERP_BYTES - ip->out.n) {
		return fail(ip, PL_INTERP_ELIMIT, off, "interpolated value is larger than %u MiB",
			    PL_MAX_INTERP_BYTES / (1024u * 1024u));
	}
	pl_buf_add(&ip->out, s, k);
	return 0;
}

/* Cuts the output back to MARK bytes. */
static void
cut(struct interp *ip, size_t mark)
{
	ip->out.n = mark;
	if (ip->out.p != NULL) {
		ip->out.p[mark] = '\0';
	}
}

/* Records a reference in listing mode; returns its index, or -1 past PL_MAX_INTERP_REFS. */
static int
record(struct interp *ip, size_t off, size_t name_off, size_t name_end, int parent,
       unsigned depth)
{
	struct pl_interp_ref *r;

	if (ip->nrefs == PL_MAX_INTERP_REFS) {
		return fail(ip, PL_INTERP_ELIMIT, off, "more than %u variable references in one value",
			    PL_MAX_INTERP_REFS);
	}
	if (ip->nrefs == ip->cap) {
		size_t cap = ip->cap ? ip->cap * 2 : 8;

		ip->refs = pl_arena_grow(ip->a, ip->refs, ip->cap, cap, sizeof(*ip->refs));
		ip->cap = cap;
	}
	r = &ip->refs[ip->nrefs];
	memset(r, 0, sizeof(*r));
	r->name = pl_arena_strndup(ip->a, ip->in + name_off, name_end - name_off);
	r->op = PL_INTERP_PLAIN;
	r->word = "";
	r->off = off;
	r->end = name_end;
	r->name_off = name_off;
	r->name_end = name_end;
	r->word_off = r->word_end = name_end;
	r->parent = parent;
	r->depth = depth;
	return (int)ip->nrefs++;
}

static bool
get_var(struct interp *ip, size_t name_off, size_t name_end, const char **v, size_t *vn)
{
	*v = "";
	*vn = 0;
	if (ip->lookup == NULL ||
	    !ip->lookup(ip->ctx, ip->in + name_off, name_end - name_off, v, vn)) {
		*v = "";
		*vn = 0;
		return false;
	}
	if (*v == NULL) {
		*v = "";
		*vn = 0;
	}
	return true;
}

static int word(struct interp *ip, bool braced, unsigned depth, int parent, size_t open);

/*
 * The operator after a name: ":-" "-" ":?" "?" ":+" "+". Returns the length read (1 or
 * 2) with *OP, 0 when none starts at P.
 */
static size_t
read_op(const char *p, size_t avail, enum pl_interp_op *op)
{
	bool colon = avail > 0 && p[0] == ':';
	char c;

	if (avail <= (size_t)colon) {
		return 0;
	}
	c = p[colon];
	switch (c) {
	case '-':
		*op = colon ? PL_INTERP_DEFAULT : PL_INTERP_DEFAULT_UNSET;
		break;
	case '?':
		*op = colon ? PL_INTERP_REQUIRED : PL_INTERP_REQUIRED_UNSET;
		break;
	case '+':
		*op = colon ? PL_INTERP_ALTERNATIVE : PL_INTERP_ALTERNATIVE_SET;
		break;
	default:
		return 0;
	}
	return 1 + (size_t)colon;
}

/* At most PL_MAX_EVIDENCE_BYTES of S[0..n) for a message (the longest excerpt a finding
 * shows), cut on a UTF-8 boundary. */
static const char *
excerpt(struct pl_arena *a, const char *s, size_t n)
{
	size_t k = n;

	if (n <= PL_MAX_EVIDENCE_BYTES) {
		return pl_arena_strndup(a, s, n);
	}
	k = PL_MAX_EVIDENCE_BYTES;
	while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80) {
		k--;
	}
	return pl_arena_printf(a, "%.*s...", (int)k, s);
}

/*
 * Applies OP to the variable once WORD has been expanded into the output from MARK on:
 * keeps WORD, or replaces it with the variable's value, or fails for a missing required
 * variable. COUNTS are the expansion counters from before WORD, restored when WORD is cut.
 */
static int
apply(struct interp *ip, enum pl_interp_op op, size_t off, size_t name_off, size_t name_end,
      size_t mark, const size_t counts[2])
{
	const char *v;
	size_t vn;
	bool set = get_var(ip, name_off, name_end, &v, &vn);
	bool use_word;

	switch (op) {
	case PL_INTERP_DEFAULT:
		use_word = !set || vn == 0;
		break;
	case PL_INTERP_DEFAULT_UNSET:
		use_word = !set;
		break;
	case PL_INTERP_REQUIRED:
	case PL_INTERP_REQUIRED_UNSET:
		if (!set || (op == PL_INTERP_REQUIRED && vn == 0)) {
			const char *msg = ip->out.n > mark ?
				excerpt(ip->a, ip->out.p + mark, ip->out.n - mark) : NULL;
			const char *name = pl_arena_strndup(ip->a, ip->in + name_off,
							    name_end - name_off);

			const char *shown = excerpt(ip->a, name, name_end - name_off);

			if (msg != NULL) {
				fail(ip, PL_INTERP_EREQUIRED, off,
				     "required variable %s is missing a value: %s", shown, msg);
			} else {
				fail(ip, PL_INTERP_EREQUIRED, off,
				     "required variable %s is missing a value", shown);
			}
			ip->err->name = name;
			return -1;
		}
		use_word = false;
		break;
	case PL_INTERP_ALTERNATIVE:
		use_word = set && vn > 0;
		if (!use_word) {
			/* Set but empty, or unset: "" either way. */
			vn = 0;
		}
		break;
	case PL_INTERP_ALTERNATIVE_SET:
		use_word = set;
		break;
	default:
		use_word = false;
		break;
	}
	if (use_word) {
		return 0;
	}
	cut(ip, mark);
	ip->nexpanded = counts[0];
	ip->nunset = counts[1];
	return emit(ip, v, vn, off);
}

/* ${...} at ip->pos. DEPTH is the depth of the word that holds it. */
static int
braced(struct interp *ip, unsigned depth, int parent)
{
	size_t off = ip->pos, name_off, name_end, k, mark = ip->out.n;
	size_t counts[2];
	enum pl_interp_op op = PL_INTERP_PLAIN;
	int idx = -1;
	const char *v;
	size_t vn;
	char c;

	ip->pos += 2;
	name_off = ip->pos;
	if (ip->pos < ip->n && name_start(ip->in[ip->pos])) {
		while (ip->pos < ip->n && name_char(ip->in[ip->pos])) {
			ip->pos++;
		}
	}
	name_end = ip->pos;
	if (ip->pos == ip->n) {
		return fail(ip, PL_INTERP_ESYNTAX, off, "unterminated \"${\"");
	}
	if (name_end == name_off) {
		return fail(ip, PL_INTERP_ESYNTAX, off,
			    "invalid interpolation: a variable name must follow \"${\"");
	}
	if (ip->listing) {
		idx = record(ip, off, name_off, name_end, parent, depth);
		if (idx < 0) {
			return -1;
		}
		/* Unfinished until its "}" is read: see pl_interp_refs. */
		ip->refs[idx].end = 0;
	} else {
		ip->nexpanded++;
	}
	/* What the word adds to the counts is taken back when the word is cut. */
	counts[0] = ip->nexpanded;
	counts[1] = ip->nunset;
	if (ip->in[ip->pos] == '}') {
		ip->pos++;
		if (ip->listing) {
			ip->refs[idx].braced = true;
			ip->refs[idx].end = ip->pos;
			return 0;
		}
		if (!get_var(ip, name_off, name_end, &v, &vn)) {
			ip->nunset++;
		}
		return emit(ip, v, vn, off);
	}
	k = read_op(ip->in + ip->pos, ip->n - ip->pos, &op);
	if (k == 0) {
		if (ip->in[ip->pos] == ':' && ip->pos + 1 == ip->n) {
			return fail(ip, PL_INTERP_ESYNTAX, off, "unterminated \"${\"");
		}
		c = ip->in[ip->pos];
		return fail(ip, PL_INTERP_ESYNTAX, off,
			    "invalid interpolation \"${%.*s%.*s\": expected \"}\" or one of "
			    ":- - :? ? :+ + after the variable name",
			    (int)(name_end - name_off < PL_MAX_EVIDENCE_BYTES ?
				  name_end - name_off : PL_MAX_EVIDENCE_BYTES), ip->in + name_off,
			    c > ' ' && c < 0x7f ? 1 : 0, &c);
	}
	if (depth + 1 > PL_MAX_INTERP_DEPTH) {
		return fail(ip, PL_INTERP_ELIMIT, off,
			    "interpolation nested deeper than %u levels", PL_MAX_INTERP_DEPTH);
	}
	ip->pos += k;
	if (ip->listing) {
		ip->refs[idx].op = op;
		ip->refs[idx].braced = true;
		ip->refs[idx].word_off = ip->pos;
	}
	if (word(ip, true, depth + 1, idx, off) < 0) {
		return -1;
	}
	/* word() stops on the closing brace. */
	if (ip->listing) {
		struct pl_interp_ref *r = &ip->refs[idx];

		r->word_end = ip->pos;
		r->word = pl_arena_strndup(ip->a, ip->in + r->word_off, r->word_end - r->word_off);
		r->end = ip->pos + 1;
	}
	ip->pos++;
	if (ip->listing) {
		return 0;
	}
	return apply(ip, op, off, name_off, name_end, mark, counts);
}

/* A "$" at ip->pos. */
static int
dollar(struct interp *ip, unsigned depth, int parent)
{
	size_t off = ip->pos, name_off, name_end;
	char next;

	if (ip->pos + 1 == ip->n) {
		ip->pos++;
		return emit(ip, "$", 1, off);
	}
	next = ip->in[ip->pos + 1];
	if (next == '$') {
		ip->pos += 2;
		return emit(ip, "$", 1, off);
	}
	if (next == '{') {
		return braced(ip, depth, parent);
	}
	if (!name_start(next)) {
		/* Compose keeps a "$" that starts no reference as written. */
		ip->pos++;
		return emit(ip, "$", 1, off);
	}
	name_off = ip->pos + 1;
	name_end = name_off + 1;
	while (name_end < ip->n && name_char(ip->in[name_end])) {
		name_end++;
	}
	ip->pos = name_end;
	if (ip->listing) {
		return record(ip, off, name_off, name_end, parent, depth) < 0 ? -1 : 0;
	} else {
		const char *v;
		size_t vn;

		ip->nexpanded++;
		if (!get_var(ip, name_off, name_end, &v, &vn)) {
			ip->nunset++;
		}
		return emit(ip, v, vn, off);
	}
}

/*
 * Reads text and references from ip->pos to the end of the input, or, when BRACED, to the
 * "}" that closes the reference opened at OPEN (left at ip->pos). Braces inside a braced
 * word nest, as compose-go counts them.
 */
static int
word(struct interp *ip, bool braced_word, unsigned depth, int parent, size_t open)
{
	size_t nest = 0;

	while (ip->pos < ip->n) {
		size_t start = ip->pos;
		char c;

		/* A run of plain text in one copy. */
		while (ip->pos < ip->n) {
			c = ip->in[ip->pos];
			if (c == '$' || (braced_word && (c == '{' || c == '}'))) {
				break;
			}
			ip->pos++;
		}
		if (emit(ip, ip->in + start, ip->pos - start, start) < 0) {
			return -1;
		}
		if (ip->pos == ip->n) {
			break;
		}
		c = ip->in[ip->pos];
		if (c == '$') {
			if (dollar(ip, depth, parent) < 0) {
				return -1;
			}
			continue;
		}
		if (c == '}') {
			if (nest == 0) {
				return 0;
			}
			nest--;
		} else {
			nest++;
		}
		if (emit(ip, &c, 1, ip->pos) < 0) {
			return -1;
		}
		ip->pos++;
	}
	if (braced_word) {
		return fail(ip, PL_INTERP_ESYNTAX, open, "unterminated \"${\"");
	}
	return 0;
}

int
pl_interp_expand(const char *in, size_t n, pl_interp_lookup lookup, void *ctx,
		 struct pl_arena *a, struct pl_interp_result *out, struct pl_interp_error *err)
{
	struct interp ip = {
		.in = in, .n = n, .lookup = lookup, .ctx = ctx, .a = a, .err = err,
	};
	char *s;

	pl_buf_init(&ip.out);
	if (word(&ip, false, 0, -1, 0) < 0) {
		pl_buf_finish(&ip.out);
		return -1;
	}
	s = pl_arena_alloc_raw(a, ip.out.n + 1);
	if (ip.out.n > 0) {
		memcpy(s, ip.out.p, ip.out.n);
	}
	s[ip.out.n] = '\0';
	out->s = s;
	out->n = ip.out.n;
	out->nrefs = ip.nexpanded;
	out->nunset = ip.nunset;
	pl_buf_finish(&ip.out);
	return 0;
}

int
pl_interp_refs(const char *in, size_t n, struct pl_arena *a, struct pl_interp_ref **refs,
	       size_t *nrefs, struct pl_interp_error *err)
{
	struct interp ip = {
		.in = in, .n = n, .a = a, .err = err, .listing = true,
	};
	int rc = word(&ip, false, 0, -1, 0);

	if (rc < 0) {
		/* Keep the references before the first unfinished one (the one the error is
		 * in, or one whose word holds it); the ones nested in it come after it. */
		for (size_t i = 0; i < ip.nrefs; i++) {
			if (ip.refs[i].end == 0) {
				ip.nrefs = i;
				break;
			}
		}
	}
	*refs = ip.nrefs > 0 ? ip.refs : NULL;
	*nrefs = ip.nrefs;
	return rc < 0 ? -1 : 0;
}
