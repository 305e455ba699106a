//! The real chimes: a [`CuePlayer`] on the one sound output ([`crate::playback::output`]). It
//! renders every cue once at the device's sample rate, and plays a cue by handing a cheap clone
//! of its buffer to the output's mixer, which only sends it over a channel to the audio thread.
//! Sounds may therefore overlap and `play` never waits.

use rodio::{Source as _, buffer::SamplesBuffer};

use super::{AudioStatus, Cue, CuePlayer, DISTINCT_SOUNDS, safe_gain, sound_index, sounds};
use crate::playback::output::SoundOutput;

/// Plays cues on the sound output.
pub struct RodioPlayer {
    output: SoundOutput,
    /// Every cue's sound, rendered once at the device's sample rate.
    sounds: Vec<SamplesBuffer>,
    status: AudioStatus,
}

impl std::fmt::Debug for RodioPlayer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RodioPlayer")
            .field("status", &self.status)
            .finish_non_exhaustive()
    }
}

impl RodioPlayer {
    /// A player on `output`, with every cue's sound rendered for it.
    #[must_use]
    pub fn new(output: SoundOutput) -> Self {
        let rate = output.sample_rate();
        let sounds = DISTINCT_SOUNDS
            .iter()
            .map(|&cue| SamplesBuffer::new(rodio::nz!(1), rate, sounds::render(cue, rate.get())))
            .collect();
        let status = AudioStatus::Available {
            device: output.device().to_owned(),
        };
        Self {
            output,
            sounds,
            status,
        }
    }
}

impl CuePlayer for RodioPlayer {
    fn play(&mut self, cue: Cue, volume: f32) {
        let gain = safe_gain(volume);
        if gain <= 0.0 {
            return;
        }
        if let Some(sound) = self.sounds.get(sound_index(cue)) {
            self.output.mixer().add(sound.clone().amplify(gain));
        }
    }

    fn status(&self) -> &AudioStatus {
        &self.status
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_player_is_send() {
        fn assert_send<T: Send>() {}
        assert_send::<RodioPlayer>();
    }
}
