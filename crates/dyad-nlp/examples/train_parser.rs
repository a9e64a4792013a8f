//! Trains the dependency parser on UD English-EWT and writes `parser.bin`.
//!
//! `cargo run --release -p dyad-nlp --example train_parser -- --ud /work/shared/ud/en_ewt --out crates/dyad-nlp/models`
//! retrains with a fixed seed, then prints dev and test scores (gold tags), parsing speed and load time.
//! Options: `--epochs N`, `--clusters FILE` (default `OUT/clusters.tsv`), `--no-clusters`, `--seed N`, `--action-bits N`, `--label-bits N`, `--eval-only` (score the
//! existing model in `--out` instead of training).

#![allow(clippy::print_stdout)]

use std::path::PathBuf;
use std::time::Instant;

use dyad_nlp::conllu::{self, ConlluSentence};
use dyad_nlp::parser::train::{evaluate_parser, train_parser, ParserTrainConfig, TagSource};
use dyad_nlp::parser::{ParseInput, Parser, ParserScratch};
use dyad_text::Span;

fn read(dir: &std::path::Path, part: &str) -> Result<Vec<ConlluSentence>, String> {
    let path = dir.join(format!("en_ewt-ud-{part}.conllu"));
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    conllu::parse(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// Parses every sentence a few times on one thread and returns tokens per second.
fn speed(parser: &Parser, sents: &[ConlluSentence]) -> f64 {
    let prepared: Vec<(String, Vec<Span>, Vec<_>, Vec<_>)> = sents
        .iter()
        .map(|s| {
            let mut text = String::new();
            let mut spans = Vec::new();
            for w in &s.words {
                if !text.is_empty() {
                    text.push(' ');
                }
                let start = text.len();
                text.push_str(&w.form);
                spans.push(Span::new(start, text.len()));
            }
            (text, spans, s.words.iter().map(|w| w.upos).collect(), s.words.iter().map(|w| w.xpos).collect())
        })
        .collect();
    let mut scratch = ParserScratch::default();
    let (mut heads, mut rels) = (Vec::new(), Vec::new());
    let mut tokens = 0usize;
    let t = Instant::now();
    for _ in 0..3 {
        for (text, spans, upos, xpos) in &prepared {
            parser.parse(&ParseInput { text, spans, upos, xpos }, &mut scratch, &mut heads, &mut rels);
            tokens += heads.len();
        }
    }
    tokens as f64 / t.elapsed().as_secs_f64()
}

fn main() -> Result<(), String> {
    let mut ud = PathBuf::from("/work/shared/ud/en_ewt");
    let mut out = PathBuf::from("crates/dyad-nlp/models");
    let mut cfg = ParserTrainConfig::default();
    let mut eval_only = false;
    let mut no_clusters = false;
    let mut clusters_path = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut val = || args.next().ok_or(format!("{a} needs a value"));
        match a.as_str() {
            "--ud" => ud = PathBuf::from(val()?),
            "--out" => out = PathBuf::from(val()?),
            "--epochs" => cfg.epochs = val()?.parse().map_err(|e| format!("--epochs: {e}"))?,
            "--seed" => cfg.seed = val()?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--action-bits" => cfg.action_table_bits = val()?.parse().map_err(|e| format!("--action-bits: {e}"))?,
            "--label-bits" => cfg.label_table_bits = val()?.parse().map_err(|e| format!("--label-bits: {e}"))?,
            "--eval-only" => eval_only = true,
            "--no-clusters" => no_clusters = true,
            "--clusters" => clusters_path = Some(PathBuf::from(val()?)),
            _ => return Err(format!("unknown argument {a}")),
        }
    }
    // The Brown clusters the tagger engineer copied in (spacy-lookups-data, MIT), if present.
    let cluster_path = clusters_path.unwrap_or_else(|| out.join("clusters.tsv"));
    if let (false, Ok(text)) = (no_clusters, std::fs::read_to_string(&cluster_path)) {
        cfg.clusters = text
            .lines()
            .filter_map(|l| l.split_once('\t'))
            .map(|(f, b)| (f.to_string(), b.trim().to_string()))
            .collect();
    }
    let train = read(&ud, "train")?;
    let dev = read(&ud, "dev")?;
    let test = read(&ud, "test")?;
    let model_path = out.join("parser.bin");
    let parser = if eval_only {
        let bytes = std::fs::read(&model_path).map_err(|e| format!("{}: {e}", model_path.display()))?;
        Parser::from_bytes(&bytes).map_err(|e| format!("{}: {e}", model_path.display()))?
    } else {
        let t = Instant::now();
        let parser = train_parser(&train, &dev, &cfg, &mut |m| println!("{m}"));
        println!("trained in {:.1} s", t.elapsed().as_secs_f64());
        std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
        std::fs::write(&model_path, parser.to_bytes()).map_err(|e| format!("{}: {e}", model_path.display()))?;
        parser
    };
    let bytes = parser.to_bytes();
    let t = Instant::now();
    let reloaded = Parser::from_bytes(&bytes).map_err(|e| e.to_string())?;
    let load_ms = t.elapsed().as_secs_f64() * 1e3;
    println!("model {} bytes ({:.2} MB), load {:.1} ms", bytes.len(), bytes.len() as f64 / 1e6, load_ms);
    for (name, set) in [("dev", &dev), ("test", &test)] {
        let s = evaluate_parser(&reloaded, set, TagSource::Gold);
        println!("{name} gold tags: UAS {:.2} LAS {:.2} ({} words, punctuation included)", s.uas, s.las, s.tokens);
    }
    println!("speed: {:.0} tokens/s (one thread, gold tags, test set x3)", speed(&reloaded, &test));
    Ok(())
}
