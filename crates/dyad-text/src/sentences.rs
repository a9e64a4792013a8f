//! Sentence splitting over the token stream.
//!
//! A sentence ends after `.`, `?`, `!` or an ellipsis (plus any quotes and brackets glued to it,
//! as in `he said."` or `(with Washington).`) when the next token does not start in lower case.
//! Abbreviation periods are already settled by the tokenizer, which leaves them inside the word unless
//! they end the sentence. A blank line always ends a sentence and starts a new paragraph; a single
//! newline is ordinary whitespace (hard-wrapped text), except after a line that looks like a headline.

use crate::abbrev::{classify, ends_sentence, Next};
use crate::chars::{decode, is_digit, is_lower, is_opener, is_space, is_upper};
use crate::{SentenceBounds, Span, Token};

/// The whitespace between two tokens, as the splitter needs it.
#[derive(Debug, Clone, Copy, Default)]
struct Gap {
    newline: bool,
    blank_line: bool,
    /// The gap is not pure whitespace: skipped text (the dateline) lies between the tokens.
    skipped: bool,
}

fn gap(text: &str, a: usize, b: usize) -> Gap {
    let bytes = text.as_bytes();
    if b == a + 1 && bytes[a] == b' ' {
        return Gap::default();
    }
    let mut g = Gap::default();
    let mut newlines = 0;
    let mut i = a;
    while i < b {
        let (c, l) = decode(text, i);
        match c {
            '\n' | '\u{2028}' | '\u{0085}' => newlines += 1,
            '\r' if bytes.get(i + 1) != Some(&b'\n') => newlines += 1,
            '\u{2029}' => newlines += 2,
            c if is_space(c) => {}
            _ => {
                // Skipped text (a dateline) counts as a line of its own; a blank line before it
                // still starts a paragraph.
                g.skipped = true;
                g.blank_line |= newlines >= 2;
                newlines = 0;
            }
        }
        i += l.max(1);
    }
    g.newline = newlines > 0;
    g.blank_line |= newlines >= 2;
    g
}

/// A token made only of sentence-final punctuation: `.`, `?`, `!`, `...`, `…`, `?!`.
fn is_terminal(s: &str) -> bool {
    !s.is_empty()
        && s.chars().all(|c| matches!(c, '.' | '?' | '!' | '\u{2026}' | '\u{3002}' | '\u{FF1F}' | '\u{FF01}'))
}

fn is_ellipsis(s: &str) -> bool {
    s.len() > 1 && s.bytes().all(|b| b == b'.') || s.starts_with('\u{2026}')
}

fn is_closer_token(s: &str) -> bool {
    let mut it = s.chars();
    matches!((it.next(), it.next()), (Some(c), None) if crate::chars::is_closer(c)) || s == "''"
}

/// Whether a sentence ending in `term` is really over, given the word before it, whether quotes or
/// brackets closed after it, and the token that follows.
fn breaks_before(term: &str, before: &str, closed: bool, next: &str) -> bool {
    let Some(c) = next.chars().next() else { return true };
    if matches!(c, ',' | ';' | ':' | ')' | ']' | '%' | '.' | '?' | '!' | '\u{2026}') {
        return false;
    }
    if is_lower(c) {
        // A lower-case word after a full stop usually continues the sentence after an unlisted
        // abbreviation ("pop. 256,000", "approx. five") or a quotation (`"Go." he said`). After a
        // plain word of four letters or more, though, it is informal text starting a new sentence
        // without a capital ("i will let you know later. what are you doing").
        return !closed
            && matches!(term, "." | "?")
            && before.len() >= 4
            && before.bytes().all(|b| b.is_ascii_alphabetic());
    }
    if is_ellipsis(term) {
        // An ellipsis is usually a pause inside the sentence; only a capital after it starts a new one.
        return is_upper(c) || is_opener(c);
    }
    true
}

/// Whether the line `line` (from the start of the current sentence to a newline) reads as a headline:
/// no final punctuation, short, and in capitals or title case.
pub(crate) fn headline_like(line: &str) -> bool {
    let line = line.trim();
    if line.is_empty() || line.len() > 160 {
        return false;
    }
    let Some(last) = line.chars().next_back() else { return false };
    if matches!(
        last,
        '.' | ',' | ';' | ':' | '-' | '\u{2013}' | '\u{2014}' | '!' | '?' | '"' | '\u{201D}' | '('
    ) {
        return false;
    }
    let (mut letters, mut upper) = (0u32, 0u32);
    let (mut long_words, mut cap_words, mut words) = (0u32, 0u32, 0u32);
    for w in line.split_whitespace() {
        words += 1;
        let first = w.chars().find(|c| c.is_alphanumeric());
        if w.chars().filter(|c| c.is_alphabetic()).count() >= 4 {
            long_words += 1;
            if first.is_some_and(|c| is_upper(c) || is_digit(c)) {
                cap_words += 1;
            }
        }
        for c in w.chars().filter(|c| c.is_alphabetic()) {
            letters += 1;
            upper += u32::from(is_upper(c));
        }
    }
    if words > 20 || letters < 3 {
        return false;
    }
    upper * 10 >= letters * 8 || (long_words > 0 && cap_words * 4 >= long_words * 3)
}

/// Fills `out` with the sentences of `tokens` (all of them, in order, partitioned).
pub(crate) fn split(text: &str, tokens: &[Token], detect_headlines: bool, out: &mut Vec<SentenceBounds>) {
    let n = tokens.len();
    if n == 0 {
        return;
    }
    let tok = |i: usize| tokens[i].span.slice(text);
    let mut start = 0usize;
    let mut para = 0u32;
    let mut sent_para = 0u32;
    // Whether the current sentence began at the start of a line (a headline candidate).
    let before = &text[..tokens[0].span.start as usize];
    let mut at_line_start = before.trim_end_matches([' ', '\t']).is_empty()
        || before.trim_end_matches([' ', '\t']).ends_with('\n');
    let close = |out: &mut Vec<SentenceBounds>, a: usize, b: usize, para: u32| {
        if b > a {
            out.push(SentenceBounds {
                span: Span::new(tokens[a].span.start as usize, tokens[b - 1].span.end as usize),
                tokens: a as u32..b as u32,
                paragraph: para,
            });
        }
    };
    let mut i = 0usize;
    while i < n {
        if i > 0 {
            let g = gap(text, tokens[i - 1].span.end as usize, tokens[i].span.start as usize);
            if g.blank_line || g.skipped {
                close(out, start, i, sent_para);
                if g.blank_line {
                    para += 1;
                }
                start = i;
                sent_para = para;
            } else if g.newline
                && i > start
                && detect_headlines
                && at_line_start
                && starts_sentence(tok(i))
                && headline_like(&text[tokens[start].span.start as usize..tokens[i - 1].span.end as usize])
            {
                close(out, start, i, sent_para);
                start = i;
                sent_para = para;
            }
            if i == start {
                at_line_start = g.newline;
            }
        }
        // Only tokens starting with `.`, `?`, `!` or a multi-byte character can be terminal.
        let b0 = text.as_bytes()[tokens[i].span.start as usize];
        let initialism_end =
            b0.is_ascii_alphabetic() && tok(i).ends_with('.') && initialism_ends(text, tokens, i);
        if initialism_end || (matches!(b0, b'.' | b'?' | b'!' | 0xE2..=0xEF) && is_terminal(tok(i))) {
            // Quotes and brackets glued to the final punctuation belong to the sentence.
            let mut j = i + 1;
            while j < n && tokens[j].span.start == tokens[j - 1].span.end && is_closer_token(tok(j)) {
                j += 1;
            }
            let before = if i > start { tok(i - 1) } else { "" };
            // A list marker ("1." or "a." opening the sentence, a line or a list after a colon)
            // does not end the sentence.
            let marker = tok(i) == "."
                && i > start
                && is_list_marker(before)
                && (i == start + 1
                    || matches!(tok(i - 2), ":" | ";")
                    || gap(text, tokens[i - 2].span.end as usize, tokens[i - 1].span.start as usize).newline);
            if j < n && !marker && (initialism_end || breaks_before(tok(i), before, j > i + 1, tok(j))) {
                close(out, start, j, sent_para);
                start = j;
                sent_para = para;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    close(out, start, n, sent_para);
}

/// Whether token `i`, a dotted initialism with its period ("U.S."), also ends its sentence: the
/// tokenizer leaves the period inside the word, so the abbreviation rule is asked again here.
fn initialism_ends(text: &str, tokens: &[Token], i: usize) -> bool {
    let tok = |k: usize| tokens[k].span.slice(text);
    let word = tok(i);
    let stem = &word[..word.len() - 1];
    if !stem.contains('.') {
        return false;
    }
    let Some(kind) = classify(stem) else { return false };
    // Look past closing quotes and brackets glued to it.
    let mut j = i + 1;
    while j < tokens.len() && tokens[j].span.start == tokens[j - 1].span.end && is_closer_token(tok(j)) {
        j += 1;
    }
    let next = if j >= tokens.len()
        || gap(text, tokens[j - 1].span.end as usize, tokens[j].span.start as usize).blank_line
    {
        Next::End
    } else if tokens[j].span.start == tokens[j - 1].span.end {
        Next::Attached
    } else {
        let t = tok(j);
        let quote = t.chars().next().is_some_and(|c| is_opener(c) && !matches!(c, '(' | '[' | '{'));
        match (quote, tokens.get(j + 1)) {
            (true, Some(w)) => Next::Word(w.span.slice(text), true),
            (true, None) => Next::End,
            (false, _) => Next::Word(t, false),
        }
    };
    ends_sentence(kind, next)
}

fn is_list_marker(s: &str) -> bool {
    (1..=2).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
        || (s.len() == 1 && s.as_bytes()[0].is_ascii_lowercase())
}

fn starts_sentence(s: &str) -> bool {
    s.chars().next().is_some_and(|c| is_upper(c) || is_digit(c) || is_opener(c))
}
