//! A player that remembers instead of sounding: every cue, its volume and the moment `play` was
//! called go into a shared log. Tests and benchmarks hand the [`RecordingPlayer`] to the code
//! under test and inspect the [`CueLog`] afterwards. A poisoned lock (a panic elsewhere while
//! holding it) is recovered, never turned into a second panic.

use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Instant;

use super::{AudioStatus, Cue, CuePlayer};

/// One recorded call to [`CuePlayer::play`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlayedCue {
    /// The cue that was asked for.
    pub cue: Cue,
    /// The volume passed with it, exactly as given.
    pub volume: f32,
    /// When `play` was called.
    pub at: Instant,
}

/// Records every cue it is asked to play; see [`CueLog`].
#[derive(Debug)]
pub struct RecordingPlayer {
    log: CueLog,
    status: AudioStatus,
}

impl RecordingPlayer {
    /// A new recorder and a handle to read what it records.
    #[must_use]
    pub fn new() -> (RecordingPlayer, CueLog) {
        let log = CueLog::default();
        let player = RecordingPlayer {
            log: log.clone(),
            status: AudioStatus::Available {
                device: "recording".to_owned(),
            },
        };
        (player, log)
    }
}

impl CuePlayer for RecordingPlayer {
    fn play(&mut self, cue: Cue, volume: f32) {
        let at = Instant::now();
        self.log.lock().push(PlayedCue { cue, volume, at });
    }

    fn status(&self) -> &AudioStatus {
        &self.status
    }
}

/// A cloneable, thread-safe view of what a [`RecordingPlayer`] has played, oldest first.
#[derive(Clone, Debug, Default)]
pub struct CueLog(Arc<Mutex<Vec<PlayedCue>>>);

impl CueLog {
    /// The cues played so far, in order.
    #[must_use]
    pub fn cues(&self) -> Vec<Cue> {
        self.lock().iter().map(|p| p.cue).collect()
    }

    /// Every recorded call, with volume and time, in order.
    #[must_use]
    pub fn played(&self) -> Vec<PlayedCue> {
        self.lock().clone()
    }

    /// Forgets everything recorded so far.
    pub fn clear(&self) {
        self.lock().clear();
    }

    fn lock(&self) -> MutexGuard<'_, Vec<PlayedCue>> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_cues_volumes_and_times_in_order() {
        let (mut player, log) = RecordingPlayer::new();
        assert_eq!(
            player.status(),
            &AudioStatus::Available {
                device: "recording".into()
            }
        );
        let before = Instant::now();
        player.play(Cue::StepStart, 0.8);
        player.play(Cue::Countdown(3), 0.5);
        let after = Instant::now();
        assert_eq!(log.cues(), vec![Cue::StepStart, Cue::Countdown(3)]);
        let records = log.played();
        assert!((records[0].volume - 0.8).abs() < f32::EPSILON);
        assert!(records.iter().all(|p| p.at >= before && p.at <= after));
        assert!(records[0].at <= records[1].at);
        let other = log.clone();
        other.clear();
        assert!(log.cues().is_empty());
    }

    #[test]
    fn survives_a_poisoned_lock() {
        let (mut player, log) = RecordingPlayer::new();
        let inner = log.0.clone();
        let _ = std::thread::spawn(move || {
            let _guard = inner.lock();
            panic!("poison the log");
        })
        .join();
        assert!(log.0.is_poisoned());
        player.play(Cue::RoutineDone, 1.0);
        assert_eq!(log.cues(), vec![Cue::RoutineDone]);
    }
}
