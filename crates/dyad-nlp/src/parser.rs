//! Transition-based dependency parser producing UD relations, trained on UD English-EWT.
//!
//! The parser is a greedy arc-hybrid transition system with the root token at the end of the
//! buffer (so that exactly one word can attach to the root and every parse is a single-rooted
//! tree). Transitions are chosen by an averaged perceptron over Zhang & Nivre (2011) style feature
//! templates (word forms, XPOS and UPOS tags, Brown clusters, suffixes, children and their labels,
//! distance, valency, label sets); the label of each new arc is chosen by a second perceptron that
//! sees the finished dependent, its head and their neighbourhood. Features are 64-bit hashes of
//! template id and atoms; the weights live in compact open-addressing tables of 16-bit quantized
//! weights keyed by a fingerprint of the feature hash, so that the model is small and loading is a
//! plain copy. Trees are projective (non-projective gold arcs are lifted for training).
//!
//! Training (with a dynamic oracle and error exploration) lives in [`train`].

use dyad_text::Span;

use crate::model::ModelError;
use crate::table::HugeTable;
use crate::tags::{DepRel, Upos, Xpos};

pub mod train;

const MAGIC: &[u8; 8] = b"DYADPRS\0";
const VERSION: u32 = 2;

/// Transition ids: the action model scores these three classes.
pub(crate) const SHIFT: usize = 0;
pub(crate) const LEFT: usize = 1;
pub(crate) const RIGHT: usize = 2;
pub(crate) const N_ACTIONS: usize = 3;

/// Tag atoms for the two pseudo tokens.
const TAG_ROOT: u64 = 0xFF;
const TAG_NONE: u64 = 0xFE;
/// Label atom for tokens that have no label (yet).
const LABEL_NONE: u64 = 0xFF;

/// The input of one parse: word spans into `text` and their tags.
#[derive(Debug, Clone, Copy)]
pub struct ParseInput<'a> {
    pub text: &'a str,
    pub spans: &'a [Span],
    pub upos: &'a [Upos],
    pub xpos: &'a [Xpos],
}

/// A trained parser. Immutable after loading; share it between threads.
#[derive(Clone)]
pub struct Parser {
    /// Action weights: per slot `[key, w_shift, w_left, w_right]`, key 0 marks an empty slot.
    act: HugeTable<[i16; 4]>,
    /// Label classes: class index -> relation.
    labels: Vec<DepRel>,
    /// Label classes allowed for left arcs (dependent before head) and right arcs, as bit masks.
    left_mask: u64,
    right_mask: u64,
    /// Label table: per slot `[key, start << 8 | len]` (key 0 = empty) pointing into `lab_pairs`,
    /// which holds the feature's nonzero weights as `class << 16 | weight as u16`. Most features
    /// carry weight for only a few of the ~50 classes, so the sparse rows keep the table small.
    lab_slots: HugeTable<[u32; 2]>,
    lab_pairs: HugeTable<u32>,
    /// Brown word clusters of frequent forms.
    clusters: Clusters,
}

/// Word clusters: per slot `[key, cluster]`, key 0 = empty. The cluster is its bit path below the
/// root with a leading 1 bit, so that prefixes of any length are one shift away.
#[derive(Debug, Clone)]
pub(crate) struct Clusters {
    slots: Vec<[u32; 2]>,
}

impl Default for Clusters {
    fn default() -> Self {
        Clusters { slots: vec![[0, 0]] }
    }
}

impl Clusters {
    /// Builds the table from `(form, bit string)` pairs, most frequent first; forms are keyed as the
    /// parser normalizes them, and the first cluster of a normalized form wins.
    pub(crate) fn build(pairs: &[(String, String)]) -> Clusters {
        let size = (pairs.len() * 5 / 3 + 2).next_power_of_two();
        let mut slots = vec![[0u32; 2]; size];
        let mask = size - 1;
        for (form, bits) in pairs {
            if bits.is_empty() || bits.len() > 30 || !bits.bytes().all(|b| b == b'0' || b == b'1') {
                continue;
            }
            let value = bits.bytes().fold(1u32, |v, b| v << 1 | (b - b'0') as u32);
            let h = hash_form(form).0;
            let key = ((h >> 32) as u32).max(1);
            let mut i = h as usize & mask;
            while slots[i][0] != 0 && slots[i][0] != key {
                i = (i + 1) & mask;
            }
            if slots[i][0] == 0 {
                slots[i] = [key, value];
            }
        }
        Clusters { slots }
    }

    #[inline]
    fn get(&self, h: u64) -> u32 {
        let mask = self.slots.len() - 1;
        let key = ((h >> 32) as u32).max(1);
        let mut i = h as usize & mask;
        loop {
            let [k, v] = self.slots[i];
            if k == key {
                return v;
            }
            if k == 0 {
                return 0;
            }
            i = (i + 1) & mask;
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.slots.iter().filter(|s| s[0] != 0).count()
    }
}

/// The first `k` bits of a cluster path (the whole path if shorter), marker bit included.
#[inline]
fn prefix(c: u32, k: u32) -> u64 {
    let len = 31u32.saturating_sub(c.leading_zeros());
    (if len > k { c >> (len - k) } else { c }) as u64
}

impl std::fmt::Debug for Parser {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Parser")
            .field("action_slots", &self.act.len())
            .field("labels", &self.labels)
            .field("label_slots", &self.lab_slots.len())
            .field("label_weights", &self.lab_pairs.len())
            .field("clusters", &self.clusters.len())
            .finish()
    }
}

/// Per-thread working memory of the parser, reused between sentences.
#[derive(Debug, Default, Clone)]
pub struct ParserScratch {
    pub(crate) st: State,
    feats: Vec<u64>,
    scores: Vec<i32>,
}

/// The sentence being parsed and the parser configuration (stack, buffer, partial tree).
///
/// Token 0 is the root, tokens `1..=n` are the words and token `n + 1` is the "no token" filler
/// that feature extraction reads when a position (such as the third stack item) is empty, so that
/// templates need no branches.
#[derive(Debug, Default, Clone)]
pub(crate) struct State {
    pub(crate) n: u32,
    /// Buffer front: a word index in `1..=n`, or `n + 1` when only the root is left in the buffer.
    pub(crate) b: u32,
    pub(crate) stack: Vec<u32>,
    pub(crate) word: Vec<u64>,
    pub(crate) suf: Vec<u64>,
    pub(crate) tag: Vec<u64>,
    pub(crate) upos: Vec<u64>,
    /// Cluster prefixes of 4 and 6 bits and the full cluster (0 for unknown words).
    c4: Vec<u64>,
    c6: Vec<u64>,
    cf: Vec<u64>,
    pub(crate) head: Vec<u32>,
    pub(crate) label: Vec<u64>,
    l1: Vec<u32>,
    l2: Vec<u32>,
    r1: Vec<u32>,
    r2: Vec<u32>,
    nl: Vec<u64>,
    nr: Vec<u64>,
    lset: Vec<u64>,
    rset: Vec<u64>,
}

#[inline]
fn mix(h: u64, x: u64) -> u64 {
    (h ^ x).wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(31)
}

#[inline]
fn finish(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
    h ^= h >> 33;
    h = h.wrapping_mul(0xC4CE_B9FE_1A85_EC53);
    h ^ (h >> 33)
}

/// Hashes a word form, lowercased and with digits folded to `0`, without allocating.
/// Returns the form hash and a suffix atom (last three characters).
fn hash_form(form: &str) -> (u64, u64) {
    let mut h: u64 = 0xCBF2_9CE4_8422_2325;
    // The last three characters, kept as a rolling window, give a suffix atom for unknown words.
    let mut last = [0u32; 3];
    for c in form.chars() {
        let c = if c.is_ascii() {
            let c = c.to_ascii_lowercase();
            if c.is_ascii_digit() {
                '0'
            } else {
                c
            }
        } else {
            c.to_lowercase().next().unwrap_or(c)
        };
        h = (h ^ c as u64).wrapping_mul(0x0000_0100_0000_01B3);
        last = [last[1], last[2], c as u32];
    }
    let suf = ((last[0] as u64) << 42) ^ ((last[1] as u64) << 21) ^ last[2] as u64 ^ 0x5u64 << 62;
    (finish(h), suf)
}

#[inline]
fn bucket(d: u32) -> u64 {
    match d {
        0..=4 => d as u64,
        5..=6 => 5,
        7..=9 => 6,
        10..=14 => 7,
        _ => 8,
    }
}

impl State {
    /// Loads a sentence and resets the configuration.
    pub(crate) fn load(&mut self, input: &ParseInput<'_>, clusters: &Clusters) {
        let n = input.spans.len();
        let m = n + 2;
        self.n = n as u32;
        self.b = 1;
        self.stack.clear();
        for v in [
            &mut self.word,
            &mut self.suf,
            &mut self.tag,
            &mut self.upos,
            &mut self.label,
            &mut self.c4,
            &mut self.c6,
            &mut self.cf,
        ] {
            v.clear();
            v.resize(m, 0);
        }
        for v in [&mut self.head, &mut self.l1, &mut self.l2, &mut self.r1, &mut self.r2] {
            v.clear();
            v.resize(m, (n + 1) as u32);
        }
        for v in [&mut self.nl, &mut self.nr, &mut self.lset, &mut self.rset] {
            v.clear();
            v.resize(m, 0);
        }
        self.label.iter_mut().for_each(|l| *l = LABEL_NONE);
        self.word[0] = 0x1111_2222_3333_4444;
        self.word[n + 1] = 0x5555_6666_7777_8888;
        self.suf[0] = 1;
        self.suf[n + 1] = 2;
        self.tag[0] = TAG_ROOT;
        self.tag[n + 1] = TAG_NONE;
        self.upos[0] = TAG_ROOT;
        self.upos[n + 1] = TAG_NONE;
        for (i, span) in input.spans.iter().enumerate() {
            let form = span.get(input.text).unwrap_or("");
            let (w, s) = hash_form(form);
            self.word[i + 1] = w;
            self.suf[i + 1] = s;
            let c = clusters.get(w);
            self.c4[i + 1] = prefix(c, 4);
            self.c6[i + 1] = prefix(c, 6);
            self.cf[i + 1] = c as u64;
            self.tag[i + 1] = input.xpos.get(i).map_or(0, |t| t.0 as u64);
            self.upos[i + 1] = input.upos.get(i).map_or(0, |t| t.0 as u64);
        }
    }

    #[inline]
    pub(crate) fn none(&self) -> u32 {
        self.n + 1
    }

    /// Linear position of a token: the root sits after the last word.
    #[inline]
    pub(crate) fn pos(&self, t: u32) -> u32 {
        if t == 0 {
            self.n + 1
        } else {
            t
        }
    }

    /// The buffer front as a token (0 when only the root is left).
    #[inline]
    pub(crate) fn b0(&self) -> u32 {
        if self.b <= self.n {
            self.b
        } else {
            0
        }
    }

    #[inline]
    fn buf(&self, k: u32) -> u32 {
        let i = self.b + k;
        if i <= self.n {
            i
        } else if i == self.n + 1 {
            0
        } else {
            self.none()
        }
    }

    #[inline]
    fn s(&self, k: usize) -> u32 {
        let len = self.stack.len();
        if k < len {
            self.stack[len - 1 - k]
        } else {
            self.none()
        }
    }

    pub(crate) fn is_terminal(&self) -> bool {
        self.stack.is_empty() && self.b > self.n
    }

    /// Which transitions are legal; at least one is whenever the state is not terminal.
    #[inline]
    pub(crate) fn legal(&self) -> [bool; N_ACTIONS] {
        let depth = self.stack.len();
        let at_root = self.b > self.n;
        [!at_root, depth >= 1 && (!at_root || depth == 1), depth >= 2]
    }

    /// The arc a transition would add, as `(head, dependent)`.
    #[inline]
    pub(crate) fn arc_of(&self, action: usize) -> (u32, u32) {
        match action {
            LEFT => (self.b0(), self.s(0)),
            _ => (self.s(1), self.s(0)),
        }
    }

    /// Applies a legal transition; `label` is the relation atom of the new arc, if any.
    pub(crate) fn apply(&mut self, action: usize, label: u64) {
        match action {
            SHIFT => {
                self.stack.push(self.b);
                self.b += 1;
            }
            _ => {
                let (h, d) = self.arc_of(action);
                self.stack.pop();
                self.attach(h, d, label);
            }
        }
    }

    fn attach(&mut self, h: u32, d: u32, label: u64) {
        let (hu, du) = (h as usize, d as usize);
        let none = self.none();
        self.head[du] = h;
        self.label[du] = label;
        let bit = 1u64 << (label & 63);
        if self.pos(d) < self.pos(h) {
            if self.l1[hu] == none || d < self.l1[hu] {
                self.l2[hu] = self.l1[hu];
                self.l1[hu] = d;
            } else if self.l2[hu] == none || d < self.l2[hu] {
                self.l2[hu] = d;
            }
            self.nl[hu] += 1;
            self.lset[hu] |= bit;
        } else {
            if self.r1[hu] == none || d > self.r1[hu] {
                self.r2[hu] = self.r1[hu];
                self.r1[hu] = d;
            } else if self.r2[hu] == none || d > self.r2[hu] {
                self.r2[hu] = d;
            }
            self.nr[hu] += 1;
            self.rset[hu] |= bit;
        }
    }

    /// Writes the hashed action features of the current configuration.
    pub(crate) fn action_features(&self, out: &mut Vec<u64>) {
        out.clear();
        let (s0, s1, s2) = (self.s(0) as usize, self.s(1) as usize, self.s(2) as usize);
        let (b0, b1, b2) = (self.buf(0) as usize, self.buf(1) as usize, self.buf(2) as usize);
        let w = &self.word;
        let p = &self.tag;
        let l = &self.label;
        let s0l = self.l1[s0] as usize;
        let s0l2 = self.l2[s0] as usize;
        let s0r = self.r1[s0] as usize;
        let s0r2 = self.r2[s0] as usize;
        let s1l = self.l1[s1] as usize;
        let s1r = self.r1[s1] as usize;
        let b0l = self.l1[b0] as usize;
        let b0l2 = self.l2[b0] as usize;
        let none = self.none() as usize;
        let d = if s0 == none { 0 } else { bucket(self.pos(b0 as u32).saturating_sub(s0 as u32)) };
        let d2 = if s1 == none || s0 == none { 0 } else { bucket((s0 as u32).saturating_sub(s1 as u32)) };
        let mut t = 0u64;
        let mut f = |atoms: &[u64]| {
            t += 1;
            let mut h = mix(0x243F_6A88_85A3_08D3, t);
            for &a in atoms {
                h = mix(h, a);
            }
            out.push(finish(h));
        };
        // Single tokens.
        f(&[w[s0], p[s0]]);
        f(&[w[s0]]);
        f(&[p[s0]]);
        f(&[w[b0], p[b0]]);
        f(&[w[b0]]);
        f(&[p[b0]]);
        f(&[w[b1], p[b1]]);
        f(&[w[b1]]);
        f(&[p[b1]]);
        f(&[w[b2], p[b2]]);
        f(&[p[b2]]);
        f(&[w[s1], p[s1]]);
        f(&[w[s1]]);
        f(&[p[s1]]);
        f(&[p[s2]]);
        f(&[self.suf[s0], p[s0]]);
        f(&[self.suf[b0], p[b0]]);
        // Pairs.
        f(&[w[s0], p[s0], w[b0], p[b0]]);
        f(&[w[s0], p[s0], w[b0]]);
        f(&[w[s0], w[b0], p[b0]]);
        f(&[w[s0], p[s0], p[b0]]);
        f(&[p[s0], w[b0], p[b0]]);
        f(&[w[s0], w[b0]]);
        f(&[p[s0], p[b0]]);
        f(&[p[b0], p[b1]]);
        f(&[p[s1], p[s0]]);
        f(&[w[s1], w[s0]]);
        f(&[w[s1], p[s0]]);
        f(&[p[s1], w[s0]]);
        f(&[w[s1], p[s1], p[s0]]);
        f(&[p[s1], w[s0], p[s0]]);
        f(&[w[s1], w[b0]]);
        f(&[p[s1], p[b0]]);
        f(&[w[b0], w[b1]]);
        f(&[w[b0], p[b1]]);
        f(&[p[b0], w[b1]]);
        // Triples.
        f(&[p[b0], p[b1], p[b2]]);
        f(&[p[s0], p[b0], p[b1]]);
        f(&[p[s1], p[s0], p[b0]]);
        f(&[p[s0], p[s0l], p[b0]]);
        f(&[p[s0], p[s0r], p[b0]]);
        f(&[p[s0], p[b0], p[b0l]]);
        f(&[p[s2], p[s1], p[s0]]);
        f(&[p[s1], p[s1r], p[s0]]);
        f(&[p[s1], p[s1l], p[s0]]);
        f(&[p[s1], p[s0], p[b1]]);
        f(&[w[s1], p[s1], p[s0], p[b0]]);
        f(&[p[s1], w[s0], p[s0], p[b0]]);
        f(&[p[s1], p[s0], w[b0], p[b0]]);
        // Universal tags: coarser, and more often right when tags are predicted.
        let u = &self.upos;
        f(&[u[s0], u[b0]]);
        f(&[u[s1], u[s0], u[b0]]);
        f(&[u[s0], u[b0], u[b1]]);
        f(&[w[s0], u[b0]]);
        f(&[u[s0], w[b0]]);
        f(&[u[s1], u[s0], u[s0l], u[s0r]]);
        // Distance.
        f(&[w[s0], d]);
        f(&[p[s0], d]);
        f(&[w[b0], d]);
        f(&[p[b0], d]);
        f(&[w[s0], w[b0], d]);
        f(&[p[s0], p[b0], d]);
        f(&[p[s1], p[s0], d2]);
        f(&[w[s1], w[s0], d2]);
        f(&[p[s1], p[s0], p[b0], d, d2]);
        // Valency.
        f(&[w[s0], self.nr[s0]]);
        f(&[p[s0], self.nr[s0]]);
        f(&[w[s0], self.nl[s0]]);
        f(&[p[s0], self.nl[s0]]);
        f(&[w[b0], self.nl[b0]]);
        f(&[p[b0], self.nl[b0]]);
        f(&[p[s1], self.nr[s1]]);
        f(&[p[s1], self.nl[s1]]);
        // Children.
        f(&[w[s0l]]);
        f(&[p[s0l]]);
        f(&[l[s0l]]);
        f(&[w[s0r]]);
        f(&[p[s0r]]);
        f(&[l[s0r]]);
        f(&[w[b0l]]);
        f(&[p[b0l]]);
        f(&[l[b0l]]);
        f(&[w[s1r], p[s1r]]);
        f(&[l[s1r]]);
        f(&[l[s1l]]);
        f(&[w[s0l2]]);
        f(&[p[s0l2]]);
        f(&[l[s0l2]]);
        f(&[w[s0r2]]);
        f(&[p[s0r2]]);
        f(&[l[s0r2]]);
        f(&[w[b0l2]]);
        f(&[p[b0l2]]);
        f(&[l[b0l2]]);
        f(&[p[s0], p[s0l], p[s0l2]]);
        f(&[p[s0], p[s0r], p[s0r2]]);
        f(&[p[b0], p[b0l], p[b0l2]]);
        f(&[p[s0], l[s0l], l[s0r], p[b0]]);
        f(&[p[b0], l[b0l], p[s0]]);
        // Word clusters.
        let (c4, c6, cf) = (&self.c4, &self.c6, &self.cf);
        f(&[cf[s0]]);
        f(&[cf[b0]]);
        f(&[cf[b1]]);
        f(&[cf[s1]]);
        f(&[c6[s0], p[s0]]);
        f(&[c6[b0], p[b0]]);
        f(&[c4[s0], c4[b0]]);
        f(&[c6[s0], c6[b0]]);
        f(&[c4[s0], p[b0]]);
        f(&[p[s0], c4[b0]]);
        f(&[cf[s0], p[b0]]);
        f(&[p[s0], cf[b0]]);
        f(&[c4[s1], c4[s0]]);
        f(&[c4[s1], p[s0]]);
        f(&[p[s1], c4[s0]]);
        f(&[c4[b0], c4[b1]]);
        f(&[p[s0], c4[b0], p[b1]]);
        f(&[p[s1], c4[s0], p[b0]]);
        // Label sets.
        f(&[w[s0], self.rset[s0]]);
        f(&[p[s0], self.rset[s0]]);
        f(&[w[s0], self.lset[s0]]);
        f(&[p[s0], self.lset[s0]]);
        f(&[w[b0], self.lset[b0]]);
        f(&[p[b0], self.lset[b0]]);
        f(&[p[s1], self.rset[s1]]);
        f(&[p[s1], self.lset[s1]]);
        f(&[p[s1], self.lset[s1], p[s0], self.lset[s0]]);
    }

    /// Writes the hashed label features for attaching `d` to `h`.
    pub(crate) fn label_features(&self, h: u32, d: u32, out: &mut Vec<u64>) {
        out.clear();
        let none = self.none();
        let dir = (self.pos(d) < self.pos(h)) as u64;
        let dist = bucket(self.pos(d).abs_diff(self.pos(h)));
        let (h, d) = (h as usize, d as usize);
        let w = &self.word;
        let p = &self.tag;
        let u = &self.upos;
        let l = &self.label;
        let dl = self.l1[d] as usize;
        let dr = self.r1[d] as usize;
        let dl2 = self.l2[d] as usize;
        let hl = self.l1[h] as usize;
        let hr = self.r1[h] as usize;
        let dprev = if d >= 2 && d as u32 <= self.n { d - 1 } else { none as usize };
        let dnext = if d >= 1 && (d as u32) < self.n { d + 1 } else { none as usize };
        let hprev = if h >= 2 && h as u32 <= self.n { h - 1 } else { none as usize };
        let mut t = 0u64;
        let mut f = |atoms: &[u64]| {
            t += 1;
            let mut h = mix(0x1319_8A2E_0370_7344 ^ dir, t);
            for &a in atoms {
                h = mix(h, a);
            }
            out.push(finish(h));
        };
        f(&[]);
        f(&[w[d]]);
        f(&[p[d]]);
        f(&[w[d], p[d]]);
        f(&[u[d], u[h]]);
        f(&[w[h]]);
        f(&[p[h]]);
        f(&[w[h], p[h]]);
        f(&[p[d], p[h]]);
        f(&[w[d], p[h]]);
        f(&[p[d], w[h]]);
        f(&[w[d], w[h]]);
        f(&[p[d], p[h], dist]);
        f(&[self.suf[d], p[d]]);
        f(&[p[d], w[dl]]);
        f(&[p[d], l[dl], w[dl]]);
        f(&[p[h], p[d], w[dl]]);
        f(&[w[h], w[dl]]);
        f(&[p[d], self.lset[d], self.rset[d]]);
        f(&[p[d], self.lset[d]]);
        f(&[p[d], self.rset[d]]);
        f(&[p[h], self.lset[h], self.rset[h], p[d]]);
        f(&[p[h], self.lset[h], p[d]]);
        f(&[p[h], self.rset[h], p[d]]);
        f(&[w[h], self.lset[h], p[d]]);
        f(&[p[d], w[dr]]);
        f(&[p[d], l[dr], p[dr]]);
        f(&[p[d], p[dl], p[dl2]]);
        f(&[p[d], p[dprev], p[dnext]]);
        f(&[p[d], w[dprev]]);
        f(&[p[d], p[h], p[hprev]]);
        f(&[p[d], p[h], self.nl[h], self.nr[h]]);
        f(&[p[d], p[h], l[hl], l[hr]]);
        f(&[w[d], p[h], l[hl]]);
        f(&[p[d], self.nl[d], self.nr[d]]);
        f(&[p[h], p[d], w[dl], self.lset[h]]);
        f(&[w[d], w[dl]]);
        f(&[u[d], u[h], dist]);
        f(&[self.c4[d]]);
        f(&[self.cf[d]]);
        f(&[self.c4[h]]);
        f(&[self.c4[d], self.c4[h]]);
        f(&[self.c6[d], self.c6[h]]);
        f(&[self.cf[d], p[h]]);
        f(&[p[d], self.cf[h]]);
        f(&[self.c6[dl], p[d]]);
    }
}

impl Parser {
    const ACT_SLOT_BYTES: usize = 8;

    /// Sums the action weights of `feats`.
    ///
    /// Lookups are almost all cache misses, so the first probe of every feature is done without
    /// data-dependent branches (which would serialize the misses on each mispredict); the few
    /// features whose first slot holds another key are finished in a second pass, when their
    /// neighbouring slots are already in cache.
    #[inline]
    fn score_actions(&self, feats: &[u64]) -> [i32; N_ACTIONS] {
        let mut acc = [0i32; N_ACTIONS];
        // The table's slice, taken once: each `HugeTable` deref costs a branch and a cast.
        let act: &[[i16; 4]] = &self.act;
        let mask = act.len() - 1;
        let mut pending = [0u64; 64];
        for chunk in feats.chunks(64) {
            let mut np = 0usize;
            for &h in chunk {
                let key = ((h >> 48) as u16).max(1) as i16;
                let s = act[h as usize & mask];
                let hit = -((s[0] == key) as i32);
                acc[0] += s[1] as i32 & hit;
                acc[1] += s[2] as i32 & hit;
                acc[2] += s[3] as i32 & hit;
                pending[np] = h;
                np += (s[0] != key && s[0] != 0) as usize;
            }
            for &h in &pending[..np] {
                let key = ((h >> 48) as u16).max(1) as i16;
                let mut i = (h as usize + 1) & mask;
                loop {
                    let s = &act[i];
                    if s[0] == key {
                        acc[0] += s[1] as i32;
                        acc[1] += s[2] as i32;
                        acc[2] += s[3] as i32;
                        break;
                    }
                    if s[0] == 0 {
                        break;
                    }
                    i = (i + 1) & mask;
                }
            }
        }
        acc
    }

    /// Sums the label weights of `feats`, resolving slots first as [`Parser::score_actions`] does.
    fn score_labels(&self, feats: &[u64], out: &mut Vec<i32>) {
        let nl = self.labels.len();
        out.clear();
        out.resize(nl, 0);
        let (slots, pairs): (&[[u32; 2]], &[u32]) = (&self.lab_slots, &self.lab_pairs);
        let mask = slots.len() - 1;
        let mut locs = [0u32; 64];
        let mut pending = [0usize; 64];
        for chunk in feats.chunks(64) {
            let mut np = 0usize;
            for (j, &h) in chunk.iter().enumerate() {
                let key = ((h >> 32) as u32).max(1);
                let [k, loc] = slots[h as usize & mask];
                locs[j] = if k == key { loc } else { 0 };
                pending[np] = j;
                np += (k != key && k != 0) as usize;
            }
            for &j in &pending[..np] {
                let h = chunk[j];
                let key = ((h >> 32) as u32).max(1);
                let mut i = (h as usize + 1) & mask;
                loop {
                    let [k, loc] = slots[i];
                    if k == key {
                        locs[j] = loc;
                        break;
                    }
                    if k == 0 {
                        break;
                    }
                    i = (i + 1) & mask;
                }
            }
            for &loc in &locs[..chunk.len()] {
                let (start, len) = ((loc >> 8) as usize, (loc & 0xFF) as usize);
                for &pw in pairs.get(start..start + len).unwrap_or(&[]) {
                    if let Some(o) = out.get_mut((pw >> 16) as usize) {
                        *o += pw as u16 as i16 as i32;
                    }
                }
            }
        }
    }

    /// Picks the best label class for the arc `h -> d` in state `st`.
    fn predict_label(
        &self,
        st: &State,
        h: u32,
        d: u32,
        feats: &mut Vec<u64>,
        scores: &mut Vec<i32>,
    ) -> DepRel {
        if h == 0 {
            return DepRel::ROOT;
        }
        st.label_features(h, d, feats);
        self.score_labels(feats, scores);
        let mask = if st.pos(d) < st.pos(h) { self.left_mask } else { self.right_mask };
        let mut best = None;
        let mut best_score = i32::MIN;
        for (c, &s) in scores.iter().enumerate() {
            if mask >> c & 1 == 1 && s > best_score {
                best_score = s;
                best = Some(c);
            }
        }
        best.and_then(|c| self.labels.get(c).copied()).unwrap_or(DepRel::DEP)
    }

    /// Parses one sentence. `heads[i]` is 0 for the root or the 1-based index of word i's head;
    /// both outputs are cleared first. The result is always a single-rooted projective tree.
    pub fn parse(
        &self,
        input: &ParseInput<'_>,
        scratch: &mut ParserScratch,
        heads: &mut Vec<u32>,
        rels: &mut Vec<DepRel>,
    ) {
        heads.clear();
        rels.clear();
        let ParserScratch { st, feats, scores } = scratch;
        st.load(input, &self.clusters);
        while !st.is_terminal() {
            let legal = st.legal();
            let mut best = usize::MAX;
            if legal.iter().filter(|&&l| l).count() == 1 {
                // A forced move (a shift onto an empty stack, the reductions once the buffer
                // holds only the root) needs no scores: one transition in six on EWT test.
                best = legal.iter().position(|&l| l).unwrap_or(usize::MAX);
            } else {
                st.action_features(feats);
                let sc = self.score_actions(feats);
                for a in 0..N_ACTIONS {
                    if legal[a] && (best == usize::MAX || sc[a] > sc[best]) {
                        best = a;
                    }
                }
            }
            if best == usize::MAX {
                break;
            }
            let label = if best == SHIFT {
                LABEL_NONE
            } else {
                let (h, d) = st.arc_of(best);
                self.predict_label(st, h, d, feats, scores).0 as u64
            };
            st.apply(best, label);
        }
        let n = st.n as usize;
        heads.extend_from_slice(&st.head[1..=n]);
        rels.extend(st.label[1..=n].iter().map(|&l| DepRel(l as u8)));
    }

    /// Serializes the model. Layout, all little-endian: magic `DYADPRS\0`, version u32, label
    /// count u32 and one `DepRel` byte per class, left and right label masks u64, cluster table
    /// (slot count u32, then `[key u32, cluster u32]` slots), action table (slot count u32, then
    /// `[key, shift, left, right]` i16 slots), label table (slot count u32, pair count u32,
    /// `[key u32, start << 8 | len u32]` slots, u32 pairs), and a u64 checksum of all before it.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out =
            Vec::with_capacity(64 + self.act.len() * 8 + self.lab_slots.len() * 8 + self.lab_pairs.len() * 4);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.extend_from_slice(&(self.labels.len() as u32).to_le_bytes());
        out.extend(self.labels.iter().map(|l| l.0));
        out.extend_from_slice(&self.left_mask.to_le_bytes());
        out.extend_from_slice(&self.right_mask.to_le_bytes());
        out.extend_from_slice(&(self.clusters.slots.len() as u32).to_le_bytes());
        for s in &self.clusters.slots {
            out.extend_from_slice(&s[0].to_le_bytes());
            out.extend_from_slice(&s[1].to_le_bytes());
        }
        out.extend_from_slice(&(self.act.len() as u32).to_le_bytes());
        for s in self.act.iter() {
            for v in s {
                out.extend_from_slice(&v.to_le_bytes());
            }
        }
        out.extend_from_slice(&(self.lab_slots.len() as u32).to_le_bytes());
        out.extend_from_slice(&(self.lab_pairs.len() as u32).to_le_bytes());
        for s in self.lab_slots.iter() {
            out.extend_from_slice(&s[0].to_le_bytes());
            out.extend_from_slice(&s[1].to_le_bytes());
        }
        for w in self.lab_pairs.iter() {
            out.extend_from_slice(&w.to_le_bytes());
        }
        let sum = checksum(&out);
        out.extend_from_slice(&sum.to_le_bytes());
        out
    }

    /// Loads a model written by [`Parser::to_bytes`], checking every length and the checksum.
    pub fn from_bytes(bytes: &[u8]) -> Result<Parser, ModelError> {
        if bytes.len() < MAGIC.len() {
            return Err(if MAGIC.starts_with(bytes) {
                ModelError::Truncated
            } else {
                ModelError::BadMagic { expected: "parser" }
            });
        }
        if &bytes[..8] != MAGIC {
            return Err(ModelError::BadMagic { expected: "parser" });
        }
        let mut r = Reader { bytes, pos: 8 };
        let version = r.u32()?;
        if version != VERSION {
            return Err(ModelError::Version { model: "parser", found: version, expected: VERSION });
        }
        if bytes.len() < 8 + 12 {
            return Err(ModelError::Truncated);
        }
        let (body, tail) = bytes.split_at(bytes.len() - 8);
        let nl = r.u32()? as usize;
        if nl == 0 || nl > 64 {
            return Err(ModelError::Corrupt(format!("label count {nl} out of range")));
        }
        let labels: Vec<DepRel> = r.take(nl)?.iter().map(|&b| DepRel(b)).collect();
        if let Some(bad) = labels.iter().find(|l| l.index() >= DepRel::COUNT) {
            return Err(ModelError::Corrupt(format!("unknown relation id {}", bad.0)));
        }
        let left_mask = r.u64()?;
        let right_mask = r.u64()?;
        let n_cl = r.u32()? as usize;
        if !n_cl.is_power_of_two() {
            return Err(ModelError::Corrupt(format!("cluster table size {n_cl} is not a power of two")));
        }
        let raw = r.take(n_cl.checked_mul(8).ok_or(ModelError::Truncated)?)?;
        let clusters = Clusters { slots: read_pairs(raw) };
        let n_act = r.u32()? as usize;
        if !n_act.is_power_of_two() {
            return Err(ModelError::Corrupt(format!("action table size {n_act} is not a power of two")));
        }
        let raw = r.take(n_act.checked_mul(Self::ACT_SLOT_BYTES).ok_or(ModelError::Truncated)?)?;
        let act: Vec<[i16; 4]> = raw
            .chunks_exact(8)
            .map(|c| {
                [
                    i16::from_le_bytes([c[0], c[1]]),
                    i16::from_le_bytes([c[2], c[3]]),
                    i16::from_le_bytes([c[4], c[5]]),
                    i16::from_le_bytes([c[6], c[7]]),
                ]
            })
            .collect();
        let n_lab = r.u32()? as usize;
        if !n_lab.is_power_of_two() {
            return Err(ModelError::Corrupt(format!("label table size {n_lab} is not a power of two")));
        }
        let n_pairs = r.u32()? as usize;
        let raw = r.take(n_lab.checked_mul(8).ok_or(ModelError::Truncated)?)?;
        let lab_slots = read_pairs(raw);
        let raw = r.take(n_pairs.checked_mul(4).ok_or(ModelError::Truncated)?)?;
        let lab_pairs: Vec<u32> =
            raw.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect();
        if r.pos != body.len() {
            return Err(if r.pos > body.len() {
                ModelError::Truncated
            } else {
                ModelError::Corrupt("trailing bytes after the weight tables".into())
            });
        }
        let stored = u64::from_le_bytes(tail.try_into().map_err(|_| ModelError::Truncated)?);
        if stored != checksum(body) {
            return Err(ModelError::Corrupt("checksum mismatch".into()));
        }
        // Every probe sequence must end at an empty slot, or lookups of unknown features would loop.
        if !act.iter().any(|s| s[0] == 0)
            || !lab_slots.iter().any(|s| s[0] == 0)
            || !clusters.slots.iter().any(|s| s[0] == 0)
        {
            return Err(ModelError::Corrupt("weight table has no empty slot".into()));
        }
        for &[k, loc] in &lab_slots {
            let (start, len) = ((loc >> 8) as usize, (loc & 0xFF) as usize);
            if k != 0 && start + len > lab_pairs.len() {
                return Err(ModelError::Corrupt("label weights out of range".into()));
            }
        }
        if lab_pairs.iter().any(|&pw| (pw >> 16) as usize >= nl) {
            return Err(ModelError::Corrupt("label weight for an unknown class".into()));
        }
        Ok(Parser {
            act: HugeTable::new(act),
            labels,
            left_mask,
            right_mask,
            lab_slots: HugeTable::new(lab_slots),
            lab_pairs: HugeTable::new(lab_pairs),
            clusters,
        })
    }

    /// The relations the model can predict.
    pub fn labels(&self) -> &[DepRel] {
        &self.labels
    }
}

fn read_pairs(raw: &[u8]) -> Vec<[u32; 2]> {
    raw.chunks_exact(8)
        .map(|c| [u32::from_le_bytes([c[0], c[1], c[2], c[3]]), u32::from_le_bytes([c[4], c[5], c[6], c[7]])])
        .collect()
}

/// A 64-bit checksum over 8-byte words (FNV-style), fast enough to run on every load.
fn checksum(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xCBF2_9CE4_8422_2325 ^ bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let v = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        h = (h ^ v).wrapping_mul(0x0000_0100_0000_01B3).rotate_left(17);
    }
    for &b in chunks.remainder() {
        h = (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01B3);
    }
    finish(h)
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let end = self.pos.checked_add(n).ok_or(ModelError::Truncated)?;
        let s = self.bytes.get(self.pos..end).ok_or(ModelError::Truncated)?;
        self.pos = end;
        Ok(s)
    }
    fn u32(&mut self) -> Result<u32, ModelError> {
        let s = self.take(4)?;
        Ok(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    }
    fn u64(&mut self) -> Result<u64, ModelError> {
        let s = self.take(8)?;
        Ok(u64::from_le_bytes([s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7]]))
    }
}
