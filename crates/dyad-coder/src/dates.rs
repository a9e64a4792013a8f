//! Event dates: the time expressions of the sentence (found and resolved by `dyad-time` against
//! the article date, with the verb's tense choosing between the last and the next "Monday"),
//! preferring one inside the event's own clause; the article date when none applies.

use chrono::NaiveDate;
use dyad_nlp::Upos;
use dyad_time::{Tense, TimeExpr, TimeResolver};

use crate::event::{Event, Modality};
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

/// The CAMEO roots of the events a noun names, for nouns that refer back to an event already
/// reported ("the visit", "the attack"); empty for other nouns.
fn event_noun_roots(form: &str) -> &'static [u8] {
    match form {
        "VISIT" | "TRIP" | "TOUR" | "TALKS" | "MEETING" | "SUMMIT" | "NEGOTIATIONS" => &[4],
        "ATTACK" | "BOMBING" | "RAID" | "ASSAULT" | "STRIKE" | "STRIKES" | "OFFENSIVE" => &[18, 19],
        _ => &[],
    }
}

/// The date of an event the subject of verb `g` refers back to ("The visit comes two days
/// after..."): the latest event of an earlier sentence of the kind the noun names.
fn anchor_date(sent: &Sent, g: u32, prior: &[Event]) -> Option<NaiveDate> {
    let subject = sent.kids(g).iter().copied().find(|&k| crate::actors::is_subject(sent.rel(k)))?;
    let roots = event_noun_roots(sent.form(subject));
    prior
        .iter()
        .rev()
        .find(|e| (e.sentence as usize) < sent.index && roots.contains(&e.cameo.root_number()))
        .map(|e| e.date)
}

/// Resolves the date of the event of verb `v`: a time expression of the verb's own clause, else
/// one of a clause governing it ("said on Tuesday that..."), else the article date. `sentence`
/// is the sentence text and its byte offset in the document. `prior` holds the article's events
/// so far, the anchors of "two days after" clauses.
#[allow(clippy::too_many_arguments)]
pub(crate) fn event_date(
    resolver: &TimeResolver,
    sent: &Sent,
    sentence: (&str, u32),
    v: u32,
    article: NaiveDate,
    tense: Tense,
    buf: &mut Vec<TimeExpr>,
    prior: &[Event],
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
        if e.weak && rank > 0 {
            // "The visit comes two days after officials held a meeting": the meeting, in the
            // clause the offset introduces, is dated from the visit when the article reported
            // the visit before. The offset was resolved from the article date, so the same
            // shift moves it to the anchor.
            let marker = sent.kids(v).iter().copied().find(|&k| matches!(sent.form(k), "AFTER" | "BEFORE"));
            let marked = marker.is_some_and(|m| {
                let at = sent.words[m as usize].span.start;
                sentence_start + e.span.start <= at && at < sentence_start + e.span.end
            });
            if marked && sent.head_of(v) == cv {
                if let Some(anchor) = anchor_date(sent, cv, prior) {
                    return anchor + (article - e.date);
                }
            }
            // Otherwise an offset from another event in a governing clause says nothing sure
            // about this event's date.
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
