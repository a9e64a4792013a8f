//! The JSON Lines reader: one article per line,
//! `{"id": "..", "date": "YYYY-MM-DD", "text": ".."}` with optional `title`, `source` and `url`.
//!
//! Lines are split on raw bytes and decoded one at a time, so a line with invalid UTF-8 or broken
//! JSON rejects only itself. Blank lines are skipped; every other line gives a record or a reject
//! naming its 1-based line number.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde_json::{Map, Value};

use crate::record::{Origin, Record, Reject, RejectReason};

/// Reads JSON Lines from `bytes`; `file` names the input in records and rejects.
pub fn read_jsonl<'a>(bytes: &'a [u8], file: Option<&Path>) -> JsonlReader<'a> {
    JsonlReader { rest: bytes, line: 0, file: file.map(Path::to_path_buf) }
}

/// Iterator over the records of a JSON Lines input; see [`read_jsonl`].
#[derive(Debug)]
pub struct JsonlReader<'a> {
    rest: &'a [u8],
    line: usize,
    file: Option<PathBuf>,
}

impl Iterator for JsonlReader<'_> {
    type Item = Result<Record, Reject>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.rest.is_empty() {
            let (line, rest) = match memchr_newline(self.rest) {
                Some(i) => (&self.rest[..i], &self.rest[i + 1..]),
                None => (self.rest, &self.rest[self.rest.len()..]),
            };
            self.rest = rest;
            self.line += 1;
            // The first line may carry a byte-order mark.
            let line = if self.line == 1 { line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line) } else { line };
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let origin = Origin::new(self.file.clone(), Some(self.line));
            return Some(parse_line(line, origin));
        }
        None
    }
}

fn memchr_newline(b: &[u8]) -> Option<usize> {
    b.iter().position(|&c| c == b'\n')
}

/// Parses one non-blank line into a record.
pub(crate) fn parse_line(line: &[u8], origin: Origin) -> Result<Record, Reject> {
    let reject = |reason| Err(Reject::new(origin.clone(), reason));
    let text = match std::str::from_utf8(line) {
        Ok(t) => t,
        Err(e) => return reject(RejectReason::InvalidUtf8(e.valid_up_to())),
    };
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => return reject(json_error(&e)),
    };
    let Value::Object(obj) = value else {
        return reject(RejectReason::NotAnObject);
    };
    match fields(&obj) {
        Ok((id, date, text, title, source, url)) => {
            if u32::try_from(text.len()).is_err() {
                return reject(RejectReason::TooLarge(text.len()));
            }
            Ok(Record { id, date: Some(date), date_is_default: false, text, title, source, url, origin })
        }
        Err(reason) => reject(reason),
    }
}

type Fields = (String, NaiveDate, String, Option<String>, Option<String>, Option<String>);

fn fields(obj: &Map<String, Value>) -> Result<Fields, RejectReason> {
    let id = match obj.get("id") {
        None | Some(Value::Null) => return Err(RejectReason::MissingField("id")),
        Some(Value::String(s)) if !s.is_empty() => s.clone(),
        // Numeric ids are common in exported corpora; keep their decimal form.
        Some(Value::Number(n)) => n.to_string(),
        Some(_) => {
            return Err(RejectReason::WrongType { field: "id", expected: "a non-empty string or a number" })
        }
    };
    let raw_date = required_str(obj, "date")?;
    let date = parse_iso_date(raw_date)
        .ok_or_else(|| RejectReason::InvalidDate { value: raw_date.to_string(), expected: "YYYY-MM-DD" })?;
    let text = required_str(obj, "text")?;
    if text.trim().is_empty() {
        return Err(RejectReason::EmptyText);
    }
    Ok((
        id,
        date,
        text.to_string(),
        optional_str(obj, "title")?,
        optional_str(obj, "source")?,
        optional_str(obj, "url")?,
    ))
}

fn required_str<'a>(obj: &'a Map<String, Value>, field: &'static str) -> Result<&'a str, RejectReason> {
    match obj.get(field) {
        None | Some(Value::Null) => Err(RejectReason::MissingField(field)),
        Some(Value::String(s)) => Ok(s),
        Some(_) => Err(RejectReason::WrongType { field, expected: "a string" }),
    }
}

fn optional_str(obj: &Map<String, Value>, field: &'static str) -> Result<Option<String>, RejectReason> {
    match obj.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(RejectReason::WrongType { field, expected: "a string" }),
    }
}

/// Parses `YYYY-MM-DD`, also when followed by a time (`2008-08-04T10:00:00Z`), which is the same day.
pub(crate) fn parse_iso_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let day = match s.as_bytes().get(10) {
        None => s,
        Some(b'T' | b't' | b' ') => s.get(..10)?,
        Some(_) => return None,
    };
    if day.len() != 10 {
        return None;
    }
    NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()
}

/// The parser's message without its "at line 1 column N" tail, plus the column.
fn json_error(e: &serde_json::Error) -> RejectReason {
    let full = e.to_string();
    let message = match full.rfind(" at line ") {
        Some(i) => full[..i].to_string(),
        None => full,
    };
    RejectReason::InvalidJson { message, column: e.column() }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(input: &str) -> Vec<Result<Record, Reject>> {
        read_jsonl(input.as_bytes(), Some(Path::new("x.jsonl"))).collect()
    }

    #[test]
    fn reads_required_and_optional_fields() {
        let out = read(concat!(
            r#"{"id": "a1", "date": "2007-08-09", "text": "Iran said.", "title": "T", "source": "AFP", "url": "http://x"}"#,
            "\n\n   \n",
            r#"{"id": 7, "date": "2007-08-10T12:00:00Z", "text": "More."}"#,
        ));
        assert_eq!(out.len(), 2);
        let a = out[0].as_ref().unwrap();
        assert_eq!((a.id.as_str(), a.text.as_str()), ("a1", "Iran said."));
        assert_eq!(a.date, NaiveDate::from_ymd_opt(2007, 8, 9));
        assert_eq!(
            (a.title.as_deref(), a.source.as_deref(), a.url.as_deref()),
            (Some("T"), Some("AFP"), Some("http://x"))
        );
        assert_eq!(a.origin.to_string(), "x.jsonl:1");
        let b = out[1].as_ref().unwrap();
        assert_eq!((b.id.as_str(), b.date), ("7", NaiveDate::from_ymd_opt(2007, 8, 10)));
        assert_eq!(b.origin.line, Some(4));
    }

    #[test]
    fn each_bad_line_rejects_only_itself() {
        let mut input = Vec::new();
        input.extend_from_slice(b"{\"id\": \"a\", \"date\": \"2007-08-09\", \"text\": \"ok\"}\n");
        input.extend_from_slice(b"{\"id\": \"b\" \"date\": 1}\n");
        input.extend_from_slice(b"[1, 2]\n");
        input.extend_from_slice(b"{\"id\": \"c\", \"text\": \"no date\"}\n");
        input.extend_from_slice(b"{\"id\": \"d\", \"date\": \"2007-13-40\", \"text\": \"t\"}\n");
        input.extend_from_slice(b"{\"id\": \"e\", \"date\": \"2007-08-09\", \"text\": \"caf\xE9\"}\n");
        input.extend_from_slice(b"{\"id\": \"f\", \"date\": 20070809, \"text\": \"t\"}\n");
        input.extend_from_slice(b"{\"id\": \"g\", \"date\": \"2007-08-09\", \"text\": \"ok\", \"url\": 3}\n");
        input.extend_from_slice(b"{\"id\": \"h\", \"date\": \"2007-08-09\", \"text\": \"  \"}");
        let out: Vec<_> = read_jsonl(&input, Some(Path::new("x.jsonl"))).collect();
        let msgs: Vec<String> =
            out.iter().map(|r| r.as_ref().map(|r| r.id.clone()).unwrap_or_else(|e| e.to_string())).collect();
        assert_eq!(
            msgs,
            [
                "a",
                "x.jsonl:2: invalid JSON: expected `,` or `}` at column 12",
                "x.jsonl:3: not a JSON object",
                "x.jsonl:4: missing required field \"date\"",
                "x.jsonl:5: invalid date \"2007-13-40\" (expected YYYY-MM-DD)",
                "x.jsonl:6: not valid UTF-8 at byte 46",
                "x.jsonl:7: field \"date\" must be a string",
                "x.jsonl:8: field \"url\" must be a string",
                "x.jsonl:9: empty text",
            ]
        );
    }

    #[test]
    fn dates_must_be_whole_iso_days() {
        for bad in ["2007-8-9", "20070809", "2007-08-09x", "", "2007-02-30"] {
            assert_eq!(parse_iso_date(bad), None, "{bad}");
        }
        assert_eq!(parse_iso_date("2008-02-29"), NaiveDate::from_ymd_opt(2008, 2, 29));
    }
}
