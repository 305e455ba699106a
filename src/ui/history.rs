//! The History panel and the "How is your back right now?" question.
//!
//! [`history_ui`] draws what a [`HistoryView`] holds: the headline, a calendar strip of the last
//! weeks (a cell a day, darker for more minutes), this week by day, streaks and totals, the pain
//! trend, and the list of sessions with Delete (undone by Undo) and "Clear all" (asked first).
//! Every chart is painted, with its text summary beside it; the painted area is also an
//! accessible image node, named for what it shows, so a screen reader finds it and then reads the
//! summary next to it. The figures are computed once when the view is made
//! ([`HistoryView::new`]), not every frame.
//!
//! [`pain_rating_ui`] asks for a 0–10 rating in one tap (0 = no pain, 10 = worst imaginable),
//! with an optional note and Skip.
//!
//! Both return commands for the app to apply; neither touches files.

use egui::{
    Align, Align2, Button, Color32, CornerRadius, FontId, Frame, Label, Layout, Pos2, Rect,
    RichText, ScrollArea, Sense, Shape, Stroke, StrokeKind, TextEdit, Ui, Vec2, pos2, vec2,
};
use jiff::civil::Date;

use super::theme::{self, Palette};
use crate::core::history::figures::{DEFAULT_WEEKS, DayTotal, Figures, day_label, weekday_short};
use crate::core::history::{PAIN_MAX, PainMoment, PainRating, SessionRecord};
use crate::core::plan::clock;

/// A calendar cell's side, points.
const CELL: f32 = 13.0;
/// The gap between calendar cells.
const CELL_GAP: f32 = 3.0;
/// Height kept for the month names above the calendar.
const MONTH_ROW: f32 = 14.0;
/// Width kept for the weekday letters left of the calendar.
const DAY_LABEL_WIDTH: f32 = 30.0;
/// Width of each chart in a window up to about 1024 points wide (the summary takes the rest of
/// the row); wider windows give the charts more, up to [`CHART_MAX_WIDTH`].
pub const CHART_WIDTH: f32 = 300.0;
/// The widest a chart grows in a large window.
const CHART_MAX_WIDTH: f32 = 800.0;
/// The room kept beside a chart for its summary before the chart grows past [`CHART_WIDTH`].
const SUMMARY_ROOM: f32 = 720.0;
/// The widest the calendar's cell pitch grows, points.
const MAX_PITCH: f32 = 40.0;
/// Height of the week and pain charts.
const CHART_HEIGHT: f32 = 130.0;
/// The widest the list's pain and note column grows (longer notes are cut, shown whole on
/// hover).
const NOTE_MAX_WIDTH: f32 = 640.0;
/// The widest the list's routine column grows (longer names wrap).
const NAME_MAX_WIDTH: f32 = 460.0;
/// The narrowest the list's routine and note columns get.
const MIN_COLUMN_WIDTH: f32 = 120.0;
/// The list's date column ("Wed 30 Sep 2026, 18:00").
const DATE_WIDTH: f32 = 170.0;
/// What the list's date and Delete columns, the gaps between columns, the row's margins and
/// the scroll bar take.
const DATE_AND_DELETE_WIDTH: f32 = DATE_WIDTH + 140.0;
/// How many sessions the list shows at first, and how many more each "Show more" adds.
pub const LIST_PAGE: usize = 50;

/// What the History panel shows; the app makes it from the log and keeps it until the log
/// changes.
#[derive(Clone, Debug, PartialEq)]
pub struct HistoryView {
    /// The figures over [`DEFAULT_WEEKS`] weeks.
    pub figures: Figures,
    /// Every session, newest first.
    pub sessions: Vec<SessionRecord>,
    /// A notice to show above everything (lines that could not be read, a failed save).
    pub notice: Option<String>,
    /// The session just deleted, while it can be brought back.
    pub deleted: Option<SessionRecord>,
    /// Whether "Clear all" is asking for confirmation.
    pub confirming_clear: bool,
    /// How many sessions the list shows.
    pub listed: usize,
    /// This week's reminders: "This week: 9 reminders, 5 started" (none when there were none).
    pub reminders: Option<String>,
}

impl HistoryView {
    /// The view of `sessions` (in log order) seen on local date `today`.
    #[must_use]
    pub fn new(sessions: &[SessionRecord], today: Date) -> Self {
        let figures = Figures::compute(sessions, today, DEFAULT_WEEKS);
        let mut newest_first = sessions.to_vec();
        newest_first.sort_by_key(|r| std::cmp::Reverse(r.start.at));
        Self {
            figures,
            sessions: newest_first,
            notice: None,
            deleted: None,
            confirming_clear: false,
            listed: LIST_PAGE,
            reminders: None,
        }
    }
}

impl HistoryView {
    /// Applies the commands that only change what the panel shows (Show more, asking about
    /// and cancelling Clear all, dismissing the notice) and hands back those the app must
    /// carry out on the log or a file: [`HistoryCommand::Delete`], [`HistoryCommand::UndoDelete`],
    /// [`HistoryCommand::ConfirmClearAll`] and [`HistoryCommand::ExportCsv`].
    pub fn apply_view_command(&mut self, command: HistoryCommand) -> Option<HistoryCommand> {
        match command {
            HistoryCommand::ShowMore => self.listed = self.listed.saturating_add(LIST_PAGE),
            HistoryCommand::AskClearAll => self.confirming_clear = true,
            HistoryCommand::CancelClearAll => self.confirming_clear = false,
            HistoryCommand::DismissNotice => self.notice = None,
            HistoryCommand::Delete(_)
            | HistoryCommand::UndoDelete
            | HistoryCommand::ConfirmClearAll
            | HistoryCommand::ExportCsv => return Some(command),
        }
        None
    }
}

/// What the person asked for in the History panel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HistoryCommand {
    /// Delete this session (it can be undone).
    Delete(Box<SessionRecord>),
    /// Bring back the session just deleted.
    UndoDelete,
    /// Ask whether to delete every session.
    AskClearAll,
    /// Delete every session (asked and confirmed).
    ConfirmClearAll,
    /// Keep the sessions after all.
    CancelClearAll,
    /// Choose a file and export every session as CSV.
    ExportCsv,
    /// List [`LIST_PAGE`] more sessions.
    ShowMore,
    /// Hide the notice.
    DismissNotice,
}

/// The History panel. Returns what the person asked for, if anything.
pub fn history_ui(ui: &mut Ui, view: &HistoryView) -> Option<HistoryCommand> {
    let mut command = None;
    let palette = Palette::of(ui.visuals());
    ScrollArea::vertical()
        .id_salt("history-scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.heading("History");
            ui.label(RichText::new(view.figures.headline()).size(20.0));
            if let Some(notice) = &view.notice {
                notice_ui(ui, notice, &palette, &mut command);
            }
            ui.add_space(theme::GAP_M);
            chart_row(ui, &view.figures.calendar_summary(), |ui, width| {
                calendar_ui(ui, &view.figures, &palette, width);
            });
            chart_row(ui, &view.figures.week_summary(), |ui, width| {
                week_ui(ui, &view.figures, &palette, width);
            });
            ui.label(view.figures.streak_summary());
            ui.label(view.figures.totals_summary());
            if let Some(reminders) = &view.reminders {
                ui.label(reminders);
            }
            ui.add_space(theme::GAP_M);
            chart_row(ui, &view.figures.pain_summary(), |ui, width| {
                pain_ui(ui, &view.figures, &palette, width);
            });
            ui.add_space(theme::GAP_L);
            sessions_ui(ui, view, &palette, &mut command);
        });
    command
}

fn notice_ui(ui: &mut Ui, notice: &str, palette: &Palette, command: &mut Option<HistoryCommand>) {
    Frame::group(ui.style())
        .stroke(Stroke::new(1.0, palette.caution))
        .show(ui, |ui| {
            ui.add(Label::new(RichText::new(notice).color(palette.caution)).wrap());
            if ui.button("Dismiss").clicked() {
                *command = Some(HistoryCommand::DismissNotice);
            }
        });
}

/// How wide the charts are in a panel `available` points wide: [`CHART_WIDTH`] up to a window
/// about 1024 points wide, then growing with the room, up to [`CHART_MAX_WIDTH`].
fn chart_width(available: f32) -> f32 {
    (available - SUMMARY_ROOM).clamp(CHART_WIDTH, CHART_MAX_WIDTH)
}

/// The height of the week and pain charts `width` wide: taller as they grow wider, more slowly.
fn chart_height(width: f32) -> f32 {
    CHART_HEIGHT * (width / CHART_WIDTH).sqrt()
}

/// A chart on the left, as wide as [`chart_width`] allows, and its summary, wrapped, beside it.
fn chart_row(ui: &mut Ui, summary: &str, chart: impl FnOnce(&mut Ui, f32)) {
    let width = chart_width(ui.available_width());
    ui.horizontal_top(|ui| {
        // As wide as the chart draws (the calendar stops growing before the others), so the
        // summary stays beside it.
        ui.allocate_ui(vec2(width, 0.0), |ui| chart(ui, width));
        ui.add_space(theme::GAP_M);
        ui.vertical(|ui| {
            ui.set_max_width(ui.available_width().min(theme::READING_WIDTH));
            ui.add(Label::new(summary).wrap());
        });
    });
    ui.add_space(theme::GAP_M);
}

/// Allocates a painted chart of `size` and gives it an accessible image node called `name`.
fn chart_area(ui: &mut Ui, size: Vec2, name: &str) -> egui::Response {
    let response = ui.allocate_response(size, Sense::hover());
    theme::name_image(&response, name);
    response
}

/// The fill of a calendar cell at `level` 0–4.
fn level_colour(level: u8, palette: &Palette, ui: &Ui) -> Color32 {
    match level {
        0 => ui.visuals().widgets.inactive.bg_fill,
        1 => palette.accent.gamma_multiply(0.35),
        2 => palette.accent.gamma_multiply(0.55),
        3 => palette.accent.gamma_multiply(0.8),
        _ => palette.accent,
    }
}

/// The calendar: a column per week (oldest left), a row per weekday (Monday on top).
#[expect(
    clippy::too_many_lines,
    reason = "an egui panel reads top to bottom like the screen"
)]
fn calendar_ui(ui: &mut Ui, figures: &Figures, palette: &Palette, width: f32) {
    let weeks = figures.calendar.len().div_ceil(7);
    // The cells grow with the chart's width, from their size in a 1024-point window.
    let pitch = ((CELL + CELL_GAP) * width / CHART_WIDTH).clamp(CELL + CELL_GAP, MAX_PITCH);
    let cell_side = pitch - CELL_GAP;
    let size = vec2(
        DAY_LABEL_WIDTH + weeks as f32 * pitch,
        MONTH_ROW + 7.0 * pitch + 18.0,
    );
    let name = format!(
        "Calendar of the last {} weeks, a cell a day, darker for more minutes",
        figures.weeks
    );
    let response = chart_area(ui, size, &name);
    let painter = ui.painter_at(response.rect);
    let origin = response.rect.min + vec2(DAY_LABEL_WIDTH, MONTH_ROW);
    let small = FontId::proportional(11.0);
    let text_colour = palette.quiet;
    // Each month's name over the first week that starts in it, when there is room.
    let mut free_x = f32::NEG_INFINITY;
    for (column, week) in figures.calendar.chunks(7).enumerate() {
        let monday = week[0].date;
        let new_month = column == 0 || monday.day() <= 7;
        let x = origin.x + column as f32 * pitch;
        if new_month && x >= free_x {
            let name = crate::core::history::figures::day_month(monday);
            let month = name.split(' ').nth(1).unwrap_or("");
            let galley = painter.layout_no_wrap(month.to_owned(), small.clone(), text_colour);
            free_x = x + galley.size().x + 4.0;
            painter.galley(pos2(x, response.rect.top()), galley, text_colour);
        }
    }
    for (row, letter) in ["Mon", "", "Wed", "", "Fri", "", "Sun"].iter().enumerate() {
        painter.text(
            pos2(
                response.rect.min.x,
                origin.y + row as f32 * pitch + cell_side / 2.0,
            ),
            Align2::LEFT_CENTER,
            letter,
            small.clone(),
            text_colour,
        );
    }
    let mut hovered: Option<&DayTotal> = None;
    let hover_at = response.hover_pos();
    for (index, day) in figures.calendar.iter().enumerate() {
        let (column, row) = (index / 7, index % 7);
        let min = origin + vec2(column as f32 * pitch, row as f32 * pitch);
        let cell = Rect::from_min_size(min, Vec2::splat(cell_side));
        let radius = CornerRadius::same(2);
        if day.future {
            painter.rect_stroke(
                cell,
                radius,
                Stroke::new(1.0, ui.visuals().faint_bg_color),
                StrokeKind::Inside,
            );
        } else {
            painter.rect_filled(cell, radius, level_colour(day.level(), palette, ui));
        }
        if day.date == figures.today {
            painter.rect_stroke(
                cell.expand(1.0),
                radius,
                Stroke::new(1.5, ui.visuals().strong_text_color()),
                StrokeKind::Outside,
            );
        }
        if hover_at.is_some_and(|p| cell.expand(CELL_GAP / 2.0).contains(p)) {
            hovered = Some(day);
        }
    }
    // The key: "less ▢▢▢▢▢ more", its cells at their smallest size.
    let key_y = origin.y + 7.0 * pitch + 2.0;
    painter.text(
        pos2(origin.x, key_y + CELL / 2.0),
        Align2::LEFT_CENTER,
        "less",
        small.clone(),
        text_colour,
    );
    let mut x = origin.x + 30.0;
    for level in 0..=4 {
        let cell = Rect::from_min_size(pos2(x, key_y), Vec2::splat(CELL));
        painter.rect_filled(
            cell,
            CornerRadius::same(2),
            level_colour(level, palette, ui),
        );
        x += CELL + CELL_GAP;
    }
    painter.text(
        pos2(x + 2.0, key_y + CELL / 2.0),
        Align2::LEFT_CENTER,
        "more",
        small,
        text_colour,
    );
    if let Some(day) = hovered {
        let text = if day.future {
            format!("{}: still to come", day_label(day.date))
        } else {
            format!("{}: {}", day_label(day.date), day_text(day))
        };
        response.on_hover_text_at_pointer(text);
    }
}

/// "2 sessions, 25 min" or "no session".
fn day_text(day: &DayTotal) -> String {
    if day.sessions == 0 {
        "no session".to_owned()
    } else {
        format!(
            "{}, {}",
            crate::core::history::figures::count(day.sessions, "session"),
            crate::core::history::figures::duration_text(u64::from(day.secs))
        )
    }
}

/// This week's minutes by day, as bars with the minutes above them.
fn week_ui(ui: &mut Ui, figures: &Figures, palette: &Palette, width: f32) {
    let size = vec2(width, chart_height(width));
    let response = chart_area(ui, size, "Bar chart of this week's minutes by day");
    let painter = ui.painter_at(response.rect);
    let days = figures.this_week();
    let most = days.iter().map(|d| d.secs).max().unwrap_or(0).max(30 * 60);
    let rect = response.rect;
    let base_y = rect.bottom() - 20.0;
    let top_y = rect.top() + 18.0;
    let slot = rect.width() / 7.0;
    let small = FontId::proportional(12.0);
    painter.line_segment(
        [pos2(rect.left(), base_y), pos2(rect.right(), base_y)],
        Stroke::new(1.0, palette.quiet),
    );
    for (index, day) in days.iter().enumerate() {
        let centre = rect.left() + slot * (index as f32 + 0.5);
        let height = (base_y - top_y) * day.secs as f32 / most as f32;
        if day.secs > 0 {
            let bar = Rect::from_min_max(
                pos2(centre - slot * 0.3, base_y - height.max(2.0)),
                pos2(centre + slot * 0.3, base_y),
            );
            painter.rect_filled(bar, CornerRadius::same(2), palette.accent);
            painter.text(
                pos2(centre, bar.top() - 2.0),
                Align2::CENTER_BOTTOM,
                format!("{}", (day.secs + 30) / 60),
                small.clone(),
                ui.visuals().text_color(),
            );
        }
        let colour = if day.date == figures.today {
            ui.visuals().strong_text_color()
        } else {
            palette.quiet
        };
        painter.text(
            pos2(centre, base_y + 3.0),
            Align2::CENTER_TOP,
            weekday_short(day.date.weekday()),
            small.clone(),
            colour,
        );
    }
    painter.text(
        rect.left_top(),
        Align2::LEFT_TOP,
        "minutes",
        small,
        palette.quiet,
    );
}

/// The pain trend: each rated session's before (hollow) and after (filled) ratings by week,
/// and the weekly averages as lines (before dashed, after solid), on a 0–10 scale.
fn pain_ui(ui: &mut Ui, figures: &Figures, palette: &Palette, width: f32) {
    let size = vec2(width, chart_height(width));
    let response = chart_area(
        ui,
        size,
        &format!(
            "Chart of back pain, 0 to 10, before and after sessions over the last {} weeks",
            figures.weeks
        ),
    );
    let painter = ui.painter_at(response.rect);
    let rect = response.rect;
    let small = FontId::proportional(11.0);
    let plot = Rect::from_min_max(
        pos2(rect.left() + 20.0, rect.top() + 6.0),
        pos2(rect.right() - 4.0, rect.bottom() - 20.0),
    );
    let y_of = |value: f32| plot.bottom() - plot.height() * value / f32::from(PAIN_MAX);
    for value in [0.0, 5.0, 10.0] {
        let y = y_of(value);
        painter.line_segment(
            [pos2(plot.left(), y), pos2(plot.right(), y)],
            Stroke::new(0.5, ui.visuals().faint_bg_color),
        );
        painter.text(
            pos2(rect.left(), y),
            Align2::LEFT_CENTER,
            format!("{value}"),
            small.clone(),
            palette.quiet,
        );
    }
    let first = figures.calendar.first().map_or(figures.today, |d| d.date);
    let days = figures.calendar.len().max(1) as f32;
    let x_of_day = |date: Date| {
        let offset = first.until(date).map_or(0, |s| s.get_days()) as f32;
        plot.left() + plot.width() * (offset + 0.5) / days
    };
    let after_colour = palette.accent;
    let before_colour = palette.caution;
    for point in &figures.pain_points {
        let x = x_of_day(point.start.date());
        if let Some(before) = point.before {
            painter.circle_stroke(
                pos2(x, y_of(f32::from(before.value()))),
                3.0,
                Stroke::new(1.2, before_colour),
            );
        }
        if let Some(after) = point.after {
            painter.circle_filled(pos2(x, y_of(f32::from(after.value()))), 3.0, after_colour);
        }
    }
    let week_x = |week: usize| plot.left() + plot.width() * (week as f32 * 7.0 + 3.5) / days;
    let line = |values: Vec<Pos2>, dashed: bool, colour: Color32| -> Vec<Shape> {
        let stroke = Stroke::new(2.0, colour);
        if dashed {
            Shape::dashed_line(&values, stroke, 5.0, 3.0)
        } else {
            vec![Shape::line(values, stroke)]
        }
    };
    let before: Vec<Pos2> = figures
        .pain_weeks
        .iter()
        .enumerate()
        .filter_map(|(i, w)| w.before.map(|v| pos2(week_x(i), y_of(v))))
        .collect();
    let after: Vec<Pos2> = figures
        .pain_weeks
        .iter()
        .enumerate()
        .filter_map(|(i, w)| w.after.map(|v| pos2(week_x(i), y_of(v))))
        .collect();
    painter.extend(line(before, true, before_colour));
    painter.extend(line(after, false, after_colour));
    // The key, in words as well as colours.
    let key_y = rect.bottom() - 8.0;
    painter.circle_stroke(
        pos2(plot.left() + 4.0, key_y),
        3.0,
        Stroke::new(1.2, before_colour),
    );
    painter.text(
        pos2(plot.left() + 11.0, key_y),
        Align2::LEFT_CENTER,
        "before (weekly average dashed)",
        small.clone(),
        palette.quiet,
    );
    let after_x = plot.left() + 190.0;
    painter.circle_filled(pos2(after_x, key_y), 3.0, after_colour);
    painter.text(
        pos2(after_x + 7.0, key_y),
        Align2::LEFT_CENTER,
        "after (solid)",
        small,
        palette.quiet,
    );
}

/// The list of sessions, newest first, with Delete, Undo, Export and Clear all.
fn sessions_ui(
    ui: &mut Ui,
    view: &HistoryView,
    palette: &Palette,
    command: &mut Option<HistoryCommand>,
) {
    ui.label(RichText::new("Sessions").size(20.0).strong());
    if let Some(deleted) = &view.deleted {
        ui.horizontal(|ui| {
            ui.label(format!(
                "Deleted the session of {}, {}.",
                day_label(deleted.start.date()),
                deleted.routine_name
            ));
            if ui.button("Undo").clicked() {
                *command = Some(HistoryCommand::UndoDelete);
            }
        });
    }
    if view.sessions.is_empty() {
        ui.label(
            RichText::new("No sessions yet. Each routine you run is kept here when it ends.")
                .color(palette.quiet),
        );
        return;
    }
    ui.horizontal(|ui| {
        if ui.button("Export CSV...").clicked() {
            *command = Some(HistoryCommand::ExportCsv);
        }
        if !view.confirming_clear && ui.button("Clear all...").clicked() {
            *command = Some(HistoryCommand::AskClearAll);
        }
    });
    if view.confirming_clear {
        Frame::group(ui.style())
            .stroke(Stroke::new(1.0, palette.danger))
            .show(ui, |ui| {
                ui.label(format!(
                    "Delete all {}? This cannot be undone.",
                    crate::core::history::figures::count(view.sessions.len() as u32, "session")
                ));
                ui.horizontal(|ui| {
                    let delete = Button::new(RichText::new("Delete all").color(palette.on_accent))
                        .fill(palette.danger);
                    if ui.add(delete).clicked() {
                        *command = Some(HistoryCommand::ConfirmClearAll);
                    }
                    if ui.button("Keep them").clicked() {
                        *command = Some(HistoryCommand::CancelClearAll);
                    }
                });
            });
    }
    ui.add_space(theme::GAP_S);
    let (name_width, note_width) = list_widths(ui.available_width());
    // A row per session, its columns at fixed widths (no grid to settle over frames), every
    // other row shaded.
    for (index, record) in view.sessions.iter().take(view.listed).enumerate() {
        if session_row(ui, index, record, (name_width, note_width), palette) {
            *command = Some(HistoryCommand::Delete(Box::new(record.clone())));
        }
    }
    let more = view.sessions.len().saturating_sub(view.listed);
    if more > 0 && ui.button(format!("Show more ({more} older)")).clicked() {
        *command = Some(HistoryCommand::ShowMore);
    }
}

/// One session of the list, shaded if `index` is odd, with its routine and note columns at
/// `widths`. Returns whether its Delete was clicked.
fn session_row(
    ui: &mut Ui,
    index: usize,
    record: &SessionRecord,
    (name_width, note_width): (f32, f32),
    palette: &Palette,
) -> bool {
    let fill = if index % 2 == 1 {
        ui.visuals().faint_bg_color
    } else {
        Color32::TRANSPARENT
    };
    Frame::new()
        .fill(fill)
        .inner_margin(egui::Margin::symmetric(4, 3))
        .show(ui, |ui| {
            ui.horizontal_top(|ui| {
                ui.spacing_mut().item_spacing.x = theme::GAP_M;
                let date = record.start.date();
                column(ui, DATE_WIDTH, |ui| {
                    ui.label(format!(
                        "{} {}, {:02}:{:02}",
                        day_label(date),
                        date.year(),
                        record.start.at.hour(),
                        record.start.at.minute()
                    ));
                });
                // The name wraps in its column, the length and ending under it.
                column(ui, name_width, |ui| {
                    ui.add(Label::new(&record.routine_name).wrap());
                    ui.label(
                        RichText::new(format!(
                            "{} of {}, {}",
                            clock(record.actual_seconds),
                            clock(record.planned_seconds),
                            record.ending.label()
                        ))
                        .color(palette.quiet),
                    );
                });
                let mut pain = pain_words(record);
                if !record.note.is_empty() {
                    if !pain.is_empty() {
                        pain.push_str(", ");
                    }
                    pain.push_str(&record.note);
                }
                column(ui, note_width, |ui| {
                    ui.add(Label::new(pain).truncate());
                });
                let delete = ui.push_id(index, |ui| ui.button("Delete")).inner;
                delete.clicked()
            })
            .inner
        })
        .inner
}

/// A column `width` wide of the session list, its contents top to bottom.
fn column(ui: &mut Ui, width: f32, contents: impl FnOnce(&mut Ui)) {
    ui.allocate_ui_with_layout(vec2(width, 0.0), Layout::top_down(Align::Min), |ui| {
        ui.set_width(width);
        contents(ui);
    });
}

/// The widths of the session list's routine column and its pain-and-note column in a panel
/// `available` points wide: what the date and Delete leave, shared between the two.
fn list_widths(available: f32) -> (f32, f32) {
    let rest = available - DATE_AND_DELETE_WIDTH;
    let name = (rest * 0.5).clamp(MIN_COLUMN_WIDTH, NAME_MAX_WIDTH);
    let note = (rest - name).clamp(MIN_COLUMN_WIDTH, NOTE_MAX_WIDTH);
    (name, note)
}

/// A session's ratings in words: "pain 6 before, 4 after", "pain 5 after", "".
fn pain_words(record: &SessionRecord) -> String {
    match (record.pain_before, record.pain_after) {
        (Some(b), Some(a)) => format!("pain {} before, {} after", b.value(), a.value()),
        (Some(b), None) => format!("pain {} before", b.value()),
        (None, Some(a)) => format!("pain {} after", a.value()),
        (None, None) => String::new(),
    }
}

/// What the person answered to "How is your back right now?".
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PainCommand {
    /// A rating, with the note typed (maybe empty).
    Rated {
        /// Before or after the routine.
        moment: PainMoment,
        /// 0–10.
        rating: PainRating,
        /// The optional note.
        note: String,
    },
    /// Skip the question. With a note typed, the app asks first whether to keep it.
    Skip(PainMoment),
    /// No rating this time, keeping this note (an empty note: a plain skip, nothing kept).
    Unrated {
        /// Before or after the routine.
        moment: PainMoment,
        /// The note to keep.
        note: String,
    },
}

/// How the question is put: when, the line under it, and whether the keyboard focus should
/// move to the rating row this frame (after Enter in the note field).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PainPrompt<'a> {
    /// Before or after the routine.
    pub moment: PainMoment,
    /// The line under the question ("Before you start. …").
    pub lead: &'a str,
    /// Move the keyboard focus to the rating row now.
    pub focus_rating: bool,
}

/// The question "How is your back right now?": a row of 0–10 to tap once, an optional note
/// (typed before tapping; kept in `note` between frames) and Skip.
pub fn pain_rating_ui(
    ui: &mut Ui,
    prompt: &PainPrompt<'_>,
    note: &mut String,
) -> Option<PainCommand> {
    let moment = prompt.moment;
    let mut command = None;
    let palette = Palette::of(ui.visuals());
    ui.vertical(|ui| {
        ui.label(
            RichText::new("How is your back right now?")
                .size(24.0)
                .strong(),
        );
        ui.add(Label::new(prompt.lead).wrap());
        ui.add_space(theme::GAP_S);
        ui.horizontal(|ui| {
            let label = ui.label("Note (optional)");
            let width =
                (ui.available_width() - ui.spacing().item_spacing.x).min(11.0 * 48.0 - 120.0);
            ui.add(
                TextEdit::singleline(note)
                    .hint_text("e.g. stiff after driving")
                    .char_limit(crate::core::history::MAX_NOTE_CHARS)
                    .desired_width(width),
            )
            .labelled_by(label.id);
        });
        ui.add_space(theme::GAP_S);
        let row = ui.horizontal(|ui| {
            for value in 0..=PAIN_MAX {
                let button = Button::new(RichText::new(value.to_string()).size(20.0))
                    .min_size(vec2(40.0, 44.0));
                let name = match value {
                    0 => "0, no pain".to_owned(),
                    PAIN_MAX => format!("{PAIN_MAX}, worst imaginable"),
                    _ => value.to_string(),
                };
                let response = ui.add(button).accessible_name(name);
                if prompt.focus_rating && value == 0 {
                    response.request_focus();
                }
                if response.clicked()
                    && let Some(rating) = PainRating::new(value)
                {
                    command = Some(PainCommand::Rated {
                        moment,
                        rating,
                        note: note.trim().to_owned(),
                    });
                }
            }
        });
        let row_width = row.response.rect.width();
        ui.allocate_ui_with_layout(
            vec2(row_width, 20.0),
            Layout::left_to_right(Align::Center),
            |ui| {
                ui.label(RichText::new("0 = no pain").color(palette.quiet));
                ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                    ui.label(RichText::new("10 = worst imaginable").color(palette.quiet));
                });
            },
        );
        ui.add_space(theme::GAP_S);
        if ui.button("Skip").clicked() {
            command = Some(PainCommand::Skip(moment));
        }
    });
    command
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::history::tests::record_on;
    use crate::core::history::{Ending, PainRating};
    use egui::Role;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable as _;
    use jiff::civil::date;

    const TODAY: Date = date(2026, 12, 1);

    fn sessions() -> Vec<SessionRecord> {
        let mut rated = record_on(TODAY, 12, Ending::Finished);
        rated.pain_before = PainRating::new(6);
        rated.pain_after = PainRating::new(4);
        rated.routine_name = "Evening wind-down".to_owned();
        vec![
            record_on(date(2026, 11, 20), 25, Ending::Finished),
            record_on(date(2026, 11, 30), 6, Ending::Stopped),
            rated,
        ]
    }

    type State = (HistoryView, Option<HistoryCommand>);

    fn harness(view: HistoryView, size: Vec2) -> Harness<'static, State> {
        Harness::builder().with_size(size).build_ui_state(
            |ui, state: &mut State| {
                if let Some(command) = history_ui(ui, &state.0) {
                    state.1 = Some(command);
                }
            },
            (view, None),
        )
    }

    #[test]
    fn the_panel_shows_every_summary_beside_its_chart() {
        let view = HistoryView::new(&sessions(), TODAY);
        let mut h = harness(view.clone(), vec2(1024.0, 2000.0));
        h.run();
        h.get_by_label(
            "Last 7 days: 2 sessions, 18 min; back pain 6 before and 4 after on average, over 1 \
             session rated before and after.",
        );
        h.get_by_label(&view.figures.calendar_summary());
        h.get_by_label("This week: 18 min in 2 sessions. Mon 6 min, Tue 12 min.");
        h.get_by_label(&view.figures.streak_summary());
        h.get_by_label(&view.figures.totals_summary());
        h.get_by_label(&view.figures.pain_summary());
        for name in [
            "Calendar of the last 12 weeks, a cell a day, darker for more minutes",
            "Bar chart of this week's minutes by day",
            "Chart of back pain, 0 to 10, before and after sessions over the last 12 weeks",
        ] {
            h.get_by_role_and_label(Role::Image, name);
        }
        // Newest first.
        let first_row = h.get_by_label("Tue 1 Dec 2026, 18:00");
        let last_row = h.get_by_label("Fri 20 Nov 2026, 18:00");
        assert!(first_row.rect().top() < last_row.rect().top());
        h.get_by_label("pain 6 before, 4 after");
    }

    #[test]
    fn everything_fits_a_1024_by_640_window_and_scrolls() {
        for dark in [false, true] {
            let view = HistoryView::new(&sessions(), TODAY);
            let mut h = Harness::builder()
                .with_size(vec2(1024.0, 640.0))
                .with_theme(if dark {
                    egui::Theme::Dark
                } else {
                    egui::Theme::Light
                })
                .build_ui_state(
                    |ui, state: &mut State| {
                        if let Some(command) = history_ui(ui, &state.0) {
                            state.1 = Some(command);
                        }
                    },
                    (view, None),
                );
            h.run();
            let window = Rect::from_min_size(Pos2::ZERO, vec2(1024.0, 640.0));
            for label in [
                "Calendar of the last 12 weeks, a cell a day, darker for more minutes",
                "Bar chart of this week's minutes by day",
            ] {
                let rect = h.get_by_role_and_label(Role::Image, label).rect();
                assert!(window.contains_rect(rect), "{label}: {rect:?}");
            }
            let summary = h
                .get_by_label(&h.state().0.figures.calendar_summary())
                .rect();
            assert!(summary.right() <= 1024.0, "{summary:?}");
        }
    }

    #[test]
    fn delete_offers_undo_and_clear_all_asks_first() {
        let mut view = HistoryView::new(&sessions(), TODAY);
        let mut h = harness(view.clone(), vec2(1024.0, 2000.0));
        h.run();
        h.get_all_by_label("Delete")
            .next()
            .expect("a Delete button")
            .click();
        h.run();
        let Some(HistoryCommand::Delete(record)) = h.state().1.clone() else {
            panic!("Delete asked for {:?}", h.state().1);
        };
        assert_eq!(record.routine_name, "Evening wind-down");
        view.deleted = Some(*record);
        let mut h = harness(view.clone(), vec2(1024.0, 2000.0));
        h.run();
        h.get_by_label("Deleted the session of Tue 1 Dec, Evening wind-down.");
        h.get_by_label("Undo").click();
        h.run();
        assert_eq!(h.state().1, Some(HistoryCommand::UndoDelete));

        h.get_by_label("Clear all...").click();
        h.run();
        assert_eq!(h.state().1, Some(HistoryCommand::AskClearAll));
        view.confirming_clear = true;
        let mut h = harness(view, vec2(1024.0, 2000.0));
        h.run();
        h.get_by_label("Delete all 3 sessions? This cannot be undone.");
        assert!(h.query_by_label("Clear all...").is_none());
        h.get_by_label("Keep them").click();
        h.run();
        assert_eq!(h.state().1, Some(HistoryCommand::CancelClearAll));
        h.get_by_label("Delete all").click();
        h.run();
        assert_eq!(h.state().1, Some(HistoryCommand::ConfirmClearAll));
        h.get_by_label("Export CSV...").click();
        h.run();
        assert_eq!(h.state().1, Some(HistoryCommand::ExportCsv));
    }

    #[test]
    fn a_long_history_lists_a_page_at_a_time_and_an_empty_one_says_so() {
        let many: Vec<SessionRecord> = (0..120)
            .map(|i| {
                record_on(
                    TODAY.saturating_sub(jiff::Span::new().days(i)),
                    5,
                    Ending::Finished,
                )
            })
            .collect();
        let mut h = harness(HistoryView::new(&many, TODAY), vec2(1024.0, 4000.0));
        h.run();
        assert_eq!(h.get_all_by_label("Delete").count(), LIST_PAGE);
        h.get_by_label("Show more (70 older)").click();
        h.run();
        assert_eq!(h.state().1, Some(HistoryCommand::ShowMore));

        let mut h = harness(HistoryView::new(&[], TODAY), vec2(1024.0, 640.0));
        h.run();
        h.get_by_label("No sessions yet. Each routine you run is kept here when it ends.");
        h.get_by_label("Last 7 days: no sessions.");
        assert!(h.query_by_label("Clear all...").is_none());
    }

    #[test]
    fn hovering_a_calendar_cell_names_its_day_and_minutes() {
        let mut h = harness(HistoryView::new(&sessions(), TODAY), vec2(1024.0, 2000.0));
        h.run();
        let calendar = h
            .get_by_role_and_label(
                Role::Image,
                "Calendar of the last 12 weeks, a cell a day, darker for more minutes",
            )
            .rect();
        // Today, Tuesday of the last week: column 11, row 1.
        let pitch = CELL + CELL_GAP;
        let today = calendar.min
            + vec2(
                DAY_LABEL_WIDTH + 11.0 * pitch + CELL / 2.0,
                MONTH_ROW + pitch + CELL / 2.0,
            );
        h.event(egui::Event::PointerMoved(today));
        h.run_steps(6);
        h.get_by_label("Tue 1 Dec: 1 session, 12 min");
        h.event(egui::Event::PointerMoved(today + vec2(-pitch, 0.0)));
        h.run_steps(6);
        h.get_by_label("Tue 24 Nov: no session");
    }

    #[test]
    fn the_view_applies_its_own_commands_and_hands_back_the_rest() {
        let mut view = HistoryView::new(&sessions(), TODAY);
        view.notice = Some("x".to_owned());
        assert_eq!(view.apply_view_command(HistoryCommand::ShowMore), None);
        assert_eq!(view.listed, 2 * LIST_PAGE);
        assert_eq!(view.apply_view_command(HistoryCommand::AskClearAll), None);
        assert!(view.confirming_clear);
        assert_eq!(
            view.apply_view_command(HistoryCommand::CancelClearAll),
            None
        );
        assert!(!view.confirming_clear);
        assert_eq!(view.apply_view_command(HistoryCommand::DismissNotice), None);
        assert_eq!(view.notice, None);
        for command in [
            HistoryCommand::Delete(Box::new(sessions()[0].clone())),
            HistoryCommand::UndoDelete,
            HistoryCommand::ConfirmClearAll,
            HistoryCommand::ExportCsv,
        ] {
            assert_eq!(view.apply_view_command(command.clone()), Some(command));
        }
    }

    #[test]
    fn a_notice_names_the_damaged_line_and_can_be_dismissed() {
        let mut view = HistoryView::new(&sessions(), TODAY);
        view.notice = Some("Line 3 of your history could not be read.".to_owned());
        let mut h = harness(view, vec2(1024.0, 2000.0));
        h.run();
        h.get_by_label("Line 3 of your history could not be read.");
        h.get_by_label("Dismiss").click();
        h.run();
        assert_eq!(h.state().1, Some(HistoryCommand::DismissNotice));
    }

    type PainState = (PainMoment, String, Option<PainCommand>);

    fn pain_harness(moment: PainMoment) -> Harness<'static, PainState> {
        Harness::builder()
            .with_size(vec2(1024.0, 640.0))
            .build_ui_state(
                |ui, state: &mut PainState| {
                    let prompt = PainPrompt {
                        moment: state.0,
                        lead: "Tap a number",
                        focus_rating: false,
                    };
                    if let Some(command) = pain_rating_ui(ui, &prompt, &mut state.1) {
                        state.2 = Some(command);
                    }
                },
                (moment, String::new(), None),
            )
    }

    #[test]
    fn one_tap_rates_with_the_note_and_skip_skips() {
        let mut h = pain_harness(PainMoment::Before);
        h.run();
        h.get_by_label("How is your back right now?");
        h.get_by_label("0 = no pain");
        h.get_by_label("10 = worst imaginable");
        let note = h.get_by_label("Note (optional)");
        note.focus();
        h.run();
        h.get_by_label("Note (optional)").type_text("stiff");
        h.run();
        h.get_by_label("6").click();
        h.run();
        assert_eq!(
            h.state().2,
            Some(PainCommand::Rated {
                moment: PainMoment::Before,
                rating: PainRating::new(6).expect("on the scale"),
                note: "stiff".to_owned(),
            })
        );
        let mut h = pain_harness(PainMoment::After);
        h.run();
        h.get_by_label("10, worst imaginable").click();
        h.run();
        assert!(matches!(
            h.state().2,
            Some(PainCommand::Rated { rating, .. }) if rating.value() == 10
        ));
        h.get_by_label("0, no pain");
        h.get_by_label("Skip").click();
        h.run();
        assert_eq!(h.state().2, Some(PainCommand::Skip(PainMoment::After)));
        let window = Rect::from_min_size(Pos2::ZERO, vec2(1024.0, 640.0));
        assert!(window.contains_rect(h.get_by_label("10, worst imaginable").rect()));
        assert!(window.contains_rect(h.get_by_label("Skip").rect()));
    }
}
