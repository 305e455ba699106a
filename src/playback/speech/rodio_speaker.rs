//! The real voice: recorded clips on the one sound output ([`crate::playback::output`]), and own
//! step names through the system's speech service. Clips are decoded once, when first said, and
//! kept; saying one hands a cheap clone of its samples to the output's mixer, so `say` never
//! waits.

use std::collections::HashMap;
use std::time::Duration;

use rodio::Source as _;
use rodio::buffer::SamplesBuffer;

use super::system::{self, SystemSpeech};
use super::{Speaker, VoiceStatus, clips};
use crate::core::voice::{Phrase, Utterance};
use crate::playback::output::SoundOutput;

/// Says clips on the sound output; see the module docs.
pub struct RodioSpeaker {
    output: SoundOutput,
    decoded: HashMap<String, SamplesBuffer>,
    system: Option<SystemSpeech>,
    status: VoiceStatus,
}

impl RodioSpeaker {
    /// A voice on `output`, with `system` for own step names.
    #[must_use]
    pub fn new(output: SoundOutput, system: Option<SystemSpeech>) -> Self {
        let status = VoiceStatus {
            clips: true,
            system_speech: system.as_ref().map(|s| s.program.to_owned()),
        };
        Self {
            output,
            decoded: HashMap::new(),
            system,
            status,
        }
    }

    fn play_clip(&mut self, phrase: Phrase, gain: f32) {
        let id = phrase.clip_id();
        if !self.decoded.contains_key(&id) {
            let Some(buffer) = clips::clip_bytes(&id).and_then(|b| clips::decode(b).ok()) else {
                return;
            };
            self.decoded.insert(id.clone(), buffer);
        }
        if let Some(buffer) = self.decoded.get(&id) {
            self.output.mixer().add(buffer.clone().amplify(gain));
        }
    }
}

impl Speaker for RodioSpeaker {
    fn say(&mut self, utterance: &Utterance, volume: f32, limit: Duration) {
        let gain = if volume.is_finite() {
            volume.clamp(0.0, 1.0)
        } else {
            0.0
        };
        if gain <= 0.0 {
            return;
        }
        match utterance {
            Utterance::Clip(phrase) => self.play_clip(*phrase, gain),
            Utterance::Own { text, fallback } => match &self.system {
                Some(speech) => system::say(speech, text, gain, limit),
                None => self.play_clip(*fallback, gain),
            },
        }
    }

    fn status(&self) -> &VoiceStatus {
        &self.status
    }
}
