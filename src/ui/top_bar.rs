//! The top bar: the app's name on the left; sound status, Red flags, Learn, History (not during
//! a routine), Settings and the shortcuts button on the right, in that order for Tab as well as
//! for the eye.

use egui::{Button, RichText, Ui};

use super::theme::Palette;
use super::{Command, Opening};

/// What the top bar shows.
pub struct TopBar<'a> {
    /// Why sound is off, when it is.
    pub sound_off: Option<&'a str>,
    /// Sound works but the person muted it.
    pub muted: bool,
    /// The Learn panel is open.
    pub learn_open: bool,
    /// Whether the History screen is showing; `None` hides the button (during a routine).
    pub history: Option<bool>,
}

/// Draws the top bar.
pub fn top_bar_ui(ui: &mut Ui, bar: &TopBar<'_>) -> Vec<Command> {
    let mut commands = Vec::new();
    let palette = Palette::of(ui.visuals());
    ui.horizontal(|ui| {
        ui.label(
            RichText::new("Unknot")
                .size(22.0)
                .strong()
                .color(palette.accent),
        );
        // The right-hand group is laid out left to right (so Tab walks it in reading order)
        // after a gap the width of last frame's group; a change of width redraws at once.
        let width_id = ui.scope_id().with("right-group-width");
        let last_width: f32 = ui.data(|d| d.get_temp(width_id)).unwrap_or(0.0);
        let gap = (ui.available_width() - last_width).max(0.0);
        ui.add_space(gap);
        let start = ui.cursor().min.x;
        if let Some(reason) = bar.sound_off {
            ui.label(RichText::new("Sound unavailable").color(palette.caution))
                .on_hover_text(reason);
        } else if bar.muted {
            ui.label(RichText::new("Muted").color(palette.quiet));
        }
        let red_flags = RichText::new("Red flags").color(palette.danger).strong();
        if ui
            .button(red_flags)
            .on_hover_text("Signs that back pain needs a doctor")
            .clicked()
        {
            commands.push(Command::Open(Opening::RedFlags));
        }
        if ui
            .add(Button::selectable(bar.learn_open, "Learn"))
            .on_hover_text("How massage may help back pain, honestly")
            .clicked()
        {
            commands.push(Command::Open(Opening::ToggleLearn));
        }
        if let Some(showing) = bar.history
            && ui
                .add(Button::selectable(showing, "History"))
                .on_hover_text("What you did, how regularly, and how your back felt")
                .clicked()
        {
            commands.push(Command::Open(Opening::History));
        }
        if ui.button("Settings").clicked() {
            commands.push(Command::Open(Opening::Settings));
        }
        if ui.button("?").on_hover_text("Keyboard shortcuts").clicked() {
            commands.push(Command::Open(Opening::Keys));
        }
        let width = ui.min_rect().max.x - start;
        if (width - last_width).abs() > 0.5 {
            ui.data_mut(|d| d.insert_temp(width_id, width));
            ui.ctx().request_discard("top bar width changed");
        }
    });
    commands
}
