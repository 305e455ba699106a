//! The built-in routines, embedded in the binary from `assets/routines/`.
//!
//! Each file is written in the documented routine file format and parsed at start-up like any
//! other routine file; the tests below guarantee that every one of them parses, follows the
//! content brief's doses, and never targets the lumbar spine itself.

use super::routine_file::parse_routine;
use crate::core::routine::{Place, Routine};

/// The embedded files, in the order the home screen lists them within a category, each with
/// the place it is made for.
const FILES: &[(&str, Place, &str)] = &[
    (
        "morning-mobility.toml",
        Place::Floor,
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/assets/routines/morning-mobility.toml"
        )),
    ),
    (
        "desk-break.toml",
        Place::Desk,
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/assets/routines/desk-break.toml"
        )),
    ),
    (
        "evening-wind-down.toml",
        Place::Floor,
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/assets/routines/evening-wind-down.toml"
        )),
    ),
    (
        "ball-glutes-low-back.toml",
        Place::Floor,
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/assets/routines/ball-glutes-low-back.toml"
        )),
    ),
    (
        "foam-roller-upper-back-hips.toml",
        Place::Floor,
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/assets/routines/foam-roller-upper-back-hips.toml"
        )),
    ),
    (
        "hands-and-stick.toml",
        Place::Floor,
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/assets/routines/hands-and-stick.toml"
        )),
    ),
    (
        "back-strength-basics.toml",
        Place::Floor,
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/assets/routines/back-strength-basics.toml"
        )),
    ),
    (
        "stretch-and-roll.toml",
        Place::Floor,
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/assets/routines/stretch-and-roll.toml"
        )),
    ),
];

/// Every built-in routine.
///
/// A file that fails to parse would be a bug caught by the tests; should one slip through, it
/// is left out (and reported on stderr) rather than taking the app down.
#[must_use]
pub fn builtin() -> Vec<Routine> {
    FILES
        .iter()
        .filter_map(|(name, _, text)| match parse_routine(text) {
            Ok(routine) => Some(routine),
            Err(problems) => {
                eprintln!("unknot: built-in routine {name} is broken: {problems:?}");
                None
            }
        })
        .collect()
}

/// The built-in routine with this id.
#[must_use]
pub fn find(id: &str) -> Option<Routine> {
    builtin().into_iter().find(|r| r.id() == id)
}

/// The place the built-in routine with this id is made for (`None` for any other id).
#[must_use]
pub fn place(id: &str) -> Option<Place> {
    FILES
        .iter()
        .find(|(name, _, _)| name.strip_suffix(".toml") == Some(id))
        .map(|(_, place, _)| *place)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::routine::{Category, Position, StepKind, TechniqueRef};

    #[test]
    fn every_builtin_file_parses_and_its_id_is_its_file_name() {
        for (name, _, text) in FILES {
            let routine = parse_routine(text).unwrap_or_else(|p| panic!("{name}: {p:?}"));
            assert_eq!(format!("{}.toml", routine.id()), *name);
        }
        assert_eq!(builtin().len(), FILES.len());
    }

    #[test]
    fn the_library_covers_every_category() {
        let routines = builtin();
        let count = |c: Category| routines.iter().filter(|r| r.category() == c).count();
        assert!(count(Category::Stretch) >= 3);
        assert!(count(Category::SelfMassage) >= 2);
        assert!(count(Category::Mixed) >= 1);
    }

    #[test]
    fn every_step_names_a_known_technique_with_its_dose_inside_the_range() {
        for routine in builtin() {
            for step in routine.steps() {
                let technique = step
                    .known_technique()
                    .unwrap_or_else(|| panic!("{} / {}: no technique", routine.id(), step.id));
                // A step is named after its technique; a later round of the same exercise
                // (a descending pyramid) adds its number.
                let round = step
                    .id
                    .strip_prefix(technique.key())
                    .and_then(|rest| rest.strip_prefix('-'));
                assert!(
                    step.id == technique.key()
                        || round.is_some_and(|n| n.parse::<u32>().is_ok_and(|n| n >= 2)),
                    "{}: {}",
                    routine.id(),
                    step.id
                );
                assert!(
                    technique.range.secs.contains(&step.rep_secs)
                        && technique.range.reps.contains(&step.reps),
                    "{} / {}: {} s × {} outside {}",
                    routine.id(),
                    step.name,
                    step.rep_secs,
                    step.reps,
                    technique.range_label()
                );
                assert_eq!(
                    step.dose_range(),
                    technique.range,
                    "{} / {}",
                    routine.id(),
                    step.id
                );
            }
        }
    }

    #[test]
    fn every_step_can_be_done_where_its_routine_is_meant_for() {
        let mut places = Vec::new();
        for routine in builtin() {
            let place = place(routine.id()).expect("every built-in has a place");
            places.push(place);
            for step in routine.steps() {
                assert!(
                    place.allows(step.position),
                    "{} is for {}, but {} is {}",
                    routine.id(),
                    place.label(),
                    step.id,
                    step.position.label()
                );
            }
        }
        assert!(places.contains(&Place::Desk), "a routine for a desk");
        let desk = find("desk-break").expect("the desk break");
        assert!(desk.steps().iter().all(|s| !s.position.is_on_the_floor()));
        assert_eq!(place("no-such-routine"), None);
    }

    #[test]
    fn the_desk_break_sits_and_stands_and_the_strength_routine_is_a_descending_pyramid() {
        let desk = find("desk-break").expect("the desk break");
        let positions: Vec<Position> = desk.steps().iter().map(|s| s.position).collect();
        assert!(positions.contains(&Position::OnChair) && positions.contains(&Position::Standing));
        let strength = find("back-strength-basics").expect("back strength basics");
        for key in ["curl-up", "side-bridge", "bird-dog"] {
            let rounds: Vec<u32> = strength
                .steps()
                .iter()
                .filter(|s| s.technique.as_ref().map(TechniqueRef::key) == Some(key))
                .map(|s| s.reps)
                .collect();
            assert!(rounds.len() >= 2, "{key}: {rounds:?}");
            assert!(
                rounds.windows(2).all(|w| w[0] > w[1]),
                "{key}: {rounds:?} descends"
            );
            let holds: Vec<u32> = strength
                .steps()
                .iter()
                .filter(|s| s.technique.as_ref().map(TechniqueRef::key) == Some(key))
                .map(|s| s.rep_secs)
                .collect();
            assert!(
                holds.iter().all(|h| (7..=10).contains(h)),
                "{key}: {holds:?}"
            );
        }
        for key in ["abdominal-brace", "glute-bridge"] {
            assert!(
                strength
                    .steps()
                    .iter()
                    .any(|s| s.technique.as_ref().map(TechniqueRef::key) == Some(key)),
                "{key}"
            );
        }
    }

    #[test]
    fn categories_match_steps_and_every_routine_has_an_essential_step() {
        for routine in builtin() {
            let has = |kinds: &[StepKind]| routine.steps().iter().any(|s| kinds.contains(&s.kind));
            let exercise = has(&[StepKind::Stretch, StepKind::Mobility, StepKind::Strengthen]);
            let expected = match (exercise, has(&[StepKind::SelfMassage])) {
                (true, false) => Category::Stretch,
                (false, true) => Category::SelfMassage,
                _ => Category::Mixed,
            };
            assert_eq!(routine.category(), expected, "{}", routine.id());
            assert!(
                routine
                    .steps()
                    .iter()
                    .any(|s| s.importance == crate::core::routine::Importance::Essential),
                "{}",
                routine.id()
            );
        }
    }

    #[test]
    fn self_massage_never_works_on_the_spine_itself() {
        for routine in builtin() {
            for step in routine
                .steps()
                .iter()
                .filter(|s| s.kind == StepKind::SelfMassage)
            {
                let text = format!("{} {}", step.instructions, step.caution).to_lowercase();
                if text.contains("spine") {
                    assert!(
                        text.contains("never on")
                            || text.contains("not on")
                            || text.contains("beside"),
                        "{} / {} mentions the spine without keeping off it",
                        routine.id(),
                        step.name
                    );
                }
            }
        }
    }

    #[test]
    fn no_routine_text_overclaims() {
        let catalogue = crate::core::routine::technique::all()
            .iter()
            .map(|t| t.step(t.key()));
        let steps: Vec<_> = builtin()
            .into_iter()
            .flat_map(|r| r.into_draft().steps)
            .chain(catalogue)
            .collect();
        for step in &steps {
            for text in [&step.name, &step.instructions, &step.caution] {
                let found = crate::core::content::find_overclaims(text);
                assert!(found.is_empty(), "{}: {found:?} in {text:?}", step.name);
            }
        }
        for routine in builtin() {
            assert!(
                crate::core::content::find_overclaims(routine.summary()).is_empty(),
                "{}",
                routine.id()
            );
        }
    }

    #[test]
    fn instructions_are_short() {
        for routine in builtin() {
            for step in routine.steps() {
                let sentences = step.instructions.matches(['.', '!', '?']).count();
                assert!(
                    sentences <= 3,
                    "{} / {}: {sentences} sentences",
                    routine.id(),
                    step.name
                );
            }
        }
    }
}
