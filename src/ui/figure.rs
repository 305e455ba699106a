//! Draws a figure's scene with egui's painter: the scene's box is fitted into the room given
//! (kept in proportion, centred, the floor at the bottom), every line drawn with round joints
//! (a disc at each point, as egui lines have no round caps), in the theme's colours. The
//! painted area is a screen-reader image named by the figure's description.

use egui::{Color32, Pos2, Rect, Role, Sense, Shape, Stroke, Ui, Vec2, WidgetInfo, pos2, vec2};

use super::theme::Palette;
use crate::figure::scene::{Bounds, Mark, Scene, Tone};
use crate::figure::{Figure, Stage};
use crate::routine::model::{Side, Step};

/// A thumbnail's size in the step lists and the catalogue.
pub const THUMBNAIL: Vec2 = vec2(72.0, 44.0);

/// Allocates `rect` as a screen-reader image called `name` and returns its response.
pub fn image_area(ui: &mut Ui, rect: Rect, name: &str) -> egui::Response {
    let response = ui.allocate_rect(rect, Sense::hover());
    response.widget_info(|| WidgetInfo::labeled(Role::Image, true, name));
    response
}

/// The colour of each tone: the worked parts take the side's colour (the accent when the step
/// has no side), so the figure and the side badge agree.
fn colour(tone: Tone, side: Option<Side>, ui: &Ui) -> Color32 {
    let palette = Palette::of(ui.visuals());
    let text = ui.visuals().text_color();
    let background = ui.visuals().panel_fill;
    // Opaque mixes, not transparency: overlapping parts and joint discs must not show seams.
    let mix = |share: f32| lerp_colour(background, text, share);
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

fn lerp_colour(from: Color32, to: Color32, share: f32) -> Color32 {
    let channel =
        |a: u8, b: u8| (f32::from(a) + (f32::from(b) - f32::from(a)) * share).round() as u8;
    Color32::from_rgb(
        channel(from.r(), to.r()),
        channel(from.g(), to.g()),
        channel(from.b(), to.b()),
    )
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
                painter.add(Shape::line(screen.clone(), Stroke::new(stroke_width, fill)));
                for p in screen {
                    painter.circle_filled(p, stroke_width / 2.0, fill);
                }
            }
            Mark::Disc {
                centre,
                radius,
                tone,
            } => {
                painter.circle_filled(to_screen(*centre), radius * scale, colour(*tone, side, ui));
            }
        }
    }
}

/// Draws `figure` at `stage` for `side` into `rect` (already laid out), as an image described
/// for screen readers.
pub fn figure_ui(ui: &mut Ui, figure: &Figure, stage: Stage, side: Option<Side>, rect: Rect) {
    image_area(ui, rect, &figure.describe(side));
    paint_figure(ui, figure, stage, side, rect);
}

fn paint_figure(ui: &Ui, figure: &Figure, stage: Stage, side: Option<Side>, rect: Rect) {
    let moment = figure.moment(stage);
    let scene = figure.scene(&moment.pose, side);
    paint_scene(ui, &scene, &figure.frame(), rect, side);
}

/// A still thumbnail of `step`'s figure in its held pose (the left side for one-sided steps),
/// laid out like any small widget.
pub fn thumbnail_ui(ui: &mut Ui, step: &Step) {
    let figure = crate::figure::library::for_step(step);
    let side = (step.sides == crate::routine::model::Sides::Each).then_some(Side::Left);
    let (rect, response) = ui.allocate_exact_size(THUMBNAIL, Sense::hover());
    let description = figure.describe(side);
    response.widget_info(|| WidgetInfo::labeled(Role::Image, true, &description));
    paint_figure(ui, figure, Stage::Held, side, rect.shrink(2.0));
}
