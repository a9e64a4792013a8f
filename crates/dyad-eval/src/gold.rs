//! Gold sets: the PLOVER gold-standard JSON and PETRARCH XML validation records, read into one
//! [`GoldRecord`] shape.
//!
//! PLOVER gold (`PLOVER_GSR_CAMEO.txt`): a JSON array whose first object is a DOCUMENT header
//! (skipped). `source` and `target` are lists of `{actorText, code, sector}`; the event becomes one
//! gold event per (source, target) pair, with target "" when the record has none. When the markup
//! tags the actors `SRC/TAR` (CAMEO's reciprocal compounds, "Jordan and Britain agreed") and no
//! target is given, each ordered pair of distinct sources is one event, as PETRARCH codes them.
//! Known quirks: a `target` that is `""` or a bare string ("diplomatic") means no target; `textInfo`
//! may be a bare string; an id occurs twice (records are kept in file order, not keyed by id).
//! Event names from PLOVER 0.5b1 are brought to the current names ([`normalize_plover_event`]).
//!
//! PETRARCH gold (`<Sentence ... evaluate="true|false">` records): each
//! `<EventCoding sourcecode= targetcode= eventcode=/>` is one expected event; `noevents="True"`
//! and `error="..."` codings expect none. Codes are kept exactly as written (the validation
//! dictionaries have codes such as "FRO/BIL/SAM" and "+++"). Dates are `YYYYMMDD`; a date that is
//! not one (the PETR-2 file has "121108") is left empty for the caller to fill.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use dyad_io::petrarch::{find_attr, parse_compact_date, split_petrarch_xml};
use serde_json::Value;

/// Which kind of gold file a record came from; it decides which scoring levels apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GoldFormat {
    /// PLOVER gold JSON: PLOVER event types and actor roots, no CAMEO codes.
    Plover,
    /// PETRARCH XML validation records: full actor codes and CAMEO codes.
    Petrarch,
}

/// One expected event.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct GoldEvent {
    /// The source actor code ("USAGOV"); "" when there is none.
    pub source: String,
    /// The target actor code; "" when there is none.
    pub target: String,
    /// The CAMEO code ("042"), for PETRARCH gold.
    pub cameo: Option<String>,
    /// The PLOVER event type ("CONSULT"), for PLOVER gold or after [`GoldRecord::fill_plover`].
    pub plover: Option<String>,
}

/// One gold sentence with the events expected from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldRecord {
    pub id: String,
    pub date: Option<NaiveDate>,
    pub text: String,
    /// The expected events; empty for "no event" records.
    pub events: Vec<GoldEvent>,
    /// `false` for records the gold file marks `evaluate="false"`; they are not scored.
    pub evaluate: bool,
    pub format: GoldFormat,
    /// The record's category: the `category` attribute of PETRARCH records ("DEMO", "AFP"), the
    /// event type of PLOVER records as the file names it ("DEMAND").
    pub category: Option<String>,
    /// Whether the events carry PLOVER types, so the PLOVER level can score this record.
    pub plover_coded: bool,
}

impl GoldRecord {
    /// Sets each event's PLOVER type from its CAMEO code with `crosswalk` (the ontology's
    /// CAMEO-to-PLOVER table), so PETRARCH gold can also be scored at the PLOVER level.
    pub fn fill_plover(&mut self, crosswalk: impl Fn(&str) -> Option<String>) {
        for e in &mut self.events {
            if let Some(c) = &e.cameo {
                e.plover = crosswalk(c);
            }
        }
        self.plover_coded = true;
    }

    /// The record as input to code, with the gold date (if any).
    pub fn to_record(&self) -> dyad_io::Record {
        let mut r = dyad_io::Record::new(self.id.clone(), self.text.clone());
        r.date = self.date;
        r
    }
}

/// A gold file that cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum GoldError {
    #[error("{path}: cannot read: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("invalid PLOVER gold JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("PLOVER gold must be a JSON array of records")]
    NotAnArray,
    #[error("PLOVER gold record {index} ({id}): {problem}")]
    PloverRecord { index: usize, id: String, problem: String },
    #[error("PETRARCH gold line {line}: {problem}")]
    PetrarchRecord { line: usize, problem: String },
    #[error("no gold records found (expected a PLOVER JSON array or PETRARCH <Sentence> records)")]
    Empty,
}

/// Reads a gold file, detecting the format from its first non-blank byte (`[` JSON, `<` XML).
pub fn read_gold_file(path: &Path) -> Result<Vec<GoldRecord>, GoldError> {
    let bytes = std::fs::read(path).map_err(|source| GoldError::Io { path: path.to_path_buf(), source })?;
    read_gold(&bytes)
}

/// Reads gold records from bytes, detecting the format (JSON array vs XML).
pub fn read_gold(bytes: &[u8]) -> Result<Vec<GoldRecord>, GoldError> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let records = match body.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'[') => read_plover_gold(body)?,
        _ => read_petrarch_gold(body)?,
    };
    if records.is_empty() {
        return Err(GoldError::Empty);
    }
    Ok(records)
}

/// Brings PLOVER 0.5b1 event names to the current ones: DEMAND -> REQUEST,
/// DISAPPROVE -> ACCUSE, INVESTIGATE -> ACCUSE, FIGHT -> ASSAULT; others are upper-cased as is.
pub fn normalize_plover_event(name: &str) -> String {
    let upper = name.trim().to_ascii_uppercase();
    match upper.as_str() {
        "DEMAND" => "REQUEST".into(),
        "DISAPPROVE" | "INVESTIGATE" => "ACCUSE".into(),
        "FIGHT" => "ASSAULT".into(),
        _ => upper,
    }
}

/// Reads the PLOVER gold JSON array; see the module documentation.
pub fn read_plover_gold(bytes: &[u8]) -> Result<Vec<GoldRecord>, GoldError> {
    let value: Value = serde_json::from_slice(bytes)?;
    let Value::Array(items) = value else {
        return Err(GoldError::NotAnArray);
    };
    let mut out = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        let id = item.get("id").and_then(Value::as_str).unwrap_or("").to_string();
        let problem = |p: &str| GoldError::PloverRecord { index, id: id.clone(), problem: p.to_string() };
        let Some(event) = item.get("event").and_then(Value::as_str) else {
            return Err(problem("no \"event\" string"));
        };
        if event == "DOCUMENT" {
            continue;
        }
        let Some(text) = item.get("text").and_then(Value::as_str) else {
            return Err(problem("no \"text\" string"));
        };
        let date = item
            .get("date")
            .and_then(Value::as_str)
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        let sources = actors(item.get("source"));
        let targets = actors(item.get("target"));
        let markup = match item.get("textInfo") {
            Some(Value::Object(o)) => o.get("markup").and_then(Value::as_str).unwrap_or(""),
            Some(Value::String(s)) => s.as_str(),
            _ => "",
        };
        let plover = normalize_plover_event(event);
        let pairs = actor_pairs(&sources, &targets, markup.contains("SRC/TAR"));
        let events = pairs
            .into_iter()
            .map(|(source, target)| GoldEvent { source, target, cameo: None, plover: Some(plover.clone()) })
            .collect();
        out.push(GoldRecord {
            id,
            date,
            text: text.to_string(),
            events,
            evaluate: true,
            format: GoldFormat::Plover,
            category: Some(event.to_string()),
            plover_coded: true,
        });
    }
    Ok(out)
}

/// The actor codes of a PLOVER `source`/`target` value: a list of `{code, sector}` objects
/// (anything else, such as `""`, means none). The code is `code` + `sector` upper-cased, with the
/// "***" (unknown) sector dropped.
fn actors(v: Option<&Value>) -> Vec<String> {
    let Some(Value::Array(list)) = v else {
        return Vec::new();
    };
    list.iter()
        .filter_map(|a| {
            let code = a.get("code").and_then(Value::as_str)?.trim().to_ascii_uppercase();
            let sector = a.get("sector").and_then(Value::as_str).unwrap_or("").trim().to_ascii_uppercase();
            let sector = if sector.contains('*') { String::new() } else { sector };
            Some(format!("{code}{sector}"))
        })
        .collect()
}

/// The (source, target) pairs of one PLOVER record.
fn actor_pairs(sources: &[String], targets: &[String], reciprocal: bool) -> Vec<(String, String)> {
    let sources: Vec<String> = if sources.is_empty() { vec![String::new()] } else { sources.to_vec() };
    if targets.is_empty() {
        if reciprocal && sources.len() > 1 {
            let mut out = Vec::new();
            for a in &sources {
                for b in &sources {
                    if a != b {
                        out.push((a.clone(), b.clone()));
                    }
                }
            }
            return out;
        }
        return sources.into_iter().map(|s| (s, String::new())).collect();
    }
    sources.iter().flat_map(|s| targets.iter().map(move |t| (s.clone(), t.clone()))).collect()
}

/// Reads PETRARCH XML validation records; see the module documentation.
pub fn read_petrarch_gold(bytes: &[u8]) -> Result<Vec<GoldRecord>, GoldError> {
    let mut out = Vec::new();
    for rec in split_petrarch_xml(bytes) {
        let rec =
            rec.map_err(|(line, reason)| GoldError::PetrarchRecord { line, problem: reason.to_string() })?;
        let problem = |p: &str| GoldError::PetrarchRecord { line: rec.line, problem: p.to_string() };
        let Some(text) = rec.text.clone().filter(|t| !t.is_empty()) else {
            return Err(problem("no <Text>"));
        };
        let id = rec
            .attr("id")
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map_or_else(|| format!("line-{}", rec.line), str::to_string);
        let evaluate = !rec.attr("evaluate").is_some_and(|v| v.trim().eq_ignore_ascii_case("false"));
        let date = rec.attr("date").and_then(parse_compact_date);
        let mut events = Vec::new();
        for c in &rec.codings {
            let none = find_attr(c, "noevents").is_some_and(|v| v.trim().eq_ignore_ascii_case("true"));
            if none || find_attr(c, "error").is_some() {
                continue;
            }
            let Some(code) = find_attr(c, "eventcode") else {
                return Err(problem("<EventCoding> without eventcode, noevents or error"));
            };
            events.push(GoldEvent {
                source: find_attr(c, "sourcecode").unwrap_or("").trim().to_string(),
                target: find_attr(c, "targetcode").unwrap_or("").trim().to_string(),
                cameo: Some(code.trim().to_string()),
                plover: None,
            });
        }
        let category = rec.attr("category").map(str::trim).filter(|c| !c.is_empty()).map(str::to_string);
        out.push(GoldRecord {
            id,
            date,
            text,
            events,
            evaluate,
            format: GoldFormat::Petrarch,
            category,
            plover_coded: false,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gold_file(rel: &str) -> Vec<u8> {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/gold").join(rel);
        std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    #[test]
    fn plover_gold_counts() {
        let recs = read_gold(&gold_file("plover-gsr/PLOVER_GSR_CAMEO.txt")).unwrap();
        assert_eq!(recs.len(), 322);
        assert!(recs.iter().all(|r| r.format == GoldFormat::Plover && r.evaluate && r.plover_coded));
        assert!(recs.iter().all(|r| r.date == NaiveDate::from_ymd_opt(2000, 1, 1)));
        // 0.5b1 names are normalized away.
        let names: std::collections::BTreeSet<&str> =
            recs.iter().flat_map(|r| &r.events).filter_map(|e| e.plover.as_deref()).collect();
        for old in ["DEMAND", "DISAPPROVE", "INVESTIGATE", "FIGHT"] {
            assert!(!names.contains(old), "{old}");
        }
        assert!(names.contains("REQUEST") && names.contains("ACCUSE") && names.contains("ASSAULT"));
        // The duplicated id is kept twice.
        assert_eq!(recs.iter().filter(|r| r.id == "PLOVER-GSR01-COERCE-0004").count(), 2);
        // Reciprocal compound: "Senior Hungarian and Romanian officials agreed ..."
        let agree1 = recs.iter().find(|r| r.id == "PLOVER-GSR01-AGREE-0001").unwrap();
        let pairs: Vec<(&str, &str)> =
            agree1.events.iter().map(|e| (e.source.as_str(), e.target.as_str())).collect();
        assert_eq!(pairs, [("HUNGOV", "ROUGOV"), ("ROUGOV", "HUNGOV")]);
        // A plain record: source x target.
        let agree2 = recs.iter().find(|r| r.id == "PLOVER-GSR01-AGREE-0002").unwrap();
        assert_eq!(agree2.events.len(), 1);
        assert_eq!((agree2.events[0].source.as_str(), agree2.events[0].target.as_str()), ("IGO", "JAP"));
        // Quirks: a bare-string target and a bare-string textInfo still read.
        assert!(recs.iter().any(|r| r.id == "PLOVER-GSR01-INVESTIGATE-0002"));
        let agree7 = recs.iter().find(|r| r.id == "PLOVER-GSR01-AGREE-0007").unwrap();
        assert_eq!(agree7.events.len(), 2);
        assert!(recs.iter().all(|r| !r.events.is_empty()));
    }

    #[test]
    fn petr2_gold_counts() {
        let recs = read_gold(&gold_file("petr2-gsr/PETR2_GSR_validation.xml")).unwrap();
        assert_eq!(recs.len(), 78);
        assert_eq!(recs.iter().map(|r| r.events.len()).sum::<usize>(), 80);
        assert_eq!(recs.iter().filter(|r| r.events.is_empty()).count(), 12);
        assert!(recs.iter().all(|r| r.evaluate && r.format == GoldFormat::Petrarch));
        let first = &recs[0];
        assert_eq!(first.id, "AFP0808020625_4");
        assert_eq!(first.date, NaiveDate::from_ymd_opt(2008, 8, 4));
        assert!(first.text.starts_with("The stopover came as the US leader prepared"));
        assert_eq!(
            first.events,
            [GoldEvent {
                source: "USA".into(),
                target: "CHN".into(),
                cameo: Some("042".into()),
                plover: None
            }]
        );
        // The one malformed date is left for the caller.
        let odd = recs.iter().find(|r| r.id == "AFP0808020905_1").unwrap();
        assert_eq!(odd.date, None);
        assert_eq!(odd.events.len(), 2);
        // The record with an empty <Text> gets its words from the parse.
        let rebuilt = recs.iter().find(|r| r.id == "abc12_3").unwrap();
        assert!(rebuilt.text.starts_with("Boko Haram has launched many similar attacks"), "{}", rebuilt.text);
    }

    #[test]
    fn validate_gold_counts() {
        let recs = read_gold(&gold_file("petrarch-validate-2.02/PETR_Validate_records_2_02.xml")).unwrap();
        // The file holds 274 <Sentence> records (a 275th "<Sentence" is inside the header
        // comment), 264 of them evaluate="true".
        assert_eq!(recs.len(), 274);
        assert_eq!(recs.iter().filter(|r| r.evaluate).count(), 264);
        let demo = &recs[0];
        assert_eq!((demo.id.as_str(), demo.events.len()), ("DEMO-01", 1));
        assert_eq!(demo.category.as_deref(), Some("DEMO"));
        assert_eq!(demo.events[0].cameo.as_deref(), Some("050"));
        // Codes are kept as written, entities decoded.
        let compound = recs.iter().find(|r| r.id == "COMPOUND-08").unwrap();
        assert!(compound.events.iter().any(|e| e.source == "FRO/BIL/SAM"));
        let actor1 = recs.iter().find(|r| r.id == "ACTOR-01").unwrap();
        assert!(!actor1.evaluate);
        assert_eq!(actor1.events[0].source, "\"GRYFFINDOR HEAD MINERVA MCGONAGALL\"");
        // error="..." codings expect no event.
        let err = recs.iter().find(|r| r.id == "ERROR-01").unwrap();
        assert!(err.events.is_empty());
        assert!(!err.text.contains('\n'));
    }

    #[test]
    fn fill_plover_uses_the_crosswalk() {
        let mut recs = read_petrarch_gold(
            b"<Sentence id=\"a\" date=\"20080101\"><EventCoding eventcode=\"042\" sourcecode=\"USA\" targetcode=\"CHN\"/>\
              <EventCoding eventcode=\"010\" sourcecode=\"USA\" targetcode=\"CHN\"/><Text>t</Text></Sentence>",
        )
        .unwrap();
        assert!(!recs[0].plover_coded);
        recs[0].fill_plover(|c| c.starts_with("04").then(|| "CONSULT".to_string()));
        assert!(recs[0].plover_coded);
        let p: Vec<Option<&str>> = recs[0].events.iter().map(|e| e.plover.as_deref()).collect();
        assert_eq!(p, [Some("CONSULT"), None]);
    }

    #[test]
    fn rejects_what_is_not_gold() {
        assert!(matches!(read_gold(b"{\"id\": 1}"), Err(GoldError::Empty)));
        assert!(matches!(read_gold(b"[1,"), Err(GoldError::Json(_))));
        assert!(matches!(read_gold(b"[]"), Err(GoldError::Empty)));
        assert!(matches!(read_gold(b"[{\"id\": \"x\"}]"), Err(GoldError::PloverRecord { .. })));
        assert!(matches!(
            read_gold(b"<Sentence id=\"a\"><EventCoding sourcecode=\"USA\"/><Text>t</Text></Sentence>"),
            Err(GoldError::PetrarchRecord { line: 1, .. })
        ));
    }
}
