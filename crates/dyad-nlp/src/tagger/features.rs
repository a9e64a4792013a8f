//! Feature extraction shared by training and tagging, so that both see exactly the same features.
//!
//! Every token is first reduced to a [`TokFeat`]: hashes of its normalized form, lowercase form,
//! prefixes, suffixes and shape, some flags and the word-level classes the model stores (ambiguity
//! class and word cluster). The feature keys of a position are then hashes of (template, value)
//! pairs drawn from the token, its neighbours and the tags already predicted to its left.

/// The hash function of the model: a 64-bit mix (the splitmix64 finalizer). Stable across
/// platforms, since model files store hashed keys.
#[inline]
pub(crate) fn mix(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^= x >> 31;
    x
}

/// Hashes a byte string, eight bytes at a time.
#[inline]
pub(crate) fn hash_bytes(seed: u64, bytes: &[u8]) -> u64 {
    // The seed is mixed first: xored in raw, seeds that differ in low bits would collide with
    // data that differs in the same bits.
    let mut h = mix(seed ^ 0x2545_f491_4f6c_dd1d) ^ (bytes.len() as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let mut a = [0u8; 8];
        a.copy_from_slice(c);
        h = mix(h ^ u64::from_le_bytes(a));
    }
    let rem = chunks.remainder();
    if !rem.is_empty() {
        let mut a = [0u8; 8];
        a[..rem.len()].copy_from_slice(rem);
        h = mix(h ^ u64::from_le_bytes(a));
    }
    mix(h ^ 0x5851_f42d_4c95_7f2d)
}

/// Seeds that keep the hashes of different kinds of strings apart.
pub(crate) const SEED_FORM: u64 = 0x1000;
pub(crate) const SEED_LOWER: u64 = 0x2000;
pub(crate) const SEED_SUF: u64 = 0x3000;
pub(crate) const SEED_PRE: u64 = 0x4000;
pub(crate) const SEED_SHAPE: u64 = 0x5000;
/// Key of the lexicon entry (ambiguity class) of a lowercase form.
pub(crate) const SEED_LEX_LOWER: u64 = 0x6000;
/// Key of the lexicon entry (tag dictionary, cluster) of an exact form.
pub(crate) const SEED_LEX_FORM: u64 = 0x7000;
/// Key of the tagger's per-thread word cache (hash of the raw form).
pub(crate) const SEED_CACHE: u64 = 0x8000;

/// Class id meaning "no tag" (before the sentence start).
pub(crate) const NO_TAG: u32 = 0xff;

/// Writes the form as EWT writes it: curly quotes become straight ones, dashes and ellipses their
/// ASCII spelling, so that text from any source meets the features the model was trained on.
/// Returns `false` (and leaves `out` empty) when the form needs no change.
pub fn normalize_into(form: &str, out: &mut String) -> bool {
    out.clear();
    if form.is_ascii() {
        if form == "``" || form == "''" {
            out.push('"');
            return true;
        }
        return false;
    }
    for c in form.chars() {
        match c {
            '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' => out.push('\''),
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' | '\u{00ab}' | '\u{00bb}' => {
                out.push('"')
            }
            '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{2212}' => out.push_str("--"),
            '\u{2026}' => out.push_str("..."),
            '\u{00a0}' => out.push(' '),
            _ => out.push(c),
        }
    }
    true
}

/// Flag bits of a token.
pub(crate) const F_UPPER_INITIAL: u32 = 1;
pub(crate) const F_ALL_UPPER: u32 = 2;
pub(crate) const F_HAS_DIGIT: u32 = 4;
pub(crate) const F_HAS_HYPHEN: u32 = 8;
pub(crate) const F_ALL_DIGIT: u32 = 16;
pub(crate) const F_HAS_ALPHA: u32 = 32;
pub(crate) const F_KNOWN: u32 = 64;

/// What the features need to know about one token, computed once per token.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct TokFeat {
    pub form: u64,
    pub lower: u64,
    /// Hashes of the last 1..=5 characters of the lowercase form (the whole form when shorter).
    pub suf: [u64; 5],
    /// Hashes of the first 1..=3 characters of the lowercase form.
    pub pre: [u64; 3],
    pub shape: u64,
    pub flags: u32,
    /// Ambiguity class id of the lowercase form (0 = unknown word).
    pub amb: u32,
    /// Word cluster of the exact form (0 = none).
    pub cluster: u32,
    /// Tag dictionary entry of the exact form: class + 1, or 0 when the form is ambiguous or rare.
    pub dict: u32,
    /// For a word the model's lexicon does not know: the XPOS tags WordNet allows it, as an
    /// [`crate::wordnet::XposSet`] (0 = any tag).
    pub open: u64,
    /// WordNet knows the word, but not as a verb (set only by a tagger with a WordNet lexicon).
    pub no_verb: bool,
}

impl TokFeat {
    /// The padding token before the sentence (`-1`, `-2`) or after it.
    pub(crate) fn boundary(after: bool) -> TokFeat {
        let v = if after { 0xe0d } else { 0x5a7 };
        TokFeat {
            form: v,
            lower: v,
            suf: [v; 5],
            pre: [v; 3],
            shape: v,
            flags: 0,
            amb: if after { 0xffff_fffe } else { 0xffff_fffd },
            cluster: 0,
            dict: 0,
            open: 0,
            no_verb: false,
        }
    }
}

/// Computes the string-derived parts of a token (everything but `amb` and `cluster`, which come
/// from the model's lexicon). `lower` is a reusable buffer.
pub(crate) fn token_strings(form: &str, lower: &mut String) -> TokFeat {
    let mut flags = 0u32;
    let mut n_upper = 0usize;
    let mut n_alpha = 0usize;
    let mut n_digit = 0usize;
    let mut n_chars = 0usize;
    // The shape maps letters to X/x and digits to d, collapsing runs, hashed as it goes.
    let mut shape_h: u64 = SEED_SHAPE;
    let mut last_shape = '\0';
    lower.clear();
    for (i, c) in form.chars().enumerate() {
        n_chars += 1;
        let s = if c.is_ascii_digit() {
            n_digit += 1;
            'd'
        } else if c.is_alphabetic() {
            n_alpha += 1;
            if c.is_uppercase() {
                n_upper += 1;
                if i == 0 {
                    flags |= F_UPPER_INITIAL;
                }
                'X'
            } else {
                'x'
            }
        } else {
            if c == '-' {
                flags |= F_HAS_HYPHEN;
            }
            c
        };
        if s != last_shape {
            shape_h = mix(shape_h ^ s as u64);
            last_shape = s;
        }
        if c.is_ascii() {
            lower.push(c.to_ascii_lowercase());
        } else {
            lower.extend(c.to_lowercase());
        }
    }
    if n_digit > 0 {
        flags |= F_HAS_DIGIT;
        if n_digit == n_chars {
            flags |= F_ALL_DIGIT;
        }
    }
    if n_alpha > 0 {
        flags |= F_HAS_ALPHA;
        if n_upper == n_alpha && n_alpha > 1 {
            flags |= F_ALL_UPPER;
        }
    }
    let lb = lower.as_bytes();
    let mut suf = [0u64; 5];
    let mut pre = [0u64; 3];
    // Character boundaries from the end and from the start of the lowercase form.
    let mut ends = [lb.len(); 5];
    let mut k = 0;
    for (i, _) in lower.char_indices().rev() {
        if k == 5 {
            break;
        }
        ends[k] = i;
        k += 1;
    }
    for (j, s) in suf.iter_mut().enumerate() {
        let start = if j < k { ends[j] } else { 0 };
        *s = hash_bytes(SEED_SUF + j as u64, lb.get(start..).unwrap_or(lb));
    }
    let mut starts = [lb.len(); 3];
    for (j, (i, c)) in lower.char_indices().take(3).enumerate() {
        starts[j] = i + c.len_utf8();
    }
    for (j, p) in pre.iter_mut().enumerate() {
        *p = hash_bytes(SEED_PRE + j as u64, lb.get(..starts[j]).unwrap_or(lb));
    }
    TokFeat {
        form: hash_bytes(SEED_FORM, form.as_bytes()),
        lower: hash_bytes(SEED_LOWER, lb),
        suf,
        pre,
        shape: mix(shape_h ^ (n_chars.min(5) as u64) << 40),
        flags,
        amb: 0,
        cluster: 0,
        dict: 0,
        open: 0,
        no_verb: false,
    }
}

/// Number of feature keys per position.
pub(crate) const N_FEATS: usize = N_STATIC + N_M1 + N_M2 + N_N1 + N_N2 + 3 + N_DYN;

/// The features are grouped by what they depend on, so that the tagger can cache the weight sums
/// of the groups that depend on one word only (see `Tagger::tag`):
/// the word itself, the word as left neighbour (`-1`, `-2`) or as right neighbour (`+1`, `+2`).
pub(crate) const N_STATIC: usize = 16;
pub(crate) const N_M1: usize = 3;
pub(crate) const N_M2: usize = 1;
pub(crate) const N_N1: usize = 6;
pub(crate) const N_N2: usize = 2;
/// Features that depend on the previous tags or on pairs of words, looked up per position.
pub(crate) const N_DYN: usize = 7;

#[inline]
pub(crate) fn key(template: u64, v: u64) -> u64 {
    mix(v ^ template.wrapping_mul(0x9e37_79b9_7f4a_7c15))
}

#[inline]
fn pair(a: u64, b: u64) -> u64 {
    mix(a.wrapping_mul(0xff51_afd7_ed55_8ccd) ^ b)
}

/// The first `k` bits of a cluster bit string (stored with a leading 1 bit).
#[inline]
fn cluster_prefix(c: u32, k: u32) -> u64 {
    let len = 32 - c.leading_zeros();
    (if len > k + 1 { c >> (len - k - 1) } else { c }) as u64
}

/// Features of the word itself (and the bias).
#[inline]
pub(crate) fn static_keys(w: &TokFeat) -> [u64; N_STATIC] {
    [
        key(1, w.form),
        key(2, w.lower),
        key(3, w.suf[0]),
        key(4, w.suf[1]),
        key(5, w.suf[2]),
        key(6, w.suf[3]),
        key(36, w.suf[4]),
        key(7, w.pre[0]),
        key(8, w.pre[1]),
        key(9, w.pre[2]),
        key(10, w.shape),
        key(21, w.amb as u64),
        key(28, w.cluster as u64),
        key(32, cluster_prefix(w.cluster, 4)),
        key(33, cluster_prefix(w.cluster, 6)),
        key(34, cluster_prefix(w.cluster, 10)),
    ]
}

/// Features of the word one to the left.
#[inline]
pub(crate) fn m1_keys(t: &TokFeat) -> [u64; N_M1] {
    [key(12, t.lower), key(16, t.suf[2]), key(30, t.cluster as u64)]
}

/// Features of the word two to the left.
#[inline]
pub(crate) fn m2_keys(t: &TokFeat) -> [u64; N_M2] {
    [key(13, t.lower)]
}

/// Features of the word one to the right.
#[inline]
pub(crate) fn n1_keys(t: &TokFeat) -> [u64; N_N1] {
    [
        key(14, t.lower),
        key(17, t.suf[2]),
        key(22, t.amb as u64),
        key(29, t.cluster as u64),
        key(31, t.shape ^ (t.flags as u64) << 48),
        key(35, cluster_prefix(t.cluster, 6)),
    ]
}

/// Features of the word two to the right.
#[inline]
pub(crate) fn n2_keys(t: &TokFeat) -> [u64; N_N2] {
    [key(15, t.lower), key(23, t.amb as u64)]
}

/// The flags of the word and whether it starts the sentence (256 values, so the tagger tabulates it).
#[inline]
pub(crate) fn flags_key(flags: u32, first: bool) -> u64 {
    key(11, (flags as u64 & 0xff) | (first as u64) << 16)
}

/// The bias (tabulated by the tagger with the flags).
#[inline]
pub(crate) fn bias_key() -> u64 {
    key(0, 0)
}

/// The previous tag (tabulated by the tagger).
#[inline]
pub(crate) fn p1_key(p1: u32) -> u64 {
    key(18, p1 as u64)
}

/// Features of previous tags and word pairs.
#[inline]
pub(crate) fn dyn_keys(w: &TokFeat, m1: &TokFeat, n1: &TokFeat, p1: u32, p2: u32) -> [u64; N_DYN] {
    let p1 = p1 as u64;
    let p2 = p2 as u64;
    [
        key(19, p1 | p2 << 8),
        key(20, pair(p1, w.lower)),
        key(24, pair(w.amb as u64, n1.amb as u64)),
        key(25, pair(p1, n1.amb as u64)),
        key(26, pair(m1.lower, w.lower)),
        key(27, pair(w.lower, n1.lower)),
        key(37, pair(p1, w.suf[2])),
    ]
}

/// All feature keys of position `i` of `toks` (which has two boundary tokens on each side, so the
/// first word is at index 2), given the two previous predicted classes. Training uses this; the
/// tagger sums the same groups through its cache.
#[inline]
pub(crate) fn features(toks: &[TokFeat], i: usize, p1: u32, p2: u32, out: &mut [u64; N_FEATS]) {
    let w = &toks[i];
    let mut k = 0;
    let mut put = |keys: &[u64]| {
        out[k..k + keys.len()].copy_from_slice(keys);
        k += keys.len();
    };
    put(&static_keys(w));
    put(&m1_keys(&toks[i - 1]));
    put(&m2_keys(&toks[i - 2]));
    put(&n1_keys(&toks[i + 1]));
    put(&n2_keys(&toks[i + 2]));
    put(&[bias_key(), flags_key(w.flags, i == 2), p1_key(p1)]);
    put(&dyn_keys(w, &toks[i - 1], &toks[i + 1], p1, p2));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_quotes_and_dashes() {
        let mut s = String::new();
        assert!(!normalize_into("plain", &mut s));
        assert!(normalize_into("\u{201c}", &mut s));
        assert_eq!(s, "\"");
        assert!(normalize_into("don\u{2019}t", &mut s));
        assert_eq!(s, "don't");
        assert!(normalize_into("\u{2014}", &mut s));
        assert_eq!(s, "--");
        assert!(normalize_into("``", &mut s));
        assert_eq!(s, "\"");
    }

    #[test]
    fn token_strings_flags_and_affixes() {
        let mut buf = String::new();
        let a = token_strings("Talks", &mut buf);
        assert_eq!(buf, "talks");
        assert!(a.flags & F_UPPER_INITIAL != 0);
        assert!(a.flags & F_ALL_UPPER == 0);
        let b = token_strings("walks", &mut buf);
        // Same suffix "ks"/"lks", different prefix.
        assert_eq!(a.suf[1], b.suf[1]);
        assert_eq!(a.suf[2], b.suf[2]);
        assert_ne!(a.pre[0], b.pre[0]);
        assert_eq!(a.lower, token_strings("TALKS", &mut buf).lower);
        let d = token_strings("1,200", &mut buf);
        assert!(d.flags & F_HAS_DIGIT != 0);
        // Non-ASCII forms do not fall off character boundaries.
        let e = token_strings("Ça", &mut buf);
        assert_eq!(buf, "ça");
        assert_ne!(e.suf[0], e.suf[3]);
        let _ = token_strings("", &mut buf);
    }

    #[test]
    fn shapes_group_similar_words() {
        let mut buf = String::new();
        assert_eq!(token_strings("Paris", &mut buf).shape, token_strings("Tokyo", &mut buf).shape);
        assert_ne!(token_strings("Paris", &mut buf).shape, token_strings("paris", &mut buf).shape);
        assert_eq!(token_strings("1990", &mut buf).shape, token_strings("2007", &mut buf).shape);
    }
}
