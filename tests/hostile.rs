//! Hostile files: one regression test per finding of the hostile-input battery (issue 12), and
//! property tests that mutate routine and settings files (proptest, shrinking to the smallest
//! breaking edit list).
//!
//! Anything that could hang (a named pipe) runs under a time limit, so a regression fails the
//! test instead of stalling the suite. Limits here are hang guards, not timings: the speed of
//! the worst file is measured by `scripts/bench-parse`, in a release build.

mod common;

use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;
use egui_kittest::Harness;
use proptest::prelude::*;
use unknot::app::UnknotApp;
use unknot::core::settings::{Settings, WindowSize};
use unknot::store::Store;
use unknot::store::problems::MAX_SHOWN_PROBLEMS;
use unknot::store::routine_file::{parse_routine, to_toml};
use unknot::store::routines::RoutineStore;
use unknot::store::settings;

/// Generous: a debug build on a busy machine. Only a hang (or a quadratic blow-up) reaches it.
const HANG_GUARD: Duration = Duration::from_mins(1);

fn unknot(home: &Path) -> Command {
    common::unknot_in(home)
}

/// The routine file of 87,357 empty step tables: as many as fit in 256 KiB.
fn empty_tables_file() -> String {
    let head = "format_version = 1\nid = \"x\"\nname = \"x\"\ncategory = \"stretch\"\nsteps = [";
    let room = 256 * 1024 - head.len() - 2;
    format!("{head}{}]\n", "{},".repeat(room / 3))
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let made = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(made.success(), "mkfifo {}", path.display());
}

/// Runs `work` on a thread and fails if it takes longer than [`HANG_GUARD`].
fn within_time_limit<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> T {
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || sender.send(work()));
    receiver
        .recv_timeout(HANG_GUARD)
        .expect("finished within the time limit (it hung)")
}

fn app_in(dir: &Path) -> Harness<'static, UnknotApp> {
    common::rig::Launch::new(dir).fresh().run().harness
}

fn write(path: &Path, bytes: impl AsRef<[u8]>) -> PathBuf {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).expect("mkdir");
    }
    std::fs::write(path, bytes).expect("write");
    path.to_owned()
}

// Finding 2: a FIFO hangs forever.

#[cfg(unix)]
#[test]
fn check_and_show_refuse_a_named_pipe_at_once() {
    let home = tempfile::tempdir().expect("temp dir");
    let fifo = home.path().join("f.toml");
    mkfifo(&fifo);
    for command in ["check", "show"] {
        let output = unknot(home.path())
            .arg(command)
            .arg(&fifo)
            .output()
            .expect("runs");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{command}: {stderr}");
        assert!(
            stderr.contains("is a named pipe (FIFO), not a routine file, so it was not read"),
            "{command}: {stderr}"
        );
    }
}

#[cfg(unix)]
#[test]
fn the_app_starts_when_its_settings_file_is_a_pipe_or_a_link_to_a_device() {
    for special in ["pipe", "/dev/zero"] {
        let home = tempfile::tempdir().expect("temp dir");
        let path = Store::at(home.path()).settings_path();
        std::fs::create_dir_all(path.parent().expect("folder")).expect("mkdir");
        if special == "pipe" {
            mkfifo(&path);
        } else {
            std::os::unix::fs::symlink(special, &path).expect("symlink");
        }
        let dir = home.path().to_owned();
        let notices = within_time_limit(move || app_in(&dir).state().notices().to_vec());
        let what = if special == "pipe" {
            "it is a named pipe (FIFO), not a regular file"
        } else {
            "it is a device, not a regular file"
        };
        assert!(
            notices.iter().any(
                |n| n.text.starts_with("Your settings file could not be read")
                    && format!("{} {:?}", n.text, n.details).contains(what)
            ),
            "{notices:?}"
        );
        assert!(path.symlink_metadata().is_err(), "it was moved aside");
    }
}

// Finding 1: one file of 256 KiB froze the app for minutes and printed 28 MB.

#[test]
fn the_empty_tables_file_is_checked_with_a_bounded_report() {
    let home = tempfile::tempdir().expect("temp dir");
    let file = write(&home.path().join("tables.toml"), empty_tables_file());
    let output = unknot(home.path())
        .arg("check")
        .arg(&file)
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8(output.stdout).expect("UTF-8");
    let lines: Vec<&str> = stdout.lines().collect();
    // Only the first 60 steps (the most a routine may have) are walked: 5 missing fields each.
    assert!(
        lines[0].ends_with("tables.toml: 301 problem(s)"),
        "{}",
        lines[0]
    );
    assert_eq!(lines.len(), 1 + MAX_SHOWN_PROBLEMS + 1);
    assert_eq!(
        lines[1],
        "  line 5, steps: this file has 87,357 steps, and a routine has at most 60: only the first 60 were checked"
    );
    assert_eq!(
        lines[2],
        "  line 5, steps[1].name: the field `name` is missing"
    );
    assert_eq!(lines[MAX_SHOWN_PROBLEMS + 1], "  and 251 more problems");
    assert!(stdout.len() < 8 * 1024, "{} bytes", stdout.len());
}

#[test]
fn a_folder_of_the_worst_files_loads_with_a_bounded_report() {
    let home = tempfile::tempdir().expect("temp dir");
    let store = RoutineStore::new(&Store::at(home.path()));
    let text = empty_tables_file();
    for n in 0..4 {
        write(&store.dir().join(format!("bad-{n}.toml")), &text);
    }
    let loaded = within_time_limit(move || store.load_all());
    assert_eq!(loaded.problems.len(), 4);
    for problem in &loaded.problems {
        assert!(problem.message.contains("has 301 problem(s)"));
        assert!(problem.message.ends_with("  - and 251 more problems"));
        assert!(problem.message.lines().count() <= MAX_SHOWN_PROBLEMS + 2);
    }
}

#[test]
fn one_step_too_many_is_the_only_problem_of_an_otherwise_good_file() {
    let step = "[[steps]]\nname = \"A\"\nkind = \"stretch\"\nposition = \"sitting\"\n\
                hold_seconds = 20\ninstructions = \"Sit.\"\n";
    let head = "format_version = 1\nid = \"x\"\nname = \"X\"\ncategory = \"stretch\"\n";
    let ok = format!("{head}{}", step.repeat(60));
    assert!(parse_routine(&ok).is_ok());
    let shown: Vec<String> = parse_routine(&format!("{head}{}", step.repeat(61)))
        .expect_err("too many")
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        shown,
        [
            "line 5, steps: this file has 61 steps, and a routine has at most 60: only the first 60 were checked"
        ]
    );
}

#[test]
fn many_copies_of_one_bad_character_make_a_short_report() {
    let problems = parse_routine(&"\u{1}\n".repeat(130_000)).expect_err("not TOML");
    assert_eq!(problems.len(), MAX_SHOWN_PROBLEMS);
    assert!(problems.iter().all(|p| p.line.is_some()));
    let more = problems.more_line().expect("a summary");
    assert!(
        more.ends_with(
            "more problems up to line 8,192; the rest of the file was not checked: fix these, then check again"
        ),
        "{more}"
    );
    // Lines past the checked part cannot be reported, so the count is of the checked part.
    assert!(problems.total() < 20_000, "{}", problems.total());

    // One long line of errors (no line break to cut at): one problem, the line's first.
    for line in [
        "a = [".to_owned() + &",".repeat(200_000) + "]",
        "a = \"".to_owned() + &"\\q".repeat(100_000) + "\"",
    ] {
        let problems = parse_routine(&line).expect_err("not TOML");
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].line, Some(1));
        let more = problems.more_line().expect("a summary");
        assert!(
            more == "the file was checked only up to line 1: fix these, then check again",
            "{more}"
        );
        // Nothing reported from where the text was cut: every problem is the file's own.
        assert!(
            problems.iter().all(|p| !p.message.contains("unclosed")),
            "{problems:?}"
        );
    }
}

// Finding 5: terminal escapes in a key were printed raw.

#[test]
fn escape_sequences_from_a_file_never_reach_the_terminal_raw() {
    let home = tempfile::tempdir().expect("temp dir");
    let key = r#""\u001b]0;owned\u0007\u001b[2J\u001b[31m\u202e" = 1"#;
    let file = write(
        &home.path().join("esc.toml"),
        format!("format_version = 1\n{key}\n"),
    );
    let output = unknot(home.path())
        .arg("check")
        .arg(&file)
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(
        !stdout.contains(['\u{1b}', '\u{7}', '\u{202e}']),
        "{stdout:?}"
    );
    assert!(
        stdout.contains(r"unknown field `\u{1b}]0;owned\u{7}\u{1b}[2J\u{1b}[31m\u{202e}`"),
        "{stdout}"
    );

    // The same file in the routines folder, under a name with an escape in it: `list`.
    let routines = Store::at(home.path()).data_dir.join("routines");
    write(
        &routines.join("a\u{1b}[2Jb.toml"),
        std::fs::read(&file).expect("read"),
    );
    let output = unknot(home.path()).arg("list").output().expect("runs");
    assert!(output.status.success());
    let stderr = String::from_utf8(output.stderr).expect("UTF-8");
    assert!(stderr.contains(r"a\u{1b}[2Jb.toml"), "{stderr}");
    assert!(
        !stderr.contains(['\u{1b}', '\u{7}', '\u{202e}']),
        "{stderr:?}"
    );
}

#[test]
fn names_with_bidi_overrides_are_refused_and_say_where() {
    let text = "format_version = 1\nid = \"x\"\nname = \"txt\\u202eexe\"\ncategory = \"stretch\"\n\
                [[steps]]\nname = \"A\"\nkind = \"stretch\"\nposition = \"sitting\"\n\
                hold_seconds = 20\ninstructions = \"Sit.\\u001b[2J\"\n";
    let shown: Vec<String> = parse_routine(text)
        .expect_err("refused")
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        shown,
        [
            "line 3, name: a name must be a single line of plain text: character 4 is U+202E (right-to-left override), which is not allowed",
            "line 10, steps[1].instructions: character 5 of this text is U+001B (escape), which is not allowed (line breaks and tabs are)",
        ]
    );
}

// Finding 6: the window-size file followed links and was not atomic.

#[cfg(unix)]
#[test]
fn the_window_size_is_saved_in_the_settings_atomically_and_never_through_a_link() {
    use eframe::App as _;
    let home = tempfile::tempdir().expect("temp dir");
    let path = Store::at(home.path()).settings_path();
    let precious = write(
        &home.path().join("precious-settings.toml"),
        "safety_acknowledged = true\n",
    );
    std::fs::create_dir_all(path.parent().expect("folder")).expect("mkdir");
    std::os::unix::fs::symlink(&precious, &path).expect("symlink");

    let mut harness = app_in(home.path());
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .inner_rect = Some(egui::Rect::from_min_size(
        egui::Pos2::ZERO,
        egui::vec2(900.0, 640.0),
    ));
    harness.run_steps(2);
    harness.state_mut().on_exit(None);

    assert_eq!(
        std::fs::read_to_string(&precious).expect("read"),
        "safety_acknowledged = true\n",
        "the link's target is untouched"
    );
    assert!(
        path.symlink_metadata().expect("meta").is_file(),
        "the link was replaced by a file"
    );
    assert_eq!(
        settings::saved_window_size(&path),
        Some(WindowSize {
            width: 900.0,
            height: 640.0
        })
    );
    let loaded = settings::load(&path).settings;
    assert!(loaded.safety_acknowledged, "the rest was kept");
    let mut names: Vec<String> = walk(home.path())
        .iter()
        .map(|p| p.file_name().expect("name").to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            ".settings.toml.lock",
            "precious-settings.toml",
            "settings.toml"
        ]
    );
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_owned()];
    while let Some(folder) = pending.pop() {
        for entry in std::fs::read_dir(&folder).expect("list") {
            let path = entry.expect("entry").path();
            if path.symlink_metadata().expect("meta").is_dir() {
                pending.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files
}

// Finding 7: temp files of interrupted saves were never cleaned up.

#[test]
fn leftover_temp_files_are_removed_when_the_app_starts() {
    let home = tempfile::tempdir().expect("temp dir");
    let store = Store::at(home.path());
    let settings_path = store.settings_path();
    settings::save(
        &settings_path,
        &Settings {
            safety_acknowledged: true,
            ..Settings::default()
        },
    )
    .expect("save");
    let routines = RoutineStore::new(&store);
    let old = [
        settings_path.with_file_name(".unknot-Ab12Cd.tmp"),
        routines.dir().join(".unknot-Xy34Zw.tmp"),
    ];
    let hour_ago = std::time::SystemTime::now() - Duration::from_hours(1);
    for path in &old {
        write(path, "half a save");
        let file = std::fs::File::options()
            .write(true)
            .open(path)
            .expect("open");
        file.set_modified(hour_ago).expect("age it");
    }
    let fresh = write(
        &routines.dir().join(".unknot-Fr35hh.tmp"),
        "a save under way",
    );

    let _app = app_in(home.path());

    for path in &old {
        assert!(!path.exists(), "{} was removed", path.display());
    }
    assert!(fresh.exists(), "a fresh one may be another Unknot saving");
    assert!(settings_path.exists());
}

// Issue 25: every file Unknot touches goes through one safe path.

/// A session for the history files of these tests.
fn a_session(note: &str) -> unknot::core::history::SessionRecord {
    use unknot::core::history::{Ending, LocalStart, SessionInput, SessionRecord, StepRef};
    SessionRecord::from_input(&SessionInput {
        started: LocalStart::utc(jiff::civil::date(2026, 12, 1).at(9, 0, 0, 0)),
        routine_id: "desk-break".to_owned(),
        routine_name: "Desk break".to_owned(),
        planned_secs: 300,
        actual_secs: 300,
        done: vec![StepRef::new("cat-cow", Some("cat-cow"))],
        skipped: Vec::new(),
        ending: Ending::Finished,
        pain_before: None,
        note: note.to_owned(),
    })
}

fn history_of(home: &Path) -> unknot::store::history::HistoryStore {
    unknot::store::history::HistoryStore::new(&Store::at(home))
}

/// Runs `unknot` with `args` in `home`, expecting exit code 1; returns stderr.
fn fails(home: &Path, args: &[&std::ffi::OsStr]) -> String {
    let output = unknot(home).args(args).output().expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(output.status.code(), Some(1), "{args:?}: {stderr}");
    stderr
}

#[cfg(unix)]
fn is_root() -> bool {
    std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.trim_ascii() == b"0")
}

/// What is at `path`, without following a link: "link to <target>", "pipe", "device", "folder".
#[cfg(unix)]
fn kind_of(path: &Path) -> String {
    use std::os::unix::fs::FileTypeExt as _;
    let meta = path.symlink_metadata().expect("still there");
    let kind = meta.file_type();
    if kind.is_symlink() {
        format!(
            "link to {}",
            std::fs::read_link(path).expect("link").display()
        )
    } else if kind.is_fifo() {
        "pipe".to_owned()
    } else if kind.is_char_device() {
        "device".to_owned()
    } else if kind.is_dir() {
        "folder".to_owned()
    } else {
        "file".to_owned()
    }
}

#[cfg(unix)]
#[test]
fn the_sheet_and_csv_outputs_never_replace_a_pipe_a_device_or_a_folder() {
    let home = tempfile::tempdir().expect("temp dir");
    history_of(home.path())
        .append(&a_session(""))
        .expect("append");
    let out = tempfile::tempdir().expect("temp dir");
    let pipe = out.path().join("out.fifo");
    mkfifo(&pipe);
    let link = out.path().join("null-link.html");
    std::os::unix::fs::symlink("/dev/null", &link).expect("symlink");
    let folder = out.path().join("folder.html");
    std::fs::create_dir(&folder).expect("mkdir");
    let mut targets = vec![
        (pipe, "it is a named pipe (FIFO), not a regular file"),
        (link, "it is a device, not a regular file"),
        (folder, "it is a folder, not a regular file"),
    ];
    // As root, /dev/null itself can be replaced by a rename: it must not be.
    if is_root() {
        targets.push((PathBuf::from("/dev/null"), "it is a device"));
    }
    for (target, what) in &targets {
        let before = kind_of(target);
        for command in [&["sheet", "desk-break"][..], &["history", "--csv"]] {
            let mut args: Vec<&std::ffi::OsStr> =
                command.iter().map(std::convert::AsRef::as_ref).collect();
            args.extend(["--force".as_ref(), "-o".as_ref(), target.as_os_str()]);
            let stderr = fails(home.path(), &args);
            assert!(
                stderr.contains(what) && stderr.contains("so it was left as it is"),
                "{command:?} -o {}: {stderr}",
                target.display()
            );
            assert_eq!(kind_of(target), before, "{} unchanged", target.display());
        }
    }
    assert!(
        !walk(out.path())
            .iter()
            .any(|p| p.to_string_lossy().contains(".unknot-")),
        "no temporary file left"
    );
}

#[test]
fn outputs_go_only_into_folders_that_exist_and_replace_a_file_only_with_force() {
    let home = tempfile::tempdir().expect("temp dir");
    history_of(home.path())
        .append(&a_session(""))
        .expect("append");
    let out = tempfile::tempdir().expect("temp dir");
    let missing = out.path().join("no-such-folder");
    for command in [&["sheet", "desk-break"][..], &["history", "--csv"]] {
        let target = missing.join("x.out");
        let mut args: Vec<&std::ffi::OsStr> =
            command.iter().map(std::convert::AsRef::as_ref).collect();
        args.extend(["-o".as_ref(), target.as_os_str()]);
        let stderr = fails(home.path(), &args);
        assert!(
            stderr.contains(&format!("there is no folder {}", missing.display())),
            "{stderr}"
        );
        assert!(!missing.exists(), "the folder was not created");
    }
    let csv = out.path().join("history.csv");
    let write_csv = |force: bool| {
        let mut command = unknot(home.path());
        command.args(["history", "--csv", "-o"]).arg(&csv);
        if force {
            command.arg("--force");
        }
        command.output().expect("runs")
    };
    assert!(write_csv(false).status.success());
    let first = std::fs::read_to_string(&csv).expect("written");
    assert!(first.starts_with(unknot::core::history::csv::HEADER));
    assert_eq!(first.lines().count(), 2);
    std::fs::write(&csv, "mine, keep it\n").expect("write");
    let again = write_csv(false);
    assert_eq!(again.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&again.stderr).contains("add --force to replace it"),
        "{again:?}"
    );
    assert_eq!(
        std::fs::read_to_string(&csv).expect("kept"),
        "mine, keep it\n"
    );
    assert!(write_csv(true).status.success());
    assert_eq!(std::fs::read_to_string(&csv).expect("replaced"), first);
}

#[cfg(unix)]
#[test]
fn exports_are_made_with_the_persons_umask_and_private_files_stay_private() {
    use std::os::unix::fs::PermissionsExt as _;
    let home = tempfile::tempdir().expect("temp dir");
    history_of(home.path())
        .append(&a_session(""))
        .expect("append");
    let out = tempfile::tempdir().expect("temp dir");
    let binary = assert_cmd::cargo::cargo_bin("unknot");
    let mode = |path: &Path| path.metadata().expect("there").permissions().mode() & 0o777;
    for (umask, expected) in [("027", 0o640), ("002", 0o664)] {
        let sheet = out.path().join(format!("sheet-{umask}.html"));
        let csv = out.path().join(format!("history-{umask}.csv"));
        let script = format!(
            "umask {umask} && \"$0\" sheet desk-break -o \"$1\" && \"$0\" history --csv -o \"$2\""
        );
        let status = std::process::Command::new("sh")
            .args(["-c", &script])
            .arg(&binary)
            .arg(&sheet)
            .arg(&csv)
            .env(unknot::store::HOME_ENV, home.path())
            .status()
            .expect("sh runs");
        assert!(status.success());
        assert_eq!(mode(&sheet), expected, "sheet under umask {umask}");
        assert_eq!(mode(&csv), expected, "CSV under umask {umask}");
    }
    let store = Store::at(home.path());
    settings::save(&store.settings_path(), &Settings::default()).expect("save");
    assert_eq!(mode(&store.settings_path()), 0o600, "settings");
    assert_eq!(mode(history_of(home.path()).path()), 0o600, "history");
}

#[cfg(unix)]
#[test]
fn a_history_that_is_a_pipe_or_a_link_to_a_device_is_refused_at_once() {
    for special in ["pipe", "/dev/zero"] {
        let home = tempfile::tempdir().expect("temp dir");
        let log = history_of(home.path());
        std::fs::create_dir_all(log.path().parent().expect("folder")).expect("mkdir");
        if special == "pipe" {
            mkfifo(log.path());
        } else {
            std::os::unix::fs::symlink(special, log.path()).expect("symlink");
        }
        let what = if special == "pipe" {
            "is a named pipe (FIFO), not a regular file"
        } else {
            // Refused by its type, not read 32 MiB deep and then refused for its size.
            "is a device, not a regular file"
        };
        let stderr = fails(home.path(), &["history".as_ref()]);
        assert!(stderr.contains(what), "{special}: {stderr}");
        let acknowledged = Settings {
            safety_acknowledged: true,
            ..Settings::default()
        };
        settings::save(&Store::at(home.path()).settings_path(), &acknowledged).expect("seed");
        // The app's History button answers at once, saying what is wrong.
        let dir = home.path().to_owned();
        let shown = within_time_limit(move || {
            use egui_kittest::kittest::{NodeT as _, Queryable as _};
            let mut harness = app_in(&dir);
            harness
                .get_by_role_and_label(egui::accesskit::Role::Button, "History")
                .click();
            harness.run();
            assert_eq!(harness.state().screen(), unknot::app::ScreenKind::History);
            harness
                .query_all_by_label_contains("could not be read")
                .map(|node| {
                    let node = node.accesskit_node();
                    format!(
                        "{} {}",
                        node.label().unwrap_or_default(),
                        node.value().unwrap_or_default()
                    )
                })
                .collect::<Vec<_>>()
        });
        assert!(
            shown.iter().any(|text| text.contains(what)),
            "{special}: {shown:?}"
        );
        let kind = kind_of(log.path());
        assert!(
            kind == "pipe" || kind.starts_with("link to"),
            "left as it was"
        );
    }
}

/// A small tmpfs, unmounted when dropped.
#[cfg(target_os = "linux")]
struct SmallDisk {
    dir: tempfile::TempDir,
}

#[cfg(target_os = "linux")]
impl SmallDisk {
    /// Mounts a tmpfs of `bytes`, if this process may (root).
    fn mount(bytes: usize) -> Option<Self> {
        let dir = tempfile::tempdir().expect("temp dir");
        let mounted = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={bytes}"), "tmpfs"])
            .arg(dir.path())
            .status()
            .is_ok_and(|s| s.success());
        mounted.then_some(Self { dir })
    }
}

#[cfg(target_os = "linux")]
impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount")
            .arg(self.dir.path())
            .status();
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_session_that_does_not_fit_on_a_full_disk_leaves_the_history_as_it_was() {
    use std::io::Write as _;
    if !is_root() {
        eprintln!("not root: the full-disk case is covered by the store's writer double only");
        return;
    }
    let disk = SmallDisk::mount(64 * 1024).expect("a tmpfs mounts as root");
    let log = unknot::store::history::HistoryStore::at(disk.dir.path().join("history.jsonl"));
    log.append(&a_session("first")).expect("append");
    // The file ends 100 bytes before a page boundary (blank lines are skipped when read), so a
    // long line fits 100 bytes in its last page and needs a new page for the rest.
    let mut file = std::fs::OpenOptions::new()
        .append(true)
        .open(log.path())
        .expect("open");
    let len = file.metadata().expect("meta").len();
    let pad = (4096 - 100 - len % 4096) % 4096;
    file.write_all(&vec![b'\n'; usize::try_from(pad).expect("small")])
        .expect("pad");
    drop(file);
    // Fill every other page.
    let filler = disk.dir.path().join("filler");
    let mut filling = std::fs::File::create(&filler).expect("filler");
    while filling.write_all(&[b'x'; 4096]).is_ok() {}
    drop(filling);
    let before = std::fs::read(log.path()).expect("read");

    let long_session = a_session(&"stiff after a long drive ".repeat(20));
    let error = log.append(&long_session).expect_err("the disk is full");
    assert!(error.to_string().contains("No space left"), "{error}");
    let after = std::fs::read(log.path()).expect("read");
    assert!(
        after == before,
        "no part of the line is left in the file: {} bytes before, {} after",
        before.len(),
        after.len()
    );

    std::fs::remove_file(&filler).expect("free the disk");
    log.append(&long_session).expect("fits now");
    let loaded = log.load().expect("load");
    assert_eq!(loaded.damaged, [], "no cut line is ever reported");
    assert_eq!(loaded.sessions.len(), 2);
}

#[test]
fn numbers_too_large_for_any_field_say_so_with_the_largest_allowed() {
    let good = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/routines/ball-glutes-low-back.toml"
    ))
    .expect("a built-in routine file");
    for (from, to, expected) in [
        (
            "reps = 1\n",
            "reps = 99999999999999999999999999999\n",
            "steps[1].reps: this number is too large: at most 30",
        ),
        (
            "reps = 1\n",
            "reps = 5000000000\n",
            "steps[1].reps: this number is too large: at most 30",
        ),
        (
            "reps = 1\n",
            "reps = -99999999999999999999999999999\n",
            "steps[1].reps: this cannot be negative",
        ),
        (
            "format_version = 2",
            "format_version = 18446744073709551616",
            "format_version: this number is too large: at most 2",
        ),
    ] {
        assert!(good.contains(from));
        let problems = parse_routine(&good.replacen(from, to, 1)).expect_err("too large");
        let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(lines.len(), 1, "{to}: {lines:?}");
        assert!(lines[0].ends_with(expected), "{to}: {lines:?}");
    }
}

#[test]
fn a_key_with_control_characters_is_one_problem() {
    let problems =
        parse_routine("format_version = 2\na\u{1}b\u{1}c\u{1}d = 1\n").expect_err("not TOML");
    let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        [
            "line 2: this is not valid TOML: invalid unquoted key, expected letters, numbers, `-`, `_`"
        ]
    );
}

#[test]
fn check_on_a_file_that_is_not_a_routine_says_so_in_one_line() {
    let home = tempfile::tempdir().expect("temp dir");
    let readme = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
    let cargo = concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml");
    let empty = write(&home.path().join("empty.toml"), "");
    for file in [Path::new(readme), Path::new(cargo), &empty] {
        let output = unknot(home.path())
            .arg("check")
            .arg(file)
            .output()
            .expect("runs");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1));
        assert_eq!(output.stdout, b"", "no list of problems");
        assert_eq!(
            stderr,
            format!(
                "unknot: {} is not a routine file (a routine file sets format_version and has [[steps]])\n",
                file.display()
            )
        );
    }
}

// Mutated routine and settings files (proptest): no input panics either parser, and a report
// is always bounded. A failure shrinks to the smallest list of edits that still breaks and is
// kept in tests/hostile.proptest-regressions; `PROPTEST_CASES=20000` runs a longer search.

const ROUTINE_SEED_TEXT: &str = r#"format_version = 1
id = "fuzz"
name = "Fuzz"
summary = "Seed."
category = "mixed"

[[steps]]
name = "Knee to chest"
kind = "stretch"
position = "on-back"
equipment = "strap"
hold_seconds = 20
reps = 2
rest_seconds = 5
per_side = true
instructions = "Draw one knee in."
caution = "Gently."
"#;

const SETTINGS_SEED_TEXT: &str = r#"format_version = 1
volume = 0.6
muted = false
get_ready_secs = 5
switch_secs = 5
theme = "dark"
safety_acknowledged = true

[lengths.desk-break]
target_minutes = 10
steps = [{ hold_secs = 30 }, {}, { reps = 3 }]

[window]
width = 900.0
height = 600.0
"#;

/// Pieces that tend to break parsers: TOML syntax, huge numbers, control and bidi characters.
const FRAGMENTS: &[&str] = &[
    "[[steps]]\n",
    "[",
    "]",
    "{",
    "}",
    "{},",
    "\"",
    "'''",
    "\"\"\"",
    "=",
    "\n",
    "#",
    ".",
    ",",
    "-1",
    "99999999999999999999",
    "1e400",
    "nan",
    "inf",
    "true",
    "\\u001b",
    "\\u202e",
    "\u{1b}",
    "\u{202e}",
    "\u{0}",
    "\r\n",
    "é",
    "steps = [",
    "hold_seconds = ",
    "[window]\n",
    "x.y.z = 1\n",
    "[lengths.\"a b\"]\n",
    "format_version = 99\n",
];

/// One edit of a seed file, as hostile files are made.
#[derive(Clone, Debug)]
enum Edit {
    /// Insert one of [`FRAGMENTS`] at a position.
    Insert { at: usize, fragment: usize },
    /// Delete up to 40 bytes from a position.
    Delete { at: usize, len: usize },
    /// Replace one byte.
    Replace { at: usize, byte: u8 },
    /// Repeat a slice of up to 12 bytes up to 200 times.
    Repeat { at: usize, len: usize, times: usize },
}

fn edit_strategy() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), 0..FRAGMENTS.len())
            .prop_map(|(at, fragment)| Edit::Insert { at, fragment }),
        (any::<usize>(), 0..40usize).prop_map(|(at, len)| Edit::Delete { at, len }),
        (any::<usize>(), any::<u8>()).prop_map(|(at, byte)| Edit::Replace { at, byte }),
        (any::<usize>(), 0..12usize, 0..200usize).prop_map(|(at, len, times)| Edit::Repeat {
            at,
            len,
            times
        }),
    ]
}

/// The seed text with the edits applied in order (positions wrap around the current length).
fn mutate(seed: &str, edits: &[Edit]) -> String {
    let mut bytes = seed.as_bytes().to_vec();
    for edit in edits {
        let place = |at: usize, bytes: &Vec<u8>| at % (bytes.len() + 1);
        match *edit {
            Edit::Insert { at, fragment } => {
                let at = place(at, &bytes);
                bytes.splice(at..at, FRAGMENTS[fragment].bytes());
            }
            Edit::Delete { at, len } => {
                let at = place(at, &bytes);
                let end = (at + len).min(bytes.len());
                bytes.drain(at..end);
            }
            Edit::Replace { at, byte } => {
                let at = place(at, &bytes);
                if at < bytes.len() {
                    bytes[at] = byte;
                }
            }
            Edit::Repeat { at, len, times } => {
                let at = place(at, &bytes);
                let end = (at + len).min(bytes.len());
                let piece: Vec<u8> = bytes[at..end].to_vec();
                for _ in 0..times {
                    bytes.splice(at..at, piece.iter().copied());
                }
            }
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn mutated_routine_files_never_panic_and_get_a_bounded_report(
        edits in proptest::collection::vec(edit_strategy(), 1..=8)
    ) {
        let text = mutate(ROUTINE_SEED_TEXT, &edits);
        match parse_routine(&text) {
            // Whatever reads is a `Routine`, every bound kept by type; it writes back as it read.
            Ok(routine) => prop_assert_eq!(
                to_toml(&routine).ok().map(|again| parse_routine(&again)),
                Some(Ok(routine)),
                "{:?}",
                text
            ),
            Err(problems) => {
                prop_assert!(!problems.is_empty(), "{text:?}");
                prop_assert!(problems.len() <= MAX_SHOWN_PROBLEMS, "{} problems", problems.len());
            }
        }
    }

    #[test]
    fn mutated_settings_files_load_within_their_ranges_and_are_kept_aside(
        edits in proptest::collection::vec(edit_strategy(), 1..=8)
    ) {
        let text = mutate(SETTINGS_SEED_TEXT, &edits);
        let dir = tempfile::tempdir().expect("temp dir");
        let settings_path = dir.path().join("settings.toml");
        std::fs::write(&settings_path, &text).expect("write");
        let loaded = settings::load(&settings_path);
        let s = &loaded.settings;
        prop_assert!((0.0..=1.0).contains(&s.volume), "{text:?}");
        prop_assert!(s.get_ready_secs <= 30 && s.switch_secs <= 30, "{text:?}");
        if let Some(window) = s.window {
            prop_assert!(window.width >= WindowSize::MIN.width && window.width <= WindowSize::MAX.width);
        }
        if loaded.notice.is_some() {
            // Moved aside, never lost: the bytes are still in the folder.
            let kept = std::fs::read_dir(dir.path())
                .expect("list")
                .filter_map(Result::ok)
                .any(|entry| std::fs::read(entry.path()).is_ok_and(|bytes| bytes == text.as_bytes()));
            prop_assert!(kept, "the unreadable settings were not kept aside: {text:?}");
        }
    }
}
