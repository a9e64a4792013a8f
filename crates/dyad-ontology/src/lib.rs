//! Event ontologies: CAMEO codes with names, Goldstein scores and QuadClass, and the
//! CAMEO-to-PLOVER crosswalk (event type, mode, context).

mod code;

pub use code::{CameoCode, CodeError};

// CONTRACT (filled in by the ontology work):
// - `Ontology::embedded() -> &'static Ontology` (data compiled in from `data/`), with
//   `name(CameoCode) -> Option<&str>`, `goldstein(CameoCode) -> Option<f32>`,
//   `quad_class(CameoCode) -> QuadClass`, `plover(CameoCode) -> Option<&PloverCoding>`.
// - `QuadClass` (1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict).
// - `PloverCoding { event: &'static str / String, mode: Option<String>, context: Option<String> }`.
