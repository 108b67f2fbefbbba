//! End-to-end: `H` cycles the highlight level in a real terminal (tmux),
//! first mentions -> every mention -> the selected entity only -> first
//! mentions, and the status line names each level. Waits for the screen,
//! never for a time.

mod common;

use common::Tmux;

const BIN: &str = env!("CARGO_BIN_EXE_lede");
const TITLE: &str = "After Tehran talks, Syria and Russia forces step up Idlib attacks";

/// SGR escape sequences on the screen: more highlighted words, more of them.
fn styles(t: &Tmux) -> usize {
    t.run(&["capture-pane", "-p", "-e", "-t", "e2e"])
        .matches("\u{1b}[")
        .count()
}

#[test]
fn h_cycles_first_all_selected_and_says_so() {
    let t = Tmux::start("highlight", 100, 30);
    t.type_line(&format!("{BIN} {}; echo EXIT:$?", common::SEED));
    t.wait_for("the title", |s| s.contains(TITLE));
    let first = styles(&t);
    t.keys(&["H"]);
    t.wait_for("the every-mention level", |s| {
        s.contains("highlights: every mention")
    });
    let all = styles(&t);
    assert!(
        all > first,
        "every mention lights more than first mentions ({all} vs {first} styles)"
    );
    t.keys(&["H"]);
    t.wait_for("the selected-entity level", |s| {
        s.contains("highlights: the selected entity only")
    });
    let selected = styles(&t);
    assert!(
        selected < all,
        "the selected entity alone lights less than every mention ({selected} vs {all})"
    );
    t.keys(&["H"]);
    t.wait_for("back to first mentions", |s| {
        s.contains("highlights: first mention of each name in a section")
    });
    t.keys(&["q"]);
    t.wait_for("the shell", |s| s.contains("EXIT:0"));
    t.assert_sane();
}
