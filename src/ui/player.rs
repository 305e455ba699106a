//! The player: what to do now, in letters large enough to read from the floor across a room.
//!
//! Shows the phase (get ready, hold, rest, switch sides), LEFT or RIGHT on per-side steps, the
//! big countdown, the step name, repetition n of m, instructions and caution, step and overall
//! progress, what comes next, and the controls with their keys.

use std::time::Duration;

use egui::{Button, ProgressBar, RichText, Ui};

use super::Command;
use super::theme::{self, Palette};
use crate::plan::{SegmentKind, clock};
use crate::routine::Side;
use crate::session::{State, View};

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
/// of 12" for moves; on alternating steps the count is per side ("Move 3 of 8, left side").
#[must_use]
pub fn rep_line(view: &View<'_>) -> Option<String> {
    if view.rep == 0 || view.reps <= 1 {
        return None;
    }
    let word = match view.step.pattern {
        crate::routine::Pattern::Hold => "Rep",
        crate::routine::Pattern::Moves => "Move",
    };
    let mut line = format!("{word} {} of {}", view.rep, view.reps);
    if let (crate::routine::Sides::Alternate, Some(side)) = (view.step.sides, view.side) {
        line.push_str(match side {
            Side::Left => ", left side",
            Side::Right => ", right side",
        });
    }
    Some(line)
}

/// Draws the player for one moment of the session.
pub fn player_ui(ui: &mut Ui, routine_name: &str, steps: usize, view: &View<'_>) -> Vec<Command> {
    let mut commands = Vec::new();
    let palette = Palette::of(ui.visuals());
    let paused = view.state == State::Paused;

    // Overall progress along the top.
    ui.horizontal(|ui| {
        ui.label(RichText::new(routine_name).strong());
        ui.label(
            RichText::new(format!("Step {} of {steps}", view.step_index + 1)).color(palette.quiet),
        );
    });
    ui.add(
        ProgressBar::new(view.overall_progress)
            .text(format!(
                "{} left in the routine",
                clock(shown_secs(view.overall_left))
            ))
            .fill(palette.accent),
    );

    ui.vertical_centered(|ui| {
        ui.add_space(theme::GAP_M);
        let phase = if paused { "Paused" } else { phase_label(view) };
        ui.label(
            RichText::new(phase.to_uppercase())
                .size(theme::PHASE_SIZE)
                .strong(),
        );
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
            theme::badge_ui(ui, &text, colour, theme::SIDE_SIZE);
        }
        let countdown_colour = if paused {
            palette.quiet
        } else {
            ui.visuals().strong_text_color()
        };
        ui.label(
            RichText::new(clock(shown_secs(view.segment_left)))
                .size(theme::COUNTDOWN_SIZE)
                .monospace()
                .color(countdown_colour),
        );
        ui.label(
            RichText::new(&view.step.name)
                .size(theme::STEP_NAME_SIZE)
                .strong(),
        );
        if let Some(count) = rep_line(view) {
            ui.label(RichText::new(count).size(20.0));
        }
        ui.add_space(theme::GAP_S);
        ui.add(
            ProgressBar::new(view.step_progress)
                .desired_width(420.0)
                .fill(palette.accent),
        );
        ui.add_space(theme::GAP_M);
        ui.scope(|ui| {
            ui.set_max_width(theme::READING_WIDTH);
            ui.label(RichText::new(&view.step.instructions).size(18.0));
            if !view.step.caution.is_empty() {
                ui.label(
                    RichText::new(format!("Watch for: {}", view.step.caution))
                        .color(palette.caution),
                );
            }
        });
        ui.add_space(theme::GAP_S);
        let next = view.next_step.map_or_else(
            || "Next: finished".to_owned(),
            |s| format!("Next: {}", s.name),
        );
        ui.label(RichText::new(next).color(palette.quiet));
        ui.add_space(theme::GAP_M);
        // An explicit id: lines above that come and go must not make the buttons look new
        // (egui repaints twice for a button it has not seen; `push_id` alone still counts the
        // widgets before it).
        let controls = egui::UiBuilder::new().scope_id(ui.scope_id().with("player-controls"));
        ui.scope_builder(controls, |ui| controls_ui(ui, paused, &mut commands));
    });
    commands
}

fn controls_ui(ui: &mut Ui, paused: bool, commands: &mut Vec<Command>) {
    let size = egui::vec2(150.0, theme::BIG_BUTTON_HEIGHT);
    let width = 4.0 * size.x + 3.0 * ui.spacing().item_spacing.x;
    ui.allocate_ui(egui::vec2(width, size.y), |ui| {
        ui.horizontal(|ui| {
            if ui
                .add(Button::new("Back").min_size(size))
                .on_hover_text("Restart this step; press twice for the previous one (Left arrow)")
                .clicked()
            {
                commands.push(Command::Back);
            }
            let toggle = if paused { "Resume" } else { "Pause" };
            if ui
                .add(Button::new(RichText::new(toggle).strong()).min_size(size))
                .on_hover_text("Space")
                .clicked()
            {
                commands.push(Command::TogglePause);
            }
            if ui
                .add(Button::new("Skip").min_size(size))
                .on_hover_text("Go to the next step (Right arrow)")
                .clicked()
            {
                commands.push(Command::Skip);
            }
            if ui
                .add(Button::new("Stop").min_size(size))
                .on_hover_text("Esc")
                .clicked()
            {
                commands.push(Command::AskStop);
            }
        });
    });
    ui.label(
        RichText::new(
            "Keys: Space pause · Left arrow back · Right arrow skip · Esc stop · ? all keys",
        )
        .small()
        .color(Palette::of(ui.visuals()).quiet),
    );
}

/// The "stop the routine?" question.
#[must_use]
pub fn confirm_stop_ui(ctx: &egui::Context) -> Option<Command> {
    let mut command = None;
    let response = egui::Modal::new(egui::Id::unique("confirm-stop")).show(ctx, |ui| {
        ui.set_width(320.0);
        ui.heading("Stop this routine?");
        ui.label("Your progress in this run is not kept.");
        ui.add_space(theme::GAP_M);
        ui.horizontal(|ui| {
            if ui.button("Stop routine").clicked() {
                command = Some(Command::ConfirmStop);
            }
            if ui.button("Keep going").clicked() {
                command = Some(Command::CancelStop);
            }
        });
        ui.label(RichText::new("Enter stops · Esc keeps going").small());
    });
    if command.is_none() && response.should_close() {
        command = Some(Command::CancelStop);
    }
    command
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
}
