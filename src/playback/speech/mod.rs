//! Saying the voice's lines: the side-effect half of spoken guidance ([`crate::core::voice`] decides
//! what and when).
//!
//! Every speaker implements [`Speaker`], whose `say` is fire-and-forget like
//! [`crate::playback::cue::CuePlayer::play`]: it never blocks and never panics. [`RodioSpeaker`] plays the
//! recorded clips (embedded in the program, decoded by rodio's pure-Rust Vorbis decoder) on the
//! one sound output shared with the chimes and hands a person's own step names to the system's speech service
//! ([`system`]), which runs as a subprocess with a time limit. [`SilentSpeaker`] stands in when
//! no sound output opened; [`RecordingSpeaker`] records what it was asked to say, at the
//! conductor's clock, for tests.

mod clip_table;
pub mod clips;
mod recording;
mod rodio_speaker;
pub mod system;

use std::time::Duration;

pub use recording::{Heard, HeardLog, RecordingSpeaker};
pub use rodio_speaker::RodioSpeaker;

use crate::core::voice::Utterance;

/// What the voice can do on this machine, for the settings panel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VoiceStatus {
    /// The recorded clips can be heard (a sound output is open).
    pub clips: bool,
    /// The system speech service for a person's own step names, if one was found (its
    /// program's name, such as `spd-say`).
    pub system_speech: Option<String>,
}

impl VoiceStatus {
    /// No voice at all.
    pub const SILENT: Self = Self {
        clips: false,
        system_speech: None,
    };

    /// What the settings panel says about own step names, in one sentence.
    #[must_use]
    pub fn own_names_words(&self) -> String {
        match &self.system_speech {
            Some(program) => {
                format!("Your own step names are read by this system's speech service ({program}).")
            }
            None => "No speech service was found on this system, so your own steps are \
                     announced as \u{201c}Next exercise\u{201d}."
                .to_owned(),
        }
    }
}

/// Something that can say an [`Utterance`].
pub trait Speaker: Send {
    /// Starts saying `utterance` at linear gain `volume` (0–1) and returns at once. Words for
    /// the system speech service are cut off after `limit`. Never blocks, never panics.
    fn say(&mut self, utterance: &Utterance, volume: f32, limit: Duration);

    /// What this speaker can do.
    fn status(&self) -> &VoiceStatus;
}

/// Says nothing; used when no sound output opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SilentSpeaker;

impl Speaker for SilentSpeaker {
    fn say(&mut self, _utterance: &Utterance, _volume: f32, _limit: Duration) {}

    fn status(&self) -> &VoiceStatus {
        &VoiceStatus::SILENT
    }
}
