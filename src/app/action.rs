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
    /// Go to the next highlight level (every mention, first mentions, the
    /// selected entity only).
    CycleHighlight,
    /// Open or close the help overlay.
    Help,
    /// Scroll the help overlay by this many lines.
    HelpScroll(i32),
    /// Scroll the help overlay by this many pages.
    HelpPage(i32),
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
    /// Open or close the list of the article's links.
    Links,
    /// Move the link list's cursor.
    LinkMove(i32),
    /// Put the link list's cursor on the first link.
    LinkFirst,
    /// Put the link list's cursor on the last link.
    LinkLast,
    /// Open the link under the cursor as a new article.
    LinkOpen,
    /// Back to the article the shown one was opened from by a link.
    LinkBack,
    /// Show the next of the articles opened together.
    NextFile,
    /// Show the previous of the articles opened together.
    PrevFile,
    // The feed view (`app::feed`).
    /// Move the feed list's cursor by this many items.
    FeedMove(i32),
    /// Put the feed list's cursor on the first item.
    FeedFirst,
    /// Put the feed list's cursor on the last item.
    FeedLast,
    /// Open the item under the cursor.
    FeedOpen,
    /// Go to the next unread item.
    FeedNextUnread,
    /// Mark the item under the cursor read, or unread.
    FeedToggleRead,
    /// Mark every item listed read.
    FeedMarkAllRead,
    /// Fetch the feeds again.
    FeedReload,
    /// Order the list by date or by feed.
    FeedOrder,
    /// Show one feed's items, the next feed's, then every feed's.
    FeedOnly,
}

/// What a key can be bound to, by the name the keymap and the config give
/// it (the variant's name in snake case: `line_down`, `search_forward`;
/// `toggle_highlight place`), with what it does (`lede --list-actions`
/// prints them). Names and descriptions are derived from this one list;
/// [`Command::action`] says which action each is. `section N` (a section by
/// its number) is parsed apart.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    strum::EnumIter,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::EnumMessage,
)]
#[strum(serialize_all = "snake_case")]
pub enum Command {
    #[strum(message = "scroll the body down one line")]
    LineDown,
    #[strum(message = "scroll the body up one line")]
    LineUp,
    #[strum(message = "down one page")]
    PageDown,
    #[strum(message = "up one page")]
    PageUp,
    #[strum(message = "down half a page")]
    HalfPageDown,
    #[strum(message = "up half a page")]
    HalfPageUp,
    #[strum(message = "go to the start of the article")]
    Top,
    #[strum(message = "go to the end of the article")]
    Bottom,
    #[strum(message = "go to the next section")]
    NextSection,
    #[strum(message = "go to the previous section")]
    PrevSection,
    #[strum(message = "go to the section numbered by the digit key pressed")]
    Section,
    #[strum(message = "move focus between the outline and the body")]
    ToggleFocus,
    #[strum(message = "select the next section in the outline")]
    OutlineDown,
    #[strum(message = "select the previous section in the outline")]
    OutlineUp,
    #[strum(message = "select the first section in the outline")]
    OutlineFirst,
    #[strum(message = "select the last section in the outline")]
    OutlineLast,
    #[strum(message = "go to the section selected in the outline")]
    OutlineJump,
    #[strum(message = "show or hide the outline")]
    ToggleOutline,
    #[strum(message = "show or hide page furniture")]
    ToggleFurniture,
    #[strum(message = "reveal mode: show every invisible character")]
    ToggleReveal,
    #[strum(
        serialize = "toggle_highlight actor",
        message = "highlight actors on or off"
    )]
    ToggleHighlightActor,
    #[strum(
        serialize = "toggle_highlight place",
        message = "highlight places on or off"
    )]
    ToggleHighlightPlace,
    #[strum(
        serialize = "toggle_highlight number",
        message = "highlight numbers on or off"
    )]
    ToggleHighlightNumber,
    #[strum(
        message = "highlight level: first mentions, every mention, or the selected entity only"
    )]
    CycleHighlight,
    #[strum(message = "open or close the help")]
    Help,
    #[strum(message = "scroll the help down")]
    HelpDown,
    #[strum(message = "scroll the help up")]
    HelpUp,
    #[strum(message = "down one page of the help")]
    HelpPageDown,
    #[strum(message = "up one page of the help")]
    HelpPageUp,
    #[strum(
        message = "close an overlay, clear a message, a search or the selected entity; with nothing to clear, quit"
    )]
    Back,
    #[strum(message = "quit")]
    Quit,
    #[strum(message = "suspend to the shell (fg comes back)")]
    Suspend,
    #[strum(message = "open the search prompt, forward (/)")]
    SearchForward,
    #[strum(message = "open the search prompt, backward (?)")]
    SearchBackward,
    #[strum(message = "open the go-to prompt: s3 a section, 120 a line, 50% a place")]
    Goto,
    #[strum(message = "next match in the search's direction")]
    SearchNext,
    #[strum(message = "next match against the search's direction")]
    SearchPrev,
    #[strum(message = "then a letter: set a mark at the top line")]
    SetMark,
    #[strum(message = "then a letter: go to a mark ('' jumps back)")]
    JumpMark,
    #[strum(message = "next mention of the name under the top line")]
    NextMention,
    #[strum(message = "previous mention of the name under the top line")]
    PrevMention,
    #[strum(message = "in a prompt: search or go (empty: repeat the last)")]
    PromptAccept,
    #[strum(message = "in a prompt: cancel, putting the view back")]
    PromptCancel,
    #[strum(message = "in a prompt: delete back (on an empty prompt: cancel)")]
    PromptBackspace,
    #[strum(message = "in a prompt: delete under the cursor")]
    PromptDelete,
    #[strum(message = "in a prompt: cursor left")]
    PromptLeft,
    #[strum(message = "in a prompt: cursor right")]
    PromptRight,
    #[strum(message = "in a prompt: cursor to the start")]
    PromptHome,
    #[strum(message = "in a prompt: cursor to the end")]
    PromptEnd,
    #[strum(message = "in a prompt: delete to the start")]
    PromptClear,
    #[strum(message = "in a prompt: delete the word before the cursor")]
    PromptDeleteWord,
    #[strum(message = "in a prompt: older entry in the history")]
    PromptOlder,
    #[strum(message = "in a prompt: newer entry in the history")]
    PromptNewer,
    #[strum(message = "entity pane: show and focus it, or hide it")]
    ToggleEntities,
    #[strum(message = "next entity in the entity pane")]
    EntityDown,
    #[strum(message = "previous entity in the entity pane")]
    EntityUp,
    #[strum(message = "first entity in the entity pane")]
    EntityFirst,
    #[strum(message = "last entity in the entity pane")]
    EntityLast,
    #[strum(message = "select the entity: mark its mentions and go to the first")]
    EntitySelect,
    #[strum(message = "order the entities by count or by first appearance")]
    EntityOrder,
    #[strum(message = "filter the entity list by typing (fuzzy)")]
    EntityFilter,
    #[strum(message = "in the entity filter: delete a character")]
    FilterBackspace,
    #[strum(message = "in the entity filter: keep the filter, back to the list")]
    FilterDone,
    #[strum(message = "in the entity filter: clear the filter")]
    FilterCancel,
    #[strum(message = "next mention of the selected entity")]
    NextChosenMention,
    #[strum(message = "previous mention of the selected entity")]
    PrevChosenMention,
    #[strum(message = "forget the selected entity")]
    ClearSelection,
    #[strum(message = "focus mode: dim paragraphs without the selected entity")]
    ToggleFocusMode,
    #[strum(message = "open or close the quotes view: who said what")]
    Quotes,
    #[strum(message = "next quote in the quotes view")]
    QuoteDown,
    #[strum(message = "previous quote in the quotes view")]
    QuoteUp,
    #[strum(message = "go to the quote under the cursor")]
    QuoteJump,
    #[strum(message = "open or close the map of the article's places")]
    Map,
    #[strum(message = "next place in the map view")]
    MapDown,
    #[strum(message = "previous place in the map view")]
    MapUp,
    #[strum(message = "select the place under the map's cursor and go to its mentions")]
    MapJump,
    #[strum(message = "open or close the numbered list of the article's links")]
    Links,
    #[strum(message = "next link in the link list")]
    LinkDown,
    #[strum(message = "previous link in the link list")]
    LinkUp,
    #[strum(message = "first link in the link list")]
    LinkFirst,
    #[strum(message = "last link in the link list")]
    LinkLast,
    #[strum(message = "open the link under the cursor as an article (a web address or a file)")]
    LinkOpen,
    #[strum(message = "back to the article a link was followed from, at the same place")]
    LinkBack,
    #[strum(message = "next article (when several are open)")]
    NextFile,
    #[strum(message = "previous article (when several are open)")]
    PrevFile,
    #[strum(message = "next item in the feed view")]
    FeedDown,
    #[strum(message = "previous item in the feed view")]
    FeedUp,
    #[strum(message = "first item in the feed view")]
    FeedFirst,
    #[strum(message = "last item in the feed view")]
    FeedLast,
    #[strum(message = "open the item: its content, else its page fetched")]
    FeedOpen,
    #[strum(message = "go to the next unread item")]
    FeedNextUnread,
    #[strum(message = "mark the item read or unread")]
    FeedToggleRead,
    #[strum(message = "mark every item listed read")]
    FeedMarkAllRead,
    #[strum(message = "fetch the feeds again")]
    FeedReload,
    #[strum(message = "order the items by date or by feed")]
    FeedOrder,
    #[strum(message = "show one feed's items, the next feed's, then every feed's")]
    FeedOnly,
}

/// Every command by name, with its action and what it does, in the order
/// they are listed.
pub fn action_names() -> impl Iterator<Item = (&'static str, Action, &'static str)> {
    use strum::IntoEnumIterator;
    Command::iter().map(|c| (c.name(), c.action(), c.description()))
}

impl Command {
    /// The action the command stands for.
    pub fn action(self) -> Action {
        match self {
            Command::LineDown => Action::Scroll(1),
            Command::LineUp => Action::Scroll(-1),
            Command::PageDown => Action::Page(1),
            Command::PageUp => Action::Page(-1),
            Command::HalfPageDown => Action::HalfPage(1),
            Command::HalfPageUp => Action::HalfPage(-1),
            Command::Top => Action::Top,
            Command::Bottom => Action::Bottom,
            Command::NextSection => Action::NextSection,
            Command::PrevSection => Action::PrevSection,
            Command::Section => Action::SectionByDigit,
            Command::ToggleFocus => Action::ToggleFocus,
            Command::OutlineDown => Action::OutlineMove(1),
            Command::OutlineUp => Action::OutlineMove(-1),
            Command::OutlineFirst => Action::OutlineFirst,
            Command::OutlineLast => Action::OutlineLast,
            Command::OutlineJump => Action::OutlineJump,
            Command::ToggleOutline => Action::ToggleOutline,
            Command::ToggleFurniture => Action::ToggleFurniture,
            Command::ToggleReveal => Action::ToggleReveal,
            Command::ToggleHighlightActor => Action::ToggleHighlight(EntityKind::Actor),
            Command::ToggleHighlightPlace => Action::ToggleHighlight(EntityKind::Place),
            Command::ToggleHighlightNumber => Action::ToggleHighlight(EntityKind::Number),
            Command::CycleHighlight => Action::CycleHighlight,
            Command::Help => Action::Help,
            Command::HelpDown => Action::HelpScroll(1),
            Command::HelpUp => Action::HelpScroll(-1),
            Command::HelpPageDown => Action::HelpPage(1),
            Command::HelpPageUp => Action::HelpPage(-1),
            Command::Back => Action::Back,
            Command::Quit => Action::Quit,
            Command::Suspend => Action::Suspend,
            Command::SearchForward => Action::SearchForward,
            Command::SearchBackward => Action::SearchBackward,
            Command::Goto => Action::GoToPrompt,
            Command::SearchNext => Action::SearchNext,
            Command::SearchPrev => Action::SearchPrev,
            Command::SetMark => Action::MarkPending,
            Command::JumpMark => Action::JumpMarkPending,
            Command::NextMention => Action::NextMention,
            Command::PrevMention => Action::PrevMention,
            Command::PromptAccept => Action::PromptAccept,
            Command::PromptCancel => Action::PromptCancel,
            Command::PromptBackspace => Action::PromptBackspace,
            Command::PromptDelete => Action::PromptDelete,
            Command::PromptLeft => Action::PromptLeft,
            Command::PromptRight => Action::PromptRight,
            Command::PromptHome => Action::PromptHome,
            Command::PromptEnd => Action::PromptEnd,
            Command::PromptClear => Action::PromptClear,
            Command::PromptDeleteWord => Action::PromptDeleteWord,
            Command::PromptOlder => Action::PromptOlder,
            Command::PromptNewer => Action::PromptNewer,
            Command::ToggleEntities => Action::ToggleEntities,
            Command::EntityDown => Action::EntityMove(1),
            Command::EntityUp => Action::EntityMove(-1),
            Command::EntityFirst => Action::EntityFirst,
            Command::EntityLast => Action::EntityLast,
            Command::EntitySelect => Action::EntitySelect,
            Command::EntityOrder => Action::EntityOrder,
            Command::EntityFilter => Action::EntityFilter,
            Command::FilterBackspace => Action::FilterBackspace,
            Command::FilterDone => Action::FilterDone,
            Command::FilterCancel => Action::FilterCancel,
            Command::NextChosenMention => Action::NextChosenMention,
            Command::PrevChosenMention => Action::PrevChosenMention,
            Command::ClearSelection => Action::ClearSelection,
            Command::ToggleFocusMode => Action::ToggleFocusMode,
            Command::Quotes => Action::Quotes,
            Command::QuoteDown => Action::QuoteMove(1),
            Command::QuoteUp => Action::QuoteMove(-1),
            Command::QuoteJump => Action::QuoteJump,
            Command::Map => Action::Map,
            Command::MapDown => Action::MapMove(1),
            Command::MapUp => Action::MapMove(-1),
            Command::MapJump => Action::MapJump,
            Command::Links => Action::Links,
            Command::LinkDown => Action::LinkMove(1),
            Command::LinkUp => Action::LinkMove(-1),
            Command::LinkFirst => Action::LinkFirst,
            Command::LinkLast => Action::LinkLast,
            Command::LinkOpen => Action::LinkOpen,
            Command::LinkBack => Action::LinkBack,
            Command::NextFile => Action::NextFile,
            Command::PrevFile => Action::PrevFile,
            Command::FeedDown => Action::FeedMove(1),
            Command::FeedUp => Action::FeedMove(-1),
            Command::FeedFirst => Action::FeedFirst,
            Command::FeedLast => Action::FeedLast,
            Command::FeedOpen => Action::FeedOpen,
            Command::FeedNextUnread => Action::FeedNextUnread,
            Command::FeedToggleRead => Action::FeedToggleRead,
            Command::FeedMarkAllRead => Action::FeedMarkAllRead,
            Command::FeedReload => Action::FeedReload,
            Command::FeedOrder => Action::FeedOrder,
            Command::FeedOnly => Action::FeedOnly,
        }
    }

    /// The command's name.
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// What it does.
    pub fn description(self) -> &'static str {
        strum::EnumMessage::get_message(&self).unwrap_or_default()
    }
}

/// `section N`: what `--list-actions` says of the one action that takes a
/// number.
pub const SECTION_N_ACTION: (&str, &str) = ("section N", "go to section N (1 is the first)");

/// What an action is and needs, said once for each action: a new action
/// does not compile until it is described here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Traits {
    /// It moves the view somewhere else in the article: where it came from
    /// is kept for `''`.
    pub jump: bool,
    /// It means nothing without the article's entities: while they are
    /// being found it says so instead.
    pub needs_entities: bool,
}

/// An action that only changes the view in place.
const PLAIN: Traits = Traits {
    jump: false,
    needs_entities: false,
};
/// One that moves the view elsewhere.
const JUMP: Traits = Traits {
    jump: true,
    ..PLAIN
};
/// One that needs the entities.
const ENTITY: Traits = Traits {
    needs_entities: true,
    ..PLAIN
};

impl Action {
    /// What this action is and needs.
    pub fn traits(self) -> Traits {
        use Action::*;
        match self {
            Top
            | Bottom
            | NextSection
            | PrevSection
            | Section(_)
            | OutlineJump
            | Click { .. }
            | SearchNext
            | SearchPrev => JUMP,
            NextMention | PrevMention => Traits {
                jump: true,
                needs_entities: true,
            },
            EntitySelect | NextChosenMention | PrevChosenMention | ToggleFocusMode | Quotes
            | Map => ENTITY,
            Resize(..)
            | ToggleFurniture
            | ToggleReveal
            | Scroll(_)
            | Page(_)
            | HalfPage(_)
            | SectionByDigit
            | ToggleFocus
            | OutlineMove(_)
            | OutlineFirst
            | OutlineLast
            | ToggleOutline
            | ToggleHighlight(_)
            | CycleHighlight
            | Help
            | HelpScroll(_)
            | HelpPage(_)
            | Back
            | Quit
            | Suspend
            | MouseScroll { .. }
            | SearchForward
            | SearchBackward
            | GoToPrompt
            | MarkPending
            | JumpMarkPending
            | SetMark(_)
            | JumpToMark(_)
            | PromptInput(_)
            | PromptAccept
            | PromptCancel
            | PromptBackspace
            | PromptDelete
            | PromptLeft
            | PromptRight
            | PromptHome
            | PromptEnd
            | PromptClear
            | PromptDeleteWord
            | PromptOlder
            | PromptNewer
            | ToggleEntities
            | EntityMove(_)
            | EntityFirst
            | EntityLast
            | EntityOrder
            | EntityFilter
            | FilterInput(_)
            | FilterBackspace
            | FilterDone
            | FilterCancel
            | ClearSelection
            | QuoteMove(_)
            | QuoteJump
            | MapMove(_)
            | MapJump
            | Links
            | LinkMove(_)
            | LinkFirst
            | LinkLast
            | LinkOpen
            | LinkBack
            | NextFile
            | PrevFile
            | FeedMove(_)
            | FeedFirst
            | FeedLast
            | FeedOpen
            | FeedNextUnread
            | FeedToggleRead
            | FeedMarkAllRead
            | FeedReload
            | FeedOrder
            | FeedOnly => PLAIN,
        }
    }

    /// Parses an action as the keymap names it: `line_down`,
    /// `section 3`, `toggle_highlight place` (words apart by any spaces).
    pub fn from_name(name: &str) -> Option<Action> {
        let words: Vec<&str> = name.split_whitespace().collect();
        if let ["section", n] = words[..] {
            return Some(Action::Section(n.parse::<usize>().ok()?.checked_sub(1)?));
        }
        words.join(" ").parse::<Command>().ok().map(Command::action)
    }

    /// The name the keymap gives this action, when it has one (a resize or
    /// a typed character does not).
    pub fn name(self) -> Option<&'static str> {
        use strum::IntoEnumIterator;
        Command::iter()
            .find(|c| c.action() == self)
            .map(Command::name)
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
        let all: Vec<_> = action_names().collect();
        for (i, &(name, action, what)) in all.iter().enumerate() {
            assert_eq!(Action::from_name(name), Some(action), "{name}");
            assert_eq!(action.name(), Some(name), "{name}: one name per action");
            assert!(!what.is_empty(), "{name} says what it does");
            assert!(
                all[..i].iter().all(|&(other, ..)| other != name),
                "{name} listed twice"
            );
        }
    }
}
