//! The person's settings as values: sound, pauses, theme, chosen lengths and what they have seen,
//! with the rules that belong to them (which cues sound and how loud, the allowed ranges, and how
//! one process's changes are merged onto what another saved).
//!
//! No files here: [`crate::store::settings`] reads and writes `settings.toml` and nothing else.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::core::builder::{self, Focus, Place};
use crate::core::fit::LengthChoice;
use crate::core::plan::{Cue, PAUSE_SECS, Timing};
use crate::core::reminders::ReminderSettings;
use crate::core::routine::{Equipment, TechniqueId};
use crate::core::voice::Guidance;

/// The settings format this build writes and the newest it reads.
pub const SETTINGS_VERSION: u32 = 1;
/// The volume a new install starts at: moderate, never startling.
pub const DEFAULT_VOLUME: f32 = 0.6;

/// Light, dark or follow the system.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ThemeChoice {
    /// Follow the operating system.
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

/// Everything Unknot remembers between runs.
#[allow(
    clippy::struct_excessive_bools,
    reason = "a flat file of independent preferences, each its own switch"
)]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The file format version.
    pub format_version: u32,
    /// Master volume, 0–1.
    pub volume: f32,
    /// No sound at all.
    pub muted: bool,
    /// Play the 3-2-1 countdown.
    pub countdown_cues: bool,
    /// Play the halfway cue.
    pub halfway_cues: bool,
    /// "Get ready" before each step, seconds (0–30).
    pub get_ready_secs: u32,
    /// Pause to change sides, seconds (0–30).
    pub switch_secs: u32,
    /// Light, dark or system.
    pub theme: ThemeChoice,
    /// The last length chosen for each routine, by routine id.
    pub lengths: BTreeMap<String, LengthChoice>,
    /// The person has read the red flags and the stop rule.
    pub safety_acknowledged: bool,
    /// Ask "How is your back right now?" before and after each routine (optional to answer).
    pub ask_back_pain: bool,
    /// The window's size when Unknot was last closed, if known. Kept here rather than in
    /// eframe's own `window.ron`, which is written in place and through links.
    pub window: Option<WindowSize>,
    /// Spoken guidance, chimes, or both (missing in older files: voice and chimes).
    pub guidance: Guidance,
    /// Volume of the voice, 0–1, apart from the chimes' `volume`.
    pub voice_volume: f32,
    /// Say the repetition number during a set of moves.
    pub count_reps: bool,
    /// When to be reminded to move (the `[reminders]` section; off in older files).
    pub reminders: ReminderSettings,
    /// Until when (Unix seconds) missed reminders were already told at launch.
    pub reminders_checked_at: i64,
    /// The last answers given to "Make me a session" (the `[builder]` section; missing in older
    /// files: 5 minutes on the floor, for all of the back, nothing at hand).
    pub builder: BuilderChoices,
}

/// The answers to "Make me a session", kept so the next session is one click away: the last
/// minutes, place, equipment, focus and pain today, and the techniques the person left out.
///
/// Read leniently: a value this version does not know (an equipment or technique a later
/// version added, a place misspelt by hand) is dropped, and the rest of the settings file is
/// still read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct BuilderChoices {
    /// How long, in minutes ([`builder::MINUTES`]).
    pub minutes: u32,
    /// Where.
    #[serde(deserialize_with = "known_or_default")]
    pub place: Place,
    /// What is at hand besides the person's hands.
    #[serde(deserialize_with = "known_only")]
    pub equipment: Vec<Equipment>,
    /// Which parts of the back; empty means all of it.
    #[serde(deserialize_with = "known_only")]
    pub focus: Vec<Focus>,
    /// How sore the back is today, 0–10, if the person said.
    pub pain: Option<u32>,
    /// Techniques the person does not want in a made session.
    #[serde(deserialize_with = "known_only")]
    pub leave_out: Vec<TechniqueId>,
}

/// The minutes a first session is made for: a desk break.
pub const DEFAULT_BUILDER_MINUTES: u32 = 5;

impl Default for BuilderChoices {
    fn default() -> Self {
        Self {
            minutes: DEFAULT_BUILDER_MINUTES,
            place: Place::default(),
            equipment: Vec::new(),
            focus: Vec::new(),
            pain: None,
            leave_out: Vec::new(),
        }
    }
}

impl BuilderChoices {
    /// What to ask the builder for with these answers and `seed`.
    #[must_use]
    pub fn request(&self, seed: u64) -> builder::Request {
        builder::Request {
            minutes: self.minutes,
            place: self.place,
            equipment: self.equipment.clone(),
            focus: self.focus.clone(),
            pain: self
                .pain
                .map(|p| u8::try_from(p).unwrap_or(u8::MAX).min(*builder::PAIN.end())),
            leave_out: self.leave_out.clone(),
            seed,
        }
    }

    /// The answers within their ranges, each list without repeats.
    #[must_use]
    pub fn sanitised(mut self) -> Self {
        self.minutes = self
            .minutes
            .clamp(*builder::MINUTES.start(), *builder::MINUTES.end());
        self.pain = self.pain.map(|p| p.min(u32::from(*builder::PAIN.end())));
        dedup_in_order(&mut self.equipment);
        dedup_in_order(&mut self.focus);
        dedup_in_order(&mut self.leave_out);
        self
    }
}

/// Removes later repeats from `items`, keeping the order.
fn dedup_in_order<T: PartialEq + Clone>(items: &mut Vec<T>) {
    let mut kept: Vec<T> = Vec::with_capacity(items.len());
    for item in items.drain(..) {
        if !kept.contains(&item) {
            kept.push(item);
        }
    }
    *items = kept;
}

/// A value that is either one this version knows or anything else (then dropped).
#[derive(Deserialize)]
#[serde(untagged)]
enum KnownOrNot<T> {
    Known(T),
    Unknown(serde::de::IgnoredAny),
}

/// A list, keeping only the values this version knows.
fn known_only<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    let values: Vec<KnownOrNot<T>> = Deserialize::deserialize(deserializer)?;
    Ok(values
        .into_iter()
        .filter_map(|value| match value {
            KnownOrNot::Known(known) => Some(known),
            KnownOrNot::Unknown(_) => None,
        })
        .collect())
}

/// A value this version knows, or the default in place of one it does not.
fn known_or_default<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Ok(match KnownOrNot::<T>::deserialize(deserializer)? {
        KnownOrNot::Known(known) => known,
        KnownOrNot::Unknown(_) => T::default(),
    })
}

/// The voice volume a new install starts at: moderate, like the chimes.
pub const DEFAULT_VOICE_VOLUME: f32 = 0.6;

/// The size of the window's inside, in points (logical pixels).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct WindowSize {
    /// Width in points.
    pub width: f32,
    /// Height in points.
    pub height: f32,
}

impl WindowSize {
    /// The smallest size the window can be.
    pub const MIN: Self = Self {
        width: 760.0,
        height: 560.0,
    };
    /// The largest size remembered (larger values in the file are brought back to this).
    pub const MAX: Self = Self {
        width: 16_384.0,
        height: 16_384.0,
    };

    /// The size within [`Self::MIN`] and [`Self::MAX`], or `None` if it is not a number.
    #[must_use]
    pub fn sanitised(self) -> Option<Self> {
        (self.width.is_finite() && self.height.is_finite()).then(|| Self {
            width: self.width.clamp(Self::MIN.width, Self::MAX.width).round(),
            height: self
                .height
                .clamp(Self::MIN.height, Self::MAX.height)
                .round(),
        })
    }
}

impl Default for Settings {
    fn default() -> Self {
        let timing = Timing::default();
        Self {
            format_version: SETTINGS_VERSION,
            volume: DEFAULT_VOLUME,
            muted: false,
            countdown_cues: true,
            halfway_cues: true,
            get_ready_secs: timing.get_ready_secs,
            switch_secs: timing.switch_secs,
            theme: ThemeChoice::System,
            lengths: BTreeMap::new(),
            safety_acknowledged: false,
            ask_back_pain: true,
            window: None,
            guidance: Guidance::VoiceAndChimes,
            voice_volume: DEFAULT_VOICE_VOLUME,
            count_reps: true,
            reminders: ReminderSettings::default(),
            reminders_checked_at: 0,
            builder: BuilderChoices::default(),
        }
    }
}

impl Settings {
    /// The fixed pauses to plan with.
    #[must_use]
    pub fn timing(&self) -> Timing {
        Timing {
            get_ready_secs: self.get_ready_secs,
            switch_secs: self.switch_secs,
        }
    }

    /// The gain a cue plays at, or `None` if it should stay silent.
    #[must_use]
    pub fn gain(&self, cue: Cue) -> Option<f32> {
        let wanted = match cue {
            Cue::Countdown(_) => self.countdown_cues,
            Cue::Halfway => self.halfway_cues,
            Cue::StepStart
            | Cue::RepTick
            | Cue::Side(_)
            | Cue::SwitchSides
            | Cue::StepEnd
            | Cue::RoutineDone => true,
        };
        (wanted && !self.muted && self.volume > 0.0).then_some(self.volume)
    }

    /// This process's settings merged onto `on_disk`, what another process may have saved
    /// since this one read `base`: every value this process changed since `base` is its own,
    /// every other comes from `on_disk`. The lengths are merged routine by routine, so two
    /// windows that each chose a length for a different routine both keep theirs; when both
    /// changed the same value, this process's (the later save) wins.
    #[must_use]
    #[allow(
        clippy::float_cmp,
        reason = "whether this process changed a volume at all, not whether two are close"
    )]
    pub fn merged_onto(&self, base: &Self, on_disk: Self) -> Self {
        /// Ours if we changed it, else theirs.
        macro_rules! pick {
            ($field:ident) => {
                if self.$field == base.$field {
                    on_disk.$field
                } else {
                    self.$field.clone()
                }
            };
        }
        let mut lengths = on_disk.lengths;
        let ids = self.lengths.keys().chain(base.lengths.keys());
        for id in ids {
            let mine = self.lengths.get(id);
            if mine == base.lengths.get(id) {
                continue;
            }
            match mine {
                Some(choice) => lengths.insert(id.clone(), choice.clone()),
                None => lengths.remove(id),
            };
        }
        // Every field is named (no `..`): a new one cannot be left out of the merge.
        Self {
            format_version: SETTINGS_VERSION,
            volume: pick!(volume),
            muted: pick!(muted),
            countdown_cues: pick!(countdown_cues),
            halfway_cues: pick!(halfway_cues),
            get_ready_secs: pick!(get_ready_secs),
            switch_secs: pick!(switch_secs),
            theme: pick!(theme),
            lengths,
            safety_acknowledged: pick!(safety_acknowledged),
            ask_back_pain: pick!(ask_back_pain),
            window: pick!(window),
            guidance: pick!(guidance),
            voice_volume: pick!(voice_volume),
            count_reps: pick!(count_reps),
            reminders: pick!(reminders),
            reminders_checked_at: pick!(reminders_checked_at),
            builder: pick!(builder),
        }
    }

    /// Brings every value back into its allowed range.
    #[must_use]
    pub fn sanitised(mut self) -> Self {
        self.volume = if self.volume.is_finite() {
            self.volume.clamp(0.0, 1.0)
        } else {
            DEFAULT_VOLUME
        };
        self.get_ready_secs = self.get_ready_secs.min(*PAUSE_SECS.end());
        self.switch_secs = self.switch_secs.min(*PAUSE_SECS.end());
        self.window = self.window.and_then(WindowSize::sanitised);
        self.voice_volume = if self.voice_volume.is_finite() {
            self.voice_volume.clamp(0.0, 1.0)
        } else {
            DEFAULT_VOICE_VOLUME
        };
        self.builder = self.builder.sanitised();
        self.format_version = SETTINGS_VERSION;
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gains_follow_mute_volume_and_cue_toggles() {
        let mut s = Settings {
            volume: 0.5,
            halfway_cues: false,
            ..Settings::default()
        };
        assert_eq!(s.gain(Cue::StepStart), Some(0.5));
        assert_eq!(s.gain(Cue::Halfway), None);
        assert_eq!(s.gain(Cue::Countdown(2)), Some(0.5));
        s.muted = true;
        assert_eq!(s.gain(Cue::RoutineDone), None);
    }

    #[test]
    fn out_of_range_values_are_brought_back() {
        let settings = Settings {
            volume: f32::NAN,
            voice_volume: 3.0,
            get_ready_secs: 99,
            switch_secs: 31,
            format_version: 0,
            ..Settings::default()
        }
        .sanitised();
        assert_eq!(
            (
                settings.volume,
                settings.voice_volume,
                settings.get_ready_secs,
                settings.switch_secs,
                settings.format_version
            ),
            (DEFAULT_VOLUME, 1.0, 30, 30, SETTINGS_VERSION)
        );
    }

    fn length(minutes: u32) -> LengthChoice {
        LengthChoice {
            target_minutes: Some(minutes),
            ..LengthChoice::default()
        }
    }

    #[test]
    fn a_merge_keeps_what_each_process_changed() {
        let base = Settings {
            lengths: [("shared".to_owned(), length(10))].into(),
            ..Settings::default()
        };
        // Another window chose a dark theme, a length for "theirs", dropped "shared".
        let mut theirs = base.clone();
        theirs.theme = ThemeChoice::Dark;
        theirs.lengths.insert("theirs".to_owned(), length(5));
        theirs.lengths.remove("shared");
        // This one turned the volume down and chose a length for "mine".
        let mut mine = base.clone();
        mine.volume = 0.2;
        mine.lengths.insert("mine".to_owned(), length(7));
        let merged = mine.merged_onto(&base, theirs.clone());
        let mut expected = theirs;
        expected.volume = 0.2;
        expected.lengths.insert("mine".to_owned(), length(7));
        assert_eq!(merged, expected);
        // Both changed the same value: the later save's wins.
        let mut later = base.clone();
        later.theme = ThemeChoice::Light;
        assert_eq!(
            later.merged_onto(&base, merged.clone()).theme,
            ThemeChoice::Light
        );
        // Nothing changed here: what is on disk is kept whole.
        assert_eq!(base.merged_onto(&base, merged.clone()), merged);
    }

    proptest::proptest! {
        /// For any three settings, a merge keeps every value this process changed and every
        /// other value from the disk, routine by routine.
        #[test]
        fn any_merge_takes_each_value_from_whoever_changed_it(
            base_minutes in proptest::collection::btree_map("[a-c]", 1u32..5, 0..3),
            mine_minutes in proptest::collection::btree_map("[a-c]", 1u32..5, 0..3),
            disk_minutes in proptest::collection::btree_map("[a-c]", 1u32..5, 0..3),
            mine_muted in proptest::bool::ANY,
            disk_muted in proptest::bool::ANY,
        ) {
            let settings = |minutes: &std::collections::BTreeMap<String, u32>, muted| Settings {
                muted,
                lengths: minutes.iter().map(|(id, m)| (id.clone(), length(*m))).collect(),
                ..Settings::default()
            };
            let base = settings(&base_minutes, false);
            let mine = settings(&mine_minutes, mine_muted);
            let disk = settings(&disk_minutes, disk_muted);
            let merged = mine.merged_onto(&base, disk.clone());
            proptest::prop_assert_eq!(merged.muted, if mine_muted { true } else { disk_muted });
            for id in ["a", "b", "c"] {
                let expected = if mine.lengths.get(id) == base.lengths.get(id) {
                    disk.lengths.get(id)
                } else {
                    mine.lengths.get(id)
                };
                proptest::prop_assert_eq!(merged.lengths.get(id), expected);
            }
        }
    }

    proptest::proptest! {
        /// For any answers, sanitising brings them into range, without repeats, and the
        /// request made from them is within the builder's ranges; sanitising twice changes
        /// nothing more.
        #[test]
        fn any_builder_answers_are_brought_into_range(
            minutes in proptest::num::u32::ANY,
            pain in proptest::option::of(proptest::num::u32::ANY),
            equipment in proptest::collection::vec(proptest::sample::select(Equipment::ALL.to_vec()), 0..12),
            focus in proptest::collection::vec(proptest::sample::select(Focus::ALL.to_vec()), 0..8),
        ) {
            let answers = BuilderChoices {
                minutes,
                equipment,
                focus,
                pain,
                ..BuilderChoices::default()
            }
            .sanitised();
            proptest::prop_assert!(builder::MINUTES.contains(&answers.minutes));
            let request = answers.request(0);
            proptest::prop_assert!(request.pain.is_none_or(|p| builder::PAIN.contains(&p)));
            proptest::prop_assert_eq!(request.pain.is_some(), pain.is_some());
            for (i, e) in answers.equipment.iter().enumerate() {
                proptest::prop_assert!(!answers.equipment[i + 1..].contains(e));
            }
            for (i, f) in answers.focus.iter().enumerate() {
                proptest::prop_assert!(!answers.focus[i + 1..].contains(f));
            }
            proptest::prop_assert_eq!(answers.clone().sanitised(), answers);
        }
    }
}
