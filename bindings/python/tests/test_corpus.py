"""The corpus comparison through the binding: what it finds across the
sample articles, its order independence, merges, errors, and views that
agree with its JSON."""
import json
import threading

import pytest

import attrib
from attrib import AttribError, Status
from conftest import sample_texts


@pytest.fixture(scope="module")
def docs(extractor):
    return [extractor.extract(text, id=name) for name, text in sample_texts()]


def corpus_of(docs):
    c = attrib.Corpus()
    for d in docs:
        c.add(d)
    return c


def test_comparison(docs):
    with corpus_of(docs) as c:
        assert c.documents == sorted(d.id for d in docs) and len(c) == len(docs)
        actors = c.actors()
        russia = next(a for a in actors if a.name == "Russia")
        # The samples tell one story in two languages: France's agency and
        # officials blame Russia, the Kremlin denies.
        assert russia.contested and russia.positive >= 2 and russia.negative >= 1
        assert "Russia" in c.contested()
        anssi = [p for p in russia.positions if p.source == "ANSSI" and p.stance == "asserts"]
        assert anssi and anssi[0].documents == 2  # the English and the French article
        by_id = {d.id: d for d in docs}
        for a in actors:
            for p in a.positions:
                assert p.actor == a.name
                for e in p.evidence:
                    text = by_id[e.document].text.encode("utf-8")
                    assert e.sentence == text[e.sentence_start:e.sentence_end].decode("utf-8")


def test_views_agree_with_json(docs):
    with corpus_of(docs) as c:
        data = c.to_dict()
        actors = c.actors()
        assert [a.name for a in actors] == [a["name"] for a in data["actors"]]
        for a, d in zip(actors, data["actors"]):
            assert (a.positive, a.neutral, a.negative) == tuple(
                d["sources"][k] for k in ("positive", "neutral", "negative"))
            assert [(p.source, p.stance, len(p.evidence)) for p in a.positions] == \
                [(p["source"], p["stance"], len(p["evidence"])) for p in d["positions"]]
        assert data["documents"] == c.documents
        assert len(c.rivals()) == len(data["rivals"])
        assert list(c.affiliations()) == [g["name"] for g in data["affiliations"]]


def test_order_and_merge(docs):
    whole = corpus_of(docs).to_json()
    assert corpus_of(list(reversed(docs))).to_json() == whole
    a, b = corpus_of(docs[:2]), corpus_of(docs[2:])
    a.merge(b)
    assert a.to_json() == whole
    assert len(b) == len(docs) - 2  # the other side is unchanged
    with pytest.raises(AttribError) as e:
        a.merge(b)  # every id again
    assert e.value.status == Status.EINVAL
    assert a.to_json() == whole


def test_shard_lines(docs):
    """Result lines, as workers write them, give the same corpus as the
    documents themselves."""
    c = attrib.Corpus()
    for d in docs:
        c.add_json(d.to_json(sentence_text=True))
    assert c.to_json() == corpus_of(docs).to_json()


def test_errors(docs):
    c = attrib.Corpus()
    c.add(docs[0])
    with pytest.raises(AttribError) as e:
        c.add(docs[0])
    assert e.value.status == Status.EINVAL and "already" in str(e.value)
    with pytest.raises(AttribError) as e:
        c.add_json('{"lang": "en", "claims": []}')
    assert e.value.status == Status.EINVAL and "id" in str(e.value)
    with pytest.raises(AttribError):
        c.add_json("{not json")
    c.add_json(json.dumps({"id": "broken", "error": "invalid UTF-8 at byte 3"}))
    assert c.documents == sorted([docs[0].id, "broken"])
    with pytest.raises(ValueError):
        c.add(attrib.Document(text="", lang="en", claims=[]))  # no id
    c.close()
    with pytest.raises(ValueError):
        c.documents


def test_shared_between_threads(docs, extractor):
    texts = [(f"t{i}-{d.id}", d.text) for i in range(10) for d in docs]
    c = attrib.Corpus()

    def work(part):
        for doc_id, text in part:
            c.add(extractor.extract(text, id=doc_id))

    threads = [threading.Thread(target=work, args=(texts[k::4],)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    sequential = attrib.Corpus()
    for doc_id, text in texts:
        sequential.add(extractor.extract(text, id=doc_id))
    assert c.to_json() == sequential.to_json()
