//! The `dyad` command: codes news text into political events, and the tools around it
//! (parse, eval, dictionary lint, model training).

// The binary talks to its user on standard output by design.
#![allow(clippy::print_stdout)]

mod cmd_code;
mod cmd_dict;
mod cmd_eval;
mod cmd_parse;
mod cmd_train;
mod progress;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Turns news text into political event data: who did what to whom, when and where.
#[derive(Debug, Parser)]
#[command(name = "dyad", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Code articles into CAMEO/PLOVER events.
    Code(cmd_code::CodeArgs),
    /// Tokenize, tag and parse text, printing what the coder sees.
    Parse(cmd_parse::ParseArgs),
    /// Score the coder against a gold set (PLOVER gold JSON or PETRARCH XML records).
    Eval(cmd_eval::EvalArgs),
    /// Work with PETRARCH2-format dictionaries.
    Dict {
        #[command(subcommand)]
        command: cmd_dict::DictCommand,
    },
    /// Retrain a model from a Universal Dependencies treebank.
    Train {
        #[command(subcommand)]
        command: cmd_train::TrainCommand,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Code(args) => cmd_code::run(args),
        Command::Parse(args) => cmd_parse::run(args),
        Command::Eval(args) => cmd_eval::run(args),
        Command::Dict { command } => cmd_dict::run(command),
        Command::Train { command } => cmd_train::run(command),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("dyad: error: {err:#}");
            ExitCode::from(2)
        }
    }
}

/// Configures rayon's global pool; 0 means one thread per core.
fn init_threads(threads: usize) {
    if threads > 0 {
        // The pool can only be built once per process; a second call is harmless to ignore.
        let _ = rayon::ThreadPoolBuilder::new().num_threads(threads).build_global();
    }
}

/// Loads a user's dictionary folder (`--dictionaries DIR`), saying on standard error how many lines
/// could not be read; `None` when no folder was given, for the embedded set.
fn user_dictionaries(
    dir: Option<&std::path::Path>,
    quiet: bool,
) -> anyhow::Result<Option<dyad_dict::Dictionaries>> {
    use anyhow::Context;
    let Some(dir) = dir else { return Ok(None) };
    let d = dyad_dict::Dictionaries::load_dir(dir)
        .with_context(|| format!("cannot load dictionaries from {}", dir.display()))?;
    let errors = d.diagnostics.iter().filter(|d| d.severity == dyad_dict::Severity::Error).count();
    if errors > 0 && !quiet {
        eprintln!(
            "dyad: {errors} dictionary lines could not be read (run `dyad dict check {}` for the list)",
            dir.display()
        );
    }
    Ok(Some(d))
}

/// Parses a `--negation` value.
fn parse_negation(s: &str) -> Result<dyad_coder::NegationPolicy, String> {
    match s {
        "mark" => Ok(dyad_coder::NegationPolicy::Mark),
        "skip" => Ok(dyad_coder::NegationPolicy::Skip),
        "petrarch" => Ok(dyad_coder::NegationPolicy::Petrarch),
        _ => Err(format!("unknown negation policy {s:?}: expected mark, skip or petrarch")),
    }
}

/// Parses a `--conventions` value.
fn parse_conventions(s: &str) -> Result<dyad_coder::Conventions, String> {
    match s {
        "dyad" => Ok(dyad_coder::Conventions::Dyad),
        "petrarch" => Ok(dyad_coder::Conventions::Petrarch),
        "plover" => Ok(dyad_coder::Conventions::Plover),
        _ => Err(format!("unknown conventions {s:?}: expected dyad, petrarch or plover")),
    }
}

/// The stdin marker, or the given paths.
fn inputs_or_stdin(paths: &[PathBuf]) -> Vec<PathBuf> {
    if paths.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        paths.to_vec()
    }
}
