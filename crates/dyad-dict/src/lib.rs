//! PETRARCH2 dictionaries: readers for the actor, agent, verb-pattern, discard and issue formats,
//! the compiled matchers the coder uses, and a linter (`dyad dict check`).

mod code;

pub use code::{ActorCode, ActorCodeError};

// CONTRACT (filled in by the dictionary work): see `model.rs` once it exists.
