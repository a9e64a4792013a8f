//! `dyad eval --gold FILE`: codes the text of a gold set and scores the events against it.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};
use clap::Args;
use dyad_coder::{Coder, CoderConfig, CoderScratch, Conventions, NegationPolicy};
use dyad_eval::{predicted_from_events, read_gold_file, score, GoldFormat};
use dyad_nlp::pipeline::{Pipeline, PipelineScratch};
use dyad_nlp::Document;
use rayon::prelude::*;

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// The gold file: PLOVER gold-record JSON, or PETRARCH XML records with <EventCoding> lines.
    #[arg(long)]
    gold: PathBuf,
    /// A folder of PETRARCH2-format dictionaries to code with instead of the embedded ones.
    #[arg(long, value_name = "DIR")]
    dictionaries: Option<PathBuf>,
    /// List every record with misses or extras (expected vs got).
    #[arg(long)]
    details: bool,
    /// Also score records marked evaluate="false".
    #[arg(long)]
    all: bool,
    /// How negated events are coded (see `dyad code --help`); the gold sets follow PETRARCH.
    #[arg(long, default_value = "petrarch", value_parser = crate::parse_negation)]
    negation: NegationPolicy,
    /// Coding conventions: dyad, petrarch or plover (default: the gold set's own).
    #[arg(long, value_parser = crate::parse_conventions)]
    conventions: Option<Conventions>,
    /// Worker threads (0: one per core).
    #[arg(long, default_value_t = 0)]
    threads: usize,
}

pub fn run(args: EvalArgs) -> Result<ExitCode> {
    crate::init_threads(args.threads);
    let started = Instant::now();
    let mut gold = read_gold_file(&args.gold)
        .with_context(|| format!("cannot read gold file {}", args.gold.display()))?;
    if args.all {
        gold.iter_mut().for_each(|r| r.evaluate = true);
    } else {
        gold.retain(|r| r.evaluate);
    }
    let loaded = crate::user_dictionaries(args.dictionaries.as_deref(), false)?;
    let dicts = loaded.as_ref().unwrap_or_else(|| dyad_dict::Dictionaries::embedded());
    let ontology = dyad_ontology::Ontology::embedded();
    for r in gold.iter_mut().filter(|r| r.format == GoldFormat::Petrarch) {
        r.fill_plover(|c| {
            dyad_ontology::CameoCode::new(c)
                .ok()
                .and_then(|c| ontology.plover(c))
                .map(|p| p.event.to_string())
        });
    }
    // PLOVER gold codes intentions as AGREE and THREATEN, refusals as REJECT, and events with no
    // recipient; PETRARCH gold codes the action itself, in dyads, and lets transformations
    // replace reported events. Each set is scored under its own conventions unless told.
    let conventions = args.conventions.unwrap_or(if gold.iter().any(|r| r.format == GoldFormat::Plover) {
        Conventions::Plover
    } else {
        Conventions::Petrarch
    });
    let config =
        CoderConfig { negation: args.negation, ..CoderConfig::default() }.with_conventions(conventions);
    let coder = Coder::new(dicts, config);
    let pipeline = Pipeline::embedded();
    let fallback = chrono::NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default();
    let predicted: Vec<_> = gold
        .par_iter()
        .map_init(
            || (PipelineScratch::default(), Document::default(), CoderScratch::default()),
            |(nlp, doc, cs), rec| {
                pipeline.analyze_into(&rec.text, nlp, doc);
                let date =
                    rec.date.or_else(|| doc.dateline.as_ref().and_then(|d| d.date)).unwrap_or(fallback);
                predicted_from_events(&coder.code_document(doc, date, cs))
            },
        )
        .collect();
    let report = score(&gold, &predicted);
    if args.details {
        print!("{}", report.details());
    }
    println!("{}: {} records", args.gold.display(), gold.len());
    print!("{report}");
    eprintln!("dyad eval: {:.2} s", started.elapsed().as_secs_f64());
    Ok(ExitCode::SUCCESS)
}
