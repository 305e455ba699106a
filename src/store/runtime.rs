//! The runtime folder: where Unknot keeps what lives only while it runs (the open window's
//! hand-off socket), never the person's files.
//!
//! It is `unknot` inside `$XDG_RUNTIME_DIR` (private to the person, emptied at logout), else
//! inside the platform's cache folder; with [`crate::store::HOME_ENV`] set, `run` inside that
//! folder, so tests and separate homes never meet. It is created readable by its owner only.

use std::path::PathBuf;

/// Where the runtime folder is (not created).
#[must_use]
pub fn runtime_folder() -> Option<PathBuf> {
    let non_empty = |name| std::env::var_os(name).filter(|v| !v.is_empty());
    if let Some(home) = non_empty(crate::store::HOME_ENV) {
        return Some(PathBuf::from(home).join("run"));
    }
    if let Some(runtime) = non_empty("XDG_RUNTIME_DIR") {
        return Some(PathBuf::from(runtime).join("unknot"));
    }
    let dirs = directories::ProjectDirs::from("org", "Unknot", "Unknot")?;
    Some(dirs.cache_dir().join("run"))
}

/// The runtime folder, created if needed (owner only on Unix).
pub fn create_runtime_folder() -> std::io::Result<PathBuf> {
    let folder = runtime_folder().ok_or_else(|| {
        std::io::Error::new(
            std::io::ErrorKind::NotFound,
            "no runtime or cache folder was found on this system",
        )
    })?;
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(&folder)?;
    Ok(folder)
}
