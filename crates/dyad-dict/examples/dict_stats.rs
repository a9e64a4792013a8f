//! Measures the embedded dictionaries: load time, resident memory, entry counts, and the time
//! of a sentence lookup. `cargo run --release -p dyad-dict --example dict_stats`.

#![allow(clippy::print_stdout)]

use std::time::Instant;

use dyad_dict::{Dictionaries, MatchScratch};

fn rss_kib() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn main() {
    let before = rss_kib();
    let t = Instant::now();
    let d = Dictionaries::embedded();
    let load = t.elapsed();
    let after = rss_kib();
    println!("load: {:.1} ms", load.as_secs_f64() * 1e3);
    if let (Some(a), Some(b)) = (before, after) {
        println!("resident memory: {} KiB before, {} KiB after (+{} KiB)", a, b, b.saturating_sub(a));
    }
    println!(
        "actors {} (phrases {}), agents {} (phrases {}), verbs {}, blocks {}, patterns {}, synsets {}, transformations {}, discards {}, issues {}",
        d.actors.len(),
        d.actors.matcher.phrase_count(),
        d.agents.len(),
        d.agents.matcher.phrase_count(),
        d.verbs.verbs.len(),
        d.verbs.blocks.len(),
        d.verbs.pattern_count(),
        d.verbs.synsets.len(),
        d.verbs.transformations.len(),
        d.discards.len(),
        d.issues.len()
    );
    println!("load diagnostics: {} ({} errors)", d.diagnostics.len(), d.error_count());
    let sentences = [
        "Iraqi Prime Minister Nuri Al-Maliki met Iranian President Mahmoud Ahmadinejad in Tehran on Thursday to discuss security .",
        "The United Nations Security Council condemned the attack by Hamas militants on Israeli troops near Gaza City .",
        "Russian President Vladimir Putin 's spokesman said Moscow would respond to the new sanctions imposed by Washington .",
        "Thousands of protesters rallied outside the parliament in Kyiv demanding the resignation of the defense minister .",
    ];
    let toks: Vec<Vec<&str>> = sentences.iter().map(|s| s.split(' ').collect()).collect();
    let (mut scratch, mut actors, mut agents) = (MatchScratch::new(), Vec::new(), Vec::new());
    let n = 20_000;
    let t = Instant::now();
    let mut found = 0;
    for i in 0..n {
        let w = &toks[i % toks.len()];
        d.actors.find_all(w, &mut scratch, &mut actors);
        d.agents.find_all(w, &mut scratch, &mut agents);
        found += actors.len() + agents.len();
    }
    let per = t.elapsed().as_secs_f64() / n as f64;
    let avg_words = toks.iter().map(Vec::len).sum::<usize>() as f64 / toks.len() as f64;
    println!(
        "actor + agent lookup: {:.2} us per sentence of {:.0} words ({} matches)",
        per * 1e6,
        avg_words,
        found / n
    );
    let t = Instant::now();
    let forms = ["said", "met", "condemned", "rallied", "demanding", "imposed", "discuss", "respond"];
    let mut hits = 0;
    for i in 0..n * 10 {
        hits += usize::from(d.verbs.lookup(forms[i % forms.len()]).is_some());
    }
    println!(
        "verb lookup: {:.0} ns ({} of {} forms found)",
        t.elapsed().as_secs_f64() / (n * 10) as f64 * 1e9,
        hits / (n * 10 / forms.len()),
        forms.len()
    );
    for w in &toks {
        d.actors.find_all(w, &mut scratch, &mut actors);
        let names: Vec<String> = actors
            .iter()
            .map(|m| {
                format!("{}..{} {}", m.start_word, m.end_word, d.actors.get(m.entry).map_or("", |a| a.name()))
            })
            .collect();
        println!("{names:?}");
    }
}
