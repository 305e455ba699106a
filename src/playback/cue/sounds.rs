//! The cue sounds, synthesised from a few soft sine "chime" notes so there are no sound files to
//! ship. Each note has a smooth 15 ms fade-in, a bell-like decay and a 40 ms fade-out, so nothing
//! clicks or startles; the whole sound is scaled to a peak of at most [`MAX_PEAK`]. The cues are
//! told apart by pitch and shape: a rising chime to start, a falling one to end, one mid tone at
//! halfway, short pips for the countdown (higher on "1"), a low-high swing to switch sides and a
//! major arpeggio when the routine is done. [`render`] is pure, so sounds are testable without a
//! device.

use std::f32::consts::{PI, TAU};

use crate::core::plan::Cue;
use crate::core::routine::Side;

/// The loudest sample any cue reaches before the caller's volume is applied.
pub const MAX_PEAK: f32 = 0.45;

/// Fade-in length of every note, in seconds.
const ATTACK_S: f32 = 0.015;
/// Fade-out length at the end of every note, in seconds.
const RELEASE_S: f32 = 0.04;
const _: () = assert!(
    ATTACK_S >= 0.010 && RELEASE_S >= 0.030,
    "fades must hide clicks"
);

/// One chime note: a pitch placed in time.
struct Note {
    /// Pitch in hertz.
    freq: f32,
    /// Start time in seconds from the beginning of the sound.
    start: f32,
    /// Length in seconds, fades included.
    len: f32,
    /// Peak amplitude before the final normalisation.
    amp: f32,
}

const fn note(freq: f32, start: f32, len: f32, amp: f32) -> Note {
    Note {
        freq,
        start,
        len,
        amp,
    }
}

// Pitches (equal temperament, A4 = 440 Hz).
const G4: f32 = 392.00;
const C5: f32 = 523.25;
const D5: f32 = 587.33;
const E5: f32 = 659.25;
const G5: f32 = 783.99;
const A5: f32 = 880.00;
const C6: f32 = 1046.50;

/// The notes that make up `cue`.
fn score(cue: Cue) -> Vec<Note> {
    match cue {
        // Rising fourth: "go".
        Cue::StepStart => vec![note(E5, 0.0, 0.26, 0.32), note(A5, 0.18, 0.32, 0.32)],
        // One soft mid tone.
        Cue::Halfway => vec![note(D5, 0.0, 0.40, 0.30)],
        // Short pips; "1" a little higher than "3" and "2".
        Cue::Countdown(1) => vec![note(C6, 0.0, 0.12, 0.26)],
        Cue::Countdown(_) => vec![note(A5, 0.0, 0.12, 0.26)],
        // Low-high-low-high swing, like stepping from one side to the other.
        Cue::SwitchSides => vec![
            note(G4, 0.0, 0.14, 0.32),
            note(C5, 0.13, 0.14, 0.32),
            note(G4, 0.26, 0.14, 0.32),
            note(C5, 0.39, 0.16, 0.32),
        ],
        // One very soft, short tick: "next one", for each further movement of a set of moves.
        Cue::RepTick => vec![note(E5, 0.0, 0.09, 0.18)],
        // Alternating sides: one low note for the left, one high note for the right.
        Cue::Side(Side::Left) => vec![note(G4, 0.0, 0.26, 0.32)],
        Cue::Side(Side::Right) => vec![note(G5, 0.0, 0.26, 0.32)],
        // Falling fifth: "release".
        Cue::StepEnd => vec![note(G5, 0.0, 0.26, 0.32), note(C5, 0.18, 0.34, 0.32)],
        // C major arpeggio that rings out.
        Cue::RoutineDone => vec![
            note(C5, 0.0, 0.70, 0.28),
            note(E5, 0.25, 0.70, 0.28),
            note(G5, 0.50, 0.95, 0.28),
        ],
    }
}

/// Gain of a note `t` seconds after it starts: smooth fade-in, bell-like decay, smooth fade-out,
/// and exactly zero outside `0..len`.
fn envelope(t: f32, len: f32) -> f32 {
    if !(0.0..len).contains(&t) {
        return 0.0;
    }
    let fade_in = raised_cosine((t / ATTACK_S).min(1.0));
    let fade_out = raised_cosine(((len - t) / RELEASE_S).min(1.0));
    let decay = (-t / (0.5 * len)).exp();
    fade_in * fade_out * decay
}

/// Smooth 0→1 ramp over `x` in `0..=1` (half a cosine period), with zero slope at both ends.
fn raised_cosine(x: f32) -> f32 {
    0.5 - 0.5 * (PI * x).cos()
}

/// Renders `cue` as mono samples at `sample_rate` (a rate of 0 is treated as 1 Hz).
///
/// The result is never empty, starts and ends at silence, peaks at no more than [`MAX_PEAK`],
/// lasts at most 0.6 s (1.5 s for [`Cue::RoutineDone`]) and is the same for every call.
#[must_use]
pub fn render(cue: Cue, sample_rate: u32) -> Vec<f32> {
    let rate = sample_rate.max(1) as f32;
    let notes = score(cue);
    let end = notes
        .iter()
        .map(|n| n.start + n.len)
        .fold(0.0_f32, f32::max);
    // One extra sample so the sound always finishes on an exact zero.
    let len = (end * rate).ceil() as usize + 1;
    let mut out = vec![0.0_f32; len];
    for n in &notes {
        let first = (n.start * rate).floor() as usize;
        for (i, sample) in out.iter_mut().enumerate().skip(first) {
            let t = i as f32 / rate - n.start;
            if t >= n.len {
                break;
            }
            // A quiet octave partial makes the sine rounder, like a soft bell.
            let phase = TAU * n.freq * t;
            let tone = (phase.sin() + 0.15 * (2.0 * phase).sin()) / 1.15;
            *sample += n.amp * envelope(t, n.len) * tone;
        }
    }
    let peak = out.iter().fold(0.0_f32, |m, s| m.max(s.abs()));
    if peak > MAX_PEAK {
        let scale = MAX_PEAK / peak;
        for s in &mut out {
            *s *= scale;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const CUES: [Cue; 8] = [
        Cue::StepStart,
        Cue::Halfway,
        Cue::Countdown(3),
        Cue::Countdown(2),
        Cue::Countdown(1),
        Cue::SwitchSides,
        Cue::StepEnd,
        Cue::RoutineDone,
    ];

    fn seconds(samples: &[f32], rate: u32) -> f32 {
        samples.len() as f32 / rate as f32
    }

    /// The frequency (200..2000 Hz, 5 Hz grid) with the most energy in `x`, by Goertzel.
    fn dominant_hz(x: &[f32], rate: u32) -> f32 {
        let mut best = (0.0, 0.0);
        for step in 40..=400 {
            let f = step as f32 * 5.0;
            let k = 2.0 * (TAU * f / rate as f32).cos();
            let (mut s1, mut s2) = (0.0_f32, 0.0_f32);
            for &v in x {
                let s0 = v + k * s1 - s2;
                s2 = s1;
                s1 = s0;
            }
            let power = s1 * s1 + s2 * s2 - k * s1 * s2;
            if power > best.1 {
                best = (f, power);
            }
        }
        best.0
    }

    /// (length in s, dominant pitch of the first half, dominant pitch of the second half).
    fn fingerprint(cue: Cue, rate: u32) -> (f32, f32, f32) {
        let s = render(cue, rate);
        let (a, b) = s.split_at(s.len() / 2);
        (
            seconds(&s, rate),
            dominant_hz(a, rate),
            dominant_hz(b, rate),
        )
    }

    #[test]
    fn every_cue_is_short_soft_and_click_free() {
        for rate in [22_050, 44_100, 48_000] {
            for cue in CUES {
                let s = render(cue, rate);
                assert!(!s.is_empty(), "{cue:?}");
                let first = s.first().copied().unwrap_or(1.0);
                let last = s.last().copied().unwrap_or(1.0);
                assert!(first.abs() < 0.01 && last.abs() < 0.01, "{cue:?} clicks");
                let peak = s.iter().fold(0.0_f32, |m, v| m.max(v.abs()));
                assert!(peak <= 0.5 && peak > 0.1, "{cue:?} peak {peak}");
                assert!(s.iter().all(|v| v.is_finite()));
                let limit = if cue == Cue::RoutineDone { 1.5 } else { 0.6 };
                assert!(seconds(&s, rate) <= limit, "{cue:?} too long");
                // Fade-in: the first 5 ms stay well below the peak.
                let early = s[..rate as usize / 200]
                    .iter()
                    .fold(0.0_f32, |m, v| m.max(v.abs()));
                assert!(early < 0.5 * peak, "{cue:?} starts abruptly");
            }
        }
    }

    #[test]
    fn notes_fade_in_and_out_smoothly() {
        assert!(envelope(0.0, 0.2).abs() < 1e-6);
        assert!(envelope(0.2, 0.2).abs() < 1e-6);
        assert!(envelope(0.2 - 1e-4, 0.2) < 0.001);
        assert!(envelope(0.05, 0.2) > 0.5);
    }

    #[test]
    fn rendering_is_deterministic_and_tolerates_zero_rate() {
        assert_eq!(
            render(Cue::StepStart, 48_000),
            render(Cue::StepStart, 48_000)
        );
        assert!(!render(Cue::Halfway, 0).is_empty());
    }

    #[test]
    fn cues_are_distinct() {
        let rate = 16_000;
        assert_eq!(
            render(Cue::Countdown(3), rate),
            render(Cue::Countdown(2), rate)
        );
        let kinds = [
            Cue::StepStart,
            Cue::Halfway,
            Cue::Countdown(3),
            Cue::Countdown(1),
            Cue::SwitchSides,
            Cue::StepEnd,
            Cue::RoutineDone,
        ];
        let prints: Vec<_> = kinds.iter().map(|&c| fingerprint(c, rate)).collect();
        let differ = |a: f32, b: f32| (a - b).abs() > 0.03 * a.max(b);
        for (i, a) in prints.iter().enumerate() {
            for (j, b) in prints.iter().enumerate().skip(i + 1) {
                let len_differs = (a.0 - b.0).abs() > 0.05;
                assert!(
                    len_differs || differ(a.1, b.1) || differ(a.2, b.2),
                    "{:?} {a:?} sounds like {:?} {b:?}",
                    kinds[i],
                    kinds[j]
                );
            }
        }
        let start = fingerprint(Cue::StepStart, rate);
        let end = fingerprint(Cue::StepEnd, rate);
        let done = fingerprint(Cue::RoutineDone, rate);
        assert!(start.2 > start.1, "step start should rise: {start:?}");
        assert!(end.2 < end.1, "step end should fall: {end:?}");
        assert!(done.2 > done.1, "routine done should rise: {done:?}");
        let three = fingerprint(Cue::Countdown(3), rate);
        let one = fingerprint(Cue::Countdown(1), rate);
        assert!(
            one.1 > three.1 && one.1 < 1.3 * three.1,
            "1 is slightly higher: {one:?} {three:?}"
        );
    }
}
