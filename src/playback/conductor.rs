//! The conductor runs the session's cues on time, whatever the window is doing.
//!
//! It owns the running [`Session`] and the [`CuePlayer`] behind one lock. With a timer thread
//! (the real app), the thread sleeps until the next cue is due, ticks the session and plays what
//! fell due, so cues are on time even while the window is minimised and egui draws nothing.
//! Without one (tests), the app calls [`Conductor::pump`] each frame. Either way each cue plays
//! exactly once, because the session hands out each cue once. The conductor knows nothing of
//! egui: it is told how to wake the window with a plain callback.
//!
//! **Voice.** The conductor also holds a [`Speaker`] and the spoken [`voice::script`] of the
//! running plan (see `Voice` below). At each cue it says the line due at that instant, if any,
//! and then the chime yields: speech and a chime never start together. Chimes play where no
//! line is said, unless guidance is set to voice only; when the voice cannot be heard (no
//! output for it), chimes play as if guidance were chimes only.

use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::core::plan::{Cue, Plan, PlannedCue};
use crate::core::session::Session;
use crate::core::settings::Settings;
use crate::core::voice::{self, Guidance, SpokenLine, Utterance};
use crate::playback::clock::Clock;
use crate::playback::cue::{AudioStatus, CuePlayer};
use crate::playback::output::Outputs;
use crate::playback::speech::{SilentSpeaker, Speaker, VoiceStatus};

/// Asks the window to redraw soon (for example after the routine finishes).
pub type Waker = Box<dyn Fn() + Send + Sync>;

struct Stage {
    session: Option<Session>,
    player: Box<dyn CuePlayer>,
    /// The sound output is being opened in the background: what falls due meanwhile is held.
    outputs_pending: bool,
    /// Cues and lines that fell due while the output was opening, played when it opens if
    /// still within the get-ready pause (see [`Stage::play_held`]).
    held: Vec<HeldSound>,
    settings: Settings,
    quit: bool,
    voice: Voice,
}

/// Something that fell due while the sound output was still opening.
#[derive(Clone, Debug, PartialEq, Eq)]
enum HeldSound {
    /// Cues one tick or command handed out at `at`, with the lines due with them.
    Cues { due: Vec<Cue>, at: Instant },
    /// The opening line of a routine started at `at`.
    Opening { at: Instant },
}

/// The voice's part of the stage: its speaker and the running plan's spoken lines.
struct Voice {
    speaker: Box<dyn Speaker>,
    lines: Vec<SpokenLine>,
}

impl Stage {
    /// Plays the cues that fell due (`due`, as the session handed them out) with the lines
    /// due at their instants.
    fn play(&mut self, due: &[Cue], now: Instant) {
        if self.outputs_pending {
            if !due.is_empty() {
                self.held.push(HeldSound::Cues {
                    due: due.to_vec(),
                    at: now,
                });
            }
            return;
        }
        let planned = self
            .session
            .as_ref()
            .map(|session| planned_cues(session, due, now))
            .unwrap_or_default();
        for (index, &cue) in due.iter().enumerate() {
            let Some(gain) = self.settings.gain(cue) else {
                continue;
            };
            let line = planned
                .get(index)
                .filter(|p| p.cue == cue)
                .and_then(|p| voice::line_at(&self.voice.lines, p.at_secs));
            if let Some(line) = line.filter(|_| self.voice_heard()) {
                // The chime yields to speech at this instant.
                let limit = line_limit(line);
                self.voice
                    .speaker
                    .say(&line.utterance, self.settings.voice_volume, limit);
            } else if self.settings.guidance != Guidance::VoiceOnly || !self.voice_heard() {
                self.player.play(cue, gain);
            }
        }
    }

    /// Whether spoken lines are wanted and can be heard.
    fn voice_heard(&self) -> bool {
        self.settings.guidance != Guidance::ChimesOnly
            && !self.settings.muted
            && self.settings.voice_volume > 0.0
            && self.voice.speaker.status().clips
    }

    /// Plays what was held while the output opened, each at the instant it fell due, unless
    /// that was longer ago than the get-ready pause (at least a second): a late sound would then
    /// speak over what the person is already doing, so it is dropped.
    fn play_held(&mut self, now: Instant) {
        let limit = Duration::from_secs(u64::from(self.settings.get_ready_secs.max(1)));
        for held in std::mem::take(&mut self.held) {
            match held {
                HeldSound::Cues { due, at } if now.saturating_duration_since(at) <= limit => {
                    self.play(&due, at);
                }
                HeldSound::Opening { at } if now.saturating_duration_since(at) <= limit => {
                    self.say_opening(at);
                }
                HeldSound::Cues { .. } | HeldSound::Opening { .. } => {}
            }
        }
    }

    /// Says the opening line (the first get-ready, which has no cue), if there is one, for a
    /// routine started (or sent back to its start) at `at`.
    fn say_opening(&mut self, at: Instant) {
        if self.outputs_pending {
            self.held.push(HeldSound::Opening { at });
            return;
        }
        let has_cue_at_0 = self
            .session
            .as_ref()
            .is_some_and(|s| s.plan().cues().first().is_some_and(|c| c.at_secs == 0));
        if has_cue_at_0 || !self.voice_heard() {
            return;
        }
        if let Some(line) = voice::line_at(&self.voice.lines, 0) {
            let limit = line_limit(line);
            self.voice
                .speaker
                .say(&line.utterance, self.settings.voice_volume, limit);
        }
    }

    /// Rebuilds the spoken lines for the running plan (after a start or a change of settings
    /// or speaker).
    fn rewrite_script(&mut self) {
        self.voice.lines = self.session.as_ref().map_or_else(Vec::new, |session| {
            let options = voice::ScriptOptions {
                count_reps: self.settings.count_reps,
                own_names: self.voice.speaker.status().system_speech.is_some(),
            };
            voice::script(
                session.plan(),
                options,
                &crate::playback::speech::clips::clip_secs,
            )
        });
    }
}

/// How long words for the system speech service may run: the room before the next cue.
fn line_limit(line: &SpokenLine) -> Duration {
    Duration::try_from_secs_f32(line.room_secs - voice::GAP_SECS).unwrap_or(Duration::from_secs(5))
}

/// The planned cues behind `due`, the cues one tick (or command) handed out.
///
/// The session hands out cues in plan order and drops only stale ones, which are the earliest
/// (the routine's end, always kept, is the last cue of all), so what one tick hands out is the
/// last `due.len()` cues at or before the session's position. Each is checked against the cue
/// it stands for; a mismatch gives no line, so the chime plays.
fn planned_cues(session: &Session, due: &[Cue], now: Instant) -> Vec<PlannedCue> {
    let at = session.position(now).as_secs();
    let cues = &session.plan().cues();
    let end = cues.partition_point(|c| u64::from(c.at_secs) <= at);
    let Some(start) = end.checked_sub(due.len()) else {
        return Vec::new();
    };
    cues[start..end].to_vec()
}

struct Shared {
    stage: Mutex<Stage>,
    changed: Condvar,
    clock: Arc<dyn Clock>,
    waker: Waker,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, Stage> {
        // A panic while holding the lock cannot leave the stage half-updated in a way that
        // matters more than going silent, so carry on with the data as it is.
        self.stage.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Ticks the session and plays what fell due; wakes the window when the session ends.
    fn pump(&self, stage: &mut Stage) {
        let now = self.clock.now();
        let Some(session) = stage.session.as_mut() else {
            return;
        };
        let before = session.state();
        let due = session.tick(now);
        let after = session.state();
        stage.play(&due, now);
        // Cues fall on whole seconds, when the window redraws anyway; only a change of state
        // (the routine finishing) needs the window woken.
        if before != after {
            (self.waker)();
        }
    }
}

/// Runs the session's cues; see the module docs.
pub struct Conductor {
    shared: Arc<Shared>,
    timer: Option<JoinHandle<()>>,
}

impl Conductor {
    /// A conductor playing on `player`, with a timer thread if `with_timer` is true.
    #[must_use]
    pub fn new(
        clock: Arc<dyn Clock>,
        player: Box<dyn CuePlayer>,
        settings: Settings,
        waker: Waker,
        with_timer: bool,
    ) -> Self {
        let shared = Arc::new(Shared {
            stage: Mutex::new(Stage {
                session: None,
                player,
                outputs_pending: false,
                held: Vec::new(),
                settings,
                quit: false,
                voice: Voice {
                    speaker: Box::new(SilentSpeaker),
                    lines: Vec::new(),
                },
            }),
            changed: Condvar::new(),
            clock,
            waker,
        });
        let timer = with_timer
            .then(|| {
                let shared = Arc::clone(&shared);
                std::thread::Builder::new()
                    .name("unknot-cues".into())
                    .spawn(move || timer_loop(&shared))
                    .ok()
            })
            .flatten();
        Self { shared, timer }
    }

    /// Marks the sound output as about to open: until [`Self::open_outputs_in_background`]
    /// has opened it, cues and lines that fall due are held, and the sound is not reported
    /// unavailable. (The app opens the output only once its first frame is on screen.)
    pub fn expect_outputs(&self) {
        self.shared.lock().outputs_pending = true;
    }

    /// Opens the sound output (chimes and voice together) on a background thread, so the
    /// window need not wait for the audio device. Until it is open, the test-sound button uses
    /// the player given at creation, and cues and lines that fall due are held, then played
    /// when it opens if still within the get-ready pause. Wakes the window when done, so a
    /// changed status is shown.
    pub fn open_outputs_in_background(&self, open: impl FnOnce() -> Outputs + Send + 'static) {
        let shared = Arc::clone(&self.shared);
        self.shared.lock().outputs_pending = true;
        let spawned = std::thread::Builder::new()
            .name("unknot-audio-open".into())
            .spawn(move || {
                let outputs = open();
                let mut stage = shared.lock();
                stage.player = outputs.player;
                stage.voice.speaker = outputs.speaker;
                stage.outputs_pending = false;
                stage.rewrite_script();
                stage.play_held(shared.clock.now());
                drop(stage);
                shared.changed.notify_all();
                (shared.waker)();
            });
        if spawned.is_err() {
            // No thread: stay with the player we have, which says why sound is off.
            let mut stage = self.shared.lock();
            stage.outputs_pending = false;
            stage.held.clear();
        }
    }

    /// Waits until a sound output being opened in the background is open, at most `limit`;
    /// returns whether it is open (for tests: it waits on the conductor's signal, not a timer).
    pub fn wait_for_outputs(&self, limit: Duration) -> bool {
        let stage = self.shared.lock();
        let (stage, _) = self
            .shared
            .changed
            .wait_timeout_while(stage, limit, |stage| stage.outputs_pending)
            .unwrap_or_else(PoisonError::into_inner);
        !stage.outputs_pending
    }

    /// The current instant on the conductor's clock.
    #[must_use]
    pub fn now(&self) -> Instant {
        self.shared.clock.now()
    }

    /// The local wall-clock time on the conductor's clock.
    #[must_use]
    pub fn local_now(&self) -> jiff::ZonedDateTime {
        self.shared.clock.local_now()
    }

    /// Whether the sound output works, and if not, why.
    #[must_use]
    pub fn audio_status(&self) -> AudioStatus {
        self.shared.lock().player.status().clone()
    }

    /// Whether the sound output is still being opened in the background.
    #[must_use]
    pub fn outputs_pending(&self) -> bool {
        self.shared.lock().outputs_pending
    }

    /// Uses new volume, mute and cue choices from now on.
    pub fn set_settings(&self, settings: &Settings) {
        let mut stage = self.shared.lock();
        let recount = stage.settings.count_reps != settings.count_reps;
        stage.settings = settings.clone();
        if recount {
            stage.rewrite_script();
        }
    }

    /// Uses `speaker` for the voice from now on.
    pub fn set_speaker(&self, speaker: Box<dyn Speaker>) {
        let mut stage = self.shared.lock();
        stage.voice.speaker = speaker;
        stage.rewrite_script();
    }

    /// What the voice can do (clips heard, a system speech service for own names).
    #[must_use]
    pub fn voice_status(&self) -> VoiceStatus {
        self.shared.lock().voice.speaker.status().clone()
    }

    /// Says a sample line now at the voice volume (the "test voice" button); not when muted.
    pub fn test_voice(&self) {
        let mut stage = self.shared.lock();
        if !stage.settings.muted {
            let volume = stage.settings.voice_volume;
            let sample = Utterance::Clip(voice::TEST_PHRASE);
            stage
                .voice
                .speaker
                .say(&sample, volume, Duration::from_secs(5));
        }
    }

    /// Plays one cue now at the current volume (the "test sound" button); ignores the per-cue
    /// toggles but not mute.
    pub fn test_sound(&self, cue: Cue) {
        let mut stage = self.shared.lock();
        if !stage.settings.muted {
            let volume = stage.settings.volume;
            stage.player.play(cue, volume);
        }
    }

    /// Starts running `plan` now, replacing any session.
    pub fn start(&self, plan: Plan) {
        let mut stage = self.shared.lock();
        stage.session = Some(Session::start(plan, self.shared.clock.now()));
        stage.held.clear();
        stage.rewrite_script();
        stage.say_opening(self.shared.clock.now());
        self.shared.pump(&mut stage);
        self.shared.changed.notify_all();
    }

    /// Forgets the session (after it was stopped or finished and the person went home).
    pub fn clear(&self) {
        let mut stage = self.shared.lock();
        stage.session = None;
        stage.held.clear();
        stage.voice.lines.clear();
        drop(stage);
        self.shared.changed.notify_all();
    }

    /// Applies a command to the session at the current instant and plays the cues it returns.
    pub fn command(&self, apply: impl FnOnce(&mut Session, Instant) -> Vec<Cue>) {
        let mut stage = self.shared.lock();
        let now = self.shared.clock.now();
        // Play what fell due before the command first, so each cue is matched to its line at
        // the position it was due (a jump moves the position).
        self.shared.pump(&mut stage);
        if let Some(session) = stage.session.as_mut() {
            let before = session.position(now);
            let due = apply(session, now);
            let after = session.position(now);
            stage.play(&due, now);
            if after.is_zero() && !before.is_zero() {
                // Back to the very start: the first get-ready has no cue of its own.
                stage.say_opening(now);
            }
        }
        self.shared.changed.notify_all();
    }

    /// Ticks the session and plays what fell due (called by the app each frame).
    pub fn pump(&self) {
        let mut stage = self.shared.lock();
        self.shared.pump(&mut stage);
    }

    /// Reads the session (if any) at the current instant.
    pub fn read<R>(&self, read: impl FnOnce(Option<&Session>, Instant) -> R) -> R {
        let stage = self.shared.lock();
        read(stage.session.as_ref(), self.shared.clock.now())
    }
}

impl Drop for Conductor {
    fn drop(&mut self) {
        self.shared.lock().quit = true;
        self.shared.changed.notify_all();
        if let Some(timer) = self.timer.take() {
            // A panicked timer thread has nothing left to clean up.
            let _ = timer.join();
        }
    }
}

/// Sleeps until the next cue is due (or a command changes the session), then plays it.
fn timer_loop(shared: &Shared) {
    let mut stage = shared.lock();
    loop {
        if stage.quit {
            return;
        }
        shared.pump(&mut stage);
        let now = shared.clock.now();
        let wait = stage
            .session
            .as_ref()
            .and_then(|s| s.until_next_cue(now))
            // Nothing scheduled: sleep until a command arrives.
            .unwrap_or(Duration::from_hours(1));
        stage = shared
            .changed
            .wait_timeout(stage, wait)
            .map_or_else(|poisoned| poisoned.into_inner().0, |(guard, _)| guard);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::plan::Timing;
    use crate::core::routine::model::tests::{routine, step};
    use crate::playback::clock::{ManualClock, SystemClock};
    use crate::playback::cue::{CueLog, RecordingPlayer};
    use crate::playback::speech::{Heard, HeardLog, RecordingSpeaker};
    use std::sync::mpsc::Sender;

    fn plan(hold: u32) -> Plan {
        Plan::new(
            routine(vec![step("A", hold, 1, false)]),
            Timing {
                get_ready_secs: 1,
                switch_secs: 0,
            },
        )
    }

    /// A conductor without a timer thread on a manual clock, recording what it plays.
    fn recorded(settings: Settings) -> (ManualClock, Conductor, CueLog) {
        let clock = ManualClock::new();
        let (player, log) = RecordingPlayer::new();
        let conductor = Conductor::new(
            Arc::new(clock.clone()),
            Box::new(player),
            settings,
            Box::new(|| {}),
            false,
        );
        (clock, conductor, log)
    }

    #[test]
    fn pumping_plays_due_cues_at_the_chosen_gain() {
        let (clock, conductor, log) = recorded(Settings {
            volume: 0.4,
            ..Settings::default()
        });
        conductor.start(plan(3));
        clock.advance(Duration::from_secs(1));
        conductor.pump();
        clock.advance(Duration::from_secs(3));
        conductor.pump();
        assert_eq!(log.cues(), [Cue::StepStart, Cue::RoutineDone]);
        assert!(
            log.played()
                .iter()
                .all(|p| (p.volume - 0.4).abs() < f32::EPSILON)
        );
    }

    #[test]
    fn muted_or_toggled_off_cues_are_not_played_but_still_pass() {
        let (clock, conductor, log) = recorded(Settings {
            countdown_cues: false,
            ..Settings::default()
        });
        conductor.start(plan(10));
        for _ in 0..12 {
            clock.advance(Duration::from_secs(1));
            conductor.pump();
        }
        assert_eq!(log.cues(), [Cue::StepStart, Cue::RoutineDone]);
    }

    #[test]
    fn outputs_opened_in_the_background_replace_the_first_player() {
        let (_clock, conductor, first) = recorded(Settings::default());
        let (later, second) = RecordingPlayer::new();
        let (tx, rx) = std::sync::mpsc::channel::<()>();
        conductor.open_outputs_in_background(move || {
            // Wait until told, so the test sees the pending state.
            let _ = rx.recv();
            Outputs {
                player: Box::new(later),
                speaker: Box::new(SilentSpeaker),
            }
        });
        assert!(conductor.outputs_pending());
        conductor.test_sound(Cue::Halfway);
        tx.send(()).expect("the opener is waiting");
        assert!(conductor.wait_for_outputs(Duration::from_secs(10)));
        conductor.test_sound(Cue::StepEnd);
        assert_eq!(first.cues(), [Cue::Halfway]);
        assert_eq!(second.cues(), [Cue::StepEnd]);
    }

    /// A conductor on a manual clock whose sound output opens only when the returned sender
    /// is used; chimes and voice then go into the returned log.
    fn opening_late(settings: Settings) -> (ManualClock, Conductor, HeardLog, Sender<()>) {
        let clock = ManualClock::new();
        let shared_clock: Arc<dyn Clock> = Arc::new(clock.clone());
        let (speaker, log) = RecordingSpeaker::new(Arc::clone(&shared_clock), VOICE);
        let chimes = log.chimes(Arc::clone(&shared_clock));
        let (opening, _) = RecordingPlayer::new();
        let conductor = Conductor::new(
            shared_clock,
            Box::new(opening),
            settings,
            Box::new(|| {}),
            false,
        );
        let (open, opened) = std::sync::mpsc::channel::<()>();
        conductor.open_outputs_in_background(move || {
            let _ = opened.recv();
            Outputs {
                player: Box::new(chimes),
                speaker: Box::new(speaker),
            }
        });
        (clock, conductor, log, open)
    }

    #[test]
    fn the_first_line_waits_for_an_output_that_opens_late_within_the_get_ready_pause() {
        let (clock, conductor, log, open) = opening_late(Settings::default());
        let t0 = clock.now();
        conductor.start(knee_and_tilt());
        run_for(&clock, &conductor, 2);
        assert!(log.heard().is_empty(), "nothing can be heard yet");
        open.send(()).expect("the opener is waiting");
        assert!(conductor.wait_for_outputs(Duration::from_secs(10)));
        run_for(&clock, &conductor, 4);
        let timeline = log.timeline(t0);
        assert_eq!(
            timeline.first(),
            Some(&(
                s(2),
                "Get ready: single knee to chest, left side.".to_owned()
            )),
            "the opening line is said as soon as the output opens"
        );
        assert_eq!(timeline.get(1), Some(&(s(5), "Begin.".to_owned())));
    }

    #[test]
    fn what_fell_due_longer_ago_than_the_get_ready_pause_is_not_played_late() {
        let (clock, conductor, log, open) = opening_late(Settings::default());
        let t0 = clock.now();
        conductor.start(knee_and_tilt());
        run_for(&clock, &conductor, 12);
        open.send(()).expect("the opener is waiting");
        assert!(conductor.wait_for_outputs(Duration::from_secs(10)));
        run_for(&clock, &conductor, 1);
        let timeline = log.timeline(t0);
        assert_eq!(
            timeline,
            [(s(12), "Three.".to_owned()), (s(13), "Two.".to_owned())],
            "the get-ready line (0 s) and Begin (5 s) are dropped; Three (12 s) plays"
        );
    }

    /// A conductor on a manual clock whose chimes and voice go into one log.
    fn heard(settings: Settings, status: VoiceStatus) -> (ManualClock, Conductor, HeardLog) {
        let clock = ManualClock::new();
        let shared_clock: Arc<dyn Clock> = Arc::new(clock.clone());
        let (speaker, log) = RecordingSpeaker::new(Arc::clone(&shared_clock), status);
        let chimes = log.chimes(Arc::clone(&shared_clock));
        let conductor = Conductor::new(
            shared_clock,
            Box::new(chimes),
            settings,
            Box::new(|| {}),
            false,
        );
        conductor.set_speaker(Box::new(speaker));
        (clock, conductor, log)
    }

    const VOICE: VoiceStatus = VoiceStatus {
        clips: true,
        system_speech: None,
    };

    fn knee_and_tilt() -> Plan {
        let mut knee = crate::core::routine::technique::find("single-knee-to-chest")
            .expect("built in")
            .step("knee");
        knee.rep_secs = 10;
        knee.reps = 1;
        let mut tilt = crate::core::routine::technique::find("pelvic-tilt")
            .expect("built in")
            .step("tilt");
        tilt.rep_secs = 3;
        tilt.reps = 3;
        Plan::new(routine(vec![knee, tilt]), Timing::default())
    }

    fn run_for(clock: &ManualClock, conductor: &Conductor, secs: u64) {
        for _ in 0..secs {
            clock.advance(Duration::from_secs(1));
            conductor.pump();
        }
    }

    fn s(secs: u64) -> Duration {
        Duration::from_secs(secs)
    }

    #[test]
    fn speech_and_chimes_arrive_in_order_at_exact_times_and_never_together() {
        let (clock, conductor, log) = heard(Settings::default(), VOICE);
        let t0 = clock.now();
        conductor.start(knee_and_tilt());
        run_for(&clock, &conductor, 60);
        let said = |t: &str| t.to_owned();
        assert_eq!(
            log.timeline(t0),
            [
                (s(0), said("Get ready: single knee to chest, left side.")),
                (s(5), said("Begin.")),
                (s(12), said("Three.")),
                (s(13), said("Two.")),
                (s(14), said("One.")),
                (s(15), said("Switch sides.")),
                (s(20), said("Begin.")),
                (s(27), said("Three.")),
                (s(28), said("Two.")),
                (s(29), said("One.")),
                (s(30), said("Get ready: pelvic tilt.")),
                (s(35), said("Begin.")),
                (s(38), said("Two.")),
                (s(41), said("Last one.")),
                (s(44), said("Routine complete. Well done.")),
            ]
        );
        let times: Vec<Duration> = log.timeline(t0).iter().map(|(t, _)| *t).collect();
        assert!(times.windows(2).all(|w| w[0] < w[1]), "two sounds at once");
    }

    #[test]
    fn chimes_fill_the_moments_without_words_and_take_over_without_a_voice() {
        let quiet_ticks = Settings {
            count_reps: false,
            ..Settings::default()
        };
        let (clock, conductor, log) = heard(quiet_ticks, VOICE);
        let t0 = clock.now();
        conductor.start(knee_and_tilt());
        run_for(&clock, &conductor, 60);
        let timeline = log.timeline(t0);
        // The uncounted tick at 38 s is a chime; the rest stay words.
        assert!(timeline.contains(&(s(38), "chime RepTick".to_owned())));
        assert!(timeline.contains(&(s(41), "Last one.".to_owned())));
        assert_eq!(
            timeline
                .iter()
                .filter(|(_, t)| t.starts_with("chime"))
                .count(),
            1
        );

        let only_chimes = Settings {
            guidance: Guidance::ChimesOnly,
            ..Settings::default()
        };
        let (clock, conductor, log) = heard(only_chimes, VOICE);
        conductor.start(knee_and_tilt());
        run_for(&clock, &conductor, 60);
        assert!(log.heard().iter().all(|h| matches!(h, Heard::Chime { .. })));
        assert_eq!(log.heard().len(), knee_and_tilt().cues().len());

        // No output for the voice: every cue chimes, whatever the setting.
        let (clock, conductor, log) = heard(
            Settings {
                guidance: Guidance::VoiceOnly,
                ..Settings::default()
            },
            VoiceStatus::SILENT,
        );
        conductor.start(knee_and_tilt());
        run_for(&clock, &conductor, 60);
        assert_eq!(log.heard().len(), knee_and_tilt().cues().len());
        assert!(log.heard().iter().all(|h| matches!(h, Heard::Chime { .. })));
    }

    #[test]
    fn voice_only_is_silent_between_lines_and_the_voice_has_its_own_volume() {
        let settings = Settings {
            guidance: Guidance::VoiceOnly,
            count_reps: false,
            volume: 0.9,
            voice_volume: 0.3,
            ..Settings::default()
        };
        let (clock, conductor, log) = heard(settings, VOICE);
        conductor.start(knee_and_tilt());
        run_for(&clock, &conductor, 60);
        let heard = log.heard();
        assert!(heard.iter().all(|h| matches!(
            h,
            Heard::Speech { volume, .. } if (volume - 0.3).abs() < f32::EPSILON
        )));
        assert_eq!(heard.len(), 14, "the uncounted tick makes no sound");
    }

    #[test]
    fn a_skip_announces_the_next_step_and_back_to_the_start_says_the_first_again() {
        let (clock, conductor, log) = heard(Settings::default(), VOICE);
        let t0 = clock.now();
        conductor.start(knee_and_tilt());
        run_for(&clock, &conductor, 6);
        conductor.command(Session::skip);
        conductor.pump();
        clock.advance(Duration::from_secs(1));
        conductor.command(Session::back);
        conductor.pump();
        let texts: Vec<String> = log.timeline(t0).into_iter().map(|(_, t)| t).collect();
        assert_eq!(
            texts,
            [
                "Get ready: single knee to chest, left side.",
                "Begin.",
                "Get ready: pelvic tilt.",
                // Within two seconds of the tilt's start, back goes to the first step.
                "Get ready: single knee to chest, left side.",
            ]
        );
    }

    #[test]
    fn own_step_names_fall_back_to_the_generic_line_without_a_speech_service() {
        let mut own = step("Wall angels", 10, 1, false);
        own.technique = None;
        let plan = Plan::new(routine(vec![own]), Timing::default());
        let (clock, conductor, log) = heard(Settings::default(), VOICE);
        let t0 = clock.now();
        conductor.start(plan.clone());
        assert_eq!(
            log.timeline(t0)[0],
            (s(0), "Get ready: next exercise.".to_owned())
        );
        run_for(&clock, &conductor, 1);
        let with_service = VoiceStatus {
            clips: true,
            system_speech: Some("espeak-ng".into()),
        };
        let (_clock, conductor, log) = heard(Settings::default(), with_service);
        conductor.start(plan);
        assert_eq!(log.timeline(t0)[0].1, "Get ready: Wall angels.".to_owned());
    }

    #[test]
    fn the_timer_thread_plays_cues_without_anyone_pumping() {
        let (player, log) = RecordingPlayer::new();
        // The waker is the signal: the thread calls it when the routine ends.
        let (woke, woken) = std::sync::mpsc::channel::<()>();
        let waker: Waker = Box::new(move || {
            let _ = woke.send(());
        });
        let conductor = Conductor::new(
            Arc::new(SystemClock),
            Box::new(player),
            Settings::default(),
            waker,
            true,
        );
        // A zero-length get-ready and a 3 s hold: StepStart at once, RoutineDone at 3 s.
        conductor.start(Plan::new(
            routine(vec![step("A", 3, 1, false)]),
            Timing {
                get_ready_secs: 0,
                switch_secs: 0,
            },
        ));
        // Wait for the thread to wake the window at the end of the routine, on its own (bounded,
        // in case it never does).
        woken
            .recv_timeout(Duration::from_secs(10))
            .expect("the timer thread wakes the window when the routine ends");
        assert_eq!(log.cues(), [Cue::StepStart, Cue::RoutineDone]);
    }
}
