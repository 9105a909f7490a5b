"""Failures raise one AttribError carrying the C status."""
import os
import subprocess
import sys

import pytest

import attrib
from attrib import AttribError, Status


def test_invalid_utf8(extractor):
    with pytest.raises(AttribError) as e:
        extractor.extract("The FBI \udcff said")  # a lone surrogate is no UTF-8
    assert e.value.status == Status.EUTF8
    assert e.value.offset == len("The FBI ")
    assert "byte 8" in str(e.value)


def test_too_big():
    with attrib.Extractor(max_document_size=16) as ex:
        assert ex.extract("short text.").claims == []
        with pytest.raises(AttribError) as e:
            ex.extract("The FBI said Russia was behind the attack.")
    assert e.value.status == Status.ETOOBIG


def test_unknown_language():
    with pytest.raises(AttribError) as e:
        attrib.Extractor(languages="en,xx")
    assert e.value.status == Status.ELANG


def test_disabled_language_override():
    with attrib.Extractor(languages="en") as ex, pytest.raises(AttribError) as e:
        ex.extract("La Russie est responsable de l'attaque.", lang="fr")
    assert e.value.status == Status.ELANG


def test_bad_lexicon(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("hello\tclass=nonsense\n", encoding="utf-8")
    with pytest.raises(AttribError) as e:
        attrib.Extractor(lexicons=[("en", bad)])
    assert e.value.status == Status.ELEXICON
    assert "bad.txt:1" in str(e.value)


def test_missing_lexicon(tmp_path):
    with pytest.raises(AttribError) as e:
        attrib.Extractor(lexicons=[("en", tmp_path / "none.txt")])
    assert e.value.status == Status.EIO


def test_wrong_types_and_closed():
    ex = attrib.Extractor()
    with pytest.raises(TypeError):
        ex.extract(b"bytes are not text")
    ex.close()
    ex.close()
    with pytest.raises(ValueError):
        ex.extract("The FBI said Russia was behind the attack.")


def test_library_env_must_load(tmp_path):
    """A wrong ATTRIB_LIBRARY is an error, not a reason to look elsewhere."""
    env = dict(os.environ, ATTRIB_LIBRARY=str(tmp_path / "libattrib.so.0"))
    run = subprocess.run([sys.executable, "-c", "import attrib"], env=env,
                         capture_output=True, text=True)
    assert run.returncode != 0
    assert "ATTRIB_LIBRARY" in run.stderr
