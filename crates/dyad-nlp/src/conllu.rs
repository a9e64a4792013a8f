//! Reading and writing CoNLL-U (the Universal Dependencies file format).
//!
//! The reader keeps syntactic words only: multi-word token ranges (`3-4`) and empty nodes (`5.1`)
//! are skipped, which is what taggers and parsers are trained and scored on.

use crate::tags::{DepRel, Upos, Xpos};

/// One syntactic word of a CoNLL-U sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct ConlluWord {
    pub form: String,
    pub lemma: String,
    pub upos: Upos,
    pub xpos: Xpos,
    /// Head index: 0 for the root, otherwise the 1-based index of the head word.
    pub head: u32,
    pub deprel: DepRel,
    /// Whether the MISC column says `SpaceAfter=No`.
    pub no_space_after: bool,
}

/// One sentence of a CoNLL-U file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ConlluSentence {
    pub sent_id: Option<String>,
    pub text: Option<String>,
    pub words: Vec<ConlluWord>,
}

/// A malformed CoNLL-U line.
#[derive(Debug, thiserror::Error)]
#[error("line {line}: {problem}")]
pub struct ConlluError {
    pub line: usize,
    pub problem: String,
}

/// Parses a whole CoNLL-U text into sentences.
pub fn parse(text: &str) -> Result<Vec<ConlluSentence>, ConlluError> {
    let mut out = Vec::new();
    let mut cur = ConlluSentence::default();
    for (i, raw) in text.lines().enumerate() {
        let line_no = i + 1;
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !cur.words.is_empty() {
                out.push(std::mem::take(&mut cur));
            } else {
                cur = ConlluSentence::default();
            }
            continue;
        }
        if let Some(comment) = line.strip_prefix('#') {
            let comment = comment.trim();
            if let Some(v) = comment.strip_prefix("sent_id =") {
                cur.sent_id = Some(v.trim().to_string());
            } else if let Some(v) = comment.strip_prefix("text =") {
                cur.text = Some(v.trim().to_string());
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(ConlluError {
                line: line_no,
                problem: format!("expected 10 tab-separated columns, found {}", cols.len()),
            });
        }
        if cols[0].contains('-') || cols[0].contains('.') {
            continue;
        }
        let id: u32 = cols[0]
            .parse()
            .map_err(|_| ConlluError { line: line_no, problem: format!("bad word id {:?}", cols[0]) })?;
        if id as usize != cur.words.len() + 1 {
            return Err(ConlluError { line: line_no, problem: format!("word id {id} out of sequence") });
        }
        let head: u32 = if cols[6] == "_" {
            0
        } else {
            cols[6]
                .parse()
                .map_err(|_| ConlluError { line: line_no, problem: format!("bad head {:?}", cols[6]) })?
        };
        cur.words.push(ConlluWord {
            form: cols[1].to_string(),
            lemma: cols[2].to_string(),
            upos: Upos::from_name_lossy(cols[3]),
            xpos: Xpos::from_name_lossy(cols[4]),
            head,
            deprel: DepRel::from_name_lossy(cols[7]),
            no_space_after: cols[9].split('|').any(|m| m == "SpaceAfter=No"),
        });
    }
    if !cur.words.is_empty() {
        out.push(cur);
    }
    for s in &out {
        let n = s.words.len() as u32;
        if let Some(w) = s.words.iter().find(|w| w.head > n) {
            return Err(ConlluError {
                line: 0,
                problem: format!("sentence {:?}: head {} beyond sentence length {n}", s.sent_id, w.head),
            });
        }
    }
    Ok(out)
}

impl ConlluSentence {
    /// The words joined by single spaces, with each word's span: the layout training and
    /// evaluation give gold-tokenized sentences.
    pub fn layout(&self) -> (String, Vec<dyad_text::Span>) {
        let mut text = String::new();
        let mut spans = Vec::with_capacity(self.words.len());
        for w in &self.words {
            if !text.is_empty() {
                text.push(' ');
            }
            let start = text.len();
            text.push_str(&w.form);
            spans.push(dyad_text::Span::new(start, text.len()));
        }
        (text, spans)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_words_and_skips_ranges() {
        let text = "# sent_id = a\n# text = I don't.\n1\tI\tI\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n2\tdo\tdo\tAUX\tVBP\t_\t3\taux\t_\t_\n3\tn't\tnot\tPART\tRB\t_\t0\troot\t_\tSpaceAfter=No\n4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n";
        let s = parse(text).unwrap();
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].words.len(), 4);
        assert_eq!(s[0].words[2].deprel, DepRel::ROOT);
        assert!(s[0].words[2].no_space_after);
        assert_eq!(s[0].sent_id.as_deref(), Some("a"));
    }

    #[test]
    fn rejects_short_rows() {
        let err = parse("1\tI\tI\n").unwrap_err();
        assert_eq!(err.line, 1);
    }
}
