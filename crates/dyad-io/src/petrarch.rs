//! PETRARCH-style XML records: `<Sentence date="20080804" id=".." ...>` followed by optional
//! `<EventCoding .../>` lines, a `<Text>...</Text>` block and a `<Parse>` block (ignored).
//!
//! The files in circulation are not well-formed XML (a self-closed `<Sentence .../>` followed by
//! `</Sentence>`, `#` banner lines outside any comment, `<PLEvent {json}>` lines), so instead of an
//! XML parser this module splits the bytes tolerantly: comments are blanked out, each
//! `<Sentence` start tag begins a record that runs to the next one, and within a record only the
//! `<EventCoding>` tags and the `<Text>` element are read. One broken record rejects only itself.
//! The gold readers in `dyad-eval` build on [`split_petrarch_xml`].

use std::path::Path;

use chrono::NaiveDate;

use crate::record::{Origin, Record, Reject, RejectReason};

/// One `<Sentence>` record as split from the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XmlRecord {
    /// The 1-based line of the `<Sentence` tag.
    pub line: usize,
    /// The attributes of the `<Sentence>` tag, entities decoded, in file order.
    pub attrs: Vec<(String, String)>,
    /// The attributes of each `<EventCoding>` tag, in file order.
    pub codings: Vec<Vec<(String, String)>>,
    /// The `<Text>` content with entities decoded and each run of whitespace made one space
    /// (the files wrap sentences at about 100 columns); `None` when the record has no `<Text>`.
    pub text: Option<String>,
}

impl XmlRecord {
    /// The value of a `<Sentence>` attribute.
    pub fn attr(&self, name: &str) -> Option<&str> {
        find_attr(&self.attrs, name)
    }
}

/// The value of attribute `name` in `attrs`.
pub fn find_attr<'a>(attrs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
}

/// A record that could not be split: its 1-based line and the reason.
pub type XmlError = (usize, RejectReason);

/// Splits PETRARCH XML into records; see the module documentation for the tolerance rules.
pub fn split_petrarch_xml(bytes: &[u8]) -> Vec<Result<XmlRecord, XmlError>> {
    let clean = blank_comments(bytes);
    let starts = tag_starts(&clean, b"<Sentence", 0, clean.len());
    let end_of_all = find(&clean, b"</Sentences>", 0).unwrap_or(clean.len());
    let mut out = Vec::with_capacity(starts.len());
    let mut line = 1;
    let mut counted = 0;
    for (i, &start) in starts.iter().enumerate() {
        line += count_newlines(&clean[counted..start]);
        counted = start;
        let mut end = starts.get(i + 1).copied().unwrap_or(clean.len());
        if (start..end).contains(&end_of_all) {
            end = end_of_all;
        }
        out.push(split_record(&clean, start, end).map_err(|reason| (line, reason)).map(|mut r| {
            r.line = line;
            r
        }));
    }
    out
}

/// Reads PETRARCH XML into records to code: id and date from the `<Sentence>` attributes (date
/// `YYYYMMDD`), text from `<Text>`, news source from a `source` attribute when present.
pub fn read_petrarch_xml(bytes: &[u8], file: Option<&Path>) -> Vec<Result<Record, Reject>> {
    let stem = file
        .and_then(Path::file_stem)
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "stdin".into());
    let file = file.map(Path::to_path_buf);
    split_petrarch_xml(bytes)
        .into_iter()
        .enumerate()
        .map(|(n, r)| {
            let (line, rec) = match r {
                Ok(rec) => (rec.line, rec),
                Err((line, reason)) => {
                    return Err(Reject::new(Origin::new(file.clone(), Some(line)), reason))
                }
            };
            let origin = Origin::new(file.clone(), Some(line));
            to_record(rec, origin, &stem, n)
        })
        .collect()
}

fn to_record(rec: XmlRecord, origin: Origin, stem: &str, n: usize) -> Result<Record, Reject> {
    let date = match rec.attr("date").map(str::trim) {
        None | Some("") => None,
        Some(d) => match parse_compact_date(d) {
            Some(date) => Some(date),
            None => {
                let reason = RejectReason::InvalidDate { value: d.to_string(), expected: "YYYYMMDD" };
                return Err(Reject::new(origin, reason));
            }
        },
    };
    let text = match rec.text.clone() {
        Some(t) if !t.is_empty() => t,
        Some(_) => return Err(Reject::new(origin, RejectReason::EmptyText)),
        None => return Err(Reject::new(origin, RejectReason::Malformed("no <Text> element".into()))),
    };
    let id = match rec.attr("id") {
        Some(id) if !id.trim().is_empty() => id.trim().to_string(),
        _ => format!("{stem}-{}", n + 1),
    };
    let source = rec.attr("source").map(str::to_string);
    Ok(Record { id, date, date_is_default: false, text, title: None, source, url: None, origin })
}

/// Parses the `YYYYMMDD` dates of PETRARCH files (and `YYYY-MM-DD`, which some converters write).
pub fn parse_compact_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if s.len() == 8 && s.bytes().all(|b| b.is_ascii_digit()) {
        NaiveDate::parse_from_str(s, "%Y%m%d").ok()
    } else {
        crate::jsonl::parse_iso_date(s).filter(|_| s.len() == 10)
    }
}

fn split_record(b: &[u8], start: usize, end: usize) -> Result<XmlRecord, RejectReason> {
    let seg = &b[start..end];
    if let Err(e) = std::str::from_utf8(seg) {
        return Err(RejectReason::InvalidUtf8(start + e.valid_up_to()));
    }
    let tag_open = start + b"<Sentence".len();
    let Some(close) = tag_end(b, tag_open, end) else {
        return Err(RejectReason::Malformed("unterminated <Sentence> tag".into()));
    };
    let attrs = parse_attrs(&b[tag_open..close]);
    let body = close + 1;
    let mut codings = Vec::new();
    for at in tag_starts(b, b"<EventCoding", body, end) {
        let open = at + b"<EventCoding".len();
        let Some(close) = tag_end(b, open, end) else {
            return Err(RejectReason::Malformed("unterminated <EventCoding> tag".into()));
        };
        codings.push(parse_attrs(&b[open..close]));
    }
    let text = match find_in(b, b"<Text>", body, end) {
        None => None,
        Some(t) => {
            let from = t + b"<Text>".len();
            let Some(to) = find_in(b, b"</Text>", from, end) else {
                return Err(RejectReason::Malformed("<Text> without </Text>".into()));
            };
            let raw = String::from_utf8_lossy(&b[from..to]);
            let decoded = decode_entities(&raw);
            Some(decoded.split_whitespace().collect::<Vec<_>>().join(" "))
        }
    };
    // A record whose <Text> is empty (one in the PETR-2 gold) still has its words in the parse.
    let text = match text {
        Some(t) if t.is_empty() => Some(text_from_parse(b, body, end).unwrap_or(t)),
        other => other,
    };
    Ok(XmlRecord { line: 0, attrs, codings, text })
}

/// The sentence rebuilt from the FORM column of a CoNLL-U `<Parse>` block (a space after each
/// token unless its MISC column says `SpaceAfter=No`); `None` when there is no usable parse.
fn text_from_parse(b: &[u8], from: usize, to: usize) -> Option<String> {
    let open = find_in(b, b"<Parse>", from, to)? + b"<Parse>".len();
    let close = find_in(b, b"</Parse>", open, to).unwrap_or(to);
    let block = String::from_utf8_lossy(&b[open..close]);
    let mut out = String::new();
    for line in block.lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        // Token lines only: multi-word ranges ("3-4") and empty nodes ("3.1") are skipped.
        if cols.len() < 10 || !cols[0].bytes().all(|c| c.is_ascii_digit()) {
            continue;
        }
        out.push_str(&decode_entities(cols[1]));
        if !cols[9].split('|').any(|m| m == "SpaceAfter=No") {
            out.push(' ');
        }
    }
    let out = out.trim().to_string();
    (!out.is_empty()).then_some(out)
}

/// A copy of `bytes` with every `<!-- ... -->` comment (an unterminated one runs to the end)
/// replaced by spaces, newlines kept so line numbers stay right.
fn blank_comments(bytes: &[u8]) -> Vec<u8> {
    let mut out = bytes.to_vec();
    let mut pos = 0;
    while let Some(open) = find(&out, b"<!--", pos) {
        let close = find(&out, b"-->", open + 4).map_or(out.len(), |c| c + 3);
        for c in &mut out[open..close] {
            if *c != b'\n' {
                *c = b' ';
            }
        }
        pos = close;
    }
    out
}

/// Positions in `b[from..to]` of `name` used as a tag name: followed by whitespace, `>` or `/`
/// (so `<Sentence` does not match `<Sentences>`).
fn tag_starts(b: &[u8], name: &[u8], from: usize, to: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut pos = from;
    while let Some(i) = find_in(b, name, pos, to) {
        let next = b.get(i + name.len()).copied();
        if matches!(next, Some(b' ' | b'\t' | b'\r' | b'\n' | b'>' | b'/')) {
            out.push(i);
        }
        pos = i + name.len();
    }
    out
}

/// The position of the `>` closing a tag whose attributes start at `from`, skipping quoted values.
fn tag_end(b: &[u8], from: usize, to: usize) -> Option<usize> {
    let mut quote = None;
    for (i, &c) in b.iter().enumerate().take(to).skip(from) {
        match (quote, c) {
            (None, b'"' | b'\'') => quote = Some(c),
            (Some(q), _) if c == q => quote = None,
            (None, b'>') => return Some(i),
            // A new tag before this one closed: the tag is broken.
            (None, b'<') => return None,
            _ => {}
        }
    }
    None
}

/// Parses `name="value" name='value' name=value` pairs; a trailing `/` is ignored.
fn parse_attrs(b: &[u8]) -> Vec<(String, String)> {
    let s = String::from_utf8_lossy(b);
    let s = s.as_ref();
    let mut out = Vec::new();
    let mut rest = s.trim_start();
    while !rest.is_empty() {
        let name_end = rest.find(|c: char| c == '=' || c.is_whitespace() || c == '/').unwrap_or(rest.len());
        let name = &rest[..name_end];
        rest = rest[name_end..].trim_start();
        if name.is_empty() {
            // A stray `/` or `=`: skip one character.
            let skip = rest.chars().next().map_or(0, char::len_utf8);
            rest = rest[skip..].trim_start();
            continue;
        }
        let mut value = String::new();
        if let Some(after_eq) = rest.strip_prefix('=') {
            let after_eq = after_eq.trim_start();
            let (v, next) = match after_eq.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let inner = &after_eq[1..];
                    match inner.find(q) {
                        Some(e) => (&inner[..e], &inner[e + 1..]),
                        None => (inner, ""),
                    }
                }
                _ => {
                    let e = after_eq.find(|c: char| c.is_whitespace()).unwrap_or(after_eq.len());
                    (&after_eq[..e], &after_eq[e..])
                }
            };
            value = decode_entities(v);
            rest = next.trim_start();
        }
        out.push((name.to_string(), value));
    }
    out
}

/// Decodes the five XML entities and numeric character references; anything else stays as is.
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        // Byte search: `;` is ASCII, so its position is a character boundary.
        let semi = rest.as_bytes().iter().take(12).position(|&c| c == b';');
        let decoded = semi.and_then(|e| {
            let name = &rest[1..e];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                _ => {
                    let n = if let Some(hex) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                        u32::from_str_radix(hex, 16).ok()
                    } else {
                        name.strip_prefix('#').and_then(|d| d.parse::<u32>().ok())
                    };
                    n.and_then(char::from_u32)
                }
            };
            c.map(|c| (c, e + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn count_newlines(b: &[u8]) -> usize {
    b.iter().filter(|&&c| c == b'\n').count()
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    find_in(hay, needle, from, hay.len())
}

/// The first position of `needle` wholly inside `hay[from..to]`.
fn find_in(hay: &[u8], needle: &[u8], from: usize, to: usize) -> Option<usize> {
    let to = to.min(hay.len());
    if from >= to || needle.is_empty() {
        return None;
    }
    hay[from..to].windows(needle.len()).position(|w| w == needle).map(|i| i + from)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"<?xml version='1.0' encoding='utf-8'?>
<Validation>
# banner line with <EventCoding...> in it, outside any comment
<!-- <Sentence id="commented" date="20000101"> -->
<Sentences>
<Sentence category="AFP" date="20080804" id="AFP_1" evaluate="true"/>
<EventCoding eventcode="042" sourcecode="USA" targetcode="CHN" />
<Text>
The stopover came as the US &amp; Chinese
leaders met.
</Text>
<Parse>
1	The	the	DET	DT	_	2	det	_	_
</Parse>
</Sentence>

<Sentence date="121108" id="BAD_DATE" evaluate="true">
<!-- a comment with <Text>fake</Text> -->
<EventCoding noevents="True" />
<Text>Some text.</Text>
</Sentence>
<Sentence id="NO_TEXT" date="20080806">
<EventCoding noevents="True"> </EventCoding>
</Sentence>
<Sentence id='Q' date=20080806 source="AFP"><Text>Quoted &quot;codes&quot; &#233;&#x41;</Text></Sentence>
<Sentence id="P" date="20150101"><Text>
</Text>
<Parse>
1	Boko	Boko	PROPN	NNP	_	2	name	_	_
2	Haram	Haram	PROPN	NNP	_	3	nsubj	_	SpaceAfter=No
3	's	's	PART	POS	_	0	root	_	SpaceAfter=No
4	.	.	PUNCT	.	_	3	punct	_	_
</Parse></Sentence>
</Sentences>
</Validation>
"#;

    #[test]
    fn splits_records_tolerantly() {
        let recs = split_petrarch_xml(SAMPLE.as_bytes());
        assert_eq!(recs.len(), 5);
        assert_eq!(recs[4].as_ref().unwrap().text.as_deref(), Some("Boko Haram's."));
        let a = recs[0].as_ref().unwrap();
        assert_eq!(a.line, 6);
        assert_eq!(a.attr("id"), Some("AFP_1"));
        assert_eq!(a.attr("evaluate"), Some("true"));
        assert_eq!(a.codings.len(), 1);
        assert_eq!(find_attr(&a.codings[0], "sourcecode"), Some("USA"));
        assert_eq!(a.text.as_deref(), Some("The stopover came as the US & Chinese leaders met."));
        let b = recs[1].as_ref().unwrap();
        assert_eq!((b.line, b.text.as_deref()), (17, Some("Some text.")));
        assert_eq!(b.codings, vec![vec![("noevents".to_string(), "True".to_string())]]);
        let c = recs[2].as_ref().unwrap();
        assert_eq!(c.text, None);
        let d = recs[3].as_ref().unwrap();
        assert_eq!((d.attr("id"), d.attr("date")), (Some("Q"), Some("20080806")));
        assert_eq!(d.text.as_deref(), Some("Quoted \"codes\" éA"));
    }

    #[test]
    fn reads_records_and_rejects_bad_ones() {
        let out = read_petrarch_xml(SAMPLE.as_bytes(), Some(Path::new("g.xml")));
        assert_eq!(out.len(), 5);
        let a = out[0].as_ref().unwrap();
        assert_eq!((a.id.as_str(), a.date), ("AFP_1", NaiveDate::from_ymd_opt(2008, 8, 4)));
        assert_eq!(a.origin.to_string(), "g.xml:6");
        assert_eq!(
            out[1].as_ref().unwrap_err().to_string(),
            "g.xml:17: invalid date \"121108\" (expected YYYYMMDD)"
        );
        assert_eq!(out[2].as_ref().unwrap_err().to_string(), "g.xml:22: malformed record: no <Text> element");
        assert_eq!(out[3].as_ref().unwrap().source.as_deref(), Some("AFP"));
    }

    #[test]
    fn broken_records_reject_only_themselves() {
        let input = b"<Sentence id=\"a\" date=\"20080101\"><Text>caf\xFF</Text>\n<Sentence id=\"b\"><Text>open\n<Sentence id=\"c\" <Text>x</Text>\n<Sentence id=\"d\"><Text>fine</Text>";
        let out = read_petrarch_xml(input, None);
        let msgs: Vec<String> =
            out.iter().map(|r| r.as_ref().map(|r| r.id.clone()).unwrap_or_else(|e| e.to_string())).collect();
        assert_eq!(
            msgs,
            [
                "<stdin>:1: not valid UTF-8 at byte 42",
                "<stdin>:2: malformed record: <Text> without </Text>",
                "<stdin>:3: malformed record: unterminated <Sentence> tag",
                "d"
            ]
        );
    }

    #[test]
    fn decodes_entities_and_leaves_unknown_ones() {
        assert_eq!(
            decode_entities("a &amp; b &lt;c&gt; &apos;&#65;&#x42; &nbsp; & x"),
            "a & b <c> 'AB &nbsp; & x"
        );
        assert_eq!(decode_entities("&#xFFFFFF; &#;"), "&#xFFFFFF; &#;");
    }
}
