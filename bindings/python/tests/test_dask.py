"""examples/dask_corpus.py on a 2-worker local cluster gives the same
comparison as one process extracting every document in turn."""
import importlib.util
import json
import os
import subprocess
import sys

import pytest
from distributed import Client, LocalCluster

import attrib
from corpus_gen import make_docs, write_shards

EXAMPLE = os.environ["ATTRIB_DASK_EXAMPLE"]
N = 300

spec = importlib.util.spec_from_file_location("dask_corpus", EXAMPLE)
dask_corpus = importlib.util.module_from_spec(spec)
spec.loader.exec_module(dask_corpus)


def single_process(docs):
    """The reference: the comparison of the same documents, made in one
    process with one extractor and one corpus, without the example's code."""
    with attrib.Extractor() as ex, attrib.Corpus() as corpus:
        for doc_id, text, lang in docs:
            try:
                corpus.add(ex.extract(text, lang=lang, id=doc_id))
            except attrib.AttribError as e:
                corpus.add_json(json.dumps({"id": doc_id, "error": str(e)}))
        return corpus.to_json() + "\n"


@pytest.fixture(scope="module")
def docs():
    return make_docs(N)


@pytest.fixture(scope="module")
def cluster():
    with LocalCluster(n_workers=2, threads_per_worker=2, processes=True,
                      dashboard_address=None) as c:
        yield c


def test_shards_on_existing_cluster(docs, cluster, tmp_path):
    """--scheduler: joins the running cluster; each worker built one
    extractor; the comparison equals the single-process one."""
    shards = write_shards(docs, str(tmp_path / "in"), 3)
    out = tmp_path / "out"
    run = subprocess.run([sys.executable, EXAMPLE, "--scheduler", cluster.scheduler_address,
                          "--out", str(out)] + shards, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert f"{N} documents" in run.stderr
    parts = sorted(os.listdir(out / "claims"))
    assert len(parts) == 3 and all(p.endswith(".jsonl") for p in parts)
    got = (out / "comparison.json").read_text(encoding="utf-8")
    assert got == single_process(docs)
    comparison = json.loads(got)
    assert len(comparison["documents"]) == N
    assert {"Russia", "China", "Iran"} <= {a["name"] for a in comparison["actors"]}
    assert comparison["contested"]
    with Client(cluster) as client:
        built = client.run(lambda dask_worker:
                           dask_worker.plugins[dask_corpus.PLUGIN].built)
    assert sorted(built.values()) == [1, 1]


def test_directory_on_local_cluster(docs, tmp_path):
    """The default: a local cluster of 2 workers over a directory of files,
    an invalid file included (it gives an error line, the run goes on)."""
    root = tmp_path / "in"
    some = docs[:120]
    for doc_id, text, _ in some:
        sub = root / doc_id[-1]
        sub.mkdir(parents=True, exist_ok=True)
        (sub / (doc_id + ".txt")).write_text(text, encoding="utf-8")
    (root / "bad.txt").write_bytes(b"The FBI said \xff Russia")
    out = tmp_path / "out"
    run = subprocess.run([sys.executable, EXAMPLE, "--workers", "2", "--partition-size", "25",
                          "--out", str(out), str(root)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    expected = [(os.path.join(d[-1], d + ".txt"), t, l) for d, t, l in some]
    got = (out / "comparison.json").read_text(encoding="utf-8")
    reference = single_process(expected + [("bad.txt", "The FBI said \udcff Russia", None)])
    assert got == reference
    assert "bad.txt" in json.loads(got)["documents"]
    bad = [l for p in (out / "claims").iterdir() for l in p.read_text(encoding="utf-8").splitlines()
           if '"bad.txt"' in l]
    assert bad == ['{"id": "bad.txt", "error": "invalid UTF-8 at byte 13"}']
