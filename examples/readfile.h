/* Reading a file or a stream whole: what the example programs, the tools,
 * the benches and the tests that take files on their command line share.
 * Header-only, so that each program stays one file plus the library. */
#ifndef ATTRIB_READFILE_H
#define ATTRIB_READFILE_H

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* The bytes of F up to its end, as they are, with a NUL after them (not
 * counted in *LEN, which may be NULL). NULL with errno ENOMEM or EIO when
 * they cannot be read. */
static inline char *read_stream(FILE *f, size_t *len)
{
    size_t cap = (size_t)1 << 16, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        n += fread(buf + n, 1, cap - n - 1, f);
        if (n < cap - 1)
            break; /* end of file, or an error */
        char *bigger = cap <= SIZE_MAX / 2 ? realloc(buf, cap * 2) : NULL;
        if (!bigger)
            free(buf);
        buf = bigger;
        cap *= 2;
    }
    if (!buf) {
        errno = ENOMEM;
        return NULL;
    }
    if (ferror(f)) {
        free(buf);
        errno = EIO;
        return NULL;
    }
    buf[n] = '\0';
    if (len)
        *len = n;
    return buf;
}

/* The file at PATH, as read_stream() reads it; NULL with errno set when
 * it cannot be opened or read. */
static inline char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = read_stream(f, len);
    int saved = errno;
    fclose(f);
    errno = saved;
    return buf;
}

#endif
