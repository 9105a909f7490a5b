/* The README's example: the claims of one sentence, through the public
 * API alone. Installed with the examples; the install test builds it
 * against the installed pkg-config file. */
#include <stdio.h>
#include <attrib.h>

int main(void)
{
    const char text[] = "Investigators said the Grey Heron Collective was behind the attack.";
    attrib_extractor *ex;
    attrib_result *r;
    attrib_status st = attrib_extractor_new(NULL, &ex); /* NULL: default options */
    if (st != ATTRIB_OK) {
        fprintf(stderr, "%s\n", attrib_strerror(st));
        return 1;
    }
    st = attrib_extract(ex, text, sizeof text - 1, NULL /* identify the language */, &r);
    if (st == ATTRIB_OK) {
        for (size_t i = 0; i < attrib_result_claim_count(r); i++) {
            const attrib_claim *c = attrib_result_claim(r, i);
            const attrib_entity *source = attrib_claim_source(c);
            printf("%s | %s | %s\n",
                   source ? attrib_entity_canonical(source) : "(unattributed)",
                   attrib_stance_name(attrib_claim_stance(c)),
                   attrib_entity_canonical(attrib_claim_actor(c)));
        }
    } else {
        fprintf(stderr, "%s\n", r ? attrib_result_error(r) : attrib_strerror(st));
    }
    attrib_result_free(r); /* accepts NULL */
    attrib_extractor_free(ex);
    return st == ATTRIB_OK ? 0 : 1;
}
