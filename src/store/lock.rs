//! Advisory locks between Unknot processes sharing one home (two windows, or the app and the
//! reminder process).
//!
//! A file that several processes change (the settings, the history) has a lock file beside it,
//! `.<name>.lock` (for example `.settings.toml.lock`), which is empty and never removed (removing
//! a lock file while another process waits on it would let a third one take a different lock).
//! A process changing the file holds an exclusive lock on that lock file from reading the file to
//! the end of writing it, so no change is made from a copy another process has just replaced.
//! The lock is the operating system's (`flock` on Unix, `LockFileEx` on Windows, through
//! [`std::fs::File::try_lock`]): it is let go when the holder closes the file or dies, so a
//! crash never leaves it stuck. Waiting is bounded ([`LOCK_WAIT`]); a lock held longer than that
//! is reported rather than waited on forever.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The longest a process waits for another to finish a change (changes take milliseconds).
pub const LOCK_WAIT: Duration = Duration::from_secs(10);

/// How long to sleep between two tries while another process holds the lock.
const RETRY: Duration = Duration::from_millis(5);

/// An exclusive lock on the lock file beside a file; let go when dropped.
#[derive(Debug)]
pub struct FileLock {
    /// Kept open: closing it lets go of the lock.
    _file: File,
}

/// The lock file for `path`: `.<file name>.lock` in the same folder.
#[must_use]
pub fn lock_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned());
    path.with_file_name(format!(".{name}.lock"))
}

/// Takes the exclusive lock for changing `path`, waiting at most [`LOCK_WAIT`] for another
/// process to let go of it. The folder must exist. The lock file is created if needed (private,
/// never through a link) and must be a regular file.
pub fn lock_for_change(path: &Path) -> std::io::Result<FileLock> {
    lock_for_change_within(path, LOCK_WAIT)
}

/// [`lock_for_change`], waiting at most `wait`.
pub fn lock_for_change_within(path: &Path, wait: Duration) -> std::io::Result<FileLock> {
    let lock = lock_path(path);
    let file = open_lock_file(&lock)?;
    if let Some(what) = super::safe_file::what_it_is(&file.metadata()?) {
        return Err(std::io::Error::other(format!(
            "the lock file {} is {what}, not a regular file",
            lock.display()
        )));
    }
    let deadline = Instant::now() + wait;
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(FileLock { _file: file }),
            Err(std::fs::TryLockError::WouldBlock) if Instant::now() < deadline => {
                std::thread::sleep(RETRY);
            }
            Err(std::fs::TryLockError::WouldBlock) => {
                return Err(std::io::Error::new(
                    std::io::ErrorKind::TimedOut,
                    format!(
                        "another Unknot kept {} locked for more than {} seconds",
                        path.display(),
                        wait.as_secs()
                    ),
                ));
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(e),
        }
    }
}

/// Takes the exclusive lock on the lock file `path` itself (created if needed, in a folder
/// that exists) without waiting: `None` when another process holds it. For locks held as long
/// as a process does something: the one reminder process, a routine playing.
pub fn try_hold(path: &Path) -> std::io::Result<Option<FileLock>> {
    let file = open_lock_file(path)?;
    if let Some(what) = super::safe_file::what_it_is(&file.metadata()?) {
        return Err(std::io::Error::other(format!(
            "the lock file {} is {what}, not a regular file",
            path.display()
        )));
    }
    match file.try_lock() {
        Ok(()) => Ok(Some(FileLock { _file: file })),
        Err(std::fs::TryLockError::WouldBlock) => Ok(None),
        Err(std::fs::TryLockError::Error(e)) => Err(e),
    }
}

/// Whether another process holds the lock file `path` now (see [`try_hold`]); a missing or
/// unusable lock file is held by nobody.
#[must_use]
pub fn is_held(path: &Path) -> bool {
    path.symlink_metadata().is_ok() && matches!(try_hold(path), Ok(None))
}

/// Opens (creating) the lock file without following a link and without blocking on a pipe.
#[cfg(unix)]
fn open_lock_file(path: &Path) -> std::io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt as _;
    std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .mode(0o600)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY | libc::O_NOFOLLOW)
        .open(path)
}

#[cfg(not(unix))]
fn open_lock_file(path: &Path) -> std::io::Result<File> {
    std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_holder_waits_and_is_told_when_it_waited_too_long() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("settings.toml");
        let held = lock_for_change(&path).expect("first lock");
        assert_eq!(
            lock_path(&path),
            dir.path().join(".settings.toml.lock"),
            "beside the file"
        );
        let error =
            lock_for_change_within(&path, Duration::from_millis(50)).expect_err("the lock is held");
        assert_eq!(error.kind(), std::io::ErrorKind::TimedOut);
        assert!(error.to_string().contains("another Unknot kept"), "{error}");
        drop(held);
        lock_for_change_within(&path, Duration::from_millis(50)).expect("let go when dropped");
    }

    #[test]
    fn a_held_marker_is_seen_and_let_go() {
        let dir = tempfile::tempdir().expect("temp dir");
        let marker = dir.path().join("routine-running.lock");
        assert!(!is_held(&marker), "no file: nobody holds it");
        let held = try_hold(&marker).expect("opens").expect("free");
        assert!(
            try_hold(&marker).expect("opens").is_none(),
            "held once only"
        );
        assert!(is_held(&marker));
        drop(held);
        assert!(!is_held(&marker));
    }

    #[cfg(unix)]
    #[test]
    fn a_lock_file_that_is_a_link_or_a_pipe_is_refused() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("settings.toml");
        std::os::unix::fs::symlink("/dev/null", lock_path(&path)).expect("symlink");
        assert!(lock_for_change(&path).is_err(), "a link is not followed");
        std::fs::remove_file(lock_path(&path)).expect("remove");
        let made = std::process::Command::new("mkfifo")
            .arg(lock_path(&path))
            .status()
            .expect("mkfifo");
        assert!(made.success());
        let error = lock_for_change(&path).expect_err("a pipe");
        assert!(error.to_string().contains("named pipe"), "{error}");
    }
}
