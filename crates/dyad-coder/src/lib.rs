//! The event coder: from an analysed [`dyad_nlp::Document`] and an article date to dated,
//! located and explained CAMEO/PLOVER events.
//!
//! Architecture invariant: the coder knows nothing of files, formats, HTTP or storage; it takes
//! documents in and gives [`Event`]s out.

mod event;

pub use event::{Event, EventActor, Evidence, Location, Modality, PloverCoding};

// CONTRACT (filled in by the coder work):
// - `Coder` (immutable; built once from dictionaries, ontology, gazetteer and NLP models; `Send + Sync`)
//   and `CoderScratch` (per thread).
// - `Coder::code_text(&self, article: &Article, scratch: &mut CoderScratch) -> CodedDocument`
//   where `Article { id, date: NaiveDate, text, .. }` and `CodedDocument { sentences: usize, events: Vec<Event> }`.
// - `Coder::code_document(&self, doc: &Document, date, scratch)` for a pre-analysed document.
