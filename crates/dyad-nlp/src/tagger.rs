//! Part-of-speech tagger (Penn XPOS and UPOS), trained on UD English-EWT.
//!
//! The model is a greedy left-to-right averaged perceptron over joint (XPOS, UPOS) classes (the
//! pairs EWT uses, about a hundred), with hashed word, affix, shape, context-word, Brown-cluster,
//! ambiguity-class and previous-tag features. Weights are quantized to `i16` and kept per feature
//! in one open-addressing hash table (sparse rows, or dense rows for the few features with many
//! weights). Frequent forms that EWT always tags the same way skip scoring (tag dictionary).
//!
//! Speed comes from splitting the features by what they depend on: most depend on one word only
//! (the word itself, or the word as a left or right neighbour), and their weight sums ("role
//! vectors") are cached per word form in the scratch, so a frequent word costs a few vector adds
//! and the handful of lookups that involve previous tags or word pairs. Training sums the very
//! same features directly; a test checks that both paths agree.
//!
//! [`Tagger`] is immutable and shared across threads; [`TaggerScratch`] holds one thread's buffers
//! so that tagging does not allocate once the buffers have grown.
//!
//! Model file (little-endian): `DYADTAGR`, version `u32`, class table (length-prefixed XPOS/UPOS
//! byte pairs), feature table (`u64` slots), sparse entries (`u32`), dense rows (`i16`), lexicon
//! table (`u64` slots). Every index is checked on load.

pub(crate) mod bin;
pub(crate) mod features;
pub mod train;

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use dyad_text::Span;

use crate::model::ModelError;
use crate::tags::{Upos, Xpos};
use crate::wordnet::WordNetLexicon;
use bin::{HashIndex, Reader};
use features::{TokFeat, F_ALL_UPPER, F_HAS_ALPHA, F_HAS_DIGIT, F_UPPER_INITIAL, NO_TAG};

pub use features::normalize_into;

const MAGIC: &[u8; 8] = b"DYADTAGR";
const VERSION: u32 = 2;

/// Slots of the per-thread word cache (a power of two).
const CACHE: usize = 2048;
/// Role vectors per cached word: as the word itself, as left neighbour -1/-2, as right +1/+2.
const ROLES: usize = 5;
const R_SELF: usize = 0;
const R_M1: usize = 1;
const R_M2: usize = 2;
const R_N1: usize = 3;
const R_N2: usize = 4;

/// Gives every model instance an id, so that a scratch cache filled by one model is not used
/// with another.
static NEXT_ID: AtomicU64 = AtomicU64::new(1);

/// The part-of-speech tagger: an immutable model, `Send + Sync`.
#[derive(Clone)]
pub struct Tagger {
    /// The joint classes the model predicts.
    classes: Vec<(Xpos, Upos)>,
    /// Feature hash -> row of weights: value is `start << 8 | len` into `entries`, or, with
    /// `len == 0`, `row << 8` for a dense row of `dense`.
    feats: HashIndex,
    /// Weight entries: class in bits 16..24, `i16` weight in bits 0..16.
    entries: Vec<u32>,
    /// Dense weight rows (`classes` weights each) of the features with many weights, which are
    /// the features nearly every word has (short suffixes, shapes, ambiguity classes).
    dense: Vec<i16>,
    /// Word lexicon: keys derived from the lowercase form give the ambiguity class; keys derived
    /// from the exact form give `cluster << 8 | dict`.
    lex: HashIndex,
    // Derived tables, computed on construction (not stored).
    id: u64,
    /// Scores of the previous-tag feature, per previous class (the last row: no previous tag).
    p1_table: Vec<i16>,
    /// Scores of the bias and flags features, per `flags | first << 7`.
    flags_table: Vec<i16>,
    /// Role vectors of the boundary tokens: before the sentence as -1 and -2, after it as +1, +2.
    bound: Vec<i16>,
    /// The open-class lexicon that limits the tags of words the model never saw (not stored in
    /// the model file: see [`Tagger::with_wordnet`]).
    wordnet: Option<Arc<WordNetLexicon>>,
}

/// Per-thread buffers for [`Tagger::tag`], including a cache of per-word weight sums.
#[derive(Default, Clone)]
pub struct TaggerScratch {
    toks: Vec<TokFeat>,
    norm: String,
    lower: String,
    scores: Vec<i32>,
    /// Which model the cache holds sums for.
    model_id: u64,
    /// Per slot: hash of the raw form (0 = empty).
    cache_keys: Vec<u64>,
    /// Per slot: the sentence number that last used it.
    cache_stamp: Vec<u32>,
    cache_toks: Vec<TokFeat>,
    /// Role vectors per slot, then per overflow entry of the current sentence.
    roles: Vec<i16>,
    stamp: u32,
    /// Per word of the sentence: its entry (cache slot or overflow entry).
    entry: Vec<u32>,
}

impl std::fmt::Debug for Tagger {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Tagger")
            .field("classes", &self.classes.len())
            .field("features", &self.feats.len())
            .field("entries", &self.entries.len())
            .field("dense_rows", &(self.dense.len() / self.classes.len().max(1)))
            .field("lexicon", &self.lex.len())
            .finish()
    }
}

impl std::fmt::Debug for TaggerScratch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let used = self.cache_keys.iter().filter(|&&k| k != 0).count();
        f.debug_struct("TaggerScratch").field("cached_words", &used).finish_non_exhaustive()
    }
}

impl Tagger {
    fn new(
        classes: Vec<(Xpos, Upos)>,
        feats: HashIndex,
        entries: Vec<u32>,
        dense: Vec<i16>,
        lex: HashIndex,
    ) -> Tagger {
        let mut t = Tagger {
            classes,
            feats,
            entries,
            dense,
            lex,
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
            p1_table: Vec::new(),
            flags_table: Vec::new(),
            bound: Vec::new(),
            wordnet: None,
        };
        let c = t.classes.len();
        let mut p1_table = vec![0; (c + 1) * c];
        for (p, row) in p1_table.chunks_exact_mut(c).enumerate() {
            let p = if p == c { NO_TAG } else { p as u32 };
            t.add(&[features::p1_key(p)], row);
        }
        let mut flags_table = vec![0; 256 * c];
        for (f, row) in flags_table.chunks_exact_mut(c).enumerate() {
            t.add(&[features::bias_key(), features::flags_key(f as u32 & 0x7f, f >= 128)], row);
        }
        let mut bound = vec![0; 4 * c];
        let (before, after) = (TokFeat::boundary(false), TokFeat::boundary(true));
        t.add(&features::m1_keys(&before), &mut bound[..c]);
        t.add(&features::m2_keys(&before), &mut bound[c..2 * c]);
        t.add(&features::n1_keys(&after), &mut bound[2 * c..3 * c]);
        t.add(&features::n2_keys(&after), &mut bound[3 * c..]);
        t.p1_table = p1_table;
        t.flags_table = flags_table;
        t.bound = bound;
        t
    }

    /// The same model, tagging words it never saw only with tags WordNet allows them ("bombarded"
    /// can be a past tense, a participle or an adjective, never a noun). Words the model's own
    /// lexicon knows, words with digits and all-capital words (acronyms) are tagged as before,
    /// and so are words WordNet does not know; a capitalized word may always be a proper noun.
    /// One more rule holds for known words: a sentence's first word that WordNet knows, but not
    /// as a verb, is no verb or auxiliary ("Insurgents bombarded ...").
    pub fn with_wordnet(mut self, lexicon: Arc<WordNetLexicon>) -> Tagger {
        self.wordnet = Some(lexicon);
        // Scratch caches hold token features, which now depend on the lexicon too.
        self.id = NEXT_ID.fetch_add(1, Ordering::Relaxed);
        self
    }

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

    /// The token features of one raw form.
    #[inline]
    fn token(&self, raw: &str, norm: &mut String, lower: &mut String) -> TokFeat {
        let form = if normalize_into(raw, norm) { norm.as_str() } else { raw };
        let mut t = features::token_strings(form, lower);
        self.lookup_lex(&mut t);
        // Words with digits and all-capital words (acronyms) are left to the model.
        let wordlike = t.flags & (F_HAS_DIGIT | F_ALL_UPPER | F_HAS_ALPHA) == F_HAS_ALPHA;
        if let (Some(wn), true) = (&self.wordnet, wordlike) {
            let mut set = wn.tags(lower);
            // WordNet lists some auxiliaries as nouns only ("may", "might", "must", "are"): they
            // are verbs all the same.
            t.no_verb = !set.is_empty() && !set.has_verb() && !AUXILIARIES.contains(&lower.as_str());
            if t.amb == 0 && t.dict == 0 {
                if !set.is_empty() && t.flags & F_UPPER_INITIAL != 0 {
                    set.add(&["NNP", "NNPS"]);
                }
                t.open = set.0;
            }
        }
        t
    }

    /// Tokens of one sentence with the boundary padding the features expect (training path).
    pub(crate) fn prepare<S: AsRef<str>>(&self, forms: impl Iterator<Item = S>, scratch: &mut TaggerScratch) {
        let TaggerScratch { toks, norm, lower, .. } = scratch;
        toks.clear();
        toks.push(TokFeat::boundary(false));
        toks.push(TokFeat::boundary(false));
        for raw in forms {
            let t = self.token(raw.as_ref(), norm, lower);
            toks.push(t);
        }
        toks.push(TokFeat::boundary(true));
        toks.push(TokFeat::boundary(true));
    }

    /// Adds the weights of `keys` to `scores`; see [`Tagger::add_to`].
    #[inline]
    fn add<S: Score>(&self, keys: &[u64], scores: &mut [S]) {
        self.add_to(keys, |_| 0, scores);
    }

    /// Adds the weights of each key to the score vector `target(i)` (for key `i`) of `scores`,
    /// which holds one vector of `classes` scores per target.
    ///
    /// The table slots of a batch of keys are loaded together, then the first weight of every
    /// row found, so that the cache misses of one word's features overlap instead of queueing.
    #[inline]
    fn add_to<S: Score>(&self, keys: &[u64], target: impl Fn(usize) -> usize, scores: &mut [S]) {
        let c = self.classes.len();
        for (ci, chunk) in keys.chunks(bin::BATCH).enumerate() {
            let mut rows = [None; bin::BATCH];
            self.feats.get_batch(chunk, &mut rows);
            let mut firsts = [0u32; bin::BATCH];
            for (f, r) in firsts.iter_mut().zip(&rows) {
                if let Some(v) = r {
                    *f = if v & 0xff == 0 {
                        self.dense.get((v >> 8) as usize * c).copied().unwrap_or(0) as u32
                    } else {
                        self.entries.get((v >> 8) as usize).copied().unwrap_or(0)
                    };
                }
            }
            // `first` is the row's first weight, already loaded (dense rows were only warmed).
            for (i, (r, &first)) in rows.iter().zip(&firsts).enumerate().take(chunk.len()) {
                let Some(v) = *r else { continue };
                let start = (v >> 8) as usize;
                let len = (v & 0xff) as usize;
                let base = target(ci * bin::BATCH + i) * c;
                let Some(out) = scores.get_mut(base..base + c) else { continue };
                if len == 0 {
                    if let Some(row) = self.dense.get(start * c..(start + 1) * c) {
                        for (s, &w) in out.iter_mut().zip(row) {
                            s.add(w);
                        }
                    }
                    continue;
                }
                if let Some(s) = out.get_mut((first >> 16) as usize) {
                    s.add(first as u16 as i16);
                }
                if let Some(row) = self.entries.get(start + 1..start + len) {
                    for &e in row {
                        if let Some(s) = out.get_mut((e >> 16) as usize) {
                            s.add(e as u16 as i16);
                        }
                    }
                }
            }
        }
    }

    /// Computes the role vectors of `t` into `out` (`ROLES * classes` long). A role sums at most
    /// [`features::N_STATIC`] weights of magnitude at most [`MAX_WEIGHT`], so `i16` holds it.
    fn fill_roles(&self, t: &TokFeat, out: &mut [i16]) {
        use features::{N_M1, N_M2, N_N1, N_N2, N_STATIC};
        const ENDS: [usize; ROLES] =
            [N_STATIC, N_STATIC + N_M1, N_STATIC + N_M1 + N_M2, N_STATIC + N_M1 + N_M2 + N_N1, ROLE_KEYS];
        const ROLE_KEYS: usize = N_STATIC + N_M1 + N_M2 + N_N1 + N_N2;
        let mut keys = [0u64; ROLE_KEYS];
        keys[..ENDS[0]].copy_from_slice(&features::static_keys(t));
        keys[ENDS[0]..ENDS[1]].copy_from_slice(&features::m1_keys(t));
        keys[ENDS[1]..ENDS[2]].copy_from_slice(&features::m2_keys(t));
        keys[ENDS[2]..ENDS[3]].copy_from_slice(&features::n1_keys(t));
        keys[ENDS[3]..ENDS[4]].copy_from_slice(&features::n2_keys(t));
        out.iter_mut().for_each(|x| *x = 0);
        // Role order in `out` is R_SELF, R_M1, R_M2, R_N1, R_N2, the order of `ENDS`.
        self.add_to(&keys, |i| ENDS.iter().position(|&e| i < e).unwrap_or(0), out);
    }

    /// Looks every form up in the scratch cache (filling missing entries) and tags the sentence,
    /// calling `out` with each class.
    fn tag_forms<S: AsRef<str>>(
        &self,
        forms: impl Iterator<Item = S>,
        scratch: &mut TaggerScratch,
        mut out: impl FnMut(u32),
    ) {
        let c = self.classes.len();
        let stride = ROLES * c;
        let TaggerScratch {
            toks,
            norm,
            lower,
            scores,
            model_id,
            cache_keys,
            cache_stamp,
            cache_toks,
            roles,
            stamp,
            entry,
        } = scratch;
        if *model_id != self.id || cache_keys.len() != CACHE {
            *model_id = self.id;
            cache_keys.clear();
            cache_keys.resize(CACHE, 0);
            cache_stamp.clear();
            cache_stamp.resize(CACHE, 0);
            cache_toks.clear();
            cache_toks.resize(CACHE, TokFeat::default());
            *stamp = 0;
        }
        roles.resize(CACHE * stride, 0);
        *stamp = stamp.wrapping_add(1);
        if *stamp == 0 {
            cache_stamp.iter_mut().for_each(|s| *s = 0);
            *stamp = 1;
        }
        toks.clear();
        entry.clear();
        for raw in forms {
            let raw = raw.as_ref();
            let h = features::hash_bytes(features::SEED_CACHE, raw.as_bytes()) | 1;
            let slot = (h as usize) & (CACHE - 1);
            let e = if cache_keys[slot] == h {
                cache_stamp[slot] = *stamp;
                slot
            } else {
                let t = self.token(raw, norm, lower);
                // A slot another word of this sentence uses stays; this word overflows.
                let e = if cache_stamp[slot] == *stamp {
                    let e = roles.len() / stride;
                    roles.resize(roles.len() + stride, 0);
                    e
                } else {
                    cache_keys[slot] = h;
                    cache_stamp[slot] = *stamp;
                    cache_toks[slot] = t;
                    slot
                };
                self.fill_roles(&t, &mut roles[e * stride..(e + 1) * stride]);
                toks.push(t);
                entry.push(e as u32);
                continue;
            };
            toks.push(cache_toks[e]);
            entry.push(e as u32);
        }
        scores.resize(c, 0);
        let n = toks.len();
        let before = TokFeat::boundary(false);
        let after = TokFeat::boundary(true);
        let role = |j: usize, r: usize| -> &[i16] {
            let e = entry[j] as usize;
            &roles[e * stride + r * c..e * stride + (r + 1) * c]
        };
        let (mut p1, mut p2) = (NO_TAG, NO_TAG);
        for j in 0..n {
            let w = &toks[j];
            let class = if w.dict != 0 {
                w.dict - 1
            } else {
                let m1 = if j >= 1 { role(j - 1, R_M1) } else { &self.bound[..c] };
                let m2 = if j >= 2 { role(j - 2, R_M2) } else { &self.bound[c..2 * c] };
                let n1 = if j + 1 < n { role(j + 1, R_N1) } else { &self.bound[2 * c..3 * c] };
                let n2 = if j + 2 < n { role(j + 2, R_N2) } else { &self.bound[3 * c..] };
                let fi = (w.flags as usize & 0x7f) | ((j == 0) as usize) << 7;
                let fl = &self.flags_table[fi * c..(fi + 1) * c];
                let pi = if p1 == NO_TAG { c } else { (p1 as usize).min(c) };
                let pt = &self.p1_table[pi * c..(pi + 1) * c];
                let me = role(j, R_SELF);
                // Re-sliced to exactly `c` so that the bounds checks leave the loop and it vectorizes.
                let (me, m1, m2, n1, n2, fl, pt) =
                    (&me[..c], &m1[..c], &m2[..c], &n1[..c], &n2[..c], &fl[..c], &pt[..c]);
                let scores = &mut scores[..c];
                for k in 0..c {
                    scores[k] = me[k] as i32
                        + m1[k] as i32
                        + m2[k] as i32
                        + n1[k] as i32
                        + n2[k] as i32
                        + fl[k] as i32
                        + pt[k] as i32;
                }
                let wm1 = if j >= 1 { &toks[j - 1] } else { &before };
                let wn1 = if j + 1 < n { &toks[j + 1] } else { &after };
                self.add(&features::dyn_keys(w, wm1, wn1, p1, p2), scores);
                // A sentence's first word is capitalized whatever it is, so its case says nothing
                // and the tagger may take a known noun for a verb ("Insurgents bombarded ...",
                // tagged as an auxiliary): a word WordNet knows only as no verb is none there.
                let no_verb = j == 0 && w.no_verb && w.flags & F_UPPER_INITIAL != 0;
                if no_verb || w.open != 0 {
                    let allowed = if w.open == 0 { u64::MAX } else { w.open };
                    argmax_allowed(scores, &self.classes, allowed, no_verb)
                } else {
                    argmax(scores)
                }
            };
            out(class);
            p2 = p1;
            p1 = class;
        }
        roles.truncate(CACHE * stride);
    }

    /// The plain scorer, summing every feature of every position (what training sees); used to
    /// check the cached path.
    #[cfg(test)]
    fn tag_plain(&self, words: &[&str], scratch: &mut TaggerScratch) -> Vec<u32> {
        let mut out = Vec::new();
        self.prepare(words.iter(), scratch);
        let mut scores = vec![0; self.classes.len()];
        let mut keys = [0u64; features::N_FEATS];
        let (mut p1, mut p2) = (NO_TAG, NO_TAG);
        for i in 2..scratch.toks.len() - 2 {
            let t = &scratch.toks[i];
            let class = if t.dict != 0 {
                t.dict - 1
            } else {
                features::features(&scratch.toks, i, p1, p2, &mut keys);
                scores.iter_mut().for_each(|s| *s = 0);
                self.add(&keys, &mut scores);
                argmax(&scores)
            };
            out.push(class);
            p2 = p1;
            p1 = class;
        }
        out
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
        self.tag_iter(spans.iter().map(|s| s.slice(text)), scratch, upos, xpos);
    }

    /// Tags a sentence given as word forms (convenience for evaluation and tests).
    pub fn tag_words<S: AsRef<str>>(
        &self,
        words: &[S],
        scratch: &mut TaggerScratch,
        upos: &mut Vec<Upos>,
        xpos: &mut Vec<Xpos>,
    ) {
        self.tag_iter(words.iter().map(AsRef::as_ref), scratch, upos, xpos);
    }

    /// The one tagging path behind [`Tagger::tag`] and [`Tagger::tag_words`]: greedy tagging,
    /// then the finite-verb repair.
    fn tag_iter<'a>(
        &self,
        forms: impl Iterator<Item = &'a str> + Clone,
        scratch: &mut TaggerScratch,
        upos: &mut Vec<Upos>,
        xpos: &mut Vec<Xpos>,
    ) {
        upos.clear();
        xpos.clear();
        let classes = &self.classes;
        self.tag_forms(forms.clone(), scratch, |c| {
            let (x, u) = classes.get(c as usize).copied().unwrap_or_default();
            xpos.push(x);
            upos.push(u);
        });
        repair_finite_verb(forms, upos, xpos);
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
        bin::put_u32(&mut out, self.dense.len() as u32);
        for w in &self.dense {
            out.extend_from_slice(&w.to_le_bytes());
        }
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
        let n_dense = r.len(2)?;
        let dense: Vec<i16> =
            r.take(n_dense * 2)?.chunks_exact(2).map(|b| i16::from_le_bytes([b[0], b[1]])).collect();
        let lex = HashIndex::read(&mut r)?;
        r.finish()?;
        let n = classes.len() as u32;
        if entries.iter().any(|&e| e >> 16 >= n) {
            return Err(ModelError::Corrupt("weight names an unknown class".into()));
        }
        if entries.iter().any(|&e| (e as u16 as i16).unsigned_abs() > MAX_WEIGHT as u16) {
            return Err(ModelError::Corrupt("weight out of range".into()));
        }
        if dense.iter().any(|w| w.unsigned_abs() > MAX_WEIGHT as u16) {
            return Err(ModelError::Corrupt("weight out of range".into()));
        }
        let c = classes.len();
        for v in feats.values() {
            let (start, len) = ((v >> 8) as usize, (v & 0xff) as usize);
            let ok = if len == 0 { (start + 1) * c <= dense.len() } else { start + len <= entries.len() };
            if !ok {
                return Err(ModelError::Corrupt("feature row out of range".into()));
            }
        }
        Ok(Tagger::new(classes, feats, entries, dense, lex))
    }
}

/// Gives a sentence that the greedy tagger left without a finite verb one, where the evidence is
/// plain: a past participle right after a noun or pronoun, with no auxiliary before it.
///
/// Left-to-right tagging sees no tags to its right, so in short news clauses ("Israeli forces
/// attacked Hamas positions") it often takes the verb for a reduced relative (VBN), and the
/// parser then builds a noun phrase with no event in it. A clause that has no finite verb and no
/// auxiliary almost always means VBD there.
fn repair_finite_verb<'a>(forms: impl Iterator<Item = &'a str>, upos: &mut [Upos], xpos: &mut [Xpos]) {
    if has_finite_verb(xpos) {
        return;
    }
    let mut aux_seen = false;
    for (i, form) in forms.enumerate() {
        if i >= xpos.len() {
            break;
        }
        const AUX: [&str; 17] = [
            "be", "is", "are", "was", "were", "been", "being", "am", "'s", "have", "has", "had", "'ve",
            "get", "got", "gets", "getting",
        ];
        if AUX.iter().any(|a| a.eq_ignore_ascii_case(form)) {
            aux_seen = true;
        }
        if aux_seen || i == 0 || i + 1 >= xpos.len() || xpos[i].as_str() != "VBN" {
            continue;
        }
        if matches!(upos[i - 1], Upos::NOUN | Upos::PROPN | Upos::PRON) {
            xpos[i] = Xpos::from_name_lossy("VBD");
            upos[i] = Upos::VERB;
            return;
        }
    }
}

/// Whether the tags hold a finite verb or a modal.
fn has_finite_verb(xpos: &[Xpos]) -> bool {
    xpos.iter().any(|x| matches!(x.as_str(), "VBD" | "VBZ" | "VBP" | "MD"))
}

/// The tag repairs the pipeline applies after [`Tagger::tag`] (and `dyad parse --score` with it):
/// [`repair_particle_verb`], [`repair_resultative_verb`], [`repair_verb_after_apposition`] and
/// [`repair_main_clause_verb`]. The trainers apply none of them, so
/// that `dyad train parser` still rebuilds the committed parser from the same jackknifed tags.
pub fn repair_tags<'a>(forms: impl Iterator<Item = &'a str> + Clone, upos: &mut [Upos], xpos: &mut [Xpos]) {
    repair_particle_verb(upos, xpos);
    repair_resultative_verb(forms.clone(), upos, xpos);
    repair_verb_after_apposition(upos, xpos);
    repair_main_clause_verb(forms, upos, xpos);
}

/// Verbs of saying that close a news sentence in a trailing attribution (", officials said").
const ATTRIBUTION_VERBS: [&str; 12] = [
    "said",
    "says",
    "told",
    "reported",
    "reports",
    "added",
    "announced",
    "stated",
    "claimed",
    "confirmed",
    "quoted",
    "warned",
];

/// Words that open an adverbial clause after the main one ("reduced supplies because rice was
/// diverted", "ended mediation as shells continued crashing").
const SUBORDINATORS: [&str; 13] = [
    "because", "as", "after", "before", "while", "when", "since", "although", "though", "if", "unless",
    "whereas", "until",
];

/// Gives the main clause of "Police in Jericho confiscated weapons, the army said" or "The United
/// Nations on Tuesday reduced food supplies because rice was diverted" its finite verb. The other
/// repairs leave a sentence alone when it has a finite verb anywhere, and the attribution's
/// "said" or the adverbial clause's "was" is one, so the tagger's `confiscated/VBN` stood and the
/// parser built a noun phrase ("weapons confiscated") with no event in it. The main clause ends
/// where a short trailing attribution begins (a comma, then at most a dozen words whose one
/// finite verb is a verb of saying) or where an adverbial clause opens (not at the first word,
/// where the main clause follows it). When the words before that have no finite verb and no
/// auxiliary, a past participle right after a noun or pronoun (and not followed by "by", which
/// marks a true reduced passive, unless an amount follows it) is the past tense.
///
/// Part of [`repair_tags`].
pub fn repair_main_clause_verb<'a>(
    forms: impl Iterator<Item = &'a str> + Clone,
    upos: &mut [Upos],
    xpos: &mut [Xpos],
) {
    let n = xpos.len().min(upos.len());
    let mut end = attribution_start(forms.clone(), xpos).unwrap_or(n);
    if let Some(s) = forms
        .clone()
        .take(end)
        .enumerate()
        .skip(1)
        .find(|(_, f)| SUBORDINATORS.iter().any(|w| w.eq_ignore_ascii_case(f)))
    {
        end = s.0;
    }
    if end == n || has_finite_verb(&xpos[..end]) || upos[..end].contains(&Upos::AUX) {
        return;
    }
    // `i` is the word after the candidate participle at `i - 1`. "By" marks a passive's agent,
    // unless an amount follows it ("shortened by one hour the curfew").
    for (i, next) in forms.enumerate().take(end + 1).skip(2) {
        let agent = next.eq_ignore_ascii_case("by") && xpos.get(i + 1).is_none_or(|x| x.as_str() != "CD");
        if xpos[i - 1].as_str() == "VBN"
            && matches!(upos[i - 2], Upos::NOUN | Upos::PROPN | Upos::PRON)
            && !agent
        {
            xpos[i - 1] = Xpos::from_name_lossy("VBD");
            upos[i - 1] = Upos::VERB;
            return;
        }
    }
}

/// Where a trailing attribution (", officials said") begins: the last comma, when at most a
/// dozen words follow it and their one finite verb is a verb of saying.
fn attribution_start<'a>(forms: impl Iterator<Item = &'a str> + Clone, xpos: &[Xpos]) -> Option<usize> {
    let n = xpos.len();
    let c = xpos.iter().rposition(|x| x.as_str() == ",")?;
    if n - c > 13 {
        return None;
    }
    let mut finite = forms.enumerate().take(n).skip(c + 1).filter(|&(i, _)| has_finite_verb(&xpos[i..=i]));
    match (finite.next(), finite.next()) {
        (Some((_, f)), None) if ATTRIBUTION_VERBS.iter().any(|a| a.eq_ignore_ascii_case(f)) => Some(c),
        _ => None,
    }
}

/// Gives a sentence with no finite verb and no auxiliary one where a subject's apposition ends:
/// "Kenzo Oshima, the United Nations relief coordinator, demanded ..." is tagged with
/// `demanded/VBN` (a participle of "coordinator"), and the parser then builds a noun phrase with
/// no clause in it. A past participle right after the comma that closes a noun phrase, in a
/// sentence with no other candidate for its verb, is the past tense.
pub fn repair_verb_after_apposition(upos: &mut [Upos], xpos: &mut [Xpos]) {
    if has_finite_verb(xpos) || upos.contains(&Upos::AUX) {
        return;
    }
    for i in 2..xpos.len().saturating_sub(1) {
        if xpos[i].as_str() == "VBN"
            && xpos[i - 1].as_str() == ","
            && matches!(upos[i - 2], Upos::NOUN | Upos::PROPN)
        {
            xpos[i] = Xpos::from_name_lossy("VBD");
            upos[i] = Upos::VERB;
            return;
        }
    }
}

/// Mends a tag sequence the greedy tagger cannot see is impossible: a particle (RP) only ever
/// follows a verb, so a singular noun between a noun or pronoun and a particle, in a sentence
/// with no finite verb, is a past-tense verb ("Iran shot down a drone", tagged `shot/NN`).
///
/// Part of [`repair_tags`].
pub fn repair_particle_verb(upos: &mut [Upos], xpos: &mut [Xpos]) {
    if has_finite_verb(xpos) {
        return;
    }
    for i in 1..xpos.len().saturating_sub(1) {
        if xpos[i].as_str() == "NN"
            && xpos[i + 1].as_str() == "RP"
            && matches!(upos[i - 1], Upos::NOUN | Upos::PROPN | Upos::PRON)
        {
            xpos[i] = Xpos::from_name_lossy("VBD");
            upos[i] = Upos::VERB;
            return;
        }
    }
}

/// "Israeli troops shot dead 58 Palestinians, the ministry said", tagged `shot/NN`: a noun
/// followed by "dead" after a noun or pronoun, with no finite verb before it, is the clause's
/// past-tense verb, "dead" its result.
///
/// Part of [`repair_tags`].
pub fn repair_resultative_verb<'a>(
    forms: impl Iterator<Item = &'a str>,
    upos: &mut [Upos],
    xpos: &mut [Xpos],
) {
    // `next` is the form of word `i + 1`.
    for (i, next) in forms.skip(1).enumerate().take(xpos.len().saturating_sub(1)) {
        if i >= 1
            && xpos[i].as_str() == "NN"
            && next.eq_ignore_ascii_case("dead")
            && matches!(upos[i - 1], Upos::NOUN | Upos::PROPN | Upos::PRON)
            && !has_finite_verb(&xpos[..i])
        {
            xpos[i] = Xpos::from_name_lossy("VBD");
            upos[i] = Upos::VERB;
            return;
        }
    }
}

/// The largest weight magnitude a model stores, so that sums of up to 16 weights fit in `i16`.
pub(crate) const MAX_WEIGHT: i16 = 2047;
const _: () = assert!(MAX_WEIGHT as usize * features::N_STATIC <= i16::MAX as usize);

/// Score accumulators: `i32` for the per-position sums, `i16` for the cached role vectors.
trait Score {
    fn add(&mut self, w: i16);
}

impl Score for i32 {
    #[inline]
    fn add(&mut self, w: i16) {
        *self += w as i32;
    }
}

impl Score for i16 {
    #[inline]
    fn add(&mut self, w: i16) {
        // Cannot overflow for validated models (see `MAX_WEIGHT`); wrapping keeps that panic-free.
        *self = self.wrapping_add(w);
    }
}

/// The forms UD English tags AUX: be, have, do, the modals, passive "get", their contractions and
/// the clipped forms of "can't", "won't", "ain't".
const AUXILIARIES: &[&str] = &[
    "be", "is", "was", "are", "were", "been", "being", "am", "'s", "s", "'m", "m", "'re", "re", "art",
    "have", "has", "had", "having", "'ve", "ve", "'d", "d", "do", "does", "did", "will", "would", "'ll",
    "ll", "wo", "wilt", "can", "ca", "could", "shall", "should", "may", "might", "must", "ought", "get",
    "gets", "got", "getting", "ai",
];

/// The best class whose XPOS is in `allowed` (a [`crate::wordnet::XposSet`]) and, with
/// `no_verb`, whose UPOS is neither VERB nor AUX; the plain best when none is.
fn argmax_allowed(scores: &[i32], classes: &[(Xpos, Upos)], allowed: u64, no_verb: bool) -> u32 {
    let mut best = None;
    let mut bv = i32::MIN;
    for (i, (&s, &(x, u))) in scores.iter().zip(classes).enumerate() {
        let verb = no_verb && matches!(u, Upos::VERB | Upos::AUX);
        if allowed >> x.index() & 1 == 1 && !verb && s > bv {
            bv = s;
            best = Some(i as u32);
        }
    }
    best.unwrap_or_else(|| argmax(scores))
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
    /// Penn tags by name, for the tag-repair tests.
    fn tags(names: &[&str]) -> Vec<Xpos> {
        names.iter().map(|x| Xpos::from_name_lossy(x)).collect()
    }

    #[test]
    fn a_clause_without_a_finite_verb_gets_one() {
        let forms = ["forces", "attacked", "positions"];
        let mut x = tags(&["NNS", "VBN", "NNS"]);
        let mut u = vec![Upos::NOUN, Upos::VERB, Upos::NOUN];
        repair_finite_verb(forms.iter().copied(), &mut u, &mut x);
        assert_eq!(x[1].as_str(), "VBD");
        // With an auxiliary the participle is right, and a finite verb elsewhere leaves all alone.
        let forms = ["forces", "were", "attacked", "there"];
        let mut x = tags(&["NNS", "VBD", "VBN", "RB"]);
        let mut u = vec![Upos::NOUN, Upos::AUX, Upos::VERB, Upos::ADV];
        repair_finite_verb(forms.iter().copied(), &mut u, &mut x);
        assert_eq!(x[2].as_str(), "VBN");
        let forms = ["talks", "held", "yesterday"];
        let mut x = tags(&["NNS", "VBN", "NN"]);
        let mut u = vec![Upos::NOUN, Upos::VERB, Upos::NOUN];
        let before = x.clone();
        repair_finite_verb(forms.iter().copied().take(1), &mut u, &mut x);
        assert_eq!(x, before, "no participle seen, nothing changes");
    }

    #[test]
    fn a_particle_follows_a_verb() {
        let mut x = tags(&["NNP", "NN", "RP", "DT", "NN"]);
        let mut u = vec![Upos::PROPN, Upos::NOUN, Upos::ADP, Upos::DET, Upos::NOUN];
        repair_particle_verb(&mut u, &mut x);
        assert_eq!((x[1].as_str(), u[1]), ("VBD", Upos::VERB));
        // A sentence with a finite verb is left alone ("the shot down there was loud").
        let mut x = tags(&["DT", "NN", "RP", "RB", "VBD", "JJ"]);
        let mut u = vec![Upos::DET, Upos::NOUN, Upos::ADP, Upos::ADV, Upos::AUX, Upos::ADJ];
        let before = x.clone();
        repair_particle_verb(&mut u, &mut x);
        assert_eq!(x, before);
        repair_particle_verb(&mut [], &mut []);
    }

    #[test]
    fn a_noun_before_dead_is_the_verb() {
        // "Israeli troops shot dead 58 Palestinians , the ministry said"
        let forms =
            ["Israeli", "troops", "shot", "dead", "58", "Palestinians", ",", "the", "ministry", "said"];
        let mut x = tags(&["JJ", "NNS", "NN", "JJ", "CD", "NNPS", ",", "DT", "NN", "VBD"]);
        let mut u = vec![
            Upos::ADJ,
            Upos::NOUN,
            Upos::NOUN,
            Upos::ADJ,
            Upos::NUM,
            Upos::PROPN,
            Upos::PUNCT,
            Upos::DET,
            Upos::NOUN,
            Upos::VERB,
        ];
        repair_resultative_verb(forms.iter().copied(), &mut u, &mut x);
        assert_eq!((x[2].as_str(), u[2]), ("VBD", Upos::VERB));
        // After a finite verb it stays a noun ("he said the shot dead ahead missed").
        let forms = ["he", "said", "the", "shot", "dead", "ahead", "missed"];
        let mut x = tags(&["PRP", "VBD", "DT", "NN", "JJ", "RB", "VBD"]);
        let mut u = vec![Upos::PRON, Upos::VERB, Upos::DET, Upos::NOUN, Upos::ADJ, Upos::ADV, Upos::VERB];
        let before = x.clone();
        repair_resultative_verb(forms.iter().copied(), &mut u, &mut x);
        assert_eq!(x, before);
        repair_resultative_verb(["dead"].iter().copied(), &mut [], &mut []);
    }

    #[test]
    fn a_participle_after_an_apposition_is_the_verb() {
        // "Oshima , the coordinator , demanded parties"
        let mut x = tags(&["NNP", ",", "DT", "NN", ",", "VBN", "NNS"]);
        let mut u =
            vec![Upos::PROPN, Upos::PUNCT, Upos::DET, Upos::NOUN, Upos::PUNCT, Upos::VERB, Upos::NOUN];
        let forms = ["Oshima", ",", "the", "coordinator", ",", "demanded", "parties"];
        repair_tags(forms.iter().copied(), &mut u, &mut x);
        assert_eq!((x[5].as_str(), u[5]), ("VBD", Upos::VERB));
        // With a finite verb elsewhere the participle stays one ("the man, arrested, said").
        let mut x = tags(&["DT", "NN", ",", "VBN", ",", "VBD"]);
        let mut u = vec![Upos::DET, Upos::NOUN, Upos::PUNCT, Upos::VERB, Upos::PUNCT, Upos::VERB];
        let before = x.clone();
        let forms = ["the", "man", ",", "arrested", ",", "said"];
        repair_tags(forms.iter().copied(), &mut u, &mut x);
        assert_eq!(x, before);
        repair_tags(std::iter::empty(), &mut [], &mut []);
    }

    #[test]
    fn a_participle_before_an_attribution_or_adverbial_clause_is_the_verb() {
        let forms = ["police", "in", "Jericho", "confiscated", "weapons", ",", "the", "army", "said", "."];
        let names = ["NN", "IN", "NNP", "VBN", "NNS", ",", "DT", "NN", "VBD", "."];
        let upos = [
            Upos::NOUN,
            Upos::ADP,
            Upos::PROPN,
            Upos::VERB,
            Upos::NOUN,
            Upos::PUNCT,
            Upos::DET,
            Upos::NOUN,
            Upos::VERB,
            Upos::PUNCT,
        ];
        let (mut x, mut u) = (tags(&names), upos.to_vec());
        repair_tags(forms.iter().copied(), &mut u, &mut x);
        assert_eq!(x[3].as_str(), "VBD");
        // A passive's "by", an attribution by another verb, or an auxiliary leave the participle.
        let forms_by = ["police", "in", "Jericho", "confiscated", "by", ",", "the", "army", "said", "."];
        let (mut x, mut u) = (tags(&names), upos.to_vec());
        repair_tags(forms_by.iter().copied(), &mut u, &mut x);
        assert_eq!(x[3].as_str(), "VBN");
        let forms_went =
            ["police", "in", "Jericho", "confiscated", "weapons", ",", "the", "army", "went", "."];
        let (mut x, mut u) = (tags(&names), upos.to_vec());
        repair_tags(forms_went.iter().copied(), &mut u, &mut x);
        assert_eq!(x[3].as_str(), "VBN");
        let (mut x, mut u) = (tags(&names), upos.to_vec());
        u[1] = Upos::AUX;
        repair_tags(forms.iter().copied(), &mut u, &mut x);
        assert_eq!(x[3].as_str(), "VBN");
        // "By" with an amount is no passive's agent: "police on Thursday shortened by one hour
        // the curfew, officials said".
        let forms_amount = [
            "police",
            "on",
            "Thursday",
            "shortened",
            "by",
            "one",
            "hour",
            "the",
            "curfew",
            ",",
            "officials",
            "said",
        ];
        let names_amount = ["NN", "IN", "NNP", "VBN", "IN", "CD", "NN", "DT", "NN", ",", "NNS", "VBD"];
        let upos_amount = [
            Upos::NOUN,
            Upos::ADP,
            Upos::PROPN,
            Upos::VERB,
            Upos::ADP,
            Upos::NUM,
            Upos::NOUN,
            Upos::DET,
            Upos::NOUN,
            Upos::PUNCT,
            Upos::NOUN,
            Upos::VERB,
        ];
        let (mut x, mut u) = (tags(&names_amount), upos_amount.to_vec());
        repair_tags(forms_amount.iter().copied(), &mut u, &mut x);
        assert_eq!(x[3].as_str(), "VBD");
        // An adverbial clause ends the main clause as an attribution does.
        let forms = ["UN", "on", "Tuesday", "reduced", "supplies", "because", "rice", "was", "diverted"];
        let names = ["NNP", "IN", "NNP", "VBN", "NNS", "IN", "NN", "VBD", "VBN"];
        let upos = [
            Upos::PROPN,
            Upos::ADP,
            Upos::PROPN,
            Upos::VERB,
            Upos::NOUN,
            Upos::SCONJ,
            Upos::NOUN,
            Upos::AUX,
            Upos::VERB,
        ];
        let (mut x, mut u) = (tags(&names), upos.to_vec());
        repair_tags(forms.iter().copied(), &mut u, &mut x);
        assert_eq!(x[3].as_str(), "VBD");
        assert_eq!(x[8].as_str(), "VBN");
    }

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
        // Two sentences: keep every feature and let the sentences see each other's words.
        let cfg = train::TaggerTrainConfig {
            epochs: 3,
            min_feature_count: 1,
            lexicon_folds: 1,
            ..Default::default()
        };
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
    fn training_on_nothing_gives_a_working_model() {
        let t = train::train_tagger(&[], &[], &train::TaggerTrainConfig::default(), &mut |_| {});
        let t = Tagger::from_bytes(&t.to_bytes()).unwrap();
        let mut scratch = TaggerScratch::default();
        let (mut u, mut x) = (Vec::new(), Vec::new());
        t.tag_words(&["Hello", "world"], &mut scratch, &mut u, &mut x);
        assert_eq!(u.len(), 2);
    }

    #[test]
    fn one_scratch_serves_several_models() {
        let big = Tagger::from_bytes(TAGGER_BYTES).expect("committed tagger loads");
        let cfg = train::TaggerTrainConfig {
            epochs: 2,
            min_feature_count: 1,
            lexicon_folds: 1,
            ..Default::default()
        };
        let small = train::train_tagger(&tiny_corpus(), &[], &cfg, &mut |_| {});
        let words = ["The", "talks", "failed", "in", "Baghdad", "."];
        let (mut u, mut x) = (Vec::new(), Vec::new());
        let mut fresh = TaggerScratch::default();
        big.tag_words(&words, &mut fresh, &mut u, &mut x);
        let want_big = x.clone();
        small.tag_words(&words, &mut TaggerScratch::default(), &mut u, &mut x);
        let want_small = x.clone();
        let mut shared = TaggerScratch::default();
        for _ in 0..2 {
            big.tag_words(&words, &mut shared, &mut u, &mut x);
            assert_eq!(x, want_big);
            small.tag_words(&words, &mut shared, &mut u, &mut x);
            assert_eq!(x, want_small);
        }
    }

    #[test]
    fn tagger_is_shareable() {
        fn shareable<T: Send + Sync>() {}
        shareable::<Tagger>();
        shareable::<crate::lemma::Lemmatizer>();
        let t = Tagger::from_bytes(TAGGER_BYTES).expect("committed tagger loads");
        assert!(format!("{t:?}").len() < 200);
        assert!(format!("{:?}", TaggerScratch::default()).len() < 200);
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
        // The committed model scores 96.5 % UPOS and 96.1 % XPOS on this slice.
        assert!(s.upos >= 0.95, "UPOS {:.4} below floor", s.upos);
        assert!(s.xpos >= 0.945, "XPOS {:.4} below floor", s.xpos);
    }

    #[test]
    fn cached_path_matches_plain_scoring() {
        let tagger = Tagger::from_bytes(TAGGER_BYTES).expect("committed tagger loads");
        let gold = conllu::parse(SLICE).unwrap();
        let (mut s1, mut s2) = (TaggerScratch::default(), TaggerScratch::default());
        let (mut u, mut x) = (Vec::new(), Vec::new());
        // Twice, so that the second round runs from a warm cache.
        for _ in 0..2 {
            for s in &gold {
                let words: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
                let plain = tagger.tag_plain(&words, &mut s2);
                tagger.tag_words(&words, &mut s1, &mut u, &mut x);
                let want: Vec<Xpos> = plain.iter().map(|&c| tagger.classes[c as usize].0).collect();
                assert_eq!(x, want, "{words:?}");
            }
        }
        // A sentence whose words collide in the cache still tags like the plain path.
        let many: Vec<String> = (0..3 * CACHE).map(|i| format!("w{i}")).collect();
        let words: Vec<&str> = many.iter().map(|w| w.as_str()).collect();
        let plain = tagger.tag_plain(&words, &mut s2);
        tagger.tag_words(&words, &mut s1, &mut u, &mut x);
        let want: Vec<Xpos> = plain.iter().map(|&c| tagger.classes[c as usize].0).collect();
        assert_eq!(x, want);
    }

    #[test]
    fn curly_quotes_tag_like_straight_ones() {
        let tagger = Tagger::from_bytes(TAGGER_BYTES).expect("committed tagger loads");
        let mut scratch = TaggerScratch::default();
        let (mut u1, mut x1, mut u2, mut x2) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        tagger.tag_words(
            &["\u{201c}", "We", "don\u{2019}t", "know", "\u{201d}"],
            &mut scratch,
            &mut u1,
            &mut x1,
        );
        tagger.tag_words(&["\"", "We", "don't", "know", "\""], &mut scratch, &mut u2, &mut x2);
        assert_eq!(x1, x2);
        assert_eq!(x1[0].as_str(), "``");
        assert_eq!(u1[0], Upos::PUNCT);
    }
}
