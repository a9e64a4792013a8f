//! Errors shared by the model loaders.

/// A model file that cannot be loaded.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("model file is truncated")]
    Truncated,
    #[error("not a dyad {expected} model (bad magic bytes)")]
    BadMagic { expected: &'static str },
    #[error("unsupported {model} model version {found} (expected {expected})")]
    Version { model: &'static str, found: u32, expected: u32 },
    #[error("corrupt model: {0}")]
    Corrupt(String),
}
