//! The routine editor: turn a physiotherapist's sheet into a routine without a text editor.
//!
//! A person names the routine, adds steps from the technique catalogue (or blank ones), and
//! adjusts each step's dose, sides, equipment, position, instructions and caution. Every field
//! says what is wrong with it, in plain words, right under it; the top bar counts the things left
//! to fix and shows the routine's length. Save is enabled only when the draft is valid.
//!
//! The editor owns an [`EditorState`] (the draft and what is saved) and returns an
//! [`EditorAction`] for the app to apply: it never touches files itself. The draft may be invalid
//! while it is edited; [`EditorAction::Save`] only ever carries a routine with no violations.

use egui::{
    Align, Button, Color32, ComboBox, DragValue, Label, Layout, RichText, ScrollArea, TextEdit, Ui,
};

use super::theme::{self, Palette};
use crate::core::plan::{Timing, clock, step_secs, steps_secs};
use crate::core::routine::model::{REPS, REST_SECS, TEMPO_SECS, Violation, slug, step_problems};
use crate::core::routine::technique::{self, Technique};
use crate::core::routine::{
    Category, Equipment, Importance, Pattern, Position, Routine, RoutineDraft, Sides, Step,
    StepKind,
};
use crate::core::routine::{Field, Key};

/// Below this width the catalogue goes under the steps instead of beside them.
const TWO_COLUMN_MIN_WIDTH: f32 = 1100.0;
/// Widest the text fields grow, so lines stay readable.
const FIELD_WIDTH: f32 = 460.0;
/// What the steps list says while the routine has none.
pub const EMPTY_HINT: &str = "Add a step from the catalogue or a blank step.";

/// What a person asked the editor for, applied by the app after drawing.
#[derive(Clone, Debug, PartialEq, Eq)]
#[must_use]
pub enum EditorAction {
    /// Save this routine (always valid) and leave the editor.
    Save(Routine),
    /// Leave without saving; the app asks first if [`EditorState::is_dirty`].
    Cancel,
}

/// The routine being edited, what is saved, and the editor's own view state.
#[derive(Clone, Debug)]
pub struct EditorState {
    /// The routine as edited so far; may break bounds until it is fixed.
    pub draft: RoutineDraft,
    /// The routine as saved, or `None` while it is new.
    pub original: Option<Routine>,
    /// The step whose fields are shown (one at a time, to keep the list calm).
    pub open_step: Option<usize>,
    /// What the catalogue picker is filtered by.
    pub filter: String,
    /// Whether the person picked the category themselves; until then adding steps suggests it.
    category_chosen: bool,
    /// The last step removed and where it was, so it can be put back.
    removed: Option<(usize, Step)>,
    /// What was just added, said under the catalogue search.
    added_note: Option<String>,
    /// Scroll the open step into view on the next frame.
    scroll_to_open: bool,
}

impl EditorState {
    /// A new, empty routine with this id. It has no steps, so it cannot be saved yet.
    #[must_use]
    pub fn new_routine(id: String) -> Self {
        Self {
            draft: blank_routine(id),
            original: None,
            open_step: None,
            filter: String::new(),
            category_chosen: false,
            removed: None,
            added_note: None,
            scroll_to_open: false,
        }
    }

    /// Edit a saved routine.
    #[must_use]
    pub fn edit(routine: Routine) -> Self {
        Self {
            original: Some(routine.clone()),
            ..Self::unsaved(routine.into_draft())
        }
    }

    /// Edit a routine that is not saved yet (a copy to make one's own): leaving the editor
    /// asks before dropping it.
    #[must_use]
    pub fn unsaved(draft: RoutineDraft) -> Self {
        Self {
            draft,
            original: None,
            open_step: None,
            filter: String::new(),
            category_chosen: true,
            removed: None,
            added_note: None,
            scroll_to_open: false,
        }
    }

    /// Whether the draft differs from what is saved; a new routine is dirty once anything is
    /// entered.
    #[must_use]
    pub fn is_dirty(&self) -> bool {
        match &self.original {
            Some(original) => self.draft != *original.as_draft(),
            None => self.draft != blank_routine(self.draft.id.clone()),
        }
    }

    /// Every broken rule in the draft (empty when it can be saved).
    #[must_use]
    pub fn problems(&self) -> Vec<Violation> {
        self.draft.violations()
    }

    /// Whether the draft can be saved.
    #[must_use]
    pub fn is_valid(&self) -> bool {
        self.problems().is_empty()
    }

    /// Appends a copy of a catalogue technique and opens it.
    pub fn add_technique(&mut self, technique: &Technique) {
        let id = self.unused_step_id(technique.key());
        self.push_step(technique.step(&id));
        self.added_note = Some(format!(
            "Added {} as step {}.",
            technique.name,
            self.draft.steps.len()
        ));
    }

    /// Appends an empty step to fill in, and opens it.
    pub fn add_blank_step(&mut self) {
        let id = self.unused_step_id("step");
        self.push_step(blank_step(id));
        self.added_note = None;
    }

    /// Swaps a step with the one before it (no-op for the first).
    pub fn move_up(&mut self, index: usize) {
        if index > 0 && index < self.draft.steps.len() {
            self.swap(index, index - 1);
        }
    }

    /// Swaps a step with the one after it (no-op for the last).
    pub fn move_down(&mut self, index: usize) {
        if index + 1 < self.draft.steps.len() {
            self.swap(index, index + 1);
        }
    }

    /// Removes a step; it can be put back with [`Self::undo_remove`] until the next removal.
    pub fn remove(&mut self, index: usize) {
        if index >= self.draft.steps.len() {
            return;
        }
        let step = self.draft.steps.remove(index);
        self.removed = Some((index, step));
        self.open_step = match self.open_step {
            Some(open) if open == index => None,
            Some(open) if open > index => Some(open - 1),
            other => other,
        };
        self.added_note = None;
    }

    /// Puts the last removed step back where it was.
    pub fn undo_remove(&mut self) {
        if let Some((index, step)) = self.removed.take() {
            let index = index.min(self.draft.steps.len());
            self.draft.steps.insert(index, step);
            self.open_step = match self.open_step {
                Some(open) if open >= index => Some(open + 1),
                other => other,
            };
        }
    }

    /// The routine to save: the draft with names trimmed, if it is valid.
    #[must_use]
    pub fn to_save(&self) -> Option<Routine> {
        let mut routine = self.draft.clone();
        trim_in_place(&mut routine.name);
        trim_in_place(&mut routine.summary);
        for step in &mut routine.steps {
            trim_in_place(&mut step.name);
            trim_in_place(&mut step.instructions);
            trim_in_place(&mut step.caution);
        }
        routine.validate().ok()
    }

    /// An id no step of the draft has: `base`, else `base-2`, `base-3`…
    fn unused_step_id(&self, base: &str) -> String {
        let base = slug(base, "step");
        let taken = |id: &str| self.draft.steps.iter().any(|s| s.id == id);
        if !taken(&base) {
            return base;
        }
        // At most 60 steps, so one of the first 61 numbers is free.
        (2..=62)
            .map(|n| format!("{base}-{n}"))
            .find(|id| !taken(id))
            .unwrap_or(base)
    }

    fn push_step(&mut self, step: Step) {
        self.draft.steps.push(step);
        self.open_step = Some(self.draft.steps.len() - 1);
        self.scroll_to_open = true;
        if !self.category_chosen
            && let Some(category) = suggested_category(&self.draft.steps)
        {
            self.draft.category = category;
        }
    }

    fn swap(&mut self, a: usize, b: usize) {
        self.draft.steps.swap(a, b);
        self.open_step = self.open_step.map(|open| match open {
            open if open == a => b,
            open if open == b => a,
            open => open,
        });
        self.removed = None;
    }
}

/// Removes leading and trailing whitespace without reallocating.
fn trim_in_place(text: &mut String) {
    text.truncate(text.trim_end().len());
    let leading = text.len() - text.trim_start().len();
    text.drain(..leading);
}

/// A new routine before anything is entered.
fn blank_routine(id: String) -> RoutineDraft {
    RoutineDraft {
        id,
        name: String::new(),
        summary: String::new(),
        category: Category::Stretch,
        steps: Vec::new(),
    }
}

/// A step to fill in by hand.
fn blank_step(id: String) -> Step {
    Step {
        id,
        technique: None,
        name: String::new(),
        kind: StepKind::Stretch,
        pattern: Pattern::Hold,
        sides: Sides::None,
        instructions: String::new(),
        caution: String::new(),
        rep_secs: 30,
        reps: 1,
        rest_secs: 0,
        equipment: Equipment::None,
        position: Position::OnBack,
        importance: Importance::Normal,
    }
}

/// The category the steps suggest: stretches, self-massage, or both. `None` if only rests.
#[must_use]
pub fn suggested_category(steps: &[Step]) -> Option<Category> {
    let stretch = steps.iter().any(|s| {
        matches!(
            s.kind,
            StepKind::Stretch | StepKind::Mobility | StepKind::Strengthen
        )
    });
    let massage = steps.iter().any(|s| s.kind == StepKind::SelfMassage);
    match (stretch, massage) {
        (true, true) => Some(Category::Mixed),
        (true, false) => Some(Category::Stretch),
        (false, true) => Some(Category::SelfMassage),
        (false, false) => None,
    }
}

/// A model message as a sentence: capital first letter, full stop at the end.
fn sentence(message: &str) -> String {
    let mut chars = message.chars();
    let mut out: String = chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default();
    if !out.ends_with('.') {
        out.push('.');
    }
    out
}

/// "1 thing to fix" / "3 things to fix".
fn things_to_fix(count: usize) -> String {
    if count == 1 {
        "1 thing to fix".to_owned()
    } else {
        format!("{count} things to fix")
    }
}

/// The draft's length with the default pauses, whatever its values.
fn draft_secs(draft: &RoutineDraft) -> u32 {
    steps_secs(&draft.steps, Timing::default())
}

/// Draws the editor and returns what the person asked for, if anything.
pub fn editor_ui(ui: &mut Ui, state: &mut EditorState) -> Option<EditorAction> {
    let mut action = None;
    top_bar_ui(ui, state, &mut action);
    ui.separator();

    if ui.available_width() >= TWO_COLUMN_MIN_WIDTH {
        let gap = theme::GAP_L;
        let width = ui.available_width();
        let catalogue_width = (width * 0.38).clamp(320.0, 460.0);
        // The gap, the separator and the spacing around them come out of the routine column,
        // so the catalogue ends inside the window.
        let routine_width = width - catalogue_width - gap - 4.0 * ui.spacing().item_spacing.x;
        let height = ui.available_height();
        ui.horizontal_top(|ui| {
            ui.allocate_ui_with_layout(
                egui::vec2(routine_width, height),
                Layout::top_down(Align::Min),
                |ui| {
                    ScrollArea::vertical()
                        .id_salt("editor-routine")
                        .auto_shrink([false, false])
                        .show(ui, |ui| routine_ui(ui, state));
                },
            );
            ui.add_space(gap / 2.0);
            ui.separator();
            ui.allocate_ui_with_layout(
                egui::vec2(catalogue_width, height),
                Layout::top_down(Align::Min),
                |ui| {
                    ScrollArea::vertical()
                        .id_salt("editor-catalogue")
                        .auto_shrink([false, false])
                        .show(ui, |ui| catalogue_ui(ui, state));
                },
            );
        });
    } else {
        ScrollArea::vertical()
            .id_salt("editor-all")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                routine_ui(ui, state);
                ui.add_space(theme::GAP_L);
                ui.separator();
                catalogue_ui(ui, state);
            });
    }
    action
}

/// Title, Save and Cancel, the live length and the count of things to fix.
fn top_bar_ui(ui: &mut Ui, state: &EditorState, action: &mut Option<EditorAction>) {
    let palette = Palette::of(ui.visuals());
    let problems = state.problems();
    ui.horizontal(|ui| {
        let title = if state.original.is_some() {
            "Edit routine"
        } else {
            "New routine"
        };
        ui.label(RichText::new(title).size(24.0).strong());
        ui.add_space(theme::GAP_M);
        ui.label(RichText::new("Length").strong());
        ui.label(
            RichText::new(clock(draft_secs(&state.draft)))
                .size(20.0)
                .strong()
                .monospace(),
        )
        .on_hover_text("With the usual 5 s to get ready before each step and 5 s to switch sides");
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            if ui.button("Cancel").clicked() {
                *action = Some(EditorAction::Cancel);
            }
            let save = Button::new(
                RichText::new("Save")
                    .strong()
                    .color(if problems.is_empty() {
                        palette.on_accent
                    } else {
                        ui.visuals().weak_text_color()
                    }),
            )
            .fill(palette.accent)
            .min_size(egui::vec2(96.0, 0.0));
            let response = ui.add_enabled(problems.is_empty(), save);
            if response.clicked() {
                *action = state.to_save().map(EditorAction::Save);
            }
            if state.is_dirty() {
                ui.label(RichText::new("Unsaved changes").color(palette.quiet));
            }
        });
    });
    if problems.is_empty() {
        ui.label(RichText::new("Ready to save.").color(palette.quiet));
    } else {
        ui.label(
            RichText::new(format!("{} before saving", things_to_fix(problems.len())))
                .strong()
                .color(palette.caution),
        );
        // Problems with no field on screen (the id is chosen by the app).
        for problem in problems
            .iter()
            .filter(|p| p.field == Field::Routine(Key::Id))
        {
            ui.label(RichText::new(sentence(&problem.message)).color(palette.caution));
        }
    }
}

/// A grid row right under a field: an empty label cell, then the note in `colour`, wrapped to
/// `width` (the field's width) so a long note never widens the grid. The row keeps the tallest
/// height it has had (at least one line), so the fields below never move when a message goes or
/// gets shorter; `row` names it, to keep that height under.
fn note_row(ui: &mut Ui, row: &str, note: Option<String>, colour: Color32, width: f32) {
    // Keyed by the row's name, so no other row's height is ever taken for its own.
    let id = ui.scope_id().with(("note-row-height", row));
    ui.allocate_exact_size(egui::Vec2::ZERO, egui::Sense::hover());
    let kept: f32 = ui.data(|d| d.get_temp(id)).unwrap_or(0.0);
    let height = ui
        .scope(|ui| {
            ui.set_min_height(kept);
            match note {
                // Laid out at `width` itself, not at the cell's width, which a grid only
                // learns a frame later (a note wrapped to that would be kept far too tall).
                Some(note) => {
                    let galley = egui::WidgetText::from(RichText::new(note).color(colour))
                        .into_galley(
                            ui,
                            Some(egui::TextWrapMode::Wrap),
                            width,
                            egui::TextStyle::Body,
                        );
                    ui.add(Label::new(galley))
                }
                None => ui.label(" "),
            };
        })
        .response
        .rect
        .height();
    if height > kept + 0.5 {
        ui.data_mut(|d| d.insert_temp(id, height));
    }
    ui.end_row();
}

/// A grid row right under a field saying what is wrong with it, in the caution colour, wrapped
/// to `width`.
fn problem_row(ui: &mut Ui, field: &str, message: Option<&str>, width: f32) {
    let caution = Palette::of(ui.visuals()).caution;
    note_row(ui, field, message.map(sentence), caution, width);
}

/// The routine's name, summary and category, then its steps.
#[expect(
    clippy::too_many_lines,
    reason = "an egui panel reads top to bottom like the screen"
)]
fn routine_ui(ui: &mut Ui, state: &mut EditorState) {
    let palette = Palette::of(ui.visuals());
    let problems = state.problems();
    let problem_of = |key: Key| {
        problems
            .iter()
            .find(|p| p.field == Field::Routine(key.clone()))
            .map(|p| p.message.as_str())
    };
    let field_width = ui.available_width().min(FIELD_WIDTH);

    egui::Grid::new("editor-routine-fields")
        .num_columns(2)
        .spacing([theme::GAP_M, theme::GAP_S])
        .show(ui, |ui| {
            let label = ui.label("Routine name");
            ui.add(
                TextEdit::singleline(&mut state.draft.name)
                    .hint_text("e.g. My physio exercises")
                    .desired_width(field_width),
            )
            .labelled_by(label.id);
            ui.end_row();
            problem_row(ui, "name", problem_of(Key::Name), field_width);

            let label = ui.label("Summary");
            ui.add(
                TextEdit::singleline(&mut state.draft.summary)
                    .hint_text("What it is for, in one line (optional)")
                    .desired_width(field_width),
            )
            .labelled_by(label.id);
            ui.end_row();
            problem_row(ui, "summary", problem_of(Key::Summary), field_width);

            ui.label("Category");
            ui.horizontal(|ui| {
                for category in Category::ALL {
                    let response =
                        ui.radio_value(&mut state.draft.category, category, category.label());
                    if response.clicked() {
                        state.category_chosen = true;
                    }
                }
            });
            ui.end_row();
            if let Some(suggested) = suggested_category(&state.draft.steps)
                && suggested != state.draft.category
            {
                ui.allocate_exact_size(egui::Vec2::ZERO, egui::Sense::hover());
                ui.horizontal_wrapped(|ui| {
                    ui.label(
                        RichText::new(format!("These steps look like {}.", suggested.label()))
                            .color(palette.quiet),
                    );
                    if ui.button(format!("Use {}", suggested.label())).clicked() {
                        state.draft.category = suggested;
                        state.category_chosen = true;
                    }
                });
                ui.end_row();
            }
        });

    ui.add_space(theme::GAP_M);
    ui.label(RichText::new("Steps").size(20.0).strong());
    if state.draft.steps.is_empty() {
        egui::Frame::group(ui.style())
            .inner_margin(egui::Margin::same(12))
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(RichText::new(EMPTY_HINT).color(palette.quiet));
            });
    } else if let Some(message) = problem_of(Key::Steps) {
        ui.label(RichText::new(sentence(message)).color(palette.caution));
    }

    let count = state.draft.steps.len();
    let mut request = None;
    for index in 0..count {
        ui.push_id(("editor-step", index), |ui| {
            if let Some(r) = step_card_ui(ui, state, index, count) {
                request = Some(r);
            }
        });
        ui.add_space(theme::GAP_S);
    }
    match request {
        Some(StepRequest::Toggle(index)) => {
            state.open_step = if state.open_step == Some(index) {
                None
            } else {
                Some(index)
            };
        }
        Some(StepRequest::Up(index)) => state.move_up(index),
        Some(StepRequest::Down(index)) => state.move_down(index),
        Some(StepRequest::Remove(index)) => state.remove(index),
        None => {}
    }

    if let Some((_, step)) = &state.removed {
        let name = if step.name.trim().is_empty() {
            "a blank step".to_owned()
        } else {
            step.name.clone()
        };
        let mut put_back = false;
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(format!("Removed {name}.")).color(palette.quiet));
            put_back = ui.button("Put back").clicked();
        });
        if put_back {
            state.undo_remove();
        }
    }

    ui.add_space(theme::GAP_S);
    if ui
        .button("Add blank step")
        .on_hover_text("For an exercise that is not in the catalogue")
        .clicked()
    {
        state.add_blank_step();
    }
}

/// What a step card's buttons ask for; applied after the list is drawn.
#[derive(Clone, Copy)]
enum StepRequest {
    Toggle(usize),
    Up(usize),
    Down(usize),
    Remove(usize),
}

/// One step: a header line with its dose and buttons, and its fields while it is open.
fn step_card_ui(
    ui: &mut Ui,
    state: &mut EditorState,
    index: usize,
    count: usize,
) -> Option<StepRequest> {
    let palette = Palette::of(ui.visuals());
    let number = index + 1;
    let open = state.open_step == Some(index);
    let mut request = None;
    let scroll_here = open && state.scroll_to_open;
    let frame = egui::Frame::group(ui.style())
        .inner_margin(egui::Margin::same(10))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            let step = &state.draft.steps[index];
            let problems = step_problems(step);
            ui.horizontal_wrapped(|ui| {
                super::figure::step_thumbnail_ui(ui, step);
                let name = if step.name.trim().is_empty() {
                    "(no name yet)"
                } else {
                    step.name.as_str()
                };
                ui.label(RichText::new(format!("{number}. {name}")).strong());
                ui.label(
                    RichText::new(format!("{} · {}", step.kind.label(), step.dose_words()))
                        .color(palette.quiet),
                );
                if !problems.is_empty() {
                    ui.label(
                        RichText::new(things_to_fix(problems.len()))
                            .strong()
                            .color(palette.caution),
                    );
                }
            });
            ui.horizontal(|ui| {
                let (text, name) = if open {
                    ("Done", format!("Close step {number}"))
                } else {
                    ("Edit", format!("Edit step {number}"))
                };
                if ui.button(text).accessible_name(name).clicked() {
                    request = Some(StepRequest::Toggle(index));
                }
                if ui
                    .add_enabled(index > 0, Button::new("Move up"))
                    .accessible_name(format!("Move step {number} up"))
                    .clicked()
                {
                    request = Some(StepRequest::Up(index));
                }
                if ui
                    .add_enabled(index + 1 < count, Button::new("Move down"))
                    .accessible_name(format!("Move step {number} down"))
                    .clicked()
                {
                    request = Some(StepRequest::Down(index));
                }
                if ui
                    .button("Remove")
                    .accessible_name(format!("Remove step {number}"))
                    .clicked()
                {
                    request = Some(StepRequest::Remove(index));
                }
            });
            if open {
                ui.add_space(theme::GAP_S);
                step_fields_ui(ui, &mut state.draft.steps[index], number);
            }
        });
    if scroll_here {
        frame.response.scroll_to_me(Some(Align::Min));
        state.scroll_to_open = false;
    }
    request
}

/// The open step's fields, each with its problem under it.
#[expect(
    clippy::too_many_lines,
    reason = "an egui panel reads top to bottom like the screen: one field after another"
)]
fn step_fields_ui(ui: &mut Ui, step: &mut Step, number: usize) {
    let palette = Palette::of(ui.visuals());
    let problems = step_problems(step);
    let problem_of = |key: Key| {
        problems
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, m)| m.as_str())
    };
    let field_width = (ui.available_width() - 140.0).clamp(200.0, FIELD_WIDTH);

    egui::Grid::new("fields")
        .num_columns(2)
        .spacing([theme::GAP_M, theme::GAP_S])
        .show(ui, |ui| {
            ui.label("Name");
            ui.add(
                TextEdit::singleline(&mut step.name)
                    .hint_text("e.g. Bridge with a ball")
                    .desired_width(field_width),
            )
            .accessible_name(format!("Step {number} name"));
            ui.end_row();
            problem_row(ui, "name", problem_of(Key::Name), field_width);

            ui.label("Kind");
            ComboBox::from_id_salt("kind")
                .selected_text(step.kind.label())
                .show_ui(ui, |ui| {
                    for kind in StepKind::ALL {
                        ui.selectable_value(&mut step.kind, kind, kind.label());
                    }
                })
                .response
                .accessible_name(format!("Step {number} kind"));
            ui.end_row();

            ui.label("Pattern");
            ui.horizontal(|ui| {
                for pattern in Pattern::ALL {
                    let response = ui
                        .radio_value(&mut step.pattern, pattern, pattern_words(pattern))
                        .accessible_name(format!("Step {number}: {}", pattern_words(pattern)));
                    if response.changed() && pattern == Pattern::Moves {
                        // Moves follow one another; a tempo is a few seconds.
                        step.rest_secs = 0;
                        step.rep_secs = step.rep_secs.clamp(*TEMPO_SECS.start(), 6);
                    }
                }
            });
            ui.end_row();

            let (secs_label, secs_field, secs_name) = match step.pattern {
                Pattern::Hold => ("Hold", Key::HoldSeconds, "hold, seconds"),
                Pattern::Moves => ("Each movement", Key::TempoSeconds, "seconds per movement"),
            };
            ui.label(secs_label);
            ui.add(
                DragValue::new(&mut step.rep_secs)
                    .range(step.pattern.secs_bounds())
                    .clamp_existing_to_range(false)
                    .speed(0.3)
                    .suffix(" s"),
            )
            .accessible_name(format!("Step {number} {secs_name}"));
            ui.end_row();
            problem_row(
                ui,
                secs_field.spelling(),
                problem_of(secs_field.clone()),
                field_width,
            );

            ui.label(match step.pattern {
                Pattern::Hold => "Repetitions",
                Pattern::Moves => "Movements",
            });
            ui.add(
                DragValue::new(&mut step.reps)
                    .range(REPS)
                    .clamp_existing_to_range(false)
                    .speed(0.1),
            )
            .accessible_name(format!("Step {number} repetitions"));
            ui.end_row();
            problem_row(ui, "reps", problem_of(Key::Reps), field_width);
            note_row(
                ui,
                "range",
                Some(range_note(step)),
                palette.quiet,
                field_width,
            );

            if step.pattern == Pattern::Hold {
                ui.label("Rest between");
                ui.add(
                    DragValue::new(&mut step.rest_secs)
                        .range(REST_SECS)
                        .clamp_existing_to_range(false)
                        .speed(0.2)
                        .suffix(" s"),
                )
                .accessible_name(format!("Step {number} rest between repetitions, seconds"));
                ui.end_row();
                problem_row(
                    ui,
                    "rest_seconds",
                    problem_of(Key::RestSeconds),
                    field_width,
                );
                let rest_note =
                    (step.reps <= 1 && step.sides != Sides::Alternate && step.rest_secs > 0)
                        .then(|| "Only used with 2 or more repetitions.".to_owned());
                note_row(ui, "rest", rest_note, palette.quiet, field_width);
            } else {
                problem_row(
                    ui,
                    "rest_seconds",
                    problem_of(Key::RestSeconds),
                    field_width,
                );
            }

            ui.label("Sides");
            ui.horizontal_wrapped(|ui| {
                for sides in Sides::ALL {
                    ui.radio_value(&mut step.sides, sides, sides_words(sides))
                        .accessible_name(format!("Step {number}: {}", sides.label()));
                }
            });
            ui.end_row();

            ui.label("Equipment");
            ComboBox::from_id_salt("equipment")
                .selected_text(step.equipment.label())
                .show_ui(ui, |ui| {
                    for equipment in Equipment::ALL {
                        ui.selectable_value(&mut step.equipment, equipment, equipment.label());
                    }
                })
                .response
                .accessible_name(format!("Step {number} equipment"));
            ui.end_row();

            ui.label("Position");
            ComboBox::from_id_salt("position")
                .selected_text(step.position.label())
                .show_ui(ui, |ui| {
                    for position in Position::ALL {
                        ui.selectable_value(&mut step.position, position, position.label());
                    }
                })
                .response
                .accessible_name(format!("Step {number} position"));
            ui.end_row();

            ui.label("Instructions");
            ui.add(
                TextEdit::multiline(&mut step.instructions)
                    .hint_text("What to do, in a few short sentences")
                    .desired_rows(3)
                    .desired_width(field_width),
            )
            .accessible_name(format!("Step {number} instructions"));
            ui.end_row();
            for (field, message) in &problems {
                if *field == Key::Instructions {
                    problem_row(ui, "instructions", Some(message), field_width);
                }
            }

            ui.label("Caution");
            ui.add(
                TextEdit::multiline(&mut step.caution)
                    .hint_text("What to watch for (optional)")
                    .desired_rows(2)
                    .desired_width(field_width),
            )
            .accessible_name(format!("Step {number} caution"));
            ui.end_row();
            problem_row(ui, "caution", problem_of(Key::Caution), field_width);
        });
    let secs = step_secs(step, Timing::default());
    ui.label(RichText::new(format!("This step takes {}.", clock(secs))).color(palette.quiet));
}

/// How a pattern reads in the editor.
fn pattern_words(pattern: Pattern) -> &'static str {
    match pattern {
        Pattern::Hold => "Hold a position",
        Pattern::Moves => "Repeated movements",
    }
}

/// How a choice of sides reads in the editor.
fn sides_words(sides: Sides) -> &'static str {
    match sides {
        Sides::None => "No sides",
        Sides::Each => "Each side: all left, then all right",
        Sides::Alternate => "Alternate: left, right, left…",
    }
}

/// What the sources suggest for this step, and whether its dose is inside it.
fn range_note(step: &Step) -> String {
    let (range, whose) = match step.known_technique() {
        Some(technique) => (technique.range.clone(), "this exercise"),
        None => (step.kind.default_range(), "this kind of step"),
    };
    let inside = range.secs.contains(&step.rep_secs) && range.reps.contains(&step.reps);
    let label = range.label(step.pattern);
    if inside {
        format!("Usual range for {whose}: {label}. Fitting a length stays inside it.")
    } else {
        format!(
            "Usual range for {whose}: {label}. Your dose is outside it; fitting a length keeps it within what you set."
        )
    }
}

/// The searchable technique catalogue, grouped by kind, each with an Add button.
fn catalogue_ui(ui: &mut Ui, state: &mut EditorState) {
    let palette = Palette::of(ui.visuals());
    ui.label(RichText::new("Add a step").size(20.0).strong());
    ui.label(
        RichText::new(
            "Pick the exercises on your sheet, then set the holds and repetitions it gives.",
        )
        .color(palette.quiet),
    );
    let label = ui.label("Search the catalogue");
    ui.add(
        TextEdit::singleline(&mut state.filter)
            .hint_text("e.g. ball, hamstring, on your back")
            .desired_width(ui.available_width().min(FIELD_WIDTH)),
    )
    .labelled_by(label.id);
    // One line kept for "Added X as step N", so the list below stays under the pointer.
    ui.label(RichText::new(state.added_note.as_deref().unwrap_or(" ")).color(palette.accent));
    ui.add_space(theme::GAP_S);

    let mut chosen = None;
    let mut shown = 0;
    let found = technique::search(&state.filter);
    for (kind, heading) in [
        (StepKind::Stretch, "Stretches"),
        (StepKind::Mobility, "Movements"),
        (StepKind::Strengthen, "Strengthening"),
        (StepKind::SelfMassage, "Self-massage"),
        (StepKind::Rest, "Rest"),
    ] {
        let matching: Vec<&Technique> = found.iter().copied().filter(|t| t.kind == kind).collect();
        if matching.is_empty() {
            continue;
        }
        ui.add_space(theme::GAP_S);
        ui.label(RichText::new(heading).size(17.0).strong());
        for technique in matching {
            shown += 1;
            ui.horizontal(|ui| {
                let add = ui
                    .button("Add")
                    .accessible_name(format!("Add {}", technique.name))
                    .on_hover_text(format!(
                        "{}\n\nWatch for: {}",
                        technique.instructions,
                        if technique.caution.is_empty() {
                            "nothing special"
                        } else {
                            technique.caution
                        },
                    ));
                if add.clicked() {
                    chosen = Some(technique);
                }
                let figure = crate::core::figure::library::for_technique(technique.id);
                super::figure::thumbnail_ui(ui, figure, technique.sides);
                ui.vertical(|ui| {
                    ui.label(RichText::new(technique.name).strong());
                    let mut facts = technique.step(technique.key()).dose_words();
                    if technique.equipment != Equipment::None {
                        facts.push_str(" · ");
                        facts.push_str(technique.equipment.label());
                    }
                    ui.label(RichText::new(facts).color(palette.quiet));
                    ui.label(
                        RichText::new(format!("Usual range: {}", technique.range_label()))
                            .color(palette.quiet),
                    );
                    super::learn::sources_line_ui(ui, technique.sources);
                });
            });
        }
    }
    if shown == 0 {
        ui.label(
            RichText::new("Nothing matches. Try another word, or add a blank step.")
                .color(palette.quiet),
        );
    }
    if let Some(technique) = chosen {
        state.add_technique(technique);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::accesskit::Role;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable as _;

    type TestState = (EditorState, Option<EditorAction>);

    /// A window tall enough that everything fits without scrolling.
    fn harness_sized(state: EditorState, size: egui::Vec2) -> Harness<'static, TestState> {
        Harness::builder().with_size(size).build_ui_state(
            |ui, state: &mut TestState| {
                if let Some(action) = editor_ui(ui, &mut state.0) {
                    state.1 = Some(action);
                }
            },
            (state, None),
        )
    }

    fn harness(state: EditorState) -> Harness<'static, TestState> {
        harness_sized(state, egui::vec2(1200.0, 2400.0))
    }

    fn technique(key: &str) -> &'static Technique {
        technique::find(key).expect("in the registry")
    }

    fn saved_routine() -> Routine {
        let draft = RoutineDraft {
            id: "mine".to_owned(),
            name: "My sheet".to_owned(),
            summary: "From the physio.".to_owned(),
            category: Category::Mixed,
            steps: vec![
                technique("pelvic-tilt").step("pelvic-tilt"),
                technique("cat-cow").step("cat-cow"),
                technique("roller-glutes").step("roller-glutes"),
            ],
        };
        draft.validate().expect("a valid routine")
    }

    /// Focuses the field named `label`, then types `text` into it.
    fn type_into(harness: &mut Harness<'static, TestState>, label: &str, text: &str) {
        harness.get_by_label(label).focus();
        harness.run();
        harness.get_by_label(label).type_text(text);
        harness.run();
    }

    fn step_names(state: &EditorState) -> Vec<&str> {
        state.draft.steps.iter().map(|s| s.name.as_str()).collect()
    }

    #[test]
    fn a_new_routine_is_empty_clean_and_cannot_be_saved() {
        let state = EditorState::new_routine("new-1".to_owned());
        assert!(!state.is_dirty());
        assert!(!state.is_valid());
        let mut harness = harness(state);
        harness.run();
        harness.get_by_label(EMPTY_HINT);
        harness.get_by_label("2 things to fix before saving");
        harness.get_by_label("New routine");
        harness.get_by_role_and_label(Role::Button, "Save").click();
        harness.run();
        assert_eq!(harness.state().1, None);
    }

    #[test]
    fn fields_and_the_catalogue_stay_put_when_messages_come_and_go() {
        let mut harness = harness(EditorState::new_routine("new-1".to_owned()));
        harness.run();
        harness.get_by_label("A name must be 1 to 80 characters long (this one has 0).");
        let summary = harness.get_by_label("Summary").rect();
        let technique = harness.get_by_label("Add Foam roller: upper back").rect();
        type_into(&mut harness, "Routine name", "Physio sheet");
        harness.run();
        assert!(
            harness
                .query_by_label("A name must be 1 to 80 characters long (this one has 0).")
                .is_none(),
            "the message went"
        );
        assert_eq!(
            harness.get_by_label("Summary").rect(),
            summary,
            "the field below stayed"
        );
        harness.get_by_label("Add Piriformis figure-4").click();
        harness.run();
        harness.get_by_label("Added Piriformis figure-4 as step 1.");
        assert_eq!(
            harness.get_by_label("Add Foam roller: upper back").rect(),
            technique,
            "the catalogue stayed under the pointer"
        );
    }

    #[test]
    fn name_and_a_catalogue_technique_make_a_routine_that_saves() {
        let mut harness = harness(EditorState::new_routine("new-1".to_owned()));
        harness.run();
        type_into(&mut harness, "Routine name", "Physio sheet");
        harness.run();
        assert!(harness.state().0.is_dirty());
        harness.get_by_label("Add Piriformis figure-4").click();
        harness.run();
        harness.get_by_label("Added Piriformis figure-4 as step 1.");
        harness.get_by_label("Ready to save.");
        // The new step is open for adjusting, and the category followed the step.
        harness.get_by_label("Step 1 name");
        assert_eq!(harness.state().0.draft.category, Category::Stretch);

        harness.get_by_role_and_label(Role::Button, "Save").click();
        harness.run();
        let Some(EditorAction::Save(routine)) = harness.state().1.clone() else {
            panic!("expected Save, got {:?}", harness.state().1);
        };
        assert_eq!(routine.name(), "Physio sheet");
        assert_eq!(routine.id(), "new-1");
        assert_eq!(
            routine.steps(),
            vec![technique("piriformis-figure-4").step("piriformis-figure-4")]
        );
    }

    #[test]
    fn a_cleared_name_says_why_and_keeps_save_disabled() {
        let mut harness = harness(EditorState::edit(saved_routine()));
        harness.run();
        harness.get_by_label("Ready to save.");
        harness.state_mut().0.draft.name.clear();
        harness.run();
        harness.get_by_label("A name must be 1 to 80 characters long (this one has 0).");
        harness.get_by_label("1 thing to fix before saving");
        harness.get_by_role_and_label(Role::Button, "Save").click();
        harness.run();
        assert_eq!(harness.state().1, None);
    }

    #[test]
    fn a_blank_step_shows_its_problems_under_its_fields() {
        let mut harness = harness(EditorState::edit(saved_routine()));
        harness.run();
        harness.get_by_label("Add blank step").click();
        harness.run();
        assert_eq!(harness.state().0.open_step, Some(3));
        harness.get_by_label("A name must be 1 to 80 characters long (this one has 0).");
        harness.get_by_label("Say what to do in this step.");
        harness.get_by_label("2 things to fix before saving");
        let name_field = harness.get_by_label("Step 4 name").rect();
        let message = harness
            .get_by_label("A name must be 1 to 80 characters long (this one has 0).")
            .rect();
        assert!(
            message.top() >= name_field.bottom() - 1.0
                && message.top() - name_field.bottom() < 30.0,
            "the message sits right under the field"
        );

        type_into(&mut harness, "Step 4 name", "Wall sit");
        type_into(&mut harness, "Step 4 instructions", "Slide down the wall.");
        harness.run();
        harness.get_by_label("Ready to save.");
        harness.get_by_role_and_label(Role::Button, "Save").click();
        harness.run();
        let Some(EditorAction::Save(routine)) = harness.state().1.clone() else {
            panic!("expected Save");
        };
        assert_eq!(routine.steps()[3].name, "Wall sit");
    }

    /// The saved routine with a held stretch first.
    fn held_first() -> Routine {
        let mut routine = saved_routine().into_draft();
        routine.steps[0] = technique("childs-pose").step("childs-pose");
        routine.validate().expect("a valid routine")
    }

    #[test]
    fn a_sheets_moves_and_alternating_sides_are_entered_as_written() {
        let mut harness = harness(EditorState::edit(held_first()));
        harness.run();
        harness.get_by_label("Edit step 1").click();
        harness.run();
        harness.get_by_label("Step 1: Repeated movements").click();
        harness.run();
        harness.get_by_label("Step 1: Alternate sides").click();
        harness.run();
        harness
            .get_by_label("Step 1 seconds per movement")
            .set_value_accesskit(4.0);
        harness
            .get_by_label("Step 1 repetitions")
            .set_value_accesskit(8.0);
        harness.run();
        let step = &harness.state().0.draft.steps[0];
        assert_eq!(
            (
                step.pattern,
                step.sides,
                step.rep_secs,
                step.reps,
                step.rest_secs
            ),
            (Pattern::Moves, Sides::Alternate, 4, 8, 0)
        );
        assert!(harness.query_by_label("Step 1 hold, seconds").is_none());
        assert!(
            harness
                .query_by_label("Step 1 rest between repetitions, seconds")
                .is_none()
        );
        harness
            .get_by_label("4 s × 8 each side (16 in all), alternating")
            .rect();
    }

    #[test]
    fn a_catalogue_entry_shows_its_range_and_real_sources() {
        let mut harness = harness(EditorState::new_routine("new-1".into()));
        harness.run();
        type_into(&mut harness, "Search the catalogue", "forearm");
        harness.get_by_label("Add Sphinx");
        harness.get_by_label("Usual range: 5–10 s × 8–10");
        assert!(harness.query_all_by_label_contains("NHS").count() >= 1);
        assert!(
            harness
                .query_all_by_label_contains("brief")
                .next()
                .is_none()
        );
    }

    #[test]
    fn a_hold_set_out_of_range_is_explained_under_it_and_blocks_save() {
        let mut harness = harness(EditorState::edit(held_first()));
        harness.run();
        harness.get_by_label("Edit step 1").click();
        harness.run();
        harness
            .get_by_label("Step 1 hold, seconds")
            .set_value_accesskit(2.0);
        harness.run();
        assert_eq!(harness.state().0.draft.steps[0].rep_secs, 2);
        let field = harness.get_by_label("Step 1 hold, seconds").rect();
        let message = harness
            .get_by_label("A hold must last from 3 seconds to 10 minutes (this one is 2 s).")
            .rect();
        assert!(message.top() >= field.bottom() - 1.0 && message.top() - field.bottom() < 30.0);
        harness.get_by_label("1 thing to fix before saving");
        harness.get_by_role_and_label(Role::Button, "Save").click();
        harness.run();
        assert_eq!(harness.state().1, None);

        harness
            .get_by_label("Step 1 hold, seconds")
            .set_value_accesskit(20.0);
        harness.run();
        harness
            .get_by_label("Step 1 repetitions")
            .set_value_accesskit(7.0);
        harness.run();
        let step = &harness.state().0.draft.steps[0];
        assert_eq!((step.rep_secs, step.reps), (20, 7));
        assert!(harness.state().0.is_dirty());
        harness.get_by_label("Ready to save.");
    }

    #[test]
    fn an_out_of_range_hold_in_the_draft_is_explained() {
        let mut state = EditorState::edit(held_first());
        state.draft.steps[0].rep_secs = 2;
        state.open_step = Some(0);
        let mut harness = harness(state);
        harness.run();
        harness.get_by_label("A hold must last from 3 seconds to 10 minutes (this one is 2 s).");
        harness.get_by_label("1 thing to fix before saving");
        harness.get_by_role_and_label(Role::Button, "Save").click();
        harness.run();
        assert_eq!(harness.state().1, None);
    }

    #[test]
    fn move_up_and_down_reorder_and_remove_removes() {
        let mut harness = harness(EditorState::edit(saved_routine()));
        harness.run();
        harness.get_by_label("Move step 3 up").click();
        harness.run();
        assert_eq!(
            step_names(&harness.state().0),
            ["Pelvic tilt", "Foam roller: glutes", "Cat-cow"]
        );
        harness.get_by_label("Move step 1 down").click();
        harness.run();
        assert_eq!(
            step_names(&harness.state().0),
            ["Foam roller: glutes", "Pelvic tilt", "Cat-cow"]
        );
        assert!(harness.state().0.is_dirty());

        // The ends cannot move further.
        harness.get_by_label("Move step 1 up").click();
        harness.get_by_label("Move step 3 down").click();
        harness.run();
        assert_eq!(
            step_names(&harness.state().0),
            ["Foam roller: glutes", "Pelvic tilt", "Cat-cow"]
        );

        harness.get_by_label("Remove step 2").click();
        harness.run();
        assert_eq!(
            step_names(&harness.state().0),
            ["Foam roller: glutes", "Cat-cow"]
        );
        assert!(harness.query_by_label("Remove step 3").is_none());
        harness.get_by_label("Removed Pelvic tilt.");
        harness.get_by_label("Put back").click();
        harness.run();
        assert_eq!(
            step_names(&harness.state().0),
            ["Foam roller: glutes", "Pelvic tilt", "Cat-cow"]
        );
    }

    #[test]
    fn the_open_step_follows_its_moves() {
        let mut state = EditorState::edit(saved_routine());
        state.open_step = Some(0);
        state.move_down(0);
        assert_eq!(state.open_step, Some(1));
        state.move_up(1);
        assert_eq!(state.open_step, Some(0));
        state.remove(1);
        assert_eq!(state.open_step, Some(0));
        state.remove(0);
        assert_eq!(state.open_step, None);
        state.undo_remove();
        assert_eq!(state.draft.steps.len(), 2);
    }

    #[test]
    fn an_edit_makes_an_existing_routine_dirty_and_undoing_it_clean() {
        let mut harness = harness(EditorState::edit(saved_routine()));
        harness.run();
        assert!(!harness.state().0.is_dirty());
        assert!(harness.query_by_label("Unsaved changes").is_none());
        type_into(&mut harness, "Summary", " Twice a day.");
        harness.run();
        assert!(harness.state().0.is_dirty());
        harness.get_by_label("Unsaved changes");
        harness.state_mut().0.draft.summary = "From the physio.".to_owned();
        harness.run();
        assert!(!harness.state().0.is_dirty());
    }

    #[test]
    fn editing_a_steps_fields_changes_the_draft() {
        let mut harness = harness(EditorState::edit(saved_routine()));
        harness.run();
        harness.get_by_label("Edit step 2").click();
        harness.run();
        harness.get_by_label("Step 2: Each side").click();
        type_into(&mut harness, "Step 2 caution", " Go slowly.");
        harness.run();
        let step = &harness.state().0.draft.steps[1];
        assert_eq!(step.sides, Sides::Each);
        assert!(step.caution.ends_with("Go slowly."));
        harness.get_by_label("Close step 2").click();
        harness.run();
        assert!(harness.query_by_label("Step 2 caution").is_none());
    }

    #[test]
    fn cancel_yields_cancel() {
        let mut harness = harness(EditorState::edit(saved_routine()));
        harness.run();
        harness.get_by_label("Cancel").click();
        harness.run();
        assert_eq!(harness.state().1, Some(EditorAction::Cancel));
    }

    #[test]
    fn the_filter_narrows_the_catalogue() {
        let mut harness = harness(EditorState::new_routine("new-1".to_owned()));
        harness.run();
        assert!(harness.query_by_label("Add Cat-cow").is_some());
        type_into(&mut harness, "Search the catalogue", "ball");
        harness.run();
        assert!(harness.query_by_label("Add Cat-cow").is_none());
        harness.get_by_label("Add Ball against a wall: glutes");
        assert_eq!(harness.query_all_by_label_contains("Add Ball").count(), 4);
        type_into(&mut harness, "Search the catalogue", " zebra");
        harness.run();
        harness.get_by_label("Nothing matches. Try another word, or add a blank step.");
    }

    #[test]
    fn the_length_is_shown_live() {
        let mut harness = harness(EditorState::new_routine("new-1".to_owned()));
        harness.run();
        harness.get_by_label("0:00");
        // The catalogue is longer than the window: narrow it to the one step.
        type_into(&mut harness, "Search the catalogue", "roller upper back");
        harness.run();
        harness.get_by_label("Add Foam roller: upper back").click();
        harness.run();
        // 5 s get ready + 60 s.
        harness.get_by_label("1:05");
    }

    #[test]
    fn mixing_kinds_suggests_mixed_for_a_new_routine() {
        let mut state = EditorState::new_routine("new-1".to_owned());
        state.add_technique(technique("cat-cow"));
        assert_eq!(state.draft.category, Category::Stretch);
        state.add_technique(technique("roller-glutes"));
        assert_eq!(state.draft.category, Category::Mixed);
        // A category the person chose is kept, and the editor offers the suggestion instead.
        let mut harness = harness(EditorState::edit(saved_routine()));
        harness.run();
        assert!(harness.query_by_label("Use Mixed").is_none());
        harness.get_by_label("Stretch").click();
        harness.run();
        assert_eq!(harness.state().0.draft.category, Category::Stretch);
        harness.get_by_label("These steps look like Mixed.");
        harness.get_by_label("Use Mixed").click();
        harness.run();
        assert_eq!(harness.state().0.draft.category, Category::Mixed);
    }

    #[test]
    fn a_narrow_window_stacks_the_catalogue_under_the_steps() {
        let mut harness = harness_sized(
            EditorState::new_routine("new-1".to_owned()),
            egui::vec2(700.0, 3200.0),
        );
        harness.run();
        let blank = harness.get_by_label("Add blank step").rect();
        let first = harness.get_by_label("Add Single knee-to-chest").rect();
        assert!(first.top() > blank.bottom());
        harness.get_by_label("Add Single knee-to-chest").click();
        harness.run();
        assert_eq!(harness.state().0.draft.steps.len(), 1);
    }

    #[test]
    fn dark_and_light_both_draw_every_field() {
        for theme in [egui::Theme::Dark, egui::Theme::Light] {
            let mut state = EditorState::edit(saved_routine());
            state.open_step = Some(2);
            let mut harness = Harness::builder()
                .with_size(egui::vec2(1200.0, 2400.0))
                .with_theme(theme)
                .build_ui_state(
                    |ui, state: &mut TestState| {
                        if let Some(action) = editor_ui(ui, &mut state.0) {
                            state.1 = Some(action);
                        }
                    },
                    (state, None),
                );
            harness.run();
            for field in [
                "name",
                "kind",
                "hold, seconds",
                "repetitions",
                "rest between repetitions, seconds",
                ": Each side",
                "equipment",
                "position",
                "instructions",
                "caution",
            ] {
                let label = if field.starts_with(':') {
                    format!("Step 3{field}")
                } else {
                    format!("Step 3 {field}")
                };
                harness.get_by_label(&label);
            }
        }
    }

    #[test]
    fn to_save_trims_and_refuses_invalid_drafts() {
        let mut state = EditorState::edit(saved_routine());
        state.draft.name = "  My sheet  ".to_owned();
        assert_eq!(
            state.to_save().map(|r| r.name().to_owned()),
            Some("My sheet".to_owned())
        );
        state.draft.steps.clear();
        assert_eq!(state.to_save(), None);
    }

    #[test]
    fn catalogue_names_are_unique_so_add_buttons_are() {
        let mut names: Vec<&str> = technique::all().iter().map(|t| t.name).collect();
        names.sort_unstable();
        let count = names.len();
        names.dedup();
        assert_eq!(names.len(), count);
    }
}
