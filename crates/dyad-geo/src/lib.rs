//! dyad-geo (in progress).
