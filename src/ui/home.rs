//! The home screen: the programme card ([`super::programme`]) above the routines grouped by
//! category, the selected routine's steps, its length control (presets, minutes, per-step holds
//! and repetitions) and a large Start button.

use egui::{Align, Button, DragValue, Layout, RichText, ScrollArea, Ui};

use super::theme::{self, Palette};
use super::{Command, HomeCommand, LibraryCommand};
use crate::core::fit::{Fitted, LengthChoice, StepOverride, TARGET_MINUTES};
use crate::core::plan::{Timing, clock, total_secs};
use crate::core::routine::model::{HOLD_SECS, REPS};
use crate::core::routine::{Category, Pattern, Routine, STOP_RULE, Sides};
use crate::store::routines::{Listed, Origin};

/// The length presets offered as buttons, in minutes.
pub const PRESET_MINUTES: [u32; 4] = [5, 10, 15, 20];

/// What the home screen shows.
pub struct HomeView<'a> {
    /// Every routine, with where it comes from.
    pub routines: &'a [Listed],
    /// The selected routine, its length choices and the routine sized by them.
    pub selected: Option<(&'a Listed, &'a LengthChoice, &'a Fitted)>,
    /// The pauses in use.
    pub timing: Timing,
    /// The programme card: today's session, or the programmes to start one from.
    pub programme: super::programme::ProgrammeView<'a>,
}

/// The list of routines, grouped by category, for the side panel.
pub fn routine_list_ui(ui: &mut Ui, view: &HomeView<'_>) -> Vec<Command> {
    let mut commands = Vec::new();
    let palette = Palette::of(ui.visuals());
    let selected_id = view.selected.map(|(l, _, _)| l.routine.id());
    ui.horizontal(|ui| {
        if ui.button("New routine").clicked() {
            commands.push(Command::Library(LibraryCommand::New));
        }
        if ui
            .button("Import...")
            .on_hover_text("Open a routine file (.toml); you can also drop one on the window")
            .clicked()
        {
            commands.push(Command::Library(LibraryCommand::PickImport));
        }
    });
    let own = |l: &&Listed| l.origin == Origin::Custom;
    let groups: Vec<(&str, Vec<&Routine>)> = std::iter::once((
        "Your routines",
        view.routines
            .iter()
            .filter(own)
            .map(|l| &l.routine)
            .collect(),
    ))
    .chain(Category::ALL.into_iter().map(|category| {
        let routines = view
            .routines
            .iter()
            .filter(|l| l.origin == Origin::BuiltIn && l.routine.category() == category)
            .map(|l| &l.routine)
            .collect();
        (category.label(), routines)
    }))
    .collect();
    ScrollArea::vertical()
        .id_salt("routine-list")
        .show(ui, |ui| {
            commands.extend(super::programme::today_card_ui(ui, &view.programme));
            for (heading, routines) in groups {
                if routines.is_empty() {
                    continue;
                }
                ui.add_space(theme::GAP_S);
                ui.label(RichText::new(heading).size(19.0).strong());
                for routine in routines {
                    let selected = selected_id == Some(routine.id());
                    let response = ui
                        .with_layout(Layout::top_down_justified(Align::LEFT), |ui| {
                            ui.selectable_label(
                                selected,
                                RichText::new(routine.name()).strong().size(17.0),
                            )
                        })
                        .inner;
                    if response.clicked() && !selected {
                        commands.push(Command::Home(HomeCommand::Select(routine.id().to_owned())));
                    }
                    ui.label(RichText::new(routine.summary()).color(palette.quiet));
                    ui.label(
                        RichText::new(routine_facts(routine, view.timing))
                            .small()
                            .color(palette.quiet),
                    );
                    ui.add_space(theme::GAP_S);
                }
            }
        });
    commands
}

/// "8:43 · Ball, Foam roller": length and equipment, as one line.
fn routine_facts(routine: &Routine, timing: Timing) -> String {
    let equipment: Vec<&str> = routine.equipment().iter().map(|e| e.label()).collect();
    let equipment = if equipment.is_empty() {
        "no equipment".to_owned()
    } else {
        equipment.join(", ")
    };
    format!("{} · {equipment}", clock(total_secs(routine, timing)))
}

/// The selected routine: its length control, Start, and its steps.
pub fn routine_detail_ui(ui: &mut Ui, view: &HomeView<'_>) -> Vec<Command> {
    let mut commands = Vec::new();
    let Some((listed, choice, sized)) = view.selected else {
        ui.vertical_centered(|ui| {
            ui.add_space(80.0);
            ui.heading("Choose a routine on the left");
        });
        return commands;
    };
    let routine = &listed.routine;
    // Wide windows: the length and Start on the left, the steps beside them; else one column.
    let two_columns = ui.available_width() >= TWO_COLUMNS_FROM;
    // The scroll area takes the whole panel, so its bar sits at the window's edge and the wheel
    // scrolls from anywhere beside the list; the column inside keeps a readable width.
    ScrollArea::vertical()
        .id_salt("routine-detail")
        .auto_shrink(false)
        .show(ui, |ui| {
            if two_columns {
                ui.columns(2, |columns| {
                    let left = &mut columns[0];
                    left.set_max_width(left.available_width().min(DETAIL_MAX_WIDTH));
                    left.with_layout(Layout::top_down(Align::LEFT), |ui| {
                        routine_summary_ui(ui, view, &mut commands);
                    });
                    steps_ui(&mut columns[1], routine, choice, sized, &mut commands);
                });
            } else {
                ui.set_max_width(ui.available_width().min(DETAIL_MAX_WIDTH));
                routine_summary_ui(ui, view, &mut commands);
                ui.add_space(theme::GAP_M);
                steps_ui(ui, routine, choice, sized, &mut commands);
            }
        });
    commands
}

/// From this width on, the details show in two columns.
const TWO_COLUMNS_FROM: f32 = 1000.0;
/// The widest a column of details grows (lines longer than this are hard to read).
const DETAIL_MAX_WIDTH: f32 = 760.0;

/// The selected routine's name, summary, actions, length and Start.
fn routine_summary_ui(ui: &mut Ui, view: &HomeView<'_>, commands: &mut Vec<Command>) {
    let Some((listed, choice, sized)) = view.selected else {
        return;
    };
    let routine = &listed.routine;
    let palette = Palette::of(ui.visuals());
    {
        {
            ui.add(egui::Label::new(RichText::new(routine.name()).size(28.0).strong()).wrap());
            ui.label(routine.summary());
            ui.label(RichText::new(routine_facts(routine, view.timing)).color(palette.quiet));
            ui.horizontal(|ui| match listed.origin {
                Origin::BuiltIn => {
                    if ui
                        .button("Make it mine")
                        .on_hover_text("Copy this routine into your own, editable routines")
                        .clicked()
                    {
                        commands.push(Command::Library(LibraryCommand::MakeItMine));
                    }
                }
                Origin::Custom => {
                    if ui.button("Edit").clicked() {
                        commands.push(Command::Library(LibraryCommand::Edit));
                    }
                    if ui
                        .button("Export...")
                        .on_hover_text("Save a copy of this routine as a file, to keep or share")
                        .clicked()
                    {
                        commands.push(Command::Library(LibraryCommand::PickExport));
                    }
                    if ui.button("Delete").clicked() {
                        commands.push(Command::Library(LibraryCommand::Delete));
                    }
                }
            });
            ui.add_space(theme::GAP_M);

            length_ui(ui, routine, choice, sized, view.timing, commands);

            ui.add_space(theme::GAP_M);
            let start = Button::new(
                RichText::new(format!("Start  ({})", clock(sized.total_secs)))
                    .size(22.0)
                    .strong()
                    .color(palette.on_accent),
            )
            .fill(palette.accent)
            .min_size(egui::vec2(260.0, 56.0));
            if ui
                .add(start)
                .on_hover_text("Start the routine (Enter)")
                .clicked()
            {
                commands.push(Command::Home(HomeCommand::Start));
            }
            ui.add_space(theme::GAP_S);
            ui.add(
                egui::Label::new(
                    RichText::new(format!("Stop rule: {STOP_RULE}")).color(palette.caution),
                )
                .wrap(),
            );
        }
    }
}

fn length_ui(
    ui: &mut Ui,
    routine: &Routine,
    choice: &LengthChoice,
    sized: &Fitted,
    timing: Timing,
    commands: &mut Vec<Command>,
) {
    egui::Frame::group(ui.style())
        .inner_margin(egui::Margin::same(12))
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(RichText::new("Length").size(20.0).strong());
                ui.label(
                    RichText::new(clock(sized.total_secs))
                        .size(26.0)
                        .strong()
                        .monospace(),
                );
            });
            ui.horizontal_wrapped(|ui| {
                for minutes in PRESET_MINUTES {
                    let chosen = choice.target_minutes == Some(minutes);
                    if ui
                        .add(Button::selectable(chosen, format!("{minutes} min")))
                        .clicked()
                    {
                        commands.push(set_length(LengthChoice {
                            target_minutes: Some(minutes),
                            ..choice.clone()
                        }));
                    }
                }
                let authored = format!("As written ({})", clock(total_secs(routine, timing)));
                let as_written = *choice == LengthChoice::default();
                if ui.add(Button::selectable(as_written, authored)).clicked() {
                    commands.push(set_length(LengthChoice::default()));
                }
            });
            ui.horizontal(|ui| {
                let label = ui.label("Target minutes");
                let mut minutes = choice
                    .target_minutes
                    .unwrap_or_else(|| (sized.total_secs + 30) / 60);
                let response = ui
                    .add(
                        // A routine longer than the control's top shows its own length and is
                        // left alone until the person moves the control.
                        DragValue::new(&mut minutes)
                            .range(TARGET_MINUTES)
                            .clamp_existing_to_range(false)
                            .speed(0.2)
                            .suffix(" min"),
                    )
                    .labelled_by(label.id);
                if response.changed() {
                    commands.push(set_length(LengthChoice {
                        target_minutes: Some(minutes),
                        ..choice.clone()
                    }));
                }
            });
            // A line is kept for the note whether or not there is one, so the steps table
            // below never moves under the pointer.
            let note = sized.note();
            let line = ui.add(
                egui::Label::new(
                    RichText::new(note.as_deref().unwrap_or(" "))
                        .color(Palette::of(ui.visuals()).caution),
                )
                .wrap(),
            );
            if let Some(note) = &note {
                line.on_hover_text(note);
            }
        });
}

fn steps_ui(
    ui: &mut Ui,
    original: &Routine,
    choice: &LengthChoice,
    sized: &Fitted,
    commands: &mut Vec<Command>,
) {
    let palette = Palette::of(ui.visuals());
    ui.horizontal(|ui| {
        ui.label(RichText::new("Steps").size(20.0).strong());
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            let hand_set = !choice.steps.is_empty() || !choice.by_position.is_empty();
            if hand_set && ui.button("Reset step lengths").clicked() {
                commands.push(set_length(LengthChoice {
                    target_minutes: choice.target_minutes,
                    ..LengthChoice::default()
                }));
            }
        });
    });
    // One row a step: its picture, then its name, its dose controls and what fitting changed,
    // each wrapping to the width there is, so nothing is cut off in a narrow window.
    for (index, (authored, change)) in original.steps().iter().zip(&sized.changes).enumerate() {
        let over = choice.for_step(&authored.id, index);
        let fitted = sized.run.steps().iter().find(|s| s.id == authored.id);
        let shown = fitted.unwrap_or(authored);
        step_row(ui, index, &authored.name, shown, |ui| {
            ui.horizontal_wrapped(|ui| {
                step_dose_ui(
                    ui, original, choice, authored, fitted, shown, index, over, commands,
                );
                ui.label(
                    RichText::new(match shown.sides {
                        Sides::None => "",
                        Sides::Each => "left, then right",
                        Sides::Alternate => "alternating",
                    })
                    .color(palette.quiet),
                );
            });
            let described = change.describe();
            ui.add(
                egui::Label::new(
                    RichText::new(if described.is_empty() {
                        "At this length: as written".to_owned()
                    } else {
                        format!("At this length: {described}")
                    })
                    .color(if change.is_change() {
                        palette.caution
                    } else {
                        palette.quiet
                    }),
                )
                .wrap(),
            );
        });
    }
}

/// One step of a list as a row, striped every other one: its picture, its number and name,
/// then `details` under the name, each wrapping to the width there is.
pub(super) fn step_row(
    ui: &mut Ui,
    index: usize,
    name: &str,
    pictured: &crate::core::routine::Step,
    details: impl FnOnce(&mut Ui),
) {
    let fill = if index.is_multiple_of(2) {
        ui.visuals().faint_bg_color
    } else {
        egui::Color32::TRANSPARENT
    };
    egui::Frame::new()
        .fill(fill)
        .inner_margin(egui::Margin::symmetric(6, 4))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_top(|ui| {
                super::figure::step_thumbnail_ui(ui, pictured);
                ui.vertical(|ui| {
                    ui.add(
                        egui::Label::new(RichText::new(format!("{}. {name}", index + 1)).strong())
                            .wrap(),
                    );
                    details(ui);
                });
            });
        });
}

/// A step's hold (or tempo) and repetitions, editable when the step is in the fitted routine.
#[allow(clippy::too_many_arguments)] // One row of the steps list; splitting it only moves the arguments.
fn step_dose_ui(
    ui: &mut Ui,
    original: &Routine,
    choice: &LengthChoice,
    authored: &crate::core::routine::Step,
    fitted: Option<&crate::core::routine::Step>,
    shown: &crate::core::routine::Step,
    index: usize,
    over: StepOverride,
    commands: &mut Vec<Command>,
) {
    let palette = Palette::of(ui.visuals());
    let Some(step) = fitted else {
        ui.label(RichText::new(format!("{} s", shown.rep_secs)).color(palette.quiet));
        ui.label(RichText::new(reps_text(shown.reps, shown.sides)).color(palette.quiet));
        return;
    };
    if step.pattern == Pattern::Hold {
        let mut hold = step.rep_secs;
        let hold_edit = ui
            .add(DragValue::new(&mut hold).range(HOLD_SECS).suffix(" s").speed(0.3))
            .accessible_name(format!("Hold for {}", step.name))
            .on_hover_text(format!(
                "Hold for step {}; written as {} s, {} for this technique. Setting it keeps it fixed when the whole length changes.",
                index + 1,
                authored.rep_secs,
                authored.dose_range().label(Pattern::Hold),
            ));
        if hold_edit.changed() {
            commands.push(set_step(
                choice,
                original,
                &authored.id,
                StepOverride {
                    hold_secs: Some(hold),
                    ..over
                },
            ));
        }
    } else {
        ui.label(format!("{} s a move", step.rep_secs))
            .on_hover_text("A movement keeps its tempo; only the number of moves changes.");
    }
    let mut reps = step.reps;
    let reps_edit = ui
        .add(reps_drag_value(&mut reps, step.sides))
        .accessible_name(format!("Repetitions for {}", step.name))
        .on_hover_text(format!("Repetitions per side for step {}", index + 1));
    if reps_edit.changed() {
        commands.push(set_step(
            choice,
            original,
            &authored.id,
            StepOverride {
                reps: Some(reps),
                ..over
            },
        ));
    }
}

/// A step's repetitions as the steps table shows them: "× 8", or per side in words ("8 each
/// side (16 in all)", from [`Sides::reps_words`]).
fn reps_text(reps: u32, sides: Sides) -> String {
    match sides {
        Sides::None => format!("× {reps}"),
        Sides::Each | Sides::Alternate => sides.reps_words(reps),
    }
}

/// The repetitions field: dragged or typed as a number, shown as [`reps_text`] says.
fn reps_drag_value(reps: &mut u32, sides: Sides) -> DragValue<'_> {
    DragValue::new(reps)
        .range(REPS)
        .speed(0.1)
        .custom_formatter(move |n, _| reps_text(n.round() as u32, sides))
        .custom_parser(|text| {
            text.trim()
                .trim_start_matches('×')
                .split_whitespace()
                .next()
                .and_then(|word| word.parse::<f64>().ok())
        })
}

/// Sets one step's choice, by its id (moving any choices kept by position to ids first).
fn set_step(choice: &LengthChoice, routine: &Routine, id: &str, over: StepOverride) -> Command {
    let mut next = choice.keyed_by_id(routine);
    next.steps.insert(id.to_owned(), over);
    set_length(next)
}

fn set_length(choice: LengthChoice) -> Command {
    Command::Home(HomeCommand::SetLength(choice))
}
