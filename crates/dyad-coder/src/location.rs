//! Event locations: an "in X" / "at X" phrase of the event's clause found in the gazetteer,
//! else the dateline's place, else none.

use dyad_geo::Gazetteer;
use dyad_nlp::{DepRel, Upos};
use dyad_text::Span;

use crate::event::Location;
use crate::sentence::Sent;

/// The place of the event of verb `v`.
pub(crate) fn event_location(
    gaz: &Gazetteer,
    sent: &Sent,
    v: u32,
    text: &str,
    dateline: Option<&str>,
) -> Option<Location> {
    // The verb's "in"/"at" phrases first, then those of its object ("an attack in X").
    let mut cands: Vec<u32> = Vec::new();
    for &k in sent.kids(v) {
        cands.push(k);
        if matches!(sent.rel(k), DepRel::OBJ) {
            cands.extend(sent.kids(k).iter().copied());
        }
    }
    for k in cands {
        if !matches!(sent.rel(k).as_str(), "obl" | "nmod")
            || !matches!(sent.upos(k), Upos::PROPN | Upos::NOUN)
        {
            continue;
        }
        let Some(c) = sent.case_of(k) else { continue };
        if !matches!(sent.form(c), "IN" | "AT" | "NEAR" | "INSIDE") {
            continue;
        }
        // The name: the head with its proper-noun compounds and flat parts.
        let (mut a, mut b) = (k, k);
        for &m in sent.kids(k) {
            if matches!(sent.rel(m).as_str(), "compound" | "flat" | "flat:foreign")
                && sent.upos(m) == Upos::PROPN
            {
                a = a.min(m);
                b = b.max(m);
            }
        }
        let span =
            Span::new(sent.words[a as usize].span.start as usize, sent.words[b as usize].span.end as usize);
        let name = span.slice(text);
        if let Some(place) = gaz.lookup(name) {
            return Some(Location {
                text: name.to_string(),
                country: Some(place.country_iso3.to_string()),
                span: Some(span),
                from: "clause",
            });
        }
    }
    let place = dateline?;
    let found = gaz.lookup(place);
    Some(Location {
        text: place.to_string(),
        country: found.map(|p| p.country_iso3.to_string()),
        span: None,
        from: "dateline",
    })
}
