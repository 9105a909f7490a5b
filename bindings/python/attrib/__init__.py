"""libattrib for Python: who says who did it.

    import attrib
    with attrib.Extractor() as ex:
        doc = ex.extract("Investigators said the Grey Heron Collective was behind the attack.")
        for claim in doc.claims:
            print(claim.source.canonical if claim.source else "(unattributed)",
                  claim.stance, claim.actor.canonical)

A ctypes binding over libattrib.so (found as _native explains). Results
are copied into dataclasses (Document, Claim, Entity, Span) and the C
objects freed at once; failures raise AttribError with the C status. A
Corpus compares the claims of many documents.
"""
from .corpus import Actor, Corpus, Evidence, Position, Rival
from .extractor import Extractor, Status, version
from .model import AttribError, Claim, Document, Entity, Span

__all__ = ["Actor", "AttribError", "Claim", "Corpus", "Document", "Entity", "Evidence",
           "Extractor", "Position", "Rival", "Span", "Status", "version"]
