//! No-panic tests for every reader on deterministic pseudo-random bytes and on mutations of valid
//! inputs, checking that each input line or record comes out as exactly one record or reject.

use std::path::Path;

use crate::{petrarch, read_jsonl, read_petrarch_xml, read_text, split_petrarch_xml};

/// A small xorshift64* generator: deterministic, so a failure reproduces from its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Bytes the readers treat specially, so mutations hit the interesting paths often.
const SPECIAL: &[u8] = b"{}[]\":,\\\n\r\t <>/=&;#!-'\xC3\xA9\xFF\xEF\xBB\xBF0123456789";

fn mutate(rng: &mut Rng, input: &[u8]) -> Vec<u8> {
    let mut v = input.to_vec();
    for _ in 0..=rng.below(8) {
        let at = rng.below(v.len() + 1);
        match rng.below(5) {
            0 if !v.is_empty() => {
                v.remove(at.min(v.len() - 1));
            }
            1 => v.insert(at, SPECIAL[rng.below(SPECIAL.len())]),
            2 => v.insert(at, rng.next() as u8),
            3 if !v.is_empty() => {
                let i = at.min(v.len() - 1);
                v[i] = SPECIAL[rng.below(SPECIAL.len())];
            }
            _ => {
                // Duplicate or drop a slice: repeats and truncates records.
                let end = (at + rng.below(40)).min(v.len());
                let chunk = v[at..end].to_vec();
                if rng.below(2) == 0 {
                    v.splice(at..at, chunk);
                } else {
                    v.drain(at..end);
                }
            }
        }
    }
    v
}

fn random_bytes(rng: &mut Rng) -> Vec<u8> {
    let len = rng.below(300);
    (0..len)
        .map(|_| if rng.below(2) == 0 { SPECIAL[rng.below(SPECIAL.len())] } else { rng.next() as u8 })
        .collect()
}

const JSONL: &str = concat!(
    r#"{"id": "a", "date": "2007-08-09", "text": "Iran hosted Iraq's prime minister.", "title": "t", "url": "u"}"#,
    "\n\n",
    r#"{"id": 2, "date": "2007-08-10", "text": "caf\u00e9 \"quoted\" text", "source": "AFP"}"#,
    "\n",
    r#"{"id": "c", "date": "2007-13-40", "text": "bad date"}"#,
    "\n"
);

const XML: &str = r#"<Sentences>
<!-- comment <Sentence id="x"> -->
<Sentence date="20080804" id="A" evaluate="true"/>
<EventCoding eventcode="042" sourcecode="USA" targetcode="CHN" />
<Text>
The US &amp; China met.
</Text>
<Parse>
1	The	the	DET	DT	_	2	det	_	_
</Parse></Sentence>
<Sentence date="20080805" id="B" evaluate="false">
<EventCoding noevents="True" />
<Text>Nothing.</Text>
</Sentence>
</Sentences>
"#;

fn non_blank_lines(b: &[u8]) -> usize {
    b.split(|&c| c == b'\n')
        .enumerate()
        .filter(|(i, l)| {
            let l = if *i == 0 { l.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(l) } else { l };
            !l.iter().all(u8::is_ascii_whitespace)
        })
        .count()
}

fn check_jsonl(input: &[u8]) {
    let out: Vec<_> = read_jsonl(input, Some(Path::new("f.jsonl"))).collect();
    assert_eq!(out.len(), non_blank_lines(input), "{:?}", String::from_utf8_lossy(input));
    let mut last = 0;
    for r in &out {
        let line = match r {
            Ok(r) => r.origin.line,
            Err(e) => e.origin.line,
        };
        let line = line.unwrap_or(0);
        assert!(line > last, "lines out of order");
        last = line;
    }
}

fn check_xml(input: &[u8]) {
    let split = split_petrarch_xml(input);
    let read = read_petrarch_xml(input, Some(Path::new("f.xml")));
    assert_eq!(split.len(), read.len());
    let lines = input.iter().filter(|&&c| c == b'\n').count() + 1;
    for r in &read {
        let origin = match r {
            Ok(r) => {
                assert!(!r.id.is_empty() && !r.text.trim().is_empty());
                &r.origin
            }
            Err(e) => &e.origin,
        };
        let line = origin.line.unwrap_or(0);
        assert!((1..=lines).contains(&line), "line {line} outside 1..={lines}");
    }
}

fn check_text(input: &[u8]) {
    // One file is always exactly one record or one reject; the text is the input minus a BOM.
    if let Ok(r) = read_text(input, Some(Path::new("f.txt"))) {
        assert!(input.ends_with(r.text.as_bytes()));
    }
}

#[test]
fn readers_never_panic_on_random_bytes() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..3000 {
        let b = random_bytes(&mut rng);
        check_jsonl(&b);
        check_xml(&b);
        check_text(&b);
        let _ = petrarch::decode_entities(&String::from_utf8_lossy(&b));
    }
}

#[test]
fn readers_never_panic_on_mutated_inputs() {
    let mut rng = Rng(0xD1B5_4A32_D192_ED03);
    for _ in 0..3000 {
        check_jsonl(&mutate(&mut rng, JSONL.as_bytes()));
        let x = mutate(&mut rng, XML.as_bytes());
        check_xml(&x);
        check_text(&x);
    }
}

#[test]
fn unmutated_inputs_read_fully() {
    let out: Vec<_> = read_jsonl(JSONL.as_bytes(), None).collect();
    assert_eq!(out.iter().filter(|r| r.is_ok()).count(), 2);
    assert_eq!(out.len(), 3);
    let xml = read_petrarch_xml(XML.as_bytes(), None);
    assert_eq!(xml.iter().filter(|r| r.is_ok()).count(), 2);
}
