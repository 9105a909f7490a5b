/* attrib-bench-hostile: the cost of hostile input against normal news.
 *
 *   attrib-bench-hostile [--mb N] [--limit-mb N] [CASE...]
 *
 * Generates each input the reliability issue names (a document without
 * punctuation, one character repeated, 100,000 quotation marks, deep
 * nesting, capitals, mixed scripts, NUL bytes, bad UTF-8) and extracts it
 * once, in a child process of its own, at a quarter of the size and at the
 * full size (N MB, 50 by default; the quotation marks and the nesting have
 * the size their definition gives them). For each it prints the CPU time
 * per MB and the peak memory the extraction added per MB of input: both
 * stay flat from the quarter to the full size when the cost is linear, and
 * near the news figures when nothing is pathological.
 *
 * Each child runs under an address-space limit (--limit-mb, 8192 by
 * default), so that a blow-up shows as "out of memory" here rather than
 * as a machine in trouble. CPU time rather than wall time: the machine
 * may be shared. A program to run by hand; its figures are reported, not
 * asserted. */
#define _DEFAULT_SOURCE /* wait4() */

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include "attrib.h"

#ifndef ATTRIB_SAMPLES_DIR
#define ATTRIB_SAMPLES_DIR "examples/samples"
#endif

typedef struct text {
    char *s;
    size_t len, cap;
} text;

static void put(text *t, const void *s, size_t n)
{
    if (t->len + n > t->cap) {
        size_t cap = t->cap ? t->cap : 1 << 16;
        while (t->len + n > cap)
            cap *= 2;
        char *p = realloc(t->s, cap);
        if (!p) {
            fprintf(stderr, "attrib-bench-hostile: out of memory generating the input\n");
            exit(1);
        }
        t->s = p;
        t->cap = cap;
    }
    memcpy(t->s + t->len, s, n);
    t->len += n;
}

static void puts_(text *t, const char *s) { put(t, s, strlen(s)); }

/* The sample articles, one after another, blank lines between. */
static text samples;

static void load_samples(void)
{
    static const char *const names[] = {"en-1.txt", "en-2.txt", "fr-1.txt", "fr-2.txt"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", ATTRIB_SAMPLES_DIR, names[i]);
        FILE *f = fopen(path, "rb");
        if (!f) {
            perror(path);
            exit(1);
        }
        char buf[65536];
        size_t n;
        while ((n = fread(buf, 1, sizeof buf, f)) > 0)
            put(&samples, buf, n);
        fclose(f);
        puts_(&samples, "\n\n");
    }
}

/* SRC, transformed byte by byte by MAP (which may drop a byte by returning
 * -1), repeated to SIZE bytes, cut at a character boundary. */
static void repeat_to(text *t, const text *src, size_t size, int (*map)(int))
{
    while (t->len < size) {
        for (size_t i = 0; i < src->len && t->len < size; i++) {
            int c = map ? map((unsigned char)src->s[i]) : (unsigned char)src->s[i];
            if (c >= 0) {
                char b = (char)c;
                put(t, &b, 1);
            }
        }
    }
    while (t->len && ((unsigned char)t->s[t->len - 1] & 0xC0) == 0x80)
        t->len--; /* a cut continuation byte */
    if (t->len && (unsigned char)t->s[t->len - 1] >= 0xC0)
        t->len--; /* and its lead byte */
}

/* Letters, digits, spaces and UTF-8 stay; ASCII punctuation and line
 * breaks go (typographic quotes and dashes, in UTF-8, are kept: they are
 * no sentence ends). */
static int no_punct(int c)
{
    if (c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
        return c;
    return c == ' ' ? ' ' : (c == '\n' ? ' ' : -1);
}

static int upper(int c)
{
    return c >= 'a' && c <= 'z' ? c - 32 : c;
}

/* ---- The cases ---- */

typedef struct kase {
    const char *name;
    const char *what;
    bool scales;           /* generated to --mb; else a fixed definition */
    void (*make)(text *t, size_t size);
} kase;

static void make_news(text *t, size_t size) { repeat_to(t, &samples, size, NULL); }
static void make_no_punct(text *t, size_t size) { repeat_to(t, &samples, size, no_punct); }
static void make_caps(text *t, size_t size) { repeat_to(t, &samples, size, upper); }

static void make_one_char(text *t, size_t size)
{
    while (t->len < size)
        puts_(t, "a");
}

static void make_one_punct(text *t, size_t size)
{
    while (t->len < size)
        puts_(t, "!");
}

static void make_one_word(text *t, size_t size)
{
    while (t->len < size)
        puts_(t, "a ");
}

/* 100,000 quotation marks of every kind, between short words. */
static void make_quotes(text *t, size_t size)
{
    (void)size;
    static const char *const marks[] = {"\"", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xC2\xAB ",
                                        " \xC2\xBB", "'", "\xE2\x80\x98", "\xE2\x80\x99"};
    for (int i = 0; i < 100000; i++) {
        puts_(t, marks[i % 8]);
        puts_(t, i % 3 ? "Varn said" : " the group ");
    }
}

/* Quotations and parentheses nested 100,000 deep, with a claim at every
 * level, then all closed. */
static void make_nested(text *t, size_t size)
{
    (void)size;
    static const char *const open[] = {"(", "\"", "\xE2\x80\x9C", "\xC2\xAB ", "[", "'"};
    static const char *const close[] = {")", "\"", "\xE2\x80\x9D", " \xC2\xBB", "]", "'"};
    enum { DEPTH = 100000 };
    for (int i = 0; i < DEPTH; i++) {
        puts_(t, "The Ministry said ");
        puts_(t, open[i % 6]);
    }
    puts_(t, "the Grey Heron Collective was behind the attack");
    for (int i = DEPTH; i-- > 0;)
        puts_(t, close[i % 6]);
    puts_(t, ".");
}

/* Words of many scripts, with claims in some. */
static void make_scripts(text *t, size_t size)
{
    static const char *const words[] = {
        "Varn", "said", "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0", /* Москва */
        "\xCE\x91\xCE\xB8\xCE\xAE\xCE\xBD\xCE\xB1",                         /* Αθήνα */
        "\xD8\xA7\xD9\x84\xD8\xB1\xD9\x8A\xD8\xA7\xD8\xB6",                 /* الرياض */
        "\xD7\x99\xD7\xA8\xD7\x95\xD7\xA9\xD7\x9C\xD7\x99\xD7\x9D",         /* ירושלים */
        "\xE5\x8C\x97\xE4\xBA\xAC\xE5\xB8\x82\xE6\x94\xBF\xE5\xBA\x9C",     /* 北京市政府 */
        "\xE0\xB8\x81\xE0\xB8\xA3\xE0\xB8\xB8\xE0\xB8\x87\xE0\xB9\x80\xE0\xB8\x97\xE0\xB8\x9E", /* กรุงเทพ */
        "\xE0\xA4\xA6\xE0\xA4\xBF\xE0\xA4\xB2\xE0\xA5\x8D\xE0\xA4\xB2\xE0\xA5\x80", /* दिल्ली */
        "\xE6\x9D\xB1\xE4\xBA\xAC\xE3\x81\xA8\xE3\x82\xAB\xE3\x82\xBF\xE3\x82\xAB\xE3\x83\x8A", /* 東京とカタカナ */
        "\xF0\x9F\x94\xA5", "was", "behind", "the", "attack.", "\xED\x95\x9C\xEA\xB5\xAD\xEC\x96\xB4",
    };
    size_t n = sizeof words / sizeof *words;
    for (size_t i = 0; t->len < size; i++) {
        puts_(t, words[(i * 7 + i / n) % n]);
        puts_(t, " ");
    }
}

/* A NUL between every two words of the news. */
static void make_nul(text *t, size_t size)
{
    while (t->len < size)
        for (size_t i = 0; i < samples.len && t->len < size; i++)
            put(t, samples.s[i] == ' ' ? "\0" : &samples.s[i], 1);
}

/* News with one bad sequence at the very end: the whole text is read
 * before it is refused. */
static void make_bad_end(text *t, size_t size, const char *bad)
{
    repeat_to(t, &samples, size - strlen(bad), NULL);
    puts_(t, bad);
}

static void make_overlong(text *t, size_t size) { make_bad_end(t, size, "\xC0\xAF"); }
static void make_truncated(text *t, size_t size) { make_bad_end(t, size, "\xE2\x80"); }
static void make_surrogate(text *t, size_t size) { make_bad_end(t, size, "\xED\xA0\x80"); }

/* Bad UTF-8 all through: every kind, between words. */
static void make_bad_all(text *t, size_t size)
{
    static const char *const bad[] = {"\xC0\xAF", "\xE2\x80", "\xED\xA0\x80", "\xFF", "\xF8\x88\x80\x80\x80"};
    for (size_t i = 0; t->len < size; i++) {
        puts_(t, bad[i % 5]);
        puts_(t, " word ");
    }
}

static const kase cases[] = {
    {"news", "the sample articles, repeated", true, make_news},
    {"no-punct", "the news without punctuation or line breaks", true, make_no_punct},
    {"one-char", "'a' repeated (one word)", true, make_one_char},
    {"one-punct", "'!' repeated (one token a byte)", true, make_one_punct},
    {"one-word", "'a ' repeated (one word every 2 bytes)", true, make_one_word},
    {"quotes", "100,000 quotation marks of 8 kinds", false, make_quotes},
    {"nested", "quotations and parentheses 100,000 deep", false, make_nested},
    {"caps", "the news in capitals", true, make_caps},
    {"scripts", "words of 12 scripts", true, make_scripts},
    {"nul", "the news with NUL for every space", true, make_nul},
    {"overlong", "the news, an overlong '/' at the end", true, make_overlong},
    {"truncated", "the news, a truncated sequence at the end", true, make_truncated},
    {"surrogate", "the news, a surrogate at the end", true, make_surrogate},
    {"bad-utf8", "bad sequences of 5 kinds all through", true, make_bad_all},
};

/* ---- Measuring ---- */

typedef struct figures {
    double mb, cpu;          /* input size; CPU seconds of the extraction */
    long base_kb, peak_kb;   /* resident size before the extraction, and peak */
    int status;
    size_t claims;
} figures;

static double cpu_seconds(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec * 1e-6 +
           (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec * 1e-6;
}

static long rss_kb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

/* In a child: generates the case at SIZE bytes, extracts it, and writes
 * its figures to FD. The peak comes from the parent (wait4). */
static void child(const kase *k, size_t size, long limit_mb, int fd)
{
    struct rlimit rl = {(rlim_t)limit_mb << 20, (rlim_t)limit_mb << 20};
    setrlimit(RLIMIT_AS, &rl);
    attrib_extractor *ex = NULL;
    figures f = {0};
    if (attrib_extractor_new(NULL, &ex) != ATTRIB_OK)
        _exit(1);
    text t = {0};
    k->make(&t, size);
    f.mb = (double)t.len / 1e6;
    /* Touch the whole input, so that it counts in the base. */
    volatile unsigned sum = 0;
    for (size_t i = 0; i < t.len; i += 4096)
        sum += (unsigned char)t.s[i];
    f.base_kb = rss_kb();
    attrib_result *r = NULL;
    double c0 = cpu_seconds();
    attrib_status st = attrib_extract(ex, t.s, t.len, NULL, &r);
    f.cpu = cpu_seconds() - c0;
    f.status = (int)st;
    f.claims = attrib_result_claim_count(r);
    attrib_result_free(r);
    attrib_extractor_free(ex);
    free(t.s);
    if (write(fd, &f, sizeof f) != (ssize_t)sizeof f)
        _exit(1);
    _exit(0);
}

static int measure(const kase *k, size_t size, long limit_mb, figures *f)
{
    int fds[2];
    if (pipe(fds) != 0)
        return -1;
    fflush(stdout);
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        close(fds[0]);
        child(k, size, limit_mb, fds[1]);
    }
    close(fds[1]);
    ssize_t got = read(fds[0], f, sizeof *f);
    close(fds[0]);
    int wstatus;
    struct rusage ru;
    if (wait4(pid, &wstatus, 0, &ru) != pid)
        return -1;
    if (got != (ssize_t)sizeof *f || !WIFEXITED(wstatus) || WEXITSTATUS(wstatus) != 0)
        return -1;
    f->peak_kb = ru.ru_maxrss;
    return 0;
}

static const char *status_name(int st)
{
    static const char *const names[] = {"ok", "EINVAL", "ENOMEM", "EUTF8", "ETOOBIG",
                                        "ELANG", "ELEXICON", "EIO", "EICU"};
    return st >= 0 && st < (int)(sizeof names / sizeof *names) ? names[st] : "?";
}

static void usage(FILE *out)
{
    fprintf(out, "Usage: attrib-bench-hostile [--mb N] [--limit-mb N] [CASE...]\nCases:");
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        fprintf(out, " %s", cases[i].name);
    fprintf(out, "\n");
}

int main(int argc, char **argv)
{
    double mb = 50;
    long limit_mb = 8192;
    const char *only[64];
    int nonly = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--mb") == 0 && i + 1 < argc) {
            mb = atof(argv[++i]);
        } else if (strcmp(argv[i], "--limit-mb") == 0 && i + 1 < argc) {
            limit_mb = atol(argv[++i]);
        } else if (strcmp(argv[i], "--help") == 0) {
            usage(stdout);
            return 0;
        } else if (argv[i][0] != '-' && nonly < 64) {
            only[nonly++] = argv[i];
        } else {
            usage(stderr);
            return 2;
        }
    }
    if (mb <= 0 || limit_mb <= 0) {
        usage(stderr);
        return 2;
    }
    load_samples();
    printf("%-10s %8s %9s %8s %9s %7s  %-9s %s\n", "case", "MB", "CPU s/MB", "peak MB",
           "extra/MB", "claims", "status", "what");
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const kase *k = &cases[i];
        bool wanted = nonly == 0;
        for (int j = 0; j < nonly; j++)
            wanted |= strcmp(only[j], k->name) == 0;
        if (!wanted)
            continue;
        for (int pass = 0; pass < (k->scales ? 2 : 1); pass++) {
            size_t size = (size_t)(mb * 1e6 / (k->scales && pass == 0 ? 4 : 1));
            figures f;
            if (measure(k, size, limit_mb, &f) != 0) {
                printf("%-10s %8.1f  failed (child died: out of memory under --limit-mb?)\n",
                       k->name, (double)size / 1e6);
                continue;
            }
            /* Extra: what the extraction added to the resident set, above
             * the extractor and the input. */
            double extra = (double)(f.peak_kb - f.base_kb) / 1024.0;
            printf("%-10s %8.2f %9.3f %8.0f %9.2f %7zu  %-9s %s\n", k->name, f.mb,
                   f.mb > 0 ? f.cpu / f.mb : 0.0, (double)f.peak_kb / 1024.0,
                   f.mb > 0 ? extra / f.mb : 0.0, f.claims,
                   status_name(f.status),
                   k->what);
        }
    }
    return 0;
}
