//! The public data model of the PETRARCH2 dictionaries: actors with dated codes, agents, verb
//! blocks with structured patterns, synsets, transformations, discards and issues, plus the
//! source location every entry keeps and the diagnostics the readers and the linter produce.
//!
//! The types here are the contract with the event coder: they only grow (additive changes).
//! Words are stored normalized (see [`normalize_word`](crate::normalize_word)): upper case,
//! hyphen-separated parts as separate words, a trailing possessive `'s` removed.

use std::fmt;
use std::sync::Arc;

use chrono::NaiveDate;
use dyad_ontology::CameoCode;

use crate::ActorCode;

// ---------------------------------------------------------------------------------------------
// Locations and diagnostics
// ---------------------------------------------------------------------------------------------

/// Where an entry was read: the file name (not the full path) and the 1-based line number.
///
/// Displays as `CAMEO.2.0.txt:1234`, the form the coder prints as evidence.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Loc {
    pub file: Arc<str>,
    pub line: u32,
}

impl fmt::Display for Loc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// How bad a [`Diagnostic`] is: errors mean a line (or part of it) was not loaded or is wrong;
/// warnings mean it loaded but is suspicious.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// A problem found while reading or checking a dictionary, naming the file and line.
///
/// Displays as `Phoenix.agents.txt:12: error: agent line has no [CODE]`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{loc}: {severity}: {message}")]
pub struct Diagnostic {
    pub loc: Loc,
    pub severity: Severity,
    pub message: String,
}

// ---------------------------------------------------------------------------------------------
// Dictionary roles
// ---------------------------------------------------------------------------------------------

/// What a dictionary file holds; recognized from its name by [`Role::from_file_name`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Verbs,
    Actors,
    Agents,
    Discards,
    Issues,
}

impl Role {
    /// The role of a file from its name, case-insensitively: `*verb*`, `*actor*`, `*agent*`,
    /// `*discard*`, `*issue*`; `None` for anything else (for example `Phoenix.prepositions.txt`).
    pub fn from_file_name(name: &str) -> Option<Role> {
        let n = name.to_ascii_lowercase();
        if n.contains("verb") || n.starts_with("cameo.2") {
            Some(Role::Verbs)
        } else if n.contains("actor") {
            Some(Role::Actors)
        } else if n.contains("agent") {
            Some(Role::Agents)
        } else if n.contains("discard") {
            Some(Role::Discards)
        } else if n.contains("issue") {
            Some(Role::Issues)
        } else {
            None
        }
    }
}

/// One loaded file: its name, role and how many entries it gave.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FileInfo {
    pub name: String,
    pub role: Role,
    /// Actors, agents, verb patterns, discards or issue phrases read from the file.
    pub entries: usize,
}

// ---------------------------------------------------------------------------------------------
// Phrases
// ---------------------------------------------------------------------------------------------

/// A phrase of an actor, agent, discard or issue entry: normalized words that must occur
/// consecutively.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phrase {
    /// Normalized words ("NURI_AL-MALIKI" gives `["NURI", "AL", "MALIKI"]`).
    pub words: Vec<Box<str>>,
    /// The phrase as written in the file (after comment removal).
    pub text: Box<str>,
    pub loc: Loc,
}

// ---------------------------------------------------------------------------------------------
// Actors
// ---------------------------------------------------------------------------------------------

/// Index of an actor in [`ActorDictionary::actors`](crate::ActorDictionary).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ActorId(pub u32);

/// The dates a code applies to; the limits are inclusive, as in PETRARCH.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateRange {
    /// `[CODE]`: no restriction (the default code).
    Always,
    /// `[CODE <YYMMDD]`: on or before the date.
    Before(NaiveDate),
    /// `[CODE >YYMMDD]`: on or after the date.
    After(NaiveDate),
    /// `[CODE YYMMDD-YYMMDD]`: between the dates, both included.
    Between(NaiveDate, NaiveDate),
}

impl DateRange {
    /// Whether `date` falls in the range (limits included).
    pub fn contains(&self, date: NaiveDate) -> bool {
        match *self {
            DateRange::Always => true,
            DateRange::Before(d) => date <= d,
            DateRange::After(d) => date >= d,
            DateRange::Between(a, b) => a <= date && date <= b,
        }
    }

    /// First and last day covered (`None` = unbounded).
    pub fn bounds(&self) -> (Option<NaiveDate>, Option<NaiveDate>) {
        match *self {
            DateRange::Always => (None, None),
            DateRange::Before(d) => (None, Some(d)),
            DateRange::After(d) => (Some(d), None),
            DateRange::Between(a, b) => (Some(a), Some(b)),
        }
    }
}

/// A code with its date restriction (`\t[IRQGOV 20060520-20140908]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatedCode {
    pub code: ActorCode,
    pub range: DateRange,
    pub loc: Loc,
}

/// One actor record: a primary phrase, its `+` synonyms, and its codes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub id: ActorId,
    /// The primary phrase first, then the synonyms in file order.
    pub phrases: Vec<Phrase>,
    /// All codes: the `[CODE]` on the primary line and the tab-indented lines, in file order.
    /// Entries with [`DateRange::Always`] are default codes.
    pub codes: Vec<DatedCode>,
    /// The line of the primary phrase.
    pub loc: Loc,
}

impl Actor {
    /// The primary phrase as written ("NURI_AL_MALIKI_").
    pub fn name(&self) -> &str {
        self.phrases.first().map_or("", |p| &p.text)
    }

    /// The code valid on `date`: the first dated code whose range contains the date, else the
    /// first undated (default) code, else `None` (the actor has no code on that date).
    pub fn code_on(&self, date: NaiveDate) -> Option<&ActorCode> {
        self.codes
            .iter()
            .find(|c| c.range != DateRange::Always && c.range.contains(date))
            .or_else(|| self.codes.iter().find(|c| c.range == DateRange::Always))
            .map(|c| &c.code)
    }

    /// The [`DatedCode`] valid on `date` (same rule as [`Actor::code_on`]), with its line.
    pub fn dated_code_on(&self, date: NaiveDate) -> Option<&DatedCode> {
        self.codes
            .iter()
            .find(|c| c.range != DateRange::Always && c.range.contains(date))
            .or_else(|| self.codes.iter().find(|c| c.range == DateRange::Always))
    }

    /// All codes valid on `date`: the dated codes whose range contains it, or, when none does,
    /// the undated ones. More than one for TABARI multi-code entries (`[ELR/GAL]`) and for
    /// overlapping roles; [`Actor::code_on`] is the first of these.
    pub fn codes_on(&self, date: NaiveDate) -> impl Iterator<Item = &DatedCode> + '_ {
        let dated = self.codes.iter().any(|c| c.range != DateRange::Always && c.range.contains(date));
        self.codes.iter().filter(move |c| {
            if dated {
                c.range != DateRange::Always && c.range.contains(date)
            } else {
                c.range == DateRange::Always
            }
        })
    }

    /// The default (undated) code, if any.
    pub fn default_code(&self) -> Option<&ActorCode> {
        self.codes.iter().find(|c| c.range == DateRange::Always).map(|c| &c.code)
    }
}

// ---------------------------------------------------------------------------------------------
// Agents
// ---------------------------------------------------------------------------------------------

/// Index of an agent in [`AgentDictionary::agents`](crate::AgentDictionary).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AgentId(pub u32);

/// Where an agent's code goes relative to the actor's code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
pub enum AgentPosition {
    /// `[~GOV]`: appended (USA + ~GOV = USAGOV). The usual case.
    Suffix,
    /// `[NGO~]`: prepended (NGO~ + USA = NGOUSA).
    Prefix,
}

/// An agent's code fragment ("GOV", "GOVFRM", "NGO") and its position.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct AgentCode {
    /// The fragment without `~`: upper-case letters and digits.
    pub fragment: Box<str>,
    pub position: AgentPosition,
}

impl AgentCode {
    /// Combines the fragment with an actor code (`Suffix`: actor + fragment; `Prefix`:
    /// fragment + actor), or gives `---` + fragment (or fragment alone for a prefix) when
    /// there is no actor.
    pub fn apply(&self, actor: Option<&ActorCode>) -> Option<ActorCode> {
        let s = match (self.position, actor) {
            (AgentPosition::Suffix, Some(a)) => format!("{}{}", a.as_str(), self.fragment),
            (AgentPosition::Suffix, None) => format!("---{}", self.fragment),
            (AgentPosition::Prefix, Some(a)) => format!("{}{}", self.fragment, a.as_str()),
            (AgentPosition::Prefix, None) => self.fragment.to_string(),
        };
        ActorCode::new(&s).ok()
    }
}

impl fmt::Display for AgentCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.position {
            AgentPosition::Suffix => write!(f, "~{}", self.fragment),
            AgentPosition::Prefix => write!(f, "{}~", self.fragment),
        }
    }
}

/// One agent line: the singular phrase and its plurals (generated or from `{...}`), and a code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agent {
    pub id: AgentId,
    /// Singular phrase first, then plural forms (and `!MARKER!` expansions).
    pub phrases: Vec<Phrase>,
    pub code: AgentCode,
    pub loc: Loc,
}

// ---------------------------------------------------------------------------------------------
// Verbs
// ---------------------------------------------------------------------------------------------

/// Index of a verb (one line of a verb block) in [`VerbDictionary::verbs`](crate::VerbDictionary).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct VerbId(pub u32);

/// Index of a verb block (`--- NAME [CODE] ---`) in [`VerbDictionary::blocks`](crate::VerbDictionary).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BlockId(pub u32);

/// Index of a synset (`&NAME`) in [`VerbDictionary::synsets`](crate::VerbDictionary).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SynsetId(pub u32);

/// A verb or pattern code in brackets.
///
/// PETRARCH2 codes have an active and a passive part, `[ACT:PASS]` (`[042:043]`, `[:173]`,
/// `[050]`); `---` (or an empty part) means "no event". In PETRARCH2's words the first is the
/// code's "inherent active meaning", the second its "inherent passive meaning" (the event seen
/// from the target's side, e.g. `- * (BEFORE COURT) [:173]` under APPEAR: the court acts).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct VerbCode {
    pub active: Option<CameoCode>,
    pub passive: Option<CameoCode>,
    /// The code as written, without brackets ("042:043", "---", "080!").
    pub raw: Box<str>,
}

impl VerbCode {
    /// Whether neither part codes an event (`[---]`).
    pub fn is_null(&self) -> bool {
        self.active.is_none() && self.passive.is_none()
    }
}

impl fmt::Display for VerbCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.raw)
    }
}

/// One verb line of a block: the verb word, its inflected forms, the words of a multi-word
/// verb around it, and its code.
///
/// `+CRACK_DOWN {+CRACKED_DOWN ...}` gives head "CRACK", after `["DOWN"]`;
/// `WIRE_+TAP` gives head "TAP", before `["WIRE"]`. A plain `SAY {SAID SAYING}` has empty
/// `before`/`after`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerbEntry {
    pub id: VerbId,
    pub block: BlockId,
    /// The base form of the verb word proper (the word marked `+` in a multi-word verb).
    pub head: Box<str>,
    /// Inflected forms of the head, from `{...}` or generated (S/ES/IES, ED/D, ING); the base
    /// form is not repeated here.
    pub forms: Vec<Box<str>>,
    /// Words that come before the head in a multi-word verb ("WIRE" of WIRE_+TAP).
    pub before: Vec<Box<str>>,
    /// Words that come after the head in a multi-word verb ("DOWN" of +CRACK_DOWN): particles
    /// or prepositions, which a UD parse attaches as `compound:prt` or `obl`/`case`.
    pub after: Vec<Box<str>>,
    /// The verb's own `[CODE]`, or the block's code when the line has none.
    pub code: VerbCode,
    /// Whether `code` was written on this line (rather than inherited from the block).
    pub own_code: bool,
    /// The line as written (after comment removal).
    pub text: Box<str>,
    pub loc: Loc,
}

impl VerbEntry {
    /// Whether this is a multi-word verb.
    pub fn is_multiword(&self) -> bool {
        !self.before.is_empty() || !self.after.is_empty()
    }
}

/// A verb block: `--- NAME [CODE] ---`, its verbs and the patterns shared by all of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerbBlock {
    pub id: BlockId,
    /// The block name ("ACCELERATE", "COME_AFTER").
    pub name: Box<str>,
    /// The block's default code (`[---]` when absent).
    pub code: VerbCode,
    pub verbs: Vec<VerbId>,
    pub patterns: Vec<Pattern>,
    pub loc: Loc,
}

/// A role marker in a pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Marker {
    /// `$`: the source actor is here.
    Source,
    /// `+`: the target actor is here.
    Target,
    /// `^`: skip a noun phrase (TABARI legacy; PETRARCH2 ignores it).
    Skip,
    /// `%`: a compound actor: source and target are the conjuncts of one noun phrase
    /// ("A and B agreed").
    Compound,
}

/// A word or a synset reference in a pattern.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Term {
    /// An upper-case word ("AID"), hyphens kept ("SIT-IN"). Plural forms are not generated
    /// for pattern words. A few TABARI-era patterns give alternatives separated by `/`
    /// (`(TO/FOR PROTEST)`); [`VerbDictionary::term_matches`](crate::VerbDictionary::term_matches)
    /// handles both.
    Word(Box<str>),
    /// A synset reference (`&MILITARY`), resolved when the synset is defined anywhere in
    /// the file; undefined references drop the pattern with a diagnostic.
    Synset(SynsetId),
}

/// A noun phrase in a pattern: a head (the last word of `{...}`, or a bare word) and the
/// modifiers written before it. `{FINANCIAL AID}` = head AID, modifiers `[FINANCIAL]`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct NounPhrase {
    pub head: Term,
    pub modifiers: Vec<Term>,
}

/// A prepositional phrase in a pattern: `(FOR {FINANCIAL AID})`, `(TO +)`, `(TO)`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PrepPhrase {
    /// The preposition ("FOR"); a synset when written as `(&PREPOSIT1_ ...)`.
    pub prep: Term,
    /// Its objects (often zero or one).
    pub objects: Vec<NounPhrase>,
    /// Role markers inside the parentheses (`(TO +)` = the target is the object of TO).
    pub markers: Vec<Marker>,
}

/// One element of a pattern side, in written order.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Element {
    Noun(NounPhrase),
    Prep(PrepPhrase),
    Marker(Marker),
}

/// The elements on one side of the `*` (the verb).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct PatternSide {
    pub elements: Vec<Element>,
}

impl PatternSide {
    /// Whether the side has no elements.
    pub fn is_empty(&self) -> bool {
        self.elements.is_empty()
    }

    /// The noun phrases (outside parentheses).
    pub fn nouns(&self) -> impl Iterator<Item = &NounPhrase> + '_ {
        self.elements.iter().filter_map(|e| match e {
            Element::Noun(n) => Some(n),
            _ => None,
        })
    }

    /// The prepositional phrases.
    pub fn preps(&self) -> impl Iterator<Item = &PrepPhrase> + '_ {
        self.elements.iter().filter_map(|e| match e {
            Element::Prep(p) => Some(p),
            _ => None,
        })
    }

    /// Whether the marker occurs on this side, bare or inside a prepositional phrase.
    pub fn has_marker(&self, m: Marker) -> bool {
        self.elements.iter().any(|e| match e {
            Element::Marker(x) => *x == m,
            Element::Prep(p) => p.markers.contains(&m),
            Element::Noun(_) => false,
        })
    }
}

/// A verb pattern: `- [pre-verb nouns] [(pre-verb preps)] * [post-verb nouns] [(post-verb preps)] [CODE]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    pub block: BlockId,
    /// Elements before the `*` (the subject side).
    pub pre: PatternSide,
    /// Elements after the `*` (objects, particles, prepositional phrases).
    pub post: PatternSide,
    pub code: VerbCode,
    /// The pattern as written, without the leading `-`, the code and the comment
    /// ("* (FOR {FINANCIAL AID})").
    pub text: Box<str>,
    /// The comment after `#` (usually the verb the pattern came from, "ASK").
    pub comment: Box<str>,
    pub loc: Loc,
}

impl Pattern {
    /// Number of words the pattern requires: a specificity score (more = more specific).
    pub fn specificity(&self) -> usize {
        fn np(n: &NounPhrase) -> usize {
            1 + n.modifiers.len()
        }
        fn side(s: &PatternSide) -> usize {
            s.elements
                .iter()
                .map(|e| match e {
                    Element::Noun(n) => np(n),
                    Element::Prep(p) => 1 + p.objects.iter().map(np).sum::<usize>(),
                    Element::Marker(_) => 0,
                })
                .sum()
        }
        side(&self.pre) + side(&self.post)
    }
}

/// A member of a synset: a word or phrase (head = last word), or another synset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SynsetMember {
    /// Normalized words; the last is the head. Empty for a nested synset reference.
    pub words: Vec<Box<str>>,
    /// The regular plural of the last word, unless suppressed by a trailing `_`.
    pub plural: Option<Box<str>>,
    /// A nested synset (`+&TIETYPES`), resolved after reading.
    pub nested: Option<SynsetId>,
    /// A prepositional phrase member (`+(TO THE END)`), kept as written.
    pub prep: bool,
    pub loc: Loc,
}

impl SynsetMember {
    /// The head word (last word), if the member is a word or phrase.
    pub fn head(&self) -> Option<&str> {
        self.words.last().map(|w| &**w)
    }
}

/// A synonym set: `&NAME` followed by `+WORD` lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Synset {
    pub id: SynsetId,
    /// The label with `&` and without a trailing `_` ("&CURRENCY").
    pub name: Box<str>,
    /// False when the label ends with `_` (no plurals are generated).
    pub plurals: bool,
    pub members: Vec<SynsetMember>,
    pub loc: Loc,
}

/// An actor variable in a transformation.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum TransformActor {
    /// A letter variable (`a`, `b`): the same letter means the same actor.
    Var(char),
    /// `.`: an unspecified actor.
    Any,
    /// `_`: no actor present.
    Absent,
}

/// A verb in a transformation: verb words joined with `_` (`WILL_ATTACK` = the combined code
/// of WILL and ATTACK), or `Q` for any verb.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum TransformVerb {
    Verbs(Vec<Box<str>>),
    Any,
}

/// The target slot of a transformation event: an actor or a nested event.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum TransformTarget {
    Actor(TransformActor),
    Event(Box<TransformEvent>),
}

/// One event in postfix notation: `source target verb`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TransformEvent {
    pub source: TransformActor,
    pub target: TransformTarget,
    pub verb: TransformVerb,
}

/// What a transformation produces: `= a b 138` (or `= a b Q`: keep the inner code).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TransformResult {
    pub source: TransformActor,
    pub target: TransformActor,
    /// `None` for `Q`: keep the lower event's code.
    pub code: Option<CameoCode>,
}

/// A verb transformation line: `~ a (a b WILL_ATTACK) SAY = a b 138`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transformation {
    pub pattern: TransformEvent,
    pub result: TransformResult,
    pub text: Box<str>,
    pub loc: Loc,
}

// ---------------------------------------------------------------------------------------------
// Discards and issues
// ---------------------------------------------------------------------------------------------

/// Whether a discard phrase cancels the sentence or the whole story.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DiscardScope {
    /// No prefix (PETRARCH stores it with `$`): do not code the sentence.
    Sentence,
    /// `+` prefix: do not code the story.
    Story,
}

/// A discard phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Discard {
    pub phrase: Phrase,
    pub scope: DiscardScope,
    /// True when written with a trailing `_`: the last word must match whole; otherwise it is a
    /// stem ("BASEBALL" also matches "BASEBALLS").
    pub whole_word: bool,
}

/// An issue phrase (`n:atrocity [ID_ATROCITY]`) expanded into its forms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    /// The forms generated from `n:`/`v:`/`+` expansions, each a phrase.
    pub phrases: Vec<Phrase>,
    /// The issue code ("ID_ATROCITY").
    pub code: Box<str>,
    /// The enclosing `<ISSUE CATEGORY="...">`, if any.
    pub category: Option<Box<str>>,
    pub loc: Loc,
}

/// An issue exclusion: `~phrase` cancels issue coding for the sentence, `~~phrase` for the story.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssueExclusion {
    pub phrase: Phrase,
    pub scope: DiscardScope,
    pub category: Option<Box<str>>,
}

// ---------------------------------------------------------------------------------------------
// Matches
// ---------------------------------------------------------------------------------------------

/// A phrase found in a sentence: words `start_word..end_word` (end exclusive, indices into the
/// words given to the matcher) and the entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PhraseMatch<Id> {
    pub start_word: u32,
    pub end_word: u32,
    pub entry: Id,
}

/// Index of a discard in [`DiscardDictionary::discards`](crate::DiscardDictionary).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DiscardId(pub u32);

/// Index of an issue in [`IssueDictionary::issues`](crate::IssueDictionary).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct IssueId(pub u32);
