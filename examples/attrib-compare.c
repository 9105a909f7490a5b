/* attrib-compare: who says who did it, across a set of articles.
 *
 *   attrib-compare [options] PATH...
 *
 * Each PATH is a directory (its *.txt and *.jsonl files, in name order)
 * or a file. A .txt file is one document, named by its file name;
 * a .jsonl or .json file holds one object a line: a document to extract
 * ({"id", "text", "lang"?}) or a result already extracted (what
 * `attrib-extract --jsonl` writes), so a corpus can be extracted in
 * batches and compared at once. Everything goes into one attrib_corpus.
 *
 * Writes the source x actor table with the stances on standard output,
 * the contested actors, rival attributions and affiliations below it
 * (or, with --json, the corpus's JSON); with --html FILE, one
 * self-contained HTML page with the same grid, coloured by stance, whose
 * cells open their evidence. A worked example of the corpus API. */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <jansson.h>
#include <utf8proc.h>

#include "attrib.h"
#include "readfile.h"

#define PROG "attrib-compare"

enum { EXIT_USAGE = 2 };

static void usage(FILE *f)
{
    fputs("Usage: " PROG " [options] PATH...\n"
          "Compares the attribution claims of many articles: which sources hold which\n"
          "actors responsible, with what stance, and where they disagree.\n"
          "\n"
          "PATH is a directory (its *.txt and *.jsonl files) or a file. A .txt\n"
          "file is one document; a .jsonl file holds one object a line: a document\n"
          "{\"id\", \"text\", \"lang\"?} or a result written by attrib-extract --jsonl.\n"
          "\n"
          "  --html FILE        also write a self-contained HTML report to FILE\n"
          "  --json             write the corpus as JSON instead of the table\n"
          "  --width COLUMNS    width of the table (default: $COLUMNS, else 100)\n"
          "  --lang CODE        read every text as this language (en, fr, ...)\n"
          "  --lexicon LANG:PATH  add a lexicon file for LANG or \"common\" (repeatable)\n"
          "  --help\n"
          "\n"
          "Exit status: 0 when every document was read, 1 when any failed, 2 for usage errors.\n",
          f);
}

static int usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, PROG ": ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\nTry '" PROG " --help'.\n");
    return EXIT_USAGE;
}

/* ---- Reading ----------------------------------------------------------- */

typedef struct run {
    const attrib_extractor *ex;
    attrib_corpus *corpus;
    const char *lang;
    bool failed;
} run;

static void fail(run *rn, const char *name, const char *msg)
{
    fprintf(stderr, PROG ": %s: %s\n", name, msg);
    rn->failed = true;
}

static void add_text(run *rn, const char *id, const char *text, size_t len, const char *lang)
{
    attrib_result *r = NULL;
    attrib_status st = attrib_extract(rn->ex, text, len, lang ? lang : rn->lang, &r);
    if (st != ATTRIB_OK)
        fail(rn, id, r ? attrib_result_error(r) : attrib_strerror(st));
    else if ((st = attrib_corpus_add(rn->corpus, id, r)) != ATTRIB_OK)
        fail(rn, id, *attrib_corpus_error(rn->corpus) ? attrib_corpus_error(rn->corpus)
                                                       : attrib_strerror(st));
    attrib_result_free(r);
}

static const char *base_name(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

/* One line of a .jsonl file: a document or a result. */
static void add_line(run *rn, const char *where, const char *line, size_t len)
{
    json_error_t jerr;
    json_t *obj = json_loadb(line, len, 0, &jerr);
    if (!json_is_object(obj)) {
        char msg[200];
        snprintf(msg, sizeof msg, "not a JSON object (%s)", obj ? "other value" : jerr.text);
        fail(rn, where, msg);
    } else if (json_is_string(json_object_get(obj, "text"))) {
        const json_t *id = json_object_get(obj, "id"), *text = json_object_get(obj, "text");
        const char *lang = json_string_value(json_object_get(obj, "lang"));
        add_text(rn, json_is_string(id) ? json_string_value(id) : where,
                 json_string_value(text), json_string_length(text), lang && *lang ? lang : NULL);
    } else if (attrib_corpus_add_json(rn->corpus, line, len) != ATTRIB_OK) {
        fail(rn, where, attrib_corpus_error(rn->corpus));
    }
    json_decref(obj);
}

static void add_file(run *rn, const char *path)
{
    size_t len = 0;
    char *data = read_file(path, &len);
    if (!data) {
        fail(rn, path, strerror(errno));
        return;
    }
    size_t n = strlen(path);
    bool lines = (n > 6 && strcmp(path + n - 6, ".jsonl") == 0) ||
                 (n > 5 && strcmp(path + n - 5, ".json") == 0);
    if (!lines) {
        add_text(rn, base_name(path), data, len, NULL);
    } else {
        size_t lineno = 0;
        for (size_t at = 0; at < len;) {
            const char *nl = memchr(data + at, '\n', len - at);
            size_t end = nl ? (size_t)(nl - data) : len;
            lineno++;
            size_t k = at;
            while (k < end && strchr(" \t\r", data[k]))
                k++;
            if (k < end) {
                char where[64];
                snprintf(where, sizeof where, "%.40s:%zu", base_name(path), lineno);
                add_line(rn, where, data + at, end - at);
            }
            at = end + 1;
        }
    }
    free(data);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool wanted(const char *name)
{
    size_t n = strlen(name);
    return name[0] != '.' && ((n > 4 && strcmp(name + n - 4, ".txt") == 0) ||
                              (n > 6 && strcmp(name + n - 6, ".jsonl") == 0));
}

static void add_path(run *rn, const char *path)
{
    struct stat sb;
    if (stat(path, &sb) != 0) {
        fail(rn, path, strerror(errno));
        return;
    }
    if (!S_ISDIR(sb.st_mode)) {
        add_file(rn, path);
        return;
    }
    DIR *dir = opendir(path);
    if (!dir) {
        fail(rn, path, strerror(errno));
        return;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    for (struct dirent *e; (e = readdir(dir));) {
        if (!wanted(e->d_name))
            continue;
        if (n == cap) {
            char **p = realloc(names, (cap = cap ? 2 * cap : 64) * sizeof *names);
            if (!p)
                break;
            names = p;
        }
        size_t len = strlen(path) + strlen(e->d_name) + 2;
        if (!(names[n] = malloc(len)))
            break;
        snprintf(names[n++], len, "%s/%s", path, e->d_name);
    }
    closedir(dir);
    qsort(names, n, sizeof *names, cmp_str);
    for (size_t i = 0; i < n; i++) {
        add_file(rn, names[i]);
        free(names[i]);
    }
    free(names);
}

/* ---- The grid ---------------------------------------------------------- */

/* A cell: what one source holds about one actor, one position a stance. */
typedef struct cell {
    const attrib_position *by_stance[5];
} cell;

typedef struct grid {
    const attrib_corpus *c;
    size_t nrows, ncols;    /* sources, actors (in corpus order) */
    const char **rows;      /* source names; NULL: unattributed  */
    cell *cells;            /* nrows * ncols                     */
} grid;

#define CELL(g, r, k) (&(g)->cells[(r) * (g)->ncols + (k)])

typedef struct row_key {
    const char *name;
    size_t actors;
} row_key;

static int cmp_row(const void *pa, const void *pb)
{
    const row_key *a = pa, *b = pb;
    if (!a->name || !b->name)
        return (a->name == NULL) - (b->name == NULL);
    if (a->actors != b->actors)
        return a->actors > b->actors ? -1 : 1;
    return strcmp(a->name, b->name);
}

static int cmp_name(const void *key, const void *elem)
{
    const char *k = *(const char *const *)key, *e = ((const row_key *)elem)->name;
    if (!k || !e)
        return (k == NULL) - (e == NULL);
    return strcmp(k, e);
}

static int cmp_row_name(const void *pa, const void *pb)
{
    return cmp_name(&((const row_key *)pa)->name, pb);
}

/* Rows are the sources, those that speak of most actors first, the
 * unattributed last. */
static bool grid_build(grid *g, const attrib_corpus *c)
{
    memset(g, 0, sizeof *g);
    g->c = c;
    g->ncols = attrib_corpus_actor_count(c);
    size_t np = 0;
    for (size_t a = 0; a < g->ncols; a++)
        np += attrib_corpus_position_count(c, a);
    row_key *keys = malloc((np + 1) * sizeof *keys);
    if (!keys)
        return false;
    /* One key per (source, actor): positions of one actor are in stance
     * order, so a source may come up to five times for it. */
    for (size_t a = 0; a < g->ncols; a++) {
        for (size_t j = 0; j < attrib_corpus_position_count(c, a); j++) {
            const char *s = attrib_position_source(attrib_corpus_position(c, a, j));
            bool seen = false;
            for (size_t q = 0; q < j; q++) {
                const char *t = attrib_position_source(attrib_corpus_position(c, a, q));
                seen |= (s == NULL && t == NULL) || (s && t && strcmp(s, t) == 0);
            }
            if (!seen)
                keys[g->nrows++] = (row_key){s, 1};
        }
    }
    /* Count actors per source: sort by name, merge runs. */
    qsort(keys, g->nrows, sizeof *keys, cmp_row_name);
    size_t m = 0;
    for (size_t i = 0; i < g->nrows; i++) {
        if (m && cmp_row_name(&keys[m - 1], &keys[i]) == 0)
            keys[m - 1].actors++;
        else
            keys[m++] = keys[i];
    }
    g->nrows = m;
    qsort(keys, m, sizeof *keys, cmp_row);
    g->rows = malloc((m + 1) * sizeof *g->rows);
    g->cells = calloc(m * g->ncols + 1, sizeof *g->cells);
    if (!g->rows || !g->cells) {
        free(keys);
        return false;
    }
    for (size_t i = 0; i < m; i++)
        g->rows[i] = keys[i].name;
    /* Rows by name for the lookups below. */
    row_key *by_name = keys;
    for (size_t i = 0; i < m; i++)
        by_name[i].actors = i;
    qsort(by_name, m, sizeof *by_name, cmp_row_name);
    for (size_t a = 0; a < g->ncols; a++)
        for (size_t j = 0; j < attrib_corpus_position_count(c, a); j++) {
            const attrib_position *p = attrib_corpus_position(c, a, j);
            const char *s = attrib_position_source(p);
            const row_key *k = bsearch(&s, by_name, m, sizeof *by_name, cmp_name);
            CELL(g, k->actors, a)->by_stance[attrib_position_stance(p)] = p;
        }
    free(keys);
    return true;
}

static void grid_free(grid *g)
{
    free(g->rows);
    free(g->cells);
}

/* "asserts", "asserts/doubts": the stances of a cell, "" when empty. */
static void cell_label(const cell *k, char *out, size_t cap)
{
    out[0] = '\0';
    for (int s = 0; s < 5; s++)
        if (k->by_stance[s]) {
            size_t n = strlen(out);
            snprintf(out + n, cap - n, "%s%s", n ? "/" : "", attrib_stance_name((attrib_stance)s));
        }
}

/* The colour class of a cell: its stance, or "mixed" when the source
 * takes both a positive and a negative stance. */
static const char *cell_class(const cell *k)
{
    int pos = 0, neg = 0, first = -1;
    for (int s = 0; s < 5; s++)
        if (k->by_stance[s]) {
            if (first < 0)
                first = s;
            pos |= attrib_stance_polarity((attrib_stance)s) > 0;
            neg |= attrib_stance_polarity((attrib_stance)s) < 0;
        }
    if (first < 0)
        return NULL;
    return pos && neg ? "mixed" : attrib_stance_name((attrib_stance)first);
}

/* ---- Terminal ---------------------------------------------------------- */

/* Prints at most WIDTH columns of S (control characters as spaces), then
 * pads to WIDTH. Columns as utf8proc counts them. */
static void print_fit(const char *s, size_t width)
{
    size_t w = 0, len = strlen(s);
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    while (len) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate(p, (utf8proc_ssize_t)len, &cp);
        if (n <= 0) {
            n = 1;
            cp = '?';
        }
        int cw = cp < 0x20 ? 1 : utf8proc_charwidth(cp);
        if (w + (size_t)(cw > 0 ? cw : 0) > width)
            break;
        if (cp < 0x20)
            putchar(' ');
        else
            fwrite(p, 1, (size_t)n, stdout);
        w += (size_t)(cw > 0 ? cw : 0);
        p += n;
        len -= (size_t)n;
    }
    for (; w < width; w++)
        putchar(' ');
}

static void print_position_list(const attrib_corpus *c, size_t n,
                                const attrib_position *(*get)(const attrib_corpus *, size_t, size_t),
                                size_t i)
{
    for (size_t j = 0; j < n; j++) {
        const attrib_position *p = get(c, i, j);
        printf("%s%s %s %s", j ? "; " : "", attrib_position_source(p),
               attrib_stance_name(attrib_position_stance(p)), attrib_position_actor(p));
    }
}

static void print_table(const grid *g, size_t width)
{
    const attrib_corpus *c = g->c;
    enum { ROW_W = 24, COL_W = 15 };
    size_t fit = width > ROW_W ? (width - ROW_W) / (COL_W + 1) : 1;
    size_t ncols = g->ncols < fit ? g->ncols : fit;
    printf("%zu documents, %zu actors, %zu sources\n\n", attrib_corpus_document_count(c),
           g->ncols, g->nrows);
    print_fit("SOURCE \\ ACTOR", ROW_W);
    for (size_t a = 0; a < ncols; a++) {
        putchar(' ');
        print_fit(attrib_corpus_actor(c, a), COL_W);
    }
    putchar('\n');
    for (size_t r = 0; r < g->nrows; r++) {
        print_fit(g->rows[r] ? g->rows[r] : "(unattributed)", ROW_W);
        for (size_t a = 0; a < ncols; a++) {
            char label[80];
            cell_label(CELL(g, r, a), label, sizeof label);
            putchar(' ');
            print_fit(*label ? label : ".", COL_W);
        }
        putchar('\n');
    }
    if (ncols < g->ncols)
        printf("(%zu more actors: widen with --width, or see --json or --html)\n",
               g->ncols - ncols);

    printf("\nContested:");
    if (!attrib_corpus_contested_count(c))
        printf(" none");
    for (size_t k = 0; k < attrib_corpus_contested_count(c); k++) {
        size_t a = attrib_corpus_contested(c, k);
        printf("%s %s (%zu for, %zu against)", k ? ";" : "", attrib_corpus_actor(c, a),
               attrib_corpus_actor_sources(c, a, 1), attrib_corpus_actor_sources(c, a, -1));
    }
    printf("\nRival attributions:");
    if (!attrib_corpus_rival_count(c))
        printf(" none");
    for (size_t r = 0; r < attrib_corpus_rival_count(c); r++) {
        const char *ev = attrib_corpus_rival_event(c, r);
        printf("\n  %s: ", ev ? ev : "the story");
        print_position_list(c, attrib_corpus_rival_position_count(c, r),
                            attrib_corpus_rival_position, r);
    }
    printf("\nAffiliations:");
    if (!attrib_corpus_affiliation_count(c))
        printf(" none");
    for (size_t gi = 0; gi < attrib_corpus_affiliation_count(c); gi++) {
        printf("\n  %s:", attrib_corpus_affiliation(c, gi));
        for (size_t k = 0; k < attrib_corpus_affiliation_source_count(c, gi); k++)
            printf("%s %s", k ? "," : "", attrib_corpus_affiliation_source(c, gi, k));
    }
    putchar('\n');
}

/* ---- HTML -------------------------------------------------------------- */

static void html_text(FILE *f, const char *s, size_t n)
{
    for (size_t i = 0; i < n && s[i]; i++) {
        switch (s[i]) {
        case '<': fputs("&lt;", f); break;
        case '>': fputs("&gt;", f); break;
        case '&': fputs("&amp;", f); break;
        case '"': fputs("&quot;", f); break;
        default: fputc(s[i], f); break;
        }
    }
}

static void html(FILE *f, const char *s)
{
    if (s)
        html_text(f, s, strlen(s));
}

/* The sentence with its cue marked, or where it stands when the corpus
 * has no text for it (results read from JSON). */
static void html_sentence(FILE *f, const attrib_evidence *e)
{
    const char *s = attrib_evidence_sentence(e), *cue = attrib_evidence_cue(e);
    if (!s) {
        attrib_span sp = attrib_evidence_sentence_span(e);
        fprintf(f, "<i>bytes %zu&ndash;%zu</i> (cue: ", sp.start, sp.end);
        html(f, cue);
        fputs(")", f);
        return;
    }
    const char *at = cue && *cue ? strstr(s, cue) : NULL;
    if (!at) {
        html(f, s);
        return;
    }
    html_text(f, s, (size_t)(at - s));
    fputs("<mark>", f);
    html(f, cue);
    fputs("</mark>", f);
    html(f, at + strlen(cue));
}

static const char html_head[] =
    "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    "<title>Attribution claims compared</title>\n<style>\n"
    "body{font:15px/1.4 system-ui,sans-serif;margin:1.5em;color:#222}\n"
    "table.grid{border-collapse:collapse}\n"
    ".grid th,.grid td{border:1px solid #ccc;padding:.3em .5em;text-align:center}\n"
    ".grid th.src{text-align:left}\n"
    ".grid thead th{max-width:9em;font-weight:600}\n"
    ".grid td.cell{cursor:pointer;min-width:6em}\n"
    ".grid td.open{outline:3px solid #222}\n"
    ".asserts{background:#c62828;color:#fff}\n.suggests{background:#ef9a9a}\n"
    ".uncommitted{background:#e0e0e0}\n.doubts{background:#90caf9}\n"
    ".denies{background:#1565c0;color:#fff}\n"
    ".mixed{background:repeating-linear-gradient(45deg,#ef9a9a 0 6px,#90caf9 6px 12px)}\n"
    ".contested{color:#b71c1c}\n"
    ".legend span{display:inline-block;padding:.1em .6em;margin-right:.4em}\n"
    "#evidence{margin-top:1em;max-width:60em}\n"
    ".ev{display:none}\n#evidence .ev{display:block}\n"
    ".ev li{margin:.3em 0}\nmark{background:#fff59d}\n.doc{color:#555;font-size:90%}\n"
    "</style>\n</head>\n<body>\n";

/* Opens a cell's evidence below the grid; no network, no library. */
static const char html_script[] =
    "<script>\n"
    "(function () {\n"
    "  var panel = document.getElementById('evidence');\n"
    "  var open = null;\n"
    "  function show(td) {\n"
    "    if (open) open.classList.remove('open');\n"
    "    panel.textContent = '';\n"
    "    if (open === td) { open = null; return; }\n"
    "    open = td;\n"
    "    td.classList.add('open');\n"
    "    panel.appendChild(document.getElementById(td.dataset.ev).cloneNode(true));\n"
    "  }\n"
    "  document.querySelectorAll('td.cell').forEach(function (td) {\n"
    "    td.addEventListener('click', function () { show(td); });\n"
    "    td.addEventListener('keydown', function (e) {\n"
    "      if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); show(td); }\n"
    "    });\n"
    "  });\n"
    "})();\n"
    "</script>\n";

static int write_html(const grid *g, const char *path)
{
    const attrib_corpus *c = g->c;
    FILE *f = fopen(path, "w");
    if (!f)
        return -1;
    fputs(html_head, f);
    fprintf(f, "<h1>Who says who did it</h1>\n<p>%zu documents, %zu actors, %zu sources. "
               "Click a cell for its evidence.</p>\n",
            attrib_corpus_document_count(c), g->ncols, g->nrows);
    fputs("<p class=\"legend\">", f);
    for (int s = 0; s < 5; s++)
        fprintf(f, "<span class=\"%s\">%s</span>", attrib_stance_name((attrib_stance)s),
                attrib_stance_name((attrib_stance)s));
    fputs("<span class=\"mixed\">mixed</span></p>\n", f);
    fputs("<table class=\"grid\" id=\"grid\">\n<thead><tr><th class=\"src\">source \\ actor</th>", f);
    for (size_t a = 0; a < g->ncols; a++) {
        bool contested = attrib_corpus_actor_contested(c, a);
        fprintf(f, "<th scope=\"col\"%s>", contested ? " class=\"contested\"" : "");
        html(f, attrib_corpus_actor(c, a));
        fputs(contested ? "<br><small>contested</small></th>" : "</th>", f);
    }
    fputs("</tr></thead>\n<tbody>\n", f);
    for (size_t r = 0; r < g->nrows; r++) {
        fputs("<tr><th class=\"src\" scope=\"row\">", f);
        html(f, g->rows[r] ? g->rows[r] : "(unattributed)");
        fputs("</th>", f);
        for (size_t a = 0; a < g->ncols; a++) {
            const cell *k = CELL(g, r, a);
            const char *cls = cell_class(k);
            if (!cls) {
                fputs("<td></td>", f);
                continue;
            }
            char label[80];
            cell_label(k, label, sizeof label);
            fprintf(f, "<td class=\"cell %s\" tabindex=\"0\" data-ev=\"ev-%zu-%zu\" data-source=\"",
                    cls, r, a);
            html(f, g->rows[r] ? g->rows[r] : "(unattributed)");
            fputs("\" data-actor=\"", f);
            html(f, attrib_corpus_actor(c, a));
            fprintf(f, "\" data-stance=\"%s\">%s</td>", label, label);
        }
        fputs("</tr>\n", f);
    }
    fputs("</tbody>\n</table>\n<div id=\"evidence\" aria-live=\"polite\"></div>\n", f);

    /* Each cell's evidence, hidden until its cell is opened. */
    for (size_t r = 0; r < g->nrows; r++)
        for (size_t a = 0; a < g->ncols; a++) {
            const cell *k = CELL(g, r, a);
            if (!cell_class(k))
                continue;
            fprintf(f, "<section class=\"ev\" id=\"ev-%zu-%zu\"><h2>", r, a);
            html(f, g->rows[r] ? g->rows[r] : "(unattributed)");
            fputs(" &rarr; ", f);
            html(f, attrib_corpus_actor(c, a));
            fputs("</h2>\n", f);
            for (int s = 0; s < 5; s++) {
                const attrib_position *p = k->by_stance[s];
                if (!p)
                    continue;
                fprintf(f, "<h3 class=\"%s\">%s", attrib_stance_name((attrib_stance)s),
                        attrib_stance_name((attrib_stance)s));
                if (attrib_position_affiliation(p)) {
                    fputs(" (for ", f);
                    html(f, attrib_position_affiliation(p));
                    fputs(")", f);
                }
                fprintf(f, " &mdash; %zu document%s</h3>\n<ul>\n",
                        attrib_position_document_count(p),
                        attrib_position_document_count(p) == 1 ? "" : "s");
                for (size_t e = 0; e < attrib_position_evidence_count(p); e++) {
                    const attrib_evidence *ev = attrib_position_evidence(p, e);
                    fputs("<li><span class=\"doc\">", f);
                    html(f, attrib_evidence_document(ev));
                    fputs("</span>: ", f);
                    html_sentence(f, ev);
                    fputs("</li>\n", f);
                }
                fputs("</ul>\n", f);
            }
            fputs("</section>\n", f);
        }

    fputs("<h2>Contested actors</h2>\n<ul id=\"contested\">\n", f);
    for (size_t k = 0; k < attrib_corpus_contested_count(c); k++) {
        size_t a = attrib_corpus_contested(c, k);
        fputs("<li>", f);
        html(f, attrib_corpus_actor(c, a));
        fprintf(f, ": %zu sources for, %zu against</li>\n", attrib_corpus_actor_sources(c, a, 1),
                attrib_corpus_actor_sources(c, a, -1));
    }
    fputs("</ul>\n<h2>Rival attributions</h2>\n<ul id=\"rivals\">\n", f);
    for (size_t r = 0; r < attrib_corpus_rival_count(c); r++) {
        const char *ev = attrib_corpus_rival_event(c, r);
        fputs("<li>", f);
        html(f, ev ? ev : "the story");
        fputs(":<ul>", f);
        for (size_t j = 0; j < attrib_corpus_rival_position_count(c, r); j++) {
            const attrib_position *p = attrib_corpus_rival_position(c, r, j);
            fputs("<li>", f);
            html(f, attrib_position_source(p));
            fprintf(f, " %s ", attrib_stance_name(attrib_position_stance(p)));
            html(f, attrib_position_actor(p));
            fputs("</li>", f);
        }
        fputs("</ul></li>\n", f);
    }
    fputs("</ul>\n<h2>Sources by affiliation</h2>\n<ul id=\"affiliations\">\n", f);
    for (size_t gi = 0; gi < attrib_corpus_affiliation_count(c); gi++) {
        fputs("<li>", f);
        html(f, attrib_corpus_affiliation(c, gi));
        fputs(":", f);
        for (size_t k = 0; k < attrib_corpus_affiliation_source_count(c, gi); k++) {
            fputs(k ? ", " : " ", f);
            html(f, attrib_corpus_affiliation_source(c, gi, k));
        }
        fputs("</li>\n", f);
    }
    fputs("</ul>\n", f);
    fputs(html_script, f);
    fputs("</body>\n</html>\n", f);
    return fclose(f) == 0 ? 0 : -1;
}

/* ---- Main -------------------------------------------------------------- */

int main(int argc, char **argv)
{
    enum { OPT_HTML = 256, OPT_JSON, OPT_WIDTH, OPT_LANG, OPT_LEXICON };
    static const struct option longopts[] = {
        {"html", required_argument, NULL, OPT_HTML},
        {"json", no_argument, NULL, OPT_JSON},
        {"width", required_argument, NULL, OPT_WIDTH},
        {"lang", required_argument, NULL, OPT_LANG},
        {"lexicon", required_argument, NULL, OPT_LEXICON},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    attrib_options *opts = NULL;
    attrib_extractor *ex = NULL;
    attrib_corpus *corpus = NULL;
    const char *html_path = NULL, *lang = NULL, *cols = getenv("COLUMNS");
    bool json = false;
    size_t width = cols && atoi(cols) > 40 ? (size_t)atoi(cols) : 100;
    int rc = EXIT_USAGE, c;

    if (attrib_options_new(&opts) != ATTRIB_OK || attrib_corpus_new(&corpus) != ATTRIB_OK) {
        fprintf(stderr, PROG ": %s\n", attrib_strerror(ATTRIB_ENOMEM));
        attrib_options_free(opts);
        return EXIT_FAILURE;
    }
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
        switch (c) {
        case OPT_HTML: html_path = optarg; break;
        case OPT_JSON: json = true; break;
        case OPT_LANG: lang = optarg; break;
        case OPT_WIDTH: {
            char *end;
            long v = strtol(optarg, &end, 10);
            if (*end || v < 40) {
                rc = usage_error("--width wants a number of columns (40 or more), not '%s'", optarg);
                goto out;
            }
            width = (size_t)v;
            break;
        }
        case OPT_LEXICON: {
            char *colon = strchr(optarg, ':');
            if (!colon || colon == optarg || !colon[1]) {
                rc = usage_error("--lexicon wants LANG:PATH, not '%s'", optarg);
                goto out;
            }
            *colon = '\0';
            attrib_status st = attrib_options_add_lexicon_file(opts, optarg, colon + 1);
            *colon = ':';
            if (st != ATTRIB_OK) {
                const char *why = attrib_options_error(opts);
                fprintf(stderr, PROG ": --lexicon %s: %s\n", optarg, *why ? why : attrib_strerror(st));
                goto out;
            }
            break;
        }
        case 'h':
            usage(stdout);
            rc = EXIT_SUCCESS;
            goto out;
        case ':':
            rc = usage_error("%s needs an argument", argv[optind - 1]);
            goto out;
        default:
            rc = usage_error("unknown option '%s'", argv[optind - 1]);
            goto out;
        }
    }
    if (optind == argc) {
        rc = usage_error("%s", "no PATH given");
        goto out;
    }
    attrib_status st = attrib_extractor_new(opts, &ex);
    if (st != ATTRIB_OK) {
        const char *why = attrib_options_error(opts);
        fprintf(stderr, PROG ": %s\n", *why ? why : attrib_strerror(st));
        rc = st == ATTRIB_ENOMEM || st == ATTRIB_EICU ? EXIT_FAILURE : EXIT_USAGE;
        goto out;
    }
    run rn = {.ex = ex, .corpus = corpus, .lang = lang && *lang ? lang : NULL};
    for (int i = optind; i < argc; i++)
        add_path(&rn, argv[i]);

    rc = rn.failed ? EXIT_FAILURE : EXIT_SUCCESS;
    grid g;
    if (!grid_build(&g, corpus)) {
        fprintf(stderr, PROG ": %s\n", attrib_strerror(ATTRIB_ENOMEM));
        grid_free(&g);
        rc = EXIT_FAILURE;
        goto out;
    }
    if (json) {
        char *s = NULL;
        if (attrib_corpus_to_json(corpus, &s, NULL) == ATTRIB_OK)
            puts(s);
        else
            rc = EXIT_FAILURE;
        attrib_free(s);
    } else {
        print_table(&g, width);
    }
    if (html_path && write_html(&g, html_path) != 0) {
        fprintf(stderr, PROG ": %s: %s\n", html_path, strerror(errno));
        rc = EXIT_FAILURE;
    }
    grid_free(&g);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, PROG ": standard output: %s\n", strerror(errno));
        rc = EXIT_FAILURE;
    }
out:
    attrib_corpus_free(corpus);
    attrib_extractor_free(ex);
    attrib_options_free(opts);
    return rc;
}
