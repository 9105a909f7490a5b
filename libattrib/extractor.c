/* The extractor and attrib_extract(): options, building the lexicons of
 * the enabled languages, and running a document through the stages in
 * order (see internal.h). Also the small public helpers (status and name
 * strings, version). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include "result.h"

/* ---- Options ---- */

#define DEFAULT_MAX_SIZE ((size_t)64 * 1024 * 1024)
#define MAX_EXTRA_FILES 64

struct attrib_options {
    char *languages;           /* NULL: all built-in */
    size_t max_size;
    struct {
        char *lang, *path;
    } files[MAX_EXTRA_FILES];
    size_t nfiles;
    char error[512];
};

static char *dup_str(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = malloc(n);
    if (p)
        memcpy(p, s, n);
    return p;
}

attrib_status attrib_options_new(attrib_options **out)
{
    if (!out)
        return ATTRIB_EINVAL;
    *out = calloc(1, sizeof **out);
    if (!*out)
        return ATTRIB_ENOMEM;
    (*out)->max_size = DEFAULT_MAX_SIZE;
    return ATTRIB_OK;
}

void attrib_options_free(attrib_options *o)
{
    if (!o)
        return;
    free(o->languages);
    for (size_t i = 0; i < o->nfiles; i++) {
        free(o->files[i].lang);
        free(o->files[i].path);
    }
    free(o);
}

static bool builtin_language(const char *code, size_t n)
{
    for (const char *const *l = attrib_builtin_languages; *l; l++)
        if (strcmp(*l, "common") != 0 && strlen(*l) == n && memcmp(*l, code, n) == 0)
            return true;
    return false;
}

attrib_status attrib_options_set_languages(attrib_options *o, const char *languages)
{
    if (!o)
        return ATTRIB_EINVAL;
    o->error[0] = '\0';
    if (languages && *languages) {
        for (const char *p = languages; *p;) {
            const char *comma = strchr(p, ',');
            size_t n = comma ? (size_t)(comma - p) : strlen(p);
            if (!builtin_language(p, n)) {
                snprintf(o->error, sizeof o->error, "unknown language '%.*s'", (int)n, p);
                return ATTRIB_ELANG;
            }
            p += n + (comma ? 1 : 0);
        }
    }
    char *copy = languages && *languages ? dup_str(languages) : NULL;
    if (languages && *languages && !copy)
        return ATTRIB_ENOMEM;
    free(o->languages);
    o->languages = copy;
    return ATTRIB_OK;
}

attrib_status attrib_options_set_max_document_size(attrib_options *o, size_t bytes)
{
    if (!o)
        return ATTRIB_EINVAL;
    o->max_size = bytes;
    return ATTRIB_OK;
}

attrib_status attrib_options_add_lexicon_file(attrib_options *o, const char *lang,
                                              const char *path)
{
    if (!o || !lang || !path)
        return ATTRIB_EINVAL;
    o->error[0] = '\0';
    if (strcmp(lang, "common") != 0 && !builtin_language(lang, strlen(lang))) {
        snprintf(o->error, sizeof o->error, "unknown language '%s'", lang);
        return ATTRIB_ELANG;
    }
    if (o->nfiles == MAX_EXTRA_FILES) {
        snprintf(o->error, sizeof o->error, "more than %d lexicon files", MAX_EXTRA_FILES);
        return ATTRIB_EINVAL;
    }
    char *l = dup_str(lang), *p = dup_str(path);
    if (!l || !p) {
        free(l);
        free(p);
        return ATTRIB_ENOMEM;
    }
    o->files[o->nfiles].lang = l;
    o->files[o->nfiles].path = p;
    o->nfiles++;
    return ATTRIB_OK;
}

const char *attrib_options_error(const attrib_options *o)
{
    return o ? o->error : "";
}

/* ---- Extractor ---- */

static attrib_status read_file(const char *path, char **out, char *err, size_t errcap)
{
    *out = NULL;
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, errcap, "%s: %s", path, strerror(errno));
        return ATTRIB_EIO;
    }
    size_t cap = 4096, len = 0;
    char *s = malloc(cap);
    while (s) {
        len += fread(s + len, 1, cap - len - 1, f);
        if (len < cap - 1)
            break;
        char *p = realloc(s, cap * 2);
        if (!p) {
            free(s);
            s = NULL;
            break;
        }
        s = p;
        cap *= 2;
    }
    bool bad = ferror(f);
    fclose(f);
    if (!s) {
        snprintf(err, errcap, "out of memory");
        return ATTRIB_ENOMEM;
    }
    s[len] = '\0';
    if (bad || strlen(s) != len || text_utf8_invalid_at(s, len) != len) {
        snprintf(err, errcap, "%s: %s", path, bad ? "read error" : "not UTF-8 text");
        free(s);
        return bad ? ATTRIB_EIO : ATTRIB_ELEXICON;
    }
    *out = s;
    return ATTRIB_OK;
}

void attrib_extractor_free(attrib_extractor *ex)
{
    if (!ex)
        return;
    for (size_t i = 0; i < ex->nlangs; i++) {
        lexicon_free(ex->langs[i].lx);
        stem_index_free(ex->langs[i].stems);
        lexicon_free(ex->langs[i].function_words);
        if (ex->langs[i].sentences)
            ubrk_close(ex->langs[i].sentences);
    }
    free(ex->langs);
    lexicon_fwset_free(ex->function_words);
    territories_free(ex->territories);
    if (ex->build_lock_made)
        pthread_mutex_destroy(&ex->build_lock);
    for (size_t i = 0; i < SPARE_DOCS; i++) {
        doc *d = atomic_load(&ex->spare[i]);
        if (d) {
            doc_free(d);
            free(d);
        }
    }
    if (ex->words)
        ubrk_close(ex->words);
    free(ex);
}

static bool enabled(const attrib_options *o, const char *code)
{
    if (!o || !o->languages)
        return true;
    size_t n = strlen(code);
    for (const char *p = o->languages; *p;) {
        const char *comma = strchr(p, ',');
        size_t m = comma ? (size_t)(comma - p) : strlen(p);
        if (m == n && memcmp(p, code, n) == 0)
            return true;
        p += m + (comma ? 1 : 0);
    }
    return false;
}

/* Builds L's lexicon (the built-in files, ICU's territory names, then
 * the caller's EXTRA files, N of them) and its stems; on failure L is
 * left without them. Called at creation, or under ex->build_lock. */
static attrib_status build_language(attrib_extractor *ex, language *l,
                                    const attrib_lexicon_file *extra, const char *const *names,
                                    size_t n, char *err, size_t errcap)
{
    attrib_status st;
    if (!ex->territories) {
        /* ICU's names of states in every enabled language, gathered once
         * for all of them. */
        const char *codes[64];
        size_t ncodes = 0;
        for (size_t i = 0; i < ex->nlangs && ncodes < 64; i++)
            codes[ncodes++] = ex->langs[i].code;
        if ((st = territories_collect(codes, ncodes, &ex->territories)) != ATTRIB_OK)
            return st;
    }
    /* ICU's names come first among the extra files, so that the caller's
     * files override them as they override the built-in ones. */
    attrib_lexicon_file files[MAX_EXTRA_FILES + 1];
    const char *fnames[MAX_EXTRA_FILES + 1];
    char *icu;
    if ((st = territories_lexicon(ex->territories, l->code, &icu)) != ATTRIB_OK)
        return st;
    files[0] = (attrib_lexicon_file){l->code, NULL, icu};
    fnames[0] = "ICU territory names";
    if (n) { /* memcpy takes no NULL, even for nothing */
        memcpy(files + 1, extra, n * sizeof *extra);
        memcpy(fnames + 1, names, n * sizeof *names);
    }
    st = lexicon_build(l->code, files, n + 1, fnames, ex, &l->lx, err, errcap);
    free(icu);
    if (st == ATTRIB_OK && l->stem &&
        (st = stem_index_build(l->stem, l->lx, &l->stems)) != ATTRIB_OK && st != ATTRIB_ENOMEM)
        snprintf(err, errcap, "%s: no Snowball stemmer '%s'", l->code, l->stem);
    if (st != ATTRIB_OK) {
        lexicon_free(l->lx);
        l->lx = NULL;
        return st;
    }
    return ATTRIB_OK;
}

attrib_status language_ready(const attrib_extractor *ex, const language *l)
{
    if (atomic_load_explicit(&l->ready, memory_order_acquire))
        return ATTRIB_OK;
    /* The lazily built lexicons are the extractor's only other mutable
     * part (with the spare documents): built once, under the lock, and
     * published by `ready`, after which they never change. */
    attrib_extractor *mx = (attrib_extractor *)ex;
    language *ml = (language *)l;
    attrib_status st = ATTRIB_OK;
    pthread_mutex_lock(&mx->build_lock);
    if (!atomic_load_explicit(&ml->ready, memory_order_relaxed)) {
        char err[512];
        st = build_language(mx, ml, NULL, NULL, 0, err, sizeof err);
        if (st == ATTRIB_OK)
            atomic_store_explicit(&ml->ready, true, memory_order_release);
        else if (st != ATTRIB_ENOMEM)
            st = ATTRIB_EICU; /* built-in lexicons are tested: ICU failed */
    }
    pthread_mutex_unlock(&mx->build_lock);
    return st;
}

attrib_status attrib_extractor_new(const attrib_options *opts, attrib_extractor **out)
{
    if (!out)
        return ATTRIB_EINVAL;
    *out = NULL;
    /* The error text lives on the options, which the caller owns and
     * does not share; the const is about the settings. */
    attrib_options *o = (attrib_options *)opts;
    char scratch[512];
    char *err = o ? o->error : scratch;
    size_t errcap = o ? sizeof o->error : sizeof scratch;
    err[0] = '\0';

    attrib_extractor *ex = calloc(1, sizeof *ex);
    size_t nbuiltin = 0;
    for (const char *const *l = attrib_builtin_languages; *l; l++)
        nbuiltin++;
    attrib_lexicon_file extra[MAX_EXTRA_FILES];
    const char *names[MAX_EXTRA_FILES];
    size_t nextra = 0;
    attrib_status st = ATTRIB_OK;
    if (!ex || !(ex->langs = calloc(nbuiltin, sizeof *ex->langs))) {
        st = ATTRIB_ENOMEM;
        goto fail;
    }
    if (pthread_mutex_init(&ex->build_lock, NULL) != 0) {
        st = ATTRIB_ENOMEM;
        goto fail;
    }
    ex->build_lock_made = true;
    ex->max_size = o ? o->max_size : DEFAULT_MAX_SIZE;
    UErrorCode uerr = U_ZERO_ERROR;
    ex->words = ubrk_open(UBRK_WORD, "", NULL, 0, &uerr);
    if (U_FAILURE(uerr)) {
        snprintf(err, errcap, "ICU word break iterator: %s", u_errorName(uerr));
        st = uerr == U_MEMORY_ALLOCATION_ERROR ? ATTRIB_ENOMEM : ATTRIB_EICU;
        goto fail;
    }
    segment_init_classes(ex);
    for (size_t i = 0; o && i < o->nfiles; i++) {
        char *text;
        if ((st = read_file(o->files[i].path, &text, err, errcap)) != ATTRIB_OK)
            goto fail;
        extra[nextra].lang = o->files[i].lang;
        extra[nextra].cls = NULL;
        extra[nextra].text = text;
        names[nextra] = o->files[i].path;
        nextra++;
    }
    for (const char *const *l = attrib_builtin_languages; *l; l++) {
        if (strcmp(*l, "common") == 0 || !enabled(o, *l))
            continue;
        language *lang = &ex->langs[ex->nlangs];
        snprintf(lang->code, sizeof lang->code, "%s", *l);
        const attrib_language_settings *set =
            &attrib_builtin_settings[l - attrib_builtin_languages];
        lang->adjectives_follow = set->adjectives_after;
        lang->nouns_capital = set->nouns_capital;
        lang->verb_second = set->verb_second;
        lang->stem = set->stem;
        lang->compounds = set->compounds;
        ex->nlangs++;
        /* "ss=standard" keeps "Mr." and "M." from ending a sentence. */
        char locale[32];
        snprintf(locale, sizeof locale, "%s@ss=standard", *l);
        uerr = U_ZERO_ERROR;
        lang->sentences = ubrk_open(UBRK_SENTENCE, locale, NULL, 0, &uerr);
        if (U_FAILURE(uerr)) {
            snprintf(err, errcap, "ICU sentence break iterator: %s", u_errorName(uerr));
            st = uerr == U_MEMORY_ALLOCATION_ERROR ? ATTRIB_ENOMEM : ATTRIB_EICU;
            goto fail;
        }
    }
    if (ex->nlangs == 0) {
        snprintf(err, errcap, "no language enabled");
        st = ATTRIB_ELANG;
        goto fail;
    }
    /* Language identification counts function words of every language
     * in one table, a bit per language. */
    const lexicon *lxs[32];
    if (ex->nlangs > 32) {
        snprintf(err, errcap, "more than 32 languages enabled");
        st = ATTRIB_EINVAL;
        goto fail;
    }
    for (size_t i = 0; i < ex->nlangs; i++) {
        language *lang = &ex->langs[i];
        if (nextra) {
            /* The caller's files are read now, so that their errors are
             * the creation's. */
            if ((st = build_language(ex, lang, extra, names, nextra, err, errcap)) != ATTRIB_OK)
                goto fail;
            atomic_store_explicit(&lang->ready, true, memory_order_relaxed);
            lxs[i] = lang->lx;
        } else {
            if ((st = lexicon_build_function_words(lang->code, ex, &lang->function_words,
                                                   err, errcap)) != ATTRIB_OK)
                goto fail;
            lxs[i] = lang->function_words;
        }
    }
    if ((st = lexicon_fwset_build(lxs, ex->nlangs, &ex->function_words)) != ATTRIB_OK)
        goto fail;
    for (size_t i = 0; i < nextra; i++)
        free((char *)extra[i].text);
    *out = ex;
    return ATTRIB_OK;
fail:
    if (st == ATTRIB_ENOMEM && !err[0])
        snprintf(err, errcap, "out of memory");
    for (size_t i = 0; i < nextra; i++)
        free((char *)extra[i].text);
    attrib_extractor_free(ex);
    return st;
}

size_t attrib_extractor_language_count(const attrib_extractor *ex)
{
    return ex ? ex->nlangs : 0;
}

const char *attrib_extractor_language(const attrib_extractor *ex, size_t i)
{
    return ex && i < ex->nlangs ? ex->langs[i].code : NULL;
}

/* ---- Extraction ---- */

void doc_free(doc *d)
{
    arena_free(&d->mem);
    arena_free(&d->scratch);
    vec_free(&d->tokens);
    vec_free(&d->sentences);
    vec_free(&d->sketch);
    if (d->word_iter)
        ubrk_close(d->word_iter);
    if (d->word_text)
        utext_close(d->word_text);
    d->word_iter = NULL;
    d->word_text = NULL;
    vec_free(&d->mentions);
    vec_free(&d->claims);
    vec_free(&d->lex_entries);
}

/* A document of more than this keeps no memory for the next: a stream of
 * news articles reuses its buffers, one huge text does not pin its own. */
#define SPARE_MAX_BYTES ((size_t)4 * 1024 * 1024)

doc *doc_take(const attrib_extractor *ex)
{
    /* The spares are the extractor's only mutable part: each slot is
     * taken and given back by one atomic exchange, so that a thread has
     * the document it takes to itself and the extractor stays shareable. */
    attrib_extractor *mx = (attrib_extractor *)ex;
    for (size_t i = 0; i < SPARE_DOCS; i++) {
        doc *d = atomic_exchange(&mx->spare[i], NULL);
        if (d)
            return d;
    }
    return calloc(1, sizeof(doc));
}

/* V emptied, its memory kept when the last document used at least a
 * quarter of it: what a spare document keeps follows what the documents
 * before it needed, not the largest of them. */
static void vec_empty(vec *v)
{
    if (v->len < v->cap / 4)
        vec_free(v);
    v->len = 0;
}

void doc_give(const attrib_extractor *ex, doc *d, bool keep)
{
    attrib_extractor *mx = (attrib_extractor *)ex;
    if (keep && d->len <= SPARE_MAX_BYTES) {
        doc kept = {0};
        kept.mem = d->mem;
        kept.scratch = d->scratch;
        arena_reset(&kept.mem);
        arena_reset(&kept.scratch);
        kept.tokens = d->tokens;
        kept.sentences = d->sentences;
        kept.sketch = d->sketch;
        kept.word_iter = d->word_iter;
        kept.word_text = d->word_text;
        kept.mentions = d->mentions;
        kept.claims = d->claims;
        kept.lex_entries = d->lex_entries;
        vec_empty(&kept.tokens);
        vec_empty(&kept.sentences);
        vec_empty(&kept.sketch);
        vec_empty(&kept.mentions);
        vec_empty(&kept.claims);
        vec_empty(&kept.lex_entries);
        *d = kept;
        for (size_t i = 0; i < SPARE_DOCS; i++) {
            doc *none = NULL;
            if (atomic_compare_exchange_strong(&mx->spare[i], &none, d))
                return;
        }
    }
    doc_free(d);
    free(d);
}

/* ---- The pipeline ----
 *
 * The stages in the order a document goes through them, as a table, so
 * that the benchmark can run the first N of them: the time each stage
 * takes is the difference between running N and N-1 of them over a
 * corpus, read off the CPU clock once per run, and no clock is read per
 * document or per stage. */

static attrib_status step_words(const attrib_extractor *ex, doc *d, const char *lang)
{
    (void)lang;
    return segment_walk_words(ex, d);
}

static attrib_status step_normalise(const attrib_extractor *ex, doc *d, const char *lang)
{
    (void)ex, (void)lang;
    return text_normalise_tokens(d);
}

static attrib_status step_lang(const attrib_extractor *ex, doc *d, const char *lang)
{
    return lang_identify(ex, d, lang);
}

static attrib_status step_split(const attrib_extractor *ex, doc *d, const char *lang)
{
    (void)ex, (void)lang;
    return text_prepare_tokens(d);
}

static attrib_status step_sentences(const attrib_extractor *ex, doc *d, const char *lang)
{
    (void)ex, (void)lang;
    return segment_sentences(ex, d);
}

static attrib_status step_lexicon(const attrib_extractor *ex, doc *d, const char *lang)
{
    (void)ex, (void)lang;
    return lexicon_match_document(d->lang->lx, d);
}

static attrib_status step_stems(const attrib_extractor *ex, doc *d, const char *lang)
{
    (void)ex, (void)lang;
    return stem_match_document(d->lang->stems, d);
}

static attrib_status step_mentions(const attrib_extractor *ex, doc *d, const char *lang)
{
    (void)ex, (void)lang;
    return mentions_find(d);
}

static attrib_status step_resolve(const attrib_extractor *ex, doc *d, const char *lang)
{
    (void)ex, (void)lang;
    return resolve_mentions(d);
}

static attrib_status step_claims(const attrib_extractor *ex, doc *d, const char *lang)
{
    (void)ex, (void)lang;
    return claims_assemble(d);
}

const doc_step doc_steps[] = {
    {"segmentation: words", step_words},
    {"normalisation", step_normalise},
    {"language", step_lang},
    {"normalisation", step_split},
    {"segmentation: sentences", step_sentences},
    {"lexicon matching", step_lexicon},
    {"lexicon matching", step_stems},
    {"mentions", step_mentions},
    {"resolution", step_resolve},
    {"claims", step_claims},
    {NULL, NULL}};

attrib_status doc_analyse_steps(const attrib_extractor *ex, doc *d, const char *lang, size_t n)
{
    for (size_t i = 0; i < n && doc_steps[i].run; i++) {
        attrib_status st = doc_steps[i].run(ex, d, lang);
        if (st != ATTRIB_OK)
            return st;
    }
    return ATTRIB_OK;
}

attrib_status doc_analyse(const attrib_extractor *ex, doc *d, const char *lang)
{
    return doc_analyse_steps(ex, d, lang, SIZE_MAX);
}

attrib_status attrib_extract(const attrib_extractor *ex, const char *text, size_t len,
                             const char *lang, attrib_result **out)
{
    if (!out)
        return ATTRIB_EINVAL;
    *out = NULL;
    if (!ex || (!text && len))
        return ATTRIB_EINVAL;
    char detail[160];
    /* ICU's iterators index with int32_t. */
    if ((ex->max_size && len > ex->max_size) || len > (size_t)INT32_MAX) {
        snprintf(detail, sizeof detail, "document of %zu bytes is over the limit of %zu", len,
                 ex->max_size && ex->max_size < (size_t)INT32_MAX ? ex->max_size : (size_t)INT32_MAX);
        *out = result_failure(ATTRIB_ETOOBIG, 0, detail);
        return *out ? ATTRIB_ETOOBIG : ATTRIB_ENOMEM;
    }
    size_t bad = text_utf8_invalid_at(text ? text : "", len);
    if (bad != len) {
        snprintf(detail, sizeof detail, "invalid UTF-8 at byte %zu", bad);
        *out = result_failure(ATTRIB_EUTF8, bad, detail);
        return *out ? ATTRIB_EUTF8 : ATTRIB_ENOMEM;
    }
    doc *dp = doc_take(ex);
    if (!dp)
        return ATTRIB_ENOMEM;
    dp->text = text ? text : "";
    dp->len = len;
    attrib_status st = doc_analyse(ex, dp, lang);
    if (st == ATTRIB_OK) {
        *out = result_from_doc(dp);
        if (!*out)
            st = ATTRIB_ENOMEM;
    } else if (st == ATTRIB_ELANG || st == ATTRIB_EICU) {
        snprintf(detail, sizeof detail, st == ATTRIB_ELANG ? "language '%s' is not enabled"
                                                           : "ICU failed%s",
                 st == ATTRIB_ELANG ? lang : "");
        *out = result_failure(st, 0, detail);
        if (!*out)
            st = ATTRIB_ENOMEM;
    }
    /* A failed call keeps nothing. */
    doc_give(ex, dp, st == ATTRIB_OK);
    return st;
}

/* ---- Names ---- */

const char *attrib_strerror(attrib_status st)
{
    switch (st) {
    case ATTRIB_OK: return "success";
    case ATTRIB_EINVAL: return "invalid argument";
    case ATTRIB_ENOMEM: return "out of memory";
    case ATTRIB_EUTF8: return "text is not valid UTF-8";
    case ATTRIB_ETOOBIG: return "document is larger than the maximum size";
    case ATTRIB_ELANG: return "unknown or disabled language";
    case ATTRIB_ELEXICON: return "lexicon file has an error";
    case ATTRIB_EIO: return "file could not be read";
    case ATTRIB_EICU: return "ICU failed";
    }
    return "unknown status";
}

const char *attrib_version(void)
{
    return ATTRIB_VERSION_STRING;
}

void attrib_free(void *p)
{
    free(p);
}

const char *attrib_stance_name(attrib_stance s)
{
    static const char *const names[] = {"asserts", "suggests", "uncommitted", "doubts", "denies"};
    return (unsigned)s < 5 ? names[s] : NULL;
}

int attrib_stance_polarity(attrib_stance s)
{
    return s == ATTRIB_ASSERTS || s == ATTRIB_SUGGESTS ? 1 : s == ATTRIB_UNCOMMITTED ? 0 : -1;
}

const char *attrib_kind_name(attrib_kind k)
{
    static const char *const names[] = {"unknown", "person", "organization", "state",
                                        "government", "agency", "media", "group", "described"};
    return (unsigned)k < sizeof names / sizeof *names ? names[k] : NULL;
}
