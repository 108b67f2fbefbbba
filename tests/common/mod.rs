//! The tmux harness shared by the end-to-end tests: a private tmux server
//! per test (its own socket, `-L`), one `sh` pane with its own XDG folders,
//! and polling helpers that wait for the screen instead of for a time.
//!
//! When tmux (or, for the pty tests, python3) is not installed the tests
//! fail and say what to install: a test that passes without running could
//! never fail. `.ci/run` installs both.

#![allow(dead_code)]

pub mod bytes;

use std::process::Command;
use std::time::{Duration, Instant};

/// The sample article, as a file in the repository.
pub const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/seeds/000_a8106be745b31416.txt"
);

/// A copy of the sample article in a folder of its own, for tests that
/// change the file or its folder; the folder goes with the returned guard.
pub fn seed_copy() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("temp");
    let article = dir.path().join("article.txt");
    std::fs::copy(SEED, &article).expect("copied");
    (dir, article)
}

/// How long a poll waits before the test fails (a bound, not a timing):
/// generous, so a machine loaded by parallel builds never fails a test
/// that would pass, only slows it.
pub const PATIENCE: Duration = Duration::from_secs(60);

/// Fails the test when `program` cannot be run (`program flag` is tried),
/// naming what to install.
pub fn require(program: &str, flag: &str) {
    if let Err(e) = Command::new(program).arg(flag).output() {
        panic!(
            "{program} is not installed ({e}): the end-to-end tests need it; \
             install it (apt-get install {program}), as .ci/run does"
        );
    }
}

pub struct Tmux {
    /// The shell's own XDG state and config folders: no test reads or
    /// writes the places or the config of the user running them.
    _home: tempfile::TempDir,
    socket: String,
    /// The server's socket file, removed when the test ends.
    socket_path: Option<String>,
}

impl Tmux {
    /// Starts a server with one `sh` pane of the given size; fails the
    /// test, saying so, when tmux is missing.
    pub fn start(name: &str, width: u16, height: u16) -> Tmux {
        require("tmux", "-V");
        let home = tempfile::tempdir().expect("temp XDG folders");
        let shell = format!(
            "env PS1='$ ' TERM=xterm-256color XDG_STATE_HOME={0}/state XDG_CONFIG_HOME={0}/config sh",
            home.path().display()
        );
        let mut tmux = Tmux {
            _home: home,
            socket: format!("lede-e2e-{}-{name}", std::process::id()),
            socket_path: None,
        };
        let (w, h) = (width.to_string(), height.to_string());
        tmux.run(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-s",
            "e2e",
            "-x",
            &w,
            "-y",
            &h,
            &shell,
        ]);
        tmux.run(&["set-option", "-g", "status", "off"]);
        tmux.socket_path = Some(
            tmux.run(&["display-message", "-p", "#{socket_path}"])
                .trim()
                .to_string(),
        );
        // capture-pane drops trailing spaces: the prompt shows as `$`.
        tmux.wait_for("a shell prompt", |s| s.lines().any(|l| l.starts_with('$')));
        tmux
    }

    pub fn run(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux runs");
        assert!(
            out.status.success(),
            "tmux {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Types a line into the shell.
    pub fn type_line(&self, line: &str) {
        self.run(&["send-keys", "-t", "e2e", "-l", line]);
        self.run(&["send-keys", "-t", "e2e", "Enter"]);
    }

    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "e2e"];
        args.extend_from_slice(keys);
        self.run(&args);
    }

    pub fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", "e2e"])
    }

    pub fn flags(&self) -> String {
        self.run(&[
            "display-message",
            "-p",
            "-t",
            "e2e",
            "#{alternate_on} #{mouse_any_flag} #{cursor_flag}",
        ])
        .trim()
        .to_string()
    }

    /// Polls the pane until `ok` holds; fails with the screen after a while.
    pub fn wait_for(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if ok(&screen) {
                return screen;
            }
            assert!(
                start.elapsed() < PATIENCE,
                "waited for {what}; the screen is:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn wait_flags(&self, want: &str) {
        let start = Instant::now();
        while self.flags() != want {
            assert!(
                start.elapsed() < PATIENCE,
                "terminal flags {} (want {want})",
                self.flags()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits until the shell has the terminal again: the program it ran has
    /// ended (or stopped). Typing before that is a race: a program still
    /// ending can read what is typed (lede's input thread reads a whole
    /// line once the terminal is cooked again), and the shell never sees it.
    pub fn wait_for_shell(&self) {
        let start = Instant::now();
        loop {
            let command = self.run(&[
                "display-message",
                "-p",
                "-t",
                "e2e",
                "#{pane_current_command}",
            ]);
            if command.trim() == "sh" {
                return;
            }
            assert!(
                start.elapsed() < PATIENCE,
                "waited for the shell to have the terminal; `{}` still has it; the screen is:\n{}",
                command.trim(),
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Checks the terminal is back to normal: main screen, no mouse
    /// reporting, cursor shown, and the line discipline cooked with echo.
    pub fn assert_sane(&self) {
        self.wait_flags("0 0 1");
        self.run(&["send-keys", "-t", "e2e", "clear", "Enter"]);
        self.type_line("stty -a; echo STTY-DONE");
        let screen = self.wait_for("stty output", |s| s.contains("\nSTTY-DONE"));
        let words: Vec<&str> = screen.split_whitespace().collect();
        for flag in ["icanon", "echo", "isig"] {
            assert!(words.contains(&flag), "stty lacks {flag}:\n{screen}");
            let off = format!("-{flag}");
            assert!(
                !words.contains(&off.as_str()),
                "stty shows {off}:\n{screen}"
            );
        }
    }
}

impl Tmux {
    /// Appends every byte the pane's programs write to `file`
    /// (`pipe-pane -o`), from now on.
    pub fn capture_output(&self, file: &std::path::Path) {
        let command = format!("cat >> '{}'", file.display());
        self.run(&["pipe-pane", "-o", "-t", "e2e", &command]);
    }

    /// The pane's title (`#{pane_title}`), which OSC 0 and OSC 2 set.
    pub fn title(&self) -> String {
        self.run(&["display-message", "-p", "-t", "e2e", "#{pane_title}"])
            .trim_end_matches('\n')
            .to_string()
    }

    /// tmux's paste buffers, one line each; with `set-clipboard on` an
    /// OSC 52 write lands here.
    pub fn buffers(&self) -> String {
        self.run(&["list-buffers"])
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .output();
        if let Some(path) = &self.socket_path {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// Runs `test` of this test binary with nothing on `PATH` and checks it
/// fails saying `program` is not installed: the end-to-end tests cannot
/// pass without the program they run in.
pub fn assert_fails_without(program: &str, test: &str) {
    let empty = tempfile::tempdir().expect("temp");
    let out = Command::new(std::env::current_exe().expect("the test binary"))
        .args(["--exact", test, "--test-threads=1"])
        .env("PATH", empty.path())
        .output()
        .expect("the test binary runs");
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        !out.status.success(),
        "`{test}` passed with no {program}:\n{said}"
    );
    assert!(
        said.contains(&format!("{program} is not installed")) && said.contains("1 failed"),
        "`{test}` did not say {program} is missing:\n{said}"
    );
}
