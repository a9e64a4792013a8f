//! `dyad parse`: prints the tokens, tags, lemmas and dependency arcs the coder sees, as CoNLL-U or
//! JSON, so a user can inspect and diff them; `--score` measures the models on a gold treebank.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};
use clap::{Args, ValueEnum};
use dyad_nlp::conllu;
use dyad_nlp::pipeline::{Pipeline, PipelineScratch};
use dyad_nlp::Document;
use dyad_text::Span;
use rayon::prelude::*;
use serde_json::json;

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ParseFormat {
    Conllu,
    Json,
}

#[derive(Debug, Args)]
pub struct ParseArgs {
    /// Text files to analyse (standard input when none is given, or for `-`). Blank lines are
    /// paragraph breaks. A file that is not UTF-8 is reported with the byte where it stops being
    /// so; what came before it in the file may already have been printed.
    files: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ParseFormat::Conllu)]
    format: ParseFormat,
    /// Score tagger, lemmatizer and parser on a gold CoNLL-U file (gold tokenization) instead.
    #[arg(long, value_name = "GOLD.conllu")]
    score: Option<PathBuf>,
    /// With --score: print the scores as one JSON object.
    #[arg(long)]
    json: bool,
    /// Worker threads (0: one per core).
    #[arg(long, default_value_t = 0)]
    threads: usize,
}

pub fn run(args: ParseArgs) -> Result<ExitCode> {
    crate::init_threads(args.threads);
    if let Some(gold) = &args.score {
        return score(gold, args.json);
    }
    let inputs = crate::inputs_or_stdin(&args.files);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let failed = parse_files(&inputs, args.format, PIECE_BYTES, &mut out)?;
    out.flush()?;
    Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

/// Texts are analysed in pieces of at least this many bytes, cut at blank lines (where no sentence
/// runs across), so that all threads work on one large file and neither the file nor its output is
/// ever held in memory whole.
const PIECE_BYTES: usize = 1 << 18;

/// One piece of an input text: which input, where it starts in it, and whether it opens or closes it.
struct Piece {
    input: usize,
    offset: usize,
    first: bool,
    last: bool,
    text: String,
}

/// Reads an input as pieces that end at a blank line (or at the end of the input).
struct PieceReader {
    reader: Box<dyn BufRead>,
    input: usize,
    offset: usize,
    first: bool,
    done: bool,
}

impl PieceReader {
    fn open(path: &Path, input: usize) -> Result<PieceReader> {
        let reader: Box<dyn BufRead> = if path.as_os_str() == "-" {
            Box::new(BufReader::new(std::io::stdin()))
        } else {
            let file =
                std::fs::File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
            Box::new(BufReader::new(file))
        };
        Ok(PieceReader::new(reader, input))
    }

    fn new(reader: Box<dyn BufRead>, input: usize) -> PieceReader {
        PieceReader { reader, input, offset: 0, first: true, done: false }
    }

    /// The next piece of at least `min_bytes` bytes (the last one may be shorter), or `None` after
    /// the last. An input that is not UTF-8 is an error naming the byte where it stops being so.
    fn next(&mut self, path: &Path, min_bytes: usize) -> Result<Option<Piece>> {
        if self.done {
            return Ok(None);
        }
        let mut bytes = Vec::with_capacity(min_bytes.saturating_add(4096).min(1 << 20));
        loop {
            let start = bytes.len();
            let n = self
                .reader
                .read_until(b'\n', &mut bytes)
                .with_context(|| format!("cannot read {}", path.display()))?;
            if n == 0 {
                self.done = true;
                break;
            }
            let line = &bytes[start..];
            let blank =
                line.ends_with(b"\n") && line.iter().all(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'));
            if blank && bytes.len() >= min_bytes {
                break;
            }
        }
        let text = String::from_utf8(bytes).map_err(|e| {
            let at = self.offset + e.utf8_error().valid_up_to();
            anyhow::anyhow!("{}: not valid UTF-8 at byte {at}", path.display())
        })?;
        let piece =
            Piece { input: self.input, offset: self.offset, first: self.first, last: self.done, text };
        self.offset += piece.text.len();
        self.first = false;
        Ok(Some(piece))
    }
}

/// Where the output of the input being written stands: its next sentence id and paragraph number.
#[derive(Default)]
struct Progress {
    next_id: usize,
    next_paragraph: u32,
}

/// Analyses and prints `inputs` piece by piece, a batch of pieces at a time in parallel, in input
/// order. An input that cannot be read (or is not UTF-8) is reported on standard error and the
/// others go on; the return value says whether any failed.
fn parse_files(
    inputs: &[PathBuf],
    format: ParseFormat,
    piece_bytes: usize,
    out: &mut impl Write,
) -> Result<bool> {
    let pipeline = Pipeline::embedded();
    let batch_len = rayon::current_num_threads() * 4;
    let mut batch: Vec<Piece> = Vec::with_capacity(batch_len);
    let mut progress = Progress::default();
    let mut failed = false;
    for (input, path) in inputs.iter().enumerate() {
        let mut reader = match PieceReader::open(path, input) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("error: {e:#}");
                failed = true;
                continue;
            }
        };
        loop {
            match reader.next(path, piece_bytes) {
                Ok(Some(piece)) => batch.push(piece),
                Ok(None) => break,
                Err(e) => {
                    // What was read before the bad byte is printed; the document is closed so
                    // that the output stays well formed.
                    eprintln!("error: {e:#}");
                    failed = true;
                    if reader.offset > 0 {
                        batch.push(Piece {
                            input,
                            offset: reader.offset,
                            first: false,
                            last: true,
                            text: String::new(),
                        });
                    }
                    break;
                }
            }
            if batch.len() >= batch_len {
                write_batch(pipeline, &mut batch, inputs, format, &mut progress, out)?;
            }
        }
    }
    write_batch(pipeline, &mut batch, inputs, format, &mut progress, out)?;
    Ok(failed)
}

/// Analyses the pieces of `batch` in parallel, then prints them in order and empties the batch.
fn write_batch(
    pipeline: &Pipeline,
    batch: &mut Vec<Piece>,
    inputs: &[PathBuf],
    format: ParseFormat,
    progress: &mut Progress,
    out: &mut impl Write,
) -> Result<()> {
    let docs: Vec<Document> = batch
        .par_iter()
        .map_init(PipelineScratch::default, |scratch, piece| {
            let mut doc = Document::default();
            if piece.first {
                pipeline.analyze_into(&piece.text, scratch, &mut doc);
            } else {
                pipeline.analyze_continuation_into(&piece.text, scratch, &mut doc);
            }
            doc
        })
        .collect();
    let mut text = String::new();
    for (piece, doc) in batch.iter().zip(&docs) {
        text.clear();
        render(doc, piece, &inputs[piece.input], format, progress, &mut text);
        out.write_all(text.as_bytes())?;
    }
    batch.clear();
    Ok(())
}

/// Prints one analysed piece: the document header with its first piece, the sentences numbered on
/// from the pieces before, and (in JSON) the closing brackets with its last.
fn render(
    doc: &Document,
    piece: &Piece,
    path: &Path,
    format: ParseFormat,
    progress: &mut Progress,
    out: &mut String,
) {
    use std::fmt::Write;
    if piece.first {
        *progress = Progress { next_id: 1, next_paragraph: 0 };
    }
    let offset = piece.offset;
    let dateline = doc.dateline.as_ref();
    match format {
        ParseFormat::Conllu => {
            if piece.first {
                let _ = writeln!(out, "# doc = {}", path.display());
                if let Some(d) = dateline {
                    let _ = writeln!(
                        out,
                        "# dateline = {} | place = {} | date = {}",
                        d.span.slice(&doc.text).trim(),
                        d.place.as_deref().unwrap_or("_"),
                        d.date.map(|d| d.to_string()).unwrap_or_else(|| "_".into())
                    );
                }
            }
            doc.write_conllu_at(out, offset, progress.next_id);
        }
        ParseFormat::Json => {
            if piece.first {
                // The keys in the order serde_json's maps keep them: sorted.
                let dateline = dateline.map(|d| {
                    json!({"text": d.span.slice(&doc.text), "span": shift(d.span, offset), "place": d.place,
                           "date": d.date.map(|d| d.to_string()), "source": d.source})
                });
                let _ = write!(
                    out,
                    "{{\"dateline\":{},\"doc\":{},\"sentences\":[",
                    json!(dateline),
                    json!(path.display().to_string())
                );
            }
            for si in 0..doc.sentences.len() {
                let words: Vec<_> = doc
                    .sentence_words(si)
                    .iter()
                    .enumerate()
                    .map(|(i, w)| {
                        json!({
                            "id": i + 1, "form": doc.form(w), "lemma": doc.lemma(w),
                            "upos": w.upos.as_str(), "xpos": w.xpos.as_str(),
                            "head": w.head, "deprel": w.deprel.as_str(), "span": shift(w.span, offset),
                        })
                    })
                    .collect();
                let sentence = json!({
                    "text": doc.sentence_text(si), "span": shift(doc.sentences[si].span, offset),
                    "paragraph": doc.sentences[si].paragraph + progress.next_paragraph, "words": words,
                });
                if progress.next_id > 1 || si > 0 {
                    out.push(',');
                }
                let _ = write!(out, "{sentence}");
            }
            if piece.last {
                out.push_str("]}\n");
            }
        }
    }
    progress.next_id += doc.sentences.len();
    if let Some(last) = doc.sentences.last() {
        progress.next_paragraph += last.paragraph + 1;
    }
}

/// A span of a piece as a span of the whole input, for the JSON output.
fn shift(span: Span, offset: usize) -> [usize; 2] {
    [span.start as usize + offset, span.end as usize + offset]
}

/// Tags, lemmatizes and parses the gold tokenization of a CoNLL-U file and prints the scores.
fn score(gold_path: &Path, as_json: bool) -> Result<ExitCode> {
    let text =
        std::fs::read_to_string(gold_path).with_context(|| format!("cannot read {}", gold_path.display()))?;
    let gold = conllu::parse(&text).with_context(|| format!("{}", gold_path.display()))?;
    let pipeline = Pipeline::embedded();
    let (mut total, mut upos, mut xpos, mut lemma, mut uas, mut las) = (0usize, 0, 0, 0, 0, 0);
    let mut scratch = PipelineScratch::default();
    let mut lemma_buf = String::new();
    let docs: Vec<Document> = gold.iter().map(|s| Document::from_conllu(std::slice::from_ref(s))).collect();
    let start = Instant::now();
    for (doc, s) in docs.iter().zip(&gold) {
        let spans: Vec<Span> = doc.words.iter().map(|w| w.span).collect();
        // The pipeline's own steps, on the gold tokens instead of its segmentation.
        pipeline.annotate(&doc.text, &spans, &mut scratch);
        let ((u, x), (heads, rels)) = (scratch.tags(), scratch.tree());
        for (i, g) in s.words.iter().enumerate() {
            total += 1;
            upos += usize::from(u[i] == g.upos);
            xpos += usize::from(x[i] == g.xpos);
            pipeline.lemma_into(&g.form, x[i], u[i], &mut lemma_buf);
            lemma += usize::from(lemma_buf == g.lemma);
            if heads[i] == g.head {
                uas += 1;
                las += usize::from(rels[i] == g.deprel);
            }
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let pct = |n: usize| 100.0 * n as f64 / total.max(1) as f64;
    let v = json!({
        "file": gold_path.display().to_string(), "sentences": gold.len(), "tokens": total,
        "upos": pct(upos), "xpos": pct(xpos), "lemma": pct(lemma), "uas": pct(uas), "las": pct(las),
        "tag_lemma_parse_tokens_per_s": total as f64 / secs,
    });
    if as_json {
        println!("{v}");
    } else {
        println!(
            "{}: {} sentences, {total} tokens (gold tokenization, predicted tags)\nUPOS {:.2} %  XPOS {:.2} %  lemma {:.2} %  UAS {:.2} %  LAS {:.2} %\ntag+lemma+parse: {:.0} tokens/s (one thread, scoring included)",
            gold_path.display(), gold.len(), pct(upos), pct(xpos), pct(lemma), pct(uas), pct(las),
            total as f64 / secs
        );
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str, min_bytes: usize) -> Vec<(usize, bool, bool, String)> {
        let mut reader = PieceReader::new(Box::new(std::io::Cursor::new(text.as_bytes().to_vec())), 0);
        let mut out = Vec::new();
        while let Some(p) = reader.next(Path::new("t.txt"), min_bytes).unwrap() {
            out.push((p.offset, p.first, p.last, p.text));
        }
        out
    }

    #[test]
    fn pieces_end_at_blank_lines_only() {
        let text = "One.\nTwo.\n\nThree.\n \r\nFour.";
        let got = pieces(text, 1);
        let texts: Vec<&str> = got.iter().map(|p| p.3.as_str()).collect();
        // A line break alone is no cut: "One." and "Two." may be one sentence.
        assert_eq!(texts, ["One.\nTwo.\n\n", "Three.\n \r\n", "Four."]);
        assert_eq!(got.iter().map(|p| p.0).collect::<Vec<_>>(), [0, 11, 21]);
        assert_eq!(
            got.iter().map(|p| (p.1, p.2)).collect::<Vec<_>>(),
            [(true, false), (false, false), (false, true)]
        );
        // Large pieces take the whole text; an empty text is one empty piece.
        assert_eq!(pieces(text, 1 << 20).len(), 1);
        assert_eq!(pieces("", 1), [(0, true, true, String::new())]);
    }

    fn parse_to_string(inputs: &[PathBuf], format: ParseFormat, piece_bytes: usize) -> (String, bool) {
        let mut out = Vec::new();
        let failed = parse_files(inputs, format, piece_bytes, &mut out).unwrap();
        (String::from_utf8(out).unwrap(), failed)
    }

    fn temp_file(name: &str, bytes: &[u8]) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("dyad-parse-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    }

    #[test]
    fn a_text_parsed_in_pieces_prints_as_the_whole() {
        let story = "TEHRAN, 9 August 2007 \u{2014} Iraq's prime minister met Iran's president.\n\n\
                     The two leaders signed a security pact. Officials said more talks would follow.\n\n\n\
                     KABUL \u{2014} Not a dateline here.\n\nIt ended.";
        let path = temp_file("story.txt", story.as_bytes());
        let other = temp_file("other.txt", b"Iran praised Iraq.\n\nSyria did not.");
        let inputs = [path, other];
        for format in [ParseFormat::Conllu, ParseFormat::Json] {
            let (whole, failed) = parse_to_string(&inputs, format, usize::MAX);
            assert!(!failed);
            let (split, _) = parse_to_string(&inputs, format, 1);
            assert_eq!(split, whole, "{format:?}");
        }
        let (json, _) = parse_to_string(&inputs, ParseFormat::Json, 1);
        let docs: Vec<serde_json::Value> = json.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0]["dateline"]["place"], "TEHRAN");
        let paragraphs: Vec<u64> = docs[0]["sentences"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["paragraph"].as_u64().unwrap())
            .collect();
        assert_eq!(paragraphs, [0, 1, 1, 2, 3]);
        // Spans index the whole file, not the piece.
        let last = &docs[0]["sentences"][4];
        let span = (last["span"][0].as_u64().unwrap() as usize, last["span"][1].as_u64().unwrap() as usize);
        assert_eq!(&story[span.0..span.1], "It ended.");
        let (conllu, _) = parse_to_string(&inputs, ParseFormat::Conllu, 1);
        assert!(conllu.contains("# sent_id = 5\n# text = It ended."), "{conllu}");
    }

    /// Random texts from pieces that stress the cuts: line breaks of all kinds, blank lines with
    /// spaces, bytes that are not UTF-8, datelines and quotes.
    #[test]
    fn random_texts_cut_into_pieces_lose_nothing_and_print_as_the_whole() {
        const PARTS: &[&[u8]] = &[
            b"Iraq urged calm.",
            b"\n",
            b"\n\n",
            b" \n",
            b"\r\n",
            b"\r",
            b"\t\n \n",
            b"TEHRAN, 9 August 2007 -",
            b"\xE2\x80\x94",
            b"\"",
            b"Mr.",
            b"U.S.",
            b" ",
            b"talks",
            b"\xFF",
            b"\xC3",
            b"\xC3\xA9",
        ];
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for round in 0..300 {
            let n = (next() % 40) as usize;
            let bytes: Vec<u8> =
                (0..n).flat_map(|_| PARTS[(next() % PARTS.len() as u64) as usize].to_vec()).collect();
            let min_bytes = 1 + (next() % 24) as usize;
            let mut reader = PieceReader::new(Box::new(std::io::Cursor::new(bytes.clone())), 0);
            let mut joined = Vec::new();
            let result = loop {
                match reader.next(Path::new("r.txt"), min_bytes) {
                    Ok(Some(p)) => {
                        assert_eq!(p.offset, joined.len());
                        joined.extend_from_slice(p.text.as_bytes());
                    }
                    Ok(None) => break Ok(()),
                    Err(e) => break Err(e),
                }
            };
            match std::str::from_utf8(&bytes) {
                Ok(_) => {
                    assert!(result.is_ok());
                    assert_eq!(joined, bytes, "round {round}");
                    if round % 10 == 0 {
                        let path = temp_file(&format!("random{round}.txt"), &bytes);
                        let inputs = [path];
                        for format in [ParseFormat::Conllu, ParseFormat::Json] {
                            let whole = parse_to_string(&inputs, format, usize::MAX);
                            assert_eq!(parse_to_string(&inputs, format, min_bytes), whole, "{bytes:?}");
                        }
                    }
                }
                Err(e) => {
                    // Everything before the bad piece came through; the error names the bad byte.
                    let message = result.expect_err("not UTF-8").to_string();
                    assert!(message.ends_with(&format!("at byte {}", e.valid_up_to())), "{message}");
                    assert!(joined.len() <= e.valid_up_to());
                }
            }
        }
    }

    #[test]
    fn a_file_that_is_not_utf8_is_reported_and_the_others_go_on() {
        let mut bytes = b"Iraq urged calm.\n\nThe talks ended.\n\n".to_vec();
        bytes.extend_from_slice(b"Bad \xFF byte.\n");
        let bad = temp_file("bad.txt", &bytes);
        let good = temp_file("good.txt", b"Iran praised Iraq.");
        let inputs = [bad, good];
        let (json, failed) = parse_to_string(&inputs, ParseFormat::Json, 1);
        assert!(failed);
        let docs: Vec<serde_json::Value> = json.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        // The pieces before the bad byte are printed, and the document is closed.
        assert_eq!(docs[0]["sentences"].as_array().unwrap().len(), 2);
        assert_eq!(docs[1]["sentences"][0]["text"], "Iran praised Iraq.");
        let (_, failed) = parse_to_string(&inputs[1..], ParseFormat::Conllu, 1);
        assert!(!failed);
    }
}
