//! Input readers and output sinks: everything dyad knows about files and formats.
//!
//! Readers turn plain text, JSON Lines and PETRARCH-style XML into [`Record`]s, yielding a
//! [`Reject`] (naming file, line and problem) for each record that cannot be read, so one bad
//! record never stops a batch. Sinks write coded events as JSON Lines, Phoenix-style TSV or
//! PLOVER JSON through one [`EventSink`] trait.

mod input;
mod jsonl;
pub mod petrarch;
mod record;
mod sink;
mod text;

pub use input::{read_bytes, read_inputs, InputFormat, UnknownFormat};
pub use jsonl::{read_jsonl, JsonlReader};
pub use petrarch::{read_petrarch_xml, split_petrarch_xml, XmlRecord};
pub use record::{Origin, Record, Reject, RejectReason};
pub use sink::{
    new_sink, CameoNames, CameoTsvSink, EventSink, JsonlSink, OutputFormat, PloverJsonlSink,
    UnknownOutputFormat,
};
pub use text::read_text;

#[cfg(test)]
mod fuzz;
