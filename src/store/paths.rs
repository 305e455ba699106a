//! Completing a typed path: the app's own path field lists folders and routine files as the
//! person types, reading one folder at a time, bounded.

use std::path::{MAIN_SEPARATOR, Path, PathBuf};

/// At most this many folder entries are read for one completion, however big the folder.
const MAX_ENTRIES_READ: usize = 2000;
/// At most this many matches are offered.
pub const MAX_MATCHES: usize = 50;

/// Folders and routine files (`.toml`) whose path starts with `typed`, sorted, folders ending
/// in the separator. Reads one folder, bounded; an unreadable folder gives no matches.
#[must_use]
pub fn path_matches(typed: &str) -> Vec<String> {
    let expanded = expand_home(typed);
    let typed = expanded.as_str();
    if typed.is_empty() {
        return Vec::new();
    }
    let (folder, start) = match typed.rfind(['/', MAIN_SEPARATOR]) {
        Some(at) => (&typed[..=at], &typed[at + 1..]),
        None => return Vec::new(),
    };
    let Ok(entries) = std::fs::read_dir(Path::new(folder)) else {
        return Vec::new();
    };
    let mut found: Vec<String> = entries
        .take(MAX_ENTRIES_READ)
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name().into_string().ok()?;
            if !name.starts_with(start) || (name.starts_with('.') && !start.starts_with('.')) {
                return None;
            }
            let is_dir = entry.file_type().ok()?.is_dir();
            let routine_file = Path::new(&name)
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("toml"));
            if is_dir {
                Some(format!("{folder}{name}{MAIN_SEPARATOR}"))
            } else if routine_file {
                Some(format!("{folder}{name}"))
            } else {
                None
            }
        })
        .collect();
    found.sort();
    found.truncate(MAX_MATCHES);
    found
}

/// A folder as the path field shows it: with a trailing separator, ready for a file name.
#[must_use]
pub fn folder_text(folder: &Path) -> String {
    let mut text = folder.display().to_string();
    if !text.ends_with(MAIN_SEPARATOR) {
        text.push(MAIN_SEPARATOR);
    }
    text
}

/// The path typed, trimmed, with a leading `~` standing for the home folder.
#[must_use]
pub fn expand_home(typed: &str) -> String {
    let typed = typed.trim();
    let rest = typed
        .strip_prefix("~/")
        .or_else(|| typed.strip_prefix(&format!("~{MAIN_SEPARATOR}")))
        .or_else(|| (typed == "~").then_some(""));
    match (rest, home_folder()) {
        (Some(rest), Some(home)) => format!("{}{rest}", folder_text(&home)),
        _ => typed.to_owned(),
    }
}

/// The person's home folder, if the system says where it is.
#[must_use]
pub fn home_folder() -> Option<PathBuf> {
    directories::BaseDirs::new().map(|dirs| dirs.home_dir().to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_list_routine_files_and_folders_only() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("stretch.toml"), "").expect("write");
        std::fs::write(dir.path().join("stretch.txt"), "").expect("write");
        std::fs::write(dir.path().join("other.toml"), "").expect("write");
        std::fs::create_dir(dir.path().join("stretches")).expect("mkdir");
        let typed = format!("{}stre", folder_text(dir.path()));
        let folder = folder_text(dir.path());
        assert_eq!(
            path_matches(&typed),
            [
                format!("{folder}stretch.toml"),
                format!("{folder}stretches{MAIN_SEPARATOR}")
            ]
        );
        assert_eq!(path_matches(&folder).len(), 3, "everything in the folder");
        assert!(path_matches("").is_empty());
        if let Some(home) = home_folder() {
            assert_eq!(
                expand_home(" ~/a.toml "),
                format!("{}a.toml", folder_text(&home))
            );
        }
        assert_eq!(expand_home("/x/~/a.toml"), "/x/~/a.toml");
        assert!(path_matches("/no/such/folder/x").is_empty());
    }
}
