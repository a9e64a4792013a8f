//! The word scanner of dyad-time: splits a sentence into words, numbers and punctuation with byte
//! offsets, and classifies each word against the small closed vocabulary of time expressions.

use chrono::Weekday;

/// A unit of relative time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Day,
    Week,
    Month,
    Year,
}

/// A part of the day, which adds nothing to the date but belongs to the expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DayPart {
    Morning,
    Afternoon,
    Evening,
    Night,
}

/// What one token is, as far as time expressions care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lex {
    /// A month name; `weak` for "may" and "march" written in lower case (a verb more often than
    /// not); `abbrev` for "Jan", "Aug", "Sept"..., which also are names ("Jan Egeland").
    Month {
        month: u32,
        weak: bool,
        abbrev: bool,
    },
    Weekday(Weekday),
    /// Digits, optionally with an ordinal suffix ("9th"); `digits` counts the digits.
    Num {
        value: u32,
        digits: u8,
    },
    /// "one" to "twelve", and "a"/"an" as one.
    NumWord(u32),
    Unit(Unit),
    DayPart(DayPart),
    /// Day offsets from the article date: yesterday -1, today 0, tonight 0, tomorrow 1.
    DayWord(i64),
    Overnight,
    Last,
    Next,
    This,
    The,
    Ago,
    /// "earlier", "before", "previously".
    Earlier,
    /// "later", "after".
    Later,
    Previous,
    Following,
    /// "early", "late", "mid": modifiers of a month or year.
    Edge,
    /// Prepositions that introduce a bare month or year ("in May", "since 2003").
    Prep,
    In,
    Of,
    From,
    Now,
    /// One punctuation character.
    Punct(u8),
    Other,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok {
    pub start: u32,
    pub end: u32,
    pub lex: Lex,
}

/// Scans `text` into `out` (cleared first). Words are runs of ASCII letters and digits, so
/// "Monday's" is "Monday", "'", "s"; any other non-space character is a token of its own,
/// classified only when it is ASCII punctuation.
pub(crate) fn scan(text: &str, out: &mut Vec<Tok>) {
    out.clear();
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_alphanumeric() {
            let start = i;
            while i < b.len() && b[i].is_ascii_alphanumeric() {
                i += 1;
            }
            out.push(Tok { start: start as u32, end: i as u32, lex: classify(&text[start..i]) });
        } else if c.is_ascii_whitespace() {
            i += 1;
        } else if c.is_ascii() {
            out.push(Tok { start: i as u32, end: i as u32 + 1, lex: Lex::Punct(c) });
            i += 1;
        } else {
            // A non-ASCII character: skip to the next char boundary, never slicing inside one.
            let start = i;
            i += 1;
            while i < b.len() && !text.is_char_boundary(i) {
                i += 1;
            }
            let ch = text[start..i].chars().next().unwrap_or(' ');
            if !ch.is_whitespace() {
                out.push(Tok { start: start as u32, end: i as u32, lex: Lex::Other });
            }
        }
    }
}

fn classify(word: &str) -> Lex {
    if word.as_bytes()[0].is_ascii_digit() {
        return number(word);
    }
    let mut buf = [0u8; 12];
    if word.len() > buf.len() {
        return Lex::Other;
    }
    for (d, s) in buf.iter_mut().zip(word.bytes()) {
        *d = s.to_ascii_lowercase();
    }
    let lower = std::str::from_utf8(&buf[..word.len()]).unwrap_or("");
    let all_lower = word.bytes().all(|b| !b.is_ascii_uppercase());
    let month = |m: u32| Lex::Month { month: m, weak: false, abbrev: false };
    let abbrev = |m: u32| Lex::Month { month: m, weak: false, abbrev: true };
    match lower {
        "january" => month(1),
        "jan" => abbrev(1),
        "february" => month(2),
        "feb" => abbrev(2),
        "march" => Lex::Month { month: 3, weak: all_lower, abbrev: false },
        "mar" => abbrev(3),
        "april" => month(4),
        "apr" => abbrev(4),
        "may" => Lex::Month { month: 5, weak: all_lower, abbrev: false },
        "june" => month(6),
        "jun" => abbrev(6),
        "july" => month(7),
        "jul" => abbrev(7),
        "august" => month(8),
        "aug" => abbrev(8),
        "september" => month(9),
        "sep" | "sept" => abbrev(9),
        "october" => month(10),
        "oct" => abbrev(10),
        "november" => month(11),
        "nov" => abbrev(11),
        "december" => month(12),
        "dec" => abbrev(12),
        "monday" => Lex::Weekday(Weekday::Mon),
        "tuesday" => Lex::Weekday(Weekday::Tue),
        "wednesday" => Lex::Weekday(Weekday::Wed),
        "thursday" => Lex::Weekday(Weekday::Thu),
        "friday" => Lex::Weekday(Weekday::Fri),
        "saturday" => Lex::Weekday(Weekday::Sat),
        "sunday" => Lex::Weekday(Weekday::Sun),
        "a" | "an" | "one" => Lex::NumWord(1),
        "two" => Lex::NumWord(2),
        "three" => Lex::NumWord(3),
        "four" => Lex::NumWord(4),
        "five" => Lex::NumWord(5),
        "six" => Lex::NumWord(6),
        "seven" => Lex::NumWord(7),
        "eight" => Lex::NumWord(8),
        "nine" => Lex::NumWord(9),
        "ten" => Lex::NumWord(10),
        "eleven" => Lex::NumWord(11),
        "twelve" => Lex::NumWord(12),
        "day" | "days" => Lex::Unit(Unit::Day),
        "week" | "weeks" => Lex::Unit(Unit::Week),
        "month" | "months" => Lex::Unit(Unit::Month),
        "year" | "years" => Lex::Unit(Unit::Year),
        "morning" => Lex::DayPart(DayPart::Morning),
        "afternoon" => Lex::DayPart(DayPart::Afternoon),
        "evening" => Lex::DayPart(DayPart::Evening),
        "night" => Lex::DayPart(DayPart::Night),
        "yesterday" => Lex::DayWord(-1),
        "today" | "tonight" => Lex::DayWord(0),
        "tomorrow" => Lex::DayWord(1),
        "overnight" => Lex::Overnight,
        "last" | "past" => Lex::Last,
        "next" => Lex::Next,
        "this" => Lex::This,
        "the" => Lex::The,
        "ago" => Lex::Ago,
        "earlier" | "before" | "previously" => Lex::Earlier,
        "later" | "after" => Lex::Later,
        "previous" | "preceding" | "prior" => Lex::Previous,
        "following" => Lex::Following,
        "early" | "late" | "mid" => Lex::Edge,
        "in" => Lex::In,
        "of" => Lex::Of,
        "from" => Lex::From,
        "now" => Lex::Now,
        "on" | "during" | "since" | "until" | "till" | "by" | "through" | "throughout" | "between"
        | "and" | "to" | "around" | "circa" => Lex::Prep,
        _ => Lex::Other,
    }
}

/// "9", "2007", "09", "9th", "21st"; anything else made of digits and letters is `Other`.
/// Whether `word` names a point in time on its own: a month or its abbreviation, a weekday, a
/// day word ("yesterday", "tonight"), a part of the day, the weekend, or a four-digit year.
pub(crate) fn names_time(word: &str) -> bool {
    !word.is_empty()
        && (matches!(
            classify(word),
            Lex::Month { .. }
                | Lex::Weekday(_)
                | Lex::DayWord(_)
                | Lex::DayPart(_)
                | Lex::Num { digits: 4, .. }
        ) || word.eq_ignore_ascii_case("weekend"))
}

fn number(word: &str) -> Lex {
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    let suffix = &word[digits..];
    let ordinal = ["st", "nd", "rd", "th"].iter().any(|s| suffix.eq_ignore_ascii_case(s));
    if digits > 4 || !(suffix.is_empty() || ordinal) {
        return Lex::Other;
    }
    match word[..digits].parse::<u32>() {
        Ok(value) => Lex::Num { value, digits: digits as u8 },
        Err(_) => Lex::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexes(s: &str) -> Vec<Lex> {
        let mut v = Vec::new();
        scan(s, &mut v);
        v.into_iter().map(|t| t.lex).collect()
    }

    #[test]
    fn time_words_stand_alone() {
        for w in ["Tuesday", "MAY", "Jan", "yesterday", "TONIGHT", "night", "weekend", "2003"] {
            assert!(names_time(w), "{w}");
        }
        for w in ["", "talks", "Iraq", "12", "20031", "1990s", "the"] {
            assert!(!names_time(w), "{w}");
        }
    }

    #[test]
    fn scans_words_numbers_and_punctuation() {
        assert_eq!(
            lexes("On Aug. 9, 2007"),
            [
                Lex::Prep,
                Lex::Month { month: 8, weak: false, abbrev: true },
                Lex::Punct(b'.'),
                Lex::Num { value: 9, digits: 1 },
                Lex::Punct(b','),
                Lex::Num { value: 2007, digits: 4 },
            ]
        );
        assert_eq!(lexes("the 9th"), [Lex::The, Lex::Num { value: 9, digits: 1 }]);
        assert_eq!(
            lexes("may MAY"),
            [
                Lex::Month { month: 5, weak: true, abbrev: false },
                Lex::Month { month: 5, weak: false, abbrev: false }
            ]
        );
        assert_eq!(lexes("9mm 123456 — é"), [Lex::Other, Lex::Other, Lex::Other, Lex::Other]);
    }
}
