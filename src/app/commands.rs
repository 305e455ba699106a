//! Applying the panels' commands. Every area has its own exhaustive `match` (no catch-all), so
//! a command that is added but not handled does not compile.

use super::{Screen, UnknotApp};
use crate::app::dialogs::{FileAnswer, FileRequest};
use crate::core::plan::Plan;
use crate::core::routine::{Routine, StepKind};
use crate::core::session::{Session, State};
use crate::store::paths;
use crate::store::routines::{Clash, ImportChoice, Origin, duplicate, export, read_import};
use crate::ui::dialogs::{FileChooser, FilePurpose, ImportFlow, Modal};
use crate::ui::editor::{EditorAction, EditorState};
use crate::ui::finished::Ending;
use crate::ui::{
    BeforeStartCommand, Command, FinishedCommand, HomeCommand, LibraryCommand, ModalCommand,
    Notice, NoticeCommand, Opening, PlayerCommand, SettingsCommand,
};

impl UnknotApp {
    /// Applies one command.
    pub(super) fn apply(&mut self, command: Command) {
        match command {
            Command::Home(c) => self.apply_home(c),
            Command::BeforeStart(c) => self.apply_before_start(c),
            Command::Player(c) => self.apply_player(c),
            Command::Finished(c) => self.apply_finished(c),
            Command::Editor(c) => self.apply_editor(c),
            Command::Library(c) => self.apply_library(c),
            Command::Open(c) => self.apply_open(c),
            Command::Modal(c) => self.apply_modal(c),
            Command::Settings(c) => self.apply_settings(c),
            Command::Notices(c) => self.apply_notices(c),
            Command::History(c) => self.apply_history(c),
            Command::Maker(c) => self.apply_maker(c),
            Command::Programme(c) => self.apply_programme(c),
        }
    }

    fn apply_home(&mut self, command: HomeCommand) {
        match command {
            HomeCommand::Select(id) => {
                self.close_maker();
                self.selected = Some(id);
            }
            HomeCommand::SetLength(choice) => {
                if let Some(id) = self.selected.clone() {
                    if choice == crate::core::fit::LengthChoice::default() {
                        self.settings.lengths.remove(&id);
                    } else {
                        self.settings.lengths.insert(id, choice);
                    }
                    self.settings_dirty = true;
                }
            }
            HomeCommand::Start if self.maker.open => self.start_made_session(),
            HomeCommand::Start => {
                if let Some(routine) = self.selected_routine() {
                    if self.needs_before_start(routine) {
                        self.screen = Screen::BeforeStart { ticked: false };
                    } else {
                        self.start_selected();
                    }
                }
            }
        }
    }

    fn apply_before_start(&mut self, command: BeforeStartCommand) {
        match command {
            BeforeStartCommand::Confirm => {
                let ticked = matches!(self.screen, Screen::BeforeStart { ticked: true });
                if ticked && !self.settings.safety_acknowledged {
                    self.settings.safety_acknowledged = true;
                    self.settings_dirty = true;
                }
                if self.settings.safety_acknowledged {
                    if self.maker.starting {
                        self.begin_made_session();
                    } else if !self.start_pending_programme_session() {
                        self.start_selected();
                    }
                }
            }
            BeforeStartCommand::Back => {
                self.one_off_minutes = None;
                self.maker.starting = false;
                self.programme.pending = None;
                self.screen = Screen::Home;
            }
        }
    }

    fn apply_player(&mut self, command: PlayerCommand) {
        if !matches!(self.screen, Screen::Player(_)) {
            return;
        }
        match command {
            PlayerCommand::TogglePause => self.conductor.command(Session::toggle_pause),
            PlayerCommand::Back => self.conductor.command(Session::back),
            PlayerCommand::Skip => self.conductor.command(Session::skip),
            PlayerCommand::AskStop => self.open_modal(Modal::ConfirmStop),
        }
    }

    fn apply_finished(&mut self, command: FinishedCommand) {
        match command {
            FinishedCommand::Again => {
                if let Some(plan) = self.last_plan.clone() {
                    self.begin(plan);
                }
            }
            FinishedCommand::Home => {
                self.conductor.clear();
                self.screen = Screen::Home;
            }
        }
    }

    fn apply_editor(&mut self, action: EditorAction) {
        match action {
            EditorAction::Save(routine) => {
                let Some(own) = self.own.as_ref() else {
                    self.no_own_folder();
                    return;
                };
                match own.save(&routine) {
                    Ok(_) => {
                        self.screen = Screen::Home;
                        self.reload_routines(Some(routine.id().to_owned()));
                    }
                    Err(error) => self.notify(Notice::with_details(
                        "Your routine could not be saved. Your changes are still in the editor.",
                        error.to_string(),
                    )),
                }
            }
            EditorAction::Cancel => {
                if self.editor_dirty() {
                    self.open_modal(Modal::ConfirmDiscard { then_close: false });
                } else {
                    self.screen = Screen::Home;
                }
            }
        }
    }

    /// The editor has changes that are not saved.
    pub(super) fn editor_dirty(&self) -> bool {
        matches!(&self.screen, Screen::Editor(state) if state.is_dirty())
    }

    fn no_own_folder(&mut self) {
        self.notify(Notice::plain(
            "There is no folder for your own routines on this system, so they cannot be kept.",
        ));
    }

    fn apply_library(&mut self, command: LibraryCommand) {
        let Some(own) = self.own.as_ref() else {
            self.no_own_folder();
            return;
        };
        match command {
            LibraryCommand::New => {
                let (ids, _) = self.taken();
                let id = own.unique_id("my-routine", &ids);
                self.screen = Screen::Editor(Box::new(EditorState::new_routine(id)));
            }
            LibraryCommand::MakeItMine => {
                if let Some(original) = self.selected_routine() {
                    let (ids, names) = self.taken();
                    let copy = duplicate(original, &ids, &names, own);
                    self.screen = Screen::Editor(Box::new(EditorState::unsaved(copy)));
                }
            }
            LibraryCommand::Edit => {
                if let Some(listed) = self
                    .selected_listed()
                    .filter(|l| l.origin == Origin::Custom)
                {
                    let state = EditorState::edit(listed.routine.clone());
                    self.screen = Screen::Editor(Box::new(state));
                }
            }
            LibraryCommand::Delete => {
                let Some(listed) = self
                    .selected_listed()
                    .filter(|l| l.origin == Origin::Custom)
                else {
                    return;
                };
                let name = listed.routine.name().to_owned();
                match own.delete(listed.routine.id()) {
                    Ok(deleted) => {
                        self.undo = Some((deleted, name));
                        self.reload_routines(None);
                    }
                    Err(error) => self.notify(Notice::with_details(
                        format!("\"{name}\" could not be deleted."),
                        error.to_string(),
                    )),
                }
            }
            LibraryCommand::UndoDelete => {
                if let Some((deleted, name)) = self.undo.take() {
                    match own.undo_delete(&deleted) {
                        Ok(()) => self.reload_routines(Some(deleted.id)),
                        Err(error) => self.notify(Notice::with_details(
                            format!("\"{name}\" could not be brought back."),
                            error.to_string(),
                        )),
                    }
                }
            }
            LibraryCommand::PickImport => match self.dialogs.pick(&FileRequest::Import) {
                FileAnswer::Chosen(path) => self.import_file(&path),
                FileAnswer::Cancelled => {}
                FileAnswer::InApp => self.open_chooser(FilePurpose::Import, None),
                FileAnswer::Failed(why) => self.open_chooser(FilePurpose::Import, Some(why)),
            },
            LibraryCommand::ImportFile(path) => self.import_file(&path),
            LibraryCommand::PickExport => {
                let Some(routine) = self.selected_routine().cloned() else {
                    return;
                };
                let file_name = format!("{}.toml", routine.id());
                let purpose = FilePurpose::Export {
                    id: routine.id().to_owned(),
                    name: routine.name().to_owned(),
                };
                match self.dialogs.pick(&FileRequest::Export { file_name }) {
                    // The system's dialog asked before choosing a file that is there.
                    FileAnswer::Chosen(path) => {
                        if let Err(problem) = self.export_to(&routine, &path, true) {
                            self.notify(Notice::plain(problem));
                        }
                    }
                    FileAnswer::Cancelled => {}
                    FileAnswer::InApp => self.open_chooser(purpose, None),
                    FileAnswer::Failed(why) => self.open_chooser(purpose, Some(why)),
                }
            }
        }
    }

    /// Opens the in-app file chooser in the routines folder (for an export, with the file name
    /// filled in). `failed` says why the system dialog could not open, if it tried.
    pub(super) fn open_chooser(&mut self, purpose: FilePurpose, failed: Option<String>) {
        let mut places = Vec::new();
        if let Some(home) = &self.home_folder {
            places.push(("Home folder".to_owned(), paths::folder_text(home)));
        }
        if let Some(own) = &self.own {
            places.push((
                "Your routines folder".to_owned(),
                paths::folder_text(own.dir()),
            ));
        }
        let routines_folder = places.last().map(|(_, p)| p.clone()).unwrap_or_default();
        // Exports start in the home folder, never on top of the routine's own file, and with a
        // name no file has yet, so Export works at once.
        let home = places.first().map(|(_, p)| p.clone()).unwrap_or_default();
        let text = match &purpose {
            FilePurpose::Import => routines_folder,
            FilePurpose::Export { id, .. } => free_file_name(&home, id, "toml"),
            FilePurpose::ExportHistory => {
                let (stem, extension) = super::history::CSV_FILE_NAME
                    .rsplit_once('.')
                    .unwrap_or((super::history::CSV_FILE_NAME, "csv"));
                free_file_name(&home, stem, extension)
            }
        };
        let problem = failed.map(|why| {
            format!("The system's file dialog could not open ({why}), so type the path here.")
        });
        let matches = paths::path_matches(&text);
        self.open_modal(Modal::ChooseFile(FileChooser {
            purpose,
            text,
            matches,
            places,
            problem,
        }));
    }

    /// Uses the path typed in the chooser; keeps the chooser open, with the problem, if it
    /// cannot be used.
    fn use_chosen_file(&mut self, mut chooser: FileChooser) {
        let mut path = chooser.path();
        if matches!(chooser.purpose, FilePurpose::Export { .. })
            && path.extension().is_none()
            && !path.is_dir()
        {
            // Routine files end in .toml, so the import list finds them later.
            path.set_extension("toml");
        }
        if chooser.purpose == FilePurpose::ExportHistory
            && path.extension().is_none()
            && !path.is_dir()
        {
            path.set_extension("csv");
        }
        let problem = match &chooser.purpose {
            FilePurpose::Import if path.is_dir() => {
                Some("That is a folder: choose a routine file in it.".to_owned())
            }
            FilePurpose::Import if !path.is_file() => {
                Some(format!("There is no file at {}.", path.display()))
            }
            FilePurpose::Import => {
                self.import_file(&path);
                None
            }
            FilePurpose::ExportHistory if path.is_dir() => {
                Some("That is a folder: add a file name, such as unknot-history.csv.".to_owned())
            }
            FilePurpose::ExportHistory if path.exists() => Some(format!(
                "There is already a file at {}; choose another name.",
                path.display()
            )),
            FilePurpose::ExportHistory => self.export_history_to(&path, false).err(),
            FilePurpose::Export { id, .. } => {
                let routine = self
                    .routines
                    .iter()
                    .find(|l| l.routine.id() == *id)
                    .map(|l| l.routine.clone());
                match routine {
                    None => Some("That routine is no longer there.".to_owned()),
                    Some(_) if path.is_dir() => Some(
                        "That is a folder: add a file name, such as my-routine.toml.".to_owned(),
                    ),
                    Some(_) if path.exists() => Some(format!(
                        "There is already a file at {}; choose another name.",
                        path.display()
                    )),
                    Some(routine) => self.export_to(&routine, &path, false).err(),
                }
            }
        };
        if let Some(problem) = problem {
            chooser.problem = Some(problem);
            self.modal = Some(Modal::ChooseFile(chooser));
        }
    }

    /// Writes `routine` to `path` and says so; the error, in plain words, if it cannot. A file
    /// already there is replaced only if `replace` (the person confirmed it).
    fn export_to(
        &mut self,
        routine: &Routine,
        path: &std::path::Path,
        replace: bool,
    ) -> Result<(), String> {
        match export(routine, path, replace) {
            Ok(()) => {
                self.notify(Notice::plain(format!(
                    "Exported \"{}\" to {}.",
                    routine.name(),
                    path.display()
                )));
                Ok(())
            }
            Err(error) => Err(format!("The routine could not be exported: {error}")),
        }
    }

    fn import_file(&mut self, path: &std::path::Path) {
        let Some(own) = self.own.as_ref() else {
            self.no_own_folder();
            return;
        };
        match read_import(path) {
            Err(error) => self.open_modal(Modal::Import(ImportFlow::Rejected {
                file: path.display().to_string(),
                problems: error.to_string(),
            })),
            Ok(incoming) => {
                let existing: Vec<Routine> =
                    self.routines.iter().map(|l| l.routine.clone()).collect();
                match own.clash(&incoming, &existing) {
                    Clash::None => self.finish_import(incoming, ImportChoice::KeepBoth),
                    clash => self.open_modal(Modal::Import(ImportFlow::Clash { incoming, clash })),
                }
            }
        }
    }

    fn finish_import(&mut self, incoming: Routine, choice: ImportChoice) {
        let Some(own) = self.own.as_ref() else { return };
        let (ids, names) = self.taken();
        match own.import(incoming, choice, &ids, &names) {
            Ok(saved) => {
                let message = format!("Imported \"{}\".", saved.name());
                self.reload_routines(Some(saved.id().to_owned()));
                self.notify(Notice::plain(message));
            }
            Err(error) => self.notify(Notice::with_details(
                "The routine could not be imported.",
                error.to_string(),
            )),
        }
    }

    fn apply_open(&mut self, opening: Opening) {
        match opening {
            Opening::ToggleLearn => self.learn_open = !self.learn_open,
            Opening::History => self.toggle_history(),
            Opening::Keys => self.open_modal(Modal::Keys),
            Opening::Settings => self.open_modal(Modal::Settings),
            Opening::Notices => self.open_modal(Modal::Notices),
            Opening::RedFlags => self.open_modal(Modal::RedFlags),
        }
    }

    /// Opens `modal` unless another dialog is open already (one at a time). A running routine
    /// pauses while it is open, whichever dialog it is.
    pub(super) fn open_modal(&mut self, modal: Modal) {
        if self.modal.is_none() {
            self.resume_after_dialog = self.pause_for_dialog();
            self.modal = Some(modal);
        }
    }

    /// Pauses a running routine for a dialog; true if it was running (and so should resume
    /// when the dialog closes).
    fn pause_for_dialog(&mut self) -> bool {
        if !matches!(self.screen, Screen::Player(_)) {
            return false;
        }
        let running = self
            .conductor
            .read(|session, _| session.map(Session::state))
            == Some(State::Running);
        if running {
            self.conductor.command(Session::pause);
        }
        running
    }

    /// Once no dialog is open: resumes the routine the dialog paused, if it is still showing.
    fn resume_if_dialog_paused(&mut self) {
        if self.modal.is_some() {
            return;
        }
        let resume = std::mem::take(&mut self.resume_after_dialog);
        if resume && matches!(self.screen, Screen::Player(_)) {
            self.conductor.command(|session, now| {
                session.resume(now);
                Vec::new()
            });
        }
    }

    fn apply_modal(&mut self, command: ModalCommand) {
        let Some(modal) = self.modal.take() else {
            return;
        };
        self.answer_modal(modal, command);
        self.resume_if_dialog_paused();
    }

    fn answer_modal(&mut self, modal: Modal, command: ModalCommand) {
        match command {
            ModalCommand::Close => self.close_modal(modal),
            ModalCommand::Confirm => self.confirm_modal(modal),
            ModalCommand::ResolveImport(choice) => {
                if let Modal::Import(ImportFlow::Clash { incoming, .. }) = modal {
                    self.finish_import(incoming, choice);
                } else {
                    self.modal = Some(modal);
                }
            }
            ModalCommand::DiscardEdits => {
                if let Modal::ConfirmDiscard { then_close } = modal {
                    self.screen = Screen::Home;
                    self.close_window = then_close;
                } else {
                    self.modal = Some(modal);
                }
            }
            ModalCommand::EditPath(text) => {
                if let Modal::ChooseFile(mut chooser) = modal {
                    chooser.matches = paths::path_matches(&text);
                    chooser.text = text;
                    chooser.problem = None;
                    self.modal = Some(Modal::ChooseFile(chooser));
                } else {
                    self.modal = Some(modal);
                }
            }
            ModalCommand::AnswerPain(answer) => {
                if let Modal::Pain(mut ask) = modal {
                    if matches!(answer, crate::ui::history::PainCommand::Skip(_)) && ask.has_note()
                    {
                        // Skip with a note typed: ask before dropping it.
                        ask.confirming_skip = true;
                        self.modal = Some(Modal::Pain(ask));
                    } else {
                        self.answer_pain(ask, answer);
                    }
                } else {
                    self.modal = Some(modal);
                }
            }
            ModalCommand::EditNote(note) => {
                if let Modal::Pain(mut ask) = modal {
                    ask.note = note;
                    ask.note_entered = false;
                    self.modal = Some(Modal::Pain(ask));
                } else {
                    self.modal = Some(modal);
                }
            }
        }
    }

    /// Closes a dialog without doing anything (the pain question counts as skipped, unless a
    /// note was typed: then it asks whether to keep the note, and Esc there goes back).
    fn close_modal(&mut self, modal: Modal) {
        match modal {
            Modal::Pain(mut ask) if ask.confirming_skip => {
                ask.confirming_skip = false;
                ask.focus_rating = true;
                self.modal = Some(Modal::Pain(ask));
            }
            Modal::Pain(mut ask) if ask.has_note() => {
                ask.confirming_skip = true;
                self.modal = Some(Modal::Pain(ask));
            }
            Modal::Pain(ask) => {
                let moment = ask.moment();
                self.answer_pain(ask, crate::ui::history::PainCommand::Skip(moment));
            }
            Modal::ConfirmStop
            | Modal::RedFlags
            | Modal::Keys
            | Modal::Settings
            | Modal::Notices
            | Modal::Import(_)
            | Modal::ConfirmDiscard { .. }
            | Modal::ChooseFile(_) => {}
        }
    }

    /// A dialog's default action (Enter).
    fn confirm_modal(&mut self, modal: Modal) {
        match modal {
            Modal::ConfirmStop => self.stop_routine(),
            Modal::Import(ImportFlow::Clash { incoming, .. }) => {
                self.finish_import(incoming, ImportChoice::KeepBoth);
            }
            Modal::ChooseFile(chooser) => self.use_chosen_file(chooser),
            Modal::Pain(mut ask) if ask.has_note() && !ask.note_entered && !ask.confirming_skip => {
                // Enter in the note: keep it and move on to the numbers.
                ask.note_entered = true;
                ask.focus_rating = true;
                self.modal = Some(Modal::Pain(ask));
            }
            Modal::Pain(ask) if ask.has_note() => {
                // Enter again (or "Keep the note"): the note is kept without a rating.
                let note = ask.note.clone();
                let moment = ask.moment();
                self.answer_pain(
                    ask,
                    crate::ui::history::PainCommand::Unrated { moment, note },
                );
            }
            // For these the default is to close: "Keep editing" loses nothing.
            Modal::RedFlags
            | Modal::Keys
            | Modal::Settings
            | Modal::Notices
            | Modal::Import(ImportFlow::Rejected { .. })
            | Modal::ConfirmDiscard { .. }
            | Modal::Pain(_) => self.close_modal(modal),
        }
    }

    fn apply_settings(&mut self, command: SettingsCommand) {
        match command {
            SettingsCommand::Update(settings) => {
                let switched = settings.reminders.enabled != self.settings.reminders.enabled;
                self.settings = *settings;
                self.conductor.set_settings(&self.settings);
                self.settings_dirty = true;
                if switched {
                    // Saved first, so the reminder process started next finds reminders on.
                    self.save_settings_if_changed(false);
                    self.switch_reminders(self.settings.reminders.enabled);
                }
            }
            SettingsCommand::TestSound(cue) => self.conductor.test_sound(cue),
            SettingsCommand::TestVoice => self.conductor.test_voice(),
            SettingsCommand::TestReminder => self.test_reminder(),
        }
    }

    fn apply_notices(&mut self, command: NoticeCommand) {
        match command {
            NoticeCommand::Dismiss(index) => {
                if index < self.notices.list.len() {
                    self.notices.list.remove(index);
                }
            }
            NoticeCommand::DismissAll => self.notices.list.clear(),
        }
    }

    /// Whether a "before you start" screen is due: the red flags were never acknowledged, or
    /// the routine uses self-massage.
    pub(super) fn needs_before_start(&self, routine: &Routine) -> bool {
        let self_massage = routine
            .steps()
            .iter()
            .any(|s| s.kind == StepKind::SelfMassage);
        !self.settings.safety_acknowledged || self_massage
    }

    fn start_selected(&mut self) {
        let one_off = self.one_off_minutes.take();
        if let Some(routine) = self.selected_routine() {
            let choice = self.choice_for(routine.id(), one_off);
            let plan = Plan::new(self.fitted(routine, choice).run, self.settings.timing());
            self.begin(plan);
        }
    }

    /// Stops the routine and shows how far it got.
    fn stop_routine(&mut self) {
        self.conductor.command(Session::stop);
        self.show_ending();
    }

    /// Moves from the player to the finished screen, with the session's summary; logs the run
    /// and asks the pain question after it, if due.
    pub(super) fn show_ending(&mut self) {
        // The routine is over: nothing is left to resume when a dialog closes.
        self.resume_after_dialog = false;
        let record = self.log_run(false);
        let questions = match &self.screen {
            Screen::Player(run) => run.questions,
            Screen::Home
            | Screen::BeforeStart { .. }
            | Screen::Finished(_)
            | Screen::Editor(_)
            | Screen::History(_) => crate::core::history::PainQuestions::default(),
        };
        let ending = self.conductor.read(|session, now| {
            session.map(|s| Ending::new(s.plan().run().name().to_owned(), s.summary(now)))
        });
        self.conductor.clear();
        self.screen = ending.map_or(Screen::Home, Screen::Finished);
        self.ask_after(record, questions);
    }
}

/// `folder` + `stem.extension`, or `stem-2.extension`, `stem-3.extension`… whichever is not
/// taken yet (after 99 tries, the last one: the chooser then says it is taken).
fn free_file_name(folder: &str, stem: &str, extension: &str) -> String {
    let candidates = std::iter::once(format!("{stem}.{extension}"))
        .chain((2..=99).map(|n| format!("{stem}-{n}.{extension}")));
    let mut last = String::new();
    for name in candidates {
        last = format!("{folder}{name}");
        if !std::path::Path::new(&paths::expand_home(&last)).exists() {
            break;
        }
    }
    last
}
