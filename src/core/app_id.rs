//! Unknot's application id, the one name the desktop knows it by.
//!
//! The id is in reverse-DNS form and is used, unchanged, as the window's app id (Wayland) and
//! window class (X11), the desktop entry's file name (`io.github.unknot.unknot.desktop`), the
//! icon's name in the hicolor theme, the component id in the metainfo file and that file's name,
//! and the autostart entry's name. It is written here once; `tests/package.rs` checks that the
//! files under `assets/` and the Debian package's metadata in `Cargo.toml` agree with it.
//!
//! It is all lowercase, as the metainfo format asks (`appstreamcli validate --pedantic` flags an
//! uppercase letter in a component id); the `io.github.unknot` prefix is the project's
//! GitHub address reversed. Changing it renames every installed file, so it must stay put.

/// The application id: `io.github.unknot.unknot`.
pub const APP_ID: &str = "io.github.unknot.unknot";
