//! The real voice: recorded clips on rodio's default output, and own step names through the
//! system's speech service. Clips are decoded once, when first said, and kept; saying one hands
//! a cheap clone of its samples to the mixer, so `say` never waits.

use std::collections::HashMap;
use std::panic::{self, AssertUnwindSafe};
use std::time::Duration;

use rodio::buffer::SamplesBuffer;
use rodio::{DeviceSinkBuilder, MixerDeviceSink, Source as _};

use super::system::{self, SystemSpeech};
use super::{Speaker, VoiceStatus, clips};
use crate::core::voice::{Phrase, Utterance};

/// Says clips on the default sound output; see the module docs.
pub struct RodioSpeaker {
    /// Keeps the output stream running; the voice stops when this is dropped.
    sink: MixerDeviceSink,
    decoded: HashMap<String, SamplesBuffer>,
    system: Option<SystemSpeech>,
    status: VoiceStatus,
}

impl RodioSpeaker {
    /// Opens the default output for the voice, with `system` for own step names.
    pub fn open(system: Option<SystemSpeech>) -> Result<Self, String> {
        let opened = panic::catch_unwind(AssertUnwindSafe(DeviceSinkBuilder::open_default_sink))
            .map_err(|_| "the sound system failed while opening".to_owned())?;
        let mut sink = opened.map_err(|e| e.to_string())?;
        sink.log_on_drop(false);
        let status = VoiceStatus {
            clips: true,
            system_speech: system.as_ref().map(|s| s.program.to_owned()),
        };
        Ok(Self {
            sink,
            decoded: HashMap::new(),
            system,
            status,
        })
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
            self.sink.mixer().add(buffer.clone().amplify(gain));
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
