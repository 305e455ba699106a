//! Files the person keeps: where they live, and how they are written and read safely.
//!
//! There is one way to read a file ([`safe_file::open_regular`]: regular files only, without
//! blocking, bounded) and one way to write a whole file ([`write_file`]), which every file goes
//! through: settings, routines, the programme in progress, the history when rewritten, exports,
//! sheets, CSV. Files that more than one Unknot process changes (settings, history, programme)
//! are changed under a [`lock`].
//!
//! Every save is atomic and link-safe: the new content goes to a new temporary file in the same
//! folder (created exclusively, so it never follows a link), which is flushed to disk and then
//! replaces the old file by a rename (which replaces a link at the path, never its target); the
//! folder is flushed too, so the rename survives a power cut. A crash or a full disk never
//! leaves a half-written file, only at worst a temporary file, and those are removed the next
//! time the folder is loaded ([`remove_leftover_temp_files`]). A file that cannot be read is
//! never overwritten or deleted: it is moved aside under a new name (never over another file),
//! and the person is told where it went. [`write_file`] never creates the folder it writes
//! into (only Unknot's own folders are created, by [`create_own_folder`]), never replaces a
//! folder, a pipe, a device or a socket, replaces an existing file only when told to
//! ([`Existing`]), and gives exports the person's usual permissions ([`Audience`]).

pub mod builtin;
pub mod history;
pub mod lock;
pub mod paths;
pub mod problems;
pub mod programme;
pub mod routine_file;
pub mod routines;
pub mod runtime;
pub mod safe_file;
pub mod settings;

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

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
    /// Folder for locks that live only while a process runs: one reminder process at a time,
    /// and the marker that a routine is playing (see [`runtime::runtime_folder`]).
    pub runtime_dir: PathBuf,
    /// The desktop's autostart folder, where the reminder process's login entry goes
    /// (`$XDG_CONFIG_HOME/autostart`); `None` if the system has no config folder.
    pub autostart_dir: Option<PathBuf>,
}

impl Store {
    /// Every folder inside one folder: `<dir>/config`, `<dir>/data`, `<dir>/run` and
    /// `<dir>/autostart` (so tests and portable installs never touch the person's login).
    #[must_use]
    pub fn at(dir: &Path) -> Self {
        Self {
            config_dir: dir.join("config"),
            data_dir: dir.join("data"),
            runtime_dir: dir.join("run"),
            autostart_dir: Some(dir.join("autostart")),
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
        let autostart_dir =
            directories::BaseDirs::new().map(|base| base.config_dir().join("autostart"));
        Some(Self {
            config_dir: dirs.config_dir().to_owned(),
            data_dir: dirs.data_dir().to_owned(),
            runtime_dir: runtime::runtime_folder().unwrap_or_else(|| dirs.cache_dir().join("run")),
            autostart_dir,
        })
    }

    /// The settings file.
    #[must_use]
    pub fn settings_path(&self) -> PathBuf {
        self.config_dir.join("settings.toml")
    }

    /// The lock the one running reminder process holds.
    #[must_use]
    pub fn reminder_lock_path(&self) -> PathBuf {
        self.runtime_dir.join("remind.lock")
    }

    /// The lock the app holds while a routine plays (no reminder comes then).
    #[must_use]
    pub fn routine_running_path(&self) -> PathBuf {
        self.runtime_dir.join("routine-running.lock")
    }

    /// Creates the runtime folder if needed (readable by its owner only, as
    /// [`runtime::create_runtime_folder`] makes it).
    pub fn create_runtime_dir(&self) -> std::io::Result<()> {
        let mut builder = std::fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
        builder.create(&self.runtime_dir)
    }
}

/// Why a file could not be saved.
#[derive(Debug, thiserror::Error)]
#[error("could not save {}: {cause}", path.display())]
pub struct SaveError {
    /// The file that was being saved.
    pub path: PathBuf,
    /// What the system said (for example, that the disk is full).
    pub cause: std::io::Error,
}

/// How temporary files of a save are named: `.unknot-<random>.tmp`, in the folder of the file.
const TEMP_PREFIX: &str = ".unknot-";
/// See [`TEMP_PREFIX`].
const TEMP_SUFFIX: &str = ".tmp";
/// A temporary file untouched for this long is a leftover of an interrupted save (a save takes
/// milliseconds; a younger one may belong to another Unknot saving right now).
pub const LEFTOVER_TEMP_AGE: Duration = Duration::from_mins(1);

/// The steps of an atomic save, in order, as seen by [`write_file_with`]'s checkpoint.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveStep {
    /// The temporary file exists, empty.
    Created,
    /// This many bytes of the new content are written to the temporary file.
    Wrote(usize),
    /// The temporary file is flushed to disk.
    Flushed,
    /// The temporary file has replaced the file.
    Renamed,
    /// The folder is flushed to disk: the save is complete.
    FolderFlushed,
}

/// Who a written file is for, which decides its permissions (on Unix).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Audience {
    /// Unknot's own state (settings, history, the person's routines): readable by this user
    /// only (0600), since it holds how their back feels.
    Private,
    /// A file the person exports or prints (a sheet, a CSV, a routine file to share): made like
    /// any file they create, `0666` less their umask.
    Shared,
}

/// What a save may do to a regular file already at the path. A folder, a named pipe, a device
/// or a socket is never replaced, whatever this says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Existing {
    /// Replace it (Unknot's own files; an export the person confirmed, or `--force`).
    Replace,
    /// Leave it and fail with [`std::io::ErrorKind::AlreadyExists`] (even if one appears while
    /// writing: the last step is a rename that never replaces).
    Keep,
}

/// How [`write_file`] writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WriteRules {
    /// Who the file is for.
    pub audience: Audience,
    /// What to do with a file already there.
    pub existing: Existing,
}

impl WriteRules {
    /// Unknot's own files: private, replaced whole on each save.
    pub const OWN: Self = Self {
        audience: Audience::Private,
        existing: Existing::Replace,
    };

    /// A file the person asked for (an export, a sheet): shared, and replacing a file already
    /// there only if `replace` (they confirmed it, or passed `--force`).
    #[must_use]
    pub const fn export(replace: bool) -> Self {
        Self {
            audience: Audience::Shared,
            existing: if replace {
                Existing::Replace
            } else {
                Existing::Keep
            },
        }
    }
}

/// Writes one of Unknot's own files (settings, a routine, the history when rewritten):
/// [`write_file`] with [`WriteRules::OWN`], after creating Unknot's own folder for it if it is
/// not there yet (the only folder Unknot ever creates).
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    create_own_folder(path)?;
    write_file(path, bytes, WriteRules::OWN)
}

/// Creates the folder of one of Unknot's own files (its config or data folder), if needed.
pub fn create_own_folder(path: &Path) -> Result<(), SaveError> {
    std::fs::create_dir_all(folder_of(path)).map_err(|source| SaveError {
        path: path.to_owned(),
        cause: source,
    })
}

/// The folder a path is in (`.` for a bare file name).
fn folder_of(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// The one way Unknot writes a whole file: a temporary file in the same folder, flushed to
/// disk, renamed over `path`, then the folder flushed. The folder must exist (it is never
/// created here). A folder, a named pipe, a device or a socket at `path` (or at the end of a
/// link there) is refused before anything is written, with a message naming what it is; a
/// regular file there is replaced only under [`Existing::Replace`]. A link at `path` is
/// replaced by the file, never written through. On error the old file is intact and the
/// temporary file removed.
pub fn write_file(path: &Path, bytes: &[u8], rules: WriteRules) -> Result<(), SaveError> {
    write_file_with(path, bytes, rules, &mut |_| Ok(()))
}

/// Why nothing may be written at `path` under `rules`, if so: checked before writing.
fn refusal(path: &Path, rules: WriteRules) -> Option<std::io::Error> {
    let dir = folder_of(path);
    match std::fs::metadata(dir) {
        Ok(meta) if meta.is_dir() => {}
        Ok(_) => {
            return Some(std::io::Error::new(
                std::io::ErrorKind::NotADirectory,
                format!("{} is not a folder", dir.display()),
            ));
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Some(std::io::Error::new(
                std::io::ErrorKind::NotFound,
                format!("there is no folder {}", dir.display()),
            ));
        }
        Err(e) => return Some(e),
    }
    // Follows a link: what matters is what the person would be overwriting.
    let meta = std::fs::metadata(path).ok()?;
    if let Some(what) = safe_file::what_it_is(&meta) {
        return Some(std::io::Error::other(format!(
            "it is {what}, not a regular file, so it was left as it is"
        )));
    }
    (rules.existing == Existing::Keep).then(|| {
        std::io::Error::new(
            std::io::ErrorKind::AlreadyExists,
            "a file of that name is already there",
        )
    })
}

/// [`write_file`], calling `checkpoint` after each [`SaveStep`]. If it returns an error,
/// the save stops right there as if the process had been killed: nothing is cleaned up and the
/// temporary file (if any) is left behind, which is how tests interrupt a save at any point.
pub fn write_file_with(
    path: &Path,
    bytes: &[u8],
    rules: WriteRules,
    checkpoint: &mut dyn FnMut(SaveStep) -> std::io::Result<()>,
) -> Result<(), SaveError> {
    let error = |source| SaveError {
        path: path.to_owned(),
        cause: source,
    };
    if let Some(refused) = refusal(path, rules) {
        return Err(error(refused));
    }
    let dir = folder_of(path);
    let mut builder = tempfile::Builder::new();
    builder.prefix(TEMP_PREFIX).suffix(TEMP_SUFFIX);
    #[cfg(unix)]
    if rules.audience == Audience::Shared {
        use std::os::unix::fs::PermissionsExt as _;
        // Given to open(2), which takes the umask off, as for any file the person creates.
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut temp = builder.tempfile_in(dir).map_err(error)?;
    // A crash from here on leaves the temporary file behind, like an interrupted checkpoint.
    let crash = |temp: tempfile::NamedTempFile, source| {
        let _ = temp.into_temp_path().keep();
        Err(error(source))
    };
    if let Err(e) = checkpoint(SaveStep::Created) {
        return crash(temp, e);
    }
    for (index, chunk) in bytes.chunks(WRITE_CHUNK).enumerate() {
        temp.write_all(chunk).map_err(error)?;
        let written = (index * WRITE_CHUNK + chunk.len()).min(bytes.len());
        if let Err(e) = checkpoint(SaveStep::Wrote(written)) {
            return crash(temp, e);
        }
    }
    temp.as_file().sync_all().map_err(error)?;
    if let Err(e) = checkpoint(SaveStep::Flushed) {
        return crash(temp, e);
    }
    match rules.existing {
        Existing::Replace => temp.persist(path).map(drop),
        Existing::Keep => temp.persist_noclobber(path).map(drop),
    }
    .map_err(|e| {
        if e.error.kind() == std::io::ErrorKind::AlreadyExists {
            error(std::io::Error::new(
                std::io::ErrorKind::AlreadyExists,
                "a file of that name is already there",
            ))
        } else {
            error(e.error)
        }
    })?;
    checkpoint(SaveStep::Renamed).map_err(error)?;
    sync_folder(dir).map_err(error)?;
    checkpoint(SaveStep::FolderFlushed).map_err(error)?;
    Ok(())
}

/// How much is written between checkpoints (small, so tests can stop a save mid-content).
const WRITE_CHUNK: usize = 512;

/// Flushes a folder's entries (a rename in it) to disk. A file system that cannot flush a
/// folder (some network and FUSE ones refuse) is not an error: the rename is done either way.
#[cfg(unix)]
pub(crate) fn sync_folder(dir: &Path) -> std::io::Result<()> {
    match std::fs::File::open(dir).and_then(|folder| folder.sync_all()) {
        Err(e) if e.kind() == std::io::ErrorKind::InvalidInput => Ok(()),
        other => other,
    }
}

/// Windows makes a rename durable itself (and cannot open a folder as a file).
#[cfg(not(unix))]
pub(crate) fn sync_folder(_dir: &Path) -> std::io::Result<()> {
    Ok(())
}

/// Removes temporary files left in `dir` by saves that were interrupted (a crash, a power
/// cut): regular files named `.unknot-*.tmp` not modified for [`LEFTOVER_TEMP_AGE`]. Nothing
/// else is touched, links are not followed, and a failure is ignored (it is only tidying).
pub fn remove_leftover_temp_files(dir: &Path) {
    remove_temp_files_older_than(dir, LEFTOVER_TEMP_AGE);
}

fn remove_temp_files_older_than(dir: &Path, age: Duration) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let now = SystemTime::now();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX)) {
            continue;
        }
        // `DirEntry::metadata` does not follow links.
        let Ok(meta) = entry.metadata() else { continue };
        let old_enough = meta
            .modified()
            .ok()
            .and_then(|modified| now.duration_since(modified).ok())
            .is_some_and(|untouched| untouched >= age);
        if meta.is_file() && old_enough {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Moves an unreadable file aside to `<name>.unreadable-<unix seconds>` (or with a counter if
/// that exists), never deleting it and never replacing another file. Returns the new path.
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
        match rename_without_replacing(path, &aside) {
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e),
            Ok(()) => return Ok(aside),
        }
    }
    Err(std::io::Error::new(
        std::io::ErrorKind::AlreadyExists,
        "too many unreadable copies already kept",
    ))
}

/// Renames `from` to `to` only if nothing is at `to`: a hard link (which fails if `to`
/// exists) and then removing `from`. Where hard links are not possible, a check then a rename.
fn rename_without_replacing(from: &Path, to: &Path) -> std::io::Result<()> {
    match std::fs::hard_link(from, to) {
        Ok(()) => std::fs::remove_file(from).inspect_err(|_| {
            // Keep exactly one name for the file: the one it had.
            let _ = std::fs::remove_file(to);
        }),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(e),
        Err(_) if to.symlink_metadata().is_ok() => Err(std::io::ErrorKind::AlreadyExists.into()),
        Err(_) => std::fs::rename(from, to),
    }
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

    fn names_in(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .expect("list")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    /// Makes `path` look untouched for an hour.
    fn age(path: &Path) {
        let file = std::fs::File::options()
            .write(true)
            .open(path)
            .expect("open");
        let hour_ago = SystemTime::now() - Duration::from_hours(1);
        file.set_modified(hour_ago).expect("set time");
    }

    #[test]
    fn leftover_temp_files_are_removed_and_nothing_else() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("settings.toml");
        // Two saves interrupted after writing part of the file, as a crash would leave them.
        for _ in 0..2 {
            let stop = write_file_with(&path, b"half", WriteRules::OWN, &mut |step| match step {
                SaveStep::Wrote(_) => Err(std::io::Error::other("killed")),
                _ => Ok(()),
            });
            assert!(stop.is_err());
        }
        let leftovers: Vec<String> = names_in(dir.path())
            .into_iter()
            .filter(|n| n.starts_with(TEMP_PREFIX))
            .collect();
        assert_eq!(leftovers.len(), 2, "{leftovers:?}");
        age(&dir.path().join(&leftovers[0]));
        // Not ours, or a folder, or a link: kept even when old.
        let own_looking = dir.path().join(".unknot-keep.tmp.bak");
        std::fs::write(&own_looking, "x").expect("write");
        age(&own_looking);
        std::fs::create_dir(dir.path().join(".unknot-dir.tmp")).expect("mkdir");
        #[cfg(unix)]
        std::os::unix::fs::symlink(&own_looking, dir.path().join(".unknot-link.tmp"))
            .expect("symlink");

        remove_leftover_temp_files(dir.path());

        let mut expected = vec![
            ".unknot-dir.tmp".to_owned(),
            ".unknot-keep.tmp.bak".to_owned(),
            leftovers[1].clone(),
        ];
        if cfg!(unix) {
            expected.push(".unknot-link.tmp".to_owned());
        }
        expected.sort();
        assert_eq!(
            names_in(dir.path()),
            expected,
            "the fresh one may be a save under way"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_save_replaces_a_link_and_never_writes_through_it() {
        let dir = tempfile::tempdir().expect("temp dir");
        let target = dir.path().join("precious.txt");
        std::fs::write(&target, "precious").expect("write");
        let path = dir.path().join("settings.toml");
        std::os::unix::fs::symlink(&target, &path).expect("symlink");
        write_atomically(&path, b"new").expect("save");
        assert_eq!(std::fs::read_to_string(&target).expect("read"), "precious");
        assert!(!path.symlink_metadata().expect("meta").is_symlink());
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "new");
    }

    #[test]
    fn moving_aside_never_replaces_an_earlier_copy() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("settings.toml");
        let mut kept = Vec::new();
        for n in 0..5 {
            std::fs::write(&path, format!("copy {n}")).expect("write");
            kept.push(move_aside(&path).expect("aside"));
        }
        for (n, aside) in kept.iter().enumerate() {
            assert_eq!(
                std::fs::read_to_string(aside).expect("read"),
                format!("copy {n}")
            );
        }
        assert_eq!(names_in(dir.path()).len(), 5);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

        /// Stopping a save after any of its steps (mid-content included) leaves either the old
        /// file or the new one, whole, never a mix; the next load's tidying leaves only it.
        #[test]
        fn a_save_interrupted_anywhere_leaves_the_old_or_the_new_file(
            old in proptest::option::of(proptest::collection::vec(proptest::num::u8::ANY, 0..3000)),
            new in proptest::collection::vec(proptest::num::u8::ANY, 0..3000),
            stop_after in 0usize..12,
        ) {
            let dir = tempfile::tempdir().expect("temp dir");
            let path = dir.path().join("file.toml");
            if let Some(old) = &old {
                write_atomically(&path, old).expect("first save");
            }
            let mut steps = 0;
            let result = write_file_with(&path, &new, WriteRules::OWN, &mut |_| {
                steps += 1;
                if steps > stop_after {
                    Err(std::io::Error::other("killed"))
                } else {
                    Ok(())
                }
            });
            let now = std::fs::read(&path).ok();
            if result.is_ok() {
                proptest::prop_assert_eq!(now.as_ref(), Some(&new));
            } else {
                proptest::prop_assert!(now == old || now.as_ref() == Some(&new));
            }
            for entry in std::fs::read_dir(dir.path()).expect("list") {
                age(&entry.expect("entry").path());
            }
            remove_leftover_temp_files(dir.path());
            let left = names_in(dir.path());
            let expected: &[&str] = if now.is_some() { &["file.toml"] } else { &[] };
            proptest::prop_assert_eq!(left, expected);
        }
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
