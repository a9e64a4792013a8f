//! The coder's compiled view of the dictionaries: phrase indexes for actors, agents, issues and
//! discards, and a verb index from every verb form to its dictionary entries.
//!
//! Everything here is built once in [`crate::Coder::new`] and only read afterwards, so that the
//! per-sentence work is hash lookups over normalized words.

use std::hash::{BuildHasherDefault, Hash, Hasher};

/// A small, fast, non-cryptographic hasher (FxHash) for the word maps: the keys are short
/// dictionary words, not attacker-chosen input worth SipHash's cost.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(b)).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.write(&[i]);
    }

    fn write_usize(&mut self, i: usize) {
        self.write(&i.to_le_bytes());
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

pub(crate) type HashMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<FxHasher>>;
pub(crate) type HashSet<K> = std::collections::HashSet<K, BuildHasherDefault<FxHasher>>;

use dyad_dict::model::{
    Actor, Agent, AgentPosition, Discard, DiscardScope, Issue, Synset, SynsetId, VerbBlock, VerbEntry,
};

/// What a dictionary phrase stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum EntryKind {
    /// Index into [`Lexicon::actors`].
    Actor(u32),
    /// Index into [`Lexicon::agents`].
    Agent(u32),
}

/// Phrases keyed by their first word; each key lists its phrases longest first, so that the
/// first full match at a position is the longest.
#[derive(Debug)]
pub(crate) struct PhraseIndex<K> {
    first: HashMap<Box<str>, Vec<u32>>,
    phrases: Vec<(Box<[Box<str>]>, K)>,
}

impl<K> Default for PhraseIndex<K> {
    fn default() -> Self {
        PhraseIndex { first: HashMap::default(), phrases: Vec::new() }
    }
}

impl<K: Copy> PhraseIndex<K> {
    pub fn insert(&mut self, words: &[Box<str>], kind: K) {
        let Some(first) = words.first() else { return };
        let id = self.phrases.len() as u32;
        self.phrases.push((words.to_vec().into_boxed_slice(), kind));
        self.first.entry(first.clone()).or_default().push(id);
    }

    /// Inserts a phrase, or gives an identical phrase inserted before through this call its new
    /// kind: the later entry wins, as in PETRARCH2 and `dyad_dict`'s own matcher, so that a later
    /// file overrides an earlier one ("TEHRAN [IRNGOV]" in dyad's extra actors over Phoenix's
    /// "TEHRAN [IRN]"). `seen` maps the hash of each phrase inserted so far to its id (no copy
    /// of the words: the index is built for every coder).
    pub fn insert_latest(&mut self, words: &[Box<str>], kind: K, seen: &mut HashMap<u64, u32>) {
        let mut h = FxHasher::default();
        words.hash(&mut h);
        let key = h.finish();
        if let Some(&id) = seen.get(&key) {
            if let Some(p) = self.phrases.get_mut(id as usize).filter(|p| *p.0 == *words) {
                p.1 = kind;
                return;
            }
        }
        if words.is_empty() {
            return;
        }
        // On a hash collision between two different phrases the later one keeps the slot;
        // both are still inserted and matched.
        seen.insert(key, self.phrases.len() as u32);
        self.insert(words, kind);
    }

    /// Sorts every bucket longest phrase first; ties keep file order.
    pub fn finish(&mut self) {
        let phrases = &self.phrases;
        for ids in self.first.values_mut() {
            ids.sort_by_key(|&i| std::cmp::Reverse(phrases[i as usize].0.len()));
        }
    }

    /// The longest phrase that starts at part `at` of `n` parts (`part(i)` gives the text of
    /// part i), with its length in parts and its kind; `accept` filters candidate kinds.
    pub fn longest_at<'s>(
        &self,
        n: usize,
        part: impl Fn(usize) -> &'s str,
        at: usize,
        accept: impl Fn(K) -> bool,
    ) -> Option<(usize, K)> {
        self.longest_at_most(n, part, at, usize::MAX, accept)
    }

    /// Like [`PhraseIndex::longest_at`], among phrases of at most `max_len` parts.
    pub fn longest_at_most<'s>(
        &self,
        n: usize,
        part: impl Fn(usize) -> &'s str,
        at: usize,
        max_len: usize,
        accept: impl Fn(K) -> bool,
    ) -> Option<(usize, K)> {
        if at >= n {
            return None;
        }
        let ids = self.first.get(part(at))?;
        for &id in ids {
            let (words, kind) = &self.phrases[id as usize];
            if words.len() <= max_len
                && at + words.len() <= n
                && words.iter().enumerate().all(|(k, w)| **w == *part(at + k))
                && accept(*kind)
            {
                return Some((words.len(), *kind));
            }
        }
        None
    }

    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }
}

/// A synset member of several words, and the plural of its last word.
pub(crate) type SynsetPhrase = (Box<[Box<str>]>, Option<Box<str>>);

/// Receives a synset member's words and plural; returns true to stop the iteration.
pub(crate) type MemberFn<'f> = dyn FnMut(&[Box<str>], Option<&str>) -> bool + 'f;

/// Patterns of one verb block indexed by a word each of them requires.
#[derive(Debug, Default)]
pub(crate) struct BlockIndex {
    pub by_word: HashMap<Box<str>, Vec<u32>>,
    pub always: Vec<u32>,
    /// Per pattern: the verb entries it was written for, when its comment names verbs of the
    /// block (`- * (ON) [020] # CALL` belongs to CALL, not to TELEPHONE of the same block).
    /// Empty when the comment names none, so that the pattern applies to every verb.
    pub owners: Vec<Box<[u32]>>,
    /// The verb entries that own at least one pattern of the block. A verb that owns none
    /// (SUSPEND beside HALT and STOP) is a plain synonym and shares all the block's patterns.
    pub owning: Vec<u32>,
}

/// The verb entries of `block` that a pattern comment names: the first word of each of its
/// comma-separated parts, compared with each
/// entry's head, inflected forms and whole multi-word spelling ("ASK_FOR"), British and American
/// spellings alike (the comment `# MOBILISE` names MOBILIZE too, `# RALLIED` names RALLY).
fn pattern_owners(verbs: &[VerbEntry], block: &VerbBlock, comment: &str) -> Box<[u32]> {
    fn spelling(w: &str) -> String {
        w.replace("IZ", "IS")
    }
    // A comment may name several verbs, separated by commas ("# CONFIRM , REAFFIRM").
    let names: Vec<String> = comment
        .split(',')
        .filter_map(|part| part.split_whitespace().next())
        .map(|w| spelling(&w.trim_start_matches(['+', '&']).to_ascii_uppercase()))
        .filter(|w| !w.is_empty())
        .collect();
    if names.is_empty() {
        return Box::default();
    }
    block
        .verbs
        .iter()
        .map(|v| v.0)
        .filter(|&id| {
            verbs.get(id as usize).is_some_and(|e| {
                let joined = spelling(&e.text.split_whitespace().next().unwrap_or("").replace('+', ""));
                let head = spelling(&e.head);
                names.iter().any(|word| {
                    head == *word || e.forms.iter().any(|f| spelling(f) == *word) || joined == *word
                })
            })
        })
        .collect()
}

/// A word a pattern cannot match without: a plain noun head, else a prepositional object head.
fn required_word(p: &dyad_dict::model::Pattern) -> Option<Box<str>> {
    use dyad_dict::model::{Element, Term};
    for side in [&p.post, &p.pre] {
        for e in &side.elements {
            if let Element::Noun(n) = e {
                if let Term::Word(w) = &n.head {
                    return Some(w.clone());
                }
            }
        }
    }
    for side in [&p.post, &p.pre] {
        for e in &side.elements {
            if let Element::Prep(pp) = e {
                if let Some(o) = pp.objects.first() {
                    if let Term::Word(w) = &o.head {
                        return Some(w.clone());
                    }
                }
            }
        }
    }
    None
}

/// A discard phrase as the coder matches it.
#[derive(Debug)]
pub(crate) struct DiscardEntry {
    pub words: Box<[Box<str>]>,
    pub story: bool,
    pub whole_word: bool,
}

/// Verb forms to entries.
#[derive(Debug, Default)]
pub(crate) struct VerbIndex {
    /// Upper-case form (base and inflected) to indexes into [`Lexicon::verbs`].
    pub by_form: HashMap<Box<str>, Vec<u32>>,
}

/// All dictionary knowledge the coder uses.
#[derive(Debug, Default)]
pub(crate) struct Lexicon {
    pub actors: Vec<Actor>,
    pub agents: Vec<Agent>,
    pub names: PhraseIndex<EntryKind>,
    pub verbs: Vec<VerbEntry>,
    pub blocks: Vec<VerbBlock>,
    pub synsets: Vec<Synset>,
    pub verb_index: VerbIndex,
    pub discards: Vec<DiscardEntry>,
    /// First word of each discard phrase to its discards.
    pub discard_first: HashMap<Box<str>, Vec<u32>>,
    pub issues: Vec<Issue>,
    pub issue_index: PhraseIndex<u32>,
    /// Per synset: its one-word members and their plurals, nested synsets included.
    pub synset_words: Vec<HashSet<Box<str>>>,
    /// Per synset: its members of several words (words, plural of the last word).
    pub synset_phrases: Vec<Vec<SynsetPhrase>>,
    /// Per verb block: its patterns by a word they require, and the patterns that require
    /// no plain word (synsets, markers), so that only patterns with a chance are tried.
    pub block_index: Vec<BlockIndex>,
    /// One-word discard stems (matched as prefixes of a word), and their length range.
    pub discard_stems: HashMap<Box<str>, u32>,
    pub stem_len: (usize, usize),
}

/// The parts of the dictionaries the lexicon is built from (borrowed from `Dictionaries`).
pub(crate) struct Sources<'a> {
    pub actors: &'a [Actor],
    pub agents: &'a [Agent],
    pub verbs: &'a [VerbEntry],
    pub blocks: &'a [VerbBlock],
    pub synsets: &'a [Synset],
    pub discards: &'a [Discard],
    pub issues: &'a [Issue],
}

impl Lexicon {
    pub fn build(src: Sources<'_>) -> Lexicon {
        let mut lex = Lexicon {
            actors: src.actors.to_vec(),
            agents: src.agents.to_vec(),
            verbs: src.verbs.to_vec(),
            blocks: src.blocks.to_vec(),
            synsets: src.synsets.to_vec(),
            issues: src.issues.to_vec(),
            ..Lexicon::default()
        };
        // Actor phrases override earlier actor phrases, agent phrases earlier agent phrases; a
        // phrase that is both stays both, the actor found first.
        let mut seen = HashMap::default();
        for (i, a) in lex.actors.iter().enumerate() {
            for p in &a.phrases {
                lex.names.insert_latest(&p.words, EntryKind::Actor(i as u32), &mut seen);
            }
        }
        seen.clear();
        for (i, a) in lex.agents.iter().enumerate() {
            for p in &a.phrases {
                lex.names.insert_latest(&p.words, EntryKind::Agent(i as u32), &mut seen);
            }
        }
        lex.names.finish();
        for (i, v) in lex.verbs.iter().enumerate() {
            let mut add = |form: &str| {
                let ids = lex.verb_index.by_form.entry(form.into()).or_default();
                if !ids.contains(&(i as u32)) {
                    ids.push(i as u32);
                }
            };
            add(&v.head);
            for f in &v.forms {
                add(f);
            }
        }
        for d in src.discards {
            if d.phrase.words.is_empty() {
                continue;
            }
            let id = lex.discards.len() as u32;
            lex.discard_first.entry(d.phrase.words[0].clone()).or_default().push(id);
            lex.discards.push(DiscardEntry {
                words: d.phrase.words.clone().into_boxed_slice(),
                story: d.scope == DiscardScope::Story,
                whole_word: d.whole_word,
            });
        }
        for id in 0..lex.synsets.len() {
            let mut words = HashSet::default();
            let mut phrases = Vec::new();
            lex.for_each_member(SynsetId(id as u32), 0, &mut |w, plural| {
                if w.len() == 1 {
                    words.insert(w[0].clone());
                    if let Some(p) = plural {
                        words.insert(p.into());
                    }
                } else {
                    phrases.push((w.to_vec().into_boxed_slice(), plural.map(Box::from)));
                }
                false
            });
            lex.synset_words.push(words);
            lex.synset_phrases.push(phrases);
        }
        for b in &lex.blocks {
            let mut bi = BlockIndex::default();
            for (i, p) in b.patterns.iter().enumerate() {
                let owners = pattern_owners(&lex.verbs, b, &p.comment);
                for &o in owners.iter() {
                    if !bi.owning.contains(&o) {
                        bi.owning.push(o);
                    }
                }
                bi.owners.push(owners);
                match required_word(p) {
                    Some(w) => bi.by_word.entry(w).or_default().push(i as u32),
                    None => bi.always.push(i as u32),
                }
            }
            lex.block_index.push(bi);
        }
        let mut min_len = usize::MAX;
        let mut max_len = 0;
        for (i, d) in lex.discards.iter().enumerate() {
            if d.words.len() == 1 && !d.whole_word {
                lex.discard_stems.insert(d.words[0].clone(), i as u32);
                min_len = min_len.min(d.words[0].len());
                max_len = max_len.max(d.words[0].len());
            }
        }
        lex.stem_len = (min_len, max_len);
        for (i, issue) in lex.issues.iter().enumerate() {
            for p in &issue.phrases {
                lex.issue_index.insert(&p.words, i as u32);
            }
        }
        lex.issue_index.finish();
        lex
    }

    /// Whether an agent is written `[XXX~]` (its code goes before the actor's).
    pub fn agent_is_prefix(&self, agent: u32) -> bool {
        self.agents.get(agent as usize).is_some_and(|a| a.code.position == AgentPosition::Prefix)
    }

    pub fn agent_fragment(&self, agent: u32) -> &str {
        self.agents.get(agent as usize).map_or("", |a| &a.code.fragment)
    }

    /// A synset by id.
    pub fn synset(&self, id: SynsetId) -> Option<&Synset> {
        self.synsets.get(id.0 as usize)
    }

    /// Calls `f` with the words of every member of a synset (nested synsets expanded, with a
    /// depth limit against cycles); plural variants are passed as a second, alternative head.
    pub fn for_each_member(&self, id: SynsetId, depth: u8, f: &mut MemberFn<'_>) -> bool {
        let Some(s) = self.synset(id) else { return false };
        if depth > 4 {
            return false;
        }
        for m in &s.members {
            if let Some(n) = m.nested {
                if self.for_each_member(n, depth + 1, f) {
                    return true;
                }
            } else if !m.prep && !m.words.is_empty() && f(&m.words, m.plural.as_deref()) {
                return true;
            }
        }
        false
    }
}
