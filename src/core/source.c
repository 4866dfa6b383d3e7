/*
 * source.c -- reading input files within the limits, and the line index.
 */
#include "core/source.h"
#include "core/limits.h"
#include "core/xalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void
index_lines(struct pl_source *src)
{
	size_t i, cap = 64;
	uint32_t n = 0;

	const char *p = src->text, *end = src->text + src->len, *nl;

	src->line_starts = pl_xmalloc(cap * sizeof(uint32_t));
	src->line_starts[n++] = 0;
	while (p < end && (nl = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		i = (size_t)(nl - src->text) + 1;
		if (n == cap) {
			cap *= 2;
			src->line_starts = pl_xrealloc(src->line_starts, cap * sizeof(uint32_t));
		}
		src->line_starts[n++] = (uint32_t)i;
		p = nl + 1;
	}
	src->nlines = n;
}

void
pl_source_from_mem(struct pl_source *src, const char *name, const char *text, size_t len)
{
	src->name = name;
	src->text = pl_xmalloc(len + 1);
	memcpy(src->text, text, len);
	src->text[len] = '\0';
	src->len = len;
	index_lines(src);
}

static int
read_fd(int fd, size_t hint, char **out, size_t *outlen, const char **err)
{
	/* One byte more than the hint, so that the read that finds the end needs no
	 * reallocation. */
	size_t cap = hint > 0 && hint < PL_MAX_FILE_BYTES ? hint + 1 : 4096, n = 0;
	char *p = pl_xmalloc(cap + 1);
	ssize_t r;

	for (;;) {
		if (n == cap) {
			if (cap >= PL_MAX_FILE_BYTES) {
				free(p);
				*err = "file is larger than the 32 MiB limit";
				return -1;
			}
			cap *= 2;
			if (cap > PL_MAX_FILE_BYTES) {
				cap = PL_MAX_FILE_BYTES;
			}
			p = pl_xrealloc(p, cap + 1);
		}
		r = read(fd, p + n, cap - n);
		if (r < 0) {
			if (errno == EINTR) {
				continue;
			}
			free(p);
			*err = strerror(errno);
			return -1;
		}
		if (r == 0) {
			break;
		}
		n += (size_t)r;
	}
	p[n] = '\0';
	*out = p;
	*outlen = n;
	return 0;
}

int
pl_source_read(struct pl_source *src, const char *path, const char *display_name,
	       const char **err)
{
	struct stat st;
	size_t hint = 0;
	int fd, rc;

	memset(src, 0, sizeof(*src));
	src->name = display_name != NULL ? display_name : path;
	if (strcmp(path, "-") == 0) {
		fd = STDIN_FILENO;
	} else {
		/* O_NONBLOCK so that opening a FIFO with no writer cannot hang the scan. */
		fd = open(path, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
		if (fd < 0) {
			*err = strerror(errno);
			return -1;
		}
		if (fstat(fd, &st) != 0) {
			*err = strerror(errno);
			close(fd);
			return -1;
		}
		if (S_ISDIR(st.st_mode)) {
			*err = "is a directory";
			close(fd);
			return -1;
		}
		if (!S_ISREG(st.st_mode)) {
			*err = "not a regular file";
			close(fd);
			return -1;
		}
		if ((unsigned long long)st.st_size > PL_MAX_FILE_BYTES) {
			*err = "file is larger than the 32 MiB limit";
			close(fd);
			return -1;
		}
		/* O_NONBLOCK stays: it has no effect on reading a regular file. The size
		 * known now lets most files be read in one call. */
		hint = (size_t)st.st_size;
	}
	rc = read_fd(fd, hint, &src->text, &src->len, err);
	if (fd != STDIN_FILENO) {
		close(fd);
	}
	if (rc != 0) {
		return -1;
	}
	index_lines(src);
	return 0;
}

void
pl_source_finish(struct pl_source *src)
{
	free(src->text);
	free(src->line_starts);
	memset(src, 0, sizeof(*src));
}

struct pl_pos
pl_source_pos(const struct pl_source *src, size_t off)
{
	struct pl_pos pos = { 0, 0 };
	uint32_t lo = 0, hi, mid;

	if (src->nlines == 0) {
		return pos;
	}
	if (off > src->len) {
		off = src->len;
	}
	hi = src->nlines;
	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (src->line_starts[mid] <= off) {
			lo = mid;
		} else {
			hi = mid;
		}
	}
	pos.line = lo + 1;
	pos.col = 1 + pl_utf8_count(src->text + src->line_starts[lo], off - src->line_starts[lo]);
	return pos;
}

const char *
pl_source_line(const struct pl_source *src, uint32_t line, size_t *len)
{
	size_t start, end;

	if (line == 0 || line > src->nlines) {
		*len = 0;
		return "";
	}
	start = src->line_starts[line - 1];
	end = line < src->nlines ? src->line_starts[line] : src->len;
	while (end > start && (src->text[end - 1] == '\n' || src->text[end - 1] == '\r')) {
		end--;
	}
	*len = end - start;
	return src->text + start;
}

uint32_t
pl_utf8_count(const char *s, size_t n)
{
	uint32_t count = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		if (((unsigned char)s[i] & 0xC0) != 0x80) {
			count++;
		}
	}
	return count;
}

bool
pl_utf8_valid(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, k, need;
	uint32_t cp;

	while (i < n) {
		/* Most Dockerfiles are ASCII: skip eight ASCII bytes at a time. */
		if (i + 8 <= n) {
			uint64_t w;

			memcpy(&w, p + i, 8);
			if ((w & 0x8080808080808080ull) == 0 &&
			    ((w - 0x0101010101010101ull) & ~w & 0x8080808080808080ull) == 0) {
				i += 8;
				continue;
			}
		}
		if (p[i] == 0) {
			return false;
		}
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		if ((p[i] & 0xE0) == 0xC0) {
			need = 1;
			cp = p[i] & 0x1F;
		} else if ((p[i] & 0xF0) == 0xE0) {
			need = 2;
			cp = p[i] & 0x0F;
		} else if ((p[i] & 0xF8) == 0xF0) {
			need = 3;
			cp = p[i] & 0x07;
		} else {
			return false;
		}
		if (i + need >= n) {
			return false;
		}
		for (k = 1; k <= need; k++) {
			if ((p[i + k] & 0xC0) != 0x80) {
				return false;
			}
			cp = (cp << 6) | (p[i + k] & 0x3F);
		}
		if ((need == 1 && cp < 0x80) || (need == 2 && cp < 0x800) ||
		    (need == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
		    (cp >= 0xD800 && cp <= 0xDFFF)) {
			return false;
		}
		i += need + 1;
	}
	return true;
}

size_t
pl_utf8_first_invalid(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		size_t k = 1;

		/* The shortest valid sequence at I, at most four bytes. */
		while (k <= 4 && i + k <= n && !pl_utf8_valid(s + i, k)) {
			k++;
		}
		if (k > 4 || i + k > n) {
			return i;
		}
		i += k;
	}
	return n;
}
