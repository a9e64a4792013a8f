//! An open-class word lexicon derived from WordNet 3.0: which Penn tags an English word form can
//! take as a noun, verb, adjective or adverb.
//!
//! The treebank the tagger learns from is small (about 200,000 words of web text), so news brings
//! many words it never saw. The tagger guesses their tags from suffixes and context, and it guesses
//! wrong in ways that break a whole parse: "Insurgents bombarded the town" comes out with
//! `insurgents` as a verb (from `-ents`). WordNet knows that "insurgent" is a noun and an adjective
//! and "bombard" a verb. With its lists of irregular forms ("militiamen", "forbade") and its own
//! suffix rules (the detachment rules of its `morphy` function), it tells which tags an unseen
//! form can have at all; the tagger then picks the best of those (see `Tagger::with_wordnet`).
//!
//! The lexicon is built from the WordNet database files by [`WordNetLexicon::build_from_dir`]
//! (`dyad train wordnet --wordnet DIR`), which writes the compact `models/wordnet.bin` the
//! pipeline embeds; the WordNet license travels with it in `models/LICENSE-WordNet.txt`.

use std::path::{Path, PathBuf};

use crate::model::ModelError;
use crate::tagger::bin::{put_u32, HashIndex, Reader};
use crate::tagger::features::{hash_bytes, mix};
use crate::tags::Xpos;

const MAGIC: &[u8; 8] = b"DYADWNLX";
const VERSION: u32 = 1;
const SEED: u64 = 0x9000;

/// Entry bits: the form is a WordNet lemma of this part of speech...
const LEMMA_NOUN: u8 = 1;
const LEMMA_VERB: u8 = 2;
const LEMMA_ADJ: u8 = 4;
const LEMMA_ADV: u8 = 8;
/// ...or an irregular inflection listed in that part of speech's exception file.
const EXC_NOUN: u8 = 16;
const EXC_VERB: u8 = 32;
const EXC_ADJ: u8 = 64;
const EXC_ADV: u8 = 128;

/// The WordNet database files the builder reads, with the entry bit each gives.
const INDEX_FILES: [(&str, u8); 4] = [
    ("index.noun", LEMMA_NOUN),
    ("index.verb", LEMMA_VERB),
    ("index.adj", LEMMA_ADJ),
    ("index.adv", LEMMA_ADV),
];
const EXC_FILES: [(&str, u8); 4] =
    [("noun.exc", EXC_NOUN), ("verb.exc", EXC_VERB), ("adj.exc", EXC_ADJ), ("adv.exc", EXC_ADV)];

/// A set of Penn XPOS tags, one bit per [`Xpos`] index.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct XposSet(pub u64);

impl XposSet {
    pub fn contains(self, x: Xpos) -> bool {
        self.0 >> x.index() & 1 == 1
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Adds the tags named (names that are no Penn tag are ignored).
    pub fn add(&mut self, names: &[&str]) {
        for n in names {
            if let Some(x) = Xpos::from_name(n) {
                self.0 |= 1 << x.index();
            }
        }
    }

    /// Whether the set holds a verb tag (VB, VBD, VBG, VBN, VBP, VBZ).
    pub fn has_verb(self) -> bool {
        ["VB", "VBD", "VBG", "VBN", "VBP", "VBZ"]
            .iter()
            .any(|v| Xpos::from_name(v).is_some_and(|x| self.contains(x)))
    }

    /// The tag names in the set, in [`Xpos`] order (for tests and messages).
    pub fn names(self) -> Vec<&'static str> {
        Xpos::all().filter(|&x| self.contains(x)).map(Xpos::as_str).collect()
    }
}

/// Why the WordNet files could not be turned into a lexicon.
#[derive(Debug, thiserror::Error)]
pub enum WordNetError {
    #[error("cannot read {path}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: no entries (is this a WordNet `dict` folder?)")]
    Empty { path: PathBuf },
}

/// The lexicon: lowercase form -> entry bits. Immutable; share it between threads.
#[derive(Debug, Clone)]
pub struct WordNetLexicon {
    index: HashIndex,
    entries: usize,
}

impl WordNetLexicon {
    /// Reads the WordNet database in `dir` (the folder with `index.noun`, `verb.exc`, ...; Debian's
    /// `wordnet-base` package installs it as `/usr/share/wordnet`) and returns the model bytes.
    ///
    /// Multi-word lemmas (`united_states`) are left out, since the tagger sees one word at a time.
    /// The output depends only on the files' contents, so a rebuild is byte for byte the same.
    pub fn build_from_dir(dir: &Path) -> Result<Vec<u8>, WordNetError> {
        let mut words: Vec<(String, u8)> = Vec::new();
        for (file, bit) in INDEX_FILES {
            let text = read(&dir.join(file))?;
            // Lines starting with spaces are the license header; the lemma is the first field.
            for line in text.lines().filter(|l| !l.starts_with(' ')) {
                if let Some(lemma) = line.split(' ').next().filter(|w| usable(w)) {
                    words.push((lemma.to_string(), bit));
                }
            }
        }
        for (file, bit) in EXC_FILES {
            let text = read(&dir.join(file))?;
            for line in text.lines() {
                if let Some(form) = line.split(' ').next().filter(|w| usable(w)) {
                    words.push((form.to_string(), bit));
                }
            }
        }
        if words.is_empty() {
            return Err(WordNetError::Empty { path: dir.to_path_buf() });
        }
        words.sort();
        let mut merged: Vec<(String, u8)> = Vec::with_capacity(words.len());
        for (w, bit) in words {
            match merged.last_mut() {
                Some((last, bits)) if *last == w => *bits |= bit,
                _ => merged.push((w, bit)),
            }
        }
        Ok(encode(&merged))
    }

    /// Loads the bytes [`WordNetLexicon::build_from_dir`] wrote.
    pub fn from_bytes(bytes: &[u8]) -> Result<WordNetLexicon, ModelError> {
        let body_len = bytes.len().checked_sub(8).ok_or(ModelError::Truncated)?;
        let (body, sum) = bytes.split_at(body_len);
        let mut r = Reader::new(body);
        r.header(MAGIC, "WordNet lexicon", VERSION)?;
        let mut want = [0u8; 8];
        want.copy_from_slice(sum);
        if u64::from_le_bytes(want) != checksum(body) {
            return Err(ModelError::Corrupt("WordNet lexicon checksum mismatch".into()));
        }
        // Each entry takes at least three bytes, which bounds the count before allocating.
        let n = r.len(3)?;
        let mut items = Vec::with_capacity(n);
        let mut word: Vec<u8> = Vec::with_capacity(64);
        for _ in 0..n {
            let head = r.take(2)?;
            let (shared, rest) = (head[0] as usize, head[1] as usize);
            if shared > word.len() {
                return Err(ModelError::Corrupt("WordNet entry shares more than the previous word".into()));
            }
            word.truncate(shared);
            word.extend_from_slice(r.take(rest)?);
            let bits = r.take(1)?[0];
            items.push((key(&word), bits as u32));
        }
        r.finish()?;
        Ok(WordNetLexicon { index: HashIndex::build(&items), entries: n })
    }

    /// Number of forms in the lexicon.
    pub fn len(&self) -> usize {
        self.entries
    }

    pub fn is_empty(&self) -> bool {
        self.entries == 0
    }

    fn bits(&self, lower: &str) -> u8 {
        self.index.get(key(lower.as_bytes())).unwrap_or(0) as u8
    }

    /// The Penn tags WordNet allows for the lowercase form `lower` as an open-class word: those of
    /// its own lemmas and irregular forms, and the inflections its suffix rules reach (`-s`, `-ies`,
    /// `-men` plurals; `-s`, `-ed`, `-ing` verb forms; `-er`, `-est` comparison). Participles may
    /// also be adjectives and `-ing` forms nouns, as in the treebank. Empty when WordNet does not
    /// know the form at all.
    pub fn tags(&self, lower: &str) -> XposSet {
        let mut set = XposSet::default();
        let own = self.bits(lower);
        if own & LEMMA_NOUN != 0 {
            // Lemmas such as "news", "arms" or "talks" are also plural nouns.
            set.add(if lower.ends_with('s') { &["NN", "NNS"] } else { &["NN"] });
        }
        if own & LEMMA_VERB != 0 {
            set.add(&["VB", "VBP"]);
        }
        if own & LEMMA_ADJ != 0 {
            set.add(&["JJ"]);
        }
        if own & LEMMA_ADV != 0 {
            set.add(&["RB"]);
        }
        if own & EXC_NOUN != 0 {
            set.add(&["NNS"]);
        }
        if own & EXC_VERB != 0 {
            if lower.ends_with("ing") {
                set.add(&["VBG"]);
            } else if lower.ends_with('s') {
                set.add(&["VBZ"]);
            } else {
                set.add(irregular_past_tags(lower));
            }
        }
        if own & EXC_ADJ != 0 {
            set.add(if lower.ends_with("st") { &["JJS"] } else { &["JJR"] });
        }
        if own & EXC_ADV != 0 {
            set.add(&["RBR", "RBS"]);
        }
        let mut buf = [0u8; STEM_MAX];
        for (rules, bit, tags) in SUFFIX_RULES {
            if self.stem(lower, rules, bit, &mut buf).is_some() {
                set.add(tags);
            }
        }
        if set.contains(Xpos::from_name_lossy("VBN")) || set.contains(Xpos::from_name_lossy("VBG")) {
            set.add(&["JJ"]);
        }
        if set.contains(Xpos::from_name_lossy("VBG")) {
            set.add(&["NN"]);
        }
        set
    }
}

/// The tags of an irregular past form of a verb (WordNet's exception list does not say which
/// of past tense and participle it is), judged from its ending: participles end in "-en", "-wn",
/// "-one", "-un", "-ung", "-unk" or "-um" ("undertaken", "drawn", "done", "begun", "sung",
/// "drunk", "swum"); forms that end like neither a participle nor a form shared by both ("-t",
/// "-d", "-de", "-n", "-ed": "met", "held", "made", "won") are past tenses only ("undertook",
/// "withdrew", "came", "wrote", "sang"). Neither reading is more than a guess for the rest.
fn irregular_past_tags(lower: &str) -> &'static [&'static str] {
    const PARTICIPLE: [&str; 7] = ["en", "wn", "one", "un", "ung", "unk", "um"];
    const EITHER: [&str; 5] = ["t", "d", "de", "n", "ed"];
    if PARTICIPLE.iter().any(|e| lower.ends_with(e)) {
        &["VBN"]
    } else if EITHER.iter().any(|e| lower.ends_with(e)) {
        &["VBD", "VBN"]
    } else {
        &["VBD"]
    }
}

impl WordNetLexicon {
    /// Mends the lemma of an inflected open-class word: when `lemma` (the lemmatizer's answer for
    /// `form` tagged `xpos`) is not a WordNet lemma of that part of speech, the first stem
    /// WordNet's suffix rules reach that is one replaces it ("upgraded" -> "upgrade", not
    /// "upgrad"; "stopped" -> "stop"). Returns whether it changed anything. Lemmas WordNet does
    /// not know either way, capitalized ones and non-ASCII forms are left alone. Most words are
    /// turned away by their tag before any work, and nothing is allocated.
    pub fn mend_lemma(&self, form: &str, xpos: Xpos, lemma: &mut String) -> bool {
        let Some(&(rules, bit, _)) = SUFFIX_RULES.iter().find(|r| r.2.contains(&xpos.as_str())) else {
            return false;
        };
        // Capitalized lemmas are names, which WordNet mostly does not list.
        if lemma.is_empty()
            || lemma.bytes().any(|b| b.is_ascii_uppercase())
            || !form.is_ascii()
            || form.len() > STEM_MAX
        {
            return false;
        }
        if self.bits(lemma) & bit != 0 {
            return false;
        }
        let mut low = [0u8; STEM_MAX];
        low[..form.len()].copy_from_slice(form.as_bytes());
        low[..form.len()].make_ascii_lowercase();
        // ASCII in, ASCII out.
        let Ok(lower) = std::str::from_utf8(&low[..form.len()]) else { return false };
        let mut buf = [0u8; STEM_MAX];
        let Some(found) = self.stem(lower, rules, bit, &mut buf) else { return false };
        lemma.clear();
        lemma.push_str(found);
        true
    }

    /// The lemma that one of `rules` (suffix, replacement) makes of `lower`, when it is a WordNet
    /// lemma with entry bit `bit`: the first rule that does wins. The replacement "-" undoes a
    /// doubled final consonant ("stopped" -> "stop", "bigger" -> "big"). Candidates are built in
    /// `buf`, so that tagging and lemmatizing allocate nothing; longer words have no stem.
    fn stem<'b>(
        &self,
        lower: &str,
        rules: &[(&str, &str)],
        bit: u8,
        buf: &'b mut [u8; STEM_MAX],
    ) -> Option<&'b str> {
        for &(suffix, ending) in rules {
            let Some(stem) = lower.strip_suffix(suffix) else { continue };
            if stem.len() < 2 || !sibilant_ok(suffix, ending, stem) {
                continue;
            }
            let b = stem.as_bytes();
            let (keep, add) = if ending == "-" {
                if b.len() < 3 || b[b.len() - 1] != b[b.len() - 2] {
                    continue;
                }
                (&b[..b.len() - 1], &[][..])
            } else {
                (b, ending.as_bytes())
            };
            let n = keep.len() + add.len();
            if n > STEM_MAX {
                continue;
            }
            buf[..keep.len()].copy_from_slice(keep);
            buf[keep.len()..n].copy_from_slice(add);
            // A prefix of a valid string plus a whole one: always valid UTF-8.
            let Ok(candidate) = std::str::from_utf8(&buf[..n]) else { continue };
            if self.bits(candidate) & bit != 0 {
                return std::str::from_utf8(&buf[..n]).ok();
            }
        }
        None
    }
}

/// The longest stem [`WordNetLexicon::stem`] builds, in bytes.
const STEM_MAX: usize = 64;

/// WordNet's suffix rules (its `morphy` detachment rules, plus "-ied", "-ier", "-iest" and doubled
/// consonants), most specific first: per inflection, the rules, the part of speech its lemma must
/// have, and the Penn tags of the inflected form.
type SuffixRule = (&'static [(&'static str, &'static str)], u8, &'static [&'static str]);
const SUFFIX_RULES: [SuffixRule; 6] = [
    (
        &[
            ("ies", "y"),
            ("ses", "s"),
            ("xes", "x"),
            ("zes", "z"),
            ("ches", "ch"),
            ("shes", "sh"),
            ("men", "man"),
            ("s", ""),
        ],
        LEMMA_NOUN,
        &["NNS"],
    ),
    (&[("ies", "y"), ("es", "e"), ("es", ""), ("s", "")], LEMMA_VERB, &["VBZ"]),
    (&[("ied", "y"), ("ed", "e"), ("ed", ""), ("ed", "-")], LEMMA_VERB, &["VBD", "VBN"]),
    (&[("ing", "e"), ("ing", ""), ("ing", "-")], LEMMA_VERB, &["VBG"]),
    (&[("ier", "y"), ("er", "e"), ("er", ""), ("er", "-")], LEMMA_ADJ, &["JJR"]),
    (&[("iest", "y"), ("est", "e"), ("est", ""), ("est", "-")], LEMMA_ADJ, &["JJS"]),
];

/// English adds a bare "-es" only after a sibilant or "o" ("passes", "fixes", "goes"), so the
/// rule that strips it applies only there: "departes" is no form of "depart".
fn sibilant_ok(suffix: &str, ending: &str, stem: &str) -> bool {
    suffix != "es" || !ending.is_empty() || ["s", "x", "z", "ch", "sh", "o"].iter().any(|e| stem.ends_with(e))
}

/// Whether a WordNet lemma or form is one word the tagger can meet.
fn usable(w: &str) -> bool {
    !w.is_empty() && w.len() < 256 && !w.contains('_') && w.bytes().any(|b| b.is_ascii_alphabetic())
}

fn key(lower: &[u8]) -> u64 {
    mix(hash_bytes(SEED, lower))
}

fn read(path: &Path) -> Result<String, WordNetError> {
    let bytes =
        std::fs::read(path).map_err(|source| WordNetError::Read { path: path.to_path_buf(), source })?;
    // The database is ASCII apart from a few Latin-1 bytes in glosses, which the lemmas never use.
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// Layout, little-endian: magic `DYADWNLX`, version u32, entry count u32, then per entry (sorted)
/// the byte count it shares with the previous word (u8), the count of new bytes (u8), the new
/// bytes and the entry bits (u8); last a u64 checksum of everything before it.
fn encode(words: &[(String, u8)]) -> Vec<u8> {
    let mut out = Vec::with_capacity(words.len() * 8);
    out.extend_from_slice(MAGIC);
    put_u32(&mut out, VERSION);
    put_u32(&mut out, words.len() as u32);
    let mut prev: &[u8] = &[];
    for (w, bits) in words {
        let w = w.as_bytes();
        let shared = prev.iter().zip(w).take_while(|(a, b)| a == b).count().min(255);
        let rest = &w[shared..];
        out.push(shared as u8);
        out.push(rest.len() as u8);
        out.extend_from_slice(rest);
        out.push(*bits);
        prev = w;
    }
    let sum = checksum(&out);
    out.extend_from_slice(&sum.to_le_bytes());
    out
}

/// FNV-1a over the bytes, to catch a damaged file.
fn checksum(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| (h ^ b as u64).wrapping_mul(0x0100_0000_01b3))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A tiny WordNet folder in the database's own line formats.
    fn tiny_wordnet(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("dyad-wordnet-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let header = "  1 This software and database is being provided to you, the LICENSEE, by\n";
        let files = [
            ("index.noun", "insurgent n 1 1 @ 1 0 09979321\nmilitiaman n 1 1 @ 1 0 1\nnews n 1 0 1 0 1\nunited_states n 1 0 1 0 1\ntalk n 2 0 2 0 1 2\n"),
            ("index.verb", "bombard v 1 0 1 0 1\nforbid v 1 0 1 0 1\nstop v 1 0 1 0 1\ntalk v 1 0 1 0 1\nraise v 1 0 1 0 1\n"),
            ("index.adj", "insurgent a 1 0 1 0 1\nlarge a 1 0 1 0 1\n"),
            ("index.adv", "quickly r 1 0 1 0 1\n"),
            ("noun.exc", "militiamen militiaman\n"),
            ("verb.exc", "forbade forbid\nstopped stop\nundertook undertake\nundertaken undertake\n"),
            ("adj.exc", "better good\n"),
            ("adv.exc", "best well\n"),
        ];
        for (f, body) in files {
            std::fs::write(dir.join(f), format!("{header}{body}")).unwrap();
        }
        dir
    }

    fn tags(lex: &WordNetLexicon, w: &str) -> Vec<&'static str> {
        lex.tags(w).names()
    }

    #[test]
    fn forms_get_the_tags_of_their_lemmas_and_rules() {
        let dir = tiny_wordnet("rules");
        let lex = WordNetLexicon::from_bytes(&WordNetLexicon::build_from_dir(&dir).unwrap()).unwrap();
        std::fs::remove_dir_all(&dir).ok();
        assert_eq!(tags(&lex, "insurgents"), ["NNS"]);
        assert_eq!(tags(&lex, "insurgent"), ["NN", "JJ"]);
        assert_eq!(tags(&lex, "bombarded"), ["JJ", "VBD", "VBN"]);
        assert_eq!(tags(&lex, "bombarding"), ["NN", "JJ", "VBG"]);
        assert_eq!(tags(&lex, "bombards"), ["VBZ"]);
        assert_eq!(tags(&lex, "raised"), ["JJ", "VBD", "VBN"]);
        assert_eq!(tags(&lex, "forbade"), ["JJ", "VBD", "VBN"]);
        // An irregular form's ending tells past tense from participle where it can.
        assert_eq!(tags(&lex, "undertook"), ["VBD"]);
        assert_eq!(tags(&lex, "undertaken"), ["JJ", "VBN"]);
        assert_eq!(tags(&lex, "stopped"), ["JJ", "VBD", "VBN"]);
        assert_eq!(tags(&lex, "militiamen"), ["NNS"]);
        assert_eq!(tags(&lex, "news"), ["NN", "NNS"]);
        assert_eq!(tags(&lex, "talks"), ["NNS", "VBZ"]);
        assert_eq!(tags(&lex, "larger"), ["JJR"]);
        assert_eq!(tags(&lex, "better"), ["JJR"]);
        assert_eq!(tags(&lex, "quickly"), ["RB"]);
        assert!(lex.tags("xyzzy").is_empty());
        assert!(lex.tags("united_states").is_empty(), "multi-word lemmas are left out");
        assert_eq!(lex.len(), 17);
    }

    #[test]
    fn lemmas_wordnet_does_not_know_are_mended() {
        let dir = tiny_wordnet("lemma");
        let lex = WordNetLexicon::from_bytes(&WordNetLexicon::build_from_dir(&dir).unwrap()).unwrap();
        std::fs::remove_dir_all(&dir).ok();
        let mend = |form: &str, tag: &str, lemma: &str| {
            let mut l = lemma.to_string();
            lex.mend_lemma(form, Xpos::from_name_lossy(tag), &mut l);
            l
        };
        assert_eq!(mend("raised", "VBD", "rais"), "raise");
        assert_eq!(mend("stopped", "VBN", "stopp"), "stop");
        assert_eq!(mend("bombarding", "VBG", "bombard"), "bombard");
        assert_eq!(mend("insurgents", "NNS", "insurgents"), "insurgent");
        assert_eq!(mend("larger", "JJR", "larg"), "large");
        // A right lemma, a lemma of another part of speech's rules, and unknown words stay.
        assert_eq!(mend("talks", "VBZ", "talk"), "talk");
        assert_eq!(mend("raised", "NN", "rais"), "rais");
        assert_eq!(mend("tweeted", "VBD", "tweet"), "tweet");
        // "-es" comes off only after a sibilant: a misspelling is not mended into a verb.
        assert_eq!(mend("departes", "VBZ", "departe"), "departe");
        assert_eq!(mend("bombardes", "VBZ", "bombarde"), "bombarde");
    }

    #[test]
    fn rebuilds_are_identical_and_damage_is_caught() {
        let dir = tiny_wordnet("bytes");
        let a = WordNetLexicon::build_from_dir(&dir).unwrap();
        let b = WordNetLexicon::build_from_dir(&dir).unwrap();
        std::fs::remove_dir_all(&dir).ok();
        assert_eq!(a, b);
        for n in 0..a.len() {
            assert!(WordNetLexicon::from_bytes(&a[..n]).is_err(), "prefix {n} accepted");
        }
        for i in 0..a.len() {
            let mut c = a.clone();
            c[i] ^= 0x20;
            assert!(WordNetLexicon::from_bytes(&c).is_err(), "flip at {i} accepted");
        }
    }

    #[test]
    fn a_folder_without_wordnet_is_named() {
        let dir = std::env::temp_dir().join(format!("dyad-wordnet-none-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let err = WordNetLexicon::build_from_dir(&dir).unwrap_err();
        std::fs::remove_dir_all(&dir).ok();
        assert!(err.to_string().contains("index.noun"), "{err}");
    }

    #[test]
    fn committed_lexicon_loads() {
        let lex =
            WordNetLexicon::from_bytes(crate::pipeline::WORDNET_BYTES).expect("committed lexicon loads");
        assert!(lex.len() > 80_000, "{} forms", lex.len());
        assert_eq!(lex.tags("insurgents").names(), ["NNS"]);
        assert_eq!(lex.tags("bombarded").names(), ["JJ", "VBD", "VBN"]);
    }
}
