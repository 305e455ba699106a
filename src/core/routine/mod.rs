//! Routines: the model and its bounds, where in a routine a problem is, and the technique
//! registry. (The file format and the built-in library live in `store`.)

pub mod field;
pub mod model;
pub mod technique;
pub mod technique_id;

pub use field::{Field, Key};
pub use model::{
    Category, DoseRange, Equipment, Importance, InvalidRoutine, Pattern, Place, Position, Routine,
    RoutineDraft, STOP_RULE, Side, Sides, Step, StepKind, Violation,
};
pub use technique::Technique;
pub use technique_id::{TechniqueId, TechniqueRef};
