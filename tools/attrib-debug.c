/* attrib-debug: what each stage saw in a text, for tracing a wrong or
 * missing claim in a minute. Prints every token with its sentence, the
 * lexicon classes that match at it and the mention holding it, then the
 * mentions and the claims with their rules. A developer's tool: it reads
 * the library's internals and is not installed.
 *
 *   attrib-debug [--lang CODE] FILE|-  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "../examples/readfile.h"

static void span(const doc *d, size_t tb, size_t te)
{
    if (tb >= te) {
        printf("-");
        return;
    }
    size_t b = DOC_TOK(d, tb)->start, e = DOC_TOK(d, te - 1)->end;
    printf("\"%.*s\"", (int)(e - b), d->text + b);
}

int main(int argc, char **argv)
{
    const char *lang = NULL, *path = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc)
            lang = argv[++i];
        else
            path = argv[i];
    }
    if (!path) {
        fprintf(stderr, "usage: attrib-debug [--lang CODE] FILE|-\n");
        return 2;
    }
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f) {
        perror(path);
        return 1;
    }
    size_t len;
    char *text = read_stream(f, &len);
    if (f != stdin)
        fclose(f);
    attrib_extractor *ex = NULL;
    attrib_status st = text ? attrib_extractor_new(NULL, &ex) : ATTRIB_ENOMEM;
    if (st != ATTRIB_OK) {
        fprintf(stderr, "attrib-debug: %s\n", attrib_strerror(st));
        free(text);
        return 1;
    }
    doc d;
    memset(&d, 0, sizeof d);
    d.text = text;
    d.len = len;
    st = text_utf8_invalid_at(text, len) == len ? doc_analyse(ex, &d, lang) : ATTRIB_EUTF8;
    if (st == ATTRIB_OK) {
        printf("language %s\n", d.lang->code);
        for (size_t i = 0; i < DOC_NTOK(&d); i++) {
            const token *t = DOC_TOK(&d, i);
            printf("%4zu s%-3u %-20s", i, (unsigned)t->sent, t->key);
            for (int c = 0; c < LEX_NCLASSES; c++) {
                const lex_entry *e = tok_lex(&d, i, c);
                if (e)
                    printf(" %s/%u", lexicon_class_name((lex_class)c), (unsigned)e->nwords);
            }
            if (d.mention_at[i] >= 0)
                printf("  [m%d]", d.mention_at[i]);
            printf("\n");
        }
        for (size_t m = 0; m < d.mentions.len; m++) {
            const mention *x = DOC_MEN(&d, m);
            printf("m%zu %s ", m, attrib_kind_name(x->kind));
            span(&d, x->tb, x->te);
            printf(" canonical=%s flags=%u antecedent=%d\n", x->canonical ? x->canonical : "-",
                   (unsigned)x->flags, x->antecedent);
        }
        for (size_t k = 0; k < d.claims.len; k++) {
            const draft_claim *c = &VEC_AT(d.claims, draft_claim, k);
            printf("claim src=m%d actor=m%d %s conf=%.2f rule=%s%s cue=", c->source, c->actor,
                   attrib_stance_name(c->stance), c->confidence, c->rule, c->self ? " self" : "");
            span(&d, c->cue_tb, c->cue_te);
            printf(" event=");
            span(&d, c->event_tb, c->event_te);
            printf("\n");
        }
    } else {
        fprintf(stderr, "attrib-debug: %s\n", attrib_strerror(st));
    }
    doc_free(&d);
    attrib_extractor_free(ex);
    free(text);
    return st == ATTRIB_OK ? 0 : 1;
}
