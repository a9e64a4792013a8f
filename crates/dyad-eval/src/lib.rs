//! Gold sets and scoring: reads the PLOVER gold JSON and PETRARCH XML validation records into
//! [`GoldRecord`]s and scores predicted events against them ([`score`] -> [`Report`]).
//!
//! The crate does not know how events are produced: the caller codes each gold record's text and
//! hands over [`PredictedEvent`]s, built from `dyad_coder::Event`s with [`predicted_from_events`].

mod gold;
mod score;

pub use gold::{
    normalize_plover_event, read_gold, read_gold_file, read_petrarch_gold, read_plover_gold, GoldError,
    GoldEvent, GoldFormat, GoldRecord,
};
pub use score::{predicted_from_events, score, Level, LevelScore, PredictedEvent, RecordDiff, Report};
