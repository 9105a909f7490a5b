/* Lexicon loading (lexicon.c): the built-in lexicons parse, a caller's
 * lines parse the same way, errors name file and line, later lines
 * override, and phrases match the longest way. */
#include "testutil.h" /* first: it sets the feature macros */

#include "internal.h"

static attrib_status build(const attrib_extractor *ex, const char *lang, const char *text,
                           lexicon **lx, char *err, size_t errcap)
{
    attrib_lexicon_file f = {lang, NULL, text};
    const char *name = "extra.txt";
    return lexicon_build(lang, &f, 1, &name, ex, lx, err, errcap);
}

/* D gets English TEXT's tokens and sentences, and LX's matches on them. */
static void match(const attrib_extractor *ex, const lexicon *lx, doc *d, const char *text)
{
    memset(d, 0, sizeof *d);
    d->text = text;
    d->len = strlen(text);
    assert_int_equal(segment_words(ex, d), ATTRIB_OK);
    assert_int_equal(lang_identify(ex, d, "en"), ATTRIB_OK);
    assert_int_equal(segment_sentences(ex, d), ATTRIB_OK);
    assert_int_equal(lexicon_match_document(lx, d), ATTRIB_OK);
}

static const lex_entry *find(const lexicon *lx, const char *first, lex_class cls, size_t nwords)
{
    for (const lex_entry *const *e = lexicon_lookup(lx, first, strlen(first)); *e; e++)
        if ((*e)->cls == cls && (*e)->nwords == nwords)
            return *e;
    return NULL;
}

static void test_builtin_languages_load(void **state)
{
    for (const char *const *l = attrib_builtin_languages; *l; l++) {
        if (strcmp(*l, "common") == 0)
            continue;
        lexicon *lx = NULL;
        char err[256] = "";
        attrib_status st = lexicon_build(*l, NULL, 0, NULL, *state, &lx, err, sizeof err);
        if (st != ATTRIB_OK)
            fail_msg("%s: %s", *l, err);
        /* Every language knows its function words and at least one cue. */
        lexicon_free(lx);
    }
}

static void test_caller_lines(void **state)
{
    lexicon *lx = NULL;
    char err[256] = "";
    const char *text =
        "# a comment, then a blank line\n"
        "\n"
        "insinuated\tclass=report\top=suggest\tsrc=left\n"
        "Grey Heron Collective\tclass=entities\tcanonical=Grey Heron\tkind=group\n"
        "l'\tclass=function\trole=det\n"
        "à l'origine de\tclass=resp\tactor=left\n";
    assert_int_equal(build(*state, "fr", text, &lx, err, sizeof err), ATTRIB_OK);
    const lex_entry *e = find(lx, "insinuated", LEX_REPORT, 1);
    assert_non_null(e);
    assert_int_equal(e->op, OP_SUGGEST);
    assert_int_equal(e->neg, OP_DOUBT); /* the default for suggest */
    assert_int_equal(e->src, SIDE_LEFT);
    e = find(lx, "grey", LEX_ENTITY, 3);
    assert_non_null(e);
    assert_string_equal(e->canonical, "Grey Heron");
    assert_int_equal(e->kind, ATTRIB_KIND_GROUP);
    /* The elision splits the phrase as it splits text: à | l' | origine | de. */
    e = find(lx, "à", LEX_RESP, 4);
    assert_non_null(e);
    assert_string_equal(e->words[1], "l'");
    assert_string_equal(e->words[2], "origine");
    assert_true(lexicon_is_elision(lx, "l'", 2));
    lexicon_free(lx);
}

static void test_later_line_overrides(void **state)
{
    lexicon *lx = NULL;
    char err[256] = "";
    const char *text = "hinted\tclass=report\top=suggest\n"
                       "hinted\tclass=report\top=assert\n"
                       "hinted\tclass=events\n";
    assert_int_equal(build(*state, "en", text, &lx, err, sizeof err), ATTRIB_OK);
    const lex_entry *e = find(lx, "hinted", LEX_REPORT, 1);
    assert_non_null(e);
    assert_int_equal(e->op, OP_ASSERT);
    /* Another class keeps its own entry. */
    assert_non_null(find(lx, "hinted", LEX_EVENT, 1));
    lexicon_free(lx);
}

typedef struct bad_line {
    const char *text;
    const char *message;
} bad_line;

static void test_errors_name_file_and_line(void **state)
{
    static const bad_line bad[] = {
        {"ok\tclass=events\nsaid\tclass=nonsense\n", "extra.txt:2: unknown class"},
        {"said\top=say\n", "extra.txt:1: line names no class"},
        {"said\tclass=report\n", "extra.txt:1: report needs op"},
        {"said\tclass=report\top=shout\n", "extra.txt:1: unknown op"},
        {"said\tclass=report\top=say\tcolour=red\n", "extra.txt:1: unknown attribute"},
        {"said\tclass=report\top\n", "extra.txt:1: attribute is not key=value"},
        {"X\tclass=entities\tkind=state\n", "extra.txt:1: entity needs canonical and kind"},
        {"he\tclass=function\trole=pron\n", "extra.txt:1: pronoun needs kind"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        lexicon *lx = (lexicon *)&bad; /* must be reset to NULL */
        char err[256] = "";
        assert_int_equal(build(*state, "en", bad[i].text, &lx, err, sizeof err), ATTRIB_ELEXICON);
        assert_null(lx);
        if (strncmp(err, bad[i].message, strlen(bad[i].message)) != 0)
            fail_msg("line %zu: got '%s', want '%s...'", i, err, bad[i].message);
    }
}

static void test_longest_match(void **state)
{
    attrib_extractor *ex = *state;
    lexicon *lx = NULL;
    char err[256] = "";
    const char *text = "claimed\tclass=report\top=say\n"
                       "claimed responsibility\tclass=self\n"
                       "claimed\tclass=self\n";
    assert_int_equal(build(*state, "en", text, &lx, err, sizeof err), ATTRIB_OK);
    doc d;
    match(ex, lx, &d, "They claimed responsibility. They claimed it.");
    assert_int_equal(tok_lex(&d, 1, LEX_SELF)->nwords, 2);
    assert_int_equal(tok_lex(&d, 1, LEX_REPORT)->nwords, 1);
    /* "claimed it": only the one-word entry fits. */
    assert_int_equal(tok_lex(&d, 5, LEX_SELF)->nwords, 1);
    /* A phrase does not run across a sentence boundary. */
    assert_null(tok_lex(&d, 2, LEX_SELF));
    doc_free(&d);
    lexicon_free(lx);
}

/* Of two entries of a class as long at a token, the first in the
 * lexicon's order, whether the two are a phrase and a discontinuous one
 * ("said that", "said … that") in one order or the other. */
static void test_tie_goes_to_first_line(void **state)
{
    attrib_extractor *ex = *state;
    const char *texts[2] = {"said that\tclass=report\top=say\nsaid ... that\tclass=report\top=say\n",
                            "said ... that\tclass=report\top=say\nsaid that\tclass=report\top=say\n"};
    for (int order = 0; order < 2; order++) {
        lexicon *lx = NULL;
        char err[256] = "";
        assert_int_equal(build(*state, "en", texts[order], &lx, err, sizeof err), ATTRIB_OK);
        doc d;
        match(ex, lx, &d, "They said that it rained.");
        const lex_entry *e = tok_lex(&d, 1, LEX_REPORT);
        assert_non_null(e);
        assert_int_equal(e->nwords, order == 0 ? 2 : 1);
        assert_int_equal(e->ntail, order == 0 ? 0 : 1);
        doc_free(&d);
        lexicon_free(lx);
    }
}

/* A token's entries are found by the number of its classes below one. */
static void test_class_rank(void **state)
{
    (void)state;
    for (unsigned x = 0; x < LEX_BIT(LEX_NCLASSES); x++) {
        unsigned bits = 0;
        for (unsigned y = x; y; y >>= 1)
            bits += y & 1u;
        assert_int_equal(lex_class_rank[x], bits);
    }
}

static void test_missing_file(void **state)
{
    (void)state;
    attrib_options *o = NULL;
    attrib_extractor *ex = NULL;
    assert_int_equal(attrib_options_new(&o), ATTRIB_OK);
    assert_int_equal(attrib_options_add_lexicon_file(o, "en", "/nonexistent/lexicon.txt"),
                     ATTRIB_OK);
    assert_int_equal(attrib_extractor_new(o, &ex), ATTRIB_EIO);
    assert_null(ex);
    assert_non_null(strstr(attrib_options_error(o), "/nonexistent/lexicon.txt"));
    attrib_options_free(o);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_builtin_languages_load),
        cmocka_unit_test(test_caller_lines),
        cmocka_unit_test(test_later_line_overrides),
        cmocka_unit_test(test_errors_name_file_and_line),
        cmocka_unit_test(test_longest_match),
        cmocka_unit_test(test_tie_goes_to_first_line),
        cmocka_unit_test(test_class_rank),
        cmocka_unit_test(test_missing_file),
    };
    return cmocka_run_group_tests_name("lexicon", tests, extractor_setup, extractor_teardown);
}
