/* attrib-bench: how fast libattrib reads news, against the floor of
 * ICU's word break iterator walking the same text.
 *
 *   attrib-bench [--repeat N] [--mb N] [CORPUS]
 *
 * CORPUS is a directory (its *.txt files, one document each) or a JSON
 * Lines file ({"text": ..., "lang"?: ...} a line). Without one, the
 * project's sample articles are repeated to N MB (50 by default).
 *
 * Every figure is the best of N runs (3 by default): the machine may be
 * shared, and the best run is the one least disturbed. One-core figures
 * are CPU time (wall time in brackets), read on one CPU: the process is
 * pinned to the CPU it starts on, except for the threads, because the
 * CPUs of a virtual machine may run at different speeds (another guest
 * on the same core) and a figure must not compare two of them. The load
 * average is printed with them.
 *
 * Linked with the static internals (not the public library) for one
 * thing: doc_analyse_steps(), which runs the first N stages of the
 * pipeline, so that each stage's share is the difference between runs
 * of N and N-1 stages over the same documents, with no clock in the
 * library. */
#define _GNU_SOURCE /* sched_setaffinity(), sched_getcpu() */

#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include "internal.h"
#include "result.h"
#include "../examples/readfile.h"

#ifndef ATTRIB_SAMPLES_DIR
#define ATTRIB_SAMPLES_DIR "examples/samples"
#endif

typedef struct document {
    char *text;
    size_t len;
    char hint[16];  /* the corpus's "lang", or "" */
    char lang[16];  /* as identified by the extractor */
} document;

typedef struct corpus {
    document *docs;
    size_t n, cap;
    size_t bytes;
} corpus;

static double clock_s(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static double now(void)
{
    return clock_s(CLOCK_MONOTONIC);
}

/* A run's wall time and CPU time (of this thread, or of the process when
 * threads work): on a shared machine the CPU time is what the run cost,
 * the wall time what it waited too. */
typedef struct timing {
    double wall, cpu;
} timing;

static timing timing_start(clockid_t cpu)
{
    return (timing){now(), clock_s(cpu)};
}

static timing timing_since(timing t0, clockid_t cpu)
{
    return (timing){now() - t0.wall, clock_s(cpu) - t0.cpu};
}

static void keep_best(timing *best, timing t)
{
    if (t.wall < best->wall)
        best->wall = t.wall;
    if (t.cpu < best->cpu)
        best->cpu = t.cpu;
}

#define TIMING_NONE ((timing){1e9, 1e9})

static void die(const char *what, const char *why)
{
    fprintf(stderr, "attrib-bench: %s: %s\n", what, why);
    exit(1);
}

static void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        die("malloc", "out of memory");
    return p;
}

/* What a loader does with each document: TEXT is malloc'd and the
 * callback takes it. */
typedef void doc_fn(void *ctx, char *text, size_t len, const char *hint);

static void add_doc(void *ctx, char *text, size_t len, const char *hint)
{
    corpus *c = ctx;
    if (c->n == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 256;
        c->docs = realloc(c->docs, c->cap * sizeof *c->docs);
        if (!c->docs)
            die("malloc", "out of memory");
    }
    document *d = &c->docs[c->n++];
    memset(d, 0, sizeof *d);
    d->text = text;
    d->len = len;
    snprintf(d->hint, sizeof d->hint, "%s", hint ? hint : "");
    c->bytes += len;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The *.txt files of DIR, sorted, one at a time to FN. */
static void load_dir(const char *dir, doc_fn *fn, void *ctx)
{
    DIR *d = opendir(dir);
    if (!d)
        die(dir, strerror(errno));
    char **names = NULL;
    size_t n = 0, cap = 0;
    for (struct dirent *e; (e = readdir(d));) {
        size_t l = strlen(e->d_name);
        if (l < 5 || strcmp(e->d_name + l - 4, ".txt") != 0)
            continue;
        if (n == cap && !(names = realloc(names, (cap = cap ? cap * 2 : 64) * sizeof *names)))
            die("malloc", "out of memory");
        names[n] = xmalloc(strlen(dir) + l + 2);
        sprintf(names[n++], "%s/%s", dir, e->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof *names, cmp_str);
    for (size_t i = 0; i < n; i++) {
        size_t len;
        char *text = read_file(names[i], &len);
        if (!text)
            die(names[i], strerror(errno));
        fn(ctx, text, len, NULL);
        free(names[i]);
    }
    free(names);
}

static void load_jsonl(const char *path, doc_fn *fn, void *ctx)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        die(path, strerror(errno));
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    for (size_t lineno = 1; (n = getline(&line, &cap, f)) > 0; lineno++) {
        json_error_t err;
        json_t *o = json_loadb(line, (size_t)n, 0, &err);
        json_t *text = o ? json_object_get(o, "text") : NULL;
        if (!json_is_string(text)) {
            json_decref(o);
            continue; /* blank or foreign lines */
        }
        size_t len = json_string_length(text);
        char *s = xmalloc(len);
        memcpy(s, json_string_value(text), len);
        json_t *lang = json_object_get(o, "lang");
        fn(ctx, s, len, json_is_string(lang) ? json_string_value(lang) : NULL);
        json_decref(o);
    }
    free(line);
    fclose(f);
}

/* CORPUS (a directory or JSON Lines), or the samples repeated to MB
 * megabytes, one document at a time to FN. */
static void load_corpus(const char *path, size_t mb, doc_fn *fn, void *ctx)
{
    if (!path) {
        corpus samples = {0};
        load_dir(ATTRIB_SAMPLES_DIR, add_doc, &samples);
        if (!samples.n)
            die(ATTRIB_SAMPLES_DIR, "no sample articles");
        for (size_t done = 0; done < mb * 1000000;)
            for (size_t i = 0; i < samples.n; i++) {
                char *s = xmalloc(samples.docs[i].len);
                memcpy(s, samples.docs[i].text, samples.docs[i].len);
                fn(ctx, s, samples.docs[i].len, NULL);
                done += samples.docs[i].len;
            }
        for (size_t i = 0; i < samples.n; i++)
            free(samples.docs[i].text);
        free(samples.docs);
        return;
    }
    DIR *dir = opendir(path);
    if (dir) {
        closedir(dir);
        load_dir(path, fn, ctx);
    } else {
        load_jsonl(path, fn, ctx);
    }
}

static void free_corpus(corpus *c)
{
    for (size_t i = 0; i < c->n; i++)
        free(c->docs[i].text);
    free(c->docs);
    memset(c, 0, sizeof *c);
}

/* ---- Measurements ---- */

static attrib_extractor *new_extractor(void)
{
    attrib_extractor *ex;
    attrib_status st = attrib_extractor_new(NULL, &ex);
    if (st != ATTRIB_OK)
        die("attrib_extractor_new", attrib_strerror(st));
    return ex;
}

/* One document through the API as a user runs it: extraction, then JSON
 * unless NO_JSON. */
static void extract_doc(const attrib_extractor *ex, const document *d, bool no_json,
                        char *lang_out)
{
    attrib_result *r = NULL;
    attrib_extract(ex, d->text, d->len, d->hint[0] ? d->hint : NULL, &r);
    if (!r)
        die("attrib_extract", "out of memory");
    char *json = NULL;
    size_t len;
    if (!no_json && attrib_result_to_json(r, "bench", &json, &len) != ATTRIB_OK &&
        attrib_result_status(r) == ATTRIB_OK)
        die("attrib_result_to_json", "failed");
    attrib_free(json);
    if (lang_out)
        snprintf(lang_out, 16, "%s", attrib_result_lang(r) ? attrib_result_lang(r) : "?");
    attrib_result_free(r);
}

static void extract_one(const attrib_extractor *ex, const document *d, char *lang_out)
{
    extract_doc(ex, d, false, lang_out);
}

/* Seconds to walk the documents [FROM, TO) of C (those of language LANG)
 * with ICU's word break iterator: the floor. */
static timing floor_run(const attrib_extractor *ex, const corpus *c, const char *lang,
                        size_t from, size_t to)
{
    UErrorCode err = U_ZERO_ERROR;
    UBreakIterator *bi = ubrk_clone(ex->words, &err);
    UText *ut = NULL;
    volatile int32_t sink = 0;
    timing t0 = timing_start(CLOCK_THREAD_CPUTIME_ID);
    for (size_t i = from; i < to; i++) {
        const document *d = &c->docs[i];
        if (lang && strcmp(d->lang, lang) != 0)
            continue;
        ut = utext_openUTF8(ut, d->text, (int64_t)d->len, &err);
        ubrk_setUText(bi, ut, &err);
        int32_t words = 0;
        for (int32_t b = ubrk_first(bi); b != UBRK_DONE; b = ubrk_next(bi))
            words++;
        sink += words;
    }
    timing t = timing_since(t0, CLOCK_THREAD_CPUTIME_ID);
    if (U_FAILURE(err))
        die("ICU", u_errorName(err));
    utext_close(ut);
    ubrk_close(bi);
    (void)sink;
    return t;
}

static timing extract_run(const attrib_extractor *ex, const corpus *c, const char *lang,
                          size_t from, size_t to)
{
    timing t0 = timing_start(CLOCK_THREAD_CPUTIME_ID);
    for (size_t i = from; i < to; i++)
        if (!lang || strcmp(c->docs[i].lang, lang) == 0)
            extract_one(ex, &c->docs[i], NULL);
    return timing_since(t0, CLOCK_THREAD_CPUTIME_ID);
}

/* The floor and full extraction of the documents of C (those of LANG),
 * taken in turn a megabyte of text at a time, so that a burst of other
 * work on the machine slows both alike and their ratio holds. */
static void floor_and_extract(const attrib_extractor *ex, const corpus *c, const char *lang,
                              timing *fl, timing *full)
{
    *fl = *full = (timing){0, 0};
    for (size_t from = 0, to; from < c->n; from = to) {
        size_t bytes = 0;
        for (to = from; to < c->n && bytes < 1000000; to++)
            bytes += c->docs[to].len;
        timing f = floor_run(ex, c, lang, from, to), x = extract_run(ex, c, lang, from, to);
        fl->wall += f.wall;
        fl->cpu += f.cpu;
        full->wall += x.wall;
        full->cpu += x.cpu;
    }
}

/* What a stage run does with each of the first NDOCS documents. */
enum run_kind { RUN_VALIDATE, RUN_STEPS, RUN_EXTRACT, RUN_JSON };

/* CPU seconds of one run over C's first NDOCS documents: validation
 * alone, the first NSTEPS stages of the analysis, attrib_extract(), or
 * attrib_extract() and the JSON. */
static double stage_run(const attrib_extractor *ex, const corpus *c, size_t ndocs,
                        enum run_kind kind, size_t nsteps)
{
    double t0 = clock_s(CLOCK_THREAD_CPUTIME_ID);
    volatile size_t sink = 0;
    for (size_t i = 0; i < ndocs; i++) {
        const document *dc = &c->docs[i];
        if (kind == RUN_VALIDATE) {
            sink += text_utf8_invalid_at(dc->text, dc->len);
        } else if (kind == RUN_STEPS) {
            /* As attrib_extract() runs them, in a reused document. */
            doc *d = doc_take(ex);
            if (!d)
                die("doc_take", "out of memory");
            d->text = dc->text;
            d->len = dc->len;
            doc_analyse_steps(ex, d, dc->hint[0] ? dc->hint : NULL, nsteps);
            doc_give(ex, d, true);
        } else {
            extract_doc(ex, dc, kind == RUN_EXTRACT, NULL);
        }
    }
    (void)sink;
    return clock_s(CLOCK_THREAD_CPUTIME_ID) - t0;
}

typedef struct pool {
    const attrib_extractor *ex;
    const corpus *c;
    atomic_size_t next;
} pool;

static void *pool_worker(void *arg)
{
    pool *p = arg;
    for (size_t i; (i = atomic_fetch_add(&p->next, 1)) < p->c->n;)
        extract_one(p->ex, &p->c->docs[i], NULL);
    return NULL;
}

/* Seconds for NTHREADS threads sharing EX to extract all of C. */
static timing threads_run(const attrib_extractor *ex, const corpus *c, int nthreads)
{
    pool p = {ex, c, 0};
    pthread_t t[16];
    timing t0 = timing_start(CLOCK_PROCESS_CPUTIME_ID);
    for (int i = 0; i < nthreads; i++)
        if (pthread_create(&t[i], NULL, pool_worker, &p) != 0)
            die("pthread_create", "failed");
    for (int i = 0; i < nthreads; i++)
        pthread_join(t[i], NULL);
    return timing_since(t0, CLOCK_PROCESS_CPUTIME_ID);
}

static double mbs(size_t bytes, double secs)
{
    return secs > 0 ? (double)bytes / 1e6 / secs : 0;
}

static double best_of(double a, double b)
{
    return a < b ? a : b;
}

/* A document of SIZE bytes made of the texts of C in language LANG, cut
 * after a space so that it stays valid UTF-8 and ends on a word. */
static char *sized_doc(const corpus *c, const char *lang, size_t size, size_t *len)
{
    char *s = xmalloc(size + 2);
    size_t n = 0;
    for (size_t i = 0; n < size;) {
        const document *d = &c->docs[i++ % c->n];
        if (lang && strcmp(d->lang, lang) != 0)
            continue;
        size_t take = d->len < size - n ? d->len : size - n;
        memcpy(s + n, d->text, take);
        n += take;
        if (n < size)
            s[n++] = '\n';
    }
    while (n > 0 && s[n - 1] != ' ' && s[n - 1] != '\n')
        n--;
    *len = n;
    return s;
}

static long max_rss_kb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

/* ---- Peak memory, in a child process ----
 *
 * The parent holds the whole corpus in memory, so its resident size says
 * nothing about the library. A forked child, made before the corpus is
 * read, streams the corpus one document at a time (as a user with a
 * stream of documents would) and then documents of 1 MB, and reports its
 * peak resident size. */

typedef struct stream {
    const attrib_extractor *ex;
    char *first;  /* the first megabyte of the stream */
    size_t nfirst;
} stream;

static void stream_doc(void *ctx, char *text, size_t len, const char *hint)
{
    stream *st = ctx;
    document d = {text, len, "", ""};
    snprintf(d.hint, sizeof d.hint, "%s", hint ? hint : "");
    extract_one(st->ex, &d, NULL);
    for (size_t i = 0; i < len && st->nfirst < 1000000; i++)
        st->first[st->nfirst++] = text[i];
    free(text);
}

static void memory_child(const char *path, size_t mb, int fd)
{
    stream st = {new_extractor(), xmalloc(1000000), 0};
    long after_new = max_rss_kb();
    load_corpus(path, mb, stream_doc, &st);
    long after_stream = max_rss_kb();
    /* The first megabyte again, as one document, cut after a space. */
    while (st.nfirst > 0 && st.first[st.nfirst - 1] != ' ' && st.first[st.nfirst - 1] != '\n')
        st.nfirst--;
    for (int i = 0; i < 3; i++) {
        document d = {st.first, st.nfirst, "", ""};
        extract_one(st.ex, &d, NULL);
    }
    long peak = max_rss_kb();
    char msg[128];
    int n = snprintf(msg, sizeof msg, "%ld %ld %ld %zu\n", after_new, after_stream, peak, st.nfirst);
    if (write(fd, msg, (size_t)n) != n)
        _exit(1);
    free(st.first);
    attrib_extractor_free((attrib_extractor *)st.ex);
    _exit(0);
}

static void usage(void)
{
    fprintf(stderr,
            "Usage: attrib-bench [--repeat N] [--mb N] [CORPUS]\n"
            "  CORPUS  a directory of *.txt files or a JSON Lines file ({\"text\", \"lang\"?});\n"
            "          without one, the sample articles repeated to --mb megabytes (50)\n"
            "  --repeat N  runs per figure, the best one reported (3)\n");
    exit(2);
}

int main(int argc, char **argv)
{
    const char *path = NULL;
    int repeat = 3;
    size_t mb = 50;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--repeat") == 0 && i + 1 < argc)
            repeat = atoi(argv[++i]);
        else if (strcmp(argv[i], "--mb") == 0 && i + 1 < argc)
            mb = (size_t)atol(argv[++i]);
        else if (argv[i][0] == '-' || path)
            usage();
        else
            path = argv[i];
    }
    if (repeat < 1 || mb < 1)
        usage();

    double loadavg[3] = {0};
    FILE *la = fopen("/proc/loadavg", "r");
    if (la) {
        if (fscanf(la, "%lf %lf %lf", &loadavg[0], &loadavg[1], &loadavg[2]) != 3)
            loadavg[0] = -1;
        fclose(la);
    }
    printf("attrib-bench: libattrib %s, %ld CPUs online, load average %.2f %.2f %.2f\n",
           attrib_version(), sysconf(_SC_NPROCESSORS_ONLN), loadavg[0], loadavg[1], loadavg[2]);
    fflush(stdout);

    /* Peak memory first, in a child that never sees the parent's corpus,
     * and done before anything is timed, so that it takes no CPU from
     * the figures. */
    int fds[2];
    if (pipe(fds) != 0)
        die("pipe", strerror(errno));
    pid_t pid = fork();
    if (pid < 0)
        die("fork", strerror(errno));
    if (pid == 0) {
        close(fds[0]);
        memory_child(path, mb, fds[1]);
    }
    close(fds[1]);
    char msg[128] = "";
    ssize_t got = read(fds[0], msg, sizeof msg - 1);
    close(fds[0]);
    int status = 0;
    waitpid(pid, &status, 0);

    /* One CPU for the one-core figures; all of them for the threads. */
    cpu_set_t all_cpus, one_cpu;
    int cpu = sched_getcpu();
    bool pinned = cpu >= 0 && sched_getaffinity(0, sizeof all_cpus, &all_cpus) == 0;
    CPU_ZERO(&one_cpu);
    if (pinned) {
        CPU_SET(cpu, &one_cpu);
        pinned = sched_setaffinity(0, sizeof one_cpu, &one_cpu) == 0;
    }
    if (pinned)
        printf("one-core figures on CPU %d\n", cpu);

    /* Creation time. */
    double create = 1e9;
    for (int i = 0; i < 5; i++) {
        double t0 = clock_s(CLOCK_THREAD_CPUTIME_ID);
        attrib_extractor *ex = new_extractor();
        create = best_of(create, clock_s(CLOCK_THREAD_CPUTIME_ID) - t0);
        attrib_extractor_free(ex);
    }
    attrib_extractor *ex = new_extractor();

    corpus c = {0};
    load_corpus(path, mb, add_doc, &c);
    if (!c.n || !c.bytes)
        die(path ? path : ATTRIB_SAMPLES_DIR, "no documents");
    printf("corpus: %s, %zu documents, %.1f MB\n", path ? path : "sample articles repeated",
           c.n, (double)c.bytes / 1e6);

    /* One pass to learn each document's language (and to warm up). */
    for (size_t i = 0; i < c.n; i++)
        extract_one(ex, &c.docs[i], c.docs[i].lang);

    /* The languages, most bytes first. */
    char langs[8][16];
    size_t lbytes[8] = {0}, ldocs[8] = {0}, nl = 0;
    for (size_t i = 0; i < c.n; i++) {
        size_t l;
        for (l = 0; l < nl && strcmp(langs[l], c.docs[i].lang) != 0; l++)
            ;
        if (l == nl && nl < 8)
            snprintf(langs[nl++], 16, "%s", c.docs[i].lang);
        if (l < nl) {
            lbytes[l] += c.docs[i].len;
            ldocs[l]++;
        }
    }

    /* 4: creation again, with a first document of each language, which
     * builds the language's lexicon (language_ready()): what a process
     * that reads one document of each pays before its first result. */
    double first = 1e9;
    for (int i = 0; i < 5; i++) {
        double t0 = clock_s(CLOCK_THREAD_CPUTIME_ID);
        attrib_extractor *fresh = new_extractor();
        for (size_t l = 0; l < nl; l++)
            for (size_t k = 0; k < c.n; k++)
                if (strcmp(c.docs[k].lang, langs[l]) == 0) {
                    extract_one(fresh, &c.docs[k], NULL);
                    break;
                }
        first = best_of(first, clock_s(CLOCK_THREAD_CPUTIME_ID) - t0);
        attrib_extractor_free(fresh);
    }

    /* 1, 2: the floor and full extraction, per language and in all. */
    printf("\nthroughput on one core, by CPU time (by wall time in brackets)\n"
           "%-6s %6s %6s %16s %16s %16s %12s\n", "lang", "docs", "MB", "floor MB/s",
           "extract MB/s", "docs/s", "ratio");
    for (size_t l = 0; l <= nl; l++) {
        const char *lang = l < nl ? langs[l] : NULL;
        size_t bytes = lang ? lbytes[l] : c.bytes, ndocs = lang ? ldocs[l] : c.n;
        if (nl == 1 && lang == NULL)
            break;
        timing fl = TIMING_NONE, full = TIMING_NONE;
        for (int r = 0; r < repeat; r++) {
            /* The run whose extraction was least disturbed, with the
             * floor taken alongside it. */
            timing f, x;
            floor_and_extract(ex, &c, lang, &f, &x);
            if (x.cpu < full.cpu) {
                fl = f;
                full = x;
            }
        }
        printf("%-6s %6zu %6.1f %7.1f (%6.1f) %7.1f (%6.1f) %7.0f (%6.0f) %4.2f (%4.2f)\n",
               lang ? lang : "all", ndocs, (double)bytes / 1e6, mbs(bytes, fl.cpu),
               mbs(bytes, fl.wall), mbs(bytes, full.cpu), mbs(bytes, full.wall),
               (double)ndocs / full.cpu, (double)ndocs / full.wall, fl.cpu / full.cpu,
               fl.wall / full.wall);
    }
    fflush(stdout);

    /* 3: each stage's share: runs of the first k stages, k = 0..K, over
     * the first 10 MB, the best of REPEAT runs each; a stage costs the
     * difference between its run and the one before. */
    size_t nsteps = 0, sdocs = 0, sbytes = 0;
    while (doc_steps[nsteps].run)
        nsteps++;
    for (; sdocs < c.n && sbytes < 10000000; sdocs++)
        sbytes += c.docs[sdocs].len;
    double t[64 + 4];
    if (nsteps > 64)
        die("doc_steps", "more than 64 stages");
    /* The repeats go round all the runs, so that a burst of other work
     * on the machine spoils one run of several stages rather than every
     * run of one (a stage's share came out negative that way). */
    for (size_t k = 0; k < nsteps + 4; k++)
        t[k] = 1e9;
    for (int r = 0; r < repeat; r++)
        for (size_t k = 0; k < nsteps + 4; k++) {
            double x = k <= nsteps ? stage_run(ex, &c, sdocs, RUN_STEPS, k)
                       : k == nsteps + 1 ? stage_run(ex, &c, sdocs, RUN_VALIDATE, 0)
                       : k == nsteps + 2 ? stage_run(ex, &c, sdocs, RUN_EXTRACT, 0)
                                         : stage_run(ex, &c, sdocs, RUN_JSON, 0);
            t[k] = best_of(t[k], x);
        }
    /* Stage names in order of first appearance, with their times. */
    const char *names[32];
    double cost[32];
    size_t nn = 0;
    names[nn] = "UTF-8 validation";
    cost[nn++] = t[nsteps + 1];
    for (size_t k = 1; k <= nsteps && nn < 29; k++) {
        size_t j;
        for (j = 0; j < nn && strcmp(names[j], doc_steps[k - 1].stage) != 0; j++)
            ;
        if (j == nn) {
            names[nn] = doc_steps[k - 1].stage;
            cost[nn++] = 0;
        }
        cost[j] += t[k] - t[k - 1];
    }
    names[nn] = "result";
    cost[nn++] = t[nsteps + 2] - t[nsteps + 1] - t[nsteps];
    names[nn] = "JSON";
    cost[nn++] = t[nsteps + 3] - t[nsteps + 2];
    printf("\nstage shares, by CPU time (first %.1f MB; full extraction with JSON %.1f MB/s)\n",
           (double)sbytes / 1e6, mbs(sbytes, t[nsteps + 3]));
    for (size_t j = 0; j < nn; j++)
        printf("  %-24s %6.1f%%  %8.1f MB/s\n", names[j], 100.0 * cost[j] / t[nsteps + 3],
               cost[j] > 0 ? mbs(sbytes, cost[j]) : 0.0);
    fflush(stdout);

    /* 5: threads sharing one extractor, on every CPU. */
    if (pinned)
        sched_setaffinity(0, sizeof all_cpus, &all_cpus);
    timing t1 = TIMING_NONE, t2 = TIMING_NONE;
    for (int r = 0; r < repeat; r++) {
        keep_best(&t1, threads_run(ex, &c, 1));
        keep_best(&t2, threads_run(ex, &c, 2));
    }
    if (pinned)
        sched_setaffinity(0, sizeof one_cpu, &one_cpu);
    /* On a loaded machine the wall-time speed-up is what the scheduler
     * allowed; the CPU-time one is what 2 idle cores would give, unless
     * the threads contend (then each byte costs more CPU with 2). */
    printf("\nthreads sharing one extractor, by wall time: 1 thread %.1f MB/s, 2 threads %.1f MB/s, "
           "speed-up %.2f\n  CPU time per MB: %.1f ms with 1 thread, %.1f ms with 2 "
           "(speed-up on 2 idle cores: %.2f)\n",
           mbs(c.bytes, t1.wall), mbs(c.bytes, t2.wall), t1.wall / t2.wall,
           t1.cpu * 1e9 / (double)c.bytes, t2.cpu * 1e9 / (double)c.bytes, 2 * t1.cpu / t2.cpu);
    fflush(stdout);

    /* 6: linear cost: documents of 1 KB to 1 MB, about 4 MB of each. */
    printf("\ndocument sizes (%s), by CPU time\n%-10s %8s %10s %12s\n", langs[0], "doc size",
           "docs", "docs/s", "MB/s");
    static const size_t sizes[] = {1000, 10000, 100000, 1000000};
    for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
        size_t len;
        char *s = sized_doc(&c, langs[0], sizes[k], &len);
        document d = {s, len, "", ""};
        size_t ndocs = 4000000 / sizes[k];
        double t = 1e9;
        for (int r = 0; r < repeat; r++) {
            double t0 = clock_s(CLOCK_THREAD_CPUTIME_ID);
            for (size_t i = 0; i < ndocs; i++)
                extract_one(ex, &d, NULL);
            t = best_of(t, clock_s(CLOCK_THREAD_CPUTIME_ID) - t0);
        }
        printf("%7zu KB %8zu %10.1f %12.1f\n", sizes[k] / 1000, ndocs, (double)ndocs / t,
               mbs(len * ndocs, t));
        free(s);
    }

    /* 4: creation and memory. */
    long after_new = 0, after_stream = 0, peak = 0;
    size_t big = 0;
    printf("\nextractor creation: %.1f ms of CPU time (best of 5); with a first document in"
           " each of", create * 1e3);
    for (size_t l = 0; l < nl; l++)
        printf(" %s", langs[l]);
    printf(" (building their lexicons): %.1f ms\n", first * 1e3);
    if (got > 0 && sscanf(msg, "%ld %ld %ld %zu", &after_new, &after_stream, &peak, &big) == 4)
        printf("peak resident memory of a process streaming the corpus one document at a time,\n"
               "then a %.1f MB document 3 times: %.1f MB after creating the extractor, %.1f MB\n"
               "after the stream, %.1f MB at the end\n",
               (double)big / 1e6, after_new / 1024.0, after_stream / 1024.0, peak / 1024.0);
    else
        printf("peak resident memory: the measuring process failed (status %d)\n", status);

    free_corpus(&c);
    attrib_extractor_free(ex);
    return 0;
}
