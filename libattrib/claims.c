/* Claims stage: reporting frames and responsibility frames, assembled into
 * claims.
 *
 * A claim is a responsibility frame (an ACTOR and a predicate: "North
 * Korea was behind", "the involvement of Russia") seen through the
 * reporting frame that governs it (a SOURCE and a cue: "the FBI said ...",
 * "according to X, ...", a quotation and its speaker), or a cue that
 * carries both at once ("X blamed Y", "Y was blamed on ...", "X claimed
 * responsibility").
 *
 *   1. quotations are paired (quotes.txt), so a speaker can govern a quote
 *      that runs over several sentences;
 *   2. cues are the longest report, blame, self or resp phrase at a token;
 *   3. each report cue finds its source (left: "X said"; right: "according
 *      to X", "..., said X"; by: "was questioned by X"; an apposition "X,
 *      a spokesman for Y, said" gives X) and its content: the rest of the
 *      sentence, the part before it ("..., X said"), or the quotation it
 *      introduces or follows;
 *   4. each resp cue finds its actor (left, right or genitive) and is
 *      governed by the innermost report frame whose content holds it;
 *      outer frames that only pass words on become the via chain;
 *   5. stance: the modifiers inside the content apply to the predicate,
 *      then the governing cue's operator (its negated operator when the
 *      cue is negated), then the cue's own hedges (stance.c).
 * A frame no report frame governs is the writer's own (unattributed),
 * unless it stands in a quotation whose speaker is unknown.
 *
 * Takes: tokens, sentences, d->lex, mentions (resolved). Gives: d->claims. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "stance.h"

#define MAX_COORD 4

typedef struct frame {
    const lex_entry *e;
    size_t tb, te;          /* the cue's tokens                          */
    int src[MAX_COORD];     /* sources (coordinated), mention indices    */
    int nsrc;
    int via;                /* outlet named by the cue ("told Reuters")  */
    size_t ctb, cte;        /* content: tokens [ctb, cte)                */
    bool negated;
    uint8_t weak;           /* lex_mod that weakens the cue: hedge, ask  */
    bool passive;
    bool quote;             /* the content is a quotation                */
    bool governs;           /* may govern resp frames                    */
    bool unheard;           /* someone speaks, we cannot tell who        */
    bool used;              /* some claim came through it                */
} frame;

typedef struct quote_span {
    size_t open, close;     /* tokens of the marks                       */
} quote_span;

typedef struct ctx {
    doc *d;
    vec frames;             /* frame, report frames only                 */
    vec quotes;             /* quote_span                                */
    int *cue_at;            /* per token: the class + 1 of the cue holding it, else 0 */
    bool *qmark;            /* per token: a quotation mark               */
    int *quote_open_at;     /* per token: the quote it opens, or -1      */
    int *quote_close_at;    /* per token: the quote it closes, or -1     */
    int *quote_depth;       /* per token: how many quotes hold it        */
    size_t *next_claim_cue; /* per token: first resp/blame/self cue at or after it */
    bool *appositive;       /* per token: inside a speaker's apposition  */
    size_t *next_close;     /* per token: first closing quotation mark at or after it */
    uint8_t *mod;           /* per token: its stance modifier (find_mod()) */
    size_t *clause_end;     /* per token: where its clause ends (clauses()) */
    size_t *clause_start;   /* per token: where its clause starts        */
    size_t blamed_end;      /* end of the last blame cue's actor, or 0   */
} ctx;

/* ---- Small predicates ---- */

static int men_at(const ctx *c, size_t i)
{
    return c->d->mention_at[i];
}

/* The mention a claim should name: a pronoun stands for its antecedent. */
static int deref(const doc *d, int m)
{
    if (m >= 0 && (DOC_MEN(d, m)->flags & MEN_PRONOUN))
        return DOC_MEN(d, m)->antecedent;
    return m;
}

/* How far back a negator looks for the one it agrees with. */
#define NEG_CONCORD_REACH 8

/* Does the negator at I repeat one before it in its clause? Negation is
 * concordant in Romance languages: "no dijo nunca", "non ha mai", « n'a
 * jamais rien dit », "ni X ni Y" say one negation, not two; a
 * complementiser or punctuation starts another clause ("no dijo que
 * nunca ..."). */
static bool repeats_negation(const doc *d, size_t i)
{
    uint32_t sent = DOC_TOK(d, i)->sent;
    for (size_t k = i; k-- > 0 && i - k <= NEG_CONCORD_REACH;) {
        if (DOC_TOK(d, k)->sent != sent || tok_is_punct(d, k, ",;:.!?()") ||
            tok_role(d, k) == ROLE_COMP)
            return false;
        const lex_entry *e = tok_lex(d, k, LEX_MODIFIER);
        if (e && e->mod == MOD_NEG && k + e->nwords <= i)
            return true;
    }
    return false;
}

/* Does a negative phrase of evidence follow the negator at I in its
 * clause ("no hay ninguna prueba", "non c'è nessuna prova")? Its
 * negative word agrees with the negator, and the phrase says it all. */
static bool negative_phrase_follows(const doc *d, size_t i)
{
    uint32_t sent = DOC_TOK(d, i)->sent;
    for (size_t k = i + 1; k < DOC_NTOK(d) && k - i <= NEG_CONCORD_REACH; k++) {
        if (DOC_TOK(d, k)->sent != sent || tok_is_punct(d, k, ",;:.!?()") ||
            tok_role(d, k) == ROLE_COMP || tok_lex(d, k, LEX_REPORT))
            return false;
        const lex_entry *e = tok_lex(d, k, LEX_MODIFIER);
        if (e)
            return e->mod == MOD_DOUBT && e->nwords > 1;
    }
    return false;
}

/* The stance modifier at token I. A negator standing alone before a
 * comma ("says no, X was not behind", « affirme que non, X n'est pas »)
 * answers and repeats the negation that follows, and one after another
 * negator in its clause agrees with it: either is none itself. Looks
 * around I, so it is worked out once per token (index_tokens()) and read
 * through mod_at(). */
static lex_mod find_mod(const doc *d, size_t i)
{
    const lex_entry *e = tok_lex(d, i, LEX_MODIFIER);
    if (!e)
        return MOD_NONE;
    if (e->mod == MOD_NEG && e->nwords == 1 && i + 1 < DOC_NTOK(d) && tok_is_punct(d, i + 1, ","))
        return MOD_NONE;
    if (e->mod == MOD_NEG && (repeats_negation(d, i) || negative_phrase_follows(d, i)))
        return MOD_NONE;
    return (lex_mod)e->mod;
}

static lex_mod mod_at(const ctx *c, size_t i)
{
    return (lex_mod)c->mod[i];
}

/* Is token I a stance modifier at all (whatever it does here)? */
static bool is_modifier(const doc *d, size_t i)
{
    return tok_lex(d, i, LEX_MODIFIER) != NULL;
}

/* Tokens a search for a source or an actor does not cross. */
static bool barrier(const ctx *c, size_t i)
{
    return c->cue_at[i] || c->qmark[i] || tok_is_punct(c->d, i, ";") ||
           tok_role(c->d, i) == ROLE_COMP;
}

static const sentence *sent_of(const doc *d, size_t i)
{
    return DOC_SENT(d, DOC_TOK(d, i)->sent);
}

/* "un portavoz del Kremlin dijo", « le porte-parole du Kremlin a
 * déclaré », "a spokesman for the ministry said": a person described by
 * the body they speak for, not the body, is the party before a cue; M is
 * the mention nearest the cue. */
static int described_person_of(const ctx *c, int m, size_t lo)
{
    const mention *x = DOC_MEN(c->d, m);
    if (x->tb < lo + 2 ||
        (tok_role(c->d, x->tb - 1) != ROLE_GEN && tok_role(c->d, x->tb - 1) != ROLE_PREP))
        return m;
    int h = men_at(c, x->tb - 2);
    if (h >= 0 && (DOC_MEN(c->d, h)->flags & MEN_DESCRIBED) &&
        DOC_MEN(c->d, h)->kind == ATTRIB_KIND_PERSON)
        return h;
    return m;
}

/* Nearest mention ending before FROM, no further left than LO, crossing
 * at most MAXDIST other tokens and no barrier. */
static int left_mention(const ctx *c, size_t from, size_t lo, int maxdist)
{
    int dist = 0;
    for (size_t k = from; k-- > lo;) {
        /* "the FBI (the federal police) said": the party is the one the
         * parenthesis explains. */
        if (tok_is_punct(c->d, k, ")")) {
            size_t j = k;
            while (j > lo && k - j < 12 && !tok_is_punct(c->d, j - 1, "(") && !barrier(c, j - 1))
                j--;
            if (j > lo && tok_is_punct(c->d, j - 1, "(")) {
                k = j - 1;
                continue;
            }
        }
        if (men_at(c, k) >= 0)
            return described_person_of(c, men_at(c, k), lo);
        /* "the group, which was behind": the party the relative word
         * follows; "cannot say who was behind": nobody named. */
        if (tok_role(c->d, k) == ROLE_REL) {
            size_t j = k > lo && tok_is_punct(c->d, k - 1, ",") ? k - 1 : k;
            /* "the Maritime Office (MO), which ...": past the acronym. */
            if (j > lo + 3 && tok_is_punct(c->d, j - 1, ")") && tok_is_punct(c->d, j - 3, "("))
                j -= 3;
            return j > lo ? men_at(c, j - 1) : -1;
        }
        /* "el grupo «X», que se atribuye", "the group that claimed": a
         * complementiser right after a party (a comma or a closing
         * quotation mark between) is a relative word, unless a noun
         * phrase of its own follows it ("agencies that the accusations
         * against X ..." opens a clause). */
        bool relative = tok_role(c->d, k) == ROLE_COMP;
        for (size_t j = k + 1; relative && j < from; j++)
            relative = men_at(c, j) < 0 && tok_role(c->d, j) != ROLE_DET;
        if (relative) {
            size_t j = k;
            if (j > lo && tok_is_punct(c->d, j - 1, ","))
                j--;
            if (j > lo && c->qmark[j - 1])
                j--;
            if (j > lo && men_at(c, j - 1) >= 0)
                return men_at(c, j - 1);
        }
        if (barrier(c, k) || ++dist > maxdist)
            return -1;
    }
    return -1;
}

/* The subject of a speech, blame or self cue before TB: the nearest
 * party, unless it stands behind a preposition that attaches it to a
 * party before it ("Corea del Norte en la ONU niega", "el Gobierno
 * chileno sobre Irán dijo"): then that party, a word or two before the
 * preposition. */
static int subject_left(const ctx *c, size_t tb, size_t lo, int maxdist)
{
    int nearest = left_mention(c, tb, lo, maxdist);
    int m = nearest;
    for (int hops = 0; m >= 0 && hops < 3; hops++) {
        size_t p = DOC_MEN(c->d, m)->tb;
        if (p <= lo || tok_role(c->d, p - 1) != ROLE_PREP)
            return m;
        int h = -1;
        for (size_t k = p - 1; k-- > lo && p - 1 - k <= 2 && h < 0;) {
            if (barrier(c, k) || !(DOC_TOK(c->d, k)->flags & TOK_WORD))
                break;
            h = men_at(c, k);
        }
        /* "Analysts at Kestrel Labs said": people described by where
         * they work speak for it (the convention of the gold). */
        if (h < 0 || ((DOC_MEN(c->d, h)->flags & MEN_DESCRIBED) &&
                      (DOC_MEN(c->d, h)->kind == ATTRIB_KIND_PERSON ||
                       DOC_MEN(c->d, h)->kind == ATTRIB_KIND_DESCRIBED)))
            break;
        m = described_person_of(c, h, lo);
    }
    /* A chain of prepositional phrases with no party at its head ("mit
     * Nervengift auf einen Ex-Agenten in Großbritannien"): no better
     * subject than the nearest. */
    return nearest;
}

/* Nearest mention starting at or after FROM, before HI; a description
 * that a name follows gives the name ("wrote analyst Rob Vance"). */
static int right_mention(const ctx *c, size_t from, size_t hi, int maxdist)
{
    int dist = 0;
    for (size_t k = from; k < hi; k++) {
        if (men_at(c, k) >= 0) {
            const mention *m = DOC_MEN(c->d, men_at(c, k));
            int next = m->te < hi ? men_at(c, m->te) : -1;
            if ((m->flags & MEN_DESCRIBED) && next >= 0 &&
                (DOC_MEN(c->d, next)->flags & MEN_NAME) &&
                DOC_MEN(c->d, next)->kind == ATTRIB_KIND_PERSON)
                return next;
            return men_at(c, k);
        }
        if (barrier(c, k) || tok_is_punct(c->d, k, ",.:") || ++dist > maxdist)
            return -1;
    }
    return -1;
}

/* M and the mentions coordinated with it ("the FBI and the NSA", "the
 * FBI, the NSA and the CIA"), in text order; LEFTWARD looks before M,
 * else after it. A comma joins only in a list that a conjunction ends, so
 * "According to Europol, Black Orchid" and "said X, an FBI spokesman"
 * stay apart; and only leftward, where M ends the list: after M a comma
 * as often closes M's clause ("carried out by X, the FBI and the NSA
 * said") as it continues a list. */
static int coordinated(const ctx *c, int m, bool leftward, size_t lo, size_t hi, int *out)
{
    int n = 0;
    int last_conj = 0; /* rightward: the list ends at its last conjunction */
    out[n++] = m;
    while (n < MAX_COORD) {
        const mention *cur = DOC_MEN(c->d, out[leftward ? 0 : n - 1]);
        size_t k;
        if (leftward) {
            if (cur->tb < lo + 2)
                break;
            k = cur->tb - 1;
        } else {
            k = cur->te;
            if (k + 1 >= hi)
                break;
        }
        bool conj = tok_role(c->d, k) == ROLE_CONJ;
        if (!conj && (!leftward || !tok_is_punct(c->d, k, ",")))
            break;
        /* Leftward, M ends the list: the link next to it is the conjunction. */
        if (leftward && n == 1 && !conj)
            break;
        int next = men_at(c, leftward ? k - 1 : k + 1);
        if (next < 0 || next == out[0] || next == out[n - 1])
            break;
        if (leftward) {
            memmove(out + 1, out, (size_t)n * sizeof *out);
            out[0] = next;
        } else {
            out[n] = next;
            if (conj)
                last_conj = n;
        }
        n++;
    }
    if (!leftward)
        n = last_conj + 1;
    return n;
}

/* A free word no lexicon knows, standing where an adverb would ("was
 * repeatedly questioned", "a été longtemps soupçonné"). */
static bool plain_adverb(const ctx *c, size_t k)
{
    const doc *d = c->d;
    return (DOC_TOK(d, k)->flags & TOK_WORD) && !(DOC_TOK(d, k)->flags & TOK_UPPER) &&
           men_at(c, k) < 0 && !c->cue_at[k] && !tok_has_class(d, k, LEX_ALL);
}

/* Is the cue at TB a participle after a passive auxiliary ("was blamed",
 * "a été remise en question")? Modifiers may stand between. */
static bool after_passive_aux(const ctx *c, size_t tb, size_t lo)
{
    for (size_t k = tb; k-- > lo && k + 4 > tb;) {
        if (tok_role(c->d, k) == ROLE_BE)
            return true;
        if (!is_modifier(c->d, k) && !plain_adverb(c, k))
            return false;
    }
    return false;
}

/* The mention after an agent word ("by the FBI", « par des experts »)
 * within a few tokens after TE; a classifier noun may stand before the
 * name ("door de groep X", "by the group X"). */
static int agent_after(const ctx *c, size_t te, size_t hi)
{
    for (size_t k = te; k < hi && k < te + 3; k++)
        if (tok_role(c->d, k) == ROLE_AGENT && men_at(c, k) < 0)
            return right_mention(c, k + 1, hi, 2);
    return -1;
}

/* How far before a participle its agent may stand. */
#define AGENT_BEFORE_REACH 8

/* The agent that stands before a participle in a verb-final clause
 * ("door de politie toegeschreven", "von der Polizei russischen Hackern
 * zugeschrieben"): a mention after an agent word, within a few tokens
 * before TB and no barrier between. -1 when there is none. Only
 * languages of verb-second order have verb-final clauses; elsewhere a
 * party after an agent word before the cue is another verb's agent
 * ("carried out by hackers linked to X"). */
static int agent_before(const ctx *c, size_t tb, size_t lo)
{
    if (!c->d->lang->verb_second)
        return -1;
    for (size_t k = tb; k-- > lo && tb - k <= AGENT_BEFORE_REACH;) {
        if (barrier(c, k) || tok_is_punct(c->d, k, ",.:"))
            return -1;
        int m = men_at(c, k);
        if (m >= 0 && DOC_MEN(c->d, m)->tb > lo &&
            tok_role(c->d, DOC_MEN(c->d, m)->tb - 1) == ROLE_AGENT)
            return m;
    }
    return -1;
}

/* Negation and hedging of the cue [TB, TE): modifiers just before it, and
 * a negator right after it (French « ne confirme pas »). */
static void cue_modality(const ctx *c, size_t tb, size_t te, size_t lo, size_t hi, bool *neg,
                         uint8_t *weak)
{
    int negs = 0;
    *weak = MOD_NONE;
    for (size_t k = tb; k-- > lo && k + 5 > tb;) {
        if (men_at(c, k) >= 0 || barrier(c, k) || tok_is_punct(c->d, k, ",.:"))
            break;
        lex_mod m = mod_at(c, k);
        if (m == MOD_NEG)
            negs++;
        else if (m == MOD_HEDGE && *weak != MOD_ASK)
            *weak = MOD_HEDGE;
        else if (m == MOD_ASK) /* "stopped short of blaming" */
            *weak = MOD_ASK;
    }
    /* Not after a cue that opens with a preposition ("nach eigenen
     * Angaben nicht verantwortlich" negates the content), nor where the
     * negator is the cue's own tail ("sluit … niet uit", "schließt …
     * nicht aus"). */
    if (te < hi && mod_at(c, te) == MOD_NEG && tok_role(c->d, tb) != ROLE_PREP && !c->cue_at[te])
        negs++;
    *neg = negs % 2 == 1;
}

/* Is token I in a cue that starts a clause of its own? A responsibility
 * predicate may stand in a speaker's description ("X, responsible for
 * research at Y, said"); a report or blame cue may not. */
static bool clause_cue(const ctx *c, size_t i)
{
    return c->cue_at[i] && c->cue_at[i] != LEX_RESP + 1;
}

/* ST seen through the cue E: its operator (its negated operator when
 * NEG), then what weakens it (WEAK: a lex_mod, hedge or ask). */
static attrib_stance weakened(uint8_t weak, attrib_stance st)
{
    return weak != MOD_NONE ? stance_apply_mod((lex_mod)weak, st) : st;
}

static attrib_stance through_cue(const lex_entry *e, bool neg, uint8_t weak, attrib_stance st)
{
    return weakened(weak, stance_apply_op((lex_op)(neg ? e->neg : e->op), st));
}

/* Does [from, to) hold a mention? */
static bool holds_mention(const ctx *c, size_t from, size_t to)
{
    for (size_t k = from; k < to; k++)
        if (men_at(c, k) >= 0)
            return true;
    return false;
}

/* Does [from, to) hold a responsibility or blame cue? */
static bool holds_claim_cue(const ctx *c, size_t from, size_t to)
{
    return from < to && c->next_claim_cue[from] < to;
}

/* ---- 1. Quotations ---- */

#define MAX_QUOTE_DEPTH 8

static attrib_status find_quotes(ctx *c)
{
    doc *d = c->d;
    struct {
        size_t tok;
        const char *close;
    } stack[MAX_QUOTE_DEPTH];
    int top = 0;
    for (size_t i = 0; i < DOC_NTOK(d); i++) {
        const token *t = DOC_TOK(d, i);
        if (t->flags & TOK_PARA)
            top = 0; /* a quotation left open at a paragraph's end is dropped */
        if (t->flags & TOK_WORD)
            continue;
        if (top > 0 && strcmp(t->key, stack[top - 1].close) == 0) {
            quote_span *q = vec_push(&c->quotes, sizeof(quote_span));
            if (!q)
                return ATTRIB_ENOMEM;
            q->open = stack[--top].tok;
            q->close = i;
            c->qmark[i] = true;
            continue;
        }
        const lex_entry *e = tok_lex(d, i, LEX_QUOTE);
        if (e && e->nwords == 1) {
            c->qmark[i] = true;
            if (top == MAX_QUOTE_DEPTH)
                top = 0;
            stack[top].tok = i;
            stack[top].close = e->close;
            top++;
        } else if (!tok_lex(d, i, LEX_QUOTE)) {
            /* A closing mark with no opening one still ends a search. */
            for (int k = 0; k < top; k++)
                if (strcmp(t->key, stack[k].close) == 0)
                    c->qmark[i] = true;
        }
    }
    return ATTRIB_OK;
}

/* The quotation that closes just before token I (within a few tokens,
 * across a comma), or that opens just after it; NULL when none. */
static const quote_span *quote_before(const ctx *c, size_t i)
{
    for (size_t k = i; k-- > 0 && i - k <= 3;)
        if (c->quote_close_at[k] >= 0)
            return &VEC_AT(c->quotes, quote_span, (size_t)c->quote_close_at[k]);
    return NULL;
}

static const quote_span *quote_after(const ctx *c, size_t i)
{
    for (size_t k = i; k < DOC_NTOK(c->d) && k - i <= 3; k++)
        if (c->quote_open_at[k] >= 0)
            return &VEC_AT(c->quotes, quote_span, (size_t)c->quote_open_at[k]);
    return NULL;
}

/* Does the quotation end its sentence ("said: «...».")? One that does
 * not ("believe with «moderate confidence» that ...") is a phrase of the
 * content, which is then the rest of the sentence. */
static bool quote_ends_sentence(const ctx *c, const quote_span *q)
{
    const doc *d = c->d;
    size_t se = sent_of(d, q->close)->tok_end;
    for (size_t k = q->close + 1; k < se; k++)
        if (DOC_TOK(d, k)->flags & TOK_WORD)
            return false;
    return true;
}

static bool inside_quote(const ctx *c, size_t i)
{
    return c->quote_depth[i] > 0;
}

/* Per-token indexes over the quotations and cues, so that every lookup
 * above is constant time whatever the document holds. */
static void index_tokens(ctx *c)
{
    doc *d = c->d;
    size_t n = DOC_NTOK(d);
    for (size_t i = 0; i < n; i++) {
        c->quote_open_at[i] = c->quote_close_at[i] = -1;
        c->mod[i] = (uint8_t)find_mod(d, i);
    }
    for (size_t q = 0; q < c->quotes.len; q++) {
        const quote_span *s = &VEC_AT(c->quotes, quote_span, q);
        c->quote_open_at[s->open] = (int)q;
        c->quote_close_at[s->close] = (int)q;
        c->quote_depth[s->open + 1 < n ? s->open + 1 : s->open]++;
        c->quote_depth[s->close]--;
    }
    for (size_t i = 1; i < n; i++)
        c->quote_depth[i] += c->quote_depth[i - 1];
    size_t close = n;
    for (size_t i = n; i-- > 0;) {
        if (c->quote_close_at[i] >= 0)
            close = i;
        c->next_close[i] = close;
    }
}

/* Clauses that another speaker opens: "The FBI blamed X, but Norse says
 * it was an insider", « remise en question par des experts, alors que le
 * FBI n'a jamais ... ». A comma before a contrast word or a conjunction,
 * or a semicolon, ends a clause when the clause after it holds a report
 * or blame cue of its own; a frame's content does not cross it. Per
 * token, the first such boundary at or after it (else its sentence's
 * end) and the token after the last one before it (else its sentence's
 * start). Run once the cues are known. */
static void clauses(ctx *c)
{
    doc *d = c->d;
    size_t n = DOC_NTOK(d);
    size_t end = n;
    bool cue_after = false;
    for (size_t k = n; k-- > 0;) {
        if (k + 1 == n || DOC_TOK(d, k + 1)->sent != DOC_TOK(d, k)->sent) {
            end = k + 1;
            cue_after = false;
        }
        /* Only a cue after it makes a boundary: asked first. */
        bool boundary = cue_after &&
                        (tok_is_punct(d, k, ";") ||
                         (tok_is_punct(d, k, ",") && k + 1 < n &&
                          (tok_role(d, k + 1) == ROLE_CONTRAST || tok_role(d, k + 1) == ROLE_CONJ)));
        if (boundary) {
            end = k;
            cue_after = false;
        }
        c->clause_end[k] = end;
        if (c->cue_at[k] && c->cue_at[k] != LEX_RESP + 1)
            cue_after = true;
    }
    size_t start = 0;
    for (size_t k = 0; k < n; k++) {
        if (DOC_TOK(d, k)->flags & TOK_SENT_START)
            start = k;
        c->clause_start[k] = start;
        if (c->clause_end[k] == k)
            start = k + 1;
    }
}

/* ---- 2. Cues ---- */

static const lex_entry *cue_entry(const doc *d, size_t i)
{
    static const lex_class cue_classes[] = {LEX_BLAME, LEX_SELF, LEX_REPORT, LEX_RESP};
    if (!tok_has_class(d, i, LEX_CUES))
        return NULL; /* most tokens */
    const lex_entry *best = NULL;
    for (size_t k = 0; k < sizeof cue_classes / sizeof *cue_classes; k++) {
        const lex_entry *e = tok_lex(d, i, cue_classes[k]);
        if (e && (!best || e->nwords > best->nwords))
            best = e;
    }
    /* "May's claim", "the claims": after a determiner or a possessive a
     * word that is also a reporting verb is the noun. */
    const lex_entry *noun = tok_lex(d, i, LEX_RESP);
    if (best && best->cls == LEX_REPORT && noun && noun->nwords >= best->nwords && i > 0 &&
        (tok_role(d, i - 1) == ROLE_DET || tok_role(d, i - 1) == ROLE_POSS))
        best = noun;
    return best;
}

/* For object=claim cues ("called the accusations ...", « a qualifié ces
 * accusations de ... »): does a noun standing for an earlier claim follow
 * as the object, after at most a few determiners, possessors and
 * modifiers? */
static bool object_is_claim(const doc *d, const int *mention_at, size_t te, size_t hi)
{
    for (size_t k = te; k < hi && k < te + 6; k++) {
        const lex_entry *r = tok_lex(d, k, LEX_RESP);
        if (r && (lex_side)r->actor == SIDE_PRIOR)
            return true;
        lex_role role = tok_role(d, k);
        if (mention_at[k] < 0 && role != ROLE_DET && role != ROLE_POSS &&
            (!(DOC_TOK(d, k)->flags & TOK_WORD) || role != ROLE_NONE ||
             tok_has_class(d, k, LEX_CUES)))
            return false;
    }
    return false;
}

/* ---- 3. Report frames ---- */

/* "X, a spokesman for Y, said" and "the minister, Jane Doe, said": the
 * cue follows a phrase set off by two commas, the second at COMMA. The
 * speaker is the name: X in the first, the name inside the commas in the
 * second. Returns the speaker, or -1 when there is no such phrase, and
 * marks the phrase's tokens, whose words describe the speaker and make no
 * claim ("X, responsible for research at Y, said"). */
/* The name that is all of the phrase between the commas at K and COMMA
 * ("another firm, the Norse Corporation, said"), or -1. */
static int apposed_name(const ctx *c, size_t k, size_t comma)
{
    int m = k + 1 < comma ? men_at(c, k + 1) : -1;
    if (m < 0)
        return -1;
    const mention *x = DOC_MEN(c->d, m);
    return x->te == comma && !(x->flags & (MEN_DESCRIBED | MEN_PRONOUN)) ? m : -1;
}

/* The comma that opens an apposition closed by the comma at COMMA, with
 * the party it describes right before it ("X, a group linked to Y,"):
 * SIZE_MAX when there is none. A participle of blame may stand in it;
 * a report cue makes it a clause. */
static size_t apposition_open(const ctx *c, size_t comma, size_t lo)
{
    for (size_t k = comma; k-- > lo && comma - k < 14;) {
        if (c->qmark[k] || (clause_cue(c, k) && c->cue_at[k] != LEX_BLAME + 1))
            return SIZE_MAX;
        if (tok_is_punct(c->d, k, ","))
            return k > lo && men_at(c, k - 1) >= 0 ? k : SIZE_MAX;
    }
    return SIZE_MAX;
}

static int apposition_speaker(ctx *c, size_t comma, size_t lo)
{
    const doc *d = c->d;
    size_t k = apposition_open(c, comma, lo);
    if (k == SIZE_MAX)
        return -1;
    /* « le porte-parole du Kremlin, Dmitri Peskov, a déclaré » */
    int head = described_person_of(c, men_at(c, k - 1), lo);
    int name = apposed_name(c, k, comma);
    for (size_t j = k + 1; j < comma && name < 0; j++) {
        int m = men_at(c, j);
        if (m >= 0 && !(DOC_MEN(d, m)->flags & (MEN_DESCRIBED | MEN_PRONOUN)) &&
            DOC_MEN(d, m)->kind == ATTRIB_KIND_PERSON)
            name = m;
    }
    for (size_t j = k + 1; j < comma; j++)
        c->appositive[j] = true;
    /* A description the name after it tells: "the minister, Jane
     * Doe, said", "another firm, the Norse Corporation, said". */
    if (name >= 0 && (DOC_MEN(d, head)->flags & MEN_DESCRIBED) &&
        !(DOC_MEN(d, head)->flags & MEN_GAZETTEER))
        return name;
    return head;
}

/* "The security firm that X hired, Norse, said": a description opens the
 * sentence, a relative clause follows it, and the name set off by the
 * two commas before the cue (the second at COMMA) says who it is. -1
 * when the phrase is not such a name. */
static int apposed_subject_name(const ctx *c, int subject, size_t comma, size_t lo)
{
    if (subject < 0 || !(DOC_MEN(c->d, subject)->flags & MEN_DESCRIBED) ||
        (DOC_MEN(c->d, subject)->flags & MEN_GAZETTEER))
        return -1;
    for (size_t k = comma; k-- > lo && comma - k < 8;)
        if (tok_is_punct(c->d, k, ","))
            return DOC_MEN(c->d, subject)->te <= k ? apposed_name(c, k, comma) : -1;
    return -1;
}

/* "The ministry kept silent for a week, calling the claims absurd": a
 * cue right after a comma with no subject of its own is a participle
 * whose subject is the main clause's, the mention that opens the
 * sentence (after at most a word such as "But"), before the comma at
 * COMMA. -1 when the sentence opens otherwise. */
static int clause_subject(const ctx *c, size_t sb, size_t comma)
{
    for (size_t k = sb; k < comma && k < sb + 3; k++) {
        int m = men_at(c, k);
        if (m >= 0)
            return DOC_MEN(c->d, m)->te <= comma && !inside_quote(c, k) ? m : -1;
        if (c->qmark[k] || !(DOC_TOK(c->d, k)->flags & TOK_WORD))
            return -1;
    }
    return -1;
}

/* "X said that ... and accused Y", "X has denied it and called the
 * allegations a smear": a cue right after a conjunction, with no subject
 * of its own, shares the sentence's subject. -1 when it has none. */
static int conj_subject(const ctx *c, size_t tb, size_t sb)
{
    if (tb <= sb + 1 || tok_role(c->d, tb - 1) != ROLE_CONJ)
        return -1;
    int subject = clause_subject(c, sb, tb - 1);
    return subject >= 0 && DOC_MEN(c->d, subject)->te + 1 < tb ? subject : -1;
}

/* "..., said Lena Vogt, responsible for research at Brightwall.": the
 * phrase after a speaker named after the cue describes the speaker, up to
 * the next comma or the sentence's end, unless a cue of its own starts a
 * clause there. Marks it like apposition_speaker() does. */
static void trailing_apposition(ctx *c, size_t after, size_t se)
{
    if (after >= se || !tok_is_punct(c->d, after, ","))
        return;
    size_t end = after + 1;
    while (end < se && !tok_is_punct(c->d, end, ",;") && !c->qmark[end]) {
        if (clause_cue(c, end))
            return;
        end++;
    }
    for (size_t k = after + 1; k < end; k++)
        c->appositive[k] = true;
}

/* How far before a relative word the noun it follows may stand ("their
 * own findings in December that claimed"), in tokens. */
#define OWNED_NOUN_REACH 6

/* "X reported their own findings in December that claimed ...", "X's
 * analysis, which found ...", "a report by X that concluded ...": a
 * report verb whose subject is a relative word after a thing said (no
 * party) speaks for the thing's owner: the party after "by" or "of" in
 * its noun phrase, else the possessor before it ("X's"), else the
 * subject of the verb that presents it (a word no lexicon knows, such as
 * "published", or a cue that says or asserts: not "X rejected the report
 * that ..."). -1 when there is none. */
static int owner_of_relative(const ctx *c, size_t tb, size_t lo)
{
    const doc *d = c->d;
    size_t k = tb;
    while (k > lo && is_modifier(d, k - 1))
        k--;
    if (k == lo || (tok_role(d, k - 1) != ROLE_COMP && tok_role(d, k - 1) != ROLE_REL))
        return -1;
    k--;
    if (k > lo && tok_is_punct(d, k - 1, ","))
        k--;
    /* The noun phrase: words back to its determiner, with a phrase of
     * time or place after the noun. */
    size_t np = k;
    for (size_t j = k; j > lo && k - j < OWNED_NOUN_REACH; j--) {
        int m = men_at(c, j - 1);
        if (m >= 0) {
            const mention *x = DOC_MEN(d, m);
            lex_role r = x->tb > lo ? tok_role(d, x->tb - 1) : ROLE_NONE;
            return r == ROLE_AGENT || r == ROLE_GEN ? m : -1;
        }
        if (tok_role(d, j - 1) == ROLE_POSS) /* "X's analysis, which found" */
            return j - 1 > lo ? men_at(c, j - 2) : -1;
        if (!(DOC_TOK(d, j - 1)->flags & TOK_WORD) || c->cue_at[j - 1] || c->qmark[j - 1])
            break;
        np = j - 1;
        if (tok_role(d, j - 1) == ROLE_DET)
            break;
    }
    if (np == k || tok_role(d, np) != ROLE_DET)
        return -1;
    /* The verb that presents it, then its subject (an apposition's comma
     * may stand between: "another firm, the X Corporation, reported"). */
    size_t v = np;
    if (v > lo && c->cue_at[v - 1] == LEX_REPORT + 1) {
        while (v > lo && c->cue_at[v - 1] == LEX_REPORT + 1)
            v--;
        const lex_entry *e = tok_lex(d, v, LEX_REPORT);
        if (!e || (e->op != OP_SAY && e->op != OP_ASSERT))
            return -1;
    } else if (v > lo && plain_adverb(c, v - 1)) {
        v--;
    } else {
        return -1;
    }
    if (v > lo && tok_is_punct(d, v - 1, ","))
        v--;
    return v > lo ? men_at(c, v - 1) : -1;
}

/* The quotation that is the content of a cue whose source and cue span
 * [FIRST, AFTER), or NULL: the one on the content's side, else the other
 * side's. A quotation after the cue counts only where it ends the
 * sentence (not "believe with «moderate confidence» that ..."), and one
 * on the side other than the content's only within the cue's sentence
 * ("X said: «...»" is the first case; a quotation closing the sentence
 * before is no one's content here). */
/* A quotation of a few capitalised words and no cue: a title or a name
 * ("New York Times", „Tageszeitung“), not a speaker's words. */
#define QUOTED_NAME_MAX 4

static bool quoted_name(const ctx *c, const quote_span *q)
{
    if (q->close <= q->open + 1 || q->close - q->open - 1 > QUOTED_NAME_MAX)
        return false;
    for (size_t k = q->open + 1; k < q->close; k++)
        if (c->cue_at[k] || ((DOC_TOK(c->d, k)->flags & TOK_WORD) &&
                             !(DOC_TOK(c->d, k)->flags & TOK_UPPER) && men_at(c, k) < 0))
            return false;
    return (DOC_TOK(c->d, q->open + 1)->flags & TOK_UPPER) != 0;
}

static const quote_span *content_quote(const ctx *c, bool content_left, size_t first,
                                       size_t after)
{
    uint32_t sent = DOC_TOK(c->d, first)->sent;
    const quote_span *before = quote_before(c, first), *behind = quote_after(c, after);
    if (behind && !(content_left ? DOC_TOK(c->d, behind->open)->sent == sent
                                 : quote_ends_sentence(c, behind)))
        behind = NULL;
    if (before && !content_left && DOC_TOK(c->d, before->close)->sent != sent)
        before = NULL;
    /* Die „Zeit“ berichtete, « Le Monde » affirme: a name in quotation
     * marks is no one's words. */
    if (before && quoted_name(c, before))
        before = NULL;
    return content_left ? (before ? before : behind) : (behind ? behind : before);
}

/* Verb second puts the subject first and a participle or a subordinate
 * clause's verb last: "Putin hat eine Verwicklung Moskaus in den Anschlag
 * zurückgewiesen", "..., weil die Regierung die Vorwürfe bestritt". For a
 * cue [TB, TE) that ends its clause (auxiliaries after it aside), the
 * first party of the clause that no preposition governs, where it is not
 * the nearest party on the left; -1 otherwise. The words between are the
 * cue's object. */
static int verb_final_subject(const ctx *c, size_t tb, size_t te, size_t sb, size_t se)
{
    const doc *d = c->d;
    if (!d->lang->verb_second)
        return -1;
    size_t k = te;
    while (k < se && k < te + 2 && (tok_role(d, k) == ROLE_BE || tok_role(d, k) == ROLE_STOP))
        k++;
    if (k < se && (DOC_TOK(d, k)->flags & TOK_WORD))
        return -1;
    size_t k0 = tb;
    while (k0 > sb && !clause_cue(c, k0 - 1) && !c->qmark[k0 - 1] &&
           tok_role(d, k0 - 1) != ROLE_COMP && !tok_is_punct(d, k0 - 1, ",;:"))
        k0--;
    for (size_t j = k0; j < tb; j++) {
        int m = men_at(c, j);
        if (m < 0)
            continue;
        const mention *x = DOC_MEN(d, m);
        lex_role before = x->tb > sb ? tok_role(d, x->tb - 1) : ROLE_NONE;
        if (before != ROLE_PREP && before != ROLE_AGENT && before != ROLE_GEN) {
            /* "Russlands Präsident Putin": the possessor's head speaks. */
            if (x->te < tb && men_at(c, x->te) >= 0 && DOC_MEN(d, men_at(c, x->te))->te < tb)
                return men_at(c, x->te);
            return x->te < tb ? m : -1;
        }
        j = x->te - 1;
    }
    return -1;
}

/* The end of the clause token I stands in, no further than SE. */
static size_t clause_hi(const ctx *c, size_t i, size_t se)
{
    return i < se && c->clause_end[i] < se ? c->clause_end[i] : se;
}

static attrib_status build_report_frame(ctx *c, size_t tb, size_t te, const lex_entry *e)
{
    doc *d = c->d;
    const sentence *s = sent_of(d, tb);
    size_t sb = s->tok_begin, se = s->tok_end;
    frame f;
    memset(&f, 0, sizeof f);
    f.e = e;
    f.tb = tb;
    f.te = te;
    f.via = -1;
    f.governs = true;
    cue_modality(c, tb, te, sb, se, &f.negated, &f.weak);

    int src = -1;
    bool content_left = false, midfield = false;
    lex_side side = (lex_side)e->src;
    size_t after = te;
    /* "was questioned", but not "ist nach eigenen Angaben": a cue that
     * opens with a preposition is no participle. */
    if ((side == SIDE_LEFT || side == SIDE_BOTH) && tok_role(d, tb) != ROLE_PREP &&
        after_passive_aux(c, tb, sb)) {
        side = SIDE_BY;
        f.passive = true;
    }
    if (side == SIDE_NONE) {
        /* "there was speculation that ...": nobody in particular. */
        f.passive = true;
    } else if (side == SIDE_BY) {
        src = agent_after(c, te, se);
        if (src >= 0)
            after = DOC_MEN(d, src)->te;
        else
            src = agent_before(c, tb, sb); /* "door experts betwijfeld" */
        /* "It has not been confirmed that X ..." looks right; "X, it was
         * reported" left. */
        content_left = !holds_claim_cue(c, after, clause_hi(c, after, se));
        if (src < 0)
            f.passive = true; /* agentless: the claim is unattributed */
    } else if (side == SIDE_RIGHT) {
        src = right_mention(c, te, se, 3);
        if (src >= 0) {
            after = DOC_MEN(d, src)->te;
            content_left = !holds_claim_cue(c, after, clause_hi(c, after, se));
        }
    } else {
        /* "..., said X" and "'...,' said X": the source follows. */
        bool inverted = tb > sb && (tok_is_punct(d, tb - 1, ",") || c->qmark[tb - 1]);
        int right = side == SIDE_BOTH ? right_mention(c, te, se, 2) : -1;
        /* "..., ha dicho a Reuters una fuente": after an inverted cue the
         * outlet it names comes first and the speaker after it. */
        bool after_outlet = false;
        if (inverted && e->via_right && right >= 0) {
            int speaker = right_mention(c, DOC_MEN(d, right)->te, se, 3);
            if (speaker >= 0) {
                f.via = right;
                right = speaker;
                after_outlet = true;
            }
        }
        /* "..., said X." ends X's phrase; "X, a researcher, said Iran
         * was ..." goes on, and Iran is no speaker. */
        /* "…, teilte das Ministerium mit": the particle closes the phrase. */
        size_t tail = lexicon_tail_at(d, tb, e);
        bool right_ends = right >= 0 && (after_outlet || DOC_MEN(d, right)->te >= se ||
                                         !(DOC_TOK(d, DOC_MEN(d, right)->te)->flags & TOK_WORD) ||
                                         (tail && DOC_MEN(d, right)->te == tail));
        /* "..., said the FBI in a statement on Friday.", "..., dijo el FBI
         * el viernes": after an inverted cue, words that hold no
         * predicate of their own are the speaker's adjuncts. */
        if (inverted && right >= 0 && !right_ends) {
            size_t rte = DOC_MEN(d, right)->te;
            lex_role r = tok_role(d, rte);
            right_ends = (r == ROLE_PREP || r == ROLE_DET || r == ROLE_STOP) &&
                         !holds_claim_cue(c, rte, clause_hi(c, rte, se));
        }
        if (inverted && right_ends) {
            src = right;
            after = DOC_MEN(d, src)->te == tail ? tail + e->ntail : DOC_MEN(d, src)->te;
            content_left = true;
        } else {
            int left = subject_left(c, tb, sb, 10);
            /* "X, a spokesman for Y, said": X speaks. */
            size_t k = tb;
            while (k > sb && is_modifier(d, k - 1))
                k--;
            if (left >= 0 && k > sb && tok_is_punct(d, k - 1, ",")) {
                int speaker = apposition_speaker(c, k - 1, sb);
                if (speaker < 0) {
                    speaker = clause_subject(c, sb, k - 1);
                    int name = apposed_subject_name(c, speaker, k - 1, sb);
                    if (name >= 0)
                        speaker = name;
                }
                if (speaker >= 0)
                    left = speaker;
            } else if (left >= 0) {
                /* "..., suite à un lien établi avec X": a party behind a
                 * comma the cue does not follow is another clause's. */
                for (size_t j = DOC_MEN(d, left)->te; j < k; j++)
                    if (tok_is_punct(d, j, ","))
                        left = -1;
            }
            int shared = conj_subject(c, k, sb);
            if (shared >= 0)
                left = shared;
            if (left < 0)
                left = owner_of_relative(c, tb, sb);
            /* With nobody on the left, a mention after the cue speaks
             * after a comma or a quotation ("», a affirmé X devant la
             * presse") or where it ends its phrase, but not in "..., and
             * says it has evidence", where "it" is the content's subject. */
            /* Verb second: a clause that opens with an adverb or an
             * object has its subject right after the verb ("Op maandag
             * zei de minister dat ...", "Gestern erklärte die Polizei,
             * ..."), unless a conjunction opened it ("..., en zegt dat
             * het ..."). */
            bool v2_subject = d->lang->verb_second && tb > sb && tok_role(d, tb - 1) != ROLE_CONJ;
            int subject = verb_final_subject(c, tb, te, sb, se);
            if (subject >= 0)
                left = subject;
            src = left >= 0 ? left : right_ends || inverted || v2_subject ? right : -1;
            if (src == right && right >= 0)
                after = DOC_MEN(d, src)->te;
            content_left = !holds_claim_cue(c, after, clause_hi(c, after, se));
            /* "X hat die Vorwürfe zurückgewiesen": the content is the
             * object between the subject and the verb. */
            midfield = subject >= 0 && src == subject && content_left &&
                       holds_claim_cue(c, DOC_MEN(d, subject)->te, tb);
        }
    }
    if (e->via_right && !content_left) {
        /* "told Reuters that ...": the outlet carries the words. */
        int v = right_mention(c, after, se, 1);
        if (v >= 0 && v != src) {
            f.via = v;
            after = DOC_MEN(d, v)->te;
        }
    }
    if (src >= 0 && content_left && DOC_MEN(d, src)->tb >= te)
        trailing_apposition(c, DOC_MEN(d, src)->te, se);
    if (src >= 0) {
        const mention *m = DOC_MEN(d, src);
        f.nsrc = coordinated(c, src, m->te <= tb, sb, se, f.src);
    } else if (!f.passive) {
        /* Someone speaks and we cannot tell who ("There is evidence that
         * ..."): the cue does not take the content from the writer; its
         * stance words still count where the content stands, and so does
         * its op (unheard_ops()). */
        f.governs = false;
        f.unheard = true;
    }

    /* The content: a quotation the cue follows or introduces, else the
     * rest of the sentence, else what stood before the source and cue. */
    size_t first = tb;
    if (f.nsrc && DOC_MEN(d, f.src[0])->tb < first)
        first = DOC_MEN(d, f.src[0])->tb;
    /* "called the allegations «a circus show»": the quotation is the
     * verdict on the object, which is the content. */
    const quote_span *q = e->object_claim ? NULL : content_quote(c, content_left, first, after);
    if (q && q->close > q->open + 1) {
        f.ctb = q->open + 1;
        f.cte = q->close;
        f.quote = true;
    } else if (midfield) {
        f.ctb = DOC_MEN(d, f.src[0])->te;
        f.cte = tb;
    } else if (content_left) {
        f.ctb = c->clause_start[first] > sb ? c->clause_start[first] : sb;
        f.cte = first;
    } else {
        f.ctb = after;
        f.cte = clause_hi(c, after, se);
        /* A cue inside a quotation speaks no further than its end. */
        if (inside_quote(c, tb) && after < se && c->next_close[after] < f.cte) {
            const quote_span *qs =
                &VEC_AT(c->quotes, quote_span, (size_t)c->quote_close_at[c->next_close[after]]);
            if (qs->open < tb)
                f.cte = c->next_close[after];
        }
    }
    /* "called X a hero" says nothing of anyone's responsibility; "called
     * the accusations absurd" rejects a claim. */
    if (e->object_claim && !object_is_claim(d, d->mention_at, te, se))
        f.governs = false;
    /* Only a cue that introduces what follows it ("the evidence suggests
     * that ...") lends its op to a content whose speaker is not known. */
    if (e->object_claim || f.ctb < f.te)
        f.unheard = false;
    frame *slot = vec_push(&c->frames, sizeof(frame));
    if (!slot)
        return ATTRIB_ENOMEM;
    *slot = f;
    return ATTRIB_OK;
}

/* ---- 4 and 5. Claims ---- */

/* "No group has claimed ...", « aucun groupe n'a revendiqué »: a party
 * under a negative determiner is nobody. */
static bool negated_party(const ctx *c, int m)
{
    const mention *x = DOC_MEN(c->d, m);
    /* "it was not X" negates the predicate, not the party. */
    return x->tb > 0 && DOC_TOK(c->d, x->tb - 1)->sent == DOC_TOK(c->d, x->tb)->sent &&
           tok_lex(c->d, x->tb - 1, LEX_MODIFIER) &&
           tok_lex(c->d, x->tb - 1, LEX_MODIFIER)->mod == MOD_NEG &&
           !(x->tb > 1 && tok_role(c->d, x->tb - 2) == ROLE_BE);
}

static attrib_status emit(ctx *c, int src, int actor, attrib_stance stance, double confidence,
                          size_t cue_tb, size_t cue_te, const char *rule, bool self,
                          const int *via, int nvia, size_t ev_tb, size_t ev_te)
{
    doc *d = c->d;
    src = deref(d, src);
    actor = deref(d, actor);
    if (actor < 0)
        return ATTRIB_OK;
    const mention *a = DOC_MEN(d, actor);
    if ((a->flags & MEN_PRONOUN) || negated_party(c, actor) || (src >= 0 && negated_party(c, src)))
        return ATTRIB_OK;
    if (src >= 0) {
        const mention *s = DOC_MEN(d, src);
        if (s->flags & MEN_PRONOUN)
            return ATTRIB_OK;
        bool same = src == actor ||
                    (s->canonical && a->canonical && strcmp(s->canonical, a->canonical) == 0);
        if (same && !self)
            self = true;
    }
    /* One claim per cue, source, actor and stance; a cue's claims are
     * made together, so the last few are all there is to compare. */
    for (size_t k = d->claims.len; k-- > 0 && d->claims.len - k <= 16;) {
        const draft_claim *o = &VEC_AT(d->claims, draft_claim, k);
        if (o->source == src && o->actor == actor && o->stance == stance && o->cue_tb == cue_tb)
            return ATTRIB_OK;
    }
    draft_claim *cl = vec_push(&d->claims, sizeof(draft_claim));
    if (!cl)
        return ATTRIB_ENOMEM;
    cl->source = src;
    cl->actor = actor;
    cl->stance = stance;
    cl->confidence = confidence;
    cl->cue_tb = cue_tb;
    cl->cue_te = cue_te;
    cl->sent = DOC_TOK(d, cue_tb)->sent;
    cl->self = self;
    cl->rule = rule;
    cl->event_tb = ev_tb;
    cl->event_te = ev_te;
    for (int k = 0; k < nvia && k < 4; k++)
        if (deref(d, via[k]) >= 0 && deref(d, via[k]) != src)
            cl->via[cl->nvia++] = deref(d, via[k]);
    return ATTRIB_OK;
}

/* The event a cue speaks of: an event noun with its determiner and
 * modifiers ("the Sony hack", « le piratage »), after the cue, else
 * before it. EV_TB == EV_TE when there is none. */
static void find_event(const ctx *c, size_t tb, size_t te, size_t *ev_tb, size_t *ev_te)
{
    const doc *d = c->d;
    const sentence *s = sent_of(d, tb);
    *ev_tb = *ev_te = 0;
    size_t hit = (size_t)-1;
    for (size_t k = te; k < s->tok_end && k < te + 8; k++) {
        if (c->cue_at[k] || tok_is_punct(d, k, ";:"))
            break;
        if (tok_lex(d, k, LEX_EVENT)) {
            hit = k;
            break;
        }
    }
    for (size_t k = tb; hit == (size_t)-1 && k-- > s->tok_begin && k + 8 > tb;) {
        if (c->cue_at[k] || tok_is_punct(d, k, ";:"))
            break;
        if (tok_lex(d, k, LEX_EVENT))
            hit = k;
    }
    if (hit == (size_t)-1)
        return;
    size_t b = hit, e = hit + tok_lex(d, hit, LEX_EVENT)->nwords;
    if (e > s->tok_end)
        e = s->tok_end;
    /* Modifiers before the noun, back to a determiner. */
    size_t floor = hit >= te ? te : s->tok_begin;
    for (int n = 0; n < 3 && b > floor; n++) {
        size_t k = b - 1;
        if (tok_role(d, k) == ROLE_DET) {
            b = k;
            break;
        }
        if (!(DOC_TOK(d, k)->flags & TOK_WORD) || c->cue_at[k] || tok_role(d, k) != ROLE_NONE)
            break;
        b = k;
    }
    *ev_tb = b;
    *ev_te = e;
}

/* The actor of a resp cue, or -1: on its left, its right or in its
 * complement; an active-only predicate in the passive takes the agent. */
static int resp_actor(const ctx *c, size_t tb, size_t te, const lex_entry *e, size_t lo, size_t hi)
{
    const doc *d = c->d;
    switch ((lex_side)e->actor) {
    case SIDE_RIGHT:
        return right_mention(c, te, hi, 3);
    case SIDE_PRIOR:
        return -1; /* claims_for_prior() */
    case SIDE_NEXT: {
        /* "it was an insider", "it was not North Korea": the party right
         * after the cue, a negator aside, or nobody ("it was unclear
         * whether X ..." names no culprit). */
        size_t k = te < hi && mod_at(c, te) == MOD_NEG ? te + 1 : te;
        return k < hi ? men_at(c, k) : -1;
    }
    case SIDE_GEN:
        /* "X's involvement", "North Korea role" */
        if (tb > lo && tok_role(d, tb - 1) == ROLE_POSS && tb - 1 > lo)
            return men_at(c, tb - 2);
        if (tb > lo && men_at(c, tb - 1) >= 0)
            return men_at(c, tb - 1);
        /* "the involvement of X", « la responsabilité de X » */
        if (te < hi && tok_role(d, te) == ROLE_GEN)
            return right_mention(c, te + 1, hi, 1);
        /* "die Beteiligung Russlands": a known name right after the noun,
         * in the genitive with no article. */
        if (te < hi && men_at(c, te) >= 0 && DOC_MEN(d, men_at(c, te))->tb == te &&
            (DOC_MEN(d, men_at(c, te))->flags & MEN_GAZETTEER) &&
            !(DOC_MEN(d, men_at(c, te))->flags & MEN_DESCRIBED))
            return men_at(c, te);
        /* « la piste russe », "the trail of X" */
        if (te < hi && men_at(c, te) >= 0 &&
            (tok_role(d, DOC_MEN(d, men_at(c, te))->tb) == ROLE_GEN ||
             (DOC_MEN(d, men_at(c, te))->flags & MEN_DEMONYM)))
            return men_at(c, te);
        return -1;
    default:
        if (e->active_only && after_passive_aux(c, tb, lo))
            return agent_after(c, te, hi);
        /* "the real purpose behind the move", "the malware carried out":
         * a noun phrase no lexicon knows (a determiner, then a word or two
         * no lexicon knows) right before the predicate is what it says
         * something of; a party further left is not its subject. */
        for (size_t k = tb; !e->ntail && k > lo && tb - k < 3 && plain_adverb(c, k - 1); k--)
            if (k - 1 > lo && tok_role(d, k - 2) == ROLE_DET)
                return -1;
        /* "identified the culprit", « n'ont pas identifié les auteurs de
         * l'attaque »: a predicate noun after its determiner is the
         * object of a verb no lexicon knows, and says nothing of the
         * party before that verb; after a copula or a comma it does. */
        size_t np = tok_role(d, tb) == ROLE_DET ? tb + 1 : tb;
        if (np > lo + 1 && tok_role(d, np - 1) == ROLE_DET && plain_adverb(c, np - 2))
            return -1;
        /* "X, a group linked to Y, was behind it": the party the
         * apposition before the predicate describes. */
        size_t k = tb;
        while (k > lo && (tok_role(d, k - 1) == ROLE_BE || is_modifier(d, k - 1)))
            k--;
        size_t open = k > lo && tok_is_punct(d, k - 1, ",") ? apposition_open(c, k - 1, lo)
                                                             : SIZE_MAX;
        if (open != SIZE_MAX)
            return men_at(c, open - 1);
        int left = left_mention(c, tb, lo, 8);
        if (left >= 0 || !e->ntail)
            return left;
        /* With nothing before it in its clause, a verb with its particle
         * has its subject after it, put there where the clause opens with
         * something else ("Nach Angaben des BKA steckt eine Gruppe hinter
         * ..."), or after the verb that closes the phrase ("Hinter dem
         * Angriff steckt Russland"). */
        size_t tail = lexicon_tail_at(d, tb, e);
        /* A preposition's gap holds its object ("für … verantwortlich"). */
        for (size_t k = te; k < tail && tok_role(d, tb) != ROLE_PREP; k++)
            if (men_at(c, k) >= 0)
                return men_at(c, k);
        return right_mention(c, tail + e->ntail, hi, 1);
    }
}

/* For object=event verbs: is the object after TE an event ("carried out
 * the attack"), a party or a pronoun ("carried it out"), or missing
 * ("which X carried out.")? "committed an error" has another object. */
static bool object_is_event(const ctx *c, size_t te, size_t hi)
{
    const doc *d = c->d;
    int words = 0;
    for (size_t k = te; k < hi && k < te + 8; k++) {
        if (tok_lex(d, k, LEX_EVENT) || men_at(c, k) >= 0)
            return true;
        if (tok_attached_hyphen(d, k, hi))
            continue; /* "denial-of-service attacks" */
        if (c->qmark[k])
            continue; /* committed “an error” */
        if (!(DOC_TOK(d, k)->flags & TOK_WORD))
            break;
        lex_role r = tok_role(d, k);
        if (r == ROLE_CONJ || r == ROLE_COMP)
            break; /* "behind the movie and the government": the object ended */
        if (words > 0 && (r == ROLE_PREP || r == ROLE_STOP))
            break; /* "caused a serious problem to the firm": a party after the
                    * object's noun is no object */
        /* "dass X dafür verantwortlich ist": a verb-final clause ends
         * with its auxiliary, no object. */
        if (r != ROLE_DET && r != ROLE_STOP && r != ROLE_BE)
            words++;
    }
    return words == 0;
}

/* For object=event participles whose agent follows ("gedaan door X"):
 * is the subject before TB, the thing done, an event ("de aanvallen
 * worden gedaan door X", not "aangifte werd gedaan door X")? Auxiliaries,
 * modifiers and adverbs may stand between. */
static bool patient_is_event(const ctx *c, size_t tb, size_t lo)
{
    const doc *d = c->d;
    for (size_t k = tb; k-- > lo && tb - k <= 4;) {
        if (tok_lex(d, k, LEX_EVENT))
            return true;
        if (tok_role(d, k) != ROLE_BE && tok_role(d, k) != ROLE_STOP && !is_modifier(d, k) &&
            !plain_adverb(c, k))
            return false;
    }
    return false;
}

/* How far before a predicate its modifiers may stand, in tokens. */
#define CONTENT_REACH 40

/* The modifier token K lends the content it stands in: none inside a cue
 * or a name, which carry their own. */
static lex_mod content_mod(const ctx *c, size_t k)
{
    return c->cue_at[k] || men_at(c, k) >= 0 ? MOD_NONE : mod_at(c, k);
}

/* Stance of a predicate: the modifiers of its clause, innermost first. */
static attrib_stance content_stance(const ctx *c, size_t lo, size_t tb, lex_op op)
{
    attrib_stance st = stance_apply_op(op, ATTRIB_ASSERTS);
    if (tb > lo + CONTENT_REACH)
        lo = tb - CONTENT_REACH;
    for (size_t k = tb; k-- > lo;)
        if (content_mod(c, k) != MOD_NONE)
            st = stance_apply_mod(content_mod(c, k), st);
    return st;
}

/* ST through the modifiers of [FROM, TO), a predicate's words after it
 * ("the allegations were baseless", "steckt nicht hinter"), in order. */
static attrib_stance stance_after(const ctx *c, size_t from, size_t to, attrib_stance st)
{
    for (size_t k = from; k < to; k++)
        if (content_mod(c, k) != MOD_NONE)
            st = stance_apply_mod(content_mod(c, k), st);
    return st;
}

/* Frames farther than this from a predicate do not govern it: longer
 * quotations than this are rare, and the bound keeps a hostile text of
 * cues linear. */
#define GOVERNOR_REACH 300

/* Index of the first frame whose cue starts at or after token T (frames
 * are made in text order). */
static size_t first_frame_from(const ctx *c, size_t t)
{
    size_t lo = 0, hi = c->frames.len;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (VEC_AT(c->frames, frame, mid).tb < t)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static int cmp_frame_tb(const void *pa, const void *pb)
{
    const frame *a = pa, *b = pb;
    return (a->tb > b->tb) - (a->tb < b->tb);
}

static const frame *governor(const ctx *c, size_t tok, int *via, int *nvia)
{
    const frame *best = NULL;
    size_t from = first_frame_from(c, tok > GOVERNOR_REACH ? tok - GOVERNOR_REACH : 0);
    size_t to = first_frame_from(c, tok + GOVERNOR_REACH);
    for (size_t i = from; i < to; i++) {
        const frame *f = &VEC_AT(c->frames, frame, i);
        if (f->governs && f->ctb <= tok && tok < f->cte &&
            (!best || f->cte - f->ctb < best->cte - best->ctb))
            best = f;
    }
    /* Outer frames that pass the words on, outermost first. */
    *nvia = 0;
    if (!best)
        return NULL;
    for (int pass = 0; pass < 4; pass++) {
        const frame *outer = NULL;
        for (size_t i = from; i < to; i++) {
            const frame *f = &VEC_AT(c->frames, frame, i);
            if (f == best || !f->governs || !f->nsrc || f->e->op != OP_SAY || f->negated ||
                !(f->ctb <= tok && tok < f->cte) || f->cte - f->ctb <= best->cte - best->ctb)
                continue;
            bool taken = false;
            for (int k = 0; k < *nvia; k++)
                taken |= via[k] == f->src[0];
            if (!taken && (!outer || f->cte - f->ctb > outer->cte - outer->ctb))
                outer = f;
        }
        if (!outer)
            break;
        via[(*nvia)++] = outer->src[0];
    }
    if (best->via >= 0 && *nvia < 4)
        via[(*nvia)++] = best->via;
    return best;
}

/* ST through the ops of the frames without a known speaker whose content
 * holds token TOK, inside G's content when there is a G, innermost
 * first: "X said the evidence suggests that Y was behind it" is X
 * suggesting it. */
static attrib_stance unheard_ops(const ctx *c, size_t tok, const frame *g, attrib_stance st)
{
    size_t from = first_frame_from(c, tok > GOVERNOR_REACH ? tok - GOVERNOR_REACH : 0);
    size_t to = first_frame_from(c, tok + GOVERNOR_REACH);
    size_t done = 0; /* content size of the last frame applied */
    for (int pass = 0; pass < 4; pass++) {
        const frame *next = NULL;
        for (size_t i = from; i < to; i++) {
            const frame *f = &VEC_AT(c->frames, frame, i);
            if (!f->unheard || !(f->ctb <= tok && tok < f->cte) || f->cte - f->ctb <= done ||
                (g && !(g->ctb <= f->tb && f->te <= g->cte)))
                continue;
            if (!next || f->cte - f->ctb < next->cte - next->ctb)
                next = f;
        }
        if (!next)
            break;
        /* A modifier before the cue ("no information to indicate that
         * ...") has been applied with the content's (content_stance()),
         * and must stay outside the op: leave the stance as it is. */
        size_t lo = g ? g->ctb : sent_of(c->d, next->tb)->tok_begin;
        for (size_t k = lo; k < next->tb; k++)
            if (content_mod(c, k) != MOD_NONE)
                return st;
        st = through_cue(next->e, next->negated, next->weak, st);
        done = next->cte - next->ctb;
    }
    return st;
}

/* Confidence by rule: how often each rule is right, as a prior. See the
 * README's "Confidence". */
#define CONF_REPORT 0.85
#define CONF_BLAME 0.85
#define CONF_SELF 0.9
#define CONF_QUOTE 0.75
#define CONF_UNATTRIBUTED 0.6
#define CONF_PRIOR 0.6
#define CONF_PRONOUN_FACTOR 0.85

static double confidence(const doc *d, double base, int src)
{
    if (src >= 0 && (DOC_MEN(d, src)->flags & MEN_PRONOUN))
        base *= CONF_PRONOUN_FACTOR;
    return base;
}

/* May pronoun P stand for the speaker S? Unless S's kind is known (the
 * gazetteer, a described head) and disagrees with P's: a capitalised
 * name's kind is a guess ("Cyber Ravens said it ..."). */
static bool pronoun_fits(const doc *d, int p, int s)
{
    const mention *pm = DOC_MEN(d, p);
    if (!(pm->flags & MEN_PRONOUN))
        return false;
    int r = deref(d, s);
    const mention *sm = DOC_MEN(d, r >= 0 ? r : s);
    if (sm->kind == ATTRIB_KIND_UNKNOWN || (sm->flags & MEN_PRONOUN) ||
        ((sm->flags & MEN_NAME) && sm->head == sm->tb))
        return true;
    return (pm->kind == ATTRIB_KIND_PERSON) == (sm->kind == ATTRIB_KIND_PERSON);
}

/* How far back, in sentences, a noun standing for an earlier claim ("the
 * accusations") may find it. */
#define PRIOR_REACH 20

/* The actor of the last claim before token TB that held someone
 * responsible (asserts or suggests), within PRIOR_REACH sentences; -1
 * when there is none. */
static int prior_actor(const ctx *c, size_t tb)
{
    const doc *d = c->d;
    uint32_t sent = DOC_TOK(d, tb)->sent;
    for (size_t k = d->claims.len; k-- > 0;) {
        const draft_claim *o = &VEC_AT(d->claims, draft_claim, k);
        if (o->sent + PRIOR_REACH < sent)
            break;
        if (o->cue_tb < tb && attrib_stance_polarity(o->stance) > 0)
            return o->actor;
    }
    return -1;
}

/* "Moscow denied the accusations", "raised doubts about that
 * assessment", "said the allegations were baseless", « cette hypothèse
 * n'a pas été confirmée »: a noun that stands for a claim made before
 * (actor=prior) takes that claim's actor, seen through the frame that
 * governs the noun. The words after the noun count too ("the allegations
 * were politically motivated"). A frame whose content names a predicate
 * of its own ("denied accusations that it was behind the attack") is read
 * through that predicate instead, and a noun no frame governs is the
 * writer's passing mention. */
static attrib_status claims_for_prior(ctx *c, size_t tb, size_t te, const lex_entry *e,
                                      const frame *g, const int *via, int nvia, size_t lo,
                                      size_t hi)
{
    doc *d = c->d;
    if (!g || (!g->nsrc && !g->passive))
        return ATTRIB_OK;
    if (c->next_claim_cue[lo] < tb || (te < DOC_NTOK(d) && c->next_claim_cue[te] < hi))
        return ATTRIB_OK;
    int a = prior_actor(c, tb);
    if (a < 0)
        return ATTRIB_OK;
    attrib_stance st = content_stance(c, lo, tb, (lex_op)e->op);
    /* Under a cue that only passes the words on, what the content says of
     * the noun counts ("said the allegations were baseless"); under one
     * that judges the claim itself ("called the allegations absurd"), the
     * cue has said it. */
    if (g->e->op == OP_SAY)
        st = stance_after(c, te, hi < te + CONTENT_REACH ? hi : te + CONTENT_REACH, st);
    st = through_cue(g->e, g->negated, g->weak, st);
    ((frame *)g)->used = true;
    size_t ev_tb, ev_te;
    find_event(c, tb, te, &ev_tb, &ev_te);
    for (int i = 0; i < (g->nsrc ? g->nsrc : 1); i++) {
        int src = g->nsrc ? g->src[i] : -1;
        attrib_status r = emit(c, src, a, st, confidence(d, CONF_PRIOR, src), g->tb, g->te,
                               "report+prior", false, via, nvia, ev_tb, ev_te);
        if (r != ATTRIB_OK)
            return r;
    }
    return ATTRIB_OK;
}

/* The author of an event, where the text names it with the event: "the
 * North Korean attack", "Pyongyang's cyberattack", « la cyberattaque de
 * Pyongyang », « le piratage russe ». Only a state, a government or a
 * group: a company or a name beside an event is its victim or its name
 * ("the Sony hack", « le piratage de Sony », "the WannaCry attack"). -1
 * when there is none. */
static int event_author(const ctx *c, size_t tb, size_t te, size_t lo, size_t hi)
{
    const doc *d = c->d;
    int m = -1;
    size_t k = tb;
    while (k > lo && k + 2 > tb && plain_adverb(c, k - 1))
        k--; /* "Pyongyang's massive attack" */
    if (k > lo && men_at(c, k - 1) >= 0 && (DOC_MEN(d, men_at(c, k - 1))->flags & MEN_DEMONYM))
        m = men_at(c, k - 1);
    else if (k > lo + 1 && tok_role(d, k - 1) == ROLE_POSS)
        m = men_at(c, k - 2);
    else if (te < hi && men_at(c, te) >= 0 && (DOC_MEN(d, men_at(c, te))->flags & MEN_DEMONYM))
        m = men_at(c, te);
    else if (te + 1 < hi && tok_role(d, te) == ROLE_GEN)
        m = men_at(c, te + 1);
    if (m < 0)
        return -1;
    attrib_kind kind = DOC_MEN(d, m)->kind;
    return kind == ATTRIB_KIND_STATE || kind == ATTRIB_KIND_GOVERNMENT || kind == ATTRIB_KIND_GROUP
               ? m
               : -1;
}

/* An event noun with its author makes a claim like a responsibility
 * predicate: the writer's, or the source's of the frame it stands in
 * ("Obama said the US would respond to Pyongyang's cyberattack"). */
static const lex_entry event_entry = {.cls = LEX_RESP, .actor = SIDE_GEN, .op = OP_ASSERT};

/* Per token, the first cue that can make a claim at or after it: a
 * responsibility, blame or self cue, or an event named with its author.
 * Run once the cues are known. */
static void index_claim_cues(ctx *c)
{
    const doc *d = c->d;
    size_t n = DOC_NTOK(d), next = n;
    for (size_t i = n; i-- > 0;) {
        int cls = c->cue_at[i] - 1;
        const lex_entry *ev = tok_lex(d, i, LEX_EVENT);
        if (cls == LEX_RESP || cls == LEX_BLAME || cls == LEX_SELF ||
            (ev && cls < 0 && d->mention_at[i] < 0 &&
             event_author(c, i, i + ev->nwords, sent_of(d, i)->tok_begin,
                          sent_of(d, i)->tok_end) >= 0))
            next = i;
        c->next_claim_cue[i] = next;
    }
}

/* Tokens in [FROM, TO) outside parentheses: "negó el viernes (19)
 * cualquier implicación" has its object as near as without the date. */
static size_t words_between(const ctx *c, size_t from, size_t to)
{
    size_t n = 0;
    int depth = 0;
    for (size_t k = from; k < to; k++) {
        if (tok_is_punct(c->d, k, "("))
            depth++;
        else if (tok_is_punct(c->d, k, ")") && depth > 0)
            depth--;
        else if (depth == 0)
            n++;
    }
    return n;
}

/* "X was named as the culprit by Y": the agent right after a passive
 * predicate whose actor is on its left names X; -1 when there is none
 * ("X was behind the attack by Z": an agent further on is the event's). */
static int passive_agent(const ctx *c, const lex_entry *e, size_t tb, size_t te, size_t lo,
                         size_t hi)
{
    if ((lex_side)e->actor != SIDE_LEFT || te >= hi || tok_role(c->d, te) != ROLE_AGENT ||
        !after_passive_aux(c, tb, lo))
        return -1;
    return right_mention(c, te + 1, hi, 1);
}

/* The claims of the resp cue [TB, TE) seen through the frame G (NULL:
 * the writer's voice), with the outlets VIA. */
static attrib_status claims_for_resp_under(ctx *c, size_t tb, size_t te, const lex_entry *e,
                                           const frame *g, const int *via, int nvia)
{
    doc *d = c->d;
    const sentence *s = sent_of(d, tb);
    size_t lo = s->tok_begin;
    if (g && g->ctb > lo)
        lo = g->ctb;
    size_t hi = s->tok_end;
    if (g && g->cte < hi && g->cte > tb)
        hi = g->cte;
    /* "accused X of planting the malware": the predicate completes the
     * blame cue, which made the claim. */
    if (!g && c->blamed_end && c->blamed_end <= tb && tb < c->blamed_end + 3 &&
        DOC_TOK(d, c->blamed_end - 1)->sent == DOC_TOK(d, tb)->sent)
        return ATTRIB_OK;

    if (e->object_event && ((lex_side)e->actor == SIDE_RIGHT ? !patient_is_event(c, tb, lo)
                                                             : !object_is_event(c, te, hi)))
        return ATTRIB_OK;
    if ((lex_side)e->actor == SIDE_PRIOR)
        return claims_for_prior(c, tb, te, e, g, via, nvia, lo, hi);

    int actors[MAX_COORD];
    int nact = 0;
    int a = e == &event_entry ? event_author(c, tb, te, lo, hi) : resp_actor(c, tb, te, e, lo, hi);
    if (a < 0 && e == &event_entry)
        return ATTRIB_OK;
    bool self = false;
    if (a < 0) {
        /* "Moscow denied any involvement", "X denied being behind it",
         * « X a démenti être à l'origine de »: a predicate without its
         * own actor, a noun or an infinitive right after a denial or a
         * claim, is about the source itself; but only a noun of
         * responsibility: a "theory" or « piste » denied is not theirs. */
        /* The noun is the cue's object: near it, with no party between
         * ("a ajouté que X prévoyait ... sa complicité" is X's). */
        bool bare_noun = (lex_side)e->actor == SIDE_GEN && (lex_op)e->op == OP_ASSERT && g &&
                         g->te <= tb && words_between(c, g->te, tb) <= 5 &&
                         !holds_mention(c, g->te, tb);
        bool infinitive = (lex_side)e->actor == SIDE_LEFT && g && !g->quote && g->te <= tb &&
                          tb - g->te <= 2 && !holds_mention(c, g->te, tb);
        if (!g || !g->nsrc || !(bare_noun || infinitive) ||
            !(g->e->op == OP_DENY || g->e->op == OP_ASSERT || g->e->op == OP_SAY))
            return ATTRIB_OK;
        a = g->src[0];
        self = true;
    }
    /* "Moscow denied that it was behind": a pronoun subject of the content
     * stands for the one who speaks, when it can. */
    if (g && g->nsrc && pronoun_fits(d, a, g->src[0]))
        a = g->src[0];
    const mention *am = DOC_MEN(d, a);
    nact = coordinated(c, a, (lex_side)e->actor != SIDE_RIGHT && am->te <= tb, lo, hi, actors);

    attrib_stance st = content_stance(c, lo, tb, (lex_op)e->op);
    if ((lex_side)e->actor == SIDE_NEXT && te < hi && mod_at(c, te) == MOD_NEG)
        st = stance_apply_mod(MOD_NEG, st); /* "it was not X" */
    /* "Russland steckt nicht hinter ...": modifiers in the gap of a
     * discontinuous predicate are its own. */
    size_t tail = lexicon_tail_at(d, tb, e);
    if (tail)
        st = stance_after(c, te, tail, st);
    st = unheard_ops(c, tb, g, st);
    size_t cue_tb = tb, cue_te = te;
    const char *rule = "resp(unattributed)";
    double conf = CONF_UNATTRIBUTED;
    int srcs[MAX_COORD] = {-1};
    int nsrc = 1, agent;
    if (g) {
        st = through_cue(g->e, g->negated, g->weak, st);
        if (g->nsrc) {
            memcpy(srcs, g->src, sizeof srcs);
            nsrc = g->nsrc;
        } else if (!g->passive) {
            return ATTRIB_OK; /* someone speaks, but we cannot tell who */
        }
        /* The cue that carries the stance is the report cue when it does
         * more than pass the words on. */
        if (g->e->op != OP_SAY || g->negated) {
            cue_tb = g->tb;
            cue_te = g->te;
        }
        rule = g->quote ? "quote+resp" : g->passive && !g->nsrc ? "passive-report+resp" : "report+resp";
        conf = g->quote ? CONF_QUOTE : g->nsrc ? CONF_REPORT : CONF_UNATTRIBUTED;
    } else if ((agent = passive_agent(c, e, tb, te, lo, hi)) >= 0) {
        srcs[0] = agent;
        rule = "resp(passive)";
        conf = CONF_REPORT;
    } else if (inside_quote(c, tb)) {
        return ATTRIB_OK; /* somebody's words, speaker unknown */
    } else if (s->question) {
        st = ATTRIB_UNCOMMITTED;
    }
    if (self)
        rule = "deny-self";
    if (g)
        ((frame *)g)->used = true;
    size_t ev_tb, ev_te;
    find_event(c, tb, e == &event_entry ? tb : te, &ev_tb, &ev_te);
    for (int i = 0; i < nsrc; i++)
        for (int k = 0; k < nact; k++) {
            int src = srcs[i];
            attrib_status r = emit(c, src, actors[k], st, confidence(d, conf, src), cue_tb,
                                   cue_te, rule, self, via, nvia, ev_tb, ev_te);
            if (r != ATTRIB_OK)
                return r;
        }
    return ATTRIB_OK;
}

static attrib_status claims_for_resp(ctx *c, size_t tb, size_t te, const lex_entry *e)
{
    if (c->appositive[tb])
        return ATTRIB_OK;
    int via[4], nvia = 0;
    const frame *g = governor(c, tb, via, &nvia);
    attrib_status r = claims_for_resp_under(c, tb, te, e, g, via, nvia);
    if (!g)
        return r;
    /* "Europol announced, and the minister confirmed, that ...": frames
     * that share their content (share_content()) govern it together. */
    size_t from = first_frame_from(c, tb > GOVERNOR_REACH ? tb - GOVERNOR_REACH : 0);
    size_t to = first_frame_from(c, tb + GOVERNOR_REACH);
    for (size_t i = from; i < to && r == ATTRIB_OK; i++) {
        const frame *f = &VEC_AT(c->frames, frame, i);
        if (f == g || !f->governs || f->ctb != g->ctb || f->cte != g->cte)
            continue;
        int fvia[1] = {f->via};
        r = claims_for_resp_under(c, tb, te, e, f, fvia, f->via >= 0);
    }
    return r;
}

/* "«We can confirm that X was behind it», the minister said": a frame
 * whose subject is the first person (role=speaker) inside a quotation is
 * the quotation's speaker's: the source, outside quotation marks, of the
 * innermost frame whose content holds it. */
static void first_person_frames(ctx *c)
{
    doc *d = c->d;
    for (size_t i = 0; i < c->frames.len; i++) {
        frame *f = &VEC_AT(c->frames, frame, i);
        if (f->nsrc || f->passive)
            continue;
        size_t k = f->tb, sb = sent_of(d, f->tb)->tok_begin;
        while (k > sb && f->tb - k < 3 &&
               (tok_role(d, k - 1) == ROLE_STOP || mod_at(c, k - 1) != MOD_NONE))
            k--;
        if (k == sb || tok_role(d, k - 1) != ROLE_SPEAKER || !inside_quote(c, k - 1))
            continue;
        const frame *q = NULL;
        size_t from = first_frame_from(c, k > GOVERNOR_REACH ? k - GOVERNOR_REACH : 0);
        size_t to = first_frame_from(c, k + GOVERNOR_REACH);
        for (size_t j = from; j < to; j++) {
            const frame *g = &VEC_AT(c->frames, frame, j);
            if (g->nsrc && !inside_quote(c, DOC_MEN(d, g->src[0])->tb) && g->ctb <= k - 1 &&
                k - 1 < g->cte &&
                (!q || g->cte - g->ctb < q->cte - q->ctb))
                q = g;
        }
        if (q) {
            memcpy(f->src, q->src, sizeof f->src);
            f->nsrc = q->nsrc;
            f->governs = true;
        }
    }
}

/* A quotation introduced by its speaker's name alone: "Eric Vogt of
 * Brightwall. “We have found ...”" — a sentence of nothing but a named
 * person (with the body they speak for: "von", "of", a name) right before
 * a quotation that opens a sentence. The quotation is that person's. */
static const lex_entry caption_entry = {.cls = LEX_REPORT, .op = OP_SAY, .neg = OP_ASK};

static int caption_speaker(const ctx *c, size_t sent)
{
    const doc *d = c->d;
    const sentence *p = DOC_SENT(d, sent);
    int speaker = -1;
    for (size_t k = p->tok_begin; k < p->tok_end; k++) {
        int m = men_at(c, k);
        if (m >= 0) {
            const mention *x = DOC_MEN(d, m);
            if (speaker < 0 && (x->flags & MEN_NAME) && !(x->flags & MEN_DESCRIBED) &&
                (x->kind == ATTRIB_KIND_PERSON || x->kind == ATTRIB_KIND_UNKNOWN))
                speaker = m;
            k = x->te - 1;
            continue;
        }
        /* Punctuation, "von"/"of" and the name of the speaker's body. */
        if (!(DOC_TOK(d, k)->flags & TOK_WORD) ? !tok_is_punct(d, k, ",.:")
                                                : tok_role(d, k) != ROLE_GEN &&
                                                      tok_role(d, k) != ROLE_AGENT &&
                                                      !(DOC_TOK(d, k)->flags & TOK_UPPER))
            return -1;
    }
    return speaker;
}

static attrib_status caption_frames(ctx *c)
{
    doc *d = c->d;
    size_t added = 0;
    for (size_t i = 0; i < c->quotes.len; i++) {
        const quote_span *q = &VEC_AT(c->quotes, quote_span, i);
        uint32_t sent = DOC_TOK(d, q->open)->sent;
        if (sent == 0 || q->close <= q->open + 1 || DOC_SENT(d, sent)->tok_begin != q->open ||
            (DOC_TOK(d, q->open)->flags & TOK_PARA))
            continue;
        int speaker = caption_speaker(c, sent - 1);
        if (speaker < 0)
            continue;
        frame *f = vec_push(&c->frames, sizeof(frame));
        if (!f)
            return ATTRIB_ENOMEM;
        memset(f, 0, sizeof *f);
        f->e = &caption_entry;
        f->tb = DOC_MEN(d, speaker)->tb;
        f->te = DOC_MEN(d, speaker)->te;
        f->src[0] = speaker;
        f->nsrc = 1;
        f->via = -1;
        f->ctb = q->open + 1;
        f->cte = q->close;
        f->quote = true;
        f->governs = true;
        added++;
    }
    /* Frames stay in text order (first_frame_from()). */
    if (added)
        qsort(c->frames.data, c->frames.len, sizeof(frame), cmp_frame_tb);
    return ATTRIB_OK;
}

/* "Europol announced, and the minister confirmed, that X was behind it":
 * a frame whose content opens with nothing but a conjunction (commas, an
 * adverb) and another frame's source and cue shares that frame's content,
 * so that both speakers say it. Frames are in text order; from the last,
 * so that a chain of three shares one content. */
static void share_content(ctx *c)
{
    doc *d = c->d;
    for (size_t i = c->frames.len; i-- > 1;) {
        frame *f = &VEC_AT(c->frames, frame, i - 1);
        const frame *g = &VEC_AT(c->frames, frame, i);
        if (f->quote || g->quote || !f->nsrc || !g->nsrc || g->ctb < g->te)
            continue;
        size_t first = DOC_MEN(d, g->src[0])->tb < g->tb ? DOC_MEN(d, g->src[0])->tb : g->tb;
        size_t from = f->te; /* after the cue, and its source when that follows */
        if (DOC_MEN(d, f->src[f->nsrc - 1])->te > from)
            from = DOC_MEN(d, f->src[f->nsrc - 1])->te;
        if (first < from || DOC_TOK(d, first)->sent != DOC_TOK(d, f->tb)->sent)
            continue;
        bool conj = false, ok = true;
        int words = 0;
        for (size_t k = from; k < first && ok; k++) {
            if (tok_role(d, k) == ROLE_CONJ)
                conj = true;
            else if (tok_role(d, k) == ROLE_SPEAKER)
                continue; /* "and we can confirm": first_person_frames() */
            else if (!tok_is_punct(d, k, ",") &&
                     !((plain_adverb(c, k) || tok_role(d, k) == ROLE_STOP) && ++words <= 2))
                ok = false;
        }
        if (ok && conj) {
            f->ctb = g->ctb;
            f->cte = g->cte;
        }
    }
}

/* Does the cue at TB stand right after its subject (adverbs and commas
 * aside), as a participle does ("Iran, already blamed for ...")? A verb
 * after an auxiliary or any other word is a finite verb whose object
 * was not found ("the prosecutor has accused three men"), no passive. */
static bool bare_participle(const ctx *c, size_t tb, size_t lo)
{
    size_t k = tb;
    while (k > lo && (plain_adverb(c, k - 1) || tok_is_punct(c->d, k - 1, ",")))
        k--;
    return k == lo || men_at(c, k - 1) >= 0;
}

/* How many tokens a blame cue's object may take before its actor. */
#define BLAME_OBJECT_REACH 7

/* "X blamed Y", "Y was blamed on X", « Y pointée du doigt par X » */
static attrib_status claims_for_blame(ctx *c, size_t tb, size_t te, const lex_entry *e)
{
    doc *d = c->d;
    const sentence *s = sent_of(d, tb);
    size_t sb = s->tok_begin, se = s->tok_end;
    lex_side src_side = (lex_side)e->src, act_side = (lex_side)e->actor;
    if (src_side == SIDE_LEFT && after_passive_aux(c, tb, sb)) {
        /* "North Korea was blamed by the FBI": the subject is the actor. */
        src_side = SIDE_BY;
        act_side = SIDE_LEFT;
    }
    int src = src_side == SIDE_LEFT ? subject_left(c, tb, sb, 10)
              : src_side == SIDE_BY ? agent_after(c, te, se)
                                    : -1;
    /* Where a verb-final clause puts the agent before the participle
     * ("door de politie toegeschreven aan X"), the subject stands before
     * the agent. */
    int agent_first = -1;
    if (src < 0 && src_side == SIDE_BY)
        src = agent_first = agent_before(c, tb, sb);
    if (src >= 0 && src_side == SIDE_LEFT && tb > sb + 1 && tok_is_punct(d, tb - 1, ",")) {
        int speaker = apposition_speaker(c, tb - 1, sb); /* "X, a minister, accused Y" */
        if (speaker >= 0)
            src = speaker;
    }
    if (src_side == SIDE_LEFT) {
        int subject = conj_subject(c, tb, sb);
        if (subject >= 0)
            src = subject;
    }
    /* The object may be the event, and the actor behind a preposition:
     * "attributed the bank heist to X", « a imputé l'attaque à X ». */
    int act = act_side == SIDE_LEFT ? left_mention(c, tb, sb, 8)
                                    : right_mention(c, te, se, BLAME_OBJECT_REACH);
    /* The agent before the participle is no actor: the subject stands
     * before it (Dutch), or the actor between it and the participle
     * (German, found above). */
    if (act >= 0 && act == agent_first)
        act = left_mention(c, DOC_MEN(d, agent_first)->tb - 1, sb, 8);
    /* "held X responsible" holds the actor in its gap; « les soupçons se
     * sont portés un temps sur X » after its tail. */
    if (act < 0 && act_side == SIDE_RIGHT && e->ntail) {
        size_t tail = lexicon_tail_at(d, tb, e);
        if (tail)
            act = right_mention(c, tail + e->ntail, se, BLAME_OBJECT_REACH);
    }
    /* A capitalised cue in a language that capitalises its nouns is a
     * noun ("Hinweise auf"), whose subject is no verb's. */
    bool noun_cue = d->lang->nouns_capital && (DOC_TOK(d, tb)->flags & TOK_UPPER) &&
                    !(DOC_TOK(d, tb)->flags & TOK_SENT_START);
    if (src < 0 && act >= 0 && src_side == SIDE_LEFT && act_side == SIDE_RIGHT &&
        d->lang->verb_second && !noun_cue) {
        /* Verb second: a clause that opens with its object or an adverb
         * has its subject right after the verb ("Den Angriff schrieben
         * die USA Nordkorea zu"): the first party speaks, the next is
         * blamed. */
        int obj = right_mention(c, DOC_MEN(d, act)->te, se, BLAME_OBJECT_REACH);
        if (obj >= 0) {
            src = act;
            act = obj;
        }
    }
    if (act < 0 && src_side == SIDE_LEFT && act_side == SIDE_RIGHT && bare_participle(c, tb, sb)) {
        /* A participle with nothing blamed after it reads as a passive:
         * "Iran blamed for ...", « l'Iran pointé du doigt ». */
        src_side = SIDE_BY;
        act_side = SIDE_LEFT;
        src = agent_after(c, te, se);
        if (src < 0)
            src = agent_before(c, tb, sb);
        act = left_mention(c, tb, sb, 8);
        if (act >= 0 && act == src)
            act = left_mention(c, DOC_MEN(d, src)->tb - 1, sb, 8);
    }
    if (src_side == SIDE_BY && src < 0 && act_side == SIDE_RIGHT) {
        /* "blamed on X by Y": the agent may follow the actor. */
        if (act >= 0)
            src = agent_after(c, DOC_MEN(d, act)->te, se);
    }
    if (act < 0)
        return ATTRIB_OK;
    bool neg;
    uint8_t weak;
    cue_modality(c, tb, te, sb, se, &neg, &weak);
    attrib_stance st = through_cue(e, neg, weak, ATTRIB_ASSERTS);

    int via[4], nvia = 0;
    const frame *g = governor(c, tb, via, &nvia);
    /* A blame verb whose subject is no party ("the code pointed to X",
     * "the evidence linked the attack to X") is a predicate of the
     * content it stands in, the frame's source's; outside reported
     * content nobody holds it. A noun after its determiner names
     * someone else's accusation ("said the accusations against X were
     * a provocation"). */
    if (src < 0 && src_side == SIDE_LEFT &&
        (!(g && g->nsrc) || (tb > sb && tok_role(d, tb - 1) == ROLE_DET)))
        return ATTRIB_OK;
    if (g)
        ((frame *)g)->used = true;
    bool from_frame = false;
    if (g && g->nsrc && src < 0) {
        src = g->src[0];
        from_frame = true;
        st = through_cue(g->e, g->negated, g->weak, st);
    } else if (g && g->nsrc && g->e->op == OP_SAY && nvia < 4)
        via[nvia++] = g->src[0];
    if (src < 0 && !g && inside_quote(c, tb))
        return ATTRIB_OK;

    int srcs[MAX_COORD] = {src}, acts[MAX_COORD];
    int nsrc = src >= 0 ? coordinated(c, src, DOC_MEN(d, src)->te <= tb, sb, se, srcs) : 1;
    /* "X and Y said the attacks were blamed on Z": the frame's sources,
     * all of them. */
    if (from_frame) {
        memcpy(srcs, g->src, sizeof srcs);
        nsrc = g->nsrc;
    }
    /* "tensions between the US and North Korea, blamed by X for ...",
     * « entre les Etats-Unis et la Corée du Nord, pointée du doigt par X »:
     * a participle set off by a comma speaks of the party nearest it. */
    bool set_off = act_side == SIDE_LEFT && DOC_MEN(d, act)->te < tb &&
                   tok_is_punct(d, DOC_MEN(d, act)->te, ",") && !after_passive_aux(c, tb, sb);
    int nact = 1;
    acts[0] = act;
    if (!set_off)
        nact = coordinated(c, act, act_side == SIDE_LEFT, sb, se, acts);
    if (act_side == SIDE_RIGHT)
        c->blamed_end = DOC_MEN(d, acts[nact - 1])->te;
    size_t ev_tb, ev_te;
    find_event(c, tb, te, &ev_tb, &ev_te);
    const char *rule = src_side == SIDE_LEFT ? "blame" : "blame(passive)";
    for (int i = 0; i < nsrc; i++)
        for (int k = 0; k < nact; k++) {
            double conf = srcs[i] >= 0 ? CONF_BLAME : CONF_UNATTRIBUTED;
            attrib_status r = emit(c, srcs[i], acts[k], st, confidence(d, conf, srcs[i]), tb, te,
                                   rule, false, via, nvia, ev_tb, ev_te);
            if (r != ATTRIB_OK)
                return r;
        }
    return ATTRIB_OK;
}

/* "X claimed responsibility", « X a revendiqué » */
static attrib_status claims_for_self(ctx *c, size_t tb, size_t te, const lex_entry *e)
{
    const sentence *s = sent_of(c->d, tb);
    /* "the attacks were claimed by X", "sono stati rivendicati da X":
     * the agent claims; the cue may end with its agent word ("claimed
     * by", where "claimed" alone reports). */
    bool passive = after_passive_aux(c, tb, s->tok_begin);
    size_t agent_from = te > tb + 1 && tok_role(c->d, te - 1) == ROLE_AGENT ? te - 1 : te;
    int src = passive ? agent_after(c, agent_from, s->tok_end)
                      : subject_left(c, tb, s->tok_begin, 10);
    /* "el primer ataque que se atribuye el EI": with no party before it,
     * the party right after the cue is its subject, put after the verb. */
    if (src < 0 && !passive) {
        /* Only a determiner and a classifier noun ("el grupo X") may stand
         * between: "se atribuye a Rusia" has the party as its object. */
        size_t k = te;
        while (k < s->tok_end && k < te + 3 && men_at(c, k) < 0 &&
               (tok_role(c->d, k) == ROLE_DET || tok_lex(c->d, k, LEX_DESCRIBED)))
            k++;
        src = k < s->tok_end ? men_at(c, k) : -1;
    }
    if (src < 0)
        return ATTRIB_OK;
    bool neg;
    uint8_t weak;
    cue_modality(c, tb, te, s->tok_begin, s->tok_end, &neg, &weak);
    attrib_stance st = through_cue(e, neg, weak, ATTRIB_ASSERTS);
    size_t ev_tb, ev_te;
    find_event(c, tb, te, &ev_tb, &ev_te);
    int via[4], nvia = 0;
    const frame *g = governor(c, tb, via, &nvia);
    if (g && g->nsrc && nvia < 4)
        via[nvia++] = g->src[0];
    return emit(c, src, src, st, confidence(c->d, CONF_SELF, src), tb, te, "self", true, via,
                nvia, ev_tb, ev_te);
}

/* "Pyongyang denied the hack", « X a démenti le piratage »: a denial
 * whose content names an event and no one responsible for it is the
 * speaker denying its own part. */
static attrib_status claims_for_denied_event(ctx *c, const frame *f)
{
    doc *d = c->d;
    if (f->used || !f->governs || !f->nsrc || f->negated || f->e->op != OP_DENY || f->quote)
        return ATTRIB_OK;
    /* The event is the cue's object, right after it (a day or an adverb
     * may stand between). */
    size_t end = sent_of(d, f->tb)->tok_end;
    for (size_t k = f->te; k < end && k < f->te + 6; k++) {
        if (c->cue_at[k] || men_at(c, k) >= 0)
            return ATTRIB_OK;
        if (tok_lex(d, k, LEX_EVENT)) {
            size_t ev_tb, ev_te;
            find_event(c, f->tb, f->te, &ev_tb, &ev_te);
            attrib_stance st = weakened(f->weak, ATTRIB_DENIES);
            for (int i = 0; i < f->nsrc; i++) {
                attrib_status r = emit(c, f->src[i], f->src[i], st,
                                       confidence(d, CONF_REPORT, f->src[i]), f->tb, f->te,
                                       "deny-self(event)", true, NULL, 0, ev_tb, ev_te);
                if (r != ATTRIB_OK)
                    return r;
            }
            return ATTRIB_OK;
        }
    }
    return ATTRIB_OK;
}

/* A claim and where it was made, so that sorting keeps the order of
 * claims at the same cue. */
typedef struct ordered_claim {
    draft_claim c;
    size_t made;
} ordered_claim;

static int cmp_text_order(const void *pa, const void *pb)
{
    const ordered_claim *a = pa, *b = pb;
    if (a->c.cue_tb != b->c.cue_tb)
        return a->c.cue_tb < b->c.cue_tb ? -1 : 1;
    return (a->made > b->made) - (a->made < b->made);
}

/* The passes make claims cue by cue, and a denied event's claims after
 * all the rest: the result gives them in text order, by cue. */
static attrib_status sort_claims(doc *d)
{
    size_t n = d->claims.len;
    if (n < 2)
        return ATTRIB_OK;
    ordered_claim *o = malloc(n * sizeof *o);
    if (!o)
        return ATTRIB_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        o[i].c = VEC_AT(d->claims, draft_claim, i);
        o[i].made = i;
    }
    qsort(o, n, sizeof *o, cmp_text_order);
    for (size_t i = 0; i < n; i++)
        VEC_AT(d->claims, draft_claim, i) = o[i].c;
    free(o);
    return ATTRIB_OK;
}

/* How long a content may be for its dismissal to stand alone. */
#define DISMISSAL_REACH 30

/* "«It's complete nonsense,» wrote X", "There is no evidence, X said": a
 * short content that names no predicate but dismisses (a doubt
 * modifier) speaks of the claim the text made last. */
static attrib_status claims_for_dismissal(ctx *c, const frame *f)
{
    doc *d = c->d;
    if (f->used || !f->governs || !f->nsrc || f->cte <= f->ctb ||
        f->cte - f->ctb > DISMISSAL_REACH || c->next_claim_cue[f->ctb] < f->cte ||
        !(f->e->op == OP_SAY || f->e->op == OP_ASSERT))
        return ATTRIB_OK;
    bool dismissed = false;
    for (size_t k = f->ctb; k < f->cte && !dismissed; k++)
        dismissed = !c->cue_at[k] && mod_at(c, k) == MOD_DOUBT;
    if (!dismissed)
        return ATTRIB_OK;
    int a = prior_actor(c, f->tb);
    if (a < 0)
        return ATTRIB_OK;
    attrib_stance st = content_stance(c, f->ctb, f->cte, OP_ASSERT);
    st = through_cue(f->e, f->negated, f->weak, st);
    for (int i = 0; i < f->nsrc; i++) {
        attrib_status r = emit(c, f->src[i], a, st, confidence(d, CONF_PRIOR, f->src[i]), f->tb,
                               f->te, "report+dismissal", false, NULL, 0, 0, 0);
        if (r != ATTRIB_OK)
            return r;
    }
    return ATTRIB_OK;
}

attrib_status claims_assemble(doc *d)
{
    size_t n = DOC_NTOK(d);
    ctx c;
    memset(&c, 0, sizeof c);
    c.d = d;
    /* Per-token arrays in the document's scratch arena (reset below), so
     * that a stream of documents reuses their memory; zeroed, but for
     * those index_tokens() and clauses() write whole before any read;
     * one element at least, so that an empty document is no allocation
     * failure. */
    size_t m = n ? n : 1;
    c.cue_at = arena_calloc(&d->scratch, m, sizeof *c.cue_at);
    c.qmark = arena_calloc(&d->scratch, m, sizeof *c.qmark);
    c.quote_depth = arena_calloc(&d->scratch, m, sizeof *c.quote_depth);
    c.next_claim_cue = arena_calloc(&d->scratch, m, sizeof *c.next_claim_cue);
    c.appositive = arena_calloc(&d->scratch, m, sizeof *c.appositive);
    c.quote_open_at = arena_alloc(&d->scratch, m * sizeof *c.quote_open_at);
    c.quote_close_at = arena_alloc(&d->scratch, m * sizeof *c.quote_close_at);
    c.clause_end = arena_alloc(&d->scratch, m * sizeof *c.clause_end);
    c.next_close = arena_alloc(&d->scratch, m * sizeof *c.next_close);
    c.mod = arena_alloc(&d->scratch, m * sizeof *c.mod);
    c.clause_start = arena_alloc(&d->scratch, m * sizeof *c.clause_start);
    vec cues = {0};
    attrib_status st = ATTRIB_OK;
    if (!c.cue_at || !c.qmark || !c.quote_open_at || !c.quote_close_at || !c.quote_depth ||
        !c.next_claim_cue || !c.appositive || !c.clause_end || !c.clause_start ||
        !c.next_close || !c.mod) {
        st = ATTRIB_ENOMEM;
        goto done;
    }
    if ((st = find_quotes(&c)) != ATTRIB_OK)
        goto done;
    index_tokens(&c);

    /* Cues: the longest phrase at each token outside mentions. */
    typedef struct cue {
        size_t tb, te;
        const lex_entry *e;
    } cue;
    size_t modifier_end = 0; /* a stance phrase ("no evidence") holds its words */
    for (size_t i = 0; i < n;) {
        /* Most tokens start no cue and no stance phrase. */
        if (!tok_has_class(d, i, LEX_CUES | LEX_BIT(LEX_MODIFIER))) {
            i++;
            continue;
        }
        const lex_entry *m = tok_lex(d, i, LEX_MODIFIER);
        /* A particle already taken by its verb ("teilte … mit") starts
         * no cue of its own. */
        const lex_entry *e = !c.cue_at[i] ? cue_entry(d, i) : NULL;
        /* Of a stance phrase and a cue at one token, the longer is read:
         * "believed to" hedges ("is widely believed to be behind"). */
        if (m && m->nwords > 1 && (!e || m->nwords > e->nwords) && i + m->nwords > modifier_end)
            modifier_end = i + m->nwords;
        if (i < modifier_end)
            e = NULL;
        /* No cue inside a name; "it was X" starts at a pronoun, and is a
         * cue only where a party follows ("it was an insider", not "it
         * was behind the attack", where "behind" is). */
        if (e && (lex_side)e->actor == SIDE_NEXT && e->cls == LEX_RESP) {
            size_t k = i + e->nwords;
            if (k < n && mod_at(&c, k) == MOD_NEG)
                k++;
            /* « c'est X qui a ... », "it was X who ...": a cleft, whose
             * predicate follows. */
            bool cleft = false;
            if (k < n && d->mention_at[k] >= 0)
                for (size_t j = DOC_MEN(d, d->mention_at[k])->te; j < n && !cleft; j++) {
                    lex_role r = tok_role(d, j);
                    cleft = r == ROLE_REL || r == ROLE_COMP;
                    if (cleft || j >= DOC_MEN(d, d->mention_at[k])->te + 4 ||
                        !(DOC_TOK(d, j)->flags & TOK_WORD) || tok_has_class(d, j, LEX_CUES))
                        break;
                }
            if (k >= n || d->mention_at[k] < 0 || cleft ||
                (d->mention_at[i] >= 0 && !(DOC_MEN(d, d->mention_at[i])->flags & MEN_PRONOUN)))
                e = NULL;
        } else if (d->mention_at[i] >= 0) {
            e = NULL;
        }
        if (!e) {
            i++;
            continue;
        }
        cue *k = vec_push(&cues, sizeof(cue));
        if (!k) {
            st = ATTRIB_ENOMEM;
            goto done;
        }
        k->tb = i;
        k->te = i + e->nwords;
        k->e = e;
        for (size_t j = i; j < k->te; j++)
            c.cue_at[j] = (int)e->cls + 1;
        /* The particle of a separable verb ("teilte … mit") is the cue's
         * too: no search crosses it. */
        size_t tail = lexicon_tail_at(d, i, e);
        for (size_t j = tail; tail && j < tail + e->ntail; j++)
            c.cue_at[j] = (int)e->cls + 1;
        i = k->te;
    }
    clauses(&c);
    index_claim_cues(&c);
    for (size_t i = 0; i < cues.len && st == ATTRIB_OK; i++) {
        const cue *k = &VEC_AT(cues, cue, i);
        if (k->e->cls == LEX_REPORT)
            st = build_report_frame(&c, k->tb, k->te, k->e);
    }
    if (st == ATTRIB_OK)
        st = caption_frames(&c);
    first_person_frames(&c);
    share_content(&c);
    for (size_t i = 0; i < cues.len && st == ATTRIB_OK; i++) {
        const cue *k = &VEC_AT(cues, cue, i);
        switch (k->e->cls) {
        case LEX_RESP: st = claims_for_resp(&c, k->tb, k->te, k->e); break;
        case LEX_BLAME: st = claims_for_blame(&c, k->tb, k->te, k->e); break;
        case LEX_SELF: st = claims_for_self(&c, k->tb, k->te, k->e); break;
        default: break;
        }
    }
    for (size_t i = 0; i < n && st == ATTRIB_OK; i++) {
        const lex_entry *ev = tok_lex(d, i, LEX_EVENT);
        if (ev && !c.cue_at[i] && d->mention_at[i] < 0) {
            st = claims_for_resp(&c, i, i + ev->nwords, &event_entry);
            i += ev->nwords - 1; /* "cyber-attaque" holds "attaque" */
        }
    }
    for (size_t i = 0; i < c.frames.len && st == ATTRIB_OK; i++)
        st = claims_for_denied_event(&c, &VEC_AT(c.frames, frame, i));
    for (size_t i = 0; i < c.frames.len && st == ATTRIB_OK; i++)
        st = claims_for_dismissal(&c, &VEC_AT(c.frames, frame, i));
    if (st == ATTRIB_OK)
        st = sort_claims(d);
done:
    vec_free(&cues);
    vec_free(&c.frames);
    vec_free(&c.quotes);
    arena_reset(&d->scratch);
    return st;
}
