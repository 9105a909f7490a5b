/* Threads: one extractor shared by several threads at once gives every
 * thread the results a single thread gets, byte for byte in JSON.
 *
 * The documents are the files named on the command line (the sample
 * articles) and a few texts of the test's own, each read with and without
 * a language hint. Each thread goes through all of them, from a different
 * starting point, several times; a result made in a thread is freed by the
 * main thread (attrib.h: a result may be handed over). Built as usual it
 * checks the results; built with -Db_sanitize=thread (tools/check) it is
 * ThreadSanitizer's to find a race. */
#include "testutil.h" /* first: it sets the feature macros */
#include <pthread.h>



enum { NTHREADS = 4, ROUNDS = 3, MAX_DOCS = 64 };

typedef struct document {
    char *text;
    size_t len;
    const char *hint;
    char *expected; /* JSON from the single-threaded run */
} document;

static document docs[MAX_DOCS];
static size_t ndocs;
static const attrib_extractor *shared;

static const char *const own_texts[] = {
    "The Ministry of Ports said on Monday that the Grey Heron Collective was behind the "
    "outage at the Varn terminal. \"We had nothing to do with it,\" a spokeswoman for the "
    "group told the Daily Lantern.",
    "Le ministère des Ports a affirmé lundi que le collectif Héron gris était derrière la "
    "panne. « Nous n'y sommes pour rien », a déclaré une porte-parole du groupe.",
    "Investigators doubt that Varn was responsible for the attack, but the mayor blamed a "
    "foreign state. Did the Grey Heron Collective do it?",
    "",
    "NO PUNCTUATION AT ALL THE MINISTRY SAID THE GROUP WAS BEHIND THE ATTACK",
    "bad \xff utf-8",
};

static int add_document(const char *text, size_t len, const char *hint)
{
    if (ndocs == MAX_DOCS)
        return -1;
    document *d = &docs[ndocs];
    if (!(d->text = malloc(len ? len : 1)))
        return -1;
    memcpy(d->text, text, len);
    d->len = len;
    d->hint = hint;
    ndocs++;
    return 0;
}

static char *extract_json(const document *d)
{
    attrib_result *r = NULL;
    attrib_status st = attrib_extract(shared, d->text, d->len, d->hint, &r);
    if (!r)
        return NULL;
    (void)st;
    char *json = NULL;
    if (attrib_result_to_json(r, "doc", &json, NULL) != ATTRIB_OK)
        json = NULL;
    attrib_result_free(r);
    return json;
}

typedef struct worker {
    pthread_t thread;
    size_t first;
    size_t runs, mismatches, failures;
    attrib_result *handed_over; /* a result for the main thread to free */
} worker;

static void *work(void *arg)
{
    worker *w = arg;
    for (int round = 0; round < ROUNDS; round++) {
        for (size_t k = 0; k < ndocs; k++) {
            const document *d = &docs[(w->first + k) % ndocs];
            char *json = extract_json(d);
            w->runs++;
            if (!json)
                w->failures++;
            else if (strcmp(json, d->expected) != 0)
                w->mismatches++;
            attrib_free(json);
        }
    }
    if (attrib_extract(shared, docs[w->first].text, docs[w->first].len, docs[w->first].hint,
                       &w->handed_over) == ATTRIB_ENOMEM)
        w->failures++;
    return NULL;
}

static void test_shared_extractor(void **state)
{
    (void)state;
    for (size_t i = 0; i < ndocs; i++) {
        docs[i].expected = extract_json(&docs[i]);
        assert_non_null(docs[i].expected);
    }
    /* The documents make claims: equal results are no empty agreement. */
    size_t with_claims = 0;
    for (size_t i = 0; i < ndocs; i++)
        with_claims += strstr(docs[i].expected, "\"claims\": [{") != NULL;
    assert_true(with_claims >= 4);

    worker w[NTHREADS];
    memset(w, 0, sizeof w);
    for (int t = 0; t < NTHREADS; t++) {
        w[t].first = (size_t)t * ndocs / NTHREADS;
        assert_int_equal(pthread_create(&w[t].thread, NULL, work, &w[t]), 0);
    }
    for (int t = 0; t < NTHREADS; t++)
        assert_int_equal(pthread_join(w[t].thread, NULL), 0);
    for (int t = 0; t < NTHREADS; t++) {
        assert_int_equal(w[t].runs, (size_t)ROUNDS * ndocs);
        assert_int_equal(w[t].failures, 0);
        assert_int_equal(w[t].mismatches, 0);
        assert_non_null(w[t].handed_over);
        attrib_result_free(w[t].handed_over);
    }
}

/* A new extractor builds each language's lexicon on the first document
 * read in it: threads that start on one together race to build it, and
 * must still get the single thread's results (the expected JSON of the
 * test above). */
static void test_first_documents_in_threads(void **state)
{
    (void)state;
    const attrib_extractor *before = shared;
    attrib_extractor *fresh = NULL;
    assert_int_equal(attrib_extractor_new(NULL, &fresh), ATTRIB_OK);
    shared = fresh;
    worker w[NTHREADS];
    memset(w, 0, sizeof w);
    for (int t = 0; t < NTHREADS; t++) {
        w[t].first = 0; /* every thread starts with the same document */
        assert_int_equal(pthread_create(&w[t].thread, NULL, work, &w[t]), 0);
    }
    for (int t = 0; t < NTHREADS; t++)
        assert_int_equal(pthread_join(w[t].thread, NULL), 0);
    for (int t = 0; t < NTHREADS; t++) {
        assert_int_equal(w[t].failures, 0);
        assert_int_equal(w[t].mismatches, 0);
        attrib_result_free(w[t].handed_over);
    }
    shared = before;
    attrib_extractor_free(fresh);
}

int main(int argc, char **argv)
{
    attrib_extractor *ex = NULL;
    if (attrib_extractor_new(NULL, &ex) != ATTRIB_OK) {
        fprintf(stderr, "cannot build the extractor\n");
        return 1;
    }
    shared = ex;
    for (int i = 1; i < argc; i++) {
        size_t len;
        char *text = read_file(argv[i], &len);
        if (!text) {
            perror(argv[i]);
            return 1;
        }
        /* The samples are named after their language: fr-1.txt. */
        const char *base = strrchr(argv[i], '/') ? strrchr(argv[i], '/') + 1 : argv[i];
        int bad = add_document(text, len, NULL) ||
                  add_document(text, len, strncmp(base, "fr", 2) == 0 ? "fr" : "en");
        free(text);
        if (bad)
            return 1;
    }
    for (size_t i = 0; i < sizeof own_texts / sizeof *own_texts; i++)
        if (add_document(own_texts[i], strlen(own_texts[i]), NULL) ||
            add_document(own_texts[i], strlen(own_texts[i]), i == 1 ? "fr" : "en"))
            return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_shared_extractor),
        cmocka_unit_test(test_first_documents_in_threads),
    };
    int rc = cmocka_run_group_tests_name("threads", tests, NULL, NULL);
    for (size_t i = 0; i < ndocs; i++) {
        free(docs[i].text);
        attrib_free(docs[i].expected);
    }
    attrib_extractor_free(ex);
    return rc;
}
