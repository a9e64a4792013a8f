//! `cameo-tsv`: PETRARCH/Phoenix-compatible tab-separated output, one event per line after one
//! header line, in the 26 columns of the Phoenix data set (`events.full.YYYYMMDD.txt`):
//!
//! | # | column | dyad value |
//! | --- | --- | --- |
//! | 1 | EventID | `{doc_id}_{n}`, n counting the document's events from 1 |
//! | 2 | Date | event date, YYYYMMDD |
//! | 3-5 | Year, Month, Day | of the event date |
//! | 6 | SourceActorFull | the full actor code ("IRQGOVMIL") |
//! | 7 | SourceActorEntity | its first three characters ("IRQ") |
//! | 8 | SourceActorRole | the next unit when it is a role code ("GOV"), else empty |
//! | 9 | SourceActorAttribute | the remaining three-letter units joined by `;` ("MIL") |
//! | 10-13 | TargetActor... | the same for the target (all empty when there is none) |
//! | 14 | EventCode | CAMEO code, leading zeros kept ("043") |
//! | 15 | EventRootCode | its two-digit root ("04") |
//! | 16 | QuadClass | 1 to 4 |
//! | 17 | GoldsteinScore | one decimal, e.g. `2.8`, `-10.0` |
//! | 18 | Issues | `ISSUE,count` pairs joined by `;` |
//! | 19, 20 | Lat, Lon | empty: dyad resolves places to names and countries, not coordinates |
//! | 21 | LocationName | the place text |
//! | 22 | StateName | empty |
//! | 23 | CountryCode | ISO 3166-1 alpha-3 of the place |
//! | 24 | SentenceID | `{doc_id}_{sentence}` (sentence counted from 0) |
//! | 25 | URLs | the record's URL |
//! | 26 | NewsSources | the record's source |
//!
//! Tabs and line breaks inside values are written as spaces so every event stays one line.

use std::io::{self, Write};

use dyad_coder::{Event, EventActor};

use super::EventSink;
use crate::record::Record;

/// The header line (without the newline).
pub const HEADER: [&str; 26] = [
    "EventID",
    "Date",
    "Year",
    "Month",
    "Day",
    "SourceActorFull",
    "SourceActorEntity",
    "SourceActorRole",
    "SourceActorAttribute",
    "TargetActorFull",
    "TargetActorEntity",
    "TargetActorRole",
    "TargetActorAttribute",
    "EventCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScore",
    "Issues",
    "Lat",
    "Lon",
    "LocationName",
    "StateName",
    "CountryCode",
    "SentenceID",
    "URLs",
    "NewsSources",
];

/// The Phoenix role codes: an actor code's second unit goes to the Role column when it is one of
/// these, otherwise all units after the entity go to Attribute (as in "IMGMUSISI" -> IMG, "", "MUS;ISI").
const ROLES: &[&str] = &[
    "AGR", "BUS", "COP", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "GOV", "HLH", "HRI", "INS", "JRN", "JUD",
    "LAB", "LEG", "MED", "MIL", "MNC", "NGM", "NGO", "OPP", "PRM", "PTY", "RAD", "REB", "REF", "SEP", "SPY",
    "UAF", "UNK",
];

/// Writes Phoenix-style tab-separated events; see the module documentation for the columns.
pub struct CameoTsvSink {
    out: Box<dyn Write>,
    header_written: bool,
}

impl std::fmt::Debug for CameoTsvSink {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CameoTsvSink").field("header_written", &self.header_written).finish_non_exhaustive()
    }
}

impl CameoTsvSink {
    pub fn new(out: Box<dyn Write>) -> Self {
        CameoTsvSink { out, header_written: false }
    }

    fn header(&mut self) -> io::Result<()> {
        if !self.header_written {
            self.header_written = true;
            writeln!(self.out, "{}", HEADER.join("\t"))?;
        }
        Ok(())
    }
}

/// Entity, role and attribute columns of an actor code.
fn split_actor(code: &str) -> [String; 4] {
    let entity = code.get(..3).unwrap_or(code);
    let units: Vec<&str> = code
        .get(3..)
        .unwrap_or("")
        .as_bytes()
        .chunks(3)
        .filter_map(|c| std::str::from_utf8(c).ok())
        .collect();
    let (role, attrs) = match units.first() {
        Some(u) if ROLES.contains(u) => (*u, &units[1..]),
        _ => ("", &units[..]),
    };
    [code.to_string(), entity.to_string(), role.to_string(), attrs.join(";")]
}

fn actor_columns(a: Option<&EventActor>) -> [String; 4] {
    a.map_or_else(Default::default, |a| split_actor(a.code.as_str()))
}

/// `ISSUE,count` pairs in order of first mention.
fn issues(list: &[String]) -> String {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for i in list {
        match counts.iter_mut().find(|(k, _)| k == i) {
            Some((_, n)) => *n += 1,
            None => counts.push((i, 1)),
        }
    }
    counts.iter().map(|(k, n)| format!("{k},{n}")).collect::<Vec<_>>().join(";")
}

fn clean(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

impl EventSink for CameoTsvSink {
    fn write_document(&mut self, record: &Record, events: &[Event]) -> io::Result<()> {
        use chrono::Datelike;
        self.header()?;
        for (n, e) in events.iter().enumerate() {
            let [sf, se, sr, sa] = actor_columns(e.source.as_ref());
            let [tf, te, tr, ta] = actor_columns(e.target.as_ref());
            let (place, country) = e
                .location
                .as_ref()
                .map_or((String::new(), ""), |l| (clean(&l.text), l.country.as_deref().unwrap_or("")));
            let cols: [String; 26] = [
                clean(&format!("{}_{}", record.id, n + 1)),
                e.date.format("%Y%m%d").to_string(),
                e.date.year().to_string(),
                e.date.month().to_string(),
                e.date.day().to_string(),
                sf,
                se,
                sr,
                sa,
                tf,
                te,
                tr,
                ta,
                e.cameo.as_str().to_string(),
                e.cameo.root().as_str().to_string(),
                e.quad_class.to_string(),
                format!("{:.1}", e.goldstein),
                clean(&issues(&e.issues)),
                String::new(),
                String::new(),
                place,
                String::new(),
                country.to_string(),
                clean(&format!("{}_{}", record.id, e.sentence)),
                clean(record.url.as_deref().unwrap_or("")),
                clean(record.source.as_deref().unwrap_or("")),
            ];
            writeln!(self.out, "{}", cols.join("\t"))?;
        }
        Ok(())
    }

    fn finish(&mut self) -> io::Result<()> {
        self.header()?;
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::render;
    use super::*;

    #[test]
    fn splits_actor_codes_like_phoenix() {
        assert_eq!(split_actor("IRQGOVMIL"), ["IRQGOVMIL", "IRQ", "GOV", "MIL"].map(String::from));
        assert_eq!(split_actor("IMGMUSISI"), ["IMGMUSISI", "IMG", "", "MUS;ISI"].map(String::from));
        assert_eq!(split_actor("USA"), ["USA", "USA", "", ""].map(String::from));
        assert_eq!(split_actor("---GOV"), ["---GOV", "---", "GOV", ""].map(String::from));
    }

    #[test]
    fn snapshot() {
        let out = render(|w| Box::new(CameoTsvSink::new(w)));
        for line in out.lines() {
            assert_eq!(line.split('\t').count(), 26, "{line}");
        }
        insta::assert_snapshot!(out);
    }

    #[test]
    fn header_is_written_once_even_without_events() {
        let buf = super::super::fixtures::SharedBuf::default();
        let mut sink = CameoTsvSink::new(Box::new(buf.clone()));
        sink.finish().unwrap();
        sink.finish().unwrap();
        let out = String::from_utf8(buf.0.borrow().clone()).unwrap();
        assert_eq!(out, format!("{}\n", HEADER.join("\t")));
    }
}
