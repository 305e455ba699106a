//! A player that makes no sound, used when no sound output could be opened (its status says
//! why) and wherever a quiet stand-in is wanted.

use super::{AudioStatus, Cue, CuePlayer};

/// Plays nothing; only reports its [`AudioStatus`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SilentPlayer {
    /// What the settings panel shows about sound output.
    pub status: AudioStatus,
}

impl SilentPlayer {
    /// A silent player reporting `status` (normally [`AudioStatus::Unavailable`] with a reason).
    #[must_use]
    pub fn new(status: AudioStatus) -> Self {
        Self { status }
    }
}

impl CuePlayer for SilentPlayer {
    fn play(&mut self, _cue: Cue, _volume: f32) {}

    fn status(&self) -> &AudioStatus {
        &self.status
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plays_nothing_and_keeps_its_status() {
        let status = AudioStatus::Unavailable {
            reason: "No device. Unknot will run silently.".into(),
        };
        let mut player = SilentPlayer::new(status.clone());
        player.play(Cue::StepStart, 1.0);
        player.play(Cue::Countdown(1), f32::NAN);
        assert_eq!(player.status(), &status);
        assert!(!player.status().is_available());
    }
}
