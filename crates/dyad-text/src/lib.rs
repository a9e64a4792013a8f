//! Text layer of dyad: byte spans, tokenization, dateline recognition and sentence splitting.
//!
//! Everything downstream refers back to the raw article text through [`Span`]s (byte offsets),
//! so evidence shown to a user can always be cut from the text they supplied.
//!
//! [`Segmenter`] turns a text into a [`Segmentation`]: the wire-story [`Dateline`] if there is one,
//! the tokens (English-EWT syntactic words, so "don't" is "do" + "n't", each a substring of the
//! text), and the sentences with their paragraph numbers. It is a byte-level scanner without
//! regular expressions that allocates nothing per token once the output buffers have grown.
//!
//! ```
//! use dyad_text::Segmenter;
//! let text = "TEHRAN, 9 August 2007 \u{2014} Iraq's premier held talks. He left.";
//! let seg = Segmenter::default().segment(text);
//! assert_eq!(seg.dateline.as_ref().and_then(|d| d.place.as_deref()), Some("TEHRAN"));
//! let first: Vec<&str> = seg.sentence_tokens(&seg.sentences[0]).iter().map(|t| t.span.slice(text)).collect();
//! assert_eq!(first, ["Iraq", "'s", "premier", "held", "talks", "."]);
//! assert_eq!(seg.sentences.len(), 2);
//! ```

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
///
/// A recognised dateline is not part of `tokens` (nor of any sentence); tokens before it (a
/// headline) and after it are. `sentences` partition `tokens` in order.
#[derive(Debug, Clone, Default)]
pub struct Segmentation {
    pub dateline: Option<Dateline>,
    pub tokens: Vec<Token>,
    pub sentences: Vec<SentenceBounds>,
}

impl Segmentation {
    /// The tokens of one sentence.
    pub fn sentence_tokens(&self, sentence: &SentenceBounds) -> &[Token] {
        self.tokens.get(sentence.tokens.start as usize..sentence.tokens.end as usize).unwrap_or(&[])
    }
}
