//! The one sound output: chimes and the voice are mixed on a single device stream, so they can
//! never drift apart or fail apart.
//!
//! [`open_default_outputs`] opens the system's default output once (or, failing that, another
//! working device) and hands out a [`RodioPlayer`] for the chimes and a [`RodioSpeaker`] for
//! the voice, both adding their sounds to the same mixer. When no output opens, it returns a
//! silent player whose status says why, and a silent speaker; it never panics.
//!
//! A stream that goes wrong while playing (an underrun, a server that went away) is reported
//! once on stderr in plain words; later errors of the same stream are only counted, and the
//! count is reported once when the output closes. The audio library's own handler would print
//! one line per audio buffer (thousands a minute).

use std::num::NonZero;
use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use rodio::cpal::traits::{DeviceTrait as _, HostTrait as _};
use rodio::mixer::Mixer;
use rodio::{DeviceSinkBuilder, DeviceSinkError, MixerDeviceSink};

use super::cue::{AudioStatus, CuePlayer, RodioPlayer, SilentPlayer};
use super::speech::{RodioSpeaker, SilentSpeaker, Speaker, system};

/// The chime player and the voice, sharing one output when it opened.
pub struct Outputs {
    /// Plays the chimes.
    pub player: Box<dyn CuePlayer>,
    /// Says the voice's lines.
    pub speaker: Box<dyn Speaker>,
}

/// Opens the default sound output once and returns the chimes and the voice on it; silent
/// stand-ins (with the reason in the player's status) when no output opens.
#[must_use]
pub fn open_default_outputs() -> Outputs {
    match SoundOutput::open() {
        Ok(output) => Outputs {
            player: Box::new(RodioPlayer::new(output.clone())),
            speaker: Box::new(RodioSpeaker::new(output, system::detect())),
        },
        Err(reason) => Outputs {
            player: Box::new(SilentPlayer::new(AudioStatus::Unavailable { reason })),
            speaker: Box::new(SilentSpeaker),
        },
    }
}

/// A handle on the open output: cheap to clone; the device stream stays open while any clone
/// lives.
#[derive(Clone)]
pub struct SoundOutput {
    mixer: Mixer,
    sample_rate: NonZero<u32>,
    device: String,
    /// Keeps the stream open (dropping the sink silences everything). Behind a mutex only so
    /// that the handle may be shared between threads; it is never locked to play.
    _stream: Arc<Mutex<OpenStream>>,
}

impl std::fmt::Debug for SoundOutput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SoundOutput")
            .field("device", &self.device)
            .field("sample_rate", &self.sample_rate)
            .finish_non_exhaustive()
    }
}

impl SoundOutput {
    /// Opens the default output device (or, failing that, another working one).
    ///
    /// Blocks only while the device opens. The error is a plain-language reason suitable for
    /// [`AudioStatus::Unavailable`]; a panic inside the audio library is caught and reported the
    /// same way.
    pub fn open() -> Result<Self, String> {
        let errors = StreamErrors::default();
        let opened =
            panic::catch_unwind(AssertUnwindSafe(|| open_sink(&errors))).map_err(|_| {
                "The sound system failed while opening the output device. Unknot will run silently."
                    .to_owned()
            })?;
        let mut sink = opened.map_err(|e| unavailable_reason(&e))?;
        sink.log_on_drop(false);
        let device = rodio::cpal::default_host()
            .default_output_device()
            .map(|d| d.to_string())
            .filter(|name| !name.trim().is_empty())
            .unwrap_or_else(|| "system default output".to_owned());
        Ok(Self {
            mixer: sink.mixer().clone(),
            sample_rate: sink.config().sample_rate(),
            device,
            _stream: Arc::new(Mutex::new(OpenStream {
                _sink: sink,
                errors,
            })),
        })
    }

    /// The mixer every sound of this output is added to.
    #[must_use]
    pub fn mixer(&self) -> &Mixer {
        &self.mixer
    }

    /// The device's sample rate, which sounds are rendered at.
    #[must_use]
    pub fn sample_rate(&self) -> NonZero<u32> {
        self.sample_rate
    }

    /// The device's name, for the settings panel.
    #[must_use]
    pub fn device(&self) -> &str {
        &self.device
    }
}

/// The open stream, and what went wrong while it played.
struct OpenStream {
    _sink: MixerDeviceSink,
    errors: StreamErrors,
}

impl Drop for OpenStream {
    fn drop(&mut self) {
        if let Some(summary) = self.errors.summary() {
            eprintln!("unknot: {summary}");
        }
    }
}

/// Counts a stream's errors and says the first one; see the module docs.
#[derive(Clone, Debug, Default)]
struct StreamErrors {
    count: Arc<AtomicU64>,
}

impl StreamErrors {
    /// Records one error; returns the line to print for it, which only the first one has.
    fn record(&self, error: &dyn std::fmt::Display) -> Option<String> {
        let before = self.count.fetch_add(1, Ordering::Relaxed);
        (before == 0).then(|| {
            format!(
                "the sound output reported a problem ({}); sounds may skip. \
                 Further problems are counted, not printed.",
                error.to_string().trim().trim_end_matches('.')
            )
        })
    }

    /// What to say when the output closes: how many problems followed the first one.
    fn summary(&self) -> Option<String> {
        match self.count.load(Ordering::Relaxed) {
            0 | 1 => None,
            n => Some(format!(
                "the sound output reported {} more problems after the first.",
                n - 1
            )),
        }
    }

    /// The callback handed to the audio library.
    fn callback(&self) -> impl FnMut(rodio::cpal::Error) + Send + Clone + 'static {
        let errors = self.clone();
        move |error| {
            if let Some(line) = errors.record(&error) {
                eprintln!("unknot: {line}");
            }
        }
    }
}

/// Opens the default device's stream with our error handler; failing that, the first other
/// real (not "null") device that opens, as rodio's own `open_default_sink` does.
fn open_sink(errors: &StreamErrors) -> Result<MixerDeviceSink, DeviceSinkError> {
    DeviceSinkBuilder::from_default_device()
        .and_then(|builder| builder.with_error_callback(errors.callback()).open_stream())
        .or_else(|original| {
            let Ok(devices) = rodio::cpal::default_host().output_devices() else {
                return Err(original);
            };
            devices
                .filter(|device| {
                    device
                        .description()
                        .is_ok_and(|d| d.driver().is_some_and(|driver| driver != "null"))
                })
                .find_map(|device| {
                    DeviceSinkBuilder::from_device(device)
                        .and_then(|b| {
                            b.with_error_callback(errors.callback())
                                .open_sink_or_fallback()
                        })
                        .ok()
                })
                .ok_or(original)
        })
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
    fn the_output_handle_can_be_shared_between_threads() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<SoundOutput>();
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

    #[test]
    fn a_stream_problem_is_said_once_then_counted() {
        let errors = StreamErrors::default();
        let first = errors.record(&"underrun occurred");
        assert_eq!(
            first.as_deref(),
            Some(
                "the sound output reported a problem (underrun occurred); sounds may skip. \
                 Further problems are counted, not printed."
            )
        );
        assert_eq!(errors.summary(), None, "one problem needs no summary");
        for _ in 0..12_499 {
            assert_eq!(errors.record(&"underrun occurred"), None);
        }
        assert_eq!(
            errors.summary().as_deref(),
            Some("the sound output reported 12499 more problems after the first.")
        );
    }

    #[test]
    fn the_callback_shares_the_count_with_its_clones() {
        let errors = StreamErrors::default();
        let mut callback = errors.callback();
        let mut copy = callback.clone();
        callback(rodio::cpal::Error::new(
            rodio::CpalErrorKind::DeviceNotAvailable,
        ));
        copy(rodio::cpal::Error::new(
            rodio::CpalErrorKind::DeviceNotAvailable,
        ));
        assert_eq!(errors.count.load(Ordering::Relaxed), 2);
    }
}
