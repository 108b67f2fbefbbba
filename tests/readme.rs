//! The README's promises that can be checked mechanically: its first lines
//! are the run and test commands, and CI runs exactly that test command.

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
