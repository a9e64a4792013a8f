//! `dyad parse`: prints the tokens, tags, lemmas and dependency arcs the coder sees, as CoNLL-U or
//! JSON, so a user can inspect and diff them; `--score` measures the models on a gold treebank.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};
use clap::{Args, ValueEnum};
use dyad_nlp::conllu;
use dyad_nlp::pipeline::{Pipeline, PipelineScratch};
use dyad_nlp::Document;
use dyad_text::Span;
use rayon::prelude::*;
use serde_json::json;

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ParseFormat {
    Conllu,
    Json,
}

#[derive(Debug, Args)]
pub struct ParseArgs {
    /// Text files to analyse (standard input when none is given, or for `-`).
    files: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ParseFormat::Conllu)]
    format: ParseFormat,
    /// Score tagger, lemmatizer and parser on a gold CoNLL-U file (gold tokenization) instead.
    #[arg(long, value_name = "GOLD.conllu")]
    score: Option<PathBuf>,
    /// With --score: print the scores as one JSON object.
    #[arg(long)]
    json: bool,
    /// Worker threads (0: one per core).
    #[arg(long, default_value_t = 0)]
    threads: usize,
}

pub fn run(args: ParseArgs) -> Result<ExitCode> {
    crate::init_threads(args.threads);
    if let Some(gold) = &args.score {
        return score(gold, args.json);
    }
    let pipeline = Pipeline::embedded();
    let inputs = crate::inputs_or_stdin(&args.files);
    let mut texts = Vec::with_capacity(inputs.len());
    for path in &inputs {
        texts.push((path.clone(), read_text(path)?));
    }
    let rendered: Vec<String> = texts
        .par_iter()
        .map_init(PipelineScratch::default, |scratch, (path, text)| {
            let mut doc = Document::default();
            pipeline.analyze_into(text, scratch, &mut doc);
            render(&doc, path, args.format)
        })
        .collect();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for r in rendered {
        out.write_all(r.as_bytes())?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn read_text(path: &Path) -> Result<String> {
    let mut bytes = Vec::new();
    if path.as_os_str() == "-" {
        std::io::stdin().read_to_end(&mut bytes).context("cannot read standard input")?;
    } else {
        bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    }
    String::from_utf8(bytes).map_err(|e| {
        anyhow::anyhow!("{}: not valid UTF-8 at byte {}", path.display(), e.utf8_error().valid_up_to())
    })
}

fn render(doc: &Document, path: &Path, format: ParseFormat) -> String {
    match format {
        ParseFormat::Conllu => {
            let mut out = format!("# doc = {}\n", path.display());
            if let Some(d) = &doc.dateline {
                out.push_str(&format!(
                    "# dateline = {} | place = {} | date = {}\n",
                    d.span.slice(&doc.text).trim(),
                    d.place.as_deref().unwrap_or("_"),
                    d.date.map(|d| d.to_string()).unwrap_or_else(|| "_".into())
                ));
            }
            doc.write_conllu(&mut out);
            out
        }
        ParseFormat::Json => {
            let sentences: Vec<_> = (0..doc.sentences.len())
                .map(|si| {
                    let words: Vec<_> = doc
                        .sentence_words(si)
                        .iter()
                        .enumerate()
                        .map(|(i, w)| {
                            json!({
                                "id": i + 1, "form": doc.form(w), "lemma": doc.lemma(w),
                                "upos": w.upos.as_str(), "xpos": w.xpos.as_str(),
                                "head": w.head, "deprel": w.deprel.as_str(), "span": w.span,
                            })
                        })
                        .collect();
                    json!({
                        "text": doc.sentence_text(si), "span": doc.sentences[si].span,
                        "paragraph": doc.sentences[si].paragraph, "words": words,
                    })
                })
                .collect();
            let dateline = doc.dateline.as_ref().map(|d| {
                json!({"text": d.span.slice(&doc.text), "span": d.span, "place": d.place,
                       "date": d.date.map(|d| d.to_string()), "source": d.source})
            });
            let v = json!({"doc": path.display().to_string(), "dateline": dateline, "sentences": sentences});
            format!("{v}\n")
        }
    }
}

/// Tags, lemmatizes and parses the gold tokenization of a CoNLL-U file and prints the scores.
fn score(gold_path: &Path, as_json: bool) -> Result<ExitCode> {
    let text =
        std::fs::read_to_string(gold_path).with_context(|| format!("cannot read {}", gold_path.display()))?;
    let gold = conllu::parse(&text).with_context(|| format!("{}", gold_path.display()))?;
    let pipeline = Pipeline::embedded();
    let (mut total, mut upos, mut xpos, mut lemma, mut uas, mut las) = (0usize, 0, 0, 0, 0, 0);
    let mut scratch = PipelineScratch::default();
    let mut lemma_buf = String::new();
    let docs: Vec<Document> = gold.iter().map(|s| Document::from_conllu(std::slice::from_ref(s))).collect();
    let start = Instant::now();
    for (doc, s) in docs.iter().zip(&gold) {
        let spans: Vec<Span> = doc.words.iter().map(|w| w.span).collect();
        // The pipeline's own steps, on the gold tokens instead of its segmentation.
        pipeline.annotate(&doc.text, &spans, &mut scratch);
        let ((u, x), (heads, rels)) = (scratch.tags(), scratch.tree());
        for (i, g) in s.words.iter().enumerate() {
            total += 1;
            upos += usize::from(u[i] == g.upos);
            xpos += usize::from(x[i] == g.xpos);
            pipeline.lemma_into(&g.form, x[i], u[i], &mut lemma_buf);
            lemma += usize::from(lemma_buf == g.lemma);
            if heads[i] == g.head {
                uas += 1;
                las += usize::from(rels[i] == g.deprel);
            }
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let pct = |n: usize| 100.0 * n as f64 / total.max(1) as f64;
    let v = json!({
        "file": gold_path.display().to_string(), "sentences": gold.len(), "tokens": total,
        "upos": pct(upos), "xpos": pct(xpos), "lemma": pct(lemma), "uas": pct(uas), "las": pct(las),
        "tag_lemma_parse_tokens_per_s": total as f64 / secs,
    });
    if as_json {
        println!("{v}");
    } else {
        println!(
            "{}: {} sentences, {total} tokens (gold tokenization, predicted tags)\nUPOS {:.2} %  XPOS {:.2} %  lemma {:.2} %  UAS {:.2} %  LAS {:.2} %\ntag+lemma+parse: {:.0} tokens/s (one thread, scoring included)",
            gold_path.display(), gold.len(), pct(upos), pct(xpos), pct(lemma), pct(uas), pct(las),
            total as f64 / secs
        );
    }
    Ok(ExitCode::SUCCESS)
}
