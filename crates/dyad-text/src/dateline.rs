//! Recognition of the dateline that opens a wire story.
//!
//! Shapes handled (place in capitals or title case, date and source optional, separator a dash,
//! `--` or, after a date or source, a colon or the end of the line):
//! `TEHRAN, 9 August 2007 —`, `WASHINGTON (Reuters) -`, `BAGHDAD, Aug. 9, 2007 (AFP) --`,
//! `Aug. 9, 2007`, `LONDON —`, `NEW YORK, March 3 (AP) —`, `FALLUJAH, Iraq, Aug. 9 (AP) —`.
//! The dateline is looked for at the start of the text, or on the line after a headline.
//! Datelines are matched by a small hand-written cursor rather than a regex: they are tried once per
//! document, but a hand-written matcher also keeps the crate free of a regex dependency.

use crate::chars::{decode, is_alpha, is_lower, is_space, is_upper};
use crate::sentences::headline_like;
use crate::{Dateline, Span};

/// Longest place name accepted, in bytes: longer capitalised runs are prose, not a dateline.
const MAX_PLACE: usize = 48;
/// Longest source in parentheses accepted, in bytes.
const MAX_SOURCE: usize = 40;

/// Finds the dateline at the start of `text`, or after up to three short lines that open the story
/// (headline, subheading, byline).
pub(crate) fn detect(text: &str) -> Option<Dateline> {
    let mut start = skip_space(text, 0);
    for _ in 0..4 {
        if let Some(d) = parse_at(text, start) {
            return Some(d);
        }
        // A line that reads as a headline or byline, or any short line set off by a blank line,
        // may come before the dateline.
        let line_end = text[start..].find('\n').map_or(text.len(), |k| start + k);
        let next = skip_space(text, line_end);
        let blank_after = text[line_end..next].matches('\n').count() >= 2;
        let line = &text[start..line_end];
        if line_end >= text.len() || !(headline_like(line) || (blank_after && line.len() <= 160)) {
            return None;
        }
        start = next;
    }
    None
}

fn skip_space(text: &str, mut i: usize) -> usize {
    while i < text.len() {
        let (c, l) = decode(text, i);
        if !is_space(c) {
            break;
        }
        i += l;
    }
    i
}

/// A cursor over one line.
struct Cur<'a> {
    s: &'a str,
    pos: usize,
}

impl<'a> Cur<'a> {
    fn peek(&self) -> Option<char> {
        self.s[self.pos..].chars().next()
    }

    fn rest(&self) -> &'a str {
        &self.s[self.pos..]
    }

    fn eat(&mut self, lit: &str) -> bool {
        if self.rest().starts_with(lit) {
            self.pos += lit.len();
            true
        } else {
            false
        }
    }

    /// Skips blanks (not newlines).
    fn blanks(&mut self) {
        while let Some(c) = self.peek() {
            if c != '\n' && is_space(c) {
                self.pos += c.len_utf8();
            } else {
                break;
            }
        }
    }

    /// A run of ASCII digits of length 1..=max.
    fn number(&mut self, max: usize) -> Option<(u32, usize)> {
        let r = self.rest().as_bytes();
        let k = r.iter().take_while(|b| b.is_ascii_digit()).count();
        if k == 0 || k > max {
            return None;
        }
        let v = self.rest()[..k].parse().ok()?;
        self.pos += k;
        Some((v, k))
    }

    /// A word of letters (and `.`, `'`, `-` inside), returned as written.
    fn word(&mut self) -> Option<&'a str> {
        let start = self.pos;
        let mut end = start;
        for (i, c) in self.rest().char_indices() {
            let ok = is_alpha(c) || (i > 0 && matches!(c, '.' | '\'' | '\u{2019}' | '-' | '&'));
            if !ok {
                break;
            }
            end = start + i + c.len_utf8();
        }
        if end == start {
            return None;
        }
        self.pos = end;
        Some(&self.s[start..end])
    }
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// The month a word names, full or abbreviated ("Aug", "Sept", "AUGUST"), 1-based.
fn month(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.');
    if w.len() < 3 || !w.is_ascii() {
        return None;
    }
    let lw = w.to_ascii_lowercase();
    for (i, m) in MONTHS.iter().enumerate() {
        if *m == lw || (lw.len() >= 3 && m.starts_with(&lw) && (lw.len() == 3 || lw == "sept")) {
            return Some(i as u32 + 1);
        }
    }
    None
}

fn weekday(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    if w.len() < 3 || !w.is_ascii() {
        return false;
    }
    let lw = w.to_ascii_lowercase();
    WEEKDAYS.iter().any(|d| *d == lw || (d.starts_with(&lw) && (3..=5).contains(&lw.len())))
}

#[derive(Debug, Default)]
struct DateParts {
    year: Option<i32>,
    month_day: Option<(u32, u32)>,
}

/// Parses a date at the cursor: "9 August 2007", "Aug. 9, 2007", "March 3", "2007-08-09",
/// optionally after a weekday; a weekday alone also counts (with no parts).
fn date(c: &mut Cur<'_>) -> Option<DateParts> {
    let save = c.pos;
    let mut saw_weekday = false;
    if let Some(w) = c.word() {
        if weekday(w) {
            saw_weekday = true;
            c.eat(",");
            c.blanks();
        } else {
            c.pos = save;
        }
    }
    let after_weekday = c.pos;
    if let Some(d) = iso_date(c).or_else(|| day_month(c)).or_else(|| month_day(c)) {
        return Some(d);
    }
    c.pos = after_weekday;
    if saw_weekday {
        // Leave the cursor after the weekday word, not after the blanks that followed it.
        c.pos = c.s[..c.pos].trim_end().len();
        return Some(DateParts::default());
    }
    c.pos = save;
    None
}

fn iso_date(c: &mut Cur<'_>) -> Option<DateParts> {
    let save = c.pos;
    let r = c.rest().as_bytes();
    if r.len() >= 10 && r[4] == b'-' && r[7] == b'-' {
        let num = |a: usize, b: usize| c.rest().get(a..b).and_then(|s| s.parse::<u32>().ok());
        if let (Some(y), Some(m), Some(d)) = (num(0, 4), num(5, 7), num(8, 10)) {
            if valid_md(m, d) && !r.get(10).is_some_and(u8::is_ascii_alphanumeric) {
                c.pos += 10;
                return Some(DateParts { year: Some(y as i32), month_day: Some((m, d)) });
            }
        }
    }
    c.pos = save;
    None
}

fn valid_md(m: u32, d: u32) -> bool {
    (1..=12).contains(&m) && (1..=31).contains(&d)
}

/// An optional ", 2007" or " 2007" after a day and month.
fn year(c: &mut Cur<'_>) -> Option<i32> {
    let save = c.pos;
    c.eat(",");
    c.blanks();
    if let Some((y, 4)) = c.number(4) {
        if (1800..=2200).contains(&y) && !c.peek().is_some_and(char::is_alphanumeric) {
            return Some(y as i32);
        }
    }
    c.pos = save;
    None
}

fn day_month(c: &mut Cur<'_>) -> Option<DateParts> {
    let save = c.pos;
    if let Some((d, _)) = c.number(2) {
        c.blanks();
        if let Some(m) = c.word().and_then(month) {
            if valid_md(m, d) {
                let y = year(c);
                return Some(DateParts { year: y, month_day: Some((m, d)) });
            }
        }
    }
    c.pos = save;
    None
}

fn month_day(c: &mut Cur<'_>) -> Option<DateParts> {
    let save = c.pos;
    if let Some(m) = c.word().and_then(month) {
        c.blanks();
        if let Some((d, _)) = c.number(2) {
            // Ordinal suffixes: "Aug. 9th".
            for suf in ["st", "nd", "rd", "th"] {
                if c.rest().starts_with(suf) {
                    c.pos += 2;
                    break;
                }
            }
            if valid_md(m, d) && !c.peek().is_some_and(char::is_alphanumeric) {
                let y = year(c);
                return Some(DateParts { year: y, month_day: Some((m, d)) });
            }
        }
    }
    c.pos = save;
    None
}

/// A place: up to six capitalised words joined by spaces or slashes. Returns its end and whether it
/// is written in capitals (a strong sign of a dateline).
fn place(c: &mut Cur<'_>) -> Option<(usize, bool)> {
    let start = c.pos;
    let mut end = start;
    let mut all_caps = true;
    let mut letters = 0;
    for _ in 0..6 {
        let save = c.pos;
        let Some(w) = c.word() else { break };
        let first = w.chars().next().unwrap_or(' ');
        // Month names end the place ("TEHRAN Aug. 9"); lower-case words are prose.
        if !is_upper(first) || (month(w).is_some() && end > start) {
            c.pos = save;
            break;
        }
        for ch in w.chars().filter(|ch| is_alpha(*ch)) {
            letters += 1;
            all_caps &= !is_lower(ch);
        }
        end = c.pos;
        // Continue over " " or "/" followed by another word.
        let save = c.pos;
        if !(c.eat(" ") || c.eat("/")) {
            break;
        }
        if !c.peek().is_some_and(is_upper) {
            c.pos = save;
            break;
        }
    }
    c.pos = end;
    if end == start || end - start > MAX_PLACE {
        c.pos = start;
        return None;
    }
    Some((end, all_caps && letters >= 2))
}

/// A news source in parentheses or slashes: "(Reuters)", "(AP)", "/Xinhua/".
fn source<'a>(c: &mut Cur<'a>) -> Option<&'a str> {
    let save = c.pos;
    let close = if c.eat("(") {
        ')'
    } else if c.eat("/") {
        '/'
    } else {
        return None;
    };
    let rest = c.rest();
    if let Some(k) = rest.find(close) {
        let inner = rest[..k].trim();
        if inner.len() >= 2
            && k <= MAX_SOURCE
            && !inner.contains(['\n', '.', ',', '('])
            && inner.chars().next().is_some_and(is_upper)
        {
            c.pos += k + 1;
            return Some(inner);
        }
    }
    c.pos = save;
    None
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sep {
    Dash,
    Colon,
    EndOfLine,
    None,
}

fn separator(c: &mut Cur<'_>) -> Sep {
    let save = c.pos;
    c.blanks();
    if c.rest().is_empty() || c.rest().starts_with(['\n', '\r']) {
        c.pos = save;
        return Sep::EndOfLine;
    }
    for dash in ["\u{2014}", "\u{2013}", "\u{2015}", "---", "--", "-"] {
        if c.eat(dash) {
            // A hyphen must stand alone, or it is part of a word.
            let free = dash.len() > 1 || dash.starts_with('\u{2014}') || c.peek().is_none_or(is_space);
            if free {
                return Sep::Dash;
            }
            c.pos -= dash.len();
            break;
        }
    }
    if c.eat(":") && c.peek().is_none_or(is_space) {
        return Sep::Colon;
    }
    c.pos = save;
    Sep::None
}

fn parse_at(text: &str, start: usize) -> Option<Dateline> {
    let line_end = text[start..].find('\n').map_or(text.len(), |k| start + k);
    let line = &text[start..line_end];
    let mut c = Cur { s: line, pos: 0 };
    let mut place_span = None;
    let mut strong = false;
    let mut parts = date(&mut c);
    // A source alone may open the story: "(AP) -".
    let lead_source = if parts.is_none() && c.rest().starts_with('(') { source(&mut c) } else { None };
    if parts.is_none() && lead_source.is_none() {
        let (end, caps) = place(&mut c)?;
        place_span = Some((0, end));
        strong = caps;
        // ", Iraq" or ", Ill." may follow the city, then ", DATE".
        for _ in 0..3 {
            let save = c.pos;
            if !c.eat(",") {
                break;
            }
            c.blanks();
            if let Some(d) = date(&mut c) {
                parts = Some(d);
                break;
            }
            match place(&mut c) {
                Some((end, _)) => place_span = Some((0, end)),
                None => {
                    c.pos = save;
                    break;
                }
            }
        }
    }
    let after_date = c.pos;
    c.blanks();
    let mut src = source(&mut c);
    if src.is_none() {
        c.pos = after_date;
        src = lead_source;
    }
    let sep = separator(&mut c);
    let has_date_or_source = parts.is_some() || src.is_some();
    let accept = match sep {
        Sep::Dash => has_date_or_source || (strong && story_follows(c.rest())),
        Sep::Colon => has_date_or_source,
        Sep::EndOfLine => has_date_or_source,
        // "TEHRAN, 9 August 2007 Iraqi ..." without separator: accept only the strong combination.
        Sep::None => strong && parts.is_some() && c.peek().is_some_and(is_space),
    };
    if !accept {
        return None;
    }
    let end = c.pos;
    let parts = parts.unwrap_or_default();
    let place = place_span.map(|(a, b)| line[a..b].trim_end_matches([',', ' ']).to_string());
    Some(Dateline {
        span: Span::new(start, start + end),
        place,
        date: match (parts.year, parts.month_day) {
            (Some(y), Some((m, d))) => chrono::NaiveDate::from_ymd_opt(y, m, d),
            _ => None,
        },
        source: src.map(str::to_string),
        month_day: parts.month_day,
    })
}

/// Whether the text after a place and a dash reads as the start of a story: it begins like a
/// sentence and is not itself in capitals (then the line is a headline, "IRAN - US TALKS").
fn story_follows(rest: &str) -> bool {
    let rest = rest.trim_start();
    let Some(first) = rest.chars().next() else { return false };
    if !(is_upper(first) || first.is_ascii_digit() || crate::chars::is_opener(first)) {
        return false;
    }
    let (mut letters, mut upper) = (0, 0);
    for c in rest.chars().filter(|c| c.is_alphabetic()).take(40) {
        letters += 1;
        upper += usize::from(is_upper(c));
    }
    !(letters >= 4 && upper * 10 >= letters * 8)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn dl(text: &str) -> Dateline {
        detect(text).unwrap_or_else(|| panic!("no dateline in {text:?}"))
    }

    #[test]
    fn shapes() {
        let t = "TEHRAN, 9 August 2007 \u{2014} Iraqi Prime Minister";
        let d = dl(t);
        assert_eq!(d.span.slice(t), "TEHRAN, 9 August 2007 \u{2014}");
        assert_eq!(d.place.as_deref(), Some("TEHRAN"));
        assert_eq!(d.date, NaiveDate::from_ymd_opt(2007, 8, 9));

        let t = "WASHINGTON (Reuters) - The";
        let d = dl(t);
        assert_eq!(d.span.slice(t), "WASHINGTON (Reuters) -");
        assert_eq!(d.source.as_deref(), Some("Reuters"));
        assert_eq!(d.date, None);

        let t = "BAGHDAD, Aug. 9, 2007 (AFP) -- Gunmen";
        let d = dl(t);
        assert_eq!(d.span.slice(t), "BAGHDAD, Aug. 9, 2007 (AFP) --");
        assert_eq!((d.place.as_deref(), d.source.as_deref()), (Some("BAGHDAD"), Some("AFP")));
        assert_eq!(d.date, NaiveDate::from_ymd_opt(2007, 8, 9));

        let t = "Aug. 9, 2007\nIraqi officials said";
        let d = dl(t);
        assert_eq!(d.span.slice(t), "Aug. 9, 2007");
        assert_eq!(d.place, None);

        let t = "LONDON \u{2014} Britain said";
        assert_eq!(dl(t).span.slice(t), "LONDON \u{2014}");

        let t = "NEW YORK, March 3 (AP) \u{2014} Stocks";
        let d = dl(t);
        assert_eq!(d.place.as_deref(), Some("NEW YORK"));
        assert_eq!((d.date, d.month_day), (None, Some((3, 3))));

        let t = "FALLUJAH, Iraq, Thursday, Aug. 9 (AP) \u{2014} Marines";
        let d = dl(t);
        assert_eq!(d.place.as_deref(), Some("FALLUJAH, Iraq"));
        assert_eq!(d.month_day, Some((8, 9)));

        let t = "SPRINGFIELD, Ill. (AP) \u{2014} A";
        assert_eq!(dl(t).place.as_deref(), Some("SPRINGFIELD, Ill."));

        let t = "BEIJING, Aug. 9 /Xinhua/ -- China said";
        let d = dl(t);
        assert_eq!((d.span.slice(t), d.source.as_deref()), ("BEIJING, Aug. 9 /Xinhua/ --", Some("Xinhua")));

        let t = "(AP) \u{2014} Police said";
        assert_eq!((dl(t).span.slice(t), dl(t).place), ("(AP) \u{2014}", None));

        let t = "WASHINGTON, D.C., Thursday, August 9th, 2007 -- The";
        let d = dl(t);
        assert_eq!(
            (d.place.as_deref(), d.date),
            (Some("WASHINGTON, D.C."), NaiveDate::from_ymd_opt(2007, 8, 9))
        );

        let t = "KABUL, Afghanistan (Reuters) - Taliban";
        assert_eq!(dl(t).place.as_deref(), Some("KABUL, Afghanistan"));

        let t = "2007-08-09 \u{2013} Tehran";
        assert_eq!(dl(t).date, NaiveDate::from_ymd_opt(2007, 8, 9));
    }

    #[test]
    fn not_datelines() {
        assert!(detect("The talks ended - without result.").is_none());
        assert!(detect("Iraqi Prime Minister Nuri Al-Maliki held talks.").is_none());
        assert!(detect("IRAN - US TALKS END").is_none());
        assert!(detect("9 August 2007 was a hot day.").is_none());
        assert!(detect("NOTE: nothing").is_none());
        assert!(detect("").is_none());
        assert!(detect("(a) The first point").is_none());
        assert!(detect("Mr. Smith (left) - said nothing").is_none());
        assert!(detect("LONDON").is_none());
    }

    #[test]
    fn after_headline_and_byline() {
        let t = "Iran Agrees to Talks\nBy John Smith\nUNITED NATIONS, Aug 9 (Reuters) - Iran agreed.";
        let d = dl(t);
        assert_eq!(
            (d.place.as_deref(), d.source.as_deref(), d.month_day),
            (Some("UNITED NATIONS"), Some("Reuters"), Some((8, 9)))
        );
        // Prose first: no dateline is looked for further down.
        assert!(detect("Talks went on all day.\nLONDON \u{2014} More talks.").is_none());
    }

    #[test]
    fn after_headline() {
        let t = "IRAN AGREES TO TALKS\n\nTEHRAN, 9 August 2007 \u{2014} Iran agreed.";
        let d = dl(t);
        assert_eq!(d.span.slice(t), "TEHRAN, 9 August 2007 \u{2014}");
    }
}
