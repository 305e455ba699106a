//! SVG of a figure: the same marks the screen draws, written as `<polyline>` and `<circle>`
//! elements in a fixed palette for paper (dark body, the worked parts in blue, props in
//! orange). Pure string building; no renderer is involved.

use std::fmt::Write as _;

use super::scene::{Bounds, Mark, Scene, Tone};

/// Colours on paper, one per tone.
fn colour(tone: Tone) -> &'static str {
    match tone {
        Tone::Ground => "#8a8f98",
        Tone::Far => "#9aa3ad",
        Tone::Body => "#2b3440",
        Tone::Worked => "#1f6fc5",
        Tone::Prop => "#d2691e",
    }
}

/// Drawn units per unit of height.
const SCALE: f32 = 200.0;
/// Space around the figure, in drawn units.
const PAD: f32 = 8.0;

/// An `<svg>` element `width` units wide showing `scene` inside `frame` (with the floor line),
/// titled `title` for screen readers and browsers. Coordinates keep three decimals.
#[must_use]
pub fn figure_svg(scene: &Scene, frame: &Bounds, title: &str, width: f32) -> String {
    let w = frame.width() * SCALE + 2.0 * PAD;
    let h = frame.height() * SCALE + 2.0 * PAD;
    let height = width * h / w;
    let x = |v: f32| (v - frame.min[0]) * SCALE + PAD;
    let y = |v: f32| (frame.max[1] - v) * SCALE + PAD;
    let mut out = String::new();
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w:.1} {h:.1}\" \
         width=\"{width:.0}\" height=\"{height:.0}\" role=\"img\"><title>{}</title>",
        escape(title)
    );
    let floor = Scene::floor(frame);
    for mark in std::iter::once(&floor).chain(scene.marks.iter()) {
        match mark {
            Mark::Line {
                points,
                width,
                tone,
            } => {
                let _ = write!(
                    out,
                    "<polyline class=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{:.2}\" \
                     stroke-linecap=\"round\" stroke-linejoin=\"round\" points=\"",
                    class(*tone),
                    colour(*tone),
                    width * SCALE
                );
                for (i, p) in points.iter().enumerate() {
                    let sep = if i == 0 { "" } else { " " };
                    let _ = write!(out, "{sep}{:.2},{:.2}", x(p[0]), y(p[1]));
                }
                out.push_str("\"/>");
            }
            Mark::Disc {
                centre,
                radius,
                tone,
            } => {
                let _ = write!(
                    out,
                    "<circle class=\"{}\" fill=\"{}\" cx=\"{:.2}\" cy=\"{:.2}\" r=\"{:.2}\"/>",
                    class(*tone),
                    colour(*tone),
                    x(centre[0]),
                    y(centre[1]),
                    radius * SCALE
                );
            }
        }
    }
    out.push_str("</svg>");
    out
}

/// The class attribute of a tone (lets a sheet restyle parts, and tests find them).
#[must_use]
pub fn class(tone: Tone) -> &'static str {
    match tone {
        Tone::Ground => "ground",
        Tone::Far => "far",
        Tone::Body => "body",
        Tone::Worked => "worked",
        Tone::Prop => "prop",
    }
}

/// Escapes text for XML content and attributes.
#[must_use]
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Every technique's figure on one sheet: its name, then the start pose, the held pose on the
/// left side and the held pose on the right side, one technique per row.
#[must_use]
pub fn contact_sheet() -> String {
    use super::{Stage, library};
    use crate::core::routine::model::Side;
    const CELL_W: f32 = 220.0;
    const CELL_H: f32 = 150.0;
    const LABEL_W: f32 = 230.0;
    let techniques = crate::core::routine::technique::all();
    let rows = techniques.len();
    let width = LABEL_W + 3.0 * CELL_W;
    let height = rows as f32 * CELL_H;
    let mut out = String::new();
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" \
         width=\"{width}\" height=\"{height}\" font-family=\"sans-serif\" font-size=\"15\">\
         <rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>"
    );
    for (row, technique) in techniques.iter().enumerate() {
        let figure = library::for_technique(technique.id);
        let top = row as f32 * CELL_H;
        let _ = write!(
            out,
            "<text x=\"8\" y=\"{:.0}\" fill=\"#2b3440\">{}</text>",
            top + CELL_H / 2.0,
            escape(technique.name)
        );
        let frame = figure.frame();
        // The start, the held pose (for a movement, its two ends), and for a step done on each
        // side, the right side's mirror image.
        let first = super::first_side(technique.sides);
        let mut cells = vec![(figure.moment(Stage::Ready).pose, first)];
        let printed = figure.printed_poses();
        let ends = printed.len().min(2);
        cells.extend(printed[printed.len() - ends..].iter().map(|p| (*p, first)));
        if first.is_some() {
            cells.truncate(2);
            cells.push((*figure.held(), Some(Side::Right)));
        }
        for (column, (pose, side)) in cells.iter().enumerate() {
            let scene = figure.scene(pose, *side);
            let svg = figure_svg(&scene, &frame, &figure.describe(*side), CELL_W - 10.0);
            let _ = write!(
                out,
                "<g transform=\"translate({:.0} {:.0})\">{svg}</g>",
                LABEL_W + column as f32 * CELL_W,
                top + 5.0
            );
        }
    }
    out.push_str("</svg>");
    out
}
