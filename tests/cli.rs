//! The binary as scripts see it: print mode when standard output is not a
//! terminal, one-line errors and exit status 2 for files that cannot be read.

use assert_cmd::Command;

fn lede() -> Command {
    Command::new(env!("CARGO_BIN_EXE_lede"))
}

#[test]
fn piped_output_is_the_plain_article_wrapped_to_80() {
    let out = lede().output().expect("runs");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert!(
        text.starts_with("After Tehran talks, Syria and Russia forces step up Idlib attacks\n")
    );
    assert!(text.lines().all(|l| l.chars().count() <= 80));
    assert!(!text.contains('\x1b'));
}

#[test]
fn an_article_on_stdin_prints_too() {
    let out = lede()
        .arg("-")
        .write_stdin("A title\n\nA body with \x1b[2J in it.\n")
        .output()
        .expect("runs");
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "A title\n\nA body with ^[[2J in it.\n"
    );
}

#[test]
fn files_that_cannot_be_read_say_so_in_one_line() {
    let dir = std::env::temp_dir();
    for (path, says) in [
        ("/nonexistent/article.txt", "no such file"),
        (dir.to_str().expect("utf-8 temp dir"), "directory"),
    ] {
        let out = lede().arg(path).output().expect("runs");
        assert_eq!(out.status.code(), Some(2), "{path}");
        assert!(out.stdout.is_empty());
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.starts_with("lede: ") && err.contains(says), "{err}");
    }
}
