//! Phrase matching over a sentence's words: a word-level hash trie built once (immutable,
//! `Send + Sync`) and a per-thread [`MatchScratch`], used for actors, agents, discards and
//! issues.
//!
//! Why a hash trie rather than a character automaton: dictionary phrases are whole-word
//! sequences and matches must start and end on token boundaries, be the longest at each
//! position and not overlap. Interning words to `u32` and walking `(node, word) -> node` edges
//! gives exactly that in a few hash probes per token (a sentence is a few microseconds), and
//! the hyphen and possessive rules live in one place ([`normalize_word`]).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::model::PhraseMatch;
use crate::text::normalize_word;

/// A small, fast, non-cryptographic hasher (the FxHash mix) for the trie's word and edge
/// tables: keys are our own dictionary words, not attacker-chosen.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, x: u64) {
        self.0 = (self.0.rotate_left(5) ^ x).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut a = [0u8; 8];
            a.copy_from_slice(c);
            self.add(u64::from_le_bytes(a));
        }
        for &b in chunks.remainder() {
            self.add(u64::from(b));
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

pub(crate) type FxBuild = BuildHasherDefault<FxHasher>;
pub(crate) type FxMap<K, V> = HashMap<K, V, FxBuild>;

const UNKNOWN: u32 = u32::MAX;

/// Per-thread working memory for [`PhraseMatcher::find_all`]; reuse it across sentences so
/// matching does not allocate once the buffers have grown.
#[derive(Debug, Default, Clone)]
pub struct MatchScratch {
    buf: String,
    arena: String,
    toks: Vec<Tok>,
}

impl MatchScratch {
    pub fn new() -> MatchScratch {
        MatchScratch::default()
    }
}

#[derive(Debug, Clone, Copy)]
struct Tok {
    id: u32,
    word: u32,
    first: bool,
    last: bool,
    start: u32,
    end: u32,
}

/// An immutable phrase matcher: normalized word sequences mapped to entries of type `Id`.
///
/// Matching is case-insensitive and uses [`normalize_word`] on both sides, so "AL-MALIKI" in a
/// dictionary matches the single token "Al-Maliki" and the tokens "Al" "-" "Maliki"; a
/// possessive `'s` (as its own token or at the end of a word) does not block a match.
#[derive(Debug, Clone)]
pub struct PhraseMatcher<Id> {
    words: FxMap<Box<str>, u32>,
    edges: FxMap<(u32, u32), u32>,
    terminal: Vec<Option<Id>>,
    /// Stem edges: the last word of the phrase may be a prefix of the sentence word.
    stems: FxMap<(u32, u32), Id>,
    phrases: usize,
}

impl<Id: Copy> Default for PhraseMatcher<Id> {
    fn default() -> Self {
        PhraseMatcher {
            words: FxMap::default(),
            edges: FxMap::default(),
            terminal: vec![None],
            stems: FxMap::default(),
            phrases: 0,
        }
    }
}

impl<Id: Copy> PhraseMatcher<Id> {
    /// An empty matcher.
    pub fn new() -> Self {
        Self::default()
    }

    fn intern(&mut self, w: &str) -> u32 {
        if let Some(&id) = self.words.get(w) {
            return id;
        }
        let id = u32::try_from(self.words.len()).unwrap_or(UNKNOWN - 1);
        self.words.insert(w.into(), id);
        id
    }

    fn walk_insert(&mut self, words: &[Box<str>]) -> u32 {
        let mut node = 0u32;
        for w in words {
            let wid = self.intern(w);
            node = match self.edges.get(&(node, wid)) {
                Some(&n) => n,
                None => {
                    let n = u32::try_from(self.terminal.len()).unwrap_or(u32::MAX);
                    self.terminal.push(None);
                    self.edges.insert((node, wid), n);
                    n
                }
            };
        }
        node
    }

    /// Adds a phrase of normalized words (as produced by the readers). When a phrase is added
    /// twice, the later entry wins (PETRARCH's rule, so later files can override earlier ones).
    /// Returns the entry it replaced, if any. Empty phrases are ignored.
    pub fn insert(&mut self, words: &[Box<str>], id: Id) -> Option<Id> {
        if words.is_empty() {
            return None;
        }
        let node = self.walk_insert(words);
        self.phrases += 1;
        self.terminal.get_mut(node as usize).and_then(|t| t.replace(id))
    }

    /// Adds a phrase whose last word is a stem: it matches any sentence word it is a prefix of
    /// (the discard list's default).
    pub fn insert_stem(&mut self, words: &[Box<str>], id: Id) -> Option<Id> {
        let (last, init) = words.split_last()?;
        let node = self.walk_insert(init);
        let wid = self.intern(last);
        self.phrases += 1;
        self.stems.insert((node, wid), id)
    }

    /// Number of phrases inserted (including replaced duplicates).
    pub fn phrase_count(&self) -> usize {
        self.phrases
    }

    /// The entry of exactly this phrase (words joined by blanks or `_`), if any.
    pub fn lookup(&self, phrase: &str) -> Option<Id> {
        let words: Vec<&str> =
            phrase.split(|c: char| c == '_' || c.is_whitespace()).filter(|w| !w.is_empty()).collect();
        let mut scratch = MatchScratch::new();
        let mut out = Vec::new();
        self.find_all(&words, &mut scratch, &mut out);
        match out.as_slice() {
            [m] if m.start_word == 0 && m.end_word as usize == words.len() => Some(m.entry),
            _ => None,
        }
    }

    fn prepare(&self, words: &[&str], scratch: &mut MatchScratch) {
        let MatchScratch { buf, arena, toks } = scratch;
        toks.clear();
        arena.clear();
        for (wi, w) in words.iter().enumerate() {
            let first_tok = toks.len();
            let word = u32::try_from(wi).unwrap_or(u32::MAX);
            normalize_word(w, buf, |p| {
                let id = self.words.get(p).copied().unwrap_or(UNKNOWN);
                let start = u32::try_from(arena.len()).unwrap_or(u32::MAX);
                arena.push_str(p);
                let end = u32::try_from(arena.len()).unwrap_or(u32::MAX);
                toks.push(Tok { id, word, first: false, last: false, start, end });
            });
            if toks.len() > first_tok {
                toks[first_tok].first = true;
                if let Some(t) = toks.last_mut() {
                    t.last = true;
                }
            }
        }
    }

    /// Finds the longest non-overlapping phrases in `words` (sentence tokens), left to right,
    /// into `out` (cleared first). Indices in the matches are indices into `words`; a match
    /// starts at the start of a token and ends at the end of one.
    pub fn find_all(&self, words: &[&str], scratch: &mut MatchScratch, out: &mut Vec<PhraseMatch<Id>>) {
        out.clear();
        if self.phrases == 0 {
            return;
        }
        self.prepare(words, scratch);
        let toks = &scratch.toks;
        let arena = &scratch.arena;
        let mut i = 0;
        while i < toks.len() {
            if !toks[i].first {
                i += 1;
                continue;
            }
            let mut node = 0u32;
            let mut best: Option<(usize, Id)> = None;
            let mut j = i;
            while j < toks.len() {
                let t = toks[j];
                if !self.stems.is_empty() {
                    if let Some(text) = arena.get(t.start as usize..t.end as usize) {
                        for (k, c) in text.char_indices() {
                            let prefix = &text[..k + c.len_utf8()];
                            if let Some(&wid) = self.words.get(prefix) {
                                if let Some(&e) = self.stems.get(&(node, wid)) {
                                    best = Some((j, e));
                                }
                            }
                        }
                    }
                }
                let Some(&next) = self.edges.get(&(node, t.id)) else {
                    break;
                };
                node = next;
                if t.last {
                    if let Some(Some(e)) = self.terminal.get(node as usize) {
                        best = Some((j, *e));
                    }
                }
                j += 1;
            }
            match best {
                Some((j, e)) => {
                    out.push(PhraseMatch {
                        start_word: toks[i].word,
                        end_word: toks[j].word.saturating_add(1),
                        entry: e,
                    });
                    i = j + 1;
                }
                None => i += 1,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::phrase_words;

    fn m(phrases: &[(&str, u32)]) -> PhraseMatcher<u32> {
        let mut pm = PhraseMatcher::new();
        for (p, id) in phrases {
            pm.insert(&phrase_words(p), *id);
        }
        pm
    }

    fn find(pm: &PhraseMatcher<u32>, s: &str) -> Vec<(u32, u32, u32)> {
        let words: Vec<&str> = s.split(' ').collect();
        let mut out = Vec::new();
        pm.find_all(&words, &mut MatchScratch::new(), &mut out);
        out.iter().map(|m| (m.start_word, m.end_word, m.entry)).collect()
    }

    #[test]
    fn longest_non_overlapping_with_hyphens_and_possessives() {
        let pm = m(&[("NURI_AL-MALIKI", 1), ("AL-MALIKI", 2), ("IRAQ", 3), ("PRIME_MINISTER", 4)]);
        assert_eq!(find(&pm, "Nuri Al - Maliki met"), [(0, 4, 1)]);
        assert_eq!(find(&pm, "Nuri Al-Maliki met"), [(0, 2, 1)]);
        assert_eq!(find(&pm, "Iraq 's Prime Minister Al-Maliki"), [(0, 1, 3), (2, 4, 4), (4, 5, 2)]);
        assert_eq!(find(&pm, "Iraq's Maliki"), [(0, 1, 3)]);
        // A phrase never ends inside a token.
        assert_eq!(find(&pm, "Al-Maliki-ism"), []);
    }

    #[test]
    fn later_insert_wins_and_stems_match_prefixes() {
        let mut pm = m(&[("IRAQ", 1)]);
        assert_eq!(pm.insert(&phrase_words("iraq"), 2), Some(1));
        assert_eq!(pm.lookup("Iraq"), Some(2));
        pm.insert_stem(&phrase_words("BASEBALL"), 9);
        assert_eq!(find(&pm, "the baseballs of Iraq"), [(1, 2, 9), (3, 4, 2)]);
    }
}
