//! Abbreviations that keep their period, and the rule deciding whether such a period also ends the
//! sentence.
//!
//! EWT (like the Penn Treebank) writes `Mr.` and `U.S.` as one token, but when an abbreviation ends a
//! sentence its period becomes a token of its own (`etc` `.`). The tokenizer therefore asks this
//! module, with a look at the following word, whether the period belongs to the word.

use crate::chars::{eq_lower, is_alpha, is_digit, is_lower, is_upper};

/// How an abbreviation behaves at a possible sentence end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AbbrevKind {
    /// Titles before names (`Mr.`, `Gen.`): a sentence never ends on them inside a paragraph.
    Title,
    /// Single capital initials (`W.` in "George W. Bush").
    Initial,
    /// Words that prefix a number (`No. 3`, `Vol. 2`).
    NumberPrefix,
    /// Months and weekdays (`Aug. 9`).
    Month,
    /// Words that never end a sentence (`vs.`, `e.g.`).
    Never,
    /// Everything else (`U.S.`, `Inc.`, `etc.`): ends a sentence before a typical sentence opener.
    Other,
}

/// Titles, written with the case they take in running text.
const TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Messrs", "Mme", "Mlle", "Dr", "Drs", "Prof", "Gen", "Gens", "Lt", "Col", "Maj",
    "Capt", "Cpt", "Sgt", "Cpl", "Pvt", "Pte", "Adm", "Cmdr", "Cdr", "Cmdt", "Brig", "Sen", "Sens", "Rep",
    "Reps", "Gov", "Govs", "Pres", "Rev", "Hon", "Fr", "Amb", "Supt", "Insp", "Det", "Ft", "Mt", "Atty",
    "Lieut", "Rt", "Msgr", "Spec", "Attn", "Pfc", "Ens", "Comdr", "Dep", "Asst",
];

const MONTHS: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mon", "Tue",
    "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun",
];

const NUMBER_PREFIXES: &[&str] = &[
    "No", "Nos", "Art", "Arts", "Vol", "Vols", "pp", "p", "Fig", "Figs", "Ch", "Sec", "Para", "Pt", "Nr",
    "Tel", "Ext", "ext", "Rm", "Ph", "Fax", "Mob", "Ref", "Sect",
];

const NEVER: &[&str] = &["vs", "ret", "cf", "viz", "approx", "incl", "esp", "eg", "ie", "Esp", "et", "ca"];

const OTHER: &[&str] = &[
    "etc", "Inc", "Corp", "Co", "Cos", "Ltd", "Plc", "Jr", "Sr", "Bros", "St", "Ave", "Blvd", "Rd", "Dept",
    "Univ", "Assn", "Intl", "Govt", "est", "lb", "lbs", "oz", "yrs", "mins", "hrs", "sq", "al", "Mass",
    "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Kans", "Ky",
    "La", "Md", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Penn", "Tenn",
    "Tex", "Va", "Vt", "Wash", "Wis", "Wyo", "Que", "Ont", "Sask", "Man", "Alta", "info", "ft", "min", "max",
    "misc", "dept", "govt", "Gov't",
];

/// Common words that open a sentence; an ambiguous abbreviation followed by one of them ends the sentence.
const OPENERS: &[&str] = &[
    "the",
    "a",
    "an",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "but",
    "and",
    "or",
    "so",
    "yet",
    "in",
    "on",
    "at",
    "for",
    "from",
    "with",
    "by",
    "as",
    "after",
    "before",
    "when",
    "while",
    "if",
    "although",
    "though",
    "since",
    "this",
    "that",
    "these",
    "those",
    "there",
    "here",
    "his",
    "her",
    "its",
    "their",
    "our",
    "my",
    "your",
    "however",
    "meanwhile",
    "also",
    "still",
    "some",
    "many",
    "most",
    "all",
    "no",
    "not",
    "what",
    "why",
    "how",
    "who",
    "where",
    "which",
    "one",
    "two",
    "three",
    "last",
    "earlier",
    "later",
    "today",
    "yesterday",
    "tomorrow",
    "such",
    "both",
    "each",
    "another",
    "other",
    "officials",
    "thanks",
    "please",
    "let",
    "then",
    "now",
    "during",
    "under",
    "instead",
    "nevertheless",
    "furthermore",
    "moreover",
    "according",
    "despite",
    "do",
    "did",
    "does",
    "is",
    "are",
    "was",
    "were",
    "will",
    "would",
    "can",
    "could",
    "should",
    "mr",
    "mrs",
    "ms",
    "dr",
];

/// Compares `word` with a list entry: ASCII case-insensitive, but an entry written with a capital
/// only matches a word that starts with a capital, so that "wed." or "no." in lower case stay words.
fn matches_entry(word: &str, entry: &str) -> bool {
    if !eq_lower_any(word, entry) {
        return false;
    }
    let e0 = entry.as_bytes()[0];
    let w0 = word.as_bytes()[0];
    !(e0.is_ascii_uppercase() && w0.is_ascii_lowercase())
}

fn eq_lower_any(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).all(|(x, y)| x.eq_ignore_ascii_case(&y))
}

fn in_list(word: &str, list: &[&str]) -> bool {
    list.iter().any(|e| matches_entry(word, e))
}

/// Whether some entry of any list starts with the same letter (ASCII case-insensitive): a cheap
/// filter that spares most words the list scans.
fn may_be_listed(first: u8) -> bool {
    static FIRST: std::sync::OnceLock<[bool; 256]> = std::sync::OnceLock::new();
    let table = FIRST.get_or_init(|| {
        let mut t = [false; 256];
        for list in [TITLES, MONTHS, NUMBER_PREFIXES, NEVER, OTHER] {
            for e in list {
                let b = e.as_bytes()[0];
                t[b.to_ascii_lowercase() as usize] = true;
                t[b.to_ascii_uppercase() as usize] = true;
            }
        }
        t
    });
    table[first as usize]
}

/// Classifies `word` (without its final period) as an abbreviation, or `None` for an ordinary word
/// whose period is punctuation.
pub(crate) fn classify(word: &str) -> Option<AbbrevKind> {
    let len = word.len();
    if len == 0 || len > 8 {
        return None;
    }
    let mut chars = word.chars();
    let first = chars.next()?;
    if chars.next().is_none() {
        // A lone letter: a capital is an initial; a lower-case one is a list marker or "p."/"c.".
        if is_upper(first) {
            return Some(AbbrevKind::Initial);
        }
        if word == "p" {
            return Some(AbbrevKind::NumberPrefix);
        }
        return if is_alpha(first) { Some(AbbrevKind::Other) } else { None };
    }
    if word.contains('.') {
        return initialism(word);
    }
    if !may_be_listed(word.as_bytes()[0]) {
        None
    } else if in_list(word, TITLES) {
        Some(AbbrevKind::Title)
    } else if in_list(word, MONTHS) {
        Some(AbbrevKind::Month)
    } else if in_list(word, NUMBER_PREFIXES) {
        Some(AbbrevKind::NumberPrefix)
    } else if in_list(word, NEVER) {
        Some(AbbrevKind::Never)
    } else if in_list(word, OTHER) {
        Some(AbbrevKind::Other)
    } else {
        None
    }
}

/// Dotted initialisms: "U.S", "a.m", "i.e", "Ph.D" (letters in groups of at most two).
fn initialism(word: &str) -> Option<AbbrevKind> {
    let mut groups = 0;
    for g in word.split('.') {
        if g.is_empty() || g.len() > 2 || !g.chars().all(|c| c.is_ascii_alphabetic()) {
            return None;
        }
        groups += 1;
    }
    if groups < 2 {
        return None;
    }
    if eq_lower(word, "e.g") || eq_lower(word, "i.e") || eq_lower(word, "a.k.a") || eq_lower(word, "et.al") {
        Some(AbbrevKind::Never)
    } else {
        Some(AbbrevKind::Other)
    }
}

/// What follows a period, as far as the sentence decision needs it.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Next<'a> {
    /// End of text or a paragraph break.
    End,
    /// Punctuation other than closing quotes and brackets directly after the period (`U.S.,`).
    Attached,
    /// The next whitespace-separated word, with its leading opening quotes and brackets removed,
    /// and whether such an opener was there.
    Word(&'a str, bool),
}

/// Decides whether the period after an abbreviation of `kind` ends the sentence.
pub(crate) fn ends_sentence(kind: AbbrevKind, next: Next<'_>) -> bool {
    match next {
        Next::End => true,
        // `U.S.,` keeps its period: other punctuation follows inside the sentence.
        Next::Attached => false,
        Next::Word(w, opener) => {
            let Some(c) = w.chars().next() else {
                return opener && kind == AbbrevKind::Other;
            };
            if is_lower(c) {
                return false;
            }
            match kind {
                AbbrevKind::Title | AbbrevKind::Never => false,
                AbbrevKind::NumberPrefix => !is_digit(c) && is_upper(c),
                AbbrevKind::Month => !is_digit(c) && is_opener_word(w),
                AbbrevKind::Initial => is_opener_word(w),
                AbbrevKind::Other => !is_digit(c) && (opener || is_opener_word(w)),
            }
        }
    }
}

/// Whether `w` (its leading letters) is a common sentence-opening word.
fn is_opener_word(w: &str) -> bool {
    let end = w.find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(w.len());
    let head = &w[..end];
    head.len() <= 12 && OPENERS.iter().any(|o| eq_lower(head, o))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies() {
        assert_eq!(classify("Mr"), Some(AbbrevKind::Title));
        assert_eq!(classify("U.S"), Some(AbbrevKind::Other));
        assert_eq!(classify("W"), Some(AbbrevKind::Initial));
        assert_eq!(classify("Aug"), Some(AbbrevKind::Month));
        assert_eq!(classify("e.g"), Some(AbbrevKind::Never));
        assert_eq!(classify("wed"), None);
        assert_eq!(classify("said"), None);
        assert_eq!(classify("google.com"), None);
    }

    #[test]
    fn sentence_end_rules() {
        assert!(!ends_sentence(AbbrevKind::Title, Next::Word("Smith", false)));
        assert!(ends_sentence(AbbrevKind::Other, Next::Word("The", false)));
        assert!(!ends_sentence(AbbrevKind::Other, Next::Word("Army", false)));
        assert!(!ends_sentence(AbbrevKind::NumberPrefix, Next::Word("3", false)));
        assert!(ends_sentence(AbbrevKind::Initial, Next::End));
        assert!(!ends_sentence(AbbrevKind::Other, Next::Attached));
    }
}
