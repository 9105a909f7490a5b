"""Memory: the binding frees every result it is given. A leak of one C
result per call would grow by megabytes over the loop; the bound allows for
the allocator's own slack."""
import os

import pytest

import attrib

LOOPS = 10_000
BOUND = 4 * 1024 * 1024  # bytes of RSS growth allowed over the whole loop


def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


@pytest.mark.skipif(os.environ.get("ATTRIB_SANITIZED") == "1",
                    reason="ASan's quarantine holds freed memory, so RSS does not show leaks; "
                           "LeakSanitizer checks the C side in that build")
def test_rss_flat():
    text = ("Officials in Ottawa accused North Korea of the hack. "
            "The FBI said Iran was behind the outage at the Lørenskog plant.")
    with attrib.Extractor() as ex:
        for _ in range(500):  # warm up the allocators
            ex.extract(text)
        before = rss()
        for _ in range(LOOPS):
            doc = ex.extract(text)
        after = rss()
    assert len(doc.claims) == 2
    assert after - before < BOUND, f"RSS grew by {after - before} bytes over {LOOPS} extractions"


@pytest.mark.skipif(os.environ.get("ATTRIB_SANITIZED") == "1",
                    reason="ASan's quarantine holds freed memory (see above)")
def test_corpus_rss_flat():
    """Corpora made, read and freed, and their JSON freed by the library."""
    text = "Officials in Ottawa accused North Korea of the hack, but Pyongyang denied it."
    with attrib.Extractor() as ex:
        doc = ex.extract(text, id="d")

    def round_():
        with attrib.Corpus() as c:
            c.add(doc)
            c.add(doc, id="e")
            c.actors()
            return c.to_json()

    for _ in range(200):
        round_()
    before = rss()
    for _ in range(LOOPS):
        out = round_()
    after = rss()
    assert "North Korea" in out
    assert after - before < BOUND, f"RSS grew by {after - before} bytes over {LOOPS} corpora"
