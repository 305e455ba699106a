//! Prints every phrase the app can say, one a line: its clip id, a tab, its words. Used by
//! `scripts/make-voice` to record the clips from the one phrase table in `src/core/voice.rs`.

use std::io::Write as _;

fn main() -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    for phrase in unknot::core::voice::all_phrases() {
        writeln!(out, "{}\t{}", phrase.clip_id(), phrase.text())?;
    }
    Ok(())
}
