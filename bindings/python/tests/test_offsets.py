"""Offsets: every span has UTF-8 byte offsets (as the C API and the JSON)
and Python string indices, and both give its text, in any script."""
import pytest

import attrib
from attrib.model import Offsets
from conftest import sample_texts, spans_of

TEXTS = [
    "The FBI said Russia was behind the attack on the Kelmar dam.",
    # Two-byte letters before and inside spans.
    "Selon l'ANSSI, la Russie est responsable de l'attaque contre le port de Brévanne.",
    "« C'est la Chine », a déclaré le ministre. Pékin a démenti toute implication.",
    # Four-byte emoji, three-byte CJK, combining accents before the claim.
    "Der Ausfall 🚢 in Zürich 港口: The FBI said Iran was behind the outage at the Lørenskog plant.",
    "Cafe\u0301 🙂🙂 notes. Officials in Ottawa accused North Korea of the hack, "
    "but Pyongyang denied any involvement.",
]


@pytest.mark.parametrize("text", TEXTS + [t for _, t in sample_texts()])
def test_span_text(extractor, text):
    doc = extractor.extract(text)
    assert doc.claims, text
    data = text.encode("utf-8")
    for span, given in spans_of(doc):
        assert text[span.char_start:span.char_end] == span.text
        assert data[span.start:span.end].decode("utf-8") == span.text
        if given is not None:
            assert given == span.text


def test_non_ascii_indices_differ(extractor):
    text = TEXTS[3]
    (c,) = extractor.extract(text).claims
    assert c.actor.span.char_start == text.index("Iran")
    assert c.actor.span.start == len(text[:text.index("Iran")].encode("utf-8"))
    assert c.actor.span.start > c.actor.span.char_start


def test_offsets_map():
    o = Offsets("aé🚢b")
    assert [o.char(b) for b in (0, 1, 3, 7, 8)] == [0, 1, 2, 3, 4]
    assert o.span(1, 7).text == "é🚢"
    with pytest.raises(ValueError):
        o.char(2)  # inside "é"
