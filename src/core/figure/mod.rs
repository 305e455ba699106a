//! Figures of every exercise, drawn from joint angles: a side-view body ([`body`]), a figure per
//! technique and per starting position ([`library`]), the pose at any moment of a step (this
//! module), a flat list of marks both renderers draw ([`scene`]), and SVG ([`svg`]). Pure code:
//! no egui, no files, time passed in.
//!
//! How a figure moves with its step: during "get ready" it shows the starting pose, still. A
//! hold moves into position through its keyframes (about 1–2 s), then stands still through the
//! hold, and the rest or switch after it plays the way back. A set of moves cycles through its
//! keyframes once per move, in time with the rep tick. Nothing here knows about repainting: a
//! [`Moment`] says whether the figure is moving, and the screen repaints only then.

pub mod body;
pub mod library;
pub mod scene;
pub mod svg;

use crate::core::plan::SegmentKind;
use crate::core::routine::model::{Side, Sides};
use body::Pose;
use scene::{Bounds, Scene};

bitflags::bitflags! {
    /// Which parts are drawn as the ones worked: whole limbs, or the area a stretch or massage
    /// is for (the low back, the buttock, the back of the thigh). Combine with `|`.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
    pub struct Worked: u16 {
        /// The near arm.
        const NEAR_ARM = 1;
        /// The far arm.
        const FAR_ARM = 1 << 1;
        /// The far leg.
        const FAR_LEG = 1 << 3;
        /// The near thigh.
        const NEAR_THIGH = 1 << 6;
        /// The near lower leg (the calf).
        const NEAR_SHANK = 1 << 7;
        /// The whole near leg.
        const NEAR_LEG = 1 << 2 | Self::NEAR_THIGH.bits() | Self::NEAR_SHANK.bits();
        /// The low back: the lower half of the spine.
        const LOW_BACK = 1 << 8;
        /// The upper back: the upper half of the spine.
        const UPPER_BACK = 1 << 9;
        /// The whole spine, from the pelvis to the shoulders.
        const TRUNK = 1 << 4 | Self::LOW_BACK.bits() | Self::UPPER_BACK.bits();
        /// The buttock (the near one, seen from the side).
        const BUTTOCK = 1 << 10;
        /// The belly, at the front of the low trunk.
        const BELLY = 1 << 11;
        /// The neck.
        const NECK = 1 << 12;
    }
}

/// Equipment and surroundings drawn with the figure.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Prop {
    /// A wall at `x`, behind the figure.
    Wall {
        /// Where the wall's face is.
        x: f32,
    },
    /// A chair whose seat front is at `x`, for a figure facing `facing` (1 or −1).
    Chair {
        /// The seat's front edge.
        x: f32,
        /// Which way the sitter faces.
        facing: f32,
    },
    /// A chair turned side-on, so its back is out of the picture: the seat (from `x` back to
    /// `x` − [`scene::SEAT_DEPTH`]) and its legs, for a knee resting on the seat.
    Seat {
        /// The seat's front edge (toward +x).
        x: f32,
    },
    /// A desk or table whose near edge is at `x`, its top running away along `facing` (1 or
    /// −1) at [`scene::DESK_HEIGHT`].
    Desk {
        /// The near edge of the top.
        x: f32,
        /// Which way the top runs from that edge.
        facing: f32,
    },
    /// A massage ball at a point.
    Ball {
        /// Its centre.
        at: [f32; 2],
    },
    /// A foam roller, seen end on.
    Roller {
        /// Its centre.
        at: [f32; 2],
    },
    /// A strap from the near hand round the near foot.
    Strap,
    /// A massage stick held between the hands.
    Stick,
    /// A straight arrow with a head at each end: roll back and forth along here (drawn still,
    /// beside the part being massaged).
    Along {
        /// One end.
        from: [f32; 2],
        /// The other end.
        to: [f32; 2],
    },
    /// A curved arrow showing which way a part moves (drawn still, beside the figure).
    Arrow {
        /// Where the movement starts.
        from: [f32; 2],
        /// Where it ends (the arrowhead).
        to: [f32; 2],
    },
}

/// What a figure keeps where it rests all through its movement.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Keep {
    /// Both hands hold this leg's knee.
    HandsOnKnee(body::LimbId),
    /// Both hands rest on a desk top, flat with the wrists at `x` where they reach it.
    HandsOnDesk {
        /// Where the wrists rest.
        x: f32,
    },
    /// Kneeling: the near knee stays at `knee` (side view) and the toes stay tucked under on
    /// the floor.
    Kneeling {
        /// Where the near knee rests.
        knee: [f32; 2],
    },
}

/// How a figure moves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Motion {
    /// Into position, still through the hold, back out after it. [`Key::at`] is in seconds
    /// from the start of the hold.
    Hold,
    /// A cycle per move, starting and ending at the start pose. [`Key::at`] is the share of the
    /// move (0–1) at which the key is reached.
    Cycle,
}

/// A keyframe: a pose and when it is reached.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Key {
    /// When the pose is reached (seconds for a hold, share of a move for a cycle).
    pub at: f32,
    /// The pose.
    pub pose: Pose,
}

/// One exercise's figure: the starting pose, its keyframes, props and what it works.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    /// The pose before the movement (also where a cycle starts and ends).
    pub start: Pose,
    /// The keyframes after the start, in time order (1–3).
    pub keys: Vec<Key>,
    /// Held or cycled.
    pub motion: Motion,
    /// What is drawn with the body.
    pub props: Vec<Prop>,
    /// What is highlighted.
    pub worked: Worked,
    /// What stays where it rests at every moment: joint angles blend between keyframes, which
    /// alone would let a hand drift off a knee or a desk mid-move, so it is put back.
    pub keep: Option<Keep>,
    /// What the held (or moving) figure shows, for a screen reader and a printed caption;
    /// `{side}` is replaced by "left", "right" or "one".
    pub description: &'static str,
}

/// Where in its step the figure is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Stage {
    /// Before the movement: the start pose.
    Ready,
    /// `elapsed` seconds into a hold of `secs`.
    Holding {
        /// Seconds since the hold began.
        elapsed: f32,
        /// Length of the hold.
        secs: f32,
    },
    /// `elapsed` seconds into the rest (or switch) after a hold.
    Releasing {
        /// Seconds since the rest began.
        elapsed: f32,
        /// Length of the hold before it (the way back takes as long as the way in).
        hold_secs: f32,
    },
    /// `elapsed` seconds into one move of `secs`.
    Moving {
        /// Seconds since the move began.
        elapsed: f32,
        /// Length of one move.
        secs: f32,
    },
    /// The held pose, still (for a thumbnail or a printed sheet).
    Held,
}

impl Stage {
    /// The stage of a plan segment of `kind`, `elapsed` seconds into its `secs`. `hold_secs`
    /// is the length of the step's holds (for the way back after one).
    #[must_use]
    pub fn of(kind: SegmentKind, elapsed: f32, secs: f32, hold_secs: f32) -> Self {
        let elapsed = elapsed.clamp(0.0, secs.max(0.0));
        match kind {
            SegmentKind::GetReady => Self::Ready,
            SegmentKind::Hold => Self::Holding { elapsed, secs },
            SegmentKind::Move => Self::Moving { elapsed, secs },
            SegmentKind::RepRest | SegmentKind::Switch => Self::Releasing { elapsed, hold_secs },
        }
    }
}

/// The figure at one moment.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Moment {
    /// The pose to draw.
    pub pose: Pose,
    /// Whether the pose changes from here on (the screen keeps drawing only while it does).
    pub moving: bool,
}

/// Most of a hold the way in may take: the rest of it is held still.
const MOVE_IN_SHARE: f32 = 0.4;

/// Smoothstep: starts and ends gently, and is exactly 0 and 1 at the ends.
fn ease(t: f32) -> f32 {
    let t = t.clamp(0.0, 1.0);
    t * t * (3.0 - 2.0 * t)
}

impl Figure {
    /// The pose it holds (the last keyframe), or the start pose if it has none.
    #[must_use]
    pub fn held(&self) -> &Pose {
        self.keys.last().map_or(&self.start, |k| &k.pose)
    }

    /// The poses a printed page shows: the held pose of a hold; for a cycle, each turning point
    /// (every keyframe unlike the start, and the start too when there is only one).
    #[must_use]
    pub fn printed_poses(&self) -> Vec<Pose> {
        match self.motion {
            Motion::Hold => vec![*self.held()],
            Motion::Cycle => {
                let turns: Vec<Pose> = self
                    .keys
                    .iter()
                    .filter(|k| k.pose.distance(&self.start) > 1.0)
                    .map(|k| k.pose)
                    .collect();
                if turns.len() > 1 {
                    turns
                } else {
                    std::iter::once(self.start).chain(turns).collect()
                }
            }
        }
    }

    /// How long the way into a hold of `secs` takes: the keyframes' time, shortened to fit in
    /// [`MOVE_IN_SHARE`] of a short hold.
    #[must_use]
    pub fn move_in_secs(&self, secs: f32) -> f32 {
        let authored = self.keys.last().map_or(0.0, |k| k.at);
        authored.min(secs * MOVE_IN_SHARE)
    }

    /// The pose `t` seconds into the way in (keyframe times scaled by `scale`).
    fn along_hold(&self, t: f32, scale: f32) -> Pose {
        let mut from = (0.0, &self.start);
        for key in &self.keys {
            let at = key.at * scale;
            if t < at {
                let span = (at - from.0).max(1e-6);
                return from.1.lerp(&key.pose, ease((t - from.0) / span));
            }
            from = (at, &key.pose);
        }
        *from.1
    }

    /// The pose a share `share` (0–1) through one move of a cycle.
    fn along_cycle(&self, share: f32) -> Pose {
        let mut from = (0.0, &self.start);
        for key in &self.keys {
            if share < key.at {
                let span = (key.at - from.0).max(1e-6);
                return from.1.lerp(&key.pose, ease((share - from.0) / span));
            }
            from = (key.at, &key.pose);
        }
        let span = (1.0 - from.0).max(1e-6);
        from.1.lerp(&self.start, ease((share - from.0) / span))
    }

    /// The figure at `stage`, with what it [`Keep`]s put back where it rests.
    #[must_use]
    pub fn moment(&self, stage: Stage) -> Moment {
        let mut moment = self.moment_blended(stage);
        // Still poses were kept when the figure was built.
        if let Some(keep) = self.keep
            && moment.moving
        {
            library::keep(&mut moment.pose, keep);
        }
        moment
    }

    /// The figure at `stage`, its joint angles blended between keyframes.
    fn moment_blended(&self, stage: Stage) -> Moment {
        let still = |pose: &Pose| Moment {
            pose: *pose,
            moving: false,
        };
        match (self.motion, stage) {
            (_, Stage::Ready) => still(&self.start),
            (_, Stage::Held) => still(self.held()),
            (Motion::Hold, Stage::Holding { elapsed, secs }) => {
                let total = self.move_in_secs(secs);
                let authored = self.keys.last().map_or(0.0, |k| k.at);
                if elapsed >= total || authored <= 0.0 {
                    return still(self.held());
                }
                Moment {
                    pose: self.along_hold(elapsed, total / authored),
                    moving: true,
                }
            }
            (Motion::Hold, Stage::Releasing { elapsed, hold_secs }) => {
                let total = self.move_in_secs(hold_secs);
                let authored = self.keys.last().map_or(0.0, |k| k.at);
                if elapsed >= total || authored <= 0.0 {
                    return still(&self.start);
                }
                Moment {
                    pose: self.along_hold(total - elapsed, total / authored),
                    moving: true,
                }
            }
            (Motion::Cycle, Stage::Moving { elapsed, secs } | Stage::Holding { elapsed, secs }) => {
                if self.keys.is_empty() || secs <= 0.0 {
                    return still(&self.start);
                }
                Moment {
                    pose: self.along_cycle((elapsed / secs).clamp(0.0, 1.0)),
                    moving: elapsed < secs,
                }
            }
            (Motion::Hold, Stage::Moving { .. }) | (Motion::Cycle, Stage::Releasing { .. }) => {
                still(&self.start)
            }
        }
    }

    /// The scene of `pose` for `side` (the right side is drawn mirrored).
    #[must_use]
    pub fn scene(&self, pose: &Pose, side: Option<Side>) -> Scene {
        Scene::of(pose, &self.props, self.worked, mirrored(side))
    }

    /// A box that holds the figure at every keyframe (so it does not jump in its frame while it
    /// moves), the same for both sides.
    #[must_use]
    pub fn frame(&self) -> Bounds {
        let mut bounds = Bounds::EMPTY;
        for pose in std::iter::once(&self.start).chain(self.keys.iter().map(|k| &k.pose)) {
            let scene = Scene::of(pose, &self.props, self.worked, false);
            bounds.union(&scene.bounds);
            let mirror = scene.bounds;
            bounds.include([-mirror.min[0], mirror.min[1]], 0.0);
            bounds.include([-mirror.max[0], mirror.max[1]], 0.0);
        }
        bounds
    }

    /// The description for `side`: "Lying on your back, left knee drawn toward the chest".
    #[must_use]
    pub fn describe(&self, side: Option<Side>) -> String {
        let word = match side {
            Some(Side::Left) => "left",
            Some(Side::Right) => "right",
            None => "one",
        };
        self.description.replace("{side}", word)
    }
}

/// The side a step's figure is drawn for outside a running session (a thumbnail, a printed
/// page, getting ready): a step done on each side starts on the left; other steps have none.
#[must_use]
pub fn first_side(sides: Sides) -> Option<Side> {
    (sides == Sides::Each).then_some(Side::Left)
}

/// Whether the figure for `side` is drawn mirrored: figures are authored for the left side,
/// so the right side is their mirror image.
#[must_use]
pub fn mirrored(side: Option<Side>) -> bool {
    side == Some(Side::Right)
}

#[cfg(test)]
mod tests {
    use super::body::Limb;
    use super::*;

    fn figure(motion: Motion) -> Figure {
        let start = Pose::default();
        let mut bent = Pose::default();
        bent.near_leg = Limb::bent(90.0, 90.0, 0.0);
        let mut more = bent;
        more.far_leg = Limb::bent(60.0, 30.0, 0.0);
        let keys = match motion {
            Motion::Hold => vec![
                Key {
                    at: 1.0,
                    pose: bent,
                },
                Key {
                    at: 2.0,
                    pose: more,
                },
            ],
            Motion::Cycle => vec![Key {
                at: 0.5,
                pose: bent,
            }],
        };
        Figure {
            start,
            keys,
            motion,
            props: Vec::new(),
            worked: Worked::empty(),
            keep: None,
            description: "{side} leg",
        }
    }

    #[test]
    fn a_hold_moves_in_then_stands_still_then_moves_back() {
        let f = figure(Motion::Hold);
        let at = |elapsed| {
            f.moment(Stage::Holding {
                elapsed,
                secs: 30.0,
            })
        };
        assert_eq!(at(0.0).pose, f.start);
        assert!(at(0.0).moving);
        assert_eq!(at(1.0).pose, f.keys[0].pose, "exact at the keyframe");
        assert!(at(1.5).moving);
        assert_eq!(at(2.0).pose, f.keys[1].pose);
        assert!(!at(2.0).moving, "still once in position");
        assert!(!at(29.0).moving);
        let back = |elapsed| {
            f.moment(Stage::Releasing {
                elapsed,
                hold_secs: 30.0,
            })
        };
        assert_eq!(back(0.0).pose, f.keys[1].pose);
        assert!(back(0.5).moving);
        assert_eq!(back(1.0).pose, f.keys[0].pose);
        assert_eq!(back(2.0).pose, f.start);
        assert!(!back(2.0).moving);
    }

    #[test]
    fn a_short_hold_moves_in_faster() {
        let f = figure(Motion::Hold);
        assert!((f.move_in_secs(5.0) - 2.0).abs() < 1e-6);
        assert!((f.move_in_secs(3.0) - 1.2).abs() < 1e-6);
        let m = f.moment(Stage::Holding {
            elapsed: 0.6,
            secs: 3.0,
        });
        assert_eq!(m.pose, f.keys[0].pose, "keyframe times scale with the hold");
    }

    #[test]
    fn a_cycle_starts_and_ends_at_the_start_pose() {
        let f = figure(Motion::Cycle);
        let at = |elapsed| f.moment(Stage::Moving { elapsed, secs: 4.0 });
        assert_eq!(at(0.0).pose, f.start);
        assert_eq!(at(2.0).pose, f.keys[0].pose);
        assert_eq!(at(4.0).pose, f.start);
        assert!(at(3.0).moving);
        assert!(!at(4.0).moving);
        assert_eq!(f.moment(Stage::Ready).pose, f.start);
    }

    #[test]
    fn only_the_right_side_is_mirrored_and_named() {
        let f = figure(Motion::Hold);
        assert!(mirrored(Some(Side::Right)));
        assert!(!mirrored(Some(Side::Left)) && !mirrored(None));
        assert_eq!(f.describe(Some(Side::Left)), "left leg");
        assert_eq!(f.describe(None), "one leg");
    }

    #[test]
    fn stages_follow_the_plan_segments() {
        assert_eq!(
            Stage::of(SegmentKind::GetReady, 1.0, 5.0, 30.0),
            Stage::Ready
        );
        assert_eq!(
            Stage::of(SegmentKind::RepRest, 9.0, 5.0, 30.0),
            Stage::Releasing {
                elapsed: 5.0,
                hold_secs: 30.0
            }
        );
    }
}
