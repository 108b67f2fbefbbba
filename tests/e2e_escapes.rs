//! End to end, in a real terminal (tmux): no article can drive the
//! terminal (RELIABILITY.md G1, cases A1-A13, B1-B6, C1-C3, D1-D3).
//!
//! Every file of `tests/fixtures/hostile` is opened in the release binary
//! and quit, and then:
//! - the pane title (`#{pane_title}`) is the one set before: no OSC 0/2
//!   got through;
//! - tmux has no paste buffer, with `set-clipboard on`, so an OSC 52 write
//!   would have made one;
//! - the bytes lede wrote (captured with `pipe-pane`) hold only what lede
//!   draws with: text, and the CSI sequences of its own drawing (SGR with
//!   allowed attributes, absolute cursor moves, clear, the modes it sets
//!   and resets). Any OSC, DCS, APC, PM, SOS or other ESC sequence, any
//!   other control byte, a C1 character, a bidi control, a tag character
//!   outside a flag, or invalid UTF-8 fails the test, naming the fixture.
//!
//! The escape fixtures run again in reveal mode (`--reveal`), and two file
//! names holding escape sequences (a file that opens, a folder that is
//! refused with an error) check the chrome and the error path (A12).
//! Last, the same checks run on `cat` of some fixtures, which must fail
//! them: the checks can tell raw output from lede's.
//!
//! One tmux server for the whole file (one test, in steps); each step
//! polls for the pane or the captured bytes, never a fixed wait.

mod common;

use std::path::{Path, PathBuf};

use common::bytes::problems;
use common::{PATIENCE, Tmux};

const BIN: &str = env!("CARGO_BIN_EXE_lede");
/// The title the pane has before any article is opened.
const TITLE: &str = "lede-e2e-title";

fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("fixtures folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.file_name().is_some_and(|n| n != "README.md"))
        .collect();
    files.sort();
    files
}

/// The fixtures made to drive a terminal: escape sequences, controls,
/// invisible and bidi characters, entities that decode to them.
fn is_escape_fixture(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    ["A", "B", "C1-", "C2-", "C3-"]
        .iter()
        .any(|p| name.starts_with(p))
}

// ---- Running lede in the pane ------------------------------------------

/// The pane, the file its output goes to, and a counter that makes every
/// run's start and end markers unique.
struct Pane {
    tmux: Tmux,
    capture: PathBuf,
    _dir: tempfile::TempDir,
    runs: std::cell::Cell<usize>,
}

/// What one command wrote, and how it ended.
struct Run {
    bytes: Vec<u8>,
    status: i32,
    title: String,
    buffers: String,
}

impl Pane {
    fn start() -> Pane {
        let tmux = Tmux::start("escapes", 120, 40);
        let dir = tempfile::tempdir().expect("temp");
        let capture = dir.path().join("pane.bytes");
        tmux.run(&["set-option", "-g", "set-clipboard", "on"]);
        tmux.run(&["select-pane", "-t", "e2e", "-T", TITLE]);
        tmux.capture_output(&capture);
        Pane {
            tmux,
            capture,
            _dir: dir,
            runs: std::cell::Cell::new(0),
        }
    }

    fn captured(&self) -> Vec<u8> {
        std::fs::read(&self.capture).unwrap_or_default()
    }

    /// Runs a shell command between two markers; when `quit` is set, waits
    /// for lede's first frame (the status row drawn on the alternate
    /// screen) and presses `q`. Returns the bytes between the markers.
    fn run(&self, command: &str, quit: bool) -> Run {
        let n = self.runs.get() + 1;
        self.runs.set(n);
        // The quotes split the markers in the echoed command line, so only
        // the shell's output matches them.
        self.tmux
            .type_line(&format!("echo BE''GIN-{n}; {command}; echo EN''D-{n}:$?"));
        let begin = format!("BEGIN-{n}\r\n");
        let end = format!("END-{n}:");
        let started = std::time::Instant::now();
        let mut pressed = false;
        let bytes = loop {
            let all = self.captured();
            if let Some(b) = find(&all, begin.as_bytes(), 0)
                && let Some(e) = find(&all, end.as_bytes(), b)
                && find(&all, b"\r\n", e).is_some()
            {
                let status = String::from_utf8_lossy(&all[e + end.len()..])
                    .split('\r')
                    .next()
                    .and_then(|s| s.trim().parse().ok())
                    .unwrap_or(-1);
                break (all[b + begin.len()..e].to_vec(), status);
            }
            if quit && !pressed && self.frame_drawn() {
                self.tmux.keys(&["q"]);
                pressed = true;
            }
            assert!(
                started.elapsed() < PATIENCE,
                "`{command}` did not end; the screen is:\n{}",
                self.tmux.screen()
            );
            std::thread::sleep(std::time::Duration::from_millis(10));
        };
        Run {
            bytes: bytes.0,
            status: bytes.1,
            title: self.tmux.title(),
            buffers: self.tmux.buffers(),
        }
    }

    /// The reader is up: the alternate screen is on and its status row is
    /// drawn.
    fn frame_drawn(&self) -> bool {
        let alt = self
            .tmux
            .run(&["display-message", "-p", "-t", "e2e", "#{alternate_on}"]);
        alt.trim() == "1"
            && self
                .tmux
                .screen()
                .lines()
                .last()
                .is_some_and(|l| !l.trim().is_empty())
    }

    /// Puts back what a raw `cat` changed.
    fn reset(&self) {
        self.tmux.run(&["select-pane", "-t", "e2e", "-T", TITLE]);
        while self.tmux.buffers().lines().next().is_some() {
            self.tmux.run(&["delete-buffer"]);
        }
        self.tmux.type_line("printf '\\033c'; stty sane");
    }
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

/// Everything wrong with a run of lede on `what`.
fn check(what: &str, run: &Run, want_status: i32) -> Vec<String> {
    let mut wrong: Vec<String> = problems(&run.bytes)
        .into_iter()
        .map(|p| format!("{what}: {p}"))
        .collect();
    if run.status != want_status {
        wrong.push(format!(
            "{what}: exit status {} (want {want_status})",
            run.status
        ));
    }
    if run.title != TITLE {
        wrong.push(format!("{what}: the pane title became {:?}", run.title));
    }
    if !run.buffers.trim().is_empty() {
        wrong.push(format!("{what}: a paste buffer was set: {}", run.buffers));
    }
    wrong
}

/// The whole file's terminal checks, on one tmux server: every fixture,
/// hostile file names, then raw `cat` output that must fail the checks.
#[test]
fn escapes_never_reach_the_terminal() {
    let pane = Pane::start();
    every_fixture_keeps_title_clipboard_and_bytes_clean(&pane);
    file_names_with_escapes_stay_out_of_the_title_and_the_error(&pane);
    no_color_and_a_dumb_terminal_get_no_colour(&pane);
    the_checks_catch_a_raw_cat_of_the_fixtures(&pane);
}

fn every_fixture_keeps_title_clipboard_and_bytes_clean(pane: &Pane) {
    let mut wrong = Vec::new();
    let mut runs = 0;
    for file in fixtures() {
        let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("?");
        let refused = file.extension().is_some_and(|e| e == "bin");
        let modes: &[&str] = if is_escape_fixture(&file) {
            &["", "--reveal "]
        } else {
            &[""]
        };
        for mode in modes {
            let run = pane.run(
                &format!("{BIN} --no-remember {mode}'{}'", file.display()),
                !refused,
            );
            runs += 1;
            let what = format!("{mode}{name}");
            wrong.extend(check(&what, &run, if refused { 2 } else { 0 }));
            let bytes = std::fs::read(&file).expect("fixture");
            // The escape was drawn as a marker, not dropped (G2).
            if !refused && bytes.contains(&0x1b) && find(&run.bytes, b"^[", 0).is_none() {
                wrong.push(format!("{what}: no ^[ marker was drawn"));
            }
        }
    }
    assert!(runs > 50, "only {runs} runs");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

fn file_names_with_escapes_stay_out_of_the_title_and_the_error(pane: &Pane) {
    let dir = tempfile::tempdir().expect("temp");
    // A glob hands the names to lede: typing them into the shell would
    // need the escapes typed too.
    let hostile = "x\x1b]2;pwned\x07\x1b]52;c;cHduZWQ=\x07\x1b[2J\u{202E}";
    let file = dir.path().join("a");
    std::fs::create_dir(&file).expect("folder");
    std::fs::write(file.join(format!("{hostile}.txt")), "Title\n\nBody.\n").expect("written");
    std::fs::create_dir(file.join(format!("{hostile}.md"))).expect("folder");
    let mut wrong = Vec::new();
    let opens = pane.run(
        &format!("{BIN} --no-remember {}/*.txt", file.display()),
        true,
    );
    wrong.extend(check("a file name", &opens, 0));
    if find(&opens.bytes, "^[]2;pwned^G".as_bytes(), 0).is_none() {
        wrong.push("the file name's escape is not shown as a marker".into());
    }
    let refused = pane.run(
        &format!("{BIN} --no-remember {}/*.md", file.display()),
        false,
    );
    wrong.extend(check("a folder name in an error", &refused, 2));
    if find(&refused.bytes, b"lede: ", 0).is_none() {
        wrong.push("no error message".into());
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// E8: `NO_COLOR` set and `TERM=dumb`: lede still runs, sanitises, and
/// draws with no colour at all (attributes such as bold carry the meaning).
fn no_color_and_a_dumb_terminal_get_no_colour(pane: &Pane) {
    let a1 = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile/A1-osc-title.txt");
    let run = pane.run(
        &format!(
            "NO_COLOR=1 TERM=dumb {BIN} --no-remember '{}'",
            a1.display()
        ),
        true,
    );
    let mut wrong = check("NO_COLOR TERM=dumb", &run, 0);
    let text = String::from_utf8_lossy(&run.bytes);
    for sgr in text
        .split("\x1b[")
        .filter_map(|s| s.split_once('m'))
        .map(|(p, _)| p)
    {
        let colour = sgr.split(';').any(|c| {
            matches!(
                c.parse::<u32>(),
                Ok(30..=38 | 40..=48 | 90..=97 | 100..=107)
            )
        });
        if colour && !sgr.contains(['?', 'H']) {
            wrong.push(format!("a colour under NO_COLOR: ESC[{sgr}m"));
        }
    }
    if find(&run.bytes, b"^[", 0).is_none() {
        wrong.push("NO_COLOR TERM=dumb: the escape is not shown as a marker".into());
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The checks above fail on raw output: `cat` of a fixture sets the title,
/// the clipboard, or writes sequences the checker names.
fn the_checks_catch_a_raw_cat_of_the_fixtures(pane: &Pane) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile");
    let cases: [(&str, &str); 8] = [
        ("A1-osc-title.txt", "the pane title became"),
        ("A2-osc52-clipboard.txt", "a paste buffer was set"),
        ("A3-osc8-hyperlink.txt", "OSC sequence"),
        ("A4-csi-cursor-erase.txt", "CSI not lede's own"),
        ("A5-sgr-conceal.txt", "CSI not lede's own"),
        ("A7-c1-introducers.txt", "C1 character"),
        ("A8-string-bodies.txt", "DCS sequence"),
        ("B1-bidi-overrides.txt", "bidi control"),
    ];
    for (name, says) in cases {
        let run = pane.run(&format!("cat '{}'", dir.join(name).display()), false);
        let wrong = check(name, &run, 0);
        assert!(
            wrong.iter().any(|w| w.contains(says)),
            "cat {name}: the checks did not say `{says}`: {wrong:?}"
        );
        pane.reset();
    }
}

#[test]
fn the_checker_accepts_lede_drawing_and_names_the_rest() {
    let lede_own = b"\x1b[?1049h\x1b[?1000h\x1b[1;2H\x1b[38;5;242;49mSec\x1b[1m\x1b[39;49m\xe2\x96\xb8\x1b[22m\x1b[38;2;1;2;3mx\x1b[0m\x1b[?25l\x1b[?25h\x1b[?1049l";
    assert_eq!(problems(lede_own), Vec::<String>::new());
    assert_eq!(problems(b"lede: x: is a folder\r\n"), Vec::<String>::new());
    let table: [(&[u8], &str); 14] = [
        (b"\x1b]0;t\x07", "OSC"),
        (b"\x1bPq\x1b\\", "DCS"),
        (b"\x1b_G\x1b\\", "APC"),
        (b"\x1b^p\x1b\\", "PM"),
        (b"\x1bXs\x1b\\", "SOS"),
        (b"\x1b[1A", "CSI"),
        (b"\x1b[H", "CSI"),
        (b"\x1b[8m", "CSI"),
        (b"\x1b[6n", "CSI"),
        (b"\x1b[?1049h a\rb", "control byte"),
        ("\u{9b}".as_bytes(), "C1"),
        ("\u{202E}".as_bytes(), "bidi"),
        ("\u{E0041}".as_bytes(), "tag"),
        (b"\xff", "invalid UTF-8"),
    ];
    for (bytes, says) in table {
        let found = problems(bytes);
        assert!(
            found.iter().any(|p| p.contains(says)),
            "{bytes:?}: {found:?}"
        );
    }
    // A subdivision flag keeps its tags.
    let flag = "\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}";
    assert_eq!(problems(flag.as_bytes()), Vec::<String>::new());
}
