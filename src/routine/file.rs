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
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Serialize;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::model::STEP_COUNT;
use super::model::{Category, Equipment, Position, Routine, Step, StepKind};
use super::problems::{LineIndex, Problems, thousands};
use crate::safe_file::{self, ReadError};

/// The format version this build writes and the newest it reads.
pub const FORMAT_VERSION: i64 = 1;
/// The largest routine file accepted, in bytes (256 KiB).
pub const MAX_FILE_BYTES: u64 = 256 * 1024;

/// One problem found in a routine file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The 1-based line the problem is on, when known.
    pub line: Option<usize>,
    /// The field it concerns, such as `steps[2].hold_seconds` (steps count from 1); empty for
    /// problems with the file as a whole.
    pub field: String,
    /// What is wrong, in plain words.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.field.is_empty()) {
            (Some(line), false) => write!(f, "line {line}, {}: {}", self.field, self.message),
            (Some(line), true) => write!(f, "line {line}: {}", self.message),
            (None, false) => write!(f, "{}: {}", self.field, self.message),
            (None, true) => write!(f, "{}", self.message),
        }
    }
}

/// Why a routine file could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read at all.
    #[error("could not read {}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
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
        .map(|p| format!("  - {}", crate::plain_text::escaped(&p, false)))
        .collect::<Vec<_>>()
        .join("\n")
}

impl LoadError {
    fn from_read(error: ReadError, path: &Path) -> Self {
        let path = path.to_owned();
        match error {
            ReadError::Io(source) => Self::Io { path, source },
            ReadError::NotAFile { what } => Self::NotAFile { path, what },
            ReadError::TooLarge { .. } => Self::TooLarge { path },
        }
    }
}

/// Reads and parses one routine file. Only a regular file is read (a named pipe, a device or
/// a folder is refused without waiting on it; see [`crate::safe_file`]), at most
/// [`MAX_FILE_BYTES`].
pub fn read_routine_file(path: &Path) -> Result<Routine, LoadError> {
    let file = safe_file::open_regular(path).map_err(|e| LoadError::from_read(e, path))?;
    read_opened_routine(file, path)
}

/// Reads and parses a routine from a file already opened from `path` (named in errors): at
/// most [`MAX_FILE_BYTES`], UTF-8 text, every problem listed (up to the cap).
pub fn read_opened_routine(file: std::fs::File, path: &Path) -> Result<Routine, LoadError> {
    let bytes =
        safe_file::read_limited(file, MAX_FILE_BYTES).map_err(|e| LoadError::from_read(e, path))?;
    let text = String::from_utf8(bytes).map_err(|_| LoadError::NotText {
        path: path.to_owned(),
    })?;
    parse_routine(&text).map_err(|problems| LoadError::Invalid {
        path: path.to_owned(),
        problems,
    })
}

/// Parses a routine from the text of a routine file, or returns the problems found (the first
/// [`super::problems::MAX_SHOWN_PROBLEMS`] in file order, and how many more).
pub fn parse_routine(text: &str) -> Result<Routine, Problems> {
    if text.len() as u64 > MAX_FILE_BYTES {
        return Err(Problems::from(vec![Problem {
            line: None,
            field: String::new(),
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
    let routine = reader.routine(&document);
    if let Some(routine) = &routine {
        // Bounds are checked whenever every field could be read, alongside any unknown fields.
        for violation in routine.violations() {
            let line = reader.lines.get(&violation.field).copied();
            reader.problems.push(Problem {
                line,
                field: violation.field,
                message: violation.message,
            });
        }
    }
    match routine {
        Some(routine) if reader.problems.is_empty() => Ok(routine),
        // Problems are kept in line order as they are added.
        _ => Err(reader.problems),
    }
}

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
        field: "steps".to_owned(),
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
        field: String::new(),
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
    for error in errors {
        let span = error.span();
        // Constructs left open where the text was cut are reported at its end: not errors of
        // the file.
        if truncated && span.as_ref().is_some_and(|span| span.start >= cut) {
            continue;
        }
        problems.push(problem(
            span.map(|s| lines.line_of(s.start)),
            error.message(),
        ));
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

/// Walks a parsed TOML document, collecting problems and the line of every field it reads.
struct Reader<'t> {
    text: &'t str,
    /// Where each line of `text` starts, so finding a line is a binary search.
    line_index: LineIndex,
    problems: Problems,
    lines: HashMap<String, usize>,
}

const ROUTINE_FIELDS: &[&str] = &[
    "format_version",
    "id",
    "name",
    "summary",
    "category",
    "steps",
];
const STEP_FIELDS: &[&str] = &[
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

impl Reader<'_> {
    fn line_of(&self, span: &Range<usize>) -> usize {
        self.line_index.line_of(span.start.min(self.text.len()))
    }

    fn problem(&mut self, span: &Range<usize>, field: &str, message: String) {
        let line = Some(self.line_of(span));
        self.problems.push(Problem {
            line,
            field: field.to_owned(),
            message,
        });
    }

    fn routine(&mut self, document: &Spanned<DeTable<'_>>) -> Option<Routine> {
        let table = document.get_ref();
        let whole = document.span();
        self.unknown_fields(table, "", ROUTINE_FIELDS);
        let version = self.integer(table, &whole, "", "format_version", None);
        if let Some(version) = version {
            if version > FORMAT_VERSION {
                self.problem(
                    &whole,
                    "format_version",
                    format!(
                        "this file uses format {version}, made by a newer Unknot; this version reads format {FORMAT_VERSION}"
                    ),
                );
            } else if version < 1 {
                self.problem(
                    &whole,
                    "format_version",
                    "the format version must be 1".into(),
                );
            }
        }
        let id = self.string(table, &whole, "", "id", None);
        let name = self.string(table, &whole, "", "name", None);
        let summary = self.string(table, &whole, "", "summary", Some(""));
        let category = self.choice(table, &whole, "", "category", CATEGORIES, None);
        let steps = self.steps(table, &whole);
        Some(Routine {
            id: id?,
            name: name?,
            summary: summary?,
            category: category?,
            steps: steps?,
        })
    }

    fn steps(&mut self, table: &DeTable<'_>, whole: &Range<usize>) -> Option<Vec<Step>> {
        let Some(value) = table.get("steps") else {
            self.problem(
                whole,
                "steps",
                "the routine has no steps: add at least one [[steps]] table".into(),
            );
            return None;
        };
        self.lines
            .insert("steps".into(), self.line_of(&value.span()));
        let DeValue::Array(items) = value.get_ref() else {
            self.problem(
                &value.span(),
                "steps",
                "`steps` must be a list of [[steps]] tables".into(),
            );
            return None;
        };
        let mut steps = Some(Vec::with_capacity(items.len()));
        for (index, item) in items.iter().enumerate() {
            let step = self.step(item, index + 1);
            match (step, steps.as_mut()) {
                (Some(step), Some(list)) => list.push(step),
                _ => steps = None,
            }
        }
        steps
    }

    fn step(&mut self, item: &Spanned<DeValue<'_>>, number: usize) -> Option<Step> {
        let path = format!("steps[{number}]");
        let span = item.span();
        let DeValue::Table(table) = item.get_ref() else {
            self.problem(&span, &path, "each step must be a [[steps]] table".into());
            return None;
        };
        self.lines.insert(path.clone(), self.line_of(&span));
        self.unknown_fields(table, &path, STEP_FIELDS);
        let name = self.string(table, &span, &path, "name", None);
        let kind = self.choice(table, &span, &path, "kind", KINDS, None);
        let position = self.choice(table, &span, &path, "position", POSITIONS, None);
        let equipment = self.choice(
            table,
            &span,
            &path,
            "equipment",
            EQUIPMENT,
            Some(Equipment::None),
        );
        let hold = self.integer(table, &span, &path, "hold_seconds", None);
        let reps = self.integer(table, &span, &path, "reps", Some(1));
        let rest = self.integer(table, &span, &path, "rest_seconds", Some(0));
        let per_side = self.boolean(table, &span, &path, "per_side", Some(false));
        let instructions = self.string(table, &span, &path, "instructions", None);
        let caution = self.string(table, &span, &path, "caution", Some(""));
        Some(Step {
            name: name?,
            kind: kind?,
            instructions: instructions?,
            caution: caution?,
            hold_secs: self.seconds(hold?, &span, &path, "hold_seconds")?,
            reps: self.seconds(reps?, &span, &path, "reps")?,
            rest_secs: self.seconds(rest?, &span, &path, "rest_seconds")?,
            per_side: per_side?,
            equipment: equipment?,
            position: position?,
        })
    }

    fn unknown_fields(&mut self, table: &DeTable<'_>, path: &str, known: &[&str]) {
        for key in table.keys() {
            if !known.contains(&key.get_ref().as_ref()) {
                let field = join(path, key.get_ref());
                self.problem(
                    &key.span(),
                    &field,
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
        path: &str,
        key: &str,
        required: bool,
    ) -> Option<&'v Spanned<DeValue<'i>>> {
        let field = join(path, key);
        if let Some(value) = table.get(key) {
            let line = self.line_of(&value.span());
            self.lines.insert(field, line);
            Some(value)
        } else {
            if required {
                self.problem(whole, &field, format!("the field `{key}` is missing"));
            }
            None
        }
    }

    fn string(
        &mut self,
        table: &DeTable<'_>,
        whole: &Range<usize>,
        path: &str,
        key: &str,
        default: Option<&str>,
    ) -> Option<String> {
        let Some(value) = self.lookup(table, whole, path, key, default.is_none()) else {
            return default.map(str::to_owned);
        };
        if let DeValue::String(text) = value.get_ref() {
            Some(text.to_string())
        } else {
            self.problem(
                &value.span(),
                &join(path, key),
                "this must be text in quotes".into(),
            );
            None
        }
    }

    fn integer(
        &mut self,
        table: &DeTable<'_>,
        whole: &Range<usize>,
        path: &str,
        key: &str,
        default: Option<i64>,
    ) -> Option<i64> {
        let Some(value) = self.lookup(table, whole, path, key, default.is_none()) else {
            return default;
        };
        let parsed = match value.get_ref() {
            DeValue::Integer(int) => i64::from_str_radix(int.as_str(), int.radix()).ok(),
            _ => None,
        };
        if parsed.is_none() {
            self.problem(
                &value.span(),
                &join(path, key),
                "this must be a whole number, without quotes".into(),
            );
        }
        parsed
    }

    /// Converts a whole number read from the file into a count of seconds or repetitions.
    /// Values that do not fit are reported; range checks happen in validation.
    fn seconds(&mut self, value: i64, span: &Range<usize>, path: &str, key: &str) -> Option<u32> {
        if let Ok(fitting) = u32::try_from(value) {
            Some(fitting)
        } else {
            let field = join(path, key);
            let line = self.lines.get(&field).copied();
            let message = if value < 0 {
                "this cannot be negative".to_owned()
            } else {
                format!("{value} is far too large")
            };
            match line {
                Some(line) => self.problems.push(Problem {
                    line: Some(line),
                    field,
                    message,
                }),
                None => self.problem(span, &field, message),
            }
            None
        }
    }

    fn boolean(
        &mut self,
        table: &DeTable<'_>,
        whole: &Range<usize>,
        path: &str,
        key: &str,
        default: Option<bool>,
    ) -> Option<bool> {
        let Some(value) = self.lookup(table, whole, path, key, default.is_none()) else {
            return default;
        };
        if let DeValue::Boolean(flag) = value.get_ref() {
            Some(*flag)
        } else {
            self.problem(
                &value.span(),
                &join(path, key),
                "this must be true or false, without quotes".into(),
            );
            None
        }
    }

    fn choice<T: Copy>(
        &mut self,
        table: &DeTable<'_>,
        whole: &Range<usize>,
        path: &str,
        key: &str,
        options: &[(&str, T)],
        default: Option<T>,
    ) -> Option<T> {
        let Some(value) = self.lookup(table, whole, path, key, default.is_none()) else {
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
                &join(path, key),
                format!("this must be one of {}", words.join(", ")),
            );
        }
        found
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

const CATEGORIES: &[(&str, Category)] = &[
    ("stretch", Category::Stretch),
    ("self-massage", Category::SelfMassage),
    ("mixed", Category::Mixed),
];
const KINDS: &[(&str, StepKind)] = &[
    ("stretch", StepKind::Stretch),
    ("self-massage", StepKind::SelfMassage),
    ("rest", StepKind::Rest),
];
const POSITIONS: &[(&str, Position)] = &[
    ("on-back", Position::OnBack),
    ("on-front", Position::OnFront),
    ("hands-and-knees", Position::HandsAndKnees),
    ("half-kneeling", Position::HalfKneeling),
    ("sitting", Position::Sitting),
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
];

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

#[derive(Serialize)]
struct StepOut<'a> {
    name: &'a str,
    kind: StepKind,
    position: Position,
    equipment: Equipment,
    hold_seconds: u32,
    reps: u32,
    rest_seconds: u32,
    per_side: bool,
    instructions: &'a str,
    caution: &'a str,
}

/// Writes a routine in the file format, ready to save. Parsing the result gives the same routine.
pub fn to_toml(routine: &Routine) -> Result<String, toml::ser::Error> {
    let out = RoutineOut {
        format_version: FORMAT_VERSION,
        id: &routine.id,
        name: &routine.name,
        summary: &routine.summary,
        category: routine.category,
        steps: routine
            .steps
            .iter()
            .map(|s| StepOut {
                name: &s.name,
                kind: s.kind,
                position: s.position,
                equipment: s.equipment,
                hold_seconds: s.hold_secs,
                reps: s.reps,
                rest_seconds: s.rest_secs,
                per_side: s.per_side,
                instructions: &s.instructions,
                caution: &s.caution,
            })
            .collect(),
    };
    toml::to_string_pretty(&out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::routine::model::tests::{routine, step};

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
        assert_eq!(parsed.id, "morning");
        assert_eq!(parsed.steps.len(), 1);
        let s = &parsed.steps[0];
        assert_eq!(
            (s.hold_secs, s.reps, s.rest_secs, s.per_side),
            (20, 2, 0, true)
        );
        assert_eq!((s.equipment, s.caution.as_str()), (Equipment::None, ""));
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
            .replace("format_version = 1", "format_version = 2")
            .replace("name = \"Knee to chest\"\n", "");
        let shown: Vec<String> = parse_routine(&bad)
            .expect_err("invalid")
            .iter()
            .map(ToString::to_string)
            .collect();
        assert!(
            shown
                .iter()
                .any(|p| p.contains("format 2, made by a newer Unknot")),
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
        let mut original = routine(vec![
            step("A \"quoted\" name", 30, 3, true),
            step("B", 5, 10, false),
        ]);
        original.steps[0].instructions =
            "Line one.\nLine two with 'quotes' and \\ backslash.".into();
        let text = to_toml(&original).expect("serialises");
        assert!(text.starts_with("format_version = 1\n"));
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
