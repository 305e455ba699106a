//! Notices as one compact line at the bottom of the window: the newest notice, shortened to
//! fit, with a button that opens the full list (with details) when there is more to read.
//! The line takes its own strip of the window, so it never covers a control.

use egui::{Label, RichText, Ui};

use super::theme::Palette;
use super::{Command, LibraryCommand, ModalCommand, Notice, NoticeCommand, Opening};

/// What a person is told when no sound output could be opened (the device error goes in the
/// details).
pub const NO_SOUND: &str = "No sound output was found, so Unknot will run silently.";

/// A routine just deleted, which can still be brought back.
pub struct Undo<'a> {
    /// The routine's name.
    pub name: &'a str,
}

/// Draws the notices line (and the undo of a delete, if any).
pub fn notices_line_ui(ui: &mut Ui, notices: &[Notice], undo: Option<&Undo<'_>>) -> Vec<Command> {
    let mut commands = Vec::new();
    let palette = Palette::of(ui.visuals());
    ui.horizontal(|ui| {
        if let Some(undo) = undo {
            if ui.small_button("Undo").clicked() {
                commands.push(Command::Library(LibraryCommand::UndoDelete));
            }
            ui.label(format!("Deleted \"{}\".", undo.name));
            if !notices.is_empty() {
                ui.separator();
            }
        }
        let Some((index, newest)) = notices.iter().enumerate().next_back() else {
            return;
        };
        if ui.small_button("Dismiss").clicked() {
            commands.push(Command::Notices(NoticeCommand::Dismiss(index)));
        }
        let more = notices.len() > 1 || newest.details.is_some();
        let label = if notices.len() > 1 {
            format!("All notices ({})", notices.len())
        } else {
            "Details".to_owned()
        };
        // The list button goes on the right; the text takes what is left, shortened.
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if more && ui.small_button(label).clicked() {
                commands.push(Command::Open(Opening::Notices));
            }
            ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                ui.add(Label::new(RichText::new(&newest.text).color(palette.caution)).truncate())
                    .on_hover_text(&newest.text);
            });
        });
    });
    commands
}

/// The full list, inside the notices dialog.
pub fn notices_list_ui(ui: &mut Ui, notices: &[Notice]) -> Vec<Command> {
    let mut commands = Vec::new();
    let palette = Palette::of(ui.visuals());
    ui.heading("Notices");
    if notices.is_empty() {
        ui.label("Nothing to report.");
    }
    egui::ScrollArea::vertical()
        .max_height(ui.ctx().content_rect().height() * 0.6)
        .show(ui, |ui| {
            for (index, notice) in notices.iter().enumerate() {
                ui.add(Label::new(RichText::new(&notice.text).color(palette.caution)).wrap());
                if let Some(details) = &notice.details {
                    ui.add(
                        Label::new(
                            RichText::new(format!("Details: {details}"))
                                .small()
                                .color(palette.quiet),
                        )
                        .wrap(),
                    );
                }
                if ui
                    .small_button("Dismiss")
                    .accessible_name(format!("Dismiss: {}", notice.text))
                    .on_hover_text("Hide this notice")
                    .clicked()
                {
                    commands.push(Command::Notices(NoticeCommand::Dismiss(index)));
                }
                ui.separator();
            }
        });
    ui.horizontal(|ui| {
        if !notices.is_empty() && ui.button("Dismiss all").clicked() {
            commands.push(Command::Notices(NoticeCommand::DismissAll));
        }
        if ui.button("Close").clicked() {
            commands.push(Command::Modal(ModalCommand::Close));
        }
    });
    commands
}
