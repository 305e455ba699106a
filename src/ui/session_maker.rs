//! "Make me a session": the home screen's card (one click on a place makes a session there) and
//! the panel where the answers are given (minutes, place, what is at hand, focus, pain today,
//! techniques left out) and the made session is shown like any routine: its steps, why each is
//! there, what could not be met, with Start and "Save as mine".
//!
//! The panel only draws from [`MakerView`] and returns [`MakerCommand`]s; the app keeps the
//! answers in the settings (see [`crate::core::settings::BuilderChoices`]), makes the session
//! with [`crate::core::builder::build`] and starts or saves it.

use egui::{Button, DragValue, RichText, ScrollArea, Ui};

use super::Command;
use super::theme::{self, Palette};
use crate::core::builder::{self, Focus, Place, Session};
use crate::core::plan::{Timing, clock};
use crate::core::routine::{Equipment, Sides, TechniqueId};
use crate::core::settings::BuilderChoices;

/// The minutes offered as buttons.
pub const PRESET_MINUTES: [u32; 4] = [5, 10, 15, 20];

/// The equipment a person can say is at hand (their hands always are, and "no equipment" is
/// what is left when nothing is ticked).
pub const OFFERED_EQUIPMENT: [Equipment; 6] = [
    Equipment::Strap,
    Equipment::Ball,
    Equipment::FoamRoller,
    Equipment::MassageStick,
    Equipment::Chair,
    Equipment::Desk,
];

/// What the session maker asks the app for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MakerCommand {
    /// Open the panel with this place chosen, and make a session there at once.
    OpenAt(Place),
    /// Close the panel (back to the selected routine).
    Close,
    /// Use these answers (kept in the settings); a session shown is made again from them.
    Answer(BuilderChoices),
    /// Make a session from the answers; when one is shown, another one from the same answers.
    Make,
    /// Start the session shown.
    Start,
    /// Save the session shown among the person's own routines.
    SaveAsMine,
}

/// What the panel shows.
pub struct MakerView<'a> {
    /// The answers.
    pub choices: &'a BuilderChoices,
    /// The session made from them, if one was made.
    pub made: Option<&'a Session>,
    /// The name the shown session was saved under, once saved.
    pub saved_as: Option<&'a str>,
    /// The pauses in use.
    pub timing: Timing,
}

fn maker(command: MakerCommand) -> Command {
    Command::Maker(command)
}

/// The card at the top of the routine list, kept to two short lines so the list keeps its
/// room: the heading and a button for each place; `open` when the panel is showing (then the
/// card has Close instead).
pub fn card_ui(ui: &mut Ui, open: bool) -> Vec<Command> {
    let mut commands = Vec::new();
    egui::Frame::group(ui.style())
        .inner_margin(egui::Margin::same(6))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new("Make me a session").size(17.0).strong());
                if open
                    && ui
                        .button("Close")
                        .on_hover_text("Back to the routines")
                        .clicked()
                {
                    commands.push(maker(MakerCommand::Close));
                }
            });
            if !open {
                ui.horizontal_wrapped(|ui| {
                    for place in Place::ALL {
                        if ui
                            .button(card_label(place))
                            .on_hover_text(format!("Make a session {} and show it", place.phrase()))
                            .clicked()
                        {
                            commands.push(maker(MakerCommand::OpenAt(place)));
                        }
                    }
                });
            }
        });
    commands
}

/// A place's word on the card: short, so the three fit on one line beside each other.
fn card_label(place: Place) -> &'static str {
    match place {
        Place::Floor => "Floor",
        Place::Chair => "Chair",
        Place::Standing => "Standing",
    }
}

/// From this width on, the answers and the session show side by side.
const TWO_COLUMNS_FROM: f32 = 1000.0;
/// The widest a column grows.
const COLUMN_MAX_WIDTH: f32 = 760.0;

/// The panel: at the top the session made with Start, "Save as mine" and Make; below, the
/// answers and the session's steps, side by side in a wide window.
pub fn maker_ui(ui: &mut Ui, view: &MakerView<'_>) -> Vec<Command> {
    let mut commands = Vec::new();
    let two_columns = ui.available_width() >= TWO_COLUMNS_FROM;
    // The whole panel scrolls, as for a routine's details (see `home.rs`).
    ScrollArea::vertical()
        .id_salt("session-maker")
        .auto_shrink(false)
        .show(ui, |ui| {
            actions_ui(ui, view, &mut commands);
            ui.add_space(theme::GAP_M);
            if two_columns {
                ui.columns(2, |columns| {
                    let left = &mut columns[0];
                    left.set_max_width(left.available_width().min(COLUMN_MAX_WIDTH));
                    answers_ui(left, view, &mut commands);
                    steps_ui(&mut columns[1], view, &mut commands);
                });
            } else {
                ui.set_max_width(ui.available_width().min(COLUMN_MAX_WIDTH));
                answers_ui(ui, view, &mut commands);
                ui.add_space(theme::GAP_M);
                steps_ui(ui, view, &mut commands);
            }
        });
    commands
}

/// A sub-heading of the answers.
fn question(ui: &mut Ui, text: &str) {
    ui.add_space(theme::GAP_S);
    ui.label(RichText::new(text).size(17.0).strong());
}

/// The answers, each remembered for next time.
fn answers_ui(ui: &mut Ui, view: &MakerView<'_>, commands: &mut Vec<Command>) {
    let choices = view.choices;
    let rows: [(&str, AnswerRow); 5] = [
        ("How long", minutes_row),
        ("Where", place_row),
        ("Which part of the back", focus_row),
        ("At hand", equipment_row),
        ("Pain today (0 none, 10 worst)", pain_row),
    ];
    let mut answers = Vec::new();
    for (heading, row) in rows {
        question(ui, heading);
        ui.horizontal_wrapped(|ui| answers.extend(row(ui, choices)));
    }
    answers.extend(left_out_rows(ui, choices));
    commands.extend(
        answers
            .into_iter()
            .filter(|next| next != choices)
            .map(|next| maker(MakerCommand::Answer(next))),
    );
}

/// One question's controls: the answers after a click, if one was clicked.
type AnswerRow = fn(&mut Ui, &BuilderChoices) -> Option<BuilderChoices>;

fn minutes_row(ui: &mut Ui, choices: &BuilderChoices) -> Option<BuilderChoices> {
    let mut answer = None;
    for minutes in PRESET_MINUTES {
        let chosen = choices.minutes == minutes;
        if ui
            .add(Button::selectable(chosen, format!("{minutes} min")))
            .clicked()
        {
            answer = Some(minutes);
        }
    }
    let label = ui.label("Minutes");
    let mut minutes = choices.minutes;
    let response = ui
        .add(
            DragValue::new(&mut minutes)
                .range(builder::MINUTES)
                .speed(0.2)
                .suffix(" min"),
        )
        .labelled_by(label.id);
    if response.changed() {
        answer = Some(minutes);
    }
    answer.map(|minutes| BuilderChoices {
        minutes,
        ..choices.clone()
    })
}

fn place_row(ui: &mut Ui, choices: &BuilderChoices) -> Option<BuilderChoices> {
    let mut answer = None;
    for place in Place::ALL {
        let chosen = choices.place == place;
        if ui
            .add(Button::selectable(chosen, place.label()))
            .on_hover_text(place_hint(place))
            .clicked()
        {
            answer = Some(BuilderChoices {
                place,
                ..choices.clone()
            });
        }
    }
    answer
}

fn focus_row(ui: &mut Ui, choices: &BuilderChoices) -> Option<BuilderChoices> {
    let mut answer = None;
    let all = choices.focus.is_empty() || choices.focus.contains(&Focus::All);
    for focus in Focus::ALL {
        let chosen = if focus == Focus::All {
            all
        } else {
            !all && choices.focus.contains(&focus)
        };
        if ui.add(Button::selectable(chosen, focus.label())).clicked() {
            answer = Some(BuilderChoices {
                focus: toggled_focus(&choices.focus, focus),
                ..choices.clone()
            });
        }
    }
    answer
}

fn equipment_row(ui: &mut Ui, choices: &BuilderChoices) -> Option<BuilderChoices> {
    let mut answer = None;
    for equipment in OFFERED_EQUIPMENT {
        let mut ticked = choices.equipment.contains(&equipment);
        if ui.checkbox(&mut ticked, equipment.label()).changed() {
            let mut list: Vec<Equipment> = choices
                .equipment
                .iter()
                .copied()
                .filter(|e| *e != equipment)
                .collect();
            if ticked {
                list.push(equipment);
            }
            answer = Some(BuilderChoices {
                equipment: list,
                ..choices.clone()
            });
        }
    }
    answer
}

fn pain_row(ui: &mut Ui, choices: &BuilderChoices) -> Option<BuilderChoices> {
    let mut answer = None;
    if ui
        .add(Button::selectable(choices.pain.is_none(), "Not said"))
        .clicked()
    {
        answer = Some(None);
    }
    for pain in builder::PAIN {
        let pain = u32::from(pain);
        let button = Button::selectable(choices.pain == Some(pain), pain.to_string());
        if ui
            .add(button)
            .on_hover_text(format!("Pain today {pain} out of 10"))
            .clicked()
        {
            answer = Some(Some(pain));
        }
    }
    answer.map(|pain| BuilderChoices {
        pain,
        ..choices.clone()
    })
}

/// The techniques left out, each with "Put back".
fn left_out_rows(ui: &mut Ui, choices: &BuilderChoices) -> Option<BuilderChoices> {
    if choices.leave_out.is_empty() {
        return None;
    }
    question(ui, "Left out");
    let mut answer = None;
    for id in &choices.leave_out {
        let name = id.technique().name;
        ui.horizontal_wrapped(|ui| {
            ui.label(name);
            if ui
                .button("Put back")
                .accessible_name(format!("Put back {name}"))
                .on_hover_text(format!("Let sessions use {name} again"))
                .clicked()
            {
                answer = Some(BuilderChoices {
                    leave_out: choices
                        .leave_out
                        .iter()
                        .copied()
                        .filter(|left| left != id)
                        .collect(),
                    ..choices.clone()
                });
            }
        });
    }
    answer
}

/// What a place means, for its button's hover text.
fn place_hint(place: Place) -> &'static str {
    match place {
        Place::Floor => "On a mat or a rug at home",
        Place::Chair => "At a desk, on a chair that does not roll, in work clothes",
        Place::Standing => "Standing at a desk, with a wall nearby",
    }
}

/// The focus list after `focus` is clicked: "all" clears the others; another one is added or
/// taken away (and none left means all). The list keeps the order the buttons show.
#[must_use]
pub fn toggled_focus(current: &[Focus], focus: Focus) -> Vec<Focus> {
    if focus == Focus::All {
        return Vec::new();
    }
    let was_on = current.contains(&focus);
    Focus::ALL
        .into_iter()
        .filter(|f| *f != Focus::All)
        .filter(|f| {
            if *f == focus {
                !was_on
            } else {
                current.contains(f)
            }
        })
        .collect()
}

/// The heading, then the session made (its name, what could not be met) with Start, "Save as
/// mine" and Make another; or, before one is made, Make.
fn actions_ui(ui: &mut Ui, view: &MakerView<'_>, commands: &mut Vec<Command>) {
    let palette = Palette::of(ui.visuals());
    ui.add(egui::Label::new(RichText::new("Make me a session").size(28.0).strong()).wrap());
    let Some(session) = view.made else {
        ui.add(
            egui::Label::new(
                RichText::new("Give your answers (they are kept for next time), then press Make.")
                    .color(palette.quiet),
            )
            .wrap(),
        );
        ui.add_space(theme::GAP_S);
        make_button(ui, "Make", commands);
        return;
    };
    let routine = &session.routine;
    ui.add(
        egui::Label::new(
            RichText::new(format!(
                "{} \u{b7} {}",
                routine.name(),
                clock(session.total_secs)
            ))
            .size(20.0)
            .strong(),
        )
        .wrap(),
    );
    for unmet in &session.unmet {
        ui.add(egui::Label::new(RichText::new(unmet).color(palette.caution)).wrap());
    }
    ui.add_space(theme::GAP_S);
    ui.horizontal_wrapped(|ui| {
        let start = Button::new(
            RichText::new(format!("Start session  ({})", clock(session.total_secs)))
                .size(20.0)
                .strong()
                .color(palette.on_accent),
        )
        .fill(palette.accent)
        .min_size(egui::vec2(240.0, theme::BIG_BUTTON_HEIGHT));
        if ui
            .add(start)
            .on_hover_text("Start this session now (Enter)")
            .clicked()
        {
            commands.push(maker(MakerCommand::Start));
        }
        if view.saved_as.is_none()
            && ui
                .add(
                    Button::new("Save as mine").min_size(egui::vec2(0.0, theme::BIG_BUTTON_HEIGHT)),
                )
                .on_hover_text("Keep this session among your own routines, to run or edit later")
                .clicked()
        {
            commands.push(maker(MakerCommand::SaveAsMine));
        }
        make_button(ui, "Make another", commands);
    });
    if let Some(name) = view.saved_as {
        ui.add(
            egui::Label::new(
                RichText::new(format!(
                    "Saved among your routines as \u{201c}{name}\u{201d}."
                ))
                .color(palette.quiet),
            )
            .wrap(),
        );
    }
}

fn make_button(ui: &mut Ui, label: &str, commands: &mut Vec<Command>) {
    if ui
        .add(Button::new(label).min_size(egui::vec2(0.0, theme::BIG_BUTTON_HEIGHT)))
        .on_hover_text("Make a session from these answers")
        .clicked()
    {
        commands.push(maker(MakerCommand::Make));
    }
}

/// The session's steps, each with its dose and why it is there.
fn steps_ui(ui: &mut Ui, view: &MakerView<'_>, commands: &mut Vec<Command>) {
    let palette = Palette::of(ui.visuals());
    let Some(session) = view.made else {
        return;
    };
    let routine = &session.routine;
    ui.label(RichText::new("Steps").size(20.0).strong());
    ui.add(egui::Label::new(RichText::new(routine.summary()).color(palette.quiet)).wrap());
    for (index, step) in routine.steps().iter().enumerate() {
        let reason = session.reasons.get(index).map_or("", String::as_str);
        super::home::step_row(ui, index, &step.name, step, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.label(step.dose_words());
                if step.sides == Sides::Each {
                    ui.label(RichText::new("left, then right").color(palette.quiet));
                }
                if let Some(id) = leavable(step) {
                    leave_out_button(ui, view.choices, id, &step.name, commands);
                }
            });
            ui.add(egui::Label::new(RichText::new(reason).color(palette.quiet)).wrap());
        });
    }
    ui.add_space(theme::GAP_S);
    ui.add(
        egui::Label::new(
            RichText::new(format!("Stop rule: {}", crate::core::routine::STOP_RULE))
                .color(palette.caution),
        )
        .wrap(),
    );
}

/// The technique a step can be left out by: any but the closing rest (every session ends
/// with breathing) and a later round of a step already shown.
fn leavable(step: &crate::core::routine::Step) -> Option<TechniqueId> {
    (step.id != builder::CLOSING_REST_ID && !step.id.contains("-round-"))
        .then(|| step.technique_id())
        .flatten()
}

fn leave_out_button(
    ui: &mut Ui,
    choices: &BuilderChoices,
    id: TechniqueId,
    name: &str,
    commands: &mut Vec<Command>,
) {
    if ui
        .small_button("Leave out")
        .accessible_name(format!("Leave out {name}"))
        .on_hover_text(format!(
            "Never put {name} in a session made for you (you can put it back)"
        ))
        .clicked()
    {
        let mut leave_out = choices.leave_out.clone();
        leave_out.push(id);
        commands.push(maker(MakerCommand::Answer(BuilderChoices {
            leave_out,
            ..choices.clone()
        })));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// For any clicks on the focus buttons, the answer never holds a focus twice nor "all"
        /// beside others; clicking "all" clears the rest, and clicking one twice undoes it.
        #[test]
        fn any_focus_clicks_keep_a_clean_list(
            clicks in proptest::collection::vec(proptest::sample::select(Focus::ALL.to_vec()), 0..20),
        ) {
            let mut focus: Vec<Focus> = Vec::new();
            for click in clicks {
                let before = focus.clone();
                focus = toggled_focus(&focus, click);
                proptest::prop_assert!(!focus.contains(&Focus::All));
                for (i, f) in focus.iter().enumerate() {
                    proptest::prop_assert!(!focus[i + 1..].contains(f));
                }
                if click == Focus::All {
                    proptest::prop_assert!(focus.is_empty());
                } else {
                    proptest::prop_assert_eq!(toggled_focus(&focus, click), before);
                }
            }
        }
    }
}
