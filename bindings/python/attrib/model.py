"""What an extraction gives, as plain Python objects.

Every span carries both the UTF-8 byte offsets of the C library and of the
spec's JSON (start, end) and the matching Python string indices
(char_start, char_end), so that text[span.char_start:span.char_end] is
the span's text whatever the script.

to_json() writes the spec's JSON object for a document (as
attrib_result_to_json() and attrib-extract do); from_json() reads it back
given the text it was extracted from, which the JSON does not hold.
"""
import bisect
import json
from dataclasses import dataclass, field
from typing import List, Optional


class AttribError(Exception):
    """A libattrib call failed. status is the C attrib_status (see Status),
    message the library's detail, offset the first invalid byte for
    Status.EUTF8 (else 0)."""

    def __init__(self, status, message, offset=0):
        super().__init__(message)
        self.status = status
        self.message = message
        self.offset = offset


@dataclass(frozen=True)
class Span:
    start: int       # UTF-8 byte offset into the document, as in the C API and the JSON
    end: int         # exclusive
    char_start: int  # the same as indices into the Python str
    char_end: int
    text: str

    def to_dict(self):
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class Entity:
    text: str                     # the words as they stand in the document
    canonical: str                # one name for every alias ("North Korea")
    kind: Optional[str]           # "person", "state", ... (see the spec); None: unknown
    span: Span
    affiliation: Optional[str] = None  # the organisation a person speaks for

    def to_dict(self, with_affiliation):
        d = {"text": self.text, "canonical": self.canonical, "kind": self.kind,
             "start": self.span.start, "end": self.span.end}
        if with_affiliation:
            d["affiliation"] = self.affiliation
        return d


@dataclass(frozen=True)
class Claim:
    source: Optional[Entity]  # None: unattributed (the writer's voice, a headline)
    actor: Entity
    via: List[Entity]         # outlets carrying the source's words, outermost first
    # (the actor's affiliation is not kept: the JSON does not carry it)
    stance: str               # "asserts", "suggests", "uncommitted", "doubts", "denies"
    confidence: float         # 0 to 1, in hundredths as the JSON gives it
    cue: Span
    sentence: Span
    event: Optional[Span]
    is_self: bool
    # Which pipeline rule made the claim, for tracing; the JSON does not carry
    # it, so a claim read back with from_json() has None and compares equal.
    rule: Optional[str] = field(default=None, compare=False)

    def to_dict(self, sentence_text=False):
        sentence = {"start": self.sentence.start, "end": self.sentence.end}
        if sentence_text:
            sentence["text"] = self.sentence.text
        return {
            "source": self.source.to_dict(True) if self.source else None,
            "via": [v.to_dict(True) for v in self.via],
            "actor": self.actor.to_dict(False),
            "event": self.event.to_dict() if self.event else None,
            "stance": self.stance,
            "confidence": self.confidence,
            "cue": self.cue.to_dict(),
            "sentence": sentence,
            "self": self.is_self,
        }


@dataclass(frozen=True)
class Document:
    text: str
    lang: str              # the language it was read as ("en"), "und" when unknown
    claims: List[Claim]
    id: Optional[str] = None

    def to_dict(self, sentence_text=False):
        return {"id": self.id, "lang": self.lang,
                "claims": [c.to_dict(sentence_text) for c in self.claims]}

    def to_json(self, sentence_text=False):
        """The spec's JSON object for the document, on one line.
        sentence_text=True adds each claim's sentence as "text" in its
        "sentence", which a Corpus keeps as the claim's evidence."""
        return json.dumps(self.to_dict(sentence_text), ensure_ascii=False)

    @classmethod
    def from_json(cls, data, text):
        """The document of a spec JSON object (a str, bytes or an already
        parsed dict) extracted from TEXT. An error object raises
        AttribError."""
        if not isinstance(data, dict):
            data = json.loads(data)
        if "error" in data:
            raise AttribError(None, data["error"])
        spans = Offsets(text)

        def span(d):
            return spans.span(d["start"], d["end"])

        def entity(d):
            return Entity(d["text"], d["canonical"], d["kind"], span(d), d.get("affiliation"))

        claims = [Claim(source=entity(c["source"]) if c["source"] else None,
                        actor=entity(c["actor"]),
                        via=[entity(v) for v in c["via"]],
                        stance=c["stance"],
                        confidence=c["confidence"],
                        cue=span(c["cue"]),
                        sentence=span(c["sentence"]),
                        event=span(c["event"]) if c["event"] else None,
                        is_self=c["self"])
                  for c in data["claims"]]
        return cls(text=text, lang=data["lang"], claims=claims, id=data["id"])


class Offsets:
    """Maps the byte offsets of a text's UTF-8 form to str indices."""

    def __init__(self, text):
        self.text = text
        data = text.encode("utf-8", "surrogatepass")
        self.ascii = len(data) == len(text)
        self._starts = None
        if not self.ascii:
            # Byte offset at which each character starts, computed once.
            starts, pos = [], 0
            for ch in text:
                starts.append(pos)
                pos += len(ch.encode("utf-8", "surrogatepass"))
            starts.append(pos)
            self._starts = starts

    def char(self, byte):
        if self.ascii:
            return byte
        i = bisect.bisect_left(self._starts, byte)
        if i >= len(self._starts) or self._starts[i] != byte:
            raise ValueError(f"byte offset {byte} is not on a character boundary")
        return i

    def span(self, start, end):
        cs, ce = self.char(start), self.char(end)
        return Span(start, end, cs, ce, self.text[cs:ce])
