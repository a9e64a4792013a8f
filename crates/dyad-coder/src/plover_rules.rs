//! Intentions, refusals and one-actor events, as the CAMEO codebook and PLOVER read them.
//!
//! CAMEO codes a future, intended or conditional cooperative action as an expression of intent
//! (root 03: "Finland will give Tanzania a grant" is 0331, not 071) and a future or intended
//! conflictual material action as a threat (root 13: "said they would boycott" is 1312, not
//! 163); a cooperation someone refuses or fails to carry out is a rejection (root 12: "refused
//! to deploy peacekeepers" is 1212-like, not 074). PLOVER follows through the crosswalk (AGREE,
//! THREATEN, REJECT). The dictionaries code the action itself; this module reads the clause
//! around the verb (its modality, a governing verb or adjective of commitment such as "agreed
//! to", "offered to", "is willing to", or of refusal such as "refused to", "failed to") and
//! moves the code to the codebook's intent, threat or rejection code. The coder applies it when
//! [`crate::CoderConfig::intent_codes`] is set; PETRARCH2, and so its validation sets, code
//! the action itself.
//!
//! With the same option, "X said Y must do Z" and "X demanded that Y do Z" are X's demand on Y
//! ([`demands`]), "X threatened to do Z unless Y does W" is X's threat to Y
//! ([`conditional_threats`]), and a negated cooperation ("will not accept refugees") is a
//! rejection ([`refusal`]).
//!
//! PLOVER also codes events with an actor and no recipient ("Akayev agreed to resign",
//! protests); [`no_actor`] stands in for the missing recipient when
//! [`crate::CoderConfig::one_actor_events`] is set, and [`implied_target`] gives conflict and
//! concessions the domestic recipient the gold records use. [`plover_actors`] applies PLOVER's
//! actor conventions ([`crate::CoderConfig::plover_actors`]): role-only actors take a country,
//! and one action between the same actors is one event.

use dyad_dict::ActorCode;
use dyad_nlp::DepRel;
use dyad_ontology::CameoCode;

use crate::actors::{Ent, NpCoder};
use crate::clauses::{subject_of, Frame};
use crate::event::{Event, EventActor, Location, Modality};
use crate::pico::Pico;
use crate::sentence::{Sent, NONE};

/// How a coded event is put in its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Stance {
    /// The modality of the clause the event's code came from.
    pub modality: Modality,
    /// A verb or adjective of commitment ("agreed", "offered", "willing") is the event's verb
    /// or governs it.
    pub committed: bool,
    /// A verb of refusal or failure ("refused", "declined", "failed") governs the event's verb.
    pub refused: bool,
    /// "Threatened" governs the event's verb: whatever the action, the event is the threat.
    pub threatened: bool,
}

/// Verbs and adjectives that commit their subject to the action they govern. "Prepared" and
/// "committed" count only as adjectives ("is prepared to"), not as verbs ("prepared to resume
/// shelling" is a preparation, not a promise).
const COMMIT_VERBS: &[&str] = &["AGREE", "OFFER", "PROMISE", "PLEDGE", "VOW", "CONSENT", "SWEAR"];
const COMMIT_ADJECTIVES: &[&str] = &["WILLING", "READY", "PREPARED", "COMMITTED"];
/// Verbs whose complement is an action not taken.
const REFUSE_VERBS: &[&str] = &["REFUSE", "DECLINE", "FAIL"];

/// Whether word `w` is a commitment word of its kind.
fn commits(sent: &Sent, w: u32) -> bool {
    let (lemma, form) = (sent.lemma(w), sent.form(w));
    if COMMIT_VERBS.contains(&lemma) {
        return true;
    }
    // An adjective, or a participle with a copula or passive auxiliary ("is prepared to").
    let predicative =
        sent.kids(w).iter().any(|&k| sent.rel(k) == DepRel::COP || sent.rel(k) == DepRel::AUX_PASS)
            || sent.upos(w) == dyad_nlp::Upos::ADJ;
    predicative && (COMMIT_ADJECTIVES.contains(&form) || COMMIT_ADJECTIVES.contains(&lemma))
}

/// The stance of the event of frame `fi`: the frame's own verb and modality, or those of the
/// lower clause when the event's code came from it (through PICO or a transformation).
pub(crate) fn stance(sent: &Sent, frames: &[Frame], fi: usize) -> Stance {
    let Some(f) = frames.get(fi) else { return Stance::default() };
    let (verb, modality) = match f.lower.and_then(|j| frames.get(j)) {
        Some(low) if f.combined.is_some() || f.transform.is_some() => {
            (low.verb, if f.modality == Modality::Asserted { low.modality } else { f.modality })
        }
        _ => (f.verb, f.modality),
    };
    let mut s = Stance { modality, committed: commits(sent, verb), refused: false, threatened: false };
    // Up through complement, coordinated and purpose clauses to the verbs that govern this one.
    let mut cur = verb;
    for _ in 0..5 {
        let rel = sent.rel(cur).as_str();
        let up = matches!(rel, "xcomp" | "ccomp" | "conj") || (rel == "advcl" && sent.is_to_clause(cur));
        let h = sent.head_of(cur);
        if !up || h == NONE {
            break;
        }
        cur = h;
        s.committed |= commits(sent, cur);
        s.refused |= REFUSE_VERBS.contains(&sent.lemma(cur));
        s.threatened |= sent.lemma(cur) == "THREATEN";
    }
    s
}

/// Whether clause `c` is an obligation put on its subject ("Sudan must return the helicopter").
fn obliged(sent: &Sent, c: u32) -> bool {
    sent.kids(c).iter().any(|&k| sent.rel(k) == DepRel::AUX && matches!(sent.form(k), "MUST" | "SHOULD"))
}

/// Demands, as the CAMEO codebook reads them: "X said (declared, reiterated) that Y must do Z"
/// and "X demanded that Y do Z" are X's demand on Y (root 10), not Y's doing Z. Runs after the
/// verb+verb linking: the governing verb's frame takes the event over, with the complement's
/// subject as target and, where PICO has one, the demand code matching the action ("must
/// release" = 1053-like); the complement's own event is dropped.
pub(crate) fn demands(np: &NpCoder<'_>, pico: &Pico, frames: &mut [Frame]) {
    let sent = np.sent;
    let demand = CameoCode::new("100").ok();
    for i in 0..frames.len() {
        // The governing verb's own code (a transformation or PICO may have replaced it); a
        // verb with no code of its own ("reiterated", "concluded") reports like a statement.
        let upper = frames[i].m.code.active;
        let root = upper.map_or(1, |u| u.root_number());
        let verb = frames[i].verb;
        // The complement clause: the "that" clause holding the linked frame's verb, else an
        // uncoded one.
        let lower = frames[i].lower;
        let clause = match lower {
            Some(j) => {
                let mut w = frames[j].verb;
                for _ in 0..6 {
                    let h = sent.head_of(w);
                    if h == verb || h == NONE {
                        break;
                    }
                    w = h;
                }
                Some(w).filter(|&w| sent.head_of(w) == verb)
            }
            None => {
                sent.kids(verb).iter().copied().find(|&k| sent.rel(k) == DepRel::CCOMP && obliged(sent, k))
            }
        };
        let Some(c) = clause else { continue };
        if sent.rel(c) != DepRel::CCOMP {
            continue;
        }
        let is_demand = root == 10 || (root == 1 && obliged(sent, c));
        if !is_demand {
            continue;
        }
        let upper = upper.filter(|_| root == 10).or(demand);
        let lower_code = lower.and_then(|j| frames[j].m.code.active);
        let code =
            lower_code.and_then(|l| pico.combine(upper?, l)).filter(|c| c.root_number() == 10).or(upper);
        // The one the demand is made on: the complement's subject.
        let (subjects, _) = subject_of(sent, c, true);
        let mut targets: Vec<Ent> = Vec::new();
        for &w in &subjects {
            targets.extend(np.np(w));
        }
        targets.retain(|t| !frames[i].sources.iter().any(|s| s.code == t.code));
        if targets.is_empty() && root != 10 {
            continue;
        }
        if !targets.is_empty() {
            frames[i].targets = targets;
        }
        frames[i].combined = code;
        frames[i].transform = None;
        frames[i].emit = true;
        if let Some(j) = lower {
            frames[j].emit = false;
        }
    }
}

/// Threats made on a condition, as the CAMEO codebook reads them: in "Russia threatened to stop
/// negotiations if the United States deploys missiles" or "... to strike unless Israel rescinds
/// the annexation", the threat is aimed at the one the condition asks to act (the condition's
/// subject). Runs after the verb+verb linking: a frame of "threaten" (or one that took a lower
/// clause's code under "threaten") with no target of its own takes that subject as target, and
/// so does a conflictual action that is only intended or to come ("vowed to retaliate if Israel
/// attacked": aimed at Israel).
pub(crate) fn conditional_threats(np: &NpCoder<'_>, frames: &mut [Frame]) {
    let sent = np.sent;
    for f in frames.iter_mut() {
        let code = f.combined.or(f.m.code.active);
        let intended_conflict = code.is_some_and(|c| (13..=20).contains(&c.root_number()))
            && matches!(f.modality, Modality::Future | Modality::Intent);
        if !f.targets.is_empty() || !(sent.lemma(f.verb) == "THREATEN" || intended_conflict) {
            continue;
        }
        // The condition hangs on the threat verb or on the threatened action ("threatened to
        // stop negotiations if ..."), a few complements down.
        let mut heads = vec![f.verb];
        let mut i = 0;
        while i < heads.len() && heads.len() < 8 {
            let h = heads[i];
            heads.extend(
                sent.kids(h).iter().copied().filter(|&k| matches!(sent.rel(k).as_str(), "xcomp" | "ccomp")),
            );
            i += 1;
        }
        let condition = heads
            .iter()
            .flat_map(|&h| sent.kids(h).iter().copied())
            .find(|&k| sent.rel(k).as_str() == "advcl" && sent.is_condition_clause(k));
        let Some(c) = condition else { continue };
        let (subjects, _) = subject_of(sent, c, true);
        let mut targets: Vec<Ent> = subjects.iter().flat_map(|&w| np.np(w)).collect();
        targets.retain(|t| !t.is_null() && !f.sources.iter().any(|s| s.code == t.code));
        if !targets.is_empty() {
            f.targets = targets;
        }
    }
}

/// The code of an event given its stance: the codebook's rejection of a refused cooperation,
/// expression of intent for a future, intended or committed cooperation, and threat for a
/// future, intended, committed or conditional conflictual action; otherwise the code itself.
pub(crate) fn recode(code: CameoCode, s: &Stance) -> CameoCode {
    let root = code.root_number();
    let intended = s.committed || matches!(s.modality, Modality::Future | Modality::Intent);
    let mapped = if s.threatened && root != 13 {
        // "Threatened to institute a curfew": a threat, whatever code the action got.
        threat(code.as_str()).or(Some("130"))
    } else if s.refused && (3..=8).contains(&root) {
        rejection(code.as_str())
    } else if intended && (4..=8).contains(&root) {
        intention(code.as_str())
    } else if (intended || s.modality == Modality::Hypothetical) && (14..=20).contains(&root) {
        threat(code.as_str())
    } else {
        None
    };
    mapped.and_then(|c| CameoCode::new(c).ok()).unwrap_or(code)
}

/// The rejection (root 12) of a negated cooperation (roots 03 to 08), if `code` is one.
pub(crate) fn refusal(code: CameoCode) -> Option<CameoCode> {
    if !(3..=8).contains(&code.root_number()) {
        return None;
    }
    rejection(code.as_str()).and_then(|c| CameoCode::new(c).ok())
}

/// The first table entry whose prefix starts `code`.
fn lookup(code: &str, table: &[(&str, &'static str)]) -> Option<&'static str> {
    table.iter().find(|(prefix, _)| code.starts_with(prefix)).map(|&(_, c)| c)
}

/// Cooperation (roots 04 to 08) to the matching "express intent" code (root 03).
fn intention(code: &str) -> Option<&'static str> {
    lookup(
        code,
        &[
            ("045", "039"),
            ("04", "036"),
            ("057", "037"),
            ("05", "032"),
            ("061", "0311"),
            ("062", "0312"),
            ("063", "0313"),
            ("064", "0314"),
            ("06", "031"),
            ("071", "0331"),
            ("072", "0332"),
            ("073", "0333"),
            ("074", "0334"),
            ("07", "033"),
            ("081", "0351"),
            ("082", "0352"),
            ("0831", "0341"),
            ("0832", "0342"),
            ("0833", "0343"),
            ("0834", "0344"),
            ("083", "034"),
            ("084", "0353"),
            ("085", "0354"),
            ("086", "0355"),
            ("087", "0356"),
            ("08", "035"),
        ],
    )
}

/// Conflictual actions (roots 14 to 20) to the matching threat (root 13).
fn threat(code: &str) -> Option<&'static str> {
    lookup(
        code,
        &[
            ("14", "133"),
            ("15", "138"),
            ("161", "1313"),
            ("162", "1311"),
            ("163", "1312"),
            ("164", "134"),
            ("165", "135"),
            ("166", "136"),
            ("16", "131"),
            ("1721", "1321"),
            ("1722", "1322"),
            ("1723", "1323"),
            ("1724", "1324"),
            ("172", "132"),
            ("173", "132"),
            ("174", "132"),
            ("175", "137"),
            ("17", "130"),
            ("18", "1383"),
            ("191", "1381"),
            ("192", "1382"),
            ("19", "1384"),
            ("204", "1385"),
            ("20", "138"),
        ],
    )
}

/// Cooperation, or an intention of it (roots 03 to 08), to the matching rejection (root 12).
fn rejection(code: &str) -> Option<&'static str> {
    lookup(
        code,
        &[
            ("036", "125"),
            ("037", "127"),
            ("038", "126"),
            ("039", "126"),
            ("045", "126"),
            ("04", "125"),
            ("057", "127"),
            ("0311", "1211"),
            ("0312", "1212"),
            ("0313", "1213"),
            ("0314", "1214"),
            ("031", "121"),
            ("061", "1211"),
            ("062", "1212"),
            ("063", "1213"),
            ("064", "1214"),
            ("06", "121"),
            ("0331", "1221"),
            ("0332", "1222"),
            ("0333", "1223"),
            ("0334", "1224"),
            ("033", "122"),
            ("071", "1221"),
            ("072", "1222"),
            ("073", "1223"),
            ("074", "1224"),
            ("07", "122"),
            ("0341", "1231"),
            ("0342", "1232"),
            ("0343", "1233"),
            ("0344", "1234"),
            ("034", "123"),
            ("0831", "1231"),
            ("0832", "1232"),
            ("0833", "1233"),
            ("0834", "1234"),
            ("083", "123"),
            ("0351", "1241"),
            ("081", "1241"),
            ("0352", "1242"),
            ("082", "1242"),
            ("0353", "1243"),
            ("084", "1243"),
            ("0354", "1244"),
            ("085", "1244"),
            ("0355", "1245"),
            ("086", "1245"),
            ("0356", "1246"),
            ("087", "1246"),
            ("035", "124"),
            ("08", "124"),
            ("0", "120"),
        ],
    )
}

/// The stand-in recipient of a one-actor event ("---": nobody), turned into a missing target
/// when the event is built.
pub(crate) fn no_actor() -> Option<Ent> {
    Some(Ent { code: ActorCode::new("---").ok()?, start: 0, end: 0, antecedent: None, weak: false })
}

/// The recipient CAMEO-style coding gives an event with no explicit one: conflict (roots 09 to
/// 20) and concessions (080 to 083) with no target are directed at the country where they take
/// place, else at the source's own country ("Thousands of Iraqi Kurds demonstrated in Kirkuk":
/// IRQ; "Egyptian demonstrators rioted": EGY), as the gold records code domestic events.
/// Agreements, meetings, cooperation and retreats keep no recipient.
pub(crate) fn implied_target(
    code: CameoCode,
    source: &EventActor,
    location: Option<&Location>,
) -> Option<EventActor> {
    let root = code.root_number();
    let c = code.as_str();
    let concession = ["080", "081", "082", "083"].iter().any(|p| c.starts_with(p));
    if !(9..=20).contains(&root) && !concession {
        return None;
    }
    let (country, text, span) = match location.filter(|l| l.from == "clause") {
        Some(l) => (l.country.clone()?, l.text.clone(), l.span.unwrap_or(source.span)),
        None => {
            // Only a country is a domestic recipient; IGO, NGO and the like have no territory.
            let c = source.country.clone().filter(|c| territorial(c))?;
            (c, source.text.clone(), source.span)
        }
    };
    Some(EventActor {
        code: ActorCode::new(&country).ok()?,
        country: Some(country),
        sector: None,
        text,
        span,
        antecedent: None,
    })
}

/// Whether a country root names a territory (a state), not an organisation or a region.
fn territorial(root: &str) -> bool {
    !matches!(
        root,
        "IGO"
            | "NGO"
            | "IMG"
            | "MNC"
            | "UAF"
            | "INT"
            | "AFR"
            | "ASA"
            | "EUR"
            | "MEA"
            | "WAF"
            | "EAF"
            | "SAF"
            | "NAF"
            | "CAF"
            | "LAM"
            | "SAM"
            | "WST"
    )
}

/// Gives an actor known only by its role ("President Mugabe" as `---GOV`, "police" as
/// `---COP`) the country the event happens in: the clause's place, else the other actor's
/// country ("Opposition groups in Zimbabwe demanded that President Mugabe..." = ZWEGOV), as
/// the gold records code domestic agents. Cooperation, meetings and aid (roots 03 to 07) are
/// mostly between countries, so there only the place counts ("Syria offered its troops to
/// Lebanon's President" does not make the troops Lebanese, nor Syria's own target).
fn domestic_agents(e: &mut Event) {
    let place = e.location.as_ref().filter(|l| l.from == "clause").and_then(|l| l.country.clone());
    let international = (3..=7).contains(&e.cameo.root_number());
    let country_of = |a: &Option<EventActor>| {
        a.as_ref().and_then(|a| a.country.clone()).filter(|c| territorial(c) && !international)
    };
    let (src_country, tgt_country) = (country_of(&e.source), country_of(&e.target));
    for (actor, other) in [(&mut e.source, tgt_country), (&mut e.target, src_country)] {
        let Some(a) = actor.as_mut() else { continue };
        if a.country.is_some() || a.code.as_str().bytes().all(|b| b == b'-') {
            continue;
        }
        let Some(country) = place.clone().or(other) else { continue };
        a.place_in(&country);
    }
}

/// Whether `a` and `b` are the same actor: the same words, or codes of which one is a more
/// specific form of the other (IRQGOV of IRQ).
fn nested(a: &Option<EventActor>, b: &Option<EventActor>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => {
            let (x, y) = (a.code.as_str(), b.code.as_str());
            x.starts_with(y) || y.starts_with(x) || (a.span == b.span && x.get(..3) == y.get(..3))
        }
        _ => false,
    }
}

/// Whether the event has no recipient of its own: none, or the domestic one
/// [`implied_target`] gave it (which stands on the source's own words).
fn implied(e: &Event) -> bool {
    match (&e.source, &e.target) {
        (_, None) => true,
        (Some(s), Some(t)) => s.span == t.span,
        _ => false,
    }
}

/// PLOVER's actor conventions for the event just pushed: [`domestic_agents`], then one event
/// for one action by the same actor. Of two events of the same sentence with the same PLOVER
/// type and source, one is dropped when their recipients are the same actor found at two
/// levels of detail ("Iraqi President Saddam Hussein's proposal" gives IRQ and IRQGOV; the
/// more specific stays), or when one of them has no recipient of its own (the one with a
/// recipient stays: "Israel threatened to ban voting ... Hamas" is one threat, to PSE).
pub(crate) fn plover_actors(events: &mut Vec<Event>) {
    let Some(last) = events.last_mut() else { return };
    domestic_agents(last);
    let n = events.len();
    let Some(new) = events.last() else { return };
    let kind = |e: &Event| e.plover.as_ref().map(|p| p.event.clone());
    let specificity = |e: &Event| {
        e.source.as_ref().map_or(0, |a| a.code.as_str().len())
            + e.target.as_ref().map_or(0, |a| a.code.as_str().len())
    };
    let twin = events[..n - 1].iter().rposition(|e| {
        e.sentence == new.sentence
            && kind(e).is_some()
            && kind(e) == kind(new)
            && nested(&e.source, &new.source)
            && (nested(&e.target, &new.target) || implied(e) || implied(new))
    });
    if let Some(i) = twin {
        let keep_new = match (implied(&events[i]), implied(&events[n - 1])) {
            (true, false) => true,
            (false, true) => false,
            _ => specificity(&events[n - 1]) > specificity(&events[i]),
        };
        if keep_new {
            events.remove(i);
        } else {
            events.pop();
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use dyad_dict::{Dictionaries, Role, Source};

    use super::*;
    use crate::{Coder, CoderConfig, CoderScratch};

    const VERBS: &str = "\
--- SAY [010] ---
SAY {SAYS SAID SAYING}

--- MEET [040] ---
MEET {MEETS MET MEETING}

--- GIVE [070] ---
GIVE
- * GRANT [071]

--- SUPPORT [051] ---
SUPPORT

--- DEPLOY [---] ---
DEPLOY
- * PEACEKEEPERS [074]

--- REFUSE [---] ---
REFUSE

--- AGREE [---] ---
AGREE

--- BOYCOTT [163] ---
BOYCOTT

--- RESIGN [083] ---
RESIGN

--- THREATEN [130] ---
THREATEN

--- VISIT [042:043] ---
VISIT

--- INSTITUTE [060] ---
INSTITUTE

--- ATTACK [190] ---
ATTACK

--- DEMONSTRATE [141] ---
DEMONSTRATE

~ a (a b Q) SAY = a b Q
";

    const ACTORS: &str = "\
FINLAND [FIN]
TANZANIA [TZA]
PAKISTAN [PAK]
IRAQ [IRQ]
NORWAY [NOR]
JORDAN [JOR]
BRITAIN [GBR]
AKAYEV [KGZGOV]
";

    fn coder(intent_codes: bool, one_actor_events: bool) -> Coder {
        let dicts = Dictionaries::from_sources([
            Source { name: "t.verbs.txt", role: Role::Verbs, text: VERBS },
            Source { name: "t.actors.txt", role: Role::Actors, text: ACTORS },
            Source { name: "t.agents.txt", role: Role::Agents, text: "POLICE [~COP]\nOFFICIAL [~GOV]\n" },
        ]);
        let plover_actors = one_actor_events;
        Coder::new(
            &dicts,
            CoderConfig { intent_codes, one_actor_events, plover_actors, ..CoderConfig::default() },
        )
    }

    /// Codes compact rows "form lemma UPOS XPOS head deprel" (one word a line) and gives
    /// "source target CAMEO PLOVER" lines.
    fn code(c: &Coder, rows: &str) -> Vec<String> {
        let doc = crate::tests::doc(rows);
        let date = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
        let mut out: Vec<String> = c
            .code_document(&doc, date, &mut CoderScratch::default())
            .iter()
            .map(|e| {
                format!(
                    "{} {} {} {}",
                    e.source.as_ref().map_or("-", |a| a.code.as_str()),
                    e.target.as_ref().map_or("-", |a| a.code.as_str()),
                    e.cameo,
                    e.plover.as_ref().map_or("-", |p| p.event.as_str())
                )
            })
            .collect();
        out.sort();
        out
    }

    const WILL_GIVE: &str = "Finland Finland PROPN NNP 3 nsubj
        will will AUX MD 3 aux
        give give VERB VB 0 root
        Tanzania Tanzania PROPN NNP 3 iobj
        a a DET DT 6 det
        grant grant NOUN NN 3 obj";

    #[test]
    fn future_aid_is_an_intention_to_give_aid() {
        assert_eq!(code(&coder(true, false), WILL_GIVE), ["FIN TZA 0331 AGREE"]);
        // Without the option the action itself is coded, as PETRARCH2 does.
        assert_eq!(code(&coder(false, false), WILL_GIVE), ["FIN TZA 071 AGREE"]);
    }

    #[test]
    fn willing_to_commits_like_a_promise() {
        let rows = "Norway Norway PROPN NNP 3 nsubj
            is be AUX VBZ 3 cop
            willing willing ADJ JJ 0 root
            to to PART TO 5 mark
            support support VERB VB 3 xcomp
            Jordan Jordan PROPN NNP 5 obj";
        assert_eq!(code(&coder(true, false), rows), ["NOR JOR 032 AGREE"]);
    }

    #[test]
    fn refused_cooperation_is_a_rejection() {
        let rows = "Pakistan Pakistan PROPN NNP 2 nsubj
            refused refuse VERB VBD 0 root
            to to PART TO 4 mark
            deploy deploy VERB VB 2 xcomp
            peacekeepers peacekeeper NOUN NNS 4 obj
            in in ADP IN 7 case
            Iraq Iraq PROPN NNP 4 obl";
        assert_eq!(code(&coder(true, false), rows), ["PAK IRQ 1224 REJECT"]);
    }

    #[test]
    fn reported_future_conflict_is_a_threat() {
        // The transformation puts the event on "said"; the modality is the boycott's.
        let rows = "Iraq Iraq PROPN NNP 2 nsubj
            said say VERB VBD 0 root
            it it PRON PRP 5 nsubj
            would would AUX MD 5 aux
            boycott boycott VERB VB 2 ccomp
            Britain Britain PROPN NNP 5 obj";
        assert_eq!(code(&coder(true, false), rows), ["IRQ GBR 1312 THREATEN"]);
    }

    #[test]
    fn agreed_to_resign_is_a_one_actor_agreement() {
        let rows = "Akayev Akayev PROPN NNP 2 nsubj
            agreed agree VERB VBD 0 root
            to to PART TO 4 mark
            resign resign VERB VB 2 xcomp
            . . PUNCT . 2 punct";
        assert_eq!(code(&coder(true, true), rows), ["KGZGOV - 034 AGREE"]);
        // PETRARCH's dyads: no target, no event.
        assert!(code(&coder(true, false), rows).is_empty());
    }

    #[test]
    fn a_resignation_is_a_retreat_with_no_recipient() {
        // "Akayev resigned to allow elections in Iraq": RETREAT (mode "resign") by the PLOVER
        // codebook, though CAMEO's 083 maps to CONCEDE; what it allows is no party to it.
        let rows = "Akayev Akayev PROPN NNP 2 nsubj
            resigned resign VERB VBD 0 root
            to to PART TO 4 mark
            allow allow VERB VB 2 advcl
            elections election NOUN NNS 4 obj
            in in ADP IN 7 case
            Iraq Iraq PROPN NNP 5 nmod";
        assert_eq!(code(&coder(true, true), rows), ["KGZGOV - 083 RETREAT"]);
    }

    #[test]
    fn a_protest_by_nobody_named_is_the_places() {
        // "Students demonstrated on Tuesday in Pakistan": PLOVER codes domestic unrest by the
        // country it takes place in; PETRARCH's dyads have no source and no event.
        let rows = "Students student NOUN NNS 2 nsubj
            demonstrated demonstrate VERB VBD 0 root
            on on ADP IN 4 case
            Tuesday Tuesday PROPN NNP 2 obl
            in in ADP IN 6 case
            Pakistan Pakistan PROPN NNP 4 nmod";
        assert_eq!(code(&coder(true, true), rows), ["PAK PAK 141 PROTEST"]);
        assert!(code(&coder(true, false), rows).is_empty());
    }

    #[test]
    fn said_someone_must_act_is_a_demand_on_them() {
        let rows = "Iraq Iraq PROPN NNP 2 nsubj
            said say VERB VBD 0 root
            Britain Britain PROPN NNP 5 nsubj
            must must AUX MD 5 aux
            support support VERB VB 2 ccomp
            Jordan Jordan PROPN NNP 5 obj";
        assert_eq!(code(&coder(true, false), rows), ["IRQ GBR 100 REQUEST"]);
        // dyad's defaults read it the same way...
        assert_eq!(code(&coder(false, false), rows), ["IRQ GBR 100 REQUEST"]);
        // ...while PETRARCH2 codes the reported support.
        let dicts = Dictionaries::from_sources([
            Source { name: "t.verbs.txt", role: Role::Verbs, text: VERBS },
            Source { name: "t.actors.txt", role: Role::Actors, text: ACTORS },
        ]);
        let petrarch =
            Coder::new(&dicts, CoderConfig::default().with_conventions(crate::Conventions::Petrarch));
        assert_eq!(code(&petrarch, rows), ["GBR JOR 051 SUPPORT"]);
    }

    #[test]
    fn anything_threatened_is_a_threat() {
        let rows = "Iraq Iraq PROPN NNP 2 nsubj
            threatened threaten VERB VBD 0 root
            to to PART TO 4 mark
            institute institute VERB VB 2 xcomp
            curfew curfew NOUN NN 4 obj
            in in ADP IN 7 case
            Jordan Jordan PROPN NNP 4 obl";
        assert_eq!(code(&coder(true, false), rows), ["IRQ JOR 130 THREATEN"]);
    }

    #[test]
    fn role_only_actors_take_the_country_of_the_other_actor() {
        let rows = "Police police NOUN NNS 2 nsubj
            attacked attack VERB VBD 0 root
            Akayev Akayev PROPN NNP 2 obj";
        assert_eq!(code(&coder(true, true), rows), ["KGZCOP KGZGOV 190 ASSAULT"]);
        assert_eq!(code(&coder(true, false), rows), ["---COP KGZGOV 190 ASSAULT"]);
    }

    #[test]
    fn one_action_between_nested_actors_is_one_event() {
        let c = coder(true, true);
        let doc_rows = "Iraq Iraq PROPN NNP 2 nsubj
            attacked attack VERB VBD 0 root
            Akayev Akayev PROPN NNP 2 obj";
        let doc = crate::tests::doc(doc_rows);
        let date = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
        let mut events = c.code_document(&doc, date, &mut CoderScratch::default());
        assert_eq!(events.len(), 1);
        // The same attack with the target at country level: a twin of the first, less specific.
        let mut twin = events[0].clone();
        let t = twin.target.as_mut().unwrap();
        t.code = ActorCode::new("KGZ").unwrap();
        events.push(twin);
        plover_actors(&mut events);
        assert_eq!(events.len(), 1);
        assert_eq!(events[0].target.as_ref().unwrap().code.as_str(), "KGZGOV");
    }

    #[test]
    fn negated_cooperation_is_a_rejection() {
        let rows = "Iraq Iraq PROPN NNP 4 nsubj
            will will AUX MD 4 aux
            not not PART RB 4 advmod
            support support VERB VB 0 root
            Jordan Jordan PROPN NNP 4 obj";
        assert_eq!(code(&coder(true, false), rows), ["IRQ JOR 120 REJECT"]);
        // PETRARCH2's negation through PICO has no code for it: no event.
        let petrarch = Coder::new(
            &Dictionaries::from_sources([
                Source { name: "t.verbs.txt", role: Role::Verbs, text: VERBS },
                Source { name: "t.actors.txt", role: Role::Actors, text: ACTORS },
            ]),
            CoderConfig { negation: crate::NegationPolicy::Petrarch, ..CoderConfig::default() },
        );
        assert!(code(&petrarch, rows).iter().all(|e| !e.ends_with("SUPPORT")));
    }

    #[test]
    fn conjoined_actors_meeting_a_role_only_actor_meet_each_other() {
        let rows = "Jordan Jordan PROPN NNP 4 nsubj
            and and CCONJ CC 3 cc
            Britain Britain PROPN NNP 1 conj
            met meet VERB VBD 0 root
            an a DET DT 6 det
            official official NOUN NN 4 obj";
        assert_eq!(code(&coder(true, true), rows), ["GBR JOR 040 CONSULT", "JOR GBR 040 CONSULT"]);
        assert_eq!(code(&coder(false, false), rows), ["GBR ---GOV 040 CONSULT", "JOR ---GOV 040 CONSULT"]);
    }

    #[test]
    fn a_visit_is_one_event_from_the_visitor() {
        let rows = "Iraq Iraq PROPN NNP 2 nsubj
            visited visit VERB VBD 0 root
            Jordan Jordan PROPN NNP 2 obj";
        assert_eq!(code(&coder(true, true), rows), ["IRQ JOR 042 CONSULT"]);
        // CAMEO's two-part code also gives the hosting.
        assert_eq!(code(&coder(false, false), rows), ["IRQ JOR 042 CONSULT", "JOR IRQ 043 CONSULT"]);
    }

    #[test]
    fn a_conflict_with_no_target_is_domestic() {
        let rows = "Iraq Iraq PROPN NNP 2 nsubj
            attacked attack VERB VBD 0 root
            . . PUNCT . 2 punct";
        assert_eq!(code(&coder(true, true), rows), ["IRQ IRQ 190 ASSAULT"]);
    }

    #[test]
    fn asserted_actions_keep_their_code() {
        let rows = "Finland Finland PROPN NNP 2 nsubj
            gave give VERB VBD 0 root
            Tanzania Tanzania PROPN NNP 2 iobj
            a a DET DT 5 det
            grant grant NOUN NN 2 obj";
        assert_eq!(code(&coder(true, true), rows), ["FIN TZA 071 AID"]);
    }
}
