//! `plover-jsonl`: one PLOVER JSON record per line, with the field names of the PLOVER manual's
//! data-field tables ("PLOVER JSON", "Information object for entities", "Location object").
//!
//! Fields: `id` (`{doc_id}-{n}`, n counting the document's written events from 1), `date`,
//! `actor` and `recipient` (lists of entity objects `{"code","sector","entity_text"}` plus the
//! full Phoenix code as `actor_code`; `recipient` is left out when there is no target), `event`,
//! `mode`, `context` (lists; `mode`/`context` left out when empty), `event_text` (the verb as
//! written), `event_loc` (`{"extracted_place","country_code"}`), `quad_code`, `text` (the sentence),
//! `text_info` (`{"sequence"}`: the 0-based sentence number), `cite_info`
//! (`{"citation","title","url","publication"}`: the document id, title, URL and news source) and
//! `coder`. The manual allows further named fields; dyad adds `cameo`, `goldstein`, `modality`
//! and `negated`. Events without a PLOVER type (CAMEO 01 and 02, which PLOVER dropped) are not
//! written.

use std::io::{self, Write};

use dyad_coder::{Event, EventActor};
use serde::Serialize;

use super::{span_text, EventSink};
use crate::record::Record;

/// Writes PLOVER JSON records; see the module documentation for the fields.
pub struct PloverJsonlSink {
    out: Box<dyn Write>,
}

impl std::fmt::Debug for PloverJsonlSink {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PloverJsonlSink").finish_non_exhaustive()
    }
}

impl PloverJsonlSink {
    pub fn new(out: Box<dyn Write>) -> Self {
        PloverJsonlSink { out }
    }
}

#[derive(Serialize)]
struct PloverRecord<'a> {
    id: String,
    date: String,
    actor: Vec<Entity<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    recipient: Vec<Entity<'a>>,
    event: [&'a str; 1],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    mode: Vec<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    context: Vec<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    event_text: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    event_loc: Option<EventLoc<'a>>,
    quad_code: u8,
    text: &'a str,
    text_info: TextInfo,
    cite_info: CiteInfo<'a>,
    coder: &'static str,
    cameo: &'a str,
    goldstein: f32,
    modality: dyad_coder::Modality,
    negated: bool,
}

#[derive(Serialize)]
struct Entity<'a> {
    code: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    sector: Option<&'a str>,
    entity_text: &'a str,
    actor_code: &'a str,
}

impl<'a> Entity<'a> {
    fn new(a: &'a EventActor) -> Self {
        let sector = Some(a.code.sectors()).filter(|s| !s.is_empty());
        Entity { code: a.code.root(), sector, entity_text: &a.text, actor_code: a.code.as_str() }
    }
}

#[derive(Serialize)]
struct EventLoc<'a> {
    extracted_place: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    country_code: Option<&'a str>,
}

#[derive(Serialize)]
struct TextInfo {
    sequence: u32,
}

#[derive(Serialize)]
struct CiteInfo<'a> {
    citation: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    publication: Option<&'a str>,
}

impl EventSink for PloverJsonlSink {
    fn write_document(&mut self, record: &Record, events: &[Event]) -> io::Result<()> {
        let mut n = 0;
        for e in events {
            let Some(plover) = &e.plover else { continue };
            n += 1;
            let rec = PloverRecord {
                id: format!("{}-{n}", record.id),
                date: e.date.format("%Y-%m-%d").to_string(),
                actor: e.source.iter().map(Entity::new).collect(),
                recipient: e.target.iter().map(Entity::new).collect(),
                event: [&plover.event],
                mode: plover.mode.iter().map(String::as_str).collect(),
                context: plover.context.iter().map(String::as_str).collect(),
                event_text: span_text(record, e.evidence.verb_span).into_iter().collect(),
                event_loc: e
                    .location
                    .as_ref()
                    .map(|l| EventLoc { extracted_place: &l.text, country_code: l.country.as_deref() }),
                quad_code: e.quad_class,
                text: &e.evidence.sentence_text,
                text_info: TextInfo { sequence: e.sentence },
                cite_info: CiteInfo {
                    citation: &record.id,
                    title: record.title.as_deref(),
                    url: record.url.as_deref(),
                    publication: record.source.as_deref(),
                },
                coder: "dyad",
                cameo: e.cameo.as_str(),
                goldstein: e.goldstein,
                modality: e.modality,
                negated: e.negated,
            };
            serde_json::to_writer(&mut self.out, &rec)?;
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

    #[test]
    fn snapshot() {
        let out = render(|w| Box::new(PloverJsonlSink::new(w)));
        // The CAMEO 010 event has no PLOVER type and is left out.
        assert_eq!(out.lines().count(), 2);
        insta::assert_snapshot!(out);
    }
}
