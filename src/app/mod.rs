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

mod commands;
mod frame;
mod history;
pub mod pace;
mod screen;

pub use screen::{HistoryScreen, Run, Screen, ScreenKind};

use std::sync::Arc;

use crate::bench::{BenchOptions, FrameStats, StartedPlan};
use crate::clock::{Clock, SystemClock};
use crate::conductor::Conductor;
use crate::cue::{
    AudioStatus, CueLog, CuePlayer, RecordingPlayer, SilentPlayer, open_default_player,
};
use crate::effects::{FileDialogs, SystemDialogs};
use crate::fit::{self, Fitted, LengthChoice};
use crate::plan::Plan;
use crate::routine::Routine;
use crate::session::Session;
use crate::store::Store;
use crate::store::history::HistoryStore;
use crate::store::routines::{Deleted, Listed, RoutineStore, all_routines, grouped};
use crate::store::settings::{self, Settings, ThemeChoice, WindowSize};
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
    /// How files are chosen for import and export.
    pub dialogs: Box<dyn FileDialogs>,
    /// Where spoken lines go (tests); `None`: the voice's own output on the real machine, or
    /// silence (and chimes in its place) in tests.
    pub speaker: Option<Box<dyn crate::speech::Speaker>>,
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
            dialogs: Box::new(SystemDialogs),
            speaker: None,
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
            dialogs: Box::new(crate::effects::RecordingDialogs::new()),
            speaker: None,
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
pub struct UnknotApp {
    conductor: Conductor,
    store: Option<Store>,
    settings: Settings,
    settings_dirty: bool,
    own: Option<RoutineStore>,
    /// The session log, when there is a data folder.
    history: Option<HistoryStore>,
    routines: Vec<Listed>,
    selected: Option<String>,
    screen: Screen,
    modal: Option<Modal>,
    learn: LearnState,
    learn_open: bool,
    notices: Notices,
    undo: Option<(Deleted, String)>,
    last_plan: Option<Plan>,
    dialogs: Box<dyn FileDialogs>,
    audio: AudioStatus,
    /// What the voice can do (shown in the settings).
    voice: crate::speech::VoiceStatus,
    /// Close the window at the end of this frame (after discarding edits on close).
    close_window: bool,
    theme_applied: Option<ThemeChoice>,
    bench: BenchOptions,
    stats: FrameStats,
    /// Paces the moving figure's frames to a share of a core.
    pacer: pace::FramePacer,
    /// The figure the player drew last.
    shown_figure: Option<crate::ui::figure::PlayerFigure>,
    cue_log: Option<CueLog>,
    started_plan: Option<StartedPlan>,
    /// The window's size as last seen in a normal state, kept in the settings on exit.
    window_size: Option<WindowSize>,
    /// The last routine fitted to a length, with what it was fitted from (see `sized`).
    fit_cache: std::cell::RefCell<Option<FitKeyAndResult>>,
}

/// A routine, the person's length choice and the pauses, with the routine fitted to them.
type FitKeyAndResult = ((Routine, LengthChoice, crate::plan::Timing), Fitted);

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
            // The real machine: the voice gets its own output, opened off the UI thread too.
            conductor.open_speaker_in_background(crate::speech::open_default_speaker);
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
            settings,
            settings_dirty: false,
            selected: routines.first().map(|l| l.routine.id.clone()),
            own,
            history,
            routines,
            screen: Screen::Home,
            modal: None,
            learn: LearnState::default(),
            learn_open: false,
            notices,
            undo: None,
            last_plan: None,
            dialogs: config.dialogs,
            audio,
            close_window: false,
            theme_applied: None,
            bench: config.bench,
            stats: FrameStats::default(),
            pacer: pace::FramePacer::default(),
            shown_figure: None,
            cue_log: config.cue_log,
            started_plan: None,
            window_size: None,
            fit_cache: std::cell::RefCell::new(None),
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
            self.notify(Notice::plain(format!(
                "There is no routine called '{}'.",
                start.routine_id
            )));
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
            == Some(crate::session::State::Paused)
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

    fn notify(&mut self, notice: Notice) {
        self.notices.push(notice);
    }

    fn choice_for(&self, id: &str) -> LengthChoice {
        self.settings.lengths.get(id).cloned().unwrap_or_default()
    }

    /// The routine fitted to the person's choices. Fitted once per routine, choice and
    /// pauses, then kept: the home screen asks on every frame.
    fn sized(&self, routine: &Routine) -> Fitted {
        let key = (
            routine.clone(),
            self.choice_for(&routine.id),
            self.settings.timing(),
        );
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
            self.notify(Notice::with_details(
                "Your settings could not be saved. They stay in use until you close Unknot.",
                error.to_string(),
            ));
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

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        // Closed mid-routine (if the close request did not already log it).
        self.log_run(true);
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
}

/// The window icon, from `assets/icon.png`.
fn icon() -> Option<egui::IconData> {
    eframe::icon_data::from_png_bytes(include_bytes!("../../assets/icon.png")).ok()
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

/// The window's options: title, size (the one it had when last closed, from Unknot's own
/// settings), icon, and rendering.
fn native_options() -> eframe::NativeOptions {
    let size = Store::for_this_machine()
        .and_then(|store| settings::saved_window_size(&store.settings_path()))
        .map_or([1180.0, 760.0], |size| [size.width, size.height]);
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Unknot")
        .with_app_id(crate::app_id::APP_ID)
        .with_inner_size(size)
        .with_min_inner_size([WindowSize::MIN.width, WindowSize::MIN.height]);
    if let Some(icon) = icon() {
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
