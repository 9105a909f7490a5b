"""Claims through the binding: what comes out, and that it is the same as
the C library's own JSON (attrib-extract) for the sample articles."""
import json
import os
import subprocess

import pytest

import attrib
from conftest import sample_texts


def claims_of(doc):
    return [(c.source.canonical if c.source else None, c.stance, c.actor.canonical)
            for c in doc.claims]


@pytest.mark.parametrize("text,lang,expected", [
    ("The FBI said Russia was behind the attack on the Kelmar dam.", "en",
     ("FBI", "asserts", "Russia")),
    ("Security researchers doubted that China was responsible for the breach.", "en",
     ("Security researchers", "doubts", "China")),
    ("Selon l'ANSSI, la Russie est responsable de l'attaque contre le port de Brévanne.", "fr",
     ("ANSSI", "asserts", "Russia")),
])
def test_claim(extractor, text, lang, expected):
    doc = extractor.extract(text)
    assert doc.lang == lang
    assert expected in claims_of(doc)


def test_claim_fields(extractor):
    text = "The FBI said Russia was behind the attack on the Kelmar dam."
    doc = extractor.extract(text, id="dam-1")
    assert doc.id == "dam-1" and doc.text == text
    (c,) = doc.claims
    assert c.source.text == "The FBI" and c.source.kind == "agency"
    assert c.actor.text == "Russia" and c.actor.kind == "state"
    assert c.cue.text == "behind"
    assert c.event.text == "the attack"
    assert c.sentence.text == text
    assert 0 < c.confidence <= 1 and c.rule
    assert c.via == [] and c.is_self is False


def test_no_claim_and_unattributed(extractor):
    assert extractor.extract("The harbour reopened on Monday after the storm.").claims == []
    doc = extractor.extract("Russia was behind the attack on the Kelmar dam.")
    assert [c.source for c in doc.claims] == [None]


def test_lang_override(extractor):
    # An English sentence read as French finds no English cue.
    text = "The FBI said Russia was behind the attack on the Kelmar dam."
    doc = extractor.extract(text, lang="fr")
    assert doc.lang == "fr" and doc.claims == []


def test_languages_option():
    with attrib.Extractor(languages=["fr"]) as ex:
        assert ex.languages == ["fr"]
    with attrib.Extractor() as ex:
        assert {"en", "fr"} <= set(ex.languages)


def test_lexicon_file(tmp_path):
    lexicon = tmp_path / "extra.txt"
    lexicon.write_text("Morven Cartel\tclass=entities\tcanonical=Morven\tkind=group\n",
                       encoding="utf-8")
    text = "The FBI said the Morven Cartel was behind the attack."
    with attrib.Extractor(lexicons=[("common", lexicon)]) as ex:
        assert ("FBI", "asserts", "Morven") in claims_of(ex.extract(text))


def test_version():
    assert attrib.version() == os.environ["ATTRIB_VERSION"]


def test_json_matches_library():
    """to_json() gives what the C library's own serialisation gives."""
    cli = os.environ["ATTRIB_EXTRACT"]
    with attrib.Extractor() as ex:
        for name, text in sample_texts():
            ours = json.loads(ex.extract(text, id=name).to_json())
            line = json.dumps({"id": name, "text": text})
            theirs = json.loads(subprocess.run([cli, "--jsonl"], input=line.encode(),
                                               capture_output=True, check=True).stdout)
            assert ours == theirs, name
            assert ours["claims"], name


def test_json_round_trip(extractor):
    for name, text in sample_texts():
        doc = extractor.extract(text, id=name)
        back = attrib.Document.from_json(doc.to_json(), text)
        assert back == doc
        assert back.to_json() == doc.to_json()


def test_from_json_error_object():
    with pytest.raises(attrib.AttribError, match="invalid"):
        attrib.Document.from_json('{"id": "x", "error": "invalid UTF-8 at byte 3"}', "abc")


def test_main(tmp_path):
    """python3 -m attrib FILE... writes one JSON line a file, errors included."""
    good = tmp_path / "good.txt"
    good.write_text("The FBI said Russia was behind the attack on the Kelmar dam.",
                    encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"The FBI said \xff Russia")
    run = subprocess.run([os.environ.get("PYTHON", "python3"), "-m", "attrib", str(good),
                          str(bad)], capture_output=True, text=True)
    assert run.returncode == 1, run.stderr
    lines = [json.loads(l) for l in run.stdout.splitlines()]
    assert [l["id"] for l in lines] == [str(good), str(bad)]
    assert lines[0]["claims"][0]["actor"]["canonical"] == "Russia"
    assert "byte 13" in lines[1]["error"]
