//! One frame: keys go to the open dialog first, then the panels draw and return commands,
//! which are applied after drawing; the next frame is asked for exactly when the shown second
//! changes.

use super::{Screen, UnknotApp};
use crate::core::session::{Session, State};
use crate::playback::cue::AudioStatus;
use crate::ui::dialogs::{DialogContext, Modal};
use crate::ui::keymap::{self, Focus, KeyContext, KeyScreen};
use crate::ui::notices::{NO_SOUND, Undo};
use crate::ui::{self, Command, Notice, Opening, theme};

/// How long after the shown second changes the window redraws.
const REPAINT_MARGIN: std::time::Duration = std::time::Duration::from_millis(4);

impl UnknotApp {
    /// Opens the sound output once the first frame is on screen. The window appears only after
    /// its first frame is painted, and opening the output (the audio system probes its
    /// devices and servers) would take the processor from it meanwhile; what falls due
    /// before the output is open is held (see `Conductor::expect_outputs`).
    fn open_outputs_after_the_first_frame(&mut self, ctx: &egui::Context) {
        let Some(open) = self.outputs_to_open.take() else {
            return;
        };
        if ctx.cumulative_frame_nr() == 0 {
            self.outputs_to_open = Some(open);
            ctx.request_repaint();
        } else {
            self.conductor.open_outputs_in_background(open);
        }
    }

    /// Ticks the session, notices what changed, and schedules the next frame.
    pub(super) fn frame_logic(&mut self, ctx: &egui::Context) {
        self.stats.logic_passes += 1;
        self.open_outputs_after_the_first_frame(ctx);
        self.take_handoffs(ctx);
        self.audio = self.conductor.audio_status();
        self.voice = self.conductor.voice_status();
        if let AudioStatus::Unavailable { reason } = &self.audio
            && !self.notices.sound_told
            && !self.conductor.outputs_pending()
        {
            self.notices.sound_told = true;
            let notice = Notice::with_details(NO_SOUND, reason.clone());
            self.notify(notice);
        }
        if self
            .bench
            .exit_after
            .is_some_and(|after| self.stats.since.elapsed() >= after)
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        self.conductor.pump();
        self.sync_routine_marker();
        let (state, wait) = self.conductor.read(|session, now| {
            (
                session.map(Session::state),
                session.and_then(|s| s.until_next_change(now)),
            )
        });
        let closing = ctx.input(|i| i.viewport().close_requested());
        if closing && self.editor_dirty() {
            // Never lose edits silently: ask first, and close once they are discarded.
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.modal = Some(Modal::ConfirmDiscard { then_close: true });
        }
        if matches!(self.screen, Screen::Player(_)) && state == Some(State::Finished) {
            if matches!(self.modal, Some(Modal::ConfirmStop)) {
                self.modal = None;
            }
            self.show_ending();
        }
        if closing {
            // The window closes while a routine runs: keep what was done so far.
            self.log_run(true);
        }
        // Redraw when the shown second changes (a few ms after, so it has surely changed);
        // not at all while minimised or hidden: the conductor's thread plays the cues.
        let hidden = ctx.input(|i| i.viewport().visible() == Some(false));
        if let Some(wait) = wait.filter(|_| !hidden) {
            ctx.request_repaint_after(wait + REPAINT_MARGIN);
        }
    }

    /// Keyboard shortcuts, read before any widget so a focused button cannot also take them.
    fn key_commands(&self, ctx: &egui::Context) -> Vec<Command> {
        let context = KeyContext {
            dialog_open: self.modal.is_some(),
            screen: match self.screen {
                Screen::Home => KeyScreen::Home,
                Screen::Player(_) => KeyScreen::Player,
                Screen::BeforeStart { .. }
                | Screen::Finished(_)
                | Screen::Editor(_)
                | Screen::History(_) => KeyScreen::Other,
            },
            focus: if ctx.text_edit_focused() {
                Focus::TextField
            } else if ctx.memory(|m| m.focused().is_some()) {
                Focus::Control
            } else {
                Focus::Nothing
            },
        };
        ctx.input_mut(|input| keymap::key_commands(input, context))
    }

    /// Draws the frame and applies what the panels asked for.
    pub(super) fn frame_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.refresh_programme_on_a_new_day();
        if self.theme_applied != self.settings.theme {
            theme::apply(&ctx, self.settings.theme);
            self.theme_applied = self.settings.theme;
        }
        ctx.accesskit_node_builder(egui::accesskit_root_id(), |node| node.set_label("Unknot"));
        let mut commands = self.key_commands(&ctx);

        egui::Panel::top("top-bar").show(ui, |ui| {
            let sound_off = match &self.audio {
                AudioStatus::Unavailable { reason } if !self.conductor.outputs_pending() => {
                    Some(reason.as_str())
                }
                AudioStatus::Unavailable { .. } | AudioStatus::Available { .. } => None,
            };
            let bar = ui::top_bar::TopBar {
                sound_off,
                muted: self.settings.muted,
                learn_open: self.learn_open,
                history: (!matches!(self.screen, Screen::Player(_)))
                    .then_some(matches!(self.screen, Screen::History(_))),
            };
            commands.extend(ui::top_bar::top_bar_ui(ui, &bar));
        });
        if !self.notices.list.is_empty() || self.undo.is_some() {
            egui::Panel::bottom("notices").show(ui, |ui| {
                let undo = self.undo.as_ref().map(|(_, name)| Undo { name });
                commands.extend(ui::notices::notices_line_ui(
                    ui,
                    &self.notices.list,
                    undo.as_ref(),
                ));
            });
        }
        // Learn sits beside the screen where there is room for both, and always beside the
        // player (the routine stays in view); in a narrower window it takes the screen's place
        // until it is closed, rather than squeezing both.
        let learn_in_place = self.learn_open
            && !matches!(self.screen, Screen::Player(_))
            && ctx.content_rect().width() < LEARN_BESIDE_FROM;
        if self.learn_open && !learn_in_place {
            egui::Panel::right("learn")
                .resizable(true)
                .default_size(500.0)
                .size_range(320.0..=600.0)
                .show(ui, |ui| learn_panel_ui(ui, &mut self.learn, &mut commands));
        }
        let dropped = ui::dialogs::dropped_routine_files(&ctx);
        if matches!(self.screen, Screen::Home) && self.modal.is_none() {
            commands.extend(dropped);
        } else if !dropped.is_empty() {
            self.notify(Notice::plain(
                "Nothing was imported: drop routine files on the home screen, with no dialog open.",
            ));
        }
        if learn_in_place {
            central_panel(ui).show(ui, |ui| learn_panel_ui(ui, &mut self.learn, &mut commands));
        } else {
            commands.extend(self.screen_ui(ui));
        }
        if let Some(modal) = &self.modal {
            let context = DialogContext {
                settings: &self.settings,
                audio: &self.audio,
                voice: &self.voice,
                notices: &self.notices.list,
                routines: &self.routines,
            };
            commands.extend(ui::dialogs::modal_ui(&ctx, modal, &context));
        }
        if let Some(Modal::Pain(ask)) = &mut self.modal {
            // The focus moved to the rating row once; Tab may take it on from there.
            ask.focus_rating = false;
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

    /// Draws the screen showing.
    fn screen_ui(&mut self, ui: &mut egui::Ui) -> Vec<Command> {
        let mut commands = Vec::new();
        let mut figure_moving = false;
        let mut shown_figure = None;
        let session = match self.screen {
            Screen::Player(_) => self.session_now(),
            Screen::Home
            | Screen::BeforeStart { .. }
            | Screen::Finished(_)
            | Screen::Editor(_)
            | Screen::History(_) => None,
        };
        let selected = self.selected_listed().cloned();
        let starting = self.routine_starting().cloned();
        match &mut self.screen {
            Screen::BeforeStart { ticked } => {
                let routine = starting.as_ref();
                let view = ui::safety::BeforeStart {
                    routine_name: routine.map_or("", |r| r.name()),
                    needs_acknowledgement: !self.settings.safety_acknowledged,
                    self_massage: routine.is_some_and(|r| {
                        r.steps()
                            .iter()
                            .any(|s| s.kind == crate::core::routine::StepKind::SelfMassage)
                    }),
                };
                central_panel(ui).show(ui, |ui| {
                    commands.extend(ui::safety::before_start_ui(ui, &view, ticked));
                });
            }
            Screen::Editor(state) => {
                central_panel(ui).show(ui, |ui| {
                    commands.extend(ui::editor::editor_ui(ui, state).map(Command::Editor));
                });
            }
            Screen::Home => commands.extend(self.home_ui(ui, selected.as_ref())),
            Screen::Player(_) => {
                central_panel(ui).show(ui, |ui| {
                    if let Some((session, now)) = &session {
                        let view = session.view(*now);
                        let plan = session.plan();
                        let player = ui::player::PlayerView {
                            routine_name: plan.run().name(),
                            steps: plan.run().steps().len(),
                            view: &view,
                        };
                        let figure = ui::figure::PlayerFigure::of(&view);
                        figure_moving = figure.moving;
                        shown_figure = Some(figure);
                        let paint = |ui: &mut egui::Ui, rect: egui::Rect| {
                            ui::figure::figure_ui(
                                ui,
                                figure.figure,
                                &figure.pose,
                                figure.side,
                                rect,
                            );
                        };
                        commands.extend(ui::player::player_ui(ui, &player, Some(&paint)));
                    }
                });
            }
            Screen::Finished(ending) => {
                central_panel(ui).show(ui, |ui| {
                    commands.extend(ui::finished::finished_ui(ui, ending));
                });
            }
            Screen::History(history) => {
                central_panel(ui).show(ui, |ui| {
                    if ui.button("Back to routines").clicked() {
                        commands.push(Command::Open(Opening::History));
                    }
                    if let (Some(state), Some((_, today))) =
                        (self.programme.state, &self.programme.today)
                    {
                        ui::programme::weeks_ui(ui, state.programme.programme().name, today);
                    }
                    commands
                        .extend(ui::history::history_ui(ui, &history.view).map(Command::History));
                });
            }
        }
        if shown_figure.is_some() {
            self.shown_figure = shown_figure;
        }
        if figure_moving {
            // Only while the figure moves, paced to a share of a core; a still hold repaints
            // once a second for the countdown alone.
            self.pacer
                .observe(super::pace::process_cpu(), self.stats.frames);
            ui.ctx().request_repaint_after(self.pacer.interval());
        } else {
            self.pacer.pause();
        }
        commands
    }

    fn home_ui(
        &self,
        ui: &mut egui::Ui,
        routine: Option<&crate::store::routines::Listed>,
    ) -> Vec<Command> {
        let mut commands = Vec::new();
        let choice = routine
            .map(|l| self.choice_for(l.routine.id(), None))
            .unwrap_or_default();
        let sized = routine.map(|l| self.sized(&l.routine));
        // While "Make me a session" is open, it shows in place of the selected routine.
        let maker_open = self.maker.open;
        let view = ui::home::HomeView {
            routines: &self.routines,
            selected: routine
                .zip(sized.as_ref())
                .filter(|_| !maker_open)
                .map(|(r, s)| (r, &choice, s)),
            timing: self.settings.timing(),
            programme: self.programme_view(),
        };
        egui::Panel::left("routines")
            .resizable(true)
            .default_size(330.0)
            .show(ui, |ui| {
                commands.extend(ui::session_maker::card_ui(ui, maker_open));
                commands.extend(ui::home::routine_list_ui(ui, &view));
            });
        central_panel(ui).show(ui, |ui| {
            if maker_open {
                let maker = ui::session_maker::MakerView {
                    choices: &self.settings.builder,
                    made: self.maker.made.as_ref(),
                    saved_as: self.maker.saved_as.as_deref(),
                    timing: self.settings.timing(),
                };
                commands.extend(ui::session_maker::maker_ui(ui, &maker));
            } else {
                commands.extend(ui::home::routine_detail_ui(ui, &view));
            }
        });
        commands
    }
}

/// From this window width on, Learn opens beside the screen instead of in its place.
const LEARN_BESIDE_FROM: f32 = 1400.0;

/// Learn's heading, its Close button and its pages.
fn learn_panel_ui(
    ui: &mut egui::Ui,
    learn: &mut ui::learn::LearnState,
    commands: &mut Vec<Command>,
) {
    ui.horizontal(|ui| {
        ui.label(egui::RichText::new("Learn").size(20.0).strong());
        if ui.button("Close Learn").clicked() {
            commands.push(Command::Open(Opening::ToggleLearn));
        }
    });
    ui::learn::learn_ui(ui, learn);
}

/// The central panel without a fill of its own: the window is cleared to the panel colour
/// instead (see `clear_color`), which saves shading every pixel twice on each frame.
fn central_panel(ui: &egui::Ui) -> egui::CentralPanel {
    egui::CentralPanel::default()
        .frame(egui::Frame::central_panel(ui.style()).fill(egui::Color32::TRANSPARENT))
}
