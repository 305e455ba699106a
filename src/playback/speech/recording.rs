//! A speaker that remembers instead of speaking: each line, its volume and the moment on a given
//! [`Clock`] go into a shared [`HeardLog`]. The same log can record chimes too (see
//! [`HeardLog::chimes`]), so a test sees speech and chimes in one order with exact times.

use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use super::{Speaker, VoiceStatus};
use crate::core::voice::Utterance;
use crate::playback::clock::Clock;
use crate::playback::cue::{AudioStatus, Cue, CuePlayer};

/// One thing heard.
#[derive(Clone, Debug, PartialEq)]
pub enum Heard {
    /// A line said, with its words and volume.
    Speech {
        /// When, on the clock given.
        at: Instant,
        /// The words (the system speech service's words for own names).
        text: String,
        /// The gain passed.
        volume: f32,
    },
    /// A chime played.
    Chime {
        /// When, on the clock given.
        at: Instant,
        /// The cue.
        cue: Cue,
        /// The gain passed.
        volume: f32,
    },
}

/// A cloneable, thread-safe list of what was heard, oldest first.
#[derive(Clone, Default)]
pub struct HeardLog(Arc<Mutex<Vec<Heard>>>);

impl HeardLog {
    /// Everything heard so far.
    #[must_use]
    pub fn heard(&self) -> Vec<Heard> {
        self.lock().clone()
    }

    /// Everything heard, as (time after `t0`, words or cue name), for compact assertions.
    #[must_use]
    pub fn timeline(&self, t0: Instant) -> Vec<(Duration, String)> {
        self.lock()
            .iter()
            .map(|h| match h {
                Heard::Speech { at, text, .. } => (at.saturating_duration_since(t0), text.clone()),
                Heard::Chime { at, cue, .. } => {
                    (at.saturating_duration_since(t0), format!("chime {cue:?}"))
                }
            })
            .collect()
    }

    /// A chime player that writes into this log at `clock`'s time.
    #[must_use]
    pub fn chimes(&self, clock: Arc<dyn Clock>) -> RecordingChimes {
        RecordingChimes {
            log: self.clone(),
            clock,
            status: AudioStatus::Available {
                device: "recording".to_owned(),
            },
        }
    }

    fn lock(&self) -> MutexGuard<'_, Vec<Heard>> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Records every line it is asked to say; see [`HeardLog`].
pub struct RecordingSpeaker {
    log: HeardLog,
    clock: Arc<dyn Clock>,
    status: VoiceStatus,
}

impl RecordingSpeaker {
    /// A recorder on `clock` that reports `status`, and the log it writes.
    #[must_use]
    pub fn new(clock: Arc<dyn Clock>, status: VoiceStatus) -> (Self, HeardLog) {
        let log = HeardLog::default();
        (
            Self {
                log: log.clone(),
                clock,
                status,
            },
            log,
        )
    }
}

impl Speaker for RecordingSpeaker {
    fn say(&mut self, utterance: &Utterance, volume: f32, _limit: Duration) {
        let text = match utterance {
            Utterance::Own { fallback, .. } if self.status.system_speech.is_none() => {
                fallback.text()
            }
            other => other.text(),
        };
        let at = self.clock.now();
        self.log.lock().push(Heard::Speech { at, text, volume });
    }

    fn status(&self) -> &VoiceStatus {
        &self.status
    }
}

/// A chime player writing into a [`HeardLog`].
pub struct RecordingChimes {
    log: HeardLog,
    clock: Arc<dyn Clock>,
    status: AudioStatus,
}

impl CuePlayer for RecordingChimes {
    fn play(&mut self, cue: Cue, volume: f32) {
        let at = self.clock.now();
        self.log.lock().push(Heard::Chime { at, cue, volume });
    }

    fn status(&self) -> &AudioStatus {
        &self.status
    }
}
