//! Packaging: the app id in `src/core/app_id.rs` names the desktop entry, the icon, the metainfo
//! and every file the Debian package installs; the desktop actions run command lines the CLI
//! accepts; the icons are rendered from the current SVG at every hicolor size; `unknot
//! --version`, `--help` and the hidden `--generate` print what packaging relies on.
//!
//! The validators themselves (`desktop-file-validate`, `appstreamcli`) and a real install run
//! in `scripts/check-package`; these tests need no tools beyond cargo.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use clap::{CommandFactory as _, Parser as _};
use sha2::{Digest as _, Sha256};
use unknot::cli::Cli;
use unknot::core::app_id::APP_ID;

/// The hicolor sizes the icon is rendered at.
const ICON_SIZES: [u32; 8] = [16, 24, 32, 48, 64, 128, 256, 512];

fn repo(path: impl AsRef<Path>) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn read(path: impl AsRef<Path>) -> String {
    let path = repo(path);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn unknot() -> Command {
    let mut cmd = Command::cargo_bin("unknot").expect("the unknot binary is built");
    cmd.env("UNKNOT_HOME", env!("CARGO_TARGET_TMPDIR"));
    cmd
}

fn stdout_of(args: &[&str]) -> String {
    let output = unknot().args(args).assert().success().get_output().clone();
    String::from_utf8(output.stdout).expect("stdout is UTF-8")
}

/// The desktop entry's groups, each a map of key to value (no localised keys are used).
fn desktop_entry() -> BTreeMap<String, BTreeMap<String, String>> {
    let mut groups: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    let mut group = String::new();
    for line in read(format!("assets/{APP_ID}.desktop")).lines() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            name.clone_into(&mut group);
            assert!(
                groups.insert(group.clone(), BTreeMap::new()).is_none(),
                "{name} twice"
            );
            continue;
        }
        let (key, value) = line.split_once('=').expect("key=value");
        let keys = groups.get_mut(&group).expect("a key before any group");
        assert!(
            keys.insert(key.to_owned(), value.to_owned()).is_none(),
            "{key} twice"
        );
    }
    groups
}

#[test]
fn the_app_id_is_lowercase_reverse_dns_and_names_the_files() {
    let parts: Vec<&str> = APP_ID.split('.').collect();
    assert!(parts.len() >= 3, "{APP_ID}");
    assert!(
        parts.iter().all(|p| !p.is_empty()
            && p.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')),
        "{APP_ID}: lowercase letters, digits and _ between dots"
    );
    for file in [
        format!("assets/{APP_ID}.desktop"),
        format!("assets/{APP_ID}.metainfo.xml"),
        format!("assets/icons/hicolor/scalable/apps/{APP_ID}.svg"),
    ] {
        assert!(repo(&file).is_file(), "{file} is missing");
    }
    assert!(
        !repo("assets/unknot.desktop").exists(),
        "the old desktop file is back"
    );
    // The scripts read the id from src/core/app_id.rs with this exact line.
    assert!(
        read("src/core/app_id.rs").contains(&format!("pub const APP_ID: &str = \"{APP_ID}\";\n"))
    );
}

#[test]
fn the_desktop_entry_uses_the_app_id_and_commands_the_cli_accepts() {
    let groups = desktop_entry();
    let entry = &groups["Desktop Entry"];
    assert_eq!(entry["Icon"], APP_ID);
    assert_eq!(entry["StartupWMClass"], APP_ID);
    assert_eq!(entry["Name"], "Unknot");
    assert_eq!(entry["Exec"], "unknot");
    assert_eq!(entry["TryExec"], "unknot");
    let keywords: Vec<&str> = entry["Keywords"].split(';').collect();
    for wanted in ["stretch", "back pain", "massage", "exercise", "timer"] {
        assert!(keywords.contains(&wanted), "Keywords lacks {wanted}");
    }
    let actions: Vec<&str> = entry["Actions"]
        .split(';')
        .filter(|a| !a.is_empty())
        .collect();
    assert_eq!(actions, ["start-session", "reminders"]);
    let mut execs = vec![entry["Exec"].as_str()];
    for action in &actions {
        let group = &groups[&format!("Desktop Action {action}")];
        assert!(!group["Name"].is_empty());
        execs.push(&group["Exec"]);
    }
    assert_eq!(groups.len(), 1 + actions.len(), "a group no action names");
    for exec in execs {
        // No quoting or field codes are used, so splitting on spaces is exact.
        assert!(!exec.contains(['"', '\'', '%', '\\']), "{exec}");
        let argv: Vec<&str> = exec.split(' ').collect();
        assert_eq!(argv[0], "unknot", "{exec}");
        Cli::try_parse_from(&argv).unwrap_or_else(|e| panic!("{exec}: {e}"));
    }
    let start = &groups["Desktop Action start-session"]["Exec"];
    let id = start
        .strip_prefix("unknot start ")
        .expect("unknot start ID");
    assert!(
        unknot::store::builtin::builtin()
            .iter()
            .any(|r| r.id() == id),
        "{id} is no built-in routine"
    );
}

#[test]
fn the_metainfo_uses_the_app_id_version_and_licences() {
    let text = read(format!("assets/{APP_ID}.metainfo.xml"));
    let doc = roxmltree::Document::parse(&text).expect("the metainfo is XML");
    let component = doc.root_element();
    assert_eq!(component.tag_name().name(), "component");
    assert_eq!(component.attribute("type"), Some("desktop-application"));
    let child_text = |name: &str| -> Vec<String> {
        component
            .descendants()
            .filter(|n| n.has_tag_name(name))
            .map(|n| n.text().unwrap_or_default().trim().to_owned())
            .collect()
    };
    assert_eq!(child_text("id"), [APP_ID]);
    assert_eq!(child_text("launchable"), [format!("{APP_ID}.desktop")]);
    assert_eq!(child_text("binary"), ["unknot"]);
    assert_eq!(child_text("metadata_license"), ["CC0-1.0"]);
    assert_eq!(child_text("project_license"), [env!("CARGO_PKG_LICENSE")]);
    let release = component
        .descendants()
        .find(|n| n.has_tag_name("release"))
        .expect("a release");
    assert_eq!(
        release.attribute("version"),
        Some(env!("CARGO_PKG_VERSION"))
    );
    assert!(
        component
            .descendants()
            .any(|n| n.has_tag_name("content_rating")),
        "no OARS content rating"
    );
    for image in child_text("image") {
        let file = image
            .split_once("/main/")
            .map(|(_, path)| path)
            .expect("a raw URL on the main branch");
        assert!(
            repo(file).is_file(),
            "screenshot {file} is not in the repository"
        );
    }
}

/// A PNG's width and height, from its IHDR chunk.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "not a PNG");
    assert_eq!(&bytes[12..16], b"IHDR");
    let word = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().expect("4 bytes"));
    (word(16), word(20))
}

#[test]
fn the_icons_are_rendered_from_the_current_svg_at_every_size() {
    for size in ICON_SIZES {
        let file = format!("assets/icons/hicolor/{size}x{size}/apps/{APP_ID}.png");
        let bytes = std::fs::read(repo(&file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert_eq!(png_size(&bytes), (size, size), "{file}");
    }
    let svg = format!("hicolor/scalable/apps/{APP_ID}.svg");
    let digest = Sha256::digest(std::fs::read(repo(format!("assets/icons/{svg}"))).expect("svg"));
    let hex = digest.iter().fold(String::new(), |mut hex, byte| {
        let _ = write!(hex, "{byte:02x}");
        hex
    });
    assert_eq!(
        read("assets/icons/rendered-from.sha256"),
        format!("{hex}  {svg}\n"),
        "the SVG changed since the PNGs were made: run scripts/make-icons and commit"
    );
    // The window icon is built in from the theme's 128 px PNG, by its path with the app id.
    let window_icon = format!("assets/icons/hicolor/128x128/apps/{APP_ID}.png");
    assert!(
        read("src/ui/theme.rs").contains(&window_icon),
        "the window icon is not {window_icon}"
    );
}

#[test]
fn the_debian_package_installs_every_file_under_the_app_id() {
    let manifest: toml::Table = read("Cargo.toml").parse().expect("Cargo.toml is TOML");
    let deb = &manifest["package"]["metadata"]["deb"];
    let depends = deb["depends"].as_str().expect("depends");
    for wanted in [
        "$auto",
        "libxkbcommon0",
        "libwayland-client0",
        "libegl1",
        "libgl1",
        "libasound2",
    ] {
        assert!(depends.contains(wanted), "depends lacks {wanted}");
    }
    let mut installed = Vec::new();
    for asset in deb["assets"].as_array().expect("assets") {
        let parts: Vec<&str> = asset
            .as_array()
            .expect("[source, dest, mode]")
            .iter()
            .map(|v| v.as_str().expect("a string"))
            .collect();
        let [source, dest, _mode] = parts[..] else {
            panic!("{asset}")
        };
        if !source.starts_with("target/") {
            assert!(repo(source).is_file(), "{source} is missing");
        }
        let name = Path::new(source).file_name().expect("a file name");
        installed.push(if dest.ends_with('/') {
            format!("/{dest}{}", name.to_string_lossy())
        } else {
            format!("/{dest}")
        });
    }
    let mut expected: Vec<String> = [
        "/usr/bin/unknot".to_owned(),
        format!("/usr/share/applications/{APP_ID}.desktop"),
        format!("/usr/share/metainfo/{APP_ID}.metainfo.xml"),
        format!("/usr/share/icons/hicolor/scalable/apps/{APP_ID}.svg"),
        // cargo-deb gzips it into unknot.1.gz.
        "/usr/share/man/man1/unknot.1".to_owned(),
        "/usr/share/bash-completion/completions/unknot".to_owned(),
        "/usr/share/zsh/vendor-completions/_unknot".to_owned(),
        "/usr/share/fish/vendor_completions.d/unknot.fish".to_owned(),
        "/usr/share/doc/unknot/README.md".to_owned(),
    ]
    .into_iter()
    .chain(
        ICON_SIZES
            .iter()
            .map(|s| format!("/usr/share/icons/hicolor/{s}x{s}/apps/{APP_ID}.png")),
    )
    .collect();
    expected.sort();
    installed.sort();
    assert_eq!(installed, expected);
}

#[test]
fn version_prints_the_package_version() {
    assert_eq!(
        stdout_of(&["--version"]),
        format!("unknot {}\n", env!("CARGO_PKG_VERSION"))
    );
    assert_eq!(env!("CARGO_PKG_VERSION"), "0.1.0");
}

#[test]
fn help_names_every_subcommand_and_hides_generate() {
    let help = stdout_of(&["--help"]);
    let cmd = Cli::command();
    let mut named = 0;
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        let about = sub
            .get_about()
            .expect("every subcommand has help")
            .to_string();
        let line = format!("{}  ", sub.get_name());
        assert!(
            help.lines()
                .any(|l| l.trim_start().starts_with(&line) && l.contains(about.trim())),
            "--help does not list {}: {help}",
            sub.get_name()
        );
        named += 1;
    }
    assert_eq!(
        named, 10,
        "start, list, remind, reminders, show, sheet, check, history, generate and programme"
    );
    assert!(!help.contains("--generate"), "{help}");
}

#[test]
fn generate_prints_the_manual_page_with_every_subcommand() {
    let page = stdout_of(&["--generate", "man"]);
    assert!(page.starts_with(".ie \\n(.g .ds Aq \\(aq\n") || page.contains("\n.TH unknot 1"));
    assert!(page.contains(".TH unknot 1"), "{page}");
    assert!(page.contains(".SH COMMANDS\n"), "{page}");
    assert!(
        !page.contains("unknot-list(1)"),
        "points at pages that do not exist"
    );
    assert!(!page.contains("\\-\\-generate"), "the hidden option shows");
    for sub in Cli::command().get_subcommands() {
        if sub.is_hide_set() {
            // The reminder window's subcommand is for Unknot itself, not in the manual.
            assert!(!page.contains(sub.get_name()), "{} shows", sub.get_name());
            continue;
        }
        assert!(
            page.contains(&format!(".SS \"unknot {}\"\n", sub.get_name())),
            "no section for {}",
            sub.get_name()
        );
        for arg in sub.get_arguments().filter(|a| !a.is_hide_set()) {
            if let Some(long) = arg.get_long() {
                let roff = format!("\\-\\-{}", long.replace('-', "\\-"));
                assert!(page.contains(&roff), "no {roff} for {}", sub.get_name());
            }
        }
    }
}

#[test]
fn generate_prints_completions_for_bash_zsh_and_fish() {
    let names: Vec<String> = Cli::command()
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for (shell, start) in [
        ("bash", "_unknot() {"),
        ("zsh", "#compdef unknot\n"),
        ("fish", "# Print an optspec for argparse"),
    ] {
        let script = stdout_of(&["--generate", &format!("complete-{shell}")]);
        assert!(script.contains(start), "{shell}: {script}");
        for name in &names {
            assert!(script.contains(name.as_str()), "{shell} lacks {name}");
        }
        assert!(
            !script.contains("--generate"),
            "{shell} offers the hidden option"
        );
    }
}

#[test]
fn generate_refuses_unknown_kinds_and_other_arguments() {
    unknot().args(["--generate", "pdf"]).assert().code(2);
    unknot()
        .args(["--generate", "man", "list"])
        .assert()
        .code(2);
}
