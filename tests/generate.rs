//! `unknot generate` end to end: the printed plan (the same text `unknot show` prints for the
//! session, with why each step is there), `-o` writing a routine file that `unknot check`
//! accepts and that never replaces an existing file, and bad values refused with the valid ones
//! listed (exit 2).

use predicates::prelude::*;
use unknot::core::builder::{Place, Request, build};
use unknot::core::plan::Timing;
use unknot::store::routine_file::read_routine_file;

mod common;

use common::{stdout_of, unknot_command as unknot};

#[test]
fn prints_the_sessions_plan_with_its_reasons() {
    let args = [
        "generate",
        "--minutes",
        "5",
        "--place",
        "chair",
        "--seed",
        "7",
    ];
    let text = stdout_of(&args);
    let session = build(
        &Request {
            seed: 7,
            ..Request::new(5, Place::Chair)
        },
        Timing::default(),
    );
    // The same session the core makes, shown as `show` shows a routine.
    assert!(text.starts_with(&unknot::cli::show_text(
        &session.routine,
        &unknot::core::length::resolve(None, None),
        Timing::default()
    )));
    assert!(text.contains("Why each step:"));
    for (step, reason) in session.routine.steps().iter().zip(&session.reasons) {
        assert!(
            text.contains(&format!("{}: {reason}", step.name)),
            "{}",
            step.name
        );
    }
    assert!(
        text.contains("Total: 5:0") || text.contains("Total: 4:5"),
        "{text}"
    );
    // Same answers, same seed: the same text.
    assert_eq!(stdout_of(&args), text);
}

#[test]
fn writes_a_valid_routine_file_and_never_over_an_existing_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("desk.toml");
    let path_arg = path.to_str().expect("utf-8 path");
    let args = [
        "generate",
        "--minutes",
        "12",
        "--place",
        "chair",
        "--focus",
        "low-back,hamstrings",
        "--equipment",
        "ball,desk",
        "--pain",
        "3",
        "--seed",
        "42",
        "-o",
        path_arg,
    ];
    unknot()
        .args(args)
        .assert()
        .success()
        .stdout("")
        .stderr(predicate::str::contains(
            "unknot: wrote 12-minute session on a chair",
        ));
    let routine = read_routine_file(&path).expect("the file reads back as a valid routine");
    assert!(
        routine
            .steps()
            .iter()
            .all(|s| !s.position.is_on_the_floor())
    );
    unknot()
        .args(["check", path_arg])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "OK: 12-minute session on a chair",
        ));
    // A second time: refused in one line, exit 1, the file untouched.
    let before = std::fs::read(&path).expect("file");
    unknot()
        .args(args)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "already exists; nothing was written",
        ))
        .stderr(predicate::function(|s: &str| s.lines().count() == 1));
    assert_eq!(std::fs::read(&path).expect("file"), before);
    // Nothing left behind beside it.
    assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 1);
}

#[test]
fn bad_values_are_refused_with_the_valid_ones() {
    let cases: [(&[&str], &str); 5] = [
        (
            &["--minutes", "5", "--place", "sofa"],
            "[possible values: floor, chair, standing]",
        ),
        (
            &["--minutes", "61", "--place", "floor"],
            "61 minutes is too many: a session can last 1 to 60 minutes",
        ),
        (
            &["--minutes", "5", "--place", "floor", "--focus", "knees"],
            "low-back, glutes-and-hips",
        ),
        (
            &[
                "--minutes",
                "5",
                "--place",
                "floor",
                "--equipment",
                "kettlebell",
            ],
            "foam-roller",
        ),
        (
            &["--minutes", "5", "--place", "floor", "--pain", "11"],
            "11 is not in 0..=10",
        ),
    ];
    for (args, expected) in cases {
        unknot()
            .arg("generate")
            .args(args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(expected))
            .stderr(predicate::str::contains("panicked").not());
    }
}
