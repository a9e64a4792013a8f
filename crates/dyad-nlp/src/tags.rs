//! Closed tag sets: Universal POS, Penn Treebank XPOS and UD dependency relations.
//!
//! Tags are one-byte newtypes over static name tables, so that tagger and parser outputs are
//! `Copy`, comparable and cheap to store per token, and so that model files can store them as bytes.

macro_rules! tagset {
    ($(#[$m:meta])* $name:ident, $table:ident, [$($s:literal),* $(,)?]) => {
        $(#[$m])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
        pub struct $name(pub u8);

        pub(crate) static $table: &[&str] = &[$($s),*];

        impl $name {
            /// Number of distinct values (the first one, index 0, is the fallback for unknown names).
            pub const COUNT: usize = $table.len();

            /// Looks a tag up by its name; `None` for names outside the tag set.
            pub fn from_name(name: &str) -> Option<Self> {
                $table.iter().position(|t| *t == name).map(|i| Self(i as u8))
            }

            /// Looks a tag up by its name, mapping unknown names to the fallback value 0.
            pub fn from_name_lossy(name: &str) -> Self {
                Self::from_name(name).unwrap_or_default()
            }

            pub fn as_str(self) -> &'static str {
                $table.get(self.0 as usize).copied().unwrap_or($table[0])
            }

            pub fn index(self) -> usize {
                self.0 as usize
            }

            /// All values in table order.
            pub fn all() -> impl Iterator<Item = Self> {
                (0..$table.len()).map(|i| Self(i as u8))
            }
        }

        impl std::fmt::Debug for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

tagset!(
    /// Universal part-of-speech tag (UD v2).
    Upos,
    UPOS_NAMES,
    ["X", "NOUN", "PUNCT", "VERB", "PRON", "ADP", "DET", "ADJ", "AUX", "PROPN", "ADV", "CCONJ", "PART", "NUM", "SCONJ", "SYM", "INTJ"]
);

tagset!(
    /// Penn Treebank part-of-speech tag as used by UD English (XPOS column).
    Xpos,
    XPOS_NAMES,
    [
        "XX", "NN", "IN", "DT", "NNP", "PRP", "JJ", "RB", ".", "VB", "NNS", ",", "CC", "VBD", "VBP", "VBZ", "CD",
        "VBN", "VBG", "MD", "TO", "PRP$", "-RRB-", "-LRB-", "WDT", ":", "WRB", "``", "''", "WP", "RP", "UH",
        "POS", "HYPH", "NNPS", "JJR", "JJS", "EX", "NFP", "RBR", "ADD", "GW", "$", "SYM", "PDT", "LS", "FW",
        "RBS", "AFX", "WP$",
    ]
);

tagset!(
    /// Universal dependency relation, with the subtypes UD English-EWT uses.
    DepRel,
    DEPREL_NAMES,
    [
        "dep", "punct", "case", "nsubj", "det", "root", "advmod", "obj", "amod", "obl", "conj", "compound",
        "mark", "nmod", "cc", "aux", "cop", "advcl", "nmod:poss", "xcomp", "ccomp", "acl:relcl", "flat",
        "parataxis", "nummod", "appos", "acl", "aux:pass", "nsubj:pass", "obl:unmarked", "nmod:unmarked",
        "discourse", "compound:prt", "iobj", "list", "expl", "fixed", "nmod:desc", "obl:agent", "csubj",
        "nsubj:outer", "det:predet", "vocative", "goeswith", "advcl:relcl", "cc:preconj", "reparandum",
        "orphan", "csubj:pass", "dislocated", "csubj:outer", "obl:npmod", "nmod:npmod", "nmod:tmod",
        "obl:tmod", "flat:foreign", "expl:pv", "det:poss", "compound:svc", "obl:arg",
    ]
);

impl Upos {
    pub const X: Upos = Upos(0);
    pub const NOUN: Upos = Upos(1);
    pub const PUNCT: Upos = Upos(2);
    pub const VERB: Upos = Upos(3);
    pub const PRON: Upos = Upos(4);
    pub const ADP: Upos = Upos(5);
    pub const DET: Upos = Upos(6);
    pub const ADJ: Upos = Upos(7);
    pub const AUX: Upos = Upos(8);
    pub const PROPN: Upos = Upos(9);
    pub const ADV: Upos = Upos(10);
    pub const CCONJ: Upos = Upos(11);
    pub const PART: Upos = Upos(12);
    pub const NUM: Upos = Upos(13);
    pub const SCONJ: Upos = Upos(14);
    pub const SYM: Upos = Upos(15);
    pub const INTJ: Upos = Upos(16);
}

impl DepRel {
    pub const DEP: DepRel = DepRel(0);
    pub const PUNCT: DepRel = DepRel(1);
    pub const CASE: DepRel = DepRel(2);
    pub const NSUBJ: DepRel = DepRel(3);
    pub const DET: DepRel = DepRel(4);
    pub const ROOT: DepRel = DepRel(5);
    pub const ADVMOD: DepRel = DepRel(6);
    pub const OBJ: DepRel = DepRel(7);
    pub const AMOD: DepRel = DepRel(8);
    pub const OBL: DepRel = DepRel(9);
    pub const CONJ: DepRel = DepRel(10);
    pub const COMPOUND: DepRel = DepRel(11);
    pub const MARK: DepRel = DepRel(12);
    pub const NMOD: DepRel = DepRel(13);
    pub const CC: DepRel = DepRel(14);
    pub const AUX: DepRel = DepRel(15);
    pub const COP: DepRel = DepRel(16);
    pub const ADVCL: DepRel = DepRel(17);
    pub const NMOD_POSS: DepRel = DepRel(18);
    pub const XCOMP: DepRel = DepRel(19);
    pub const CCOMP: DepRel = DepRel(20);
    pub const ACL_RELCL: DepRel = DepRel(21);
    pub const FLAT: DepRel = DepRel(22);
    pub const PARATAXIS: DepRel = DepRel(23);
    pub const NUMMOD: DepRel = DepRel(24);
    pub const APPOS: DepRel = DepRel(25);
    pub const ACL: DepRel = DepRel(26);
    pub const AUX_PASS: DepRel = DepRel(27);
    pub const NSUBJ_PASS: DepRel = DepRel(28);
    pub const OBL_UNMARKED: DepRel = DepRel(29);
    pub const NMOD_UNMARKED: DepRel = DepRel(30);
    pub const DISCOURSE: DepRel = DepRel(31);
    pub const COMPOUND_PRT: DepRel = DepRel(32);
    pub const IOBJ: DepRel = DepRel(33);
    pub const EXPL: DepRel = DepRel(35);
    pub const FIXED: DepRel = DepRel(36);
    pub const OBL_AGENT: DepRel = DepRel(38);
    pub const CSUBJ: DepRel = DepRel(39);

    /// The universal part before any `:subtype` (`nsubj:pass` -> `nsubj`).
    pub fn base(self) -> &'static str {
        let s = self.as_str();
        s.split(':').next().unwrap_or(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for t in Xpos::all() {
            assert_eq!(Xpos::from_name(t.as_str()), Some(t));
        }
        assert_eq!(DepRel::from_name("nsubj:pass"), Some(DepRel::NSUBJ_PASS));
        assert_eq!(DepRel::from_name("obl:agent"), Some(DepRel::OBL_AGENT));
        assert_eq!(DepRel::from_name("iobj"), Some(DepRel::IOBJ));
        assert_eq!(Upos::from_name("SCONJ"), Some(Upos::SCONJ));
        assert_eq!(DepRel::NSUBJ_PASS.base(), "nsubj");
        assert_eq!(Xpos::from_name("NOPE"), None);
    }
}

#[cfg(test)]
mod const_tests {
    use super::*;

    #[test]
    fn constants_name_their_tables() {
        let pairs = [
            (DepRel::PUNCT, "punct"),
            (DepRel::ROOT, "root"),
            (DepRel::OBL, "obl"),
            (DepRel::XCOMP, "xcomp"),
            (DepRel::NSUBJ_PASS, "nsubj:pass"),
            (DepRel::IOBJ, "iobj"),
            (DepRel::EXPL, "expl"),
            (DepRel::FIXED, "fixed"),
            (DepRel::OBL_AGENT, "obl:agent"),
            (DepRel::CSUBJ, "csubj"),
        ];
        for (rel, name) in pairs {
            assert_eq!(rel.as_str(), name);
        }
        assert_eq!(Upos::INTJ.as_str(), "INTJ");
        assert_eq!(Upos::PROPN.as_str(), "PROPN");
    }
}
