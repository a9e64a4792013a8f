//! Development loop for the coder (not a product tool): codes the PETRARCH validation records
//! from their gold CoNLL-U parses and prints how many records come out exactly as expected, the
//! root-level (source root, target root, 2-digit code) precision/recall/F1, and the failures.
//!
//! ```text
//! cargo run -p dyad-coder --release --example validate -- RECORDS.xml DICT_DIR|embedded [ID_OR_CATEGORY] [-v] [--parser] [--repeat=N] [--diag]
//! cargo run -p dyad-coder --release --example validate -- --plover PLOVER_GSR_CAMEO.txt [-v]
//! cargo run -p dyad-coder --release --example validate -- --text ARTICLE.txt YYYY-MM-DD [-v]
//! ```
//!
//! `embedded` uses dyad-dict's compiled-in Phoenix dictionaries; `--parser` analyses the record
//! text with dyad's own pipeline instead of the gold parse; `--repeat=N` times N more passes;
//! `-v` prints each failure's trace and parse. The records file is not well-formed XML, so
//! records are cut out with plain string search. Its parses use UD v1 relation names (`dobj`,
//! `nsubjpass`, `name`...), renamed here to UD v2.

#![allow(clippy::print_stdout)]

use std::collections::BTreeSet;

use chrono::NaiveDate;
use dyad_coder::{Coder, CoderConfig, CoderScratch, NegationPolicy};
use dyad_dict::Dictionaries;
use dyad_nlp::{conllu, Document};

fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!("{name}=\"");
    let at = tag.find(&key)? + key.len();
    let end = tag[at..].find('"')?;
    Some(&tag[at..at + end])
}

/// Renames UD v1 relations to their UD v2 names.
fn ud2(parse: &str) -> String {
    let mut out = String::new();
    for line in parse.lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            out.push_str(line);
            out.push('\n');
            continue;
        }
        let rel = match cols[7] {
            "dobj" => "obj",
            "nsubjpass" => "nsubj:pass",
            "auxpass" => "aux:pass",
            "csubjpass" => "csubj:pass",
            "nmod:agent" => "obl:agent",
            "neg" => "advmod",
            "name" => "flat",
            "mwe" => "fixed",
            "foreign" => "flat:foreign",
            r => r,
        };
        let mut c = cols.clone();
        c[7] = rel;
        out.push_str(&c.join("\t"));
        out.push('\n');
    }
    out
}

struct Record {
    id: String,
    category: String,
    date: NaiveDate,
    expected: BTreeSet<String>,
    parse: String,
    text: String,
}

fn records(xml: &str) -> Vec<Record> {
    let mut out = Vec::new();
    let mut rest = xml;
    while let Some(at) = rest.find("<Sentence ") {
        rest = &rest[at..];
        // "<Sentence ..." also occurs in the header comment: a tag without an id is not a record.
        let tag_end = rest.find('>').unwrap_or(rest.len());
        if attr(&rest[..tag_end], "id").is_none() {
            rest = &rest[10..];
            continue;
        }
        let end = rest.find("</Sentence>").unwrap_or(rest.len());
        let rec = &rest[..end];
        rest = &rest[end.min(rest.len())..];
        if rest.len() > 11 {
            rest = &rest[11..];
        }
        let tag_end = rec.find('>').unwrap_or(rec.len());
        let tag = &rec[..tag_end];
        if attr(tag, "evaluate") != Some("true") {
            continue;
        }
        let id = attr(tag, "id").unwrap_or("?").to_string();
        let category = attr(tag, "category").unwrap_or("?").to_string();
        let date = attr(tag, "date").and_then(|d| {
            NaiveDate::parse_from_str(d, "%Y%m%d")
                .ok()
                .or_else(|| NaiveDate::parse_from_str(d, "%y%m%d").ok())
        });
        let Some(date) = date else { continue };
        let mut expected = BTreeSet::new();
        let mut r = rec;
        while let Some(p) = r.find("<EventCoding") {
            let e = r[p..].find("/>").map_or(r.len(), |q| p + q);
            let t = &r[p..e];
            if let (Some(c), Some(s), Some(g)) =
                (attr(t, "eventcode"), attr(t, "sourcecode"), attr(t, "targetcode"))
            {
                expected.insert(format!("{s} {g} {c}"));
            }
            r = &r[e..];
        }
        let parse = match (rec.find("<Parse>"), rec.find("</Parse>")) {
            (Some(a), Some(b)) if b > a => rec[a + 7..b].trim().to_string(),
            _ => String::new(),
        };
        let text = match (rec.find("<Text>"), rec.find("</Text>")) {
            (Some(a), Some(b)) if b > a => rec[a + 6..b].split_whitespace().collect::<Vec<_>>().join(" "),
            _ => String::new(),
        };
        out.push(Record { id, category, date, expected, parse, text });
    }
    out
}

/// `--plover FILE`: codes the PLOVER gold records' text with dyad's own pipeline and scores
/// (source country, target country, PLOVER event) triples, micro-averaged.
fn plover(path: &str, coder: &Coder, verbose: bool) {
    let text = std::fs::read_to_string(path).expect("read PLOVER records");
    let recs: Vec<serde_json::Value> = serde_json::from_str(&text).expect("PLOVER records are JSON");
    let mut scratch = CoderScratch::default();
    let (mut tp, mut n_pred, mut n_gold, mut n) = (0usize, 0usize, 0usize, 0usize);
    // The same, with the plain CAMEO-to-PLOVER crosswalk (no modality rules), for comparison.
    let (mut tp_raw, mut n_raw) = (0usize, 0usize);
    let codes = |v: &serde_json::Value| -> Vec<String> {
        v.as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|x| x.get("code")?.as_str())
                    .map(|c| c.chars().take(3).collect())
                    .collect()
            })
            .unwrap_or_default()
    };
    for r in &recs {
        let Some(sentence) = r.get("text").and_then(|t| t.as_str()) else { continue };
        let Some(event) =
            r.get("event").and_then(|e| e.as_str()).and_then(dyad_ontology::normalize_plover_event)
        else {
            continue;
        };
        let date = r
            .get("date")
            .and_then(|d| d.as_str())
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            .unwrap_or_else(|| NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default());
        let mut gold: Vec<String> = Vec::new();
        for s in codes(r.get("source").unwrap_or(&serde_json::Value::Null)) {
            for t in codes(r.get("target").unwrap_or(&serde_json::Value::Null)) {
                gold.push(format!("{s} {t} {event}"));
            }
        }
        let doc = dyad_nlp::pipeline::Pipeline::embedded().analyze(sentence);
        let events = coder.code_document(&doc, date, &mut scratch);
        let mut pred: BTreeSet<String> = BTreeSet::new();
        for e in &events {
            let (Some(s), Some(t), Some(p)) = (e.source.as_ref(), e.target.as_ref(), e.plover.as_ref())
            else {
                continue;
            };
            pred.insert(format!("{} {} {}", s.code.root(), t.code.root(), p.event.to_uppercase()));
        }
        let mut raw: BTreeSet<String> = BTreeSet::new();
        for e in &events {
            let (Some(s), Some(t)) = (e.source.as_ref(), e.target.as_ref()) else { continue };
            if let Some(p) = dyad_ontology::Ontology::embedded().plover(e.cameo) {
                raw.insert(format!(
                    "{} {} {}",
                    s.code.root(),
                    t.code.root(),
                    p.event.to_string().to_uppercase()
                ));
            }
        }
        let mut g2 = gold.clone();
        n_raw += raw.len();
        for p in &raw {
            if let Some(i) = g2.iter().position(|g| g == p) {
                g2.remove(i);
                tp_raw += 1;
            }
        }
        n += 1;
        n_gold += gold.len();
        n_pred += pred.len();
        let mut hit = 0;
        for p in &pred {
            if let Some(i) = gold.iter().position(|g| g == p) {
                gold.remove(i);
                hit += 1;
            }
        }
        tp += hit;
        if verbose && (hit == 0 || !gold.is_empty()) {
            println!("MISS {sentence}\n   gold left: {gold:?}\n   predicted: {pred:?}");
        }
    }
    let (p2, r2) = (tp_raw as f64 / n_raw.max(1) as f64, tp_raw as f64 / n_gold.max(1) as f64);
    println!("plain crosswalk: P {:.3} R {:.3} F1 {:.3}", p2, r2, 2.0 * p2 * r2 / (p2 + r2).max(1e-9));
    let (p, rc) = (tp as f64 / n_pred.max(1) as f64, tp as f64 / n_gold.max(1) as f64);
    println!(
        "PLOVER records {n}: P {:.3} R {:.3} F1 {:.3} (tp {tp}, predicted {n_pred}, gold {n_gold})",
        p,
        rc,
        2.0 * p * rc / (p + rc).max(1e-9)
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // `--text FILE YYYY-MM-DD`: codes a plain-text article with dyad's pipeline and prints events.
    if let Some(i) = args.iter().position(|a| a == "--text") {
        let text = std::fs::read_to_string(args.get(i + 1).expect("--text FILE DATE")).expect("read text");
        let date = args
            .get(i + 2)
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            .expect("DATE as YYYY-MM-DD");
        // `--conventions-plover` codes as `dyad eval` does for the PLOVER gold set.
        let config = if args.iter().any(|a| a == "--conventions-plover") {
            CoderConfig::default().with_conventions(dyad_coder::Conventions::Plover)
        } else {
            CoderConfig::default()
        };
        let coder = Coder::new(Dictionaries::embedded(), config);
        let doc = dyad_nlp::pipeline::Pipeline::embedded().analyze(&text);
        let (events, trace) = coder.trace_document(&doc, date, &mut CoderScratch::default());
        if args.iter().any(|a| a == "-v") {
            print!("{trace}");
        }
        for e in &events {
            let a = |x: &Option<dyad_coder::EventActor>| {
                x.as_ref().map_or(String::from("-"), |x| format!("{}({})", x.code, x.text))
            };
            println!(
                "s{} {} {} -> {} {} {:?} neg={} {:?} loc={:?} | {}",
                e.sentence,
                e.date,
                a(&e.source),
                a(&e.target),
                e.cameo,
                e.plover.as_ref().map(|p| p.event.as_str()),
                e.negated,
                e.modality,
                e.location.as_ref().map(|l| (&l.text, &l.country, l.from)),
                e.evidence.pattern
            );
        }
        return;
    }
    if let Some(i) = args.iter().position(|a| a == "--plover") {
        let path = args.get(i + 1).expect("--plover FILE");
        let coder = Coder::new(Dictionaries::embedded(), CoderConfig::default());
        plover(path, &coder, args.iter().any(|a| a == "-v"));
        return;
    }
    let verbose = args.iter().any(|a| a == "-v");
    let use_parser = args.iter().any(|a| a == "--parser");
    let pos: Vec<&String> = args.iter().filter(|a| !a.starts_with('-')).collect();
    if pos.len() < 2 {
        eprintln!("usage: validate RECORDS.xml DICT_DIR [CATEGORY] [-v]");
        std::process::exit(2);
    }
    let xml = std::fs::read_to_string(pos[0]).expect("read records");
    let dicts = if pos[1] == "embedded" {
        Dictionaries::embedded().clone()
    } else {
        Dictionaries::load_dir(pos[1]).expect("load dictionaries")
    };
    let only = pos.get(2).map(|s| s.as_str());
    if args.iter().any(|a| a == "--diag") {
        for d in &dicts.diagnostics {
            println!("{d}");
        }
    }
    let config = CoderConfig { negation: NegationPolicy::Petrarch, ..CoderConfig::default() };
    let coder = Coder::new(&dicts, config);
    let mut scratch = CoderScratch::default();
    let recs = records(&xml);
    let (mut ok, mut n) = (0, 0);
    let mut by_cat: std::collections::BTreeMap<String, (usize, usize)> = Default::default();
    let t0 = std::time::Instant::now();
    let mut sentences = 0;
    // Root-level counts: (source root, target root, 2-digit code) triples.
    let (mut tp, mut n_pred, mut n_gold) = (0usize, 0usize, 0usize);
    let root = |t: &String| -> String {
        let p: Vec<&str> = t.split(' ').collect();
        if p.len() != 3 {
            return t.clone();
        }
        let r = |c: &str| c.chars().take(3).collect::<String>();
        format!("{} {} {}", r(p[0]), r(p[1]), p[2].chars().take(2).collect::<String>())
    };
    for r in &recs {
        if only.is_some_and(|c| c != r.category && !r.id.starts_with(c)) {
            continue;
        }
        // With `--parser`, dyad's own tagger and parser analyse the text instead of the gold parse.
        let doc = if use_parser {
            dyad_nlp::pipeline::Pipeline::embedded().analyze(&r.text)
        } else {
            match conllu::parse(&ud2(&r.parse)) {
                Ok(p) => Document::from_conllu(&p),
                Err(e) => {
                    println!("{}: bad parse: {e}", r.id);
                    continue;
                }
            }
        };
        sentences += doc.sentences.len();
        let (events, trace) = coder.trace_document(&doc, r.date, &mut scratch);
        let got: BTreeSet<String> = events
            .iter()
            .filter_map(|e| {
                Some(format!("{} {} {}", e.source.as_ref()?.code, e.target.as_ref()?.code, e.cameo))
            })
            .collect();
        let mut gold: Vec<String> = r.expected.iter().map(root).collect();
        let pred: Vec<String> = got.iter().map(root).collect();
        n_gold += gold.len();
        n_pred += pred.len();
        for p in &pred {
            if let Some(i) = gold.iter().position(|g| g == p) {
                gold.remove(i);
                tp += 1;
            }
        }
        n += 1;
        let c = by_cat.entry(r.category.clone()).or_default();
        c.1 += 1;
        if got == r.expected {
            ok += 1;
            c.0 += 1;
        } else {
            println!("FAIL {} [{}] {}", r.id, r.category, r.text);
            println!("   expected: {:?}", r.expected);
            println!("   got:      {:?}", got);
            if verbose {
                print!("{trace}");
                for e in &events {
                    println!(
                        "      {} {} {} {} | {}",
                        e.source.as_ref().map_or("-", |a| a.code.as_str()),
                        e.target.as_ref().map_or("-", |a| a.code.as_str()),
                        e.cameo,
                        e.evidence.rule,
                        e.evidence.pattern
                    );
                }
                let mut conll = String::new();
                doc.write_conllu(&mut conll);
                print!("{conll}");
            }
        }
    }
    let dt = t0.elapsed();
    // Timing only: code every record again N times (`--repeat=N`).
    if let Some(rep) =
        args.iter().find_map(|a| a.strip_prefix("--repeat=")).and_then(|n| n.parse::<usize>().ok())
    {
        let docs: Vec<(Document, NaiveDate)> = recs
            .iter()
            .filter_map(|r| Some((Document::from_conllu(&conllu::parse(&ud2(&r.parse)).ok()?), r.date)))
            .collect();
        let t = std::time::Instant::now();
        let mut ns = 0usize;
        let mut nev = 0usize;
        for _ in 0..rep {
            for (d, date) in &docs {
                ns += d.sentences.len();
                nev += coder.code_document(d, *date, &mut scratch).len();
            }
        }
        let e = t.elapsed();
        println!(
            "repeat: {ns} sentences, {nev} events in {:.1} ms = {:.2} us/sentence",
            e.as_secs_f64() * 1e3,
            e.as_secs_f64() * 1e6 / ns.max(1) as f64
        );
    }
    for (cat, (k, m)) in &by_cat {
        println!("  {cat:10} {k}/{m}");
    }
    let (p, rc) = (tp as f64 / n_pred.max(1) as f64, tp as f64 / n_gold.max(1) as f64);
    println!(
        "root-level P {:.3} R {:.3} F1 {:.3} (tp {tp}, predicted {n_pred}, gold {n_gold})",
        p,
        rc,
        2.0 * p * rc / (p + rc).max(1e-9)
    );
    println!("records exact {ok}/{n} ({:.1} %)", 100.0 * ok as f64 / n.max(1) as f64);
    println!(
        "{sentences} sentences in {:.1} ms ({:.1} us/sentence)",
        dt.as_secs_f64() * 1e3,
        dt.as_secs_f64() * 1e6 / sentences.max(1) as f64
    );
}
