//! Spoken guidance in the whole app, driven as a person would: start a routine and hear the
//! lines and chimes in order at their seconds; change guidance and rep counting in Settings;
//! press "Test voice"; read what Settings says about own step names.

mod common;

use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use unknot::app::{AppConfig, UnknotApp};
use unknot::core::settings::Settings;
use unknot::playback::clock::{Clock, ManualClock};
use unknot::playback::speech::{HeardLog, RecordingSpeaker, VoiceStatus};
use unknot::store::Store;
use unknot::store::builtin;

struct Rig {
    harness: Harness<'static, UnknotApp>,
    clock: ManualClock,
    heard: HeardLog,
    t0: Instant,
}

fn launch(dir: &Path, voice: VoiceStatus) -> Rig {
    // The back-pain question has its own tests (tests/history_app.rs).
    common::seed_settings(dir, false);
    let clock = ManualClock::new();
    let shared: Arc<dyn Clock> = Arc::new(clock.clone());
    let (speaker, heard) = RecordingSpeaker::new(Arc::clone(&shared), voice);
    let chimes = heard.chimes(Arc::clone(&shared));
    let config = AppConfig {
        speaker: Some(Box::new(speaker)),
        ..AppConfig::for_tests(Arc::clone(&shared), Box::new(chimes), Store::at(dir))
    };
    let harness = Harness::builder()
        .with_size(egui::vec2(1100.0, 800.0))
        .build_eframe(move |cc| UnknotApp::new(&cc.egui_ctx, config));
    let t0 = clock.now();
    let mut rig = Rig {
        harness,
        clock,
        heard,
        t0,
    };
    rig.harness.run();
    rig
}

impl Rig {
    fn wait(&mut self, secs: u64) {
        common::wait(&mut self.harness, &self.clock, secs);
    }

    fn click(&mut self, label: &str) {
        self.harness.get_by_label(label).click();
        self.harness.run();
    }

    fn start_desk_break(&mut self) {
        use egui_kittest::kittest::NodeT as _;
        let routine = builtin::find("desk-break").expect("built in");
        self.harness
            .get_all_by_label(routine.name())
            .find(|node| node.accesskit_node().role() != egui::accesskit::Role::Label)
            .expect("the routine is listed")
            .click();
        self.harness.run();
        self.click(&format!(
            "Start  ({})",
            unknot::core::plan::clock(desk_break_secs())
        ));
    }

    fn said(&self) -> Vec<(u64, String)> {
        self.heard
            .timeline(self.t0)
            .into_iter()
            .map(|(at, text)| (at.as_secs(), text))
            .collect()
    }
}

/// The desk break's length at the default choice and pauses.
fn desk_break_secs() -> u32 {
    let routine = builtin::find("desk-break").expect("built in");
    unknot::core::fit::fit(
        &routine,
        &unknot::core::fit::LengthChoice::default(),
        Settings::default().timing(),
    )
    .total_secs
}

const HEARD: VoiceStatus = VoiceStatus {
    clips: true,
    system_speech: None,
};

#[test]
fn a_routine_is_spoken_step_by_step_and_the_chime_yields_to_speech() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut rig = launch(dir.path(), HEARD);
    rig.start_desk_break();
    let routine = builtin::find("desk-break").expect("built in");
    rig.wait(u64::from(desk_break_secs()) + 2);
    let said = rig.said();
    let first = routine.steps()[0]
        .known_technique()
        .map(|t| unknot::core::voice::spoken_name(t.id))
        .expect("a spoken name");
    assert!(
        said[0].0 == 0 && said[0].1.starts_with("Get ready: "),
        "{said:?}"
    );
    assert!(said[0].1.contains(first), "{said:?}");
    assert_eq!(
        said.last().map(|(_, t)| t.as_str()),
        Some("Routine complete. Well done.")
    );
    // One sound per second at most: speech and chimes never start together.
    assert!(said.windows(2).all(|w| w[0].0 < w[1].0), "{said:?}");
    let gets_ready = said
        .iter()
        .filter(|(_, t)| t.starts_with("Get ready"))
        .count();
    assert_eq!(gets_ready, routine.steps().len());
}

#[test]
fn chimes_only_silences_the_voice_and_test_voice_speaks_at_the_voice_volume() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut rig = launch(dir.path(), HEARD);
    rig.click("Settings");
    assert!(rig.harness.query_by_label("Voice and chimes").is_some());
    rig.click("Chimes only");
    rig.click("Count repetitions aloud during moves");
    rig.click("Test voice");
    let settings = rig.harness.state().settings();
    assert_eq!(settings.guidance, unknot::core::voice::Guidance::ChimesOnly);
    assert!(!settings.count_reps);
    assert_eq!(
        rig.said(),
        [(0, "Get ready: single knee to chest, left side.".to_owned())]
    );
    assert!(matches!(
        rig.heard.heard()[..],
        [unknot::playback::speech::Heard::Speech { volume, .. }] if (volume - 0.6).abs() < f32::EPSILON
    ));
    assert!(
        rig.harness
            .query_by_label_contains("announced as \u{201c}Next exercise\u{201d}")
            .is_some(),
        "Settings says own names get the generic line"
    );
    rig.click("Close");
    rig.heard_clear_and_run();
}

impl Rig {
    /// Runs the desk break under "chimes only" and checks nothing is spoken.
    fn heard_clear_and_run(&mut self) {
        let before = self.said().len();
        self.start_desk_break();
        self.wait(30);
        let after = self.said();
        assert!(after.len() > before + 3, "chimes play");
        assert!(after[before..].iter().all(|(_, t)| t.starts_with("chime")));
    }
}

#[test]
fn settings_name_the_speech_service_used_for_own_steps() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut rig = launch(
        dir.path(),
        VoiceStatus {
            clips: true,
            system_speech: Some("spd-say".into()),
        },
    );
    rig.click("Settings");
    assert!(
        rig.harness
            .query_by_label_contains("speech service (spd-say)")
            .is_some()
    );
}
