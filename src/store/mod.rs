//! Files the person keeps: where they live, and how they are written and read safely.
//!
//! Every save is atomic: the new content goes to a temporary file in the same folder, which
//! then replaces the old file by a rename, so a crash or a full disk never leaves a half-written
//! file. A file that cannot be read is never overwritten or deleted: it is moved aside under a
//! new name, and the person is told where it went.

pub mod history;
pub mod routines;
pub mod settings;

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

/// Set this environment variable to keep all of Unknot's files in one folder instead of the
/// platform's usual places (used by tests, benchmarks and portable installs).
pub const HOME_ENV: &str = "UNKNOT_HOME";

/// Where Unknot's files live.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Store {
    /// Folder for `settings.toml`.
    pub config_dir: PathBuf,
    /// Folder for the person's own routines and other data.
    pub data_dir: PathBuf,
}

impl Store {
    /// Both folders inside one folder: `<dir>/config` and `<dir>/data`.
    #[must_use]
    pub fn at(dir: &Path) -> Self {
        Self {
            config_dir: dir.join("config"),
            data_dir: dir.join("data"),
        }
    }

    /// The folders for this machine: [`HOME_ENV`] if set, else the platform's config and data
    /// folders (on Linux `~/.config/unknot` and `~/.local/share/unknot`). `None` if the
    /// platform has no home folder.
    #[must_use]
    pub fn for_this_machine() -> Option<Self> {
        if let Some(home) = std::env::var_os(HOME_ENV).filter(|v| !v.is_empty()) {
            return Some(Self::at(Path::new(&home)));
        }
        let dirs = directories::ProjectDirs::from("org", "Unknot", "Unknot")?;
        Some(Self {
            config_dir: dirs.config_dir().to_owned(),
            data_dir: dirs.data_dir().to_owned(),
        })
    }

    /// The settings file.
    #[must_use]
    pub fn settings_path(&self) -> PathBuf {
        self.config_dir.join("settings.toml")
    }
}

/// Why a file could not be saved.
#[derive(Debug, thiserror::Error)]
#[error("could not save {}: {source}", path.display())]
pub struct SaveError {
    /// The file that was being saved.
    pub path: PathBuf,
    /// What the system said (for example, that the disk is full).
    pub source: std::io::Error,
}

/// Writes `bytes` to `path` atomically: a temporary file in the same folder, flushed to disk,
/// then renamed over `path`. The folder is created if needed. On error the old file is intact.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    let error = |source| SaveError {
        path: path.to_owned(),
        source,
    };
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(error)?;
    let mut temp = tempfile::Builder::new()
        .prefix(".unknot-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(error)?;
    temp.write_all(bytes).map_err(error)?;
    temp.as_file().sync_all().map_err(error)?;
    temp.persist(path).map_err(|e| error(e.error))?;
    Ok(())
}

/// Moves an unreadable file aside to `<name>.unreadable-<unix seconds>` (or with a counter if
/// that exists), never deleting it. Returns the new path.
pub fn move_aside(path: &Path) -> std::io::Result<PathBuf> {
    let stamp = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let name = path
        .file_name()
        .map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned());
    for attempt in 0..1000 {
        let suffix = if attempt == 0 {
            format!("{name}.unreadable-{stamp}")
        } else {
            format!("{name}.unreadable-{stamp}-{attempt}")
        };
        let aside = path.with_file_name(suffix);
        if !aside.exists() {
            std::fs::rename(path, &aside)?;
            return Ok(aside);
        }
    }
    Err(std::io::Error::new(
        std::io::ErrorKind::AlreadyExists,
        "too many unreadable copies already kept",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_atomic_write_replaces_the_file_and_leaves_no_temp_files() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("deep/er/file.toml");
        write_atomically(&path, b"one").expect("first save");
        write_atomically(&path, b"two").expect("second save");
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "two");
        let names: Vec<_> = std::fs::read_dir(path.parent().expect("parent"))
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names, ["file.toml"]);
    }

    #[test]
    fn a_failed_write_keeps_the_old_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("file.toml");
        write_atomically(&path, b"kept").expect("save");
        // A directory where the file should go makes the rename fail.
        let blocked = dir.path().join("blocked");
        std::fs::create_dir(&blocked).expect("mkdir");
        std::fs::write(blocked.join("inside"), "x").expect("write");
        assert!(write_atomically(&blocked, b"new").is_err());
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "kept");
    }

    #[test]
    fn moving_aside_keeps_every_copy() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("settings.toml");
        std::fs::write(&path, "first").expect("write");
        let a = move_aside(&path).expect("aside");
        std::fs::write(&path, "second").expect("write");
        let b = move_aside(&path).expect("aside");
        assert_ne!(a, b);
        assert!(!path.exists());
        assert_eq!(std::fs::read_to_string(a).expect("read"), "first");
        assert_eq!(std::fs::read_to_string(b).expect("read"), "second");
    }
}
