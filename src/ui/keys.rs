//! The keyboard shortcuts overlay, opened with `?`.

use egui::{Grid, RichText};

use super::Command;

/// Every shortcut, as (keys, what it does).
pub const SHORTCUTS: &[(&str, &str)] = &[
    ("Space", "Pause or resume the routine"),
    ("Left arrow", "Restart the step (twice: previous step)"),
    ("Right arrow", "Skip to the next step"),
    ("Esc", "Stop the routine (asks first)"),
    ("Enter", "Start the selected routine (home screen)"),
    ("?", "Show or hide this list"),
    ("Tab", "Move between controls"),
];

/// Draws the shortcuts window; returns a command when it is closed.
#[must_use]
pub fn keys_ui(ctx: &egui::Context) -> Option<Command> {
    let mut open = true;
    let mut command = None;
    egui::Window::new("Keyboard shortcuts")
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::vec2(0.0, 0.0))
        .open(&mut open)
        .show(ctx, |ui| {
            Grid::new("shortcuts")
                .num_columns(2)
                .spacing([24.0, 8.0])
                .show(ui, |ui| {
                    for (keys, action) in SHORTCUTS {
                        ui.label(RichText::new(*keys).monospace().strong());
                        ui.label(*action);
                        ui.end_row();
                    }
                });
            if ui.button("Close").clicked() {
                command = Some(Command::ToggleKeys);
            }
        });
    if !open {
        command = Some(Command::ToggleKeys);
    }
    command
}
