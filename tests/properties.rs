//! Properties of the core over generated routines: the file format round-trips, reads every
//! format-1 file as the same plan, and never panics; fitting a routine to a length keeps every
//! dose inside its range and lands within tolerance whenever some dose does; every plan is
//! consecutive, with one cue at a time and one ending.

use proptest::prelude::*;
use proptest::test_runner::Config;
use serde::Serialize;
use unknot::core::fit::{self, LengthChoice, Reach, StepOverride, tolerance_secs};
use unknot::core::plan::{self, Cue, Plan, Timing};
use unknot::core::routine::model::{MIN_STRETCH_SECS_PER_SIDE, id_problem, slug};
use unknot::core::routine::{
    Category, Equipment, Importance, Pattern, Position, Routine, RoutineDraft, Sides, Step,
    StepKind, technique,
};
use unknot::store::routine_file::{parse_routine, parse_routine_versioned, to_toml};

/// Cases per property: enough to find edge cases, few enough to keep `cargo test` fast.
const CASES: u32 = 256;

fn config() -> Config {
    Config {
        cases: CASES,
        ..Config::default()
    }
}

/// The characters free text is mostly drawn from: printable ASCII, TOML's own punctuation
/// again (so quotes, backslashes and brackets are common), and a spread of Unicode: accents,
/// a combining mark, typographic quotes, right-to-left and CJK scripts, emoji with a skin-tone
/// modifier, no-break and zero-width spaces, a byte-order mark, line and paragraph separators,
/// private use and astral characters.
const CHARS: &str = concat!(
    " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~",
    "\"\"\"'''\\\\##==[[]]{}  ..",
    "é\u{301}ßñø–—“”‘’…日本語שלוםمرحبا😀👍🏽\u{a0}\u{200b}\u{200d}\u{feff}\u{2028}\u{2029}\u{e000}\u{10fffd}",
);

/// One character of free text (`multiline`: also line breaks and tabs). Drawing from one table
/// is several times faster than a weighted `prop_oneof!` in debug builds.
fn text_char(multiline: bool) -> impl Strategy<Value = char> {
    let table: Vec<char> = CHARS.chars().collect();
    (any::<u8>(), any::<char>()).prop_map(move |(pick, other)| match pick {
        // Now and then any character at all, except the control and bidi-override characters
        // no text may hold.
        0..=19 if !unknot::core::plain_text::is_unsafe(other) => other,
        244..=251 if multiline => '\n',
        252..=255 if multiline => '\t',
        _ => table[usize::from(pick) % table.len()],
    })
}

/// A single-line name: 1–80 characters, not all spaces.
fn name() -> impl Strategy<Value = String> {
    prop::collection::vec(text_char(false), 1..=80)
        .prop_map(|chars| chars.into_iter().collect::<String>())
        .prop_filter("a name needs a visible character", |s| !s.trim().is_empty())
}

/// Free text with line breaks and tabs, up to `max` characters.
fn text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(text_char(true), 0..=max).prop_map(|chars| chars.into_iter().collect())
}

fn kind() -> impl Strategy<Value = StepKind> {
    proptest::sample::select(StepKind::ALL.to_vec())
}

/// Any valid step: a held or moving step of any kind and sides, written by hand or made from
/// a technique of the registry with a dose anywhere inside the model's bounds.
fn step() -> impl Strategy<Value = Step> {
    (
        (
            name(),
            kind(),
            text(300).prop_filter("instructions say something", |s| !s.trim().is_empty()),
            text(100),
            any::<bool>(),
            proptest::sample::select(Sides::ALL.to_vec()),
        ),
        (
            3..=600_u32,
            2..=30_u32,
            1..=30_u32,
            0..=300_u32,
            proptest::sample::select(Equipment::ALL.to_vec()),
            proptest::sample::select(Position::ALL.to_vec()),
            proptest::sample::select(Importance::ALL.to_vec()),
            proptest::option::of(proptest::sample::select(technique::all().to_vec())),
        ),
    )
        .prop_map(
            |(
                (name, kind, instructions, caution, moving, sides),
                (hold, tempo, reps, rest, equipment, position, importance, made_from),
            )| {
                let pattern = if moving {
                    Pattern::Moves
                } else {
                    Pattern::Hold
                };
                Step {
                    id: String::new(),
                    technique: made_from.map(|t| t.id.into()),
                    name,
                    kind,
                    pattern,
                    sides,
                    instructions,
                    caution,
                    rep_secs: if moving { tempo } else { hold },
                    reps,
                    rest_secs: if moving { 0 } else { rest },
                    equipment,
                    position,
                    importance,
                }
            },
        )
}

/// Steps with distinct ids: `s1`, `s2`, …
fn with_ids(mut steps: Vec<Step>) -> Vec<Step> {
    for (index, step) in steps.iter_mut().enumerate() {
        step.id = format!("s{}", index + 1);
    }
    steps
}

fn routine_with(steps: impl Strategy<Value = Vec<Step>>) -> impl Strategy<Value = Routine> {
    (
        "[a-z0-9]([a-z0-9-]{0,30}[a-z0-9])?",
        name(),
        text(200),
        proptest::sample::select(Category::ALL.to_vec()),
        steps,
    )
        .prop_map(|(id, name, summary, category, steps)| {
            RoutineDraft {
                id,
                name,
                summary,
                category,
                steps: with_ids(steps),
            }
            .validate()
            .expect("the strategies draw only values inside the bounds")
        })
}

/// Any valid routine of 1–12 steps.
fn routine() -> impl Strategy<Value = Routine> {
    routine_with(prop::collection::vec(step(), 1..=12))
}

fn timing() -> impl Strategy<Value = Timing> {
    (0..=30_u32, 0..=30_u32).prop_map(|(get_ready_secs, switch_secs)| Timing {
        get_ready_secs,
        switch_secs,
    })
}

/// A routine in format 1, as Unknot 0.1 wrote it.
#[derive(Serialize)]
struct V1Routine<'a> {
    format_version: i64,
    id: &'a str,
    name: &'a str,
    summary: &'a str,
    category: Category,
    steps: Vec<V1Step<'a>>,
}

#[derive(Serialize)]
struct V1Step<'a> {
    name: &'a str,
    kind: StepKind,
    position: Position,
    equipment: Equipment,
    hold_seconds: u32,
    reps: u32,
    rest_seconds: u32,
    per_side: bool,
    instructions: &'a str,
    caution: &'a str,
}

fn v1_text(routine: &Routine) -> String {
    let out = V1Routine {
        format_version: 1,
        id: routine.id(),
        name: routine.name(),
        summary: routine.summary(),
        category: routine.category(),
        steps: routine
            .steps()
            .iter()
            .map(|s| V1Step {
                name: &s.name,
                kind: s.kind,
                position: s.position,
                equipment: s.equipment,
                hold_seconds: s.rep_secs,
                reps: s.reps,
                rest_seconds: s.rest_secs,
                per_side: s.sides == Sides::Each,
                instructions: &s.instructions,
                caution: &s.caution,
            })
            .collect(),
    };
    toml::to_string_pretty(&out).unwrap_or_default()
}

/// Any routine format 1 could hold: held steps of its three kinds, one side or each side.
fn v1_routine() -> impl Strategy<Value = Routine> {
    routine_with(prop::collection::vec(
        (
            step(),
            proptest::sample::select(vec![
                StepKind::Stretch,
                StepKind::SelfMassage,
                StepKind::Rest,
            ]),
            any::<bool>(),
        )
            .prop_map(|(step, kind, each)| Step {
                kind,
                pattern: Pattern::Hold,
                sides: if each { Sides::Each } else { Sides::None },
                rep_secs: step.rep_secs.clamp(3, 600),
                technique: None,
                importance: Importance::Normal,
                ..step
            }),
        1..=12,
    ))
}

#[test]
fn every_format_1_file_in_this_repository_reads_as_the_same_plan_in_format_2() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v1");
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).expect("fixtures") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("read");
        let (old, version) =
            parse_routine_versioned(&text).unwrap_or_else(|p| panic!("{}: {p:?}", path.display()));
        assert_eq!(version, 1);
        let converted = parse_routine(&to_toml(&old).expect("writes")).expect("format 2 reads");
        let timing = Timing::default();
        let (a, b) = (Plan::new(old, timing), Plan::new(converted, timing));
        assert_eq!(
            (a.segments(), a.total_secs()),
            (b.segments(), b.total_secs()),
            "{}",
            path.display()
        );
        count += 1;
    }
    assert_eq!(
        count, 7,
        "the seven built-in routines as format 1 shipped them"
    );
}

/// An edit to the text of a valid routine file.
#[derive(Clone, Debug)]
enum Edit {
    /// Remove the character at this position (modulo the length).
    Delete(usize),
    /// Insert text at this position.
    Insert(usize, String),
    /// Replace the character at this position.
    Replace(usize, char),
    /// Cut the text off at this position.
    Truncate(usize),
    /// Set the byte at this position, then read the bytes back lossily.
    Byte(usize, u8),
}

fn edit() -> impl Strategy<Value = Edit> {
    let token = prop_oneof![
        proptest::sample::select(vec![
            "\n",
            "=",
            "\"",
            "'",
            "'''",
            "\"\"\"",
            "[",
            "]",
            "[[steps]]\n",
            "{",
            "}",
            ",",
            "#",
            "\\",
            "\\u",
            "-1",
            "0",
            "1e9",
            "99999999999999999999",
            "true",
            "x = 1\n",
            "hold_seconds = ",
            "\nname = \"again\"\n",
            "\u{0}",
            "\r",
            "\u{feff}",
        ])
        .prop_map(str::to_owned),
        ".{0,8}",
    ];
    prop_oneof![
        any::<usize>().prop_map(Edit::Delete),
        (any::<usize>(), token).prop_map(|(at, text)| Edit::Insert(at, text)),
        (any::<usize>(), any::<char>()).prop_map(|(at, c)| Edit::Replace(at, c)),
        any::<usize>().prop_map(Edit::Truncate),
        (any::<usize>(), any::<u8>()).prop_map(|(at, b)| Edit::Byte(at, b)),
    ]
}

fn apply_edit(text: &str, edit: &Edit) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    let at = |i: usize, len: usize| if len == 0 { 0 } else { i % (len + 1) };
    match edit {
        Edit::Delete(i) => {
            if !chars.is_empty() {
                chars.remove(i % chars.len());
            }
        }
        Edit::Insert(i, insert) => {
            let i = at(*i, chars.len());
            chars.splice(i..i, insert.chars());
        }
        Edit::Replace(i, c) => {
            if !chars.is_empty() {
                let len = chars.len();
                chars[i % len] = *c;
            }
        }
        Edit::Truncate(i) => chars.truncate(at(*i, chars.len())),
        Edit::Byte(i, b) => {
            let mut bytes = text.as_bytes().to_vec();
            if !bytes.is_empty() {
                let len = bytes.len();
                bytes[i % len] = *b;
            }
            return String::from_utf8_lossy(&bytes).into_owned();
        }
    }
    chars.into_iter().collect()
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn every_valid_routine_round_trips_through_its_file(routine in routine()) {
        let text = to_toml(&routine).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(parse_routine(&text), Ok(routine), "file:\n{}", text);
    }

    /// Any text becomes an id that passes the id rule, and an id stays itself.
    #[test]
    fn any_text_slugs_to_a_valid_id(text in any::<String>()) {
        let id = slug(&text, "step");
        prop_assert_eq!(id_problem(&id), None, "{:?} became {:?}", text, id);
        prop_assert_eq!(slug(&id, "step"), id.clone(), "an id is its own slug");
    }

    #[test]
    fn no_text_panics_the_parser(text in any::<String>()) {
        let _ = parse_routine(&text);
    }

    #[test]
    fn no_toml_like_text_panics_the_parser(text in "([a-z_\\[\\]=\"'{},.\\n #0-9-]|steps|hold_seconds){0,200}") {
        let _ = parse_routine(&text);
    }

    /// Damaged files never panic the parser, and whatever it accepts is a valid routine.
    #[test]
    fn damaged_files_never_panic_the_parser(
        routine in routine_with(prop::collection::vec(step(), 1..=3)),
        edits in prop::collection::vec(edit(), 1..=6),
    ) {
        let mut text = to_toml(&routine).map_err(|e| TestCaseError::fail(e.to_string()))?;
        for edit in &edits {
            text = apply_edit(&text, edit);
            // What it accepts is a `Routine` (every bound kept, by type) that writes back as
            // it read.
            if let Ok(parsed) = parse_routine(&text) {
                let again = to_toml(&parsed).map_err(|e| TestCaseError::fail(e.to_string()))?;
                prop_assert_eq!(parse_routine(&again), Ok(parsed));
            }
        }
    }

    #[test]
    fn every_format_1_routine_reads_as_the_same_plan_in_format_2(routine in v1_routine(), timing in timing()) {
        let text = v1_text(&routine);
        let (old, version) = parse_routine_versioned(&text).map_err(|p| TestCaseError::fail(format!("{p:?}\n{text}")))?;
        prop_assert_eq!(version, 1);
        let v2 = to_toml(&old).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let converted = parse_routine(&v2).map_err(|p| TestCaseError::fail(format!("{p:?}\n{v2}")))?;
        let (a, b) = (Plan::new(old.clone(), timing), Plan::new(converted.clone(), timing));
        prop_assert_eq!(a.segments(), b.segments());
        prop_assert_eq!(a.total_secs(), b.total_secs());
        prop_assert_eq!(a.cues(), b.cues());
        prop_assert_eq!(converted, old);
    }

    /// For any routine, target and hand-set values: every dose inside its range (hand-set ones
    /// as set), holds on the ladder or as written, whole repetitions, tempos kept, held
    /// stretches at their floor, holds in a row with a rest between them, rounds only for main
    /// steps, nothing essential or hand-set left out, and the changes say exactly what differs.
    #[test]
    fn fitting_keeps_every_dose_in_range_and_reports_what_it_changed(
        routine in routine(),
        timing in timing(),
        minutes in 1..=120_u32,
        pins in pins(),
    ) {
        let choice = pinned(&routine, minutes, &pins);
        check_fit(&routine, &choice, timing, &fit::fit(&routine, &choice, timing))?;
    }

    /// Monotonic at every minute from 1 to 120: compared step by step, a fit at M + 1 minutes
    /// never gives a shorter hold, fewer repetitions or rounds, or leaves out a step that the
    /// fit at M runs (the closing rest, which takes what rounding leaves over, aside).
    #[test]
    fn a_longer_target_never_gives_any_step_less(
        routine in routine_with(prop::collection::vec(step(), 1..=8)),
        timing in timing(),
        pins in pins(),
    ) {
        let mut before = None;
        for minutes in 1..=120 {
            let choice = pinned(&routine, minutes, &pins);
            let now = fit::fit(&routine, &choice, timing);
            check_fit(&routine, &choice, timing, &now)?;
            if let Some(before) = &before {
                check_monotonic(&routine, before, &now, minutes)?;
            }
            before = Some(now);
        }
    }

    /// Whenever every unit of growth a routine has (one more move, or one more round of a step
    /// at its fullest) is no wider than the tolerance window, fitting lands within tolerance at
    /// every such minute between the routine's shortest and longest lengths.
    #[test]
    fn every_target_within_reach_of_small_steps_is_hit(
        steps in prop::collection::vec(small_moves(), 1..=3),
        timing in small_timing(),
    ) {
        let routine = RoutineDraft {
            id: "sweep".to_owned(),
            name: "Sweep".to_owned(),
            summary: String::new(),
            category: Category::Stretch,
            steps: with_ids(steps),
        }
        .validate()
        .expect("small moves keep the bounds");
        let shortest = fit::fit_to_minutes(&routine, 1, timing).total_secs;
        let longest = fit::fit_to_minutes(&routine, 120, timing).total_secs;
        let widest_unit = routine
            .steps()
            .iter()
            .map(|s| timing.get_ready_secs + s.rep_secs * s.dose_range().reps.end())
            .max()
            .unwrap_or(0);
        for minutes in 1..=120_u32 {
            let target = minutes * 60;
            let tolerance = tolerance_secs(target);
            let fitted = fit::fit_to_minutes(&routine, minutes, timing);
            let fine_enough = widest_unit <= 2 * tolerance;
            if fine_enough && shortest <= target + tolerance && target <= longest + tolerance {
                prop_assert_eq!(
                    fitted.reach, Reach::OnTarget,
                    "{} s for a target of {} s ({}–{} s)", fitted.total_secs, target, shortest, longest
                );
            } else {
                prop_assert!(fitted.reach == Reach::OnTarget || fitted.note().is_some());
            }
        }
    }

    #[test]
    fn every_plan_is_consecutive_and_ends_once(routine in routine(), timing in timing()) {
        let expected_total = plan::total_secs(&routine, timing);
        let plan = Plan::new(routine, timing);
        prop_assert_eq!(plan.total_secs(), expected_total);
        let mut at = 0;
        for segment in plan.segments() {
            prop_assert_eq!(segment.start_secs, at);
            prop_assert!(segment.secs > 0);
            at = segment.end_secs();
        }
        prop_assert_eq!(at, plan.total_secs());
        let done: Vec<_> = plan.cues().iter().filter(|c| c.cue == Cue::RoutineDone).collect();
        prop_assert_eq!(done.len(), 1);
        prop_assert_eq!(done[0].at_secs, plan.total_secs());
        prop_assert_eq!(plan.cues().last().map(|c| c.cue), Some(Cue::RoutineDone));
        prop_assert!(
            plan.cues().windows(2).all(|w| w[0].at_secs < w[1].at_secs),
            "two cues at one moment"
        );
        let spans_end = plan.step_spans().last().map(|s| s.end_secs);
        prop_assert_eq!(spans_end, Some(plan.total_secs()));
    }
}

/// Up to three hand-set choices, for every other step from the first.
fn pins() -> impl Strategy<Value = Vec<(bool, u32, Option<u32>)>> {
    prop::collection::vec(
        (any::<bool>(), 3..=600_u32, proptest::option::of(1..=30_u32)),
        0..=3,
    )
}

fn pinned(routine: &Routine, minutes: u32, pins: &[(bool, u32, Option<u32>)]) -> LengthChoice {
    let mut choice = LengthChoice {
        target_minutes: Some(minutes),
        ..LengthChoice::default()
    };
    for (index, (pin_hold, hold, reps)) in pins.iter().enumerate() {
        if let Some(step) = routine.steps().get(index * 2) {
            choice.steps.insert(
                step.id.clone(),
                StepOverride {
                    hold_secs: pin_hold.then_some(*hold),
                    reps: *reps,
                },
            );
        }
    }
    choice
}

/// Whether the person set this step's hold or repetitions by hand.
fn hand_set(choice: &LengthChoice, step: &Step) -> (Option<u32>, Option<u32>) {
    let over = choice.steps.get(&step.id).copied().unwrap_or_default();
    let hold = over.hold_secs.filter(|_| step.pattern == Pattern::Hold);
    (hold, over.reps)
}

/// Every rule a fitted routine keeps, checked against the routine as written.
#[expect(
    clippy::too_many_lines,
    reason = "one check per fitting rule, in the README's order"
)]
fn check_fit(
    routine: &Routine,
    choice: &LengthChoice,
    timing: Timing,
    fitted: &fit::Fitted,
) -> Result<(), TestCaseError> {
    prop_assert_eq!(fitted.changes.len(), routine.steps().len());
    prop_assert!(!fitted.run.steps().is_empty());
    prop_assert_eq!(
        fitted.total_secs,
        plan::steps_secs(fitted.run.steps(), timing)
    );
    let closing = fit::has_closing_rest(routine);
    let last = routine.steps().len() - 1;
    for (index, (written, change)) in routine.steps().iter().zip(&fitted.changes).enumerate() {
        prop_assert_eq!(&change.step_id, &written.id);
        let (hold_by_hand, reps_by_hand) = hand_set(choice, written);
        let by_hand = hold_by_hand.is_some() || reps_by_hand.is_some();
        let copies: Vec<&Step> = fitted
            .run
            .steps()
            .iter()
            .filter(|s| s.id == written.id)
            .collect();
        if change.left_out {
            prop_assert!(written.importance != Importance::Essential);
            prop_assert!(!by_hand, "a hand-set step was left out");
            prop_assert!(copies.is_empty());
            continue;
        }
        // One copy per round, all alike; more than one round only for a main step.
        prop_assert_eq!(copies.len() as u32, change.rounds);
        prop_assert!((1..=fit::MAX_ROUNDS).contains(&change.rounds));
        prop_assert!(copies.iter().all(|c| *c == copies[0]));
        if change.rounds > 1 {
            prop_assert!(fit::is_main_step(written) && !by_hand);
        }
        let step = copies[0];
        // The change says exactly what differs.
        prop_assert_eq!(
            change.secs,
            (written.rep_secs != step.rep_secs).then_some((written.rep_secs, step.rep_secs))
        );
        prop_assert_eq!(
            change.reps,
            (written.reps != step.reps).then_some((written.reps, step.reps))
        );
        prop_assert_eq!(
            change.rest,
            (written.rest_secs != step.rest_secs).then_some((written.rest_secs, step.rest_secs))
        );
        prop_assert_eq!(
            &Step {
                rep_secs: written.rep_secs,
                reps: written.reps,
                rest_secs: written.rest_secs,
                ..step.clone()
            },
            written
        );
        // Holds that follow one another have a rest between them.
        let in_a_row =
            step.pattern == Pattern::Hold && (step.reps > 1 || step.sides == Sides::Alternate);
        let rest = if in_a_row && written.rest_secs == 0 {
            fit::MIN_REST_BETWEEN_HOLDS_SECS
        } else {
            written.rest_secs
        };
        prop_assert_eq!(step.rest_secs, rest);
        let range = written.dose_range();
        let closing_rest = closing && index == last && hold_by_hand.is_none();
        prop_assert_eq!(change.set_by_hand, by_hand);
        if let Some(hold) = hold_by_hand {
            prop_assert_eq!(step.rep_secs, hold.clamp(3, 600));
        } else if step.pattern == Pattern::Moves {
            prop_assert_eq!(step.rep_secs, written.rep_secs, "a tempo changed");
        } else if closing_rest {
            prop_assert!(
                step.rep_secs == written.rep_secs
                    || (fit::CLOSING_REST_SECS.contains(&step.rep_secs)
                        && step.rep_secs.is_multiple_of(5)),
                "closing rest of {} s",
                step.rep_secs
            );
        } else {
            prop_assert!(
                fit::HOLD_LADDER_SECS.contains(&step.rep_secs) || step.rep_secs == written.rep_secs,
                "a hold of {} s is off the ladder",
                step.rep_secs
            );
        }
        if let Some(reps) = reps_by_hand {
            prop_assert_eq!(step.reps, reps.clamp(1, 30));
        } else {
            prop_assert!(
                range.reps.contains(&step.reps),
                "{} reps outside {:?}",
                step.reps,
                range.reps
            );
        }
        if hold_by_hand.is_none() && step.pattern == Pattern::Hold {
            prop_assert!(
                range.secs.contains(&step.rep_secs),
                "{} s outside {:?}",
                step.rep_secs,
                range.secs
            );
        }
        if !by_hand {
            prop_assert!(step.reps * step.rep_secs >= written.min_secs_per_side());
            if written.kind == StepKind::Stretch
                && written.pattern == Pattern::Hold
                && written.reps * written.rep_secs >= MIN_STRETCH_SECS_PER_SIDE
            {
                prop_assert!(step.reps * step.rep_secs >= MIN_STRETCH_SECS_PER_SIDE);
            }
        }
    }
    // A closing rest is added only to a routine without one, last, 30–120 s.
    if let Some(secs) = fitted.added_rest_secs {
        prop_assert!(!closing);
        let added = fitted
            .run
            .steps()
            .last()
            .ok_or_else(|| TestCaseError::fail("no steps"))?;
        prop_assert_eq!(added.id.starts_with(fit::ADDED_REST_ID), true);
        prop_assert_eq!(added.rep_secs, secs);
        prop_assert!(fit::CLOSING_REST_SECS.contains(&secs));
    }
    let kept: usize = fitted.changes.iter().map(|c| c.rounds as usize).sum();
    prop_assert_eq!(
        fitted.run.steps().len(),
        kept + usize::from(fitted.added_rest_secs.is_some())
    );
    if let Some(target) = fitted.target_secs {
        let on_target = fitted.total_secs.abs_diff(target) <= tolerance_secs(target);
        prop_assert_eq!(on_target, fitted.reach == Reach::OnTarget);
    }
    Ok(())
}

/// Step by step, `now` (one minute longer) gives no step less than `before`.
fn check_monotonic(
    routine: &Routine,
    before: &fit::Fitted,
    now: &fit::Fitted,
    minutes: u32,
) -> Result<(), TestCaseError> {
    let closing = fit::has_closing_rest(routine);
    for (index, (a, b)) in before.changes.iter().zip(&now.changes).enumerate() {
        if closing && index == routine.steps().len() - 1 {
            continue;
        }
        let dose = |f: &fit::Fitted| {
            f.run
                .steps()
                .iter()
                .find(|s| s.id == a.step_id)
                .map(|s| (s.rep_secs, s.reps))
        };
        let (x, y) = (dose(before), dose(now));
        prop_assert!(
            a.rounds <= b.rounds,
            "{} min: {} from {} to {} rounds",
            minutes,
            a.step_id,
            a.rounds,
            b.rounds
        );
        match (x, y) {
            (Some(x), Some(y)) => prop_assert!(
                x.0 <= y.0 && x.1 <= y.1,
                "{} min: {} from {:?} to {:?}",
                minutes,
                a.step_id,
                x,
                y
            ),
            (Some(_), None) => {
                return Err(TestCaseError::fail(format!(
                    "{minutes} min: {} left out",
                    a.step_id
                )));
            }
            _ => {}
        }
    }
    Ok(())
}

/// A movement of a hand-written routine whose every unit of growth is short: 2–4 s a move,
/// 5–15 moves, no sides, so one more move is never wider than the tolerance window and one
/// more round (at most 5 + 15 × 4 s) is not from 12 minutes on.
fn small_moves() -> impl Strategy<Value = Step> {
    (
        2..=4_u32,
        5..=15_u32,
        proptest::sample::select(Importance::ALL.to_vec()),
    )
        .prop_map(|(tempo, reps, importance)| Step {
            id: String::new(),
            technique: None,
            name: "Step".to_owned(),
            kind: StepKind::Mobility,
            pattern: Pattern::Moves,
            sides: Sides::None,
            instructions: "Move gently.".to_owned(),
            caution: String::new(),
            rep_secs: tempo,
            reps,
            rest_secs: 0,
            equipment: Equipment::None,
            position: Position::OnBack,
            importance,
        })
}

fn small_timing() -> impl Strategy<Value = Timing> {
    (0..=5_u32, 0..=5_u32).prop_map(|(get_ready_secs, switch_secs)| Timing {
        get_ready_secs,
        switch_secs,
    })
}

/// The issue's measure, over every built-in routine at every minute from 1 to 120: every rule
/// of [`check_fit`], and monotonic from each minute to the next.
#[test]
fn every_builtin_routine_at_every_minute_keeps_the_rules_and_never_shrinks() {
    for routine in unknot::store::builtin::builtin() {
        let mut before = None;
        for minutes in 1..=120 {
            let choice = LengthChoice {
                target_minutes: Some(minutes),
                ..LengthChoice::default()
            };
            let now = fit::fit(&routine, &choice, Timing::default());
            let label = format!("{} at {minutes} min", routine.id());
            check_fit(&routine, &choice, Timing::default(), &now)
                .unwrap_or_else(|e| panic!("{label}: {e}"));
            if let Some(before) = &before {
                check_monotonic(&routine, before, &now, minutes)
                    .unwrap_or_else(|e| panic!("{label}: {e}"));
            }
            before = Some(now);
        }
    }
}

/// The presets as a person sees them: no built-in routine at 5, 10, 15 or 20 minutes shows a
/// hold off the ladder, a step past a round's usual top, or a dose that shrinks from one preset
/// to the next; each is on target or says why not.
#[test]
fn no_builtin_preset_shows_an_odd_hold_or_a_shrinking_dose() {
    for routine in unknot::store::builtin::builtin() {
        let mut before: Option<fit::Fitted> = None;
        for minutes in [5, 10, 15, 20] {
            let fitted = fit::fit_to_minutes(&routine, minutes, Timing::default());
            let label = format!("{} at {minutes} min", routine.id());
            for step in fitted.run.steps() {
                let technique = step
                    .known_technique()
                    .expect("built-in steps name techniques");
                let closing = fit::has_closing_rest(&routine)
                    && routine.steps().last().map(|s| &s.id) == Some(&step.id);
                if !closing && step.id != fit::ADDED_REST_ID && step.pattern == Pattern::Hold {
                    assert!(
                        fit::HOLD_LADDER_SECS.contains(&step.rep_secs),
                        "{label}: {} {} s",
                        step.id,
                        step.rep_secs
                    );
                }
                assert!(
                    technique.range.secs.contains(&step.rep_secs),
                    "{label}: {} {} s",
                    step.id,
                    step.rep_secs
                );
                assert!(
                    step.reps <= fit::reps_per_round(step).max(step.reps.min(10)),
                    "{label}: {} × {}",
                    step.id,
                    step.reps
                );
                if step.pattern == Pattern::Hold && step.reps > 1 {
                    assert!(
                        step.rest_secs >= fit::MIN_REST_BETWEEN_HOLDS_SECS,
                        "{label}: {}",
                        step.id
                    );
                }
            }
            if let Some(before) = &before {
                check_monotonic(&routine, before, &fitted, minutes)
                    .unwrap_or_else(|e| panic!("{label}: {e}"));
            }
            let on = fitted.total_secs.abs_diff(minutes * 60) <= tolerance_secs(minutes * 60);
            assert!(
                on || fitted.note().is_some(),
                "{label}: {} s and no note",
                fitted.total_secs
            );
            before = Some(fitted);
        }
    }
}
