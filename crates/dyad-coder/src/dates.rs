//! Event dates: the time expressions of the sentence (found and resolved by `dyad-time` against
//! the article date, with the verb's tense choosing between the last and the next "Monday"),
//! preferring one inside the event's own clause; the article date when none applies.

use chrono::NaiveDate;
use dyad_nlp::Upos;
use dyad_time::{Tense, TimeExpr, TimeResolver};

use crate::event::Modality;
use crate::sentence::{Sent, NONE};

/// The tense of verb `v`: future for modal "will" and intentions, past for past forms,
/// present otherwise.
pub(crate) fn tense(sent: &Sent, v: u32, modality: Modality) -> Tense {
    if matches!(modality, Modality::Future | Modality::Intent) {
        return Tense::Future;
    }
    let x = sent.words[v as usize].xpos.as_str();
    let has_past_aux = sent.kids(v).iter().any(|&k| {
        let x = sent.words[k as usize].xpos.as_str();
        sent.upos(k) == Upos::AUX && (x == "VBD" || sent.form(k) == "HAS" || sent.form(k) == "HAVE")
    });
    if x == "VBD" || x == "VBN" || has_past_aux {
        Tense::Past
    } else {
        Tense::Present
    }
}

/// The verb whose clause word `w` belongs to (itself when it is a verb).
fn clause_verb(sent: &Sent, mut w: u32) -> u32 {
    for _ in 0..32 {
        if w == NONE || sent.is_verb(w) {
            return w;
        }
        w = sent.head_of(w);
    }
    NONE
}

/// Resolves the date of the event of verb `v`: a time expression of the verb's own clause, else
/// one of a clause governing it ("said on Tuesday that..."), else the article date. `sentence`
/// is the sentence text and its byte offset in the document.
pub(crate) fn event_date(
    resolver: &TimeResolver,
    sent: &Sent,
    sentence: (&str, u32),
    v: u32,
    article: NaiveDate,
    tense: Tense,
    buf: &mut Vec<TimeExpr>,
) -> NaiveDate {
    let (sentence_text, sentence_start) = sentence;
    buf.clear();
    resolver.find(sentence_text, article, tense, buf);
    if buf.is_empty() {
        return article;
    }
    let mut best: Option<(u8, &TimeExpr)> = None;
    for e in buf.iter() {
        let at = sentence_start + e.span.start;
        let Some(w) =
            sent.words.iter().position(|x| x.span.start <= at && at < x.span.end.max(x.span.start + 1))
        else {
            continue;
        };
        let cv = clause_verb(sent, w as u32);
        // 0: the verb's own clause; 1: a governing clause; otherwise not this event's date.
        let rank = if cv == v {
            0
        } else if cv != NONE && sent.dominates(cv, v) {
            1
        } else {
            continue;
        };
        // An offset from another event ("two days after") in a governing clause says nothing
        // sure about this event's date.
        if e.weak && rank > 0 {
            continue;
        }
        let rank = rank * 2 + u8::from(e.weak);
        if best.is_none_or(|b| rank < b.0) {
            best = Some((rank, e));
        }
    }
    best.map_or(article, |(_, e)| e.date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolver_is_used_for_weekdays() {
        // 9 August 2007 was a Thursday.
        let d = NaiveDate::from_ymd_opt(2007, 8, 9).unwrap();
        let r = TimeResolver::new();
        let e = r.resolve("Iraq attacked Iran on Tuesday", d, Tense::Past).unwrap();
        assert_eq!(e.date, NaiveDate::from_ymd_opt(2007, 8, 7).unwrap());
    }
}
