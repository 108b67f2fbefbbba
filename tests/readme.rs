//! The README's promises that can be checked mechanically: its first lines
//! are the run and test commands, CI runs exactly that test command, and
//! the tests it runs read nothing from beside the repository.

const README: &str = include_str!("../README.md");
const CI: &str = include_str!("../.ci/run");

fn command(line: &str) -> &str {
    line.split('`').nth(1).unwrap_or("")
}

#[test]
fn the_first_lines_are_the_commands_and_ci_runs_the_test_one() {
    let mut lines = README.lines();
    let run = lines.next().expect("a first line");
    let test = lines.next().expect("a second line");
    assert_eq!(command(run), "cargo run --release");
    let test = command(test);
    assert!(test.starts_with("cargo test"), "{test}");
    assert!(
        CI.lines().any(|l| l.trim() == test),
        ".ci/run does not run `{test}`"
    );
}

/// Every file of `dir` (and its folders) with the given extension.
fn files(dir: &std::path::Path, ext: &str, found: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("listed") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            files(&path, ext, found);
        } else if path.extension().is_some_and(|e| e == ext) {
            found.push(path);
        }
    }
}

/// A fresh clone has nothing beside it: a test that reads `../shared` (the
/// team's evaluation kit) fails there, and cargo then stops before the
/// tests after it. The sets that live there are scored by `scripts/check-*`.
#[test]
fn no_test_reads_from_beside_the_repository() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut sources = Vec::new();
    // Benches and examples may measure on ../shared's sets when they are
    // there, and must fall back when not; the fresh-clone run checks that.
    for dir in ["tests", "src"] {
        files(&root.join(dir), "rs", &mut sources);
    }
    let outside = ["../shared", "..\\shared", "\"../\""];
    for path in sources {
        let text = std::fs::read_to_string(&path).expect("read");
        for (n, line) in text.lines().enumerate() {
            // This file names what it looks for; comments may name it.
            if path.ends_with("tests/readme.rs") || line.trim_start().starts_with("//") {
                continue;
            }
            assert!(
                !outside.iter().any(|o| line.contains(o)),
                "{}:{}: reads from beside the repository: {line}",
                path.display(),
                n + 1
            );
        }
    }
}

#[test]
fn ci_runs_every_check_script_after_the_test_command() {
    let test = command(README.lines().nth(1).expect("a second line"));
    let test_at = CI
        .lines()
        .position(|l| l.trim() == test)
        .expect("the test command");
    let checks_at = CI
        .lines()
        .position(|l| l.trim_start().starts_with("for check in scripts/check-*"))
        .expect(".ci/run runs every scripts/check-*");
    assert!(
        test_at < checks_at,
        "the checks use the binary the tests build"
    );
}
