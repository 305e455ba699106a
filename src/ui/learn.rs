//! The Learn panel: a contents list and one page at a time, drawn from [`crate::core::content`].
//!
//! The words live in `content`; this file only lays them out. Evidence grades are framed
//! badges that carry their word ("Weak evidence"), never colour alone. A source with a link
//! is shown as a hyperlink that opens in the system browser only when clicked (egui asks the
//! integration to open it); nothing here fetches anything. [`red_flags_ui`] is shared with the
//! safety screen and the "Red flags" window.

use egui::{
    self, Align, Color32, CornerRadius, Frame, Label, Layout, RichText, ScrollArea, Sense, Stroke,
    TextStyle, Ui,
};

use crate::core::content::{self, Block, Claim, Grade, Panel, PanelId, SOURCES, Section};
use crate::core::routine::STOP_RULE;
use crate::ui::theme::{self, Palette};

/// Width of the contents list.
const CONTENTS_WIDTH: f32 = 220.0;
/// Size of section and claim headings (between body text and the page heading).
const SECTION_HEADING_SIZE: f32 = 19.0;
/// Size of the words on an evidence badge.
const BADGE_SIZE: f32 = 13.0;
/// Size of the "Sources: [1] …" lines.
const SOURCE_TEXT_SIZE: f32 = 14.0;
/// Width of the "[12]" column on the Sources page, so citations line up.
const SOURCE_NUMBER_WIDTH: f32 = 36.0;

/// What the Learn panel remembers between frames.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LearnState {
    /// The page being read; defaults to "How massage may help".
    pub open_panel: PanelId,
    /// The page drawn last frame, so a newly opened page starts at its top.
    shown_panel: Option<PanelId>,
}

impl LearnState {
    /// A state that opens at `panel`.
    #[must_use]
    pub fn at(panel: PanelId) -> Self {
        Self {
            open_panel: panel,
            shown_panel: None,
        }
    }
}

/// The Learn panel: the contents on the left, the open page on the right.
pub fn learn_ui(ui: &mut Ui, state: &mut LearnState) {
    if ui.available_width() < CONTENTS_WIDTH + NARROW_PAGE_WIDTH {
        // Beside a running routine there is room for one column: every topic in view above
        // the page, wrapping onto as many lines as it needs (never a list that hides some).
        ui.label(RichText::new("Topics").strong());
        ui.horizontal_wrapped(|ui| {
            for id in PanelId::ALL {
                let button = egui::Button::selectable(state.open_panel == id, id.title());
                if ui.add(button).clicked() {
                    state.open_panel = id;
                }
            }
        });
        ui.separator();
        page_scroll_ui(ui, state);
        return;
    }
    ui.horizontal_top(|ui| {
        let contents_size = egui::vec2(CONTENTS_WIDTH, ui.available_height());
        ui.allocate_ui_with_layout(
            contents_size,
            Layout::top_down_justified(Align::LEFT),
            |ui| contents_ui(ui, state),
        );
        ui.separator();
        // The page reads top to bottom, whatever the row around it does.
        ui.vertical(|ui| page_scroll_ui(ui, state));
    });
}

/// Below this width beside the contents list, the contents become a drop-down list.
const NARROW_PAGE_WIDTH: f32 = 420.0;

/// The open page in its own scroll area, starting at the top when newly opened.
fn page_scroll_ui(ui: &mut Ui, state: &mut LearnState) {
    let panel = state.open_panel.panel();
    let newly_opened = state.shown_panel != Some(panel.id);
    state.shown_panel = Some(panel.id);
    let mut scroll = ScrollArea::vertical()
        .id_salt("learn_page")
        .auto_shrink([false, false]);
    if newly_opened {
        scroll = scroll.vertical_scroll_offset(0.0);
    }
    scroll.show(ui, |ui| {
        ui.set_max_width(theme::READING_WIDTH.min(ui.available_width()));
        page_ui(ui, panel);
    });
}

/// The two red-flag lists and the routines' stop rule: the emergency list first, each in a
/// coloured frame under a strong heading that says what to do.
pub fn red_flags_ui(ui: &mut Ui) {
    let palette = Palette::of(ui.visuals());
    flag_box_ui(
        ui,
        palette.danger,
        content::RED_FLAGS_EMERGENCY_HEADING,
        content::RED_FLAGS_EMERGENCY_LEAD,
        content::RED_FLAGS_EMERGENCY,
    );
    ui.add_space(theme::GAP_M);
    flag_box_ui(
        ui,
        palette.caution,
        content::RED_FLAGS_URGENT_HEADING,
        content::RED_FLAGS_URGENT_LEAD,
        content::RED_FLAGS_URGENT,
    );
    ui.add_space(theme::GAP_M);
    Frame::group(ui.style())
        .inner_margin(theme::GAP_M)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(content::STOP_RULE_HEADING).strong());
            ui.add(Label::new(STOP_RULE).wrap());
        });
}

fn contents_ui(ui: &mut Ui, state: &mut LearnState) {
    ui.label(RichText::new("Contents").strong());
    for id in PanelId::ALL {
        let button = egui::Button::selectable(state.open_panel == id, id.title()).wrap();
        if ui.add(button).clicked() {
            state.open_panel = id;
        }
    }
}

fn page_ui(ui: &mut Ui, panel: &Panel) {
    ui.label(RichText::new(panel.title).heading().strong());
    ui.add_space(theme::GAP_S);
    ui.label(panel.intro);
    sources_line_ui(ui, panel.sources);
    match panel.id {
        PanelId::HowMassageMayHelp => {
            ui.add_space(theme::GAP_M);
            legend_ui(ui);
            for claim in content::CLAIMS {
                claim_ui(ui, claim);
            }
            sections_ui(ui, panel.sections);
        }
        PanelId::RedFlags => {
            ui.add_space(theme::GAP_M);
            red_flags_ui(ui);
            sections_ui(ui, panel.sections);
        }
        PanelId::Sources => {
            sections_ui(ui, panel.sections);
            ui.add_space(theme::GAP_M);
            legend_ui(ui);
            source_list_ui(ui);
        }
        PanelId::Evidence
        | PanelId::Techniques
        | PanelId::Causes
        | PanelId::FindingTherapist
        | PanelId::OtherSelfCare => sections_ui(ui, panel.sections),
    }
    ui.add_space(theme::GAP_L);
}

fn sections_ui(ui: &mut Ui, sections: &[Section]) {
    for section in sections {
        ui.add_space(theme::GAP_L);
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(section.heading)
                    .size(SECTION_HEADING_SIZE)
                    .strong(),
            );
            if let Some(grade) = section.grade {
                grade_badge_ui(ui, grade);
            }
        });
        for block in section.body {
            match block {
                Block::Para(text) => {
                    ui.label(*text);
                }
                Block::Bullets(items) => bullets_ui(ui, items),
            }
        }
        sources_line_ui(ui, section.sources);
    }
}

fn claim_ui(ui: &mut Ui, claim: &Claim) {
    let quiet = Palette::of(ui.visuals()).quiet;
    ui.add_space(theme::GAP_M);
    Frame::group(ui.style())
        .inner_margin(theme::GAP_M)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new(quoted(claim.claim))
                        .size(SECTION_HEADING_SIZE)
                        .strong(),
                );
                grade_badge_ui(ui, claim.grade);
            });
            ui.label(RichText::new("What studies found:").color(quiet));
            ui.label(claim.found);
            sources_line_ui(ui, claim.sources);
        });
}

/// A claim as shown: in quotation marks, because it is what people say, not what we say.
fn quoted(claim: &str) -> String {
    format!("“{claim}”")
}

fn legend_ui(ui: &mut Ui) {
    ui.label(RichText::new(content::GRADE_LEGEND_HEADING).strong());
    for grade in Grade::ALL {
        ui.horizontal_wrapped(|ui| {
            grade_badge_ui(ui, grade);
            ui.label(grade.meaning());
        });
    }
}

/// A framed badge with the grade's words, coloured as well, explained on hover.
fn grade_badge_ui(ui: &mut Ui, grade: Grade) -> egui::Response {
    let palette = Palette::of(ui.visuals());
    let colour = match grade {
        Grade::Moderate => palette.accent,
        Grade::Weak => palette.caution,
        Grade::Contradicted => palette.danger,
    };
    theme::badge_ui(ui, grade.badge(), colour, BADGE_SIZE).on_hover_text(grade.meaning())
}

fn bullets_ui(ui: &mut Ui, items: &[&str]) {
    for item in items {
        ui.horizontal_top(|ui| {
            let row = egui::vec2(ui.spacing().indent, ui.text_style_height(&TextStyle::Body));
            let (dot, _) = ui.allocate_exact_size(row, Sense::hover());
            ui.painter()
                .circle_filled(dot.center(), 2.5, ui.visuals().text_color());
            ui.add(Label::new(*item).wrap());
        });
    }
}

/// "Sources: [1] Furlan et al. 2015 …", with a link for each source that has one.
pub(crate) fn sources_line_ui(ui: &mut Ui, keys: &[&str]) {
    if keys.is_empty() {
        return;
    }
    let quiet = Palette::of(ui.visuals()).quiet;
    ui.horizontal_wrapped(|ui| {
        let lead = if keys.len() == 1 {
            "Source:"
        } else {
            "Sources:"
        };
        ui.label(RichText::new(lead).size(SOURCE_TEXT_SIZE).color(quiet));
        for key in keys {
            let (Some(number), Some(source)) = (content::source_number(key), content::source(key))
            else {
                continue; // unknown keys are caught by the content tests
            };
            let text = RichText::new(format!("[{number}] {}", source.short)).size(SOURCE_TEXT_SIZE);
            if let Some(url) = source.url {
                ui.hyperlink_to(text, url);
            } else {
                ui.label(text.color(quiet)).on_hover_text(source.citation);
            }
        }
    });
}

fn source_list_ui(ui: &mut Ui) {
    ui.add_space(theme::GAP_L);
    ui.label(
        RichText::new(content::SOURCE_LIST_HEADING)
            .size(SECTION_HEADING_SIZE)
            .strong(),
    );
    for (index, source) in SOURCES.iter().enumerate() {
        ui.add_space(theme::GAP_S);
        ui.horizontal_top(|ui| {
            let number_column = egui::vec2(SOURCE_NUMBER_WIDTH, 0.0);
            ui.allocate_ui_with_layout(number_column, Layout::left_to_right(Align::TOP), |ui| {
                ui.set_min_width(SOURCE_NUMBER_WIDTH);
                ui.label(RichText::new(format!("[{}]", index + 1)).strong());
            });
            ui.vertical(|ui| {
                ui.add(Label::new(source.citation).wrap());
                if let Some(url) = source.url {
                    ui.hyperlink_to(RichText::new(url).size(SOURCE_TEXT_SIZE), url);
                }
            });
        });
    }
}

fn flag_box_ui(ui: &mut Ui, colour: Color32, heading: &str, lead: &str, items: &[&str]) {
    Frame::new()
        .fill(colour.gamma_multiply(0.12))
        .stroke(Stroke::new(2.0, colour))
        .corner_radius(CornerRadius::same(8))
        .inner_margin(theme::GAP_M)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(
                RichText::new(heading)
                    .size(SECTION_HEADING_SIZE)
                    .strong()
                    .color(colour),
            );
            ui.add(Label::new(lead).wrap());
            bullets_ui(ui, items);
        });
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::accesskit::Role;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable as _;

    /// A tall window, so every page fits without scrolling and all of it can be queried.
    fn learn_harness(state: LearnState, theme: egui::Theme) -> Harness<'static, LearnState> {
        Harness::builder()
            .with_size(egui::vec2(1100.0, 4000.0))
            .with_theme(theme)
            .build_ui_state(|ui, state: &mut LearnState| learn_ui(ui, state), state)
    }

    fn first_heading(id: PanelId) -> &'static str {
        id.panel().sections[0].heading
    }

    #[test]
    fn opens_at_how_massage_may_help() {
        let mut harness = learn_harness(LearnState::default(), egui::Theme::Dark);
        harness.run();
        assert_eq!(harness.state().open_panel, PanelId::HowMassageMayHelp);
        harness.get_by_role_and_label(Role::Label, PanelId::HowMassageMayHelp.title());
        harness.get_by_label(first_heading(PanelId::HowMassageMayHelp));
    }

    #[test]
    fn every_panel_opens_from_the_contents() {
        for (index, id) in PanelId::ALL.into_iter().enumerate() {
            // Start on the previous page, so every click changes the page.
            let start = PanelId::ALL[(index + PanelId::ALL.len() - 1) % PanelId::ALL.len()];
            let mut harness = learn_harness(LearnState::at(start), egui::Theme::Dark);
            harness.run();
            harness
                .get_by_role_and_label(Role::Button, id.title())
                .click();
            harness.run();

            assert_eq!(harness.state().open_panel, id);
            let panel = id.panel();
            harness.get_by_role_and_label(Role::Label, panel.title);
            harness.get_by_label(panel.intro);
            harness.get_by_label(first_heading(id));
            for other in PanelId::ALL.into_iter().filter(|other| *other != id) {
                assert!(
                    harness.query_by_label(first_heading(other)).is_none(),
                    "{other:?} is still shown after opening {id:?}"
                );
            }
        }
    }

    #[test]
    fn claims_show_their_grade_words_beside_them() {
        let mut harness = learn_harness(LearnState::default(), egui::Theme::Dark);
        harness.run();
        for claim in content::CLAIMS {
            let claim_rect = harness.get_by_label(&quoted(claim.claim)).rect();
            harness.get_by_label(claim.found);
            let beside = harness
                .query_all_by_label(claim.grade.badge())
                .any(|badge| {
                    let rect = badge.rect();
                    (rect.center().y - claim_rect.center().y).abs() < 20.0
                        && rect.left() >= claim_rect.left()
                });
            assert!(
                beside,
                "{:?} should carry a {:?} badge",
                claim.claim,
                claim.grade.badge()
            );
        }
        // One badge per claim of that grade, plus one in the legend.
        for grade in Grade::ALL {
            let claims = content::CLAIMS.iter().filter(|c| c.grade == grade).count();
            assert_eq!(
                harness.query_all_by_label(grade.badge()).count(),
                claims + 1,
                "{grade:?} badges"
            );
            harness.get_by_label(grade.meaning());
        }
        harness.get_by_label(content::GRADE_LEGEND_HEADING);
    }

    #[test]
    fn sources_are_named_and_linked_only_when_they_have_a_url() {
        let mut harness = learn_harness(LearnState::at(PanelId::Evidence), egui::Theme::Dark);
        harness.run();
        let mut checked_link = false;
        let mut checked_plain = false;
        for section in PanelId::Evidence.panel().sections {
            for key in section.sources {
                let source = content::source(key).expect("content tests check every key");
                let number = content::source_number(key).expect("listed");
                let label = format!("[{number}] {}", source.short);
                let links = harness
                    .query_all_by_role_and_label(Role::Link, &label)
                    .count();
                if source.url.is_some() {
                    assert!(links >= 1, "{label:?} should be a link");
                    checked_link = true;
                } else {
                    assert_eq!(links, 0, "{label:?} has no URL, so must not be a link");
                    assert!(harness.query_all_by_label(&label).count() >= 1);
                    checked_plain = true;
                }
            }
        }
        assert!(
            checked_link && checked_plain,
            "the Evidence page should show both kinds"
        );
        // Links do not open by themselves.
        assert!(harness.output().platform_output.commands.is_empty());
    }

    #[test]
    fn sources_panel_lists_every_citation() {
        let mut harness = learn_harness(LearnState::at(PanelId::Sources), egui::Theme::Dark);
        harness.run();
        harness.get_by_label(content::SOURCE_LIST_HEADING);
        for (index, source) in SOURCES.iter().enumerate() {
            harness.get_by_label(source.citation);
            assert!(
                harness
                    .query_all_by_label(&format!("[{}]", index + 1))
                    .count()
                    >= 1
            );
            if let Some(url) = source.url {
                harness.get_by_role_and_label(Role::Link, url);
            }
        }
    }

    #[test]
    fn red_flags_show_both_lists_and_the_stop_rule() {
        let mut harness = Harness::builder()
            .with_size(egui::vec2(800.0, 2000.0))
            .build_ui(red_flags_ui);
        harness.run();
        let emergency = harness
            .get_by_label(content::RED_FLAGS_EMERGENCY_HEADING)
            .rect();
        let urgent = harness
            .get_by_label(content::RED_FLAGS_URGENT_HEADING)
            .rect();
        assert!(
            emergency.top() < urgent.top(),
            "the emergency list comes first"
        );
        harness.get_by_label(content::RED_FLAGS_EMERGENCY_LEAD);
        harness.get_by_label(content::RED_FLAGS_URGENT_LEAD);
        for item in content::RED_FLAGS_EMERGENCY {
            let rect = harness.get_by_label(item).rect();
            assert!(
                rect.top() > emergency.top() && rect.top() < urgent.top(),
                "{item:?}"
            );
        }
        for item in content::RED_FLAGS_URGENT {
            assert!(
                harness.get_by_label(item).rect().top() > urgent.top(),
                "{item:?}"
            );
        }
        harness.get_by_label(content::STOP_RULE_HEADING);
        harness.get_by_label(STOP_RULE);
    }

    #[test]
    fn red_flags_page_uses_the_shared_lists() {
        let mut harness = learn_harness(LearnState::at(PanelId::RedFlags), egui::Theme::Light);
        harness.run();
        harness.get_by_label(content::RED_FLAGS_EMERGENCY_HEADING);
        harness.get_by_label(content::RED_FLAGS_URGENT_HEADING);
        harness.get_by_label(STOP_RULE);
    }

    #[test]
    fn every_page_draws_in_light_mode_too() {
        for id in PanelId::ALL {
            let mut harness = learn_harness(LearnState::at(id), egui::Theme::Light);
            harness.run();
            harness.get_by_label(first_heading(id));
        }
    }
}
