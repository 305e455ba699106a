//! The technique registry: every stretch, movement, strengthening exercise and self-massage
//! technique Unknot knows, each written once.
//!
//! A [`Technique`] has a stable id ([`TechniqueId`], spelled in routine files, history and clip
//! ids as its kebab-case key; its registry entry is [`TechniqueId::technique`]), the
//! words a physiotherapist's sheet or a person uses for it ([`Technique::aliases`]), what it is
//! ([`StepKind`], [`Pattern`], [`Sides`], position, equipment, body areas), a default dose, the
//! **effective dose range** from the sources (which fitting a routine to a length never leaves),
//! instructions, a caution and the sources themselves (keys into [`crate::core::content::SOURCES`]).
//! The built-in routines name techniques by key and set only the dose; the editor's catalogue
//! is this list.
//!
//! Invariants (tested below): keys are unique and well formed; every default dose lies inside
//! its range and makes a valid step; held stretches reach [`MIN_STRETCH_SECS_PER_SIDE`] at
//! their default; self-massage never goes on the spine itself, only beside it; every source
//! key exists. Like the rest of `routine`, this module knows no screen.
//!
//! [`MIN_STRETCH_SECS_PER_SIDE`]: super::model::MIN_STRETCH_SECS_PER_SIDE

use super::model::{DoseRange, Equipment, Importance, Pattern, Position, Sides, Step, StepKind};
pub use super::technique_id::{TechniqueId, TechniqueRef};

/// The part of the body a technique works on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BodyArea {
    /// The lower back.
    LowBack,
    /// The buttocks and hips.
    GlutesAndHips,
    /// The backs of the thighs.
    Hamstrings,
    /// The fronts of the hips.
    HipFlexors,
    /// The fronts and sides of the thighs.
    Thighs,
    /// The calves.
    Calves,
    /// Between the shoulder blades.
    UpperBack,
    /// The tummy muscles.
    Abdominals,
    /// The neck.
    Neck,
    /// The shoulders.
    Shoulders,
}

impl BodyArea {
    /// Every area.
    pub const ALL: [Self; 10] = [
        Self::LowBack,
        Self::GlutesAndHips,
        Self::Hamstrings,
        Self::HipFlexors,
        Self::Thighs,
        Self::Calves,
        Self::UpperBack,
        Self::Abdominals,
        Self::Neck,
        Self::Shoulders,
    ];

    /// The name a person reads.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::LowBack => "low back",
            Self::GlutesAndHips => "glutes and hips",
            Self::Hamstrings => "hamstrings",
            Self::HipFlexors => "hip flexors",
            Self::Thighs => "thighs",
            Self::Calves => "calves",
            Self::UpperBack => "upper back",
            Self::Abdominals => "tummy muscles",
            Self::Neck => "neck",
            Self::Shoulders => "shoulders",
        }
    }
}

/// A technique's default dose: what a step added from the catalogue starts with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dose {
    /// Seconds per repetition: the hold, or one movement.
    pub rep_secs: u32,
    /// Repetitions per side.
    pub reps: u32,
    /// Rest between held repetitions, in seconds.
    pub rest_secs: u32,
}

/// One technique, described as constants so the registry is a `static`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Technique {
    /// Which technique this is; its key is what files, history and clip ids spell.
    pub id: TechniqueId,
    /// The short name a step gets.
    pub name: &'static str,
    /// Everyday words for it: what a sheet or a person calls it, searched by the catalogue.
    pub aliases: &'static [&'static str],
    /// What kind of exercise it is.
    pub kind: StepKind,
    /// Held, or moving at a tempo.
    pub pattern: Pattern,
    /// Which sides, in what order.
    pub sides: Sides,
    /// Where it starts from.
    pub position: Position,
    /// What it needs.
    pub equipment: Equipment,
    /// What it works on.
    pub areas: &'static [BodyArea],
    /// The dose a new step starts with (inside [`Technique::range`]).
    pub dose: Dose,
    /// The effective dose range from the sources: fitting never leaves it.
    pub range: DoseRange,
    /// What to do: 1–3 short imperative sentences.
    pub instructions: &'static str,
    /// What to watch for.
    pub caution: &'static str,
    /// Where the dose, instructions and caution come from: keys into
    /// [`crate::core::content::SOURCES`].
    pub sources: &'static [&'static str],
}

impl Technique {
    /// A fresh step made from this technique, with the given id, ready to add to a routine.
    #[must_use]
    pub fn step(&self, id: &str) -> Step {
        Step {
            id: id.to_owned(),
            technique: Some(TechniqueRef::Known(self.id)),
            name: self.name.to_owned(),
            kind: self.kind,
            pattern: self.pattern,
            sides: self.sides,
            instructions: self.instructions.to_owned(),
            caution: self.caution.to_owned(),
            rep_secs: self.dose.rep_secs,
            reps: self.dose.reps,
            rest_secs: self.dose.rest_secs,
            equipment: self.equipment,
            position: self.position,
            importance: Importance::Normal,
        }
    }

    /// The default dose in a few words, as every screen says a dose ([`Step::dose_words`]).
    #[must_use]
    pub fn dose_label(&self) -> String {
        self.step(self.key()).dose_words()
    }

    /// The key routine files, history and clip ids spell it with.
    #[must_use]
    pub const fn key(&self) -> &'static str {
        self.id.key()
    }

    /// The effective range in a few words, e.g. "20–30 s × 2–3".
    #[must_use]
    pub fn range_label(&self) -> String {
        self.range.label(self.pattern)
    }

    /// How well `query` matches, or `None` when some word of it matches nothing: every word
    /// must appear (ignoring case) in the name, an alias, the key, the kind, the position, the
    /// equipment or a body area. Words found in the name or an alias score higher, so the
    /// technique a sheet's word means comes first. An empty query matches everything with 0.
    #[must_use]
    pub fn match_score(&self, query: &str) -> Option<u32> {
        let name = self.name.to_lowercase();
        let aliases: Vec<String> = self.aliases.iter().map(|a| a.to_lowercase()).collect();
        let mut other = format!(
            "{} {} {} {} {}",
            self.key(),
            self.kind.label(),
            self.pattern.label(),
            self.position.label(),
            self.equipment.label()
        );
        for area in self.areas {
            other.push(' ');
            other.push_str(area.label());
        }
        let other = other.to_lowercase();
        let mut score = 0;
        for word in query.to_lowercase().split_whitespace() {
            score += if name.contains(word) {
                3
            } else if aliases.iter().any(|a| a.contains(word)) {
                2
            } else if other.contains(word) {
                1
            } else {
                return None;
            };
        }
        Some(score)
    }
}

/// What a step knows of its technique. Here, beside the registry, so that the model
/// ([`super::model`]) never needs the registry: arrows run from the registry to the model only.
impl Step {
    /// The technique this step was made from, when this version knows its key.
    #[must_use]
    pub fn known_technique(&self) -> Option<&'static Technique> {
        self.technique_id().map(TechniqueId::technique)
    }

    /// The range fitting may move this step's dose within: its technique's effective range
    /// (or its kind's, for a person's own step), widened to include the values the step was
    /// written with, so a dose from a physiotherapist's sheet is never refused.
    #[must_use]
    pub fn dose_range(&self) -> DoseRange {
        let base = self.known_technique().map_or_else(
            || self.kind.default_range(),
            |technique| technique.range.clone(),
        );
        base.including(self.rep_secs, self.reps)
    }
}

/// Every technique, in the order the catalogue lists them.
#[must_use]
pub fn all() -> &'static [Technique] {
    REGISTRY
}

/// The technique with this key, if this version knows it.
#[must_use]
pub fn find(key: &str) -> Option<&'static Technique> {
    TechniqueId::from_key(key).map(TechniqueId::technique)
}

impl TechniqueId {
    /// This technique's entry in the registry.
    #[must_use]
    pub const fn technique(self) -> &'static Technique {
        // In bounds and the right entry: the registry lists every id once, in the order of
        // `TechniqueId::ALL` (checked when compiling, below).
        &REGISTRY[self as usize]
    }
}

// The registry has one entry per id, in the ids' order, so an id is its entry's index.
const _: () = {
    assert!(REGISTRY.len() == TechniqueId::ALL.len());
    let mut i = 0;
    while i < REGISTRY.len() {
        assert!(REGISTRY[i].id as usize == i && TechniqueId::ALL[i] as usize == i);
        i += 1;
    }
};

/// The techniques matching `query`, best match first (ties keep the registry's order).
#[must_use]
pub fn search(query: &str) -> Vec<&'static Technique> {
    let mut found: Vec<(u32, usize, &'static Technique)> = REGISTRY
        .iter()
        .enumerate()
        .filter_map(|(order, t)| t.match_score(query).map(|score| (score, order, t)))
        .collect();
    found.sort_by_key(|&(score, order, _)| (std::cmp::Reverse(score), order));
    found.into_iter().map(|(_, _, t)| t).collect()
}

/// What a session builder asks of the registry: each field left `None` allows anything. A
/// technique matches when it passes every field that is set.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Filter<'a> {
    /// Only these positions.
    pub positions: Option<&'a [Position]>,
    /// Nothing on the floor (see [`Position::is_on_the_floor`]): for a desk in work clothes.
    pub off_the_floor: bool,
    /// Only these kinds.
    pub kinds: Option<&'a [StepKind]>,
    /// Only this pattern.
    pub pattern: Option<Pattern>,
    /// What is at hand: a technique needing other equipment is left out
    /// ([`Equipment::None`] is always at hand).
    pub equipment: Option<&'a [Equipment]>,
    /// Only techniques that work at least one of these areas.
    pub areas: Option<&'a [BodyArea]>,
}

impl Filter<'_> {
    /// Whether `technique` passes every field that is set.
    #[must_use]
    pub fn allows(&self, technique: &Technique) -> bool {
        fn within<T: PartialEq + Copy>(list: Option<&[T]>, value: T) -> bool {
            list.is_none_or(|list| list.contains(&value))
        }
        within(self.positions, technique.position)
            && !(self.off_the_floor && technique.position.is_on_the_floor())
            && within(self.kinds, technique.kind)
            && self.pattern.is_none_or(|p| p == technique.pattern)
            && (technique.equipment == Equipment::None
                || within(self.equipment, technique.equipment))
            && self
                .areas
                .is_none_or(|areas| technique.areas.iter().any(|a| areas.contains(a)))
    }
}

/// Every technique the filter allows, in the registry's order.
#[must_use]
pub fn filtered(filter: &Filter<'_>) -> Vec<&'static Technique> {
    REGISTRY.iter().filter(|t| filter.allows(t)).collect()
}

/// The pressure rule and stop rule every self-massage caution ends with.
macro_rules! massage_stop {
    () => {
        "Press only until it is uncomfortable but you can still breathe and relax. Stop if you \
         feel numbness, tingling, or sharp or spreading pain."
    };
}

/// Where the stretches' positions, steps, doses and cautions come from.
const STRETCH_SOURCES: &[&str] = &[
    "mayo_clinic",
    "nhs_back_pain",
    "csp",
    "saint_lukes",
    "spine_health",
    "acsm",
];
/// Where the strengthening and motor-control exercises, their doses and cautions come from:
/// the curl-up, side bridge and bird-dog (the "big three") with short holds, and the reviews that
/// favour such exercise.
const STRENGTH_SOURCES: &[&str] = &["mcgill", "owen2020", "hayden2021"];

/// The rule every step on a chair ends with: a chair on wheels can roll away mid-stretch.
macro_rules! chair_rule {
    () => {
        "Use a chair that cannot roll: lock its wheels or use a fixed chair."
    };
}

/// Where the self-massage doses and cautions come from.
const MASSAGE_SOURCES: &[&str] = &["cheatham2018", "cheatham2019", "bartsch2021", "nccih"];

const fn range(
    secs: std::ops::RangeInclusive<u32>,
    reps: std::ops::RangeInclusive<u32>,
) -> DoseRange {
    DoseRange { secs, reps }
}

const fn dose(rep_secs: u32, reps: u32, rest_secs: u32) -> Dose {
    Dose {
        rep_secs,
        reps,
        rest_secs,
    }
}

use BodyArea::{
    Abdominals, Calves, GlutesAndHips, Hamstrings, HipFlexors, LowBack, Neck, Shoulders, Thighs,
    UpperBack,
};

/// Every technique: stretches, movements and strengthening first, then self-massage, then a rest.
/// One entry per [`TechniqueId`], in the same order.
const REGISTRY: &[Technique] = &[
    // ---- Stretches, movements and strengthening ----
    Technique {
        id: TechniqueId::SingleKneeToChest,
        name: "Single knee-to-chest",
        aliases: &[
            "knee hug",
            "knee to chest",
            "one knee to chest",
            "lower back stretch",
        ],
        kind: StepKind::Stretch,
        pattern: Pattern::Hold,
        sides: Sides::Each,
        position: Position::OnBack,
        equipment: Equipment::None,
        areas: &[LowBack, GlutesAndHips],
        dose: dose(20, 3, 5),
        range: range(5..=30, 2..=3),
        instructions: "Lie on your back with both knees bent. Hold one knee with both hands and \
            draw it slowly toward your chest. Let it down again between holds.",
        caution: "Draw the knee in gently, without yanking. Stop if anything starts in your leg.",
        sources: STRETCH_SOURCES,
    },
    Technique {
        id: TechniqueId::DoubleKneeToChest,
        name: "Double knee-to-chest",
        aliases: &["both knees to chest", "knee hug", "knees to chest"],
        kind: StepKind::Stretch,
        pattern: Pattern::Hold,
        sides: Sides::None,
        position: Position::OnBack,
        equipment: Equipment::None,
        areas: &[LowBack],
        dose: dose(20, 3, 5),
        range: range(5..=30, 2..=3),
        instructions: "Lie on your back with both knees bent. Lift one leg, then the other, and \
            hug both knees toward your chest. Lower one foot at a time between holds.",
        caution: "Lift and lower one leg at a time.",
        sources: STRETCH_SOURCES,
    },
    Technique {
        id: TechniqueId::KneeRolls,
        name: "Knee rolls",
        aliases: &[
            "supine twist",
            "lying twist",
            "rotation",
            "lower trunk rotation",
        ],
        kind: StepKind::Stretch,
        pattern: Pattern::Hold,
        sides: Sides::Each,
        position: Position::OnBack,
        equipment: Equipment::None,
        areas: &[LowBack, GlutesAndHips],
        dose: dose(10, 3, 3),
        range: range(5..=10, 2..=3),
        instructions: "Lie on your back with your knees bent and together. Let both knees roll \
            to one side while your shoulders stay on the floor. Come back to the middle between \
            holds.",
        caution: "Roll only as far as is comfortable.",
        sources: STRETCH_SOURCES,
    },
    Technique {
        id: TechniqueId::KneeRollsAlternating,
        name: "Knee rolls, side to side",
        aliases: &[
            "supine twist",
            "windscreen wipers",
            "rotation",
            "lower trunk rotation",
        ],
        kind: StepKind::Mobility,
        pattern: Pattern::Moves,
        sides: Sides::Alternate,
        position: Position::OnBack,
        equipment: Equipment::None,
        areas: &[LowBack, GlutesAndHips],
        dose: dose(4, 8, 0),
        range: range(4..=4, 8..=10),
        instructions: "Lie on your back with your knees bent and together. Roll both knees \
            slowly to one side and back to the middle, then to the other side, keeping your \
            shoulders on the floor.",
        caution: "Roll only as far as is comfortable.",
        sources: STRETCH_SOURCES,
    },
    Technique {
        id: TechniqueId::PelvicTilt,
        name: "Pelvic tilt",
        aliases: &["pelvic rock", "back flattening", "slow rocks", "tilt"],
        kind: StepKind::Mobility,
        pattern: Pattern::Moves,
        sides: Sides::None,
        position: Position::OnBack,
        equipment: Equipment::None,
        areas: &[LowBack, Abdominals],
        dose: dose(4, 12, 0),
        range: range(4..=4, 10..=15),
        instructions: "Lie on your back with your knees bent and feet flat. Press the small of \
            your back into the floor, then let it arch a little. Rock slowly between the two.",
        caution: "Keep your neck and feet relaxed.",
        sources: STRETCH_SOURCES,
    },
    Technique {
        id: TechniqueId::GluteBridge,
        name: "Glute bridge",
        aliases: &[
            "bridge",
            "bridging",
            "hip lift",
            "lift your bottom",
            "buttock lift",
            "bottom lifts",
        ],
        kind: StepKind::Strengthen,
        pattern: Pattern::Hold,
        sides: Sides::None,
        position: Position::OnBack,
        equipment: Equipment::None,
        areas: &[GlutesAndHips, LowBack],
        dose: dose(10, 8, 4),
        range: range(10..=15, 5..=30),
        instructions: "Lie on your back with your knees bent and feet flat. Brace your tummy and \
            lift your hips until shoulders, hips and knees form a line. Stay for three slow \
            breaths, then lower slowly.",
        caution: "Don't over-arch your low back at the top.",
        sources: STRETCH_SOURCES,
    },
    Technique {
        id: TechniqueId::AbdominalBrace,
        name: "Abdominal brace",
        aliases: &[
            "brace",
            "core",
            "tummy tightening",
            "abdominal hollowing",
            "stomach muscles",
        ],
        kind: StepKind::Strengthen,
        pattern: Pattern::Hold,
        sides: Sides::None,
        position: Position::OnBack,
        equipment: Equipment::None,
        areas: &[Abdominals, LowBack],
        dose: dose(10, 6, 4),
        range: range(10..=10, 5..=10),
        instructions: "Lie on your back with your knees bent and feet flat. Gently tighten your \
            tummy muscles, as if bracing for a light push, and keep breathing normally. Let go \
            slowly between holds.",
        caution: "Keep breathing throughout; don't hold your breath or press your back hard \
            into the floor.",
        sources: STRETCH_SOURCES,
    },
    Technique {
        id: TechniqueId::CurlUp,
        name: "Curl-up",
        aliases: &[
            "mcgill curl-up",
            "big three",
            "crunch",
            "head and shoulder lift",
            "core",
        ],
        kind: StepKind::Strengthen,
        pattern: Pattern::Hold,
        sides: Sides::None,
        position: Position::OnBack,
        equipment: Equipment::None,
        areas: &[Abdominals],
        dose: dose(8, 5, 3),
        range: range(7..=10, 1..=5),
        instructions: "Lie on your back with one knee bent and the other leg straight, and slide \
            your hands under the small of your back. Lift your head and shoulders a little off \
            the floor, as one piece, and hold while you breathe.",
        caution: "Keep your neck long and your chin off your chest. Your low back stays as it \
            is, resting on your hands: don't flatten it or curl it up.",
        sources: STRENGTH_SOURCES,
    },
    Technique {
        id: TechniqueId::SideBridge,
        name: "Side bridge, knees bent",
        aliases: &["side plank", "side bridge", "big three", "side hold"],
        kind: StepKind::Strengthen,
        pattern: Pattern::Hold,
        sides: Sides::Each,
        position: Position::OnSide,
        equipment: Equipment::None,
        areas: &[Abdominals, LowBack],
        dose: dose(8, 5, 3),
        range: range(7..=10, 1..=5),
        instructions: "Lie on your side propped on your forearm, elbow under your shoulder, knees \
            bent behind you. Lift your hips until your knees, hips and shoulders are in a line, \
            and hold while you breathe. Lower your hips between holds.",
        caution: "Stop if your shoulder hurts. Keep your hips from sagging or swinging back.",
        sources: STRENGTH_SOURCES,
    },
    Technique {
        id: TechniqueId::BirdDog,
        name: "Bird-dog",
        aliases: &[
            "bird dog",
            "quadruped arm and leg raise",
            "opposite arm and leg",
            "big three",
            "pointer",
        ],
        kind: StepKind::Strengthen,
        pattern: Pattern::Hold,
        sides: Sides::Alternate,
        position: Position::HandsAndKnees,
        equipment: Equipment::None,
        areas: &[LowBack, GlutesAndHips],
        dose: dose(8, 5, 2),
        range: range(7..=10, 4..=6),
        instructions: "Get onto your hands and knees with your back flat. Reach one arm forward \
            and the opposite leg back until both are level with your back, and hold. Lower them \
            and change to the other arm and leg.",
        caution: "Keep your back flat and your hips level: don't twist or let your back sag. \
            Pad your knees if they are sore.",
        sources: STRENGTH_SOURCES,
    },
    Technique {
        id: TechniqueId::DeadBug,
        name: "Dead bug",
        aliases: &[
            "deadbug",
            "opposite arm and leg lowering",
            "core",
            "lying arm and leg lower",
        ],
        kind: StepKind::Strengthen,
        pattern: Pattern::Moves,
        sides: Sides::Alternate,
        position: Position::OnBack,
        equipment: Equipment::None,
        areas: &[Abdominals],
        dose: dose(4, 6, 0),
        range: range(4..=4, 6..=10),
        instructions: "Lie on your back with your hips and knees bent at right angles and your \
            arms reaching up. Slowly lower one arm behind your head and straighten the opposite \
            leg toward the floor, then bring them back and change sides.",
        caution: "Keep your low back flat on the floor; lower only as far as it stays there. \
            Keep breathing.",
        sources: &["owen2020", "hayden2021"],
    },
    Technique {
        id: TechniqueId::CatCow,
        name: "Cat-cow",
        aliases: &[
            "cat camel",
            "back arch",
            "spine rounding",
            "rounding and arching",
        ],
        kind: StepKind::Mobility,
        pattern: Pattern::Moves,
        sides: Sides::None,
        position: Position::HandsAndKnees,
        equipment: Equipment::None,
        areas: &[LowBack, UpperBack],
        dose: dose(6, 8, 0),
        range: range(6..=6, 5..=10),
        instructions: "Get onto your hands and knees. Round your back up toward the ceiling, then \
            let it sag gently. Move slowly, one round and one sag each time.",
        caution: "Pad your wrists and knees if they are sore. Keep the movement small if it hurts.",
        sources: STRETCH_SOURCES,
    },
    Technique {
        id: TechniqueId::ChildsPose,
        name: "Child's pose",
        aliases: &[
            "bottom to heels",
            "sit back on your heels",
            "prayer stretch",
            "rest pose",
        ],
        kind: StepKind::Stretch,
        pattern: Pattern::Hold,
        sides: Sides::None,
        position: Position::HandsAndKnees,
        equipment: Equipment::None,
        areas: &[LowBack, GlutesAndHips],
        dose: dose(30, 1, 0),
        range: range(5..=30, 1..=10),
        instructions: "Start on your hands and knees. Sit your bottom back toward your heels and \
            let your arms stay stretched out in front. Breathe slowly.",
        caution: "If your knees hurt, don't sit all the way back.",
        sources: STRETCH_SOURCES,
    },
    Technique {
        id: TechniqueId::Sphinx,
        name: "Sphinx",
        aliases: &[
            "prone press-up",
            "press-up on forearms",
            "forearm press-up",
            "back extension",
            "prone extension",
        ],
        kind: StepKind::Stretch,
        pattern: Pattern::Hold,
        sides: Sides::None,
        position: Position::OnFront,
        equipment: Equipment::None,
        areas: &[LowBack],
        dose: dose(5, 8, 3),
        range: range(5..=10, 8..=10),
        instructions: "Lie on your front and rest on your forearms. Press up gently, keeping your \
            hips on the floor. Lower down between holds.",
        caution: "Keep your neck long; don't tip your head back. Leave this one out if it brings \
            on pain down your legs.",
        sources: STRETCH_SOURCES,
    },
    Technique {
        id: TechniqueId::HamstringStrap,
        name: "Hamstring stretch with a strap",
        aliases: &[
            "lying hamstring",
            "straight leg raise",
            "towel stretch",
            "back of thigh",
        ],
        kind: StepKind::Stretch,
        pattern: Pattern::Hold,
        sides: Sides::Each,
        position: Position::OnBack,
        equipment: Equipment::Strap,
        areas: &[Hamstrings],
        dose: dose(30, 2, 5),
        range: range(30..=60, 2..=3),
        instructions: "Lie on your back with one knee bent and that foot flat. Loop a strap or \
            towel round the other foot and raise that leg, keeping it straight. Stop at a gentle \
            stretch and breathe.",
        caution: "Stop if you feel numbness or tingling down the leg.",
        sources: STRETCH_SOURCES,
    },
    Technique {
        id: TechniqueId::PiriformisFigure4,
        name: "Piriformis figure-4",
        aliases: &[
            "figure four",
            "figure of four",
            "piriformis",
            "glute stretch",
            "buttock stretch",
        ],
        kind: StepKind::Stretch,
        pattern: Pattern::Hold,
        sides: Sides::Each,
        position: Position::OnBack,
        equipment: Equipment::None,
        areas: &[GlutesAndHips],
        dose: dose(30, 2, 5),
        range: range(20..=30, 2..=3),
        instructions: "Lie on your back with your knees bent. Rest one ankle on the opposite knee. \
            Lift the other foot and draw that thigh gently toward your chest.",
        caution: "Stop if you feel pinching, pain or numbness.",
        sources: STRETCH_SOURCES,
    },
    Technique {
        id: TechniqueId::KneelingHipFlexor,
        name: "Kneeling hip flexor",
        aliases: &[
            "half-kneeling stretch",
            "hip flexor stretch",
            "front of hip",
            "lunge stretch",
        ],
        kind: StepKind::Stretch,
        pattern: Pattern::Hold,
        sides: Sides::Each,
        position: Position::HalfKneeling,
        equipment: Equipment::None,
        areas: &[HipFlexors],
        dose: dose(30, 2, 5),
        range: range(20..=30, 2..=4),
        instructions: "Kneel on one knee with the other foot flat in front of you. Tuck your pelvis \
            under, then shift your hips gently forward. Ease back between holds.",
        caution: "Pad the knee on the floor. Don't arch your low back.",
        sources: STRETCH_SOURCES,
    },
    // ---- At a desk: on a chair or standing, nothing on the floor ----
    Technique {
        id: TechniqueId::SeatedSpinalTwist,
        name: "Seated spinal twist",
        aliases: &[
            "chair twist",
            "seated rotation",
            "desk twist",
            "turn in your chair",
        ],
        kind: StepKind::Stretch,
        pattern: Pattern::Hold,
        sides: Sides::Each,
        position: Position::OnChair,
        equipment: Equipment::None,
        areas: &[UpperBack, LowBack],
        dose: dose(15, 2, 3),
        range: range(10..=20, 2..=3),
        instructions: "Sit tall with your feet flat on the floor. Turn your chest toward one side \
            and hold the back of the chair with that hand, the other hand on the outside of your \
            knee. Come back to face forward between holds.",
        caution: concat!(
            "Turn only as far as is comfortable, without bouncing or pulling hard on the chair. ",
            chair_rule!()
        ),
        sources: &["ccohs", "bupa"],
    },
    Technique {
        id: TechniqueId::SeatedBackExtension,
        name: "Seated back extension",
        aliases: &[
            "seated back bend",
            "lean back in your chair",
            "sitting extension",
            "desk back stretch",
        ],
        kind: StepKind::Mobility,
        pattern: Pattern::Hold,
        sides: Sides::None,
        position: Position::OnChair,
        equipment: Equipment::None,
        areas: &[LowBack],
        dose: dose(5, 5, 3),
        range: range(5..=5, 5..=5),
        instructions: "Sit tall toward the front of the seat with your feet flat and your hands on \
            your low back, fingers pointing down. Lean back gently over your hands, then sit up \
            tall again between holds.",
        caution: concat!(
            "Lean back only a little and keep your neck long. Leave this one out if it brings \
             on pain down a leg. ",
            chair_rule!()
        ),
        sources: &["bupa", "nhs_inform"],
    },
    Technique {
        id: TechniqueId::StandingBackExtension,
        name: "Standing back extension",
        aliases: &[
            "standing back bend",
            "lean back",
            "standing extension",
            "backward bend",
        ],
        kind: StepKind::Mobility,
        pattern: Pattern::Hold,
        sides: Sides::None,
        position: Position::Standing,
        equipment: Equipment::None,
        areas: &[LowBack],
        dose: dose(5, 5, 3),
        range: range(5..=5, 5..=10),
        instructions: "Stand with your feet apart and your hands on your low back, fingers \
            pointing down. Lean back gently over your hands, keeping your knees straight, then \
            stand up tall again between holds.",
        caution: "Lean back only a little and keep your neck long. Leave this one out if it \
            brings on pain down a leg.",
        sources: &["ccohs", "nhs_inform"],
    },
    Technique {
        id: TechniqueId::SeatedCatCamel,
        name: "Seated cat-camel",
        aliases: &[
            "seated cat cow",
            "chair cat cow",
            "rounding and arching",
            "seated spine rolls",
        ],
        kind: StepKind::Mobility,
        pattern: Pattern::Moves,
        sides: Sides::None,
        position: Position::OnChair,
        equipment: Equipment::None,
        areas: &[LowBack, UpperBack],
        dose: dose(6, 8, 0),
        range: range(6..=6, 5..=10),
        instructions: "Sit with your feet flat and your hands on your knees. Round your back and \
            let your head drop a little, then lift your chest and sit tall. Move slowly between \
            the two.",
        caution: concat!("Keep the movement small if it hurts. ", chair_rule!()),
        sources: &["herworld"],
    },
    Technique {
        id: TechniqueId::SeatedHamstring,
        name: "Seated hamstring stretch",
        aliases: &[
            "chair hamstring",
            "back of thigh",
            "seated leg stretch",
            "heel on the floor",
        ],
        kind: StepKind::Stretch,
        pattern: Pattern::Hold,
        sides: Sides::Each,
        position: Position::OnChair,
        equipment: Equipment::None,
        areas: &[Hamstrings],
        dose: dose(30, 2, 5),
        range: range(30..=30, 2..=4),
        instructions: "Sit near the front edge of the seat with one leg straight out in front, \
            heel on the floor, and the other foot flat. Keep your back long and lean forward \
            from your hips until you feel a stretch behind the straight leg.",
        caution: concat!(
            "Lean from the hips without rounding your back or bouncing. Stop if you feel \
             numbness or tingling down the leg. ",
            chair_rule!()
        ),
        sources: &["hartford_healthcare"],
    },
    Technique {
        id: TechniqueId::SeatedFigure4,
        name: "Seated figure-4",
        aliases: &[
            "chair figure four",
            "seated piriformis",
            "ankle on knee",
            "seated glute stretch",
            "buttock stretch",
        ],
        kind: StepKind::Stretch,
        pattern: Pattern::Hold,
        sides: Sides::Each,
        position: Position::OnChair,
        equipment: Equipment::None,
        areas: &[GlutesAndHips],
        dose: dose(30, 2, 5),
        range: range(20..=30, 2..=2),
        instructions: "Sit tall with both feet flat, then rest one ankle on the opposite knee. \
            Keep your back long and lean forward from your hips until you feel a stretch in \
            that buttock.",
        caution: concat!(
            "Stop if you feel pinching, pain or numbness. ",
            chair_rule!()
        ),
        sources: &["mayo_clinic"],
    },
    Technique {
        id: TechniqueId::StandingHipFlexor,
        name: "Standing hip flexor stretch",
        aliases: &[
            "knee on a chair",
            "hip flexor stretch",
            "front of hip",
            "desk hip flexor",
        ],
        kind: StepKind::Stretch,
        pattern: Pattern::Hold,
        sides: Sides::Each,
        position: Position::Standing,
        equipment: Equipment::Chair,
        areas: &[HipFlexors],
        dose: dose(30, 2, 5),
        range: range(30..=30, 2..=2),
        instructions: "Stand with a steady chair behind you and rest one knee (or the top of that \
            foot) on its seat, holding the desk for balance. Tuck your pelvis under, then shift \
            your hips gently forward until you feel a stretch at the front of that hip.",
        caution: concat!(
            "Pad the knee on the seat. Don't arch your low back. ",
            chair_rule!()
        ),
        sources: &["active_living_physio"],
    },
    Technique {
        id: TechniqueId::ChinTuck,
        name: "Chin tuck",
        aliases: &[
            "chin glide",
            "neck retraction",
            "double chin",
            "neck stretch",
        ],
        kind: StepKind::Mobility,
        pattern: Pattern::Hold,
        sides: Sides::None,
        position: Position::OnChair,
        equipment: Equipment::None,
        areas: &[Neck],
        dose: dose(5, 5, 2),
        range: range(3..=5, 5..=10),
        instructions: "Sit tall and look straight ahead. Draw your chin straight back, keeping \
            your eyes level, as if making a double chin, then let go.",
        caution: concat!(
            "Glide the head back without tipping it up or down. ",
            chair_rule!()
        ),
        sources: &["ccohs"],
    },
    Technique {
        id: TechniqueId::ShoulderBladeSqueeze,
        name: "Shoulder-blade squeeze",
        aliases: &[
            "shoulder blade squeeze",
            "scapular squeeze",
            "squeeze shoulders back",
            "upper back",
        ],
        kind: StepKind::Mobility,
        pattern: Pattern::Hold,
        sides: Sides::None,
        position: Position::OnChair,
        equipment: Equipment::None,
        areas: &[UpperBack, Shoulders],
        dose: dose(5, 5, 2),
        range: range(5..=5, 5..=10),
        instructions: "Sit tall with your arms relaxed and elbows bent. Squeeze your shoulder \
            blades together and down, then let go.",
        caution: concat!(
            "Keep your shoulders away from your ears and keep breathing. ",
            chair_rule!()
        ),
        sources: &["ccohs", "ohcow"],
    },
    Technique {
        id: TechniqueId::ShoulderRolls,
        name: "Shoulder rolls",
        aliases: &[
            "shoulder shrugs",
            "shrug and roll",
            "roll your shoulders",
            "neck and shoulders",
        ],
        kind: StepKind::Mobility,
        pattern: Pattern::Moves,
        sides: Sides::None,
        position: Position::OnChair,
        equipment: Equipment::None,
        areas: &[Shoulders, UpperBack],
        dose: dose(4, 8, 0),
        range: range(4..=4, 5..=10),
        instructions: "Sit tall with your arms relaxed. Lift your shoulders toward your ears, \
            roll them back, and let them drop.",
        caution: concat!(
            "Move slowly, only as far as is comfortable. ",
            chair_rule!()
        ),
        sources: &["ccohs", "mayo_clinic"],
    },
    Technique {
        id: TechniqueId::DeskHipHinge,
        name: "Hip hinge at the desk",
        aliases: &[
            "hands on desk",
            "desk stretch",
            "standing forward bend",
            "back and hamstring stretch",
        ],
        kind: StepKind::Stretch,
        pattern: Pattern::Hold,
        sides: Sides::None,
        position: Position::Standing,
        equipment: Equipment::Desk,
        areas: &[UpperBack, LowBack, Hamstrings],
        dose: dose(20, 2, 5),
        range: range(15..=20, 2..=2),
        instructions: "Stand facing a steady desk with your hands on its edge. Walk your feet \
            back and push your hips back until your back is long and your arms are straight, \
            knees soft.",
        caution: "Keep your back long rather than rounded, and don't bounce. Make sure the desk \
            cannot slide.",
        sources: &["mayo_clinic"],
    },
    Technique {
        id: TechniqueId::StandingBrace,
        name: "Standing brace",
        aliases: &[
            "brace standing",
            "standing core",
            "core at the desk",
            "tummy brace at work",
        ],
        kind: StepKind::Strengthen,
        pattern: Pattern::Hold,
        sides: Sides::None,
        position: Position::Standing,
        equipment: Equipment::None,
        areas: &[Abdominals, LowBack],
        dose: dose(10, 6, 4),
        range: range(10..=10, 5..=10),
        instructions: "Stand tall, feet hip-width apart and knees soft, with your fingertips just \
            inside your hip bones. Gently tighten your tummy muscles, as if bracing for a light \
            push, and keep breathing normally. Let go slowly between holds.",
        caution: "Keep breathing throughout; don't hold your breath, lock your knees or lean \
            back.",
        sources: STRENGTH_SOURCES,
    },
    Technique {
        id: TechniqueId::StandingShoulderRolls,
        name: "Standing shoulder rolls",
        aliases: &[
            "shoulder rolls standing",
            "standing shrugs",
            "warm up standing",
            "roll your shoulders at the desk",
        ],
        kind: StepKind::Mobility,
        pattern: Pattern::Moves,
        sides: Sides::None,
        position: Position::Standing,
        equipment: Equipment::None,
        areas: &[Shoulders, UpperBack],
        dose: dose(4, 8, 0),
        range: range(4..=4, 5..=10),
        instructions: "Stand tall, feet hip-width apart, arms relaxed by your sides. Lift your \
            shoulders toward your ears, roll them back, and let them drop.",
        caution: "Move slowly, only as far as is comfortable, and keep breathing.",
        sources: &["ccohs", "mayo_clinic"],
    },
    // ---- Self-massage: 30 s to 2 min per muscle group ----
    Technique {
        id: TechniqueId::BallWallGlutes,
        name: "Ball against a wall: glutes",
        aliases: &[
            "tennis ball",
            "massage ball",
            "bottom",
            "buttock",
            "piriformis release",
            "trigger point",
        ],
        kind: StepKind::SelfMassage,
        pattern: Pattern::Hold,
        sides: Sides::Each,
        position: Position::AgainstWall,
        equipment: Equipment::Ball,
        areas: &[GlutesAndHips],
        dose: dose(60, 1, 0),
        range: range(30..=90, 1..=1),
        instructions: "Stand with your back to a wall and a ball between the wall and one \
            buttock. Bend and straighten your knees slowly so the ball rolls over the muscle. \
            Pause on a tender spot for a few breaths.",
        caution: concat!("Keep the ball off bones and joints. ", massage_stop!()),
        sources: MASSAGE_SOURCES,
    },
    Technique {
        id: TechniqueId::BallFloorButtock,
        name: "Ball on the floor: under the buttock",
        aliases: &[
            "tennis ball",
            "massage ball",
            "bottom",
            "sitting on a ball",
            "trigger point",
        ],
        kind: StepKind::SelfMassage,
        pattern: Pattern::Hold,
        sides: Sides::Each,
        position: Position::Sitting,
        equipment: Equipment::Ball,
        areas: &[GlutesAndHips],
        dose: dose(45, 1, 0),
        range: range(30..=60, 1..=1),
        instructions: "Sit on the floor with your hands behind you and a ball under one buttock. \
            Cross that ankle over the other knee. Lean gently onto the ball, keep still and \
            breathe.",
        caution: concat!("Move the ball if it sits on a bone. ", massage_stop!()),
        sources: MASSAGE_SOURCES,
    },
    Technique {
        id: TechniqueId::BallWallLowBack,
        name: "Ball against a wall: beside the low back",
        aliases: &[
            "tennis ball",
            "quadratus lumborum",
            "QL",
            "side of the low back",
        ],
        kind: StepKind::SelfMassage,
        pattern: Pattern::Hold,
        sides: Sides::Each,
        position: Position::AgainstWall,
        equipment: Equipment::Ball,
        areas: &[LowBack],
        dose: dose(45, 1, 0),
        range: range(30..=120, 1..=1),
        instructions: "Stand with your back to a wall. Place the ball on the muscle between your \
            lowest rib and the top of your pelvis, beside your spine. Lean in gently and move a \
            little up and down.",
        caution: concat!(
            "Keep the ball beside the spine, never on it, and off the ribs and the pelvis bone. ",
            massage_stop!()
        ),
        sources: MASSAGE_SOURCES,
    },
    Technique {
        id: TechniqueId::BallWallUpperBack,
        name: "Ball against a wall: beside the shoulder blade",
        aliases: &[
            "tennis ball",
            "between the shoulder blades",
            "rhomboids",
            "upper back knot",
        ],
        kind: StepKind::SelfMassage,
        pattern: Pattern::Hold,
        sides: Sides::Each,
        position: Position::AgainstWall,
        equipment: Equipment::Ball,
        areas: &[UpperBack],
        dose: dose(45, 1, 0),
        range: range(30..=120, 1..=1),
        instructions: "Stand with your back to a wall. Place the ball between one shoulder blade \
            and your spine. Bend your knees a little to roll it slowly up and down.",
        caution: concat!(
            "Keep the ball on the muscle, not on the spine or the shoulder blade's bony edge. ",
            massage_stop!()
        ),
        sources: MASSAGE_SOURCES,
    },
    Technique {
        id: TechniqueId::RollerUpperBack,
        name: "Foam roller: upper back",
        aliases: &["thoracic", "mid back", "foam rolling", "thoracic extension"],
        kind: StepKind::SelfMassage,
        pattern: Pattern::Hold,
        sides: Sides::None,
        position: Position::OnBack,
        equipment: Equipment::FoamRoller,
        areas: &[UpperBack],
        dose: dose(60, 1, 0),
        range: range(30..=60, 1..=1),
        instructions: "Lie back on the roller with it across your upper back and your knees bent. \
            Support your head with your hands. Push gently with your feet to roll slowly up and \
            down, stopping at the bottom of your ribs.",
        caution: concat!(
            "Keep your head supported. Stop at the bottom of your ribs: never roll onto your low \
             back. ",
            massage_stop!()
        ),
        sources: MASSAGE_SOURCES,
    },
    Technique {
        id: TechniqueId::RollerGlutes,
        name: "Foam roller: glutes",
        aliases: &["foam rolling", "bottom", "buttock", "piriformis"],
        kind: StepKind::SelfMassage,
        pattern: Pattern::Hold,
        sides: Sides::Each,
        position: Position::Sitting,
        equipment: Equipment::FoamRoller,
        areas: &[GlutesAndHips],
        dose: dose(45, 1, 0),
        range: range(30..=60, 1..=1),
        instructions: "Sit on the roller with your hands on the floor behind you. Cross one ankle \
            over the other knee and lean toward that side. Roll slowly over the buttock.",
        caution: concat!(
            "Stay off the bones of the pelvis and the hip joint. ",
            massage_stop!()
        ),
        sources: MASSAGE_SOURCES,
    },
    Technique {
        id: TechniqueId::RollerHamstrings,
        name: "Foam roller: hamstrings",
        aliases: &["foam rolling", "back of thigh"],
        kind: StepKind::SelfMassage,
        pattern: Pattern::Hold,
        sides: Sides::Each,
        position: Position::Sitting,
        equipment: Equipment::FoamRoller,
        areas: &[Hamstrings],
        dose: dose(45, 1, 0),
        range: range(30..=60, 1..=1),
        instructions: "Sit with the roller under the back of one thigh and your hands on the floor \
            behind you. Roll slowly from just above the knee to just below the buttock.",
        caution: concat!(
            "Stay off the back of the knee and the sitting bone. ",
            massage_stop!()
        ),
        sources: MASSAGE_SOURCES,
    },
    Technique {
        id: TechniqueId::RollerHipFront,
        name: "Foam roller: front of the hip and thigh",
        aliases: &[
            "foam rolling",
            "quads",
            "quadriceps",
            "hip flexors",
            "face down",
        ],
        kind: StepKind::SelfMassage,
        pattern: Pattern::Hold,
        sides: Sides::Each,
        position: Position::OnFront,
        equipment: Equipment::FoamRoller,
        areas: &[HipFlexors, Thighs],
        dose: dose(45, 1, 0),
        range: range(30..=60, 1..=1),
        instructions: "Lie face down on your forearms with the roller under the front of one \
            thigh. Roll slowly between just above the knee and the front of the hip.",
        caution: concat!("Stay off the kneecap and the hip bone. ", massage_stop!()),
        sources: MASSAGE_SOURCES,
    },
    Technique {
        id: TechniqueId::StickThigh,
        name: "Massage stick: thigh",
        aliases: &["roller stick", "quads", "thigh massage"],
        kind: StepKind::SelfMassage,
        pattern: Pattern::Hold,
        sides: Sides::Each,
        position: Position::Sitting,
        equipment: Equipment::MassageStick,
        areas: &[Thighs],
        dose: dose(45, 1, 0),
        range: range(30..=120, 1..=1),
        instructions: "Sit with one leg out in front of you. Hold the stick in both hands and roll \
            it slowly along the front and sides of the thigh.",
        caution: concat!("Stay off the kneecap and the hip bone. ", massage_stop!()),
        sources: MASSAGE_SOURCES,
    },
    Technique {
        id: TechniqueId::StickCalf,
        name: "Massage stick: calf",
        aliases: &["roller stick", "lower leg", "calf massage"],
        kind: StepKind::SelfMassage,
        pattern: Pattern::Hold,
        sides: Sides::Each,
        position: Position::Sitting,
        equipment: Equipment::MassageStick,
        areas: &[Calves],
        dose: dose(45, 1, 0),
        range: range(30..=120, 1..=1),
        instructions: "Sit with one knee bent and that foot flat. Roll the stick slowly along the \
            back of the lower leg, between the knee and the ankle.",
        caution: concat!(
            "Stay off the back of the knee, the shin bone and the ankle. Ask a clinician first if \
             you have had a blood clot (DVT). ",
            massage_stop!()
        ),
        sources: MASSAGE_SOURCES,
    },
    Technique {
        id: TechniqueId::HandsGlutes,
        name: "Hands: knead the glutes",
        aliases: &["kneading", "bottom", "buttock", "self massage with hands"],
        kind: StepKind::SelfMassage,
        pattern: Pattern::Hold,
        sides: Sides::None,
        position: Position::Standing,
        equipment: Equipment::Hands,
        areas: &[GlutesAndHips],
        dose: dose(60, 1, 0),
        range: range(30..=120, 1..=1),
        instructions: "Stand with your feet hip-width apart and a hand on each buttock. Knead the \
            muscle slowly with your fingers and palms.",
        caution: massage_stop!(),
        sources: MASSAGE_SOURCES,
    },
    Technique {
        id: TechniqueId::KnucklesBesideSpine,
        name: "Knuckles beside the spine",
        aliases: &["knuckle massage", "low back rub", "self massage with hands"],
        kind: StepKind::SelfMassage,
        pattern: Pattern::Hold,
        sides: Sides::None,
        position: Position::Standing,
        equipment: Equipment::Hands,
        areas: &[LowBack],
        dose: dose(45, 1, 0),
        range: range(30..=120, 1..=1),
        instructions: "Make loose fists and rest your knuckles on the muscles either side of your \
            low back. Press lightly and make small, slow circles.",
        caution: concat!(
            "Stay on the muscles beside the spine, never on the spine itself. Press lightly. ",
            massage_stop!()
        ),
        sources: MASSAGE_SOURCES,
    },
    // ---- Rest ----
    Technique {
        id: TechniqueId::RestAndBreathe,
        name: "Rest and breathe",
        aliases: &["relax", "breathing", "pause", "lie still"],
        kind: StepKind::Rest,
        pattern: Pattern::Hold,
        sides: Sides::None,
        position: Position::OnBack,
        equipment: Equipment::None,
        areas: &[],
        dose: dose(60, 1, 0),
        range: range(30..=120, 1..=1),
        instructions: "Lie on your back in whatever position is comfortable. Let your arms rest by \
            your sides. Breathe slowly and keep still.",
        caution: "",
        // A pause between steps: nothing to cite.
        sources: &[],
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::routine::model::{MIN_STRETCH_SECS_PER_SIDE, step_problems};

    #[test]
    fn keys_are_unique_and_well_formed() {
        let mut keys: Vec<&str> = all().iter().map(Technique::key).collect();
        assert!(
            keys.iter()
                .all(|k| crate::core::routine::model::id_problem(k).is_none())
        );
        keys.sort_unstable();
        let count = keys.len();
        keys.dedup();
        assert_eq!(keys.len(), count, "duplicate keys");
    }

    #[test]
    fn every_default_dose_is_a_valid_step_inside_its_range() {
        for t in all() {
            let step = t.step(t.key());
            assert_eq!(step_problems(&step), vec![], "{}", t.key());
            assert!(t.range.secs.contains(&t.dose.rep_secs), "{}", t.key());
            assert!(t.range.reps.contains(&t.dose.reps), "{}", t.key());
            assert!(
                t.pattern.secs_bounds().contains(t.range.secs.start()),
                "{}",
                t.key()
            );
            assert!(
                t.pattern.secs_bounds().contains(t.range.secs.end()),
                "{}",
                t.key()
            );
            assert_eq!(
                step.dose_range(),
                t.range,
                "{}: the range is its own",
                t.key()
            );
            if t.pattern == Pattern::Moves {
                assert_eq!(t.dose.rest_secs, 0, "{}", t.key());
                assert_eq!(
                    t.range.secs.start(),
                    t.range.secs.end(),
                    "{}: a tempo is fixed",
                    t.key()
                );
            }
            if t.kind == StepKind::Stretch {
                assert!(
                    t.dose.reps * t.dose.rep_secs >= MIN_STRETCH_SECS_PER_SIDE,
                    "{}: {} s under stretch",
                    t.key(),
                    t.dose.reps * t.dose.rep_secs
                );
                // The floor can always be met inside the range.
                assert!(t.range.reps.end() * t.range.secs.end() >= MIN_STRETCH_SECS_PER_SIDE);
            }
        }
    }

    #[test]
    fn covers_every_technique_in_the_brief_and_the_missing_ones() {
        for key in [
            "single-knee-to-chest",
            "double-knee-to-chest",
            "knee-rolls",
            "knee-rolls-alternating",
            "pelvic-tilt",
            "glute-bridge",
            "abdominal-brace",
            "cat-cow",
            "childs-pose",
            "sphinx",
            "hamstring-strap",
            "piriformis-figure-4",
            "kneeling-hip-flexor",
            "ball-wall-glutes",
            "ball-floor-buttock",
            "ball-wall-low-back",
            "ball-wall-upper-back",
            "roller-upper-back",
            "roller-glutes",
            "roller-hamstrings",
            "roller-hip-front",
            "stick-thigh",
            "stick-calf",
            "hands-glutes",
            "knuckles-beside-spine",
            "seated-spinal-twist",
            "seated-back-extension",
            "standing-back-extension",
            "seated-cat-camel",
            "seated-hamstring",
            "seated-figure-4",
            "standing-hip-flexor",
            "chin-tuck",
            "shoulder-blade-squeeze",
            "shoulder-rolls",
            "desk-hip-hinge",
            "curl-up",
            "side-bridge",
            "bird-dog",
            "dead-bug",
        ] {
            assert!(find(key).is_some(), "{key} missing");
        }
        let strengthen = |key| find(key).map(|t| t.kind);
        assert_eq!(strengthen("glute-bridge"), Some(StepKind::Strengthen));
        assert_eq!(strengthen("abdominal-brace"), Some(StepKind::Strengthen));
        let rolls = find("knee-rolls-alternating").map(|t| (t.pattern, t.sides));
        assert_eq!(rolls, Some((Pattern::Moves, Sides::Alternate)));
    }

    #[test]
    fn sides_match_the_brief() {
        let one_sided = [
            "single-knee-to-chest",
            "knee-rolls",
            "knee-rolls-alternating",
            "hamstring-strap",
            "piriformis-figure-4",
            "kneeling-hip-flexor",
            "ball-wall-glutes",
            "ball-floor-buttock",
            "ball-wall-low-back",
            "ball-wall-upper-back",
            "roller-glutes",
            "roller-hamstrings",
            "roller-hip-front",
            "stick-thigh",
            "stick-calf",
            "side-bridge",
            "bird-dog",
            "dead-bug",
            "seated-spinal-twist",
            "seated-hamstring",
            "seated-figure-4",
            "standing-hip-flexor",
        ];
        for t in all() {
            assert_eq!(
                t.sides != Sides::None,
                one_sided.contains(&t.key()),
                "{}",
                t.key()
            );
        }
    }

    #[test]
    fn ranges_follow_the_brief() {
        let of = |key| find(key).map(|t| (t.range.secs.clone(), t.range.reps.clone()));
        assert_eq!(of("single-knee-to-chest"), Some((5..=30, 2..=3)));
        assert_eq!(of("sphinx"), Some((5..=10, 8..=10)));
        assert_eq!(of("hamstring-strap"), Some((30..=60, 2..=3)));
        assert_eq!(of("piriformis-figure-4"), Some((20..=30, 2..=3)));
        assert_eq!(of("pelvic-tilt").map(|r| r.1), Some(10..=15));
        assert_eq!(of("cat-cow").map(|r| r.1), Some(5..=10));
        assert_eq!(of("glute-bridge").map(|r| r.1), Some(5..=30));
        // At a desk (content brief §8).
        assert_eq!(of("seated-spinal-twist"), Some((10..=20, 2..=3)));
        assert_eq!(of("seated-back-extension"), Some((5..=5, 5..=5)));
        assert_eq!(of("standing-back-extension"), Some((5..=5, 5..=10)));
        assert_eq!(of("seated-cat-camel").map(|r| r.1), Some(5..=10));
        assert_eq!(of("seated-hamstring"), Some((30..=30, 2..=4)));
        assert_eq!(of("seated-figure-4"), Some((20..=30, 2..=2)));
        assert_eq!(of("standing-hip-flexor"), Some((30..=30, 2..=2)));
        assert_eq!(of("chin-tuck"), Some((3..=5, 5..=10)));
        assert_eq!(of("shoulder-blade-squeeze"), Some((5..=5, 5..=10)));
        assert_eq!(of("shoulder-rolls").map(|r| r.1), Some(5..=10));
        assert_eq!(of("desk-hip-hinge"), Some((15..=20, 2..=2)));
        // Strength and motor control (§9): short holds, a pyramid of repetitions.
        assert_eq!(of("curl-up"), Some((7..=10, 1..=5)));
        assert_eq!(of("side-bridge"), Some((7..=10, 1..=5)));
        assert_eq!(of("bird-dog"), Some((7..=10, 4..=6)));
        assert_eq!(of("dead-bug").map(|r| r.1), Some(6..=10));
        assert_eq!(of("abdominal-brace"), Some((10..=10, 5..=10)));
        for t in all().iter().filter(|t| t.kind == StepKind::SelfMassage) {
            assert!(
                *t.range.secs.start() >= 30 && *t.range.secs.end() <= 120,
                "{}",
                t.key()
            );
        }
    }

    #[test]
    fn every_technique_cites_real_sources_and_no_internal_document() {
        for t in all() {
            if t.kind != StepKind::Rest {
                assert!(!t.sources.is_empty(), "{}", t.key());
            }
            for key in t.sources {
                assert!(
                    crate::core::content::source(key).is_some(),
                    "{}: unknown source {key}",
                    t.key()
                );
            }
            let text = format!("{} {} {}", t.name, t.instructions, t.caution).to_lowercase();
            assert!(!text.contains("brief"), "{}", t.key());
        }
    }

    #[test]
    fn every_text_is_one_to_three_plain_sentences() {
        for t in all() {
            let sentences = t.instructions.matches(". ").count() + 1;
            assert!((1..=3).contains(&sentences), "{}", t.key());
            assert!(t.instructions.ends_with('.'), "{}", t.key());
            assert!(
                !t.instructions.contains("  ") && !t.caution.contains("  "),
                "{}",
                t.key()
            );
            if t.kind != StepKind::Rest {
                assert!(!t.caution.is_empty(), "{}", t.key());
            }
        }
    }

    #[test]
    fn self_massage_keeps_off_the_spine_and_carries_the_stop_rule() {
        for t in all().iter().filter(|t| t.kind == StepKind::SelfMassage) {
            assert!(
                t.caution.contains("Stop if you feel numbness, tingling"),
                "{}",
                t.key()
            );
            let text = format!("{} {}", t.instructions, t.caution);
            if text.contains("spine") {
                assert!(
                    text.contains("beside") || text.contains("never") || text.contains("not on"),
                    "{} must keep off the spine",
                    t.key()
                );
            }
        }
    }

    #[test]
    fn the_words_sheets_use_find_the_right_technique_first() {
        for (word, key) in [
            ("heels", "childs-pose"),
            ("bottom", "glute-bridge"),
            ("prone extension", "sphinx"),
            ("chin", "chin-tuck"),
            ("desk twist", "seated-spinal-twist"),
            ("side plank", "side-bridge"),
            ("big three", "curl-up"),
            ("forearm", "sphinx"),
            ("brace", "abdominal-brace"),
            ("abdominal", "abdominal-brace"),
            ("core", "abdominal-brace"),
            ("figure four", "piriformis-figure-4"),
            ("bridge", "glute-bridge"),
            ("tennis ball wall glutes", "ball-wall-glutes"),
        ] {
            let found = search(word);
            assert_eq!(found.first().map(|t| t.key()), Some(key), "{word}");
        }
        let extensions: Vec<&str> = search("extension").iter().map(|t| t.key()).collect();
        for key in ["sphinx", "seated-back-extension", "standing-back-extension"] {
            assert!(extensions.contains(&key), "{key}");
        }
        let bottoms: Vec<&str> = search("bottom").iter().map(|t| t.key()).collect();
        assert!(bottoms.contains(&"childs-pose") && bottoms.contains(&"hands-glutes"));
        assert_eq!(search("").len(), all().len());
        assert!(search("figure ball").is_empty());
    }

    #[test]
    fn the_registry_answers_where_what_and_with_what() {
        let at_desk = filtered(&Filter {
            off_the_floor: true,
            equipment: Some(&[Equipment::Chair, Equipment::Desk]),
            kinds: Some(&[StepKind::Stretch, StepKind::Mobility, StepKind::Strengthen]),
            ..Filter::default()
        });
        let keys: Vec<&str> = at_desk.iter().map(|t| t.key()).collect();
        for key in [
            "seated-spinal-twist",
            "seated-back-extension",
            "standing-back-extension",
            "seated-cat-camel",
            "seated-hamstring",
            "seated-figure-4",
            "standing-hip-flexor",
            "chin-tuck",
            "shoulder-blade-squeeze",
            "shoulder-rolls",
            "desk-hip-hinge",
        ] {
            assert!(keys.contains(&key), "{key} missing from {keys:?}");
        }
        assert!(at_desk.iter().all(|t| !t.position.is_on_the_floor()));
        // Without a desk, the hinge is left out; a chair alone still allows the hip flexor.
        let chair_only = filtered(&Filter {
            off_the_floor: true,
            equipment: Some(&[Equipment::Chair]),
            ..Filter::default()
        });
        assert!(chair_only.iter().all(|t| t.id != TechniqueId::DeskHipHinge));
        assert!(
            chair_only
                .iter()
                .any(|t| t.id == TechniqueId::StandingHipFlexor)
        );
        let strength = filtered(&Filter {
            kinds: Some(&[StepKind::Strengthen]),
            pattern: Some(Pattern::Hold),
            areas: Some(&[BodyArea::Abdominals]),
            ..Filter::default()
        });
        let keys: Vec<&str> = strength.iter().map(|t| t.key()).collect();
        assert_eq!(
            keys,
            [
                "abdominal-brace",
                "curl-up",
                "side-bridge",
                "standing-brace"
            ],
            "held strength for the tummy"
        );
        let on_chair = filtered(&Filter {
            positions: Some(&[Position::OnChair]),
            ..Filter::default()
        });
        assert!(on_chair.len() >= 7 && on_chair.iter().all(|t| t.position == Position::OnChair));
        assert_eq!(filtered(&Filter::default()).len(), all().len());
    }

    #[test]
    fn every_step_at_a_desk_keeps_the_chair_from_rolling_and_nothing_is_on_the_floor() {
        for t in all() {
            if t.position == Position::OnChair || t.equipment == Equipment::Chair {
                assert!(
                    t.caution.contains("chair that cannot roll"),
                    "{}: {}",
                    t.key(),
                    t.caution
                );
            }
        }
        let floor = [
            Position::OnBack,
            Position::OnFront,
            Position::OnSide,
            Position::HandsAndKnees,
            Position::HalfKneeling,
            Position::Sitting,
        ];
        for position in Position::ALL {
            assert_eq!(
                position.is_on_the_floor(),
                floor.contains(&position),
                "{position:?}"
            );
        }
    }

    #[test]
    fn dose_labels_read_naturally() {
        let label = |key| find(key).map(Technique::dose_label);
        assert_eq!(
            label("piriformis-figure-4").as_deref(),
            Some("30 s × 2 each side")
        );
        assert_eq!(label("roller-upper-back").as_deref(), Some("60 s"));
        assert_eq!(label("pelvic-tilt").as_deref(), Some("4 s × 12"));
        assert_eq!(
            label("knee-rolls-alternating").as_deref(),
            Some("4 s × 8 each side (16 in all), alternating")
        );
        let range = |key| find(key).map(Technique::range_label);
        assert_eq!(range("sphinx").as_deref(), Some("5–10 s × 8–10"));
        assert_eq!(range("cat-cow").as_deref(), Some("5–10 × 6 s"));
    }
}
