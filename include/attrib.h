/* libattrib: who says who did it.
 *
 * Reads a news text and returns its attribution claims: a SOURCE takes a
 * position (a STANCE) on whether an ACTOR is responsible for an EVENT.
 * The definition of a claim and its JSON form are in the project's spec
 * (claims.md); this header is the whole public API.
 *
 * Threading: an attrib_extractor's settings are fixed once
 * attrib_extractor_new() returns, and it may be used by any number of
 * threads at once (what it builds or keeps later, a language's lexicon on
 * the first document read in it and the memory of documents done, it
 * builds and keeps safely for all of them). An
 * attrib_result, and everything read from it, belongs to the thread that
 * made it until it is handed over. An attrib_options object is not shared,
 * nor is an attrib_corpus (its getters build indices on first use).
 *
 * Text: input is UTF-8, not necessarily NUL-terminated (a length is always
 * given). Every offset in a result is a UTF-8 byte offset into the caller's
 * input, end exclusive.
 *
 * Memory: every pointer returned by an accessor is owned by the object it
 * was read from and stays valid until that object is freed. Strings the
 * caller must free say so and are freed with attrib_free(). The library
 * never prints, never aborts, and keeps no global state.
 *
 * A corpus (attrib_corpus, at the end) gathers many results to compare
 * what their sources say across documents.
 */
#ifndef ATTRIB_H
#define ATTRIB_H

#include <stdbool.h>
#include <stddef.h>

#include "attrib_version.h"

#ifdef __cplusplus
extern "C" {
#endif

#if defined(ATTRIB_BUILDING) && defined(__GNUC__)
#define ATTRIB_API __attribute__((visibility("default")))
#else
#define ATTRIB_API
#endif

/* ---- Status codes ------------------------------------------------------ */

typedef enum attrib_status {
    ATTRIB_OK = 0,
    ATTRIB_EINVAL = 1,   /* an argument is invalid (NULL, out of range)    */
    ATTRIB_ENOMEM = 2,   /* an allocation failed; nothing was kept         */
    ATTRIB_EUTF8 = 3,    /* the text is not valid UTF-8 (see error offset) */
    ATTRIB_ETOOBIG = 4,  /* the text is over the maximum document size     */
    ATTRIB_ELANG = 5,    /* unknown or disabled language                   */
    ATTRIB_ELEXICON = 6, /* a lexicon file has a syntax error              */
    ATTRIB_EIO = 7,      /* a file could not be read                       */
    ATTRIB_EICU = 8      /* ICU reported an internal failure               */
} attrib_status;

/* A static, English description of a status; never NULL. */
ATTRIB_API const char *attrib_strerror(attrib_status status);

/* The library's version as "MAJOR.MINOR.PATCH" (compare with the
 * ATTRIB_VERSION_* macros to detect a header/library mismatch). */
ATTRIB_API const char *attrib_version(void);

/* Frees a buffer the library handed to the caller (attrib_result_to_json).
 * Accepts NULL. */
ATTRIB_API void attrib_free(void *ptr);

/* ---- Options ----------------------------------------------------------- */

/* Settings for attrib_extractor_new(). Setters copy what they are given;
 * the options may be freed as soon as the extractor is built. New settings
 * arrive as new setters, so the ABI does not move when options grow. */
typedef struct attrib_options attrib_options;

/* *out is NULL on failure. */
ATTRIB_API attrib_status attrib_options_new(attrib_options **out);
ATTRIB_API void attrib_options_free(attrib_options *options);

/* Languages to enable, as a comma-separated list of ISO 639-1 codes
 * ("en,fr"); NULL or "" enables every built-in language. An unknown code
 * gives ATTRIB_ELANG. */
ATTRIB_API attrib_status attrib_options_set_languages(attrib_options *options,
                                                      const char *languages);

/* Largest document attrib_extract() accepts, in bytes (default 64 MiB;
 * 0 means no limit). A longer text gives ATTRIB_ETOOBIG. */
ATTRIB_API attrib_status attrib_options_set_max_document_size(attrib_options *options,
                                                              size_t bytes);

/* Adds a lexicon file for one language (or "common" for every language),
 * read when the extractor is built. The file has the format of the
 * built-in lexicons (see lexicons/README.md); its entries add to and, for
 * the same phrase and class, override the built-in ones. */
ATTRIB_API attrib_status attrib_options_add_lexicon_file(attrib_options *options,
                                                         const char *lang,
                                                         const char *path);

/* Why the last call on these options, or the last attrib_extractor_new()
 * made from them, failed ("en/report.txt:12: unknown class"); "" if it did
 * not. Valid until the next call on the options. */
ATTRIB_API const char *attrib_options_error(const attrib_options *options);

/* ---- Extractor --------------------------------------------------------- */

typedef struct attrib_extractor attrib_extractor;

/* Builds an extractor from the built-in lexicons plus any files named in
 * OPTIONS (NULL for defaults). On failure *out is NULL and, where OPTIONS
 * was given, attrib_options_error() says why. A language's lexicon is
 * built on the first document read in it (a few milliseconds), unless
 * OPTIONS names lexicon files: then every one is built here, so that the
 * files' errors are reported here. */
ATTRIB_API attrib_status attrib_extractor_new(const attrib_options *options,
                                              attrib_extractor **out);
ATTRIB_API void attrib_extractor_free(attrib_extractor *extractor);

/* Number of enabled languages, and the code of the i-th ("en"). */
ATTRIB_API size_t attrib_extractor_language_count(const attrib_extractor *extractor);
ATTRIB_API const char *attrib_extractor_language(const attrib_extractor *extractor,
                                                 size_t i);

/* ---- Extraction -------------------------------------------------------- */

typedef struct attrib_result attrib_result;
typedef struct attrib_claim attrib_claim;
typedef struct attrib_entity attrib_entity;

typedef struct attrib_span {
    size_t start; /* byte offset into the caller's text */
    size_t end;   /* exclusive */
} attrib_span;

/* Extracts the claims of TEXT (LEN bytes of UTF-8). LANG is an ISO 639-1
 * code that overrides language identification, or NULL to identify it.
 *
 * On ATTRIB_OK, *out is a result holding the claims.
 * On ATTRIB_EUTF8, ATTRIB_ETOOBIG or ATTRIB_ELANG, *out is a result that
 * holds no claims and says what went wrong (attrib_result_status(),
 * attrib_result_error(), attrib_result_error_offset()); it serialises to
 * the spec's error object.
 * On ATTRIB_EINVAL and ATTRIB_ENOMEM, *out is NULL.
 * Free every non-NULL result with attrib_result_free(). The text is not
 * retained: the result keeps copies of what it needs. */
ATTRIB_API attrib_status attrib_extract(const attrib_extractor *extractor,
                                        const char *text, size_t len,
                                        const char *lang, attrib_result **out);
ATTRIB_API void attrib_result_free(attrib_result *result);

/* ATTRIB_OK, or the failure the result describes. */
ATTRIB_API attrib_status attrib_result_status(const attrib_result *result);
/* Detail of a failure ("invalid UTF-8 at byte 17"); "" on success. */
ATTRIB_API const char *attrib_result_error(const attrib_result *result);
/* Byte offset of the first invalid byte for ATTRIB_EUTF8, else 0. */
ATTRIB_API size_t attrib_result_error_offset(const attrib_result *result);

/* Language the text was read as ("en"), or "und" when unknown. */
ATTRIB_API const char *attrib_result_lang(const attrib_result *result);

ATTRIB_API size_t attrib_result_claim_count(const attrib_result *result);
/* The i-th claim, in text order, or NULL when i is out of range. */
ATTRIB_API const attrib_claim *attrib_result_claim(const attrib_result *result, size_t i);

/* Serialises the result as one JSON object (no newline), exactly as the
 * spec's output contract; ID is the document id to write (UTF-8), or NULL
 * for "id": null. *json is NUL-terminated, *len (if not NULL) its length;
 * free it with attrib_free(). An ID that is not valid UTF-8 gives
 * ATTRIB_EUTF8 and no JSON. */
ATTRIB_API attrib_status attrib_result_to_json(const attrib_result *result, const char *id,
                                               char **json, size_t *len);

/* ---- Claims ------------------------------------------------------------ */

typedef enum attrib_stance {
    ATTRIB_ASSERTS = 0,     /* presents responsibility as fact       */
    ATTRIB_SUGGESTS = 1,    /* presents it as probable or possible   */
    ATTRIB_UNCOMMITTED = 2, /* takes no side, or asks                */
    ATTRIB_DOUBTS = 3,      /* questions it without firm denial      */
    ATTRIB_DENIES = 4       /* firmly rejects it                     */
} attrib_stance;

/* "asserts", "suggests", ...; NULL for a value out of range. */
ATTRIB_API const char *attrib_stance_name(attrib_stance stance);
/* +1 for asserts and suggests, 0 for uncommitted, -1 for doubts and denies. */
ATTRIB_API int attrib_stance_polarity(attrib_stance stance);

/* The source, or NULL for an unattributed claim (the writer's own voice,
 * an agentless passive, a headline). */
ATTRIB_API const attrib_entity *attrib_claim_source(const attrib_claim *claim);
/* The actor held responsible; never NULL. */
ATTRIB_API const attrib_entity *attrib_claim_actor(const attrib_claim *claim);
/* Outlets and intermediaries that carry the source's words, outermost
 * first ("X told Reuters" gives [Reuters]). */
ATTRIB_API size_t attrib_claim_via_count(const attrib_claim *claim);
ATTRIB_API const attrib_entity *attrib_claim_via(const attrib_claim *claim, size_t i);

ATTRIB_API attrib_stance attrib_claim_stance(const attrib_claim *claim);
/* How sure the extractor is of this claim, from 0 to 1 (see README:
 * "Confidence"). */
ATTRIB_API double attrib_claim_confidence(const attrib_claim *claim);
/* True when the source claims or denies its own responsibility. */
ATTRIB_API bool attrib_claim_is_self(const attrib_claim *claim);

/* The words that carry the stance ("confirmed"), and the sentence. */
ATTRIB_API attrib_span attrib_claim_cue(const attrib_claim *claim);
ATTRIB_API const char *attrib_claim_cue_text(const attrib_claim *claim);
ATTRIB_API attrib_span attrib_claim_sentence(const attrib_claim *claim);
/* The sentence's text (a NUL-terminated copy), the evidence a reader
 * checks the claim against. */
ATTRIB_API const char *attrib_claim_sentence_text(const attrib_claim *claim);

/* The event, where the text names it ("the attacks"): its text, or NULL,
 * and its span ({0, 0} when there is none). */
ATTRIB_API const char *attrib_claim_event_text(const attrib_claim *claim);
ATTRIB_API attrib_span attrib_claim_event(const attrib_claim *claim);

/* Which rule of the pipeline produced the claim ("report+resp",
 * "quote-speaker", "blame", ...), so that a wrong claim can be traced. */
ATTRIB_API const char *attrib_claim_rule(const attrib_claim *claim);

/* ---- Entities ---------------------------------------------------------- */

typedef enum attrib_kind {
    ATTRIB_KIND_UNKNOWN = 0,
    ATTRIB_KIND_PERSON,
    ATTRIB_KIND_ORGANIZATION,
    ATTRIB_KIND_STATE,
    ATTRIB_KIND_GOVERNMENT,
    ATTRIB_KIND_AGENCY,
    ATTRIB_KIND_MEDIA,
    ATTRIB_KIND_GROUP,
    ATTRIB_KIND_DESCRIBED
} attrib_kind;

/* "person", "organization", ...; "unknown" for ATTRIB_KIND_UNKNOWN, NULL
 * for a value out of range. */
ATTRIB_API const char *attrib_kind_name(attrib_kind kind);

/* The words as they stand in the text (a NUL-terminated copy). */
ATTRIB_API const char *attrib_entity_text(const attrib_entity *entity);
/* One name for every alias of the entity, across languages ("North
 * Korea" for "Pyongyang" and « la Corée du Nord »). */
ATTRIB_API const char *attrib_entity_canonical(const attrib_entity *entity);
ATTRIB_API attrib_kind attrib_entity_kind(const attrib_entity *entity);
ATTRIB_API attrib_span attrib_entity_span(const attrib_entity *entity);
/* The organisation a person speaks for, or NULL. */
ATTRIB_API const char *attrib_entity_affiliation(const attrib_entity *entity);

/* ---- Corpus ------------------------------------------------------------ */

/* The comparison across documents: the claims of many results, each under
 * its document id, gathered by canonical actor and source, so that one can
 * ask which sources back which actor, how firmly, where they disagree.
 * A short name that stands for exactly one longer name in the corpus is
 * given as that name ("Corvane" in one document, "Corvane Security" in
 * another: an organisation by its first words, a person by the last);
 * the evidence keeps each document's own words.
 *
 * A corpus copies what it needs from what it is given; the results and
 * strings passed in may be freed at once. Getters read indices the corpus
 * builds on the first read after an add, so a corpus, like a result,
 * belongs to one thread at a time (even for reading). Every pointer a
 * getter returns is owned by the corpus and valid until the next add or
 * merge into it, or attrib_corpus_free().
 *
 * Everything a corpus gives is in a fixed order that does not depend on
 * the order documents were added in: actors by number of sources (most
 * first), then by name; positions by stance (asserts first), then by
 * source name (unattributed last); evidence by document id and offset. */
typedef struct attrib_corpus attrib_corpus;
/* What one source holds about one actor with one stance, in one or more
 * documents. */
typedef struct attrib_position attrib_position;
/* One claim behind a position: where it stands and its words. */
typedef struct attrib_evidence attrib_evidence;

/* *out is NULL on failure. */
ATTRIB_API attrib_status attrib_corpus_new(attrib_corpus **out);
ATTRIB_API void attrib_corpus_free(attrib_corpus *corpus);

/* Adds the claims of RESULT as document DOC_ID (a NUL-terminated,
 * non-empty string). A result that carries a failure adds a document
 * without claims. A DOC_ID the corpus already holds gives ATTRIB_EINVAL,
 * one that is not valid UTF-8 ATTRIB_EUTF8.
 * On any failure the corpus is as it was. */
ATTRIB_API attrib_status attrib_corpus_add(attrib_corpus *corpus, const char *doc_id,
                                           const attrib_result *result);

/* Adds one result in the spec's JSON form, as attrib_result_to_json() and
 * `attrib-extract --jsonl` write it (LEN bytes; an "id" is required; an
 * error object adds a document without claims). A "text" member in a
 * claim's "sentence", where present, is kept as its evidence sentence.
 * Malformed JSON or a missing field gives ATTRIB_EINVAL and
 * attrib_corpus_error() says what; the corpus is then as it was. */
ATTRIB_API attrib_status attrib_corpus_add_json(attrib_corpus *corpus, const char *json,
                                                size_t len);

/* Adds every document of FROM to CORPUS (partial corpora built apart, in
 * threads or processes, merge into one). A document id in both gives
 * ATTRIB_EINVAL, and CORPUS is then as it was. FROM is not changed. */
ATTRIB_API attrib_status attrib_corpus_merge(attrib_corpus *corpus, const attrib_corpus *from);

/* Why the last add on the corpus failed ("line 1: no \"id\""); "" if it
 * did not. Valid until the next call on the corpus. */
ATTRIB_API const char *attrib_corpus_error(const attrib_corpus *corpus);

/* Number of documents, and the id of the i-th in id order (NULL when out
 * of range). */
ATTRIB_API size_t attrib_corpus_document_count(const attrib_corpus *corpus);
ATTRIB_API const char *attrib_corpus_document(const attrib_corpus *corpus, size_t i);

/* Actors: every canonical name some claim holds responsible. */
ATTRIB_API size_t attrib_corpus_actor_count(const attrib_corpus *corpus);
/* The canonical name of the i-th actor, or NULL when out of range. */
ATTRIB_API const char *attrib_corpus_actor(const attrib_corpus *corpus, size_t i);
ATTRIB_API attrib_kind attrib_corpus_actor_kind(const attrib_corpus *corpus, size_t i);
/* How many distinct sources (unattributed claims not counted) hold the
 * i-th actor responsible with a stance of POLARITY (+1, 0 or -1; see
 * attrib_stance_polarity()). */
ATTRIB_API size_t attrib_corpus_actor_sources(const attrib_corpus *corpus, size_t i,
                                              int polarity);
/* True when sources disagree about the i-th actor: at least one source
 * takes a positive stance and another (or the same) a negative one. */
ATTRIB_API bool attrib_corpus_actor_contested(const attrib_corpus *corpus, size_t i);
/* The positions about the i-th actor, in the corpus order above. */
ATTRIB_API size_t attrib_corpus_position_count(const attrib_corpus *corpus, size_t i);
ATTRIB_API const attrib_position *attrib_corpus_position(const attrib_corpus *corpus,
                                                         size_t i, size_t j);

/* Contested actors alone: their count, and the actor index (for the
 * attrib_corpus_actor* getters) of the k-th. */
ATTRIB_API size_t attrib_corpus_contested_count(const attrib_corpus *corpus);
ATTRIB_API size_t attrib_corpus_contested(const attrib_corpus *corpus, size_t k);

/* The source's canonical name, or NULL for unattributed claims. */
ATTRIB_API const char *attrib_position_source(const attrib_position *position);
ATTRIB_API attrib_kind attrib_position_source_kind(const attrib_position *position);
/* The organisation the source speaks for, or NULL. */
ATTRIB_API const char *attrib_position_affiliation(const attrib_position *position);
ATTRIB_API const char *attrib_position_actor(const attrib_position *position);
ATTRIB_API attrib_stance attrib_position_stance(const attrib_position *position);
/* Number of distinct documents among its evidence. */
ATTRIB_API size_t attrib_position_document_count(const attrib_position *position);
ATTRIB_API size_t attrib_position_evidence_count(const attrib_position *position);
ATTRIB_API const attrib_evidence *attrib_position_evidence(const attrib_position *position,
                                                           size_t k);

ATTRIB_API const char *attrib_evidence_document(const attrib_evidence *evidence);
/* The sentence's text where it was known (a result, or JSON with a
 * sentence "text"), else NULL; its span in the document. */
ATTRIB_API const char *attrib_evidence_sentence(const attrib_evidence *evidence);
ATTRIB_API attrib_span attrib_evidence_sentence_span(const attrib_evidence *evidence);
/* The claim's words: source (NULL when unattributed), actor, cue, event
 * (NULL when none). */
ATTRIB_API const char *attrib_evidence_source_text(const attrib_evidence *evidence);
ATTRIB_API const char *attrib_evidence_actor_text(const attrib_evidence *evidence);
ATTRIB_API const char *attrib_evidence_cue(const attrib_evidence *evidence);
ATTRIB_API const char *attrib_evidence_event(const attrib_evidence *evidence);
ATTRIB_API double attrib_evidence_confidence(const attrib_evidence *evidence);

/* Sources grouped by the organisation they speak for: a group is an
 * affiliation with the persons speaking for it, plus the organisation
 * itself where it speaks ("Norse": Norse, Kurt Stammberger). Groups are
 * in name order, their sources in name order; only affiliations that
 * some source has make a group. */
ATTRIB_API size_t attrib_corpus_affiliation_count(const attrib_corpus *corpus);
ATTRIB_API const char *attrib_corpus_affiliation(const attrib_corpus *corpus, size_t g);
ATTRIB_API size_t attrib_corpus_affiliation_source_count(const attrib_corpus *corpus, size_t g);
ATTRIB_API const char *attrib_corpus_affiliation_source(const attrib_corpus *corpus, size_t g,
                                                        size_t k);

/* Rival attributions: sources that hold different actors responsible
 * (positive stance) for the same event. Claims name the same event when
 * their events name the same victim ("the Sony hack", « le piratage de
 * Sony »); a claim that names no victim may be about any, and counts for
 * each; where no claim names a victim, the corpus is one story, the event
 * NULL. A rival is an event with at least two actors asserted by at least
 * two sources; its positions are the positive ones about it, in the
 * corpus order. */
ATTRIB_API size_t attrib_corpus_rival_count(const attrib_corpus *corpus);
/* The victim that names the r-th rival's event, or NULL for the story. */
ATTRIB_API const char *attrib_corpus_rival_event(const attrib_corpus *corpus, size_t r);
ATTRIB_API size_t attrib_corpus_rival_position_count(const attrib_corpus *corpus, size_t r);
ATTRIB_API const attrib_position *attrib_corpus_rival_position(const attrib_corpus *corpus,
                                                               size_t r, size_t j);

/* All of the above as one JSON object (documents, actors with their
 * positions and evidence, affiliations, contested, rivals); two corpora
 * holding the same documents serialise to the same bytes whatever order
 * the documents came in. *json is NUL-terminated, *len (if not NULL) its
 * length; free it with attrib_free(). */
ATTRIB_API attrib_status attrib_corpus_to_json(const attrib_corpus *corpus, char **json,
                                               size_t *len);

#ifdef __cplusplus
}
#endif

#endif /* ATTRIB_H */
