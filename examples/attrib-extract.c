/* attrib-extract: the command line over libattrib.
 *
 *   attrib-extract [options] FILE...   extracts each file
 *   attrib-extract [options] --jsonl   JSON Lines in, JSON Lines out
 *
 * Takes files, or one {"id", "text", "lang"?} object a line on standard
 * input; gives one result a document, in input order: the library's own
 * JSON (attrib_result_to_json) or, on a terminal, a table to read. A
 * document that fails gives an error object on its line and the batch goes
 * on; the exit status says whether any failed. Messages for people go to
 * standard error, and only from here: the library never prints. */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>
#include <utf8proc.h>

#include "attrib.h"
#include "readfile.h"

#define PROG "attrib-extract"

enum { EXIT_USAGE = 2 };

typedef struct run {
    const attrib_extractor *ex;
    const char *lang; /* --lang: a hint for every document, or NULL */
    bool table;
    bool failed;      /* some document failed */
} run;

static void usage(FILE *f)
{
    fputs("Usage: " PROG " [options] FILE...\n"
          "       " PROG " [options] --jsonl < batch.jsonl\n"
          "Extracts attribution claims (who says who is responsible) from news text.\n"
          "\n"
          "  --jsonl            read {\"id\", \"text\", \"lang\"?} objects, one a line, from\n"
          "                     standard input; write one result a line, same order\n"
          "  --json             write JSON Lines (the default when not on a terminal)\n"
          "  --table            write a table per document (the default on a terminal)\n"
          "  --lang CODE        read every document as this language (en, fr, ...)\n"
          "  --lexicon LANG:PATH  add a lexicon file for LANG or \"common\" (repeatable)\n"
          "  --max-size BYTES   largest document accepted (0: no limit)\n"
          "  --help, --version\n"
          "\n"
          "Exit status: 0 when every document succeeded, 1 when any failed, 2 for usage errors.\n",
          f);
}

static int usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, PROG ": ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\nTry '" PROG " --help'.\n");
    return EXIT_USAGE;
}

/* ---- Table output ------------------------------------------------------ */

enum { NCOLS = 5, MAX_WIDTH = 48 };

/* Columns on a terminal: code points weighed by utf8proc's width (combining
 * marks take none, wide characters two); a byte that is not UTF-8 takes
 * one. */
static size_t display_width(const char *s)
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
        int cw = utf8proc_charwidth(cp);
        w += cp < 0x20 ? 1 : (size_t)(cw > 0 ? cw : 0);
        p += n;
        len -= (size_t)n;
    }
    return w;
}

/* Prints S with line breaks, tabs and other control characters as spaces
 * (a mention may run over a line break), padded to WIDTH columns. */
static void print_cell(const char *s, size_t width)
{
    for (const char *p = s; *p; p++)
        putchar((unsigned char)*p < 0x20 ? ' ' : *p);
    for (size_t w = display_width(s); w < width; w++)
        putchar(' ');
}

/* "text", or "text (canonical)" when the canonical name says more. */
static char *entity_cell(const attrib_entity *e)
{
    if (!e)
        return strdup("(unattributed)");
    const char *text = attrib_entity_text(e), *canon = attrib_entity_canonical(e);
    if (!canon || !*canon || strcmp(text, canon) == 0)
        return strdup(text);
    size_t n = strlen(text) + strlen(canon) + 4;
    char *s = malloc(n);
    if (s)
        snprintf(s, n, "%s (%s)", text, canon);
    return s;
}

static int print_table(const char *name, const attrib_result *r)
{
    static const char *const head[NCOLS] = {"SOURCE", "STANCE", "ACTOR", "EVENT", "CUE"};
    size_t n = attrib_result_claim_count(r);
    printf("== %s (%s): ", name, attrib_result_lang(r));
    if (n == 0) {
        printf("no claims\n\n");
        return 0;
    }
    printf("%zu claim%s\n", n, n == 1 ? "" : "s");

    char **cells = calloc(n * NCOLS, sizeof *cells);
    if (!cells)
        return -1;
    int rc = 0;
    size_t width[NCOLS];
    for (int k = 0; k < NCOLS; k++)
        width[k] = strlen(head[k]);
    for (size_t i = 0; i < n; i++) {
        const attrib_claim *c = attrib_result_claim(r, i);
        const char *event = attrib_claim_event_text(c);
        char **row = cells + i * NCOLS;
        row[0] = entity_cell(attrib_claim_source(c));
        row[1] = strdup(attrib_stance_name(attrib_claim_stance(c)));
        row[2] = entity_cell(attrib_claim_actor(c));
        row[3] = strdup(event ? event : "-");
        row[4] = strdup(attrib_claim_cue_text(c));
        for (int k = 0; k < NCOLS; k++) {
            if (!row[k]) {
                rc = -1;
                goto done;
            }
            size_t w = display_width(row[k]);
            if (w > width[k])
                width[k] = w < MAX_WIDTH ? w : MAX_WIDTH;
        }
    }
    for (size_t i = 0; i <= n; i++) {
        fputs("  ", stdout);
        for (int k = 0; k < NCOLS; k++) {
            const char *s = i == 0 ? head[k] : cells[(i - 1) * NCOLS + k];
            /* A cell over MAX_WIDTH pushes the rest of its row along. */
            print_cell(s, k + 1 < NCOLS ? width[k] : 0);
            fputs(k + 1 < NCOLS ? "  " : "\n", stdout);
        }
    }
    putchar('\n');
done:
    for (size_t i = 0; i < n * NCOLS; i++)
        free(cells[i]);
    free(cells);
    return rc;
}

/* ---- JSON output ------------------------------------------------------- */

static void write_line(const char *s, size_t len)
{
    fwrite(s, 1, len, stdout);
    putchar('\n');
}

/* {"id": ID, "error": MSG} for a document the library never saw. ID is
 * any JSON value, or NULL for null. */
static void write_error_object(const json_t *id, const char *msg)
{
    json_t *o = json_object();
    json_t *m = json_string(msg);
    if (!m) /* not UTF-8: it quotes bad input */
        m = json_string("the input could not be read");
    json_object_set(o, "id", id ? (json_t *)id : json_null());
    json_object_set_new(o, "error", m);
    char *s = json_dumps(o, JSON_ENCODE_ANY);
    if (s)
        write_line(s, strlen(s));
    free(s);
    json_decref(o);
}

/* The library's JSON for R under ID. The library writes string ids; any
 * other id (a number, a string holding NUL) is written as null by the
 * library and then put in its place, so the id comes back as it came. */
static int write_result_json(const attrib_result *r, const json_t *id)
{
    static const char null_id[] = "{\"id\": null";
    const char *sid = NULL;
    if (json_is_string(id) && strlen(json_string_value(id)) == json_string_length(id))
        sid = json_string_value(id);
    char *json;
    size_t len;
    if (attrib_result_to_json(r, sid, &json, &len) != ATTRIB_OK)
        return -1;
    int rc = 0;
    if (sid || !id || json_is_null(id)) {
        write_line(json, len);
    } else if (len >= sizeof null_id - 1 && memcmp(json, null_id, sizeof null_id - 1) == 0) {
        char *idjson = json_dumps(id, JSON_ENCODE_ANY);
        if (idjson) {
            printf("{\"id\": %s", idjson);
            write_line(json + sizeof null_id - 1, len - (sizeof null_id - 1));
            free(idjson);
        } else {
            rc = -1;
        }
    } else {
        rc = -1;
    }
    attrib_free(json);
    return rc;
}

/* ---- Documents --------------------------------------------------------- */

/* Reports a failed document: a message for people on stderr, and in JSON
 * the error object on the document's line. */
static void fail_document(run *rn, const char *name, const json_t *id, const char *msg)
{
    rn->failed = true;
    fprintf(stderr, PROG ": %s: %s\n", name, msg);
    if (!rn->table)
        write_error_object(id, msg);
}

/* Extracts one document and writes its result. NAME is what people call
 * it (a file name, an id, "line 3"); ID is what the JSON says. */
static void process(run *rn, const char *name, const json_t *id, const char *text,
                    size_t len, const char *lang)
{
    attrib_result *r = NULL;
    attrib_status st = attrib_extract(rn->ex, text, len, lang ? lang : rn->lang, &r);
    if (!r) {
        fail_document(rn, name, id, attrib_strerror(st));
        return;
    }
    if (attrib_result_status(r) != ATTRIB_OK) {
        rn->failed = true;
        fprintf(stderr, PROG ": %s: %s\n", name, attrib_result_error(r));
        if (!rn->table && write_result_json(r, id) != 0)
            write_error_object(id, attrib_strerror(ATTRIB_ENOMEM));
    } else if ((rn->table ? print_table(name, r) : write_result_json(r, id)) != 0) {
        fail_document(rn, name, id, attrib_strerror(ATTRIB_ENOMEM));
    }
    attrib_result_free(r);
}

static void process_file(run *rn, const char *path)
{
    json_t *id = json_string_nocheck(path);
    size_t len;
    errno = 0;
    char *text = read_file(path, &len);
    if (text)
        process(rn, path, id, text, len, NULL);
    else
        fail_document(rn, path, id, strerror(errno ? errno : EIO));
    free(text);
    json_decref(id);
}

/* One line of a JSON Lines batch (LINE, LEN bytes, without its newline),
 * the LINENO-th of the input. */
static void process_line(run *rn, const char *line, size_t len, size_t lineno)
{
    char where[48], msg[256];
    snprintf(where, sizeof where, "line %zu", lineno);
    json_t *where_id = json_string(where);

    json_error_t jerr;
    json_t *doc = json_loadb(line, len, JSON_ALLOW_NUL, &jerr);
    const json_t *id = where_id;
    if (!doc) {
        snprintf(msg, sizeof msg, "malformed JSON at column %d: %s", jerr.column, jerr.text);
        fail_document(rn, where, id, msg);
        json_decref(where_id);
        return;
    }
    if (json_is_object(doc) && json_object_get(doc, "id"))
        id = json_object_get(doc, "id");
    const char *name = json_is_string(id) ? json_string_value(id) : where;

    const json_t *text = json_object_get(doc, "text");
    const json_t *lang = json_object_get(doc, "lang");
    if (!json_is_object(doc))
        fail_document(rn, where, id, "not a JSON object");
    else if (!json_is_string(text))
        fail_document(rn, name, id, "no \"text\" string");
    else if (lang && !json_is_null(lang) && !json_is_string(lang))
        fail_document(rn, name, id, "\"lang\" is not a string");
    else
        process(rn, name, id, json_string_value(text), json_string_length(text),
                json_is_string(lang) && json_string_length(lang) ? json_string_value(lang)
                                                                   : NULL);
    json_decref(doc);
    json_decref(where_id);
}

static int process_jsonl(run *rn, FILE *in)
{
    char *line = NULL;
    size_t cap = 0, lineno = 0;
    ssize_t n;
    errno = 0;
    while ((n = getline(&line, &cap, in)) != -1) {
        lineno++;
        size_t len = (size_t)n;
        while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            len--;
        size_t k = 0;
        while (k < len && line[k] && strchr(" \t\r\f\v", line[k]))
            k++;
        if (k == len)
            continue;
        process_line(rn, line, len, lineno);
    }
    int rc = 0;
    if (ferror(in)) {
        fprintf(stderr, PROG ": standard input: %s\n", strerror(errno ? errno : EIO));
        rc = -1;
    }
    free(line);
    return rc;
}

/* ---- Options ----------------------------------------------------------- */

static bool has_language(const attrib_extractor *ex, const char *code)
{
    for (size_t i = 0; i < attrib_extractor_language_count(ex); i++)
        if (strcmp(attrib_extractor_language(ex, i), code) == 0)
            return true;
    return false;
}

int main(int argc, char **argv)
{
    enum { OPT_JSONL = 256, OPT_JSON, OPT_TABLE, OPT_LANG, OPT_LEXICON, OPT_MAX, OPT_VERSION };
    static const struct option longopts[] = {
        {"jsonl", no_argument, NULL, OPT_JSONL},
        {"json", no_argument, NULL, OPT_JSON},
        {"table", no_argument, NULL, OPT_TABLE},
        {"lang", required_argument, NULL, OPT_LANG},
        {"lexicon", required_argument, NULL, OPT_LEXICON},
        {"max-size", required_argument, NULL, OPT_MAX},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, OPT_VERSION},
        {NULL, 0, NULL, 0},
    };
    attrib_options *opts = NULL;
    attrib_extractor *ex = NULL;
    bool jsonl = false;
    int format = 0; /* 0: by isatty, OPT_JSON, OPT_TABLE */
    const char *lang = NULL;
    int rc = EXIT_USAGE, c;

    if (attrib_options_new(&opts) != ATTRIB_OK) {
        fprintf(stderr, PROG ": %s\n", attrib_strerror(ATTRIB_ENOMEM));
        return EXIT_FAILURE;
    }
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
        switch (c) {
        case OPT_JSONL: jsonl = true; break;
        case OPT_JSON:
        case OPT_TABLE: format = c; break;
        case OPT_LANG: lang = optarg; break;
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
        case OPT_MAX: {
            char *end;
            errno = 0;
            unsigned long long v = strtoull(optarg, &end, 10);
            if (errno || end == optarg || *end || optarg[0] == '-' || v > SIZE_MAX) {
                rc = usage_error("--max-size wants a number of bytes, not '%s'", optarg);
                goto out;
            }
            attrib_options_set_max_document_size(opts, (size_t)v);
            break;
        }
        case 'h':
            usage(stdout);
            rc = EXIT_SUCCESS;
            goto out;
        case OPT_VERSION:
            printf(PROG " %s (header %s)\n", attrib_version(), ATTRIB_VERSION_STRING);
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
    if (jsonl && optind < argc) {
        rc = usage_error("--jsonl reads standard input; '%s' is one file too many", argv[optind]);
        goto out;
    }
    if (!jsonl && optind == argc) {
        rc = usage_error("%s", "no FILE given (or --jsonl to read standard input)");
        goto out;
    }

    attrib_status st = attrib_extractor_new(opts, &ex);
    if (st != ATTRIB_OK) {
        const char *why = attrib_options_error(opts);
        fprintf(stderr, PROG ": %s\n", *why ? why : attrib_strerror(st));
        /* A lexicon file or language the user named is a usage error. */
        rc = st == ATTRIB_ENOMEM || st == ATTRIB_EICU ? EXIT_FAILURE : EXIT_USAGE;
        goto out;
    }
    if (lang && *lang && !has_language(ex, lang)) {
        rc = usage_error("--lang: '%s' is not an enabled language", lang);
        goto out;
    }

    run rn = {.ex = ex, .lang = lang && *lang ? lang : NULL};
    rn.table = format ? format == OPT_TABLE : isatty(STDOUT_FILENO);
    if (jsonl) {
        if (process_jsonl(&rn, stdin) != 0)
            rn.failed = true;
    } else {
        for (int i = optind; i < argc; i++)
            process_file(&rn, argv[i]);
    }
    rc = rn.failed ? EXIT_FAILURE : EXIT_SUCCESS;
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, PROG ": standard output: %s\n", strerror(errno));
        rc = EXIT_FAILURE;
    }
out:
    attrib_extractor_free(ex);
    attrib_options_free(opts);
    return rc;
}
