//! Repairs for two parser errors that cost whole events: a subject swallowed by a following
//! time word ("Pakistan today threatened", parsed as `Pakistan` compound of `today`, an
//! unmarked oblique of the verb), and an active past tense read as a passive participle
//! ("Serb forces killed three Albanians", parsed with `nsubj:pass` and no auxiliary). Both are
//! recognised from the shape of the tree, never from particular words, and only where the
//! tree has no better reading (no subject at all; no passive auxiliary at all).

use dyad_nlp::DepRel;

use crate::actors::NpCoder;
use crate::sentence::Sent;

/// Relations under which a parser leaves a subject it did not recognise: a bare noun phrase
/// before the verb, with no preposition.
const STRAY: &[&str] =
    &["compound", "obl:unmarked", "obl:tmod", "nmod:tmod", "dep", "obl:npmod", "nmod:npmod"];

/// The subject of verb `v` when the parser gave it none: a bare noun phrase before the verb,
/// attached to it directly, that holds a non-null actor.
pub(crate) fn stray_subject(np: &NpCoder<'_>, v: u32) -> Option<u32> {
    let sent = np.sent;
    // A to-infinitive or participle shares its subject; only a finite verb is repaired.
    let finite = matches!(sent.words[v as usize].xpos.as_str(), "VBD" | "VBZ" | "VBP")
        || sent.kids(v).iter().any(|&k| sent.rel(k) == DepRel::AUX);
    if !finite || sent.kids(v).iter().any(|&k| sent.rel(k) == DepRel::MARK && sent.form(k) == "TO") {
        return None;
    }
    sent.kids(v).iter().copied().filter(|&k| k < v).find(|&k| {
        STRAY.contains(&sent.rel(k).as_str())
            && sent.is_nominal(k)
            && sent.case_of(k).is_none()
            && np.np(k).iter().any(|e| !e.is_null())
    })
}

/// Whether verb `v`, found passive only because the parser gave it an `nsubj:pass`, is in fact
/// active: no passive auxiliary and no auxiliary at all, a past-tense-like form, and a bare
/// noun phrase after it that can only be its object ("forces killed three Albanians").
pub(crate) fn false_passive(sent: &Sent, v: u32) -> bool {
    let kids = sent.kids(v);
    let has_nsubj_pass = kids.iter().any(|&k| sent.rel(k) == DepRel::NSUBJ_PASS);
    let has_aux = kids.iter().any(|&k| sent.rel(k) == DepRel::AUX_PASS || sent.rel(k) == DepRel::AUX);
    if !has_nsubj_pass || has_aux || !matches!(sent.words[v as usize].xpos.as_str(), "VBN" | "VBD") {
        return false;
    }
    kids.iter().any(|&k| {
        k > v
            && (sent.rel(k) == DepRel::OBJ
                || (matches!(sent.rel(k).as_str(), "obl" | "obl:unmarked") && sent.case_of(k).is_none()))
            && sent.is_nominal(k)
    })
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use dyad_dict::{Dictionaries, Role, Source};
    use dyad_nlp::{conllu, Document};

    use crate::{Coder, CoderConfig, CoderScratch};

    fn code(rows: &str) -> Vec<String> {
        let dicts = Dictionaries::from_sources([
            Source {
                name: "t.verbs.txt",
                role: Role::Verbs,
                text: "--- KILL [190] ---\nKILL\n\n--- THREATEN [130] ---\nTHREATEN\n",
            },
            Source {
                name: "t.actors.txt",
                role: Role::Actors,
                text: "PAKISTAN [PAK]\nCONGO [COG]\nSERB [SRB]\nALBANIANS [ALB]\n",
            },
        ]);
        let coder = Coder::new(&dicts, CoderConfig::default());
        let mut text = String::new();
        for (i, line) in rows.lines().map(str::trim).filter(|l| !l.is_empty()).enumerate() {
            let f: Vec<&str> = line.split_whitespace().collect();
            text.push_str(&format!(
                "{}\t{}\t{}\t{}\t{}\t_\t{}\t{}\t_\t_\n",
                i + 1,
                f[0],
                f[1],
                f[2],
                f[3],
                f[4],
                f[5]
            ));
        }
        text.push('\n');
        let doc = Document::from_conllu(&conllu::parse(&text).unwrap());
        let date = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
        coder
            .code_document(&doc, date, &mut CoderScratch::default())
            .iter()
            .map(|e| {
                let a = |x: &Option<crate::EventActor>| {
                    x.as_ref().map_or("-".to_string(), |a| a.code.to_string())
                };
                format!("{} {} {}", a(&e.source), a(&e.target), e.cameo)
            })
            .collect()
    }

    #[test]
    fn a_subject_swallowed_by_a_time_word_is_found() {
        let rows = "Pakistan Pakistan PROPN NNP 2 compound
            today today NOUN NN 3 obl:unmarked
            threatened threaten VERB VBD 0 root
            Congo Congo PROPN NNP 3 obj";
        assert_eq!(code(rows), ["PAK COG 130"]);
    }

    #[test]
    fn an_active_verb_parsed_as_passive_is_active() {
        let rows = "Serb Serb PROPN NNP 2 compound
            forces force NOUN NNS 3 nsubj:pass
            killed kill VERB VBN 0 root
            three three NUM CD 5 nummod
            Albanians Albanian PROPN NNPS 3 obl";
        assert_eq!(code(rows), ["SRB ALB 190"]);
        // A real passive keeps its reading: the subject is the target.
        let rows = "Albanians Albanian PROPN NNPS 3 nsubj:pass
            were be AUX VBD 3 aux:pass
            killed kill VERB VBN 0 root
            by by ADP IN 5 case
            Serb Serb PROPN NNP 3 obl";
        assert_eq!(code(rows), ["SRB ALB 190"]);
    }
}
