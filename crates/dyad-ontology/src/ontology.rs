//! The CAMEO table: names, Goldstein scores, QuadClass and the PLOVER crosswalk, keyed by code.

use std::sync::OnceLock;

use crate::code::CameoCode;
use crate::plover::PloverEvent;

/// The compiled-in table (see `scripts/build_ontology.py` for its layout and sources).
const CAMEO_TSV: &str = include_str!("../data/cameo.tsv");

/// The four-way CAMEO QuadClass of an event, from its root code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum QuadClass {
    /// Roots 01 to 05.
    VerbalCooperation = 1,
    /// Roots 06 to 08.
    MaterialCooperation = 2,
    /// Roots 09 to 13.
    VerbalConflict = 3,
    /// Roots 14 to 20.
    MaterialConflict = 4,
}

impl QuadClass {
    /// The QuadClass of a code; every valid CAMEO root has one.
    pub fn of(code: CameoCode) -> QuadClass {
        match code.root_number() {
            0..=5 => QuadClass::VerbalCooperation,
            6..=8 => QuadClass::MaterialCooperation,
            9..=13 => QuadClass::VerbalConflict,
            _ => QuadClass::MaterialConflict,
        }
    }

    /// The conventional number, 1 to 4.
    pub const fn number(self) -> u8 {
        self as u8
    }

    /// The class with the given number, or `None` outside 1 to 4.
    pub const fn from_number(n: u8) -> Option<QuadClass> {
        match n {
            1 => Some(QuadClass::VerbalCooperation),
            2 => Some(QuadClass::MaterialCooperation),
            3 => Some(QuadClass::VerbalConflict),
            4 => Some(QuadClass::MaterialConflict),
            _ => None,
        }
    }
}

impl serde::Serialize for QuadClass {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u8(self.number())
    }
}

/// The PLOVER coding of a CAMEO code: event type, and the mode and context when the crosswalk
/// gives them. Borrowed from the compiled-in table, so it is `Copy`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
pub struct PloverCoding {
    pub event: PloverEvent,
    /// A mode such as "visit"; a few crosswalk modes ("political", "pro_autocracy") are not in the
    /// current codebook's mode list and are kept as the crosswalk writes them.
    pub mode: Option<&'static str>,
    /// One or more contexts, joined by "; " ("crime; corruption").
    pub context: Option<&'static str>,
}

impl PloverCoding {
    /// The contexts one by one.
    pub fn contexts(&self) -> impl Iterator<Item = &'static str> {
        self.context.unwrap_or("").split(';').map(str::trim).filter(|c| !c.is_empty())
    }
}

/// Everything the table says about one code.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CodeInfo {
    pub code: CameoCode,
    /// The CAMEO name ("Make a visit"); empty only if the sources give none.
    pub name: &'static str,
    pub goldstein: Option<f32>,
    /// The crosswalk line for exactly this code (no fallback to the parent).
    pub plover: Option<PloverCoding>,
}

/// A line of the table that does not parse.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {problem}")]
pub struct OntologyError {
    pub file: &'static str,
    pub line: usize,
    pub problem: String,
}

/// The CAMEO ontology: immutable, built once.
#[derive(Debug, Clone)]
pub struct Ontology {
    /// Sorted by code, one entry per code.
    entries: Vec<CodeInfo>,
}

impl Ontology {
    /// The compiled-in ontology, parsed on first use.
    pub fn embedded() -> &'static Ontology {
        static ONTOLOGY: OnceLock<Ontology> = OnceLock::new();
        ONTOLOGY.get_or_init(|| {
            // The embedded table is checked by the tests, so a parse error here means a broken build;
            // falling back to an empty table keeps the no-panic promise all the same.
            Ontology::parse("cameo.tsv", CAMEO_TSV).unwrap_or(Ontology { entries: Vec::new() })
        })
    }

    /// Parses a table in the `cameo.tsv` layout: `code, goldstein, name, event, mode, context`,
    /// tab-separated, `#` comments. `file` names the source in errors.
    pub fn parse(file: &'static str, text: &'static str) -> Result<Ontology, OntologyError> {
        let mut entries = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let err = |problem: String| OntologyError { file, line: i + 1, problem };
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let mut f = line.split('\t');
            let mut next = || f.next().map(str::trim).unwrap_or("");
            let (code, gold, name, event, mode, context) = (next(), next(), next(), next(), next(), next());
            let code = CameoCode::new(code).map_err(|e| err(e.to_string()))?;
            // The ontology describes CAMEO proper; user-defined codes have no names or scores.
            if !code.is_standard() {
                return Err(err(format!("{code} is not a CAMEO code (digits with a root from 01 to 20)")));
            }
            let goldstein = match gold {
                "" => None,
                g => Some(g.parse::<f32>().map_err(|_| err(format!("bad Goldstein score {g:?}")))?),
            };
            let plover = match event {
                "" => None,
                e => Some(PloverCoding {
                    event: PloverEvent::from_name(e)
                        .ok_or_else(|| err(format!("unknown PLOVER event {e:?}")))?,
                    mode: (!mode.is_empty()).then_some(mode),
                    context: (!context.is_empty()).then_some(context),
                }),
            };
            entries.push(CodeInfo { code, name, goldstein, plover });
        }
        entries.sort_by_key(|e| e.code);
        if let Some(w) = entries.windows(2).find(|w| w[0].code == w[1].code) {
            return Err(OntologyError { file, line: 0, problem: format!("code {} listed twice", w[0].code) });
        }
        Ok(Ontology { entries })
    }

    /// The table entry for exactly this code.
    pub fn get(&self, code: CameoCode) -> Option<&CodeInfo> {
        self.entries.binary_search_by_key(&code, |e| e.code).ok().map(|i| &self.entries[i])
    }

    /// Whether the table lists this code.
    pub fn is_known(&self, code: CameoCode) -> bool {
        self.get(code).is_some()
    }

    /// The CAMEO name of exactly this code.
    pub fn name(&self, code: CameoCode) -> Option<&'static str> {
        self.get(code).map(|e| e.name).filter(|n| !n.is_empty())
    }

    /// The Goldstein score, falling back to the nearest ancestor that has one
    /// (1213 has none in the sources, so it takes 121's).
    pub fn goldstein(&self, code: CameoCode) -> Option<f32> {
        self.lineage(code).find_map(|c| self.get(c).and_then(|e| e.goldstein))
    }

    /// The QuadClass, from the root code.
    pub fn quad_class(&self, code: CameoCode) -> QuadClass {
        QuadClass::of(code)
    }

    /// The PLOVER coding, falling back to the nearest ancestor the crosswalk lists.
    /// `None` for roots 01 and 02 (statements and appeals), which the 2021 crosswalk leaves out.
    pub fn plover(&self, code: CameoCode) -> Option<PloverCoding> {
        self.lineage(code).find_map(|c| self.get(c).and_then(|e| e.plover))
    }

    /// Every listed code with its entry, in code order.
    pub fn codes(&self) -> impl ExactSizeIterator<Item = &CodeInfo> + '_ {
        self.entries.iter()
    }

    /// Number of listed codes.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The code, then its parent, up to the root.
    fn lineage(&self, code: CameoCode) -> impl Iterator<Item = CameoCode> {
        std::iter::successors(Some(code), |c| c.parent())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(s: &str) -> CameoCode {
        CameoCode::new(s).unwrap()
    }

    #[test]
    fn embedded_table_parses_fully() {
        let o = Ontology::parse("cameo.tsv", CAMEO_TSV).unwrap();
        assert_eq!(o.len(), 315);
        assert_eq!(Ontology::embedded().len(), 315);
        // Every root 01..20 is listed with a name.
        for r in 1..=20 {
            let root = c(&format!("{r:02}"));
            assert!(o.name(root).is_some(), "{root}");
        }
    }

    #[test]
    fn visit_is_consult_visit() {
        let o = Ontology::embedded();
        let p = o.plover(c("042")).unwrap();
        assert_eq!(p.event, PloverEvent::Consult);
        assert_eq!(p.mode, Some("visit"));
        assert_eq!(p.context, None);
        assert_eq!(o.name(c("042")), Some("Make a visit"));
        assert_eq!(o.goldstein(c("042")), Some(1.9));
        assert_eq!(o.quad_class(c("042")), QuadClass::VerbalCooperation);
    }

    #[test]
    fn quad_classes_follow_roots() {
        let o = Ontology::embedded();
        assert_eq!(o.quad_class(c("190")).number(), 4);
        assert_eq!(o.quad_class(c("05")).number(), 1);
        assert_eq!(o.quad_class(c("061")).number(), 2);
        assert_eq!(o.quad_class(c("0874")).number(), 2);
        assert_eq!(o.quad_class(c("09")).number(), 3);
        assert_eq!(o.quad_class(c("138")).number(), 3);
        assert_eq!(o.quad_class(c("14")).number(), 4);
        assert_eq!(QuadClass::from_number(3), Some(QuadClass::VerbalConflict));
        assert_eq!(QuadClass::from_number(0), None);
    }

    #[test]
    fn goldstein_scores_and_fallback() {
        let o = Ontology::embedded();
        assert_eq!(o.goldstein(c("190")), Some(-10.0));
        assert_eq!(o.goldstein(c("0874")), Some(10.0));
        assert_eq!(o.goldstein(c("111")), Some(-2.0));
        assert_eq!(o.goldstein(c("1213")), o.goldstein(c("121")));
        // "0415" is not a CAMEO code, but its parent 041 is.
        assert!(!o.is_known(c("0415")));
        assert_eq!(o.goldstein(c("0415")), Some(1.0));
        // Every listed code gets a score, directly or from a parent.
        assert!(o.codes().all(|e| o.goldstein(e.code).is_some()));
    }

    #[test]
    fn plover_crosswalk_and_fallback() {
        let o = Ontology::embedded();
        let p = o.plover(c("1121")).unwrap();
        assert_eq!((p.event, p.mode), (PloverEvent::Accuse, Some("allege")));
        assert_eq!(p.contexts().collect::<Vec<_>>(), ["crime", "corruption"]);
        assert_eq!(o.plover(c("163")).unwrap().event, PloverEvent::Coerce);
        assert_eq!(o.plover(c("0861")).unwrap().mode, Some("access"));
        // 1951 is listed without a crosswalk line: it takes 195's.
        assert_eq!(o.plover(c("1951")), o.plover(c("195")));
        assert_eq!(o.plover(c("19")).unwrap().event, PloverEvent::Assault);
        assert_eq!(o.plover(c("010")), None);
        assert_eq!(o.plover(c("023")), None);
        // Every code from root 03 on reaches a PLOVER event.
        assert!(o.codes().filter(|e| e.code.root_number() >= 3).all(|e| o.plover(e.code).is_some()));
    }

    #[test]
    fn every_crosswalk_line_is_kept() {
        // CAMEO2PLOVER-2021.txt has 274 distinct codes (175 and root 08 appear twice); each parsed
        // as a CameoCode when the table was parsed.
        let o = Ontology::embedded();
        assert_eq!(o.codes().filter(|e| e.plover.is_some()).count(), 274);
        // Where the crosswalk lists a code twice, the first line wins.
        assert_eq!(o.plover(c("08")).unwrap().event, PloverEvent::Concede);
        assert_eq!(o.plover(c("084")).unwrap().event, PloverEvent::Retreat);
        // Codes the crosswalk files under another root keep their own line.
        assert_eq!(o.plover(c("191")).unwrap().event, PloverEvent::Coerce);
        assert_eq!(o.plover(c("201")).unwrap().mode, Some("cleansing"));
    }

    #[test]
    fn every_crosswalk_event_is_current() {
        let o = Ontology::embedded();
        for e in o.codes() {
            if let Some(p) = e.plover {
                assert_eq!(PloverEvent::from_name(p.event.as_str()), Some(p.event));
            }
        }
    }

    #[test]
    fn mojibake_name_is_repaired() {
        assert_eq!(Ontology::embedded().name(c("044")), Some("Meet at a 'third' location"));
    }

    #[test]
    fn parse_errors_name_the_line() {
        let e = Ontology::parse("x.tsv", "# c\n042\t1.9\tVisit\n99\t1\tBad\n").unwrap_err();
        assert_eq!(e.line, 3);
        assert!(e.to_string().starts_with("x.tsv:3:"), "{e}");
        let e = Ontology::parse("x.tsv", "042\tx\tVisit\n").unwrap_err();
        assert!(e.problem.contains("Goldstein"));
        let e = Ontology::parse("x.tsv", "042\t1\tVisit\tDANCE\n").unwrap_err();
        assert!(e.problem.contains("DANCE"));
        assert!(Ontology::parse("x.tsv", "042\t1\ta\n042\t1\tb\n").is_err());
    }
}
