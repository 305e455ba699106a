//! The look of Unknot in one place: colours, spacing and type sizes, for light and dark.
//!
//! Calm, legible, never colour-only: every coloured mark (sides, badges, cautions) also carries
//! its word.

use egui::{Color32, FontFamily, FontId, Stroke, TextStyle, ThemePreference, Visuals};

use crate::store::settings::ThemeChoice;

/// Small gap between related things.
pub const GAP_S: f32 = 6.0;
/// Gap between groups.
pub const GAP_M: f32 = 12.0;
/// Gap between sections.
pub const GAP_L: f32 = 24.0;
/// The big countdown on the player, readable across a room.
pub const COUNTDOWN_SIZE: f32 = 150.0;
/// LEFT / RIGHT on the player.
pub const SIDE_SIZE: f32 = 36.0;
/// The step name on the player.
pub const STEP_NAME_SIZE: f32 = 30.0;
/// The phase line on the player ("Get ready", "Hold"…).
pub const PHASE_SIZE: f32 = 24.0;
/// Body text.
pub const BODY_SIZE: f32 = 16.0;
/// The height of the large action buttons (Start, player controls).
pub const BIG_BUTTON_HEIGHT: f32 = 48.0;
/// Text lines in reading panels are kept about this wide.
pub const READING_WIDTH: f32 = 640.0;

/// The colours that mean something, chosen for the current light or dark mode.
#[derive(Clone, Copy, Debug)]
pub struct Palette {
    /// The calm main colour: Start, progress.
    pub accent: Color32,
    /// Text on the accent colour.
    pub on_accent: Color32,
    /// The left side.
    pub left: Color32,
    /// The right side.
    pub right: Color32,
    /// "Watch for" cautions.
    pub caution: Color32,
    /// Red flags and emergencies.
    pub danger: Color32,
    /// Secondary text.
    pub quiet: Color32,
}

impl Palette {
    /// The palette for the given visuals.
    #[must_use]
    pub fn of(visuals: &Visuals) -> Self {
        if visuals.dark_mode {
            Self {
                accent: Color32::from_rgb(0x4f, 0xb3, 0xa6),
                on_accent: Color32::from_rgb(0x0d, 0x1f, 0x1c),
                left: Color32::from_rgb(0x7a, 0xb8, 0xff),
                right: Color32::from_rgb(0xff, 0xb8, 0x6b),
                caution: Color32::from_rgb(0xf2, 0xc9, 0x4c),
                danger: Color32::from_rgb(0xff, 0x8a, 0x80),
                quiet: Color32::from_gray(0xa8),
            }
        } else {
            Self {
                accent: Color32::from_rgb(0x1f, 0x7a, 0x6d),
                on_accent: Color32::WHITE,
                left: Color32::from_rgb(0x1f, 0x5f, 0xb8),
                right: Color32::from_rgb(0xb3, 0x5a, 0x00),
                caution: Color32::from_rgb(0x8a, 0x5a, 0x00),
                danger: Color32::from_rgb(0xb0, 0x23, 0x1a),
                quiet: Color32::from_gray(0x5a),
            }
        }
    }
}

/// Applies the theme choice and Unknot's type sizes and spacing to the whole app.
pub fn apply(ctx: &egui::Context, choice: ThemeChoice) {
    ctx.set_theme(match choice {
        ThemeChoice::System => ThemePreference::System,
        ThemeChoice::Light => ThemePreference::Light,
        ThemeChoice::Dark => ThemePreference::Dark,
    });
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (
                TextStyle::Small,
                FontId::new(13.0, FontFamily::Proportional),
            ),
            (
                TextStyle::Body,
                FontId::new(BODY_SIZE, FontFamily::Proportional),
            ),
            (
                TextStyle::Button,
                FontId::new(BODY_SIZE, FontFamily::Proportional),
            ),
            (
                TextStyle::Heading,
                FontId::new(24.0, FontFamily::Proportional),
            ),
            (
                TextStyle::Monospace,
                FontId::new(15.0, FontFamily::Monospace),
            ),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(8.0, 8.0);
        style.spacing.button_padding = egui::vec2(12.0, 6.0);
        style.spacing.interact_size.y = 28.0;
        // A clearly visible keyboard focus ring.
        let focus = if style.visuals.dark_mode {
            Color32::from_rgb(0xff, 0xd5, 0x4f)
        } else {
            Color32::from_rgb(0x00, 0x4f, 0xc4)
        };
        // Focused widgets are drawn with the "active" visuals: give them a bold outline.
        style.visuals.widgets.active.bg_stroke = Stroke::new(2.5, focus);
    });
}

/// A short text in a rounded coloured frame: a badge that carries its word, not only colour.
pub fn badge_ui(ui: &mut egui::Ui, text: &str, colour: Color32, size: f32) -> egui::Response {
    // Sized to its word (never wrapped), so it sits centred or inline wherever it is placed.
    let font = egui::FontId::proportional(size);
    let galley = ui.painter().layout_no_wrap(text.to_owned(), font, colour);
    let margin = egui::vec2(size * 0.5, size * 0.15);
    let (rect, response) =
        ui.allocate_exact_size(galley.size() + 2.0 * margin, egui::Sense::hover());
    if ui.is_rect_visible(rect) {
        let painter = ui.painter();
        painter.rect_stroke(
            rect,
            egui::CornerRadius::same(8),
            Stroke::new(2.0, colour),
            egui::StrokeKind::Inside,
        );
        painter.galley(rect.min + margin, galley, colour);
    }
    response.widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Label, true, text));
    response
}
