/* Claim assembly (claims.c) through the public API: what the sentence
 * tables cannot see. The via chain, the self flag, events, cue spans, the
 * rule that made a claim, quotations that run over sentences, pronouns
 * bound to their speaker, and a run-time lexicon line that changes what a
 * cue does. Sentences are the project's own. */
#include "testutil.h"

static const attrib_claim *only_claim(const attrib_result *r)
{
    if (attrib_result_claim_count(r) != 1) {
        for (size_t i = 0; i < attrib_result_claim_count(r); i++) {
            const attrib_claim *c = attrib_result_claim(r, i);
            const attrib_entity *s = attrib_claim_source(c);
            print_error("  claim %zu: %s -> %s %s (%s)\n", i, s ? attrib_entity_canonical(s) : "-",
                        attrib_entity_canonical(attrib_claim_actor(c)),
                        attrib_stance_name(attrib_claim_stance(c)), attrib_claim_rule(c));
        }
        fail_msg("%zu claims, want 1", attrib_result_claim_count(r));
    }
    return attrib_result_claim(r, 0);
}

static void assert_span_text(const char *text, attrib_span s, const char *want)
{
    assert_int_equal(s.end - s.start, strlen(want));
    assert_memory_equal(text + s.start, want, strlen(want));
}

static void test_via_chain(void **state)
{
    fixture *fx = *state;
    fx_build_ok(fx);
    const char text[] = "According to Reuters, the ministry said that Iran was behind the outage.";
    const attrib_claim *c = only_claim(fx_extract_ok(fx, S(text), "en"));
    assert_string_equal(attrib_entity_text(attrib_claim_source(c)), "the ministry");
    assert_int_equal(attrib_claim_via_count(c), 1);
    assert_string_equal(attrib_entity_canonical(attrib_claim_via(c, 0)), "Reuters");
    assert_null(attrib_claim_via(c, 1));
    assert_string_equal(attrib_claim_rule(c), "report+resp");
}

static void test_told_outlet_is_via(void **state)
{
    fixture *fx = *state;
    fx_build_ok(fx);
    const char text[] = "The minister told Reuters that Iran was behind the outage.";
    const attrib_claim *c = only_claim(fx_extract_ok(fx, S(text), "en"));
    assert_string_equal(attrib_entity_text(attrib_claim_source(c)), "The minister");
    assert_int_equal(attrib_claim_via_count(c), 1);
    assert_string_equal(attrib_entity_canonical(attrib_claim_via(c, 0)), "Reuters");
}

static void test_self_denial_and_flag(void **state)
{
    fixture *fx = *state;
    fx_build_ok(fx);
    const char text[] = "Moscow denied any involvement in the sabotage.";
    const attrib_claim *c = only_claim(fx_extract_ok(fx, S(text), "en"));
    assert_true(attrib_claim_is_self(c));
    assert_int_equal(attrib_claim_stance(c), ATTRIB_DENIES);
    assert_string_equal(attrib_entity_canonical(attrib_claim_source(c)), "Russia");
    assert_string_equal(attrib_entity_canonical(attrib_claim_actor(c)), "Russia");
    /* The denial carries the stance, so the cue is the denial. */
    assert_span_text(text, attrib_claim_cue(c), "denied");
}

static void test_pronoun_binds_to_speaker(void **state)
{
    fixture *fx = *state;
    fx_build_ok(fx);
    /* The nearest earlier party is the FBI; "it" is the one who denies. */
    const char text[] = "After the FBI named it, Pyongyang denied that it was behind the hack.";
    const attrib_result *r = fx_extract_ok(fx, S(text), "en");
    const attrib_claim *c = must_find_actor(r, "North Korea");
    assert_string_equal(attrib_entity_canonical(attrib_claim_source(c)), "North Korea");
    assert_true(attrib_claim_is_self(c));
    assert_int_equal(attrib_claim_stance(c), ATTRIB_DENIES);
}

static void test_event_span(void **state)
{
    fixture *fx = *state;
    fx_build_ok(fx);
    const char text[] = "Investigators said North Korea was behind the Sony hack.";
    const attrib_claim *c = only_claim(fx_extract_ok(fx, S(text), "en"));
    assert_string_equal(attrib_claim_event_text(c), "the Sony hack");
    assert_span_text(text, attrib_claim_event(c), "the Sony hack");
    assert_span_text(text, attrib_claim_sentence(c), text);
}

static void test_no_event(void **state)
{
    fixture *fx = *state;
    fx_build_ok(fx);
    const char text[] = "Investigators said North Korea was behind it.";
    const attrib_claim *c = only_claim(fx_extract_ok(fx, S(text), "en"));
    assert_null(attrib_claim_event_text(c));
    attrib_span e = attrib_claim_event(c);
    assert_int_equal(e.start, 0);
    assert_int_equal(e.end, 0);
}

static void test_quote_over_sentences(void **state)
{
    fixture *fx = *state;
    fx_build_ok(fx);
    /* The speaker stands before a quotation of two sentences; the claim is
     * in the second. */
    const char text[] = "The director said: \xE2\x80\x9CWe looked for months. Iran carried out "
                        "this attack.\xE2\x80\x9D";
    const attrib_claim *c = only_claim(fx_extract_ok(fx, S(text), "en"));
    assert_string_equal(attrib_entity_text(attrib_claim_source(c)), "The director");
    assert_string_equal(attrib_entity_canonical(attrib_claim_actor(c)), "Iran");
    assert_string_equal(attrib_claim_rule(c), "quote+resp");
    /* The claim's sentence is the one that holds the predicate. */
    assert_span_text(text, attrib_claim_sentence(c), "Iran carried out this attack.\xE2\x80\x9D");
}

static void test_unknown_speaker_quote_gives_nothing(void **state)
{
    fixture *fx = *state;
    fx_build_ok(fx);
    /* Somebody's words, but nobody is named: not the writer's claim. */
    const char text[] = "\xE2\x80\x9CIran carried out this attack.\xE2\x80\x9D";
    assert_int_equal(attrib_result_claim_count(fx_extract_ok(fx, S(text), "en")), 0);
}

static void test_unattributed_is_null_source(void **state)
{
    fixture *fx = *state;
    fx_build_ok(fx);
    const char text[] = "The attack was carried out by Iran.";
    const attrib_claim *c = only_claim(fx_extract_ok(fx, S(text), "en"));
    assert_null(attrib_claim_source(c));
    assert_int_equal(attrib_claim_stance(c), ATTRIB_ASSERTS);
    /* The writer's own voice is trusted less than a named source. */
    const char named[] = "Officials said the attack was carried out by Iran.";
    const attrib_claim *n = only_claim(fx_extract_ok(fx, S(named), "en"));
    assert_true(attrib_claim_confidence(c) < attrib_claim_confidence(n));
    assert_true(attrib_claim_confidence(n) <= 1.0 && attrib_claim_confidence(c) > 0.0);
}

static void test_coordinated_sources(void **state)
{
    fixture *fx = *state;
    fx_build_ok(fx);
    const char text[] = "The FBI and the NSA concluded that North Korea was behind the attack.";
    const attrib_result *r = fx_extract_ok(fx, S(text), "en");
    assert_int_equal(attrib_result_claim_count(r), 2);
    const char *a = attrib_entity_canonical(attrib_claim_source(attrib_result_claim(r, 0)));
    const char *b = attrib_entity_canonical(attrib_claim_source(attrib_result_claim(r, 1)));
    assert_true((strcmp(a, "FBI") == 0 && strcmp(b, "NSA") == 0) ||
                (strcmp(a, "NSA") == 0 && strcmp(b, "FBI") == 0));
}

static void test_apposition_speaker(void **state)
{
    fixture *fx = *state;
    fx_build_ok(fx);
    const char text[] = "Lena Vogt, a researcher at Brightwall, said Iran was behind the attack.";
    const attrib_claim *c = only_claim(fx_extract_ok(fx, S(text), "en"));
    assert_non_null(attrib_claim_source(c));
    assert_string_equal(attrib_entity_text(attrib_claim_source(c)), "Lena Vogt");
}

static void test_runtime_cue_changes_stance(void **state)
{
    fixture *fx = *state;
    /* "insinuated" is no built-in cue; as a suggesting one it gives a
     * suggestion, and a later line for the same phrase overrides. */
    const char *path = fx_temp_file(fx, "insinuated\tclass=report\top=assert\tsrc=left\n"
                                        "insinuated\tclass=report\top=suggest\tsrc=left\n");
    assert_int_equal(attrib_options_add_lexicon_file(fx->options, "en", path), ATTRIB_OK);
    fx_build_ok(fx);
    const char text[] = "The senator insinuated that Iran was behind the outage.";
    const attrib_claim *c = only_claim(fx_extract_ok(fx, S(text), "en"));
    assert_int_equal(attrib_claim_stance(c), ATTRIB_SUGGESTS);
    assert_span_text(text, attrib_claim_cue(c), "insinuated");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_via_chain, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_told_outlet_is_via, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_self_denial_and_flag, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_pronoun_binds_to_speaker, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_event_span, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_no_event, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_quote_over_sentences, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_unknown_speaker_quote_gives_nothing, fx_setup,
                                        fx_teardown),
        cmocka_unit_test_setup_teardown(test_unattributed_is_null_source, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_coordinated_sources, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_apposition_speaker, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_runtime_cue_changes_stance, fx_setup, fx_teardown),
    };
    return cmocka_run_group_tests_name("claims", tests, NULL, NULL);
}
