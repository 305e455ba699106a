//! Settings, Reminders: the switch (which also writes or removes the login entry), the days,
//! the working hours, every N minutes or set clock times, what to suggest, the snooze length,
//! and a Test button.
//!
//! Hours and times are typed as text (`09:00-12:30, 13:30-17:30`; `10:30, 15:00`). What is
//! typed is kept in egui's memory while it is edited; the settings change only when all of it
//! reads and passes [`ReminderSettings::checked`], otherwise the message says what is wrong
//! and the saved reminders stay as they were.

use egui::{DragValue, RichText};

use super::theme::Palette;
use super::{Command, SettingsCommand};
use crate::core::reminders::{
    ClockTime, Day, HourRange, MAX_EVERY_MINUTES, MIN_EVERY_MINUTES, ReminderSettings,
    SNOOZE_CHOICES, Suggestion, When,
};
use crate::core::settings::Settings;
use crate::store::routines::Listed;

/// The label of the on/off switch (tests find it by this).
pub const SWITCH_LABEL: &str = "Remind me to move during working hours";
/// The label of the working-hours field.
pub const HOURS_LABEL: &str = "Working hours";
/// The label of the set-times field.
pub const TIMES_LABEL: &str = "Times";

/// Reads a comma-separated list with `parse`, or says what is wrong with the first bad item.
fn read_list<T>(text: &str, parse: impl Fn(&str) -> Result<T, String>) -> Result<Vec<T>, String> {
    text.split(',')
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .map(parse)
        .collect()
}

/// A list of values as the fields show them.
fn list_text<T: ToString>(items: &[T]) -> String {
    items
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// One text field kept in egui's memory while edited (from `shown` until then); returns the
/// text as it is now.
fn kept_text_field(ui: &mut egui::Ui, label: &str, shown: String) -> String {
    let id = egui::Id::unique(("reminder-field", label));
    let mut text: String = ui.data(|d| d.get_temp(id)).unwrap_or(shown);
    ui.horizontal(|ui| {
        let label = ui.label(label);
        let response = ui
            .add(egui::TextEdit::singleline(&mut text).desired_width(240.0))
            .labelled_by(label.id);
        if response.changed() {
            ui.data_mut(|d| d.insert_temp(id, text.clone()));
        }
    });
    text
}

/// Draws the Reminders part of the settings; returns the changed settings (only when what is
/// shown is valid) and a test request.
#[must_use]
pub fn reminders_ui(ui: &mut egui::Ui, current: &Settings, routines: &[Listed]) -> Vec<Command> {
    let mut commands = Vec::new();
    let palette = Palette::of(ui.visuals());
    let mut edited = current.reminders.clone();
    ui.separator();
    ui.label(RichText::new("Reminders").strong().size(18.0));
    ui.checkbox(&mut edited.enabled, SWITCH_LABEL);
    ui.label(
        RichText::new("A gentle notification; it never covers the screen. Starts at login.")
            .small()
            .color(palette.quiet),
    );
    ui.label("Days");
    ui.horizontal_wrapped(|ui| {
        for day in Day::ALL {
            let mut on = edited.days.contains(&day);
            if ui.toggle_value(&mut on, day.label()).changed() {
                if on {
                    edited.days.push(day);
                } else {
                    edited.days.retain(|d| *d != day);
                }
            }
        }
    });
    let hours_text = kept_text_field(ui, HOURS_LABEL, list_text(&edited.hours));
    let hours = read_list(&hours_text, HourRange::parse);
    let times = when_ui(ui, &mut edited);
    suggestion_ui(ui, &mut edited, routines);
    ui.horizontal(|ui| {
        ui.label("Snooze:");
        for minutes in SNOOZE_CHOICES {
            ui.radio_value(
                &mut edited.snooze_minutes,
                minutes,
                format!("{minutes} minutes"),
            );
        }
    });
    // What is typed, read and checked: only settings that can be used are kept.
    let checked = hours.and_then(|hours| {
        edited.hours = hours;
        if let Some(times) = times {
            edited.when = When::At(times?);
        }
        edited.clone().checked()
    });
    match checked {
        Ok(reminders) if reminders != current.reminders.clone().tidied() => {
            let mut settings = current.clone();
            settings.reminders = reminders;
            commands.push(Command::Settings(SettingsCommand::Update(Box::new(
                settings,
            ))));
        }
        Ok(_) => {}
        Err(problem) => {
            ui.label(RichText::new(format!("Not saved: {problem}.")).color(palette.caution));
        }
    }
    if ui
        .add_enabled(
            current.reminders.enabled,
            egui::Button::new("Send a test reminder"),
        )
        .clicked()
    {
        commands.push(Command::Settings(SettingsCommand::TestReminder));
    }
    commands
}

/// Every N minutes or at set times; returns the set times as typed and read, if that is the
/// choice.
fn when_ui(
    ui: &mut egui::Ui,
    edited: &mut ReminderSettings,
) -> Option<Result<Vec<ClockTime>, String>> {
    ui.horizontal(|ui| {
        let every = matches!(edited.when, When::EveryMinutes(_));
        if ui.radio(every, "Every").clicked() && !every {
            edited.when = When::EveryMinutes(60);
        }
        let mut minutes = match edited.when {
            When::EveryMinutes(n) => n,
            When::At(_) => 60,
        };
        let drag = ui.add_enabled(
            every,
            DragValue::new(&mut minutes)
                .range(MIN_EVERY_MINUTES..=MAX_EVERY_MINUTES)
                .speed(1.0)
                .suffix(" minutes"),
        );
        if drag.changed() {
            edited.when = When::EveryMinutes(minutes);
        }
        if ui.radio(!every, "At set times").clicked() && every {
            // Start from the times the current schedule gives, so it stays valid.
            let mut times = edited.times_of_day();
            times.truncate(4);
            if times.is_empty() {
                times.extend(edited.hours.first().map(|r| r.start()));
            }
            edited.when = When::At(times);
        }
    });
    if matches!(edited.when, When::At(_)) {
        let shown = match &edited.when {
            When::At(times) => list_text(times),
            When::EveryMinutes(_) => String::new(),
        };
        let text = kept_text_field(ui, TIMES_LABEL, shown);
        Some(read_list(&text, ClockTime::parse))
    } else {
        None
    }
}

/// What a reminder suggests: a short seated session, the programme's session, or a routine.
fn suggestion_ui(ui: &mut egui::Ui, edited: &mut ReminderSettings, routines: &[Listed]) {
    ui.horizontal_wrapped(|ui| {
        ui.label("Suggest:");
        ui.radio_value(
            &mut edited.suggest,
            Suggestion::Seated,
            "A short seated session",
        );
        ui.radio_value(
            &mut edited.suggest,
            Suggestion::Programme,
            "Today's programme session",
        );
        let chosen = match &edited.suggest {
            Suggestion::Routine(id) => Some(id.clone()),
            Suggestion::Seated | Suggestion::Programme => None,
        };
        let shown = chosen
            .as_deref()
            .and_then(|id| routines.iter().find(|l| l.routine.id() == id))
            .map_or("Choose…", |l| l.routine.name());
        egui::ComboBox::from_label("or a routine")
            .selected_text(shown)
            .show_ui(ui, |ui| {
                for listed in routines {
                    let id = listed.routine.id();
                    let selected = chosen.as_deref() == Some(id);
                    if ui
                        .selectable_label(selected, listed.routine.name())
                        .clicked()
                    {
                        edited.suggest = Suggestion::Routine(id.to_owned());
                    }
                }
            });
    });
}
