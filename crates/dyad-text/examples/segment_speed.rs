//! Segmentation speed: a development tool, not a test.
//!
//! Builds documents from the `# text =` lines of a CoNLL-U file (paragraphs of ten sentences, twenty
//! paragraphs per document), segments them repeatedly with one reused [`dyad_text::Segmentation`],
//! and prints tokens per second on one core.
//!
//! Usage: `cargo run --release -p dyad-text --example segment_speed -- path/to/en_ewt-ud-train.conllu [seconds]`
#![allow(clippy::print_stdout)]

use std::time::{Duration, Instant};

use dyad_text::{Segmentation, Segmenter};

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: segment_speed <file.conllu> [seconds]");
        std::process::exit(2);
    };
    let secs: f64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(3.0);
    let conllu = match std::fs::read_to_string(&path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let lines: Vec<&str> = conllu.lines().filter_map(|l| l.strip_prefix("# text = ")).collect();
    let mut docs = Vec::new();
    for doc in lines.chunks(200) {
        let paras: Vec<String> = doc.chunks(10).map(|p| p.join(" ")).collect();
        docs.push(paras.join("\n\n"));
    }
    let bytes: usize = docs.iter().map(String::len).sum();
    let seg = Segmenter::default();
    let mut out = Segmentation::default();
    let (mut tokens, mut sentences, mut rounds) = (0usize, 0usize, 0usize);
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs_f64(secs) {
        for d in &docs {
            seg.segment_into(d, &mut out);
            tokens += out.tokens.len();
            sentences += out.sentences.len();
        }
        rounds += 1;
    }
    let t = start.elapsed().as_secs_f64();
    println!(
        "{} docs, {:.1} MB per round, {} rounds in {:.2}s: {:.2} M tokens/s, {:.1} MB/s ({} tokens, {} sentences per round)",
        docs.len(),
        bytes as f64 / 1e6,
        rounds,
        t,
        tokens as f64 / t / 1e6,
        (bytes * rounds) as f64 / t / 1e6,
        tokens / rounds.max(1),
        sentences / rounds.max(1)
    );
}
