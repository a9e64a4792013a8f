//! Language layer of dyad: part-of-speech tagger, lemmatizer and dependency parser trained on UD
//! English-EWT, and the [`Document`] they produce for the event coder.

pub mod conllu;
pub mod document;
pub mod lemma;
pub mod model;
pub mod parser;
pub mod pipeline;
pub mod recipe;
pub mod table;
pub mod tagger;
pub mod tags;
pub mod wordnet;

pub use document::{Document, Sentence, Word};
pub use model::ModelError;
pub use tags::{DepRel, Upos, Xpos};
