//! The desktop app: owns the state, ticks the session, applies the panels' commands.
//!
//! [`UnknotApp`] is built from an [`AppConfig`] that says where time, sound and files come
//! from, so tests run the real app with a manual clock, a recording player and a temporary
//! folder. Each frame, `logic` ticks the session (cues also play from the conductor's timer
//! thread, so they stay on time while the window is minimised) and asks for the next repaint
//! exactly when the shown second changes; nothing repaints while paused or idle.

use std::sync::Arc;

use egui::{Key, Modifiers, RichText};

use crate::bench::{BenchOptions, FrameStats, StartedPlan};
use crate::clock::{Clock, SystemClock};
use crate::conductor::Conductor;
use crate::cue::{
    AudioStatus, CueLog, CuePlayer, RecordingPlayer, SilentPlayer, open_default_player,
};
use crate::fit::{self, Fitted, LengthChoice};
use crate::plan::Plan;
use crate::routine::Routine;
use crate::session::{Session, State};
use crate::store::Store;
use crate::store::routines::{
    Clash, Deleted, ImportChoice, Listed, Origin, RoutineStore, all_routines, duplicate, export,
    read_import,
};
use crate::store::settings::{self, Settings, ThemeChoice, WindowSize};
use crate::ui::editor::{EditorAction, EditorState};
use crate::ui::{self, Command, theme};

/// What to open straight into, from `unknot start ID [--minutes N]`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StartRequest {
    /// The routine's id.
    pub routine_id: String,
    /// A whole-routine target length, in minutes.
    pub minutes: Option<u32>,
}

/// Where the app gets time, sound and files from.
pub struct AppConfig {
    /// The clock the session runs on.
    pub clock: Arc<dyn Clock>,
    /// Where cues are played.
    pub player: Box<dyn CuePlayer>,
    /// Opens the real sound output off the UI thread, replacing `player` once open.
    pub open_player: Option<Box<dyn FnOnce() -> Box<dyn CuePlayer> + Send>>,
    /// Where settings and routines are kept; `None` keeps nothing (and says so).
    pub store: Option<Store>,
    /// A routine to open straight into.
    pub start: Option<StartRequest>,
    /// Play cues from a timer thread (the real app) rather than only from frames (tests).
    pub timer_thread: bool,
    /// Measurement hooks for the benchmark (all off by default).
    pub bench: BenchOptions,
    /// What the recording player heard, when the benchmark records cues.
    pub cue_log: Option<CueLog>,
}

impl AppConfig {
    /// The real thing: the system clock, the default sound output, this machine's folders.
    #[must_use]
    pub fn for_this_machine(start: Option<StartRequest>) -> Self {
        let bench = BenchOptions::from_env();
        let (player, cue_log, open_player): (Box<dyn CuePlayer>, _, _) = if bench.record_cues {
            let (player, log) = RecordingPlayer::new();
            (Box::new(player), Some(log), None)
        } else {
            let opening = SilentPlayer::new(AudioStatus::Unavailable {
                reason: "The sound output is still opening.".to_owned(),
            });
            let open: Box<dyn FnOnce() -> Box<dyn CuePlayer> + Send> =
                Box::new(open_default_player);
            (Box::new(opening), None, Some(open))
        };
        Self {
            clock: Arc::new(SystemClock),
            player,
            open_player,
            store: Store::for_this_machine(),
            start,
            timer_thread: true,
            bench,
            cue_log,
        }
    }

    /// A test set-up: the given clock, player and folder; no timer thread, no measuring.
    #[must_use]
    pub fn for_tests(clock: Arc<dyn Clock>, player: Box<dyn CuePlayer>, store: Store) -> Self {
        Self {
            clock,
            player,
            open_player: None,
            store: Some(store),
            start: None,
            timer_thread: false,
            bench: BenchOptions::default(),
            cue_log: None,
        }
    }
}

/// How long after the shown second changes the window redraws.
const REPAINT_MARGIN: std::time::Duration = std::time::Duration::from_millis(4);

/// Which screen is showing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    /// Choose a routine and its length.
    Home,
    /// The red flags (first time) and self-massage cautions before a routine.
    BeforeStart,
    /// Making or changing a routine of the person's own.
    Editor,
    /// A routine is running (or paused).
    Player,
    /// The routine reached its end.
    Finished,
}

/// The whole app's state.
#[allow(
    clippy::struct_excessive_bools,
    reason = "independent on/off flags for windows and pending saves, not a state machine"
)]
pub struct UnknotApp {
    conductor: Conductor,
    store: Option<Store>,
    settings: Settings,
    settings_dirty: bool,
    own: Option<RoutineStore>,
    routines: Vec<Listed>,
    editor: Option<EditorState>,
    confirm_discard: bool,
    close_after_discard: bool,
    close_window: bool,
    undo: Option<(Deleted, String)>,
    import: Option<ui::dialogs::ImportFlow>,
    selected: Option<String>,
    screen: Screen,
    last_plan: Option<Plan>,
    confirm_stop: bool,
    show_settings: bool,
    show_keys: bool,
    show_learn: bool,
    show_red_flags: bool,
    safety_ticked: bool,
    learn: ui::learn::LearnState,
    notices: Vec<String>,
    audio: AudioStatus,
    /// The "sound is off" notice was shown (once per run).
    audio_notice_shown: bool,
    theme_applied: Option<ThemeChoice>,
    bench: BenchOptions,
    stats: FrameStats,
    cue_log: Option<CueLog>,
    started_plan: Option<StartedPlan>,
    /// The window's size as last seen in a normal state, kept in the settings on exit.
    window_size: Option<WindowSize>,
}

impl UnknotApp {
    /// Builds the app on an egui context (the window's, or a test harness's).
    #[must_use]
    pub fn new(ctx: &egui::Context, config: AppConfig) -> Self {
        let mut notices = Vec::new();
        let settings = if let Some(store) = &config.store {
            let loaded = settings::load(&store.settings_path());
            notices.extend(loaded.notice);
            loaded.settings
        } else {
            notices.push(
                "No folder for settings was found on this system, so nothing you change will be kept."
                    .to_owned(),
            );
            Settings::default()
        };
        let repaint = ctx.clone();
        let conductor = Conductor::new(
            config.clock,
            config.player,
            settings.clone(),
            Box::new(move || repaint.request_repaint()),
            config.timer_thread,
        );
        if let Some(open) = config.open_player {
            conductor.open_player_in_background(open);
        }
        let audio = conductor.audio_status();
        // Ctrl-Q should not end a routine by accident; closing the window still works.
        ctx.options_mut(|o| o.quit_shortcuts.clear());
        let own = config.store.as_ref().map(RoutineStore::new);
        let (routines, problems) = all_routines(own.as_ref());
        notices.extend(problems.into_iter().map(|p| {
            format!(
                "One of your routine files could not be loaded and was left as it is. {}",
                p.message
            )
        }));
        let mut app = Self {
            conductor,
            store: config.store,
            settings,
            settings_dirty: false,
            selected: routines.first().map(|l| l.routine.id.clone()),
            own,
            routines,
            editor: None,
            confirm_discard: false,
            close_after_discard: false,
            close_window: false,
            undo: None,
            import: None,
            screen: Screen::Home,
            last_plan: None,
            confirm_stop: false,
            show_settings: false,
            show_keys: false,
            show_learn: false,
            show_red_flags: false,
            safety_ticked: false,
            learn: ui::learn::LearnState::default(),
            notices,
            audio,
            audio_notice_shown: false,
            theme_applied: None,
            bench: config.bench,
            stats: FrameStats::default(),
            cue_log: config.cue_log,
            started_plan: None,
            window_size: None,
        };
        if let Some(start) = config.start {
            app.open_straight_into(&start);
        }
        app
    }

    fn open_straight_into(&mut self, start: &StartRequest) {
        if !self
            .routines
            .iter()
            .any(|l| l.routine.id == start.routine_id)
        {
            self.notices.push(format!(
                "There is no routine called '{}'.",
                start.routine_id
            ));
            return;
        }
        self.selected = Some(start.routine_id.clone());
        if let Some(minutes) = start.minutes {
            let choice = self
                .settings
                .lengths
                .entry(start.routine_id.clone())
                .or_default();
            choice.target_minutes = Some(minutes);
            self.settings_dirty = true;
        }
        self.apply(Command::Start);
    }

    /// The screen showing now.
    #[must_use]
    pub fn screen(&self) -> Screen {
        self.screen
    }

    /// The settings in use.
    #[must_use]
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Every routine listed, built-in and the person's own.
    #[must_use]
    pub fn routines(&self) -> &[Listed] {
        &self.routines
    }

    /// The notices currently shown.
    #[must_use]
    pub fn notices(&self) -> &[String] {
        &self.notices
    }

    fn selected_listed(&self) -> Option<&Listed> {
        let id = self.selected.as_deref()?;
        self.routines.iter().find(|l| l.routine.id == id)
    }

    fn selected_routine(&self) -> Option<&Routine> {
        self.selected_listed().map(|l| &l.routine)
    }

    /// Reads the routine list again (after a save, delete or import) and selects `select`.
    fn reload_routines(&mut self, select: Option<String>) {
        let (routines, _) = all_routines(self.own.as_ref());
        self.routines = routines;
        let still_there = |id: &String| self.routines.iter().any(|l| l.routine.id == *id);
        self.selected = select
            .filter(still_there)
            .or_else(|| self.selected.clone().filter(still_there))
            .or_else(|| self.routines.first().map(|l| l.routine.id.clone()));
    }

    fn taken(&self) -> (Vec<&str>, Vec<&str>) {
        let ids = self
            .routines
            .iter()
            .map(|l| l.routine.id.as_str())
            .collect();
        let names = self
            .routines
            .iter()
            .map(|l| l.routine.name.as_str())
            .collect();
        (ids, names)
    }

    fn open_editor(&mut self, state: EditorState) {
        self.editor = Some(state);
        self.confirm_discard = false;
        self.screen = Screen::Editor;
    }

    fn leave_editor(&mut self) {
        self.editor = None;
        self.confirm_discard = false;
        self.screen = Screen::Home;
    }

    fn notify(&mut self, message: String) {
        if !self.notices.contains(&message) {
            self.notices.push(message);
        }
    }

    /// Applies the routine-library commands: new, copy, edit, save, delete, import, export.
    fn apply_library(&mut self, command: Command) {
        let Some(own) = self.own.as_ref() else {
            self.notify(
                "There is no folder for your own routines on this system, so they cannot be kept."
                    .to_owned(),
            );
            return;
        };
        match command {
            Command::NewRoutine => {
                let (ids, _) = self.taken();
                let id = own.unique_id("my-routine", &ids);
                self.open_editor(EditorState::new_routine(id));
            }
            Command::MakeItMine => {
                if let Some(original) = self.selected_routine() {
                    let (ids, names) = self.taken();
                    let copy = duplicate(original, &ids, &names, own);
                    let mut state = EditorState::edit(copy);
                    // Not saved yet: leaving the editor asks before dropping the copy.
                    state.original = None;
                    self.open_editor(state);
                }
            }
            Command::EditRoutine => {
                if let Some(listed) = self.selected_listed().filter(|l| l.origin == Origin::Custom) {
                    let state = EditorState::edit(listed.routine.clone());
                    self.open_editor(state);
                }
            }
            Command::Editor(EditorAction::Save(routine)) => match own.save(&routine) {
                Ok(_) => {
                    self.leave_editor();
                    self.reload_routines(Some(routine.id));
                }
                Err(error) => self.notify(format!(
                    "Your routine could not be saved ({error}). Your changes are still in the editor."
                )),
            },
            Command::Editor(EditorAction::Cancel) => {
                if self.editor.as_ref().is_some_and(EditorState::is_dirty) {
                    self.confirm_discard = true;
                } else {
                    self.leave_editor();
                }
            }
            Command::DeleteRoutine => {
                let Some(listed) = self.selected_listed().filter(|l| l.origin == Origin::Custom) else {
                    return;
                };
                let name = listed.routine.name.clone();
                match own.delete(&listed.routine.id) {
                    Ok(deleted) => {
                        self.undo = Some((deleted, name));
                        self.reload_routines(None);
                    }
                    Err(error) => self.notify(format!("The routine could not be deleted: {error}")),
                }
            }
            Command::UndoDelete => {
                if let Some((deleted, _)) = self.undo.take() {
                    match own.undo_delete(&deleted) {
                        Ok(()) => self.reload_routines(Some(deleted.id)),
                        Err(error) => self.notify(format!("The routine could not be restored: {error}")),
                    }
                }
            }
            Command::PickImport => {
                let picked = rfd::FileDialog::new()
                    .set_title("Import a routine")
                    .add_filter("Unknot routine", &["toml"])
                    .pick_file();
                if let Some(path) = picked {
                    self.apply_library(Command::ImportFile(path));
                }
            }
            Command::ImportFile(path) => match read_import(&path) {
                Err(error) => {
                    self.import = Some(ui::dialogs::ImportFlow::Rejected {
                        file: path.display().to_string(),
                        problems: error.to_string(),
                    });
                }
                Ok(incoming) => {
                    let existing: Vec<Routine> =
                        self.routines.iter().map(|l| l.routine.clone()).collect();
                    match own.clash(&incoming, &existing) {
                        Clash::None => self.finish_import(incoming, ImportChoice::KeepBoth),
                        clash => self.import = Some(ui::dialogs::ImportFlow::Clash { incoming, clash }),
                    }
                }
            },
            Command::ResolveImport(choice) => {
                if let Some(ui::dialogs::ImportFlow::Clash { incoming, .. }) = self.import.take() {
                    self.finish_import(incoming, choice);
                }
            }
            Command::PickExport => {
                let Some(routine) = self.selected_routine().cloned() else {
                    return;
                };
                let picked = rfd::FileDialog::new()
                    .set_title("Export a routine")
                    .set_file_name(format!("{}.toml", routine.id))
                    .add_filter("Unknot routine", &["toml"])
                    .save_file();
                if let Some(path) = picked {
                    match export(&routine, &path) {
                        Ok(()) => self.notify(format!("Exported \"{}\" to {}.", routine.name, path.display())),
                        Err(error) => self.notify(format!("The routine could not be exported: {error}")),
                    }
                }
            }
            _ => {}
        }
    }

    fn finish_import(&mut self, incoming: Routine, choice: ImportChoice) {
        let Some(own) = self.own.as_ref() else { return };
        let (ids, names) = self.taken();
        match own.import(incoming, choice, &ids, &names) {
            Ok(saved) => {
                self.import = None;
                let message = format!("Imported \"{}\".", saved.name);
                self.reload_routines(Some(saved.id));
                self.notify(message);
            }
            Err(error) => {
                self.import = None;
                self.notify(format!("The routine could not be imported: {error}"));
            }
        }
    }

    fn choice_for(&self, id: &str) -> LengthChoice {
        self.settings.lengths.get(id).cloned().unwrap_or_default()
    }

    fn sized(&self, routine: &Routine) -> Fitted {
        fit::fit(
            routine,
            &self.choice_for(&routine.id),
            self.settings.timing(),
        )
    }

    /// A copy of the session as it is now, with the instant it was read at.
    fn session_now(&self) -> Option<(Session, std::time::Instant)> {
        self.conductor
            .read(|session, now| session.cloned().map(|s| (s, now)))
    }

    fn apply(&mut self, command: Command) {
        match command {
            Command::SelectRoutine(id) => self.selected = Some(id),
            Command::SetLength(choice) => {
                if let Some(id) = self.selected.clone() {
                    if choice == LengthChoice::default() {
                        self.settings.lengths.remove(&id);
                    } else {
                        self.settings.lengths.insert(id, choice);
                    }
                    self.settings_dirty = true;
                }
            }
            Command::Start => {
                if let Some(routine) = self.selected_routine() {
                    if self.needs_before_start(routine) {
                        self.safety_ticked = false;
                        self.screen = Screen::BeforeStart;
                    } else {
                        self.start_selected();
                    }
                }
            }
            Command::ConfirmStart => {
                if self.safety_ticked && !self.settings.safety_acknowledged {
                    self.settings.safety_acknowledged = true;
                    self.settings_dirty = true;
                }
                if self.settings.safety_acknowledged {
                    self.start_selected();
                }
            }
            Command::Again => {
                if let Some(plan) = self.last_plan.clone() {
                    self.begin(plan);
                }
            }
            Command::TogglePause => self.conductor.command(Session::toggle_pause),
            Command::Back => self.conductor.command(Session::back),
            Command::Skip => self.conductor.command(Session::skip),
            Command::AskStop => self.confirm_stop = true,
            Command::CancelStop => self.confirm_stop = false,
            Command::ConfirmStop => {
                self.conductor.command(Session::stop);
                self.conductor.clear();
                self.confirm_stop = false;
                self.screen = Screen::Home;
            }
            Command::Home => {
                self.conductor.clear();
                self.screen = Screen::Home;
            }
            Command::ToggleSettings => self.show_settings = !self.show_settings,
            Command::ToggleKeys => self.show_keys = !self.show_keys,
            Command::ToggleLearn => self.show_learn = !self.show_learn,
            Command::ToggleRedFlags => self.show_red_flags = !self.show_red_flags,
            Command::UpdateSettings(settings) => {
                self.settings = *settings;
                self.conductor.set_settings(&self.settings);
                self.settings_dirty = true;
            }
            Command::TestSound(cue) => self.conductor.test_sound(cue),
            Command::DismissNotice(index) => {
                if index < self.notices.len() {
                    self.notices.remove(index);
                }
            }
            Command::DiscardEdits => {
                self.leave_editor();
                self.close_window = std::mem::take(&mut self.close_after_discard);
            }
            Command::KeepEditing => {
                self.confirm_discard = false;
                self.close_after_discard = false;
            }
            Command::CancelImport => self.import = None,
            library @ (Command::NewRoutine
            | Command::MakeItMine
            | Command::EditRoutine
            | Command::DeleteRoutine
            | Command::UndoDelete
            | Command::PickImport
            | Command::ImportFile(_)
            | Command::ResolveImport(_)
            | Command::PickExport
            | Command::Editor(_)) => self.apply_library(library),
        }
    }

    /// Whether a "before you start" screen is due: the red flags were never acknowledged, or
    /// the routine uses self-massage.
    fn needs_before_start(&self, routine: &Routine) -> bool {
        let self_massage = routine
            .steps
            .iter()
            .any(|s| s.kind == crate::routine::StepKind::SelfMassage);
        !self.settings.safety_acknowledged || self_massage
    }

    fn start_selected(&mut self) {
        if let Some(routine) = self.selected_routine() {
            let plan = Plan::new(self.sized(routine).routine, self.settings.timing());
            self.begin(plan);
        }
    }

    fn begin(&mut self, plan: Plan) {
        if self.bench.active() {
            self.started_plan = Some(StartedPlan {
                at: self.conductor.now(),
                plan: plan.clone(),
            });
        }
        self.conductor.start(plan.clone());
        self.last_plan = Some(plan);
        self.screen = Screen::Player;
    }

    /// Counts the frame and applies the benchmark's exit rules.
    fn measure_frame(&mut self, ctx: &egui::Context) {
        self.stats.passes += 1;
        let frame_nr = ctx.cumulative_frame_nr();
        if self.stats.last_frame_nr != Some(frame_nr) {
            self.stats.last_frame_nr = Some(frame_nr);
            self.stats.frames += 1;
        }
        if !self.bench.active() {
            return;
        }
        if self.stats.first_frame.is_none() {
            self.stats.first_frame = Some(crate::bench::process_started().elapsed());
        }
        if let Some(after) = self.bench.exit_after {
            // A repaint request lasts until the next frame: renew the one that ends the run.
            ctx.request_repaint_after(after.saturating_sub(self.stats.since.elapsed()));
        }
        let first_frame_done = self.bench.first_frame_only && self.stats.frames >= 2;
        let time_up = self
            .bench
            .exit_after
            .is_some_and(|after| self.stats.since.elapsed() >= after);
        if first_frame_done || time_up {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        } else if self.bench.first_frame_only {
            ctx.request_repaint();
        }
    }

    /// Saves the settings if they changed, unless a slider is still being dragged.
    fn save_settings_if_changed(&mut self, pointer_down: bool) {
        if !self.settings_dirty || pointer_down {
            return;
        }
        self.settings_dirty = false;
        let Some(store) = &self.store else { return };
        if let Err(error) = settings::save(&store.settings_path(), &self.settings) {
            let message = format!(
                "Your settings could not be saved ({error}). They stay in use until you close Unknot."
            );
            if !self.notices.contains(&message) {
                self.notices.push(message);
            }
        }
    }

    /// Keyboard shortcuts, read before any widget so a focused button cannot also take them.
    fn shortcuts(&self, ctx: &egui::Context) -> Vec<Command> {
        let mut commands = Vec::new();
        let text_focus = ctx.text_edit_focused();
        if text_focus {
            return commands;
        }
        ctx.input_mut(|input| {
            let mut pressed = |key| input.consume_key(Modifiers::NONE, key);
            if self.confirm_stop {
                if pressed(Key::Enter) {
                    commands.push(Command::ConfirmStop);
                } else if pressed(Key::Escape) {
                    commands.push(Command::CancelStop);
                }
                return;
            }
            match self.screen {
                Screen::Player => {
                    if pressed(Key::Space) {
                        commands.push(Command::TogglePause);
                    }
                    if pressed(Key::ArrowLeft) {
                        commands.push(Command::Back);
                    }
                    if pressed(Key::ArrowRight) {
                        commands.push(Command::Skip);
                    }
                    if pressed(Key::Escape) {
                        commands.push(Command::AskStop);
                    }
                }
                Screen::Home => {
                    if !self.show_settings && !self.show_keys && pressed(Key::Enter) {
                        commands.push(Command::Start);
                    }
                }
                Screen::Finished | Screen::BeforeStart | Screen::Editor => {}
            }
            if input.consume_key(Modifiers::NONE, Key::Questionmark)
                || input.consume_key(Modifiers::SHIFT, Key::Questionmark)
                || input.consume_key(Modifiers::SHIFT, Key::Slash)
            {
                commands.push(Command::ToggleKeys);
            }
        });
        commands
    }

    fn top_bar_ui(&self, ui: &mut egui::Ui) -> Vec<Command> {
        let mut commands = Vec::new();
        let palette = theme::Palette::of(ui.visuals());
        ui.horizontal(|ui| {
            ui.label(
                RichText::new("Unknot")
                    .size(22.0)
                    .strong()
                    .color(palette.accent),
            );
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button("?").on_hover_text("Keyboard shortcuts").clicked() {
                    commands.push(Command::ToggleKeys);
                }
                if ui.button("Settings").clicked() {
                    commands.push(Command::ToggleSettings);
                }
                if ui
                    .add(egui::Button::selectable(self.show_learn, "Learn"))
                    .on_hover_text("How massage may help back pain, honestly")
                    .clicked()
                {
                    commands.push(Command::ToggleLearn);
                }
                let red_flags = RichText::new("Red flags").color(palette.danger).strong();
                if ui
                    .button(red_flags)
                    .on_hover_text("Signs that back pain needs a doctor")
                    .clicked()
                {
                    commands.push(Command::ToggleRedFlags);
                }
                if !self.audio.is_available() {
                    ui.label(RichText::new("Sound unavailable").color(palette.caution))
                        .on_hover_text(self.audio.to_string());
                } else if self.settings.muted {
                    ui.label(RichText::new("Muted").color(palette.quiet));
                }
            });
        });
        commands
    }

    fn notices_ui(&self, ui: &mut egui::Ui) -> Vec<Command> {
        let mut commands = Vec::new();
        let palette = theme::Palette::of(ui.visuals());
        if let Some((_, name)) = &self.undo {
            ui.horizontal(|ui| {
                if ui.small_button("Undo").clicked() {
                    commands.push(Command::UndoDelete);
                }
                ui.label(format!("Deleted \"{name}\"."));
            });
        }
        for (index, notice) in self.notices.iter().enumerate() {
            ui.horizontal_top(|ui| {
                if ui.small_button("Dismiss").clicked() {
                    commands.push(Command::DismissNotice(index));
                }
                ui.add(egui::Label::new(RichText::new(notice).color(palette.caution)).wrap());
            });
        }
        commands
    }
}

impl eframe::App for UnknotApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.stats.logic_passes += 1;
        self.window_size = normal_window_size(ctx).or(self.window_size);
        self.audio = self.conductor.audio_status();
        if let AudioStatus::Unavailable { reason } = &self.audio {
            let opening = self.conductor.player_pending();
            if !self.audio_notice_shown && !opening {
                self.audio_notice_shown = true;
                self.notices.push(format!("Sound is off. {reason}"));
            }
        }
        if self
            .bench
            .exit_after
            .is_some_and(|after| self.stats.since.elapsed() >= after)
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        self.conductor.pump();
        let (state, wait) = self.conductor.read(|session, now| {
            (
                session.map(Session::state),
                session.and_then(|s| s.until_next_change(now)),
            )
        });
        let closing = ctx.input(|i| i.viewport().close_requested());
        if closing && self.editor.as_ref().is_some_and(EditorState::is_dirty) {
            // Never lose edits silently: ask first, and close once they are discarded.
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.confirm_discard = true;
            self.close_after_discard = true;
        }
        if self.screen == Screen::Player && state == Some(State::Finished) {
            self.screen = Screen::Finished;
            self.confirm_stop = false;
        }
        // Redraw when the shown second changes (a few ms after, so it has surely changed);
        // not at all while minimised or hidden: the conductor's thread plays the cues.
        let hidden = ctx.input(|i| i.viewport().visible() == Some(false));
        if let Some(wait) = wait.filter(|_| !hidden) {
            ctx.request_repaint_after(wait + REPAINT_MARGIN);
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        if self.theme_applied != Some(self.settings.theme) {
            theme::apply(&ctx, self.settings.theme);
            self.theme_applied = Some(self.settings.theme);
        }
        ctx.accesskit_node_builder(egui::accesskit_root_id(), |node| node.set_label("Unknot"));
        let mut commands = self.shortcuts(&ctx);

        egui::Panel::top("top-bar").show(ui, |ui| {
            commands.extend(self.top_bar_ui(ui));
        });
        if !self.notices.is_empty() || self.undo.is_some() {
            egui::Panel::bottom("notices").show(ui, |ui| {
                commands.extend(self.notices_ui(ui));
            });
        }
        if self.show_learn {
            egui::Panel::right("learn")
                .resizable(true)
                .default_size(500.0)
                .size_range(320.0..=600.0)
                .show(ui, |ui| {
                    ui.horizontal(|ui| {
                        ui.label(RichText::new("Learn").size(20.0).strong());
                        if ui.button("Close Learn").clicked() {
                            commands.push(Command::ToggleLearn);
                        }
                    });
                    ui::learn::learn_ui(ui, &mut self.learn);
                });
        }
        match self.screen {
            Screen::BeforeStart => {
                let routine = self.selected_routine();
                let view = ui::safety::BeforeStart {
                    routine_name: routine.map_or("", |r| r.name.as_str()),
                    needs_acknowledgement: !self.settings.safety_acknowledged,
                    self_massage: routine.is_some_and(|r| {
                        r.steps
                            .iter()
                            .any(|s| s.kind == crate::routine::StepKind::SelfMassage)
                    }),
                };
                let mut ticked = self.safety_ticked;
                central_panel(ui).show(ui, |ui| {
                    commands.extend(ui::safety::before_start_ui(ui, &view, &mut ticked));
                });
                self.safety_ticked = ticked;
            }
            Screen::Editor => {
                if let Some(state) = self.editor.as_mut() {
                    central_panel(ui).show(ui, |ui| {
                        commands.extend(ui::editor::editor_ui(ui, state).map(Command::Editor));
                    });
                }
            }
            Screen::Home => {
                commands.extend(ui::dialogs::dropped_routine_files(&ctx));
                let routine = self.selected_listed();
                let choice = routine
                    .map(|l| self.choice_for(&l.routine.id))
                    .unwrap_or_default();
                let sized = routine.map(|l| self.sized(&l.routine));
                let view = ui::home::HomeView {
                    routines: &self.routines,
                    selected: routine.zip(sized.as_ref()).map(|(r, s)| (r, &choice, s)),
                    timing: self.settings.timing(),
                };
                egui::Panel::left("routines")
                    .resizable(true)
                    .default_size(330.0)
                    .show(ui, |ui| {
                        commands.extend(ui::home::routine_list_ui(ui, &view));
                    });
                central_panel(ui).show(ui, |ui| {
                    commands.extend(ui::home::routine_detail_ui(ui, &view));
                });
            }
            Screen::Player => {
                central_panel(ui).show(ui, |ui| {
                    if let Some((session, now)) = self.session_now() {
                        let view = session.view(now);
                        let plan = session.plan();
                        commands.extend(ui::player::player_ui(
                            ui,
                            &plan.routine.name,
                            plan.routine.steps.len(),
                            &view,
                        ));
                    }
                });
            }
            Screen::Finished => {
                central_panel(ui).show(ui, |ui| {
                    if let Some((session, now)) = self.session_now() {
                        commands.extend(ui::finished::finished_ui(
                            ui,
                            &session.plan().routine.name,
                            &session.summary(now),
                        ));
                    }
                });
            }
        }
        if self.confirm_stop {
            commands.extend(ui::player::confirm_stop_ui(&ctx));
        }
        if self.show_settings {
            commands.extend(ui::settings::settings_ui(&ctx, &self.settings, &self.audio));
        }
        if self.show_keys {
            commands.extend(ui::keys::keys_ui(&ctx));
        }
        if self.show_red_flags {
            commands.extend(ui::dialogs::red_flags_window(&ctx));
        }
        if self.confirm_discard {
            commands.extend(ui::dialogs::confirm_discard_ui(&ctx));
        }
        if let Some(flow) = &self.import {
            commands.extend(ui::dialogs::import_window(&ctx, flow));
        }
        let had_commands = !commands.is_empty();
        for command in commands {
            self.apply(command);
        }
        if std::mem::take(&mut self.close_window) {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        if had_commands {
            ctx.request_repaint();
        }
        let pointer_down = ctx.input(|i| i.pointer.any_down());
        self.save_settings_if_changed(pointer_down);
        self.measure_frame(&ctx);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.keep_window_size();
        self.save_settings_if_changed(false);
        if let Some(path) = &self.bench.stats_path {
            let text = crate::bench::report(
                &self.stats,
                self.started_plan.as_ref(),
                self.cue_log.as_ref(),
            );
            if let Err(e) = std::fs::write(path, text) {
                eprintln!(
                    "unknot: could not write benchmark statistics to {}: {e}",
                    path.display()
                );
            }
        }
    }

    fn clear_color(&self, visuals: &egui::Visuals) -> [f32; 4] {
        visuals.panel_fill.to_normalized_gamma_f32()
    }

    fn save(&mut self, _storage: &mut dyn eframe::Storage) {
        self.save_settings_if_changed(false);
    }
}

/// The central panel without a fill of its own: the window is cleared to the panel colour
/// instead (see `clear_color`), which saves shading every pixel twice on each frame.
fn central_panel(ui: &egui::Ui) -> egui::CentralPanel {
    egui::CentralPanel::default()
        .frame(egui::Frame::central_panel(ui.style()).fill(egui::Color32::TRANSPARENT))
}

/// The window icon, from `assets/icon.png`.
fn icon() -> Option<egui::IconData> {
    eframe::icon_data::from_png_bytes(include_bytes!("../assets/icon.png")).ok()
}

/// Why the app cannot open a window here, if that is clear before trying.
fn missing_display() -> Option<&'static str> {
    let unix_desktop = cfg!(all(unix, not(target_os = "macos")));
    let has = |name| std::env::var_os(name).is_some_and(|v| !v.is_empty());
    (unix_desktop && !has("DISPLAY") && !has("WAYLAND_DISPLAY")).then_some(
        "cannot open a window: no display found (neither DISPLAY nor WAYLAND_DISPLAY is set). \
         The command line still works: try `unknot list` or `unknot show ID`.",
    )
}

/// Opens the window and runs until it is closed.
pub fn run(start: Option<StartRequest>) -> anyhow::Result<()> {
    if let Some(reason) = missing_display() {
        anyhow::bail!(reason);
    }
    // The size the window had when last closed, from Unknot's own settings (see below).
    let size = Store::for_this_machine()
        .and_then(|store| settings::saved_window_size(&store.settings_path()))
        .map_or([1180.0, 760.0], |size| [size.width, size.height]);
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Unknot")
        .with_app_id("unknot")
        .with_inner_size(size)
        .with_min_inner_size([WindowSize::MIN.width, WindowSize::MIN.height]);
    if let Some(icon) = icon() {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions {
        viewport,
        // eframe's own storage (window.ron) is written in place and through links; eframe is
        // built without it, and the window size goes into settings.toml, written atomically.
        persist_window: false,
        // Unknot's flat colours show no banding, and without dithering every pixel of every
        // frame costs less to shade (measured: see the README's Performance section).
        dithering: false,
        ..Default::default()
    };
    eframe::run_native(
        "unknot",
        options,
        Box::new(move |cc| {
            Ok(Box::new(UnknotApp::new(
                &cc.egui_ctx,
                AppConfig::for_this_machine(start),
            )))
        }),
    )
    .map_err(|e| anyhow::anyhow!("cannot open a window: {e}"))
}

// Window size, kept in Unknot's own settings (issue 12). -------------------------------------

impl UnknotApp {
    /// Puts the window's last normal size into the settings (saved on exit like any change).
    fn keep_window_size(&mut self) {
        let size = self.window_size.and_then(WindowSize::sanitised);
        if size.is_some() && size != self.settings.window {
            self.settings.window = size;
            self.settings_dirty = true;
        }
    }
}

/// The window's inside size now, unless it is minimised, maximised or full screen (then the
/// size to come back to is the one before).
fn normal_window_size(ctx: &egui::Context) -> Option<WindowSize> {
    ctx.input(|i| {
        let viewport = i.viewport();
        let special = [viewport.minimized, viewport.maximized, viewport.fullscreen]
            .into_iter()
            .any(|state| state == Some(true));
        let rect = viewport.inner_rect?;
        (!special && rect.width() > 0.0 && rect.height() > 0.0).then(|| WindowSize {
            width: rect.width(),
            height: rect.height(),
        })
    })
}
