//! Playback: running a session in real time, with sound.
//!
//! [`clock`] is where time comes from (the system's, or a manual clock in tests); [`cue`] makes
//! the chimes; [`speech`] speaks the guidance from recorded clips; [`conductor`] runs a timer
//! thread that plays each due cue and line on time, even while the window is minimised or not
//! drawing. Sound devices are behind traits, with silent and recording doubles for tests.

pub mod clock;
pub mod conductor;
pub mod cue;
pub mod speech;
