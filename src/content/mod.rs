//! The Learn panels: text, evidence grades and sources, as data.
