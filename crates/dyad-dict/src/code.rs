//! The [`ActorCode`] newtype.

use std::fmt;

/// A PETRARCH/Phoenix actor code: a country or group code plus sector codes in three-letter
/// units ("USA", "IRQGOV", "IGOUNO", "---GOV", "IRQGOVMIL").
///
/// Validated at construction: 3 to 36 characters of `A-Z`, `0-9`, `-`, and the `+` and `/` that
/// PETRARCH dictionaries use for unknown (`+++`) and alternative (`FRO/BIL`) actors.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ActorCode(Box<str>);

/// A string that is not an actor code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid actor code {0:?}: expected 3 to 36 characters of A-Z, 0-9, '-', '+' and '/'")]
pub struct ActorCodeError(pub String);

impl ActorCode {
    pub fn new(s: &str) -> Result<Self, ActorCodeError> {
        let ok = (3..=36).contains(&s.len())
            && s.bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || matches!(b, b'-' | b'+' | b'/'));
        if ok {
            Ok(ActorCode(s.into()))
        } else {
            Err(ActorCodeError(s.to_string()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The first three characters: the country or primary group ("IRQ" of "IRQGOV").
    pub fn root(&self) -> &str {
        &self.0[..3]
    }

    /// Everything after the first three characters ("GOV" of "IRQGOV"), possibly empty.
    pub fn sectors(&self) -> &str {
        &self.0[3..]
    }
}

impl fmt::Display for ActorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for ActorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ActorCode({})", self.0)
    }
}

impl std::str::FromStr for ActorCode {
    type Err = ActorCodeError;
    fn from_str(s: &str) -> Result<Self, ActorCodeError> {
        ActorCode::new(s)
    }
}

impl serde::Serialize for ActorCode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_root_and_sectors() {
        let c = ActorCode::new("IRQGOV").unwrap();
        assert_eq!(c.root(), "IRQ");
        assert_eq!(c.sectors(), "GOV");
        assert!(ActorCode::new("usa").is_err());
        assert!(ActorCode::new("US").is_err());
        assert!(ActorCode::new("---GOV").is_ok());
        assert!(ActorCode::new("+++").is_ok());
        assert!(ActorCode::new("FRO/BIL/SAM").is_ok());
        assert!(ActorCode::new("IRQ GOV").is_err());
    }
}
