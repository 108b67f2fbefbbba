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
            ("toggle_reveal", None) => Action::ToggleReveal,
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
            // Search and jumps.
            ("search_forward", None) => Action::SearchForward,
            ("search_backward", None) => Action::SearchBackward,
            ("goto", None) => Action::GoToPrompt,
            ("search_next", None) => Action::SearchNext,
            ("search_prev", None) => Action::SearchPrev,
            ("set_mark", None) => Action::MarkPending,
            ("jump_mark", None) => Action::JumpMarkPending,
            ("next_mention", None) => Action::NextMention,
            ("prev_mention", None) => Action::PrevMention,
            ("prompt_accept", None) => Action::PromptAccept,
            ("prompt_cancel", None) => Action::PromptCancel,
            ("prompt_backspace", None) => Action::PromptBackspace,
            ("prompt_delete", None) => Action::PromptDelete,
            ("prompt_left", None) => Action::PromptLeft,
            ("prompt_right", None) => Action::PromptRight,
            ("prompt_home", None) => Action::PromptHome,
            ("prompt_end", None) => Action::PromptEnd,
            ("prompt_clear", None) => Action::PromptClear,
            ("prompt_delete_word", None) => Action::PromptDeleteWord,
            ("prompt_older", None) => Action::PromptOlder,
            ("prompt_newer", None) => Action::PromptNewer,
            ("toggle_entities", None) => Action::ToggleEntities,
            ("entity_down", None) => Action::EntityMove(1),
            ("entity_up", None) => Action::EntityMove(-1),
            ("entity_first", None) => Action::EntityFirst,
            ("entity_last", None) => Action::EntityLast,
            ("entity_select", None) => Action::EntitySelect,
            ("entity_order", None) => Action::EntityOrder,
            ("entity_filter", None) => Action::EntityFilter,
            ("filter_backspace", None) => Action::FilterBackspace,
            ("filter_done", None) => Action::FilterDone,
            ("filter_cancel", None) => Action::FilterCancel,
            ("next_chosen_mention", None) => Action::NextChosenMention,
            ("prev_chosen_mention", None) => Action::PrevChosenMention,
            ("clear_selection", None) => Action::ClearSelection,
            ("toggle_focus_mode", None) => Action::ToggleFocusMode,
            ("quotes", None) => Action::Quotes,
            ("quote_down", None) => Action::QuoteMove(1),
            ("quote_up", None) => Action::QuoteMove(-1),
            ("quote_jump", None) => Action::QuoteJump,
            ("map", None) => Action::Map,
            ("map_down", None) => Action::MapMove(1),
            ("map_up", None) => Action::MapMove(-1),
            ("map_jump", None) => Action::MapJump,
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
