//! Token-boundary agreement with UD English-EWT: a development tool, not a test.
//!
//! For every `# text =` sentence of a CoNLL-U file, the text is tokenized and the token spans are
//! compared with the spans of the gold syntactic words (multi-word tokens such as "don't" expanded
//! into "do" + "n't"). Prints precision, recall and F1 over spans, and the most frequent
//! disagreements so the rules can be improved.
//!
//! It then measures sentence splitting: the sentences of each paragraph (`# newpar`) are joined with
//! a space, paragraphs with a blank line, documents (`# newdoc`) segmented whole, and predicted
//! sentence starts are compared with gold ones.
//!
//! Usage: `cargo run --release -p dyad-text --example ewt_tokens -- path/to/en_ewt-ud-test.conllu [N]`
//! where N is the number of example errors to show (default 40).
#![allow(clippy::print_stdout)]

use std::collections::{BTreeMap, HashSet};

use dyad_text::{Segmenter, SegmenterConfig};

/// One sentence: its text and the gold word spans (None when a word cannot be aligned).
struct Sent {
    text: String,
    gold: Vec<(usize, usize)>,
    unaligned: usize,
}

fn parse(conllu: &str) -> Vec<Sent> {
    let mut out = Vec::new();
    let mut text: Option<String> = None;
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut flush = |text: &mut Option<String>, rows: &mut Vec<Vec<String>>| {
        if let Some(t) = text.take() {
            out.push(align(t, rows));
        }
        rows.clear();
    };
    for line in conllu.lines() {
        if let Some(t) = line.strip_prefix("# text = ") {
            text = Some(t.to_string());
        } else if line.starts_with('#') {
        } else if line.trim().is_empty() {
            flush(&mut text, &mut rows);
        } else {
            let cols: Vec<String> = line.split('\t').map(str::to_string).collect();
            if cols.len() >= 2 && !cols[0].contains('.') {
                rows.push(cols);
            }
        }
    }
    flush(&mut text, &mut rows);
    out
}

/// Finds `form` in `text` at or after `pos` (skipping whitespace first), returning its start.
fn find(text: &str, pos: usize, form: &str) -> Option<usize> {
    let rest = &text[pos..];
    let trimmed = rest.trim_start();
    let at = pos + (rest.len() - trimmed.len());
    if trimmed.starts_with(form) {
        return Some(at);
    }
    None
}

fn align(text: String, rows: &[Vec<String>]) -> Sent {
    let mut gold = Vec::new();
    let mut unaligned = 0;
    let mut pos = 0;
    let mut i = 0;
    while i < rows.len() {
        let id = &rows[i][0];
        if let Some((a, b)) = id.split_once('-') {
            let (a, b): (usize, usize) = (a.parse().unwrap_or(0), b.parse().unwrap_or(0));
            let n = b.saturating_sub(a) + 1;
            let surface = &rows[i][1];
            let words: Vec<&str> =
                rows[i + 1..(i + 1 + n).min(rows.len())].iter().map(|r| r[1].as_str()).collect();
            match find(&text, pos, surface) {
                Some(at) if words.concat() == *surface => {
                    let mut p = at;
                    for w in &words {
                        gold.push((p, p + w.len()));
                        p += w.len();
                    }
                    pos = at + surface.len();
                }
                Some(at) => {
                    unaligned += words.len();
                    pos = at + surface.len();
                }
                None => unaligned += words.len(),
            }
            i += 1 + n;
        } else {
            let form = &rows[i][1];
            match find(&text, pos, form) {
                Some(at) => {
                    gold.push((at, at + form.len()));
                    pos = at + form.len();
                }
                None => unaligned += 1,
            }
            i += 1;
        }
    }
    Sent { text, gold, unaligned }
}

/// Documents rebuilt from the `# text` lines: (text, gold sentence start offsets).
fn documents(conllu: &str) -> Vec<(String, Vec<usize>)> {
    let mut docs: Vec<(String, Vec<usize>)> = Vec::new();
    let mut pending_par = false;
    for line in conllu.lines() {
        if line.starts_with("# newdoc") {
            docs.push((String::new(), Vec::new()));
            pending_par = false;
        } else if line.starts_with("# newpar") {
            pending_par = true;
        } else if let Some(t) = line.strip_prefix("# text = ") {
            if docs.is_empty() {
                docs.push((String::new(), Vec::new()));
            }
            let Some(doc) = docs.last_mut() else { continue };
            if !doc.0.is_empty() {
                doc.0.push_str(if pending_par { "\n\n" } else { " " });
            }
            pending_par = false;
            doc.1.push(doc.0.len());
            doc.0.push_str(t);
        }
    }
    docs
}

fn sentence_eval(conllu: &str, show: usize) {
    let seg = Segmenter::new(SegmenterConfig { detect_dateline: false, ..SegmenterConfig::default() });
    let (mut tp, mut npred, mut ngold) = (0usize, 0usize, 0usize);
    let mut shown = 0;
    println!(
        "\nsentence boundaries (missed = gold start not predicted, extra = predicted start not in gold):"
    );
    for (text, gold) in documents(conllu) {
        let out = seg.segment(&text);
        let pred: Vec<usize> = out.sentences.iter().map(|s| s.span.start as usize).collect();
        let gold_set: HashSet<usize> = gold.iter().copied().collect();
        let pred_set: HashSet<usize> = pred.iter().copied().collect();
        tp += pred.iter().filter(|p| gold_set.contains(p)).count();
        npred += pred.len();
        ngold += gold.len();
        for (kind, set, other) in [("missed", &gold, &pred_set), ("extra", &pred, &gold_set)] {
            for &b in set.iter().filter(|b| !other.contains(b)) {
                if shown < show {
                    let lo = text.floor_char_boundary(b.saturating_sub(50));
                    let hi = text.ceil_char_boundary((b + 30).min(text.len()));
                    println!("  {kind:6} {:?} | {:?}", &text[lo..b], &text[b..hi]);
                    shown += 1;
                }
            }
        }
    }
    let p = tp as f64 / npred.max(1) as f64;
    let r = tp as f64 / ngold.max(1) as f64;
    let f = 2.0 * p * r / (p + r).max(f64::MIN_POSITIVE);
    println!("gold sentences {ngold}  predicted {npred}  matched starts {tp}");
    println!("sentence precision {:.4}  recall {:.4}  F1 {:.4}", p, r, f);
}

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: ewt_tokens <file.conllu> [examples]");
        std::process::exit(2);
    };
    let show: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(40);
    let conllu = match std::fs::read_to_string(&path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let sents = parse(&conllu);
    let seg = Segmenter::new(SegmenterConfig { detect_dateline: false, ..SegmenterConfig::default() });
    let (mut tp, mut npred, mut ngold, mut unaligned) = (0usize, 0usize, 0usize, 0usize);
    let mut errors: BTreeMap<String, usize> = BTreeMap::new();
    let mut examples = Vec::new();
    for s in &sents {
        let out = seg.segment(&s.text);
        let pred: Vec<(usize, usize)> =
            out.tokens.iter().map(|t| (t.span.start as usize, t.span.end as usize)).collect();
        let gold: HashSet<(usize, usize)> = s.gold.iter().copied().collect();
        let predset: HashSet<(usize, usize)> = pred.iter().copied().collect();
        let hits = pred.iter().filter(|p| gold.contains(p)).count();
        tp += hits;
        npred += pred.len();
        ngold += s.gold.len() + s.unaligned;
        unaligned += s.unaligned;
        if hits != pred.len() || hits != s.gold.len() {
            let fp: Vec<&str> =
                pred.iter().filter(|p| !gold.contains(p)).map(|&(a, b)| &s.text[a..b]).collect();
            let fnn: Vec<&str> =
                s.gold.iter().filter(|g| !predset.contains(g)).map(|&(a, b)| &s.text[a..b]).collect();
            let key = format!("pred {:?} gold {:?}", fp, fnn);
            *errors.entry(key.clone()).or_default() += 1;
            if examples.len() < show {
                examples.push(format!("{}\n    {}", s.text, key));
            }
        }
    }
    let p = tp as f64 / npred.max(1) as f64;
    let r = tp as f64 / ngold.max(1) as f64;
    let f = 2.0 * p * r / (p + r).max(f64::MIN_POSITIVE);
    println!(
        "sentences {}  gold words {}  (unalignable {})  predicted {}  matched {}",
        sents.len(),
        ngold,
        unaligned,
        npred,
        tp
    );
    println!("precision {:.4}  recall {:.4}  F1 {:.4}", p, r, f);
    let mut freq: Vec<(&String, &usize)> = errors.iter().collect();
    freq.sort_by(|a, b| b.1.cmp(a.1));
    println!("\nmost frequent disagreements:");
    for (k, v) in freq.iter().take(show) {
        println!("{v:5}  {k}");
    }
    println!("\nexamples:");
    for e in &examples {
        println!("  {e}");
    }
    sentence_eval(&conllu, show);
}
