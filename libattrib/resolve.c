/* Resolution stage: one name per entity, and what pronouns stand for.
 *
 * Lexicon entities already carry their canonical name. Others take their
 * own words (without the determiner), except that within a document a
 * shorter name that is the first or last part of a longer one takes the
 * longer one's name ("Obama" after "Barack Obama"; "Norse" beside "Norse
 * Corporation"), so one party is one name. A pronoun stands for the
 * nearest compatible mention before it, a few sentences back at most;
 * so does a definite description of an organisation ("the bureau", "the
 * company", « l'agence »). An acronym defined in the text ("the Maritime
 * Office (MO)") names what it stands for wherever it is used. A person
 * (or a described spokesman) speaking for an organisation gets it as
 * affiliation: "Norse's Kurt Stammberger", "X, a spokesman for Y", « le
 * porte-parole du Kremlin, Dmitri Peskov ».
 *
 * Takes: d->mentions. Gives: every mention a canonical name and a kind
 * where one can be told; pronoun antecedents; affiliations. Runs before
 * claims, which name antecedents, not pronouns. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* How far back a pronoun looks, in tokens: about three sentences. */
#define PRONOUN_REACH 80

static const char *own_words(doc *d, const mention *m)
{
    size_t a = DOC_TOK(d, m->head)->start, b = DOC_TOK(d, m->te - 1)->end;
    char *out = arena_alloc(&d->mem, b - a + 1);
    if (!out)
        return NULL;
    /* Runs of white space, line breaks included, become one space. */
    size_t o = 0;
    bool space = false;
    for (size_t i = a; i < b; i++) {
        char ch = d->text[i];
        if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r') {
            space = true;
            continue;
        }
        if (space && o)
            out[o++] = ' ';
        space = false;
        out[o++] = ch;
    }
    out[o] = '\0';
    return out;
}

/* Multi-word names by their first and by their last word, sorted, so a
 * shorter name finds the longer names it may belong to without comparing
 * every pair (a long document has thousands of names). Sorted by the
 * words' hashes first, so that most comparisons are of two integers; of
 * one word, in the order of the mentions. */
typedef struct name_key {
    const char *word;
    uint32_t hash;  /* the token's lexicon_hash() of WORD */
    size_t mention;
} name_key;

static name_key key_of(const doc *d, size_t tok, size_t mention)
{
    return (name_key){DOC_TOK(d, tok)->key, DOC_TOK(d, tok)->hash, mention};
}

/* Two words in the keys' order: <0, 0 or >0. */
static int cmp_hashed(uint32_t ha, const char *a, uint32_t hb, const char *b)
{
    if (ha != hb)
        return ha < hb ? -1 : 1;
    return strcmp(a, b);
}

/* K's word against the word of token T. */
static int cmp_word(const name_key *k, const token *t)
{
    return cmp_hashed(k->hash, k->word, t->hash, t->key);
}

static int cmp_name_key(const void *pa, const void *pb)
{
    const name_key *a = pa, *b = pb;
    int c = cmp_hashed(a->hash, a->word, b->hash, b->word);
    return c ? c : (a->mention > b->mention) - (a->mention < b->mention);
}

/* The first of the sorted KEYS whose word is not below token T's, or
 * with PAST not above it either: the bounds of the word's run. */
static size_t key_bound(const name_key *keys, size_t n, const token *t, bool past)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = cmp_word(&keys[mid], t);
        if (c < 0 || (past && c == 0))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Are tokens I and J the same word? */
static bool same_word(const doc *d, size_t i, size_t j)
{
    const token *a = DOC_TOK(d, i), *b = DOC_TOK(d, j);
    return a->hash == b->hash && strcmp(a->key, b->key) == 0;
}

/* Do the words of SHORT stand first or last among the words of LONG? */
static bool part_of(const doc *d, const mention *s, const mention *l)
{
    size_t ns = s->te - s->head, nl = l->te - l->head;
    if (ns >= nl)
        return false;
    bool first = true, last = true;
    for (size_t k = 0; k < ns; k++) {
        first &= same_word(d, s->head + k, l->head + k);
        last &= same_word(d, s->head + k, l->te - ns + k);
    }
    /* A person is called by the last name; an organisation by the first. */
    return l->kind == ATTRIB_KIND_PERSON ? last : first;
}

/* How many longer names a short name is compared with at most: enough for
 * any real text, a bound for a hostile one. */
#define NAME_CANDIDATES 16

/* The longest of the names holding M whose first or last word is token
 * WORD's. */
static const mention *longest_containing(const doc *d, const name_key *keys, size_t nkeys,
                                         const mention *m, size_t word)
{
    const token *w = DOC_TOK(d, word);
    size_t lo = key_bound(keys, nkeys, w, false);
    const mention *best = NULL;
    for (size_t k = lo; k < nkeys && k < lo + NAME_CANDIDATES && cmp_word(&keys[k], w) == 0; k++) {
        const mention *l = DOC_MEN(d, keys[k].mention);
        if (part_of(d, m, l) && (!best || l->te - l->head > best->te - best->head))
            best = l;
    }
    return best;
}

/* A long text names a party many times, and the same words find the
 * same longer name: the answer for a name's words is kept and used again
 * (rather than comparing the name with up to 2 x NAME_CANDIDATES others
 * every time), until a name that may be found changes its kind, which
 * part_of() reads (GEN counts such changes). */
typedef struct name_memo {
    uint32_t hash;          /* words_hash(); 0 when the slot is empty */
    unsigned gen;           /* GEN when BEST was found                */
    size_t mention;         /* the first name of these words          */
    const mention *best;    /* what longest_containing() found for them */
} name_memo;

static uint32_t words_hash(const doc *d, const mention *m)
{
    uint32_t h = 2166136261u; /* FNV-1a over the words' hashes */
    for (size_t k = m->head; k < m->te; k++)
        h = (h ^ DOC_TOK(d, k)->hash) * 16777619u;
    return h ? h : 1;
}

static bool same_words(const doc *d, const mention *a, const mention *b)
{
    if (a->te - a->head != b->te - b->head)
        return false;
    for (size_t k = 0; k < a->te - a->head; k++)
        if (!same_word(d, a->head + k, b->head + k))
            return false;
    return true;
}

/* The slot of M's words in MEMO (CAP slots, a power of two), or the
 * empty one where they go. */
static name_memo *memo_slot(const doc *d, name_memo *memo, size_t cap, const mention *m,
                            uint32_t hash)
{
    for (size_t i = hash & (cap - 1);; i = (i + 1) & (cap - 1))
        if (!memo[i].hash ||
            (memo[i].hash == hash && same_words(d, DOC_MEN(d, memo[i].mention), m)))
            return &memo[i];
}

static bool compatible(const mention *pron, const mention *m)
{
    if (m->flags & MEN_PRONOUN)
        return false;
    bool person = m->kind == ATTRIB_KIND_PERSON;
    return pron->kind == ATTRIB_KIND_PERSON ? person : !person;
}

static mention *mention_on(const doc *d, size_t k)
{
    return d->mention_at[k] >= 0 ? DOC_MEN(d, d->mention_at[k]) : NULL;
}

/* A named party that others speak for: an organisation, agency, outlet,
 * group, government or state, from the lexicon or by its name. */
static bool speaks_for(const mention *m)
{
    if (!m || (m->flags & MEN_PRONOUN) || m->kind == ATTRIB_KIND_PERSON)
        return false;
    if ((m->flags & MEN_DESCRIBED) && !(m->flags & MEN_GAZETTEER))
        return false;
    return (m->flags & (MEN_GAZETTEER | MEN_NAME)) != 0;
}

static bool is_word(const doc *d, size_t k)
{
    return (DOC_TOK(d, k)->flags & TOK_WORD) != 0;
}

/* "Maritime Cyber Defence Office" and "MCDO": the acronym's letters are
 * the initials of the name's capitalised words (connectors skipped). */
static bool initials_of(const doc *d, const mention *m, const token *acr)
{
    const char *a = d->text + acr->start;
    size_t n = acr->end - acr->start, k = 0;
    for (size_t i = m->head; i < m->te; i++) {
        const token *t = DOC_TOK(d, i);
        if (!(t->flags & TOK_UPPER))
            continue;
        if (k == n || d->text[t->start] != a[k])
            return false;
        k++;
    }
    return k == n && n >= 2;
}

/* "Name (ACR)": the acronym takes the name's canonical name, and so does
 * every use of it as a name of its own. The definitions are collected and
 * sorted first, so that a long text with many of them is not read once
 * per definition. */
static attrib_status resolve_acronyms(doc *d)
{
    size_t n = d->mentions.len, ndefs = 0;
    name_key *defs = NULL;
    for (size_t i = 0; i < n; i++) {
        mention *m = DOC_MEN(d, i);
        size_t k = m->te;
        if (!(m->flags & MEN_NAME) || m->te - m->head < 2 || k + 2 >= DOC_NTOK(d) ||
            !tok_is_punct(d, k, "(") || !tok_is_punct(d, k + 2, ")"))
            continue;
        const token *acr = DOC_TOK(d, k + 1);
        if (!(acr->flags & TOK_ALLCAPS) || !initials_of(d, m, acr))
            continue;
        if (m->kind == ATTRIB_KIND_UNKNOWN || m->kind == ATTRIB_KIND_PERSON)
            m->kind = ATTRIB_KIND_ORGANIZATION;
        if (!defs && !(defs = malloc(n * sizeof *defs)))
            return ATTRIB_ENOMEM;
        defs[ndefs++] = key_of(d, k + 1, i);
    }
    if (!ndefs)
        return ATTRIB_OK;
    /* Of one acronym, by position: the last definition holds. */
    qsort(defs, ndefs, sizeof *defs, cmp_name_key);
    for (size_t j = 0; j < n; j++) {
        mention *u = DOC_MEN(d, j);
        if (u->te - u->head != 1 || (u->flags & MEN_GAZETTEER))
            continue;
        const token *key = DOC_TOK(d, u->head);
        size_t lo = key_bound(defs, ndefs, key, true); /* the first definition past KEY */
        if (lo > 0 && cmp_word(&defs[lo - 1], key) == 0) {
            const mention *m = DOC_MEN(d, defs[lo - 1].mention);
            u->canonical = m->canonical;
            u->kind = m->kind;
        }
    }
    free(defs);
    return ATTRIB_OK;
}

/* Words a description of one organisation is headed by: names.txt
 * marks them as words of organisations' names (Company, Bureau, Agence),
 * and described.txt as describing a party; or a group. */
static bool describes_organisation(const doc *d, const mention *p)
{
    const lex_entry *name = tok_lex(d, p->head, LEX_NAME);
    return p->kind == ATTRIB_KIND_GROUP || (name && name->role == ROLE_ORG);
}

static bool has_word(const doc *d, const mention *m, const char *key)
{
    for (size_t k = m->tb; k < m->te; k++)
        if (strcmp(DOC_TOK(d, k)->key, key) == 0)
            return true;
    return false;
}

/* "The bureau said", « l'agence a confirmé »: a description of an
 * organisation after a determiner stands for the organisation named last
 * whose name has the description's word ("the Agency" after "the
 * National Security Agency"), else for the one named last (a group for a
 * group). */
static void resolve_descriptions(doc *d)
{
    for (size_t i = 0; i < d->mentions.len; i++) {
        mention *p = DOC_MEN(d, i);
        if (!(p->flags & MEN_DESCRIBED) || (p->flags & MEN_GAZETTEER) || p->head == p->tb ||
            p->te != p->head + 1 || !describes_organisation(d, p))
            continue;
        /* "Grey Tide, the group that ...": a description set off
         * after a name is that name, which is then known to be a group
         * or an organisation. */
        mention *apposed =
            p->tb >= 2 && tok_is_punct(d, p->tb - 1, ",") ? mention_on(d, p->tb - 2) : NULL;
        if (apposed && (apposed->flags & MEN_NAME) &&
            (apposed->head == apposed->tb || tok_role(d, apposed->tb) == ROLE_DET)) {
            if (apposed->kind == ATTRIB_KIND_UNKNOWN || apposed->kind == ATTRIB_KIND_PERSON)
                apposed->kind = p->kind;
            p->canonical = apposed->canonical;
            p->kind = apposed->kind;
            continue;
        }
        const char *head = DOC_TOK(d, p->head)->key;
        const mention *nearest = NULL, *named = NULL;
        for (size_t k = p->tb; k-- > 0 && p->tb - k <= PRONOUN_REACH && !named;) {
            const mention *m = mention_on(d, k);
            if (m && m != p && speaks_for(m) && m->kind != ATTRIB_KIND_STATE &&
                m->kind != ATTRIB_KIND_GOVERNMENT &&
                (p->kind == ATTRIB_KIND_GROUP) == (m->kind == ATTRIB_KIND_GROUP)) {
                if (!nearest)
                    nearest = m;
                if (has_word(d, m, head))
                    named = m;
            }
            if (m)
                k = m->tb; /* one mention, looked at once */
        }
        if (named || nearest) {
            p->canonical = (named ? named : nearest)->canonical;
            p->kind = (named ? named : nearest)->kind;
        }
    }
}

/* "a hacker group that identified itself as X", "a group known only as
 * X", « un groupe se faisant appeler X »: a described organisation or
 * group followed (a relative word and one adverb may stand between: "a
 * group that now calls itself X") by an alias phrase from names.txt and
 * a name is that name, which is then known to be a group or an
 * organisation. */
static void resolve_aliases(doc *d)
{
    for (size_t i = 0; i < d->mentions.len; i++) {
        mention *p = DOC_MEN(d, i);
        if (!(p->flags & MEN_DESCRIBED) || (p->flags & MEN_GAZETTEER) || !describes_organisation(d, p))
            continue;
        size_t se = DOC_SENT(d, DOC_TOK(d, p->tb)->sent)->tok_end, k = p->te;
        if (k < se && (tok_role(d, k) == ROLE_COMP || tok_role(d, k) == ROLE_REL))
            k++;
        const lex_entry *a = k < se ? tok_lex(d, k, LEX_NAME) : NULL;
        if ((!a || a->role != ROLE_ALIAS) && k + 1 < se && is_word(d, k) && !mention_on(d, k) &&
            tok_role(d, k) == ROLE_NONE && !tok_has_class(d, k, LEX_ALL & ~LEX_BIT(LEX_MODIFIER))) {
            k++; /* "that now calls itself" */
            a = tok_lex(d, k, LEX_NAME);
        }
        if (!a || a->role != ROLE_ALIAS)
            continue;
        k += a->nwords;
        if (k < se && !is_word(d, k) && !tok_is_punct(d, k, ",;:.()"))
            k++; /* an opening quotation mark */
        mention *name = k < se ? mention_on(d, k) : NULL;
        if (!name || name->tb != k || !(name->flags & MEN_NAME))
            continue;
        if (name->kind == ATTRIB_KIND_UNKNOWN || name->kind == ATTRIB_KIND_PERSON)
            name->kind = p->kind == ATTRIB_KIND_GROUP ? ATTRIB_KIND_GROUP : ATTRIB_KIND_ORGANIZATION;
        p->canonical = name->canonical;
        p->kind = name->kind;
    }
}

static int index_of(const doc *d, const mention *m)
{
    return (int)(m - DOC_MEN(d, 0));
}

/* Affiliations of persons and described spokesmen. */
static void resolve_affiliations(doc *d)
{
    size_t n = d->mentions.len;
    /* A described person with its organisation after it: "a spokesman
     * for Pyongyang", « le porte-parole du Kremlin ». */
    for (size_t i = 0; i < n; i++) {
        mention *p = DOC_MEN(d, i);
        if (!(p->flags & MEN_DESCRIBED) || p->kind != ATTRIB_KIND_PERSON || p->te + 1 >= DOC_NTOK(d))
            continue;
        lex_role r = tok_role(d, p->te);
        const mention *m = mention_on(d, p->te + 1);
        if ((r == ROLE_GEN || r == ROLE_PREP) && speaks_for(m) && m->tb == p->te + 1)
            p->affiliation = index_of(d, m);
    }
    for (size_t i = 0; i < n; i++) {
        mention *p = DOC_MEN(d, i);
        if (!(p->flags & MEN_NAME) || p->kind != ATTRIB_KIND_PERSON)
            continue;
        const sentence *s = DOC_SENT(d, DOC_TOK(d, p->tb)->sent);
        /* Before the name: "Norse's Kurt Stammberger", "Kremlin spokesman
         * Dmitry Peskov", "Norse senior vice president Kurt Stammberger"
         * (lower-case words only after a title that is part of the name). */
        size_t k = p->tb;
        bool titled = p->head > p->tb;
        for (int skip = 0; titled && skip < 3 && k > s->tok_begin && is_word(d, k - 1) &&
                           !(DOC_TOK(d, k - 1)->flags & TOK_UPPER) && !mention_on(d, k - 1) &&
                           !tok_has_class(d, k - 1, LEX_CUES) && tok_role(d, k - 1) == ROLE_NONE;
             skip++)
            k--;
        if (k > s->tok_begin && tok_role(d, k - 1) == ROLE_POSS)
            k--;
        const mention *m = k > s->tok_begin ? mention_on(d, k - 1) : NULL;
        if (m && m->te == k && speaks_for(m)) {
            p->affiliation = index_of(d, m);
            continue;
        }
        /* « le porte-parole du Kremlin, Dmitri Peskov »: the spokesman
         * before the comma is the person named after it. */
        if (p->tb >= s->tok_begin + 2 && tok_is_punct(d, p->tb - 1, ",")) {
            const mention *q = mention_on(d, p->tb - 2);
            if (q && q->affiliation < 0 && speaks_for(q)) {
                const mention *desc = q->tb > s->tok_begin + 1 ? mention_on(d, q->tb - 2) : NULL;
                if (desc && desc->affiliation == index_of(d, q)) {
                    p->affiliation = desc->affiliation;
                    continue;
                }
            }
        }
        /* After it, in an apposition: "X, a spokesman for Y", "X,
         * Corvane's head of research", "X, a researcher at Y". */
        if (p->te + 1 < s->tok_end && tok_is_punct(d, p->te, ",")) {
            bool role = false;
            for (size_t j = p->te + 1; j < s->tok_end && j < p->te + 12; j++) {
                if (tok_is_punct(d, j, ",;:.\"()"))
                    break;
                const mention *q = mention_on(d, j);
                if (q && (q->flags & MEN_DESCRIBED) && q->kind == ATTRIB_KIND_PERSON) {
                    if (q->affiliation >= 0) {
                        p->affiliation = q->affiliation;
                        break;
                    }
                    role = true;
                } else if (q && speaks_for(q) &&
                           (role || (q->te < s->tok_end && tok_role(d, q->te) == ROLE_POSS))) {
                    p->affiliation = index_of(d, q);
                    break;
                } else if (tok_has_class(d, j, LEX_CUES)) {
                    break;
                } else if (tok_lex(d, j, LEX_DESCRIBED) ||
                           (tok_lex(d, j, LEX_NAME) &&
                            tok_lex(d, j, LEX_NAME)->role == ROLE_TITLE)) {
                    role = true;
                }
                if (q)
                    j = q->te - 1;
            }
        }
    }
    for (size_t i = 0; i < n; i++) {
        mention *p = DOC_MEN(d, i);
        if (p->affiliation >= 0 &&
            strcmp(DOC_MEN(d, p->affiliation)->canonical, p->canonical) == 0)
            p->affiliation = -1;
    }
}

attrib_status resolve_mentions(doc *d)
{
    size_t n = d->mentions.len;
    for (size_t i = 0; i < n; i++) {
        mention *m = DOC_MEN(d, i);
        if (m->canonical || (m->flags & MEN_PRONOUN))
            continue;
        if (!(m->canonical = own_words(d, m)))
            return ATTRIB_ENOMEM;
    }
    name_key *keys = malloc((2 * n + 1) * sizeof *keys);
    if (!keys)
        return ATTRIB_ENOMEM;
    size_t nkeys = 0;
    for (size_t i = 0; i < n; i++) {
        const mention *l = DOC_MEN(d, i);
        if ((l->flags & MEN_NAME) && l->te - l->head >= 2) {
            keys[nkeys++] = key_of(d, l->head, i);
            keys[nkeys++] = key_of(d, l->te - 1, i);
        }
    }
    qsort(keys, nkeys, sizeof *keys, cmp_name_key);
    size_t cap = 16;
    while (cap < 2 * n)
        cap *= 2;
    name_memo *memo = calloc(cap, sizeof *memo);
    if (!memo) {
        free(keys);
        return ATTRIB_ENOMEM;
    }
    unsigned gen = 0;
    for (size_t i = 0; i < n; i++) {
        mention *m = DOC_MEN(d, i);
        if (!(m->flags & MEN_NAME))
            continue;
        uint32_t hash = words_hash(d, m);
        name_memo *seen = memo_slot(d, memo, cap, m, hash);
        if (!seen->hash || seen->gen != gen) {
            const mention *best = longest_containing(d, keys, nkeys, m, m->head);
            const mention *other = longest_containing(d, keys, nkeys, m, m->te - 1);
            if (other && (!best || other->te - other->head > best->te - best->head))
                best = other;
            if (!seen->hash)
                *seen = (name_memo){hash, gen, i, NULL};
            seen->best = best;
            seen->gen = gen;
        }
        const mention *best = seen->best;
        if (best) {
            m->canonical = best->canonical;
            if (m->kind == ATTRIB_KIND_UNKNOWN && best->kind != ATTRIB_KIND_UNKNOWN) {
                m->kind = best->kind;
                gen += m->te - m->head >= 2; /* a name others may be found in */
            }
        }
    }
    free(memo);
    free(keys);
    /* "The country denied ...", « le régime a démenti »: a bare state or
     * government noun after a determiner stands for the state named last. */
    for (size_t i = 0; i < n; i++) {
        mention *p = DOC_MEN(d, i);
        if (!(p->flags & MEN_DESCRIBED) || p->head == p->tb || p->te != p->head + 1 ||
            (p->kind != ATTRIB_KIND_STATE && p->kind != ATTRIB_KIND_GOVERNMENT))
            continue;
        for (size_t k = p->tb; k-- > 0 && p->tb - k <= 2 * PRONOUN_REACH;) {
            const mention *m = d->mention_at[k] >= 0 ? DOC_MEN(d, d->mention_at[k]) : NULL;
            /* Not a state that only modifies a described head ("U.S.
             * law enforcement agencies"): the text speaks of the
             * agencies there, not of the state. */
            const lex_entry *e = m ? tok_lex(d, m->head, LEX_ENTITY) : NULL;
            bool modifier = e && !(m->flags & MEN_DESCRIBED) && m->head + e->nwords < m->te;
            if (m && (m->flags & MEN_GAZETTEER) && m->kind == ATTRIB_KIND_STATE && !modifier) {
                p->canonical = m->canonical;
                break;
            }
        }
    }
    if (resolve_acronyms(d) != ATTRIB_OK)
        return ATTRIB_ENOMEM;
    /* A single capitalised word the lexicons do not know and no longer
     * name contains ("Halvard", "Norse") names an organisation far more
     * often than a person, whom texts name in full first. */
    for (size_t i = 0; i < n; i++) {
        mention *m = DOC_MEN(d, i);
        if ((m->flags & MEN_NAME) && m->kind == ATTRIB_KIND_UNKNOWN && m->te - m->head == 1)
            m->kind = ATTRIB_KIND_ORGANIZATION;
    }
    resolve_aliases(d);
    resolve_descriptions(d);
    for (size_t i = 0; i < n; i++) {
        mention *p = DOC_MEN(d, i);
        if (!(p->flags & MEN_PRONOUN))
            continue;
        for (size_t k = p->tb; k-- > 0 && p->tb - k <= PRONOUN_REACH;) {
            int m = d->mention_at[k];
            if (m >= 0 && compatible(p, DOC_MEN(d, m))) {
                p->antecedent = m;
                p->canonical = DOC_MEN(d, m)->canonical;
                break;
            }
        }
    }
    resolve_affiliations(d);
    return ATTRIB_OK;
}
