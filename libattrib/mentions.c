/* Mentions stage: the parties a claim can name as source or actor.
 *
 * In order of trust, each claiming only tokens no earlier pass took:
 *   1. gazetteer: entities.txt aliases ("North Korea", "le Kremlin"); a
 *      demonym next to a described head names the state ("North Korean
 *      hackers", « des pirates nord-coréens »); a known name before a
 *      described head names the organisation ("FBI investigators");
 *   2. described parties: a head from described.txt with its modifiers
 *      ("security experts", « des experts en sécurité », "an insider"),
 *      named by the head's canonical name where described.txt gives one;
 *   3. titled names: a title from names.txt and the capitalised words
 *      after it ("President Jane Doe");
 *   4. proper names: runs of capitalised words that no lexicon claims,
 *      joined by connectors ("Bureau of Investigation");
 *   5. pronouns from function.txt (resolved in resolve.c).
 * A determiner before a mention joins it (its text), not its name.
 *
 * Takes: tokens, d->lex. Gives: d->mentions, d->mention_at. */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "internal.h"

/* Capitalised words of a text's body (collect_body_caps()): a set of
 * tokens by their key's hash, open addressing. */
typedef struct body_caps {
    const token **slots; /* NULL where empty                          */
    size_t cap;          /* a power of two; 0 when no headline needs it */
} body_caps;

static lex_role name_role(const doc *d, size_t i)
{
    const lex_entry *e = tok_lex(d, i, LEX_NAME);
    return e ? (lex_role)e->role : ROLE_NONE;
}

bool tok_is(const doc *d, size_t i, const char *key)
{
    return strcmp(DOC_TOK(d, i)->key, key) == 0;
}

/* Classes whose words are no part of a name. */
#define LEX_NOT_NAME                                                                           \
    (LEX_CUES | LEX_BIT(LEX_MODIFIER) | LEX_BIT(LEX_FUNCTION) | LEX_BIT(LEX_DESCRIBED) |       \
     LEX_BIT(LEX_EVENT) | LEX_BIT(LEX_QUOTE))

/* Longest phrase a lexicon may hold, in words (lexicon.c). */
#define PHRASE_REACH 16

/* Does a word of these classes stand at I, on its own or inside a phrase
 * that starts before it ("keine Beweise", "nach Angaben")? */
static bool is_lexical(const doc *d, size_t i)
{
    if (tok_has_class(d, i, LEX_NOT_NAME))
        return true;
    uint32_t sent = DOC_TOK(d, i)->sent;
    for (size_t k = i; k-- > 0 && i - k < PHRASE_REACH && DOC_TOK(d, k)->sent == sent;)
        for (unsigned m = d->lex[k].classes & LEX_NOT_NAME; m; m &= m - 1)
            if (k + tok_lex(d, k, (lex_class)__builtin_ctz(m))->nwords > i)
                return true;
    return false;
}

static bool free_tok(const doc *d, size_t i)
{
    return d->mention_at[i] < 0;
}

static attrib_status add_mention(doc *d, size_t tb, size_t te, size_t head, attrib_kind kind,
                                 const char *canonical, uint8_t flags)
{
    mention *m = vec_push(&d->mentions, sizeof(mention));
    if (!m)
        return ATTRIB_ENOMEM;
    m->tb = tb;
    m->te = te;
    m->head = head;
    m->kind = kind;
    m->canonical = canonical;
    m->flags = flags;
    m->antecedent = -1;
    m->affiliation = -1;
    int idx = (int)d->mentions.len - 1;
    for (size_t k = tb; k < te; k++)
        d->mention_at[k] = idx;
    return ATTRIB_OK;
}

/* A free determiner right before token TB, in the same sentence. */
static size_t with_determiner(const doc *d, size_t tb, size_t sb)
{
    if (tb > sb && free_tok(d, tb - 1) && tok_role(d, tb - 1) == ROLE_DET &&
        tok_lex(d, tb - 1, LEX_FUNCTION)->nwords == 1)
        return tb - 1;
    return tb;
}

bool tok_attached_hyphen(const doc *d, size_t i, size_t se)
{
    return i > 0 && i + 1 < se && tok_is_punct(d, i, "-") &&
           DOC_TOK(d, i - 1)->end == DOC_TOK(d, i)->start &&
           DOC_TOK(d, i)->end == DOC_TOK(d, i + 1)->start;
}

/* Is a word written in a script without case (北朝鲜, كوريا)? Its names
 * cannot show a capital. */
static bool caseless(const doc *d, size_t i)
{
    const token *t = DOC_TOK(d, i);
    utf8proc_int32_t cp;
    if (utf8proc_iterate((const utf8proc_uint8_t *)d->text + t->start,
                         (utf8proc_ssize_t)(t->end - t->start), &cp) <= 0)
        return false;
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_LO;
}

static bool any_upper(const doc *d, size_t tb, size_t te)
{
    for (size_t k = tb; k < te; k++)
        if ((DOC_TOK(d, k)->flags & TOK_UPPER) || caseless(d, k))
            return true;
    return false;
}

/* A word that may stand before a described head as its modifier
 * ("security experts", "an anonymous government source", "Independent
 * researchers" at the start of a sentence): a free word no cue, function
 * word or event claims, written in lower case unless it opens the
 * sentence. A lower-case word the gazetteer knows only with a capital
 * ("anonymous") is a plain word here. */
static bool modifier_word(const doc *d, size_t i, size_t sb)
{
    const token *t = DOC_TOK(d, i);
    if (!(t->flags & TOK_WORD) || !free_tok(d, i))
        return false;
    if ((t->flags & TOK_UPPER) && i != sb)
        return false;
    return !tok_has_class(d, i, LEX_NOT_NAME & ~LEX_BIT(LEX_DESCRIBED));
}

static bool name_word(const doc *d, size_t i);

/* The described head at I: a described.txt entry, or a title from
 * names.txt that no name follows ("the minister said", but not
 * "Minister Jane Doe"); NULL when none. *KIND gets its kind. */
static const lex_entry *described_head(const doc *d, size_t i, size_t se, attrib_kind *kind)
{
    const lex_entry *h = tok_lex(d, i, LEX_DESCRIBED);
    if (h) {
        *kind = (attrib_kind)h->kind;
        return h;
    }
    h = tok_lex(d, i, LEX_NAME);
    if (!h || h->role != ROLE_TITLE)
        return NULL;
    size_t nb = i + h->nwords;
    while (nb < se && tok_is_punct(d, nb, "."))
        nb++;
    if (nb < se && name_word(d, nb))
        return NULL;
    *kind = ATTRIB_KIND_PERSON;
    return h;
}

/* A responsibility noun that takes its actor as a complement ("trail",
 * « piste », "involvement"). */
static bool suspect_noun(const lex_entry *e)
{
    return e && (lex_side)e->actor == SIDE_GEN;
}

/* A short alias is an acronym ("UN", "US", "EU"), which a word of two or
 * three letters in mixed case is not: "Kim Jong Un", "Us Weekly". */
static bool short_mixed_case(const doc *d, size_t i, size_t te)
{
    const token *t = DOC_TOK(d, i);
    return te == i + 1 && t->end - t->start <= 3 && !(t->flags & TOK_ALLCAPS) && !caseless(d, i);
}

/* 1. Gazetteer. */
static attrib_status find_gazetteer(doc *d, const sentence *s, const body_caps *bc)
{
    (void)bc;
    for (size_t i = s->tok_begin; i < s->tok_end;) {
        const lex_entry *e = tok_lex(d, i, LEX_ENTITY);
        size_t te = e ? i + e->nwords : i;
        /* Proper names are written with a capital somewhere; this keeps
         * "us" and "china" (the porcelain) out. French writes its
         * demonyms in lower case (« des pirates russes »), and those only
         * count beside a described head (below). */
        if (!e || !free_tok(d, i) || (!any_upper(d, i, te) && !e->adjective) ||
            short_mixed_case(d, i, te)) {
            i++;
            continue;
        }
        size_t tb = i, head = i;
        attrib_kind kind = (attrib_kind)e->kind;
        uint8_t flags = MEN_GAZETTEER;
        if (e->adjective) {
            /* A demonym names its state only beside a described head:
             * "North Korean hackers", « des pirates nord-coréens ». */
            const lex_entry *h = te < s->tok_end ? tok_lex(d, te, LEX_DESCRIBED) : NULL;
            if (h) {
                te += h->nwords;
                /* A compound of heads: "Russian military hackers". */
                while (te < s->tok_end && tok_lex(d, te, LEX_DESCRIBED) &&
                       !tok_lex(d, te, LEX_ENTITY))
                    te += tok_lex(d, te, LEX_DESCRIBED)->nwords;
                flags |= MEN_DESCRIBED;
            } else if (i > s->tok_begin && tok_lex(d, i - 1, LEX_DESCRIBED) &&
                       free_tok(d, i - 1)) {
                tb = head = i - 1;
                flags |= MEN_DESCRIBED;
            } else if ((te < s->tok_end && (suspect_noun(tok_lex(d, te, LEX_RESP)) ||
                                            tok_lex(d, te, LEX_EVENT))) ||
                       (i > s->tok_begin && (suspect_noun(tok_lex(d, i - 1, LEX_RESP)) ||
                                             tok_lex(d, i - 1, LEX_EVENT)))) {
                /* "the Russian trail", « la piste russe »: the state is
                 * the suspect; "the North Korean attack", « la
                 * cyberattaque russe »: the author. The demonym alone
                 * names it. */
                flags |= MEN_DEMONYM;
                attrib_status st = add_mention(d, i, te, i, kind, e->canonical, flags);
                if (st != ATTRIB_OK)
                    return st;
                i = te;
                continue;
            } else {
                i = te;
                continue;
            }
        } else if (kind == ATTRIB_KIND_STATE && i >= s->tok_begin + 2 &&
                   tok_role(d, i - 1) == ROLE_GEN && free_tok(d, i - 2) &&
                   tok_lex(d, i - 2, LEX_DESCRIBED) &&
                   tok_lex(d, i - 2, LEX_DESCRIBED)->nwords == 1 &&
                   tok_lex(d, i - 2, LEX_DESCRIBED)->kind == ATTRIB_KIND_GOVERNMENT) {
            /* "the government of North Korea", « le régime de la Corée du
             * Nord »: the state speaks. */
            tb = i - 2;
            kind = ATTRIB_KIND_GOVERNMENT;
        } else if (te < s->tok_end && tok_lex(d, te, LEX_DESCRIBED) &&
                   !tok_lex(d, te, LEX_ENTITY)) {
            /* "FBI investigators" speak for the FBI. */
            te += tok_lex(d, te, LEX_DESCRIBED)->nwords;
        }
        tb = with_determiner(d, tb, s->tok_begin);
        attrib_status st = add_mention(d, tb, te, head, kind, e->canonical, flags);
        if (st != ATTRIB_OK)
            return st;
        i = te;
    }
    return ATTRIB_OK;
}

/* Can a noun phrase end before token I? An unknown word after a head may
 * be its adjective (« des chercheurs indépendants ont ») or a verb with
 * its object (« des pirates attaquent la banque »): what follows tells. */
static bool ends_noun_phrase(const doc *d, size_t i, size_t se)
{
    if (i >= se || !(DOC_TOK(d, i)->flags & TOK_WORD) ||
        tok_has_class(d, i, LEX_CUES | LEX_BIT(LEX_MODIFIER)))
        return true;
    lex_role r = tok_role(d, i);
    return r == ROLE_STOP || r == ROLE_BE || r == ROLE_COMP || r == ROLE_CONJ || r == ROLE_AGENT ||
           r == ROLE_CONTRAST;
}

/* 2. Described parties. */
static attrib_status find_described(doc *d, const sentence *s, const body_caps *bc)
{
    (void)bc;
    for (size_t i = s->tok_begin; i < s->tok_end;) {
        attrib_kind kind = ATTRIB_KIND_UNKNOWN;
        /* A head is a described word or a title (described_head()). */
        const lex_entry *h = tok_has_class(d, i, LEX_BIT(LEX_DESCRIBED) | LEX_BIT(LEX_NAME)) &&
                                     free_tok(d, i)
                                 ? described_head(d, i, s->tok_end, &kind)
                                 : NULL;
        /* "state-sponsored", "government-backed": the head is half of a
         * compound modifier, no party. */
        if (h && tok_attached_hyphen(d, i + h->nwords, s->tok_end))
            h = NULL;
        if (!h) {
            i++;
            continue;
        }
        size_t te = i + h->nwords;
        for (size_t k = i; k < te; k++)
            if (!free_tok(d, k))
                te = k;
        if (te == i) {
            i++;
            continue;
        }
        /* "el ataque terrorista", « l'attentat terroriste »: a head right
         * after an event noun, where adjectives follow their noun, is an
         * adjective of the event, no party. */
        if (d->lang->adjectives_follow && i > s->tok_begin && te == i + 1 &&
            tok_lex(d, i - 1, LEX_EVENT)) {
            i++;
            continue;
        }
        /* "el grupo Lazarus", « l'entreprise Kestrel », "the firm
         * Mandiant": a noun that classifies the name after it is no
         * party of its own; the name is. */
        if (kind != ATTRIB_KIND_PERSON && kind != ATTRIB_KIND_GOVERNMENT &&
            kind != ATTRIB_KIND_STATE && te < s->tok_end &&
            ((d->mention_at[te] >= 0 &&
              !(DOC_MEN(d, d->mention_at[te])->flags & MEN_DESCRIBED)) ||
             name_word(d, te))) {
            i = te;
            continue;
        }
        /* A compound of heads: "government source", "police officials". */
        for (attrib_kind k2; te < s->tok_end && free_tok(d, te) && tok_lex(d, te, LEX_DESCRIBED);) {
            h = described_head(d, te, s->tok_end, &k2);
            kind = k2;
            te += h->nwords;
        }
        /* "someone within the company", "somebody inside the agency": a
         * head that ends in a preposition takes its object, a determiner
         * and a word. */
        lex_role last = tok_role(d, te - 1);
        if ((last == ROLE_PREP || last == ROLE_GEN) && te - i > 1) {
            size_t oe = te;
            if (oe < s->tok_end && free_tok(d, oe) && tok_role(d, oe) == ROLE_DET)
                oe++;
            if (oe < s->tok_end && free_tok(d, oe) && (DOC_TOK(d, oe)->flags & TOK_WORD) &&
                !tok_has_class(d, oe, LEX_CUES | LEX_BIT(LEX_FUNCTION)))
                te = oe + 1;
        }
        size_t tb = i;
        /* Up to two modifiers before the head ("security experts",
         * "disgruntled former employees"). */
        for (int n = 0; n < 2 && tb > s->tok_begin && modifier_word(d, tb - 1, s->tok_begin); n++)
            tb--;
        /* Adjectives after it where the language puts them there (« des
         * chercheurs indépendants », « une source gouvernementale
         * anonyme »). */
        if (d->lang->adjectives_follow) {
            size_t ae = te;
            for (int n = 0; n < 2 && ae < s->tok_end && modifier_word(d, ae, s->tok_begin); n++)
                ae++;
            if (ae > te && ends_noun_phrase(d, ae, s->tok_end))
                te = ae;
        }
        /* A complement after it ("experts in security", « experts en sécurité »). */
        if (te + 1 < s->tok_end && free_tok(d, te) &&
            (tok_role(d, te) == ROLE_PREP || tok_role(d, te) == ROLE_GEN) &&
            modifier_word(d, te + 1, s->tok_begin))
            te += 2;
        size_t head = tb;
        tb = with_determiner(d, tb, s->tok_begin);
        /* A head with a canonical name in the lexicon ("security
         * experts", « experts en sécurité », "Sicherheitsexperten" are all
         * "security experts") names that party in every language; its
         * modifiers do not change who it is. */
        attrib_status st = add_mention(d, tb, te, head, kind, h->canonical, MEN_DESCRIBED);
        if (st != ATTRIB_OK)
            return st;
        i = te;
    }
    return ATTRIB_OK;
}

static bool name_word(const doc *d, size_t i)
{
    const token *t = DOC_TOK(d, i);
    if (!(t->flags & TOK_WORD) || !(t->flags & TOK_UPPER) || !free_tok(d, i))
        return false;
    /* A demonym that names no state here ("the role of Russian
     * intelligence") is an adjective, not a name of its own; where
     * adjectives follow their noun, demonyms are written in lower case,
     * and a capital makes the same word a name (Spanish "china", "China"). */
    const lex_entry *e = tok_lex(d, i, LEX_ENTITY);
    if (e && e->adjective && !d->lang->adjectives_follow)
        return false;
    lex_role r = name_role(d, i);
    if (r == ROLE_ORG || r == ROLE_MEDIA)
        return true;
    return !is_lexical(d, i);
}

/* The end of a run of name words from I, joined by connectors. */
static size_t name_run(const doc *d, size_t i, size_t se)
{
    size_t te = i;
    while (te < se && name_word(d, te)) {
        te++;
        /* "Bureau of Investigation", "Commission de défense": a connector
         * joins only when a name word follows it. */
        if (te + 1 < se && name_role(d, te) == ROLE_CONNECTOR && free_tok(d, te) &&
            name_word(d, te + 1))
            te++;
        else if (te + 1 < se && tok_is_punct(d, te, "&") && name_word(d, te + 1) &&
                 DOC_TOK(d, te)->start == DOC_TOK(d, te - 1)->end)
            te++;
        /* "Jean-Claude", "Kim Jong-un": a hyphen between two words holds
         * a name together whatever the case of the second. */
        else if (tok_attached_hyphen(d, te, se) && free_tok(d, te + 1) &&
                 (DOC_TOK(d, te + 1)->flags & TOK_WORD) && !is_lexical(d, te + 1))
            te += 2;
    }
    return te;
}

/* In a language that capitalises every noun, is the run [I, TE) a
 * common noun rather than a name? A single capitalised word is, unless
 * something tells it is a name: all or inner capitals ("BKA",
 * "WannaCry"), a cue beside it ("Nebensja sagte", "fand Kaspersky"), or
 * an earlier longer name it is the last word of ("Wassili Nebensja").
 * Names that stand alone otherwise are in the lexicons. */
static bool common_noun(const doc *d, size_t i, size_t te, size_t sb, size_t se)
{
    const token *t = DOC_TOK(d, i);
    if (te != i + 1 || (t->flags & TOK_ALLCAPS) || name_role(d, i) != ROLE_NONE)
        return false;
    for (size_t b = t->start + 1; b < t->end; b++)
        if (d->text[b] >= 'A' && d->text[b] <= 'Z')
            return false;
    if ((i + 1 < se && tok_has_class(d, i + 1, LEX_CUES)) ||
        (i > sb && tok_has_class(d, i - 1, LEX_CUES)))
        return false;
    /* The last few names are enough: a surname follows its full name
     * closely, and the scan stays bounded. */
    for (size_t m = d->mentions.len; m-- > 0 && d->mentions.len - m <= 64;) {
        const mention *x = DOC_MEN(d, m);
        if ((x->flags & MEN_NAME) && x->te - x->head > 1 && x->te < i &&
            strcmp(DOC_TOK(d, x->te - 1)->key, t->key) == 0)
            return false;
    }
    return true;
}

/* Headlines ("It's Coming Full Circle: The Sony Hack Is Getting Its Own
 * Movie", "YOUR FAVORITE SHOWS") capitalise every word, so a capital
 * there tells no name. Such a line's unknown capitalised words count as
 * a name only where the body of the text writes them with a capital
 * too ("Norse Says Insider Did It" after "Norse Corporation ..."). */

/* Words of at least this many bytes, function words aside, decide. */
#define TITLE_MIN_LEN 3
#define TITLE_MIN_WORDS 4

static bool title_case(const doc *d, const sentence *s)
{
    size_t words = 0, upper = 0;
    for (size_t i = s->tok_begin + 1; i < s->tok_end; i++) {
        const token *t = DOC_TOK(d, i);
        if (!(t->flags & TOK_WORD) || t->end - t->start < TITLE_MIN_LEN ||
            tok_lex(d, i, LEX_FUNCTION))
            continue;
        words++;
        upper += (t->flags & TOK_UPPER) != 0;
    }
    return words >= TITLE_MIN_WORDS && upper * 10 >= words * 9;
}

/* The slot of a token with T's key in BC, or the empty one where it
 * would go. */
static const token **body_slot(const body_caps *bc, const token *t)
{
    size_t mask = bc->cap - 1;
    for (size_t i = t->hash & mask;; i = (i + 1) & mask) {
        const token *u = bc->slots[i];
        if (!u || (u->hash == t->hash && u->keylen == t->keylen &&
                   memcmp(u->key, t->key, t->keylen) == 0))
            return &bc->slots[i];
    }
}

static bool in_body(const body_caps *bc, const token *t)
{
    return bc->cap && *body_slot(bc, t);
}

/* The capitalised words of every sentence that is no headline; *TITLE
 * (one per sentence) gets which are. A text without a headline needs
 * none. */
static attrib_status collect_body_caps(doc *d, bool *title, body_caps *bc)
{
    size_t n = 0;
    bool headline = false;
    for (size_t si = 0; si < d->sentences.len; si++) {
        const sentence *s = DOC_SENT(d, si);
        title[si] = title_case(d, s);
        headline |= title[si];
        if (!title[si])
            n += s->tok_end - s->tok_begin;
    }
    bc->cap = 0;
    if (!headline)
        return ATTRIB_OK;
    size_t cap = 16;
    while (cap < 2 * n)
        cap *= 2;
    if (!(bc->slots = calloc(cap, sizeof *bc->slots)))
        return ATTRIB_ENOMEM;
    bc->cap = cap;
    for (size_t si = 0; si < d->sentences.len; si++) {
        const sentence *s = DOC_SENT(d, si);
        for (size_t i = s->tok_begin; !title[si] && i < s->tok_end; i++) {
            const token *t = DOC_TOK(d, i);
            if ((t->flags & (TOK_WORD | TOK_UPPER)) == (TOK_WORD | TOK_UPPER))
                *body_slot(bc, t) = t;
        }
    }
    return ATTRIB_OK;
}

static attrib_status find_names(doc *d, const sentence *s, const body_caps *bc)
{
    /* The end of the run of name words the last token looked at stands
     * in: every word of a run ends it at the same place, and a headline
     * looks at its words one by one, so each run is walked once. */
    size_t run_end = 0;
    for (size_t i = s->tok_begin; i < s->tok_end;) {
        /* Neither a title nor a capitalised word (name_word()): most tokens. */
        const token *t = DOC_TOK(d, i);
        if (!free_tok(d, i) || (!tok_has_class(d, i, LEX_BIT(LEX_NAME)) &&
                                (t->flags & (TOK_WORD | TOK_UPPER)) != (TOK_WORD | TOK_UPPER))) {
            i++;
            continue;
        }
        const lex_entry *title = tok_lex(d, i, LEX_NAME);
        if (title && title->role == ROLE_TITLE && i + title->nwords < s->tok_end) {
            size_t nb = i + title->nwords;
            while (nb < s->tok_end && tok_is_punct(d, nb, "."))
                nb++;
            size_t te = name_run(d, nb, s->tok_end);
            if (te > nb) {
                attrib_status st = add_mention(d, with_determiner(d, i, s->tok_begin), te, nb,
                                               ATTRIB_KIND_PERSON, NULL, MEN_NAME);
                if (st != ATTRIB_OK)
                    return st;
                i = te;
                continue;
            }
        }
        if (!name_word(d, i)) {
            i++;
            continue;
        }
        size_t te = i < run_end ? run_end : name_run(d, i, s->tok_end);
        run_end = te;
        if (d->lang->nouns_capital && common_noun(d, i, te, s->tok_begin, s->tok_end)) {
            i = te;
            continue;
        }
        if (bc) {
            /* A headline: only the words the body writes as names. */
            size_t ke = i;
            while (ke < te && (in_body(bc, DOC_TOK(d, ke)) ||
                               (ke > i && name_role(d, ke) == ROLE_CONNECTOR)))
                ke++;
            while (ke > i && name_role(d, ke - 1) == ROLE_CONNECTOR)
                ke--;
            if (ke == i) {
                i++;
                continue;
            }
            te = ke;
        }
        attrib_kind kind = ATTRIB_KIND_UNKNOWN;
        bool connector = false;
        for (size_t k = i; k < te; k++) {
            lex_role r = name_role(d, k);
            if (r == ROLE_ORG)
                kind = ATTRIB_KIND_ORGANIZATION;
            else if (r == ROLE_MEDIA && kind == ATTRIB_KIND_UNKNOWN)
                kind = ATTRIB_KIND_MEDIA;
            else if (r == ROLE_CONNECTOR)
                connector = true;
        }
        if (kind == ATTRIB_KIND_UNKNOWN) {
            size_t words = te - i;
            if (words == 1 && (DOC_TOK(d, i)->flags & TOK_ALLCAPS))
                kind = ATTRIB_KIND_ORGANIZATION;
            else if (words >= 2 && words <= 4 && !connector)
                kind = ATTRIB_KIND_PERSON;
        }
        attrib_status st = add_mention(d, with_determiner(d, i, s->tok_begin), te, i, kind, NULL,
                                       MEN_NAME);
        if (st != ATTRIB_OK)
            return st;
        i = te;
    }
    return ATTRIB_OK;
}

/* 5. Pronouns. */
static attrib_status find_pronouns(doc *d, const sentence *s, const body_caps *bc)
{
    (void)bc;
    for (size_t i = s->tok_begin; i < s->tok_end; i++) {
        const lex_entry *e = tok_lex(d, i, LEX_FUNCTION);
        if (!e || e->role != ROLE_PRON || e->nwords != 1 || !free_tok(d, i))
            continue;
        /* An inverted subject clitic (« est-elle », « a-t-il ») repeats
         * the subject before it: it is no party of its own. */
        if (i > s->tok_begin && tok_is_punct(d, i - 1, "-") &&
            DOC_TOK(d, i - 1)->end == DOC_TOK(d, i)->start)
            continue;
        attrib_status st = add_mention(d, i, i + 1, i, (attrib_kind)e->kind, NULL, MEN_PRONOUN);
        if (st != ATTRIB_OK)
            return st;
    }
    return ATTRIB_OK;
}

attrib_status mentions_find(doc *d)
{
    size_t n = DOC_NTOK(d);
    /* Not zeroed: every element is set here. */
    d->mention_at = arena_alloc(&d->mem, (n ? n : 1) * sizeof *d->mention_at);
    if (!d->mention_at)
        return ATTRIB_ENOMEM;
    for (size_t i = 0; i < n; i++)
        d->mention_at[i] = -1;
    bool *title = malloc((d->sentences.len ? d->sentences.len : 1) * sizeof *title);
    body_caps bc = {NULL, 0};
    attrib_status st = title ? collect_body_caps(d, title, &bc) : ATTRIB_ENOMEM;
    attrib_status (*const passes[])(doc *, const sentence *, const body_caps *) = {
        find_gazetteer, find_described, find_names, find_pronouns};
    for (size_t p = 0; p < sizeof passes / sizeof *passes && st == ATTRIB_OK; p++)
        for (size_t si = 0; si < d->sentences.len && st == ATTRIB_OK; si++)
            st = passes[p](d, DOC_SENT(d, si), title[si] ? &bc : NULL);
    free(bc.slots);
    free(title);
    return st;
}
