//! End-to-end tests of the `lede` binary in a real terminal (tmux): it
//! starts, shows the title, moves between sections, and gives the terminal
//! back on quit, on panic, on SIGTERM and SIGHUP, and around Ctrl-Z / `fg`;
//! searches (counts, `n`, the wrapped notice, Esc) and takes a bracketed
//! paste as search text.
//!
//! Each test runs its own tmux server on a unique socket (`-L`) and polls
//! the pane for text; nothing waits a fixed time. Run them on the release
//! binary with `cargo test --release`. When tmux is not installed the tests
//! fail and say so; `.ci/run` installs it.

mod common;

use std::path::PathBuf;
use std::process::Command;

use common::Tmux;

const BIN: &str = env!("CARGO_BIN_EXE_lede");
const TITLE: &str = "After Tehran talks, Syria and Russia forces step up Idlib attacks";
const SECOND: &str = "What next after Tehran summit?";
/// The first row of body text (row 0 is the top margin).
fn first_text_row(screen: &str) -> &str {
    screen.lines().nth(1).unwrap_or("")
}

fn pid_file(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("lede-e2e-{}-{name}.pid", std::process::id()))
}

#[test]
fn starts_moves_between_sections_and_quits_cleanly() {
    let t = Tmux::start("quit", 100, 30);
    t.type_line(&format!("{BIN}; echo EXIT:$?"));
    t.wait_for("the title", |s| s.contains(TITLE));
    t.wait_flags("1 1 0");
    t.keys(&["]"]);
    t.wait_for("the second section on top", |s| {
        first_text_row(s).contains(SECOND)
    });
    // A resize re-wraps and keeps the same text on top.
    t.run(&["resize-window", "-t", "e2e", "-x", "50", "-y", "20"]);
    // tmux shows the old frame cropped at once; wait for lede's own frame:
    // no outline at 50 columns, the same section heading on top.
    t.wait_for("the narrow layout with the same text on top", |s| {
        !s.contains("Sections") && first_text_row(s).contains("What next after")
    });
    t.keys(&["q"]);
    t.wait_for("the shell", |s| s.contains("EXIT:0"));
    t.assert_sane();
}

#[test]
fn a_panic_gives_the_terminal_back() {
    let t = Tmux::start("panic", 100, 30);
    t.type_line(&format!("LEDE_TEST_PANIC=1 {BIN}; echo EXIT:$?"));
    let screen = t.wait_for("the panic's exit", |s| s.contains("EXIT:101"));
    assert!(
        screen.contains("LEDE_TEST_PANIC is set"),
        "the panic message is readable on the main screen:\n{screen}"
    );
    t.assert_sane();
}

fn signal_restores(name: &str, signal: &str, status: u8) {
    let t = Tmux::start(name, 100, 30);
    let pid_path = pid_file(name);
    let _ = std::fs::remove_file(&pid_path);
    t.type_line(&format!(
        "sh -c 'echo $$ > {}; exec {BIN}'; echo EXIT:$?",
        pid_path.display()
    ));
    t.wait_for("the title", |s| s.contains(TITLE));
    let pid = std::fs::read_to_string(&pid_path).expect("pid written");
    let killed = Command::new("kill")
        .args([&format!("-{signal}"), pid.trim()])
        .status()
        .expect("kill runs");
    assert!(killed.success());
    t.wait_for("the shell", |s| s.contains(&format!("EXIT:{status}")));
    t.assert_sane();
    let _ = std::fs::remove_file(&pid_path);
}

#[test]
fn sigterm_gives_the_terminal_back() {
    signal_restores("term", "TERM", 143);
}

#[test]
fn sighup_gives_the_terminal_back() {
    signal_restores("hup", "HUP", 129);
}

#[test]
fn ctrl_z_suspends_and_fg_redraws() {
    let t = Tmux::start("suspend", 100, 30);
    t.type_line(BIN);
    t.wait_for("the title", |s| s.contains(TITLE));
    t.keys(&["]"]);
    t.wait_for("the second section", |s| first_text_row(s).contains(SECOND));
    t.keys(&["C-z"]);
    t.wait_for("the shell after the stop", |s| {
        s.contains("Stopped") || s.contains("stopped")
    });
    t.assert_sane();
    t.type_line("fg");
    t.wait_for("the reader redrawn where it was", |s| {
        first_text_row(s).contains(SECOND)
    });
    t.wait_flags("1 1 0");
    t.keys(&["q"]);
    t.wait_flags("0 0 1");
    // lede has left the screen but may still be ending: what is typed now
    // could be its to read.
    t.wait_for_shell();
    t.type_line("echo EXIT:$?");
    t.wait_for("the exit status", |s| s.contains("EXIT:0"));
}

#[test]
fn piped_output_prints_the_plain_article() {
    let out = Command::new(BIN).output().expect("lede runs");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert!(text.starts_with(TITLE));
    assert!(text.contains(SECOND));
    assert!(!text.contains('\x1b'), "no escape sequence in print mode");
}

#[test]
fn sigint_from_outside_gives_the_terminal_back() {
    signal_restores("int", "INT", 130);
}

#[test]
fn an_article_on_stdin_reads_keys_from_the_terminal() {
    let t = Tmux::start("stdin", 100, 30);
    let seed = common::SEED;
    t.type_line(&format!("cat {seed} | {BIN} -; echo EXIT:$?"));
    t.wait_for("the title", |s| s.contains(TITLE));
    t.keys(&["]"]);
    t.wait_for("the second section on top", |s| {
        first_text_row(s).contains(SECOND)
    });
    t.keys(&["q"]);
    t.wait_for("the shell", |s| s.contains("EXIT:0"));
    t.assert_sane();
    // A pipe with no file named is read too; the status line says stdin,
    // and the article, recognised by its text, opens where it was left.
    t.run(&["send-keys", "-t", "e2e", "clear", "Enter"]);
    t.type_line(&format!("cat {seed} | {BIN}; echo EXIT:$?"));
    t.wait_for("the article from the pipe, where it was left", |s| {
        s.contains(" stdin §2/3") && first_text_row(s).contains(SECOND)
    });
    t.keys(&["q"]);
    t.wait_for("the shell", |s| s.contains("EXIT:0"));
    t.assert_sane();
}

/// Opens the seed with this state folder and extra arguments; returns the
/// first body row once the reader is up.
fn open_seed(t: &Tmux, state: &std::path::Path, args: &str) -> String {
    t.run(&["send-keys", "-t", "e2e", "clear", "Enter"]);
    t.type_line(&format!(
        "XDG_STATE_HOME={} {BIN} {args}; echo EXIT:$?",
        state.display()
    ));
    let screen = t.wait_for("the reader", |s| s.contains("§"));
    first_text_row(&screen).to_string()
}

#[test]
fn reopening_returns_to_the_place_left() {
    let t = Tmux::start("remember", 100, 30);
    let state = tempfile::tempdir().expect("temp state folder");
    let first = open_seed(&t, state.path(), "");
    assert!(first.contains(TITLE), "{first}");
    t.keys(&["]"]);
    t.wait_for("the second section", |s| first_text_row(s).contains(SECOND));
    // Two lines on: past the heading and the blank line after it (a place
    // is a text offset, so a blank line on top comes back as the text
    // under it).
    t.keys(&["j", "j"]);
    let left = t.wait_for("two lines on", |s| {
        let body = first_text_row(s).rsplit('│').nth(1).unwrap_or("");
        !first_text_row(s).contains(SECOND) && !body.trim().is_empty()
    });
    let left_row = first_text_row(&left).to_string();
    t.keys(&["q"]);
    t.wait_for("the shell", |s| s.contains("EXIT:0"));
    let file = state.path().join("lede/places.json");
    let mode = std::fs::metadata(&file).expect("state saved").permissions();
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(mode.mode() & 0o777, 0o600);

    // Reopened: the same text on top, before any key.
    let pid_path = pid_file("remember");
    t.run(&["send-keys", "-t", "e2e", "clear", "Enter"]);
    t.type_line(&format!(
        "XDG_STATE_HOME={} sh -c 'echo $$ > {}; exec {BIN}'; echo EXIT:$?",
        state.path().display(),
        pid_path.display()
    ));
    let again = t.wait_for("the reader", |s| s.contains("§"));
    assert_eq!(first_text_row(&again), left_row);
    // Moved on, then ended by SIGTERM: the place is saved on that path too.
    let body = |s: &str| {
        first_text_row(s)
            .rsplit('│')
            .nth(1)
            .unwrap_or("")
            .trim()
            .to_string()
    };
    t.keys(&["G"]);
    let end = t.wait_for("the end", |s| s.contains("§2/3 100%"));
    // A blank line on top comes back as the text under it: stand on text.
    if body(&end).is_empty() {
        t.keys(&["k"]);
        t.wait_for("a line of text on top", |s| !body(s).is_empty());
    }
    let end_row = first_text_row(&t.screen()).to_string();
    let pid = std::fs::read_to_string(&pid_path).expect("pid written");
    let killed = Command::new("kill")
        .args(["-TERM", pid.trim()])
        .status()
        .expect("kill runs");
    assert!(killed.success());
    t.wait_for("the shell", |s| s.contains("EXIT:143"));
    let _ = std::fs::remove_file(&pid_path);
    assert_eq!(open_seed(&t, state.path(), ""), end_row);
    t.keys(&["q"]);
    t.wait_for("the shell", |s| s.contains("EXIT:0"));

    // --no-remember starts at the top and leaves the file alone.
    let before = std::fs::read(&file).expect("state");
    let fresh = open_seed(&t, state.path(), "--no-remember");
    assert!(fresh.contains(TITLE), "{fresh}");
    t.keys(&["]", "q"]);
    t.wait_for("the shell", |s| s.contains("EXIT:0"));
    assert_eq!(std::fs::read(&file).expect("state"), before);
    t.assert_sane();
}

#[test]
fn several_files_switch_with_ctrl_n_and_keep_their_places() {
    let t = Tmux::start("files", 100, 30);
    let dir = tempfile::tempdir().expect("temp");
    let other = dir.path().join("other.md");
    let mut text = String::from("# The other article\n\n");
    for i in 0..80 {
        text.push_str(&format!("Line {i} of the other article.\n\n"));
    }
    std::fs::write(&other, text).expect("written");
    let seed = common::SEED;
    t.type_line(&format!(
        "{BIN} --no-remember {seed} {}; echo EXIT:$?",
        other.display()
    ));
    let screen = t.wait_for("the title", |s| s.contains(TITLE));
    assert!(
        screen.contains("other.md"),
        "the tab bar names both:\n{screen}"
    );
    t.keys(&["]"]);
    t.wait_for("the second section", |s| first_text_row(s).contains(SECOND));
    t.keys(&["C-n"]);
    t.wait_for("the other article", |s| {
        first_text_row(s).contains("The other article")
    });
    t.keys(&["j", "j"]);
    t.wait_for("two lines on", |s| first_text_row(s).contains("Line 0"));
    t.keys(&["C-p"]);
    t.wait_for("the first article where it was", |s| {
        first_text_row(s).contains(SECOND)
    });
    t.keys(&["C-n"]);
    t.wait_for("the other article where it was", |s| {
        first_text_row(s).contains("Line 0")
    });
    t.keys(&["q"]);
    t.wait_for("the shell", |s| s.contains("EXIT:0"));
    t.assert_sane();
}

#[test]
fn nothing_is_written_next_to_the_article() {
    let t = Tmux::start("nextto", 100, 30);
    let (dir, article) = common::seed_copy();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&article, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o555)).expect("chmod");
    let before = std::fs::metadata(&article).expect("meta").modified().ok();
    t.type_line(&format!("{BIN} {}; echo EXIT:$?", article.display()));
    t.wait_for("the title", |s| s.contains(TITLE));
    t.keys(&["]"]);
    t.wait_for("the second section", |s| first_text_row(s).contains(SECOND));
    t.keys(&["q"]);
    t.wait_for("the shell", |s| s.contains("EXIT:0"));
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .expect("listed")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name())
        .collect();
    assert_eq!(names, ["article.txt"]);
    assert_eq!(
        std::fs::read(&article).expect("read"),
        std::fs::read(common::SEED).expect("seed")
    );
    assert_eq!(
        std::fs::metadata(&article).expect("meta").modified().ok(),
        before
    );
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).expect("chmod");
}

/// The status line: the last row of the pane.
fn status_row(screen: &str) -> &str {
    screen.lines().rfind(|l| !l.trim().is_empty()).unwrap_or("")
}

/// Rows of the body showing a word (the status line left out).
fn body_shows(screen: &str, word: &str) -> bool {
    let rows: Vec<&str> = screen.lines().collect();
    rows[..rows.len().saturating_sub(1)]
        .iter()
        .any(|r| r.contains(word))
}

#[test]
fn search_counts_steps_wraps_and_esc_clears() {
    let t = Tmux::start("search", 80, 24);
    t.type_line(&format!("{BIN}; echo EXIT:$?"));
    t.wait_for("the title", |s| s.contains("After Tehran talks"));
    t.keys(&["/"]);
    t.keys(&["-l", "Cavusoglu"]);
    t.wait_for("the prompt counting 1/3", |s| {
        let last = status_row(s);
        last.starts_with("/Cavusoglu") && last.trim_end().ends_with("1/3")
    });
    t.keys(&["Enter"]);
    t.wait_for("match 1/3 and the match in view", |s| {
        status_row(s).contains("match 1/3") && body_shows(s, "Cavusoglu")
    });
    t.keys(&["n"]);
    t.wait_for("match 2/3", |s| status_row(s).contains("match 2/3"));
    t.keys(&["n"]);
    t.wait_for("the third match in view", |s| {
        status_row(s).contains("match 3/3") && body_shows(s, "Cavusoglu")
    });
    t.keys(&["n"]);
    t.wait_for("the wrapped notice", |s| {
        let last = status_row(s);
        last.contains("match 1/3") && last.contains("search wrapped")
    });
    t.keys(&["Escape"]);
    t.wait_for("the search cleared", |s| {
        let last = status_row(s);
        !last.contains("match") && last.contains("quit")
    });
    // With no search left, Esc quits as before.
    t.keys(&["Escape"]);
    t.wait_for("the shell", |s| s.contains("EXIT:0"));
    t.assert_sane();
}

#[test]
fn a_bracketed_paste_is_search_text_not_keys() {
    let t = Tmux::start("paste", 100, 30);
    t.type_line(&format!("{BIN}; echo EXIT:$?"));
    t.wait_for("the title", |s| s.contains(TITLE));
    t.keys(&["/"]);
    t.wait_for("the prompt", |s| status_row(s).starts_with('/'));
    // `q` first: were it a key, lede would quit.
    t.run(&["set-buffer", "-b", "e2e", "q\nIdlib"]);
    t.run(&["paste-buffer", "-p", "-b", "e2e", "-t", "e2e"]);
    t.wait_for("the pasted text in the prompt", |s| {
        status_row(s).starts_with("/q Idlib")
    });
    t.keys(&["C-u"]);
    t.run(&["set-buffer", "-b", "e2e", "Idlib"]);
    t.run(&["paste-buffer", "-p", "-b", "e2e", "-t", "e2e"]);
    t.wait_for("a count for the paste", |s| {
        let last = status_row(s);
        last.starts_with("/Idlib") && last.contains("1/")
    });
    // Apart: Esc and a key sent together read as Alt+key.
    t.keys(&["Escape"]);
    t.wait_for("the prompt closed", |s| !status_row(s).starts_with('/'));
    t.keys(&["q"]);
    t.wait_for("the shell", |s| s.contains("EXIT:0"));
    t.assert_sane();
}

#[test]
fn the_entity_pane_selects_an_actor_and_steps_through_its_mentions() {
    let t = Tmux::start("entities", 160, 48);
    t.type_line(&format!("{BIN}; echo EXIT:$?"));
    t.wait_for("the title", |s| s.contains(TITLE));
    // Docked by default at 160 columns.
    t.wait_for("the entity pane", |s| {
        s.contains("Entities") && s.contains("Actors (")
    });
    // Focus the pane, filter to one actor, select it.
    t.keys(&["e", "/"]);
    t.keys(&["-l", "cavus"]);
    t.wait_for("the filtered list", |s| {
        s.contains("/cavus") && !s.contains("Places (1")
    });
    t.keys(&["Enter", "Enter"]);
    t.wait_for("the first mention", |s| s.contains("Mevlut Cavusoglu 1/3"));
    t.keys(&["."]);
    t.wait_for("the second mention", |s| s.contains("Mevlut Cavusoglu 2/3"));
    t.keys(&["."]);
    t.wait_for("the third mention", |s| s.contains("Mevlut Cavusoglu 3/3"));
    t.keys(&[","]);
    t.wait_for("back to the second", |s| s.contains("Mevlut Cavusoglu 2/3"));
    t.keys(&["q"]);
    t.wait_for("the shell", |s| s.contains("EXIT:0"));
    t.assert_sane();
}

#[test]
fn a_resize_storm_leaves_the_pane_drawn_right_and_keys_working() {
    let t = Tmux::start("storm", 100, 30);
    t.type_line(&format!("{BIN} --no-remember; echo EXIT:$?"));
    // The status row is the last one drawn: the frame is complete.
    let before = t.wait_for("the first frame", |s| {
        s.contains(TITLE) && status_row(s).contains("quit")
    });
    // Sizes down to one cell and up past the start, sent back to back in
    // one tmux command so lede gets them faster than it draws, ending
    // where it began.
    let sizes = [
        (1, 1),
        (200, 60),
        (10, 3),
        (1, 30),
        (100, 1),
        (37, 13),
        (2, 2),
        (160, 48),
        (100, 29),
        (99, 30),
    ];
    let mut args: Vec<String> = Vec::new();
    for round in 0..8 {
        for (w, h) in sizes {
            let (w, h) = (w + round % 2, h + round % 3);
            args.extend(["resize-window", "-t", "e2e", "-x"].map(String::from));
            args.extend([w.to_string(), "-y".into(), h.to_string(), ";".into()]);
        }
    }
    args.extend(["resize-window", "-t", "e2e", "-x", "100", "-y", "30"].map(String::from));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    // First one command per size, as fast as tmux takes them, then the
    // batch.
    for (w, h) in sizes.iter().cycle().take(30) {
        let (w, h) = (w.to_string(), h.to_string());
        t.run(&["resize-window", "-t", "e2e", "-x", &w, "-y", &h]);
    }
    t.run(&args);
    // Drawn right: exactly the screen before the storm, every cell.
    t.wait_for("the screen as it was before the storm", |s| s == before);
    t.keys(&["]"]);
    t.wait_for("the second section on top", |s| {
        first_text_row(s).contains(SECOND)
    });
    t.keys(&["q"]);
    t.wait_for("the shell", |s| s.contains("EXIT:0"));
    t.assert_sane();
}

#[test]
fn d10_the_article_truncated_replaced_and_deleted_while_open() {
    let t = Tmux::start("changed", 100, 30);
    let (dir, article) = common::seed_copy();
    t.type_line(&format!(
        "{BIN} --no-remember {}; echo EXIT:$?",
        article.display()
    ));
    t.wait_for("the title", |s| s.contains(TITLE));
    // Truncated to nothing, then replaced by another file, then deleted:
    // the reader goes on with the text it has.
    std::fs::OpenOptions::new()
        .write(true)
        .truncate(true)
        .open(&article)
        .expect("truncated");
    t.keys(&["]"]);
    t.wait_for("the second section", |s| first_text_row(s).contains(SECOND));
    std::fs::write(dir.path().join("other"), "Other\n").expect("written");
    std::fs::rename(dir.path().join("other"), &article).expect("replaced");
    t.keys(&["G"]);
    t.wait_for("the end of the article", |s| s.contains("100%"));
    std::fs::remove_file(&article).expect("deleted");
    t.keys(&["g"]);
    t.wait_for("the title again", |s| first_text_row(s).contains(TITLE));
    t.keys(&["q"]);
    t.wait_for("the shell", |s| s.contains("EXIT:0"));
    t.assert_sane();
}

#[test]
fn without_tmux_the_tests_fail_and_say_so() {
    common::assert_fails_without("tmux", "starts_moves_between_sections_and_quits_cleanly");
}
