#!/usr/bin/env python3
"""Builds the fixed throughput corpus for `dyad code` benchmarks (see BENCHMARKS.md).

It takes every `# text =` sentence of UD English-EWT (train, dev, test) and the sentence texts of
the gold sets under testdata/gold, groups them into documents of 20 sentences, and writes them
as JSON Lines with a fixed date, repeated --repeat times. The output is deterministic.

Usage: python3 scripts/make_corpus.py --ud ../shared/ud/en_ewt --repeat 2 > bench/out/corpus.jsonl
"""

import argparse
import glob
import json
import os
import re
import sys


def ewt_sentences(ud):
    for path in sorted(glob.glob(os.path.join(ud, "*.conllu"))):
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("# text ="):
                    yield line[len("# text ="):].strip()


def gold_sentences(root):
    for path in sorted(glob.glob(os.path.join(root, "**", "*.xml"), recursive=True)):
        with open(path, encoding="utf-8", errors="replace") as f:
            for m in re.finditer(r"<Text>(.*?)</Text>", f.read(), re.S):
                yield " ".join(m.group(1).split())
    for path in sorted(glob.glob(os.path.join(root, "**", "*.txt"), recursive=True)):
        try:
            with open(path, encoding="utf-8") as f:
                for rec in json.load(f):
                    if isinstance(rec, dict) and rec.get("text"):
                        yield rec["text"]
        except (ValueError, UnicodeDecodeError):
            continue


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ud", required=True, help="folder with the EWT .conllu files")
    ap.add_argument("--gold", default=os.path.join(os.path.dirname(__file__), "..", "testdata", "gold"))
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--per-doc", type=int, default=20)
    args = ap.parse_args()
    sents = list(ewt_sentences(args.ud)) + list(gold_sentences(args.gold))
    out = sys.stdout
    n = 0
    for r in range(args.repeat):
        for i in range(0, len(sents), args.per_doc):
            text = " ".join(sents[i:i + args.per_doc])
            out.write(json.dumps({"id": f"r{r}-d{i // args.per_doc}", "date": "2010-06-15", "text": text}) + "\n")
            n += 1
    print(f"{n} documents, {len(sents) * args.repeat} sentences", file=sys.stderr)


if __name__ == "__main__":
    main()
