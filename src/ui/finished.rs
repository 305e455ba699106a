//! The finished screen: time spent, steps done, and the way on ("Again" or "Home").

use egui::{Button, RichText, Ui};

use super::Command;
use super::theme::{self, Palette};
use crate::plan::clock;
use crate::session::Summary;

/// Draws the summary of a finished routine.
pub fn finished_ui(ui: &mut Ui, routine_name: &str, summary: &Summary) -> Vec<Command> {
    let mut commands = Vec::new();
    let palette = Palette::of(ui.visuals());
    ui.vertical_centered(|ui| {
        ui.add_space(80.0);
        ui.label(RichText::new("Routine complete").size(40.0).strong());
        ui.label(RichText::new(routine_name).size(22.0));
        ui.add_space(theme::GAP_L);
        let spent = u32::try_from(summary.time_spent.as_secs()).unwrap_or(u32::MAX);
        ui.label(RichText::new(format!("Time spent: {}", clock(spent))).size(22.0));
        ui.label(
            RichText::new(format!(
                "Steps done: {} of {}",
                summary.steps_done, summary.steps_total
            ))
            .size(22.0),
        );
        ui.add_space(theme::GAP_L);
        ui.horizontal(|ui| {
            let size = egui::vec2(160.0, theme::BIG_BUTTON_HEIGHT);
            let again = Button::new(RichText::new("Again").strong().color(palette.on_accent))
                .fill(palette.accent)
                .min_size(size);
            if ui.add(again).clicked() {
                commands.push(Command::Again);
            }
            if ui.add(Button::new("Home").min_size(size)).clicked() {
                commands.push(Command::Home);
            }
        });
        ui.add_space(theme::GAP_M);
        ui.label(
            RichText::new("Any new numbness, weakness or pain down a leg? See the red flags.")
                .color(palette.quiet),
        );
    });
    commands
}
