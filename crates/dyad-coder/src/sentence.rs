//! The per-sentence view the coder works on: the words of one sentence with 0-based heads,
//! children lists, normalized upper-case forms and lemmas, and the dictionary parts (hyphen
//! pieces) phrases are matched against.
//!
//! All buffers are reused from sentence to sentence, so building the view does not allocate
//! once they have grown to the longest sentence.

use dyad_nlp::{DepRel, Document, Upos, Word};

/// No head: the sentence root.
pub(crate) const NONE: u32 = u32::MAX;

/// One normalized piece of a word, as dictionary phrases are matched ("Al-Maliki" gives AL and
/// MALIKI, both pointing at the same word).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Part {
    pub word: u32,
    pub start: u32,
    pub end: u32,
}

/// The analysed sentence.
#[derive(Debug, Default)]
pub(crate) struct Sent {
    pub index: usize,
    pub words: Vec<Word>,
    /// 0-based head of each word, [`NONE`] for the root.
    pub head: Vec<u32>,
    /// Relation of each word, with UD v1 and v2 differences smoothed over: `nmod` under a verb
    /// or adjective is read as `obl`.
    pub rel: Vec<DepRel>,
    kid_start: Vec<u32>,
    kids: Vec<u32>,
    /// Running offsets while filling `kids`.
    kid_fill: Vec<u32>,
    /// Upper-case text arena for forms, lemmas and parts.
    upper: String,
    form: Vec<(u32, u32)>,
    lemma: Vec<(u32, u32)>,
    pub parts: Vec<Part>,
    /// First part of each word (parts of word i are `part_start[i]..part_start[i+1]`).
    pub part_start: Vec<u32>,
}

fn push_upper(arena: &mut String, s: &str) -> (u32, u32) {
    let start = arena.len() as u32;
    for c in s.chars() {
        if c.is_ascii() {
            arena.push(c.to_ascii_uppercase());
        } else if c == '\u{2019}' {
            arena.push('\'');
        } else {
            arena.extend(c.to_uppercase());
        }
    }
    (start, arena.len() as u32)
}

impl Sent {
    /// Fills the view with sentence `s` of `doc`.
    pub fn load(&mut self, doc: &Document, s: usize) {
        self.index = s;
        self.words.clear();
        // A malformed document (a sentence range outside the words) gives an empty sentence
        // rather than a panic.
        let words = doc
            .sentences
            .get(s)
            .and_then(|x| doc.words.get(x.words.start as usize..x.words.end as usize))
            .unwrap_or(&[]);
        self.words.extend_from_slice(words);
        let n = self.words.len();
        self.head.clear();
        self.rel.clear();
        self.upper.clear();
        self.form.clear();
        self.lemma.clear();
        self.parts.clear();
        self.part_start.clear();
        for w in &self.words {
            let h = if w.head == 0 || w.head as usize > n { NONE } else { w.head - 1 };
            self.head.push(h);
        }
        for i in 0..n {
            let w = self.words[i];
            let mut rel = w.deprel;
            if rel == DepRel::NMOD {
                let h = self.head[i];
                if h != NONE
                    && matches!(self.words[h as usize].upos, Upos::VERB | Upos::ADJ | Upos::AUX | Upos::ADV)
                {
                    rel = DepRel::OBL;
                }
            }
            self.rel.push(rel);
        }
        self.build_kids();
        self.part_start.clear();
        for (i, w) in self.words.iter().enumerate() {
            let form = w.span.slice(&doc.text);
            let f = push_upper(&mut self.upper, form);
            self.form.push(f);
            let l = push_upper(&mut self.upper, doc.lemma(w));
            self.lemma.push(l);
            self.part_start.push(self.parts.len() as u32);
            // Normalized parts, the same rule the dictionaries use for their words.
            let (fs, fe) = f;
            let whole = &self.upper[fs as usize..fe as usize];
            for piece in whole.split(['-', '\u{2010}', '\u{2011}']) {
                let mut s = piece.trim_matches(['"', '`', '(', ')', '[', ']', '{', '}']);
                if let Some(t) = s.strip_suffix("'S") {
                    s = t;
                }
                s = s.trim_end_matches(['.', '\'']).trim_start_matches('\'');
                if s.is_empty() {
                    continue;
                }
                // `s` is a sub-slice of `whole`, so its offset is exact whatever the delimiters'
                // byte lengths.
                let start = fs + (s.as_ptr() as usize - whole.as_ptr() as usize) as u32;
                self.parts.push(Part { word: i as u32, start, end: start + s.len() as u32 });
            }
        }
        self.part_start.push(self.parts.len() as u32);
        // Parser errors that the tree's own shape betrays are mended before anything reads it.
        if crate::repair::mend_tree(self) {
            self.build_kids();
        }
    }

    /// Children lists in CSR form from `head`: count, prefix-sum, fill (word order is kept).
    fn build_kids(&mut self) {
        let n = self.words.len();
        self.kid_start.clear();
        self.kid_start.resize(n + 1, 0);
        for &h in &self.head {
            if h != NONE {
                self.kid_start[h as usize + 1] += 1;
            }
        }
        for i in 0..n {
            self.kid_start[i + 1] += self.kid_start[i];
        }
        self.kids.clear();
        self.kids.resize(self.kid_start[n] as usize, 0);
        // A second pass with running offsets.
        self.kid_fill.clear();
        self.kid_fill.extend_from_slice(&self.kid_start[..n]);
        for (i, &h) in self.head.iter().enumerate() {
            if h != NONE {
                let at = &mut self.kid_fill[h as usize];
                self.kids[*at as usize] = i as u32;
                *at += 1;
            }
        }
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn kids(&self, i: u32) -> &[u32] {
        let i = i as usize;
        match (self.kid_start.get(i), self.kid_start.get(i + 1)) {
            (Some(&a), Some(&b)) => &self.kids[a as usize..b as usize],
            _ => &[],
        }
    }

    /// Upper-case surface form.
    pub fn form(&self, i: u32) -> &str {
        let (a, b) = self.form[i as usize];
        &self.upper[a as usize..b as usize]
    }

    /// Upper-case lemma.
    pub fn lemma(&self, i: u32) -> &str {
        let (a, b) = self.lemma[i as usize];
        &self.upper[a as usize..b as usize]
    }

    pub fn part_text(&self, p: usize) -> &str {
        let Part { start, end, .. } = self.parts[p];
        &self.upper[start as usize..end as usize]
    }

    /// The parts of word `i`.
    pub fn word_parts(&self, i: u32) -> std::ops::Range<usize> {
        self.part_start[i as usize] as usize..self.part_start[i as usize + 1] as usize
    }

    pub fn upos(&self, i: u32) -> Upos {
        self.words[i as usize].upos
    }

    pub fn rel(&self, i: u32) -> DepRel {
        self.rel[i as usize]
    }

    pub fn head_of(&self, i: u32) -> u32 {
        self.head[i as usize]
    }

    /// First child with relation `rel`.
    pub fn kid(&self, i: u32, rel: DepRel) -> Option<u32> {
        self.kids(i).iter().copied().find(|&k| self.rel(k) == rel)
    }

    pub fn has_kid(&self, i: u32, rel: DepRel) -> bool {
        self.kid(i, rel).is_some()
    }

    /// Whether `anc` dominates `i` (or is `i`).
    pub fn dominates(&self, anc: u32, mut i: u32) -> bool {
        for _ in 0..self.len() + 1 {
            if i == anc {
                return true;
            }
            if i == NONE {
                return false;
            }
            i = self.head_of(i);
        }
        false
    }

    /// The preposition (or subordinator) introducing word `i`: its `case` or `mark` child.
    pub fn case_of(&self, i: u32) -> Option<u32> {
        self.kids(i).iter().copied().find(|&k| self.rel(k) == DepRel::CASE || self.rel(k) == DepRel::MARK)
    }

    /// Whether the word is a nominal that can carry an actor.
    pub fn is_nominal(&self, i: u32) -> bool {
        matches!(
            self.upos(i),
            Upos::NOUN | Upos::PROPN | Upos::PRON | Upos::NUM | Upos::X | Upos::ADJ | Upos::DET
        )
    }

    /// Whether the word is a verb that can head an event.
    pub fn is_verb(&self, i: u32) -> bool {
        let rel = self.rel(i);
        // Auxiliaries, and verb forms used as prepositions ("according to", "including"), which
        // UD attaches as `case` or `mark`, head no event.
        if matches!(rel, DepRel::AUX | DepRel::AUX_PASS | DepRel::COP | DepRel::CASE | DepRel::MARK) {
            return false;
        }
        let x = self.words[i as usize].xpos.as_str();
        self.upos(i) == Upos::VERB || (x.starts_with("VB") && self.upos(i) != Upos::AUX)
    }

    /// Whether the verb is passive: a passive subject or auxiliary, or a bare past participle
    /// modifying a noun.
    pub fn is_passive(&self, v: u32) -> bool {
        self.has_kid(v, DepRel::AUX_PASS)
            || self.has_kid(v, DepRel::NSUBJ_PASS)
            || (self.rel(v) == DepRel::ACL && self.words[v as usize].xpos.as_str() == "VBN")
            || (self.rel(v) == DepRel::ADVCL
                && self.words[v as usize].xpos.as_str() == "VBN"
                && !self.has_kid(v, DepRel::NSUBJ))
    }

    /// Whether word `i` names a point in time ("on Tuesday", "in May", "at night"), so that a
    /// pattern's bare preposition (`* (ON)`, "called on X") does not take it for its phrase.
    pub fn is_time_word(&self, i: u32) -> bool {
        dyad_time::is_time_word(self.form(i).trim_end_matches('.'))
    }

    /// Whether phrase `k` is put in a place by its preposition ("in Baghdad", "at the border",
    /// "near Kabul", "inside Syria"); with `moving`, also by one of motion or extent ("through
    /// Cairo", "into Iraq", "across the country").
    pub fn placed(&self, k: u32, moving: bool) -> bool {
        const PLACE: [&str; 4] = ["IN", "AT", "NEAR", "INSIDE"];
        const MOTION: [&str; 7] = ["OUTSIDE", "ACROSS", "AROUND", "THROUGHOUT", "THROUGH", "INTO", "WITHIN"];
        self.case_of(k).is_some_and(|c| {
            let f = self.form(c);
            PLACE.contains(&f) || (moving && MOTION.contains(&f))
        })
    }

    /// Whether clause `c` states a condition: its marker is "if" or "unless".
    pub fn is_condition_clause(&self, c: u32) -> bool {
        self.kids(c).iter().any(|&k| self.rel(k) == DepRel::MARK && matches!(self.form(k), "IF" | "UNLESS"))
    }

    /// Whether verb `v` heads a clause that modifies a noun: a participle ("property seized by
    /// government forces") or a relative clause ("a helicopter that was captured last week").
    pub fn modifies_noun(&self, v: u32) -> bool {
        let h = self.head_of(v);
        h != NONE && matches!(self.rel(v).as_str(), "acl" | "acl:relcl") && self.is_nominal(h)
    }

    /// The noun a relative pronoun stands for: word `w` is "which", "who", "whom" or a relative
    /// "that", and its clause modifies that noun ("Iran, which attacked Syria"; "members of the
    /// government, whom they had taken hostage").
    pub fn relative_antecedent(&self, w: u32) -> Option<u32> {
        let relative = matches!(self.words[w as usize].xpos.as_str(), "WDT" | "WP")
            || (self.upos(w) == Upos::PRON && self.form(w) == "THAT");
        let clause = self.head_of(w);
        (relative && clause != NONE && self.modifies_noun(clause)).then(|| self.head_of(clause))
    }

    /// Whether verb `v` belongs to a clause that modifies a noun: it heads one
    /// ([`Sent::modifies_noun`]) or is a complement or conjunct within one ("a resolution that
    /// aims to tighten sanctions").
    pub fn in_noun_modifier(&self, v: u32) -> bool {
        let mut c = v;
        for _ in 0..8 {
            if self.modifies_noun(c) {
                return true;
            }
            if !matches!(self.rel(c).as_str(), "xcomp" | "ccomp" | "conj") || self.head_of(c) == NONE {
                return false;
            }
            c = self.head_of(c);
        }
        false
    }

    /// Whether verb `v` attributes speech to someone: "quote" with a clause of saying that "as"
    /// introduces ("was quoted by the news agency as saying", "diplomats quoted a declaration as
    /// saying").
    pub fn is_quotation(&self, v: u32) -> bool {
        self.lemma(v) == "QUOTE"
            && self.kids(v).iter().any(|&k| {
                self.is_verb(k)
                    && self.kids(k).iter().any(|&m| self.rel(m) == DepRel::MARK && self.form(m) == "AS")
            })
    }

    /// Whether word `w` is a "to"-infinitive clause ("vowed to wage war", "an accord to supply").
    pub fn is_to_clause(&self, w: u32) -> bool {
        self.kids(w).iter().any(|&k| self.rel(k) == DepRel::MARK && self.form(k) == "TO")
    }

    /// If word `w` is the verb of a clause that complements a verb, that verb and whether the
    /// clause's subject is the verb's object ("urged Bree to help": object control).
    pub fn complement_of(&self, w: u32) -> Option<(u32, bool)> {
        let h = self.head_of(w);
        if h == NONE {
            return None;
        }
        match self.rel(w).as_str() {
            "xcomp" => Some((h, self.has_kid(h, DepRel::OBJ) || self.has_kid(h, DepRel::IOBJ))),
            "ccomp" | "csubj" => Some((h, false)),
            "advcl" if self.is_to_clause(w) => Some((h, false)),
            "acl" if self.is_to_clause(w) && matches!(self.rel(h), DepRel::OBJ | DepRel::IOBJ) => {
                let v = self.head_of(h);
                (v != NONE).then_some((v, true))
            }
            _ => None,
        }
    }

    /// Calls `f` on every word of the subtree of `i` (pre-order, children in word order),
    /// skipping the subtrees of children for which `skip(child)` holds.
    pub fn walk(&self, i: u32, skip: &dyn Fn(u32) -> bool, f: &mut dyn FnMut(u32)) {
        self.walk_depth(i, skip, f, 0);
    }

    fn walk_depth(&self, i: u32, skip: &dyn Fn(u32) -> bool, f: &mut dyn FnMut(u32), depth: usize) {
        if depth > 64 {
            return;
        }
        f(i);
        for &k in self.kids(i) {
            if !skip(k) {
                self.walk_depth(k, skip, f, depth + 1);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tests::doc;

    #[test]
    fn verb_forms_used_as_prepositions_head_no_event() {
        // "Iraq attacked Iran, according to Syria."
        let d = doc("Iraq Iraq PROPN NNP 2 nsubj
             attacked attack VERB VBD 0 root
             Iran Iran PROPN NNP 2 obj
             , , PUNCT , 7 punct
             according accord VERB VBG 7 case
             to to ADP IN 5 fixed
             Syria Syria PROPN NNP 2 obl
             . . PUNCT . 2 punct");
        let mut sent = Sent::default();
        sent.load(&d, 0);
        assert!(sent.is_verb(1));
        assert!(!sent.is_verb(4), "\"according\" attached as case");
        assert!(!sent.is_time_word(6));
    }
}
