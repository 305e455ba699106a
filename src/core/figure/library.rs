//! The authored figures: a starting pose per position, and a figure for every technique in the
//! registry, built from those poses with the two-bone solver keeping hands, knees and feet where
//! the exercise puts them. Each was checked by eye against the technique's instructions (see the
//! contact sheet in `docs/figures.svg`): the balls and rollers sit beside the spine or under a
//! muscle, never on the spine or a joint.
//!
//! Authoring frame: lying figures have the head toward −x; standing, sitting and kneeling ones
//! face +x; the near limbs are the worked side's (the left side: the right side is mirrored).

use super::body::{LimbId, P3, Pose, Skeleton, length, range, reach, thickness, wrap};
use super::scene::{BALL_RADIUS, DESK_HEIGHT, ROLLER_RADIUS, SEAT_HEIGHT};
use super::{Figure, Keep, Key, Motion, Prop, Worked};
use crate::core::routine::TechniqueId;
use crate::core::routine::model::{Position, Step};

use super::body::Limb;
use std::sync::OnceLock;

/// Height of the hip joints above the floor when lying on the back or front.
const LYING_HIP: f32 = thickness::TRUNK;

/// Where a lying figure's feet go when its knees are bent and its feet flat.
const HOOK_FEET_X: f32 = 0.33;

/// The ankle's height when the foot is flat on the floor.
const FLAT_ANKLE: f32 = length::ANKLE_HEIGHT + thickness::FOOT;

fn set_ankle(pose: &mut Pose, leg: LimbId, distal: f32) {
    leg.of_mut(pose).distal = distal;
}

/// The direction (degrees) of the limb's middle part: the shank, or the forearm.
fn middle_direction(pose: &Pose, limb: LimbId) -> f32 {
    let s = Skeleton::of(pose);
    let (upper, lower) = match limb {
        LimbId::NearLeg => (s.near_leg[1], s.near_leg[2]),
        LimbId::FarLeg => (s.far_leg[1], s.far_leg[2]),
        LimbId::NearArm => (s.near_arm[1], s.near_arm[2]),
        LimbId::FarArm => (s.far_arm[1], s.far_arm[2]),
    };
    (lower - upper).degrees()
}

/// Sets the ankle angle so the foot points along `direction` (degrees).
fn foot_along(pose: &mut Pose, leg: LimbId, direction: f32) {
    let shank = middle_direction(pose, leg);
    set_ankle(pose, leg, wrap(shank + 90.0 - direction));
}

/// Puts a foot flat on the floor with its ankle at `x`.
fn foot_flat(pose: &mut Pose, leg: LimbId, x: f32) {
    reach(pose, leg, [x, FLAT_ANKLE]);
    foot_along(pose, leg, 0.0);
}

/// Sets the wrist so the hand points along `direction`, within the wrist's range.
fn hand_along(pose: &mut Pose, arm: LimbId, direction: f32) {
    let fore = middle_direction(pose, arm);
    let mut distal = wrap(direction - fore);
    if let Some(wrist) = range("wrist") {
        distal = distal.clamp(-wrist.extension, wrist.flexion);
    }
    arm.of_mut(pose).distal = distal;
}

/// Points the thigh along `thigh` and the shank along `shank` (absolute degrees).
fn leg_along(pose: &mut Pose, leg: LimbId, thigh: f32, shank: f32, distal: f32) {
    *leg.of_mut(pose) = Limb::bent(thigh - pose.trunk + 180.0, thigh - shank, distal);
}

/// Crosses the near ankle over a point (the other knee): searches the hip's flexion and the
/// lower leg's turn about the thigh for the pose whose ankle, seen from the side, rests on
/// `target`. A small grid search, done once when the figure is built.
fn cross_ankle_onto(pose: &mut Pose, target: [f32; 2]) {
    let mut best = (f32::INFINITY, pose.near_leg);
    for proximal in (0..=120).step_by(2) {
        for turn in (90..=135).step_by(3) {
            let mut trial = *pose;
            trial.near_leg = Limb {
                proximal: proximal as f32,
                middle: 100.0,
                distal: 10.0,
                roll: 0.0,
                turn_out: turn as f32,
            };
            let ankle = Skeleton::of(&trial).near_leg[2];
            let miss = (ankle.x - target[0]).powi(2) + (ankle.y - target[1]).powi(2);
            if miss < best.0 {
                best = (miss, trial.near_leg);
            }
        }
    }
    pose.near_leg = best.1;
}

/// Where a crossed ankle rests on the far knee: on top of it.
fn on_far_knee(pose: &Pose) -> [f32; 2] {
    let knee = Skeleton::of(pose).far_leg[1];
    [knee.x - 0.01, knee.y + thickness::THIGH + thickness::SHANK]
}

/// Lying on the back: both arms straight, resting on the floor beside the body.
fn arms_along_floor(pose: &mut Pose) {
    let shoulder = Skeleton::of(pose).spine[3];
    let long = length::UPPER_ARM + length::FOREARM;
    let drop = shoulder.y - thickness::FOREARM - 0.002;
    let x = shoulder.x + (long * long - drop * drop).max(0.0).sqrt();
    for arm in [LimbId::NearArm, LimbId::FarArm] {
        reach(pose, arm, [x, thickness::FOREARM + 0.002]);
        hand_along(pose, arm, 0.0);
    }
}

/// A "roll along here" arrow beside the part from `a` to `b` (body points), `offset` away from
/// it (up, or toward the back when negative), running over the middle 70 % of it.
fn along_part(a: P3, b: P3, offset: [f32; 2]) -> Prop {
    let at = |share: f32| {
        let p = a * (1.0 - share) + b * share;
        [p.x + offset[0], p.y + offset[1]]
    };
    Prop::Along {
        from: at(0.15),
        to: at(0.85),
    }
}

/// An up-and-down arrow on the far side of a wall at `wall`, beside a ball at height `y`.
fn up_and_down_by_wall(wall: f32, y: f32) -> Prop {
    Prop::Along {
        from: [wall - 0.04, y - 0.07],
        to: [wall - 0.04, y + 0.07],
    }
}

/// Both arms reaching to the same point.
fn hands_to(pose: &mut Pose, target: [f32; 2]) {
    reach(pose, LimbId::NearArm, target);
    reach(pose, LimbId::FarArm, target);
}

fn point(p: P3, dx: f32, dy: f32) -> [f32; 2] {
    [p.x + dx, p.y + dy]
}

/// Lying on the back, legs long, arms by the sides.
fn lying_long() -> Pose {
    Pose {
        pelvis: [0.0, LYING_HIP],
        trunk: 180.0,
        spine: 0.0,
        neck: 4.0,
        near_arm: Limb::bent(-10.0, 10.0, 0.0),
        far_arm: Limb::bent(-10.0, 10.0, 0.0),
        // Heels on the floor lift the legs a little.
        near_leg: Limb::bent(2.0, 0.0, 20.0),
        far_leg: Limb::bent(2.0, 0.0, 20.0),
    }
}

/// Lying on the back, knees bent, feet flat, arms by the sides: the start of most floor work.
fn hook_lying() -> Pose {
    hook_lying_feet_at(HOOK_FEET_X)
}

/// Lying on the back, knees bent, the ankles at `feet_x`.
fn hook_lying_feet_at(feet_x: f32) -> Pose {
    let mut pose = lying_long();
    foot_flat(&mut pose, LimbId::NearLeg, feet_x);
    foot_flat(&mut pose, LimbId::FarLeg, feet_x);
    pose
}

/// Lying face down, arms by the sides. (Face down, the head is toward +x: the front of the
/// body is always on the clockwise side of the spine.)
fn lying_front() -> Pose {
    Pose {
        pelvis: [0.0, LYING_HIP],
        trunk: 0.0,
        spine: 0.0,
        neck: -6.0,
        near_arm: Limb::bent(4.0, 0.0, 0.0),
        far_arm: Limb::bent(4.0, 0.0, 0.0),
        near_leg: Limb::bent(-2.0, 0.0, 50.0),
        far_leg: Limb::bent(-2.0, 0.0, 50.0),
    }
}

/// Lying face down propped on the forearms, elbows under the shoulders.
fn on_forearms(trunk_lift: f32, arch: f32) -> Pose {
    let mut pose = lying_front();
    pose.trunk = trunk_lift;
    pose.spine = -arch;
    // The legs stay on the floor as the pelvis tips: the hips extend by the same angle.
    pose.near_leg.proximal -= trunk_lift;
    pose.far_leg.proximal -= trunk_lift;
    // The neck stays long: the head follows the line of the back, eyes to the floor ahead.
    pose.neck = 0.35 * (trunk_lift + arch);
    forearms_on_floor(&mut pose, 0.0);
    pose
}

/// Both elbows on the floor ahead of the shoulders (toward +x), the forearms pointing along
/// `forearm` degrees from there: lying propped on the forearms, or with the hands on the belly.
fn forearms_on_floor(pose: &mut Pose, forearm: f32) {
    let shoulder = Skeleton::of(pose).spine[3];
    let elbow_y = thickness::UPPER_ARM + 0.002;
    let drop = (shoulder.y - elbow_y).min(length::UPPER_ARM);
    let elbow = [
        shoulder.x + (length::UPPER_ARM.powi(2) - drop * drop).sqrt(),
        elbow_y,
    ];
    let along = forearm.to_radians();
    let wrist = [
        elbow[0] + length::FOREARM * along.cos(),
        elbow[1] + length::FOREARM * along.sin(),
    ];
    hands_to(pose, wrist);
    hand_along(pose, LimbId::NearArm, forearm);
    hand_along(pose, LimbId::FarArm, forearm);
}

/// On hands and knees: hips over knees, shoulders over hands, back flat.
fn hands_and_knees() -> Pose {
    let knee_y = thickness::THIGH;
    let mut pose = Pose {
        pelvis: [0.0, knee_y + length::THIGH],
        trunk: 16.0,
        spine: 0.0,
        neck: 0.0,
        ..Pose::default()
    };
    // Shins along the floor, rising a little to the ankles so the feet can point back within
    // the ankle's range, toes on the floor.
    let shin = 165.0_f32.to_radians();
    for leg in [LimbId::NearLeg, LimbId::FarLeg] {
        reach(
            &mut pose,
            leg,
            [
                length::SHANK * shin.cos(),
                knee_y + 0.004 + length::SHANK * shin.sin(),
            ],
        );
        toes_down(&mut pose, leg);
    }
    let shoulder = Skeleton::of(&pose).spine[3];
    for arm in [LimbId::NearArm, LimbId::FarArm] {
        reach(&mut pose, arm, [shoulder.x + 0.01, 0.04]);
        hand_along(&mut pose, arm, -15.0);
    }
    pose.neck = 12.0;
    pose
}

/// Standing tall, arms by the sides.
fn standing() -> Pose {
    let mut pose = Pose {
        pelvis: [0.0, FLAT_ANKLE + length::THIGH + length::SHANK - 0.002],
        trunk: 90.0,
        near_arm: Limb::bent(0.0, 8.0, 0.0),
        far_arm: Limb::bent(0.0, 8.0, 0.0),
        ..Pose::default()
    };
    foot_flat(&mut pose, LimbId::NearLeg, 0.0);
    foot_flat(&mut pose, LimbId::FarLeg, 0.0);
    pose
}

/// Standing with the back to a wall at `wall_x`, knees bent by `squat` (hip drop, in units of
/// height). The feet are a step out from the wall.
fn against_wall(wall_x: f32, squat: f32, lean: f32) -> Pose {
    const FEET_AHEAD: f32 = 0.1;
    let mut pose = standing();
    let leg = length::THIGH + length::SHANK;
    pose.pelvis = [
        wall_x + thickness::TRUNK + BALL_RADIUS * 2.0,
        (leg * leg - FEET_AHEAD * FEET_AHEAD).sqrt() * 0.998 + FLAT_ANKLE - squat,
    ];
    pose.trunk = 90.0 - lean;
    let feet_x = pose.pelvis[0] + FEET_AHEAD;
    foot_flat(&mut pose, LimbId::NearLeg, feet_x);
    foot_flat(&mut pose, LimbId::FarLeg, feet_x);
    pose
}

/// Sitting on a chair, feet flat, hands on the thighs.
fn sitting_chair() -> Pose {
    let mut pose = Pose {
        pelvis: [0.0, SEAT_HEIGHT + thickness::THIGH],
        trunk: 88.0,
        ..Pose::default()
    };
    foot_flat(&mut pose, LimbId::NearLeg, length::THIGH + 0.01);
    foot_flat(&mut pose, LimbId::FarLeg, length::THIGH + 0.01);
    let knee = Skeleton::of(&pose).near_leg[1];
    hands_to(&mut pose, point(knee, -0.09, 0.05));
    hand_along(&mut pose, LimbId::NearArm, -10.0);
    hand_along(&mut pose, LimbId::FarArm, -10.0);
    pose
}

/// Sitting on the floor (or on a roller or ball raising the hips by `raise`), leaning back on
/// the hands, knees bent, feet flat.
fn sitting_floor(raise: f32, lean: f32) -> Pose {
    let mut pose = Pose {
        pelvis: [0.0, 0.065 + raise],
        trunk: 90.0 + lean,
        neck: 10.0,
        ..Pose::default()
    };
    foot_flat(&mut pose, LimbId::NearLeg, 0.36);
    foot_flat(&mut pose, LimbId::FarLeg, 0.36);
    let shoulder = Skeleton::of(&pose).spine[3];
    for arm in [LimbId::NearArm, LimbId::FarArm] {
        reach(&mut pose, arm, [shoulder.x - 0.14, 0.045]);
        hand_along(&mut pose, arm, 190.0);
    }
    pose
}

/// Kneeling on the near knee, the far foot flat in front.
fn half_kneeling(shift: f32) -> Pose {
    let knee_y = thickness::THIGH;
    let mut pose = Pose {
        pelvis: [shift, knee_y + length::THIGH * 0.97],
        trunk: 90.0,
        ..Pose::default()
    };
    reach(
        &mut pose,
        LimbId::NearLeg,
        [-0.06 - length::SHANK * 0.96, knee_y + 0.06],
    );
    set_ankle(&mut pose, LimbId::NearLeg, 45.0);
    foot_flat(&mut pose, LimbId::FarLeg, length::THIGH + 0.04);
    let knee = Skeleton::of(&pose).far_leg[1];
    hands_to(&mut pose, point(knee, -0.02, 0.03));
    hand_along(&mut pose, LimbId::NearArm, 0.0);
    hand_along(&mut pose, LimbId::FarArm, 0.0);
    pose
}

/// The base pose of a position: what a step without a technique shows, still.
#[must_use]
pub fn position_pose(position: Position) -> (Pose, Vec<Prop>) {
    match position {
        Position::OnBack => (hook_lying(), Vec::new()),
        Position::OnFront => (lying_front(), Vec::new()),
        Position::OnSide => (side_lying(false), Vec::new()),
        Position::HandsAndKnees => (hands_and_knees(), Vec::new()),
        Position::HalfKneeling => (half_kneeling(0.0), Vec::new()),
        Position::Sitting => (sitting_floor(0.0, 20.0), Vec::new()),
        Position::OnChair => (sitting_chair(), vec![CHAIR]),
        Position::Standing => (standing(), Vec::new()),
        Position::AgainstWall => (against_wall(-0.12, 0.0, 0.0), vec![Prop::Wall { x: -0.12 }]),
    }
}

/// What a position's base pose shows, for a screen reader.
fn position_description(position: Position) -> &'static str {
    match position {
        Position::OnBack => "Lying on your back, knees bent, feet flat on the floor",
        Position::OnFront => "Lying on your front, arms by your sides",
        Position::HandsAndKnees => "On hands and knees, back flat",
        Position::HalfKneeling => "Kneeling on one knee, the other foot flat in front",
        Position::OnSide => "Lying on your side, propped on your forearm, knees bent",
        Position::Sitting => "Sitting on the floor, leaning back on your hands",
        Position::OnChair => "Sitting on a chair, feet flat on the floor",
        Position::Standing => "Standing tall, arms by your sides",
        Position::AgainstWall => "Standing with your back to a wall",
    }
}

/// A still figure of a position's base pose, built once on first use.
#[must_use]
pub fn for_position(position: Position) -> &'static Figure {
    static FIGURES: OnceLock<Vec<Figure>> = OnceLock::new();
    let figures =
        FIGURES.get_or_init(|| Position::ALL.iter().map(|p| position_figure(*p)).collect());
    let index = Position::ALL
        .iter()
        .position(|p| *p == position)
        .unwrap_or(0);
    &figures[index]
}

fn position_figure(position: Position) -> Figure {
    let (start, props) = position_pose(position);
    Figure {
        start,
        keys: Vec::new(),
        motion: Motion::Hold,
        props,
        worked: Worked::empty(),
        keep: None,
        description: position_description(position),
    }
}

/// The figure a step shows: its technique's, else its position's base pose.
#[must_use]
pub fn for_step(step: &Step) -> &'static Figure {
    step.technique_id()
        .map_or_else(|| for_position(step.position), for_technique)
}

fn hold(start: Pose, keys: &[(f32, Pose)]) -> Figure {
    Figure {
        start,
        keys: keys
            .iter()
            .map(|(at, pose)| Key {
                at: *at,
                pose: *pose,
            })
            .collect(),
        motion: Motion::Hold,
        props: Vec::new(),
        worked: Worked::empty(),
        keep: None,
        description: "",
    }
}

fn cycle(start: Pose, keys: &[(f32, Pose)]) -> Figure {
    Figure {
        motion: Motion::Cycle,
        ..hold(start, keys)
    }
}

impl Figure {
    fn worked(mut self, worked: Worked) -> Self {
        self.worked = worked;
        self
    }

    fn with(mut self, props: &[Prop]) -> Self {
        self.props = props.to_vec();
        self
    }

    /// Keeps `keep` where it rests at every moment, the keyframes included.
    fn keeping(mut self, keep: Keep) -> Self {
        self.keep = Some(keep);
        keep_in(&mut self.start, keep);
        for key in &mut self.keys {
            keep_in(&mut key.pose, keep);
        }
        self
    }

    fn described(mut self, description: &'static str) -> Self {
        self.description = description;
        self
    }
}

/// Puts what a figure keeps back where it rests in `pose` (see [`Keep`]).
pub(super) fn keep(pose: &mut Pose, keep: Keep) {
    keep_in(pose, keep);
}

fn keep_in(pose: &mut Pose, keep: Keep) {
    match keep {
        Keep::HandsOnKnee(leg) => hold_knee(pose, leg),
        Keep::HandsOnDesk { x } => hands_on_desk(pose, x),
        Keep::Kneeling { knee } => {
            let now = Skeleton::of(pose).near_leg[1];
            pose.pelvis = [
                pose.pelvis[0] + knee[0] - now.x,
                pose.pelvis[1] + knee[1] - now.y,
            ];
            toes_down(pose, LimbId::NearLeg);
            toes_down(pose, LimbId::FarLeg);
        }
    }
}

/// Turns the ankle, within its range, so the toes rest on the floor, tucked under (kneeling).
fn toes_down(pose: &mut Pose, leg: LimbId) {
    let Some(ankle) = range("ankle") else {
        return;
    };
    let toes_gap = |pose: &Pose| {
        let s = Skeleton::of(pose);
        let points = if leg == LimbId::NearLeg {
            s.near_leg
        } else {
            s.far_leg
        };
        (points[3].y - thickness::FOOT).abs()
    };
    let mut best = (f32::INFINITY, leg.of(pose).distal);
    let mut distal = -ankle.extension;
    while distal <= ankle.flexion {
        let mut trial = *pose;
        set_ankle(&mut trial, leg, distal);
        let gap = toes_gap(&trial);
        if gap < best.0 {
            best = (gap, distal);
        }
        distal += 0.25;
    }
    set_ankle(pose, leg, best.1);
}

/// Hands flat on a desk top, the wrists at `x`; where the desk is out of reach of a flat hand
/// (standing up close), on the fingertips just beyond it.
fn hands_on_desk(pose: &mut Pose, x: f32) {
    let wrist = [x, DESK_HEIGHT + thickness::HAND];
    hands_to(pose, wrist);
    let reached = Skeleton::of(pose).near_arm[2];
    if (reached.x - wrist[0]).hypot(reached.y - wrist[1]) > 0.002 {
        fingertips_on_desk(pose, x + 0.02);
    } else {
        hand_along(pose, LimbId::NearArm, 0.0);
        hand_along(pose, LimbId::FarArm, 0.0);
    }
}

/// Hands holding the front of the knee(s) in `pose`.
fn hold_knee(pose: &mut Pose, leg: LimbId) {
    let s = Skeleton::of(pose);
    let knee = if leg == LimbId::NearLeg {
        s.near_leg[1]
    } else {
        s.far_leg[1]
    };
    hands_to(pose, point(knee, 0.03, -0.03));
    hand_along(pose, LimbId::NearArm, 20.0);
    hand_along(pose, LimbId::FarArm, 20.0);
}

fn knee_to_chest(both: bool) -> Figure {
    // The hands rest on the knee from the start and hold it all the way in and out.
    let mut start = hook_lying();
    hold_knee(&mut start, LimbId::NearLeg);
    let mut held = start;
    held.near_leg = Limb::bent(115.0, 125.0, 10.0);
    if both {
        // Both knees in, the far one a little apart so both can be seen.
        held.far_leg = Limb::bent(105.0, 118.0, 10.0);
    }
    held.neck = 6.0;
    hold_knee(&mut held, LimbId::NearLeg);
    // One leg comes up first (for both knees, the other follows).
    let mut reach_pose = start;
    reach_pose.near_leg = Limb::bent(80.0, 110.0, 10.0);
    hold_knee(&mut reach_pose, LimbId::NearLeg);
    let figure =
        hold(start, &[(0.8, reach_pose), (1.8, held)]).keeping(Keep::HandsOnKnee(LimbId::NearLeg));
    if both {
        figure
            .worked(Worked::LOW_BACK | Worked::BUTTOCK)
            .described("Lying on your back, both knees hugged toward the chest")
    } else {
        figure
            .worked(Worked::NEAR_LEG | Worked::BUTTOCK)
            .described("Lying on your back, {side} knee drawn toward the chest with both hands")
    }
}

/// An arrow from where the knees start to where they roll (side-on, a roll toward you lowers
/// them; the arrow says which way they go).
fn knee_roll_arrow() -> Prop {
    let up = Skeleton::of(&hook_lying()).near_leg[1];
    let down = Skeleton::of(&knees_rolled(55.0)).near_leg[1];
    Prop::Arrow {
        from: [up.x + 0.05, up.y + 0.03],
        to: [down.x + 0.08, down.y + 0.02],
    }
}

fn knees_rolled(roll: f32) -> Pose {
    let mut pose = hook_lying();
    // Rolled toward you: the near knee drops further than the far one, which shows above it.
    pose.near_leg.roll = roll;
    pose.far_leg.roll = roll * 0.7;
    pose.near_arm = Limb::bent(-10.0, 10.0, 0.0);
    pose
}

fn pelvic_tilt() -> Figure {
    let mut arched = hook_lying();
    arched.spine = -22.0;
    arched.trunk = 180.0 - 11.0;
    arched.neck = 16.0;
    arched.pelvis[1] = LYING_HIP + 0.004;
    let mut flat = hook_lying();
    flat.spine = 6.0;
    flat.trunk = 180.0 + 3.0;
    flat.pelvis[1] = LYING_HIP + 0.004;
    for pose in [&mut arched, &mut flat] {
        foot_flat(pose, LimbId::NearLeg, HOOK_FEET_X);
        foot_flat(pose, LimbId::FarLeg, HOOK_FEET_X);
        arms_along_floor(pose);
    }
    // An arrow over the belly from the arched low back down to where it presses flat, so the
    // small movement shows in a still picture too.
    let (high, low) = (Skeleton::of(&arched).spine[1], Skeleton::of(&flat).spine[1]);
    let rock = Prop::Arrow {
        from: [high.x, high.y + thickness::TRUNK + 0.06],
        to: [low.x + 0.05, low.y + thickness::TRUNK + 0.02],
    };
    cycle(arched, &[(0.5, flat)])
        .worked(Worked::LOW_BACK)
        .with(&[rock])
        .described("Lying on your back, knees bent: the low back pressed flat, then gently arched")
}

fn bridge() -> Figure {
    // Shoulders stay down; the hips rise until shoulders, hips and knees make one line, with
    // the shins upright over the feet (which do not move).
    const LINE: f32 = 26.0;
    let shoulder = Skeleton::of(&hook_lying()).spine[3];
    let along = P3::toward(LINE);
    let hip = shoulder + along * length::TRUNK;
    let knee = hip + along * length::THIGH;
    let feet_x = knee.x
        + (length::SHANK.powi(2) - (knee.y - FLAT_ANKLE).powi(2))
            .max(0.0)
            .sqrt();
    let start = hook_lying_feet_at(feet_x);
    let mut up = start;
    up.trunk = 180.0 + LINE;
    // The head stays on the floor: the neck bends as the chest rises.
    up.neck = LINE + 6.0;
    up.pelvis = [hip.x, hip.y];
    foot_flat(&mut up, LimbId::NearLeg, feet_x);
    foot_flat(&mut up, LimbId::FarLeg, feet_x);
    arms_along_floor(&mut up);
    hold(start, &[(1.6, up)])
        .worked(Worked::BUTTOCK | Worked::NEAR_THIGH)
        .described("Lying on your back, hips lifted so shoulders, hips and knees make a line")
}

fn brace() -> Figure {
    let start = hook_lying();
    let mut braced = start;
    // Fingertips just inside the hip bones, where the brace can be felt; elbows on the floor.
    forearms_on_floor(&mut braced, 50.0);
    hand_along(&mut braced, LimbId::NearArm, -10.0);
    hand_along(&mut braced, LimbId::FarArm, -10.0);
    let mut held = braced;
    held.spine = 2.0;
    hold(braced, &[(1.0, held)])
        .worked(Worked::BELLY)
        .described("Lying on your back, knees bent, fingertips just inside the hip bones as the tummy tightens")
}

fn cat_cow() -> Figure {
    let neutral = hands_and_knees();
    let mut cat = neutral;
    cat.spine = 45.0;
    cat.trunk = neutral.trunk + 22.0;
    cat.neck = 40.0;
    let mut cow = neutral;
    cow.spine = -22.0;
    cow.trunk = neutral.trunk - 11.0;
    // Head in line with the back, not tipped back.
    cow.neck = -4.0;
    // Hands and knees stay where they are while the back moves.
    let still = Skeleton::of(&neutral);
    for pose in [&mut cat, &mut cow] {
        for arm in [LimbId::NearArm, LimbId::FarArm] {
            reach(pose, arm, [still.near_arm[2].x, still.near_arm[2].y]);
            hand_along(pose, arm, -15.0);
        }
        for leg in [LimbId::NearLeg, LimbId::FarLeg] {
            reach(pose, leg, [still.near_leg[2].x, still.near_leg[2].y]);
            toes_down(pose, leg);
        }
    }
    cycle(neutral, &[(0.25, cat), (0.5, neutral), (0.75, cow)])
        .worked(Worked::TRUNK)
        .described("On hands and knees: the back rounded up toward the ceiling, then gently sagged")
}

fn childs_pose() -> Figure {
    let start = hands_and_knees();
    let s = Skeleton::of(&start);
    let hands = s.near_arm[2];
    let mut back = start;
    // Knees stay where they are while the bottom sits back toward the heels (not all the way:
    // the caution says to stop short if the knees hurt).
    let knee = s.near_leg[1];
    back.near_leg = Limb::bent(120.0, 130.0, start.near_leg.distal);
    back.far_leg = back.near_leg;
    back.trunk = 5.0;
    back.spine = 30.0;
    back.neck = 20.0;
    // Place the hips so the knee lands where it was.
    let probe = Skeleton::of(&back);
    let offset = [knee.x - probe.near_leg[1].x, knee.y - probe.near_leg[1].y];
    back.pelvis = [back.pelvis[0] + offset[0], back.pelvis[1] + offset[1]];
    for leg in [LimbId::NearLeg, LimbId::FarLeg] {
        toes_down(&mut back, leg);
    }
    for arm in [LimbId::NearArm, LimbId::FarArm] {
        reach(&mut back, arm, [hands.x + 0.12, thickness::FOREARM + 0.004]);
        hand_along(&mut back, arm, 0.0);
    }
    hold(start, &[(1.8, back)])
        .keeping(Keep::Kneeling {
            knee: [knee.x, knee.y],
        })
        .worked(Worked::TRUNK | Worked::BUTTOCK)
        .described("Kneeling, bottom sitting back toward the heels, arms stretched out in front")
}

fn sphinx() -> Figure {
    let down = lying_front();
    let up = on_forearms(12.0, 14.0);
    hold(down, &[(1.6, up)])
        .worked(Worked::LOW_BACK)
        .described("Lying on your front, propped on the forearms, hips on the floor, neck long")
}

fn hamstring_strap() -> Figure {
    let mut start = hook_lying();
    foot_flat(&mut start, LimbId::NearLeg, HOOK_FEET_X);
    let mut raised = start;
    raised.near_leg = Limb::bent(70.0, 0.0, 0.0);
    raised.neck = 6.0;
    let s = Skeleton::of(&raised);
    let foot = s.near_leg[2];
    let shoulder = s.spine[3];
    let toward = [foot.x - shoulder.x, foot.y - shoulder.y];
    let len = (toward[0].powi(2) + toward[1].powi(2)).sqrt();
    let grip = [
        shoulder.x + toward[0] / len * 0.28,
        shoulder.y + toward[1] / len * 0.28,
    ];
    hands_to(&mut raised, grip);
    let mut lifting = raised;
    // The leg goes up straight.
    lifting.near_leg = Limb::bent(35.0, 0.0, 0.0);
    lifting.near_arm = raised.near_arm;
    lifting.far_arm = raised.far_arm;
    hold(start, &[(0.8, lifting), (1.8, raised)])
        .worked(Worked::NEAR_LEG)
        .with(&[Prop::Strap])
        .described("Lying on your back, the {side} leg raised straight with a strap round the foot")
}

fn figure_four() -> Figure {
    let start = hook_lying();
    let mut crossed = start;
    // The near lower leg turns about its thigh until the ankle lies across the other knee.
    cross_ankle_onto(&mut crossed, on_far_knee(&start));
    let mut drawn = crossed;
    drawn.far_leg = Limb::bent(97.0, 90.0, 10.0);
    let knee = on_far_knee(&drawn);
    cross_ankle_onto(&mut drawn, knee);
    let s = Skeleton::of(&drawn);
    let thigh = s.far_leg[1] * 0.6 + s.far_leg[0] * 0.4;
    hands_to(&mut drawn, [thigh.x - 0.02, thigh.y]);
    hold(start, &[(0.9, crossed), (1.9, drawn)])
        .worked(Worked::NEAR_LEG | Worked::BUTTOCK)
        .described(
            "Lying on your back, {side} ankle crossed over the other knee, that thigh drawn in",
        )
}

fn hip_flexor() -> Figure {
    let start = half_kneeling(0.0);
    let mut forward = half_kneeling(0.07);
    forward.trunk = 92.0;
    hold(start, &[(1.6, forward)])
        .worked(Worked::NEAR_THIGH)
        .described("Kneeling on the {side} knee, the other foot in front, hips eased forward")
}

fn ball_on_wall(
    height_share: f32,
    squat: f32,
    worked: Worked,
    description: &'static str,
) -> Figure {
    let wall = -0.12;
    let start = against_wall(wall, 0.0, 0.0);
    let mut held = against_wall(wall, squat, 4.0);
    let s = Skeleton::of(&held);
    let top = s.spine[3];
    let bottom = s.spine[0];
    let y = bottom.y + (top.y - bottom.y) * height_share;
    let x = wall + BALL_RADIUS;
    // The back, at the ball's height, rests on the ball.
    let back = bottom.x + (top.x - bottom.x) * height_share;
    held.pelvis[0] -= back - (thickness::TRUNK + x + BALL_RADIUS);
    let feet_x = held.pelvis[0] + 0.1;
    foot_flat(&mut held, LimbId::NearLeg, feet_x);
    foot_flat(&mut held, LimbId::FarLeg, feet_x);
    hold(start, &[(1.5, held)])
        .worked(worked)
        .with(&[
            Prop::Wall { x: wall },
            Prop::Ball { at: [x, y] },
            up_and_down_by_wall(wall, y),
        ])
        .described(description)
}

fn ball_wall_glutes() -> Figure {
    let wall = -0.12;
    let start = against_wall(wall, 0.0, 0.0);
    let mut held = against_wall(wall, 0.05, -2.0);
    let s = Skeleton::of(&held);
    let hip = s.spine[0];
    held.pelvis[0] = wall + BALL_RADIUS * 2.0 + thickness::TRUNK * 0.9;
    let y = hip.y - 0.02;
    hold(start, &[(1.5, held)])
        .worked(Worked::BUTTOCK)
        .with(&[
            Prop::Wall { x: wall },
            Prop::Ball {
                at: [wall + BALL_RADIUS, y],
            },
            up_and_down_by_wall(wall, y),
        ])
        .described(
            "Standing with your back to a wall, a ball between the wall and the {side} buttock",
        )
}

fn crossed_sitting(raise: f32, lean: f32) -> Pose {
    let mut pose = sitting_floor(raise, lean);
    let target = on_far_knee(&pose);
    cross_ankle_onto(&mut pose, target);
    pose
}

fn ball_floor_buttock() -> Figure {
    let start = sitting_floor(0.0, 20.0);
    let held = crossed_sitting(BALL_RADIUS * 1.6, 25.0);
    hold(start, &[(1.6, held)])
        .worked(Worked::BUTTOCK)
        .with(&[Prop::Ball {
            // Behind the sitting bone, under the fleshy part of the buttock.
            at: [held.pelvis[0] - 0.045, BALL_RADIUS],
        }])
        .described("Sitting on the floor leaning on your hands, a ball under the {side} buttock, that ankle crossed over the other knee")
}

fn roller_upper_back() -> Figure {
    let roller = [-0.2, ROLLER_RADIUS];
    let mut start = hook_lying();
    // Lying back over the roller: upper back on it, hips just off the floor.
    let back_y = roller[1] + ROLLER_RADIUS + thickness::TRUNK;
    start.pelvis = [0.0, LYING_HIP + 0.03];
    start.trunk = 180.0 - ((back_y - start.pelvis[1]) / 0.2).atan().to_degrees();
    start.spine = -6.0;
    start.neck = 25.0;
    foot_flat(&mut start, LimbId::NearLeg, HOOK_FEET_X - 0.02);
    foot_flat(&mut start, LimbId::FarLeg, HOOK_FEET_X - 0.02);
    let head = Skeleton::of(&start).head;
    hands_to(&mut start, [head.x - 0.02, head.y - 0.01]);
    let mut lower = start;
    lower.pelvis[0] += 0.05;
    foot_flat(&mut lower, LimbId::NearLeg, HOOK_FEET_X - 0.02);
    foot_flat(&mut lower, LimbId::FarLeg, HOOK_FEET_X - 0.02);
    let head = Skeleton::of(&lower).head;
    hands_to(&mut lower, [head.x - 0.02, head.y - 0.01]);
    let back = Skeleton::of(&lower);
    hold(start, &[(1.6, lower)])
        .worked(Worked::UPPER_BACK)
        .with(&[
            Prop::Roller { at: roller },
            along_part(back.spine[1], back.spine[3], [0.0, thickness::TRUNK + 0.06]),
        ])
        .described(
            "Lying back on a foam roller across the upper back, knees bent, hands behind the head",
        )
}

fn roller_glutes() -> Figure {
    let start = sitting_floor(ROLLER_RADIUS * 2.0, 22.0);
    let held = crossed_sitting(ROLLER_RADIUS * 2.0, 25.0);
    hold(start, &[(1.5, held)])
        .worked(Worked::BUTTOCK)
        .with(&[Prop::Roller {
            at: [held.pelvis[0] - 0.045, ROLLER_RADIUS],
        }])
        .described("Sitting on a foam roller leaning on your hands, {side} ankle crossed over the other knee")
}

fn roller_hamstrings() -> Figure {
    let mut start = sitting_floor(0.05, 25.0);
    leg_along(&mut start, LimbId::NearLeg, -4.0, -10.0, 20.0);
    // The roller lies on the floor under the thigh: raise the hips until the thigh rests on it.
    let s = Skeleton::of(&start);
    let under = s.near_leg[0] * 0.35 + s.near_leg[1] * 0.65;
    start.pelvis[1] += 2.0 * ROLLER_RADIUS - (under.y - thickness::THIGH);
    let on_hands = |pose: &mut Pose| {
        let shoulder = Skeleton::of(pose).spine[3];
        for arm in [LimbId::NearArm, LimbId::FarArm] {
            reach(pose, arm, [shoulder.x - 0.14, 0.045]);
            hand_along(pose, arm, 190.0);
        }
        foot_flat(pose, LimbId::FarLeg, 0.36);
    };
    on_hands(&mut start);
    let raised = Skeleton::of(&start);
    let mut further = start;
    further.pelvis[0] -= 0.06;
    on_hands(&mut further);
    hold(start, &[(1.5, further)])
        .worked(Worked::NEAR_THIGH)
        .with(&[
            Prop::Roller {
                at: [under.x, ROLLER_RADIUS],
            },
            along_part(
                raised.near_leg[0],
                raised.near_leg[1],
                [0.0, thickness::THIGH + 0.05],
            ),
        ])
        .described(
            "Sitting leaning on your hands, a foam roller under the back of the {side} thigh",
        )
}

fn roller_hip_front() -> Figure {
    // Propped on the forearms, the hips raised by the roller under the near thigh.
    let mut start = on_forearms(6.0, 0.0);
    start.pelvis[1] += ROLLER_RADIUS * 1.4;
    forearms_on_floor(&mut start, 0.0);
    start.near_leg = Limb::bent(-6.0, 0.0, 50.0);
    start.far_leg = Limb::bent(-2.0, 0.0, 50.0);
    let s = Skeleton::of(&start);
    let thigh = s.near_leg[0] * 0.5 + s.near_leg[1] * 0.5;
    let mut rolled = start;
    rolled.pelvis[0] += 0.05;
    hold(start, &[(1.5, rolled)])
        .worked(Worked::NEAR_THIGH)
        .with(&[
            Prop::Roller {
                at: [thigh.x, thigh.y - thickness::THIGH - ROLLER_RADIUS],
            },
            along_part(s.near_leg[0], s.near_leg[1], [0.0, thickness::THIGH + 0.05]),
        ])
        .described(
            "Lying face down on the forearms, a foam roller under the front of the {side} thigh",
        )
}

fn stick(calf: bool) -> Figure {
    let mut start = sitting_floor(0.0, if calf { 15.0 } else { -8.0 });
    foot_flat(&mut start, LimbId::FarLeg, 0.38);
    if !calf {
        // Sitting up over both long legs, hands on the thigh.
        leg_along(&mut start, LimbId::NearLeg, 2.0, 0.0, 20.0);
        leg_along(&mut start, LimbId::FarLeg, 3.0, 1.0, 20.0);
    }
    let s = Skeleton::of(&start);
    let (a, b, offset) = if calf {
        (s.near_leg[1], s.near_leg[2], -0.04)
    } else {
        (s.near_leg[0], s.near_leg[1], thickness::THIGH + 0.02)
    };
    let first = a * 0.45 + b * 0.55;
    let second = a * 0.2 + b * 0.8;
    let at = |share: P3| {
        let mut pose = start;
        reach(
            &mut pose,
            LimbId::NearArm,
            [share.x + 0.03, share.y + offset],
        );
        reach(
            &mut pose,
            LimbId::FarArm,
            [share.x - 0.03, share.y + offset],
        );
        hand_along(&mut pose, LimbId::NearArm, -60.0);
        hand_along(&mut pose, LimbId::FarArm, -60.0);
        pose
    };
    let one = at(first);
    let two = at(second);
    let (worked, description) = if calf {
        (
            Worked::NEAR_SHANK,
            "Sitting with the {side} knee bent, a massage stick held across the back of the calf",
        )
    } else {
        (
            Worked::NEAR_THIGH,
            "Sitting with the {side} leg out in front, a massage stick rolled along the thigh",
        )
    };
    let arrow = if calf {
        along_part(a, b, [0.0, -0.07])
    } else {
        along_part(a, b, [0.0, thickness::THIGH + 0.1])
    };
    hold(one, &[(1.5, two)])
        .worked(worked)
        .with(&[Prop::Stick, arrow])
        .described(description)
}

fn hands_glutes() -> Figure {
    let start = standing();
    let mut held = start;
    let hip = Skeleton::of(&start).spine[0];
    hands_to(&mut held, [hip.x - thickness::TRUNK - 0.02, hip.y - 0.04]);
    hand_along(&mut held, LimbId::NearArm, -100.0);
    hand_along(&mut held, LimbId::FarArm, -100.0);
    hold(start, &[(1.2, held)])
        .worked(Worked::BUTTOCK)
        .described("Standing, a hand on each buttock, kneading the muscle")
}

fn knuckles() -> Figure {
    let start = standing();
    let mut held = start;
    // Just above the pelvis, at the back: on the muscles beside the spine.
    let hip = Skeleton::of(&start).spine[0];
    hands_to(&mut held, [hip.x - thickness::TRUNK - 0.005, hip.y + 0.07]);
    hand_along(&mut held, LimbId::NearArm, 90.0);
    hand_along(&mut held, LimbId::FarArm, 90.0);
    hold(start, &[(1.2, held)])
        .worked(Worked::LOW_BACK)
        .described("Standing, knuckles resting on the muscles either side of the low back")
}

fn rest() -> Figure {
    // Knees bent, feet flat: for a sore back usually the easiest way to lie.
    let start = hook_lying();
    hold(start, &[]).described("Lying on your back, knees bent, arms by your sides, resting")
}

// ---- Strengthening on the floor ----

fn curl_up() -> Figure {
    // One knee bent (foot flat), the other leg long; hands under the small of the back.
    let mut start = lying_long();
    foot_flat(&mut start, LimbId::NearLeg, HOOK_FEET_X);
    // Seen from the side the elbows, bent out to the sides, cannot show: the arms lie along
    // the floor with the hands tucked under the low back and pelvis.
    let hands_under_back = |pose: &mut Pose| {
        let shoulder = Skeleton::of(pose).spine[3];
        let y = thickness::FOREARM + 0.002;
        let along = (length::UPPER_ARM + length::FOREARM) * 0.995;
        let x = shoulder.x + (along * along - (shoulder.y - y).powi(2)).max(0.0).sqrt();
        hands_to(pose, [x, y]);
        hand_along(pose, LimbId::NearArm, 0.0);
        hand_along(pose, LimbId::FarArm, 0.0);
    };
    hands_under_back(&mut start);
    let mut up = start;
    // The bend is in the upper back: the low back stays on the hands, the head and shoulders
    // lift a little, the neck long.
    up.spine = 18.0;
    up.neck = 4.0;
    hands_under_back(&mut up);
    hold(start, &[(1.2, up)])
        .worked(Worked::BELLY)
        .described("Lying on your back, one knee bent, hands under the low back, head and shoulders lifted a little")
}

/// Lying on the side propped on the forearm, knees bent behind, seen from in front: the
/// knees stay on the floor and the elbow under the shoulder; `lifted` raises the hips into
/// the line from knees to shoulders. Head toward +x, so the supporting arm is flexed.
fn side_lying(lifted: bool) -> Pose {
    let knee = [-0.24, thickness::THIGH];
    let shoulder_y = thickness::UPPER_ARM + 0.002 + length::UPPER_ARM;
    let (hip, trunk) = if lifted {
        let line = ((shoulder_y - knee[1]) / (length::THIGH + length::TRUNK))
            .asin()
            .to_degrees();
        let along = P3::toward(line);
        (
            [
                knee[0] + along.x * length::THIGH,
                knee[1] + along.y * length::THIGH,
            ],
            line,
        )
    } else {
        let hip_y = thickness::TRUNK;
        let drop = hip_y - knee[1];
        let hip = [
            knee[0] + (length::THIGH.powi(2) - drop * drop).sqrt(),
            hip_y,
        ];
        (
            hip,
            ((shoulder_y - hip_y) / length::TRUNK).asin().to_degrees(),
        )
    };
    let mut pose = Pose {
        pelvis: hip,
        trunk,
        ..Pose::default()
    };
    // Thighs toward the knees; the lower legs bent behind, out of the picture.
    let thigh = (knee[1] - hip[1]).atan2(knee[0] - hip[0]).to_degrees();
    for leg in [LimbId::NearLeg, LimbId::FarLeg] {
        *leg.of_mut(&mut pose) = Limb {
            turn_out: 90.0,
            ..Limb::bent(wrap(thigh - trunk + 180.0), 90.0, 45.0)
        };
    }
    // The upper arm straight down to the elbow, the forearm along the floor.
    pose.near_arm = Limb::bent(90.0 - trunk, 90.0, 0.0);
    let s = Skeleton::of(&pose);
    reach(
        &mut pose,
        LimbId::FarArm,
        [s.spine[0].x + 0.03, s.spine[0].y + 0.06],
    );
    hand_along(&mut pose, LimbId::FarArm, -60.0);
    pose
}

fn side_bridge() -> Figure {
    hold(side_lying(false), &[(1.4, side_lying(true))])
        .worked(Worked::TRUNK)
        .described("Lying on your {side} side, propped on the forearm, knees bent, hips lifted in line with knees and shoulders")
}

fn bird_dog() -> Figure {
    let start = hands_and_knees();
    let mut held = start;
    // One arm reaches forward and the opposite leg back, both in line with the back.
    held.near_arm = Limb::bent(170.0, 0.0, 0.0);
    held.far_leg = Limb::bent(0.0, 0.0, 30.0);
    hold(start, &[(1.6, held)])
        .worked(Worked::TRUNK | Worked::BUTTOCK)
        .described(
            "On hands and knees, one arm reaching forward and the opposite leg back, back flat",
        )
}

fn dead_bug() -> Figure {
    let mut start = lying_long();
    // Hips and knees at right angles, arms reaching up.
    start.near_leg = Limb::bent(90.0, 90.0, 10.0);
    start.far_leg = Limb::bent(90.0, 90.0, 10.0);
    start.near_arm = Limb::bent(90.0, 0.0, 0.0);
    start.far_arm = Limb::bent(90.0, 0.0, 0.0);
    let mut lowered = start;
    lowered.near_arm = Limb::bent(165.0, 0.0, 0.0);
    lowered.far_leg = Limb::bent(15.0, 0.0, 10.0);
    cycle(start, &[(0.5, lowered)])
        .worked(Worked::BELLY)
        .described("Lying on your back, knees over hips: one arm lowered overhead as the opposite leg straightens, low back flat")
}

// ---- At a desk: on a chair or standing ----

/// The chair the seated figures sit on.
const CHAIR: Prop = Prop::Chair {
    x: 0.03,
    facing: 1.0,
};

/// Sitting on [`CHAIR`] with the hips at `x` and the trunk at `trunk` degrees, both feet flat
/// under the knees, hands resting on the thighs.
fn seated(x: f32, trunk: f32) -> Pose {
    let mut pose = sitting_chair();
    pose.pelvis[0] = x;
    pose.trunk = trunk;
    feet_flat_under_knees(&mut pose);
    hands_on_thighs(&mut pose);
    pose
}

fn feet_flat_under_knees(pose: &mut Pose) {
    let feet = pose.pelvis[0] + length::THIGH + 0.01;
    foot_flat(pose, LimbId::NearLeg, feet);
    foot_flat(pose, LimbId::FarLeg, feet);
}

fn hands_on_thighs(pose: &mut Pose) {
    let knee = Skeleton::of(pose).near_leg[1];
    hands_to(pose, point(knee, -0.07, 0.05));
    hand_along(pose, LimbId::NearArm, -10.0);
    hand_along(pose, LimbId::FarArm, -10.0);
}

/// Both hands on the low back, fingers down, just above the pelvis.
fn hands_on_low_back(pose: &mut Pose) {
    let s = Skeleton::of(pose);
    let low = s.spine[0] * 0.55 + s.spine[1] * 0.45;
    let along = s.spine[1] - s.spine[0];
    let back = P3::new(-along.y, along.x, 0.0) * (1.0 / along.length().max(1e-6));
    let at = low + back * (thickness::TRUNK + thickness::HAND);
    hands_to(pose, [at.x, at.y]);
    hand_along(pose, LimbId::NearArm, -95.0);
    hand_along(pose, LimbId::FarArm, -95.0);
}

/// Standing tall, fingertips just inside the hip bones, where the brace can be felt.
fn standing_brace() -> Figure {
    let mut start = standing();
    foot_flat(&mut start, LimbId::NearLeg, 0.0);
    let s = Skeleton::of(&start);
    let low = s.spine[0] * 0.75 + s.spine[1] * 0.25;
    let along = s.spine[1] - s.spine[0];
    let front = P3::new(along.y, -along.x, 0.0) * (1.0 / along.length().max(1e-6));
    let at = low + front * (thickness::TRUNK + thickness::HAND);
    hands_to(&mut start, [at.x, at.y]);
    hand_along(&mut start, LimbId::NearArm, -80.0);
    hand_along(&mut start, LimbId::FarArm, -80.0);
    let mut held = start;
    held.spine = 2.0;
    hold(start, &[(1.0, held)]).worked(Worked::BELLY).described(
        "Standing tall, knees soft, fingertips just inside the hip bones as the tummy tightens",
    )
}

fn seated_twist() -> Figure {
    let start = seated(0.0, 88.0);
    let mut held = start;
    // Turned toward this side: that hand holds the back of the chair, the other hand the
    // outside of that knee.
    // Seen from the side most of the turn is the trunk's: the upper arm goes back only as far
    // as a shoulder can, the forearm down the front of the chair's back, the hand round it.
    held.near_arm = Limb::bent(-55.0, 57.0, 0.0);
    hand_along(&mut held, LimbId::NearArm, -150.0);
    let knee = Skeleton::of(&held).near_leg[1];
    reach(&mut held, LimbId::FarArm, point(knee, -0.02, 0.02));
    hand_along(&mut held, LimbId::FarArm, -20.0);
    let shoulder = Skeleton::of(&held).spine[3];
    hold(start, &[(1.5, held)])
        .worked(Worked::TRUNK | Worked::NEAR_ARM)
        .with(&[
            CHAIR,
            Prop::Arrow {
                from: point(shoulder, 0.1, -0.1),
                to: point(shoulder, -0.08, -0.06),
            },
        ])
        .described("Sitting tall on a chair, chest turned toward the {side} side, that hand on the chair back")
}

fn seated_back_extension() -> Figure {
    let mut start = seated(0.03, 88.0);
    hands_on_low_back(&mut start);
    let mut back = start;
    back.trunk = 98.0;
    back.spine = -14.0;
    back.neck = 8.0;
    feet_flat_under_knees(&mut back);
    back.near_leg = start.near_leg;
    back.far_leg = start.far_leg;
    let feet = start.pelvis[0] + length::THIGH + 0.01;
    foot_flat(&mut back, LimbId::NearLeg, feet);
    foot_flat(&mut back, LimbId::FarLeg, feet);
    hands_on_low_back(&mut back);
    hold(start, &[(1.2, back)])
        .worked(Worked::LOW_BACK)
        .with(&[CHAIR])
        .described("Sitting toward the front of a chair, hands on the low back, leaning back gently over them")
}

fn standing_back_extension() -> Figure {
    let mut start = standing();
    foot_flat(&mut start, LimbId::NearLeg, 0.0);
    hands_on_low_back(&mut start);
    let mut back = start;
    back.pelvis[0] += 0.03;
    back.trunk = 100.0;
    back.spine = -14.0;
    back.neck = 8.0;
    foot_flat(&mut back, LimbId::NearLeg, 0.0);
    foot_flat(&mut back, LimbId::FarLeg, 0.0);
    hands_on_low_back(&mut back);
    hold(start, &[(1.2, back)])
        .worked(Worked::LOW_BACK)
        .described("Standing, hands on the low back, leaning back gently over them")
}

fn seated_cat_camel() -> Figure {
    let neutral = seated(0.02, 88.0);
    let on_knees = |pose: &mut Pose| {
        let feet = neutral.pelvis[0] + length::THIGH + 0.01;
        foot_flat(pose, LimbId::NearLeg, feet);
        foot_flat(pose, LimbId::FarLeg, feet);
        let knee = Skeleton::of(&neutral).near_leg[1];
        hands_to(pose, point(knee, -0.07, 0.05));
        hand_along(pose, LimbId::NearArm, -10.0);
        hand_along(pose, LimbId::FarArm, -10.0);
    };
    let mut round = neutral;
    round.spine = 36.0;
    round.trunk = 94.0;
    round.neck = 24.0;
    on_knees(&mut round);
    let mut tall = neutral;
    tall.spine = -12.0;
    tall.trunk = 84.0;
    tall.neck = 0.0;
    on_knees(&mut tall);
    cycle(neutral, &[(0.25, round), (0.5, neutral), (0.75, tall)])
        .worked(Worked::TRUNK)
        .with(&[CHAIR])
        .described(
            "Sitting on a chair, hands on the knees: the back rounded, then the chest lifted",
        )
}

/// Straightens `leg` with its heel resting on the floor, toes up: the hip's flexion is
/// searched for the angle that sets the heel down.
fn heel_down_straight(pose: &mut Pose, leg: LimbId) {
    let mut best = (f32::INFINITY, leg.of(pose));
    for tenth in 0..=1200 {
        let mut trial = *pose;
        *leg.of_mut(&mut trial) = Limb::bent(tenth as f32 / 10.0, 0.0, 0.0);
        let s = Skeleton::of(&trial);
        let points = if leg == LimbId::NearLeg {
            s.near_leg
        } else {
            s.far_leg
        };
        let miss = (points[4].y - thickness::FOOT).abs();
        if miss < best.0 {
            best = (miss, leg.of(&trial));
        }
    }
    *leg.of_mut(pose) = best.1;
}

fn seated_hamstring() -> Figure {
    // Near the front edge of the seat, one leg out straight with the heel down.
    let x = 0.03;
    let mut start = seated(x, 88.0);
    heel_down_straight(&mut start, LimbId::NearLeg);
    hands_on_thighs(&mut start);
    let mut leaning = start;
    leaning.trunk = 64.0;
    let far = start.pelvis[0] + length::THIGH + 0.01;
    foot_flat(&mut leaning, LimbId::FarLeg, far);
    heel_down_straight(&mut leaning, LimbId::NearLeg);
    let s = Skeleton::of(&leaning);
    let thigh = s.near_leg[0] * 0.3 + s.near_leg[1] * 0.7;
    hands_to(&mut leaning, [thigh.x, thigh.y + thickness::THIGH + 0.01]);
    hand_along(&mut leaning, LimbId::NearArm, -20.0);
    hand_along(&mut leaning, LimbId::FarArm, -20.0);
    hold(start, &[(1.6, leaning)])
        .worked(Worked::NEAR_THIGH)
        .with(&[CHAIR])
        .described("Sitting on the front of a chair, the {side} leg straight with the heel down, leaning forward from the hips with a long back")
}

fn seated_figure_four() -> Figure {
    let start = seated(0.0, 88.0);
    let mut crossed = start;
    cross_ankle_onto(&mut crossed, on_far_knee(&start));
    let on_shin = |pose: &mut Pose| {
        let s = Skeleton::of(pose);
        let shin = s.near_leg[1] * 0.5 + s.near_leg[2] * 0.5;
        hands_to(pose, [shin.x, shin.y + thickness::SHANK + 0.01]);
        hand_along(pose, LimbId::NearArm, -30.0);
        hand_along(pose, LimbId::FarArm, -30.0);
    };
    on_shin(&mut crossed);
    let mut leaning = crossed;
    leaning.trunk = 70.0;
    let feet = start.pelvis[0] + length::THIGH + 0.01;
    foot_flat(&mut leaning, LimbId::FarLeg, feet);
    let knee = on_far_knee(&leaning);
    cross_ankle_onto(&mut leaning, knee);
    on_shin(&mut leaning);
    hold(start, &[(0.9, crossed), (1.9, leaning)])
        .worked(Worked::NEAR_LEG | Worked::BUTTOCK)
        .with(&[CHAIR])
        .described("Sitting on a chair, {side} ankle resting on the other knee, leaning forward from the hips")
}

/// The fingertips of both hands resting on a desk top at `x`, the hands sloping down to it.
fn fingertips_on_desk(pose: &mut Pose, x: f32) {
    const SLOPE: f32 = -50.0;
    let along = P3::toward(SLOPE);
    let tip = [x, DESK_HEIGHT + thickness::HAND];
    let wrist = [
        tip[0] - along.x * length::HAND,
        tip[1] - along.y * length::HAND,
    ];
    hands_to(pose, wrist);
    hand_along(pose, LimbId::NearArm, SLOPE);
    hand_along(pose, LimbId::FarArm, SLOPE);
}

fn standing_hip_flexor() -> Figure {
    // A chair turned side-on behind; the near knee on its seat, the thigh upright.
    let seat_front = 0.02;
    let knee = [seat_front - 0.03, SEAT_HEIGHT + thickness::THIGH];
    let ankle = [knee[0] - length::SHANK, SEAT_HEIGHT + thickness::SHANK];
    let desk = 0.15;
    let pose_at = |forward: f32| {
        // The hip over the knee, eased forward (and so a little down) by `forward` degrees.
        let along = P3::toward(90.0 - forward);
        let mut pose = standing();
        pose.pelvis = [
            knee[0] + along.x * length::THIGH,
            knee[1] + along.y * length::THIGH,
        ];
        reach(&mut pose, LimbId::NearLeg, ankle);
        set_ankle(&mut pose, LimbId::NearLeg, 45.0);
        // The standing foot under the hips: the knee on the seat leaves the hips high.
        foot_flat(&mut pose, LimbId::FarLeg, 0.07);
        fingertips_on_desk(&mut pose, desk + 0.03);
        pose
    };
    let start = pose_at(0.0);
    let mut held = pose_at(14.0);
    // The pelvis tucked under: the trunk tips back a touch, the low back flat.
    held.trunk = 93.0;
    held.spine = 4.0;
    fingertips_on_desk(&mut held, desk + 0.03);
    hold(start, &[(1.6, held)])
        .worked(Worked::NEAR_THIGH)
        .with(&[
            Prop::Seat { x: seat_front },
            Prop::Desk {
                x: desk,
                facing: 1.0,
            },
        ])
        .described("Standing, the {side} knee resting on a chair seat behind, hips eased forward, fingertips on the desk")
}

fn chin_tuck() -> Figure {
    // The head glides back over the shoulders from a slightly forward start.
    let mut start = seated(0.02, 90.0);
    start.neck = 14.0;
    let mut tucked = start;
    tucked.neck = -8.0;
    hold(start, &[(1.0, tucked)])
        .worked(Worked::NECK)
        .with(&[CHAIR])
        .described("Sitting tall on a chair, the chin drawn straight back so the head sits over the shoulders")
}

fn shoulder_blade_squeeze() -> Figure {
    let mut start = seated(0.02, 90.0);
    // Arms relaxed, elbows bent, forearms forward.
    start.near_arm = Limb::bent(5.0, 85.0, 0.0);
    start.far_arm = Limb::bent(5.0, 85.0, 0.0);
    let mut squeezed = start;
    // The shoulder blades draw back and down: the elbows go back, the chest lifts.
    squeezed.near_arm = Limb::bent(-30.0, 85.0, 0.0);
    squeezed.far_arm = Limb::bent(-30.0, 85.0, 0.0);
    squeezed.spine = -6.0;
    hold(start, &[(1.0, squeezed)])
        .worked(Worked::UPPER_BACK)
        .with(&[CHAIR])
        .described(
            "Sitting tall on a chair, elbows bent, shoulder blades squeezed together and down",
        )
}

fn shoulder_rolls() -> Figure {
    let mut start = seated(0.02, 90.0);
    start.near_arm = Limb::bent(0.0, 10.0, 0.0);
    start.far_arm = Limb::bent(0.0, 10.0, 0.0);
    rolling_shoulders(
        start,
        Some(CHAIR),
        "Sitting on a chair, arms relaxed, the shoulders lifted, rolled back and let drop",
    )
}

fn standing_shoulder_rolls() -> Figure {
    let mut start = standing();
    start.near_arm = Limb::bent(0.0, 8.0, 0.0);
    start.far_arm = Limb::bent(0.0, 8.0, 0.0);
    rolling_shoulders(
        start,
        None,
        "Standing, arms relaxed, the shoulders lifted, rolled back and let drop",
    )
}

/// Shoulder rolls from `start` (sitting or standing, arms relaxed): the trunk and arms rock
/// forward, then back, with an arrow over the shoulder the way the roll goes.
fn rolling_shoulders(start: Pose, seat: Option<Prop>, description: &'static str) -> Figure {
    let mut forward = start;
    forward.spine = 8.0;
    forward.near_arm = Limb::bent(14.0, 12.0, 0.0);
    forward.far_arm = Limb::bent(14.0, 12.0, 0.0);
    let mut back = start;
    back.spine = -8.0;
    back.near_arm = Limb::bent(-16.0, 10.0, 0.0);
    back.far_arm = Limb::bent(-16.0, 10.0, 0.0);
    let shoulder = Skeleton::of(&start).spine[3];
    // Up and over the shoulder, then back: the way the roll goes.
    let arrow = Prop::Arrow {
        from: point(shoulder, 0.07, 0.04),
        to: point(shoulder, -0.07, 0.04),
    };
    let props: Vec<Prop> = seat.into_iter().chain([arrow]).collect();
    cycle(start, &[(0.3, forward), (0.7, back)])
        .worked(Worked::UPPER_BACK)
        .with(&props)
        .described(description)
}

fn desk_hip_hinge() -> Figure {
    let desk = 0.34;
    let mut start = standing();
    start.pelvis[0] = 0.19;
    foot_flat(&mut start, LimbId::NearLeg, 0.19);
    foot_flat(&mut start, LimbId::FarLeg, 0.19);
    // Walked back, hips pushed back, back long and arms straight, hands flat on the desk.
    let mut hinged = standing();
    hinged.trunk = 8.0;
    hinged.pelvis = [desk - 0.56, FLAT_ANKLE + 0.47];
    let feet = hinged.pelvis[0] + 0.05;
    foot_flat(&mut hinged, LimbId::NearLeg, feet);
    foot_flat(&mut hinged, LimbId::FarLeg, feet);
    hinged.neck = -6.0;
    // The hands stay flat on the desk all the way back and in again.
    hold(start, &[(1.8, hinged)])
        .keeping(Keep::HandsOnDesk { x: desk + 0.02 })
        .worked(Worked::TRUNK | Worked::NEAR_THIGH)
        .with(&[Prop::Desk {
            x: desk,
            facing: 1.0,
        }])
        .described("Standing back from a desk, hands flat on it, hips pushed back, back long and arms straight")
}

/// The figure of a technique, built on its first use (so the first screen builds only the
/// figures it shows, not the whole library).
#[must_use]
pub fn for_technique(id: TechniqueId) -> &'static Figure {
    static FIGURES: [OnceLock<Figure>; TechniqueId::ALL.len()] =
        [const { OnceLock::new() }; TechniqueId::ALL.len()];
    // One slot per id, in the ids' order: an id's index is in bounds.
    FIGURES[id as usize].get_or_init(|| build(id))
}

/// Builds the figure of a technique: every technique has one (the match has no catch-all arm).
fn build(id: TechniqueId) -> Figure {
    match id {
        TechniqueId::SingleKneeToChest => knee_to_chest(false),
        TechniqueId::DoubleKneeToChest => knee_to_chest(true),
        TechniqueId::KneeRolls => hold(hook_lying(), &[(1.8, knees_rolled(70.0))])
            .worked(Worked::LOW_BACK | Worked::NEAR_LEG)
            .with(&[knee_roll_arrow()])
            .described(
                "Lying on your back, knees bent and together, rolled toward the {side} side",
            ),
        TechniqueId::KneeRollsAlternating => cycle(hook_lying(), &[(0.5, knees_rolled(55.0))])
            .worked(Worked::LOW_BACK)
            .with(&[knee_roll_arrow()])
            .described("Lying on your back, knees bent and together, rolling from side to side"),
        TechniqueId::PelvicTilt => pelvic_tilt(),
        TechniqueId::GluteBridge => bridge(),
        TechniqueId::AbdominalBrace => brace(),
        TechniqueId::CurlUp => curl_up(),
        TechniqueId::SideBridge => side_bridge(),
        TechniqueId::BirdDog => bird_dog(),
        TechniqueId::DeadBug => dead_bug(),
        TechniqueId::CatCow => cat_cow(),
        TechniqueId::ChildsPose => childs_pose(),
        TechniqueId::Sphinx => sphinx(),
        TechniqueId::HamstringStrap => hamstring_strap(),
        TechniqueId::PiriformisFigure4 => figure_four(),
        TechniqueId::KneelingHipFlexor => hip_flexor(),
        TechniqueId::SeatedSpinalTwist => seated_twist(),
        TechniqueId::SeatedBackExtension => seated_back_extension(),
        TechniqueId::StandingBackExtension => standing_back_extension(),
        TechniqueId::SeatedCatCamel => seated_cat_camel(),
        TechniqueId::SeatedHamstring => seated_hamstring(),
        TechniqueId::SeatedFigure4 => seated_figure_four(),
        TechniqueId::StandingHipFlexor => standing_hip_flexor(),
        TechniqueId::ChinTuck => chin_tuck(),
        TechniqueId::ShoulderBladeSqueeze => shoulder_blade_squeeze(),
        TechniqueId::ShoulderRolls => shoulder_rolls(),
        TechniqueId::DeskHipHinge => desk_hip_hinge(),
        TechniqueId::StandingBrace => standing_brace(),
        TechniqueId::StandingShoulderRolls => standing_shoulder_rolls(),
        TechniqueId::BallWallGlutes => ball_wall_glutes(),
        TechniqueId::BallFloorButtock => ball_floor_buttock(),
        TechniqueId::BallWallLowBack => ball_on_wall(
            0.3,
            0.02,
            Worked::LOW_BACK,
            "Standing with your back to a wall, a ball beside the spine at the {side} side of the low back",
        ),
        TechniqueId::BallWallUpperBack => ball_on_wall(
            0.8,
            0.05,
            Worked::UPPER_BACK,
            "Standing with your back to a wall, knees a little bent, a ball between the {side} shoulder blade and the spine",
        ),
        TechniqueId::RollerUpperBack => roller_upper_back(),
        TechniqueId::RollerGlutes => roller_glutes(),
        TechniqueId::RollerHamstrings => roller_hamstrings(),
        TechniqueId::RollerHipFront => roller_hip_front(),
        TechniqueId::StickThigh => stick(false),
        TechniqueId::StickCalf => stick(true),
        TechniqueId::HandsGlutes => hands_glutes(),
        TechniqueId::KnucklesBesideSpine => knuckles(),
        TechniqueId::RestAndBreathe => rest(),
    }
}
