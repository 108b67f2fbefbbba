//! The cases of RELIABILITY.md that need a real kernel condition, not an
//! injected fault: a full filesystem while the reader saves its places
//! (F1) and a machine with no network at all (G12).
//!
//! They need the rights to mount a tmpfs and to enter a new network
//! namespace (root, as in the CI container). Where those are missing each
//! test says SKIPPED and why; the same guarantees are also covered by unit
//! tests that need no rights (`state::tests`, `hostile::g12_*`).

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{SEED, Tmux};
use lede::state::{Fingerprint, Place, Store};

const BIN: &str = env!("CARGO_BIN_EXE_lede");

/// A small tmpfs mounted on a folder of its own, unmounted when dropped.
struct SmallFs {
    dir: tempfile::TempDir,
}

impl SmallFs {
    /// `None` (with a note) where this process may not mount.
    fn mount(name: &str, size: &str) -> Option<SmallFs> {
        let dir = tempfile::tempdir().expect("temp");
        let mounted = Command::new("mount")
            .args([
                "-t",
                "tmpfs",
                "-o",
                &format!("size={size},mode=0700"),
                "tmpfs",
            ])
            .arg(dir.path())
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if !mounted {
            eprintln!("SKIPPED {name}: cannot mount a tmpfs here (needs CAP_SYS_ADMIN)");
            return None;
        }
        Some(SmallFs { dir })
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Fills what is left of the filesystem, to the last byte; returns the
    /// filler's path.
    fn fill_up(&self) -> PathBuf {
        use std::io::Write;
        let path = self.path().join("filler");
        let mut file = std::fs::File::create(&path).expect("filler");
        for size in [1 << 16, 1 << 12, 1] {
            let block = vec![0u8; size];
            let err = loop {
                match file.write(&block) {
                    Ok(0) => panic!("a write of nothing"),
                    Ok(_) => {}
                    Err(e) => break e,
                }
            };
            assert_eq!(err.raw_os_error(), Some(28), "ENOSPC, not {err}");
        }
        file.sync_all().expect("the filler is on the filesystem");
        path
    }
}

impl Drop for SmallFs {
    fn drop(&mut self) {
        let _ = Command::new("umount")
            .arg("-l")
            .arg(self.dir.path())
            .status();
    }
}

/// Places saved before the filesystem fills: a file of about 600 KB.
const ENTRIES: usize = 4000;

fn place(offset: usize) -> Place {
    Place {
        offset,
        search: Some(format!("a search typed in the reader, number {offset}")),
        entity: None,
        saved_at: 0,
    }
}

/// A state file of `n` places, shaped as lede writes it.
fn state_file(n: usize) -> Vec<u8> {
    let mut places = serde_json::Map::new();
    for k in 0..n {
        let fp = serde_json::to_value(Fingerprint::of(&format!("kept {k}"))).expect("json");
        let key = fp.as_str().expect("a string").to_string();
        places.insert(key, serde_json::to_value(place(k)).expect("json"));
    }
    let file = serde_json::json!({ "version": 1, "places": places });
    serde_json::to_vec_pretty(&file).expect("json")
}

fn temps_left(folder: &Path) -> Vec<String> {
    std::fs::read_dir(folder)
        .expect("listed")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".places.json."))
        .collect()
}

#[test]
fn f1_a_full_filesystem_keeps_the_old_places_and_says_why() {
    // The kernel counts a tmpfs's pages per CPU, a batch at a time, so a
    // full one may still take a few hundred KB: the new copy is larger.
    let Some(fs) = SmallFs::mount("f1_store", "4m") else {
        return;
    };
    let folder = fs.path().join("lede");
    std::fs::create_dir(&folder).expect("state folder");
    let file = folder.join("places.json");
    std::fs::write(&file, state_file(ENTRIES)).expect("room enough before the filler");
    let mut store = Store::in_folder(folder.clone());
    let before = std::fs::read(&file).expect("state file");
    let filler = fs.fill_up();

    let err = store
        .remember(Fingerprint::of("a new article"), place(7))
        .expect_err("a full filesystem fails the save");
    let message = err.to_string();
    assert!(
        message.contains("No space left") && message.contains("places.json"),
        "the message says what and where: {message}"
    );
    assert_eq!(
        std::fs::read(&file).expect("state file"),
        before,
        "the old file is untouched"
    );
    assert!(temps_left(&folder).is_empty(), "{:?}", temps_left(&folder));
    let mut reread = Store::in_folder(folder.clone());
    assert!(reread.recall(&Fingerprint::of("kept 0")).is_some());
    assert!(reread.warnings.is_empty(), "{:?}", reread.warnings);

    // Room again: the next save goes through, the old places with it.
    std::fs::remove_file(filler).expect("filler removed");
    store
        .remember(Fingerprint::of("another article"), place(9))
        .unwrap_or_else(|e| panic!("saved once there is room: {e}"));
    let mut reread = Store::in_folder(folder);
    assert!(reread.recall(&Fingerprint::of("another article")).is_some());
    assert!(reread.recall(&Fingerprint::of("kept 0")).is_some());
}

#[test]
fn f1_the_reader_quits_on_a_full_filesystem_with_one_clear_line() {
    let Some(fs) = SmallFs::mount("f1_reader", "256k") else {
        return;
    };
    let t = Tmux::start("f1-reader", 100, 30);
    std::fs::create_dir(fs.path().join("lede")).expect("state folder");
    fs.fill_up();
    t.type_line(&format!(
        "XDG_STATE_HOME={} {BIN} {SEED}; echo EXIT:$?",
        fs.path().display()
    ));
    t.wait_for("the article", |s| s.contains("Idlib attacks"));
    t.keys(&["]", "q"]);
    let screen = t.wait_for("the shell", exited);
    assert!(screen.lines().any(|l| l.trim_end() == "EXIT:0"), "{screen}");
    assert!(
        screen.contains("lede: could not save the reading position")
            && screen.contains("No space left"),
        "one line says why the place was not kept:\n{screen}"
    );
    t.assert_sane();
}

/// `unshare -n`: a new network namespace with nothing but a down loopback.
fn offline(name: &str) -> bool {
    let ok = Command::new("unshare")
        .args(["-n", "true"])
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        eprintln!("SKIPPED {name}: cannot enter a network namespace (unshare -n)");
    }
    ok
}

#[test]
fn g12_an_article_with_remote_resources_reads_the_same_with_no_network() {
    if !offline("g12") {
        return;
    }
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/hostile/C9-raw-html.md"
    );
    let run = |offline: bool| {
        let mut cmd = if offline {
            let mut c = Command::new("unshare");
            c.args(["-n", BIN]);
            c
        } else {
            Command::new(BIN)
        };
        let out = cmd
            .args(["--print", "--width", "80", fixture])
            .output()
            .expect("runs");
        assert!(out.status.success(), "{out:?}");
        out.stdout
    };
    assert_eq!(
        run(true),
        run(false),
        "the same page with or without a network"
    );

    // And the reader itself, drawn and quit with no network.
    let t = Tmux::start("g12-reader", 100, 30);
    t.type_line(&format!("unshare -n {BIN} {SEED}; echo EXIT:$?"));
    t.wait_for("the article", |s| s.contains("Idlib attacks"));
    t.keys(&["q"]);
    let screen = t.wait_for("the shell", exited);
    assert!(screen.lines().any(|l| l.trim_end() == "EXIT:0"), "{screen}");
    t.assert_sane();
}

/// The shell printed the exit status (not just echoed the command line).
/// A line of its own, `EXIT:` and digits: not the command line's `EXIT:$?`,
/// which may wrap onto a line of its own in a narrow pane.
fn exited(screen: &str) -> bool {
    screen.lines().any(|l| {
        l.trim_end()
            .strip_prefix("EXIT:")
            .is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
    })
}
