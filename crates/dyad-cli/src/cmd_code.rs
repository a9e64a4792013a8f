//! `dyad code`: reads articles, codes them in parallel, writes events in input order, and
//! accounts for every record (coded, coded with no event, or rejected with a reason).

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};
use chrono::NaiveDate;
use clap::Args;
use dyad_coder::{Coder, CoderConfig, CoderScratch, Conventions, Event, NegationPolicy};
use dyad_io::{new_sink, read_inputs, InputFormat, OutputFormat, Record, Reject, RejectReason};
use dyad_nlp::pipeline::{Pipeline, PipelineScratch};
use dyad_nlp::Document;
use rayon::prelude::*;

#[derive(Debug, Args)]
pub struct CodeArgs {
    /// Files or folders to code (folders recursively); standard input when none is given, or for `-`.
    files: Vec<PathBuf>,
    /// Output format: jsonl, cameo-tsv or plover-jsonl.
    #[arg(long, short = 'f', default_value = "jsonl")]
    format: OutputFormat,
    /// Input format (text, jsonl, xml), overriding detection by file extension.
    #[arg(long)]
    input_format: Option<InputFormat>,
    /// Date (YYYY-MM-DD) for records that carry none and have no dated dateline.
    #[arg(long)]
    date: Option<NaiveDate>,
    /// A folder of PETRARCH2-format dictionaries to use instead of the embedded ones.
    #[arg(long, value_name = "DIR")]
    dictionaries: Option<PathBuf>,
    /// Write one line per rejected record (file, line, reason) to this file.
    #[arg(long, value_name = "FILE")]
    rejects: Option<PathBuf>,
    /// Write events to this file instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,
    /// What to do with negated events: mark (code them with "negated": true), skip, or petrarch.
    #[arg(long, default_value = "mark", value_parser = crate::parse_negation)]
    negation: NegationPolicy,
    /// Coding conventions: dyad (PETRARCH2 dyads plus reported events), petrarch (as PETRARCH2
    /// codes), or plover (intentions as AGREE/THREATEN, one-actor events). Default: plover for
    /// --format plover-jsonl, dyad otherwise.
    #[arg(long, value_parser = crate::parse_conventions)]
    conventions: Option<Conventions>,
    /// Worker threads (0: one per core).
    #[arg(long, default_value_t = 0)]
    threads: usize,
    /// No progress bar and no summary on standard error.
    #[arg(long, short = 'q')]
    quiet: bool,
}

/// How one input record ended.
enum Outcome {
    Coded { record: Record, events: Vec<Event>, sentences: usize },
    Rejected(Reject),
}

/// Everything the summary reports.
#[derive(Default)]
struct Totals {
    documents: usize,
    with_events: usize,
    sentences: usize,
    events: usize,
    rejected: BTreeMap<String, usize>,
}

/// Per-thread state: the NLP scratch, a reusable document and the coder scratch.
#[derive(Default)]
struct Worker {
    nlp: PipelineScratch,
    doc: Document,
    coder: CoderScratch,
}

/// Records handed to the workers at a time: large enough to keep every core busy, small enough
/// that output starts early and memory stays flat on large inputs.
const BATCH: usize = 512;

pub fn run(args: CodeArgs) -> Result<ExitCode> {
    crate::init_threads(args.threads);
    let started = Instant::now();
    let loaded = crate::user_dictionaries(args.dictionaries.as_deref(), args.quiet)?;
    let dicts = loaded.as_ref().unwrap_or_else(|| dyad_dict::Dictionaries::embedded());
    let conventions = args.conventions.unwrap_or(if args.format == OutputFormat::PloverJsonl {
        Conventions::Plover
    } else {
        Conventions::Dyad
    });
    let config =
        CoderConfig { negation: args.negation, ..CoderConfig::default() }.with_conventions(conventions);
    let coder = Coder::new(dicts, config);
    let pipeline = Pipeline::embedded();

    let out: Box<dyn Write> = match &args.output {
        Some(p) => Box::new(BufWriter::new(
            File::create(p).with_context(|| format!("cannot create {}", p.display()))?,
        )),
        None => Box::new(BufWriter::new(std::io::stdout())),
    };
    let names: dyad_io::CameoNames = |c| dyad_ontology::Ontology::embedded().name(c);
    let mut sink = new_sink(args.format, out, Some(names));
    let mut rejects_out = match &args.rejects {
        Some(p) => {
            Some(BufWriter::new(File::create(p).with_context(|| format!("cannot create {}", p.display()))?))
        }
        None => None,
    };

    let bar = crate::progress::documents_bar(args.quiet);
    let mut totals = Totals::default();
    let mut inputs = read_inputs(&args.files, args.input_format, args.date);
    let mut batch: Vec<Result<Record, Reject>> = Vec::with_capacity(BATCH);
    loop {
        batch.clear();
        batch.extend(inputs.by_ref().take(BATCH));
        if batch.is_empty() {
            break;
        }
        let outcomes: Vec<Outcome> = batch
            .par_drain(..)
            .map_init(Worker::default, |w, item| code_one(item, pipeline, &coder, w))
            .collect();
        for outcome in outcomes {
            bar.inc(1);
            match outcome {
                Outcome::Coded { record, events, sentences } => {
                    totals.documents += 1;
                    totals.sentences += sentences;
                    totals.events += events.len();
                    totals.with_events += usize::from(!events.is_empty());
                    sink.write_document(&record, &events).context("cannot write output")?;
                }
                Outcome::Rejected(reject) => {
                    *totals.rejected.entry(reason_kind(&reject.reason).to_string()).or_default() += 1;
                    if let Some(w) = rejects_out.as_mut() {
                        writeln!(w, "{reject}").context("cannot write rejects file")?;
                    } else if !args.quiet {
                        bar.suspend(|| eprintln!("dyad: rejected {reject}"));
                    }
                }
            }
        }
    }
    sink.finish().context("cannot write output")?;
    if let Some(mut w) = rejects_out {
        w.flush().context("cannot write rejects file")?;
    }
    bar.finish_and_clear();
    if !args.quiet {
        print_summary(&totals, started.elapsed().as_secs_f64());
    }
    Ok(ExitCode::SUCCESS)
}

/// Analyses and codes one record; a record without any date is rejected here.
fn code_one(item: Result<Record, Reject>, pipeline: &Pipeline, coder: &Coder, w: &mut Worker) -> Outcome {
    let record = match item {
        Ok(r) => r,
        Err(reject) => return Outcome::Rejected(reject),
    };
    pipeline.analyze_into(&record.text, &mut w.nlp, &mut w.doc);
    // The record's own date wins, then the dateline's, then the user's --date default.
    let date = record.resolve_date(w.doc.dateline.as_ref().and_then(|d| d.date));
    let Some(date) = date else {
        return Outcome::Rejected(Reject::new(record.origin.clone(), RejectReason::NoDate));
    };
    let events = coder.code_document(&w.doc, date, &mut w.coder);
    Outcome::Coded { sentences: w.doc.sentences.len(), events, record }
}

/// A short name for the kind of rejection, for the summary's counts.
fn reason_kind(reason: &RejectReason) -> &'static str {
    match reason {
        RejectReason::Io(_) => "unreadable",
        RejectReason::Empty | RejectReason::EmptyText => "empty",
        RejectReason::InvalidUtf8(_) => "invalid UTF-8",
        RejectReason::TooLarge(_) => "too large",
        RejectReason::InvalidJson { .. } | RejectReason::NotAnObject => "invalid JSON",
        RejectReason::MissingField(_) | RejectReason::WrongType { .. } => "missing or wrong field",
        RejectReason::InvalidDate { .. } => "invalid date",
        RejectReason::NoDate => "no date",
        _ => "malformed",
    }
}

fn print_summary(t: &Totals, secs: f64) {
    let rejected: usize = t.rejected.values().sum();
    let mut line = format!(
        "dyad: {} documents coded ({} with events), {} sentences, {} events, {} rejected",
        t.documents, t.with_events, t.sentences, t.events, rejected
    );
    if rejected > 0 {
        let kinds: Vec<String> = t.rejected.iter().map(|(k, n)| format!("{n} {k}")).collect();
        line.push_str(&format!(" ({})", kinds.join(", ")));
    }
    line.push_str(&format!(" in {secs:.2} s ({:.0} sentences/s)", t.sentences as f64 / secs.max(1e-9)));
    eprintln!("{line}");
}
