//! The event coder: from an analysed [`dyad_nlp::Document`] and an article date to dated,
//! located and explained CAMEO/PLOVER events.
//!
//! Architecture invariant: the coder knows nothing of files, formats, HTTP or storage; it takes
//! documents in and gives [`Event`]s out.
//!
//! The work per sentence, in order: discards (`lexicon`), actor phrases and noun-phrase codes
//! (`actors`, with `coref` for pronouns and descriptions), verb patterns (`patterns`), clause
//! frames and verb+verb interplay (`clauses`, with `transform` for the dictionary's
//! transformations and `pico` for PETRARCH's code arithmetic), then dates (`dates`), places
//! (`location`) and the ontology (QuadClass, Goldstein, PLOVER).
//!
//! Semantics worth knowing:
//! - Negation: by default a negated verb ("did not accuse") is coded as its positive event with
//!   `negated: true` ([`NegationPolicy::Mark`]); [`NegationPolicy::Petrarch`] follows PETRARCH2
//!   (the PICO inverse: "did not disapprove" = 050; no event when there is none), and
//!   [`NegationPolicy::Skip`] drops negated events. A clause under "deny" ("denied that its
//!   forces attacked", "denied sending troops") is negated the same way.
//! - Reported speech: "X said Y accused Z" gives Y's accusation; the saying is coded only where
//!   the verb dictionary says so (a transformation such as `~ a (b . ATTACK) SAY = a b 112`).
//! - Verb chains: "promised to help" combines through PICO (033); a null upper verb
//!   ("indicated", "was seen") gives way to its clause; "urged X to do" is the appeal to X.
//! - Two-part codes `[042:043]` give both directions; `%` patterns and cooperation (roots 03 to
//!   06) between conjoined actors with no other target give reciprocal pairs.
//! - PLOVER: the crosswalk's event, with the manual's rules for intentions (future or intended
//!   CONSULT/SUPPORT/COOPERATE/AID are AGREE, RETREAT is CONCEDE, material conflict is THREATEN).

mod actors;
mod clauses;
mod coref;
mod dates;
mod event;
mod lexicon;
mod location;
mod patterns;
mod pico;
mod plover_rules;
mod repair;
mod sentence;
mod transform;

use chrono::{Datelike, NaiveDate};
use dyad_dict::{ActorCode, Dictionaries};
use dyad_geo::Gazetteer;
use dyad_nlp::{DepRel, Document};
use dyad_ontology::Ontology;

pub use event::{Event, EventActor, Evidence, Location, Modality, PloverCoding};

use crate::actors::{find_mentions, is_subject, Ent, Mention, NpCoder};
use crate::clauses::{ClauseCoder, Frame, Triple};
use crate::coref::Memory;
use crate::lexicon::{Lexicon, Sources};
use crate::pico::Pico;
use crate::sentence::Sent;

/// What to do with a negated verb ("did not accuse", "never met").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum NegationPolicy {
    /// Code the event the verb names and set `negated: true` (the default: nothing is lost,
    /// and consumers filter on the flag).
    #[default]
    Mark,
    /// PETRARCH2 semantics: the negated code through PICO ("not disapprove" = 050, "will not
    /// coerce" = 057); no event when the negation has no code.
    Petrarch,
    /// Drop negated events.
    Skip,
}

/// Coder options.
#[derive(Debug, Clone)]
pub struct CoderConfig {
    pub negation: NegationPolicy,
    /// Cooperation codes (roots 03 to 06) with several actors and no other target give
    /// reciprocal pairs ("X and Y held talks": X->Y and Y->X).
    pub reciprocal_cooperation: bool,
    /// Events need a coded source and target (PETRARCH's `require_dyad`); null codes such as
    /// "---GOV" ("an official") do not count.
    pub require_dyad: bool,
    /// At most this many events per sentence (the first ones in sentence order are kept).
    pub max_events_per_sentence: usize,
    /// Fall back to the dateline's place when the clause names none.
    pub dateline_location: bool,
    /// Accept actors known only by their agent ("an official" = "---GOV") as sources and
    /// targets, as PETRARCH2 does.
    pub agent_only_actors: bool,
    /// Code future, intended and committed ("agreed to", "is willing to") cooperation as
    /// expressions of intent (03), such conflictual actions as threats (13), and refused
    /// cooperation ("refused to", "failed to") as rejections (12), as the CAMEO codebook and
    /// PLOVER do (see `plover_rules`). Off by default: PETRARCH2 codes the action itself.
    pub intent_codes: bool,
    /// Emit events that have a source and no target ("X agreed to resign", protests), with no
    /// target actor, as PLOVER codes them. Off by default (PETRARCH's dyads).
    pub one_actor_events: bool,
    /// PLOVER's actor conventions: actors known only by their role ("---GOV") take the country
    /// of the clause's place or of the other actor, and one action between the same actors
    /// named at two levels of detail (IRQ, IRQGOV) is one event. Off by default (PETRARCH
    /// keeps "---GOV" and codes every pair).
    pub plover_actors: bool,
    /// When a transformation rewrites a reported event ("the Turkish military said Turkish
    /// warplanes bombed rebels": the military claims responsibility, 015), also emit the
    /// reported event itself (the bombing). On by default; PETRARCH2 emits only the rewrite.
    pub keep_reported_events: bool,
    /// "X and Y met in Z": a place named after "in"/"at" is not a party when the event already has
    /// several sources, so the sources form reciprocal pairs. PETRARCH2 (and its gold) makes the
    /// place the target instead.
    pub place_not_party: bool,
    /// "X demanded that Y withdraw", "X said Y must withdraw": a demand (10x) from X on Y, not
    /// Y's withdrawal, which has not happened; and "X threatened to act unless Y withdraws": a
    /// threat to Y. PETRARCH2 codes the lower clause instead, and the threat with no target.
    pub clause_demands: bool,
    /// A sentence discard that dates something in the past ("two years ago", "months later", a
    /// year or its decade, "in the 1970s") drops the sentence only when it dates the main
    /// clause; in a relative, participial or adverbial clause ("rebels who entered two years
    /// ago", "property seized in the 1970s") it is background to a current event, which PLOVER
    /// codes and an analyst wants. Off under the PETRARCH conventions: PETRARCH2 discards the
    /// whole sentence.
    pub background_time_clauses: bool,
    /// Phoenix discards every sentence naming a year from 1914 to 2013: written for coding news
    /// from 2014 on, where those years are history. When on, a bare-year discard applies only to
    /// years before the article's own year, so that archives (a 2007 story on "2007") still code.
    pub years_relative_to_article: bool,
    /// A verb pattern whose comment names a verb of its block (`- * (ON) [020] # CALL`) applies
    /// to that verb only, unless the verb owns no pattern at all (a plain synonym such as
    /// SUSPEND beside HALT): the PETRARCH2 dictionaries were converted from TABARI's per-verb
    /// patterns, and the comment keeps the verb each was written for, so that "telephoned X on
    /// Tuesday" is not coded as "called on X" (an appeal). PETRARCH2 applies every pattern of a
    /// block to all its verbs; off under its conventions.
    pub pattern_owners: bool,
    /// A cooperation (CAMEO 03 to 06) with one source and no target named takes as target the
    /// other parties of a meeting the source held in the last three sentences ("Maliki held talks
    /// with Iranian officials ... Maliki would sign agreements"), with the meeting's mentions as
    /// antecedents. Off under the PETRARCH and PLOVER conventions, whose gold codes sentences
    /// one by one.
    pub context_partners: bool,
    /// A target known only by its role ("rebel positions") takes the country of the place the
    /// clause names ("in northern Iraq": IRQREB). On under the dyad conventions (the PLOVER
    /// conventions place role-only actors their own way); PETRARCH2 keeps "---REB".
    pub place_fills_roles: bool,
    /// An event in a clause of condition ("threatened to break relations unless the Kremlin
    /// closed its base", "will defend Saudi Arabia if it is attacked") has not happened, and its
    /// clause only qualifies the main event: on under the PLOVER conventions, whose gold codes
    /// the main event alone. Otherwise such events go out with their `Hypothetical` modality
    /// ("if") or as PETRARCH2 codes them.
    pub conditions_not_events: bool,
    /// An event in a clause that modifies a noun ("the return of property seized by government
    /// forces in the 1970s", "a helicopter that was captured last week") describes what the
    /// noun is, mostly background to the sentence's own event: on under the PLOVER
    /// conventions, whose gold codes a sentence's main events only (it also loses
    /// "demonstrators protesting election results", which the gold codes). The dyad and
    /// PETRARCH conventions code such clauses like any other.
    pub modifier_clauses_not_events: bool,
    /// A relative pronoun stands for the noun its clause modifies ("Iran, which attacked Syria":
    /// Iran attacks; "members of the government, whom they had taken hostage": the members are
    /// the hostages). Off under the PETRARCH conventions: PETRARCH2 leaves
    /// "which" uncoded, and its gold sets code no such clause.
    pub relative_pronouns: bool,
    /// A capital named as a place ("protests in Cairo", "killed in Beirut") is its country, not
    /// the government dyad's dictionaries make of it when it acts ("Cairo said"). Off under the
    /// PETRARCH conventions, which code every name as its dictionary entry says.
    pub places_as_countries: bool,
    /// "X was quoted by the news agency as saying ...", "diplomats quoted X as saying ...": a
    /// quotation attributes what follows to X and is no statement of the agency (or the
    /// diplomats) about X; what X said is coded from the clause that follows. Off under the
    /// PETRARCH conventions, whose dictionary codes "quote" as a statement (010) by the quoter.
    pub quotations_not_events: bool,
    /// "Israeli warplanes struck targets, the army said": the dictionary's rewrite of "X said Y
    /// attacked" as X's accusation of Y (`~ a (b . ATTACK) SAY = a b 112`) does not apply when X
    /// and Y may be one side (the same country or group, or "the army" and a military actor):
    /// a side reporting its own action accuses nobody. Off under the PETRARCH conventions.
    pub own_side_not_accused: bool,
    /// A phrase that is a verb pattern's own noun and names no country or group ("began joint
    /// military exercises", "sent 500 troops": ---MIL) says what was done or given, not to whom:
    /// it is no target, so that the sources' reciprocal pairs or another phrase take its place.
    /// Off under the PETRARCH conventions, which make it the target.
    pub pattern_nouns_not_parties: bool,
}

impl Default for CoderConfig {
    fn default() -> Self {
        CoderConfig {
            negation: NegationPolicy::Mark,
            reciprocal_cooperation: true,
            require_dyad: true,
            max_events_per_sentence: 16,
            dateline_location: true,
            agent_only_actors: true,
            intent_codes: false,
            one_actor_events: false,
            plover_actors: false,
            keep_reported_events: true,
            place_not_party: true,
            clause_demands: true,
            background_time_clauses: true,
            years_relative_to_article: true,
            pattern_owners: true,
            context_partners: true,
            place_fills_roles: true,
            conditions_not_events: false,
            modifier_clauses_not_events: false,
            relative_pronouns: true,
            places_as_countries: true,
            quotations_not_events: true,
            own_side_not_accused: true,
            pattern_nouns_not_parties: true,
        }
    }
}

/// Where the field's coding conventions differ, which ones to follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Conventions {
    /// dyad's defaults: PETRARCH2's dyads and codes, plus the reported events a PETRARCH
    /// transformation would have replaced.
    #[default]
    Dyad,
    /// PETRARCH2 as its validation suites expect: transformations replace reported events.
    Petrarch,
    /// PLOVER as its gold records expect: intentions as AGREE/THREATEN (CAMEO 03/13), refusals
    /// as REJECT, one-actor events, role-only actors placed in a country.
    Plover,
}

impl CoderConfig {
    /// This configuration with the switches that make up `conventions`.
    pub fn with_conventions(mut self, conventions: Conventions) -> Self {
        let plover = conventions == Conventions::Plover;
        self.intent_codes = plover;
        self.one_actor_events = plover;
        self.plover_actors = plover;
        self.keep_reported_events = conventions != Conventions::Petrarch;
        self.place_not_party = conventions != Conventions::Petrarch;
        self.clause_demands = conventions != Conventions::Petrarch;
        self.background_time_clauses = conventions != Conventions::Petrarch;
        self.years_relative_to_article = conventions != Conventions::Petrarch;
        self.pattern_owners = conventions != Conventions::Petrarch;
        self.context_partners = conventions == Conventions::Dyad;
        self.place_fills_roles = conventions == Conventions::Dyad;
        self.conditions_not_events = plover;
        self.modifier_clauses_not_events = plover;
        self.relative_pronouns = conventions != Conventions::Petrarch;
        self.places_as_countries = conventions != Conventions::Petrarch;
        self.quotations_not_events = conventions != Conventions::Petrarch;
        self.own_side_not_accused = conventions != Conventions::Petrarch;
        self.pattern_nouns_not_parties = conventions != Conventions::Petrarch;
        self
    }
}

/// An article to code.
#[derive(Debug, Clone, Copy)]
pub struct Article<'a> {
    pub id: &'a str,
    pub date: Option<NaiveDate>,
    pub text: &'a str,
}

/// The result of coding one article.
#[derive(Debug, Clone)]
pub struct CodedDocument {
    pub sentences: usize,
    pub events: Vec<Event>,
    /// The article date used.
    pub date: NaiveDate,
}

/// The event coder: immutable, `Send + Sync`, built once.
#[derive(Debug)]
pub struct Coder {
    lex: Lexicon,
    transforms: Vec<transform::Transform>,
    pico: Pico,
    config: CoderConfig,
    ontology: &'static Ontology,
    gazetteer: &'static Gazetteer,
    time: dyad_time::TimeResolver,
}

/// Per-thread reusable buffers.
#[derive(Debug, Default)]
pub struct CoderScratch {
    sent: Sent,
    mentions: Vec<Mention>,
    memory: Memory,
    frames: Vec<Frame>,
    triples: Vec<Triple>,
    pre: Vec<u32>,
    post: Vec<u32>,
    np_memo: std::cell::RefCell<Vec<Option<Vec<Ent>>>>,
    times: Vec<dyad_time::TimeExpr>,
}

impl Coder {
    /// Builds a coder from dictionaries (copied into the coder's own indexes).
    pub fn new(dicts: &Dictionaries, config: CoderConfig) -> Coder {
        let lex = Lexicon::build(Sources {
            actors: &dicts.actors.actors,
            agents: &dicts.agents.agents,
            verbs: &dicts.verbs.verbs,
            blocks: &dicts.verbs.blocks,
            synsets: &dicts.verbs.synsets,
            discards: &dicts.discards.discards,
            issues: &dicts.issues.issues,
        });
        let transforms = transform::compile(&lex, &dicts.verbs.transformations);
        Coder {
            lex,
            transforms,
            pico: Pico::embedded(),
            config,
            ontology: Ontology::embedded(),
            gazetteer: Gazetteer::embedded(),
            time: dyad_time::TimeResolver::new(),
        }
    }

    pub fn config(&self) -> &CoderConfig {
        &self.config
    }

    /// Whether a discard phrase occurs in the loaded sentence: `Some(true)` for a story-level
    /// discard, `Some(false)` for a sentence-level one.
    fn discard(&self, sent: &Sent, article_year: i32) -> Option<bool> {
        let n = sent.parts.len();
        let mut hit: Option<bool> = None;
        // Whether discard `d`, found at part `p`, takes the sentence: a year counts only as a date
        // of the sentence's own events, and a past time only when it dates the main clause.
        let applies = |d: &lexicon::DiscardEntry, p: usize| {
            (!self.config.years_relative_to_article
                || (before_year(&d.words, article_year) && !names_a_thing(sent, p, &d.words)))
                && !(self.config.background_time_clauses
                    && !d.story
                    && dates_a_subordinate_clause(sent, p, &d.words))
        };
        for p in 0..n {
            let t = sent.part_text(p);
            if let Some(ids) = self.lex.discard_first.get(t) {
                for &id in ids {
                    let d = &self.lex.discards[id as usize];
                    if discard_matches(sent, p, &d.words, d.whole_word) && applies(d, p) {
                        hit = Some(hit.unwrap_or(false) || d.story);
                    }
                }
            }
            // A one-word stem discard ("BASEBALL") also matches longer words ("BASEBALLS", and
            // a year's decade, "1970S").
            let (lo, hi) = self.lex.stem_len;
            for (cut, _) in t.char_indices().filter(|(c, _)| *c >= lo && *c <= hi && *c < t.len()) {
                if let Some(&id) = self.lex.discard_stems.get(&t[..cut]) {
                    let d = &self.lex.discards[id as usize];
                    if applies(d, p) {
                        hit = Some(hit.unwrap_or(false) || d.story);
                    }
                }
            }
        }
        hit
    }

    /// Codes a pre-analysed document; `date` is the article date.
    pub fn code_document(&self, doc: &Document, date: NaiveDate, scratch: &mut CoderScratch) -> Vec<Event> {
        let mut events = Vec::new();
        self.code_into(doc, date, scratch, &mut events, None);
        events
    }

    /// Like [`Coder::code_document`], and also describes every dictionary verb found (its
    /// pattern, source, target and whether it was emitted): a debugging aid.
    pub fn trace_document(
        &self,
        doc: &Document,
        date: NaiveDate,
        scratch: &mut CoderScratch,
    ) -> (Vec<Event>, String) {
        let mut events = Vec::new();
        let mut trace = String::new();
        self.code_into(doc, date, scratch, &mut events, Some(&mut trace));
        (events, trace)
    }

    fn code_into(
        &self,
        doc: &Document,
        date: NaiveDate,
        scratch: &mut CoderScratch,
        events: &mut Vec<Event>,
        mut trace: Option<&mut String>,
    ) {
        scratch.memory.clear();
        for s in 0..doc.sentences.len() {
            scratch.sent.load(doc, s);
            match self.discard(&scratch.sent, date.year()) {
                // A story-level discard anywhere cancels the whole story.
                Some(true) => {
                    events.clear();
                    return;
                }
                Some(false) => continue,
                None => {}
            }
            self.code_sentence(doc, date, scratch, events, trace.as_deref_mut());
        }
    }

    fn code_sentence(
        &self,
        doc: &Document,
        date: NaiveDate,
        scratch: &mut CoderScratch,
        events: &mut Vec<Event>,
        trace: Option<&mut String>,
    ) {
        let CoderScratch { sent, mentions, memory, frames, triples, pre, post, np_memo, times } = scratch;
        find_mentions(&self.lex, sent, mentions);
        {
            let mut m = np_memo.borrow_mut();
            m.clear();
            m.resize(sent.len(), None);
        }
        let np = NpCoder {
            lex: &self.lex,
            sent,
            date,
            mentions,
            memory,
            doc_text: &doc.text,
            memo: np_memo,
            places_as_countries: self.config.places_as_countries,
            relative_pronouns: self.config.relative_pronouns,
        };
        let cc =
            ClauseCoder { np: &np, transforms: &self.transforms, pico: &self.pico, config: &self.config };
        frames.clear();
        triples.clear();
        for v in 0..sent.len() as u32 {
            if let Some(f) = cc.frame(v, pre, post) {
                frames.push(f);
            }
        }
        cc.link(frames);
        if self.config.clause_demands {
            plover_rules::demands(&np, &self.pico, frames);
            plover_rules::conditional_threats(&np, frames);
        }
        if let Some(out) = trace {
            use std::fmt::Write;
            for f in frames.iter() {
                let _ = writeln!(
                    out,
                    "s{} verb {} {:?} [{}] {} src {:?} tgt {:?} emit {} lower {:?} negated {} passive {} {:?}",
                    sent.index,
                    f.verb + 1,
                    sent.form(f.verb),
                    f.m.code.raw,
                    clauses::describe(&self.lex, &self.transforms, f).1,
                    f.sources.iter().map(|e| e.code.as_str()).collect::<Vec<_>>(),
                    f.targets.iter().map(|e| e.code.as_str()).collect::<Vec<_>>(),
                    f.emit,
                    f.lower.map(|j| frames[j].verb + 1),
                    f.negated,
                    f.passive,
                    f.modality,
                );
            }
        }
        cc.triples(frames, triples);
        triples.truncate(self.config.max_events_per_sentence);
        let issues = if triples.is_empty() { Vec::new() } else { self.issues(sent) };
        let sentence_text = doc.sentence_text(sent.index).to_string();
        let dateline = if self.config.dateline_location {
            doc.dateline.as_ref().and_then(|d| d.place.as_deref())
        } else {
            None
        };
        for t in triples.iter() {
            let f = &frames[t.frame];
            let (rule, pattern) = clauses::describe(&self.lex, &self.transforms, f);
            let tense = dates::tense(sent, f.verb, f.modality);
            let s_start = doc.sentences[sent.index].span.start;
            let ev_date = dates::event_date(
                &self.time,
                sent,
                (&sentence_text, s_start),
                f.verb,
                date,
                tense,
                times,
                events,
            );
            let loc = location::event_location(self.gazetteer, sent, f.verb, &doc.text, dateline);
            let stance = plover_rules::stance(sent, frames, t.frame);
            let code = if self.config.intent_codes { plover_rules::recode(t.code, &stance) } else { t.code };
            let info = self.ontology.get(code);
            let plover = self.plover(code, stance.modality, sent.lemma(f.verb));
            events.push(Event {
                sentence: sent.index as u32,
                date: ev_date,
                // Where one-actor events exist, a resignation has no recipient: the official leaves
                // office (what it is meant to allow, "resigned to allow elections", is no party).
                target: if self.config.one_actor_events
                    && plover.as_ref().is_some_and(|p| p.mode.as_deref() == Some("resign"))
                {
                    None
                } else if t.target.is_void() {
                    plover_rules::implied_target(code, &event_actor(&np, &t.source), loc.as_ref())
                } else {
                    let mut target = event_actor(&np, &t.target);
                    if self.config.place_fills_roles {
                        place_role(&mut target, loc.as_ref());
                    }
                    Some(target)
                },
                source: Some(event_actor(&np, &t.source)),
                cameo: code,
                quad_class: self.ontology.quad_class(code).number(),
                goldstein: info
                    .and_then(|i| i.goldstein)
                    .or_else(|| self.ontology.goldstein(code))
                    .unwrap_or(0.0),
                plover,
                modality: f.modality,
                negated: t.negated,
                location: loc,
                evidence: Evidence {
                    sentence_text: sentence_text.clone(),
                    verb_span: sent.words[f.verb as usize].span,
                    rule,
                    pattern,
                },
                issues: issues.clone(),
            });
            if self.config.plover_actors {
                plover_rules::plover_actors(events);
                // A transformation reads a report of an attack as an accusation ("military
                // sources said soldiers arrested...", "officials said Iraqi warplanes attacked
                // Iran"); PLOVER codes the reported event itself, which stays, and not the
                // report as an accusation.
                let verb_span = sent.words[f.verb as usize].span;
                if f.transform.is_some()
                    && events.last().is_some_and(|e| {
                        e.sentence == sent.index as u32
                            && e.evidence.verb_span == verb_span
                            && e.plover.as_ref().is_some_and(|p| p.event == "ACCUSE")
                    })
                {
                    events.pop();
                }
            }
        }
        // Remember the sentence's subjects and objects for later pronouns and descriptions.
        let mut seen: Vec<(ActorCode, dyad_text::Span, bool, bool, Option<u32>)> = Vec::new();
        for w in 0..sent.len() as u32 {
            let r = sent.rel(w);
            let subject = is_subject(r);
            if subject || matches!(r, DepRel::OBJ | DepRel::OBL | DepRel::NMOD_POSS) {
                let plural = matches!(sent.words[w as usize].xpos.as_str(), "NNS" | "NNPS")
                    || (sent.upos(w) == dyad_nlp::Upos::PRON
                        && matches!(sent.form(w), "THEY" | "THEM" | "WE" | "US"));
                for e in np.np(w) {
                    if e.antecedent.is_none() && !e.is_null() {
                        let (_, span) = np.text_of(&e);
                        // The last proper noun of the phrase names the actor for later
                        // surname-only mentions ("Friday" in "Serbia Friday" names nobody).
                        let name = (e.start..e.end)
                            .rev()
                            .find(|&i| sent.upos(i) == dyad_nlp::Upos::PROPN && !sent.is_time_word(i));
                        seen.push((e.code, span, subject, plural, name));
                    }
                }
            }
        }
        // The parties of the sentence's meetings and cooperation, for a "they" in the next one.
        let mut parties: Vec<(ActorCode, dyad_text::Span)> = Vec::new();
        for t in triples.iter().filter(|t| (3..=6).contains(&t.code.root_number())) {
            for e in [&t.source, &t.target] {
                if e.is_null() || parties.iter().any(|p| p.0 == e.code) {
                    continue;
                }
                let span = e.antecedent.unwrap_or_else(|| np.text_of(e).1);
                parties.push((e.code.clone(), span));
            }
        }
        if parties.len() >= 2 {
            memory.set_parties(sent.index, parties);
        }
        for (c, s, subj, plural, name) in seen {
            let name = name.map(|i| {
                sent.part_text(sent.word_parts(i).end.saturating_sub(1).max(sent.word_parts(i).start))
            });
            memory.add(&c, s, subj, plural, name.filter(|n| !n.is_empty()));
        }
    }

    /// The PLOVER coding of an event: the crosswalk's, with PLOVER's rules for intentions
    /// applied (manual, AGREE and CONCEDE): future or intended CONSULT, SUPPORT, COOPERATE and
    /// AID are AGREE (as is any cooperation under "agree", "offer", "promise"), a future RETREAT
    /// is CONCEDE, and future, intended or hypothetical material
    /// conflict is THREATEN; a resignation is RETREAT. A changed event drops the crosswalk's mode,
    /// which belonged to the original event type.
    fn plover(&self, code: dyad_ontology::CameoCode, modality: Modality, verb: &str) -> Option<PloverCoding> {
        let p = self.ontology.plover(code)?;
        let event = p.event.to_string().to_uppercase();
        // A resignation that has happened is RETREAT, mode "resign", in the PLOVER codebook,
        // while CAMEO files it under 0831 (acceding to demands for a change in leadership),
        // which the crosswalk makes CONCEDE. A promised one stays CONCEDE.
        let resigning = matches!(verb, "RESIGN" | "QUIT" | "ABDICATE") && code.as_str().starts_with("083");
        if resigning && matches!(modality, Modality::Asserted) {
            return Some(PloverCoding {
                event: "RETREAT".to_string(),
                mode: Some("resign".to_string()),
                context: p.context.map(str::to_string),
            });
        }
        // Verbs of commitment ("agreed to", "offered", "pledged") state an intention even in
        // the past tense; PLOVER codes their cooperative events as AGREE.
        let committing =
            matches!(verb, "AGREE" | "OFFER" | "PROMISE" | "PLEDGE" | "VOW" | "COMMIT" | "CONSENT");
        let intended = committing || matches!(modality, Modality::Future | Modality::Intent);
        let mapped = match event.as_str() {
            "CONSULT" | "SUPPORT" | "COOPERATE" | "AID" if intended => Some("AGREE"),
            "CONCEDE" | "RETREAT" if committing => Some("AGREE"),
            "RETREAT" if intended => Some("CONCEDE"),
            "ASSAULT" | "COERCE" | "SANCTION" | "MOBILIZE"
                if intended || modality == Modality::Hypothetical =>
            {
                Some("THREATEN")
            }
            _ => None,
        };
        Some(match mapped {
            Some(e) => {
                PloverCoding { event: e.to_string(), mode: None, context: p.context.map(str::to_string) }
            }
            None => PloverCoding {
                event,
                mode: p.mode.map(str::to_string),
                context: p.context.map(str::to_string),
            },
        })
    }

    /// Issue codes found in the loaded sentence, each once.
    fn issues(&self, sent: &Sent) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        if self.lex.issue_index.is_empty() {
            return out;
        }
        let n = sent.parts.len();
        let mut p = 0;
        while p < n {
            if let Some((len, id)) = self.lex.issue_index.longest_at(n, |i| sent.part_text(i), p, |_| true) {
                if let Some(issue) = self.lex.issues.get(id as usize) {
                    if !out.iter().any(|c| *c == *issue.code) {
                        out.push(issue.code.to_string());
                    }
                }
                p += len;
            } else {
                p += 1;
            }
        }
        out
    }
}

/// Whether the discard phrase at part `p` is a past time ("... AGO", "... LATER") or a year
/// ("in the 1970s") inside a relative, participial or adverbial clause, so that it dates
/// background ("property seized in the 1970s") rather than the sentence's event.
fn dates_a_subordinate_clause(sent: &Sent, p: usize, words: &[Box<str>]) -> bool {
    // "ago", "later", and the world wars: times that date a past event, not the sentence's
    // news when they stand in a subordinate clause ("demanded an admission that Soviet forces
    // murdered Polish officers during World War Two").
    let past_time = matches!(words.last().map(|w| &**w), Some("AGO" | "LATER"))
        || words.windows(2).any(|w| w[0].as_ref() == "WORLD" && w[1].as_ref() == "WAR");
    let year = matches!(words, [w] if is_bare_year(w));
    if !past_time && !year {
        return false;
    }
    let Some(part) = sent.parts.get(p + words.len() - 1) else {
        return false;
    };
    let mut w = part.word;
    for _ in 0..sent.len() {
        if w == sentence::NONE || w as usize >= sent.len() {
            return false;
        }
        if matches!(sent.rel(w), DepRel::ACL_RELCL | DepRel::ACL | DepRel::ADVCL) {
            return true;
        }
        // A "that" clause of a noun ("an admission that ..."), however the parser labelled it.
        if sent.kids(w).iter().any(|&k| sent.rel(k) == DepRel::MARK && sent.form(k) == "THAT")
            && sent.head_of(w) != sentence::NONE
            && sent.is_nominal(sent.head_of(w))
        {
            return true;
        }
        w = sent.head_of(w);
    }
    false
}

/// Whether a discard phrase word is a bare year ("2003").
fn is_bare_year(w: &str) -> bool {
    w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit())
}

/// Whether a discard phrase is anything but a bare year not before `article_year` (a bare year
/// from the article's own year on is current news, not history).
fn before_year(words: &[Box<str>], article_year: i32) -> bool {
    match words {
        [w] if is_bare_year(w) => w.parse::<i32>().map_or(true, |y| y < article_year),
        _ => true,
    }
}

/// Whether a bare-year discard at part `p` is part of a name for a thing ("the 2003 invasion",
/// "Iran's 1979 revolution", "the 1980-88 war"): background to current news, not a date of the
/// sentence's events as "in 1990" is. A year-named phrase that itself dates the clause ("in the
/// 1990 war", "during the 1991 uprising") still discards.
fn names_a_thing(sent: &Sent, p: usize, words: &[Box<str>]) -> bool {
    let [w] = words else { return false };
    if !is_bare_year(w) {
        return false;
    }
    let Some(part) = sent.parts.get(p) else { return false };
    let y = part.word;
    if y == sentence::NONE || y as usize >= sent.len() {
        return false;
    }
    let h = sent.head_of(y);
    let modifies = matches!(sent.rel(y).as_str(), "nummod" | "compound" | "amod" | "nmod" | "nmod:poss")
        && h != sentence::NONE
        && matches!(sent.upos(h), dyad_nlp::Upos::NOUN | dyad_nlp::Upos::PROPN);
    let dates_clause =
        h != sentence::NONE && sent.case_of(h).is_some_and(|c| matches!(sent.form(c), "IN" | "DURING"));
    modifies && !dates_clause
}

fn discard_matches(sent: &Sent, p: usize, words: &[Box<str>], whole_word: bool) -> bool {
    let n = sent.parts.len();
    if p + words.len() > n {
        return false;
    }
    words.iter().enumerate().all(|(k, w)| {
        let t = sent.part_text(p + k);
        if k + 1 == words.len() && !whole_word {
            t.starts_with(&**w)
        } else {
            t == &**w
        }
    })
}

/// Gives a target known only by its role ("---REB") the country of the place the clause names
/// ("bombed rebel positions in northern Iraq": IRQREB).
fn place_role(actor: &mut EventActor, loc: Option<&event::Location>) {
    if actor.country.is_some() || actor.sector.is_none() {
        return;
    }
    if let Some(country) = loc.filter(|l| l.from == "clause").and_then(|l| l.country.as_deref()) {
        actor.place_in(country);
    }
}

fn event_actor(np: &NpCoder<'_>, e: &Ent) -> EventActor {
    let (text, span) = np.text_of(e);
    let code = e.code.as_str();
    let root = code.get(..3).unwrap_or("");
    let sectors = code.get(3..).unwrap_or("");
    EventActor {
        code: e.code.clone(),
        country: (root != "---" && !root.is_empty()).then(|| root.to_string()),
        sector: (!sectors.is_empty()).then(|| sectors.to_string()),
        text,
        span,
        antecedent: e.antecedent,
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod year_tests {
    use super::before_year;

    #[test]
    fn bare_years_count_as_history_only_before_the_article_year() {
        let w = |s: &str| -> Vec<Box<str>> { s.split(' ').map(Box::from).collect() };
        assert!(before_year(&w("2006"), 2008));
        assert!(!before_year(&w("2008"), 2008));
        assert!(!before_year(&w("2010"), 2008));
        assert!(before_year(&w("YEARS AGO"), 2008), "other discards always apply");
    }
}
