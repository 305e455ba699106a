//! Characters that must not reach a terminal or a label raw: control and bidi-override
//! characters, how to name them, and how to show text that contains them.
//!
//! A routine file is text from anywhere. An escape character (U+001B) in a name can retitle a
//! terminal, clear it or recolour it when `unknot` prints the name; a right-to-left override
//! (U+202E) makes "txt.exe" read as "exe.txt". Names and texts with such characters are refused
//! when a routine is validated ([`crate::core::routine::model`] names the character and where it is),
//! and anything echoed from a file that was not validated (an unknown key, a file name, a
//! syntax error quoting the file) is shown through [`escaped`], which writes each such
//! character as `\u{…}` instead.

use std::borrow::Cow;
use std::fmt::Write as _;

/// Whether `c` is a bidirectional formatting character (embedding, override, isolate or mark),
/// which reorders how the text around it is displayed.
#[must_use]
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// Whether `c` must never be shown raw: a control character (C0, DEL or C1) or a bidi control.
#[must_use]
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

/// A person-readable name for an unsafe character, such as "U+001B (escape)" or
/// "U+202E (right-to-left override)".
#[must_use]
pub fn describe(c: char) -> String {
    let name = match c {
        '\u{0}' => Some("null"),
        '\u{7}' => Some("bell"),
        '\u{8}' => Some("backspace"),
        '\t' => Some("tab"),
        '\n' => Some("line break"),
        '\r' => Some("carriage return"),
        '\u{1B}' => Some("escape"),
        '\u{7F}' => Some("delete"),
        '\u{9B}' => Some("control sequence introducer"),
        '\u{061C}' => Some("Arabic letter mark"),
        '\u{200E}' => Some("left-to-right mark"),
        '\u{200F}' => Some("right-to-left mark"),
        '\u{202A}' => Some("left-to-right embedding"),
        '\u{202B}' => Some("right-to-left embedding"),
        '\u{202C}' => Some("pop directional formatting"),
        '\u{202D}' => Some("left-to-right override"),
        '\u{202E}' => Some("right-to-left override"),
        '\u{2066}' => Some("left-to-right isolate"),
        '\u{2067}' => Some("right-to-left isolate"),
        '\u{2068}' => Some("first strong isolate"),
        '\u{2069}' => Some("pop directional isolate"),
        _ if c.is_control() => Some("control character"),
        _ => None,
    };
    let code = format!("U+{:04X}", u32::from(c));
    match name {
        Some(name) => format!("{code} ({name})"),
        None => code,
    }
}

/// The first character of `text` that `refused` picks, with its 1-based position in
/// characters, such as `Some(('\u{1b}', 4))`.
#[must_use]
pub fn first_refused(text: &str, refused: impl Fn(char) -> bool) -> Option<(char, usize)> {
    text.chars()
        .enumerate()
        .find(|&(_, c)| refused(c))
        .map(|(index, c)| (c, index + 1))
}

/// `text` with every unsafe character written as `\u{…}`, for showing. Line breaks and tabs
/// are kept when `keep_layout` is true, and escaped otherwise (to keep one item on one line).
/// Borrowed when nothing needed escaping.
#[must_use]
pub fn escaped(text: &str, keep_layout: bool) -> Cow<'_, str> {
    let needs = |c: char| is_unsafe(c) && !(keep_layout && (c == '\n' || c == '\t'));
    if !text.chars().any(needs) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if needs(c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_and_overrides_are_written_out() {
        assert_eq!(
            escaped("a\u{1b}]0;owned\u{7}b", true),
            "a\\u{1b}]0;owned\\u{7}b"
        );
        assert_eq!(escaped("txt\u{202e}exe", true), "txt\\u{202e}exe");
        assert_eq!(escaped("one\ntwo", true), "one\ntwo");
        assert_eq!(escaped("one\ntwo", false), "one\\u{a}two");
        assert_eq!(escaped("a\tb\r", true), "a\tb\\u{d}");
        assert_eq!(escaped("\u{9b}2J", true), "\\u{9b}2J");
        assert!(matches!(
            escaped("plain – “fine” é", false),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn escaped_text_contains_no_unsafe_character() {
        let nasty: String = (0..0x300u32)
            .chain(0x2000..0x2070)
            .filter_map(char::from_u32)
            .collect();
        assert!(!escaped(&nasty, false).chars().any(is_unsafe));
        let kept = |c| c == '\n' || c == '\t';
        assert!(
            !escaped(&nasty, true)
                .chars()
                .any(|c| is_unsafe(c) && !kept(c))
        );
    }

    #[test]
    fn characters_are_named_with_their_code() {
        assert_eq!(describe('\u{1b}'), "U+001B (escape)");
        assert_eq!(describe('\u{202e}'), "U+202E (right-to-left override)");
        assert_eq!(describe('\u{85}'), "U+0085 (control character)");
        assert_eq!(
            first_refused("ab\u{202e}c", is_unsafe),
            Some(('\u{202e}', 3))
        );
        assert_eq!(first_refused("abc", is_unsafe), None);
    }
}
