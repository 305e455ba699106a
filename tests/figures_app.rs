//! The figure on the real app: the player shows the current step's figure as the largest
//! thing on the screen, inside the window, named for a screen reader by what it shows and on
//! which side; the step lists and the catalogue show still thumbnails.

mod common;

use std::path::Path;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use unknot::app::{ScreenKind, StartRequest, UnknotApp};
use unknot::core::figure::library::for_technique;
use unknot::core::routine::model::Side;
use unknot::playback::clock::ManualClock;

use common::rig::Launch;

fn launch(
    dir: &Path,
    size: egui::Vec2,
    start: Option<StartRequest>,
) -> (Harness<'static, UnknotApp>, ManualClock) {
    let rig = Launch::new(dir).size(size).start(start).run();
    (rig.harness, rig.clock)
}

fn morning() -> StartRequest {
    StartRequest {
        routine_id: "morning-mobility".into(),
        minutes: None,
    }
}

fn description(key: &str, side: Option<Side>) -> String {
    for_technique(unknot::core::routine::TechniqueId::from_key(key).expect("a known key"))
        .describe(side)
}

fn image_rect(harness: &Harness<'static, UnknotApp>, name: &str) -> egui::Rect {
    harness.get_by_role_and_label(Role::Image, name).rect()
}

#[test]
fn the_player_shows_the_current_steps_figure_as_its_largest_part() {
    for size in [egui::vec2(1024.0, 640.0), egui::vec2(1920.0, 1080.0)] {
        let dir = tempfile::tempdir().expect("temp dir");
        let (mut harness, clock) = launch(dir.path(), size, Some(morning()));
        assert_eq!(harness.state().screen(), ScreenKind::Player);
        // The first step is pelvic tilts; let it get going.
        common::wait(&mut harness, &clock, 7);
        let name = description("pelvic-tilt", None);
        let figure = image_rect(&harness, &name);
        let window = egui::Rect::from_min_size(egui::Pos2::ZERO, size);
        assert!(window.contains_rect(figure), "{figure:?} fits {size:?}");
        let countdown = harness
            .get_all_by_role(Role::Label)
            .filter(|n| {
                let node = n.accesskit_node();
                let text = node.label().or(node.value()).unwrap_or_default();
                text.len() <= 5 && text.contains(':')
            })
            .map(|n| n.rect())
            .max_by(|a, b| a.area().total_cmp(&b.area()))
            .expect("the big countdown");
        assert!(
            figure.area() > countdown.area(),
            "the figure ({figure:?}) outsizes the countdown ({countdown:?}) at {size:?}"
        );
        for button in ["Back", "Pause", "Skip", "Stop"] {
            let rect = harness.get_by_label(button).rect();
            assert!(
                !rect.intersects(figure),
                "{button} stays clear of the figure"
            );
        }
    }
}

#[test]
fn each_side_is_shown_and_named_and_the_next_step_replaces_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut harness, clock) = launch(dir.path(), egui::vec2(1100.0, 800.0), Some(morning()));
    harness.get_by_label("Skip").click();
    harness.run();
    assert!(
        harness
            .query_by_role_and_label(Role::Image, &description("pelvic-tilt", None))
            .is_none(),
        "the skipped step's figure is gone"
    );
    let left = description("single-knee-to-chest", Some(Side::Left));
    let right = description("single-knee-to-chest", Some(Side::Right));
    assert!(left.contains("left knee") && right.contains("right knee"));
    harness.get_by_role_and_label(Role::Image, &left);
    let shown = harness
        .state()
        .shown_figure()
        .expect("the player drew a figure");
    assert!(!shown.mirrored(), "the left side is drawn as authored");
    // Get ready, then two holds and a rest on the left, then the switch.
    let mut seen_right = false;
    for _ in 0..90 {
        common::wait(&mut harness, &clock, 1);
        if harness
            .query_by_role_and_label(Role::Image, &right)
            .is_some()
        {
            seen_right = true;
            break;
        }
    }
    assert!(seen_right, "the right side gets its own figure");
    let shown = harness
        .state()
        .shown_figure()
        .expect("the player drew a figure");
    assert_eq!(shown.side, Some(Side::Right));
    assert!(
        shown.mirrored(),
        "the right side is the left's mirror image"
    );
    assert_eq!(shown.description(), right);
    assert!(
        harness.query_by_label("RIGHT SIDE").is_some()
            || harness.query_by_label("NEXT: RIGHT").is_some()
    );
}

#[test]
fn the_home_step_list_and_the_catalogue_show_thumbnails() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut harness, _clock) = launch(dir.path(), egui::vec2(1100.0, 800.0), None);
    common::click_routine(&mut harness, "Morning low-back mobility");
    for key in ["pelvic-tilt", "glute-bridge", "cat-cow", "childs-pose"] {
        harness.get_by_role_and_label(Role::Image, &description(key, None));
    }
    harness.get_by_role_and_label(
        Role::Image,
        &description("single-knee-to-chest", Some(Side::Left)),
    );
    harness.get_by_label("New routine").click();
    harness.run();
    for key in ["sphinx", "ball-wall-glutes", "roller-upper-back"] {
        let t = unknot::core::routine::technique::find(key).expect("registered");
        let side = unknot::core::figure::first_side(t.sides);
        harness.get_by_role_and_label(Role::Image, &description(key, side));
    }
}
