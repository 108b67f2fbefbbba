//! The config file: `$XDG_CONFIG_HOME/lede/config.toml` (found with the
//! `directories` crate) or `--config PATH`; its defaults, with comments, are
//! `assets/config.toml` (`lede --print-config`).
//!
//! Parsing is strict: an unknown key, a wrong type, an unknown action or key
//! name is an error naming the file and the line (from toml's spans), so a
//! typo never silently does nothing. A missing default file is no error; a
//! missing `--config` file is. Knows nothing of the terminal; the key
//! bindings are merged over the embedded keymap with `Keymap::merge`.

use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::app::{Action, Level, Prefs};
use crate::keymap::{Binding, Key, Keymap, Mode};
use crate::sanitize;
use crate::ui::theme::ThemeName;

/// The defaults, with comments.
pub const DEFAULT: &str = include_str!("../assets/config.toml");
/// Config files larger than this are refused (a config is a few lines).
const MAX_BYTES: u64 = 1024 * 1024;

/// Why the config cannot be used: one line, naming the file (and the line).
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{}: {reason}", sanitize::clean(&path.display().to_string()))]
    Read { path: PathBuf, reason: String },
    #[error("{}:{line}: {reason}", sanitize::clean(&path.display().to_string()))]
    Invalid {
        path: PathBuf,
        line: usize,
        reason: String,
    },
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    theme: Option<ThemeName>,
    width: Option<Spanned<u16>>,
    #[serde(default)]
    panes: PanesFile,
    #[serde(default)]
    highlight: HighlightFile,
    #[serde(default)]
    key: Vec<KeyEntry>,
    #[serde(default)]
    feed: Vec<FeedEntry>,
    #[serde(default)]
    fetch: FetchFile,
    #[serde(default)]
    cache: CacheFile,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FeedEntry {
    url: Spanned<String>,
    name: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FetchFile {
    connect_timeout: Option<Spanned<u64>>,
    timeout: Option<Spanned<u64>>,
    max_mb: Option<Spanned<u64>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct CacheFile {
    max_mb: Option<Spanned<u64>>,
}

/// A feed the config lists (`[[feed]]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedSource {
    pub url: String,
    pub name: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct PanesFile {
    outline: Option<bool>,
    furniture: Option<bool>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct HighlightFile {
    actor: Option<bool>,
    place: Option<bool>,
    number: Option<bool>,
    level: Option<Level>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct KeyEntry {
    keys: Vec<Spanned<String>>,
    action: Spanned<String>,
    mode: Mode,
    description: Option<String>,
    hint: Option<String>,
}

/// Which panes show at start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PaneChoice {
    pub outline: bool,
    pub furniture: bool,
}

/// The settings in effect.
#[derive(Debug, Clone)]
pub struct Config {
    /// `None`: auto.
    pub theme: Option<ThemeName>,
    pub width: u16,
    pub panes: PaneChoice,
    /// In `EntityKind::ALL` order: actor, place, number.
    pub highlight: [bool; 3],
    /// How much is lit; `H` changes it, and the change is written back.
    pub level: Level,
    /// The default keymap with the file's bindings merged over it.
    pub keymap: Keymap,
    /// The feeds `lede feeds` opens.
    pub feeds: Vec<FeedSource>,
    /// Timeouts and the size cap of fetches (`[fetch]`).
    pub fetch: crate::fetch::Limits,
    /// The bound of the page cache in bytes (`[cache] max_mb`).
    pub cache_bytes: u64,
    /// The file read, or the default one that was not there (where `H`'s
    /// level is written back); `None` when there is no config folder.
    pub path: Option<PathBuf>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            theme: None,
            width: crate::layout::MAX_READING_WIDTH,
            panes: PaneChoice {
                outline: true,
                furniture: false,
            },
            highlight: [true; 3],
            level: Level::default(),
            keymap: Keymap::default(),
            feeds: Vec::new(),
            fetch: crate::fetch::Limits::default(),
            cache_bytes: crate::cache::DEFAULT_MAX_BYTES,
            path: None,
        }
    }
}

impl Config {
    /// Loads `path`, or the default file when there is one, or the defaults.
    pub fn load(path: Option<&Path>) -> Result<Config, ConfigError> {
        let (path, required) = match path {
            Some(p) => (p.to_path_buf(), true),
            None => match default_path() {
                Some(p) => (p, false),
                None => return Ok(Config::default()),
            },
        };
        let read_error = |reason: String| ConfigError::Read {
            path: path.clone(),
            reason,
        };
        let meta = match std::fs::metadata(&path) {
            Ok(meta) => meta,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !required => {
                return Ok(Config {
                    path: Some(path),
                    ..Config::default()
                });
            }
            Err(e) => return Err(read_error(e.to_string().to_lowercase())),
        };
        if meta.is_dir() {
            return Err(read_error("is a directory, not a config file".into()));
        }
        // A FIFO or a device would block the read, or never end.
        if !meta.is_file() {
            return Err(read_error("not a regular file, not a config file".into()));
        }
        if meta.len() > MAX_BYTES {
            return Err(read_error(format!("larger than {MAX_BYTES} bytes")));
        }
        let bytes = std::fs::read(&path).map_err(|e| read_error(e.to_string().to_lowercase()))?;
        let text = String::from_utf8(bytes).map_err(|_| read_error("not UTF-8 text".into()))?;
        let mut config = Config::parse(&text).map_err(|(line, reason)| ConfigError::Invalid {
            path: path.clone(),
            line,
            reason,
        })?;
        config.path = Some(path);
        Ok(config)
    }

    /// Parses a config's text; an error is (line, reason).
    pub fn parse(text: &str) -> Result<Config, (usize, String)> {
        let line_of = |offset: usize| text[..offset.min(text.len())].matches('\n').count() + 1;
        let file: File = toml::from_str(text).map_err(|e| {
            let line = e.span().map_or(1, |s| line_of(s.start));
            (line, one_line(e.message()))
        })?;
        let mut config = Config {
            theme: file.theme.filter(|t| *t != ThemeName::Auto),
            ..Config::default()
        };
        if let Some(width) = file.width {
            let w = *width.get_ref();
            if !(20..=200).contains(&w) {
                return Err((
                    line_of(width.span().start),
                    format!("width {w} is out of range (20-200)"),
                ));
            }
            config.width = w;
        }
        config.panes.outline = file.panes.outline.unwrap_or(true);
        config.panes.furniture = file.panes.furniture.unwrap_or(false);
        let h = &file.highlight;
        config.highlight = [h.actor, h.place, h.number].map(|v| v.unwrap_or(true));
        config.level = h.level.unwrap_or_default();
        let mut bindings = Vec::with_capacity(file.key.len());
        for entry in file.key {
            let action_name = entry.action.get_ref();
            let action = Action::from_name(action_name).ok_or_else(|| {
                (
                    line_of(entry.action.span().start),
                    format!(
                        "unknown action `{}` (lede --list-actions lists them)",
                        sanitize::clean(action_name)
                    ),
                )
            })?;
            let mut keys = Vec::with_capacity(entry.keys.len());
            for name in &entry.keys {
                let key = Key::parse(name.get_ref()).ok_or_else(|| {
                    (
                        line_of(name.span().start),
                        format!("unknown key `{}`", sanitize::clean(name.get_ref())),
                    )
                })?;
                keys.push(key);
            }
            if keys.is_empty() {
                return Err((line_of(entry.action.span().start), "no keys given".into()));
            }
            bindings.push(Binding {
                names: entry.keys.iter().map(|k| k.get_ref().clone()).collect(),
                keys,
                action,
                description: entry.description.unwrap_or_else(|| action_name.clone()),
                mode: entry.mode,
                hint: entry.hint,
            });
        }
        if !bindings.is_empty() {
            config.keymap.merge(Keymap::from_bindings(bindings));
        }
        for feed in file.feed {
            let url = feed.url.get_ref().trim();
            if url.is_empty() {
                return Err((line_of(feed.url.span().start), "empty feed url".into()));
            }
            // `ftp://…` is an address lede cannot fetch, not a file name.
            if url.contains("://")
                && let Err(e) = crate::fetch::check_url(url)
            {
                return Err((line_of(feed.url.span().start), one_line(&e.to_string())));
            }
            config.feeds.push(FeedSource {
                url: url.to_string(),
                name: feed.name.filter(|n| !n.trim().is_empty()),
            });
        }
        let secs = |v: &Option<Spanned<u64>>, default: std::time::Duration| match v {
            Some(v) if !(1..=3600).contains(v.get_ref()) => Err((
                line_of(v.span().start),
                format!("{} seconds is out of range (1-3600)", v.get_ref()),
            )),
            Some(v) => Ok(std::time::Duration::from_secs(*v.get_ref())),
            None => Ok(default),
        };
        let megabytes = |v: &Option<Spanned<u64>>, default: u64| match v {
            Some(v) if !(1..=100_000).contains(v.get_ref()) => Err((
                line_of(v.span().start),
                format!("{} MB is out of range (1-100000)", v.get_ref()),
            )),
            Some(v) => Ok(*v.get_ref() * 1024 * 1024),
            None => Ok(default),
        };
        let limits = crate::fetch::Limits::default();
        config.fetch = crate::fetch::Limits {
            connect_timeout: secs(&file.fetch.connect_timeout, limits.connect_timeout)?,
            timeout: secs(&file.fetch.timeout, limits.timeout)?,
            max_bytes: megabytes(&file.fetch.max_mb, limits.max_bytes)?,
        };
        config.cache_bytes = megabytes(&file.cache.max_mb, crate::cache::DEFAULT_MAX_BYTES)?;
        Ok(config)
    }

    /// Highlight switches in `ViewState::highlight` order.
    pub fn highlight_flags(&self) -> [bool; 3] {
        self.highlight
    }

    /// How articles open, as the config asks (`reveal` is the command
    /// line's).
    pub fn prefs(&self, reveal: bool) -> Prefs {
        Prefs {
            outline_shown: self.panes.outline,
            show_furniture: self.panes.furniture,
            highlight: self.highlight,
            level: self.level,
            reading_width: self.width,
            reveal,
        }
    }
}

/// Writes `level` as `[highlight] level` into the config file at `path`
/// (`--config`'s, else the default one), keeping the rest of it as it is;
/// a missing file is made with that one setting. The file is replaced
/// whole (written beside it, then renamed over it); a symlinked config is
/// written through its link.
pub fn remember_level(path: &Path, level: Level) -> Result<(), String> {
    let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let text = match std::fs::metadata(&path) {
        Ok(meta) if !meta.is_file() => return Err("not a regular file".into()),
        Ok(meta) if meta.len() > MAX_BYTES => {
            return Err(format!("larger than {MAX_BYTES} bytes"));
        }
        Ok(_) => {
            let bytes = std::fs::read(&path).map_err(|e| e.to_string().to_lowercase())?;
            String::from_utf8(bytes).map_err(|_| "not UTF-8 text".to_string())?
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(e.to_string().to_lowercase()),
    };
    let text = with_level(&text, level)?;
    crate::state::write_atomic(&path, |file| {
        use std::io::Write;
        file.write_all(text.as_bytes())
    })
    .map_err(|e| e.to_string().to_lowercase())
}

/// `text`, a config, with `[highlight] level` set to `level`.
fn with_level(text: &str, level: Level) -> Result<String, String> {
    let mut doc: toml_edit::DocumentMut = text
        .parse()
        .map_err(|e: toml_edit::TomlError| one_line(e.message()))?;
    let highlight = doc
        .entry("highlight")
        .or_insert_with(|| toml_edit::Item::Table(toml_edit::Table::new()));
    let Some(table) = highlight.as_table_like_mut() else {
        return Err("`highlight` is not a table".into());
    };
    table.insert("level", toml_edit::value(level.name()));
    Ok(doc.to_string())
}

/// `$XDG_CONFIG_HOME/lede/config.toml`, or the platform's equivalent.
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "lede").map(|d| d.config_dir().join("config.toml"))
}

/// toml's messages can span lines; ours are one.
fn one_line(message: &str) -> String {
    let joined = message.split_whitespace().collect::<Vec<_>>().join(" ");
    sanitize::clean(&joined).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    #[test]
    fn the_printed_defaults_are_the_defaults() {
        let parsed = Config::parse(DEFAULT).expect("the embedded config parses");
        let default = Config::default();
        assert_eq!(parsed.theme, default.theme);
        assert_eq!(parsed.width, default.width);
        assert_eq!(parsed.panes, default.panes);
        assert_eq!(parsed.highlight, default.highlight);
        assert_eq!(parsed.level, default.level);
        assert_eq!(
            parsed.keymap.bindings().len(),
            default.keymap.bindings().len()
        );
    }

    #[test]
    fn settings_are_read() {
        let config = Config::parse(
            "theme = \"light\"\nwidth = 60\n[panes]\noutline = false\n[highlight]\nnumber = false\n\
             [[key]]\nkeys = [\"J\"]\naction = \"page_down\"\nmode = \"body\"\n",
        )
        .expect("valid");
        assert_eq!(config.theme, Some(ThemeName::Light));
        assert_eq!(config.width, 60);
        assert!(!config.panes.outline && !config.panes.furniture);
        assert_eq!(config.highlight, [true, true, false]);
        let j = KeyEvent::new(KeyCode::Char('J'), KeyModifiers::SHIFT);
        assert_eq!(
            config.keymap.lookup(&[Mode::Body, Mode::Normal], &j),
            Some(Action::Page(1))
        );
    }

    #[test]
    fn errors_name_the_line() {
        let cases = [
            ("theme = \"dark\"\ncolour = 1\n", 2, "unknown field"),
            ("width = 5\n", 1, "out of range"),
            ("\n\n[panes]\noutline = \"yes\"\n", 4, "bool"),
            (
                "[[key]]\nkeys = [\"j\"]\naction = \"fly\"\nmode = \"body\"\n",
                3,
                "unknown action `fly`",
            ),
            (
                "[[key]]\nkeys = [\"j\",\n  \"Hyper\"]\naction = \"quit\"\nmode = \"body\"\n",
                3,
                "unknown key `Hyper`",
            ),
            ("theme = \"neon\"\n", 1, "unknown variant"),
            ("[highlight]\nperson = true\n", 2, "unknown field"),
            ("[highlight]\nlevel = \"some\"\n", 2, "unknown variant"),
            ("= broken\n", 1, ""),
        ];
        for (text, line, says) in cases {
            let Err((got, reason)) = Config::parse(text) else {
                panic!("{text:?} parsed");
            };
            assert_eq!(got, line, "{text:?}: {reason}");
            assert!(reason.contains(says), "{text:?}: {reason}");
            assert!(!reason.contains('\n'));
        }
    }

    #[test]
    fn the_reader_follows_the_config() {
        let config =
            Config::parse("width = 50\n[panes]\noutline = false\n[highlight]\nplace = false\n")
                .expect("valid");
        let doc = crate::cli::load_article(None).expect("seed");
        let mut app = crate::app::App::new(doc, Default::default(), config.keymap.clone())
            .with_prefs(config.prefs(false));
        app.update(Action::Resize(160, 48));
        let panes = app.panes();
        assert_eq!(panes.text.width, 50);
        assert_eq!(panes.outline, None);
        assert_eq!(app.cache().width(), 50);
        let left = panes.text.x - panes.body.x;
        let right = panes.body.right() - panes.text.right();
        assert!(left.abs_diff(right) <= 2, "centred: {left} {right}");
        assert!(!app.highlights(crate::extract::EntityKind::Place));
        // Wider than the default column, where the screen has room.
        app.reader_mut().view.reading_width = 120;
        app.update(Action::Resize(200, 48));
        assert_eq!(app.panes().text.width, 120);
        app.update(Action::Resize(90, 30));
        let panes = app.panes();
        assert!(panes.text.right() < panes.body.right(), "{panes:?}");
        assert_eq!(app.cache().width(), panes.text.width);
        assert!(app.highlights(crate::extract::EntityKind::Actor));
    }

    #[test]
    fn feeds_fetch_limits_and_the_cache_bound_are_read() {
        let config = Config::parse(
            "[[feed]]\nurl = \"https://example.org/feed.xml\"\nname = \"Example\"\n\
             [[feed]]\nurl = \"/home/me/saved.xml\"\n\
             [fetch]\ntimeout = 5\nmax_mb = 2\n[cache]\nmax_mb = 50\n",
        )
        .expect("valid");
        assert_eq!(config.feeds.len(), 2);
        assert_eq!(config.feeds[0].name.as_deref(), Some("Example"));
        assert_eq!(config.feeds[1].name, None);
        assert_eq!(config.fetch.timeout, std::time::Duration::from_secs(5));
        assert_eq!(
            config.fetch.connect_timeout,
            std::time::Duration::from_secs(10)
        );
        assert_eq!(config.fetch.max_bytes, 2 * 1024 * 1024);
        assert_eq!(config.cache_bytes, 50 * 1024 * 1024);
        for (text, line, says) in [
            (
                "[[feed]]\nurl = \"ftp://x/feed\"\n",
                2,
                "only http and https",
            ),
            ("[[feed]]\nname = \"x\"\n", 1, "missing field"),
            ("\n[fetch]\ntimeout = 0\n", 3, "out of range"),
            ("[cache]\nmax_mb = 0\n", 2, "out of range"),
        ] {
            let Err((got, reason)) = Config::parse(text) else {
                panic!("{text:?} parsed");
            };
            assert_eq!(got, line, "{text:?}: {reason}");
            assert!(reason.contains(says), "{text:?}: {reason}");
        }
    }

    #[test]
    fn the_level_is_written_back_keeping_the_rest() {
        let text = "# mine\ntheme = \"dark\" # dark\n\n[highlight]\nnumber = false\n";
        let got = with_level(text, Level::All).expect("valid");
        assert_eq!(
            got,
            "# mine\ntheme = \"dark\" # dark\n\n[highlight]\nnumber = false\nlevel = \"all\"\n"
        );
        let again = with_level(&got, Level::Selected).expect("valid");
        let config = Config::parse(&again).expect("parses");
        assert_eq!(config.level, Level::Selected);
        assert_eq!(config.highlight, [true, true, false]);
        let fresh = with_level("", Level::All).expect("valid");
        assert_eq!(Config::parse(&fresh).expect("parses").level, Level::All);
        assert!(with_level("highlight = 3\n", Level::All).is_err());
        assert!(with_level("= broken\n", Level::All).is_err());
    }

    #[test]
    fn the_level_is_remembered_in_the_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("lede").join("config.toml");
        remember_level(&path, Level::Selected).expect("written");
        let config = Config::load(Some(&path)).expect("loads");
        assert_eq!(config.level, Level::Selected);
        assert_eq!(config.prefs(false).level, Level::Selected);
        remember_level(&path, Level::First).expect("written");
        assert_eq!(
            Config::load(Some(&path)).expect("loads").level,
            Level::First
        );
    }

    #[test]
    fn a_named_file_must_exist_and_the_default_need_not() {
        let missing = Path::new("/nonexistent/lede.toml");
        let err = Config::load(Some(missing)).expect_err("missing");
        assert!(err.to_string().starts_with("/nonexistent/lede.toml: "));
    }
}
