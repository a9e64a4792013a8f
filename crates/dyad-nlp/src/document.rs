//! The analysed document: sentences of words with spans, lemmas, tags and dependency arcs.
//!
//! This is what the event coder sees. Words refer to the raw text by [`Span`]; lemmas live in one
//! string arena per document so that a word is a small `Copy` value.

use dyad_text::{Dateline, Span};

use crate::conllu::ConlluSentence;
use crate::tags::{DepRel, Upos, Xpos};

/// One syntactic word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Word {
    /// Where the word is in the raw text.
    pub span: Span,
    /// Where the lemma is in [`Document::lemma_arena`].
    pub lemma: (u32, u32),
    pub upos: Upos,
    pub xpos: Xpos,
    /// 0 for the sentence root, otherwise the 1-based index of the head within the sentence.
    pub head: u32,
    pub deprel: DepRel,
}

/// One sentence: a run of words and the text it covers.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Sentence {
    pub span: Span,
    /// Index range into [`Document::words`].
    pub words: std::ops::Range<u32>,
    /// Paragraph number (0-based); a sentence never crosses a paragraph break.
    pub paragraph: u32,
}

/// An analysed text.
#[derive(Debug, Clone, Default)]
pub struct Document {
    pub text: String,
    pub dateline: Option<Dateline>,
    pub sentences: Vec<Sentence>,
    pub words: Vec<Word>,
    pub lemma_arena: String,
}

impl Document {
    /// Clears the document for reuse, keeping its buffers.
    pub fn clear(&mut self) {
        self.text.clear();
        self.dateline = None;
        self.sentences.clear();
        self.words.clear();
        self.lemma_arena.clear();
    }

    /// The words of sentence `s`.
    pub fn sentence_words(&self, s: usize) -> &[Word] {
        let r = &self.sentences[s].words;
        &self.words[r.start as usize..r.end as usize]
    }

    /// The surface form of a word as it stands in the raw text.
    pub fn form(&self, w: &Word) -> &str {
        w.span.slice(&self.text)
    }

    pub fn lemma(&self, w: &Word) -> &str {
        self.lemma_arena.get(w.lemma.0 as usize..w.lemma.1 as usize).unwrap_or("")
    }

    /// The text of sentence `s`.
    pub fn sentence_text(&self, s: usize) -> &str {
        self.sentences[s].span.slice(&self.text)
    }

    /// Appends a lemma to the arena and returns its range.
    pub fn push_lemma(&mut self, lemma: &str) -> (u32, u32) {
        let start = self.lemma_arena.len() as u32;
        self.lemma_arena.push_str(lemma);
        (start, self.lemma_arena.len() as u32)
    }

    /// Builds a document from gold CoNLL-U sentences (tests, evaluation with gold parses).
    ///
    /// The text is the words joined by single spaces (or none where `SpaceAfter=No`), one
    /// sentence per line, so every word's span is exact.
    pub fn from_conllu(sentences: &[ConlluSentence]) -> Document {
        let mut doc = Document::default();
        for (si, s) in sentences.iter().enumerate() {
            if si > 0 {
                doc.text.push('\n');
            }
            let sent_start = doc.text.len();
            let first = doc.words.len() as u32;
            for (i, w) in s.words.iter().enumerate() {
                let start = doc.text.len();
                doc.text.push_str(&w.form);
                let span = Span::new(start, doc.text.len());
                if !w.no_space_after && i + 1 < s.words.len() {
                    doc.text.push(' ');
                }
                let lemma = doc.push_lemma(&w.lemma);
                doc.words.push(Word {
                    span,
                    lemma,
                    upos: w.upos,
                    xpos: w.xpos,
                    head: w.head,
                    deprel: w.deprel,
                });
            }
            let end = doc.text.trim_end().len().max(sent_start);
            doc.sentences.push(Sentence {
                span: Span::new(sent_start, end),
                words: first..doc.words.len() as u32,
                paragraph: si as u32,
            });
        }
        doc
    }

    /// Writes the document as CoNLL-U, one block per sentence, with `# text` and span comments.
    pub fn write_conllu(&self, out: &mut String) {
        self.write_conllu_at(out, 0, 1);
    }

    /// Writes the sentences as [`Document::write_conllu`] does, for a document that is one part
    /// of a larger text: token ranges are shifted by `offset`, the part's byte offset in the
    /// whole, and sentence ids count from `first_id`.
    pub fn write_conllu_at(&self, out: &mut String, offset: usize, first_id: usize) {
        use std::fmt::Write;
        for si in 0..self.sentences.len() {
            let _ = writeln!(out, "# sent_id = {}", si + first_id);
            let _ = writeln!(out, "# text = {}", self.sentence_text(si).replace('\n', " "));
            let words = self.sentence_words(si);
            for (i, w) in words.iter().enumerate() {
                // Written field by field: this runs once per token of every parsed text.
                let no_space = words.get(i + 1).map(|n| n.span.start) == Some(w.span.end);
                let _ = write!(
                    out,
                    "{}\t{}\t{}\t{}\t{}\t_\t{}\t{}\t_\t",
                    i + 1,
                    self.form(w),
                    self.lemma(w),
                    w.upos,
                    w.xpos,
                    w.head,
                    w.deprel
                );
                if no_space {
                    out.push_str("SpaceAfter=No|");
                }
                let (start, end) = (w.span.start as usize + offset, w.span.end as usize + offset);
                let _ = writeln!(out, "TokenRange={start}:{end}");
            }
            out.push('\n');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conllu;

    #[test]
    fn conllu_round_trip_keeps_spans() {
        let text = "1\tIraq\tIraq\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n2\turged\turge\tVERB\tVBD\t_\t0\troot\t_\t_\n3\tcalm\tcalm\tNOUN\tNN\t_\t2\tobj\t_\tSpaceAfter=No\n4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n";
        let s = conllu::parse(text).unwrap();
        let doc = Document::from_conllu(&s);
        assert_eq!(doc.text, "Iraq urged calm.");
        assert_eq!(doc.form(&doc.words[1]), "urged");
        assert_eq!(doc.lemma(&doc.words[1]), "urge");
        let mut out = String::new();
        doc.write_conllu(&mut out);
        let again = conllu::parse(&out).unwrap();
        let mut expected = s[0].words.to_vec();
        for w in &mut expected {
            w.no_space_after = w.form == "calm";
        }
        assert_eq!(again[0].words, expected);
    }
}
