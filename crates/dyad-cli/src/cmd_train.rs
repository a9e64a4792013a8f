//! `dyad train tagger|parser --ud DIR`: retrains a model from a UD treebank with the recipe of the
//! committed models (`dyad_nlp::recipe`); with the defaults it reproduces them byte for byte.
//! Progress goes to standard error, the dev and test scores to standard output.
//! `dyad train wordnet --wordnet DIR` rebuilds the tagger's open-class lexicon from WordNet.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Args, Subcommand};
use dyad_nlp::recipe::{train_parser_recipe, train_tagger_recipe, RecipeOptions};
use dyad_nlp::wordnet::WordNetLexicon;

#[derive(Debug, Subcommand)]
pub enum TrainCommand {
    /// Train the part-of-speech tagger and the lemmatizer (writes tagger.bin and lemma.bin).
    Tagger(TrainArgs),
    /// Train the dependency parser on jackknifed tags (writes parser.bin).
    Parser {
        #[command(flatten)]
        common: TrainArgs,
        /// The tagger that tags dev (to choose the epoch) and scores the parser
        /// [default: OUT/tagger.bin if it exists, else the committed one].
        #[arg(long, value_name = "FILE")]
        tagger: Option<PathBuf>,
        /// Train on gold tags only, without jackknifed tags.
        #[arg(long)]
        gold_tags: bool,
    },
    /// Build the open-class lexicon the tagger uses for words the treebank never saw (writes
    /// wordnet.bin) from the WordNet 3.0 database (Debian: `apt-get install wordnet-base`).
    Wordnet {
        /// WordNet's database folder, with index.noun, verb.exc and the other files.
        #[arg(long, value_name = "DIR", default_value = "/usr/share/wordnet")]
        wordnet: PathBuf,
        /// Folder the lexicon is written to.
        #[arg(long, value_name = "DIR", default_value = "crates/dyad-nlp/models")]
        out: PathBuf,
    },
}

#[derive(Debug, Args)]
pub struct TrainArgs {
    /// Folder with the treebank's *-ud-train.conllu, *-ud-dev.conllu and *-ud-test.conllu
    /// (UD English-EWT for the committed models).
    #[arg(long, value_name = "DIR")]
    ud: PathBuf,
    /// Folder the model files are written to.
    #[arg(long, value_name = "DIR", default_value = "crates/dyad-nlp/models")]
    out: PathBuf,
    /// Seed of the training shuffles [default: the committed models' seed].
    #[arg(long)]
    seed: Option<u64>,
    /// Training epochs [default: the committed models' count].
    #[arg(long)]
    epochs: Option<usize>,
    /// Word clusters, lines `form<TAB>bit string` [default: the committed models/clusters.tsv].
    #[arg(long, value_name = "FILE", conflicts_with = "no_clusters")]
    clusters: Option<PathBuf>,
    /// Train without word clusters.
    #[arg(long)]
    no_clusters: bool,
}

impl TrainArgs {
    fn options(&self) -> RecipeOptions {
        let mut opts = RecipeOptions::new(&self.ud, &self.out);
        if let Some(seed) = self.seed {
            opts = opts.with_seed(seed);
        }
        if self.no_clusters {
            opts.clusters = None;
        } else if let Some(path) = &self.clusters {
            opts.clusters = Some(path.clone());
        }
        opts
    }
}

pub fn run(command: TrainCommand) -> Result<ExitCode> {
    let mut log = |line: &str| eprintln!("{line}");
    match command {
        TrainCommand::Tagger(args) => {
            let mut opts = args.options();
            if let Some(epochs) = args.epochs {
                opts.tagger.epochs = epochs;
            }
            let report = train_tagger_recipe(&opts, &mut log).context("cannot train the tagger")?;
            println!("{report}");
            println!("trained in {:.1} s", report.train_seconds);
        }
        TrainCommand::Parser { common, tagger, gold_tags } => {
            let mut opts = common.options();
            if let Some(epochs) = common.epochs {
                opts.parser.epochs = epochs;
            }
            opts.tagger_model = tagger;
            if gold_tags {
                opts.jackknife_folds = 0;
            }
            let report = train_parser_recipe(&opts, &mut log).context("cannot train the parser")?;
            println!("{report}");
            println!("trained in {:.1} s", report.train_seconds);
        }
        TrainCommand::Wordnet { wordnet, out } => {
            let bytes =
                WordNetLexicon::build_from_dir(&wordnet).context("cannot build the WordNet lexicon")?;
            let lexicon =
                WordNetLexicon::from_bytes(&bytes).context("the lexicon just built does not load")?;
            std::fs::create_dir_all(&out).with_context(|| format!("cannot create {}", out.display()))?;
            let path = out.join("wordnet.bin");
            std::fs::write(&path, &bytes).with_context(|| format!("cannot write {}", path.display()))?;
            println!("wrote {} ({} bytes, {} forms)", path.display(), bytes.len(), lexicon.len());
        }
    }
    Ok(ExitCode::SUCCESS)
}
