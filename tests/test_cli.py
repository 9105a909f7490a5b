#!/usr/bin/env python3
"""attrib-extract's contract: JSON Lines in and out (same order, same ids,
an error object for a line that fails, the batch goes on), files, the table,
options and exit statuses.

    test_cli.py PATH/TO/attrib-extract
"""
import json
import os
import subprocess
import sys
import tempfile
import unittest

EXE = None

LEXICON = (
    "# the CLI test's own words\n"
    "Grey H\u00e9ron Collective\tclass=entities\tcanonical=Grey Heron\tkind=group\n"
    "St\u00e4ndige Kommission\tclass=entities\tcanonical=Standing Commission\tkind=agency\n"
    "said\tclass=report\top=say\n"
    "was behind\tclass=resp\n"
)
CLAIM = "The St\u00e4ndige Kommission said the Grey H\u00e9ron Collective was behind the attack."
HEADLINE = "The Grey H\u00e9ron Collective was behind the attack."


def run(args, stdin=b""):
    if isinstance(stdin, str):
        stdin = stdin.encode("utf-8")
    return subprocess.run([EXE] + args, input=stdin, capture_output=True, timeout=120)


def lines_of(out):
    return [json.loads(l) for l in out.decode("utf-8").splitlines()]


class Base(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.lexicon = self.write("lexicon.txt", LEXICON.encode("utf-8"))

    def tearDown(self):
        self.dir.cleanup()

    def write(self, name, data):
        path = os.path.join(self.dir.name, name)
        with open(path, "wb") as f:
            f.write(data)
        return path

    def jsonl(self, docs, *extra):
        """Runs --jsonl on DOCS (objects, or raw lines as str/bytes)."""
        raw = []
        for d in docs:
            if isinstance(d, bytes):
                raw.append(d)
            elif isinstance(d, str):
                raw.append(d.encode("utf-8"))
            else:
                raw.append(json.dumps(d, ensure_ascii=False).encode("utf-8"))
        return run(["--jsonl", "--lexicon", "en:" + self.lexicon] + list(extra),
                   b"\n".join(raw) + b"\n")


class JsonLines(Base):
    def test_batch_in_order(self):
        docs = [{"id": "d%d" % i, "text": CLAIM if i % 2 else "Nothing happened.", "lang": "en"}
                for i in range(20)]
        r = self.jsonl(docs)
        self.assertEqual(r.returncode, 0, r.stderr)
        out = lines_of(r.stdout)
        self.assertEqual([o["id"] for o in out], [d["id"] for d in docs])
        for i, o in enumerate(out):
            self.assertEqual(set(o), {"id", "lang", "claims"})
            self.assertEqual(o["lang"], "en")
            actors = [c["actor"]["canonical"] for c in o["claims"]]
            self.assertEqual("Grey Heron" in actors, bool(i % 2), o)
        self.assertEqual(r.stderr, b"")

    def test_bad_lines_give_errors_and_the_batch_goes_on(self):
        r = self.jsonl([
            {"id": "first", "text": CLAIM, "lang": "en"},
            "",                                   # blank: skipped
            "{not json",                          # line 3
            {"id": "no-text"},
            {"id": "text-not-string", "text": 42},
            {"text": CLAIM, "lang": "en"},        # line 6: no id
            "   \t",                              # blank: skipped
            "[1, 2]",                             # line 8: not an object
            {"id": "bad-lang", "text": CLAIM, "lang": "xx"},
            {"id": "lang-not-string", "text": CLAIM, "lang": 3},
            b'{"id": "bad utf-8", "text": "\xff"}',
            {"id": 7, "text": CLAIM, "lang": "en"},
            {"id": None, "text": "Nothing.", "lang": "en"},
            {"id": "last", "text": CLAIM, "lang": "en"},
        ])
        self.assertEqual(r.returncode, 1)
        out = lines_of(r.stdout)
        ids = [o["id"] for o in out]
        self.assertEqual(ids, ["first", "line 3", "no-text", "text-not-string", "line 6",
                               "line 8", "bad-lang", "lang-not-string", "line 11", 7, None,
                               "last"])
        failed = [o["id"] for o in out if "error" in o]
        self.assertEqual(failed, ["line 3", "no-text", "text-not-string", "line 8", "bad-lang",
                                  "lang-not-string", "line 11"])
        for o in out:
            if "error" in o:
                self.assertEqual(set(o), {"id", "error"})
                self.assertTrue(o["error"])
            else:
                self.assertIn("claims", o)
        # A line with no id still has its claims, under its line number.
        self.assertTrue(out[4]["claims"])
        self.assertTrue(out[9]["claims"])
        # Messages for people on stderr, one per failed line.
        self.assertEqual(len(r.stderr.decode().strip().splitlines()), len(failed))

    def test_nul_in_text(self):
        text = "Before\u0000after. " + CLAIM
        r = self.jsonl([{"id": "nul", "text": text, "lang": "en"}])
        self.assertEqual(r.returncode, 0, r.stderr)
        [o] = lines_of(r.stdout)
        claims = [c for c in o["claims"] if c["actor"]["canonical"] == "Grey Heron"]
        self.assertTrue(claims)
        raw = text.encode("utf-8")
        a = claims[0]["actor"]
        self.assertEqual(raw[a["start"]:a["end"]].decode(), a["text"])

    def test_long_line(self):
        text = ("and so it went on, " * 120000) + CLAIM   # about 2.3 MB on one line
        r = self.jsonl([{"id": "long", "text": text, "lang": "en"}, {"id": "after", "text": "x"}])
        self.assertEqual(r.returncode, 0, r.stderr)
        out = lines_of(r.stdout)
        self.assertEqual([o["id"] for o in out], ["long", "after"])
        self.assertIn("Grey Heron", [c["actor"]["canonical"] for c in out[0]["claims"]])

    def test_crlf_and_lang_option(self):
        r = run(["--jsonl", "--lang", "en"], b'{"id": "a", "text": "Hello."}\r\n')
        self.assertEqual(r.returncode, 0, r.stderr)
        [o] = lines_of(r.stdout)
        self.assertEqual((o["id"], o["lang"]), ("a", "en"))

    def test_max_size(self):
        r = self.jsonl([{"id": "small", "text": "tiny."}, {"id": "big", "text": CLAIM}],
                       "--max-size", "10")
        self.assertEqual(r.returncode, 1)
        out = lines_of(r.stdout)
        self.assertEqual([o["id"] for o in out], ["small", "big"])
        self.assertNotIn("error", out[0])
        self.assertIn("error", out[1])

    def test_empty_input(self):
        r = run(["--jsonl"], b"")
        self.assertEqual((r.returncode, r.stdout), (0, b""))


class Files(Base):
    def test_files_as_json(self):
        good = self.write("good.txt", CLAIM.encode("utf-8"))
        bad = self.write("bad.txt", b"abc \xc3\x28 def")
        missing = os.path.join(self.dir.name, "missing.txt")
        r = run(["--json", "--lang", "en", "--lexicon", "en:" + self.lexicon, good, bad, missing])
        self.assertEqual(r.returncode, 1)
        out = lines_of(r.stdout)
        self.assertEqual([o["id"] for o in out], [good, bad, missing])
        self.assertIn("Grey Heron", [c["actor"]["canonical"] for c in out[0]["claims"]])
        self.assertIn("error", out[1])
        self.assertIn("4", out[1]["error"])   # the offset of the bad byte
        self.assertIn("error", out[2])
        err = r.stderr.decode()
        self.assertIn(bad, err)
        self.assertIn(missing, err)

    def test_binary_safe(self):
        path = self.write("nul.txt", b"A\x00B. " + CLAIM.encode("utf-8"))
        r = run(["--json", "--lang", "en", "--lexicon", "en:" + self.lexicon, path])
        self.assertEqual(r.returncode, 0, r.stderr)
        [o] = lines_of(r.stdout)
        self.assertIn("Grey Heron", [c["actor"]["canonical"] for c in o["claims"]])

    def test_table(self):
        a = self.write("a.txt", CLAIM.encode("utf-8"))
        b = self.write("b.txt", HEADLINE.encode("utf-8"))
        c = self.write("c.txt", b"Nothing happened.")
        r = run(["--table", "--lang", "en", "--lexicon", "en:" + self.lexicon, a, b, c])
        self.assertEqual(r.returncode, 0, r.stderr)
        out = r.stdout.decode()
        self.assertIn("== %s (en)" % a, out)
        self.assertIn("== %s (en)" % c, out)
        for word in ("SOURCE", "STANCE", "ACTOR", "EVENT", "CUE", "(Grey Heron)",
                     "(Standing Commission)", "asserts", "(unattributed)"):
            self.assertIn(word, out)
        self.assertNotIn('"claims"', out)

    def test_not_a_terminal_means_json(self):
        a = self.write("a.txt", CLAIM.encode("utf-8"))
        r = run(["--lang", "en", a])
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(lines_of(r.stdout)[0]["id"], a)


class Usage(Base):
    def test_usage_errors(self):
        f = self.write("a.txt", b"text")
        for args in ([], ["--bogus", f], ["--lang"], ["--max-size", "ten", f],
                     ["--max-size", "-1", f], ["--lexicon", "nocolon", f],
                     ["--lexicon", "en:/nonexistent/lexicon.txt", f],
                     ["--lang", "xx", f], ["--jsonl", f]):
            r = run(args)
            self.assertEqual(r.returncode, 2, args)
            self.assertEqual(r.stdout, b"", args)
            self.assertTrue(r.stderr, args)

    def test_bad_lexicon_names_file_and_line(self):
        lex = self.write("bad.txt", b"# fine\nhinted\tclass=report\top=bogus\n")
        r = run(["--lexicon", "en:" + lex, "--jsonl"], b"")
        self.assertEqual(r.returncode, 2)
        self.assertIn(("%s:2" % lex).encode(), r.stderr)

    def test_help_and_version(self):
        r = run(["--help"])
        self.assertEqual(r.returncode, 0)
        self.assertIn(b"--jsonl", r.stdout)
        r = run(["--version"])
        self.assertEqual(r.returncode, 0)
        self.assertRegex(r.stdout.decode(), r"\d+\.\d+\.\d+")


if __name__ == "__main__":
    EXE = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
