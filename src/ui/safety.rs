//! "Before you start": the red flags and the stop rule before the first routine ever (with an
//! explicit "I have read this"), and the self-massage cautions before every routine that uses
//! self-massage.

use egui::{Button, RichText, ScrollArea, Ui};

use super::learn::red_flags_ui;
use super::theme::{self, Palette};
use super::{BeforeStartCommand, Command};
use crate::core::content::SELF_MASSAGE_SAFETY;

/// What the before-start screen needs to show.
pub struct BeforeStart<'a> {
    /// The routine about to start.
    pub routine_name: &'a str,
    /// The red flags have never been acknowledged: show them and ask.
    pub needs_acknowledgement: bool,
    /// The routine includes self-massage: show its cautions.
    pub self_massage: bool,
}

/// Draws the before-start screen. `ticked` is the "I have read this" box.
pub fn before_start_ui(ui: &mut Ui, view: &BeforeStart<'_>, ticked: &mut bool) -> Vec<Command> {
    let mut commands = Vec::new();
    let palette = Palette::of(ui.visuals());
    // The actions stay in view at the bottom however long the text above is.
    egui::Panel::bottom("before-start-actions").show(ui, |ui| {
        ui.add_space(theme::GAP_S);
        if view.needs_acknowledgement {
            ui.checkbox(ticked, "I have read this");
        }
        let ready = *ticked || !view.needs_acknowledgement;
        ui.horizontal(|ui| {
            let start = Button::new(
                RichText::new("Start routine")
                    .size(20.0)
                    .strong()
                    .color(palette.on_accent),
            )
            .fill(palette.accent)
            .min_size(egui::vec2(220.0, theme::BIG_BUTTON_HEIGHT));
            let response = ui.add_enabled(ready, start);
            if response.clicked() {
                commands.push(Command::BeforeStart(BeforeStartCommand::Confirm));
            }
            if !ready {
                response.on_disabled_hover_text("Tick \"I have read this\" first");
            }
            if ui
                .add(Button::new("Back").min_size(egui::vec2(120.0, theme::BIG_BUTTON_HEIGHT)))
                .clicked()
            {
                commands.push(Command::BeforeStart(BeforeStartCommand::Back));
            }
        });
        ui.add_space(theme::GAP_S);
    });
    ScrollArea::vertical()
        .id_salt("before-start")
        .show(ui, |ui| {
            ui.set_max_width(ui.available_width().min(theme::READING_WIDTH + 40.0));
            ui.label(RichText::new("Before you start").size(30.0).strong());
            ui.label(RichText::new(view.routine_name).size(20.0));
            ui.add_space(theme::GAP_M);
            if view.needs_acknowledgement {
                ui.label(
                    "Unknot is for everyday aches. Some back pain needs a doctor instead. \
                 Please read these signs once before your first routine.",
                );
                ui.add_space(theme::GAP_S);
                red_flags_ui(ui);
                ui.add_space(theme::GAP_M);
            }
            if view.self_massage {
                ui.label(
                    RichText::new("This routine uses self-massage")
                        .size(20.0)
                        .strong(),
                );
                for line in SELF_MASSAGE_SAFETY {
                    ui.label(RichText::new(format!("•  {line}")).color(palette.caution));
                }
            }
        });
    commands
}
