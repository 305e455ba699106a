//! Every keyboard shortcut in one table. The same table drives the key handling, the `?`
//! overlay and the README's key table (a test checks that the README matches it).
//!
//! While a dialog is open only the dialog's keys act: Esc closes it, Enter does its default
//! action, and nothing behind it reacts.

use egui::{Grid, Key, Modifiers, RichText};

use super::{Command, ModalCommand, Opening, PlayerCommand};

/// Where a shortcut acts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Area {
    /// In any open dialog.
    Dialog,
    /// On the player, with no dialog open.
    Player,
    /// On the home screen, with no dialog open.
    Home,
    /// On every screen, with no dialog open.
    Everywhere,
}

impl Area {
    /// The words for the README and the overlay.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Dialog => "Any dialog",
            Self::Player => "Player",
            Self::Home => "Home",
            Self::Everywhere => "Everywhere",
        }
    }
}

/// What a key press asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyAction {
    /// Send this command.
    Send(KeyCommand),
    /// Handled by egui itself (moving the keyboard focus); listed so people can find it.
    MoveFocus,
}

/// The commands a key can send (a `Copy` subset of [`Command`], so the table can be `const`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyCommand {
    /// A player command.
    Player(PlayerCommand),
    /// Start the selected routine.
    Start,
    /// Show the shortcuts.
    ShowKeys,
    /// Close the open dialog.
    CloseDialog,
    /// The open dialog's default action.
    ConfirmDialog,
}

impl KeyCommand {
    /// The full command.
    pub fn command(self) -> Command {
        match self {
            Self::Player(p) => Command::Player(p),
            Self::Start => Command::Home(super::HomeCommand::Start),
            Self::ShowKeys => Command::Open(Opening::Keys),
            Self::CloseDialog => Command::Modal(ModalCommand::Close),
            Self::ConfirmDialog => Command::Modal(ModalCommand::Confirm),
        }
    }
}

/// One shortcut: the key presses that trigger it, where, and what it does.
#[derive(Clone, Copy, Debug)]
pub struct Binding {
    /// The key as a person reads it.
    pub keys: &'static str,
    /// The presses that count (some keyboards send `?` as Shift+/).
    pub presses: &'static [(Modifiers, Key)],
    /// Where it acts.
    pub area: Area,
    /// What it does, in words.
    pub does: &'static str,
    /// What it does in a word or two, for the player's keys line (empty: not listed there).
    pub short: &'static str,
    /// What it sends.
    pub action: KeyAction,
}

const NONE: Modifiers = Modifiers::NONE;
const SHIFT: Modifiers = Modifiers::SHIFT;

/// Every shortcut, in the order the overlay and the README list them.
pub const KEYMAP: &[Binding] = &[
    Binding {
        keys: "Space",
        presses: &[(NONE, Key::Space)],
        area: Area::Player,
        does: "Pause or resume",
        short: "pause",
        action: KeyAction::Send(KeyCommand::Player(PlayerCommand::TogglePause)),
    },
    Binding {
        keys: "Left arrow",
        presses: &[(NONE, Key::ArrowLeft)],
        area: Area::Player,
        does: "Restart the step; within its first 2 seconds, go to the previous step",
        short: "back",
        action: KeyAction::Send(KeyCommand::Player(PlayerCommand::Back)),
    },
    Binding {
        keys: "Right arrow",
        presses: &[(NONE, Key::ArrowRight)],
        area: Area::Player,
        does: "Skip to the next step",
        short: "skip",
        action: KeyAction::Send(KeyCommand::Player(PlayerCommand::Skip)),
    },
    Binding {
        keys: "Esc",
        presses: &[(NONE, Key::Escape)],
        area: Area::Player,
        does: "Stop the routine (asks first, and pauses while asking)",
        short: "stop",
        action: KeyAction::Send(KeyCommand::Player(PlayerCommand::AskStop)),
    },
    Binding {
        keys: "Enter",
        presses: &[(NONE, Key::Enter)],
        area: Area::Home,
        does: "Start the selected routine, or the session made",
        short: "",
        action: KeyAction::Send(KeyCommand::Start),
    },
    Binding {
        keys: "Esc",
        presses: &[(NONE, Key::Escape)],
        area: Area::Dialog,
        does: "Close the dialog without doing anything",
        short: "",
        action: KeyAction::Send(KeyCommand::CloseDialog),
    },
    Binding {
        keys: "Enter",
        presses: &[(NONE, Key::Enter)],
        area: Area::Dialog,
        does: "Do the dialog's highlighted action",
        short: "",
        action: KeyAction::Send(KeyCommand::ConfirmDialog),
    },
    Binding {
        keys: "?",
        presses: &[
            (NONE, Key::Questionmark),
            (SHIFT, Key::Questionmark),
            (SHIFT, Key::Slash),
        ],
        area: Area::Everywhere,
        does: "Show all shortcuts",
        short: "all keys",
        action: KeyAction::Send(KeyCommand::ShowKeys),
    },
    Binding {
        keys: "Tab",
        presses: &[(NONE, Key::Tab)],
        area: Area::Everywhere,
        does: "Move between controls (Shift+Tab: back)",
        short: "",
        action: KeyAction::MoveFocus,
    },
];

/// Which screen the keys arrive on, as far as the keymap cares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyScreen {
    /// The home screen.
    Home,
    /// The player.
    Player,
    /// Any other screen.
    Other,
}

/// What the key handler needs to know about the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KeyContext {
    /// A dialog is open.
    pub dialog_open: bool,
    /// The screen showing.
    pub screen: KeyScreen,
    /// What has the keyboard focus.
    pub focus: Focus,
}

/// What has the keyboard focus, as far as the keymap cares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    /// Nothing: every shortcut of the area acts.
    Nothing,
    /// A button or other control: Enter (outside dialogs) belongs to it.
    Control,
    /// A text field: typing must reach it, so only a dialog's Esc and Enter act.
    TextField,
}

impl KeyContext {
    fn acts(self, area: Area) -> bool {
        match area {
            Area::Dialog => self.dialog_open,
            Area::Player => !self.dialog_open && self.screen == KeyScreen::Player,
            Area::Home => !self.dialog_open && self.screen == KeyScreen::Home,
            Area::Everywhere => !self.dialog_open,
        }
    }
}

/// Reads the shortcuts pressed this frame, before any widget, so a focused button cannot
/// also take them. While a dialog is open, the keys of the other areas are swallowed too, so
/// nothing behind the dialog reacts. While typing, only the dialog's Esc and Enter act; when a
/// control has the keyboard focus (after Tab), Enter outside a dialog presses that control.
pub fn key_commands(input: &mut egui::InputState, context: KeyContext) -> Vec<Command> {
    let mut commands = Vec::new();
    for binding in KEYMAP {
        let KeyAction::Send(key_command) = binding.action else {
            continue;
        };
        let typing = context.focus == Focus::TextField;
        let focused_enter = context.focus == Focus::Control
            && binding.area != Area::Dialog
            && binding.presses.iter().any(|&(_, key)| key == Key::Enter);
        if !context.acts(binding.area) || (typing && binding.area != Area::Dialog) || focused_enter
        {
            continue;
        }
        let mut pressed = false;
        for &(modifiers, key) in binding.presses {
            pressed |= input.consume_key(modifiers, key);
        }
        if pressed {
            commands.push(key_command.command());
        }
    }
    if context.dialog_open && context.focus != Focus::TextField {
        // The screen behind the dialog must not see its keys; but a control focused inside the
        // dialog (after Tab) takes Space, as a focused button does everywhere.
        for binding in KEYMAP.iter().filter(|b| b.action != KeyAction::MoveFocus) {
            for &(modifiers, key) in binding.presses {
                if !(context.focus == Focus::Control && key == Key::Space) {
                    input.consume_key(modifiers, key);
                }
            }
        }
    }
    commands
}

/// The player's one-line reminder ("Keys: Space pause · … · ? all keys"), from [`KEYMAP`].
#[must_use]
pub fn player_keys_line() -> String {
    let keys: Vec<String> = KEYMAP
        .iter()
        .filter(|b| !b.short.is_empty())
        .map(|b| format!("{} {}", b.keys, b.short))
        .collect();
    format!("Keys: {}", keys.join(" · "))
}

/// The README's key table, generated from [`KEYMAP`].
#[must_use]
pub fn markdown_table() -> String {
    let mut table = String::from("| Key | Where | Does |\n|---|---|---|\n");
    for binding in KEYMAP {
        for cell in [binding.keys, binding.area.label(), binding.does] {
            table.push_str("| ");
            table.push_str(cell);
            table.push(' ');
        }
        table.push_str("|\n");
    }
    table
}

/// The shortcuts overlay's contents (drawn inside a dialog).
pub fn keys_list_ui(ui: &mut egui::Ui) {
    Grid::new("shortcuts")
        .num_columns(3)
        .spacing([24.0, 8.0])
        .show(ui, |ui| {
            for binding in KEYMAP {
                ui.label(RichText::new(binding.keys).monospace().strong());
                ui.label(binding.area.label());
                ui.label(binding.does);
                ui.end_row();
            }
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(context: KeyContext, key: Key) -> Vec<Command> {
        let mut input = egui::InputState::default();
        input.events.push(egui::Event::Key {
            key,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers: Modifiers::NONE,
        });
        key_commands(&mut input, context)
    }

    const HOME: KeyContext = KeyContext {
        dialog_open: false,
        screen: KeyScreen::Home,
        focus: Focus::Nothing,
    };

    #[test]
    fn enter_starts_on_home_but_confirms_a_dialog_instead() {
        assert_eq!(
            press(HOME, Key::Enter),
            [Command::Home(super::super::HomeCommand::Start)]
        );
        let dialog = KeyContext {
            dialog_open: true,
            ..HOME
        };
        assert_eq!(
            press(dialog, Key::Enter),
            [Command::Modal(ModalCommand::Confirm)]
        );
        assert_eq!(
            press(dialog, Key::Escape),
            [Command::Modal(ModalCommand::Close)]
        );
    }

    #[test]
    fn player_keys_do_nothing_behind_a_dialog_and_are_swallowed() {
        let dialog = KeyContext {
            dialog_open: true,
            screen: KeyScreen::Player,
            focus: Focus::Nothing,
        };
        let mut input = egui::InputState::default();
        input.events.push(egui::Event::Key {
            key: Key::Space,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers: Modifiers::NONE,
        });
        assert!(key_commands(&mut input, dialog).is_empty());
        assert!(!input.key_pressed(Key::Space), "swallowed");
    }

    #[test]
    fn enter_presses_a_focused_control_instead_of_starting() {
        let focused = KeyContext {
            focus: Focus::Control,
            ..HOME
        };
        assert!(press(focused, Key::Enter).is_empty());
        let dialog = KeyContext {
            dialog_open: true,
            ..focused
        };
        assert_eq!(
            press(dialog, Key::Enter),
            [Command::Modal(ModalCommand::Confirm)]
        );
    }

    #[test]
    fn typing_keeps_space_for_the_text_field() {
        let typing = KeyContext {
            dialog_open: false,
            screen: KeyScreen::Player,
            focus: Focus::TextField,
        };
        assert!(press(typing, Key::Space).is_empty());
    }

    #[test]
    fn the_player_keys_line_comes_from_the_table() {
        assert_eq!(
            player_keys_line(),
            "Keys: Space pause · Left arrow back · Right arrow skip · Esc stop · ? all keys"
        );
    }

    #[test]
    fn the_readme_key_table_is_the_keymap() {
        let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
            .expect("README.md is in the repository");
        let start = "<!-- keys: generated from src/ui/keymap.rs -->\n";
        let from = readme.find(start).expect("the README marks its key table") + start.len();
        let to = readme[from..].find("<!-- /keys -->").expect("end marker") + from;
        assert_eq!(
            &readme[from..to],
            markdown_table(),
            "update the README's key table from ui::keymap::markdown_table()"
        );
    }
}
