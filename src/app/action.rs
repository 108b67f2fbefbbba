//! The reader's vocabulary: every change to the view is one of these.
//!
//! Keys map to actions through the keymap (`keymap`), the mouse and the
//! terminal map to them in the event loop; `App::update` is the only place
//! that applies them. Actions name what the reader wants, not which key was
//! pressed.

use crate::extract::EntityKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Scroll the body by this many lines (negative: up).
    Scroll(i32),
    /// Scroll the body by this many pages, less two lines of context each.
    Page(i32),
    /// Scroll the body by this many half pages.
    HalfPage(i32),
    /// Go to the start of the article.
    Top,
    /// Go to the end of the article.
    Bottom,
    /// Put the next section's heading at the top of the body.
    NextSection,
    /// Put the current (or previous) section's heading at the top.
    PrevSection,
    /// Go to a section by its index (0-based; keys are 1-based).
    Section(usize),
    /// Go to the section numbered by the digit key pressed; the keymap
    /// turns it into `Section` before it reaches `update`.
    SectionByDigit,
    /// Move focus between the outline and the body.
    ToggleFocus,
    /// Move the outline's selection by this many sections.
    OutlineMove(i32),
    /// Select the outline's first section.
    OutlineFirst,
    /// Select the outline's last section.
    OutlineLast,
    /// Go to the section selected in the outline.
    OutlineJump,
    /// Show or hide the outline (an overlay on narrow screens).
    ToggleOutline,
    /// Show or hide page furniture.
    ToggleFurniture,
    /// Turn one entity kind's highlighting on or off.
    ToggleHighlight(EntityKind),
    /// Open or close the help overlay.
    Help,
    /// Scroll the help overlay by this many lines.
    HelpScroll(i32),
    /// Close the open overlay; with none open, quit.
    Back,
    /// Leave the reader.
    Quit,
    /// Stop to the shell (Ctrl-Z); the event loop carries it out.
    Suspend,
    /// The terminal now has this many columns and rows.
    Resize(u16, u16),
    /// The mouse wheel turned over a cell: lines down (negative: up).
    MouseScroll { column: u16, row: u16, lines: i32 },
    /// A left click on a cell.
    Click { column: u16, row: u16 },
    /// Show the next of the articles opened together.
    NextFile,
    /// Show the previous of the articles opened together.
    PrevFile,
}

impl Action {
    /// Parses an action as the keymap names it: `line_down`,
    /// `section 3`, `toggle_highlight place`.
    pub fn from_name(name: &str) -> Option<Action> {
        let mut words = name.split_whitespace();
        let verb = words.next()?;
        let arg = words.next();
        if words.next().is_some() {
            return None;
        }
        let action = match (verb, arg) {
            ("line_down", None) => Action::Scroll(1),
            ("line_up", None) => Action::Scroll(-1),
            ("page_down", None) => Action::Page(1),
            ("page_up", None) => Action::Page(-1),
            ("half_page_down", None) => Action::HalfPage(1),
            ("half_page_up", None) => Action::HalfPage(-1),
            ("top", None) => Action::Top,
            ("bottom", None) => Action::Bottom,
            ("next_section", None) => Action::NextSection,
            ("prev_section", None) => Action::PrevSection,
            ("section", None) => Action::SectionByDigit,
            ("section", Some(n)) => Action::Section(n.parse::<usize>().ok()?.checked_sub(1)?),
            ("toggle_focus", None) => Action::ToggleFocus,
            ("outline_down", None) => Action::OutlineMove(1),
            ("outline_up", None) => Action::OutlineMove(-1),
            ("outline_first", None) => Action::OutlineFirst,
            ("outline_last", None) => Action::OutlineLast,
            ("outline_jump", None) => Action::OutlineJump,
            ("toggle_outline", None) => Action::ToggleOutline,
            ("toggle_furniture", None) => Action::ToggleFurniture,
            ("toggle_highlight", Some(kind)) => Action::ToggleHighlight(
                crate::extract::EntityKind::ALL
                    .into_iter()
                    .find(|k| k.as_str() == kind)?,
            ),
            ("help", None) => Action::Help,
            ("help_down", None) => Action::HelpScroll(1),
            ("help_up", None) => Action::HelpScroll(-1),
            ("back", None) => Action::Back,
            ("quit", None) => Action::Quit,
            ("suspend", None) => Action::Suspend,
            ("next_file", None) => Action::NextFile,
            ("prev_file", None) => Action::PrevFile,
            _ => return None,
        };
        Some(action)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_parse() {
        let cases = [
            ("line_down", Some(Action::Scroll(1))),
            ("section 1", Some(Action::Section(0))),
            ("section 0", None),
            ("section x", None),
            (
                "toggle_highlight place",
                Some(Action::ToggleHighlight(EntityKind::Place)),
            ),
            ("toggle_highlight colour", None),
            ("quit now", None),
            ("", None),
        ];
        for (name, want) in cases {
            assert_eq!(Action::from_name(name), want, "{name}");
        }
    }
}
