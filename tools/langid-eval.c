/* langid-eval: how well language identification does on texts whose
 * language is known, on the whole text and on its first N bytes.
 *
 *     langid-eval [--prefix N]... FILE...
 *
 * A file's language is its name's prefix before '-' ("de-004.txt"), or,
 * where that is no enabled language, the "lang" of NAME.gold.json beside
 * it. Prints, for each length, how many files libattrib's own model
 * (lang.c: function words) gets right and, when built with Debian's
 * libexttextcat, how many its n-gram models get right among the same
 * languages (first candidate; "ambiguous" counts answers of more than
 * one candidate), then the files either gets wrong. The comparison that
 * chose lang.c's model; see lexicons/README.md. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../examples/readfile.h"
#include "internal.h"

#ifdef HAVE_EXTTEXTCAT
#include <libexttextcat/textcat.h>
#endif

#define MAX_PREFIXES 8

/* The expected language of PATH, or "" when unknown. */
static void expected_lang(const attrib_extractor *ex, const char *path, char *out, size_t cap)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dash = strchr(base, '-');
    out[0] = '\0';
    if (dash) {
        for (size_t i = 0; i < attrib_extractor_language_count(ex); i++) {
            const char *l = attrib_extractor_language(ex, i);
            if (strlen(l) == (size_t)(dash - base) && memcmp(l, base, strlen(l)) == 0) {
                snprintf(out, cap, "%s", l);
                return;
            }
        }
    }
    char gold[4096];
    snprintf(gold, sizeof gold, "%.*s.gold.json", (int)(strlen(path) - 4), path);
    size_t n;
    char *g = read_file(gold, &n);
    const char *k = g ? strstr(g, "\"lang\"") : NULL;
    if (k && (k = strchr(k + 6, '"')))
        snprintf(out, cap, "%.*s", (int)strcspn(k + 1, "\""), k + 1);
    free(g);
}

/* LEN cut back to a character boundary. */
static size_t cut(const char *s, size_t len, size_t limit)
{
    if (!limit || len <= limit)
        return len;
    while (limit > 0 && ((unsigned char)s[limit] & 0xC0) == 0x80)
        limit--;
    return limit;
}

int main(int argc, char **argv)
{
    size_t prefixes[MAX_PREFIXES] = {0};
    size_t nprefixes = 1; /* 0: the whole text */
    int first = 1;
    while (first + 1 < argc && strcmp(argv[first], "--prefix") == 0 && nprefixes < MAX_PREFIXES) {
        prefixes[nprefixes++] = (size_t)strtoul(argv[first + 1], NULL, 10);
        first += 2;
    }
    if (first >= argc) {
        fprintf(stderr, "usage: langid-eval [--prefix N]... FILE...\n");
        return 2;
    }
    attrib_extractor *ex = NULL;
    if (attrib_extractor_new(NULL, &ex) != ATTRIB_OK) {
        fprintf(stderr, "langid-eval: no extractor\n");
        return 1;
    }
#ifdef HAVE_EXTTEXTCAT
    /* exttextcat's models of the same languages, from Debian's data. */
    char conf[] = "/tmp/langid-eval-XXXXXX";
    int fd = mkstemp(conf);
    FILE *cf = fd >= 0 ? fdopen(fd, "w") : NULL;
    for (size_t i = 0; cf && i < attrib_extractor_language_count(ex); i++)
        fprintf(cf, "%s.lm %s\n", attrib_extractor_language(ex, i),
                attrib_extractor_language(ex, i));
    if (cf)
        fclose(cf);
    void *tc = special_textcat_Init(conf, "/usr/share/libexttextcat/");
    unlink(conf);
    if (!tc)
        fprintf(stderr, "langid-eval: exttextcat models not found; comparing nothing\n");
#endif
    for (size_t p = 0; p < nprefixes; p++) {
        size_t files = 0, ours = 0, theirs = 0, ambiguous = 0;
        char misses[8192] = "";
        for (int a = first; a < argc; a++) {
            char want[16];
            expected_lang(ex, argv[a], want, sizeof want);
            size_t len;
            char *text = read_file(argv[a], &len);
            if (!text || !want[0]) {
                free(text);
                continue;
            }
            len = cut(text, len, prefixes[p]);
            files++;
            doc d;
            memset(&d, 0, sizeof d);
            d.text = text;
            d.len = len;
            const char *got = doc_analyse(ex, &d, NULL) == ATTRIB_OK && d.lang_known
                                  ? d.lang->code : "-";
            if (strcmp(got, want) == 0)
                ours++;
            else
                snprintf(misses + strlen(misses), sizeof misses - strlen(misses),
                         "  ours: %s is %s, read as %s\n", argv[a], want, got);
            doc_free(&d);
#ifdef HAVE_EXTTEXTCAT
            if (tc) {
                const char *r = textcat_Classify(tc, text, len);
                char top[16] = "";
                if (r[0] == '[')
                    snprintf(top, sizeof top, "%.*s", (int)strcspn(r + 1, "]"), r + 1);
                if (strchr(r + 1, '['))
                    ambiguous++;
                if (strcmp(top, want) == 0)
                    theirs++;
                else
                    snprintf(misses + strlen(misses), sizeof misses - strlen(misses),
                             "  exttextcat: %s is %s, read as %s\n", argv[a], want, r);
            }
#endif
            free(text);
        }
        char what[32];
        snprintf(what, sizeof what, prefixes[p] ? "first %zu bytes" : "whole text", prefixes[p]);
        printf("%-16s files %3zu  function words %3zu", what, files, ours);
#ifdef HAVE_EXTTEXTCAT
        if (tc)
            printf("  exttextcat %3zu (ambiguous %zu)", theirs, ambiguous);
#endif
        printf("\n%s", misses);
    }
#ifdef HAVE_EXTTEXTCAT
    if (tc)
        textcat_Done(tc);
#endif
    attrib_extractor_free(ex);
    return 0;
}
