//! Unknot: guided stretching, strength and self-massage routines for back pain, with audio cues.
//!
//! The tree is the map. Arrows only run downward through these layers, and each layer has one
//! job:
//!
//! - [`core`]: the pure rules. Routines and the technique registry, plans, fitting a routine to
//!   a length, the running session, spoken guidance, the drawn figures, history records and
//!   their figures, the Learn content, settings as values. No files, no clock, no sound, no
//!   egui: everything is passed in, so everything is tested exactly. A new rule goes here.
//! - [`playback`]: what runs a session in real time: the clock, the cue sounds, the voice and
//!   the conductor that keeps them on time while the window is minimised. A new sound goes
//!   here.
//! - [`store`]: every file Unknot reads or writes: where files live, the routine file format
//!   (and the built-in routines written in it), settings, history, safe reads and atomic
//!   writes. A new file format goes here.
//! - [`ui`]: panels that draw from state and return commands; [`app`]: the desktop app that owns
//!   the state, applies those commands and talks to the file dialogs. A new screen goes in `ui`,
//!   its state and commands in `app`.
//! - [`remind`]: reminders: delivering one (a desktop notification, else a small window in a
//!   child process, else missed) and handing its Start to an open window.
//! - [`cli`]: the command line: arguments, running subcommands, text output and the printable
//!   sheet.
//! - [`remind`]: the reminder process (`unknot remind`): no window and no GPU; it waits for the
//!   next reminder of the schedule in [`core::reminders`], hands it to its delivery and records
//!   the answer; and the autostart entry that starts it at login.
//!
//! `core` imports nothing above it; `playback` and `store` import only `core`; `ui` imports
//! `core` (and reads what `playback` and `store` report); `remind` imports those four; `app`
//! and `cli` sit on top (`cli` runs `remind`'s subcommands; `app` writes the autostart entry
//! through `remind`).

pub mod app;
pub mod cli;
pub mod core;
pub mod playback;
pub mod remind;
pub mod store;
pub mod ui;
