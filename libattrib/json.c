/* Output stage: a result as the JSON object of the spec's contract.
 *
 * Written by hand rather than through a JSON library: the output is a
 * fixed shape, and the only subtle part, string escaping, is here once
 * (the jb_ buffer below, which corpus.c writes with too). Every field the
 * spec names is present; unknown ones are null. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jsonbuf.h"
#include "result.h"

void jb_put_grow(jbuf *b, const char *s, size_t n)
{
    if (b->failed)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 1024;
        while (b->len + n + 1 > cap)
            cap *= 2;
        char *p = realloc(b->s, cap);
        if (!p) {
            b->failed = true;
            b->cap = b->len; /* no room: jb_put() comes here, and returns */
            return;
        }
        b->s = p;
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

void jb_size(jbuf *b, size_t v)
{
    char tmp[24];
    char *p = tmp + sizeof tmp;
    do {
        *--p = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    jb_put(b, p, (size_t)(tmp + sizeof tmp - p));
}

void jb_putf(jbuf *b, const char *fmt, ...)
{
    char tmp[64];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n > 0)
        jb_put(b, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

void jb_hundredths(jbuf *b, double v)
{
    /* Not %f: a caller's LC_NUMERIC could make it "0,85". */
    size_t h = (size_t)(v * 100.0 + 0.5);
    char frac[3] = {'.', (char)('0' + h / 10 % 10), (char)('0' + h % 10)};
    jb_size(b, h / 100);
    jb_put(b, frac, sizeof frac);
}

attrib_status jb_finish(jbuf *b, char **out, size_t *len)
{
    if (b->failed) {
        free(b->s);
        return ATTRIB_ENOMEM;
    }
    *out = b->s;
    if (len)
        *len = b->len;
    return ATTRIB_OK;
}

/* A JSON string; the input is valid UTF-8 (validated text, or an id
 * checked by its caller), so only quotes, backslashes and control
 * characters need escaping: the table holds the bytes written as they
 * are (not NUL either, which ends the string). */
#define PLAIN16(c) c, c, c, c, c, c, c, c, c, c, c, c, c, c, c, c
static const bool json_plain[256] = {
    PLAIN16(0), PLAIN16(0),
    1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x20-0x2f: '"' */
    PLAIN16(1), PLAIN16(1),
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, /* 0x50-0x5f: '\\' */
    PLAIN16(1), PLAIN16(1), PLAIN16(1), PLAIN16(1), PLAIN16(1), PLAIN16(1), PLAIN16(1),
    PLAIN16(1), PLAIN16(1), PLAIN16(1)};

void jb_string(jbuf *b, const char *s)
{
    if (!s) {
        jb_puts(b, "null");
        return;
    }
    jb_put(b, "\"", 1);
    const char *run = s;
    for (;; s++) {
        /* The bytes written as they are: a run of them is one test a byte. */
        while (json_plain[(unsigned char)*s])
            s++;
        unsigned char c = (unsigned char)*s;
        if (!c)
            break;
        jb_put(b, run, (size_t)(s - run));
        run = s + 1;
        switch (c) {
        case '"': jb_puts(b, "\\\""); break;
        case '\\': jb_puts(b, "\\\\"); break;
        case '\n': jb_puts(b, "\\n"); break;
        case '\r': jb_puts(b, "\\r"); break;
        case '\t': jb_puts(b, "\\t"); break;
        default: jb_putf(b, "\\u%04x", c); break;
        }
    }
    jb_put(b, run, (size_t)(s - run));
    jb_put(b, "\"", 1);
}

static void put_span(jbuf *b, attrib_span s)
{
    jb_puts(b, "\"start\": ");
    jb_size(b, s.start);
    jb_puts(b, ", \"end\": ");
    jb_size(b, s.end);
}

static void put_entity(jbuf *b, const attrib_entity *e, bool with_affiliation)
{
    if (!e) {
        jb_puts(b, "null");
        return;
    }
    jb_puts(b, "{\"text\": ");
    jb_string(b, e->text);
    jb_puts(b, ", \"canonical\": ");
    jb_string(b, e->canonical);
    jb_puts(b, ", \"kind\": ");
    jb_string(b, e->kind == ATTRIB_KIND_UNKNOWN ? NULL : attrib_kind_name(e->kind));
    jb_puts(b, ", ");
    put_span(b, e->span);
    if (with_affiliation) {
        jb_puts(b, ", \"affiliation\": ");
        jb_string(b, e->affiliation);
    }
    jb_puts(b, "}");
}

attrib_status attrib_result_to_json(const attrib_result *r, const char *id, char **json,
                                    size_t *len)
{
    if (!json)
        return ATTRIB_EINVAL;
    *json = NULL;
    if (len)
        *len = 0;
    if (!r)
        return ATTRIB_EINVAL;
    /* The id is the caller's, the one string here not validated already:
     * written as it is, bytes that are not UTF-8 would make invalid JSON. */
    if (id && text_utf8_invalid_at(id, strlen(id)) != strlen(id))
        return ATTRIB_EUTF8;
    jbuf b = {0};
    jb_puts(&b, "{\"id\": ");
    jb_string(&b, id);
    if (r->status != ATTRIB_OK) {
        jb_puts(&b, ", \"error\": ");
        jb_string(&b, r->error);
        jb_puts(&b, "}");
    } else {
        jb_puts(&b, ", \"lang\": ");
        jb_string(&b, r->lang);
        jb_puts(&b, ", \"claims\": [");
        for (size_t i = 0; i < r->nclaims; i++) {
            const attrib_claim *c = &r->claims[i];
            jb_puts(&b, i ? ", {\"source\": " : "{\"source\": ");
            put_entity(&b, c->source, true);
            jb_puts(&b, ", \"via\": [");
            for (size_t k = 0; k < c->nvia; k++) {
                if (k)
                    jb_puts(&b, ", ");
                put_entity(&b, &c->via[k], true);
            }
            jb_puts(&b, "], \"actor\": ");
            put_entity(&b, c->actor, false);
            jb_puts(&b, ", \"event\": ");
            if (c->event_text) {
                jb_puts(&b, "{\"text\": ");
                jb_string(&b, c->event_text);
                jb_puts(&b, ", ");
                put_span(&b, c->event);
                jb_puts(&b, "}");
            } else {
                jb_puts(&b, "null");
            }
            jb_puts(&b, ", \"stance\": ");
            jb_string(&b, attrib_stance_name(c->stance));
            jb_puts(&b, ", \"confidence\": ");
            jb_hundredths(&b, c->confidence);
            jb_puts(&b, ", \"cue\": {\"text\": ");
            jb_string(&b, c->cue_text);
            jb_puts(&b, ", ");
            put_span(&b, c->cue);
            jb_puts(&b, "}, \"sentence\": {");
            put_span(&b, c->sentence);
            jb_puts(&b, c->self ? "}, \"self\": true}" : "}, \"self\": false}");
        }
        jb_puts(&b, "]}");
    }
    return jb_finish(&b, json, len);
}
