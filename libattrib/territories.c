/* Entity data from ICU: the names of states and territories in many
 * languages, as lexicon lines ("Corée du Nord<TAB>class=entities<TAB>
 * canonical=North Korea<TAB>kind=state"), read with a language's lexicon
 * before the caller's files.
 *
 * ICU's locale data holds every territory's name in every language it
 * knows, which no hand-typed table matches. A language's lexicon gets the
 * names in that language, in every enabled language (an English text
 * may write „Nordkorea" in a quotation), and in the major languages
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
static const char *const other_scripts[] = {"ru", "uk", "be", "bg", "sr", "mk", "el", "ar",
                                            "fa", "he", "hi", "zh", "ja", "ko", "ka", "hy"};

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

typedef struct names {
    name_entry *v;
    size_t n, cap;
    bool failed;
} names;

static void add(names *ns, const char *name, size_t n, const char *canonical)
{
    if (ns->failed || n == 0)
        return;
    if (ns->n == ns->cap) {
        size_t cap = ns->cap ? 2 * ns->cap : 1024;
        name_entry *v = realloc(ns->v, cap * sizeof *v);
        if (!v) {
            ns->failed = true;
            return;
        }
        ns->v = v;
        ns->cap = cap;
    }
    char *p = malloc(n + 1);
    if (!p) {
        ns->failed = true;
        return;
    }
    memcpy(p, name, n);
    p[n] = '\0';
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

attrib_status territories_lexicon(const char *lang, const char *const *enabled, size_t nenabled,
                                  char **out)
{
    *out = NULL;
    const char *langs[64];
    size_t nl = 0;
    langs[nl++] = lang;
    for (size_t i = 0; i < nenabled && nl < 64; i++)
        if (!listed(langs, nl, enabled[i]))
            langs[nl++] = enabled[i];
    for (size_t i = 0; i < sizeof other_scripts / sizeof *other_scripts && nl < 64; i++)
        if (!listed(langs, nl, other_scripts[i]))
            langs[nl++] = other_scripts[i];

    names known = {0}, found = {0};
    add_builtin(&known, builtin_entities(lang));
    add_builtin(&known, builtin_entities("common"));
    qsort(known.v, known.n, sizeof *known.v, cmp_entry);
    const char *en = builtin_entities("en");
    /* Canonical names, one per territory, owned here. */
    char (*canon)[64] = calloc(300, sizeof *canon);
    size_t ncanon = 0;
    for (const char *const *code = uloc_getISOCountries(); canon && *code && ncanon < 300; code++) {
        char name[256];
        if (!display_name(*code, "en", name, sizeof name))
            continue;
        char *canonical = canon[ncanon++];
        const char *line = find_line(en, name);
        if (!line || !line_canonical(line, canonical, sizeof canon[0])) {
            /* "Myanmar (Burma)" is Myanmar. */
            size_t n = strcspn(name, "(");
            while (n && name[n - 1] == ' ')
                n--;
            if (n >= sizeof canon[0])
                n = sizeof canon[0] - 1;
            memcpy(canonical, name, n);
            canonical[n] = '\0';
        }
        for (size_t i = 0; i < nl; i++)
            if (display_name(*code, langs[i], name, sizeof name))
                add_name(&found, name, canonical);
    }
    qsort(found.v, found.n, sizeof *found.v, cmp_entry);
    jbuf b = {0};
    jb_puts(&b, ""); /* an empty text, not NULL, when ICU has no names */
    for (size_t i = 0; i < found.n; i++) {
        const name_entry *e = &found.v[i];
        if ((i && strcmp(e->phrase, found.v[i - 1].phrase) == 0) ||
            bsearch(e, known.v, known.n, sizeof *known.v, cmp_entry))
            continue;
        jb_puts(&b, e->phrase);
        jb_puts(&b, "\tclass=entities\tcanonical=");
        jb_puts(&b, e->canonical);
        jb_puts(&b, "\tkind=state\n");
    }
    b.failed |= known.failed || found.failed || !canon;
    for (size_t i = 0; i < known.n; i++)
        free(known.v[i].phrase);
    for (size_t i = 0; i < found.n; i++)
        free(found.v[i].phrase);
    free(known.v);
    free(found.v);
    free(canon);
    if (b.failed) {
        free(b.s);
        return ATTRIB_ENOMEM;
    }
    *out = b.s;
    return ATTRIB_OK;
}
