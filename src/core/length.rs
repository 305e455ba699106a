//! Which length a routine runs at: the one resolution used by the app, `unknot start`, `show`
//! and `sheet`, so the printed sheet and the plan on screen are always what the app would run.
//!
//! The person's saved choice for the routine (a target length and any doses set by hand, kept
//! in the settings) is the starting point. A one-off target in minutes (`--minutes N` on the
//! command line) replaces the saved target for that run only: the doses set by hand stay as set,
//! and nothing of the one-off is ever saved.

use crate::core::fit::LengthChoice;

/// The length choice to fit `saved` with, given a one-off target for this run.
///
/// `saved` is what the settings keep for the routine (`None` when nothing was chosen);
/// `one_off_minutes` is a target for this run only, which wins over the saved target.
#[must_use]
pub fn resolve(saved: Option<&LengthChoice>, one_off_minutes: Option<u32>) -> LengthChoice {
    let mut choice = saved.cloned().unwrap_or_default();
    if let Some(minutes) = one_off_minutes {
        choice.target_minutes = Some(minutes);
    }
    choice
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::fit::StepOverride;

    fn saved() -> LengthChoice {
        let mut choice = LengthChoice {
            target_minutes: Some(12),
            ..LengthChoice::default()
        };
        choice.steps.insert(
            "child".to_owned(),
            StepOverride {
                hold_secs: Some(45),
                reps: None,
            },
        );
        choice
    }

    #[test]
    fn nothing_saved_and_no_one_off_is_the_routine_as_written() {
        assert_eq!(resolve(None, None), LengthChoice::default());
    }

    #[test]
    fn the_saved_choice_is_used_whole() {
        assert_eq!(resolve(Some(&saved()), None), saved());
    }

    #[test]
    fn a_one_off_target_replaces_the_saved_target_and_keeps_doses_set_by_hand() {
        let run = resolve(Some(&saved()), Some(5));
        assert_eq!(run.target_minutes, Some(5));
        assert_eq!(run.steps, saved().steps, "doses set by hand stay as set");
        assert_eq!(resolve(None, Some(7)).target_minutes, Some(7));
    }
}
