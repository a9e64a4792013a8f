//! Part-of-speech tagger (Penn XPOS and UPOS), trained on UD English-EWT.
//!
//! The model is a greedy left-to-right averaged perceptron over joint (XPOS, UPOS) classes, with
//! hashed word, affix, shape, context-word, word-cluster, ambiguity-class and previous-tag
//! features. Weights are quantized to `i16` and stored sparsely per feature in one hash table, so
//! scoring a token is a few dozen table lookups. Frequent forms that EWT always tags the same way
//! skip scoring through a tag dictionary.
//!
//! [`Tagger`] is immutable and shared across threads; [`TaggerScratch`] holds one thread's buffers
//! so that tagging does not allocate once the buffers have grown.

pub(crate) mod bin;
pub(crate) mod features;
pub mod train;

use dyad_text::Span;

use crate::model::ModelError;
use crate::tags::{Upos, Xpos};
use bin::{HashIndex, Reader};
use features::{TokFeat, NO_TAG, N_FEATS};

pub use features::normalize_into;

const MAGIC: &[u8; 8] = b"DYADTAGR";
const VERSION: u32 = 1;

/// The part-of-speech tagger: an immutable model, `Send + Sync`.
#[derive(Debug, Clone)]
pub struct Tagger {
    /// The joint classes the model predicts.
    classes: Vec<(Xpos, Upos)>,
    /// Feature hash -> row of weights: value is `start << 8 | len` into `entries`.
    feats: HashIndex,
    /// Weight entries: class in bits 16..24, `i16` weight in bits 0..16.
    entries: Vec<u32>,
    /// Word lexicon: keys derived from the lowercase form give the ambiguity class; keys derived
    /// from the exact form give `cluster << 8 | dict`.
    lex: HashIndex,
}

/// Per-thread buffers for [`Tagger::tag`].
#[derive(Debug, Default, Clone)]
pub struct TaggerScratch {
    toks: Vec<TokFeat>,
    norm: String,
    lower: String,
    scores: Vec<i32>,
    keys: Vec<u64>,
}

impl Tagger {
    /// Number of joint (XPOS, UPOS) classes.
    pub fn num_classes(&self) -> usize {
        self.classes.len()
    }

    /// Number of hashed features with weights.
    pub fn num_features(&self) -> usize {
        self.feats.len()
    }

    /// Fills in the word-level parts of a token from the lexicon.
    #[inline]
    pub(crate) fn lookup_lex(&self, t: &mut TokFeat) {
        t.amb = self.lex.get(features::mix(t.lower ^ features::SEED_LEX_LOWER)).unwrap_or(0);
        if let Some(v) = self.lex.get(features::mix(t.form ^ features::SEED_LEX_FORM)) {
            // Lexicon values are not typed on disk, so an out-of-range class is ignored here.
            t.dict = if v & 0xff <= self.classes.len() as u32 { v & 0xff } else { 0 };
            t.cluster = v >> 8;
            t.flags |= features::F_KNOWN;
        }
    }

    /// Tokens of one sentence with the boundary padding the features expect.
    pub(crate) fn prepare(&self, forms: impl Iterator<Item = impl AsRef<str>>, scratch: &mut TaggerScratch) {
        let TaggerScratch { toks, norm, lower, .. } = scratch;
        toks.clear();
        toks.push(TokFeat::boundary(false));
        toks.push(TokFeat::boundary(false));
        for raw in forms {
            let raw = raw.as_ref();
            let form = if normalize_into(raw, norm) { norm.as_str() } else { raw };
            let mut t = features::token_strings(form, lower);
            self.lookup_lex(&mut t);
            toks.push(t);
        }
        toks.push(TokFeat::boundary(true));
        toks.push(TokFeat::boundary(true));
    }

    /// Adds the weights of `keys` to `scores`.
    #[inline]
    fn score(&self, keys: &[u64], scores: &mut [i32]) {
        scores.iter_mut().for_each(|s| *s = 0);
        for &k in keys {
            if let Some(v) = self.feats.get(k) {
                let start = (v >> 8) as usize;
                let len = (v & 0xff) as usize;
                if let Some(row) = self.entries.get(start..start + len) {
                    for &e in row {
                        if let Some(s) = scores.get_mut((e >> 16) as usize) {
                            *s += e as u16 as i16 as i32;
                        }
                    }
                }
            }
        }
    }

    /// Predicts the classes of the prepared tokens in `scratch.toks`, calling `out` per token.
    #[inline]
    pub(crate) fn predict_prepared(&self, scratch: &mut TaggerScratch, mut out: impl FnMut(u32)) {
        let TaggerScratch { toks, scores, keys, .. } = scratch;
        scores.resize(self.classes.len(), 0);
        keys.resize(N_FEATS, 0);
        let mut fk = [0u64; N_FEATS];
        let (mut p1, mut p2) = (NO_TAG, NO_TAG);
        for i in 2..toks.len().saturating_sub(2) {
            let c = if toks[i].dict != 0 {
                toks[i].dict - 1
            } else {
                features::features(toks, i, p1, p2, &mut fk);
                self.score(&fk, scores);
                argmax(scores)
            };
            out(c);
            p2 = p1;
            p1 = c;
        }
    }

    /// Tags one sentence: `spans` are its tokens (substrings of `text`). Fills `upos`/`xpos`
    /// (cleared first), one tag per span.
    pub fn tag(
        &self,
        text: &str,
        spans: &[Span],
        scratch: &mut TaggerScratch,
        upos: &mut Vec<Upos>,
        xpos: &mut Vec<Xpos>,
    ) {
        upos.clear();
        xpos.clear();
        self.prepare(spans.iter().map(|s| s.slice(text)), scratch);
        let classes = &self.classes;
        self.predict_prepared(scratch, |c| {
            let (x, u) = classes.get(c as usize).copied().unwrap_or_default();
            xpos.push(x);
            upos.push(u);
        });
    }

    /// Tags a sentence given as word forms (convenience for evaluation and tests).
    pub fn tag_words<S: AsRef<str>>(
        &self,
        words: &[S],
        scratch: &mut TaggerScratch,
        upos: &mut Vec<Upos>,
        xpos: &mut Vec<Xpos>,
    ) {
        upos.clear();
        xpos.clear();
        self.prepare(words.iter(), scratch);
        let classes = &self.classes;
        self.predict_prepared(scratch, |c| {
            let (x, u) = classes.get(c as usize).copied().unwrap_or_default();
            xpos.push(x);
            upos.push(u);
        });
    }

    /// Serializes the model (little-endian, magic bytes and version first).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.entries.len() * 4 + self.feats.len() * 16 + 1024);
        out.extend_from_slice(MAGIC);
        bin::put_u32(&mut out, VERSION);
        let cls: Vec<u8> = self.classes.iter().flat_map(|&(x, u)| [x.0, u.0]).collect();
        bin::put_bytes(&mut out, &cls);
        self.feats.write(&mut out);
        bin::put_u32s(&mut out, &self.entries);
        self.lex.write(&mut out);
        out
    }

    /// Loads a model written by [`Tagger::to_bytes`], checking every index it will follow.
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, ModelError> {
        let mut r = Reader::new(bytes);
        r.header(MAGIC, "tagger", VERSION)?;
        let cls = r.bytes()?;
        if cls.is_empty() || cls.len() % 2 != 0 || cls.len() / 2 > 254 {
            return Err(ModelError::Corrupt("bad class table".into()));
        }
        let mut classes = Vec::with_capacity(cls.len() / 2);
        for c in cls.chunks_exact(2) {
            if c[0] as usize >= Xpos::COUNT || c[1] as usize >= Upos::COUNT {
                return Err(ModelError::Corrupt("class names an unknown tag".into()));
            }
            classes.push((Xpos(c[0]), Upos(c[1])));
        }
        let feats = HashIndex::read(&mut r)?;
        let entries = r.u32s()?;
        let lex = HashIndex::read(&mut r)?;
        r.finish()?;
        let n = classes.len() as u32;
        if entries.iter().any(|&e| e >> 16 >= n) {
            return Err(ModelError::Corrupt("weight names an unknown class".into()));
        }
        for v in feats.values() {
            let end = (v >> 8) as usize + (v & 0xff) as usize;
            if end > entries.len() {
                return Err(ModelError::Corrupt("feature row out of range".into()));
            }
        }
        Ok(Tagger { classes, feats, entries, lex })
    }
}

#[inline]
fn argmax(scores: &[i32]) -> u32 {
    let mut best = 0usize;
    let mut bv = i32::MIN;
    for (i, &s) in scores.iter().enumerate() {
        if s > bv {
            bv = s;
            best = i;
        }
    }
    best as u32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conllu;

    /// The committed models, as the pipeline embeds them.
    pub(crate) static TAGGER_BYTES: &[u8] = include_bytes!("../models/tagger.bin");
    static SLICE: &str = include_str!("../testdata/ewt-test-slice.conllu");

    fn tiny_corpus() -> Vec<conllu::ConlluSentence> {
        let text = "\
1\tIraq\tIraq\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
2\turged\turge\tVERB\tVBD\t_\t0\troot\t_\t_
3\tcalm\tcalm\tNOUN\tNN\t_\t2\tobj\t_\tSpaceAfter=No
4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_
2\ttalks\ttalk\tNOUN\tNNS\t_\t3\tnsubj\t_\t_
3\tfailed\tfail\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No
4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_

";
        conllu::parse(text).unwrap()
    }

    #[test]
    fn trains_and_round_trips() {
        let data = tiny_corpus();
        let cfg = train::TaggerTrainConfig { epochs: 3, ..Default::default() };
        let t = train::train_tagger(&data, &data, &cfg, &mut |_| {});
        let bytes = t.to_bytes();
        let t2 = Tagger::from_bytes(&bytes).unwrap();
        assert_eq!(t2.to_bytes(), bytes);
        let s = train::evaluate_tagger(&t2, &data);
        assert_eq!(s.tokens, 8);
        assert!(s.upos > 0.99, "{s:?}");
        let mut scratch = TaggerScratch::default();
        let (mut u, mut x) = (Vec::new(), Vec::new());
        let text = "Iraq urged calm.";
        let spans = [Span::new(0, 4), Span::new(5, 10), Span::new(11, 15), Span::new(15, 16)];
        t2.tag(text, &spans, &mut scratch, &mut u, &mut x);
        assert_eq!(x, vec![Xpos::from_name_lossy("NNP"), Xpos(13), Xpos(1), Xpos(8)]);
        assert_eq!(u[1], Upos::VERB);
        t2.tag(text, &[], &mut scratch, &mut u, &mut x);
        assert!(u.is_empty() && x.is_empty());
    }

    #[test]
    fn corrupt_bytes_are_rejected_without_panic() {
        assert!(matches!(Tagger::from_bytes(b""), Err(ModelError::BadMagic { .. })));
        assert!(matches!(Tagger::from_bytes(b"NOTAMODELATALL"), Err(ModelError::BadMagic { .. })));
        let mut v = MAGIC.to_vec();
        v.extend_from_slice(&99u32.to_le_bytes());
        assert!(matches!(Tagger::from_bytes(&v), Err(ModelError::Version { found: 99, .. })));
        let data = tiny_corpus();
        let t = train::train_tagger(&data, &data, &train::TaggerTrainConfig::default(), &mut |_| {});
        let bytes = t.to_bytes();
        // Every truncation fails cleanly.
        for n in 0..bytes.len() {
            assert!(Tagger::from_bytes(&bytes[..n]).is_err(), "prefix {n} accepted");
        }
        // Flipped bytes either fail or load a model that still tags without panicking.
        let mut rng = 0x1234_5678_u64;
        for _ in 0..2000 {
            let mut b = bytes.clone();
            rng = features::mix(rng);
            let i = (rng as usize) % b.len();
            b[i] ^= (rng >> 32) as u8 | 1;
            if let Ok(t) = Tagger::from_bytes(&b) {
                let mut scratch = TaggerScratch::default();
                let (mut u, mut x) = (Vec::new(), Vec::new());
                t.tag_words(&["The", "talks", "failed", "."], &mut scratch, &mut u, &mut x);
                assert_eq!(u.len(), 4);
            }
        }
    }

    #[test]
    fn committed_model_is_accurate_on_ewt_test_slice() {
        let tagger = Tagger::from_bytes(TAGGER_BYTES).expect("committed tagger loads");
        let gold = conllu::parse(SLICE).unwrap();
        let s = train::evaluate_tagger(&tagger, &gold);
        assert!(s.tokens > 3000, "{s:?}");
        assert!(s.upos >= 0.94, "UPOS {:.4} below floor", s.upos);
        assert!(s.xpos >= 0.93, "XPOS {:.4} below floor", s.xpos);
    }

    #[test]
    fn curly_quotes_tag_like_straight_ones() {
        let tagger = Tagger::from_bytes(TAGGER_BYTES).expect("committed tagger loads");
        let mut scratch = TaggerScratch::default();
        let (mut u1, mut x1, mut u2, mut x2) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        tagger.tag_words(&["\u{201c}", "We", "don\u{2019}t", "know", "\u{201d}"], &mut scratch, &mut u1, &mut x1);
        tagger.tag_words(&["\"", "We", "don't", "know", "\""], &mut scratch, &mut u2, &mut x2);
        assert_eq!(x1, x2);
        assert_eq!(x1[0].as_str(), "``");
        assert_eq!(u1[0], Upos::PUNCT);
    }
}
