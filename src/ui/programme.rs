//! The programme on screen: the "Today" card on Home (today's session with Start, the reason
//! for this week's doses, the see-someone notice, sessions a week, pause, resume and leave, or
//! the programmes to start one from) and the programme's weeks on the History screen.
//!
//! Everything shown comes from [`crate::core::programme::Today`], worked out by the app; the
//! panels return [`ProgrammeCommand`]s and change nothing themselves.

use egui::{Button, RichText, Ui};

use super::theme::{self, Palette};
use super::{Command, Opening};
use crate::core::plan::Timing;
use crate::core::programme::{Light, ProgrammeId, ProgrammeState, SESSIONS_PER_WEEK, Today};

/// What the programme card asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProgrammeCommand {
    /// Start this programme from today.
    Begin(ProgrammeId),
    /// Run today's session.
    StartToday,
    /// Pause the programme.
    Pause,
    /// Resume it.
    Resume,
    /// Ask to leave it.
    AskLeave,
    /// Leave it (the history keeps every session).
    Leave,
    /// Keep it after all.
    KeepIt,
    /// Change the sessions a week.
    SessionsPerWeek(u8),
}

/// What the card shows.
pub enum ProgrammeView<'a> {
    /// No programme in progress: the programmes to start one from.
    Choose,
    /// A programme in progress and where the person stands today.
    InProgress {
        /// The state kept on disk.
        state: ProgrammeState,
        /// Today's session and the reasons.
        today: &'a Today,
        /// Whether "Leave programme" was pressed and waits for an answer.
        asking_leave: bool,
        /// The pauses in use, for the session's length.
        timing: Timing,
    },
    /// No folder for Unknot's files: programmes cannot be kept.
    Unavailable,
}

/// The heading that opens the list of programmes to start one from.
pub const PROGRAMMES: &str = "Programmes over weeks";
/// The label of the button that runs today's session.
pub const START_TODAY: &str = "Start today's session";
/// The label of the button that shows the red flags from the see-someone notice.
pub const RED_FLAGS: &str = "Warning signs (red flags)";

/// The "Today" card, or the programmes to start one from.
pub fn today_card_ui(ui: &mut Ui, view: &ProgrammeView<'_>) -> Vec<Command> {
    let mut commands = Vec::new();
    let palette = Palette::of(ui.visuals());
    match view {
        ProgrammeView::Unavailable => {}
        // Folded away until asked for, so the routines stay where they were.
        ProgrammeView::Choose => {
            egui::CollapsingHeader::new(RichText::new(PROGRAMMES).size(17.0).strong())
                .default_open(false)
                .show(ui, |ui| choose_ui(ui, &palette, &mut commands));
        }
        ProgrammeView::InProgress {
            state,
            today,
            asking_leave,
            timing,
        } => {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.set_width(ui.available_width());
                let card = Card {
                    state: *state,
                    today,
                    asking_leave: *asking_leave,
                    timing: *timing,
                };
                in_progress_ui(ui, &palette, &card, &mut commands);
            });
        }
    }
    commands
}

fn choose_ui(ui: &mut Ui, palette: &Palette, commands: &mut Vec<Command>) {
    ui.label(
        RichText::new(
            "Weeks of sessions that grow as your back allows and ease off when it says so.",
        )
        .color(palette.quiet),
    );
    for id in ProgrammeId::ALL {
        let p = id.programme();
        ui.add_space(theme::GAP_S);
        ui.label(RichText::new(p.name).strong());
        ui.label(
            RichText::new(format!(
                "{} weeks, {}, {}–{} sessions a week",
                p.weeks,
                p.place_words,
                SESSIONS_PER_WEEK.start(),
                SESSIONS_PER_WEEK.end()
            ))
            .small()
            .color(palette.quiet),
        );
        super::learn::sources_line_ui(ui, p.sources);
        if ui.button(format!("Start {}", p.name)).clicked() {
            commands.push(Command::Programme(ProgrammeCommand::Begin(id)));
        }
    }
}

/// What the card of a programme in progress draws from.
struct Card<'a> {
    state: ProgrammeState,
    today: &'a Today,
    asking_leave: bool,
    timing: Timing,
}

fn in_progress_ui(ui: &mut Ui, palette: &Palette, card: &Card<'_>, commands: &mut Vec<Command>) {
    let Card {
        state,
        today,
        asking_leave,
        timing,
    } = *card;
    let mut push = |c: ProgrammeCommand| commands.push(Command::Programme(c));
    let p = state.programme.programme();
    ui.label(RichText::new("Today").size(19.0).strong());
    ui.label(
        RichText::new(format!("{}: {}", p.name, today.phase.name.to_lowercase()))
            .color(palette.quiet),
    );
    ui.label(RichText::new(today.headline_with(timing)).strong());
    if today.finished {
        ui.label("Programme complete: keep going with its last week.");
    }
    if state.paused {
        ui.label("Paused. Nothing moves on while it is paused.");
        if ui.button("Resume programme").clicked() {
            push(ProgrammeCommand::Resume);
        }
    } else if ui
        .add(
            Button::new(
                RichText::new(START_TODAY)
                    .size(17.0)
                    .strong()
                    .color(palette.on_accent),
            )
            .fill(palette.accent),
        )
        .clicked()
    {
        push(ProgrammeCommand::StartToday);
    }
    ui.label(RichText::new(&today.reason).color(palette.quiet));
    if let Some(notice) = &today.see_someone {
        ui.add_space(theme::GAP_S);
        ui.label(RichText::new(notice).color(palette.caution));
        if ui.button(RED_FLAGS).clicked() {
            commands.push(Command::Open(Opening::RedFlags));
        }
    }
    let mut push = |c: ProgrammeCommand| commands.push(Command::Programme(c));
    ui.add_space(theme::GAP_S);
    ui.horizontal_wrapped(|ui| {
        ui.label("Sessions a week:");
        for n in SESSIONS_PER_WEEK {
            let chosen = state.sessions_per_week() == n;
            if ui
                .selectable_label(chosen, n.to_string())
                .on_hover_text(format!("{n} sessions a week"))
                .clicked()
                && !chosen
            {
                push(ProgrammeCommand::SessionsPerWeek(n));
            }
        }
    });
    ui.horizontal_wrapped(|ui| {
        if asking_leave {
            ui.label("Leave the programme? Your history keeps every session.");
            if ui.button("Leave").clicked() {
                push(ProgrammeCommand::Leave);
            }
            if ui.button("Keep it").clicked() {
                push(ProgrammeCommand::KeepIt);
            }
        } else {
            if !state.paused && ui.button("Pause").clicked() {
                push(ProgrammeCommand::Pause);
            }
            if ui.button("Leave programme").clicked() {
                push(ProgrammeCommand::AskLeave);
            }
        }
    });
}

/// The programme's weeks for the History screen: planned, done and the light of each, and the
/// same in a sentence.
pub fn weeks_ui(ui: &mut Ui, name: &str, today: &Today) {
    let palette = Palette::of(ui.visuals());
    ui.label(
        RichText::new(format!("{name}: your weeks"))
            .size(19.0)
            .strong(),
    );
    ui.label(today.weeks_sentence());
    // A few weeks in view, the rest a scroll away, so the history below keeps its room.
    egui::ScrollArea::vertical()
        .id_salt("programme-weeks-scroll")
        .max_height(WEEKS_MAX_HEIGHT)
        .show(ui, |ui| weeks_grid_ui(ui, &palette, today));
    ui.add_space(theme::GAP_M);
}

/// The tallest the list of weeks on the History screen grows, in points.
const WEEKS_MAX_HEIGHT: f32 = 150.0;

fn weeks_grid_ui(ui: &mut Ui, palette: &Palette, today: &Today) {
    egui::Grid::new("programme-weeks")
        .striped(true)
        .num_columns(4)
        .show(ui, |ui| {
            for heading in ["Week", "Doses", "Sessions", "Light"] {
                ui.label(RichText::new(heading).strong());
            }
            ui.end_row();
            for week in &today.weeks_log {
                let from = format!("{} (from {})", week.number, week.first_day);
                ui.label(if week.current {
                    format!("{from}, this week")
                } else {
                    from
                });
                ui.label(format!(
                    "week {}{}",
                    week.programme_week,
                    if week.lighter { ", lighter" } else { "" }
                ));
                ui.label(format!("{} of {}", week.done, week.planned));
                let (word, colour) = match week.light {
                    None => ("not rated", palette.quiet),
                    Some(Light::Green) => ("green", palette.accent),
                    Some(Light::Amber) => ("amber", palette.caution),
                    Some(Light::Red) => ("red", palette.danger),
                };
                ui.label(RichText::new(word).color(colour));
                ui.end_row();
            }
        });
}
