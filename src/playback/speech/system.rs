//! The system's speech service, for a person's own step names (which have no clip).
//!
//! At start-up [`detect`] looks on `PATH` for `spd-say` (speech-dispatcher, the desktop's
//! service) and then `espeak-ng`. Neither is linked: [`say`] runs the program as a subprocess
//! with the words as one argument (never through a shell), and a watchdog thread ends it once
//! its time limit has passed, so a hung service can never hold up a routine. Nothing found
//! means the generic clip is said instead, and the settings panel says so.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use wait_timeout::ChildExt as _;

/// The programs tried, in order of preference.
pub const PROGRAMS: [&str; 2] = ["spd-say", "espeak-ng"];

/// A speech program found on this system.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SystemSpeech {
    /// Its name (one of [`PROGRAMS`]).
    pub program: &'static str,
    /// Where it is.
    pub path: PathBuf,
}

/// Finds the first of [`PROGRAMS`] on `PATH`.
#[must_use]
pub fn detect() -> Option<SystemSpeech> {
    let path = std::env::var_os("PATH")?;
    detect_in(&std::env::split_paths(&path).collect::<Vec<_>>())
}

/// Finds the first of [`PROGRAMS`] in these folders.
#[must_use]
pub fn detect_in(folders: &[PathBuf]) -> Option<SystemSpeech> {
    PROGRAMS.iter().find_map(|&program| {
        folders
            .iter()
            .map(|folder| folder.join(program))
            .find(|candidate| is_executable(candidate))
            .map(|path| SystemSpeech { program, path })
    })
}

#[cfg(unix)]
fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

#[cfg(not(unix))]
fn is_executable(path: &Path) -> bool {
    path.is_file()
}

/// The arguments that say `text` at gain `volume` (0–1).
#[must_use]
pub fn arguments(program: &str, text: &str, volume: f32) -> Vec<String> {
    let volume = if volume.is_finite() {
        volume.clamp(0.0, 1.0)
    } else {
        0.0
    };
    match program {
        // -w: wait until spoken, so the watchdog's limit covers the speech itself; -i: volume
        // from -100 to 100.
        "spd-say" => vec![
            "-w".to_owned(),
            "-i".to_owned(),
            format!("{}", (volume * 200.0 - 100.0).round() as i32),
            "--".to_owned(),
            text.to_owned(),
        ],
        // -a: amplitude 0–200 (100 is normal).
        _ => vec![
            "-a".to_owned(),
            format!("{}", (volume * 100.0).round() as i32),
            "--".to_owned(),
            text.to_owned(),
        ],
    }
}

/// Says `text` through `speech` and returns at once; the program is ended after `limit`.
/// Failures (the program vanished, no thread) are silent: guidance goes on with the chimes.
pub fn say(speech: &SystemSpeech, text: &str, volume: f32, limit: Duration) {
    let child = Command::new(&speech.path)
        .args(arguments(speech.program, text, volume))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn();
    let Ok(child) = child else {
        return;
    };
    let _ = std::thread::Builder::new()
        .name("unknot-speech".into())
        .spawn(move || {
            let _ = watch(child, limit);
        });
}

/// Waits for `child` for at most `limit`, then ends it; returns whether it finished in time.
/// The wait is the system's (`wait-timeout`: a signal or a pidfd, not a polling loop).
#[must_use = "whether the program finished in time"]
pub fn watch(mut child: std::process::Child, limit: Duration) -> bool {
    if let Ok(Some(_)) = child.wait_timeout(limit) {
        return true;
    }
    let _ = child.kill();
    let _ = child.wait();
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_found_in_an_empty_folder_and_the_preferred_program_wins() {
        let empty = tempfile::tempdir().expect("temp dir");
        assert_eq!(detect_in(&[empty.path().to_path_buf()]), None);
        assert_eq!(detect_in(&[]), None);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let dir = tempfile::tempdir().expect("temp dir");
            for name in ["espeak-ng", "spd-say"] {
                let p = dir.path().join(name);
                std::fs::write(&p, "#!/bin/sh\n").expect("write");
                std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o755))
                    .expect("chmod");
            }
            // A non-executable spd-say earlier on the path is passed over.
            let other = tempfile::tempdir().expect("temp dir");
            std::fs::write(other.path().join("spd-say"), "").expect("write");
            let found =
                detect_in(&[other.path().to_path_buf(), dir.path().to_path_buf()]).expect("found");
            assert_eq!(found.program, "spd-say");
            assert_eq!(found.path, dir.path().join("spd-say"));
        }
    }

    #[test]
    fn words_are_one_argument_after_the_options() {
        assert_eq!(
            arguments("spd-say", "-rf; Wall angels", 0.5),
            ["-w", "-i", "0", "--", "-rf; Wall angels"]
        );
        assert_eq!(
            arguments("espeak-ng", "Seal", f32::NAN),
            ["-a", "0", "--", "Seal"]
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_hung_service_is_ended_at_its_limit() {
        // A program that would run for ten minutes, given no time at all: the watchdog ends
        // it at once (were it not killed, the final wait would hang the test).
        let hung = Command::new("sleep")
            .arg("600")
            .spawn()
            .expect("sleep runs");
        assert!(!watch(hung, Duration::ZERO));
        let quick = Command::new("true").spawn().expect("true runs");
        assert!(
            watch(quick, Duration::from_secs(30)),
            "a quick one finishes in time"
        );
    }
}
