//! `dyad dict check DIR`: lints a folder of PETRARCH2-format dictionaries.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Subcommand;
use dyad_dict::{Dictionaries, Severity};

#[derive(Debug, Subcommand)]
pub enum DictCommand {
    /// Lint a dictionary folder: unknown codes, malformed dates, overlapping date ranges, duplicate
    /// phrases, undefined synsets. Exits non-zero when there are errors.
    Check {
        /// The folder (files recognized by name: *verb*, *actor*, *agent*, *discard*, *issue*).
        dir: PathBuf,
        /// Also print warnings (errors are always printed).
        #[arg(long, short = 'w')]
        warnings: bool,
    },
}

pub fn run(command: DictCommand) -> Result<ExitCode> {
    match command {
        DictCommand::Check { dir, warnings } => {
            let dicts = Dictionaries::load_dir(&dir)
                .with_context(|| format!("cannot load dictionaries from {}", dir.display()))?;
            // The linter's list starts with the readers' own diagnostics.
            let all = dyad_dict::check(&dicts);
            let errors = all.iter().filter(|d| d.severity == Severity::Error).count();
            let warns = all.len() - errors;
            for d in &all {
                if d.severity == Severity::Error || warnings {
                    println!("{d}");
                }
            }
            for f in &dicts.files {
                eprintln!("{}: {:?}, {} entries", f.name, f.role, f.entries);
            }
            eprintln!(
                "dyad dict check: {errors} errors, {warns} warnings{}",
                if warnings || warns == 0 { "" } else { " (use --warnings to list them)" }
            );
            Ok(if errors > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
        }
    }
}
