//! The PLOVER event types and modes, and the mapping from older PLOVER names to current ones.
//!
//! PLOVER is the output vocabulary of dyad; gold records written against PLOVER 0.5b1 use older
//! names (DEMAND, DISAPPROVE, INVESTIGATE, FIGHT, mode "strike-hun"...), which are mapped here so
//! that scoring compares like with like.

use std::fmt;

/// One of the 16 PLOVER event types (PLOVER_structured_codebook_updated.csv).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PloverEvent {
    Agree,
    Consult,
    Support,
    Concede,
    Cooperate,
    Aid,
    Retreat,
    Request,
    Accuse,
    Reject,
    Threaten,
    Protest,
    Sanction,
    Mobilize,
    Coerce,
    Assault,
}

impl PloverEvent {
    /// Every event type, in codebook order.
    pub const ALL: [PloverEvent; 16] = [
        PloverEvent::Agree,
        PloverEvent::Consult,
        PloverEvent::Support,
        PloverEvent::Concede,
        PloverEvent::Cooperate,
        PloverEvent::Aid,
        PloverEvent::Retreat,
        PloverEvent::Request,
        PloverEvent::Accuse,
        PloverEvent::Reject,
        PloverEvent::Threaten,
        PloverEvent::Protest,
        PloverEvent::Sanction,
        PloverEvent::Mobilize,
        PloverEvent::Coerce,
        PloverEvent::Assault,
    ];

    /// The upper-case name used in PLOVER records ("CONSULT").
    pub const fn as_str(self) -> &'static str {
        match self {
            PloverEvent::Agree => "AGREE",
            PloverEvent::Consult => "CONSULT",
            PloverEvent::Support => "SUPPORT",
            PloverEvent::Concede => "CONCEDE",
            PloverEvent::Cooperate => "COOPERATE",
            PloverEvent::Aid => "AID",
            PloverEvent::Retreat => "RETREAT",
            PloverEvent::Request => "REQUEST",
            PloverEvent::Accuse => "ACCUSE",
            PloverEvent::Reject => "REJECT",
            PloverEvent::Threaten => "THREATEN",
            PloverEvent::Protest => "PROTEST",
            PloverEvent::Sanction => "SANCTION",
            PloverEvent::Mobilize => "MOBILIZE",
            PloverEvent::Coerce => "COERCE",
            PloverEvent::Assault => "ASSAULT",
        }
    }

    /// Parses a current or older event name, ignoring case and surrounding space
    /// ("consult", "DEMAND" -> `Request`). `None` for anything else.
    pub fn from_name(name: &str) -> Option<PloverEvent> {
        let name = name.trim();
        let current = PloverEvent::ALL.iter().copied().find(|e| e.as_str().eq_ignore_ascii_case(name));
        current
            .or_else(|| OLD_NAMES.iter().find(|(old, _)| old.eq_ignore_ascii_case(name)).map(|&(_, new)| new))
    }

    /// The modes the codebook lists for this event type (empty when it lists none).
    pub const fn modes(self) -> &'static [&'static str] {
        match self {
            PloverEvent::Consult => &["visit", "third-party", "multilateral", "phone"],
            PloverEvent::Retreat => {
                &["withdraw", "release", "return", "disarm", "ceasefire", "access", "resign"]
            }
            PloverEvent::Request | PloverEvent::Reject => &["assist", "change", "yield", "meet"],
            PloverEvent::Accuse => &["disapprove", "investigate", "allege"],
            PloverEvent::Threaten => {
                &["restrict", "ban", "arrest", "relations", "rights", "expel", "territory", "violence"]
            }
            PloverEvent::Protest => &["demo", "riot", "strike", "hunger", "boycott", "obstruct"],
            PloverEvent::Sanction => &["convict", "expel", "withdraw", "discontinue"],
            PloverEvent::Mobilize => &["troops", "weapons", "police", "militia"],
            PloverEvent::Coerce => &[
                "seize",
                "restrict",
                "ban",
                "censor",
                "curfew",
                "arrest",
                "deport",
                "withhold",
                "misinformation",
                "cyber",
            ],
            PloverEvent::Assault => &[
                "abduct",
                "beat",
                "torture",
                "execute",
                "sexual",
                "assassinate",
                "destroy",
                "primitive",
                "firearms",
                "explosives",
                "suicide-attack",
                "aerial",
                "drone",
                "heavy-weapons",
                "crowd-control",
                "cleansing",
                "massacre",
                "unconventional",
            ],
            PloverEvent::Agree
            | PloverEvent::Support
            | PloverEvent::Concede
            | PloverEvent::Cooperate
            | PloverEvent::Aid => &[],
        }
    }
}

impl fmt::Display for PloverEvent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for PloverEvent {
    type Err = UnknownPloverEvent;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        PloverEvent::from_name(s).ok_or_else(|| UnknownPloverEvent(s.to_string()))
    }
}

impl serde::Serialize for PloverEvent {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// A string that is not a PLOVER event name, current or old.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown PLOVER event type {0:?}")]
pub struct UnknownPloverEvent(pub String);

/// Event names of PLOVER 0.5b1 (used in the PLOVER gold records and the old reference page)
/// and the current type each was folded into.
const OLD_NAMES: [(&str, PloverEvent); 4] = [
    ("DEMAND", PloverEvent::Request),
    ("DISAPPROVE", PloverEvent::Accuse),
    ("INVESTIGATE", PloverEvent::Accuse),
    ("FIGHT", PloverEvent::Assault),
];

/// Maps a current or older PLOVER event name to the current upper-case name
/// ("DEMAND" -> "REQUEST", "fight" -> "ASSAULT"); `None` for names that are not PLOVER events
/// (including CRIME, an old type with no successor).
pub fn normalize_plover_event(name: &str) -> Option<&'static str> {
    PloverEvent::from_name(name).map(PloverEvent::as_str)
}

/// Maps a mode written against PLOVER 0.5b1 to the current mode name, given the original event
/// name (old or new). Current modes come back unchanged; unknown modes come back as `None`.
///
/// Besides spelling variants ("strike-hun" -> "hunger", "demo-org" -> "demo", "host" -> "visit"),
/// an old event type implies a mode: DISAPPROVE -> "disapprove", INVESTIGATE -> "investigate"
/// when no mode is given.
pub fn normalize_plover_mode(event: &str, mode: &str) -> Option<&'static str> {
    let ev = PloverEvent::from_name(event)?;
    let mode = mode.trim();
    if mode.is_empty() {
        let old = event.trim();
        return if old.eq_ignore_ascii_case("DISAPPROVE") {
            Some("disapprove")
        } else if old.eq_ignore_ascii_case("INVESTIGATE") {
            Some("investigate")
        } else {
            None
        };
    }
    if let Some(m) = ev.modes().iter().find(|m| m.eq_ignore_ascii_case(mode)) {
        return Some(m);
    }
    const OLD_MODES: [(&str, &str); 9] = [
        ("strike-hun", "hunger"),
        ("strike-gen", "strike"),
        ("riot-spon", "riot"),
        ("riot-org", "riot"),
        ("demo-org", "demo"),
        ("demo-spon", "demo"),
        ("host", "visit"),
        ("confiscate", "seize"),
        ("detain", "arrest"),
    ];
    let new = OLD_MODES.iter().find(|(old, _)| old.eq_ignore_ascii_case(mode)).map(|&(_, n)| n)?;
    ev.modes().iter().copied().find(|m| *m == new)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_names_map_to_current_types() {
        assert_eq!(normalize_plover_event("DEMAND"), Some("REQUEST"));
        assert_eq!(normalize_plover_event("DISAPPROVE"), Some("ACCUSE"));
        assert_eq!(normalize_plover_event("INVESTIGATE"), Some("ACCUSE"));
        assert_eq!(normalize_plover_event("FIGHT"), Some("ASSAULT"));
        assert_eq!(normalize_plover_event(" consult "), Some("CONSULT"));
        assert_eq!(normalize_plover_event("CRIME"), None);
        assert_eq!(normalize_plover_event("DOCUMENT"), None);
        assert_eq!(normalize_plover_event(""), None);
    }

    #[test]
    fn every_type_round_trips() {
        for e in PloverEvent::ALL {
            assert_eq!(PloverEvent::from_name(e.as_str()), Some(e));
            assert_eq!(e.to_string().parse::<PloverEvent>(), Ok(e));
        }
        assert!("YIELD".parse::<PloverEvent>().is_err());
    }

    #[test]
    fn old_modes_map_to_current_modes() {
        assert_eq!(normalize_plover_mode("PROTEST", "strike-hun"), Some("hunger"));
        assert_eq!(normalize_plover_mode("PROTEST", "demo-org"), Some("demo"));
        assert_eq!(normalize_plover_mode("CONSULT", "host"), Some("visit"));
        assert_eq!(normalize_plover_mode("COERCE", "detain"), Some("arrest"));
        assert_eq!(normalize_plover_mode("FIGHT", "heavy-weapons"), Some("heavy-weapons"));
        assert_eq!(normalize_plover_mode("DISAPPROVE", ""), Some("disapprove"));
        assert_eq!(normalize_plover_mode("INVESTIGATE", " "), Some("investigate"));
        assert_eq!(normalize_plover_mode("AGREE", ""), None);
        assert_eq!(normalize_plover_mode("AGREE", "visit"), None);
        assert_eq!(normalize_plover_mode("NOPE", "visit"), None);
    }
}
