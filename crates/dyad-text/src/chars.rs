//! Character classes used by the scanners, with an ASCII fast path.
//!
//! The tokenizer walks bytes and only decodes a `char` when it meets a non-ASCII byte, so the
//! common case (ASCII news copy) costs one table lookup per byte.

/// Class bits for ASCII bytes.
const SPACE: u8 = 1;
const ALPHA: u8 = 2;
const DIGIT: u8 = 4;
const UPPER: u8 = 8;

const fn ascii_table() -> [u8; 128] {
    let mut t = [0u8; 128];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        // Control characters are treated as whitespace: they never make a useful token and this
        // keeps stray form feeds or NULs in scraped text out of the tagger's input.
        t[i] = if b <= 0x20 || b == 0x7f {
            SPACE
        } else if b.is_ascii_uppercase() {
            ALPHA | UPPER
        } else if b.is_ascii_lowercase() {
            ALPHA
        } else if b.is_ascii_digit() {
            DIGIT
        } else {
            0
        };
        i += 1;
    }
    t
}

static ASCII: [u8; 128] = ascii_table();

/// Decodes the char starting at byte `i` of `text`, returning it and its length in bytes.
///
/// `i` is always a char boundary in the scanners; should it ever not be, U+FFFD with length 1 is
/// returned so callers still make progress (and `Span::get` would expose the mistake in tests).
#[inline]
pub(crate) fn decode(text: &str, i: usize) -> (char, usize) {
    let bytes = text.as_bytes();
    match bytes.get(i) {
        Some(&b) if b < 0x80 => (b as char, 1),
        Some(_) => match text.get(i..).and_then(|s| s.chars().next()) {
            Some(c) => (c, c.len_utf8()),
            None => ('\u{FFFD}', 1),
        },
        None => ('\0', 0),
    }
}

/// The char that ends just before byte `i` (which must be a char boundary), if any.
#[inline]
pub(crate) fn decode_before(text: &str, i: usize) -> Option<char> {
    text.get(..i).and_then(|s| s.chars().next_back())
}

/// Whitespace for tokenization: Unicode whitespace, ASCII controls, zero-width space and BOM.
#[inline]
pub(crate) fn is_space(c: char) -> bool {
    if (c as u32) < 128 {
        ASCII[c as usize] & SPACE != 0
    } else {
        c.is_whitespace() || matches!(c, '\u{200B}' | '\u{FEFF}' | '\u{2060}')
    }
}

/// Letters, digits, combining marks and `_`: the characters that make up a word.
#[inline]
pub(crate) fn is_word(c: char) -> bool {
    if (c as u32) < 128 {
        ASCII[c as usize] & (ALPHA | DIGIT) != 0 || c == '_'
    } else {
        is_word_slow(c)
    }
}

/// The non-ASCII half of [`is_word`], kept out of line so the ASCII test inlines.
#[inline(never)]
fn is_word_slow(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c)
}

/// Letters and digits only.
#[inline]
pub(crate) fn is_alnum(c: char) -> bool {
    if (c as u32) < 128 {
        ASCII[c as usize] & (ALPHA | DIGIT) != 0
    } else {
        c.is_alphanumeric()
    }
}

#[inline]
pub(crate) fn is_digit(c: char) -> bool {
    c.is_ascii_digit()
}

#[inline]
pub(crate) fn is_alpha(c: char) -> bool {
    if (c as u32) < 128 {
        ASCII[c as usize] & ALPHA != 0
    } else {
        c.is_alphabetic()
    }
}

#[inline]
pub(crate) fn is_upper(c: char) -> bool {
    if (c as u32) < 128 {
        ASCII[c as usize] & UPPER != 0
    } else {
        c.is_uppercase()
    }
}

#[inline]
pub(crate) fn is_lower(c: char) -> bool {
    if (c as u32) < 128 {
        c.is_ascii_lowercase()
    } else {
        c.is_lowercase()
    }
}

/// Combining marks, variation selectors and joiners: they belong to the character before them,
/// so a token boundary must never fall just before one.
#[inline]
pub(crate) fn is_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x0610..=0x061A | 0x064B..=0x065F
        | 0x0670 | 0x06D6..=0x06DC | 0x06DF..=0x06E4 | 0x0E31 | 0x0E34..=0x0E3A | 0x0E47..=0x0E4E
        | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x200C | 0x200D | 0x20D0..=0x20FF
        | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F | 0x1F3FB..=0x1F3FF | 0xE0020..=0xE007F | 0xE0100..=0xE01EF)
}

/// An apostrophe as used inside words: straight or right single quotation mark.
#[inline]
pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}')
}

/// Quotes and brackets that close a sentence-final phrase (`he said."`, `(with Washington).)`).
#[inline]
pub(crate) fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | ')'
            | ']'
            | '}'
            | '\u{201D}'
            | '\u{2019}'
            | '\u{00BB}'
            | '\u{203A}'
            | '\u{300D}'
            | '\u{300F}'
    )
}

/// Quotes and brackets that open a phrase.
#[inline]
pub(crate) fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '(' | '[' | '{' | '`' | '\u{201C}' | '\u{2018}' | '\u{00AB}' | '\u{2039}' | '\u{201E}'
    )
}

/// ASCII case-insensitive equality of a text slice with a lowercase ASCII word.
#[inline]
pub(crate) fn eq_lower(s: &str, lower: &str) -> bool {
    s.len() == lower.len() && s.bytes().zip(lower.bytes()).all(|(a, b)| a.to_ascii_lowercase() == b)
}
