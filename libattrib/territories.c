/* Entity data from ICU: the names of states and territories in many
 * languages, as lexicon lines ("Corée du Nord<TAB>class=entities<TAB>
 * canonical=North Korea<TAB>kind=state"), read with a language's lexicon
 * before the caller's files. The names are gathered once per extractor
 * (territories_collect) and written once per language.
 *
 * ICU's locale data holds every territory's name in every language it
 * knows, which no hand-typed table matches. Every language's lexicon gets
 * the names in every enabled language (an English text may write
 * „Nordkorea" in a quotation) and in the major languages
 * written in other scripts (Россия, 北朝鲜): names only, a few thousand
 * lines, where all of ICU's 200 languages would slow every extractor
 * down for names a news text in a built-in language never holds.
 *
 * The canonical name is the one lexicons/en/entities.txt gives the
 * English name, where it lists it, so that ICU and the hand-made entries
 * (metonyms, demonyms, short forms: "Pyongyang", "North Korean", "the
 * US") agree; else ICU's English name. A name the built-in entities of
 * the language already list is left to them: demonyms and metonyms are
 * data files, names are ICU's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uloc.h>
#include <unicode/ustring.h>

#include "internal.h"
#include "jsonbuf.h"
#include "lexicon.h"

/* Languages with other scripts whose names every lexicon reads. */
static const char *const other_scripts[] = {"ru", "uk", "ar", "fa", "he", "zh", "ja", "ko"};

/* The built-in entities text of LANG ("common", "en", ...), or "". */
static const char *builtin_entities(const char *lang)
{
    for (const attrib_lexicon_file *f = attrib_builtin_lexicons; f->lang; f++)
        if (strcmp(f->lang, lang) == 0 && strcmp(f->cls, "entities") == 0)
            return f->text;
    return "";
}

/* The line of TEXT whose phrase is NAME, or NULL. */
static const char *find_line(const char *text, const char *name)
{
    size_t n = strlen(name);
    for (const char *p = text; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL)
        if (strncmp(p, name, n) == 0 && p[n] == '\t')
            return p;
    return NULL;
}

/* The canonical= value of LINE into OUT, or false. */
static bool line_canonical(const char *line, char *out, size_t cap)
{
    const char *end = strchr(line, '\n');
    const char *c = strstr(line, "\tcanonical=");
    if (!c || (end && c > end))
        return false;
    c += strlen("\tcanonical=");
    size_t n = strcspn(c, "\t\r\n");
    if (n >= cap)
        return false;
    memcpy(out, c, n);
    out[n] = '\0';
    return true;
}

/* The name of territory CODE in language LANG as UTF-8, or false when ICU
 * has none of its own there (it would fall back to the code). */
static bool display_name(const char *code, const char *lang, char *out, size_t cap)
{
    char loc[16];
    UChar buf[128];
    UErrorCode err = U_ZERO_ERROR;
    snprintf(loc, sizeof loc, "und_%s", code);
    int32_t n = uloc_getDisplayCountry(loc, lang, buf, 128, &err);
    if (U_FAILURE(err) || err == U_USING_DEFAULT_WARNING || n <= 0 || n >= 128)
        return false;
    err = U_ZERO_ERROR;
    u_strToUTF8(out, (int32_t)cap, NULL, buf, n, &err);
    if (U_FAILURE(err) || err == U_STRING_NOT_TERMINATED_WARNING)
        return false;
    return strcmp(out, code) != 0;
}

/* One name of a territory, before it becomes a line. */
typedef struct name_entry {
    char *phrase;
    const char *canonical; /* into the canonical table */
} name_entry;

/* Few allocations, as everything the extractor builds: the names live in
 * one arena, the entries in one growing array. */
typedef struct names {
    name_entry *v;
    size_t n, cap;
    arena *mem;
    bool failed;
} names;

static void add(names *ns, const char *name, size_t n, const char *canonical)
{
    if (ns->failed || n == 0)
        return;
    if (ns->n == ns->cap) {
        size_t cap = ns->cap ? 2 * ns->cap : 8192;
        name_entry *v = realloc(ns->v, cap * sizeof *v);
        if (!v) {
            ns->failed = true;
            return;
        }
        ns->v = v;
        ns->cap = cap;
    }
    char *p = arena_strndup(ns->mem, name, n);
    if (!p) {
        ns->failed = true;
        return;
    }
    ns->v[ns->n++] = (name_entry){p, canonical};
}

/* A name and, for "Myanmar (Burma)", each of its two forms. */
static void add_name(names *ns, const char *name, const char *canonical)
{
    const char *open = strstr(name, " (");
    const char *close = open ? strchr(open, ')') : NULL;
    if (!close) {
        add(ns, name, strlen(name), canonical);
        return;
    }
    add(ns, name, (size_t)(open - name), canonical);
    add(ns, open + 2, (size_t)(close - open - 2), canonical);
}

static int cmp_entry(const void *a, const void *b)
{
    return strcmp(((const name_entry *)a)->phrase, ((const name_entry *)b)->phrase);
}

/* The phrases of a built-in entities text, sorted, for lookups. */
static void add_builtin(names *ns, const char *text)
{
    for (const char *p = text; p && *p;) {
        size_t n = strcspn(p, "\t\n");
        if (p[n] == '\t' && *p != '#')
            add(ns, p, n, NULL);
        p = strchr(p, '\n');
        p = p ? p + 1 : NULL;
    }
}

static bool listed(const char *const *langs, size_t n, const char *lang)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(langs[i], lang) == 0)
            return true;
    return false;
}

struct territory_names {
    arena mem;
    names found; /* sorted by phrase, each phrase once */
};

void territories_free(territory_names *tn)
{
    if (!tn)
        return;
    arena_free(&tn->mem);
    free(tn->found.v);
    free(tn);
}

attrib_status territories_collect(const char *const *enabled, size_t nenabled,
                                  territory_names **out)
{
    *out = NULL;
    const char *langs[64];
    size_t nl = 0;
    for (size_t i = 0; i < nenabled && nl < 64; i++)
        if (!listed(langs, nl, enabled[i]))
            langs[nl++] = enabled[i];
    for (size_t i = 0; i < sizeof other_scripts / sizeof *other_scripts && nl < 64; i++)
        if (!listed(langs, nl, other_scripts[i]))
            langs[nl++] = other_scripts[i];

    territory_names *tn = calloc(1, sizeof *tn);
    if (!tn)
        return ATTRIB_ENOMEM;
    tn->found.mem = &tn->mem;
    const char *en = builtin_entities("en");
    for (const char *const *code = uloc_getISOCountries(); *code && !tn->found.failed; code++) {
        char name[256], canonical[256];
        if (!display_name(*code, "en", name, sizeof name))
            continue;
        const char *line = find_line(en, name);
        if (!line || !line_canonical(line, canonical, sizeof canonical)) {
            /* "Myanmar (Burma)" is Myanmar. */
            size_t n = strcspn(name, "(");
            while (n && name[n - 1] == ' ')
                n--;
            memcpy(canonical, name, n);
            canonical[n] = '\0';
        }
        const char *canon = arena_strndup(&tn->mem, canonical, strlen(canonical));
        if (!canon)
            break;
        for (size_t i = 0; i < nl; i++)
            if (display_name(*code, langs[i], name, sizeof name))
                add_name(&tn->found, name, canon);
    }
    if (tn->found.failed || !tn->mem.head) {
        territories_free(tn);
        return ATTRIB_ENOMEM;
    }
    names *f = &tn->found;
    qsort(f->v, f->n, sizeof *f->v, cmp_entry);
    size_t m = 0;
    for (size_t i = 0; i < f->n; i++)
        if (!m || strcmp(f->v[m - 1].phrase, f->v[i].phrase) != 0)
            f->v[m++] = f->v[i];
    f->n = m;
    *out = tn;
    return ATTRIB_OK;
}

attrib_status territories_lexicon(const territory_names *tn, const char *lang, char **out)
{
    *out = NULL;
    arena mem = {0};
    names known = {.mem = &mem};
    add_builtin(&known, builtin_entities(lang));
    add_builtin(&known, builtin_entities("common"));
    if (known.n) /* qsort and bsearch take no NULL array, even empty */
        qsort(known.v, known.n, sizeof *known.v, cmp_entry);
    jbuf b = {0};
    jb_puts(&b, ""); /* an empty text, not NULL, when ICU has no names */
    for (size_t i = 0; i < tn->found.n; i++) {
        const name_entry *e = &tn->found.v[i];
        if (known.n && bsearch(e, known.v, known.n, sizeof *known.v, cmp_entry))
            continue;
        jb_puts(&b, e->phrase);
        jb_puts(&b, "\tclass=entities\tcanonical=");
        jb_puts(&b, e->canonical);
        jb_puts(&b, "\tkind=state\n");
    }
    b.failed |= known.failed;
    arena_free(&mem);
    free(known.v);
    if (b.failed) {
        free(b.s);
        return ATTRIB_ENOMEM;
    }
    *out = b.s;
    return ATTRIB_OK;
}
