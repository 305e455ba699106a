//! The Start hand-off: a reminder's Start, given to an Unknot window that is already open.
//!
//! The app listens on a Unix socket in the runtime folder ([`socket_path`]). A reminder whose
//! Start is pressed connects, sends one line of JSON, `{"version":1,"open":{"routine_id":
//! "desk-break","minutes":null}}`, and waits (at most [`IO_WAIT`]) for `ok`: once it has that
//! the routine is open in the window, and nothing else is started. Without a listener (no
//! window open, or a socket file left by a window that crashed) the sender gets an error and
//! starts a new window instead. The listener's thread sleeps in `accept` and wakes only when a
//! message comes; a socket file left behind is replaced, one still answered is left alone
//! (that window gets the hand-offs). Messages are bounded ([`MAX_MESSAGE`] bytes) and every
//! read and write has a timeout, so a stuck peer never holds up either side.

use std::io;
use std::path::PathBuf;
use std::time::Duration;

use serde::{Deserialize, Serialize};

/// The socket's file name inside the runtime folder.
pub const SOCKET_NAME: &str = "app.sock";
/// The longest message read, in bytes.
pub const MAX_MESSAGE: u64 = 4096;
/// How long either side waits for the other to read or write.
pub const IO_WAIT: Duration = Duration::from_secs(2);
/// The message format's version.
const VERSION: u32 = 1;

/// A routine to open, as `unknot start ID [--minutes N]` would.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenRoutine {
    /// The routine's id.
    pub routine_id: String,
    /// A whole-routine target length for this run, in minutes.
    pub minutes: Option<u32>,
}

impl OpenRoutine {
    /// Reads the arguments a reminder's Start runs this binary with: `start ID`, optionally
    /// with `--minutes N` (or `--minutes=N`). Anything else (another subcommand, an unknown
    /// option) is `None`: only a new process can run it.
    #[must_use]
    pub fn from_start_args(args: &[String]) -> Option<Self> {
        let (first, rest) = args.split_first()?;
        if first != "start" {
            return None;
        }
        let mut routine_id = None;
        let mut minutes = None;
        let mut rest = rest.iter();
        while let Some(arg) = rest.next() {
            if let Some(value) = arg.strip_prefix("--minutes=") {
                minutes = Some(value.parse().ok()?);
            } else if arg == "--minutes" {
                minutes = Some(rest.next()?.parse().ok()?);
            } else if arg.starts_with('-') || routine_id.is_some() {
                return None;
            } else {
                routine_id = Some(arg.clone());
            }
        }
        Some(Self {
            routine_id: routine_id?,
            minutes,
        })
    }
}

/// One message on the socket.
#[derive(Debug, Serialize, Deserialize)]
struct Message {
    version: u32,
    open: OpenRoutine,
}

/// Where the open window's socket is: [`SOCKET_NAME`] in the runtime folder.
#[must_use]
pub fn socket_path() -> Option<PathBuf> {
    crate::store::runtime::runtime_folder().map(|folder| folder.join(SOCKET_NAME))
}

/// Reads one message: one line of at most [`MAX_MESSAGE`] bytes.
fn read_message(reader: impl io::Read) -> io::Result<OpenRoutine> {
    let mut line = String::new();
    io::BufRead::read_line(
        &mut io::BufReader::new(io::Read::take(reader, MAX_MESSAGE)),
        &mut line,
    )?;
    let message: Message = serde_json::from_str(line.trim_end())
        .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
    if message.version != VERSION {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!("hand-off message version {} is not known", message.version),
        ));
    }
    Ok(message.open)
}

#[cfg(unix)]
pub use unix::{Listener, listen, send};

#[cfg(unix)]
mod unix {
    use std::io::{self, Read as _, Write as _};
    use std::os::unix::fs::{FileTypeExt as _, MetadataExt as _};
    use std::os::unix::net::{UnixListener, UnixStream};
    use std::path::{Path, PathBuf};
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};

    use super::{IO_WAIT, Message, OpenRoutine, VERSION, read_message};

    /// Sends `open` to the window listening at `path` and waits for it to say the routine is
    /// open. An error means no window took it (none listening, or it refused).
    pub fn send(path: &Path, open: &OpenRoutine) -> io::Result<()> {
        let mut stream = UnixStream::connect(path)?;
        stream.set_read_timeout(Some(IO_WAIT))?;
        stream.set_write_timeout(Some(IO_WAIT))?;
        let message = Message {
            version: VERSION,
            open: open.clone(),
        };
        let mut line = serde_json::to_string(&message).map_err(io::Error::other)?;
        line.push('\n');
        stream.write_all(line.as_bytes())?;
        let mut reply = String::new();
        (&mut stream).take(256).read_to_string(&mut reply)?;
        if reply.trim() == "ok" {
            Ok(())
        } else {
            Err(io::Error::other(format!(
                "the open window refused the routine: {}",
                reply.trim()
            )))
        }
    }

    /// The open window's end of the hand-off: a thread answering on the socket. Dropping it
    /// stops the thread and removes the socket file (if it is still this listener's).
    pub struct Listener {
        path: PathBuf,
        /// The socket file's device and inode, to remove only our own.
        identity: (u64, u64),
        stop: Arc<AtomicBool>,
    }

    /// Listens at `path` (its folder must exist) and calls `on_open` on the listener's thread
    /// for each routine sent. A socket file left by a process that is gone is replaced; when
    /// another window already answers there, the error is [`io::ErrorKind::AddrInUse`].
    pub fn listen(
        path: &Path,
        on_open: impl Fn(OpenRoutine) + Send + 'static,
    ) -> io::Result<Listener> {
        let listener = match UnixListener::bind(path) {
            Ok(listener) => listener,
            Err(error) if error.kind() == io::ErrorKind::AddrInUse => {
                if UnixStream::connect(path).is_ok() {
                    return Err(error);
                }
                // Nobody answers: a window that crashed left it. Replace only a socket.
                let stale = std::fs::symlink_metadata(path)?;
                if !stale.file_type().is_socket() {
                    return Err(error);
                }
                std::fs::remove_file(path)?;
                UnixListener::bind(path)?
            }
            Err(error) => return Err(error),
        };
        let metadata = std::fs::symlink_metadata(path)?;
        let stop = Arc::new(AtomicBool::new(false));
        let stopping = Arc::clone(&stop);
        std::thread::Builder::new()
            .name("unknot-handoff".to_owned())
            .spawn(move || {
                for stream in listener.incoming() {
                    if stopping.load(Ordering::Acquire) {
                        break;
                    }
                    if let Ok(stream) = stream {
                        answer(stream, &on_open);
                    }
                }
            })?;
        Ok(Listener {
            path: path.to_owned(),
            identity: (metadata.dev(), metadata.ino()),
            stop,
        })
    }

    /// Reads one message from a peer and answers `ok` once `on_open` has it.
    fn answer(mut stream: UnixStream, on_open: &impl Fn(OpenRoutine)) {
        if stream.set_read_timeout(Some(IO_WAIT)).is_err()
            || stream.set_write_timeout(Some(IO_WAIT)).is_err()
        {
            return;
        }
        let reply = match read_message(&stream) {
            Ok(open) => {
                on_open(open);
                "ok\n".to_owned()
            }
            Err(error) => format!("error: {error}\n"),
        };
        // The peer may have gone; nothing to do then.
        let _ = stream.write_all(reply.as_bytes());
    }

    impl Drop for Listener {
        fn drop(&mut self) {
            self.stop.store(true, Ordering::Release);
            let ours = std::fs::symlink_metadata(&self.path)
                .is_ok_and(|m| (m.dev(), m.ino()) == self.identity);
            if ours {
                // Wake the thread from `accept` so it sees the stop, then remove the file.
                drop(UnixStream::connect(&self.path));
                let _ = std::fs::remove_file(&self.path);
            }
        }
    }
}

/// Without Unix sockets there is no hand-off: a reminder's Start always opens a new window.
#[cfg(not(unix))]
pub fn send(_path: &std::path::Path, _open: &OpenRoutine) -> io::Result<()> {
    Err(io::Error::new(
        io::ErrorKind::Unsupported,
        "no hand-off on this system",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(words: &[&str]) -> Vec<String> {
        words.iter().map(|w| (*w).to_owned()).collect()
    }

    #[test]
    fn start_arguments_become_a_routine_to_open() {
        assert_eq!(
            OpenRoutine::from_start_args(&args(&["start", "desk-break"])),
            Some(OpenRoutine {
                routine_id: "desk-break".to_owned(),
                minutes: None
            })
        );
        let ten = Some(OpenRoutine {
            routine_id: "desk-break".to_owned(),
            minutes: Some(10),
        });
        assert_eq!(
            OpenRoutine::from_start_args(&args(&["start", "desk-break", "--minutes", "10"])),
            ten
        );
        assert_eq!(
            OpenRoutine::from_start_args(&args(&["start", "--minutes=10", "desk-break"])),
            ten
        );
        for other in [
            &["generate", "--minutes", "5"][..],
            &["start"],
            &["start", "a", "b"],
            &["start", "a", "--minutes"],
            &["start", "a", "--minutes", "ten"],
            &["start", "a", "--seed", "3"],
            &[],
        ] {
            assert_eq!(
                OpenRoutine::from_start_args(&args(other)),
                None,
                "{other:?}"
            );
        }
    }

    #[test]
    fn a_message_is_one_bounded_versioned_line() {
        let line = br#"{"version":1,"open":{"routine_id":"desk-break","minutes":5}}
"#;
        assert_eq!(
            read_message(&line[..]).expect("a good message"),
            OpenRoutine {
                routine_id: "desk-break".to_owned(),
                minutes: Some(5)
            }
        );
        let newer = br#"{"version":2,"open":{"routine_id":"x","minutes":null}}"#;
        assert!(read_message(&newer[..]).is_err());
        // A peer that sends without end is cut off at the bound, not read forever.
        let endless = std::io::repeat(b'x');
        assert!(read_message(endless).is_err());
    }

    proptest::proptest! {
        #[test]
        fn any_bytes_from_a_peer_are_refused_or_read_never_a_panic(
            bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..6000)
        ) {
            if let Ok(open) = read_message(&bytes[..]) {
                proptest::prop_assert!(open.routine_id.len() < MAX_MESSAGE as usize);
            }
        }

        #[test]
        fn any_start_command_reads_back_and_survives_the_socket_format(
            id in "[a-z0-9][a-z0-9-]{0,40}",
            minutes in proptest::option::of(1u32..=120),
        ) {
            let mut args = vec!["start".to_owned(), id.clone()];
            if let Some(m) = minutes {
                args.extend(["--minutes".to_owned(), m.to_string()]);
            }
            let open = OpenRoutine::from_start_args(&args);
            proptest::prop_assert_eq!(
                open.clone(),
                Some(OpenRoutine { routine_id: id, minutes })
            );
            let line = serde_json::to_string(&Message { version: VERSION, open: open.clone().expect("read") })
                .expect("serialises");
            proptest::prop_assert_eq!(read_message(line.as_bytes()).ok(), open);
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_routine_sent_reaches_the_listener_and_a_stale_socket_is_replaced() {
        let folder = tempfile::tempdir().expect("temp folder");
        let path = folder.path().join(SOCKET_NAME);
        // No window: sending fails, so the caller opens a new one.
        let open = OpenRoutine {
            routine_id: "desk-break".to_owned(),
            minutes: None,
        };
        assert!(send(&path, &open).is_err());
        // A socket file left by a window that crashed.
        drop(std::os::unix::net::UnixListener::bind(&path).expect("bind"));
        assert!(path.exists());
        let (tx, rx) = std::sync::mpsc::channel();
        let listener = listen(&path, move |open| tx.send(open).expect("test channel"))
            .expect("listens over the stale file");
        // A second window does not take it over.
        let second = listen(&path, |_| {});
        assert_eq!(
            second.err().map(|e| e.kind()),
            Some(io::ErrorKind::AddrInUse)
        );
        send(&path, &open).expect("the window answers");
        // `send` returns after the listener has it.
        assert_eq!(rx.try_recv().ok(), Some(open.clone()));
        drop(listener);
        assert!(
            !path.exists(),
            "the socket file is removed with its listener"
        );
        assert!(send(&path, &open).is_err());
    }
}
