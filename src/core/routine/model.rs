//! The routine model: what a routine and its steps are, and the bounds that make one valid.
//!
//! Every routine that is run, saved or listed is valid by type: a [`Routine`] is made only by
//! validating a [`RoutineDraft`] against every bound listed here, whether the draft came from
//! a file, the editor, the session builder or a programme (a draft may break bounds while it
//! is being edited or read). Nothing in this module knows about screens, speakers or files.

use serde::{Deserialize, Serialize};

use super::field::{Field, Key};

/// Shortest and longest allowed length of a name, in characters.
pub const NAME_CHARS: std::ops::RangeInclusive<usize> = 1..=80;
/// Longest allowed summary, instructions or caution, in characters.
pub const TEXT_MAX_CHARS: usize = 2_000;
/// Allowed hold of any step, in seconds (3 s to 10 min).
pub const HOLD_SECS: std::ops::RangeInclusive<u32> = 3..=600;
/// Allowed tempo of a moving step: seconds per repetition.
pub const TEMPO_SECS: std::ops::RangeInclusive<u32> = 2..=30;
/// The least time under stretch per side a held stretch is fitted to: repetitions × hold
/// (ACSM: 10–30 s holds, about 60 s in all; the total matters more than each hold). A step
/// written with less keeps what it was written with.
pub const MIN_STRETCH_SECS_PER_SIDE: u32 = 30;
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
    /// A held stretch: ease into position and stay there.
    Stretch,
    /// Moving, not held: slow rocks, rolls or rounds, repeated at a steady tempo.
    Mobility,
    /// A strengthening exercise such as a bridge or an abdominal brace.
    Strengthen,
    /// Rolling or pressing a muscle group with a ball, roller, stick or hands.
    SelfMassage,
    /// A pause: breathe and relax.
    Rest,
}

impl StepKind {
    /// Every kind, in the order an editor offers them.
    pub const ALL: [Self; 5] = [
        Self::Stretch,
        Self::Mobility,
        Self::Strengthen,
        Self::SelfMassage,
        Self::Rest,
    ];

    /// The name a person reads.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Stretch => "Stretch",
            Self::Mobility => "Mobility",
            Self::Strengthen => "Strengthen",
            Self::SelfMassage => "Self-massage",
            Self::Rest => "Rest",
        }
    }

    /// The word used in routine files.
    #[must_use]
    pub fn file_word(self) -> &'static str {
        match self {
            Self::Stretch => "stretch",
            Self::Mobility => "mobility",
            Self::Strengthen => "strengthen",
            Self::SelfMassage => "self-massage",
            Self::Rest => "rest",
        }
    }

    /// The dose range a step of this kind may be fitted within when it names no technique
    /// (a person's own step): wide, because a physiotherapist's sheet is the authority. The
    /// step's own values always widen it (see [`Step::dose_range`]).
    #[must_use]
    pub fn default_range(self) -> DoseRange {
        let (secs, reps) = match self {
            Self::Stretch => (10..=60, 1..=4),
            Self::Mobility => (2..=30, 5..=15),
            Self::Strengthen => (5..=30, 5..=30),
            Self::SelfMassage => (30..=120, 1..=1),
            Self::Rest => (10..=120, 1..=1),
        };
        DoseRange { secs, reps }
    }

    /// Whether steps of this kind count toward time under stretch: held static stretches,
    /// whose time per side (repetitions × hold) [`MIN_STRETCH_SECS_PER_SIDE`] keeps up.
    #[must_use]
    pub fn is_static_stretch(self) -> bool {
        self == Self::Stretch
    }
}

/// How a step's repetitions are done.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Pattern {
    /// Get into position, hold for a number of seconds, release; rest between repetitions.
    Hold,
    /// A number of repetitions at a steady tempo, one after the other, without a rest.
    Moves,
}

impl Pattern {
    /// Both patterns, in the order an editor offers them.
    pub const ALL: [Self; 2] = [Self::Hold, Self::Moves];

    /// The name a person reads.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Hold => "Hold",
            Self::Moves => "Moves",
        }
    }

    /// The word used in routine files.
    #[must_use]
    pub fn file_word(self) -> &'static str {
        match self {
            Self::Hold => "hold",
            Self::Moves => "moves",
        }
    }

    /// The allowed length of one repetition: a hold, or one movement at its tempo.
    #[must_use]
    pub fn secs_bounds(self) -> std::ops::RangeInclusive<u32> {
        match self {
            Self::Hold => HOLD_SECS,
            Self::Moves => TEMPO_SECS,
        }
    }
}

/// Which sides a step is done on, and in what order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Sides {
    /// Both sides at once, or no side at all.
    None,
    /// Every repetition on the left, a pause to change, then every repetition on the right.
    Each,
    /// Left, right, left, right…: one repetition on each side in turn.
    Alternate,
}

impl Sides {
    /// Every choice, in the order an editor offers them.
    pub const ALL: [Self; 3] = [Self::None, Self::Each, Self::Alternate];

    /// The name a person reads.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::None => "No sides",
            Self::Each => "Each side",
            Self::Alternate => "Alternate sides",
        }
    }

    /// The word used in routine files.
    #[must_use]
    pub fn file_word(self) -> &'static str {
        match self {
            Self::None => "none",
            Self::Each => "each",
            Self::Alternate => "alternate",
        }
    }

    /// How many sides are worked: 2 for each and alternate, else 1.
    #[must_use]
    pub fn count(self) -> u32 {
        match self {
            Self::None => 1,
            Self::Each | Self::Alternate => 2,
        }
    }

    /// `reps` repetitions per side, in words that say what each side gets and how many there
    /// are in all: "8", "8 each side", "8 each side (16 in all)". The one place this is said,
    /// for Home, the editor, the player and the sheet.
    #[must_use]
    pub fn reps_words(self, reps: u32) -> String {
        match self {
            Self::None => reps.to_string(),
            Self::Each => format!("{reps} each side"),
            Self::Alternate => format!("{reps} each side ({} in all)", reps * 2),
        }
    }
}

/// How much a step matters to its routine; a routine fitted to a short length leaves out
/// optional steps first, then normal ones, and never an essential one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Importance {
    /// Left out first when time is short.
    Optional,
    /// Left out only after every optional step.
    Normal,
    /// Never left out.
    Essential,
}

impl Importance {
    /// Every level, from least to most important.
    pub const ALL: [Self; 3] = [Self::Optional, Self::Normal, Self::Essential];

    /// The word used in routine files and the editor.
    #[must_use]
    pub fn file_word(self) -> &'static str {
        match self {
            Self::Optional => "optional",
            Self::Normal => "normal",
            Self::Essential => "essential",
        }
    }
}

/// The range a step's dose may be fitted within: seconds per repetition (a hold, or a
/// movement's tempo) and repetitions per side.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DoseRange {
    /// Seconds per repetition.
    pub secs: std::ops::RangeInclusive<u32>,
    /// Repetitions per side.
    pub reps: std::ops::RangeInclusive<u32>,
}

impl DoseRange {
    /// This range widened to include `secs` and `reps`.
    #[must_use]
    pub fn including(&self, secs: u32, reps: u32) -> Self {
        Self {
            secs: (*self.secs.start()).min(secs)..=(*self.secs.end()).max(secs),
            reps: (*self.reps.start()).min(reps)..=(*self.reps.end()).max(reps),
        }
    }

    /// The range in a few words: "20–30 s × 2–3", "8–10 × 4 s".
    #[must_use]
    pub fn label(&self, pattern: Pattern) -> String {
        let span = |r: &std::ops::RangeInclusive<u32>| {
            if r.start() == r.end() {
                r.start().to_string()
            } else {
                format!("{}–{}", r.start(), r.end())
            }
        };
        match pattern {
            Pattern::Hold => format!("{} s × {}", span(&self.secs), span(&self.reps)),
            Pattern::Moves => format!("{} × {} s", span(&self.reps), span(&self.secs)),
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
    /// A steady chair that does not roll (for a foot or knee on the seat, not for sitting:
    /// sitting is the position [`Position::OnChair`]).
    Chair,
    /// A desk or table to rest the hands on.
    Desk,
}

impl Equipment {
    /// Every kind of equipment, in the order an editor offers them.
    pub const ALL: [Self; 8] = [
        Self::None,
        Self::Strap,
        Self::Ball,
        Self::FoamRoller,
        Self::MassageStick,
        Self::Hands,
        Self::Chair,
        Self::Desk,
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
            Self::Chair => "Steady chair",
            Self::Desk => "Desk or table",
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
    /// Lying on one side.
    OnSide,
    /// On hands and knees.
    HandsAndKnees,
    /// Kneeling on one knee.
    HalfKneeling,
    /// Sitting on the floor (on a roller or ball, or leaning on the hands). Files written
    /// before [`Position::OnChair`] existed say `sitting` for a chair too; they read unchanged.
    Sitting,
    /// Sitting on a chair that does not roll, feet flat on the floor: at a desk.
    OnChair,
    /// Standing (at a desk, in a room).
    Standing,
    /// Standing with the back against a wall.
    AgainstWall,
}

impl Position {
    /// Every position, in the order an editor offers them.
    pub const ALL: [Self; 9] = [
        Self::OnBack,
        Self::OnFront,
        Self::OnSide,
        Self::HandsAndKnees,
        Self::HalfKneeling,
        Self::Sitting,
        Self::OnChair,
        Self::Standing,
        Self::AgainstWall,
    ];

    /// The name a person reads.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::OnBack => "Lying on your back",
            Self::OnFront => "Lying on your front",
            Self::OnSide => "Lying on your side",
            Self::HandsAndKnees => "On hands and knees",
            Self::HalfKneeling => "Kneeling on one knee",
            Self::Sitting => "Sitting on the floor",
            Self::OnChair => "Sitting on a chair",
            Self::Standing => "Standing",
            Self::AgainstWall => "Standing against a wall",
        }
    }

    /// Whether the step is done down on the floor (lying, kneeling, on all fours or sitting
    /// on it): not something to do at a desk in work clothes. On a chair, standing and against
    /// a wall are not.
    #[must_use]
    pub fn is_on_the_floor(self) -> bool {
        match self {
            Self::OnBack
            | Self::OnFront
            | Self::OnSide
            | Self::HandsAndKnees
            | Self::HalfKneeling
            | Self::Sitting => true,
            Self::OnChair | Self::Standing | Self::AgainstWall => false,
        }
    }
}

/// Where a routine is meant to be done, which decides the positions its steps may take.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Place {
    /// At home, with room on the floor: any position.
    Floor,
    /// At a desk in work clothes: on a chair that does not roll, or standing; nothing on the
    /// floor, no kneeling.
    Desk,
}

impl Place {
    /// Both places.
    pub const ALL: [Self; 2] = [Self::Floor, Self::Desk];

    /// Where, in a few words.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Floor => "On the floor",
            Self::Desk => "At a desk",
        }
    }

    /// Whether a step in `position` can be done here.
    #[must_use]
    pub fn allows(self, position: Position) -> bool {
        match self {
            Self::Floor => true,
            Self::Desk => !position.is_on_the_floor(),
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
    /// The other side.
    #[must_use]
    pub fn other(self) -> Self {
        match self {
            Self::Left => Self::Right,
            Self::Right => Self::Left,
        }
    }

    /// The word shown in large letters on the player.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Left => "LEFT",
            Self::Right => "RIGHT",
        }
    }
}

/// One exercise in a routine: a stretch, a movement, a strengthening hold, a self-massage or a
/// rest.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    /// Stable identifier within its routine (lowercase letters, digits and dashes, 1–64
    /// characters). Length overrides, history and figures follow the id, not the position.
    pub id: String,
    /// The technique the step was made from (see `super::technique`); `None` for a person's
    /// own blank step. A key this version does not know is kept as it is.
    pub technique: Option<super::technique_id::TechniqueRef>,
    /// Short name, 1–80 characters.
    pub name: String,
    /// What kind of step this is.
    pub kind: StepKind,
    /// Held repetitions, or movements at a tempo.
    pub pattern: Pattern,
    /// Which sides, in what order.
    pub sides: Sides,
    /// What to do, in short imperative sentences (≤ 2,000 characters).
    pub instructions: String,
    /// What to watch for (≤ 2,000 characters, may be empty).
    pub caution: String,
    /// Seconds per repetition: each hold (3–600 s) or each movement (2–30 s).
    pub rep_secs: u32,
    /// Repetitions per side (1–30). On alternating steps each side gets this many, in turn.
    pub reps: u32,
    /// Rest between held repetitions, in seconds (0–300); always 0 for moves.
    pub rest_secs: u32,
    /// What the step needs.
    pub equipment: Equipment,
    /// Where the step starts from.
    pub position: Position,
    /// How much the step matters when a routine is fitted to a short length.
    pub importance: Importance,
}

impl Step {
    /// How many sides the step is done on: 2 for each and alternate, else 1.
    #[must_use]
    pub fn side_count(&self) -> u32 {
        self.sides.count()
    }

    /// How many repetitions the step contains in total (reps × sides).
    #[must_use]
    pub fn rep_count(&self) -> u32 {
        self.reps * self.side_count()
    }

    /// The id of the technique this step was made from, when this version knows it.
    #[must_use]
    pub fn technique_id(&self) -> Option<super::technique_id::TechniqueId> {
        self.technique
            .as_ref()
            .and_then(super::technique_id::TechniqueRef::known)
    }

    /// The step's dose in a few words, with its repetitions said by [`Sides::reps_words`]:
    /// "30 s × 3", "60 s", "30 s × 2 each side", "4 s × 12",
    /// "4 s × 8 each side (16 in all), alternating".
    #[must_use]
    pub fn dose_words(&self) -> String {
        let mut text = if self.reps == 1 && self.sides == Sides::None {
            format!("{} s", self.rep_secs)
        } else {
            format!("{} s × {}", self.rep_secs, self.sides.reps_words(self.reps))
        };
        if self.sides == Sides::Alternate {
            text.push_str(", alternating");
        }
        text
    }

    /// The least time under stretch per side fitting keeps (0 unless a held static stretch):
    /// [`MIN_STRETCH_SECS_PER_SIDE`], or less if the step was written with less.
    #[must_use]
    pub fn min_secs_per_side(&self) -> u32 {
        if self.kind.is_static_stretch() && self.pattern == Pattern::Hold {
            MIN_STRETCH_SECS_PER_SIDE.min(self.reps * self.rep_secs)
        } else {
            0
        }
    }

    /// Length of the step's work in seconds, without its get-ready and switch pauses. Defined
    /// for any values, so a draft being edited has a length too (a step with no repetitions
    /// takes no time; the sum stops at `u32::MAX`).
    #[must_use]
    pub fn work_secs(&self) -> u32 {
        let rests = match self.pattern {
            Pattern::Hold => self.rest_secs,
            Pattern::Moves => 0,
        };
        let count = self.reps.saturating_mul(self.side_count());
        let between = count.saturating_sub(if self.sides == Sides::Each { 2 } else { 1 });
        count
            .saturating_mul(self.rep_secs)
            .saturating_add(between.saturating_mul(rests))
    }
}

/// A routine as it is being written or read: any values at all, including ones that break
/// the bounds (an editor's half-typed name, a file with a hold of 0 s). It becomes a
/// [`Routine`] only through [`RoutineDraft::validate`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoutineDraft {
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

/// A named sequence of steps whose every bound holds: made only by
/// [`RoutineDraft::validate`], read through its accessors, changed only by turning it back
/// into a draft ([`Routine::to_draft`]) and validating again. Whatever runs, is saved or is
/// listed is one of these.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Routine(RoutineDraft);

/// One broken rule in a routine, with the field it concerns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Violation {
    /// Where the problem is (printed as a path such as `steps[2].hold_seconds`; steps count
    /// from 1, as a person counts them in the file).
    pub field: Field,
    /// What is wrong, in plain words.
    pub message: String,
}

impl std::fmt::Display for Violation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

/// A draft that broke at least one bound, given back whole with every problem found, so
/// nothing typed or read is lost.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InvalidRoutine {
    /// The draft, unchanged (boxed: it is large, and this is the rare path).
    pub draft: Box<RoutineDraft>,
    /// Every broken bound (never empty).
    pub violations: Vec<Violation>,
}

impl std::fmt::Display for InvalidRoutine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the routine is not valid (")?;
        for (index, violation) in self.violations.iter().enumerate() {
            let separator = if index == 0 { "" } else { "; " };
            write!(f, "{separator}{violation}")?;
        }
        f.write_str(")")
    }
}

impl std::error::Error for InvalidRoutine {}

/// The equipment `steps` need, each once, in the order they first use it.
fn equipment_of(steps: &[Step]) -> Vec<Equipment> {
    let mut seen = Vec::new();
    for step in steps {
        if step.equipment != Equipment::None && !seen.contains(&step.equipment) {
            seen.push(step.equipment);
        }
    }
    seen
}

impl RoutineDraft {
    /// The equipment the draft's steps need, each once, in the order steps first use it.
    #[must_use]
    pub fn equipment(&self) -> Vec<Equipment> {
        equipment_of(&self.steps)
    }

    /// The routine this draft describes, when it keeps every bound; otherwise the draft back
    /// with every problem found.
    ///
    /// # Errors
    /// [`InvalidRoutine`] when any bound is broken (see [`RoutineDraft::violations`]).
    pub fn validate(self) -> Result<Routine, InvalidRoutine> {
        let violations = self.violations();
        if violations.is_empty() {
            Ok(Routine(self))
        } else {
            Err(InvalidRoutine {
                draft: Box::new(self),
                violations,
            })
        }
    }

    /// Checks every bound and returns every problem found (empty when valid).
    #[must_use]
    pub fn violations(&self) -> Vec<Violation> {
        let mut out = Vec::new();
        let mut push = |field: Field, message: String| out.push(Violation { field, message });
        if let Some(problem) = id_problem(&self.id) {
            push(Field::Routine(Key::Id), problem);
        }
        if let Some(problem) = name_problem(&self.name) {
            push(Field::Routine(Key::Name), problem);
        }
        if let Some(problem) = text_problem(&self.summary) {
            push(Field::Routine(Key::Summary), problem);
        }
        if !STEP_COUNT.contains(&self.steps.len()) {
            push(
                Field::Routine(Key::Steps),
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
                push(Field::of_step(index + 1, field), message);
            }
            if let Some(first) = self.steps[..index].iter().position(|s| s.id == step.id) {
                push(
                    Field::of_step(index + 1, Key::Id),
                    format!(
                        "step {} already has the id \"{}\"; each step needs its own",
                        first + 1,
                        step.id
                    ),
                );
            }
        }
        out
    }
}

impl Routine {
    /// Stable identifier: lowercase letters, digits and dashes (1–64 characters).
    #[must_use]
    pub fn id(&self) -> &str {
        &self.0.id
    }

    /// Name shown on the home screen (1–80 characters).
    #[must_use]
    pub fn name(&self) -> &str {
        &self.0.name
    }

    /// One line saying what the routine is for (≤ 2,000 characters).
    #[must_use]
    pub fn summary(&self) -> &str {
        &self.0.summary
    }

    /// What the routine is mostly made of.
    #[must_use]
    pub fn category(&self) -> Category {
        self.0.category
    }

    /// The steps, in order (1–60, ids unique).
    #[must_use]
    pub fn steps(&self) -> &[Step] {
        &self.0.steps
    }

    /// The equipment the routine needs, each once, in the order steps first use it.
    #[must_use]
    pub fn equipment(&self) -> Vec<Equipment> {
        equipment_of(&self.0.steps)
    }

    /// The routine's values, to read or compare with a draft (a shared borrow cannot change
    /// them).
    #[must_use]
    pub fn as_draft(&self) -> &RoutineDraft {
        &self.0
    }

    /// A copy to change: edit it, then [`RoutineDraft::validate`] it again.
    #[must_use]
    pub fn to_draft(&self) -> RoutineDraft {
        self.0.clone()
    }

    /// This routine as a draft to change, without a copy.
    #[must_use]
    pub fn into_draft(self) -> RoutineDraft {
        self.0
    }
}

/// Every broken rule of one step, as (the step's field, message).
#[must_use]
pub fn step_problems(step: &Step) -> Vec<(Key, String)> {
    let mut out = Vec::new();
    if let Some(problem) = id_problem(&step.id) {
        out.push((Key::Id, problem));
    }
    if let Some(problem) = name_problem(&step.name) {
        out.push((Key::Name, problem));
    }
    if let Some(problem) = text_problem(&step.instructions) {
        out.push((Key::Instructions, problem));
    }
    if step.instructions.trim().is_empty() {
        out.push((Key::Instructions, "say what to do in this step".to_owned()));
    }
    if let Some(problem) = text_problem(&step.caution) {
        out.push((Key::Caution, problem));
    }
    match step.pattern {
        Pattern::Hold => {
            if let Some(problem) = hold_problem(step.rep_secs) {
                out.push((Key::HoldSeconds, problem));
            }
        }
        Pattern::Moves => {
            if let Some(problem) = tempo_problem(step.rep_secs) {
                out.push((Key::TempoSeconds, problem));
            }
        }
    }
    if let Some(problem) = reps_problem(step.reps) {
        out.push((Key::Reps, problem));
    }
    if let Some(problem) = rest_problem(step.rest_secs) {
        out.push((Key::RestSeconds, problem));
    } else if step.pattern == Pattern::Moves && step.rest_secs > 0 {
        out.push((
            Key::RestSeconds,
            "moves follow one another without a rest; set a rest only on held steps".to_owned(),
        ));
    }
    out
}

/// Why the seconds per movement of a moving step are not allowed, if they are not.
#[must_use]
pub fn tempo_problem(secs: u32) -> Option<String> {
    (!TEMPO_SECS.contains(&secs)).then(|| {
        format!(
            "one movement must take from {} to {} seconds (this one is {secs} s)",
            TEMPO_SECS.start(),
            TEMPO_SECS.end()
        )
    })
}

/// Any text as an id that passes [`id_problem`]: lowercase ASCII letters and digits, each run
/// of anything else as one dash, no dash at either end, at most 64 characters; `fallback` when
/// nothing is left.
#[must_use]
pub fn slug(text: &str, fallback: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.len() >= *ID_CHARS.end() {
            break;
        }
    }
    let trimmed = out.trim_end_matches('-');
    if trimmed.is_empty() {
        fallback.to_owned()
    } else {
        trimmed.to_owned()
    }
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
    if let Some((c, at)) =
        crate::core::plain_text::first_refused(name, crate::core::plain_text::is_unsafe)
    {
        return Some(format!(
            "a name must be a single line of plain text: character {at} is {}, which is not allowed",
            crate::core::plain_text::describe(c)
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
    let refused = |c| crate::core::plain_text::is_unsafe(c) && c != '\n' && c != '\t';
    if let Some((c, at)) = crate::core::plain_text::first_refused(text, refused) {
        return Some(format!(
            "character {at} of this text is {}, which is not allowed (line breaks and tabs are)",
            crate::core::plain_text::describe(c)
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

    /// A small valid held stretch for tests; its id is its name in lowercase with dashes.
    pub(crate) fn step(name: &str, hold: u32, reps: u32, per_side: bool) -> Step {
        Step {
            id: name
                .to_lowercase()
                .replace(|c: char| !c.is_ascii_alphanumeric(), "-"),
            technique: None,
            name: name.to_owned(),
            kind: StepKind::Stretch,
            pattern: Pattern::Hold,
            sides: if per_side { Sides::Each } else { Sides::None },
            instructions: "Do it gently.".to_owned(),
            caution: String::new(),
            rep_secs: hold,
            reps,
            rest_secs: 0,
            equipment: Equipment::None,
            position: Position::OnBack,
            importance: Importance::Normal,
        }
    }

    /// A valid moving step for tests: `reps` movements of `tempo` seconds.
    pub(crate) fn moves(name: &str, tempo: u32, reps: u32, sides: Sides) -> Step {
        Step {
            kind: StepKind::Mobility,
            pattern: Pattern::Moves,
            sides,
            ..step(name, tempo, reps, false)
        }
    }

    /// A draft made of the given steps, named so that only the steps can break a bound.
    pub(crate) fn draft(steps: Vec<Step>) -> RoutineDraft {
        RoutineDraft {
            id: "test".to_owned(),
            name: "Test".to_owned(),
            summary: "For tests.".to_owned(),
            category: Category::Stretch,
            steps,
        }
    }

    /// A valid routine made of the given steps (the test fails when they break a bound).
    pub(crate) fn routine(steps: Vec<Step>) -> Routine {
        valid(draft(steps))
    }

    /// The routine a draft describes (the test fails when it breaks a bound).
    pub(crate) fn valid(draft: RoutineDraft) -> Routine {
        match draft.validate() {
            Ok(routine) => routine,
            Err(invalid) => panic!("{invalid}"),
        }
    }

    #[test]
    fn a_valid_routine_has_no_violations() {
        assert_eq!(draft(vec![step("A", 20, 2, true)]).violations(), vec![]);
    }

    #[test]
    fn every_broken_bound_is_reported_with_its_field() {
        let mut bad = draft(vec![step("", 2, 31, false)]);
        bad.steps[0].id = "ok".to_owned();
        bad.id = "Bad Id".to_owned();
        bad.steps[0].rest_secs = 301;
        let fields: Vec<String> = bad
            .violations()
            .into_iter()
            .map(|v| v.field.to_string())
            .collect();
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
    fn only_a_draft_that_keeps_every_bound_becomes_a_routine() {
        let good = draft(vec![step("A", 20, 2, true)]);
        let routine = good.clone().validate().map_err(|e| e.to_string());
        assert_eq!(routine.as_ref().map(Routine::to_draft), Ok(good.clone()));
        assert_eq!(routine.as_ref().map(Routine::name), Ok("Test"));

        let mut bad = good;
        bad.steps[0].reps = 0;
        bad.name = String::new();
        let Err(invalid) = bad.clone().validate() else {
            panic!("a draft with no name and no repetitions was accepted");
        };
        // The draft comes back whole, with every problem, for the person to fix.
        assert_eq!(*invalid.draft, bad);
        assert_eq!(invalid.violations, bad.violations());
        assert_eq!(
            invalid.to_string(),
            "the routine is not valid (name: a name must be 1 to 80 characters long (this one \
             has 0); steps[1].reps: repetitions must be from 1 to 30 (this step has 0))"
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
    fn dose_ranges_widen_to_include_the_written_dose() {
        let a = step("A", 20, 2, false);
        assert_eq!(a.dose_range(), StepKind::Stretch.default_range());
        let b = step("B", 90, 6, false);
        assert_eq!(b.dose_range().secs, 10..=90);
        assert_eq!(b.dose_range().reps, 1..=6);
    }

    #[test]
    fn work_time_counts_rests_between_repetitions_but_not_across_the_switch() {
        let mut each = step("Each", 20, 2, true);
        each.rest_secs = 5;
        // Left: 20 + 5 + 20; right: the same.
        assert_eq!(each.work_secs(), 90);
        let mut alternate = each.clone();
        alternate.sides = Sides::Alternate;
        // L R L R with a rest between each: 4 × 20 + 3 × 5.
        assert_eq!(alternate.work_secs(), 95);
        assert_eq!(moves("Tilt", 4, 12, Sides::None).work_secs(), 48);
    }

    #[test]
    fn repetitions_say_what_each_side_gets_and_how_many_in_all() {
        assert_eq!(Sides::None.reps_words(8), "8");
        assert_eq!(Sides::Each.reps_words(3), "3 each side");
        assert_eq!(Sides::Alternate.reps_words(8), "8 each side (16 in all)");
        assert_eq!(step("Knee hug", 30, 3, false).dose_words(), "30 s × 3");
        assert_eq!(step("Knee hug", 60, 1, false).dose_words(), "60 s");
        assert_eq!(
            step("Knee hug", 30, 2, true).dose_words(),
            "30 s × 2 each side"
        );
        assert_eq!(moves("Tilt", 4, 12, Sides::None).dose_words(), "4 s × 12");
        assert_eq!(
            moves("Bird dog", 4, 8, Sides::Alternate).dose_words(),
            "4 s × 8 each side (16 in all), alternating"
        );
    }

    #[test]
    fn moves_have_a_tempo_and_no_rest_and_step_ids_are_unique() {
        let mut tilt = moves("Tilt", 1, 12, Sides::None);
        tilt.rest_secs = 3;
        let mut r = draft(vec![tilt, step("A", 20, 1, false), step("A", 20, 1, false)]);
        r.steps[0].id = "tilt".into();
        let fields: Vec<String> = r
            .violations()
            .into_iter()
            .map(|v| v.field.to_string())
            .collect();
        assert_eq!(
            fields,
            [
                "steps[1].tempo_seconds",
                "steps[1].rest_seconds",
                "steps[3].id"
            ]
        );
    }

    #[test]
    fn the_stretch_floor_applies_to_held_stretches_only() {
        assert_eq!(step("A", 5, 8, false).min_secs_per_side(), 30);
        assert_eq!(step("A", 5, 2, false).min_secs_per_side(), 10);
        assert_eq!(moves("M", 4, 12, Sides::None).min_secs_per_side(), 0);
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
}
