//! The settings dialog: sound (volume, mute, which cues, test sounds), the voice (guidance,
//! its volume, rep counting, a test), pauses, the back-pain question and theme.

use egui::{DragValue, RichText, Slider};

use super::theme::Palette;
use super::{Command, SettingsCommand};
use crate::core::plan::PAUSE_SECS;
use crate::core::settings::{Settings, ThemeChoice};
use crate::core::voice::Guidance;
use crate::playback::cue::{ALL_CUES, AudioStatus, cue_label};
use crate::playback::speech::VoiceStatus;

/// Draws the settings (inside their dialog, which adds the Close button); returns what
/// changed.
#[must_use]
pub fn settings_ui(
    ui: &mut egui::Ui,
    current: &Settings,
    audio: &AudioStatus,
    voice: &VoiceStatus,
) -> Vec<Command> {
    let mut commands = Vec::new();
    let mut edited = current.clone();
    ui.heading("Settings");
    let palette = Palette::of(ui.visuals());
    ui.label(RichText::new("Sound").strong().size(18.0));
    match audio {
        AudioStatus::Available { device } => {
            ui.label(RichText::new(format!("Output: {device}")).color(palette.quiet));
        }
        AudioStatus::Unavailable { reason } => {
            ui.label(RichText::new(super::notices::NO_SOUND).color(palette.caution));
            ui.label(
                RichText::new(format!("Details: {reason}"))
                    .small()
                    .color(palette.quiet),
            );
        }
    }
    ui.add(
        Slider::new(&mut edited.volume, 0.0..=1.0)
            .text("Volume")
            .show_value(false),
    );
    ui.checkbox(&mut edited.muted, "Mute all sounds");
    ui.checkbox(
        &mut edited.countdown_cues,
        "3-2-1 countdown before a hold ends",
    );
    ui.checkbox(&mut edited.halfway_cues, "Halfway cue on long holds");
    ui.horizontal_wrapped(|ui| {
        ui.label("Test sound:");
        for cue in ALL_CUES {
            if ui.button(cue_label(cue)).clicked() {
                commands.push(Command::Settings(SettingsCommand::TestSound(cue)));
            }
        }
    });
    voice_ui(ui, &mut edited, voice, &palette, &mut commands);
    ui.separator();
    ui.label(RichText::new("Pauses").strong().size(18.0));
    pause_row_ui(ui, "Get ready before each step", &mut edited.get_ready_secs);
    pause_row_ui(ui, "Pause to switch sides", &mut edited.switch_secs);
    ui.separator();
    ui.label(RichText::new("History").strong().size(18.0));
    ui.checkbox(
        &mut edited.ask_back_pain,
        "Ask how my back feels before and after",
    );
    ui.separator();
    ui.label(RichText::new("Theme").strong().size(18.0));
    ui.horizontal(|ui| {
        ui.radio_value(&mut edited.theme, ThemeChoice::System, "Follow system");
        ui.radio_value(&mut edited.theme, ThemeChoice::Light, "Light");
        ui.radio_value(&mut edited.theme, ThemeChoice::Dark, "Dark");
    });
    if edited != *current {
        commands.insert(
            0,
            Command::Settings(SettingsCommand::Update(Box::new(edited))),
        );
    }
    commands
}

/// One labelled pause length, in seconds, within the allowed range.
fn pause_row_ui(ui: &mut egui::Ui, label: &str, secs: &mut u32) {
    ui.horizontal(|ui| {
        let label = ui.label(label);
        ui.add(DragValue::new(secs).range(PAUSE_SECS).suffix(" s"))
            .labelled_by(label.id);
    });
}

/// The voice: guidance by voice and chimes, chimes only or voice only; its own volume; rep
/// counting; a test button; and what is used for a person's own step names.
fn voice_ui(
    ui: &mut egui::Ui,
    edited: &mut Settings,
    voice: &VoiceStatus,
    palette: &Palette,
    commands: &mut Vec<Command>,
) {
    ui.separator();
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Voice").strong().size(18.0));
        for choice in Guidance::ALL {
            ui.radio_value(&mut edited.guidance, choice, choice.label());
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.add(
            Slider::new(&mut edited.voice_volume, 0.0..=1.0)
                .text("Voice volume")
                .show_value(false),
        );
        ui.checkbox(
            &mut edited.count_reps,
            "Count repetitions aloud during moves",
        );
        if ui.button("Test voice").clicked() {
            commands.push(Command::Settings(SettingsCommand::TestVoice));
        }
    });
    let (words, colour) = if voice.clips {
        (voice.own_names_words(), palette.quiet)
    } else {
        (
            "The voice cannot be heard on this system; chimes play instead.".to_owned(),
            palette.caution,
        )
    };
    ui.label(RichText::new(words).small().color(colour));
}
