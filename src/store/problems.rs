//! Problems found in a routine file, and bounds on reporting them: a line index, and a capped
//! problem list.
//!
//! A hostile file of 256 KiB can hold hundreds of thousands of problems (87,366 empty step
//! tables make 436,830 missing fields). Two things keep checking it fast and small: the line
//! of a byte offset comes from a [`LineIndex`] built once (a binary search, not a rescan of the
//! text), and [`Problems`] keeps only the first [`MAX_SHOWN_PROBLEMS`] problems in file order,
//! counting the rest, so the report ends with one "and N more" line instead of megabytes.

use std::fmt;
use std::ops::Deref;

use crate::core::routine::Field;

/// One problem found in a routine file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The 1-based line the problem is on, when known.
    pub line: Option<usize>,
    /// The field it concerns (printed as `steps[2].hold_seconds`, steps counted from 1), or
    /// [`Field::Whole`] for problems with the file as a whole.
    pub field: Field,
    /// What is wrong, in plain words.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.field == Field::Whole) {
            (Some(line), false) => write!(f, "line {line}, {}: {}", self.field, self.message),
            (Some(line), true) => write!(f, "line {line}: {}", self.message),
            (None, false) => write!(f, "{}: {}", self.field, self.message),
            (None, true) => write!(f, "{}", self.message),
        }
    }
}

/// The most problems listed for one file; the rest are counted.
pub const MAX_SHOWN_PROBLEMS: usize = 50;

/// The byte offset at which each line of a text starts, to find a line in `O(log lines)`.
#[derive(Clone, Debug, Default)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes `text` (one pass over its bytes).
    #[must_use]
    pub fn new(text: &str) -> Self {
        let starts = std::iter::once(0)
            .chain(
                text.bytes()
                    .enumerate()
                    .filter_map(|(offset, byte)| (byte == b'\n').then_some(offset + 1)),
            )
            .collect();
        Self { starts }
    }

    /// The 1-based line that byte `offset` is on (an offset past the end is on the last line).
    #[must_use]
    pub fn line_of(&self, offset: usize) -> usize {
        // The number of line starts at or before the offset; line 1 starts at 0, so at least 1.
        self.starts.partition_point(|&start| start <= offset).max(1)
    }
}

/// The problems found in a file, in file order: at most [`MAX_SHOWN_PROBLEMS`] of them (the
/// earliest by line), and how many more there were.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Problems {
    shown: Vec<Problem>,
    more: usize,
    /// The last line that was checked, when checking stopped before the end of the file.
    checked_up_to: Option<usize>,
}

impl Problems {
    /// No problems.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a problem in line order (problems without a line come first; equal lines keep the
    /// order they were added in). Past the cap, the latest by line is counted and not kept.
    pub fn push(&mut self, problem: Problem) {
        let at = self.shown.partition_point(|p| p.line <= problem.line);
        if at >= MAX_SHOWN_PROBLEMS {
            self.more += 1;
            return;
        }
        self.shown.insert(at, problem);
        if self.shown.len() > MAX_SHOWN_PROBLEMS {
            self.shown.pop();
            self.more += 1;
        }
    }

    /// Records that the file was checked only up to `line` (and no further), to say so.
    pub fn checked_up_to(&mut self, line: usize) {
        self.checked_up_to = Some(line);
    }

    /// How many problems were found, shown or not.
    #[must_use]
    pub fn total(&self) -> usize {
        self.shown.len() + self.more
    }

    /// How many problems were found beyond those kept.
    #[must_use]
    pub fn more(&self) -> usize {
        self.more
    }

    /// Whether there is no problem at all.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.total() == 0
    }

    /// The summary line for the problems not kept, such as "and 12 more problems", and for a
    /// check that stopped early, up to which line it went; `None` if there is nothing to say.
    #[must_use]
    pub fn more_line(&self) -> Option<String> {
        let more = match self.more {
            0 => None,
            1 => Some("and 1 more problem".to_owned()),
            n => Some(format!("and {} more problems", thousands(n))),
        };
        match (more, self.checked_up_to) {
            (more, None) => more,
            (Some(more), Some(line)) => Some(format!(
                "{more} up to line {}; the rest of the file was not checked: fix these, then check again",
                thousands(line)
            )),
            (None, Some(line)) => Some(format!(
                "the file was checked only up to line {}: fix these, then check again",
                thousands(line)
            )),
        }
    }
}

impl Deref for Problems {
    type Target = [Problem];

    fn deref(&self) -> &[Problem] {
        &self.shown
    }
}

impl From<Vec<Problem>> for Problems {
    fn from(list: Vec<Problem>) -> Self {
        let mut problems = Self::new();
        for problem in list {
            problems.push(problem);
        }
        problems
    }
}

impl fmt::Display for Problems {
    /// One problem per line, then the "and N more" line if there were more.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, problem) in self.shown.iter().enumerate() {
            if index > 0 {
                writeln!(f)?;
            }
            write!(f, "{problem}")?;
        }
        if let Some(more) = self.more_line() {
            if !self.shown.is_empty() {
                writeln!(f)?;
            }
            write!(f, "{more}")?;
        }
        Ok(())
    }
}

/// `1234567` as `1,234,567`.
pub(crate) fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(line: Option<usize>, message: &str) -> Problem {
        Problem {
            line,
            field: Field::Whole,
            message: message.to_owned(),
        }
    }

    #[test]
    fn lines_are_found_by_offset() {
        let index = LineIndex::new("a\nbc\n\nd");
        let lines: Vec<usize> = (0..=8).map(|o| index.line_of(o)).collect();
        // a \n b c \n \n d (end) (past the end)
        assert_eq!(lines, [1, 1, 2, 2, 2, 3, 4, 4, 4]);
        assert_eq!(LineIndex::new("").line_of(0), 1);
    }

    #[test]
    fn the_index_agrees_with_counting_newlines() {
        let text = "x = 1\n\n[[steps]]\nname = \"é\"\r\n\nend";
        let index = LineIndex::new(text);
        for offset in 0..=text.len() {
            // What the index replaces: counting the lines before the offset, every time.
            let counted = text.as_bytes()[..offset].split(|&b| b == b'\n').count();
            assert_eq!(index.line_of(offset), counted, "offset {offset}");
        }
    }

    #[test]
    fn problems_keep_file_order_and_the_earliest_fifty() {
        let mut problems = Problems::new();
        for line in (1..=120).rev() {
            problems.push(at(Some(line), &format!("p{line}")));
        }
        problems.push(at(None, "whole file"));
        problems.push(at(Some(3), "second on line 3"));
        assert_eq!(problems.total(), 122);
        assert_eq!(problems.len(), MAX_SHOWN_PROBLEMS);
        assert_eq!(problems.more(), 72);
        let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
        assert_eq!(
            messages[..5],
            ["whole file", "p1", "p2", "p3", "second on line 3"]
        );
        assert_eq!(messages[49], "p48");
        assert_eq!(
            problems.more_line().as_deref(),
            Some("and 72 more problems")
        );
    }

    #[test]
    fn a_check_that_stopped_early_says_where() {
        let mut problems = Problems::from(vec![at(Some(2), "b")]);
        problems.checked_up_to(1_500);
        assert_eq!(
            problems.to_string(),
            "line 2: b\nthe file was checked only up to line 1,500: fix these, then check again"
        );
        for line in 3..60 {
            problems.push(at(Some(line), "c"));
        }
        assert_eq!(
            problems.more_line().as_deref(),
            Some(
                "and 8 more problems up to line 1,500; the rest of the file was not checked: fix these, then check again"
            )
        );
    }

    #[test]
    fn a_short_list_has_no_more_line() {
        let problems = Problems::from(vec![at(Some(2), "b"), at(Some(1), "a")]);
        assert_eq!(problems.to_string(), "line 1: a\nline 2: b");
        assert_eq!(problems.more_line(), None);
        assert!(Problems::new().is_empty());
    }

    #[test]
    fn large_counts_are_grouped_by_thousands() {
        assert_eq!(thousands(436_780), "436,780");
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }
}
