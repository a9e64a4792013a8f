//! Text layer of dyad: byte spans, tokenization, dateline recognition and sentence splitting.
//!
//! Everything downstream refers back to the raw article text through [`Span`]s (byte offsets),
//! so evidence shown to a user can always be cut from the text they supplied.

mod abbrev;
mod chars;
mod dateline;
mod segmenter;
mod sentences;
mod span;
mod tokenize;

pub use segmenter::{Segmenter, SegmenterConfig};
pub use span::Span;

/// One token: a substring of the raw text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Token {
    pub span: Span,
}

/// A wire-story dateline ("TEHRAN, 9 August 2007 —", "WASHINGTON (Reuters) -").
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Dateline {
    /// The whole dateline, separator included.
    pub span: Span,
    /// The place as written ("TEHRAN"), if any.
    pub place: Option<String>,
    /// The date the dateline gives, if any.
    pub date: Option<chrono::NaiveDate>,
    /// The news source named in parentheses ("Reuters"), if any.
    pub source: Option<String>,
    /// Month and day (1-based) when the dateline gives them, even without a year ("March 3").
    pub month_day: Option<(u32, u32)>,
}

/// Where one sentence lies, in bytes and in tokens.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SentenceBounds {
    pub span: Span,
    /// Index range into [`Segmentation::tokens`].
    pub tokens: std::ops::Range<u32>,
    /// Paragraph number (0-based); blank lines separate paragraphs.
    pub paragraph: u32,
}

/// The result of segmenting one text; reusable across calls (cleared, not reallocated).
#[derive(Debug, Clone, Default)]
pub struct Segmentation {
    pub dateline: Option<Dateline>,
    pub tokens: Vec<Token>,
    pub sentences: Vec<SentenceBounds>,
}
