//! The body of a figure: segment lengths as fractions of standing height, a pose as joint
//! angles, forward kinematics to points, a two-bone solver that puts a hand, knee or foot on a
//! point, and the normal ranges of motion every authored pose must stay within.
//!
//! Coordinates are in units of the person's height, seen from the side: `x` grows toward where
//! the figure faces, `y` grows up from the floor (`y = 0`), and `z` grows toward the viewer (the
//! near limbs are on the viewer's side). Angles are in degrees; an absolute direction of 0 points
//! along `+x` and 90 straight up.

use std::ops::{Add, Mul, Sub};

/// Segment lengths as fractions of standing height, from Drillis and Contini's table as given in
/// D. A. Winter, *Biomechanics and Motor Control of Human Movement* (4th ed., 2009), figure 4.1.
pub mod length {
    /// Hip joint to shoulder joint (0.818 − 0.530).
    pub const TRUNK: f32 = 0.288;
    /// Shoulder to the base of the skull (the neck, drawn as a short segment).
    pub const NECK: f32 = 0.058;
    /// Radius of the head (the rest of the 0.182 from shoulder to crown, halved for a circle).
    pub const HEAD_RADIUS: f32 = 0.062;
    /// Shoulder to elbow.
    pub const UPPER_ARM: f32 = 0.186;
    /// Elbow to wrist.
    pub const FOREARM: f32 = 0.146;
    /// Wrist to fingertip.
    pub const HAND: f32 = 0.108;
    /// Hip to knee (0.530 − 0.285).
    pub const THIGH: f32 = 0.245;
    /// Knee to ankle (0.285 − 0.039).
    pub const SHANK: f32 = 0.246;
    /// Height of the ankle above the sole.
    pub const ANKLE_HEIGHT: f32 = 0.039;
    /// Heel to toe.
    pub const FOOT: f32 = 0.152;
    /// How far behind the ankle the heel sits, as a share of the foot's length.
    pub const HEEL_SHARE: f32 = 0.25;
}

/// Half the drawn thickness of each part, in units of height: what lies on the floor or
/// against a wall is the surface, not the joint centre.
pub mod thickness {
    /// Half the depth of the trunk (chest and belly).
    pub const TRUNK: f32 = 0.055;
    /// Half the thickness of the neck.
    pub const NECK: f32 = 0.025;
    /// Half the thickness of the upper arm.
    pub const UPPER_ARM: f32 = 0.022;
    /// Half the thickness of the forearm.
    pub const FOREARM: f32 = 0.019;
    /// Half the thickness of the hand.
    pub const HAND: f32 = 0.015;
    /// Half the thickness of the thigh.
    pub const THIGH: f32 = 0.034;
    /// Half the thickness of the shank.
    pub const SHANK: f32 = 0.026;
    /// Half the thickness of the foot.
    pub const FOOT: f32 = 0.016;
}

/// How far the near and far limbs sit from the body's midline, toward and away from the viewer.
pub const LIMB_DEPTH: f32 = 0.08;

/// A point or direction in the figure's space (units of height).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct P3 {
    /// Toward where the figure faces.
    pub x: f32,
    /// Up from the floor.
    pub y: f32,
    /// Toward the viewer.
    pub z: f32,
}

impl P3 {
    /// A point in the picture plane at depth `z`.
    #[must_use]
    pub const fn new(x: f32, y: f32, z: f32) -> Self {
        Self { x, y, z }
    }

    /// The unit vector in the picture plane pointing at `degrees`.
    #[must_use]
    pub fn toward(degrees: f32) -> Self {
        let (s, c) = degrees.to_radians().sin_cos();
        Self::new(c, s, 0.0)
    }

    /// Length of the vector.
    #[must_use]
    pub fn length(self) -> f32 {
        self.dot(self).sqrt()
    }

    /// Dot product.
    #[must_use]
    pub fn dot(self, other: Self) -> f32 {
        self.x * other.x + self.y * other.y + self.z * other.z
    }

    /// Cross product.
    #[must_use]
    pub fn cross(self, other: Self) -> Self {
        Self::new(
            self.y * other.z - self.z * other.y,
            self.z * other.x - self.x * other.z,
            self.x * other.y - self.y * other.x,
        )
    }

    /// The point rotated by `degrees` about the line through `origin` along `axis` (a rigid
    /// rotation: Rodrigues' formula).
    #[must_use]
    pub fn rotated_about(self, origin: Self, axis: Self, degrees: f32) -> Self {
        let len = axis.length();
        if len <= f32::EPSILON || degrees == 0.0 {
            return self;
        }
        let k = axis * (1.0 / len);
        let v = self - origin;
        let (s, c) = degrees.to_radians().sin_cos();
        origin + v * c + k.cross(v) * s + k * (k.dot(v) * (1.0 - c))
    }

    /// Direction of the vector in the picture plane, in degrees.
    #[must_use]
    pub fn degrees(self) -> f32 {
        self.y.atan2(self.x).to_degrees()
    }
}

impl Add for P3 {
    type Output = Self;
    fn add(self, o: Self) -> Self {
        Self::new(self.x + o.x, self.y + o.y, self.z + o.z)
    }
}

impl Sub for P3 {
    type Output = Self;
    fn sub(self, o: Self) -> Self {
        Self::new(self.x - o.x, self.y - o.y, self.z - o.z)
    }
}

impl Mul<f32> for P3 {
    type Output = Self;
    fn mul(self, k: f32) -> Self {
        Self::new(self.x * k, self.y * k, self.z * k)
    }
}

/// The angles of one arm or leg. Flexion is positive; for an arm `proximal` is the shoulder,
/// `middle` the elbow and `distal` the wrist; for a leg the hip, the knee and the ankle
/// (positive = toes pointed).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Limb {
    /// Shoulder or hip flexion (negative: extension).
    pub proximal: f32,
    /// Elbow or knee flexion.
    pub middle: f32,
    /// Wrist flexion, or ankle plantarflexion (negative: dorsiflexion).
    pub distal: f32,
    /// Legs only: the whole leg turned about the line from hip to ankle (right-handed about
    /// that line), so a bent knee swings out of the picture plane: knees rolling to one side.
    pub roll: f32,
    /// Legs only: the lower leg turned about the thigh (right-handed about hip-to-knee), so the
    /// ankle swings across: an ankle crossed over the other knee.
    pub turn_out: f32,
}

impl Limb {
    /// A limb with these three flexion angles and nothing out of the plane.
    #[must_use]
    pub const fn bent(proximal: f32, middle: f32, distal: f32) -> Self {
        Self {
            proximal,
            middle,
            distal,
            roll: 0.0,
            turn_out: 0.0,
        }
    }

    fn lerp(self, other: Self, t: f32) -> Self {
        Self {
            proximal: lerp(self.proximal, other.proximal, t),
            middle: lerp(self.middle, other.middle, t),
            distal: lerp(self.distal, other.distal, t),
            roll: lerp(self.roll, other.roll, t),
            turn_out: lerp(self.turn_out, other.turn_out, t),
        }
    }
}

/// A whole-body pose: where the pelvis is, how the spine lies and bends, and every limb's angles.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Pose {
    /// The hip joints' position (x, y) in units of height.
    pub pelvis: [f32; 2],
    /// Absolute direction of the lowest part of the spine, from the hips toward the shoulders.
    pub trunk: f32,
    /// Flexion spread along the spine: positive rounds the back, negative arches it.
    pub spine: f32,
    /// Neck flexion relative to the top of the spine (negative: head tipped back).
    pub neck: f32,
    /// The arm on the viewer's side.
    pub near_arm: Limb,
    /// The arm on the other side.
    pub far_arm: Limb,
    /// The leg on the viewer's side.
    pub near_leg: Limb,
    /// The leg on the other side.
    pub far_leg: Limb,
}

/// Linear interpolation.
#[must_use]
pub fn lerp(a: f32, b: f32, t: f32) -> f32 {
    a + (b - a) * t
}

impl Pose {
    /// The pose a share `t` (0–1) of the way from `self` to `other`, angle by angle; exactly
    /// `self` at 0 and exactly `other` at 1.
    #[must_use]
    pub fn lerp(&self, other: &Self, t: f32) -> Self {
        if t <= 0.0 {
            return *self;
        }
        if t >= 1.0 {
            return *other;
        }
        Self {
            pelvis: [
                lerp(self.pelvis[0], other.pelvis[0], t),
                lerp(self.pelvis[1], other.pelvis[1], t),
            ],
            trunk: lerp(self.trunk, other.trunk, t),
            spine: lerp(self.spine, other.spine, t),
            neck: lerp(self.neck, other.neck, t),
            near_arm: self.near_arm.lerp(other.near_arm, t),
            far_arm: self.far_arm.lerp(other.far_arm, t),
            near_leg: self.near_leg.lerp(other.near_leg, t),
            far_leg: self.far_leg.lerp(other.far_leg, t),
        }
    }

    /// A distance between two poses: the largest difference of any angle, in degrees, plus the
    /// pelvis's displacement in hundredths of height (so 1 cm-ish counts like a degree).
    #[must_use]
    pub fn distance(&self, other: &Self) -> f32 {
        let limbs = [
            (self.near_arm, other.near_arm),
            (self.far_arm, other.far_arm),
            (self.near_leg, other.near_leg),
            (self.far_leg, other.far_leg),
        ];
        let mut most = (self.trunk - other.trunk)
            .abs()
            .max((self.spine - other.spine).abs())
            .max((self.neck - other.neck).abs());
        for (a, b) in limbs {
            for (x, y) in [
                (a.proximal, b.proximal),
                (a.middle, b.middle),
                (a.distal, b.distal),
                (a.roll, b.roll),
                (a.turn_out, b.turn_out),
            ] {
                most = most.max((x - y).abs());
            }
        }
        let dx = self.pelvis[0] - other.pelvis[0];
        let dy = self.pelvis[1] - other.pelvis[1];
        most + 100.0 * (dx * dx + dy * dy).sqrt()
    }
}

/// How many parts the spine is drawn in (a curve through their ends).
pub const SPINE_PARTS: usize = 3;

/// The points of one arm: shoulder, elbow, wrist, fingertip.
pub type ArmPoints = [P3; 4];
/// The points of one leg: hip, knee, ankle, toe, heel.
pub type LegPoints = [P3; 5];

/// A pose turned into points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Skeleton {
    /// The spine from the hips to the shoulders.
    pub spine: [P3; SPINE_PARTS + 1],
    /// The base of the skull.
    pub neck: P3,
    /// The centre of the head.
    pub head: P3,
    /// The near arm.
    pub near_arm: ArmPoints,
    /// The far arm.
    pub far_arm: ArmPoints,
    /// The near leg.
    pub near_leg: LegPoints,
    /// The far leg.
    pub far_leg: LegPoints,
}

/// Direction of each spine part: the bend is spread evenly over the joints between the parts.
fn spine_directions(pose: &Pose) -> [f32; SPINE_PARTS] {
    let step = pose.spine / (SPINE_PARTS - 1) as f32;
    std::array::from_fn(|i| pose.trunk - step * i as f32)
}

/// Directions (degrees) of the upper and lower arm and hand, given the top of the spine.
fn arm_directions(upper_spine: f32, arm: Limb) -> [f32; 3] {
    let upper = upper_spine - 180.0 + arm.proximal;
    let fore = upper + arm.middle;
    [upper, fore, fore + arm.distal]
}

/// Directions of the thigh, shank and foot, given the bottom of the spine.
fn leg_directions(pelvis_dir: f32, leg: Limb) -> [f32; 3] {
    let thigh = pelvis_dir - 180.0 + leg.proximal;
    let shank = thigh - leg.middle;
    [thigh, shank, shank + 90.0 - leg.distal]
}

impl Skeleton {
    /// Forward kinematics: every point of `pose`.
    #[must_use]
    pub fn of(pose: &Pose) -> Self {
        let hip = P3::new(pose.pelvis[0], pose.pelvis[1], 0.0);
        let dirs = spine_directions(pose);
        let part = length::TRUNK / SPINE_PARTS as f32;
        let mut spine = [hip; SPINE_PARTS + 1];
        for (i, dir) in dirs.iter().enumerate() {
            spine[i + 1] = spine[i] + P3::toward(*dir) * part;
        }
        let shoulder = spine[SPINE_PARTS];
        let upper = dirs[SPINE_PARTS - 1];
        let head_dir = upper - pose.neck;
        let neck = shoulder + P3::toward(head_dir) * length::NECK;
        let head = neck + P3::toward(head_dir) * length::HEAD_RADIUS;
        let arm = |limb: Limb, z: f32| -> ArmPoints {
            let [upper_dir, fore_dir, hand_dir] = arm_directions(upper, limb);
            let joint = shoulder + P3::new(0.0, 0.0, z);
            let elbow = joint + P3::toward(upper_dir) * length::UPPER_ARM;
            let wrist = elbow + P3::toward(fore_dir) * length::FOREARM;
            [
                joint,
                elbow,
                wrist,
                wrist + P3::toward(hand_dir) * length::HAND,
            ]
        };
        let leg = |limb: Limb, z: f32| -> LegPoints {
            let [thigh_dir, shank_dir, foot_dir] = leg_directions(dirs[0], limb);
            let joint = hip + P3::new(0.0, 0.0, z);
            let knee = joint + P3::toward(thigh_dir) * length::THIGH;
            let ankle = knee + P3::toward(shank_dir) * length::SHANK;
            let foot = P3::toward(foot_dir);
            // The sole lies under the ankle, square to the foot.
            let sole = P3::toward(foot_dir - 90.0) * length::ANKLE_HEIGHT;
            let toes = ankle + foot * (length::FOOT * (1.0 - length::HEEL_SHARE)) + sole;
            let heel = ankle - foot * (length::FOOT * length::HEEL_SHARE) + sole;
            let mut points = [joint, knee, ankle, toes, heel];
            // The lower leg turns about the thigh, then the whole leg rolls about hip-to-ankle.
            let thigh_axis = knee - joint;
            for p in &mut points[2..] {
                *p = p.rotated_about(knee, thigh_axis, limb.turn_out);
            }
            let roll_axis = points[2] - joint;
            for p in &mut points[1..] {
                *p = p.rotated_about(joint, roll_axis, limb.roll);
            }
            points
        };
        Self {
            spine,
            neck,
            head,
            near_arm: arm(pose.near_arm, LIMB_DEPTH),
            far_arm: arm(pose.far_arm, -LIMB_DEPTH),
            near_leg: leg(pose.near_leg, LIMB_DEPTH),
            far_leg: leg(pose.far_leg, -LIMB_DEPTH),
        }
    }

    /// Every point with the half-thickness of the part drawn around it.
    #[must_use]
    pub fn surface_points(&self) -> Vec<(P3, f32)> {
        let mut out: Vec<(P3, f32)> = self.spine.iter().map(|p| (*p, thickness::TRUNK)).collect();
        out.push((self.neck, thickness::NECK));
        out.push((self.head, length::HEAD_RADIUS));
        for arm in [&self.near_arm, &self.far_arm] {
            out.push((arm[1], thickness::UPPER_ARM));
            out.push((arm[2], thickness::FOREARM));
            out.push((arm[3], thickness::HAND));
        }
        for leg in [&self.near_leg, &self.far_leg] {
            out.push((leg[1], thickness::THIGH));
            out.push((leg[2], thickness::SHANK));
            out.push((leg[3], thickness::FOOT));
            out.push((leg[4], thickness::FOOT));
        }
        out
    }
}

/// Which limb a solver moves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LimbId {
    /// The arm on the viewer's side.
    NearArm,
    /// The arm on the other side.
    FarArm,
    /// The leg on the viewer's side.
    NearLeg,
    /// The leg on the other side.
    FarLeg,
}

impl LimbId {
    /// Every limb.
    pub const ALL: [Self; 4] = [Self::NearArm, Self::FarArm, Self::NearLeg, Self::FarLeg];

    /// Whether this is a leg.
    #[must_use]
    pub fn is_leg(self) -> bool {
        matches!(self, Self::NearLeg | Self::FarLeg)
    }

    /// The limb's angles in `pose`.
    #[must_use]
    pub fn of(self, pose: &Pose) -> Limb {
        match self {
            Self::NearArm => pose.near_arm,
            Self::FarArm => pose.far_arm,
            Self::NearLeg => pose.near_leg,
            Self::FarLeg => pose.far_leg,
        }
    }

    /// The limb's angles in `pose`, to change.
    pub fn of_mut(self, pose: &mut Pose) -> &mut Limb {
        match self {
            Self::NearArm => &mut pose.near_arm,
            Self::FarArm => &mut pose.far_arm,
            Self::NearLeg => &mut pose.near_leg,
            Self::FarLeg => &mut pose.far_leg,
        }
    }
}

/// Wraps an angle into (−180, 180].
#[must_use]
pub fn wrap(mut degrees: f32) -> f32 {
    while degrees > 180.0 {
        degrees -= 360.0;
    }
    while degrees <= -180.0 {
        degrees += 360.0;
    }
    degrees
}

/// The two-bone solver: bends `limb` (keeping its out-of-plane angles and its distal angle) so
/// that its wrist or ankle lands on `target` (x, y). A target out of reach is approached as
/// closely as the limb allows, straight toward it. The elbow or knee bends the way the joint
/// does (flexion positive).
pub fn reach(pose: &mut Pose, limb: LimbId, target: [f32; 2]) {
    let skeleton = Skeleton::of(pose);
    let dirs = spine_directions(pose);
    let (root, l1, l2, parent) = if limb.is_leg() {
        (skeleton.spine[0], length::THIGH, length::SHANK, dirs[0])
    } else {
        (
            skeleton.spine[SPINE_PARTS],
            length::UPPER_ARM,
            length::FOREARM,
            dirs[SPINE_PARTS - 1],
        )
    };
    let dx = target[0] - root.x;
    let dy = target[1] - root.y;
    let reach_len = (dx * dx + dy * dy).sqrt();
    let d = reach_len.clamp((l1 - l2).abs() + 1e-4, l1 + l2 - 1e-4);
    let base = dy.atan2(dx).to_degrees();
    let cos_a = ((l1 * l1 + d * d - l2 * l2) / (2.0 * l1 * d)).clamp(-1.0, 1.0);
    let a = cos_a.acos().to_degrees();
    let current = limb.of(pose);
    let mut best: Option<Limb> = None;
    for sign in [1.0_f32, -1.0] {
        let first = base + sign * a;
        let elbow = [
            root.x + l1 * first.to_radians().cos(),
            root.y + l1 * first.to_radians().sin(),
        ];
        let second = (target[1] - elbow[1])
            .atan2(target[0] - elbow[0])
            .to_degrees();
        let second = if reach_len > d + 1e-3 { first } else { second };
        let proximal = wrap(first - parent + 180.0);
        let middle = if limb.is_leg() {
            wrap(first - second)
        } else {
            wrap(second - first)
        };
        if middle >= -1e-3 {
            best = Some(Limb {
                proximal,
                middle: middle.max(0.0),
                ..current
            });
            break;
        }
    }
    if let Some(solved) = best {
        *limb.of_mut(pose) = solved;
    }
}

/// One row of the range-of-motion table: the joint, the largest flexion and the largest
/// extension (as a positive number) a pose may ask for.
#[derive(Clone, Copy, Debug)]
pub struct Range {
    /// What the angle is.
    pub joint: &'static str,
    /// Largest flexion (or the positive direction), degrees.
    pub flexion: f32,
    /// Largest extension (the negative direction), degrees.
    pub extension: f32,
}

/// Normal active ranges of motion in adults, from the American Academy of Orthopaedic
/// Surgeons' *Joint Motion: Method of Measuring and Recording* (1965), as tabled in Norkin and
/// White, *Measurement of Joint Motion: A Guide to Goniometry*. The two out-of-plane leg angles
/// are not joint angles of the table but what two motions look like together from the side, so
/// their limits are stated here, not cited: a knee roll is lumbar rotation (45) with hip
/// adduction (30), so at most 75; a crossed ankle (the lower leg turned about the thigh) is hip
/// external rotation (45) with abduction (45) of a bent hip, drawn up to 135.
pub const RANGES: [Range; 10] = [
    Range {
        joint: "hip",
        flexion: 120.0,
        extension: 30.0,
    },
    Range {
        joint: "knee",
        flexion: 135.0,
        extension: 0.0,
    },
    Range {
        joint: "ankle",
        flexion: 50.0,
        extension: 20.0,
    },
    Range {
        joint: "shoulder",
        flexion: 180.0,
        extension: 60.0,
    },
    Range {
        joint: "elbow",
        flexion: 150.0,
        extension: 0.0,
    },
    Range {
        joint: "wrist",
        flexion: 80.0,
        extension: 70.0,
    },
    Range {
        joint: "neck",
        flexion: 45.0,
        extension: 45.0,
    },
    Range {
        joint: "spine",
        flexion: 80.0,
        extension: 25.0,
    },
    Range {
        joint: "knee roll",
        flexion: 75.0,
        extension: 75.0,
    },
    Range {
        joint: "crossed ankle",
        flexion: 135.0,
        extension: 0.0,
    },
];

/// The row of [`RANGES`] for `joint` ("hip", "wrist", …).
#[must_use]
pub fn range(joint: &str) -> Option<&'static Range> {
    RANGES.iter().find(|r| r.joint == joint)
}

/// Every angle of `pose` that lies outside [`RANGES`], named ("near leg knee 140°"); empty when
/// the pose is one a body can take.
#[must_use]
pub fn out_of_range(pose: &Pose) -> Vec<String> {
    let mut out = Vec::new();
    let mut check = |part: &str, joint: &str, value: f32| {
        if let Some(r) = range(joint)
            && (value > r.flexion + 0.5 || value < -r.extension - 0.5)
        {
            out.push(format!("{part} {joint} {value:.0}°"));
        }
    };
    check("", "spine", pose.spine);
    check("", "neck", pose.neck);
    for (name, arm) in [("near arm", pose.near_arm), ("far arm", pose.far_arm)] {
        check(name, "shoulder", arm.proximal);
        check(name, "elbow", arm.middle);
        check(name, "wrist", arm.distal);
    }
    for (name, leg) in [("near leg", pose.near_leg), ("far leg", pose.far_leg)] {
        check(name, "hip", leg.proximal);
        check(name, "knee", leg.middle);
        check(name, "ankle", leg.distal);
        check(name, "knee roll", leg.roll.abs());
        check(name, "crossed ankle", leg.turn_out.abs());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f32, b: f32) -> bool {
        (a - b).abs() < 1e-3
    }

    #[test]
    fn standing_straight_is_as_tall_as_the_table_says() {
        let pose = Pose {
            pelvis: [0.0, length::THIGH + length::SHANK + length::ANKLE_HEIGHT],
            trunk: 90.0,
            ..Pose::default()
        };
        let s = Skeleton::of(&pose);
        let crown = s.head.y + length::HEAD_RADIUS;
        assert!(close(crown, 1.0), "crown at {crown}");
        assert!(close(s.near_leg[3].y, 0.0), "toe at {}", s.near_leg[3].y);
        assert!(close(s.near_leg[4].y, 0.0), "heel at {}", s.near_leg[4].y);
        assert!(s.near_leg[3].x > s.near_leg[4].x, "the toes point forward");
        // Arms hang down; fingertips by mid-thigh.
        assert!(close(s.near_arm[3].x, 0.0));
    }

    #[test]
    fn flexion_moves_limbs_forward() {
        let pose = Pose {
            pelvis: [0.0, 0.5],
            trunk: 90.0,
            near_leg: Limb::bent(90.0, 90.0, 0.0),
            near_arm: Limb::bent(90.0, 0.0, 0.0),
            ..Pose::default()
        };
        let s = Skeleton::of(&pose);
        assert!(s.near_leg[1].x > 0.2, "thigh forward");
        assert!(
            close(s.near_leg[2].x, s.near_leg[1].x),
            "shank straight down"
        );
        assert!(s.near_arm[3].x > 0.4, "arm straight forward");
    }

    #[test]
    fn rotation_about_an_axis_is_rigid() {
        let p = P3::new(1.0, 2.0, 0.5);
        let q = p.rotated_about(P3::new(0.2, 0.1, 0.0), P3::new(1.0, 1.0, 0.3), 73.0);
        assert!(close(
            (p - P3::new(0.2, 0.1, 0.0)).length(),
            (q - P3::new(0.2, 0.1, 0.0)).length()
        ));
    }

    #[test]
    fn the_solver_puts_the_ankle_on_its_target() {
        let mut pose = Pose {
            pelvis: [0.0, 0.06],
            trunk: 180.0,
            ..Pose::default()
        };
        let target = [0.3, 0.07];
        reach(&mut pose, LimbId::NearLeg, target);
        let s = Skeleton::of(&pose);
        assert!(close(s.near_leg[2].x, target[0]) && close(s.near_leg[2].y, target[1]));
        assert!(
            s.near_leg[1].y > 0.2,
            "the knee points up: {:?}",
            s.near_leg[1]
        );
        assert!(pose.near_leg.middle > 0.0);
    }

    #[test]
    fn the_solver_puts_the_wrist_on_its_target() {
        let mut pose = Pose {
            pelvis: [0.0, 0.25],
            trunk: 10.0,
            ..Pose::default()
        };
        let target = [0.3, 0.02];
        reach(&mut pose, LimbId::NearArm, target);
        let s = Skeleton::of(&pose);
        assert!(close(s.near_arm[2].x, target[0]) && close(s.near_arm[2].y, target[1]));
        assert!(pose.near_arm.middle >= 0.0);
    }
}
