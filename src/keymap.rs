//! Keys as data: which key does what, in which mode, and how to describe it.
//!
//! The defaults are `assets/keymap.toml`, embedded in the binary; a user's
//! file of the same shape is merged over them. The same table answers key
//! presses, writes the status-line hints and fills the help overlay, so no
//! key is described twice.
//!
//! Depends on crossterm's key types (it is input handling), not on ratatui.
//! Invariant: every binding parsed from a file has a known action and only
//! keys that parse; a bad file is refused whole, with a message.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use serde::Deserialize;

use crate::app::Action;

const DEFAULT: &str = include_str!("../assets/keymap.toml");

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// Anywhere no overlay is open.
    Normal,
    /// The body has focus.
    Body,
    /// The outline (pane or overlay) has focus.
    Outline,
    /// The help overlay is open.
    Help,
    /// A prompt (`/`, `?`, `:`) is open: printable keys are typed into it
    /// before this table is asked.
    Prompt,
    /// The entity pane has focus.
    Entities,
    /// The entity filter prompt takes the keys.
    Filter,
    /// The quotes view is open.
    Quotes,
    /// The map view is open.
    Map,
    /// The feed view is shown.
    Feed,
}

impl Mode {
    pub fn title(self) -> &'static str {
        match self {
            Mode::Normal => "Anywhere",
            Mode::Body => "Reading",
            Mode::Outline => "In the outline",
            Mode::Help => "In the help",
            Mode::Prompt => "In a prompt (/ ? :)",
            Mode::Entities => "In the entity pane",
            Mode::Filter => "In the entity filter",
            Mode::Quotes => "In the quotes view",
            Mode::Map => "In the map view",
            Mode::Feed => "In the feed view",
        }
    }
}

/// A key and whether Ctrl is held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

impl Key {
    /// Parses a key name as the keymap writes it.
    pub fn parse(name: &str) -> Option<Key> {
        let (ctrl, rest) = match name.strip_prefix("C-") {
            Some(rest) if !rest.is_empty() => (true, rest),
            _ => (false, name),
        };
        let code = match rest {
            "Up" => KeyCode::Up,
            "Down" => KeyCode::Down,
            "Left" => KeyCode::Left,
            "Right" => KeyCode::Right,
            "PageUp" => KeyCode::PageUp,
            "PageDown" => KeyCode::PageDown,
            "Home" => KeyCode::Home,
            "End" => KeyCode::End,
            "Tab" => KeyCode::Tab,
            "BackTab" => KeyCode::BackTab,
            "Enter" => KeyCode::Enter,
            "Esc" => KeyCode::Esc,
            "Backspace" => KeyCode::Backspace,
            "Delete" => KeyCode::Delete,
            "Space" => KeyCode::Char(' '),
            f if f.len() > 1 && f.starts_with('F') => KeyCode::F(f[1..].parse().ok()?),
            c => {
                let mut chars = c.chars();
                let ch = chars.next()?;
                if chars.next().is_some() || ch.is_control() {
                    return None;
                }
                KeyCode::Char(ch)
            }
        };
        Some(Key { code, ctrl })
    }

    /// True when a key event is this key. Shift is ignored for characters
    /// (`G` arrives as Shift+g on some terminals, as `G` on others).
    pub fn matches(&self, event: &KeyEvent) -> bool {
        if event.kind == KeyEventKind::Release {
            return false;
        }
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        if ctrl != self.ctrl || event.modifiers.contains(KeyModifiers::ALT) {
            return false;
        }
        match (self.code, event.code) {
            (KeyCode::Char(a), KeyCode::Char(b)) => {
                a == b || (self.ctrl && a.eq_ignore_ascii_case(&b))
            }
            (a, b) => a == b,
        }
    }
}

/// One line of the keymap.
#[derive(Debug, Clone)]
pub struct Binding {
    /// The keys as written, for display.
    pub names: Vec<String>,
    pub keys: Vec<Key>,
    pub action: Action,
    pub description: String,
    pub mode: Mode,
    /// A short label for the status line.
    pub hint: Option<String>,
}

#[derive(Debug, Deserialize)]
struct File {
    key: Vec<Entry>,
}

#[derive(Debug, Deserialize)]
struct Entry {
    keys: Vec<String>,
    action: String,
    description: String,
    mode: Mode,
    hint: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum KeymapError {
    #[error("keymap: {0}")]
    Toml(#[from] toml::de::Error),
    #[error("keymap: unknown action `{0}`")]
    Action(String),
    #[error("keymap: unknown key `{0}`")]
    Key(String),
}

/// The table of bindings.
#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap::parse(DEFAULT).expect("the embedded keymap is valid (a unit test parses it)")
    }
}

impl Keymap {
    /// Parses a keymap file.
    pub fn parse(text: &str) -> Result<Keymap, KeymapError> {
        let file: File = toml::from_str(text)?;
        let mut bindings = Vec::with_capacity(file.key.len());
        for entry in file.key {
            let action = Action::from_name(&entry.action)
                .ok_or_else(|| KeymapError::Action(crate::sanitize::clean(&entry.action).into()))?;
            let keys = entry
                .keys
                .iter()
                .map(|k| {
                    Key::parse(k).ok_or_else(|| KeymapError::Key(crate::sanitize::clean(k).into()))
                })
                .collect::<Result<Vec<_>, _>>()?;
            bindings.push(Binding {
                names: entry.keys,
                keys,
                action,
                description: entry.description,
                mode: entry.mode,
                hint: entry.hint,
            });
        }
        Ok(Keymap { bindings })
    }

    /// A keymap of bindings already checked (the config's `[[key]]`
    /// entries, whose errors name their lines).
    pub fn from_bindings(bindings: Vec<Binding>) -> Keymap {
        Keymap { bindings }
    }

    /// Lays `other` over this keymap: a key bound in `other` loses its old
    /// binding in the same mode.
    pub fn merge(&mut self, other: Keymap) {
        for new in &other.bindings {
            for old in self.bindings.iter_mut().filter(|b| b.mode == new.mode) {
                let keep: Vec<bool> = old.keys.iter().map(|k| !new.keys.contains(k)).collect();
                let mut it = keep.iter();
                old.keys.retain(|_| *it.next().unwrap_or(&true));
                let mut it = keep.iter();
                old.names.retain(|_| *it.next().unwrap_or(&true));
            }
        }
        self.bindings.retain(|b| !b.keys.is_empty());
        self.bindings.extend(other.bindings);
    }

    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    /// The action for a key in the given modes, the first mode winning.
    pub fn lookup(&self, modes: &[Mode], event: &KeyEvent) -> Option<Action> {
        modes.iter().find_map(|&mode| {
            self.bindings
                .iter()
                .filter(|b| b.mode == mode)
                .find(|b| b.keys.iter().any(|k| k.matches(event)))
                .map(|b| match (b.action, event.code) {
                    (Action::SectionByDigit, KeyCode::Char(c)) => c
                        .to_digit(10)
                        .and_then(|d| (d as usize).checked_sub(1))
                        .map_or(Action::SectionByDigit, Action::Section),
                    (action, _) => action,
                })
        })
    }

    /// The first key name bound to an action, for messages ("press x").
    pub fn key_for(&self, action: Action) -> Option<&str> {
        self.bindings
            .iter()
            .find(|b| b.action == action)
            .and_then(|b| b.names.first())
            .map(String::as_str)
    }

    /// Status-line hints for the given modes: (first key, label), in table
    /// order.
    pub fn hints<'a>(&'a self, modes: &'a [Mode]) -> impl Iterator<Item = (&'a str, &'a str)> {
        self.bindings
            .iter()
            .filter(|b| modes.contains(&b.mode))
            .filter_map(|b| Some((b.names.first()?.as_str(), b.hint.as_deref()?)))
    }
}

/// Key names for display, a run of digits written `1-9`.
pub fn keys_label(names: &[String]) -> String {
    let digits: Vec<u32> = names.iter().filter_map(|n| n.parse::<u32>().ok()).collect();
    if names.len() > 2 && digits.len() == names.len() && digits.windows(2).all(|w| w[1] == w[0] + 1)
    {
        return format!("{}-{}", digits[0], digits[digits.len() - 1]);
    }
    names
        .iter()
        .map(|n| display_name(n))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The keymap as a Markdown table, grouped by mode: the README's key list
/// (a test keeps the two equal).
#[cfg(test)]
pub fn markdown_table(keymap: &Keymap) -> String {
    let mut out = String::from("| Keys | Does | Where |\n|---|---|---|\n");
    for mode in [
        Mode::Body,
        Mode::Normal,
        Mode::Outline,
        Mode::Help,
        Mode::Prompt,
        Mode::Entities,
        Mode::Filter,
        Mode::Quotes,
        Mode::Map,
        Mode::Feed,
    ] {
        for b in keymap.bindings().iter().filter(|b| b.mode == mode) {
            let keys = keys_label(&b.names)
                .split(' ')
                .map(|k| format!("`{k}`"))
                .collect::<Vec<_>>()
                .join(" ");
            out.push_str(&format!(
                "| {keys} | {} | {} |\n",
                b.description,
                mode.title().to_lowercase()
            ));
        }
    }
    out
}

/// How a key name is shown to the reader (`C-f` as `Ctrl-f`).
pub fn display_name(name: &str) -> String {
    match name.strip_prefix("C-") {
        Some(rest) if !rest.is_empty() => format!("Ctrl-{rest}"),
        _ => name.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn the_readme_lists_every_key() {
        let table = markdown_table(&Keymap::default());
        let readme = include_str!("../README.md");
        assert!(
            readme.contains(&table),
            "README.md's key table differs from the keymap; it should read:\n{table}"
        );
    }

    #[test]
    fn the_embedded_keymap_parses() {
        let map = Keymap::default();
        assert!(map.bindings().len() > 20);
        assert!(map.hints(&[Mode::Normal]).any(|(k, _)| k == "h"));
        assert!(
            !map.hints(&[Mode::Body, Mode::Normal])
                .any(|(k, _)| k == "Enter")
        );
    }

    #[test]
    fn key_names_parse() {
        let cases = [
            ("j", Some((KeyCode::Char('j'), false))),
            ("C-f", Some((KeyCode::Char('f'), true))),
            ("Space", Some((KeyCode::Char(' '), false))),
            ("F1", Some((KeyCode::F(1), false))),
            ("PageDown", Some((KeyCode::PageDown, false))),
            ("C-", None),
            ("Fx", None),
            ("jj", None),
            ("", None),
        ];
        for (name, want) in cases {
            let got = Key::parse(name).map(|k| (k.code, k.ctrl));
            assert_eq!(got, want, "{name}");
        }
    }

    #[test]
    fn shift_is_ignored_and_ctrl_is_not() {
        let map = Keymap::default();
        let normal = [Mode::Body, Mode::Normal];
        assert_eq!(
            map.lookup(&normal, &key(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            Some(Action::Bottom)
        );
        assert_eq!(
            map.lookup(&normal, &key(KeyCode::Char('f'), KeyModifiers::CONTROL)),
            Some(Action::Page(1))
        );
        assert_ne!(
            map.lookup(&normal, &key(KeyCode::Char('f'), KeyModifiers::NONE)),
            Some(Action::Page(1))
        );
    }

    #[test]
    fn modes_pick_the_binding() {
        let map = Keymap::default();
        let j = key(KeyCode::Char('j'), KeyModifiers::NONE);
        assert_eq!(
            map.lookup(&[Mode::Body, Mode::Normal], &j),
            Some(Action::Scroll(1))
        );
        assert_eq!(
            map.lookup(&[Mode::Outline, Mode::Normal], &j),
            Some(Action::OutlineMove(1))
        );
        assert_eq!(map.lookup(&[Mode::Help], &j), Some(Action::HelpScroll(1)));
        let esc = key(KeyCode::Esc, KeyModifiers::NONE);
        assert_eq!(map.lookup(&[Mode::Help], &esc), Some(Action::Back));
    }

    #[test]
    fn a_user_file_overrides_keys_in_its_mode() {
        let mut map = Keymap::default();
        let user = Keymap::parse(
            "[[key]]\nkeys = [\"j\"]\naction = \"page_down\"\ndescription = \"d\"\nmode = \"body\"\n",
        )
        .expect("valid");
        map.merge(user);
        let j = key(KeyCode::Char('j'), KeyModifiers::NONE);
        let down = key(KeyCode::Down, KeyModifiers::NONE);
        let body = [Mode::Body, Mode::Normal];
        assert_eq!(map.lookup(&body, &j), Some(Action::Page(1)));
        assert_eq!(map.lookup(&body, &down), Some(Action::Scroll(1)));
        assert_eq!(
            map.lookup(&[Mode::Outline], &j),
            Some(Action::OutlineMove(1))
        );
    }

    #[test]
    fn key_labels() {
        let names = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(keys_label(&names(&["1", "2", "3"])), "1-3");
        assert_eq!(keys_label(&names(&["j", "Down"])), "j Down");
        assert_eq!(keys_label(&names(&["C-f"])), "Ctrl-f");
        assert_eq!(keys_label(&names(&["1", "3", "4"])), "1 3 4");
    }

    #[test]
    fn bad_files_are_refused() {
        let bad_action =
            "[[key]]\nkeys = [\"j\"]\naction = \"fly\"\ndescription = \"d\"\nmode = \"body\"\n";
        assert!(matches!(
            Keymap::parse(bad_action),
            Err(KeymapError::Action(_))
        ));
        let bad_key = "[[key]]\nkeys = [\"Hyper\"]\naction = \"quit\"\ndescription = \"d\"\nmode = \"body\"\n";
        assert!(matches!(Keymap::parse(bad_key), Err(KeymapError::Key(_))));
        assert!(matches!(
            Keymap::parse("key = 3"),
            Err(KeymapError::Toml(_))
        ));
    }
}
