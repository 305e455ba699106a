//! The small reminder window, for desktops without a notification service.
//!
//! It runs in its own process (`unknot remind-window …`, a hidden subcommand that
//! [`crate::remind::deliver`] starts), so the process waiting for reminders never loads a window
//! system or a GPU context. It shows the nudge's title and body and three buttons (Start,
//! Snooze, Not today), sounds one soft chime as it opens, and asks nothing else. It is an
//! ordinary small window: never full screen, never above other windows, and it does not ask to
//! take the keyboard when it opens. After its time ([`crate::remind::deliver::WINDOW_OPEN_FOR`]
//! at most) it closes itself. Its answer is printed as one word ([`Reply::word`]).

use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use crate::playback::clock::{Clock, SystemClock};
use crate::remind::deliver::{Nudge, Reply};

/// The hidden subcommand that opens the window.
pub const SUBCOMMAND: &str = "remind-window";

/// The window's inside size, in points.
pub const WINDOW_SIZE: [f32; 2] = [480.0, 230.0];

/// Whether there is a display to open a window on: on Linux and the BSDs, `DISPLAY` (X11) or
/// `WAYLAND_DISPLAY` set; elsewhere always.
#[must_use]
pub fn display_available() -> bool {
    let unix_desktop = cfg!(all(unix, not(target_os = "macos")));
    let has = |name| std::env::var_os(name).is_some_and(|v| !v.is_empty());
    !unix_desktop || has("DISPLAY") || has("WAYLAND_DISPLAY")
}

/// The arguments after [`SUBCOMMAND`] that show `nudge` for `open_for`.
#[must_use]
pub fn arguments(nudge: &Nudge, open_for: Duration) -> Vec<String> {
    vec![
        "--title".to_owned(),
        nudge.title.clone(),
        "--body".to_owned(),
        nudge.body.clone(),
        "--start-label".to_owned(),
        nudge.start_label.clone(),
        "--snooze-minutes".to_owned(),
        nudge.snooze_minutes.to_string(),
        "--open-for".to_owned(),
        open_for.as_secs().max(1).to_string(),
    ]
}

/// What the window shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WindowText {
    /// The headline.
    pub title: String,
    /// The sentence under it.
    pub body: String,
    /// The Start button's label.
    pub start_label: String,
    /// The snooze length, for the Snooze button.
    pub snooze_minutes: u32,
}

/// Draws the reminder and returns what was pressed: the title, the body, Start (in the
/// accent colour, as on the home screen), Snooze and Not today, and a quiet line saying that it
/// closes by itself.
pub fn reminder_ui(ui: &mut egui::Ui, text: &WindowText, open_for: Duration) -> Option<Reply> {
    use egui::{Button, RichText};

    use crate::ui::theme::{self, Palette};

    let palette = Palette::of(ui.visuals());
    let mut reply = None;
    ui.heading(&text.title);
    ui.add_space(theme::GAP_S);
    ui.label(&text.body);
    ui.add_space(theme::GAP_M);
    ui.horizontal_wrapped(|ui| {
        let start = Button::new(
            RichText::new(&text.start_label)
                .strong()
                .color(palette.on_accent),
        )
        .fill(palette.accent)
        .min_size(egui::vec2(0.0, 36.0));
        if ui.add(start).clicked() {
            reply = Some(Reply::Start);
        }
        let snooze = Button::new(format!("Snooze {} min", text.snooze_minutes))
            .min_size(egui::vec2(0.0, 36.0));
        if ui.add(snooze).clicked() {
            reply = Some(Reply::Snooze);
        }
        if ui
            .add(Button::new("Not today").min_size(egui::vec2(0.0, 36.0)))
            .clicked()
        {
            reply = Some(Reply::NotToday);
        }
    });
    ui.add_space(theme::GAP_M);
    let minutes = open_for.as_secs().div_ceil(60).max(1);
    let unit = if minutes == 1 { "minute" } else { "minutes" };
    ui.label(
        RichText::new(format!("This closes by itself after {minutes} {unit}."))
            .color(palette.quiet),
    );
    reply
}

/// The reminder window's state: what it shows, when it opened, and the answer once given.
pub struct ReminderWindow {
    text: WindowText,
    open_for: Duration,
    clock: Arc<dyn Clock>,
    opened: Instant,
    reply: Arc<Mutex<Option<Reply>>>,
    /// Sounds the chime; taken on the first frame.
    chime: Option<Box<dyn FnOnce() + Send>>,
    closing: bool,
}

impl ReminderWindow {
    /// A window showing `text` for `open_for` by `clock`, which rings `chime` once as it opens.
    #[must_use]
    pub fn new(
        text: WindowText,
        open_for: Duration,
        clock: Arc<dyn Clock>,
        chime: Box<dyn FnOnce() + Send>,
    ) -> Self {
        Self {
            text,
            open_for,
            opened: clock.now(),
            clock,
            reply: Arc::new(Mutex::new(None)),
            chime: Some(chime),
            closing: false,
        }
    }

    /// The answer given so far (`None` while the window waits).
    #[must_use]
    pub fn reply(&self) -> Option<Reply> {
        *self.reply.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Whether the window has asked to close.
    #[must_use]
    pub fn closing(&self) -> bool {
        self.closing
    }

    /// Keeps `reply` (the first one wins) and closes the window, once.
    fn finish(&mut self, ctx: &egui::Context, reply: Reply) {
        let mut kept = self.reply.lock().unwrap_or_else(PoisonError::into_inner);
        kept.get_or_insert(reply);
        drop(kept);
        if !self.closing {
            self.closing = true;
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }
}

impl eframe::App for ReminderWindow {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        if let Some(chime) = self.chime.take() {
            chime();
        }
        if ctx.input(|i| i.viewport().close_requested()) {
            self.finish(ctx, Reply::Closed);
            return;
        }
        let shown_for = self.clock.now().saturating_duration_since(self.opened);
        if shown_for >= self.open_for {
            self.finish(ctx, Reply::NoAnswer);
        } else if !self.closing {
            // The only repaint it asks for: when its time is up.
            ctx.request_repaint_after(self.open_for.saturating_sub(shown_for));
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let reply = egui::CentralPanel::default()
            .frame(egui::Frame::central_panel(ui.style()).inner_margin(18.0))
            .show(ui, |ui| reminder_ui(ui, &self.text, self.open_for))
            .inner;
        if let Some(reply) = reply {
            self.finish(ui.ctx(), reply);
        }
    }
}

/// Rings the reminder's one chime on the sound output at `volume`, off the window's thread.
fn ring_chime(volume: f32) {
    let _ = std::thread::Builder::new()
        .name("unknot-chime".to_owned())
        .spawn(move || {
            let mut outputs = crate::playback::output::open_default_outputs();
            outputs
                .player
                .play(crate::core::plan::Cue::StepStart, volume);
            // Keep the output open while the chime sounds.
            std::thread::sleep(Duration::from_secs(2));
        });
}

/// Opens the reminder window and returns the person's answer once it closes.
pub fn run(text: WindowText, open_for: Duration) -> anyhow::Result<Reply> {
    if !display_available() {
        anyhow::bail!("cannot open the reminder window: no display found");
    }
    let mut viewport = egui::ViewportBuilder::default()
        .with_title(format!("Unknot: {}", text.title))
        .with_app_id(crate::core::app_id::APP_ID)
        .with_inner_size(WINDOW_SIZE)
        .with_resizable(false)
        .with_maximize_button(false)
        .with_active(false);
    if let Some(icon) = crate::ui::theme::window_icon() {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions {
        viewport,
        persist_window: false,
        dithering: false,
        ..Default::default()
    };
    // Read only: the theme, and the chimes' volume (no chime when muted).
    let settings = crate::store::Store::for_this_machine()
        .map(|store| crate::store::settings::load(&store.settings_path()).settings)
        .unwrap_or_default();
    let theme = settings.theme;
    let gain = settings.gain(crate::core::plan::Cue::StepStart);
    let chime: Box<dyn FnOnce() + Send> = Box::new(move || {
        if let Some(volume) = gain {
            ring_chime(volume);
        }
    });
    let window = ReminderWindow::new(text, open_for, Arc::new(SystemClock), chime);
    let reply = Arc::clone(&window.reply);
    eframe::run_native(
        "unknot",
        options,
        Box::new(move |cc| {
            crate::ui::theme::apply(&cc.egui_ctx, theme);
            Ok(Box::new(window))
        }),
    )
    .map_err(|e| anyhow::anyhow!("cannot open the reminder window: {e}"))?;
    let answer = *reply.lock().unwrap_or_else(PoisonError::into_inner);
    Ok(answer.unwrap_or(Reply::Closed))
}
