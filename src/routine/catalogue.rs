//! The technique catalogue: every stretch and self-massage technique from the content brief,
//! each as a ready [`Step`] with a dose, instructions and caution, so a person building a
//! routine from their physiotherapist's sheet can add a step with one click and only adjust
//! the numbers.
//!
//! Invariants (tested below): every technique's step is valid ([`step_problems`] is empty), its
//! hold lies within its kind's [`StepKind::dose_bounds`], and keys are unique. Self-massage never
//! goes on the spine itself: only on the muscles beside it. Like the rest of `routine`, this
//! module knows no screen.
//!
//! [`step_problems`]: super::model::step_problems

use super::model::{Equipment, Position, Step, StepKind};

/// The pressure rule and stop rule every self-massage caution ends with (content brief §5).
macro_rules! massage_stop {
    () => {
        "Press only until it is uncomfortable but you can still breathe and relax. Stop if you \
         feel numbness, tingling, or sharp or spreading pain."
    };
}

/// Where every stretch's dose and caution come from.
const STRETCH_SOURCE: &str = "Content brief §4 (Mayo Clinic, NHS, Chartered Society of Physiotherapy, Saint Luke's, Spine-health)";

/// One technique a routine may contain, described as constants so the catalogue is a `static`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Technique {
    /// Stable, unique key (lowercase letters and dashes).
    pub key: &'static str,
    /// The short name a step gets.
    pub name: &'static str,
    /// Stretch, self-massage or rest.
    pub kind: StepKind,
    /// Where it starts from.
    pub position: Position,
    /// What it needs.
    pub equipment: Equipment,
    /// Suggested hold, in seconds (within the kind's dose bounds).
    pub hold_secs: u32,
    /// Suggested repetitions per side.
    pub reps: u32,
    /// Suggested rest between repetitions, in seconds.
    pub rest_secs: u32,
    /// Whether it is done on the left, then on the right.
    pub per_side: bool,
    /// What to do: 1–3 short imperative sentences.
    pub instructions: &'static str,
    /// What to watch for.
    pub caution: &'static str,
    /// Where the dose and caution come from, and the dose range the source gives.
    pub source_note: &'static str,
}

impl Technique {
    /// A fresh step built from this technique, ready to add to a routine.
    #[must_use]
    pub fn step(&self) -> Step {
        Step {
            name: self.name.to_owned(),
            kind: self.kind,
            instructions: self.instructions.to_owned(),
            caution: self.caution.to_owned(),
            hold_secs: self.hold_secs,
            reps: self.reps,
            rest_secs: self.rest_secs,
            per_side: self.per_side,
            equipment: self.equipment,
            position: self.position,
        }
    }

    /// The suggested dose in a few words, e.g. "30 s × 3 · each side".
    #[must_use]
    pub fn dose_label(&self) -> String {
        dose_label(&self.step())
    }

    /// Whether every word of `filter` appears (ignoring case) in the name, key, kind, position
    /// or equipment. An empty filter matches everything.
    #[must_use]
    pub fn matches(&self, filter: &str) -> bool {
        let haystack = format!(
            "{} {} {} {} {}",
            self.name,
            self.key,
            self.kind.label(),
            self.position.label(),
            self.equipment.label()
        )
        .to_lowercase();
        filter
            .to_lowercase()
            .split_whitespace()
            .all(|word| haystack.contains(word))
    }
}

/// A step's dose in a few words: "30 s × 3 · each side", "60 s", "5 s × 8".
#[must_use]
pub fn dose_label(step: &Step) -> String {
    let mut out = format!("{} s", step.hold_secs);
    if step.reps > 1 {
        out.push_str(" × ");
        out.push_str(&step.reps.to_string());
    }
    if step.per_side {
        out.push_str(" · each side");
    }
    out
}

/// Every technique, stretches first (content brief §4), then self-massage (§5), then a rest.
#[must_use]
pub fn catalogue() -> &'static [Technique] {
    CATALOGUE
}

/// The technique with this key, if there is one.
#[must_use]
pub fn technique(key: &str) -> Option<&'static Technique> {
    CATALOGUE.iter().find(|t| t.key == key)
}

/// Every technique, stretches first (content brief §4), then self-massage (§5), then a rest.
pub static CATALOGUE: &[Technique] = &[
    // ---- Stretches: content brief §4 ----
    Technique {
        key: "single-knee-to-chest",
        name: "Single knee-to-chest",
        kind: StepKind::Stretch,
        position: Position::OnBack,
        equipment: Equipment::None,
        hold_secs: 20,
        reps: 3,
        rest_secs: 5,
        per_side: true,
        instructions: "Lie on your back with both knees bent. Hold one knee with both hands and \
            draw it slowly toward your chest. Let it down again between holds.",
        caution: "Draw the knee in gently, without yanking. Stop if anything starts in your leg.",
        source_note: STRETCH_SOURCE,
    },
    Technique {
        key: "double-knee-to-chest",
        name: "Double knee-to-chest",
        kind: StepKind::Stretch,
        position: Position::OnBack,
        equipment: Equipment::None,
        hold_secs: 20,
        reps: 3,
        rest_secs: 5,
        per_side: false,
        instructions: "Lie on your back with both knees bent. Lift one leg, then the other, and \
            hug both knees toward your chest. Lower one foot at a time between holds.",
        caution: "Lift and lower one leg at a time.",
        source_note: STRETCH_SOURCE,
    },
    Technique {
        key: "knee-rolls",
        name: "Knee rolls",
        kind: StepKind::Stretch,
        position: Position::OnBack,
        equipment: Equipment::None,
        hold_secs: 10,
        reps: 3,
        rest_secs: 3,
        per_side: true,
        instructions: "Lie on your back with your knees bent and together. Let both knees roll \
            to one side while your shoulders stay on the floor. Come back to the middle between \
            holds.",
        caution: "Roll only as far as is comfortable.",
        source_note: STRETCH_SOURCE,
    },
    Technique {
        key: "pelvic-tilt",
        name: "Pelvic tilt",
        kind: StepKind::Stretch,
        position: Position::OnBack,
        equipment: Equipment::None,
        hold_secs: 5,
        reps: 12,
        rest_secs: 0,
        per_side: false,
        instructions: "Lie on your back with your knees bent and feet flat. Press the small of \
            your back into the floor, then let it arch a little. Rock slowly between the two.",
        caution: "Keep your neck and feet relaxed.",
        source_note: STRETCH_SOURCE,
    },
    Technique {
        key: "glute-bridge",
        name: "Glute bridge",
        kind: StepKind::Stretch,
        position: Position::OnBack,
        equipment: Equipment::None,
        hold_secs: 12,
        reps: 8,
        rest_secs: 5,
        per_side: false,
        instructions: "Lie on your back with your knees bent and feet flat. Tighten your tummy \
            and lift your hips until shoulders, hips and knees form a line. Stay for three slow \
            breaths, then lower slowly.",
        caution: "Don't over-arch your low back at the top.",
        source_note: STRETCH_SOURCE,
    },
    Technique {
        key: "cat-cow",
        name: "Cat-cow",
        kind: StepKind::Stretch,
        position: Position::HandsAndKnees,
        equipment: Equipment::None,
        hold_secs: 6,
        reps: 8,
        rest_secs: 0,
        per_side: false,
        instructions: "Get onto your hands and knees. Round your back up toward the ceiling, then \
            let it sag gently. Move slowly between the two.",
        caution: "Pad your wrists and knees if they are sore. Keep the movement small if it hurts.",
        source_note: STRETCH_SOURCE,
    },
    Technique {
        key: "childs-pose",
        name: "Child's pose",
        kind: StepKind::Stretch,
        position: Position::HandsAndKnees,
        equipment: Equipment::None,
        hold_secs: 30,
        reps: 1,
        rest_secs: 0,
        per_side: false,
        instructions: "Start on your hands and knees. Sit your bottom back toward your heels and \
            let your arms stay stretched out in front. Breathe slowly.",
        caution: "If your knees hurt, don't sit all the way back.",
        source_note: STRETCH_SOURCE,
    },
    Technique {
        key: "sphinx",
        name: "Sphinx",
        kind: StepKind::Stretch,
        position: Position::OnFront,
        equipment: Equipment::None,
        hold_secs: 5,
        reps: 8,
        rest_secs: 3,
        per_side: false,
        instructions: "Lie on your front and rest on your forearms. Press up gently, keeping your \
            hips on the floor. Lower down between holds.",
        caution: "Keep your neck long; don't tip your head back. Leave this one out if it brings \
            on pain down your legs.",
        source_note: STRETCH_SOURCE,
    },
    Technique {
        key: "hamstring-strap",
        name: "Hamstring stretch with a strap",
        kind: StepKind::Stretch,
        position: Position::OnBack,
        equipment: Equipment::Strap,
        hold_secs: 30,
        reps: 2,
        rest_secs: 5,
        per_side: true,
        instructions: "Lie on your back with one knee bent and that foot flat. Loop a strap or \
            towel round the other foot and raise that leg, keeping it straight. Stop at a gentle \
            stretch and breathe.",
        caution: "Stop if you feel numbness or tingling down the leg.",
        source_note: STRETCH_SOURCE,
    },
    Technique {
        key: "piriformis-figure-4",
        name: "Piriformis figure-4",
        kind: StepKind::Stretch,
        position: Position::OnBack,
        equipment: Equipment::None,
        hold_secs: 30,
        reps: 3,
        rest_secs: 5,
        per_side: true,
        instructions: "Lie on your back with your knees bent. Rest one ankle on the opposite knee. \
            Lift the other foot and draw that thigh gently toward your chest.",
        caution: "Stop if you feel pinching, pain or numbness.",
        source_note: STRETCH_SOURCE,
    },
    Technique {
        key: "kneeling-hip-flexor",
        name: "Kneeling hip flexor",
        kind: StepKind::Stretch,
        position: Position::HalfKneeling,
        equipment: Equipment::None,
        hold_secs: 30,
        reps: 2,
        rest_secs: 5,
        per_side: true,
        instructions: "Kneel on one knee with the other foot flat in front of you. Tuck your pelvis \
            under, then shift your hips gently forward. Ease back between holds.",
        caution: "Pad the knee on the floor. Don't arch your low back.",
        source_note: STRETCH_SOURCE,
    },
    // ---- Self-massage: content brief §5 (30 s to 2 min per muscle group) ----
    Technique {
        key: "ball-wall-glutes",
        name: "Ball against a wall: glutes",
        kind: StepKind::SelfMassage,
        position: Position::AgainstWall,
        equipment: Equipment::Ball,
        hold_secs: 60,
        reps: 1,
        rest_secs: 0,
        per_side: true,
        instructions: "Stand with your back to a wall and a ball between the wall and one \
            buttock. Bend and straighten your knees slowly so the ball rolls over the muscle. \
            Pause on a tender spot for a few breaths.",
        caution: concat!("Keep the ball off bones and joints. ", massage_stop!()),
        source_note: "Content brief §5: roll an area 30–60 s; hold a tender spot 20–90 s",
    },
    Technique {
        key: "ball-floor-buttock",
        name: "Ball on the floor: under the buttock",
        kind: StepKind::SelfMassage,
        position: Position::Sitting,
        equipment: Equipment::Ball,
        hold_secs: 45,
        reps: 1,
        rest_secs: 0,
        per_side: true,
        instructions: "Sit on the floor with your hands behind you and a ball under one buttock. \
            Cross that ankle over the other knee. Lean gently onto the ball, keep still and \
            breathe.",
        caution: concat!("Move the ball if it sits on a bone. ", massage_stop!()),
        source_note: "Content brief §5: hold 30–60 s",
    },
    Technique {
        key: "ball-wall-low-back",
        name: "Ball against a wall: beside the low back",
        kind: StepKind::SelfMassage,
        position: Position::AgainstWall,
        equipment: Equipment::Ball,
        hold_secs: 45,
        reps: 1,
        rest_secs: 0,
        per_side: true,
        instructions: "Stand with your back to a wall. Place the ball on the muscle between your \
            lowest rib and the top of your pelvis, beside your spine. Lean in gently and move a \
            little up and down.",
        caution: concat!(
            "Keep the ball beside the spine, never on it, and off the ribs and the pelvis bone. ",
            massage_stop!()
        ),
        source_note: "Content brief §5: quadratus lumborum, beside (never on) the spine; 30 s to 2 min",
    },
    Technique {
        key: "ball-wall-upper-back",
        name: "Ball against a wall: beside the shoulder blade",
        kind: StepKind::SelfMassage,
        position: Position::AgainstWall,
        equipment: Equipment::Ball,
        hold_secs: 45,
        reps: 1,
        rest_secs: 0,
        per_side: true,
        instructions: "Stand with your back to a wall. Place the ball between one shoulder blade \
            and your spine. Bend your knees a little to roll it slowly up and down.",
        caution: concat!(
            "Keep the ball on the muscle, not on the spine or the shoulder blade's bony edge. ",
            massage_stop!()
        ),
        source_note: "Content brief §5: 30 s to 2 min per muscle group",
    },
    Technique {
        key: "roller-upper-back",
        name: "Foam roller: upper back",
        kind: StepKind::SelfMassage,
        position: Position::OnBack,
        equipment: Equipment::FoamRoller,
        hold_secs: 60,
        reps: 1,
        rest_secs: 0,
        per_side: false,
        instructions: "Lie back on the roller with it across your upper back and your knees bent. \
            Support your head with your hands. Push gently with your feet to roll slowly up and \
            down, stopping at the bottom of your ribs.",
        caution: concat!(
            "Keep your head supported. Stop at the bottom of your ribs: never roll onto your low \
             back. ",
            massage_stop!()
        ),
        source_note: "Content brief §5: thoracic spine, head supported, stop at the bottom of the ribs",
    },
    Technique {
        key: "roller-glutes",
        name: "Foam roller: glutes",
        kind: StepKind::SelfMassage,
        position: Position::Sitting,
        equipment: Equipment::FoamRoller,
        hold_secs: 45,
        reps: 1,
        rest_secs: 0,
        per_side: true,
        instructions: "Sit on the roller with your hands on the floor behind you. Cross one ankle \
            over the other knee and lean toward that side. Roll slowly over the buttock.",
        caution: concat!(
            "Stay off the bones of the pelvis and the hip joint. ",
            massage_stop!()
        ),
        source_note: "Content brief §5: roll an area 30–60 s",
    },
    Technique {
        key: "roller-hamstrings",
        name: "Foam roller: hamstrings",
        kind: StepKind::SelfMassage,
        position: Position::Sitting,
        equipment: Equipment::FoamRoller,
        hold_secs: 45,
        reps: 1,
        rest_secs: 0,
        per_side: true,
        instructions: "Sit with the roller under the back of one thigh and your hands on the floor \
            behind you. Roll slowly from just above the knee to just below the buttock.",
        caution: concat!(
            "Stay off the back of the knee and the sitting bone. ",
            massage_stop!()
        ),
        source_note: "Content brief §5: roll an area 30–60 s",
    },
    Technique {
        key: "roller-hip-front",
        name: "Foam roller: front of the hip and thigh",
        kind: StepKind::SelfMassage,
        position: Position::OnFront,
        equipment: Equipment::FoamRoller,
        hold_secs: 45,
        reps: 1,
        rest_secs: 0,
        per_side: true,
        instructions: "Lie face down on your forearms with the roller under the front of one \
            thigh. Roll slowly between just above the knee and the front of the hip.",
        caution: concat!("Stay off the kneecap and the hip bone. ", massage_stop!()),
        source_note: "Content brief §5: hip flexors and quads, face down; roll an area 30–60 s",
    },
    Technique {
        key: "stick-thigh",
        name: "Massage stick: thigh",
        kind: StepKind::SelfMassage,
        position: Position::Sitting,
        equipment: Equipment::MassageStick,
        hold_secs: 45,
        reps: 1,
        rest_secs: 0,
        per_side: true,
        instructions: "Sit with one leg out in front of you. Hold the stick in both hands and roll \
            it slowly along the front and sides of the thigh.",
        caution: concat!("Stay off the kneecap and the hip bone. ", massage_stop!()),
        source_note: "Content brief §5: massage stick, thighs; 30 s to 2 min",
    },
    Technique {
        key: "stick-calf",
        name: "Massage stick: calf",
        kind: StepKind::SelfMassage,
        position: Position::Sitting,
        equipment: Equipment::MassageStick,
        hold_secs: 45,
        reps: 1,
        rest_secs: 0,
        per_side: true,
        instructions: "Sit with one knee bent and that foot flat. Roll the stick slowly along the \
            back of the lower leg, between the knee and the ankle.",
        caution: concat!(
            "Stay off the back of the knee, the shin bone and the ankle. Ask a clinician first if \
             you have had a blood clot (DVT). ",
            massage_stop!()
        ),
        source_note: "Content brief §5: massage stick, calves; caution with DVT (Wilke et al. 2021)",
    },
    Technique {
        key: "hands-glutes",
        name: "Hands: knead the glutes",
        kind: StepKind::SelfMassage,
        position: Position::Standing,
        equipment: Equipment::Hands,
        hold_secs: 60,
        reps: 1,
        rest_secs: 0,
        per_side: false,
        instructions: "Stand with your feet hip-width apart and a hand on each buttock. Knead the \
            muscle slowly with your fingers and palms.",
        caution: massage_stop!(),
        source_note: "Content brief §5: hands, knead the glutes; 30 s to 2 min",
    },
    Technique {
        key: "knuckles-beside-spine",
        name: "Knuckles beside the spine",
        kind: StepKind::SelfMassage,
        position: Position::Standing,
        equipment: Equipment::Hands,
        hold_secs: 45,
        reps: 1,
        rest_secs: 0,
        per_side: false,
        instructions: "Make loose fists and rest your knuckles on the muscles either side of your \
            low back. Press lightly and make small, slow circles.",
        caution: concat!(
            "Stay on the muscles beside the spine, never on the spine itself. Press lightly. ",
            massage_stop!()
        ),
        source_note: "Content brief §5: knuckles lightly on the muscles beside the spine",
    },
    // ---- Rest ----
    Technique {
        key: "rest-and-breathe",
        name: "Rest and breathe",
        kind: StepKind::Rest,
        position: Position::OnBack,
        equipment: Equipment::None,
        hold_secs: 60,
        reps: 1,
        rest_secs: 0,
        per_side: false,
        instructions: "Lie on your back in whatever position is comfortable. Let your arms rest by \
            your sides. Breathe slowly and keep still.",
        caution: "",
        source_note: "A pause between steps; not from a table",
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::routine::model::step_problems;

    #[test]
    fn every_technique_is_a_valid_step() {
        for technique in catalogue() {
            assert_eq!(
                step_problems(&technique.step()),
                vec![],
                "{}",
                technique.key
            );
        }
    }

    #[test]
    fn every_hold_is_within_its_kinds_dose_bounds() {
        for technique in catalogue() {
            assert!(
                technique.kind.dose_bounds().contains(&technique.hold_secs),
                "{}: {} s",
                technique.key,
                technique.hold_secs
            );
        }
    }

    #[test]
    fn keys_are_unique_and_well_formed() {
        let mut keys: Vec<&str> = catalogue().iter().map(|t| t.key).collect();
        assert!(keys.iter().all(|k| {
            !k.is_empty()
                && k.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        }));
        keys.sort_unstable();
        let count = keys.len();
        keys.dedup();
        assert_eq!(keys.len(), count, "duplicate keys");
    }

    #[test]
    fn covers_every_stretch_and_self_massage_in_the_brief() {
        let of = |kind| catalogue().iter().filter(|t| t.kind == kind).count();
        assert!(catalogue().len() >= 20);
        assert_eq!(
            of(StepKind::Stretch),
            11,
            "content brief §4 has 11 stretches"
        );
        assert!(
            of(StepKind::SelfMassage) >= 9,
            "content brief §5 has 9 rows"
        );
        for key in [
            "single-knee-to-chest",
            "double-knee-to-chest",
            "knee-rolls",
            "pelvic-tilt",
            "glute-bridge",
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
        ] {
            assert!(technique(key).is_some(), "{key} missing");
        }
    }

    #[test]
    fn per_side_matches_the_brief() {
        let both_sides = [
            "single-knee-to-chest",
            "knee-rolls",
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
        ];
        for technique in catalogue() {
            assert_eq!(
                technique.per_side,
                both_sides.contains(&technique.key),
                "{}",
                technique.key
            );
        }
    }

    #[test]
    fn every_stretch_and_massage_has_instructions_of_one_to_three_sentences_and_a_caution() {
        for technique in catalogue() {
            let sentences = technique.instructions.matches(". ").count() + 1;
            assert!((1..=3).contains(&sentences), "{}", technique.key);
            assert!(technique.instructions.ends_with('.'), "{}", technique.key);
            assert!(!technique.instructions.contains("  "), "{}", technique.key);
            if technique.kind != StepKind::Rest {
                assert!(!technique.caution.is_empty(), "{}", technique.key);
            }
            assert!(!technique.caution.contains("  "), "{}", technique.key);
        }
    }

    #[test]
    fn self_massage_keeps_off_the_spine_and_carries_the_stop_rule() {
        for technique in catalogue()
            .iter()
            .filter(|t| t.kind == StepKind::SelfMassage)
        {
            assert!(
                technique
                    .caution
                    .contains("Stop if you feel numbness, tingling"),
                "{}",
                technique.key
            );
            let mentions_spine =
                technique.instructions.contains("spine") || technique.caution.contains("spine");
            if mentions_spine {
                let text = format!("{} {}", technique.instructions, technique.caution);
                assert!(
                    text.contains("beside") || text.contains("never") || text.contains("not on"),
                    "{} must keep off the spine",
                    technique.key
                );
            }
        }
    }

    #[test]
    fn dose_labels_read_naturally() {
        let figure_4 = technique("piriformis-figure-4").expect("listed");
        assert_eq!(figure_4.dose_label(), "30 s × 3 · each side");
        let roller = technique("roller-upper-back").expect("listed");
        assert_eq!(roller.dose_label(), "60 s");
    }

    #[test]
    fn filter_matches_every_word_ignoring_case() {
        let figure_4 = technique("piriformis-figure-4").expect("listed");
        assert!(figure_4.matches(""));
        assert!(figure_4.matches("PIRI"));
        assert!(figure_4.matches("figure back"));
        assert!(!figure_4.matches("figure ball"));
        let balls = catalogue().iter().filter(|t| t.matches("ball")).count();
        assert_eq!(balls, 4);
    }
}
