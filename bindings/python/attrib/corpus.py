"""The corpus comparison: libattrib's attrib_corpus.

A Corpus gathers the claims of many documents under their ids and compares
them across documents: which sources hold which actor responsible, how
firmly, which actors are contested, who speaks for whom, and rival
attributions of one event. Its views (actors(), rivals(), ...) are copied
into dataclasses; to_json() is the library's order-independent JSON.

Documents reach the corpus in the spec's JSON form: Corpus.add() takes a
Document (the binding has freed its C result already), add_json() a result
line as attrib-extract --jsonl or Document.to_json(sentence_text=True)
writes it. Partial corpora built apart merge with merge().

The C corpus belongs to one thread at a time; the Python object takes a
lock around every call, so it may be shared.
"""
import ctypes
import json
import threading
from dataclasses import dataclass
from typing import List, Optional

from . import _native
from ._native import lib
from .extractor import _fail, _kind


@dataclass(frozen=True)
class Evidence:
    document: str
    sentence: Optional[str]  # the sentence's text, where the corpus was given it
    sentence_start: int      # its UTF-8 byte span in the document
    sentence_end: int
    source_text: Optional[str]
    actor_text: str
    cue: str
    event: Optional[str]
    confidence: float


@dataclass(frozen=True)
class Position:
    """What one source holds about one actor with one stance."""
    source: Optional[str]    # canonical name; None for unattributed claims
    source_kind: Optional[str]
    affiliation: Optional[str]
    actor: str
    stance: str
    documents: int           # distinct documents among the evidence
    evidence: List[Evidence]


@dataclass(frozen=True)
class Actor:
    name: str                # canonical name
    kind: Optional[str]
    positive: int            # distinct sources taking a positive stance
    neutral: int
    negative: int
    contested: bool
    positions: List[Position]


@dataclass(frozen=True)
class Rival:
    """Sources holding different actors responsible for one event."""
    event: Optional[str]     # the victim naming the event; None: the corpus's one story
    positions: List[Position]


class Corpus(_native.Handle):
    """    with attrib.Corpus() as corpus:
            for doc in docs:
                corpus.add(doc)
            print(corpus.contested())
    """

    def __init__(self):
        self._lock = threading.Lock()
        handle = ctypes.c_void_p()
        st = lib.corpus_new(ctypes.byref(handle))
        if st:
            _fail(st)
        self._handle = handle

    def add(self, document, id=None):
        """Adds a Document under ID (default: its own id, which it must
        have). A duplicate id raises AttribError (EINVAL)."""
        doc_id = id if id is not None else document.id
        if not doc_id:
            raise ValueError("a document needs an id to join a corpus")
        data = document.to_dict(sentence_text=True)
        data["id"] = doc_id
        self.add_json(json.dumps(data, ensure_ascii=False))

    def add_json(self, line):
        """Adds one result in the spec's JSON form (str or bytes): a line
        of attrib-extract --jsonl, or an error object (a document without
        claims). Malformed JSON or a duplicate id raises AttribError."""
        data = line.encode("utf-8") if isinstance(line, str) else line
        with self._locked() as h:
            st = lib.corpus_add_json(h, data, len(data))
            if st:
                _fail(st, _native.text(lib.corpus_error(h)))

    def merge(self, other):
        """Adds every document of OTHER (left unchanged); a document id in
        both raises AttribError and leaves this corpus as it was."""
        if other is self:
            raise ValueError("a corpus cannot merge itself")
        # Both locks, always in the same order, so that a.merge(b) and
        # b.merge(a) in two threads cannot wait for each other.
        first, second = sorted((self, other), key=id)
        with first._locked(), second._locked():
            st = lib.corpus_merge(self._handle, other._handle)
            if st:
                _fail(st, _native.text(lib.corpus_error(self._handle)))

    @property
    def documents(self):
        """The document ids, in id order."""
        with self._locked() as h:
            return [_native.text(lib.corpus_document(h, i))
                    for i in range(lib.corpus_document_count(h))]

    def __len__(self):
        with self._locked() as h:
            return lib.corpus_document_count(h)

    def actors(self):
        """Every actor some claim holds responsible, most sources first."""
        with self._locked() as h:
            return [_actor(h, i) for i in range(lib.corpus_actor_count(h))]

    def contested(self):
        """The names of the actors about whom sources disagree."""
        with self._locked() as h:
            return [_native.text(lib.corpus_actor(h, lib.corpus_contested(h, k)))
                    for k in range(lib.corpus_contested_count(h))]

    def affiliations(self):
        """{organisation: [sources speaking for it]}, in name order."""
        with self._locked() as h:
            return {_native.text(lib.corpus_affiliation(h, g)):
                    [_native.text(lib.corpus_affiliation_source(h, g, k))
                     for k in range(lib.corpus_affiliation_source_count(h, g))]
                    for g in range(lib.corpus_affiliation_count(h))}

    def rivals(self):
        """Events that different sources pin on different actors."""
        with self._locked() as h:
            return [Rival(_native.text(lib.corpus_rival_event(h, r)),
                          [_position(lib.corpus_rival_position(h, r, j))
                           for j in range(lib.corpus_rival_position_count(h, r))])
                    for r in range(lib.corpus_rival_count(h))]

    def to_json(self):
        """The whole comparison as the library's JSON: the same text for the
        same documents, whatever order they came in."""
        out, size = ctypes.c_void_p(), ctypes.c_size_t()
        with self._locked() as h:
            st = lib.corpus_to_json(h, ctypes.byref(out), ctypes.byref(size))
        if st:
            _fail(st)
        try:
            return ctypes.string_at(out, size.value).decode("utf-8")
        finally:
            lib.free(out)

    def to_dict(self):
        return json.loads(self.to_json())

    _free = staticmethod(lib.corpus_free)

    def _detach(self):
        with self._lock:
            handle, self._handle = self._handle, None
        return handle

    def _locked(self):
        return _Locked(self)


class _Locked:
    """The corpus's handle, held by one thread for the length of a call."""

    def __init__(self, corpus):
        self.corpus = corpus

    def __enter__(self):
        self.corpus._lock.acquire()
        if not self.corpus._handle:
            self.corpus._lock.release()
            raise ValueError("the corpus is closed")
        return self.corpus._handle

    def __exit__(self, *exc):
        self.corpus._lock.release()


def _actor(h, i):
    return Actor(name=_native.text(lib.corpus_actor(h, i)),
                 kind=_kind(lib.corpus_actor_kind(h, i)),
                 positive=lib.corpus_actor_sources(h, i, 1),
                 neutral=lib.corpus_actor_sources(h, i, 0),
                 negative=lib.corpus_actor_sources(h, i, -1),
                 contested=bool(lib.corpus_actor_contested(h, i)),
                 positions=[_position(lib.corpus_position(h, i, j))
                            for j in range(lib.corpus_position_count(h, i))])


def _position(p):
    return Position(source=_native.text(lib.position_source(p)),
                    source_kind=_kind(lib.position_source_kind(p)),
                    affiliation=_native.text(lib.position_affiliation(p)),
                    actor=_native.text(lib.position_actor(p)),
                    stance=_native.text(lib.stance_name(lib.position_stance(p))),
                    documents=lib.position_document_count(p),
                    evidence=[_evidence(lib.position_evidence(p, k))
                              for k in range(lib.position_evidence_count(p))])


def _evidence(e):
    span = lib.evidence_sentence_span(e)
    return Evidence(document=_native.text(lib.evidence_document(e)),
                    sentence=_native.text(lib.evidence_sentence(e)),
                    sentence_start=span.start, sentence_end=span.end,
                    source_text=_native.text(lib.evidence_source_text(e)),
                    actor_text=_native.text(lib.evidence_actor_text(e)),
                    cue=_native.text(lib.evidence_cue(e)),
                    event=_native.text(lib.evidence_event(e)),
                    confidence=int(lib.evidence_confidence(e) * 100 + 0.5) / 100)
