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
    /// Reveal mode on or off: every invisible character shown as a marker.
    ToggleReveal,
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

    // Search and jumps (`app::search`).
    /// Open the search prompt, forward (`/`).
    SearchForward,
    /// Open the search prompt, backward (`?`).
    SearchBackward,
    /// Open the go-to prompt (`:`): a section, a line or a percentage.
    GoToPrompt,
    /// The next hit in the search's direction (`n`).
    SearchNext,
    /// The next hit against the search's direction (`N`).
    SearchPrev,
    /// Wait for a letter naming a mark to set (`m`).
    MarkPending,
    /// Wait for a letter naming a mark to go to (`'`; `''` goes back).
    JumpMarkPending,
    /// Set a mark at the top of the body.
    SetMark(char),
    /// Go to a mark; `'` is where the last jump came from.
    JumpToMark(char),
    /// The next mention of the entity under the cursor line.
    NextMention,
    /// The previous mention of the entity under the cursor line.
    PrevMention,
    /// Type a character into the open prompt.
    PromptInput(char),
    /// Run the prompt (Enter).
    PromptAccept,
    /// Close the prompt and put the view back (Esc).
    PromptCancel,
    /// Delete the character before the prompt's cursor.
    PromptBackspace,
    /// Delete the character under the prompt's cursor.
    PromptDelete,
    /// Move the prompt's cursor one character left.
    PromptLeft,
    /// Move the prompt's cursor one character right.
    PromptRight,
    /// Move the prompt's cursor to the start.
    PromptHome,
    /// Move the prompt's cursor to the end.
    PromptEnd,
    /// Clear the prompt before the cursor (Ctrl-u).
    PromptClear,
    /// Delete the word before the prompt's cursor (Ctrl-w).
    PromptDeleteWord,
    /// Recall an older prompt from the history.
    PromptOlder,
    /// Recall a newer prompt from the history.
    PromptNewer,
    // Entity views (the entity pane, focus mode, quotes, map).
    /// Show the entity pane and give it the keys; hide it when it has them.
    ToggleEntities,
    /// Move the entity list's cursor by this many entries.
    EntityMove(i32),
    /// Put the entity cursor on the first entry.
    EntityFirst,
    /// Put the entity cursor on the last entry.
    EntityLast,
    /// Select the entry under the cursor: mark its mentions, go to the first.
    EntitySelect,
    /// Order the entity list by count or by first appearance.
    EntityOrder,
    /// Open the entity filter prompt.
    EntityFilter,
    /// Type a character into the entity filter.
    FilterInput(char),
    /// Delete the filter's last character.
    FilterBackspace,
    /// Keep the filter and go back to the list.
    FilterDone,
    /// Clear the filter and close the prompt.
    FilterCancel,
    /// Go to the selected entity's next mention.
    NextChosenMention,
    /// Go to the selected entity's previous mention.
    PrevChosenMention,
    /// Forget the selected entity.
    ClearSelection,
    /// Dim the paragraphs that do not mention the selected entity.
    ToggleFocusMode,
    /// Open or close the quotes view.
    Quotes,
    /// Move the quotes view's cursor.
    QuoteMove(i32),
    /// Go to the quote under the cursor.
    QuoteJump,
    /// Open or close the map view.
    Map,
    /// Move the map's place cursor.
    MapMove(i32),
    /// Select the place under the map's cursor and go to its mentions.
    MapJump,
    /// Show the next of the articles opened together.
    NextFile,
    /// Show the previous of the articles opened together.
    PrevFile,
}

/// Every action a key can be bound to, by the name the keymap and the
/// config give it, with what it does (`lede --list-actions` prints this
/// table). `section N` (a section by its number) is parsed apart.
pub const ACTION_NAMES: &[(&str, Action, &str)] = &[
    (
        "line_down",
        Action::Scroll(1),
        "scroll the body down one line",
    ),
    ("line_up", Action::Scroll(-1), "scroll the body up one line"),
    ("page_down", Action::Page(1), "down one page"),
    ("page_up", Action::Page(-1), "up one page"),
    ("half_page_down", Action::HalfPage(1), "down half a page"),
    ("half_page_up", Action::HalfPage(-1), "up half a page"),
    ("top", Action::Top, "go to the start of the article"),
    ("bottom", Action::Bottom, "go to the end of the article"),
    (
        "next_section",
        Action::NextSection,
        "go to the next section",
    ),
    (
        "prev_section",
        Action::PrevSection,
        "go to the previous section",
    ),
    (
        "section",
        Action::SectionByDigit,
        "go to the section numbered by the digit key pressed",
    ),
    (
        "toggle_focus",
        Action::ToggleFocus,
        "move focus between the outline and the body",
    ),
    (
        "outline_down",
        Action::OutlineMove(1),
        "select the next section in the outline",
    ),
    (
        "outline_up",
        Action::OutlineMove(-1),
        "select the previous section in the outline",
    ),
    (
        "outline_first",
        Action::OutlineFirst,
        "select the first section in the outline",
    ),
    (
        "outline_last",
        Action::OutlineLast,
        "select the last section in the outline",
    ),
    (
        "outline_jump",
        Action::OutlineJump,
        "go to the section selected in the outline",
    ),
    (
        "toggle_outline",
        Action::ToggleOutline,
        "show or hide the outline",
    ),
    (
        "toggle_furniture",
        Action::ToggleFurniture,
        "show or hide page furniture",
    ),
    (
        "toggle_reveal",
        Action::ToggleReveal,
        "reveal mode: show every invisible character",
    ),
    (
        "toggle_highlight actor",
        Action::ToggleHighlight(EntityKind::Actor),
        "highlight actors on or off",
    ),
    (
        "toggle_highlight place",
        Action::ToggleHighlight(EntityKind::Place),
        "highlight places on or off",
    ),
    (
        "toggle_highlight number",
        Action::ToggleHighlight(EntityKind::Number),
        "highlight numbers on or off",
    ),
    ("help", Action::Help, "open or close the help"),
    ("help_down", Action::HelpScroll(1), "scroll the help down"),
    ("help_up", Action::HelpScroll(-1), "scroll the help up"),
    (
        "back",
        Action::Back,
        "close an overlay or clear a search; with nothing to close, quit",
    ),
    ("quit", Action::Quit, "quit"),
    (
        "suspend",
        Action::Suspend,
        "suspend to the shell (fg comes back)",
    ),
    (
        "search_forward",
        Action::SearchForward,
        "open the search prompt, forward (/)",
    ),
    (
        "search_backward",
        Action::SearchBackward,
        "open the search prompt, backward (?)",
    ),
    (
        "goto",
        Action::GoToPrompt,
        "open the go-to prompt: s3 a section, 120 a line, 50% a place",
    ),
    (
        "search_next",
        Action::SearchNext,
        "next match in the search's direction",
    ),
    (
        "search_prev",
        Action::SearchPrev,
        "next match against the search's direction",
    ),
    (
        "set_mark",
        Action::MarkPending,
        "then a letter: set a mark at the top line",
    ),
    (
        "jump_mark",
        Action::JumpMarkPending,
        "then a letter: go to a mark ('' jumps back)",
    ),
    (
        "next_mention",
        Action::NextMention,
        "next mention of the name under the top line",
    ),
    (
        "prev_mention",
        Action::PrevMention,
        "previous mention of the name under the top line",
    ),
    (
        "prompt_accept",
        Action::PromptAccept,
        "in a prompt: search or go (empty: repeat the last)",
    ),
    (
        "prompt_cancel",
        Action::PromptCancel,
        "in a prompt: cancel, putting the view back",
    ),
    (
        "prompt_backspace",
        Action::PromptBackspace,
        "in a prompt: delete back (on an empty prompt: cancel)",
    ),
    (
        "prompt_delete",
        Action::PromptDelete,
        "in a prompt: delete under the cursor",
    ),
    (
        "prompt_left",
        Action::PromptLeft,
        "in a prompt: cursor left",
    ),
    (
        "prompt_right",
        Action::PromptRight,
        "in a prompt: cursor right",
    ),
    (
        "prompt_home",
        Action::PromptHome,
        "in a prompt: cursor to the start",
    ),
    (
        "prompt_end",
        Action::PromptEnd,
        "in a prompt: cursor to the end",
    ),
    (
        "prompt_clear",
        Action::PromptClear,
        "in a prompt: delete to the start",
    ),
    (
        "prompt_delete_word",
        Action::PromptDeleteWord,
        "in a prompt: delete the word before the cursor",
    ),
    (
        "prompt_older",
        Action::PromptOlder,
        "in a prompt: older entry in the history",
    ),
    (
        "prompt_newer",
        Action::PromptNewer,
        "in a prompt: newer entry in the history",
    ),
    (
        "toggle_entities",
        Action::ToggleEntities,
        "entity pane: show and focus it, or hide it",
    ),
    (
        "entity_down",
        Action::EntityMove(1),
        "next entity in the entity pane",
    ),
    (
        "entity_up",
        Action::EntityMove(-1),
        "previous entity in the entity pane",
    ),
    (
        "entity_first",
        Action::EntityFirst,
        "first entity in the entity pane",
    ),
    (
        "entity_last",
        Action::EntityLast,
        "last entity in the entity pane",
    ),
    (
        "entity_select",
        Action::EntitySelect,
        "select the entity: mark its mentions and go to the first",
    ),
    (
        "entity_order",
        Action::EntityOrder,
        "order the entities by count or by first appearance",
    ),
    (
        "entity_filter",
        Action::EntityFilter,
        "filter the entity list by typing (fuzzy)",
    ),
    (
        "filter_backspace",
        Action::FilterBackspace,
        "in the entity filter: delete a character",
    ),
    (
        "filter_done",
        Action::FilterDone,
        "in the entity filter: keep the filter, back to the list",
    ),
    (
        "filter_cancel",
        Action::FilterCancel,
        "in the entity filter: clear the filter",
    ),
    (
        "next_chosen_mention",
        Action::NextChosenMention,
        "next mention of the selected entity",
    ),
    (
        "prev_chosen_mention",
        Action::PrevChosenMention,
        "previous mention of the selected entity",
    ),
    (
        "clear_selection",
        Action::ClearSelection,
        "forget the selected entity",
    ),
    (
        "toggle_focus_mode",
        Action::ToggleFocusMode,
        "focus mode: dim paragraphs without the selected entity",
    ),
    (
        "quotes",
        Action::Quotes,
        "open or close the quotes view: who said what",
    ),
    (
        "quote_down",
        Action::QuoteMove(1),
        "next quote in the quotes view",
    ),
    (
        "quote_up",
        Action::QuoteMove(-1),
        "previous quote in the quotes view",
    ),
    (
        "quote_jump",
        Action::QuoteJump,
        "go to the quote under the cursor",
    ),
    (
        "map",
        Action::Map,
        "open or close the map of the article's places",
    ),
    ("map_down", Action::MapMove(1), "next place in the map view"),
    (
        "map_up",
        Action::MapMove(-1),
        "previous place in the map view",
    ),
    (
        "map_jump",
        Action::MapJump,
        "select the place under the map's cursor and go to its mentions",
    ),
    (
        "next_file",
        Action::NextFile,
        "next article (when several are open)",
    ),
    (
        "prev_file",
        Action::PrevFile,
        "previous article (when several are open)",
    ),
];

/// `section N`: what `--list-actions` says of the one action that takes a
/// number.
pub const SECTION_N_ACTION: (&str, &str) = ("section N", "go to section N (1 is the first)");

impl Action {
    /// Parses an action as the keymap names it: `line_down`,
    /// `section 3`, `toggle_highlight place` (words apart by any spaces).
    pub fn from_name(name: &str) -> Option<Action> {
        let words: Vec<&str> = name.split_whitespace().collect();
        if let ["section", n] = words[..] {
            return Some(Action::Section(n.parse::<usize>().ok()?.checked_sub(1)?));
        }
        ACTION_NAMES
            .iter()
            .find(|(known, ..)| known.split(' ').eq(words.iter().copied()))
            .map(|&(_, action, _)| action)
    }

    /// The name the keymap gives this action, when it has one (a resize or
    /// a typed character does not).
    pub fn name(self) -> Option<&'static str> {
        ACTION_NAMES
            .iter()
            .find(|&&(_, action, _)| action == self)
            .map(|&(name, ..)| name)
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
            (
                "  toggle_highlight   actor ",
                Some(Action::ToggleHighlight(EntityKind::Actor)),
            ),
            ("toggle_highlight", None),
            ("", None),
        ];
        for (name, want) in cases {
            assert_eq!(Action::from_name(name), want, "{name}");
        }
    }

    #[test]
    fn every_name_is_listed_once_and_parses_back() {
        for (i, &(name, action, what)) in ACTION_NAMES.iter().enumerate() {
            assert_eq!(Action::from_name(name), Some(action), "{name}");
            assert_eq!(action.name(), Some(name), "{name}: one name per action");
            assert!(!what.is_empty(), "{name} says what it does");
            assert!(
                ACTION_NAMES[..i].iter().all(|&(other, ..)| other != name),
                "{name} listed twice"
            );
        }
    }
}
