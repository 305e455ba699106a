//! The routine file format: one routine per human-editable TOML file.
//!
//! Parsing walks the TOML document by hand instead of deriving `Deserialize`, so that every
//! problem in a file (syntax, unknown or missing fields, wrong types, values out of bounds) is
//! reported at once, each with the field path and line it concerns. No input can panic the
//! parser: files larger than [`MAX_FILE_BYTES`] are refused before parsing, and every value is
//! checked before use. A routine that parses is valid (see [`super::model`]). Reporting is
//! bounded too (see [`super::problems`]): lines come from an index, at most 50 problems are
//! kept (with a count of the rest), and syntax errors are listed from a window after the first,
//! so the worst 256 KiB file is checked in bounded time and memory.

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Serialize;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

pub use super::problems::Problem;
use super::problems::{LineIndex, Problems, thousands};
use crate::core::routine::model::{
    Category, Equipment, Importance, Pattern, Position, Routine, RoutineDraft, STEP_COUNT, Sides,
    Step, StepKind, slug,
};
use crate::core::routine::{Field, Key, TechniqueId, TechniqueRef};
use crate::store::safe_file::{self, ReadError};

/// The format version this build writes and the newest it reads (it reads every older one).
pub const FORMAT_VERSION: i64 = 2;
/// The largest routine file accepted, in bytes (256 KiB).
pub const MAX_FILE_BYTES: u64 = 256 * 1024;

/// Why a routine file could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read at all.
    #[error("could not read {}: {cause}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        cause: std::io::Error,
    },
    /// The path is not a regular file (a folder, a named pipe, a device or a socket); it was
    /// not read.
    #[error("{} is {what}, not a routine file, so it was not read", path.display())]
    NotAFile {
        /// The path.
        path: PathBuf,
        /// What it is, in words (see [`ReadError::NotAFile`]).
        what: &'static str,
    },
    /// The file is larger than [`MAX_FILE_BYTES`].
    #[error("{} is larger than 256 KiB, too large to be a routine file", path.display())]
    TooLarge {
        /// The file.
        path: PathBuf,
    },
    /// The file is not valid UTF-8 text.
    #[error("{} is not a text file (it is not valid UTF-8)", path.display())]
    NotText {
        /// The file.
        path: PathBuf,
    },
    /// The file is text but has nothing of a routine file (no `format_version`, no steps): it
    /// is some other file, reported in one line rather than as a list of problems.
    #[error("{} is not a routine file (a routine file sets format_version and has [[steps]])", path.display())]
    NotARoutine {
        /// The file.
        path: PathBuf,
    },
    /// The file was read but is not a valid routine.
    #[error("{} has {} problem(s):\n{}", path.display(), problems.total(), list(problems))]
    Invalid {
        /// The file.
        path: PathBuf,
        /// The problems found, in file order (the first [`super::problems::MAX_SHOWN_PROBLEMS`],
        /// and a count of the rest).
        problems: Problems,
    },
}

fn list(problems: &Problems) -> String {
    problems
        .iter()
        .map(ToString::to_string)
        .chain(problems.more_line())
        // A problem can quote the file (an unknown key): one problem stays one plain line.
        .map(|p| format!("  - {}", crate::core::plain_text::escaped(&p, false)))
        .collect::<Vec<_>>()
        .join("\n")
}

impl LoadError {
    fn from_read(error: ReadError, path: &Path) -> Self {
        let path = path.to_owned();
        match error {
            ReadError::Io(source) => Self::Io {
                path,
                cause: source,
            },
            ReadError::NotAFile { what } => Self::NotAFile { path, what },
            ReadError::TooLarge { .. } => Self::TooLarge { path },
        }
    }
}

/// Reads and parses one routine file. Only a regular file is read (a named pipe, a device or
/// a folder is refused without waiting on it; see [`crate::store::safe_file`]), at most
/// [`MAX_FILE_BYTES`].
pub fn read_routine_file(path: &Path) -> Result<Routine, LoadError> {
    read_routine_file_versioned(path).map(|(routine, _)| routine)
}

/// Reads and parses one routine file, and says which format version it is written in.
pub fn read_routine_file_versioned(path: &Path) -> Result<(Routine, i64), LoadError> {
    let file = safe_file::open_regular(path).map_err(|e| LoadError::from_read(e, path))?;
    read_opened_versioned(file, path)
}

/// Reads and parses a routine from a file already opened from `path` (named in errors): at
/// most [`MAX_FILE_BYTES`], UTF-8 text, every problem listed (up to the cap).
pub fn read_opened_routine(file: std::fs::File, path: &Path) -> Result<Routine, LoadError> {
    read_opened_versioned(file, path).map(|(routine, _)| routine)
}

fn read_opened_versioned(file: std::fs::File, path: &Path) -> Result<(Routine, i64), LoadError> {
    let bytes =
        safe_file::read_limited(file, MAX_FILE_BYTES).map_err(|e| LoadError::from_read(e, path))?;
    let text = String::from_utf8(bytes).map_err(|_| LoadError::NotText {
        path: path.to_owned(),
    })?;
    if !looks_like_a_routine(&text) {
        return Err(LoadError::NotARoutine {
            path: path.to_owned(),
        });
    }
    parse_routine_versioned(&text).map_err(|problems| LoadError::Invalid {
        path: path.to_owned(),
        problems,
    })
}

/// Whether `text` could be a routine file, if a broken one. It is not when it has no line
/// setting `format_version` or `steps` and no `[[steps]]` table (every routine file has them),
/// or when its first line that is not blank or a comment is not TOML-like (`key = value` or a
/// `[table]`) and names nothing of a routine: a README, a program's config, an empty file.
/// Listing everything a routine would need would only bury that it is another kind of file.
fn looks_like_a_routine(text: &str) -> bool {
    const KEYS: &[&str] = &[
        "format_version",
        "id",
        "name",
        "category",
        "summary",
        "steps",
    ];
    let sets = |line: &str, key: &str| {
        line.strip_prefix(key)
            .is_some_and(|rest| rest.trim_start().starts_with('='))
    };
    let is_steps_table = |line: &str| {
        let squeezed: String = line.chars().filter(|c| !c.is_whitespace()).collect();
        squeezed.starts_with("[[steps]]")
    };
    let mut lines = text.lines().map(str::trim_start);
    let has_markers = lines
        .clone()
        .any(|line| sets(line, "format_version") || sets(line, "steps") || is_steps_table(line));
    let first = lines.find(|line| !line.is_empty() && !line.starts_with('#'));
    let begins_like_toml = first.is_some_and(|line| {
        let key_then_equals = line.split_once('=').is_some_and(|(key, _)| {
            !key.trim().is_empty()
                && key
                    .trim()
                    .chars()
                    .all(|c| c.is_alphanumeric() || "_-.\"' ".contains(c))
        });
        line.starts_with('[') || key_then_equals || KEYS.iter().any(|key| line.starts_with(key))
    });
    has_markers && begins_like_toml
}

/// Parses a routine from the text of a routine file, or returns the problems found (the first
/// [`super::problems::MAX_SHOWN_PROBLEMS`] in file order, and how many more).
pub fn parse_routine(text: &str) -> Result<Routine, Problems> {
    parse_routine_versioned(text).map(|(routine, _)| routine)
}

/// Parses a routine and says which format version its file is written in.
///
/// Every older version still reads: a format-1 step is a hold on one side or each side, and
/// gets an id from its name (see [`give_steps_ids`]). The file itself is never rewritten
/// here; it becomes format 2 only when someone saves it.
pub fn parse_routine_versioned(text: &str) -> Result<(Routine, i64), Problems> {
    if text.len() as u64 > MAX_FILE_BYTES {
        return Err(Problems::from(vec![Problem {
            line: None,
            field: Field::Whole,
            message: "the file is larger than 256 KiB, too large to be a routine file".to_owned(),
        }]));
    }
    let line_index = LineIndex::new(text);
    // A strict parse keeps one error, so a file of syntax errors costs no more than a good one.
    let mut document = match DeTable::parse(text) {
        Ok(document) => document,
        Err(first) => return Err(syntax_problems(text, &line_index, &first)),
    };
    let mut problems = Problems::new();
    if let Some(too_many) = keep_first_steps(&mut document, &line_index) {
        problems.push(too_many);
    }
    let mut reader = Reader {
        text,
        line_index,
        problems,
        lines: HashMap::new(),
    };
    // Bounds are checked whenever every field could be read, alongside any unknown fields.
    let routine = reader
        .routine(&document)
        .and_then(|(draft, version)| match draft.validate() {
            Ok(routine) => Some((routine, version)),
            Err(invalid) => {
                for violation in invalid.violations {
                    let line = reader.lines.get(&violation.field).copied();
                    reader.problems.push(Problem {
                        line,
                        field: violation.field,
                        message: violation.message,
                    });
                }
                None
            }
        });
    match routine {
        Some(routine) if reader.problems.is_empty() => Ok(routine),
        // Problems are kept in line order as they are added.
        _ => Err(reader.problems),
    }
}

/// A problem with a value was found and recorded; the value cannot be used.
struct Reported;

/// Keeps only as many steps as a routine may have, so a file of 87,000 (empty) steps is not
/// walked step by step; returns the problem that says so, if there were more.
fn keep_first_steps(document: &mut Spanned<DeTable<'_>>, lines: &LineIndex) -> Option<Problem> {
    let max = *STEP_COUNT.end();
    let steps = document.get_mut().get_mut("steps")?;
    let line = lines.line_of(steps.span().start);
    let DeValue::Array(items) = steps.get_mut() else {
        return None;
    };
    let total = items.len();
    if total <= max {
        return None;
    }
    // `DeArray` has no `truncate`: move the first `max` items into a new one.
    let mut kept = toml::de::DeArray::new();
    for item in items.iter_mut().take(max) {
        let placeholder = Spanned::new(0..0, DeValue::Boolean(false));
        kept.push(std::mem::replace(item, placeholder));
    }
    *items = kept;
    Some(Problem {
        line: Some(line),
        field: Field::Routine(Key::Steps),
        message: format!(
            "this file has {} steps, and a routine has at most {max}: only the first {max} were checked",
            thousands(total)
        ),
    })
}

/// How far past the first syntax error the file is parsed again to list the errors after it.
/// Recovering from errors keeps every one of them (some 150 bytes each), and a 256 KiB file can
/// hold 260,000 of them; this window holds at most some 8,000.
const SYNTAX_WINDOW_BYTES: usize = 16 * 1024;

/// The syntax problems of a text that does not parse, `first` being the first error. The
/// text is parsed again with recovery, up to [`SYNTAX_WINDOW_BYTES`] past the first error (cut
/// at a line break); if that is not the whole text, the problems say up to which line it was
/// checked.
fn syntax_problems(text: &str, lines: &LineIndex, first: &toml::de::Error) -> Problems {
    let problem = |line, message: &str| Problem {
        line,
        field: Field::Whole,
        message: format!("this is not valid TOML: {}", message.trim()),
    };
    let first_at = first.span().map_or(0, |span| span.start);
    let window_end = first_at.saturating_add(SYNTAX_WINDOW_BYTES);
    let cut = if window_end >= text.len() {
        text.len()
    } else {
        // Just after the last line break in the window past the first error, else the last
        // space or comma (a file can be one long line), so no token is cut in two; else
        // anywhere (what is cut open is reported at the end, and left out below).
        let window = &text.as_bytes()[first_at..window_end];
        let after = |byte: &dyn Fn(u8) -> bool| window.iter().rposition(|&b| byte(b));
        after(&|b| b == b'\n')
            .or_else(|| after(&|b| matches!(b, b' ' | b',' | b'\t')))
            .map_or_else(
                || text.floor_char_boundary(window_end).max(first_at + 1),
                |at| first_at + at + 1,
            )
    };
    let truncated = cut < text.len();
    let mut problems = Problems::new();
    let (_, errors) = DeTable::parse_recoverable(&text[..cut]);
    let mut last_line = None;
    for error in errors {
        let span = error.span();
        // Constructs left open where the text was cut are reported at its end: not errors of
        // the file.
        if truncated && span.as_ref().is_some_and(|span| span.start >= cut) {
            continue;
        }
        let line = span.map(|s| lines.line_of(s.start));
        // One problem a line: the first error on a line is its cause, and the parser finds
        // the same one again at each bad character after it (`a<control>b<control>c = 1`).
        if line.is_some() && line == last_line {
            continue;
        }
        last_line = line;
        problems.push(problem(line, error.message()));
    }
    if problems.is_empty() {
        let line = first.span().map(|span| lines.line_of(span.start));
        problems.push(problem(line, first.message()));
    }
    if truncated {
        problems.checked_up_to(lines.line_of(cut - 1));
    }
    problems
}

/// The problem with a number too large for the field `key`, with the largest it can be.
fn too_large(key: &str) -> String {
    use crate::core::routine::model::{HOLD_SECS, REPS, REST_SECS, TEMPO_SECS};
    let largest = match key {
        "format_version" => Some(FORMAT_VERSION),
        "hold_seconds" => Some(i64::from(*HOLD_SECS.end())),
        "tempo_seconds" => Some(i64::from(*TEMPO_SECS.end())),
        "reps" => Some(i64::from(*REPS.end())),
        "rest_seconds" => Some(i64::from(*REST_SECS.end())),
        _ => None,
    };
    largest.map_or_else(
        || "this number is too large".to_owned(),
        |largest| format!("this number is too large: at most {largest}"),
    )
}

/// Walks a parsed TOML document, collecting problems and the line of every field it reads.
struct Reader<'t> {
    text: &'t str,
    /// Where each line of `text` starts, so finding a line is a binary search.
    line_index: LineIndex,
    problems: Problems,
    lines: HashMap<Field, usize>,
}

const ROUTINE_FIELDS: &[&str] = &[
    "format_version",
    "id",
    "name",
    "summary",
    "category",
    "steps",
];
/// The step fields of format 1.
const STEP_FIELDS_V1: &[&str] = &[
    "name",
    "kind",
    "position",
    "equipment",
    "hold_seconds",
    "reps",
    "rest_seconds",
    "per_side",
    "instructions",
    "caution",
];
/// The step fields of format 2, in the order they are written.
const STEP_FIELDS: &[&str] = &[
    "id",
    "technique",
    "name",
    "kind",
    "pattern",
    "sides",
    "position",
    "equipment",
    "hold_seconds",
    "tempo_seconds",
    "reps",
    "rest_seconds",
    "importance",
    "instructions",
    "caution",
];

impl Reader<'_> {
    fn line_of(&self, span: &Range<usize>) -> usize {
        self.line_index.line_of(span.start.min(self.text.len()))
    }

    fn problem(&mut self, span: &Range<usize>, field: Field, message: String) {
        let line = Some(self.line_of(span));
        self.problems.push(Problem {
            line,
            field,
            message,
        });
    }

    fn routine(&mut self, document: &Spanned<DeTable<'_>>) -> Option<(RoutineDraft, i64)> {
        let table = document.get_ref();
        let whole = document.span();
        self.unknown_fields(table, None, ROUTINE_FIELDS);
        let version = self.integer(table, &whole, None, "format_version", None);
        let mut readable = version;
        if let Some(version) = version {
            if version > FORMAT_VERSION {
                self.problem(
                    &whole,
                    Field::Routine(Key::FormatVersion),
                    format!(
                        "this file uses format {version}, made by a newer Unknot; this version reads formats 1 to {FORMAT_VERSION}"
                    ),
                );
                readable = None;
            } else if version < 1 {
                self.problem(
                    &whole,
                    Field::Routine(Key::FormatVersion),
                    format!("the format version must be 1 to {FORMAT_VERSION}"),
                );
                readable = None;
            }
        }
        let id = self.string(table, &whole, None, "id", None);
        let name = self.string(table, &whole, None, "name", None);
        let summary = self.string(table, &whole, None, "summary", Some(""));
        let category = self.choice(table, &whole, None, "category", CATEGORIES, None);
        let steps = self.steps(table, &whole, readable.unwrap_or(FORMAT_VERSION));
        Some((
            RoutineDraft {
                id: id?,
                name: name?,
                summary: summary?,
                category: category?,
                steps: steps?,
            },
            readable?,
        ))
    }

    fn steps(
        &mut self,
        table: &DeTable<'_>,
        whole: &Range<usize>,
        version: i64,
    ) -> Option<Vec<Step>> {
        let Some(value) = table.get("steps") else {
            self.problem(
                whole,
                Field::Routine(Key::Steps),
                "the routine has no steps: add at least one [[steps]] table".into(),
            );
            return None;
        };
        self.lines
            .insert(Field::Routine(Key::Steps), self.line_of(&value.span()));
        let DeValue::Array(items) = value.get_ref() else {
            self.problem(
                &value.span(),
                Field::Routine(Key::Steps),
                "`steps` must be a list of [[steps]] tables".into(),
            );
            return None;
        };
        let mut steps = Some(Vec::with_capacity(items.len()));
        for (index, item) in items.iter().enumerate() {
            let step = if version == 1 {
                self.step_v1(item, index + 1)
            } else {
                self.step(item, index + 1)
            };
            match (step, steps.as_mut()) {
                (Some(step), Some(list)) => list.push(step),
                _ => steps = None,
            }
        }
        if version == 1
            && let Some(list) = steps.as_mut()
        {
            give_steps_ids(list);
        }
        steps
    }

    /// A format-2 step. A step naming a technique this version knows takes every field it
    /// leaves out from the technique; any other step writes them out.
    #[expect(
        clippy::too_many_lines,
        reason = "one read per field of a step, in the documented order"
    )]
    fn step(&mut self, item: &Spanned<DeValue<'_>>, number: usize) -> Option<Step> {
        let scope = Some(number);
        let whole_step = Field::Step { number, key: None };
        let span = item.span();
        let DeValue::Table(table) = item.get_ref() else {
            self.problem(
                &span,
                whole_step,
                "each step must be a [[steps]] table".into(),
            );
            return None;
        };
        self.lines.insert(whole_step, self.line_of(&span));
        self.unknown_fields(table, scope, STEP_FIELDS);
        let id = self.string(table, &span, scope, "id", None);
        // The key is read into a technique once, here; a key this version does not know is
        // kept as written.
        let reference = self
            .optional_string(table, &span, scope, "technique")
            .map(|key| key.as_deref().map(TechniqueRef::parse));
        let technique = reference
            .as_ref()
            .ok()
            .and_then(Option::as_ref)
            .and_then(TechniqueRef::known)
            .map(TechniqueId::technique);
        if let Ok(Some(TechniqueRef::Unknown(key))) = &reference {
            let key = key.as_str();
            let needed = ["name", "kind", "position", "instructions"];
            if needed.iter().any(|field| !table.contains_key(*field)) {
                self.problem(
                    &span,
                    Field::in_scope(scope, Key::Technique),
                    format!(
                        "this version does not know the technique \"{key}\", so the step must give its name, kind, position and instructions"
                    ),
                );
            }
        }
        let t = technique;
        let name = self.string(table, &span, scope, "name", t.map(|t| t.name));
        let kind = self.choice(table, &span, scope, "kind", KINDS, t.map(|t| t.kind));
        let pattern = self.choice(
            table,
            &span,
            scope,
            "pattern",
            PATTERNS,
            Some(t.map_or(Pattern::Hold, |t| t.pattern)),
        );
        let sides = self.choice(
            table,
            &span,
            scope,
            "sides",
            SIDES,
            Some(t.map_or(Sides::None, |t| t.sides)),
        );
        let position = self.choice(
            table,
            &span,
            scope,
            "position",
            POSITIONS,
            t.map(|t| t.position),
        );
        let equipment = self.choice(
            table,
            &span,
            scope,
            "equipment",
            EQUIPMENT,
            Some(t.map_or(Equipment::None, |t| t.equipment)),
        );
        // A technique's dose applies only when the step keeps the technique's pattern.
        let same_pattern = t.filter(|t| Some(t.pattern) == pattern);
        let default_secs = same_pattern.map(|t| i64::from(t.dose.rep_secs));
        let rep_secs = match pattern? {
            Pattern::Hold => {
                self.not_for(table, scope, "tempo_seconds", "held steps use hold_seconds");
                self.integer(table, &span, scope, "hold_seconds", default_secs)
            }
            Pattern::Moves => {
                self.not_for(
                    table,
                    scope,
                    "hold_seconds",
                    "moves use tempo_seconds, the seconds one movement takes",
                );
                self.integer(table, &span, scope, "tempo_seconds", default_secs)
            }
        };
        let reps = self.integer(
            table,
            &span,
            scope,
            "reps",
            Some(same_pattern.map_or(1, |t| i64::from(t.dose.reps))),
        );
        let rest = self.integer(
            table,
            &span,
            scope,
            "rest_seconds",
            Some(same_pattern.map_or(0, |t| i64::from(t.dose.rest_secs))),
        );
        let importance = self.choice(
            table,
            &span,
            scope,
            "importance",
            IMPORTANCE,
            Some(Importance::Normal),
        );
        let instructions = self.string(
            table,
            &span,
            scope,
            "instructions",
            t.map(|t| t.instructions),
        );
        let caution = self.string(
            table,
            &span,
            scope,
            "caution",
            Some(t.map_or("", |t| t.caution)),
        );
        let secs_field = if pattern? == Pattern::Moves {
            "tempo_seconds"
        } else {
            "hold_seconds"
        };
        Some(Step {
            id: id?,
            technique: reference.ok()?,
            name: name?,
            kind: kind?,
            pattern: pattern?,
            sides: sides?,
            instructions: instructions?,
            caution: caution?,
            rep_secs: self.seconds(rep_secs?, &span, scope, secs_field)?,
            reps: self.seconds(reps?, &span, scope, "reps")?,
            rest_secs: self.seconds(rest?, &span, scope, "rest_seconds")?,
            equipment: equipment?,
            position: position?,
            importance: importance?,
        })
    }

    /// A format-1 step: a hold, on one side or each side, with no id (ids are given after).
    fn step_v1(&mut self, item: &Spanned<DeValue<'_>>, number: usize) -> Option<Step> {
        let scope = Some(number);
        let whole_step = Field::Step { number, key: None };
        let span = item.span();
        let DeValue::Table(table) = item.get_ref() else {
            self.problem(
                &span,
                whole_step,
                "each step must be a [[steps]] table".into(),
            );
            return None;
        };
        self.lines.insert(whole_step, self.line_of(&span));
        self.unknown_fields(table, scope, STEP_FIELDS_V1);
        let name = self.string(table, &span, scope, "name", None);
        let kind = self.choice(table, &span, scope, "kind", KINDS_V1, None);
        let position = self.choice(table, &span, scope, "position", POSITIONS, None);
        let equipment = self.choice(
            table,
            &span,
            scope,
            "equipment",
            EQUIPMENT,
            Some(Equipment::None),
        );
        let hold = self.integer(table, &span, scope, "hold_seconds", None);
        let reps = self.integer(table, &span, scope, "reps", Some(1));
        let rest = self.integer(table, &span, scope, "rest_seconds", Some(0));
        let per_side = self.boolean(table, &span, scope, "per_side", Some(false));
        let instructions = self.string(table, &span, scope, "instructions", None);
        let caution = self.string(table, &span, scope, "caution", Some(""));
        Some(Step {
            id: String::new(),
            technique: None,
            name: name?,
            kind: kind?,
            pattern: Pattern::Hold,
            sides: if per_side? { Sides::Each } else { Sides::None },
            instructions: instructions?,
            caution: caution?,
            rep_secs: self.seconds(hold?, &span, scope, "hold_seconds")?,
            reps: self.seconds(reps?, &span, scope, "reps")?,
            rest_secs: self.seconds(rest?, &span, scope, "rest_seconds")?,
            equipment: equipment?,
            position: position?,
            importance: Importance::Normal,
        })
    }

    /// Reports `key` when it is present although the step's pattern does not use it.
    fn not_for(&mut self, table: &DeTable<'_>, scope: Option<usize>, key: &str, why: &str) {
        if let Some(value) = table.get(key) {
            self.problem(
                &value.span(),
                Field::in_scope(scope, Key::from_file(key)),
                format!("`{key}` does not apply here: {why}"),
            );
        }
    }

    /// An optional text field: `Ok(None)` when absent, `Err` (reported) when present but not
    /// text.
    fn optional_string(
        &mut self,
        table: &DeTable<'_>,
        whole: &Range<usize>,
        scope: Option<usize>,
        key: &str,
    ) -> Result<Option<String>, Reported> {
        if table.contains_key(key) {
            self.string(table, whole, scope, key, None)
                .map(Some)
                .ok_or(Reported)
        } else {
            Ok(None)
        }
    }

    fn unknown_fields(&mut self, table: &DeTable<'_>, scope: Option<usize>, known: &[&str]) {
        for key in table.keys() {
            if !known.contains(&key.get_ref().as_ref()) {
                let field = Field::in_scope(scope, Key::from_file(key.get_ref()));
                self.problem(
                    &key.span(),
                    field,
                    format!(
                        "unknown field `{}`; the fields here are: {}",
                        key.get_ref(),
                        known.join(", ")
                    ),
                );
            }
        }
    }

    /// Looks up `key`, recording its line; reports a missing required field.
    fn lookup<'v, 'i>(
        &mut self,
        table: &'v DeTable<'i>,
        whole: &Range<usize>,
        scope: Option<usize>,
        key: &str,
        required: bool,
    ) -> Option<&'v Spanned<DeValue<'i>>> {
        let field = Field::in_scope(scope, Key::from_file(key));
        if let Some(value) = table.get(key) {
            let line = self.line_of(&value.span());
            self.lines.insert(field, line);
            Some(value)
        } else {
            if required {
                self.problem(whole, field, format!("the field `{key}` is missing"));
            }
            None
        }
    }

    fn string(
        &mut self,
        table: &DeTable<'_>,
        whole: &Range<usize>,
        scope: Option<usize>,
        key: &str,
        default: Option<&str>,
    ) -> Option<String> {
        let Some(value) = self.lookup(table, whole, scope, key, default.is_none()) else {
            return default.map(str::to_owned);
        };
        if let DeValue::String(text) = value.get_ref() {
            Some(text.to_string())
        } else {
            self.problem(
                &value.span(),
                Field::in_scope(scope, Key::from_file(key)),
                "this must be text in quotes".into(),
            );
            None
        }
    }

    fn integer(
        &mut self,
        table: &DeTable<'_>,
        whole: &Range<usize>,
        scope: Option<usize>,
        key: &str,
        default: Option<i64>,
    ) -> Option<i64> {
        let Some(value) = self.lookup(table, whole, scope, key, default.is_none()) else {
            return default;
        };
        let parsed = match value.get_ref() {
            DeValue::Integer(int) => {
                i64::from_str_radix(int.as_str(), int.radix()).map_err(|e| match e.kind() {
                    std::num::IntErrorKind::PosOverflow => too_large(key),
                    std::num::IntErrorKind::NegOverflow => "this cannot be negative".to_owned(),
                    _ => "this must be a whole number, without quotes".to_owned(),
                })
            }
            _ => Err("this must be a whole number, without quotes".to_owned()),
        };
        match parsed {
            Ok(number) => Some(number),
            Err(message) => {
                self.problem(
                    &value.span(),
                    Field::in_scope(scope, Key::from_file(key)),
                    message,
                );
                None
            }
        }
    }

    /// Converts a whole number read from the file into a count of seconds or repetitions.
    /// Values that do not fit are reported; range checks happen in validation.
    fn seconds(
        &mut self,
        value: i64,
        span: &Range<usize>,
        scope: Option<usize>,
        key: &str,
    ) -> Option<u32> {
        if let Ok(fitting) = u32::try_from(value) {
            Some(fitting)
        } else {
            let field = Field::in_scope(scope, Key::from_file(key));
            let line = self.lines.get(&field).copied();
            let message = if value < 0 {
                "this cannot be negative".to_owned()
            } else {
                too_large(key)
            };
            match line {
                Some(line) => self.problems.push(Problem {
                    line: Some(line),
                    field,
                    message,
                }),
                None => self.problem(span, field, message),
            }
            None
        }
    }

    fn boolean(
        &mut self,
        table: &DeTable<'_>,
        whole: &Range<usize>,
        scope: Option<usize>,
        key: &str,
        default: Option<bool>,
    ) -> Option<bool> {
        let Some(value) = self.lookup(table, whole, scope, key, default.is_none()) else {
            return default;
        };
        if let DeValue::Boolean(flag) = value.get_ref() {
            Some(*flag)
        } else {
            self.problem(
                &value.span(),
                Field::in_scope(scope, Key::from_file(key)),
                "this must be true or false, without quotes".into(),
            );
            None
        }
    }

    fn choice<T: Copy>(
        &mut self,
        table: &DeTable<'_>,
        whole: &Range<usize>,
        scope: Option<usize>,
        key: &str,
        options: &[(&str, T)],
        default: Option<T>,
    ) -> Option<T> {
        let Some(value) = self.lookup(table, whole, scope, key, default.is_none()) else {
            return default;
        };
        let found = match value.get_ref() {
            DeValue::String(text) => options
                .iter()
                .find(|(word, _)| *word == text.as_ref())
                .map(|(_, choice)| *choice),
            _ => None,
        };
        if found.is_none() {
            let words: Vec<String> = options.iter().map(|(w, _)| format!("\"{w}\"")).collect();
            self.problem(
                &value.span(),
                Field::in_scope(scope, Key::from_file(key)),
                format!("this must be one of {}", words.join(", ")),
            );
        }
        found
    }
}

const CATEGORIES: &[(&str, Category)] = &[
    ("stretch", Category::Stretch),
    ("self-massage", Category::SelfMassage),
    ("mixed", Category::Mixed),
];
const KINDS_V1: &[(&str, StepKind)] = &[
    ("stretch", StepKind::Stretch),
    ("self-massage", StepKind::SelfMassage),
    ("rest", StepKind::Rest),
];
const KINDS: &[(&str, StepKind)] = &[
    ("stretch", StepKind::Stretch),
    ("mobility", StepKind::Mobility),
    ("strengthen", StepKind::Strengthen),
    ("self-massage", StepKind::SelfMassage),
    ("rest", StepKind::Rest),
];
const PATTERNS: &[(&str, Pattern)] = &[("hold", Pattern::Hold), ("moves", Pattern::Moves)];
const SIDES: &[(&str, Sides)] = &[
    ("none", Sides::None),
    ("each", Sides::Each),
    ("alternate", Sides::Alternate),
];
const IMPORTANCE: &[(&str, Importance)] = &[
    ("optional", Importance::Optional),
    ("normal", Importance::Normal),
    ("essential", Importance::Essential),
];
/// Every position by its file word (format 2 added `on-side` and `on-chair`; a format-1 file
/// reads with the same table, as no older word changed).
const POSITIONS: &[(&str, Position)] = &[
    ("on-back", Position::OnBack),
    ("on-front", Position::OnFront),
    ("on-side", Position::OnSide),
    ("hands-and-knees", Position::HandsAndKnees),
    ("half-kneeling", Position::HalfKneeling),
    ("sitting", Position::Sitting),
    ("on-chair", Position::OnChair),
    ("standing", Position::Standing),
    ("against-wall", Position::AgainstWall),
];
const EQUIPMENT: &[(&str, Equipment)] = &[
    ("none", Equipment::None),
    ("strap", Equipment::Strap),
    ("ball", Equipment::Ball),
    ("foam-roller", Equipment::FoamRoller),
    ("massage-stick", Equipment::MassageStick),
    ("hands", Equipment::Hands),
    ("chair", Equipment::Chair),
    ("desk", Equipment::Desk),
];

/// Gives the steps of a format-1 file their ids: each step's name as a slug ("Knee rolls" →
/// `knee-rolls`), numbered from the second use on (`knee-rolls-2`), so the same file always
/// gets the same ids.
pub fn give_steps_ids(steps: &mut [Step]) {
    let mut taken: Vec<String> = Vec::with_capacity(steps.len());
    for step in steps.iter_mut() {
        let base = slug(&step.name, "step");
        let mut id = base.clone();
        let mut number = 2;
        while taken.contains(&id) {
            let suffix = format!("-{number}");
            let room = 64usize.saturating_sub(suffix.len());
            id = format!(
                "{}{suffix}",
                base.chars()
                    .take(room)
                    .collect::<String>()
                    .trim_end_matches('-')
            );
            number += 1;
        }
        taken.push(id.clone());
        step.id = id;
    }
}

/// The file's shape when writing; field order is the order a person reads.
#[derive(Serialize)]
struct RoutineOut<'a> {
    format_version: i64,
    id: &'a str,
    name: &'a str,
    summary: &'a str,
    category: Category,
    steps: Vec<StepOut<'a>>,
}

/// A step as written: every field spelled out, so the file reads the same in any version,
/// whether or not that version knows the technique.
#[derive(Serialize)]
struct StepOut<'a> {
    id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    technique: Option<&'a str>,
    name: &'a str,
    kind: StepKind,
    pattern: Pattern,
    sides: Sides,
    position: Position,
    equipment: Equipment,
    #[serde(skip_serializing_if = "Option::is_none")]
    hold_seconds: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    tempo_seconds: Option<u32>,
    reps: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    rest_seconds: Option<u32>,
    importance: Importance,
    instructions: &'a str,
    caution: &'a str,
}

/// Writes a routine in the current file format, ready to save. Parsing the result gives the
/// same routine.
pub fn to_toml(routine: &Routine) -> Result<String, toml::ser::Error> {
    let out = RoutineOut {
        format_version: FORMAT_VERSION,
        id: routine.id(),
        name: routine.name(),
        summary: routine.summary(),
        category: routine.category(),
        steps: routine
            .steps()
            .iter()
            .map(|s| {
                let held = s.pattern == Pattern::Hold;
                StepOut {
                    id: &s.id,
                    technique: s.technique.as_ref().map(TechniqueRef::key),
                    name: &s.name,
                    kind: s.kind,
                    pattern: s.pattern,
                    sides: s.sides,
                    position: s.position,
                    equipment: s.equipment,
                    hold_seconds: held.then_some(s.rep_secs),
                    tempo_seconds: (!held).then_some(s.rep_secs),
                    reps: s.reps,
                    rest_seconds: held.then_some(s.rest_secs),
                    importance: s.importance,
                    instructions: &s.instructions,
                    caution: &s.caution,
                }
            })
            .collect(),
    };
    toml::to_string_pretty(&out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::routine::model::tests::{draft, step, valid};

    const GOOD: &str = r#"format_version = 1
id = "morning"
name = "Morning"
summary = "Loosen up."
category = "stretch"

[[steps]]
name = "Knee to chest"
kind = "stretch"
position = "on-back"
hold_seconds = 20
reps = 2
per_side = true
instructions = "Draw one knee in."
"#;

    #[test]
    fn a_good_file_parses_with_defaults_filled_in() {
        let parsed = parse_routine(GOOD).expect("valid file");
        assert_eq!(parsed.id(), "morning");
        assert_eq!(parsed.steps().len(), 1);
        let s = &parsed.steps()[0];
        assert_eq!(
            (s.rep_secs, s.reps, s.rest_secs, s.sides, s.pattern),
            (20, 2, 0, Sides::Each, Pattern::Hold)
        );
        assert_eq!((s.equipment, s.caution.as_str()), (Equipment::None, ""));
        // A format-1 step gets its id from its name, and no technique.
        assert_eq!(
            (s.id.as_str(), s.technique.as_ref()),
            ("knee-to-chest", None)
        );
        assert_eq!(parse_routine_versioned(GOOD).map(|(_, v)| v), Ok(1));
    }

    const V2: &str = r#"format_version = 2
id = "physio-sheet"
name = "My physio's sheet"
category = "stretch"

[[steps]]
id = "rocks"
technique = "pelvic-tilt"
reps = 12

[[steps]]
id = "rolls"
technique = "knee-rolls-alternating"
reps = 8

[[steps]]
id = "bridge"
technique = "glute-bridge"
hold_seconds = 10
reps = 10
rest_seconds = 3
importance = "essential"

[[steps]]
id = "wall-sit"
name = "Wall sit"
kind = "strengthen"
position = "against-wall"
hold_seconds = 20
reps = 3
instructions = "Slide down the wall until your knees are a little bent."
"#;

    #[test]
    fn a_format_2_sheet_takes_what_it_leaves_out_from_its_techniques() {
        let (routine, version) = parse_routine_versioned(V2).expect("valid");
        assert_eq!(version, 2);
        let rocks = &routine.steps()[0];
        assert_eq!(
            (
                rocks.name.as_str(),
                rocks.kind,
                rocks.pattern,
                rocks.rep_secs,
                rocks.reps
            ),
            ("Pelvic tilt", StepKind::Mobility, Pattern::Moves, 4, 12)
        );
        let rolls = &routine.steps()[1];
        assert_eq!(
            (rolls.sides, rolls.pattern),
            (Sides::Alternate, Pattern::Moves)
        );
        let bridge = &routine.steps()[2];
        assert_eq!(
            (
                bridge.kind,
                bridge.rep_secs,
                bridge.reps,
                bridge.rest_secs,
                bridge.importance
            ),
            (StepKind::Strengthen, 10, 10, 3, Importance::Essential)
        );
        let wall = &routine.steps()[3];
        assert_eq!(
            (wall.technique.as_ref(), wall.sides, wall.caution.as_str()),
            (None, Sides::None, "")
        );
    }

    #[test]
    fn format_2_round_trips_with_every_field_written_out() {
        let routine = parse_routine(V2).expect("valid");
        let text = to_toml(&routine).expect("serialises");
        assert!(text.starts_with("format_version = 2\n"), "{text}");
        assert!(text.contains("tempo_seconds = 4") && text.contains("sides = \"alternate\""));
        assert_eq!(parse_routine(&text), Ok(routine));
    }

    #[test]
    fn pattern_fields_that_do_not_apply_are_refused() {
        let bad = V2.replace("reps = 12", "reps = 12\nhold_seconds = 5\nrest_seconds = 2");
        let shown: Vec<String> = parse_routine(&bad)
            .expect_err("invalid")
            .iter()
            .map(ToString::to_string)
            .collect();
        assert!(
            shown
                .iter()
                .any(|p| p.contains("steps[1].hold_seconds: `hold_seconds` does not apply here")),
            "{shown:?}"
        );
        assert!(
            shown
                .iter()
                .any(|p| p.contains("steps[1].rest_seconds: moves follow one another")),
            "{shown:?}"
        );
    }

    #[test]
    fn an_unknown_technique_needs_the_step_written_out() {
        let bad = V2.replace("technique = \"pelvic-tilt\"", "technique = \"future-move\"");
        let shown: Vec<String> = parse_routine(&bad)
            .expect_err("invalid")
            .iter()
            .map(ToString::to_string)
            .collect();
        assert!(
            shown
                .iter()
                .any(|p| p.contains("does not know the technique \"future-move\"")),
            "{shown:?}"
        );
        let written_out = V2.replace(
            "technique = \"pelvic-tilt\"\nreps = 12",
            "technique = \"future-move\"\nname = \"Rock\"\nkind = \"mobility\"\npattern = \"moves\"\nposition = \"on-back\"\ntempo_seconds = 4\nreps = 12\ninstructions = \"Rock.\"",
        );
        let routine = parse_routine(&written_out).expect("valid");
        assert_eq!(
            routine.steps()[0].technique.as_ref().map(TechniqueRef::key),
            Some("future-move")
        );
        assert_eq!(routine.steps()[0].technique_id(), None);
    }

    #[test]
    fn positions_for_a_desk_read_and_write_and_older_words_still_read() {
        // A format-1 file says `sitting`; it reads as it always did.
        let old = GOOD.replace("on-back", "sitting");
        assert_eq!(
            parse_routine(&old).map(|r| r.steps()[0].position),
            Ok(Position::Sitting)
        );
        // Every position and every kind of equipment is written and read back by its word.
        let mut mine = draft(vec![step("A", 20, 2, false)]);
        mine.steps = Position::ALL
            .iter()
            .zip(Equipment::ALL.iter().cycle())
            .enumerate()
            .map(|(i, (position, equipment))| Step {
                id: format!("s{i}"),
                position: *position,
                equipment: *equipment,
                ..step("A", 20, 2, false)
            })
            .collect();
        let mine = valid(mine);
        let text = to_toml(&mine).expect("serialises");
        assert!(
            text.contains("position = \"on-chair\"") && text.contains("position = \"on-side\"")
        );
        assert_eq!(parse_routine(&text), Ok(mine));
        let desk = V2.replace(
            "position = \"against-wall\"",
            "position = \"on-chair\"\nequipment = \"desk\"",
        );
        let wall_sit = parse_routine(&desk).expect("valid").steps()[3].clone();
        assert_eq!(
            (wall_sit.position, wall_sit.equipment),
            (Position::OnChair, Equipment::Desk)
        );
        let bad = V2.replace("position = \"against-wall\"", "position = \"on-a-chair\"");
        let shown: Vec<String> = parse_routine(&bad)
            .expect_err("unknown position")
            .iter()
            .map(ToString::to_string)
            .collect();
        assert!(
            shown
                .iter()
                .any(|p| p.contains("\"on-chair\"") && p.contains("\"on-side\"")),
            "{shown:?}"
        );
    }

    #[test]
    fn format_1_steps_get_stable_distinct_ids() {
        let mut steps = vec![
            crate::core::routine::model::tests::step("Knee rolls", 10, 1, false),
            crate::core::routine::model::tests::step("Knee rolls", 10, 1, false),
            crate::core::routine::model::tests::step("Child's pose!", 10, 1, false),
            crate::core::routine::model::tests::step("***", 10, 1, false),
        ];
        give_steps_ids(&mut steps);
        let ids: Vec<&str> = steps.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["knee-rolls", "knee-rolls-2", "child-s-pose", "step"]);
    }

    #[test]
    fn every_problem_is_reported_at_once_with_field_and_line() {
        let bad = GOOD
            .replace("hold_seconds = 20", "hold_seconds = \"twenty\"")
            .replace("reps = 2", "reps = 2\ncolour = \"red\"")
            .replace("category = \"stretch\"", "category = \"yoga\"");
        let problems = parse_routine(&bad).expect_err("invalid file");
        let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            [
                "line 5, category: this must be one of \"stretch\", \"self-massage\", \"mixed\"",
                "line 11, steps[1].hold_seconds: this must be a whole number, without quotes",
                "line 13, steps[1].colour: unknown field `colour`; the fields here are: name, kind, position, equipment, hold_seconds, reps, rest_seconds, per_side, instructions, caution",
            ]
        );
    }

    #[test]
    fn bounds_are_checked_after_types_with_lines() {
        let bad = GOOD
            .replace("hold_seconds = 20", "hold_seconds = 2")
            .replace("reps = 2", "reps = 31");
        let shown: Vec<String> = parse_routine(&bad)
            .expect_err("out of bounds")
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            shown,
            [
                "line 11, steps[1].hold_seconds: a hold must last from 3 seconds to 10 minutes (this one is 2 s)",
                "line 12, steps[1].reps: repetitions must be from 1 to 30 (this step has 31)",
            ]
        );
    }

    #[test]
    fn missing_fields_and_newer_versions_are_explained() {
        let bad = GOOD
            .replace("format_version = 1", "format_version = 3")
            .replace("name = \"Knee to chest\"\n", "");
        let shown: Vec<String> = parse_routine(&bad)
            .expect_err("invalid")
            .iter()
            .map(ToString::to_string)
            .collect();
        assert!(
            shown
                .iter()
                .any(|p| p.contains("format 3, made by a newer Unknot")),
            "{shown:?}"
        );
        assert!(
            shown
                .iter()
                .any(|p| p == "line 7, steps[1].name: the field `name` is missing"),
            "{shown:?}"
        );
    }

    #[test]
    fn syntax_errors_say_where() {
        let problems =
            parse_routine("format_version = 1\nname = \"unterminated\n").expect_err("bad");
        assert_eq!(problems[0].line, Some(2));
        assert!(problems[0].message.starts_with("this is not valid TOML"));
    }

    #[test]
    fn oversized_text_is_refused_before_parsing() {
        let huge = "#".repeat(usize::try_from(MAX_FILE_BYTES).unwrap_or(0) + 1);
        assert!(
            parse_routine(&huge).expect_err("too big")[0]
                .message
                .contains("256 KiB")
        );
    }

    #[test]
    fn negative_numbers_are_refused() {
        let bad = GOOD.replace("reps = 2", "reps = -1");
        assert_eq!(
            parse_routine(&bad).expect_err("negative")[0].to_string(),
            "line 12, steps[1].reps: this cannot be negative"
        );
    }

    #[test]
    fn written_files_parse_back_to_the_same_routine() {
        let mut original = draft(vec![
            step("A \"quoted\" name", 30, 3, true),
            step("B", 5, 10, false),
        ]);
        original.steps[0].instructions =
            "Line one.\nLine two with 'quotes' and \\ backslash.".into();
        let original = valid(original);
        let text = to_toml(&original).expect("serialises");
        assert!(text.starts_with("format_version = 2\n"));
        assert_eq!(parse_routine(&text), Ok(original));
    }

    #[test]
    fn reading_a_file_reports_size_and_encoding() {
        let dir = tempfile::tempdir().expect("temp dir");
        let big = dir.path().join("big.toml");
        std::fs::write(&big, vec![b'#'; 300 * 1024]).expect("write");
        assert!(matches!(
            read_routine_file(&big),
            Err(LoadError::TooLarge { .. })
        ));
        let binary = dir.path().join("bin.toml");
        std::fs::write(&binary, [0xff, 0xfe, 0x00]).expect("write");
        assert!(matches!(
            read_routine_file(&binary),
            Err(LoadError::NotText { .. })
        ));
        let missing = dir.path().join("nope.toml");
        assert!(matches!(
            read_routine_file(&missing),
            Err(LoadError::Io { .. })
        ));
    }
}
