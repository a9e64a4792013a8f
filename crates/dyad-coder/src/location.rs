//! Event locations: an "in X" / "at X" phrase of the event's clause (or of its actors' phrases)
//! found in the gazetteer, else the dateline's place, else none.

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
    // The verb's "in"/"at" phrases first, then those of its object and obliques ("an attack in
    // X", "fired at targets in X").
    let mut cands: Vec<u32> = Vec::new();
    // A participle with no subject of its own ("a meeting in Damascus, bringing together ...")
    // happens where the clause it hangs on does.
    let participle = matches!(sent.words[v as usize].xpos.as_str(), "VBG" | "VBN")
        && matches!(sent.rel(v).as_str(), "advcl" | "acl")
        && !sent.kids(v).iter().any(|&k| crate::actors::is_subject(sent.rel(k)));
    let h = sent.head_of(v);
    let verbs: &[u32] = if participle && h != crate::sentence::NONE { &[v, h] } else { &[v] };
    for &u in verbs {
        for &k in sent.kids(u) {
            cands.push(k);
            if matches!(sent.rel(k), DepRel::OBJ | DepRel::OBL) {
                cands.extend(sent.kids(k).iter().copied());
            }
        }
    }
    // Last, where the actors are: "kidnapped by gunmen in Baghdad", "protesters in Cairo
    // stormed ...".
    for &u in verbs {
        for &k in sent.kids(u) {
            if matches!(sent.rel(k), DepRel::OBL_AGENT | DepRel::NSUBJ | DepRel::NSUBJ_PASS) {
                cands.extend(sent.kids(k).iter().copied());
            }
        }
    }
    for k in cands {
        if !matches!(sent.rel(k).as_str(), "obl" | "nmod")
            || !matches!(sent.upos(k), Upos::PROPN | Upos::NOUN)
        {
            continue;
        }
        if !sent.placed(k, false) {
            continue;
        }
        if let Some(found) = place_at(gaz, sent, k, text) {
            return Some(found);
        }
    }
    // "flew from Turkey, where he pledged to crack down": the place a "where" clause hangs on,
    // for its own verb and the verbs it governs.
    let mut w = v;
    for _ in 0..6 {
        if w == crate::sentence::NONE {
            break;
        }
        let r = sent.rel(w);
        if let Some(wh) = sent.kids(w).iter().copied().find(|&k| sent.form(k) == "WHERE" && k < w) {
            // The place is the noun the clause modifies, or (where the parser hung the clause
            // elsewhere) the proper noun just before "where".
            let noun = if r.as_str() == "acl:relcl" {
                sent.head_of(w)
            } else {
                (0..wh).rev().find(|&i| sent.upos(i) != Upos::PUNCT).unwrap_or(crate::sentence::NONE)
            };
            if noun != crate::sentence::NONE && sent.upos(noun) == Upos::PROPN {
                if let Some(found) = place_at(gaz, sent, noun, text) {
                    return Some(found);
                }
            }
            break;
        }
        if !matches!(r.as_str(), "xcomp" | "ccomp" | "conj" | "advcl") {
            break;
        }
        w = sent.head_of(w);
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

/// The gazetteer place named by the phrase headed by word `k`: the head with its proper-noun
/// compounds and flat parts.
fn place_at(gaz: &Gazetteer, sent: &Sent, k: u32, text: &str) -> Option<Location> {
    if k as usize >= sent.len() {
        return None;
    }
    let (mut a, mut b) = (k, k);
    for &m in sent.kids(k) {
        if matches!(sent.rel(m).as_str(), "compound" | "flat" | "flat:foreign") && sent.upos(m) == Upos::PROPN
        {
            a = a.min(m);
            b = b.max(m);
        }
    }
    let span =
        Span::new(sent.words[a as usize].span.start as usize, sent.words[b as usize].span.end as usize);
    let name = span.slice(text);
    let place = gaz.lookup(name)?;
    Some(Location {
        text: name.to_string(),
        country: Some(place.country_iso3.to_string()),
        span: Some(span),
        from: "clause",
    })
}
