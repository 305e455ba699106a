//! The Learn panels.
