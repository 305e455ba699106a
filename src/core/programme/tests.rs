//! Whole programmes simulated day by day with scripted ratings, the doses checked exactly, and
//! the engine's promises checked for any history.

use jiff::civil::{Date, date};
use proptest::prelude::*;

use super::*;
use crate::core::history::{LocalStart, PainRating};

/// A Monday, so the weekdays in the reasons are easy to read.
const START: Date = date(2026, 1, 5);

fn day(offset: i64) -> Date {
    START
        .checked_add(jiff::Span::new().days(offset))
        .expect("a day near 2026")
}

fn record(routine_id: &str, on: Date, before: Option<u8>, after: Option<u8>) -> SessionRecord {
    SessionRecord {
        start: LocalStart::utc(on.at(9, 0, 0, 0)),
        routine_id: routine_id.to_owned(),
        routine_name: "Programme session".to_owned(),
        planned_seconds: 600,
        actual_seconds: 600,
        ending: Ending::Finished,
        steps_done: Vec::new(),
        steps_skipped: Vec::new(),
        pain_before: before.and_then(PainRating::new),
        pain_after: after.and_then(PainRating::new),
        note: String::new(),
    }
}

/// The dose of `technique` in a routine.
fn dose_in(routine: &Routine, technique: TechniqueId) -> Dose {
    let step = routine
        .steps()
        .iter()
        .find(|s| s.technique_id() == Some(technique))
        .unwrap_or_else(|| panic!("{} is not in {}", technique.key(), routine.id()));
    Dose {
        rep_secs: step.rep_secs,
        reps: step.reps,
    }
}

const fn d(rep_secs: u32, reps: u32) -> Dose {
    Dose { rep_secs, reps }
}

/// Runs a programme from [`START`] for `days`: on each day the script returns the ratings of a
/// session done that day (before, after), or `None` for no session. Returns what the engine said
/// at the start of each day (before that day's session).
fn simulate(
    state: ProgrammeState,
    days: i64,
    mut script: impl FnMut(i64, &Today) -> Option<(Option<u8>, Option<u8>)>,
) -> (Vec<Today>, Vec<SessionRecord>) {
    let mut records = Vec::new();
    let mut seen = Vec::new();
    for offset in 0..days {
        let on = day(offset);
        let now = today(state, &records, on);
        if let Some((before, after)) = script(offset, &now) {
            records.push(record(now.routine.id(), on, before, after));
        }
        seen.push(now);
    }
    (seen, records)
}

/// Monday, Wednesday and Friday.
fn three_a_week(offset: i64) -> bool {
    matches!(offset % 7, 0 | 2 | 4)
}

fn basics() -> ProgrammeState {
    ProgrammeState::new(ProgrammeId::BackBasics, START)
}

#[test]
fn ladders_step_one_repetition_or_one_hold_length_at_a_time() {
    for &id in TechniqueId::ALL {
        let ladder = dose_ladder(id);
        let t = id.technique();
        for pair in ladder.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let more_reps = b.reps == a.reps + 1 && b.rep_secs == a.rep_secs;
            let next_hold = b.reps == a.reps
                && b.rep_secs > a.rep_secs
                && !ladder
                    .iter()
                    .any(|x| x.rep_secs > a.rep_secs && x.rep_secs < b.rep_secs);
            assert!(more_reps || next_hold, "{}: {a:?} to {b:?}", id.key());
            assert!(b.volume() > a.volume());
        }
        for dose in &ladder {
            assert!(t.range.secs.contains(&dose.rep_secs) || t.pattern == Pattern::Moves);
            assert!(t.range.reps.contains(&dose.reps), "{}: {dose:?}", id.key());
        }
    }
    // Written out for three: the bridge adds repetitions; the knee-to-chest climbs the ladder.
    assert_eq!(
        dose_ladder(TechniqueId::CurlUp)[..4],
        [d(7, 1), d(10, 1), d(10, 2), d(10, 3)]
    );
    assert_eq!(
        dose_ladder(TechniqueId::SingleKneeToChest),
        [
            d(5, 2),
            d(7, 2),
            d(10, 2),
            d(10, 3),
            d(15, 3),
            d(20, 3),
            d(30, 3)
        ]
    );
    assert_eq!(
        dose_ladder(TechniqueId::GluteBridge)[..3],
        [d(10, 5), d(10, 6), d(10, 7)]
    );
}

#[test]
fn every_programme_names_sources_the_app_can_show() {
    for id in ProgrammeId::ALL {
        let p = id.programme();
        assert!(!p.sources.is_empty());
        for key in p.sources {
            assert!(crate::core::content::source(key).is_some(), "{key}");
        }
        // Phases cover weeks 1 to the last once each, in order.
        let weeks: Vec<u32> = p.phases.iter().flat_map(|ph| ph.weeks.clone()).collect();
        assert_eq!(weeks, (1..=p.weeks).collect::<Vec<_>>());
        assert_eq!(ProgrammeId::from_key(id.key()), Some(id));
    }
}

#[test]
fn doses_start_near_seventy_per_cent_of_the_usual_dose() {
    let p = ProgrammeId::BackBasics.programme();
    // Usual 20 s × 3 = 60 s; 70 % is 42 s: 15 s × 3 (45 s).
    assert_eq!(
        dose_for_week(p, TechniqueId::SingleKneeToChest, 1, false),
        d(15, 3)
    );
    // Usual 10 s × 8 = 80 s; 70 % is 56 s: 10 s × 6 (60 s), first done in week 3.
    assert_eq!(
        dose_for_week(p, TechniqueId::GluteBridge, 3, false),
        d(10, 6)
    );
    // Moves keep their tempo: cat-cow usual 8, 70 % is 5.6: 6 moves.
    assert_eq!(dose_for_week(p, TechniqueId::CatCow, 1, false), d(6, 6));
    for &id in TechniqueId::ALL {
        let t = id.technique();
        let usual = t.dose.rep_secs * t.dose.reps;
        let start = dose_ladder(id)[start_rung(id)].volume();
        if t.kind != StepKind::Rest {
            assert!(
                start <= usual,
                "{} starts at {start} s of {usual}",
                id.key()
            );
        }
    }
}

#[test]
fn every_weeks_session_is_a_valid_routine_in_its_place_with_doses_in_range() {
    for id in ProgrammeId::ALL {
        let p = id.programme();
        for week in 1..=p.weeks {
            for lighter in [false, true] {
                // A `Routine`: every bound kept, or this call stops with the one broken.
                let routine = session_for_week(p, week, lighter);
                assert_eq!(
                    parse_session_routine_id(routine.id()),
                    Some((id, week)),
                    "{}",
                    routine.id()
                );
                for step in routine.steps() {
                    assert!(
                        p.place.allows(step.position),
                        "{} in {}",
                        step.name,
                        routine.id()
                    );
                    let range = step.known_technique().map(|t| t.range.clone());
                    if let Some(range) = range {
                        assert!(range.reps.contains(&step.reps), "{}", step.id);
                        assert!(range.secs.contains(&step.rep_secs), "{}", step.id);
                    }
                }
                let minutes = plan::total_secs(&routine, Timing::default()) / 60;
                let expected = match id {
                    ProgrammeId::BackBasics => 6..=16,
                    ProgrammeId::DeskBackCare => 4..=12,
                };
                assert!(
                    expected.contains(&minutes),
                    "{} runs {minutes} min",
                    routine.id()
                );
            }
        }
    }
}

#[test]
fn all_green_moves_on_every_week_and_the_doses_grow() {
    // Pain before sessions falls from 4 to 2 after the first week.
    let (seen, _) = simulate(basics(), 8 * 7 + 1, |offset, _| {
        let before = if offset < 7 { 4 } else { 2 };
        three_a_week(offset).then_some((Some(before), Some(2)))
    });
    for week in 0..8 {
        let monday = &seen[week * 7];
        assert_eq!(
            monday.week,
            u32::try_from(week).expect("a small number") + 1
        );
        assert!(!monday.lighter);
    }
    // Week 2 opened with the reason.
    assert_eq!(
        seen[7].reason,
        "Your back was comfortable after Monday's session and you did 3 sessions, so this week \
         moves on to week 2: a repetition or a little longer hold in each exercise, within its \
         range."
    );
    assert_eq!(
        seen[7].headline(),
        format!(
            "Week 2 of 8 · session 1 of 3 this week · {} min",
            (seen[7].total_secs + 30) / 60
        )
    );
    // The bridge: 10 s × 6 in week 3, one repetition more each week after.
    let bridge: Vec<Dose> = (2..8)
        .map(|w| dose_in(&seen[w * 7].routine, TechniqueId::GluteBridge))
        .collect();
    assert_eq!(
        bridge,
        [d(10, 6), d(10, 7), d(10, 8), d(10, 9), d(10, 10), d(10, 11)]
    );
    // The knee-to-chest: 15 s × 3, then 20 s × 3 (the usual dose).
    assert_eq!(
        dose_in(&seen[0].routine, TechniqueId::SingleKneeToChest),
        d(15, 3)
    );
    assert_eq!(
        dose_in(&seen[7].routine, TechniqueId::SingleKneeToChest),
        d(20, 3)
    );
    // After week 8, the programme is done and today repeats its last week.
    let last = &seen[8 * 7];
    assert!(last.finished);
    assert_eq!(last.week, 8);
    assert_eq!(last.see_someone, None);
}

#[test]
fn all_red_never_moves_on_and_stays_a_third_lighter() {
    let (seen, _) = simulate(basics(), 4 * 7, |offset, _| {
        three_a_week(offset).then_some((Some(5), Some(7)))
    });
    // The first session was red: the rest of that week is lighter at once.
    assert!(!seen[0].lighter);
    assert!(seen[1].lighter);
    assert_eq!(
        seen[1].reason,
        "Your back was at 7 after Monday's session, so the rest of this week keeps this week's \
         doses, a third lighter."
    );
    for now in &seen[1..] {
        assert_eq!(now.week, 1);
        assert!(now.lighter);
        assert_eq!(now.routine.id(), "programme-back-basics-w1-lighter");
    }
    assert_eq!(
        seen[7].reason,
        "Your back was at 7 after Monday's session, so this week repeats last week's doses, a \
         third lighter."
    );
    // 15 s × 3 (45 s) made lighter: 10 s × 3 (30 s).
    assert_eq!(
        dose_in(&seen[7].routine, TechniqueId::SingleKneeToChest),
        d(10, 3)
    );
    // Reds in the last two weeks: see someone.
    assert!(seen[14].see_someone.is_some());
}

#[test]
fn mixed_lights_repeat_step_back_and_come_back() {
    // Week 1 green; week 2 amber on Wednesday; week 3 red on Tuesday; weeks 4 and 5 green.
    let (seen, _) = simulate(basics(), 5 * 7 + 1, |offset, _| {
        let ratings = match (offset / 7, offset % 7) {
            (1, 2) => (Some(3), Some(4)),
            (2, 1) => (Some(3), Some(7)),
            _ => (Some(3), Some(2)),
        };
        (three_a_week(offset) || offset == 15).then_some(ratings)
    });
    assert_eq!((seen[7].week, seen[7].lighter), (2, false));
    assert_eq!((seen[14].week, seen[14].lighter), (2, false));
    assert_eq!(
        seen[14].reason,
        "Your back was at 4 after Wednesday's session, so this week repeats last week's doses."
    );
    assert_eq!(
        dose_in(&seen[14].routine, TechniqueId::SingleKneeToChest),
        d(20, 3)
    );
    // Tuesday of week 3 is red: the rest of the week is lighter, and the next week too.
    assert!(!seen[15].lighter);
    assert!(seen[16].lighter);
    assert_eq!(
        seen[21].reason,
        "Your back was at 7 after Tuesday's session, so this week repeats last week's doses, a \
         third lighter."
    );
    assert_eq!((seen[21].week, seen[21].lighter), (2, true));
    // 20 s × 3 (60 s) made lighter: 15 s × 3 (45 s), the nearest rung to 42 s.
    assert_eq!(
        dose_in(&seen[21].routine, TechniqueId::SingleKneeToChest),
        d(15, 3)
    );
    // A green week back to the full doses of the same week, then on.
    assert_eq!((seen[28].week, seen[28].lighter), (2, false));
    assert_eq!((seen[35].week, seen[35].lighter), (3, false));
    assert_eq!(seen[35].phase.name, "Motor control");
}

#[test]
fn a_missed_week_or_month_resumes_where_the_person_left_off() {
    for gap_weeks in [1, 4] {
        let back = 7 * (1 + gap_weeks);
        let (seen, _) = simulate(basics(), back + 8, |offset, _| {
            let away = (7..back).contains(&offset);
            (three_a_week(offset) && !away).then_some((Some(3), Some(2)))
        });
        assert_eq!(seen[7].week, 2);
        assert_eq!(
            seen[usize::try_from(back).expect("a small number")].week,
            2,
            "gap of {gap_weeks} weeks"
        );
        assert_eq!(
            seen[usize::try_from(back).expect("a small number")].reason,
            "No sessions were done last week, so you carry on where you left off, with week 2's \
             doses."
        );
        // Back and at it: the week after the return moves on.
        assert_eq!(
            seen[usize::try_from(back + 7).expect("a small number")].week,
            3
        );
    }
}

#[test]
fn sessions_without_ratings_move_on_and_change_nothing_else() {
    let (seen, _) = simulate(basics(), 3 * 7 + 1, |offset, _| {
        three_a_week(offset).then_some((None, None))
    });
    assert_eq!(seen[21].week, 4);
    assert!(seen.iter().all(|t| !t.lighter && t.see_someone.is_none()));
    assert!(seen[21].weeks_log.iter().all(|w| w.light.is_none()));
    assert_eq!(
        seen[7].reason,
        "You did 3 sessions last week, so this week moves on to week 2: a repetition or a \
         little longer hold in each exercise, within its range."
    );
}

#[test]
fn fewer_sessions_than_chosen_keep_the_same_doses() {
    let mut state = basics();
    state.sessions_per_week = 4;
    let (seen, _) = simulate(state, 2 * 7 + 1, |offset, _| {
        three_a_week(offset).then_some((Some(2), Some(2)))
    });
    assert_eq!(seen[14].week, 1);
    assert_eq!(
        seen[7].reason,
        "3 of 4 sessions were done last week, so this week keeps the same doses; the next \
         week's come after 4 sessions in a week."
    );
    assert_eq!(seen[3].done_this_week, 2);
    assert_eq!(
        seen[3].headline(),
        format!(
            "Week 1 of 8 · session 3 of 4 this week · {} min",
            (seen[3].total_secs + 30) / 60
        )
    );
}

#[test]
fn a_session_stopped_part_way_does_not_count_for_moving_on() {
    let mut records = Vec::new();
    for offset in [0, 2, 4] {
        let mut r = record("programme-back-basics-w1", day(offset), None, None);
        if offset == 4 {
            r.ending = Ending::Stopped;
        }
        records.push(r);
    }
    assert_eq!(today(basics(), &records, day(7)).week, 1);
    assert_eq!(today(basics(), &records, day(5)).done_this_week, 2);
}

#[test]
fn other_routines_and_sessions_before_the_start_are_passed_over() {
    let mut records = vec![
        record("desk-break", day(0), Some(8), Some(9)),
        record("programme-desk-back-care-w1", day(1), Some(8), Some(9)),
        record("programme-back-basics-w1", day(-3), Some(8), Some(9)),
    ];
    for offset in [0, 2, 4] {
        records.push(record("programme-back-basics-w1", day(offset), None, None));
    }
    let now = today(basics(), &records, day(7));
    assert_eq!((now.week, now.lighter), (2, false));
    // Records after the day asked about are not read.
    records.push(record("programme-back-basics-w2", day(8), Some(2), Some(8)));
    assert_eq!(today(basics(), &records, day(7)), now);
}

#[test]
fn routine_ids_name_their_programme_and_week() {
    assert_eq!(
        parse_session_routine_id("programme-back-basics-w3"),
        Some((ProgrammeId::BackBasics, 3))
    );
    assert_eq!(
        parse_session_routine_id("programme-desk-back-care-w6-lighter"),
        Some((ProgrammeId::DeskBackCare, 6))
    );
    for other in [
        "programme-back-basics-w9",
        "programme-back-basics-w0",
        "programme-back-basics-w",
        "programme-back-basics-w3x",
        "programme-back-basics-w+3",
        "back-basics-w3",
        "programme-neck-w1",
    ] {
        assert_eq!(parse_session_routine_id(other), None, "{other}");
    }
}

#[test]
fn no_better_after_two_weeks_suggests_seeing_someone() {
    let state = basics();
    let steady = |before: u8| {
        simulate(state, 15, move |offset, _| {
            three_a_week(offset).then_some((Some(before), Some(before)))
        })
        .0
    };
    let seen = steady(3);
    assert_eq!(seen[13].see_someone, None, "not before two weeks");
    let notice = seen[14].see_someone.clone().expect("a notice");
    assert!(notice.starts_with(
        "Your back before sessions averaged 3.0 in the first week and 3.0 in the last seven days"
    ));
    assert!(notice.contains("GP or a physiotherapist"));
    // Little or no pain: nothing to see anyone about.
    assert_eq!(steady(1)[14].see_someone, None);
    // Better by 2 points: no notice.
    let (better, _) = simulate(state, 15, |offset, _| {
        let before = if offset < 7 { 5 } else { 3 };
        three_a_week(offset).then_some((Some(before), Some(3)))
    });
    assert_eq!(better[14].see_someone, None);
}

#[test]
fn the_next_day_counts_against_the_session_before() {
    // Monday at 2, Tuesday 2 higher: amber; Wednesday still 2 higher: red.
    let records = vec![
        record("programme-back-basics-w1", day(0), Some(2), Some(2)),
        record("programme-back-basics-w1", day(1), Some(4), Some(4)),
    ];
    let refs: Vec<&SessionRecord> = records.iter().collect();
    let lights = session_lights(&refs);
    assert_eq!(lights[0].as_ref().expect("rated").light, Light::Amber);
    assert_eq!(
        lights[0].as_ref().expect("rated").cause,
        "your back was 2 points worse the day after Monday's session"
    );
    let mut records = records;
    records.push(record("programme-back-basics-w1", day(2), Some(4), Some(3)));
    let refs: Vec<&SessionRecord> = records.iter().collect();
    assert_eq!(
        session_lights(&refs)[0].as_ref().expect("rated").light,
        Light::Red
    );
}

#[test]
fn a_future_start_says_when() {
    let now = today(basics(), &[], day(-3));
    assert_eq!(now.days_to_start, Some(3));
    assert_eq!(now.week, 1);
    assert_eq!(
        now.reason,
        "Your programme starts on 2026-01-05 (3 days from now)."
    );
}

#[test]
fn the_weeks_in_a_sentence() {
    let (seen, _) = simulate(basics(), 15, |offset, _| {
        let after = if offset == 9 { 7 } else { 2 };
        three_a_week(offset).then_some((Some(3), Some(after)))
    });
    assert_eq!(
        seen[14].weeks_sentence(),
        "2 weeks behind you, 2 with every planned session done (1 green, 0 amber, 1 red). Now \
         on week 2 of 8, a third lighter."
    );
}

/// One scripted session: days from the start, the ratings before and after, whether it ran to
/// its end, and whether it was a lighter session.
type Scripted = (i64, Option<u8>, Option<u8>, bool, bool);

fn session_strategy() -> impl Strategy<Value = Scripted> {
    (
        0i64..70,
        proptest::option::of(0u8..=10),
        proptest::option::of(0u8..=10),
        any::<bool>(),
        any::<bool>(),
    )
}

fn records_from(programme: ProgrammeId, script: &[Scripted]) -> Vec<SessionRecord> {
    script
        .iter()
        .map(|&(offset, before, after, finished, lighter)| {
            let mut r = record(
                &programme.session_routine_id(1, lighter),
                day(offset),
                before,
                after,
            );
            if !finished {
                r.ending = Ending::Stopped;
            }
            r
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn for_any_history_the_engine_keeps_its_promises(
        desk in any::<bool>(),
        per_week in SESSIONS_PER_WEEK,
        script in proptest::collection::vec(session_strategy(), 0..40),
        asked in 0i64..80,
    ) {
        let programme = if desk { ProgrammeId::DeskBackCare } else { ProgrammeId::BackBasics };
        let mut state = ProgrammeState::new(programme, START);
        state.sessions_per_week = per_week;
        let records = records_from(programme, &script);
        let now = today(state, &records, day(asked));

        // Every dose inside its technique's range (a `Routine` keeps every bound by type).
        for step in now.routine.steps() {
            if let Some(t) = step.known_technique() {
                prop_assert!(t.range.reps.contains(&step.reps), "{}", step.id);
                prop_assert!(t.range.secs.contains(&step.rep_secs), "{}", step.id);
            }
        }
        for pair in now.weeks_log.windows(2) {
            let (was, next) = (&pair[0], &pair[1]);
            // A week never moves on with fewer sessions than chosen.
            if next.programme_week > was.programme_week {
                prop_assert!(was.done >= u32::from(per_week));
                prop_assert_eq!(next.programme_week, was.programme_week + 1);
            }
            // A red week never progresses: the same week again, lighter.
            if was.light == Some(Light::Red) {
                prop_assert_eq!(next.programme_week, was.programme_week);
                prop_assert!(next.lighter);
            }
            // Amber repeats.
            if was.light == Some(Light::Amber) {
                prop_assert_eq!(next.programme_week, was.programme_week);
            }
        }
        prop_assert!(now.week <= now.weeks);

        // The same history, in any order, gives the same session and the same words.
        let mut reversed = records.clone();
        reversed.reverse();
        prop_assert_eq!(&today(state, &reversed, day(asked)), &now);
    }

    #[test]
    fn a_red_session_never_makes_the_next_session_harder(
        script in proptest::collection::vec(session_strategy(), 0..30),
        asked in 1i64..70,
    ) {
        let state = basics();
        let mut records = records_from(ProgrammeId::BackBasics, &script);
        let before = today(state, &records, day(asked));
        records.push(record(before.routine.id(), day(asked), Some(3), Some(8)));
        let after = today(state, &records, day(asked + 1));
        prop_assert!(after.week <= before.week);
        for step in after.routine.steps() {
            if let Some(old) = before.routine.steps().iter().find(|s| s.id == step.id) {
                prop_assert!(step.reps * step.rep_secs <= old.reps * old.rep_secs, "{}", step.id);
            }
        }
    }
}

#[test]
fn the_headline_gives_the_length_with_the_persons_own_pauses() {
    let now = today(basics(), &[], START);
    let slow = Timing {
        get_ready_secs: 30,
        switch_secs: 30,
    };
    let minutes = (plan::total_secs(&now.routine, slow) + 30) / 60;
    assert!(minutes > (now.total_secs + 30) / 60);
    assert_eq!(
        now.headline_with(slow),
        format!("Week 1 of 8 · session 1 of 3 this week · {minutes} min")
    );
    assert_eq!(now.headline_with(Timing::default()), now.headline());
}
