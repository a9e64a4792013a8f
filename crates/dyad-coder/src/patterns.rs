//! Verb lookup and verb-pattern matching on the dependency tree.
//!
//! A PETRARCH2 pattern `- PRE * POST [CODE]` is matched around one verb: pre-verb nouns are the
//! heads of the subject (and the verb's own dependents before it: "RECENTLY *"), post-verb nouns
//! any word of the verb's complements (objects, particles, prepositional phrases, and `xcomp`/
//! `ccomp` clauses, as PETRARCH's verb phrase contains them). A noun `{FINANCIAL AID}` matches a
//! word AID with FINANCIAL among its dependents before it; a prepositional phrase `(FOR AID)`
//! matches a word AID whose `case` child is FOR. The most specific matching pattern wins.

use dyad_dict::model::{Element, Marker, NounPhrase, Pattern, PatternSide, PrepPhrase, Term, VerbCode};
use dyad_nlp::{DepRel, Upos};
use dyad_ontology::CameoCode;

use crate::actors::is_subject;
use crate::lexicon::Lexicon;
use crate::sentence::{Sent, NONE};

/// A verb found in the dictionary: its entry and the particle word a multi-word verb used.
#[derive(Debug, Clone, Copy)]
pub(crate) struct VerbHit {
    pub entry: u32,
    pub particle: Option<u32>,
}

/// Looks the verb at word `v` up by surface form, then lemma; a multi-word verb (`CRACK_DOWN`,
/// `WIRE_+TAP`) wins when its other words are present.
pub(crate) fn lookup_verb(lex: &Lexicon, sent: &Sent, v: u32) -> Option<VerbHit> {
    let mut single: Option<u32> = None;
    for key in [sent.form(v), sent.lemma(v)] {
        let Some(ids) = lex.verb_index.by_form.get(key) else { continue };
        let mut best: Option<(usize, VerbHit)> = None;
        for &id in ids {
            let Some(e) = lex.verbs.get(id as usize) else { continue };
            if e.is_multiword() {
                if let Some(hit) = multiword_ok(sent, v, &e.before, &e.after, id) {
                    let len = e.before.len() + e.after.len();
                    if best.as_ref().is_none_or(|b| len > b.0) {
                        best = Some((len, hit));
                    }
                }
            } else if single.is_none() {
                single = Some(id);
            }
        }
        if let Some((_, hit)) = best {
            return Some(hit);
        }
        if let Some(id) = single {
            return Some(VerbHit { entry: id, particle: None });
        }
    }
    None
}

fn multiword_ok(sent: &Sent, v: u32, before: &[Box<str>], after: &[Box<str>], id: u32) -> Option<VerbHit> {
    // Words before the verb must directly precede it.
    for (k, w) in before.iter().rev().enumerate() {
        let i = (v as usize).checked_sub(k + 1)?;
        if sent.form(i as u32) != &**w {
            return None;
        }
    }
    let mut particle = None;
    if let Some(first) = after.first() {
        // A particle: a dependent of the verb (compound:prt, advmod, obl without object), or
        // simply the next word.
        let kid = sent.kids(v).iter().copied().find(|&k| k > v && sent.form(k) == &**first);
        let next = (v + 1 < sent.len() as u32 && sent.form(v + 1) == &**first).then_some(v + 1);
        particle = Some(kid.or(next)?);
        let p = particle.unwrap_or(v);
        for (k, w) in after.iter().enumerate().skip(1) {
            let i = p as usize + k;
            if i >= sent.len() || sent.form(i as u32) != &**w {
                return None;
            }
        }
    }
    Some(VerbHit { entry: id, particle })
}

/// Where a pattern puts the source or the target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Slot {
    /// Not said by the pattern: the default rules apply.
    Default,
    /// The subject of the verb.
    Subject,
    /// The noun phrase headed by this word (a prepositional phrase's object).
    Word(u32),
    /// Any actor after the verb (a bare `$` or `+` after the `*`).
    Post,
}

/// The outcome of matching a verb's patterns.
#[derive(Debug, Clone)]
pub(crate) struct PatternMatch {
    /// (block, pattern index) of the pattern that fired; `None` for the verb's own code.
    pub pattern: Option<(u32, u32)>,
    pub code: VerbCode,
    pub source: Slot,
    pub target: Slot,
    /// A `%` pattern: the subject's conjuncts act on each other.
    pub compound: bool,
    /// A `%` after the verb (`- * % [040]`, "a meeting bringing together Iraq, Iran and
    /// Syria"): the object's conjuncts act on each other.
    pub object_compound: bool,
    /// The object of a prepositional phrase the pattern named without a marker (`* (WITH)`),
    /// the preferred target.
    pub pp_target: Option<u32>,
    /// Words the pattern's nouns matched (they are the event's theme, not its target).
    pub used: Vec<u32>,
}

/// Everything the pattern matcher needs to know about a verb.
pub(crate) struct VerbContext<'a> {
    pub sent: &'a Sent,
    pub lex: &'a Lexicon,
    pub verb: u32,
    /// Heads of the verb's subject (inherited through xcomp/conj when it has none).
    pub subjects: &'a [u32],
    /// How many actors the subject has (a `%` pattern needs two or more).
    pub subject_actors: usize,
    /// Post-verb words: the verb's complements.
    pub post: &'a [u32],
    /// Pre-verb words: subject words and the verb's own dependents before it.
    pub pre: &'a [u32],
    /// Apply a pattern only to the verbs its comment names (see `BlockIndex::owners`).
    pub pattern_owners: bool,
}

impl VerbContext<'_> {
    /// Whether `term` matches word `w` (a part of it, its form or its lemma; synset members of
    /// several words match the parts that end at `w`).
    fn term_at(&self, term: &Term, w: u32) -> bool {
        let sent = self.sent;
        match term {
            Term::Word(t) => {
                sent.form(w) == &**t
                    || sent.lemma(w) == &**t
                    || sent.word_parts(w).any(|p| sent.part_text(p) == &**t)
            }
            Term::Synset(id) => {
                let i = id.0 as usize;
                let parts = sent.word_parts(w);
                if parts.is_empty() {
                    return false;
                }
                let last = parts.end - 1;
                if let Some(words) = self.lex.synset_words.get(i) {
                    if words.contains(sent.form(w))
                        || words.contains(sent.lemma(w))
                        || words.contains(sent.part_text(last))
                    {
                        return true;
                    }
                }
                let Some(phrases) = self.lex.synset_phrases.get(i) else { return false };
                phrases.iter().any(|(words, plural)| {
                    let k = words.len();
                    if last + 1 < k {
                        return false;
                    }
                    let lp = sent.part_text(last);
                    let head_ok = lp == &*words[k - 1]
                        || plural.as_deref() == Some(lp)
                        || sent.lemma(w) == &*words[k - 1];
                    head_ok && (0..k - 1).all(|j| sent.part_text(last + 1 - k + j) == &*words[j])
                })
            }
        }
    }

    /// Whether the noun phrase pattern matches with its head at word `w`: every modifier is
    /// found, in order, among the words before `w` in its subtree.
    fn np_at(&self, np: &NounPhrase, w: u32) -> bool {
        if !self.term_at(&np.head, w) {
            return false;
        }
        if np.modifiers.is_empty() {
            return true;
        }
        let sent = self.sent;
        // The modifiers are words of w's phrase before it, in order; the last one stands right
        // before the head ("economic relations", not "economic trade relations"), earlier ones
        // may have words between them.
        if w == 0 {
            return false;
        }
        let mut at = w - 1;
        for (k, m) in np.modifiers.iter().rev().enumerate() {
            if k == 0 {
                if !sent.dominates(w, at) || !self.term_at(m, at) {
                    return false;
                }
                continue;
            }
            let mut found = false;
            while at > 0 {
                at -= 1;
                if sent.dominates(w, at) && self.term_at(m, at) {
                    found = true;
                    break;
                }
            }
            if !found {
                return false;
            }
        }
        true
    }

    /// Finds a word of `region` where the noun phrase pattern matches.
    fn find_np(&self, np: &NounPhrase, region: &[u32], used: &[u32]) -> Option<u32> {
        // A "to"-infinitive is a clause, not a noun: patterns name it as `(TO VERB)`. A noun
        // that modifies another ("a research center") is not what the verb acts on: a pattern
        // noun is a phrase head, and its modifiers are written in the pattern (`{HUNGER STRIKE}`).
        // A noun naming only a shipment or an undertaking of its modifier is the exception:
        // "suspended aid deliveries" suspends aid, "ended mediation efforts" ends mediation.
        region.iter().copied().find(|&w| {
            !used.contains(&w)
                && (self.sent.rel(w) != DepRel::COMPOUND || self.light_head(w))
                && self.np_at(np, w)
                && !self.sent.is_to_clause(w)
                && self.outside_pp(w)
        })
    }

    /// Whether `w` is a noun modifier whose head noun only names a shipment or an undertaking of
    /// what `w` names ("aid deliveries", "mediation efforts", "arms shipments").
    fn light_head(&self, w: u32) -> bool {
        const LIGHT: [&str; 13] = [
            "DELIVERY",
            "SHIPMENT",
            "SUPPLY",
            "CONSIGNMENT",
            "CONVOY",
            "FLIGHT",
            "EFFORT",
            "PROGRAM",
            "PROGRAMME",
            "PACKAGE",
            "MISSION",
            "INITIATIVE",
            "CAMPAIGN",
        ];
        let h = self.sent.head_of(w);
        h != NONE
            && h > w
            && ((w + 1)..h).all(|k| self.sent.rel(k) == DepRel::COMPOUND)
            && LIGHT.iter().any(|l| self.sent.lemma(h).eq_ignore_ascii_case(l))
    }

    /// Whether word `w` is reached from the verb without entering a prepositional phrase: the
    /// pattern's bare nouns are the heads of the verb's object phrases (and of the phrases of
    /// its infinitive clauses), while nouns inside "for China's assistance" need `(FOR ...)`.
    fn outside_pp(&self, w: u32) -> bool {
        let sent = self.sent;
        // A bare preposition written as a pattern word (`* AT`) stands for the phrase it opens.
        if matches!(sent.rel(w), DepRel::CASE | DepRel::MARK) {
            return true;
        }
        let mut x = w;
        for _ in 0..32 {
            if x == self.verb || x == NONE {
                return true;
            }
            let r = sent.rel(x);
            if (r == DepRel::OBL || r == DepRel::NMOD || r.as_str().starts_with("obl:"))
                && !self.subjects.contains(&x)
            {
                return false;
            }
            x = sent.head_of(x);
        }
        true
    }

    /// Finds a prepositional phrase: a word whose `case`/`mark` child is the preposition (and
    /// which matches the object, if one is given), or a particle word that is the preposition.
    fn find_pp(&self, pp: &PrepPhrase, region: &[u32]) -> Option<u32> {
        let sent = self.sent;
        for &w in region {
            // A time phrase ("on Tuesday") is no pattern's bare prepositional phrase.
            if pp.objects.is_empty() && sent.is_time_word(w) {
                continue;
            }
            // A clause marker stands for the preposition only in the verb's own clauses ("agreed
            // to ..."); an infinitive deep in the object ("welcomed the statement as proof of a
            // wish for a settlement to be reached") is no "(TO)" phrase of the verb.
            let own_clause = sent.head_of(w) == self.verb;
            let has_prep = sent.kids(w).iter().any(|&c| {
                let r = sent.rel(c);
                (r == DepRel::CASE || (r == DepRel::MARK && own_clause)) && self.term_at(&pp.prep, c)
            });
            if has_prep {
                match pp.objects.first() {
                    None => return Some(w),
                    Some(obj) => {
                        if self.np_at(obj, w) {
                            return Some(w);
                        }
                        // A to-infinitive (`mark`) matches `(TO ATTACK)` by its verb alone: the
                        // objects of "agreed to lift the sanctions" are not "to sanctions".
                        let case_marked = sent
                            .kids(w)
                            .iter()
                            .any(|&c| sent.rel(c) == DepRel::CASE && self.term_at(&pp.prep, c));
                        if !case_marked {
                            continue;
                        }
                        // The object may sit lower in the phrase ("on economic issues").
                        let mut found = None;
                        sent.walk(
                            w,
                            &|k| matches!(sent.rel(k).as_str(), "acl" | "acl:relcl" | "punct"),
                            &mut |k| {
                                if found.is_none() && k != w && self.np_at(obj, k) {
                                    found = Some(k);
                                }
                            },
                        );
                        if found.is_some() {
                            return Some(w);
                        }
                    }
                }
            } else if pp.objects.is_empty()
                && matches!(sent.upos(w), Upos::ADP | Upos::PART | Upos::ADV)
                && matches!(sent.rel(w).as_str(), "compound:prt" | "advmod" | "obl" | "dep")
                && w > self.verb
                && self.term_at(&pp.prep, w)
            {
                return Some(w);
            }
        }
        None
    }

    /// Matches one side of a pattern; records where markers put the source and target.
    fn side(&self, side: &PatternSide, region: &[u32], pre: bool, m: &mut PatternMatch) -> bool {
        for el in &side.elements {
            match el {
                Element::Noun(np) => {
                    let found = if pre {
                        // PETRARCH2's pre-verb nouns are the heads of the subject phrase.
                        self.subjects
                            .iter()
                            .copied()
                            .chain(self.subjects.iter().flat_map(|&s| {
                                self.sent
                                    .kids(s)
                                    .iter()
                                    .copied()
                                    .filter(|&k| self.sent.rel(k) == DepRel::CONJ)
                            }))
                            .find(|&s| self.np_at(np, s))
                    } else {
                        self.find_np(np, region, &m.used)
                    };
                    match found {
                        Some(w) => m.used.push(w),
                        None => return false,
                    }
                }
                Element::Prep(pp) => {
                    let Some(w) = self.find_pp(pp, region) else { return false };
                    m.used.push(w);
                    if pp.markers.contains(&Marker::Source) {
                        m.source = Slot::Word(w);
                    } else if pp.markers.contains(&Marker::Target) {
                        m.target = Slot::Word(w);
                    } else if pp.objects.is_empty() && !pre && m.pp_target.is_none() {
                        m.pp_target = Some(w);
                    }
                }
                Element::Marker(Marker::Source) => m.source = if pre { Slot::Subject } else { Slot::Post },
                Element::Marker(Marker::Target) => m.target = if pre { Slot::Subject } else { Slot::Post },
                Element::Marker(Marker::Compound) => {
                    if pre && self.subject_actors < 2 {
                        return false;
                    }
                    m.compound = true;
                    m.object_compound |= !pre;
                }
                Element::Marker(Marker::Skip) => {}
            }
        }
        true
    }

    fn try_pattern(&self, p: &Pattern) -> Option<PatternMatch> {
        let mut m = PatternMatch {
            pattern: None,
            code: p.code.clone(),
            source: Slot::Default,
            target: Slot::Default,
            compound: false,
            object_compound: false,
            pp_target: None,
            used: Vec::new(),
        };
        if !self.side(&p.pre, self.pre, true, &mut m) {
            return None;
        }
        if !self.side(&p.post, self.post, false, &mut m) {
            return None;
        }
        Some(m)
    }

    /// The best pattern of the verb's block, else the verb's own code.
    pub fn best(&self, hit: VerbHit) -> Option<PatternMatch> {
        let entry = self.lex.verbs.get(hit.entry as usize)?;
        let block = self.lex.blocks.get(entry.block.0 as usize)?;
        let mut best: Option<(usize, PatternMatch)> = None;
        // Only the patterns whose required word occurs around the verb can match.
        let mut cands: Vec<u32> = Vec::new();
        if let Some(bi) = self.lex.block_index.get(entry.block.0 as usize) {
            cands.extend_from_slice(&bi.always);
            if !bi.by_word.is_empty() {
                for &w in self.post.iter().chain(self.pre.iter()) {
                    for key in [self.sent.form(w), self.sent.lemma(w)] {
                        if let Some(ids) = bi.by_word.get(key) {
                            cands.extend_from_slice(ids);
                        }
                    }
                    for p in self.sent.word_parts(w) {
                        if let Some(ids) = bi.by_word.get(self.sent.part_text(p)) {
                            cands.extend_from_slice(ids);
                        }
                    }
                }
            }
        }
        cands.sort_unstable();
        cands.dedup();
        let bi = self.lex.block_index.get(entry.block.0 as usize);
        let owners = bi.map(|bi| &bi.owners[..]).unwrap_or(&[]);
        // Only a verb with patterns of its own is kept to them.
        let restricted = self.pattern_owners && bi.is_some_and(|bi| bi.owning.contains(&hit.entry));
        for pi in cands {
            let Some(p) = block.patterns.get(pi as usize) else { continue };
            if restricted {
                if let Some(o) = owners.get(pi as usize) {
                    if !o.is_empty() && !o.contains(&hit.entry) {
                        continue;
                    }
                }
            }
            if let Some(mut m) = self.try_pattern(p) {
                // A verb of demanding under a pattern coded as an appeal ("demanded support"
                // through the DEMAND block's `* SUPPORT [022] # URGE`, written for "urge")
                // demands what the appeal asks for: CAMEO's 10 (demand) mirrors 02 (appeal)
                // code for code. PETRARCH2 codes the pattern as written.
                if self.pattern_owners && entry.code.active.as_ref().is_some_and(|c| c.root_number() == 10) {
                    m.code.active = m.code.active.map(demand_of_appeal);
                }
                let spec = p.specificity()
                    + usize::from(m.compound)
                    + usize::from(m.source != Slot::Default || m.target != Slot::Default);
                // On equal specificity the later pattern wins, as in PETRARCH2's pattern trie
                // where a repeated pattern overwrites the earlier one.
                if best.as_ref().is_none_or(|b| spec >= b.0) {
                    m.pattern = Some((entry.block.0, pi));
                    best = Some((spec, m));
                }
            }
        }
        if let Some((_, m)) = best {
            return Some(m);
        }
        Some(PatternMatch {
            pattern: None,
            code: entry.code.clone(),
            source: Slot::Default,
            target: Slot::Default,
            compound: false,
            object_compound: false,
            pp_target: None,
            used: Vec::new(),
        })
    }
}

/// Collects the post-verb region of `v`: the subtrees of its complements after it, and the pre
/// region: its dependents before it (without their subtrees, except for the subject).
pub(crate) fn regions(sent: &Sent, v: u32, pre: &mut Vec<u32>, post: &mut Vec<u32>) {
    pre.clear();
    post.clear();
    for &k in sent.kids(v) {
        let r = sent.rel(k);
        if matches!(
            r.as_str(),
            "punct" | "cc" | "conj" | "parataxis" | "acl:relcl" | "discourse" | "vocative" | "reparandum"
        ) {
            continue;
        }
        if r.as_str() == "advcl" && !sent.is_to_clause(k) {
            continue;
        }
        // A finite clause with its own subject ("said Iran attacked") is another verb's
        // business; infinitives ("vowed to wage war") belong to this verb's phrase.
        if matches!(r.as_str(), "ccomp" | "csubj") && sent.kids(k).iter().any(|&c| is_subject(sent.rel(c))) {
            continue;
        }
        if k < v || is_subject(r) {
            if is_subject(r) {
                sent.walk(k, &|c| matches!(sent.rel(c).as_str(), "acl:relcl" | "punct"), &mut |w| {
                    pre.push(w)
                });
            } else {
                pre.push(k);
                for &c in sent.kids(k) {
                    if matches!(sent.rel(c), DepRel::CASE | DepRel::MARK) {
                        pre.push(c);
                    }
                }
            }
            continue;
        }
        sent.walk(
            k,
            &|c| {
                matches!(sent.rel(c).as_str(), "punct" | "parataxis" | "acl:relcl")
                    || (sent.rel(c).as_str() == "advcl" && !sent.is_to_clause(c))
                    || (sent.rel(c) == DepRel::CONJ && sent.is_verb(c))
            },
            &mut |w| post.push(w),
        );
    }
    pre.sort_unstable();
    post.sort_unstable();
}

/// The demand (CAMEO 10) that mirrors an appeal (CAMEO 02): 022 "appeal for diplomatic
/// cooperation" is 102 "demand diplomatic cooperation", 0231 is 1031. Other codes are returned
/// as they are.
fn demand_of_appeal(code: CameoCode) -> CameoCode {
    let c = code.as_str();
    match c.strip_prefix("02") {
        Some(rest) => CameoCode::new(&format!("10{rest}")).unwrap_or(code),
        None => code,
    }
}
