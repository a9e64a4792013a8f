//! Clauses: for every dictionary verb of a sentence, its source and target (subject, object,
//! prepositional phrases, passive agent, pattern markers), negation and modality; then the
//! verb+verb interplay of `xcomp`/`ccomp` chains ("agreed to meet", "said X attacked Y") and
//! the expansion into (source, target, code) triples, reciprocal pairs included.

use dyad_nlp::{DepRel, Upos};
use dyad_ontology::CameoCode;

use crate::actors::{is_subject, Ent, NpCoder};
use crate::event::Modality;
use crate::patterns::{lookup_verb, regions, PatternMatch, Slot, VerbContext, VerbHit};
use crate::pico::Pico;
use crate::sentence::{Sent, NONE};
use crate::transform::Transform;
use crate::{CoderConfig, NegationPolicy};
use dyad_dict::model::TransformActor;

/// One coded verb.
#[derive(Debug, Clone)]
pub(crate) struct Frame {
    pub verb: u32,
    pub hit: VerbHit,
    pub m: PatternMatch,
    pub sources: Vec<Ent>,
    pub targets: Vec<Ent>,
    pub negated: bool,
    /// Whether the negation is a denial ("denied sending troops"): it says what did not happen,
    /// not a refusal of what was asked, so PLOVER's reading of negated cooperation as REJECT
    /// does not apply.
    pub denied: bool,
    pub modality: Modality,
    /// The frame of the clause this verb governs through `xcomp`/`ccomp`, if coded.
    pub lower: Option<usize>,
    /// Whether the verb was found passive.
    pub passive: bool,
    /// Whether the event goes out (a governing verb may absorb it).
    pub emit: bool,
    /// The code after combination with a lower verb, if any.
    pub combined: Option<CameoCode>,
    /// The transformation that rewrote this frame, if any (index into the coder's list).
    pub transform: Option<usize>,
    /// Whether the verb heads a condition ("unless the Kremlin closed its base").
    pub condition: bool,
}

/// One (source, target, code) triple ready to become an event.
#[derive(Debug, Clone)]
pub(crate) struct Triple {
    pub frame: usize,
    pub source: Ent,
    pub target: Ent,
    pub code: CameoCode,
    pub negated: bool,
}

/// The subject heads of verb `v`: its own subject, else the one it shares (xcomp controller,
/// first conjunct, governing clause). The flag says whether the subject is a passive one. With
/// `relatives`, a relative pronoun subject gives way to the noun its clause modifies.
pub(crate) fn subject_of(sent: &Sent, v: u32, relatives: bool) -> (Vec<u32>, bool) {
    let mut v = v;
    for _ in 0..8 {
        // Every subject child counts: a parser may attach the conjuncts of a compound subject
        // ("The US, Russia, and Switzerland met") to the verb one by one.
        let subs: Vec<u32> = sent.kids(v).iter().copied().filter(|&k| is_subject(sent.rel(k))).collect();
        if let Some(&k) = subs.first() {
            let passive = sent.rel(k) == DepRel::NSUBJ_PASS;
            // A relative pronoun stands for the noun its clause modifies: in "Iran, which
            // attacked Syria" Iran attacks.
            if let Some(n) = sent.relative_antecedent(k).filter(|_| relatives && subs.len() == 1) {
                return (vec![n], passive);
            }
            return (subs, passive);
        }
        let h = sent.head_of(v);
        if h == NONE {
            break;
        }
        match sent.rel(v).as_str() {
            "xcomp" => {
                // Object control: "urged Bree to help" makes Bree the helper.
                if let Some(o) = sent.kid(h, DepRel::OBJ).or_else(|| sent.kid(h, DepRel::IOBJ)) {
                    return (vec![o], false);
                }
                v = h;
            }
            "conj" | "ccomp" | "parataxis" => v = h,
            // Adverbial clauses share the subject only as "to"-infinitives ("came to help"),
            // not as "after leaving" or "while in detention".
            "advcl" if sent.is_to_clause(v) => v = h,
            // An adjective or adverb between a verb and its "to"-clause ("is inching nearer to
            // accord", with the clause under "nearer") passes the verb's subject down.
            "advmod" if matches!(sent.upos(v), Upos::ADJ | Upos::ADV) => v = h,
            "acl"
                if sent.is_to_clause(v)
                    && matches!(sent.rel(h), DepRel::OBJ | DepRel::IOBJ)
                    && !sent.kids(h).iter().any(|&k| {
                        matches!(sent.rel(k), DepRel::NMOD_POSS | DepRel::COMPOUND | DepRel::AMOD)
                            && matches!(sent.upos(k), Upos::PROPN | Upos::ADJ | Upos::PRON)
                    }) =>
            {
                // "Poland signed a deal with Washington to host a base": an object that no one
                // owns ("a US proposal", "Iran's plan") names what its clause is for; the verb's
                // subject does it.
                v = sent.head_of(h);
                if v == NONE {
                    break;
                }
            }
            "acl" | "acl:relcl" => {
                // A participle modifying a noun: the noun acts ("troops firing"), or undergoes
                // ("the man arrested") when the participle is passive.
                let passive = sent.words[v as usize].xpos.as_str() == "VBN";
                return (vec![h], passive);
            }
            _ => break,
        }
    }
    (Vec::new(), false)
}

/// Whether verb `v` heads a clause of condition, "if ..." or "unless ...", or is a conjunct of
/// one ("unless he arranged a ceasefire and held elections").
fn is_condition(sent: &Sent, v: u32) -> bool {
    let mut cur = v;
    for _ in 0..8 {
        if sent.is_condition_clause(cur) {
            return true;
        }
        if sent.rel(cur) != DepRel::CONJ {
            break;
        }
        cur = sent.head_of(cur);
    }
    false
}

/// Whether verb `v` is negated by its own "not", "n't" or "never".
fn negated(sent: &Sent, v: u32) -> bool {
    sent.kids(v).iter().any(|&k| {
        let f = sent.form(k);
        (sent.rel(k) == DepRel::ADVMOD || sent.rel(k).as_str() == "neg" || sent.upos(k) == Upos::PART)
            && matches!(f, "NOT" | "N'T" | "NEVER" | "NT")
    })
}

/// Whether some actor of `a` and some of `b` may be one side: the same country or group, or a
/// role-only actor ("the army", ---MIL) and an actor in that role (ISRMIL).
fn same_side(a: &[Ent], b: &[Ent]) -> bool {
    a.iter().any(|x| {
        b.iter().any(|y| {
            let (xs, ys) = (x.code.sectors(), y.code.sectors());
            (!x.is_null() && !y.is_null() && x.code.root() == y.code.root())
                || (x.is_null() && !xs.is_empty() && ys.starts_with(xs))
                || (y.is_null() && !ys.is_empty() && xs.starts_with(ys))
        })
    })
}

/// Whether verb `v` heads a clause that a verb of denial governs ("denied that its forces had
/// attacked", "denied sending troops"): its subject says the event did not happen, which is its
/// negation, as "said its forces had not attacked" is. A denial itself negated ("did not deny")
/// asserts nothing either way and is left alone.
fn denied(sent: &Sent, v: u32) -> bool {
    let h = sent.head_of(v);
    h != NONE
        && matches!(sent.rel(v), DepRel::CCOMP | DepRel::XCOMP)
        && sent.lemma(h) == "DENY"
        && !negated(sent, h)
}

/// The modality of verb `v`: its modal auxiliaries, "if" clauses, and governing verbs of intent
/// ("plans to", "pledged to", "is to", "was due to").
fn modality(sent: &Sent, v: u32) -> Modality {
    let mut cur = v;
    for depth in 0..6 {
        for &k in sent.kids(cur) {
            let r = sent.rel(k);
            let f = sent.form(k);
            if r == DepRel::AUX || (depth == 0 && r == DepRel::AUX_PASS) {
                match f {
                    "WILL" | "WOULD" | "SHALL" | "'LL" | "WO" => return Modality::Future,
                    "COULD" | "MIGHT" | "MAY" | "CAN" | "CA" | "SHOULD" | "MUST" => {
                        return Modality::Hypothetical
                    }
                    _ => {}
                }
            }
            if r == DepRel::MARK && matches!(f, "IF" | "UNLESS") {
                return Modality::Hypothetical;
            }
        }
        if depth > 0 {
            match sent.lemma(cur) {
                "PLAN" | "INTEND" | "PLEDGE" | "THREATEN" | "PROMISE" | "VOW" | "AIM" | "WANT" | "SEEK"
                | "HOPE" | "DUE" | "EXPECT" | "PREPARE" | "DECIDE" | "AGREE" | "OFFER" | "PROPOSE" => {
                    return Modality::Intent
                }
                "BE" | "ABOUT" => return Modality::Future,
                _ => {}
            }
        }
        // Parsers hang "due to meet" and "ready to sign" as adverbial to-clauses as often as
        // xcomp: both read up to the governing word.
        let up = matches!(sent.rel(cur).as_str(), "xcomp" | "conj")
            || (sent.rel(cur).as_str() == "advcl" && sent.is_to_clause(cur));
        if !up {
            break;
        }
        let h = sent.head_of(cur);
        if h == NONE {
            break;
        }
        cur = h;
    }
    Modality::Asserted
}

/// Codes the verbs of one sentence into frames.
pub(crate) struct ClauseCoder<'a> {
    pub np: &'a NpCoder<'a>,
    pub transforms: &'a [Transform],
    pub pico: &'a Pico,
    pub config: &'a CoderConfig,
}

impl ClauseCoder<'_> {
    fn sent(&self) -> &Sent {
        self.np.sent
    }

    /// Whether an actor counts for an event: a coded actor, or an agent without a country
    /// ("---GOV") when the configuration accepts those.
    fn usable(&self, e: &Ent) -> bool {
        if self.config.agent_only_actors {
            !e.is_void()
        } else {
            !e.is_null()
        }
    }

    /// Actors of phrase `h`, leaving out ones equal to all of `avoid` (a possessive pronoun
    /// bound to the subject is not a target).
    fn actors_avoiding(&self, h: u32, avoid: &[Ent]) -> Vec<Ent> {
        let mut v = self.np.np(h);
        v.retain(|e| !avoid.iter().any(|a| a.code == e.code));
        v
    }

    /// Whether phrase `k` reads as a place: a proper noun after "in", "at", "near" or "inside".
    fn is_place_phrase(&self, k: u32) -> bool {
        let sent = self.sent();
        sent.upos(k) == Upos::PROPN && sent.placed(k, false)
    }

    /// Whether word `w` lies in a to-infinitive clause below verb `v` ("talks to help the Iraqi
    /// people", "met to discuss aid for Iraq").
    fn in_infinitive(&self, v: u32, w: u32) -> bool {
        let sent = self.sent();
        let mut x = w;
        for _ in 0..32 {
            if x == v || x == NONE {
                return false;
            }
            if matches!(sent.rel(x).as_str(), "acl" | "advcl" | "xcomp") && sent.is_to_clause(x) {
                return true;
            }
            x = sent.head_of(x);
        }
        false
    }

    /// The default target search: the object, then prepositional phrases, then the phrases of
    /// the pattern's own nouns ("an attack by X"), then complement clauses (their subjects and
    /// objects), then any actor after the verb.
    fn default_targets(
        &self,
        v: u32,
        m: &PatternMatch,
        sources: &[Ent],
        post: &[u32],
        skip: &[u32],
    ) -> Vec<Ent> {
        let sent = self.sent();
        let mut cands: Vec<u32> = Vec::new();
        cands.extend(m.pp_target);
        for &k in sent.kids(v) {
            if matches!(sent.rel(k), DepRel::OBJ | DepRel::IOBJ) && !skip.contains(&k) {
                cands.push(k);
            }
        }
        // With several sources ("Russian and Chinese officials met in Moscow") the meeting is
        // between them: the place where they met is not a party to it.
        // A conjoined subject counts even when only one conjunct is a known actor ("Iran and six
        // world powers reached an agreement in Vienna").
        let mut subject_kids =
            sent.kids(v).iter().copied().filter(|&k| crate::actors::is_subject(sent.rel(k)));
        let conjoined_subject = match (subject_kids.next(), subject_kids.next()) {
            (Some(_), Some(_)) => true,
            (Some(k), None) => sent.kids(k).iter().any(|&c| sent.rel(c) == DepRel::CONJ),
            _ => false,
        };
        let several_sources = self.config.place_not_party && (sources.len() > 1 || conjoined_subject);
        // Where it happened is a party only when no other phrase names one: in "rallied in
        // Tbilisi in support of Saakashvili" the support is for Saakashvili.
        let mut places: Vec<u32> = Vec::new();
        for &k in sent.kids(v) {
            let r = sent.rel(k);
            if k > v
                && matches!(r.as_str(), "obl" | "obl:arg" | "obl:agent" | "nmod" | "obl:unmarked")
                && !skip.contains(&k)
                && !(several_sources && self.is_place_phrase(k))
            {
                if self.config.place_not_party && self.is_place_phrase(k) {
                    places.push(k);
                } else {
                    cands.push(k);
                }
            }
        }
        // A pattern noun's place ("reached an agreement in Vienna") is not a party either.
        cands.extend(m.used.iter().copied().filter(|&w| {
            sent.is_nominal(w)
                && !(several_sources
                    && sent.kids(w).iter().any(|&c| self.is_place_phrase(c))
                    && !sent
                        .kids(w)
                        .iter()
                        .any(|&c| matches!(sent.rel(c).as_str(), "nmod" | "obl") && !self.is_place_phrase(c)))
        }));
        cands.extend(places);
        // Complement clauses, and clauses hanging off the object ("the roads leading into X").
        let mut clauses: Vec<u32> = Vec::new();
        for &k in sent.kids(v) {
            let r = sent.rel(k).as_str();
            if matches!(r, "xcomp" | "ccomp") || (r == "advcl" && sent.is_to_clause(k)) {
                clauses.push(k);
            }
            if matches!(r, "obj" | "obl") {
                for &c in sent.kids(k) {
                    // Not relative clauses: their subject is the object itself ("ties that...").
                    if matches!(sent.rel(c).as_str(), "acl" | "ccomp") {
                        clauses.push(c);
                    }
                }
            }
        }
        for c in clauses {
            for &k in sent.kids(c) {
                let r = sent.rel(k).as_str();
                // A participle's "by" phrase is as much a party as any other oblique ("memos
                // sent by Bree"), whether the parser spells it `obl` or `obl:agent`.
                // Where the clause's event happened is no party to the verb above it: in "...
                // air strikes in Iraq and Syria, the Pentagon said" the Pentagon says nothing to
                // Iraq.
                if matches!(r, "nsubj" | "nsubj:pass" | "obj" | "obl" | "obl:agent" | "iobj" | "nmod")
                    && !skip.contains(&k)
                    && !(self.config.place_not_party && sent.placed(k, true))
                {
                    cands.push(k);
                }
            }
        }
        for &w in post {
            if !skip.contains(&w)
                && sent.is_nominal(w)
                && matches!(sent.rel(w).as_str(), "obj" | "obl" | "nmod" | "iobj" | "appos")
                && !(several_sources && self.is_place_phrase(w))
            {
                cands.push(w);
            }
        }
        // Under PLOVER's reading, the source's own forces or goods ("Syria offered its troops to
        // Lebanon's president") are what is given, not the party it is given to: such an object
        // is the target only when no other phrase names one.
        // Likewise a role-only phrase ("mobilized army reservists for a war against Iraq"),
        // which PLOVER places in the source's country, gives way to a phrase naming a country
        // or group, unless that phrase is only where it happened.
        let mut own: Option<Vec<Ent>> = None;
        // An infinitive saying what a meeting is for names no party to it: "entered talks to
        // help the Iraqi people" are no talks with the Iraqi people.
        let meeting = m.code.active.is_some_and(|c| c.root_number() == 4);
        for &k in &cands {
            if meeting && self.in_infinitive(v, k) {
                continue;
            }
            let t = self.actors_avoiding(k, sources);
            if t.iter().any(|e| !e.weak) {
                if own.is_some() && self.is_place_phrase(k) {
                    continue;
                }
                let role_only = t.iter().all(Ent::is_null);
                let pattern_noun = m.used.iter().any(|&u| u == k || sent.head_of(u) == k);
                if role_only && self.config.pattern_nouns_not_parties && pattern_noun {
                    // "began joint military exercises", "sent 500 troops": the pattern's own
                    // noun names what was done or given, not to whom.
                    continue;
                }
                if self.config.plover_actors
                    && own.is_none()
                    && (role_only || self.is_sources_own(k, &t, sources))
                {
                    own = Some(t);
                    continue;
                }
                if role_only && own.is_some() {
                    continue;
                }
                return t;
            }
        }
        own.unwrap_or_default()
    }

    /// Whether phrase `k` is the sources' own ("its troops"): it has a possessive pronoun and
    /// every actor found in it belongs to a source's country or group.
    fn is_sources_own(&self, k: u32, found: &[Ent], sources: &[Ent]) -> bool {
        let sent = self.sent();
        let poss_pronoun =
            sent.kids(k).iter().any(|&c| sent.rel(c) == DepRel::NMOD_POSS && sent.upos(c) == Upos::PRON);
        // A subjectless clause ("willing to withdraw its troops") gets its sources later, from
        // the clause above; there the pronoun's own antecedent tells.
        poss_pronoun
            && !found.is_empty()
            && found.iter().all(|e| {
                !e.is_null()
                    && (sources.iter().any(|s| !s.is_null() && s.code.root() == e.code.root())
                        || (sources.is_empty() && e.antecedent.is_some()))
            })
    }

    /// The passive agent: `obl:agent`, else a "by", "from" or "in" phrase.
    fn passive_source(&self, v: u32) -> Vec<Ent> {
        let sent = self.sent();
        for want in ["BY", "FROM", "IN"] {
            // An "in" phrase names where it was done ("a state of siege was declared in the
            // colony"), not who did it, except to PETRARCH2.
            if want == "IN" && self.config.place_not_party {
                continue;
            }
            for &k in sent.kids(v) {
                let r = sent.rel(k);
                let is_pp = r == DepRel::OBL_AGENT || r == DepRel::OBL || r == DepRel::NMOD;
                if is_pp && sent.case_of(k).is_some_and(|c| sent.form(c) == want) {
                    let a = self.np.np(k);
                    if !a.is_empty() {
                        return a;
                    }
                }
            }
        }
        Vec::new()
    }

    /// Actors of the first noun phrase after the verb not used by the pattern (`$`/`+` after `*`).
    fn post_actors(&self, v: u32, post: &[u32], used: &[u32], avoid: &[Ent]) -> Vec<Ent> {
        let sent = self.sent();
        for &w in post {
            if w <= v || used.contains(&w) || !sent.is_nominal(w) {
                continue;
            }
            if matches!(sent.rel(w).as_str(), "obj" | "obl" | "nmod" | "iobj" | "obl:agent") {
                let t = self.actors_avoiding(w, avoid);
                if !t.is_empty() {
                    return t;
                }
            }
        }
        // A pattern noun can carry the actor in its own prepositional phrase ("money from X").
        for &w in used {
            let t = self.actors_avoiding(w, avoid);
            if !t.is_empty() {
                return t;
            }
        }
        Vec::new()
    }

    /// Builds the frame of verb `v`, if it is a dictionary verb.
    pub fn frame(&self, v: u32, pre: &mut Vec<u32>, post: &mut Vec<u32>) -> Option<Frame> {
        let sent = self.sent();
        if !sent.is_verb(v) {
            return None;
        }
        let hit = lookup_verb(self.np.lex, sent, v)?;
        let (mut subjects, subj_passive) = subject_of(sent, v, self.config.relative_pronouns);
        if subjects.is_empty() {
            subjects.extend(crate::repair::stray_subject(self.np, v));
        }
        if subjects.is_empty() {
            subjects.extend(crate::repair::left_subject(self.np, v));
        }
        let mut subject_ents: Vec<Ent> = Vec::new();
        for &s in &subjects {
            subject_ents.extend(self.np.np(s));
        }
        if subject_ents.iter().all(Ent::is_null) {
            // "A member of the Syrian parliament, Mohammed Mamoun, started a hunger strike":
            // a parser may split an apposition from its subject as a dislocated phrase, which
            // then holds the actor the name alone does not.
            for &k in sent.kids(v) {
                if k < v && sent.rel(k).as_str() == "dislocated" && sent.is_nominal(k) {
                    let found: Vec<Ent> = self.np.np(k).into_iter().filter(|e| !e.is_null()).collect();
                    if !found.is_empty() {
                        subject_ents = found;
                        subjects.push(k);
                        break;
                    }
                }
            }
        }
        if subjects.len() > 1 {
            // Two subjects with no conjunction or comma between them are one name split by
            // the parser ("Bree Prime Minister Romendacil"): keep the more specific code.
            let (a, b) = (
                subjects[0].min(subjects[subjects.len() - 1]),
                subjects[0].max(subjects[subjects.len() - 1]),
            );
            let separated = (a..b).any(|w| matches!(sent.upos(w), Upos::CCONJ | Upos::PUNCT));
            if !separated {
                let codes: Vec<String> = subject_ents.iter().map(|e| e.code.as_str().to_string()).collect();
                subject_ents.retain(|e| {
                    !codes.iter().any(|c| c.len() > e.code.as_str().len() && c.starts_with(e.code.as_str()))
                });
            }
        }
        regions(sent, v, pre, post);
        let passive = (sent.is_passive(v) || (subj_passive && sent.words[v as usize].xpos.as_str() == "VBN"))
            && !crate::repair::false_passive(sent, v);
        if passive {
            // PETRARCH2 looks for a passive verb's object nouns in its subject ("Evidence
            // against Russia was presented" matches `* EVIDENCE (AGAINST)`).
            for &s in &subjects {
                if sent.kids(v).contains(&s) {
                    sent.walk(s, &|c| matches!(sent.rel(c).as_str(), "acl:relcl" | "punct"), &mut |w| {
                        post.push(w)
                    });
                }
            }
            post.sort_unstable();
            post.dedup();
        }
        let ctx = VerbContext {
            sent,
            lex: self.np.lex,
            verb: v,
            subjects: &subjects,
            subject_actors: subject_ents.iter().filter(|e| !e.is_null()).count(),
            post,
            pre,
            pattern_owners: self.config.pattern_owners,
        };
        let m = ctx.best(hit)?;
        let mut skip: Vec<u32> = m.used.clone();
        if let Some(p) = hit.particle {
            skip.push(p);
        }
        let (mut sources, mut targets);
        if passive && m.source == Slot::Default && m.target == Slot::Default {
            sources = self.passive_source(v);
            targets = subject_ents.clone();
            if sources.is_empty() {
                // PETRARCH takes an actor of the verb's other prepositional phrases as the agent.
                for &k in sent.kids(v) {
                    // An object of a passive verb is a misparse; its phrase may hold the agent.
                    // A place ("was declared in the French colony", "were killed in central
                    // Baghdad") is where it happened, not who did it, except to PETRARCH2.
                    let place = self.config.place_not_party && sent.placed(k, true);
                    if matches!(sent.rel(k), DepRel::OBL | DepRel::NMOD | DepRel::OBJ)
                        && !skip.contains(&k)
                        && !place
                    {
                        let a = self.actors_avoiding(k, &targets);
                        if !a.is_empty() && a.iter().any(|e| !e.weak) {
                            sources = a;
                            break;
                        }
                    }
                }
            }
        } else {
            sources = match m.source {
                Slot::Default | Slot::Subject => {
                    if m.target == Slot::Subject {
                        Vec::new()
                    } else {
                        subject_ents.clone()
                    }
                }
                Slot::Word(w) => self.np.np(w),
                Slot::Post => self.post_actors(v, post, &m.used, &[]),
            };
            targets = match m.target {
                Slot::Subject => subject_ents.clone(),
                Slot::Word(w) => self.np.np(w),
                Slot::Post => self.post_actors(v, post, &m.used, &sources),
                Slot::Default => {
                    if m.compound {
                        Vec::new()
                    } else {
                        self.default_targets(v, &m, &sources, post, &skip)
                    }
                }
            };
            if m.source == Slot::Default && m.target == Slot::Subject {
                sources = self.post_actors(v, post, &m.used, &targets);
            }
            if m.object_compound {
                // The objects are the parties, each acting with the others; a parser may split
                // a long list between the object and an oblique.
                sources.clear();
                for &k in sent.kids(v) {
                    if k > v && matches!(sent.rel(k).as_str(), "obj" | "iobj" | "obl") && sent.is_nominal(k) {
                        for e in self.np.np(k) {
                            if !sources.iter().any(|s| s.code == e.code) {
                                sources.push(e);
                            }
                        }
                    }
                }
            }
        }
        if self.config.one_actor_events
            && sources.is_empty()
            && m.code.active.is_some_and(|c| c.root_number() == 14)
        {
            // "Up to 100 ethnic Albanians demonstrated in Serbia": a protest whose protesters name
            // no actor is the protest of the country it takes place in, as PLOVER codes domestic
            // unrest.
            // The place is an oblique of the verb, or hangs on one ("on Tuesday in Serbia").
            let place = sent.kids(v).iter().filter(|&&k| sent.rel(k) == DepRel::OBL).find_map(|&k| {
                std::iter::once(k)
                    .chain(sent.kids(k).iter().copied().filter(|&n| sent.rel(n) == DepRel::NMOD))
                    .find(|&p| self.is_place_phrase(p))
            });
            if let Some(k) = place {
                sources = self.np.np(k).into_iter().filter(|e| !e.is_null()).collect();
                // The place is no longer the protest's target as well; PLOVER's domestic
                // recipient takes its place.
                targets.retain(|t| !sources.iter().any(|s| s.start == t.start && s.end == t.end));
            }
        }
        if self.config.plover_actors && sources.iter().any(|e| !e.is_null()) {
            // "Russian aircraft including helicopter gunships": a role-only actor beside a named
            // one is part of it, not a second party of unknown country.
            sources.retain(|e| !e.is_null());
        }
        let denial = denied(sent, v);
        let neg = negated(sent, v) || hit.particle.is_some_and(|p| negated(sent, p)) || denial;
        Some(Frame {
            verb: v,
            hit,
            m,
            sources,
            targets,
            negated: neg,
            denied: denial,
            modality: modality(sent, v),
            lower: None,
            passive,
            emit: true,
            combined: None,
            transform: None,
            condition: is_condition(sent, v),
        })
    }

    /// Resolves verb+verb interplay: a verb governing a coded clause either absorbs it (its own
    /// pattern used the clause's words, or PICO combines the codes) or gives way to it.
    pub fn link(&self, frames: &mut [Frame]) {
        let sent = self.sent();
        let mut control: Vec<bool> = vec![false; frames.len()];
        for i in 0..frames.len() {
            // The nearest coded verb below through complement relations.
            let v = frames[i].verb;
            let mut lower = None;
            for (j, f) in frames.iter().enumerate() {
                if j == i {
                    continue;
                }
                let mut w = f.verb;
                for _ in 0..6 {
                    let Some((h, obj_control)) = sent.complement_of(w) else { break };
                    if h == v {
                        lower = Some(j);
                        control[i] = obj_control;
                        break;
                    }
                    // Only pass through verbs that are not coded themselves.
                    if frames.iter().any(|g| g.verb == h) {
                        break;
                    }
                    w = h;
                }
                if lower.is_some() {
                    break;
                }
            }
            frames[i].lower = lower;
        }
        for i in 0..frames.len() {
            let Some(j) = frames[i].lower else { continue };
            // The lower clause inherits the upper subject when it has none.
            let shares_subject =
                sent.rel(frames[j].verb) == DepRel::XCOMP || sent.is_to_clause(frames[j].verb);
            if frames[j].sources.is_empty() && !frames[i].sources.is_empty() && !control[i] && shares_subject
            {
                frames[j].sources = frames[i].sources.clone();
            }
            let complete = |f: &Frame| {
                let n_src = f.sources.iter().filter(|e| self.usable(e)).count();
                let n_tgt = f.targets.iter().filter(|e| self.usable(e)).count();
                f.m.code.active.is_some()
                    && n_src > 0
                    && (n_tgt > 0 || (n_src > 1 && (f.m.compound || self.config.reciprocal_cooperation)))
            };
            let upper_code = frames[i].m.code.active;
            let specific = frames[i].m.pattern.is_some() && !frames[i].m.used.is_empty();
            let lower_code = frames[j].m.code.active;
            let (upper_ok, lower_ok) = (complete(&frames[i]), complete(&frames[j]));
            let Some(u) = upper_code else {
                // A null upper verb ("indicated", "was seen") gives way to its clause.
                frames[i].emit = false;
                continue;
            };
            if specific {
                frames[j].emit = false;
                continue;
            }
            if let Some((k, s, t, c)) = self.transform(&frames[i], &frames[j]) {
                frames[i].sources = s;
                frames[i].targets = t;
                frames[i].combined = Some(c);
                frames[i].transform = Some(k);
                frames[i].emit = true;
                // The absorbed clause's negation ("said it would not attack") stays with the
                // event: it is never silently coded as positive.
                frames[i].negated |= frames[j].negated;
                frames[i].denied |= frames[j].denied;
                // The reported event happened too (as far as the report goes), unless the user
                // asked for PETRARCH's output, where the rewrite replaces it.
                frames[j].emit = self.config.keep_reported_events && lower_ok;
                continue;
            }
            if let Some(l) = lower_code {
                // Codes combine when the lower clause is the upper actor's own action
                // ("promised to help"), not someone else's ("said Iran attacked").
                let same_actor = frames[j].sources.is_empty() || frames[j].sources == frames[i].sources;
                if let Some(c) = if same_actor { self.pico.combine(u, l) } else { None } {
                    frames[i].combined = Some(c);
                    if frames[i].targets.is_empty() || frames[i].targets == frames[j].sources {
                        frames[i].targets = frames[j].targets.clone();
                    }
                    frames[i].negated |= frames[j].negated;
                    frames[i].denied |= frames[j].denied;
                    frames[j].emit = false;
                    continue;
                }
            }
            let purpose = sent.rel(frames[j].verb).as_str() == "advcl";
            if (control[i] || purpose) && upper_ok {
                // "urged Bree to help": the appeal to Bree is the event.
                frames[j].emit = false;
            } else if lower_ok {
                // Reported speech and the like: the reported event is the event.
                frames[i].emit = false;
            } else if upper_ok {
                frames[j].emit = false;
            }
        }
    }

    /// The first transformation matching an upper frame and its lower frame: its index, the
    /// new source and target, and the code.
    fn transform(&self, up: &Frame, low: &Frame) -> Option<(usize, Vec<Ent>, Vec<Ent>, CameoCode)> {
        let u = up.m.code.active?;
        let l = low.m.code.active?;
        let overlap = |a: &[Ent], b: &[Ent]| a.iter().any(|x| b.iter().any(|y| x.code == y.code));
        'next: for (k, t) in self.transforms.iter().enumerate() {
            if t.upper_root != u.root_number() || t.lower_root.is_some_and(|r| r != l.root_number()) {
                continue;
            }
            let mut binds: Vec<(char, &[Ent])> = Vec::new();
            let TransformActor::Var(a) = t.upper_src else { continue };
            if up.sources.is_empty() {
                continue;
            }
            binds.push((a, &up.sources));
            for (var, ents) in [(&t.lower_src, &low.sources[..]), (&t.lower_tgt, &low.targets[..])] {
                match var {
                    TransformActor::Var(c) => {
                        if ents.is_empty() {
                            continue 'next;
                        }
                        match binds.iter().find(|b| b.0 == *c) {
                            Some(b) => {
                                if !overlap(b.1, ents) {
                                    continue 'next;
                                }
                            }
                            None => {
                                // A new letter is a different actor from those bound already.
                                if binds.iter().any(|b| overlap(b.1, ents)) {
                                    continue 'next;
                                }
                                binds.push((*c, ents));
                            }
                        }
                    }
                    TransformActor::Any => {}
                    TransformActor::Absent => {
                        // No actor of its own: none, or the one shared with the upper verb.
                        if !ents.is_empty() && !overlap(ents, &up.sources) {
                            continue 'next;
                        }
                    }
                }
            }
            let get = |v: &TransformActor| -> Option<Vec<Ent>> {
                let TransformActor::Var(c) = v else { return None };
                binds.iter().find(|b| b.0 == *c).map(|b| b.1.to_vec())
            };
            let (Some(s), Some(tg)) = (get(&t.result_src), get(&t.result_tgt)) else { continue };
            let code = t.code.unwrap_or(l);
            if self.config.own_side_not_accused && code.root_number() == 11 && same_side(&s, &tg) {
                // "Israeli warplanes struck targets, the army said": the army reports its own
                // side's action; it accuses nobody.
                continue;
            }
            return Some((k, s, tg, code));
        }
        None
    }

    /// The other parties of a meeting or cooperation of the last three sentences in which the
    /// event's only source took part, as the implied target of a cooperation with none named:
    /// "Maliki held talks with Iranian officials. ... Maliki would sign agreements" (with them).
    fn context_partners(&self, f: &Frame, sources: &[&Ent], code: CameoCode) -> Vec<Ent> {
        let [source] = sources else { return Vec::new() };
        if source.is_null() || !(3..=6).contains(&code.root_number()) {
            return Vec::new();
        }
        let parties = self.np.memory.parties_before(self.sent().index, 3);
        if !parties.iter().any(|p| p.0 == source.code) {
            return Vec::new();
        }
        parties
            .iter()
            .filter(|p| p.0.root() != source.code.root())
            .map(|(code, span)| Ent::referring(code.clone(), *span, f.verb, f.verb))
            .collect()
    }

    /// Expands the emitted frames into triples.
    pub fn triples(&self, frames: &[Frame], out: &mut Vec<Triple>) {
        for (fi, f) in frames.iter().enumerate() {
            if !f.emit || (f.condition && self.config.conditions_not_events) {
                continue;
            }
            if self.config.modifier_clauses_not_events && self.sent().in_noun_modifier(f.verb) {
                continue;
            }
            if self.config.quotations_not_events && self.sent().is_quotation(f.verb) {
                continue;
            }
            let forward = f.combined.or(f.m.code.active);
            let back = if f.combined.is_some() { None } else { f.m.code.passive };
            // `[:173]`: the event only exists seen from the target's side.
            let reverse_only = forward.is_none();
            let Some(mut code) = forward.or(back) else { continue };
            let mut back = if reverse_only { None } else { back };
            let mut negated = false;
            let refused = if f.negated && !f.denied && self.config.intent_codes {
                crate::plover_rules::refusal(code)
            } else {
                None
            };
            if let Some(c) = refused {
                // The codebook's reading: a cooperation that will not happen ("will not accept
                // refugees") is a rejection, under every negation policy.
                code = c;
                back = None;
            } else if f.negated {
                match self.config.negation {
                    NegationPolicy::Petrarch => match self.pico.negate(code) {
                        Some(c) => {
                            code = c;
                            back = back.and_then(|b| self.pico.negate(b));
                        }
                        None => continue,
                    },
                    NegationPolicy::Mark => negated = true,
                    NegationPolicy::Skip => continue,
                }
            }
            let sources: Vec<&Ent> =
                f.sources.iter().filter(|e| !self.config.require_dyad || self.usable(e)).collect();
            let targets: Vec<&Ent> =
                f.targets.iter().filter(|e| !self.config.require_dyad || self.usable(e)).collect();
            let reciprocal_ok =
                f.m.compound || (self.config.reciprocal_cooperation && (3..=6).contains(&code.root_number()));
            // PLOVER: conjoined actors doing something together ("Jordan and Britain agreed to
            // undertake joint exercises") are each other's recipients, not a role-only object's.
            let no_target = targets.is_empty()
                || (self.config.plover_actors && targets.iter().all(|t| t.is_null()))
                || (self.config.place_not_party && sources.len() >= 2 && within(&sources, &targets));
            if no_target && sources.len() >= 2 && reciprocal_ok {
                for a in &sources {
                    for b in &sources {
                        if !same_actor(a, b) {
                            push(out, fi, a, b, code, negated);
                        }
                    }
                }
                continue;
            }
            let partners;
            let targets: Vec<&Ent> = if targets.is_empty() && self.config.context_partners {
                partners = self.context_partners(f, &sources, code);
                partners.iter().collect()
            } else {
                targets
            };
            if targets.is_empty() && self.config.one_actor_events && !reverse_only {
                // PLOVER's one-actor events ("X agreed to resign"): a coded source, no target.
                if let Some(nobody) = crate::plover_rules::no_actor() {
                    for s in sources.iter().filter(|s| !s.is_null()) {
                        push(out, fi, s, &nobody, code, negated);
                    }
                }
                continue;
            }
            if self.config.require_dyad && (sources.is_empty() || targets.is_empty()) {
                continue;
            }
            for s in &sources {
                for t in &targets {
                    if s.code == t.code {
                        continue;
                    }
                    if reverse_only {
                        push(out, fi, t, s, code, negated);
                        continue;
                    }
                    push(out, fi, s, t, code, negated);
                    // PLOVER codes a visit once, from the subject's side ([042:043] gives no
                    // hosting event); symmetric codes ([040:040], "met") stay reciprocal.
                    let one_sided = self.config.plover_actors && back.is_some_and(|b| b != code);
                    if let Some(b) = back.filter(|_| !one_sided) {
                        push(out, fi, t, s, b, negated);
                    }
                }
            }
        }
    }
}

/// Whether two conjoined actors are one at two levels of detail ("Libyan leader Muammar
/// Gaddafi and ..." gives LBY and LBYGOV), so that they form no reciprocal pair.
fn same_actor(a: &Ent, b: &Ent) -> bool {
    let (x, y) = (a.code.as_str(), b.code.as_str());
    x.starts_with(y) || y.starts_with(x)
}

/// Whether every target belongs to the country (or group) of one of several sources: "Israel and
/// Lebanon renewed negotiations on an Israeli troop pullback" is a negotiation between the two,
/// and the Israeli troops in its topic are not a third party to it.
fn within(sources: &[&Ent], targets: &[&Ent]) -> bool {
    let Some(first) = sources.first() else { return false };
    let two_roots = sources.iter().any(|s| s.code.root() != first.code.root());
    two_roots
        && targets.iter().all(|t| !t.is_null() && sources.iter().any(|s| s.code.root() == t.code.root()))
}

fn push(out: &mut Vec<Triple>, frame: usize, s: &Ent, t: &Ent, code: CameoCode, negated: bool) {
    if out.iter().any(|x| x.source.code == s.code && x.target.code == t.code && x.code == code) {
        return;
    }
    out.push(Triple { frame, source: s.clone(), target: t.clone(), code, negated });
}

/// The pattern text of a frame, for evidence: the pattern as written, or the verb line.
pub(crate) fn describe(
    lex: &crate::lexicon::Lexicon,
    transforms: &[Transform],
    f: &Frame,
) -> (String, String) {
    if let Some(t) = f.transform.and_then(|k| transforms.get(k)) {
        return (t.rule.clone(), t.text.clone());
    }
    if let Some((b, p)) = f.m.pattern {
        if let Some(pat) = lex.blocks.get(b as usize).and_then(|blk| blk.patterns.get(p as usize)) {
            return (pat.loc.to_string(), format!("{} [{}]", pat.text, pat.code));
        }
    }
    match lex.verbs.get(f.hit.entry as usize) {
        Some(e) => (e.loc.to_string(), format!("{} [{}]", e.text, e.code)),
        None => (String::new(), String::new()),
    }
}
