//! End-to-end test of a long article in a real terminal (tmux): it opens
//! from its start, says it is still reading, and `G` pressed at once waits
//! for the whole and then shows the real end, not the end of the start.
//!
//! The article is generated here (a few MB, past the size lede opens from
//! a prefix). See `e2e_tmux.rs` for the harness's habits.

mod common;

use common::Tmux;

const BIN: &str = env!("CARGO_BIN_EXE_lede");
const TITLE: &str = "Council budget talks run through the night";
const END: &str = "These are the closing words of the article.";

/// A plain-text article of about `bytes` bytes: a title, sections of
/// paragraphs, and a last paragraph found nowhere else.
fn article(bytes: usize) -> String {
    let mut text = format!("{TITLE}\n\n");
    let mut i = 0;
    while text.len() < bytes {
        text.push_str(&format!("Part {i} of the talks\n\n"));
        for p in 0..5 {
            text.push_str(&format!(
                "The council met on Monday in Oslo for round {i}, and paragraph {p} \
                 says the budget vote was close. Anna Berg said the talks would go \
                 on, and 42 members agreed.\n\n"
            ));
        }
        i += 1;
    }
    text.push_str(END);
    text.push('\n');
    text
}

#[test]
fn a_long_article_opens_at_once_and_g_waits_for_the_real_end() {
    let t = Tmux::start("long", 120, 30);
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("long.txt");
    std::fs::write(&path, article(6 * 1024 * 1024)).expect("written");
    t.type_line(&format!(
        "{BIN} --no-remember {}; echo EXIT:$?",
        path.display()
    ));
    t.wait_for("the title", |s| s.contains(TITLE));
    t.keys(&["G"]);
    let screen = t.wait_for("the real end", |s| s.contains(END));
    let status = screen.lines().last().unwrap_or("");
    assert!(status.contains("100%"), "{screen}");
    assert!(!status.contains("reading"), "{screen}");
    t.keys(&["q"]);
    t.wait_for("the shell", |s| s.contains("EXIT:0"));
    t.assert_sane();
}
