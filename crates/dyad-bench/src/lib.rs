//! Fixed benchmark input for dyad's per-stage criterion benches (`benches/stages.rs`).
//!
//! The input is `data/news.txt`: seven short wire stories written for this crate (diplomacy,
//! protests, attacks, talks, accusations), each with a dateline and paragraphs, separated by lines
//! holding only `####`. It is compiled in, so the benches never read files at run time and the
//! figures in BENCHMARKS.md always refer to the same bytes.
//!
//! [`Fixture::new`] runs each stage once up front and keeps its output, so that each bench can time
//! one stage alone on the real output of the stages before it (the tagger on real token spans, the
//! parser on real tags, the coder on real documents).

use chrono::NaiveDate;
use dyad_nlp::parser::{ParseInput, ParserScratch};
use dyad_nlp::pipeline::{Pipeline, PipelineScratch};
use dyad_nlp::tagger::TaggerScratch;
use dyad_nlp::{Document, Upos, Xpos};
use dyad_text::{Segmentation, Span};

/// The benchmark text, all stories.
pub const NEWS: &str = include_str!("../data/news.txt");

/// The line that separates two stories in [`NEWS`].
const STORY_SEPARATOR: &str = "\n####\n";

/// The article date used when a story's dateline gives none (all of ours do; this keeps the coder
/// bench running if the dateline recogniser changes).
pub fn fallback_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2010, 6, 15).unwrap_or_default()
}

/// The stories of [`NEWS`], each trimmed of surrounding blank lines.
pub fn stories() -> Vec<&'static str> {
    NEWS.split(STORY_SEPARATOR).map(str::trim).filter(|s| !s.is_empty()).collect()
}

/// One sentence after segmentation and tagging: the input of the lemmatizer and the parser.
#[derive(Debug, Clone)]
pub struct TaggedSentence {
    /// Index into [`Fixture::stories`].
    pub story: usize,
    pub spans: Vec<Span>,
    pub upos: Vec<Upos>,
    pub xpos: Vec<Xpos>,
}

impl TaggedSentence {
    /// The parser input for this sentence.
    pub fn parse_input<'a>(&'a self, text: &'a str) -> ParseInput<'a> {
        ParseInput { text, spans: &self.spans, upos: &self.upos, xpos: &self.xpos }
    }
}

/// A story analysed by the whole pipeline, with the date the coder should use.
#[derive(Debug, Clone)]
pub struct AnalysedStory {
    pub doc: Document,
    pub date: NaiveDate,
}

/// Every stage's output on [`NEWS`], computed once with the embedded models.
#[derive(Debug)]
pub struct Fixture {
    pub pipeline: &'static Pipeline,
    pub stories: Vec<&'static str>,
    pub sentences: Vec<TaggedSentence>,
    pub documents: Vec<AnalysedStory>,
    /// Bytes of all stories.
    pub bytes: u64,
    /// Tokens (syntactic words) the segmenter finds in all stories; datelines are not tokens.
    pub tokens: u64,
}

impl Fixture {
    /// Loads the embedded models and runs segmenter, tagger and pipeline over every story.
    pub fn new() -> Fixture {
        let pipeline = Pipeline::embedded();
        let stories = stories();
        let mut seg = Segmentation::default();
        let mut tag = TaggerScratch::default();
        let mut sentences = Vec::new();
        for (story, text) in stories.iter().enumerate() {
            pipeline.segmenter().segment_into(text, &mut seg);
            for sb in &seg.sentences {
                let spans: Vec<Span> = seg.sentence_tokens(sb).iter().map(|t| t.span).collect();
                if spans.is_empty() {
                    continue;
                }
                let (mut upos, mut xpos) = (Vec::new(), Vec::new());
                pipeline.tagger().tag(text, &spans, &mut tag, &mut upos, &mut xpos);
                sentences.push(TaggedSentence { story, spans, upos, xpos });
            }
        }
        let mut scratch = PipelineScratch::default();
        let documents = stories
            .iter()
            .map(|text| {
                let mut doc = Document::default();
                pipeline.analyze_into(text, &mut scratch, &mut doc);
                let date = doc.dateline.as_ref().and_then(|d| d.date).unwrap_or_else(fallback_date);
                AnalysedStory { doc, date }
            })
            .collect();
        let bytes = stories.iter().map(|s| s.len() as u64).sum();
        let tokens = sentences.iter().map(|s| s.spans.len() as u64).sum();
        Fixture { pipeline, stories, sentences, documents, bytes, tokens }
    }

    /// Sentences the pipeline finds in all stories.
    pub fn sentence_count(&self) -> u64 {
        self.documents.iter().map(|d| d.doc.sentences.len() as u64).sum()
    }

    /// Runs the segmenter over every story; returns the token count so the work is not optimised
    /// away.
    pub fn run_segment(&self, seg: &mut Segmentation) -> usize {
        let mut n = 0;
        for text in &self.stories {
            self.pipeline.segmenter().segment_into(text, seg);
            n += seg.tokens.len();
        }
        n
    }

    /// Tags every sentence from its token spans.
    pub fn run_tag(&self, scratch: &mut TaggerScratch, upos: &mut Vec<Upos>, xpos: &mut Vec<Xpos>) -> usize {
        let mut n = 0;
        for s in &self.sentences {
            self.pipeline.tagger().tag(self.stories[s.story], &s.spans, scratch, upos, xpos);
            n += upos.len();
        }
        n
    }

    /// Lemmatizes every word from its form and tags; returns the number of non-empty lemmas.
    pub fn run_lemmatize(&self, out: &mut String) -> usize {
        let mut n = 0;
        for s in &self.sentences {
            let text = self.stories[s.story];
            for ((span, &xpos), &upos) in s.spans.iter().zip(&s.xpos).zip(&s.upos) {
                out.clear();
                self.pipeline.lemmatizer().lemma_into(span.slice(text), xpos, upos, out);
                n += usize::from(!out.is_empty());
            }
        }
        n
    }

    /// Parses every sentence from its spans and tags.
    pub fn run_parse(
        &self,
        scratch: &mut ParserScratch,
        heads: &mut Vec<u32>,
        rels: &mut Vec<dyad_nlp::DepRel>,
    ) -> usize {
        let mut n = 0;
        for s in &self.sentences {
            self.pipeline.parser().parse(&s.parse_input(self.stories[s.story]), scratch, heads, rels);
            n += heads.len();
        }
        n
    }

    /// Runs the whole language pipeline (segment, tag, parse, lemmatize) over every story.
    pub fn run_analyze(&self, scratch: &mut PipelineScratch, doc: &mut Document) -> usize {
        let mut n = 0;
        for text in &self.stories {
            self.pipeline.analyze_into(text, scratch, doc);
            n += doc.words.len();
        }
        n
    }
}

impl Default for Fixture {
    fn default() -> Self {
        Fixture::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stories_are_split_and_each_has_a_dated_dateline() {
        let fx = Fixture::new();
        assert_eq!(fx.stories.len(), 7);
        for (story, text) in fx.documents.iter().zip(&fx.stories) {
            let dateline = story.doc.dateline.as_ref();
            assert!(dateline.and_then(|d| d.date).is_some(), "no dated dateline in: {}", &text[..40]);
        }
    }

    #[test]
    fn the_fixture_has_the_size_the_benchmarks_report() {
        let fx = Fixture::new();
        let sentences = fx.sentence_count();
        // BENCHMARKS.md describes the input as 60 to 100 sentences of about 1,260 tokens.
        assert!((60..=100).contains(&sentences), "{sentences} sentences");
        assert!((1_100..=1_800).contains(&fx.tokens), "{} tokens", fx.tokens);
        assert_eq!(fx.sentences.len() as u64, sentences, "tagged sentences and analysed sentences differ");
        for s in &fx.sentences {
            assert_eq!(s.spans.len(), s.upos.len());
            assert_eq!(s.spans.len(), s.xpos.len());
        }
    }

    #[test]
    fn each_stage_runner_covers_every_token() {
        let fx = Fixture::new();
        let mut seg = Segmentation::default();
        assert_eq!(fx.run_segment(&mut seg) as u64, fx.tokens);
        let (mut tag, mut upos, mut xpos) = (TaggerScratch::default(), Vec::new(), Vec::new());
        assert_eq!(fx.run_tag(&mut tag, &mut upos, &mut xpos) as u64, fx.tokens);
        let (mut parse, mut heads, mut rels) = (ParserScratch::default(), Vec::new(), Vec::new());
        assert_eq!(fx.run_parse(&mut parse, &mut heads, &mut rels) as u64, fx.tokens);
        let (mut scratch, mut doc) = (PipelineScratch::default(), Document::default());
        assert_eq!(fx.run_analyze(&mut scratch, &mut doc) as u64, fx.tokens);
        let mut lemma = String::new();
        assert_eq!(fx.run_lemmatize(&mut lemma) as u64, fx.tokens, "some lemma is empty");
    }

    #[test]
    fn the_coder_bench_codes_events_in_most_stories() {
        // The coder bench should time real matches, not a coder that finds nothing to do.
        let fx = Fixture::new();
        let coder =
            dyad_coder::Coder::new(dyad_dict::Dictionaries::embedded(), dyad_coder::CoderConfig::default());
        let mut scratch = dyad_coder::CoderScratch::default();
        let counts: Vec<usize> =
            fx.documents.iter().map(|s| coder.code_document(&s.doc, s.date, &mut scratch).len()).collect();
        let with_events = counts.iter().filter(|&&n| n > 0).count();
        assert!(with_events >= 5, "events per story: {counts:?}");
        assert!(counts.iter().sum::<usize>() >= 20, "events per story: {counts:?}");
    }
}
