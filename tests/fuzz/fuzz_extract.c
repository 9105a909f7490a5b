/* Fuzz target: attrib_extract() over any bytes, with and without a
 * language hint, then the result's JSON.
 *
 * The first byte chooses the hint: none (language identification), each
 * enabled language in turn, "" (the same as none) or an unknown code
 * (ATTRIB_ELANG); the rest is the text. Every result must keep the
 * invariants of fuzz.h and serialise to JSON that parses. */
#include <jansson.h>

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const attrib_extractor *ex = fuzz_extractor();
    if (size == 0)
        return 0;
    size_t nlangs = attrib_extractor_language_count(ex);
    size_t pick = data[0] % (nlangs + 3);
    const char *hint = pick == 0 ? NULL
                     : pick <= nlangs ? attrib_extractor_language(ex, pick - 1)
                     : pick == nlangs + 1 ? "" : "xx";
    const uint8_t *text = data + 1;
    size_t len = size - 1;

    attrib_result *r = NULL;
    attrib_status st = attrib_extract(ex, (const char *)text, len, hint, &r);
    /* Nothing fails to allocate here, so every status comes with a result. */
    FUZZ_CHECK(st == ATTRIB_OK || st == ATTRIB_EUTF8 || st == ATTRIB_ELANG);
    if (st == ATTRIB_ELANG)
        FUZZ_CHECK(pick == nlangs + 2 && fuzz_utf8_valid(text, len));
    fuzz_check_result(r, st, text, len);
    if (st == ATTRIB_OK && !hint) {
        const char *lang = attrib_result_lang(r);
        int known = strcmp(lang, "und") == 0;
        for (size_t i = 0; i < nlangs; i++)
            known |= strcmp(lang, attrib_extractor_language(ex, i)) == 0;
        FUZZ_CHECK(known);
    } else if (st == ATTRIB_OK && *hint) {
        FUZZ_CHECK(strcmp(attrib_result_lang(r), hint) == 0);
    }

    char *json = NULL;
    size_t jlen = 0;
    FUZZ_CHECK(attrib_result_to_json(r, "fuzz", &json, &jlen) == ATTRIB_OK);
    FUZZ_CHECK(strlen(json) == jlen);
    json_error_t err;
    json_t *root = json_loadb(json, jlen, 0, &err);
    if (!root)
        fprintf(stderr, "unparsable JSON (%s): %s\n", err.text, json);
    FUZZ_CHECK(root != NULL);
    FUZZ_CHECK(json_is_object(root));
    const char *id = json_string_value(json_object_get(root, "id"));
    FUZZ_CHECK(id && strcmp(id, "fuzz") == 0);
    json_t *claims = json_object_get(root, "claims");
    if (st == ATTRIB_OK)
        FUZZ_CHECK(json_array_size(claims) == attrib_result_claim_count(r));
    else
        FUZZ_CHECK(!claims && json_is_string(json_object_get(root, "error")));
    json_decref(root);
    attrib_free(json);
    attrib_result_free(r);
    return 0;
}
