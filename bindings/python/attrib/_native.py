"""Finding libattrib and declaring the C functions the binding calls.

The library is looked up in one fixed order, the first that exists wins:

1. the file named by the ATTRIB_LIBRARY environment variable (an error if
   it is set and cannot be loaded: a wrong path is never silently passed
   over);
2. libattrib.so.0 in this package's own folder (a bundled copy);
3. libattrib.so.0 in the library directory `meson install` put it in
   (recorded in _installed.py at install time);
4. libattrib.so.0 through the dynamic loader's search path.

Only the versioned soname is ever loaded, never "the newest file found":
the binding is written for ABI 0 and a libattrib.so.1 is another ABI.
"""
import ctypes
import os

SONAME = "libattrib.so.0"


class Span_(ctypes.Structure):
    _fields_ = [("start", ctypes.c_size_t), ("end", ctypes.c_size_t)]


def _candidates():
    env = os.environ.get("ATTRIB_LIBRARY")
    if env:
        return [env]
    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), SONAME)
    found = [here] if os.path.exists(here) else []
    try:
        from . import _installed  # written by meson install
        installed = os.path.join(_installed.LIBDIR, SONAME)
        if os.path.exists(installed):
            found.append(installed)
    except ImportError:
        pass
    return found + [SONAME]


def _load():
    tried = []
    for path in _candidates():
        try:
            return ctypes.CDLL(path)
        except OSError as e:
            if os.environ.get("ATTRIB_LIBRARY"):
                raise ImportError(f"ATTRIB_LIBRARY={path}: {e}") from e
            tried.append(f"{path}: {e}")
    raise ImportError("libattrib not found; set ATTRIB_LIBRARY to its path. Tried:\n  "
                      + "\n  ".join(tried))


P = ctypes.c_void_p          # every handle is opaque
S = ctypes.c_char_p          # library-owned strings that stay with their owner
Z = ctypes.c_size_t
I = ctypes.c_int
PP = ctypes.POINTER(ctypes.c_void_p)
B = ctypes.c_bool

# Every C function the binding calls: name -> (restype, argtypes). Strings
# the library owns and keeps come back as c_char_p, which ctypes copies into
# a bytes object. The one string the caller must free (attrib_corpus_to_json)
# comes through an out-parameter typed as a pointer to c_void_p, so that the
# pointer itself is kept: it is read with string_at and freed with
# attrib_free.
FUNCTIONS = {
    "attrib_strerror": (S, [I]),
    "attrib_version": (S, []),
    "attrib_free": (None, [P]),

    "attrib_options_new": (I, [PP]),
    "attrib_options_free": (None, [P]),
    "attrib_options_set_languages": (I, [P, S]),
    "attrib_options_set_max_document_size": (I, [P, Z]),
    "attrib_options_add_lexicon_file": (I, [P, S, S]),
    "attrib_options_error": (S, [P]),

    "attrib_extractor_new": (I, [P, PP]),
    "attrib_extractor_free": (None, [P]),
    "attrib_extractor_language_count": (Z, [P]),
    "attrib_extractor_language": (S, [P, Z]),

    "attrib_extract": (I, [P, ctypes.c_char_p, Z, S, PP]),
    "attrib_result_free": (None, [P]),
    "attrib_result_status": (I, [P]),
    "attrib_result_error": (S, [P]),
    "attrib_result_error_offset": (Z, [P]),
    "attrib_result_lang": (S, [P]),
    "attrib_result_claim_count": (Z, [P]),
    "attrib_result_claim": (P, [P, Z]),

    "attrib_stance_name": (S, [I]),
    "attrib_claim_source": (P, [P]),
    "attrib_claim_actor": (P, [P]),
    "attrib_claim_via_count": (Z, [P]),
    "attrib_claim_via": (P, [P, Z]),
    "attrib_claim_stance": (I, [P]),
    "attrib_claim_confidence": (ctypes.c_double, [P]),
    "attrib_claim_is_self": (B, [P]),
    "attrib_claim_cue": (Span_, [P]),
    "attrib_claim_cue_text": (S, [P]),
    "attrib_claim_sentence": (Span_, [P]),
    "attrib_claim_event_text": (S, [P]),
    "attrib_claim_event": (Span_, [P]),
    "attrib_claim_rule": (S, [P]),

    "attrib_kind_name": (S, [I]),
    "attrib_entity_text": (S, [P]),
    "attrib_entity_canonical": (S, [P]),
    "attrib_entity_kind": (I, [P]),
    "attrib_entity_span": (Span_, [P]),
    "attrib_entity_affiliation": (S, [P]),

    "attrib_corpus_new": (I, [PP]),
    "attrib_corpus_free": (None, [P]),
    "attrib_corpus_add_json": (I, [P, ctypes.c_char_p, Z]),
    "attrib_corpus_merge": (I, [P, P]),
    "attrib_corpus_error": (S, [P]),
    "attrib_corpus_document_count": (Z, [P]),
    "attrib_corpus_document": (S, [P, Z]),
    "attrib_corpus_actor_count": (Z, [P]),
    "attrib_corpus_actor": (S, [P, Z]),
    "attrib_corpus_actor_kind": (I, [P, Z]),
    "attrib_corpus_actor_sources": (Z, [P, Z, I]),
    "attrib_corpus_actor_contested": (B, [P, Z]),
    "attrib_corpus_position_count": (Z, [P, Z]),
    "attrib_corpus_position": (P, [P, Z, Z]),
    "attrib_corpus_contested_count": (Z, [P]),
    "attrib_corpus_contested": (Z, [P, Z]),
    "attrib_corpus_affiliation_count": (Z, [P]),
    "attrib_corpus_affiliation": (S, [P, Z]),
    "attrib_corpus_affiliation_source_count": (Z, [P, Z]),
    "attrib_corpus_affiliation_source": (S, [P, Z, Z]),
    "attrib_corpus_rival_count": (Z, [P]),
    "attrib_corpus_rival_event": (S, [P, Z]),
    "attrib_corpus_rival_position_count": (Z, [P, Z]),
    "attrib_corpus_rival_position": (P, [P, Z, Z]),
    "attrib_corpus_to_json": (I, [P, PP, ctypes.POINTER(Z)]),

    "attrib_position_source": (S, [P]),
    "attrib_position_source_kind": (I, [P]),
    "attrib_position_affiliation": (S, [P]),
    "attrib_position_actor": (S, [P]),
    "attrib_position_stance": (I, [P]),
    "attrib_position_document_count": (Z, [P]),
    "attrib_position_evidence_count": (Z, [P]),
    "attrib_position_evidence": (P, [P, Z]),

    "attrib_evidence_document": (S, [P]),
    "attrib_evidence_sentence": (S, [P]),
    "attrib_evidence_sentence_span": (Span_, [P]),
    "attrib_evidence_source_text": (S, [P]),
    "attrib_evidence_actor_text": (S, [P]),
    "attrib_evidence_cue": (S, [P]),
    "attrib_evidence_event": (S, [P]),
    "attrib_evidence_confidence": (ctypes.c_double, [P]),
}


class _Lib:
    """The loaded library with every function of FUNCTIONS declared."""

    def __init__(self, cdll):
        self.path = cdll._name
        for name, (restype, argtypes) in FUNCTIONS.items():
            f = getattr(cdll, name)
            f.restype = restype
            f.argtypes = argtypes
            setattr(self, name[len("attrib_"):], f)


lib = _Lib(_load())


def text(p):
    """A library-owned C string (or NULL) as a str."""
    return None if p is None else p.decode("utf-8")


class Handle:
    """Owns one library handle: freed by close(), at the end of a with
    block, or when the object is collected. A subclass sets _free (the
    library function that frees its handle) and _detach() (takes the
    handle away from its users, once they are done with it)."""

    _handle = None

    def close(self):
        handle = self._detach()
        if handle:
            self._free(handle)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        if getattr(self, "_handle", None):
            self._free(self._handle)
