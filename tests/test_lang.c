/* Languages (lang.c, stem.c, the manifest's settings, discontinuous
 * phrases in lexicon.c): which language a text is in, inflected forms
 * through Snowball stems, separable verbs, and scripts beyond Latin.
 * Sentences are the project's own. */
#include "testutil.h" /* first: it sets the feature macros */
#include "internal.h"

static bool enabled(const attrib_extractor *ex, const char *code)
{
    for (size_t i = 0; i < attrib_extractor_language_count(ex); i++)
        if (strcmp(attrib_extractor_language(ex, i), code) == 0)
            return true;
    return false;
}

static void analyse(const attrib_extractor *ex, doc *d, const char *text, const char *lang)
{
    memset(d, 0, sizeof *d);
    d->text = text;
    d->len = strlen(text);
    assert_int_equal(doc_analyse(ex, d, lang), ATTRIB_OK);
}

/* The token whose key is KEY (the first one). */
static size_t tok_index(const doc *d, const char *key)
{
    for (size_t i = 0; i < DOC_NTOK(d); i++)
        if (DOC_TOK(d, i)->key && strcmp(DOC_TOK(d, i)->key, key) == 0)
            return i;
    fail_msg("no token '%s'", key);
    return 0;
}

/* ---- Language identification ---- */

/* A few news sentences in each language, with no name that would tell. */
static const struct {
    const char *lang, *text;
} lang_rows[] = {
    {"en", "The ministry said on Tuesday that the attack on the water company had been "
           "carried out by a group of criminals who wanted money, and that the police were "
           "still looking for them."},
    {"en", "Officials have not confirmed who was behind the outage, but two experts told the "
           "newspaper they believed it was the work of a foreign state."},
    {"fr", "Le ministère a indiqué mardi que l'attaque contre la société des eaux avait été "
           "menée par un groupe de criminels qui voulaient de l'argent, et que la police les "
           "recherchait toujours."},
    {"fr", "Les responsables n'ont pas confirmé qui était derrière la panne, mais deux experts "
           "ont dit au journal qu'il s'agissait selon eux de l'œuvre d'un État étranger."},
    {"de", "Das Ministerium teilte am Dienstag mit, der Angriff auf die Wasserwerke sei von einer "
           "Gruppe von Kriminellen verübt worden, die Geld wollten, und die Polizei suche noch "
           "nach ihnen."},
    {"de", "Wer hinter dem Ausfall steckt, ist nicht bestätigt, aber zwei Experten sagten der "
           "Zeitung, sie hielten es für das Werk eines fremden Staates."},
    {"nl", "Het ministerie liet dinsdag weten dat de aanval op het waterbedrijf was uitgevoerd "
           "door een groep criminelen die geld wilden, en dat de politie nog naar hen zocht."},
    {"nl", "Wie er achter de storing zit, is niet bevestigd, maar twee experts zeiden tegen de "
           "krant dat het volgens hen het werk van een buitenlandse staat was."},
    {"es", "El ministerio dijo el martes que el ataque contra la empresa de aguas había sido "
           "llevado a cabo por un grupo de delincuentes que querían dinero, y que la policía "
           "todavía los buscaba."},
    {"es", "Las autoridades no han confirmado quién estaba detrás del apagón, pero dos expertos "
           "dijeron al periódico que creían que era obra de un Estado extranjero."},
    {"it", "Il ministero ha detto martedì che l'attacco contro la società idrica era stato "
           "compiuto da un gruppo di criminali che volevano soldi, e che la polizia li stava "
           "ancora cercando."},
    {"it", "Le autorità non hanno confermato chi ci fosse dietro il blackout, ma due esperti "
           "hanno detto al giornale che secondo loro era opera di uno Stato straniero."},
    {"pt", "O ministério disse na terça-feira que o ataque contra a empresa de águas tinha sido "
           "realizado por um grupo de criminosos que queriam dinheiro, e que a polícia ainda "
           "os procurava."},
    {"pt", "As autoridades não confirmaram quem estava por trás do apagão, mas dois "
           "especialistas disseram ao jornal que acreditavam que era obra de um Estado "
           "estrangeiro."},
};

static void test_identifies_each_language(void **state)
{
    const attrib_extractor *ex = *state;
    size_t checked = 0;
    for (size_t r = 0; r < sizeof lang_rows / sizeof *lang_rows; r++) {
        if (!enabled(ex, lang_rows[r].lang))
            continue; /* a language not built in cannot be told */
        doc d;
        analyse(ex, &d, lang_rows[r].text, NULL);
        if (!d.lang_known || strcmp(d.lang->code, lang_rows[r].lang) != 0)
            fail_msg("row %zu: want %s, got %s", r, lang_rows[r].lang,
                     d.lang_known ? d.lang->code : "nothing");
        doc_free(&d);
        checked++;
    }
    assert_true(checked >= 8); /* en, fr, de, nl at least */
}

/* A document in two languages is read in the one most of it is in. */
static void test_mixed_document_takes_majority(void **state)
{
    const attrib_extractor *ex = *state;
    char text[2048];
    snprintf(text, sizeof text, "%s %s %s", lang_rows[0].text, lang_rows[4].text,
             lang_rows[5].text);
    doc d;
    analyse(ex, &d, text, NULL);
    assert_string_equal(d.lang->code, "de");
    doc_free(&d);
    snprintf(text, sizeof text, "%s %s %s", lang_rows[6].text, lang_rows[1].text,
             lang_rows[0].text);
    analyse(ex, &d, text, NULL);
    assert_string_equal(d.lang->code, "en");
    doc_free(&d);
}

static void test_hint_wins(void **state)
{
    const attrib_extractor *ex = *state;
    doc d;
    analyse(ex, &d, lang_rows[4].text, "nl");
    assert_string_equal(d.lang->code, "nl");
    doc_free(&d);
}

/* ---- Manifest settings ---- */

static void test_settings_come_from_the_manifest(void **state)
{
    const attrib_extractor *ex = *state;
    for (size_t i = 0; i < ex->nlangs; i++) {
        const language *l = &ex->langs[i];
        assert_int_equal(language_ready(ex, l), ATTRIB_OK); /* built on first use */
        if (strcmp(l->code, "de") == 0) {
            assert_non_null(l->stems);
            assert_true(l->nouns_capital && l->verb_second && l->compounds &&
                        !l->adjectives_follow);
        } else if (strcmp(l->code, "en") == 0) {
            /* English lists its forms and stems nothing. */
            assert_null(l->stems);
            assert_false(l->nouns_capital || l->verb_second || l->adjectives_follow ||
                         l->compounds);
        } else if (strcmp(l->code, "fr") == 0) {
            assert_true(l->adjectives_follow);
        }
    }
}

/* ---- Stems ---- */

static void test_stems_match_inflected_forms(void **state)
{
    const attrib_extractor *ex = *state;
    doc d;
    /* events.txt has "Angriff", modifiers.txt "kein", described.txt
     * "Ermittler": the dative plural and the inflected article match. */
    analyse(ex, &d, "Die Ermittlern fanden keinen Hinweis zu den Angriffen.", "de");
    assert_non_null(tok_lex(&d, tok_index(&d, "angriffen"), LEX_EVENT));
    const lex_entry *neg = tok_lex(&d, tok_index(&d, "keinen"), LEX_MODIFIER);
    assert_non_null(neg);
    assert_int_equal(neg->mod, MOD_NEG);
    assert_non_null(tok_lex(&d, tok_index(&d, "ermittlern"), LEX_DESCRIBED));
    /* A word of another stem does not. */
    assert_null(tok_lex(&d, tok_index(&d, "fanden"), LEX_EVENT));
    doc_free(&d);
}

static void test_exact_entry_wins_over_stem(void **state)
{
    const attrib_extractor *ex = *state;
    doc d;
    /* "Hinweise auf" is a blame phrase that starts at "Hinweise"; the
     * stem of "Hinweise" adds nothing to the class there. */
    analyse(ex, &d, "Die Forscher fanden Hinweise auf Russland.", "de");
    const lex_entry *e = tok_lex(&d, tok_index(&d, "hinweise"), LEX_BLAME);
    assert_non_null(e);
    assert_int_equal(e->nwords, 2);
    doc_free(&d);
}

static void test_no_stems_without_the_setting(void **state)
{
    const attrib_extractor *ex = *state;
    doc d;
    /* English "breach" is listed, "breaching" is not: no stem finds it. */
    analyse(ex, &d, "The breaching of the dam was a surprise.", "en");
    assert_null(tok_lex(&d, tok_index(&d, "breaching"), LEX_EVENT));
    doc_free(&d);
}

static void test_compounds_take_their_head(void **state)
{
    const attrib_extractor *ex = *state;
    doc d;
    /* Neither word is listed; "Ermittler" and "Anschlag" are their heads. */
    analyse(ex, &d, "Die Cyberermittler untersuchen den Giftanschlag.", "de");
    const lex_entry *e = tok_lex(&d, tok_index(&d, "cyberermittler"), LEX_DESCRIBED);
    assert_non_null(e);
    assert_memory_equal(e->words[0], "ermittler", 9); /* an entry of its stem */
    assert_non_null(tok_lex(&d, tok_index(&d, "giftanschlag"), LEX_EVENT));
    /* A verb takes no head ("untersuchen" holds no noun of the lexicon),
     * and a compound is no cue: only described and event nouns are heads. */
    assert_null(tok_lex(&d, tok_index(&d, "untersuchen"), LEX_DESCRIBED));
    doc_free(&d);
    analyse(ex, &d, "De beveiligingsexperts onderzoeken de hackaanval.", "nl");
    assert_non_null(tok_lex(&d, tok_index(&d, "beveiligingsexperts"), LEX_DESCRIBED));
    doc_free(&d);
    /* Not without the setting: English does not compound so. */
    analyse(ex, &d, "The cyberexperts studied it.", "en");
    assert_null(tok_lex(&d, tok_index(&d, "cyberexperts"), LEX_DESCRIBED));
    doc_free(&d);
}

/* ---- Discontinuous phrases ---- */

static void test_separable_verb_matches_across_its_gap(void **state)
{
    const attrib_extractor *ex = *state;
    doc d;
    analyse(ex, &d, "Das Amt teilte am Montag in einer kurzen Erklärung mit, es habe nichts bemerkt.",
            "de");
    size_t i = tok_index(&d, "teilte");
    const lex_entry *e = tok_lex(&d, i, LEX_REPORT);
    assert_non_null(e);
    assert_int_equal(e->ntail, 1);
    assert_string_equal(e->tail[0], "mit");
    assert_int_equal(lexicon_tail_at(&d, i, e), tok_index(&d, "mit"));
    doc_free(&d);
    /* Without its particle, or with the particle in the next sentence,
     * the verb is no cue. */
    analyse(ex, &d, "Das Amt teilte die Kosten auf. Mit dem Rest war es zufrieden.", "de");
    assert_null(tok_lex(&d, tok_index(&d, "teilte"), LEX_REPORT));
    doc_free(&d);
}

static void test_separable_verb_claims(void **state)
{
    const attrib_extractor *ex = *state;
    doc d;
    /* The inverted subject stands between the verb and its particle. */
    analyse(ex, &d, "Hinter dem Angriff stehe Russland, teilte das Ministerium mit.", "de");
    assert_int_equal(d.claims.len, 1);
    const draft_claim *c = &VEC_AT(d.claims, draft_claim, 0);
    assert_true(c->source >= 0);
    assert_string_equal(DOC_TOK(&d, DOC_MEN(&d, c->source)->head)->key, "ministerium");
    assert_string_equal(DOC_MEN(&d, c->actor)->canonical, "Russia");
    doc_free(&d);
    /* The subject after a verb-second verb, inside the gap. */
    analyse(ex, &d, "Nach Angaben der Polizei steckt eine iranische Gruppe hinter dem Angriff.",
            "de");
    assert_int_equal(d.claims.len, 1);
    c = &VEC_AT(d.claims, draft_claim, 0);
    assert_string_equal(DOC_MEN(&d, c->actor)->canonical, "Iran");
    doc_free(&d);
}

/* ---- Scripts beyond Latin ---- */

/* Every token is a whole word or mark of the text: its key folds its
 * bytes, it starts and ends on a character boundary, and no key is
 * empty or holds a byte that is not UTF-8. */
static void assert_clean_tokens(const doc *d)
{
    assert_true(DOC_NTOK(d) > 0);
    for (size_t i = 0; i < DOC_NTOK(d); i++) {
        const token *t = DOC_TOK(d, i);
        assert_true(t->end > t->start && t->end <= d->len);
        assert_true(((unsigned char)d->text[t->start] & 0xC0) != 0x80);
        assert_true(t->end == d->len || ((unsigned char)d->text[t->end] & 0xC0) != 0x80);
        assert_non_null(t->key);
        assert_true(t->keylen > 0);
        assert_int_equal(text_utf8_invalid_at(t->key, t->keylen), t->keylen);
        if (i > 0)
            assert_true(t->start >= DOC_TOK(d, i - 1)->end);
    }
}

static void test_non_latin_scripts_segment_cleanly(void **state)
{
    const attrib_extractor *ex = *state;
    static const struct {
        const char *text;
        const char *word;   /* one word that must be a token of its own, folded */
        size_t sentences;
    } rows[] = {
        {"Министерство заявило, что за атакой стоит Россия. Эксперты сомневаются.", "россия", 2},
        {"Το υπουργείο δήλωσε ότι πίσω από την επίθεση βρίσκεται η Ρωσία. Οι ειδικοί αμφιβάλλουν.",
         "ρωσία", 2},
        {"外交部表示，俄罗斯是这次攻击的幕后黑手。专家对此表示怀疑。", "俄罗斯", 2},
        {"政府は攻撃の背後にロシアがいると発表した。専門家は疑っている。", "ロシア", 2},
        {"정부는 러시아가 공격의 배후에 있다고 밝혔다. 전문가들은 의심한다.", "러시아가", 2},
    };
    for (size_t r = 0; r < sizeof rows / sizeof *rows; r++) {
        doc d;
        analyse(ex, &d, rows[r].text, NULL);
        assert_clean_tokens(&d);
        tok_index(&d, rows[r].word);
        if (d.sentences.len != rows[r].sentences)
            fail_msg("row %zu: %zu sentences", r, d.sentences.len);
        /* No cue of a Latin-script lexicon is read into these texts. */
        assert_int_equal(d.claims.len, 0);
        doc_free(&d);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_identifies_each_language),
        cmocka_unit_test(test_mixed_document_takes_majority),
        cmocka_unit_test(test_hint_wins),
        cmocka_unit_test(test_settings_come_from_the_manifest),
        cmocka_unit_test(test_stems_match_inflected_forms),
        cmocka_unit_test(test_exact_entry_wins_over_stem),
        cmocka_unit_test(test_no_stems_without_the_setting),
        cmocka_unit_test(test_compounds_take_their_head),
        cmocka_unit_test(test_separable_verb_matches_across_its_gap),
        cmocka_unit_test(test_separable_verb_claims),
        cmocka_unit_test(test_non_latin_scripts_segment_cleanly),
    };
    return cmocka_run_group_tests(tests, extractor_setup, extractor_teardown);
}
