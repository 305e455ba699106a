//! The finished screen: what happened, honestly ("Done: 4 of 4 steps", "Stopped after 2 of 6
//! steps", "3 steps skipped"), the time spent, and the way on ("Again" or "Home").

use egui::{Button, RichText, Ui};

use super::theme::{self, Palette};
use super::{Command, FinishedCommand};
use crate::core::plan::clock;
use crate::core::session::Summary;

/// How a run ended, as the finished screen tells it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ending {
    /// The routine's name.
    pub routine_name: String,
    /// Time spent and steps done, from the session.
    pub summary: Summary,
}

impl Ending {
    /// An ending from a session's summary (which counts the steps skipped).
    #[must_use]
    pub fn new(routine_name: String, summary: Summary) -> Self {
        Self {
            routine_name,
            summary,
        }
    }

    /// The big line at the top.
    #[must_use]
    pub fn headline(&self) -> &'static str {
        if !self.summary.finished {
            "Routine stopped"
        } else if self.summary.steps_done == self.summary.steps_total {
            "Routine complete"
        } else {
            "Routine ended"
        }
    }

    /// "Done: 4 of 4 steps" or "Stopped after 2 of 6 steps".
    #[must_use]
    pub fn steps_line(&self) -> String {
        let Summary {
            steps_done,
            steps_total,
            ..
        } = self.summary;
        let noun = if steps_total == 1 { "step" } else { "steps" };
        if self.summary.finished {
            format!("Done: {steps_done} of {steps_total} {noun}")
        } else {
            format!("Stopped after {steps_done} of {steps_total} {noun}")
        }
    }

    /// "3 steps skipped", when any were.
    #[must_use]
    pub fn skipped_line(&self) -> Option<String> {
        match self.summary.steps_skipped {
            0 => None,
            1 => Some("1 step skipped".to_owned()),
            n => Some(format!("{n} steps skipped")),
        }
    }
}

/// Draws how the run ended.
pub fn finished_ui(ui: &mut Ui, ending: &Ending) -> Vec<Command> {
    let mut commands = Vec::new();
    let palette = Palette::of(ui.visuals());
    // Larger on a large screen, so it reads from as far as the player did.
    let scale = (ui.available_height() / 560.0).clamp(1.0, 1.8);
    ui.vertical_centered(|ui| {
        ui.add_space((ui.available_height() * 0.12).min(80.0 * scale));
        ui.label(RichText::new(ending.headline()).size(40.0 * scale).strong());
        ui.label(RichText::new(&ending.routine_name).size(22.0 * scale));
        ui.add_space(theme::GAP_L);
        ui.label(RichText::new(ending.steps_line()).size(22.0 * scale));
        // Kept whether or not any step was skipped, so the buttons stay where they are.
        let skipped = ending.skipped_line();
        ui.label(
            RichText::new(skipped.as_deref().unwrap_or(" "))
                .size(18.0 * scale)
                .color(palette.quiet),
        );
        let spent = u32::try_from(ending.summary.time_spent.as_secs()).unwrap_or(u32::MAX);
        ui.label(RichText::new(format!("Time spent: {}", clock(spent))).size(22.0 * scale));
        ui.add_space(theme::GAP_L);
        let size = egui::vec2(160.0, theme::BIG_BUTTON_HEIGHT) * scale;
        let width = 2.0 * size.x + ui.spacing().item_spacing.x;
        ui.allocate_ui(egui::vec2(width, size.y), |ui| {
            ui.horizontal(|ui| {
                let again = Button::new(
                    RichText::new("Again")
                        .size(theme::BODY_SIZE * scale)
                        .strong()
                        .color(palette.on_accent),
                )
                .fill(palette.accent)
                .min_size(size);
                if ui.add(again).clicked() {
                    commands.push(Command::Finished(FinishedCommand::Again));
                }
                let home = RichText::new("Home").size(theme::BODY_SIZE * scale);
                if ui.add(Button::new(home).min_size(size)).clicked() {
                    commands.push(Command::Finished(FinishedCommand::Home));
                }
            });
        });
        ui.add_space(theme::GAP_M);
        ui.label(
            RichText::new("Any new numbness, weakness or pain down a leg? See the red flags.")
                .color(palette.quiet),
        );
    });
    commands
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    fn ending(done: usize, total: usize, finished: bool, skipped: usize) -> Ending {
        let summary = Summary {
            time_spent: Duration::from_secs(90),
            steps_done: done,
            steps_skipped: skipped,
            steps_total: total,
            finished,
        };
        Ending::new("R".into(), summary)
    }

    #[test]
    fn a_full_run_says_done_with_nothing_skipped() {
        let e = ending(4, 4, true, 0);
        assert_eq!(e.headline(), "Routine complete");
        assert_eq!(e.steps_line(), "Done: 4 of 4 steps");
        assert_eq!(e.skipped_line(), None);
    }

    #[test]
    fn skipping_every_step_is_not_called_complete() {
        let e = ending(0, 4, true, 4);
        assert_eq!(e.headline(), "Routine ended");
        assert_eq!(e.steps_line(), "Done: 0 of 4 steps");
        assert_eq!(e.skipped_line().as_deref(), Some("4 steps skipped"));
    }

    #[test]
    fn a_stop_says_how_far_it_got_and_counts_only_real_skips() {
        let e = ending(2, 6, false, 1);
        assert_eq!(e.headline(), "Routine stopped");
        assert_eq!(e.steps_line(), "Stopped after 2 of 6 steps");
        assert_eq!(e.skipped_line().as_deref(), Some("1 step skipped"));
        assert_eq!(ending(1, 1, true, 0).steps_line(), "Done: 1 of 1 step");
    }
}
