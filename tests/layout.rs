//! Every screen fits the window, from a small laptop (1024×640) to a large screen (1920×1080),
//! at 1× and 2× scale: nothing sticks out sideways and no two controls overlap, with the
//! longest content (every built-in routine at 5 and 20 minutes, every Learn topic); a large
//! window uses its room.

mod common;

use std::path::Path;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use unknot::app::UnknotApp;
use unknot::core::content::PanelId;
use unknot::store::builtin;

use common::rig::Launch;

const SIZES: [egui::Vec2; 2] = [egui::vec2(1024.0, 640.0), egui::vec2(1920.0, 1080.0)];
const SCALES: [f32; 2] = [1.0, 2.0];

fn launch(dir: &Path, size: egui::Vec2, scale: f32) -> Harness<'static, UnknotApp> {
    Launch::new(dir).size(size).scale(scale).run().harness
}

#[test]
fn home_fits_with_every_built_in_at_5_and_20_minutes() {
    for size in SIZES {
        for scale in SCALES {
            let dir = tempfile::tempdir().expect("temp dir");
            let mut harness = launch(dir.path(), size, scale);
            for routine in builtin::builtin() {
                common::click_routine(&mut harness, &routine.name);
                for minutes in ["5 min", "20 min"] {
                    harness.get_by_label(minutes).click();
                    harness.run();
                    common::assert_fits(
                        &harness,
                        size,
                        &format!("Home, {} at {minutes}, {scale}×", routine.name),
                    );
                }
            }
        }
    }
}

#[test]
fn a_large_window_shows_the_steps_beside_the_length() {
    let dir = tempfile::tempdir().expect("temp dir");
    let harness = launch(dir.path(), SIZES[1], 1.0);
    let start = harness.get_by_label_contains("Start  (").rect();
    let steps = harness.get_by_label("Steps").rect();
    assert!(
        steps.left() > start.right(),
        "two columns: the steps {steps:?} beside Start {start:?}"
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let harness = launch(dir.path(), SIZES[0], 1.0);
    let start = harness.get_by_label_contains("Start  (").rect();
    let steps = harness.get_by_label("Steps").rect();
    assert!(steps.top() > start.bottom(), "one column at 1024 px");
}

#[test]
fn every_learn_topic_is_in_view_and_fits() {
    for size in SIZES {
        for scale in SCALES {
            let dir = tempfile::tempdir().expect("temp dir");
            let mut harness = launch(dir.path(), size, scale);
            harness.get_by_label("Learn").click();
            harness.run();
            let window = egui::Rect::from_min_size(egui::Pos2::ZERO, size);
            for id in PanelId::ALL {
                let topic = harness
                    .query_all_by_label(id.title())
                    .find(|n| {
                        use egui_kittest::kittest::NodeT as _;
                        n.accesskit_node().role() == egui::accesskit::Role::Button
                    })
                    .unwrap_or_else(|| panic!("{} is listed at {size:?}", id.title()));
                assert!(
                    window.contains_rect(topic.rect()),
                    "{} is in view without scrolling at {size:?}: {:?}",
                    id.title(),
                    topic.rect()
                );
                topic.click();
                harness.run();
                common::assert_fits(&harness, size, &format!("Learn, {}, {scale}×", id.title()));
            }
            // Home is still there, whole, when Learn closes.
            harness.get_by_label("Close Learn").click();
            harness.run();
            common::assert_fits(&harness, size, "Home after Learn");
        }
    }
}
