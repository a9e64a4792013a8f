//! Tokenization into English-EWT (Penn-style) syntactic words, with exact byte spans.
//!
//! The text is cut at whitespace into chunks, and each chunk is cut further the way UD English-EWT
//! writes its word forms, so that a tagger trained on EWT sees the tokens it was trained on:
//! - punctuation is split from words (`"said."` -> `said` `.`), but kept inside numbers (`5.2`,
//!   `1,000`, `10:30`), dotted initialisms (`U.S.`) and URLs and e-mail addresses;
//! - clitics are split (`don't` -> `do` `n't`, `can't` -> `ca` `n't`, `cannot` -> `can` `not`,
//!   `Iran's` -> `Iran` `'s`), with straight or curly apostrophes;
//! - hyphenated compounds are split (`30-year-old` -> `30` `-` `year` `-` `old`, `Al-Maliki` ->
//!   `Al` `-` `Maliki`) except after bound prefixes (`non-`, `anti-`, `e-`) and between digits
//!   (phone numbers, `1990-91`), as EWT does;
//! - a known abbreviation keeps its period (`Mr.`, `Aug.`, `W.`) unless the period also ends the
//!   sentence, in which case it is a token of its own (`etc` `.`), again as in EWT.
//!
//! Every token is a non-empty substring of the text on char boundaries; the scanner works on bytes and
//! decodes a `char` only for non-ASCII bytes, and allocates nothing but the output vector.

use crate::abbrev::{classify, ends_sentence, Next};
use crate::chars::{
    decode, decode_before, is_alnum, is_alpha, is_apostrophe, is_closer, is_digit, is_mark, is_opener,
    is_space, is_upper, is_word,
};
use crate::{Span, Token};

/// Hyphen prefixes that EWT keeps attached to the following word (`non-violent`, `e-mail`).
const BOUND_PREFIXES: &[&str] = &[
    "e", "non", "mid", "anti", "pre", "re", "post", "over", "co", "pro", "multi", "ex", "semi", "sub",
    "cross", "neo", "counter", "psycho", "socio", "arch", "intra", "un", "mis", "micro", "inter", "extra",
    "ultra", "trans", "bi", "tri", "macro", "mega", "quasi", "pseudo", "geo", "infra", "hyper",
];

/// Emoticons kept as one token; longer ones first so that `:-)` wins over `:-`.
const EMOTICONS: &[&str] = &[
    ":'-(", ":-)", ":-(", ":-D", ":-P", ":-p", ":-/", ":-|", ":-O", ";-)", "^_^", "^^", ":')", ":'(", ":)",
    ":(", ":D", ":P", ":p", ":/", ":|", ":O", ":]", ":[", ";)", ";D", "=)", "=(", "<3",
];

/// Appends the tokens of `text[start..end]` to `out`.
pub(crate) fn tokenize(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    let bytes = text.as_bytes();
    let end = end.min(bytes.len());
    let mut i = start;
    while i < end {
        let b = bytes[i];
        if b < 0x80 {
            if b <= 0x20 || b == 0x7f {
                i += 1;
                continue;
            }
        } else {
            let (c, l) = decode(text, i);
            if is_space(c) {
                i += l;
                continue;
            }
        }
        // A chunk runs to the next whitespace; note the bytes that can start a URL or address so
        // the (rare) URL check only runs where it can succeed.
        let s = i;
        while i < end {
            let b = bytes[i];
            if b > 0x20 && b < 0x7f {
                i += 1;
            } else if b < 0x80 {
                break;
            } else {
                let (c, l) = decode(text, i);
                if is_space(c) {
                    break;
                }
                i += l;
            }
        }
        let chunk_bytes = &bytes[s..i];
        let maybe_url = chunk_bytes.len() >= 4
            && (matches!(chunk_bytes[0], b'w' | b'W') || chunk_bytes.iter().any(|&b| b == b'@' || b == b'/'));
        chunk(text, s, i, end, maybe_url, out);
    }
}

#[inline]
fn push(out: &mut Vec<Token>, a: usize, b: usize) {
    if b > a {
        out.push(Token { span: Span::new(a, b) });
    }
}

/// Tokenizes one whitespace-free chunk `text[s..e]`; `limit` bounds the look-ahead after it.
fn chunk(text: &str, s: usize, e: usize, limit: usize, maybe_url: bool, out: &mut Vec<Token>) {
    let mut p = s;
    while p < e {
        let (c, l) = decode(text, p);
        if is_word(c) && !is_mark(c) {
            if maybe_url {
                if let Some(u) = url_end(text, p, e) {
                    push(out, p, u);
                    p = u;
                    continue;
                }
            }
            p = word(text, p, e, limit, out);
        } else {
            p = punct(text, p, c, l, e, out);
        }
    }
}

/// Scans the word starting at `p` (a word character) and emits it, split at hyphens and clitics;
/// returns where scanning continues.
fn word(text: &str, p: usize, e: usize, limit: usize, out: &mut Vec<Token>) -> usize {
    let bytes = text.as_bytes();
    let mut ws = p; // start of the word being built
    let mut seg = p; // start of the current hyphen-separated segment
    let mut q = p;
    while q < e {
        // Fast path: ASCII letters after a non-digit need none of the checks below.
        if q == ws || !bytes[q - 1].is_ascii_digit() {
            while q < e && bytes[q].is_ascii_alphabetic() {
                q += 1;
            }
            if q >= e {
                break;
            }
        }
        let (c, l) = decode(text, q);
        if is_word(c) {
            // A number glued to a unit is two words in EWT ("51K", "300USD", "10am"), but ordinals and
            // decades are one ("3rd", "1990s").
            if c.is_ascii_alphabetic()
                && q > seg
                && bytes[q - 1].is_ascii_digit()
                && is_numeric(&text[seg..q])
            {
                let r = q + bytes[q..e].iter().take_while(|b| b.is_ascii_alphabetic()).count();
                let letters = &text[q..r];
                let suffix = ["th", "st", "nd", "rd", "s"].iter().any(|x| letters.eq_ignore_ascii_case(x));
                if !suffix || text[r..e].chars().next().is_some_and(is_word) {
                    emit_word(text, ws, q, out);
                    ws = q;
                    seg = q;
                }
            }
            q += l;
            continue;
        }
        let next = if q + l < e { Some(decode(text, q + l).0) } else { None };
        let Some(n) = next else { break };
        let prev = decode_before(text, q).unwrap_or(' ');
        let join = match c {
            // Inside numbers, initialisms, domain names.
            '.' => is_alnum(n),
            // Thousands separators ("1,000" but not "11,2000"), times, dates like 9/11.
            ',' => is_digit(prev) && thousands_group(&bytes[q + 1..e]),
            ':' | '/' => is_digit(prev) && is_digit(n),
            // Clitics and names (O'Brien); clitics are split off afterwards.
            '\'' | '\u{2019}' => {
                (is_alpha(prev) && is_alpha(n))
                    || (is_digit(prev) && n == 's' && !text[q + l + 1..e].chars().next().is_some_and(is_word))
            }
            // AT&T, PG&E, S&P.
            '&' => is_upper(prev) && is_upper(n),
            '-' | '\u{2011}' if is_alnum(n) => {
                let left = &text[seg..q];
                if is_bound_prefix(left) || (is_digit(n) && joined_numbers(bytes, ws, seg, q, e)) {
                    true
                } else {
                    // EWT splits the compound: emit what we have and the hyphen, and go on.
                    emit_word(text, ws, q, out);
                    push(out, q, q + l);
                    ws = q + l;
                    seg = ws;
                    q = ws;
                    continue;
                }
            }
            _ => false,
        };
        if !join {
            break;
        }
        q += l;
        if matches!(c, '-' | '\u{2011}') {
            seg = q;
        }
    }
    // A single period after an abbreviation stays with it unless it also ends the sentence. Dotted
    // initialisms ("U.S.", "a.m.") keep it even then, as in EWT and in the actor dictionaries; the
    // sentence splitter recognises them as sentence ends.
    let mut we = q;
    if q < e && bytes[q] == b'.' && !(q + 1 < e && bytes[q + 1] == b'.') {
        if let Some(kind) = classify(&text[ws..q]) {
            if text[ws..q].contains('.') || !ends_sentence(kind, next_after(text, q + 1, e, limit)) {
                we = q + 1;
            }
        }
    }
    if we > q {
        push(out, ws, we);
    } else {
        emit_word(text, ws, we, out);
    }
    we
}

/// Digits with `,` or `.` inside: a number the tokenizer keeps whole.
fn is_numeric(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
}

/// After a comma between digits: exactly three digits and then no more digits.
fn thousands_group(rest: &[u8]) -> bool {
    rest.len() >= 3
        && rest[..3].iter().all(u8::is_ascii_digit)
        && !rest.get(3).is_some_and(u8::is_ascii_digit)
}

/// Whether the hyphen at `q` between digits stays inside the token. EWT splits ranges and scores
/// ("1946-1954", "5-3") but keeps phone numbers and dates ("713-853-3989", "11-20-2000"): keep it when
/// the number has three or more groups, or is a phone-like 3+4 pair.
fn joined_numbers(bytes: &[u8], ws: usize, seg: usize, q: usize, e: usize) -> bool {
    let left = &bytes[seg..q];
    if !left.iter().all(u8::is_ascii_digit) {
        return false;
    }
    if seg > ws {
        return true;
    }
    let rest = &bytes[q + 1..e];
    let k = rest.iter().take_while(|b| b.is_ascii_digit()).count();
    let more = rest.get(k) == Some(&b'-') && rest.get(k + 1).is_some_and(u8::is_ascii_digit);
    more || (left.len() == 3 && k == 4) || (left.len() == 5 && k == 4)
}

fn is_bound_prefix(left: &str) -> bool {
    left.len() <= 7 && BOUND_PREFIXES.iter().any(|p| left.eq_ignore_ascii_case(p))
}

/// Emits a word, splitting off a clitic as EWT does.
fn emit_word(text: &str, a: usize, b: usize, out: &mut Vec<Token>) {
    match clitic_split(&text[a..b]) {
        Some(k) => {
            push(out, a, a + k);
            push(out, a + k, b);
        }
        None => push(out, a, b),
    }
}

/// Where a word splits into host and clitic, if it does (`don't` -> 2, `Iran's` -> 4).
pub(crate) fn clitic_split(w: &str) -> Option<usize> {
    let b = w.as_bytes();
    let n = b.len();
    if n < 3 {
        return None;
    }
    // The apostrophe before the last `k` bytes, as (start, byte length), if there is one.
    let apos_before = |k: usize| -> Option<usize> {
        if n > k && b[n - k - 1] == b'\'' {
            Some(n - k - 1)
        } else if n >= k + 3 && &b[n - k - 3..n - k] == "\u{2019}".as_bytes() {
            Some(n - k - 3)
        } else {
            None
        }
    };
    // Most words have no apostrophe near the end and do not end like a clitic: settle them fast.
    let tail = &b[n.saturating_sub(6)..];
    if !tail.iter().any(|&x| x == b'\'' || x == 0x99) {
        if !(4..=8).contains(&n) || !matches!(b[n - 1], b't' | b'T' | b'a' | b'A') {
            return None;
        }
        return bare_clitic(w);
    }
    if b[n - 1].eq_ignore_ascii_case(&b't') {
        if let Some(a) = apos_before(1) {
            if a >= 2 && b[a - 1].eq_ignore_ascii_case(&b'n') {
                return Some(a - 1);
            }
            return None;
        }
    }
    for suffix in ["s", "re", "ve", "ll", "d", "m"] {
        let k = suffix.len();
        if n > k && b[n - k..].eq_ignore_ascii_case(suffix.as_bytes()) {
            if let Some(a) = apos_before(k) {
                // Decades keep their "'s" ("the 80's").
                return (a > 0 && !b[..a].iter().all(u8::is_ascii_digit)).then_some(a);
            }
        }
    }
    None
}

/// Clitics written without an apostrophe, which EWT also splits ("cannot", "gonna", "dont").
fn bare_clitic(w: &str) -> Option<usize> {
    let b = w.as_bytes();
    let n = b.len();
    if n <= 8 && b.iter().all(u8::is_ascii_alphabetic) {
        let lower_eq = |s: &str| w.eq_ignore_ascii_case(s);
        if lower_eq("cannot") {
            return Some(3);
        }
        const TWO: &[&str] = &[
            "gonna", "wanna", "gotta", "dont", "cant", "wont", "didnt", "doesnt", "isnt", "wasnt", "arent",
            "werent", "havent", "hasnt", "hadnt", "couldnt", "wouldnt", "shouldnt", "aint",
        ];
        if TWO.iter().any(|s| lower_eq(s)) {
            return Some(n - 2);
        }
    }
    None
}

/// What follows the period at `after` (exclusive end of the chunk is `e`), for the abbreviation rule.
fn next_after(text: &str, after: usize, e: usize, limit: usize) -> Next<'_> {
    // Closing quotes and brackets glued to the period are looked through: `"No."` ends a sentence
    // when what follows the quote would.
    let mut i = after;
    while i < e {
        let (c, l) = decode(text, i);
        if !is_closer(c) {
            return Next::Attached;
        }
        i += l;
    }
    let mut newlines = 0;
    while i < limit {
        let (c, l) = decode(text, i);
        if !is_space(c) {
            break;
        }
        if c == '\n' || c == '\u{2029}' {
            newlines += 1;
        }
        i += l;
    }
    if i >= limit || newlines >= 2 {
        return Next::End;
    }
    // An opening quote after an ambiguous abbreviation starts a new sentence; a bracket, as in
    // "10 a.m. (CDT)", does not.
    let mut opener = false;
    while i < limit {
        let (c, l) = decode(text, i);
        if is_opener(c) {
            opener |= !matches!(c, '(' | '[' | '{');
            i += l;
        } else {
            break;
        }
    }
    let mut j = i;
    while j < limit && j - i < 32 {
        let (c, l) = decode(text, j);
        if is_space(c) {
            break;
        }
        j += l;
    }
    Next::Word(&text[i..j], opener)
}

/// Punctuation and symbols starting at `p` (char `c` of `l` bytes): emits one token, returns its end.
fn punct(text: &str, p: usize, c: char, l: usize, e: usize, out: &mut Vec<Token>) -> usize {
    let bytes = text.as_bytes();
    let run = |pred: &dyn Fn(u8) -> bool| {
        let mut q = p;
        while q < e && pred(bytes[q]) {
            q += 1;
        }
        q
    };
    let end = match c {
        // An ellipsis is a token of its own ("...", then "?"), but other runs of final punctuation
        // stay together as in EWT ("?!", "!.", ".?").
        '.' if bytes.get(p + 1) == Some(&b'.') => run(&|b| b == b'.'),
        '.' | '!' | '?' => run(&|b| matches!(b, b'.' | b'!' | b'?')),
        // Hashtags and handles are one word ("#audiobooks", "@user").
        '#' | '@' if bytes.get(p + 1).is_some_and(u8::is_ascii_alphabetic) => {
            let mut q = p + 1;
            while q < e
                && (bytes[q].is_ascii_alphanumeric()
                    || bytes[q] == b'_'
                    || (bytes[q] == b'.'
                        && bytes.get(q + 1).is_some_and(u8::is_ascii_alphanumeric)
                        && q + 1 < e))
            {
                q += 1;
            }
            q
        }
        '-' | '*' | '+' | '=' | '~' | '#' | '_' | '^' | '/' | '\\' | '|' | '>' | '<' | '$'
            if !emoticon_at(text, p, e) =>
        {
            run(&|b| b == c as u8)
        }
        '\'' | '\u{2019}' | '`' => {
            let rest = &text[p + l..e];
            if (c == '\'' && rest.starts_with('\'')) || (c == '`' && rest.starts_with('`')) {
                p + 2
            } else if is_apostrophe(c) && decade(rest) {
                // "'73" and "'90s" are one word.
                p + l + rest.bytes().take_while(|b| b.is_ascii_alphanumeric()).count()
            } else if is_apostrophe(c) && clitic_alone(rest) {
                e.min(p + l + clitic_len(rest))
            } else {
                p + l
            }
        }
        ':' | ';' | '=' | '<' | '^' => match emoticon(&text[p..e]) {
            Some(k) => p + k,
            None => p + l,
        },
        '\u{2026}' => {
            let mut q = p + l;
            while text[q..e].starts_with('\u{2026}') {
                q += l;
            }
            q
        }
        _ => {
            // A symbol keeps the combining marks, variation selectors and joined characters after it.
            let mut q = p + l;
            while q < e {
                let (m, ml) = decode(text, q);
                if is_mark(m) {
                    q += ml;
                    if m == '\u{200D}' && q < e {
                        q += decode(text, q).1;
                    }
                } else {
                    break;
                }
            }
            q
        }
    };
    push(out, p, end);
    end
}

/// A clitic written as its own word after an apostrophe (`'s`, `'re`), followed by a non-letter.
fn clitic_alone(rest: &str) -> bool {
    let k = clitic_len(rest);
    k > 0 && !rest[k..].chars().next().is_some_and(is_word)
}

fn clitic_len(rest: &str) -> usize {
    for s in ["ll", "re", "ve", "s", "d", "m"] {
        if rest.len() >= s.len() && rest.as_bytes()[..s.len()].eq_ignore_ascii_case(s.as_bytes()) {
            return s.len();
        }
    }
    0
}

fn emoticon_at(text: &str, p: usize, e: usize) -> bool {
    emoticon(&text[p..e]).is_some()
}

/// Two digits (and maybe an "s") after an apostrophe, then no more word characters.
fn decade(rest: &str) -> bool {
    let b = rest.as_bytes();
    let k = if b.get(2) == Some(&b's') { 3 } else { 2 };
    b.len() >= 2
        && b[..2].iter().all(u8::is_ascii_digit)
        && !rest[k.min(b.len())..].chars().next().is_some_and(is_word)
}

fn emoticon(s: &str) -> Option<usize> {
    for em in EMOTICONS {
        if let Some(rest) = s.strip_prefix(em) {
            if !rest.chars().next().is_some_and(is_alnum) {
                return Some(em.len());
            }
        }
    }
    None
}

/// The end of a URL or e-mail address starting at `p`, trailing punctuation excluded.
fn url_end(text: &str, p: usize, e: usize) -> Option<usize> {
    let s = &text[p..e];
    let bytes = s.as_bytes();
    let lower_starts =
        |pre: &str| bytes.len() > pre.len() && bytes[..pre.len()].eq_ignore_ascii_case(pre.as_bytes());
    let is_url =
        lower_starts("http://") || lower_starts("https://") || lower_starts("ftp://") || lower_starts("www.");
    // The local part of an address is short; bounding the search keeps long chunks linear.
    let at = if is_url { None } else { bytes.iter().take(80).position(|&b| b == b'@') };
    let mut end = s.len();
    if let Some(at) = at {
        let local = &bytes[..at];
        // The domain runs over letters, digits, dots and hyphens, and ends on a letter or digit.
        let mut d = at + 1;
        while d < bytes.len() && (bytes[d].is_ascii_alphanumeric() || bytes[d] == b'.' || bytes[d] == b'-') {
            d += 1;
        }
        while d > at + 1 && !bytes[d - 1].is_ascii_alphanumeric() {
            d -= 1;
        }
        let domain = &bytes[at + 1..d];
        // Internal mail systems write addresses without a dot ("Jeff.Dasovich@ENRON").
        let ok = at > 0
            && local.iter().all(|b| b.is_ascii_alphanumeric() || b"._%+-".contains(b))
            && domain.first().is_some_and(u8::is_ascii_alphanumeric)
            && (domain.contains(&b'.')
                || (at >= 2 && domain.len() >= 3 && domain.iter().all(u8::is_ascii_alphanumeric)));
        if !ok {
            return None;
        }
        return Some(p + d);
    }
    if !is_url {
        return None;
    }
    // Trailing punctuation belongs to the sentence, and a closing bracket too unless the URL opened it.
    let opens = bytes.iter().filter(|&&b| b == b'(').count();
    let mut closes = bytes.iter().filter(|&&b| b == b')').count();
    while let Some(c) = s[..end].chars().next_back() {
        let strip = matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | '"' | '\'' | ']' | '}' | '>')
            || matches!(c, '\u{201D}' | '\u{2019}' | '\u{00BB}')
            || (c == ')' && closes > opens);
        if !strip {
            break;
        }
        closes -= usize::from(c == ')');
        end -= c.len_utf8();
    }
    (end > 0).then_some(p + end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        tokenize(text, 0, text.len(), &mut out);
        out.iter().map(|t| t.span.slice(text)).collect()
    }

    #[test]
    fn contractions_and_possessives() {
        assert_eq!(toks("I don't know"), ["I", "do", "n't", "know"]);
        assert_eq!(toks("can't won't cannot"), ["ca", "n't", "wo", "n't", "can", "not"]);
        assert_eq!(toks("Maliki\u{2019}s aide"), ["Maliki", "\u{2019}s", "aide"]);
        assert_eq!(toks("Iran's the officials' O'Brien"), ["Iran", "'s", "the", "officials", "'", "O'Brien"]);
        assert_eq!(toks("IRAN'S TALKS DON'T"), ["IRAN", "'S", "TALKS", "DO", "N'T"]);
        assert_eq!(toks("we're they'll I'd"), ["we", "'re", "they", "'ll", "I", "'d"]);
    }

    #[test]
    fn hyphens_as_in_ewt() {
        assert_eq!(toks("30-year-old"), ["30", "-", "year", "-", "old"]);
        assert_eq!(toks("Al-Maliki"), ["Al", "-", "Maliki"]);
        assert_eq!(toks("non-violent e-mail"), ["non-violent", "e-mail"]);
        // EWT splits ranges and scores but keeps phone numbers, ZIP+4 codes and dashed dates.
        assert_eq!(toks("1990-91 5-3"), ["1990", "-", "91", "5", "-", "3"]);
        assert_eq!(toks("713-853-3989 20006-3700 11-20-2000"), ["713-853-3989", "20006-3700", "11-20-2000"]);
        assert_eq!(toks("U.S.-led"), ["U.S.", "-", "led"]);
        assert_eq!(toks("well--known"), ["well", "--", "known"]);
    }

    #[test]
    fn numbers_money_and_abbreviations() {
        assert_eq!(
            toks("$5.2 billion, 1,000 (5%) at 10:30"),
            ["$", "5.2", "billion", ",", "1,000", "(", "5", "%", ")", "at", "10:30"]
        );
        assert_eq!(toks("Mr. Smith met Gen. Petraeus"), ["Mr.", "Smith", "met", "Gen.", "Petraeus"]);
        assert_eq!(toks("George W. Bush"), ["George", "W.", "Bush"]);
        assert_eq!(toks("the U.S. Army"), ["the", "U.S.", "Army"]);
        assert_eq!(toks("in the U.S. The"), ["in", "the", "U.S.", "The"]);
        assert_eq!(toks("apples, pears, etc."), ["apples", ",", "pears", ",", "etc", "."]);
        assert_eq!(toks("No. 3"), ["No.", "3"]);
        assert_eq!(toks("he said."), ["he", "said", "."]);
    }

    #[test]
    fn quotes_dashes_ellipses() {
        assert_eq!(
            toks("\u{201C}Yes,\u{201D} he said."),
            ["\u{201C}", "Yes", ",", "\u{201D}", "he", "said", "."]
        );
        assert_eq!(toks("\"No.\""), ["\"", "No", ".", "\""]);
        assert_eq!(toks("2007\u{2014}Iraqi"), ["2007", "\u{2014}", "Iraqi"]);
        assert_eq!(
            toks("forced...to (with Washington)...eventually"),
            ["forced", "...", "to", "(", "with", "Washington", ")", "...", "eventually"]
        );
        assert_eq!(toks("wait\u{2026} what?!"), ["wait", "\u{2026}", "what", "?!"]);
    }

    #[test]
    fn dates_headlines_and_straight_quotes() {
        assert_eq!(toks("on 9 August 2007,"), ["on", "9", "August", "2007", ","]);
        assert_eq!(
            toks("IRAQ'S MALIKI VISITS IRAN, SEEKS U.S. HELP"),
            ["IRAQ", "'S", "MALIKI", "VISITS", "IRAN", ",", "SEEKS", "U.S.", "HELP"]
        );
        assert_eq!(
            toks("'Yes,' he said, 'sorry'"),
            ["'", "Yes", ",", "'", "he", "said", ",", "'", "sorry", "'"]
        );
        assert_eq!(toks("the '90s and 1990s, the 3rd"), ["the", "'90s", "and", "1990s", ",", "the", "3rd"]);
        assert_eq!(toks("51K 10am"), ["51", "K", "10", "am"]);
        assert_eq!(
            toks("Iran\u{2013}Iraq talks \u{2013} finally"),
            ["Iran", "\u{2013}", "Iraq", "talks", "\u{2013}", "finally"]
        );
        assert_eq!(toks("#iran @un_news $$$"), ["#iran", "@un_news", "$$$"]);
        assert_eq!(
            toks("caf\u{00E9} Sa\u{0301}nchez \u{0627}\u{0644}\u{0645}\u{0627}\u{0644}\u{0643}\u{064A}"),
            ["caf\u{00E9}", "Sa\u{0301}nchez", "\u{0627}\u{0644}\u{0645}\u{0627}\u{0644}\u{0643}\u{064A}"]
        );
        assert_eq!(toks("ok\u{1F44D}\u{1F3FD}!"), ["ok", "\u{1F44D}\u{1F3FD}", "!"]);
    }

    #[test]
    fn urls_emails_emoticons() {
        assert_eq!(toks("see http://example.com/a?b=1."), ["see", "http://example.com/a?b=1", "."]);
        assert_eq!(toks("(www.un.org)"), ["(", "www.un.org", ")"]);
        assert_eq!(toks("mail jane.doe@example.org, now"), ["mail", "jane.doe@example.org", ",", "now"]);
        assert_eq!(toks("great :-) really :)"), ["great", ":-)", "really", ":)"]);
    }
}
