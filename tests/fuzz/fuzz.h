/* What the fuzz targets share: one extractor for the whole run, and the
 * invariants every result must keep whatever the input.
 *
 * Each target defines LLVMFuzzerTestOneInput(). Built with clang's
 * -fsanitize=fuzzer it is a libFuzzer target (tools/fuzz); linked with
 * replay.c it is a plain program that runs the committed corpus as a
 * regression test under meson test. A broken invariant is reported on
 * stderr and abort()s, which both count as a crash. */
#ifndef ATTRIB_FUZZ_H
#define ATTRIB_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attrib.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

#define FUZZ_CHECK(cond)                                                              \
    do {                                                                              \
        if (!(cond)) {                                                                \
            fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__, __LINE__, #cond); \
            abort();                                                                  \
        }                                                                             \
    } while (0)

static attrib_extractor *fuzz_extractor_;

/* Not every target uses every check. */
#define FUZZ_UNUSED __attribute__((unused))

FUZZ_UNUSED static void fuzz_free_extractor(void)
{
    attrib_extractor_free(fuzz_extractor_);
    fuzz_extractor_ = NULL;
}

/* The extractor of every built-in language, built on first use (building
 * it per input would make each run a lexicon build). */
FUZZ_UNUSED static const attrib_extractor *fuzz_extractor(void)
{
    if (!fuzz_extractor_) {
        if (attrib_extractor_new(NULL, &fuzz_extractor_) != ATTRIB_OK) {
            fprintf(stderr, "fuzz: cannot build the extractor\n");
            abort();
        }
        atexit(fuzz_free_extractor);
    }
    return fuzz_extractor_;
}

/* libFuzzer (and replay.c) call this once before the first input: the
 * extractor is built here, outside the time limit of any one input (on a
 * loaded machine a build under ASan may take longer than that). */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_extractor();
    return 0;
}

/* Is S[0..N) valid UTF-8 (shortest forms, no surrogates, at most
 * U+10FFFF)? Written apart from the library's validator so that one checks
 * the other. */
FUZZ_UNUSED static int fuzz_utf8_valid(const uint8_t *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        uint32_t c = s[i], cp;
        size_t k;
        if (c < 0x80) {
            i++;
            continue;
        }
        if ((c & 0xE0) == 0xC0) {
            k = 1, cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            k = 2, cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            k = 3, cp = c & 0x07;
        } else {
            return 0;
        }
        if (n - i <= k)
            return 0;
        for (size_t j = 1; j <= k; j++) {
            if ((s[i + j] & 0xC0) != 0x80)
                return 0;
            cp = cp << 6 | (s[i + j] & 0x3F);
        }
        static const uint32_t least[4] = {0, 0x80, 0x800, 0x10000};
        if (cp < least[k] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return 0;
        i += k + 1;
    }
    return 1;
}

/* A span lies in the text, starts and ends on character boundaries. */
FUZZ_UNUSED static void fuzz_check_span(attrib_span s, const uint8_t *text, size_t len)
{
    FUZZ_CHECK(s.start <= s.end && s.end <= len);
    FUZZ_CHECK(s.start == len || (text[s.start] & 0xC0) != 0x80);
    FUZZ_CHECK(s.end == len || (text[s.end] & 0xC0) != 0x80);
}

/* TEXT_COPY is the library's NUL-terminated copy of the bytes at SPAN. */
FUZZ_UNUSED static void fuzz_check_copy(const char *copy, attrib_span s, const uint8_t *text, size_t len)
{
    fuzz_check_span(s, text, len);
    FUZZ_CHECK(copy != NULL);
    FUZZ_CHECK(strlen(copy) == s.end - s.start);
    FUZZ_CHECK(memcmp(copy, text + s.start, s.end - s.start) == 0);
}

FUZZ_UNUSED static void fuzz_check_entity(const attrib_entity *e, const uint8_t *text, size_t len)
{
    FUZZ_CHECK(e != NULL);
    fuzz_check_copy(attrib_entity_text(e), attrib_entity_span(e), text, len);
    FUZZ_CHECK(attrib_entity_span(e).end > attrib_entity_span(e).start);
    const char *canon = attrib_entity_canonical(e);
    FUZZ_CHECK(canon && fuzz_utf8_valid((const uint8_t *)canon, strlen(canon)));
    FUZZ_CHECK(attrib_kind_name(attrib_entity_kind(e)) != NULL);
    const char *aff = attrib_entity_affiliation(e);
    FUZZ_CHECK(!aff || fuzz_utf8_valid((const uint8_t *)aff, strlen(aff)));
}

/* Every accessor of R, the result of extracting TEXT (LEN bytes), says
 * something consistent with the text. */
FUZZ_UNUSED static void fuzz_check_result(const attrib_result *r, attrib_status st, const uint8_t *text,
                              size_t len)
{
    FUZZ_CHECK(r != NULL);
    FUZZ_CHECK(attrib_result_status(r) == st);
    FUZZ_CHECK(attrib_result_error(r) != NULL);
    FUZZ_CHECK((st == ATTRIB_EUTF8) == !fuzz_utf8_valid(text, len));
    if (st != ATTRIB_OK) {
        FUZZ_CHECK(attrib_result_claim_count(r) == 0);
        FUZZ_CHECK(attrib_result_error(r)[0] != '\0');
        if (st == ATTRIB_EUTF8) {
            size_t at = attrib_result_error_offset(r);
            FUZZ_CHECK(at < len && fuzz_utf8_valid(text, at));
        }
        return;
    }
    FUZZ_CHECK(attrib_result_error(r)[0] == '\0');
    size_t n = attrib_result_claim_count(r);
    FUZZ_CHECK(attrib_result_claim(r, n) == NULL);
    for (size_t i = 0; i < n; i++) {
        const attrib_claim *c = attrib_result_claim(r, i);
        FUZZ_CHECK(c != NULL);
        fuzz_check_entity(attrib_claim_actor(c), text, len);
        if (attrib_claim_source(c))
            fuzz_check_entity(attrib_claim_source(c), text, len);
        for (size_t k = 0; k < attrib_claim_via_count(c); k++)
            fuzz_check_entity(attrib_claim_via(c, k), text, len);
        FUZZ_CHECK(attrib_stance_name(attrib_claim_stance(c)) != NULL);
        double conf = attrib_claim_confidence(c);
        FUZZ_CHECK(conf >= 0.0 && conf <= 1.0);
        attrib_span sent = attrib_claim_sentence(c), cue = attrib_claim_cue(c);
        fuzz_check_span(sent, text, len);
        fuzz_check_copy(attrib_claim_cue_text(c), cue, text, len);
        FUZZ_CHECK(cue.end > cue.start);
        FUZZ_CHECK(sent.start <= cue.start && cue.end <= sent.end);
        if (attrib_claim_event_text(c))
            fuzz_check_copy(attrib_claim_event_text(c), attrib_claim_event(c), text, len);
        else
            FUZZ_CHECK(attrib_claim_event(c).start == 0 && attrib_claim_event(c).end == 0);
        FUZZ_CHECK(attrib_claim_rule(c) != NULL);
        /* In text order. */
        if (i > 0)
            FUZZ_CHECK(attrib_claim_sentence(attrib_result_claim(r, i - 1)).start <= sent.start);
    }
}

#endif
