//! Playback: running a session in real time, with sound.
//!
//! [`clock`] is where time comes from (the system's, or a manual clock in tests); [`cue`] makes
//! the chimes; [`speech`] speaks the guidance from recorded clips; [`output`] is the one sound
//! output both are mixed on; [`conductor`] runs a timer
//! thread that plays each due cue and line on time, even while the window is minimised or not
//! drawing. Sound devices are behind traits, with silent and recording doubles for tests.

pub mod clock;
pub mod conductor;
pub mod cue;
pub mod output;
pub mod speech;
