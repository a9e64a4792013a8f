//! The unit the readers produce: one article ([`Record`]) or the reason one could not be read
//! ([`Reject`]), both naming where in the input they came from ([`Origin`]).

use std::fmt;
use std::path::PathBuf;

use chrono::NaiveDate;

/// One article to code, as read from a file, a JSON line or an XML record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// The document id: the file stem for plain text, the `id` field or attribute otherwise.
    pub id: String,
    /// The article date; `None` when the input gave none (the text layer may find a dateline).
    pub date: Option<NaiveDate>,
    /// True when `date` is the caller's default (`--date`) rather than the input's own date, so
    /// a dateline found in the text should win over it; see [`Record::resolve_date`].
    pub date_is_default: bool,
    /// The raw article text; every span in the output is a byte offset into it.
    pub text: String,
    pub title: Option<String>,
    /// The news source ("AFP").
    pub source: Option<String>,
    pub url: Option<String>,
    pub origin: Origin,
}

impl Record {
    /// A record with only an id and a text, for callers and tests that build input by hand.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        Record {
            id: id.into(),
            date: None,
            date_is_default: false,
            text: text.into(),
            title: None,
            source: None,
            url: None,
            origin: Origin::default(),
        }
    }

    /// The date to code the record with: the input's own date, else the date of the text's
    /// dateline, else the caller's default.
    pub fn resolve_date(&self, dateline: Option<NaiveDate>) -> Option<NaiveDate> {
        if self.date_is_default {
            dateline.or(self.date)
        } else {
            self.date.or(dateline)
        }
    }
}

/// Where a record or reject came from: the file (or standard input) and the 1-based line.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Origin {
    /// The file as the user named it; `None` for standard input or bytes handed over directly.
    pub file: Option<PathBuf>,
    /// The 1-based line where the record starts; `None` for one-article-per-file text.
    pub line: Option<usize>,
}

impl Origin {
    pub fn new(file: Option<PathBuf>, line: Option<usize>) -> Self {
        Origin { file, line }
    }

    /// The same file at another line.
    pub fn at_line(&self, line: usize) -> Self {
        Origin { file: self.file.clone(), line: Some(line) }
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.file {
            Some(p) => write!(f, "{}", p.display())?,
            None => f.write_str("<stdin>")?,
        }
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        Ok(())
    }
}

/// An input record that could not be read, and why; the batch goes on without it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{origin}: {reason}")]
pub struct Reject {
    pub origin: Origin,
    pub reason: RejectReason,
}

impl Reject {
    pub fn new(origin: Origin, reason: RejectReason) -> Self {
        Reject { origin, reason }
    }
}

/// Why a record was rejected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RejectReason {
    #[error("cannot read: {0}")]
    Io(String),
    #[error("empty file")]
    Empty,
    #[error("not valid UTF-8 at byte {0}")]
    InvalidUtf8(usize),
    #[error("document too large ({0} bytes; the limit is 4 GiB)")]
    TooLarge(usize),
    /// The message and 1-based column from the JSON parser.
    #[error("invalid JSON: {message} at column {column}")]
    InvalidJson { message: String, column: usize },
    #[error("not a JSON object")]
    NotAnObject,
    #[error("missing required field \"{0}\"")]
    MissingField(&'static str),
    #[error("field \"{field}\" must be {expected}")]
    WrongType { field: &'static str, expected: &'static str },
    #[error("invalid date \"{value}\" (expected {expected})")]
    InvalidDate { value: String, expected: &'static str },
    #[error("empty text")]
    EmptyText,
    /// Neither the record, nor its dateline, nor the caller's `--date` gives a date.
    #[error("no date: the record has none, its text has no dated dateline, and no --date was given")]
    NoDate,
    /// A PETRARCH XML record that could not be split into its parts.
    #[error("malformed record: {0}")]
    Malformed(String),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn own_date_beats_dateline_beats_default() {
        let d = |day| NaiveDate::from_ymd_opt(2007, 8, day);
        let mut r = Record::new("a", "text");
        assert_eq!(r.resolve_date(None), None);
        assert_eq!(r.resolve_date(d(9)), d(9));
        r.date = d(1);
        assert_eq!(r.resolve_date(d(9)), d(1));
        r.date_is_default = true;
        assert_eq!(r.resolve_date(d(9)), d(9));
        assert_eq!(r.resolve_date(None), d(1));
    }
}
