//! The history as plain text, for `unknot history`: the same summaries the History screen
//! shows, a calendar of the weeks asked for, and a table of their sessions.
//!
//! The calendar has a row per weekday (Monday first) and a column per week, oldest on the left;
//! each day is one character, darker for more minutes (the same levels as the screen's cells,
//! see [`DayTotal::level`]); days after today are blank.

use std::fmt::Write as _;

use crate::core::history::figures::{DayTotal, Figures, day_month, duration_text, weekday_short};
use crate::core::history::{PainRating, SessionRecord};
use crate::core::plan::clock;

/// The characters for the calendar levels 0–4.
pub const LEVEL_CHARS: [char; 5] = ['·', '░', '▒', '▓', '█'];

/// The whole report: summaries, calendar, this week, pain, then the sessions in the calendar's
/// weeks, oldest first.
#[must_use]
pub fn history_text(figures: &Figures, records: &[SessionRecord]) -> String {
    let mut out = String::new();
    for line in [
        figures.headline(),
        figures.streak_summary(),
        figures.totals_summary(),
    ] {
        out.push_str(&line);
        out.push('\n');
    }
    out.push('\n');
    out.push_str(&figures.calendar_summary());
    out.push('\n');
    out.push_str(&calendar_text(figures));
    out.push('\n');
    out.push_str(&figures.week_summary());
    out.push('\n');
    out.push_str(&figures.pain_summary());
    out.push_str("\n\n");
    let first = figures.calendar.first().map(|d| d.date);
    let mut shown: Vec<&SessionRecord> = records
        .iter()
        .filter(|r| first.is_some_and(|f| r.start.date() >= f) && r.start.date() <= figures.today)
        .collect();
    shown.sort_by_key(|r| r.start.at);
    if shown.is_empty() {
        let _ = writeln!(out, "No sessions in these {} weeks.", figures.weeks);
    } else {
        out.push_str(&sessions_table(&shown));
    }
    out
}

/// The calendar grid with a month line above it and a key below.
#[must_use]
pub fn calendar_text(figures: &Figures) -> String {
    let weeks: Vec<&[DayTotal]> = figures.calendar.chunks(7).collect();
    let mut out = String::new();
    // Each month's name over its first week, when there is room after the name before it.
    let mut months = vec![' '; weeks.len() + 8];
    let mut last_month = None;
    let mut free_from = 0;
    for (column, week) in weeks.iter().enumerate() {
        let month = week[0].date.month();
        if last_month != Some(month) {
            last_month = Some(month);
            if column < free_from {
                continue;
            }
            let name = day_month(week[0].date);
            let name = name.split(' ').nth(1).unwrap_or("");
            for (offset, c) in name.chars().enumerate() {
                months[column + offset] = c;
            }
            free_from = column + name.chars().count() + 1;
        }
    }
    let month_line: String = months.into_iter().collect();
    let _ = writeln!(out, "     {}", month_line.trim_end());
    for weekday in 0..7 {
        let label = weekday_short(weeks[0][weekday].date.weekday());
        let cells: String = weeks
            .iter()
            .map(|week| {
                let day = &week[weekday];
                if day.future {
                    ' '
                } else {
                    LEVEL_CHARS[usize::from(day.level())]
                }
            })
            .collect();
        let _ = writeln!(out, "{label}  {}", cells.trim_end());
    }
    let _ = writeln!(
        out,
        "     {} none  {} under 10 min  {} 10-19  {} 20-29  {} 30+",
        LEVEL_CHARS[0], LEVEL_CHARS[1], LEVEL_CHARS[2], LEVEL_CHARS[3], LEVEL_CHARS[4]
    );
    out
}

/// "6 → 4", "6 → –", "" for a session's ratings.
#[must_use]
pub fn pain_cell(record: &SessionRecord) -> String {
    let value = |r: Option<PainRating>| r.map_or("–".to_owned(), |r| r.value().to_string());
    if record.pain_before.is_none() && record.pain_after.is_none() {
        return String::new();
    }
    format!(
        "{} → {}",
        value(record.pain_before),
        value(record.pain_after)
    )
}

fn sessions_table(records: &[&SessionRecord]) -> String {
    let header = [
        "DATE", "TIME", "ROUTINE", "LENGTH", "PLANNED", "STEPS", "ENDED", "PAIN", "NOTE",
    ];
    let rows: Vec<[String; 9]> = records
        .iter()
        .map(|r| {
            let date = r.start.date();
            [
                format!(
                    "{} {} {}",
                    weekday_short(date.weekday()),
                    day_month(date),
                    date.year()
                ),
                format!("{:02}:{:02}", r.start.at.hour(), r.start.at.minute()),
                r.routine_name.clone(),
                clock(r.actual_seconds),
                clock(r.planned_seconds),
                format!(
                    "{}/{}",
                    r.steps_done.len(),
                    r.steps_done.len() + r.steps_skipped.len()
                ),
                r.ending.label().to_owned(),
                pain_cell(r),
                r.note.clone(),
            ]
        })
        .collect();
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let right = [false, false, false, true, true, true, false, false, false];
    let mut out = String::new();
    let mut line = |cells: &mut dyn Iterator<Item = &str>| {
        let mut text = String::new();
        for (index, (cell, width)) in cells.zip(&widths).enumerate() {
            if index > 0 {
                text.push_str("  ");
            }
            let pad = " ".repeat(width.saturating_sub(cell.chars().count()));
            if right[index] {
                text.push_str(&pad);
                text.push_str(cell);
            } else {
                text.push_str(cell);
                text.push_str(&pad);
            }
        }
        out.push_str(text.trim_end());
        out.push('\n');
    };
    line(&mut header.iter().copied());
    for row in &rows {
        line(&mut row.iter().map(String::as_str));
    }
    let total: u64 = records.iter().map(|r| u64::from(r.actual_seconds)).sum();
    let _ = writeln!(
        out,
        "\n{} session{}, {}",
        records.len(),
        if records.len() == 1 { "" } else { "s" },
        duration_text(total)
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::history::tests::record_on;
    use crate::core::history::{Ending, PainRating};
    use jiff::civil::date;

    #[test]
    fn the_report_has_the_summaries_a_calendar_and_the_sessions() {
        let today = date(2026, 12, 1);
        let mut rated = record_on(today, 12, Ending::Finished);
        rated.pain_before = PainRating::new(6);
        rated.pain_after = PainRating::new(4);
        let records = vec![
            record_on(date(2026, 11, 23), 35, Ending::Stopped),
            rated,
            record_on(date(2025, 1, 1), 10, Ending::Finished),
        ];
        let figures = Figures::compute(&records, today, 2);
        let text = history_text(&figures, &records);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines[0],
            "Last 7 days: 1 session, 12 min; back pain 6 before and 4 after on average, over 1 \
             session rated before and after."
        );
        assert_eq!(lines[5], "     Nov");
        assert_eq!(lines[6], "Mon  █·");
        assert_eq!(lines[7], "Tue  ·▒");
        assert_eq!(lines[8], "Wed  ·");
        assert!(
            text.contains(
                "Tue 1 Dec 2026   18:00  Desk break   12:00    10:00    1/1  finished          6 → 4"
            ),
            "{text}"
        );
        assert!(
            text.contains("Mon 23 Nov 2026  18:00  Desk break   35:00"),
            "{text}"
        );
        assert!(!text.contains("Wed 1 Jan 2025"), "{text}");
        assert!(text.ends_with("\n2 sessions, 47 min\n"), "{text}");
    }

    #[test]
    fn an_empty_history_says_so() {
        let figures = Figures::compute(&[], date(2026, 12, 1), 12);
        let text = history_text(&figures, &[]);
        assert!(text.starts_with("Last 7 days: no sessions.\n"));
        assert!(text.ends_with("No sessions in these 12 weeks.\n"));
    }
}
