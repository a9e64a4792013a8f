//! Text helpers shared by the readers: comment-stripped line iteration, word normalization
//! (the one rule applied to dictionary words and sentence tokens alike), English plural and
//! verb-form generation, and PETRARCH date parsing.

use std::sync::Arc;

use chrono::NaiveDate;

use crate::model::{Diagnostic, Loc, Severity};

/// A content line of a dictionary file: 1-based number and the text without comments, trimmed.
pub(crate) struct Line<'a> {
    pub no: u32,
    pub text: &'a str,
    /// The comment after `#` (or ` ;`), trimmed; empty when none.
    pub comment: &'a str,
}

/// Iterates over the content lines of a dictionary file, PETRARCH style: lines starting with
/// `#` or `<!` are skipped, `<!-- ... -->` comments are removed (also across lines), text after
/// `#` is a comment, and so is text after ` ;` when `semicolon` is set (the actor and verb
/// files use `; CountryInfo.txt`-style notes). Blank lines are skipped.
pub(crate) fn content_lines(text: &str, semicolon: bool) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut in_xml_comment = false;
    for (i, raw) in text.lines().enumerate() {
        let no = u32::try_from(i + 1).unwrap_or(u32::MAX);
        let mut s = raw.strip_suffix('\r').unwrap_or(raw);
        if in_xml_comment {
            match s.find("-->") {
                Some(p) => {
                    in_xml_comment = false;
                    s = &s[p + 3..];
                }
                None => continue,
            }
        }
        if let Some(p) = s.find("<!--") {
            match s[p..].find("-->") {
                // A one-line comment is removed; PETRARCH keeps the text on both sides, which
                // here means the text before it, or the text after it when nothing precedes.
                Some(q) => {
                    let after = &s[p + q + 3..];
                    s = if s[..p].trim().is_empty() { after } else { &s[..p] };
                }
                None => {
                    in_xml_comment = true;
                    s = &s[..p];
                }
            }
        } else if s.trim_start().starts_with("<!") {
            continue;
        }
        let mut comment = "";
        if let Some(p) = s.find('#') {
            comment = s[p + 1..].trim();
            s = &s[..p];
        }
        if semicolon {
            if let Some(p) = s.find(" ;").or_else(|| s.find("\t;")) {
                comment = s[p + 2..].trim();
                s = &s[..p];
            } else if s.trim_start().starts_with(';') {
                continue;
            }
        }
        let t = s.trim();
        if !t.is_empty() {
            out.push(Line { no, text: t, comment });
        }
    }
    out
}

/// Collects diagnostics for one file.
pub(crate) struct Diags<'a> {
    pub file: Arc<str>,
    pub out: &'a mut Vec<Diagnostic>,
}

impl Diags<'_> {
    pub fn loc(&self, line: u32) -> Loc {
        Loc { file: self.file.clone(), line }
    }

    pub fn error(&mut self, line: u32, message: impl Into<String>) {
        let loc = self.loc(line);
        self.out.push(Diagnostic { loc, severity: Severity::Error, message: message.into() });
    }

    pub fn warning(&mut self, line: u32, message: impl Into<String>) {
        let loc = self.loc(line);
        self.out.push(Diagnostic { loc, severity: Severity::Warning, message: message.into() });
    }
}

/// Normalizes one word (a dictionary word or a sentence token) into `out`, as the parts it
/// matches as: upper case; split at hyphens (so "AL-MALIKI" and the tokens "Al" "-" "Maliki"
/// both give AL, MALIKI); a trailing possessive `'s` removed; surrounding quotes, brackets and
/// a trailing period removed. A token that is only punctuation of that kind (`'s`, `-`, `.`)
/// gives no parts. Calls `emit` once per part.
pub fn normalize_word(word: &str, buf: &mut String, mut emit: impl FnMut(&str)) {
    for part in word.split(['-', '\u{2010}', '\u{2011}']) {
        buf.clear();
        for c in part.chars() {
            if c.is_ascii() {
                buf.push(c.to_ascii_uppercase());
            } else if c == '\u{2019}' {
                buf.push('\'');
            } else {
                buf.extend(c.to_uppercase());
            }
        }
        let mut s: &str = buf.as_str();
        s = s.trim_matches(|c: char| matches!(c, '"' | '`' | '(' | ')' | '[' | ']' | '{' | '}'));
        if let Some(t) = s.strip_suffix("'S") {
            s = t;
        }
        s = s.trim_end_matches(['.', '\'']);
        s = s.trim_start_matches('\'');
        if !s.is_empty() {
            emit(s);
        }
    }
}

/// Splits a dictionary phrase (words joined by `_` or blanks) into normalized words.
pub(crate) fn phrase_words(phrase: &str) -> Vec<Box<str>> {
    let mut out = Vec::new();
    let mut buf = String::new();
    for w in phrase.split(|c: char| c == '_' || c.is_whitespace()) {
        if !w.is_empty() {
            normalize_word(w, &mut buf, |p| out.push(p.into()));
        }
    }
    out
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'A' | b'E' | b'I' | b'O' | b'U')
}

/// The regular plural of an upper-case noun: -IES after a consonant + Y, -ES after SS, X, Z, CH
/// and SH, otherwise -S. A word ending in a single S is taken to be plural already and is
/// returned unchanged (the dictionaries list "FORCES", "MARINES" as members).
pub(crate) fn plural(word: &str) -> String {
    let b = word.as_bytes();
    let n = b.len();
    if n >= 2 && b[n - 1] == b'Y' && !is_vowel(b[n - 2]) {
        format!("{}IES", &word[..n - 1])
    } else if word.ends_with('S') && !word.ends_with("SS") {
        word.to_string()
    } else if word.ends_with("SS")
        || word.ends_with('X')
        || word.ends_with('Z')
        || word.ends_with("CH")
        || word.ends_with("SH")
    {
        format!("{word}ES")
    } else {
        format!("{word}S")
    }
}

/// The regular forms of an upper-case verb: third person (-S/-ES/-IES), past (-ED/-D/-IED) and
/// gerund (-ING, dropping a silent final E); for a word ending consonant-vowel-consonant, the
/// doubled past and gerund too (BAN: BANNED, BANNING; COMMIT: COMMITTED), since which of
/// the two is right depends on stress. Irregular verbs list their forms in `{...}`.
pub(crate) fn verb_forms(verb: &str) -> Vec<String> {
    let b = verb.as_bytes();
    let n = b.len();
    let cons_y = n >= 2 && b[n - 1] == b'Y' && !is_vowel(b[n - 2]);
    let s = if cons_y {
        format!("{}IES", &verb[..n - 1])
    } else if verb.ends_with('S')
        || verb.ends_with('X')
        || verb.ends_with('Z')
        || verb.ends_with("CH")
        || verb.ends_with("SH")
    {
        format!("{verb}ES")
    } else {
        format!("{verb}S")
    };
    let ed = if verb.ends_with('E') {
        format!("{verb}D")
    } else if cons_y {
        format!("{}IED", &verb[..n - 1])
    } else {
        format!("{verb}ED")
    };
    let ing = if n >= 3
        && verb.ends_with('E')
        && !verb.ends_with("EE")
        && !verb.ends_with("YE")
        && !verb.ends_with("IE")
    {
        format!("{}ING", &verb[..n - 1])
    } else if verb.ends_with("IE") {
        format!("{}YING", &verb[..n - 2])
    } else {
        format!("{verb}ING")
    };
    let mut out = vec![s, ed, ing];
    let cvc = n >= 3
        && b[n - 1].is_ascii_uppercase()
        && !is_vowel(b[n - 1])
        && !matches!(b[n - 1], b'W' | b'X' | b'Y')
        && is_vowel(b[n - 2])
        && !is_vowel(b[n - 3])
        && b[n - 3].is_ascii_uppercase();
    if cvc {
        let last = char::from(b[n - 1]);
        out.push(format!("{verb}{last}ED"));
        out.push(format!("{verb}{last}ING"));
    }
    out
}

/// Parses a PETRARCH date: `YYMMDD` (years 00-30 are 20YY, others 19YY, as in KEDS/TABARI) or
/// `YYYYMMDD`.
pub(crate) fn parse_date(s: &str) -> Option<NaiveDate> {
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let num = |a: usize, b: usize| s.get(a..b).and_then(|x| x.parse::<u32>().ok());
    let (y, m, d) = match s.len() {
        6 => {
            let yy = num(0, 2)?;
            let y = if yy <= 30 { 2000 + yy } else { 1900 + yy };
            (y, num(2, 4)?, num(4, 6)?)
        }
        8 => (num(0, 4)?, num(4, 6)?, num(6, 8)?),
        _ => return None,
    };
    NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)
}

/// The bracketed groups of a line (`[IRQGOV 20060520-20140908]`), as the text inside the
/// brackets, plus the text before the first `[`. An unclosed bracket runs to the end of the
/// line (and to the first `}` for the agents' `[~LEG}` typo).
pub(crate) fn split_brackets(line: &str) -> (&str, Vec<&str>) {
    let Some(first) = line.find('[') else {
        return (line, Vec::new());
    };
    let mut groups = Vec::new();
    let mut rest = &line[first..];
    while let Some(p) = rest.find('[') {
        let after = &rest[p + 1..];
        let end = after.find(']').or_else(|| after.find('}')).unwrap_or(after.len());
        groups.push(after[..end].trim());
        rest = after.get(end + 1..).unwrap_or("");
    }
    (&line[..first], groups)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(w: &str) -> Vec<String> {
        let mut v = Vec::new();
        let mut b = String::new();
        normalize_word(w, &mut b, |p| v.push(p.to_string()));
        v
    }

    #[test]
    fn normalizes_hyphens_possessives_and_case() {
        assert_eq!(norm("Al-Maliki"), ["AL", "MALIKI"]);
        assert_eq!(norm("-"), Vec::<String>::new());
        assert_eq!(norm("'s"), Vec::<String>::new());
        assert_eq!(norm("Iraq's"), ["IRAQ"]);
        assert_eq!(norm("Iraq\u{2019}s"), ["IRAQ"]);
        assert_eq!(norm("U.N."), ["U.N"]);
        assert_eq!(norm("O'Connor"), ["O'CONNOR"]);
        assert_eq!(phrase_words("NURI_AL-MALIKI_"), vec![Box::from("NURI"), "AL".into(), "MALIKI".into()]);
    }

    #[test]
    fn makes_regular_forms() {
        assert_eq!(plural("ARMY"), "ARMIES");
        assert_eq!(plural("ATTORNEY"), "ATTORNEYS");
        assert_eq!(plural("CONGRESS"), "CONGRESSES");
        assert_eq!(plural("MINISTER"), "MINISTERS");
        assert_eq!(plural("FORCES"), "FORCES");
        assert_eq!(verb_forms("ACCUSE"), ["ACCUSES", "ACCUSED", "ACCUSING"]);
        assert_eq!(verb_forms("RALLY"), ["RALLIES", "RALLIED", "RALLYING"]);
        assert_eq!(verb_forms("FINISH"), ["FINISHES", "FINISHED", "FINISHING"]);
        assert_eq!(verb_forms("AGREE"), ["AGREES", "AGREED", "AGREEING"]);
        assert_eq!(verb_forms("BAN"), ["BANS", "BANED", "BANING", "BANNED", "BANNING"]);
    }

    #[test]
    fn parses_dates_and_brackets() {
        assert_eq!(parse_date("060520"), NaiveDate::from_ymd_opt(2006, 5, 20));
        assert_eq!(parse_date("680101"), NaiveDate::from_ymd_opt(1968, 1, 1));
        assert_eq!(parse_date("20140908"), NaiveDate::from_ymd_opt(2014, 9, 8));
        assert_eq!(parse_date("20100931"), None);
        assert_eq!(parse_date("2010"), None);
        let (head, groups) = split_brackets("SERGIO_\t[A 1-2][B >3]# x");
        assert_eq!(head, "SERGIO_\t");
        assert_eq!(groups, ["A 1-2", "B >3"]);
    }

    #[test]
    fn strips_comments() {
        let t = "# head\n<!-- a\n b -->\nFOO [X] # c\nBAR ; note\n\n<!-- one -->BAZ\n";
        let lines = content_lines(t, true);
        let v: Vec<_> = lines.iter().map(|l| (l.no, l.text)).collect();
        assert_eq!(v, [(4, "FOO [X]"), (5, "BAR"), (7, "BAZ")]);
    }
}
