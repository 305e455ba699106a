//! Audio cues: the short, gentle sounds that let a person follow a routine with their eyes
//! closed. The session decides *when* a [`Cue`] is due and how loud it should be; this module
//! only makes the sound. Every player implements [`CuePlayer`], whose `play` is fire-and-forget:
//! it never blocks and never panics. [`crate::playback::output::open_default_outputs`] opens the
//! system's sound output for the chimes and the voice together and, when there is none, returns a
//! [`SilentPlayer`] that explains why in its [`AudioStatus`], so the app runs silently instead of
//! failing. [`RecordingPlayer`] stands in
//! for the speaker in tests and benchmarks, and [`sounds::render`] turns each cue into samples
//! without any device.

mod recording;
mod rodio_player;
mod silent;
pub mod sounds;

use std::fmt;

pub use crate::core::plan::Cue;
use crate::core::routine::Side;
pub use recording::{CueLog, PlayedCue, RecordingPlayer};
pub use rodio_player::RodioPlayer;
pub use silent::SilentPlayer;

/// Something that can sound a [`Cue`].
///
/// Players are `Send` so the app may keep one inside state shared with other threads.
pub trait CuePlayer: Send {
    /// Starts the sound for `cue` and returns at once (fire-and-forget); sounds may overlap.
    ///
    /// `volume` is the final linear gain in `0.0..=1.0`: the caller has already applied the
    /// master volume, mute and per-cue switches. Values outside that range are clamped and a
    /// non-finite value plays nothing. This method never blocks and never panics.
    fn play(&mut self, cue: Cue, volume: f32);

    /// Whether this player can actually make sound, and if not, why.
    fn status(&self) -> &AudioStatus;
}

/// Whether sound output works, in words a person can read in the settings panel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AudioStatus {
    /// Cues are played on this output device.
    Available {
        /// The output device's name, as the system reports it.
        device: String,
    },
    /// Cues are not heard; the app runs silently.
    Unavailable {
        /// A plain-language explanation, ending with what it means for the user.
        reason: String,
    },
}

impl AudioStatus {
    /// True when cues can be heard.
    #[must_use]
    pub fn is_available(&self) -> bool {
        matches!(self, Self::Available { .. })
    }
}

impl fmt::Display for AudioStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Available { device } => write!(f, "Sound output: {device}"),
            Self::Unavailable { reason } => f.write_str(reason),
        }
    }
}

/// One cue of each kind, in the order a routine first plays them (`Countdown(3)` stands for the
/// countdown). Handy for a list of "test sound" buttons.
pub const ALL_CUES: [Cue; 9] = [
    Cue::StepStart,
    Cue::Halfway,
    Cue::Countdown(3),
    Cue::RepTick,
    Cue::Side(Side::Left),
    Cue::Side(Side::Right),
    Cue::SwitchSides,
    Cue::StepEnd,
    Cue::RoutineDone,
];

/// Every distinct sound, in the order of [`sound_index`]: the countdown's "1" sounds higher than
/// its "3" and "2", and each side of an alternating step has its own note.
pub const DISTINCT_SOUNDS: [Cue; 10] = [
    Cue::StepStart,
    Cue::Halfway,
    Cue::Countdown(3),
    Cue::Countdown(1),
    Cue::RepTick,
    Cue::Side(Side::Left),
    Cue::Side(Side::Right),
    Cue::SwitchSides,
    Cue::StepEnd,
    Cue::RoutineDone,
];

/// Which of [`DISTINCT_SOUNDS`] plays `cue`.
#[must_use]
pub fn sound_index(cue: Cue) -> usize {
    match cue {
        Cue::StepStart => 0,
        Cue::Halfway => 1,
        Cue::Countdown(1) => 3,
        Cue::Countdown(_) => 2,
        Cue::RepTick => 4,
        Cue::Side(Side::Left) => 5,
        Cue::Side(Side::Right) => 6,
        Cue::SwitchSides => 7,
        Cue::StepEnd => 8,
        Cue::RoutineDone => 9,
    }
}

/// A short name for `cue`, for settings and "test sound" buttons.
#[must_use]
pub fn cue_label(cue: Cue) -> &'static str {
    match cue {
        Cue::StepStart => "Step start",
        Cue::Halfway => "Halfway",
        Cue::Countdown(_) => "3-2-1 countdown",
        Cue::RepTick => "Next movement",
        Cue::Side(Side::Left) => "Left side",
        Cue::Side(Side::Right) => "Right side",
        Cue::SwitchSides => "Switch sides",
        Cue::StepEnd => "Step end",
        Cue::RoutineDone => "Routine done",
    }
}

/// Turns a caller's volume into a safe gain: clamped to `0.0..=1.0`, non-finite becomes 0.
fn safe_gain(volume: f32) -> f32 {
    if volume.is_finite() {
        volume.clamp(0.0, 1.0)
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_distinct_and_countdown_shares_one() {
        let labels: Vec<_> = ALL_CUES.iter().map(|&c| cue_label(c)).collect();
        let mut unique = labels.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), labels.len());
        assert_eq!(cue_label(Cue::Countdown(1)), cue_label(Cue::Countdown(3)));
    }

    #[test]
    fn every_cue_has_its_own_sound_and_every_sound_its_index() {
        for (index, &cue) in DISTINCT_SOUNDS.iter().enumerate() {
            assert_eq!(sound_index(cue), index, "{cue:?}");
        }
        for cue in ALL_CUES {
            assert_eq!(
                DISTINCT_SOUNDS[sound_index(cue)],
                if cue == Cue::Countdown(2) {
                    Cue::Countdown(3)
                } else {
                    cue
                }
            );
        }
        let rendered: Vec<Vec<f32>> = DISTINCT_SOUNDS
            .iter()
            .map(|&c| sounds::render(c, 8_000))
            .collect();
        for (i, a) in rendered.iter().enumerate() {
            for b in &rendered[i + 1..] {
                assert_ne!(a, b, "two cues sound the same");
            }
        }
    }

    #[test]
    fn safe_gain_clamps() {
        assert!((safe_gain(0.5) - 0.5).abs() < f32::EPSILON);
        assert!((safe_gain(2.0) - 1.0).abs() < f32::EPSILON);
        assert!(safe_gain(-1.0).abs() < f32::EPSILON);
        assert!(safe_gain(f32::NAN).abs() < f32::EPSILON);
        assert!(safe_gain(f32::INFINITY).abs() < f32::EPSILON);
    }

    #[test]
    fn status_availability() {
        let on = AudioStatus::Available { device: "x".into() };
        let off = AudioStatus::Unavailable {
            reason: "none".into(),
        };
        assert!(on.is_available());
        assert!(!off.is_available());
        assert_eq!(off.to_string(), "none");
    }
}
