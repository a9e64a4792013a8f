//! The analysis pipeline: segmenter, tagger, lemmatizer and parser joined into one call that turns
//! raw text into a [`Document`].
//!
//! The models are compiled into the binary and loaded once ([`Pipeline::embedded`]); everything a
//! call mutates lives in [`PipelineScratch`], one per thread.

use std::sync::OnceLock;

use dyad_text::{Segmentation, Segmenter, SegmenterConfig, Span};

use crate::document::{Document, Sentence, Word};
use crate::lemma::Lemmatizer;
use crate::model::ModelError;
use crate::parser::{ParseInput, Parser, ParserScratch};
use crate::tagger::{Tagger, TaggerScratch};
use crate::tags::{DepRel, Upos, Xpos};

static TAGGER_BYTES: &[u8] = include_bytes!("../models/tagger.bin");
static LEMMA_BYTES: &[u8] = include_bytes!("../models/lemma.bin");
static PARSER_BYTES: &[u8] = include_bytes!("../models/parser.bin");

/// Segmenter, tagger, lemmatizer and parser, immutable and shared by all threads.
#[derive(Debug)]
pub struct Pipeline {
    segmenter: Segmenter,
    tagger: Tagger,
    lemmatizer: Lemmatizer,
    parser: Parser,
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

impl Pipeline {
    /// Builds a pipeline from model bytes (as written by the trainers).
    pub fn from_bytes(tagger: &[u8], lemma: &[u8], parser: &[u8]) -> Result<Pipeline, ModelError> {
        Ok(Pipeline {
            segmenter: Segmenter::new(SegmenterConfig::default()),
            tagger: Tagger::from_bytes(tagger)?,
            lemmatizer: Lemmatizer::from_bytes(lemma)?,
            parser: Parser::from_bytes(parser)?,
        })
    }

    /// The pipeline with the models compiled into the binary, loaded on first use.
    pub fn embedded() -> &'static Pipeline {
        static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
        PIPELINE.get_or_init(|| {
            // The embedded models are checked by the test suite, so failing here means the binary
            // itself was built wrong; there is nothing a user could do about it.
            Pipeline::from_bytes(TAGGER_BYTES, LEMMA_BYTES, PARSER_BYTES)
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
        doc.clear();
        doc.text.push_str(text);
        self.segmenter.segment_into(text, &mut scratch.seg);
        doc.dateline = scratch.seg.dateline.clone();
        for sb in &scratch.seg.sentences {
            let toks = &scratch.seg.tokens[sb.tokens.start as usize..sb.tokens.end as usize];
            if toks.is_empty() {
                continue;
            }
            scratch.spans.clear();
            scratch.spans.extend(toks.iter().map(|t| t.span));
            self.tagger.tag(text, &scratch.spans, &mut scratch.tag, &mut scratch.upos, &mut scratch.xpos);
            crate::tagger::repair_particle_verb(&mut scratch.upos, &mut scratch.xpos);
            let input = ParseInput { text, spans: &scratch.spans, upos: &scratch.upos, xpos: &scratch.xpos };
            self.parser.parse(&input, &mut scratch.parse, &mut scratch.heads, &mut scratch.rels);
            let first = doc.words.len() as u32;
            for (i, span) in scratch.spans.iter().enumerate() {
                scratch.lemma.clear();
                let (upos, xpos) = (scratch.upos[i], scratch.xpos[i]);
                self.lemmatizer.lemma_into(span.slice(text), xpos, upos, &mut scratch.lemma);
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
    }

    /// Analyses `text` into a new document.
    pub fn analyze(&self, text: &str) -> Document {
        let mut doc = Document::default();
        self.analyze_into(text, &mut PipelineScratch::default(), &mut doc);
        doc
    }
}
