//! The top bar: the app's name on the left; sound status, Red flags, Learn, History (not during
//! a routine), Settings and the shortcuts button on the right, in that order for Tab as well as
//! for the eye.

use egui::{Button, RichText, Ui, UiBuilder};

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
        // after a gap as wide as the rest of the bar: the group is measured first in an
        // invisible copy (not seen, not clickable, not in the accessibility tree), so even the
        // first frame puts it at the right edge without a second pass.
        let width = {
            let mut sizing = ui.new_child(
                UiBuilder::new()
                    .layout(*ui.layout())
                    .invisible()
                    .sizing_pass(),
            );
            let _unclickable = right_group_ui(&mut sizing, bar, &palette);
            sizing.min_rect().width()
        };
        ui.add_space((ui.available_width() - width).max(0.0));
        commands.extend(right_group_ui(ui, bar, &palette));
    });
    commands
}

/// The right-hand group: sound status, Red flags, Learn, History, Settings and shortcuts.
fn right_group_ui(ui: &mut Ui, bar: &TopBar<'_>, palette: &Palette) -> Vec<Command> {
    let mut commands = Vec::new();
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
    commands
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first frame is the one the window waits for before it appears: the top bar draws
    /// it in one pass (nothing asks egui for another), with its buttons already at the right.
    #[test]
    fn the_first_frame_needs_one_pass_and_puts_the_buttons_at_the_right() {
        let ctx = egui::Context::default();
        let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1024.0, 640.0));
        let input = egui::RawInput {
            screen_rect: Some(screen),
            ..Default::default()
        };
        let bar = TopBar {
            sound_off: Some("no sound card"),
            muted: false,
            learn_open: false,
            history: Some(false),
        };
        let mut right = 0.0;
        let mut output = ctx.run_ui(input, |ui| {
            egui::Panel::top("top-bar").show(ui, |ui| {
                let _ = top_bar_ui(ui, &bar);
                right = ui.min_rect().right();
            });
        });
        // The font atlas is not drawn anywhere here.
        output.textures_delta.clear();
        let discards = &output.platform_output.request_discard_reasons;
        assert!(discards.is_empty(), "{discards:?}");
        assert_eq!(ctx.cumulative_pass_nr(), 1);
        assert!(
            (1000.0..=1024.0).contains(&right),
            "the last button ends at the right edge, not at {right}"
        );
    }
}
