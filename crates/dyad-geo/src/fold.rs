//! Name folding for the gazetteer: lower case, Latin diacritics removed, curly apostrophes made
//! plain, runs of white space made one space, so "São Paulo", "sao  paulo" and "SAO PAULO" meet.

/// Appends the folded form of `s` to `out` (which is not cleared).
pub fn fold_into(s: &str, out: &mut String) {
    let start = out.len();
    let mut pending_space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            pending_space = out.len() > start;
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        push_folded(c, out);
    }
}

/// The folded form of `s`.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

fn push_folded(c: char, out: &mut String) {
    let cp = c as u32;
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else if matches!(c, '\u{2018}' | '\u{2019}' | '\u{02BC}' | '\u{02BB}' | '`' | '\u{00B4}') {
        out.push('\'');
    } else if matches!(c, '\u{2010}'..='\u{2014}') {
        out.push('-');
    } else if (0x0300..0x0370).contains(&cp) {
        // A combining mark (decomposed input): dropped like the precomposed accents.
    } else if let Some(f) = table_fold(cp) {
        out.push_str(f);
    } else {
        out.extend(c.to_lowercase());
    }
}

fn table_fold(cp: u32) -> Option<&'static str> {
    let f = if (0xC0..0x250).contains(&cp) {
        LATIN_1_TO_B[(cp - 0xC0) as usize]
    } else if (0x1E00..0x1F00).contains(&cp) {
        LATIN_ADDITIONAL[(cp - 0x1E00) as usize]
    } else {
        ""
    };
    (!f.is_empty()).then_some(f)
}

/// Folds of U+00C0..U+0250 (generated with Python unicodedata: NFKD, combining marks dropped,
/// lower-cased; "" where that leaves no ASCII letters).
const LATIN_1_TO_B: [&str; 400] = [
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i", "d", "n", "o", "o", "o",
    "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "ss", "a", "a", "a", "a", "a", "a", "ae", "c", "e",
    "e", "e", "e", "i", "i", "i", "i", "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y",
    "th", "y", "a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d", "d", "d", "e",
    "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g", "g", "g", "g", "g", "h", "h", "h", "h",
    "i", "i", "i", "i", "i", "i", "i", "i", "i", "i", "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l",
    "l", "l", "l", "l", "l", "l", "l", "n", "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o", "o",
    "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s", "s", "s", "t", "t", "t",
    "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "w", "w", "y", "y", "y", "z",
    "z", "z", "z", "z", "z", "s", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "",
    "", "", "", "", "", "", "", "", "", "", "", "", "", "o", "o", "", "", "", "", "", "", "", "", "", "", "",
    "", "", "u", "u", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "dz", "dz",
    "dz", "lj", "lj", "lj", "nj", "nj", "nj", "a", "a", "i", "i", "o", "o", "u", "u", "u", "u", "u", "u",
    "u", "u", "u", "u", "", "a", "a", "a", "a", "", "", "", "", "g", "g", "k", "k", "o", "o", "o", "o", "",
    "", "j", "dz", "dz", "dz", "g", "g", "", "", "n", "n", "a", "a", "", "", "", "", "a", "a", "a", "a", "e",
    "e", "e", "e", "i", "i", "i", "i", "o", "o", "o", "o", "r", "r", "r", "r", "u", "u", "u", "u", "s", "s",
    "t", "t", "", "", "h", "h", "", "", "", "", "", "", "a", "a", "e", "e", "o", "o", "o", "o", "o", "o",
    "o", "o", "y", "y", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "",
    "", "", "", "", "", "", "",
];

/// Folds of U+1E00..U+1F00 (generated with Python unicodedata: NFKD, combining marks dropped,
/// lower-cased; "" where that leaves no ASCII letters).
const LATIN_ADDITIONAL: [&str; 256] = [
    "a", "a", "b", "b", "b", "b", "b", "b", "c", "c", "d", "d", "d", "d", "d", "d", "d", "d", "d", "d", "e",
    "e", "e", "e", "e", "e", "e", "e", "e", "e", "f", "f", "g", "g", "h", "h", "h", "h", "h", "h", "h", "h",
    "h", "h", "i", "i", "i", "i", "k", "k", "k", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l", "l", "m",
    "m", "m", "m", "m", "m", "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o", "o", "o", "o", "o",
    "p", "p", "p", "p", "r", "r", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s", "s", "s", "s",
    "s", "t", "t", "t", "t", "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "v", "v",
    "v", "v", "w", "w", "w", "w", "w", "w", "w", "w", "w", "w", "x", "x", "x", "x", "y", "y", "z", "z", "z",
    "z", "z", "z", "h", "t", "w", "y", "", "s", "", "", "ss", "", "a", "a", "a", "a", "a", "a", "a", "a",
    "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "e", "e", "e", "e", "e",
    "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "i", "i", "i", "i", "o", "o", "o", "o", "o", "o",
    "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "u", "u", "u",
    "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "y", "y", "y", "y", "y", "y", "y", "y", "", "",
    "", "", "", "",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_accents_quotes_and_space() {
        assert_eq!(fold("São  Paulo"), "sao paulo");
        assert_eq!(fold(" Hà Nội "), "ha noi");
        assert_eq!(fold("Côte d’Ivoire"), "cote d'ivoire");
        assert_eq!(fold("Ḩalab"), "halab");
        assert_eq!(fold("Łódź"), "lodz");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("Sa\u{0303}o"), "sao");
        assert_eq!(fold("ΑΘΗΝΑ"), "αθηνα");
        assert_eq!(fold(""), "");
    }
}
