/* The corpus: positions by actor, contested actors, affiliations, rival
 * attributions, JSON in and out, and the independence of all of it from
 * the order documents arrive in. Most cases are written as results' JSON,
 * so that they test the corpus and not the extractor; one goes through
 * attrib_extract() to check that a result's sentences become evidence. */
#include "testutil.h"

/* Three invented reports about one invented breach. */
static const char doc_a[] =
    "{\"id\": \"a\", \"lang\": \"en\", \"claims\": ["
    "{\"source\": {\"text\": \"the bureau\", \"canonical\": \"FBI\", \"kind\": \"agency\","
    " \"start\": 0, \"end\": 10, \"affiliation\": null}, \"via\": [],"
    " \"actor\": {\"text\": \"Ruritania\", \"canonical\": \"Ruritania\", \"kind\": \"state\","
    " \"start\": 20, \"end\": 29}, \"event\": {\"text\": \"the Acme breach\", \"start\": 40, \"end\": 55},"
    " \"stance\": \"asserts\", \"confidence\": 0.9, \"cue\": {\"text\": \"blamed\", \"start\": 11, \"end\": 17},"
    " \"sentence\": {\"start\": 0, \"end\": 56}, \"self\": false},"
    "{\"source\": {\"text\": \"Ann Lee\", \"canonical\": \"Ann Lee\", \"kind\": \"person\","
    " \"start\": 60, \"end\": 67, \"affiliation\": \"Vigil Labs\"}, \"via\": [],"
    " \"actor\": {\"text\": \"an insider\", \"canonical\": \"insider\", \"kind\": \"described\","
    " \"start\": 80, \"end\": 90}, \"event\": null,"
    " \"stance\": \"suggests\", \"confidence\": 0.7, \"cue\": {\"text\": \"believes\", \"start\": 68, \"end\": 76},"
    " \"sentence\": {\"start\": 60, \"end\": 100, \"text\": \"Ann Lee believes an insider did it.\"},"
    " \"self\": false}]}";

static const char doc_b[] =
    "{\"id\": \"b\", \"lang\": \"fr\", \"claims\": ["
    "{\"source\": {\"text\": \"des experts\", \"canonical\": \"experts\", \"kind\": \"described\","
    " \"start\": 0, \"end\": 11, \"affiliation\": null}, \"via\": [],"
    " \"actor\": {\"text\": \"la Ruritanie\", \"canonical\": \"Ruritania\", \"kind\": \"state\","
    " \"start\": 30, \"end\": 42}, \"event\": {\"text\": \"le piratage d'Acme\", \"start\": 50, \"end\": 68},"
    " \"stance\": \"doubts\", \"confidence\": 0.8, \"cue\": {\"text\": \"doutent\", \"start\": 12, \"end\": 19},"
    " \"sentence\": {\"start\": 0, \"end\": 70}, \"self\": false},"
    "{\"source\": {\"text\": \"Vigil Labs\", \"canonical\": \"Vigil Labs\", \"kind\": \"organization\","
    " \"start\": 80, \"end\": 90, \"affiliation\": null}, \"via\": [],"
    " \"actor\": {\"text\": \"un initié\", \"canonical\": \"insider\", \"kind\": \"described\","
    " \"start\": 100, \"end\": 109}, \"event\": null,"
    " \"stance\": \"asserts\", \"confidence\": 0.8, \"cue\": {\"text\": \"affirme\", \"start\": 91, \"end\": 98},"
    " \"sentence\": {\"start\": 80, \"end\": 120}, \"self\": false},"
    "{\"source\": null, \"via\": [],"
    " \"actor\": {\"text\": \"la Ruritanie\", \"canonical\": \"Ruritania\", \"kind\": \"state\","
    " \"start\": 130, \"end\": 142}, \"event\": null,"
    " \"stance\": \"doubts\", \"confidence\": 0.5, \"cue\": {\"text\": \"peu probable\", \"start\": 121, \"end\": 129},"
    " \"sentence\": {\"start\": 121, \"end\": 150}, \"self\": false}]}";

static const char doc_c[] = "{\"id\": \"c\", \"error\": \"invalid UTF-8 at byte 3\"}";

static attrib_corpus *corpus_of(fixture *fx, const char *const *docs, size_t n)
{
    attrib_corpus *c = NULL;
    assert_int_equal(attrib_corpus_new(&c), ATTRIB_OK);
    fx_own(fx, c, (void (*)(void *))attrib_corpus_free);
    for (size_t i = 0; i < n; i++) {
        attrib_status st = attrib_corpus_add_json(c, docs[i], strlen(docs[i]));
        if (st != ATTRIB_OK)
            fail_msg("%s: %s", attrib_strerror(st), attrib_corpus_error(c));
    }
    return c;
}

static char *corpus_json(fixture *fx, const attrib_corpus *c)
{
    char *json = NULL;
    size_t len = 0;
    assert_int_equal(attrib_corpus_to_json(c, &json, &len), ATTRIB_OK);
    assert_non_null(json);
    assert_int_equal(len, strlen(json));
    return fx_own(fx, json, attrib_free);
}

static size_t actor_index(const attrib_corpus *c, const char *name)
{
    for (size_t i = 0; i < attrib_corpus_actor_count(c); i++)
        if (strcmp(attrib_corpus_actor(c, i), name) == 0)
            return i;
    fail_msg("no actor %s", name);
    return 0;
}

static void test_null_arguments(void **state)
{
    (void)state;
    attrib_corpus *c = NULL;
    assert_int_equal(attrib_corpus_new(NULL), ATTRIB_EINVAL);
    attrib_corpus_free(NULL);
    assert_int_equal(attrib_corpus_new(&c), ATTRIB_OK);
    assert_int_equal(attrib_corpus_add(c, "x", NULL), ATTRIB_EINVAL);
    assert_int_equal(attrib_corpus_add_json(c, NULL, 3), ATTRIB_EINVAL);
    assert_int_equal(attrib_corpus_add_json(NULL, S("{}")), ATTRIB_EINVAL);
    assert_int_equal(attrib_corpus_merge(c, c), ATTRIB_EINVAL);
    assert_int_equal(attrib_corpus_to_json(c, NULL, NULL), ATTRIB_EINVAL);
    assert_int_equal(attrib_corpus_actor_count(NULL), 0);
    assert_null(attrib_corpus_actor(c, 0));
    assert_null(attrib_corpus_position(c, 0, 0));
    assert_null(attrib_position_source(NULL));
    assert_null(attrib_evidence_document(NULL));
    assert_string_equal(attrib_corpus_error(NULL), "");
    char *json = NULL;
    assert_int_equal(attrib_corpus_to_json(c, &json, NULL), ATTRIB_OK);
    assert_string_equal(json, "{\"documents\": [], \"actors\": [], \"contested\": [], "
                              "\"affiliations\": [], \"rivals\": []}");
    attrib_free(json);
    attrib_corpus_free(c);
}

static void test_positions_by_actor(void **state)
{
    const char *const docs[] = {doc_a, doc_b, doc_c};
    attrib_corpus *c = corpus_of(*state, docs, 3);
    assert_int_equal(attrib_corpus_document_count(c), 3);
    assert_string_equal(attrib_corpus_document(c, 2), "c");
    assert_int_equal(attrib_corpus_actor_count(c), 2);
    /* Ruritania has three sources (FBI, experts, unattributed): first. */
    assert_string_equal(attrib_corpus_actor(c, 0), "Ruritania");
    assert_int_equal(attrib_corpus_actor_kind(c, 0), ATTRIB_KIND_STATE);
    assert_int_equal(attrib_corpus_position_count(c, 0), 3);
    const attrib_position *p = attrib_corpus_position(c, 0, 0);
    assert_string_equal(attrib_position_source(p), "FBI");
    assert_int_equal(attrib_position_source_kind(p), ATTRIB_KIND_AGENCY);
    assert_int_equal(attrib_position_stance(p), ATTRIB_ASSERTS);
    assert_int_equal(attrib_position_evidence_count(p), 1);
    const attrib_evidence *e = attrib_position_evidence(p, 0);
    assert_string_equal(attrib_evidence_document(e), "a");
    assert_string_equal(attrib_evidence_source_text(e), "the bureau");
    assert_string_equal(attrib_evidence_cue(e), "blamed");
    assert_string_equal(attrib_evidence_event(e), "the Acme breach");
    assert_null(attrib_evidence_sentence(e));
    /* Same stance: by source name, unattributed last. */
    p = attrib_corpus_position(c, 0, 1);
    assert_string_equal(attrib_position_source(p), "experts");
    assert_int_equal(attrib_position_stance(p), ATTRIB_DOUBTS);
    p = attrib_corpus_position(c, 0, 2);
    assert_null(attrib_position_source(p));
    assert_null(attrib_corpus_position(c, 0, 3));
    /* The insider: a sentence given in the JSON is its evidence. */
    size_t ins = actor_index(c, "insider");
    p = attrib_corpus_position(c, ins, 1);
    assert_string_equal(attrib_position_source(p), "Ann Lee");
    assert_string_equal(attrib_position_affiliation(p), "Vigil Labs");
    assert_string_equal(attrib_evidence_sentence(attrib_position_evidence(p, 0)),
                        "Ann Lee believes an insider did it.");
}

static void test_contested_affiliations_rivals(void **state)
{
    const char *const docs[] = {doc_a, doc_b};
    attrib_corpus *c = corpus_of(*state, docs, 2);
    size_t ru = actor_index(c, "Ruritania"), ins = actor_index(c, "insider");
    /* Unattributed doubt does not count as a source. */
    assert_int_equal(attrib_corpus_actor_sources(c, ru, +1), 1);
    assert_int_equal(attrib_corpus_actor_sources(c, ru, -1), 1);
    assert_true(attrib_corpus_actor_contested(c, ru));
    assert_false(attrib_corpus_actor_contested(c, ins));
    assert_int_equal(attrib_corpus_contested_count(c), 1);
    assert_int_equal(attrib_corpus_contested(c, 0), ru);

    assert_int_equal(attrib_corpus_affiliation_count(c), 1);
    assert_string_equal(attrib_corpus_affiliation(c, 0), "Vigil Labs");
    assert_int_equal(attrib_corpus_affiliation_source_count(c, 0), 2);
    assert_string_equal(attrib_corpus_affiliation_source(c, 0, 0), "Ann Lee");
    assert_string_equal(attrib_corpus_affiliation_source(c, 0, 1), "Vigil Labs");

    /* The FBI names "Acme" as the victim; the insider claims name no
     * event, so may be about Acme's too: the FBI and two others assert
     * rival actors. The experts' doubt is no attribution. */
    assert_int_equal(attrib_corpus_rival_count(c), 1);
    assert_string_equal(attrib_corpus_rival_event(c, 0), "Acme");
    assert_int_equal(attrib_corpus_rival_position_count(c, 0), 3);
    assert_string_equal(attrib_position_source(attrib_corpus_rival_position(c, 0, 0)), "FBI");

    /* Without the FBI's claim no victim is named: one story, one actor
     * asserted, no rival. */
    const char *const only_b[] = {doc_b};
    assert_int_equal(attrib_corpus_rival_count(corpus_of(*state, only_b, 1)), 0);
}

static void test_rivals_by_victim(void **state)
{
    /* Two sources blame two actors for the same victim's breach. */
    static const char x[] =
        "{\"id\": \"x\", \"claims\": [{\"source\": {\"text\": \"P\", \"canonical\": \"P\"},"
        " \"actor\": {\"text\": \"Q\", \"canonical\": \"Q\"}, \"stance\": \"asserts\","
        " \"event\": {\"text\": \"The Acme breach\"}},"
        " {\"source\": {\"text\": \"R\", \"canonical\": \"R\"},"
        " \"actor\": {\"text\": \"S\", \"canonical\": \"S\"}, \"stance\": \"suggests\","
        " \"event\": {\"text\": \"the hack of Acme\"}},"
        " {\"source\": {\"text\": \"T\", \"canonical\": \"T\"},"
        " \"actor\": {\"text\": \"U\", \"canonical\": \"U\"}, \"stance\": \"denies\","
        " \"event\": {\"text\": \"the hack of Acme\"}}]}";
    const char *const docs[] = {x};
    attrib_corpus *c = corpus_of(*state, docs, 1);
    assert_int_equal(attrib_corpus_rival_count(c), 1);
    assert_string_equal(attrib_corpus_rival_event(c, 0), "Acme");
    assert_int_equal(attrib_corpus_rival_position_count(c, 0), 2);
    assert_string_equal(attrib_position_actor(attrib_corpus_rival_position(c, 0, 0)), "Q");
    assert_string_equal(attrib_position_actor(attrib_corpus_rival_position(c, 0, 1)), "S");
}

static void test_order_independent(void **state)
{
    fixture *fx = *state;
    const char *const forward[] = {doc_a, doc_b, doc_c}, *const backward[] = {doc_c, doc_b, doc_a};
    const char *j1 = corpus_json(fx, corpus_of(fx, forward, 3));
    const char *j2 = corpus_json(fx, corpus_of(fx, backward, 3));
    assert_string_equal(j1, j2);
    /* Merging partial corpora gives the same as adding to one. */
    attrib_corpus *m = corpus_of(fx, backward, 1);
    assert_int_equal(attrib_corpus_merge(m, corpus_of(fx, backward + 1, 2)), ATTRIB_OK);
    assert_string_equal(corpus_json(fx, m), j1);
    assert_non_null(strstr(j1, "\"contested\": [\"Ruritania\"]"));
}

/* One claim: SOURCE (of KIND) STANCE ACTOR, as a result's JSON. */
#define ONE_CLAIM(id, source, kind, stance, actor)                                              \
    "{\"id\": \"" id "\", \"claims\": [{\"source\": {\"text\": \"" source              \
    "\", \"canonical\": \"" source "\", \"kind\": \"" kind "\", \"affiliation\": null},"   \
    " \"actor\": {\"text\": \"" actor "\", \"canonical\": \"" actor "\", \"kind\": \"state\"},"     \
    " \"stance\": \"" stance "\"}]}"

static bool has_source(const attrib_corpus *c, const char *source)
{
    for (size_t a = 0; a < attrib_corpus_actor_count(c); a++)
        for (size_t p = 0; p < attrib_corpus_position_count(c, a); p++)
            if (attrib_position_source(attrib_corpus_position(c, a, p)) &&
                strcmp(attrib_position_source(attrib_corpus_position(c, a, p)), source) == 0)
                return true;
    return false;
}

/* "Vigil" in one document and "Vigil Labs" in another are one source;
 * "Lee" and "Ann Lee" too (a person by the last name); with "Vigil Works"
 * as well, "Vigil" could be either and stays as it is. */
static void test_short_names(void **state)
{
    fixture *fx = *state;
    const char *const docs[] = {
        ONE_CLAIM("x", "Vigil", "organization", "asserts", "Ruritania"),
        ONE_CLAIM("y", "Vigil Labs", "organization", "doubts", "Freedonia"),
        ONE_CLAIM("z", "Lee", "organization", "asserts", "Ruritania"),
        ONE_CLAIM("w", "Ann Lee", "person", "asserts", "Freedonia"),
        ONE_CLAIM("v", "Vigil Works", "organization", "asserts", "Freedonia"),
    };
    attrib_corpus *c = corpus_of(fx, docs, 4);
    assert_true(has_source(c, "Vigil Labs"));
    assert_false(has_source(c, "Vigil"));
    assert_true(has_source(c, "Ann Lee"));
    assert_false(has_source(c, "Lee"));
    /* Every view follows: Ruritania's sources are Vigil Labs and Ann Lee. */
    size_t r = actor_index(c, "Ruritania");
    assert_int_equal(attrib_corpus_position_count(c, r), 2);
    assert_string_equal(attrib_position_source(attrib_corpus_position(c, r, 0)), "Ann Lee");
    /* A new document makes "Vigil" ambiguous: the document's name again. */
    assert_int_equal(attrib_corpus_add_json(c, docs[4], strlen(docs[4])), ATTRIB_OK);
    assert_true(has_source(c, "Vigil"));
    assert_true(has_source(c, "Ann Lee"));
    assert_false(has_source(c, "Lee"));
}

static void test_bad_input(void **state)
{
    const char *const docs[] = {doc_a};
    attrib_corpus *c = corpus_of(*state, docs, 1);
    const char *before = corpus_json(*state, c);
    assert_int_equal(attrib_corpus_add_json(c, S("{\"id\": \"z\", \"claims\": [")), ATTRIB_EINVAL);
    assert_true(attrib_corpus_error(c)[0] != '\0');
    assert_int_equal(attrib_corpus_add_json(c, S("{\"claims\": []}")), ATTRIB_EINVAL);
    assert_non_null(strstr(attrib_corpus_error(c), "id"));
    assert_int_equal(attrib_corpus_add_json(c, S("{\"id\": \"z\"}")), ATTRIB_EINVAL);
    assert_int_equal(attrib_corpus_add_json(
                         c, S("{\"id\": \"z\", \"claims\": [{\"actor\": {\"canonical\": \"Q\"},"
                              " \"stance\": \"asserts\"}, {\"actor\": {\"canonical\": \"R\"},"
                              " \"stance\": \"maybe\"}]}")),
                     ATTRIB_EINVAL);
    assert_non_null(strstr(attrib_corpus_error(c), "maybe"));
    /* A document already held. */
    assert_int_equal(attrib_corpus_add_json(c, doc_a, strlen(doc_a)), ATTRIB_EINVAL);
    assert_non_null(strstr(attrib_corpus_error(c), "already"));
    const char *const again[] = {doc_a};
    assert_int_equal(attrib_corpus_merge(c, corpus_of(*state, again, 1)), ATTRIB_EINVAL);
    /* Nothing of the failed adds was kept. */
    assert_string_equal(corpus_json(*state, c), before);
    assert_int_equal(attrib_corpus_add_json(c, S("{\"id\": \"z\", \"claims\": []}")), ATTRIB_OK);
    assert_string_equal(attrib_corpus_error(c), "");
    assert_int_equal(attrib_corpus_document_count(c), 2);
}

static void test_from_results(void **state)
{
    fixture *fx = *state;
    fx_build_ok(fx);
    static const char t1[] = "The FBI said North Korea was behind the attack.";
    static const char t2[] = "Nothing happened today.";
    attrib_result *r1 = fx_extract_ok(fx, S(t1), "en"), *r2 = fx_extract_ok(fx, S(t2), "en");
    assert_true(attrib_result_claim_count(r1) > 0);
    attrib_corpus *c = corpus_of(fx, NULL, 0);
    assert_int_equal(attrib_corpus_add(c, "one", r1), ATTRIB_OK);
    assert_int_equal(attrib_corpus_add(c, "two", r2), ATTRIB_OK);
    assert_int_equal(attrib_corpus_add(c, "one", r2), ATTRIB_EINVAL);
    assert_int_equal(attrib_corpus_add(c, "", r2), ATTRIB_EINVAL);
    assert_int_equal(attrib_corpus_document_count(c), 2);
    size_t nk = actor_index(c, "North Korea");
    const attrib_position *p = attrib_corpus_position(c, nk, 0);
    assert_string_equal(attrib_position_source(p), "FBI");
    const attrib_evidence *e = attrib_position_evidence(p, 0);
    assert_string_equal(attrib_evidence_sentence(e), t1);
    assert_int_equal(attrib_evidence_sentence_span(e).end, sizeof t1 - 1);
    assert_string_equal(attrib_evidence_document(e), "one");
    /* The result's own JSON, read back, gives the same positions. */
    attrib_corpus *d = corpus_of(fx, NULL, 0);
    size_t len;
    const char *json = fx_json(fx, r1, "one", &len);
    assert_int_equal(attrib_corpus_add_json(d, json, len), ATTRIB_OK);
    assert_string_equal(attrib_position_source(attrib_corpus_position(d, 0, 0)), "FBI");
    assert_string_equal(attrib_corpus_actor(d, 0), "North Korea");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_null_arguments),
        cmocka_unit_test_setup_teardown(test_positions_by_actor, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_contested_affiliations_rivals, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_rivals_by_victim, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_order_independent, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_short_names, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_bad_input, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_from_results, fx_setup, fx_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
