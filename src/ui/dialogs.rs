//! Small windows that can open over any screen: the red flags, "leave without saving?", and
//! an import's problems or name clash. Like every panel, they only return commands.

use egui::RichText;

use super::Command;
use crate::routine::Routine;
use crate::store::routines::{Clash, ImportChoice};

/// An import waiting for the person: its problems, or a clash to decide.
pub enum ImportFlow {
    /// The file was refused; nothing changed.
    Rejected {
        /// The file, as shown.
        file: String,
        /// Every problem, in plain words.
        problems: String,
    },
    /// A routine with the same id or name exists.
    Clash {
        /// The routine read from the file.
        incoming: Routine,
        /// What it clashes with.
        clash: Clash,
    },
}

/// Routine files dropped on the window this frame.
#[must_use]
pub fn dropped_routine_files(ctx: &egui::Context) -> Vec<Command> {
    ctx.input(|i| {
        i.raw
            .dropped_files
            .iter()
            .map(|f| Command::ImportFile(f.path().to_owned()))
            .collect()
    })
}

/// The import window: a refused file's problems, or the choice a clash needs.
#[must_use]
pub fn import_window(ctx: &egui::Context, flow: &ImportFlow) -> Vec<Command> {
    let mut commands = Vec::new();
    egui::Modal::new(egui::Id::unique("import")).show(ctx, |ui| {
        ui.set_max_width(560.0);
        match flow {
            ImportFlow::Rejected { file, problems } => {
                ui.heading("This file cannot be imported");
                ui.label(format!("Nothing was changed. The problems with {file}:"));
                egui::ScrollArea::vertical()
                    .max_height(320.0)
                    .show(ui, |ui| {
                        ui.add(egui::Label::new(RichText::new(problems).monospace()).wrap());
                    });
                if ui.button("Close").clicked() {
                    commands.push(Command::CancelImport);
                }
            }
            ImportFlow::Clash { incoming, clash } => {
                let (existing, why) = match clash {
                    Clash::SameId(r) => (r, "has the same id as"),
                    Clash::SameName(r) => (r, "has the same name as"),
                    Clash::BuiltIn(r) => (r, "has the same id or name as the built-in routine"),
                    Clash::None => (incoming, "is new"),
                };
                ui.heading("A routine like this is already here");
                ui.label(format!(
                    "\"{}\" {why} \"{}\".",
                    incoming.name, existing.name
                ));
                ui.horizontal(|ui| {
                    if clash.can_replace() && ui.button("Replace mine").clicked() {
                        commands.push(Command::ResolveImport(ImportChoice::Replace));
                    }
                    if ui.button("Keep both").clicked() {
                        commands.push(Command::ResolveImport(ImportChoice::KeepBoth));
                    }
                    if ui.button("Cancel import").clicked() {
                        commands.push(Command::CancelImport);
                    }
                });
            }
        }
    });
    commands
}

/// "Leave without saving?" for the editor.
#[must_use]
pub fn confirm_discard_ui(ctx: &egui::Context) -> Option<Command> {
    let mut command = None;
    egui::Modal::new(egui::Id::unique("confirm-discard")).show(ctx, |ui| {
        ui.set_width(340.0);
        ui.heading("Leave without saving?");
        ui.label("Your changes to this routine will be lost.");
        ui.horizontal(|ui| {
            if ui.button("Discard changes").clicked() {
                command = Some(Command::DiscardEdits);
            }
            if ui.button("Keep editing").clicked() {
                command = Some(Command::KeepEditing);
            }
        });
    });
    command
}

/// The red flags, reachable from every screen.
#[must_use]
pub fn red_flags_window(ctx: &egui::Context) -> Option<Command> {
    let mut open = true;
    let mut command = None;
    egui::Window::new("Red flags")
        .collapsible(false)
        .default_width(520.0)
        .max_height(ctx.content_rect().height() - 80.0)
        .open(&mut open)
        .show(ctx, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                super::learn::red_flags_ui(ui);
                if ui.button("Close red flags").clicked() {
                    command = Some(Command::ToggleRedFlags);
                }
            });
        });
    if !open {
        command = Some(Command::ToggleRedFlags);
    }
    command
}
