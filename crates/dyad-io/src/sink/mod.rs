//! Output sinks: one [`EventSink`] trait and one implementation per output format.
//!
//! A sink receives each coded document (the input [`Record`] and its events) in input order and
//! writes to any `Box<dyn Write>`; `finish` flushes (and writes what a format needs at the end).

use std::fmt;
use std::io::{self, Write};
use std::str::FromStr;

use dyad_coder::Event;
use dyad_ontology::CameoCode;

use crate::record::Record;

mod jsonl;
mod plover;
mod tsv;

pub use jsonl::JsonlSink;
pub use plover::PloverJsonlSink;
pub use tsv::CameoTsvSink;

/// Where coded documents go.
pub trait EventSink {
    /// Writes the events of one document (possibly none).
    fn write_document(&mut self, record: &Record, events: &[Event]) -> io::Result<()>;
    /// Writes anything still pending and flushes the writer.
    fn finish(&mut self) -> io::Result<()>;
}

/// Looks up the name of a CAMEO code ("042" -> "Make a visit"); the caller supplies it (from the
/// ontology) so this crate does not depend on how names are stored.
pub type CameoNames = fn(CameoCode) -> Option<&'static str>;

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum OutputFormat {
    /// One JSON object per event with actors, codes, evidence (the default).
    #[default]
    Jsonl,
    /// PETRARCH/Phoenix tab-separated columns.
    CameoTsv,
    /// PLOVER JSON records, one per line.
    PloverJsonl,
}

impl OutputFormat {
    pub const ALL: [OutputFormat; 3] =
        [OutputFormat::Jsonl, OutputFormat::CameoTsv, OutputFormat::PloverJsonl];

    pub fn name(self) -> &'static str {
        match self {
            OutputFormat::Jsonl => "jsonl",
            OutputFormat::CameoTsv => "cameo-tsv",
            OutputFormat::PloverJsonl => "plover-jsonl",
        }
    }
}

impl fmt::Display for OutputFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// An output format name that is not one of `jsonl`, `cameo-tsv`, `plover-jsonl`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown output format {0:?}: expected jsonl, cameo-tsv or plover-jsonl")]
pub struct UnknownOutputFormat(pub String);

impl FromStr for OutputFormat {
    type Err = UnknownOutputFormat;
    fn from_str(s: &str) -> Result<Self, UnknownOutputFormat> {
        OutputFormat::ALL
            .into_iter()
            .find(|f| f.name().eq_ignore_ascii_case(s))
            .ok_or_else(|| UnknownOutputFormat(s.to_string()))
    }
}

/// Builds the sink for `format` over `out`; `cameo_names` adds code names where a format has them.
pub fn new_sink(
    format: OutputFormat,
    out: Box<dyn Write>,
    cameo_names: Option<CameoNames>,
) -> Box<dyn EventSink> {
    match format {
        OutputFormat::Jsonl => {
            let mut s = JsonlSink::new(out);
            if let Some(names) = cameo_names {
                s = s.with_cameo_names(names);
            }
            Box::new(s)
        }
        OutputFormat::CameoTsv => Box::new(CameoTsvSink::new(out)),
        OutputFormat::PloverJsonl => Box::new(PloverJsonlSink::new(out)),
    }
}

/// The text of a span of the record, if it falls inside it on character boundaries.
fn span_text(record: &Record, span: dyad_text::Span) -> Option<&str> {
    span.get(&record.text)
}

#[cfg(test)]
pub(crate) mod fixtures {
    //! Hand-built events for the snapshot tests of every format.

    use chrono::NaiveDate;
    use dyad_coder::{Event, EventActor, Evidence, Location, Modality, PloverCoding};
    use dyad_dict::ActorCode;
    use dyad_ontology::CameoCode;
    use dyad_text::Span;

    use crate::record::{Origin, Record};

    pub const TEXT: &str =
        "TEHRAN, Aug 9 (AFP) - Iran hosted Iraqi Prime Minister Nuri al-Maliki on Thursday. \
Iraqi militants attacked\tUS troops in Baghdad, officials said.";

    pub fn record() -> Record {
        let mut r = Record::new("tehran-talks", TEXT);
        r.date = NaiveDate::from_ymd_opt(2007, 8, 9);
        r.title = Some("Iran hosts Maliki".into());
        r.source = Some("AFP".into());
        r.url = Some("https://example.invalid/tehran".into());
        r.origin = Origin::new(Some("examples/tehran-talks.txt".into()), None);
        r
    }

    fn actor(code: &str, text: &str, antecedent: Option<Span>) -> EventActor {
        let code = ActorCode::new(code).unwrap();
        let start = TEXT.find(text).unwrap();
        let country = Some(code.root().to_string()).filter(|c| c != "---");
        let sector = Some(code.sectors().to_string()).filter(|s| !s.is_empty());
        EventActor {
            code,
            country,
            sector,
            text: text.into(),
            span: Span::new(start, start + text.len()),
            antecedent,
        }
    }

    fn span_of(s: &str) -> Span {
        let start = TEXT.find(s).unwrap();
        Span::new(start, start + s.len())
    }

    pub fn events() -> Vec<Event> {
        let first = TEXT.find(" Iraqi militants").unwrap();
        vec![
            Event {
                sentence: 0,
                date: NaiveDate::from_ymd_opt(2007, 8, 9).unwrap(),
                source: Some(actor("IRN", "Iran", None)),
                target: Some(actor("IRQGOV", "Iraqi Prime Minister Nuri al-Maliki", None)),
                cameo: CameoCode::new("043").unwrap(),
                quad_class: 1,
                goldstein: 2.8,
                plover: Some(PloverCoding {
                    event: "CONSULT".into(),
                    mode: Some("host".into()),
                    context: None,
                }),
                modality: Modality::Asserted,
                negated: false,
                location: Some(Location {
                    text: "TEHRAN".into(),
                    country: Some("IRN".into()),
                    span: Some(span_of("TEHRAN")),
                    from: "dateline",
                }),
                evidence: Evidence {
                    sentence_text: TEXT[..first].to_string(),
                    verb_span: span_of("hosted"),
                    rule: "CAMEO.2.0.txt:1234".into(),
                    pattern: "- * [043] HOST".into(),
                },
                issues: vec![],
            },
            Event {
                sentence: 1,
                date: NaiveDate::from_ymd_opt(2007, 8, 8).unwrap(),
                source: Some(actor("IRQREB", "Iraqi militants", Some(span_of("Iraqi")))),
                target: Some(actor("USAMIL", "US troops", None)),
                cameo: CameoCode::new("190").unwrap(),
                quad_class: 4,
                goldstein: -10.0,
                plover: Some(PloverCoding {
                    event: "ASSAULT".into(),
                    mode: None,
                    context: Some("military".into()),
                }),
                modality: Modality::Asserted,
                negated: false,
                location: Some(Location {
                    text: "Baghdad".into(),
                    country: Some("IRQ".into()),
                    span: Some(span_of("Baghdad")),
                    from: "clause",
                }),
                evidence: Evidence {
                    sentence_text: TEXT[first + 1..].to_string(),
                    verb_span: span_of("attacked"),
                    rule: "CAMEO.2.0.txt:5678".into(),
                    pattern: "- * [190] ATTACK".into(),
                },
                issues: vec!["MILITANT".into(), "SECURITY_SERVICES".into(), "MILITANT".into()],
            },
            // A CAMEO 01 statement with no target, no PLOVER type and no place.
            Event {
                sentence: 1,
                date: NaiveDate::from_ymd_opt(2007, 8, 9).unwrap(),
                source: Some(actor("---GOV", "officials", None)),
                target: None,
                cameo: CameoCode::new("010").unwrap(),
                quad_class: 1,
                goldstein: 0.0,
                plover: None,
                modality: Modality::Future,
                negated: true,
                location: None,
                evidence: Evidence {
                    sentence_text: TEXT[first + 1..].to_string(),
                    verb_span: span_of("said"),
                    rule: "CAMEO.2.0.txt:42".into(),
                    pattern: "- * [010] SAY".into(),
                },
                issues: vec![],
            },
        ]
    }

    /// Runs a sink over the fixture (one document with events, one without) and returns the output.
    pub fn render(make: impl FnOnce(Box<dyn std::io::Write>) -> Box<dyn super::EventSink>) -> String {
        let buf = SharedBuf::default();
        let mut sink = make(Box::new(buf.clone()));
        sink.write_document(&record(), &events()).unwrap();
        let mut empty = Record::new("empty-doc", "Nothing happened.");
        empty.date = NaiveDate::from_ymd_opt(2007, 8, 10);
        sink.write_document(&empty, &[]).unwrap();
        sink.finish().unwrap();
        let bytes = buf.0.borrow().clone();
        String::from_utf8(bytes).unwrap()
    }

    /// A writer whose bytes the test can read after the sink took ownership of a clone.
    #[derive(Debug, Clone, Default)]
    pub struct SharedBuf(pub std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

    impl std::io::Write for SharedBuf {
        fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
            self.0.borrow_mut().extend_from_slice(b);
            Ok(b.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_names_round_trip() {
        for f in OutputFormat::ALL {
            assert_eq!(f.name().parse::<OutputFormat>(), Ok(f));
        }
        assert!("csv".parse::<OutputFormat>().is_err());
        assert_eq!(OutputFormat::default(), OutputFormat::Jsonl);
    }
}
