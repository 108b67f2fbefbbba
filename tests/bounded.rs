//! Issue 17: bounded memory and time whatever the input's shape. Standard
//! input gets the cap and the early binary check a file gets, and the
//! reader draws its first frame from a pipe's first bytes; a FIFO with no
//! writer, as the article, the config or the state file, never blocks.
//!
//! Sizes are scaled down where the property holds at any size; the large
//! runs are `#[ignore]`d and described in `docs/reliability.md`. No test
//! asserts wall-clock time: a blocked `open` is caught by a generous
//! deadline (a minute), never by a timing.

mod common;

use std::io::Write;
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use common::Tmux;

const BIN: &str = env!("CARGO_BIN_EXE_lede");

/// lede with these arguments, no config or state of the user's.
fn command(args: &[&str], home: &Path) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_STATE_HOME", home.join("state"))
        .env("HOME", home)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    cmd
}

/// Waits for a child for at most a minute; a child still running then is
/// killed and the test fails (it blocked).
fn finish(child: Child) -> Output {
    let id = child.id();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    match rx.recv_timeout(Duration::from_secs(60)) {
        Ok(out) => out.expect("lede ends"),
        Err(_) => {
            let _ = Command::new("kill").arg(id.to_string()).status();
            panic!("lede blocked");
        }
    }
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let made = Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
}

#[test]
fn standard_input_of_nuls_is_refused_from_its_first_bytes() {
    let home = tempfile::tempdir().expect("home");
    let child = command(&["-p", "-"], home.path())
        .stdin(std::fs::File::open("/dev/zero").expect("/dev/zero"))
        .spawn()
        .expect("runs");
    let out = finish(child);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("stdin: looks like a binary file"),
        "{}",
        stderr(&out)
    );
}

/// Writes `word word word word` lines into the child's standard input
/// until it closes the pipe (or `limit` bytes are written).
fn feed_words(child: &mut Child, limit: u64) -> std::thread::JoinHandle<u64> {
    let mut pipe = child.stdin.take().expect("stdin");
    std::thread::spawn(move || {
        let chunk = "word word word word\n".repeat(4096);
        let mut written = 0u64;
        while written < limit && pipe.write_all(chunk.as_bytes()).is_ok() {
            written += chunk.len() as u64;
        }
        written
    })
}

#[test]
fn an_endless_pipe_in_print_mode_ends_with_a_message_at_the_cap() {
    let home = tempfile::tempdir().expect("home");
    let mut child = command(&["-p"], home.path())
        .stdin(Stdio::piped())
        .spawn()
        .expect("runs");
    // Far past the cap: lede stops reading first.
    let feeder = feed_words(&mut child, 4 << 30);
    let out = finish(child);
    let written = feeder.join().expect("feeder");
    assert!(written < 4 << 30, "lede stopped reading");
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("stdin: too long"), "{}", stderr(&out));
}

#[cfg(unix)]
#[test]
fn a_fifo_with_no_writer_never_blocks() {
    let home = tempfile::tempdir().expect("home");
    let fifo = home.path().join("article.txt");
    mkfifo(&fifo);
    let arg = fifo.to_str().expect("path");
    for args in [vec!["-p", arg], vec!["--json", arg], vec!["entities", arg]] {
        let out = finish(
            command(&args, home.path())
                .stdin(Stdio::null())
                .spawn()
                .expect("runs"),
        );
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&out).contains("nothing written to it"),
            "{}",
            stderr(&out)
        );
    }
}

#[cfg(unix)]
#[test]
fn a_fifo_with_a_writer_reads_like_a_pipe() {
    let home = tempfile::tempdir().expect("home");
    let fifo = home.path().join("article.txt");
    mkfifo(&fifo);
    let child = command(&["-p", fifo.to_str().expect("path")], home.path())
        .stdin(Stdio::null())
        .spawn()
        .expect("runs");
    // Whichever opens first, the writer or lede, lede reads what it wrote
    // (lede waits a moment for a writer); the writer's open returns once
    // lede's has.
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .open(&fifo)
        .expect("writer opens");
    f.write_all(b"A title\n\nA lead paragraph.\n")
        .expect("written");
    drop(f);
    let out = finish(child);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("A lead paragraph."));
}

#[cfg(unix)]
#[test]
fn a_fifo_as_the_config_is_refused_not_read() {
    let home = tempfile::tempdir().expect("home");
    let fifo = home.path().join("config.toml");
    mkfifo(&fifo);
    let out = finish(
        command(
            &["--config", fifo.to_str().expect("path"), "-p"],
            home.path(),
        )
        .stdin(Stdio::null())
        .spawn()
        .expect("runs"),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("not a regular file"),
        "{}",
        stderr(&out)
    );
}

/// `yes x | lede`: the reader draws its first frame from the pipe's first
/// bytes, `q` quits at once (the terminal is raw), and the endless rest
/// stops at the cap with a message.
#[test]
fn an_endless_pipe_opens_the_reader_from_its_first_bytes() {
    let t = Tmux::start("endless", 120, 30);
    t.type_line(&format!("yes x | {BIN} --no-remember; echo EXIT:$?"));
    t.wait_for("the first frame", |s| s.contains("x x x x x"));
    let screen = t.wait_for("the cap's message", |s| s.contains("too long"));
    assert!(screen.contains("only the start could be read"), "{screen}");
    t.keys(&["q"]);
    t.wait_for("the shell", |s| s.contains("EXIT:0"));
    t.assert_sane();
}

/// The state file a FIFO: the reader opens anyway, with a warning, and
/// quits cleanly.
#[cfg(unix)]
#[test]
fn a_fifo_as_the_state_file_does_not_block_the_reader() {
    let t = Tmux::start("statefifo", 120, 30);
    let home = tempfile::tempdir().expect("home");
    let state = home.path().join("state/lede");
    std::fs::create_dir_all(&state).expect("state folder");
    mkfifo(&state.join("places.json"));
    t.type_line(&format!(
        "XDG_STATE_HOME={} {BIN}; echo EXIT:$?",
        home.path().join("state").display()
    ));
    t.wait_for("the warning", |s| s.contains("not a regular file"));
    t.keys(&["q"]);
    t.wait_for("the shell", |s| s.contains("EXIT:0"));
    t.assert_sane();
}
