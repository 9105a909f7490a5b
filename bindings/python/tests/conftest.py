"""Shared fixtures. meson test sets ATTRIB_LIBRARY to the built library and
PYTHONPATH to bindings/python, so these tests exercise the build tree."""
import os
import sys

import pytest

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import attrib  # noqa: E402

SAMPLES = os.environ.get("ATTRIB_SAMPLES",
                         os.path.join(os.path.dirname(__file__), "..", "..", "..",
                                      "examples", "samples"))


@pytest.fixture(scope="session")
def extractor():
    with attrib.Extractor() as ex:
        yield ex


def sample_texts():
    """(name, text) of every sample article."""
    out = []
    for name in sorted(os.listdir(SAMPLES)):
        if name.endswith(".txt"):
            with open(os.path.join(SAMPLES, name), encoding="utf-8") as f:
                out.append((name, f.read()))
    return out


def spans_of(doc):
    """Every (span, text the library gave for it or None) of a document."""
    out = []
    for c in doc.claims:
        out.append((c.cue, None))
        out.append((c.sentence, None))
        if c.event:
            out.append((c.event, None))
        for e in [c.source, c.actor] + list(c.via):
            if e:
                out.append((e.span, e.text))
    return out
