//! The open window's side of a reminder's Start ([`crate::remind::handoff`]): a listener thread
//! on the runtime folder's socket puts each routine sent into a channel and wakes the window
//! (`request_repaint`) only then; the next frame opens the routine, as `unknot start ID` would,
//! and brings the window to the front.

use std::path::{Path, PathBuf};
use std::sync::mpsc;

use crate::app::ScreenKind;
use crate::app::{StartRequest, UnknotApp};
use crate::remind::handoff::OpenRoutine;
use crate::ui::Notice;

/// Routines sent by reminders, waiting for the next frame.
pub(crate) struct Inbox {
    received: mpsc::Receiver<OpenRoutine>,
    /// Stops listening (and removes the socket file) when the app goes.
    #[cfg(unix)]
    _listener: crate::remind::handoff::Listener,
}

/// Where this machine's window listens: the socket in the runtime folder (created).
#[must_use]
pub fn socket_for_this_machine() -> Option<PathBuf> {
    crate::store::runtime::create_runtime_folder()
        .ok()
        .map(|folder| folder.join(crate::remind::handoff::SOCKET_NAME))
}

/// Starts listening at `path`; `None` (and a line on stderr) when that is not possible, for
/// example because another Unknot window already listens there.
pub(crate) fn listen(ctx: &egui::Context, path: &Path) -> Option<Inbox> {
    #[cfg(unix)]
    {
        let (tx, received) = mpsc::channel();
        let wake = ctx.clone();
        let on_open = move |open| {
            if tx.send(open).is_ok() {
                wake.request_repaint();
            }
        };
        match crate::remind::handoff::listen(path, on_open) {
            Ok(listener) => Some(Inbox {
                received,
                _listener: listener,
            }),
            Err(error) => {
                if error.kind() != std::io::ErrorKind::AddrInUse {
                    eprintln!(
                        "unknot: reminders cannot reach this window ({}: {error})",
                        path.display()
                    );
                }
                None
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = (ctx, path);
        None
    }
}

impl UnknotApp {
    /// Opens each routine a reminder sent, when nothing is in the way, and brings the window
    /// to the front.
    pub(super) fn take_handoffs(&mut self, ctx: &egui::Context) {
        let Some(inbox) = &self.handoff else { return };
        let received: Vec<OpenRoutine> = inbox.received.try_iter().collect();
        for open in received {
            let free = matches!(
                self.screen.kind(),
                ScreenKind::Home | ScreenKind::Finished | ScreenKind::History
            ) && self.modal.is_none();
            if free {
                self.open_straight_into(&StartRequest {
                    routine_id: open.routine_id,
                    minutes: open.minutes,
                });
            } else {
                self.notify(Notice::plain(
                    "A reminder's Start was not opened here: finish or close what is open first.",
                ));
            }
            ctx.send_viewport_cmd(egui::ViewportCommand::Minimized(false));
            ctx.send_viewport_cmd(egui::ViewportCommand::Focus);
            // Where focus cannot be taken (Wayland), the taskbar shows the window wants it.
            ctx.send_viewport_cmd(egui::ViewportCommand::RequestUserAttention(
                egui::UserAttentionType::Informational,
            ));
        }
    }
}
