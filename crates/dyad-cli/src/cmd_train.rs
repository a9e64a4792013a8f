//! `dyad train tagger|parser`: retrains a model from a UD treebank with a fixed seed and prints
//! its scores, so the committed models can be reproduced.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Args, ValueEnum};
use dyad_nlp::conllu::{self, ConlluSentence};

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Model {
    /// The part-of-speech tagger and the lemmatizer.
    Tagger,
    /// The dependency parser (uses the tagger in --out for predicted tags when present).
    Parser,
}

#[derive(Debug, Args)]
pub struct TrainArgs {
    /// Which model to train.
    model: Model,
    /// Folder with the treebank's *-ud-train.conllu, *-ud-dev.conllu and *-ud-test.conllu.
    #[arg(long)]
    ud: PathBuf,
    /// Folder the model files are written to.
    #[arg(long, default_value = "crates/dyad-nlp/models")]
    out: PathBuf,
    /// Random seed (training is deterministic for a given seed).
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Training epochs (0 keeps the trainer's default).
    #[arg(long, default_value_t = 0)]
    epochs: usize,
}

fn read_split(dir: &Path, split: &str) -> Result<Vec<ConlluSentence>> {
    let entries = std::fs::read_dir(dir).with_context(|| format!("cannot read {}", dir.display()))?;
    let suffix = format!("-ud-{split}.conllu");
    for entry in entries {
        let path = entry?.path();
        if path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.ends_with(&suffix)) {
            let text =
                std::fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?;
            return conllu::parse(&text).with_context(|| format!("{}", path.display()));
        }
    }
    anyhow::bail!("no *{suffix} file in {}", dir.display())
}

pub fn run(args: TrainArgs) -> Result<ExitCode> {
    let train = read_split(&args.ud, "train")?;
    let dev = read_split(&args.ud, "dev")?;
    let test = read_split(&args.ud, "test")?;
    std::fs::create_dir_all(&args.out).with_context(|| format!("cannot create {}", args.out.display()))?;
    let mut log = |line: &str| eprintln!("{line}");
    match args.model {
        Model::Tagger => {
            use dyad_nlp::tagger::train as t;
            let mut cfg = t::TaggerTrainConfig { seed: args.seed, ..Default::default() };
            // The committed model uses the Brown clusters shipped beside it; without them a
            // retrained tagger would not match it.
            let clusters_path = t::committed_clusters_path();
            let clusters = std::fs::read_to_string(&clusters_path)
                .with_context(|| format!("cannot read word clusters {}", clusters_path.display()))?;
            cfg.clusters = t::parse_clusters(&clusters)
                .map_err(|e| anyhow::anyhow!("{}: {e}", clusters_path.display()))?;
            if args.epochs > 0 {
                cfg.epochs = args.epochs;
            }
            let tagger = t::train_tagger(&train, &dev, &cfg, &mut log);
            let lemmatizer = dyad_nlp::lemma::learn_lemmatizer(&train);
            for (name, set) in [("dev", &dev), ("test", &test)] {
                let s = t::evaluate_tagger(&tagger, set);
                let l = dyad_nlp::lemma::evaluate_lemmatizer(&lemmatizer, set);
                println!(
                    "{name}: UPOS {:.2} %, XPOS {:.2} %, lemma {:.2} % ({} tokens, gold tokenization)",
                    100.0 * s.upos,
                    100.0 * s.xpos,
                    100.0 * l.accuracy,
                    s.tokens
                );
            }
            write(&args.out.join("tagger.bin"), &tagger.to_bytes())?;
            write(&args.out.join("lemma.bin"), &lemmatizer.to_bytes())?;
        }
        Model::Parser => {
            use dyad_nlp::parser::train as p;
            let mut cfg = p::ParserTrainConfig { seed: args.seed, ..Default::default() };
            if args.epochs > 0 {
                cfg.epochs = args.epochs;
            }
            let parser = p::train_parser(&train, &dev, &cfg, &mut log);
            for (name, set) in [("dev", &dev), ("test", &test)] {
                let s = p::evaluate_parser(&parser, set, p::TagSource::Gold);
                println!("{name} (gold tags): UAS {:.2} %, LAS {:.2} % ({} tokens)", s.uas, s.las, s.tokens);
            }
            write(&args.out.join("parser.bin"), &parser.to_bytes())?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn write(path: &Path, bytes: &[u8]) -> Result<()> {
    std::fs::write(path, bytes).with_context(|| format!("cannot write {}", path.display()))?;
    eprintln!("wrote {} ({} bytes)", path.display(), bytes.len());
    Ok(())
}
