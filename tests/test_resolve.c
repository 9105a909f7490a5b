/* Entity resolution, one row a case: names of states from ICU in any
 * script, metonyms and demonyms, acronyms defined in the text, short
 * forms of names, definite descriptions and pronouns as sources,
 * affiliations and kinds, and entities added from a file at run time.
 *
 * A row passes when some claim of its text has the source (canonical
 * name, affiliation, kind) and actor (canonical name) the row expects.
 * The sentences are the tests' own, about invented events. */
#include "testutil.h"

#include <strings.h>

typedef struct row {
    const char *lang;
    const char *text;
    const char *source;      /* canonical; NULL: unattributed */
    const char *affiliation; /* NULL: none expected           */
    attrib_kind source_kind; /* ATTRIB_KIND_UNKNOWN: any       */
    const char *actor;       /* canonical                     */
} row;

static const row rows[] = {
    /* ICU's names of states, in scripts the lexicons do not write. */
    {"en", "The ministry said Россия was behind the attack on the dam.", "ministry", NULL,
     ATTRIB_KIND_UNKNOWN, "Russia"},
    {"en", "Officials said that 北朝鲜 was behind the attack.", "Officials", NULL,
     ATTRIB_KIND_UNKNOWN, "North Korea"},
    {"fr", "Selon les enquêteurs, le Groenland serait à l'origine de la fuite.", "enquêteurs", NULL,
     ATTRIB_KIND_UNKNOWN, "Greenland"},
    /* An acronym defined in the text names its organisation later. */
    {"en", "The Harbour Cyber Office (HCO) opened an inquiry. The HCO said Belarus was behind the attack.",
     "Harbour Cyber Office", NULL, ATTRIB_KIND_ORGANIZATION, "Belarus"},
    /* A description of an organisation stands for the one named last with
     * its word, else the one named last. */
    {"en", "Kestrel Analytics published its report on Monday. The company said Belarus was behind the attack.",
     "Kestrel Analytics", NULL, ATTRIB_KIND_UNKNOWN, "Belarus"},
    /* A short name used again and again takes the longer name each time
     * (resolve.c keeps the answer for the same words). */
    {"en", "Maria Olsen met reporters. Olsen thanked them. Olsen said Belarus was behind the attack.",
     "Maria Olsen", NULL, ATTRIB_KIND_PERSON, "Belarus"},
    /* Persons speaking for an organisation. */
    {"en", "Kestrel's Maria Olsen said Belarus was behind the attack.", "Maria Olsen", "Kestrel",
     ATTRIB_KIND_PERSON, "Belarus"},
    {"en", "Maria Olsen, a spokeswoman for Kestrel Analytics, said Belarus was behind the attack.",
     "Maria Olsen", "Kestrel Analytics", ATTRIB_KIND_PERSON, "Belarus"},
    /* The spokesman named after the description speaks, not the body. */
    {"en", "A spokesman for Kestrel Analytics, Tom Hale, said Belarus was behind the attack.",
     "Tom Hale", "Kestrel Analytics", ATTRIB_KIND_PERSON, "Belarus"},
    {"fr", "Le porte-parole du Kremlin, Ivan Sokolov, a déclaré que la Russie n'était pas derrière l'attaque.",
     "Ivan Sokolov", "Russia", ATTRIB_KIND_PERSON, "Russia"},
    /* A title, not an organisation: « République » is no affiliation. */
    {"fr", "Le président de la République a affirmé que la Biélorussie était responsable de l'attaque.",
     "président de la République", NULL, ATTRIB_KIND_PERSON, "Belarus"},
    /* Described parties with one name in every language (described.txt
     * canonical=). */
    {"en", "Cybersecurity experts said Belarus was behind the attack.", "security experts", NULL,
     ATTRIB_KIND_DESCRIBED, "Belarus"},
    {"fr", "Selon des experts en sécurité, la Biélorussie serait derrière l'attaque.",
     "security experts", NULL, ATTRIB_KIND_DESCRIBED, "Belarus"},
    {"en", "Kestrel said it had to be someone within the company.", "Kestrel", NULL,
     ATTRIB_KIND_UNKNOWN, "insider"},
    {"fr", "Selon Kestrel, l'attaque est l'œuvre d'un initié.", "Kestrel", NULL, ATTRIB_KIND_UNKNOWN,
     "insider"},
    /* A thing said speaks for its owner: "Kestrel's analysis, which
     * found ...", "a report by Kestrel that concluded ...", "X published
     * its own analysis that claimed ...". */
    {"en", "Kestrel's analysis, which found that Belarus was behind the attack, was shared with the police.",
     "Kestrel", NULL, ATTRIB_KIND_UNKNOWN, "Belarus"},
    {"en", "A report by Kestrel that concluded Belarus was behind the attack was leaked.", "Kestrel",
     NULL, ATTRIB_KIND_UNKNOWN, "Belarus"},
    {"en", "Kestrel Analytics published its own analysis on Monday that claimed it had to be someone inside the port.",
     "Kestrel Analytics", NULL, ATTRIB_KIND_UNKNOWN, "insider"},
    /* A described group named by an alias phrase (names.txt role=alias). */
    {"en", "Investigators blamed a group known only as Night Heron for the attack.", "Investigators",
     NULL, ATTRIB_KIND_UNKNOWN, "Night Heron"},
    {"fr", "Les enquêteurs ont accusé un groupe se faisant appeler Héron Noir pour l'attaque.",
     "enquêteurs", NULL, ATTRIB_KIND_UNKNOWN, "Héron Noir"},
    /* "Another firm, the X Corporation, said": the name speaks. */
    {"en", "Another firm, the Kestrel Corporation, said it must have been Belarus.",
     "Kestrel Corporation", NULL, ATTRIB_KIND_ORGANIZATION, "Belarus"},
};

static bool same(const char *want, const char *got)
{
    if (!want || !got)
        return want == got;
    return strcasecmp(want, got) == 0;
}

static void check_row(fixture *fx, const row *r)
{
    attrib_result *res = fx_extract_ok(fx, r->text, strlen(r->text), r->lang);
    char seen[1024] = "";
    for (size_t i = 0; i < attrib_result_claim_count(res); i++) {
        const attrib_claim *c = attrib_result_claim(res, i);
        const attrib_entity *s = attrib_claim_source(c), *a = attrib_claim_actor(c);
        const char *sc = s ? attrib_entity_canonical(s) : NULL;
        const char *aff = s ? attrib_entity_affiliation(s) : NULL;
        size_t n = strlen(seen);
        snprintf(seen + n, sizeof seen - n, " [%s (%s, %s) -> %s]", sc ? sc : "-",
                 aff ? aff : "-", s ? attrib_kind_name(attrib_entity_kind(s)) : "-",
                 attrib_entity_canonical(a));
        if (same(r->source, sc) && same(r->affiliation, aff) &&
            same(r->actor, attrib_entity_canonical(a)) &&
            (!r->source_kind || (s && attrib_entity_kind(s) == r->source_kind)))
            return;
    }
    fail_msg("%s: \"%s\": want %s (%s) -> %s; got%s", r->lang, r->text,
             r->source ? r->source : "-", r->affiliation ? r->affiliation : "-", r->actor,
             seen[0] ? seen : " no claim");
}

static void test_rows(void **state)
{
    fixture *fx = *state;
    fx_build_ok(fx);
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++)
        check_row(fx, &rows[i]);
}

/* A caller's file adds an entity and overrides ICU's canonical name. */
static void test_entities_from_file(void **state)
{
    fixture *fx = *state;
    const char *path = fx_temp_file(fx, "Orsk Ring\tclass=entities\tcanonical=Orsk Ring\tkind=group\n"
                                        "the Ring\tclass=entities\tcanonical=Orsk Ring\tkind=group\n"
                                        "Россия\tclass=entities\tcanonical=Russian Federation\tkind=state\n");
    assert_int_equal(attrib_options_add_lexicon_file(fx->options, "common", path), ATTRIB_OK);
    fx_build_ok(fx);
    const row cases[] = {
        {"en", "Investigators said the Ring was behind the attack.", "Investigators", NULL,
         ATTRIB_KIND_UNKNOWN, "Orsk Ring"},
        {"en", "Investigators said Россия was behind the attack.", "Investigators", NULL,
         ATTRIB_KIND_UNKNOWN, "Russian Federation"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        check_row(fx, &cases[i]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_rows, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_entities_from_file, fx_setup, fx_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
