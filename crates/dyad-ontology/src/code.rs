//! The [`CameoCode`] newtype.

use std::fmt;

/// A CAMEO event code: two to four ASCII digits, leading zeros kept ("042", "0311", "19").
///
/// Validated at construction, so code that holds one never re-checks it. Stored inline.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CameoCode {
    digits: [u8; 4],
    len: u8,
}

/// A string that is not a CAMEO code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid CAMEO code {0:?}: expected 2 to 4 digits with a root from 01 to 20")]
pub struct CodeError(pub String);

impl CameoCode {
    /// Parses "042", "0311", "19"...; the root (first two digits) must be 01 to 20.
    pub fn new(s: &str) -> Result<Self, CodeError> {
        let b = s.as_bytes();
        if !(2..=4).contains(&b.len()) || !b.iter().all(u8::is_ascii_digit) {
            return Err(CodeError(s.to_string()));
        }
        let root = (b[0] - b'0') * 10 + (b[1] - b'0');
        if !(1..=20).contains(&root) {
            return Err(CodeError(s.to_string()));
        }
        let mut digits = [0u8; 4];
        digits[..b.len()].copy_from_slice(b);
        Ok(CameoCode { digits, len: b.len() as u8 })
    }

    pub fn as_str(&self) -> &str {
        // The digits are ASCII by construction.
        std::str::from_utf8(&self.digits[..self.len as usize]).unwrap_or("")
    }

    /// The two-digit root category ("04" for "042").
    pub fn root(&self) -> CameoCode {
        CameoCode { digits: [self.digits[0], self.digits[1], 0, 0], len: 2 }
    }

    /// The root as a number from 1 to 20.
    pub fn root_number(&self) -> u8 {
        (self.digits[0] - b'0') * 10 + (self.digits[1] - b'0')
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
        for bad in ["", "4", "21", "00", "0a2", "12345", "１２"] {
            assert!(CameoCode::new(bad).is_err(), "{bad}");
        }
    }
}
