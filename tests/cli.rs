//! The `unknot` binary end to end: `list`, `show`, `check` and `start`, their output and exit
//! codes (0 ok, 1 bad input, 2 usage), and that bad input never shows a panic or backtrace.

use std::path::Path;

use predicates::prelude::*;
use unknot::core::plan::{self, Timing};
use unknot::core::routine::{Routine, STOP_RULE};
use unknot::store::builtin;
use unknot::store::routine_file::to_toml;

mod common;

use common::{stdout_of, unknot_command as unknot};

/// Runs with bad input: exit 1, no stdout panic, and stderr `unknot: …` without a backtrace.
fn fails_cleanly(args: &[&str]) -> String {
    let output = unknot()
        .args(args)
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with("unknot: "))
        .stderr(predicate::str::contains("panicked").not())
        .stderr(predicate::str::contains("RUST_BACKTRACE").not())
        .stderr(predicate::str::contains("stack backtrace").not())
        .get_output()
        .clone();
    String::from_utf8(output.stderr).expect("stderr is UTF-8")
}

/// Collapses every run of whitespace to one space, so wrapped text can be compared.
fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The `m:ss` after `Total: ` in `unknot show` output, in seconds.
fn printed_total(text: &str) -> u32 {
    let total = text
        .lines()
        .find_map(|line| line.strip_prefix("Total: "))
        .expect("a Total line");
    let (minutes, seconds) = total.split_once(':').expect("m:ss");
    minutes.parse::<u32>().expect("minutes") * 60 + seconds.parse::<u32>().expect("seconds")
}

fn per_side_builtin() -> Routine {
    builtin::builtin()
        .into_iter()
        .find(|r| {
            r.steps()
                .iter()
                .any(|s| s.sides == unknot::core::routine::Sides::Each)
        })
        .expect("a built-in routine with a per-side step")
}

fn write(dir: &Path, name: &str, contents: impl AsRef<[u8]>) -> String {
    let path = dir.join(name);
    std::fs::write(&path, contents).expect("write test file");
    path.to_str().expect("UTF-8 temp path").to_owned()
}

const GOOD: &str = r#"format_version = 1
id = "my-routine"
name = "My routine"
summary = "Mine."
category = "stretch"

[[steps]]
name = "Knee to chest"
kind = "stretch"
position = "on-back"
hold_seconds = 20
reps = 2
per_side = true
instructions = "Draw one knee in."
"#;

#[test]
fn list_shows_every_builtin_with_its_length() {
    let text = stdout_of(&["list"]);
    let mut lines = text.lines();
    let header = lines.next().expect("a header");
    assert!(header.starts_with("ID"), "{header}");
    for routine in builtin::builtin() {
        let length = plan::clock(plan::total_secs(&routine, Timing::default()));
        let line = text
            .lines()
            .find(|l| l.split_whitespace().next() == Some(routine.id()))
            .unwrap_or_else(|| panic!("{} is not listed:\n{text}", routine.id()));
        assert!(line.contains(routine.name()), "{line}");
        assert!(
            line.ends_with(&format!(" {length}")),
            "{line} should end in {length}"
        );
    }
    assert_eq!(lines.count(), builtin::builtin().len());
}

#[test]
fn show_by_id_prints_both_sides_and_the_stop_rule() {
    let routine = per_side_builtin();
    let text = stdout_of(&["show", routine.id()]);
    assert!(text.starts_with(routine.name()), "{text}");
    assert!(words(&text).contains(STOP_RULE), "{text}");
    let side_lines = |side: &str| {
        text.lines()
            .filter(|l| l.split_whitespace().any(|w| w == side))
            .count()
    };
    assert!(
        side_lines("LEFT") > 0 && side_lines("LEFT") == side_lines("RIGHT"),
        "{text}"
    );
    assert_eq!(
        printed_total(&text),
        plan::total_secs(&routine, Timing::default())
    );
}

#[test]
fn show_minutes_fits_the_routine_to_the_target_or_says_why_not() {
    let routine = per_side_builtin();
    let text = stdout_of(&["show", routine.id(), "--minutes", "5"]);
    let total = printed_total(&text);
    assert_ne!(
        total,
        plan::total_secs(&routine, Timing::default()),
        "the length should change"
    );
    assert!(
        total.abs_diff(300) <= 5 || text.contains("Note:"),
        "total {total} s is off target without a note:\n{text}"
    );
    assert!(text.contains("target 5:00"), "{text}");
}

#[test]
fn show_pauses_change_the_plan() {
    let routine = per_side_builtin();
    let text = stdout_of(&["show", routine.id(), "--get-ready", "0", "--switch", "30"]);
    let timing = Timing {
        get_ready_secs: 0,
        switch_secs: 30,
    };
    assert_eq!(printed_total(&text), plan::total_secs(&routine, timing));
    assert!(!text.contains("get ready\n"), "{text}");
}

#[test]
fn show_reads_a_routine_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let routine = common::renamed(
        per_side_builtin(),
        "copied",
        "A \"copied\" routine – ünïcode",
    );
    let path = write(
        dir.path(),
        "copied.toml",
        to_toml(&routine).expect("serialises"),
    );
    let text = stdout_of(&["show", &path]);
    assert!(
        text.starts_with("A \"copied\" routine – ünïcode (copied)"),
        "{text}"
    );
    assert!(text.contains("RIGHT"));
    assert_eq!(
        printed_total(&text),
        plan::total_secs(&routine, Timing::default())
    );
}

#[test]
fn check_accepts_a_good_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write(dir.path(), "good.toml", GOOD);
    unknot()
        .args(["check", &path])
        .assert()
        .success()
        .stdout("OK: My routine, 1 step, 1:30 (format 1; it still reads as it is, and saving it in Unknot writes format 2)\n");
    // Checking never rewrites the file.
    assert_eq!(std::fs::read_to_string(&path).expect("read"), GOOD);
}

#[test]
fn show_says_what_fitting_changed_step_by_step() {
    let out = unknot()
        .args(["show", "morning-mobility", "--minutes", "5"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).expect("UTF-8");
    assert!(text.contains("Fitted:"), "{text}");
    // To fit 7:55 into 5:00, the optional steps make way before any dose goes below its range.
    assert!(text.contains("6. Child's pose: left out to fit"), "{text}");
    assert!(
        text.contains("2. Single knee-to-chest: left out to fit"),
        "{text}"
    );
    // The plan printed matches: the left-out steps have no rows, the tilts are all counted.
    assert!(!text.contains("Child's pose  "), "{text}");
    assert!(!text.contains("Single knee-to-chest  "), "{text}");
    assert!(text.contains("move 12/12"), "{text}");
}

#[test]
fn check_lists_every_problem_with_its_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bad = GOOD
        .replace("name = \"My routine\"\n", "")
        .replace("hold_seconds = 20", "hold_seconds = \"twenty\"")
        .replace("reps = 2", "reps = 2\ncolour = \"red\"");
    let path = write(dir.path(), "bad.toml", bad);
    let output = unknot()
        .args(["check", &path])
        .assert()
        .code(1)
        .get_output()
        .clone();
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    assert_eq!(
        text,
        format!(
            "{path}: 3 problem(s)
  line 1, name: the field `name` is missing
  line 10, steps[1].hold_seconds: this must be a whole number, without quotes
  line 12, steps[1].colour: unknown field `colour`; the fields here are: name, kind, position, \
equipment, hold_seconds, reps, rest_seconds, per_side, instructions, caution
"
        )
    );
}

/// Out-of-bounds values are only checked once a file's structure is sound, so they go unreported
/// next to a missing or unknown field (`parse_routine` returns before `RoutineDraft::validate`).
#[test]
fn check_lists_bounds_problems_next_to_structural_ones() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bad = GOOD
        .replace("hold_seconds = 20", "hold_seconds = 2")
        .replace("reps = 2", "reps = 2\ncolour = \"red\"");
    let path = write(dir.path(), "bad.toml", bad);
    unknot()
        .args(["check", &path])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("2 problem(s)"))
        .stdout(predicate::str::contains("line 11, steps[1].hold_seconds"));
}

#[test]
fn check_explains_unreadable_files_without_panicking() {
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("missing.toml");
    let missing = missing.to_str().expect("UTF-8");
    let stderr = fails_cleanly(&["check", missing]);
    assert!(stderr.contains("could not read") && stderr.contains("missing.toml"));
    assert_eq!(stderr.lines().count(), 1, "{stderr}");

    let big = write(dir.path(), "big.toml", vec![b'#'; 257 * 1024]);
    assert!(fails_cleanly(&["check", &big]).contains("larger than 256 KiB"));

    let binary = write(
        dir.path(),
        "binary.toml",
        [0x7f, b'E', b'L', b'F', 0xff, 0x00, 0xfe],
    );
    assert!(fails_cleanly(&["check", &binary]).contains("is not a text file"));

    let folder = dir.path().to_str().expect("UTF-8");
    assert!(fails_cleanly(&["check", folder]).contains("is a folder, not a routine file"));
}

#[test]
fn an_invalid_file_given_to_show_is_explained() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write(
        dir.path(),
        "bad.toml",
        GOOD.replace("reps = 2", "reps = 99"),
    );
    let stderr = fails_cleanly(&["show", &path]);
    assert!(stderr.contains("1 problem(s)"), "{stderr}");
    assert!(stderr.contains("line 12, steps[1].reps"), "{stderr}");
}

#[test]
fn unknown_routines_are_refused() {
    assert_eq!(
        fails_cleanly(&["start", "nosuch"]),
        "unknot: unknown routine 'nosuch'; `unknot list` shows the routines\n"
    );
    assert!(fails_cleanly(&["show", "nosuch"]).contains("unknown routine 'nosuch'"));
}

/// A session made for a place and a length is opened by its id: with no display, `start` gets
/// as far as opening the window (so the id was taken); a length out of range is refused.
#[test]
fn a_made_session_id_is_taken_by_start() {
    let message = unknot()
        .args(["start", "session-5-min-chair"])
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .assert()
        .code(1)
        .get_output()
        .stderr
        .clone();
    let message = String::from_utf8(message).expect("UTF-8");
    assert!(message.contains("no display found"), "{message}");
    assert!(
        fails_cleanly(&["start", "session-99-min-chair"]).contains("unknown routine"),
        "99 minutes is not a made session"
    );
}

#[test]
fn usage_errors_exit_with_2() {
    for args in [
        &["show"][..],
        &["show", "desk-break", "--minutes", "0"],
        &["show", "desk-break", "--minutes", "121"],
        &["show", "desk-break", "--switch", "31"],
        &["start", "desk-break", "--minutes", "five"],
        &["frobnicate"],
    ] {
        unknot()
            .args(args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("error:"));
    }
}

#[test]
fn without_a_display_the_app_says_so_in_one_line() {
    let output = unknot()
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with("unknot: cannot open a window: no display found"),
        "{stderr}"
    );
}

#[test]
fn list_and_show_include_the_persons_own_routines() {
    let home = tempfile::tempdir().expect("temp dir");
    let mine = common::renamed(per_side_builtin(), "physio-sheet", "From my physio");
    let dir = home.path().join("data/routines");
    std::fs::create_dir_all(&dir).expect("mkdir");
    std::fs::write(
        dir.join("physio-sheet.toml"),
        unknot::store::routine_file::to_toml(&mine).expect("toml"),
    )
    .expect("write");
    let listed = unknot()
        .env("UNKNOT_HOME", home.path())
        .arg("list")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let listed = String::from_utf8(listed).expect("utf-8");
    let line = listed
        .lines()
        .find(|l| l.starts_with("physio-sheet"))
        .expect("listed");
    assert!(
        line.contains("From my physio") && line.trim_end().ends_with("custom"),
        "{line}"
    );
    let shown = unknot()
        .env("UNKNOT_HOME", home.path())
        .args(["show", "physio-sheet"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(
        String::from_utf8(shown)
            .expect("utf-8")
            .starts_with("From my physio")
    );
}

/// The README's routine example is the documented contract: it must check as written.
#[test]
fn the_readme_routine_example_checks() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).expect("README");
    let section = readme
        .split("### Routine file format")
        .nth(1)
        .expect("a routine format section");
    let example = section
        .split("```toml\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("a TOML example");
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write(dir.path(), "example.toml", example);
    unknot()
        .args(["check", &path])
        .assert()
        .success()
        .stdout("OK: My physio's sheet, 4 steps, 5:19 (format 2)\n");
}

#[test]
fn sheet_writes_a_printable_page_of_the_fitted_routine() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("morning.html");
    let out_arg = out.to_str().expect("UTF-8 path");
    unknot()
        .args(["sheet", "morning-mobility", "--minutes", "8", "-o", out_arg])
        .assert()
        .success()
        .stderr(predicate::str::contains("wrote the sheet"));
    let html = std::fs::read_to_string(&out).expect("the sheet was written");
    let routine = builtin::find("morning-mobility").expect("built-in");
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(
        html.matches("<svg").count() >= routine.steps().len(),
        "a figure a step"
    );
    for step in routine.steps() {
        let name = unknot::core::figure::svg::escape(&step.name);
        assert!(html.contains(&name), "{name}");
    }
    assert!(html.contains("Emergency"), "the red flags are on it");
    // Writing again keeps the file unless asked with --force; a file routine works like an id.
    let file = write(
        dir.path(),
        "mine.toml",
        to_toml(&per_side_builtin()).expect("serialises"),
    );
    let message = fails_cleanly(&["sheet", &file, "-o", out_arg]);
    assert!(
        message.contains("a file of that name is already there; add --force to replace it"),
        "{message}"
    );
    assert_eq!(std::fs::read_to_string(&out).expect("kept"), html);
    unknot()
        .args(["sheet", &file, "-o", out_arg, "--force"])
        .assert()
        .success();
    let again = std::fs::read_to_string(&out).expect("rewritten");
    assert!(again.contains(per_side_builtin().name()));
}

#[test]
fn sheet_refuses_what_it_cannot_do_cleanly() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("x.html");
    let out_arg = out.to_str().expect("UTF-8 path");
    let message = fails_cleanly(&["sheet", "no-such-routine", "-o", out_arg]);
    assert!(message.contains("unknown routine"), "{message}");
    assert!(!out.exists(), "nothing written");
    let into_missing_folder = dir.path().join("a-file").join("x.html");
    std::fs::write(dir.path().join("a-file"), "not a folder").expect("write");
    let message = fails_cleanly(&[
        "sheet",
        "morning-mobility",
        "-o",
        into_missing_folder.to_str().expect("UTF-8 path"),
    ]);
    assert!(message.contains("could not write"), "{message}");
    unknot()
        .args(["sheet", "morning-mobility"])
        .assert()
        .code(2);
}

/// The total `unknot show` prints, in seconds ("Total: 10:05" is 605).
fn total_secs_shown(text: &str) -> u32 {
    let total = text
        .lines()
        .find_map(|line| line.strip_prefix("Total: "))
        .expect("show prints a total");
    let (minutes, secs) = total.trim().split_once(':').expect("m:ss");
    minutes.parse::<u32>().expect("minutes") * 60 + secs.parse::<u32>().expect("seconds")
}

#[test]
fn show_and_sheet_use_the_length_chosen_in_the_app_and_minutes_change_nothing_on_disk() {
    use unknot::core::fit::LengthChoice;
    use unknot::core::settings::Settings;
    use unknot::store::Store;
    use unknot::store::settings;
    let home = tempfile::tempdir().expect("temp dir");
    let path = Store::at(home.path()).settings_path();
    let mut chosen = Settings {
        get_ready_secs: 10,
        ..Settings::default()
    };
    chosen.lengths.insert(
        "morning-mobility".to_owned(),
        LengthChoice {
            target_minutes: Some(12),
            ..LengthChoice::default()
        },
    );
    settings::save(&path, &chosen).expect("save settings");
    let on_disk = std::fs::read(&path).expect("read settings");
    let show = |extra: &[&str]| {
        let output = unknot()
            .env("UNKNOT_HOME", home.path())
            .args(["show", "morning-mobility"])
            .args(extra)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        String::from_utf8(output).expect("utf-8")
    };
    let saved = total_secs_shown(&show(&[]));
    assert!(
        (11 * 60 + 30..=12 * 60 + 30).contains(&saved),
        "the saved 12 minutes are shown ({saved} s)"
    );
    assert!(
        show(&[]).contains("00:00   10s  1. Pelvic tilt"),
        "the saved get-ready pause is used"
    );
    let one_off = total_secs_shown(&show(&["--minutes", "6"]));
    assert!(
        (5 * 60 + 30..=6 * 60 + 30).contains(&one_off),
        "--minutes wins for this run ({one_off} s)"
    );
    let sheet = home.path().join("sheet.html");
    unknot()
        .env("UNKNOT_HOME", home.path())
        .args(["sheet", "morning-mobility", "-o"])
        .arg(&sheet)
        .assert()
        .success();
    assert!(
        std::fs::read_to_string(&sheet)
            .expect("sheet")
            .contains("12 min"),
        "the sheet is fitted to the saved length"
    );
    assert_eq!(
        std::fs::read(&path).expect("settings"),
        on_disk,
        "nothing changed on disk"
    );
}
