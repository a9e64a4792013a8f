//! The default output: one JSON object per event, with both actors, every code, the place and
//! the evidence (sentence, verb span, dictionary rule) that explains it.
//!
//! Fields, in order: `doc_id`, `sentence` (0-based), `date` (YYYY-MM-DD), `source`, `target`
//! (each `{"code","country","sector","text","span":[start,end]}` plus `"antecedent"` when the
//! mention was resolved to an earlier one, or null), `cameo` (string, leading zeros kept),
//! `cameo_name` (when a name lookup was given), `quad_class`, `goldstein`, `plover`
//! (`{"event","mode","context"}` or null), `modality`, `negated`, `location`
//! (`{"text","country","span","from"}` or null), `issues`, `evidence`
//! (`{"sentence_text","verb_span","rule","pattern"}`). Spans are byte offsets into the input text.

use std::io::{self, Write};

use dyad_coder::{Event, EventActor, Evidence, Location, Modality, PloverCoding};
use dyad_text::Span;
use serde::Serialize;

use super::{CameoNames, EventSink};
use crate::record::Record;

/// Writes one JSON object per event; see the module documentation for the fields.
pub struct JsonlSink {
    out: Box<dyn Write>,
    cameo_names: Option<CameoNames>,
}

impl std::fmt::Debug for JsonlSink {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("JsonlSink").field("cameo_names", &self.cameo_names.is_some()).finish_non_exhaustive()
    }
}

impl JsonlSink {
    pub fn new(out: Box<dyn Write>) -> Self {
        JsonlSink { out, cameo_names: None }
    }

    /// Adds a `cameo_name` field looked up with `names`.
    pub fn with_cameo_names(mut self, names: CameoNames) -> Self {
        self.cameo_names = Some(names);
        self
    }
}

#[derive(Serialize)]
struct Line<'a> {
    doc_id: &'a str,
    sentence: u32,
    date: String,
    source: Option<Actor<'a>>,
    target: Option<Actor<'a>>,
    cameo: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    cameo_name: Option<&'static str>,
    quad_class: u8,
    goldstein: f32,
    plover: Option<&'a PloverCoding>,
    modality: Modality,
    negated: bool,
    location: Option<&'a Location>,
    issues: &'a [String],
    evidence: &'a Evidence,
}

#[derive(Serialize)]
struct Actor<'a> {
    code: &'a str,
    country: Option<&'a str>,
    sector: Option<&'a str>,
    text: &'a str,
    span: Span,
    #[serde(skip_serializing_if = "Option::is_none")]
    antecedent: Option<Span>,
}

impl<'a> Actor<'a> {
    fn new(a: &'a EventActor) -> Self {
        Actor {
            code: a.code.as_str(),
            country: a.country.as_deref(),
            sector: a.sector.as_deref(),
            text: &a.text,
            span: a.span,
            antecedent: a.antecedent,
        }
    }
}

impl EventSink for JsonlSink {
    fn write_document(&mut self, record: &Record, events: &[Event]) -> io::Result<()> {
        for e in events {
            let line = Line {
                doc_id: &record.id,
                sentence: e.sentence,
                date: e.date.format("%Y-%m-%d").to_string(),
                source: e.source.as_ref().map(Actor::new),
                target: e.target.as_ref().map(Actor::new),
                cameo: e.cameo.as_str(),
                cameo_name: self.cameo_names.and_then(|f| f(e.cameo)),
                quad_class: e.quad_class,
                goldstein: e.goldstein,
                plover: e.plover.as_ref(),
                modality: e.modality,
                negated: e.negated,
                location: e.location.as_ref(),
                issues: &e.issues,
                evidence: &e.evidence,
            };
            serde_json::to_writer(&mut self.out, &line)?;
            self.out.write_all(b"\n")?;
        }
        Ok(())
    }

    fn finish(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::render;
    use super::*;
    use dyad_ontology::CameoCode;

    fn names(c: CameoCode) -> Option<&'static str> {
        match c.as_str() {
            "043" => Some("Host a visit"),
            "190" => Some("Use conventional military force, not specified below"),
            _ => None,
        }
    }

    #[test]
    fn snapshot() {
        let out = render(|w| Box::new(JsonlSink::new(w).with_cameo_names(names)));
        // Every line is one valid JSON object.
        for line in out.lines() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            assert!(v.is_object());
        }
        insta::assert_snapshot!(out);
    }

    #[test]
    fn without_names_has_no_cameo_name_field() {
        let out = render(|w| Box::new(JsonlSink::new(w)));
        assert_eq!(out.lines().count(), 3);
        assert!(!out.contains("cameo_name"));
    }
}
