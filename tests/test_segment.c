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
    assert_int_equal(segment_sentences(ex, d), ATTRIB_OK);
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

/* ---- The word scanner against ICU ----
 *
 * segment_walk_words() reads lines of common scripts itself and hands the
 * others to ICU; segment_walk_words_icu() is ICU alone. Both must give the
 * same tokens: spans, word status and paragraph starts. */

/* LEN bytes at TEXT give the same tokens both ways; false, with the
 * first difference printed, when not. */
static bool same_words(const attrib_extractor *ex, const char *text, size_t len)
{
    doc a, b;
    memset(&a, 0, sizeof a);
    memset(&b, 0, sizeof b);
    a.text = b.text = text;
    a.len = b.len = len;
    assert_int_equal(segment_walk_words(ex, &a), ATTRIB_OK);
    assert_int_equal(segment_walk_words_icu(ex, &b), ATTRIB_OK);
    bool same = DOC_NTOK(&a) == DOC_NTOK(&b);
    for (size_t i = 0; same && i < DOC_NTOK(&a); i++) {
        const token *x = DOC_TOK(&a, i), *y = DOC_TOK(&b, i);
        same = x->start == y->start && x->end == y->end && x->flags == y->flags;
    }
    if (!same) {
        print_error("text (%zu bytes):", len);
        for (size_t i = 0; i < len; i++)
            print_error(" %02x", (unsigned char)text[i]);
        print_error("\n");
        for (size_t i = 0; i < DOC_NTOK(&a) || i < DOC_NTOK(&b); i++) {
            const token *x = i < DOC_NTOK(&a) ? DOC_TOK(&a, i) : NULL;
            const token *y = i < DOC_NTOK(&b) ? DOC_TOK(&b, i) : NULL;
            print_error("  %zu: scanner %zd-%zd/%d  icu %zd-%zd/%d\n", i,
                        x ? (ssize_t)x->start : -1, x ? (ssize_t)x->end : -1, x ? x->flags : -1,
                        y ? (ssize_t)y->start : -1, y ? (ssize_t)y->end : -1, y ? y->flags : -1);
        }
    }
    doc_free(&a);
    doc_free(&b);
    return same;
}

/* Every code point the scanner may read, alone and between letters,
 * digits, its own kind, spaces and line breaks. */
static void test_scanner_matches_icu_per_code_point(void **state)
{
    static const char *const contexts[] = {
        "%s", "a%sb", "1%s2", "%s%s", "a%s", "%sa", "1%s", "%s1", "A%s%sB", "x %s\n%sy",
        "\xc3\xa9%s2", "_%s_", "%s%s%s", "\n\n%s", "a%s1"};
    int failures = 0;
    for (uint32_t cp = 0; cp < 0x2100 && failures < 5; cp++) {
        if (cp == 0x800)
            cp = 0x2000;
        char c[5] = {0};
        put_utf8(c, cp);
        if (cp == 0) /* a NUL: written by hand below, as printf stops at it */
            continue;
        for (size_t k = 0; k < sizeof contexts / sizeof *contexts; k++) {
            char text[64];
            int n = snprintf(text, sizeof text, contexts[k], c, c, c);
            if (!same_words(*state, text, (size_t)n))
                failures++;
        }
    }
    assert_true(same_words(*state, S("a\0b")));
    assert_true(same_words(*state, S("\0\0 x\n\0")));
    assert_int_equal(failures, 0);
}

/* Random strings over letters, digits, the joining punctuation, spaces,
 * line breaks and code points the scanner leaves to ICU (a combining
 * accent, a soft hyphen, a joiner, Hebrew, kana, an ideograph, emoji). */
static void test_scanner_matches_icu_at_random(void **state)
{
    static const uint32_t palette[] = {
        /* read by the scanner */
        'a', 'Z', 'e', '1', '0', '.', ',', '\'', ':', ';', '_', '-', ' ', ' ', '\n', '\r',
        '\t', '"', '@', '/', '?', 0, 0x85, 0xA0, 0xB7, 0xE9, 0xC9, 0x3B1, 0x416, 0x2019,
        0x2018, 0x201C, 0x2026, 0x2013, 0x202F, 0x2003, 0x2028, 0x2029,
        /* left to ICU */
        0xAD, 0x5D0, 0x301, 0x200D, 0x2060, 0x30A2, 0x4E2D, 0xE01, 0x1F600, 0x1F1EB, 0x2764,
        0xFE0F};
    enum { SCANNED = 38, ALL = sizeof palette / sizeof *palette };
    uint64_t x = 0x9E3779B97F4A7C15u; /* xorshift64, fixed seed: the same cases every run */
    int failures = 0;
    for (int round = 0; round < 20000 && failures < 5; round++) {
        /* One string in four has code points of ICU's in some lines. */
        size_t choices = round % 4 ? SCANNED : ALL;
        char text[256];
        size_t len = 0;
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        int n = 1 + (int)(x % 48);
        for (int k = 0; k < n; k++) {
            x ^= x << 13, x ^= x >> 7, x ^= x << 17;
            len += put_utf8(text + len, palette[x % choices]);
        }
        if (!same_words(*state, text, len))
            failures++;
    }
    assert_int_equal(failures, 0);
}

/* Keys and case flags of words of Latin-1 letters and typographic marks
 * (made in one pass by text_normalise_tokens()) are those of text_fold()
 * and text_case_flags(), which go through utf8proc and ICU. */
static void test_latin1_keys_match_utf8proc(void **state)
{
    static const char *const shapes[] = {"%sab", "x%s", "%s%s", "A%s9", "%s"};
    int failures = 0;
    /* Latin-1, then the typographic hyphens, dashes and apostrophes. */
    for (uint32_t cp = 0x41; cp < 0x201A; cp = cp == 0xFF ? 0x2010 : cp + 1) {
        char c[5] = {0};
        put_utf8(c, cp);
        for (size_t k = 0; k < sizeof shapes / sizeof *shapes; k++) {
            char text[32], want[64];
            int n = snprintf(text, sizeof text, shapes[k], c, c);
            doc d;
            memset(&d, 0, sizeof d);
            d.text = text;
            d.len = (size_t)n;
            assert_int_equal(segment_words(*state, &d), ATTRIB_OK);
            for (size_t i = 0; i < DOC_NTOK(&d); i++) {
                const token *t = DOC_TOK(&d, i);
                size_t len = text_fold(text + t->start, t->end - t->start, want, sizeof want);
                uint16_t flags = text_case_flags(text + t->start, t->end - t->start);
                if (len != t->keylen || strcmp(want, t->key) != 0 ||
                    (t->flags & (TOK_UPPER | TOK_ALLCAPS)) != flags) {
                    print_error("U+%04X in '%s': key '%s' flags %x, want '%s' %x\n", cp, text,
                                t->key, t->flags, want, flags);
                    failures++;
                }
            }
            doc_free(&d);
        }
    }
    assert_int_equal(failures, 0);
}

/* ---- Sentence breaks through the sketch against ICU ---- */

typedef struct breaks {
    size_t *at;
    size_t n, cap;
} breaks;

static attrib_status note_break(doc *d, size_t b, void *data)
{
    (void)d;
    breaks *br = data;
    if (br->n == br->cap) {
        br->cap = br->cap ? 2 * br->cap : 16;
        br->at = realloc(br->at, br->cap * sizeof *br->at);
        assert_non_null(br->at);
    }
    br->at[br->n++] = b;
    return ATTRIB_OK;
}

/* LEN bytes at TEXT, read as LANG, give ICU the same sentence breaks
 * through the sketch as whole; false, with both printed, when not. */
static bool same_breaks(const attrib_extractor *ex, const char *text, size_t len, const char *lang)
{
    doc d;
    memset(&d, 0, sizeof d);
    d.text = text;
    d.len = len;
    assert_int_equal(segment_words(ex, &d), ATTRIB_OK);
    assert_int_equal(lang_identify(ex, &d, lang), ATTRIB_OK);
    assert_int_equal(text_prepare_tokens(&d), ATTRIB_OK);
    breaks a = {NULL, 0, 0}, b = {NULL, 0, 0};
    assert_int_equal(segment_sentence_breaks(ex, &d, note_break, &a), ATTRIB_OK);
    assert_int_equal(segment_sentence_breaks_icu(&d, note_break, &b), ATTRIB_OK);
    doc_free(&d);
    bool same = a.n == b.n && (!a.n || memcmp(a.at, b.at, a.n * sizeof *a.at) == 0);
    if (!same) {
        size_t i = 0;
        while (i < a.n && i < b.n && a.at[i] == b.at[i])
            i++;
        size_t from = i < a.n ? a.at[i] : len;
        from = from > 40 ? from - 40 : 0;
        print_error("%s, %zu breaks through the sketch, %zu by ICU; break %zu differs: %zd / %zd, "
                    "text from byte %zu: '%.*s'\n",
                    lang, a.n, b.n, i, i < a.n ? (ssize_t)a.at[i] : -1,
                    i < b.n ? (ssize_t)b.at[i] : -1, from, (int)(len - from < 80 ? len - from : 80),
                    text + from);
    }
    free(a.at);
    free(b.at);
    return same;
}

/* Random texts of words, abbreviations of the languages' exception lists,
 * full stops, closing marks, spaces and paragraph breaks, with code points
 * of other scripts and marks among them. */
static size_t random_text(uint64_t *x, char *text, size_t cap, int pieces)
{
    static const char *const palette[] = {
        "word", "Word", "WORD", "said", "it", "a", "A", "x", "Mr.", "Dr.", "U.S.", "e.g.", "Ph.D.",
        "No.", "av. J.-C.", "M.", "etc.", "z. B.", "Nr.", "Sr.", "Sra.", "ecc.", "p. ex.",
        "\xc3\xa9lan", "\xc3\x89t\xc3\xa9", "\xce\xb1\xce\xb2", "\xd0\x96\xd1\x83\xd0\xba",
        "\xd7\xa9\xd7\x9c", "\xe4\xb8\xad\xe6\x96\x87", "\xe3\x80\x82", "\xf0\x9f\x98\x80",
        "e\xcc\x81t", "ab\xc2\xad" "cd", "3", "3.5", "1990", ".", ".", "!", "?", "\xe2\x80\xa6",
        "?!", ")", "\xe2\x80\x9d", "\xc2\xbb", "\xc2\xab", "\"", "'", " ", " ", " ", " ", "  ",
        "\n", "\n\n", "\r\n", ",", ";", ":", "-", "\xe2\x80\x94", "\xc2\xa0", "\xe2\x80\xa9",
        "l'", "d\xe2\x80\x99", "\xc2\x85", "\t"};
    size_t len = 0;
    for (int k = 0; k < pieces; k++) {
        *x ^= *x << 13, *x ^= *x >> 7, *x ^= *x << 17;
        const char *p = palette[*x % (sizeof palette / sizeof *palette)];
        size_t n = strlen(p);
        if (len + n >= cap)
            break;
        memcpy(text + len, p, n);
        len += n;
    }
    return len;
}

static void test_sketched_sentences_match_icu(void **state)
{
    static const char *const langs[] = {"en", "fr", "de", "es", "it", "pt", "nl"};
    /* Binary junk among the words, which a C string cannot hold. */
    assert_true(same_breaks(*state, S("It ended.\0 Then Mr.\0Smith said no.\0\0"), "en"));
    uint64_t x = 0x2545F4914F6CDD1Du; /* fixed seed: the same cases every run */
    int failures = 0;
    for (int round = 0; round < 14000 && failures < 5; round++) {
        char text[512];
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        size_t len = random_text(&x, text, sizeof text, 1 + (int)(x % 40));
        if (!same_breaks(*state, text, len, langs[round % 7]))
            failures++;
    }
    assert_int_equal(failures, 0);
}

/* A text longer than a chunk of the sketch, so that chunks end at
 * paragraph breaks, and one long paragraph without any. */
static void test_sketched_sentences_in_chunks(void **state)
{
    uint64_t x = 0x9E3779B97F4A7C15u;
    size_t cap = 300000;
    char *text = malloc(cap);
    assert_non_null(text);
    size_t len = random_text(&x, text, cap, 60000);
    bool same = same_breaks(*state, text, len, "en");
    /* The same without line breaks: one chunk. */
    for (size_t i = 0; i < len; i++)
        if (text[i] == '\n' || text[i] == '\r')
            text[i] = ' ';
    same &= same_breaks(*state, text, len, "fr");
    free(text);
    assert_true(same);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_words_and_offsets),
        cmocka_unit_test(test_scanner_matches_icu_per_code_point),
        cmocka_unit_test(test_scanner_matches_icu_at_random),
        cmocka_unit_test(test_sketched_sentences_match_icu),
        cmocka_unit_test(test_sketched_sentences_in_chunks),
        cmocka_unit_test(test_french_elision),
        cmocka_unit_test(test_folding),
        cmocka_unit_test(test_latin1_keys_match_utf8proc),
        cmocka_unit_test(test_sentences),
        cmocka_unit_test(test_wrapped_lines),
        cmocka_unit_test(test_closing_quote_ends_its_sentence),
        cmocka_unit_test(test_language),
        cmocka_unit_test(test_utf8_validation),
    };
    return cmocka_run_group_tests_name("segment", tests, extractor_setup, extractor_teardown);
}
