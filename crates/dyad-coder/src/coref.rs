//! Within-article reference: the actors seen so far in the article, so that a pronoun
//! ("he", "they") or a definite description ("the prime minister") in a later sentence can be
//! resolved to an earlier actor, with the antecedent's span recorded.

use dyad_dict::ActorCode;
use dyad_text::Span;

/// One actor seen earlier in the article.
#[derive(Debug, Clone)]
struct Seen {
    code: ActorCode,
    span: Span,
    /// Whether it was the subject of a clause (subjects are the usual antecedents).
    subject: bool,
    /// Whether the mention is plural ("US officials", "they"): no antecedent of "he" or "she".
    plural: bool,
    /// The last proper-noun word of the mention, upper case ("MALIKI" of "Nuri al-Maliki"), by
    /// which a later bare surname refers back to it.
    name: Option<Box<str>>,
}

/// The actors of the article so far, in text order. Cleared per document.
#[derive(Debug, Default)]
pub(crate) struct Memory {
    seen: Vec<Seen>,
    /// The parties of the last sentence's meeting or cooperation (codes 03 to 06 among two or
    /// more actors) and that sentence's index: "Maliki held talks with Iranian officials. They
    /// discussed ties" makes "they" all of them.
    parties: Vec<(ActorCode, Span)>,
    parties_sentence: usize,
}

impl Memory {
    pub fn clear(&mut self) {
        self.seen.clear();
        self.parties.clear();
    }

    /// Records the parties of a meeting or cooperation coded in sentence `sentence`.
    pub fn set_parties(&mut self, sentence: usize, parties: Vec<(ActorCode, Span)>) {
        self.parties = parties;
        self.parties_sentence = sentence;
    }

    /// The parties of a meeting or cooperation coded in one of the `window` sentences just
    /// before `sentence`.
    pub fn parties_before(&self, sentence: usize, window: usize) -> &[(ActorCode, Span)] {
        if self.parties_sentence < sentence && self.parties_sentence + window >= sentence {
            &self.parties
        } else {
            &[]
        }
    }

    /// Records an actor (null codes such as "---GOV" are not antecedents).
    pub fn add(&mut self, code: &ActorCode, span: Span, subject: bool, plural: bool, name: Option<&str>) {
        if code.as_str().starts_with("---") {
            return;
        }
        if self.seen.len() > 256 {
            self.seen.drain(..128);
        }
        self.seen.push(Seen { code: code.clone(), span, subject, plural, name: name.map(Box::from) });
    }

    /// The most recent actor before byte `at` whose name ends with `word` ("Maliki" after
    /// "Nuri al-Maliki").
    pub fn by_name(&self, word: &str, at: usize) -> Option<(ActorCode, Span)> {
        self.seen
            .iter()
            .rev()
            .filter(|s| s.span.end as usize <= at)
            .find(|s| s.name.as_deref() == Some(word))
            .map(|s| (s.code.clone(), s.span))
    }

    /// The `n` most recent actors before byte `at` with different countries or groups (the first
    /// three letters of their codes), most recent first: "both countries" after "the United
    /// States accuses Iran" are the USA and Iran. With `by_code`, different codes suffice: "both
    /// sides" of a civil conflict may be one country's government and opposition.
    pub fn recent_distinct(&self, n: usize, at: usize, by_code: bool) -> Vec<(ActorCode, Span)> {
        let mut out: Vec<(ActorCode, Span)> = Vec::new();
        for s in self.seen.iter().rev().filter(|s| s.span.end as usize <= at) {
            if out.iter().all(|o| if by_code { o.0 != s.code } else { o.0.root() != s.code.root() }) {
                out.push((s.code.clone(), s.span));
                if out.len() == n {
                    break;
                }
            }
        }
        out
    }

    /// The most recent subject before byte `at`, else the most recent actor; with `singular`,
    /// only mentions of one ("he" after "US officials" is not them).
    pub fn last_subject(&self, at: usize, singular: bool) -> Option<(ActorCode, Span)> {
        let before =
            || self.seen.iter().rev().filter(move |s| s.span.end as usize <= at && !(singular && s.plural));
        before().find(|s| s.subject).or_else(|| before().next()).map(|s| (s.code.clone(), s.span))
    }

    /// The most recent subject before byte `at` whose code carries the sectors of `code` (a
    /// description "---GOV" matches "IRQGOV"), else the most recent such actor. Subjects come
    /// first because a description names someone the article is about: in "Maliki arrived in
    /// Tehran. The prime minister praised Iran" it is Maliki, not Tehran (Iran's government).
    pub fn description(&self, code: &ActorCode, at: usize) -> Option<(ActorCode, Span)> {
        let sectors = code.as_str().trim_start_matches('-');
        if sectors.is_empty() {
            return None;
        }
        let matching = || {
            self.seen
                .iter()
                .rev()
                .filter(move |s| s.span.end as usize <= at)
                .filter(move |s| !s.code.sectors().is_empty() && s.code.sectors().starts_with(sectors))
        };
        matching().find(|s| s.subject).or_else(|| matching().next()).map(|s| (s.code.clone(), s.span))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptions_find_matching_sectors() {
        let mut m = Memory::default();
        m.add(&ActorCode::new("IRQGOV").unwrap(), Span::new(0, 6), true, false, Some("MALIKI"));
        m.add(&ActorCode::new("IRN").unwrap(), Span::new(10, 14), false, false, None);
        let (c, s) = m.description(&ActorCode::new("---GOV").unwrap(), 100).unwrap();
        assert_eq!(c.as_str(), "IRQGOV");
        assert_eq!(s, Span::new(0, 6));
        assert_eq!(m.last_subject(100, false).unwrap().0.as_str(), "IRQGOV");
        assert!(m.last_subject(3, false).is_none());
        m.add(&ActorCode::new("---GOV").unwrap(), Span::new(20, 24), true, false, None);
        assert_eq!(m.last_subject(100, false).unwrap().0.as_str(), "IRQGOV");
        assert_eq!(m.by_name("MALIKI", 100).unwrap().0.as_str(), "IRQGOV");
        assert!(m.by_name("ASSAD", 100).is_none());
        // A plural mention is the last subject for "they", not for "he".
        m.add(&ActorCode::new("USAGOV").unwrap(), Span::new(40, 52), true, true, None);
        assert_eq!(m.last_subject(100, false).unwrap().0.as_str(), "USAGOV");
        assert_eq!(m.last_subject(100, true).unwrap().0.as_str(), "IRQGOV");
        m.seen.pop();
        let two: Vec<String> =
            m.recent_distinct(2, 100, false).iter().map(|r| r.0.as_str().to_string()).collect();
        assert_eq!(two, ["IRN", "IRQGOV"]);
        assert!(m.recent_distinct(2, 8, false).len() == 1);
        // A later government actor that is no subject ("arrived in Tehran") does not take the
        // description from the subject; with no subject of the sector, the latest actor does.
        m.add(&ActorCode::new("IRNGOV").unwrap(), Span::new(30, 36), false, false, Some("TEHRAN"));
        assert_eq!(m.description(&ActorCode::new("---GOV").unwrap(), 100).unwrap().0.as_str(), "IRQGOV");
        assert_eq!(m.description(&ActorCode::new("---GOV").unwrap(), 100).unwrap().1, Span::new(0, 6));
        let mut m = Memory::default();
        m.add(&ActorCode::new("IRNGOV").unwrap(), Span::new(30, 36), false, false, Some("TEHRAN"));
        assert_eq!(m.description(&ActorCode::new("---GOV").unwrap(), 100).unwrap().0.as_str(), "IRNGOV");
    }
}
