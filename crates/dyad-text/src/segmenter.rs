//! The `Segmenter`: one pass over a text that fills a [`Segmentation`] with dateline, tokens and sentences.

use crate::{Segmentation, SentenceBounds, Span, Token};

/// Options for [`Segmenter`].
#[derive(Debug, Clone)]
pub struct SegmenterConfig {
    /// Recognise a wire-story dateline at the start of the text and keep it out of the sentences.
    pub detect_dateline: bool,
}

impl Default for SegmenterConfig {
    fn default() -> Self {
        SegmenterConfig { detect_dateline: true }
    }
}

/// Splits raw text into tokens and sentences; immutable and cheap to share between threads.
#[derive(Debug, Clone, Default)]
pub struct Segmenter {
    config: SegmenterConfig,
}

impl Segmenter {
    pub fn new(config: SegmenterConfig) -> Self {
        Segmenter { config }
    }

    /// The options this segmenter was built with.
    pub fn config(&self) -> &SegmenterConfig {
        &self.config
    }

    /// Clears `out` and fills it with the segmentation of `text`, reusing its buffers.
    pub fn segment_into(&self, text: &str, out: &mut Segmentation) {
        out.dateline = None;
        out.tokens.clear();
        out.sentences.clear();
        // Placeholder: whitespace tokens, one sentence per text.
        let mut start = None;
        for (i, c) in text.char_indices() {
            if c.is_whitespace() {
                if let Some(s) = start.take() {
                    out.tokens.push(Token { span: Span::new(s, i) });
                }
            } else if start.is_none() {
                start = Some(i);
            }
        }
        if let Some(s) = start {
            out.tokens.push(Token { span: Span::new(s, text.len()) });
        }
        if let (Some(first), Some(last)) = (out.tokens.first(), out.tokens.last()) {
            out.sentences.push(SentenceBounds {
                span: first.span.cover(last.span),
                tokens: 0..out.tokens.len() as u32,
                paragraph: 0,
            });
        }
    }

    /// Segments `text` into a fresh [`Segmentation`].
    pub fn segment(&self, text: &str) -> Segmentation {
        let mut out = Segmentation::default();
        self.segment_into(text, &mut out);
        out
    }
}
