#!/usr/bin/env python3
"""Attribution claims of a corpus too big for one machine, with Dask.

    dask_corpus.py [--scheduler ADDRESS | --workers N] --out DIR INPUT...

INPUT is a directory (every *.txt file under it is a document, its path
relative to the directory its id) or a JSON Lines shard (one
{"id": ..., "text": ..., "lang": ...} object a line, as attrib-extract
--jsonl reads). Each worker process builds one extractor, once, when it
joins (a worker plugin), and shares it between its threads: libattrib's
extractor is immutable and thread-safe. The workers extract the claims of
their partitions and write them to DIR as JSON Lines shards
(DIR/claims/part-N.jsonl, one result object a line, as attrib-extract
writes it plus each claim's sentence text); then the shards, which hold
claims but no texts, are reduced on the client to the corpus comparison
(attrib.Corpus) in DIR/comparison.json.

--scheduler ADDRESS joins a running cluster (dask-scheduler and
dask-worker processes on any number of hosts; the inputs and DIR must then
be paths every worker sees, such as a shared file system). Without it a
local cluster of --workers processes is started.

The workers need the attrib Python package and libattrib (installed by
meson install, or found through PYTHONPATH and ATTRIB_LIBRARY).
"""
import argparse
import glob
import json
import os
import sys
import time

import dask.bag as db
from distributed import Client, LocalCluster, WorkerPlugin, get_worker

PLUGIN = "attrib-extractor"


class ExtractorPlugin(WorkerPlugin):
    """One extractor per worker process, built when the worker starts (or
    joins later) and freed when it stops."""

    name = PLUGIN

    def __init__(self, options=None):
        self.options = options or {}
        self.extractor = None
        self.built = 0

    def setup(self, worker):
        import attrib
        self.extractor = attrib.Extractor(**self.options)
        self.built += 1

    def teardown(self, worker):
        if self.extractor:
            self.extractor.close()


def result_line(ex, doc_id, text, lang=None):
    """The result JSON line of one document, or the same error object as
    attrib-extract writes for a document the library refuses."""
    import attrib
    try:
        # With its sentences, which the corpus keeps as evidence.
        return ex.extract(text, lang=lang, id=doc_id).to_json(sentence_text=True)
    except attrib.AttribError as e:
        return json.dumps({"id": doc_id, "error": str(e)}, ensure_ascii=False)


def extract_lines(records):
    """Worker side: the result lines of a partition of (id, text, lang)."""
    ex = get_worker().plugins[PLUGIN].extractor
    return [result_line(ex, *r) for r in records]


def read_file(path, root):
    with open(path, "rb") as f:
        # Undecodable bytes reach the library, which reports them.
        text = f.read().decode("utf-8", "surrogateescape")
    return (os.path.relpath(path, root), text, None)


def parse_line(line):
    d = json.loads(line)
    return (d["id"], d["text"], d.get("lang"))


def documents(inputs, partition_size):
    """A bag of (id, text, lang) over every input, read on the workers."""
    bags = []
    for inp in inputs:
        if os.path.isdir(inp):
            files = sorted(glob.glob(os.path.join(inp, "**", "*.txt"), recursive=True))
            bags.append(db.from_sequence(files, partition_size=partition_size)
                        .map(read_file, os.path.abspath(inp)))
        else:
            # One partition a shard (blocksize=None): shards are the unit of work.
            bags.append(db.read_text(inp, blocksize=None)
                        .filter(lambda l: l.strip()).map(parse_line))
    return db.concat(bags)


def reduce_shards(paths):
    """The corpus comparison of the result shards."""
    lines = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            lines.extend(l for l in f if l.strip())
    return comparison_of(lines)


def comparison_of(lines):
    """The corpus comparison of result lines (libattrib's corpus JSON,
    the same whatever order the lines come in)."""
    import attrib
    with attrib.Corpus() as corpus:
        for line in lines:
            corpus.add_json(line)
        return corpus.to_json() + "\n"


def run(client, inputs, out, partition_size=50, options=None):
    """Extracts INPUTS on the client's cluster into OUT; returns the
    comparison's path and the number of documents."""
    client.register_worker_plugin(ExtractorPlugin(options), name=PLUGIN)
    claims_dir = os.path.join(out, "claims")
    os.makedirs(claims_dir, exist_ok=True)
    for old in glob.glob(os.path.join(claims_dir, "part-*.jsonl")):
        os.remove(old)
    shards = (documents(inputs, partition_size)
              .map_partitions(extract_lines)
              .to_textfiles(os.path.join(claims_dir, "part-*.jsonl"), encoding="utf-8"))
    comparison = reduce_shards(sorted(shards))
    path = os.path.join(out, "comparison.json")
    with open(path, "w", encoding="utf-8") as f:
        f.write(comparison)
    return path, sum(1 for s in shards for l in open(s, encoding="utf-8") if l.strip())


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("inputs", nargs="+", metavar="INPUT",
                    help="a directory of .txt files or a JSON Lines shard")
    ap.add_argument("--out", required=True, help="where to write claims/ and comparison.json")
    ap.add_argument("--scheduler", metavar="ADDRESS",
                    help="join this cluster (tcp://host:8786); default: start a local one")
    ap.add_argument("--workers", type=int, default=2,
                    help="worker processes of the local cluster (default 2)")
    ap.add_argument("--threads", type=int, default=1,
                    help="threads per local worker, sharing its extractor (default 1)")
    ap.add_argument("--partition-size", type=int, default=50,
                    help="documents per task for a directory (default 50)")
    ap.add_argument("--languages", help="languages to enable (en,fr); default all")
    args = ap.parse_args(argv)
    options = {"languages": args.languages} if args.languages else {}

    if args.scheduler:
        client, cluster = Client(args.scheduler), None
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=args.threads,
                               processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        start = time.monotonic()
        path, n = run(client, args.inputs, args.out, args.partition_size, options)
        seconds = time.monotonic() - start
    finally:
        client.close()
        if cluster:
            cluster.close()
    print(f"{n} documents in {seconds:.2f} s ({n / seconds:.1f} documents/s); "
          f"comparison in {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
