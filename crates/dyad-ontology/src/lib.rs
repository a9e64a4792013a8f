//! Event ontologies: CAMEO codes with names, Goldstein scores and QuadClass, and the
//! CAMEO-to-PLOVER crosswalk (event type, mode, context).
//!
//! The tables are compiled in from `data/cameo.tsv` (built by `scripts/build_ontology.py`) and parsed
//! once, on first use of [`Ontology::embedded`].

mod code;
mod ontology;
mod plover;

pub use code::{CameoCode, CodeError};
pub use ontology::{CodeInfo, Ontology, OntologyError, PloverCoding, QuadClass};
pub use plover::{normalize_plover_event, normalize_plover_mode, PloverEvent};
