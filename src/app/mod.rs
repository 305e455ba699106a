//! The desktop app: owns the state, ticks the session, applies the panels' commands.
//!
//! [`UnknotApp`] is built from an [`AppConfig`] that says where time, sound, files and file
//! dialogs come from, so tests run the real app with a manual clock, a recording player, a
//! recording dialog and a temporary folder. The app shows one [`Screen`] (each variant owns its
//! state) and at most one dialog ([`Modal`]), which takes the keys first. `commands.rs` applies
//! the panels' commands with exhaustive matches; `frame.rs` reads keys, draws a frame and says
//! when the next one is due. Each frame, `logic` ticks the session (cues also play from the
//! conductor's timer thread, so they stay on time while the window is minimised) and asks for
//! the next repaint exactly when the shown second changes; nothing repaints while paused or idle.

pub mod bench;
mod commands;
pub mod dialogs;
mod frame;
pub mod handoff;
mod history;
pub mod pace;
mod programme;
mod reminders;
mod screen;
mod session_maker;

pub use screen::{HistoryScreen, Run, Screen, ScreenKind};

use std::sync::Arc;

use crate::app::bench::{BenchOptions, FrameStats, StartedPlan};
use crate::app::dialogs::{FileDialogs, SystemDialogs};
use crate::core::fit::{self, Fitted, LengthChoice};
use crate::core::length;
use crate::core::plan::Plan;
use crate::core::routine::Routine;
use crate::core::session::Session;
use crate::core::settings::{Settings, ThemeChoice, WindowSize};
use crate::playback::clock::{Clock, SystemClock};
use crate::playback::conductor::Conductor;
use crate::playback::cue::{AudioStatus, CueLog, CuePlayer, RecordingPlayer, SilentPlayer};
use crate::playback::output::{Outputs, open_default_outputs};
use crate::store::Store;
use crate::store::history::HistoryStore;
use crate::store::routines::{DeletedRoutine, Listed, RoutineStore, all_routines, grouped};
use crate::store::settings;
use crate::ui::dialogs::Modal;
use crate::ui::learn::LearnState;
use crate::ui::{Command, HomeCommand, Notice};

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
    /// Opens the real sound output (chimes and voice) off the UI thread, replacing `player`
    /// once open.
    pub open_outputs: Option<Box<dyn FnOnce() -> Outputs + Send>>,
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
    /// How files are chosen for import and export.
    pub dialogs: Box<dyn FileDialogs>,
    /// Where spoken lines go (tests); `None`: the voice's own output on the real machine, or
    /// silence (and chimes in its place) in tests.
    pub speaker: Option<Box<dyn crate::playback::speech::Speaker>>,
    /// The person's home folder: where the in-app file chooser offers to export.
    pub home_folder: Option<std::path::PathBuf>,
    /// Start the reminder process and test reminders as child processes of this binary (the
    /// real app; never in tests, where this binary is the test runner).
    pub run_reminder_processes: bool,
    /// Where to listen for reminders' Start ([`handoff`]); `None` listens nowhere.
    pub handoff_socket: Option<std::path::PathBuf>,
}

impl AppConfig {
    /// The real thing: the system clock, the default sound output, this machine's folders.
    #[must_use]
    pub fn for_this_machine(start: Option<StartRequest>) -> Self {
        let bench = BenchOptions::from_env();
        let (player, cue_log, open_outputs): (Box<dyn CuePlayer>, _, _) = if bench.record_cues {
            let (player, log) = RecordingPlayer::new();
            (Box::new(player), Some(log), None)
        } else {
            let opening = SilentPlayer::new(AudioStatus::Unavailable {
                reason: "The sound output is still opening.".to_owned(),
            });
            let open: Box<dyn FnOnce() -> Outputs + Send> = Box::new(open_default_outputs);
            (Box::new(opening), None, Some(open))
        };
        Self {
            clock: Arc::new(SystemClock),
            player,
            open_outputs,
            store: Store::for_this_machine(),
            start,
            timer_thread: true,
            bench,
            cue_log,
            dialogs: Box::new(SystemDialogs),
            speaker: None,
            home_folder: crate::store::paths::home_folder(),
            run_reminder_processes: true,
            handoff_socket: handoff::socket_for_this_machine(),
        }
    }

    /// A test set-up: the given clock, player and folder (which also stands in for the home
    /// folder); no timer thread, no measuring.
    #[must_use]
    pub fn for_tests(clock: Arc<dyn Clock>, player: Box<dyn CuePlayer>, store: Store) -> Self {
        let home_folder = store.data_dir.parent().map(std::path::Path::to_path_buf);
        Self {
            home_folder,
            clock,
            player,
            open_outputs: None,
            store: Some(store),
            start: None,
            timer_thread: false,
            bench: BenchOptions::default(),
            cue_log: None,
            dialogs: Box::new(crate::app::dialogs::RecordingDialogs::new()),
            speaker: None,
            run_reminder_processes: false,
            handoff_socket: None,
        }
    }
}

/// The notices shown, and whether the "no sound" one was already given.
#[derive(Default)]
struct Notices {
    list: Vec<Notice>,
    sound_told: bool,
}

impl Notices {
    /// Adds a notice unless the same one is already shown.
    fn push(&mut self, notice: Notice) {
        if !self.list.contains(&notice) {
            self.list.push(notice);
        }
    }
}

/// The whole app's state.
#[allow(clippy::struct_excessive_bools)] // Independent flags of the app, not a state machine.
pub struct UnknotApp {
    conductor: Conductor,
    store: Option<Store>,
    settings: Settings,
    /// The settings as this process last loaded or saved them: what differs from them is what
    /// this process changed, and only that is saved onto the file (see
    /// [`settings::save_changes`]), so another window's changes are kept.
    settings_saved: Settings,
    settings_dirty: bool,
    own: Option<RoutineStore>,
    /// The session log, when there is a data folder.
    history: Option<HistoryStore>,
    routines: Vec<Listed>,
    selected: Option<String>,
    /// A target length for the next start only (`unknot start ID --minutes N`): never saved,
    /// and dropped when the person goes back home instead of starting.
    one_off_minutes: Option<u32>,
    screen: Screen,
    modal: Option<Modal>,
    /// The dialog open now paused a running routine, which resumes once it closes.
    resume_after_dialog: bool,
    learn: LearnState,
    learn_open: bool,
    notices: Notices,
    undo: Option<(DeletedRoutine, String)>,
    last_plan: Option<Plan>,
    dialogs: Box<dyn FileDialogs>,
    /// Where the in-app file chooser offers to export.
    home_folder: Option<std::path::PathBuf>,
    audio: AudioStatus,
    /// What the voice can do (shown in the settings).
    voice: crate::playback::speech::VoiceStatus,
    /// Close the window at the end of this frame (after discarding edits on close).
    close_window: bool,
    /// The theme the context has now; a change in the settings is applied at the next frame.
    theme_applied: ThemeChoice,
    bench: BenchOptions,
    stats: FrameStats,
    /// Paces the moving figure's frames to a share of a core.
    pacer: pace::FramePacer,
    /// The figure the player drew last.
    shown_figure: Option<crate::ui::figure::PlayerFigure>,
    /// How to open the sound output, until it is opened once the first frame is on screen.
    outputs_to_open: Option<Box<dyn FnOnce() -> Outputs + Send>>,
    /// Start reminder processes (see [`AppConfig::run_reminder_processes`]).
    run_reminder_processes: bool,
    /// Held while a routine plays, so no reminder comes then (see
    /// [`Store::routine_running_path`]).
    routine_marker: Option<crate::store::lock::FileLock>,
    cue_log: Option<CueLog>,
    started_plan: Option<StartedPlan>,
    /// The window's size as last seen in a normal state, kept in the settings on exit.
    window_size: Option<WindowSize>,
    /// The last routine fitted to a length, with what it was fitted from (see `sized`).
    fit_cache: std::cell::RefCell<Option<FitKeyAndResult>>,
    /// Routines sent by reminders' Start, when this window listens for them.
    handoff: Option<handoff::Inbox>,
    /// "Make me a session": open or not, and the session made.
    maker: session_maker::MakerState,
    /// The programme in progress and today's session in it (see `programme.rs`).
    programme: programme::ProgrammeHere,
}

/// A routine, the person's length choice and the pauses, with the routine fitted to them.
type FitKeyAndResult = ((Routine, LengthChoice, crate::core::plan::Timing), Fitted);

impl UnknotApp {
    /// Builds the app on an egui context (the window's, or a test harness's).
    #[must_use]
    pub fn new(ctx: &egui::Context, config: AppConfig) -> Self {
        let mut notices = Notices::default();
        let settings = if let Some(store) = &config.store {
            let loaded = settings::load(&store.settings_path());
            if let Some(notice) = loaded.notice {
                notices.push(Notice::plain(notice));
            }
            loaded.settings
        } else {
            notices.push(Notice::plain(
                "No folder for settings was found on this system, so nothing you change will be kept.",
            ));
            Settings::default()
        };
        // The theme goes on before the first pass: epaint reads the text options when a pass
        // begins, so a theme applied inside the first frame would only show from the second.
        let theme_applied = settings.theme;
        crate::ui::theme::apply(ctx, theme_applied);
        let repaint = ctx.clone();
        let conductor = Conductor::new(
            config.clock,
            config.player,
            settings.clone(),
            Box::new(move || repaint.request_repaint()),
            config.timer_thread,
        );
        if config.open_outputs.is_some() {
            conductor.expect_outputs();
        }
        if let Some(speaker) = config.speaker {
            conductor.set_speaker(speaker);
        }
        let voice = conductor.voice_status();
        let audio = conductor.audio_status();
        // Ctrl-Q should not end a routine by accident; closing the window still works.
        ctx.options_mut(|o| o.quit_shortcuts.clear());
        let own = config.store.as_ref().map(RoutineStore::new);
        let history = config.store.as_ref().map(HistoryStore::new);
        let (routines, problems) = all_routines(own.as_ref());
        // One notice per kind of problem, however many files have it; each file's own
        // message is in the details.
        for group in grouped(&problems) {
            let details = group
                .files
                .iter()
                .map(|file| file.message.as_str())
                .collect::<Vec<_>>()
                .join("\n\n");
            notices.push(Notice::with_details(group.heading, details));
        }
        let mut app = Self {
            conductor,
            voice,
            store: config.store,
            settings_saved: settings.clone(),
            settings,
            settings_dirty: false,
            selected: routines.first().map(|l| l.routine.id().to_owned()),
            own,
            history,
            routines,
            one_off_minutes: None,
            screen: Screen::Home,
            modal: None,
            resume_after_dialog: false,
            learn: LearnState::default(),
            learn_open: false,
            notices,
            undo: None,
            last_plan: None,
            dialogs: config.dialogs,
            home_folder: config.home_folder,
            audio,
            close_window: false,
            theme_applied,
            bench: config.bench,
            stats: FrameStats::default(),
            pacer: pace::FramePacer::default(),
            shown_figure: None,
            run_reminder_processes: config.run_reminder_processes,
            routine_marker: None,
            cue_log: config.cue_log,
            started_plan: None,
            window_size: None,
            fit_cache: std::cell::RefCell::new(None),
            handoff: config
                .handoff_socket
                .as_deref()
                .and_then(|path| handoff::listen(ctx, path)),
            maker: session_maker::MakerState::default(),
            outputs_to_open: config.open_outputs,
            programme: programme::ProgrammeHere::default(),
        };
        app.load_programme();
        app.tell_missed_reminders();
        if let Some(start) = config.start {
            app.open_straight_into(&start);
        }
        app
    }

    fn open_straight_into(&mut self, start: &StartRequest) {
        if !self
            .routines
            .iter()
            .any(|l| l.routine.id() == start.routine_id)
        {
            // Today's session of the programme in progress is opened by its id too (a
            // reminder's Start names it so).
            if self.programme_session_id_today().as_deref() == Some(start.routine_id.as_str()) {
                self.apply(Command::Programme(
                    crate::ui::programme::ProgrammeCommand::StartToday,
                ));
                return;
            }
            // So is a session made for a place and a length ("session-5-min-chair").
            if let Some((minutes, place)) =
                crate::core::builder::parse_session_id(&start.routine_id)
            {
                self.start_session_made_for(minutes, place);
                return;
            }
            self.notify(Notice::plain(format!(
                "There is no routine called '{}'.",
                start.routine_id
            )));
            return;
        }
        self.selected = Some(start.routine_id.clone());
        self.one_off_minutes = start.minutes;
        self.apply(Command::Home(HomeCommand::Start));
    }

    /// Which screen is showing now.
    #[must_use]
    pub fn screen(&self) -> ScreenKind {
        self.screen.kind()
    }

    /// The figure the player drew last (`None` before the player has been drawn).
    #[must_use]
    pub fn shown_figure(&self) -> Option<crate::ui::figure::PlayerFigure> {
        self.shown_figure
    }

    /// The session "Make me a session" shows, if one was made.
    #[must_use]
    pub fn made_session(&self) -> Option<&crate::core::builder::Session> {
        self.maker.made.as_ref()
    }

    /// Whether a dialog is open.
    #[must_use]
    pub fn dialog_open(&self) -> bool {
        self.modal.is_some()
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
    pub fn notices(&self) -> &[Notice] {
        &self.notices.list
    }

    /// Whether the running routine is paused (false when none is running).
    #[must_use]
    pub fn paused(&self) -> bool {
        self.conductor
            .read(|session, _| session.map(Session::state))
            == Some(crate::core::session::State::Paused)
    }

    fn selected_listed(&self) -> Option<&Listed> {
        let id = self.selected.as_deref()?;
        self.routines.iter().find(|l| l.routine.id() == id)
    }

    fn selected_routine(&self) -> Option<&Routine> {
        self.selected_listed().map(|l| &l.routine)
    }

    /// Reads the routine list again (after a save, delete or import) and selects `select`.
    fn reload_routines(&mut self, select: Option<String>) {
        let (routines, _) = all_routines(self.own.as_ref());
        self.routines = routines;
        let still_there = |id: &String| self.routines.iter().any(|l| l.routine.id() == *id);
        self.selected = select
            .filter(still_there)
            .or_else(|| self.selected.clone().filter(still_there))
            .or_else(|| self.routines.first().map(|l| l.routine.id().to_owned()));
    }

    fn taken(&self) -> (Vec<&str>, Vec<&str>) {
        let ids = self.routines.iter().map(|l| l.routine.id()).collect();
        let names = self.routines.iter().map(|l| l.routine.name()).collect();
        (ids, names)
    }

    fn notify(&mut self, notice: Notice) {
        self.notices.push(notice);
    }

    /// The length the routine runs at, as saved in the settings, with a one-off target on top
    /// when `one_off` (see [`crate::core::length`]).
    fn choice_for(&self, id: &str, one_off: Option<u32>) -> LengthChoice {
        length::resolve(self.settings.lengths.get(id), one_off)
    }

    /// The routine fitted to the person's saved choices.
    fn sized(&self, routine: &Routine) -> Fitted {
        self.fitted(routine, self.choice_for(routine.id(), None))
    }

    /// The routine fitted to `choice`. Fitted once per routine, choice and pauses, then kept:
    /// the home screen asks on every frame.
    fn fitted(&self, routine: &Routine, choice: LengthChoice) -> Fitted {
        let key = (routine.clone(), choice, self.settings.timing());
        let mut cache = self.fit_cache.borrow_mut();
        match &*cache {
            Some((cached, fitted)) if *cached == key => fitted.clone(),
            _ => {
                let fitted = fit::fit(&key.0, &key.1, key.2);
                *cache = Some((key, fitted.clone()));
                fitted
            }
        }
    }

    /// A copy of the session as it is now, with the instant it was read at.
    fn session_now(&self) -> Option<(Session, std::time::Instant)> {
        self.conductor
            .read(|session, now| session.cloned().map(|s| (s, now)))
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
            self.stats.first_frame = Some(crate::app::bench::process_started().elapsed());
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
        match settings::save_changes(&store.settings_path(), &self.settings_saved, &self.settings) {
            Ok(_) => self.settings_saved = self.settings.clone(),
            Err(error) => self.notify(Notice::with_details(
                "Your settings could not be saved. They stay in use until you close Unknot.",
                error.to_string(),
            )),
        }
    }
}

impl eframe::App for UnknotApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.window_size = normal_window_size(ctx).or(self.window_size);
        self.frame_logic(ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame_ui(ui);
    }

    fn raw_input_hook(&mut self, _ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        raw_input.max_texture_side = raw_input
            .max_texture_side
            .map(|side| side.min(GLYPH_ATLAS_MAX_SIDE));
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        // Closed mid-routine (if the close request did not already log it).
        self.log_run(true);
        self.keep_window_size();
        self.save_settings_if_changed(false);
        if let Some(path) = &self.bench.stats_path {
            let text = crate::app::bench::report(
                &self.stats,
                self.started_plan.as_ref(),
                self.cue_log.as_ref(),
            );
            // Asked for on the command line of a benchmark run, which replaces the last one.
            let rules = crate::store::WriteRules::export(true);
            if let Err(e) = crate::store::write_file(path, text.as_bytes(), rules) {
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
}

/// Why the app cannot open a window here, if that is clear before trying.
fn missing_display() -> Option<&'static str> {
    (!crate::remind::window::display_available()).then_some(
        "cannot open a window: no display found (neither DISPLAY nor WAYLAND_DISPLAY is set). \
         The command line still works: try `unknot list` or `unknot show ID`.",
    )
}

/// The widest glyph atlas egui may make. Left alone, egui makes its atlas as wide as the
/// largest texture the graphics driver allows (16384 on most): two megabytes before the first
/// glyph, uploaded whole with the first frame. Unknot's text fits in one 2048 wide (egui's own
/// portable default), which grows in height as needed; the first window comes about 3 ms
/// sooner with it (measured with `scripts/bench-startup`, 25 runs).
pub const GLYPH_ATLAS_MAX_SIDE: usize = 2048;

/// The window's options: title, size (the one it had when last closed, from Unknot's own
/// settings), icon, and rendering.
fn native_options() -> eframe::NativeOptions {
    let size = Store::for_this_machine()
        .and_then(|store| settings::saved_window_size(&store.settings_path()))
        .map_or([1180.0, 760.0], |size| [size.width, size.height]);
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Unknot")
        .with_app_id(crate::core::app_id::APP_ID)
        .with_inner_size(size)
        .with_min_inner_size([WindowSize::MIN.width, WindowSize::MIN.height]);
    if let Some(icon) = crate::ui::theme::window_icon() {
        viewport = viewport.with_icon(icon);
    }
    eframe::NativeOptions {
        viewport,
        // eframe's own storage (window.ron) is written in place and through links; eframe is
        // built without it, and the window size goes into settings.toml, written atomically.
        persist_window: false,
        // Unknot's flat colours show no banding, and without dithering every pixel of every
        // frame costs less to shade (measured: see the README's Performance section).
        dithering: false,
        ..Default::default()
    }
}

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

/// Opens the window and runs until it is closed.
pub fn run(start: Option<StartRequest>) -> anyhow::Result<()> {
    if let Some(reason) = missing_display() {
        anyhow::bail!(reason);
    }
    eframe::run_native(
        "unknot",
        native_options(),
        Box::new(move |cc| {
            Ok(Box::new(UnknotApp::new(
                &cc.egui_ctx,
                AppConfig::for_this_machine(start),
            )))
        }),
    )
    .map_err(|e| anyhow::anyhow!("cannot open a window: {e}"))
}
