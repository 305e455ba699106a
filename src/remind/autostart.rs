//! The login entry that starts the reminder process: an XDG autostart desktop entry,
//! `io.github.unknot.unknot-remind.desktop` in `$XDG_CONFIG_HOME/autostart/`, running this
//! binary's absolute path with `remind`.
//!
//! Turning reminders on writes it (atomically, replacing an older one, so a moved binary is
//! followed); turning them off removes it. Only a regular file of that name is ever removed.

use std::path::{Path, PathBuf};

use crate::core::app_id::APP_ID;
use crate::store::{Audience, Existing, SaveError, Store, WriteRules};

/// The entry's file name: the app id with `-remind`.
#[must_use]
pub fn file_name() -> String {
    format!("{APP_ID}-remind.desktop")
}

/// Where the entry goes, if the system has an autostart folder.
#[must_use]
pub fn entry_path(store: &Store) -> Option<PathBuf> {
    store
        .autostart_dir
        .as_ref()
        .map(|folder| folder.join(file_name()))
}

/// Whether the entry is there.
#[must_use]
pub fn is_present(store: &Store) -> bool {
    entry_path(store).is_some_and(|path| path.is_file())
}

/// One argument of an `Exec` line, quoted as the Desktop Entry Specification asks: inside
/// double quotes, with `"`, `` ` ``, `$` and `\` escaped by a backslash, then every backslash
/// doubled (the file's own string escaping), and `%` written `%%`.
#[must_use]
pub fn exec_argument(argument: &str) -> String {
    let mut quoted = String::with_capacity(argument.len() + 2);
    quoted.push('"');
    for c in argument.chars() {
        match c {
            '"' | '`' | '$' => {
                quoted.push_str("\\\\");
                quoted.push(c);
            }
            '\\' => quoted.push_str("\\\\\\\\"),
            '%' => quoted.push_str("%%"),
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}

/// The entry's text for the binary at `binary`.
#[must_use]
pub fn entry_text(binary: &Path) -> String {
    format!(
        "[Desktop Entry]\n\
         Type=Application\n\
         Name=Unknot reminders\n\
         Comment=Reminds you to move during your working hours\n\
         Exec={} remind\n\
         Icon={APP_ID}\n\
         Terminal=false\n\
         NoDisplay=true\n\
         X-GNOME-Autostart-enabled=true\n",
        exec_argument(&binary.display().to_string())
    )
}

/// Writes the entry for the binary at `binary`, creating the autostart folder if needed.
pub fn write(store: &Store, binary: &Path) -> Result<PathBuf, SaveError> {
    let Some(path) = entry_path(store) else {
        return Err(SaveError {
            path: PathBuf::from("autostart"),
            cause: std::io::Error::new(
                std::io::ErrorKind::NotFound,
                "this system has no config folder for an autostart entry",
            ),
        });
    };
    if let Some(folder) = path.parent() {
        std::fs::create_dir_all(folder).map_err(|cause| SaveError {
            path: path.clone(),
            cause,
        })?;
    }
    let rules = WriteRules {
        audience: Audience::Shared,
        existing: Existing::Replace,
    };
    crate::store::write_file(&path, entry_text(binary).as_bytes(), rules)?;
    Ok(path)
}

/// Removes the entry if it is there (a regular file only; anything else of that name is left).
pub fn remove(store: &Store) -> std::io::Result<()> {
    let Some(path) = entry_path(store) else {
        return Ok(());
    };
    match path.symlink_metadata() {
        Ok(meta) if meta.is_file() || meta.is_symlink() => std::fs::remove_file(&path),
        Ok(_) => Err(std::io::Error::other(format!(
            "{} is not a file, so it was left as it is",
            path.display()
        ))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_entry_runs_this_binary_with_remind_quoted_as_the_spec_asks() {
        assert_eq!(
            exec_argument("/opt/my apps/un\"knot$%"),
            "\"/opt/my apps/un\\\\\"knot\\\\$%%\""
        );
        let text = entry_text(Path::new("/usr/bin/unknot"));
        assert!(
            text.starts_with("[Desktop Entry]\nType=Application\n"),
            "{text}"
        );
        assert!(
            text.contains("\nExec=\"/usr/bin/unknot\" remind\n"),
            "{text}"
        );
        assert_eq!(file_name(), "io.github.unknot.unknot-remind.desktop");
    }

    #[test]
    fn on_writes_the_entry_and_off_removes_it() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::at(dir.path());
        assert!(!is_present(&store));
        let path = write(&store, Path::new("/usr/bin/unknot")).expect("write");
        assert_eq!(path, dir.path().join("autostart").join(file_name()));
        assert!(is_present(&store));
        write(&store, Path::new("/usr/local/bin/unknot")).expect("replaced");
        let text = std::fs::read_to_string(&path).expect("read");
        assert!(text.contains("/usr/local/bin/unknot"), "{text}");
        remove(&store).expect("remove");
        assert!(!is_present(&store));
        remove(&store).expect("nothing to remove is fine");
    }
}
