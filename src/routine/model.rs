//! The routine model: what a routine and its steps are, and the bounds that make one valid.
//!
//! Every routine that is run, saved or listed is valid: routines from outside come through the
//! file parser ([`super::file`]), which checks every bound listed here, and the editor saves
//! only drafts whose [`Routine::violations`] are empty (a draft may break bounds while it is
//! being edited). Nothing in this module knows about screens, speakers or files.

use serde::{Deserialize, Serialize};

/// Shortest and longest allowed length of a name, in characters.
pub const NAME_CHARS: std::ops::RangeInclusive<usize> = 1..=80;
/// Longest allowed summary, instructions or caution, in characters.
pub const TEXT_MAX_CHARS: usize = 2_000;
/// Allowed hold of any step, in seconds (3 s to 10 min).
pub const HOLD_SECS: std::ops::RangeInclusive<u32> = 3..=600;
/// Allowed repetitions of a step.
pub const REPS: std::ops::RangeInclusive<u32> = 1..=30;
/// Allowed rest between repetitions, in seconds.
pub const REST_SECS: std::ops::RangeInclusive<u32> = 0..=300;
/// Allowed number of steps in a routine.
pub const STEP_COUNT: std::ops::RangeInclusive<usize> = 1..=60;
/// Allowed length of a routine id: lowercase letters, digits and dashes.
pub const ID_CHARS: std::ops::RangeInclusive<usize> = 1..=64;

/// The rule every routine carries, shown with every routine before and while it runs.
pub const STOP_RULE: &str = "Stop straight away if pain spreads down a leg, or if you feel new \
numbness, tingling or weakness. Move only as far as is comfortable: a stretch should feel like \
tightness, never pain.";

/// What a routine is mostly made of; used to group routines on the home screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    /// Only stretches (and rests).
    Stretch,
    /// Only self-massage (and rests).
    SelfMassage,
    /// Both stretches and self-massage.
    Mixed,
}

impl Category {
    /// Every category, in the order the home screen shows them.
    pub const ALL: [Self; 3] = [Self::Stretch, Self::SelfMassage, Self::Mixed];

    /// The name a person reads.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Stretch => "Stretch",
            Self::SelfMassage => "Self-massage",
            Self::Mixed => "Mixed",
        }
    }
}

/// What a step asks the person to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum StepKind {
    /// A held stretch or a slow mobility movement.
    Stretch,
    /// Rolling or pressing a muscle group with a ball, roller, stick or hands.
    SelfMassage,
    /// A pause: breathe and relax.
    Rest,
}

impl StepKind {
    /// Every kind, in the order an editor offers them.
    pub const ALL: [Self; 3] = [Self::Stretch, Self::SelfMassage, Self::Rest];

    /// The name a person reads.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Stretch => "Stretch",
            Self::SelfMassage => "Self-massage",
            Self::Rest => "Rest",
        }
    }

    /// The hold range (seconds) the content brief gives for this kind of step.
    ///
    /// Length scaling keeps every hold inside these bounds (widened to include the step's own
    /// authored hold, see [`Step::scaling_bounds`]). Stretches: one breath (5 s) up to the
    /// 30–60 s holds recommended for older adults. Self-massage: 30 s to 2 min per area.
    #[must_use]
    pub fn dose_bounds(self) -> std::ops::RangeInclusive<u32> {
        match self {
            Self::Stretch => 5..=60,
            Self::SelfMassage => 30..=120,
            Self::Rest => 5..=120,
        }
    }
}

/// What a step needs besides the person and a floor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Equipment {
    /// Nothing.
    None,
    /// A strap, belt or towel.
    Strap,
    /// A massage or tennis ball.
    Ball,
    /// A foam roller.
    FoamRoller,
    /// A massage stick (roller stick).
    MassageStick,
    /// The person's own hands.
    Hands,
}

impl Equipment {
    /// Every kind of equipment, in the order an editor offers them.
    pub const ALL: [Self; 6] = [
        Self::None,
        Self::Strap,
        Self::Ball,
        Self::FoamRoller,
        Self::MassageStick,
        Self::Hands,
    ];

    /// The name a person reads.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::None => "No equipment",
            Self::Strap => "Strap or towel",
            Self::Ball => "Ball",
            Self::FoamRoller => "Foam roller",
            Self::MassageStick => "Massage stick",
            Self::Hands => "Hands",
        }
    }
}

/// The position a step starts from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Position {
    /// Lying on the back.
    OnBack,
    /// Lying face down.
    OnFront,
    /// On hands and knees.
    HandsAndKnees,
    /// Kneeling on one knee.
    HalfKneeling,
    /// Sitting on a chair or the floor.
    Sitting,
    /// Standing.
    Standing,
    /// Standing with the back against a wall.
    AgainstWall,
}

impl Position {
    /// Every position, in the order an editor offers them.
    pub const ALL: [Self; 7] = [
        Self::OnBack,
        Self::OnFront,
        Self::HandsAndKnees,
        Self::HalfKneeling,
        Self::Sitting,
        Self::Standing,
        Self::AgainstWall,
    ];

    /// The name a person reads.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::OnBack => "Lying on your back",
            Self::OnFront => "Lying on your front",
            Self::HandsAndKnees => "On hands and knees",
            Self::HalfKneeling => "Kneeling on one knee",
            Self::Sitting => "Sitting",
            Self::Standing => "Standing",
            Self::AgainstWall => "Standing against a wall",
        }
    }
}

/// Left or right, for steps done on each side.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Side {
    /// The left side, always done first.
    Left,
    /// The right side.
    Right,
}

impl Side {
    /// The word shown in large letters on the player.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Left => "LEFT",
            Self::Right => "RIGHT",
        }
    }
}

/// One exercise in a routine: a stretch, a self-massage or a rest.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    /// Short name, 1–80 characters.
    pub name: String,
    /// What kind of step this is.
    pub kind: StepKind,
    /// What to do, in short imperative sentences (≤ 2,000 characters).
    pub instructions: String,
    /// What to watch for (≤ 2,000 characters, may be empty).
    pub caution: String,
    /// How long each hold lasts, in seconds (3–600).
    pub hold_secs: u32,
    /// How many times the hold is repeated, per side (1–30).
    pub reps: u32,
    /// Rest between repetitions, in seconds (0–300).
    pub rest_secs: u32,
    /// Whether the step is done on the left, then on the right.
    pub per_side: bool,
    /// What the step needs.
    pub equipment: Equipment,
    /// Where the step starts from.
    pub position: Position,
}

impl Step {
    /// How many sides the step is done on: 2 if per side, else 1.
    #[must_use]
    pub fn sides(&self) -> u32 {
        if self.per_side { 2 } else { 1 }
    }

    /// How many holds the step contains in total (reps × sides).
    #[must_use]
    pub fn hold_count(&self) -> u32 {
        self.reps * self.sides()
    }

    /// The range length scaling may move this step's hold within: the kind's dose bounds,
    /// widened to include the hold the author chose.
    #[must_use]
    pub fn scaling_bounds(&self) -> std::ops::RangeInclusive<u32> {
        let dose = self.kind.dose_bounds();
        (*dose.start()).min(self.hold_secs)..=(*dose.end()).max(self.hold_secs)
    }
}

/// A named sequence of steps.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Routine {
    /// Stable identifier: lowercase letters, digits and dashes (1–64 characters).
    pub id: String,
    /// Name shown on the home screen (1–80 characters).
    pub name: String,
    /// One line saying what the routine is for (≤ 2,000 characters).
    pub summary: String,
    /// What the routine is mostly made of.
    pub category: Category,
    /// The steps, in order (1–60).
    pub steps: Vec<Step>,
}

/// One broken rule in a routine, with the field it concerns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Violation {
    /// Where the problem is, as a path such as `steps[2].hold_seconds`; steps count from 1,
    /// as a person counts them in the file.
    pub field: String,
    /// What is wrong, in plain words.
    pub message: String,
}

impl Routine {
    /// The equipment the routine needs, each once, in the order steps first use it.
    #[must_use]
    pub fn equipment(&self) -> Vec<Equipment> {
        let mut seen = Vec::new();
        for step in &self.steps {
            if step.equipment != Equipment::None && !seen.contains(&step.equipment) {
                seen.push(step.equipment);
            }
        }
        seen
    }

    /// Checks every bound and returns every problem found (empty when valid).
    #[must_use]
    pub fn violations(&self) -> Vec<Violation> {
        let mut out = Vec::new();
        let mut push = |field: String, message: String| out.push(Violation { field, message });
        if let Some(problem) = id_problem(&self.id) {
            push("id".into(), problem);
        }
        if let Some(problem) = name_problem(&self.name) {
            push("name".into(), problem);
        }
        if let Some(problem) = text_problem(&self.summary) {
            push("summary".into(), problem);
        }
        if !STEP_COUNT.contains(&self.steps.len()) {
            push(
                "steps".into(),
                format!(
                    "a routine needs between {} and {} steps, this one has {}",
                    STEP_COUNT.start(),
                    STEP_COUNT.end(),
                    self.steps.len()
                ),
            );
        }
        for (index, step) in self.steps.iter().enumerate() {
            for (field, message) in step_problems(step) {
                push(format!("steps[{}].{field}", index + 1), message);
            }
        }
        out
    }
}

/// Every broken rule of one step, as (field name in the file, message).
#[must_use]
pub fn step_problems(step: &Step) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    if let Some(problem) = name_problem(&step.name) {
        out.push(("name", problem));
    }
    if let Some(problem) = text_problem(&step.instructions) {
        out.push(("instructions", problem));
    }
    if step.instructions.trim().is_empty() {
        out.push(("instructions", "say what to do in this step".to_owned()));
    }
    if let Some(problem) = text_problem(&step.caution) {
        out.push(("caution", problem));
    }
    if let Some(problem) = hold_problem(step.hold_secs) {
        out.push(("hold_seconds", problem));
    }
    if let Some(problem) = reps_problem(step.reps) {
        out.push(("reps", problem));
    }
    if let Some(problem) = rest_problem(step.rest_secs) {
        out.push(("rest_seconds", problem));
    }
    out
}

/// Why an id is not allowed, if it is not.
#[must_use]
pub fn id_problem(id: &str) -> Option<String> {
    let len = id.chars().count();
    if !ID_CHARS.contains(&len) {
        return Some(format!(
            "the id must be {} to {} characters long",
            ID_CHARS.start(),
            ID_CHARS.end()
        ));
    }
    let allowed = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-';
    if !id.chars().all(allowed) || id.starts_with('-') || id.ends_with('-') {
        return Some(
            "the id may use only lowercase letters a–z, digits and dashes, and may not start or end with a dash"
                .to_owned(),
        );
    }
    None
}

/// Why a name is not allowed, if it is not.
#[must_use]
pub fn name_problem(name: &str) -> Option<String> {
    let len = name.trim().chars().count();
    if !NAME_CHARS.contains(&len) {
        return Some(format!(
            "a name must be {} to {} characters long (this one has {len})",
            NAME_CHARS.start(),
            NAME_CHARS.end()
        ));
    }
    if let Some((c, at)) = crate::plain_text::first_refused(name, crate::plain_text::is_unsafe) {
        return Some(format!(
            "a name must be a single line of plain text: character {at} is {}, which is not allowed",
            crate::plain_text::describe(c)
        ));
    }
    None
}

/// Why a longer text is not allowed, if it is not.
#[must_use]
pub fn text_problem(text: &str) -> Option<String> {
    let len = text.chars().count();
    if len > TEXT_MAX_CHARS {
        return Some(format!(
            "this text is {len} characters long; the limit is {TEXT_MAX_CHARS}"
        ));
    }
    let refused = |c| crate::plain_text::is_unsafe(c) && c != '\n' && c != '\t';
    if let Some((c, at)) = crate::plain_text::first_refused(text, refused) {
        return Some(format!(
            "character {at} of this text is {}, which is not allowed (line breaks and tabs are)",
            crate::plain_text::describe(c)
        ));
    }
    None
}

/// Why a hold length is not allowed, if it is not.
#[must_use]
pub fn hold_problem(secs: u32) -> Option<String> {
    (!HOLD_SECS.contains(&secs)).then(|| {
        format!(
            "a hold must last from {} seconds to {} minutes (this one is {secs} s)",
            HOLD_SECS.start(),
            HOLD_SECS.end() / 60
        )
    })
}

/// Why a repetition count is not allowed, if it is not.
#[must_use]
pub fn reps_problem(reps: u32) -> Option<String> {
    (!REPS.contains(&reps)).then(|| {
        format!(
            "repetitions must be from {} to {} (this step has {reps})",
            REPS.start(),
            REPS.end()
        )
    })
}

/// Why a rest length is not allowed, if it is not.
#[must_use]
pub fn rest_problem(secs: u32) -> Option<String> {
    (!REST_SECS.contains(&secs)).then(|| {
        format!(
            "a rest between repetitions must be from {} to {} seconds (this one is {secs} s)",
            REST_SECS.start(),
            REST_SECS.end()
        )
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A small valid step for tests.
    pub(crate) fn step(name: &str, hold: u32, reps: u32, per_side: bool) -> Step {
        Step {
            name: name.to_owned(),
            kind: StepKind::Stretch,
            instructions: "Do it gently.".to_owned(),
            caution: String::new(),
            hold_secs: hold,
            reps,
            rest_secs: 0,
            per_side,
            equipment: Equipment::None,
            position: Position::OnBack,
        }
    }

    /// A valid routine made of the given steps.
    pub(crate) fn routine(steps: Vec<Step>) -> Routine {
        Routine {
            id: "test".to_owned(),
            name: "Test".to_owned(),
            summary: "For tests.".to_owned(),
            category: Category::Stretch,
            steps,
        }
    }

    #[test]
    fn a_valid_routine_has_no_violations() {
        assert_eq!(routine(vec![step("A", 20, 2, true)]).violations(), vec![]);
    }

    #[test]
    fn every_broken_bound_is_reported_with_its_field() {
        let mut bad = routine(vec![step("", 2, 31, false)]);
        bad.id = "Bad Id".to_owned();
        bad.steps[0].rest_secs = 301;
        let fields: Vec<String> = bad.violations().into_iter().map(|v| v.field).collect();
        assert_eq!(
            fields,
            [
                "id",
                "steps[1].name",
                "steps[1].hold_seconds",
                "steps[1].reps",
                "steps[1].rest_seconds"
            ]
        );
    }

    #[test]
    fn bounds_edges_are_inclusive() {
        assert!(hold_problem(3).is_none() && hold_problem(600).is_none());
        assert!(hold_problem(2).is_some() && hold_problem(601).is_some());
        assert!(reps_problem(1).is_none() && reps_problem(30).is_none());
        assert!(reps_problem(0).is_some() && reps_problem(31).is_some());
        assert!(name_problem(&"x".repeat(80)).is_none());
        assert!(name_problem(&"x".repeat(81)).is_some());
        assert!(text_problem(&"x".repeat(2000)).is_none());
        assert!(text_problem(&"x".repeat(2001)).is_some());
    }

    #[test]
    fn control_and_bidi_characters_are_refused_by_name_and_place() {
        assert_eq!(
            name_problem("Evil\u{1b}]0;x").as_deref(),
            Some(
                "a name must be a single line of plain text: character 5 is U+001B (escape), which is not allowed"
            )
        );
        assert_eq!(
            name_problem("txt\u{202e}exe").as_deref(),
            Some(
                "a name must be a single line of plain text: character 4 is U+202E (right-to-left override), which is not allowed"
            )
        );
        assert!(name_problem("two\nlines").is_some_and(|p| p.contains("U+000A (line break)")));
        assert_eq!(
            text_problem("Breathe.\n\u{2067}out").as_deref(),
            Some(
                "character 10 of this text is U+2067 (right-to-left isolate), which is not allowed (line breaks and tabs are)"
            )
        );
        assert_eq!(text_problem("Line one.\n\tLine two – “é”."), None);
        assert_eq!(name_problem("Rücken – “sanft”"), None);
    }

    #[test]
    fn scaling_bounds_widen_to_include_the_authored_hold() {
        assert_eq!(step("A", 20, 1, false).scaling_bounds(), 5..=60);
        assert_eq!(step("A", 3, 1, false).scaling_bounds(), 3..=60);
        assert_eq!(step("A", 90, 1, false).scaling_bounds(), 5..=90);
    }
}
