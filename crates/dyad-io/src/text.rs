//! The plain-text reader: one article per file, the whole file is the text.
//!
//! The id is the file stem; the date is left empty because the dateline is parsed later by the
//! text layer, and the caller's default date fills in what is still missing.

use std::path::Path;

use crate::record::{Origin, Record, Reject, RejectReason};

/// The byte-order mark some editors put at the start of UTF-8 files.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Reads one article from `bytes`; `file` names it in the record and in rejects.
///
/// Rejects empty or whitespace-only input, invalid UTF-8 (with the byte offset) and texts over
/// 4 GiB (spans are 32-bit).
pub fn read_text(bytes: &[u8], file: Option<&Path>) -> Result<Record, Reject> {
    let origin = Origin::new(file.map(Path::to_path_buf), None);
    let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => return Err(Reject::new(origin, RejectReason::InvalidUtf8(e.valid_up_to()))),
    };
    if text.trim().is_empty() {
        return Err(Reject::new(origin, RejectReason::Empty));
    }
    if u32::try_from(text.len()).is_err() {
        return Err(Reject::new(origin, RejectReason::TooLarge(text.len())));
    }
    let id = file
        .and_then(Path::file_stem)
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "stdin".to_string());
    let mut record = Record::new(id, text);
    record.origin = origin;
    Ok(record)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_file_with_its_stem_as_id() {
        let r = read_text(b"\xEF\xBB\xBFTEHRAN, Aug 9 - Iran said...\n", Some(Path::new("in/tehran.txt")))
            .unwrap();
        assert_eq!(r.id, "tehran");
        assert_eq!(r.text, "TEHRAN, Aug 9 - Iran said...\n");
        assert_eq!(r.date, None);
        assert_eq!(r.origin.to_string(), "in/tehran.txt");
    }

    #[test]
    fn rejects_empty_and_invalid_utf8() {
        let e = read_text(b" \n\t\n", Some(Path::new("empty.txt"))).unwrap_err();
        assert_eq!(e.to_string(), "empty.txt: empty file");
        let e = read_text(b"", Some(Path::new("empty.txt"))).unwrap_err();
        assert_eq!(e.reason, RejectReason::Empty);
        let e = read_text(b"abc\xFFdef", Some(Path::new("bad.txt"))).unwrap_err();
        assert_eq!(e.to_string(), "bad.txt: not valid UTF-8 at byte 3");
    }

    #[test]
    fn standard_input_is_named() {
        let r = read_text(b"text", None).unwrap();
        assert_eq!(r.id, "stdin");
        assert_eq!(read_text(b"", None).unwrap_err().to_string(), "<stdin>: empty file");
    }
}
