//! Development loop for the coder (not a product tool): codes the PETRARCH validation records
//! from their gold CoNLL-U parses and prints how many records come out exactly as expected.
//!
//! ```text
//! cargo run -p dyad-coder --release --example validate -- RECORDS.xml DICT_DIR [CATEGORY] [-v]
//! ```
//!
//! The records file is not well-formed XML, so records are cut out with plain string search.
//! Its parses use UD v1 relation names (`dobj`, `nsubjpass`, `name`...), renamed here to UD v2.

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
        let date = attr(tag, "date").and_then(|d| NaiveDate::parse_from_str(d, "%Y%m%d").ok());
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

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "-v");
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
        let parsed = match conllu::parse(&ud2(&r.parse)) {
            Ok(p) => p,
            Err(e) => {
                println!("{}: bad parse: {e}", r.id);
                continue;
            }
        };
        let doc = Document::from_conllu(&parsed);
        sentences += doc.sentences.len();
        let events = coder.code_document(&doc, r.date, &mut scratch);
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
                print!("{}", ud2(&r.parse));
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
