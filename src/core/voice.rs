//! Spoken guidance, the pure part: what the voice says at each moment of a [`Plan`], and when.
//!
//! **One table.** [`Phrase`] is every fixed line the app can say, each with its words
//! ([`Phrase::text`]) and a stable clip id ([`Phrase::clip_id`]); [`all_phrases`] lists them, and
//! the recorded clips in `assets/voice/` are made from that list (see `scripts/make-voice`). A
//! person's own step names have no clip: they become [`Utterance::Own`], said by the system's
//! speech service when there is one, with a generic clip ("Next exercise, left side") to fall
//! back on.
//!
//! **When.** [`script`] walks the plan's cues and gives at most one [`SpokenLine`] per cue
//! instant, plus one at the very start (the first get-ready has no cue). The candidates for an
//! instant go from the most helpful to the shortest; the first whose length fits before the next
//! cue (with [`GAP_SECS`] to spare) is chosen, so a line is never cut by the next cue: a get-ready
//! line too long for a short pause gives way to the bare name, and a name not said during
//! get-ready is said as the step begins instead of "Begin". When nothing fits, no line is said
//! and the cue's chime plays.
//!
//! **Speech and chimes never start together: the chime yields.** At an instant with a spoken
//! line, the cue's chime is not played (the conductor applies this); chimes sound only at
//! instants without a line (a movement tick with rep counting off, a line that did not fit) or
//! when guidance is set to chimes only. Like the rest of the core, this module knows no speaker
//! and no file: clip lengths come in as a function.

use std::fmt::Write as _;

use crate::core::plan::{Cue, Plan, PlannedCue};
use crate::core::routine::technique;
use crate::core::routine::{Side, Sides, Step, StepKind, TechniqueId};

/// Spare time a line must leave before the next cue, in seconds.
pub const GAP_SECS: f32 = 0.25;
/// The highest repetition number with a clip (the most repetitions a step may have).
pub const MAX_COUNT: u8 = 30;

/// How a routine guides a person: spoken lines with chimes between, chimes only, or the voice
/// only. Kept in the settings file as `guidance = "voice-and-chimes"` (or `"chimes-only"`,
/// `"voice-only"`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Guidance {
    /// Spoken lines; chimes where nothing is said.
    #[default]
    VoiceAndChimes,
    /// Chimes only, as before there was a voice.
    ChimesOnly,
    /// Spoken lines only; silence where nothing is said.
    VoiceOnly,
}

impl Guidance {
    /// Every choice, in the order the settings show them.
    pub const ALL: [Self; 3] = [Self::VoiceAndChimes, Self::ChimesOnly, Self::VoiceOnly];

    /// The words on its button.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::VoiceAndChimes => "Voice and chimes",
            Self::ChimesOnly => "Chimes only",
            Self::VoiceOnly => "Voice only",
        }
    }
}

/// The line the "Test voice" button says.
pub const TEST_PHRASE: Phrase =
    Phrase::GetReady(TechniqueId::SingleKneeToChest, SideCall::LeftFirst);

/// How a step's sides are announced with its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SideCall {
    /// No side ("Pelvic tilt").
    None,
    /// All left, then all right ("…, left side").
    LeftFirst,
    /// Left, right, left… ("…, starting on the left").
    Alternating,
}

impl SideCall {
    /// Every side call.
    pub const ALL: [Self; 3] = [Self::None, Self::LeftFirst, Self::Alternating];

    /// The side call for a step with these sides.
    #[must_use]
    pub fn of(sides: Sides) -> Self {
        match sides {
            Sides::None => Self::None,
            Sides::Each => Self::LeftFirst,
            Sides::Alternate => Self::Alternating,
        }
    }

    /// The words after the name, with their comma ("" for none).
    #[must_use]
    pub fn suffix(self) -> &'static str {
        match self {
            Self::None => "",
            Self::LeftFirst => ", left side",
            Self::Alternating => ", starting on the left",
        }
    }

    fn id(self) -> &'static str {
        match self {
            Self::None => "",
            Self::LeftFirst => "--left",
            Self::Alternating => "--alternating",
        }
    }
}

/// A fixed line with a recorded clip.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Phrase {
    /// A hold or a set of moves starts: "Begin".
    Begin,
    /// Halfway through a long hold.
    Halfway,
    /// A hold ends and a rest between holds starts: "And relax".
    Relax,
    /// A rest step starts: "Rest".
    Rest,
    /// The get-ready before a rest step: "Next, a short rest".
    NextRest,
    /// The last repetition of a set starts: "Last one".
    LastOne,
    /// The left side is done: "Switch sides".
    SwitchSides,
    /// On an alternating step, this repetition is on the left.
    Left,
    /// On an alternating step, this repetition is on the right.
    Right,
    /// The routine is finished: "Routine complete. Well done."
    RoutineComplete,
    /// A number, 1 to [`MAX_COUNT`]: the countdown's 3, 2, 1 and the repetition count.
    Number(u8),
    /// "Get ready: knee to chest, left side", for a built-in technique.
    GetReady(TechniqueId, SideCall),
    /// The bare name, "Knee to chest, left side", for a built-in technique.
    Name(TechniqueId, SideCall),
    /// "Get ready: next exercise, left side", for a step whose name has no clip.
    GenericGetReady(SideCall),
    /// "Next exercise, left side", for a step whose name has no clip.
    GenericName(SideCall),
}

/// The words for a number from 1 to 30 (anything else is said as digits).
fn number_words(n: u8) -> String {
    const ONES: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    match n {
        0..=19 => ONES[usize::from(n)].to_owned(),
        20 => "twenty".to_owned(),
        21..=29 => format!("twenty-{}", ONES[usize::from(n - 20)]),
        30 => "thirty".to_owned(),
        _ => n.to_string(),
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// How a built-in technique's name is said: plain words a listener follows with eyes closed
/// (no colons, no "figure-4"). Every technique has one (the match has no catch-all arm).
#[must_use]
pub const fn spoken_name(id: TechniqueId) -> &'static str {
    match id {
        TechniqueId::SingleKneeToChest => "single knee to chest",
        TechniqueId::DoubleKneeToChest => "double knee to chest",
        TechniqueId::KneeRolls => "knee rolls",
        TechniqueId::KneeRollsAlternating => "knee rolls, side to side",
        TechniqueId::PelvicTilt => "pelvic tilt",
        TechniqueId::GluteBridge => "glute bridge",
        TechniqueId::AbdominalBrace => "tummy brace",
        TechniqueId::CurlUp => "curl up",
        TechniqueId::SideBridge => "side bridge",
        TechniqueId::BirdDog => "bird dog",
        TechniqueId::DeadBug => "dead bug",
        TechniqueId::CatCow => "cat cow",
        TechniqueId::ChildsPose => "child's pose",
        TechniqueId::Sphinx => "sphinx",
        TechniqueId::HamstringStrap => "hamstring stretch with a strap",
        TechniqueId::PiriformisFigure4 => "figure four stretch",
        TechniqueId::KneelingHipFlexor => "kneeling hip flexor stretch",
        TechniqueId::SeatedSpinalTwist => "seated twist",
        TechniqueId::SeatedBackExtension => "seated back extension",
        TechniqueId::StandingBackExtension => "standing back extension",
        TechniqueId::SeatedCatCamel => "seated cat camel",
        TechniqueId::SeatedHamstring => "seated hamstring stretch",
        TechniqueId::SeatedFigure4 => "seated figure four stretch",
        TechniqueId::StandingHipFlexor => "standing hip flexor stretch",
        TechniqueId::ChinTuck => "chin tuck",
        TechniqueId::ShoulderBladeSqueeze => "shoulder blade squeeze",
        TechniqueId::ShoulderRolls => "shoulder rolls",
        TechniqueId::DeskHipHinge => "hip hinge at the desk",
        TechniqueId::StandingBrace => "standing tummy brace",
        TechniqueId::StandingShoulderRolls => "standing shoulder rolls",
        TechniqueId::BallWallGlutes => "ball on the wall, glutes",
        TechniqueId::BallFloorButtock => "ball under the buttock",
        TechniqueId::BallWallLowBack => "ball beside the low back",
        TechniqueId::BallWallUpperBack => "ball by the shoulder blade",
        TechniqueId::RollerUpperBack => "foam roller, upper back",
        TechniqueId::RollerGlutes => "foam roller, glutes",
        TechniqueId::RollerHamstrings => "foam roller, hamstrings",
        TechniqueId::RollerHipFront => "foam roller, front of the hip",
        TechniqueId::StickThigh => "massage stick, thigh",
        TechniqueId::StickCalf => "massage stick, calf",
        TechniqueId::HandsGlutes => "knead the glutes",
        TechniqueId::KnucklesBesideSpine => "knuckles beside the spine",
        TechniqueId::RestAndBreathe => "rest and breathe",
    }
}

impl Phrase {
    /// The words said, as written for the speech engine.
    #[must_use]
    pub fn text(self) -> String {
        match self {
            Self::Begin => "Begin.".to_owned(),
            Self::Halfway => "Halfway.".to_owned(),
            Self::Relax => "And relax.".to_owned(),
            Self::Rest => "Rest.".to_owned(),
            Self::NextRest => "Next, a short rest.".to_owned(),
            Self::LastOne => "Last one.".to_owned(),
            Self::SwitchSides => "Switch sides.".to_owned(),
            Self::Left => "Left.".to_owned(),
            Self::Right => "Right.".to_owned(),
            Self::RoutineComplete => "Routine complete. Well done.".to_owned(),
            Self::Number(n) => format!("{}.", capitalised(&number_words(n))),
            Self::GetReady(id, sides) => {
                format!("Get ready: {}{}.", spoken_name(id), sides.suffix())
            }
            Self::Name(id, sides) => {
                format!("{}{}.", capitalised(spoken_name(id)), sides.suffix())
            }
            Self::GenericGetReady(sides) => format!("Get ready: next exercise{}.", sides.suffix()),
            Self::GenericName(sides) => format!("Next exercise{}.", sides.suffix()),
        }
    }

    /// The clip's file stem: lowercase letters, digits and dashes, unique per phrase.
    #[must_use]
    pub fn clip_id(self) -> String {
        match self {
            Self::Begin => "begin".to_owned(),
            Self::Halfway => "halfway".to_owned(),
            Self::Relax => "relax".to_owned(),
            Self::Rest => "rest".to_owned(),
            Self::NextRest => "next-rest".to_owned(),
            Self::LastOne => "last-one".to_owned(),
            Self::SwitchSides => "switch-sides".to_owned(),
            Self::Left => "left".to_owned(),
            Self::Right => "right".to_owned(),
            Self::RoutineComplete => "routine-complete".to_owned(),
            Self::Number(n) => format!("number-{n:02}"),
            Self::GetReady(id, sides) => format!("get-ready--{}{}", id.key(), sides.id()),
            Self::Name(id, sides) => format!("name--{}{}", id.key(), sides.id()),
            Self::GenericGetReady(sides) => format!("get-ready--generic{}", sides.id()),
            Self::GenericName(sides) => format!("name--generic{}", sides.id()),
        }
    }
}

/// Every phrase the app can say, in a stable order: the fixed lines, the numbers, the generic
/// names, then every built-in technique's get-ready and name with each side call (a person may
/// change a step's sides). Rest techniques are announced by [`Phrase::NextRest`] instead.
#[must_use]
pub fn all_phrases() -> Vec<Phrase> {
    let mut all = vec![
        Phrase::Begin,
        Phrase::Halfway,
        Phrase::Relax,
        Phrase::Rest,
        Phrase::NextRest,
        Phrase::LastOne,
        Phrase::SwitchSides,
        Phrase::Left,
        Phrase::Right,
        Phrase::RoutineComplete,
    ];
    all.extend((1..=MAX_COUNT).map(Phrase::Number));
    for sides in SideCall::ALL {
        all.push(Phrase::GenericGetReady(sides));
        all.push(Phrase::GenericName(sides));
    }
    for technique in technique::all() {
        if technique.kind == StepKind::Rest {
            continue;
        }
        for sides in SideCall::ALL {
            all.push(Phrase::GetReady(technique.id, sides));
            all.push(Phrase::Name(technique.id, sides));
        }
    }
    all
}

/// One thing said.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Utterance {
    /// A recorded clip.
    Clip(Phrase),
    /// Words with no clip (a person's own step name), for the system's speech service; the
    /// generic clip is said instead when that service cannot be used.
    Own {
        /// The words to say.
        text: String,
        /// The clip said when there is no speech service.
        fallback: Phrase,
    },
}

impl Utterance {
    /// The words, as shown in logs and tests.
    #[must_use]
    pub fn text(&self) -> String {
        match self {
            Self::Clip(phrase) => phrase.text(),
            Self::Own { text, .. } => text.clone(),
        }
    }
}

/// A line due at a moment of the plan.
#[derive(Clone, Debug, PartialEq)]
pub struct SpokenLine {
    /// Offset from the start of the routine, in seconds (a cue's instant, or 0).
    pub at_secs: u32,
    /// What is said.
    pub utterance: Utterance,
    /// How long it lasts, in seconds (measured for clips, estimated for own words).
    pub secs: f32,
    /// Seconds until the next cue (the room the line had).
    pub room_secs: f32,
}

/// What the script may use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ScriptOptions {
    /// Say the repetition number at each movement of a set of moves.
    pub count_reps: bool,
    /// A system speech service is there to say a person's own step names.
    pub own_names: bool,
}

/// The estimated length of words said by a system speech service, in seconds: espeak-ng and
/// speech-dispatcher speak about 14 characters a second at their default rate; this allows 12.
#[must_use]
pub fn estimated_own_secs(text: &str) -> f32 {
    0.4 + text.chars().count() as f32 / 12.0
}

/// Which clips and words announce `step`, most helpful first.
fn name_candidates(step: &Step, options: ScriptOptions, get_ready: bool) -> Vec<Utterance> {
    if step.kind == StepKind::Rest {
        return if get_ready {
            vec![Utterance::Clip(Phrase::NextRest)]
        } else {
            Vec::new()
        };
    }
    let sides = SideCall::of(step.sides);
    let known = step.known_technique();
    // A built-in technique keeps its clip unless the person renamed the step.
    let renamed = known.is_none_or(|t| !t.name.eq_ignore_ascii_case(step.name.trim()));
    let mut candidates = Vec::new();
    if renamed && options.own_names {
        let mut full = String::new();
        let _ = write!(full, "Get ready: {}{}.", step.name.trim(), sides.suffix());
        if get_ready {
            candidates.push(Utterance::Own {
                text: full,
                fallback: Phrase::GenericGetReady(sides),
            });
        }
        candidates.push(Utterance::Own {
            text: format!("{}{}.", step.name.trim(), sides.suffix()),
            fallback: Phrase::GenericName(sides),
        });
    }
    let (long, short) = match known {
        Some(t) => (Phrase::GetReady(t.id, sides), Phrase::Name(t.id, sides)),
        None => (Phrase::GenericGetReady(sides), Phrase::GenericName(sides)),
    };
    if get_ready {
        candidates.push(Utterance::Clip(long));
    }
    candidates.push(Utterance::Clip(short));
    candidates
}

/// The lines for a whole plan; see the module docs. `clip_secs` gives a clip's length in
/// seconds (`None`: no clip, so the phrase is never chosen).
#[must_use]
pub fn script(
    plan: &Plan,
    options: ScriptOptions,
    clip_secs: &dyn Fn(Phrase) -> Option<f32>,
) -> Vec<SpokenLine> {
    let steps = plan.run().steps();
    let mut named = vec![false; steps.len()];
    let mut lines = Vec::new();
    let length = |utterance: &Utterance| match utterance {
        Utterance::Clip(phrase) => clip_secs(*phrase),
        Utterance::Own { text, .. } => Some(estimated_own_secs(text)),
    };
    let mut choose = |at_secs: u32, next: Option<u32>, candidates: Vec<Utterance>| {
        let room = next.map_or(f32::INFINITY, |n| (n - at_secs) as f32);
        let chosen = candidates.into_iter().find_map(|utterance| {
            let secs = length(&utterance)?;
            (secs + GAP_SECS <= room).then_some((utterance, secs))
        });
        chosen.map(|(utterance, secs)| {
            lines.push(SpokenLine {
                at_secs,
                utterance,
                secs,
                room_secs: room,
            });
        })
    };
    if steps.is_empty() {
        return lines;
    }
    let first_cue = plan.cues().first().map(|c| c.at_secs);
    if first_cue != Some(0)
        && choose(0, first_cue, name_candidates(&steps[0], options, true)).is_some()
    {
        named[0] = true;
    }
    for (index, cue) in plan.cues().iter().enumerate() {
        let next = plan.cues().get(index + 1).map(|c| c.at_secs);
        let (candidates, announced) = cue_candidates(plan, cue, options, &named);
        if choose(cue.at_secs, next, candidates).is_some()
            && let Some(step) = announced
        {
            named[step] = true;
        }
    }
    lines
}

/// The candidates at one cue, and the step they name (if they do).
fn cue_candidates(
    plan: &Plan,
    cue: &PlannedCue,
    options: ScriptOptions,
    named: &[bool],
) -> (Vec<Utterance>, Option<usize>) {
    let steps = plan.run().steps();
    let Some(step) = steps.get(cue.step) else {
        return (Vec::new(), None);
    };
    let clip = |phrase| vec![Utterance::Clip(phrase)];
    let last_of_set = step.reps > 1 && cue.rep == step.reps;
    match cue.cue {
        Cue::StepEnd => {
            // A step's end is the next step's get-ready, unless a rest between holds follows.
            let next = cue.step + 1;
            if plan
                .step_spans()
                .get(next)
                .is_some_and(|span| span.start_secs == cue.at_secs)
            {
                (name_candidates(&steps[next], options, true), Some(next))
            } else {
                (clip(Phrase::Relax), None)
            }
        }
        Cue::StepStart if step.kind == StepKind::Rest => (clip(Phrase::Rest), None),
        Cue::StepStart => {
            let mut candidates = if named[cue.step] {
                Vec::new()
            } else {
                name_candidates(step, options, false)
            };
            let announced = (!candidates.is_empty()).then_some(cue.step);
            if last_of_set {
                candidates.push(Utterance::Clip(Phrase::LastOne));
            }
            candidates.push(Utterance::Clip(Phrase::Begin));
            (candidates, announced)
        }
        Cue::RepTick => {
            let mut candidates = Vec::new();
            if last_of_set {
                candidates.push(Utterance::Clip(Phrase::LastOne));
            }
            if options.count_reps && cue.rep <= u32::from(MAX_COUNT) {
                candidates.push(Utterance::Clip(Phrase::Number(cue.rep as u8)));
            }
            (candidates, None)
        }
        Cue::Side(side) => {
            let mut candidates = if named[cue.step] {
                Vec::new()
            } else {
                name_candidates(step, options, false)
            };
            let announced = (!candidates.is_empty()).then_some(cue.step);
            candidates.push(Utterance::Clip(match side {
                Side::Left => Phrase::Left,
                Side::Right => Phrase::Right,
            }));
            (candidates, announced)
        }
        Cue::Halfway => (clip(Phrase::Halfway), None),
        Cue::Countdown(n) => (clip(Phrase::Number(n)), None),
        Cue::SwitchSides => (clip(Phrase::SwitchSides), None),
        Cue::RoutineDone => (clip(Phrase::RoutineComplete), None),
    }
}

/// The line due at `at_secs`, if any (lines are sorted and at most one per second).
#[must_use]
pub fn line_at(lines: &[SpokenLine], at_secs: u32) -> Option<&SpokenLine> {
    lines
        .binary_search_by_key(&at_secs, |l| l.at_secs)
        .ok()
        .and_then(|i| lines.get(i))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::core::plan::Timing;
    use crate::core::routine::model::tests::{moves, routine, step};
    use crate::store::builtin;

    /// A stand-in for clip lengths: 0.5 s for one word, then 0.07 s a character (about the
    /// recorded voice's pace). The clip tests check the real lengths.
    #[allow(
        clippy::unnecessary_wraps,
        reason = "stands in for clip lengths, which may be missing"
    )]
    pub(crate) fn rough_secs(phrase: Phrase) -> Option<f32> {
        Some((0.07 * phrase.text().len() as f32).max(0.5))
    }

    const OPTIONS: ScriptOptions = ScriptOptions {
        count_reps: true,
        own_names: false,
    };

    fn said(lines: &[SpokenLine]) -> Vec<(u32, String)> {
        lines
            .iter()
            .map(|l| (l.at_secs, l.utterance.text()))
            .collect()
    }

    fn builtin_step(key: &str, id: &str) -> Step {
        technique::find(key).expect("a built-in key").step(id)
    }

    #[test]
    fn every_technique_has_a_plain_spoken_name() {
        for t in technique::all() {
            let spoken = spoken_name(t.id);
            assert!(
                !spoken.is_empty()
                    && !spoken.contains(':')
                    && !spoken.chars().any(|c| c.is_ascii_digit()),
                "{}: {spoken}",
                t.key()
            );
        }
    }

    #[test]
    fn clip_ids_are_unique_and_well_formed_and_texts_short() {
        let phrases = all_phrases();
        let mut ids: Vec<String> = phrases.iter().map(|p| p.clip_id()).collect();
        assert!(ids.iter().all(|id| {
            !id.is_empty()
                && id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        }));
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), phrases.len());
        for p in &phrases {
            let text = p.text();
            assert!(text.ends_with('.') && text.len() <= 70, "{text}");
        }
    }

    #[test]
    fn the_table_says_each_moment_in_our_words() {
        assert_eq!(
            Phrase::GetReady(TechniqueId::SingleKneeToChest, SideCall::LeftFirst).text(),
            "Get ready: single knee to chest, left side."
        );
        assert_eq!(
            Phrase::Name(TechniqueId::KneeRollsAlternating, SideCall::Alternating).text(),
            "Knee rolls, side to side, starting on the left."
        );
        assert_eq!(Phrase::Number(3).text(), "Three.");
        assert_eq!(Phrase::Number(21).text(), "Twenty-one.");
        assert_eq!(
            Phrase::GenericName(SideCall::LeftFirst).text(),
            "Next exercise, left side."
        );
    }

    #[test]
    fn a_per_side_hold_is_announced_counted_down_switched_and_ended() {
        let mut s = builtin_step("single-knee-to-chest", "knee");
        s.rep_secs = 20;
        s.reps = 2;
        s.rest_secs = 5;
        let plan = Plan::new(routine(vec![s]), Timing::default());
        let lines = script(&plan, OPTIONS, &rough_secs);
        assert_eq!(
            said(&lines),
            [
                (0, "Get ready: single knee to chest, left side.".to_owned()),
                (5, "Begin.".to_owned()),
                (15, "Halfway.".to_owned()),
                (22, "Three.".to_owned()),
                (23, "Two.".to_owned()),
                (24, "One.".to_owned()),
                (25, "And relax.".to_owned()),
                (30, "Last one.".to_owned()),
                (40, "Halfway.".to_owned()),
                (47, "Three.".to_owned()),
                (48, "Two.".to_owned()),
                (49, "One.".to_owned()),
                (50, "Switch sides.".to_owned()),
                (55, "Begin.".to_owned()),
                (65, "Halfway.".to_owned()),
                (72, "Three.".to_owned()),
                (73, "Two.".to_owned()),
                (74, "One.".to_owned()),
                (75, "And relax.".to_owned()),
                (80, "Last one.".to_owned()),
                (90, "Halfway.".to_owned()),
                (97, "Three.".to_owned()),
                (98, "Two.".to_owned()),
                (99, "One.".to_owned()),
                (100, "Routine complete. Well done.".to_owned()),
            ]
        );
    }

    #[test]
    fn moves_count_when_asked_and_the_next_step_is_named_at_the_end() {
        let mut tilt = builtin_step("pelvic-tilt", "tilt");
        tilt.rep_secs = 3;
        tilt.reps = 4;
        let plan = Plan::new(
            routine(vec![tilt, builtin_step("sphinx", "sphinx")]),
            Timing::default(),
        );
        let counted = script(&plan, OPTIONS, &rough_secs);
        assert_eq!(
            said(&counted)[..6],
            [
                (0, "Get ready: pelvic tilt.".to_owned()),
                (5, "Begin.".to_owned()),
                (8, "Two.".to_owned()),
                (11, "Three.".to_owned()),
                (14, "Last one.".to_owned()),
                (17, "Get ready: sphinx.".to_owned()),
            ]
        );
        let quiet = script(
            &plan,
            ScriptOptions {
                count_reps: false,
                ..OPTIONS
            },
            &rough_secs,
        );
        // Without counting, the ticks stay chimes (no line at 8 or 11).
        assert!(line_at(&quiet, 8).is_none() && line_at(&quiet, 11).is_none());
        assert!(line_at(&quiet, 14).is_some());
    }

    #[test]
    fn without_a_get_ready_pause_the_name_is_said_as_the_step_begins() {
        let plan = Plan::new(
            routine(vec![
                builtin_step("glute-bridge", "bridge"),
                builtin_step("childs-pose", "child"),
            ]),
            Timing {
                get_ready_secs: 0,
                switch_secs: 0,
            },
        );
        let lines = script(&plan, OPTIONS, &rough_secs);
        let second = plan.step_spans()[1].start_secs;
        assert_eq!(lines[0].utterance.text(), "Glute bridge.");
        assert_eq!(
            line_at(&lines, second).map(|l| l.utterance.text()),
            Some("Child's pose.".to_owned())
        );
    }

    #[test]
    fn a_short_pause_takes_the_bare_name_and_a_tiny_one_leaves_it_to_the_start() {
        let s = || builtin_step("single-knee-to-chest", "knee");
        let with = |get_ready_secs| {
            let plan = Plan::new(
                routine(vec![s()]),
                Timing {
                    get_ready_secs,
                    switch_secs: 5,
                },
            );
            said(&script(&plan, OPTIONS, &rough_secs))[..2].to_vec()
        };
        assert_eq!(
            with(3),
            [
                (0, "Single knee to chest, left side.".to_owned()),
                (3, "Begin.".to_owned())
            ]
        );
        // One second is too short for any name: it is said as the hold begins.
        assert_eq!(
            with(1)[0],
            (1, "Single knee to chest, left side.".to_owned())
        );
    }

    #[test]
    fn own_step_names_go_to_the_speech_service_or_to_the_generic_line() {
        let mut own = step("Wall angels", 30, 1, true);
        own.technique = None;
        let mut renamed = builtin_step("sphinx", "sphinx");
        renamed.name = "Seal".into();
        let plan = Plan::new(routine(vec![own, renamed]), Timing::default());
        let spoken = script(
            &plan,
            ScriptOptions {
                own_names: true,
                ..OPTIONS
            },
            &rough_secs,
        );
        assert_eq!(
            spoken[0].utterance,
            Utterance::Own {
                text: "Get ready: Wall angels, left side.".into(),
                fallback: Phrase::GenericGetReady(SideCall::LeftFirst),
            }
        );
        let at = plan.step_spans()[1].start_secs;
        assert_eq!(
            line_at(&spoken, at).map(|l| l.utterance.text()),
            Some("Get ready: Seal.".to_owned())
        );
        let generic = script(&plan, OPTIONS, &rough_secs);
        assert_eq!(
            generic[0].utterance,
            Utterance::Clip(Phrase::GenericGetReady(SideCall::LeftFirst))
        );
        // Without a speech service a renamed built-in step keeps its technique's clip.
        assert_eq!(
            line_at(&generic, at).map(|l| l.utterance.clone()),
            Some(Utterance::Clip(Phrase::GetReady(
                TechniqueId::Sphinx,
                SideCall::None
            )))
        );
    }

    #[test]
    fn alternating_moves_call_each_side() {
        let plan = Plan::new(
            routine(vec![moves("Rolls", 4, 2, Sides::Alternate)]),
            Timing::default(),
        );
        let lines = script(&plan, OPTIONS, &rough_secs);
        let texts: Vec<String> = said(&lines).into_iter().map(|(_, t)| t).collect();
        assert_eq!(
            texts,
            [
                "Get ready: next exercise, starting on the left.",
                "Left.",
                "Right.",
                "Left.",
                "Right.",
                "Routine complete. Well done."
            ]
        );
    }

    /// Every built-in routine, at the default pauses and the shortest ones: each line fits
    /// before the next cue, at most one line per second, and every step is named.
    pub(crate) fn check_builtin_routines(clip_secs: &dyn Fn(Phrase) -> Option<f32>) {
        let timings = [
            Timing::default(),
            Timing {
                get_ready_secs: 0,
                switch_secs: 0,
            },
            Timing {
                get_ready_secs: 1,
                switch_secs: 1,
            },
        ];
        for r in builtin::builtin() {
            for timing in timings {
                for count_reps in [true, false] {
                    let plan = Plan::new(r.clone(), timing);
                    let options = ScriptOptions {
                        count_reps,
                        own_names: false,
                    };
                    let lines = script(&plan, options, clip_secs);
                    check_fits(&plan, &lines);
                    for (index, s) in plan.run().steps().iter().enumerate() {
                        if s.kind == StepKind::Rest {
                            continue;
                        }
                        let span = plan.step_spans()[index];
                        let name = lines.iter().find(|l| {
                            l.at_secs >= span.start_secs
                                && l.at_secs < span.end_secs
                                && matches!(
                                    l.utterance,
                                    Utterance::Clip(Phrase::GetReady(..) | Phrase::Name(..))
                                )
                        });
                        assert!(name.is_some(), "{} {timing:?}: {} unnamed", r.id(), s.id);
                    }
                    if timing == Timing::default() {
                        // With the default pause every step gets its full get-ready line.
                        let full = lines
                            .iter()
                            .filter(|l| {
                                matches!(
                                    l.utterance,
                                    Utterance::Clip(Phrase::GetReady(..) | Phrase::NextRest)
                                )
                            })
                            .count();
                        assert_eq!(full, plan.run().steps().len(), "{}", r.id());
                    }
                    assert_eq!(
                        lines.last().map(|l| l.utterance.clone()),
                        Some(Utterance::Clip(Phrase::RoutineComplete))
                    );
                }
            }
        }
    }

    /// Each line ends [`GAP_SECS`] before the next cue and lines never share a second.
    pub(crate) fn check_fits(plan: &Plan, lines: &[SpokenLine]) {
        assert!(lines.windows(2).all(|w| w[0].at_secs < w[1].at_secs));
        for line in lines {
            let next = plan
                .cues()
                .iter()
                .map(|c| c.at_secs)
                .find(|&at| at > line.at_secs);
            if let Some(next) = next {
                assert!(
                    line.at_secs as f32 + line.secs + GAP_SECS <= next as f32,
                    "{:?} at {} runs into the cue at {next}",
                    line.utterance.text(),
                    line.at_secs
                );
            }
            let on_cue = plan.cues().iter().any(|c| c.at_secs == line.at_secs);
            assert!(on_cue || line.at_secs == 0, "a line off the cues");
        }
    }

    #[test]
    fn builtin_routines_fit_with_rough_lengths() {
        check_builtin_routines(&rough_secs);
    }

    proptest::proptest! {
        #[test]
        fn lines_never_run_into_the_next_cue(
            holds in proptest::collection::vec((3u32..40, 1u32..4, 0u32..3, 0u32..8), 1..5),
            get_ready in 0u32..8,
            switch in 0u32..8,
            count_reps: bool,
        ) {
            let steps = holds
                .iter()
                .enumerate()
                .map(|(i, &(secs, reps, sides, rest))| {
                    let mut s = if sides == 2 {
                        moves("M", secs.clamp(2, 30), reps, Sides::Alternate)
                    } else {
                        step("S", secs, reps, sides == 1)
                    };
                    s.id = format!("s{i}");
                    s.rest_secs = if s.pattern == crate::core::routine::Pattern::Hold { rest } else { 0 };
                    s
                })
                .collect();
            let plan = Plan::new(routine(steps), Timing { get_ready_secs: get_ready, switch_secs: switch });
            let lines = script(&plan, ScriptOptions { count_reps, own_names: true }, &rough_secs);
            check_fits(&plan, &lines);
        }
    }
}
