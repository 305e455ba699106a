//! A figure at one moment as a flat list of marks — thick polylines and discs in the figure's
//! space, each with a tone — that the screen's painter and the SVG writer both draw the same
//! way. Building the scene is where depth order, mirroring for the other side and the props'
//! shapes are decided, once.

use super::body::{LegPoints, P3, Pose, Skeleton, length, thickness};
use super::{Prop, Worked};

/// What colour role a mark plays; each renderer maps tones to its own colours.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Tone {
    /// The floor, a wall, a chair.
    Ground,
    /// Limbs on the far side of the body.
    Far,
    /// The head, trunk and near limbs.
    Body,
    /// The parts the step works on (the side being worked, when it has one).
    Worked,
    /// Balls, rollers, straps and sticks.
    Prop,
}

/// One thing to draw.
#[derive(Clone, Debug, PartialEq)]
pub enum Mark {
    /// A polyline with round joints and ends, `width` thick (in units of height).
    Line {
        /// Points (x, y), y up.
        points: Vec<[f32; 2]>,
        /// Full thickness.
        width: f32,
        /// Colour role.
        tone: Tone,
    },
    /// A filled disc.
    Disc {
        /// Centre (x, y).
        centre: [f32; 2],
        /// Radius.
        radius: f32,
        /// Colour role.
        tone: Tone,
    },
}

/// A box in the figure's space.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bounds {
    /// Smallest x and y.
    pub min: [f32; 2],
    /// Largest x and y.
    pub max: [f32; 2],
}

impl Bounds {
    /// Nothing yet.
    pub const EMPTY: Self = Self {
        min: [f32::INFINITY; 2],
        max: [f32::NEG_INFINITY; 2],
    };

    /// Grows to take in a disc at `p` of radius `r`.
    pub fn include(&mut self, p: [f32; 2], r: f32) {
        self.min[0] = self.min[0].min(p[0] - r);
        self.min[1] = self.min[1].min(p[1] - r);
        self.max[0] = self.max[0].max(p[0] + r);
        self.max[1] = self.max[1].max(p[1] + r);
    }

    /// Grows to take in `other`.
    pub fn union(&mut self, other: &Self) {
        self.include(other.min, 0.0);
        self.include(other.max, 0.0);
    }

    /// Width.
    #[must_use]
    pub fn width(&self) -> f32 {
        self.max[0] - self.min[0]
    }

    /// Height.
    #[must_use]
    pub fn height(&self) -> f32 {
        self.max[1] - self.min[1]
    }
}

/// Marks in drawing order (back to front), and the box they fill.
#[derive(Clone, Debug, PartialEq)]
pub struct Scene {
    /// What to draw, back to front.
    pub marks: Vec<Mark>,
    /// The box around every mark except the floor line.
    pub bounds: Bounds,
}

/// Radius of a massage ball (about 9 cm across, for a 1.7 m person).
pub const BALL_RADIUS: f32 = 0.027;
/// Radius of a foam roller (about 15 cm across).
pub const ROLLER_RADIUS: f32 = 0.044;
/// Height of a chair seat (about 44 cm for a 1.7 m person: thighs level, feet flat).
pub const SEAT_HEIGHT: f32 = 0.26;
/// How far a chair's seat runs back from its front edge.
pub const SEAT_DEPTH: f32 = 0.24;
/// How far a chair's seat front sticks out past [`Prop::Chair`]'s `x`.
const SEAT_FRONT: f32 = 0.04;
/// Where a chair's backrest rises, behind `x`.
const CHAIR_BACK: f32 = SEAT_DEPTH - SEAT_FRONT;
/// Height of a desk top (about 73 cm for a 1.7 m person).
pub const DESK_HEIGHT: f32 = 0.43;
/// Depth of a desk top.
pub const DESK_DEPTH: f32 = 0.36;

/// The span of x a chair's seat covers, smallest first.
#[must_use]
pub fn seat_span(prop: &Prop) -> Option<[f32; 2]> {
    let (front, back) = match *prop {
        Prop::Chair { x, facing } => (x + facing * SEAT_FRONT, x - facing * CHAIR_BACK),
        Prop::Seat { x } => (x, x - SEAT_DEPTH),
        _ => return None,
    };
    Some([front.min(back), front.max(back)])
}

/// The span of x a desk's top covers, smallest first.
#[must_use]
pub fn desk_span(prop: &Prop) -> Option<[f32; 2]> {
    match *prop {
        Prop::Desk { x, facing } => {
            let far = x + facing * DESK_DEPTH;
            Some([x.min(far), x.max(far)])
        }
        _ => None,
    }
}
/// How far the floor line runs past the figure on each side.
const FLOOR_MARGIN: f32 = 0.06;
/// How many points each span of the spine's curve is drawn with.
const CURVE_STEPS: usize = 4;

fn flat(p: P3) -> [f32; 2] {
    [p.x, p.y]
}

/// A Catmull-Rom curve through `points`, sampled: the spine bends smoothly, not at corners.
fn curve(points: &[P3]) -> Vec<[f32; 2]> {
    let mut out = Vec::new();
    for i in 0..points.len().saturating_sub(1) {
        let p0 = points[i.saturating_sub(1)];
        let p1 = points[i];
        let p2 = points[i + 1];
        let p3 = points[(i + 2).min(points.len() - 1)];
        for step in 0..CURVE_STEPS {
            let t = step as f32 / CURVE_STEPS as f32;
            let t2 = t * t;
            let t3 = t2 * t;
            let at = |a: f32, b: f32, c: f32, d: f32| {
                0.5 * (2.0 * b
                    + (c - a) * t
                    + (2.0 * a - 5.0 * b + 4.0 * c - d) * t2
                    + (3.0 * b - a - 3.0 * c + d) * t3)
            };
            out.push([at(p0.x, p1.x, p2.x, p3.x), at(p0.y, p1.y, p2.y, p3.y)]);
        }
    }
    if let Some(last) = points.last() {
        out.push(flat(*last));
    }
    out
}

/// A leg's three parts, each in its own tone: thigh, lower leg, foot.
fn leg_marks(leg: &LegPoints, part_tones: [Tone; 3]) -> Vec<Mark> {
    let [hip, knee, ankle, toes, heel] = *leg;
    vec![
        Mark::Line {
            points: vec![flat(hip), flat(knee)],
            width: 2.0 * thickness::THIGH,
            tone: part_tones[0],
        },
        Mark::Line {
            points: vec![flat(knee), flat(ankle)],
            width: 2.0 * thickness::SHANK,
            tone: part_tones[1],
        },
        Mark::Line {
            points: vec![flat(heel), flat(toes)],
            width: 2.0 * thickness::FOOT,
            tone: part_tones[2],
        },
    ]
}

fn arm_marks(arm: &[P3; 4], tone: Tone) -> Vec<Mark> {
    let [shoulder, elbow, wrist, tip] = *arm;
    vec![
        Mark::Line {
            points: vec![flat(shoulder), flat(elbow)],
            width: 2.0 * thickness::UPPER_ARM,
            tone,
        },
        Mark::Line {
            points: vec![flat(elbow), flat(wrist)],
            width: 2.0 * thickness::FOREARM,
            tone,
        },
        Mark::Line {
            points: vec![flat(wrist), flat(tip)],
            width: 2.0 * thickness::HAND,
            tone,
        },
    ]
}

/// How high the near ankle must be for the strap round that foot to be drawn.
const STRAP_SHOWN_ABOVE: f32 = 0.12;

/// How thick arrows are drawn.
const ARROW_WIDTH: f32 = 0.008;

/// A two-stroke arrowhead at `tip`, for a shaft arriving from `back`.
fn arrow_head(tip: [f32; 2], back: [f32; 2]) -> Mark {
    let (bx, by) = (back[0] - tip[0], back[1] - tip[1]);
    let len = (bx * bx + by * by).sqrt().max(1e-4);
    let (ux, uy) = (bx / len * 0.03, by / len * 0.03);
    let (c, s) = (0.5_f32.cos(), 0.5_f32.sin());
    let wing = |sign: f32| {
        [
            tip[0] + ux * c - uy * s * sign,
            tip[1] + uy * c + ux * s * sign,
        ]
    };
    Mark::Line {
        points: vec![wing(1.0), tip, wing(-1.0)],
        width: ARROW_WIDTH,
        tone: Tone::Prop,
    }
}

#[expect(
    clippy::too_many_lines,
    reason = "one arm per prop, each a few marks; split, the props would be harder to compare"
)]
fn prop_marks(prop: Prop, skeleton: &Skeleton) -> Vec<Mark> {
    match prop {
        Prop::Wall { x } => vec![Mark::Line {
            points: vec![[x, 0.0], [x, 1.05]],
            width: 0.012,
            tone: Tone::Ground,
        }],
        Prop::Chair { x, facing } => {
            let back = x - facing * CHAIR_BACK;
            let front = x + facing * SEAT_FRONT;
            vec![Mark::Line {
                points: vec![
                    [back, 0.0],
                    [back, 0.52],
                    [back, SEAT_HEIGHT],
                    [front, SEAT_HEIGHT],
                    [front, 0.0],
                ],
                width: 0.014,
                tone: Tone::Ground,
            }]
        }
        Prop::Seat { x } => {
            let back = x - SEAT_DEPTH;
            vec![Mark::Line {
                points: vec![[back, 0.0], [back, SEAT_HEIGHT], [x, SEAT_HEIGHT], [x, 0.0]],
                width: 0.014,
                tone: Tone::Ground,
            }]
        }
        Prop::Desk { x, facing } => {
            let inset = facing * 0.03;
            let far = x + facing * DESK_DEPTH;
            // One line: up the near leg, along the top both ways, down the far leg.
            vec![Mark::Line {
                points: vec![
                    [x + inset, 0.0],
                    [x + inset, DESK_HEIGHT],
                    [x, DESK_HEIGHT],
                    [far, DESK_HEIGHT],
                    [far - inset, DESK_HEIGHT],
                    [far - inset, 0.0],
                ],
                width: 0.014,
                tone: Tone::Ground,
            }]
        }
        Prop::Ball { at } => vec![Mark::Disc {
            centre: at,
            radius: BALL_RADIUS,
            tone: Tone::Prop,
        }],
        Prop::Roller { at } => vec![Mark::Disc {
            centre: at,
            radius: ROLLER_RADIUS,
            tone: Tone::Prop,
        }],
        // The strap is drawn only once the foot is off the floor: lying on it, it says nothing.
        Prop::Strap if skeleton.near_leg[2].y < STRAP_SHOWN_ABOVE => Vec::new(),
        Prop::Strap => {
            // Held in the hand, between the wrist and the fingertips.
            let hand = (skeleton.near_arm[2] + skeleton.near_arm[3]) * 0.5;
            let foot = skeleton.near_leg[3];
            let arch = (foot - skeleton.near_leg[2]) * 0.5 + skeleton.near_leg[2];
            vec![Mark::Line {
                points: vec![flat(hand), flat(foot), flat(arch)],
                width: 0.008,
                tone: Tone::Prop,
            }]
        }
        Prop::Arrow { from, to } => {
            // A quarter-circle-ish bow from `from` to `to`, then a two-stroke head.
            let mid = [f32::midpoint(from[0], to[0]), f32::midpoint(from[1], to[1])];
            let (dx, dy) = (to[0] - from[0], to[1] - from[1]);
            let bow = [mid[0] + dy * 0.35, mid[1] - dx * 0.35];
            let points: Vec<[f32; 2]> = (0..=8)
                .map(|i| {
                    let t = i as f32 / 8.0;
                    let u = 1.0 - t;
                    [
                        u * u * from[0] + 2.0 * u * t * bow[0] + t * t * to[0],
                        u * u * from[1] + 2.0 * u * t * bow[1] + t * t * to[1],
                    ]
                })
                .collect();
            let head = arrow_head(to, points[6]);
            vec![
                Mark::Line {
                    points,
                    width: ARROW_WIDTH,
                    tone: Tone::Prop,
                },
                head,
            ]
        }
        Prop::Along { from, to } => vec![
            Mark::Line {
                points: vec![from, to],
                width: ARROW_WIDTH,
                tone: Tone::Prop,
            },
            arrow_head(to, from),
            arrow_head(from, to),
        ],
        Prop::Stick => {
            let a = skeleton.near_arm[2];
            let b = skeleton.far_arm[2];
            let along = b - a;
            let len = along.length().max(1e-3);
            let reach = along * (0.07 / len);
            vec![Mark::Line {
                points: vec![flat(a - reach), flat(b + reach)],
                width: 0.032,
                tone: Tone::Prop,
            }]
        }
    }
}

impl Scene {
    /// The scene of `pose` with `props`, highlighting what `worked` names; `mirrored` draws it
    /// facing the other way (the other side of the body).
    #[must_use]
    #[expect(
        clippy::too_many_lines,
        reason = "the marks are laid down back to front, in drawing order"
    )]
    pub fn of(pose: &Pose, props: &[Prop], worked: Worked, mirrored: bool) -> Self {
        let s = Skeleton::of(pose);
        let tone_of = |part: Worked, base: Tone| {
            if worked.contains(part) {
                Tone::Worked
            } else {
                base
            }
        };
        let mut marks = Vec::new();
        let (ground, held): (Vec<Prop>, Vec<Prop>) = props.iter().partition(|p| {
            matches!(
                p,
                Prop::Wall { .. } | Prop::Chair { .. } | Prop::Seat { .. } | Prop::Desk { .. }
            )
        });
        for prop in &ground {
            marks.extend(prop_marks(*prop, &s));
        }
        marks.extend(arm_marks(&s.far_arm, tone_of(Worked::FAR_ARM, Tone::Far)));
        let far_leg = tone_of(Worked::FAR_LEG, Tone::Far);
        marks.extend(leg_marks(&s.far_leg, [far_leg; 3]));
        let spine_curve = curve(&s.spine);
        marks.push(Mark::Line {
            points: spine_curve.clone(),
            width: 2.0 * thickness::TRUNK,
            tone: Tone::Body,
        });
        // The worked stretch of the spine drawn over it: the lower or upper half, or all.
        let half = spine_curve.len() / 2;
        let worked_spine = match (
            worked.intersects(Worked::LOW_BACK),
            worked.intersects(Worked::UPPER_BACK),
        ) {
            (true, true) => Some(&spine_curve[..]),
            (true, false) => Some(&spine_curve[..=half]),
            (false, true) => Some(&spine_curve[half..]),
            (false, false) => None,
        };
        if let Some(points) = worked_spine {
            marks.push(Mark::Line {
                points: points.to_vec(),
                width: 2.0 * thickness::TRUNK,
                tone: Tone::Worked,
            });
        }
        // The buttock behind the hip joint and the belly in front of the low spine, as discs
        // on the trunk's surface.
        let base = s.spine[1] - s.spine[0];
        let along = base * (1.0 / base.length().max(1e-6));
        // The front of the body is on the clockwise side of the spine.
        let front = P3::new(along.y, -along.x, 0.0);
        if worked.intersects(Worked::BUTTOCK) {
            let at = s.spine[0] - front * (thickness::TRUNK * 0.45) - along * 0.01;
            marks.push(Mark::Disc {
                centre: flat(at),
                radius: thickness::TRUNK * 0.8,
                tone: Tone::Worked,
            });
        }
        if worked.intersects(Worked::BELLY) {
            let at = (s.spine[0] + s.spine[1]) * 0.5 + front * (thickness::TRUNK * 0.35);
            marks.push(Mark::Disc {
                centre: flat(at),
                radius: thickness::TRUNK * 0.6,
                tone: Tone::Worked,
            });
        }
        marks.push(Mark::Line {
            points: vec![flat(s.spine[s.spine.len() - 1]), flat(s.neck)],
            width: 2.0 * thickness::NECK,
            tone: tone_of(Worked::NECK, Tone::Body),
        });
        marks.push(Mark::Disc {
            centre: flat(s.head),
            radius: length::HEAD_RADIUS,
            tone: Tone::Body,
        });
        let (behind, front): (Vec<Prop>, Vec<Prop>) = held
            .iter()
            .partition(|p| matches!(p, Prop::Ball { .. } | Prop::Roller { .. }));
        for prop in &behind {
            marks.extend(prop_marks(*prop, &s));
        }
        marks.extend(leg_marks(
            &s.near_leg,
            [
                tone_of(Worked::NEAR_THIGH, Tone::Body),
                tone_of(Worked::NEAR_SHANK, Tone::Body),
                tone_of(Worked::NEAR_LEG, Tone::Body),
            ],
        ));
        marks.extend(arm_marks(
            &s.near_arm,
            tone_of(Worked::NEAR_ARM, Tone::Body),
        ));
        for prop in &front {
            marks.extend(prop_marks(*prop, &s));
        }
        if mirrored {
            for mark in &mut marks {
                match mark {
                    Mark::Line { points, .. } => {
                        for p in points {
                            p[0] = -p[0];
                        }
                    }
                    Mark::Disc { centre, .. } => centre[0] = -centre[0],
                }
            }
        }
        let mut bounds = Bounds::EMPTY;
        for mark in &marks {
            match mark {
                Mark::Line { points, width, .. } => {
                    for p in points {
                        bounds.include(*p, width / 2.0);
                    }
                }
                Mark::Disc { centre, radius, .. } => bounds.include(*centre, *radius),
            }
        }
        bounds.include([bounds.min[0], 0.0], 0.0);
        Self { marks, bounds }
    }

    /// The floor line under a figure that fills `frame`.
    #[must_use]
    pub fn floor(frame: &Bounds) -> Mark {
        Mark::Line {
            points: vec![
                [frame.min[0] - FLOOR_MARGIN, -0.006],
                [frame.max[0] + FLOOR_MARGIN, -0.006],
            ],
            width: 0.012,
            tone: Tone::Ground,
        }
    }
}
