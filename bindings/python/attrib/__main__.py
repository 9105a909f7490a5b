"""python3 -m attrib [--lang CODE] FILE...

Extracts the claims of each FILE (read whole, as UTF-8) and writes one
JSON object a line, with the file's path as its id: the spec's result, or
{"id": ..., "error": ...} for a file the library refuses. Exit status 0
when every file succeeded, 1 when any failed, 2 for a usage error.
"""
import argparse
import json
import sys

from . import AttribError, Extractor


def main(argv=None):
    ap = argparse.ArgumentParser(prog="python3 -m attrib",
                                 description="Attribution claims of news texts, as JSON Lines.")
    ap.add_argument("--lang", help="read every file as this language (ISO 639-1)")
    ap.add_argument("files", nargs="+", metavar="FILE")
    args = ap.parse_args(argv)
    failed = False
    with Extractor() as ex:
        for path in args.files:
            try:
                with open(path, "rb") as f:
                    # Undecodable bytes stay invalid on their way to the
                    # library, which reports the first one's offset.
                    text = f.read().decode("utf-8", "surrogateescape")
                line = ex.extract(text, lang=args.lang, id=path).to_json()
            except (OSError, AttribError) as e:
                failed = True
                line = json.dumps({"id": path, "error": str(e)}, ensure_ascii=False)
            sys.stdout.write(line + "\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
