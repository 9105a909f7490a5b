/* Segmentation and token preparation (segment.c, text.c, lang.c): tokens
 * keep the caller's byte spans, keys are folded, elisions and clitics are
 * split, sentences end where they should. */
#include "testutil.h" /* first: it sets the feature macros */
#include "internal.h"

static void prepare(const attrib_extractor *ex, doc *d, const char *text, const char *lang)
{
    memset(d, 0, sizeof *d);
    d->text = text;
    d->len = strlen(text);
    assert_int_equal(segment_words(ex, d), ATTRIB_OK);
    assert_int_equal(lang_identify(ex, d, lang), ATTRIB_OK);
    assert_int_equal(text_prepare_tokens(d), ATTRIB_OK);
    assert_int_equal(segment_sentences(d), ATTRIB_OK);
}

/* doc_free(): a document holds more than these stages fill (spare token
 * buffers, scratch), and one way to free it keeps the test honest. */
static void release(doc *d)
{
    doc_free(d);
}

/* Every token's key is the fold of exactly its bytes in the text. */
static void assert_spans_consistent(const doc *d)
{
    for (size_t i = 0; i < DOC_NTOK(d); i++) {
        const token *t = DOC_TOK(d, i);
        assert_true(t->start < t->end && t->end <= d->len);
        if (i)
            assert_true(DOC_TOK(d, i - 1)->end <= t->start);
    }
}

static void assert_keys(const doc *d, const char *const *want, size_t n)
{
    size_t got = DOC_NTOK(d);
    if (got != n) {
        for (size_t i = 0; i < got; i++)
            print_error("  token %zu: '%s'\n", i, DOC_TOK(d, i)->key);
        fail_msg("%zu tokens, want %zu", got, n);
    }
    for (size_t i = 0; i < n; i++)
        assert_string_equal(DOC_TOK(d, i)->key, want[i]);
}

static void test_words_and_offsets(void **state)
{
    doc d;
    const char *text = "The FBI's  director SAID: \xe2\x80\x9cNo.\xe2\x80\x9d";
    prepare(*state, &d, text, "en");
    const char *want[] = {"the", "fbi", "'s", "director", "said", ":", "\xe2\x80\x9c", "no", ".",
                          "\xe2\x80\x9d"};
    assert_keys(&d, want, sizeof want / sizeof *want);
    assert_spans_consistent(&d);
    /* "FBI" and "'s" split inside one ICU word, at the apostrophe. */
    assert_int_equal(DOC_TOK(&d, 1)->start, 4);
    assert_int_equal(DOC_TOK(&d, 1)->end, 7);
    assert_int_equal(DOC_TOK(&d, 2)->start, 7);
    assert_true(DOC_TOK(&d, 1)->flags & TOK_ALLCAPS);
    assert_true(DOC_TOK(&d, 0)->flags & TOK_UPPER);
    assert_false(DOC_TOK(&d, 3)->flags & TOK_UPPER);
    release(&d);
}

static void test_french_elision(void **state)
{
    doc d;
    /* A typographic apostrophe, and a capital after the elision. */
    const char *text = "D\xe2\x80\x99" "apr\xc3\xa8s l\xe2\x80\x99" "Agence, c'est faux.";
    prepare(*state, &d, text, "fr");
    const char *want[] = {"d'", "après", "l'", "agence", ",", "c'", "est", "faux", "."};
    assert_keys(&d, want, sizeof want / sizeof *want);
    assert_spans_consistent(&d);
    /* "l’" ends after the three bytes of U+2019. */
    assert_int_equal(DOC_TOK(&d, 2)->end - DOC_TOK(&d, 2)->start, 4);
    assert_true(DOC_TOK(&d, 3)->flags & TOK_UPPER);
    release(&d);
}

static void test_folding(void **state)
{
    (void)state;
    char out[64];
    /* Decomposed e + combining acute folds to the composed form. */
    assert_int_equal(text_fold("E\xcc\x81t\xc3\xa9", 6, out, sizeof out), 5);
    assert_string_equal(out, "\xc3\xa9t\xc3\xa9");
    /* Full-width letters fold to ASCII; ß folds to ss. */
    text_fold("\xef\xbc\xa6\xef\xbc\xa2\xef\xbc\xa9", 9, out, sizeof out);
    assert_string_equal(out, "fbi");
    text_fold("Stra\xc3\x9f" "e", 7, out, sizeof out);
    assert_string_equal(out, "strasse");
    /* A key that does not fit is refused, not cut. */
    assert_int_equal(text_fold("abcdef", 6, out, 4), (size_t)-1);
}

static void test_sentences(void **state)
{
    doc d;
    const char *text = "Headline without a stop\n\nMr. Smith said it. Was it them? Yes.";
    prepare(*state, &d, text, "en");
    assert_int_equal(d.sentences.len, 4);
    assert_memory_equal(text + DOC_SENT(&d, 0)->start, "Headline without a stop", 23);
    /* "Mr." does not end a sentence. */
    assert_memory_equal(text + DOC_SENT(&d, 1)->start, "Mr. Smith said it.", 18);
    assert_int_equal(DOC_SENT(&d, 1)->end - DOC_SENT(&d, 1)->start, 18);
    assert_true(DOC_SENT(&d, 2)->question);
    assert_false(DOC_SENT(&d, 3)->question);
    for (size_t i = 0; i < DOC_NTOK(&d); i++) {
        const sentence *s = DOC_SENT(&d, DOC_TOK(&d, i)->sent);
        assert_true(s->tok_begin <= i && i < s->tok_end);
    }
    release(&d);
}

static void test_wrapped_lines(void **state)
{
    doc d;
    /* A line wrapped mid-sentence joins; a heading on its own line and a
     * sentence after a full stop do not. */
    const char *text = "Heading On One Line\nInvestigators said that the\nGrey Heron group was "
                       "behind\nthe attack. Next one.\nAnother";
    prepare(*state, &d, text, "en");
    assert_int_equal(d.sentences.len, 4);
    assert_memory_equal(text + DOC_SENT(&d, 1)->start, "Investigators", 13);
    assert_memory_equal(text + DOC_SENT(&d, 1)->end - 11, "the attack.", 11);
    release(&d);
}

static void test_closing_quote_ends_its_sentence(void **state)
{
    doc d;
    /* ICU begins the second sentence with the closing guillemet; it
     * belongs to the first. */
    const char *text = "\xc2\xab Nous n'y sommes pour rien. \xc2\xbb Moscou a d\xc3\xa9menti.";
    prepare(*state, &d, text, "fr");
    assert_int_equal(d.sentences.len, 2);
    assert_memory_equal(text + DOC_SENT(&d, 0)->end - 2, "\xc2\xbb", 2);
    assert_memory_equal(text + DOC_SENT(&d, 1)->start, "Moscou", 6);
    release(&d);
}

static void test_language(void **state)
{
    doc d;
    prepare(*state, &d, "Selon les enquêteurs, les pirates ont agi depuis l'étranger et la police "
                        "n'a pas encore confirmé.", NULL);
    assert_string_equal(d.lang->code, "fr");
    assert_true(d.lang_known);
    release(&d);
    prepare(*state, &d, "According to investigators, the hackers acted from abroad and the "
                        "police have not yet confirmed it.", NULL);
    assert_string_equal(d.lang->code, "en");
    release(&d);
    /* No words: nothing to identify. */
    prepare(*state, &d, "12 345 !!!", NULL);
    assert_false(d.lang_known);
    release(&d);
    memset(&d, 0, sizeof d);
    d.text = "x";
    d.len = 1;
    assert_int_equal(segment_words(*state, &d), ATTRIB_OK);
    assert_int_equal(lang_identify(*state, &d, "xx"), ATTRIB_ELANG);
    release(&d);
}

static void test_utf8_validation(void **state)
{
    (void)state;
    assert_int_equal(text_utf8_invalid_at("ok \xc3\xa9", 5), 5);
    assert_int_equal(text_utf8_invalid_at("a\x80", 2), 1);          /* stray continuation */
    assert_int_equal(text_utf8_invalid_at("ab\xc0\xaf", 4), 2);     /* overlong */
    assert_int_equal(text_utf8_invalid_at("\xed\xa0\x80", 3), 0);   /* surrogate */
    assert_int_equal(text_utf8_invalid_at("x\xf4\x90\x80\x80", 5), 1); /* > U+10FFFF */
    assert_int_equal(text_utf8_invalid_at("xy\xe2\x80", 4), 2);     /* truncated */
    assert_int_equal(text_utf8_invalid_at("a\0b", 3), 3);           /* NUL is text */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_words_and_offsets),
        cmocka_unit_test(test_french_elision),
        cmocka_unit_test(test_folding),
        cmocka_unit_test(test_sentences),
        cmocka_unit_test(test_wrapped_lines),
        cmocka_unit_test(test_closing_quote_ends_its_sentence),
        cmocka_unit_test(test_language),
        cmocka_unit_test(test_utf8_validation),
    };
    return cmocka_run_group_tests_name("segment", tests, extractor_setup, extractor_teardown);
}
