/* Output stage: a result as the JSON object of the spec's contract.
 *
 * Written by hand rather than through a JSON library: the output is a
 * fixed shape, and the only subtle part, string escaping, is here once.
 * Every field the spec names is present; unknown ones are null. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "result.h"

typedef struct buf {
    char *s;
    size_t len, cap;
    bool failed;
} buf;

static void put(buf *b, const char *s, size_t n)
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
            return;
        }
        b->s = p;
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

static void puts_(buf *b, const char *s) { put(b, s, strlen(s)); }

static void putf(buf *b, const char *fmt, ...)
{
    char tmp[64];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n > 0)
        put(b, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

/* A JSON string; the input is valid UTF-8 (it comes from validated text),
 * so only quotes, backslashes and control characters need escaping. */
static void put_string(buf *b, const char *s)
{
    if (!s) {
        puts_(b, "null");
        return;
    }
    put(b, "\"", 1);
    const char *run = s;
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        put(b, run, (size_t)(s - run));
        run = s + 1;
        switch (c) {
        case '"': puts_(b, "\\\""); break;
        case '\\': puts_(b, "\\\\"); break;
        case '\n': puts_(b, "\\n"); break;
        case '\r': puts_(b, "\\r"); break;
        case '\t': puts_(b, "\\t"); break;
        default: putf(b, "\\u%04x", c); break;
        }
    }
    put(b, run, (size_t)(s - run));
    put(b, "\"", 1);
}

static void put_span(buf *b, attrib_span s)
{
    putf(b, "\"start\": %zu, \"end\": %zu", s.start, s.end);
}

static void put_entity(buf *b, const attrib_entity *e, bool with_affiliation)
{
    if (!e) {
        puts_(b, "null");
        return;
    }
    puts_(b, "{\"text\": ");
    put_string(b, e->text);
    puts_(b, ", \"canonical\": ");
    put_string(b, e->canonical);
    puts_(b, ", \"kind\": ");
    put_string(b, e->kind == ATTRIB_KIND_UNKNOWN ? NULL : attrib_kind_name(e->kind));
    puts_(b, ", ");
    put_span(b, e->span);
    if (with_affiliation) {
        puts_(b, ", \"affiliation\": ");
        put_string(b, e->affiliation);
    }
    puts_(b, "}");
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
    buf b = {0};
    puts_(&b, "{\"id\": ");
    put_string(&b, id);
    if (r->status != ATTRIB_OK) {
        puts_(&b, ", \"error\": ");
        put_string(&b, r->error);
        puts_(&b, "}");
    } else {
        puts_(&b, ", \"lang\": ");
        put_string(&b, r->lang);
        puts_(&b, ", \"claims\": [");
        for (size_t i = 0; i < r->nclaims; i++) {
            const attrib_claim *c = &r->claims[i];
            puts_(&b, i ? ", {\"source\": " : "{\"source\": ");
            put_entity(&b, c->source, true);
            puts_(&b, ", \"via\": [");
            for (size_t k = 0; k < c->nvia; k++) {
                if (k)
                    puts_(&b, ", ");
                put_entity(&b, &c->via[k], true);
            }
            puts_(&b, "], \"actor\": ");
            put_entity(&b, c->actor, false);
            puts_(&b, ", \"event\": ");
            if (c->event_text) {
                puts_(&b, "{\"text\": ");
                put_string(&b, c->event_text);
                puts_(&b, ", ");
                put_span(&b, c->event);
                puts_(&b, "}");
            } else {
                puts_(&b, "null");
            }
            puts_(&b, ", \"stance\": ");
            put_string(&b, attrib_stance_name(c->stance));
            /* Not %f: a caller's LC_NUMERIC could make it "0,85". */
            int hundredths = (int)(c->confidence * 100.0 + 0.5);
            putf(&b, ", \"confidence\": %d.%02d", hundredths / 100, hundredths % 100);
            puts_(&b, ", \"cue\": {\"text\": ");
            put_string(&b, c->cue_text);
            puts_(&b, ", ");
            put_span(&b, c->cue);
            puts_(&b, "}, \"sentence\": {");
            put_span(&b, c->sentence);
            puts_(&b, c->self ? "}, \"self\": true}" : "}, \"self\": false}");
        }
        puts_(&b, "]}");
    }
    if (b.failed) {
        free(b.s);
        return ATTRIB_ENOMEM;
    }
    *json = b.s;
    if (len)
        *len = b.len;
    return ATTRIB_OK;
}
