//! Prints the dateline and the sentences of a text file, tokens separated by spaces: a development
//! tool for eyeballing the segmenter on real copy.
//!
//! Usage: `cargo run -p dyad-text --example show -- article.txt`
#![allow(clippy::print_stdout)]

use dyad_text::Segmenter;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: show <file.txt>");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let seg = Segmenter::default().segment(&text);
    println!("dateline: {:?}", seg.dateline);
    for (i, s) in seg.sentences.iter().enumerate() {
        let toks: Vec<&str> = seg.tokens[s.tokens.start as usize..s.tokens.end as usize]
            .iter()
            .map(|t| t.span.slice(&text))
            .collect();
        println!("[{i} p{}] {}", s.paragraph, toks.join(" "));
    }
}
