//! Verb transformations (`~ a (b . ATTACK) SAY = a b 112`): when a verb governs a clause whose
//! event matches, the pair becomes one event ("Israel said a mortar was fired at it from Gaza"
//! = Israel accuses Gaza). Verbs in transformations stand for their dictionary codes, compared
//! by CAMEO root so that synonyms and sub-codes match too.

use dyad_dict::model::{TransformActor, TransformTarget, TransformVerb, Transformation};
use dyad_ontology::CameoCode;

use crate::lexicon::Lexicon;

/// A transformation with its verbs resolved to CAMEO roots.
#[derive(Debug, Clone)]
pub(crate) struct Transform {
    pub upper_root: u8,
    /// `None` for `Q` (any verb).
    pub lower_root: Option<u8>,
    pub upper_src: TransformActor,
    pub lower_src: TransformActor,
    pub lower_tgt: TransformActor,
    pub result_src: TransformActor,
    pub result_tgt: TransformActor,
    /// `None` for `Q`: keep the lower code.
    pub code: Option<CameoCode>,
    pub rule: String,
    pub text: String,
}

fn verb_root(lex: &Lexicon, v: &TransformVerb) -> Option<Option<u8>> {
    match v {
        TransformVerb::Any => Some(None),
        TransformVerb::Verbs(words) if words.len() == 1 => {
            let ids = lex.verb_index.by_form.get(&*words[0])?;
            let e = lex.verbs.get(*ids.first()? as usize)?;
            Some(Some(e.code.active?.root_number()))
        }
        TransformVerb::Verbs(_) => None,
    }
}

/// Resolves the dictionary's transformations; ones naming unknown or combined verbs are left out.
pub(crate) fn compile(lex: &Lexicon, list: &[Transformation]) -> Vec<Transform> {
    let mut out = Vec::new();
    for t in list {
        let TransformTarget::Event(inner) = &t.pattern.target else { continue };
        let Some(Some(upper_root)) = verb_root(lex, &t.pattern.verb) else { continue };
        let Some(lower_root) = verb_root(lex, &inner.verb) else { continue };
        let TransformTarget::Actor(lower_tgt) = &inner.target else { continue };
        out.push(Transform {
            upper_root,
            lower_root,
            upper_src: t.pattern.source.clone(),
            lower_src: inner.source.clone(),
            lower_tgt: lower_tgt.clone(),
            result_src: t.result.source.clone(),
            result_tgt: t.result.target.clone(),
            code: t.result.code,
            rule: t.loc.to_string(),
            text: t.text.to_string(),
        });
    }
    out
}
