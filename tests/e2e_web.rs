//! End-to-end: the release binary opens a saved web page and a page piped
//! into it, in a real terminal (tmux), and shows the article (headline,
//! metadata line, body), not the page's source; `x` shows the furniture
//! set apart after the body; the terminal comes back on quit.
//!
//! Polls the pane for text, never sleeps a fixed time; when tmux is not
//! installed the tests fail and say so (`.ci/run` installs it).

mod common;

use common::Tmux;

const BIN: &str = env!("CARGO_BIN_EXE_lede");
const PAGE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/html/article.html"
);
const TITLE: &str = "Harbour bridge reopens after two-year repair";

#[test]
fn an_html_file_opens_as_its_article() {
    let t = Tmux::start("web-file", 100, 30);
    t.type_line(&format!("{BIN} --no-remember {PAGE}; echo EXIT:$?"));
    let screen = t.wait_for("the headline and the metadata line", |s| {
        s.contains(TITLE) && s.contains("By Mara Quint and Olu Bede")
    });
    assert!(screen.contains("The old swing bridge"), "{screen}");
    for never in ["DOCTYPE", "<html", "Georgia", "tracking"] {
        assert!(!screen.contains(never), "{never:?} on screen:\n{screen}");
    }
    // The outline lists the subheadings as sections.
    assert!(screen.contains("What the repair cost"), "{screen}");
    t.keys(&["q"]);
    t.wait_for("the shell", |s| s.contains("EXIT:0"));
    t.assert_sane();
}

#[test]
fn a_piped_page_opens_as_its_article() {
    let t = Tmux::start("web-pipe", 100, 30);
    t.type_line(&format!("cat {PAGE} | {BIN} --no-remember; echo EXIT:$?"));
    t.wait_for("the headline from the pipe", |s| {
        s.contains(TITLE) && s.contains("The old swing bridge")
    });
    t.keys(&["G"]);
    t.wait_for("the end of the body", |s| s.contains("Ferries will keep"));
    t.keys(&["q"]);
    t.wait_for("the shell", |s| s.contains("EXIT:0"));
    t.assert_sane();
}
