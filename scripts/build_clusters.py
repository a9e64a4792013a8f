#!/usr/bin/env python3
"""Build crates/dyad-nlp/models/clusters.tsv (Brown word clusters for the tagger) from the PyPI
package spacy-lookups-data (MIT, ExplosionAI GmbH).

Usage:
    pip download --no-deps spacy-lookups-data==1.0.5 -d /tmp/sld
    python3 scripts/build_clusters.py /tmp/sld/spacy_lookups_data-1.0.5-py2.py3-none-any.whl \
        > crates/dyad-nlp/models/clusters.tsv

Output: one line per form, `form<TAB>bits`, where bits is the Brown cluster's path below the root
(the stored integer in binary without its leading 1 bit). Only forms with a cluster (n > 0) are
kept, ordered by descending unigram log-probability (en_lexeme_prob), then cut to the first
80,000 lines, which keeps the tagger's lexicon table small. Ties keep the order of the JSON file.
The tagger is then retrained with
    cargo run --release -p dyad-nlp --example train_tagger -- --ud <UD_English-EWT> --out crates/dyad-nlp/models
Only the standard library is used.
"""
import gzip
import json
import sys
import zipfile

LIMIT = 80_000


def main() -> None:
    wheel = sys.argv[1]
    with zipfile.ZipFile(wheel) as z:
        clusters = json.loads(gzip.decompress(z.read("spacy_lookups_data/data/en_lexeme_cluster.json.gz")))
        probs = json.loads(gzip.decompress(z.read("spacy_lookups_data/data/en_lexeme_prob.json.gz")))
    items = [(w, c) for w, c in clusters.items() if c > 0]
    items.sort(key=lambda x: -probs.get(x[0], -99.0))
    out = sys.stdout
    n = 0
    for w, c in items:
        if "\t" in w or "\n" in w:
            continue
        out.write(f"{w}\t{bin(c)[3:]}\n")
        n += 1
        if n == LIMIT:
            break


if __name__ == "__main__":
    main()
