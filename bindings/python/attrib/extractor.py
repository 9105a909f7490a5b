"""The extractor: libattrib's attrib_extractor, built once, shared freely.

The C extractor is immutable once built, and ctypes releases the GIL for
the length of each call, so threads sharing one Extractor extract in
parallel. The only state the binding adds is the handle's lifetime:
close() waits for extractions in flight, then frees it.
"""
import ctypes
import threading
from enum import IntEnum

from . import _native
from ._native import lib
from .model import AttribError, Claim, Document, Entity, Offsets


class Status(IntEnum):
    """attrib_status, the C library's status codes."""
    OK = 0
    EINVAL = 1
    ENOMEM = 2
    EUTF8 = 3
    ETOOBIG = 4
    ELANG = 5
    ELEXICON = 6
    EIO = 7
    EICU = 8


def _status(code):
    try:
        return Status(code)
    except ValueError:  # a newer library's status: keep the number
        return code


def _fail(code, detail=None, offset=0):
    """Raises the AttribError of a status: the library's detail where it
    gives one (the words attrib-extract writes), else the status's own."""
    raise AttribError(_status(code), detail or lib.strerror(code).decode("utf-8"), offset)


def version():
    """The loaded library's version, "MAJOR.MINOR.PATCH"."""
    return _native.text(lib.version())


class Extractor(_native.Handle):
    """Extracts attribution claims from texts.

        with Extractor(languages="en,fr") as ex:
            doc = ex.extract("Investigators said ...")

    languages: comma-separated ISO 639-1 codes, or a list of them (default:
    every built-in language); max_document_size: bytes (0: no limit);
    lexicons: (lang, path) pairs of extra lexicon files ("common" for every
    language). Raises AttribError when the options or a lexicon are bad.
    """

    def __init__(self, languages=None, max_document_size=None, lexicons=()):
        self._handle = None
        self._inflight = 0
        self._cond = threading.Condition()
        opts = ctypes.c_void_p()
        st = lib.options_new(ctypes.byref(opts))
        if st:
            _fail(st)
        try:
            if languages is not None:
                if not isinstance(languages, str):
                    languages = ",".join(languages)
                self._check(opts, lib.options_set_languages(opts, languages.encode("utf-8")))
            if max_document_size is not None:
                self._check(opts, lib.options_set_max_document_size(opts, max_document_size))
            for lang, path in lexicons:
                self._check(opts, lib.options_add_lexicon_file(
                    opts, lang.encode("utf-8"), str(path).encode("utf-8")))
            handle = ctypes.c_void_p()
            self._check(opts, lib.extractor_new(opts, ctypes.byref(handle)))
            self._handle = handle
        finally:
            lib.options_free(opts)

    @staticmethod
    def _check(opts, st):
        if st:
            _fail(st, _native.text(lib.options_error(opts)))

    @property
    def languages(self):
        """The enabled languages' codes."""
        with self._use() as h:
            return [_native.text(lib.extractor_language(h, i))
                    for i in range(lib.extractor_language_count(h))]

    def extract(self, text, lang=None, id=None):
        """The claims of TEXT (a str) as a Document. LANG overrides language
        identification; ID is kept as the document's id. Raises AttribError
        (status EUTF8, ETOOBIG, ELANG, ...) when the library refuses the
        text."""
        if not isinstance(text, str):
            raise TypeError(f"text must be str, not {type(text).__name__}")
        # surrogatepass lets a lone surrogate through to the library, which
        # reports it as invalid UTF-8 with its offset like any bad byte.
        data = text.encode("utf-8", "surrogatepass")
        result = ctypes.c_void_p()
        with self._use() as h:
            st = lib.extract(h, data, len(data), lang.encode("utf-8") if lang else None,
                             ctypes.byref(result))
        try:
            if not result:
                _fail(st)
            st = lib.result_status(result)
            if st:
                _fail(st, _native.text(lib.result_error(result)),
                      lib.result_error_offset(result))
            return _document(result, text, id)
        finally:
            lib.result_free(result)

    _free = staticmethod(lib.extractor_free)

    def _detach(self):
        """close() frees the extractor once the extractions in flight are
        done. Closing twice is harmless; extracting after close raises
        ValueError."""
        with self._cond:
            handle, self._handle = self._handle, None
            while self._inflight:
                self._cond.wait()
        return handle

    def _use(self):
        return _InUse(self)


class _InUse:
    """Holds the extractor open for the length of a call."""

    def __init__(self, ex):
        self.ex = ex

    def __enter__(self):
        with self.ex._cond:
            if not self.ex._handle:
                raise ValueError("the extractor is closed")
            self.ex._inflight += 1
            return self.ex._handle

    def __exit__(self, *exc):
        with self.ex._cond:
            self.ex._inflight -= 1
            self.ex._cond.notify_all()


def _kind(kind):
    """The kind's name, None for ATTRIB_KIND_UNKNOWN (null in the JSON)."""
    return _native.text(lib.kind_name(kind)) if kind else None


def _document(result, text, id):
    """Copies a C result into a Document (the result is freed by the caller)."""
    offsets = Offsets(text)

    def span(s):
        return offsets.span(s.start, s.end)

    def entity(e, affiliation=True):
        return Entity(text=_native.text(lib.entity_text(e)),
                      canonical=_native.text(lib.entity_canonical(e)),
                      kind=_kind(lib.entity_kind(e)),
                      span=span(lib.entity_span(e)),
                      affiliation=_native.text(lib.entity_affiliation(e)) if affiliation else None)

    claims = []
    for i in range(lib.result_claim_count(result)):
        c = lib.result_claim(result, i)
        source = lib.claim_source(c)
        event_text = lib.claim_event_text(c)
        claims.append(Claim(
            source=entity(source) if source else None,
            actor=entity(lib.claim_actor(c), False),
            via=[entity(lib.claim_via(c, k)) for k in range(lib.claim_via_count(c))],
            stance=_native.text(lib.stance_name(lib.claim_stance(c))),
            # In hundredths, as the JSON carries it, so that a document read
            # back from its JSON is equal to the one extracted.
            confidence=int(lib.claim_confidence(c) * 100 + 0.5) / 100,
            cue=span(lib.claim_cue(c)),
            sentence=span(lib.claim_sentence(c)),
            event=span(lib.claim_event(c)) if event_text is not None else None,
            is_self=bool(lib.claim_is_self(c)),
            rule=_native.text(lib.claim_rule(c))))
    return Document(text=text, lang=_native.text(lib.result_lang(result)), claims=claims, id=id)
