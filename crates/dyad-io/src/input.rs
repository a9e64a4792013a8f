//! Input discovery: files, folders and standard input, with the format taken from the file
//! extension, sniffed from the first byte of standard input, or given by the caller.
//!
//! Folders are walked recursively in sorted order (deterministic output), skipping hidden files
//! and folders. Files are read one at a time as the iterator advances, so a large batch does not
//! sit in memory; every record or reject comes out in input order.

use std::collections::VecDeque;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use chrono::NaiveDate;

use crate::record::{Origin, Record, Reject, RejectReason};
use crate::{jsonl, petrarch, text};

/// The input formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum InputFormat {
    /// One article per file.
    Text,
    /// One JSON object per line.
    Jsonl,
    /// PETRARCH-style `<Sentence>` records.
    PetrarchXml,
}

impl InputFormat {
    /// The format a file extension means: `.txt`, `.text` or none for text, `.jsonl`/`.ndjson`
    /// for JSON Lines, `.xml` for PETRARCH XML; `None` for anything else.
    pub fn from_path(path: &Path) -> Option<InputFormat> {
        let Some(ext) = path.extension() else {
            return Some(InputFormat::Text);
        };
        match ext.to_string_lossy().to_ascii_lowercase().as_str() {
            "txt" | "text" => Some(InputFormat::Text),
            "jsonl" | "ndjson" => Some(InputFormat::Jsonl),
            "xml" => Some(InputFormat::PetrarchXml),
            _ => None,
        }
    }

    /// Guesses the format of unnamed input from its first non-blank byte: `{` is JSON Lines, `<`
    /// is XML, anything else is text.
    pub fn sniff(bytes: &[u8]) -> InputFormat {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        match bytes.iter().find(|b| !b.is_ascii_whitespace()) {
            Some(b'{') => InputFormat::Jsonl,
            Some(b'<') => InputFormat::PetrarchXml,
            _ => InputFormat::Text,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            InputFormat::Text => "text",
            InputFormat::Jsonl => "jsonl",
            InputFormat::PetrarchXml => "xml",
        }
    }
}

/// An input format name that is not one of `text`, `jsonl`, `xml`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown input format {0:?}: expected text, jsonl or xml")]
pub struct UnknownFormat(pub String);

impl FromStr for InputFormat {
    type Err = UnknownFormat;
    fn from_str(s: &str) -> Result<Self, UnknownFormat> {
        match s.to_ascii_lowercase().as_str() {
            "text" | "txt" => Ok(InputFormat::Text),
            "jsonl" | "ndjson" => Ok(InputFormat::Jsonl),
            "xml" | "petrarch" | "petrarch-xml" => Ok(InputFormat::PetrarchXml),
            _ => Err(UnknownFormat(s.to_string())),
        }
    }
}

/// Reads `bytes` in `format`; `file` names the input in records and rejects.
pub fn read_bytes(bytes: &[u8], format: InputFormat, file: Option<&Path>) -> Vec<Result<Record, Reject>> {
    match format {
        InputFormat::Text => vec![text::read_text(bytes, file)],
        InputFormat::Jsonl => jsonl::read_jsonl(bytes, file).collect(),
        InputFormat::PetrarchXml => petrarch::read_petrarch_xml(bytes, file),
    }
}

/// Reads every input named in `paths` (files, folders, or `-` for standard input; no paths at
/// all means standard input) in order. `format` overrides detection; `default_date` fills the
/// date of records that have none, marked with [`Record::date_is_default`] so that a dateline
/// found later still takes precedence ([`Record::resolve_date`]).
pub fn read_inputs(
    paths: &[PathBuf],
    format: Option<InputFormat>,
    default_date: Option<NaiveDate>,
) -> impl Iterator<Item = Result<Record, Reject>> {
    let mut pending: VecDeque<Source> = VecDeque::new();
    if paths.is_empty() {
        pending.push_back(Source::Stdin);
    }
    for p in paths {
        if p.as_os_str() == "-" {
            pending.push_back(Source::Stdin);
        } else {
            pending.push_back(Source::Path { path: p.clone(), explicit: true });
        }
    }
    Inputs { pending, ready: VecDeque::new(), format, default_date, seen_dirs: Vec::new() }
}

#[derive(Debug)]
enum Source {
    Stdin,
    /// `explicit` is true for paths the user named (read whatever their extension), false for
    /// files found in a folder (skipped unless their extension names a format).
    Path {
        path: PathBuf,
        explicit: bool,
    },
}

#[derive(Debug)]
struct Inputs {
    pending: VecDeque<Source>,
    ready: VecDeque<Result<Record, Reject>>,
    format: Option<InputFormat>,
    default_date: Option<NaiveDate>,
    /// Folders already walked (canonical paths), so a symbolic-link cycle is walked only once.
    seen_dirs: Vec<PathBuf>,
}

impl Iterator for Inputs {
    type Item = Result<Record, Reject>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(mut item) = self.ready.pop_front() {
                if let Ok(r) = &mut item {
                    if r.date.is_none() && self.default_date.is_some() {
                        r.date = self.default_date;
                        r.date_is_default = true;
                    }
                }
                return Some(item);
            }
            let source = self.pending.pop_front()?;
            self.load(source);
        }
    }
}

impl Inputs {
    /// Reads one source into `ready`, or queues the contents of a folder in front of the rest.
    fn load(&mut self, source: Source) {
        match source {
            Source::Stdin => {
                let mut bytes = Vec::new();
                match std::io::stdin().lock().read_to_end(&mut bytes) {
                    Ok(_) => {
                        let format = self.format.unwrap_or_else(|| InputFormat::sniff(&bytes));
                        self.ready.extend(read_bytes(&bytes, format, None));
                    }
                    Err(e) => self
                        .ready
                        .push_back(Err(Reject::new(Origin::default(), RejectReason::Io(e.to_string())))),
                }
            }
            Source::Path { path, explicit } => {
                let origin = Origin::new(Some(path.clone()), None);
                if path.is_dir() {
                    let canonical = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
                    if self.seen_dirs.contains(&canonical) {
                        return;
                    }
                    self.seen_dirs.push(canonical);
                    match list_dir(&path) {
                        Ok(entries) => {
                            for e in entries.into_iter().rev() {
                                self.pending.push_front(Source::Path { path: e, explicit: false });
                            }
                        }
                        Err(e) => {
                            self.ready.push_back(Err(Reject::new(origin, RejectReason::Io(e.to_string()))))
                        }
                    }
                    return;
                }
                let format = match (self.format, InputFormat::from_path(&path)) {
                    (Some(f), _) | (None, Some(f)) => f,
                    (None, None) if explicit => InputFormat::Text,
                    (None, None) => return,
                };
                match std::fs::read(&path) {
                    Ok(bytes) => self.ready.extend(read_bytes(&bytes, format, Some(&path))),
                    Err(e) => self.ready.push_back(Err(Reject::new(origin, RejectReason::Io(e.to_string())))),
                }
            }
        }
    }
}

/// The visible entries of a folder, sorted by name.
fn list_dir(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        out.push(entry.path());
    }
    out.sort();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("dyad-io-test-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn detects_formats() {
        assert_eq!(InputFormat::from_path(Path::new("a/b.TXT")), Some(InputFormat::Text));
        assert_eq!(InputFormat::from_path(Path::new("a/README")), Some(InputFormat::Text));
        assert_eq!(InputFormat::from_path(Path::new("x.ndjson")), Some(InputFormat::Jsonl));
        assert_eq!(InputFormat::from_path(Path::new("x.xml")), Some(InputFormat::PetrarchXml));
        assert_eq!(InputFormat::from_path(Path::new("x.md")), None);
        assert_eq!(InputFormat::sniff(b"\xEF\xBB\xBF  {\"id\""), InputFormat::Jsonl);
        assert_eq!(InputFormat::sniff(b"\n<Sentences>"), InputFormat::PetrarchXml);
        assert_eq!(InputFormat::sniff(b"TEHRAN -"), InputFormat::Text);
        assert_eq!("XML".parse::<InputFormat>(), Ok(InputFormat::PetrarchXml));
        assert!("csv".parse::<InputFormat>().is_err());
    }

    #[test]
    fn walks_folders_in_sorted_order_and_fills_dates() {
        let dir = temp_dir("walk");
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        std::fs::create_dir_all(dir.join(".git")).unwrap();
        std::fs::write(dir.join("b.txt"), "Second article.").unwrap();
        std::fs::write(dir.join("a.txt"), "First article.").unwrap();
        std::fs::write(dir.join(".hidden.txt"), "Hidden.").unwrap();
        std::fs::write(dir.join(".git/c.txt"), "Hidden too.").unwrap();
        std::fs::write(dir.join("notes.md"), "Not an input.").unwrap();
        std::fs::write(dir.join("empty.txt"), "").unwrap();
        std::fs::write(
            dir.join("sub/c.jsonl"),
            "{\"id\": \"j1\", \"date\": \"2001-02-03\", \"text\": \"Dated.\"}\n{bad\n",
        )
        .unwrap();
        let day = NaiveDate::from_ymd_opt(2007, 8, 9);
        let explicit_md = dir.join("notes.md");
        let out: Vec<_> = read_inputs(&[dir.clone(), explicit_md], None, day).collect();
        let ids: Vec<String> = out
            .iter()
            .map(|r| match r {
                Ok(r) => format!("{} {}", r.id, r.date.map(|d| d.to_string()).unwrap_or_default()),
                Err(e) => e.reason.to_string(),
            })
            .collect();
        assert_eq!(
            ids,
            [
                "a 2007-08-09",
                "b 2007-08-09",
                "empty file",
                "j1 2001-02-03",
                "invalid JSON: key must be a string at column 2",
                "notes 2007-08-09"
            ]
        );
        // The default fills text dates (a dateline may still win); JSON Lines dates are the input's.
        assert!(out[0].as_ref().unwrap().date_is_default);
        assert!(!out[3].as_ref().unwrap().date_is_default);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[cfg(unix)]
    #[test]
    fn symbolic_link_cycles_are_walked_once() {
        let dir = temp_dir("cycle");
        std::fs::write(dir.join("a.txt"), "Article.").unwrap();
        std::os::unix::fs::symlink(&dir, dir.join("loop")).unwrap();
        let out: Vec<_> = read_inputs(std::slice::from_ref(&dir), None, None).collect();
        assert_eq!(out.len(), 1);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn missing_files_are_rejected_not_fatal() {
        let out: Vec<_> = read_inputs(&[PathBuf::from("/nonexistent/dyad/x.txt")], None, None).collect();
        assert_eq!(out.len(), 1);
        assert!(matches!(&out[0], Err(Reject { reason: RejectReason::Io(_), .. })));
    }
}
