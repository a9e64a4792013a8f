//! Actors: dictionary phrases (actors and agents) found in a sentence, attached to the head
//! word of their span, and combined into actor codes per noun phrase of the dependency tree.
//!
//! A noun phrase is coded PETRARCH-style, in priority order: the actor and agent phrases of the
//! phrase's own words (its "core": compounds, adjectives, possessors), then its prepositional
//! phrases ("the government of Iraq"), then an apposition, then pronoun or description
//! resolution. Conjuncts ("Iraqi, Iranian and US officials", "Iraq and Iran") give one actor
//! each.

use chrono::NaiveDate;
use dyad_dict::ActorCode;
use dyad_nlp::{DepRel, Upos};
use dyad_text::Span;

use crate::clauses::subject_of;
use crate::coref::Memory;
use crate::lexicon::{EntryKind, Lexicon};
use crate::sentence::{Sent, NONE};

/// A dictionary phrase found in the sentence.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Mention {
    /// First word (inclusive).
    pub start: u32,
    /// Last word (exclusive).
    pub end: u32,
    /// The word of the span whose head lies outside it.
    pub head: u32,
    pub kind: EntryKind,
}

/// A coded actor attached to a noun phrase.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Ent {
    pub code: ActorCode,
    /// Words the actor was found in (first, last exclusive).
    pub start: u32,
    pub end: u32,
    /// For pronouns and descriptions: the earlier mention this one stands for.
    pub antecedent: Option<Span>,
    /// Whether the actor came only from a possessive pronoun (a weak reading, used last).
    pub weak: bool,
}

impl Ent {
    /// An actor of an earlier mention, standing at words `start..end` of this sentence (a
    /// pronoun, "both countries"; `end <= start` for one implied by the context, with no words).
    pub fn referring(code: ActorCode, antecedent: Span, start: u32, end: u32) -> Ent {
        Ent { code, start, end, antecedent: Some(antecedent), weak: false }
    }

    /// Whether the code has no country or group ("---GOV" from "an official").
    pub fn is_null(&self) -> bool {
        self.code.as_str().starts_with("---")
    }

    /// Whether the code is nothing at all ("---", from `[---]` actors).
    pub fn is_void(&self) -> bool {
        self.code.as_str().bytes().all(|b| b == b'-')
    }
}

/// Finds every actor and agent phrase of the sentence, longest match first, left to right.
pub(crate) fn find_mentions(lex: &Lexicon, sent: &Sent, out: &mut Vec<Mention>) {
    out.clear();
    let n = sent.parts.len();
    let mut p = 0;
    while p < n {
        let mut found = lex.names.longest_at(n, |i| sent.part_text(i), p, |_| true);
        // "an armed Islamic group", "a strict Islamic state": a name of several words whose
        // head is a common noun with an indefinite article describes something; it does not name
        // the organization ("Armed Islamic Group", "Islamic State"). A shorter phrase may still
        // apply ("Islamic").
        while let Some((len, EntryKind::Actor(_))) = found {
            let (start, end) = (sent.parts[p].word, sent.parts[p + len - 1].word + 1);
            if end - start < 2 || !is_description(sent, start, end) {
                break;
            }
            found = lex.names.longest_at_most(n, |i| sent.part_text(i), p, len - 1, |_| true);
        }
        if let Some((len, kind)) = found {
            // "anti-Syria journalist", "pro-Russia rebels", "pro-government militia": a name
            // behind "anti-" or "pro-" in the same word says whom the actor opposes or backs,
            // not who the actor is.
            let prefixed = p > 0
                && sent.parts[p - 1].word == sent.parts[p].word
                && matches!(sent.part_text(p - 1), "ANTI" | "PRO");
            if prefixed {
                p += len;
                continue;
            }
            let start = sent.parts[p].word;
            let end = sent.parts[p + len - 1].word + 1;
            let head = span_head(sent, start, end);
            out.push(Mention { start, end, head, kind });
            p += len;
        } else {
            p += 1;
        }
    }
}

/// Whether words `start..end` end in a common noun that heads the span and takes "a" or "an":
/// a description ("an armed Islamic group"), which no proper name is.
fn is_description(sent: &Sent, start: u32, end: u32) -> bool {
    let last = end - 1;
    matches!(sent.words[last as usize].xpos.as_str(), "NN" | "NNS")
        && span_head(sent, start, end) == last
        && sent.kids(last).iter().any(|&k| sent.rel(k) == DepRel::DET && matches!(sent.form(k), "A" | "AN"))
}

/// The word of `start..end` whose head is outside the span (the first such word).
pub(crate) fn span_head(sent: &Sent, start: u32, end: u32) -> u32 {
    for i in start..end {
        let h = sent.head_of(i);
        if h == NONE || h < start || h >= end {
            return i;
        }
    }
    end.saturating_sub(1)
}

/// Relations that keep a dependent inside its head's noun phrase core.
fn is_core_rel(rel: DepRel) -> bool {
    matches!(
        rel.as_str(),
        "compound"
            | "flat"
            | "amod"
            | "det"
            | "nummod"
            | "nmod:poss"
            | "fixed"
            | "flat:foreign"
            | "det:poss"
            | "nmod:npmod"
            | "nmod:desc"
            | "advmod"
            | "dep"
            | "case"
    )
}

/// Relations through which a phrase's prepositional dependents are searched.
fn is_pp_rel(rel: DepRel) -> bool {
    matches!(rel.as_str(), "nmod" | "obl" | "nmod:unmarked")
}

/// Coding of noun phrases within one sentence.
pub(crate) struct NpCoder<'a> {
    pub lex: &'a Lexicon,
    pub sent: &'a Sent,
    pub date: NaiveDate,
    pub mentions: &'a [Mention],
    pub memory: &'a Memory,
    pub doc_text: &'a str,
    /// The actors of each word's phrase once computed (one slot per word of the sentence).
    pub memo: &'a std::cell::RefCell<Vec<Option<Vec<Ent>>>>,
    /// [`crate::CoderConfig::places_as_countries`].
    pub places_as_countries: bool,
    /// [`crate::CoderConfig::relative_pronouns`].
    pub relative_pronouns: bool,
}

/// What the core words of a phrase hold.
#[derive(Default)]
struct Core {
    /// (word position, actor code, attached through `conj`).
    actors: Vec<(u32, ActorCode, bool, u32, u32)>,
    /// (word position, agent index).
    agents: Vec<(u32, u32)>,
    /// Possessive pronouns in the core.
    poss_pron: Option<u32>,
}

impl NpCoder<'_> {
    fn words_span(&self, start: u32, end: u32) -> Span {
        let a = self.sent.words[start as usize].span.start;
        let b = self.sent.words[end.saturating_sub(1).max(start) as usize].span.end;
        Span::new(a as usize, b.max(a) as usize)
    }

    /// Collects the core words of `h` (itself and its core dependents, conjuncts of modifiers
    /// included) and the dictionary phrases headed there.
    fn core(&self, h: u32, skip_head_agents: bool) -> Core {
        let mut core_words: Vec<(u32, bool)> = Vec::new();
        let sent = self.sent;
        let mut stack = vec![(h, false)];
        while let Some((w, via_conj)) = stack.pop() {
            if core_words.len() > 64 {
                break;
            }
            core_words.push((w, via_conj));
            for &k in sent.kids(w) {
                let r = sent.rel(k);
                // A proper noun hung on a name by an unusual relation ("Bree Prime Minister
                // Romendacil" parsed with Romendacil as `nmod:unmarked` or `vocative` of Bree)
                // is part of the same name.
                let name_part =
                    matches!(r.as_str(), "nmod:unmarked" | "vocative") && sent.upos(k) == Upos::PROPN;
                if is_core_rel(r) || name_part || (r == DepRel::CONJ && w != h) {
                    stack.push((k, via_conj || r == DepRel::CONJ));
                }
            }
        }
        let mut c = Core::default();
        for m in self.mentions {
            let Some(&(_, via_conj)) = core_words.iter().find(|(w, _)| *w == m.head) else { continue };
            match m.kind {
                EntryKind::Actor(a) => {
                    let Some(actor) = self.lex.actors.get(a as usize) else { continue };
                    if let Some(code) = actor.code_on(self.date) {
                        c.actors.push((m.head, code.clone(), via_conj, m.start, m.end));
                    }
                }
                EntryKind::Agent(a) => {
                    if skip_head_agents && m.head == h {
                        continue;
                    }
                    c.agents.push((m.start, a));
                }
            }
        }
        for &(w, _) in &core_words {
            if w != h && sent.upos(w) == Upos::PRON && sent.rel(w) == DepRel::NMOD_POSS {
                c.poss_pron = Some(w);
            }
        }
        c.agents.sort_by_key(|a| a.0);
        c
    }

    /// Applies the agents of a core to an actor code ("USA" + ~GOV = "USAGOV"); an agent whose
    /// code the actor already carries is not added again ("WHITE HOUSE officials" = USAGOV).
    fn apply_agents(&self, base: Option<&ActorCode>, agents: &[(u32, u32)]) -> Option<ActorCode> {
        let mut code: String = base.map_or_else(String::new, |c| c.as_str().to_string());
        let mut prefix = String::new();
        for &(_, a) in agents {
            let frag = self.lex.agent_fragment(a);
            if frag.is_empty() {
                continue;
            }
            if has_unit(&code, frag) || has_unit(&prefix, frag) {
                continue;
            }
            if self.lex.agent_is_prefix(a) {
                prefix.push_str(frag);
            } else {
                if code.is_empty() {
                    code.push_str("---");
                }
                code.push_str(frag);
            }
        }
        let full = if code.is_empty() && prefix.is_empty() {
            return None;
        } else if code.is_empty() {
            prefix
        } else if prefix.is_empty() {
            code
        } else if let Some(rest) = code.strip_prefix("---") {
            format!("{prefix}{rest}")
        } else {
            format!("{prefix}{code}")
        };
        ActorCode::new(&full).ok()
    }

    /// The actors a noun phrase headed by `h` stands for, conjuncts included.
    pub fn np(&self, h: u32) -> Vec<Ent> {
        if let Some(Some(v)) = self.memo.borrow().get(h as usize) {
            return v.clone();
        }
        // A relative pronoun ("whom they had taken hostage") stands for the noun its clause
        // modifies.
        if let Some(n) = self.sent.relative_antecedent(h).filter(|_| self.relative_pronouns) {
            return self.np(n);
        }
        let mut out = Vec::new();
        self.np_into(h, 0, &mut out);
        if self.places_as_countries {
            self.places_are_countries(&mut out);
        }
        if let Some(slot) = self.memo.borrow_mut().get_mut(h as usize) {
            *slot = Some(out.clone());
        }
        out
    }

    /// A capital named as a place ("protests in Cairo", "killed in Beirut") is its country: the
    /// dictionaries code a capital as its government (`TEHRAN [IRNGOV]`) for when it acts
    /// ("Tehran said"), not for where something happens.
    fn places_are_countries(&self, out: &mut [Ent]) {
        let sent = self.sent;
        for e in out.iter_mut() {
            if e.end <= e.start || e.end as usize > sent.len() || e.is_null() || e.code.sectors() != "GOV" {
                continue;
            }
            let head = span_head(sent, e.start, e.end);
            // A name ("Cairo", "central Cairo"), not "the Egyptian government".
            if sent.upos(head) == Upos::PROPN && sent.placed(head, true) {
                if let Ok(root) = ActorCode::new(e.code.root()) {
                    e.code = root;
                }
            }
        }
    }

    fn np_into(&self, h: u32, depth: u32, out: &mut Vec<Ent>) {
        if depth > 6 || h == NONE || h as usize >= self.sent.len() {
            return;
        }
        let before = out.len();
        self.np_single(h, depth, out);
        let sent = self.sent;
        // The dependents of h, then those of its conjuncts' conjuncts: a parser may chain
        // "Mordor, Rohan, Arnor and Bree" as Bree under Arnor under Mordor.
        let mut ks: Vec<u32> = sent.kids(h).to_vec();
        let mut at = 0;
        while at < ks.len() && ks.len() < 64 {
            let k = ks[at];
            at += 1;
            if sent.rel(k) == DepRel::CONJ {
                ks.extend(sent.kids(k).iter().copied().filter(|&c| sent.rel(c) == DepRel::CONJ));
            }
        }
        for k in ks {
            // An apposition that is itself a named actor lists another actor ("Mordor, the
            // awful Arnor, and Gondor" parses Arnor as an apposition), unless it names one of the
            // same country or group: then it is the same actor named twice ("the US commander in
            // Iraq, General David Petraeus"), and the phrase's own code stands, or the name's
            // where it only adds sectors ("his Venezuelan counterpart, Hugo Chavez": VENGOV).
            if sent.rel(k) == DepRel::APPOS && sent.upos(k) == Upos::PROPN && out.len() > before {
                let c = self.core(k, false);
                if !c.actors.is_empty() {
                    let n0 = out.len();
                    self.np_single(k, depth, out);
                    let mut i = n0;
                    while i < out.len() {
                        let root = out[i].code.root();
                        let same = (before..n0).find(|&j| !out[j].is_null() && out[j].code.root() == root);
                        let Some(j) = same else {
                            i += 1;
                            continue;
                        };
                        let named = out.remove(i);
                        let (phrase, name) = (out[j].code.as_str(), named.code.as_str());
                        if name.len() > phrase.len() && name.starts_with(phrase) {
                            out[j].code = named.code;
                        }
                    }
                }
            }
            if sent.rel(k) == DepRel::CONJ && sent.is_nominal(k) {
                let n0 = out.len();
                self.np_single(k, depth, out);
                if n0 == out.len() || out[n0..].iter().all(Ent::is_null) {
                    // A conjunct with only an agent ("media and government") shares the
                    // actors of the first conjunct's modifiers and prepositional phrases.
                    let inherited = self.inherit(h, k, depth);
                    if !inherited.is_empty() {
                        out.truncate(n0);
                        out.extend(inherited);
                    }
                }
                // A "conjunct" with neither a conjunction nor a comma is a parser's reading of
                // one name ("Bree Prime Minister Romendacil"): where one code extends the other
                // (BRE, BREGOV) they are one actor, the more specific code.
                let joined = sent.kids(k).iter().any(|&c| matches!(sent.rel(c), DepRel::CC | DepRel::PUNCT));
                if !joined {
                    let mut i = before;
                    while i < n0.min(out.len()) {
                        let longer = out[n0..].iter().position(|e| {
                            e.code.as_str().len() > out[i].code.as_str().len()
                                && e.code.as_str().starts_with(out[i].code.as_str())
                        });
                        if longer.is_some() {
                            out.remove(i);
                            break;
                        }
                        i += 1;
                    }
                }
            }
        }
        // Keep one entry per code.
        let mut i = before;
        while i < out.len() {
            if out[before..i].iter().any(|e| e.code == out[i].code) {
                out.remove(i);
            } else {
                i += 1;
            }
        }
    }

    /// Actors for conjunct `k` (agents only) from the first conjunct `h`.
    fn inherit(&self, h: u32, k: u32, depth: u32) -> Vec<Ent> {
        let kc = self.core(k, false);
        if kc.agents.is_empty() {
            return Vec::new();
        }
        let hc = self.core(h, true);
        let mut out = Vec::new();
        let mut bases: Vec<(ActorCode, u32, u32)> =
            hc.actors.iter().map(|a| (a.1.clone(), a.3, a.4)).collect();
        if bases.is_empty() {
            let mut pp = Vec::new();
            self.pp_actors(h, depth, &mut pp);
            bases = pp.into_iter().map(|e| (e.code, e.start, e.end)).collect();
        }
        for (code, s, e) in bases {
            let mut agents = hc.agents.clone();
            agents.extend(kc.agents.iter().copied());
            if let Some(c) = self.apply_agents(Some(&code), &agents) {
                out.push(Ent { code: c, start: s.min(k), end: e.max(k + 1), antecedent: None, weak: false });
            }
        }
        out
    }

    /// Actors of the prepositional dependents of `h` ("of Iraq", "from Gondor").
    fn pp_actors(&self, h: u32, depth: u32, out: &mut Vec<Ent>) {
        for &k in self.sent.kids(h) {
            if is_pp_rel(self.sent.rel(k)) && self.sent.is_nominal(k) {
                let n0 = out.len();
                self.np_into(k, depth + 1, out);
                if out.len() > n0 {
                    // Drop weak readings when a proper one is found.
                    if out[n0..].iter().any(|e| !e.weak) {
                        let mut i = n0;
                        while i < out.len() {
                            if out[i].weak {
                                out.remove(i);
                            } else {
                                i += 1;
                            }
                        }
                    }
                    return;
                }
            }
        }
    }

    /// One conjunct: core actors and agents, else prepositional phrases, else apposition,
    /// else pronoun/description resolution.
    fn np_single(&self, h: u32, depth: u32, out: &mut Vec<Ent>) {
        let sent = self.sent;
        let core = self.core(h, false);
        let (hs, he) = self.extent(h);
        if !core.actors.is_empty() {
            let multi = core.actors.iter().any(|a| a.2);
            let mut chosen: Vec<&(u32, ActorCode, bool, u32, u32)> = Vec::new();
            if multi {
                chosen.extend(core.actors.iter());
            } else {
                // One actor: the first in word order, unless a later one extends its code
                // ("EGY" and "EGYGOV" give "EGYGOV").
                let mut best = core.actors.iter().min_by_key(|a| a.3);
                if let Some(b) = best {
                    for a in &core.actors {
                        if a.1.as_str().len() > b.1.as_str().len() && a.1.as_str().starts_with(b.1.as_str()) {
                            best = Some(a);
                        }
                    }
                }
                chosen.extend(best);
            }
            for a in chosen {
                // Agents that sit inside the actor's own phrase are already part of its code.
                let agents: Vec<(u32, u32)> =
                    core.agents.iter().copied().filter(|g| g.0 < a.3 || g.0 >= a.4).collect();
                if let Some(code) = self.apply_agents(Some(&a.1), &agents) {
                    out.push(Ent {
                        code,
                        start: hs.min(a.3),
                        end: he.max(a.4),
                        antecedent: None,
                        weak: false,
                    });
                }
            }
            return;
        }
        if !core.agents.is_empty() {
            let mut pp = Vec::new();
            self.pp_actors(h, depth, &mut pp);
            if self.places_as_countries {
                // "gunmen in Baghdad" are Iraqi gunmen (IRQUAF), not the Iraqi government's.
                self.places_are_countries(&mut pp);
            }
            if pp.is_empty() {
                if let Some(p) = core.poss_pron {
                    pp.extend(self.pronoun(p));
                }
            }
            if pp.is_empty() {
                // "Kibaki's government" after "President Mwai Kibaki": the possessor named by
                // the surname of an earlier actor.
                for &k in sent.kids(h) {
                    if sent.rel(k) != DepRel::NMOD_POSS || sent.upos(k) != Upos::PROPN {
                        continue;
                    }
                    let parts = sent.word_parts(k);
                    if parts.is_empty() {
                        continue;
                    }
                    let at = sent.words[k as usize].span.start as usize;
                    if let Some((code, span)) = self.memory.by_name(sent.part_text(parts.end - 1), at) {
                        pp.push(Ent { code, start: k, end: k + 1, antecedent: Some(span), weak: false });
                    }
                }
            }
            if !pp.is_empty() {
                for e in pp {
                    if let Some(code) = self.apply_agents(Some(&e.code), &core.agents) {
                        out.push(Ent { code, start: hs, end: he, antecedent: e.antecedent, weak: false });
                    }
                }
                return;
            }
            if let Some(code) = self.apply_agents(None, &core.agents) {
                // A definite description ("the prime minister") names an actor already seen.
                let definite =
                    sent.kids(h).iter().any(|&k| sent.rel(k) == DepRel::DET && sent.form(k) == "THE");
                if definite {
                    if let Some(e) =
                        self.memory.description(&code, sent.words[h as usize].span.start as usize)
                    {
                        out.push(Ent { code: e.0, start: hs, end: he, antecedent: Some(e.1), weak: false });
                        return;
                    }
                }
                out.push(Ent { code, start: hs, end: he, antecedent: None, weak: false });
            }
            return;
        }
        if sent.upos(h) == Upos::PRON {
            // "they (US officials)": the parenthetical names the referent.
            for &k in sent.kids(h) {
                if sent.rel(k) == DepRel::APPOS {
                    let n0 = out.len();
                    self.np_into(k, depth + 1, out);
                    if out.len() > n0 {
                        return;
                    }
                }
            }
            out.extend(self.pronoun(h));
            return;
        }
        if let Some(n) = self.plural_reference(h) {
            // "both countries", "the two sides": the last actors of as many countries named
            // earlier in another clause of this sentence ("Ahmadinejad met Chavez in Tehran,
            // where the two leaders signed"), else before this sentence.
            let by_code = matches!(sent.form(h), "SIDES" | "PARTIES");
            let mut found = self.earlier_parties(h, n, by_code);
            if found.len() < n {
                let at = sent.words.first().map_or(0, |w| w.span.start as usize);
                found = self.memory.recent_distinct(n, at, by_code);
            }
            if found.len() == n {
                // The phrase's text includes its "both" or "the two".
                let first = sent.kids(h).iter().copied().filter(|&k| k < h).min().unwrap_or(hs).min(hs);
                out.extend(found.into_iter().map(|(code, span)| Ent::referring(code, span, first, he)));
                return;
            }
        }
        let n0 = out.len();
        self.pp_actors(h, depth, out);
        if out.len() > n0 {
            return;
        }
        for &k in sent.kids(h) {
            if sent.rel(k) == DepRel::APPOS {
                self.np_into(k, depth + 1, out);
                if out.len() > n0 {
                    return;
                }
            }
        }
        // A bare name seen earlier in the article with its full form ("Maliki" after "Nuri
        // al-Maliki") is that actor.
        if sent.upos(h) == Upos::PROPN && !sent.is_time_word(h) {
            let parts = sent.word_parts(h);
            if !parts.is_empty() {
                let at = sent.words[h as usize].span.start as usize;
                if let Some((code, span)) = self.memory.by_name(sent.part_text(parts.end - 1), at) {
                    let (hs, he) = self.extent(h);
                    out.push(Ent { code, start: hs, end: he, antecedent: Some(span), weak: false });
                    return;
                }
            }
        }
        if let Some(p) = core.poss_pron {
            for mut e in self.pronoun(p) {
                e.weak = true;
                out.push(e);
            }
        }
    }

    /// How many earlier actors a plural reference to countries or sides stands for: two for
    /// "both countries", "the two sides", "the two leaders"; `None` for any other phrase.
    fn plural_reference(&self, h: u32) -> Option<usize> {
        let sent = self.sent;
        if !matches!(
            sent.form(h),
            "COUNTRIES"
                | "NATIONS"
                | "STATES"
                | "SIDES"
                | "GOVERNMENTS"
                | "PARTIES"
                | "LEADERS"
                | "MINISTERS"
                | "PRESIDENTS"
                | "DELEGATIONS"
                | "NEIGHBORS"
                | "NEIGHBOURS"
        ) {
            return None;
        }
        let two = sent.kids(h).iter().any(|&k| matches!(sent.form(k), "BOTH" | "TWO"));
        two.then_some(2)
    }

    /// The words of a phrase's core, for the actor's text and span.
    fn extent(&self, h: u32) -> (u32, u32) {
        let sent = self.sent;
        let (mut a, mut b) = (h, h + 1);
        let mut stack = vec![h];
        while let Some(w) = stack.pop() {
            for &k in sent.kids(w) {
                let r = sent.rel(k);
                if is_core_rel(r) && r != DepRel::CASE && r != DepRel::DET {
                    a = a.min(k);
                    b = b.max(k + 1);
                    if stack.len() < 64 {
                        stack.push(k);
                    }
                }
            }
        }
        (a, b)
    }

    /// Resolves a pronoun to an earlier actor: the subject of an enclosing clause that comes
    /// before it in the sentence, else the article's most recent subject.
    pub fn pronoun(&self, p: u32) -> Vec<Ent> {
        let sent = self.sent;
        let form = sent.form(p);
        if !is_referring_pronoun(form) {
            return Vec::new();
        }
        let plural = matches!(form, "THEY" | "THEM" | "THEIR" | "THEMSELVES");
        // "He", "she" and their forms name one person: a plural noun ("the Fijian rebels") is no
        // antecedent of "his government".
        let one_person = matches!(form, "HE" | "HIM" | "HIS" | "SHE" | "HER");
        let possessive = sent.rel(p) == DepRel::NMOD_POSS || matches!(form, "ITS" | "HIS" | "HER" | "THEIR");
        let mut v = sent.head_of(p);
        let mut first_clause = true;
        let mut steps = 0;
        while v != NONE && steps < 32 {
            steps += 1;
            if sent.is_verb(v) || sent.kids(v).iter().any(|&k| is_subject(sent.rel(k))) {
                for &k in sent.kids(v) {
                    if is_subject(sent.rel(k))
                        && k < p
                        && !sent.dominates(k, p)
                        && (possessive || !first_clause)
                        && !(one_person && matches!(sent.words[k as usize].xpos.as_str(), "NNS" | "NNPS"))
                    {
                        let ents: Vec<Ent> =
                            self.np_no_pronoun(k).into_iter().filter(|e| !e.is_null()).collect();
                        if !ents.is_empty() {
                            let take = if plural { ents.len() } else { 1 };
                            return ents
                                .into_iter()
                                .take(take)
                                .map(|e| {
                                    let span = self.words_span(e.start, e.end);
                                    Ent {
                                        code: e.code,
                                        start: p,
                                        end: p + 1,
                                        antecedent: Some(span),
                                        weak: false,
                                    }
                                })
                                .collect();
                        }
                    }
                }
                first_clause = false;
            }
            v = sent.head_of(v);
        }
        // "They" after a meeting or cooperation between several actors names all of them.
        let parties = self.memory.parties_before(sent.index, 1);
        if matches!(form, "THEY" | "THEM") && parties.len() >= 2 {
            return parties
                .iter()
                .map(|(code, span)| Ent::referring(code.clone(), *span, p, p + 1))
                .collect();
        }
        let at = sent.words[p as usize].span.start as usize;
        self.memory
            .last_subject(at, one_person)
            .map(|(code, span)| Ent { code, start: p, end: p + 1, antecedent: Some(span), weak: false })
            .into_iter()
            .collect()
    }

    /// Up to `n` actors of different countries or groups (with `by_code`, different codes), most
    /// recent first, that are subjects, objects or prepositional phrases before word `h` in
    /// other clauses of the sentence than the one `h` belongs to. The actors of its own clause,
    /// its subject included where a conjoined verb shares it, are not whom it refers to ("Iraq
    /// and Iran urged both countries", "The United States suspended aid and urged both sides").
    fn earlier_parties(&self, h: u32, n: usize, by_code: bool) -> Vec<(ActorCode, Span)> {
        let sent = self.sent;
        let mut clause = sent.head_of(h);
        for _ in 0..8 {
            if clause == NONE || sent.is_verb(clause) {
                break;
            }
            clause = sent.head_of(clause);
        }
        let own: Vec<u32> = if clause == NONE { Vec::new() } else { subject_of(sent, clause, false).0 };
        let mut out: Vec<(ActorCode, Span)> = Vec::new();
        for k in (0..h).rev() {
            let r = sent.rel(k);
            if !(is_subject(r) || matches!(r, DepRel::OBJ | DepRel::IOBJ | DepRel::OBL)) {
                continue;
            }
            if sent.head_of(k) == clause || own.contains(&k) || sent.dominates(k, h) || sent.dominates(h, k) {
                continue;
            }
            for e in self.np_no_pronoun(k) {
                let seen =
                    out.iter().any(|o| if by_code { o.0 == e.code } else { o.0.root() == e.code.root() });
                if e.is_null() || e.antecedent.is_some() || seen {
                    continue;
                }
                let span = self.words_span(e.start, e.end);
                out.push((e.code, span));
            }
            if out.len() >= n {
                break;
            }
        }
        out.truncate(n);
        out
    }

    /// Like [`NpCoder::np`] for a subject used as an antecedent: a pronoun there is not
    /// followed further, which keeps resolution finite.
    fn np_no_pronoun(&self, h: u32) -> Vec<Ent> {
        if self.sent.upos(h) == Upos::PRON {
            return Vec::new();
        }
        self.np(h)
    }

    /// The text of an actor.
    pub fn text_of(&self, e: &Ent) -> (String, Span) {
        // An actor implied by the context has no words of its own: its antecedent speaks.
        if let (true, Some(a)) = (e.end <= e.start, e.antecedent) {
            return (a.slice(self.doc_text).to_string(), a);
        }
        let span = self.words_span(e.start, e.end);
        (span.slice(self.doc_text).to_string(), span)
    }
}

/// Whether `code` already holds `frag` as whole three-letter units.
fn has_unit(code: &str, frag: &str) -> bool {
    if frag.is_empty() || code.len() < frag.len() {
        return false;
    }
    let mut i = 0;
    while i + frag.len() <= code.len() {
        if code.get(i..i + frag.len()) == Some(frag) {
            return true;
        }
        i += 3;
    }
    false
}

pub(crate) fn is_subject(rel: DepRel) -> bool {
    matches!(rel.as_str(), "nsubj" | "nsubj:pass" | "csubj" | "nsubj:outer" | "csubj:pass")
}

/// Third-person pronouns that refer back to an actor.
fn is_referring_pronoun(form: &str) -> bool {
    matches!(
        form,
        "HE" | "SHE"
            | "IT"
            | "THEY"
            | "HIM"
            | "HER"
            | "THEM"
            | "HIS"
            | "ITS"
            | "THEIR"
            | "ITSELF"
            | "HIMSELF"
            | "HERSELF"
            | "THEMSELVES"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_are_three_letters() {
        assert!(has_unit("USAGOV", "GOV"));
        assert!(!has_unit("USAGOV", "AGO"));
        assert!(has_unit("HGWGOVMED", "GOVMED"));
        assert!(!has_unit("", "GOV"));
    }
}
