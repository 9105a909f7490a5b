/* The public API's contract, as attrib.h states it: arguments, statuses,
 * options, ownership, and the names of stances and kinds. */
#include "testutil.h"

/* A pointer that is not NULL and not anything: an out-parameter must be
 * overwritten with NULL on failure. */
#define JUNK ((void *)&junk_target)
static int junk_target;

static void test_null_arguments(void **state)
{
    fixture *fx = *state;
    fx_build_ok(fx);

    assert_int_equal(attrib_options_new(NULL), ATTRIB_EINVAL);
    assert_int_equal(attrib_extractor_new(NULL, NULL), ATTRIB_EINVAL);
    assert_int_equal(attrib_extractor_new(fx->options, NULL), ATTRIB_EINVAL);
    assert_int_equal(attrib_options_set_languages(NULL, "en"), ATTRIB_EINVAL);
    assert_int_equal(attrib_options_set_max_document_size(NULL, 10), ATTRIB_EINVAL);
    assert_int_equal(attrib_options_add_lexicon_file(NULL, "en", "x.txt"), ATTRIB_EINVAL);
    assert_int_equal(attrib_options_add_lexicon_file(fx->options, NULL, "x.txt"), ATTRIB_EINVAL);
    assert_int_equal(attrib_options_add_lexicon_file(fx->options, "en", NULL), ATTRIB_EINVAL);

    attrib_result *r = JUNK;
    assert_int_equal(attrib_extract(NULL, S("text"), NULL, &r), ATTRIB_EINVAL);
    assert_null(r);
    r = JUNK;
    assert_int_equal(attrib_extract(fx->extractor, NULL, 4, NULL, &r), ATTRIB_EINVAL);
    assert_null(r);
    assert_int_equal(attrib_extract(fx->extractor, S("text"), NULL, NULL), ATTRIB_EINVAL);

    char *json = JUNK;
    size_t len = 99;
    assert_int_equal(attrib_result_to_json(NULL, "id", &json, &len), ATTRIB_EINVAL);
    assert_null(json);
    r = fx_extract_ok(fx, S("Nothing happened."), "en");
    assert_int_equal(attrib_result_to_json(r, "id", NULL, &len), ATTRIB_EINVAL);
}

static void test_extractor_new_defaults(void **state)
{
    fixture *fx = *state;
    attrib_extractor *ex = JUNK;
    assert_int_equal(attrib_extractor_new(NULL, &ex), ATTRIB_OK);
    assert_non_null(ex);
    assert_ptr_not_equal(ex, JUNK);
    fx->extractor = ex;
    /* Every built-in language, and "common" is not one. */
    size_t n = attrib_extractor_language_count(ex);
    bool en = false, fr = false;
    for (size_t i = 0; i < n; i++) {
        const char *code = attrib_extractor_language(ex, i);
        assert_non_null(code);
        assert_string_not_equal(code, "common");
        en |= strcmp(code, "en") == 0;
        fr |= strcmp(code, "fr") == 0;
    }
    assert_null(attrib_extractor_language(ex, n));
    assert_true(en);
    assert_true(fr);
}

static void test_strerror(void **state)
{
    (void)state;
    for (int i = ATTRIB_OK; i <= ATTRIB_EICU; i++) {
        const char *s = attrib_strerror((attrib_status)i);
        assert_non_null(s);
        assert_true(s[0] != '\0');
        /* Each status says something of its own. */
        for (int k = ATTRIB_OK; k < i; k++)
            assert_string_not_equal(s, attrib_strerror((attrib_status)k));
    }
    const attrib_status outside[] = {(attrib_status)9, (attrib_status)1000,
                                     (attrib_status)-1};
    for (size_t i = 0; i < sizeof outside / sizeof *outside; i++) {
        const char *s = attrib_strerror(outside[i]);
        assert_non_null(s);
        assert_true(s[0] != '\0');
    }
}

static void test_version(void **state)
{
    (void)state;
    assert_string_equal(attrib_version(), ATTRIB_VERSION_STRING);
    char expect[64];
    snprintf(expect, sizeof expect, "%d.%d.%d", ATTRIB_VERSION_MAJOR, ATTRIB_VERSION_MINOR,
             ATTRIB_VERSION_PATCH);
    assert_string_equal(attrib_version(), expect);
}

static void test_frees_accept_null(void **state)
{
    (void)state;
    attrib_free(NULL);
    attrib_options_free(NULL);
    attrib_extractor_free(NULL);
    attrib_result_free(NULL);
}

static void test_one_language(void **state)
{
    fixture *fx = *state;
    assert_int_equal(attrib_options_set_languages(fx->options, "en"), ATTRIB_OK);
    fx_build_ok(fx);
    assert_int_equal(attrib_extractor_language_count(fx->extractor), 1);
    assert_string_equal(attrib_extractor_language(fx->extractor, 0), "en");
    assert_null(attrib_extractor_language(fx->extractor, 1));

    /* A hint naming a language that is not enabled: a result that says so. */
    fx_extract_fails(fx, S("Les experts ont dit que c'est faux."), "fr", ATTRIB_ELANG);
}

static void test_unknown_language(void **state)
{
    fixture *fx = *state;
    assert_int_equal(attrib_options_set_languages(fx->options, "xx"), ATTRIB_ELANG);
    assert_true(fx_error(fx)[0] != '\0');
    assert_int_equal(attrib_options_set_languages(fx->options, "en,xx"), ATTRIB_ELANG);
    assert_true(fx_error(fx)[0] != '\0');
}

static void test_lexicon_missing_file(void **state)
{
    fixture *fx = *state;
    const char *path = "/nonexistent-attrib-test/lexicon.txt";
    /* Files are read when the extractor is built. */
    assert_int_equal(attrib_options_add_lexicon_file(fx->options, "en", path), ATTRIB_OK);
    attrib_extractor *ex = JUNK;
    assert_int_equal(attrib_extractor_new(fx->options, &ex), ATTRIB_EIO);
    assert_null(ex);
    const char *err = fx_error(fx);
    assert_true(err[0] != '\0');
    assert_non_null(strstr(err, path));
}

/* The sentence of the brief's example; with the file below, its actor has
 * the canonical name the file gives. */
static const char grey_heron_text[] =
    "Investigators said the Grey Heron Collective was behind the attack.";

static void test_lexicon_runtime_file(void **state)
{
    fixture *fx = *state;
    fx_build_ok(fx);
    attrib_result *plain = fx_extract_ok(fx, S(grey_heron_text), "en");
    assert_null(find_actor(plain, "Grey Heron"));

    const char *path = fx_temp_file(fx, "# a caller's own entry\n"
                                        "Grey Heron Collective\tclass=entities\t"
                                        "canonical=Grey Heron\tkind=group\n");
    assert_int_equal(attrib_options_add_lexicon_file(fx->options, "en", path), ATTRIB_OK);
    fx_build_ok(fx);
    attrib_result *r = fx_extract_ok(fx, S(grey_heron_text), "en");
    const attrib_claim *c = must_find_actor(r, "Grey Heron");
    assert_int_equal(attrib_entity_kind(attrib_claim_actor(c)), ATTRIB_KIND_GROUP);
    assert_non_null(strstr(attrib_entity_text(attrib_claim_actor(c)), "Grey Heron Collective"));
    assert_int_equal(attrib_claim_stance(c), ATTRIB_ASSERTS);
}

/* A syntax error names the file and the line. */
static void check_lexicon_error(fixture *fx, const char *contents, int line)
{
    const char *path = fx_temp_file(fx, contents);
    assert_int_equal(attrib_options_add_lexicon_file(fx->options, "en", path), ATTRIB_OK);
    attrib_extractor *ex = JUNK;
    assert_int_equal(attrib_extractor_new(fx->options, &ex), ATTRIB_ELEXICON);
    assert_null(ex);
    char where[128];
    snprintf(where, sizeof where, "%s:%d", path, line);
    const char *err = fx_error(fx);
    if (!strstr(err, where))
        fail_msg("error \"%s\" does not name \"%s\"", err, where);
}

static void test_lexicon_syntax_error(void **state)
{
    fixture *fx = *state;
    check_lexicon_error(fx,
                        "# comment\n"
                        "Grey Heron Collective\tclass=entities\tcanonical=Grey Heron\tkind=group\n"
                        "insinuated\tclass=report\top=bogus\n",
                        3);
}

static void test_lexicon_missing_attribute(void **state)
{
    fixture *fx = *state;
    /* An entity needs its canonical name. */
    check_lexicon_error(fx, "\n\nFancy Bear\tclass=entities\tkind=group\n", 3);
}

static void test_lexicon_unknown_class(void **state)
{
    fixture *fx = *state;
    check_lexicon_error(fx, "hinted\tclass=rumours\top=suggest\n", 1);
}

static void test_max_document_size(void **state)
{
    fixture *fx = *state;
    assert_int_equal(attrib_options_set_max_document_size(fx->options, 10), ATTRIB_OK);
    fx_build_ok(fx);

    attrib_result *r = fx_extract_fails(fx, S("twenty bytes of text"), "en", ATTRIB_ETOOBIG);
    assert_null(attrib_result_claim(r, 0));
    assert_int_equal(attrib_result_error_offset(r), 0);

    /* The limit itself is allowed. */
    fx_extract_ok(fx, S("ten bytes."), "en");

    /* 0: no limit. */
    assert_int_equal(attrib_options_set_max_document_size(fx->options, 0), ATTRIB_OK);
    fx_build_ok(fx);
    fx_extract_ok(fx, S("twenty bytes of text"), "en");
}

static void test_empty_text(void **state)
{
    fixture *fx = *state;
    fx_build_ok(fx);
    const char *texts[] = {"", " ", "\n\n\t ", "."};
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        attrib_result *r = fx_extract_ok(fx, texts[i], strlen(texts[i]), NULL);
        assert_int_equal(attrib_result_claim_count(r), 0);
        assert_null(attrib_result_claim(r, 0));
        assert_string_equal(attrib_result_error(r), "");
        assert_non_null(attrib_result_lang(r));
    }
}

static void test_claim_out_of_range(void **state)
{
    fixture *fx = *state;
    fx_build_test_lexicon(fx);
    attrib_result *r = fx_extract_ok(fx, S(TEST_CLAIM), "en");
    size_t n = attrib_result_claim_count(r);
    assert_true(n >= 1);
    for (size_t i = 0; i < n; i++) {
        const attrib_claim *c = attrib_result_claim(r, i);
        assert_non_null(c);
        assert_non_null(attrib_claim_actor(c));
        assert_null(attrib_claim_via(c, attrib_claim_via_count(c)));
    }
    assert_null(attrib_result_claim(r, n));
    assert_null(attrib_result_claim(r, SIZE_MAX));
}

/* The result keeps copies: the caller's text may go at once. */
static void test_text_not_retained(void **state)
{
    fixture *fx = *state;
    fx_build_test_lexicon(fx);
    char *text = strdup(TEST_CLAIM);
    assert_non_null(text);
    attrib_result *r = fx_extract_ok(fx, text, strlen(text), "en");
    memset(text, 'x', strlen(text));
    free(text);
    const attrib_claim *c = must_find_actor(r, "Grey Heron");
    assert_non_null(strstr(attrib_entity_text(attrib_claim_actor(c)), "Collective"));
    assert_true(attrib_claim_cue_text(c)[0] != '\0');
    assert_non_null(strstr(TEST_CLAIM, attrib_claim_cue_text(c)));
    assert_non_null(attrib_claim_source(c));
    assert_string_equal(attrib_entity_canonical(attrib_claim_source(c)), "Standing Commission");
}

static void test_stance_names(void **state)
{
    (void)state;
    static const struct {
        attrib_stance stance;
        const char *name;
        int polarity;
    } rows[] = {
        {ATTRIB_ASSERTS, "asserts", 1},      {ATTRIB_SUGGESTS, "suggests", 1},
        {ATTRIB_UNCOMMITTED, "uncommitted", 0}, {ATTRIB_DOUBTS, "doubts", -1},
        {ATTRIB_DENIES, "denies", -1},
    };
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        assert_string_equal(attrib_stance_name(rows[i].stance), rows[i].name);
        assert_int_equal(attrib_stance_polarity(rows[i].stance), rows[i].polarity);
    }
    assert_null(attrib_stance_name((attrib_stance)5));
    assert_null(attrib_stance_name((attrib_stance)-1));
}

static void test_kind_names(void **state)
{
    (void)state;
    static const char *const names[] = {"unknown", "person", "organization", "state",
                                        "government", "agency", "media", "group", "described"};
    assert_int_equal(ATTRIB_KIND_DESCRIBED + 1, sizeof names / sizeof *names);
    for (int k = ATTRIB_KIND_UNKNOWN; k <= ATTRIB_KIND_DESCRIBED; k++)
        assert_string_equal(attrib_kind_name((attrib_kind)k), names[k]);
    assert_null(attrib_kind_name((attrib_kind)(ATTRIB_KIND_DESCRIBED + 1)));
    assert_null(attrib_kind_name((attrib_kind)-1));
}

static void test_language_hint_and_identification(void **state)
{
    fixture *fx = *state;
    fx_build_ok(fx);
    assert_string_equal(attrib_result_lang(fx_extract_ok(fx, S("Bonjour."), "fr")), "fr");
    assert_string_equal(attrib_result_lang(fx_extract_ok(fx, S("Bonjour."), "en")), "en");
    assert_string_equal(
        attrib_result_lang(fx_extract_ok(
            fx, S("The officials said that the company was not aware of the breach until it "
                  "was reported in the news, and they would not comment on who was behind it."),
            NULL)),
        "en");
    assert_string_equal(
        attrib_result_lang(fx_extract_ok(
            fx, S("Les responsables ont d\xC3\xA9" "clar\xC3\xA9 que l'entreprise n'\xC3\xA9tait "
                  "pas au courant de la fuite avant qu'elle ne soit rapport\xC3\xA9" "e dans la "
                  "presse, et ils n'ont pas voulu dire qui en \xC3\xA9tait responsable."),
            NULL)),
        "fr");
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, fx_setup, fx_teardown)
    const struct CMUnitTest tests[] = {
        T(test_null_arguments),
        T(test_extractor_new_defaults),
        T(test_strerror),
        T(test_version),
        T(test_frees_accept_null),
        T(test_one_language),
        T(test_unknown_language),
        T(test_lexicon_missing_file),
        T(test_lexicon_runtime_file),
        T(test_lexicon_syntax_error),
        T(test_lexicon_missing_attribute),
        T(test_lexicon_unknown_class),
        T(test_max_document_size),
        T(test_empty_text),
        T(test_claim_out_of_range),
        T(test_text_not_retained),
        T(test_stance_names),
        T(test_kind_names),
        T(test_language_hint_and_identification),
    };
    return cmocka_run_group_tests_name("api", tests, NULL, NULL);
}
