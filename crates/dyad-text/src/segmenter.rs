//! The [`Segmenter`]: one pass over a text that fills a [`Segmentation`] with its dateline, tokens and
//! sentences.
//!
//! The dateline, when one is recognised, is kept out of `tokens` (and so out of every sentence): it is
//! metadata about the story, returned as [`crate::Dateline`], and a tagger or event coder reading it as
//! the start of the first sentence would only be misled. Tokens before it (a headline) and after it
//! are kept.

use crate::{dateline, sentences, tokenize, Segmentation};

/// Options for [`Segmenter`].
#[derive(Debug, Clone)]
pub struct SegmenterConfig {
    /// Recognise a wire-story dateline at the start of the text and keep it out of the tokens.
    pub detect_dateline: bool,
    /// End a sentence after a line that looks like a headline (capitals or title case, no final
    /// punctuation) even when no blank line follows it.
    pub detect_headlines: bool,
}

impl Default for SegmenterConfig {
    fn default() -> Self {
        SegmenterConfig { detect_dateline: true, detect_headlines: true }
    }
}

/// Splits raw text into tokens and sentences; immutable, cheap to clone and to share between threads.
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
    ///
    /// Texts of 4 GiB or more are cut at the last char boundary below 4 GiB, since spans are `u32`.
    pub fn segment_into(&self, text: &str, out: &mut Segmentation) {
        out.dateline = None;
        out.tokens.clear();
        out.sentences.clear();
        let mut limit = text.len().min(u32::MAX as usize);
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        let text = &text[..limit];
        if self.config.detect_dateline {
            out.dateline = dateline::detect(text);
        }
        match &out.dateline {
            Some(d) => {
                tokenize::tokenize(text, 0, d.span.start as usize, &mut out.tokens);
                tokenize::tokenize(text, d.span.end as usize, text.len(), &mut out.tokens);
            }
            None => tokenize::tokenize(text, 0, text.len(), &mut out.tokens),
        }
        sentences::split(text, &out.tokens, self.config.detect_headlines, &mut out.sentences);
    }

    /// Segments `text` into a fresh [`Segmentation`].
    pub fn segment(&self, text: &str) -> Segmentation {
        let mut out = Segmentation::default();
        self.segment_into(text, &mut out);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chars::is_space;

    /// The sentences of `text` as lists of token strings.
    fn sents(text: &str) -> Vec<Vec<&str>> {
        let seg = Segmenter::default().segment(text);
        check_invariants(text, &seg, true);
        seg.sentences
            .iter()
            .map(|s| {
                seg.tokens[s.tokens.start as usize..s.tokens.end as usize]
                    .iter()
                    .map(|t| t.span.slice(text))
                    .collect()
            })
            .collect()
    }

    /// Sentences as their text spans.
    fn sent_texts(text: &str) -> Vec<&str> {
        let seg = Segmenter::default().segment(text);
        check_invariants(text, &seg, true);
        seg.sentences.iter().map(|s| s.span.slice(text)).collect()
    }

    /// The properties every segmentation has, whatever the input.
    fn check_invariants(text: &str, seg: &Segmentation, strict_cover: bool) {
        let mut prev_end = 0usize;
        for t in &seg.tokens {
            let (a, b) = (t.span.start as usize, t.span.end as usize);
            assert!(a < b, "empty token at {a} in {text:?}");
            assert!(a >= prev_end, "overlapping or unordered token at {a} in {text:?}");
            assert!(
                text.is_char_boundary(a) && text.is_char_boundary(b),
                "token off char boundary in {text:?}"
            );
            // Everything between tokens is whitespace, except the dateline.
            let gap = &text[prev_end..a];
            if strict_cover {
                let in_dateline = |i: usize| {
                    seg.dateline
                        .as_ref()
                        .is_some_and(|d| (d.span.start as usize..d.span.end as usize).contains(&i))
                };
                for (k, c) in gap.char_indices() {
                    assert!(
                        is_space(c) || in_dateline(prev_end + k),
                        "uncovered {c:?} at {} in {text:?}",
                        prev_end + k
                    );
                }
            }
            prev_end = b;
        }
        if strict_cover {
            let tail_start = seg.dateline.as_ref().map_or(prev_end, |d| prev_end.max(d.span.end as usize));
            assert!(text[tail_start..].chars().all(is_space), "uncovered tail in {text:?}");
        }
        // Sentences partition the tokens, in order, without empty sentences.
        let mut next = 0u32;
        let mut para = 0u32;
        for s in &seg.sentences {
            assert_eq!(s.tokens.start, next, "sentences do not partition tokens in {text:?}");
            assert!(s.tokens.end > s.tokens.start, "empty sentence in {text:?}");
            assert!(s.paragraph >= para, "paragraph numbers go back in {text:?}");
            para = s.paragraph;
            let first = seg.tokens[s.tokens.start as usize].span;
            let last = seg.tokens[s.tokens.end as usize - 1].span;
            assert_eq!(s.span, first.cover(last));
            next = s.tokens.end;
        }
        assert_eq!(next as usize, seg.tokens.len(), "tokens left outside sentences in {text:?}");
        if let Some(d) = &seg.dateline {
            assert!(d.span.get(text).is_some());
            for t in &seg.tokens {
                assert!(
                    t.span.end <= d.span.start || t.span.start >= d.span.end,
                    "token inside dateline in {text:?}"
                );
            }
        }
    }

    #[test]
    fn dateline_is_kept_out_of_the_first_sentence() {
        let text = "TEHRAN, 9 August 2007 \u{2014} Iraqi Prime Minister Nuri Al-Maliki held talks in Iran yesterday. He left.";
        let seg = Segmenter::default().segment(text);
        let d = seg.dateline.as_ref().map(|d| (d.place.as_deref(), d.date));
        assert_eq!(d, Some((Some("TEHRAN"), chrono::NaiveDate::from_ymd_opt(2007, 8, 9))));
        assert_eq!(sents(text)[0][..3], ["Iraqi", "Prime", "Minister"]);
        assert_eq!(sents(text).len(), 2);

        let text = "WASHINGTON (Reuters) - The United States said on Monday it would talk.";
        assert_eq!(sents(text)[0][0], "The");
        let text = "BAGHDAD, Aug. 9, 2007 (AFP) -- Gunmen killed five people.";
        assert_eq!(sents(text)[0][0], "Gunmen");
        let text = "LONDON \u{2014} Britain said.";
        assert_eq!(sents(text), [["Britain", "said", "."]]);

        // Without detection, the dateline is ordinary text.
        let seg =
            Segmenter::new(SegmenterConfig { detect_dateline: false, ..Default::default() }).segment(text);
        assert!(seg.dateline.is_none());
        assert_eq!(seg.tokens[0].span.slice(text), "LONDON");
    }

    #[test]
    fn abbreviations_and_initials_do_not_split() {
        assert_eq!(
            sent_texts(
                "Mr. Bush met Gen. Petraeus and Sen. John McCain on Aug. 9 in Washington. They talked."
            ),
            ["Mr. Bush met Gen. Petraeus and Sen. John McCain on Aug. 9 in Washington.", "They talked."]
        );
        assert_eq!(
            sent_texts("President George W. Bush spoke. Lt. Col. Smith left."),
            ["President George W. Bush spoke.", "Lt. Col. Smith left."]
        );
        assert_eq!(
            sent_texts("The U.S. Army and the U.N. agreed. Acme Inc. and Foo Corp. fell 5.2 percent."),
            ["The U.S. Army and the U.N. agreed.", "Acme Inc. and Foo Corp. fell 5.2 percent."]
        );
        assert_eq!(
            sent_texts("Troops left the U.S. The talks ended."),
            ["Troops left the U.S.", "The talks ended."]
        );
        assert_eq!(sents("Troops left the U.S. The talks ended.")[0], ["Troops", "left", "the", "U.S."]);
        assert_eq!(
            sent_texts("They met at 10 a.m. (CDT) in the U.S.\n\nNext."),
            ["They met at 10 a.m. (CDT) in the U.S.", "Next."]
        );
        assert_eq!(
            sent_texts("Talks ended at 5 p.m. \u{201C}Nothing,\u{201D} he said."),
            ["Talks ended at 5 p.m.", "\u{201C}Nothing,\u{201D} he said."]
        );
        assert_eq!(
            sent_texts("Resolution No. 3 passed, vs. last year. Gov. Smith, Rep. Jones etc. agreed."),
            ["Resolution No. 3 passed, vs. last year.", "Gov. Smith, Rep. Jones etc. agreed."]
        );
        assert_eq!(
            sent_texts("They met in St. Louis at 5 p.m. Monday."),
            ["They met in St. Louis at 5 p.m. Monday."]
        );
    }

    #[test]
    fn quotes_parentheses_and_final_punctuation() {
        assert_eq!(
            sent_texts("\u{201C}We will talk,\u{201D} he said. \u{201C}Iran is ready.\u{201D} Talks began."),
            ["\u{201C}We will talk,\u{201D} he said.", "\u{201C}Iran is ready.\u{201D}", "Talks began."]
        );
        assert_eq!(sent_texts("\"Go home.\" he said."), ["\"Go home.\" he said."]);
        assert_eq!(
            sent_texts("Iran showed firmness (with Washington). Iraq agreed."),
            ["Iran showed firmness (with Washington).", "Iraq agreed."]
        );
        assert_eq!(sent_texts("(He left early.) Others stayed."), ["(He left early.)", "Others stayed."]);
        assert_eq!(sent_texts("Why? Because! Really?! Yes."), ["Why?", "Because!", "Really?!", "Yes."]);
        assert_eq!(
            sent_texts("Demands:\n1. The troops leave. 2. Talks resume."),
            ["Demands:\n1. The troops leave.", "2. Talks resume."]
        );
        assert_eq!(
            sent_texts("Gunmen killed 15 people in 2006. 40 more died."),
            ["Gunmen killed 15 people in 2006.", "40 more died."]
        );
        assert_eq!(
            sent_texts("They are forced...to ask (with Washington)...eventually. Then... Nothing."),
            ["They are forced...to ask (with Washington)...eventually.", "Then...", "Nothing."]
        );
        assert_eq!(
            sent_texts("It cost $5.2 billion in 2007. Prices rose 3.5%."),
            ["It cost $5.2 billion in 2007.", "Prices rose 3.5%."]
        );
        assert_eq!(
            sent_texts("\u{2018}Yes,\u{2019} she said. It\u{2019}s over."),
            ["\u{2018}Yes,\u{2019} she said.", "It\u{2019}s over."]
        );
    }

    #[test]
    fn paragraphs_wrapping_and_headlines() {
        let text = "IRAN AGREES TO TALKS WITH U.S.\n\nTEHRAN, 9 August 2007 \u{2014} Iran agreed\nto talks on Thursday. Officials\nwelcomed the move.\n \nA second paragraph";
        let seg = Segmenter::default().segment(text);
        check_invariants(text, &seg, true);
        let got: Vec<(&str, u32)> = seg.sentences.iter().map(|s| (s.span.slice(text), s.paragraph)).collect();
        assert_eq!(
            got,
            [
                ("IRAN AGREES TO TALKS WITH U.S.", 0),
                ("Iran agreed\nto talks on Thursday.", 1),
                ("Officials\nwelcomed the move.", 1),
                ("A second paragraph", 2)
            ]
        );
        assert!(seg.dateline.is_some());

        // A headline followed by a single newline is still its own sentence.
        assert_eq!(
            sent_texts("Iraq Premier Visits Tehran\nIraqi Prime Minister Nuri al-Maliki arrived."),
            ["Iraq Premier Visits Tehran", "Iraqi Prime Minister Nuri al-Maliki arrived."]
        );
        // A hard-wrapped line is not a headline.
        assert_eq!(
            sent_texts("The talks in Baghdad were\nFriendly, officials said."),
            ["The talks in Baghdad were\nFriendly, officials said."]
        );
        // Without a full stop a sentence still ends at a blank line.
        assert_eq!(sent_texts("no stop here\n\n\nnext one"), ["no stop here", "next one"]);
        assert_eq!(sent_texts("windows\r\n\r\nline ends"), ["windows", "line ends"]);
    }

    #[test]
    fn contractions_possessives_hyphens_in_context() {
        assert_eq!(
            sents("Maliki\u{2019}s aide can't say the 30-year-old Al-Maliki won't go.")[0],
            [
                "Maliki",
                "\u{2019}s",
                "aide",
                "ca",
                "n't",
                "say",
                "the",
                "30",
                "-",
                "year",
                "-",
                "old",
                "Al",
                "-",
                "Maliki",
                "wo",
                "n't",
                "go",
                "."
            ]
        );
    }

    #[test]
    fn empty_and_blank_inputs() {
        for text in ["", " ", "\n\n\n", "\u{00A0}\u{200B}", "."] {
            let seg = Segmenter::default().segment(text);
            check_invariants(text, &seg, true);
        }
        assert!(Segmenter::default().segment("  \n ").sentences.is_empty());
    }

    #[test]
    fn segment_into_reuses_and_clears() {
        let seg = Segmenter::default();
        let mut out = Segmentation::default();
        seg.segment_into("LONDON \u{2014} One. Two. Three.", &mut out);
        assert_eq!(out.sentences.len(), 3);
        seg.segment_into("Four", &mut out);
        assert_eq!((out.tokens.len(), out.sentences.len(), out.dateline.is_none()), (1, 1, true));
    }

    /// A small deterministic xorshift generator, so the property tests need no extra crate.
    struct XorShift(u64);

    impl XorShift {
        fn next(&mut self) -> u64 {
            let mut x = self.0;
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            self.0 = x;
            x
        }

        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
    }

    #[test]
    fn no_panic_on_random_bytes() {
        let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
        let seg = Segmenter::default();
        let mut out = Segmentation::default();
        for _ in 0..3000 {
            let len = rng.below(80);
            let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
            let text = String::from_utf8_lossy(&bytes);
            seg.segment_into(&text, &mut out);
            check_invariants(&text, &out, true);
        }
    }

    #[test]
    fn no_panic_on_tricky_mixtures() {
        const PIECES: &[&str] = &[
            " ",
            "\n",
            "\n\n",
            "\r\n",
            "\t",
            "\u{00A0}",
            "\u{200B}",
            "\u{2029}",
            ".",
            "..",
            "...",
            "\u{2026}",
            "?",
            "!",
            ",",
            ";",
            ":",
            "'",
            "\u{2019}",
            "\u{2018}",
            "\"",
            "\u{201C}",
            "\u{201D}",
            "(",
            ")",
            "[",
            "]",
            "-",
            "--",
            "\u{2014}",
            "\u{2013}",
            "$",
            "%",
            "&",
            "@",
            "/",
            "#",
            "*",
            ":-)",
            "s",
            "t",
            "n't",
            "'s",
            "Mr",
            "U.S",
            "Aug",
            "9",
            "2007",
            "5.2",
            "1,000",
            "e",
            "non",
            "TEHRAN",
            "WASHINGTON",
            "(Reuters)",
            "(AFP)",
            "August",
            "don",
            "can",
            "word",
            "Word",
            "WORD",
            "http://x.org",
            "www.",
            "a@b",
            "\u{00E9}",
            "e\u{0301}",
            "\u{1F600}",
            "\u{1F44D}\u{1F3FD}",
            "\u{200D}",
            "\u{FE0F}",
            "\u{0645}\u{0627}",
            "\u{4E2D}",
            "\u{0000}",
            "\u{FFFD}",
            "'73",
            "80's",
            "No",
            "W",
            "etc",
            "Inc",
            "cannot",
            "gonna",
            "-year-old",
            "\u{2011}",
        ];
        let mut rng = XorShift(0x2545_F491_4F6C_DD1D);
        let seg = Segmenter::default();
        let mut out = Segmentation::default();
        let mut text = String::new();
        for _ in 0..20000 {
            text.clear();
            for _ in 0..rng.below(24) {
                text.push_str(PIECES[rng.below(PIECES.len())]);
            }
            seg.segment_into(&text, &mut out);
            check_invariants(&text, &out, true);
        }
    }
}
