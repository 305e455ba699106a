//! The screens, one panel per file. Panels draw and return commands; they never play sound or
//! touch files.

pub mod learn;
