//! Byte spans into the raw text of a document.

/// A half-open byte range `[start, end)` into the raw text of one document.
///
/// Offsets are `u32` so that a token is small; documents over 4 GiB are rejected by the readers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    /// Builds a span; `start` must not exceed `end`.
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span start after end");
        Span { start: start as u32, end: end as u32 }
    }

    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The text this span covers, or `None` when it does not fall on character boundaries of `text`.
    pub fn get(self, text: &str) -> Option<&str> {
        text.get(self.start as usize..self.end as usize)
    }

    /// The text this span covers; spans built by dyad always fall on character boundaries.
    pub fn slice(self, text: &str) -> &str {
        self.get(text).unwrap_or("")
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span { start: self.start.min(other.start), end: self.end.max(other.end) }
    }

    pub fn as_range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// Spans serialize as `[start, end]`, the form the JSON output documents.
impl serde::Serialize for Span {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeTuple;
        let mut t = s.serialize_tuple(2)?;
        t.serialize_element(&self.start)?;
        t.serialize_element(&self.end)?;
        t.end()
    }
}
