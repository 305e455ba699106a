//! The pure core: the rules of Unknot with no files, no clock, no sound and no screen.
//!
//! Everything here takes what it needs as arguments (a routine, a length, a time, a date) and
//! returns values, so it is tested exactly and used alike by the app, the command line and the
//! benchmarks. [`routine`] is the model and the technique registry; [`plan`] turns a routine into
//! timed segments and cues; [`fit`] fits a routine to a length without breaking its doses;
//! [`length`] says which length a routine runs at; [`builder`] makes a session for a place, a
//! focus and a length; [`programme`] plans sessions over weeks and adapts them to the pain
//! ratings; [`session`] steps through a plan; [`settings`] are the person's choices
//! and their rules; [`voice`] says what to speak when; [`figure`] draws every exercise;
//! [`history`] holds session records and the figures shown about them; [`content`] is the Learn
//! text and its sources; [`reminders`] is the reminder schedule; [`plain_text`] names characters
//! that must not be shown raw; [`app_id`]
//! is the one name the desktop knows Unknot by.

pub mod app_id;
pub mod builder;
pub mod content;
pub mod figure;
pub mod fit;
pub mod history;
pub mod length;
pub mod plain_text;
pub mod plan;
pub mod programme;
pub mod reminders;
pub mod routine;
pub mod session;
pub mod settings;
pub mod voice;
