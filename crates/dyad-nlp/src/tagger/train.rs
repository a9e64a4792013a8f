//! Training and evaluation of the tagger (and, re-exported, of the lemmatizer).
//!
//! Training is a greedy averaged perceptron over joint (XPOS, UPOS) classes with a fixed-seed
//! shuffle, so a run is reproducible. The model of the epoch that scores best on the development
//! set is kept.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::conllu::ConlluSentence;
use crate::tags::{Upos, Xpos};

use super::bin::HashIndex;
use super::features::{self, TokFeat, NO_TAG, N_FEATS};
use super::{Tagger, TaggerScratch};

pub use crate::lemma::{evaluate_lemmatizer, learn_lemmatizer, LemmaScores};

/// Settings of a training run.
#[derive(Debug, Clone)]
pub struct TaggerTrainConfig {
    /// Passes over the training data.
    pub epochs: usize,
    /// Seed of the sentence shuffle.
    pub seed: u64,
    /// Features seen fewer times than this in training are dropped from the model.
    pub min_feature_count: u32,
    /// A form goes into the tag dictionary when seen at least this often...
    pub dict_min_count: u32,
    /// ...with one class at least this share of the time.
    pub dict_min_share: f64,
    /// Lowercase forms seen at least this often get an ambiguity class...
    pub amb_min_count: u32,
    /// ...made of the XPOS tags that account for at least this share of their uses.
    pub amb_min_share: f64,
    /// (XPOS, UPOS) pairs seen fewer times than this are merged into the most frequent pair with
    /// the same XPOS, which keeps the class count (and the tagger's work per token) down.
    pub min_class_count: u32,
    /// Folds for the lexicon the training sentences see (1: the lexicon of all training data).
    pub lexicon_folds: usize,
    /// Word clusters (e.g. Brown clusters) by exact form: form, then cluster bit string as an
    /// integer with a leading 1 bit. Empty for none.
    pub clusters: Vec<(String, u64)>,
}

impl Default for TaggerTrainConfig {
    fn default() -> Self {
        TaggerTrainConfig {
            epochs: 10,
            seed: 0x5eed_d1ad,
            min_feature_count: 2,
            dict_min_count: 20,
            dict_min_share: 0.995,
            amb_min_count: 1,
            amb_min_share: 0.02,
            min_class_count: 1,
            lexicon_folds: 10,
            clusters: Vec::new(),
        }
    }
}

/// A bad line in a word-cluster file.
#[derive(Debug, thiserror::Error)]
#[error("line {line}: {problem}")]
pub struct ClustersError {
    pub line: usize,
    pub problem: String,
}

/// Where the committed word clusters are (`crates/dyad-nlp/models/clusters.tsv` of the source
/// checkout this crate was built from); training with them reproduces the committed model.
pub fn committed_clusters_path() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("models").join("clusters.tsv")
}

/// Reads word clusters for [`TaggerTrainConfig::clusters`]: lines `form<TAB>bit string` (the
/// path of the form's Brown cluster, e.g. `0110`), as in the committed `models/clusters.tsv`.
pub fn parse_clusters(text: &str) -> Result<Vec<(String, u64)>, ClustersError> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let Some((form, bits)) = line.split_once('\t') else { continue };
        let bits = bits.trim();
        let err = |problem: &str| ClustersError { line: i + 1, problem: problem.to_string() };
        if bits.len() > 62 {
            return Err(err("bit string too long"));
        }
        let c = if bits.is_empty() {
            0
        } else {
            u64::from_str_radix(bits, 2).map_err(|_| err("bad bit string"))?
        };
        // A leading 1 bit keeps the length of the bit string.
        out.push((form.to_string(), (1u64 << bits.len()) | c));
    }
    Ok(out)
}

/// Rows with at least this many weights are stored dense.
const DENSE_MIN: usize = 16;

/// Tagging accuracy against gold tags.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct TagScores {
    /// Share of tokens with the right UPOS (0..=1).
    pub upos: f64,
    /// Share of tokens with the right XPOS (0..=1).
    pub xpos: f64,
    /// Tokens scored.
    pub tokens: usize,
}

/// A hasher for keys that already are good 64-bit hashes.
#[derive(Default)]
struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = features::mix(self.0 ^ b as u64);
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }
}

type IdMap<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;

/// One weight during training: current value and the running sum for averaging.
#[derive(Debug, Clone, Copy)]
struct Weight {
    class: u8,
    w: f32,
    /// Sum of `step * delta` over the updates, so that the average is `w - u / steps`.
    u: f32,
}

#[derive(Debug, Default)]
struct Row {
    count: u32,
    weights: Vec<Weight>,
}

struct Perceptron {
    rows: IdMap<Row>,
    steps: f32,
    n_classes: usize,
}

impl Perceptron {
    fn score(&self, keys: &[u64], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        for k in keys {
            if let Some(r) = self.rows.get(k) {
                for w in &r.weights {
                    scores[w.class as usize] += w.w;
                }
            }
        }
    }

    fn update(&mut self, keys: &[u64], class: u32, delta: f32) {
        for &k in keys {
            let r = self.rows.entry(k).or_default();
            match r.weights.iter_mut().find(|w| w.class as u32 == class) {
                Some(w) => {
                    w.w += delta;
                    w.u += self.steps * delta;
                }
                None => r.weights.push(Weight { class: class as u8, w: delta, u: self.steps * delta }),
            }
        }
    }

    fn count(&mut self, keys: &[u64]) {
        for &k in keys {
            self.rows.entry(k).or_default().count += 1;
        }
    }

    /// The averaged, quantized and pruned model.
    fn finish(&self, classes: &[(Xpos, Upos)], lex: &HashIndex, min_count: u32) -> Tagger {
        let steps = self.steps.max(1.0);
        let avg = |w: &Weight| w.w - w.u / steps;
        let max = self
            .rows
            .values()
            .filter(|r| r.count >= min_count)
            .flat_map(|r| r.weights.iter().map(avg))
            .fold(0.0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 { super::MAX_WEIGHT as f32 / max } else { 1.0 };
        let mut keys: Vec<u64> = self.rows.keys().copied().collect();
        keys.sort_unstable();
        let mut entries = Vec::new();
        let mut dense = Vec::new();
        let mut items = Vec::new();
        for k in keys {
            let r = &self.rows[&k];
            if r.count < min_count {
                continue;
            }
            let start = entries.len();
            // Row positions have 24 bits in the table; EWT needs a fiftieth of that.
            if start >= 1 << 24 || dense.len() / classes.len().max(1) >= 1 << 24 {
                break;
            }
            let mut ws: Vec<(u8, i16)> = r
                .weights
                .iter()
                .map(|w| {
                    (
                        w.class,
                        (avg(w) * scale).round().clamp(-(super::MAX_WEIGHT as f32), super::MAX_WEIGHT as f32)
                            as i16,
                    )
                })
                .filter(|&(_, q)| q != 0)
                .collect();
            ws.sort_unstable();
            if ws.is_empty() {
                continue;
            }
            // Long rows are stored dense: a vector add beats scattered adds there.
            if ws.len() >= DENSE_MIN.min(classes.len()) {
                let row = dense.len() / classes.len();
                dense.resize(dense.len() + classes.len(), 0);
                for &(c, q) in &ws {
                    dense[row * classes.len() + c as usize] = q;
                }
                items.push((k, (row as u32) << 8));
                continue;
            }
            entries.extend(ws.iter().map(|&(c, q)| (c as u32) << 16 | q as u16 as u32));
            items.push((k, (start as u32) << 8 | ws.len() as u32));
        }
        Tagger::new(classes.to_vec(), HashIndex::build(&items), entries, dense, lex.clone())
    }
}

/// A tiny deterministic generator for the shuffle (xorshift over the model hash).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = features::mix(self.0.wrapping_add(0x9e37_79b9_7f4a_7c15));
        self.0
    }
    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// Normalizes a form as tagging does.
fn norm(form: &str) -> String {
    let mut s = String::new();
    if features::normalize_into(form, &mut s) {
        s
    } else {
        form.to_string()
    }
}

/// Builds the lexicon: ambiguity classes of lowercase forms, tag dictionary and clusters of exact
/// forms.
fn build_lexicon(
    train: &[&ConlluSentence],
    class_of: &HashMap<(Xpos, Upos), u32>,
    n_classes: usize,
    cfg: &TaggerTrainConfig,
) -> HashIndex {
    let mut lower_counts: HashMap<String, Vec<u32>> = HashMap::new();
    let mut form_counts: HashMap<String, Vec<u32>> = HashMap::new();
    let mut buf = String::new();
    for s in train {
        for w in &s.words {
            let Some(&c) = class_of.get(&(w.xpos, w.upos)) else { continue };
            let f = norm(&w.form);
            features::token_strings(&f, &mut buf);
            lower_counts.entry(buf.clone()).or_insert_with(|| vec![0; n_classes])[c as usize] += 1;
            form_counts.entry(f).or_insert_with(|| vec![0; n_classes])[c as usize] += 1;
        }
    }
    let mut items: Vec<(u64, u32)> = Vec::new();
    // Ambiguity classes: the set of XPOS tags that make up a fair share of a word's uses.
    let mut amb_ids: HashMap<u64, u32> = HashMap::new();
    let class_list: Vec<(Xpos, Upos)> = {
        let mut v = vec![(Xpos::default(), Upos::default()); n_classes];
        for (&k, &c) in class_of {
            v[c as usize] = k;
        }
        v
    };
    let mut lowers: Vec<_> = lower_counts.into_iter().collect();
    lowers.sort();
    for (lower, counts) in &lowers {
        let total: u32 = counts.iter().sum();
        if total < cfg.amb_min_count {
            continue;
        }
        let mut mask = 0u64;
        for (c, &n) in counts.iter().enumerate() {
            if n as f64 >= cfg.amb_min_share * total as f64 {
                mask |= 1u64 << (class_list[c].0 .0 as u64 % 64);
            }
        }
        let next = amb_ids.len() as u32 + 1;
        let id = *amb_ids.entry(mask).or_insert(next);
        let h = features::hash_bytes(features::SEED_LOWER, lower.as_bytes());
        items.push((features::mix(h ^ features::SEED_LEX_LOWER), id));
    }
    let clusters: HashMap<&str, u64> = cfg.clusters.iter().map(|(f, c)| (f.as_str(), *c)).collect();
    let mut forms: Vec<_> = form_counts.into_iter().collect();
    forms.sort();
    let mut seen = std::collections::HashSet::new();
    for (form, counts) in &forms {
        let total: u32 = counts.iter().sum();
        let (best, &bn) =
            counts.iter().enumerate().max_by_key(|&(i, n)| (*n, std::cmp::Reverse(i))).unwrap_or((0, &0));
        let dict = if total >= cfg.dict_min_count && bn as f64 >= cfg.dict_min_share * total as f64 {
            best as u32 + 1
        } else {
            0
        };
        let cluster = clusters.get(form.as_str()).copied().map(cluster_id).unwrap_or(0);
        seen.insert(form.as_str());
        let h = features::hash_bytes(features::SEED_FORM, form.as_bytes());
        items.push((features::mix(h ^ features::SEED_LEX_FORM), cluster << 8 | dict));
    }
    // Clustered forms never seen in training are what clusters are for.
    let mut rest: Vec<_> = cfg.clusters.iter().filter(|(f, _)| !seen.contains(f.as_str())).collect();
    rest.sort();
    for (form, c) in rest {
        let h = features::hash_bytes(features::SEED_FORM, form.as_bytes());
        items.push((features::mix(h ^ features::SEED_LEX_FORM), cluster_id(*c) << 8));
    }
    // The lexicon is looked up only when a word misses the tagger's cache, so it can be fuller.
    HashIndex::build_with_load(&items, 80)
}

/// Packs a cluster bit string (with its leading 1 bit) into the 24 bits the lexicon has, keeping
/// its first 23 bits.
fn cluster_id(c: u64) -> u32 {
    if c == 0 {
        return 0;
    }
    let len = 64 - c.leading_zeros();
    (if len > 24 { c >> (len - 24) } else { c }) as u32
}

/// Trains a tagger on `train`, keeping the epoch that scores best on `dev`.
pub fn train_tagger(
    train: &[ConlluSentence],
    dev: &[ConlluSentence],
    cfg: &TaggerTrainConfig,
    log: &mut dyn FnMut(&str),
) -> Tagger {
    // Joint classes, most frequent first.
    let mut pair_counts: HashMap<(Xpos, Upos), u32> = HashMap::new();
    for s in train {
        for w in &s.words {
            *pair_counts.entry((w.xpos, w.upos)).or_default() += 1;
        }
    }
    let mut pairs: Vec<_> = pair_counts.into_iter().collect();
    pairs.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let kept: Vec<(Xpos, Upos)> = pairs
        .iter()
        .filter(|p| {
            p.1 >= cfg.min_class_count
                || !pairs.iter().any(|q| q.0 .0 == p.0 .0 && q.1 >= cfg.min_class_count)
        })
        .map(|p| p.0)
        .take(254)
        .collect();
    let mut classes = kept;
    // A model needs at least one class, even when trained on nothing.
    if classes.is_empty() {
        classes.push((Xpos::default(), Upos::default()));
    }
    let mut class_of: HashMap<(Xpos, Upos), u32> =
        classes.iter().enumerate().map(|(i, &p)| (p, i as u32)).collect();
    // Merged pairs map to the most frequent kept pair of their XPOS (pairs are sorted by count).
    for (p, _) in &pairs {
        if !class_of.contains_key(p) {
            if let Some(i) = classes.iter().position(|c| c.0 == p.0) {
                class_of.insert(*p, i as u32);
            }
        }
    }
    log(&format!("{} joint classes", classes.len()));
    let all: Vec<&ConlluSentence> = train.iter().collect();
    let lex = build_lexicon(&all, &class_of, classes.len(), cfg);
    log(&format!("lexicon: {} entries", lex.len()));

    // Training sentences see the lexicon (ambiguity classes, tag dictionary) learned from the other
    // folds only, so that their words are as often unknown or rare as new text's are; a lexicon
    // that had seen every training word would teach the model to trust it too much.
    let folds = cfg.lexicon_folds.max(1);
    let shells: Vec<Tagger> = if folds == 1 {
        vec![Tagger::new(classes.clone(), HashIndex::build(&[]), Vec::new(), Vec::new(), lex.clone())]
    } else {
        (0..folds)
            .map(|k| {
                let rest: Vec<&ConlluSentence> =
                    train.iter().enumerate().filter(|(i, _)| i % folds != k).map(|(_, s)| s).collect();
                let lex_k = build_lexicon(&rest, &class_of, classes.len(), cfg);
                Tagger::new(classes.clone(), HashIndex::build(&[]), Vec::new(), Vec::new(), lex_k)
            })
            .collect()
    };
    let mut scratch = TaggerScratch::default();
    let data: Vec<(Vec<TokFeat>, Vec<u32>)> = train
        .iter()
        .enumerate()
        .map(|(i, s)| {
            shells[i % folds].prepare(s.words.iter().map(|w| w.form.as_str()), &mut scratch);
            // Words whose pair was cut from the class list are scored as class 0 (never happens on EWT).
            let gold =
                s.words.iter().map(|w| class_of.get(&(w.xpos, w.upos)).copied().unwrap_or(0)).collect();
            (scratch.toks.clone(), gold)
        })
        .collect();

    let mut p = Perceptron { rows: IdMap::default(), steps: 0.0, n_classes: classes.len() };
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut rng = Rng(cfg.seed);
    let mut scores = vec![0f32; p.n_classes];
    let mut keys = [0u64; N_FEATS];
    let mut best: Option<(f64, Tagger)> = None;
    for epoch in 0..cfg.epochs.max(1) {
        rng.shuffle(&mut order);
        let (mut correct, mut total) = (0usize, 0usize);
        for &si in &order {
            let (toks, gold) = &data[si];
            let (mut p1, mut p2) = (NO_TAG, NO_TAG);
            for (j, &g) in gold.iter().enumerate() {
                let i = j + 2;
                p.steps += 1.0;
                let guess = if toks[i].dict != 0 {
                    toks[i].dict - 1
                } else {
                    features::features(toks, i, p1, p2, &mut keys);
                    if epoch == 0 {
                        p.count(&keys);
                    }
                    p.score(&keys, &mut scores);
                    let guess = argmax_f32(&scores);
                    if guess != g {
                        p.update(&keys, g, 1.0);
                        p.update(&keys, guess, -1.0);
                    }
                    guess
                };
                correct += (guess == g) as usize;
                total += 1;
                p2 = p1;
                p1 = guess;
            }
        }
        let model = p.finish(&classes, &lex, cfg.min_feature_count);
        let s = evaluate_tagger(&model, dev);
        log(&format!(
            "epoch {}: train {:.2} %, dev UPOS {:.2} % XPOS {:.2} % ({} features)",
            epoch + 1,
            100.0 * correct as f64 / total.max(1) as f64,
            100.0 * s.upos,
            100.0 * s.xpos,
            model.num_features()
        ));
        let score = s.upos + s.xpos;
        if best.as_ref().is_none_or(|b| score > b.0) {
            best = Some((score, model));
        }
    }
    match best {
        Some((_, m)) => m,
        None => p.finish(&classes, &lex, cfg.min_feature_count),
    }
}

fn argmax_f32(scores: &[f32]) -> u32 {
    let mut best = 0usize;
    let mut bv = f32::MIN;
    for (i, &s) in scores.iter().enumerate() {
        if s > bv {
            bv = s;
            best = i;
        }
    }
    best as u32
}

/// Scores a tagger against gold sentences (gold tokenization).
pub fn evaluate_tagger(tagger: &Tagger, gold: &[ConlluSentence]) -> TagScores {
    let mut scratch = TaggerScratch::default();
    let (mut u, mut x) = (Vec::new(), Vec::new());
    let (mut cu, mut cx, mut n) = (0usize, 0usize, 0usize);
    for s in gold {
        tagger.tag_words(
            &s.words.iter().map(|w| w.form.as_str()).collect::<Vec<_>>(),
            &mut scratch,
            &mut u,
            &mut x,
        );
        for (i, w) in s.words.iter().enumerate() {
            n += 1;
            cu += (u.get(i) == Some(&w.upos)) as usize;
            cx += (x.get(i) == Some(&w.xpos)) as usize;
        }
    }
    let d = n.max(1) as f64;
    TagScores { upos: cu as f64 / d, xpos: cx as f64 / d, tokens: n }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clusters_parse_with_their_length() {
        let c = parse_clusters("the\t011\n.\t\nx\n").unwrap();
        assert_eq!(c, vec![("the".to_string(), 0b1011), (".".to_string(), 1)]);
        assert_eq!(parse_clusters("a\t012\n").unwrap_err().line, 1);
        assert_eq!(cluster_id(0b1011), 0b1011);
    }
}
