//! The player: what to do now, in letters large enough to read from the floor across a room.
//!
//! The window is divided by [`PlayerLayout`] into fixed regions: a header (routine, step n of
//! m, time left and overall progress), a status column (phase, side badge, the countdown, step
//! name, rep line, step progress), a text column (instructions, caution, what comes next), an
//! optional figure region between them, and the controls at the bottom. Every row is reserved
//! whether or not it has something to show, so nothing moves when a line comes or goes, and the
//! countdown is sized to the room left, so no control is ever pushed out of the window.

use std::time::Duration;

use egui::{Align, Button, Layout, ProgressBar, Rect, RichText, Ui, UiBuilder, pos2, vec2};

use super::theme::{self, Palette};
use super::{Command, PlayerCommand};
use crate::core::plan::{SegmentKind, clock};
use crate::core::routine::Side;
use crate::core::session::{State, View};

/// Whole seconds shown for a time left: rounded up, so "0:01" shows until the very end.
#[must_use]
pub fn shown_secs(left: Duration) -> u32 {
    let millis = left.as_millis();
    u32::try_from(millis.div_ceil(1000)).unwrap_or(u32::MAX)
}

/// The words for what is happening now.
#[must_use]
pub fn phase_label(view: &View<'_>) -> &'static str {
    view.segment.kind.words(view.step.kind)
}

/// Which repetition this is, when the step has more than one: "Rep 2 of 3" for holds, "Move 7
/// of 12" for moves; on alternating steps the count is per side ("Move 3 of 8, left side · 8
/// each side (16 in all)").
#[must_use]
pub fn rep_line(view: &View<'_>) -> Option<String> {
    if view.rep == 0 || view.reps <= 1 {
        return None;
    }
    let word = match view.step.pattern {
        crate::core::routine::Pattern::Hold => "Rep",
        crate::core::routine::Pattern::Moves => "Move",
    };
    let mut line = format!("{word} {} of {}", view.rep, view.reps);
    if let (crate::core::routine::Sides::Alternate, Some(side)) = (view.step.sides, view.side) {
        line.push_str(match side {
            Side::Left => ", left side",
            Side::Right => ", right side",
        });
        // The count is per side: say so, and how many there are in all.
        line.push_str(" · ");
        line.push_str(&view.step.sides.reps_words(view.reps));
    }
    Some(line)
}

/// Height of the header row.
const HEADER_HEIGHT: f32 = 30.0;
/// Height of the phase row, at scale 1.
const PHASE_ROW: f32 = theme::PHASE_SIZE * 1.35;
/// Height of the side badge row (kept on every step), at scale 1.
const SIDE_ROW: f32 = theme::SIDE_SIZE * 1.5;
/// Height of the step name row (two lines, so a long name wraps rather than being cut), at
/// scale 1.
const NAME_ROW: f32 = theme::STEP_NAME_SIZE * 1.35 * 2.0;
/// The rep line's text size, at scale 1.
const REP_SIZE: f32 = 20.0;
/// Height of the rep line (kept on every step; two lines for an alternating step's count),
/// at scale 1.
const REP_ROW: f32 = REP_SIZE * 1.4 * 2.0;
/// The instructions' text size, at scale 1.
const INSTRUCTIONS_SIZE: f32 = 18.0;
/// The status column is laid out for this size at scale 1; larger columns scale it up.
const STATUS_BASE: egui::Vec2 = egui::vec2(480.0, 430.0);
/// The largest scale: beyond it the words get no bigger.
const MAX_SCALE: f32 = 1.8;

/// Height of the step progress bar.
const STEP_BAR_ROW: f32 = 14.0;
/// Height of the keys line under the controls.
const KEYS_ROW: f32 = 20.0;
/// The smallest countdown, in points; below this the window is too small to read it anyway.
const MIN_COUNTDOWN: f32 = 40.0;
/// A countdown glyph row is about this many times the font size high.
const COUNTDOWN_LINE: f32 = 1.2;
/// Monospace digits are about this many times the font size wide; "10:00" is five of them.
const COUNTDOWN_ADVANCE: f32 = 0.62 * 5.0;
/// The width of one control button, when there is room.
const CONTROL_WIDTH: f32 = 150.0;

/// Where each part of the player goes, for a given window area.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlayerLayout {
    /// Routine name, step n of m, time left, overall progress.
    pub header: Rect,
    /// Phase, side badge, countdown, step name, rep line, step progress.
    pub status: Rect,
    /// The region for a figure of the movement (empty when none is drawn).
    pub figure: Rect,
    /// Instructions, caution, and what comes next.
    pub text: Rect,
    /// Back, Pause, Skip, Stop and the keys line.
    pub controls: Rect,
    /// The countdown's font size, chosen to fit its row and column.
    pub countdown_size: f32,
    /// How much larger than at 1024x640 the words of the status and text columns are (1 to
    /// [`MAX_SCALE`]), so a large screen can be read from as far as the countdown.
    pub scale: f32,
}

impl PlayerLayout {
    /// Divides `area`; `with_figure` gives the figure the middle of the window (the largest
    /// region), otherwise the status and text columns share the width.
    #[must_use]
    pub fn new(area: Rect, with_figure: bool) -> Self {
        let gap = theme::GAP_M;
        let header = Rect::from_min_size(area.min, vec2(area.width(), HEADER_HEIGHT));
        let controls_height = theme::BIG_BUTTON_HEIGHT + KEYS_ROW + gap;
        let controls = Rect::from_min_max(
            pos2(area.min.x, (area.max.y - controls_height).max(header.max.y)),
            area.max,
        );
        let middle = Rect::from_min_max(
            pos2(area.min.x, header.max.y + gap),
            pos2(area.max.x, (controls.min.y - gap).max(header.max.y + gap)),
        );
        let (status_share, figure_share) = if with_figure {
            (0.32, 0.40)
        } else {
            (0.5, 0.0)
        };
        let status_width = middle.width() * status_share;
        let figure_width = middle.width() * figure_share;
        let status =
            Rect::from_min_size(middle.min, vec2(status_width - gap / 2.0, middle.height()));
        let figure = Rect::from_min_size(
            pos2(middle.min.x + status_width, middle.min.y),
            vec2(figure_width, middle.height()),
        );
        let text = Rect::from_min_max(
            pos2(
                middle.min.x + status_width + figure_width + gap / 2.0,
                middle.min.y,
            ),
            middle.max,
        );
        let scale = (status.width() / STATUS_BASE.x)
            .min(status.height() / STATUS_BASE.y)
            .clamp(1.0, MAX_SCALE);
        let fixed =
            scale * (PHASE_ROW + SIDE_ROW + NAME_ROW + REP_ROW) + STEP_BAR_ROW + 5.0 * theme::GAP_S;
        let by_height = (status.height() - fixed) / COUNTDOWN_LINE;
        let by_width = status.width() / COUNTDOWN_ADVANCE;
        let countdown_size = by_height
            .min(by_width)
            .clamp(MIN_COUNTDOWN, theme::COUNTDOWN_SIZE * scale);
        Self {
            header,
            status,
            figure,
            text,
            controls,
            countdown_size,
            scale,
        }
    }

    /// The status column's rows, top to bottom: phase, side, countdown, name, rep, step bar.
    fn status_rows(&self) -> [Rect; 6] {
        let heights = [
            PHASE_ROW * self.scale,
            SIDE_ROW * self.scale,
            self.countdown_size * COUNTDOWN_LINE,
            NAME_ROW * self.scale,
            REP_ROW * self.scale,
            STEP_BAR_ROW,
        ];
        let total: f32 = heights.iter().sum::<f32>() + 5.0 * theme::GAP_S;
        // Centred vertically in the column when there is room to spare.
        let mut y = self.status.min.y + ((self.status.height() - total) / 2.0).max(0.0);
        heights.map(|h| {
            let row = Rect::from_min_size(pos2(self.status.min.x, y), vec2(self.status.width(), h));
            y += h + theme::GAP_S;
            row
        })
    }
}

/// Paints a figure of the movement into the rectangle it is given.
pub type FigurePainter<'a> = &'a dyn Fn(&mut Ui, Rect);

/// What the player shows of the routine around the current moment.
pub struct PlayerView<'a> {
    /// The routine's name.
    pub routine_name: &'a str,
    /// How many steps the routine has.
    pub steps: usize,
    /// The session at this moment.
    pub view: &'a View<'a>,
}

/// Draws the player into the whole of `ui`'s remaining area. `figure` (if any) paints a figure
/// of the movement into the rectangle it is given.
pub fn player_ui(
    ui: &mut Ui,
    player: &PlayerView<'_>,
    figure: Option<FigurePainter<'_>>,
) -> Vec<Command> {
    let mut commands = Vec::new();
    let area = ui.available_rect_before_wrap();
    let layout = PlayerLayout::new(area, figure.is_some());
    ui.allocate_rect(area, egui::Sense::hover());
    let view = player.view;
    let paused = view.state == State::Paused;
    let region =
        |ui: &mut Ui, rect: Rect, salt: &str, layout: Layout, add: &mut dyn FnMut(&mut Ui)| {
            let builder = UiBuilder::new().max_rect(rect).layout(layout).id_salt(salt);
            ui.scope_builder(builder, |ui| {
                ui.set_clip_rect(rect.intersect(ui.clip_rect()));
                add(ui);
            });
        };

    region(
        ui,
        layout.header,
        "header",
        Layout::left_to_right(Align::Center),
        &mut |ui| {
            header_ui(ui, player);
        },
    );
    status_ui(ui, &layout, view, paused);
    if let Some(paint) = figure {
        region(
            ui,
            layout.figure,
            "figure",
            Layout::top_down(Align::Center),
            &mut |ui| {
                paint(ui, layout.figure);
            },
        );
    }
    region(
        ui,
        layout.text,
        "text",
        Layout::top_down(Align::Min),
        &mut |ui| {
            text_ui(ui, view, layout.scale);
        },
    );
    // An explicit id: lines above that come and go must not make the buttons look new (egui
    // repaints twice for a button it has not seen).
    let controls = UiBuilder::new()
        .max_rect(layout.controls)
        .layout(Layout::top_down(Align::Center))
        .scope_id(ui.scope_id().with("player-controls"));
    ui.scope_builder(controls, |ui| controls_ui(ui, paused, &mut commands));
    commands
}

fn header_ui(ui: &mut Ui, player: &PlayerView<'_>) {
    let palette = Palette::of(ui.visuals());
    let view = player.view;
    ui.label(RichText::new(player.routine_name).strong());
    ui.label(
        RichText::new(format!("Step {} of {}", view.step_index + 1, player.steps))
            .color(palette.quiet),
    );
    ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
        // The time left beside the bar, not on it: readable on any fill, in both themes.
        ui.label(format!(
            "{} left in the routine",
            clock(shown_secs(view.overall_left))
        ));
        ui.add(
            ProgressBar::new(view.overall_progress)
                .desired_width(ui.available_width().max(40.0))
                .desired_height(10.0)
                .fill(palette.accent),
        );
    });
}

fn status_ui(ui: &mut Ui, layout: &PlayerLayout, view: &View<'_>, paused: bool) {
    let palette = Palette::of(ui.visuals());
    let [
        phase_row,
        side_row,
        countdown_row,
        name_row,
        rep_row,
        bar_row,
    ] = layout.status_rows();
    let centred = |ui: &mut Ui, rect: Rect, salt: &str, add: &mut dyn FnMut(&mut Ui)| {
        let builder = UiBuilder::new()
            .max_rect(rect)
            // Centred both ways, not justified: a wrapped step name keeps its letters together.
            .layout(Layout::top_down(egui::Align::Center).with_main_align(egui::Align::Center))
            .id_salt(salt);
        ui.scope_builder(builder, |ui| {
            ui.set_clip_rect(rect.intersect(ui.clip_rect()));
            add(ui);
        });
    };
    let phase = if paused { "Paused" } else { phase_label(view) };
    centred(ui, phase_row, "phase", &mut |ui| {
        ui.label(
            RichText::new(phase.to_uppercase())
                .size(theme::PHASE_SIZE * layout.scale)
                .strong(),
        );
    });
    if let Some(side) = view.side {
        let (word, colour) = match side {
            Side::Left => (Side::Left.label(), palette.left),
            Side::Right => (Side::Right.label(), palette.right),
        };
        let text = if view.segment.kind == SegmentKind::Switch {
            format!("NEXT: {word}")
        } else {
            format!("{word} SIDE")
        };
        let builder = UiBuilder::new()
            .max_rect(side_row)
            .layout(Layout::top_down(Align::Center))
            .id_salt("side");
        ui.scope_builder(builder, |ui| {
            theme::badge_ui(ui, &text, colour, theme::SIDE_SIZE * layout.scale);
        });
    }
    let countdown_colour = if paused {
        palette.quiet
    } else {
        ui.visuals().strong_text_color()
    };
    centred(ui, countdown_row, "countdown", &mut |ui| {
        ui.label(
            RichText::new(clock(shown_secs(view.countdown)))
                .size(layout.countdown_size)
                .monospace()
                .color(countdown_colour),
        );
    });
    centred(ui, name_row, "name", &mut |ui| {
        ui.add(
            egui::Label::new(
                RichText::new(&view.step.name)
                    .size(theme::STEP_NAME_SIZE * layout.scale)
                    .strong(),
            )
            .halign(egui::Align::Center)
            .wrap(),
        );
    });
    if let Some(count) = rep_line(view) {
        centred(ui, rep_row, "rep", &mut |ui| {
            ui.add(
                egui::Label::new(RichText::new(&count).size(REP_SIZE * layout.scale))
                    .halign(egui::Align::Center)
                    .wrap(),
            );
        });
    }
    let bar_width = bar_row.width().min(420.0 * layout.scale);
    let bar = Rect::from_center_size(bar_row.center(), vec2(bar_width, bar_row.height()));
    ui.put(
        bar,
        ProgressBar::new(view.step_progress)
            .desired_height(bar_row.height())
            .fill(palette.accent),
    );
}

fn text_ui(ui: &mut Ui, view: &View<'_>, scale: f32) {
    let palette = Palette::of(ui.visuals());
    let next = view.next_step.map_or_else(
        || "Next: finished".to_owned(),
        |s| format!("Next: {}", s.name),
    );
    // "Next" keeps its place at the bottom of the column; the instructions scroll above it if
    // they are longer than the room.
    let body = theme::BODY_SIZE * scale;
    let next_height = body * 1.4 + theme::GAP_S;
    let scroll_height = (ui.available_height() - next_height - theme::GAP_S).max(0.0);
    egui::ScrollArea::vertical()
        .id_salt("instructions")
        .max_height(scroll_height)
        .min_scrolled_height(scroll_height)
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.set_max_width(ui.available_width().min(theme::READING_WIDTH * scale));
            ui.label(RichText::new(&view.step.instructions).size(INSTRUCTIONS_SIZE * scale));
            if !view.step.caution.is_empty() {
                ui.add_space(theme::GAP_S);
                ui.label(
                    RichText::new(format!("Watch for: {}", view.step.caution))
                        .size(body)
                        .color(palette.caution),
                );
            }
        });
    ui.add_space(theme::GAP_S);
    ui.label(RichText::new(next).size(body).color(palette.quiet));
}

fn controls_ui(ui: &mut Ui, paused: bool, commands: &mut Vec<Command>) {
    let spacing = ui.spacing().item_spacing.x;
    let button_width = ((ui.available_width() - 3.0 * spacing) / 4.0).min(CONTROL_WIDTH);
    let size = vec2(button_width, theme::BIG_BUTTON_HEIGHT);
    let width = 4.0 * size.x + 3.0 * spacing;
    ui.allocate_ui(vec2(width, size.y), |ui| {
        ui.horizontal(|ui| {
            if ui
                .add(Button::new("Back").min_size(size))
                .on_hover_text("Restart this step; press twice for the previous one (Left arrow)")
                .clicked()
            {
                commands.push(Command::Player(PlayerCommand::Back));
            }
            let toggle = if paused { "Resume" } else { "Pause" };
            if ui
                .add(Button::new(RichText::new(toggle).strong()).min_size(size))
                .on_hover_text("Space")
                .clicked()
            {
                commands.push(Command::Player(PlayerCommand::TogglePause));
            }
            if ui
                .add(Button::new("Skip").min_size(size))
                .on_hover_text("Go to the next step (Right arrow)")
                .clicked()
            {
                commands.push(Command::Player(PlayerCommand::Skip));
            }
            if ui
                .add(Button::new("Stop").min_size(size))
                .on_hover_text("Esc")
                .clicked()
            {
                commands.push(Command::Player(PlayerCommand::AskStop));
            }
        });
    });
    ui.label(
        RichText::new(super::keymap::player_keys_line())
            .small()
            .color(Palette::of(ui.visuals()).quiet),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_left_rounds_up_to_whole_seconds() {
        assert_eq!(shown_secs(Duration::from_millis(0)), 0);
        assert_eq!(shown_secs(Duration::from_millis(1)), 1);
        assert_eq!(shown_secs(Duration::from_secs(1)), 1);
        assert_eq!(shown_secs(Duration::from_millis(1001)), 2);
    }

    fn inside(outer: Rect, inner: Rect) -> bool {
        outer.expand(0.01).contains_rect(inner)
    }

    #[test]
    fn every_region_fits_from_a_small_laptop_to_a_large_screen() {
        for (w, h) in [
            (1000.0, 520.0),
            (1280.0, 640.0),
            (1900.0, 960.0),
            (2540.0, 1320.0),
        ] {
            for figure in [false, true] {
                let area = Rect::from_min_size(pos2(8.0, 50.0), vec2(w, h));
                let l = PlayerLayout::new(area, figure);
                for (name, r) in [
                    ("header", l.header),
                    ("status", l.status),
                    ("figure", l.figure),
                    ("text", l.text),
                    ("controls", l.controls),
                ] {
                    assert!(inside(area, r), "{name} {r:?} inside {area:?}");
                }
                for row in l.status_rows() {
                    assert!(
                        inside(l.status, row),
                        "{row:?} in {:?} at {w}×{h}",
                        l.status
                    );
                }
                assert!(!l.status.intersects(l.text.shrink(1.0)));
                assert!(l.controls.min.y >= l.status.max.y);
                assert!(l.countdown_size >= MIN_COUNTDOWN);
                assert_eq!(
                    figure,
                    l.figure.width() > l.status.width(),
                    "the figure is largest"
                );
            }
        }
    }

    #[test]
    fn the_countdown_shrinks_to_the_room_it_has() {
        let big = PlayerLayout::new(
            Rect::from_min_size(pos2(0.0, 0.0), vec2(1900.0, 960.0)),
            false,
        );
        let small = PlayerLayout::new(
            Rect::from_min_size(pos2(0.0, 0.0), vec2(1000.0, 420.0)),
            false,
        );
        assert!(
            big.countdown_size > theme::COUNTDOWN_SIZE,
            "a big screen, a bigger countdown"
        );
        assert!(big.scale > 1.0 && big.scale <= MAX_SCALE);
        assert!((small.scale - 1.0).abs() < f32::EPSILON);
        assert!(small.countdown_size < theme::COUNTDOWN_SIZE);
        let narrow = PlayerLayout::new(
            Rect::from_min_size(pos2(0.0, 0.0), vec2(1000.0, 960.0)),
            true,
        );
        assert!(narrow.countdown_size * COUNTDOWN_ADVANCE <= narrow.status.width() + 0.01);
    }
}
