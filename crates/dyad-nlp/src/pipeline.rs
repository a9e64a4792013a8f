//! The analysis pipeline: segmenter, tagger, lemmatizer and parser joined into one call that turns
//! raw text into a [`Document`].
//!
//! The models are compiled into the binary and loaded once ([`Pipeline::embedded`]); everything a
//! call mutates lives in [`PipelineScratch`], one per thread.

use std::sync::{Arc, OnceLock};

use dyad_text::{Segmentation, Segmenter, SegmenterConfig, Span};

use crate::document::{Document, Sentence, Word};
use crate::lemma::Lemmatizer;
use crate::model::ModelError;
use crate::parser::{ParseInput, Parser, ParserScratch};
use crate::tagger::{Tagger, TaggerScratch};
use crate::tags::{DepRel, Upos, Xpos};
use crate::wordnet::WordNetLexicon;

static TAGGER_BYTES: &[u8] = include_bytes!("../models/tagger.bin");
static LEMMA_BYTES: &[u8] = include_bytes!("../models/lemma.bin");
static PARSER_BYTES: &[u8] = include_bytes!("../models/parser.bin");
pub(crate) static WORDNET_BYTES: &[u8] = include_bytes!("../models/wordnet.bin");

/// Segmenter, tagger, lemmatizer and parser, immutable and shared by all threads.
#[derive(Debug)]
pub struct Pipeline {
    segmenter: Segmenter,
    /// The same segmenter without dateline detection, for the later parts of a text analysed in
    /// pieces ([`Pipeline::analyze_continuation_into`]): a dateline only opens a story.
    continuation: Segmenter,
    tagger: Tagger,
    lemmatizer: Lemmatizer,
    parser: Parser,
    wordnet: Arc<WordNetLexicon>,
}

/// Per-thread buffers for [`Pipeline::analyze_into`].
#[derive(Debug, Default)]
pub struct PipelineScratch {
    seg: Segmentation,
    spans: Vec<Span>,
    tag: TaggerScratch,
    parse: ParserScratch,
    upos: Vec<Upos>,
    xpos: Vec<Xpos>,
    heads: Vec<u32>,
    rels: Vec<DepRel>,
    lemma: String,
}

impl PipelineScratch {
    /// The tags of the sentence [`Pipeline::annotate`] last worked on.
    pub fn tags(&self) -> (&[Upos], &[Xpos]) {
        (&self.upos, &self.xpos)
    }

    /// Its dependency tree: per word, the 1-based head (0 for the root) and the relation.
    pub fn tree(&self) -> (&[u32], &[DepRel]) {
        (&self.heads, &self.rels)
    }
}

impl Pipeline {
    /// Builds a pipeline from model bytes (as written by the trainers and by
    /// [`WordNetLexicon::build_from_dir`]).
    pub fn from_bytes(
        tagger: &[u8],
        wordnet: &[u8],
        lemma: &[u8],
        parser: &[u8],
    ) -> Result<Pipeline, ModelError> {
        let wordnet = Arc::new(WordNetLexicon::from_bytes(wordnet)?);
        Ok(Pipeline {
            segmenter: Segmenter::new(SegmenterConfig::default()),
            continuation: Segmenter::new(SegmenterConfig {
                detect_dateline: false,
                ..SegmenterConfig::default()
            }),
            tagger: Tagger::from_bytes(tagger)?.with_wordnet(wordnet.clone()),
            lemmatizer: Lemmatizer::from_bytes(lemma)?,
            parser: Parser::from_bytes(parser)?,
            wordnet,
        })
    }

    /// The pipeline with the models compiled into the binary, loaded on first use.
    pub fn embedded() -> &'static Pipeline {
        static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
        PIPELINE.get_or_init(|| {
            // The embedded models are checked by the test suite, so failing here means the binary
            // itself was built wrong; there is nothing a user could do about it.
            Pipeline::from_bytes(TAGGER_BYTES, WORDNET_BYTES, LEMMA_BYTES, PARSER_BYTES)
                .unwrap_or_else(|e| panic!("embedded models do not load: {e}"))
        })
    }

    pub fn segmenter(&self) -> &Segmenter {
        &self.segmenter
    }

    pub fn tagger(&self) -> &Tagger {
        &self.tagger
    }

    pub fn lemmatizer(&self) -> &Lemmatizer {
        &self.lemmatizer
    }

    pub fn parser(&self) -> &Parser {
        &self.parser
    }

    /// Analyses `text` into `doc`, reusing its buffers.
    pub fn analyze_into(&self, text: &str, scratch: &mut PipelineScratch, doc: &mut Document) {
        self.analyze_with(&self.segmenter, text, scratch, doc);
    }

    /// Analyses a later part of a text into `doc`, as [`Pipeline::analyze_into`] does but without
    /// looking for a dateline at its start. A text cut at blank lines (where no sentence runs
    /// across) and analysed part by part gives the sentences of the whole, with spans and
    /// paragraph numbers relative to each part.
    pub fn analyze_continuation_into(&self, text: &str, scratch: &mut PipelineScratch, doc: &mut Document) {
        self.analyze_with(&self.continuation, text, scratch, doc);
    }

    fn analyze_with(
        &self,
        segmenter: &Segmenter,
        text: &str,
        scratch: &mut PipelineScratch,
        doc: &mut Document,
    ) {
        doc.clear();
        doc.text.push_str(text);
        // The segmentation and the word spans are taken out of the scratch while `annotate`
        // borrows the rest of it, and put back at the end.
        let mut seg = std::mem::take(&mut scratch.seg);
        let mut spans = std::mem::take(&mut scratch.spans);
        segmenter.segment_into(text, &mut seg);
        doc.dateline = seg.dateline.clone();
        for sb in &seg.sentences {
            let toks = &seg.tokens[sb.tokens.start as usize..sb.tokens.end as usize];
            if toks.is_empty() {
                continue;
            }
            spans.clear();
            spans.extend(toks.iter().map(|t| t.span));
            self.annotate(text, &spans, scratch);
            let first = doc.words.len() as u32;
            for (i, span) in spans.iter().enumerate() {
                let (upos, xpos) = (scratch.upos[i], scratch.xpos[i]);
                self.lemma_into(span.slice(text), xpos, upos, &mut scratch.lemma);
                let lemma = doc.push_lemma(&scratch.lemma);
                doc.words.push(Word {
                    span: *span,
                    lemma,
                    upos,
                    xpos,
                    head: scratch.heads.get(i).copied().unwrap_or(0),
                    deprel: scratch.rels.get(i).copied().unwrap_or(DepRel::DEP),
                });
            }
            doc.sentences.push(Sentence {
                span: sb.span,
                words: first..doc.words.len() as u32,
                paragraph: sb.paragraph,
            });
        }
        scratch.seg = seg;
        scratch.spans = spans;
    }

    /// Tags one sentence given as word spans of `text`, repairs the tags ([`repair_tags`]) and
    /// parses it, leaving the results in `scratch` ([`PipelineScratch::tags`],
    /// [`PipelineScratch::tree`]): what [`Pipeline::analyze_into`] does after segmenting, and
    /// what `dyad parse --score` runs on gold tokens.
    ///
    /// [`repair_tags`]: crate::tagger::repair_tags
    pub fn annotate(&self, text: &str, spans: &[Span], scratch: &mut PipelineScratch) {
        let PipelineScratch { tag, parse, upos, xpos, heads, rels, .. } = scratch;
        self.tagger.tag(text, spans, tag, upos, xpos);
        crate::tagger::repair_tags(spans.iter().map(|s| s.slice(text)), upos, xpos);
        let input = ParseInput { text, spans, upos, xpos };
        self.parser.parse(&input, parse, heads, rels);
    }

    /// The lemma of `form` tagged `xpos`/`upos` into `out` (cleared first): the lemmatizer's, or
    /// the stem WordNet's suffix rules reach when the lemmatizer's is no WordNet lemma (its own
    /// suffix rules guess at words the treebank never saw).
    pub fn lemma_into(&self, form: &str, xpos: Xpos, upos: Upos, out: &mut String) {
        out.clear();
        self.lemmatizer.lemma_into(form, xpos, upos, out);
        self.wordnet.mend_lemma(form, xpos, out);
    }

    /// Analyses `text` into a new document.
    pub fn analyze(&self, text: &str) -> Document {
        let mut doc = Document::default();
        self.analyze_into(text, &mut PipelineScratch::default(), &mut doc);
        doc
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_models_stay_within_their_size_budget() {
        // Issue 2 budgets all models together at 20 MB.
        let total = TAGGER_BYTES.len() + WORDNET_BYTES.len() + LEMMA_BYTES.len() + PARSER_BYTES.len();
        assert!(total < 20_000_000, "{total} bytes");
    }

    fn tags_and_lemmas(p: &Pipeline, text: &str) -> Vec<(String, &'static str, String)> {
        let doc = p.analyze(text);
        doc.words
            .iter()
            .map(|w| (w.span.slice(&doc.text).to_string(), w.xpos.as_str(), doc.lemma(w).to_string()))
            .collect()
    }

    #[test]
    fn words_the_treebank_never_saw_get_tags_and_lemmas_wordnet_allows() {
        let with = Pipeline::embedded();
        // The same models, but a tagger that does not consult WordNet.
        let without = Pipeline {
            segmenter: Segmenter::new(SegmenterConfig::default()),
            continuation: Segmenter::new(SegmenterConfig::default()),
            tagger: Tagger::from_bytes(TAGGER_BYTES).unwrap(),
            lemmatizer: Lemmatizer::from_bytes(LEMMA_BYTES).unwrap(),
            parser: Parser::from_bytes(PARSER_BYTES).unwrap(),
            wordnet: Arc::new(WordNetLexicon::from_bytes(WORDNET_BYTES).unwrap()),
        };
        // Sentences of EWT test with words its train part never has: from their suffixes alone
        // the tagger takes "invests" for a plural noun and "militiamen" for a number.
        let find = |t: &[(String, &'static str, String)], w: &str| {
            t.iter().find(|x| x.0 == w).map(|x| (x.1, x.2.clone())).unwrap()
        };
        let text =
            "em ... no ... the Gates foundation mainly invests in medical research and education, that \
                    means donating now adds a tremendous value compared to donating in ten years.";
        assert_eq!(find(&tags_and_lemmas(&without, text), "invests").0, "NNS");
        assert_eq!(find(&tags_and_lemmas(with, text), "invests"), ("VBZ", "invest".into()));
        let text =
            "The convergence of views has been seen before, last spring during the initial US assault \
                    on Fallujah and during the US attack on Mahdi Army militiamen in Najaf.";
        assert_eq!(find(&tags_and_lemmas(&without, text), "militiamen").0, "CD");
        assert_eq!(find(&tags_and_lemmas(with, text), "militiamen"), ("NNS", "militiaman".into()));
        let t = tags_and_lemmas(with, "Czechia upgraded its ties with Albania.");
        assert_eq!((t[1].1, t[1].2.as_str()), ("VBD", "upgrade"));
        // A known noun that starts a sentence, taken for an auxiliary from its position.
        let text = "Insurgents bombarded a government-held part of Syria's second city Aleppo overnight.";
        assert_eq!(tags_and_lemmas(&without, text)[0].1, "VB");
        assert_eq!(tags_and_lemmas(with, text)[0].1, "NNS");
        // Auxiliaries that WordNet knows only as nouns stay verbs there.
        assert_eq!(tags_and_lemmas(with, "May I ask a question?")[0].1, "MD");
    }
}
