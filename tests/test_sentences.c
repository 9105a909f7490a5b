/* Table-driven sentence tests: one cmocka test per row of a TSV file.
 *
 *     test_sentences FILE.tsv LANG
 *
 * Each row is `construction<TAB>sentence<TAB>expected`; `#` lines are
 * comments. EXPECTED is `-` (no claim) or `source|actor|stance` items
 * joined by ` ; `, with source `-` for an unattributed claim. A row passes
 * when the claims attrib_extract() gives for the sentence, read as a set of
 * (source, actor, stance), equal the expected set. A name matches when,
 * case-folded and without a leading determiner, the expected name equals
 * the entity's canonical name or its text. */
#include "testutil.h" /* first: it sets the feature macros */



#define MAX_CLAIMS 16

typedef struct expected_claim {
    char *source; /* NULL for unattributed (`-`) */
    char *actor;
    attrib_stance stance;
} expected_claim;

typedef struct row {
    const char *lang;
    size_t line;
    char *construction;
    char *sentence;
    char *expected_text; /* as written, for messages */
    char *error;         /* a malformed row: why, or NULL */
    expected_claim expected[MAX_CLAIMS];
    size_t nexpected;
    char *name;          /* the test's name: "LANG:LINE construction" */
} row;

/* Built once in main() and shared by every test. cmocka gives a test its
 * group's state in place of its own initial_state, so the extractor does
 * not travel through the group state. */
static attrib_extractor *g_extractor;

static const char *const stance_names[] = {"asserts", "suggests", "uncommitted", "doubts",
                                           "denies"};

/* ---- Strings ------------------------------------------------------------ */

static void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) {
        fprintf(stderr, "test_sentences: out of memory\n");
        exit(1);
    }
    return p;
}

static char *dup_range(const char *s, size_t n)
{
    char *out = xmalloc(n + 1);
    memcpy(out, s, n);
    out[n] = '\0';
    return out;
}

static char *dup_str(const char *s)
{
    return dup_range(s, strlen(s));
}

static char *dup_printf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        n = 0;
    char *out = xmalloc((size_t)n + 1);
    out[0] = '\0';
    va_start(ap, fmt);
    vsnprintf(out, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return out;
}

/* S without white space at either end, in place. */
static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
        s[--n] = '\0';
    return s;
}

/* Lower case of code point C for ASCII, Latin-1 and Latin Extended-A;
 * other code points are returned as they are. */
static uint32_t lower_cp(uint32_t c)
{
    if (c >= 'A' && c <= 'Z')
        return c + 32;
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
        return c + 32;
    if (c == 0x178)
        return 0xFF;
    if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177))
        return (c & 1) ? c : c + 1;
    if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
        return (c & 1) ? c + 1 : c;
    return c;
}

/* Decodes one UTF-8 sequence at S; an invalid byte stands for itself. */
static size_t get_utf8(const unsigned char *s, uint32_t *c)
{
    if (s[0] < 0x80) {
        *c = s[0];
        return 1;
    }
    if ((s[0] & 0xE0) == 0xC0 && (s[1] & 0xC0) == 0x80) {
        *c = ((uint32_t)(s[0] & 0x1F) << 6) | (s[1] & 0x3F);
        return 2;
    }
    if ((s[0] & 0xF0) == 0xE0 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80) {
        *c = ((uint32_t)(s[0] & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
        return 3;
    }
    if ((s[0] & 0xF8) == 0xF0 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80 &&
        (s[3] & 0xC0) == 0x80) {
        *c = ((uint32_t)(s[0] & 0x07) << 18) | ((uint32_t)(s[1] & 0x3F) << 12) |
             ((uint32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
        return 4;
    }
    *c = s[0];
    return 1;
}

/* The form names are compared in: lower case, typographic apostrophes made
 * ASCII, runs of white space made one space, no white space at the ends,
 * and no leading determiner. Free with free(). */
static char *name_key(const char *name)
{
    static const char *const dets[] = {"the ", "a ", "an ", "le ", "la ", "les ", "l'",
                                       "un ", "une ", "des ", "du ", "de ", "el ", "los ",
                                       "las ", "una ", "il ", "lo ", "gli ", "i ", "o ",
                                       "os ", "as ", "um ", "uma "};
    size_t n = strlen(name);
    char *out = xmalloc(4 * n + 1);
    size_t o = 0;
    bool space = false;
    const unsigned char *s = (const unsigned char *)name;
    for (size_t i = 0; i < n;) {
        uint32_t c;
        i += get_utf8(s + i, &c);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || c == 0x202F) {
            space = true;
            continue;
        }
        if (c == 0x2019 || c == 0x2018)
            c = '\'';
        if (space && o)
            out[o++] = ' ';
        space = false;
        o += put_utf8(out + o, lower_cp(c));
    }
    out[o] = '\0';
    for (size_t k = 0; k < sizeof dets / sizeof dets[0]; k++) {
        size_t dn = strlen(dets[k]);
        if (o > dn && strncmp(out, dets[k], dn) == 0) {
            memmove(out, out + dn, o - dn + 1);
            break;
        }
    }
    return out;
}

static bool name_equal(const char *a, const char *b)
{
    if (!a || !b)
        return false;
    char *ka = name_key(a), *kb = name_key(b);
    bool eq = strcmp(ka, kb) == 0;
    free(ka);
    free(kb);
    return eq;
}

/* Does the expected name match ENTITY (NULL: unattributed)? */
static bool entity_matches(const char *expected, const attrib_entity *entity)
{
    if (!expected || !entity)
        return !expected && !entity;
    return name_equal(expected, attrib_entity_canonical(entity)) ||
           name_equal(expected, attrib_entity_text(entity));
}

/* ---- The table ---------------------------------------------------------- */

static bool parse_stance(const char *s, attrib_stance *out)
{
    for (size_t i = 0; i < sizeof stance_names / sizeof stance_names[0]; i++)
        if (strcmp(s, stance_names[i]) == 0) {
            *out = (attrib_stance)i;
            return true;
        }
    return false;
}

/* Fills R's expected claims from TEXT (modified); sets r->error when the
 * field is malformed. */
static void parse_expected(row *r, char *text)
{
    text = trim(text);
    if (strcmp(text, "-") == 0)
        return;
    char *item = text;
    while (item) {
        char *next = strstr(item, " ; ");
        if (next) {
            *next = '\0';
            next += 3;
        }
        char *fields[3];
        size_t nf = 0;
        char *f = trim(item);
        while (f && nf < 3) {
            char *bar = strchr(f, '|');
            if (bar)
                *bar = '\0';
            fields[nf++] = trim(f);
            f = bar ? bar + 1 : NULL;
        }
        attrib_stance stance;
        if (nf != 3 || f || !*fields[0] || !*fields[1]) {
            r->error = dup_str("an expected claim is not source|actor|stance");
            return;
        }
        if (!parse_stance(fields[2], &stance)) {
            r->error = dup_printf("unknown stance \"%s\"", fields[2]);
            return;
        }
        if (r->nexpected == MAX_CLAIMS) {
            r->error = dup_str("too many expected claims");
            return;
        }
        expected_claim *e = &r->expected[r->nexpected++];
        e->source = strcmp(fields[0], "-") == 0 ? NULL : dup_str(fields[0]);
        e->actor = dup_str(fields[1]);
        e->stance = stance;
        item = next;
    }
    /* The expected set is a set: the same claim twice is one. */
    for (size_t i = 0; i < r->nexpected; i++)
        for (size_t j = i + 1; j < r->nexpected; j++) {
            expected_claim *a = &r->expected[i], *b = &r->expected[j];
            bool same_source = (!a->source && !b->source) || name_equal(a->source, b->source);
            if (same_source && name_equal(a->actor, b->actor) && a->stance == b->stance) {
                free(b->source);
                free(b->actor);
                r->expected[j] = r->expected[--r->nexpected];
                j--;
            }
        }
}

/* The rows of the file at PATH; *nrows their number. NULL when the file
 * cannot be read. */
static row *load_rows(const char *path, const char *lang, size_t *nrows)
{
    char *text = read_file(path, NULL);
    if (!text)
        return NULL;
    size_t cap = 64, n = 0;
    row *rows = calloc(cap, sizeof *rows);
    size_t lineno = 0;
    char *line = text;
    while (rows && line && *line) {
        char *eol = strchr(line, '\n');
        if (eol)
            *eol = '\0';
        lineno++;
        char *body = trim(line);
        line = eol ? eol + 1 : NULL;
        if (!*body || *body == '#')
            continue;

        if (n == cap) {
            row *bigger = realloc(rows, 2 * cap * sizeof *rows);
            if (!bigger) {
                free(rows);
                rows = NULL;
                break;
            }
            memset(bigger + cap, 0, cap * sizeof *rows);
            rows = bigger;
            cap *= 2;
        }
        row *r = &rows[n++];
        r->lang = lang;
        r->line = lineno;
        char *tab1 = strchr(body, '\t');
        char *tab2 = tab1 ? strchr(tab1 + 1, '\t') : NULL;
        if (!tab1 || !tab2 || strchr(tab2 + 1, '\t')) {
            r->construction = tab1 ? dup_range(body, (size_t)(tab1 - body)) : dup_str("?");
            r->sentence = dup_str(body);
            r->expected_text = dup_str("");
            r->error = dup_str("the row does not have three TAB-separated fields");
        } else {
            *tab1 = '\0';
            *tab2 = '\0';
            r->construction = dup_str(trim(body));
            r->sentence = dup_str(trim(tab1 + 1));
            r->expected_text = dup_str(trim(tab2 + 1));
            if (!*r->construction || !*r->sentence)
                r->error = dup_str("empty construction or sentence");
            else
                parse_expected(r, tab2 + 1);
        }
        r->name = dup_printf("%s:%zu %s", lang, r->line, r->construction);
    }
    free(text);
    *nrows = n;
    return rows;
}

static void free_rows(row *rows, size_t n)
{
    for (size_t i = 0; rows && i < n; i++) {
        row *r = &rows[i];
        for (size_t k = 0; k < r->nexpected; k++) {
            free(r->expected[k].source);
            free(r->expected[k].actor);
        }
        free(r->construction);
        free(r->sentence);
        free(r->expected_text);
        free(r->error);
        free(r->name);
    }
    free(rows);
}

/* ---- One row ------------------------------------------------------------ */

static const char *or_null(const char *s)
{
    return s ? s : "(null)";
}

static bool claim_matches(const expected_claim *e, const attrib_claim *c)
{
    return attrib_claim_stance(c) == e->stance &&
           entity_matches(e->source, attrib_claim_source(c)) &&
           entity_matches(e->actor, attrib_claim_actor(c));
}

/* Are predicted claims A and B the same (source, actor, stance)? */
static bool same_triple(const attrib_claim *a, const attrib_claim *b)
{
    if (attrib_claim_stance(a) != attrib_claim_stance(b))
        return false;
    const attrib_entity *sa = attrib_claim_source(a), *sb = attrib_claim_source(b);
    if (!sa != !sb)
        return false;
    if (sa && !name_equal(attrib_entity_canonical(sa), attrib_entity_canonical(sb)))
        return false;
    return name_equal(attrib_entity_canonical(attrib_claim_actor(a)),
                      attrib_entity_canonical(attrib_claim_actor(b)));
}

/* Kuhn's augmenting path: can expected claim E take a predicted claim,
 * possibly moving the expected claim that holds it? */
static bool augment(size_t e, bool match[MAX_CLAIMS][MAX_CLAIMS], size_t np, int *holder,
                    bool *seen)
{
    for (size_t p = 0; p < np; p++) {
        if (!match[e][p] || seen[p])
            continue;
        seen[p] = true;
        if (holder[p] < 0 || augment((size_t)holder[p], match, np, holder, seen)) {
            holder[p] = (int)e;
            return true;
        }
    }
    return false;
}

static void print_failure(const row *r, const attrib_result *res, const char *why)
{
    print_error("%s: %s\n", r->name, why);
    print_error("  sentence: %s\n", r->sentence);
    print_error("  expected: %s\n", r->expected_text);
    size_t n = res ? attrib_result_claim_count(res) : 0;
    print_error("  found:    %zu claim%s\n", n, n == 1 ? "" : "s");
    for (size_t i = 0; i < n; i++) {
        const attrib_claim *c = attrib_result_claim(res, i);
        const attrib_entity *s = attrib_claim_source(c), *a = attrib_claim_actor(c);
        char *source = s ? dup_printf("\"%s\"/\"%s\"", or_null(attrib_entity_text(s)),
                                      or_null(attrib_entity_canonical(s)))
                         : dup_str("- (unattributed)");
        print_error("    - source %s | actor \"%s\"/\"%s\" | %s | rule %s | cue \"%s\"%s\n",
                    source, a ? or_null(attrib_entity_text(a)) : "(null)",
                    a ? or_null(attrib_entity_canonical(a)) : "(null)",
                    or_null(attrib_stance_name(attrib_claim_stance(c))),
                    or_null(attrib_claim_rule(c)), or_null(attrib_claim_cue_text(c)),
                    attrib_claim_is_self(c) ? " | self" : "");
        free(source);
    }
}

static void test_row(void **state)
{
    const row *r = *state;
    if (r->error) {
        print_failure(r, NULL, r->error);
        fail_msg("malformed row");
    }

    attrib_result *res = NULL;
    attrib_status st =
        attrib_extract(g_extractor, r->sentence, strlen(r->sentence), r->lang, &res);
    if (st != ATTRIB_OK) {
        char *why = dup_printf("attrib_extract failed: %s (%s)", attrib_strerror(st),
                               res ? attrib_result_error(res) : "no result");
        print_failure(r, res, why);
        free(why);
        attrib_result_free(res);
        fail_msg("extraction failed");
    }

    /* The predicted set: claims in text order, a repeated triple once. */
    const attrib_claim *pred[MAX_CLAIMS];
    size_t np = 0, total = attrib_result_claim_count(res);
    bool too_many = false;
    for (size_t i = 0; i < total; i++) {
        const attrib_claim *c = attrib_result_claim(res, i);
        bool dup = false;
        for (size_t k = 0; k < np && !dup; k++)
            dup = same_triple(pred[k], c);
        if (dup)
            continue;
        if (np == MAX_CLAIMS) {
            too_many = true;
            break;
        }
        pred[np++] = c;
    }

    bool ok = !too_many && np == r->nexpected;
    if (ok) {
        bool match[MAX_CLAIMS][MAX_CLAIMS];
        int holder[MAX_CLAIMS];
        for (size_t e = 0; e < r->nexpected; e++)
            for (size_t p = 0; p < np; p++)
                match[e][p] = claim_matches(&r->expected[e], pred[p]);
        for (size_t p = 0; p < np; p++)
            holder[p] = -1;
        for (size_t e = 0; e < r->nexpected && ok; e++) {
            bool seen[MAX_CLAIMS] = {false};
            ok = augment(e, match, np, holder, seen);
        }
    }

    if (!ok)
        print_failure(r, res, "the claims differ from the expected set");
    attrib_result_free(res);
    if (!ok)
        fail_msg("wrong claims");
}

/* ---- Main --------------------------------------------------------------- */

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: %s SENTENCES.tsv LANG\n", argv[0]);
        return 2;
    }
    const char *path = argv[1], *lang = argv[2];

    size_t nrows = 0;
    row *rows = load_rows(path, lang, &nrows);
    if (!rows) {
        fprintf(stderr, "test_sentences: cannot read %s\n", path);
        return 1;
    }
    if (nrows == 0) {
        fprintf(stderr, "test_sentences: %s has no rows\n", path);
        free_rows(rows, nrows);
        return 1;
    }

    attrib_status st = attrib_extractor_new(NULL, &g_extractor);
    if (st != ATTRIB_OK) {
        fprintf(stderr, "test_sentences: attrib_extractor_new: %s\n", attrib_strerror(st));
        free_rows(rows, nrows);
        return 1;
    }

    /* A variable-length array, so that cmocka_run_group_tests_name() can
     * count it with sizeof. */
    struct CMUnitTest tests[nrows];
    for (size_t i = 0; i < nrows; i++)
        tests[i] = (struct CMUnitTest){.name = rows[i].name,
                                       .test_func = test_row,
                                       .setup_func = NULL,
                                       .teardown_func = NULL,
                                       .initial_state = &rows[i]};

    char *group = dup_printf("sentences-%s", lang);
    int failed = cmocka_run_group_tests_name(group, tests, NULL, NULL);

    free(group);
    attrib_extractor_free(g_extractor);
    free_rows(rows, nrows);
    return failed == 0 ? 0 : 1;
}
