/* Fuzz target: attrib_result_to_json() with any document id, checked
 * field by field against the result's accessors.
 *
 * The first byte is the length of the id, the next bytes the id (any
 * bytes: a NUL ends it, as it ends a C string), the rest the text, read as
 * English. The JSON must parse, give the id back exactly, and say what the
 * accessors say; an id that is not UTF-8 must be refused (ATTRIB_EUTF8),
 * not written into invalid JSON. */
#include <math.h>

#include <jansson.h>

#include "fuzz.h"

static void check_span(const json_t *o, attrib_span s)
{
    FUZZ_CHECK(json_is_integer(json_object_get(o, "start")));
    FUZZ_CHECK(json_is_integer(json_object_get(o, "end")));
    FUZZ_CHECK((size_t)json_integer_value(json_object_get(o, "start")) == s.start);
    FUZZ_CHECK((size_t)json_integer_value(json_object_get(o, "end")) == s.end);
}

/* A JSON string equal to the C string S, or null when S is NULL. */
static void check_string(const json_t *v, const char *s)
{
    if (!s) {
        FUZZ_CHECK(json_is_null(v));
        return;
    }
    FUZZ_CHECK(json_is_string(v));
    FUZZ_CHECK(json_string_length(v) == strlen(s));
    FUZZ_CHECK(memcmp(json_string_value(v), s, strlen(s)) == 0);
}

static void check_entity(const json_t *o, const attrib_entity *e, int with_affiliation)
{
    if (!e) {
        FUZZ_CHECK(json_is_null(o));
        return;
    }
    FUZZ_CHECK(json_is_object(o));
    FUZZ_CHECK(json_object_size(o) == (with_affiliation ? 6u : 5u));
    check_string(json_object_get(o, "text"), attrib_entity_text(e));
    check_string(json_object_get(o, "canonical"), attrib_entity_canonical(e));
    attrib_kind k = attrib_entity_kind(e);
    check_string(json_object_get(o, "kind"), k == ATTRIB_KIND_UNKNOWN ? NULL : attrib_kind_name(k));
    check_span(o, attrib_entity_span(e));
    if (with_affiliation)
        check_string(json_object_get(o, "affiliation"), attrib_entity_affiliation(e));
}

static void check_claim(const json_t *o, const attrib_claim *c)
{
    FUZZ_CHECK(json_is_object(o));
    FUZZ_CHECK(json_object_size(o) == 9);
    check_entity(json_object_get(o, "source"), attrib_claim_source(c), 1);
    const json_t *via = json_object_get(o, "via");
    FUZZ_CHECK(json_array_size(via) == attrib_claim_via_count(c));
    for (size_t k = 0; k < attrib_claim_via_count(c); k++)
        check_entity(json_array_get(via, k), attrib_claim_via(c, k), 1);
    check_entity(json_object_get(o, "actor"), attrib_claim_actor(c), 0);
    const json_t *event = json_object_get(o, "event");
    if (attrib_claim_event_text(c)) {
        check_string(json_object_get(event, "text"), attrib_claim_event_text(c));
        check_span(event, attrib_claim_event(c));
    } else {
        FUZZ_CHECK(json_is_null(event));
    }
    check_string(json_object_get(o, "stance"), attrib_stance_name(attrib_claim_stance(c)));
    const json_t *conf = json_object_get(o, "confidence");
    FUZZ_CHECK(json_is_real(conf));
    FUZZ_CHECK(fabs(json_real_value(conf) - attrib_claim_confidence(c)) <= 0.0051);
    const json_t *cue = json_object_get(o, "cue");
    check_string(json_object_get(cue, "text"), attrib_claim_cue_text(c));
    check_span(cue, attrib_claim_cue(c));
    check_span(json_object_get(o, "sentence"), attrib_claim_sentence(c));
    FUZZ_CHECK(json_is_boolean(json_object_get(o, "self")));
    FUZZ_CHECK(json_is_true(json_object_get(o, "self")) == attrib_claim_is_self(c));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const attrib_extractor *ex = fuzz_extractor();
    if (size == 0)
        return 0;
    size_t idlen = data[0] < size - 1 ? data[0] : size - 1;
    char id[256];
    memcpy(id, data + 1, idlen);
    id[idlen] = '\0';
    idlen = strlen(id);
    const uint8_t *text = data + 1 + (data[0] < size - 1 ? data[0] : size - 1);
    size_t len = size - (size_t)(text - data);

    attrib_result *r = NULL;
    attrib_status st = attrib_extract(ex, (const char *)text, len, "en", &r);
    FUZZ_CHECK(st == ATTRIB_OK || st == ATTRIB_EUTF8);
    fuzz_check_result(r, st, text, len);

    char *json = (char *)1;
    size_t jlen = 1;
    attrib_status js = attrib_result_to_json(r, id, &json, &jlen);
    if (!fuzz_utf8_valid((const uint8_t *)id, idlen)) {
        FUZZ_CHECK(js == ATTRIB_EUTF8 && json == NULL && jlen == 0);
        attrib_result_free(r);
        return 0;
    }
    FUZZ_CHECK(js == ATTRIB_OK);
    FUZZ_CHECK(strlen(json) == jlen);
    json_error_t err;
    json_t *root = json_loadb(json, jlen, 0, &err);
    if (!root)
        fprintf(stderr, "unparsable JSON (%s): %s\n", err.text, json);
    FUZZ_CHECK(root != NULL);
    check_string(json_object_get(root, "id"), id);
    if (st != ATTRIB_OK) {
        FUZZ_CHECK(json_object_size(root) == 2);
        check_string(json_object_get(root, "error"), attrib_result_error(r));
    } else {
        FUZZ_CHECK(json_object_size(root) == 3);
        check_string(json_object_get(root, "lang"), attrib_result_lang(r));
        const json_t *claims = json_object_get(root, "claims");
        FUZZ_CHECK(json_array_size(claims) == attrib_result_claim_count(r));
        for (size_t i = 0; i < attrib_result_claim_count(r); i++)
            check_claim(json_array_get(claims, i), attrib_result_claim(r, i));
    }
    /* Without an id the object says "id": null. */
    char *anon = NULL;
    FUZZ_CHECK(attrib_result_to_json(r, NULL, &anon, NULL) == ATTRIB_OK);
    FUZZ_CHECK(strncmp(anon, "{\"id\": null,", 12) == 0);
    attrib_free(anon);
    json_decref(root);
    attrib_free(json);
    attrib_result_free(r);
    return 0;
}
