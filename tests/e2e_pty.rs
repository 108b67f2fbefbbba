//! End to end on a bare pseudo-terminal (RELIABILITY.md E1, G6): a pty
//! with no window size (0x0, as a fresh `forkpty` gives), then one cell,
//! one column, one row, 0x0 again, and a real size. lede must not panic,
//! must draw the article once it has room, must answer `q`, and must leave
//! the line discipline cooked and the alternate screen off.
//!
//! tmux cannot make a 0x0 pane, so `tests/support/pty_drive.py` (python3,
//! which `.ci/run` installs) owns the pty: it sets each size (the kernel
//! sends SIGWINCH), waits for the frame lede draws for it (a draw ends by
//! hiding the cursor), types `q`, and reports the exit status, the bytes
//! written and the pty's modes after exit as JSON.

mod common;

use std::process::Command;

use common::bytes::problems;

const BIN: &str = env!("CARGO_BIN_EXE_lede");
const TITLE: &str = "After Tehran talks, Syria and Russia forces step up Idlib attacks";

/// Runs the driver over these sizes; fails, saying so, when python3 is
/// missing.
fn drive(sizes: &[&str]) -> serde_json::Value {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/support/pty_drive.py");
    common::require("python3", "--version");
    let out = Command::new("python3")
        .arg(script)
        .arg(BIN)
        .args(sizes)
        .output()
        .expect("python3 runs the pty driver");
    assert!(
        out.status.success(),
        "the pty driver failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("the driver prints JSON")
}

fn output(report: &serde_json::Value) -> Vec<u8> {
    let hex = report["output"].as_str().expect("output");
    (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).expect("hex"))
        .collect()
}

/// The text of a frame with its escape sequences taken out.
fn visible(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            // CSI: parameters up to a final byte.
            for d in chars.by_ref() {
                if ('@'..='~').contains(&d) && d != '[' {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Exit 0, cooked mode back, the alternate screen left and the cursor
/// shown, and nothing written lede does not draw with.
fn assert_ended_cleanly(report: &serde_json::Value) {
    assert_eq!(report["status"], 0, "exit status: {report}");
    for mode in ["icanon", "echo", "isig"] {
        assert_eq!(report["cooked"][mode], true, "{mode} is off after exit");
    }
    let bytes = output(report);
    assert!(
        bytes.ends_with(b"\x1b[?1049l\x1b[?25h"),
        "the screen is not given back: {:?}",
        String::from_utf8_lossy(&bytes[bytes.len().saturating_sub(80)..])
    );
    assert_eq!(problems(&bytes), Vec::<String>::new());
}

#[test]
fn e1_a_pty_without_a_size_then_tiny_sizes_then_a_real_one() {
    let report = drive(&["0x0", "1x1", "1x40", "40x1", "0x0", "100x30"]);
    let steps = report["steps"].as_array().expect("steps");
    assert_eq!(steps.len(), 6);
    for step in steps {
        assert_eq!(step["drawn"], true, "no frame for {}", step["size"]);
    }
    let text = |i: usize| visible(steps[i]["text"].as_str().unwrap_or(""));
    // No size: nothing drawn but the modes; no text at all.
    assert_eq!(text(0).trim(), "", "drawn into a 0x0 terminal");
    assert_eq!(text(4).trim(), "", "drawn into a 0x0 terminal");
    // One row: the reader says it needs more room, in that row.
    assert!(text(3).contains("small"), "{}", text(3));
    // A real size: the article.
    assert!(text(5).contains("After Tehran talks"), "{}", text(5));
    assert!(text(5).contains("quit"), "the status row: {}", text(5));
    assert_ended_cleanly(&report);
}

#[test]
fn e1_quits_cleanly_having_never_had_a_size() {
    let report = drive(&["0x0"]);
    assert!(!visible(&String::from_utf8_lossy(&output(&report))).contains(TITLE));
    assert_ended_cleanly(&report);
}

#[test]
fn without_python3_the_tests_fail_and_say_so() {
    common::assert_fails_without("python3", "e1_quits_cleanly_having_never_had_a_size");
}
