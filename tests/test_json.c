/* attrib_result_to_json, read back with jansson: the spec's keys and no
 * others, null where a value is unknown, strings that escape and come
 * back whole, the error object, and values that agree with the
 * accessors. */
#include "testutil.h" /* first: it sets the feature macros */

#include <jansson.h>

static void release_json(void *v) { json_decref(v); }

/* The JSON of R under ID, parsed strictly (one value, valid UTF-8, valid
 * escapes); the fixture's. */
static json_t *parse(fixture *fx, const attrib_result *r, const char *id)
{
    size_t len;
    const char *s = fx_json(fx, r, id, &len);
    /* One line of JSON Lines: the object carries no newline. */
    assert_null(memchr(s, '\n', len));
    json_error_t err;
    json_t *v = json_loadb(s, len, 0, &err);
    if (!v)
        fail_msg("not JSON (%s at column %d): %s", err.text, err.column, s);
    fx_own(fx, v, release_json);
    assert_true(json_is_object(v));
    return v;
}

/* O has exactly the keys of REQUIRED, plus any of OPTIONAL (both NULL
 * ended). */
static void check_keys(const char *what, const json_t *o, const char *const *required,
                       const char *const *optional)
{
    if (!json_is_object(o))
        fail_msg("%s is not an object", what);
    size_t n = 0;
    for (const char *const *k = required; *k; k++, n++)
        if (!json_object_get(o, *k))
            fail_msg("%s has no \"%s\"", what, *k);
    for (const char *const *k = optional; k && *k; k++)
        n += json_object_get(o, *k) != NULL;
    if (json_object_size(o) != n) {
        const char *key;
        json_t *v;
        json_object_foreach((json_t *)o, key, v) {
            bool known = false;
            for (const char *const *k = required; *k; k++)
                known |= strcmp(*k, key) == 0;
            for (const char *const *k = optional; k && *k; k++)
                known |= strcmp(*k, key) == 0;
            if (!known)
                fail_msg("%s has a key the spec does not name: \"%s\"", what, key);
        }
    }
}

static void check_string(const char *what, const json_t *v, const char *expect)
{
    if (!expect) {
        if (!json_is_null(v))
            fail_msg("%s should be null", what);
        return;
    }
    if (!json_is_string(v))
        fail_msg("%s should be the string \"%s\"", what, expect);
    assert_string_equal(json_string_value(v), expect);
}

static void check_span(const char *what, const json_t *o, attrib_span s)
{
    const json_t *a = json_object_get(o, "start"), *b = json_object_get(o, "end");
    if (!json_is_integer(a) || !json_is_integer(b))
        fail_msg("%s: start and end should be integers", what);
    assert_int_equal(json_integer_value(a), s.start);
    assert_int_equal(json_integer_value(b), s.end);
}

static void check_entity(const char *what, const json_t *o, const attrib_entity *e,
                         bool is_source)
{
    static const char *const keys[] = {"text", "canonical", "kind", "start", "end", NULL};
    static const char *const source_keys[] = {"text", "canonical", "kind",        "start",
                                              "end",  "affiliation", NULL};
    static const char *const affiliation[] = {"affiliation", NULL};
    check_keys(what, o, is_source ? source_keys : keys, is_source ? NULL : affiliation);
    check_string(what, json_object_get(o, "text"), attrib_entity_text(e));
    check_string(what, json_object_get(o, "canonical"), attrib_entity_canonical(e));
    attrib_kind kind = attrib_entity_kind(e);
    check_string(what, json_object_get(o, "kind"),
                 kind == ATTRIB_KIND_UNKNOWN ? NULL : attrib_kind_name(kind));
    check_span(what, o, attrib_entity_span(e));
    if (json_object_get(o, "affiliation"))
        check_string(what, json_object_get(o, "affiliation"), attrib_entity_affiliation(e));
}

/* Every key and value of the JSON of R against the accessors. */
static void check_result_json(const json_t *v, const attrib_result *r, const char *id)
{
    static const char *const top[] = {"id", "lang", "claims", NULL};
    static const char *const claim_keys[] = {"source", "via",        "actor",    "event",
                                             "stance", "confidence", "cue",      "sentence",
                                             "self",   NULL};
    static const char *const text_span[] = {"text", "start", "end", NULL};
    static const char *const span[] = {"start", "end", NULL};
    check_keys("result", v, top, NULL);
    check_string("id", json_object_get(v, "id"), id);
    check_string("lang", json_object_get(v, "lang"), attrib_result_lang(r));
    const json_t *claims = json_object_get(v, "claims");
    assert_true(json_is_array(claims));
    assert_int_equal(json_array_size(claims), attrib_result_claim_count(r));

    for (size_t i = 0; i < json_array_size(claims); i++) {
        const json_t *o = json_array_get(claims, i);
        const attrib_claim *c = attrib_result_claim(r, i);
        check_keys("claim", o, claim_keys, NULL);

        const json_t *source = json_object_get(o, "source");
        if (attrib_claim_source(c))
            check_entity("source", source, attrib_claim_source(c), true);
        else if (!json_is_null(source))
            check_string("source kind", json_object_get(source, "kind"), "unattributed");

        const json_t *via = json_object_get(o, "via");
        assert_true(json_is_array(via));
        assert_int_equal(json_array_size(via), attrib_claim_via_count(c));
        for (size_t k = 0; k < json_array_size(via); k++)
            check_entity("via", json_array_get(via, k), attrib_claim_via(c, k), false);

        check_entity("actor", json_object_get(o, "actor"), attrib_claim_actor(c), false);

        const json_t *event = json_object_get(o, "event");
        if (attrib_claim_event_text(c)) {
            check_keys("event", event, text_span, NULL);
            check_string("event", json_object_get(event, "text"), attrib_claim_event_text(c));
            check_span("event", event, attrib_claim_event(c));
        } else {
            assert_true(json_is_null(event));
        }

        check_string("stance", json_object_get(o, "stance"),
                     attrib_stance_name(attrib_claim_stance(c)));
        const json_t *conf = json_object_get(o, "confidence");
        assert_true(json_is_number(conf));
        double cv = json_number_value(conf);
        assert_true(cv >= 0.0 && cv <= 1.0);
        double diff = cv - attrib_claim_confidence(c);
        assert_true(diff <= 0.005 + 1e-9 && diff >= -0.005 - 1e-9); /* two decimals */

        const json_t *cue = json_object_get(o, "cue");
        check_keys("cue", cue, text_span, NULL);
        check_string("cue", json_object_get(cue, "text"), attrib_claim_cue_text(c));
        check_span("cue", cue, attrib_claim_cue(c));

        const json_t *sentence = json_object_get(o, "sentence");
        check_keys("sentence", sentence, span, NULL);
        check_span("sentence", sentence, attrib_claim_sentence(c));

        const json_t *self = json_object_get(o, "self");
        assert_true(json_is_boolean(self));
        assert_int_equal(json_is_true(self), attrib_claim_is_self(c));
    }
}

static void test_claim_keys_and_values(void **state)
{
    fixture *fx = *state;
    fx_build_test_lexicon(fx);
    attrib_result *r = fx_extract_ok(
        fx, S("A quiet week ended. " TEST_CLAIM " Nothing else was said about the attack."),
        "en");
    const attrib_claim *c = must_find_actor(r, "Grey Heron");

    json_t *v = parse(fx, r, "doc-1");
    check_result_json(v, r, "doc-1");
    /* The claim as the spec writes it. */
    const json_t *claims = json_object_get(v, "claims");
    const json_t *o = NULL;
    for (size_t i = 0; i < json_array_size(claims); i++)
        if (attrib_result_claim(r, i) == c)
            o = json_array_get(claims, i);
    assert_non_null(o);
    check_string("stance", json_object_get(o, "stance"), "asserts");
    check_string("actor kind", json_object_get(json_object_get(o, "actor"), "kind"), "group");
    check_string("source", json_object_get(json_object_get(o, "source"), "canonical"),
                 "Standing Commission");
    check_string("affiliation", json_object_get(json_object_get(o, "source"), "affiliation"),
                 NULL);
}

static void test_unattributed_source(void **state)
{
    fixture *fx = *state;
    fx_build_test_lexicon(fx);
    attrib_result *r =
        fx_extract_ok(fx, S("The Grey H\xC3\xA9ron Collective was behind the attack."), "en");
    const attrib_claim *c = must_find_actor(r, "Grey Heron");
    assert_null(attrib_claim_source(c));
    json_t *v = parse(fx, r, "doc-2");
    check_result_json(v, r, "doc-2");
}

static void test_null_id(void **state)
{
    fixture *fx = *state;
    fx_build_ok(fx);
    attrib_result *r = fx_extract_ok(fx, S("Nothing happened."), "en");
    json_t *v = parse(fx, r, NULL);
    const json_t *id = json_object_get(v, "id");
    assert_non_null(id);
    assert_true(json_is_null(id));
    check_result_json(v, r, NULL);
}

static void test_no_claims(void **state)
{
    fixture *fx = *state;
    fx_build_ok(fx);
    attrib_result *r = fx_extract_ok(fx, S(""), NULL);
    json_t *v = parse(fx, r, "empty");
    check_result_json(v, r, "empty");
    assert_int_equal(json_array_size(json_object_get(v, "claims")), 0);
}

/* Ids that need every kind of escape come back byte for byte. */
static void test_string_escapes(void **state)
{
    fixture *fx = *state;
    fx_build_ok(fx);
    attrib_result *r = fx_extract_ok(fx, S("Nothing happened."), "en");
    static const char *const ids[] = {
        "plain",
        "",
        "a \"quoted\" id",
        "back\\slash\\",
        "\\u0041 is not an escape here",
        "tab\there, newline\nthere, return\r, \b\f",
        "\x01\x02\x1F control \x7F",
        "</script>",
        "caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x94\xA5 \xE6\x97\xA5 e\xCC\x81",
        "\xE2\x80\xA8 line and paragraph separators \xE2\x80\xA9",
    };
    for (size_t i = 0; i < sizeof ids / sizeof *ids; i++) {
        json_t *v = parse(fx, r, ids[i]);
        check_string("id", json_object_get(v, "id"), ids[i]);
        }
    /* Every ASCII byte, each escaped or not as it must be (json.c decides
     * by a table). */
    char all[128];
    for (int c = 1; c < 128; c++)
        all[c - 1] = (char)c;
    all[127] = '\0';
    check_string("id", json_object_get(parse(fx, r, all), "id"), all);
}

/* An id that is not UTF-8 would make invalid JSON: it is refused. */
static void test_invalid_id(void **state)
{
    fixture *fx = *state;
    fx_build_ok(fx);
    attrib_result *r = fx_extract_ok(fx, S("Nothing happened."), "en");
    static const char *const ids[] = {
        "\xFF", "ok \xC3", "\xC0\xAF overlong", "\xED\xA0\x80 surrogate", "\xF4\x90\x80\x80",
    };
    for (size_t i = 0; i < sizeof ids / sizeof *ids; i++) {
        char *json = (char *)1;
        size_t len = 1;
        assert_int_equal(attrib_result_to_json(r, ids[i], &json, &len), ATTRIB_EUTF8);
        assert_null(json);
        assert_int_equal(len, 0);
    }
}

/* Words of the document that need escaping: a name whose words stand
 * apart by a tab and a form feed (white space that ends no sentence). */
static void test_text_escapes(void **state)
{
    fixture *fx = *state;
    fx_build_test_lexicon(fx);
    static const char text[] = "The St\xC3\xA4ndige Kommission said the Grey\tH\xC3\xA9ron\f"
                               "Collective was behind the attack.";
    attrib_result *r = fx_extract_ok(fx, S(text), "en");
    const attrib_claim *c = must_find_actor(r, "Grey Heron");
    assert_non_null(strchr(attrib_entity_text(attrib_claim_actor(c)), '\t'));
    assert_non_null(strchr(attrib_entity_text(attrib_claim_actor(c)), '\f'));
    json_t *v = parse(fx, r, "wrapped");
    check_result_json(v, r, "wrapped");
}

static void check_error_json(fixture *fx, const attrib_result *r, const char *id)
{
    static const char *const keys[] = {"id", "error", NULL};
    json_t *v = parse(fx, r, id);
    check_keys("error object", v, keys, NULL);
    check_string("id", json_object_get(v, "id"), id);
    const json_t *error = json_object_get(v, "error");
    assert_true(json_is_string(error));
    assert_true(json_string_length(error) > 0);
    assert_string_equal(json_string_value(error), attrib_result_error(r));
}

static void test_error_object(void **state)
{
    fixture *fx = *state;
    assert_int_equal(attrib_options_set_max_document_size(fx->options, 8), ATTRIB_OK);
    fx_build_ok(fx);

    attrib_status st;
    attrib_result *big = fx_extract(fx, S("more than eight bytes"), "en", &st);
    assert_int_equal(st, ATTRIB_ETOOBIG);
    check_error_json(fx, big, "too-big");
    check_error_json(fx, big, NULL);

    attrib_result *bad = fx_extract(fx, S("ab\xFF"), "en", &st);
    assert_int_equal(st, ATTRIB_EUTF8);
    check_error_json(fx, bad, "bad \"utf-8\"");
}

/* The same text gives the same bytes. */
static void test_deterministic(void **state)
{
    fixture *fx = *state;
    fx_build_test_lexicon(fx);
    attrib_result *a = fx_extract_ok(fx, S(TEST_CLAIM), "en");
    attrib_result *b = fx_extract_ok(fx, S(TEST_CLAIM), "en");
    assert_string_equal(fx_json(fx, a, "x", NULL), fx_json(fx, b, "x", NULL));
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, fx_setup, fx_teardown)
    const struct CMUnitTest tests[] = {
        T(test_claim_keys_and_values),
        T(test_unattributed_source),
        T(test_null_id),
        T(test_no_claims),
        T(test_string_escapes),
        T(test_invalid_id),
        T(test_text_escapes),
        T(test_error_object),
        T(test_deterministic),
    };
    return cmocka_run_group_tests_name("json", tests, NULL, NULL);
}
