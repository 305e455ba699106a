//! The look of Unknot in one place: colours, spacing and type sizes, for light and dark.
//!
//! Calm, legible, never colour-only: every coloured mark (sides, badges, cautions) also carries
//! its word.

use egui::{Color32, FontFamily, FontId, Stroke, TextStyle, ThemePreference, Visuals};

use crate::core::settings::ThemeChoice;

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

/// The window icon (the app's window and the reminder window): the 128 px PNG of the icon
/// theme's set. Desktops show the installed theme icon where they need a large one; 128 px is
/// plenty for a title bar, a task bar or a window switcher, and a quarter of the 256 px one's
/// decoding (half a millisecond) before the window opens.
#[must_use]
pub fn window_icon() -> Option<egui::IconData> {
    // The path holds the app id (`crate::core::app_id::APP_ID`); tests/package.rs checks it.
    eframe::icon_data::from_png_bytes(include_bytes!(
        "../../assets/icons/hicolor/128x128/apps/io.github.unknot.unknot.png"
    ))
    .ok()
}

/// Applies the theme choice and Unknot's type sizes and spacing to the whole app.
pub fn apply(ctx: &egui::Context, choice: ThemeChoice) {
    ctx.set_theme(match choice {
        ThemeChoice::System => ThemePreference::System,
        ThemeChoice::Light => ThemePreference::Light,
        ThemeChoice::Dark => ThemePreference::Dark,
    });
    ctx.all_styles_mut(adjust);
}

/// Unknot's type sizes, spacing and contrast fixes, on top of egui's light or dark style.
pub fn adjust(style: &mut egui::Style) {
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
    // Unhinted glyphs look the same at these sizes here and spare the font hinter's set-up
    // before the first frame (measured with `scripts/bench-startup`).
    style.visuals.text_options.font_hinting = false;
    style.spacing.item_spacing = egui::vec2(8.0, 8.0);
    style.spacing.button_padding = egui::vec2(12.0, 6.0);
    style.spacing.interact_size.y = 28.0;
    let dark = style.visuals.dark_mode;
    // A clearly visible keyboard focus ring.
    let focus = if dark {
        Color32::from_rgb(0xff, 0xd5, 0x4f)
    } else {
        Color32::from_rgb(0x00, 0x4f, 0xc4)
    };
    // Focused widgets are drawn with the "active" visuals: give them a bold outline.
    style.visuals.widgets.active.bg_stroke = Stroke::new(2.5, focus);
    // Every control (button, check box, radio button, field) gets an outline that stands out
    // from the panel at 3:1 or more; egui's own fills alone barely differ from it.
    let outline = if dark {
        Color32::from_gray(0x8c)
    } else {
        Color32::from_gray(0x76)
    };
    style.visuals.widgets.inactive.bg_stroke = Stroke::new(1.0, outline);
    let text = if dark {
        Color32::from_gray(0xdc)
    } else {
        Color32::from_gray(0x28)
    };
    style.visuals.widgets.inactive.fg_stroke.color = text;
    style.visuals.widgets.noninteractive.fg_stroke.color = if dark {
        Color32::from_gray(0xc8)
    } else {
        Color32::from_gray(0x32)
    };
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

/// Names a painted area for screen readers: an image called `name` (a chart or a figure; egui
/// exposes custom painting only through a response given this).
pub fn name_image(response: &egui::Response, name: &str) {
    response.widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Image, true, name));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// WCAG relative luminance of an opaque colour.
    fn luminance(c: Color32) -> f32 {
        let channel = |v: u8| {
            let v = f32::from(v) / 255.0;
            if v <= 0.040_45 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(c.r()) + 0.7152 * channel(c.g()) + 0.0722 * channel(c.b())
    }

    /// WCAG contrast ratio, 1 to 21.
    fn contrast(a: Color32, b: Color32) -> f32 {
        let (la, lb) = (luminance(a), luminance(b));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    fn styles() -> [egui::Style; 2] {
        [egui::Visuals::light(), egui::Visuals::dark()].map(|visuals| {
            let mut style = egui::Style {
                visuals,
                ..egui::Style::default()
            };
            adjust(&mut style);
            style
        })
    }

    #[test]
    fn contrast_is_computed_as_wcag_says() {
        assert!((contrast(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 0.01);
        assert!((contrast(Color32::from_gray(0x76), Color32::WHITE) - 4.54).abs() < 0.02);
    }

    #[test]
    fn text_reaches_4_5_to_1_and_controls_3_to_1_in_both_themes() {
        for style in styles() {
            let v = &style.visuals;
            let p = Palette::of(v);
            let w = &v.widgets;
            let theme = if v.dark_mode { "dark" } else { "light" };
            for background in [v.panel_fill, v.window_fill] {
                let text = [
                    ("body text", v.text_color()),
                    ("strong text", v.strong_text_color()),
                    ("quiet", p.quiet),
                    ("caution", p.caution),
                    ("danger", p.danger),
                    ("left", p.left),
                    ("right", p.right),
                    ("accent title", p.accent),
                ];
                for (name, colour) in text {
                    let ratio = contrast(colour, background);
                    assert!(ratio >= 4.5, "{theme}: {name} text {ratio:.2}:1");
                }
                let controls = [
                    ("control outline", w.inactive.bg_stroke.color),
                    ("focus ring", w.active.bg_stroke.color),
                    ("progress fill", p.accent),
                    ("Start button", p.accent),
                ];
                for (name, colour) in controls {
                    assert_eq!(colour.a(), 255, "{theme}: {name} is drawn opaque");
                    let ratio = contrast(colour, background);
                    assert!(ratio >= 3.0, "{theme}: {name} {ratio:.2}:1");
                }
            }
            let on_fills = [
                (
                    "button text",
                    w.inactive.fg_stroke.color,
                    w.inactive.weak_bg_fill,
                ),
                ("check mark", w.inactive.fg_stroke.color, w.inactive.bg_fill),
                (
                    "hovered button text",
                    w.hovered.fg_stroke.color,
                    w.hovered.weak_bg_fill,
                ),
                ("Start text", p.on_accent, p.accent),
                (
                    "selected item",
                    v.selection.stroke.color,
                    v.selection.bg_fill,
                ),
            ];
            for (name, text, fill) in on_fills {
                let ratio = contrast(text, fill);
                assert!(ratio >= 4.5, "{theme}: {name} {ratio:.2}:1");
            }
        }
    }
}
