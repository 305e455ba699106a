//! The person's own routines: one file per routine in `<data dir>/routines/<id>.toml`.
//!
//! Each file is in the documented routine file format ([`crate::store::routine_file`]) and is always
//! written atomically. The file name is authoritative: `x.toml` must hold the routine with id
//! `x`, so ids are unique among custom routines and saving a routine never touches another.
//!
//! Nothing here destroys data. A file that does not load stays where it is, untouched, and is
//! reported with its name and every problem in it; the other files still load. Deleting moves
//! the file into the hidden folder `.deleted/`, from where it can be brought back. Importing
//! reads a file the person chose (never through a link, never a device or a folder, never more
//! than [`MAX_FILE_BYTES`]) and writes nothing until the person has decided what to do about a
//! clash; a file that does not load is never overwritten, whatever they decide.

use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use super::{SaveError, Store, remove_leftover_temp_files, write_atomically};
use crate::core::routine::model::{ID_CHARS, NAME_CHARS, id_problem, slug};
use crate::core::routine::{Routine, RoutineDraft};
use crate::store::routine_file::{
    LoadError, MAX_FILE_BYTES, read_opened_routine, read_routine_file, to_toml,
};

/// The name of the folder (inside the routines folder) that deleted routines are moved to.
pub const TRASH_DIR: &str = ".deleted";
/// The id a routine gets when its name has no letters or digits to make one from.
pub const FALLBACK_ID: &str = "my-routine";
/// What "Make it mine" appends to the copy's name.
pub const COPY_SUFFIX: &str = " (my copy)";

/// The folder of the person's own routines, and everything done to the files in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoutineStore {
    dir: PathBuf,
}

/// What [`RoutineStore::load_all`] found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LoadedRoutines {
    /// Every routine that loaded, sorted by name.
    pub routines: Vec<Routine>,
    /// Every file that did not load, sorted by path. Those files were left as they are.
    pub problems: Vec<FileProblem>,
}

/// A routine file that could not be loaded, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileProblem {
    /// The file, which was left untouched.
    pub path: PathBuf,
    /// What kind of problem it is, to group files with the same kind of problem together.
    pub kind: ProblemKind,
    /// What is wrong, in plain words, naming the file and listing its problems with their
    /// lines (at most [`crate::store::problems::MAX_SHOWN_PROBLEMS`], then "and N more");
    /// ready to show as it is, with anything quoted from the file escaped.
    pub message: String,
}

/// The kinds of problem a file in the routines folder can have; one notice per kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ProblemKind {
    /// The routines folder itself could not be listed.
    Folder,
    /// The file could not be read: not a regular file (a pipe, a device…), too large, not
    /// text, or the system refused.
    Unreadable,
    /// The file was read but is not a valid routine.
    Invalid,
    /// The routine's id is not its file name.
    WrongFileName,
    /// The routine's id is a built-in routine's.
    BuiltInId,
}

impl ProblemKind {
    /// A heading for a notice about `files` files with this kind of problem, such as
    /// "2 routine files are not valid routines".
    #[must_use]
    pub fn heading(self, files: usize) -> String {
        let (one, many) = match self {
            Self::Folder => (
                "Your routines folder could not be read",
                "Your routines folder could not be read",
            ),
            Self::Unreadable => (
                "1 routine file could not be read",
                "routine files could not be read",
            ),
            Self::Invalid => (
                "1 routine file is not a valid routine",
                "routine files are not valid routines",
            ),
            Self::WrongFileName => (
                "1 routine file has an id that is not its file name",
                "routine files have an id that is not their file name",
            ),
            Self::BuiltInId => (
                "1 routine file uses a built-in routine's id",
                "routine files use a built-in routine's id",
            ),
        };
        match (self, files) {
            (Self::Folder, _) => one.to_owned(),
            (_, 1) => format!("{one}; it was left as it is"),
            (_, n) => format!("{n} {many}; they were left as they are"),
        }
    }
}

/// Files with the same kind of problem, for one notice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProblemGroup {
    /// The kind of problem they share.
    pub kind: ProblemKind,
    /// What the notice says first, such as "2 routine files are not valid routines; they were
    /// left as they are" (see [`ProblemKind::heading`]).
    pub heading: String,
    /// Each file with its own message, sorted by path.
    pub files: Vec<FileProblem>,
}

/// Groups file problems by kind, in the order of [`ProblemKind`]: one group per kind that
/// occurs, however many files have it, so a folder of broken files makes a few notices, not
/// one per file.
#[must_use]
pub fn grouped(problems: &[FileProblem]) -> Vec<ProblemGroup> {
    let mut groups: Vec<ProblemGroup> = Vec::new();
    let mut sorted: Vec<&FileProblem> = problems.iter().collect();
    sorted.sort_by(|a, b| (a.kind, &a.path).cmp(&(b.kind, &b.path)));
    for problem in sorted {
        match groups.last_mut() {
            Some(group) if group.kind == problem.kind => group.files.push(problem.clone()),
            _ => groups.push(ProblemGroup {
                kind: problem.kind,
                heading: String::new(),
                files: vec![problem.clone()],
            }),
        }
    }
    for group in &mut groups {
        group.heading = group.kind.heading(group.files.len());
    }
    groups
}

/// A routine moved into the deleted routines folder, as needed to bring it back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeletedRoutine {
    /// The id of the deleted routine.
    pub id: String,
    /// Where its file now is.
    pub trashed: PathBuf,
}

/// How a routine being imported relates to the routines already shown in the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Clash {
    /// Nothing has the same id or name: import it as it is.
    None,
    /// One of the person's own routines has the same id: ask whether to replace it or keep both.
    SameId(Routine),
    /// One of the person's own routines has the same name (but another id): ask whether to
    /// replace it or keep both.
    SameName(Routine),
    /// A built-in routine has the same id or name. Built-ins cannot be replaced, so the only
    /// choice is to keep both (or not to import).
    BuiltIn(Routine),
}

impl Clash {
    /// Whether "Replace" can be offered: only one of the person's own routines can be replaced.
    #[must_use]
    pub fn can_replace(&self) -> bool {
        matches!(self, Self::SameId(_) | Self::SameName(_))
    }
}

/// What the person decided about an imported routine that clashes with one they have.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportChoice {
    /// Save it over their own routine with the same id (or, failing that, the same name).
    Replace,
    /// Keep both: the imported routine gets a fresh id, and a numbered name if its name is taken.
    KeepBoth,
}

/// Why deleting a routine, or bringing one back, did not work.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The id cannot name a routine file.
    #[error("“{id}” is not a routine id: {problem}")]
    BadId {
        /// The id given.
        id: String,
        /// What is wrong with it.
        problem: String,
    },
    /// There is no file for the routine to delete.
    #[error("there is no routine file {} to delete", path.display())]
    NotFound {
        /// The id given.
        id: String,
        /// The file that was looked for.
        path: PathBuf,
    },
    /// The routine file could not be moved into the deleted routines folder.
    #[error("could not move {} to the deleted routines folder: {cause}", path.display())]
    Trash {
        /// The routine file, still where it was.
        path: PathBuf,
        /// What the system said.
        cause: std::io::Error,
    },
    /// The deleted file is no longer where it was put.
    #[error(
        "the deleted routine “{id}” can no longer be brought back: {} is not in the deleted routines folder",
        path.display()
    )]
    NoLongerDeleted {
        /// The id of the deleted routine.
        id: String,
        /// Where its file was expected.
        path: PathBuf,
    },
    /// Another routine has taken the id since it was deleted.
    #[error(
        "could not bring back “{id}”: another routine now uses that id ({}); rename or delete that one first",
        path.display()
    )]
    IdTaken {
        /// The id of the deleted routine.
        id: String,
        /// The file that now has that id.
        path: PathBuf,
    },
    /// The deleted file could not be moved back.
    #[error("could not bring back {}: {cause}", path.display())]
    Restore {
        /// The deleted file, still in the deleted routines folder.
        path: PathBuf,
        /// What the system said.
        cause: std::io::Error,
    },
}

/// Why a file cannot be imported. Nothing was written.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The path is a link; links are not followed.
    #[error("{} is a link to another file; to import it, choose the file itself", path.display())]
    Symlink {
        /// The path chosen.
        path: PathBuf,
    },
    /// The path is a folder, a device or something else that is not a plain file.
    #[error("{} is not a plain file (it may be a folder or a device), so it cannot be imported", path.display())]
    NotAFile {
        /// The path chosen.
        path: PathBuf,
    },
    /// The file was replaced by something else while it was being opened.
    #[error("{} changed while it was being opened; please try again", path.display())]
    Changed {
        /// The path chosen.
        path: PathBuf,
    },
    /// The file could not be read, or is not a valid routine (every problem is listed).
    #[error(transparent)]
    Load(#[from] LoadError),
}

impl RoutineStore {
    /// The routines folder of `store`: `<data dir>/routines`. Nothing is created until a save.
    #[must_use]
    pub fn new(store: &Store) -> Self {
        Self {
            dir: store.data_dir.join("routines"),
        }
    }

    /// The routines folder.
    #[must_use]
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The file the routine with this id is kept in.
    #[must_use]
    pub fn path_of(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}.toml"))
    }

    fn trash_dir(&self) -> PathBuf {
        self.dir.join(TRASH_DIR)
    }

    /// Whether a file for this id is on disk (whether or not it loads).
    fn has_file(&self, id: &str) -> bool {
        self.path_of(id).symlink_metadata().is_ok()
    }

    /// Loads every `*.toml` file in the routines folder, skipping hidden files and folders
    /// (such as the deleted routines). A missing folder means no routines and no problems.
    /// A file that does not load, or whose id is not its file name, is reported and left as it
    /// is; group the reports with [`grouped`]. Each file is read within bounds (a regular file
    /// of at most [`MAX_FILE_BYTES`], at most 50 problems listed), so no file can stall the
    /// start. Leftover temporary files of interrupted saves are removed first.
    #[must_use]
    pub fn load_all(&self) -> LoadedRoutines {
        remove_leftover_temp_files(&self.dir);
        let mut loaded = LoadedRoutines::default();
        let entries = match std::fs::read_dir(&self.dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return loaded,
            Err(e) => {
                loaded.problems.push(FileProblem {
                    path: self.dir.clone(),
                    kind: ProblemKind::Folder,
                    message: format!(
                        "could not look in your routines folder {}: {e}",
                        self.dir.display()
                    ),
                });
                return loaded;
            }
        };
        for entry in entries {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    loaded.problems.push(FileProblem {
                        path: self.dir.clone(),
                        kind: ProblemKind::Folder,
                        message: format!(
                            "could not list every file in your routines folder {}: {e}",
                            self.dir.display()
                        ),
                    });
                    continue;
                }
            };
            let path = entry.path();
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if name.starts_with('.') || path.extension().is_none_or(|ext| ext != "toml") {
                continue;
            }
            // A folder named `*.toml` is skipped quietly; anything else that is not a regular
            // file (a pipe, a device) is refused by `read_routine_file` without waiting on it.
            if std::fs::metadata(&path).is_ok_and(|meta| meta.is_dir()) {
                continue;
            }
            match read_routine_file(&path) {
                Ok(routine) => {
                    let stem = path.file_stem().map(|s| s.to_string_lossy());
                    if stem.as_deref() == Some(routine.id()) {
                        loaded.routines.push(routine);
                    } else {
                        let message = format!(
                            "{}: the id inside ({}) does not match the file name ({name}), so it was not \
                             loaded; rename the file to {}.toml or change the id",
                            path.display(),
                            routine.id(),
                            routine.id(),
                        );
                        loaded.problems.push(FileProblem {
                            path,
                            kind: ProblemKind::WrongFileName,
                            message: crate::core::plain_text::escaped(&message, false).into_owned(),
                        });
                    }
                }
                Err(error) => loaded.problems.push(FileProblem {
                    path,
                    kind: match error {
                        LoadError::Invalid { .. } | LoadError::NotARoutine { .. } => {
                            ProblemKind::Invalid
                        }
                        _ => ProblemKind::Unreadable,
                    },
                    message: crate::core::plain_text::escaped(&error.to_string(), true)
                        .into_owned(),
                }),
            }
        }
        loaded.routines.sort_by(|a, b| {
            (a.name().to_lowercase(), a.id()).cmp(&(b.name().to_lowercase(), b.id()))
        });
        loaded.problems.sort_by(|a, b| a.path.cmp(&b.path));
        loaded
    }

    /// An id made from `base` (a name or an id) that is in neither `taken` nor used by a file in
    /// the routines folder: `base`, else `base-2`, `base-3`… The base is made into a valid id
    /// first: lowercase ASCII letters and digits, every other character a dash, no repeated,
    /// leading or trailing dashes, at most 64 characters; [`FALLBACK_ID`] if nothing is left.
    #[must_use]
    pub fn unique_id(&self, base: &str, taken: &[&str]) -> String {
        let slug = slug(base, FALLBACK_ID);
        let is_free = |id: &String| !taken.contains(&id.as_str()) && !self.has_file(id);
        if is_free(&slug) {
            return slug;
        }
        let numbered = |n: u128| {
            let suffix = format!("-{n}");
            let room = ID_CHARS.end().saturating_sub(suffix.len());
            let stem: String = slug.chars().take(room).collect();
            format!("{}{suffix}", stem.trim_end_matches('-'))
        };
        // Every candidate is distinct (each ends in its own number), so among one more
        // candidate than there are taken ids and files, one is free.
        let files = std::fs::read_dir(&self.dir).map_or(0, Iterator::count);
        let limit = (taken.len() + files + 2) as u128;
        (2..=limit).map(numbered).find(is_free).unwrap_or_else(|| {
            // Only if files appeared in the folder meanwhile: a number no one has used.
            numbered(
                SystemTime::now()
                    .duration_since(UNIX_EPOCH)
                    .map_or(limit + 1, |d| d.as_nanos()),
            )
        })
    }

    /// Saves `routine` as `<id>.toml`, atomically, replacing the file for that id if there is
    /// one. A [`Routine`] keeps every bound, so every saved file loads again. Returns the
    /// file's path.
    pub fn save(&self, routine: &Routine) -> Result<PathBuf, SaveError> {
        let path = self.path_of(routine.id());
        if let Some(problem) = self.unloadable_file_at(&path) {
            return Err(SaveError {
                path: path.clone(),
                cause: std::io::Error::new(
                    std::io::ErrorKind::AlreadyExists,
                    format!(
                        "the file there does not load ({problem}), so it is kept as it is; move or fix it first"
                    ),
                ),
            });
        }
        let text = to_toml(routine).map_err(|e| SaveError {
            path: path.clone(),
            cause: std::io::Error::other(e),
        })?;
        write_atomically(&path, text.as_bytes())?;
        Ok(path)
    }

    /// Saves `routine` as a new routine of the person's own, never over a file: with its name
    /// numbered if `taken_names` has it, and an id (and so a file name) that neither
    /// `taken_ids` nor any file in the folder has (see [`RoutineStore::unique_id`]). The file is
    /// created atomically and only if nothing is at that path (a file that appeared meanwhile
    /// is kept, and this save refused). Returns the routine as saved.
    pub fn save_new(
        &self,
        routine: &Routine,
        taken_ids: &[&str],
        taken_names: &[&str],
    ) -> Result<Routine, SaveError> {
        let draft = RoutineDraft {
            name: routine.name().trim().to_owned(),
            ..routine.to_draft()
        };
        let saved = self.renamed(draft, taken_ids, taken_names)?;
        let path = self.path_of(saved.id());
        let text = to_toml(&saved).map_err(|e| SaveError {
            path: path.clone(),
            cause: std::io::Error::other(e),
        })?;
        super::create_own_folder(&path)?;
        let rules = super::WriteRules {
            audience: super::Audience::Private,
            existing: super::Existing::Keep,
        };
        super::write_file(&path, text.as_bytes(), rules)?;
        Ok(saved)
    }

    /// Why the file at `path` (a routine's file) is one that loading reports and leaves as it
    /// is, if it is: one that does not load or holds another id. A missing file is fine.
    fn unloadable_file_at(&self, path: &Path) -> Option<String> {
        path.symlink_metadata().ok()?;
        match read_routine_file(path) {
            Ok(routine) if self.path_of(routine.id()) == path => None,
            Ok(routine) => Some(format!("it holds the routine “{}”", routine.id())),
            Err(LoadError::Invalid { problems, .. }) => {
                Some(format!("it has {} problem(s)", problems.total()))
            }
            Err(error) => Some(error.to_string()),
        }
    }

    /// Moves the routine's file into the deleted routines folder as `<id>-<unix seconds>.toml`
    /// (numbered if that exists). Nothing is removed; [`Self::undo_delete`] brings it back.
    pub fn delete(&self, id: &str) -> Result<DeletedRoutine, StoreError> {
        check_id(id)?;
        let path = self.path_of(id);
        if path.symlink_metadata().is_err() {
            return Err(StoreError::NotFound {
                id: id.to_owned(),
                path,
            });
        }
        let trash = self.trash_dir();
        let trash_error = |source| StoreError::Trash {
            path: path.clone(),
            cause: source,
        };
        std::fs::create_dir_all(&trash).map_err(trash_error)?;
        let stamp = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let trashed = (0..1000)
            .map(|n| {
                trash.join(if n == 0 {
                    format!("{id}-{stamp}.toml")
                } else {
                    format!("{id}-{stamp}-{n}.toml")
                })
            })
            .find(|candidate| candidate.symlink_metadata().is_err())
            .ok_or_else(|| {
                trash_error(std::io::Error::new(
                    std::io::ErrorKind::AlreadyExists,
                    "too many deleted copies of this routine already kept",
                ))
            })?;
        std::fs::rename(&path, &trashed).map_err(trash_error)?;
        Ok(DeletedRoutine {
            id: id.to_owned(),
            trashed,
        })
    }

    /// Moves a deleted routine's file back to `<id>.toml`. Refuses if a routine with that id
    /// exists again, so nothing is overwritten.
    pub fn undo_delete(&self, deleted: &DeletedRoutine) -> Result<(), StoreError> {
        check_id(&deleted.id)?;
        let in_trash = deleted.trashed.parent() == Some(self.trash_dir().as_path());
        if !in_trash || deleted.trashed.symlink_metadata().is_err() {
            return Err(StoreError::NoLongerDeleted {
                id: deleted.id.clone(),
                path: deleted.trashed.clone(),
            });
        }
        let path = self.path_of(&deleted.id);
        if path.symlink_metadata().is_ok() {
            return Err(StoreError::IdTaken {
                id: deleted.id.clone(),
                path,
            });
        }
        std::fs::rename(&deleted.trashed, &path).map_err(|source| StoreError::Restore {
            path: deleted.trashed.clone(),
            cause: source,
        })
    }

    /// How `incoming` relates to `existing`, every routine shown in the app (built-in and own).
    /// A routine counts as the person's own when its file is in the routines folder. Their own
    /// routines come first: same id, then same name (names compare ignoring case and outer
    /// spaces); then a built-in with the same id or name.
    #[must_use]
    pub fn clash(&self, incoming: &Routine, existing: &[Routine]) -> Clash {
        let same_id = |r: &&Routine| r.id() == incoming.id();
        let same_name = |r: &&Routine| names_match(r.name(), incoming.name());
        let own = || existing.iter().filter(|r| self.has_file(r.id()));
        if let Some(found) = own().find(same_id) {
            return Clash::SameId(found.clone());
        }
        if let Some(found) = own().find(same_name) {
            return Clash::SameName(found.clone());
        }
        if let Some(found) = existing.iter().find(|r| same_id(r) || same_name(r)) {
            return Clash::BuiltIn(found.clone());
        }
        Clash::None
    }

    /// Saves an imported routine as the person decided, and returns what was saved.
    ///
    /// - [`ImportChoice::Replace`] saves it over their own routine with the same id, or else the
    ///   one with the same name (taking that routine's id). If neither loads from this folder
    ///   (say the clash is with a built-in), it falls back to keeping both.
    /// - [`ImportChoice::KeepBoth`] gives it an id not in `taken_ids` nor on disk (see
    ///   [`Self::unique_id`]), and if its name is in `taken_names`, the name with " (2)",
    ///   " (3)"… appended (shortened to stay within 80 characters).
    ///
    /// With no clash, both choices save the routine as it is. A file in the folder that does not
    /// load is never overwritten.
    pub fn import(
        &self,
        incoming: Routine,
        choice: ImportChoice,
        taken_ids: &[&str],
        taken_names: &[&str],
    ) -> Result<Routine, SaveError> {
        if choice == ImportChoice::Replace {
            let own = self.load_all().routines;
            let target = own
                .iter()
                .find(|r| r.id() == incoming.id())
                .or_else(|| own.iter().find(|r| names_match(r.name(), incoming.name())));
            if let Some(target) = target {
                let mut replacing = incoming.into_draft();
                target.id().clone_into(&mut replacing.id);
                let replacing = self.validated(replacing)?;
                self.save(&replacing)?;
                return Ok(replacing);
            }
        }
        let kept = self.renamed(incoming.into_draft(), taken_ids, taken_names)?;
        self.save(&kept)?;
        Ok(kept)
    }

    /// `draft` with an id that neither `taken_ids` nor any file in the folder has, and its
    /// name numbered if `taken_names` has it, as a routine.
    fn renamed(
        &self,
        mut draft: RoutineDraft,
        taken_ids: &[&str],
        taken_names: &[&str],
    ) -> Result<Routine, SaveError> {
        draft.id = self.unique_id(&draft.id, taken_ids);
        draft.name = unique_name(&draft.name, taken_names);
        self.validated(draft)
    }

    /// The routine `draft` describes, or why it may not be saved under its id.
    fn validated(&self, draft: RoutineDraft) -> Result<Routine, SaveError> {
        draft.validate().map_err(|invalid| SaveError {
            path: self.path_of(&invalid.draft.id),
            cause: std::io::Error::new(std::io::ErrorKind::InvalidInput, invalid.to_string()),
        })
    }
}

/// Writes `routine` to `to` (anywhere the person chose) in the routine file format: into a
/// folder that exists, atomically, with their usual permissions, replacing a file already there
/// only if `replace` (see [`super::write_file`]).
pub fn export(routine: &Routine, to: &Path, replace: bool) -> Result<(), SaveError> {
    let text = to_toml(routine).map_err(|e| SaveError {
        path: to.to_owned(),
        cause: std::io::Error::other(e),
    })?;
    super::write_file(to, text.as_bytes(), super::WriteRules::export(replace))
}

/// Reads a routine file the person chose to import, writing nothing.
///
/// Refuses a link (links are not followed), anything that is not a plain file, a file larger
/// than [`MAX_FILE_BYTES`], one that is not UTF-8 text, and one that is not a valid routine, in
/// which case every problem is listed with its line.
pub fn read_import(path: &Path) -> Result<Routine, ImportError> {
    let io = |source| LoadError::Io {
        path: path.to_owned(),
        cause: source,
    };
    let before = std::fs::symlink_metadata(path).map_err(io)?;
    if before.file_type().is_symlink() {
        return Err(ImportError::Symlink {
            path: path.to_owned(),
        });
    }
    if !before.is_file() {
        return Err(ImportError::NotAFile {
            path: path.to_owned(),
        });
    }
    if before.len() > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            path: path.to_owned(),
        }
        .into());
    }
    // The path could have been swapped for a link or a pipe between the check and the open:
    // the open never blocks and refuses what is not a regular file, and the file opened must
    // be the one checked.
    let file = crate::store::safe_file::open_regular(path).map_err(|e| match e {
        crate::store::safe_file::ReadError::Io(source) => ImportError::Load(io(source)),
        _ => ImportError::Changed {
            path: path.to_owned(),
        },
    })?;
    let opened = file.metadata().map_err(io)?;
    if !opened.is_file() || !same_file(&before, &opened) {
        return Err(ImportError::Changed {
            path: path.to_owned(),
        });
    }
    Ok(read_opened_routine(file, path)?)
}

/// "Make it mine": a copy of `original` named "<name> (my copy)" (the name shortened to stay
/// within 80 characters, and numbered if that is in `taken_names`), with a fresh id made from
/// the new name. A draft, not saved: the editor opens it, and saving validates it.
#[must_use]
pub fn duplicate(
    original: &Routine,
    taken_ids: &[&str],
    taken_names: &[&str],
    store: &RoutineStore,
) -> RoutineDraft {
    let mut copy = original.to_draft();
    copy.name = unique_name(
        &with_suffix(original.name().trim(), COPY_SUFFIX),
        taken_names,
    );
    copy.id = store.unique_id(&copy.name, taken_ids);
    copy
}

fn check_id(id: &str) -> Result<(), StoreError> {
    match id_problem(id) {
        Some(problem) => Err(StoreError::BadId {
            id: id.to_owned(),
            problem,
        }),
        None => Ok(()),
    }
}

#[cfg(unix)]
fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt as _;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_file(_: &std::fs::Metadata, _: &std::fs::Metadata) -> bool {
    true
}

/// Whether two names are the same to a person: ignoring case and outer spaces.
fn names_match(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// `name` if no name in `taken` matches it, else `name (2)`, `name (3)`… (replacing a number
/// already at the end), shortened to fit the name length limit.
fn unique_name(name: &str, taken: &[&str]) -> String {
    let is_free = |candidate: &String| !taken.iter().any(|t| names_match(t, candidate));
    let whole = name.to_owned();
    if is_free(&whole) {
        return whole;
    }
    let stem = without_number(name.trim());
    // Every candidate is distinct, so among one more than there are taken names, one is free.
    (2..=taken.len() + 2)
        .map(|n| with_suffix(stem, &format!(" ({n})")))
        .find(is_free)
        .unwrap_or(whole)
}

/// `name` without a trailing " (<digits>)".
fn without_number(name: &str) -> &str {
    name.strip_suffix(')')
        .and_then(|rest| rest.rsplit_once(" ("))
        .filter(|(stem, digits)| {
            !stem.trim().is_empty()
                && !digits.is_empty()
                && digits.chars().all(|c| c.is_ascii_digit())
        })
        .map_or(name, |(stem, _)| stem)
}

/// `stem` followed by `suffix`, with `stem` shortened so the whole fits in 80 characters.
fn with_suffix(stem: &str, suffix: &str) -> String {
    let room = NAME_CHARS.end().saturating_sub(suffix.chars().count());
    let cut: String = stem.chars().take(room).collect();
    format!("{}{suffix}", cut.trim_end())
}

/// Where a routine shown to the person comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// Shipped with the app.
    BuiltIn,
    /// Made, copied or imported by the person; kept in the routines folder.
    Custom,
}

/// A routine with where it comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Listed {
    /// The routine.
    pub routine: Routine,
    /// Where it comes from.
    pub origin: Origin,
}

/// Every routine the person can run: the built-ins, then their own (if there is a folder for
/// them), and the problems with any of their files. A file of their own that reuses a built-in
/// id is not loaded, and says so, so that an id always names one routine.
#[must_use]
pub fn all_routines(store: Option<&RoutineStore>) -> (Vec<Listed>, Vec<FileProblem>) {
    let mut listed: Vec<Listed> = crate::store::builtin::builtin()
        .into_iter()
        .map(|routine| Listed {
            routine,
            origin: Origin::BuiltIn,
        })
        .collect();
    let Some(store) = store else {
        return (listed, Vec::new());
    };
    let loaded = store.load_all();
    let mut problems = loaded.problems;
    for routine in loaded.routines {
        if listed.iter().any(|l| l.routine.id() == routine.id()) {
            problems.push(FileProblem {
                path: store.path_of(routine.id()),
                kind: ProblemKind::BuiltInId,
                message: format!(
                    "{} was not loaded: its id \"{}\" is a built-in routine's; change the id inside and rename the file to match",
                    store.path_of(routine.id()).display(),
                    routine.id()
                ),
            });
            continue;
        }
        listed.push(Listed {
            routine,
            origin: Origin::Custom,
        });
    }
    (listed, problems)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::routine::model::tests::{draft, step, valid};

    fn store() -> (tempfile::TempDir, RoutineStore) {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = RoutineStore::new(&Store::at(dir.path()));
        (dir, store)
    }

    #[test]
    fn save_new_never_writes_over_a_file_and_numbers_the_name() {
        let (_dir, store) = store();
        let made = named("session-5-min-chair", "5-minute session on a chair");
        // A file that is not a routine where the first save would go: kept as it is.
        std::fs::create_dir_all(store.dir()).expect("folder");
        std::fs::write(store.path_of("session-5-min-chair"), "junk").expect("write");
        let first = store.save_new(&made, &[], &[]).expect("saved");
        assert_eq!(first.id(), "session-5-min-chair-2");
        assert_eq!(first.name(), made.name());
        assert_eq!(
            std::fs::read(store.path_of("session-5-min-chair")).expect("read"),
            b"junk"
        );
        let first_bytes = std::fs::read(store.path_of(first.id())).expect("read");
        let second = store
            .save_new(&made, &[first.id()], &[first.name()])
            .expect("saved again");
        assert_eq!(second.id(), "session-5-min-chair-3");
        assert_eq!(second.name(), "5-minute session on a chair (2)");
        assert_eq!(
            std::fs::read(store.path_of(first.id())).expect("read"),
            first_bytes
        );
        let loaded = store.load_all();
        assert_eq!(loaded.routines.len(), 2, "{:?}", loaded.problems.len());
    }

    fn named(id: &str, name: &str) -> Routine {
        valid(named_draft(id, name))
    }

    fn named_draft(id: &str, name: &str) -> RoutineDraft {
        let mut r = draft(vec![
            step("Knee to chest", 20, 2, true),
            step("B", 5, 1, false),
        ]);
        r.id = id.to_owned();
        r.name = name.to_owned();
        r
    }

    /// Every file under `dir` with its bytes, sorted.
    fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
        let mut out = Vec::new();
        let mut pending = vec![dir.to_owned()];
        while let Some(folder) = pending.pop() {
            for entry in std::fs::read_dir(&folder).expect("list") {
                let path = entry.expect("entry").path();
                if path.is_dir() {
                    pending.push(path);
                } else {
                    let bytes = std::fs::read(&path).expect("read");
                    out.push((path, bytes));
                }
            }
        }
        out.sort();
        out
    }

    #[test]
    fn saved_routines_load_back_sorted_by_name() {
        let (_dir, store) = store();
        let b = named("zeta", "Back loosener");
        let a = named("alpha", "after work");
        assert_eq!(store.save(&b).expect("save"), store.dir().join("zeta.toml"));
        store.save(&a).expect("save");
        let loaded = store.load_all();
        assert_eq!(
            loaded,
            LoadedRoutines {
                routines: vec![a, b],
                problems: vec![],
            }
        );
    }

    #[test]
    fn a_missing_folder_is_no_routines_and_no_problem() {
        let (_dir, store) = store();
        assert_eq!(store.load_all(), LoadedRoutines::default());
    }

    #[test]
    fn bad_files_are_reported_and_kept_while_good_ones_load() {
        let (_dir, store) = store();
        let good = named("good", "Good");
        store.save(&good).expect("save");
        let text = to_toml(&named("broken", "Broken")).expect("toml");
        let broken = text
            .replace("hold_seconds = 20", "hold_seconds = \"twenty\"")
            .replace("category = \"stretch\"", "category = \"yoga\"");
        std::fs::write(store.dir().join("broken.toml"), &broken).expect("write");
        let wrong_id = to_toml(&named("elsewhere", "Elsewhere")).expect("toml");
        std::fs::write(store.dir().join("other.toml"), &wrong_id).expect("write");
        // Ignored: hidden files, the deleted folder, other extensions.
        std::fs::write(store.dir().join(".hidden.toml"), "nonsense").expect("write");
        std::fs::write(store.dir().join("notes.txt"), "nonsense").expect("write");
        std::fs::create_dir(store.dir().join(TRASH_DIR)).expect("mkdir");
        std::fs::write(store.dir().join(TRASH_DIR).join("x.toml"), "nonsense").expect("write");
        let before = snapshot(store.dir());

        let loaded = store.load_all();

        assert_eq!(loaded.routines, [good]);
        let paths: Vec<_> = loaded.problems.iter().map(|p| p.path.clone()).collect();
        assert_eq!(
            paths,
            [
                store.dir().join("broken.toml"),
                store.dir().join("other.toml")
            ]
        );
        let broken_msg = &loaded.problems[0].message;
        assert!(broken_msg.contains("broken.toml"), "{broken_msg}");
        assert!(broken_msg.contains("2 problem(s)"), "{broken_msg}");
        assert!(broken_msg.contains("line 5, category"), "{broken_msg}");
        assert!(broken_msg.contains("steps[1].hold_seconds"), "{broken_msg}");
        let line_count = broken_msg.matches("\n  - line ").count();
        assert_eq!(line_count, 2, "{broken_msg}");
        let wrong_msg = &loaded.problems[1].message;
        assert!(
            wrong_msg
                .contains("the id inside (elsewhere) does not match the file name (other.toml)"),
            "{wrong_msg}"
        );
        assert_eq!(snapshot(store.dir()), before, "nothing changed on disk");
    }

    #[test]
    fn problems_are_grouped_one_entry_per_kind_with_its_files() {
        let (_dir, store) = store();
        store.save(&named("good", "Good")).expect("save");
        for name in ["a", "b", "c"] {
            std::fs::write(store.dir().join(format!("{name}.toml")), "steps = [{},{}]")
                .expect("write");
        }
        std::fs::write(store.dir().join("bin.toml"), [0xff, 0xfe]).expect("write");
        let wrong = to_toml(&named("elsewhere", "Elsewhere")).expect("toml");
        std::fs::write(store.dir().join("other.toml"), wrong).expect("write");

        let groups = grouped(&store.load_all().problems);

        let summary: Vec<(ProblemKind, &str, usize)> = groups
            .iter()
            .map(|g| (g.kind, g.heading.as_str(), g.files.len()))
            .collect();
        assert_eq!(
            summary,
            [
                (
                    ProblemKind::Unreadable,
                    "1 routine file could not be read; it was left as it is",
                    1
                ),
                (
                    ProblemKind::Invalid,
                    "3 routine files are not valid routines; they were left as they are",
                    3
                ),
                (
                    ProblemKind::WrongFileName,
                    "1 routine file has an id that is not its file name; it was left as it is",
                    1
                ),
            ]
        );
        let invalid: Vec<_> = groups[1].files.iter().map(|f| f.path.clone()).collect();
        assert_eq!(
            invalid,
            ["a", "b", "c"].map(|n| store.dir().join(format!("{n}.toml")))
        );
    }

    #[test]
    fn a_save_never_replaces_a_file_that_loading_left_as_it_is() {
        let (_dir, store) = store();
        std::fs::create_dir_all(store.dir()).expect("mkdir");
        let broken = store.dir().join("mine.toml");
        std::fs::write(&broken, "not = [valid").expect("write");
        let error = store.save(&named("mine", "Mine")).expect_err("refused");
        assert!(
            error.to_string().contains("so it is kept as it is"),
            "{error}"
        );
        assert_eq!(
            std::fs::read_to_string(&broken).expect("read"),
            "not = [valid"
        );
        let other = to_toml(&named("elsewhere", "Elsewhere")).expect("toml");
        let misnamed = store.dir().join("other.toml");
        std::fs::write(&misnamed, &other).expect("write");
        assert!(store.save(&named("other", "Other")).is_err());
        assert_eq!(std::fs::read_to_string(&misnamed).expect("read"), other);
        // Its own, loadable file is replaced as usual.
        store.save(&named("fine", "Fine")).expect("save");
        store.save(&named("fine", "Fine again")).expect("replace");
    }

    #[cfg(unix)]
    #[test]
    fn a_pipe_in_the_folder_is_reported_without_waiting_on_it() {
        let (_dir, store) = store();
        store.save(&named("good", "Good")).expect("save");
        let fifo = store.dir().join("pipe.toml");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo runs");
        assert!(made.success());
        let (sender, receiver) = std::sync::mpsc::channel();
        let loading = store.clone();
        std::thread::spawn(move || sender.send(loading.load_all()));
        let loaded = receiver
            .recv_timeout(std::time::Duration::from_secs(10))
            .expect("loading came back");
        assert_eq!(loaded.routines.len(), 1);
        assert_eq!(loaded.problems.len(), 1);
        assert_eq!(loaded.problems[0].kind, ProblemKind::Unreadable);
        assert!(
            loaded.problems[0]
                .message
                .contains("is a named pipe (FIFO), not a routine file"),
            "{}",
            loaded.problems[0].message
        );
    }

    #[test]
    fn delete_moves_the_file_aside_and_undo_brings_it_back() {
        let (_dir, store) = store();
        let kept = named("kept", "Kept");
        store.save(&kept).expect("save");
        let path = store.save(&named("gone", "Gone")).expect("save");
        let bytes = std::fs::read(&path).expect("read");

        let deleted = store.delete("gone").expect("delete");
        assert_eq!(deleted.id, "gone");
        assert!(!path.exists());
        assert_eq!(
            deleted.trashed.parent(),
            Some(store.dir().join(TRASH_DIR).as_path())
        );
        let trashed_name = deleted.trashed.file_name().expect("name").to_string_lossy();
        assert!(
            trashed_name.starts_with("gone-") && trashed_name.ends_with(".toml"),
            "{trashed_name}"
        );
        assert_eq!(std::fs::read(&deleted.trashed).expect("read"), bytes);
        assert_eq!(store.load_all().routines, std::slice::from_ref(&kept));

        store.undo_delete(&deleted).expect("undo");
        assert_eq!(std::fs::read(&path).expect("read"), bytes);
        assert!(!deleted.trashed.exists());
        assert_eq!(store.load_all().routines.len(), 2);
    }

    #[test]
    fn deleting_twice_keeps_both_copies() {
        let (_dir, store) = store();
        store.save(&named("again", "Again")).expect("save");
        let first = store.delete("again").expect("delete");
        store.save(&named("again", "Again 2")).expect("save");
        let second = store.delete("again").expect("delete");
        assert_ne!(first.trashed, second.trashed);
        assert!(first.trashed.exists() && second.trashed.exists());
    }

    #[test]
    fn undo_is_refused_when_the_id_is_taken_again() {
        let (_dir, store) = store();
        store.save(&named("mine", "Old")).expect("save");
        let deleted = store.delete("mine").expect("delete");
        let newer = store.save(&named("mine", "New")).expect("save");
        let newer_bytes = std::fs::read(&newer).expect("read");
        let error = store.undo_delete(&deleted).expect_err("taken");
        assert!(matches!(error, StoreError::IdTaken { .. }));
        assert!(
            error
                .to_string()
                .contains("another routine now uses that id")
        );
        assert_eq!(std::fs::read(&newer).expect("read"), newer_bytes);
        assert!(deleted.trashed.exists());
    }

    #[test]
    fn deleting_a_missing_or_bad_id_is_refused() {
        let (_dir, store) = store();
        assert!(matches!(
            store.delete("nothing"),
            Err(StoreError::NotFound { .. })
        ));
        assert!(matches!(
            store.delete("../escape"),
            Err(StoreError::BadId { .. })
        ));
        let outside = DeletedRoutine {
            id: "x".into(),
            trashed: store.dir().join("x.toml"),
        };
        assert!(matches!(
            store.undo_delete(&outside),
            Err(StoreError::NoLongerDeleted { .. })
        ));
    }

    #[test]
    fn an_id_that_is_not_a_file_name_never_becomes_a_routine_to_save() {
        // `save` takes a `Routine`, and a draft with such an id does not become one.
        let error = named_draft("../evil", "Evil")
            .validate()
            .expect_err("bad id");
        assert!(error.to_string().contains("the id may use only"), "{error}");
        // Importing renames, so even a file with that id saves under a safe one.
        let (dir, store) = store();
        let saved = store
            .renamed(named_draft("../evil", "Evil"), &[], &[])
            .expect("renamed");
        assert_eq!(saved.id(), "evil");
        assert!(snapshot(dir.path()).is_empty(), "renaming writes nothing");
    }

    #[test]
    fn export_then_import_gives_the_same_routine() {
        let (dir, _store) = store();
        let mut original = named_draft("shared", "Shared \"one\"");
        original.steps[0].instructions = "Line one.\nLine two.".into();
        let original = valid(original);
        let to = dir.path().join("anywhere/shared copy.toml");
        let error = export(&original, &to, false).expect_err("no such folder");
        assert!(error.to_string().contains("there is no folder"), "{error}");
        assert!(!to.parent().expect("folder").exists(), "never created");
        std::fs::create_dir(dir.path().join("anywhere")).expect("mkdir");
        export(&original, &to, false).expect("export");
        assert_eq!(read_import(&to).expect("import"), original);
        let again = export(&original, &to, false).expect_err("a file is there");
        assert_eq!(again.cause.kind(), std::io::ErrorKind::AlreadyExists);
        export(&original, &to, true).expect("replaced when confirmed");
    }

    #[test]
    fn a_broken_import_lists_every_problem_and_writes_nothing() {
        let (dir, store) = store();
        store.save(&named("mine", "Mine")).expect("save");
        let text = to_toml(&named("incoming", "Incoming"))
            .expect("toml")
            .replace("reps = 2", "reps = 99")
            .replace("hold_seconds = 5", "hold_seconds = 1")
            .replace(
                "category = \"stretch\"",
                "category = \"stretch\"\ncolour = \"red\"",
            );
        let file = dir.path().join("incoming.toml");
        std::fs::write(&file, text).expect("write");
        let before = snapshot(dir.path());

        let error = read_import(&file).expect_err("invalid");

        let ImportError::Load(LoadError::Invalid { problems, .. }) = &error else {
            panic!("expected every problem, got {error:?}");
        };
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(problems.iter().all(|p| p.line.is_some()), "{problems:?}");
        let shown = error.to_string();
        assert!(shown.contains("incoming.toml has 3 problem(s)"), "{shown}");
        assert_eq!(snapshot(dir.path()), before);
    }

    #[test]
    fn imports_refuse_folders_oversized_and_binary_files() {
        let (dir, _store) = store();
        assert!(matches!(
            read_import(dir.path()),
            Err(ImportError::NotAFile { .. })
        ));
        let big = dir.path().join("big.toml");
        std::fs::write(&big, vec![b'#'; 300 * 1024]).expect("write");
        assert!(matches!(
            read_import(&big),
            Err(ImportError::Load(LoadError::TooLarge { .. }))
        ));
        let binary = dir.path().join("bin.toml");
        std::fs::write(&binary, [0xff, 0xfe, 0x00]).expect("write");
        assert!(matches!(
            read_import(&binary),
            Err(ImportError::Load(LoadError::NotText { .. }))
        ));
    }

    #[cfg(unix)]
    #[test]
    fn an_import_through_a_link_is_refused() {
        let (dir, _store) = store();
        let real = dir.path().join("real.toml");
        export(&named("real", "Real"), &real, false).expect("export");
        let link = dir.path().join("link.toml");
        std::os::unix::fs::symlink(&real, &link).expect("symlink");
        let error = read_import(&link).expect_err("link");
        assert!(matches!(error, ImportError::Symlink { .. }));
        assert!(error.to_string().contains("link.toml is a link"), "{error}");
        assert!(read_import(&real).is_ok());
    }

    #[test]
    fn clashes_are_found_by_id_then_name_and_built_ins_only_keep_both() {
        let (_dir, store) = store();
        let mine = named("mine", "Evening");
        store.save(&mine).expect("save");
        let builtin = named("desk-break", "Desk break");
        let existing = [builtin.clone(), mine.clone()];

        let same_id = named("mine", "Something else");
        let clash = store.clash(&same_id, &existing);
        assert_eq!(clash, Clash::SameId(mine.clone()));
        assert!(clash.can_replace());

        let same_name = named("new-id", "  evening ");
        assert_eq!(store.clash(&same_name, &existing), Clash::SameName(mine));

        let builtin_id = named("desk-break", "Another");
        let clash = store.clash(&builtin_id, &existing);
        assert_eq!(clash, Clash::BuiltIn(builtin.clone()));
        assert!(!clash.can_replace());
        let builtin_name = named("other", "DESK BREAK");
        assert_eq!(
            store.clash(&builtin_name, &existing),
            Clash::BuiltIn(builtin)
        );

        assert_eq!(
            store.clash(&named("fresh", "Fresh"), &existing),
            Clash::None
        );
    }

    #[test]
    fn keep_both_gives_a_fresh_id_and_a_numbered_name() {
        let (_dir, store) = store();
        store.save(&named("mine", "Evening")).expect("save");
        let incoming = named("mine", "Evening");
        let saved = store
            .import(
                incoming,
                ImportChoice::KeepBoth,
                &["mine"],
                &["Evening", "Evening (2)"],
            )
            .expect("import");
        assert_eq!((saved.id(), saved.name()), ("mine-2", "Evening (3)"));
        let loaded = store.load_all().routines;
        assert_eq!(loaded.len(), 2);
        assert!(loaded.contains(&saved));

        let long = named("long", &"x".repeat(80));
        let taken = "x".repeat(80);
        let saved = store
            .import(long, ImportChoice::KeepBoth, &[], &[&taken])
            .expect("import");
        assert_eq!(saved.id(), "long");
        assert_eq!(saved.name().chars().count(), 80);
        assert!(saved.name().ends_with("x (2)"), "{}", saved.name());
    }

    #[test]
    fn replace_overwrites_the_own_routine_with_that_id_or_name() {
        let (_dir, store) = store();
        let path = store.save(&named("mine", "Evening")).expect("save");
        let mut incoming = named_draft("mine", "Evening, improved");
        incoming.summary = "Better.".into();
        let incoming = valid(incoming);
        let saved = store
            .import(
                incoming.clone(),
                ImportChoice::Replace,
                &["mine"],
                &["Evening"],
            )
            .expect("import");
        assert_eq!(saved, incoming);
        assert_eq!(store.load_all().routines, [incoming]);
        assert_eq!(read_import(&path).expect("read"), saved);

        let by_name = named("other-id", "evening, IMPROVED");
        let saved = store
            .import(by_name, ImportChoice::Replace, &["mine"], &[])
            .expect("import");
        assert_eq!(saved.id(), "mine");
        assert_eq!(store.load_all().routines, [saved]);
    }

    #[test]
    fn replace_never_overwrites_a_file_that_does_not_load_or_a_built_in() {
        let (_dir, store) = store();
        let broken = store.dir().join("mine.toml");
        std::fs::create_dir_all(store.dir()).expect("mkdir");
        std::fs::write(&broken, "not = [valid").expect("write");
        let saved = store
            .import(named("mine", "Mine"), ImportChoice::Replace, &[], &[])
            .expect("import");
        assert_eq!(saved.id(), "mine-2");
        assert_eq!(
            std::fs::read_to_string(&broken).expect("read"),
            "not = [valid"
        );

        let saved = store
            .import(
                named("desk-break", "Desk break"),
                ImportChoice::Replace,
                &["desk-break"],
                &["Desk break"],
            )
            .expect("import");
        assert_eq!(
            (saved.id(), saved.name()),
            ("desk-break-2", "Desk break (2)")
        );
    }

    #[test]
    fn unique_ids_are_valid_slugs_that_avoid_taken_ids_and_files() {
        let (_dir, store) = store();
        assert_eq!(store.unique_id("Mein Rücken!", &[]), "mein-r-cken");
        assert_eq!(store.unique_id("  --Hello,  World-- ", &[]), "hello-world");
        assert_eq!(store.unique_id("ÄÖÜ!", &[]), FALLBACK_ID);
        assert_eq!(store.unique_id("", &[]), FALLBACK_ID);
        assert_eq!(
            store.unique_id("desk-break", &["desk-break"]),
            "desk-break-2"
        );
        store.save(&named("evening", "Evening")).expect("save");
        assert_eq!(store.unique_id("Evening", &["evening-2"]), "evening-3");

        let long = "a".repeat(70);
        assert_eq!(store.unique_id(&long, &[]), "a".repeat(64));
        // A dash left at the cut is trimmed.
        let dash_at_end = "a".repeat(63) + " b";
        assert_eq!(store.unique_id(&dash_at_end, &[]), "a".repeat(63));
        let capped = "a".repeat(64);
        let next = store.unique_id(&capped, &[&capped]);
        assert_eq!(next, "a".repeat(62) + "-2");
        let dash_at_cut = "a".repeat(61) + "-bc";
        assert_eq!(
            store.unique_id(&dash_at_cut, &[&dash_at_cut]),
            "a".repeat(61) + "-2"
        );
        for base in ["Mein Rücken!", "-", "Ω", &"é".repeat(100), "9 lives"] {
            assert_eq!(id_problem(&store.unique_id(base, &[])), None, "{base}");
        }
    }

    #[test]
    fn make_it_mine_copies_with_a_new_name_and_id() {
        let (_dir, store) = store();
        let original = named("desk-break", "Desk break");
        let copy = duplicate(&original, &["desk-break"], &["Desk break"], &store);
        assert_eq!(copy.name, "Desk break (my copy)");
        assert_eq!(copy.id, "desk-break-my-copy");
        assert_eq!(copy.steps, original.steps());
        assert!(copy.violations().is_empty());

        let again = duplicate(
            &original,
            &["desk-break", "desk-break-my-copy"],
            &["Desk break", "Desk break (my copy)"],
            &store,
        );
        assert_eq!(again.name, "Desk break (my copy) (2)");
        assert_eq!(again.id, "desk-break-my-copy-2");

        let long = named("long", &"y".repeat(80));
        let copy = duplicate(&long, &[], &[], &store);
        assert_eq!(copy.name.chars().count(), 80);
        assert!(copy.name.ends_with("y (my copy)"));
        assert!(copy.violations().is_empty());
    }

    #[test]
    fn all_routines_lists_built_ins_then_custom_and_refuses_a_built_in_id() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = RoutineStore::new(&Store::at(dir.path()));
        let builtin = crate::store::builtin::builtin()[0].clone();
        store.save(&builtin).expect("save");
        let mut mine = builtin.into_draft();
        mine.id = "mine".into();
        mine.name = "Mine".into();
        store.save(&valid(mine)).expect("save");
        let (listed, problems) = all_routines(Some(&store));
        let builtins = crate::store::builtin::builtin().len();
        assert_eq!(listed.len(), builtins + 1);
        assert!(
            listed[..builtins]
                .iter()
                .all(|l| l.origin == Origin::BuiltIn)
        );
        assert_eq!(
            (listed[builtins].routine.id(), listed[builtins].origin),
            ("mine", Origin::Custom)
        );
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].message.contains("is a built-in routine's"),
            "{}",
            problems[0].message
        );
        assert_eq!(all_routines(None).0.len(), builtins);
    }
}
