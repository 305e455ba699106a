//! Routines: the model and its bounds, the technique registry, the TOML file format, and the
//! built-in library.

pub mod model;
pub mod technique;
pub mod technique_id;

pub use model::{
    Category, DoseRange, Equipment, Importance, Pattern, Place, Position, Routine, STOP_RULE, Side,
    Sides, Step, StepKind,
};
pub use technique::Technique;
pub use technique_id::{TechniqueId, TechniqueRef};
