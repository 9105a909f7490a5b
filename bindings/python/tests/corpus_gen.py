"""A corpus of invented news for the Dask test and its throughput figure:
the sample articles plus short stories assembled from invented sentences,
in English and French, deterministic for a given seed."""
import os
import random

from conftest import sample_texts

SOURCES_EN = ["The FBI", "Officials in Ottawa", "Security researchers", "ANSSI",
              "The Kelmar Port Authority", "A spokesman for the ministry"]
ACTORS_EN = ["Russia", "China", "Iran", "North Korea", "the Morven Cartel", "an insider"]
PLACES = ["the Kelmar dam", "the Brévanne port", "Halvard's terminals", "the Østvik grid",
          "the Zürich exchange", "the Lagos refinery"]
TEMPLATES_EN = [
    "{s} said {a} was behind the attack on {p}.",
    "{s} doubted that {a} was responsible for the outage at {p}.",
    "{s} accused {a} of the hack of {p}, but {a2} denied any involvement.",
    "{s} believes {a} may have been behind the breach at {p}.",
    "Engineers restored power at {p} on Tuesday after a week of repairs.",
]
SOURCES_FR = ["L'ANSSI", "Le ministre de l'Intérieur", "Des chercheurs en sécurité", "Le parquet"]
ACTORS_FR = ["la Russie", "la Chine", "l'Iran", "la Corée du Nord"]
TEMPLATES_FR = [
    "Selon {s}, {a} est responsable de l'attaque contre {p}.",
    "{s} a accusé {a} du piratage de {p}.",
    "{s} doute que {a} soit à l'origine de la panne à {p}.",
    "Les équipes ont rétabli le courant à {p} mardi.",
]


def make_docs(n, seed=6):
    """N documents as (id, text, lang-or-None)."""
    rng = random.Random(seed)
    samples = [t for _, t in sample_texts()]
    docs = []
    for i in range(n):
        if i % 10 == 0:
            text = samples[(i // 10) % len(samples)]
        else:
            fr = rng.random() < 0.4
            templates, sources, actors = ((TEMPLATES_FR, SOURCES_FR, ACTORS_FR) if fr
                                          else (TEMPLATES_EN, SOURCES_EN, ACTORS_EN))
            text = " ".join(rng.choice(templates).format(
                s=rng.choice(sources), a=rng.choice(actors), a2=rng.choice(actors),
                p=rng.choice(PLACES)) for _ in range(rng.randint(2, 6)))
        docs.append((f"doc-{i:06d}", text, None))
    return docs


def write_shards(docs, folder, nshards):
    """JSON Lines shards of DOCS; returns their paths."""
    import json
    os.makedirs(folder, exist_ok=True)
    paths = [os.path.join(folder, f"shard-{k}.jsonl") for k in range(nshards)]
    files = [open(p, "w", encoding="utf-8") for p in paths]
    for i, (doc_id, text, lang) in enumerate(docs):
        d = {"id": doc_id, "text": text}
        if lang:
            d["lang"] = lang
        files[i % nshards].write(json.dumps(d, ensure_ascii=False) + "\n")
    for f in files:
        f.close()
    return paths
