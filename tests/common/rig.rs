//! The one way the app-driving tests launch Unknot: a headless window of a chosen size and
//! scale on a folder of the test's own, a manual clock, a recording cue player and recording
//! file dialogs, and the moves a person makes (click, press, wait, drop a file).
//!
//! Each test file keeps a short `launch` of its own that says what its tests need (a size, a
//! routine to open straight into, the pain question on or off) and builds it with [`Launch`].

use std::path::{Path, PathBuf};
use std::sync::Arc;

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use unknot::app::dialogs::RecordingDialogs;
use unknot::app::{AppConfig, ScreenKind, StartRequest, UnknotApp};
use unknot::core::routine::Routine;
use unknot::playback::clock::ManualClock;
use unknot::playback::cue::{CueLog, RecordingPlayer};
use unknot::store::Store;

/// The window most tests use: roomy enough that nothing scrolls unless a test wants it to.
pub const ROOMY: egui::Vec2 = egui::vec2(1100.0, 800.0);

/// How to launch the app: a builder whose defaults are someone who has read the red flags,
/// with the back-pain question off, in a [`ROOMY`] window at 1× scale.
pub struct Launch {
    dir: PathBuf,
    seed: Option<bool>,
    size: egui::Vec2,
    scale: f32,
    start: Option<StartRequest>,
    handoff_socket: Option<PathBuf>,
}

impl Launch {
    /// A launch on the folder `dir`, as someone who has read the red flags (unless a settings
    /// file is already there) and is not asked about back pain.
    pub fn new(dir: &Path) -> Self {
        Self {
            dir: dir.to_owned(),
            seed: Some(false),
            size: ROOMY,
            scale: 1.0,
            start: None,
            handoff_socket: None,
        }
    }

    /// Launches exactly as the folder is: a first launch if it is empty.
    pub fn fresh(mut self) -> Self {
        self.seed = None;
        self
    }

    /// Asks about back pain before and after a routine, or not.
    pub fn asking_back_pain(mut self, ask: bool) -> Self {
        self.seed = Some(ask);
        self
    }

    /// A window of `size` points.
    pub fn size(mut self, size: egui::Vec2) -> Self {
        self.size = size;
        self
    }

    /// `scale` pixels per point (2.0 for a high-density screen).
    pub fn scale(mut self, scale: f32) -> Self {
        self.scale = scale;
        self
    }

    /// Opens straight into a routine, as `unknot start ID` does.
    pub fn start(mut self, start: Option<StartRequest>) -> Self {
        self.start = start;
        self
    }

    /// Listens for reminders' Start on the socket at `path`, as the real window does.
    pub fn handoff_socket(mut self, path: &Path) -> Self {
        self.handoff_socket = Some(path.to_owned());
        self
    }

    /// Launches and draws the first frame.
    pub fn run(self) -> Rig {
        if let Some(ask) = self.seed {
            super::seed_settings(&self.dir, ask);
        }
        let clock = ManualClock::new();
        let (player, heard) = RecordingPlayer::new();
        let dialogs = RecordingDialogs::new();
        let config = AppConfig {
            start: self.start,
            handoff_socket: self.handoff_socket,
            dialogs: Box::new(dialogs.clone()),
            ..AppConfig::for_tests(
                Arc::new(clock.clone()),
                Box::new(player),
                Store::at(&self.dir),
            )
        };
        let harness = Harness::builder()
            .with_size(self.size)
            .with_pixels_per_point(self.scale)
            .build_eframe(move |cc| UnknotApp::new(&cc.egui_ctx, config));
        let mut rig = Rig {
            harness,
            clock,
            heard,
            dialogs,
            dir: self.dir,
        };
        rig.harness.run();
        rig
    }
}

/// A launched app and what the test hears and answers through.
pub struct Rig {
    /// The headless window.
    pub harness: Harness<'static, UnknotApp>,
    /// The clock the app runs on; time moves only when the test moves it.
    pub clock: ManualClock,
    /// Every cue the app played.
    pub heard: CueLog,
    /// The file dialogs, answered by the test.
    pub dialogs: RecordingDialogs,
    /// The folder of Unknot's files.
    pub dir: PathBuf,
}

impl Rig {
    /// Moves time on one second at a time, drawing a frame each second, as the window would.
    pub fn wait(&mut self, secs: u64) {
        super::wait(&mut self.harness, &self.clock, secs);
    }

    /// Scrolls the control named `label` into view, as a person would, and clicks it.
    pub fn click(&mut self, label: &str) {
        self.harness.get_by_label(label).scroll_to_me();
        self.harness.run();
        self.harness.get_by_label(label).click();
        self.harness.run();
    }

    /// Presses a key.
    pub fn press(&mut self, key: Key) {
        self.harness.key_press(key);
        self.harness.run();
    }

    /// Clicks a routine in the list (its name also heads the details once selected).
    pub fn select(&mut self, name: &str) {
        super::click_routine(&mut self.harness, name);
    }

    /// Whether something labelled `text` is on screen.
    pub fn shows(&self, text: &str) -> bool {
        self.harness.query_by_label(text).is_some()
    }

    /// The screen the app is on.
    pub fn screen(&self) -> ScreenKind {
        self.harness.state().screen()
    }

    /// Whether a dialog is open over the screen.
    pub fn dialog_open(&self) -> bool {
        self.harness.state().dialog_open()
    }

    /// Where the control named `label` is.
    pub fn rect_of(&self, label: &str) -> egui::Rect {
        self.harness.get_by_label(label).rect()
    }

    /// The routines the person made or imported, as the app lists them.
    pub fn own_routines(&self) -> Vec<Routine> {
        self.harness
            .state()
            .routines()
            .iter()
            .filter(|l| l.origin == unknot::store::routines::Origin::Custom)
            .map(|l| l.routine.clone())
            .collect()
    }

    /// Drops a file on the window, as from a file manager.
    pub fn drop_file(&mut self, path: &Path) {
        self.harness
            .input_mut()
            .dropped_files
            .push(Arc::new(Dropped(path.to_owned())));
        self.harness.run();
    }
}

/// A file dropped on the window.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}
