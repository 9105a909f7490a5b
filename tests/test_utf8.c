/* UTF-8 at the edge of the library: invalid input is refused with the
 * offset of the first bad byte, NUL bytes are text like any other, and
 * every span of a result is a byte span of the caller's text that holds
 * exactly the words the result reports. */
#include "testutil.h"

static void check_invalid(fixture *fx, const char *text, size_t len, size_t bad)
{
    attrib_result *r = fx_extract_fails(fx, text, len, "en", ATTRIB_EUTF8);
    assert_int_equal(attrib_result_error_offset(r), bad);
}

static void test_invalid_utf8(void **state)
{
    fixture *fx = *state;
    fx_build_ok(fx);
    static const struct {
        const char *what, *text;
        size_t len, bad;
    } rows[] = {
#define ROW(what, lit, bad) {what, lit, sizeof(lit) - 1, bad}
        ROW("stray continuation byte", "ab\x80" "cd", 2),
        ROW("continuation byte first", "\xBF", 0),
        ROW("truncated 2-byte sequence at the end", "abc\xC3", 3),
        ROW("truncated 3-byte sequence at the end", "abc\xE2\x82", 3),
        ROW("truncated 4-byte sequence at the end", "abc\xF0\x9F\x98", 3),
        ROW("lead byte without its continuation", "caf\xC3\xA9 \xC3(", 6),
        ROW("overlong '/' (C0 AF)", "x\xC0\xAFy", 1),
        ROW("overlong C1", "x\xC1\xBFy", 1),
        ROW("overlong 3-byte", "xy\xE0\x80\xAF", 2),
        ROW("overlong 4-byte", "\xF0\x8F\xBF\xBF", 0),
        ROW("encoded surrogate (ED A0 80)", "ab\xED\xA0\x80" "cd", 2),
        ROW("encoded low surrogate", "\xED\xBF\xBF", 0),
        ROW("above U+10FFFF (F4 90)", "a\xF4\x90\x80\x80", 1),
        ROW("after a NUL and valid multi-byte text", "\xC3\xA9\0\xE2\x82\xAC z\xFE", 8),
        ROW("bad byte after a long valid run",
            "The inquiry went on for months and nobody said anything. \xFF", 57),
#undef ROW
    };
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        print_message("  %s\n", rows[i].what);
        check_invalid(fx, rows[i].text, rows[i].len, rows[i].bad);
    }
    /* Bytes that never occur in UTF-8. */
    for (unsigned b = 0xF5; b <= 0xFF; b++) {
        char text[] = "ok X";
        text[3] = (char)b;
        check_invalid(fx, text, 4, 3);
    }
}

/* The limit of UTF-8 on either side is valid. */
static void test_valid_edges(void **state)
{
    fixture *fx = *state;
    fx_build_ok(fx);
    static const char text[] = "\x7F \xC2\x80 \xDF\xBF \xE0\xA0\x80 \xED\x9F\xBF \xEE\x80\x80 "
                               "\xEF\xBF\xBF \xF0\x90\x80\x80 \xF4\x8F\xBF\xBF.";
    attrib_result *r = fx_extract_ok(fx, S(text), "en");
    assert_int_equal(attrib_result_error_offset(r), 0);
}

/* Every span of C lies in the text, on character boundaries, and holds
 * the words the accessors report; the sentence holds the others. */
static void check_span(const char *what, const char *text, size_t len, attrib_span s,
                       const char *words)
{
    if (!(s.start <= s.end && s.end <= len))
        fail_msg("%s: span [%zu, %zu) outside a text of %zu bytes", what, s.start, s.end, len);
    /* Neither end splits a character: no continuation byte at either. */
    assert_false(s.start < len && ((unsigned char)text[s.start] & 0xC0) == 0x80);
    assert_false(s.end < len && ((unsigned char)text[s.end] & 0xC0) == 0x80);
    if (words && (strlen(words) != s.end - s.start ||
                  memcmp(text + s.start, words, s.end - s.start) != 0))
        fail_msg("%s: text[%zu, %zu) is \"%.*s\", the result says \"%s\"", what, s.start, s.end,
                 (int)(s.end - s.start), text + s.start, words);
}

static void check_inside(const char *what, attrib_span inner, attrib_span outer)
{
    if (inner.start < outer.start || inner.end > outer.end)
        fail_msg("%s [%zu, %zu) is not inside its sentence [%zu, %zu)", what, inner.start,
                 inner.end, outer.start, outer.end);
}

static void check_entity(const char *what, const char *text, size_t len,
                         const attrib_entity *e, attrib_span sentence)
{
    check_span(what, text, len, attrib_entity_span(e), attrib_entity_text(e));
    assert_true(attrib_entity_span(e).end > attrib_entity_span(e).start);
    check_inside(what, attrib_entity_span(e), sentence);
}

static void check_claim_spans(const char *text, size_t len, const attrib_claim *c)
{
    attrib_span sentence = attrib_claim_sentence(c);
    check_span("sentence", text, len, sentence, NULL);
    assert_true(sentence.end > sentence.start);
    if (attrib_claim_source(c))
        check_entity("source", text, len, attrib_claim_source(c), sentence);
    check_entity("actor", text, len, attrib_claim_actor(c), sentence);
    for (size_t k = 0; k < attrib_claim_via_count(c); k++)
        check_span("via", text, len, attrib_entity_span(attrib_claim_via(c, k)),
                   attrib_entity_text(attrib_claim_via(c, k)));
    check_span("cue", text, len, attrib_claim_cue(c), attrib_claim_cue_text(c));
    check_inside("cue", attrib_claim_cue(c), sentence);
    if (attrib_claim_event_text(c)) {
        check_span("event", text, len, attrib_claim_event(c), attrib_claim_event_text(c));
        check_inside("event", attrib_claim_event(c), sentence);
    } else {
        assert_int_equal(attrib_claim_event(c).start, 0);
        assert_int_equal(attrib_claim_event(c).end, 0);
    }
}

/* The claim sentence, with a decomposed "é" (e + U+0301) inside the
 * actor's name and multi-byte characters around it. */
#define DECOMPOSED_CLAIM "The St\xC3\xA4ndige Kommission said the Grey He\xCC\x81ron " \
                         "Collective was behind the attack on the caf\xC3\xA9 \xF0\x9F\x94\xA5."

static void test_offsets_after_multibyte(void **state)
{
    fixture *fx = *state;
    fx_build_test_lexicon(fx);
    static const char *const prefixes[] = {
        "",
        "Le caf\xC3\xA9 \xC3\xA0 Z\xC3\xBCrich a ferm\xC3\xA9. ",      /* accents */
        "\xF0\x9F\x98\x80\xF0\x9F\x98\x80 Nobody expected it. ",         /* emoji */
        "Cafe\xCC\x81 owners, e\xCC\x81te\xCC\x81 2014. ",               /* combining marks */
        "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E\xE3\x80\x82 ",             /* CJK */
        "Line one\r\n\r\n\xE2\x80\x9CQuoted,\xE2\x80\x9D she wrote.\n\n", /* paragraphs */
    };
    for (size_t i = 0; i < sizeof prefixes / sizeof *prefixes; i++) {
        char text[512];
        int n = snprintf(text, sizeof text, "%s%s", prefixes[i], DECOMPOSED_CLAIM);
        assert_true(n > 0 && (size_t)n < sizeof text);
        size_t len = (size_t)n, claim_at = strlen(prefixes[i]);
        print_message("  prefix %zu (%zu bytes)\n", i, claim_at);

        attrib_result *r = fx_extract_ok(fx, text, len, "en");
        const attrib_claim *c = must_find_actor(r, "Grey Heron");
        /* The name's span covers the combining mark. */
        assert_non_null(strstr(attrib_entity_text(attrib_claim_actor(c)),
                               "Grey He\xCC\x81ron Collective"));
        assert_non_null(attrib_claim_source(c));
        assert_string_equal(attrib_entity_canonical(attrib_claim_source(c)),
                            "Standing Commission");
        assert_true(attrib_claim_sentence(c).start >= claim_at);
        for (size_t k = 0; k < attrib_result_claim_count(r); k++)
            check_claim_spans(text, len, attrib_result_claim(r, k));
    }
}

/* NUL is a character: it neither ends the text nor makes it invalid. */
static void test_nul_bytes(void **state)
{
    fixture *fx = *state;
    fx_build_test_lexicon(fx);
    static const char text[] = "Before a NUL\0byte.\0\0 " TEST_CLAIM;
    size_t len = sizeof text - 1, after_nul = 21;
    assert_int_equal(text[after_nul - 1], ' ');
    attrib_result *r = fx_extract_ok(fx, text, len, "en");
    assert_int_equal(attrib_result_error_offset(r), 0);
    const attrib_claim *c = must_find_actor(r, "Grey Heron");
    assert_true(attrib_claim_sentence(c).start >= after_nul);
    for (size_t k = 0; k < attrib_result_claim_count(r); k++)
        check_claim_spans(text, len, attrib_result_claim(r, k));

    /* Only NULs. */
    attrib_result *z = fx_extract_ok(fx, S("\0\0\0"), "en");
    assert_int_equal(attrib_result_claim_count(z), 0);
}

/* The text needs no NUL after it: a document cut from a larger buffer
 * is read to its length and no further. */
static void test_not_nul_terminated(void **state)
{
    fixture *fx = *state;
    fx_build_test_lexicon(fx);
    size_t len = strlen(TEST_CLAIM);
    char *text = malloc(len); /* no room for a NUL: ASan sees any read past */
    assert_non_null(text);
    memcpy(text, TEST_CLAIM, len);
    attrib_status st;
    attrib_result *r = fx_extract(fx, text, len, "en", &st);
    free(text);
    assert_int_equal(st, ATTRIB_OK);
    must_find_actor(r, "Grey Heron");

    /* A prefix of the same bytes stops before the name: no claim on it. */
    static const char cut[] = TEST_CLAIM;
    size_t upto = (size_t)(strstr(cut, "Grey") - cut);
    r = fx_extract_ok(fx, cut, upto, "en");
    assert_null(find_actor(r, "Grey Heron"));
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, fx_setup, fx_teardown)
    const struct CMUnitTest tests[] = {
        T(test_invalid_utf8),
        T(test_valid_edges),
        T(test_offsets_after_multibyte),
        T(test_nul_bytes),
        T(test_not_nul_terminated),
    };
    return cmocka_run_group_tests_name("utf8", tests, NULL, NULL);
}
