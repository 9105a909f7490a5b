"""One Extractor shared by many threads gives each the same results as one
thread alone, and close() waits for the extractions in flight."""
import threading
from concurrent.futures import ThreadPoolExecutor

import attrib
from conftest import sample_texts


def test_shared_extractor():
    texts = [t for _, t in sample_texts()]
    with attrib.Extractor() as ex:
        expected = [ex.extract(t) for t in texts]
        with ThreadPoolExecutor(max_workers=8) as pool:
            got = list(pool.map(lambda i: ex.extract(texts[i % len(texts)]), range(400)))
    for i, doc in enumerate(got):
        assert doc == expected[i % len(texts)]


def test_close_waits_for_extractions():
    ex = attrib.Extractor()
    text = " ".join(t for _, t in sample_texts()) * 5
    started, results, errors = threading.Event(), [], []

    def work():
        started.set()
        for _ in range(20):
            try:
                results.append(len(ex.extract(text).claims))
            except ValueError:  # closed: the only acceptable failure
                errors.append(1)
                return

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    started.wait()
    ex.close()
    for t in threads:
        t.join()
    assert results and all(n == results[0] for n in results)
    assert errors  # every thread saw the close, none crashed
