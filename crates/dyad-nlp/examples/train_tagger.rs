//! Trains the tagger and lemmatizer on UD English-EWT and writes `tagger.bin` and `lemma.bin`,
//! or benchmarks trained ones. Training is `dyad_nlp::recipe::train_tagger_recipe`, the recipe
//! `dyad train tagger` runs; this example adds the hyperparameter options and the benchmark.
//!
//! ```text
//! cargo run --release -p dyad-nlp --example train_tagger -- --ud /work/shared/ud/en_ewt --out crates/dyad-nlp/models
//! cargo run --release -p dyad-nlp --example train_tagger -- --ud /work/shared/ud/en_ewt --bench crates/dyad-nlp/models
//! ```
//!
//! Word clusters (lines `form<TAB>bit string`) come from the committed `models/clusters.tsv`
//! unless `--clusters FILE` names another file (or `--no-clusters` none). Other options:
//! `--epochs N`, `--seed N`, `--min-count N`, `--folds N`, `--amb-count N`, `--amb-share F`,
//! `--dict-count N`, `--dict-share F`, `--min-class N` (see `TaggerTrainConfig`).
//!
//! With `--bench DIR` it loads the models in DIR and reports their accuracy on EWT dev and test,
//! load time, and single-thread speed (wall and CPU time; `SPEED_ONLY=1` skips the accuracy part,
//! `LEMMA_ERRORS=1` lists the commonest lemma errors). `--tag-text FILE` segments and tags a raw
//! text with the committed models, for eyeballing. After training it measures the speed of the
//! models it wrote.
#![allow(clippy::print_stdout)]

use std::path::{Path, PathBuf};
use std::time::Instant;

use dyad_nlp::conllu::ConlluSentence;
use dyad_nlp::lemma::Lemmatizer;
use dyad_nlp::recipe::{read_ud_split, score_tagger, train_tagger_recipe, RecipeOptions};
use dyad_nlp::tagger::{Tagger, TaggerScratch};

fn main() -> Result<(), String> {
    let mut ud = PathBuf::from("/work/shared/ud/en_ewt");
    let mut out: Option<PathBuf> = None;
    let mut bench: Option<PathBuf> = None;
    let mut tag_text: Option<PathBuf> = None;
    // The defaults of the recipe (committed clusters included) reproduce the committed model.
    let mut opts = RecipeOptions::new("", "");
    let cfg = &mut opts.tagger;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut val = || args.next().ok_or(format!("{a} needs a value"));
        match a.as_str() {
            "--ud" => ud = PathBuf::from(val()?),
            "--out" => out = Some(PathBuf::from(val()?)),
            "--bench" => bench = Some(PathBuf::from(val()?)),
            "--tag-text" => tag_text = Some(PathBuf::from(val()?)),
            "--clusters" => opts.clusters = Some(PathBuf::from(val()?)),
            "--no-clusters" => opts.clusters = None,
            "--epochs" => cfg.epochs = val()?.parse().map_err(|e| format!("--epochs: {e}"))?,
            "--seed" => cfg.seed = val()?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--min-count" => {
                cfg.min_feature_count = val()?.parse().map_err(|e| format!("--min-count: {e}"))?
            }
            "--dict-share" => {
                cfg.dict_min_share = val()?.parse().map_err(|e| format!("--dict-share: {e}"))?
            }
            "--amb-count" => cfg.amb_min_count = val()?.parse().map_err(|e| format!("--amb-count: {e}"))?,
            "--folds" => cfg.lexicon_folds = val()?.parse().map_err(|e| format!("--folds: {e}"))?,
            "--amb-share" => cfg.amb_min_share = val()?.parse().map_err(|e| format!("--amb-share: {e}"))?,
            "--min-class" => cfg.min_class_count = val()?.parse().map_err(|e| format!("--min-class: {e}"))?,
            "--dict-count" => {
                cfg.dict_min_count = val()?.parse().map_err(|e| format!("--dict-count: {e}"))?
            }
            other => return Err(format!("unknown argument {other}")),
        }
    }
    if let Some(path) = tag_text {
        return tag_file(&path);
    }
    // After training the report has the scores, so the benchmark only measures speed.
    let (dir, scores) = match (bench, out) {
        (Some(dir), _) => (dir, std::env::var_os("SPEED_ONLY").is_none()),
        (None, Some(out)) => {
            opts.ud_dir = ud.clone();
            opts.out_dir = out.clone();
            let report = train_tagger_recipe(&opts, &mut |m| println!("{m}")).map_err(|e| e.to_string())?;
            println!("{report}");
            (out, false)
        }
        (None, None) => return Err("--out DIR is required (or --bench DIR)".into()),
    };
    let dev = read_ud_split(&ud, "dev").map_err(|e| e.to_string())?;
    let test = read_ud_split(&ud, "test").map_err(|e| e.to_string())?;
    run_bench(&dir, &dev, &test, scores)
}

/// Segments and tags a raw text file with the committed models, one `form/XPOS/UPOS/lemma` line
/// per sentence (for eyeballing).
fn tag_file(path: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let models = dyad_nlp::recipe::committed_models_dir();
    let tb = std::fs::read(models.join("tagger.bin")).map_err(|e| e.to_string())?;
    let lb = std::fs::read(models.join("lemma.bin")).map_err(|e| e.to_string())?;
    let tagger = Tagger::from_bytes(&tb).map_err(|e| e.to_string())?;
    let lem = Lemmatizer::from_bytes(&lb).map_err(|e| e.to_string())?;
    let seg = dyad_text::Segmenter::new(dyad_text::SegmenterConfig::default()).segment(&text);
    let mut scratch = TaggerScratch::default();
    let (mut u, mut x) = (Vec::new(), Vec::new());
    for sb in &seg.sentences {
        let spans: Vec<dyad_text::Span> =
            seg.tokens[sb.tokens.start as usize..sb.tokens.end as usize].iter().map(|t| t.span).collect();
        tagger.tag(&text, &spans, &mut scratch, &mut u, &mut x);
        let mut line = String::new();
        for (i, sp) in spans.iter().enumerate() {
            let form = sp.slice(&text);
            let mut lemma = String::new();
            lem.lemma_into(form, x[i], u[i], &mut lemma);
            line.push_str(&format!("{form}/{}/{}/{lemma} ", x[i], u[i]));
        }
        println!("{}", line.trim_end());
    }
    Ok(())
}

/// CPU time of this thread (Linux), so that speed figures hold on a busy machine.
fn thread_cpu_seconds() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

fn run_bench(
    dir: &Path,
    dev: &[ConlluSentence],
    test: &[ConlluSentence],
    scores: bool,
) -> Result<(), String> {
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
    if scores {
        for (name, data) in [("dev", dev), ("test", test)] {
            println!("{name}: {}", score_tagger(&tagger, &lem, data));
        }
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
