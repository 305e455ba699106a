//! Reading and writing the person's settings file; the settings themselves and their rules are
//! [`crate::core::settings`].
//!
//! Stored as `settings.toml` in the config folder. The file carries `format_version`; unknown
//! fields (written by a later version) are ignored and missing ones take their defaults, so
//! files stay readable across versions. Values out of range are brought back into range. A
//! file that cannot be read is moved aside (see [`super::move_aside`]) and defaults are used.
//! The `[reminders]` section is read on its own: when it cannot be used (a time of 25:00, a
//! range that ends before it starts, reminders every 5 minutes) the person is told why,
//! reminders stay off, and every other setting in the file is kept.

use std::path::{Path, PathBuf};

use super::{SaveError, move_aside};
use crate::core::reminders::ReminderSettings;
use crate::core::settings::{SETTINGS_VERSION, Settings, WindowSize};
use crate::store::safe_file::ReadError;

/// What loading the settings found.
#[derive(Debug)]
pub struct LoadedSettings {
    /// The settings to use.
    pub settings: Settings,
    /// Something the person should be told once, if the file could not be used.
    pub notice: Option<String>,
}

/// The largest settings file read, in bytes (a real one is a few KiB).
pub const MAX_SETTINGS_BYTES: u64 = 1024 * 1024;

/// Reads the settings file at `path`. A missing file gives defaults silently; an unreadable,
/// corrupt or too-new file is moved aside, defaults are used, and the notice says so. Only a
/// regular file of at most [`MAX_SETTINGS_BYTES`] is read: a named pipe, a device or a link to
/// one is refused without waiting on it (see [`crate::store::safe_file`]). Leftover temporary files of
/// an interrupted save are removed from the folder first (see [`super::remove_leftover_temp_files`]).
#[must_use]
pub fn load(path: &Path) -> LoadedSettings {
    if let Some(dir) = path.parent() {
        super::remove_leftover_temp_files(dir);
    }
    let problem = match crate::store::safe_file::read_regular(path, MAX_SETTINGS_BYTES) {
        Err(ReadError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => {
            return LoadedSettings {
                settings: Settings::default(),
                notice: None,
            };
        }
        Err(e) => e.to_string(),
        Ok(bytes) => match parse(&bytes) {
            Ok(Parsed {
                settings,
                reminder_problem,
            }) => {
                return LoadedSettings {
                    settings,
                    notice: reminder_problem.map(|problem| reminders_notice(&problem)),
                };
            }
            Err(problem) => problem,
        },
    };
    let kept = match move_aside(path) {
        Ok(aside) => format!("It was kept as {}.", aside.display()),
        Err(e) => {
            format!("It was left in place ({e}) and will not be overwritten until you move it.")
        }
    };
    LoadedSettings {
        settings: Settings::default(),
        notice: Some(format!(
            "Your settings file could not be read ({}), so default settings are in use. {kept}",
            crate::core::plain_text::escaped(&problem, false)
        )),
    }
}

/// What the person is told when the `[reminders]` section could not be used.
fn reminders_notice(problem: &str) -> String {
    format!(
        "Your reminder settings could not be used ({}), so reminders are off; your other \
         settings are kept. Set reminders again in Settings, Reminders.",
        crate::core::plain_text::escaped(problem, false)
    )
}

/// A settings file as read: the settings, and why its `[reminders]` section was not used.
struct Parsed {
    /// The settings to use (reminders at their defaults, off, if the section was refused).
    settings: Settings,
    /// Why the `[reminders]` section was refused, if it was.
    reminder_problem: Option<String>,
}

fn parse(bytes: &[u8]) -> Result<Parsed, String> {
    let text = std::str::from_utf8(bytes).map_err(|_| "it is not text".to_owned())?;
    let mut table: toml::Table = toml::from_str(text).map_err(|e| e.message().to_owned())?;
    // Read apart, so that a bad reminder value costs only the reminders.
    let reminders = table.remove("reminders");
    let mut settings: Settings = toml::Value::Table(table)
        .try_into()
        .map_err(|e: toml::de::Error| e.message().to_owned())?;
    if settings.format_version > SETTINGS_VERSION {
        return Err(format!(
            "it was written by a newer Unknot (format {})",
            settings.format_version
        ));
    }
    let reminders = reminders.map(|value| {
        value
            .try_into::<ReminderSettings>()
            .map_err(|e| e.message().to_owned())
            .and_then(ReminderSettings::checked)
    });
    let reminder_problem = match reminders {
        None => None,
        Some(Ok(reminders)) => {
            settings.reminders = reminders;
            None
        }
        Some(Err(problem)) => Some(problem),
    };
    Ok(Parsed {
        settings: settings.sanitised(),
        reminder_problem,
    })
}

/// The window size kept in the settings file at `path`, read without side effects (nothing is
/// moved aside or reported: [`load`] does that), for opening the window at that size.
#[must_use]
pub fn saved_window_size(path: &Path) -> Option<WindowSize> {
    peek(path)?.window
}

/// The settings file at `path` as it is, read without side effects (nothing is moved aside,
/// removed or reported: [`load`] does that), for commands that only read, such as `unknot show`.
/// `None` when there is no readable settings file.
#[must_use]
pub fn peek(path: &Path) -> Option<Settings> {
    let bytes = crate::store::safe_file::read_regular(path, MAX_SETTINGS_BYTES).ok()?;
    parse(&bytes).ok().map(|parsed| parsed.settings)
}

/// The settings file at `path` read without side effects, like [`peek`], with why its
/// `[reminders]` section could not be used, if so (for the reminder process, which re-reads the
/// file when it changes).
#[must_use]
pub fn peek_with_reminder_problem(path: &Path) -> Option<(Settings, Option<String>)> {
    let bytes = crate::store::safe_file::read_regular(path, MAX_SETTINGS_BYTES).ok()?;
    parse(&bytes)
        .ok()
        .map(|parsed| (parsed.settings, parsed.reminder_problem))
}

/// Saves `settings` whole, replacing what the file holds (see [`save_changes`] for what the app
/// does). Refused, like [`save_changes`], when the file there now is one this version cannot
/// read.
pub fn save(path: &Path, settings: &Settings) -> Result<(), SaveError> {
    save_under_lock(path, |_| settings.clone()).map(drop)
}

/// Saves what this process changed: every value in which `mine` differs from `base` (the
/// settings as this process last loaded or saved them) is written onto the settings file as it
/// is *now*, so a change another process saved meanwhile (another window, the reminder) is
/// kept. Reading, merging (see [`Settings::merged_onto`]) and writing happen under the
/// settings' lock (see [`crate::store::lock`]), so two processes saving at once both keep their
/// changes. Returns what was written.
///
/// Refused when the file there now is one this version cannot read (corrupt, too new, not a
/// regular file): that one was reported when it was found and is never overwritten, even if it
/// could not be moved aside.
pub fn save_changes(path: &Path, base: &Settings, mine: &Settings) -> Result<Settings, SaveError> {
    save_under_lock(path, |on_disk| match on_disk {
        Some(on_disk) => mine.merged_onto(base, on_disk),
        None => mine.clone(),
    })
}

/// Under the settings' lock, reads the file, makes the settings to write from what it holds
/// (`None` when there is no file) and writes them; refused if the file cannot be read.
fn save_under_lock(
    path: &Path,
    make: impl FnOnce(Option<Settings>) -> Settings,
) -> Result<Settings, SaveError> {
    let error = |source| SaveError {
        path: PathBuf::from(path),
        cause: source,
    };
    super::create_own_folder(path)?;
    let _lock = crate::store::lock::lock_for_change(path).map_err(error)?;
    let merged = match on_disk(path) {
        Ok(on_disk) => make(on_disk),
        Err(problem) => {
            return Err(error(std::io::Error::other(format!(
                "the settings file there cannot be read ({problem}), so it is kept as it is; move it away to save new settings"
            ))));
        }
    };
    let text = toml::to_string_pretty(&merged).map_err(|e| error(std::io::Error::other(e)))?;
    super::write_file(path, text.as_bytes(), super::WriteRules::OWN)?;
    Ok(merged)
}

/// The settings in the file at `path` now (`None` if there is no file), or why it is not a
/// settings file this version reads.
fn on_disk(path: &Path) -> Result<Option<Settings>, String> {
    match crate::store::safe_file::read_regular(path, MAX_SETTINGS_BYTES) {
        Err(ReadError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e.to_string()),
        Ok(bytes) => parse(&bytes).map(|parsed| Some(parsed.settings)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::fit::{LengthChoice, StepOverride};
    use crate::core::settings::{BuilderChoices, ThemeChoice};

    #[test]
    fn settings_round_trip_through_the_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("settings.toml");
        let mut settings = Settings {
            volume: 0.3,
            muted: true,
            countdown_cues: false,
            theme: ThemeChoice::Dark,
            ..Settings::default()
        };
        settings.lengths.insert(
            "desk-break".into(),
            LengthChoice {
                target_minutes: Some(10),
                steps: [(
                    "sphinx".to_owned(),
                    StepOverride {
                        hold_secs: Some(8),
                        reps: None,
                    },
                )]
                .into(),
                by_position: Vec::new(),
            },
        );
        save(&path, &settings).expect("save");
        let loaded = load(&path);
        assert_eq!((loaded.settings, loaded.notice), (settings, None));
    }

    #[test]
    fn the_builder_section_round_trips_and_older_files_read_without_it() {
        use crate::core::builder::{Focus, Place};
        use crate::core::routine::{Equipment, TechniqueId};
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("settings.toml");
        // A file from before the section: the answers a first session starts from.
        std::fs::write(&path, "format_version = 1\nmuted = true\n").expect("write");
        let loaded = load(&path);
        assert_eq!(loaded.notice, None);
        assert!(loaded.settings.muted);
        assert_eq!(loaded.settings.builder, BuilderChoices::default());
        assert_eq!(loaded.settings.builder.minutes, 5);

        let settings = Settings {
            builder: BuilderChoices {
                minutes: 12,
                place: Place::Chair,
                equipment: vec![Equipment::Ball, Equipment::Desk],
                focus: vec![Focus::Hamstrings, Focus::LowBack],
                pain: Some(3),
                leave_out: vec![TechniqueId::ChinTuck],
            },
            ..Settings::default()
        };
        save(&path, &settings).expect("saved");
        let text = std::fs::read_to_string(&path).expect("read");
        assert!(text.contains("[builder]"), "{text}");
        assert!(text.contains("place = \"chair\""), "{text}");
        assert_eq!(load(&path).settings, settings);
    }

    #[test]
    fn builder_answers_this_version_does_not_know_are_dropped_and_the_rest_kept() {
        use crate::core::builder::{Focus, Place};
        use crate::core::routine::Equipment;
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("settings.toml");
        let text = "format_version = 1\nvolume = 0.25\n\n[builder]\nminutes = 600\n\
                    place = \"hammock\"\nequipment = [\"ball\", \"kettlebell\", 7]\n\
                    focus = [\"hamstrings\", \"toes\"]\npain = 42\n\
                    leave_out = [\"no-such-technique\"]\n";
        std::fs::write(&path, text).expect("write");
        let loaded = load(&path);
        assert_eq!(loaded.notice, None, "nothing to report: the file is kept");
        let builder = loaded.settings.builder;
        assert_eq!(
            (builder.minutes, builder.place, builder.pain),
            (60, Place::Floor, Some(10))
        );
        assert_eq!(builder.equipment, vec![Equipment::Ball]);
        assert_eq!(builder.focus, vec![Focus::Hamstrings]);
        assert!(builder.leave_out.is_empty());
        assert!((loaded.settings.volume - 0.25).abs() < f32::EPSILON);
    }

    #[test]
    fn two_processes_keep_each_others_builder_answers_and_lengths() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("settings.toml");
        let base = Settings::default();
        save(&path, &base).expect("saved");
        // Another window chose a length; this one made a session on a chair.
        let mut theirs = base.clone();
        theirs
            .lengths
            .insert("desk-break".into(), LengthChoice::default());
        save_changes(&path, &base, &theirs).expect("theirs saved");
        let mut mine = base.clone();
        mine.builder.place = crate::core::builder::Place::Chair;
        let written = save_changes(&path, &base, &mine).expect("mine saved");
        assert_eq!(written.builder.place, crate::core::builder::Place::Chair);
        assert!(written.lengths.contains_key("desk-break"));
        assert_eq!(load(&path).settings, written);
    }

    #[test]
    fn a_missing_file_gives_defaults_without_a_notice() {
        let dir = tempfile::tempdir().expect("temp dir");
        let loaded = load(&dir.path().join("settings.toml"));
        assert_eq!(
            (loaded.settings, loaded.notice),
            (Settings::default(), None)
        );
    }

    #[test]
    fn a_corrupt_file_is_kept_aside_and_explained() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("settings.toml");
        std::fs::write(&path, "volume = [oops").expect("write");
        let loaded = load(&path);
        assert_eq!(loaded.settings, Settings::default());
        let notice = loaded.notice.expect("a notice");
        assert!(
            notice.starts_with("Your settings file could not be read"),
            "{notice}"
        );
        let kept: Vec<_> = std::fs::read_dir(dir.path())
            .expect("list")
            .map(|e| e.expect("entry").path())
            .collect();
        assert_eq!(kept.len(), 1);
        assert!(notice.contains(&kept[0].display().to_string()));
        assert_eq!(
            std::fs::read_to_string(&kept[0]).expect("read"),
            "volume = [oops"
        );
    }

    #[test]
    fn a_newer_file_is_not_overwritten() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("settings.toml");
        std::fs::write(&path, "format_version = 9\n").expect("write");
        let loaded = load(&path);
        assert!(loaded.notice.expect("notice").contains("newer Unknot"));
        assert!(
            !path.exists(),
            "moved aside, so a later save cannot overwrite it"
        );
    }

    #[test]
    fn a_file_that_could_not_be_moved_aside_is_never_overwritten() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("settings.toml");
        std::fs::write(&path, "volume = [oops").expect("write");
        // As when moving it aside failed: the file is still there.
        let error = save(&path, &Settings::default()).expect_err("refused");
        assert!(
            error.to_string().contains("so it is kept as it is"),
            "{error}"
        );
        assert_eq!(
            std::fs::read_to_string(&path).expect("read"),
            "volume = [oops"
        );
        std::fs::write(&path, "format_version = 7\n").expect("write");
        assert!(save(&path, &Settings::default()).is_err(), "a newer file");
        std::fs::remove_file(&path).expect("remove");
        save(&path, &Settings::default()).expect("nothing to keep now");
        save(&path, &Settings::default()).expect("its own file is replaced");
    }

    #[cfg(unix)]
    #[test]
    fn settings_that_are_a_pipe_or_a_device_are_refused_and_kept_aside() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("settings.toml");
        std::os::unix::fs::symlink("/dev/zero", &path).expect("symlink");
        let loaded = load(&path);
        assert_eq!(loaded.settings, Settings::default());
        let notice = loaded.notice.expect("notice");
        assert!(
            notice.contains("it is a device, not a regular file"),
            "{notice}"
        );
        assert!(path.symlink_metadata().is_err(), "the link was moved aside");
        save(&path, &Settings::default()).expect("save");
        assert!(path.symlink_metadata().expect("meta").is_file());
    }

    #[test]
    fn an_oversized_file_is_not_read_whole() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("settings.toml");
        let big = vec![b'#'; usize::try_from(MAX_SETTINGS_BYTES).expect("fits") + 1];
        std::fs::write(&path, big).expect("write");
        let notice = load(&path).notice.expect("notice");
        assert!(notice.contains("larger than 1024 KiB"), "{notice}");
    }

    #[test]
    fn the_window_size_is_kept_in_range_and_read_back() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("settings.toml");
        assert_eq!(saved_window_size(&path), None);
        let settings = Settings {
            window: Some(WindowSize {
                width: 1000.4,
                height: 700.0,
            }),
            ..Settings::default()
        };
        save(&path, &settings).expect("save");
        let text = std::fs::read_to_string(&path).expect("read");
        assert!(
            text.contains("[window]\nwidth = 1000.4\nheight = 700.0\n"),
            "{text}"
        );
        assert_eq!(
            saved_window_size(&path),
            Some(WindowSize {
                width: 1000.0,
                height: 700.0
            })
        );
        let odd = parse(b"[window]\nwidth = 1e9\nheight = nan\n")
            .expect("parses")
            .settings;
        assert_eq!(odd.window, None);
        let small = parse(b"[window]\nwidth = 10.0\nheight = 99999.0\n")
            .expect("parses")
            .settings;
        assert_eq!(
            small.window,
            Some(WindowSize {
                width: 760.0,
                height: 16_384.0
            })
        );
        // An older file without it, and one from a later version with more in it, both read.
        assert_eq!(
            parse(b"volume = 0.5\n").expect("parses").settings.window,
            None
        );
        let later = parse(b"[window]\nwidth = 900.0\nheight = 600.0\nmaximised = true\n");
        assert!(later.expect("parses").settings.window.is_some());
    }

    #[test]
    fn unknown_fields_are_ignored_and_values_clamped() {
        let settings =
            parse(b"format_version = 1\nvolume = 7.0\nswitch_secs = 99\nfuture_thing = true\n")
                .expect("parses")
                .settings;
        assert_eq!((settings.volume, settings.switch_secs), (1.0, 30));
    }

    #[test]
    fn reminders_are_read_and_saved_in_their_own_section() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("settings.toml");
        std::fs::write(
            &path,
            "volume = 0.4\n[reminders]\nenabled = true\ndays = [\"mon\", \"wed\"]\n\
             hours = [\"09:00-12:00\"]\nwhen = { every_minutes = 45 }\nsuggest = \"seated\"\n\
             snooze_minutes = 30\n",
        )
        .expect("write");
        let loaded = load(&path);
        assert_eq!(loaded.notice, None);
        let reminders = &loaded.settings.reminders;
        assert!(reminders.enabled);
        assert_eq!(
            reminders.when,
            crate::core::reminders::When::EveryMinutes(45)
        );
        save(&path, &loaded.settings).expect("save");
        assert_eq!(load(&path).settings, loaded.settings, "round trip");
        // An older file without the section: reminders off.
        std::fs::write(&path, "volume = 0.4\n").expect("write");
        assert!(!load(&path).settings.reminders.enabled);
    }

    #[test]
    fn bad_reminder_values_are_refused_and_the_rest_is_kept() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("settings.toml");
        for (section, problem) in [
            ("hours = [\"09:00-25:00\"]", "25:00 is not a time of day"),
            (
                "hours = [\"12:00-09:00\"]",
                "a range must end after it starts",
            ),
            (
                "when = { every_minutes = 5 }",
                "every 5 minutes is too often: 30 to 180",
            ),
        ] {
            std::fs::write(
                &path,
                format!("volume = 0.3\ntheme = \"dark\"\n[reminders]\nenabled = true\n{section}\n"),
            )
            .expect("write");
            let loaded = load(&path);
            let notice = loaded.notice.expect("a notice");
            assert!(notice.contains(problem), "{notice}");
            assert!(notice.contains("your other settings are kept"), "{notice}");
            assert!((loaded.settings.volume - 0.3).abs() < f32::EPSILON);
            assert_eq!(loaded.settings.theme, ThemeChoice::Dark);
            assert!(!loaded.settings.reminders.enabled, "off");
            assert!(path.exists(), "the file is not moved aside");
        }
    }
}
