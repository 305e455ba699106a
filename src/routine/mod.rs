//! Routines: the model and its bounds, the TOML file format, and the built-in library.

pub mod catalogue;
pub mod file;
pub mod library;
pub mod model;
pub mod problems;

pub use model::{Category, Equipment, Position, Routine, STOP_RULE, Side, Step, StepKind};
