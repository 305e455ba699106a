//! The dialogs that open over any screen, one at a time: stop confirmation, red flags, keys,
//! settings, notices, an import's problems or name clash, "leave without saving?", the
//! in-app file chooser and "How is your back right now?". Each is an [`egui::Modal`], so nothing behind it can be clicked; the
//! app sends keys to the open dialog first (see [`super::keymap`]). Like every panel, they
//! only return commands.

use std::path::PathBuf;

use egui::{Button, RichText, TextEdit, Ui};

use super::theme::{self, Palette};
use super::{Command, LibraryCommand, ModalCommand, Notice};
use crate::core::history::{PainMoment, PainQuestions, SessionRecord};
use crate::core::plan::Plan;
use crate::core::routine::Routine;
use crate::core::settings::Settings;
use crate::playback::cue::AudioStatus;
use crate::store::routines::{Clash, ImportChoice};

/// The dialog that is open, with its own state. Whichever it is, a running routine pauses
/// while it is open and resumes when it closes, unless it was paused already.
pub enum Modal {
    /// "Stop this routine?"
    ConfirmStop,
    /// The red flags.
    RedFlags,
    /// The keyboard shortcuts.
    Keys,
    /// Sound, pauses and theme.
    Settings,
    /// Every notice, with details.
    Notices,
    /// An import waiting for the person.
    Import(ImportFlow),
    /// "Leave without saving?"
    ConfirmDiscard {
        /// Close the window once the changes are discarded.
        then_close: bool,
    },
    /// Choosing a file by its path.
    ChooseFile(FileChooser),
    /// "How is your back right now?", before a run starts or after it ended.
    Pain(PainAsk),
}

/// The pain question while it is open: the note typed so far, and what waits on the answer.
/// A typed note is never dropped without asking: Enter in the note moves to the rating row
/// (and a second Enter keeps the note without a rating); Esc or Skip ask first.
pub struct PainAsk {
    /// The optional note, as typed so far.
    pub note: String,
    /// What happens once it is answered or skipped.
    pub waiting: PainWaiting,
    /// Enter was pressed with a note typed: the next Enter keeps the note without a rating.
    pub note_entered: bool,
    /// Move the keyboard focus to the rating row on the next frame (once).
    pub focus_rating: bool,
    /// Esc or Skip with a note typed: asking whether to keep the note.
    pub confirming_skip: bool,
}

/// What waits on the pain question.
pub enum PainWaiting {
    /// Before: this routine starts once the question is answered or skipped.
    Start {
        /// The routine to run, as planned.
        plan: Box<Plan>,
        /// The run's questions (the before one now asked).
        questions: PainQuestions,
    },
    /// After: this record, already in the history, gets the answer added.
    Amend(Box<SessionRecord>),
}

impl PainAsk {
    /// The question, with nothing typed yet.
    #[must_use]
    pub fn new(waiting: PainWaiting) -> Self {
        Self {
            note: String::new(),
            waiting,
            note_entered: false,
            focus_rating: false,
            confirming_skip: false,
        }
    }

    /// Whether a note has been typed (spaces alone do not count).
    #[must_use]
    pub fn has_note(&self) -> bool {
        !self.note.trim().is_empty()
    }

    /// The line under the question: when it is asked, in words that fit how the run ended.
    #[must_use]
    pub fn lead(&self) -> &'static str {
        match &self.waiting {
            PainWaiting::Start { .. } => "Before you start. Tap a number, or Skip; it is optional.",
            PainWaiting::Amend(record)
                if record.ending == crate::core::history::Ending::Finished =>
            {
                "Now that you have finished. Tap a number, or Skip; it is optional."
            }
            PainWaiting::Amend(_) => {
                "Now that you have stopped. Tap a number, or Skip; it is optional."
            }
        }
    }

    /// Before or after the run.
    #[must_use]
    pub fn moment(&self) -> PainMoment {
        match self.waiting {
            PainWaiting::Start { .. } => PainMoment::Before,
            PainWaiting::Amend(_) => PainMoment::After,
        }
    }
}

/// What a dialog can draw from the rest of the app.
pub struct DialogContext<'a> {
    /// The settings in use (for the settings dialog).
    pub settings: &'a Settings,
    /// Whether sound works.
    pub audio: &'a AudioStatus,
    /// What the voice can do.
    pub voice: &'a crate::playback::speech::VoiceStatus,
    /// Every notice.
    pub notices: &'a [Notice],
    /// Every routine (for the one a reminder suggests).
    pub routines: &'a [crate::store::routines::Listed],
}

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

/// What a file is being chosen for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FilePurpose {
    /// A routine file to import.
    Import,
    /// Where to write the whole history as CSV.
    ExportHistory,
    /// Where to write the routine with this id and name.
    Export {
        /// The routine's id.
        id: String,
        /// The routine's name.
        name: String,
    },
}

/// The in-app file chooser: a path field with the matching files and folders under it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileChooser {
    /// What the file is for.
    pub purpose: FilePurpose,
    /// The path typed so far.
    pub text: String,
    /// Files and folders that start with what is typed (routine files and folders only).
    pub matches: Vec<String>,
    /// Folders to jump to, as (label, path with a trailing separator).
    pub places: Vec<(String, String)>,
    /// Why the last try did not work, in plain words.
    pub problem: Option<String>,
}

impl FileChooser {
    /// The path typed, as a path (a leading `~` is the home folder).
    #[must_use]
    pub fn path(&self) -> PathBuf {
        PathBuf::from(crate::store::paths::expand_home(&self.text))
    }
}

/// Routine files dropped on the window this frame.
#[must_use]
pub fn dropped_routine_files(ctx: &egui::Context) -> Vec<Command> {
    ctx.input(|i| {
        i.raw
            .dropped_files
            .iter()
            .map(|f| Command::Library(LibraryCommand::ImportFile(f.path().to_owned())))
            .collect()
    })
}

/// A button for a dialog's default action (what Enter does): filled with the accent colour.
fn default_button(ui: &mut Ui, text: &str) -> bool {
    let palette = Palette::of(ui.visuals());
    ui.add(Button::new(RichText::new(text).strong().color(palette.on_accent)).fill(palette.accent))
        .clicked()
}

fn close_on_backdrop<T>(response: &egui::ModalResponse<T>, commands: &mut Vec<Command>) {
    if commands.is_empty() && response.backdrop_response.clicked() {
        commands.push(Command::Modal(ModalCommand::Close));
    }
}

/// Draws the open dialog.
#[must_use]
pub fn modal_ui(ctx: &egui::Context, modal: &Modal, app: &DialogContext<'_>) -> Vec<Command> {
    let mut commands = Vec::new();
    let id = egui::Id::unique(match modal {
        Modal::ConfirmStop => "confirm-stop",
        Modal::RedFlags => "red-flags",
        Modal::Keys => "keys",
        Modal::Settings => "settings",
        Modal::Notices => "notices",
        Modal::Import(_) => "import",
        Modal::ConfirmDiscard { .. } => "confirm-discard",
        Modal::ChooseFile(_) => "choose-file",
        Modal::Pain(_) => "pain-question",
    });
    let max_height = (ctx.content_rect().height() - 80.0).max(200.0);
    let response = egui::Modal::new(id).show(ctx, |ui| {
        ui.set_max_height(max_height);
        match modal {
            Modal::ConfirmStop => confirm_stop_ui(ui, &mut commands),
            Modal::RedFlags => {
                ui.set_max_width(560.0);
                ui.heading("Red flags");
                egui::ScrollArea::vertical()
                    .max_height(max_height - 120.0)
                    .show(ui, super::learn::red_flags_ui);
                if default_button(ui, "Close red flags") {
                    commands.push(Command::Modal(ModalCommand::Close));
                }
            }
            Modal::Keys => {
                ui.heading("Keyboard shortcuts");
                super::keymap::keys_list_ui(ui);
                if default_button(ui, "Close") {
                    commands.push(Command::Modal(ModalCommand::Close));
                }
            }
            Modal::Settings => {
                ui.set_width(440.0);
                // The settings scroll; Close stays below them, always in view.
                egui::ScrollArea::vertical()
                    .max_height(max_height - 80.0)
                    .show(ui, |ui| {
                        commands.extend(super::settings::settings_ui(
                            ui,
                            app.settings,
                            app.audio,
                            app.voice,
                        ));
                        commands.extend(super::reminders::reminders_ui(
                            ui,
                            app.settings,
                            app.routines,
                        ));
                    });
                ui.separator();
                if default_button(ui, "Close") {
                    commands.push(Command::Modal(ModalCommand::Close));
                }
            }
            Modal::Notices => commands.extend(super::notices::notices_list_ui(ui, app.notices)),
            Modal::Import(flow) => import_ui(ui, flow, &mut commands),
            Modal::ConfirmDiscard { .. } => {
                ui.set_width(340.0);
                ui.heading("Leave without saving?");
                ui.label("Your changes to this routine will be lost.");
                ui.horizontal(|ui| {
                    if default_button(ui, "Keep editing") {
                        commands.push(Command::Modal(ModalCommand::Close));
                    }
                    if ui.button("Discard changes").clicked() {
                        commands.push(Command::Modal(ModalCommand::DiscardEdits));
                    }
                });
                ui.label(RichText::new("Enter keeps editing · Esc keeps editing").small());
            }
            Modal::ChooseFile(chooser) => file_chooser_ui(ui, chooser, &mut commands),
            Modal::Pain(ask) => pain_ui(ui, ask, &mut commands),
        }
    });
    close_on_backdrop(&response, &mut commands);
    commands
}

fn pain_ui(ui: &mut Ui, ask: &PainAsk, commands: &mut Vec<Command>) {
    ui.set_width(540.0_f32.min(ui.ctx().content_rect().width() - 60.0));
    let moment = ask.moment();
    if ask.confirming_skip {
        ui.heading("Keep your note?");
        ui.add(egui::Label::new(format!("You wrote: \"{}\"", ask.note.trim())).wrap());
        ui.add_space(theme::GAP_M);
        ui.horizontal_wrapped(|ui| {
            if default_button(ui, "Keep the note, no rating") {
                commands.push(Command::Modal(ModalCommand::Confirm));
            }
            if ui.button("Back to the question").clicked() {
                commands.push(Command::Modal(ModalCommand::Close));
            }
            if ui.button("Drop the note").clicked() {
                let drop = super::history::PainCommand::Unrated {
                    moment,
                    note: String::new(),
                };
                commands.push(Command::Modal(ModalCommand::AnswerPain(drop)));
            }
        });
        ui.label(RichText::new("Enter keeps the note · Esc goes back to the question").small());
        return;
    }
    let prompt = super::history::PainPrompt {
        moment,
        lead: ask.lead(),
        focus_rating: ask.focus_rating,
    };
    let mut note = ask.note.clone();
    if let Some(answer) = super::history::pain_rating_ui(ui, &prompt, &mut note) {
        commands.push(Command::Modal(ModalCommand::AnswerPain(answer)));
    } else if note != ask.note {
        commands.push(Command::Modal(ModalCommand::EditNote(note)));
    }
    let keys = if ask.note_entered {
        "Your note is kept: tap a number to save it with your rating · Enter keeps the note without a rating"
    } else if ask.has_note() {
        "Enter moves to the numbers, keeping your note · Esc asks before dropping it"
    } else {
        "Esc or Enter skips"
    };
    ui.add(egui::Label::new(RichText::new(keys).small()).wrap());
}

fn confirm_stop_ui(ui: &mut Ui, commands: &mut Vec<Command>) {
    ui.set_width(340.0);
    ui.heading("Stop this routine?");
    ui.label("The routine is paused while you decide.");
    ui.add_space(theme::GAP_M);
    ui.horizontal(|ui| {
        if default_button(ui, "Stop routine") {
            commands.push(Command::Modal(ModalCommand::Confirm));
        }
        if ui.button("Keep going").clicked() {
            commands.push(Command::Modal(ModalCommand::Close));
        }
    });
    ui.label(RichText::new("Enter stops · Esc keeps going").small());
}

fn import_ui(ui: &mut Ui, flow: &ImportFlow, commands: &mut Vec<Command>) {
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
            if default_button(ui, "Close") {
                commands.push(Command::Modal(ModalCommand::Close));
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
                incoming.name(),
                existing.name()
            ));
            ui.horizontal(|ui| {
                if default_button(ui, "Keep both") {
                    commands.push(Command::Modal(ModalCommand::ResolveImport(
                        ImportChoice::KeepBoth,
                    )));
                }
                if clash.can_replace() && ui.button("Replace mine").clicked() {
                    commands.push(Command::Modal(ModalCommand::ResolveImport(
                        ImportChoice::Replace,
                    )));
                }
                if ui.button("Cancel import").clicked() {
                    commands.push(Command::Modal(ModalCommand::Close));
                }
            });
            ui.label(RichText::new("Enter keeps both · Esc cancels").small());
        }
    }
}

fn file_chooser_ui(ui: &mut Ui, chooser: &FileChooser, commands: &mut Vec<Command>) {
    let palette = Palette::of(ui.visuals());
    ui.set_width(560.0);
    let (heading, action) = match &chooser.purpose {
        FilePurpose::Import => ("Import a routine".to_owned(), "Import"),
        FilePurpose::ExportHistory => ("Export your history as CSV".to_owned(), "Export"),
        FilePurpose::Export { name, .. } => (format!("Export \"{name}\""), "Export"),
    };
    ui.heading(heading);
    ui.label("Type the path of the file, or pick a folder or file below.");
    ui.horizontal(|ui| {
        for (label, path) in &chooser.places {
            if ui.small_button(label).clicked() {
                commands.push(Command::Modal(ModalCommand::EditPath(path.clone())));
            }
        }
    });
    let mut text = chooser.text.clone();
    let label = ui.label("File path");
    let field = ui
        .add(
            TextEdit::singleline(&mut text)
                .desired_width(f32::INFINITY)
                .hint_text("/home/you/routine.toml"),
        )
        .labelled_by(label.id);
    if !field.has_focus() && ui.memory(|m| m.focused().is_none()) {
        field.request_focus();
    }
    if text != chooser.text {
        commands.push(Command::Modal(ModalCommand::EditPath(text)));
    }
    // Room for six matches, kept whether or not there are any, so nothing below moves.
    let row = ui.spacing().interact_size.y + ui.spacing().item_spacing.y;
    ui.allocate_ui(egui::vec2(ui.available_width(), 6.0 * row), |ui| {
        ui.set_min_height(6.0 * row);
        egui::ScrollArea::vertical()
            .max_height(6.0 * row)
            .show(ui, |ui| {
                for found in &chooser.matches {
                    // The entry's own name (the folder is in the field above); the full path
                    // on hover.
                    let trimmed = found.trim_end_matches(['/', std::path::MAIN_SEPARATOR]);
                    let name = trimmed
                        .rsplit(['/', std::path::MAIN_SEPARATOR])
                        .next()
                        .unwrap_or(trimmed);
                    let shown = if trimmed.len() < found.len() {
                        format!("{name}{}", std::path::MAIN_SEPARATOR)
                    } else {
                        name.to_owned()
                    };
                    if ui
                        .add(Button::new(shown).frame(false))
                        .on_hover_text(found.as_str())
                        .clicked()
                    {
                        commands.push(Command::Modal(ModalCommand::EditPath(found.clone())));
                    }
                }
            });
    });
    // One line kept for the problem, so the buttons stay where they are.
    let problem = chooser.problem.as_deref().unwrap_or(" ");
    ui.label(RichText::new(problem).color(palette.caution));
    ui.horizontal(|ui| {
        if default_button(ui, action) {
            commands.push(Command::Modal(ModalCommand::Confirm));
        }
        if ui.button("Cancel").clicked() {
            commands.push(Command::Modal(ModalCommand::Close));
        }
    });
}
