//! The binary as scripts see it: every option, standard input, print mode
//! with and without colour, the JSON shape, config files, exit codes and
//! one-line messages.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_lede");
const TITLE: &str = "After Tehran talks, Syria and Russia forces step up Idlib attacks";
const SECOND: &str = "What next after Tehran summit?";

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/config")
        .join(name)
}

fn seed() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/000_a8106be745b31416.txt")
}

/// Runs lede with these arguments, standard input from `stdin` (else
/// `/dev/null`: an inherited pipe would be read as the article), no config
/// of the user's and no colour variables of the caller's.
fn lede_env(args: &[&str], stdin: Option<&str>, env: &[(&str, &str)]) -> Output {
    let home = tempfile::tempdir().expect("temp home");
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .env_remove("NO_COLOR")
        .env_remove("COLORFGBG")
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env("XDG_STATE_HOME", home.path().join("state"))
        .env("HOME", home.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        });
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().expect("lede runs");
    if let Some(text) = stdin {
        let mut pipe = child.stdin.take().expect("stdin");
        pipe.write_all(text.as_bytes()).expect("written");
    }
    child.wait_with_output().expect("lede ends")
}

fn lede(args: &[&str]) -> Output {
    lede_env(args, None, &[])
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("utf-8")
}

/// Exit status 2, nothing on stdout, one line on stderr that says `says`.
fn assert_usage_error(out: &Output, says: &str) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(out.stdout.is_empty());
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("lede: ") && err.contains(says), "{err}");
}

#[test]
fn piped_output_is_the_plain_article_wrapped_to_80() {
    let out = lede(&[]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text.starts_with(&format!("{TITLE}\n")));
    assert!(text.lines().all(|l| l.chars().count() <= 80));
    assert!(!text.contains('\x1b'));
}

#[test]
fn an_article_on_stdin_prints_too() {
    let article = "A title\n\nA body with \x1b[2J in it.\n";
    for args in [&["-"][..], &[][..], &["-p", "-"][..]] {
        let out = lede_env(args, Some(article), &[]);
        assert!(out.status.success(), "{args:?}");
        assert_eq!(
            stdout(&out),
            "A title\n\nA body with ^[[2J in it.\n",
            "{args:?}"
        );
    }
}

#[test]
fn files_that_cannot_be_read_say_so_in_one_line() {
    let dir = std::env::temp_dir();
    for (path, says) in [
        (
            "/nonexistent/article.txt",
            "/nonexistent/article.txt: no such file",
        ),
        (dir.to_str().expect("utf-8 temp dir"), "directory"),
    ] {
        assert_usage_error(&lede(&[path]), says);
    }
    let seed = seed();
    let seed = seed.to_str().expect("utf-8");
    assert_usage_error(&lede(&[seed, "/nonexistent/b.md"]), "/nonexistent/b.md");
}

#[test]
fn width_sets_the_print_column() {
    let out = lede(&["-p", "--width", "40"]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text.lines().all(|l| l.chars().count() <= 40));
    assert!(text.lines().any(|l| l.chars().count() > 30));
    assert!(text.contains(&format!("\n{SECOND}\n")));
    assert_usage_error(&lede(&["--width", "0"]), "--width");
    assert_usage_error(&lede(&["--width", "wide"]), "--width");
}

#[test]
fn colour_follows_the_color_option_and_no_color() {
    let has_codes = |out: &Output| stdout(out).contains("\x1b[");
    let has_colour = |out: &Output| {
        let t = stdout(out);
        (30..=37).any(|c| t.contains(&format!(";{c}m")))
    };
    // Piped: none unless asked.
    assert!(!has_codes(&lede(&["-p"])));
    assert!(!has_codes(&lede(&["-p", "--color", "auto"])));
    assert!(!has_codes(&lede(&["-p", "--color", "never"])));
    let always = lede(&["-p", "--color", "always"]);
    assert!(always.status.success());
    let text = stdout(&always);
    assert!(text.starts_with("\x1b[0;1mAfter "), "{text:.60?}");
    assert!(has_colour(&always), "the dateline is grey");
    // `always` is an explicit request: it beats NO_COLOR.
    let out = lede_env(&["-p", "--color=always"], None, &[("NO_COLOR", "1")]);
    assert!(has_codes(&out) && has_colour(&out));
    // Monochrome: styles, no colours.
    let mono = lede(&["-p", "--color=always", "--theme", "mono"]);
    assert!(has_codes(&mono) && !has_colour(&mono));
    assert_usage_error(&lede(&["--color", "sometimes"]), "sometimes");
}

#[test]
fn themes_pick_colours_for_the_background() {
    // The style of the comma after the dateline's place: the dateline's
    // own grey, whether or not the place is highlighted.
    let grey_dateline = |args: &[&str], env: &[(&str, &str)]| {
        let out = lede_env(args, None, env);
        let text = stdout(&out);
        let at = text.find("Antakya").expect("dateline");
        let comma = at + text[at..].find(',').expect("a comma");
        text[..comma]
            .rsplit('\x1b')
            .next()
            .expect("a style")
            .to_string()
    };
    let args = ["-p", "--color=always"];
    let dark = grey_dateline(&args, &[("TERM", "xterm")]);
    let light = grey_dateline(
        &[&args[..], &["--theme", "light"]].concat(),
        &[("TERM", "xterm")],
    );
    assert_ne!(dark, light);
    // COLORFGBG says light: auto follows it.
    let auto_light = grey_dateline(&args, &[("TERM", "xterm"), ("COLORFGBG", "0;15")]);
    assert_eq!(auto_light, light);
    // 256 colours when the terminal says so.
    let deep = grey_dateline(&args, &[("TERM", "xterm-256color")]);
    assert!(deep.contains("38;5;"), "{deep:?}");
    assert_usage_error(&lede(&["--theme", "neon"]), "neon");
}

#[test]
fn help_and_version() {
    let out = lede(&["--help"]);
    assert!(out.status.success());
    let text = stdout(&out);
    for want in [
        "Examples:",
        "--print",
        "--json",
        "--color",
        "--config",
        "--no-remember",
        "Ctrl-n",
    ] {
        assert!(text.contains(want), "help lacks {want}");
    }
    let out = lede(&["--version"]);
    assert!(out.status.success());
    assert_eq!(
        stdout(&out).trim(),
        format!("lede {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn bad_usage_exits_2_with_one_line() {
    assert_usage_error(&lede(&["--frobnicate"]), "--frobnicate");
    assert_usage_error(&lede(&["-", "-"]), "standard input");
    assert_usage_error(&lede(&["--json", "--print"]), "--print");
    assert_usage_error(&lede(&["completions", "tcsh"]), "tcsh");
    assert_usage_error(&lede(&["completions"]), "<SHELL>");
    assert_usage_error(&lede(&["--config"]), "<PATH>");
}

#[test]
fn completions_and_man_page_come_from_the_same_definitions() {
    for (shell, marker) in [
        ("bash", "_lede()"),
        ("zsh", "#compdef lede"),
        ("fish", "complete -c lede"),
    ] {
        let out = lede(&["completions", shell]);
        assert!(out.status.success(), "{shell}");
        let text = stdout(&out);
        assert!(text.contains(marker), "{shell}: {text:.200}");
        assert!(
            text.contains("no-remember"),
            "{shell} completes the options"
        );
    }
    let out = lede(&["man"]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text.contains(".TH lede 1"), "{text:.200}");
    assert!(text.contains("print\\-config") || text.contains("print-config"));
}

#[test]
fn several_files_print_in_order() {
    let dir = tempfile::tempdir().expect("temp");
    let b = dir.path().join("b.md");
    std::fs::write(&b, "# Second article\n\nIts body.\n").expect("written");
    let seed = seed();
    let out = lede(&[seed.to_str().expect("utf-8"), b.to_str().expect("utf-8")]);
    assert!(out.status.success());
    let text = stdout(&out);
    let first = text.find(TITLE).expect("first");
    let second = text.find("Second article").expect("second");
    assert!(first < second);
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let dir = tempfile::tempdir().expect("temp");
    let big = dir.path().join("big.txt");
    let mut text = String::from("A long article\n\n");
    for i in 0..40_000 {
        text.push_str(&format!(
            "Paragraph {i} says something about something else.\n\n"
        ));
    }
    std::fs::write(&big, text).expect("written");
    for color in ["never", "always"] {
        let mut child = Command::new(BIN)
            .args(["-p", "--color", color, big.to_str().expect("utf-8")])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("runs");
        let mut first = [0u8; 64];
        child
            .stdout
            .as_mut()
            .expect("stdout")
            .read_exact(&mut first)
            .expect("some output");
        drop(child.stdout.take());
        let out = child.wait_with_output().expect("ends");
        assert!(out.status.success(), "{color}: {:?}", out.status);
        assert!(
            out.stderr.is_empty(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn json_is_the_document_model() {
    let out = lede(&["--json"]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 1, "one line per article");
    let v: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(v["schema"], 1);
    assert!(v["name"].is_string());
    assert_eq!(v["format"], "plain");
    let body = v["text"].as_str().expect("text");
    assert_eq!(v["title"]["text"], TITLE);
    assert!(v["title"]["block"].is_u64());
    assert!(
        v["dateline"]["text"]
            .as_str()
            .is_some_and(|d| d.starts_with("Antakya"))
    );
    let range = |r: &serde_json::Value| {
        let n = |k: &str| r[k].as_u64().expect("offset") as usize;
        let s = |k: &str| r["source"][k].as_u64().expect("source offset") as usize;
        assert!(n("start") <= n("end") && s("start") <= s("end"));
        n("start")..n("end")
    };
    let sections = v["sections"].as_array().expect("sections");
    assert_eq!(sections.len(), 3);
    for (i, s) in sections.iter().enumerate() {
        assert_eq!(s["index"], i);
        assert!(s["title"].is_string() && s["level"].is_u64() && s["boilerplate"].is_boolean());
        assert!(s["blocks"]["start"].is_u64() && s["blocks"]["end"].is_u64());
        range(&s["range"]);
    }
    assert_eq!(sections[1]["title"], SECOND);
    assert_eq!(sections[2]["boilerplate"], true);
    let blocks = v["blocks"].as_array().expect("blocks");
    assert!(blocks.len() > 25);
    let kinds = [
        "title",
        "dateline",
        "paragraph",
        "heading",
        "list_item",
        "code",
        "rule",
        "boilerplate",
    ];
    for (i, b) in blocks.iter().enumerate() {
        assert_eq!(b["index"], i);
        assert!(
            kinds.contains(&b["kind"].as_str().expect("kind")),
            "{}",
            b["kind"]
        );
        assert!(b["section"].is_u64() && b["quote_depth"].is_u64() && b["list_depth"].is_u64());
        assert_eq!(&body[range(&b["range"])], b["text"].as_str().expect("text"));
        for inline in b["inlines"].as_array().expect("inlines") {
            assert!(inline["kind"].is_string());
            range(&inline["range"]);
        }
    }
    assert_eq!(blocks[0]["kind"], "title");
    assert!(
        blocks
            .iter()
            .any(|b| b["kind"] == "heading" && b["level"].is_u64())
    );
    assert!(v["entities"].is_array() && v["mentions"].is_array() && v["notices"].is_array());
    for m in v["mentions"].as_array().expect("mentions") {
        assert_eq!(&body[range(&m["range"])], m["text"].as_str().expect("text"));
        assert!(m["entity"].is_u64() && m["kind"].is_string());
    }
}

#[test]
fn json_offsets_point_into_the_source_file() {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("a.md");
    let source = "\u{feff}# Heading\r\n\r\nSome *text* [here](https://example.org).\r\n";
    std::fs::write(&path, source).expect("written");
    let out = lede(&["--json", path.to_str().expect("utf-8")]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["format"], "markdown");
    let para = &v["blocks"][1];
    let start = para["range"]["source"]["start"].as_u64().expect("start") as usize;
    let end = para["range"]["source"]["end"].as_u64().expect("end") as usize;
    assert!(source.as_bytes()[start..end].starts_with(b"Some"));
    let link = para["inlines"]
        .as_array()
        .expect("inlines")
        .iter()
        .find(|i| i["kind"] == "link")
        .expect("a link");
    assert_eq!(link["target"], "https://example.org");
    // Several articles: one object per line.
    let out = lede(&[
        "--json",
        path.to_str().expect("utf-8"),
        path.to_str().expect("utf-8"),
    ]);
    assert_eq!(stdout(&out).lines().count(), 2);
}

#[test]
fn print_config_prints_the_commented_defaults() {
    let out = lede(&["--print-config"]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert_eq!(
        text,
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/config.toml"))
            .expect("asset")
    );
    // What it prints is a valid config.
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("config.toml");
    std::fs::write(&path, &text).expect("written");
    assert!(
        lede(&["--config", path.to_str().expect("utf-8"), "-p"])
            .status
            .success()
    );
}

#[test]
fn a_valid_config_is_used() {
    let valid = fixture("valid.toml");
    // By default page furniture is hidden: the comment form is not printed.
    assert!(!stdout(&lede(&["-p"])).contains("Add a Comment"));
    // furniture = true: it is.
    let out = lede(&["--config", valid.to_str().expect("utf-8"), "-p"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout(&out).contains("Add a Comment"));
    // theme = "mono": styles without colours.
    let out = lede(&[
        "--config",
        valid.to_str().expect("utf-8"),
        "-p",
        "--color=always",
    ]);
    let text = stdout(&out);
    assert!(text.contains("\x1b[0;1m") && !(30..=37).any(|c| text.contains(&format!(";{c}m"))));
    // The default place is read when there is one.
    let home = tempfile::tempdir().expect("temp");
    let dir = home.path().join("lede");
    std::fs::create_dir_all(&dir).expect("made");
    std::fs::copy(&valid, dir.join("config.toml")).expect("copied");
    let out = lede_env(
        &["-p"],
        None,
        &[("XDG_CONFIG_HOME", home.path().to_str().expect("utf-8"))],
    );
    assert!(out.status.success());
    assert!(stdout(&out).contains("Add a Comment"));
}

#[test]
fn a_bad_config_names_the_file_and_line() {
    let cases = [
        ("unknown_key.toml", 2, "unknown field `widht`"),
        ("bad_action.toml", 4, "unknown action `teleport`"),
        ("bad_key.toml", 2, "unknown key `Hyper-x`"),
        ("broken.toml", 2, ""),
        ("wrong_type.toml", 2, "invalid type"),
    ];
    for (name, line, says) in cases {
        let path = fixture(name);
        let path = path.to_str().expect("utf-8");
        let out = lede(&["--config", path, "-p"]);
        assert_usage_error(&out, &format!("{path}:{line}: {says}"));
    }
    assert_usage_error(
        &lede(&["--config", "/nonexistent/config.toml"]),
        "/nonexistent/config.toml: ",
    );
    // A bad default file is as much an error as a named one.
    let home = tempfile::tempdir().expect("temp");
    let dir = home.path().join("lede");
    std::fs::create_dir_all(&dir).expect("made");
    std::fs::copy(fixture("bad_action.toml"), dir.join("config.toml")).expect("copied");
    let out = lede_env(
        &["-p"],
        None,
        &[("XDG_CONFIG_HOME", home.path().to_str().expect("utf-8"))],
    );
    assert_usage_error(&out, "config.toml:4: unknown action");
}

#[test]
fn no_remember_is_accepted_and_print_mode_writes_no_state() {
    let home = tempfile::tempdir().expect("temp");
    let state = home.path().join("state");
    let out = lede_env(
        &["-p", "--no-remember"],
        None,
        &[("XDG_STATE_HOME", state.to_str().expect("utf-8"))],
    );
    assert!(out.status.success());
    let out = lede_env(
        &["-p"],
        None,
        &[("XDG_STATE_HOME", state.to_str().expect("utf-8"))],
    );
    assert!(out.status.success());
    assert!(!state.exists(), "print mode has no place to remember");
}

#[test]
fn output_that_cannot_be_written_is_an_internal_error() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        eprintln!("SKIPPED: no /dev/full here");
        return;
    };
    for args in [&["-p"][..], &["--json"][..], &["-p", "--color=always"][..]] {
        let out = Command::new(BIN)
            .args(args)
            .stdin(Stdio::null())
            .stdout(full.try_clone().expect("dup"))
            .stderr(Stdio::piped())
            .output()
            .expect("runs");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.starts_with("lede: standard output: "), "{err}");
    }
}

#[test]
fn reveal_shows_every_invisible_character_in_print_mode() {
    let text = "Title\n\npay\u{200B}pal\tand\u{00AD}so \u{202E}on\n";
    let plain = stdout(&lede_env(&["-"], Some(text), &[]));
    assert!(plain.contains("paypal"), "{plain}");
    assert!(!plain.contains("ZWSP") && !plain.contains("SHY"), "{plain}");
    assert!(
        plain.contains("⟨RLO⟩"),
        "bidi overrides always show: {plain}"
    );
    for styled in [false, true] {
        let mut args = vec!["--reveal", "-"];
        if styled {
            args.push("--color=always");
        }
        let revealed = stdout(&lede_env(&args, Some(text), &[]));
        for marker in ["pay", "⟨ZWSP⟩", "pal", "^I", "and", "⟨SHY⟩", "⟨RLO⟩"] {
            assert!(revealed.contains(marker), "{marker} in {revealed:?}");
        }
        if !styled {
            assert!(
                revealed.contains("pay⟨ZWSP⟩pal^Iand⟨SHY⟩so ⟨RLO⟩on"),
                "{revealed}"
            );
        }
    }
}

/// Two small articles in a folder of their own: (guard, a.txt, b.md).
fn two_articles() -> (tempfile::TempDir, String, String) {
    let dir = tempfile::tempdir().expect("temp");
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.md");
    std::fs::write(&a, "Rome visit\n\nJoe Biden met 300 guests in Rome.\n").expect("written");
    std::fs::write(&b, "# Paris talks\n\nEmmanuel Macron spoke in Paris.\n").expect("written");
    let path = |p: PathBuf| p.to_str().expect("utf-8").to_string();
    (dir, path(a), path(b))
}

#[test]
fn entities_read_standard_input_like_the_reader() {
    let article = "Rome visit\n\nJoe Biden met 300 guests in Rome.\n";
    for args in [&["entities"][..], &["entities", "-"][..]] {
        let out = lede_env(args, Some(article), &[]);
        assert!(out.status.success(), "{args:?}");
        let text = stdout(&out);
        assert!(
            text.contains("Joe Biden") && text.contains("Rome"),
            "{args:?}: {text}"
        );
        assert!(
            !text.contains("Idlib"),
            "{args:?}: the sample, not the pipe: {text}"
        );
    }
    let out = lede_env(&["entities", "--json"], Some(article), &[]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["file"], "stdin");
    // Nothing piped in: the sample.
    assert!(stdout(&lede(&["entities"])).contains("Idlib"));
}

#[test]
fn entities_take_several_files_each_named() {
    let (_dir, a, b) = two_articles();
    let out = lede(&["entities", "--json", &a, &b]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = stdout(&out);
    let files: Vec<String> = text
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("a JSON object per line");
            v["file"].as_str().expect("file").to_string()
        })
        .collect();
    assert_eq!(files, ["a.txt", "b.md"]);

    let text = stdout(&lede(&["entities", &a, &b]));
    let head_a = text.find(&format!("==> {a} <==")).expect("a named");
    let head_b = text.find(&format!("==> {b} <==")).expect("b named");
    let biden = text.find("Joe Biden").expect("a's actor");
    let macron = text.find("Emmanuel Macron").expect("b's actor");
    assert!(
        head_a < biden && biden < head_b && head_b < macron,
        "{text}"
    );
    // One file: no separator, as before.
    assert!(!stdout(&lede(&["entities", &a])).contains("==>"));
    // A file that cannot be read is named, as for the reader.
    assert_usage_error(
        &lede(&["entities", &a, "/nonexistent/c.txt"]),
        "/nonexistent/c.txt",
    );
}

#[test]
fn several_printed_files_are_each_named() {
    let (_dir, a, b) = two_articles();
    for args in [&[&a[..], &b[..]][..], &["-p", &a, &b][..]] {
        let text = stdout(&lede(args));
        assert_eq!(
            text,
            format!(
                "==> {a} <==\nRome visit\n\nJoe Biden met 300 guests in Rome.\n\n\
                 ==> {b} <==\nParis talks\n\nEmmanuel Macron spoke in Paris.\n"
            ),
            "{args:?}"
        );
    }
    assert!(!stdout(&lede(&[&a])).contains("==>"));
    // A name with control characters is shown with markers, never raw.
    let dir = tempfile::tempdir().expect("temp");
    let evil = dir.path().join("x\x1b[2Jy.txt");
    std::fs::write(&evil, "Title\n\nBody.\n").expect("written");
    let text = stdout(&lede(&[evil.to_str().expect("utf-8"), &a]));
    assert!(
        !text.contains('\x1b') && text.contains("x^[[2Jy.txt"),
        "{text:?}"
    );
}

#[test]
fn list_actions_names_every_action_with_what_it_does() {
    let out = lede(&["--list-actions"]);
    assert!(out.status.success());
    let text = stdout(&out);
    let listed: Vec<(&str, &str)> = text
        .lines()
        .map(|l| {
            let (name, what) = l.split_once("  ").expect("a name, then what it does");
            (name, what.trim())
        })
        .collect();
    assert!(listed.iter().all(|(_, what)| !what.is_empty()), "{text}");
    let names: Vec<&str> = listed.iter().map(|(name, _)| *name).collect();
    let keymap =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/keymap.toml"))
            .expect("keymap");
    for line in keymap.lines() {
        if let Some(action) = line.strip_prefix("action = ") {
            let action = action.trim_matches('"');
            assert!(names.contains(&action), "`{action}` is not listed:\n{text}");
        }
    }
    assert!(names.contains(&"section N"), "{text}");
    // Each listed name is one a config may bind.
    let dir = tempfile::tempdir().expect("temp");
    let config = dir.path().join("config.toml");
    let bindings: String = names
        .iter()
        .map(|name| {
            let name = name.replace('N', "2");
            format!("[[key]]\nkeys = [\"F5\"]\naction = \"{name}\"\nmode = \"body\"\n")
        })
        .collect();
    std::fs::write(&config, bindings).expect("written");
    let out = lede(&["--config", config.to_str().expect("utf-8"), "-p"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The config template, a bad action's message and the README point to it.
    let template = stdout(&lede(&["--print-config"]));
    assert!(template.contains("lede --list-actions"), "{template}");
    assert!(include_str!("../README.md").contains("lede --list-actions"));
    std::fs::write(
        &config,
        "[[key]]\nkeys = [\"j\"]\naction = \"fly\"\nmode = \"body\"\n",
    )
    .expect("written");
    assert_usage_error(
        &lede(&["--config", config.to_str().expect("utf-8"), "-p"]),
        "unknown action `fly` (lede --list-actions lists them)",
    );
}
