//! The recorded clips and their manifest, both embedded in the program.
//!
//! `assets/voice/manifest.tsv` has one row per phrase (clip id, length in seconds, SHA-256 of
//! the words, SHA-256 of the clip, the words) under a header naming the voice and its settings;
//! `scripts/make-voice` writes it together with the clips and `clip_table.rs`. The tests below
//! are the staleness check CI runs through `cargo test`, with no speech engine installed: every
//! phrase in [`crate::core::voice::all_phrases`] has its row with the same words and a clip whose
//! bytes match, the voice settings in the script match the header, no clip is left over, each
//! clip decodes to the length written down, and the whole set stays under 5 MB.

use std::collections::HashMap;
use std::io::Cursor;
use std::sync::OnceLock;

use rodio::Source as _;
use rodio::buffer::SamplesBuffer;

use super::clip_table::CLIPS;
use crate::core::voice::Phrase;

/// The manifest, as written by `scripts/make-voice`.
pub const MANIFEST: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/voice/manifest.tsv"
));

/// One row of the manifest.
#[derive(Clone, Debug, PartialEq)]
pub struct ClipRow {
    /// The clip id ([`Phrase::clip_id`]).
    pub id: String,
    /// Its length in seconds.
    pub secs: f32,
    /// SHA-256 of the words, in hex.
    pub text_sha256: String,
    /// SHA-256 of the clip file, in hex.
    pub clip_sha256: String,
    /// The words.
    pub text: String,
}

/// The manifest's rows (lines starting with `#` are comments); malformed rows are left out,
/// which the tests catch.
#[must_use]
pub fn rows() -> Vec<ClipRow> {
    MANIFEST
        .lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .filter_map(|line| {
            let mut fields = line.splitn(5, '\t');
            Some(ClipRow {
                id: fields.next()?.to_owned(),
                secs: fields.next()?.parse().ok()?,
                text_sha256: fields.next()?.to_owned(),
                clip_sha256: fields.next()?.to_owned(),
                text: fields.next()?.to_owned(),
            })
        })
        .collect()
}

/// The voice and settings the clips were made with (the manifest's `# voice:` line).
#[must_use]
pub fn voice_settings() -> Option<&'static str> {
    MANIFEST
        .lines()
        .find_map(|line| line.strip_prefix("# voice: "))
}

fn lengths() -> &'static HashMap<String, f32> {
    static LENGTHS: OnceLock<HashMap<String, f32>> = OnceLock::new();
    LENGTHS.get_or_init(|| rows().into_iter().map(|row| (row.id, row.secs)).collect())
}

/// The length of `phrase`'s clip in seconds, or `None` when it has no clip.
#[must_use]
pub fn clip_secs(phrase: Phrase) -> Option<f32> {
    let id = phrase.clip_id();
    clip_bytes(&id)?;
    lengths().get(&id).copied()
}

/// The Ogg Vorbis bytes of the clip with this id.
#[must_use]
pub fn clip_bytes(id: &str) -> Option<&'static [u8]> {
    CLIPS
        .iter()
        .find(|(clip, _)| *clip == id)
        .map(|&(_, bytes)| bytes)
}

/// Decodes a clip into samples (pure Rust: rodio's `lewton` decoder).
pub fn decode(bytes: &'static [u8]) -> Result<SamplesBuffer, String> {
    let decoder = rodio::Decoder::new_vorbis(Cursor::new(bytes)).map_err(|e| e.to_string())?;
    let channels = decoder.channels();
    let rate = decoder.sample_rate();
    let samples: Vec<f32> = decoder.collect();
    Ok(SamplesBuffer::new(channels, rate, samples))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::voice::all_phrases;
    use sha2::{Digest as _, Sha256};
    use std::fmt::Write as _;

    fn sha256(bytes: &[u8]) -> String {
        Sha256::digest(bytes)
            .iter()
            .fold(String::new(), |mut hex, b| {
                let _ = write!(hex, "{b:02x}");
                hex
            })
    }

    #[test]
    fn every_phrase_has_its_clip_and_none_is_stale_or_left_over() {
        let rows = rows();
        let phrases = all_phrases();
        assert_eq!(
            rows.len(),
            MANIFEST
                .lines()
                .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
                .count(),
            "a malformed manifest row"
        );
        let ids: Vec<String> = phrases.iter().map(|p| p.clip_id()).collect();
        let row_ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(
            row_ids, ids,
            "the clips do not match the phrase table: run scripts/make-voice"
        );
        for (phrase, row) in phrases.iter().zip(&rows) {
            assert_eq!(
                row.text,
                phrase.text(),
                "stale clip {}: run scripts/make-voice",
                row.id
            );
            assert_eq!(row.text_sha256, sha256(row.text.as_bytes()), "{}", row.id);
            let bytes = clip_bytes(&row.id).expect("every row has its clip in the table");
            assert_eq!(row.clip_sha256, sha256(bytes), "clip {} changed", row.id);
        }
        let table: Vec<&str> = CLIPS.iter().map(|(id, _)| *id).collect();
        assert_eq!(table, row_ids);
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/voice/clips");
        let mut files: Vec<String> = std::fs::read_dir(&dir)
            .expect("the clip folder")
            .map(|e| {
                e.expect("an entry")
                    .file_name()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        files.sort();
        let mut expected: Vec<String> = ids.iter().map(|id| format!("{id}.ogg")).collect();
        expected.sort();
        assert_eq!(
            files, expected,
            "clips on disk without a phrase, or missing"
        );
    }

    #[test]
    fn the_voice_settings_in_the_script_are_the_ones_the_clips_were_made_with() {
        let script = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/make-voice"));
        let value = |name: &str| -> String {
            let prefix = format!("{name}=\"");
            let line = script
                .lines()
                .find(|l| l.starts_with(&prefix))
                .unwrap_or_else(|| panic!("{name} in scripts/make-voice"));
            line[prefix.len()..line.len() - 1].to_owned()
        };
        let mut expected = value("VOICE_SETTINGS");
        for name in [
            "PIPER_VERSION",
            "VOICE_PACKAGE",
            "LENGTH_SCALE",
            "NOISE_SCALE",
            "NOISE_W",
            "RATE",
            "QUALITY",
        ] {
            expected = expected.replace(&format!("${{{name}}}"), &value(name));
        }
        assert!(!expected.contains('$'), "{expected}");
        assert_eq!(
            voice_settings(),
            Some(expected.as_str()),
            "voice settings changed: run scripts/make-voice"
        );
    }

    #[test]
    fn clips_decode_to_their_length_clear_and_unclipped_and_stay_small() {
        let mut total = 0;
        for row in rows() {
            let bytes = clip_bytes(&row.id).expect("clip");
            total += bytes.len();
            let buffer = decode(bytes).expect("a valid Ogg Vorbis clip");
            assert_eq!(buffer.channels().get(), 1, "{}", row.id);
            let rate = buffer.sample_rate().get() as f32;
            let samples: Vec<f32> = buffer.collect();
            let secs = samples.len() as f32 / rate;
            assert!((secs - row.secs).abs() < 0.03, "{}: {secs} s", row.id);
            let peak = samples.iter().fold(0.0_f32, |m, s| m.max(s.abs()));
            let rms = (samples.iter().map(|s| s * s).sum::<f32>() / samples.len() as f32).sqrt();
            assert!(peak < 0.99, "{} clips ({peak})", row.id);
            assert!(peak > 0.3 && rms > 0.03, "{} is too quiet", row.id);
            assert!(
                row.secs > 0.15 && row.secs < 5.0,
                "{}: {} s",
                row.id,
                row.secs
            );
        }
        assert!(total < 5 * 1024 * 1024, "clips take {total} bytes");
    }

    #[test]
    fn builtin_routines_fit_with_the_recorded_lengths() {
        crate::core::voice::tests::check_builtin_routines(&clip_secs);
    }
}
