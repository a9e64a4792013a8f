//! Per-stage criterion benchmarks of dyad on the fixed input `data/news.txt` (see BENCHMARKS.md).
//!
//! Each stage is timed alone on the real output of the stages before it, over the whole input per
//! iteration, so criterion's throughput is the stage's speed on running news text:
//! segment (bytes/s and tokens/s), tag, lemmatize, parse, the whole analysis (tokens/s), coding a
//! pre-analysed document (sentences/s), and loading each model from its bytes, parsing the
//! dictionaries and building the coder
//! (the models are dropped outside the timed part).
//!
//! The default configuration is short (1 s warm-up, 3 s measurement) because the benches share a
//! small machine; command-line flags such as `--measurement-time` override it.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dyad_bench::Fixture;
use dyad_coder::{Coder, CoderConfig, CoderScratch};
use dyad_dict::{Dictionaries, Role, Source};
use dyad_nlp::lemma::Lemmatizer;
use dyad_nlp::parser::{Parser, ParserScratch};
use dyad_nlp::pipeline::PipelineScratch;
use dyad_nlp::tagger::{Tagger, TaggerScratch};
use dyad_nlp::Document;
use dyad_text::Segmentation;

/// The model files as the binary embeds them, for the load benches.
static TAGGER_BYTES: &[u8] = include_bytes!("../../dyad-nlp/models/tagger.bin");
static LEMMA_BYTES: &[u8] = include_bytes!("../../dyad-nlp/models/lemma.bin");
static PARSER_BYTES: &[u8] = include_bytes!("../../dyad-nlp/models/parser.bin");
static WORDNET_BYTES: &[u8] = include_bytes!("../../dyad-nlp/models/wordnet.bin");

fn language_layer(c: &mut Criterion) {
    let fx = Fixture::new();
    let mut group = c.benchmark_group("nlp");

    let mut seg = Segmentation::default();
    group.throughput(Throughput::Bytes(fx.bytes));
    group.bench_function("segment/bytes", |b| b.iter(|| black_box(fx.run_segment(&mut seg))));
    group.throughput(Throughput::Elements(fx.tokens));
    group.bench_function("segment/tokens", |b| b.iter(|| black_box(fx.run_segment(&mut seg))));

    let (mut tag, mut upos, mut xpos) = (TaggerScratch::default(), Vec::new(), Vec::new());
    group.bench_function("tag", |b| b.iter(|| black_box(fx.run_tag(&mut tag, &mut upos, &mut xpos))));

    let mut lemma = String::new();
    group.bench_function("lemmatize", |b| b.iter(|| black_box(fx.run_lemmatize(&mut lemma))));

    let (mut parse, mut heads, mut rels) = (ParserScratch::default(), Vec::new(), Vec::new());
    group.bench_function("parse", |b| b.iter(|| black_box(fx.run_parse(&mut parse, &mut heads, &mut rels))));

    let (mut scratch, mut doc) = (PipelineScratch::default(), Document::default());
    group.bench_function("analyze", |b| b.iter(|| black_box(fx.run_analyze(&mut scratch, &mut doc))));
    group.finish();
}

fn coder(c: &mut Criterion) {
    let fx = Fixture::new();
    let coder = Coder::new(Dictionaries::embedded(), CoderConfig::default());
    let mut scratch = CoderScratch::default();
    let mut group = c.benchmark_group("coder");
    group.throughput(Throughput::Elements(fx.sentence_count()));
    group.bench_function("code_document/sentences", |b| {
        b.iter(|| {
            let mut events = 0;
            for story in &fx.documents {
                events += coder.code_document(black_box(&story.doc), story.date, &mut scratch).len();
            }
            black_box(events)
        })
    });
    group.finish();
}

fn load(c: &mut Criterion) {
    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    group
        .bench_function("tagger", |b| b.iter_with_large_drop(|| Tagger::from_bytes(black_box(TAGGER_BYTES))));
    group.bench_function("lemmatizer", |b| {
        b.iter_with_large_drop(|| Lemmatizer::from_bytes(black_box(LEMMA_BYTES)))
    });
    group
        .bench_function("parser", |b| b.iter_with_large_drop(|| Parser::from_bytes(black_box(PARSER_BYTES))));
    group.bench_function("wordnet", |b| {
        b.iter_with_large_drop(|| dyad_nlp::wordnet::WordNetLexicon::from_bytes(black_box(WORDNET_BYTES)))
    });
    let dicts = Dictionaries::embedded();
    group.bench_function("coder_from_embedded_dictionaries", |b| {
        b.iter_with_large_drop(|| Coder::new(dicts, CoderConfig::default()))
    });
    // The dictionary files the binary embeds, read once here so that only parsing is timed. The
    // embedded list is private to dyad-dict, so this takes every file its loader recognises by name,
    // in name order, as `Dictionaries::load_dir` does.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../dyad-dict/data");
    let mut files: Vec<(String, Role, String)> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter_map(|e| {
                    let name = e.file_name().to_string_lossy().into_owned();
                    let role = Role::from_file_name(&name)?;
                    let text = std::fs::read_to_string(e.path()).ok()?;
                    Some((name, role, text))
                })
                .collect()
        })
        .unwrap_or_default();
    files.sort_by(|a, b| a.0.cmp(&b.0));
    if !files.is_empty() {
        group.throughput(Throughput::Bytes(files.iter().map(|f| f.2.len() as u64).sum()));
        group.bench_function("dictionaries", |b| {
            b.iter_with_large_drop(|| {
                Dictionaries::from_sources(files.iter().map(|(name, role, text)| Source {
                    name,
                    role: *role,
                    text,
                }))
            })
        });
    }
    group.finish();
}

criterion_group! {
    name = stages;
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .sample_size(20);
    targets = language_layer, coder, load
}
criterion_main!(stages);
