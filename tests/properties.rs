//! Properties of the core over generated routines: the file format round-trips and never
//! panics, length scaling stays in bounds and lands as close as whole seconds allow, and every
//! plan is consecutive with sorted cues and one ending.

use proptest::prelude::*;
use proptest::test_runner::Config;
use unknot::length::{Reach, scale_to, tolerance_secs};
use unknot::plan::{self, Cue, Plan, Timing};
use unknot::routine::file::{parse_routine, to_toml};
use unknot::routine::{Category, Equipment, Position, Routine, Step, StepKind};

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
        0..=19 if !unknot::plain_text::is_unsafe(other) => other,
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

fn step() -> impl Strategy<Value = Step> {
    (
        name(),
        kind(),
        text(300).prop_filter("instructions say something", |s| !s.trim().is_empty()),
        text(100),
        3..=600_u32,
        1..=30_u32,
        0..=300_u32,
        any::<bool>(),
        proptest::sample::select(Equipment::ALL.to_vec()),
        proptest::sample::select(Position::ALL.to_vec()),
    )
        .prop_map(
            |(
                name,
                kind,
                instructions,
                caution,
                hold,
                reps,
                rest,
                per_side,
                equipment,
                position,
            )| {
                Step {
                    name,
                    kind,
                    instructions,
                    caution,
                    hold_secs: hold,
                    reps,
                    rest_secs: rest,
                    per_side,
                    equipment,
                    position,
                }
            },
        )
}

fn routine_with(steps: impl Strategy<Value = Vec<Step>>) -> impl Strategy<Value = Routine> {
    (
        "[a-z0-9]([a-z0-9-]{0,30}[a-z0-9])?",
        name(),
        text(200),
        proptest::sample::select(Category::ALL.to_vec()),
        steps,
    )
        .prop_map(|(id, name, summary, category, steps)| Routine {
            id,
            name,
            summary,
            category,
            steps,
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

/// The shortest and longest lengths scaling can reach: the fixed part (pauses and rests) plus
/// every hold at the low or high end of its step's scaling bounds.
fn achievable(routine: &Routine, timing: Timing) -> (u32, u32) {
    let holds: u32 = routine
        .steps
        .iter()
        .map(|s| s.hold_secs * s.hold_count())
        .sum();
    let fixed = plan::total_secs(routine, timing) - holds;
    let at = |end: fn(&std::ops::RangeInclusive<u32>) -> u32| -> u32 {
        fixed
            + routine
                .steps
                .iter()
                .map(|s| end(&s.scaling_bounds()) * s.hold_count())
                .sum::<u32>()
    };
    (at(|b| *b.start()), at(|b| *b.end()))
}

/// Every length scaling could reach with whole-second holds inside the scaling bounds, as
/// offsets from the shortest: `reachable[n]` says whether `shortest + n` seconds is possible.
fn reachable(routine: &Routine) -> Vec<bool> {
    let mut set = vec![true];
    for step in &routine.steps {
        let bounds = step.scaling_bounds();
        let weight = step.hold_count() as usize;
        let span = (*bounds.end() - *bounds.start()) as usize;
        let mut next = vec![false; set.len() + span * weight];
        for (offset, _) in set.iter().enumerate().filter(|(_, on)| **on) {
            for extra in 0..=span {
                next[offset + extra * weight] = true;
            }
        }
        set = next;
    }
    set
}

fn stretch(hold_secs: u32, reps: u32) -> Step {
    Step {
        name: "Stretch".to_owned(),
        kind: StepKind::Stretch,
        instructions: "Stretch gently.".to_owned(),
        caution: String::new(),
        hold_secs,
        reps,
        rest_secs: 0,
        per_side: false,
        equipment: Equipment::None,
        position: Position::OnBack,
    }
}

/// The smallest target found that the scaler misses although the bounds allow it exactly:
/// holds of 3 s × 1 and 5 s × 12, no pauses, 69 s wanted. Bisection lands on 3 + 12 × 6 = 75 s;
/// the one-second fix-up then cannot move the 3 s hold down (its bound) and moving the 12-hold
/// step down overshoots by as much, so it stops at 75 s (`Nearest`), while 9 + 12 × 5 = 69 s.
#[test]
fn a_reachable_target_is_hit_when_only_an_exchange_of_seconds_gets_there() {
    let routine = Routine {
        id: "exchange".to_owned(),
        name: "Exchange".to_owned(),
        summary: String::new(),
        category: Category::Stretch,
        steps: vec![stretch(3, 1), stretch(5, 12)],
    };
    let none = Timing {
        get_ready_secs: 0,
        switch_secs: 0,
    };
    assert!(reachable(&routine)[69 - 63], "69 s is reachable");
    let sized = scale_to(routine, &[], 69, none);
    assert_eq!((sized.total_secs, sized.reach), (69, Reach::OnTarget));
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
        prop_assert_eq!(routine.violations(), vec![], "the strategy made an invalid routine");
        let text = to_toml(&routine).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(parse_routine(&text), Ok(routine), "file:\n{}", text);
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
            if let Ok(parsed) = parse_routine(&text) {
                prop_assert_eq!(parsed.violations(), vec![]);
            }
        }
    }

    #[test]
    fn scaling_to_a_reachable_target_stays_in_bounds_and_lands_close(
        routine in routine(),
        timing in timing(),
        fraction in 0.0..=1.0_f64,
    ) {
        let (shortest, longest) = achievable(&routine, timing);
        let target = shortest + (f64::from(longest - shortest) * fraction).round() as u32;
        let sized = scale_to(routine.clone(), &[], target, timing);

        prop_assert_eq!(sized.routine.steps.len(), routine.steps.len());
        for (scaled, original) in sized.routine.steps.iter().zip(&routine.steps) {
            prop_assert!(
                original.scaling_bounds().contains(&scaled.hold_secs),
                "{} s outside {:?}", scaled.hold_secs, original.scaling_bounds()
            );
            let unchanged = Step { hold_secs: original.hold_secs, ..scaled.clone() };
            prop_assert_eq!(&unchanged, original);
        }
        let unchanged = Routine { steps: routine.steps.clone(), ..sized.routine.clone() };
        prop_assert_eq!(&unchanged, &routine);

        prop_assert_eq!(sized.total_secs, plan::total_secs(&sized.routine, timing));
        prop_assert_eq!(sized.target_secs, Some(target));
        let off = sized.total_secs.abs_diff(target);
        let tolerance = tolerance_secs(target);
        let heaviest = routine.steps.iter().map(Step::hold_count).max().unwrap_or(1);
        prop_assert!(
            off <= tolerance.max(heaviest / 2),
            "{} s for a target of {} s ({} s off)", sized.total_secs, target, off
        );
        if off <= tolerance {
            prop_assert_eq!(sized.reach, Reach::OnTarget);
        } else {
            prop_assert_eq!(sized.reach, Reach::Nearest);
        }
        if routine.steps.iter().all(|s| s.hold_count() <= 2 * tolerance) {
            prop_assert_eq!(sized.reach, Reach::OnTarget);
        }
    }

    /// Stronger than the bound above: whenever some whole-second holds within the bounds land
    /// within tolerance, the scaler finds such holds. Sweeps the first ten minutes above the
    /// shortest length of small routines.
    #[test]
    fn every_target_within_reach_is_hit(
        steps in prop::collection::vec(
            (proptest::sample::select(vec![3_u32, 5, 10, 20, 30, 60, 90]), 1..=30_u32, any::<bool>())
                .prop_map(|(hold, reps, per_side)| Step { per_side, ..stretch(hold, reps) }),
            1..=3,
        ),
        timing in timing(),
    ) {
        let routine = Routine {
            id: "sweep".to_owned(),
            name: "Sweep".to_owned(),
            summary: String::new(),
            category: Category::Stretch,
            steps,
        };
        let (shortest, longest) = achievable(&routine, timing);
        let reachable = reachable(&routine);
        prop_assert_eq!(reachable.len() as u32, longest - shortest + 1);
        for target in shortest..=longest.min(shortest + 600) {
            let tolerance = tolerance_secs(target);
            let low = target.saturating_sub(tolerance).max(shortest) - shortest;
            let high = (target + tolerance).min(longest) - shortest;
            if (low..=high).any(|offset| reachable[offset as usize]) {
                let sized = scale_to(routine.clone(), &[], target, timing);
                prop_assert_eq!(
                    sized.reach, Reach::OnTarget,
                    "{} s for a target of {} s", sized.total_secs, target
                );
            }
        }
    }

    #[test]
    fn targets_out_of_reach_give_the_nearest_end(
        routine in routine(),
        timing in timing(),
        beyond in 1..=600_u32,
        longer in any::<bool>(),
    ) {
        let (shortest, longest) = achievable(&routine, timing);
        // Step past the end by more than the tolerance, which grows with the length.
        let target = if longer {
            longest + 2 * tolerance_secs(longest) + beyond
        } else {
            shortest.saturating_sub(2 * tolerance_secs(shortest) + beyond).max(1)
        };
        prop_assume!(target.abs_diff(if longer { longest } else { shortest }) > tolerance_secs(target));
        let sized = scale_to(routine, &[], target, timing);
        let (total, reach) = if longer {
            (longest, Reach::LongestPossible)
        } else {
            (shortest, Reach::ShortestPossible)
        };
        prop_assert_eq!((sized.total_secs, sized.reach), (total, reach));
    }

    #[test]
    fn every_plan_is_consecutive_and_ends_once(routine in routine(), timing in timing()) {
        let expected_total = plan::total_secs(&routine, timing);
        let plan = Plan::new(routine, timing);
        prop_assert_eq!(plan.total_secs, expected_total);
        let mut at = 0;
        for segment in &plan.segments {
            prop_assert_eq!(segment.start_secs, at);
            prop_assert!(segment.secs > 0);
            at = segment.end_secs();
        }
        prop_assert_eq!(at, plan.total_secs);
        let done: Vec<_> = plan.cues.iter().filter(|c| c.cue == Cue::RoutineDone).collect();
        prop_assert_eq!(done.len(), 1);
        prop_assert_eq!(done[0].at_secs, plan.total_secs);
        prop_assert_eq!(plan.cues.last().map(|c| c.cue), Some(Cue::RoutineDone));
        prop_assert!(plan.cues.windows(2).all(|w| w[0].at_secs <= w[1].at_secs));
        let spans_end = plan.steps.last().map(|s| s.end_secs);
        prop_assert_eq!(spans_end, Some(plan.total_secs));
    }
}
