//! Unknot: guided stretching and self-massage routines for back pain, with audio cues.
//!
//! The crate is split so that arrows only run downward: [`routine`], [`plan`], [`session`] and
//! [`figure`] (the drawn figures of every exercise) are the pure core (no screen, no speaker, no
//! files); [`sheet`] writes a routine's printable page; [`store`] keeps settings and routines on
//! disk; [`cue`] makes sounds; [`content`] holds the Learn panels' text as data; [`ui`] draws
//! panels that return commands; [`app`] owns the state and applies those commands; [`cli`] is
//! the command line, [`generate`] makes its manual page and completions, and [`app_id`] is the
//! one name the desktop knows Unknot by. [`safe_file`] reads files that may be hostile (regular
//! files only, within a size limit) and [`plain_text`] names and escapes characters that must
//! not be shown raw.

pub mod app;
pub mod app_id;
pub mod bench;
pub mod cli;
pub mod clock;
pub mod conductor;
pub mod content;
pub mod cue;
pub mod effects;
pub mod figure;
pub mod fit;
pub mod generate;
pub mod history;
pub mod plain_text;
pub mod plan;
pub mod routine;
pub mod safe_file;
pub mod session;
pub mod sheet;
pub mod speech;
pub mod store;
pub mod ui;
pub mod voice;
