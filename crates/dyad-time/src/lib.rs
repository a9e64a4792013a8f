//! dyad-time (in progress).
