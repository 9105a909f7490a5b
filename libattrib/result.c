/* Result stage: copies what a document's claims name into one arena the
 * caller owns, so the result outlives the text and the document, and
 * answers the public accessors. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "result.h"

static bool fill_entity(attrib_result *r, const doc *d, int mi, attrib_entity *out)
{
    const mention *m = DOC_MEN(d, mi);
    size_t a = DOC_TOK(d, m->tb)->start, b = DOC_TOK(d, m->te - 1)->end;
    out->span.start = a;
    out->span.end = b;
    out->kind = m->kind;
    out->affiliation = NULL;
    if (m->affiliation >= 0) {
        const char *aff = DOC_MEN(d, m->affiliation)->canonical;
        if (!(out->affiliation = arena_strndup(&r->mem, aff, strlen(aff))))
            return false;
    }
    out->text = arena_strndup(&r->mem, d->text + a, b - a);
    out->canonical = arena_strndup(&r->mem, m->canonical, strlen(m->canonical));
    return out->text && out->canonical;
}

static attrib_span tok_span(const doc *d, size_t tb, size_t te)
{
    attrib_span s = {0, 0};
    if (te > tb) {
        s.start = DOC_TOK(d, tb)->start;
        s.end = DOC_TOK(d, te - 1)->end;
    }
    return s;
}

attrib_result *result_from_doc(const doc *d)
{
    attrib_result *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    snprintf(r->lang, sizeof r->lang, "%s", d->lang_known ? d->lang->code : "und");
    size_t n = d->claims.len;
    r->claims = arena_alloc(&r->mem, (n ? n : 1) * sizeof *r->claims);
    if (!r->claims)
        goto oom;
    for (size_t i = 0; i < n; i++) {
        const draft_claim *dc = &VEC_AT(d->claims, draft_claim, i);
        attrib_claim *c = &r->claims[i];
        memset(c, 0, sizeof *c);
        attrib_entity *ents = arena_alloc(&r->mem, (size_t)(2 + dc->nvia) * sizeof *ents);
        if (!ents)
            goto oom;
        if (!fill_entity(r, d, dc->actor, &ents[0]))
            goto oom;
        c->actor = &ents[0];
        if (dc->source >= 0) {
            if (!fill_entity(r, d, dc->source, &ents[1]))
                goto oom;
            c->source = &ents[1];
        }
        for (int k = 0; k < dc->nvia; k++)
            if (!fill_entity(r, d, dc->via[k], &ents[2 + k]))
                goto oom;
        c->via = &ents[2];
        c->nvia = (size_t)dc->nvia;
        c->stance = dc->stance;
        c->confidence = dc->confidence;
        c->self = dc->self;
        c->rule = dc->rule;
        c->cue = tok_span(d, dc->cue_tb, dc->cue_te);
        c->event = tok_span(d, dc->event_tb, dc->event_te);
        const sentence *s = DOC_SENT(d, dc->sent);
        c->sentence.start = s->start;
        c->sentence.end = s->end;
        c->cue_text = arena_strndup(&r->mem, d->text + c->cue.start, c->cue.end - c->cue.start);
        /* One copy a sentence, shared by its claims (they are in text
         * order): a copy each would cost claims times sentence length,
         * quadratic in a text without full stops. */
        if (i > 0 && VEC_AT(d->claims, draft_claim, i - 1).sent == dc->sent)
            c->sentence_text = r->claims[i - 1].sentence_text;
        else
            c->sentence_text = arena_strndup(&r->mem, d->text + s->start, s->end - s->start);
        if (!c->cue_text || !c->sentence_text)
            goto oom;
        if (c->event.end > c->event.start &&
            !(c->event_text = arena_strndup(&r->mem, d->text + c->event.start,
                                            c->event.end - c->event.start)))
            goto oom;
    }
    r->nclaims = n;
    return r;
oom:
    attrib_result_free(r);
    return NULL;
}

attrib_result *result_failure(attrib_status st, size_t offset, const char *detail)
{
    attrib_result *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->status = st;
    r->error_offset = offset;
    snprintf(r->lang, sizeof r->lang, "und");
    snprintf(r->error, sizeof r->error, "%s", detail);
    return r;
}

void attrib_result_free(attrib_result *r)
{
    if (!r)
        return;
    arena_free(&r->mem);
    free(r);
}

attrib_status attrib_result_status(const attrib_result *r) { return r ? r->status : ATTRIB_EINVAL; }
const char *attrib_result_error(const attrib_result *r) { return r ? r->error : ""; }
size_t attrib_result_error_offset(const attrib_result *r) { return r ? r->error_offset : 0; }
const char *attrib_result_lang(const attrib_result *r) { return r ? r->lang : "und"; }
size_t attrib_result_claim_count(const attrib_result *r) { return r ? r->nclaims : 0; }

const attrib_claim *attrib_result_claim(const attrib_result *r, size_t i)
{
    return r && i < r->nclaims ? &r->claims[i] : NULL;
}

const attrib_entity *attrib_claim_source(const attrib_claim *c) { return c ? c->source : NULL; }
const attrib_entity *attrib_claim_actor(const attrib_claim *c) { return c ? c->actor : NULL; }
size_t attrib_claim_via_count(const attrib_claim *c) { return c ? c->nvia : 0; }

const attrib_entity *attrib_claim_via(const attrib_claim *c, size_t i)
{
    return c && i < c->nvia ? &c->via[i] : NULL;
}

attrib_stance attrib_claim_stance(const attrib_claim *c) { return c ? c->stance : ATTRIB_UNCOMMITTED; }
double attrib_claim_confidence(const attrib_claim *c) { return c ? c->confidence : 0.0; }
bool attrib_claim_is_self(const attrib_claim *c) { return c && c->self; }

static const attrib_span no_span = {0, 0};

attrib_span attrib_claim_cue(const attrib_claim *c) { return c ? c->cue : no_span; }
const char *attrib_claim_cue_text(const attrib_claim *c) { return c ? c->cue_text : NULL; }
attrib_span attrib_claim_sentence(const attrib_claim *c) { return c ? c->sentence : no_span; }
const char *attrib_claim_sentence_text(const attrib_claim *c) { return c ? c->sentence_text : NULL; }
const char *attrib_claim_event_text(const attrib_claim *c) { return c ? c->event_text : NULL; }
attrib_span attrib_claim_event(const attrib_claim *c) { return c ? c->event : no_span; }
const char *attrib_claim_rule(const attrib_claim *c) { return c ? c->rule : NULL; }

const char *attrib_entity_text(const attrib_entity *e) { return e ? e->text : NULL; }
const char *attrib_entity_canonical(const attrib_entity *e) { return e ? e->canonical : NULL; }
attrib_kind attrib_entity_kind(const attrib_entity *e) { return e ? e->kind : ATTRIB_KIND_UNKNOWN; }
attrib_span attrib_entity_span(const attrib_entity *e) { return e ? e->span : no_span; }
const char *attrib_entity_affiliation(const attrib_entity *e) { return e ? e->affiliation : NULL; }
