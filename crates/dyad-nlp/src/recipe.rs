//! The recipes that train the committed models from a UD treebank, one call per model, so that
//! `dyad train tagger|parser` (and the `train_tagger`/`train_parser` examples) reproduce
//! `models/tagger.bin`, `models/lemma.bin` and `models/parser.bin` byte for byte.
//!
//! A recipe reads the treebank's `*-ud-train.conllu`, `*-ud-dev.conllu` and `*-ud-test.conllu`,
//! the word clusters, trains with a fixed seed, writes the model files and scores them on dev and
//! test. It does not print: progress goes to the caller's `log` callback and the scores come back
//! in the report.

use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Instant;

use dyad_text::Span;

use crate::conllu::{self, ConlluError, ConlluSentence};
use crate::lemma::{evaluate_lemmatizer, learn_lemmatizer, Lemmatizer};
use crate::model::ModelError;
use crate::parser::train::{evaluate_parser, train_parser, ParseScores, ParserTrainConfig, TagSource};
use crate::parser::Parser;
use crate::tagger::train::{
    committed_clusters_path, evaluate_tagger, parse_clusters, train_tagger, ClustersError, TaggerTrainConfig,
};
use crate::tagger::{Tagger, TaggerScratch};
use crate::tags::{Upos, Xpos};

/// Why a recipe stopped. Each variant names the file it was reading or writing.
#[derive(Debug, thiserror::Error)]
pub enum RecipeError {
    #[error("cannot read {path}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot write {path}")]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: {source}")]
    Conllu { path: PathBuf, source: ConlluError },
    #[error("{path}: {source}")]
    Clusters { path: PathBuf, source: ClustersError },
    #[error("{path}: {source}")]
    Model { path: PathBuf, source: ModelError },
    #[error("no *-ud-{split}.conllu file in {dir}")]
    MissingSplit { dir: PathBuf, split: &'static str },
    #[error("more than one *-ud-{split}.conllu file in {dir}: {names}")]
    AmbiguousSplit { dir: PathBuf, split: &'static str, names: String },
    #[error("{path}: no sentences")]
    Empty { path: PathBuf },
    #[error(
        "jackknifed training tags dev with a trained tagger, and there is none at {tried}: train the \
         tagger into the output folder first, name one, or train on gold tags only"
    )]
    NoTagger { tried: PathBuf },
}

/// What to train from and where to write. [`RecipeOptions::new`] gives the settings of the
/// committed models; change a field to experiment.
#[derive(Debug, Clone)]
pub struct RecipeOptions {
    /// Folder with the treebank's `*-ud-train.conllu`, `*-ud-dev.conllu` and `*-ud-test.conllu`.
    pub ud_dir: PathBuf,
    /// Folder the model files are written to (created when missing).
    pub out_dir: PathBuf,
    /// Word clusters, lines `form<TAB>bit string`, given to both the tagger and the parser;
    /// `None` leaves the configs' own (empty by default).
    pub clusters: Option<PathBuf>,
    /// Tagger settings (also those of the jackknife taggers of the parser recipe).
    pub tagger: TaggerTrainConfig,
    /// Parser settings.
    pub parser: ParserTrainConfig,
    /// The parser recipe trains on tags predicted by this many taggers, each trained on the other
    /// folds of the training set, so that it learns the tag errors it will meet; below 2 it trains
    /// on gold tags only.
    pub jackknife_folds: usize,
    /// With jackknifing, also train on a second copy of the training set with gold tags.
    pub mix_gold_tags: bool,
    /// The tagger the parser recipe tags dev with (to choose the epoch) and scores with;
    /// `None`: `out_dir/tagger.bin` when it exists, else the committed one.
    pub tagger_model: Option<PathBuf>,
}

impl RecipeOptions {
    /// The settings of the committed models: committed word clusters, default configs, 4-fold
    /// jackknifing mixed with gold tags.
    pub fn new(ud_dir: impl Into<PathBuf>, out_dir: impl Into<PathBuf>) -> RecipeOptions {
        RecipeOptions {
            ud_dir: ud_dir.into(),
            out_dir: out_dir.into(),
            clusters: Some(committed_clusters_path()),
            tagger: TaggerTrainConfig::default(),
            parser: ParserTrainConfig::default(),
            jackknife_folds: 4,
            mix_gold_tags: true,
            tagger_model: None,
        }
    }

    /// Sets the seed of every shuffle in both recipes (tagger, jackknife taggers and parser).
    pub fn with_seed(mut self, seed: u64) -> RecipeOptions {
        self.tagger.seed = seed;
        self.parser.seed = seed;
        self
    }
}

/// Where the committed models are (`crates/dyad-nlp/models` of the source checkout this crate
/// was built from).
pub fn committed_models_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("models")
}

/// A model file a recipe wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrittenFile {
    pub path: PathBuf,
    pub bytes: usize,
}

/// Tagger and lemmatizer scores on one set, in percent of its tokens.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct TaggerScores {
    pub upos: f64,
    pub xpos: f64,
    /// Lemmas from the gold tags.
    pub lemma_gold_tags: f64,
    /// Lemmas from the tagger's tags, as the pipeline produces them.
    pub lemma_predicted_tags: f64,
    pub tokens: usize,
}

/// What [`train_tagger_recipe`] did.
#[derive(Debug, Clone)]
pub struct TaggerReport {
    pub dev: TaggerScores,
    pub test: TaggerScores,
    pub files: Vec<WrittenFile>,
    /// Wall-clock seconds of training (reading and scoring left out).
    pub train_seconds: f64,
}

/// Parser scores on one set.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct ParserScores {
    /// With the treebank's tags.
    pub gold_tags: ParseScores,
    /// With the tagger's tags, when there is a tagger.
    pub predicted: Option<PredictedScores>,
}

/// Parser scores with predicted tags, and the accuracy of those tags (percent).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct PredictedScores {
    pub parse: ParseScores,
    pub xpos: f64,
    pub upos: f64,
}

/// What [`train_parser_recipe`] did.
#[derive(Debug, Clone)]
pub struct ParserReport {
    pub dev: ParserScores,
    pub test: ParserScores,
    /// The tagger used for dev tags and predicted-tag scores.
    pub tagger: Option<PathBuf>,
    pub files: Vec<WrittenFile>,
    /// Wall-clock seconds of training, jackknifing included.
    pub train_seconds: f64,
}

impl fmt::Display for TaggerScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "UPOS {:.2} %  XPOS {:.2} %  lemma {:.2} % (gold tags), {:.2} % (predicted tags)  ({} tokens)",
            self.upos, self.xpos, self.lemma_gold_tags, self.lemma_predicted_tags, self.tokens
        )
    }
}

impl fmt::Display for TaggerReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "dev:  {}", self.dev)?;
        write!(f, "test: {}", self.test)
    }
}

impl fmt::Display for ParserScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let g = &self.gold_tags;
        write!(f, "gold tags UAS {:.2} LAS {:.2}", g.uas, g.las)?;
        if let Some(p) = &self.predicted {
            write!(
                f,
                "; predicted tags UAS {:.2} LAS {:.2} (tagger XPOS {:.2} % UPOS {:.2} %)",
                p.parse.uas, p.parse.las, p.xpos, p.upos
            )?;
        }
        write!(f, "  ({} words, punctuation included)", g.tokens)
    }
}

impl fmt::Display for ParserReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "dev:  {}", self.dev)?;
        write!(f, "test: {}", self.test)
    }
}

/// Reads the treebank file of one split (`train`, `dev` or `test`): the one file of `dir` whose
/// name ends in `-ud-{split}.conllu`.
pub fn read_ud_split(dir: &Path, split: &'static str) -> Result<Vec<ConlluSentence>, RecipeError> {
    let suffix = format!("-ud-{split}.conllu");
    let entries =
        std::fs::read_dir(dir).map_err(|source| RecipeError::Read { path: dir.to_path_buf(), source })?;
    let mut found = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|source| RecipeError::Read { path: dir.to_path_buf(), source })?;
        let name = entry.file_name();
        if name.to_str().is_some_and(|n| n.ends_with(&suffix)) {
            found.push(entry.path());
        }
    }
    found.sort();
    let path = match found.as_slice() {
        [] => return Err(RecipeError::MissingSplit { dir: dir.to_path_buf(), split }),
        [one] => one.clone(),
        many => {
            let names = many.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ");
            return Err(RecipeError::AmbiguousSplit { dir: dir.to_path_buf(), split, names });
        }
    };
    let text =
        std::fs::read_to_string(&path).map_err(|source| RecipeError::Read { path: path.clone(), source })?;
    let sents = conllu::parse(&text).map_err(|source| RecipeError::Conllu { path: path.clone(), source })?;
    if sents.is_empty() {
        return Err(RecipeError::Empty { path });
    }
    Ok(sents)
}

/// The three splits of the treebank in `dir`.
struct Treebank {
    train: Vec<ConlluSentence>,
    dev: Vec<ConlluSentence>,
    test: Vec<ConlluSentence>,
}

fn read_treebank(dir: &Path, log: &mut dyn FnMut(&str)) -> Result<Treebank, RecipeError> {
    let tb = Treebank {
        train: read_ud_split(dir, "train")?,
        dev: read_ud_split(dir, "dev")?,
        test: read_ud_split(dir, "test")?,
    };
    log(&format!(
        "{}: {} train, {} dev, {} test sentences",
        dir.display(),
        tb.train.len(),
        tb.dev.len(),
        tb.test.len()
    ));
    Ok(tb)
}

/// Word clusters as the tagger (bit strings as integers) and the parser (as strings) take them.
type ClusterLists = (Vec<(String, u64)>, Vec<(String, String)>);

fn read_clusters(path: &Path) -> Result<ClusterLists, RecipeError> {
    let text = std::fs::read_to_string(path)
        .map_err(|source| RecipeError::Read { path: path.to_path_buf(), source })?;
    let for_tagger =
        parse_clusters(&text).map_err(|source| RecipeError::Clusters { path: path.to_path_buf(), source })?;
    let for_parser = text
        .lines()
        .filter_map(|l| l.split_once('\t'))
        .map(|(f, b)| (f.to_string(), b.trim().to_string()))
        .collect();
    Ok((for_tagger, for_parser))
}

fn write_file(path: PathBuf, bytes: &[u8], log: &mut dyn FnMut(&str)) -> Result<WrittenFile, RecipeError> {
    std::fs::write(&path, bytes).map_err(|source| RecipeError::Write { path: path.clone(), source })?;
    log(&format!("wrote {} ({} bytes)", path.display(), bytes.len()));
    Ok(WrittenFile { path, bytes: bytes.len() })
}

fn create_out_dir(dir: &Path) -> Result<(), RecipeError> {
    std::fs::create_dir_all(dir).map_err(|source| RecipeError::Write { path: dir.to_path_buf(), source })
}

/// Trains the tagger and the lemmatizer on the treebank in `opts.ud_dir`, writes `tagger.bin`
/// and `lemma.bin` into `opts.out_dir`, and scores the written models on dev and test.
pub fn train_tagger_recipe(
    opts: &RecipeOptions,
    log: &mut dyn FnMut(&str),
) -> Result<TaggerReport, RecipeError> {
    let tb = read_treebank(&opts.ud_dir, log)?;
    let mut cfg = opts.tagger.clone();
    if let Some(path) = &opts.clusters {
        cfg.clusters = read_clusters(path)?.0;
        log(&format!("{} clusters from {}", cfg.clusters.len(), path.display()));
    }
    create_out_dir(&opts.out_dir)?;
    let t0 = Instant::now();
    let tagger = train_tagger(&tb.train, &tb.dev, &cfg, log);
    let lemmatizer = learn_lemmatizer(&tb.train);
    let train_seconds = t0.elapsed().as_secs_f64();
    log(&format!("trained in {train_seconds:.1} s"));
    let (tagger_bytes, lemma_bytes) = (tagger.to_bytes(), lemmatizer.to_bytes());
    let files = vec![
        write_file(opts.out_dir.join("tagger.bin"), &tagger_bytes, log)?,
        write_file(opts.out_dir.join("lemma.bin"), &lemma_bytes, log)?,
    ];
    // Score the models as they load from the written bytes, so a report vouches for the files.
    let tagger = Tagger::from_bytes(&tagger_bytes)
        .map_err(|source| RecipeError::Model { path: files[0].path.clone(), source })?;
    let lemmatizer = Lemmatizer::from_bytes(&lemma_bytes)
        .map_err(|source| RecipeError::Model { path: files[1].path.clone(), source })?;
    Ok(TaggerReport {
        dev: score_tagger(&tagger, &lemmatizer, &tb.dev),
        test: score_tagger(&tagger, &lemmatizer, &tb.test),
        files,
        train_seconds,
    })
}

/// Scores a tagger and lemmatizer against the gold tags and lemmas of `gold`.
pub fn score_tagger(tagger: &Tagger, lemmatizer: &Lemmatizer, gold: &[ConlluSentence]) -> TaggerScores {
    let tags = evaluate_tagger(tagger, gold);
    let lemmas = evaluate_lemmatizer(lemmatizer, gold);
    let (mut ok, mut n) = (0usize, 0usize);
    let mut scratch = TaggerScratch::default();
    let (mut upos, mut xpos) = (Vec::new(), Vec::new());
    let mut lemma = String::new();
    for sent in gold {
        let words: Vec<&str> = sent.words.iter().map(|w| w.form.as_str()).collect();
        tagger.tag_words(&words, &mut scratch, &mut upos, &mut xpos);
        for ((w, u), x) in sent.words.iter().zip(&upos).zip(&xpos) {
            lemma.clear();
            lemmatizer.lemma_into(&w.form, *x, *u, &mut lemma);
            ok += (lemma == w.lemma) as usize;
            n += 1;
        }
    }
    TaggerScores {
        upos: 100.0 * tags.upos,
        xpos: 100.0 * tags.xpos,
        lemma_gold_tags: 100.0 * lemmas.accuracy,
        lemma_predicted_tags: 100.0 * ok as f64 / n.max(1) as f64,
        tokens: tags.tokens,
    }
}

/// Replaces the tags of `sents` with the tagger's.
fn retag(tagger: &Tagger, sents: &mut [ConlluSentence]) {
    let mut scratch = TaggerScratch::default();
    let (mut upos, mut xpos) = (Vec::new(), Vec::new());
    for s in sents {
        let (text, spans) = s.layout();
        tagger.tag(&text, &spans, &mut scratch, &mut upos, &mut xpos);
        for ((w, u), x) in s.words.iter_mut().zip(&upos).zip(&xpos) {
            w.upos = *u;
            w.xpos = *x;
        }
    }
}

/// XPOS and UPOS accuracy of `tagged` against `gold`, in percent.
fn tag_accuracy(gold: &[ConlluSentence], tagged: &[ConlluSentence]) -> (f64, f64) {
    let (mut x, mut u, mut all) = (0usize, 0usize, 0usize);
    for (g, t) in gold.iter().zip(tagged) {
        for (a, b) in g.words.iter().zip(&t.words) {
            all += 1;
            x += (a.xpos == b.xpos) as usize;
            u += (a.upos == b.upos) as usize;
        }
    }
    let pct = |n: usize| 100.0 * n as f64 / all.max(1) as f64;
    (pct(x), pct(u))
}

fn load_tagger(path: &Path) -> Result<Tagger, RecipeError> {
    let bytes =
        std::fs::read(path).map_err(|source| RecipeError::Read { path: path.to_path_buf(), source })?;
    Tagger::from_bytes(&bytes).map_err(|source| RecipeError::Model { path: path.to_path_buf(), source })
}

/// The tagger of `opts.tagger_model`, else of `out_dir/tagger.bin`, else the committed one;
/// `None` when none of the defaults exists.
fn find_tagger(opts: &RecipeOptions) -> Result<Option<(PathBuf, Tagger)>, RecipeError> {
    if let Some(path) = &opts.tagger_model {
        return Ok(Some((path.clone(), load_tagger(path)?)));
    }
    for path in [opts.out_dir.join("tagger.bin"), committed_models_dir().join("tagger.bin")] {
        if path.is_file() {
            let tagger = load_tagger(&path)?;
            return Ok(Some((path, tagger)));
        }
    }
    Ok(None)
}

/// Trains the dependency parser on the treebank in `opts.ud_dir`, writes `parser.bin` into
/// `opts.out_dir`, and scores the written model on dev and test, with gold tags and with the
/// tagger's.
///
/// With `opts.jackknife_folds >= 2` the parser trains on tags predicted by fold taggers (plus,
/// with `mix_gold_tags`, a copy with gold tags) and chooses its epoch on dev tagged by the
/// tagger of [`RecipeOptions::tagger_model`], so that tagger is part of the recipe.
pub fn train_parser_recipe(
    opts: &RecipeOptions,
    log: &mut dyn FnMut(&str),
) -> Result<ParserReport, RecipeError> {
    let tb = read_treebank(&opts.ud_dir, log)?;
    let mut cfg = opts.parser.clone();
    let mut tagger_cfg = opts.tagger.clone();
    if let Some(path) = &opts.clusters {
        let (for_tagger, for_parser) = read_clusters(path)?;
        log(&format!("{} clusters from {}", for_parser.len(), path.display()));
        tagger_cfg.clusters = for_tagger;
        cfg.clusters = for_parser;
    }
    let jackknife = opts.jackknife_folds >= 2;
    let tagger = find_tagger(opts)?;
    match &tagger {
        Some((path, _)) => log(&format!("tagger: {}", path.display())),
        None if jackknife => {
            return Err(RecipeError::NoTagger { tried: opts.out_dir.join("tagger.bin") });
        }
        None => log("no tagger: scoring with gold tags only"),
    }
    create_out_dir(&opts.out_dir)?;
    let t0 = Instant::now();
    let (mut train_in, mut dev_in) = (tb.train.clone(), tb.dev.clone());
    if let (true, Some((_, tagger))) = (jackknife, &tagger) {
        let folds = opts.jackknife_folds;
        for k in 0..folds {
            let rest: Vec<ConlluSentence> =
                tb.train.iter().enumerate().filter(|(i, _)| i % folds != k).map(|(_, s)| s.clone()).collect();
            let fold_tagger = train_tagger(&rest, &tb.dev, &tagger_cfg, &mut |_| {});
            let idx: Vec<usize> = (0..tb.train.len()).filter(|i| i % folds == k).collect();
            let mut fold: Vec<ConlluSentence> = idx.iter().map(|&i| tb.train[i].clone()).collect();
            retag(&fold_tagger, &mut fold);
            for (i, s) in idx.into_iter().zip(fold) {
                train_in[i] = s;
            }
            log(&format!("jackknife fold {}/{folds} tagged ({:.0} s)", k + 1, t0.elapsed().as_secs_f64()));
        }
        retag(tagger, &mut dev_in);
        let (tx, tu) = tag_accuracy(&tb.train, &train_in);
        let (dx, du) = tag_accuracy(&tb.dev, &dev_in);
        log(&format!(
            "jackknifed tags: train XPOS {tx:.2} % UPOS {tu:.2} %, dev XPOS {dx:.2} % UPOS {du:.2} %"
        ));
        if opts.mix_gold_tags {
            train_in.extend(tb.train.iter().cloned());
        }
    }
    let parser = train_parser(&train_in, &dev_in, &cfg, log);
    let train_seconds = t0.elapsed().as_secs_f64();
    log(&format!("trained in {train_seconds:.1} s"));
    let bytes = parser.to_bytes();
    let files = vec![write_file(opts.out_dir.join("parser.bin"), &bytes, log)?];
    let parser = Parser::from_bytes(&bytes)
        .map_err(|source| RecipeError::Model { path: files[0].path.clone(), source })?;
    let tagger_ref = tagger.as_ref().map(|(_, t)| t);
    Ok(ParserReport {
        dev: score_parser(&parser, tagger_ref, &tb.dev),
        test: score_parser(&parser, tagger_ref, &tb.test),
        tagger: tagger.map(|(p, _)| p),
        files,
        train_seconds,
    })
}

/// Scores a parser on `gold` with gold tags and, given a tagger, with its tags.
pub fn score_parser(parser: &Parser, tagger: Option<&Tagger>, gold: &[ConlluSentence]) -> ParserScores {
    let gold_tags = evaluate_parser(parser, gold, TagSource::Gold);
    let predicted = tagger.map(|tagger| {
        let scratch = std::cell::RefCell::new(TaggerScratch::default());
        let tag = |text: &str, spans: &[Span], u: &mut Vec<Upos>, x: &mut Vec<Xpos>| {
            tagger.tag(text, spans, &mut scratch.borrow_mut(), u, x);
        };
        let mut tagged = gold.to_vec();
        retag(tagger, &mut tagged);
        let (xpos, upos) = tag_accuracy(gold, &tagged);
        PredictedScores { parse: evaluate_parser(parser, gold, TagSource::Predicted(&tag)), xpos, upos }
    });
    ParserScores { gold_tags, predicted }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parser::{ParseInput, ParserScratch};

    static SLICE: &str = include_str!("../testdata/ewt-test-slice.conllu");

    /// A scratch folder holding the committed EWT slice cut into pseudo train/dev/test splits.
    struct TinyTreebank(PathBuf);

    impl TinyTreebank {
        fn new(name: &str) -> TinyTreebank {
            let dir = std::env::temp_dir().join(format!("dyad-recipe-{name}-{}", std::process::id()));
            let _ = std::fs::remove_dir_all(&dir);
            std::fs::create_dir_all(dir.join("ud")).unwrap();
            // Sentences are separated by blank lines; every 10th goes to dev, the next to test.
            let sents: Vec<&str> = SLICE.split("\n\n").filter(|s| !s.trim().is_empty()).collect();
            let mut parts = [String::new(), String::new(), String::new()];
            for (i, s) in sents.iter().enumerate() {
                let part = match i % 10 {
                    0 => 1,
                    1 => 2,
                    _ => 0,
                };
                parts[part].push_str(s.trim_end());
                parts[part].push_str("\n\n");
            }
            for (part, split) in parts.iter().zip(["train", "dev", "test"]) {
                std::fs::write(dir.join("ud").join(format!("tiny-ud-{split}.conllu")), part).unwrap();
            }
            TinyTreebank(dir)
        }

        fn options(&self) -> RecipeOptions {
            let mut opts = RecipeOptions::new(self.0.join("ud"), self.0.join("out"));
            opts.clusters = None;
            opts.tagger.epochs = 1;
            opts.tagger.lexicon_folds = 2;
            opts.parser.epochs = 1;
            opts.parser.action_table_bits = 14;
            opts.parser.label_table_bits = 12;
            opts
        }
    }

    impl Drop for TinyTreebank {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    #[test]
    fn tagger_recipe_writes_models_that_load_and_tag() {
        let tiny = TinyTreebank::new("tagger");
        let mut lines = Vec::new();
        let report = train_tagger_recipe(&tiny.options(), &mut |l| lines.push(l.to_string())).unwrap();
        assert!(lines.iter().any(|l| l.contains("train,")), "{lines:?}");
        assert_eq!(report.files.len(), 2);
        assert!(report.dev.upos > 50.0 && report.test.xpos > 40.0, "{report}");
        let tagger = Tagger::from_bytes(&std::fs::read(tiny.0.join("out/tagger.bin")).unwrap()).unwrap();
        let lem = Lemmatizer::from_bytes(&std::fs::read(tiny.0.join("out/lemma.bin")).unwrap()).unwrap();
        let (mut u, mut x) = (Vec::new(), Vec::new());
        tagger.tag_words(&["The", "talks", "ended", "."], &mut TaggerScratch::default(), &mut u, &mut x);
        assert_eq!((u.len(), x.len()), (4, 4));
        assert_eq!(u[3], Upos::PUNCT);
        let mut lemma = String::new();
        lem.lemma_into("talks", x[1], u[1], &mut lemma);
        assert!(!lemma.is_empty());
    }

    #[test]
    fn parser_recipe_jackknifes_and_writes_a_model_that_parses() {
        let tiny = TinyTreebank::new("parser");
        let mut opts = tiny.options();
        opts.jackknife_folds = 2;
        let mut lines = Vec::new();
        let report = train_parser_recipe(&opts, &mut |l| lines.push(l.to_string())).unwrap();
        assert!(lines.iter().any(|l| l.starts_with("jackknife fold 2/2")), "{lines:?}");
        // With no tagger in the output folder the committed one tags dev and scores.
        assert_eq!(report.tagger, Some(committed_models_dir().join("tagger.bin")));
        assert!(report.dev.predicted.is_some());
        assert!(report.dev.gold_tags.uas > 30.0, "{report}");
        let parser = Parser::from_bytes(&std::fs::read(tiny.0.join("out/parser.bin")).unwrap()).unwrap();
        let text = "The talks ended .";
        let spans = [Span::new(0, 3), Span::new(4, 9), Span::new(10, 15), Span::new(16, 17)];
        let upos = [Upos::DET, Upos::NOUN, Upos::VERB, Upos::PUNCT];
        let xpos = ["DT", "NNS", "VBD", "."].map(Xpos::from_name_lossy);
        let (mut heads, mut rels) = (Vec::new(), Vec::new());
        parser.parse(
            &ParseInput { text, spans: &spans, upos: &upos, xpos: &xpos },
            &mut ParserScratch::default(),
            &mut heads,
            &mut rels,
        );
        assert_eq!((heads.len(), rels.len()), (4, 4));
        assert_eq!(heads.iter().filter(|&&h| h == 0).count(), 1, "{heads:?}");
    }

    #[test]
    fn missing_and_ambiguous_splits_are_named() {
        let tiny = TinyTreebank::new("errors");
        let mut opts = tiny.options();
        std::fs::remove_file(tiny.0.join("ud/tiny-ud-test.conllu")).unwrap();
        let err = train_tagger_recipe(&opts, &mut |_| {}).unwrap_err();
        assert!(matches!(err, RecipeError::MissingSplit { split: "test", .. }), "{err}");
        std::fs::write(tiny.0.join("ud/a-ud-test.conllu"), "").unwrap();
        std::fs::write(tiny.0.join("ud/b-ud-test.conllu"), "").unwrap();
        let err = train_tagger_recipe(&opts, &mut |_| {}).unwrap_err();
        assert!(matches!(err, RecipeError::AmbiguousSplit { .. }), "{err}");
        opts.jackknife_folds = 4;
        opts.tagger_model = Some(tiny.0.join("no-such-tagger.bin"));
        std::fs::remove_file(tiny.0.join("ud/b-ud-test.conllu")).unwrap();
        let err = train_parser_recipe(&opts, &mut |_| {}).unwrap_err();
        assert!(matches!(err, RecipeError::Empty { .. }), "{err}");
        std::fs::copy(tiny.0.join("ud/tiny-ud-dev.conllu"), tiny.0.join("ud/a-ud-test.conllu")).unwrap();
        let err = train_parser_recipe(&opts, &mut |_| {}).unwrap_err();
        assert!(err.to_string().contains("no-such-tagger.bin"), "{err}");
    }
}
