//! The figures drawn from the history, and the text that says each one.
//!
//! [`Figures::compute`] takes the records (in any order) and today's local date and works out,
//! in one pass over the records: a calendar of the last N weeks (a day a cell, Monday first,
//! ending with the current week), this week's days, the current and longest streak of active
//! days, totals (all time, the last 7 days, the calendar's weeks) and the pain trend (each rated
//! session's before and after, and a weekly average). Every chart in the History screen and
//! every line of `unknot history` comes from here, so the screen, the command line and the log
//! always agree.
//!
//! A day is *active* when its sessions add up to at least [`ACTIVE_DAY_SECS`]. The current
//! streak counts active days in a row up to today, or up to yesterday while today has no session
//! yet (a streak is not lost until the day is over). Sessions count for the local date they
//! started on.
//!
//! Pain before and after are compared only over the sessions rated both times (a before from
//! one session is never averaged against an after from another), and the count is always
//! said: [`PainAverages::words`] and [`PainAverages::difference`] are the one place these
//! words are made, for the screen and the command line alike. The text describes what was
//! entered, in plain numbers, and gives no advice.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use jiff::civil::{Date, Weekday};

use super::{Ending, LocalStart, PainRating, SessionRecord};

/// The least time on a day, in seconds, for it to count as active.
pub const ACTIVE_DAY_SECS: u32 = 60;
/// How many weeks the calendar shows unless asked otherwise.
pub const DEFAULT_WEEKS: u32 = 12;
/// The most weeks a calendar can show (ten years).
pub const MAX_WEEKS: u32 = 520;

/// One day's sessions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DayTotal {
    /// The local date.
    pub date: Date,
    /// How many sessions started on it.
    pub sessions: u32,
    /// Their actual length added up, seconds.
    pub secs: u32,
    /// Whether the day is after today (a calendar's last week runs to Sunday).
    pub future: bool,
}

impl DayTotal {
    fn empty(date: Date, today: Date) -> Self {
        Self {
            date,
            sessions: 0,
            secs: 0,
            future: date > today,
        }
    }

    /// Whether the day counts as active (see [`ACTIVE_DAY_SECS`]).
    #[must_use]
    pub fn active(&self) -> bool {
        self.secs >= ACTIVE_DAY_SECS
    }

    /// How dark its calendar cell is: 0 for no session, then 1 (under 10 min), 2 (10–19),
    /// 3 (20–29) and 4 (30 min or more).
    #[must_use]
    pub fn level(&self) -> u8 {
        match (self.sessions, self.secs / 60) {
            (0, _) => 0,
            (_, 0..10) => 1,
            (_, 10..20) => 2,
            (_, 20..30) => 3,
            _ => 4,
        }
    }
}

/// Counts over a span of days.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    /// Sessions.
    pub sessions: u32,
    /// Of which finished.
    pub finished: u32,
    /// Of which stopped part-way.
    pub stopped: u32,
    /// Of which ended by closing the app.
    pub app_closed: u32,
    /// Actual time added up, seconds.
    pub secs: u64,
    /// Active days.
    pub active_days: u32,
    /// The first day with a session.
    pub first_day: Option<Date>,
}

impl Totals {
    fn add(&mut self, record: &SessionRecord) {
        self.sessions += 1;
        match record.ending {
            Ending::Finished => self.finished += 1,
            Ending::Stopped => self.stopped += 1,
            Ending::AppClosed => self.app_closed += 1,
        }
        self.secs += u64::from(record.actual_seconds);
        let day = record.start.date();
        if self.first_day.is_none_or(|first| day < first) {
            self.first_day = Some(day);
        }
    }
}

/// Active days in a row.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Streaks {
    /// Active days in a row up to today (or yesterday, while today has none yet).
    pub current: u32,
    /// The longest such run ever.
    pub longest: u32,
    /// The last day of the longest run (the latest, if several are as long).
    pub longest_end: Option<Date>,
}

/// One rated session, for the pain chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PainPoint {
    /// When it started.
    pub start: LocalStart,
    /// The rating before, if given.
    pub before: Option<PainRating>,
    /// The rating after, if given.
    pub after: Option<PainRating>,
}

/// One week's average ratings, over the sessions that week rated both before and after.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WeekPain {
    /// The Monday the week starts on.
    pub monday: Date,
    /// The average rating before, if any session that week was rated both times.
    pub before: Option<f32>,
    /// The average rating after, over the same sessions.
    pub after: Option<f32>,
}

/// Average ratings over a span of days. Before and after are averaged over the same sessions,
/// those rated both times, so they compare.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct PainAverages {
    /// Sessions rated both before and after.
    pub paired: u32,
    /// Their average before.
    pub paired_before: Option<f32>,
    /// Their average after.
    pub paired_after: Option<f32>,
    /// Sessions with any rating (before, after or both).
    pub rated_sessions: u32,
}

impl PainAverages {
    /// "6 before and 4 after on average, over 3 sessions rated before and after"; or, with no
    /// session rated both times, why nothing is compared. `None` without any rating.
    #[must_use]
    pub fn words(&self) -> Option<String> {
        match (self.paired_before, self.paired_after) {
            (Some(before), Some(after)) => Some(format!(
                "{} before and {} after on average, over {} rated before and after",
                rating_text(before),
                rating_text(after),
                count(self.paired, "session")
            )),
            _ if self.rated_sessions > 0 => Some(format!(
                "rated in {}, none both before and after, so before and after are not compared",
                count(self.rated_sessions, "session")
            )),
            _ => None,
        }
    }

    /// How after compares with before over the paired sessions, plainly: "2 points lower
    /// after, on average", "0.5 points higher after, on average", "the same before and after,
    /// on average". `None` without a paired session.
    #[must_use]
    pub fn difference(&self) -> Option<String> {
        let (before, after) = (self.paired_before?, self.paired_after?);
        let change = rating_text((after - before).abs());
        if change == "0" {
            return Some("the same before and after, on average".to_owned());
        }
        let points = if change == "1" { "point" } else { "points" };
        let way = if after < before { "lower" } else { "higher" };
        Some(format!("{change} {points} {way} after, on average"))
    }
}

/// Running sums for [`PainAverages`].
#[derive(Clone, Copy, Debug, Default)]
struct PainSums {
    paired: u32,
    paired_before: u32,
    paired_after: u32,
    rated_sessions: u32,
}

impl PainSums {
    fn add(&mut self, record: &SessionRecord) {
        let (before, after) = (record.pain_before, record.pain_after);
        if let (Some(b), Some(a)) = (before, after) {
            self.paired += 1;
            self.paired_before += u32::from(b.value());
            self.paired_after += u32::from(a.value());
        }
        if before.is_some() || after.is_some() {
            self.rated_sessions += 1;
        }
    }

    fn averages(self) -> PainAverages {
        let mean = |sum: u32, n: u32| (n > 0).then(|| sum as f32 / n as f32);
        PainAverages {
            paired: self.paired,
            paired_before: mean(self.paired_before, self.paired),
            paired_after: mean(self.paired_after, self.paired),
            rated_sessions: self.rated_sessions,
        }
    }
}

/// Everything the History screen and `unknot history` show.
#[derive(Clone, Debug, PartialEq)]
pub struct Figures {
    /// The local date the figures were computed for.
    pub today: Date,
    /// How many weeks the calendar covers.
    pub weeks: u32,
    /// `weeks × 7` days, Monday first, ending with this week's Sunday.
    pub calendar: Vec<DayTotal>,
    /// Streaks of active days (over the whole history).
    pub streaks: Streaks,
    /// Totals over the whole history.
    pub all_time: Totals,
    /// Totals over the last 7 days, today included.
    pub last_7_days: Totals,
    /// Totals over the calendar's weeks.
    pub in_calendar: Totals,
    /// The rated sessions in the calendar's weeks, oldest first.
    pub pain_points: Vec<PainPoint>,
    /// Average ratings per calendar week, oldest first.
    pub pain_weeks: Vec<WeekPain>,
    /// Average ratings over the last 7 days.
    pub pain_last_7_days: PainAverages,
    /// Average ratings over the calendar's weeks.
    pub pain_in_calendar: PainAverages,
}

/// Days since 1970-01-01 for a date (proleptic Gregorian; exact for every `jiff` date).
fn day_number(date: Date) -> i64 {
    let (y, m, d) = (
        i64::from(date.year()),
        i64::from(date.month()),
        i64::from(date.day()),
    );
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let day_of_year = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The date `days` after `date` (before, if negative), saturating at jiff's range.
fn add_days(date: Date, days: i64) -> Date {
    date.saturating_add(jiff::Span::new().days(days))
}

impl Figures {
    /// The figures for `records` (any order), seen on local date `today`, with a calendar of
    /// `weeks` weeks (brought into 1–[`MAX_WEEKS`]).
    #[must_use]
    pub fn compute(records: &[SessionRecord], today: Date, weeks: u32) -> Self {
        let weeks = weeks.clamp(1, MAX_WEEKS);
        let today_n = day_number(today);
        let monday = add_days(today, -i64::from(today.weekday().to_monday_zero_offset()));
        let first = add_days(monday, -7 * i64::from(weeks - 1));
        let first_n = day_number(first);
        let days = i64::from(weeks) * 7;

        let mut calendar: Vec<DayTotal> = (0..days)
            .map(|i| DayTotal::empty(add_days(first, i), today))
            .collect();
        let mut per_day: BTreeMap<i64, u32> = BTreeMap::new();
        let (mut all_time, mut last_7_days, mut in_calendar) =
            (Totals::default(), Totals::default(), Totals::default());
        let (mut pain_7, mut pain_calendar) = (PainSums::default(), PainSums::default());
        let mut week_sums = vec![PainSums::default(); weeks as usize];
        let mut pain_points = Vec::new();

        for record in records {
            let n = day_number(record.start.date());
            all_time.add(record);
            let secs = per_day.entry(n).or_insert(0);
            *secs = secs.saturating_add(record.actual_seconds);
            if (today_n - 6..=today_n).contains(&n) {
                last_7_days.add(record);
                pain_7.add(record);
            }
            let offset = n - first_n;
            if (0..days).contains(&offset) {
                let index = offset as usize;
                in_calendar.add(record);
                pain_calendar.add(record);
                let cell = &mut calendar[index];
                cell.sessions += 1;
                cell.secs = cell.secs.saturating_add(record.actual_seconds);
                week_sums[index / 7].add(record);
                if record.pain_before.is_some() || record.pain_after.is_some() {
                    pain_points.push(PainPoint {
                        start: record.start,
                        before: record.pain_before,
                        after: record.pain_after,
                    });
                }
            }
        }
        pain_points.sort_by_key(|p| (p.start.date(), p.start.at));

        let active: Vec<i64> = per_day
            .iter()
            .filter(|&(_, &secs)| secs >= ACTIVE_DAY_SECS)
            .map(|(&n, _)| n)
            .collect();
        let count_in = |from: i64, to: i64| {
            per_day
                .range(from..=to)
                .filter(|&(_, &s)| s >= ACTIVE_DAY_SECS)
                .count() as u32
        };
        all_time.active_days = active.len() as u32;
        last_7_days.active_days = count_in(today_n - 6, today_n);
        in_calendar.active_days = count_in(first_n, first_n + days - 1);
        let streaks = streaks(&active, today_n, today);

        let pain_weeks = week_sums
            .iter()
            .enumerate()
            .map(|(week, sums)| {
                let averages = sums.averages();
                WeekPain {
                    monday: calendar[week * 7].date,
                    before: averages.paired_before,
                    after: averages.paired_after,
                }
            })
            .collect();
        Self {
            today,
            weeks,
            calendar,
            streaks,
            all_time,
            last_7_days,
            in_calendar,
            pain_points,
            pain_weeks,
            pain_last_7_days: pain_7.averages(),
            pain_in_calendar: pain_calendar.averages(),
        }
    }

    /// This week's seven days, Monday to Sunday.
    #[must_use]
    pub fn this_week(&self) -> &[DayTotal] {
        &self.calendar[self.calendar.len() - 7..]
    }

    /// The headline: "Last 7 days: 5 sessions, 38 min; back pain 6 before and 4 after on
    /// average, over 4 sessions rated before and after."
    ///
    /// In words, not arrows, so a screen reader reads it well and every font can show it.
    #[must_use]
    pub fn headline(&self) -> String {
        let totals = &self.last_7_days;
        if totals.sessions == 0 {
            return "Last 7 days: no sessions.".to_owned();
        }
        let mut text = format!(
            "Last 7 days: {}, {}",
            count(totals.sessions, "session"),
            duration_text(totals.secs)
        );
        if let Some(pain) = self.pain_last_7_days.words() {
            let _ = write!(text, "; back pain {pain}");
        }
        text.push('.');
        text
    }

    /// What the calendar shows, in words (also its screen-reader description).
    #[must_use]
    pub fn calendar_summary(&self) -> String {
        let totals = &self.in_calendar;
        let shown = self.calendar.iter().filter(|d| !d.future).count();
        let mut text = format!(
            "Last {}: {} of {shown}, {}, {}.",
            count(self.weeks, "week"),
            count(totals.active_days, "active day"),
            count(totals.sessions, "session"),
            duration_text(totals.secs)
        );
        if let Some(most) = self
            .calendar
            .iter()
            .filter(|d| d.sessions > 0)
            .max_by_key(|d| (d.secs, d.date))
        {
            let _ = write!(
                text,
                " Most in one day: {} on {}.",
                duration_text(u64::from(most.secs)),
                day_label(most.date)
            );
        }
        text
    }

    /// This week by day, in words: "This week: 24 min in 3 sessions. Mon 10 min, Tue none, …"
    /// (days after today are left out).
    #[must_use]
    pub fn week_summary(&self) -> String {
        let days = self.this_week();
        let secs: u64 = days.iter().map(|d| u64::from(d.secs)).sum();
        let sessions: u32 = days.iter().map(|d| d.sessions).sum();
        let mut text = if sessions == 0 {
            "This week: no sessions yet.".to_owned()
        } else {
            format!(
                "This week: {} in {}.",
                duration_text(secs),
                count(sessions, "session")
            )
        };
        let listed: Vec<String> = days
            .iter()
            .filter(|d| !d.future)
            .map(|d| {
                let amount = if d.sessions == 0 {
                    "none".to_owned()
                } else {
                    duration_text(u64::from(d.secs))
                };
                format!("{} {amount}", weekday_short(d.date.weekday()))
            })
            .collect();
        let _ = write!(text, " {}.", listed.join(", "));
        text
    }

    /// The streaks, in words.
    #[must_use]
    pub fn streak_summary(&self) -> String {
        let s = &self.streaks;
        if s.longest == 0 {
            return "No streak yet: a streak counts days in a row with at least 1 minute."
                .to_owned();
        }
        let mut text = if s.current == 0 {
            "Current streak: none".to_owned()
        } else {
            format!(
                "Current streak: {} in a row",
                count(s.current, "active day")
            )
        };
        if s.current > 0
            && !self
                .calendar
                .iter()
                .any(|d| d.date == self.today && d.active())
        {
            text.push_str(" (up to yesterday)");
        }
        let _ = write!(text, "; longest: {}", count(s.longest, "day"));
        if let Some(end) = s.longest_end.filter(|_| s.longest > 0) {
            if s.longest == s.current && s.current > 0 {
                text.push_str(" (this one)");
            } else {
                let _ = write!(text, " (to {})", date_label(end));
            }
        }
        text.push('.');
        text
    }

    /// The totals, in words.
    #[must_use]
    pub fn totals_summary(&self) -> String {
        let t = &self.all_time;
        if t.sessions == 0 {
            return "No sessions recorded yet.".to_owned();
        }
        let mut ends = vec![format!("{} finished", t.finished)];
        if t.stopped > 0 {
            ends.push(format!("{} stopped part-way", t.stopped));
        }
        if t.app_closed > 0 {
            ends.push(format!("{} ended by closing the app", t.app_closed));
        }
        let mut text = format!(
            "All time: {} ({}), {} over {}",
            count(t.sessions, "session"),
            ends.join(", "),
            duration_text(t.secs),
            count(t.active_days, "active day")
        );
        if let Some(first) = t.first_day {
            let _ = write!(text, ", since {}", date_label(first));
        }
        text.push('.');
        text
    }

    /// The pain trend, in words: averages before and after over the calendar's weeks (sessions
    /// rated both times), the difference, and how the weekly average moved. Describes what was
    /// entered; never advises.
    #[must_use]
    pub fn pain_summary(&self) -> String {
        let weeks = count(self.weeks, "week");
        let pain = &self.pain_in_calendar;
        let Some(words) = pain.words() else {
            return format!(
                "Back pain: no ratings in the last {weeks}. You can rate it before and after a \
                 routine (0 = no pain, 10 = worst imaginable)."
            );
        };
        let mut text = format!("Back pain over the last {weeks}: {words}.");
        if let Some(difference) = pain.difference() {
            let _ = write!(
                text,
                " That is {difference}; it describes the ratings you entered, not what caused them."
            );
        }
        let rated: Vec<(Date, f32)> = self
            .pain_weeks
            .iter()
            .filter_map(|w| w.before.map(|v| (w.monday, v)))
            .collect();
        if let (Some(first), Some(last)) = (rated.first(), rated.last())
            && rated.len() > 1
        {
            let _ = write!(
                text,
                " Weekly average before, in sessions rated both times: {} in the week of {}, {} \
                 in the week of {}.",
                rating_text(first.1),
                day_month(first.0),
                rating_text(last.1),
                day_month(last.0)
            );
        }
        text
    }
}

/// The current and longest runs of consecutive active days (`active` sorted, unique).
fn streaks(active: &[i64], today_n: i64, today: Date) -> Streaks {
    let mut result = Streaks::default();
    let mut run = 0u32;
    let mut previous: Option<i64> = None;
    let run_end_for = |end: i64, run: u32, result: &mut Streaks| {
        if run >= result.longest && run > 0 {
            result.longest = run;
            result.longest_end = Some(add_days(today, end - today_n));
        }
    };
    for &day in active {
        run = if previous == Some(day - 1) {
            run + 1
        } else {
            1
        };
        previous = Some(day);
        run_end_for(day, run, &mut result);
    }
    // The run that ends today, or yesterday while today has none yet.
    let mut current = 0;
    let mut expected = if active.binary_search(&today_n).is_ok() {
        today_n
    } else {
        today_n - 1
    };
    let mut index = active.partition_point(|&d| d <= expected);
    while index > 0 && active[index - 1] == expected {
        current += 1;
        expected -= 1;
        index -= 1;
    }
    result.current = current;
    result
}

/// "1 session", "5 sessions".
#[must_use]
pub fn count(n: u32, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// A length in words, to the nearest minute: "38 min", "6 h 10 min", "2 h", "under 1 min"
/// (for a little over nothing), "0 min".
#[must_use]
pub fn duration_text(secs: u64) -> String {
    let minutes = (secs + 30) / 60;
    match (secs, minutes) {
        (0, _) => "0 min".to_owned(),
        (_, 0) => "under 1 min".to_owned(),
        (_, 0..60) => format!("{minutes} min"),
        _ if minutes.is_multiple_of(60) => format!("{} h", minutes / 60),
        _ => format!("{} h {} min", minutes / 60, minutes % 60),
    }
}

/// A rating average to one decimal, without a trailing ".0": "6", "5.8".
#[must_use]
pub fn rating_text(value: f32) -> String {
    let tenths = (value * 10.0).round() as i32;
    if tenths % 10 == 0 {
        format!("{}", tenths / 10)
    } else {
        format!("{}.{}", tenths / 10, tenths % 10)
    }
}

/// "Mon" … "Sun".
#[must_use]
pub fn weekday_short(day: Weekday) -> &'static str {
    match day {
        Weekday::Monday => "Mon",
        Weekday::Tuesday => "Tue",
        Weekday::Wednesday => "Wed",
        Weekday::Thursday => "Thu",
        Weekday::Friday => "Fri",
        Weekday::Saturday => "Sat",
        Weekday::Sunday => "Sun",
    }
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// "3 Nov".
#[must_use]
pub fn day_month(date: Date) -> String {
    let month = MONTHS[(date.month() - 1).clamp(0, 11) as usize];
    format!("{} {month}", date.day())
}

/// "Tue 3 Nov".
#[must_use]
pub fn day_label(date: Date) -> String {
    format!("{} {}", weekday_short(date.weekday()), day_month(date))
}

/// "3 Nov 2026".
#[must_use]
pub fn date_label(date: Date) -> String {
    format!("{} {}", day_month(date), date.year())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::history::tests::record_on;
    use jiff::civil::date;

    /// Tuesday 1 December 2026.
    const TODAY: Date = date(2026, 12, 1);

    fn rated(day: Date, minutes: u32, before: u8, after: u8) -> SessionRecord {
        let mut record = record_on(day, minutes, Ending::Finished);
        record.pain_before = PainRating::new(before);
        record.pain_after = PainRating::new(after);
        record
    }

    #[test]
    fn day_numbers_match_jiff_across_centuries_and_leap_days() {
        let epoch = date(1970, 1, 1);
        for d in [
            date(1970, 1, 1),
            date(2000, 2, 29),
            date(1900, 3, 1),
            date(2026, 12, 1),
            date(1600, 1, 1),
            date(2400, 12, 31),
        ] {
            let days = epoch.until(d).expect("span").get_days();
            assert_eq!(day_number(d), i64::from(days), "{d}");
        }
    }

    #[test]
    fn a_finished_and_a_half_stopped_run_give_the_right_figures() {
        let finished = record_on(TODAY, 10, Ending::Finished);
        let mut stopped = record_on(TODAY, 0, Ending::Stopped);
        stopped.actual_seconds = 5 * 60 + 10;
        let figures = Figures::compute(&[finished, stopped], TODAY, DEFAULT_WEEKS);
        assert_eq!(figures.calendar.len(), 84);
        let today = figures.this_week()[1];
        assert_eq!(today.date, TODAY);
        assert_eq!((today.sessions, today.secs), (2, 910));
        assert_eq!(today.level(), 2);
        assert!(figures.this_week()[2].future);
        assert_eq!(figures.all_time.sessions, 2);
        assert_eq!(
            (figures.all_time.finished, figures.all_time.stopped),
            (1, 1)
        );
        assert_eq!(figures.streaks.current, 1);
        assert_eq!(figures.headline(), "Last 7 days: 2 sessions, 15 min.");
        assert_eq!(
            figures.totals_summary(),
            "All time: 2 sessions (1 finished, 1 stopped part-way), 15 min over 1 active day, since 1 Dec 2026."
        );
        assert_eq!(
            figures.week_summary(),
            "This week: 15 min in 2 sessions. Mon none, Tue 15 min."
        );
    }

    #[test]
    fn the_calendar_runs_monday_to_sunday_and_ends_with_this_week() {
        let figures = Figures::compute(&[], TODAY, 12);
        assert_eq!(figures.calendar[0].date, date(2026, 9, 14));
        assert_eq!(figures.calendar[0].date.weekday(), Weekday::Monday);
        assert_eq!(figures.calendar[83].date, date(2026, 12, 6));
        assert_eq!(figures.calendar.iter().filter(|d| d.future).count(), 5);
        assert_eq!(figures.headline(), "Last 7 days: no sessions.");
        assert_eq!(figures.totals_summary(), "No sessions recorded yet.");
        assert_eq!(
            Figures::compute(&[], date(2026, 12, 6), 1).calendar[0].date,
            date(2026, 11, 30)
        );
        assert_eq!(Figures::compute(&[], TODAY, 0).weeks, 1);
        assert_eq!(Figures::compute(&[], TODAY, 10_000).weeks, MAX_WEEKS);
    }

    #[test]
    fn the_charts_totals_equal_the_log() {
        // Sessions on every third day for a year, some outside the calendar, two a day sometimes.
        let mut records = Vec::new();
        for i in 0..365 {
            if i % 3 == 0 {
                let day = add_days(TODAY, -i);
                records.push(record_on(day, (i % 40) as u32 + 1, Ending::Finished));
                if i % 9 == 0 {
                    records.push(record_on(day, 3, Ending::AppClosed));
                }
            }
        }
        let figures = Figures::compute(&records, TODAY, 12);
        let first = figures.calendar[0].date;
        let in_range: Vec<&SessionRecord> = records
            .iter()
            .filter(|r| r.start.date() >= first && r.start.date() <= TODAY)
            .collect();
        let cell_secs: u64 = figures.calendar.iter().map(|d| u64::from(d.secs)).sum();
        let cell_sessions: u32 = figures.calendar.iter().map(|d| d.sessions).sum();
        let log_secs: u64 = in_range.iter().map(|r| u64::from(r.actual_seconds)).sum();
        assert_eq!(cell_secs, log_secs);
        assert_eq!(cell_sessions as usize, in_range.len());
        assert_eq!(figures.in_calendar.secs, log_secs);
        assert_eq!(
            figures.all_time.secs,
            records
                .iter()
                .map(|r| u64::from(r.actual_seconds))
                .sum::<u64>()
        );
        assert_eq!(figures.all_time.sessions as usize, records.len());
        let week: u64 = figures.this_week().iter().map(|d| u64::from(d.secs)).sum();
        let last_7: u64 = records
            .iter()
            .filter(|r| r.start.date() > add_days(TODAY, -7))
            .map(|r| u64::from(r.actual_seconds))
            .sum();
        // This week (Mon 30 Nov – today) lies within the last 7 days here.
        assert!(week <= last_7);
        assert_eq!(figures.last_7_days.secs, last_7);
        assert_eq!(figures.streaks.longest, 1);
    }

    #[test]
    fn streaks_count_active_days_in_a_row_and_survive_until_the_day_ends() {
        let day = |back: i64| add_days(TODAY, -back);
        // Longest: 4 days ending 20 days ago; current: yesterday and the two days before.
        let mut records: Vec<SessionRecord> = (20..24)
            .chain(1..4)
            .map(|b| record_on(day(b), 5, Ending::Finished))
            .collect();
        // A few seconds do not make a day active.
        let mut short = record_on(day(5), 0, Ending::Stopped);
        short.actual_seconds = 20;
        records.push(short);
        let figures = Figures::compute(&records, TODAY, 12);
        assert_eq!(figures.streaks.current, 3);
        assert_eq!(figures.streaks.longest, 4);
        assert_eq!(figures.streaks.longest_end, Some(day(20)));
        assert_eq!(
            figures.streak_summary(),
            "Current streak: 3 active days in a row (up to yesterday); longest: 4 days (to 11 Nov 2026)."
        );
        records.push(record_on(TODAY, 1, Ending::Finished));
        let figures = Figures::compute(&records, TODAY, 12);
        assert_eq!(figures.streaks.current, 4);
        assert_eq!(figures.streaks.longest_end, Some(TODAY));
        assert!(
            figures
                .streak_summary()
                .ends_with("longest: 4 days (this one).")
        );
        // Two days without a session end the streak.
        let figures = Figures::compute(&records, add_days(TODAY, 2), 12);
        assert_eq!(figures.streaks.current, 0);
        assert_eq!(
            figures.streak_summary(),
            "Current streak: none; longest: 4 days (to 1 Dec 2026)."
        );
        assert_eq!(
            Figures::compute(&[], TODAY, 12).streak_summary(),
            "No streak yet: a streak counts days in a row with at least 1 minute."
        );
    }

    #[test]
    fn the_pain_trend_compares_only_sessions_rated_before_and_after_and_says_how_many() {
        let records = [
            rated(TODAY, 10, 6, 4),
            rated(add_days(TODAY, -2), 10, 7, 4),
            rated(add_days(TODAY, -3), 10, 5, 4),
            rated(add_days(TODAY, -40), 10, 8, 4),
        ];
        let figures = Figures::compute(&records, TODAY, 12);
        assert_eq!(
            figures.headline(),
            "Last 7 days: 3 sessions, 30 min; back pain 6 before and 4 after on average, over 3 \
             sessions rated before and after."
        );
        assert_eq!(figures.pain_points.len(), 4);
        assert_eq!(figures.pain_points[0].before, PainRating::new(8));
        let last_week = figures.pain_weeks.last().expect("a week");
        assert_eq!(last_week.before, Some(6.0));
        assert_eq!(
            figures.pain_summary(),
            "Back pain over the last 12 weeks: 6.5 before and 4 after on average, over 4 sessions \
             rated before and after. That is 2.5 points lower after, on average; it describes \
             the ratings you entered, not what caused them. Weekly average before, in sessions \
             rated both times: 8 in the week of 19 Oct, 6 in the week of 30 Nov."
        );
        let one = Figures::compute(&[rated(TODAY, 10, 5, 4)], TODAY, 12);
        assert!(
            one.pain_summary().contains(
                "over 1 session rated before and after. That is 1 point lower after, on average;"
            ),
            "{}",
            one.pain_summary()
        );
        let higher = Figures::compute(&[rated(TODAY, 10, 2, 5)], TODAY, 12);
        assert!(
            higher
                .pain_summary()
                .contains("3 points higher after, on average")
        );
        let same = Figures::compute(&[rated(TODAY, 10, 3, 3)], TODAY, 12);
        assert!(
            same.pain_summary()
                .contains("the same before and after, on average")
        );
        assert!(
            Figures::compute(&[], TODAY, 12)
                .pain_summary()
                .starts_with("Back pain: no ratings")
        );
    }

    /// Ratings given only before in one session and only after in another are never averaged
    /// against each other: the before of one with the after of another says nothing.
    #[test]
    fn unpaired_ratings_are_counted_but_never_compared() {
        let mut before_only = record_on(TODAY, 10, Ending::Finished);
        before_only.pain_before = PainRating::new(5);
        let mut after_only = record_on(add_days(TODAY, -1), 10, Ending::Finished);
        after_only.pain_after = PainRating::new(4);
        let figures = Figures::compute(&[before_only.clone(), after_only.clone()], TODAY, 12);
        let expected = "Last 7 days: 2 sessions, 20 min; back pain rated in 2 sessions, none \
                        both before and after, so before and after are not compared.";
        assert_eq!(figures.headline(), expected);
        assert!(!figures.headline().contains("4.5"));
        assert_eq!(
            figures.pain_summary(),
            "Back pain over the last 12 weeks: rated in 2 sessions, none both before and \
             after, so before and after are not compared."
        );
        let week = figures.pain_weeks.last().expect("a week");
        assert_eq!(
            (week.before, week.after),
            (None, None),
            "the weekly lines too"
        );

        // With one session rated both times among them, only that one is compared.
        let records = [
            before_only,
            after_only,
            rated(add_days(TODAY, -2), 10, 6, 2),
            rated(add_days(TODAY, -3), 10, 9, 1),
        ];
        let figures = Figures::compute(&records, TODAY, 12);
        assert_eq!(
            figures.headline(),
            "Last 7 days: 4 sessions, 40 min; back pain 7.5 before and 1.5 after on average, \
             over 2 sessions rated before and after."
        );
        assert_eq!(figures.pain_last_7_days.rated_sessions, 4);
        assert_eq!(
            figures.pain_last_7_days.difference().as_deref(),
            Some("6 points lower after, on average")
        );
        // Those two fell on the Saturday and Sunday of last week; this week has no pair.
        let weeks = &figures.pain_weeks[figures.pain_weeks.len() - 2..];
        assert_eq!((weeks[0].before, weeks[0].after), (Some(7.5), Some(1.5)));
        assert_eq!((weeks[1].before, weeks[1].after), (None, None));
    }

    proptest::proptest! {
        /// For any sessions on any days, the calendar, this week, the last 7 days and the
        /// totals add up to exactly what the log holds in their spans.
        #[test]
        fn the_charts_add_up_to_the_log_for_any_sessions(
            sessions in proptest::collection::vec((0i64..400, 0u32..7200), 0..60),
            today_back in 0i64..30,
            weeks in 1u32..30,
        ) {
            let today = add_days(TODAY, -today_back);
            let records: Vec<SessionRecord> = sessions
                .iter()
                .map(|&(back, secs)| {
                    let mut r = record_on(add_days(TODAY, 30 - back), 0, Ending::Finished);
                    r.actual_seconds = secs;
                    r
                })
                .collect();
            let figures = Figures::compute(&records, today, weeks);
            let first = figures.calendar[0].date;
            let in_span = |from: Date, to: Date| -> (u64, usize) {
                let picked: Vec<&SessionRecord> = records
                    .iter()
                    .filter(|r| r.start.date() >= from && r.start.date() <= to)
                    .collect();
                (picked.iter().map(|r| u64::from(r.actual_seconds)).sum(), picked.len())
            };
            let end = figures.calendar[figures.calendar.len() - 1].date;
            let cells: u64 = figures.calendar.iter().map(|d| u64::from(d.secs)).sum();
            let count: u32 = figures.calendar.iter().map(|d| d.sessions).sum();
            proptest::prop_assert_eq!((cells, count as usize), in_span(first, end));
            proptest::prop_assert_eq!(figures.in_calendar.secs, in_span(first, end).0);
            let week_first = figures.this_week()[0].date;
            let week: u64 = figures.this_week().iter().map(|d| u64::from(d.secs)).sum();
            proptest::prop_assert_eq!(week, in_span(week_first, end).0);
            let seven = in_span(add_days(today, -6), today);
            proptest::prop_assert_eq!(
                (figures.last_7_days.secs, figures.last_7_days.sessions as usize),
                seven
            );
            proptest::prop_assert_eq!(figures.all_time.sessions as usize, records.len());
            proptest::prop_assert!(figures.streaks.current <= figures.streaks.longest);
            proptest::prop_assert!(figures.streaks.longest <= figures.all_time.active_days);
        }
    }

    #[test]
    fn lengths_read_in_minutes_and_hours() {
        assert_eq!(duration_text(0), "0 min");
        assert_eq!(duration_text(20), "under 1 min");
        assert_eq!(duration_text(30), "1 min");
        assert_eq!(duration_text(38 * 60 + 10), "38 min");
        assert_eq!(duration_text(3600), "1 h");
        assert_eq!(duration_text(6 * 3600 + 600), "6 h 10 min");
        assert_eq!(rating_text(6.0), "6");
        assert_eq!(rating_text(5.75), "5.8");
        assert_eq!(count(1, "day"), "1 day");
        assert_eq!(day_label(TODAY), "Tue 1 Dec");
    }

    #[test]
    fn the_calendar_summary_names_the_busiest_day() {
        let records = [
            record_on(TODAY, 12, Ending::Finished),
            record_on(add_days(TODAY, -8), 40, Ending::Finished),
        ];
        let figures = Figures::compute(&records, TODAY, 12);
        assert_eq!(
            figures.calendar_summary(),
            "Last 12 weeks: 2 active days of 79, 2 sessions, 52 min. Most in one day: 40 min on Mon 23 Nov."
        );
    }
}
