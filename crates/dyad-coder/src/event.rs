//! The coder's output: one [`Event`] with its actors, codes, date, place and evidence.

use chrono::NaiveDate;
use dyad_dict::ActorCode;
use dyad_ontology::CameoCode;
use dyad_text::Span;
use serde::Serialize;

/// One coded event.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    /// Index of the sentence in the document (0-based).
    pub sentence: u32,
    /// The resolved date the event took place (or is expected to).
    pub date: NaiveDate,
    pub source: Option<EventActor>,
    pub target: Option<EventActor>,
    pub cameo: CameoCode,
    /// 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    pub quad_class: u8,
    pub goldstein: f32,
    pub plover: Option<PloverCoding>,
    pub modality: Modality,
    pub negated: bool,
    pub location: Option<Location>,
    pub evidence: Evidence,
    /// Issue codes (from the issues dictionary) found in the sentence.
    pub issues: Vec<String>,
}

/// A resolved actor of an event.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventActor {
    pub code: ActorCode,
    /// The three-letter country or group code ("IRQ"), when the code has one.
    pub country: Option<String>,
    /// The sector codes after the country ("GOV"), when any.
    pub sector: Option<String>,
    /// The text the actor was found in (for a pronoun: the pronoun).
    pub text: String,
    pub span: Span,
    /// For pronouns and descriptions: the earlier mention this one was resolved to.
    pub antecedent: Option<Span>,
}

impl EventActor {
    /// Places an actor known only by its role ("---REB") in `country` ("IRQREB"); does nothing
    /// when the result is no valid code.
    pub(crate) fn place_in(&mut self, country: &str) {
        let sectors = self.code.as_str().trim_start_matches('-');
        if let Ok(code) = ActorCode::new(&format!("{country}{sectors}")) {
            self.code = code;
            self.country = Some(country.to_string());
        }
    }
}

/// Whether the event is reported as happening, or as future, intended or hypothetical.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    #[default]
    Asserted,
    Future,
    Intent,
    Hypothetical,
}

/// The PLOVER event type, mode and context for an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PloverCoding {
    pub event: String,
    pub mode: Option<String>,
    pub context: Option<String>,
}

/// Where the event took place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Location {
    pub text: String,
    /// ISO 3166-1 alpha-3 country code.
    pub country: Option<String>,
    pub span: Option<Span>,
    /// "clause" when the sentence names the place, "dateline" when taken from the dateline.
    pub from: &'static str,
}

/// Why the coder produced the event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Evidence {
    pub sentence_text: String,
    pub verb_span: Span,
    /// The dictionary file and line of the pattern that fired ("CAMEO.2.0.txt:1234").
    pub rule: String,
    /// The pattern as written in the dictionary.
    pub pattern: String,
}
