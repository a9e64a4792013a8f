//! dyad-bench (in progress).
