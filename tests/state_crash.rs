//! The state file across crashes and rivals (RELIABILITY.md F2, F4, G9),
//! with real processes: a saver killed with SIGKILL at arbitrary moments
//! leaves the old file or the new one, never a partial one; two savers
//! writing at once never tear the file, and a reader running beside them
//! parses every version it sees.
//!
//! The savers are this test binary run again on the ignored test
//! `saver_process`, which saves places in a loop through lede's own
//! `state::Store` (the code the reader saves with on exit).

use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::{Duration, Instant};

use lede::state::{Fingerprint, Place, Store};

const FOLDER: &str = "LEDE_SAVER_FOLDER";
const ID: &str = "LEDE_SAVER_ID";
const COUNT: &str = "LEDE_SAVER_COUNT";
/// Entries saved before the test, so each write is a file of some size
/// (about 200 KB) and a kill is likely to land inside one.
const ENTRIES: usize = 1500;

fn place(offset: usize) -> Place {
    Place {
        offset,
        search: Some(format!("a search typed in the reader, number {offset}")),
        entity: Some("Mevlut Cavusoglu".into()),
        saved_at: 0,
    }
}

/// Saves places in a loop: forever, or `LEDE_SAVER_COUNT` times. Run only
/// as a child of the tests below.
#[test]
#[ignore = "a child process of the F2 and F4 tests"]
fn saver_process() {
    let folder = PathBuf::from(std::env::var_os(FOLDER).expect("LEDE_SAVER_FOLDER"));
    let id = std::env::var(ID).unwrap_or_default();
    let count: usize = std::env::var(COUNT)
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(usize::MAX);
    let mut store = Store::in_folder(folder.clone());
    for k in 0..count {
        store
            .remember(
                Fingerprint::of(&format!("{id} article {}", k % 50)),
                place(k),
            )
            .expect("saved");
        if k == 0 {
            std::fs::write(folder.join(format!("started-{id}")), b"").expect("marker");
        }
    }
}

fn saver(folder: &Path, id: &str, count: Option<usize>) -> Child {
    let mut cmd = Command::new(std::env::current_exe().expect("test binary"));
    cmd.args(["saver_process", "--exact", "--ignored", "--quiet"])
        .env(FOLDER, folder)
        .env(ID, id)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    if let Some(n) = count {
        cmd.env(COUNT, n.to_string());
    }
    cmd.spawn().expect("saver starts")
}

fn wait_for_file(path: &Path) {
    let start = Instant::now();
    while !path.exists() {
        assert!(start.elapsed() < Duration::from_secs(20), "no {path:?}");
        std::thread::sleep(Duration::from_millis(1));
    }
}

/// The state file parses, as lede reads it: no warning, nothing set aside,
/// and every entry saved before the test is still there.
fn assert_whole(folder: &Path, what: &str) {
    let text = std::fs::read(folder.join("places.json")).expect("state file");
    let json: serde_json::Value = serde_json::from_slice(&text)
        .unwrap_or_else(|e| panic!("{what}: the state file is torn ({e}), {} bytes", text.len()));
    let places = json["places"].as_object().expect("places");
    assert!(places.len() >= ENTRIES, "{what}: {} entries", places.len());
    let mut store = Store::in_folder(folder.to_path_buf());
    assert!(
        store.recall(&Fingerprint::of("kept 0")).is_some(),
        "{what}: an old entry is lost"
    );
    assert!(store.warnings.is_empty(), "{what}: {:?}", store.warnings);
}

/// Writes a state file of `ENTRIES` places, shaped as lede writes it.
fn fill(folder: &Path) {
    let mut places = serde_json::Map::new();
    for k in 0..ENTRIES {
        let fp = serde_json::to_value(Fingerprint::of(&format!("kept {k}"))).expect("json");
        let key = fp.as_str().expect("a string").to_string();
        places.insert(key, serde_json::to_value(place(k)).expect("json"));
    }
    let file = serde_json::json!({ "version": 1, "places": places });
    std::fs::write(
        folder.join("places.json"),
        serde_json::to_vec_pretty(&file).expect("json"),
    )
    .expect("written");
}

#[test]
fn f2_a_saver_killed_at_any_moment_leaves_a_whole_file() {
    let dir = tempfile::tempdir().expect("temp");
    let folder = dir.path().join("lede");
    std::fs::create_dir(&folder).expect("folder");
    fill(&folder);
    assert_whole(&folder, "before");
    let mut mid_write = 0;
    for round in 0..60u64 {
        let id = format!("r{round}");
        let mut child = saver(&folder, &id, None);
        wait_for_file(&folder.join(format!("started-{id}")));
        // A different moment each round: 0 to ~6 ms into the saves.
        std::thread::sleep(Duration::from_micros(round * 7919 % 6000));
        child.kill().expect("SIGKILL");
        child.wait().expect("reaped");
        assert_whole(&folder, &format!("after kill {round}"));
        // A temp file left behind means the kill landed inside a write.
        for entry in std::fs::read_dir(&folder).expect("listed").flatten() {
            if entry
                .file_name()
                .to_string_lossy()
                .starts_with(".places.json.")
            {
                mid_write += 1;
                std::fs::remove_file(entry.path()).expect("removed");
            }
        }
    }
    assert!(
        mid_write > 0,
        "no kill landed inside a write: the test did not test anything"
    );
}

#[test]
fn f4_two_savers_at_once_never_tear_the_file() {
    let dir = tempfile::tempdir().expect("temp");
    let folder = dir.path().join("lede");
    std::fs::create_dir(&folder).expect("folder");
    fill(&folder);
    let mut a = saver(&folder, "a", Some(150));
    let mut b = saver(&folder, "b", Some(150));
    let mut reads = 0;
    let mut running = true;
    while running {
        running = a.try_wait().expect("a").is_none() || b.try_wait().expect("b").is_none();
        assert_whole(&folder, &format!("read {reads} while both save"));
        reads += 1;
    }
    assert!(a.wait().expect("a").success(), "saver a failed");
    assert!(b.wait().expect("b").success(), "saver b failed");
    assert!(reads > 1);
    // Last writer wins: each saver's final place is there unless the other
    // wrote over it from an older read, but at least one of them is.
    let mut store = Store::in_folder(folder.clone());
    let last = |id: &str| Fingerprint::of(&format!("{id} article {}", 149 % 50));
    let kept = [store.recall(&last("a")), store.recall(&last("b"))];
    assert!(
        kept.iter().flatten().any(|p| p.offset == 149),
        "neither saver's last place is kept: {kept:?}"
    );
}
