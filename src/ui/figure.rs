//! Draws a figure's scene with egui's painter: the scene's box is fitted into the room given
//! (kept in proportion, centred), lines drawn with round ends and corners (a disc there, as
//! egui lines have no round caps), in the theme's colours. The painted area is a screen-reader
//! image named by the figure's description. Also: what the player shows of a session.

use egui::{Color32, Pos2, Rect, Sense, Shape, Stroke, Ui, Vec2, pos2, vec2};

use super::theme::{Palette, name_image};
use crate::core::figure::body::Pose;
use crate::core::figure::scene::{Bounds, Mark, Scene, Tone};
use crate::core::figure::{Figure, Stage, first_side};
use crate::core::plan::SegmentKind;
use crate::core::routine::model::{Side, Sides, Step};
use crate::core::session::{State, View};

/// A thumbnail's size in the step lists and the catalogue.
pub const THUMBNAIL: Vec2 = vec2(72.0, 42.0);

/// The colour of each tone: the worked parts take the side's colour (the accent when the step
/// has no side), so the figure and the side badge agree.
fn colour(tone: Tone, side: Option<Side>, ui: &Ui) -> Color32 {
    let palette = Palette::of(ui.visuals());
    let text = ui.visuals().text_color();
    let background = ui.visuals().panel_fill;
    // Opaque mixes, not transparency: overlapping parts and joint discs must not show seams.
    let mix = |share: f32| background.lerp_to_gamma(text, share);
    match tone {
        Tone::Ground => mix(0.3),
        Tone::Far => mix(0.4),
        Tone::Body => mix(0.9),
        Tone::Worked => match side {
            Some(Side::Left) => palette.left,
            Some(Side::Right) => palette.right,
            None => palette.accent,
        },
        Tone::Prop => mix(0.6),
    }
}

/// Paints `scene`, fitted so that `frame` fills `rect`, onto `ui`'s painter.
pub fn paint_scene(ui: &Ui, scene: &Scene, frame: &Bounds, rect: Rect, side: Option<Side>) {
    let width = frame.width().max(1e-3);
    let height = frame.height().max(1e-3);
    let scale = (rect.width() / width).min(rect.height() / height);
    let used = vec2(width * scale, height * scale);
    // Centred in the room.
    let origin = pos2(
        rect.center().x - used.x / 2.0,
        rect.center().y + used.y / 2.0,
    );
    let to_screen = |p: [f32; 2]| -> Pos2 {
        pos2(
            origin.x + (p[0] - frame.min[0]) * scale,
            origin.y - (p[1] - frame.min[1]) * scale,
        )
    };
    let painter = ui.painter_at(rect.expand(2.0));
    let floor = Scene::floor(frame);
    for mark in std::iter::once(&floor).chain(scene.marks.iter()) {
        match mark {
            Mark::Line {
                points,
                width,
                tone,
            } => {
                let stroke_width = (width * scale).max(1.0);
                let fill = colour(*tone, side, ui);
                let screen: Vec<Pos2> = points.iter().map(|p| to_screen(*p)).collect();
                // Round ends and round corners; a smooth curve's own points need none (each
                // disc is dozens of triangles for the software renderer).
                for (i, p) in screen.iter().enumerate() {
                    let end = i == 0 || i + 1 == screen.len();
                    if end || is_corner(&screen, i) {
                        painter.add(disc(*p, stroke_width / 2.0, fill));
                    }
                }
                painter.add(Shape::line(screen, Stroke::new(stroke_width, fill)));
            }
            Mark::Disc {
                centre,
                radius,
                tone,
            } => {
                painter.add(disc(
                    to_screen(*centre),
                    radius * scale,
                    colour(*tone, side, ui),
                ));
            }
        }
    }
}

/// A filled disc as a polygon with as few sides as still look round at its size (egui's own
/// circles use up to 64; with software rendering each side costs).
fn disc(centre: Pos2, radius: f32, fill: Color32) -> Shape {
    let sides = (radius * 0.6).clamp(8.0, 20.0) as usize;
    let points = (0..sides)
        .map(|i| {
            let angle = std::f32::consts::TAU * i as f32 / sides as f32;
            centre + radius * vec2(angle.cos(), angle.sin())
        })
        .collect();
    Shape::convex_polygon(points, fill, Stroke::NONE)
}

/// Whether the polyline turns by more than about 20° at point `i` (so needs a round joint).
fn is_corner(points: &[Pos2], i: usize) -> bool {
    let (Some(before), Some(after)) = (i.checked_sub(1).map(|j| points[j]), points.get(i + 1))
    else {
        return false;
    };
    let a = (points[i] - before).normalized();
    let b = (*after - points[i]).normalized();
    a.dot(b) < 0.94
}

/// Draws `figure` in `pose` for `side` into `rect` (already laid out), as an image described
/// for screen readers.
pub fn figure_ui(ui: &mut Ui, figure: &Figure, pose: &Pose, side: Option<Side>, rect: Rect) {
    let response = ui.allocate_rect(rect, Sense::hover());
    name_image(&response, &figure.describe(side));
    paint_figure(ui, figure, pose, side, rect);
}

fn paint_figure(ui: &Ui, figure: &Figure, pose: &Pose, side: Option<Side>, rect: Rect) {
    paint_scene(ui, &figure.scene(pose, side), &figure.frame(), rect, side);
}

/// A still thumbnail of `step`'s figure in its held pose (the left side for one-sided steps),
/// laid out like any small widget.
pub fn step_thumbnail_ui(ui: &mut Ui, step: &Step) {
    thumbnail_ui(ui, crate::core::figure::library::for_step(step), step.sides);
}

/// A still thumbnail of `figure` in its held pose, for a step done on `sides` (one-sided steps
/// show their first side).
pub fn thumbnail_ui(ui: &mut Ui, figure: &Figure, sides: Sides) {
    let side = first_side(sides);
    let (rect, response) = ui.allocate_exact_size(THUMBNAIL, Sense::hover());
    name_image(&response, &figure.describe(side));
    // Posing and painting a figure costs more than any other widget: only when it is seen
    // (the steps list of a long routine runs far below the window).
    if ui.is_rect_visible(rect) {
        paint_figure(ui, figure, figure.held(), side, rect.shrink(2.0));
    }
}

/// The figure the player shows at one moment of a session.
#[derive(Clone, Copy, Debug)]
pub struct PlayerFigure {
    /// The current step's figure.
    pub figure: &'static Figure,
    /// The pose at this moment.
    pub pose: Pose,
    /// The side it is drawn for (the right side mirrored).
    pub side: Option<Side>,
    /// Whether it moves from here on; never while paused.
    pub moving: bool,
}

impl PlayerFigure {
    /// The figure for the session's `view`.
    #[must_use]
    pub fn of(view: &View<'_>) -> Self {
        let figure = crate::core::figure::library::for_step(view.step);
        let secs = view.segment.secs as f32;
        let elapsed = (secs - view.segment_left.as_secs_f32()).max(0.0);
        let stage = Stage::of(view.segment.kind, elapsed, secs, view.step.rep_secs as f32);
        let moment = figure.moment(stage);
        // While switching sides, the way back out of the hold is drawn for the side just done;
        // then the figure waits, still, on the side that comes next.
        // Getting ready for a one-sided step shows the side it starts on.
        let side = match (view.segment.kind, view.side) {
            (SegmentKind::Switch, Some(next)) if moment.moving => Some(next.other()),
            (SegmentKind::GetReady, None) => first_side(view.step.sides),
            (_, side) => side,
        };
        Self {
            figure,
            pose: moment.pose,
            side,
            moving: moment.moving && view.state == State::Running,
        }
    }

    /// Whether it is drawn mirrored.
    #[must_use]
    pub fn mirrored(&self) -> bool {
        crate::core::figure::mirrored(self.side)
    }

    /// What a screen reader hears.
    #[must_use]
    pub fn description(&self) -> String {
        self.figure.describe(self.side)
    }
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use super::*;
    use crate::core::plan::{Plan, Timing};
    use crate::core::session::Session;
    use crate::store::builtin;

    fn session(id: &str) -> (Session, Instant) {
        let routine = builtin::find(id).expect("built-in");
        let now = Instant::now();
        (
            Session::start(Plan::new(routine, Timing::default()), now),
            now,
        )
    }

    /// The first moment after `from` at which the view's segment is of `kind` (and `side`).
    fn find(session: &Session, start: Instant, kind: SegmentKind, side: Option<Side>) -> Duration {
        (0..100_000)
            .map(|tenth| Duration::from_millis(tenth * 100))
            .find(|at| {
                let view = session.view(start + *at);
                view.segment.kind == kind
                    && view.side == side
                    && view.step.technique_id()
                        == Some(crate::core::routine::TechniqueId::SingleKneeToChest)
            })
            .expect("the routine has that segment")
    }

    #[test]
    fn a_hold_moves_in_then_stands_still_and_the_right_side_is_mirrored() {
        let (session, start) = session("morning-mobility");
        let hold = find(&session, start, SegmentKind::Hold, Some(Side::Left));
        let at = |offset: f64| {
            PlayerFigure::of(&session.view(start + hold + Duration::from_secs_f64(offset)))
        };
        assert!(at(0.5).moving, "moving into position");
        assert!(
            !at(3.0).moving,
            "still through the hold: the countdown alone repaints"
        );
        assert!(!at(3.0).mirrored());
        assert!(at(3.0).description().contains("left knee"));
        let right = find(&session, start, SegmentKind::Hold, Some(Side::Right));
        let figure = PlayerFigure::of(&session.view(start + right + Duration::from_secs(3)));
        assert!(figure.mirrored());
        assert!(figure.description().contains("right knee"));
    }

    #[test]
    fn moves_keep_moving_until_paused() {
        let (mut session, start) = session("morning-mobility");
        // Pelvic tilts come first, after getting ready.
        let moving = (0..600)
            .map(|s| start + Duration::from_millis(s * 100))
            .find(|t| session.view(*t).segment.kind == SegmentKind::Move)
            .expect("a set of moves");
        let during = moving + Duration::from_millis(1500);
        assert!(PlayerFigure::of(&session.view(during)).moving);
        let _ = session.pause(during);
        assert!(
            !PlayerFigure::of(&session.view(during + Duration::from_secs(1))).moving,
            "nothing animates while paused"
        );
    }

    #[test]
    fn switching_sides_releases_the_side_just_done_then_waits_on_the_next() {
        let (session, start) = session("morning-mobility");
        let switch = find(&session, start, SegmentKind::Switch, Some(Side::Right));
        let releasing =
            PlayerFigure::of(&session.view(start + switch + Duration::from_millis(300)));
        assert!(releasing.moving);
        assert_eq!(releasing.side, Some(Side::Left));
        let waiting = PlayerFigure::of(&session.view(start + switch + Duration::from_millis(2500)));
        assert!(!waiting.moving);
        assert_eq!(waiting.side, Some(Side::Right));
    }
}
