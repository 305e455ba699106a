//! The real speaker: a [`CuePlayer`] on rodio's default output. It opens the device once, keeps
//! the [`MixerDeviceSink`] alive for as long as the player lives (dropping it would silence
//! everything), renders every cue once at the device's sample rate, and plays a cue by handing a
//! cheap clone of its buffer to the mixer, which only sends it over a channel to the audio thread.
//! Sounds may therefore overlap and `play` never waits. rodio 0.23's sink is `Send` (cpal 0.18
//! asserts it for every platform's stream), so no helper thread is needed.

use std::panic::{self, AssertUnwindSafe};

use rodio::cpal::traits::HostTrait as _;
use rodio::{
    DeviceSinkBuilder, DeviceSinkError, MixerDeviceSink, Source as _, buffer::SamplesBuffer,
};

use super::{AudioStatus, Cue, CuePlayer, DISTINCT_SOUNDS, safe_gain, sound_index, sounds};

/// Plays cues on the system's default sound output through rodio.
pub struct RodioPlayer {
    /// Keeps the output stream running; audio stops when this is dropped.
    sink: MixerDeviceSink,
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
    /// Opens the default output device (or, failing that, another working one).
    ///
    /// Blocks only while the device opens. The error is a plain-language reason suitable for
    /// [`AudioStatus::Unavailable`]; a panic inside the audio library is caught and reported the
    /// same way.
    pub fn open() -> Result<Self, String> {
        let opened = panic::catch_unwind(AssertUnwindSafe(DeviceSinkBuilder::open_default_sink))
            .map_err(|_| {
                "The sound system failed while opening the output device. \
                 Unknot will run silently."
                    .to_owned()
            })?;
        let mut sink = opened.map_err(|e| unavailable_reason(&e))?;
        sink.log_on_drop(false);
        let rate = sink.config().sample_rate();
        let sounds = DISTINCT_SOUNDS
            .iter()
            .map(|&cue| SamplesBuffer::new(rodio::nz!(1), rate, sounds::render(cue, rate.get())))
            .collect();
        let device = rodio::cpal::default_host()
            .default_output_device()
            .map(|d| d.to_string())
            .filter(|name| !name.trim().is_empty())
            .unwrap_or_else(|| "system default output".to_owned());
        Ok(Self {
            sink,
            sounds,
            status: AudioStatus::Available { device },
        })
    }
}

impl CuePlayer for RodioPlayer {
    fn play(&mut self, cue: Cue, volume: f32) {
        let gain = safe_gain(volume);
        if gain <= 0.0 {
            return;
        }
        if let Some(sound) = self.sounds.get(sound_index(cue)) {
            self.sink.mixer().add(sound.clone().amplify(gain));
        }
    }

    fn status(&self) -> &AudioStatus {
        &self.status
    }
}

/// Explains an open failure to a person, keeping the library's words in parentheses.
fn unavailable_reason(err: &DeviceSinkError) -> String {
    let cause = match err {
        DeviceSinkError::PlayError(e)
        | DeviceSinkError::DefaultSinkConfigError(e)
        | DeviceSinkError::BuildError(e)
        | DeviceSinkError::SupportedConfigsError(e) => Some(e),
        DeviceSinkError::NoDevice | DeviceSinkError::UnsupportedSampleFormat => None,
    };
    let missing = matches!(err, DeviceSinkError::NoDevice)
        || cause.is_some_and(|e| {
            matches!(
                e.kind(),
                rodio::CpalErrorKind::DeviceNotAvailable | rodio::CpalErrorKind::HostUnavailable
            )
        });
    let headline = if missing {
        "No sound output device was found"
    } else {
        "The sound output could not be opened"
    };
    let detail = cause.map_or_else(|| err.to_string(), ToString::to_string);
    format!(
        "{headline} ({}). Unknot will run silently.",
        detail.trim().trim_end_matches('.')
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sink_and_player_are_send() {
        fn assert_send<T: Send>() {}
        assert_send::<MixerDeviceSink>();
        assert_send::<RodioPlayer>();
    }

    #[test]
    fn reasons_are_plain_words() {
        let gone = DeviceSinkError::DefaultSinkConfigError(rodio::CpalError::new(
            rodio::CpalErrorKind::DeviceNotAvailable,
        ));
        assert_eq!(
            unavailable_reason(&gone),
            "No sound output device was found (The requested audio device is not available. \
             It may have been disconnected). Unknot will run silently."
        );
        let none = unavailable_reason(&DeviceSinkError::NoDevice);
        assert!(none.starts_with("No sound output device was found (Could not find any output"));
        let odd = unavailable_reason(&DeviceSinkError::UnsupportedSampleFormat);
        assert!(
            odd.starts_with("The sound output could not be opened ("),
            "{odd}"
        );
    }
}
