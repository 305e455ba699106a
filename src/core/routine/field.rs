//! Where in a routine something is: the field a problem concerns, named by a type rather than
//! a path string, so the editor, the file reader and validation agree on it by construction.
//!
//! A [`Field`] prints as the path a person reads in a routine file (`steps[2].hold_seconds`,
//! steps counted from 1), and that printed form is the only place the path syntax is written.

use std::fmt;

/// A key of a routine file, at the top level or in a step, as the file spells it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Key {
    /// `format_version`.
    FormatVersion,
    /// `id`.
    Id,
    /// `technique`.
    Technique,
    /// `name`.
    Name,
    /// `summary`.
    Summary,
    /// `category`.
    Category,
    /// `steps`.
    Steps,
    /// `kind`.
    Kind,
    /// `pattern`.
    Pattern,
    /// `sides`.
    Sides,
    /// `position`.
    Position,
    /// `equipment`.
    Equipment,
    /// `hold_seconds`.
    HoldSeconds,
    /// `tempo_seconds`.
    TempoSeconds,
    /// `reps`.
    Reps,
    /// `rest_seconds`.
    RestSeconds,
    /// `per_side` (format 1).
    PerSide,
    /// `importance`.
    Importance,
    /// `instructions`.
    Instructions,
    /// `caution`.
    Caution,
    /// A key this version does not know, as it was written.
    Unknown(String),
}

/// Every known key with its spelling in the file: the one table of spellings.
const SPELLINGS: &[(Key, &str)] = &[
    (Key::FormatVersion, "format_version"),
    (Key::Id, "id"),
    (Key::Technique, "technique"),
    (Key::Name, "name"),
    (Key::Summary, "summary"),
    (Key::Category, "category"),
    (Key::Steps, "steps"),
    (Key::Kind, "kind"),
    (Key::Pattern, "pattern"),
    (Key::Sides, "sides"),
    (Key::Position, "position"),
    (Key::Equipment, "equipment"),
    (Key::HoldSeconds, "hold_seconds"),
    (Key::TempoSeconds, "tempo_seconds"),
    (Key::Reps, "reps"),
    (Key::RestSeconds, "rest_seconds"),
    (Key::PerSide, "per_side"),
    (Key::Importance, "importance"),
    (Key::Instructions, "instructions"),
    (Key::Caution, "caution"),
];

impl Key {
    /// The key a file's text names: a known key, or [`Key::Unknown`] with the text as written.
    #[must_use]
    pub fn from_file(text: &str) -> Self {
        SPELLINGS
            .iter()
            .find(|(_, spelling)| *spelling == text)
            .map_or_else(|| Self::Unknown(text.to_owned()), |(key, _)| key.clone())
    }

    /// How the file spells the key.
    #[must_use]
    pub fn spelling(&self) -> &str {
        match self {
            Self::Unknown(text) => text,
            known => SPELLINGS
                .iter()
                .find(|(key, _)| key == known)
                .map_or("", |(_, spelling)| spelling),
        }
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.spelling())
    }
}

/// Where a problem is: the routine as a whole, one of its own fields, a step, or a field of a
/// step.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// The routine or file as a whole.
    Whole,
    /// A field of the routine itself (`name`, `steps`, …).
    Routine(Key),
    /// Step `number` (counted from 1, as a person counts), or one of its fields.
    Step {
        /// The step's number, from 1.
        number: usize,
        /// The field of the step, or `None` for the step as a whole.
        key: Option<Key>,
    },
}

impl Field {
    /// A field of step `number` (from 1).
    #[must_use]
    pub fn of_step(number: usize, key: Key) -> Self {
        Self::Step {
            number,
            key: Some(key),
        }
    }

    /// The field `key` inside `scope`: the routine's own field when `scope` is `None`, else
    /// the field of step `scope` (from 1).
    #[must_use]
    pub fn in_scope(scope: Option<usize>, key: Key) -> Self {
        match scope {
            None => Self::Routine(key),
            Some(number) => Self::of_step(number, key),
        }
    }

    /// The key the field ends in, when it is a field rather than a whole routine or step.
    #[must_use]
    pub fn key(&self) -> Option<&Key> {
        match self {
            Self::Whole | Self::Step { key: None, .. } => None,
            Self::Routine(key) | Self::Step { key: Some(key), .. } => Some(key),
        }
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Whole => Ok(()),
            Self::Routine(key) => write!(f, "{key}"),
            Self::Step { number, key: None } => write!(f, "steps[{number}]"),
            Self::Step {
                number,
                key: Some(key),
            } => write!(f, "steps[{number}].{key}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_print_as_the_paths_a_file_uses() {
        assert_eq!(Field::Whole.to_string(), "");
        assert_eq!(Field::Routine(Key::Name).to_string(), "name");
        assert_eq!(
            Field::of_step(2, Key::HoldSeconds).to_string(),
            "steps[2].hold_seconds"
        );
        assert_eq!(
            Field::Step {
                number: 3,
                key: None
            }
            .to_string(),
            "steps[3]"
        );
        assert_eq!(
            Field::of_step(1, Key::from_file("colour")).to_string(),
            "steps[1].colour"
        );
    }

    #[test]
    fn every_spelling_reads_back_as_its_own_key() {
        for (key, spelling) in SPELLINGS {
            assert_eq!(&Key::from_file(spelling), key);
            assert_eq!(key.spelling(), *spelling);
        }
        assert_eq!(Key::from_file("Name"), Key::Unknown("Name".to_owned()));
    }
}
