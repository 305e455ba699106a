//! The figures: every technique has one; its poses are ones a body can take (segment lengths
//! kept, joint angles within normal ranges of motion, nothing under the floor); it moves the
//! way its step does; every figure is told apart from every other; the SVG parses.

use proptest::prelude::*;
use unknot::core::figure::body::{LimbId, P3, Pose, Skeleton, length, out_of_range};
use unknot::core::figure::library::{for_position, for_step, for_technique};
use unknot::core::figure::scene::{BALL_RADIUS, ROLLER_RADIUS};
use unknot::core::figure::{Figure, Motion, Prop, Stage, svg};
use unknot::core::routine::model::{Position, Side, Sides};
use unknot::core::routine::{TechniqueId, technique};

/// How far a surface may sink into the floor where it rests on it (units of height: ~0.5 cm).
const FLOOR_TOLERANCE: f32 = 0.003;

fn every_figure() -> Vec<(&'static str, &'static Figure)> {
    technique::all()
        .iter()
        .map(|t| {
            let figure = for_technique(t.id);
            (t.key(), figure)
        })
        .collect()
}

fn poses(figure: &Figure) -> Vec<Pose> {
    std::iter::once(figure.start)
        .chain(figure.keys.iter().map(|k| k.pose))
        .collect()
}

fn dist(a: P3, b: P3) -> f32 {
    (a - b).length()
}

/// Every segment's length in 3-D, in order: spine parts, neck, then each arm and leg.
fn segment_lengths(s: &Skeleton) -> Vec<(String, f32, f32)> {
    let part = length::TRUNK / 3.0;
    let mut out = vec![
        ("lumbar".into(), dist(s.spine[0], s.spine[1]), part),
        ("thoracic".into(), dist(s.spine[1], s.spine[2]), part),
        ("upper back".into(), dist(s.spine[2], s.spine[3]), part),
        ("neck".into(), dist(s.spine[3], s.neck), length::NECK),
    ];
    for (name, arm) in [("near", s.near_arm), ("far", s.far_arm)] {
        out.push((
            format!("{name} upper arm"),
            dist(arm[0], arm[1]),
            length::UPPER_ARM,
        ));
        out.push((
            format!("{name} forearm"),
            dist(arm[1], arm[2]),
            length::FOREARM,
        ));
        out.push((format!("{name} hand"), dist(arm[2], arm[3]), length::HAND));
    }
    for (name, leg) in [("near", s.near_leg), ("far", s.far_leg)] {
        out.push((format!("{name} thigh"), dist(leg[0], leg[1]), length::THIGH));
        out.push((format!("{name} shank"), dist(leg[1], leg[2]), length::SHANK));
        out.push((format!("{name} foot"), dist(leg[3], leg[4]), length::FOOT));
    }
    out
}

#[test]
fn every_technique_in_the_registry_has_a_figure_with_one_to_three_keyframes() {
    for (key, figure) in every_figure() {
        let t = technique::find(key).expect("in the registry");
        let keys = figure.keys.len();
        if t.id == TechniqueId::RestAndBreathe {
            assert_eq!(keys, 0, "a rest is still");
        } else {
            assert!((1..=3).contains(&keys), "{key}: {keys} keyframes");
        }
        let expected = match t.pattern {
            unknot::core::routine::model::Pattern::Hold => Motion::Hold,
            unknot::core::routine::model::Pattern::Moves => Motion::Cycle,
        };
        assert_eq!(figure.motion, expected, "{key}");
        let mut last = 0.0;
        for k in &figure.keys {
            assert!(k.at > last, "{key}: keyframes in time order");
            last = k.at;
        }
        if figure.motion == Motion::Hold {
            assert!(
                last <= 2.0 + 1e-6,
                "{key}: moves into position in at most 2 s ({last})"
            );
        } else {
            assert!(last < 1.0, "{key}: a cycle's keys lie inside the move");
        }
        assert!(!figure.description.is_empty(), "{key} has a description");
        // A step worked one side at a time names the side; alternating ones go to both.
        assert_eq!(
            figure.description.contains("{side}"),
            t.sides == Sides::Each,
            "{key}: {}",
            figure.description
        );
    }
}

#[test]
fn forward_kinematics_keeps_every_segment_length_in_every_keyframe() {
    for (key, figure) in every_figure() {
        for pose in poses(figure) {
            for (segment, got, want) in segment_lengths(&Skeleton::of(&pose)) {
                assert!(
                    (got - want).abs() < 1e-4,
                    "{key} {segment}: {got} vs {want}"
                );
            }
        }
    }
}

#[test]
fn every_keyframe_is_within_normal_ranges_of_motion() {
    let mut all: Vec<(String, &Figure)> = every_figure()
        .into_iter()
        .map(|(k, f)| (k.to_owned(), f))
        .collect();
    all.extend(
        Position::ALL
            .iter()
            .map(|p| (format!("{p:?}"), for_position(*p))),
    );
    for (key, figure) in all {
        for (i, pose) in poses(figure).iter().enumerate() {
            let problems = out_of_range(pose);
            assert!(problems.is_empty(), "{key} pose {i}: {problems:?}");
        }
    }
}

#[test]
fn no_body_part_sinks_below_the_floor() {
    for (key, figure) in every_figure() {
        for (i, pose) in poses(figure).iter().enumerate() {
            for (p, r) in Skeleton::of(pose).surface_points() {
                assert!(
                    p.y - r >= -FLOOR_TOLERANCE,
                    "{key} pose {i}: a part at {p:?} (radius {r}) is under the floor"
                );
            }
        }
    }
}

#[test]
fn balls_and_rollers_rest_on_the_floor_or_against_a_wall_and_touch_the_body() {
    for (key, figure) in every_figure() {
        let held = Skeleton::of(figure.held());
        let surface = held.surface_points();
        for prop in &figure.props {
            let (at, r) = match prop {
                Prop::Ball { at } => (*at, BALL_RADIUS),
                Prop::Roller { at } => (*at, ROLLER_RADIUS),
                _ => continue,
            };
            let wall = figure.props.iter().find_map(|p| match p {
                Prop::Wall { x } => Some(*x),
                _ => None,
            });
            let on_floor = (at[1] - r).abs() < 0.01;
            let on_wall = wall.is_some_and(|x| (at[0] - r - x).abs() < 0.01);
            assert!(on_floor || on_wall, "{key}: the {prop:?} floats");
            let centre = P3::new(at[0], at[1], 0.0);
            let gap = surface
                .iter()
                .map(|(p, pr)| {
                    let flat = P3::new(p.x, p.y, 0.0);
                    dist(flat, centre) - pr - r
                })
                .fold(f32::INFINITY, f32::min);
            assert!(gap < 0.02, "{key}: the {prop:?} is {gap} from the body");
        }
    }
}

#[test]
fn interpolation_is_exact_at_every_keyframe() {
    for (key, figure) in every_figure() {
        match figure.motion {
            Motion::Hold => {
                let secs = 60.0;
                for k in &figure.keys {
                    let m = figure.moment(Stage::Holding {
                        elapsed: k.at,
                        secs,
                    });
                    assert_eq!(m.pose, k.pose, "{key} at {} s", k.at);
                }
                let end = figure.moment(Stage::Holding {
                    elapsed: 59.0,
                    secs,
                });
                assert_eq!(end.pose, *figure.held());
                assert!(!end.moving, "{key} is still through the hold");
            }
            Motion::Cycle => {
                for k in &figure.keys {
                    let m = figure.moment(Stage::Moving {
                        elapsed: k.at * 4.0,
                        secs: 4.0,
                    });
                    assert_eq!(m.pose, k.pose, "{key} at {} of the move", k.at);
                }
                let end = figure.moment(Stage::Moving {
                    elapsed: 4.0,
                    secs: 4.0,
                });
                assert_eq!(end.pose, figure.start, "{key} ends where it began");
            }
        }
    }
}

/// How different two figures look: their start and held poses, and what props they show.
fn figure_distance(a: &Figure, b: &Figure) -> f32 {
    let props = |f: &Figure| {
        let mut kinds: Vec<String> = f
            .props
            .iter()
            .map(|p| {
                format!("{p:?}")
                    .split([' ', '{'])
                    .next()
                    .unwrap_or("")
                    .to_owned()
            })
            .collect();
        kinds.sort();
        kinds
    };
    let centre = |p: &Prop| match p {
        Prop::Ball { at } | Prop::Roller { at } => Some(*at),
        _ => None,
    };
    // Where the ball or roller sits counts like the pelvis: a hundredth of height a degree.
    let moved: f32 = a
        .props
        .iter()
        .zip(&b.props)
        .filter_map(|(p, q)| Some((centre(p)?, centre(q)?)))
        .map(|(p, q)| 100.0 * ((p[0] - q[0]).powi(2) + (p[1] - q[1]).powi(2)).sqrt())
        .sum();
    let prop_difference = if props(a) == props(b) { moved } else { 20.0 };
    // A hold and a rocking movement look different even through the same positions.
    let motion_difference = if a.motion == b.motion { 0.0 } else { 20.0 };
    a.start.distance(&b.start).max(a.held().distance(b.held()))
        + prop_difference
        + motion_difference
}

#[test]
fn every_technique_looks_different_from_every_other() {
    const THRESHOLD: f32 = 8.0;
    let all = every_figure();
    for (i, (a_key, a)) in all.iter().enumerate() {
        for (b_key, b) in &all[i + 1..] {
            let d = figure_distance(a, b);
            assert!(d >= THRESHOLD, "{a_key} and {b_key} look alike ({d:.1})");
        }
    }
}

#[test]
fn a_step_without_a_technique_shows_its_position_still() {
    for position in Position::ALL {
        let mut step = technique::find("rest-and-breathe")
            .expect("in the registry")
            .step("mine");
        step.technique = None;
        step.position = position;
        let figure = for_step(&step);
        assert_eq!(figure, for_position(position));
        assert!(figure.keys.is_empty());
        let m = figure.moment(Stage::Holding {
            elapsed: 0.0,
            secs: 30.0,
        });
        assert!(!m.moving, "{position:?} does not move");
    }
}

#[test]
fn the_right_side_is_the_mirror_image_of_the_left() {
    let figure = for_technique(TechniqueId::SingleKneeToChest);
    let left = figure.scene(figure.held(), Some(Side::Left));
    let right = figure.scene(figure.held(), Some(Side::Right));
    assert!((left.bounds.min[0] + right.bounds.max[0]).abs() < 1e-5);
    assert!((left.bounds.max[0] + right.bounds.min[0]).abs() < 1e-5);
    assert_eq!(
        figure.describe(Some(Side::Right)),
        "Lying on your back, right knee drawn toward the chest with both hands"
    );
}

#[test]
fn the_svg_of_every_technique_parses_and_has_its_parts() {
    for (key, figure) in every_figure() {
        let side = Some(Side::Left);
        let text = svg::figure_svg(
            &figure.scene(figure.held(), side),
            &figure.frame(),
            &figure.describe(side),
            300.0,
        );
        let doc = roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{key}: {e}"));
        let root = doc.root_element();
        assert_eq!(root.tag_name().name(), "svg");
        let title = root
            .children()
            .find(|n| n.has_tag_name("title"))
            .and_then(|n| n.text())
            .unwrap_or_default();
        assert_eq!(title, figure.describe(side), "{key}");
        let count = |class: &str| {
            root.descendants()
                .filter(|n| n.attribute("class") == Some(class))
                .count()
        };
        // Trunk, neck, head and three parts to each of the four limbs, and any worked area
        // drawn over them.
        let parts = count("body") + count("far") + count("worked");
        assert!(
            (15..=18).contains(&parts),
            "{key}: the whole body ({parts} parts)"
        );
        assert!(count("far") >= 3, "{key}: a far limb is drawn behind");
        assert_eq!(
            count("ground"),
            1 + figure
                .props
                .iter()
                .filter(|p| {
                    matches!(
                        p,
                        Prop::Wall { .. }
                            | Prop::Chair { .. }
                            | Prop::Seat { .. }
                            | Prop::Desk { .. }
                    )
                })
                .count(),
            "{key}: floor"
        );
        let heads = root
            .descendants()
            .filter(|n| n.has_tag_name("circle") && n.attribute("class") == Some("body"))
            .count();
        assert_eq!(heads, 1, "{key}: one head");
        if figure.worked != unknot::core::figure::Worked::empty() {
            assert!(count("worked") >= 1, "{key}: the worked part is shown");
        }
        let props = figure
            .props
            .iter()
            .filter(|p| {
                matches!(
                    p,
                    Prop::Ball { .. }
                        | Prop::Roller { .. }
                        | Prop::Strap
                        | Prop::Stick
                        | Prop::Arrow { .. }
                        | Prop::Along { .. }
                )
            })
            .count();
        assert!(count("prop") >= props, "{key}: its equipment is drawn");
    }
}

fn arb_limb() -> impl Strategy<Value = unknot::core::figure::body::Limb> {
    (
        -60.0f32..180.0,
        0.0f32..150.0,
        -70.0f32..80.0,
        -75.0f32..75.0,
        0.0f32..135.0,
    )
        .prop_map(|(proximal, middle, distal, roll, turn_out)| {
            unknot::core::figure::body::Limb {
                proximal,
                middle,
                distal,
                roll,
                turn_out,
            }
        })
}

fn arb_pose() -> impl Strategy<Value = Pose> {
    (
        (
            -1.0f32..1.0,
            0.0f32..1.0,
            -180.0f32..180.0,
            -25.0f32..80.0,
            -45.0f32..45.0,
        ),
        (arb_limb(), arb_limb(), arb_limb(), arb_limb()),
    )
        .prop_map(|((x, y, trunk, spine, neck), (na, fa, nl, fl))| Pose {
            pelvis: [x, y],
            trunk,
            spine,
            neck,
            near_arm: na,
            far_arm: fa,
            near_leg: nl,
            far_leg: fl,
        })
}

proptest! {
    /// For any pose, forward kinematics keeps every segment's length.
    #[test]
    fn any_pose_keeps_its_segment_lengths(pose in arb_pose()) {
        for (segment, got, want) in segment_lengths(&Skeleton::of(&pose)) {
            prop_assert!((got - want).abs() < 1e-4, "{} {} vs {}", segment, got, want);
        }
    }

    /// For any two poses and any share, the blend lies between them, exactly at the ends.
    #[test]
    fn any_blend_lies_between_its_poses(a in arb_pose(), b in arb_pose(), t in 0.0f32..=1.0) {
        prop_assert_eq!(a.lerp(&b, 0.0), a);
        prop_assert_eq!(a.lerp(&b, 1.0), b);
        let mid = a.lerp(&b, t);
        prop_assert!(a.distance(&mid) <= a.distance(&b) + 1e-3);
    }

    /// For any reachable target, the solver puts the ankle on it with the knee bending forward.
    #[test]
    fn any_reachable_target_is_reached(angle in -180.0f32..180.0, reach_share in 0.2f32..0.99) {
        let mut pose = Pose { pelvis: [0.0, 0.5], trunk: 90.0, ..Pose::default() };
        let d = (length::THIGH + length::SHANK) * reach_share;
        let target = [d * angle.to_radians().cos(), 0.5 + d * angle.to_radians().sin()];
        unknot::core::figure::body::reach(&mut pose, LimbId::NearLeg, target);
        let ankle = Skeleton::of(&pose).near_leg[2];
        prop_assert!((ankle.x - target[0]).abs() < 1e-3 && (ankle.y - target[1]).abs() < 1e-3);
        prop_assert!(pose.near_leg.middle >= 0.0);
    }

    /// For any figure and moment of its step, the pose stays a body's: lengths kept.
    #[test]
    fn any_moment_of_any_figure_is_whole(index in 0usize..64, elapsed in 0.0f32..40.0, secs in 1.0f32..40.0) {
        let all = every_figure();
        let (_, figure) = all[index % all.len()];
        for stage in [
            Stage::Holding { elapsed, secs },
            Stage::Releasing { elapsed, hold_secs: secs },
            Stage::Moving { elapsed: elapsed.min(secs), secs },
        ] {
            let pose = figure.moment(stage).pose;
            for (segment, got, want) in segment_lengths(&Skeleton::of(&pose)) {
                prop_assert!((got - want).abs() < 1e-4, "{} {} vs {}", segment, got, want);
            }
        }
    }
}

#[test]
fn a_printed_cycle_shows_both_ends_of_the_movement() {
    let cat_cow = for_technique(TechniqueId::CatCow);
    let printed = cat_cow.printed_poses();
    assert_eq!(printed.len(), 2, "the round and the sag");
    assert!(printed[0].spine > 0.0 && printed[1].spine < 0.0);
    let tilt = for_technique(TechniqueId::PelvicTilt);
    assert_eq!(tilt.printed_poses().len(), 2, "arched and flat");
    let hold = for_technique(TechniqueId::Sphinx);
    assert_eq!(hold.printed_poses(), vec![*hold.held()]);
}

#[test]
fn the_contact_sheet_in_docs_is_up_to_date() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/figures.svg");
    let kept = std::fs::read_to_string(path).expect("docs/figures.svg");
    assert!(
        kept == svg::contact_sheet(),
        "docs/figures.svg is out of date: run `cargo run --example figure_sheet > docs/figures.svg`"
    );
    roxmltree::Document::parse(&kept).expect("the contact sheet parses");
}

#[test]
fn a_one_sided_stretch_highlights_the_leg_that_works_so_the_side_shows() {
    use unknot::core::figure::Worked;
    use unknot::core::routine::model::StepKind;
    for t in technique::all() {
        if t.kind != StepKind::Stretch || t.sides != Sides::Each {
            continue;
        }
        let figure = for_technique(t.id);
        // A twist shows its side by the arm reaching round to the chair's back instead.
        assert!(
            figure.worked.intersects(Worked::NEAR_LEG)
                || figure.worked.intersects(Worked::NEAR_ARM),
            "{}: the worked leg (or reaching arm) is drawn in the side's colour",
            t.key()
        );
    }
}

/// What must rest on the floor, a chair or a desk in every keyframe of a figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Contact {
    /// Both feet flat on the floor, heel and toes.
    FeetFlat,
    /// The near foot flat on the floor.
    NearFootFlat,
    /// The far foot flat on the floor.
    FarFootFlat,
    /// The near heel on the floor (the leg out straight).
    NearHeelDown,
    /// The far heel on the floor.
    FarHeelDown,
    /// Sitting on the chair's seat: the hips rest on it, inside its front and back.
    OnSeat,
    /// The near knee resting on a chair seat.
    NearKneeOnSeat,
    /// Both hands (fingertips or palms) resting on the desk top.
    HandsOnDesk,
    /// The hips and the low back resting on the floor.
    BackOnFloor,
    /// Both knees on the floor.
    KneesOnFloor,
    /// The near knee on the floor.
    NearKneeOnFloor,
    /// The far hand on the floor.
    FarHandOnFloor,
    /// The near elbow and forearm on the floor.
    NearForearmOnFloor,
    /// Both hands (palms or fingertips) on the floor.
    HandsOnFloor,
    /// The toes of both feet on the floor (kneeling).
    ToesOnFloor,
    /// Both hands holding the near knee (on it, or on the shin or thigh just by it).
    HandsOnNearKnee,
}

/// How far a resting surface may be from what it rests on (units of height: about 1.5 cm).
const CONTACT_TOLERANCE: f32 = 0.009;

fn touching(gap: f32) -> bool {
    gap.abs() <= CONTACT_TOLERANCE
}

/// What is wrong with `contact` in `pose` drawn with `props`, if anything.
fn contact_miss(pose: &Pose, props: &[Prop], contact: Contact) -> Option<String> {
    use unknot::core::figure::body::thickness;
    use unknot::core::figure::scene::{DESK_HEIGHT, SEAT_HEIGHT, desk_span, seat_span};
    let s = Skeleton::of(pose);
    let foot_flat = |leg: &[P3; 5]| {
        touching(leg[3].y - thickness::FOOT) && touching(leg[4].y - thickness::FOOT)
    };
    let heel_down = |leg: &[P3; 5]| touching(leg[4].y - thickness::FOOT);
    let seat = props.iter().find_map(seat_span);
    let on_seat = |p: P3, half: f32| {
        seat.is_some_and(|[a, b]| touching(p.y - half - SEAT_HEIGHT) && (a..=b).contains(&p.x))
    };
    let desk = props.iter().find_map(desk_span);
    let hand_on_desk = |arm: &[P3; 4]| {
        desk.is_some_and(|[a, b]| {
            let wrist = (arm[2], thickness::FOREARM);
            let tip = (arm[3], thickness::HAND);
            [wrist, tip]
                .iter()
                .any(|(p, r)| touching(p.y - r - DESK_HEIGHT) && (a..=b).contains(&p.x))
        })
    };
    let ok = match contact {
        Contact::FeetFlat => foot_flat(&s.near_leg) && foot_flat(&s.far_leg),
        Contact::NearFootFlat => foot_flat(&s.near_leg),
        Contact::FarFootFlat => foot_flat(&s.far_leg),
        Contact::NearHeelDown => heel_down(&s.near_leg),
        Contact::FarHeelDown => heel_down(&s.far_leg),
        Contact::OnSeat => on_seat(s.spine[0], thickness::THIGH),
        Contact::NearKneeOnSeat => on_seat(s.near_leg[1], thickness::THIGH),
        Contact::HandsOnDesk => hand_on_desk(&s.near_arm) && hand_on_desk(&s.far_arm),
        Contact::BackOnFloor => {
            touching(s.spine[0].y - thickness::TRUNK) && touching(s.spine[1].y - thickness::TRUNK)
        }
        Contact::KneesOnFloor => {
            touching(s.near_leg[1].y - thickness::THIGH)
                && touching(s.far_leg[1].y - thickness::THIGH)
        }
        Contact::NearKneeOnFloor => touching(s.near_leg[1].y - thickness::THIGH),
        Contact::FarHandOnFloor => touching(s.far_arm[3].y - thickness::HAND),
        Contact::NearForearmOnFloor => {
            touching(s.near_arm[1].y - thickness::UPPER_ARM)
                && touching(s.near_arm[2].y - thickness::FOREARM)
        }
        Contact::HandsOnFloor => [s.near_arm, s.far_arm].iter().all(|arm| {
            touching(arm[2].y - thickness::FOREARM) || touching(arm[3].y - thickness::HAND)
        }),
        Contact::ToesOnFloor => [s.near_leg, s.far_leg]
            .iter()
            .all(|leg| touching(leg[3].y - thickness::FOOT)),
        Contact::HandsOnNearKnee => {
            /// How far the palm (wrist or fingertips) may be from the knee's centre: the
            /// knee's and the hand's thickness, and a hand's width along the shin or thigh.
            const HOLDING: f32 = thickness::THIGH + thickness::HAND + 0.05;
            let knee = s.near_leg[1];
            let flat = |p: P3| P3::new(p.x, p.y, 0.0);
            [s.near_arm, s.far_arm].iter().all(|arm| {
                [arm[2], arm[3]]
                    .iter()
                    .any(|p| dist(flat(*p), flat(knee)) <= HOLDING)
            })
        }
    };
    (!ok).then(|| format!("{contact:?} misses"))
}

/// The contacts each figure keeps at every moment: at a desk or on a chair, the strengthening
/// exercises, and the floor work whose hands, knees or feet rest somewhere.
fn contacts(id: TechniqueId) -> Option<&'static [Contact]> {
    use Contact::*;
    Some(match id {
        TechniqueId::SeatedSpinalTwist
        | TechniqueId::SeatedBackExtension
        | TechniqueId::SeatedCatCamel
        | TechniqueId::ChinTuck
        | TechniqueId::ShoulderBladeSqueeze
        | TechniqueId::ShoulderRolls => &[OnSeat, FeetFlat],
        TechniqueId::SeatedHamstring => &[OnSeat, FarFootFlat, NearHeelDown],
        TechniqueId::SeatedFigure4 => &[OnSeat, FarFootFlat],
        TechniqueId::StandingBackExtension
        | TechniqueId::PelvicTilt
        | TechniqueId::StandingBrace
        | TechniqueId::StandingShoulderRolls => &[FeetFlat],
        TechniqueId::StandingHipFlexor => &[FarFootFlat, NearKneeOnSeat, HandsOnDesk],
        TechniqueId::DeskHipHinge => &[FeetFlat, HandsOnDesk],
        TechniqueId::CurlUp => &[BackOnFloor, NearFootFlat, FarHeelDown],
        TechniqueId::SideBridge => &[NearForearmOnFloor, KneesOnFloor],
        TechniqueId::BirdDog => &[FarHandOnFloor, NearKneeOnFloor],
        TechniqueId::DeadBug
        | TechniqueId::KneeRolls
        | TechniqueId::KneeRollsAlternating
        | TechniqueId::PiriformisFigure4 => &[BackOnFloor],
        TechniqueId::SingleKneeToChest => &[BackOnFloor, HandsOnNearKnee, FarFootFlat],
        TechniqueId::DoubleKneeToChest => &[BackOnFloor, HandsOnNearKnee],
        TechniqueId::HamstringStrap => &[BackOnFloor, FarFootFlat],
        TechniqueId::CatCow => &[KneesOnFloor, HandsOnFloor, ToesOnFloor],
        TechniqueId::ChildsPose => &[KneesOnFloor, ToesOnFloor],
        _ => return None,
    })
}

#[test]
fn seats_feet_knees_and_hands_rest_where_the_exercise_puts_them_at_every_moment() {
    let mut misses = Vec::new();
    for t in technique::all() {
        let Some(list) = contacts(t.id) else {
            // Every exercise on a chair or at a desk is checked.
            assert!(
                t.position != Position::OnChair
                    && !matches!(
                        t.equipment,
                        unknot::core::routine::Equipment::Chair
                            | unknot::core::routine::Equipment::Desk
                    ),
                "{}: no contacts listed",
                t.key()
            );
            continue;
        };
        if t.position == Position::OnChair {
            assert!(list.contains(&Contact::OnSeat), "{}", t.key());
        }
        let figure = for_technique(t.id);
        for (when, pose) in every_moment(figure) {
            for contact in list {
                if let Some(miss) = contact_miss(&pose, &figure.props, *contact) {
                    misses.push(format!("{} at {when}: {miss}", t.key()));
                }
            }
        }
    }
    assert!(misses.is_empty(), "{}", misses.join("\n"));
}

#[test]
fn the_checks_notice_a_seat_foot_toe_or_hand_out_of_place_and_a_leg_through_the_trunk() {
    let figure = for_technique(TechniqueId::ChinTuck);
    let mut lifted = figure.start;
    lifted.pelvis[1] += 0.03;
    assert!(contact_miss(&lifted, &figure.props, Contact::OnSeat).is_some());
    assert!(contact_miss(&lifted, &figure.props, Contact::FeetFlat).is_some());
    let mut forward = figure.start;
    forward.pelvis[0] += 0.3;
    assert!(contact_miss(&forward, &figure.props, Contact::OnSeat).is_some());
    assert!(contact_miss(&figure.start, &[], Contact::OnSeat).is_some());
    let hinge = for_technique(TechniqueId::DeskHipHinge);
    let mut low = *hinge.held();
    low.near_arm.proximal -= 20.0;
    assert!(contact_miss(&low, &hinge.props, Contact::HandsOnDesk).is_some());
    // Toes that float, hands that let go of the knee, a leg through the belly.
    let cat_cow = for_technique(TechniqueId::CatCow);
    let mut pointed = cat_cow.start;
    pointed.near_leg.distal = 50.0;
    assert!(contact_miss(&pointed, &[], Contact::ToesOnFloor).is_some());
    assert!(contact_miss(&cat_cow.start, &[], Contact::ToesOnFloor).is_none());
    let knee = for_technique(TechniqueId::SingleKneeToChest);
    let mut let_go = *knee.held();
    let_go.near_arm.proximal -= 40.0;
    assert!(contact_miss(&let_go, &[], Contact::HandsOnNearKnee).is_some());
    assert!(contact_miss(knee.held(), &[], Contact::HandsOnNearKnee).is_none());
    let mut through = *knee.held();
    through.near_leg.proximal = 200.0;
    assert!(leg_through_trunk(&through).is_some());
    assert!(leg_through_trunk(knee.held()).is_none());
}

/// Every moment of a figure's step worth checking: the start, then 24 moments through the way
/// in and back of a 30 s hold, or through one move of a cycle.
fn every_moment(figure: &Figure) -> Vec<(String, Pose)> {
    const SAMPLES: u16 = 24;
    let mut out = vec![("start".to_owned(), figure.start)];
    for i in 0..=SAMPLES {
        let share = f32::from(i) / f32::from(SAMPLES);
        let stages = match figure.motion {
            Motion::Hold => {
                let secs = 30.0;
                let way = figure.move_in_secs(secs);
                vec![
                    Stage::Holding {
                        elapsed: way * share,
                        secs,
                    },
                    Stage::Releasing {
                        elapsed: way * share,
                        hold_secs: secs,
                    },
                ]
            }
            Motion::Cycle => vec![Stage::Moving {
                elapsed: 4.0 * share,
                secs: 4.0,
            }],
        };
        for stage in stages {
            out.push((format!("{stage:?}"), figure.moment(stage).pose));
        }
    }
    out
}

/// Where the 2-D segments `first` and `second` cross (side view), if they do.
fn crossing(first: [P3; 2], second: [P3; 2]) -> Option<P3> {
    let (start, along) = (first[0], first[1] - first[0]);
    let (other, other_along) = (second[0], second[1] - second[0]);
    let cross = |u: P3, v: P3| u.x * v.y - u.y * v.x;
    let denom = cross(along, other_along);
    if denom.abs() < 1e-9 {
        return None;
    }
    let share = cross(other - start, other_along) / denom;
    let other_share = cross(other - start, along) / denom;
    ((0.0..=1.0).contains(&share) && (0.0..=1.0).contains(&other_share))
        .then(|| start + along * share)
}

/// A leg that crosses the line of the spine away from the hip, as drawn from the side: a thigh
/// or shin through the belly or the back. (The arms hang from the shoulders beside the trunk,
/// so seen from the side they may pass in front of it, as in a twist or a hand on the hip; the
/// legs hang from its lower end and cannot.)
fn leg_through_trunk(pose: &Pose) -> Option<String> {
    /// How close to the hip a leg may cross the spine's line (it starts on it).
    const AT_JOINT: f32 = 0.06;
    let s = Skeleton::of(pose);
    let spine: Vec<[P3; 2]> = s.spine.windows(2).map(|w| [w[0], w[1]]).collect();
    let flat = |p: P3| P3::new(p.x, p.y, 0.0);
    for (name, leg) in [("near leg", s.near_leg), ("far leg", s.far_leg)] {
        let hip = leg[0];
        // Thigh, shank and foot (ankle to toes).
        for segment in leg[..4].windows(2) {
            for part in &spine {
                if let Some(at) = crossing([segment[0], segment[1]], *part)
                    && dist(flat(at), flat(hip)) > AT_JOINT
                {
                    return Some(format!("the {name} crosses the trunk at {at:?}"));
                }
            }
        }
    }
    None
}

#[test]
fn no_leg_passes_through_the_trunk_at_any_moment_of_any_figure() {
    let mut misses = Vec::new();
    for (key, figure) in every_figure() {
        for (when, pose) in every_moment(figure) {
            if let Some(miss) = leg_through_trunk(&pose) {
                misses.push(format!("{key} at {when}: {miss}"));
            }
        }
    }
    assert!(misses.is_empty(), "{}", misses.join("\n"));
}

#[test]
fn knee_rolls_and_the_pelvic_tilt_show_their_movement() {
    use unknot::core::figure::body::thickness;
    let arrow = |figure: &Figure| figure.props.iter().any(|p| matches!(p, Prop::Arrow { .. }));
    // The knees travel far enough to see, and an arrow says which way.
    for id in [TechniqueId::KneeRolls, TechniqueId::KneeRollsAlternating] {
        let figure = for_technique(id);
        let moved = dist(
            Skeleton::of(&figure.start).near_leg[1],
            Skeleton::of(&figure.keys[0].pose).near_leg[1],
        );
        assert!(moved >= 0.1, "{id:?}: the knee moves {moved}");
        assert!(arrow(figure), "{id:?} has an arrow");
    }
    // The low back lifts off the floor and presses down by a visible amount (2 cm or more),
    // with an arrow showing it.
    let tilt = for_technique(TechniqueId::PelvicTilt);
    let gap = |pose: &Pose| Skeleton::of(pose).spine[1].y - thickness::TRUNK;
    let lifted = gap(&tilt.start) - gap(&tilt.keys[0].pose);
    assert!(lifted >= 0.012, "the low back rises {lifted}");
    assert!(arrow(tilt), "the pelvic tilt has an arrow");
}
