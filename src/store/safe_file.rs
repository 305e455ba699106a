//! Opening and reading files that may be hostile: only regular files, never more than a limit.
//!
//! Every file Unknot reads (routine files, imports, settings, the history) goes through
//! [`open_regular`] (and [`read_limited`], or both as [`read_regular`]); the history is appended
//! to through [`open_regular_for_append`], which checks the same way. Writing whole files is
//! [`super::write_file`]. It
//! opens the path without blocking (a named pipe would otherwise wait forever for a writer),
//! then asks the *opened handle* what it is, so a path swapped between a check and the open
//! cannot slip a pipe, a device or a socket through: anything but a regular file is refused
//! with [`ReadError::NotAFile`], which names what it is. A link is followed to what it points
//! at, and that is what is checked (so a link to `/dev/zero` is refused as a device). Reading
//! stops one byte past the limit, so no file, however large or endless, is read without bound.

use std::fs::File;
use std::io::Read as _;
use std::path::Path;

/// Why a file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The system could not open or read it (it may be missing, or not readable by this user).
    #[error(transparent)]
    Io(#[from] std::io::Error),
    /// It is not a regular file: a folder, a named pipe, a device or a socket.
    #[error("it is {what}, not a regular file")]
    NotAFile {
        /// What it is, in words: "a folder", "a named pipe (FIFO)", "a device", "a socket".
        what: &'static str,
    },
    /// It is larger than the limit.
    #[error("it is larger than {} KiB", limit / 1024)]
    TooLarge {
        /// The limit, in bytes.
        limit: u64,
    },
}

/// Opens `path` for reading if it is a regular file (after following links), without ever
/// blocking on a pipe or a device. On Unix the file is opened with `O_NONBLOCK` and `O_NOCTTY`
/// and the type is taken from the opened handle (`fstat`), not from the path.
pub fn open_regular(path: &Path) -> Result<File, ReadError> {
    let file = open_without_blocking(path)?;
    let meta = file.metadata()?;
    match what_it_is(&meta) {
        Some(what) => Err(ReadError::NotAFile { what }),
        None => Ok(file),
    }
}

/// Opens `path` to add to its end (creating it, private, if it is not there), if it is a regular
/// file, the same way as [`open_regular`]: never blocking on a pipe, the type taken from the
/// opened handle. A folder is refused as one.
pub fn open_regular_for_append(path: &Path) -> Result<File, ReadError> {
    let file = match open_for_append_without_blocking(path) {
        Ok(file) => file,
        Err(error) => {
            // A folder cannot be opened for writing at all: say what it is.
            let what = std::fs::metadata(path).ok().and_then(|m| what_it_is(&m));
            return Err(what.map_or(ReadError::Io(error), |what| ReadError::NotAFile { what }));
        }
    };
    let meta = file.metadata()?;
    match what_it_is(&meta) {
        Some(what) => Err(ReadError::NotAFile { what }),
        None => Ok(file),
    }
}

/// Reads at most `limit` bytes from an opened file; refuses it if there are more.
pub fn read_limited(file: File, limit: u64) -> Result<Vec<u8>, ReadError> {
    if file.metadata().is_ok_and(|m| m.len() > limit) {
        return Err(ReadError::TooLarge { limit });
    }
    let mut bytes = Vec::new();
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge { limit });
    }
    Ok(bytes)
}

/// Reads the regular file at `path`, at most `limit` bytes: [`open_regular`] then
/// [`read_limited`].
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    read_limited(open_regular(path)?, limit)
}

/// What the opened thing is, in words, if it is not a regular file.
pub(crate) fn what_it_is(meta: &std::fs::Metadata) -> Option<&'static str> {
    let kind = meta.file_type();
    if kind.is_file() {
        return None;
    }
    if kind.is_dir() {
        return Some("a folder");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if kind.is_fifo() {
            return Some("a named pipe (FIFO)");
        }
        if kind.is_socket() {
            return Some("a socket");
        }
        if kind.is_char_device() || kind.is_block_device() {
            return Some("a device");
        }
    }
    Some("a special file")
}

#[cfg(unix)]
fn open_without_blocking(path: &Path) -> std::io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt as _;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)
}

#[cfg(not(unix))]
fn open_without_blocking(path: &Path) -> std::io::Result<File> {
    File::open(path)
}

/// Read and append, created 0600 if missing. Read and write together (`O_RDWR`) so that a named
/// pipe opens at once even with no reader, and is then refused by its type.
#[cfg(unix)]
fn open_for_append_without_blocking(path: &Path) -> std::io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt as _;
    std::fs::OpenOptions::new()
        .read(true)
        .append(true)
        .create(true)
        .mode(0o600)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)
}

#[cfg(not(unix))]
fn open_for_append_without_blocking(path: &Path) -> std::io::Result<File> {
    std::fs::OpenOptions::new()
        .read(true)
        .append(true)
        .create(true)
        .open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_regular_file_is_read_up_to_the_limit() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("f.toml");
        std::fs::write(&path, b"12345").expect("write");
        assert_eq!(read_regular(&path, 5).expect("read"), b"12345");
        assert!(matches!(
            read_regular(&path, 4),
            Err(ReadError::TooLarge { limit: 4 })
        ));
    }

    #[test]
    fn a_folder_is_refused_by_name() {
        let dir = tempfile::tempdir().expect("temp dir");
        let error = read_regular(dir.path(), 10).expect_err("a folder");
        assert_eq!(error.to_string(), "it is a folder, not a regular file");
    }

    #[cfg(unix)]
    #[test]
    fn a_link_to_a_device_is_refused_without_reading() {
        let dir = tempfile::tempdir().expect("temp dir");
        let link = dir.path().join("zero.toml");
        std::os::unix::fs::symlink("/dev/zero", &link).expect("symlink");
        let error = read_regular(&link, 1024).expect_err("a device");
        assert_eq!(error.to_string(), "it is a device, not a regular file");
    }

    #[cfg(unix)]
    #[test]
    fn a_named_pipe_is_refused_at_once() {
        let dir = tempfile::tempdir().expect("temp dir");
        let fifo = dir.path().join("pipe.toml");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo runs");
        assert!(made.success());
        // No writer ever opens the pipe: a blocking open would wait forever, so the read
        // runs on a thread and the test fails (rather than hangs) if it does not come back.
        let (sender, receiver) = std::sync::mpsc::channel();
        std::thread::spawn(move || sender.send(read_regular(&fifo, 1024).map(|_| ())));
        let error = receiver
            .recv_timeout(std::time::Duration::from_secs(10))
            .expect("the read came back")
            .expect_err("a pipe");
        assert_eq!(
            error.to_string(),
            "it is a named pipe (FIFO), not a regular file"
        );
    }
}
