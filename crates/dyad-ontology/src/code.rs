//! The [`CameoCode`] newtype.

use std::fmt;

/// A CAMEO event code: two to four ASCII digits, leading zeros kept ("042", "0311", "19").
///
/// Validated at construction, so code that holds one never re-checks it. Stored inline.
/// Users' dictionaries (and PETRARCH's own test suite) also use codes outside CAMEO proper, such
/// as "075A", "212" or "802": these are accepted as long as they are two to four ASCII letters or
/// digits, and [`CameoCode::is_standard`] tells them apart; the ontology knows nothing about them.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CameoCode {
    digits: [u8; 4],
    len: u8,
}

/// A string that is not an event code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid CAMEO code {0:?}: expected 2 to 4 ASCII letters or digits")]
pub struct CodeError(pub String);

impl CameoCode {
    /// Parses "042", "0311", "19", or a user-defined code such as "075A".
    pub fn new(s: &str) -> Result<Self, CodeError> {
        let b = s.as_bytes();
        if !(2..=4).contains(&b.len()) || !b.iter().all(u8::is_ascii_alphanumeric) {
            return Err(CodeError(s.to_string()));
        }
        let mut digits = [0u8; 4];
        digits[..b.len()].copy_from_slice(b);
        Ok(CameoCode { digits, len: b.len() as u8 })
    }

    /// Whether this is a code of CAMEO proper: all digits, with a root from 01 to 20.
    pub fn is_standard(&self) -> bool {
        self.digits[..self.len as usize].iter().all(u8::is_ascii_digit)
            && (1..=20).contains(&self.root_number())
    }

    pub fn as_str(&self) -> &str {
        // The digits are ASCII by construction.
        std::str::from_utf8(&self.digits[..self.len as usize]).unwrap_or("")
    }

    /// The two-digit root category ("04" for "042").
    pub fn root(&self) -> CameoCode {
        CameoCode { digits: [self.digits[0], self.digits[1], 0, 0], len: 2 }
    }

    /// The root as a number (1 to 20 for CAMEO proper); 0 when the first two characters are not
    /// digits.
    pub fn root_number(&self) -> u8 {
        let (a, b) = (self.digits[0], self.digits[1]);
        if a.is_ascii_digit() && b.is_ascii_digit() {
            (a - b'0') * 10 + (b - b'0')
        } else {
            0
        }
    }

    /// The code one level up ("0311" -> "031", "042" -> "04"), or `None` at the root.
    pub fn parent(&self) -> Option<CameoCode> {
        (self.len > 2).then(|| {
            let mut c = *self;
            c.len -= 1;
            c.digits[c.len as usize] = 0;
            c
        })
    }
}

impl fmt::Display for CameoCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for CameoCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CameoCode({})", self.as_str())
    }
}

impl std::str::FromStr for CameoCode {
    type Err = CodeError;
    fn from_str(s: &str) -> Result<Self, CodeError> {
        CameoCode::new(s)
    }
}

impl serde::Serialize for CameoCode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_leading_zeros_and_finds_root() {
        let c = CameoCode::new("0311").unwrap();
        assert_eq!(c.as_str(), "0311");
        assert_eq!(c.root().as_str(), "03");
        assert_eq!(c.root_number(), 3);
        assert_eq!(c.parent().unwrap().as_str(), "031");
        assert_eq!(CameoCode::new("20").unwrap().parent(), None);
    }

    #[test]
    fn rejects_non_codes() {
        for bad in ["", "4", "12345", "１２", "+++", "0 2"] {
            assert!(CameoCode::new(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn tells_user_codes_from_cameo() {
        for user in ["075A", "802", "212", "00", "xxy"] {
            let c = CameoCode::new(user).unwrap();
            assert!(!c.is_standard(), "{user}");
            assert_eq!(c.as_str(), user);
        }
        assert!(CameoCode::new("0311").unwrap().is_standard());
        assert_eq!(CameoCode::new("xxy").unwrap().root_number(), 0);
    }
}
