//! Scoring predicted events against gold records: precision, recall and F1 at three levels, the
//! share of records coded exactly, and the misses and extras of every record that was not.
//!
//! Levels (each event becomes one key; per record, gold and predicted keys are matched as
//! multisets, so two identical expected events need two predictions):
//! 1. [`Level::Root`]: source root (first 3 characters) + target root + two-digit CAMEO root;
//! 2. [`Level::Full`]: full source code + full target code + full CAMEO code;
//! 3. [`Level::Plover`]: PLOVER event type + source root + target root.
//!
//! Levels 1 and 2 score PETRARCH gold (which has CAMEO codes); level 3 scores PLOVER gold and
//! PETRARCH gold whose events were given PLOVER types ([`crate::GoldRecord::fill_plover`]).
//! Only records with `evaluate` set are scored. "Records exact" is, over the evaluated PETRARCH
//! records, the share whose set of (source, target, CAMEO code) triples equals the gold set.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use dyad_coder::Event;

use crate::gold::{GoldFormat, GoldRecord};

/// A predicted event as the scorer sees it: codes only.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct PredictedEvent {
    /// The source actor code; "" when there is none.
    pub source: String,
    /// The target actor code; "" when there is none.
    pub target: String,
    pub cameo: Option<String>,
    pub plover: Option<String>,
}

impl PredictedEvent {
    /// The codes of a coded event.
    pub fn from_event(e: &Event) -> Self {
        PredictedEvent {
            source: e.source.as_ref().map(|a| a.code.as_str().to_string()).unwrap_or_default(),
            target: e.target.as_ref().map(|a| a.code.as_str().to_string()).unwrap_or_default(),
            cameo: Some(e.cameo.as_str().to_string()),
            plover: e.plover.as_ref().map(|p| p.event.clone()),
        }
    }
}

/// The codes of every event of one document.
pub fn predicted_from_events(events: &[Event]) -> Vec<PredictedEvent> {
    events.iter().map(PredictedEvent::from_event).collect()
}

/// A scoring level; see the module documentation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Level {
    Root,
    Full,
    Plover,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::Root, Level::Full, Level::Plover];

    pub fn name(self) -> &'static str {
        match self {
            Level::Root => "source root + target root + CAMEO root",
            Level::Full => "source + target + CAMEO code (full)",
            Level::Plover => "PLOVER event + source root + target root",
        }
    }

    /// Whether this level scores `record`.
    fn applies(self, record: &GoldRecord) -> bool {
        match self {
            Level::Root | Level::Full => record.format == GoldFormat::Petrarch,
            Level::Plover => record.plover_coded,
        }
    }

    /// The key of an event at this level, or `None` when the event lacks the code it needs.
    fn key(self, source: &str, target: &str, cameo: Option<&str>, plover: Option<&str>) -> Option<String> {
        let actor = |c: &str| if c.is_empty() { "-".to_string() } else { c.to_string() };
        let root = |c: &str| actor(canonical_root(c.get(..3).unwrap_or(c)));
        match self {
            Level::Root => {
                let c = cameo?;
                Some(format!("{} {} {}", root(source), root(target), c.get(..2).unwrap_or(c)))
            }
            Level::Full => Some(format!("{} {} {}", actor(source), actor(target), cameo?)),
            Level::Plover => Some(format!("{} {} {}", plover?, root(source), root(target))),
        }
    }

    fn gold_keys(self, record: &GoldRecord) -> Vec<String> {
        let mut keys: Vec<String> = record
            .events
            .iter()
            .filter_map(|e| self.key(&e.source, &e.target, e.cameo.as_deref(), e.plover.as_deref()))
            .collect();
        keys.sort();
        keys
    }

    fn predicted_keys(self, predicted: &[PredictedEvent]) -> Vec<String> {
        let mut keys: Vec<String> = predicted
            .iter()
            .filter_map(|e| self.key(&e.source, &e.target, e.cameo.as_deref(), e.plover.as_deref()))
            .collect();
        keys.sort();
        keys
    }
}

/// The ISO 3166 form of a country root, for the obsolete CAMEO and gold-set codes that name the
/// same country ("JAP" and "JPN"), and `-` for the unknown-actor root `---`, which gold sets write
/// as a missing actor. Roots are compared, not rewritten in the output.
fn canonical_root(root: &str) -> &str {
    match root {
        "---" => "",
        "JAP" => "JPN",
        "ANG" => "AGO",
        "SCG" | "YUG" => "SRB",
        "TMP" => "TLS",
        "ITL" => "ITA",
        "VTN" => "VNM",
        "ROM" => "ROU",
        "ZAR" => "COD",
        "BUR" => "MMR",
        other => other,
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The counts at one level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LevelScore {
    pub level: Level,
    /// Evaluated records this level applies to (0: the level does not apply to this gold set).
    pub records: usize,
    pub gold: usize,
    pub predicted: usize,
    /// Predicted events matched to a gold event (true positives).
    pub matched: usize,
}

impl LevelScore {
    /// matched / predicted; `None` when nothing was predicted.
    pub fn precision(&self) -> Option<f64> {
        (self.predicted > 0).then(|| self.matched as f64 / self.predicted as f64)
    }

    /// matched / gold; `None` when nothing was expected.
    pub fn recall(&self) -> Option<f64> {
        (self.gold > 0).then(|| self.matched as f64 / self.gold as f64)
    }

    /// The harmonic mean of precision and recall; `None` when either is undefined.
    pub fn f1(&self) -> Option<f64> {
        let (p, r) = (self.precision()?, self.recall()?);
        Some(if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) })
    }
}

/// What one record got wrong, at its own level (full codes for PETRARCH gold, PLOVER otherwise).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordDiff {
    pub id: String,
    pub text: String,
    pub level: Level,
    /// Expected and predicted keys ("USA CHN 042"), sorted.
    pub expected: Vec<String>,
    pub got: Vec<String>,
    /// Expected keys not predicted, and predicted keys not expected.
    pub missing: Vec<String>,
    pub extra: Vec<String>,
}

/// The result of [`score`].
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// One entry per [`Level`], in [`Level::ALL`] order.
    pub levels: Vec<LevelScore>,
    /// Evaluated PETRARCH records coded exactly, and their number; `None` without PETRARCH gold.
    pub exact: Option<(usize, usize)>,
    /// The same per record category (sorted by category), for PETRARCH records that have one.
    pub exact_by_category: Vec<(String, usize, usize)>,
    /// Records scored and records skipped (`evaluate="false"`).
    pub evaluated: usize,
    pub skipped: usize,
    /// Every evaluated record whose events differ from the gold.
    pub diffs: Vec<RecordDiff>,
}

/// Scores `predicted[i]` (the events coded from `gold[i]`'s text) against `gold[i]`; a missing
/// `predicted` entry counts as no events.
pub fn score(gold: &[GoldRecord], predicted: &[Vec<PredictedEvent>]) -> Report {
    let mut levels: Vec<LevelScore> = Level::ALL
        .iter()
        .map(|&level| LevelScore { level, records: 0, gold: 0, predicted: 0, matched: 0 })
        .collect();
    let mut exact = (0, 0);
    let mut by_category: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut diffs = Vec::new();
    let (mut evaluated, mut skipped) = (0, 0);
    for (i, record) in gold.iter().enumerate() {
        if !record.evaluate {
            skipped += 1;
            continue;
        }
        evaluated += 1;
        let pred = predicted.get(i).map_or(&[][..], Vec::as_slice);
        for s in &mut levels {
            if !s.level.applies(record) {
                continue;
            }
            let g = s.level.gold_keys(record);
            let p = s.level.predicted_keys(pred);
            s.records += 1;
            s.gold += g.len();
            s.predicted += p.len();
            let (missing, extra) = multiset_diff(&g, &p);
            s.matched += g.len() - missing.len();
            let own = if record.format == GoldFormat::Petrarch { Level::Full } else { Level::Plover };
            if s.level == own && !(missing.is_empty() && extra.is_empty()) {
                diffs.push(RecordDiff {
                    id: record.id.clone(),
                    text: record.text.clone(),
                    level: own,
                    expected: g.clone(),
                    got: p.clone(),
                    missing,
                    extra,
                });
            }
        }
        if record.format == GoldFormat::Petrarch {
            exact.1 += 1;
            let g: BTreeSet<String> = Level::Full.gold_keys(record).into_iter().collect();
            let p: BTreeSet<String> = Level::Full.predicted_keys(pred).into_iter().collect();
            let hit = usize::from(g == p);
            exact.0 += hit;
            if let Some(c) = &record.category {
                let e = by_category.entry(c).or_default();
                e.0 += hit;
                e.1 += 1;
            }
        }
    }
    let exact_by_category = by_category.into_iter().map(|(c, (k, n))| (c.to_string(), k, n)).collect();
    Report { levels, exact: (exact.1 > 0).then_some(exact), exact_by_category, evaluated, skipped, diffs }
}

/// Keys of sorted `gold` without a partner in sorted `pred`, and the other way round.
fn multiset_diff(gold: &[String], pred: &[String]) -> (Vec<String>, Vec<String>) {
    let (mut missing, mut extra) = (Vec::new(), Vec::new());
    let (mut i, mut j) = (0, 0);
    while i < gold.len() || j < pred.len() {
        match (gold.get(i), pred.get(j)) {
            (Some(g), Some(p)) if g == p => {
                i += 1;
                j += 1;
            }
            (Some(g), Some(p)) if g < p => {
                missing.push(g.clone());
                i += 1;
            }
            (Some(_), Some(p)) | (None, Some(p)) => {
                extra.push(p.clone());
                j += 1;
            }
            (Some(g), None) => {
                missing.push(g.clone());
                i += 1;
            }
            (None, None) => break,
        }
    }
    (missing, extra)
}

impl Report {
    /// The counts at `level`.
    pub fn level(&self, level: Level) -> &LevelScore {
        // `levels` always holds every level, in order.
        &self.levels[Level::ALL.iter().position(|&l| l == level).unwrap_or(0)]
    }

    /// The per-record misses and extras, for printing after the summary.
    pub fn details(&self) -> Details<'_> {
        Details(self)
    }
}

fn pct(x: Option<f64>) -> String {
    x.map_or_else(|| "-".to_string(), |x| format!("{:.1} %", 100.0 * x))
}

/// The summary: one line per level with precision, recall and F1, then `records exact`.
impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{:<42} {:>7} {:>6} {:>6} {:>6} {:>9} {:>8} {:>8}",
            "level", "records", "gold", "pred", "match", "precision", "recall", "F1"
        )?;
        for s in &self.levels {
            if s.records == 0 {
                writeln!(f, "{:<42} {:>7}", s.level.name(), "n/a")?;
                continue;
            }
            writeln!(
                f,
                "{:<42} {:>7} {:>6} {:>6} {:>6} {:>9} {:>8} {:>8}",
                s.level.name(),
                s.records,
                s.gold,
                s.predicted,
                s.matched,
                pct(s.precision()),
                pct(s.recall()),
                pct(s.f1())
            )?;
        }
        if let Some((k, n)) = self.exact {
            writeln!(f, "records exact: {k}/{n} ({})", pct((n > 0).then(|| k as f64 / n as f64)))?;
        }
        // A breakdown only helps when there is more than one category.
        if self.exact_by_category.len() > 1 {
            let parts: Vec<String> =
                self.exact_by_category.iter().map(|(c, k, n)| format!("{c} {k}/{n}")).collect();
            writeln!(f, "records exact by category: {}", parts.join(", "))?;
        }
        writeln!(f, "records evaluated: {}, skipped (evaluate=\"false\"): {}", self.evaluated, self.skipped)
    }
}

/// The misses and extras of each record; see [`Report::details`].
#[derive(Debug)]
pub struct Details<'a>(&'a Report);

impl fmt::Display for Details<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in &self.0.diffs {
            writeln!(f, "{}: {}", d.id, d.text)?;
            writeln!(f, "  expected: {}", list(&d.expected))?;
            writeln!(f, "  got:      {}", list(&d.got))?;
            if !d.missing.is_empty() {
                writeln!(f, "  missing:  {}", list(&d.missing))?;
            }
            if !d.extra.is_empty() {
                writeln!(f, "  extra:    {}", list(&d.extra))?;
            }
        }
        Ok(())
    }
}

fn list(keys: &[String]) -> String {
    if keys.is_empty() {
        "(none)".to_string()
    } else {
        keys.join("; ")
    }
}

#[cfg(test)]
mod alias_tests {
    use super::*;

    #[test]
    fn obsolete_country_codes_compare_equal() {
        let k = |s: &str, t: &str| Level::Plover.key(s, t, None, Some("AGREE"));
        assert_eq!(k("JAPGOV", "SCG"), k("JPN", "SRB"));
        assert_eq!(k("---GOV", "USA"), k("", "USA"));
        assert_ne!(k("IRQ", "USA"), k("IRN", "USA"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gold::GoldEvent;

    fn ge(s: &str, t: &str, c: &str) -> GoldEvent {
        GoldEvent { source: s.into(), target: t.into(), cameo: Some(c.into()), plover: None }
    }

    fn pe(s: &str, t: &str, c: &str) -> PredictedEvent {
        PredictedEvent { source: s.into(), target: t.into(), cameo: Some(c.into()), plover: None }
    }

    fn petr(id: &str, events: Vec<GoldEvent>, evaluate: bool) -> GoldRecord {
        GoldRecord {
            id: id.into(),
            date: None,
            text: format!("text of {id}"),
            events,
            evaluate,
            format: GoldFormat::Petrarch,
            category: Some(if id < "c" { "AB" } else { "CDE" }.to_string()),
            plover_coded: false,
        }
    }

    #[test]
    fn scores_petrarch_gold_at_root_and_full_levels() {
        let gold = vec![
            petr("a", vec![ge("USA", "CHN", "042")], true),
            petr("b", vec![ge("BRA", "USA", "031"), ge("USA", "BRA", "031")], true),
            petr("c", vec![], true),
            petr("d", vec![ge("ISR", "PSEGOV", "084")], true),
            petr("e", vec![ge("X", "Y", "010")], false),
        ];
        let predicted = vec![
            vec![pe("USA", "CHN", "042")],                          // exact
            vec![pe("BRA", "USA", "031"), pe("BRA", "USA", "031")], // one match, one extra, one miss
            vec![pe("FRA", "", "010")],                             // extra on a no-event record
            vec![pe("ISR", "PSEREB", "0841")],                      // root match only
            vec![pe("Z", "Z", "190")],                              // not evaluated
        ];
        let r = score(&gold, &predicted);
        assert_eq!((r.evaluated, r.skipped), (4, 1));
        let root = r.level(Level::Root);
        assert_eq!((root.records, root.gold, root.predicted, root.matched), (4, 4, 5, 3));
        assert_eq!(root.precision(), Some(0.6));
        assert_eq!(root.recall(), Some(0.75));
        assert!((root.f1().unwrap() - 2.0 / 3.0).abs() < 1e-12);
        let full = r.level(Level::Full);
        assert_eq!((full.gold, full.predicted, full.matched), (4, 5, 2));
        assert_eq!(full.precision(), Some(0.4));
        assert_eq!(full.recall(), Some(0.5));
        assert_eq!(r.level(Level::Plover).records, 0);
        assert_eq!(r.exact, Some((1, 4)));
        let ids: Vec<&str> = r.diffs.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["b", "c", "d"]);
        assert_eq!(r.diffs[0].missing, ["USA BRA 031"]);
        assert_eq!(r.diffs[0].extra, ["BRA USA 031"]);
        assert_eq!(r.diffs[1].extra, ["FRA - 010"]);
        let text = r.to_string();
        assert!(text.contains("records exact: 1/4 (25.0 %)"), "{text}");
        assert!(text.contains("records exact by category: AB 1/2, CDE 0/2\n"), "{text}");
        insta::assert_snapshot!(format!("{r}\n{}", r.details()));
        assert!(text.contains("60.0 %") && text.contains("75.0 %") && text.contains("66.7 %"), "{text}");
        let details = r.details().to_string();
        assert!(details.contains("b: text of b\n  expected: BRA USA 031; USA BRA 031\n"), "{details}");
    }

    #[test]
    fn exact_records_compare_sets() {
        // Duplicated predictions still make an exact record (sets), but count as extras (multisets).
        let gold = vec![petr("a", vec![ge("USA", "CHN", "042")], true)];
        let r = score(&gold, &[vec![pe("USA", "CHN", "042"), pe("USA", "CHN", "042")]]);
        assert_eq!(r.exact, Some((1, 1)));
        assert_eq!(r.level(Level::Full).matched, 1);
        assert_eq!(r.level(Level::Full).predicted, 2);
        // A missing prediction list is no events.
        let r = score(&gold, &[]);
        assert_eq!(r.exact, Some((0, 1)));
        assert_eq!(r.level(Level::Full).precision(), None);
        assert_eq!(r.level(Level::Full).recall(), Some(0.0));
        assert_eq!(r.level(Level::Full).f1(), None);
    }

    #[test]
    fn scores_plover_gold_by_event_type_and_roots() {
        let plover = |s: &str, t: &str, e: &str| GoldEvent {
            source: s.into(),
            target: t.into(),
            cameo: None,
            plover: Some(e.into()),
        };
        let gold = vec![GoldRecord {
            id: "p".into(),
            date: None,
            text: "t".into(),
            events: vec![plover("HUNGOV", "ROUGOV", "AGREE"), plover("ROUGOV", "HUNGOV", "AGREE")],
            evaluate: true,
            format: GoldFormat::Plover,
            category: None,
            plover_coded: true,
        }];
        let pred = vec![vec![
            PredictedEvent {
                source: "HUN".into(),
                target: "ROUGOV".into(),
                cameo: Some("030".into()),
                plover: Some("AGREE".into()),
            },
            PredictedEvent {
                source: "HUN".into(),
                target: "ROU".into(),
                cameo: Some("010".into()),
                plover: None,
            },
        ]];
        let r = score(&gold, &pred);
        let p = r.level(Level::Plover);
        assert_eq!((p.records, p.gold, p.predicted, p.matched), (1, 2, 1, 1));
        assert_eq!(p.precision(), Some(1.0));
        assert_eq!(p.recall(), Some(0.5));
        assert_eq!(r.level(Level::Root).records, 0);
        assert_eq!(r.exact, None);
        assert_eq!(r.diffs[0].missing, ["AGREE ROU HUN"]);
        assert!(r.to_string().contains("n/a"));
        assert!(!r.to_string().contains("records exact"));
    }
}
