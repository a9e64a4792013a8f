//! Trains the tagger and lemmatizer on UD English-EWT and writes `tagger.bin` and `lemma.bin`.
//!
//! ```text
//! cargo run --release -p dyad-nlp --example train_tagger -- --ud /work/shared/ud/en_ewt --out crates/dyad-nlp/models
//! cargo run --release -p dyad-nlp --example train_tagger -- --ud /work/shared/ud/en_ewt --bench crates/dyad-nlp/models
//! ```
//!
//! `--clusters FILE` adds word clusters (lines `form<TAB>bit string`, e.g. the committed
//! `models/clusters.tsv`). With `--bench DIR` it loads the models in DIR and reports their
//! accuracy, load time and single-thread tagging speed instead of training.
#![allow(clippy::print_stdout)]

use std::path::PathBuf;
use std::time::Instant;

use dyad_nlp::conllu::{self, ConlluSentence};
use dyad_nlp::lemma::Lemmatizer;
use dyad_nlp::tagger::train::{
    evaluate_lemmatizer, evaluate_tagger, learn_lemmatizer, train_tagger, TaggerTrainConfig,
};
use dyad_nlp::tagger::{Tagger, TaggerScratch};

fn read(path: &std::path::Path) -> Result<Vec<ConlluSentence>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    conllu::parse(&text).map_err(|e| format!("{}: {e}", path.display()))
}

fn main() -> Result<(), String> {
    let mut ud = PathBuf::from("/work/shared/ud/en_ewt");
    let mut out: Option<PathBuf> = None;
    let mut bench: Option<PathBuf> = None;
    let mut clusters: Option<PathBuf> = None;
    let mut cfg = TaggerTrainConfig::default();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut val = || args.next().ok_or(format!("{a} needs a value"));
        match a.as_str() {
            "--ud" => ud = PathBuf::from(val()?),
            "--out" => out = Some(PathBuf::from(val()?)),
            "--bench" => bench = Some(PathBuf::from(val()?)),
            "--clusters" => clusters = Some(PathBuf::from(val()?)),
            "--epochs" => cfg.epochs = val()?.parse().map_err(|e| format!("--epochs: {e}"))?,
            "--seed" => cfg.seed = val()?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--min-count" => {
                cfg.min_feature_count = val()?.parse().map_err(|e| format!("--min-count: {e}"))?
            }
            "--dict-share" => {
                cfg.dict_min_share = val()?.parse().map_err(|e| format!("--dict-share: {e}"))?
            }
            "--amb-count" => cfg.amb_min_count = val()?.parse().map_err(|e| format!("--amb-count: {e}"))?,
            "--min-class" => cfg.min_class_count = val()?.parse().map_err(|e| format!("--min-class: {e}"))?,
            "--dict-count" => {
                cfg.dict_min_count = val()?.parse().map_err(|e| format!("--dict-count: {e}"))?
            }
            other => return Err(format!("unknown argument {other}")),
        }
    }
    let dev = read(&ud.join("en_ewt-ud-dev.conllu"))?;
    let test = read(&ud.join("en_ewt-ud-test.conllu"))?;
    if let Some(dir) = bench {
        return run_bench(&dir, &dev, &test);
    }
    let out = out.ok_or("--out DIR is required (or --bench DIR)")?;
    let train = read(&ud.join("en_ewt-ud-train.conllu"))?;
    if let Some(path) = clusters {
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        for (i, line) in text.lines().enumerate() {
            let Some((form, bits)) = line.split_once('\t') else { continue };
            let bits = bits.trim();
            if bits.len() > 62 {
                return Err(format!("{}:{}: bit string too long", path.display(), i + 1));
            }
            let c = if bits.is_empty() { Ok(0) } else { u64::from_str_radix(bits, 2) }
                .map_err(|e| format!("{}:{}: bad bit string: {e}", path.display(), i + 1))?;
            // A leading 1 bit keeps the length of the bit string.
            cfg.clusters.push((form.to_string(), (1u64 << bits.len()) | c));
        }
        println!("{} clusters", cfg.clusters.len());
    }
    let t0 = Instant::now();
    let tagger = train_tagger(&train, &dev, &cfg, &mut |m| println!("{m}"));
    println!("trained in {:.1} s", t0.elapsed().as_secs_f64());
    let lem = learn_lemmatizer(&train);
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    let tb = tagger.to_bytes();
    let lb = lem.to_bytes();
    std::fs::write(out.join("tagger.bin"), &tb).map_err(|e| format!("{}: {e}", out.display()))?;
    std::fs::write(out.join("lemma.bin"), &lb).map_err(|e| format!("{}: {e}", out.display()))?;
    println!("wrote tagger.bin ({} bytes) and lemma.bin ({} bytes)", tb.len(), lb.len());
    run_bench(&out, &dev, &test)
}

/// CPU time of this thread (Linux), so that speed figures hold on a busy machine.
fn thread_cpu_seconds() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

fn run_bench(dir: &std::path::Path, dev: &[ConlluSentence], test: &[ConlluSentence]) -> Result<(), String> {
    let tb = std::fs::read(dir.join("tagger.bin")).map_err(|e| format!("{}: {e}", dir.display()))?;
    let lb = std::fs::read(dir.join("lemma.bin")).map_err(|e| format!("{}: {e}", dir.display()))?;
    let t0 = Instant::now();
    let tagger = Tagger::from_bytes(&tb).map_err(|e| e.to_string())?;
    let t_load = t0.elapsed();
    let t0 = Instant::now();
    let lem = Lemmatizer::from_bytes(&lb).map_err(|e| e.to_string())?;
    let l_load = t0.elapsed();
    println!(
        "tagger: {} bytes, {} classes, {} features, loads in {:.1} ms; lemmatizer: {} bytes, loads in {:.1} ms",
        tb.len(),
        tagger.num_classes(),
        tagger.num_features(),
        t_load.as_secs_f64() * 1e3,
        lb.len(),
        l_load.as_secs_f64() * 1e3
    );
    let evals: &[(&str, &[ConlluSentence])] =
        if std::env::var_os("SPEED_ONLY").is_some() { &[] } else { &[("dev", dev), ("test", test)] };
    for &(name, data) in evals {
        let s = evaluate_tagger(&tagger, data);
        let l = evaluate_lemmatizer(&lem, data);
        println!(
            "{name}: UPOS {:.2} %  XPOS {:.2} %  lemma (gold tags) {:.2} %  ({} tokens)",
            100.0 * s.upos,
            100.0 * s.xpos,
            100.0 * l.accuracy,
            s.tokens
        );
    }
    if std::env::var_os("LEMMA_ERRORS").is_some() {
        let mut errs: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        let mut out = String::new();
        for s in dev {
            for w in &s.words {
                out.clear();
                lem.lemma_into(&w.form, w.xpos, w.upos, &mut out);
                if out != w.lemma {
                    *errs
                        .entry(format!("{} {} -> {} (gold {})", w.form, w.xpos, out, w.lemma))
                        .or_default() += 1;
                }
            }
        }
        let mut v: Vec<_> = errs.into_iter().collect();
        v.sort_by_key(|e| std::cmp::Reverse(e.1));
        for (e, n) in v.iter().take(40) {
            println!("{n:5} {e}");
        }
    }
    // Speed: tag the test set as raw text with spans, as the pipeline does.
    let mut text = String::new();
    let mut sents: Vec<Vec<dyad_text::Span>> = Vec::new();
    for s in test {
        let mut spans = Vec::new();
        for w in &s.words {
            let start = text.len();
            text.push_str(&w.form);
            spans.push(dyad_text::Span::new(start, text.len()));
            text.push(' ');
        }
        sents.push(spans);
    }
    let n_tokens: usize = sents.iter().map(|s| s.len()).sum();
    let mut scratch = TaggerScratch::default();
    let (mut u, mut x) = (Vec::new(), Vec::new());
    let mut lemma_buf = String::new();
    let rounds = if std::env::var_os("SPEED_ONLY").is_some() { 40 } else { 10 };
    let t0 = Instant::now();
    let c0 = thread_cpu_seconds();
    for _ in 0..rounds {
        for spans in &sents {
            tagger.tag(&text, spans, &mut scratch, &mut u, &mut x);
        }
    }
    let dt = t0.elapsed().as_secs_f64();
    let cpu = thread_cpu_seconds().zip(c0).map(|(a, b)| a - b);
    println!(
        "tagging: {:.0} tokens/s wall, {} tokens per CPU second (one thread)",
        (rounds * n_tokens) as f64 / dt,
        cpu.map(|c| format!("{:.0}", (rounds * n_tokens) as f64 / c)).unwrap_or_else(|| "?".into())
    );
    // Tokenization + tagging from raw text: the sentence texts of the test set, as paragraphs.
    let mut raw = String::new();
    for (i, s) in test.iter().enumerate() {
        raw.push_str(s.text.as_deref().unwrap_or(""));
        raw.push_str(if i % 20 == 19 { "\n\n" } else { " " });
    }
    let segmenter = dyad_text::Segmenter::new(dyad_text::SegmenterConfig::default());
    let mut seg = dyad_text::Segmentation::default();
    let mut spans: Vec<dyad_text::Span> = Vec::new();
    let mut seg_tokens = 0usize;
    let c0 = thread_cpu_seconds();
    let t0 = Instant::now();
    for _ in 0..rounds {
        segmenter.segment_into(&raw, &mut seg);
        for sb in &seg.sentences {
            spans.clear();
            let toks = seg.tokens.get(sb.tokens.start as usize..sb.tokens.end as usize).unwrap_or(&[]);
            spans.extend(toks.iter().map(|t| t.span));
            seg_tokens += spans.len();
            tagger.tag(&raw, &spans, &mut scratch, &mut u, &mut x);
        }
    }
    let dt = t0.elapsed().as_secs_f64();
    let cpu = thread_cpu_seconds().zip(c0).map(|(a, b)| a - b);
    println!(
        "tokenization + tagging from raw text: {:.0} tokens/s wall, {} tokens per CPU second",
        seg_tokens as f64 / dt,
        cpu.map(|c| format!("{:.0}", seg_tokens as f64 / c)).unwrap_or_else(|| "?".into())
    );
    let t0 = Instant::now();
    for _ in 0..rounds {
        for spans in &sents {
            tagger.tag(&text, spans, &mut scratch, &mut u, &mut x);
            for (i, sp) in spans.iter().enumerate() {
                lemma_buf.clear();
                lem.lemma_into(sp.slice(&text), x[i], u[i], &mut lemma_buf);
            }
        }
    }
    let dt = t0.elapsed().as_secs_f64();
    println!("tagging + lemmatizing: {:.0} tokens/s (one thread)", (rounds * n_tokens) as f64 / dt);
    Ok(())
}
