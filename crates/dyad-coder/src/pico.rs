//! The PETRARCH Internal Coding Ontology (PICO): CAMEO codes as hexadecimal feature values, so
//! that verb combinations and negations are arithmetic, as in PETRARCH2.
//!
//! "Intend" is 0x3000 and "provide aid" 0x0040, so "promise to help" is 0x3040 = CAMEO 033;
//! a negation subtracts 0xFFFF, so "not disapprove" (0x1007F - 0xFFFF = 0x80) is 050. Values
//! with no CAMEO code do not code.

use dyad_ontology::CameoCode;

use crate::lexicon::HashMap;

const PICO_TXT: &str = include_str!("../data/pico.txt");

/// The PICO table in both directions.
#[derive(Debug, Default)]
pub(crate) struct Pico {
    to_value: HashMap<CameoCode, i64>,
    to_code: HashMap<i64, CameoCode>,
}

/// Evaluates "-0xFFFF+0x2040+0x300".
fn eval(expr: &str) -> Option<i64> {
    let mut total = 0i64;
    let mut sign = 1i64;
    let mut cur = String::new();
    let mut any = false;
    let flush = |cur: &mut String, total: &mut i64, sign: i64| -> Option<()> {
        if cur.is_empty() {
            return Some(());
        }
        let t = cur.trim();
        let v = i64::from_str_radix(t.trim_start_matches("0x").trim_start_matches("0X"), 16).ok()?;
        *total += sign * v;
        cur.clear();
        Some(())
    };
    for c in expr.chars() {
        match c {
            '+' | '-' => {
                flush(&mut cur, &mut total, sign)?;
                sign = if c == '-' { -1 } else { 1 };
            }
            c if c.is_whitespace() => {}
            c => {
                cur.push(c);
                any = true;
            }
        }
    }
    flush(&mut cur, &mut total, sign)?;
    any.then_some(total)
}

impl Pico {
    pub fn embedded() -> Pico {
        Pico::parse(PICO_TXT)
    }

    pub fn parse(text: &str) -> Pico {
        let mut p = Pico::default();
        for line in text.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let Some((code, rest)) = line.split_once(':') else { continue };
            let Ok(code) = CameoCode::new(code.trim()) else { continue };
            let expr = rest.split('#').next().unwrap_or("");
            let Some(v) = eval(expr) else { continue };
            p.to_value.entry(code).or_insert(v);
            p.to_code.entry(v).or_insert(code);
        }
        p
    }

    pub fn value(&self, code: CameoCode) -> Option<i64> {
        self.to_value.get(&code).copied()
    }

    pub fn code(&self, value: i64) -> Option<CameoCode> {
        self.to_code.get(&value).copied()
    }

    /// The code of the negated event ("not disapprove" = 050), if PICO has one.
    pub fn negate(&self, code: CameoCode) -> Option<CameoCode> {
        self.code(self.value(code)? - 0xFFFF)
    }

    /// Combines an upper verb ("promise", "refuse", "urge") with the event of its complement
    /// ("help"): the upper verb's category with the lower verb's content. `None` when the
    /// combination has no CAMEO code.
    pub fn combine(&self, upper: CameoCode, lower: CameoCode) -> Option<CameoCode> {
        let u = self.value(upper)?;
        let l = self.value(lower)?;
        if u < 0 {
            // Refusals: "refuse to help" = -0xFFFF + help.
            if l <= 0 {
                return None;
            }
            return self.code(u + l);
        }
        let (u_top, u_low) = (u & 0xF000, u & 0x0FFF);
        let (l_top, l_low) = (l & 0xF000, l & 0x0FFF);
        if u_top != 0 && u_low == 0 && l_top == 0 && l_low != 0 && u < 0x10000 && l < 0x10000 {
            return self.code(u_top | l_low);
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(s: &str) -> CameoCode {
        CameoCode::new(s).unwrap()
    }

    #[test]
    fn negations_and_combinations_follow_petrarch() {
        let p = Pico::embedded();
        assert_eq!(p.value(c("110")), Some(0x1007f));
        assert_eq!(p.negate(c("110")), Some(c("050")));
        assert_eq!(p.negate(c("170")), Some(c("057")));
        assert_eq!(p.negate(c("190")), None);
        assert_eq!(p.combine(c("030"), c("070")), Some(c("033")));
        assert_eq!(p.combine(c("120"), c("070")), None);
        assert_eq!(p.combine(c("010"), c("111")), None);
        assert_eq!(eval("-0xFFFF+0x2040+0x300"), Some(-0xFFFF + 0x2040 + 0x300));
    }
}
